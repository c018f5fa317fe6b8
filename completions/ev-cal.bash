# bash completion for ev-cal(1)                          -*- shell-script -*-
# Works with or without the bash-completion package: it reads COMP_WORDS
# and COMP_CWORD itself, so tests can drive it directly.

_ev_cal_longopts='--one --three --months --year --month --monday --sunday
--week-numbers --no-adjacent --counts --agenda --input-format
--output-format --link --standalone --delimiter --output --now --tz --lang
--color --strict --help --version'
_ev_cal_shortopts='-1 -3 -a -h -m -n -s -V -w -y -i -o'
_ev_cal_dates='today tomorrow yesterday heute morgen gestern now +1d +7d +30d'
# Month names as operands and --month's argument (any case, also
# abbreviated, is read; the full lower-case names are offered).
_ev_cal_months='januar februar märz april mai juni juli august september
oktober november dezember january february march may june july october
december'

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

# Feeds: *.ics, *.csv and *.tsv files and directories to descend into.
_ev_cal_files()
{
	local cur=$1

	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -d -- "$cur"
	    compgen -f -X '!*.[iI][cC][sS]' -- "$cur"
	    compgen -f -X '!*.[cC][sS][vV]' -- "$cur"
	    compgen -f -X '!*.[tT][sS][vV]' -- "$cur")
}

# Has the date been given before word COMP_CWORD: an operand (the date
# comes first), or --month or --year with a value?  Month names are
# offered only while it has not.  Options that take the next word as
# their argument skip it; --color, --month and --year only when it looks
# like one, as ev-cal reads them.
_ev_cal_date_given()
{
	local i w next

	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]} next=${COMP_WORDS[i + 1]-}
		# --opt=value, split by bash into "--opt" "=" "value"
		if [[ $w == --* && $next == = ]]; then
			[[ $w == --month || $w == --year ]] && return 0
			((i += 2))
			continue
		fi
		case $w in
		--|--month=?*|--year=?*) return 0 ;;
		-n|-i|-o|-[13amswy]*[nio]|--months|--input-format|\
		--output-format|--link|--delimiter|--output|--now|--tz|--lang)
			((i++)) ;;
		--color)
			[[ $next =~ ^(auto|always|never)$ ]] && ((i++)) ;;
		--month)
			[[ $next =~ ^([0-9]+-|[[:alpha:]]) ]] && return 0 ;;
		--year)
			[[ $next =~ ^[0-9]+$ ]] && return 0 ;;
		-?*) ;;
		*) return 0 ;;
		esac
	done
	return 1
}

# An operand: a month name while no date was given (and not right after
# --year, whose argument is a year), and feeds.
_ev_cal_operand()
{
	local cur=$1 prev=$2 months=()

	if [[ $prev != --year && $cur != */* ]] && ! _ev_cal_date_given
	then
		mapfile -t months < <(compgen -W "$_ev_cal_months" -- \
		    "${cur,,}")
	fi
	_ev_cal_files "$cur"
	COMPREPLY=("${months[@]}" "${COMPREPLY[@]}")
}

# The words an option's argument may be; 1 when the option takes no
# argument, 0 when it takes one (even one we cannot guess).  --month,
# --year and --color take theirs in the same word (--month=2016-12) or,
# when it looks like one, in the next; a feed may follow the first two,
# and so the next word after them is completed as an operand.
_ev_cal_arg()
{
	local opt=$1 cur=$2 w

	case $opt in
	-i|--input-format) w='ics csv tsv' ;;
	-o|--output-format) w='text html' ;;
	--lang) w='de en' ;;
	--color) w='auto always never' ;;
	--month) w=$_ev_cal_months ;;
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
	# a number of months (1-1200), a URL with {date}: nothing to guess
	-n|--months|--link)
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

	# --month's argument may be a month name, or a feed may follow
	[[ $prev != --month ]] && _ev_cal_arg "$prev" "$cur" && return 0

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
	_ev_cal_operand "$cur" "$prev"
	return 0
}

complete -F _ev_cal ev-cal
