#!/bin/sh
# Install the build dependencies that are missing, on Debian/Ubuntu.
# Quiet when everything is there, so "make" stays fast.  GNU parallel
# (parallel) is for the scale-out test of ev-filter.
pkgs="build-essential pkg-config libical-dev libcsv-dev libpcre2-dev
mandoc tzdata python3 python3-icalendar python3-recurring-ical-events clang
fish zsh parallel"
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
missing=
for p in $pkgs; do have "$p" || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null 2>&1 || {
	echo "evkit: please install:$missing" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
echo "evkit: installing build dependencies:$missing" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || exit 1
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $missing >&2 || exit 1
