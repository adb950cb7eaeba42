#!/bin/sh
# test-content.sh — the bundled content itself, through the real binary:
# it checks clean, holds what the sources hold (the counts of
# /work/shared/docs/content-inventory.md), every title is printed in its
# source lines, budgets add up to the totals the sources print, era years
# are converted right, and inferences are marked as such.
#
# Everything is read through `hms list TYPE --format json|tsv`; the source
# texts are read from the content directory, so the title rule is checked
# here independently of the loader.
. "$top_srcdir/tests/cli/lib.sh"

content=${HMS_CONTENT:-$top_srcdir/content}
types="period section project disease measure milestone kpi program ministry term"

# ---- the content checks clean -------------------------------------------

run hms check
check_rc 0 "hms check exits 0 on the bundled content"
check_out_has "content OK" "hms check reports the content OK"
check_out_has "; 5 sources" "the content has the five sources"
if [ -n "$err" ]; then ok 1 "hms check prints no problem"; diag "$err"; else ok 0 "hms check prints no problem"; fi

# Dump every type once, as JSON, for the Python checks below.
for t in $types; do
	"$HMS" list "$t" --format json >"$tmpdir/$t.json" 2>"$tmpdir/err"
	rc=$?
	[ "$rc" = 0 ]; ok $? "list $t --format json exits 0"
done

# count TYPE [--period N]: the number of records of `hms list` as TSV.
count() {
	"$HMS" list "$@" --format tsv 2>/dev/null | tail -n +2 | wc -l | tr -d ' '
}

# count_ids PREFIX TYPE [--period N]: records whose id starts with PREFIX,
# one per id (list prints a program once per budget).
count_ids() {
	prefix=$1
	shift
	"$HMS" list "$@" --format tsv 2>/dev/null | tail -n +2 | cut -f1 | sort -u | grep -c "^$prefix"
}

is() {
	# is GOT WANT NAME
	if [ "$1" = "$2" ]; then ok 0 "$3"; else ok 1 "$3"; diag "got $1, want $2"; fi
}

# ---- counts per type and period (inventory, summary table) ---------------

is "$(count project --period 1)" 9 "period 1 has 9 project areas"
is "$(count project --period 2)" 6 "period 2 has 6 integrated projects"
is "$(count project --period 3)" 8 "period 3 has 8 integrated projects"
is "$(count project)" 23 "23 projects in all"

is "$(count disease --period 1)" 4 "period 1 has 4 disease areas"
is "$(count disease --period 2)" 7 "period 2 has 7 disease areas"
is "$(count disease --period 3)" 3 "period 3 has the 3 disease areas of the figure"

is "$(count_ids kpi:p1- kpi --period 1)" 44 "period 1 has 44 KPIs (kpi:p1-01 … kpi:p1-44)"
missing=""
for i in $(seq -w 1 44); do
	grep -q "\"kpi:p1-$i\"" "$tmpdir/kpi.json" || missing="$missing kpi:p1-$i"
done
is "${missing:-none}" none "the period-1 KPIs are numbered 01-44 without a gap"

# python3 QUERY-NAME SCRIPT: run a check over the JSON dumps; the script
# prints problems, one a line, and nothing when all is well.
pycheck() {
	name=$1
	shift
	if python3 - "$tmpdir" "$content" "$@" >"$tmpdir/py" 2>&1; then
		if [ -s "$tmpdir/py" ]; then
			ok 1 "$name"
			diag "$(head -n 20 "$tmpdir/py")"
		else
			ok 0 "$name"
		fi
	else
		ok 1 "$name"
		diag "$(tail -n 20 "$tmpdir/py")"
	fi
}

pycheck "the strategy's 成果目標 are 9 KPIs of kind goal, kpi:s3-goal-1 … 9" <<'EOF'
import json, sys
kpis = json.load(open(sys.argv[1] + "/kpi.json"))
goals = [k for k in kpis if k["id"].startswith("kpi:s3-goal-")]
ids = sorted(k["id"] for k in goals)
want = sorted("kpi:s3-goal-%d" % i for i in range(1, 10))
if ids != want:
    print("ids:", ids)
for k in goals:
    if k.get("kind") != "goal" or k.get("period") != 3:
        print(k["id"], "kind", k.get("kind"), "period", k.get("period"))
other = [k["id"] for k in kpis if k.get("kind") == "goal" and k not in goals]
if other:
    print("other goals:", other)
EOF

