# --allow-empty: nothing selected is status 0, the empty calendar still written; 2 and 3 unchanged
ev-filter --category Nichts basic.ics >/dev/null; echo "without: $?"
ev-filter --allow-empty --category Nichts basic.ics; echo "with: $?"
ev-filter --allow-empty -c --category Nichts basic.ics; echo "count: $?"
ev-filter --allow-empty --category Nichts filter-bad.ics >/dev/null 2>&1; echo "bad records: $?"
ev-filter --allow-empty --strict --category Nichts filter-bad.ics >/dev/null 2>&1; echo "strict: $?"
