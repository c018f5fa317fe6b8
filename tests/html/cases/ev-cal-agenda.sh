#!/bin/sh
# ev-cal -o html --standalone -3 -a: three months side by side in English
# (Sunday first), week numbers, the neighbouring days blank, links to the
# agenda's day headings below the tables.
ev-cal -o html --standalone -3 -a -w --no-adjacent --lang en \
    --now 2016-12-21 --link '#ev-{date}' 12 2016 tests/data/cal-span.ics