pycheck "the plan's outcome goals are 10 KPIs: 5 aim (目指すもの) and 5 observe (推移を観測するもの)" <<'EOF'
import json, sys, collections
kpis = json.load(open(sys.argv[1] + "/kpi.json"))
plan = [k for k in kpis if k["id"].startswith("kpi:plan3-")]
kinds = collections.Counter(k.get("kind") for k in plan)
if len(plan) != 10 or kinds != {"aim": 5, "observe": 5}:
    print(len(plan), dict(kinds))
EOF

pycheck "the roadmap has 27 distinct KPIs, 32 occurrences (5 repeated rows), each an indicator of a measure" <<'EOF'
import json, sys
kpis = json.load(open(sys.argv[1] + "/kpi.json"))
rm = [k for k in kpis if k["id"].startswith("kpi:rm-")]
if len(rm) != 27:
    print("distinct:", len(rm))
occ = sum(len(k["provenance"]) for k in rm)
if occ != 32:
    print("occurrences:", occ)
for k in rm:
    if not any(l["rel"] == "indicator-of" and (l.get("id") or "").startswith("measure:rm")
               for l in k["links"]):
        print(k["id"], "is an indicator of no roadmap measure")
    if any(p["source"] != "roadmap" for p in k["provenance"]):
        print(k["id"], "has provenance outside the roadmap")
EOF

is "$(count_ids 'section:roadmap-t[0-9][0-9]$' section)" 12 "the roadmap has 12 table sections (section:roadmap-t01 … t12)"
is "$(count measure)" 26 "the roadmap has 26 measures"

# The roadmap prints 153 milestone cells (inventory §7.3).  A cell repeated
# word for word on another row (a 再掲 row: 13/16, 31/66, 35/47, 65/70) is
# one entity with a second src range and, where the row belongs to another
# measure, a second measure; so 8 cells add no entity and the content
# holds 153 - 8 = 145 milestones.  Each provenance range is one cell.
is "$(count milestone)" 145 "145 milestone entities (153 cells less 8 word-for-word repeats)"
pycheck "the milestones' provenance ranges cover the 153 cells, one line each, in the roadmap" <<'EOF'
import json, sys
ms = json.load(open(sys.argv[1] + "/milestone.json"))
cells = [(m["id"], p) for m in ms for p in m["provenance"]]
if len(cells) != 153:
    print("cells:", len(cells))
for mid, p in cells:
    if p["source"] != "roadmap" or p["first"] != p["last"]:
        print(mid, p)
seen = {}
for mid, p in cells:
    col = mid.rsplit("-", 1)[1]
    key = (p["first"], col)
    if key in seen:
        print("cell", key, "twice:", seen[key], mid)
    seen[key] = mid
for m in ms:
    if not m.get("measures"):
        print(m["id"], "has no measure")
EOF

pycheck "the project-② slide has 9 programs, all belonging to project:p3-devices (stated)" <<'EOF'
import json, sys
progs = json.load(open(sys.argv[1] + "/program.json"))
def on_slide(p):
    return any(r["source"] == "overview3" and 473 <= r["first"] <= 632
               for r in p["provenance"])
slide = [p for p in progs if on_slide(p)]
ids = sorted(p["id"] for p in slide)
if len(slide) != 9 or "program:device-research-deployment" not in ids:
    print(len(slide), ids)
for p in slide:
    if not any(l["rel"] == "belongs-to" and l.get("id") == "project:p3-devices"
               and l.get("basis") == "stated" for l in p["links"]):
        print(p["id"], "does not belong (stated) to project:p3-devices")
EOF

# The roadmap's 該当事業 column names 35 entries (inventory §8.1): 25 with
# an amount, 3 基金 without one, 7 councils, guidelines and the like.  Two
# more programs are named only in its progress text (革新的医薬品等実用化
# 支援基金, row 16; 新規モダリティ医薬品等薬事開発支援プログラム, row 170).
pycheck "the roadmap names 35 該当事業 (25 with an amount, 3 funds without) and 2 programs in its progress text" <<'EOF'
import json, sys
progs = json.load(open(sys.argv[1] + "/program.json"))
in_progress = {"program:innovative-drug-fund", "program:pmda-modality-support"}
rm = [p for p in progs if any(r["source"] == "roadmap" for r in p["provenance"])]
ids = {p["id"] for p in rm}
if not in_progress <= ids:
    print("missing:", in_progress - ids)
