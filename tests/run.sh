#!/bin/sh
# Run every test: the C unit tests and the golden CLI tests, first with the
# normal build, then with the AddressSanitizer + UBSan build.  The last
# line is "N passed, N failed"; the exit status is non-zero on a failure.
#
#   sh tests/run.sh            all of it
#   sh tests/run.sh --update   rewrite the expected files of the CLI tests
#                              from the normal build (review the diff!)
#
# After the normal build's CLI tests, tests/same.sh compares every tool's
# output over every CLI test input with the transcripts in tests/same/,
# recorded before a refactoring.  --update here leaves them alone, so that
# the "before" is never rewritten by accident; to record them anew (from
# the code whose behaviour is to be kept): sh tests/same.sh --update.
# Then the lint, the install, the completions and the HTML checks
# (tests/html.sh).
#
# A CLI case is tests/cli/TOOL/NAME.args (shell words after the tool name)
# or tests/cli/TOOL/NAME.sh (a script), with NAME.in as stdin (else
# /dev/null) and the expected NAME.out, NAME.err and NAME.rc (default 0).
# Cases run in tests/data, so they name data files directly.

top=$(cd "$(dirname "$0")/.." && pwd)
update=0
[ "$1" = --update ] && update=1
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# unit BUILD: the unit tests of libevkit (BUILD/tests/test_*) and of
# libnews (BUILD/tests/news/test_*).
unit() {
	for t in "$top/$1"/tests/test_* "$top/$1"/tests/news/test_*; do
		[ -x "$t" ] || continue
		name=$1/${t#"$top/$1/tests/"}
		"$t" >"$tmp/u.out" 2>&1
		rc=$?
		last=$(tail -n 1 "$tmp/u.out")
		p=$(echo "$last" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
		f=$(echo "$last" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
		if [ -z "$p" ]; then
			bad "$name crashed (status $rc)"
			sed 's/^/    /' "$tmp/u.out" | tail -n 20
			continue
		fi
		pass=$((pass + p))
		fail=$((fail + f))
		if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
			[ "$f" -eq 0 ] && fail=$((fail + 1))
			echo "FAIL: $name"
			grep -v ' passed, ' "$tmp/u.out" | sed 's/^/    /' | head -n 40
		fi
	done
}

cli() {
	bindir="$top/$1/bin"
	for c in "$top"/tests/cli/*/*.args "$top"/tests/cli/*/*.sh; do
		[ -f "$c" ] || continue
		tool=$(basename "$(dirname "$c")")
		base=${c%.*}
		name=$tool/$(basename "$base")
		in=/dev/null
		[ -f "$base.in" ] && in=$base.in
		(
			cd "$top/tests/data" || exit 99
			PATH="$bindir:$top/tests:$PATH"
			TZ=Europe/Berlin EV_NOW=2016-12-21T10:00:00+01:00
			LANG=C.UTF-8 LC_ALL= LC_TIME= NO_COLOR=
			TOP=$top
			export PATH TZ EV_NOW LANG LC_ALL LC_TIME NO_COLOR TOP
			unset NO_COLOR LC_ALL LC_TIME
			case $c in
			*.args) eval "set -- $(cat "$c")"; exec "$tool" "$@" ;;
			*.sh) exec sh "$c" ;;
			esac
		) <"$in" >"$tmp/out" 2>"$tmp/err"
		echo $? >"$tmp/rc"
		if [ $update -eq 1 ]; then
			cp "$tmp/out" "$base.out"
			cp "$tmp/err" "$base.err"
			if [ "$(cat "$tmp/rc")" = 0 ]; then rm -f "$base.rc"
			else cp "$tmp/rc" "$base.rc"; fi
			ok
			continue
		fi
		want_rc=0
		[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
		what=
		cmp -s "$tmp/out" "$base.out" 2>/dev/null || what="$what stdout"
		cmp -s "$tmp/err" "$base.err" 2>/dev/null || what="$what stderr"
		[ "$(cat "$tmp/rc")" = "$want_rc" ] || what="$what status($(cat "$tmp/rc")!=$want_rc)"
		if [ -z "$what" ]; then
			ok
		else
			bad "$1 $name:$what"
			diff -u "$base.out" "$tmp/out" 2>&1 | head -n 20 | sed 's/^/    /'
			diff -u "$base.err" "$tmp/err" 2>&1 | head -n 20 | sed 's/^/    /'
		fi
	done
}

# same: tests/same.sh with the normal build; its counts are added to ours.
same() {
	sh "$top/tests/same.sh" "$top/build/bin" >"$tmp/same" 2>&1
	rc=$?
	last=$(tail -n 1 "$tmp/same")
	p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ] || [ "$rc" -ne 0 ]; then
		# a crash without counts is one failure; else the counts say it
		[ -z "$p" ] || [ "${f:-0}" -eq 0 ] && fail=$((fail + 1))
		echo "FAIL: same (tests/same.sh)"
		grep -v ' passed, ' "$tmp/same" | sed 's/^/    /' | head -n 60
	fi
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
}

# suite NAME: tests/NAME.sh, whose last line is "N passed, N failed";
# its counts are added to ours, its FAIL and SKIP lines shown.
suite() {
	sh "$top/tests/$1.sh" >"$tmp/$1" 2>&1
	rc=$?
	last=$(tail -n 1 "$tmp/$1")
	p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ] || [ "$rc" -ne 0 ]; then
		[ -z "$p" ] || [ "${f:-0}" -eq 0 ] && fail=$((fail + 1))
		echo "FAIL: $1 (tests/$1.sh)"
		grep -v ' passed, ' "$tmp/$1" | sed 's/^/    /' | head -n 40
	else
		grep '^SKIP' "$tmp/$1"
	fi
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
}

if [ $update -eq 1 ]; then
	cli build
	echo "updated $pass cases"
	exit 0
fi

ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS
unit build
cli build
same
unit build-asan
cli build-asan
sh "$top/tests/lint.sh" >"$tmp/lint" 2>&1 && ok || { bad "lint"; sed 's/^/    /' "$tmp/lint"; }
sh "$top/tests/install.sh" >"$tmp/inst" 2>&1 && ok || { bad "install"; sed 's/^/    /' "$tmp/inst"; }
suite completions
suite html
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
