#!/bin/sh
# test-funds.sh — which program funds what, from the shell: hms funds on
# the lookups officials make (FIH, DCT, バイオシミラー, ワクチン), checked
# against the roadmap's 該当事業 column (content/roadmap.xml,
# content/sources/drug-discovery-roadmap.txt); and hms funds --format tsv
# gives the same rows as hms list program --format tsv.
. "$top_srcdir/tests/cli/lib.sh"

# tsv_has_line ID AMOUNT FY TYPE NAME: a line of the program with that
# budget is in the TSV (columns: 1 id, 5 ministry, 6 kind, 7 amount_oku_yen,
# 8 fy, 9 budget_type, 11 counted).
tsv_has_line() {
	if printf '%s\n' "$out" | awk -F'\t' -v id="$1" -v amt="$2" -v fy="$3" \
	    -v ty="$4" '$1 == id && $7 == amt && $8 == fy && $9 == ty { f = 1 }
	    END { exit !f }'; then
		ok 0 "$5"
	else
		ok 1 "$5"
		diag "no line $1 $2 FY$3 $4 in:" "$(printf '%s\n' "$out" | cut -f1,5,7-11 | head -n 20)"
	fi
}

run hms list program --format tsv
check_rc 0 "list program exits 0"
list=$out
header=$(printf '%s\n' "$list" | head -n 1)

# Every funds TSV row is a row of the programs list, byte for byte.
same_rows() {
	bad=$(printf '%s\n' "$out" | tail -n +2 | while IFS= read -r line; do
		printf '%s\n' "$list" | grep -qxF -- "$line" || echo x
	done | wc -l)
	[ "$bad" = 0 ]; ok $? "funds $1: every TSV row is a row of list program ($bad not)"
	[ "$(printf '%s\n' "$out" | head -n 1)" = "$header" ]
	ok $? "funds $1: the TSV header is list program's"
}

# FIH: the FIH trial facilities (令和6年度補正 7.9億円, 厚) and clinical
# research promotion (令和7年度当初 3.7億円) — roadmap rows 31 and 32.
run hms funds FIH
check_rc 0 "funds FIH exits 0"
check_out_has "program:fih-modality-trials" "funds FIH finds the FIH trial-facility program"
check_out_has "新規モダリティ対応ヒト初回投与試験体制整備等事業" "funds FIH names it"
check_out_has "7.9億円  FY2024  補正" "funds FIH: 7.9億円, FY2024 supplementary"
check_out_has "厚生労働省" "funds FIH names the ministry"
check_out_has "program:clinical-research-promotion" "funds FIH finds clinical research promotion"
check_out_has "3.7億円  FY2025  当初" "funds FIH: 3.7億円, FY2025 initial"
check_out_has "(再掲: repeated, not counted)" "funds FIH says which lines repeat"
run hms funds --format tsv FIH
check_rc 0 "funds --format tsv FIH exits 0"
tsv_has_line program:fih-modality-trials 7.9 2024 supplementary "funds FIH TSV: 7.9 FY2024 supplementary"
tsv_has_line program:clinical-research-promotion 3.7 2025 initial "funds FIH TSV: 3.7 FY2025 initial"
counted=$(printf '%s\n' "$out" | awk -F'\t' '$1 == "program:fih-modality-trials" && $11 == "yes"' | wc -l)
[ "$counted" = 1 ]; ok $? "funds FIH TSV: the 再掲 line of 7.9億円 is not counted (counted $counted)"
same_rows FIH

# DCT: 医療技術実用化総合促進事業 (令和7年度当初 27億円) — roadmap row 49.
run hms funds DCT
check_rc 0 "funds DCT exits 0"
check_out_has "program:medical-tech-practical-use" "funds DCT finds the DCT program"
check_out_has "医療技術実用化総合促進事業" "funds DCT names it"
check_out_has "27億円  FY2025  当初" "funds DCT: 27億円, FY2025 initial"
run hms funds --format tsv DCT
tsv_has_line program:medical-tech-practical-use 27 2025 initial "funds DCT TSV: 27 FY2025 initial"
same_rows DCT

# バイオシミラー: the biosimilar policy (an 取組方針 of 厚, no budget) —
# roadmap rows 203-205.
run hms funds バイオシミラー
check_rc 0 "funds バイオシミラー exits 0"
check_out_has "program:biosimilar-policy" "funds バイオシミラー finds the biosimilar policy"
check_out_has "バイオ後続品の使用促進のための取組方針" "funds バイオシミラー names it"
run hms funds --format tsv バイオシミラー
n=$(printf '%s\n' "$out" | awk -F'\t' '$1 == "program:biosimilar-policy" && $6 == "guideline" && $7 == "" && $9 == "none"' | wc -l)
[ "$n" = 1 ]; ok $? "funds バイオシミラー TSV: a guideline without an amount ($n line)"
same_rows バイオシミラー

# ワクチン: the vaccine production sites (経, 基金事業) and the
# regenerative acceleration program beside it (令和6年度補正 21.4億円) —
# roadmap row 65.
run hms funds ワクチン
check_rc 0 "funds ワクチン exits 0"
check_out_has "program:vaccine-bio-manufacturing-sites" "funds ワクチン finds the vaccine production program"
check_out_has "ワクチン生産体制強化のためのバイオ医薬品製造拠点等整備事業" "funds ワクチン names it"
check_out_has "経済産業省" "funds ワクチン names METI"
check_out_has "基金" "funds ワクチン says it is a fund"
run hms funds --format tsv ワクチン
n=$(printf '%s\n' "$out" | awk -F'\t' '$1 == "program:vaccine-bio-manufacturing-sites" && $5 == "ministry:meti" && $9 == "fund"' | wc -l)
[ "$n" -ge 1 ]; ok $? "funds ワクチン TSV: METI, a fund ($n lines)"
same_rows ワクチン

# Full-width and case do not matter.
run hms funds --format tsv ｆｉｈ
check_rc 0 "funds ｆｉｈ exits 0"
tsv_has_line program:fih-modality-trials 7.9 2024 supplementary "funds ｆｉｈ finds what FIH finds"

# Nothing found: exit 1, as grep.
run hms funds zzzznothing
check_rc 1 "funds with no match exits 1"

# Scripts sum the counted lines of the programs list.
total=$(printf '%s\n' "$list" | awk -F'\t' 'NR > 1 && $11 == "yes" { s += $7 } END { printf "%.2f", s }')
case $total in
0.00|"") ok 1 "list program: counted lines sum to something ($total)" ;;
*) ok 0 "list program: counted lines sum to $total億円" ;;
esac
done_testing