col = [p for p in rm if p["id"] not in in_progress]
def amounts(p):
    return [b for b in p.get("budgets", []) if "amount_oku_yen" in b
            and any(r["source"] == "roadmap" for r in (b.get("provenance") or []))]
with_amount = [p for p in col if amounts(p)]
funds = [p for p in col if not amounts(p)
         and any(b.get("type") == "fund" for b in p.get("budgets", []))]
if (len(col), len(with_amount), len(funds)) != (35, 25, 3):
    print("entries", len(col), "with amount", len(with_amount), "funds without", len(funds))
EOF

# The MEXT plan: 6 programs (2-1 … 2-6) and the 事業 on their pages.  The
# inventory (§8.3) counts 44 事業 entries: the items of the timeline charts.
# The content also has an entity for each of the 5 programs that are named
# only inside another 事業's description (医療分野研究成果展開事業 "consists
# of" 先端計測, A-STEP, S-イノベ, ACT-M, mext:129-131; ゲノム・オミックス解析
# is run under the biobank programme, mext:271), so it holds 49.  Each
# 事業 reaches its program by part-of links.
pycheck "the MEXT plan has 6 programs with their indicator sets and 44 事業 entries (+5 named in descriptions), per page as the inventory" <<'EOF'
import json, sys, collections
progs = json.load(open(sys.argv[1] + "/program.json"))
byid = {p["id"]: p for p in progs}
top = ["program:mext-2-%d" % i for i in range(1, 7)]
for t in top:
    if t not in byid:
        print("missing", t)
def parent(p):
    ps = [l["id"] for l in p["links"] if l["rel"] == "part-of"]
    return ps[0] if ps else None
def root(p):
    seen = set()
    while p["id"] not in top:
        q = parent(p)
        if q is None or q in seen or q not in byid:
            return None
        seen.add(q)
        p = byid[q]
    return p["id"]
jigyo = [p for p in progs if p.get("ministry") == "ministry:mext"
         and p["id"] not in top
         and any(r["source"] == "mext" and 47 <= r["first"] <= 800 for r in p["provenance"])]
in_text = {"program:mext-advanced-measurement", "program:mext-a-step",
           "program:mext-s-innova", "program:mext-act-m", "program:mext-genome-omics"}
chart = [p for p in jigyo if p["id"] not in in_text]
if len(jigyo) != 49 or len(chart) != 44:
    print("事業:", len(jigyo), "chart entries:", len(chart))
# inventory §8.3 per page: p2 9, p3 8, p4 5, p5 7 + p6 4 (both 2-4), p7 6, p8 5
want = {"program:mext-2-1": 9, "program:mext-2-2": 8, "program:mext-2-3": 5,
        "program:mext-2-4": 11, "program:mext-2-5": 6, "program:mext-2-6": 5}
got = collections.Counter(root(p) for p in chart)
if dict(got) != want:
    print("per program:", dict(got))
# Each program page prints one indicator set: an output and an outcome.
kpis = {k["id"]: k for k in json.load(open(sys.argv[1] + "/kpi.json"))}
for i in range(1, 7):
    for kind in ("output", "outcome"):
        k = kpis.get("kpi:mext-2-%d-%s" % (i, kind))
        if k is None or k.get("kind") != kind:
            print("no %s indicator for program 2-%d" % (kind, i))
EOF

# The indicator lines of programs 2-1, 2-5 and 2-6 list two indicators
# each, separated by 、 (mext:98, 632, 765, 766-768): each is a KPI of its
# own, with the line as its provenance.
pycheck "the MEXT indicator lines that list two indicators are two KPIs each" <<'EOF'
import json, sys
kpis = {k["id"]: k for k in json.load(open(sys.argv[1] + "/kpi.json"))}
pairs = {
    98: ("kpi:mext-2-1-outcome", "kpi:mext-2-1-outcome-devices", "outcome"),
    632: ("kpi:mext-2-5-outcome", "kpi:mext-2-5-outcome-transfers", "outcome"),
    765: ("kpi:mext-2-6-output", "kpi:mext-2-6-output-data", "output"),
    766: ("kpi:mext-2-6-outcome", "kpi:mext-2-6-outcome-db-users", "outcome"),
}
for line, ids in pairs.items():
    for i in ids[:2]:
        k = kpis.get(i)
        if k is None:
            print("missing", i)
            continue
        if k.get("kind") != ids[2]:
            print(i, "is of kind", k.get("kind"))
        if not any(p["source"] == "mext" and p["first"] <= line + 2 and line <= p["last"] for p in k["provenance"]):
            print(i, "does not cite the indicator line", line)
