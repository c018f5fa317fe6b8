/*
 * expand - lib/recur.c against libical 3.0's RRULE iterator on the same
 * work, in one process.
 *
 *	expand FEED [YEAR]
 *
 * The recurring events of FEED (made by gen) are expanded over the year
 * YEAR (2025) in Europe/Berlin, [YEAR-01-01T00:00, YEAR+1-01-01T00:00):
 *
 *  - ours: ev_expand_new, ev_expand_add of every recurring event read
 *    by ev_input_next, ev_expand_next until it has none, each occurrence
 *    freed, ev_expand_free;
 *  - libical: the feed parsed by icalparser_parse_string, then for each
 *    VEVENT with an RRULE icalrecur_iterator_new from its DTSTART and
 *    icalrecur_iterator_next up to the window's end, each instance
 *    turned into UTC by icaltimezone_convert_time, EXDATEs applied by
 *    icalproperty_recurrence_is_excluded, and counted when it overlaps
 *    the window.
 *
 * Reading and parsing are not timed, nor the copies of the events that
 * ev_expand_add takes over; the clock runs over the expansion only.
 * Best of REPS runs each.  The counts may differ where libical is wrong
 * (UNTIL in UTC against a zoned DTSTART), so both are printed.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "evkit.h"
#include "bench.h"

#define REPS		5
#define CAP		1000		/* per series, as ev-list's default */
#define DEFAULT_YEAR	2025
#define ZONE		"Europe/Berlin"	/* the display zone: DATE values */

/* Our side: the recurring events as read. */
struct ours {
	struct ev_ctx *ctx;
	struct ev_event **ev;
	size_t	 n, cap;
};

/* libical's side: its tree and the VEVENTs with an RRULE. */
struct theirs {
	icalcomponent *root;
	icalcomponent **ev;
	size_t	 n, cap;
	icaltimezone *display, *utc;
};

static void *
xrealloc(void *p, size_t n, size_t size)
{
	if (n > SIZE_MAX / size || (p = realloc(p, n * size)) == NULL) {
		perror("expand");
		exit(1);
	}
	return p;
}

/* ---- ours ---------------------------------------------------------- */

static int
ours_read(struct ours *o, char *path)
{
	struct ev_input *in;
	struct ev_event *ev;
	int rc, bad = 0;

	in = ev_input_new(o->ctx, &path, 1, EV_FMT_AUTO, 0);
	ev = ev_event_new();
	while ((rc = ev_input_next(in, ev)) != 0) {
		if (rc < 0) {
			fprintf(stderr, "expand: %s\n", ev_input_error(in));
			bad = rc == -2;
			continue;
		}
		if (!ev_event_recurring(ev))
			continue;
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 1024;
			o->ev = xrealloc(o->ev, o->cap, sizeof(*o->ev));
		}
		o->ev[o->n++] = ev_event_dup(ev);
	}
	ev_event_free(ev);
	ev_input_free(in);
	return bad ? -1 : 0;
}

/* One expansion of every recurring event; its seconds, *count set. */
static double
ours_run(struct ours *o, int64_t from, int64_t to, int talk,
    unsigned long *count)
{
	struct ev_event **copy, *occ;
	struct ev_expand *x;
	struct ev_err err;
	unsigned long n = 0;
	size_t i;
	double t;
	int rc;

	/* ev_expand_add takes the events over: copies, made off the clock */
	copy = xrealloc(NULL, o->n ? o->n : 1, sizeof(*copy));
	for (i = 0; i < o->n; i++)
		copy[i] = ev_event_dup(o->ev[i]);
	t = now();
	x = ev_expand_new(o->ctx, from, to, CAP);
	for (i = 0; i < o->n; i++)
		ev_expand_add(x, copy[i]);
	while ((rc = ev_expand_next(x, &occ, &err)) != 0) {
		if (rc < 0) {
			/* the same warnings every run: tell them once */
			if (talk)
				fprintf(stderr, "expand: %s\n", err.msg);
			continue;
		}
		n++;
		ev_event_free(occ);
	}
	ev_expand_free(x);
	t = now() - t;
	free(copy);
	*count = n;
	return t;
}

