#!/bin/sh
# test-plain.sh — plain mode: hms without cursor control (a pipe, TERM=dumb,
# --plain) reads commands a line at a time and prints pages as text with
# numbered links.
. "$top_srcdir/tests/cli/lib.sh"

# plain CMDS [ARGS]: feed the lines of CMDS to hms over a pipe.
plain() {
	cmds=$1
	shift
	# shellcheck disable=SC2086
	printf '%s' "$cmds" | ${HMS_WRAPPER:-} "$HMS" "$@" >"$tmpdir/out" 2>"$tmpdir/err"
	rc=$?
	out=$(cat "$tmpdir/out")
	err=$(cat "$tmpdir/err")
}

# A session: search, open a hit by its number, go back, quit.
plain 'search FIH
1
back
quit
'
check_rc 0 "a search, a hit, back and quit exit 0"
check_out_has "Search: FIH (" "search prints its heading"
check_out_has "[1] FIH (term:fih)" "hits are numbered, title then id"
check_out_has "Term  term:fih" "1 opens the first hit: the entity page"
check_out_has "Also: ファースト・イン・ヒューマン" "the page is the reader's page, as text"
n=$(grep -c '^Search: FIH (' "$tmpdir/out")
[ "$n" = 2 ]; ok $? "back prints the search results again (heading seen $n times)"
[ -z "$err" ]; ok $? "a good session says nothing on stderr ($err)"
if grep -q "$(printf '\033')" "$tmpdir/out"; then ok 1 "no escape sequence in the output"; else ok 0 "no escape sequence in the output"; fi

# Links of an entity page are numbered in its text and followed by number.
plain 'open period:3
1
'
check_rc 0 "open and a link number exit 0 at end of input"
check_out_has "Period  period:3" "open ID prints that page"
check_out_has "[1]" "the page's links are numbered"
[ "$(grep -c '' "$tmpdir/out")" -gt 10 ]; ok $? "a number follows a link of the page"

# A bad command: one line on stderr, and the session goes on.
plain 'frobnicate now
open term:fih
'
check_rc 0 "a bad command does not end the session (exit 0)"
[ "$(printf '%s\n' "$err" | wc -l)" = 1 ]; ok $? "a bad command gets one line ($err)"
check_err_has "frobnicate" "the message names the command"
check_out_has "Term  term:fih" "the next command still runs"

plain '99
back
open no:such-id
search
'
check_rc 0 "bad numbers and arguments do not end the session"
[ "$(printf '%s\n' "$err" | wc -l)" = 4 ]; ok $? "one line for each ($err)"

# End of input ends the session, status 0; so does :q, and nothing after
# it runs.
plain 'open term:fih'
check_rc 0 "end of input without a newline ends with 0"
check_out_has "Term  term:fih" "the last line is run even without a newline"
plain ':q
open term:fih
'
check_rc 0 ":q quits with 0"
check_out_lacks "term:fih" "nothing runs after :q"
plain ''
check_rc 0 "empty input: exit 0"
[ -z "$out" ] && [ -z "$err" ]; ok $? "empty input over a pipe: no prompt, no greeting"

# The width: $COLUMNS, else 80 (wc -L measures cells, as terminals do).
unset COLUMNS
plain 'search FIH
open measure:rm02-fih
'
w80=$(wc -L <"$tmpdir/out")
[ "$w80" -le 80 ] && [ "$w80" -gt 40 ]; ok $? "without COLUMNS pages are 80 cells wide ($w80)"
COLUMNS=40
export COLUMNS
plain 'search FIH
open measure:rm02-fih
'
# An id is never cut (it is what one copies): a line of its own may be
# longer.
w40=$(grep -Ev '^ *\([a-z]+:[a-z0-9-]+\)$' "$tmpdir/out" | wc -L)
[ "$w40" -le 40 ]; ok $? "COLUMNS=40: no line wider than 40 cells but an id ($w40)"
unset COLUMNS

# funds WORDS: the programs, grouped by project, with the total.
plain 'funds FIH
1
'
check_rc 0 "funds exits 0"
check_out_has "Funds: FIH (" "funds prints its heading"
check_out_has "Total: " "funds prints the total"
check_out_has "Program  program:" "a number opens a program's page"

# How it starts: over a pipe without a command, with TERM=dumb, --plain,
# hms open ID at that page; --plain with a command is a usage error.
echo 'open term:fih' | TERM=dumb "$HMS" >"$tmpdir/out" 2>&1
rc=$?
[ $rc = 0 ] && grep -q "Term  term:fih" "$tmpdir/out"; ok $? "TERM=dumb: plain mode (exit $rc)"
echo 'open term:fih' | env -u TERM "$HMS" >"$tmpdir/out" 2>&1
rc=$?
[ $rc = 0 ] && grep -q "Term  term:fih" "$tmpdir/out"; ok $? "TERM unset: plain mode (exit $rc)"
plain 'quit
' --plain open term:fih
check_rc 0 "--plain open ID exits 0"
check_out_has "Term  term:fih" "--plain open ID prints that page first"
plain '' open no:such-id
check_rc 2 "open of an unknown id is still a usage error"
run hms --plain search FIH
check_rc 2 "--plain with a command is a usage error"

# Content never reaches the output raw: C1 controls, DEL and bidi
# overrides are shown as placeholders (as hms show does).
mkdir -p "$tmpdir/esc"
cp "$top_srcdir/content/sources.xml" "$top_srcdir/content/hms.rng" "$tmpdir/esc/"
ln -s "$top_srcdir/content/sources" "$tmpdir/esc/sources"
printf '<?xml version="1.0"?>\n<hms version="1">\n<term id="term:esc" src="overview3:89" kind="abbr"><title>FIH &#x9b;2J</title><alias>First in Human</alias><body><p>evil &#x9b;2J text &#x7f; and &#x202e;reversed</p></body></term>\n</hms>\n' >"$tmpdir/esc/t.xml"
plain 'open term:esc
search evil
' --content "$tmpdir/esc"
check_rc 0 "a page with escapes in its text exits 0"
if grep -q "$(printf '\302\233')" "$tmpdir/out"; then ok 1 "no C1 CSI reaches stdout"; else ok 0 "no C1 CSI reaches stdout"; fi
if grep -q "$(printf '\177')" "$tmpdir/out"; then ok 1 "no DEL reaches stdout"; else ok 0 "no DEL reaches stdout"; fi
if grep -q "$(printf '\342\200\256')" "$tmpdir/out"; then ok 1 "no bidi override reaches stdout"; else ok 0 "no bidi override reaches stdout"; fi
check_out_has "<U+009B>2J" "CSI is shown as a visible placeholder"
plain "$(printf 'open \302\233x\n')" --content "$tmpdir/esc"
if grep -q "$(printf '\302\233')" "$tmpdir/err"; then ok 1 "a typed CSI is not echoed raw in a message"; else ok 0 "a typed CSI is not echoed raw in a message"; fi

done_testing