for i, k in kpis.items():
    if i.startswith("kpi:mext-") and k.get("kind") in ("output", "outcome") and ("、" in k["title"] or "," in k["title"]):
        print(i, "still bundles indicators:", k["title"][:40])
EOF

# The white paper's budgets (whitepaper:157, 196) and the fund and
# subsidies it names without amounts are programs; 約479億円 is not given a
# ministry (the text does not say whose share it is), and nothing the text
# leaves out is written as an amount.
pycheck "the white paper's budgets are programs: 479億円 and 87億円 (FY2025), a fund and two subsidies without amounts" <<'EOF'
import json, sys
progs = {p["id"]: p for p in json.load(open(sys.argv[1] + "/program.json"))}
want = {
    "program:amed-rd-subsidy": (479, 2025, "initial", None, 157),
    "program:mhlw-science-research-grant": (87, 2025, "initial", "ministry:mhlw", 196),
    "program:medical-info-support-fund": (None, None, "fund", "ministry:mhlw", 63),
    "program:symptomatic-drug-emergency-subsidy": (None, None, "supplementary", "ministry:mhlw", 861),
    "program:generic-consolidation-subsidy": (None, 2024, "supplementary", "ministry:mhlw", 883),
}
for pid, (amount, fy, typ, ministry, line) in want.items():
    p = progs.get(pid)
    if p is None:
        print("missing", pid)
        continue
    bs = [b for b in p.get("budgets", []) if any(r["source"] == "whitepaper" and r["first"] <= line <= r["last"] for r in b.get("provenance", []))]
    if len(bs) != 1:
        print(pid, "has", len(bs), "budget lines citing whitepaper:%d" % line)
        continue
    b = bs[0]
    if b.get("amount_oku_yen") != amount or b.get("fy") != fy or b.get("type") != typ:
        print(pid, b)
    if p.get("ministry") != ministry:
        print(pid, "ministry", p.get("ministry"))
six = {"ministry:mhlw", "ministry:cao", "ministry:cfa", "ministry:mic", "ministry:mext", "ministry:meti"}
got = {l["id"] for l in progs["program:amed-rd-subsidy"]["links"] if l["rel"] == "see-also" and l["id"].startswith("ministry:")}
if got != six:
    print("the six ministries of whitepaper:154-156:", sorted(got))
EOF

# The white paper's dated counts and shares are KPIs to observe (it sets no
# targets): e-prescriptions on 2025-03-31 (whitepaper:40-43) and others.
pycheck "the white paper's dated figures are observe KPIs with their latest values" <<'EOF'
import json, sys
kpis = {k["id"]: k for k in json.load(open(sys.argv[1] + "/kpi.json"))}
want = {"kpi:wp-eprescription-hospitals": 844, "kpi:wp-eprescription-clinics": 13723,
        "kpi:wp-eprescription-dental": 2295, "kpi:wp-eprescription-pharmacies": 46818,
        "kpi:wp-generic-volume-share": 85.0, "kpi:wp-supply-restricted-share": 15,
        "kpi:wp-mediso-consultations": 1607, "kpi:wp-next-gen-infra-people": 4700000,
        "kpi:wp-next-gen-infra-uses": 67, "kpi:wp-pmda-asia-training-participants": 3155}
for i, v in want.items():
    k = kpis.get(i)
    if k is None:
        print("missing", i)
        continue
    if k.get("kind") != "observe" or k.get("target"):
        print(i, "kind", k.get("kind"), "target", k.get("target"))
    lt = k.get("latest") or {}
    if lt.get("value") != v or not (lt.get("date") or lt.get("year")):
        print(i, "latest", lt)
EOF

# The glossary: every abbreviation and short name of the inventory (§9: 44
# expanded or defined + 30 used bare = 74 rows) is a term, by title or
# alias; the bare ones carry no expansion (the sources give none).
pycheck "the glossary has a term for each of the inventory's 74 abbreviations and short names" <<'EOF'
import json, sys, re, unicodedata
terms = json.load(open(sys.argv[1] + "/term.json"))
def n(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)).lower()
names = {}
for t in terms:
    for x in [t["title"]] + t.get("aliases", []):
        names.setdefault(n(x), t)
