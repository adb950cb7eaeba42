# lib.sh — TAP helpers for shell tests that drive the real hms binary.
#
#   . "$top_srcdir/tests/cli/lib.sh"
#   run hms show period:3          # sets $out, $err, $rc
#   check_rc 0 "show exits 0"
#   check_out_has "第３期" "show prints the title"
#
# $HMS is the binary under test (set by the harness), $top_srcdir the source
# tree.  Each test runs with LC_ALL=C.UTF-8 unless it says otherwise.
# $HMS_WRAPPER, when set, is a command (with arguments) that runs hms:
# valgrind, for instance.

: "${top_srcdir:=.}"
: "${top_builddir:=$top_srcdir}"
: "${HMS:=$top_builddir/hms}"
# Tests copy the content: never let an unset variable make that "/".
: "${HMS_CONTENT:=$top_srcdir/content}"
export HMS_CONTENT
tap_n=0
tap_fail=0
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/hms-test.XXXXXX")
trap 'rm -rf "$tmpdir"' EXIT


ok() {
	# ok COND-STATUS NAME
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_fail=$((tap_fail + 1))
	fi
}

# skip REASON: a TAP skip ("ok N # SKIP REASON"), never a pass.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

# run CMD ARGS...: run hms (CMD is literally "hms") capturing output.
run() {
	shift
	# shellcheck disable=SC2086
	${HMS_WRAPPER:-} "$HMS" "$@" >"$tmpdir/out" 2>"$tmpdir/err"
	rc=$?
	out=$(cat "$tmpdir/out")
	err=$(cat "$tmpdir/err")
}

check_rc() {
	if [ "$rc" = "$1" ]; then ok 0 "$2"; else ok 1 "$2"; diag "exit status $rc, want $1" "stderr: $err"; fi
}

check_out_has() {
	if printf '%s' "$out" | grep -qF -- "$1"; then ok 0 "$2"; else ok 1 "$2"; diag "stdout lacks: $1" "$(printf '%s' "$out" | head -n 20)"; fi
}

check_out_lacks() {
	if printf '%s' "$out" | grep -qF -- "$1"; then ok 1 "$2"; diag "stdout has: $1"; else ok 0 "$2"; fi
}

check_err_has() {
	if printf '%s' "$err" | grep -qF -- "$1"; then ok 0 "$2"; else ok 1 "$2"; diag "stderr lacks: $1" "stderr: $err"; fi
}

check_err_matches() {
	if printf '%s' "$err" | grep -qE -- "$1"; then ok 0 "$2"; else ok 1 "$2"; diag "stderr does not match: $1" "stderr: $err"; fi
}

# Print the plan (TAP allows it last) and exit with the right status.
done_testing() {
	echo "1..$tap_n"
	[ "$tap_fail" = 0 ]
}
