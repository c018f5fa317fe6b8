#!/bin/sh
# ev-cal -o html --standalone: the bundled month of events (December
# 2026), today the 3rd, in German, event days linked to the portal's day
# page; ev-cal-month.js checks the grid.  The page is ev-cal's own, with
# its stylesheet (day links of at least 24 by 24 pixels, WCAG 2.5.8).
ev-cal -o html --standalone --now 2026-12-03 --lang de \
    --link 'https://example.org/veranstaltungen?datum={date}' \
    examples/veranstaltungen.ics
