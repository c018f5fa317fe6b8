#!/bin/sh
# Check the shell completions against the tools' option tables.
#
# For every tool bin/TOOL.c: its long options are the lines of its
# `longopts` table (a tab, then {"name",), its short options the optstring
# of getopt_long.  The bash completion (completions/TOOL.bash) is run with
# COMP_WORDS/COMP_CWORD set as bash would; fish (completions/TOOL.fish)
# through `complete -C` when fish is installed; zsh (completions/_TOOL) is
# syntax-checked and grepped when zsh is installed.  A tool without
# completion files is reported and skipped.  The last line is
# "N passed, N failed"; the exit status is 0 only when nothing failed.
#
# The --category completion of ev-filter runs the ev-filter on PATH: the
# built one (build/bin, so run this after make) comes first.

top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/build/bin:$PATH
export PATH
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# A directory to complete file names in.
mkdir "$tmp/cwd" "$tmp/cwd/feeds"
: >"$tmp/cwd/kultur.ics"
: >"$tmp/cwd/termine.CSV"
: >"$tmp/cwd/notes.txt"
: >"$tmp/cwd/artikel.MD"

# Feeds for ev-filter --category (which ev-filter --list-categories reads):
# categories of VEVENTs only (not the calendar's), with parameters (one
# quoted, with a colon), an escaped comma, a folded line, a "CATEGORIES:"
# inside a folded DESCRIPTION, CRLF; a CSV with a quoted Kategorie column;
# a feed bigger than the 4 MiB the completions read, with one category at
# its start and one past 4 MiB; and, outside the directory, a feed that
# repeats two of the first one's categories in another case.
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 CATEGORIES:Kalender \
    BEGIN:VEVENT UID:1 DTSTART:20161224T180000Z CATEGORIES:Kinder,Musik \
    DESCRIPTION:Lange ' CATEGORIES:Falle' END:VEVENT \
    BEGIN:VEVENT UID:2 DTSTART:20161225T180000Z \
    'CATEGORIES;LANGUAGE=de:Märkte,Kunst\, Kultur' \
    'CATEGORIES;X-A="a:b":Theater' categories:Lese ' n, KINDER' \
    END:VEVENT END:VCALENDAR >"$tmp/cwd/feeds/kategorien.ics"
# a ';' CSV whose header has as many commas: only --delimiter ';' reads it
printf '%s\n' 'Titel;Beginn;Kategorie;Notiz,a,b,c' \
    'Konzert;24.12.2016 18:00;Musik;x' >"$tmp/punkt.csv"
printf '%s\n' 'Titel;Beginn;Kategorie' \
    '"Lesung; Gedichte";22.12.2016 19:00;"Film, Kino"' \
    'Markt;23.12.2016 10:00;Markt' >"$tmp/cwd/feeds/termine.csv"
awk 'BEGIN {
	ev = "BEGIN:VEVENT\r\nUID:%s\r\nDTSTART:20161224T180000Z\r\n%s\r\nEND:VEVENT\r\n"
	printf "BEGIN:VCALENDAR\r\n"
	printf ev, "a", "CATEGORIES:Anfang"
	for (i = 0; i < 40000; i++)
		printf ev, i, "DESCRIPTION:" sprintf("%100s", "")
	printf ev, "z", "CATEGORIES:Ende"
	printf "END:VCALENDAR\r\n"
}' >"$tmp/cwd/feeds/gross.ics"
mkdir "$tmp/more"
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 \
    BEGIN:VEVENT UID:3 DTSTART:20161226T180000Z CATEGORIES:KINDER,Zirkus,musik \
    END:VEVENT END:VCALENDAR >"$tmp/more/zwei.ics"
# a PATH with head but without ev-filter
mkdir "$tmp/noev"
ln -s "$(command -v head)" "$tmp/noev/head"
: >"$tmp/cwd/feeds/alt.iCal"
: >"$tmp/cwd/feeds/liste.tsv"
: >"$tmp/cwd/feeds/notes.txt"

