# The language comes from LC_ALL, LC_TIME, LANG when --lang is not given.
LANG=de_DE.UTF-8 ev-list --on 2016-12-24 basic.ics | head -n 1
LC_TIME=en_GB.UTF-8 LANG=de_DE.UTF-8 ev-list --on 2016-12-24 basic.ics | head -n 1
LC_ALL=de_AT.UTF-8 LC_TIME=en_GB.UTF-8 ev-list --on 2016-12-24 basic.ics | head -n 1
EV_NOW=2016-12-31T12:00 ev-list --lang en --today basic.ics
TZ=America/New_York ev-list --lang en --on 2016-12-24 -f '{start} {summary}' basic.ics
