#!/bin/sh
# test-budget.sh — hms budget and the rules of doc/figures.md as a person
# meets them in the shell: totals never cross fiscal years or budget types,
# an amount no source states is "not stated" (never 0) and still counted,
# 再掲 is counted once and の内数 never, and a total the source states is
# checked against hms's own sum.  Project ② is the worked example:
# overview3:511-632 gives eight 予算額（案） lines for FY2025 (83億円, the
# slide's own total, overview3:564-565) and one FY2024 補正 line of 7.7億円.
. "$top_srcdir/tests/cli/lib.sh"

# row GROUP FY TYPE COLUMN: one field of hms budget's TSV.
row() {
	printf '%s\n' "$out" | awk -F'\t' -v g="$1" -v fy="$2" -v ty="$3" \
	    -v col="$4" '$1 == g && $2 == fy && $3 == ty { print $col }'
}

run hms budget --format tsv project:p3-devices
check_rc 0 "budget project ② exits 0"
[ "$(printf '%s\n' "$out" | head -n 1)" = "$(printf 'group\tfy\tbudget_type\ttotal_oku_yen\tprograms_summed\tprograms_unstated\tproposals\tprograms_inferred\tgroup_title')" ]
ok $? "budget TSV: the header names group fy budget_type total_oku_yen programs_summed programs_unstated first"
v=$(row project:p3-devices 2025 initial 4)
awk -v v="$v" 'BEGIN { exit !(v + 0 == 83) }'
ok $? "project ② FY2025 initial is 83 (got '$v'), the slide's own total"
[ "$(row project:p3-devices 2025 initial 5)" = 8 ]
ok $? "project ② FY2025 initial sums 8 programs"
[ "$(row project:p3-devices 2025 initial 7)" = 8 ]
ok $? "project ② FY2025 initial says it includes 8 proposals (案)"
v=$(row project:p3-devices 2024 supplementary 4)
awk -v v="$v" 'BEGIN { exit !(v + 0 == 7.7) }'
ok $? "project ② FY2024 supplementary is 7.7 on a row of its own (got '$v')"
n=$(printf '%s\n' "$out" | awk -F'\t' '$4 + 0 > 90' | wc -l)
[ "$n" = 0 ]; ok $? "no total of project ② adds FY2025 and FY2024 (90.7): $n rows over 90"
[ "$(row project:p3-devices '' none 6)" = 1 ]
ok $? "project ② counts its program without a stated amount on a row of its own"

run hms budget project:p3-devices
check_out_has "FY2025 当初 83.0億円 (incl. 8 proposals 案)" "budget text: FY2025 当初 83億円 and its 8 proposals"
check_out_has "FY2024 補正 7.7億円" "budget text: FY2024 補正 7.7億円 beside it"
check_out_has "the source states 83億円 [overview3:564-565]: the same as the sum" \
    "budget text: the slide's stated total is checked against the sum"
check_out_has "~ placed here by inference (1): program:mext-2-1" \
    "budget text: a program placed in the project by inference says so"

# The project's and the ministry's own pages give the same figures.
run hms show project:p3-devices
check_out_has "Its programs' budgets: FY2025 当初 83.0億円 (incl. 8 proposals 案) · FY2024 補正 7.7億円 · 1 program without a stated amount" \
    "show project ②: its programs' budgets, per year and type, as hms budget"
run hms show ministry:mhlw
check_out_has "Its programs' budgets: FY2025 当初" "show ministry: its programs' budgets, per year and type"
check_out_lacks "0億円 ·" "show ministry: no total reads 0億円"

