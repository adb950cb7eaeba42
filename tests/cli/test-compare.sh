#!/bin/sh
# test-compare.sh — hms compare [TOPIC]: rows aligned by lineage, their
# marks (new, ended, inferred) checked against the content's own lineage
# links, topics, formats and exit statuses.
. "$top_srcdir/tests/cli/lib.sh"

# The field of a TSV row: tsv_field ROW COLUMN (1: id, 2-4: periods,
# 5: marks) of the last output.
tsv_field() {
	printf '%s\n' "$out" | awk -F'\t' -v r="$1" -v c="$2" '$1 == r { print $c }'
}

run hms compare
check_rc 0 "compare exits 0"
check_out_has "== Projects and areas ==" "the text table has the projects section"
check_out_has "== Outcome goals and KPIs ==" "and every other section"
check_out_has "FY2025-2029" "each column is headed by its fiscal years"
check_out_has "第２期 健康・医療戦略" "and its period's name"

run hms compare nosuchtopic
check_rc 2 "an unknown topic exits 2"
check_err_has "unknown topic 'nosuchtopic'" "an unknown topic is named"

run hms compare projects goals
check_rc 2 "two topics are a usage error"

run hms compare projects --format tsv
check_rc 0 "compare projects --format tsv exits 0"
first=$(printf '%s\n' "$out" | head -n 1)
[ "$first" = "$(printf 'row\tperiod:1\tperiod:2\tperiod:3\tmarks')" ]
ok $? "TSV header: row, a column per period, marks"
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NF != 5' | wc -l)
[ "$bad" = 0 ]; ok $? "every TSV record has five fields"
rows=$(printf '%s\n' "$out" | tail -n +2 | cut -f1 | tr '\n' ' ')
[ "$rows" = "projects-count drugs devices regenerative genome-data infection basic-seeds bridging ecosystem " ]
ok $? "project rows in theme order (got: $rows)"
check_out_lacks "policy-" "a topic keeps to its section"

# The number and kind of projects: 9 areas, 6 and 8 integrated projects.
[ "$(tsv_field projects-count 2)" = "period:1 9 areas" ]; ok $? "period 1: 9 areas"
[ "$(tsv_field projects-count 3)" = "period:2 6 integrated projects" ]; ok $? "period 2: 6 integrated projects"
[ "$(tsv_field projects-count 4)" = "period:3 8 integrated projects" ]; ok $? "period 3: 8 integrated projects"

# The row where period 2's genome/data meets period 3's data/life course.
[ "$(tsv_field genome-data 3)" = "project:p2-genome-data 4 ゲノム・データ基盤" ]
ok $? "genome-data: period 2 is 4 ゲノム・データ基盤"
[ "$(tsv_field genome-data 4)" = "project:p3-data-lifecourse 5 データ利活用・ライフコース" ]
ok $? "genome-data: period 3 is 5 データ利活用・ライフコース"
tsv_field genome-data 5 | grep -qw 'p3:renamed(inferred)'
ok $? "genome-data: renamed in period 3, marked as an inference"

# New in period 3: infectious diseases and the innovation ecosystem, as
# projects of their own (stated by the sources: no inference mark).
[ "$(tsv_field infection 4)" = "project:p3-infection 4 感染症" ]; ok $? "infection: period 3 has project 4 感染症"
tsv_field infection 5 | tr ' ' '\n' | grep -qx 'p3:new'
ok $? "infection: new in period 3 (stated)"
tsv_field infection 3 | grep -q '^disease:p2-infection '
ok $? "infection: period 2 had it as a disease area, aligned by lineage"
[ "$(tsv_field ecosystem 4)" = "project:p3-ecosystem 8 イノベーション・エコシステム" ]
ok $? "ecosystem: period 3 has project 8"
[ "$(tsv_field ecosystem 5)" = "p3:new" ]; ok $? "ecosystem: new in period 3, nothing before"
[ -z "$(tsv_field ecosystem 2)$(tsv_field ecosystem 3)" ]; ok $? "ecosystem: empty in periods 1 and 2"
# Seeds and bridging split.
tsv_field bridging 5 | grep -qw 'p3:split(inferred)'; ok $? "bridging: split in period 3"
tsv_field basic-seeds 5 | grep -qw 'p3:split(inferred)'; ok $? "basic research and seeds: split in period 3"

