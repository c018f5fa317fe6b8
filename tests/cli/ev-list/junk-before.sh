# A feed saved with the header of its HTTP response: the lines before
# BEGIN:VCALENDAR are skipped with one report, the feed is read.
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/calendar; charset=utf-8\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTART:20161224\r\nSUMMARY:Heiligabend\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' |
ev-list --all -f '{uid} {summary}'; echo "http: status $?"
printf 'junk\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:b@test\nDTSTART:20161224\nEND:VEVENT\nEND:VCALENDAR\n' |
ev-list --all -f '{uid}'; echo "one: status $?"
