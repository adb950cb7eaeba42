#!/bin/sh
# test-tables.sh — the table views as an official uses them over SSH at
# 80x24: sort the KPIs by target, open one and come back to the same row;
# filter the programs to 厚生労働省 and check the total; find what is due
# in FY2025 for FIH on the roadmap; export and compare with the command
# line's TSV.
. "$top_srcdir/tests/term/lib.sh"

tab=$(printf '\t')

# pane_line N: line N of the pane.
pane_line() { term_capture | sed -n "${1}p"; }
# prefix TEXT N: the first N characters (not bytes) of TEXT.
prefix() { printf '%s' "$1" | grep -o "^.\{1,$2\}" | head -n 1; }

# check_line N TEXT NAME: line N of the pane contains TEXT.
check_line() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		if pane_line "$1" | grep -qF -- "$2"; then
			ok 0 "$3"
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	ok 1 "$3"
	diag "line $1 lacks: $2" "$(term_capture)"
}

# wait_file FILE: until hms has written it.
wait_file() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ] && [ ! -s "$1" ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

"$HMS" list kpi --format tsv >"$tmpdir/kpis.tsv"
"$HMS" list program --format tsv >"$tmpdir/programs.tsv"
# Every KPI is a row of the table (the count follows the content).
nkpi=$(tail -n +2 "$tmpdir/kpis.tsv" | wc -l | tr -d ' ')
# The programs table has a row per budget line (list prints the same).
nprog=$(tail -n +2 "$tmpdir/programs.tsv" | wc -l | tr -d ' ')

term_start 80 24 -- --today 2025-11-22

# ---- KPIs sorted by target, largest first ----
term_keys K
term_check "$nkpi of $nkpi rows" "K opens the KPI table with every KPI"
term_check "[KPI" "the KPI column is selected first"
term_keys l l l l l
term_check "[Target" "l moves to the Target column"
term_keys s
term_check "sort: Target (desc)" "s sorts by target, largest first"
# The expected first rows: the TSV sorted by target_value (column 11),
# largest first, rows without a number last, ties in document order.
tail -n +2 "$tmpdir/kpis.tsv" | awk -F'\t' -v OFS='\t' \
	'{ print ($11 == "" ? 1 : 0), ($11 == "" ? 0 : $11), NR, $0 }' |
	sort -t "$tab" -k1,1n -k2,2gr -k3,3n | cut -f4- >"$tmpdir/kpis-by-target.tsv"
for row in 1 2 3; do
	title=$(sed -n "${row}p" "$tmpdir/kpis-by-target.tsv" | cut -f3)
	check_line $((row + 2)) "$(prefix "$title" 5)" "row $row by target: $(prefix "$title" 12)"
done
check_line 3 "1200000" "the largest target (JRCT, 120万件) comes first"

# Open the third row and come back to it.
id3=$(sed -n 3p "$tmpdir/kpis-by-target.tsv" | cut -f1)
term_keys j j Enter
term_check "$id3" "Enter opens the selected KPI ($id3)"
term_keys BSpace
term_check "3/$nkpi" "Backspace returns to the table at the same row"
term_check "sort: Target (desc)" "the table keeps its sort"
check_line 5 ">" "the third row is still marked with >"

# Export the sorted table: the rows of hms list kpi in the same order.
term_keys e
term_check "Export to (.tsv or .csv): ~/hms-kpis.tsv" "e proposes ~/hms-kpis.tsv"
term_keys Enter
term_check "Wrote $nkpi rows to" "the export says what it wrote"
wait_file "$tmpdir/hms-kpis.tsv"
head -n 1 "$tmpdir/kpis.tsv" >"$tmpdir/want.tsv"
cat "$tmpdir/kpis-by-target.tsv" >>"$tmpdir/want.tsv"
cmp -s "$tmpdir/hms-kpis.tsv" "$tmpdir/want.tsv"
rc=$?
ok $rc "the export is hms list kpi --format tsv, sorted as shown"
[ $rc = 0 ] || diag "$(diff "$tmpdir/want.tsv" "$tmpdir/hms-kpis.tsv" | head -n 10)"

# Back to document order: the export is the command line's TSV exactly.
term_keys u e C-u
term_type "~/kpis-doc.tsv"
term_keys Enter
term_check "Wrote $nkpi rows" "export after u"
wait_file "$tmpdir/kpis-doc.tsv"
cmp -s "$tmpdir/kpis-doc.tsv" "$tmpdir/kpis.tsv"
ok $? "in document order the export equals hms list kpi --format tsv"

# A filter, then CSV: the same rows, quoted for spreadsheets.
term_keys f
term_type "p:1 st:achieved"
term_keys Enter
term_check "filter: p:1 st:achieved" "the filter is shown"
want=$(awk -F'\t' 'NR > 1 && $4 == 1 && $21 == "achieved"' "$tmpdir/kpis.tsv" | wc -l)
term_check "$want of $nkpi rows" "p:1 st:achieved keeps the $want achieved KPIs of period 1"
term_keys e C-u
term_type "~/achieved.csv"
term_keys Enter
term_check "Wrote $want rows" "CSV export of the filtered rows"
wait_file "$tmpdir/achieved.csv"
[ "$(head -n 1 "$tmpdir/achieved.csv" | tr -d '\r')" = "$(head -n 1 "$tmpdir/kpis.tsv" | tr "$tab" ,)" ]
ok $? "the CSV header is the TSV header with commas"
got=$(tail -n +2 "$tmpdir/achieved.csv" | cut -d, -f1 | tr -d '\r')
exp=$(awk -F'\t' 'NR > 1 && $4 == 1 && $21 == "achieved" { print $1 }' "$tmpdir/kpis.tsv")
[ "$got" = "$exp" ]; ok $? "the CSV rows are the achieved KPIs, ids first"
term_keys Escape
term_check "$nkpi of $nkpi rows" "Escape clears the filter"

# ---- programs: 厚生労働省 and its total ----
term_keys F
term_check "Shown: FY2025 当初" "F opens the programs with their totals, year and type named"
term_keys f
term_type "min:厚生労働省"
term_keys Enter
term_check "filter: min:厚生労働省" "the programs are filtered to 厚生労働省"
shown=$(awk -F'\t' 'NR > 1 && $5 == "ministry:mhlw"' "$tmpdir/programs.tsv" | wc -l)
term_check "$shown of " "$shown budget lines of 厚生労働省 are shown"
# One total per fiscal year and budget type (doc/figures.md): FY2025 当初
# is the sum of the counted FY2025 initial lines, nothing of FY2024 in it.
sum=$(awk -F'\t' 'NR > 1 && $5 == "ministry:mhlw" && $11 == "yes" && $8 == 2025 && $9 == "initial" { s += $7 } END { printf "%.2f", s }' "$tmpdir/programs.tsv")
all=$(awk -F'\t' 'NR > 1 && $5 == "ministry:mhlw" && $11 == "yes" { s += $7 } END { printf "%.2f", s }' "$tmpdir/programs.tsv")
term_wait "Shown: FY2025 当初"
total=$(term_capture | sed -n 's/.*Shown: FY2025 当初 \([0-9.]*\)億円.*/\1/p')
awk -v a="$total" -v b="$sum" 'BEGIN { d = a - b; exit !(a != "" && d < 0.005 && d > -0.005) }'
ok $? "the FY2025 当初 total ($total億円) is the sum of the counted FY2025 initial lines shown ($sum億円)"
term_capture | grep -q "${all%.00}億円"
[ $? != 0 ]; ok $? "no total adds every year and type together ($all億円)"
# The same from the rows the view shows: export them and add them up.
term_keys e C-u
term_type "~/mhlw.tsv"
term_keys Enter
term_check "Wrote $shown rows" "export of the 厚生労働省 lines"
wait_file "$tmpdir/mhlw.tsv"
sum2=$(awk -F'\t' 'NR > 1 && $11 == "yes" && $8 == 2025 && $9 == "initial" { s += $7 } END { printf "%.2f", s }' "$tmpdir/mhlw.tsv")
awk -v a="$total" -v b="$sum2" 'BEGIN { d = a - b; exit !(d < 0.005 && d > -0.005) }'
ok $? "the FY2025 当初 total equals the sum of the exported FY2025 initial lines ($sum2億円)"
other=$(awk -F'\t' 'NR > 1 && $5 != "ministry:mhlw"' "$tmpdir/mhlw.tsv" | wc -l)
[ "$other" = 0 ]; ok $? "only 厚生労働省 lines were exported"
term_keys t
term_check "Subtotals by ministry" "t shows subtotals by ministry"
term_check "厚生労働省 (億円)" "the subtotal names the ministry"
term_capture | grep -qE "^ *FY2025 当初 +[█▏▎▍▌▋▊▉]+ +${total}\$"
ok $? "the ministry's FY2025 当初 subtotal is a bar with ${total} beside it"
term_keys t
term_check "Subtotals by project" "t again: by project"
term_keys t t Escape
# Wait for Escape to land, or the next key would read as M-key.
term_check "$nprog of $nprog rows" "Escape clears the programs filter"

# ---- the roadmap: what is due in FY2025 for FIH ----
term_keys r
term_check "*2025年度*" "the roadmap marks FY2025 as now (--today 2025-11-22)"
term_check "Table 2  国際水準の臨床試験実施体制" "measures are grouped by roadmap table"
term_keys h h h h h h l l l l
term_keys j j j
term_check "ファースト・イン・ヒューマン (FIH) 試験実施体制の整備  [2025年度]" \
	"the FIH measure's FY2025 cell is selected"
term_check "治験薬製造施設・研究施設を併設するFIH試験実施施設の整備" \
	"its milestone text appears whole"
term_check "研修プログラムの策定・実施" "and the cell's second milestone"
term_check "進捗状況 as of 2025-06-30" "the measure's progress (進捗状況), as of 2025-06-30"
term_check "【厚】国立がん研究センター" "the progress says which ministry reported it"
term_keys Enter
term_check "measure:rm02-fih" "Enter on a cell of two milestones opens the measure"
term_keys BSpace
term_check "4/26" "Backspace returns to the same roadmap row"
term_check "ファースト・イン・ヒューマン (FIH) 試験実施体制の整備  [2025年度]" \
	"and the same cell"
# The roadmap export: the measures of hms list measure, ids first.
term_keys e Enter
term_check "Wrote 26 rows" "the roadmap exports its 26 measures"
wait_file "$tmpdir/hms-roadmap.tsv"
"$HMS" list measure --format tsv >"$tmpdir/measures.tsv"
cmp -s "$tmpdir/hms-roadmap.tsv" "$tmpdir/measures.tsv"
ok $? "the roadmap export equals hms list measure --format tsv"

term_keys q
status=$(term_status)
[ "$status" = 0 ]; ok $? "q quits with status 0 (got $status)"
done_testing
