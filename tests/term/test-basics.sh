#!/bin/sh
# test-basics.sh — an official's first minute at 80x24: find the eight
# projects, open one, follow a link to a KPI, come back; goto; help.
. "$top_srcdir/tests/term/lib.sh"

term_start 80 24
term_check "Period 3 (FY2025–2029): 8" "starts on the projects, period 3 first"
for p in "1 医薬品" "2 医療機器・ヘルスケア" "3 再生・細胞医療" "4 感染症" \
	"5 データ利活用" "6 シーズ開発・基礎研究" "7 橋渡し・臨床加速化" \
	"8 イノベーション"; do
	term_check "$p" "the projects list shows $p"
done
term_check "?:help q:quit" "the status line hints at help and quit"

# Open project 2, then follow its link to its predecessor, and come back.
term_keys Down Enter
term_check "[reader]" "Enter moves into the reader"
term_check "Medical devices and healthcare" "the reader shows project 2"
term_keys 1 Enter
term_check "第３期 健康・医療戦略" "link 1 leads to the period"
term_check "FY2025–FY2029" "the period page shows its fiscal years"
term_keys BSpace
term_check "Medical devices and healthcare" "Backspace goes back to the project"
term_keys Left
term_check "[list]" "Left goes back again, to the list"
term_keys M-Right
term_check "Medical devices and healthcare" "M-Right goes forward"

# Goto by id, with completion.
term_keys :
term_type "kpi:rm-jrct"
term_keys Tab
term_check ":kpi:rm-jrct-access" "Tab completes the id"
term_keys Enter
term_check "JRCTのアクセス数" "goto opens the KPI"
term_check "120万件" "the KPI shows its target"

# Goto a view by name.
term_keys :
term_type "glossary"
term_keys Enter
term_check "Glossary" "goto a view by name"

# Help lists the live bindings.
term_keys ?
term_check "Keys of the" "? opens help"
term_keys /
term_type "projects"
term_keys Enter
term_check "view-projects" "help is searchable: the projects key"
term_check "All actions" "help lists every action"
term_keys q
term_check_gone "Keys of the" "q closes help, as in less"
term_keys q
status=$(term_status)
[ "$status" = 0 ]; ok $? "q quits with status 0 (got $status)"
# Two languages: Japanese with --lang ja, and under a Japanese locale even
# when the server does not have it installed.
term_start 80 24 -- --lang ja
term_check "?:ヘルプ q:終了" "--lang ja: the interface speaks Japanese"
term_check "第3期（2025〜2029年度）" "--lang ja: list headings in Japanese"
term_keys q
term_status >/dev/null
term_start 80 24 LC_ALL= LANG=ja_JP.UTF-8
term_check "?:ヘルプ q:終了" "LANG=ja_JP.UTF-8: Japanese interface"
term_keys q
term_status >/dev/null
term_start 80 24 -- --lang en
term_check "?:help q:quit" "--lang en: English"
term_keys q
term_status >/dev/null

done_testing
