#!/bin/sh
# ev-cal -o html --year: twelve month tables of the CLI tests' feed, in
# German; -3: three months side by side, in English.  The style is the
# including page's, as in ev-cal-month.sh.
css='.ev-cal a { display: inline-block; min-width: 24px; min-height: 24px; }'
{
	ev-cal -o html --year 2016 --lang de tests/data/cal.ics &&
	ev-cal -o html -3 --lang en tests/data/cal.ics
} | sh tests/html/page.sh de 'Veranstaltungen 2016' "$css"
