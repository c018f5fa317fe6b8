#!/bin/sh
# Must fail: the check of ev-cal-month's grid (wrong-month.js is that
# check) on November 2026, which begins on a Sunday and needs 6 weeks.
ev-cal -o html --now 2026-11-03 --lang de examples/veranstaltungen.ics |
	sh tests/html/page.sh
