# bash completion for hms — commands, options, their values, types and
# entity ids (from `hms list --ids`, which is fast: content already
# checked is not checked again).  Installed by `make install` where
# bash-completion's pkg-config file says (completionsdir).

_hms_ids()
{
	# "id<TAB>title" lines; bash shows the ids.
	hms list --ids ${1:+"$1"} 2>/dev/null | cut -f1
}

_hms()
{
	local cur prev cmd i w words_before
	local line=${COMP_LINE:0:COMP_POINT}
	local commands="open search show funds budget list compare check bookmarks notes"
	local types="period section project disease measure milestone kpi program ministry term"
	local options="--format= --by= --fy= --chart --bom --ids --width= --regex
	    --type= --period= --era --import= --content= --keymap= --check-keymap=
	    --no-color --no-mouse --plain --reading-width= --fresh --ambiwidth= --lang= --today= --help --version"

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
	--format=*) COMPREPLY=($(compgen -P --format= -W "text tsv json csv" -- "${cur#*=}")) ;;
	--by=*) COMPREPLY=($(compgen -P --by= -W "project ministry program" -- "${cur#*=}")) ;;
	--type=*) COMPREPLY=($(compgen -P --type= -W "$types" -- "${cur#*=}")) ;;
	--period=*) COMPREPLY=($(compgen -P --period= -W "1 2 3" -- "${cur#*=}")) ;;
	--lang=*) COMPREPLY=($(compgen -P --lang= -W "ja en" -- "${cur#*=}")) ;;
	--keymap=*) COMPREPLY=($(compgen -P --keymap= -W "default vi emacs" -- "${cur#*=}")) ;;
	--ambiwidth=*) COMPREPLY=($(compgen -P --ambiwidth= -W "1 2 auto" -- "${cur#*=}")) ;;
	-*) COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
	*)
		case $cmd in
		"") COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
		list) COMPREPLY=($(compgen -W "$types" -- "$cur")) ;;
		show|open) COMPREPLY=($(compgen -W "$(_hms_ids)" -- "$cur")) ;;
		budget|funds|search)
			# A query may be an id too.
			COMPREPLY=($(compgen -W "$(_hms_ids)" -- "$cur")) ;;
		compare) COMPREPLY=($(compgen -W "projects diseases policies goals" -- "$cur")) ;;
		check) COMPREPLY=($(compgen -f -- "$cur")) ;;
		esac
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
