# --output - is standard output; stdin that is closed is named <stdin>.
ev-list --all --output - -f '{uid}' basic.ics | head -n 2
ls ./- 2>/dev/null && echo "a file named - was made"
ev-list --all - <&-; echo "status $?"
