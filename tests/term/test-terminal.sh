#!/bin/sh
# test-terminal.sh — terminal discipline: resizes to any size, signals from
# a dropped SSH session, LANG=C, TERM=dumb (plain mode).
. "$top_srcdir/tests/term/lib.sh"

alive() { [ "$(term_status)" = running ] 2>/dev/null || [ ! -s "$tmpdir/status" ]; }

# Resize to any size and back, the process alive and the screen right.
term_start 80 24
term_check "Period 3 (FY2025–2029)" "starts at 80x24"
term_keys Down
term_check ">  2 医療機器・ヘルスケア" "second project selected"
term_resize 20 6
term_check "医療機器" "at 20x6 the selection is still shown"
[ ! -s "$tmpdir/status" ]; ok $? "alive after 20x6"
term_resize 200 60
term_check "Medical devices and healthcare" "at 200x60 list and reader side by side"
[ ! -s "$tmpdir/status" ]; ok $? "alive after 200x60"
term_resize 1 1
term_settle
[ ! -s "$tmpdir/status" ]; ok $? "alive after 1x1"
term_resize 10 3
term_check "Terminal" "below the minimum: a 'too small' notice"
term_resize 80 24
term_check ">  2 医療機器・ヘルスケア" "back at 80x24 the same selection"
term_check "?:help q:quit" "back at 80x24 the status line is whole"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "q quits after the resizes"

# A dropped SSH connection (SIGHUP) and SIGTERM end it, status reported.
for sig in HUP TERM INT; do
	term_start 80 24
	term_check "Period 3" "started for SIG$sig"
	pid=$(term_pid)
	kill -$sig "$pid" 2>/dev/null
	st=$(term_status)
	case $sig in HUP) want=129 ;; TERM) want=143 ;; INT) want=130 ;; esac
	[ "$st" = "$want" ]; ok $? "SIG$sig ends hms with status $want (got $st)"
	# The shell's echo of the status is the only thing printed after.
	term_check_gone "Period 3" "after SIG$sig the screen is restored (alternate screen left)"
done

# --ambiwidth auto asks the terminal before the screen starts; tmux draws
# ① in one cell, and the reply never shows on the screen.
term_start 80 24 -- --ambiwidth auto
term_check "Period 3 (FY2025–2029)" "--ambiwidth auto: the screen starts"
term_check_gone "[6n" "--ambiwidth auto: no trace of the query on screen"
if term_capture | grep -q '^\^\[\|R$'; then ok 1 "--ambiwidth auto: no reply on screen"; else ok 0 "--ambiwidth auto: no reply on screen"; fi
term_keys q
term_status >/dev/null

# LANG=C (SSH did not forward the locale): Japanese still shows.
term_start 80 24 LC_ALL= LANG=C
term_check "医薬品" "LANG=C: Japanese is drawn"
term_check "C.UTF-8" "LANG=C: hms says it switched to C.UTF-8"
term_keys q
term_status >/dev/null

# TERM=dumb (an Emacs shell buffer, a screen reader's console): plain
# mode, commands read line by line and pages printed as text, status 0.
printf 'open term:fih\nfrobnicate\nquit\n' | TERM=dumb "$HMS" >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ "$rc" = 0 ]; ok $? "TERM=dumb: plain mode exits 0 at quit (got $rc)"
grep -q "Term  term:fih" "$tmpdir/out"; ok $? "TERM=dumb: open prints the page as text"
grep -q "frobnicate" "$tmpdir/err"; ok $? "TERM=dumb: a bad command gets a message and the session goes on"
if grep -q "$(printf '\033')" "$tmpdir/out"; then ok 1 "TERM=dumb: no escape sequence"; else ok 0 "TERM=dumb: no escape sequence"; fi
# On a real terminal (script gives hms one) TERM=dumb is plain mode too,
# with a greeting and a prompt.
printf 'open term:fih\nquit\n' | TERM=dumb script -qec "$HMS" /dev/null >"$tmpdir/out" 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q "^hms> Term  term:fih" "$tmpdir/out"
ok $? "TERM=dumb on a terminal: prompt, then the page (exit $rc)"
grep -q "plain mode: type help" "$tmpdir/out"; ok $? "TERM=dumb on a terminal: a greeting says how"
TERM=no-such-terminal-xyz script -qec "$HMS" /dev/null >"$tmpdir/out" 2>&1
grep -q "unknown here" "$tmpdir/out"; ok $? "an unknown TERM gets a clear message"

done_testing
