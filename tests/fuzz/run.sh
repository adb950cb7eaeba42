#!/bin/sh
# run.sh — build the libFuzzer harnesses with clang and run each for a
# while (make fuzz FUZZ_SECONDS=N; build-aux/dev check runs it for 60 s).
#
#   tests/fuzz/run.sh                 every harness, $FUZZ_SECONDS each (60)
#   FUZZ_TARGETS="text keymap" tests/fuzz/run.sh
#   FUZZ_RUNS=fixed tests/fuzz/run.sh  a fixed count of inputs, seed 1
#
# Two modes.  Exploring (the default, make fuzz): each harness runs for
# a time with a random seed and keeps what it learns, so every run may
# find something new, and a run on a busy machine tries fewer inputs.
# Fixed (FUZZ_RUNS=fixed, or a number; make fuzz-fixed, build-aux/dev
# check): each harness runs a fixed count of inputs from seed 1 and an
# empty work corpus, the seeds given as a list in name order, and
# address randomisation off (setarch -R), so it tries the same inputs in
# the same order on any machine under any load, and passes or fails the
# same way (checked: two runs of fuzz-text end with the same coverage
# and corpus; fuzz-store and fuzz-content read the clock and name
# temporary directories, and two of their runs can differ by a few
# coverage points).  A
# failure found exploring becomes a regression (tests/fuzz/regressions)
# that every run replays; it never makes the fixed run flaky.
#
# The library sources are compiled here, apart from the normal (gcc)
# build, with -fsanitize=fuzzer-no-link,address,undefined, into
# $FUZZ_WORKDIR (default: $top_builddir/_fuzz).  Each harness starts from
# the committed seeds (tests/fuzz/corpus/NAME) and regressions
# (tests/fuzz/regressions/NAME); what it learns stays in the work dir, so
# the committed corpus only grows by hand.
#
# Exit status: 0 clean, 1 a harness found a crash, a leak, a broken
# invariant or a timeout (the input is named, with how to keep it as a
# regression), 77 clang or its fuzzer runtime is missing (skipped).
set -u

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${FUZZ_SECONDS:=60}"
: "${FUZZ_TIMEOUT:=20}"
: "${FUZZ_TARGETS:=content keymap search store text}"
: "${FUZZ_WORKDIR:=$top_builddir/_fuzz}"
: "${FUZZ_RUNS:=}"
: "${FUZZ_SEED:=1}"
: "${CLANG:=clang}"
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

say() { printf '== fuzz: %s\n' "$*"; }

if ! command -v "$CLANG" >/dev/null 2>&1; then
	say "SKIP: $CLANG is not installed (Debian: apt-get install clang libclang-rt-14-dev)"
	exit 77
fi
work=$FUZZ_WORKDIR
mkdir -p "$work/obj" || exit 1
# libFuzzer's runtime comes in a package of its own on Debian.
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$work/probe.c"
if ! "$CLANG" -fsanitize=fuzzer,address,undefined "$work/probe.c" \
    -o "$work/probe" >"$work/probe.log" 2>&1; then
	say "SKIP: $CLANG cannot link libFuzzer (Debian: apt-get install libclang-rt-14-dev)"
	sed 's/^/   /' "$work/probe.log" | head -n 5
	exit 77
fi
for f in config.h src/keymap-presets.h; do
	if [ ! -f "$top_builddir/$f" ]; then
		say "$top_builddir/$f is missing: configure and make first"
		exit 1
	fi
done

if [ -z "${FUZZ_CFLAGS+x}" ]; then
	FUZZ_CFLAGS=$(pkg-config --cflags ncursesw libxml-2.0 icu-uc icu-i18n libpcre2-8)
fi
if [ -z "${FUZZ_LIBS+x}" ]; then
	FUZZ_LIBS=$(pkg-config --libs ncursesw libxml-2.0 icu-uc icu-i18n libpcre2-8)
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cflags="-g -O1 $san -DHMS_SRCDIR=\"$top_srcdir\" -DHMS_BUILDDIR=\"$top_builddir\"
	-DHMS_PKGDATADIR=\"/nonexistent\" -DHMS_LOCALEDIR=\"/nonexistent\"
	-I$top_builddir -I$top_srcdir/src -I$top_builddir/src $FUZZ_CFLAGS"

