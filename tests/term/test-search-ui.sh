#!/bin/sh
# test-search-ui.sh — incremental search in the interface: the results
# follow each keystroke, Enter keeps them, the second hit opens with its
# match, n and N move through matches and hits; history and filters.
. "$top_srcdir/tests/term/lib.sh"

term_start 100 30
term_check "Period 3" "started"
term_keys /
term_check "Type to search." "/ opens the search with an empty list"

# One key at a time: each keystroke updates the list.
term_type "バ"
term_check " hits" "after バ: hits are counted on the prompt line"
hits() { term_capture | tail -n 1 | sed -n 's/.* \([0-9][0-9]*\) hits$/\1/p'; }
n1=$(hits)
term_type "イ"
term_type "オ"
term_type "シ"
term_check "バイオシミラー" "after バイオシ: バイオシミラー is in the list"
# バイオシミラー was in the list of バ already: wait for the count to move
# (a slow run, valgrind, may show the query before its results).
i=0
n4=$(hits)
while [ "$n4" = "$n1" ] && [ $i -lt $((TERM_WAIT * 20)) ]; do
	sleep 0.05
	n4=$(hits)
	i=$((i + 1))
done
[ -n "$n1" ] && [ -n "$n4" ] && [ "$n4" -lt "$n1" ]
ok $? "more letters, fewer hits ($n1 then $n4)"
term_type "ミラー"
term_check "Term (" "results are grouped by type"
term_check "Search all: バイオシミラー" "the prompt shows the query"

# Enter keeps the results and moves to the list; Down, Enter opens hit 2.
term_keys Enter
term_check "hits: Up/Down choose" "Enter keeps the results"
term_keys Down Enter
term_check "[reader]" "Enter on the second hit opens it in the reader"
# With attributes (-e): the next match may be on the same screen, only
# its highlight and the match count moving.  This hit's only match is on
# screen: n goes on to the next hit.
term_settle
before=$(tmux_ capture-pane -e -p -t t)
term_keys n
term_settle
after=$(tmux_ capture-pane -e -p -t t)
[ -n "$before" ] && [ "$after" != "$before" ]
ok $? "n moves to the next match: the screen changes"
term_keys n
term_check "[reader]" "n keeps the reader open"
# The results stay: R shows them again.
term_keys R
term_check "Term (" "R shows the results again"

# Filters: type and period tokens.
term_keys /
term_type "t:program FIH"
term_check "Program" "t:program keeps programs only"
term_check_gone "Term (" "t:program drops terms"
term_keys Escape
term_check_gone "Search all: t:program" "Escape closes the prompt"

# A bad regex: PCRE2's message with the offset, never a crash.
term_keys /
term_keys C-r
term_type "FIH("
term_check "offset" "a bad regex shows PCRE2's message with the offset"
term_keys Escape
term_check_gone "FIH(" "Escape closes the regex prompt"

# History: Up brings back the last accepted query (cancelled ones are not
# kept).
term_keys /
term_keys Up
term_check "Search all: バイオシミラー" "Up in the prompt recalls the last search"
term_keys Escape
term_check_gone "Search all: バイオシミラー" "Escape closes the prompt"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "quits cleanly"

done_testing
