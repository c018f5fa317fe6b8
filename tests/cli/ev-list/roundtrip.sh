# ICS -> CSV -> ICS -> CSV is stable: for single events, recurring masters
# with EXDATE, overrides, and a German CSV export once it is ICS.
t=$(mktemp -d) || exit 1
ev-list --all -o ics termine.csv >"$t/termine.ics"
for f in basic.ics recur.ics rich.ics oracle/cancelled.ics "$t/termine.ics"; do
	ev-list --all -o csv "$f" >"$t/a.csv"
	ev-list --all -o ics "$t/a.csv" >"$t/b.ics"
	ev-list --all -o csv "$t/b.ics" >"$t/b.csv"
	if cmp -s "$t/a.csv" "$t/b.csv"; then echo "$(basename "$f"): stable"
	else echo "$(basename "$f"): differs"; diff "$t/a.csv" "$t/b.csv"; fi
done
# ICS -> ICS -> agenda: a custom inline zone is defined before its use,
# and a cancelled override still cancels its instance
ev-list --all -o ics rich.ics | ev-list --from 2016-12-28 --to 2016-12-28 -f '{start} {summary}'
ev-list --all -o csv oracle/cancelled.ics | ev-list --all -o ics |
	ev-list --from 2016-12-01 --to 2016-12-31 -f '{start} {summary}'
# CSV -> CSV keeps the columns the tools do not know
ev-list --all -o csv termine.csv | ev-list --all -o csv | head -n 1
rm -rf "$t"
