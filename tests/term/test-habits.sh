#!/bin/sh
# test-habits.sh — the interface behaves as less, info and vim users
# expect (issue 16): each defect of the issue as a scenario a person
# could replay with the same keys.
. "$top_srcdir/tests/term/lib.sh"


# ---- 2. q and Escape close help and the source view; :q quits ----
term_start 80 24
term_check "Period 3 (FY2025–2029): 8" "starts on the projects"
term_keys Down
term_check ">  2 医療機器・ヘルスケア" "the second project is selected"
term_keys ?
term_check "Keys of the" "? opens help"
term_keys q
term_check_gone "Keys of the" "q closes help"
term_check ">  2 医療機器・ヘルスケア" "q in help returns to the same row"
term_running; ok $? "q in help does not quit hms"
term_keys F1
term_check "Keys of the" "F1 opens help"
term_keys Escape
term_check_gone "Keys of the" "Escape closes help"
term_check_status 24 "Projects" "the status line names the projects again"
term_keys Enter
term_check "[reader]" "Enter opens the project"
term_keys v
term_check "overview3:" "v opens the source"
term_check_status 24 "Source" "the status line names the source view"
term_keys q
term_check_status 24 "[reader]" "q in the source view returns to the reader"
term_check "Medical devices and healthcare" "the reader shows the project again"
term_keys v
term_check_status 24 "Source" "v opens the source again"
term_keys Escape
term_check "Medical devices and healthcare" "Escape closes the source view"
term_running; ok $? "hms still runs"
# :q quits from anywhere, even from help (not the title with a q).
term_keys ?
term_check "Keys of the" "help again"
term_keys :
term_type "q"
term_keys Enter
status=$(term_status)
[ "$status" = 0 ]; ok $? ":q quits from help with status 0 (got $status)"

# q at the top level still quits, in every preset.
for km in default vi emacs; do
	term_start 80 24 -- --keymap $km
	term_check "Period 3 (FY2025–2029): 8" "--keymap $km starts"
	term_keys ?
	term_check "Keys of the" "--keymap $km: ? opens help"
	term_keys q
	term_check_gone "Keys of the" "--keymap $km: q closes help"
	term_check "Period 3 (FY2025–2029): 8" "--keymap $km: back on the projects"
	term_running; ok $? "--keymap $km: q in help does not quit"
	term_keys q
	status=$(term_status)
	[ "$status" = 0 ]; ok $? "--keymap $km: q in the projects quits (got $status)"
done

# ---- 1. every action acts on what the cursor is on ----
term_start 100 30
term_check "Period 3 (FY2025–2029): 8" "stale: starts on the projects"
term_keys o
term_check_status 30 "Outline › P3 › 第３期健康・医療戦略" "stale: the outline shows its first document"
term_keys p Down Down Enter
term_check_status 30 "3 再生・細胞医療" "stale: project 3 is open"
term_keys o
term_check_status 30 "Outline › P3 › 第３期健康・医療戦略" "stale: back in the outline, the breadcrumb follows its selection"
term_status_lacks 30 "再生" "stale: the breadcrumb no longer names project 3"
term_check "Contents" "stale: the reader shows the selected document"
term_keys :
term_type "kpis"
term_keys Enter
term_check_status 30 "KPIs › P3 › 平均寿命の増加分" "stale: the KPIs' breadcrumb names the selected row"
term_keys b
term_check "Bookmark label" "stale: b asks for a label"
term_keys Enter
term_check "Bookmarked: 平均寿命の増加分を上回る健康寿命の増加" "stale: b bookmarks the selected KPI"
term_keys v
term_check_status 30 "overview3:204" "stale: v shows the selected KPI's source"
term_keys q
term_check_status 30 "KPIs" "stale: q returns to the KPIs"
term_keys :
term_type "programs"
term_keys Enter
term_check_status 30 "Programs ›" "stale: the programs' breadcrumb names the selected row"
term_status_lacks 30 "平均寿命" "stale: not the KPI any more"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- 8. hms open nosuch; a regex error is shown whole ----
# On a terminal, where the interface would start.
term_start 80 24 -- open nosuch
status=$(term_status)
[ "$status" = 2 ]; ok $? "open nosuch exits 2 (got $status)"
term_check "no entity with id 'nosuch'" "open nosuch says which id is unknown"
term_start 80 24 -- open
status=$(term_status)
[ "$status" = 2 ]; ok $? "open without an id exits 2 (got $status)"
term_check "open needs one ID" "open without an id says so"
term_start 80 24
term_check "Period 3 (FY2025–2029): 8" "regex: starts"
term_keys /
term_keys C-r
term_check "Regex search:" "regex: C-r makes the search a regex"
term_type "abc(def["
term_check "bad regular expression at offset 8" "regex: the error starts while typing"
term_check "character class" "regex: and is shown to its end"
term_check "Regex search: abc(def[" "regex: the prompt stays whole below it"
term_keys Enter
term_check "bad regular expression at offset 8" "regex: after Enter the error starts"
term_check "character class" "regex: and is shown to its end too"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- 5. the filter prompt starts empty; Escape clears the filter ----
term_start 100 30
term_keys K
term_check "120 of 120 rows" "filter: the KPIs show every row"
term_keys f
term_check "Filter (" "filter: f opens the filter prompt"
term_type "FIH"
term_keys Enter
term_check_gone "120 of 120 rows" "filter: FIH narrows the rows"
term_check "of 120 rows" "filter: the info line counts the rows shown"
term_keys f
term_check "Filter (" "filter: f again"
i=0; last=""
while [ $i -lt 40 ]; do
	last=$(term_capture | sed -n 30p)
	case $last in *Filter*) break ;; esac
	sleep 0.05; i=$((i + 1))
