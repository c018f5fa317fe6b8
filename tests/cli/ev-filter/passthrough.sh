# Pass-through: the selected VEVENT blocks are the input's bytes (folding,
# parameters, X- properties, VALARMs, line ends), for CRLF input and for
# the same feed with LF line ends; the added lines follow the input.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
# blocks FILE: the VEVENT blocks of FILE, bytes unchanged
blocks() {
	awk '/^BEGIN:VEVENT\r?$/ { on = 1 } on { print } /^END:VEVENT\r?$/ { on = 0 }' "$1"
}
tr -d '\r' <filter-crlf.ics >"$tmp/lf.ics"
for f in filter-crlf.ics "$tmp/lf.ics"; do
	case $f in *crlf*) n=CRLF ;; *) n=LF ;; esac
	ev-filter -e Rat "$f" >"$tmp/all.ics"
	echo "$n, all selected: status $?"
	cmp -s "$f" "$tmp/all.ics" && echo "$n: output = input"
	ev-filter --uid sprechstunde@rathaus.example --uid neujahr@rathaus.example \
	    "$f" >"$tmp/two.ics"
	echo "$n, two selected: status $?"
	blocks "$f" | awk '/^UID:ratssitzung/ { skip = 1 } { b = b $0 "\n" }
	    /^END:VEVENT\r?$/ { if (!skip) printf "%s", b; b = ""; skip = 0 }' >"$tmp/want"
	blocks "$tmp/two.ics" >"$tmp/got"
	cmp -s "$tmp/want" "$tmp/got" && echo "$n: the two VEVENTs as in the input"
	grep -c "$(printf '\r')\$" "$tmp/two.ics" | sed "s/^/$n: lines with CR: /"
	wc -l <"$tmp/two.ics" | sed "s/^ */$n: lines: /"
done
/usr/bin/python3 "$TOP/tests/strict_ics.py" filter-crlf.ics &&
    ev-filter --free filter-crlf.ics >"$tmp/free.ics" &&
    /usr/bin/python3 "$TOP/tests/strict_ics.py" "$tmp/free.ics" && echo "CRLF: strict: ok"
