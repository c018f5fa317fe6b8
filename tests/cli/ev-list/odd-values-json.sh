# An empty SUMMARY is empty text, SEQUENCE:007 is not a JSON number.
ev-list --all -o json odd-values.ics 2>/dev/null
