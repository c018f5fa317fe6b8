# --list-categories writes one name a line: an escaped line break inside
# a name becomes a space, and a name seen before (in any case) is not
# written again.
printf 'BEGIN:VEVENT\nUID:a\nDTSTART:20161224\nCATEGORIES:Kunst\\nund Kultur,kinder\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART:20161225\nCATEGORIES:KINDER,Kunst\\nund Kultur\nEND:VEVENT\n' |
	ev-filter --list-categories
