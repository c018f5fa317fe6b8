# Bad records on standard input are reported as <stdin>:LINE.
ev-filter <filter-bad.ics
echo "status $?"
