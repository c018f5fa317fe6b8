#!/bin/sh
# make check-external: every tool over a corpus of calendars from the wild.
#
#   sh tests/external.sh [--known] [--again] [DIR]
#
# DIR (default $EXTERNAL, else ../shared/external/calendars beside the
# checkout) holds *.ics files that the project never copies: exports from
# Google, Outlook, Apple, WordPress and the test suites of other calendar
# readers, many broken.  For every file, with TZ, EV_NOW and LANG fixed:
#
#   - ev-list --all -o ics, --all -o csv, a window (--from 2000-01-01
#     --to 2030-12-31 -o csv), the oracle's format (below); ev-filter with
#     no predicate; ev-cal -y -a: with the normal build (build/bin), and
#     all but the second and fourth with the sanitizer build
#     (build-asan/bin), each under a timeout.  A signal, a sanitizer
#     report, a timeout or, in the normal build, a peak RSS over 64 MB
#     (GNU time's %M) is a crash;
#   - the --all -o ics output passes tests/strict_ics.py, and ev-list
#     --all -o csv of it equals ev-list --all -o csv of the file (the
#     events read back the same);
#   - ev-list -f '{start} {end} {uid}' --tz Europe/Berlin --cancelled over
#     the window equals tests/oracle.py (python's recurring_ical_events)
#     over the same window, or the file is "differ".
#
# The oracle fails (a python exception) on many broken files; it then
# lists nothing, and a file that ev-list lists nothing of either agrees.
# A difference is explained when tests/external/notes has a line "FILE
# REASON" for it, FILE the file's name in DIR and REASON why evkit is
# right by RFC 5545, citing the section.  tests/external/known lists open
# failures, "FILE KIND WHAT", KIND the check that fails (oracle, strict,
# read-back, crash): evkit's bugs, and files not yet looked at.  They are
# printed as "known (open)" and fail the run only with --known; a known
# line whose check passes now is printed as "passes now (take it out of
# tests/external/known)", a failure with --known too.
#
# Per file, what failed is printed as "FILE: KIND: what"; the details
# (diffs, stderr) land in build/external/FILE.d/.  --again prints the
# summary of the last run anew (after an edit of the lists).  The last
# line is
#
#   N files: N agree, N differ (N explained), N crash
#
# and the status is 1 on a crash, a strict-checker or read-back failure,
# or an unexplained difference, unless known (and then with --known
# only), else 0.  Two files run at a time (EXTERNAL_JOBS).

top=$(cd "$(dirname "$0")/.." && pwd) || exit 2

# The window, the display zone and the limits of every run.
FROM=2000-01-01
TO=2030-12-31
ZONE=Europe/Berlin
LIMIT_KB=65536
SECS=60
ASAN_SECS=180
TZ=$ZONE EV_NOW=2020-06-15T12:00:00+02:00 LANG=C.UTF-8
ASAN_OPTIONS=detect_leaks=1:exitcode=99
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99
export TZ EV_NOW LANG ASAN_OPTIONS UBSAN_OPTIONS
unset LC_ALL LC_TIME NO_COLOR

# run TAG BINDIR TOOL ARGS...: run one tool on $f into $w/TAG.out and
# .err; prints "TAG: what" for a crash, a timeout or too much memory.
run() {
	tag=$1 bindir=$2 tool=$3
	shift 3
	if [ "$bindir" = "$top/build-asan/bin" ]; then secs=$ASAN_SECS
	else secs=$SECS; fi
	/usr/bin/time -f %M -o "$w/$tag.rss" timeout -k 5 "$secs" \
	    "$bindir/$tool" "$@" >"$w/$tag.out" 2>"$w/$tag.err"
	rc=$?
	echo "$rc" >"$w/$tag.rc"
	if [ $rc -eq 126 ] || [ $rc -eq 127 ]; then
		echo "$tag: cannot run $bindir/$tool"
	elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		echo "$tag: no result after $secs s: $tool $*"
	elif [ $rc -eq 99 ] || grep -q 'Sanitizer\|runtime error:' \
	    "$w/$tag.err"; then
		echo "$tag: sanitizer: $tool $*"
	elif [ $rc -gt 128 ]; then
		echo "$tag: signal $((rc - 128)): $tool $*"
	elif [ "$bindir" = "$top/build/bin" ]; then
		kb=$(tail -n 1 "$w/$tag.rss")
		[ "$kb" -gt $LIMIT_KB ] &&
		    echo "$tag: $kb KB peak RSS (limit $LIMIT_KB): $tool $*"
	fi
	case $tag in asan-*) rm -f "$w/$tag.out" ;; esac
	return 0
}

