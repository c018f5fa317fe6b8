# bash completion for ev-cal(1)                          -*- shell-script -*-
# Works with or without the bash-completion package: it reads COMP_WORDS
# and COMP_CWORD itself, so tests can drive it directly.

_ev_cal_longopts='--three --month --year --input-format --output-format
--delimiter --output --now --tz --lang --color --strict --help --version'
_ev_cal_shortopts='-h -V -3 -i -o'
_ev_cal_dates='today tomorrow yesterday heute morgen gestern now +1d +7d +30d'

# IANA zone names, found once per shell (in _ev_cal_zone_cache): a walk
# of the zoneinfo tree is cheap, but not on every key press.
_ev_cal_zones()
{
	local dir=/usr/share/zoneinfo

	[[ -n ${_ev_cal_zone_cache-} || ! -d $dir ]] && return
	_ev_cal_zone_cache=$(cd "$dir" && find . \
	    \( -path ./posix -o -path ./right \) -prune -o \
	    \( -type f -o -type l \) -print 2>/dev/null |
	    sed -n 's|^\./\([A-Z]\)|\1|p')
}

# Feeds: *.ics and *.csv files and directories to descend into.
_ev_cal_files()
{
	local cur=$1

	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -d -- "$cur"
	    compgen -f -X '!*.[iI][cC][sS]' -- "$cur"
	    compgen -f -X '!*.[cC][sS][vV]' -- "$cur")
}

# The words an option's argument may be; 1 when the option takes no
# argument, 0 when it takes one (even one we cannot guess).  --month and
# --year take theirs in the same word (--month=2016-12) or, when it
# looks like one, in the next; a feed may follow them too.
_ev_cal_arg()
{
	local opt=$1 cur=$2 w

	case $opt in
	-i|--input-format) w='ics csv tsv' ;;
	-o|--output-format) w='text html' ;;
	--lang) w='de en' ;;
	--color) w='auto always never' ;;
	--tz) _ev_cal_zones; w=${_ev_cal_zone_cache-} ;;
	--now) w=$_ev_cal_dates ;;
	--delimiter)
		# ';' goes back quoted, or the shell would end the command
		cur=${cur#[\\\'\"]}
		mapfile -t COMPREPLY < <(compgen -W ', ; tab' -- "$cur")
		COMPREPLY=("${COMPREPLY[@]/#;/\\;}")
		return 0 ;;
	--output)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return 0 ;;
	*)
		return 1 ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$w" -- "$cur")
	return 0
}

_ev_cal()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix='' i

	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# After "--" every word is a file.
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [[ ${COMP_WORDS[i]} == -- ]]; then
			_ev_cal_files "$cur"
			return 0
		fi
	done

	# --opt=value: bash splits it at '=' (COMP_WORDBREAKS) into
	# "--opt" "=" "value"; without that split it is one word.
	if [[ $cur == = && $prev == --* ]]; then
		_ev_cal_arg "$prev" ''
		return 0
	fi
	if [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		_ev_cal_arg "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"
		return 0
	fi
	if [[ $cur == --*=* ]]; then
		prefix=${cur%%=*}=
		_ev_cal_arg "${cur%%=*}" "${cur#*=}" || return 0
		COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
		return 0
	fi

	_ev_cal_arg "$prev" "$cur" && return 0

	if [[ $cur == -?* ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "$_ev_cal_longopts $_ev_cal_shortopts" -- "$cur")
		return 0
	fi
	if [[ $cur == - ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "- $_ev_cal_longopts $_ev_cal_shortopts" -- "$cur")
		return 0
	fi
	_ev_cal_files "$cur"
	return 0
}

complete -F _ev_cal ev-cal