done
case $last in *FIH*) r=1 ;; *) r=0 ;; esac
ok $r "filter: the prompt starts empty, not with the last filter"
[ $r = 0 ] || diag "prompt line: $last"
term_keys Escape
term_check "120 of 120 rows" "filter: Escape in the prompt clears the filter"
term_keys f
term_keys Up
term_check "): FIH" "filter: Up brings the last filter back"
term_keys Enter
term_check_gone "120 of 120 rows" "filter: and Enter applies it"
term_keys Escape
term_check "120 of 120 rows" "filter: Escape in the table clears it too"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- 4. TERM=vt100: paging keys work, the screen is cleared on exit ----
for t in vt100 xterm-256color; do
	term_start 80 24 TERM=$t
	term_check "Period 3 (FY2025–2029): 8" "$t: starts"
	term_check " 1/23 " "$t: the first row is selected"
	term_keys End
	term_check " 23/23 " "$t: End goes to the last row"
	term_keys Home
	term_check " 1/23 " "$t: Home goes to the first row"
	term_keys PageDown
	term_check_gone " 1/23 " "$t: PageDown moves a page down"
	term_keys PageUp
	term_check " 1/23 " "$t: PageUp moves back up"
	term_keys q
	status=$(term_status)
	[ "$status" = 0 ]; ok $? "$t: q quits (got $status)"
	term_check_gone "Period 3 (FY2025–2029)" "$t: the screen is clean after exit"
	term_check_gone "?:help q:quit" "$t: no status line left behind"
done

# ---- 9. help lists each key once and whole; the linter finds C-i ----
cat >"$tmpdir/ci.keys" <<'KEYS'
bind global C-i forward
KEYS
run hms --check-keymap "$tmpdir/ci.keys"
check_rc 2 "--check-keymap: C-i bound apart from Tab is a problem"
check_err_has "ci.keys:1: 'C-i' in global" "--check-keymap names the line of C-i"
check_err_has "forward" "--check-keymap says which action it leaves unreached"
run hms --check-keymap vi
check_rc 0 "--check-keymap vi: the vi preset checks clean"
term_start 80 24
term_keys ?
term_check "Keys of the" "help: opens"
term_keys /
term_type "left"
term_keys Enter
term_check "h,BTab" "help: left lists h and BTab"
term_check_gone "h,BTab,h" "help: each key once, not once per table"
term_keys /
term_type "note-editor"
term_keys Enter
term_check "\$EDITOR" "help: a long description is wrapped, not cut"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null
# vi: forward history is reached with M-Right, Tab still selects links.
term_start 80 24 -- --keymap vi
term_keys Down Enter
term_check "Medical devices and healthcare" "vi: project 2 opens"
term_keys 1 Enter
term_check "FY2025–FY2029" "vi: link 1 leads to the period"
term_keys BSpace
term_check "Medical devices and healthcare" "vi: back to the project"
term_keys M-Right
term_check "FY2025–FY2029" "vi: M-Right goes forward"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- 3. :source is a view; v in tables and compare shows the selection ----
term_start 100 30
term_keys Down Enter
term_check "Medical devices and healthcare" "source: project 2 opens"
term_keys :
term_type "source"
term_keys Enter
term_check_status 30 "Source" ":source shows the source view"
term_check_status 30 "overview3:45" ":source shows the project's own lines"
term_keys q
term_check_status 30 "2 医療機器・ヘルスケア" ":source: q returns to the project"
term_keys c
term_check_status 30 "Compare › P1 › 第１期 健康・医療戦略" "compare: the selected cell is period 1"
term_keys v
term_check_status 30 "whitepaper:127-133" "compare: v shows the selected cell's source"
term_keys q
term_check_status 30 "Compare" "compare: q returns to compare"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

# ---- reading as info and less do: ] [, Space on, (END) ----
term_start 160 24
term_keys o Enter
term_check_status 24 "Outline › P3 › 第３期健康・医療戦略 " "read: the strategy opens in the reader"
term_check_status 24 "%  [reader]" "read: the status line says how far down the page is"
term_keys ]
term_check_status 24 "› Ⅰ 基本理念・対象期間" "read: ] goes to the next section"
term_check_status 24 "(END)" "read: a page shown to its end says (END), as less"
term_keys ]
term_check_status 24 "› Ⅱ・Ⅲ 現状と課題・基本方針" "read: ] again, the section after"
term_keys [
term_check_status 24 "› Ⅰ 基本理念・対象期間" "read: [ goes back a section"
term_keys Space
term_check_status 24 "› Ⅱ・Ⅲ 現状と課題・基本方針" "read: Space at (END) continues into the next section"
term_keys Space
term_check_status 24 "› 現状と課題" "read: and on into its first subsection"
term_keys :
term_type "q"
term_keys Enter
term_status >/dev/null

done_testing
