#!/bin/sh
# test-csv.sh — CSV that opens in a spreadsheet (issue 19): every list,
# budget, funds and search command writes RFC 4180 CSV that Python's csv
# module reads back as the same rows and numbers as the TSV; --bom puts a
# UTF-8 byte-order mark first (and only with --format csv); amounts are
# plain numbers with their unit in the header.
. "$top_srcdir/tests/cli/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP python3 is not installed"
	echo "1..1"
	exit 0
fi

# same ARGS...: hms ARGS --format csv reads back as hms ARGS --format tsv
# (after the CSV's first $head_only_csv records).
same() {
	${HMS_WRAPPER:-} "$HMS" "$@" --format csv >"$tmpdir/o.csv" 2>"$tmpdir/err"
	rc1=$?
	${HMS_WRAPPER:-} "$HMS" "$@" --format tsv >"$tmpdir/o.tsv" 2>/dev/null
	rc2=$?
	python3 -c '
import csv, sys
a = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))[int(sys.argv[3]):]
b = [l.split("\t") for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l != ""]
if a != b:
    for x, y in zip(a, b):
        if x != y:
            print("# csv: %r\n# tsv: %r" % (x, y)); break
    sys.exit(1)
if len(a) < 2:
    print("# only %d rows" % len(a)); sys.exit(1)
' "$tmpdir/o.csv" "$tmpdir/o.tsv" "${head_only_csv:-0}"
	r=$?
	[ "$rc1" = 0 ] && [ "$rc1" = "$rc2" ] && [ "$r" = 0 ]
	ok $? "$* --format csv reads back (Python csv) as its TSV rows"
}

for t in period section project disease measure milestone kpi program ministry term; do
	same list $t
done
same budget
same budget --by ministry
same funds FIH
# Search's TSV has no header line; its CSV names the columns.
head_only_csv=1 same search FIH

# Numbers as numbers: every amount parses as a float; the unit is in the
# header (total_oku_yen, amount_oku_yen), never in the field.
"$HMS" budget --format csv >"$tmpdir/b.csv"
"$HMS" list program --format csv >"$tmpdir/p.csv"
python3 -c '
import csv, sys
for path, col in ((sys.argv[1], "total_oku_yen"), (sys.argv[2], "amount_oku_yen")):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    vals = [r[col] for r in rows if r[col] != ""]
    [float(v) for v in vals]
    assert len(vals) > 10, (path, len(vals))
' "$tmpdir/b.csv" "$tmpdir/p.csv"
ok $? "budget and program CSV: amounts are plain numbers, 億円 in the header"
head -c 2 "$tmpdir/b.csv" | od -c | grep -q 'g   r'
ok $? "CSV without --bom starts with the header itself"

# --bom: the mark, then the same records.
"$HMS" --bom budget --format csv >"$tmpdir/bom.csv"
[ "$(head -c 3 "$tmpdir/bom.csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ]
ok $? "--bom writes the UTF-8 byte-order mark first"
python3 -c '
import csv, sys
a = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
b = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8")))
sys.exit(a != b)
' "$tmpdir/bom.csv" "$tmpdir/b.csv"
ok $? "--bom: read as utf-8-sig, the same records as without"
run hms --bom list kpi
check_rc 2 "--bom without --format csv is a usage error"

done_testing