# The library: every source but main.c, rebuilt when it or any header
# is newer than its object.
newest_h=$(ls -t "$top_srcdir"/src/*.h "$top_builddir/config.h" \
    "$top_builddir/src/keymap-presets.h" | head -n 1)
: >"$work/objs"
: >"$work/todo"
for c in "$top_srcdir"/src/*.c; do
	base=$(basename "$c" .c)
	[ "$base" = main ] && continue
	o="$work/obj/$base.o"
	echo "$o" >>"$work/objs"
	if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
		echo "$c" >>"$work/todo"
	fi
done
if [ -s "$work/todo" ]; then
	say "compiling $(wc -l <"$work/todo") library sources with $CLANG"
	export CLANG cflags work
	# shellcheck disable=SC2016
	if ! xargs -P "$jobs" -n 1 sh -c '
		# shellcheck disable=SC2086
		exec $CLANG $cflags -fsanitize=fuzzer-no-link -c "$1" \
		    -o "$work/obj/$(basename "$1" .c).o"' sh \
	    <"$work/todo" 2>"$work/compile.log"; then
		cat "$work/compile.log"
		say "compiling the library failed"
		exit 1
	fi
fi

# The fixed counts: about 30-60 s each on one idle CPU, under ASan.
fixed_runs() {
	case $1 in
	content) echo 3000 ;;
	keymap) echo 40000 ;;
	search) echo 80000 ;;
	store) echo 25000 ;;
	*) echo 60000 ;;
	esac
}

status=0
summary=""
for name in $FUZZ_TARGETS; do
	bin="$work/fuzz-$name"
	say "building fuzz-$name"
	# shellcheck disable=SC2086
	if ! "$CLANG" $cflags -fsanitize=fuzzer "$here/fuzz-$name.c" \
	    $(cat "$work/objs") $FUZZ_LIBS -lm -o "$bin" 2>"$work/link-$name.log"; then
		cat "$work/link-$name.log"
		say "building fuzz-$name failed"
		status=1
		continue
	fi
	if [ -n "$FUZZ_RUNS" ]; then
		runs=$FUZZ_RUNS
		[ "$runs" = fixed ] && runs=$(fixed_runs "$name")
		corpus="$work/corpus-fixed/$name"
		rm -rf "$corpus"
		# The seeds as a list in name order, not as directories: a
		# directory is read in the order the file system lists it,
		# which differs between two checkouts.
		find "$top_srcdir/tests/fuzz/corpus/$name" \
		    "$top_srcdir/tests/fuzz/regressions/$name" -type f \
		    2>/dev/null | LC_ALL=C sort | tr '\n' ',' >"$work/seeds-$name"
		limit="-runs=$runs -seed=$FUZZ_SEED -reload=0 -seed_inputs=@$work/seeds-$name"
		what="$runs inputs from seed $FUZZ_SEED"
	else
		corpus="$work/corpus/$name"
		limit="-max_total_time=$FUZZ_SECONDS"
		what="$FUZZ_SECONDS s"
	fi
	mkdir -p "$corpus" "$work/crashes/$name"
	rm -f "$work/crashes/$name"/*
	dict=
	[ -f "$here/dict/$name.dict" ] && dict="-dict=$here/dict/$name.dict"
	seeds="$top_srcdir/tests/fuzz/corpus/$name"
	regs=
	[ -d "$top_srcdir/tests/fuzz/regressions/$name" ] &&
		regs="$top_srcdir/tests/fuzz/regressions/$name"
	dirs="$seeds $regs"
	norand=
	if [ -n "$FUZZ_RUNS" ]; then
		dirs=
		# Without address randomisation: the comparisons libFuzzer
		# learns from include addresses, which would steer the
		# mutations differently on every run.
		setarch "$(uname -m)" -R true 2>/dev/null &&
			norand="setarch $(uname -m) -R"
	fi
	say "running fuzz-$name: $what"
	# shellcheck disable=SC2086
	ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:${ASAN_OPTIONS:-}" \
	UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}" \
	$norand "$bin" $limit -timeout="$FUZZ_TIMEOUT" \
	    -rss_limit_mb=2048 -max_len=65536 -error_exitcode=1 -print_final_stats=1 \
	    -artifact_prefix="$work/crashes/$name/" $dict \
	    "$corpus" $dirs >"$work/$name.log" 2>&1
	rc=$?
	executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log" | tail -n 1)
	ninputs=$(find "$corpus" -type f | wc -l)
	if [ $rc = 0 ]; then
		result=clean
	else
		result="FAILED (exit $rc)"
		status=1
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant broken|.*runtime error)' \
		    "$work/$name.log" | head -n 10 | sed 's/^/   /'
		for a in "$work/crashes/$name"/*; do
			[ -f "$a" ] || continue
			say "fuzz-$name: input that fails: $a"
			say "  replay it:  $top_builddir/tests/fuzz/replay-$name $a"
			say "  keep it:    cp $a $top_srcdir/tests/fuzz/regressions/$name/NAME (then fix the bug)"
		done
		say "fuzz-$name: whole log in $work/$name.log"
	fi
	summary="$summary$(printf '%-8s %10s runs %6s inputs  %s' "$name" \
	    "${executed:-?}" "$ninputs" "$result")
"
done
say "summary"
printf '%s' "$summary"
exit $status
