# bash completion for ev-filter(1)                       -*- shell-script -*-
# Works with or without the bash-completion package: it reads COMP_WORDS
# and COMP_CWORD itself, so tests can drive it directly.

_ev_filter_longopts='--from --to --on --today --tomorrow --weekend --week
--month --upcoming --free --paid --free-pattern --category --search
--ignore-case --word-regexp --fixed-strings --field --has --missing --uid
--status --cancelled --invert --expand --count --list-categories --quiet
--max-count --allow-empty --input-format --delimiter --output --now --tz
--lang --color --strict --help --version'
_ev_filter_shortopts='-c -F -h -i -e -n -q -V -v -w'
# the long options whose argument may be the next word (--month only
# takes one there when it looks like YYYY-MM)
_ev_filter_argopts=' --from --to --on --free-pattern --category --search
--field --has --missing --uid --status --max-count --input-format
--delimiter --output --now --tz --lang --color '
_ev_filter_dates='today tomorrow yesterday heute morgen gestern now +1d +7d +30d'
_ev_filter_fields='uid start end all_day tz summary location description
categories price url status organizer recurrence_id rrule sequence
last_modified'
# --category reads at most this much of each feed named
_ev_filter_maxbytes=4194304

# IANA zone names, found once per shell (in _ev_filter_zone_cache): a walk
# of the zoneinfo tree is cheap, but not on every key press.
_ev_filter_zones()
{
	local dir=/usr/share/zoneinfo

	[[ -n ${_ev_filter_zone_cache-} || ! -d $dir ]] && return
	_ev_filter_zone_cache=$(cd "$dir" && find . \
	    \( -path ./posix -o -path ./right \) -prune -o \
	    \( -type f -o -type l \) -print 2>/dev/null |
	    sed -n 's|^\./\([A-Z]\)|\1|p')
}

# Feeds: *.ics, *.ical, *.csv and *.tsv files and directories to descend
# into.
_ev_filter_files()
{
	local cur=$1

	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -d -- "$cur"
	    compgen -f -X '!*.[iI][cC][sS]' -- "$cur"
	    compgen -f -X '!*.[iI][cC][aA][lL]' -- "$cur"
	    compgen -f -X '!*.[cC][sS][vV]' -- "$cur"
	    compgen -f -X '!*.[tT][sS][vV]' -- "$cur")
}

# ---- --category: the categories of the feeds named ---------------------

