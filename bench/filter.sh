# bench/filter.sh - the ev-filter part of bench/run.sh, sourced by it.
# shellcheck shell=sh
#
# It uses run.sh's settings and helpers (OUT, RUNS, timed, tline, best,
# ratio, mb, verdict, note, die, failed) and is not run on its own:
# BENCH_ONLY=filter sh bench/run.sh runs this part alone.
#
# Targets (issue "ev-filter", Speed), on a generated 1,000,000-event feed
# (about 1 GB), for `ev-filter -e REGEX` and `ev-filter --weekend --free`:
#   at least 1 GB/s of input on one core: the one absolute number here,
#     it depends on the machine;
#   at least 20x faster than libical's icalparser_parse: MB/s against
#     MB/s, libical parsing a prefix of the feed (its tree of the whole
#     feed would need about 7 GB), BENCH_FILTER_ICAL_EVENTS to change it;
#   within 10x of the time of `grep -c` with the same regex (the -e
#     command; --weekend --free has no regex, its ratio is only printed);
#   peak RSS at most 16 MB at any input size (the prefix, the feed, and
#     four times the feed piped in from gen).
# Ratios are against baselines timed in this run.  PASS or MISS per
# target; a command that fails to run sets failed (run.sh exits 1).
#
# Environment: EV_FILTER (build/bin/ev-filter), BENCH_FILTER_EVENTS
# (1000000), BENCH_FILTER_ICAL_EVENTS (a tenth of it),
# BENCH_FILTER_RSS_EVENTS (four times it, 0 to skip), BENCH_FILTER_REGEX
# (Schlachthof: given to ev-filter -e and to grep -c -E, so it must mean
# the same in PCRE2 and POSIX ERE), BENCH_FILTER_NOW (2025-06-11, a
# Wednesday in the feed's three years 2024-2026: --weekend is the 14th
# and 15th of June 2025).

EVF=${EV_FILTER:-build/bin/ev-filter}
FN=${BENCH_FILTER_EVENTS:-1000000}
REGEX=${BENCH_FILTER_REGEX:-Schlachthof}
FNOW=${BENCH_FILTER_NOW:-2025-06-11}
FRATE_TARGET=1		# GB/s
FICAL_TARGET=20		# x icalparser_parse's MB/s
FGREP_TARGET=10		# x grep -c's time, at most
FRSS_TARGET=16		# MB

# number NAME VALUE: dies unless VALUE is a number
number()
{
	case $2 in
	'' | *[!0-9]*) die "$1 is not a number: $2" ;;
	esac
}
number BENCH_FILTER_EVENTS "$FN"
[ "$FN" -ge 1 ] || die "BENCH_FILTER_EVENTS must be at least 1"
PN=${BENCH_FILTER_ICAL_EVENTS:-$((FN / 10))}
number BENCH_FILTER_ICAL_EVENTS "$PN"
[ "$PN" -ge 1 ] || PN=1
[ "$PN" -le "$FN" ] || PN=$FN
SN=${BENCH_FILTER_RSS_EVENTS:-$((FN * 4))}
number BENCH_FILTER_RSS_EVENTS "$SN"
[ -x "$EVF" ] || die "$EVF is missing: run make first"

# ---- helpers -----------------------------------------------------------

# filter_feed N: make $OUT/filter-N.ics (gen N 1) unless it is there from
# an earlier run, complete (it is written under another name and then
# renamed) and newer than bench/gen.c.  Sets $ffile and $fhow.
filter_feed()
{
	ffile=$OUT/filter-$1.ics
	if [ -s "$ffile" ] && [ -z "$(find bench/gen.c -newer "$ffile")" ]
	then
		fhow="from an earlier run"
		return 0
	fi
	rm -f "$ffile"
	# shellcheck disable=SC2016
	if ! timed "$OUT/t" sh -c 'exec "$1" "$2" 1 >"$3"' sh "$OUT/gen" \
	    "$1" "$ffile.tmp" || ! mv "$ffile.tmp" "$ffile"; then
		rm -f "$ffile.tmp"
		die "bench/out/gen $1 failed"
	fi
	_l=$(tline "$OUT/t")
	fhow="generated in ${_l% *} s"
}

