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

# Feeds: *.ics, *.csv and *.tsv files, and directories to descend into.
# The file names come from fish's own file completion (it knows ~ and
# quoting).
function __ev_cal_feeds
    set -l files (complete -C "__fish_command_without_completions "(commandline -ct))
    string match -r -i -- '.*\.(?:ics|csv|tsv)$' $files
    string match -r -- '.*/$' $files
end

# Month names for the date operand and --month (any case is read).
function __ev_cal_months
    printf '%s\tmonth\n' januar februar märz april mai juni juli august \
        september oktober november dezember january february march may \
        june july october december
end

# True while no date has been given: no operand yet (the date comes
# first), no --month or --year with a value, and the word is not right
# after --year (whose argument is a year).  Options that take the next
# word skip it; --color, --month and --year only when it looks like one,
# as ev-cal reads them.
function __ev_cal_wants_month
    set -l words (commandline -opc)
    set -e words[1]
    test "$words[-1]" = --year; and return 1
    string match -q -- '*/*' (commandline -ct); and return 1
    set -l i 1
    while test $i -le (count $words)
        set -l w $words[$i]
        set -l next
        test $i -lt (count $words); and set next $words[(math $i + 1)]
        switch $w
            case -- '--' '--month=?*' '--year=?*'
                return 1
            case -n -i -o '-[13amswy]*[nio]' --months --input-format \
                --output-format --link --delimiter --output --now --tz --lang
                set i (math $i + 1)
            case --color
                string match -q -r -- '^(auto|always|never)$' "$next"; and set i (math $i + 1)
            case --month
                string match -q -r -- '^([0-9]+-|[[:alpha:]])' "$next"; and return 1
            case --year
                string match -q -r -- '^[0-9]+$' "$next"; and return 1
            case '-?*'
            case '*'
                return 1
        end
        set i (math $i + 1)
    end
    return 0
end

# True when the word being completed is a feed, not an option's argument.
function __ev_cal_wants_feed
    set -l tok (commandline -ct)
    string match -q -- '-*' $tok; and not contains -- -- (commandline -opc); and return 1
    return 0
end

complete -c ev-cal -f
complete -c ev-cal -n '__ev_cal_wants_feed; and __ev_cal_wants_month' -a '(__ev_cal_months)'
complete -c ev-cal -n __ev_cal_wants_feed -a '(__ev_cal_feeds)'

# what to show
complete -c ev-cal -s 1 -l one -d 'One month'
complete -c ev-cal -s 3 -l three -d 'The months before and after, too, side by side'
complete -c ev-cal -s n -l months -x -d 'N months from the month (1-1200)'
complete -c ev-cal -s y -d 'The twelve months of the year (YYYY as the operand)'
complete -c ev-cal -l year -d 'The twelve months of this year, or of YYYY'
complete -c ev-cal -l month -d 'This month, or the month given (YYYY-MM or a name)'

# layout
complete -c ev-cal -s m -l monday -d 'Weeks start on Monday (default for --lang de)'
complete -c ev-cal -s s -l sunday -d 'Weeks start on Sunday (default for --lang en)'
complete -c ev-cal -s w -l week-numbers -d 'ISO 8601 week numbers before each week'
complete -c ev-cal -l no-adjacent -d 'Blank the days of the neighbouring months'
complete -c ev-cal -l counts -d 'The number of events per day, not a mark'
complete -c ev-cal -s a -l agenda -d 'The events of the months by day, below the grid'

# input and output
complete -c ev-cal -s i -l input-format -x -a 'ics csv tsv' -d 'Input format (default: detected)'
complete -c ev-cal -s o -l output-format -x -a "(printf '%s\t%s\n' text 'like cal(1)' html 'a table per month')" -d 'Output format'
complete -c ev-cal -l link -x -d 'html: event days link to URL, {date} the day'
complete -c ev-cal -l standalone -d 'html: a whole page with a small stylesheet'
complete -c ev-cal -l delimiter -x -a "(printf '%s\t%s\n' , comma ';' semicolon tab tab)" -d 'CSV delimiter'
complete -c ev-cal -l output -r -F -d 'Replace FILE atomically instead of writing stdout'

# common
complete -c ev-cal -l now -x -a '(__ev_cal_dates)' -d 'Take DATE as now'
complete -c ev-cal -l tz -x -a '(__ev_cal_zones)' -d 'Display zone'
complete -c ev-cal -l lang -x -a 'de\tGerman en\tEnglish' -d 'Language of month and weekday names'
complete -c ev-cal -l color -x -a 'auto always never' -d 'Colour text output (--color alone: always)'
complete -c ev-cal -l strict -d 'Anything reported is an error (exit 2)'
complete -c ev-cal -s h -l help -d 'Show the help'
complete -c ev-cal -s V -l version -d 'Show the version'
