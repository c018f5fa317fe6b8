#!/bin/sh
# bench/run.sh - speed and memory of ev-list and ev-filter against
# libical, as ratios.
#
# Everything is measured in this one run on this machine: the numbers are
# ratios against a baseline timed a moment before, never absolute limits,
# so a slow or busy machine changes the seconds but hardly the ratios.
# Targets (issue "ev-list", Speed):
#   ev-list --all -o csv at least 10x faster than icalparser_parse alone;
#   peak RSS of --all --no-sort -o ics|csv|json under 32 MB at any size.
# Targets (issue "ev-filter", Speed; bench/filter.sh, sourced here):
#   ev-filter -e REGEX and --weekend --free on a 1,000,000-event feed at
#   1 GB/s or more (the one absolute rate), 20x the MB/s of
#   icalparser_parse or more, -e within 10x of grep -c's time; peak RSS
#   at most 16 MB at any size.
# It prints PASS or MISS per target and exits 0; 1 when a command failed
# to run, 2 when the benchmark could not be set up.
#
# Then lib/'s own code against the libical code it stands in for, in one
# process each (bench/zones.c, bench/expand.c): ratios, no targets.
#
# Then the typography pass of libnews (bench/typo.c) on generated German
# article text, against a sed pass over the same file: MB/s and the
# ratio, no targets (issue 9: "linear in the article's size; bench/
# measures it").
#
# Then lib/fold.c's case folding (utf8proc) against the table it had
# before (bench/fold.c, bench/casefold.c) on header and category names,
# in one process: ratios, no targets (issue 9: "measured in bench/
# against today's").
#
# Environment: BENCH_ONLY (the parts to run, of "list lib filter typo
# fold": ev-list, lib/ against libical, ev-filter, typography, case
# folding; default all), BENCH_TYPO_MB (4, the size of the text typo
# reads), BENCH_FOLD_N (2000000, comparisons per set), EV_LIST (default
# build/bin/ev-list), BENCH_EVENTS (100000), BENCH_RUNS (3, best taken),
# BENCH_EXPAND_EVENTS (20000), CC (cc), CFLAGS (-O2); for ev-filter see
# bench/filter.sh.
set -u

cd "$(dirname "$0")/.." || exit 2

OUT=bench/out
EV=${EV_LIST:-build/bin/ev-list}
N=${BENCH_EVENTS:-100000}
BIG=$((N * 4))
RUNS=${BENCH_RUNS:-3}
EXPN=${BENCH_EXPAND_EVENTS:-20000}
EXPFEED=$OUT/expand.ics
LIB=build/libevkit.a
NEWSLIB=build/libnews.a
TYPO_MB=${BENCH_TYPO_MB:-4}
TEXT=$OUT/typo.txt
FOLD_N=${BENCH_FOLD_N:-2000000}
CC=${CC:-cc}
BCFLAGS=${CFLAGS:--O2}
TIME=/usr/bin/time
FEED=$OUT/feed.ics
SPEED_TARGET=10
RSS_TARGET=32
ONLY=$(printf '%s\n' "${BENCH_ONLY:-list lib filter typo fold}" | tr ',' ' ')
failed=0
okrc="0 3"		# the exit statuses best takes for success

# Times and zones must not depend on the machine's settings.
TZ=Europe/Berlin
LC_ALL=C
export TZ LC_ALL

die()
{
	printf 'bench: %s\n' "$*" >&2
	exit 2
}

note()
{
	printf 'bench: %s\n' "$*" >&2
}

# want PART: PART (list, lib or filter) is to be run
want()
{
	case " $ONLY " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# ---- set up ------------------------------------------------------------

for _p in $ONLY; do
	case $_p in
	list | lib | filter | typo | fold) ;;
	*) die "BENCH_ONLY: no part \"$_p\" (list, lib, filter, typo, fold)" ;;
	esac
done
[ -n "$(printf '%s' "$ONLY" | tr -d ' ')" ] ||
	die "BENCH_ONLY names no part (list, lib, filter, typo, fold)"
