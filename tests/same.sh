#!/bin/sh
# Same bytes before and after: run every tool over every CLI test input with
# a matrix of option sets, and compare what they print with the transcripts
# recorded in tests/same/.  It is the safety net of a refactoring that must
# not change behaviour: record the transcripts with the code as it was,
# then every later build has to print exactly the same.
#
#   sh tests/same.sh [BINDIR]            compare (BINDIR: build/bin)
#   sh tests/same.sh --update [BINDIR]   record the transcripts anew, from
#                                        two runs that must agree
#
# tests/run.sh runs the comparison with the normal build; its --update
# leaves tests/same/ alone, so that rewriting the golden CLI tests never
# rewrites the "before" of a refactoring by accident.
#
# The inputs are the feeds in tests/data (and its subfolders), the stdin
# files of the event tools' CLI tests (tests/cli/ev-*/*.in; news-fmt's are
# articles) and the examples.  Every tool
# runs as tests/run.sh runs CLI cases: in tests/data, with TZ, EV_NOW and
# LANG fixed and LC_ALL, LC_TIME and NO_COLOR unset, so output depends on
# nothing but the code.  The matrix below (see "matrix") gives each option
# set a class: "*" runs it on every input, "csv" on the CSV and TSV ones,
# "few" on a handful of typical and awkward inputs, "<" on those few with
# the input on standard input instead of as a file operand.
#
# A transcript holds, per invocation,
#
#   ### ev-list --all -o csv basic.ics      (the command, in tests/data)
#   ...standard output, as it came...
#   --- stderr
#   ...standard error...
#   --- status 0
#
# (output that does not end in a newline runs into "--- stderr", so that
# the transcript stays byte for byte).  With --output, the file written
# follows "--- output file".  Two things keep tests/same/ small without
# losing a byte of what is compared: an invocation whose record is that of
# an earlier one with the same options says "--- same as" that one (many
# inputs give the same empty calendar, say); and a record of more than
# $cut bytes keeps its first and last lines only, with its size and
# cksum(1) in between ("--- cut"): run that command in tests/data, in the
# environment above, to see it all.
#
# There is one transcript per part of the matrix, tests/same/PART.txt; the
# parts run in parallel.  The last line is "N passed, N failed", N counting
# invocations; the exit status is 0 only when nothing failed.

top=$(cd "$(dirname "$0")/.." && pwd)
update=0
if [ "$1" = --update ]; then
	update=1
	shift
fi
bindir=${1:-$top/build/bin}
bindir=$(cd "$bindir" 2>/dev/null && pwd) || {
	echo "same.sh: no directory $1 (run make first)" >&2; exit 2; }
for t in ev-list ev-filter ev-cal; do
	[ -x "$bindir/$t" ] || { echo "same.sh: $bindir/$t missing (run make first)" >&2
		exit 2; }
done
want=$top/tests/same
# records larger than this many bytes are cut (see above)
cut=4096
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The environment of tests/run.sh's CLI cases.
cd "$top/tests/data" || exit 2
PATH=$bindir:$PATH
TZ=Europe/Berlin EV_NOW=2016-12-21T10:00:00+01:00 LANG=C.UTF-8
export PATH TZ EV_NOW LANG
unset LC_ALL LC_TIME NO_COLOR