# Over everything: no total crosses years or types, unstated is never 0,
# and every total a source states equals the sum.
run hms budget --format tsv
check_rc 0 "budget TSV over every program exits 0"
bad=$(printf '%s\n' "$out" | tail -n +2 | awk -F'\t' '$5 == 0 && $4 != ""' | wc -l)
[ "$bad" = 0 ]; ok $? "a group with nothing summed shows no amount, not 0 ($bad rows)"
bad=$(printf '%s\n' "$out" | tail -n +2 | awk -F'\t' '$3 != "fund" && $3 != "none" && $2 == "" && $4 != ""' | wc -l)
[ "$bad" = 0 ]; ok $? "every amount summed but a fund's has one fiscal year ($bad totals without)"
dups=$(printf '%s\n' "$out" | tail -n +2 | cut -f1-3 | sort | uniq -d | wc -l)
[ "$dups" = 0 ]; ok $? "one row per group, fiscal year and budget type ($dups repeated)"
run hms budget
check_out_lacks "DIFFERS" "every total a source states equals hms's sum"
n=$(printf '%s\n' "$out" | grep -cE '(^|[^0-9.])0(\.0+)?億円')
[ "$n" = 0 ]; ok $? "no total reads 0億円 ($n lines)"

run hms budget --by ministry --format tsv 厚生労働省
check_rc 0 "budget --by ministry 厚生労働省 exits 0"
[ "$(printf '%s\n' "$out" | tail -n +2 | cut -f1 | sort -u)" = ministry:mhlw ]
ok $? "budget 厚生労働省 shows the ministry it names, alone"
n=$(printf '%s\n' "$out" | awk -F'\t' '$2 == 2024 && $3 == "initial"' | wc -l)
m=$(printf '%s\n' "$out" | awk -F'\t' '$2 == 2024 && $3 == "supplementary"' | wc -l)
[ "$n" = 1 ] && [ "$m" = 1 ]
ok $? "MHLW's FY2024 当初 and 補正 are two totals, not one"

run hms budget --fy 2024 --format tsv
check_rc 0 "budget --fy 2024 exits 0"
n=$(printf '%s\n' "$out" | tail -n +2 | awk -F'\t' '$2 != 2024 && $3 != "none"' | wc -l)
[ "$n" = 0 ]; ok $? "budget --fy 2024 has only FY2024 totals ($n others)"

run hms budget --format json project:p3-devices
check_rc 0 "budget JSON exits 0"
if command -v python3 >/dev/null 2>&1; then
	printf '%s' "$out" | python3 -c '
import json, sys
g = json.load(sys.stdin)[0]
t = {(x["fy"], x["budget_type"]): x for x in g["totals"]}
assert g["group"] == "project:p3-devices"
assert t[(2025, "initial")]["total_oku_yen"] == 83
assert t[(2024, "supplementary")]["total_oku_yen"] == 7.7
assert g["programs_without_amount"] == 1
assert g["inferred"][0]["basis"] == "inferred"
'
	ok $? "budget JSON: 83 FY2025 initial, 7.7 FY2024 supplementary, the unstated program, the inference"
	tsv=$(${HMS_WRAPPER:-} "$HMS" budget --format tsv)
	${HMS_WRAPPER:-} "$HMS" budget --format csv >"$tmpdir/b.csv"
	printf '%s\n' "$tsv" >"$tmpdir/b.tsv"
	python3 -c '
import csv, sys
a = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
b = [l.split("\t") for l in open(sys.argv[2], encoding="utf-8").read().splitlines()]
assert a == b, (a[:3], b[:3])
' "$tmpdir/b.csv" "$tmpdir/b.tsv"
	ok $? "budget CSV reads back (Python csv) as the TSV's rows"
else
	for i in 1 2; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP python3 is not installed"
	done
fi

run hms budget --by nothing
check_rc 2 "budget --by nothing is a usage error"
check_err_has "--by must be project, ministry or program" "budget --by nothing says what --by takes"
run hms budget --fy 25
check_rc 2 "budget --fy 25 is a usage error"

# A period's fiscal years are columns of its own.
run hms list period --format tsv
check_out_has "$(printf 'period:3\tperiod\t第３期 健康・医療戦略\t3\t2025\t2029')" \
    "list period TSV gives period 3's fiscal years 2025-2029"

# An unstated amount in the programs list is empty, never 0.
run hms list program --format tsv
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NR > 1 && $7 == "0"' | wc -l)
[ "$bad" = 0 ]; ok $? "list program TSV: no amount reads 0 ($bad rows)"

done_testing
