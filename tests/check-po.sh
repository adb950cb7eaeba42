#!/bin/sh
# check-po.sh — the Japanese interface says everything in Japanese: every
# source file with translatable text is in po/POTFILES.in, and po/ja.po
# has a translation, neither missing nor fuzzy, for every message those
# files hold today (extracted afresh with xgettext, as make -C po
# update-po would, so that a string added without its translation fails
# here, not in front of a Japanese reader).  TAP.
: "${top_srcdir:=.}"
po="$top_srcdir/po"

n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

for tool in xgettext msgmerge msgattrib; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed (Debian: apt-get install gettext)"
		exit 0
	fi
done
echo "1..3"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hms-check-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# 1. Every source file that marks text for translation is listed.
listed=$(grep -v '^#' "$po/POTFILES.in" | grep .)
missing=""
for f in $(cd "$top_srcdir" && grep -lE '(^|[^A-Za-z0-9_])(N?_|ngettext)\("' src/*.c); do
	printf '%s\n' "$listed" | grep -qxF "$f" || missing="$missing $f"
done
[ -z "$missing" ]
ok $? "every source file with translatable text is in po/POTFILES.in"
[ -z "$missing" ] || echo "# not listed:$missing"

# 2-3. Every message has a Japanese translation, and none is fuzzy.
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
    --from-code=UTF-8 --language=C -o "$tmp/hms.pot" \
    $(printf '%s\n' "$listed" | grep '\.c$')) 2>"$tmp/xgettext.err"
sed -i 's/charset=CHARSET/charset=UTF-8/' "$tmp/hms.pot"
msgmerge -q --no-fuzzy-matching -o "$tmp/ja.po" "$po/ja.po" "$tmp/hms.pot" 2>"$tmp/msgmerge.err"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/ja.po" |
    grep -c '^msgid ' )
# msgattrib prints the header's empty msgid too, when anything is left.
[ "$untranslated" -le 1 ] && [ -s "$tmp/hms.pot" ]
ok $? "po/ja.po translates every message of the sources"
if [ "$untranslated" -gt 1 ]; then
	echo "# untranslated:"
	msgattrib --untranslated --no-obsolete --no-location "$tmp/ja.po" |
	    awk '/^msgid / { on = 1 } /^msgstr/ { on = 0 } on' |
	    grep -v '^msgid ""$' | sed 's/^/#   /' | head -n 40
fi
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po/ja.po" | grep -c '^msgid ')
[ "$fuzzy" = 0 ]
ok $? "po/ja.po has no fuzzy translation"