# The inputs, relative to tests/data, in a fixed order (glob order follows
# the locale in some shells, sort with LC_ALL=C does not), as one line of
# words for the case patterns below: the feeds in tests/data and its
# subfolders (there are no others than ICS, CSV and TSV; the oracle's
# NAME.expected lists are not feeds), the stdin files of the CLI tests and
# the examples.
inputs=$({
	find . -type f \( -name '*.ics' -o -name '*.ical' -o -name '*.csv' \
	    -o -name '*.tsv' \) | sed 's|^\./||'
	for f in ../cli/ev-*/*.in ../../examples/*.ics ../../examples/*.csv; do
		[ -f "$f" ] && echo "$f"
	done
} | LC_ALL=C sort | tr '\n' ' ')
# The CSV and TSV inputs: by name, and the *.in files by content (ICS
# starts with BEGIN:, maybe after a byte order mark).
csvs=$(for f in $inputs; do
	case $f in
	*.csv|*.tsv) echo "$f" ;;
	*.in) first=; IFS= read -r first <"$f"
		case $first in *BEGIN:*|'') ;; *) echo "$f" ;; esac ;;
	esac
done | tr '\n' ' ')
# A few inputs for the rarer option sets: ICS, CSV with ';' and a BOM, TSV,
# series and overrides, every field, bad records, and the examples.
few=$(echo 'basic.ics termine.csv filter-events.tsv recur.ics rich.ics
bad.ics filter-price.ics ../cli/ev-list/input-csv-stdin.in
../../examples/veranstaltungen.ics ../../examples/termine.csv' | tr '\n' ' ')
for f in $few; do
	case " $inputs " in
	*" $f "*) ;;
	*) echo "same.sh: $f (of the few) is no input" >&2; exit 2 ;;
	esac
done

# The window of the agenda option sets: two years around EV_NOW.
W='--from 2016-01-01 --to 2017-12-31'

# matrix PART : the option sets of PART, one a line: a class (see above),
# then shell words after the tool name ($out is the file for --output, $W
# the window); lines that start with # are comments.  No line may appear
# twice in a part, since the command names the record.
matrix() {
	case $1 in
	ev-list-records) cat <<'EOF' ;;
* --all -o text
* --all -o ics
* --all -o csv
* --all -o tsv
* --all -o json
* --all -f '{start:%a %d.%m.%Y %H:%M} {summary} {location}'
# every field, a property, the escapes of a template
* --all -f '{uid}|{start}|{end}|{all_day}|{tz}|{summary}|{location}|{description}|{categories}|{price}|{url}|{status}|{organizer}|{recurrence_id}|{rrule}|{sequence}|{last_modified}|{X-PRICE}|{GEO}|{{}}\t\\'
* --all --no-sort -o csv
* --all --reverse -o csv
* --all -o csv --delimiter ';'
# --strict matters for bad records; the output needs not be long
* --all --strict -f '{uid}'
# CSV input read with a given delimiter or format, right or wrong
csv --all -o csv --delimiter tab
csv -i csv --all -o tsv
csv -i tsv --all -o csv
few -i ics --all -o csv
# --no-sort streams: another writer for every format
few --all --no-sort -o text
few --all --no-sort -o ics
few --all --no-sort -o tsv
few --all --no-sort -o json
few --all --no-sort -f '{uid} {summary}'
few --all --no-dedupe -o csv
few --all -n 2 -o csv
few --all --reverse -o ics
few --all --color always
few --all --lang de
few --all -o ics --calname 'Termine & Feste' --refresh PT12H
few --all -o ics --output "$out"
few --all -o csv --output "$out"
< --all -o csv
< --all -o json -
EOF
	ev-list-agenda) cat <<'EOF' ;;
* $W -o text
* $W -o ics
* $W -o csv
* $W -o tsv
* $W -o json
* $W --reverse
* $W --cancelled
* --lang de $W
* --month 2016-12
* --week
* --today
* $W --max-occurrences 3 -f '{start} {end} {uid}'
# every strftime conversion
* $W -f '{start:%Y %y %m %d %e %H %I %p %M %S %j %u %a %A %b %B %F %T %R %z %%} {end:%F %R %z} {recurrence_id:%F %T}|{uid}|{rrule}'
# the RFC examples of tests/data/oracle are in 1997, in New York time
* --tz America/New_York --from 1997-01-01 --to 1998-12-31
# the default window
few
few $W -n 3
few $W --no-sort -o csv
few $W --no-sort
few $W --no-dedupe
few $W --strict
few $W --color always
few --lang de $W --cancelled --color always
few --lang de $W -f '{start:%a %A %b %B %p %e} {summary}'
few --on 2016-12-24
few --on 2017-01
few --month 2016-12 -o ics --calname Termine --refresh P1D
few --tz America/New_York $W
few --tz UTC $W -o csv
few --now 2017-06-01 --week --lang de
few --from 2016-12-01 -o json --output "$out"
# the examples are in December 2026, as examples/demo.sh shows them
few --now 2026-12-01T09:00 --lang de --month
few --now 2026-12-01T09:00 --month -o ics
< $W -o csv
< --lang de $W -
EOF
	ev-filter) cat <<'EOF' ;;
*
* --weekend
* --free
* --paid
* --category Kinder
* -e Markt -i
* --expand --from 2016-12-01 --to 2016-12-31
* -c
* --list-categories
* --today
* --month 2016-12
* -v --free
* --from 2016-12-20 --to 2017-01-10
* --upcoming
* --strict -c
csv --delimiter ';'
csv --input-format csv
csv --input-format tsv
few --tomorrow
few --week
few --on 2016-12-24
few --has url
few --uid KRIPPENSPIEL-2016@neustadt.example --uid wm-2016@neustadt.example
few --missing end
few --field 'summary=[Kk]onzert'
few -w -F -e Markt
few --status cancelled
few --cancelled
few -n 2
few -n 0
few -q
few --expand --month 2016-12 -c
few --expand --week
few --list-categories --month 2016-12
few --tz UTC --on 2016-12-24
few --free-pattern eintritt --free
few --month 2016-12 --output "$out"
# the examples are in December 2026
few --now 2026-12-01T09:00 --weekend --free
few --now 2026-12-01T09:00 --month -c
<
< -c -
EOF
	ev-cal) cat <<'EOF' ;;
*
* -3
* --year 2016
* --month 2016-12 -o html
* --lang de --month 2017-01
* --color always
* --strict
# the RFC examples of tests/data/oracle
* --year 1997
csv --delimiter ';'
csv -i csv
few -o html -3 --lang en
few -o html --year 2016 --lang de
few --color always -3 --month 2016-12
few --color always --year 2016
few --tz UTC --month 2016-12
few --now 2016-12-24T12:00 --color always
few -o html --output "$out"
# the examples are in December 2026
few --now 2026-12-01T09:00 --lang de
< --month 2016-12
< --month 2016-12 -
EOF
	esac
}
parts='ev-list-records ev-list-agenda ev-filter ev-cal'

# run CLASS OPTS INPUT : one invocation of $TOOL, appended to $DIR/$PART.raw.
run() {
	_t=$DIR/$PART.raw
	_e=$tmp/$PART.err
	_class=$1 _in=$3
	_cmd=$TOOL${2:+ $2}
	if [ "$_class" = '<' ]; then
		printf '### %s < %s\n' "$_cmd" "$_in" >>"$_t"
	else
		printf '### %s %s\n' "$_cmd" "$_in" >>"$_t"
	fi
	eval "set -- $2"
	if [ "$_class" = '<' ]; then
		"$TOOL" "$@" <"$_in" >>"$_t" 2>"$_e"
	else
		"$TOOL" "$@" "$_in" </dev/null >>"$_t" 2>"$_e"
	fi
	_rc=$?
	echo '--- stderr' >>"$_t"
	# only --output names a temporary file
	[ -s "$_e" ] && sed "s|$tmp/|TMP/|g" "$_e" >>"$_t"
	if [ -f "$out" ]; then
		echo '--- output file' >>"$_t"
		cat "$out" >>"$_t"
		rm -f "$out"
	fi
	echo "--- status $_rc" >>"$_t"
	N=$((N + 1))
}

# part DIR PART : the transcript of PART in DIR/PART.raw, the number of
# invocations in DIR/PART.n.
part() {
	DIR=$1 PART=$2
	TOOL=${PART%-records}
	TOOL=${TOOL%-agenda}
	out=$tmp/$PART.output
	N=0
	: >"$DIR/$PART.raw"
	# the window once, not a sed per invocation
	m=$(matrix "$PART" | sed "s|[$]W|$W|g")
	dup=$(echo "$m" | grep -v '^#' | LC_ALL=C sort | uniq -d)
	if [ -n "$dup" ]; then
		echo "same.sh: $PART: twice in the matrix: $dup" >&2
		exit 2
	fi
	set -f
	for input in $inputs; do
		case " $csvs " in
		*" $input "*) csv=1 ;;
		*) csv=0 ;;
		esac
		case " $few " in
		*" $input "*) isfew=1 ;;
		*) isfew=0 ;;
		esac
		old=$IFS
		IFS='
'
		for line in $m; do
			IFS=$old
			case $line in '#'*) continue ;; esac
			class=${line%% *}
			opts=${line#"$class"}
			opts=${opts# }
			case $class in
			'*') ;;
			csv) [ $csv -eq 1 ] || continue ;;
			few|'<') [ $isfew -eq 1 ] || continue ;;
			*) echo "same.sh: $PART: bad class in: $line" >&2; exit 2 ;;
			esac
			run "$class" "$opts" "$input"
		done
		IFS=$old
	done
	echo "$N" >"$DIR/$PART.n"
}

# squeeze FILE : FILE with records repeated for another input or larger
# than $cut bytes shortened, as described at the top.  awk reads bytes
# (LC_ALL=C) and writes every line it keeps as it came.
squeeze() {
	LC_ALL=C awk -v cut="$cut" -v tmp="$tmp/squeeze.$$" '
	# A record is held as lines, line[1..n], and, while it is at most
	# $cut bytes, as one string too: appending to a string of megabytes
	# line by line would copy it every time.  A larger record is known
	# by its size and checksum.
	function flush(   key, id, i, h, part, got, c) {
		if (hdr == "")
			return
		key = hdr
		sub(/ (< )?[^ ]*$/, "", key)    # the options, without the input
		if (size > cut) {
			for (i = 1; i <= n; i++)
				print line[i] > tmp
			close(tmp)
			sum = "cksum < " tmp
			sum | getline got
			close(sum)
			split(got, c, " ")
			id = "cksum " got
		} else
			id = body
		if ((key, id) in seen) {
			printf "%s\n--- same as %s\n", hdr, seen[key, id]
		} else {
			seen[key, id] = substr(hdr, length(key) + 2)  # the input
			if (size <= cut) {
				printf "%s\n%s", hdr, body
			} else {
				printf "%s\n", hdr
				# whole lines from the start: at least one, up to
				# 20 or about 2 KB
				part = 0
				for (h = 1; h < n && h <= 20 && part < 2000; h++) {
					printf "%s\n", line[h]
					part += length(line[h]) + 1
				}
				printf "--- cut: %s bytes in all, cksum %s\n", c[2], c[1]
				# and the last 5, with the status
				for (i = n - 4 > h ? n - 4 : h; i <= n; i++)
					printf "%s\n", line[i]
			}
		}
		hdr = ""
		body = ""
		size = 0
		n = 0
	}
	/^### / { flush(); hdr = $0; next }
	{
		line[++n] = $0
		size += length($0) + 1
		if (size <= cut)
			body = body $0 "\n"
	}
	END { flush() }' "$1"
}

# all DIR : every part into DIR (raw transcripts as DIR/PART.raw), in
# parallel.
all() {
	mkdir -p "$1"
	for p in $parts; do
		part "$1" "$p" &
	done
	wait
	for p in $parts; do
		[ -f "$1/$p.n" ] || { echo "same.sh: $p did not finish" >&2; exit 2; }
		# "### " starts a record: no output may start a line so
		if [ "$(grep -c '^### ' "$1/$p.raw")" -ne "$(cat "$1/$p.n")" ]; then
			echo "same.sh: $p: output with lines that start with '### '" >&2
			exit 2
		fi
		# a transcript must not depend on where the tree or the
		# temporary directory is
		if grep -qF -e "$top" -e "$tmp" "$1/$p.raw"; then
			echo "same.sh: $p: an absolute path in the output:" >&2
			grep -nF -e "$top" -e "$tmp" "$1/$p.raw" | head -n 5 >&2
			exit 2
		fi
		squeeze "$1/$p.raw" >"$1/$p.txt"
	done
}

# compare WANT GOT PART : compare GOT/PART.txt with WANT/PART.txt; add to
# pass and fail, and show the first differences.
compare() {
	n=$(cat "$2/$3.n")
	if [ ! -f "$1/$3.txt" ]; then
		echo "FAIL: $3: no $1/$3.txt (record it: sh tests/same.sh --update)"
		fail=$((fail + n))
		return
	fi
	if cmp -s "$1/$3.txt" "$2/$3.txt"; then
		pass=$((pass + n))
		return
	fi
	# Which invocations differ: split both transcripts at their "### "
	# lines, and write the first few differing pairs out for diff.
	rm -f "$tmp"/d.*
	LC_ALL=C awk -v d="$tmp/d" '
	FNR == 1 { f++ }
	/^### / { k = $0; if (f == 1) w[k] = ""; else { g[k] = ""; o[++n] = k }; next }
	{ if (f == 1) w[k] = w[k] $0 "\n"; else g[k] = g[k] $0 "\n" }
	END {
		for (i = 1; i <= n; i++) {
			k = o[i]
			if ((k in w) && w[k] == g[k]) { same++; continue }
			bad++
			print k (k in w ? "" : "  (new: not recorded)") > (d ".list")
			if (bad <= 3) {
				printf "%s", (k in w ? w[k] : "") > (d "." bad ".want")
				printf "%s", g[k] > (d "." bad ".got")
			}
		}
		for (k in w)
			if (!(k in g)) {
				bad++
				print k "  (recorded, not run)" > (d ".list")
			}
		print same + 0, bad + 0 > (d ".count")
	}' "$1/$3.txt" "$2/$3.txt"
	read -r s b <"$tmp/d.count"
	if [ "$b" -eq 0 ]; then
		# every record agrees, the bytes do not
		b=1
		echo "### (the order of the records, or the end of the file)" >"$tmp/d.list"
	fi
	pass=$((pass + s))
	fail=$((fail + b))
	echo "FAIL: $3: $b of $n invocations differ from tests/same/$3.txt:"
	head -n 20 "$tmp/d.list" | sed 's/^### /    /'
	[ "$b" -gt 20 ] && echo "    ..."
	i=1
	while [ -f "$tmp/d.$i.got" ]; do
		echo "  $(sed -n "${i}p" "$tmp/d.list")"
		diff -u "$tmp/d.$i.want" "$tmp/d.$i.got" |
		    sed '1,2d; s/^/    /' | head -n 20
		i=$((i + 1))
	done
}

pass=0
fail=0
if [ $update -eq 1 ]; then
	# Two runs must agree, else the recording would make the check fail
	# at random.
	all "$tmp/a"
	all "$tmp/b"
	for p in $parts; do compare "$tmp/a" "$tmp/b" "$p"; done
	if [ $fail -ne 0 ]; then
		echo "same.sh: two runs differ, nothing recorded"
		echo "$pass passed, $fail failed"
		exit 1
	fi
	mkdir -p "$want"
	for p in $parts; do cp "$tmp/a/$p.txt" "$want/$p.txt"; done
	echo "recorded $pass invocations in tests/same"
	echo "$pass passed, 0 failed"
	exit 0
fi

all "$tmp/got"
for p in $parts; do compare "$want" "$tmp/got" "$p"; done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
