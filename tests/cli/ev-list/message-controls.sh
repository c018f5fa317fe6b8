# Messages show control bytes and bytes that are no UTF-8 escaped, never
# raw: from the command line and from a feed.
ev-list --from "$(printf 'x\033[31my')"; echo "from: status $?"
printf 'BEGIN:VEVENT\nUID:a@test\nDTSTART:2016\033[2J\nEND:VEVENT\n' | ev-list --all; echo "feed: status $?"
