# lib.sh — terminal scenarios: run the real hms in tmux and assert on what a
# person would see (capture-pane).  TAP output, like tests/cli/lib.sh.
#
#   . "$top_srcdir/tests/term/lib.sh"
#   term_start 80 24                   # hms with the bundled content
#   term_keys Down Enter               # tmux send-keys names
#   term_wait "医療機器"                # poll the pane until the text shows
#   term_ok "opened the project"       # ok if the last wait succeeded
#   term_resize 40 12
#   TERM_KEEP_PLACE=1                  # start where the last one quit
#   term_stop                          # q, and check the exit status
#
# Waits poll capture-pane every 50 ms up to $TERM_WAIT seconds: never a
# bare sleep.  $HMS_WRAPPER, when set, is a command with arguments that
# runs hms (build-aux/dev check runs the scenarios under valgrind).  The tmux server is private to the test (-L) and killed on
# exit.

. "$top_srcdir/tests/cli/lib.sh"

: "${TERM_WAIT:=10}"
# Each session gets a server of its own: a fresh server on a fresh
# socket never races with the shutdown of the previous one.
nsess=0
sock="hms-test-$$-0"
tmux_() { tmux -L "$sock" -f /dev/null "$@"; }
term_cleanup() {
	i=0
	while [ $i -le $nsess ]; do
		tmux -L "hms-test-$$-$i" kill-server 2>/dev/null
		i=$((i + 1))
	done
	rm -rf "$tmpdir"
}
trap term_cleanup EXIT

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

# term_start W H [ENV=VAL...] [-- HMS ARGS...]
term_start() {
	w=$1
	h=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	: >"$tmpdir/status"
	# hms starts where the last session quit (hms-files(5), place):
	# each scenario starts at the first screen unless it sets
	# TERM_KEEP_PLACE to test that.
	[ -n "${TERM_KEEP_PLACE:-}" ] || rm -f "$tmpdir/data/hms/place"
	tmux_ kill-server 2>/dev/null
	nsess=$((nsess + 1))
	sock="hms-test-$$-$nsess"
	# The exit status lands in a file; the pane stays for inspection.
	tmux_ new-session -d -x "$w" -y "$h" -s t \
		"env LC_ALL=C.UTF-8 TERM=screen-256color HOME=$tmpdir XDG_CONFIG_HOME=$tmpdir/config XDG_DATA_HOME=$tmpdir/data $envs ${HMS_WRAPPER:-} $HMS $*; echo \$? >$tmpdir/status; sleep 600"
	tmux_ set-option -t t status off >/dev/null 2>&1
	term_wait_any
}

term_keys() { tmux_ send-keys -t t "$@" 2>/dev/null; }
term_type() { tmux_ send-keys -t t -l "$1" 2>/dev/null; }
term_capture() { tmux_ capture-pane -p -t t 2>/dev/null; }
term_resize() { tmux_ resize-window -t t -x "$1" -y "$2" 2>/dev/null; }

# Wait until the pane shows something at all.
term_wait_any() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		if [ -n "$(term_capture 2>/dev/null | tr -d ' \n')" ]; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# term_wait TEXT: until the pane contains TEXT (fixed string).
term_wait() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		screen=$(term_capture)
		if printf '%s' "$screen" | grep -qF -- "$1"; then
			last_wait=0
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	last_wait=1
	return 1
}

# term_wait_gone TEXT: until the pane no longer contains TEXT.
term_wait_gone() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		screen=$(term_capture)
		if ! printf '%s' "$screen" | grep -qF -- "$1"; then
			last_wait=0
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	last_wait=1
	return 1
}

# term_settle: until hms has taken every key and resize sent and drawn
# the result: it sleeps waiting for input (state S in /proc) and the pane
# is the same on two captures in a row.  A condition, not a pause: a slow
# run (valgrind, a loaded machine) waits longer, a fast one not at all.
term_settle() {
	i=0
	prev=""
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		pid=$(term_pid)
		screen=$(term_capture)
		state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -c1)
		if [ "$state" = S ] && [ -n "$prev" ] && [ "$screen" = "$prev" ]; then
			last_wait=0
			return 0
		fi
		prev=$screen
		sleep 0.05
		i=$((i + 1))
	done
	last_wait=1
	return 1
}

# term_check TEXT NAME: wait for TEXT, report ok/not ok, show the pane.
term_check() {
	term_wait "$1"
	ok $last_wait "$2"
	[ $last_wait = 0 ] || diag "pane lacks: $1" "$(term_capture)"
}

term_check_gone() {
	term_wait_gone "$1"
	ok $last_wait "$2"
	[ $last_wait = 0 ] || diag "pane still has: $1" "$(term_capture)"
}

# The exit status of hms once it has ended (waits for it).
term_status() {
	i=0
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		if [ -s "$tmpdir/status" ]; then
			cat "$tmpdir/status"
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "running"
}

# The process id of hms in the pane.
term_pid() {
	pane=$(tmux_ display-message -p -t t '#{pane_pid}' 2>/dev/null)
	[ -n "$pane" ] && pgrep -P "$pane" 2>/dev/null | head -n 1
}

# The status line (the last but one row) of a pane h rows tall.
term_status_line() { term_capture | sed -n "$(($1 - 1))p"; }
# term_status_until H has|lacks TEXT: wait until the status line (of a
# pane H rows high) shows TEXT, or no longer shows it; sets last_wait.
term_status_until() {
	i=0
	last_wait=1
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		if term_status_line "$1" | grep -qF -- "$3"; then
			[ "$2" = has ] && { last_wait=0; return 0; }
		else
			[ "$2" = lacks ] && { last_wait=0; return 0; }
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# term_check_status H TEXT NAME: the status line shows TEXT.
term_check_status() {
	term_status_until "$1" has "$2"
	ok $last_wait "$3"
	[ $last_wait = 0 ] || diag "status line lacks: $2" "$(term_capture)"
}
# term_status_lacks H TEXT NAME: the status line does not show TEXT.
term_status_lacks() {
	term_status_until "$1" lacks "$2"
	ok $last_wait "$3"
	[ $last_wait = 0 ] || diag "status line has: $2" "$(term_capture)"
}
# hms has not exited (its exit status is not written yet).
term_running() {
	[ ! -s "$tmpdir/status" ]
}
