#!/bin/sh
# run.sh — what hms costs, as a person at a terminal meets it (make bench):
# start-up to the first full screen, hms search end to end against grep -c,
# the time from a key to the screen's answer, peak memory, the bytes a
# scroll sends; on the bundled content and on 10x and 100x synthetic
# content, to show how cost grows.  Prints a table with the targets of
# issue #9 next to the figures.  Figures, not verdicts: nothing fails on
# timing (the exit status is 0 unless a program could not be run).
#
#   tests/bench/run.sh                     (make bench runs it)
#   BENCH_SCALES="1 10" BENCH_RUNS=21 tests/bench/run.sh
#
# Times are the best of BENCH_RUNS runs of the wall clock, with the CPU
# time (user + system) of the best run in brackets: on a busy machine the
# CPU time is the steadier figure.  The 10x and 100x content is made by
# tests/bench/gen-corpus.py (ids renamed per copy) under $BENCH_WORKDIR.
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${BENCH_SCALES:=1 10 100}"
: "${BENCH_RUNS:=11}"
: "${BENCH_WORKDIR:=$top_builddir/_bench}"
HMS=${HMS:-$top_builddir/hms}
pty="$top_builddir/tests/bench/pty-bench"
work=$BENCH_WORKDIR
export LC_ALL=C.UTF-8
# hms keeps its verified-content cache here, not in the home directory.
XDG_CACHE_HOME="$work/cache"
HOME="$work/home"
export XDG_CACHE_HOME HOME
unset XDG_CONFIG_HOME XDG_DATA_HOME HMS_CONTENT NO_COLOR

for f in "$HMS" "$pty"; do
	if [ ! -x "$f" ]; then
		echo "run.sh: $f is missing: run make (and make check) first" >&2
		exit 2
	fi
done
mkdir -p "$work" "$HOME" || exit 2
sources="$top_srcdir/content/sources"
queries="FIH 医療機器"
scroll_id=section:pj2		# the longest page of the bundled content
frame_text="?:help q:quit"	# the end of the status line: the frame is whole