! want list || [ -x "$EV" ] || die "$EV is missing: run make first"
! want lib || [ -f "$LIB" ] || die "$LIB is missing: run make first"
! want fold || [ -f "$LIB" ] || die "$LIB is missing: run make first"
! want typo || { [ -f "$LIB" ] && [ -f "$NEWSLIB" ]; } ||
	die "$NEWSLIB or $LIB is missing: run make first"
$TIME -f %M -o /dev/null true 2>/dev/null ||
	die "$TIME is not GNU time (apt-get install time)"
pkg-config --exists libical || die "pkg-config does not know libical"
mkdir -p "$OUT" || die "cannot create $OUT"

# shellcheck disable=SC2086
$CC -std=c11 -D_POSIX_C_SOURCE=200809L $BCFLAGS -o "$OUT/gen" bench/gen.c ||
	die "cannot build bench/gen.c"
# shellcheck disable=SC2086
$CC -std=c11 -D_POSIX_C_SOURCE=200809L $BCFLAGS -o "$OUT/timeit" \
	bench/timeit.c || die "cannot build bench/timeit.c"
# shellcheck disable=SC2046,SC2086
$CC -std=c11 -D_POSIX_C_SOURCE=200809L $BCFLAGS \
	$(pkg-config --cflags libical) -o "$OUT/icalparse" bench/icalparse.c \
	$(pkg-config --libs libical) || die "cannot build bench/icalparse.c"
# Our code against libical's, linked with the library as the tools are.
want lib && for b in zones expand; do
	# shellcheck disable=SC2046,SC2086
	$CC -std=c11 -D_POSIX_C_SOURCE=200809L $BCFLAGS -Ilib \
	    $(pkg-config --cflags libical) -o "$OUT/$b" "bench/$b.c" "$LIB" \
	    $(pkg-config --libs libical libpcre2-8 libutf8proc) -lcsv -lm ||
		die "cannot build bench/$b.c"
done
# The typography pass, linked as news-fmt will be.
if want typo; then
	# shellcheck disable=SC2046,SC2086
	$CC -std=c11 -D_POSIX_C_SOURCE=200809L $BCFLAGS -Ilib -Ilib/news \
	    -o "$OUT/typo" bench/typo.c "$NEWSLIB" "$LIB" \
	    $(pkg-config --libs libutf8proc) || die "cannot build bench/typo.c"
fi
# Case folding: lib/fold.c against the table it had before.
if want fold; then
	# shellcheck disable=SC2046,SC2086
	$CC -std=c11 -D_POSIX_C_SOURCE=200809L $BCFLAGS -Ilib \
	    $(pkg-config --cflags libutf8proc) -o "$OUT/fold" bench/fold.c \
	    bench/casefold.c "$LIB" $(pkg-config --libs libutf8proc) ||
		die "cannot build bench/fold.c"
fi
# ev-filter's settings, checked now, and bench_filter, its part.
if want filter; then
	# Lint both with shellcheck -x bench/run.sh bench/filter.sh.
	# shellcheck source=bench/filter.sh disable=SC1091
	. bench/filter.sh
fi

# ---- helpers -----------------------------------------------------------

# timed OUTFILE CMD...: run CMD once, stdout to /dev/null, stderr to
# $OUT/err; "SECONDS KB" of the run in OUTFILE's last line (timeit: GNU
# time's %e has only 10 ms resolution).  Returns the command's status.
timed()
{
	_o=$1
	shift
	"$OUT/timeit" "$_o" "$@" >/dev/null 2>"$OUT/err"
}

# last line of the time file: "SECONDS KB"
tline()
{
	tail -n 1 "$1"
}

