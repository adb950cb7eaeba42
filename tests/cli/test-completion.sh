#!/bin/sh
# test-completion.sh — shell completion (issue 19), by driving the
# completion functions as the shells do: bash's _hms with COMP_WORDS,
# COMP_CWORD, COMP_LINE and COMP_POINT set as bash sets them (ids split
# at ':' by COMP_WORDBREAKS); zsh's _hms through compinit in an
# interactive zsh in a pseudo-terminal, when zsh is there.
# `make install` places them (checked with DESTDIR).
. "$top_srcdir/tests/cli/lib.sh"

bindir=$(cd "$(dirname "$HMS")" && pwd)

# comp LINE: the candidates bash's _hms offers for LINE (cursor at end).
comp() {
	PATH="$bindir:$PATH" bash -c '
		. "$1"
		line=$2
		# Split as readline does, COMP_WORDBREAKS included.
		read -r -a COMP_WORDS <<<"$(printf "%s" "$line" | sed "s/:/ : /g")"
		case $line in *" ") COMP_WORDS+=("") ;; esac
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$line
		COMP_POINT=${#line}
		_hms
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$top_srcdir/doc/completion/hms.bash" "$1"
}

if ! command -v bash >/dev/null 2>&1; then
	echo "ok 1 # SKIP bash is not installed"
else
	out=$(comp "hms sh")
	[ "$out" = show ]; ok $? "bash: hms sh<Tab> completes the command show (got '$out')"
	out=$(comp "hms list k")
	[ "$out" = kpi ]; ok $? "bash: hms list k<Tab> completes the type kpi"
	out=$(comp "hms --form")
	[ "$out" = --format= ]; ok $? "bash: --form<Tab> completes the option --format="
	out=$(comp "hms --format=c")
	[ "$out" = --format=csv ]; ok $? "bash: --format=c<Tab> gives csv (got '$out')"
	out=$(comp "hms --by=mi")
	[ "$out" = --by=ministry ]; ok $? "bash: --by=mi<Tab> gives ministry"
	# An id after show, split at its colon as bash does: the candidate
	# is what follows the colon.
	out=$(comp "hms show kpi:rm-orphan")
	[ "$out" = rm-orphan-designations ]
	ok $? "bash: hms show kpi:rm-orphan<Tab> completes the id (got '$out')"
	n=$(comp "hms show project:p3-" | wc -l)
	[ "$n" -ge 8 ]; ok $? "bash: hms show project:p3-<Tab> offers the period-3 projects ($n)"
	out=$(comp "hms --period=3 open period:")
	printf '%s\n' "$out" | grep -qx 3
	ok $? "bash: options before the command do not hide it (open period:<Tab>)"
	out=$(comp "hms compare pol")
	[ "$out" = policies ]; ok $? "bash: hms compare pol<Tab> gives the topic policies (got '$out')"
	out=$(comp "hms --type=mil")
	[ "$out" = --type=milestone ]; ok $? "bash: --type=mil<Tab> gives a type (got '$out')"
	mkdir -p "$tmpdir/keys.d" && : >"$tmpdir/keys.d/mine.keys"
	out=$(cd "$tmpdir" && comp "hms --check-keymap=keys.d/mi")
	[ "$out" = --check-keymap=keys.d/mine.keys ]
	ok $? "bash: --check-keymap=<Tab> completes a file name (got '$out')"
fi

# One table in main.c makes --help and the completion's words: every
# option and command --help lists is offered, and nothing else.
run hms --help
help_opts=$(printf '%s\n' "$out" | grep -oE '^ +--[a-z-]+=?' | tr -d ' ' | sort)
help_cmds=$(printf '%s\n' "$out" | sed -n '/^Commands:/,/^$/p' | grep -oE '^  [a-z]+' | tr -d ' ' | sort)
run hms --complete=options
[ "$(printf '%s\n' "$out" | sort)" = "$help_opts" ] && [ -n "$help_opts" ]
ok $? "hms --complete=options offers exactly the options of --help"
run hms --complete=commands
[ "$(printf '%s\n' "$out" | sort)" = "$help_cmds" ] && [ -n "$help_cmds" ]
ok $? "hms --complete=commands offers exactly the commands of --help"
run hms --complete=--format
[ "$(printf '%s' "$out" | tr '\n' ' ')" = "text tsv json csv" ]
ok $? "hms --complete=--format gives the formats"
# zsh's _hms keeps its own list, with descriptions: it must hold every
# option hms takes, and no other.
zsh_opts=$(grep -oE "^[[:space:]]+['\"]--[a-z-]+=?" "$top_srcdir/doc/completion/_hms" |
    tr -d " \t'\"" | sort)
run hms --complete=options
[ "$(printf '%s\n' "$out" | sort)" = "$zsh_opts" ]
ok $? "zsh's _hms lists exactly the options of hms --complete=options"
run hms --complete=commands
zsh_cmds=$(sed -n '/commands=(/,/)/p' "$top_srcdir/doc/completion/_hms" |
    grep -oE "^[[:space:]]+'[a-z]+:" | tr -d " \t':" | sort)
[ "$(printf '%s\n' "$out" | sort)" = "$zsh_cmds" ]
ok $? "zsh's _hms lists exactly the commands of hms --complete=commands"
run hms --complete=nosuch
[ "$rc" = 1 ] && [ -z "$out" ]; ok $? "hms --complete=nosuch offers nothing and exits 1"

