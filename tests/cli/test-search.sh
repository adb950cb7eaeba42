#!/bin/sh
# test-search.sh — `hms search` and `hms funds` from the shell: exit statuses
# (0 found, 1 nothing, 2 error), TSV records id<TAB>type<TAB>title<TAB>snippet,
# valid JSON, --type, --period, --regex, a bad regex with its offset.
. "$top_srcdir/tests/cli/lib.sh"

tab=$(printf '\t')

# TSV: one record a line, four fields, the id first.
tsv_ok() {
	printf '%s\n' "$out" | awk -F'\t' '
		NF != 4 || $1 !~ /^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/ || $2 == "" || $3 == "" { bad++ }
		END { exit bad > 0 }'
}

json_ok() {
	printf '%s' "$out" | python3 -c 'import json, sys; d = json.load(sys.stdin); sys.exit(0 if isinstance(d, list) else 1)'
}

run hms search FIH
check_rc 0 "search FIH exits 0"
check_out_has "term:fih" "search FIH finds the term"
check_out_has "[FIH]" "the text snippet marks the match"

run hms search "ｘｙｚｚｙ-nothing-matches"
check_rc 1 "search with no match exits 1"
[ -z "$out" ]; ok $? "no match prints nothing"

run hms search ""
check_rc 1 "an empty query finds nothing (exit 1)"

run hms search --format tsv "FIH"
check_rc 0 "search --format tsv exits 0"
tsv_ok; ok $? "TSV: id, type, title, snippet on every line"
first=$(printf '%s\n' "$out" | head -n 1 | cut -f1-3)
[ "$first" = "term:fih${tab}term${tab}FIH" ]; ok $? "TSV: the whole-title hit comes first ($first)"
n=$(printf '%s\n' "$out" | wc -l)
[ "$n" -ge 10 ]; ok $? "TSV: one record a line ($n)"

# Normalisation: width, case and kana give the same records.
run hms search --format tsv "FIH"; a=$out
run hms search --format tsv "ｆｉｈ"; b=$out
[ -n "$a" ] && [ "$a" = "$b" ]; ok $? "ｆｉｈ gives what FIH gives"
run hms search --format tsv "バイオシミラー"; a=$out
run hms search --format tsv "ばいおしみらー"; b=$out
[ -n "$a" ] && [ "$a" = "$b" ]; ok $? "ばいおしみらー gives what バイオシミラー gives"
run hms search --format tsv "ﾊﾞｲｵｼﾐﾗｰ"; b=$out
[ -n "$a" ] && [ "$a" = "$b" ]; ok $? "ﾊﾞｲｵｼﾐﾗｰ gives what バイオシミラー gives"

run hms search --format json "ドラッグ・ロス"
check_rc 0 "search --format json exits 0"
json_ok; ok $? "search --format json is a valid JSON array"
if printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
ok = len(d) > 0 and all(set(("id", "type", "title", "snippet", "score")) <= set(h) for h in d)
ok = ok and all(d[i]["score"] >= d[i + 1]["score"] for i in range(len(d) - 1))
sys.exit(0 if ok else 1)'; then ok 0 "JSON hits have id, type, title, snippet, score, best first"; else ok 1 "JSON hits have id, type, title, snippet, score, best first"; fi

run hms search --format json "ｘｙｚｚｙ-nothing"
check_rc 1 "JSON with no match exits 1"
json_ok; ok $? "JSON with no match is still a valid (empty) array"

# AND and phrases.
run hms search --format tsv "FIH 施設"
check_rc 0 "FIH 施設 exits 0"
bad=$(printf '%s\n' "$out" | cut -f1 | while read -r id; do
	"$HMS" show "$id" | python3 -c 'import sys, unicodedata; t = unicodedata.normalize("NFKC", sys.stdin.read()).lower(); sys.exit(0 if "fih" in t and "施設" in t else 1)' || echo "$id"
done)
[ -z "$bad" ]; ok $? "every hit of FIH 施設 shows both terms ($bad)"
run hms search --format tsv '"Single IRB"'
check_rc 0 "a quoted phrase exits 0"
check_out_has "measure:rm03-sirb-dct" "the phrase finds the measure"

# Filters.
run hms search --type kpi --format tsv "FIH"
check_rc 0 "--type kpi exits 0"
bad=$(printf '%s\n' "$out" | awk -F'\t' '$2 != "kpi"' | wc -l)
[ "$bad" = 0 ] && [ -n "$out" ]; ok $? "--type kpi gives only KPIs"
run hms search --type nosuchtype FIH
check_rc 2 "--type with an unknown type exits 2"
run hms search --period 1 --format json "FIH"
check_rc 0 "--period 1 exits 0"
bad=$(printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sum(1 for h in d if h["id"] in ("measure:rm02-fih", "term:fih")))')
[ "$bad" = 0 ]; ok $? "--period 1 leaves out period-3 and period-less entities"
run hms search --period 9 FIH
check_rc 2 "--period 9 exits 2"

