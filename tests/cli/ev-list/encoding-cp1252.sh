# A feed in Windows-1252 (Latin-1 with the quotes and the euro sign):
# read as such and reported once; nothing is lost.  Then the same as CSV,
# and a UTF-8 feed with stray bytes: U+FFFD, reported per line, kept.
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTART:20161224T180000Z\r\nSUMMARY:\204Kr\344mer\223markt \226 5 \200\r\nLOCATION:M\374nchen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' |
ev-list --all -o csv; echo "ics: status $?"
printf 'summary,start\nStra\337enfest,2016-12-24\n' | ev-list --all -f '{summary}'; echo "csv: status $?"
printf 'BEGIN:VEVENT\nUID:b@test\nSUMMARY:K\303\266ln \377\nLOCATION:\344\nDTSTART:20161224\nEND:VEVENT\n' |
ev-list --all -f '{summary}|{location}'; echo "stray: status $?"
