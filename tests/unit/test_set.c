/* Unit tests: set.c (merging duplicates, sorting, the walk's hint) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

static struct ev_ctx *ctx;

/*
 * Add the events of an ICS text to s; each VEVENT is given as
 * "UID START END [SEQUENCE]" lines, START and END in UTC basic form
 * (END "-" for none).
 */
static void
add(struct ev_set *s, const char *spec)
{
	struct ev_reader r;
	struct ev_buf b = {0};
	struct ev_event *ev = ev_event_new();
	char uid[32], start[20], end[20];
	int seq, rc, k;
	const char *p = spec;

	ev_buf_adds(&b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	while (*p != '\0') {
		seq = 0;
		k = sscanf(p, "%31s %19s %19s %d", uid, start, end, &seq);
		if (k < 3)
			break;
		ev_buf_printf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:"
		    "20161201T000000Z\r\nDTSTART:%s\r\n", uid, start);
		if (strcmp(end, "-") != 0)
			ev_buf_printf(&b, "DTEND:%s\r\n", end);
		ev_buf_printf(&b, "SEQUENCE:%d\r\nEND:VEVENT\r\n", seq);
		p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p);
	}
	ev_buf_adds(&b, "END:VCALENDAR\r\n");
	ev_reader_init_mem(&r, ctx, "t.ics", b.p, b.len, EV_FMT_ICS);
	while ((rc = ev_ics_read(&r, ev)) != 0 && rc != -2) {
		T_EQ(rc, 1);
		if (rc == 1)
			ev_set_add(s, ev);
		ev_event_reset(ev);
	}
	ev_reader_fini(&r);
	ev_buf_free(&b);
	ev_event_free(ev);
}

/* The uids of the set in order, joined by spaces. */
static const char *
order(struct ev_set *s)
{
	static char out[512];

	out[0] = '\0';
	for (size_t i = 0; i < ev_set_count(s); i++) {
		const char *u = ev_event_text(ev_set_get(s, i), EV_F_UID);

		if (i > 0)
			strcat(out, " ");
		strncat(out, u ? u : "?", sizeof(out) - strlen(out) - 2);
	}
	return out;
}

static void
sorting(void)
{
	struct ev_set *s = ev_set_new(0);

	/* by start, then end (none: the start), then uid */
	add(s, "c 20161224T180000Z 20161224T200000Z\n"
	    "a 20161224T180000Z 20161224T190000Z\n"
	    "b 20161224T180000Z 20161224T190000Z\n"
	    "z 20161201T100000Z -\n"
	    "y 20161224T180000Z -\n");
	ev_set_sort(s, 0);
	T_STREQ(order(s), "z y a b c");
	ev_set_sort(s, 1);
	T_STREQ(order(s), "c b a y z");
	ev_set_free(s);
}

/* Equal in start, end and uid: the order they were read in, both ways. */
static void
stable(void)
{
	struct ev_set *s = ev_set_new(0);
	char spec[4096];
	size_t n = 0;

	/* more than one run of the merge sort, with ties across runs */
	for (int i = 0; i < 100; i++)
		n += (size_t)snprintf(spec + n, sizeof(spec) - n,
		    "%s 201612%02dT100000Z - %d\n", i % 2 ? "u" : "v",
		    1 + i % 3, i);
	add(s, spec);
	ev_set_sort(s, 0);
	T_EQ(ev_set_count(s), 100);
	for (size_t i = 1; i < ev_set_count(s); i++) {
		struct ev_event *a = ev_set_get(s, i - 1);
		struct ev_event *b = ev_set_get(s, i);

		T_OK(ev_event_cmp(a, b) <= 0);
		if (ev_event_cmp(a, b) == 0)
			T_OK(atoi(ev_event_text(a, EV_F_SEQUENCE)) <
			    atoi(ev_event_text(b, EV_F_SEQUENCE)));
	}
	ev_set_sort(s, 1);
	for (size_t i = 1; i < ev_set_count(s); i++) {
		struct ev_event *a = ev_set_get(s, i - 1);
		struct ev_event *b = ev_set_get(s, i);

		T_OK(ev_event_cmp(a, b) >= 0);
		if (ev_event_cmp(a, b) == 0)
			T_OK(atoi(ev_event_text(a, EV_F_SEQUENCE)) <
			    atoi(ev_event_text(b, EV_F_SEQUENCE)));
	}
	ev_set_free(s);
}

/* A newer duplicate replaces the older one, and sorts where it starts. */
static void
dedupe(void)
{
	struct ev_set *s = ev_set_new(1);

	add(s, "a 20161224T180000Z - 1\n"
	    "b 20161220T180000Z - 0\n"
	    "a 20161201T180000Z - 2\n"		/* newer: replaces */
	    "b 20161230T180000Z - 0\n"		/* not newer: kept out */
	    "c 20161210T180000Z - 0\n");
	T_EQ(ev_set_count(s), 3);
	ev_set_sort(s, 0);
	T_STREQ(order(s), "a c b");
	T_STREQ(ev_event_text(ev_set_get(s, 0), EV_F_SEQUENCE), "2");
	ev_set_free(s);
}

/* The hint changes nothing, at every index, in and past the set. */
static void
ahead(void)
{
	struct ev_set *s = ev_set_new(0);
	char before[512], spec[1024];
	size_t n = 0;

	/* more events than the hint looks ahead */
	for (int i = 0; i < 12; i++)
		n += (size_t)snprintf(spec + n, sizeof(spec) - n,
		    "%c 201612%02dT100000Z -\n", 'a' + i, 12 - i);
	add(s, spec);
	ev_set_sort(s, 0);
	T_STREQ(order(s), "l k j i h g f e d c b a");
	snprintf(before, sizeof(before), "%s", order(s));
	for (size_t i = 0; i < 20; i++)
		ev_set_ahead(s, i);
	T_STREQ(order(s), before);
	/* taken events leave holes the hint steps over */
	for (size_t i = 0; i < 12; i += 2)
		ev_event_free(ev_set_take(s, i));
	for (size_t i = 0; i < 20; i++)
		ev_set_ahead(s, i);
	T_EQ(ev_set_get(s, 4) == NULL, 1);
	T_STREQ(ev_event_text(ev_set_get(s, 5), EV_F_UID), "g");
	ev_set_free(s);
	s = ev_set_new(0);
	ev_set_ahead(s, 0);
	T_EQ(ev_set_count(s), 0);
	ev_set_free(s);
}

static void
run(void)
{
	struct ev_err err;

	ctx = ev_ctx_new();
	if (ev_ctx_set_tz(ctx, "UTC", &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		t_fail++;
		return;
	}
	sorting();
	stable();
	dedupe();
	ahead();
	ev_ctx_free(ctx);
}