/* ---- libical ------------------------------------------------------- */

static char *
slurp(const char *path)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return NULL;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			buf = xrealloc(buf, cap + 1, 1);
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		perror(path);
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	buf[len] = '\0';
	return buf;
}

/* Gather the VEVENTs with an RRULE, in a VCALENDAR or under an XROOT. */
static void
theirs_gather(struct theirs *l, icalcomponent *c)
{
	icalcomponent *k;

	if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT) {
		if (icalcomponent_get_first_property(c,
		    ICAL_RRULE_PROPERTY) == NULL)
			return;
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 1024;
			l->ev = xrealloc(l->ev, l->cap, sizeof(*l->ev));
		}
		l->ev[l->n++] = c;
		return;
	}
	for (k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    k != NULL;
	    k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		theirs_gather(l, k);
}

static int
theirs_read(struct theirs *l, const char *path)
{
	char *buf;

	if ((buf = slurp(path)) == NULL)
		return -1;
	l->root = icalparser_parse_string(buf);
	free(buf);
	if (l->root == NULL) {
		fprintf(stderr, "expand: %s: %s\n", path,
		    icalerror_strerror(icalerrno));
		return -1;
	}
	l->utc = icaltimezone_get_utc_timezone();
	l->display = icaltimezone_get_builtin_timezone(ZONE);
	theirs_gather(l, l->root);
	return 0;
}

/* A wall clock in zone as UTC seconds; a DATE as its midnight. */
static int64_t
to_utc(struct icaltimetype t, icaltimezone *zone, icaltimezone *utc)
{
	t.is_date = 0;
	icaltimezone_convert_time(&t, zone, utc);
	return (int64_t)icaltime_as_timet(t);
}

/*
 * How an event's instances end: an exact length in seconds for a
 * DATE-TIME DTEND or DURATION, whole days for an all-day event (its
 * instances end at a later midnight, 23 or 25 hours away around a DST
 * change), or not at all (*has_end 0) for an instant.
 */
static void
span_of(struct icaltimetype s, struct icaltimetype e, icaltimezone *zone,
    icaltimezone *utc, int *has_end, int64_t *secs, int *days)
{
	*has_end = 1;
	*secs = 0;
	*days = 0;
	if (s.is_date) {
		*days = icaltime_is_null_time(e) ? 1 :
		    (int)((icaltime_as_timet(e) - icaltime_as_timet(s)) / 86400);
		return;
	}
	if (icaltime_is_null_time(e)) {
		*has_end = 0;
		return;
	}
	*secs = to_utc(e, zone, utc) - to_utc(s, zone, utc);
}

/* The instances of one VEVENT that overlap [from, to). */
static unsigned long
theirs_one(const struct theirs *l, icalcomponent *c, int64_t from,
    int64_t to)
{
	struct icaltimetype s, e, t;
	struct icalrecurrencetype rule;
	icalrecur_iterator *it;
	icaltimezone *zone;
	int64_t u, end, secs;
	unsigned long n = 0;
	int has_end, days;

	s = icalcomponent_get_dtstart(c);
	e = icalcomponent_get_dtend(c);
	rule = icalproperty_get_rrule(icalcomponent_get_first_property(c,
	    ICAL_RRULE_PROPERTY));
	/* DATE and floating times are in the display zone */
	zone = s.is_date || s.zone == NULL ? l->display :
	    (icaltimezone *)s.zone;
	span_of(s, e, zone, l->utc, &has_end, &secs, &days);
	if ((it = icalrecur_iterator_new(rule, s)) == NULL)
		return 0;
	for (;;) {
		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t))
			break;
		if ((u = to_utc(t, zone, l->utc)) >= to)
			break;
		if (days > 0) {
			e = t;
			icaltime_adjust(&e, days, 0, 0, 0);
			end = to_utc(e, zone, l->utc);
		} else
			end = u + secs;
		if (has_end ? end <= from : u < from)
			continue;
		if (icalproperty_recurrence_is_excluded(c, &s, &t))
			continue;
		n++;
	}
	icalrecur_iterator_free(it);
	return n;
}