# field NAME: the value after NAME on the lines in $out.
field() { printf '%s\n' "$out" | awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'; }
ms() { printf '%.1f' "$1"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }

content_dir() {
	if [ "$1" = 1 ]; then
		echo "$top_srcdir/content"
		return
	fi
	d="$work/content-${1}x"
	if [ ! -f "$d/.complete" ]; then
		rm -rf "$d"
		python3 "$top_srcdir/tests/bench/gen-corpus.py" \
		    "$top_srcdir/content" "$d" "$1" >&2 || return 1
		: >"$d/.complete"
	fi
	echo "$d"
}

# BENCH_INSTANCES interfaces at once on the same content, as officials
# sharing one SSH host: the private memory (USS) of each, idle and after
# one search (each waits for all the others to reach the step, so that
# what can be shared is).  Prints "IDLE_KB SEARCH_KB" (the largest of the
# instances).  $2 = cold: the caches are emptied first, so that all of
# them start before the snapshot exists.
: "${BENCH_INSTANCES:=4}"
instances() {
	w="$work/instances"
	rm -rf "$w"
	mkdir -p "$w" || return 1
	[ "$2" = cold ] && rm -rf "$XDG_CACHE_HOME"
	i=1
	while [ "$i" -le "$BENCH_INSTANCES" ]; do
		"$pty" -s 80x24 "frame:$frame_text" "touch:$w/up-$i" \
		    "wait:$w/go" uss:idle 'send:/' 'send:FIH\r' quiet \
		    "touch:$w/found-$i" "wait:$w/go2" uss:search \
		    -- "$HMS" --fresh --content "$1" >"$w/out-$i" 2>&1 &
		i=$((i + 1))
	done
	for step in up:go found:go2; do
		t=0	# at most 3000 looks, 0.1 s apart
		while [ "$(ls "$w" | grep -c "^${step%%:*}-")" -lt "$BENCH_INSTANCES" ] &&
		    [ $t -lt 3000 ]; do
			sleep 0.1
			t=$((t + 1))
		done
		: >"$w/${step#*:}"
	done
	wait
	cat "$w"/out-* | awk '/^uss_idle/ { if ($2 > i) i = $2 }
	    /^uss_search/ { if ($2 > s) s = $2 } END { print i + 0, s + 0 }'
}

# Every interface starts --fresh, in the projects view: a start that
# resumed where the last one left off (the reader of the scroll step)
# would make / search that page, not all the content.

# One scale: sets r_<metric>_<scale> variables.
measure() {
	n=$1
	dir=$(content_dir "$n") || return 1
	runs=$BENCH_RUNS
	[ "$n" -ge 10 ] && runs=3
	[ "$n" -ge 100 ] && runs=1
	size=$(cat "$dir"/*.xml | wc -c)
	eval "r_size_$n=\$(awk -v b=$size 'BEGIN { printf \"%.1f MB\", b / 1048576 }')"
	echo "== ${n}x: $dir ($size bytes of XML)" >&2

	# The first load after a change runs every check (and fills the
	# caches); the first search after it builds the index.
	rm -rf "$XDG_CACHE_HOME"
	out=$("$pty" -r 1 -- "$HMS" --content "$dir" show period:3)
	eval "r_cold_$n='$(ms "$(field best_ms)") ($(ms "$(field cpu_ms)"))'"
	out=$("$pty" -r 1 -- "$HMS" --content "$dir" check)
	eval "r_check_$n='$(ms "$(field best_ms)") ($(ms "$(field cpu_ms)"))'"
	# The loader's memory against its input: peak RSS of hms check over
	# the bytes of XML (the figure src/content-load.h states).
	eval "r_checkrss_$n=\$(awk -v k=\"$(field rss_kb)\" -v b=$size 'BEGIN { printf \"%.0f MB, %.1fx\", k / 1024, k * 1024 / b }')"
	# Later loads: the caches (verified files, the model's snapshot, the
	# search index) filled again by this run, as after any first use.
	"$HMS" --content "$dir" show period:3 >/dev/null
	out=$("$pty" -r 1 -- "$HMS" --content "$dir" search FIH)
	eval "r_coldsearch_$n='$(ms "$(field best_ms)") ($(ms "$(field cpu_ms)"))'"

	best=""
	bcpu=""
	i=0
	while [ $i -lt $runs ]; do
		out=$("$pty" -s 80x24 "frame:$frame_text" -- "$HMS" --fresh \
		    --content "$dir")
		t=$(printf '%s\n' "$out" | awk '/^frame_ms/ { print $2 }')
		c=$(printf '%s\n' "$out" | awk '/^frame_ms/ { print $3 }')
		if [ -n "$t" ] && { [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; }; then
			best=$t
			bcpu=$c
		fi
		rss=$(field rss_kb)
		i=$((i + 1))
	done
	eval "r_start_$n='$(ms "$best") ($(ms "$bcpu"))'"
	eval "r_startms_$n=$best"
	eval "r_rss_$n='$(mb "$rss")'"
	eval "r_rsskb_$n=$rss"

	for q in $queries; do
		key=$(printf '%s' "$q" | od -An -tx1 | tr -d ' \n' | cut -c1-12)
		out=$("$pty" -r "$runs" -- "$HMS" --content "$dir" search "$q")
		eval "r_search_${key}_$n='$(ms "$(field best_ms)") ($(ms "$(field cpu_ms)"))'"
		eval "r_searchms_${key}_$n=$(field best_ms)"
		eval "r_srss_$n='$(mb "$(field rss_kb)")'"
		if [ "$n" = 1 ]; then
			set -- "$sources"/*.txt
		else
			set -- "$dir"/*.xml
		fi
		out=$("$pty" -r "$runs" -- grep -c -- "$q" "$@")
		eval "r_grep_${key}_$n='$(ms "$(field best_ms)") ($(ms "$(field cpu_ms)"))'"
		eval "r_grepms_${key}_$n=$(field best_ms)"
	done

	# Many instances on one host: warm caches, then none.
	set -- $(instances "$dir" warm)
	eval "r_uss_$n='$(mb "$1") / $(mb "$2")'"
	set -- $(instances "$dir" cold)
	eval "r_usscold_$n='$(mb "$1") / $(mb "$2")'"
	"$HMS" --content "$dir" search FIH >/dev/null

	# Bytes to the terminal, in the reader of the longest page.
	sid=$scroll_id
	out=$("$pty" -s 80x24 "frame:$frame_text" quiet 'bytes:scroll:j' \
	    'bytes:scroll2:j' 'bytes:page:\e[6~' 'bytes:page2:\e[6~' \
	    -- "$HMS" --content "$dir" open "$sid")
	eval "r_scroll_$n='$(field bytes_scroll) / $(field bytes_scroll2)'"
	eval "r_scrollb_$n=$(field bytes_scroll)"
	eval "r_page_$n='$(field bytes_page) / $(field bytes_page2)'"

	# From a key to the screen's answer, typing into the search prompt.
	reps=10
	[ "$n" -ge 10 ] && reps=2
	[ "$n" -ge 100 ] && reps=1
	out=$("$pty" -s 80x24 "frame:$frame_text" quiet 'send:/' \
	    "lat:keys:$reps:医療機器" "lat:keys2:$reps:FIH 試験" \
	    -- "$HMS" --fresh --content "$dir")
	p50=$(printf '%s\n' "$out" | awk '/^lat_keys / { print $2 }')
	p99=$(printf '%s\n' "$out" | awk '/^lat_keys / { print $3 }')
	q50=$(printf '%s\n' "$out" | awk '/^lat_keys2 / { print $2 }')
	q99=$(printf '%s\n' "$out" | awk '/^lat_keys2 / { print $3 }')
	cnt=$(printf '%s\n' "$out" | awk '/^lat_keys2? / { n += $5 } END { print n }')
	eval "r_key_$n='$(ms "$p50") / $(ms "$p99")'"
	eval "r_key2_$n='$(ms "$q50") / $(ms "$q99")'"
	eval "r_keyn_$n=$cnt"
}

for n in $BENCH_SCALES; do
	measure "$n" || { echo "run.sh: cannot measure ${n}x" >&2; exit 2; }
done

# ---- the table ----
get() { eval "printf '%s' \"\${$1:-}\""; }
row() {
	# row LABEL METRIC TARGET
	printf '%-34s' "$1"
	for n in $BENCH_SCALES; do
		printf ' %-19s' "$(get "r_$2_$n")"
	done
	printf ' %s\n' "$3"
}
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "MISSED"; fi; }

printf '\nhms %s benchmarks, %s; %s, %s CPUs, load average %s\n' \
    "$("$HMS" --version | sed 's/^hms //')" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(uname -sm)" "$(getconf _NPROCESSORS_ONLN)" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf 'times in ms: best of %s runs (100x: 1, 10x: 3), CPU time of that run in brackets\n\n' "$BENCH_RUNS"
printf '%-34s' ""
for n in $BENCH_SCALES; do printf ' %-19s' "${n}x content"; done
printf ' %s\n' "target"
row "content (XML)" size ""
row "first load after a change (show)" cold ""
row "hms check (every check)" check ""
row "peak RSS of hms check, x the XML" checkrss "< 16x from 10x on"
row "first search after a change" coldsearch ""
row "start-up to first full screen" start "< 20 ms (1x); 100x < 1 s"
i=1
for q in $queries; do
	key=$(printf '%s' "$q" | od -An -tx1 | tr -d ' \n' | cut -c1-12)
	row "hms search Q$i, end to end" "search_${key}" "within 3x of grep -c"
	row "grep -c Q$i" "grep_${key}" ""
	i=$((i + 1))
done
row "key to screen p50 / p99, Q3" key ""
row "key to screen p50 / p99, Q4" key2 ""
row "peak RSS, interface" rss "< 16 MB (1x)"
row "peak RSS, hms search Q2" srss ""
row "USS each of $BENCH_INSTANCES: idle / searched" uss "<= 32 MB (100x)"
row "the same, all started cold" usscold "<= 32 MB (100x)"
row "bytes: one-line scroll (1st/2nd)" scroll "< 300 bytes"
row "bytes: page down (1st/2nd)" page ""
printf '\nQ1 %s, Q2 %s: grep -c runs over the five source texts at 1x, over the\n' $queries
printf 'content XML at 10x and 100x.  Q3 医療機器 and Q4 "FIH 試験" are typed into\n'
printf 'the search prompt a character at a time: the time from each key to the\n'
printf 'first byte of the redrawn screen.  Scroll and page down: j and PageDown\n'
printf 'in the reader of %s (80x24, TERM=xterm-256color).\n' "$scroll_id"

# Verdicts on the bundled content (and the 100x load).
echo
startms=$(get r_startms_1)
if [ -n "$startms" ]; then
	printf 'start-up under 20 ms (1x): %s (%s ms)\n' \
	    "$(verdict "$(awk -v t="$startms" 'BEGIN { print (t < 20) }')")" "$startms"
	worst=0
	for q in $queries; do
		key=$(printf '%s' "$q" | od -An -tx1 | tr -d ' \n' | cut -c1-12)
		h=$(get "r_searchms_${key}_1")
		g=$(get "r_grepms_${key}_1")
		r=$(awk -v h="$h" -v g="$g" 'BEGIN { printf "%.1f", h / g }')
		printf 'hms search %s within 3x of grep -c: %s (%sx)\n' "$q" \
		    "$(verdict "$(awk -v r="$r" 'BEGIN { print (r <= 3) }')")" "$r"
	done
	printf 'peak RSS under 16 MB (1x): %s (%s)\n' \
	    "$(verdict "$(awk -v k="$(get r_rsskb_1)" 'BEGIN { print (k < 16384) }')")" "$(get r_rss_1)"
	printf 'one-line scroll under 300 bytes: %s (%s bytes)\n' \
	    "$(verdict "$(awk -v b="$(get r_scrollb_1)" 'BEGIN { print (b < 300) }')")" "$(get r_scrollb_1)"
fi
s100=$(get r_startms_100)
if [ -n "$s100" ]; then
	printf '100x content under 1 s: %s (%s ms to the first screen)\n' \
	    "$(verdict "$(awk -v t="$s100" 'BEGIN { print (t < 1000) }')")" "$s100"
fi
if [ -n "$(get r_startms_10)" ] && [ -n "$startms" ]; then
	printf 'growth of start-up, 1x -> 10x%s: %s' \
	    "$([ -n "$s100" ] && echo ' -> 100x')" \
	    "$(awk -v a="$startms" -v b="$(get r_startms_10)" 'BEGIN { printf "x%.1f", b / a }')"
	[ -n "$s100" ] && awk -v a="$(get r_startms_10)" -v b="$s100" 'BEGIN { printf " -> x%.1f", b / a }'
	echo " (linear: x10 each)"
fi
exit 0
