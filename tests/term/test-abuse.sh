#!/bin/sh
# test-abuse.sh — what terminals, hands and content throw at the interface:
# a storm of resizes, a 1x1 window, a 20,000-character paste into the
# search prompt, a key held down while searches run, SIGHUP in the middle
# of a search, and titles carrying C1 controls (CSI, OSC 52, a window
# title), bidi overrides.  hms must stay alive and responsive, lose no
# key, end with the right status, and never let content reach the
# terminal as anything but visible placeholders.
. "$top_srcdir/tests/term/lib.sh"

running() { [ ! -s "$tmpdir/status" ]; }
status_line() { term_capture | tail -n 2 | head -n 1; }
prompt_line() { term_capture | tail -n 1; }
now_ms() { date +%s%3N; }

# ---- 200 resizes in 2 seconds, with keys in between ----
# The first hundred go anywhere, 1x1 and single rows included; the
# second hundred stay usable (below 16x4 only q works, by design) and
# carry ten keys, none of which may be lost, though a key can reach hms
# before the signal of the resize that came before it.  The time to send
# them (diag) excludes nothing: the pause between the halves is short.
term_start 80 24
term_check "Period 3 (FY2025–2029)" "resize storm: started"
term_check " 1/23 " "resize storm: the first project is selected"
t0=$(now_ms)
# n, not i: the helpers of lib.sh count with i.
n=0
while [ $n -lt 200 ]; do
	if [ $n -lt 100 ]; then
		w=$((1 + (n * 37) % 220))
		h=$((1 + (n * 13) % 70))
	else
		w=$((16 + (n * 37) % 200))
		h=$((4 + (n * 13) % 66))
	fi
	term_resize $w $h
	# j (down): a plain key, not an escape sequence that a slow
	# process (valgrind) may see cut in two by the resize signals.
	[ $n -ge 100 ] && [ $((n % 10)) = 5 ] && term_keys j
	n=$((n + 1))
	if [ $n = 100 ]; then
		# tmux resizes the pane after the command returns: let the
		# tiny sizes end before the keys start, or a key could
		# rightly meet a 1x1 terminal.
		term_resize 80 24
		term_wait "?:help q:quit"
	fi
done
t1=$(now_ms)
diag "200 resizes sent in $((t1 - t0)) ms"
running; ok $? "resize storm: hms is alive after 200 resizes"
term_resize 80 24
# Every resize and key taken and drawn, however slow the run.
term_settle
term_check "?:help q:quit" "resize storm: back at 80x24 the status line is whole"
term_check " 11/23 " "resize storm: the ten keys sent during the storm all arrived"
term_check ">  3 再生・細胞医療" "resize storm: the list is redrawn, not garbage"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "resize storm: q quits with status 0"

# ---- a resize away and back while hms cannot answer ----
# Stopped, hms misses the first resize; the second brings the same size
# back, so ncurses sees no change.  Text written behind its back stands
# for what the pane's reflow left: after a resize hms paints everything.
# tmux reflows the pane some time after resize-window returns, and a
# reflow back to 80 columns rebuilds the screen as it was: text written
# before that would be wiped by tmux, not by hms, and the check could not
# fail.  So the text is written once the pane is back to what it showed.
term_start 80 24
term_check " 1/23 " "repaint: started"
term_settle
before=$(term_capture)
pid=$(term_pid)
tty=$(tmux_ display-message -p -t t '#{pane_tty}')
kill -STOP "$pid"
term_resize 40 12
term_resize 80 24
i=0
while [ "$(term_capture)" != "$before" ] && [ $i -lt $((TERM_WAIT * 20)) ]; do
	sleep 0.05
	i=$((i + 1))
done
printf '\0337\033[1;60HSTALE-GARBAGE\0338' >"$tty"
term_check "STALE-GARBAGE" "repaint: the stale text is on screen before hms runs again"
kill -CONT "$pid"
term_settle
term_check_gone "STALE-GARBAGE" "repaint: after a resize nothing stale is left on screen"
term_check "?:help q:quit" "repaint: the status line is whole"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "repaint: q quits with status 0"

