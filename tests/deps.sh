#!/bin/sh
# shellcheck disable=SC2317 # the probes are called through want
# What evkit needs, whether it is there, and (with -i) installing it.
#
#   sh tests/deps.sh [-i] build|demo|test
#
#   build  compile and link (plain make): a C compiler, pkg-config,
#          libical >= 3, libpcre2-8, libutf8proc (lib/fold.c, libnews)
#          and hunspell (found by pkg-config), libcsv (csv.h and -lcsv,
#          found by the compiler: Debian ships no .pc); for libnews:
#          libcmark and libyaml
#   demo   build, and the time zone data the demo shows times in
#   test   demo, and what the tests run: mandoc (tests/lint.sh), clang
#          (the sanitizer build), /usr/bin/python3 with icalendar and
#          recurring_ical_events (the oracle, tests/strict_ics.py) and
#          feedparser (the feed checks, tests/feedcheck.py), GNU time
#          (make check-external's memory limit), bash, zsh and fish (the
#          completions), GNU parallel (the scale-out test), hunspell's
#          de_DE, de_CH and en_US dictionaries (the spelling tests);
#          for the HTML checks (tests/html.sh) java, node and npm,
#          Chromium ($CHROMIUM, default /usr/bin/chromium) and, with npm
#          ci, tests/html/node_modules from tests/html/package-lock.json
#          (vnu-jar, axe-core, puppeteer-core), none of them when
#          EVKIT_SKIP_HTML=1
#
# Each need is probed the way the build or the tests use it -- pkg-config,
# the compiler, the command on PATH -- never through dpkg, so a machine
# with the libraries but without Debian's package tools builds as well.
# Quiet when nothing is missing.  Otherwise, without -i, it names the
# Debian/Ubuntu packages and exits 1: plain "make" installs nothing.  With
# -i (make demo, make check) it installs them with apt-get, as root or
# through sudo, and probes again.  tests/html/node_modules counts as
# there when its stamp (.evkit-lock, a copy of the package-lock.json it
# was installed from) equals the lock file; else -i runs npm ci, without
# the packages' install scripts (vnu-jar's would fetch a Java runtime;
# Chromium is Debian's, never one that puppeteer fetches).
#
# Environment, as make passes it: CC, CPPFLAGS, CFLAGS, LDFLAGS,
# PKG_CONFIG, SANCC (the sanitizer build's compiler); EVKIT_SKIP_HTML,
# CHROMIUM.

top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
CC=${CC:-cc}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
SANCC=${SANCC:-clang}
install=0
[ "$1" = -i ] && { install=1; shift; }
case $1 in
build|demo|test) level=$1 ;;
*) echo "usage: sh tests/deps.sh [-i] build|demo|test" >&2; exit 2 ;;
esac

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# cc_links [LIBS]: the compiler makes a program of $tmp/t.c.
# shellcheck disable=SC2086 # the flags are lists of words
cc_links() {
	$CC $CPPFLAGS $CFLAGS -o "$tmp/t" "$tmp/t.c" $LDFLAGS "$@"
}
cc_works() {
	printf 'int main(void) { return 0; }\n' >"$tmp/t.c" && cc_links
}
libcsv() {
	printf '%s\n' '#include <csv.h>' \
	    'int main(void) { struct csv_parser p; return csv_init(&p, 0); }' \
	    >"$tmp/t.c" && cc_links -lcsv
}
pc() { "$PKG_CONFIG" --exists "$1"; }
# hunspell's dictionaries where spell.c looks for them
dict() { test -f "/usr/share/hunspell/$1.dic"; }
have() { command -v "$1"; }
gnu_parallel() { parallel --version </dev/null | grep -q 'GNU parallel'; }
# The tests run Debian's python3 by its path, not the first on PATH.
pymod() { /usr/bin/python3 -c "import $1"; }
java_runs() { java -version; }

