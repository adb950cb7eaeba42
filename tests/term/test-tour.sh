#!/bin/sh
# test-tour.sh — an official over SSH on an 80x24 terminal tours every
# top-level view, under TERM=xterm-256color, screen and vt100 and with
# NO_COLOR (issue 16): each view has its status line, no line is wider
# than 80, nothing is left over from the view before, compare shows its
# change marks (also below 60 columns), a cut cell or list row shows its
# cut mark, and q and Escape close what they should.
. "$top_srcdir/tests/term/lib.sh"

# tour_screen NAME: what a person sees is sane: at most 24 rows, none
# wider than 80 cells, no escape sequence printed as text.
tour_screen() {
	screen=$(term_capture)
	rows=$(printf '%s\n' "$screen" | wc -l)
	widest=$(printf '%s\n' "$screen" | LC_ALL=C.UTF-8 wc -L)
	[ "$rows" -le 24 ] && [ "$widest" -le 80 ]
	ok $? "$1: 24 rows of at most 80 cells"
	[ "$rows" -le 24 ] && [ "$widest" -le 80 ] || diag "rows $rows, widest $widest" "$screen"
	if printf '%s' "$screen" | grep -q "$(printf '\033')\|\^\[\|\[?1[0-9]*[hl]\|\[[0-9;]*m"; then
		ok 1 "$1: no escape sequence shows as text"
		diag "$screen"
	else
		ok 0 "$1: no escape sequence shows as text"
	fi
}

# tour_goto NAME STATUS: ":NAME", wait for STATUS on the status line,
# and check the screen.
tour_goto() {
	name=$1
	status=$2
	# (No Escape first: Escape then ":" within ESCDELAY reads as M-:.)
	term_keys :
	term_type "$name"
	term_keys Enter
	term_check_status 24 "$status" "$label: :$name shows $status on the status line"
	term_settle
	tour_screen "$label :$name"
}

tour() {
	label=$1
	shift
	term_start 80 24 "$@"
	term_check_status 24 "?:help q:quit" "$label: the status line at start"
	tour_screen "$label start"

	# Read a section to its end with Space; Space there goes on into
	# the next section, as info does.
	tour_goto section:plan3-1-2 "[reader]"
	term_wait "Section  section:plan3-1-2"
	ok $last_wait "$label: a section's page"
	i=0
	while [ $i -lt 40 ] && ! term_status_line 24 | grep -qF "(END)"; do
		term_keys Space
		term_settle
		i=$((i + 1))
	done
	term_status_line 24 | grep -qF "(END)"
	ok $? "$label: Space reads the section to its end ($i pages)"
	term_keys Space
	term_check "Section  section:plan3-1-3" "$label: Space at the end goes on into the next section"
	term_settle

	# Follow a link and come back to the same place.
	term_keys Tab
	term_settle
	before=$(term_capture | head -n 22)
	term_keys Enter
	term_wait_gone "Section  section:plan3-1-3"
	ok $last_wait "$label: Enter follows the selected link"
	term_settle
	term_keys BSpace
	term_check "Section  section:plan3-1-3" "$label: Backspace comes back"
	term_settle
	[ "$(term_capture | head -n 22)" = "$before" ]
	ok $? "$label: back at the same place, the same link selected"
	[ "$(term_capture | head -n 22)" = "$before" ] || diag "was:" "$before" "is:" "$(term_capture)"

	tour_goto kpis "KPIs"
	# The KPI column is cut at 80 columns: the cut shows, before the period.
	term_wait "平均寿命の増加分を > 3"
	ok $last_wait "$label: a cut table cell shows >"
	[ $last_wait = 0 ] || diag "$(term_capture)"
	# A sort, a filter, and Escape to clear it.
	nkpi=$(term_capture | grep -oE '[0-9]+ of [0-9]+ rows' | head -n 1 | awk '{ print $3 }')
	term_keys l l l l l s
	term_check "sort: Target (desc)" "$label: s sorts the table by the selected column"
	term_keys f
	term_type "st:achieved"
	term_keys Enter
	term_check "filter: st:achieved" "$label: f filters the table"
	term_keys Escape
	term_check "$nkpi of $nkpi rows" "$label: Escape clears the filter ($nkpi rows)"
	tour_goto programs "Programs"
	term_check "Shown:" "$label: the programs' total of the shown lines"
	tour_goto funds "Funds"
	tour_goto roadmap "Roadmap"
	tour_goto glossary "Glossary"
	# A list row cut to fit ends in the cut mark, before the pane's border.
	term_wait "AMED  Japan Agency for M>|"
	ok $last_wait "$label: a cut list row shows >"
	[ $last_wait = 0 ] || diag "$(term_capture)"

	tour_goto compare "Compare"
	term_check "~ renamed (inferred)" "$label: compare shows its change marks"
	# Below 60 columns one period is shown; its marks stay.
	term_resize 58 24
	term_keys '>'
	term_check "~ renamed (inferred)" "$label: at 58 columns compare keeps its change marks"
	term_resize 80 24
	term_settle

	term_keys /
	term_type "FIH"
	term_keys Enter
	term_check_status 24 "Search" "$label: search results"
	term_settle
	tour_screen "$label search"

	tour_goto kpi:rm-jrct-access "[reader]"
	term_check "JRCTのアクセス数" "$label: an entity page"

	# Help closes with Escape too.
	term_keys '?'
	term_check_status 24 "Help" "$label: ? opens the help"
	term_keys Escape
	term_wait_gone "Go back in history"
	ok $last_wait "$label: Escape closes the help"
	term_settle
	# Help opens over the view and q closes it, leaving nothing behind.
	term_keys '?'
	term_check_status 24 "Help" "$label: ? opens the help"
	tour_screen "$label help"
	term_keys q
	term_wait_gone "Go back in history"
	ok $last_wait "$label: q closes the help and nothing of it is left"
	term_check_status 24 "[reader]" "$label: back in the page"
	tour_screen "$label after help"
	term_running
	ok $? "$label: q in help does not quit"

	# Escape closes a prompt without acting.
	term_keys :
	term_type "kpis"
	term_keys Escape
	# The prompt leaves the status line as it was: wait for the prompt
	# itself to go, or the ':' typed next comes within ESCDELAY of the
	# Escape and reads as M-:.
	term_wait_gone ":kpis"
	ok $last_wait "$label: Escape closes the prompt"
	term_settle
	term_check_status 24 "[reader]" "$label: the page is there after the prompt"
	term_running
	ok $? "$label: Escape does not quit"

	# q in a top-level view quits, with status 0.
	tour_goto projects "Projects"
	term_keys q
	st=$(term_status)
	[ "$st" = 0 ]
	ok $? "$label: q in a top-level view quits (status $st)"
	# What was on the screen is gone: the terminal is as it was.
	term_wait_gone "?:help q:quit"
	ok $last_wait "$label: the terminal is clean after quitting"
	[ -z "$(term_capture | tr -d ' \n')" ]
	ok $? "$label: nothing of hms is left on the screen"
}

for t in xterm-256color screen vt100; do
	if ! infocmp "$t" >/dev/null 2>&1; then
		skip "terminfo for $t is missing"
		continue
	fi
	tour "TERM=$t" "TERM=$t"
done
tour "NO_COLOR" "NO_COLOR=1"

done_testing
