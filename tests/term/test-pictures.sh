#!/bin/sh
# test-pictures.sh — the pictures (issue 19, item 4) in a real terminal
# at 80x24, as an official sees them over SSH: under NO_COLOR, on a
# vt100 (no colour at all) and with LANG=C.  The roadmap grid with
# today's column and each milestone's status letter and its legend, the
# KPI table's progress line and the programs' subtotal bars: all there
# in text, '#' bars where the locale is not UTF-8, no escape sequence
# left on the screen as characters, nothing past 80 columns.
. "$top_srcdir/tests/term/lib.sh"

esc=$(printf '\033')

# No escape sequence shown as text: no ESC, no "[1m" or "[?25l" left
# over by a terminal that did not understand it.
check_clean() {
	screen=$(term_capture)
	if printf '%s' "$screen" | grep -qE -- "$esc|\\^\\[|\\[[0-9;?]+[A-Za-z]"; then
		ok 1 "$1: no escape sequence drawn as text"
		diag "$screen"
	else
		ok 0 "$1: no escape sequence drawn as text"
	fi
}

# Whether any cell has a foreground colour (capture-pane -e keeps SGR).
has_colour() {
	tmux_ capture-pane -e -p -t t 2>/dev/null |
	    grep -qE -- "$esc\\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+|9[0-7])(;[0-9;]*)?m"
}

# scenario NAME BARS ENV...: the three pictures under ENV; BARS is the
# character the bars are drawn with there.
scenario() {
	name=$1
	bar=$2
	shift 2
	term_start 80 24 "$@" -- --lang en --today 2025-11-22

	# The roadmap: today's column, the letters, the legend whole.
	term_keys r
	term_check " d done  p in progress  n not started  ? no report  (lower case: inferred)" \
	    "$name: the roadmap's legend is under the grid, whole in 80 columns"
	term_check "[*2025年度* ]" "$name: today's column (2025-11-22) is marked"
	term_check "[p 官民協議" "$name: an FY2025 cell leads with p (in progress)"
	term_check "? (2) 創" "$name: a cell no report speaks of leads with ?"
	term_check "進捗状況 as of 2025-06-30: 【厚】" \
	    "$name: the pane shows the 進捗状況 the letter is read from"
	term_settle
	check_clean "$name roadmap"
	if [ -n "$nocolour" ]; then
		! has_colour; ok $? "$name: no colour on the roadmap"
	else
		# The same check sees colour where it is on.
		has_colour; ok $? "$name: colour is on: the letters have it"
	fi
	term_check_status 24 "?:help q:quit" \
	    "$name: the status line is in its row: nothing wrapped, the grid fits 80x24"
	# The cell's one milestone: its page says the status and why.
	term_keys Enter
	term_check "Status: p in progress ~; inferred from the 進捗状況 as of" \
	    "$name: the milestone's page gives its status, inferred, and why"
	term_keys BSpace
	term_check " d done  p in progress" "$name: back on the roadmap"

	# The KPI table's progress line, the status word beside it.
	term_keys K f
	term_type "希少疾病用医薬品の指定"
	term_keys Enter
	term_check "[on track]" "$name: the KPI's status word"
	term_check "[$bar" "$name: the progress line is drawn with '$bar'"
	term_settle
	check_clean "$name KPIs"

	# The programs' subtotal bars, by ministry.
	# Escape alone (followed at once by F it would read as M-F).
	term_keys Escape
	term_settle
	term_keys F t
	term_check "FY2025 当初 (億円)" "$name: the bars are grouped per year and type"
	term_check "$bar$bar$bar" "$name: the subtotal bars are drawn with '$bar'"
	term_settle
	check_clean "$name programs"
	if [ -n "$nocolour" ]; then
		! has_colour; ok $? "$name: no colour on the bars"
	fi
	term_keys t t t
	term_keys :
	term_type q
	term_keys Enter
	status=$(term_status)
	[ "$status" = 0 ]; ok $? "$name: :q quits with status 0 (got $status)"
}

nocolour=1
scenario NO_COLOR █ NO_COLOR=1

if ! infocmp vt100 >/dev/null 2>&1; then
	skip "no terminfo entry for vt100"
else
	scenario vt100 █ TERM=vt100
fi

# LANG=C: hms shows Japanese through C.UTF-8 but draws its own pictures
# in ASCII; colour stays on (screen-256color).
nocolour=
scenario LANG=C '#' LC_ALL= LANG=C

done_testing