# ---- 1x1: start there, type there, grow ----
term_start 1 1
term_settle
running; ok $? "1x1: hms starts in a 1x1 window"
term_keys Down / x y z Escape Enter Tab
term_type "医療"
running; ok $? "1x1: keys at 1x1 do not end it"
term_resize 2 1
term_resize 1 2
term_resize 80 24
term_check "?:help q:quit" "1x1: grown to 80x24 the status line is whole"
term_check ">  1 医薬品" "1x1: the list is intact (keys at 1x1 were ignored)"
term_resize 1 1
term_keys q
[ "$(term_status)" = 0 ]; ok $? "1x1: q quits with status 0 even at 1x1"

# ---- a 20,000-character paste into the search prompt ----
# Ten characters a chunk (Japanese, full-width, ASCII, spaces), the last
# ten a marker, 20,000 in all; no control character, as a paste of text.
awk 'BEGIN { for (i = 0; i < 1999; i++) printf "医療ＡＢ ab12 "; printf "ENDMARK789" }' \
    >"$tmpdir/paste"
n=$(LC_ALL=C.UTF-8 wc -m <"$tmpdir/paste" | tr -d ' ')
[ "$n" = 20000 ]; ok $? "paste: the paste is 20,000 characters (got $n)"
term_start 80 24
term_check "Period 3" "paste: started"
term_keys /
term_wait "Type to search."
tmux_ load-buffer -b paste "$tmpdir/paste"
t0=$(now_ms)
tmux_ paste-buffer -b paste -d -t t
term_check "ENDMARK789" "paste: the prompt shows the end of the paste, cursor at the end"
t1=$(now_ms)
diag "the paste was taken in $((t1 - t0)) ms"
term_check "No matches." "paste: the search ran on the whole text"
term_keys C-u
term_wait "Type to search."
term_type "FIH"
term_check "FIH" "paste: after C-u the prompt takes a new query"
term_check "試験" "paste: and finds hits for it"
term_keys Escape
term_wait_gone "Search all: FIH"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "paste: q quits with status 0"

# ---- a key held down (500 repeats) while searches run ----
term_start 80 24
term_check "Period 3" "held key: started"
term_keys /
term_type "の"
term_wait "hits"
term_wait " 1/"
before=$(status_line)
tmux_ send-keys -t t -N 500 a
tmux_ send-keys -t t -N 500 BSpace
term_type "X"
# Keys are taken in order: only if every a and every BSpace arrived does
# the prompt read /のX (a lost a leaves /のaX, a lost BSpace eats の).
term_check "Search all: のX" "held key: 500 a, 500 BSpace and X arrive in order, none lost"
term_keys BSpace
term_wait_gone "Search all: のX"
# The input, without the hit count the prompt shows at its right.
[ "$(prompt_line | sed 's/  .*$//; s/ *$//')" = "Search all: の" ]; ok $? "held key: the prompt is back to Search all: の"
[ "$(status_line)" = "$before" ]; ok $? "held key: the same hits as before the repeats"
[ "$(status_line)" = "$before" ] || diag "before: $before" "after:  $(status_line)"
tmux_ send-keys -t t -N 500 Down
running; ok $? "held key: alive"
term_keys Escape
term_wait_gone "Search all: の"
term_keys Enter
term_check "[reader]" "held key: Enter then opens the selected hit"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "held key: q quits with status 0"

# ---- bytes that are not UTF-8 from the terminal ----
# A Latin-1 terminal sends é as the single byte 0xe9; line noise sends
# anything.  Each bad byte is one U+FFFD; the keys after it still arrive,
# and hms does not take the error for a dropped connection.
term_start 80 24
term_check "Period 3" "bad bytes: started"
term_keys /
term_wait "Type to search."
tmux_ send-keys -t t -H e9
term_type "FIH"
term_check "Search all: �FIH" "bad bytes: Latin-1 é is U+FFFD and the keys after it arrive"
tmux_ send-keys -t t -H ff c0 af e3 81
term_type "x"
term_check "Search all: �FIH����x" "bad bytes: invalid, overlong and cut-short sequences"
running; ok $? "bad bytes: hms is still running"
term_keys C-u Escape
term_wait_gone "Search all: �FIH"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "bad bytes: q quits with status 0"

# ---- SIGHUP in the middle of a search ----
term_start 80 24
term_check "Period 3" "SIGHUP: started"
pid=$(term_pid)
term_keys /
term_wait "Type to search."
tmux_ load-buffer -b paste "$tmpdir/paste"
tmux_ paste-buffer -b paste -d -t t
tmux_ send-keys -t t -N 500 a
kill -HUP "$pid" 2>/dev/null
st=$(term_status)
[ "$st" = 129 ]; ok $? "SIGHUP: a search in progress ends with status 129 (got $st)"
term_check_gone "Type to search." "SIGHUP: the screen is restored (alternate screen left)"
kill -0 "$pid" 2>/dev/null
[ $? != 0 ]; ok $? "SIGHUP: the process is gone (no spinning on a dead terminal)"