# The ids come from a fast query: id and title, one per line.
run hms list --ids kpi
printf '%s\n' "$out" | grep -q "$(printf '^kpi:rm-orphan-designations\t希少疾病用医薬品の指定件数$')"
ok $? "hms list --ids kpi prints id<TAB>title"
run hms list --ids
n=$(printf '%s\n' "$out" | wc -l)
[ "$rc" = 0 ] && [ "$n" -gt 500 ]; ok $? "hms list --ids lists every entity ($n)"

# zsh: an interactive zsh -f in a pseudo-terminal (the zpty module)
# with compinit and our _hms first in $fpath, Tab after a line as a
# person types it.  compadd is wrapped to write down every candidate it
# is given, "LINE<TAB>candidate", then does its work; the echo typed
# after the Tab runs only once the completion is over, so its output is
# the condition waited for.
cat >"$tmpdir/drive.zsh" <<'EOF'
zmodload zsh/zpty 2>/dev/null || exit 77
compdir=$1 out=$2
shift 2
: >$out
zpty z zsh -f -i || exit 1
zpty -w z "PS1='ZP> '; fpath=(${(q)compdir} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'compadd() { local -a __h; if [[ ${@[1,(i)(-|--)]} != *-(O|A|D)\ * ]]; then builtin compadd -A __h "$@"; (( $#__h )) && print -rl -- ${__h/#/"$__line"$'"'\t'"'} >>'${(q)out}'; fi; builtin compadd "$@"; }'
zpty -w z "zstyle ':completion:*' menu no; LISTMAX=100000; bindkey '^I' complete-word; echo RE\"\"ADY"
zpty -r z junk '*READY*' || exit 1
zpty -r z junk '*ZP> ' || exit 1
# Each line is typed only at a prompt: keys typed ahead while zsh is
# still running the command before can reach the line editor before
# completion is ready (seen: 1 run in 3 lost a line's candidates).
for line; do
	zpty -w z "__line=${(q)line}"
	zpty -r z junk '*ZP> ' || exit 1
	zpty -w -n z "$line"$'\t'
	zpty -w z $'\C-e\C-uecho DO""NE'
	zpty -r z junk '*DONE*' || exit 1
	zpty -r z junk '*ZP> ' || exit 1
done
zpty -d z
EOF

# zcomp LINE: the candidates zsh offered for LINE (after zdrive).
zcomp() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$tmpdir/zsh.out" | sort -u; }

if ! command -v zsh >/dev/null 2>&1; then
	skip "zsh is not installed"
else
	zsh -n "$top_srcdir/doc/completion/_hms"
	ok $? "zsh: _hms parses"
	PATH="$bindir:$PATH" TERM=dumb timeout 120 zsh -f "$tmpdir/drive.zsh" \
	    "$top_srcdir/doc/completion" "$tmpdir/zsh.out" \
	    "hms " "hms sh" "hms --form" "hms --format=" "hms --by=mi" \
	    "hms list k" "hms show kpi:rm-orph" "hms show project:p3-" \
	    "hms --period=3 open period:"
	zrc=$?
	if [ "$zrc" = 77 ]; then
		skip "zsh has no zpty module"
	else
		[ "$zrc" = 0 ]; ok $? "zsh: completion driven in a pseudo-terminal (exit $zrc)"
		out=$(zcomp "hms " | tr '\n' ' ')
		case $out in
		*budget*compare*funds*list*open*search*show*) ok 0 "zsh: hms <Tab> offers the commands ($out)" ;;
		*) ok 1 "zsh: hms <Tab> offers the commands (got '$out')" ;;
		esac
		out=$(zcomp "hms sh")
		[ "$out" = show ]; ok $? "zsh: hms sh<Tab> offers the command show (got '$out')"
		out=$(zcomp "hms --form")
		[ "$out" = --format ]; ok $? "zsh: --form<Tab> offers the option --format (got '$out')"
		out=$(zcomp "hms --format=" | tr '\n' ' ')
		[ "$out" = "csv json text tsv " ]
		ok $? "zsh: --format=<Tab> offers its values (got '$out')"
		out=$(zcomp "hms --by=mi")
		[ "$out" = ministry ]; ok $? "zsh: --by=mi<Tab> offers ministry (got '$out')"
		out=$(zcomp "hms list k")
		[ "$out" = kpi ]; ok $? "zsh: hms list k<Tab> offers the type kpi (got '$out')"
		out=$(zcomp "hms show kpi:rm-orph")
		[ "$out" = kpi:rm-orphan-designations ]
		ok $? "zsh: hms show kpi:rm-orph<Tab> offers the id (got '$out')"
		n=$(zcomp "hms show project:p3-" | grep -c '^project:p3-')
		[ "$n" -ge 8 ]; ok $? "zsh: hms show project:p3-<Tab> offers the period-3 projects ($n)"
		zcomp "hms --period=3 open period:" | grep -qx period:3
		ok $? "zsh: options before the command do not hide it (open period:<Tab>)"
	fi
fi

# make install puts them where the shells look.
if [ -f "$top_builddir/Makefile" ] && command -v make >/dev/null 2>&1; then
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top_builddir" install-bash-completion install-dist_zshcompletionDATA \
	    DESTDIR="$tmpdir/inst" >/dev/null 2>&1
	b=$(find "$tmpdir/inst" -path '*bash-completion/completions/hms' | head -n 1)
	z=$(find "$tmpdir/inst" -path '*zsh/site-functions/_hms' | head -n 1)
	[ -n "$b" ] && [ -n "$z" ]
	ok $? "make install: bash-completion/completions/hms and zsh/site-functions/_hms"
fi

done_testing
