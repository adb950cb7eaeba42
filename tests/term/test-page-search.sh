#!/bin/sh
# test-page-search.sh — / in a reader page searches within the page first
# (issue 17, item 4): every match highlighted, the count in the status
# line, n and N wrap as less's do, a page without the pattern says how to
# widen, and Enter on an empty prompt or // searches all content.  And
# in the results, a query that finds little offers the content's closest
# terms (item 2): "Did you mean: 橋渡し研究", Enter runs it.
. "$top_srcdir/tests/term/lib.sh"

H=30
goto() {
	term_keys :
	term_type "$1"
	term_keys Enter
}
# The n of "match k/n" in the status line.
total() { term_status_line $H | sed -n 's/.*match [0-9]*\/\([0-9]*\).*/\1/p'; }
prompt_line() { term_capture | tail -n 1; }

term_start 100 $H
term_check "Period 3" "started"
goto measure:rm09-pediatric-rare
term_check "[reader]" "a measure with a long page opens in the reader"

# ---- / in a page searches the page ----
term_keys /
term_check "Search page:" "/ in the reader prompts for a search within the page"
# Written without the middle dot: the page has ドラッグ・ロス only, and
# the content search's folding finds it.
term_type "ドラッグロス"
term_check_status $H "match 1/" "the page's matches are counted as they are typed"
term_keys Enter
term_check_status $H "match 1/" "Enter keeps the page and its first match"
term_check "[reader]" "the page stays: no results list"
term_check_gone "hits: Up/Down" "nothing was searched beyond the page"
n=$(total)
[ -n "$n" ] && [ "$n" -ge 3 ]; ok $? "several matches on the page ($n)"
term_keys n
term_check_status $H "match 2/$n" "n: the second match"
term_keys N
term_check_status $H "match 1/$n" "N: back to the first"
term_keys N
term_check_status $H "match $n/$n" "N on the first match wraps to the last"
term_check "continuing" "the wrap is said, as less and vim say it"
term_keys n
term_check_status $H "match 1/$n" "n on the last match wraps to the first"

# ---- no match on the page: say so, and how to widen ----
term_keys /
term_type "バイオシミラー"
term_keys Enter
term_check "Not on this page" "a pattern the page lacks is reported"
term_check "searches all content" "the message says how to widen the search"
term_check "[reader]" "the page stays"

# ---- widening: Enter on an empty prompt, the last pattern everywhere ----
term_keys /
term_check "Search page:" "the page prompt again"
term_keys Enter
term_check "Term (" "Enter on an empty page prompt searches all content"
term_check "hits: Up/Down choose" "the results view lists the hits of the last pattern"
term_check "バイオシミラー" "... of バイオシミラー"

# ---- widening: / at the start of the page prompt ----
term_keys Down Enter
term_check "[reader]" "a hit opens in the reader"
term_check_status $H "match 1/" "the hit opens on its first match"
# Opening the page prompt and leaving it keeps the hit's highlights.
term_keys /
term_check "Search page:" "the page prompt"
term_keys Escape
term_wait_gone "Search page:"
term_check_status $H "match 1/" "Escape on the untouched page prompt leaves the hit's matches"
term_keys /
term_check "Search page:" "the page prompt"
term_keys /
term_check "Search all:" "/ at the start of the page prompt widens it to all content"
term_check "Search all: バイオシミラー" "... with the last pattern"
term_keys C-u
term_type "ドラッグロス"
term_keys Enter
term_check "hits: Up/Down choose" "Enter runs it over all content"
term_check "ドラッグ・ロス" "the results hold ドラッグ・ロス"

# ---- in a list, / searches everything as before ----
term_keys o
term_keys /
term_check "Search all:" "/ in a list searches all content"
term_keys Escape
term_check_gone "Search all:" "Escape closes the prompt"

# ---- near misses under the results ----
term_keys /
term_type "橋渡研究"
term_check "Did you mean: 橋渡し研究" "a query that finds nothing offers the closest term"
term_keys Enter
term_check "Did you mean: 橋渡し研究" "the suggestion stays under the results"
term_keys Enter
term_check "hits: Up/Down choose" "Enter on the suggestion searches for it"
term_check_gone "Did you mean: 橋渡し研究" "the suggestion gave way to its results"
term_check "橋渡し研究" "its hits are listed"

goto q
[ "$(term_status)" = 0 ]; ok $? "quits cleanly"

# ---- translated: the prompt and the suggestion in Japanese ----
term_start 100 $H -- --lang ja
term_wait_any
term_keys /
term_type "橋渡研究"
term_check "もしかして: 橋渡し研究" "ja: もしかして: under the results"
term_keys Escape
term_wait_gone "全体を検索:"
goto measure:rm09-pediatric-rare
term_keys /
term_check "ページ内検索:" "ja: the page prompt is translated"
term_keys Escape
goto q
term_status >/dev/null

done_testing
