#!/bin/sh
# make demo: the main job on the bundled example data -- December 2026 in
# Neustadt an der Aue: the agenda of the month, then its calendar grid.
cd "$(dirname "$0")" || exit 1
PATH=../build/bin:$PATH
export TZ=Europe/Berlin EV_NOW=2026-12-01T09:00:00
set -x
ev-list --lang de --month 2026-12 veranstaltungen.ics termine.csv
ev-list --month 2026-12 -o ics veranstaltungen.ics termine.csv |
	ev-cal --lang de --month 2026-12
