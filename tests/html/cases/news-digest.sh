#!/bin/sh
# news-fmt --digest -o html --standalone: the weekend's free events of
# the bundled month as the portal's "Veranstaltungstipps" page.
ev-filter --weekend --free --now 2026-12-03 examples/veranstaltungen.ics |
    news-fmt --digest --lang de --now 2026-12-03 --tz Europe/Berlin \
    -o html --standalone
