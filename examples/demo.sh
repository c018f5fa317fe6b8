#!/bin/sh
# make demo: the main job on the bundled example data.
cd "$(dirname "$0")" || exit 1
PATH=../build/bin:$PATH
set -x
ev-list --tz Europe/Berlin --lang de --now 2026-12-01 --month 2026-12 \
	veranstaltungen.ics termine.csv
