#!/bin/sh
# check-layers.sh — the shape of the code, held by make check: read the
# #include graph of src/ and fail on an include that goes up a layer or on
# a circle of includes, except the known ones listed below (each one a
# debt with the issue that pays it).  The layers are described in
# doc/hacking.md.  TAP output.
: "${top_srcdir:=.}"
src="$top_srcdir/src"

# module:layer.  Lower layers never include higher ones.  The views
# (view.c, view-*.c) are one module, "view", but for the three widgets
# they are made of (reader, list, table), a layer below them.
layers="
config:0 util:0 arena:0 i18n:0 options:0
text:1 key:1 action:1
content:2
content-snap:3 store:3 keymap:3 keymap-presets:3 output:3 surface:3
content-load:4 search:4 figures:4 compare:4 table:4 term-probe:4
chart:5 funds:5 table-content:5 layout:5
term:6 prompt:6
ui:7 plain:7
view-reader:8 view-list:8 view-table:8
view:9
app:10
cli:11 cli-store:11
main:12
"
# Known circles, to be removed (FROM TO, both directions listed once).
# None are left; a new one must be listed here with the issue that pays
# it, or better, not made.
known="
"

layer_of() {
	m=$1
	case $m in view-reader|view-table|view-list) ;; view-*) m=view ;; esac
	for kv in $layers; do
		[ "${kv%%:*}" = "$m" ] && { echo "${kv#*:}"; return; }
	done
	echo ""
}
module_of() {
	m=$1
	case $m in view-reader|view-table|view-list) ;; view-*) m=view ;; esac
	echo "$m"
}
is_known() {
	printf '%s\n' "$known" | grep -qx "$1 $2" ||
	    printf '%s\n' "$known" | grep -qx "$2 $1"
}

n=0
fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=$((fail + 1)); fi; }

edges=$(mktemp)
trap 'rm -f "$edges" "$edges.m"' EXIT
for f in "$src"/*.c "$src"/*.h; do
	b=$(basename "$f")
	from=$(module_of "${b%.*}")
	grep -o '^#include "[a-z0-9-]*\.h"' "$f" | sed 's/^#include "//; s/\.h"$//' |
	while read -r to; do
		to=$(module_of "$to")
		[ "$from" != "$to" ] && echo "$from $to"
	done
done | sort -u >"$edges"

# Every module has a layer.
unknown=$(for m in $(tr ' ' '\n' <"$edges" | sort -u); do
	[ -n "$(layer_of "$m")" ] || printf ' %s' "$m"
done)
[ -z "$unknown" ]; ok $? "every module has a layer (without:$unknown)"

# No include goes up a layer, but for the known circles.
up=$(while read -r a b; do
	la=$(layer_of "$a"); lb=$(layer_of "$b")
	[ -n "$la" ] && [ -n "$lb" ] && [ "$lb" -gt "$la" ] && ! is_known "$a" "$b" &&
	    printf ' %s->%s' "$a" "$b"
done <"$edges")
[ -z "$up" ]; ok $? "no include goes up a layer (up:$up)"

# No circle but the known ones: drop the known edges, then tsort.
while read -r a b; do
	is_known "$a" "$b" || echo "$a $b"
done <"$edges" >"$edges.m"
loops=$(tsort "$edges.m" 2>&1 >/dev/null | grep -v 'input contains a loop' | sed 's/^tsort: //' | tr '\n' ' ')
[ -z "$loops" ]; ok $? "no circle of includes but the known ones (in a circle: $loops)"

# The libraries stay behind their one file each.
lib() {
	users=$(grep -l "^#include <$1" "$src"/*.c "$src"/*.h 2>/dev/null | xargs -n1 basename 2>/dev/null | tr '\n' ' ')
	[ "$users" = "$2 " ]; ok $? "<$1…> only in $2 (found in: $users)"
}
lib "curses.h" term.c
lib "libxml/" content-load.c
lib "pcre2.h" search.c
lib "unicode/" text.c

echo "1..$n"
[ "$fail" = 0 ]