fsize()
{
	wc -c <"$1" | tr -d ' '
}

# rate BYTES SECS SCALE [DIGITS]: bytes per second / SCALE, "-" when
# unknown
rate()
{
	awk -v b="$1" -v t="$2" -v s="$3" -v d="${4:-1}" 'BEGIN {
		if (t == "-" || t + 0 <= 0) print "-"
		else printf "%." d "f\n", b / s / t }'
}

# kev N: N events, short
kev()
{
	if [ "$1" -ge 1000 ]; then echo "$(($1 / 1000))k"; else echo "$1"; fi
}

frow()
{
	printf '  %-48s %8s s %8s %9s MB\n' "$1" "$2" "$3" "$4"
}

# fbest LABEL BYTES CMD...: best, then the row; $secs and $kb as best
# leaves them.  Exit 1 is fine (ev-filter and grep: nothing selected).
fbest()
{
	_fl=$1
	_fb=$2
	shift 2
	okrc="0 1 3"
	best "$_fl" "$@"
	# shellcheck disable=SC2034 # run.sh's best reads it
	okrc="0 3"
	# shellcheck disable=SC2154 # run.sh's best sets them
	frow "$_fl" "$secs" "$(rate "$_fb" "$secs" 1e6)" "$(mb "$kb")"
}

# maxkb A B: the larger, "-" when one is unknown
maxkb()
{
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "-" || b == "-") print "-"
		else print (a + 0 > b + 0) ? a : b }'
}

# count FILE: the number in FILE, "-" when there is none
count()
{
	_c=$(cat "$1" 2>/dev/null)
	case $_c in
	'' | *[!0-9]*) echo - ;;
	*) echo "$_c" ;;
	esac
}

pct()
{
	awk -v a="$1" -v n="$2" 'BEGIN {
		if (a == "-") print "-"; else printf "%.2f\n", 100 * a / n }'
}

