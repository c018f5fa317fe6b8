# Parameters with an empty value (VALUE=, TZID=) are read as absent or
# undefined, never as a missing string (found by fuzzing: a crash).
printf 'BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20161224\nDTEND;VALUE=:20161225\nSUMMARY:leer\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART;TZID=:20161224T100000\nSUMMARY:ohne Zone\nEND:VEVENT\n' |
	ev-list --all -f '{uid} {start} {end} {summary}'
echo "status $?"
printf 'BEGIN:VEVENT\nUID:c\nDTSTART;TZID=:20161224T100000\nSUMMARY:ohne Zone\nEND:VEVENT\n' |
	ev-filter -e Zone
echo "status $?"
