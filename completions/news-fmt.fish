# fish completion for news-fmt(1)

# Articles: *.txt and *.md files, and directories to descend into.
function __news_fmt_files
    set -l files (complete -C "__fish_command_without_completions "(commandline -ct))
    string match -r -i -- '.*\.(?:txt|md|ics|csv)$' $files
    string match -r -- '.*/$' $files
end

function __news_fmt_wants_file
    set -l tok (commandline -ct)
    string match -q -- '-*' $tok; and not contains -- -- (commandline -opc); and return 1
    return 0
end

complete -c news-fmt -f
complete -c news-fmt -n __news_fmt_wants_file -a '(__news_fmt_files)'

complete -c news-fmt -s i -l input-format -x -a 'hdr\t"Header block and body" md\t"YAML front matter" ics\t"--digest: iCalendar" csv\t"--digest: CSV" tsv\t"--digest: TSV"' -d 'Input format (default: detected)'
complete -c news-fmt -s o -l output-format -x -a 'text md html json jsonld rss atom jsonfeed' -d 'Output format'
complete -c news-fmt -l standalone -d 'With -o html: a whole HTML5 page'
complete -c news-fmt -s w -l width -x -a '0 60 72 80 100' -d 'Text: wrap at N columns (0: do not wrap)'
complete -c news-fmt -l nbsp -x -a 'narrow normal' -d 'The no-break space to put in'
complete -c news-fmt -l no-typo -d 'Leave the text as it is'
complete -c news-fmt -l fix -d 'Rewrite each file in place with the safe fixes'
complete -c news-fmt -l diff -d 'Print the fixes as a unified diff'
complete -c news-fmt -l check -d 'Report problems, change nothing'
complete -c news-fmt -l slug -d 'Print each article\'s slug, one a line'
complete -c news-fmt -l teaser -x -a '120 160 200 300' -d 'Print each lead cut to N characters (-o json: its teaser\'s length)'
complete -c news-fmt -l disable -x -a 'all quote-unpaired quote-mismatch quote-straight bracket-unpaired bracket-mismatch space-double space-punct word-repeat invisible nfd date-weekday sentence-long term spell time-style date-order missing-title missing-lead missing-alt missing-credit' -d 'With --check: leave out a rule'
complete -c news-fmt -l enable -x -a 'all quote-unpaired quote-mismatch quote-straight bracket-unpaired bracket-mismatch space-double space-punct word-repeat invisible nfd date-weekday sentence-long term spell time-style date-order missing-title missing-lead missing-alt missing-credit' -d 'With --check: take a rule in again'
complete -c news-fmt -l max-sentence -x -a '20 25 30 40' -d 'With --check: report sentences of more than N words'
complete -c news-fmt -l terms -r -F -d 'With --check: house terms, wrong => right a line'
complete -c news-fmt -l spell -d 'With --check: check spelling with hunspell'
complete -c news-fmt -l dict -r -F -d 'With --check: the house\'s own words (implies --spell)'
complete -c news-fmt -l feed-title -x -d 'A feed\'s title (-o rss, atom, jsonfeed)'
complete -c news-fmt -l feed-url -x -d 'The URL the feed is published at'
complete -c news-fmt -l base-url -x -d 'The URL an article\'s slug is appended to'
complete -c news-fmt -l digest -d 'Read events and write a tips article'
complete -c news-fmt -l from -x -a 'today tomorrow heute morgen samstag sonntag' -d 'With --digest: events that end after DATE'
complete -c news-fmt -l to -x -a 'today tomorrow heute morgen samstag sonntag' -d 'With --digest: events that start before the end of DATE'
complete -c news-fmt -l title -x -d 'With --digest: the headline'
complete -c news-fmt -l kicker -x -d 'With --digest: the line above the headline'
complete -c news-fmt -l group -x -a 'day\t"The days" category\t"The categories"' -d 'With --digest: headings'
complete -c news-fmt -l time-style -x -a 'duden\t"18.30 Uhr, 6.30 pm" din\t"18:30 Uhr, 18:30"' -d 'With --digest: how times are written'
complete -c news-fmt -l delimiter -x -a ', ; tab' -d 'With --digest: CSV delimiter'
complete -c news-fmt -l output -r -F -d 'Replace FILE atomically instead of writing stdout'
complete -c news-fmt -l now -x -a 'today tomorrow yesterday heute morgen gestern now' -d 'Take DATE as now'
complete -c news-fmt -l tz -x -a '(find /usr/share/zoneinfo -type f 2>/dev/null | string replace -r -f "^/usr/share/zoneinfo/([A-Z])" \'$1\')' -d 'Display zone'
complete -c news-fmt -l lang -x -a 'de\tGerman de-CH\t"Swiss German" en\tEnglish' -d 'Language of the typography'
complete -c news-fmt -l color -x -a 'auto always never' -d 'Colour output'
complete -c news-fmt -l strict -d 'Any bad article is an error (exit 2)'
complete -c news-fmt -s h -l help -d 'Show the help'
complete -c news-fmt -s V -l version -d 'Show the version'