# tools BINDIR PREFIX: every tool run of one file; the sanitizer build
# (PREFIX asan-) runs the reader and writer, the expansion, the filter and
# the calendar once each.
tools() {
	run "${2}all-ics" "$1" ev-list --all -o ics "$f"
	[ -z "$2" ] && run all-csv "$1" ev-list --all -o csv "$f"
	run "${2}window" "$1" ev-list --from $FROM --to $TO -o csv "$f"
	[ -z "$2" ] && run occ "$1" ev-list -f '{start} {end} {uid}' \
	    --tz $ZONE --from $FROM --to $TO --cancelled "$f"
	run "${2}filter" "$1" ev-filter "$f"
	run "${2}cal" "$1" ev-cal -y -a "$f"
}

# one FILE OUTDIR: check one file; writes OUTDIR/NAME.res, a line
# "agree", "differ" or "crash", then one line per problem.
one() {
	f=$1 name=$(basename "$1") out=$2
	w=$out/$name.d
	rm -rf "$w" && mkdir -p "$w" || exit 2
	{
		tools "$top/build/bin" ""
		tools "$top/build-asan/bin" asan-
	} | sed 's/^/crash /' >"$w/crash"
	if [ -s "$w/crash" ]; then
		echo crash
		cat "$w/crash"
	else
		oracle >"$w/oracle" 2>"$w/oracle.err"
		if cmp -s "$w/oracle" "$w/occ.out"; then echo agree
		else echo differ; fi
		strict
		readback
	fi >"$out/$name.res"
	# keep the details of what went wrong only
	if [ "$(head -n 1 "$out/$name.res")" = agree ] &&
	    [ "$(wc -l <"$out/$name.res")" -eq 1 ]; then
		rm -rf "$w"
	elif [ -f "$w/oracle" ]; then
		diff "$w/oracle" "$w/occ.out" >"$w/oracle.diff"
	fi
}

oracle() {
	/usr/bin/python3 "$top/tests/oracle.py" "$f" $FROM $TO $ZONE
}

# strict: the ICS written passes the strict checker (an exit 2 of
# ev-list, an unreadable input, writes nothing and is not checked).
strict() {
	[ "$(cat "$w/all-ics.rc")" = 2 ] && return
	cp "$w/all-ics.out" "$w/written.ics"
	/usr/bin/python3 "$top/tests/strict_ics.py" "$w/written.ics" \
	    >"$w/strict" 2>&1 ||
	    echo "strict $(head -n 1 "$w/strict" | sed 's/^[^:]*: *//')"
}

# readback: the ICS written reads back to the same events.
readback() {
	[ "$(cat "$w/all-ics.rc")" = 2 ] && return
	"$top/build/bin/ev-list" --all -o csv "$w/written.ics" \
	    >"$w/readback.csv" 2>"$w/readback.err"
	# the UID that the writer makes up for a record without one (RFC
	# 5545 section 3.6.1 requires it) is no difference
	sed 's/^[0-9a-f]\{16\}@evkit,/,/' "$w/readback.csv" >"$w/readback.cmp"
	cmp -s "$w/all-csv.out" "$w/readback.cmp" ||
	    echo "read-back --all -o csv differs after -o ics"
}

if [ "$1" = --one ]; then
	one "$2" "$3"
	exit 0
fi

