# Without --lang the language comes from LC_ALL, LC_TIME, LANG.
LANG=de_DE.UTF-8 ev-cal --month 2016-12 cal.ics | head -n 2
LC_TIME=en_GB.UTF-8 LANG=de_DE.UTF-8 ev-cal --month 2016-12 cal.ics | head -n 2
LC_ALL=de_AT.UTF-8 LC_TIME=en_GB.UTF-8 ev-cal -o html cal.ics | head -n 2
