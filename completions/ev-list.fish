# fish completion for ev-list(1)

# IANA zone names below /usr/share/zoneinfo, without posix/ and right/.
function __ev_list_zones
    test -d /usr/share/zoneinfo; or return
    find /usr/share/zoneinfo \( -path /usr/share/zoneinfo/posix -o -path /usr/share/zoneinfo/right \) -prune \
        -o \( -type f -o -type l \) -print 2>/dev/null |
        string replace -r -f '^/usr/share/zoneinfo/([A-Z])' '$1'
end

function __ev_list_dates
    printf '%s\t%s\n' today 'this day' tomorrow 'the next day' \
        yesterday 'the day before' heute today morgen tomorrow \
        gestern yesterday now 'the current instant' \
        +1d 'one day from today' +7d 'a week from today' \
        +30d '30 days from today'
end

# Feeds: *.ics and *.csv files, and directories to descend into.  The
# file names come from fish's own file completion (it knows ~ and quoting).
function __ev_list_feeds
    set -l files (complete -C "__fish_command_without_completions "(commandline -ct))
    string match -r -i -- '.*\.(?:ics|csv)$' $files
    string match -r -- '.*/$' $files
end

# True when the word being completed is a feed, not an option's argument.
function __ev_list_wants_feed
    set -l tok (commandline -ct)
    string match -q -- '-*' $tok; and not contains -- -- (commandline -opc); and return 1
    return 0
end

complete -c ev-list -f
complete -c ev-list -n __ev_list_wants_feed -a '(__ev_list_feeds)'

# window (agenda mode)
complete -c ev-list -l all -d 'Every record as it is: nothing expanded, no window'
complete -c ev-list -l from -x -a '(__ev_list_dates)' -d 'Events that end after DATE'
complete -c ev-list -l to -x -a '(__ev_list_dates)' -d 'Events that start before DATE'
complete -c ev-list -l on -x -a '(__ev_list_dates)' -d 'Events on that day (or month, YYYY-MM)'
complete -c ev-list -l today -d 'Events today'
complete -c ev-list -l week -d 'Events this week (ISO week, Monday to Sunday)'
complete -c ev-list -l month -d 'Events this month, or in the month given (YYYY-MM)'

# selection and order
complete -c ev-list -s n -x -d 'Print the first N events only'
complete -c ev-list -l reverse -d 'Latest first'
complete -c ev-list -l no-sort -d 'Keep input order (implies --no-dedupe)'
complete -c ev-list -l no-dedupe -d 'Keep every copy of an event found in several feeds'
complete -c ev-list -l cancelled -d 'Include cancelled events and occurrences'
complete -c ev-list -l max-occurrences -x -d 'At most N occurrences per recurring event'

# input and output
complete -c ev-list -s i -l input-format -x -a 'ics csv tsv' -d 'Input format (default: detected)'
complete -c ev-list -s o -l output-format -x -a 'text ics csv tsv json' -d 'Output format'
complete -c ev-list -s f -l format -x -d 'One line per event from a template: {field}'
complete -c ev-list -l delimiter -x -a "(printf '%s\t%s\n' , comma ';' semicolon tab tab)" -d 'CSV delimiter'
complete -c ev-list -l output -r -F -d 'Replace FILE atomically instead of writing stdout'
complete -c ev-list -l calname -x -d 'ICS output: calendar name'
complete -c ev-list -l refresh -x -a 'PT1H PT6H PT12H P1D' -d 'ICS output: refresh interval'

# common
complete -c ev-list -l now -x -a '(__ev_list_dates)' -d 'Take DATE as now'
complete -c ev-list -l tz -x -a '(__ev_list_zones)' -d 'Display zone'
complete -c ev-list -l lang -x -a 'de\tGerman en\tEnglish' -d 'Language of the agenda'
complete -c ev-list -l color -x -a 'auto always never' -d 'Colour text output'
complete -c ev-list -l strict -d 'Anything reported is an error (exit 2)'
complete -c ev-list -s h -l help -d 'Show the help'
complete -c ev-list -s V -l version -d 'Show the version'
