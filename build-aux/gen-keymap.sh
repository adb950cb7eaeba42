#!/bin/sh
# gen-keymap.sh OUT default.keys vi.keys emacs.keys
# Turn the shipped keymap files into C string constants, so the built-in
# bindings are the files themselves (read by the same parser as users').
set -eu
out=$1
shift
{
	echo "/* Generated from keymaps/NAME.keys by build-aux/gen-keymap.sh: do not edit. */"
	for f in "$@"; do
		name=$(basename "$f" .keys)
		echo "static const char keymap_${name}_keys[] ="
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$f"
		printf '\t;\n'
	done
} >"$out.tmp"
mv "$out.tmp" "$out"
