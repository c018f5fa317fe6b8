# NO_COLOR turns off --color auto only; --output is never coloured.
NO_COLOR=1 ev-cal --color always --lang en cal.ics | grep -c "$(printf '\033')" || :
NO_COLOR=1 ev-cal --lang en cal.ics | grep -c "$(printf '\033')" || :
