#!/bin/sh
# test-wrap.sh — `hms show --width N` wraps with the text engine.  On the
# three entities with the longest bodies (sections when there are any), at
# widths 30, 41 and 80, every wrapped line of the body:
#   - is at most N cells wide, as text measures cells (tests/unit/hms-width);
#   - cuts no character (valid UTF-8) and splits no grapheme cluster;
#   - keeps kinsoku: no continuation line starts with 。、」）・ー or a small
#     kana, and no line that continues ends with 「（;
# and the body is the --width 0 body less line breaks and indentation.
# Then every line of `hms show --width N` (headers, relations, sources,
# the reader's note) fits N cells, for several entities at 40 and 80; and
# show prints the reader's note as the interface does.
. "$top_srcdir/tests/cli/lib.sh"

measure="$top_builddir/tests/unit/hms-width"

# The body of `hms show`: the lines after the first blank line, up to the
# next blank line.
body() {
	awk 'NF == 0 { n++; next } n == 1'
}

# Entities of the given types, longest first by the size of their JSON
# record in `hms list` (title and text), one id per line.
longest() {
	for t in "$@"; do
		"$HMS" list "$t" --format json
	done | awk 'BEGIN { RS = "[{]\"id\":\"" }
		NR > 1 { id = $0; sub(/".*/, "", id); print length($0), id }' |
		sort -rn | head -n 3 | cut -d' ' -f2
}

ids=$(longest section)
if [ -z "$ids" ]; then
	# Content without sections yet: the longest of any type.
	ids=$(longest period project disease measure milestone kpi program \
		ministry term)
fi
n=$(printf '%s\n' "$ids" | grep -c .)
[ "$n" -ge 1 ]; ok $? "found entities to wrap ($n: $(echo $ids))"

for id in $ids; do
	"$HMS" show --width 0 "$id" | body >"$tmpdir/body0"
	[ -s "$tmpdir/body0" ]; ok $? "$id: --width 0 has a body"
	for w in 30 41 80; do
		"$HMS" show --width "$w" "$id" >"$tmpdir/out"
		rc=$?
		body <"$tmpdir/out" >"$tmpdir/body"
		"$measure" <"$tmpdir/body" >"$tmpdir/cells"
		paste -d '\t' "$tmpdir/cells" "$tmpdir/body" >"$tmpdir/both"

		[ "$rc" = 0 ]; ok $? "$id --width $w exits 0"

		long=$(awk -F '\t' -v w="$w" '{ split($1, c, " ") }
			c[1] > w { print c[1] " cells: " $2 }' "$tmpdir/both")
		[ -z "$long" ]; ok $? "$id --width $w: no line wider than $w cells"
		[ -z "$long" ] || diag "$long"

		cut=$(awk -F '\t' '{ split($1, c, " ") }
			c[1] < 0 || c[2] != 0 { print $1 ": " $2 }' "$tmpdir/both")
		[ -z "$cut" ]; ok $? "$id --width $w: no character or cluster cut"
		[ -z "$cut" ] || diag "$cut"

		# Pair each --width 0 line (a whole block) with the wrapped
		# lines that make it up, comparing without spaces.
		bad=$(awk '
			function strip(s) { gsub(/ /, "", s); return s }
			FNR == NR { blk[++nb] = strip($0); next }
			{
				s = strip($0)
				if (acc != "" && s ~ /^(、|。|，|．|・|：|；|？|！|）|」|』|】|〕|〉|》|ぁ|ぃ|ぅ|ぇ|ぉ|っ|ゃ|ゅ|ょ|ゎ|ァ|ィ|ゥ|ェ|ォ|ッ|ャ|ュ|ョ|ヮ|ヵ|ヶ|ー|ゝ|ゞ|ヽ|ヾ|々|…)/)
					print "kinsoku: starts: " $0
				acc = acc s
				if (acc == blk[b + 1]) {
					b++
					acc = ""
				} else {
					if (s ~ /(「|『|（|【|〔|〈|《)$/)
						print "kinsoku: ends: " $0
					if (length(acc) >= length(blk[b + 1])) {
						print "text: block " b + 1 " differs at: " $0
						b++
						acc = ""
					}
				}
			}
			END {
				if (b != nb || acc != "")
					print "text: " b " of " nb " blocks matched"
			}' "$tmpdir/body0" "$tmpdir/body")
		kin=$(printf '%s\n' "$bad" | grep '^kinsoku')
		txt=$(printf '%s\n' "$bad" | grep '^text')
		[ -z "$kin" ]; ok $? "$id --width $w: kinsoku holds"
		[ -z "$kin" ] || diag "$kin"
		[ -z "$txt" ]; ok $? "$id --width $w: same text as --width 0"
		[ -z "$txt" ] || diag "$txt"
	done
done

# Every line, not only the body: headers, relation lists (a project's
# programs once reached 211 columns), sources.
for id in project:p3-devices project:p3-drugs period:3 term:chuikyo \
    kpi:rm-biosimilar-share section:s3-3 $ids; do
	for w in 40 80; do
		"$HMS" show --width "$w" "$id" | "$measure" | sort -n | tail -n 1 \
			>"$tmpdir/widest"
		widest=$(cut -d' ' -f1 <"$tmpdir/widest")
		[ -n "$widest" ] && [ "$widest" -le "$w" ]
		ok $? "$id --width $w: no line is wider (widest $widest)"
	done
done

# The reader's note, as the interface shows it near the top of the page.
export XDG_DATA_HOME="$tmpdir/data"
printf 'note project:p3-devices 1 2025-11-22T10:00:00Z\n\t読み返すこと：予算の内訳\n' \
	>"$tmpdir/note"
"$HMS" notes --import "$tmpdir/note" >/dev/null 2>&1
"$HMS" show project:p3-devices >"$tmpdir/shown"
grep -q '^Your note:' "$tmpdir/shown" && grep -q '^  読み返すこと：予算の内訳$' "$tmpdir/shown"
ok $? "show prints the reader's note under its heading"
"$HMS" show project:p3-drugs >"$tmpdir/shown"
! grep -q '^Your note:' "$tmpdir/shown"
ok $? "show prints no note heading for an entity without one"

# The measuring tool itself: cells as the terminal counts them.
printf '①※\n大ｶﾞ\n\314\201x\n' | "$measure" >"$tmpdir/m"
[ "$(tr '\n' ' ' <"$tmpdir/m")" = "2 0 4 0 2 1 " ]
ok $? "hms-width counts cells and spots a split cluster"

done_testing