expanded = """FIH|IRB|DCT|jRCT|CDMO|AMR|UHC|RWD|MEDISO|CARISO|VC|PJ|AMED|PMDA|NCGM|ARO|PD|PI|KPI|ICMRA
A-STEP|S-イノベ|ACT-M|CIN|InnoHub|JHVS|ALS|NDB|BBJ|DASH for SaMD / DASH for SaMD2|次世代医療基盤法
医療機器促進法|医療機器基本計画|高齢者医療確保法|医学系指針 / ゲノム指針 / 遺伝子治療指針 / 生命・医学系指針
再生医療等|再生医療等安全性確保法|ナショナルセンター|バイオシミラー|ジェネリック医薬品|長期収載品
セルフメディケーション|マイナ保険証|仮名加工医療情報"""
bare = """PPR|CSTI|ELSI|BINDS|COVAX|ODA|BSL4|GMP|CRC|CRO|SMO|PM|DM|GL|OTC|DB|DX|PHR|SaMD|POC|ICT
AI / IoT|QOL|iPS|G7 / G20|JST / NEDO / JSPS|WHO|BIO International Convention / BIO Japan
Top1% / Top10%|薬機法"""
rows = lambda s: [r for r in re.split(r"[|\n]", s) if r]
if len(rows(expanded)) != 44 or len(rows(bare)) != 30:
    print("inventory rows:", len(rows(expanded)), len(rows(bare)))
for row in rows(expanded) + rows(bare):
    for name in row.split(" / "):
        if n(name) not in names:
            print("no term for", name)
# BINDS is printed after each of the two program names it abbreviates
# (mext:59-60, 67-68), so those are given as its expansions.
for row in rows(bare):
    for name in row.split(" / "):
        t = names.get(n(name))
        if t and name != "BINDS" and t.get("expansions"):
            print(name, "has an expansion the sources do not give:", t["expansions"])
EOF

pycheck "the glossary has at least 22 laws and exactly the 4 notices (告示)" <<'EOF'
import json, sys, collections
terms = json.load(open(sys.argv[1] + "/term.json"))
k = collections.Counter(t.get("kind") for t in terms)
if k["law"] < 22 or k["notice"] != 4:
    print(dict(k))
EOF

# ---- the title rule, independently of the loader --------------------------

# Every entity's title, or one of its aliases, occurs in the text of its
# provenance ranges after NFKC, with all white space and HTML tags removed.
# (The loader also folds case and kana; this check does not, so it is the
# stricter of the two.)
pycheck "every entity's title or an alias is printed in its provenance lines (NFKC, no white space)" $types <<'EOF'
import json, sys, re, os, unicodedata
tmp, content, types = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = {}
def src(f):
    if f not in lines:
        with open(os.path.join(content, f), encoding="utf-8") as fh:
            lines[f] = fh.read().split("\n")
    return lines[f]
def norm(s):
    s = re.sub(r"</?[a-z][^>\n]*>", "", s)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))
n = 0
for t in types:
    for e in json.load(open("%s/%s.json" % (tmp, t))):
        n += 1
        prov = e.get("provenance") or []
        if not prov:
            print(e["id"], "has no provenance")
            continue
        hay = ""
        for p in prov:
            ls = src(p["file"])
            if not (1 <= p["first"] <= p["last"] <= len(ls)):
                print(e["id"], "range outside", p["file"], p["first"], p["last"])
                continue
            hay += "\n".join(ls[p["first"] - 1:p["last"]]) + "\n"
        h = norm(hay)
        cands = [e["title"]] + e.get("aliases", [])
        if not any(norm(c) and norm(c) in h for c in cands):
            print(e["id"], "title not in its lines:", e["title"][:40])
if n < 700:
    print("only", n, "entities")
EOF

# ---- budgets --------------------------------------------------------------

