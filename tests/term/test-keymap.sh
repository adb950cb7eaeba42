#!/bin/sh
# test-keymap.sh — keymaps: presets, a user file with a bad line, the help
# screen generated from live bindings, and --check-keymap.
. "$top_srcdir/tests/term/lib.sh"

# --check-keymap: every problem as FILE:LINE, exit 2; a good file exits 0.
cat >"$tmpdir/bad.keys" <<'KEYS'
# a comment
bind global Q quit
bind global X frobnicate
bind reader C-nosuchkey down
bind sideways j down
bind reader g g top
bind reader g bottom
bind global
KEYS
run hms --check-keymap "$tmpdir/bad.keys"
check_rc 2 "--check-keymap on a bad file exits 2"
check_err_has "bad.keys:3: unknown action 'frobnicate'" "an unknown action is reported with its line"
check_err_has "bad.keys:4: unknown key 'C-nosuchkey'" "an unknown key is reported with its line"
check_err_has "bad.keys:5: unknown table 'sideways'" "an unknown table is reported with its line"
check_err_has "bad.keys:6: 'g g' in reader can never be typed" "a binding shadowed by a prefix is reported"
check_err_has "bad.keys:8: bind needs" "a short line is reported"
for f in default vi emacs; do
	run hms --check-keymap "$top_srcdir/keymaps/$f.keys"
	check_rc 0 "the shipped $f.keys checks clean"
done

# A user keymap with one bad line: the message names it, the rest works.
mkdir -p "$tmpdir/config/hms"
cat >"$tmpdir/config/hms/keys" <<'KEYS'
bind global Z view-glossary
bind global W no-such-action
bind list J down
KEYS
term_start 80 24
term_check "keys:2: unknown action 'no-such-action'" "the bad line of the user keymap is reported"
term_keys J
term_check ">  2 医療機器・ヘルスケア" "the user's J moves down"
term_keys Z
term_check "Glossary" "the user's Z opens the glossary"
term_keys q
term_status >/dev/null
rm -rf "$tmpdir/config/hms"

# The help screen follows the live bindings: with --keymap vi, C-f pages.
term_start 100 40 -- --keymap vi
term_keys ?
term_keys /
term_type "page-down"
term_keys Enter
term_check "C-f" "help under --keymap vi lists C-f for page-down"
term_keys q q
term_status >/dev/null
term_start 100 40
term_keys ?
term_keys /
term_type "page-down"
term_keys Enter
term_check "PageDown" "help under the default keymap lists PageDown"
term_check_gone "C-f" "help under the default keymap does not list C-f"
term_keys q q
term_status >/dev/null

# vi: "g g" goes to the top, Z Z quits.
term_start 80 24 -- --keymap vi
term_keys G
term_check ">  9 難病" "G goes to the bottom"
term_keys g g
term_check ">  1 医薬品" "g g goes to the top"
term_keys Z Z
st=$(term_status)
[ "$st" = 0 ]; ok $? "Z Z quits under --keymap vi"

done_testing
