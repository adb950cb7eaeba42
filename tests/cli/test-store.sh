#!/bin/sh
# test-store.sh — bookmarks and notes from the command line, and the
# promises of hms-files(5): two writers at once lose nothing, kill -9 in
# the middle of 1,000 writes loses nothing acknowledged, a damaged file
# is moved aside and said once, an orphaned id survives a content
# change, a directory that cannot be written gives read-only.
. "$top_srcdir/tests/cli/lib.sh"

helper="$top_builddir/tests/unit/store-helper"
XDG_DATA_HOME="$tmpdir/data"
export XDG_DATA_HOME
store="$XDG_DATA_HOME/hms"

count_lines() { printf '%s\n' "$out" | grep -c "$1"; }
# run_in DIR ARGS...: run hms with XDG_DATA_HOME=DIR.
run_in() {
	saved=$XDG_DATA_HOME
	XDG_DATA_HOME=$1
	shift
	run hms "$@"
	XDG_DATA_HOME=$saved
}

# ---- export and import ----
run hms bookmarks
check_rc 1 "no bookmarks yet: exit 1"
check_out_has "# hms bookmarks:" "the export starts with the file's comment"

cat >"$tmpdir/in-bm" <<'EOF'
# a hand-written file
project:p3-devices 2025-11-22T10:00:00Z 医療機器 の ラベル
kpi:rm-jrct-access 2025-11-23T10:00:00Z
EOF
run hms bookmarks --import "$tmpdir/in-bm"
check_rc 0 "bookmarks --import exits 0"
check_out_has "2 bookmarks added, 0 relabelled" "and says what it did"
mode=$(stat -c %a "$store/bookmarks" 2>/dev/null)
[ "$mode" = 600 ]; ok $? "the bookmarks file is mode 0600 (got $mode)"
mode=$(stat -c %a "$store" 2>/dev/null)
[ "$mode" = 700 ]; ok $? "the directory is mode 0700 (got $mode)"

run hms bookmarks
check_rc 0 "bookmarks exits 0"
check_out_has "project:p3-devices 2025-11-22T10:00:00Z 医療機器 の ラベル" \
	"text is the file format"
check_out_has "# 2 医療機器・ヘルスケア" "with the title as a comment"
printf '%s\n' "$out" >"$tmpdir/export-bm"
run hms bookmarks --format tsv
check_out_has "$(printf 'project:p3-devices\tproject\t医療機器・ヘルスケア\t医療機器 の ラベル\t2025-11-22T10:00:00Z')" \
	"TSV: id, type, title, label, time"
run hms bookmarks --format json
if printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if len(d)==2 and d[0]["label"]=="医療機器 の ラベル" and d[0]["orphan"] is False else 1)'; then
	ok 0 "JSON: valid, with label and orphan flag"
else
	ok 1 "JSON: valid, with label and orphan flag"
fi

cat >"$tmpdir/in-notes" <<'EOF'
note project:p3-devices 2 2025-11-22T10:00:00Z
	一行目
	
	third line	with a tab
EOF
run hms notes --import "$tmpdir/in-notes"
check_rc 0 "notes --import exits 0"
run hms notes
check_out_has "note project:p3-devices 2 2025-11-22T10:00:00Z" "notes: the header line"
check_out_has "$(printf '\t一行目')" "notes: text lines after a tab"
printf '%s\n' "$out" >"$tmpdir/export-notes"
run hms notes --format tsv
[ "$(printf '%s\n' "$out" | sed -n 2p | cut -f6)" = '一行目\n\nthird line    with a tab' ]
ok $? "notes TSV: the text on one line, escaped (a tab read became spaces)"

# The export imports into another store and exports the same.
run_in "$tmpdir/other" notes --import "$tmpdir/export-notes"
run_in "$tmpdir/other" bookmarks --import "$tmpdir/export-bm"
run_in "$tmpdir/other" notes
[ "$out" = "$(cat "$tmpdir/export-notes")" ]; ok $? "notes: export, import, export round trip"
run_in "$tmpdir/other" bookmarks
[ "$out" = "$(cat "$tmpdir/export-bm")" ]; ok $? "bookmarks: export, import, export round trip"
run hms notes --import "$tmpdir/export-notes"
check_out_has "0 notes added, 0 merged" "importing the same notes again changes nothing"

printf 'note kpi:x 1 2025-11-22T10:00:00Z\n\tok\nnonsense here\n' >"$tmpdir/bad-notes"
run hms notes --import "$tmpdir/bad-notes"
check_rc 2 "a damaged import file exits 2"
check_err_has "bad-notes:3:" "and says where"
run hms search --import "$tmpdir/bad-notes" x
check_rc 2 "--import with another command is a usage error"
run hms bookmarks extra
check_rc 2 "bookmarks takes no argument"

# ---- two writers at once ----
cdir="$tmpdir/conc/hms"
"$helper" add "$cdir" kpi:one 100 2>"$tmpdir/c1" &
p1=$!
"$helper" add "$cdir" kpi:two 100 2>"$tmpdir/c2" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
[ $r1 = 0 ] && [ $r2 = 0 ]; ok $? "two concurrent writers of 100 bookmarks each finish ($(cat "$tmpdir/c1" "$tmpdir/c2"))"
run_in "$tmpdir/conc" bookmarks --format tsv
n1=$(count_lines '^kpi:one-')
n2=$(count_lines '^kpi:two-')
[ "$n1" = 100 ] && [ "$n2" = 100 ]; ok $? "all 200 bookmarks are there (got $n1 + $n2)"
check_out_has "$(printf 'kpi:one-99\torphan')" "ids the content lacks are exported as orphans"

