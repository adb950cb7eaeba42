#!/bin/sh
# test-compare.sh — a trainee compares the periods: at 80x24 two periods
# side by side, > shifts to periods 2|3, the row where period 2's
# ゲノム・データ基盤 meets period 3's データ利活用・ライフコース, Enter opens
# the cell and Back returns to it; D hides what did not change (a
# reorganisation is a change); at 160x48 all three periods; Tab moves
# between sections.
. "$top_srcdir/tests/term/lib.sh"

# term_wait_line A B: until one line of the pane has both A and B.
term_wait_line() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		if term_capture | grep -F -- "$1" | grep -qF -- "$2"; then
			last_wait=0
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	last_wait=1
	return 1
}

term_check_line() {
	term_wait_line "$1" "$2"
	ok $last_wait "$3"
	[ $last_wait = 0 ] || diag "no line has both: $1 / $2" "$(term_capture)"
}

term_start 80 24
term_keys c
term_check "== Projects and areas ==" "c opens the compare view"
term_check_line "第１期 健康・医療戦略" "第２期 健康・医療戦略" "at 80 columns: periods 1 and 2 side by side"
term_check "1|2 >" "the header says > shows the next pair"
term_check_line "FY2014-2019" "FY2020-2024" "each column is headed by its fiscal years"
term_check_line "1 医薬品開発" "1 医薬品" "drugs: period 1 beside period 2"

# Shift the pair, then go down to the genome/data row.
term_keys '>'
term_check_line "第２期 健康・医療戦略" "第３期 健康・医療戦略" "> shifts to periods 2 and 3"
term_check "< 2|3" "the header says < shows the previous pair"
term_keys j j j j
term_check_line ">4 ゲノム・データ基盤" "5 データ利活用・ライフコース" \
	"the row where period 2's genome/data meets period 3's data/life course"
term_check "~ renamed (inferred)" "the row says it was renamed, and that this is an inference"
term_keys l
term_check ">5 データ利活用・ライフコース" "l selects period 3's cell"
term_check "Period 2's description of ゲノム・データ基盤" "the note behind the inference is shown"

# Open the cell, and come back to it.
term_keys Enter
term_check "Data utilisation and life course" "Enter opens the project"
term_check "[reader]" "in the reader"
term_keys BSpace
term_check_line "4 ゲノム・データ基盤" ">5 データ利活用・ライフコース" "Back returns to the same cell"
term_check "< 2|3" "with the same pair of periods"

# Periods 2|3: the sources say the projects were reorganised (再編);
# that 医薬品 continues 医薬品 is read from the name, an inference.
term_check "~ reorganised (inferred)" "period 3's drugs row: reorganised, the pairing an inference"
term_check_gone "= same" "no project is shown as simply the same in 2|3"
# Differences only: a reorganisation is a difference, so the row stays
# (that unchanged rows are hidden is checked in test-compare.c).
term_keys D
term_check "Differences only" "D: only the rows that differ"
term_check "~ reorganised (inferred)" "reorganised rows are differences and stay"
term_check_line "4 ゲノム・データ基盤" ">5 データ利活用・ライフコース" "the selection stays on its row"
term_keys D
term_check "Every row is shown." "D again shows every row"

# e exports the table as TSV to a file named at the prompt.
term_keys e
term_check "Export the comparison as TSV to:" "e asks where to export"
term_keys C-u
term_type "$tmpdir/compare.tsv"
term_keys Enter
term_check "Wrote the comparison to" "the export is confirmed"
head -n 1 "$tmpdir/compare.tsv" 2>/dev/null | grep -q '^row	period:1	period:2	period:3	marks$'
ok $? "the exported file is the TSV table"
grep -q '^ecosystem	' "$tmpdir/compare.tsv" 2>/dev/null
ok $? "with its rows"

# Any size: tiny, then back, on the same cell.
term_resize 20 6
term_check ">5 データ" "at 20x6 one period: the selected cell's"
term_resize 80 24
term_check_line "4 ゲノム・データ基盤" ">5 データ利活用・ライフコース" "back at 80x24, the same cell"

# Wide: three periods; Tab to the next section.
term_resize 160 48
term_check_line "第１期 健康・医療戦略" "第３期 健康・医療戦略" "at 160 columns all three periods"
term_check_line "5 ゲノム医療" "4 ゲノム・データ基盤" "three cells of the genome/data row on one line"
term_keys Tab
term_check "== Disease areas ==" "Tab goes to the disease areas"
term_check "x ended" "a disease area with no successor is marked ended"
term_keys q
status=$(term_status)
[ "$status" = 0 ]; ok $? "q quits with status 0 (got $status)"
done_testing
