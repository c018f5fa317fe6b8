# -o tsv reads back as TSV (sniffed from a header of tabs without quotes):
# escaped newlines in rrule and description come back.
a=$(ev-list --all -o csv recur.ics basic.ics)
b=$(ev-list --all -o tsv recur.ics basic.ics | ev-list --all -o csv)
[ "$a" = "$b" ] && echo "tsv: stable" || { echo "tsv: differs"; echo "$b"; }