# Regex.
run hms search --regex --format tsv "FIH試験(実施)?施設"
check_rc 0 "--regex exits 0"
tsv_ok; ok $? "--regex TSV records are well formed"
check_out_has "measure:rm02-fih" "--regex finds the measure"
run hms search --regex "^ＦＩＨ$"
check_rc 1 "a regex matches the original text (no full-width FIH there)"
run hms search --regex "ヘルス(ケア"
check_rc 2 "a bad regex exits 2"
check_err_has "offset 16 (character 6)" "a bad regex reports the offset"
check_err_has "missing closing parenthesis" "a bad regex reports PCRE2's message"
[ -z "$out" ]; ok $? "a bad regex prints nothing on stdout"
run hms search --regex "(.*a){20}"
if [ "$rc" = 2 ]; then
	check_err_has "pattern too complex" "a pathological regex says so"
else
	check_rc 0 "a pathological regex either runs or says it is too complex"
fi

# Era years (the text module does the folding).
run hms search --era --format tsv "令和6年度"
check_rc 0 "--era exits 0"

# Ranking rules (hms(1), issue 17, item 3): a whole title or alias first.
run hms search --format tsv "drug loss"
first=$(printf '%s\n' "$out" | head -n 1 | cut -f1)
[ "$first" = "term:drug-loss" ]; ok $? "drug loss: the glossary term first ($first)"
run hms search --format tsv "BIO Japan"
first=$(printf '%s\n' "$out" | head -n 1 | cut -f1)
[ "$first" = "term:bio-japan" ]; ok $? "BIO Japan: the glossary term first ($first)"

# Near misses (issue 17, item 2): a query that finds nothing offers the
# content's own spelling on stderr, in the user's language, and exits 1.
run hms search 橋渡研究
check_rc 1 "a misspelt query finds nothing (exit 1)"
[ -z "$out" ]; ok $? "and prints nothing on stdout"
check_err_has "did you mean: 橋渡し研究" "橋渡研究: did you mean 橋渡し研究"
run hms --lang ja search 橋渡研究
check_err_has "もしかして: 橋渡し研究" "in Japanese: もしかして: 橋渡し研究"
run hms search パンデミク対策
check_rc 1 "パンデミク対策 finds nothing (exit 1)"
check_err_has "did you mean: パンデミック対策" "パンデミク対策: did you mean パンデミック対策"
run hms search --format tsv FIH
check_err_lacks() {
	if printf '%s' "$err" | grep -qF -- "$1"; then ok 1 "$2"; diag "stderr has: $1"; else ok 0 "$2"; fi
}
check_err_lacks "did you mean" "a query that finds plenty suggests nothing"
# --fuzzy ranks near matches in, after the exact ones.
run hms search --fuzzy --format tsv 橋渡研究
check_rc 0 "--fuzzy 橋渡研究 exits 0"
check_out_has "program:translational-research" "--fuzzy 橋渡研究 finds what 橋渡し研究 finds"
run hms search --format tsv "FIH 試験"
check_out_has "kpi:p1-23" "FIH 試験 reaches the FIH trial KPI"
check_out_has "measure:rm02-fih" "FIH 試験 reaches the FIH trial measure"
run hms search --format tsv FIH試験
check_out_has "term:fih${tab}" "FIH試験 reaches the term whose alias it is"
run hms search --format tsv FIH試験; a=$out
check_out_has "kpi:p1-23" "FIH試験 reaches the FIH trial KPI"
check_out_has "measure:rm02-fih" "FIH試験 reaches the FIH trial measure"
run hms search --fuzzy --format tsv FIH試験; b=$out
n=$(printf '%s\n' "$a" | wc -l)
m=$(printf '%s\n' "$b" | wc -l)
[ "$(printf '%s\n' "$b" | head -n "$n")" = "$a" ] && [ "$m" -gt "$n" ]
ok $? "--fuzzy keeps the $n exact hits first, in order, then near ones ($m)"

# funds: the same engine, programs reached through what the query finds.
run hms funds --format tsv "FIH 施設"
check_rc 0 "funds FIH 施設 exits 0"
check_out_has "program:fih-modality-trials" "funds finds the program serving the FIH measure"
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NR > 1 && $1 !~ /^program:/' | wc -l)
[ "$bad" = 0 ]; ok $? "funds lists only programs"
run hms funds --format json "医工連携"
check_rc 0 "funds --format json exits 0"
json_ok; ok $? "funds --format json is valid JSON"
run hms funds "ｘｙｚｚｙ-nothing"
check_rc 1 "funds with no match exits 1"
run hms funds --regex "ヘルス(ケア"
check_rc 2 "funds with a bad regex exits 2"
check_err_has "offset" "funds reports the regex offset"

done_testing