# rss_stream: $skb, the peak KB of ev-filter -e REGEX reading gen SN
# from a pipe (nothing on disk), "-" when it failed
rss_stream()
{
	rm -f "$OUT/genfail"
	{ "$OUT/gen" "$SN" 1 || : >"$OUT/genfail"; } |
	    "$OUT/timeit" "$OUT/t" "$EVF" -e "$REGEX" - >/dev/null 2>"$OUT/err"
	_rc=$?
	if [ -e "$OUT/genfail" ] ||
	    { [ "$_rc" -ne 0 ] && [ "$_rc" -ne 1 ] && [ "$_rc" -ne 3 ]; }; then
		note "gen $SN | ev-filter -e REGEX - failed (exit $_rc)"
		sed -n '1,5s/^/    /p' "$OUT/err" >&2
		# shellcheck disable=SC2034 # run.sh exits with it
		failed=1
		skb=-
	else
		_sl=$(tline "$OUT/t")
		skb=${_sl#* }
	fi
}

# ftargets LABEL SECS PREFIX_SECS GREP: the target lines of one command
# timed in SECS on the feed and PREFIX_SECS on libical's input; GREP 1
# when the grep target applies to it
ftargets()
{
	_gbs=$(rate "$bbytes" "$2" 1e9 2)
	_ok=$(awk -v r="$_gbs" -v t="$FRATE_TARGET" \
	    'BEGIN { if (r == "-") print "x"; else print (r + 0 >= t) ? 1 : 0 }')
	printf '%s:\n' "$1"
	printf '  %s GB/s of input on one core (target >= %s GB/s; absolute, this machine)  %s\n' \
		"$_gbs" "$FRATE_TARGET" "$(verdict "$_ok")"
	# MB/s on the feed against libical's MB/s on its input
	_x=$(awk -v b="$bbytes" -v t="$2" -v pb="$pbytes" -v pt="$tical" '
	    BEGIN { if (t == "-" || pt == "-" || t + 0 <= 0 || pt + 0 <= 0)
			print "-"
		    else printf "%.1f\n", (b / t) / (pb / pt) }')
	_ok=$(awk -v r="$_x" -v t="$FICAL_TARGET" \
	    'BEGIN { if (r == "-") print "x"; else print (r + 0 >= t) ? 1 : 0 }')
	printf '  %sx the MB/s of icalparser_parse (target >= %sx)  %s\n' \
		"$_x" "$FICAL_TARGET" "$(verdict "$_ok")"
	printf '    (the feed against libical on %s events; on those same %s events: %sx)\n' \
		"$PN" "$PN" "$(ratio "$tical" "$3")"
	_x=$(ratio "$2" "$tgrep")
	if [ "$4" -eq 1 ]; then
		_ok=$(awk -v r="$_x" -v t="$FGREP_TARGET" \
		    'BEGIN { if (r == "-") print "x"
			     else print (r + 0 <= t) ? 1 : 0 }')
		printf '  %sx the time of grep -c -E REGEX (target <= %sx)  %s\n' \
			"$_x" "$FGREP_TARGET" "$(verdict "$_ok")"
	else
		printf '  %sx the time of grep -c -E REGEX (no target: no regex here)\n' \
			"$_x"
	fi
}

# bench_filter: the part itself, run after the others
bench_filter()
{
	# ---- the feeds -------------------------------------------------

	printf 'ev-filter (its output to /dev/null, counts of -c and grep -c to a file)\n\n'
	filter_feed "$FN"
	BFEED=$ffile
	bbytes=$(fsize "$BFEED")
	printf 'feed: %s, %s events, %s bytes (%s MB), %s\n' "$BFEED" "$FN" \
		"$bbytes" "$(rate "$bbytes" 1 1e6)" "$fhow"
	if [ "$PN" -eq "$FN" ]; then
		PFEED=$BFEED
		pbytes=$bbytes
		printf 'libical reads the whole feed\n'
	else
		filter_feed "$PN"
		PFEED=$ffile
		pbytes=$(fsize "$PFEED")
		# gen's N events are the first N of any bigger feed: the prefix is
		# the feed's first bytes but its closing END:VCALENDAR CRLF (15).
		if cmp -s -n $((pbytes - 15)) "$PFEED" "$BFEED"; then
			same="its first $PN events, byte for byte"
		else
			same="NOT a prefix of the feed"
			note "$PFEED is not the start of $BFEED"
		fi
		printf 'prefix: %s, %s events, %s bytes (%s MB), %s; %s\n' "$PFEED" \
			"$PN" "$pbytes" "$(rate "$pbytes" 1 1e6)" "$fhow" "$same"
		printf '  libical is timed on this prefix only (its tree grows with the input,\n'
		printf '  see its peak RSS): ratios to it compare its MB/s with ev-filter'"'"'s on the feed.\n'
	fi
	printf 'REGEX: %s (ev-filter -e, grep -c -E)\n' "$REGEX"
	printf 'now: --now %s (--weekend: the coming Saturday and Sunday)\n\n' \
		"$FNOW"

	# ---- speed on the feed -----------------------------------------

	printf '  %-48s %10s %8s %12s\n' "on the feed" "wall time" "MB/s" "peak RSS"
	# Warms the page cache for what follows, too.
	fbest "cat (floor)" "$bbytes" cat "$BFEED"
	# grep and -c to a file: with stdout on /dev/null GNU grep stops at the
	# first match.
	# shellcheck disable=SC2016
	fbest "grep -c BEGIN:VEVENT (floor)" "$bbytes" \
		sh -c 'exec grep -c BEGIN:VEVENT "$1" >"$2"' sh "$BFEED" "$OUT/count"
	nvev=$(count "$OUT/count")
	# shellcheck disable=SC2016
	fbest "grep -c -E REGEX (baseline)" "$bbytes" \
		sh -c 'exec grep -c -E -e "$1" "$2" >"$3"' sh "$REGEX" "$BFEED" \
		"$OUT/count"
	tgrep=$secs
	ngrep=$(count "$OUT/count")
	fbest "ev-filter -e REGEX" "$bbytes" "$EVF" -e "$REGEX" "$BFEED"
	tre=$secs
	bkb=$kb
	# shellcheck disable=SC2016
	fbest "ev-filter -c -e REGEX" "$bbytes" \
		sh -c 'exec "$1" -c -e "$2" "$3" >"$4"' sh "$EVF" "$REGEX" "$BFEED" \
		"$OUT/count"
	tcre=$secs
	bkb=$(maxkb "$bkb" "$kb")
	nre=$(count "$OUT/count")
	fbest "ev-filter --weekend --free" "$bbytes" \
		"$EVF" --now "$FNOW" --weekend --free "$BFEED"
	twf=$secs
	bkb=$(maxkb "$bkb" "$kb")
	# shellcheck disable=SC2016
	fbest "ev-filter -c --weekend --free" "$bbytes" \
		sh -c 'exec "$1" -c --now "$2" --weekend --free "$3" >"$4"' sh \
		"$EVF" "$FNOW" "$BFEED" "$OUT/count"
	tcwf=$secs
	bkb=$(maxkb "$bkb" "$kb")
	nwf=$(count "$OUT/count")
	echo

	# ---- on libical's input ----------------------------------------

	printf '  %-48s %10s %8s %12s\n' "on libical's input ($PN events)" \
		"wall time" "MB/s" "peak RSS"
	_il="icalparser_parse, fgets lines (baseline)"
	best "$_il" "$OUT/icalparse" "$PFEED"
	tical=$secs
	frow "$_il" "$secs" "$(rate "$pbytes" "$secs" 1e6)" "$(mb "$kb")"
	fbest "ev-filter -e REGEX" "$pbytes" "$EVF" -e "$REGEX" "$PFEED"
	tpre=$secs
	pkb=$kb
	fbest "ev-filter --weekend --free" "$pbytes" \
		"$EVF" --now "$FNOW" --weekend --free "$PFEED"
	tpwf=$secs
	pkb=$(maxkb "$pkb" "$kb")
	echo

	printf 'selected: -e REGEX %s events (%s %%; grep -c counts %s lines), --weekend --free\n' \
		"$nre" "$(pct "$nre" "$FN")" "$ngrep"
	printf '  %s (%s %%); the feed has %s BEGIN:VEVENT lines\n\n' "$nwf" \
		"$(pct "$nwf" "$FN")" "$nvev"
	[ "$nvev" = "$FN" ] || note "the feed has $nvev events, not $FN"

	# ---- the targets -----------------------------------------------

	ftargets "ev-filter -e REGEX" "$tre" "$tpre" 1
	ftargets "ev-filter --weekend --free" "$twf" "$tpwf" 0
	for _t in "-c -e REGEX:$tcre" "-c --weekend --free:$tcwf"; do
		printf 'ev-filter %s: %s GB/s, %sx the time of grep -c -E REGEX (-c, no targets)\n' \
			"${_t%:*}" "$(rate "$bbytes" "${_t##*:}" 1e9 2)" \
			"$(ratio "${_t##*:}" "$tgrep")"
	done
	# Bigger still: streamed, for peak RSS only.
	skb=0
	sdesc=
	if [ "$SN" -gt 0 ]; then
		rss_stream
		sdesc=", $(mb "$skb") MB at $(kev "$SN") (gen $SN | ev-filter -e REGEX -)"
	fi
	ok=$(awk -v s="$pkb" -v b="$bkb" -v g="$skb" -v t="$FRSS_TARGET" '
	    BEGIN { if (s == "-" || b == "-" || g == "-") print "x"
		    else print (s / 1024 <= t && b / 1024 <= t &&
			g / 1024 <= t) ? 1 : 0 }')
	printf 'ev-filter peak RSS: %s MB at %s events, %s MB at %s%s\n' \
		"$(mb "$pkb")" "$(kev "$PN")" "$(mb "$bkb")" "$(kev "$FN")" \
		"$sdesc"
	printf '  (target <= %s MB at any size)  %s\n' "$FRSS_TARGET" \
		"$(verdict "$ok")"
	echo
}
