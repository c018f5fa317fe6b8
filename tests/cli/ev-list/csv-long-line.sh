# A CSV line of 20 MB without quotes, and one that never ends: each is
# reported as a record longer than 16 MiB, read in pieces (memory stays
# bounded), and the records around it are kept.
{
	printf 'summary,start\nvorher,2016-12-24\n'
	head -c 20000000 /dev/zero | tr '\0' x
	printf ',2016-12-24\nnachher,2016-12-25\n'
} | ev-list --all -f '{summary} {start}'
echo "status $?"
{
	printf 'summary,start\nvorher,2016-12-24\n'
	head -c 20000000 /dev/zero | tr '\0' x
} | ev-list --all -f '{summary} {start}'
echo "status $?"