# want PACKAGE WHAT PROBE...: PACKAGE (Debian's name) brings WHAT, and is
# missing unless PROBE succeeds.
want() {
	pkg=$1 what=$2
	shift 2
	"$@" >/dev/null 2>&1 && return
	pkgs="$pkgs $pkg"
	whats="$whats${whats:+, }$what"
}

probe() {
	pkgs='' whats=''
	want build-essential "a C compiler ($CC)" cc_works
	want pkg-config "$PKG_CONFIG" have "$PKG_CONFIG"
	want libical-dev "libical >= 3 (pkg-config libical)" pc 'libical >= 3.0'
	want libpcre2-dev "pcre2 (pkg-config libpcre2-8)" pc libpcre2-8
	want libcsv-dev "libcsv (csv.h, -lcsv)" libcsv
	want libcmark-dev "libcmark (pkg-config libcmark)" pc libcmark
	want libyaml-dev "libyaml (pkg-config yaml-0.1)" pc yaml-0.1
	want libutf8proc-dev "utf8proc (pkg-config libutf8proc)" pc libutf8proc
	want libhunspell-dev "hunspell (pkg-config hunspell)" pc hunspell
	[ "$level" = build ] && return
	want tzdata "time zone data (/usr/share/zoneinfo)" \
	    test -f /usr/share/zoneinfo/Europe/Berlin
	[ "$level" = demo ] && return
	want mandoc mandoc have mandoc
	want clang "$SANCC" have "$SANCC"
	want bash bash have bash
	want zsh zsh have zsh
	want fish fish have fish
	want parallel "GNU parallel" gnu_parallel
	want hunspell-de-de "the de_DE dictionary" dict de_DE
	want hunspell-de-ch "the de_CH dictionary" dict de_CH
	want hunspell-en-us "the en_US dictionary" dict en_US
	want time "GNU time (/usr/bin/time)" test -x /usr/bin/time
	want python3 python3 have /usr/bin/python3
	want python3-icalendar "python3 icalendar" pymod icalendar
	want python3-recurring-ical-events "python3 recurring_ical_events" \
	    pymod recurring_ical_events
	want python3-feedparser "python3 feedparser" pymod feedparser
	[ "${EVKIT_SKIP_HTML:-0}" = 1 ] && return
	want chromium "Chromium ($CHROMIUM)" test -x "$CHROMIUM"
	want default-jre-headless "java" java_runs
	want nodejs node have node
	want npm npm have npm
}

# html_modules: tests/html/node_modules as its package-lock.json says,
# installed with -i when the stamp differs.
html_modules() {
	dir=$top/tests/html
	cmp -s "$dir/package-lock.json" "$dir/node_modules/.evkit-lock" &&
	    return
	if [ $install -eq 0 ]; then
		echo "evkit: not found: tests/html/node_modules as in its" \
		    "package-lock.json" >&2
		echo "evkit: (cd tests/html && npm ci --ignore-scripts) or" \
		    "sh tests/deps.sh -i test" >&2
		exit 1
	fi
	echo "evkit: installing tests/html/node_modules (npm ci)" >&2
	rm -f "$dir/node_modules/.evkit-lock"
	(cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts \
	    --no-audit --no-fund --loglevel=error) >&2 || exit 1
	cp "$dir/package-lock.json" "$dir/node_modules/.evkit-lock" || exit 1
}

# finish: all that the level needs is there but tests/html/node_modules.
finish() {
	[ "$level" = test ] && [ "${EVKIT_SKIP_HTML:-0}" != 1 ] && html_modules
	exit 0
}

probe
[ -z "$pkgs" ] && finish
if [ $install -eq 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "evkit: not found: $whats" >&2
	echo "evkit: on Debian or Ubuntu: apt-get install$pkgs" >&2
	[ $install -eq 0 ] &&
	    echo "evkit: (make demo and make check install them)" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
echo "evkit: installing:$pkgs" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || exit 1
# shellcheck disable=SC2086 # a list of package names
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $pkgs >&2 || exit 1
probe
[ -z "$pkgs" ] && finish
echo "evkit: still not found after installing: $whats" >&2
exit 1
