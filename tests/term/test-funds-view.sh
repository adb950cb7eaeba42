#!/bin/sh
# test-funds-view.sh — "which program funds what" inside the interface:
# :funds WORDS lists the programs hms funds lists, grouped by project,
# each saying how it was found, with the same totals (one per fiscal year
# and budget type); $ does the same for what the cursor is on.
. "$top_srcdir/tests/term/lib.sh"

"$HMS" funds FIH >"$tmpdir/funds.txt"
"$HMS" funds --format tsv FIH >"$tmpdir/funds.tsv"
nlines=$(tail -n +2 "$tmpdir/funds.tsv" | wc -l)
nprogs=$(tail -n +2 "$tmpdir/funds.tsv" | cut -f1 | sort -u | wc -l)
fy25=$(sed -n 's/^Total: FY2025 当初 \([0-9.]*\)億円.*/\1/p' "$tmpdir/funds.txt")
[ -n "$fy25" ]; ok $? "hms funds FIH ends with its total, FY2025 当初 first ($fy25億円)"

term_start 100 30 -- --lang en
term_keys :
term_type "funds FIH"
term_keys Enter
term_check "$nprogs programs fund FIH." "':funds FIH' finds the $nprogs programs hms funds finds"
term_check "$nlines of $nlines rows  funding FIH" "one row per budget line, as hms funds --format tsv ($nlines)"
term_check "Found via" "each row says how it was found"
first=$(grep '^== ' "$tmpdir/funds.txt" | head -n 1 | sed 's/^== [^ ]*  //')
term_check " P3-7 橋渡し・臨床加速化" "the programs are grouped by project, the first group as hms funds has it ($first)"
term_check "Shown: FY2025 当初 ${fy25}億円" "the footer's FY2025 当初 total is hms funds's ($fy25億円)"
term_check_gone "Total (shown" "no total adds years and types together"
term_keys t
term_check "Subtotals by ministry" "t: subtotals by ministry, as in the programs view"
term_check "FY2024 補正" "a supplementary budget is a subtotal of its own"
term_keys t t t

# $ on what the cursor is on: a KPI of the FIH measure.
term_keys :
term_type "kpi:rm-fih-trials"
term_keys Enter
term_check "整備した施設における国内FIH試験実施件数" "the KPI opens"
term_keys '$'
term_check "funding kpi:rm-fih-trials" "\$ shows the programs behind the KPI on screen"
term_check "新規モダリティ対応" "the FIH facilities program funds it (through its measure)"
term_keys q
status=$(term_status)
[ "$status" = 0 ]; ok $? "q quits with status 0 (got $status)"
done_testing