known=0 again=0
while :; do
	case $1 in
	--known) known=1 ;;
	--again) again=1 ;;
	*) break ;;
	esac
	shift
done
if [ $again -eq 0 ]; then
	arg=${1:-${EXTERNAL:-$top/../shared/external/calendars}}
	dir=$(cd "$arg" 2>/dev/null && pwd) || {
		echo "external.sh: no directory $arg (set EXTERNAL=DIR)" >&2
		exit 2
	}
	for t in ev-list ev-filter ev-cal; do
		for b in build build-asan; do
			[ -x "$top/$b/bin/$t" ] || {
				echo "external.sh: $b/bin/$t missing (make check-external" \
				    "builds it)" >&2
				exit 2
			}
		done
	done
	[ -x /usr/bin/time ] || { echo "external.sh: /usr/bin/time missing" >&2
		exit 2; }

	out=$top/build/external
	rm -rf "$out" && mkdir -p "$out" || exit 2
	# the largest first, so that two jobs end together
	# shellcheck disable=SC2012 # the names are the corpus's, no newlines
	(cd "$dir" && ls -S -- *.ics) | sed "s|^|$dir/|" |
	    tr '\n' '\0' | xargs -0 -P "${EXTERNAL_JOBS:-2}" -I{} \
	    sh "$top/tests/external.sh" --one {} "$out"
fi
out=$top/build/external

# note FILE LIST [KIND]: the reason LIST gives for FILE (and KIND), if any.
note() {
	[ -f "$2" ] && awk -v f="$1" -v k="$3" '$1 == f && (k == "" ||
	    $2 == k) { $1 = ""; print; exit }' "$2"
}

# problem FILE KIND WHAT: a failure, or a known (open) one.
problem() {
	if [ -n "$(note "$1" "$top/tests/external/known" "$2")" ]; then
		echo "$1: $2: $3: known (open)"
		echo "$1 $2" >>"$out/known-hit"
		open=$((open + 1))
		[ $known -eq 1 ] && failed=1
	else
		echo "$1: $2: $3"
		failed=1
	fi
}

n=0 agree=0 differ=0 explained=0 open=0 crash=0 failed=0
: >"$out/known-hit"
for res in "$out"/*.res; do
	name=$(basename "$res" .res)
	n=$((n + 1))
	case $(head -n 1 "$res") in
	agree) agree=$((agree + 1))
		[ -n "$(note "$name" "$top/tests/external/notes")" ] &&
		    echo "$name: agrees, but has a note in tests/external/notes" ;;
	differ) differ=$((differ + 1))
		if [ -n "$(note "$name" "$top/tests/external/notes")" ]; then
			explained=$((explained + 1))
		else
			problem "$name" oracle \
			    "differs, see build/external/$name.d/oracle.diff"
		fi ;;
	*) crash=$((crash + 1)) ;;
	esac
	tail -n +2 "$res" >"$out/problems"
	while read -r kind what; do
		problem "$name" "$kind" "$what"
	done <"$out/problems"
done
[ $open -gt 0 ] && echo "$open known (open) in tests/external/known" \
    "(failures with --known)"
# A known line of a file that ran and no longer fails is stale: fixed,
# so it is to be taken out (a failure with --known).
ls "$out" | sed -n 's/\.res$//p' >"$out/ran"
stale=$(awk 'FILENAME == ARGV[1] { ran[$0] = 1; next }
	FILENAME == ARGV[2] { hit[$0] = 1; next }
	/^#/ || NF < 2 { next }
	($1 in ran) && !(($1 " " $2) in hit) { print $1 ": " $2 ": passes now" }
	' "$out/ran" "$out/known-hit" "$top/tests/external/known")
if [ -n "$stale" ]; then
	echo "$stale" | sed 's/$/ (take it out of tests\/external\/known)/'
	[ $known -eq 1 ] && failed=1
fi
echo "$n files: $agree agree, $differ differ ($explained explained)," \
    "$crash crash"
exit $failed
