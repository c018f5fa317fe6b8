#!/bin/sh
# Must fail: a block element inside <p> ends the paragraph, so the </p>
# after it has nothing to close -- an error for the Nu HTML Checker.
printf '<p>Heute: <div>Lesung</div></p>\n' | sh tests/html/page.sh
