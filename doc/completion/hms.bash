# bash completion for hms — commands, options, their values, types and
# entity ids (from `hms list --ids`, which is fast: content already
# checked is not checked again).  Installed by `make install` where
# bash-completion's pkg-config file says (completionsdir).

_hms_ids()
{
	# "id<TAB>title" lines; bash shows the ids.
	hms list --ids ${1:+"$1"} 2>/dev/null | cut -f1
}

# The candidates among WORDS (from hms --complete) for CUR: @ids are the
# content's ids, @types its types, @files and @dirs what is on disk.
_hms_words()
{
	local w list=
	for w in $1; do
		case $w in
		@ids) list="$list $(_hms_ids)" ;;
		@types) list="$list $(hms --complete=types 2>/dev/null)" ;;
		@files) compgen -f -- "$2" ;;
		@dirs) compgen -d -- "$2" ;;
		*) list="$list $w" ;;
		esac
	done
	[[ -n $list ]] && compgen -W "$list" -- "$2"
}

_hms()
{
	local cur prev cmd i w words_before
	local line=${COMP_LINE:0:COMP_POINT}
	# hms says what it takes (hms --complete, from the one table that
	# also makes --help), so this function never falls behind it.
	local commands options
	commands=$(hms --complete=commands 2>/dev/null | tr '\n' ' ')
	options=$(hms --complete=options 2>/dev/null | tr '\n' ' ')

	# The word being completed as the user sees it: bash splits ids
	# such as kpi:p1-04 at the colon (COMP_WORDBREAKS), we do not.
	cur=${line##*[[:space:]]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-*|=|:) ;;
		*)
			case " $commands " in
			*" $w "*) cmd=$w; break ;;
			esac
			;;
		esac
	done

	COMPREPLY=()
	case $cur in
	--*=*)
		# The values of an option: words, or a kind filled in here.
		local opt=${cur%%=*} val=${cur#*=}
		COMPREPLY=($(_hms_words "$(hms --complete="$opt" 2>/dev/null)" "$val"))
		COMPREPLY=("${COMPREPLY[@]/#/$opt=}")
		;;
	-*) COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
	*)
		if [[ -z $cmd ]]; then
			COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		else
			COMPREPLY=($(_hms_words "$(hms --complete="$cmd" 2>/dev/null)" "$cur"))
		fi
		;;
	esac
	# Bash replaces only what follows the last colon: drop what comes
	# before it from each candidate.
	if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
		local colon=${cur%"${cur##*:}"}
		i=${#COMPREPLY[@]}
		while ((i-- > 0)); do
			COMPREPLY[i]=${COMPREPLY[i]#"$colon"}
		done
	fi
	[[ ${#COMPREPLY[@]} = 1 && $COMPREPLY == *= ]] && compopt -o nospace 2>/dev/null
	return 0
}
complete -F _hms hms
