#!/bin/sh
# test-habits.sh — the interface behaves as less, info and vim users
# expect (issue 16): each defect of the issue as a scenario a person
# could replay with the same keys.
. "$top_srcdir/tests/term/lib.sh"

# The status line (the last but one row) of a pane h rows tall.
term_status_line() { term_capture | sed -n "$(($1 - 1))p"; }
# term_check_status H TEXT NAME: the status line shows TEXT.
term_check_status() {
	i=0
	last_wait=1
	while [ $i -lt $((TERM_WAIT * 20)) ]; do
		if term_status_line "$1" | grep -qF -- "$2"; then
			last_wait=0
			break
		fi
		sleep 0.05
		i=$((i + 1))
	done
	ok $last_wait "$3"
	[ $last_wait = 0 ] || diag "status line lacks: $2" "$(term_capture)"
}
# hms has not exited (its exit status is not written yet).
term_running() {
	[ ! -s "$tmpdir/status" ]
}

# ---- 2. q and Escape close help and the source view; :q quits ----
term_start 80 24
term_check "Period 3 (FY2025–2029): 8" "starts on the projects"
term_keys Down
term_check ">  2 医療機器・ヘルスケア" "the second project is selected"
term_keys ?
term_check "Keys of the" "? opens help"
term_keys q
term_check_gone "Keys of the" "q closes help"
term_check ">  2 医療機器・ヘルスケア" "q in help returns to the same row"
term_running; ok $? "q in help does not quit hms"
term_keys F1
term_check "Keys of the" "F1 opens help"
term_keys Escape
term_check_gone "Keys of the" "Escape closes help"
term_check_status 24 "Projects" "the status line names the projects again"
term_keys Enter
term_check "[reader]" "Enter opens the project"
term_keys v
term_check "overview3:" "v opens the source"
term_check_status 24 "Source" "the status line names the source view"
term_keys q
term_check_status 24 "[reader]" "q in the source view returns to the reader"
term_check "Medical devices and healthcare" "the reader shows the project again"
term_keys v
term_check_status 24 "Source" "v opens the source again"
term_keys Escape
term_check "Medical devices and healthcare" "Escape closes the source view"
term_running; ok $? "hms still runs"
# :q quits from anywhere, even from help (not the title with a q).
term_keys ?
term_check "Keys of the" "help again"
term_keys :
term_type "q"
term_keys Enter
status=$(term_status)
[ "$status" = 0 ]; ok $? ":q quits from help with status 0 (got $status)"

# q at the top level still quits, in every preset.
for km in default vi emacs; do
	term_start 80 24 -- --keymap $km
	term_check "Period 3 (FY2025–2029): 8" "--keymap $km starts"
	term_keys ?
	term_check "Keys of the" "--keymap $km: ? opens help"
	term_keys q
	term_check_gone "Keys of the" "--keymap $km: q closes help"
	term_check "Period 3 (FY2025–2029): 8" "--keymap $km: back on the projects"
	term_running; ok $? "--keymap $km: q in help does not quit"
	term_keys q
	status=$(term_status)
	[ "$status" = 0 ]; ok $? "--keymap $km: q in the projects quits (got $status)"
done

done_testing
