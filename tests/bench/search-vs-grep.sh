#!/bin/sh
# search-vs-grep.sh — `hms search Q` end to end against `grep -c Q` over
# the five source texts (1x), interleaved on a busy machine: ROUNDS rounds
# of pty-bench -r 5 for each program, best of all.  With OLD=path/to/hms
# an older build is measured in the same rounds.  Figures, not verdicts.
#
#   tests/bench/search-vs-grep.sh            (after make check)
#   OLD=/path/to/old/hms ROUNDS=8 tests/bench/search-vs-grep.sh
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${ROUNDS:=8}"
: "${BENCH_WORKDIR:=$top_builddir/_bench}"
NEW=${HMS:-$top_builddir/hms}
OLD=${OLD:-}
pty="$top_builddir/tests/bench/pty-bench"
export LC_ALL=C.UTF-8 HOME="$BENCH_WORKDIR/home"
mkdir -p "$HOME" || exit 2
cd "$top_srcdir" || exit 2

# best A B: the smaller, B empty meaning none yet.
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
# one VAR PROGRAM...: fold a pty-bench -r 5 run into best_VAR and cpu_VAR.
one() {
	v=$1
	shift
	r=$("$pty" -r 5 -- "$@")
	eval "best_$v=\$(best \"$(echo "$r" | awk '/best_ms/ { print $2 }')\" \"\${best_$v:-}\")"
	eval "cpu_$v=\$(best \"$(echo "$r" | awk '/best_ms/ { print $6 }')\" \"\${cpu_$v:-}\")"
}
for h in "$NEW" $OLD; do	# fill the caches
	XDG_CACHE_HOME="$BENCH_WORKDIR/cache-$(echo "$h" | cksum | cut -d' ' -f1)" \
	    "$h" --content content search FIH >/dev/null
done
for q in FIH 医療機器; do
	unset best_new cpu_new best_old cpu_old best_grep cpu_grep
	i=0
	while [ $i -lt "$ROUNDS" ]; do
		XDG_CACHE_HOME="$BENCH_WORKDIR/cache-$(echo "$NEW" | cksum | cut -d' ' -f1)" \
		    one new "$NEW" --content content search "$q"
		[ -n "$OLD" ] && XDG_CACHE_HOME="$BENCH_WORKDIR/cache-$(echo "$OLD" | cksum | cut -d' ' -f1)" \
		    one old "$OLD" --content content search "$q"
		one grep grep -c -- "$q" content/sources/*.txt
		i=$((i + 1))
	done
	printf '%s: hms %.1f ms (CPU %.1f), %.1fx grep' "$q" "$best_new" \
	    "$cpu_new" "$(awk -v a="$best_new" -v b="$best_grep" 'BEGIN { print a / b }')"
	[ -n "$OLD" ] && printf '; old hms %.1f ms (CPU %.1f), %.1fx grep' \
	    "$best_old" "$cpu_old" \
	    "$(awk -v a="$best_old" -v b="$best_grep" 'BEGIN { print a / b }')"
	printf '; grep -c %.1f ms (CPU %.1f)\n' "$best_grep" "$cpu_grep"
done