# best LABEL CMD...: best wall time of RUNS runs; sets $secs and $kb
# ("-" when the command failed) and prints nothing.  An exit status not
# in $okrc is a failure.
best()
{
	_label=$1
	shift
	secs=-
	kb=-
	_i=0
	while [ "$_i" -lt "$RUNS" ]; do
		_i=$((_i + 1))
		timed "$OUT/t" "$@"
		_rc=$?
		case " $okrc " in
		*" $_rc "*) ;;
		*)
			note "$_label: exit status $_rc"
			sed -n '1,5s/^/    /p' "$OUT/err" >&2
			failed=1
			secs=-
			kb=-
			return 1
			;;
		esac
		if [ "$_rc" -eq 3 ] && [ "$_i" -eq 1 ]; then
			note "$_label: exit 3, something in the input was reported:"
			sed -n '1,5s/^/    /p' "$OUT/err" >&2
		fi
		_l=$(tline "$OUT/t")
		secs=$(printf '%s\n%s\n' "$secs" "${_l% *}" |
		    awk '$1 != "-" && (b == "" || $1 + 0 < b + 0) { b = $1 }
			END { print b }')
		kb=${_l#* }
	done
	return 0
}

# ratio BASE T: how many times faster T is than BASE, "-" when unknown
ratio()
{
	awk -v b="$1" -v t="$2" 'BEGIN {
		if (b == "-" || t == "-") print "-"
		else if (t + 0 <= 0) printf ">%.0f\n", b / 0.001
		else printf "%.1f\n", b / t }'
}

mb()
{
	awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f\n", k / 1024 }'
}

row()
{
	printf '  %-44s %8s s %9s %9s MB\n' "$1" "$2" "$3" "$4"
}

verdict()
{
	# verdict OK: PASS, MISS or FAILED
	case $1 in
	1) echo PASS ;;
	0) echo MISS ;;
	*) echo FAILED ;;
	esac
}

printf 'evkit benchmark: %s, best wall time of %s runs\n\n' \
	"$(uname -sm)" "$RUNS"

