/*
 * zones - lib/zone.c against libical 3.0 on the same work, in one process.
 *
 *	zones [N]
 *
 * N (1,000,000) UTC instants spread over 1970-2037, alternately in
 * Europe/Berlin and America/New_York: their UTC offsets by ev_zone_offset
 * and by icaltimezone_get_utc_offset_of_utc_time (libical's builtin
 * zones); then N wall clocks spread likewise, turned into instants by
 * ev_zone_to_utc and by icaltimezone_convert_time from the zone to UTC.
 * Each side gets its input in its own form (int64_t seconds for ours,
 * struct icaltimetype for libical), made before the clock starts, and
 * stores its results in an array; libical's converted icaltimetypes are
 * turned into seconds only after the clock stops, so the conversion it
 * would still need is not charged to it.  Best of REPS runs each.
 * The results are compared afterwards and the differences counted.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "evkit.h"
#include "bench.h"

#define REPS		5
#define DEFAULT_N	1000000
#define NZONES		2
/* 1970-01-01T00:00 to 2038-01-01T00:00: the instants we spread over */
#define SPAN		((int64_t)2145916800)

static const char *zone_names[NZONES] = {
	"Europe/Berlin", "America/New_York",
};

/* Both sides' zones; lookup i uses zone i % NZONES. */
struct zones {
	const struct ev_zone *ev[NZONES];
	icaltimezone *ical[NZONES];
	icaltimezone *utc;
};

/* Inputs and outputs of one measurement. */
struct work {
	const struct zones *z;
	size_t	 n;
	int64_t	*in;			/* ours: UTC or wall seconds */
	struct icaltimetype *tin;	/* libical: the same, broken down */
	int64_t	*out;			/* ours: offset or instant */
	int64_t	*lout;			/* libical: offset */
	struct icaltimetype *tout;	/* libical: converted time */
};

static void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n, size)) == NULL) {
		perror("zones");
		exit(1);
	}
	return p;
}

/* splitmix64: a fixed sequence, so every run measures the same instants */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z;

	z = (*state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Seconds (as if UTC) to a libical time in zone (NULL: floating). */
static struct icaltimetype
ical_time(int64_t secs, icaltimezone *zone)
{
	struct icaltimetype t = icaltime_null_time();
	struct ev_tm tm;

	ev_tm_from_wall(secs, &tm);
	t.year = tm.year;
	t.month = tm.mon;
	t.day = tm.mday;
	t.hour = tm.hour;
	t.minute = tm.min;
	t.second = tm.sec;
	t.zone = zone;
	return t;
}

static void
fill(struct work *w, uint64_t seed, icaltimezone *tzone)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		w->in[i] = (int64_t)(next_random(&seed) % (uint64_t)SPAN);
		w->tin[i] = ical_time(w->in[i],
		    tzone != NULL ? tzone : w->z->ical[i % NZONES]);
	}
}

static void
ours_offset(struct work *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		w->out[i] = ev_zone_offset(w->z->ev[i % NZONES], w->in[i]);
}

static void
ical_offset(struct work *w)
{
	size_t i;
	int dst;

	for (i = 0; i < w->n; i++)
		w->lout[i] = icaltimezone_get_utc_offset_of_utc_time(
		    w->z->ical[i % NZONES], &w->tin[i], &dst);
}

static void
ours_to_utc(struct work *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		w->out[i] = ev_zone_to_utc(w->z->ev[i % NZONES], w->in[i]);
}

static void
ical_to_utc(struct work *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		w->tout[i] = w->tin[i];
		icaltimezone_convert_time(&w->tout[i], w->z->ical[i % NZONES],
		    w->z->utc);
	}
}

/* The best wall time of REPS runs of f; the first run warms the caches
 * (both sides build their tables of changes lazily). */
static double
best(void (*f)(struct work *), struct work *w)
{
	double t, b = -1;
	int r;

	for (r = 0; r < REPS; r++) {
		t = now();
		f(w);
		t = now() - t;
		if (b < 0 || t < b)
			b = t;
	}
	return b;
}

static void
report(const char *what, size_t n, double ours, double ical,
    const char *theirs, size_t ndiff)
{
	char nb[32], db[32], sb[32];

	printf("zones: %s %s %s: %s than %s "
	    "(%.3f s vs %.3f s, %s results differ)\n", what,
	    commas(n, nb, sizeof(nb)),
	    strcmp(what, "ev_zone_offset") == 0 ? "lookups" : "conversions",
	    speed(ours, ical, sb, sizeof(sb)), theirs, ours, ical,
	    commas(ndiff, db, sizeof(db)));
}

static int
setup(struct ev_ctx *ctx, struct zones *z)
{
	int i;

	z->utc = icaltimezone_get_utc_timezone();
	for (i = 0; i < NZONES; i++) {
		z->ev[i] = ev_zone_get(ctx, zone_names[i]);
		z->ical[i] = icaltimezone_get_builtin_timezone(zone_names[i]);
		if (z->ev[i] == NULL || z->ical[i] == NULL) {
			fprintf(stderr, "zones: %s: unknown to %s\n",
			    zone_names[i], z->ev[i] == NULL ? "evkit" :
			    "libical");
			return -1;
		}
	}
	return 0;
}

static void
bench_offset(struct work *w)
{
	double ours, ical;
	size_t i, ndiff = 0;

	fill(w, 1, w->z->utc);
	ours = best(ours_offset, w);
	ical = best(ical_offset, w);
	for (i = 0; i < w->n; i++)
		if (w->out[i] != w->lout[i])
			ndiff++;
	report("ev_zone_offset", w->n, ours, ical,
	    "icaltimezone_get_utc_offset_of_utc_time", ndiff);
}

static void
bench_to_utc(struct work *w)
{
	double ours, ical;
	size_t i, ndiff = 0;

	fill(w, 2, NULL);
	ours = best(ours_to_utc, w);
	ical = best(ical_to_utc, w);
	for (i = 0; i < w->n; i++)
		if (w->out[i] != (int64_t)icaltime_as_timet(w->tout[i]))
			ndiff++;
	report("ev_zone_to_utc", w->n, ours, ical,
	    "icaltimezone_convert_time", ndiff);
}

int
main(int argc, char *argv[])
{
	struct ev_ctx *ctx;
	struct zones z;
	struct work w;
	long n = DEFAULT_N;
	char *end;

	if (argc > 2 || (argc == 2 && ((n = strtol(argv[1], &end, 10)) < 1 ||
	    *end != '\0'))) {
		fputs("usage: zones [N]\n", stderr);
		return 2;
	}
	ctx = ev_ctx_new();
	if (setup(ctx, &z) == -1)
		return 1;
	memset(&w, 0, sizeof(w));
	w.z = &z;
	w.n = (size_t)n;
	w.in = xcalloc(w.n, sizeof(*w.in));
	w.tin = xcalloc(w.n, sizeof(*w.tin));
	w.out = xcalloc(w.n, sizeof(*w.out));
	w.lout = xcalloc(w.n, sizeof(*w.lout));
	w.tout = xcalloc(w.n, sizeof(*w.tout));
	bench_offset(&w);
	bench_to_utc(&w);
	free(w.in);
	free(w.tin);
	free(w.out);
	free(w.lout);
	free(w.tout);
	ev_ctx_free(ctx);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
