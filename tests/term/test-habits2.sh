#!/bin/sh
# test-habits2.sh — the interface behaves as less, info and vim users
# expect (issue 16, the remainder): n/N with a match count, back to the
# same place, the 80x24 tour, reading width, the last position.
. "$top_srcdir/tests/term/lib.sh"


# ---- n and N step through matches, and say which (3/17) ----
# The second hit of バイオシミラー has one match, already on screen: n
# used to compare against an unclamped scroll position and change
# nothing.  Now the status line counts matches, and n moves on.
term_start 100 30
term_keys /
term_type "バイオシミラー"
term_check "Term (" "n: the results are listed"
term_keys Enter
term_check "hits: Up/Down choose" "n: Enter keeps the results"
term_keys Down Enter
term_check "[reader]" "n: the second hit opens in the reader"
term_check_status 30 "match 1/" "n: the status line says which match of how many"
term_settle
before=$(term_status_line 30)
term_keys n
term_check_status 30 "match 1/4" "n: this hit's only match was on screen: n opens the next hit, on its first match"
after=$(term_status_line 30)
[ "$after" != "$before" ]; ok $? "n: the status line moved ($before | $after)"
term_keys n
term_check_status 30 "match 2/4" "n: n goes to the second match on the same page"
term_keys N
term_check_status 30 "match 1/4" "n: N goes back to the first"
term_keys N
term_check_status 30 "match 1/1" "n: N before the first match goes back to the previous hit"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- Back returns to the same place, with the followed link selected ----
term_start 80 24
term_keys :
term_type "section:s3-3"
term_keys Enter
term_check "[reader]" "back: a long section opens in the reader"
term_keys PageDown PageDown
term_settle
term_keys Tab
term_settle
from=$(term_status_line 24)
term_keys Enter
term_settle
to=$(term_status_line 24)
[ "$to" != "$from" ]; ok $? "back: Enter follows the selected link"
term_keys BSpace
term_settle
again=$(term_status_line 24)
[ "$again" = "$from" ]; ok $? "back: Backspace returns to the same scroll position ($again)"
term_keys Enter
term_settle
[ "$(term_status_line 24)" = "$to" ]; ok $? "back: the link followed is selected again (Enter follows it)"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- C-r belongs to the search prompts ----
# Every prompt used to take C-r as "toggle regex search": in the goto
# prompt it relabelled the line "Regex search:" while Enter still went to
# an id.  Now the prompt that was opened says what its keys do.
term_start 80 24
term_keys :
term_wait ":"
term_settle
term_keys C-r
term_settle
screen=$(term_capture)
r=0
printf '%s' "$screen" | grep -q "Regex search" && r=1
ok $r "C-r: the goto prompt stays a goto prompt"
[ $r = 0 ] || diag "pane" "$screen"
term_type "kpi:rm-jrct-access"
term_keys Enter
term_check "[reader]" "C-r: Enter in the goto prompt still opens the id"
term_keys Escape
term_settle
term_keys /
term_check "Search" "C-r: / opens the search prompt"
term_keys C-r
term_check "Regex search" "C-r: in the search prompt it still makes the search a regex"
term_keys Escape
term_settle
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- help lists what can be typed after : ----
# :set reading-width, :funds and :source were in hms(1) only: the help
# screen, which lists every key, said nothing of the commands.
term_start 100 30
term_keys "?"
term_check "Keys of the" "help: ? opens the keys of the view"
term_keys /
term_type "reading-width"
term_keys Enter
term_check ":set reading-width" "help: the commands after : are listed (:set reading-width)"
term_keys /
term_type "funds"
term_keys Enter
term_check ":funds WORDS" "help: :funds WORDS is listed"
term_keys q
term_settle
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

done_testing
