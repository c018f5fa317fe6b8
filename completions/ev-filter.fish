# fish completion for ev-filter(1)

# IANA zone names below /usr/share/zoneinfo, without posix/ and right/.
function __ev_filter_zones
    test -d /usr/share/zoneinfo; or return
    find /usr/share/zoneinfo \( -path /usr/share/zoneinfo/posix -o -path /usr/share/zoneinfo/right \) -prune \
        -o \( -type f -o -type l \) -print 2>/dev/null |
        string replace -r -f '^/usr/share/zoneinfo/([A-Z])' '$1'
end

function __ev_filter_dates
    printf '%s\t%s\n' today 'this day' tomorrow 'the next day' \
        yesterday 'the day before' heute today morgen tomorrow \
        gestern yesterday now 'the current instant' \
        +1d 'one day from today' +7d 'a week from today' \
        +30d '30 days from today'
end

# The fields of the contract; any other name is a raw property.
function __ev_filter_fields
    printf '%s\n' uid start end all_day tz summary location description \
        categories price url status organizer recurrence_id rrule \
        sequence last_modified
end

# Feeds: *.ics, *.ical, *.csv and *.tsv files, and directories to descend
# into.  The file names come from fish's own file completion (it knows ~
# and quoting).
function __ev_filter_feeds
    set -l files (complete -C "__fish_command_without_completions "(commandline -ct))
    string match -r -i -- '.*\.(?:ics|ical|csv|tsv)$' $files
    string match -r -- '.*/$' $files
end

# True when the word being completed is a feed, not an option's argument.
function __ev_filter_wants_feed
    set -l tok (commandline -ct)
    string match -q -- '-*' $tok; and not contains -- -- (commandline -opc); and return 1
    return 0
end

# --category: the categories of the feeds named on the command line (not
# the word being completed), as `ev-filter --list-categories` finds them,
# one run per feed, a name found in several feeds (in any case) offered
# once.  Nothing without a feed or without an ev-filter on PATH.  Each
# feed is read up to 4 MiB, so a big one does not hold up the shell, and
# as the command line's --input-format and --delimiter say.
function __ev_filter_categories
    # the long options whose argument may be the next word (--month only
    # takes one there when it looks like YYYY-MM)
    set -l longopts from to on today tomorrow weekend week month upcoming \
        free paid free-pattern category search ignore-case word-regexp \
        fixed-strings field has missing uid status cancelled invert expand \
        count list-categories quiet max-count allow-empty input-format delimiter output \
        now tz lang color strict help version
    set -l argopts from to on free-pattern category search field has \
        missing uid status max-count input-format delimiter output now tz \
        lang color
    # the words, unquoted, without the command; the one being completed
    # is at $here
    set -l before (commandline -opc)
    set -l all (commandline -o)
    set -l n (count $before)
    set -l here $n
    test -n (commandline -ct); and set n (math $n + 1)
    set -l words $before[2..-1] '' $all[(math $n + 1)..-1]
    set -l feeds
    set -l readopts
    set -l opt
    set -l skip 0
    set -l ends 0
    for i in (seq (count $words))
        set -l w $words[$i]
        if test $skip = 2 # after --month: YYYY-MM is its argument
            set skip 0
            string match -q -r -- '^[0-9]{4}-[0-9]{2}$' $w; and continue
        end
        if test $skip = 1
            set skip 0
            # the feed is read as the command line says
            if contains -- "$opt" input-format delimiter; and test $i != $here
                set -a readopts "--$opt=$w"
            end
            continue
        end
        if test $ends = 0; and string match -q -- '-?*' $w
            if test $w = --
                set ends 1
            else if test $w = --month
                set skip 2
            else if string match -q -- '--*' $w
                # getopt_long takes unambiguous abbreviations
                set -l o (string replace -r -- '=.*' '' (string sub -s 3 -- $w))
                set -l m (string match -- "$o*" $longopts)
                contains -- $o $longopts; and set m $o
                set opt
                test (count $m) = 1; and set opt $m
                if string match -q -- '*=*' $w
                    if contains -- "$opt" input-format delimiter
                        set -a readopts "--$opt="(string replace -r -- '^[^=]*=' '' $w)
                    end
                    continue
                end
                test (count $m) = 1; and contains -- $m $argopts; and set skip 1
            else
                # -e and -n take the rest of the word, or the next
                string match -q -r -- '^-[^en]*[en]$' $w; and set skip 1
            end
            continue
        end
        test $i = $here -o "$w" = -; and continue
        set w (string replace -r -- '^~/' "$HOME/" $w)
        test -f "$w" -a -r "$w"; and set -a feeds $w
    end
    set -q feeds[1]; or return
    command -sq ev-filter; or return
    set -l seen
    for f in $feeds
        head -c 4194304 -- $f 2>/dev/null | command ev-filter $readopts --list-categories 2>/dev/null
    end | while read -l c
        set -l l (string lower -- $c)
        test -n "$c"; and not contains -- $l $seen; or continue
        set -a seen $l
        printf '%s\n' $c
    end