static double
theirs_run(const struct theirs *l, int64_t from, int64_t to,
    unsigned long *count)
{
	unsigned long n = 0;
	size_t i;
	double t;

	t = now();
	for (i = 0; i < l->n; i++)
		n += theirs_one(l, l->ev[i], from, to);
	t = now() - t;
	*count = n;
	return t;
}

/* ---- the run ------------------------------------------------------- */

static void
report(int year, size_t nev, unsigned long ocount, double ours,
    unsigned long lcount, double theirs)
{
	char b1[32], b2[32], b3[32], b4[32], b5[32], sb[32];

	printf("expand: %s recurring events over %d: ev_expand %s "
	    "occurrences/s, icalrecur_iterator %s occurrences/s: %s "
	    "(%.3f s vs %.3f s); occurrences: ours %s, libical %s\n",
	    commas(nev, b1, sizeof(b1)), year,
	    commas((unsigned long long)(ours > 0 ? ocount / ours : 0),
	    b2, sizeof(b2)),
	    commas((unsigned long long)(theirs > 0 ? lcount / theirs : 0),
	    b3, sizeof(b3)),
	    speed(ours, theirs, sb, sizeof(sb)), ours, theirs,
	    commas(ocount, b4, sizeof(b4)), commas(lcount, b5, sizeof(b5)));
}

/* The window: the year in ZONE, as UTC seconds. */
static int
window(struct ev_ctx *ctx, int year, int64_t *from, int64_t *to)
{
	const struct ev_zone *z;

	if ((z = ev_zone_get(ctx, ZONE)) == NULL) {
		fprintf(stderr, "expand: %s: unknown zone\n", ZONE);
		return -1;
	}
	*from = ev_zone_to_utc(z, ev_days_from_civil(year, 1, 1) * 86400);
	*to = ev_zone_to_utc(z, ev_days_from_civil(year + 1, 1, 1) * 86400);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct ours o = {0};
	struct theirs l = {0};
	struct ev_err err;
	unsigned long ocount = 0, lcount = 0;
	double tours = -1, ttheirs = -1, t;
	int64_t from, to;
	long year = DEFAULT_YEAR;
	char *end;
	size_t i;
	int r;

	if (argc < 2 || argc > 3 || (argc == 3 &&
	    ((year = strtol(argv[2], &end, 10)) < 1971 || year > 2399 ||
	    *end != '\0'))) {
		fputs("usage: expand FEED [YEAR]  (YEAR 1971-2399)\n", stderr);
		return 2;
	}
	o.ctx = ev_ctx_new();
	if (ev_ctx_set_tz(o.ctx, ZONE, &err) == -1) {
		fprintf(stderr, "expand: %s\n", err.msg);
		return 1;
	}
	if (window(o.ctx, (int)year, &from, &to) == -1 ||
	    ours_read(&o, argv[1]) == -1 || theirs_read(&l, argv[1]) == -1)
		return 1;
	if (o.n != l.n)
		fprintf(stderr, "expand: %zu recurring events for evkit, "
		    "%zu for libical\n", o.n, l.n);
	for (r = 0; r < REPS; r++) {
		t = ours_run(&o, from, to, r == 0, &ocount);
		if (tours < 0 || t < tours)
			tours = t;
		t = theirs_run(&l, from, to, &lcount);
		if (ttheirs < 0 || t < ttheirs)
			ttheirs = t;
	}
	report((int)year, o.n, ocount, tours, lcount, ttheirs);
	for (i = 0; i < o.n; i++)
		ev_event_free(o.ev[i]);
	free(o.ev);
	free(l.ev);
	icalcomponent_free(l.root);
	ev_ctx_free(o.ctx);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
