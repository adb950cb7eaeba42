#!/bin/sh
# test-content-cache.sh — the verified-content cache (content-load.h:
# content_load_trust_verified) only ever skips checks that the very same
# bytes passed before: a changed file, schema or source text is checked
# again; a cache from another version, a damaged one or none at all
# changes nothing but speed; hms check never trusts it.
. "$top_srcdir/tests/cli/lib.sh"

XDG_CACHE_HOME="$tmpdir/cache"
export XDG_CACHE_HOME
cache="$XDG_CACHE_HOME/hms/verified"
version=$("$HMS" --version | sed 's/^hms //')

# A copy of the bundled content to change.
src="$top_srcdir/content"
[ -f "$src/hms.rng" ] || { echo "Bail out! no content in $src"; exit 1; }
mkdir -p "$tmpdir/c"
cp "$src"/*.xml "$src/hms.rng" "$tmpdir/c/"
ln -s "$src/sources" "$tmpdir/c/sources"

run hms --content "$tmpdir/c" show period:3
check_rc 0 "a first load passes every check"
[ "$(head -n 1 "$cache" 2>/dev/null)" = "hms verified-content 1 $version" ]
ok $? "and records its files in \$XDG_CACHE_HOME/hms/verified"
n=$(tail -n +2 "$cache" | grep -c '^[0-9a-f]\{16\}$')
nfiles=$(ls "$tmpdir/c"/*.xml | wc -l)
[ "$n" = $((nfiles * 2)) ]; ok $? "two keys per file, schema and titles ($n for $nfiles files)"
[ "$(stat -c %a "$XDG_CACHE_HOME/hms")" = 700 ]; ok $? "the cache directory is private (0700)"
run hms --content "$tmpdir/c" show period:3
check_rc 0 "a second load, from the cache, gives the same"
[ "$(tail -n +2 "$cache" | wc -l)" = "$n" ]; ok $? "and adds nothing"

# The snapshot (content-snap.h): the second load read no XML at all, and
# what it shows is what the XML shows; likewise the search index cached
# next to it.
nsnap=$(ls "$XDG_CACHE_HOME"/hms/ | grep -c '^snap-')
[ "$nsnap" = 1 ]; ok $? "a clean load leaves one snapshot of the directory (got $nsnap)"
same_both_ways() {
	run hms --content "$tmpdir/c" "$@"
	from_snap="$out"
	rm -f "$XDG_CACHE_HOME"/hms/snap-* "$XDG_CACHE_HOME"/hms/index-*
	run hms --content "$tmpdir/c" "$@"
	[ -n "$out" ] && [ "$out" = "$from_snap" ]
	ok $? "from the snapshot and from the XML alike: hms $*"
}
same_both_ways --format=json show kpi:s3-goal-2
same_both_ways --format=json search 医療機器
same_both_ways --format=json funds 医療機器
same_both_ways --format=tsv list section

# The snapshot's stamp (content-snap.h) trusts size, times and inode, not
# bytes: a file changed in place, its size and mtime put back, is still
# seen (its ctime moved; changed within the clock tick it was read in, it
# would be racy and hashed).
f="$tmpdir/c/glossary.xml"
run hms --content "$tmpdir/c" --format=json show term:fih
check_out_has "FIH (first in human)" "the stamp: the title before"
run hms --content "$tmpdir/c" --format=json show term:fih
off=$(grep -bo -F -m1 'FIH (first in human)' "$f" | head -n 1 | cut -d: -f1)
touch -r "$f" "$tmpdir/ref"
printf 'X' | dd of="$f" bs=1 seek=$((off + 18)) conv=notrunc status=none
touch -r "$tmpdir/ref" "$f"
run hms --content "$tmpdir/c" --format=json show term:fih
check_out_has "FIH (first in humaX)" \
    "a file changed in place with its size and mtime put back is read again"
printf 'n' | dd of="$f" bs=1 seek=$((off + 18)) conv=notrunc status=none
run hms --content "$tmpdir/c" --format=json show term:fih
check_out_has "FIH (first in human)" "and so is its restoration"

# A file that changes is checked again: an attribute the schema forbids.
cp "$tmpdir/c/projects.xml" "$tmpdir/projects.xml"
sed -i '0,/<project id="project:p1-drugs"/s//<project frobnicate="1" id="project:p1-drugs"/' "$tmpdir/c/projects.xml"
run hms --content "$tmpdir/c" show period:3
check_rc 2 "a changed file is validated again: the schema error stops the load"
check_err_has "projects.xml:10: schema: Invalid attribute frobnicate for element project" \
    "with the schema's message"
cp "$tmpdir/projects.xml" "$tmpdir/c/projects.xml"

# A source text that changes: the title rule is checked again, though no
# content file changed.
rm "$tmpdir/c/sources"
mkdir "$tmpdir/c/sources"
cp "$src"/sources/*.txt "$tmpdir/c/sources/"
run hms --content "$tmpdir/c" show period:3
check_rc 0 "the same texts in a real directory load"
sed -i 's/ファースト・イン・ヒューマン/ファースト・イン・ヒューマソ/g; s/First in Human/First in Humon/g; s/FIH/FlH/g' \
    "$tmpdir/c/sources/"*.txt
run hms --content "$tmpdir/c" show term:fih
check_rc 2 "a changed source text: titles are checked again"
check_err_has "term:fih: neither the title \"FIH\" nor an alias occurs in its source lines" \
    "with the title rule's message"
cp "$src"/sources/*.txt "$tmpdir/c/sources/"

# A changed schema: every file is validated again, against it.
cp "$tmpdir/c/hms.rng" "$tmpdir/hms.rng"
sed -i 's|<define name="anyid">|<define name="anyid-unused"><text/></define><define name="anyid">|' "$tmpdir/c/hms.rng"
sed -i 's|(period\|section\|project|(period\|section\|xproject|' "$tmpdir/c/hms.rng"
run hms --content "$tmpdir/c" show period:3
check_rc 2 "a changed schema: the files are validated against it"
cp "$tmpdir/hms.rng" "$tmpdir/c/hms.rng"

# hms check never trusts the cache (it is the check).
run hms check "$tmpdir/c"
check_rc 0 "hms check of the restored content passes"
check_out_has "content OK" "and says so"

# Caches hms cannot use change nothing but speed.  (Without the
# snapshot, which would skip the load and its verified-content cache.)
rm -f "$XDG_CACHE_HOME"/hms/snap-*
printf 'hms verified-content 1 0.0.0-other\nffffffffffffffff\n' >"$cache"
run hms --content "$tmpdir/c" show period:3
check_rc 0 "a cache of another version is ignored"
[ "$(head -n 1 "$cache")" = "hms verified-content 1 $version" ]; ok $? "and replaced"
[ "$(grep -c ffffffffffffffff "$cache")" = 0 ]; ok $? "without the other version's keys"
printf '\001\002\377 junk\n' >"$cache"
run hms --content "$tmpdir/c" show period:3
check_rc 0 "a damaged cache is ignored"
[ -z "$err" ]; ok $? "silently"
XDG_CACHE_HOME=/dev/null/cache
run hms --content "$tmpdir/c" show period:3
check_rc 0 "a cache directory that cannot exist: the content still loads"
[ -z "$err" ]; ok $? "silently"
unset XDG_CACHE_HOME
HOME=/nonexistent/home
run hms --content "$tmpdir/c" show period:3
check_rc 0 "no usable home or XDG_CACHE_HOME: the content still loads"

done_testing
