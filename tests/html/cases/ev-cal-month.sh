#!/bin/sh
# ev-cal -o html: the bundled month of events (December 2026), today the
# 3rd, in German, as a page would show it.  ev-cal-month.js checks the grid.
#
# The fragment has no style of its own; the page that includes it gives
# the day links a target of at least 24 by 24 pixels (WCAG 2.5.8, axe's
# target-size), as this minimal one does.  When ev-cal writes a whole
# page with its own style, check that instead, without this one.
ev-cal -o html --now 2026-12-03 --lang de examples/veranstaltungen.ics |
	sh tests/html/page.sh de 'Veranstaltungen im Dezember 2026' \
	    '.ev-cal a { display: inline-block; min-width: 24px; min-height: 24px; }'