# The project-② slide prints 令和7年度予算額 83億円 (overview3:564-565): the
# FY2025 initial budgets of its programs, counted once (the two 再掲 rows,
# overview3:516-518, are restated and not summed).  One TSV line per budget.
"$HMS" list program --format tsv >"$tmpdir/program.tsv" 2>/dev/null
sum=$(awk -F'\t' '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["fy"] == "2025" && $col["budget_type"] == "initial" && $col["counted"] == "yes" &&
	    (" " $col["belongs_to"] " ") ~ / project:p3-devices / { s += $col["amount_oku_yen"] }
	END { printf "%g", s }' "$tmpdir/program.tsv")
is "$sum" 83 "the counted FY2025 initial budgets of project ② programs sum to 83億円"

pycheck "project:p3-devices states a budget total of 83億円 (FY2025), and restated/within budgets are not counted" <<'EOF'
import json, sys
projs = json.load(open(sys.argv[1] + "/project.json"))
p = [x for x in projs if x["id"] == "project:p3-devices"][0]
tot = p.get("budget_totals") or []
if not any(b.get("amount_oku_yen") == 83 and b.get("fy") == 2025 for b in tot):
    print("budget totals:", tot)
for q in json.load(open(sys.argv[1] + "/program.json")):
    for b in q.get("budgets", []):
        if (b.get("restated") or b.get("within")) and b.get("counted"):
            print(q["id"], "counts a restated or within budget:", b.get("text"))
EOF

# ---- era years ------------------------------------------------------------

# Every KPI value and budget whose printed text has an era year (R5, H30,
# R元, 令和5年, 平成30年度) carries the Gregorian year: 令和N = 2018+N,
# 平成N = 1988+N, 元 = 1.  A value whose text names a span (R3~R5,
# H30-R5, H30からR5) carries the span; otherwise the year is one of those
# printed.
pycheck "era years in KPI values and budgets are converted right (R N = 2018+N, H N = 1988+N)" <<'EOF'
import json, sys, re, unicodedata
tmp = sys.argv[1]
era = re.compile(r"(令和|平成|R|H)\s*(元|\d{1,2})(?![\d.])")
# In a budget only the budget's own year counts (令和6年度補正予算…), not
# the year of a law it names (令和7年度改正薬機法).
budget_era = re.compile(r"(令和|平成)\s*(元|\d{1,2})\s*年度\s*(?=当初|補正|予算|春)")
def years(text, pat=era):
    t = unicodedata.normalize("NFKC", text)
    out = []
    for m in pat.finditer(t):
        n = 1 if m.group(2) == "元" else int(m.group(2))
        base = 2018 if m.group(1) in ("令和", "R") else 1988
        out.append(base + n)
    return out
def check(what, text, year, pat=era):
    ys = years(text, pat)
    if not ys:
        return 0
    if year is None or year == "":
        print(what, repr(text), "has no year")
        return 1
    year = str(year)
    if "-" in year:
        a, b = (int(x) for x in year.split("-"))
        if (a, b) != (min(ys), max(ys)):
            print(what, repr(text), "year", year, "want", "%d-%d" % (min(ys), max(ys)))
    elif int(year) not in ys:
        print(what, repr(text), "year", year, "want one of", ys)
    return 1
n = 0
for k in json.load(open(tmp + "/kpi.json")):
    for slot in ("baseline", "target", "latest"):
        vs = k.get(slot) or []
        for v in (vs if isinstance(vs, list) else [vs]):
            n += check(k["id"] + " " + slot, v.get("text", ""), v.get("year"))
for p in json.load(open(tmp + "/program.json")):
    for b in p.get("budgets", []):
        n += check(p["id"] + " budget", b.get("text", ""), b.get("fy"), budget_era)
for p in json.load(open(tmp + "/project.json")):
    for b in p.get("budget_totals") or []:
        n += check(p["id"] + " budget total", b.get("text", ""), b.get("fy"), budget_era)
if n < 40:
    print("only", n, "era values checked")
EOF

# ---- cross-file links -----------------------------------------------------

# The links between files that readers follow (one file's author cannot
# see the other's ids, so these were added after the merge): the relation
# and basis each must keep.
pycheck "the cross-file links hold, with the basis they were given" $types <<'EOF'
import json, sys
tmp, types = sys.argv[1], sys.argv[3:]
links = {}
for t in types:
    for e in json.load(open("%s/%s.json" % (tmp, t))):
        links[e["id"]] = {(l["rel"], l.get("id"), l.get("basis")) for l in e["links"]}
want = """
section:plan3 see-also section:wp-fig-5-2-1 stated
section:wp-fig-5-2-1 see-also section:plan3 stated
section:plan3-policy see-also section:plan2-basic-policy inferred
section:s3-ii-iii-policy see-also section:s2-basic-policy inferred
section:s3-1 see-also section:s1-rd inferred
section:s3-6-1 see-also section:s1-industry-new inferred
section:s3-6-2 see-also section:s1-industry-intl inferred
section:s3-6-2 see-also section:wp-4-1-3 inferred
section:s3-7 see-also section:s1-data inferred
measure:rm02-core-hospitals see-also section:wp-3-1-3 inferred
measure:rm03-disclosure see-also section:wp-3-1-4 inferred
measure:rm09-regulation see-also section:wp-3-1-5 inferred
measure:rm09-pediatric-rare see-also section:wp-3-1-5 inferred
measure:rm11-drug-pricing see-also section:wp-3-1-9 inferred
measure:rm12-biosimilar see-also section:wp-3-1-9 inferred
measure:rm07-amed-funding implements section:plan3-3-1 inferred
term:a-step see-also program:mext-a-step stated
term:s-inobe see-also program:mext-s-innova stated
term:act-m see-also program:mext-act-m stated
term:binds see-also program:mext-binds-tech stated
term:binds see-also program:mext-binds-life-science stated
term:bbj see-also program:mext-genome-biobank stated
term:pmda see-also program:pmda-pediatric-orphan-center stated
term:otc see-also program:switch-otc-council stated
term:drug-loss see-also program:unapproved-drugs-council stated
term:kinkyu-shonin-seido see-also section:wp-3-1-6 stated
term:iryo-kiki-kihon-keikaku see-also section:wp-3-1-8 stated
term:inhouse-kenkyu-kaihatsu see-also section:s3-1-3 stated
term:inhouse-kenkyu-kaihatsu see-also section:plan3-1-2 stated
term:soyakuryoku-koso-kaigi see-also section:roadmap stated
term:top1-percent see-also kpi:plan3-top1-papers stated
term:top10-percent see-also kpi:rm-top10-papers stated
term:single-irb see-also kpi:rm-single-irb stated
term:single-irb see-also measure:rm03-sirb-dct stated
term:irb see-also term:single-irb stated
term:fih see-also kpi:p1-23 stated
term:mediso see-also section:wp-3-1-2 stated
term:rinsho-kenkyu-ho see-also section:wp-3-1-4 stated
"""
for line in want.strip().split("\n"):
    f, rel, to, basis = line.split()
    if f not in links:
        print("no entity", f)
    elif (rel, to, basis) not in links[f]:
        print("missing:", line)
EOF

# ---- inferences are marked ------------------------------------------------

pycheck "every lineage from period 1 to period 2 is marked inferred" <<'EOF'
import json, sys
tmp = sys.argv[1]
period = {}
ents = []
for t in ("project", "disease"):
    for e in json.load(open("%s/%s.json" % (tmp, t))):
        period[e["id"]] = e.get("period")
        ents.append(e)
n = 0
for e in ents:
    for l in e["links"]:
        if l["rel"] != "lineage" or not l.get("id"):
            continue
        if e.get("period") == 2 and period.get(l["id"]) == 1:
            n += 1
            if l.get("basis") != "inferred":
                print(e["id"], "from", l["id"], "is", l.get("basis"))
if n == 0:
    print("no lineage from period 1 to period 2 found")
EOF

# The sources say the projects were reorganised (再編) for period 3
# (overview3:29, 270; whitepaper:141-146) and never which period-2 project
# a period-3 one continues: each pairing is an inference, and one made
# from the name alone is a reorganised lineage that says so.
pycheck "every lineage from a period-2 project to a period-3 project is inferred; same-name pairs are 'reorganised'" <<'EOF'
import json, sys
projs = {p["id"]: p for p in json.load(open(sys.argv[1] + "/project.json"))}
n = 0
for p in projs.values():
    if p.get("period") != 3:
        continue
    for l in p["links"]:
        q = projs.get(l.get("id") or "")
        if l["rel"] != "lineage" or q is None or q.get("period") != 2:
            continue
        n += 1
        if l.get("basis") != "inferred":
            print(p["id"], "from", q["id"], "is", l.get("basis"))
        if l.get("lineage") == "same":
            print(p["id"], "from", q["id"], "is 'same'")
        if q["title"] == p["title"] and (l.get("lineage") != "reorganised"
                                         or "Same name" not in (l.get("note_en") or "")):
            print(p["id"], "from", q["id"], "same name but", l.get("lineage"), l.get("note_en"))
if n < 3:
    print("only", n, "lineages from period 2 to period 3")
EOF

# A ministry read from a roadmap mark (【厚】【文】【経】【健】: the roadmap
# never says what they mean) is an inference with its reason; the one
# program whose ministry a line states (大学病院改革ガイドライン, "文部科学省
# が策定した", roadmap:102) is stated.  The project-② slide told ministries
# by colour, lost in the text: its programs have none.
pycheck "ministries read from roadmap marks are inferred, with a reason" <<'EOF'
import json, sys
progs = json.load(open(sys.argv[1] + "/program.json"))
n = 0
for p in progs:
    ls = [l for l in p["links"] if l["rel"] == "ministry"]
    rm = [r for r in p["provenance"] if r["source"] == "roadmap"]
    if not ls or not rm or p["provenance"][0]["source"] != "roadmap":
        continue
    n += 1
    l = ls[0]
    if p["id"] == "program:univ-hospital-reform-guideline":
        if l.get("basis") != "stated":
            print(p["id"], "ministry is stated at roadmap:102")
        continue
    if l.get("basis") != "inferred" or "mark" not in (l.get("note_en") or ""):
        print(p["id"], "ministry", l.get("id"), l.get("basis"), l.get("note_en"))
for p in progs:
    for l in p["links"]:
        if l["rel"] == "ministry" and l["id"] == "ministry:hmsp" and l.get("basis") != "inferred":
            print(p["id"], "reads 【健】 as a ministry as a fact")
    if p["id"].startswith("program:") and any(r["source"] == "overview3" and 473 <= r["first"] <= 632 for r in p["provenance"]):
        if p.get("ministry") and p["id"] != "program:device-research-deployment":
            print(p["id"], "has a ministry the project-② slide lost")
if n < 30:
    print("only", n, "roadmap programs with a ministry")
EOF

pycheck "the two new period-3 projects (感染症, イノベーション・エコシステム) have a stated 'new' lineage" <<'EOF'
import json, sys
projs = {p["id"]: p for p in json.load(open(sys.argv[1] + "/project.json"))}
for pid in ("project:p3-infection", "project:p3-ecosystem"):
    ls = [l for l in projs[pid]["links"] if l["rel"] == "lineage" and l.get("lineage") == "new"]
    if not ls or any(l.get("basis") != "stated" for l in ls):
        print(pid, ls)
others = [p for p in projs.values() if p["id"] not in ("project:p3-infection", "project:p3-ecosystem")
          and any(l["rel"] == "lineage" and l.get("lineage") == "new" for l in p["links"])]
for p in others:
    print(p["id"], "also has a 'new' lineage")
EOF

# Issue 16, defect 8: the budget slide of integrated project ② (overview3
# 473-632, 「２．医療機器・ヘルスケアプロジェクト」) is a slide of the
# plan's overview, on the second of the integrated projects it lists
# (overview3:284-292): a section under that list, not a document.
run hms show section:pj2
check_out_has "In: 第３期 医療分野研究開発推進計画（概要） › 研究開発等施策 › １ 世界最高水準の医療の提供に資する医療分野の研究開発 › (3) 統合プロジェクト" \
	"the project-② budget slide sits under the plan's integrated projects"
run hms show section:plan3-1-3
check_out_has "医療機器・ヘルスケアプロジェクト" "the integrated projects list its budget slide as a part"

# Issue 16, defect 7: a period-3 project without a description says why,
# in Japanese and English, where the description would be: what the
# sources give about it and where (source:lines that exist).
pycheck "each period-3 project has a description or a note of what the sources give, and where" <<'EOF'
import json, re, sys
tmp, content = sys.argv[1], sys.argv[2]
sizes = {}
for name, path in (("overview3", "strategy3-overview.txt"), ("whitepaper", "mhlw-white-paper-ch5.txt"),
                   ("mext", "mext-lifescience-plan.txt"), ("roadmap", "drug-discovery-roadmap.txt"),
                   ("status1", "strategy1-status.txt")):
    sizes[name] = sum(1 for _ in open(content + "/sources/" + path, encoding="utf-8"))
n = 0
for p in json.load(open(tmp + "/project.json")):
    if p.get("period") != 3:
        continue
    text = p.get("text") or []
    if any(t["kind"] == "paragraph" for t in text):
        continue
    n += 1
    notes = {t.get("lang"): t["text"] for t in text if t["kind"] == "note"}
    if set(notes) != {"ja", "en"}:
        print(p["id"], "has no description and no ja+en note in its text", list(notes))
        continue
    for lang, t in notes.items():
        refs = re.findall(r"(overview3|whitepaper|mext|roadmap|status1):(\d+)(?:[-–](\d+))?", t)
        if not refs:
            print(p["id"], lang, "note names no source lines")
        for src, a, b in refs:
            if int(b or a) > sizes[src] or int(a) < 1:
                print(p["id"], lang, "cites", src, a, b, "beyond the source")
if n != 7:
    print(n, "period-3 projects without a description, not 7")
EOF
run hms show project:p3-infection
check_out_has "overview3:270" "the reader of a project without a description says where the sources name it"

done_testing