if want list; then
	# ---- the feed --------------------------------------------------

	timed "$OUT/t" sh -c "exec \"$OUT/gen\" $N 1 >\"$FEED\"" ||
		die "bench/out/gen failed"
	gsecs=$(tline "$OUT/t")
	gsecs=${gsecs% *}
	bytes=$(wc -c <"$FEED" | tr -d ' ')
	nrec=$(grep -c '^RRULE:FREQ=[WM]' "$FEED")
	printf 'feed: %s, %s events, %s bytes (%s MB), %s %% recurring, generated in %s s\n' \
		"$FEED" "$N" "$bytes" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" \
		"$(awk -v r="$nrec" -v n="$N" 'BEGIN { printf "%.1f", 100 * r / n }')" "$gsecs"

	# Does ev-list see every event?  Not timed: one line per event
	# (--cancelled: the feed has some, and --all leaves them out otherwise).
	seen=$("$EV" --all --no-sort --cancelled -f '{uid}' "$FEED" 2>"$OUT/err" |
	    wc -l | tr -d ' ')
	if [ "$seen" -ne "$N" ]; then
		note "ev-list printed $seen of $N events:"
		sed -n '1,5s/^/    /p' "$OUT/err" >&2
	fi
	printf 'check: ev-list --all reads %s of %s events\n\n' "$seen" "$N"

	# ---- speed -----------------------------------------------------

	printf '  %-44s %10s %9s %12s\n' "" "wall time" "speed-up" "peak RSS"
	best "icalparser_parse" "$OUT/icalparse" "$FEED"
	base=$secs
	row "icalparser_parse, fgets lines (baseline)" "$base" "1.0x" "$(mb "$kb")"
	best "icalparser_parse_string" "$OUT/icalparse" -s "$FEED"
	pstr=$secs
	row "icalparser_parse_string, whole file" "$pstr" "$(ratio "$base" "$pstr")x" "$(mb "$kb")"
	best "ev-list --no-sort" "$EV" --all --no-sort -o csv "$FEED"
	evns=$secs
	row "ev-list --all --no-sort -o csv" "$evns" "$(ratio "$base" "$evns")x" "$(mb "$kb")"
	best "ev-list sorted" "$EV" --all -o csv "$FEED"
	evs=$secs
	row "ev-list --all -o csv (sorted)" "$evs" "$(ratio "$base" "$evs")x" "$(mb "$kb")"
	# The agenda: records collected, merged, expanded over a year and
	# handed out in order by the occurrence stream (lib/occ.c).
	best "ev-list agenda" "$EV" -o csv --from 2025-01-01T00:00 \
	    --to 2026-01-01T00:00 "$FEED"
	row "ev-list -o csv --from 2025 --to 2026 (agenda)" "$secs" \
	    "$(ratio "$base" "$secs")x" "$(mb "$kb")"
	best "cat" cat "$FEED"
	row "cat feed.ics >/dev/null (floor)" "$secs" "$(ratio "$base" "$secs")x" "$(mb "$kb")"
	# Not to /dev/null: GNU grep then stops at the first match.
	# shellcheck disable=SC2016
	best "grep" sh -c 'exec grep -c BEGIN:VEVENT "$1" >"$2"' sh "$FEED" "$OUT/count"
	row "grep -c BEGIN:VEVENT (floor)" "$secs" "$(ratio "$base" "$secs")x" "$(mb "$kb")"
	echo

	# speed LABEL SECS: the target line
	speed()
	{
		_r=$(ratio "$base" "$2")
		_ok=$(awk -v r="$_r" -v t="$SPEED_TARGET" \
		    'BEGIN { if (r == "-") print "x"; else print (r + 0 >= t) ? 1 : 0 }')
		printf '%s: %sx faster than icalparser_parse (target >= %sx)  %s\n' \
			"$1" "$_r" "$SPEED_TARGET" "$(verdict "$_ok")"
	}
	speed "ev-list --all --no-sort -o csv" "$evns"
	speed "ev-list --all -o csv (sorted)" "$evs"
	awk -v b="$bytes" -v t="$evns" 'BEGIN {
		if (t != "-" && t + 0 > 0)
			printf "ev-list --all --no-sort -o csv: %.0f MB/s\n", b / 1e6 / t }'
	echo

	# ---- memory ----------------------------------------------------

	# rss_small FMT: peak KB of ev-list --all --no-sort -o FMT on the feed
	rss_small()
	{
		if timed "$OUT/t" "$EV" --all --no-sort -o "$1" "$FEED" ||
		    [ $? -eq 3 ]; then
			_l=$(tline "$OUT/t")
			echo "${_l#* }"
		else
			note "ev-list -o $1 on $FEED failed"
			sed -n '1,5s/^/    /p' "$OUT/err" >&2
			echo -
		fi
	}

	# rss_big FMT: the same on a 4x feed made on the fly, read from stdin
	rss_big()
	{
		rm -f "$OUT/genfail"
		{ "$OUT/gen" "$BIG" 1 || : >"$OUT/genfail"; } |
		    $TIME -f %M -o "$OUT/t" "$EV" --all --no-sort -o "$1" - \
		    >/dev/null 2>"$OUT/err"
		_rc=$?
		if [ -e "$OUT/genfail" ] || { [ "$_rc" -ne 0 ] && [ "$_rc" -ne 3 ]; }; then
			note "gen $BIG | ev-list -o $1 - failed (exit $_rc)"
			sed -n '1,5s/^/    /p' "$OUT/err" >&2
			echo -
		else
			tline "$OUT/t"
		fi
	}

	for fmt in ics csv json; do
		small=$(rss_small "$fmt")
		big=$(rss_big "$fmt")
		ok=$(awk -v s="$small" -v b="$big" -v t="$RSS_TARGET" 'BEGIN {
			if (s == "-" || b == "-") print "x"
			else print (s / 1024 < t && b / 1024 < t) ? 1 : 0 }')
		[ "$ok" = x ] && failed=1
		printf 'ev-list --all --no-sort -o %-4s peak RSS: %s MB at %s, %s MB at %s (target < %s MB)  %s\n' \
			"$fmt:" "$(mb "$small")" "$((N / 1000))k" "$(mb "$big")" \
			"$((BIG / 1000))k" "$RSS_TARGET" "$(verdict "$ok")"
	done

	echo
	[ "$base" = - ] || [ "$evns" = - ] || [ "$evs" = - ] && failed=1