# ---- kill -9 during 1,000 writes ----
kdir="$tmpdir/kill/hms"
seed=${HMS_CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
diag "kill -9 test: seed $seed (HMS_CRASH_SEED=$seed repeats the delays)"
acked=0 round=0 kills=0 failed=0 span=0.2
while [ $acked -lt 1000 ] && [ $round -lt 500 ]; do
	round=$((round + 1))
	"$helper" write "$kdir" $acked 1000 >"$tmpdir/acks" 2>"$tmpdir/werr" &
	pid=$!
	sleep "$(awk -v s="$seed" -v r=$round -v span=$span \
		'BEGIN { srand(s + r); printf "%.3f", 0.005 + rand() * span }')"
	kill -9 $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
	last=$(grep -E '^ack [0-9]+ done$' "$tmpdir/acks" | tail -n 1 | cut -d' ' -f2)
	if [ -n "$last" ] && [ $((last + 1)) -gt $acked ]; then
		acked=$((last + 1))
	else
		# No progress (a slow disk): wait longer next time.
		span=$(awk -v s=$span 'BEGIN { print (s < 3 ? s * 2 : s) }')
	fi
	if ! "$helper" check "$kdir" $acked >"$tmpdir/cout" 2>"$tmpdir/cerr"; then
		failed=1
		diag "after kill $kills (round $round, $acked acknowledged):" \
			"$(cat "$tmpdir/cerr")"
		break
	fi
done
[ $acked = 1000 ]; ok $? "1,000 writes acknowledged across $kills kills"
[ $failed = 0 ]; ok $? "after every kill the files load and hold every acknowledged entry"
[ $kills -ge 3 ]; ok $? "the writer was killed mid-run ($kills times)"
left=$(ls "$kdir" | grep -c '\.tmp-')
[ "$left" = 0 ]; ok $? "no temporary file is left once the store is opened again"

# ---- a damaged file ----
printf '2025-01-01T00:00:00Z kpi:a\n\001\002 binary junk\n' >"$store/history"
run hms bookmarks
check_err_has "hms: history was damaged: moved aside as history.corrupt-" \
	"a damaged file is reported on stderr, with where it went"
check_err_has "(line 2: not valid UTF-8 text); 1 entries could be read and are kept (in $store)" \
	"why, and what was kept"
aside=$(ls "$store" | grep -c '^history\.corrupt-[0-9]\{8\}-[0-9]\{6\}$')
[ "$aside" = 1 ]; ok $? "moved aside as history.corrupt-YYYYmmdd-HHMMSS"
run hms bookmarks
[ -z "$err" ]; ok $? "and reported once (stderr now: $err)"

# ---- an orphan survives a content change ----
if "$HMS" show term:pi >/dev/null 2>&1; then
	mkdir -p "$tmpdir/content"
	cp -r "$HMS_CONTENT/." "$tmpdir/content/"
	awk '/<term id="term:pi"/ { skip = 1 } skip && /<\/term>/ { skip = 0; next } !skip' \
		"$HMS_CONTENT/glossary.xml" >"$tmpdir/content/glossary.xml"
	printf 'term:pi 2025-11-22T10:00:00Z principal investigator\n' >"$tmpdir/pi"
	run hms bookmarks --import "$tmpdir/pi"
	printf 'note term:pi 1 2025-11-22T10:00:00Z\n\tmy PI note\n' >"$tmpdir/pi-note"
	run hms notes --import "$tmpdir/pi-note"
	run hms --content "$tmpdir/content" show term:pi
	check_rc 1 "the changed content lacks term:pi"
	run hms --content "$tmpdir/content" bookmarks
	check_out_has "# [orphan]" "its bookmark is listed as an orphan"
	check_out_has "term:pi 2025-11-22T10:00:00Z principal investigator" "and kept"
	# A change made while the content lacks it keeps it.
	printf 'kpi:rm-jrct-access 2025-11-24T10:00:00Z relabelled\n' >"$tmpdir/relabel"
	run hms --content "$tmpdir/content" bookmarks --import "$tmpdir/relabel"
	run hms --content "$tmpdir/content" notes --format tsv
	check_out_has "$(printf 'term:pi\torphan\t\t1')" "its note is an orphan too"
	run hms bookmarks --format tsv
	check_out_has "$(printf 'term:pi\tterm\tPI\tprincipal investigator')" \
		"with the entity back, the bookmark is whole again"
else
	skip "the bundled content has no term:pi to remove"
fi

# ---- read-only ----
: >"$tmpdir/a-file"
run_in "$tmpdir/a-file" bookmarks --import "$tmpdir/in-bm"
check_rc 2 "an unusable directory: import fails"
check_err_has "read-only this session" "saying bookmarks are read-only"
check_err_has "Not a directory" "and why"
run_in "$tmpdir/a-file" bookmarks
check_rc 1 "exporting still works (nothing to export)"
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$tmpdir/ro/hms"
	cp "$store/bookmarks" "$tmpdir/ro/hms/"
	chmod 0500 "$tmpdir/ro/hms"
	run_in "$tmpdir/ro" bookmarks --import "$tmpdir/in-bm"
	check_rc 2 "chmod 0500: import fails"
	check_err_has "cannot write to $tmpdir/ro/hms" "saying the directory cannot be written"
	run_in "$tmpdir/ro" bookmarks
	check_out_has "project:p3-devices" "what is there is still exported"
	chmod 0700 "$tmpdir/ro/hms"
else
	skip "running as root: chmod 0500 does not stop writes (the case above stands for it)"
fi

done_testing