# _ev_filter_dequote WORD: WORD as the shell will pass it on (quotes and
# backslashes removed, a leading ~/ made $HOME/), in REPLY.  Expansions
# ($VAR, globs) are left as they are.
_ev_filter_dequote()
{
	local s=$1 out='' c q='' i

	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		if [[ $q == "'" ]]; then
			if [[ $c == "'" ]]; then q=''; else out+=$c; fi
		elif [[ $c == \\ ]]; then
			((i++))
			if [[ $q == '"' && ${s:i:1} != [\"\\\$\`] ]]; then
				out+=$c
			fi
			out+=${s:i:1}
		elif [[ $q == '"' ]]; then
			if [[ $c == '"' ]]; then q=''; else out+=$c; fi
		elif [[ $c == [\'\"] ]]; then
			q=$c
		else
			out+=$c
		fi
	done
	[[ $s == \~/* ]] && out=$HOME/${out#\~/}
	REPLY=$out
}

# _ev_filter_escape WORD: WORD with what the shell would take apart
# escaped by backslashes, in REPLY.
_ev_filter_escape()
{
	local s=$1 out='' c i special=$' \t\n\'"\\$`!&;|<>()[]{}*?#~=:^'

	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		[[ $special == *"$c"* ]] && out+=\\
		out+=$c
	done
	REPLY=$out
}

# 0 when the long option $1 (perhaps abbreviated, as getopt_long allows)
# takes an argument in the next word; its full name in REPLY (empty when
# it names no option, or several).
_ev_filter_takes_arg()
{
	local o m='' n=0

	for o in $_ev_filter_longopts; do
		if [[ $o == "$1" ]]; then
			m=$o n=1
			break
		fi
		[[ $o == "$1"* ]] && m=$o && ((n++))
	done
	((n == 1)) && REPLY=$m || REPLY=''
	((n == 1)) && [[ $_ev_filter_argopts == *[[:space:]]"$m"[[:space:]]* ]]
}

# The readable files the command line names as feeds, the word being
# completed left out, in the array _ev_filter_feeds: the operands, past
# the options and their arguments ("-" is stdin, not a file).  The
# options that change how a feed is read (--input-format, --delimiter)
# go, as --OPTION=VALUE, into the array _ev_filter_readopts.
_ev_filter_named()
{
	local i j w skip=0 ends=0 opt=''

	_ev_filter_feeds=()
	_ev_filter_readopts=()
	for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		if ((skip)); then
			# --opt=value, split by bash into "--opt" "=" "value"
			[[ $w == = ]] && continue
			skip=0
			if [[ $opt == --input-format || $opt == --delimiter ]] &&
			    ((i != COMP_CWORD)); then
				_ev_filter_dequote "$w"
				_ev_filter_readopts+=("$opt=$REPLY")
			fi
			continue
		fi
		if ((!ends)) && [[ $w == -?* ]]; then
			opt=''
			if [[ $w == -- ]]; then
				ends=1
			elif [[ $w == --month ]]; then
				j=${COMP_WORDS[i + 1]-}
				[[ $j == = || $j == [0-9][0-9][0-9][0-9]-[0-9][0-9] ]] &&
				    skip=1
			elif [[ $w == --*=* ]]; then
				# one word, where "=" is no word break
				_ev_filter_takes_arg "${w%%=*}"
				opt=$REPLY
				if [[ $opt == --input-format || $opt == --delimiter ]]; then
					_ev_filter_dequote "${w#*=}"
					_ev_filter_readopts+=("$opt=$REPLY")
				fi
				opt=
			elif [[ $w == --* ]]; then
				_ev_filter_takes_arg "$w" && skip=1 opt=$REPLY
			else
				# -e and -n take the rest of the word, or the next
				for ((j = 1; j < ${#w}; j++)); do
					if [[ ${w:j:1} == [en] ]]; then
						((j == ${#w} - 1)) && skip=1
						break
					fi
				done
			fi
			continue
		fi
		((i == COMP_CWORD)) && continue
		[[ $w == - ]] && continue
		_ev_filter_dequote "$w"
		[[ -f $REPLY && -r $REPLY ]] && _ev_filter_feeds+=("$REPLY")
	done
}

# The categories for --category: those of the feeds named on the command
# line that begin with CUR (in any case when none begins with it as typed),
# as `ev-filter --list-categories` finds them, one run per feed, a name
# found in several feeds (in any case) offered once.  Nothing without a
# feed or without an ev-filter on PATH.  Each feed is read up to
# _ev_filter_maxbytes, so a big one does not hold up the shell, and as
# the command line's --input-format and --delimiter say.
_ev_filter_categories()
{
	local cur=$1 want c f
	local -a cats
	local -A seen=()

	_ev_filter_named
	((${#_ev_filter_feeds[@]})) || return 0
	type -P ev-filter >/dev/null || return 0
	# seen: the names taken, in lower case, behind an x (no key is then
	# "@" or "*", which some bash versions refuse)
	while IFS= read -r c; do
		[[ -n $c && -z ${seen[x${c,,}]-} ]] || continue
		seen[x${c,,}]=1
		cats+=("$c")
	done < <(for f in "${_ev_filter_feeds[@]}"; do
		head -c "$_ev_filter_maxbytes" -- "$f" 2>/dev/null |
		    command ev-filter "${_ev_filter_readopts[@]}" \
		    --list-categories 2>/dev/null
	done)
	_ev_filter_dequote "$cur"
	want=$REPLY
	for c in "${cats[@]}"; do
		[[ $c == "$want"* ]] && COMPREPLY+=("$c")
	done
	if ((${#COMPREPLY[@]} == 0)); then
		for c in "${cats[@]}"; do
			[[ ${c,,} == "${want,,}"* ]] && COMPREPLY+=("$c")
		done
	fi
	# in an open quote readline inserts them as they are; else they go
	# in escaped: "Kunst, Kultur" as Kunst,\ Kultur
	[[ $cur == [\'\"]* ]] && return 0
	for ((c = 0; c < ${#COMPREPLY[@]}; c++)); do
		_ev_filter_escape "${COMPREPLY[c]}"
		COMPREPLY[c]=$REPLY
	done
	return 0
}

# ---- the options ------------------------------------------------------

# The words an option's argument may be; 1 when the option takes no
# argument, 0 when it takes one (even one we cannot guess).
_ev_filter_arg()
{
	local opt=$1 cur=$2 w

	case $opt in
	--input-format) w='ics csv tsv' ;;
	--lang) w='de en' ;;
	--color) w='auto always never' ;;
	--tz) _ev_filter_zones; w=${_ev_filter_zone_cache-} ;;
	--now|--from|--to|--on) w=$_ev_filter_dates ;;
	--status)
		w='CONFIRMED TENTATIVE CANCELLED'
		# any case will do
		[[ $cur == [a-z]* ]] && w=${w,,} ;;
	--has|--missing) w=$_ev_filter_fields ;;
	--field)
		# NAME=REGEX: the name and its '='
		compopt -o nospace 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -W "$_ev_filter_fields" -S = -- "$cur")
		return 0 ;;
	--category)
		_ev_filter_categories "$cur"
		return 0 ;;
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
	-e|-n|--search|--max-count|--free-pattern|--uid)
		return 0 ;;
	*)
		return 1 ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$w" -- "$cur")
	return 0
}

_ev_filter()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix='' i

	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# After "--" every word is a file.
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [[ ${COMP_WORDS[i]} == -- ]]; then
			_ev_filter_files "$cur"
			return 0
		fi
	done

	# --opt=value: bash splits it at '=' (COMP_WORDBREAKS) into
	# "--opt" "=" "value"; without that split it is one word.
	if [[ $cur == = && $prev == --* ]]; then
		_ev_filter_arg "$prev" ''
		return 0
	fi
	if [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		_ev_filter_arg "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"
		return 0
	fi
	if [[ $cur == --*=* ]]; then
		prefix=${cur%%=*}=
		_ev_filter_arg "${cur%%=*}" "${cur#*=}" || return 0
		COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
		return 0
	fi
	# --field NAME=REGEX: nothing to offer for the REGEX
	if [[ $cur == = ]] && ((COMP_CWORD > 1)) &&
	    [[ ${COMP_WORDS[COMP_CWORD - 2]} == --field ]]; then
		return 0
	fi

	_ev_filter_arg "$prev" "$cur" && return 0

	if [[ $cur == -?* ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "$_ev_filter_longopts $_ev_filter_shortopts" -- "$cur")
		return 0
	fi
	if [[ $cur == - ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "- $_ev_filter_longopts $_ev_filter_shortopts" -- "$cur")
		return 0
	fi
	_ev_filter_files "$cur"
	return 0
}

complete -F _ev_filter ev-filter
