#!/bin/sh
# check-man-ja.sh — the Japanese manual pages (doc/ja/) keep step with the
# English ones (doc/): every option (\-\-name), every key-table and action
# name, every ':' command and every environment variable an English page
# names must appear in its Japanese page.  The English pages are the
# reference; when this fails, say the new thing in Japanese too.  TAP.
: "${top_srcdir:=.}"
doc="$top_srcdir/doc"

n=0
fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=$((fail + 1)); fi; }

# Roff without its escapes for hyphens and quotes: what a name looks like.
plain() { sed -e 's/\\-/-/g' -e 's/\\(aq/'"'"'/g' "$1"; }

# The names of an English page, one a line.
names() {
	plain "$1" | grep -oE -- '--[a-z][a-z0-9-]*' | sed 's/-*$//'
	# Key tables and actions: the bold lines of TABLES and ACTIONS.
	plain "$1" | awk '
		/^\.SH / { sec = $2; next }
		(sec == "TABLES" || sec == "ACTIONS") && /^\.B / {
			sub(/^\.B /, ""); gsub(/,/, " ")
			for (i = 1; i <= NF; i++) print $i
		}'
	# The files a page describes, one subsection each (hms-files.5).
	plain "$1" | sed -n 's/^\.SS //p'
	# ":" commands of the interface (":q", ":funds", ":source").
	plain "$1" | grep -E '^\.B[IR]? ' | grep -oE '(^|[ "]):[a-z]+' |
	    sed 's/^[ "]*//'
	# Environment variables.
	plain "$1" | awk '
		/^\.SH / { sec = $2; next }
		sec == "ENVIRONMENT" && /^\.BR? / {
			for (i = 2; i <= NF; i++)
				if ($i ~ /^"?[A-Z][A-Z_]+"?,?$/) { gsub(/[",]/, "", $i); print $i }
		}'
}

for page in hms.1 hms-keys.5 hms-files.5; do
	en="$doc/$page"
	ja="$doc/ja/$page"
	if [ ! -f "$ja" ]; then
		ok 1 "$page: doc/ja/$page exists"
		continue
	fi
	ok 0 "$page: doc/ja/$page exists"
	list=$(names "$en" | sort -u)
	count=$(printf '%s\n' "$list" | grep -c .)
	case $page in
	hms.1) min=25 ;; hms-keys.5) min=40 ;; *) min=6 ;;
	esac
	[ "$count" -ge "$min" ]; ok $? "$page: $count names found in the English page (at least $min: the extraction works)"
	missing=""
	for name in $list; do
		plain "$ja" | grep -qF -- "$name" || missing="$missing $name"
	done
	if [ -z "$missing" ]; then
		ok 0 "$page: the Japanese page names all of them"
	else
		ok 1 "$page: the Japanese page names all of them"
		echo "# missing from doc/ja/$page:$missing"
	fi
	# The Japanese page is a manual page in Japanese, not a copy.
	grep -q '^\.TH ' "$ja" && grep -q '^\.SH 名前' "$ja"
	ok $? "$page: the Japanese page has .TH and its sections in Japanese"
done

echo "1..$n"
[ "$fail" = 0 ]