end

complete -c ev-filter -f
complete -c ev-filter -n __ev_filter_wants_feed -a '(__ev_filter_feeds)'

# time
complete -c ev-filter -l from -x -a '(__ev_filter_dates)' -d 'Not ended before DATE'
complete -c ev-filter -l to -x -a '(__ev_filter_dates)' -d 'Begins before DATE ends'
complete -c ev-filter -l on -x -a '(__ev_filter_dates)' -d 'On that day (or month, YYYY-MM)'
complete -c ev-filter -l today -d 'Today'
complete -c ev-filter -l tomorrow -d 'Tomorrow'
complete -c ev-filter -l weekend -d 'The coming Saturday and Sunday, or this weekend'
complete -c ev-filter -l week -d 'This ISO week, Monday to Sunday'
complete -c ev-filter -l month -d 'This month, or the month given (YYYY-MM)'
complete -c ev-filter -l upcoming -d 'Not yet ended'

# record
complete -c ev-filter -l free -d 'Admission is free (a zero price, or a free marker)'
complete -c ev-filter -l paid -d 'Admission costs (a price that is not zero)'
complete -c ev-filter -l free-pattern -x -d 'Free markers (default: kostenlos, frei, gratis, ...)'
complete -c ev-filter -l category -x -a '(__ev_filter_categories)' -d 'Has this category (any case)'
complete -c ev-filter -s e -l search -x -d 'Summary, description, location or categories match'
complete -c ev-filter -s i -l ignore-case -d '-e and --field ignore case'
complete -c ev-filter -s w -l word-regexp -d '-e and --field match whole words'
complete -c ev-filter -s F -l fixed-strings -d '-e and --field patterns are plain text'
complete -c ev-filter -l field -x -a '(__ev_filter_fields | string replace -r \'$\' =)' -d 'The field or property NAME matches RE: NAME=RE'
complete -c ev-filter -l has -x -a '(__ev_filter_fields)' -d 'The field or property NAME is present'
complete -c ev-filter -l missing -x -a '(__ev_filter_fields)' -d 'The field or property NAME is absent'
complete -c ev-filter -l uid -x -d 'This UID'
complete -c ev-filter -l status -x -a 'CONFIRMED TENTATIVE CANCELLED' -d 'This STATUS (any case)'
complete -c ev-filter -l cancelled -d 'STATUS:CANCELLED'
complete -c ev-filter -s v -l invert -d 'Select the events that do not match'

# output
complete -c ev-filter -l expand -d 'Write matching occurrences of recurring events, not whole series'
complete -c ev-filter -s c -l count -d 'Print the number of selected events only'
complete -c ev-filter -l list-categories -d 'Print the categories of the selected events, not the events'
complete -c ev-filter -s q -l quiet -d 'Print nothing; stop at the first selection'
complete -c ev-filter -s n -l max-count -x -d 'Stop after N selected events'
complete -c ev-filter -l allow-empty -d 'Exit 0, not 1, when nothing is selected'
complete -c ev-filter -l input-format -x -a 'ics csv tsv' -d 'Input format (default: detected)'
complete -c ev-filter -l delimiter -x -a "(printf '%s\t%s\n' , comma ';' semicolon tab tab)" -d 'CSV delimiter'
complete -c ev-filter -l output -r -F -d 'Replace FILE atomically instead of writing stdout'

# common
complete -c ev-filter -l now -x -a '(__ev_filter_dates)' -d 'Take DATE as now'
complete -c ev-filter -l tz -x -a '(__ev_filter_zones)' -d 'Display zone'
complete -c ev-filter -l lang -x -a 'de\tGerman en\tEnglish' -d 'Accepted by every tool (no effect here)'
complete -c ev-filter -l color -x -a 'auto always never' -d 'Accepted by every tool (no effect here)'
complete -c ev-filter -l strict -d 'Anything reported is an error (exit 2)'
complete -c ev-filter -s h -l help -d 'Show the help'
complete -c ev-filter -s V -l version -d 'Show the version'
