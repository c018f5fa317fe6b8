# A CSV record longer than 16 MiB (a quoted field over 600,000 lines) is
# reported and skipped, the records around it are kept, and memory stays
# bounded (the limit is what makes that so).
t=$(mktemp) || exit 1
{
	printf 'Titel;Beginn;Beschreibung\r\n'
	printf 'Gut;24.12.2016 18:00;kurz\r\n'
	printf 'Riesig;24.12.2016 19:00;"'
	yes 'Zeile mit ""Zitat"" und Text' | head -n 650000
	printf '"\r\nAuch gut;24.12.2016 20:00;kurz\r\n'
} >"$t"
ev-list --all -f '{summary}' "$t" 2>&1 | sed "s|$t|FILE|"
rm -f "$t"