# Every mark agrees with the content: the lineage links of each entity in
# a later column give its marks, inferred exactly when the basis is; an
# entity no later entity continues is "ended".
run hms compare --format json
check_rc 0 "compare --format json exits 0"
printf '%s' "$out" >"$tmpdir/compare.json"
"$HMS" list project --format json >"$tmpdir/projects.json"
"$HMS" list disease --format json >"$tmpdir/diseases.json"
for id in $(python3 -c '
import json
for f in ("projects", "diseases"):
    for e in json.load(open("'"$tmpdir"'/%s.json" % f)):
        print(e["id"])'); do
	"$HMS" show --format json "$id"
	echo
done >"$tmpdir/shows.json"
if python3 - "$tmpdir" <<'EOF'
import json, sys
d = sys.argv[1]
cmp = json.load(open(d + "/compare.json"))
ents = {}
for f in ("projects", "diseases"):
    for e in json.load(open(d + "/%s.json" % f)):
        ents[e["id"]] = e
dec = json.JSONDecoder()
text = open(d + "/shows.json").read()
shows, i = {}, 0
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    o, i = dec.raw_decode(text, i)
    shows[o["id"]] = o
problems = []
seen = set()
for sec in cmp["sections"]:
    if sec["topic"] not in ("projects", "diseases"):
        continue
    for row in sec["rows"]:
        if row["id"].endswith(("-count", "-approach")):
            continue
        for cell in row["cells"]:
            p = cell["period"]
            ids = [it["id"] for it in cell["items"]]
            seen.update(ids)
            incoming = {(m["change"], m.get("from"), m["basis"])
                        for m in cell["marks"] if not m["outgoing"]}
            for eid in ids:
                for l in shows[eid]["links"]:
                    if l["rel"] != "lineage" or p == 1:
                        continue
                    want = (l["lineage"], l["id"], l["basis"])
                    if want not in incoming:
                        problems.append("%s %s: no mark %s" % (row["id"], eid, want))
            if p == 1:
                continue
            prev = [it["id"] for it in row["cells"][p - 2]["items"]]
            for eid in prev:
                later = [b for b in shows[eid]["backlinks"]
                         if b["rel"] == "lineage" and ents[b["id"]]["period"] > ents[eid]["period"]]
                ended = any(m["change"] == "ended" and m.get("from") == eid for m in cell["marks"])
                if ended != (not later):
                    problems.append("%s %s: ended=%s but %d successors" % (row["id"], eid, ended, len(later)))
# Every project and disease area is shown, once at least (a period-1
# disease area that is one of the areas is shown as that area).
for eid, e in ents.items():
    if eid in seen:
        continue
    if eid.startswith("disease:") and any(l["rel"] == "belongs-to" and l["id"] in seen
                                          for l in shows[eid]["links"]):
        continue
    problems.append("%s is in no row" % eid)
for p in problems:
    print("# " + p)
sys.exit(1 if problems else 0)
EOF
then ok 0 "every lineage link gives its mark, inferred as in the content; ended where nothing continues"
else ok 1 "every lineage link gives its mark, inferred as in the content; ended where nothing continues"
fi
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if [s["topic"] for s in d["sections"]] == ["projects", "diseases", "policies", "goals"] else 1)' "$tmpdir/compare.json"
ok $? "JSON has the four sections in order"

run hms compare diseases --format tsv
check_rc 0 "compare diseases exits 0"
tsv_field neuro 5 | tr ' ' '\n' | grep -qx 'p3:ended'
ok $? "neuro: the period-2 disease area has no successor: ended in period 3"
n=$(printf '%s\n' "$out" | grep -c 'p3:ended')
[ "$n" = 1 ]; ok $? "only that row ends in period 3 (got $n)"
tsv_field child-health 5 | grep -qw 'p3:merged(inferred)'; ok $? "child health: merged into the life-course area"
tsv_field diseases-approach 2 | grep -q "4 disease areas, each one of the 9 areas"
ok $? "approach: period 1's disease areas were areas of their own"
tsv_field diseases-approach 3 | grep -q "7 disease areas beside the 6 integrated projects"
ok $? "approach: period 2 had 7 disease areas beside its projects"
tsv_field diseases-approach 4 | grep -q "3 disease areas"
ok $? "approach: period 3 names 3"

run hms compare policies --format tsv
check_rc 0 "compare policies exits 0"
n=$(printf '%s\n' "$out" | cut -f4 | grep -o 'section:s3-ii-iii-policy' | wc -l)
[ "$n" = 9 ]; ok $? "all nine period-3 basic policies are shown (got $n)"
bad=$(printf '%s\n' "$out" | tail -n +2 | cut -f5 | tr ' ' '\n' | grep -v '^$' | grep -v '(inferred)$' | grep -v ':same$' | wc -l)
[ "$bad" = 0 ]; ok $? "policy alignment is always marked as an inference"
# The shared phrase aligns the period-2 and period-3 policies.
row=$(printf '%s\n' "$out" | grep '基礎から実用化までの一貫した研究開発の加速' | head -n 1)
printf '%s' "$row" | cut -f3 | grep -q 'AMEDを核とした、基礎から実用化までの一貫した研究開発'
ok $? "policies with a shared phrase are on one row"

run hms compare goals --format tsv
check_rc 0 "compare goals exits 0"
tsv_field goals-count 2 | grep -q '^period:1 44 '; ok $? "goals: period 1 has 44 KPIs"
tsv_field goals-drugs 2 | grep -q 'kpi:p1-01 相談・シーズ評価 \[target 1,500件 (2020); latest 1,659件 (2020-03-31); \[achieved\]\]'
ok $? "goals: a period-1 KPI with its target, latest value and its verdict"
tsv_field goals-infection 4 | grep -q '^kpi:s3-goal-5 '
ok $? "goals: the period-3 infection goal meets period 1's infection KPIs"
n=$(printf '%s\n' "$out" | grep -o 'kpi:s3-goal-[0-9]' | sort -u | wc -l)
[ "$n" = 9 ]; ok $? "goals: all nine period-3 outcome goals (got $n)"

# Text laid out for a width never exceeds it (wide characters count two).
for w in 80 120 200; do
	run hms compare --width $w
	if printf '%s\n' "$out" | python3 -c '
import sys, unicodedata
w = int(sys.argv[1])
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
sys.exit(0 if all(width(l) <= w for l in sys.stdin.read().split("\n")) else 1)' $w; then
		ok 0 "compare --width $w: no line wider than $w"
	else
		ok 1 "compare --width $w: no line wider than $w"
	fi
done

done_testing
