#!/bin/sh
# test-relations.sh — verdicts and inferences as the shell shows them:
# one KPI verdict everywhere (list, show, JSON, compare), and every
# relation hms infers marked as such with its reason (doc/figures.md).
. "$top_srcdir/tests/cli/lib.sh"

# col NAME: the number of the column NAME in the TSV header in $out.
col() { printf '%s\n' "$out" | head -n 1 | tr '\t' '\n' | grep -nx -- "$1" | cut -d: -f1; }

run hms list kpi --format tsv
check_rc 0 "list kpi exits 0"
st=$(col status); why=$(col status_reason); tv=$(col target_value); lv=$(col latest_value)
[ -n "$st" ] && [ -n "$why" ]; ok $? "list kpi TSV has status and status_reason columns"
n=$(printf '%s\n' "$out" | awk -F'\t' -v st="$st" 'NR > 1 && $st == "no-data"' | wc -l)
[ "$n" = 0 ]; ok $? "no KPI is left as 'no data' ($n)"
bad=$(printf '%s\n' "$out" | awk -F'\t' -v st="$st" -v why="$why" \
    'NR > 1 && $st == "not-evaluable" && $why == ""' | wc -l)
[ "$bad" = 0 ]; ok $? "every KPI that cannot be judged says why ($bad without a reason)"
# A numeric target and latest value get a verdict unless the units differ.
bad=$(printf '%s\n' "$out" | awk -F'\t' -v st="$st" -v why="$why" -v tv="$tv" -v lv="$lv" \
    'NR > 1 && $tv != "" && $lv != "" && $st !~ /^(achieved|on-track|behind|not-met)$/ &&
    $why !~ /units/ { print $1 }')
[ -z "$bad" ]; ok $? "a KPI with a numeric target and latest value gets a verdict (not: $bad)"
v=$(printf '%s\n' "$out" | awk -F'\t' -v st="$st" '$1 == "kpi:rm-orphan-designations" { print $st }')
[ "$v" = on-track ]; ok $? "orphan designations, 86 of 200 in year 1 of 5: on-track (got $v)"
v=$(printf '%s\n' "$out" | awk -F'\t' -v st="$st" '$1 == "kpi:p1-04" { print $st }')
[ "$v" = not-met ]; ok $? "p1-04, 142 of 200 at the end of period 1: not-met (got $v)"

run hms show kpi:rm-orphan-designations
check_out_has "[on track]  86 of 200件 by FY2028 (latest FY2024); 40 expected by FY2024" \
    "show says the verdict and how it was decided"
run hms show --format json kpi:p1-04
printf '%s' "$out" | grep -q '"status":"not-met"'
ok $? "show JSON gives the same verdict"
run hms compare --format tsv goals
check_out_has "kpi:p1-04 有望シーズへの創薬支援 [target 200件 (2020); latest 142件 (2020-03-31); [not met]]" \
    "compare gives p1-04 the same verdict"

# Inferences, everywhere.
run hms list program --format tsv
pj=$(col projects); pb=$(col projects_basis); mb=$(col ministry_basis)
[ -n "$pb" ] && [ "$((pj + 1))" = "$pb" ]; ok $? "projects_basis is the column beside projects"
v=$(printf '%s\n' "$out" | awk -F'\t' -v c="$pb" '$1 == "program:fih-modality-trials" { print $c; exit }')
case "$v" in *stated*|"") ok 1 "a project reached through a measure is inferred (got '$v')" ;;
*) ok 0 "a project reached through a measure is inferred ($v)" ;; esac
v=$(printf '%s\n' "$out" | awk -F'\t' -v c="$pb" '$1 == "program:device-development-research" { print $c; exit }')
[ "$v" = stated ]; ok $? "a project the slide lists the program under is stated (got '$v')"
v=$(printf '%s\n' "$out" | awk -F'\t' -v c="$mb" '$1 == "program:fih-modality-trials" { print $c; exit }')
[ "$v" = inferred ]; ok $? "a ministry read from the mark 【厚】 is inferred (got '$v')"
run hms show program:fih-modality-trials
check_out_has "~(inferred: Read from the mark 【厚】" "show marks the ministry read from a mark, with the reason"
check_out_has "~ project:p3-bridging  7 橋渡し・臨床加速化  (inferred: it serves measure:rm02-fih" \
    "show marks a derived project with its reason"
run hms show --format json program:fih-modality-trials
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
m = [l for l in d["links"] if l["rel"] == "ministry"][0]
assert m["basis"] == "inferred" and m["reason"], m
assert all(p["basis"] == "inferred" and p["reason"] for p in d["projects"]), d["projects"]
'
ok $? "JSON gives basis and reason on the ministry link and on each project"
# Period 2 -> 3: reorganised (再編), and "the same project" only as an inference.
run hms show --format json project:p3-drugs
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
l = [l for l in d["links"] if l["rel"] == "lineage"]
assert l and all(x["lineage"] != "same" or x["basis"] == "inferred" for x in l), l
assert any(x["lineage"] == "reorganised" for x in l), l
'
ok $? "project ① of period 3 is reorganised from period 2, never 'the same' as a fact"

# The roadmap's status letters in the exports too: one status per measure
# of the milestone (the order of the measures column), and its basis.
run hms list milestone --format tsv
printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin, delimiter="\t"))
h = rows[0]
assert "status" in h and "status_basis" in h, h
r = {x[0]: dict(zip(h, x)) for x in rows[1:]}
m = r["milestone:rm01-012-fy2025"]
assert m["status"] == "in-progress" and m["status_basis"] == "inferred", m
m = r["milestone:rm01-012-summer"]
assert m["status"] == "no-report" and m["status_basis"] == "none", m
for x in r.values():
    n = len(x["measures"].split())
    assert len(x["status"].split()) == n, x
'
ok $? "list milestone TSV: status and status_basis per measure, as the grid shows"

done_testing