# bcomp TOOL WORD... : the bash completions, one per line, for the command
# line WORD... with the cursor at the end of the last WORD (of word number
# $CWORD when that is set, the command being 0).
bcomp() {
	(cd "$tmp/cwd" && bash -c '
		file=$1; tool=$2; shift 2
		. "$file" || exit 90
		fn=$(complete -p "$tool" 2>/dev/null |
		    sed -n "s/.*-F \([^ ]*\) .*/\1/p")
		[ -n "$fn" ] || exit 91
		COMP_WORDS=("$@")
		COMP_CWORD=${CWORD:-$(($# - 1))}
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		"$fn" "$tool" "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
		printf "%s\n" "${COMPREPLY[@]}"
	' bcomp "$top/completions/$1.bash" "$@")
}

# fcomp TOOL LINE : fish's completions for LINE, without descriptions.
fcomp() {
	# shellcheck disable=SC2016 # fish expands $argv, not sh
	(cd "$tmp/cwd" && fish --no-config -c \
	    'source $argv[1]; complete -C $argv[2]' \
	    "$top/completions/$1.fish" "$2" | cut -f 1)
}

# has LIST WORD : LIST (lines) contains WORD.
has() { printf '%s\n' "$1" | grep -qxF -- "$2"; }

# expect WHAT GOT WORD... : GOT contains every WORD.
expect() {
	what=$1 got=$2
	shift 2
	for w in "$@"; do
		if has "$got" "$w"; then ok; else bad "$what: \"$w\" not offered"; fi
	done
}

# expect_not WHAT GOT WORD... : GOT contains none of the WORDs.
expect_not() {
	what=$1 got=$2
	shift 2
	for w in "$@"; do
		if has "$got" "$w"; then bad "$what: \"$w\" offered"; else ok; fi
	done
}

# exactly WHAT GOT WORD... : GOT is the WORDs, in any order.
exactly() {
	what=$1 got=$2
	shift 2
	want=$(for w in "$@"; do printf '%s\n' "$w"; done | sort)
	got=$(printf '%s\n' "$got" | sed '/^$/d' | sort)
	if [ "$got" = "$want" ]; then
		ok
	else
		bad "$what: got [$(printf '%s' "$got" | tr '\n' ' ')]," \
		    "want [$(printf '%s' "$want" | tr '\n' ' ')]"
	fi
}

# ---- bash --------------------------------------------------------------------

bash_generic() {
	t=$1 longs=$2 shorts=$3
	got=$(bcomp "$t" "$t" --)
	rc=$?
	if [ $rc -ge 90 ]; then
		bad "bash: completions/$t.bash does not register a -F function for $t"
		return
	fi
	for o in $longs; do
		expect "bash: $t --" "$got" "--$o"
	done
	got=$(bcomp "$t" "$t" -)
	for c in $shorts; do
		expect "bash: $t -" "$got" "-$c"
	done
	# prefixes narrow the list
	for o in $longs; do
		p=$(printf '%s' "--$o" | cut -c 1-4)
		got=$(bcomp "$t" "$t" "$p")
		expect "bash: $t $p" "$got" "--$o"
		if printf '%s\n' "$got" | grep -qv -- "^$p"; then
			bad "bash: $t $p offers words without that prefix"
		else
			ok
		fi
	done
}

bash_ev_list() {
	t=ev-list
	expect "bash: ev-list --fr" "$(bcomp $t $t --fr)" --from
	exactly "bash: ev-list -o" "$(bcomp $t $t -o '')" text ics csv tsv json
	exactly "bash: ev-list --output-format" "$(bcomp $t $t --output-format '')" \
	    text ics csv tsv json
	exactly "bash: ev-list -o t" "$(bcomp $t $t -o t)" text tsv
	exactly "bash: ev-list -i" "$(bcomp $t $t -i '')" ics csv tsv
	exactly "bash: ev-list --input-format" "$(bcomp $t $t --input-format '')" ics csv tsv
	exactly "bash: ev-list --lang" "$(bcomp $t $t --lang '')" de en
	exactly "bash: ev-list --color" "$(bcomp $t $t --color '')" auto always never
	exactly "bash: ev-list --delimiter" "$(bcomp $t $t --delimiter '')" , '\;' tab
	# --opt=value, split at '=' as bash does, and whole
	exactly "bash: ev-list --lang = " "$(bcomp $t $t --lang = '')" de en
	exactly "bash: ev-list --lang = d" "$(bcomp $t $t --lang = d)" de
	exactly "bash: ev-list --lang=d" "$(bcomp $t $t --lang=d)" --lang=de
	exactly "bash: ev-list --color=a" "$(bcomp $t $t --color=a)" \
	    --color=auto --color=always
	for o in --now --from --to --on; do
		got=$(bcomp $t $t $o '')
		exactly "bash: ev-list $o" "$got" today tomorrow yesterday heute \
		    morgen gestern now +1d +7d +30d
	done
	exactly "bash: ev-list --from h" "$(bcomp $t $t --from h)" heute
	if [ -d /usr/share/zoneinfo/Europe ]; then
		got=$(bcomp $t $t --tz '')
		expect "bash: ev-list --tz" "$got" Europe/Berlin UTC America/New_York
		expect_not "bash: ev-list --tz" "$got" posix/Europe/Berlin \
		    right/Europe/Berlin posixrules zone.tab tzdata.zi
		exactly "bash: ev-list --tz Europe/Ber" "$(bcomp $t $t --tz Europe/Ber)" \
		    Europe/Berlin
	fi
	# options whose argument cannot be guessed offer nothing
	for o in -n -f --format --max-occurrences --calname; do
		exactly "bash: ev-list $o" "$(bcomp $t $t $o '')"
	done
	# feeds: *.ics, *.csv (any case) and directories, nothing else
	got=$(bcomp $t $t '')
	exactly "bash: ev-list (feeds)" "$got" kultur.ics termine.CSV feeds
	got=$(bcomp $t $t --all k)
	exactly "bash: ev-list --all k" "$got" kultur.ics
	# --month takes its argument in the same word: a feed may follow
	exactly "bash: ev-list --month" "$(bcomp $t $t --month '')" \
	    kultur.ics termine.CSV feeds
	# --output takes any file
	expect "bash: ev-list --output" "$(bcomp $t $t --output '')" notes.txt
	# after -- only feeds
	exactly "bash: ev-list -- -" "$(bcomp $t $t -- -)"
}

bash_ev_filter() {
	t=ev-filter
	fields='uid start end all_day tz summary location description categories
	    price url status organizer recurrence_id rrule sequence last_modified'
	exactly "bash: ev-filter --input-format" "$(bcomp $t $t --input-format '')" \
	    ics csv tsv
	exactly "bash: ev-filter --lang" "$(bcomp $t $t --lang '')" de en
	exactly "bash: ev-filter --color" "$(bcomp $t $t --color '')" auto always never
	exactly "bash: ev-filter --delimiter" "$(bcomp $t $t --delimiter '')" , '\;' tab
	exactly "bash: ev-filter --status" "$(bcomp $t $t --status '')" \
	    CONFIRMED TENTATIVE CANCELLED
	exactly "bash: ev-filter --status c" "$(bcomp $t $t --status c)" \
	    confirmed cancelled
	# shellcheck disable=SC2046,SC2086 # the field names are words
	{
	exactly "bash: ev-filter --has" "$(bcomp $t $t --has '')" $fields
	exactly "bash: ev-filter --missing" "$(bcomp $t $t --missing '')" $fields
	exactly "bash: ev-filter --field" "$(bcomp $t $t --field '')" \
	    $(printf '%s=\n' $fields)
	}
	exactly "bash: ev-filter --field st" "$(bcomp $t $t --field st)" start= status=
	exactly "bash: ev-filter --field = st" "$(bcomp $t $t --field = st)" \
	    start= status=
	exactly "bash: ev-filter --field=st" "$(bcomp $t $t --field=st)" \
	    --field=start= --field=status=
	exactly "bash: ev-filter --field start=" "$(bcomp $t $t --field start =)"
	exactly "bash: ev-filter --field start=x" "$(bcomp $t $t --field start = x)"
	for o in --now --from --to --on; do
		exactly "bash: ev-filter $o" "$(bcomp $t $t $o '')" today tomorrow \
		    yesterday heute morgen gestern now +1d +7d +30d
	done
	if [ -d /usr/share/zoneinfo/Europe ]; then
		exactly "bash: ev-filter --tz Europe/Ber" "$(bcomp $t $t --tz Europe/Ber)" \
		    Europe/Berlin
	fi
	for o in -e -n --search --max-count --free-pattern --uid; do
		exactly "bash: ev-filter $o" "$(bcomp $t $t $o '')"
	done
	# feeds: *.ics, *.ical, *.csv, *.tsv (any case) and directories
	exactly "bash: ev-filter (feeds)" "$(bcomp $t $t '')" kultur.ics termine.CSV feeds
	exactly "bash: ev-filter feeds/" "$(bcomp $t $t feeds/)" feeds/kategorien.ics \
	    feeds/termine.csv feeds/gross.ics feeds/alt.iCal feeds/liste.tsv
	# -i is --ignore-case here, not the input format
	exactly "bash: ev-filter -i" "$(bcomp $t $t -i '')" kultur.ics termine.CSV feeds
	exactly "bash: ev-filter --month" "$(bcomp $t $t --month '')" \
	    kultur.ics termine.CSV feeds
	expect "bash: ev-filter --output" "$(bcomp $t $t --output '')" notes.txt
	exactly "bash: ev-filter -- -" "$(bcomp $t $t -- -)"

	# --category: the categories of the feeds named, escaped for the shell
	f=feeds/kategorien.ics
	exactly "bash: ev-filter $f --category" "$(bcomp $t $t $f --category '')" \
	    Kinder Musik Märkte 'Kunst,\ Kultur' Theater Lesen
	exactly "bash: ev-filter $f --category K" "$(bcomp $t $t $f --category K)" \
	    Kinder 'Kunst,\ Kultur'
	exactly "bash: ev-filter $f --category M" "$(bcomp $t $t $f --category M)" \
	    Musik Märkte
	exactly "bash: ev-filter $f --category kin" "$(bcomp $t $t $f --category kin)" \
	    Kinder
	exactly "bash: ev-filter $f --category 'Kunst" \
	    "$(bcomp $t $t $f --category "'Kunst")" 'Kunst, Kultur'
	exactly "bash: ev-filter $f --category Kunst,\\ K" \
	    "$(bcomp $t $t $f --category 'Kunst,\ K')" 'Kunst,\ Kultur'
	exactly "bash: ev-filter $f --category = Mu" \
	    "$(bcomp $t $t $f --category = Mu)" Musik
	exactly "bash: ev-filter $f --category=Mu" "$(bcomp $t $t $f --category=Mu)" \
	    --category=Musik
	exactly "bash: ev-filter --category (feed after it)" \
	    "$(CWORD=2 bcomp $t $t --category T $f)" Theater
	exactly "bash: ev-filter '$f' --category T" \
	    "$(bcomp $t $t "'$f'" --category T)" Theater
	# shellcheck disable=SC2088 # the completion expands ~/, not sh
	exactly "bash: ev-filter ~/kategorien.ics --category T" \
	    "$(HOME=$tmp/cwd/feeds bcomp $t $t '~/kategorien.ics' --category T)" Theater
	exactly "bash: ev-filter feeds/termine.csv --category" \
	    "$(bcomp $t $t feeds/termine.csv --category '')" Film Kino Markt
	exactly "bash: ev-filter feeds/gross.ics --category" \
	    "$(bcomp $t $t feeds/gross.ics --category '')" Anfang
	# two feeds: a category of both (in any case) once, as first seen
	exactly "bash: ev-filter $f zwei.ics --category" \
	    "$(bcomp $t $t $f "$tmp/more/zwei.ics" --category '')" \
	    Kinder Musik Märkte 'Kunst,\ Kultur' Theater Lesen Zirkus
	exactly "bash: ev-filter zwei.ics feeds/termine.csv --category" \
	    "$(bcomp $t $t "$tmp/more/zwei.ics" feeds/termine.csv --category '')" \
	    KINDER Zirkus musik Film Kino Markt
	# no feed named: nothing; neither option arguments nor stdin are feeds
	exactly "bash: ev-filter --category" "$(bcomp $t $t --category '')"
	for o in -e --search --output --out --uid --free-pattern; do
		exactly "bash: ev-filter $o $f --category" \
		    "$(bcomp $t $t $o $f --category '')"
	done
	exactly "bash: ev-filter -ce $f --category" "$(bcomp $t $t -ce $f --category '')"
	exactly "bash: ev-filter -n 3 $f --category T" \
	    "$(bcomp $t $t -n 3 $f --category T)" Theater
	exactly "bash: ev-filter --month 2016-12 $f --category T" \
	    "$(bcomp $t $t --month 2016-12 $f --category T)" Theater
	# the feed is read as the command line says: --delimiter and
	# --input-format (any form, abbreviated, quoted) go to ev-filter
	exactly "bash: ev-filter punkt.csv --category" \
	    "$(bcomp $t $t "$tmp/punkt.csv" --category '')"
	for d in "--delimiter ';'" "--delimiter = \\;" "--delim ';'" \
	    "--delimiter=';'"; do
		# shellcheck disable=SC2086 # $d is several words on purpose
		exactly "bash: ev-filter $d punkt.csv --category" \
		    "$(bcomp $t $t $d "$tmp/punkt.csv" --category '')" Musik
	done
	exactly "bash: ev-filter punkt.csv -i --delimiter ';' --category" \
	    "$(bcomp $t $t "$tmp/punkt.csv" -i --delimiter "';'" --category '')" Musik
	exactly "bash: ev-filter --input-format ics feeds/termine.csv --category" \
	    "$(bcomp $t $t --input-format ics feeds/termine.csv --category '')"
	exactly "bash: ev-filter --input-format=csv feeds/termine.csv --category" \
	    "$(bcomp $t $t --input-format=csv feeds/termine.csv --category '')" \
	    Film Kino Markt
	# an --in... that is not one option is no input format
	exactly "bash: ev-filter --in ics feeds/termine.csv --category" \
	    "$(bcomp $t $t --in ics feeds/termine.csv --category '')" \
	    Film Kino Markt
	# missing files and directories are passed over, silently
	err=$(cd "$tmp/cwd" && bash -c '. "$1"; COMP_WORDS=(ev-filter fehlt.ics feeds -
	    --category ""); COMP_CWORD=5; _ev_filter; printf "%s\n" "${COMPREPLY[@]}"' \
	    bcomp "$top/completions/$t.bash" 2>&1)
	exactly "bash: ev-filter fehlt.ics feeds - --category (output and errors)" "$err"
	# no ev-filter on PATH: nothing, silently
	# shellcheck disable=SC2016 # bash expands $1, not sh
	err=$(cd "$tmp/cwd" && PATH=$tmp/noev "$bash" -c '. "$1"
	    COMP_WORDS=(ev-filter feeds/kategorien.ics --category ""); COMP_CWORD=3
	    _ev_filter; printf "%s\n" "${COMPREPLY[@]}"' \
	    bcomp "$top/completions/$t.bash" 2>&1)
	exactly "bash: ev-filter --category, no ev-filter on PATH (output and errors)" "$err"
}

# ---- fish --------------------------------------------------------------------

fish_generic() {
	t=$1 longs=$2 shorts=$3 f=$top/completions/$1.fish
	if fish -n "$f"; then ok; else bad "fish: fish -n $f"; return; fi
	got=$(fcomp "$t" "$t --")
	for o in $longs; do
		expect "fish: $t --" "$got" "--$o"
	done
	got=$(fcomp "$t" "$t -")
	for c in $shorts; do
		expect "fish: $t -" "$got" "-$c"
	done
}

fish_ev_list() {
	t=ev-list
	exactly "fish: ev-list -o" "$(fcomp $t 'ev-list -o ')" text ics csv tsv json
	exactly "fish: ev-list --output-format" "$(fcomp $t 'ev-list --output-format ')" \
	    text ics csv tsv json
	exactly "fish: ev-list -i" "$(fcomp $t 'ev-list -i ')" ics csv tsv
	exactly "fish: ev-list --lang" "$(fcomp $t 'ev-list --lang ')" de en
	exactly "fish: ev-list --color" "$(fcomp $t 'ev-list --color ')" auto always never
	exactly "fish: ev-list --delimiter" "$(fcomp $t 'ev-list --delimiter ')" , ';' tab
	exactly "fish: ev-list --from" "$(fcomp $t 'ev-list --from ')" today tomorrow \
	    yesterday heute morgen gestern now +1d +7d +30d
	if [ -d /usr/share/zoneinfo/Europe ]; then
		got=$(fcomp $t 'ev-list --tz ')
		expect "fish: ev-list --tz" "$got" Europe/Berlin UTC
		expect_not "fish: ev-list --tz" "$got" posix/Europe/Berlin \
		    right/Europe/Berlin zone.tab
	fi
	exactly "fish: ev-list (feeds)" "$(fcomp $t 'ev-list ')" \
	    kultur.ics termine.CSV feeds/
	expect "fish: ev-list --output" "$(fcomp $t 'ev-list --output ')" notes.txt
}

fish_ev_filter() {
	t=ev-filter
	exactly "fish: ev-filter --input-format" "$(fcomp $t 'ev-filter --input-format ')" \
	    ics csv tsv
	exactly "fish: ev-filter --lang" "$(fcomp $t 'ev-filter --lang ')" de en
	exactly "fish: ev-filter --color" "$(fcomp $t 'ev-filter --color ')" auto always never
	exactly "fish: ev-filter --delimiter" "$(fcomp $t 'ev-filter --delimiter ')" , ';' tab
	exactly "fish: ev-filter --status" "$(fcomp $t 'ev-filter --status ')" \
	    CONFIRMED TENTATIVE CANCELLED
	exactly "fish: ev-filter --field st" "$(fcomp $t 'ev-filter --field st')" start= status=
	exactly "fish: ev-filter --has st" "$(fcomp $t 'ev-filter --has st')" start status
	exactly "fish: ev-filter --from" "$(fcomp $t 'ev-filter --from ')" today tomorrow \
	    yesterday heute morgen gestern now +1d +7d +30d
	exactly "fish: ev-filter (feeds)" "$(fcomp $t 'ev-filter ')" \
	    kultur.ics termine.CSV feeds/
	exactly "fish: ev-filter feeds/" "$(fcomp $t 'ev-filter feeds/')" feeds/kategorien.ics \
	    feeds/termine.csv feeds/gross.ics feeds/alt.iCal feeds/liste.tsv
	exactly "fish: ev-filter -i" "$(fcomp $t 'ev-filter -i ')" \
	    kultur.ics termine.CSV feeds/
	expect "fish: ev-filter --output" "$(fcomp $t 'ev-filter --output ')" notes.txt

	f=feeds/kategorien.ics
	exactly "fish: ev-filter $f --category" "$(fcomp $t "ev-filter $f --category ")" \
	    Kinder Musik Märkte 'Kunst, Kultur' Theater Lesen
	exactly "fish: ev-filter $f --category K" "$(fcomp $t "ev-filter $f --category K")" \
	    Kinder 'Kunst, Kultur'
	exactly "fish: ev-filter $f --category=Mu" \
	    "$(fcomp $t "ev-filter $f --category=Mu")" --category=Musik
	exactly "fish: ev-filter '$f' --category T" \
	    "$(fcomp $t "ev-filter '$f' --category T")" Theater
	exactly "fish: ev-filter feeds/termine.csv --category" \
	    "$(fcomp $t 'ev-filter feeds/termine.csv --category ')" Film Kino Markt
	exactly "fish: ev-filter feeds/gross.ics --category" \
	    "$(fcomp $t 'ev-filter feeds/gross.ics --category ')" Anfang
	# the feed is read as --delimiter and --input-format say
	exactly "fish: ev-filter punkt.csv --category" \
	    "$(fcomp $t "ev-filter $tmp/punkt.csv --category ")"
	for d in "--delimiter ';'" "--delim ';'" "--delimiter=';'" "--delimiter=\\;"; do
		exactly "fish: ev-filter $d punkt.csv --category" \
		    "$(fcomp $t "ev-filter $d $tmp/punkt.csv --category ")" Musik
	done
	exactly "fish: ev-filter --input-format ics feeds/termine.csv --category" \
	    "$(fcomp $t 'ev-filter --input-format ics feeds/termine.csv --category ')"
	exactly "fish: ev-filter --input-f=csv feeds/termine.csv --category" \
	    "$(fcomp $t 'ev-filter --input-f=csv feeds/termine.csv --category ')" \
	    Film Kino Markt
	exactly "fish: ev-filter --in ics feeds/termine.csv --category" \
	    "$(fcomp $t 'ev-filter --in ics feeds/termine.csv --category ')" \
	    Film Kino Markt
	exactly "fish: ev-filter $f zwei.ics --category" \
	    "$(fcomp $t "ev-filter $f $tmp/more/zwei.ics --category ")" \
	    Kinder Musik Märkte 'Kunst, Kultur' Theater Lesen Zirkus
	exactly "fish: ev-filter --category" "$(fcomp $t 'ev-filter --category ')"
	for o in -e --output --uid; do
		exactly "fish: ev-filter $o $f --category" \
		    "$(fcomp $t "ev-filter $o $f --category ")"
	done
	exactly "fish: ev-filter -n 3 $f --category T" \
	    "$(fcomp $t "ev-filter -n 3 $f --category T")" Theater
	# shellcheck disable=SC2016 # fish expands $argv, not sh
	got=$(cd "$tmp/cwd" && fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
	    "$top/completions/$t.fish" 'ev-filter fehlt.ics feeds - --category ' 2>&1)
	exactly "fish: ev-filter fehlt.ics feeds - --category (output and errors)" "$got"
	# shellcheck disable=SC2016 # fish expands $argv, not sh
	got=$(cd "$tmp/cwd" && PATH=$tmp/noev "$fish" --no-config -c \
	    'source $argv[1]; complete -C $argv[2]' \
	    "$top/completions/$t.fish" "ev-filter $f --category " 2>&1)
	exactly "fish: ev-filter --category, no ev-filter on PATH (output and errors)" "$got"
}

# ---- zsh ---------------------------------------------------------------------

# zcats WORD... : what _ev-filter_categories of completions/_ev-filter offers
# for the command line WORD... with the cursor on the last WORD (on word
# $CWORD when that is set, the command being 1; with PATH set to $ZPATH
# when that is set); compadd and _wanted are stand-ins that print the
# candidates.
zcats() {
	(cd "$tmp/cwd" && zsh -f -c '
		f=$1; shift
		_arguments() { : }
		. $f || exit 90
		_wanted() { shift 3; "$@" }
		compadd() {
			while (( $# )); do
				case $1 in
				-a) shift; for a; do print -rl -- ${(P)a}; done; return 0 ;;
				-[MJVXxSPpsWd]) shift 2 ;;
				*) shift ;;
				esac
			done
		}
		words=( "$@" )
		CURRENT=${CWORD:-$#}
		[[ -n $ZPATH ]] && PATH=$ZPATH
		_ev-filter_categories
	' zcats "$top/completions/_ev-filter" "$@")
}

zsh_ev_filter() {
	t=ev-filter f=feeds/kategorien.ics
	exactly "zsh: ev-filter $f --category" "$(zcats $t $f --category '')" \
	    Kinder Musik Märkte 'Kunst, Kultur' Theater Lesen
	exactly "zsh: ev-filter --category (feed after it)" \
	    "$(CWORD=3 zcats $t --category '' feeds/termine.csv)" Film Kino Markt
	exactly "zsh: ev-filter '$f' --category" "$(zcats $t "'$f'" --category T)" \
	    Kinder Musik Märkte 'Kunst, Kultur' Theater Lesen
	exactly "zsh: ev-filter feeds/gross.ics --category" \
	    "$(zcats $t feeds/gross.ics --category '')" Anfang
	exactly "zsh: ev-filter $f zwei.ics --category" \
	    "$(zcats $t $f "$tmp/more/zwei.ics" --category '')" \
	    Kinder Musik Märkte 'Kunst, Kultur' Theater Lesen Zirkus
	exactly "zsh: ev-filter --category" "$(zcats $t --category '')"
	for o in -e --search --output --out; do
		exactly "zsh: ev-filter $o $f --category" "$(zcats $t $o $f --category '')"
	done
	exactly "zsh: ev-filter -ce $f --category" "$(zcats $t -ce $f --category '')"
	# the feed is read as --delimiter and --input-format say
	exactly "zsh: ev-filter punkt.csv --category" \
	    "$(zcats $t "$tmp/punkt.csv" --category '')"
	for d in "--delimiter ';'" "--delim ';'" "--delimiter=';'" "--delimiter=\\;"; do
		# shellcheck disable=SC2086 # $d is several words on purpose
		exactly "zsh: ev-filter $d punkt.csv --category" \
		    "$(zcats $t $d "$tmp/punkt.csv" --category '')" Musik
	done
	exactly "zsh: ev-filter --input-format ics feeds/termine.csv --category" \
	    "$(zcats $t --input-format ics feeds/termine.csv --category '')"
	exactly "zsh: ev-filter --input-f=csv feeds/termine.csv --category" \
	    "$(zcats $t --input-f=csv feeds/termine.csv --category '')" Film Kino Markt
	exactly "zsh: ev-filter --in ics feeds/termine.csv --category" \
	    "$(zcats $t --in ics feeds/termine.csv --category '')" Film Kino Markt
	got=$(zcats $t fehlt.ics feeds - --category '' 2>&1)
	exactly "zsh: ev-filter fehlt.ics feeds - --category (output and errors)" "$got"
	got=$(ZPATH=$tmp/noev zcats $t $f --category '' 2>&1)
	exactly "zsh: ev-filter --category, no ev-filter on PATH (output and errors)" "$got"
}

# What the completions offer, ev-filter selects: each category of
# feeds/kategorien.ics picks at least one event (when ev-filter is built).
ev_filter_agrees() {
	e=$top/build/bin/ev-filter
	[ -x "$e" ] || return 0
	for c in Kinder Musik Märkte 'Kunst, Kultur' Theater Lesen; do
		n=$(cd "$tmp/cwd" && "$e" --category "$c" -c feeds/kategorien.ics)
		if [ "${n:-0}" -ge 1 ]; then ok; else
			bad "ev-filter --category '$c' feeds/kategorien.ics selects nothing"; fi
	done
	n=$(cd "$tmp/cwd" && "$e" --category Kalender -c feeds/kategorien.ics)
	if [ "${n:-0}" -eq 0 ]; then ok; else
		bad "ev-filter --category Kalender: the calendar's category selects"; fi
	# the completions offer Anfang alone for feeds/gross.ics only because
	# they read 4 MiB of it: the whole feed has Ende too
	got=$(cd "$tmp/cwd" && "$e" --list-categories feeds/gross.ics 2>&1)
	exactly "ev-filter --list-categories feeds/gross.ics" "$got" Anfang Ende
}

zsh_generic() {
	t=$1 longs=$2 shorts=$3 f=$top/completions/_$1
	if zsh -n "$f"; then ok; else bad "zsh: zsh -n $f"; return; fi
	if head -n 1 "$f" | grep -q "^#compdef $t\$"; then ok; else
		bad "zsh: $f does not start with #compdef $t"; fi
	for o in $longs; do
		if grep -Eq -- "--$o([]=+[}',\"]|\$)" "$f"; then ok; else
			bad "zsh: --$o missing from $f"; fi
	done
	for c in $shorts; do
		if grep -q -- "[{'(]-${c}[+=[,]" "$f"; then ok; else
			bad "zsh: -$c missing from $f"; fi
	done
}

# ---- news-fmt ----------------------------------------------------------------

bash_news_fmt() {
	t=news-fmt
	exactly "bash: news-fmt -i" "$(bcomp $t $t -i '')" hdr md ics csv tsv
	exactly "bash: news-fmt --group" "$(bcomp $t $t --group '')" day category
	exactly "bash: news-fmt --time-style=" "$(bcomp $t $t --time-style=d)" \
	    --time-style=duden --time-style=din
	exactly "bash: news-fmt -o" "$(bcomp $t $t -o '')" text md html json jsonld rss atom jsonfeed
	exactly "bash: news-fmt --st" "$(bcomp $t $t --st)" --standalone --strict
	exactly "bash: news-fmt --lang" "$(bcomp $t $t --lang '')" de de-CH en
	exactly "bash: news-fmt -w" "$(bcomp $t $t -w '')" 0 60 72 80 100
	exactly "bash: news-fmt --nbsp=" "$(bcomp $t $t --nbsp=n)" \
	    --nbsp=narrow --nbsp=normal
	expect "bash: news-fmt --d" "$(bcomp $t $t --d)" --diff
	exactly "bash: news-fmt --disable missing-" "$(bcomp $t $t --disable missing-)" \
	    missing-title missing-lead missing-alt missing-credit
	# articles: .txt and .md files (any case) and directories; events
	# for --digest: .ics and .csv files
	exactly "bash: news-fmt (articles)" "$(bcomp $t $t '')" \
	    artikel.MD feeds notes.txt kultur.ics termine.CSV
}

fish_news_fmt() {
	t=news-fmt
	exactly "fish: news-fmt -i" "$(fcomp $t 'news-fmt -i ')" hdr md ics csv tsv
	exactly "fish: news-fmt --group" "$(fcomp $t 'news-fmt --group ')" day category
	exactly "fish: news-fmt -o" "$(fcomp $t 'news-fmt -o ')" text md html json jsonld rss atom jsonfeed
	exactly "fish: news-fmt --sta" "$(fcomp $t 'news-fmt --sta')" --standalone
	exactly "fish: news-fmt --lang" "$(fcomp $t 'news-fmt --lang ')" de de-CH en
	exactly "fish: news-fmt --nbsp" "$(fcomp $t 'news-fmt --nbsp ')" narrow normal
	exactly "fish: news-fmt --enable quote-" "$(fcomp $t 'news-fmt --enable quote-')" \
	    quote-unpaired quote-mismatch quote-straight
	exactly "fish: news-fmt (articles)" "$(fcomp $t 'news-fmt ')" \
	    artikel.MD notes.txt feeds/ kultur.ics termine.CSV
}

# ---- every tool ----------------------------------------------------------------

command -v fish >/dev/null 2>&1 || echo "note: fish not installed, fish completions not tested"
command -v zsh >/dev/null 2>&1 || echo "note: zsh not installed, zsh completions not tested"
[ -x "$top/build/bin/ev-filter" ] ||
    echo "note: build/bin/ev-filter missing (run make): its --category completions fail"
# the shells by full name, for the runs without ev-filter on PATH
bash=$(command -v bash)
fish=$(command -v fish)

for src in "$top"/bin/*.c; do
	t=$(basename "$src" .c)
	longs=$(sed -n 's/^	{"\([a-z0-9-]*\)",.*/\1/p' "$src")
	shorts=$(sed -n 's/.*getopt_long([^"]*"\([^"]*\)".*/\1/p' "$src" |
	    head -n 1 | tr -d ':' | sed 's/./& /g')
	if [ -z "$longs" ]; then
		bad "$t: no option table found in $src"
		continue
	fi
	if [ ! -f "$top/completions/$t.bash" ]; then
		echo "note: $t has no completions yet, skipped"
		continue
	fi
	bash_generic "$t" "$longs" "$shorts"
	[ "$t" = ev-list ] && bash_ev_list
	[ "$t" = news-fmt ] && bash_news_fmt
	if [ "$t" = ev-filter ]; then
		bash_ev_filter
		ev_filter_agrees
	fi
	if command -v fish >/dev/null 2>&1; then
		if [ -f "$top/completions/$t.fish" ]; then
			fish_generic "$t" "$longs" "$shorts"
			[ "$t" = ev-list ] && fish_ev_list
			[ "$t" = ev-filter ] && fish_ev_filter
			[ "$t" = news-fmt ] && fish_news_fmt
		else
			bad "fish: completions/$t.fish missing"
		fi
	fi
	if command -v zsh >/dev/null 2>&1; then
		if [ -f "$top/completions/_$t" ]; then
			zsh_generic "$t" "$longs" "$shorts"
			[ "$t" = ev-filter ] && zsh_ev_filter
		else
			bad "zsh: completions/_$t missing"
		fi
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