fi

if want lib; then
	# ---- our code against libical ---------------------------------

	# Where lib/ does by itself what libical offers (zone.c reads TZif files,
	# recur.c corrects and partly replaces the RRULE iterator), it is timed
	# against libical doing the same work in the same process: best of 5
	# runs each, one line per measurement.
	"$OUT/zones" || {
		note "bench/out/zones failed"
		failed=1
	}
	if "$OUT/gen" "$EXPN" 1 >"$EXPFEED"; then
		"$OUT/expand" "$EXPFEED" || {
			note "bench/out/expand $EXPFEED failed"
			failed=1
		}
	else
		note "bench/out/gen $EXPN failed"
		failed=1
	fi
	echo
fi

want filter && bench_filter

if want typo; then
	# ---- typography ------------------------------------------------

	# news_typeset, paragraph by paragraph, against sed doing the
	# naive part of the job (three global substitutions: "...", " - ",
	# "…" quotes) on the same file; both whole processes that read the
	# file and write to /dev/null.  Then the pass alone, in process.
	"$OUT/typo" --gen "$TYPO_MB" 1 >"$TEXT" || die "bench/out/typo --gen failed"
	tbytes=$(wc -c <"$TEXT" | tr -d ' ')
	printf 'typography: %s, %s bytes (%s MB) of German article text\n' \
		"$TEXT" "$tbytes" "$(awk -v b="$tbytes" 'BEGIN { printf "%.1f", b / 1e6 }')"
	# Typesetting its own output changes nothing (not timed).
	if "$OUT/typo" "$TEXT" >"$OUT/typo.1" && "$OUT/typo" "$OUT/typo.1" >"$OUT/typo.2" &&
	    cmp -s "$OUT/typo.1" "$OUT/typo.2"; then
		echo "check: typesetting the output again changes nothing"
	else
		note "typo: the second pass changed the text (or typo failed)"
		failed=1
	fi
	echo

	# mbs SECS: MB/s of the text in SECS
	mbs()
	{
		awk -v b="$tbytes" -v t="$1" 'BEGIN {
			if (t == "-" || t + 0 <= 0) print "-"
			else printf "%.1f\n", b / 1e6 / t }'
	}
	printf '  %-44s %10s %9s %10s\n' "" "wall time" "MB/s" "speed-up"
	best "sed" sed -e 's/\.\.\./…/g' -e 's/ - / – /g' \
	    -e 's/"\([^"]*\)"/„\1“/g' "$TEXT"
	tsed=$secs
	printf '  %-44s %8s s %9s %10s\n' "sed, 3 substitutions (baseline)" \
		"$tsed" "$(mbs "$tsed")" "1.0x"
	best "typo" "$OUT/typo" "$TEXT"
	ttypo=$secs
	printf '  %-44s %8s s %9s %10s\n' "typo: news_typeset per paragraph" \
		"$ttypo" "$(mbs "$ttypo")" "$(ratio "$tsed" "$ttypo")x"
	best "cat" cat "$TEXT"
	printf '  %-44s %8s s %9s %10s\n' "cat (floor)" "$secs" "$(mbs "$secs")" \
		"$(ratio "$tsed" "$secs")x"
	echo
	"$OUT/typo" -t "$TEXT" || {
		note "bench/out/typo -t failed"
		failed=1
	}
	echo
	[ "$tsed" = - ] || [ "$ttypo" = - ] && failed=1
fi

if want fold; then
	# ---- case folding ----------------------------------------------

	# ev_casefold_eq (utf8proc) against the same comparison over the
	# table lib/fold.c had before, on the same pairs of names in the same
	# process, best of 5 each; then one code point folded each way.
	"$OUT/fold" "$FOLD_N" || {
		note "bench/out/fold failed"
		failed=1
	}
	echo
fi

exit "$failed"
