# Scale out with GNU parallel: the feed is cut at BEGIN:VEVENT into small
# blocks, ev-filter filters each block (the first has the calendar header,
# the others are bare VEVENTs, the last ends with END:VCALENDAR), and
# ev-list --all -o ics joins the outputs into one calendar.  The joined
# calendar must hold the same events as one ev-filter over the whole feed,
# and pass the strict checker; the same when the blocks go "to other hosts"
# through --ssh, here tests/fake-ssh, which runs the command locally.
# ev-filter's status 1 (nothing in a block) is fine; 2 or 3 is not.
command -v parallel >/dev/null 2>&1 || {
	echo "GNU parallel (Debian package parallel) not installed: skipped" >&2
	exit 0
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
# parallel keeps files under $HOME/.parallel: keep them here, and need no HOME
HOME=$tmp
export TMPDIR="$tmp" HOME

# A feed of 50 events in December 2016, every third for children, some
# with folded lines, X- properties and VALARMs; CRLF line ends.
i=1
{
	printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//ev-filter scale-out//DE\n'
	printf 'X-WR-CALNAME:Großer Feed\n'
	while [ $i -le 50 ]; do
		day=$(( (i * 7) % 31 + 1 ))
		case $((i % 3)) in
		0) cat=Kinder ;; 1) cat=Musik ;; 2) cat="Markt,Essen" ;;
		esac
		printf 'BEGIN:VEVENT\nUID:feed-%02d@test\nDTSTAMP:20161201T090000Z\n' $i
		printf 'DTSTART;TZID=Europe/Berlin:201612%02dT%02d0000\n' $day $((10 + i % 10))
		printf 'DURATION:PT1H30M\nSUMMARY:Veranstaltung Nummer %d mit einem langen Titel, der g\n' $i
		printf ' efaltet ist\nCATEGORIES:%s\nX-FEED-NR:%d\n' "$cat" $i
		[ $((i % 5)) -eq 0 ] &&
			printf 'BEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Bald\nTRIGGER:-PT1H\nEND:VALARM\n'
		printf 'END:VEVENT\n'
		i=$((i + 1))
	done
	printf 'END:VCALENDAR\n'
} | sed 's/$/\r/' >"$tmp/feed.ics"

filter='ev-filter --category kinder --from 2016-12-10'
$filter "$tmp/feed.ics" | ev-list --all -o ics >"$tmp/plain.ics"
echo "plain: $(grep -c '^BEGIN:VEVENT' "$tmp/plain.ics") events"

blocks=$(parallel --will-cite --pipe --recstart 'BEGIN:VEVENT' --block 1k \
    'grep -c "^BEGIN:VEVENT"' <"$tmp/feed.ics" | wc -l)
[ "$blocks" -ge 5 ] && echo "blocks: 5 or more" || echo "blocks: only $blocks"

# run LABEL PARALLEL-OPTIONS...
run() {
	label=$1
	shift
	parallel --will-cite --pipe --recstart 'BEGIN:VEVENT' --block 1k "$@" \
	    "$filter; test \$? -le 1" <"$tmp/feed.ics" >"$tmp/$label.out"
	echo "$label: parallel status $?"
	ev-list --all -o ics "$tmp/$label.out" >"$tmp/$label.ics"
	echo "$label: ev-list status $?"
	cmp -s "$tmp/plain.ics" "$tmp/$label.ics" &&
	    echo "$label: same events as plain" ||
	    diff "$tmp/plain.ics" "$tmp/$label.ics" | head -n 20
	/usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/$label.ics" &&
	    echo "$label: strict: ok"
}
run local -j 2
run ssh --ssh "$TOP/tests/fake-ssh" -S 2/fakehost1,2/fakehost2
# the hosts did run blocks (GNU parallel tells the job its host)
parallel --will-cite --pipe --recstart 'BEGIN:VEVENT' --block 1k \
    --ssh "$TOP/tests/fake-ssh" -S 2/fakehost1,2/fakehost2 \
    'cat >/dev/null; echo "$PARALLEL_SSHHOST"' <"$tmp/feed.ics" | sort -u