# ---- content carrying C1 controls and bidi overrides ----
# XML 1.0 cannot carry ESC, but it can carry the C1 controls: U+009B is
# CSI and U+009D is OSC to terminals that honour 8-bit controls; OSC 52
# writes the clipboard, OSC 2 the window title.  And U+202E reverses
# what follows.  hms must show them all as placeholders.
mkdir -p "$tmpdir/esc"
cp "$top_srcdir/content/sources.xml" "$top_srcdir/content/hms.rng" "$tmpdir/esc/"
ln -s "$top_srcdir/content/sources" "$tmpdir/esc/sources"
cat >"$tmpdir/esc/terms.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<hms version="1">
  <term id="term:csi" src="overview3:87-89" kind="abbr">
    <title>CSI&#x9b;2J&#x9b;31mRED</title>
    <alias>FIH</alias>
    <body><p>clear &#x9b;2J then home &#x9b;H and beep &#x9b;5n</p></body>
  </term>
  <term id="term:osc" src="overview3:87-89" kind="abbr">
    <title>OSC&#x9d;52;c;cHduZWQ=&#x9c;CLIP</title>
    <alias>FIH</alias>
  </term>
  <term id="term:wtitle" src="overview3:87-89" kind="abbr">
    <title>WIN&#x9d;2;pwned&#x9c;TITLE</title>
    <alias>FIH</alias>
  </term>
  <term id="term:bidi" src="overview3:87-89" kind="abbr">
    <title>BIDI&#x202e;DESREVER&#x202c;END</title>
    <alias>FIH</alias>
  </term>
</hms>
EOF
term_start 160 30 -- --content "$tmpdir/esc"
# tmux takes OSC 52 from programs only with set-clipboard on: with it,
# a leaked sequence would create a paste buffer.
tmux_ set-option -g set-clipboard on
term_wait_any
title0=$(tmux_ display-message -p -t t '#{pane_title}')
bufs0=$(tmux_ list-buffers 2>/dev/null | wc -l)
term_keys y
term_check "CSI<U+009B>2J<U+009B>31mRED" "C1: CSI in a title is shown as <U+009B>"
term_check "OSC<U+009D>52;c;cHduZWQ=<U+009C>CLIP" "C1: an OSC 52 payload in a title is shown as text"
term_check "WIN<U+009D>2;pwned<U+009C>TITLE" "C1: an OSC 2 (window title) payload is shown as text"
term_check "BIDI<U+202E>DESREVER<U+202C>END" "bidi: the override is a placeholder, the text in order"
term_keys Down Enter
term_check "clear <U+009B>2J then home <U+009B>H and beep <U+009B>5n" \
    "C1: the body too, in the reader"
term_check "?:help q:quit" "C1: the status line is intact (no CSI 2J cleared it)"
bufs1=$(tmux_ list-buffers 2>/dev/null | wc -l)
[ "$bufs1" = "$bufs0" ]; ok $? "OSC 52: the clipboard (tmux buffers) did not change ($bufs0 -> $bufs1)"
title1=$(tmux_ display-message -p -t t '#{pane_title}')
[ "$title1" = "$title0" ]; ok $? "OSC 2: the window title did not change ('$title0' -> '$title1')"
# The checks above can fail: the same sequences, written raw by another
# program in the same tmux, do change the clipboard and the title.
tmux_ new-window -d -n ctl "printf '\\033]52;c;cHduZWQ=\\007\\033]2;pwned\\007'; sleep 600"
i=0
while [ $i -lt 100 ] && [ "$(tmux_ list-buffers 2>/dev/null | wc -l)" = "$bufs0" ]; do
	sleep 0.05
	i=$((i + 1))
done
[ "$(tmux_ list-buffers 2>/dev/null | wc -l)" != "$bufs0" ]; ok $? "control: a raw OSC 52 does create a tmux buffer"
[ "$(tmux_ display-message -p -t ctl '#{pane_title}')" = pwned ]; ok $? "control: a raw OSC 2 does set the title"
term_keys q
[ "$(term_status)" = 0 ]; ok $? "C1: q quits with status 0"

done_testing
