#!/bin/sh
# ev-cal -o html --standalone --year: twelve month tables of the CLI
# tests' feed, in German, with week numbers and links.
ev-cal -o html --standalone --year 2016 -w --lang de \
    --link 'https://example.org/veranstaltungen?datum={date}' \
    tests/data/cal.ics
