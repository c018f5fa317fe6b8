/*
 * icalparse - the baseline of the speed benchmark: parse an iCalendar
 * file with libical alone and count its VEVENTs.
 *
 *	icalparse [-s] FILE
 *
 * By default it parses the way libical's icalparser.h documents for a
 * file: icalparser_parse with an fgets line generator over the FILE*.
 * With -s it reads the whole file and calls icalparser_parse_string.
 * The count is printed so the parse cannot be optimised away.  The tree
 * is not freed: the baseline is the parse alone, not its teardown.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

static char *
read_line(char *s, size_t size, void *d)
{
	/* libical asks for its own small buffer's size; fgets wants int */
	if (size > (size_t)INT_MAX)
		size = (size_t)INT_MAX;
	return fgets(s, (int)size, (FILE *)d);
}

static icalcomponent *
parse_stream(FILE *fp)
{
	icalparser *p;
	icalcomponent *root;

	if ((p = icalparser_new()) == NULL)
		return NULL;
	icalparser_set_gen_data(p, fp);
	root = icalparser_parse(p, read_line);
	icalparser_free(p);
	return root;
}

static icalcomponent *
parse_whole(FILE *fp)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	icalcomponent *root;

	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((buf = realloc(buf, cap + 1)) == NULL)
				return NULL;
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	root = icalparser_parse_string(buf);
	free(buf);
	return root;
}

/* VEVENTs of a VCALENDAR, or of each VCALENDAR under an XROOT. */
static unsigned long
count_events(icalcomponent *c)
{
	icalcomponent *k;
	unsigned long n = 0;

	if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT)
		return 1;
	for (k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    k != NULL;
	    k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
		if (icalcomponent_isa(k) == ICAL_VEVENT_COMPONENT)
			n++;
		else if (icalcomponent_isa(k) == ICAL_VCALENDAR_COMPONENT)
			n += count_events(k);
	}
	return n;
}

int
main(int argc, char *argv[])
{
	icalcomponent *root;
	FILE *fp;
	int whole = 0;

	if (argc > 1 && strcmp(argv[1], "-s") == 0)
		whole = 1, argc--, argv++;
	if (argc != 2) {
		fputs("usage: icalparse [-s] FILE\n", stderr);
		return 2;
	}
	if ((fp = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	root = whole ? parse_whole(fp) : parse_stream(fp);
	fclose(fp);
	if (root == NULL) {
		fprintf(stderr, "icalparse: %s: %s\n", argv[1],
		    icalerror_strerror(icalerrno));
		return 1;
	}
	printf("%lu\n", count_events(root));
	return 0;
}
