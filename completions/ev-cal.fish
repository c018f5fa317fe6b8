# fish completion for ev-cal(1)

# IANA zone names below /usr/share/zoneinfo, without posix/ and right/.
function __ev_cal_zones
    test -d /usr/share/zoneinfo; or return
    find /usr/share/zoneinfo \( -path /usr/share/zoneinfo/posix -o -path /usr/share/zoneinfo/right \) -prune \
        -o \( -type f -o -type l \) -print 2>/dev/null |
        string replace -r -f '^/usr/share/zoneinfo/([A-Z])' '$1'
end

function __ev_cal_dates
    printf '%s\t%s\n' today 'this day' tomorrow 'the next day' \
        yesterday 'the day before' heute today morgen tomorrow \
        gestern yesterday now 'the current instant' \
        +1d 'one day from today' +7d 'a week from today' \
        +30d '30 days from today'
end

# Feeds: *.ics and *.csv files, and directories to descend into.  The
# file names come from fish's own file completion (it knows ~ and quoting).
function __ev_cal_feeds
    set -l files (complete -C "__fish_command_without_completions "(commandline -ct))
    string match -r -i -- '.*\.(?:ics|csv)$' $files
    string match -r -- '.*/$' $files
end

# True when the word being completed is a feed, not an option's argument.
function __ev_cal_wants_feed
    set -l tok (commandline -ct)
    string match -q -- '-*' $tok; and not contains -- -- (commandline -opc); and return 1
    return 0
end

complete -c ev-cal -f
complete -c ev-cal -n __ev_cal_wants_feed -a '(__ev_cal_feeds)'

# what to show
complete -c ev-cal -s 3 -l three -d 'The months before and after, too'
complete -c ev-cal -l month -d 'This month, or the month given (YYYY-MM)'
complete -c ev-cal -l year -d 'The twelve months of this year, or of YYYY'

# input and output
complete -c ev-cal -s i -l input-format -x -a 'ics csv tsv' -d 'Input format (default: detected)'
complete -c ev-cal -s o -l output-format -x -a 'text html' -d 'Output format'
complete -c ev-cal -l delimiter -x -a "(printf '%s\t%s\n' , comma ';' semicolon tab tab)" -d 'CSV delimiter'
complete -c ev-cal -l output -r -F -d 'Replace FILE atomically instead of writing stdout'

# common
complete -c ev-cal -l now -x -a '(__ev_cal_dates)' -d 'Take DATE as now'
complete -c ev-cal -l tz -x -a '(__ev_cal_zones)' -d 'Display zone'
complete -c ev-cal -l lang -x -a 'de\tGerman en\tEnglish' -d 'Language of month and weekday names'
complete -c ev-cal -l color -x -a 'auto always never' -d 'Colour text output'
complete -c ev-cal -l strict -d 'Any bad record is an error (exit 2)'
complete -c ev-cal -s h -l help -d 'Show the help'
complete -c ev-cal -s V -l version -d 'Show the version'
