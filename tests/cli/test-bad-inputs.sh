#!/bin/sh
# test-bad-inputs.sh — the catalogue of bad inputs: one test per kind of
# bad content, keymap, bookmarks file, query, command line and
# environment, each asserting the exact message and the exit status
# (0 found, 1 nothing found, 2 usage or content error).  What only the
# interface shows is checked in tmux (skipped with a reason without it).
. "$top_srcdir/tests/cli/lib.sh"

# expect RC NAME ARGS...: hms ARGS exits RC and prints exactly $want on
# stderr (set $want first; empty means nothing at all).
expect() {
	want_rc=$1
	name=$2
	shift 2
	run hms "$@"
	if [ "$rc" = "$want_rc" ] && [ "$err" = "$want" ]; then
		ok 0 "$name"
	else
		ok 1 "$name"
		# Cut: a failing message may be the very one that is too long.
		diag "exit status $rc, want $want_rc" "stderr:" "$(printf '%s' "$err" | head -c 2000)" "want:" "$want"
	fi
}

# The two lines of every usage error.
usage() { printf "hms: %s\nTry 'hms --help' for more information." "$1"; }

# ---- the interface, in tmux ----
have_tmux=no
command -v tmux >/dev/null 2>&1 && have_tmux=yes
# A server per session: a fresh socket never races with the shutdown of
# the previous server.
nsess=0
tsock="hms-bad-$$-0"
tmx() { tmux -L "$tsock" -f /dev/null "$@"; }
tmx_cleanup() {
	i=0
	while [ $i -le $nsess ]; do
		tmux -L "hms-bad-$$-$i" kill-server 2>/dev/null
		i=$((i + 1))
	done
	rm -rf "$tmpdir"
}
trap tmx_cleanup EXIT
# tui ENV... -- ARGS...: start hms in an 80x24 tmux pane; ENV is what
# env(1) takes (-u NAME, NAME=VALUE), applied over the test's defaults.
tui() {
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	: >"$tmpdir/tui-status"
	tmx kill-server 2>/dev/null
	nsess=$((nsess + 1))
	tsock="hms-bad-$$-$nsess"
	tmx new-session -d -x 80 -y 24 -s b \
	    "env TERM=screen-256color LC_ALL=C.UTF-8 HOME=$tmpdir XDG_CONFIG_HOME=$tmpdir/config XDG_DATA_HOME=$tmpdir/data env $envs ${HMS_WRAPPER:-} $HMS $*; echo \$? >$tmpdir/tui-status; sleep 600"
}
# tui_wait TEXT: poll the pane until it shows TEXT (${TERM_WAIT:-10} s).
tui_wait() {
	i=0
	while [ $i -lt $((${TERM_WAIT:-10} * 20)) ]; do
		if tmx capture-pane -p -t b 2>/dev/null | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
tui_check() {
	tui_wait "$1"
	st=$?
	ok $st "$2"
	[ $st = 0 ] || diag "pane lacks: $1" "$(tmx capture-pane -p -t b 2>/dev/null)"
}
# tui_quit: q, then the exit status.
tui_quit() {
	tmx send-keys -t b q
	i=0
	while [ $i -lt $((${TERM_WAIT:-10} * 20)) ] && [ ! -s "$tmpdir/tui-status" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat "$tmpdir/tui-status"
}
skip_tui() { skip "tmux is not installed: $1"; }

# ==== content ====
# Every fixture under tests/fixtures/bad, with its exact diagnostics.
bad="$top_srcdir/tests/fixtures/bad"
fixture() {
	fname=$1
	shift
	want=$(printf '%s\n' "$@" | sed "s|^|$bad/$fname:|")
	want=$(printf '%s\nhms: %d problem(s) found' "$want" $#)
	checked="$checked $fname"
	expect 2 "content: $fname: exit 2 and exactly its problems" check "$bad/$fname"
}
checked=""
fixture billion-laughs.xml "3: entity declaration not allowed: content files may not define entities (they could expand without bound)"
fixture cycle-follows.xml "9: 'follows' links form a cycle: program:bad-cycle-a follows program:bad-cycle-b ($bad/cycle-follows.xml:5), program:bad-cycle-b follows program:bad-cycle-a ($bad/cycle-follows.xml:9)"
fixture cycle-part-of.xml "5: program:bad-self-part is part-of itself: a cycle"
fixture dangling-ref.xml "6: reference to unknown id 'measure:no-such-measure'"
fixture duplicate-id.xml "9: duplicate id 'term:bad-dup' (first defined at $bad/duplicate-id.xml:3)"
fixture empty.xml "1: empty file: expected an <hms> document"
fixture invalid-utf8.xml "4: invalid UTF-8 (byte 0xff at offset 136)"
fixture lineage-backward.xml "13: lineage runs backward in time: project:bad-old (period 1) comes from project:bad-new (period 2, $bad/lineage-backward.xml:15)"
fixture malformed.xml \
    "8: Opening and ending tag mismatch: title line 7 and term" \
    "9: Opening and ending tag mismatch: term line 6 and hms" \
    "10: Premature end of data in tag hms line 2"
fixture provenance-outside.xml "3: provenance roadmap:190-250 is outside sources/drug-discovery-roadmap.txt (lines 1-204)"
fixture schema-invalid.xml \
    "6: schema: Element kpi failed to validate attributes" \
    "6: schema: Expecting an element alias, got nothing"
fixture title-not-found.xml "3: term:bad-title: neither the title \"Institutional Review Board\" nor an alias occurs in its source lines"
fixture unknown-source.xml "3: provenance names unknown source 'nosuchsource'"
fixture xinclude.xml "6: XInclude not allowed: content files may not include other files"
fixture xxe.xml "3: external reference not allowed: the DOCTYPE names a file or URL (SYSTEM); content is never read from elsewhere"
missing=""
for f in "$bad"/*.xml; do
	case " $checked " in
	*" $(basename "$f") "*) ;;
	*) missing="$missing $(basename "$f")" ;;
	esac
done
[ -z "$missing" ]; ok $? "content: every fixture in tests/fixtures/bad has its expected message (missing:$missing)"

# Files that are not content at all.
truncate -s 33M "$tmpdir/huge.xml"
want="$tmpdir/huge.xml:1: file is 34603008 bytes, larger than the 32 MiB limit for a content file
hms: 1 problem(s) found"
expect 2 "content: a 33 MB file is refused before parsing" check "$tmpdir/huge.xml"
# A content set is bounded as a whole, not only file by file: with a
# limit of 1 MiB, the bundled 0.8 MB and a valid 0.4 MB file are too much.
cp -r "$HMS_CONTENT" "$tmpdir/limit"
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<hms version="1" order="99">\n<!-- '
	head -c 400000 /dev/zero | tr '\0' x
	printf ' -->\n</hms>\n'
} >"$tmpdir/limit/zz-pad.xml"
want="content OK"
run hms check "$tmpdir/limit"
check_rc 0 "content: the padded set checks under the default total limit"
want="$tmpdir/limit/zz-pad.xml:1: the content files together exceed the limit of 1 MiB for a content set (HMS_CONTENT_LIMIT=MiB raises it)
hms: 1 problem(s) found"
export HMS_CONTENT_LIMIT=1
expect 2 "content: the files of a set together are bounded (HMS_CONTENT_LIMIT=1)" check "$tmpdir/limit"
HMS_CONTENT_LIMIT=abc
want="HMS_CONTENT_LIMIT: must be a number of MiB from 1 to 1048576, not 'abc'
hms: 1 problem(s) found"
expect 2 "content: a bad HMS_CONTENT_LIMIT is an error, named" check "$HMS_CONTENT"
unset HMS_CONTENT_LIMIT
printf 'name,budget\nx,1\n' >"$tmpdir/data.csv"
want="$tmpdir/data.csv:1: Start tag expected, '<' not found
hms: 1 problem(s) found"
expect 2 "content: a file that is not XML" check "$tmpdir/data.csv"
printf '<hms version="2"/>\n' >"$tmpdir/v2.xml"
want="$tmpdir/v2.xml:1: schema: Element hms failed to validate attributes
hms: 1 problem(s) found"
expect 2 "content: a format version hms does not know" check "$tmpdir/v2.xml"
want="$tmpdir/none.xml: cannot read: No such file or directory
hms: 1 problem(s) found"
expect 2 "content: a file that does not exist" check "$tmpdir/none.xml"

# A content directory that is missing, empty, or holds a bad file: every
# command (the interface included) says so and exits 2.
want="/nonexistent/hms-content: cannot read: No such file or directory
hms: cannot load the content in /nonexistent/hms-content (run 'hms check' for every problem)"
expect 2 "content: --content DIR that does not exist" --content /nonexistent/hms-content list project
mkdir -p "$tmpdir/empty-dir"
want="$tmpdir/empty-dir: no content files (*.xml) in this directory
hms: cannot load the content in $tmpdir/empty-dir (run 'hms check' for every problem)"
expect 2 "content: --content DIR with no content files" --content "$tmpdir/empty-dir" search FIH
mkdir -p "$tmpdir/broken"
cp "$top_srcdir"/content/*.xml "$top_srcdir/content/hms.rng" "$tmpdir/broken/"
ln -s "$top_srcdir/content/sources" "$tmpdir/broken/sources"
cp "$bad/dangling-ref.xml" "$tmpdir/broken/zz-bad.xml"
want="$tmpdir/broken/zz-bad.xml:6: reference to unknown id 'measure:no-such-measure'
hms: cannot load the content in $tmpdir/broken (run 'hms check' for every problem)"
expect 2 "content: one bad file among good ones stops a command" --content "$tmpdir/broken" show period:3
expect 2 "content: and the interface, before it takes the screen" --content "$tmpdir/broken"

# ==== keymaps ====
cat >"$tmpdir/bad.keys" <<'EOF'
# a keymap with one good line and six bad ones
bind global q quit
bind nosuch x quit
bind global F13 quit
bind global x no-such-action
bind global "unterminated quit
EOF
printf 'bind global \377 quit\nbind global q quit\000 and more\n' >>"$tmpdir/bad.keys"
want="$tmpdir/bad.keys:3: unknown table 'nosuch' (one of: global, list, reader, table, roadmap, compare, source, help, prompt)
$tmpdir/bad.keys:4: unknown key 'F13'
$tmpdir/bad.keys:5: unknown action 'no-such-action' (hms --help lists the views; the help screen, every action)
$tmpdir/bad.keys:6: unterminated quote
$tmpdir/bad.keys:7: unknown key '�'
$tmpdir/bad.keys:8: a NUL byte in the line
hms: 6 problem(s) in $tmpdir/bad.keys"
expect 2 "keymap: --check-keymap reports each bad line as FILE:LINE" --check-keymap "$tmpdir/bad.keys"
# The same in Japanese: a keys file's problems are said in the language
# of the interface (they were English only).
run hms --lang ja --check-keymap "$tmpdir/bad.keys"
check_rc 2 "keymap: --lang ja --check-keymap exits 2"
check_err_has "$tmpdir/bad.keys:3: 不明な表 'nosuch'" "keymap: --lang ja: an unknown table is said in Japanese"
check_err_has "$tmpdir/bad.keys:4: 不明なキー 'F13'" "keymap: --lang ja: an unknown key is said in Japanese"
check_err_has "$tmpdir/bad.keys:6: 引用符が閉じていません" "keymap: --lang ja: an unterminated quote is said in Japanese"
want="$tmpdir/none.keys: cannot read: No such file or directory
hms: 1 problem(s) in $tmpdir/none.keys"
expect 2 "keymap: --check-keymap of a missing file" --check-keymap "$tmpdir/none.keys"
printf 'bind global g g top\nbind global g quit\n' >"$tmpdir/shadow.keys"
run hms --check-keymap "$tmpdir/shadow.keys"
check_rc 2 "keymap: a binding that can never fire exits 2"
check_err_has "$tmpdir/shadow.keys:1:" "keymap: and names the line of the shadowed binding"
printf 'bind global Q quit\n' >"$tmpdir/good.keys"
want=""
expect 0 "keymap: a good file checks clean" --check-keymap "$tmpdir/good.keys"
check_out_has "$tmpdir/good.keys: OK" "keymap: and says so on stdout"
# settings in the keys file: set NAME VALUE
cat >"$tmpdir/set.keys" <<'EOF'
set reading-width 80
set reading-width
set reading-width wide
set reading-width -3
set reading-width 10001
set reading-width 80 90
set line-width 80
set reading-width 0
EOF
want="$tmpdir/set.keys:2: set needs a name and a value (set reading-width 100)
$tmpdir/set.keys:3: bad value 'wide' for reading-width: a number of columns from 0 (no limit) to 10000
$tmpdir/set.keys:4: bad value '-3' for reading-width: a number of columns from 0 (no limit) to 10000
$tmpdir/set.keys:5: bad value '10001' for reading-width: a number of columns from 0 (no limit) to 10000
$tmpdir/set.keys:6: set needs a name and a value (set reading-width 100)
$tmpdir/set.keys:7: unknown setting 'line-width' (one of: reading-width)
hms: 6 problem(s) in $tmpdir/set.keys"
expect 2 "keymap: --check-keymap reports each bad set line as FILE:LINE" --check-keymap "$tmpdir/set.keys"
printf 'set reading-width 72\nset reading-width 0\n' >"$tmpdir/set-good.keys"
want=""
expect 0 "keymap: good set lines check clean" --check-keymap "$tmpdir/set-good.keys"
want="hms: --reading-width must be a number of columns from 0 (no limit) to 10000, not 'wide'
Try 'hms --help' for more information."
expect 2 "usage: --reading-width wants a number of columns" --reading-width wide
want="hms: --reading-width must be a number of columns from 0 (no limit) to 10000, not '-1'
Try 'hms --help' for more information."
expect 2 "usage: --reading-width is not negative" --reading-width=-1
if [ $have_tmux = yes ]; then
	tui -- --keymap "$tmpdir/bad.keys"
	tui_check "bad.keys:3: unknown table 'nosuch'" \
	    "keymap: --keymap FILE: the interface starts and shows the first problem"
	st=$(tui_quit)
	[ "$st" = 0 ]; ok $? "keymap: the good lines still apply: q quits with status 0 (got $st)"
	tui -- --keymap "$tmpdir/none.keys"
	tui_check "none.keys: cannot read: No such file or directory" \
	    "keymap: --keymap of a missing file: the interface says so, with the defaults"
	[ "$(tui_quit)" = 0 ]; ok $? "keymap: and q still quits"
	mkdir -p "$tmpdir/config/hms"
	cp "$tmpdir/bad.keys" "$tmpdir/config/hms/keys"
	tui --
	tui_check "config/hms/keys:3: unknown table 'nosuch'" \
	    "keymap: a bad user keymap (~/.config/hms/keys) is reported at start"
	[ "$(tui_quit)" = 0 ]; ok $? "keymap: and q still quits"
	rm -f "$tmpdir/config/hms/keys"
else
	skip_tui "keymap problems shown in the interface"
fi

# ==== the bookmarks file ====
have_store=yes
run hms bookmarks
case $err in
*"unknown command 'bookmarks'"*)
	have_store=no
	skip "bookmarks file: 'hms bookmarks' does not exist yet (the store has not landed)"
	;;
*)
	store="$tmpdir/data/hms"
	mkdir -p "$store"
	printf 'project:p3-devices 2025-11-22T10:00:00Z devices\n\001\002 binary junk\n' >"$store/bookmarks"
	XDG_DATA_HOME="$tmpdir/data"
	export XDG_DATA_HOME
	run hms bookmarks
	check_rc 0 "bookmarks: a damaged file: what could be read is listed (exit 0)"
	check_err_matches "^hms: bookmarks was damaged: moved aside as bookmarks\.corrupt-[0-9]{8}-[0-9]{6} \(line 2: not valid UTF-8 text\); 1 entries could be read and are kept \(in $store\)$" \
	    "bookmarks: a damaged file is moved aside and said, with why and what was kept"
	run hms bookmarks
	[ -z "$err" ]; ok $? "bookmarks: said once (then: '$err')"
	: >"$tmpdir/a-file"
	XDG_DATA_HOME="$tmpdir/a-file"
	run hms bookmarks --import "$store/bookmarks"
	unset XDG_DATA_HOME
	check_rc 2 "bookmarks: a data directory that cannot exist: import exits 2"
	check_err_has "read-only this session" "bookmarks: saying they are read-only"
	env -u HOME -u XDG_DATA_HOME "$HMS" bookmarks >"$tmpdir/out" 2>"$tmpdir/err"
	rc=$?
	[ $rc = 1 ] && [ "$(cat "$tmpdir/err")" = "hms: Bookmarks, notes and history are not saved this session: neither XDG_DATA_HOME nor HOME is set" ]
	ok $? "bookmarks: no HOME: nothing to list (exit $rc), and why"
	;;
esac

# ==== files hms reads and writes (issue 20) ====
# Every run here is bounded by timeout(1): a FIFO that hangs hms shows as
# exit 124 rather than as a test that never ends.  The bound only catches
# a hang (which lasts for ever), never a slow run: a first search under
# the sanitizers on a loaded machine takes well over ten seconds.
: "${HANG_WAIT:=300}"
tmo() { timeout "$HANG_WAIT" "$@"; }
saved_wrapper=${HMS_WRAPPER:-}
HMS_WRAPPER="timeout $HANG_WAIT $saved_wrapper"
cachedir="$tmpdir/xdg-cache"
XDG_CACHE_HOME="$cachedir" "$HMS" search FIH >/dev/null 2>&1
cached=$(cd "$cachedir/hms" 2>/dev/null && ls | grep -E '^(snap|index)-[0-9a-f]+$|^verified$' | sort | tr '\n' ' ')
[ "$(echo $cached | wc -w)" = 3 ]
ok $? "cache: a search leaves a snapshot, an index and the verified list ($cached)"

# A link planted at the temporary name of each cache file (the old
# NAME.tmp-PID): hms must not write through it.  exec keeps the shell's
# pid, so $$ is the pid hms would have used.
rm -f "$cachedir"/hms/*
printf 'precious\n' >"$tmpdir/victim"
# shellcheck disable=SC2016
XDG_CACHE_HOME="$cachedir" tmo sh -c 'for n in $3; do ln -s "$1" "$2/$n.tmp-$$"; done; exec "$4" search FIH' \
    sh "$tmpdir/victim" "$cachedir/hms" "$cached" "$HMS" >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ]; ok $? "cache: links planted at the temporary names: search still works (exit $rc)"
[ "$(cat "$tmpdir/victim")" = precious ]; ok $? "cache: and the links' target is untouched"
nreg=0
for n in $cached; do [ -f "$cachedir/hms/$n" ] && [ ! -L "$cachedir/hms/$n" ] && nreg=$((nreg + 1)); done
[ $nreg = 3 ]; ok $? "cache: the three files are written as regular files beside the links ($nreg)"
# A link at the cache file's own name is replaced, not written through.
for n in $cached; do rm -f "$cachedir/hms/$n"; ln -s "$tmpdir/victim" "$cachedir/hms/$n"; done
XDG_CACHE_HOME="$cachedir" tmo "$HMS" search FIH >/dev/null 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ "$(cat "$tmpdir/victim")" = precious ]
ok $? "cache: links at the cache files' names: exit $rc, their target untouched"
rm -f "$cachedir"/hms/*

# A FIFO (or a device) where hms expects a file: never a hang.
for n in $cached; do mkfifo "$cachedir/hms/$n"; done
XDG_CACHE_HOME="$cachedir" tmo "$HMS" search FIH >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ] && grep -q FIH "$tmpdir/out"
ok $? "cache: FIFOs in place of the cache files are ignored (exit $rc, $(head -c 200 "$tmpdir/err"))"
nreg=0
for n in $cached; do [ -f "$cachedir/hms/$n" ] && nreg=$((nreg + 1)); done
[ $nreg = 3 ]; ok $? "cache: and rebuilt as regular files ($nreg of 3)"
rm -f "$cachedir"/hms/*
mkfifo "$tmpdir/fifo.keys"
want="$tmpdir/fifo.keys: cannot read: not a regular file (a FIFO)
hms: 1 problem(s) in $tmpdir/fifo.keys"
expect 2 "keymap: --check-keymap of a FIFO: a message, not a hang" --check-keymap "$tmpdir/fifo.keys"
want="/dev/zero: cannot read: not a regular file (a character device)
hms: 1 problem(s) in /dev/zero"
expect 2 "keymap: --check-keymap /dev/zero: refused, not read forever" --check-keymap /dev/zero
want="$tmpdir: cannot read: not a regular file (a directory)
hms: 1 problem(s) in $tmpdir"
expect 2 "keymap: --check-keymap of a directory" --check-keymap "$tmpdir"
mkfifo "$tmpdir/fifo.xml"
want="$tmpdir/fifo.xml: cannot read: not a regular file (a FIFO)
hms: 1 problem(s) found"
expect 2 "content: a FIFO given as a content file" check "$tmpdir/fifo.xml"
mkdir -p "$tmpdir/fifo-rng"
cp "$top_srcdir"/content/*.xml "$tmpdir/fifo-rng/"
ln -s "$top_srcdir/content/sources" "$tmpdir/fifo-rng/sources"
mkfifo "$tmpdir/fifo-rng/hms.rng"
want="$tmpdir/fifo-rng/hms.rng: cannot read the schema: not a regular file (a FIFO)
hms: 1 problem(s) found"
expect 2 "content: a FIFO as the schema" check "$tmpdir/fifo-rng"
mkdir -p "$tmpdir/fifo-src/sources"
cp "$top_srcdir"/content/*.xml "$top_srcdir/content/hms.rng" "$tmpdir/fifo-src/"
cp "$top_srcdir"/content/sources/*.txt "$tmpdir/fifo-src/sources/"
rm "$tmpdir/fifo-src/sources/strategy1-status.txt"
mkfifo "$tmpdir/fifo-src/sources/strategy1-status.txt"
tmo "$HMS" check "$tmpdir/fifo-src" >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 2 ] && grep -qF "/sources/strategy1-status.txt): not a regular file (a FIFO)" "$tmpdir/err"
ok $? "content: a FIFO as a source text: its message, exit 2 (got $rc: $(head -n 1 "$tmpdir/err"))"
if [ $have_tmux = yes ]; then
	mkdir -p "$tmpdir/config/hms"
	mkfifo "$tmpdir/config/hms/keys"
	# Not under timeout(1): it would put hms in a background process
	# group, away from the pane's terminal.
	HMS_WRAPPER=$saved_wrapper
	tui --
	HMS_WRAPPER="timeout $HANG_WAIT $saved_wrapper"
	tui_check "config/hms/keys: cannot read: not a regular file (a FIFO)" \
	    "keymap: a FIFO as ~/.config/hms/keys: the interface starts and says so"
	[ "$(tui_quit)" = 0 ]; ok $? "keymap: and q quits"
	rm -f "$tmpdir/config/hms/keys"
else
	skip_tui "a FIFO as the user's keymap"
fi

# Endless or huge inputs: bounded, and messages quote only an excerpt.
truncate -s 2M "$tmpdir/huge.keys"
want="$tmpdir/huge.keys: cannot read: file is 2097152 bytes, larger than the 1 MiB limit
hms: 1 problem(s) in $tmpdir/huge.keys"
expect 2 "keymap: a 2 MiB keymap is refused unread" --check-keymap "$tmpdir/huge.keys"
{ printf 'bind global '; head -c 1048000 /dev/zero | tr '\0' x; printf ' quit\n'; } >"$tmpdir/token.keys"
want="$tmpdir/token.keys:1: unknown key 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'
hms: 1 problem(s) in $tmpdir/token.keys"
expect 2 "keymap: a 1 MB token is quoted as a short excerpt" --check-keymap "$tmpdir/token.keys"
mkdir -p "$tmpdir/big-store"
truncate -s 17M "$tmpdir/big-store/bookmarks.in"
want="hms: cannot read $tmpdir/big-store/bookmarks.in: file is 17825792 bytes, larger than the 16 MiB limit"
XDG_DATA_HOME="$tmpdir/big-store/data"
export XDG_DATA_HOME
expect 2 "bookmarks: importing a 17 MiB file is refused unread" bookmarks --import "$tmpdir/big-store/bookmarks.in"
mkfifo "$tmpdir/big-store/fifo.in"
want="hms: cannot read $tmpdir/big-store/fifo.in: not a regular file (a FIFO)"
expect 2 "bookmarks: importing from a FIFO: a message, not a hang" bookmarks --import "$tmpdir/big-store/fifo.in"
mkdir -p "$XDG_DATA_HOME/hms"
mkfifo "$XDG_DATA_HOME/hms/notes"
run hms notes
check_rc 1 "notes: a FIFO as the notes file: not a hang"
check_err_matches "^hms: notes was damaged: moved aside as notes\.corrupt-[0-9]{8}-[0-9]{6} \(not a regular file\); 0 entries could be read and are kept \(in $XDG_DATA_HOME/hms\)\$" \
    "notes: and said, with what it is"
unset XDG_DATA_HOME
HMS_WRAPPER=$saved_wrapper

# ==== queries ====
want="hms: bad regular expression at offset 16 (character 6): missing closing parenthesis"
expect 2 "query: an unbalanced regex: PCRE2's message and the offset" --regex search "ヘルス(ケア"
want="hms: bad regular expression at offset 3 (character 3): range out of order in character class"
expect 2 "query: a reversed range in a regex" --regex search "[z-a]"
# An empty query finds nothing, as tests/cli/test-search.sh pins.
want=""
expect 1 "query: an empty query finds nothing, silently" search ""
expect 1 "query: only spaces, ASCII and ideographic" search "  　 "
want=$(usage "the QUERY of search is not valid UTF-8 (is the terminal set to UTF-8?)")
expect 2 "query: bytes that are not UTF-8 (a Latin-1 terminal)" search "$(printf 'caf\351')"
want=$(usage "search needs one QUERY (quote a query of several words)")
expect 2 "query: several words unquoted" search 医薬品 FIH
expect 2 "query: no query at all" search
want=""
expect 1 "query: a good query that finds nothing exits 1, silently" search "ｘｙｚｚｙ-nothing-matches"
expect 0 "query: a catastrophic-backtracking regex ends within its budget" --regex search "(a+)+\$"

# ==== the command line ====
want=$(usage "unrecognized option '--frobnicate'")
expect 2 "command line: an unknown option" --frobnicate
want=$(usage "option '--width' requires an argument")
expect 2 "command line: an option without its argument" --width
want=$(usage "unknown command 'frobnicate'")
expect 2 "command line: an unknown command" frobnicate
for w in abc -1 99999 12x ""; do
	want=$(usage "bad width '$w'")
	expect 2 "command line: --width '$w'" --width "$w" show period:3
done
for p in 0 4 x 1.5; do
	want=$(usage "period must be 1, 2 or 3, not '$p'")
	expect 2 "command line: --period $p" --period "$p" search FIH
done
for a in 0 3 wide; do
	want=$(usage "--ambiwidth must be 1, 2 or auto, not '$a'")
	expect 2 "command line: --ambiwidth $a" --ambiwidth "$a" search FIH
done
for f in xml TSV CSV; do
	want=$(usage "unknown format '$f' (text, tsv, json or csv)")
	expect 2 "command line: --format $f" --format "$f" search FIH
done
want=$(usage "--format csv works with search, list, funds and budget, not show")
expect 2 "command line: --format csv where there is no table" --format csv show period:3
for b in nothing ""; do
	want=$(usage "--by must be project, ministry or program, not '$b'")
	expect 2 "command line: --by '$b'" --by "$b" budget
done
for y in 25 x 2025x; do
	want=$(usage "--fy must be a fiscal year such as 2025, not '$y'")
	expect 2 "command line: --fy $y" --fy "$y" budget
done
want=$(usage "unknown type 'nosuch'")
expect 2 "command line: --type nosuch" --type nosuch search FIH
want=$(usage "--lang must be 'ja' or 'en', not 'fr'")
expect 2 "command line: --lang fr" --lang fr search FIH
for d in 2025-13-01 2025-02-29 2025-1-1 tomorrow; do
	want=$(usage "--today must be a date YYYY-MM-DD, not '$d'")
	expect 2 "command line: --today $d" --today "$d" show period:3
done
want=$(usage "show needs one argument")
expect 2 "command line: show without an id" show
want=$(usage "list needs one argument")
expect 2 "command line: list without a type" list
want="hms: no entity with id 'no:such-id'"
expect 1 "command line: show of an unknown id exits 1, and says so" show no:such-id

# ==== the environment ====
# LANG=C (SSH did not forward the locale): the commands still print
# Japanese, as UTF-8, and say nothing.
for e in "LANG=C" "LC_ALL=C" "LC_ALL=POSIX" "LANG=xx_YY.UTF-8"; do
	LC_ALL= LANG= env -u LC_ALL -u LANG "$e" "$HMS" show period:3 >"$tmpdir/out" 2>"$tmpdir/err"
	rc=$?
	[ $rc = 0 ] && grep -q "第３期 健康・医療戦略" "$tmpdir/out" && [ ! -s "$tmpdir/err" ]
	ok $? "environment: $e: show works, Japanese intact, nothing on stderr (exit $rc)"
done
# Without cursor control (TERM dumb or unset, no terminal on standard
# input or output) hms reads commands line by line (plain mode,
# tests/cli/test-plain.sh): end of input ends it, status 0, nothing said.
TERM=dumb "$HMS" </dev/null >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ] && [ ! -s "$tmpdir/out" ]
ok $? "environment: TERM=dumb: plain mode, empty input ends it, exit 0 (got $rc: $(cat "$tmpdir/err"))"
env -u TERM "$HMS" </dev/null >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ]
ok $? "environment: TERM unset: plain mode, exit 0 (got $rc)"
TERM=xterm "$HMS" </dev/null >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ]
ok $? "environment: no terminal (a pipe): plain mode, exit 0 (got $rc)"
TERM=no-such-terminal-xyz script -qec "$HMS" /dev/null </dev/null >"$tmpdir/out" 2>&1
tr -d '\r' <"$tmpdir/out" | grep -qxF "hms: terminal type 'no-such-terminal-xyz' is unknown here (install Debian's ncurses-term, or set TERM=xterm-256color); the commands work without it (hms --help)"
ok $? "environment: an unknown TERM: the exact message"
# No HOME (a service account, a cron job): everything works.
env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME "$HMS" search FIH >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ]; ok $? "environment: no HOME: search works, nothing on stderr (exit $rc)"
# XDG directories that cannot be written (or even exist: under a file,
# which stops root too).
XDG_CONFIG_HOME=/dev/null/config XDG_DATA_HOME=/dev/null/data "$HMS" search FIH >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmpdir/err" ]; ok $? "environment: unusable XDG dirs: search works, nothing on stderr (exit $rc)"
if [ $have_tmux = yes ]; then
	tui -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME --
	tui_check "?:help q:quit" "environment: no HOME: the interface starts"
	if [ $have_store = yes ]; then
		tui_check "Bookmarks, notes and history are not saved this session: neither XDG_DATA_HOME" \
		    "environment: no HOME: the interface says bookmarks are not saved"
		tui_check "nor HOME is set" \
		    "environment: no HOME: and says why, whole (a long message wraps)"
	fi
	[ "$(tui_quit)" = 0 ]; ok $? "environment: no HOME: q quits with status 0"
	tui XDG_CONFIG_HOME=/dev/null/config XDG_DATA_HOME=/dev/null/data --
	tui_check "?:help q:quit" "environment: unusable XDG dirs: the interface starts"
	if "$HMS" bookmarks >/dev/null 2>&1 || [ $? = 1 ]; then
		tui_check "read-only" "environment: unusable XDG dirs: bookmarks are said to be read-only"
	fi
	[ "$(tui_quit)" = 0 ]; ok $? "environment: unusable XDG dirs: q quits with status 0"
	tui -u LC_ALL LANG=C --
	tui_check "LANG is not UTF-8: using C.UTF-8 to show Japanese." "environment: LANG=C: the interface says it switched to C.UTF-8"
	tui_check "医薬品" "environment: LANG=C: and draws Japanese"
	[ "$(tui_quit)" = 0 ]; ok $? "environment: LANG=C: q quits with status 0"
else
	skip_tui "the interface without HOME, with unusable XDG dirs, under LANG=C"
fi

done_testing
