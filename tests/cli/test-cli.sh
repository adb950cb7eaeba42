#!/bin/sh
# test-cli.sh — the command line: help, version, check, show, list, search,
# funds, formats and exit statuses (0 found, 1 nothing, 2 error).
. "$top_srcdir/tests/cli/lib.sh"

run hms --version
check_rc 0 "--version exits 0"
check_out_has "hms " "--version names the program"

run hms --help
check_rc 0 "--help exits 0"
check_out_has "search QUERY" "--help lists the commands"

run hms --lang ja --help
check_out_has "使い方: hms" "--lang ja --help: the help in Japanese"
run hms --lang=en --help
check_out_has "Usage: hms" "--lang=en --help: the help in English"

run hms --no-such-option
check_rc 2 "an unknown option exits 2"
check_err_has "Try 'hms --help'" "an unknown option points to --help"

run hms frobnicate
check_rc 2 "an unknown command exits 2"
check_err_has "unknown command 'frobnicate'" "an unknown command is named"

run hms check
check_rc 0 "the bundled content checks clean"
check_out_has "content OK" "check reports the content OK"

# Every bad fixture: exit 2, FILE:LINE: on stderr.
for f in "$top_srcdir"/tests/fixtures/bad/*.xml; do
	run hms check "$f"
	name=$(basename "$f")
	if [ "$rc" = 2 ] && printf '%s' "$err" | grep -qE "^[^:]*$name:[0-9]+: "; then
		ok 0 "check $name: exit 2 with FILE:LINE:"
	else
		ok 1 "check $name: exit 2 with FILE:LINE:"
		diag "rc=$rc" "$err"
	fi
done

run hms show project:p3-devices
check_rc 0 "show finds an entity"
check_out_has "医療機器・ヘルスケア" "show prints the title"
check_out_has "overview3:" "show prints the provenance"

run hms show no:such-id
check_rc 1 "show of an unknown id exits 1"

run hms show --format json project:p3-devices
check_rc 0 "show --format json exits 0"
if printf '%s' "$out" | python3 -m json.tool >/dev/null 2>&1; then ok 0 "show --format json is valid JSON"; else ok 1 "show --format json is valid JSON"; fi

run hms list project --format tsv
check_rc 0 "list project exits 0"
n=$(printf '%s\n' "$out" | tail -n +2 | wc -l)
[ "$n" -ge 23 ]; ok $? "list project has at least 23 projects (got $n)"
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NR > 1 && $1 !~ /^project:/' | wc -l)
[ "$bad" = 0 ]; ok $? "list TSV starts every record with the id"
first=$(printf '%s\n' "$out" | head -n 1 | cut -f1-3)
[ "$first" = "$(printf 'id\ttype\ttitle')" ]; ok $? "list TSV header starts id, type, title"

run hms list project --period 3 --format json
check_rc 0 "list --period 3 exits 0"
if printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if len(d)==8 else 1)'; then ok 0 "period 3 has 8 projects, as JSON"; else ok 1 "period 3 has 8 projects, as JSON"; fi

# Every type lists as TSV in valid UTF-8, a record a line starting with
# an id of that type (an empty relation column once printed garbage).
for t in period section project disease measure milestone kpi program ministry term; do
	run hms list $t --format tsv
	if [ "$rc" = 0 ] && printf '%s\n' "$out" | python3 -c '
import sys
t = sys.argv[1]
data = sys.stdin.buffer.read().decode("utf-8")
lines = data.rstrip("\n").split("\n")[1:]
sys.exit(0 if lines and all(l.startswith(t + ":") for l in lines) else 1)' "$t"; then
		ok 0 "list $t --format tsv: valid UTF-8, ids first"
	else
		ok 1 "list $t --format tsv: valid UTF-8, ids first"
	fi
done

run hms list nosuchtype
check_rc 2 "list of an unknown type exits 2"

run hms search "医療機器"
check_rc 0 "search finds something"
check_out_has "project:p3-devices" "search finds the project"

run hms search "ｘｙｚｚｙ-nothing-matches"
check_rc 1 "search with no match exits 1"

run hms search --format tsv "ヘルスケア"
check_rc 0 "search --format tsv exits 0"
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NF < 4' | wc -l)
[ "$bad" = 0 ]; ok $? "search TSV: id, type, title, snippet on every line"

run hms search --regex "ヘルス(ケア"
check_rc 2 "a bad regex exits 2"
check_err_has "offset" "a bad regex reports the offset"

run hms search --period 9 x
check_rc 2 "a bad --period exits 2"

run hms search
check_rc 2 "search without a query exits 2"

# Content text never reaches the terminal raw.  XML 1.0 cannot carry ESC
# itself, but it can carry C1 controls (U+009B is CSI, which some terminals
# obey), DEL and bidirectional overrides: they are shown as placeholders.
mkdir -p "$tmpdir/esc"
cp "$top_srcdir/content/sources.xml" "$top_srcdir/content/hms.rng" "$tmpdir/esc/"
ln -s "$top_srcdir/content/sources" "$tmpdir/esc/sources"
printf '<?xml version="1.0"?>\n<hms version="1">\n<term id="term:esc" src="overview3:89" kind="abbr"><title>FIH</title><alias>First in Human</alias><body><p>evil &#x9b;2J text &#x7f; and &#x202e;reversed</p></body></term>\n</hms>\n' >"$tmpdir/esc/t.xml"
run hms --content "$tmpdir/esc" show term:esc
check_rc 0 "show of an entity with escapes in its text exits 0"
if grep -q "$(printf '\302\233')" "$tmpdir/out"; then ok 1 "no C1 CSI reaches stdout"; else ok 0 "no C1 CSI reaches stdout"; fi
if grep -q "$(printf '\177')" "$tmpdir/out"; then ok 1 "no DEL reaches stdout"; else ok 0 "no DEL reaches stdout"; fi
if grep -q "$(printf '\342\200\256')" "$tmpdir/out"; then ok 1 "no bidi override reaches stdout"; else ok 0 "no bidi override reaches stdout"; fi
check_out_has "<U+009B>2J" "CSI is shown as a visible placeholder"
check_out_has "<U+202E>reversed" "a bidi override is shown as a visible placeholder"

run hms --content /nonexistent/dir list project
check_rc 2 "a missing content dir exits 2"
check_err_has "/nonexistent/dir" "a missing content dir is named"

# "Referenced by" counts what it lists (not the period links of the
# entities of a period, which the period's page lists elsewhere) and its
# groups sit under it.
run hms show period:3
n=$(printf '%s\n' "$out" | sed -n 's/^Referenced by (\([0-9]*\)):$/\1/p')
listed=$(printf '%s\n' "$out" | sed -n '/^Referenced by/,$p' | grep -c '^    [a-z]*:')
[ -n "$n" ] && [ "$n" = "$listed" ]
ok $? "show: 'Referenced by (N)' counts the $listed entities listed under it (N=$n)"
printf '%s\n' "$out" | grep -qx '  See also (from) (2):'
ok $? "show: the groups of backlinks are indented under their heading"
done_testing
