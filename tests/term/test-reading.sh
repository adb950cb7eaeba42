#!/bin/sh
# test-reading.sh — reading as in info and less (issue 16): pages keep to
# a reading width on a wide terminal, hms starts again where it was
# left, and Back returns to the same lines of a page.
. "$top_srcdir/tests/term/lib.sh"

measure="$top_builddir/tests/unit/hms-width"
# Every session here starts where the one before quit, as a person's do.
TERM_KEEP_PLACE=1

# The widest row of the page (every row but the status and message
# lines) of a pane h rows tall, in cells.
page_width() {
	term_capture | sed -n "1,$(($1 - 2))p" | "$measure" |
	    awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }'
}

# The page and the status line (all but the message line), to compare.
page_rows() { term_capture | sed -n "1,$(($1 - 1))p"; }

quit() {
	term_keys :
	term_type "q"
	term_keys Enter
	term_status
}

# ---- reading width ----
term_start 160 30 -- open section:s3-3
term_check "[reader]" "width: a long section opens in the reader, 160 columns"
term_settle
w=$(page_width 30)
[ "$w" -le 100 ]; ok $? "width: no line of the page is wider than 100 columns by default ($w)"
[ "$w" -gt 90 ]; ok $? "width: and the lines use that room ($w)"
term_keys :
term_type "set reading-width 70"
term_keys Enter
term_wait "reading-width 70"
term_settle
msg=$(term_capture | sed -n 30p)
[ "$msg" = "reading-width 70" ]; ok $? "width: :set reading-width 70 says the new value ($msg)"
w=$(page_width 30)
[ "$w" -le 70 ] && [ "$w" -gt 60 ]; ok $? "width: :set reading-width 70 wraps the page to 70 columns ($w)"
term_keys :
term_type "set reading-width wide"
term_keys Enter
term_check "must be a number of columns" "width: a bad value at the prompt is refused, saying what a value is"
term_keys :
term_type "set nosuch 3"
term_keys Enter
term_check "No setting called" "width: an unknown setting at the prompt is refused"
[ "$(quit)" = 0 ]; ok $? "width: :q quits with status 0"

term_start 160 30 -- --reading-width 0 open section:s3-3
term_check "[reader]" "width: --reading-width 0"
term_settle
w=$(page_width 30)
[ "$w" -gt 100 ]; ok $? "width: --reading-width 0 uses the whole width ($w)"
quit >/dev/null

mkdir -p "$tmpdir/config/hms"
printf '# narrow\nset reading-width 60\n' >"$tmpdir/config/hms/keys"
term_start 160 30 -- --fresh open section:s3-3
term_check "[reader]" "width: set reading-width 60 in the keys file"
term_settle
w=$(page_width 30)
[ "$w" -le 60 ] && [ "$w" -gt 50 ]; ok $? "width: the keys file's setting applies ($w)"
quit >/dev/null
term_start 160 30 -- --reading-width 0 open section:s3-3
term_check "[reader]" "width: the command line and the keys file"
term_settle
w=$(page_width 30)
[ "$w" -gt 100 ]; ok $? "width: --reading-width beats the keys file ($w)"
quit >/dev/null
rm -f "$tmpdir/config/hms/keys"

# ---- the last place ----
rm -rf "$tmpdir/data"
term_start 80 24 -- open section:s3-3
term_check "[reader]" "place: a long section opens"
term_keys Down Down Down Down Down Down Down
term_settle
before=$(page_rows 24)
term_keys q
[ "$(term_status)" = 0 ]; ok $? "place: q quits with status 0"
[ -s "$tmpdir/data/hms/place" ]; ok $? "place: the place file is written"
head -n 1 "$tmpdir/data/hms/place" | grep -q '^# hms place:'
ok $? "place: it starts with a comment naming the format"

term_start 80 24
term_check "[reader]" "place: started again without arguments, hms is back in the reader"
term_settle
again=$(page_rows 24)
[ "$again" = "$before" ]; ok $? "place: the same entity at the same scroll position"
[ "$again" = "$before" ] || diag "before:" "$before" "again:" "$again"
term_keys q
term_status >/dev/null

term_start 80 24 -- --fresh
term_check "Projects" "place: --fresh"
term_settle
term_status_line 24 | grep -qF "[list]"; ok $? "place: --fresh starts at the first screen (the projects list)"
term_capture | grep -qF "３ エコシステム"; [ $? != 0 ]
ok $? "place: and not at the saved section"
term_keys q
term_status >/dev/null

term_start 80 24 -- open kpi:p1-04
term_check "kpi:p1-04" "place: hms open ID wins over the saved place"
term_capture | grep -qF "３ エコシステム"; [ $? != 0 ]
ok $? "place: the saved section is not shown"
term_keys q
term_status >/dev/null
grep -q ' kpi:p1-04 ' "$tmpdir/data/hms/place"; ok $? "place: and quitting saves the new place"

printf '# hms place\nentity reader kpi:no-such-thing 0 0 0\n' >"$tmpdir/data/hms/place"
term_start 80 24
term_check "p projects, o outline" "place: an id the content no longer has is passed over quietly"
term_capture | grep -qF "[list]"; ok $? "place: at the first screen"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "place: and q quits with status 0"

printf 'entity reader \001\377 x\n' >"$tmpdir/data/hms/place"
term_start 80 24
term_check "saved place cannot be used" "place: a damaged place file: hms starts and says so"
term_capture | grep -qF "[list]"; ok $? "place: at the first screen"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "place: q quits with status 0"
grep -q '^projects list ' "$tmpdir/data/hms/place"; ok $? "place: and the damaged file is replaced by a good one"

# ---- Back returns to the same lines in the middle of a page ----
# The page is scrolled to its middle (not its end, where any scroll
# position clamps to the same lines), a link followed, then Back.  Five
# lines down the top row is text (this passed before, kept as a
# regression test); seven lines down it is the blank line before the
# text, which holds the same place (block, offset) as the text's first
# line: Back used to come back one line further down.
for downs in 5 7; do
	term_start 80 24 -- open section:s3-3
	term_check "[reader]" "back $downs: a long section opens"
	i=0
	while [ $i -lt $downs ]; do
		term_keys Down
		i=$((i + 1))
	done
	term_settle
	term_status_line 24 | grep -qE ' [1-9][0-9]?%'
	ok $? "back $downs: the page is scrolled to its middle"
	term_keys Tab
	term_settle
	from=$(page_rows 24)
	term_keys Enter
	term_settle
	to=$(term_status_line 24)
	[ "$(page_rows 24)" != "$from" ]; ok $? "back $downs: Enter follows a link"
	term_keys BSpace
	term_settle
	again=$(page_rows 24)
	[ "$again" = "$from" ]; ok $? "back $downs: Backspace shows the same lines as before"
	[ "$again" = "$from" ] || diag "before:" "$from" "after:" "$again"
	term_keys Enter
	term_settle
	[ "$(term_status_line 24)" = "$to" ]
	ok $? "back $downs: the link followed is selected again"
	quit >/dev/null
done

done_testing
