# bash completion for news-fmt(1)                        -*- shell-script -*-
# Works with or without the bash-completion package: it reads COMP_WORDS
# and COMP_CWORD itself, so tests can drive it directly.

_news_fmt_longopts='--input-format --output-format --standalone --nbsp --no-typo --fix
--diff --check --slug --teaser --width --disable --enable --max-sentence --terms --spell --dict --feed-title --feed-url --base-url
--digest --from --to --title --kicker --group --time-style --delimiter --output --now --tz --lang --color --strict --help --version'
_news_fmt_shortopts='-h -V -i -o -w'
_news_fmt_dates='today tomorrow yesterday heute morgen gestern now +1d +7d +30d'

# Articles: *.txt and *.md files (--digest: events, *.ics and *.csv)
# and directories to descend into.
_news_fmt_files()
{
	local cur=$1

	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -d -- "$cur"
	    compgen -f -X '!*.[tT][xX][tT]' -- "$cur"
	    compgen -f -X '!*.[mM][dD]' -- "$cur"
	    compgen -f -X '!*.[iI][cC][sS]' -- "$cur"
	    compgen -f -X '!*.[cC][sS][vV]' -- "$cur")
}

# The words an option's argument may be; 1 when the option takes none.
_news_fmt_arg()
{
	local opt=$1 cur=$2 w

	case $opt in
	-i|--input-format) w='hdr md ics csv tsv' ;;
	-o|--output-format) w='text md html json jsonld rss atom jsonfeed' ;;
	-w|--width) w='0 60 72 80 100' ;;
	--teaser) w='120 160 200 300' ;;
	--base-url) w='https://' ;;
	--nbsp) w='narrow normal' ;;
	--from|--to) w=$_news_fmt_dates ;;
	--title|--kicker) return 0 ;;
	--group) w='day category' ;;
	--time-style) w='duden din' ;;
	--delimiter) w=', ; tab' ;;
	--max-sentence) w='20 25 30 40' ;;
	--terms|--dict)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return 0 ;;
	--disable|--enable) w='all quote-unpaired quote-mismatch quote-straight bracket-unpaired bracket-mismatch space-double space-punct word-repeat invisible nfd date-weekday sentence-long term spell time-style date-order missing-title missing-lead missing-alt missing-credit' ;;
	--feed-title) w='' ;;
	--feed-url|--base-url) w='https://' ;;
	--lang) w='de de-CH en' ;;
	--color) w='auto always never' ;;
	--now) w=$_news_fmt_dates ;;
	--tz)
		w=$(cd /usr/share/zoneinfo 2>/dev/null && find . \
		    \( -path ./posix -o -path ./right \) -prune -o \
		    \( -type f -o -type l \) -print 2>/dev/null |
		    sed -n 's|^\./\([A-Z]\)|\1|p') ;;
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

_news_fmt()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix='' i

	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	for ((i = 1; i < COMP_CWORD; i++)); do
		if [[ ${COMP_WORDS[i]} == -- ]]; then
			_news_fmt_files "$cur"
			return 0
		fi
	done
	# --opt=value, split by bash at '=' or not
	if [[ $cur == = && $prev == --* ]]; then
		_news_fmt_arg "$prev" ''
		return 0
	fi
	if [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		_news_fmt_arg "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"
		return 0
	fi
	if [[ $cur == --*=* ]]; then
		prefix=${cur%%=*}=
		_news_fmt_arg "${cur%%=*}" "${cur#*=}" || return 0
		COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
		return 0
	fi
	_news_fmt_arg "$prev" "$cur" && return 0
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W \
		    "$_news_fmt_longopts $_news_fmt_shortopts" -- "$cur")
		[[ $cur == - ]] && COMPREPLY+=(-)
		return 0
	fi
	_news_fmt_files "$cur"
	return 0
}

complete -F _news_fmt news-fmt
