#!/bin/sh
# test-pictures.sh — the pictures in the shell (issue 19): hms budget
# --chart draws one bar per group, fiscal year and budget type, scaled to
# the widest, with the amount beside it; an amount no source states reads
# "not stated", never as an empty bar; eighth blocks where the locale is
# UTF-8 and '#' otherwise; every line fits the width asked for.  hms show
# draws a KPI's progress line with its status word beside it, and a
# roadmap milestone's status with its letter, whether it is inferred and
# why, as the grid shows it.
. "$top_srcdir/tests/cli/lib.sh"

measure="$top_builddir/tests/unit/hms-width"
# widest: the widest line of $out in cells.
widest() {
	printf '%s\n' "$out" | "$measure" | awk '$1 > w { w = $1 } END { print w + 0 }'
}

# Project ②: FY2025 当初 83億円 is the widest bar, FY2024 補正 7.7 beside.
run hms budget --chart --width 80 project:p3-devices
check_rc 0 "budget --chart project ② exits 0"
check_out_has "FY2025 当初 ██████" "budget --chart: FY2025 当初 drawn with eighth blocks"
check_out_has "P3-2 医療機器・ヘルスケア (億円)" "budget --chart: the group and the unit head the chart"
check_out_has " 83.0 (8 案)" "budget --chart: the amount 83.0 and its 8 proposals beside the bar"
check_out_has " 7.7" "budget --chart: FY2024 補正 7.7 on a bar of its own"
check_out_has "1 program without a stated amount" "budget --chart: the program without an amount is counted"
big=$(printf '%s\n' "$out" | grep 'FY2025' | sed 's/[^█]//g' | "$measure" | cut -d' ' -f1)
small=$(printf '%s\n' "$out" | grep 'FY2024' | sed 's/[^█▏▎▍▌▋▊▉]//g' | "$measure" | cut -d' ' -f1)
[ "$big" -gt 40 ] && [ "$small" -ge 4 ] && [ "$small" -le 6 ]
ok $? "budget --chart: bars are scaled to the widest (83 → $big cells, 7.7 → $small)"
[ "$(widest)" -le 80 ]; ok $? "budget --chart --width 80: no line wider than 80 ($(widest))"

# Several groups: a heading per year and type; unstated never as a bar.
for w in 80 60 40 160; do
	run hms budget --chart --width $w --by ministry
	[ "$rc" = 0 ] && [ "$(widest)" -le $w ]
	ok $? "budget --chart --by ministry --width $w: fits ($(widest) cells)"
done
check_out_has "FY2025 当初 (億円)" "budget --chart: a heading per fiscal year and budget type"
bad=$(printf '%s\n' "$out" | grep 'not stated (' | grep -c '[█▏▎▍▌▋▊▉#]')
[ "$bad" = 0 ]; ok $? "budget --chart: a total not stated has no bar ($bad lines)"
n=$(printf '%s\n' "$out" | grep -c 'not stated (')
[ "$n" -gt 0 ]; ok $? "budget --chart: totals not stated say so ($n lines)"

# The terminal's locale is not UTF-8 (LANG=C): '#', no block characters.
out=$(LC_ALL=C LANG=C "$HMS" budget --chart --width 80 project:p3-devices 2>/dev/null)
printf '%s\n' "$out" | grep -q '####' && ! printf '%s\n' "$out" | grep -q '[█▏▎▍▌▋▊▉]'
ok $? "budget --chart under LANG=C draws with '#'"
# Ambiguous characters two cells wide: the blocks would be, so '#'.
run hms --ambiwidth 2 budget --chart --width 80 project:p3-devices
printf '%s\n' "$out" | grep -q '####' && ! printf '%s\n' "$out" | grep -q '█'
ok $? "budget --chart --ambiwidth 2 draws with '#'"

run hms budget --chart --format tsv
check_rc 2 "budget --chart --format tsv is a usage error"
run hms list kpi --chart
check_rc 2 "--chart with another command than budget is a usage error"

# The KPI progress line in hms show: 86 of 200 over FY2024-2028, 1 of 5
# years gone, 40 expected: on track (doc/figures.md's worked example).
run hms show kpi:rm-orphan-designations
check_out_has "Progress: 0 [" "show: the progress line runs from 0"
check_out_has "] 200件  43% (| 40 expected)  [on track]" \
    "show: target, share, the tick's meaning and the status word beside the line"
line=$(printf '%s\n' "$out" | grep '^Progress:')
[ "$(printf '%s\n' "$line" | "$measure" | cut -d' ' -f1)" -le 80 ]
ok $? "show: the progress line fits 80 columns"
run hms show kpi:p1-04
check_out_has "71%  [not met]" "show: a KPI whose period is over shows the line and [not met]"
out=$(LC_ALL=C LANG=C "$HMS" show kpi:rm-orphan-designations 2>/dev/null)
printf '%s\n' "$out" | grep -q '^Progress: 0 \[#*|#*\.*\] 200'
ok $? "show under LANG=C: the line in '#', '|' and '.'"

# A milestone's status, as in the roadmap grid: read from the measure's
# 進捗状況 of its column (inferred, ~, with the words), or no report.
run hms show milestone:rm03-050-fy2025
check_out_has "Status: n not started ~; inferred from the 進捗状況 as of 2025-06-30 (「大規模改修事業に着手する」)" \
    "show milestone: its status, inferred from the 進捗状況, and the words"
run hms show milestone:rm01-012-summer
check_out_has "Status: ? no report; no 進捗状況 dated within this milestone's column" \
    "show milestone: no report for a column no 進捗状況 speaks of"
run hms show --format json milestone:rm03-050-fy2025
check_out_has '"statuses":[{"measure":"measure:rm03-disclosure","status":"not-started","basis":"inferred","asof":"2025-06-30"' \
    "show --format json: the status, its basis and the report's date"

done_testing
