#!/bin/sh
# The HTML that evkit's tools write, checked as users see it: every case
# tests/html/cases/NAME.sh prints a page, which must be valid for the Nu
# HTML Checker (vnu: no error, no warning), free of axe-core's WCAG 2.x
# A and AA violations in headless Chromium, and pass NAME.js, run in the
# page when it exists.  The self-tests in tests/html/selftest/ must fail
# for the reasons in their NAME.expect.  tests/html/check.js does the
# work (vnu once, Chromium once); make check runs this through
# tests/run.sh.  Last line: "N passed, N failed".
#
#   sh tests/html.sh
#
# Needs java, node, Chromium ($CHROMIUM, default /usr/bin/chromium) and
# tests/html/node_modules as installed from its package-lock.json: make
# check (sh tests/deps.sh -i test) installs them all.  Anything missing
# is a failure, not a skip, unless EVKIT_SKIP_HTML=1 says to skip.

top=$(cd "$(dirname "$0")/.." && pwd)
if [ "${EVKIT_SKIP_HTML:-0}" = 1 ]; then
	echo "SKIP: html: EVKIT_SKIP_HTML=1: no page was checked (vnu, axe)"
	echo "0 passed, 0 failed"
	exit 0
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
missing=
command -v java >/dev/null 2>&1 || missing="$missing java"
command -v node >/dev/null 2>&1 || missing="$missing node"
[ -x "$chromium" ] || missing="$missing $chromium"
cmp -s "$top/tests/html/package-lock.json" \
    "$top/tests/html/node_modules/.evkit-lock" ||
	missing="$missing tests/html/node_modules"
if [ -n "$missing" ]; then
	echo "FAIL: html: not found:$missing"
	echo "    sh tests/deps.sh -i test installs it (make check does);"
	echo "    EVKIT_SKIP_HTML=1 skips the HTML checks"
	echo "0 passed, 1 failed"
	exit 1
fi
CHROMIUM=$chromium exec node "$top/tests/html/check.js" "$top"
