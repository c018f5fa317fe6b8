#!/bin/sh
# make demo: the main job on the bundled example data -- December 2026 in
# Neustadt an der Aue: the agenda of the month, its calendar grid, then
# the free events of the coming weekend and the number for children; then
# the newsroom: the bundled articles typeset, as a diff of the fixes and
# checked; last the tips article of the coming weekend's free events.
cd "$(dirname "$0")" || exit 1
PATH=../build/bin:$PATH
TZ=Europe/Berlin EV_NOW=2026-12-01T09:00:00
export PATH TZ EV_NOW

echo '$ ev-list --lang de --month 2026-12 veranstaltungen.ics termine.csv'
ev-list --lang de --month 2026-12 veranstaltungen.ics termine.csv || exit
echo
echo '$ ev-list --month 2026-12 -o ics veranstaltungen.ics termine.csv | ev-cal --lang de --month 2026-12'
ev-list --month 2026-12 -o ics veranstaltungen.ics termine.csv |
	ev-cal --lang de --month 2026-12
echo
echo '$ ev-filter --weekend --free veranstaltungen.ics | ev-list --lang de --from samstag --to sonntag'
ev-filter --weekend --free veranstaltungen.ics |
	ev-list --lang de --from samstag --to sonntag
echo
echo '$ ev-filter --category kinder -c veranstaltungen.ics'
ev-filter --category kinder -c veranstaltungen.ics
echo
echo '# the newsroom: the bundled article typeset, then checked'
echo '$ news-fmt --lang de artikel.txt'
news-fmt --lang de artikel.txt
echo
echo '$ news-fmt --diff artikel.md'
news-fmt --diff artikel.md
echo
echo '$ news-fmt --lang de --check artikel.txt artikel.md'
news-fmt --lang de --check artikel.txt artikel.md
echo
echo '# the tips for the coming weekend: its free events as an article'
echo '$ ev-filter --weekend --free --now 2026-12-03 veranstaltungen.ics | news-fmt --digest --lang de --now 2026-12-03'
ev-filter --weekend --free --now 2026-12-03 veranstaltungen.ics |
	news-fmt --digest --lang de --now 2026-12-03
exit 0
