/*
 * zone.c - time zones: IANA and Windows names, inline VTIMEZONEs, UTC
 * offsets, wall clock conversion and the VTIMEZONEs we write.
 *
 * Every zone becomes a sorted table of offset changes, built lazily up to
 * the years asked for; instants from FOLD_YEAR on are folded back by
 * 400-year cycles, which repeat the Gregorian calendar (and so every
 * yearly rule) exactly.  The changes come from
 *  - the system zoneinfo file (TZif, RFC 8536) for an IANA name: its
 *    explicit changes, then its POSIX TZ rule.  We read it ourselves
 *    because libical 3.0.16 turns these files into VTIMEZONEs that lose
 *    changes (Europe/London 1977, Asia/Jerusalem 2013-2016 and some
 *    sixty other zones between 1970 and 2037 come out wrong);
 *  - a VTIMEZONE component, parsed by libical, for an inline zone (and
 *    for an IANA name only libical knows): we expand its observances
 *    with libical's RRULE iterator, since libical's own lookups are slow
 *    and stop at a fixed year.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libical/ical.h>

#include "evkit_priv.h"

#define DAY		86400
/* 400 Gregorian years: 146097 days, a whole number of weeks */
#define CYCLE		((int64_t)146097 * DAY)
#define FOLD_YEAR	2400	/* instants from here on are folded back */
#define MIN_END_YEAR	2050	/* expand at least this far */
/* Wider than any UTC offset there ever was (they stay under 16 hours),
 * so [wall - WINDOW, wall + WINDOW] holds every instant wall can mean. */
#define WINDOW		DAY
#define MAX_OCCUR	20000	/* per RRULE, for bad inline rules */

enum zkind { ZK_UTC, ZK_BUILTIN, ZK_INLINE };

/* One change of offset. */
struct trans {
	int64_t	 utc;		/* the instant it takes effect */
	int	 from, to;	/* offsets before, after: seconds east */
	int	 dst;		/* a DAYLIGHT observance */
	const char *abbr;	/* its TZNAME, or NULL; lives in the zone */
	size_t	 seq;		/* order of appearance */
};

/* A POSIX TZ string's rule ("CET-1CEST,M3.5.0,M10.5.0/3"): when DST
 * starts and ends each year.  Dates are 'M' (month a, week b 1-5 with 5
 * the last, weekday c 0 = Sunday), 'J' (day a 1-365, no 29 February) or
 * 'n' (day a 0-365); time is local seconds, may be negative or > 24h. */
struct pdate {
	char	 kind;
	int	 a, b, c;
	int	 time;
};
struct prule {
	int	 stdoff, dstoff;	/* seconds east */
	int	 hasdst;
	char	 stdname[16], dstname[16];
	struct pdate start, end;
};

struct ev_zone {
	enum zkind kind;
	char	*key;		/* ev_zone_get finds it by, or NULL */
	char	*name;		/* the TZID we write */
	icalcomponent *comp;	/* a VTIMEZONE of our own, or NULL */
	char	*text;		/* inline: as read, "\n" line ends */
	/* from a TZif file: its changes, then its rule */
	int	 tzif;
	struct trans *base;
	size_t	 nbase;
	int	 base0;		/* offset before the first change */
	char	*abbrs;		/* the file's zone abbreviations */
	int	 hasrule;
	struct prule rule;
	struct trans *tr;	/* every change up to endyear, by utc */
	size_t	 ntr;
	int	 endyear;	/* 0: nothing expanded yet */
	int64_t	 covered;	/* tr is complete before this instant */
	/* the last lookup: the offset is c_off on [c_lo, c_hi) */
	int64_t	 c_lo, c_hi;
	int	 c_off;
	/* An inline zone named like a known one covers [span_lo,
	 * span_hi] (its first to its last onset; span_hi INT64_MAX when a
	 * yearly rule runs on for good); outside that the known zone fb
	 * holds.  lo_off, hi_off: what the inline text alone says there. */
	const struct ev_zone *fb;
	int64_t	 span_lo, span_hi;
	int	 lo_off, hi_off;
	int	 warned;	/* about reading outside the span */
};

/* ---- the table of changes -------------------------------------------- */

struct tbuild {
	struct trans *tr;
	size_t	 n, cap;
};

static void
tadd(struct tbuild *tb, int64_t utc, int from, int to, int dst,
    const char *abbr)
{
	if (tb->n == tb->cap) {
		tb->cap = tb->cap ? tb->cap * 2 : 64;
		tb->tr = ev_ereallocarray(tb->tr, tb->cap, sizeof(*tb->tr));
	}
	tb->tr[tb->n].utc = utc;
	tb->tr[tb->n].from = from;
	tb->tr[tb->n].to = to;
	tb->tr[tb->n].dst = dst;
	tb->tr[tb->n].abbr = abbr;
	tb->tr[tb->n].seq = tb->n;
	tb->n++;
}

/* Wall seconds of the date-time fields of an icaltimetype. */
static int64_t
ical_wall(struct icaltimetype t)
{
	return ev_days_from_civil(t.year, t.month, t.day) * DAY +
	    (int64_t)t.hour * 3600 + t.minute * 60 + t.second;
}

static int
year_of(int64_t wall)
{
	int y, m, d;

	ev_civil_from_days(ev_floordiv(wall, DAY), &y, &m, &d);
	return y;
}

/* What one STANDARD or DAYLIGHT says. */
struct obs {
	icalcomponent *c;
	int	 dst;
	int	 from, to;
	const char *abbr;
	struct icaltimetype dtstart;
};

/* 1 when c is a usable observance, its properties in *o. */
static int
obs_read(icalcomponent *c, struct obs *o)
{
	icalcomponent_kind k = icalcomponent_isa(c);
	icalproperty *p;
	int hasfrom = 0, hasto = 0, hasstart = 0;

	if (k != ICAL_XSTANDARD_COMPONENT && k != ICAL_XDAYLIGHT_COMPONENT)
		return 0;
	memset(o, 0, sizeof(*o));
	o->c = c;
	o->dst = k == ICAL_XDAYLIGHT_COMPONENT;
	for (p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY);
	    p != NULL;
	    p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
		switch (icalproperty_isa(p)) {
		case ICAL_DTSTART_PROPERTY:
			o->dtstart = icalproperty_get_dtstart(p);
			hasstart = 1;
			break;
		case ICAL_TZOFFSETFROM_PROPERTY:
			o->from = icalproperty_get_tzoffsetfrom(p);
			hasfrom = 1;
			break;
		case ICAL_TZOFFSETTO_PROPERTY:
			o->to = icalproperty_get_tzoffsetto(p);
			hasto = 1;
			break;
		case ICAL_TZNAME_PROPERTY:
			if (o->abbr == NULL)
				o->abbr = icalproperty_get_tzname(p);
			break;
		default:
			break;
		}
	}
	/* Outlook for Mac leaves TZOFFSETFROM out when it never changes. */
	if (!hasfrom)
		o->from = o->to;
	if (!hasstart || !hasto || icaltime_is_null_time(o->dtstart))
		return 0;
	o->dtstart.is_date = 0;
	return 1;
}

/* The occurrences of one RRULE up to endyear, in local time. */
static void
expand_rrule(struct tbuild *tb, const struct obs *o, icalproperty *p,
    int endyear)
{
	struct icalrecurrencetype r = icalproperty_get_rrule(p);
	icalrecur_iterator *it;
	struct icaltimetype t;
	int64_t start = ical_wall(o->dtstart);
	int n;

	/* A UTC UNTIL is compared with local occurrences: shift it by the
	 * offset in force when they happen, as libical does. */
	if (!icaltime_is_null_time(r.until) && icaltime_is_utc(r.until)) {
		icaltime_adjust(&r.until, 0, 0, 0, o->from);
		r.until.zone = NULL;
	}
	if ((it = icalrecur_iterator_new(r, o->dtstart)) == NULL)
		return;
	for (n = 0; n < MAX_OCCUR; n++) {
		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t) || t.year > endyear)
			break;
		if (ical_wall(t) != start)
			tadd(tb, ical_wall(t) - o->from, o->from, o->to, o->dst,
			    o->abbr);
	}
	icalrecur_iterator_free(it);
}

/* Every change one observance makes up to endyear: DTSTART (always, as
 * libical does: some producers write a DTSTART the RRULE misses), each
 * RDATE and each RRULE occurrence. */
static void
expand_obs(struct tbuild *tb, const struct obs *o, int endyear)
{
	icalproperty *p;
	struct icaldatetimeperiodtype rd;
	struct icaltimetype t;

	tadd(tb, ical_wall(o->dtstart) - o->from, o->from, o->to, o->dst,
	    o->abbr);
	for (p = icalcomponent_get_first_property(o->c, ICAL_ANY_PROPERTY);
	    p != NULL;
	    p = icalcomponent_get_next_property(o->c, ICAL_ANY_PROPERTY)) {
		if (icalproperty_isa(p) == ICAL_RRULE_PROPERTY) {
			expand_rrule(tb, o, p, endyear);
			continue;
		}
		if (icalproperty_isa(p) != ICAL_RDATE_PROPERTY)
			continue;
		rd = icalproperty_get_rdate(p);
		t = icaltime_is_null_time(rd.time) ? rd.period.start : rd.time;
		if (icaltime_is_null_time(t))
			continue;
		if (t.is_date) {
			t.hour = o->dtstart.hour;
			t.minute = o->dtstart.minute;
			t.second = o->dtstart.second;
			t.is_date = 0;
		}
		/* RFC 5545 wants local RDATEs; some write them in UTC. */
		tadd(tb, ical_wall(t) - (icaltime_is_utc(t) ? 0 : o->from),
		    o->from, o->to, o->dst, o->abbr);
	}
}

static int
trans_cmp(const void *a, const void *b)
{
	const struct trans *x = a, *y = b;

	if (x->utc != y->utc)
		return x->utc < y->utc ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
abbr_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Sort; of changes at the same instant keep the last; drop changes that
 * change nothing (libical writes some at the end of 32-bit time). */
static void
tidy(struct tbuild *tb)
{
	size_t i, n = 0;
	struct trans *t = tb->tr;

	if (tb->n == 0)
		return;
	qsort(t, tb->n, sizeof(*t), trans_cmp);
	for (i = 0; i < tb->n; i++) {
		if (n > 0 && t[n - 1].utc == t[i].utc) {
			t[n - 1] = t[i];
			continue;
		}
		if (n > 0 && t[i].from == t[i].to && t[i].to == t[n - 1].to &&
		    t[i].dst == t[n - 1].dst &&
		    abbr_eq(t[i].abbr, t[n - 1].abbr))
			continue;
		t[n++] = t[i];
	}
	tb->n = n;
}

static void tzif_expand(const struct ev_zone *, struct tbuild *, int);

/*
 * A TZif table read in order: each change starts from the offset the one
 * before left.  tzdata marks Irish winter time as DST ("negative DST");
 * iCalendar readers take DAYLIGHT as clocks going forward, so a change
 * to "DST" that sets clocks back is written as STANDARD and the change
 * back from it as DAYLIGHT.
 */
static void
chain(struct tbuild *tb, int base0)
{
	struct trans *t;
	size_t i;
	int isdst, wasdst = 0;

	for (i = 0; i < tb->n; i++) {
		t = &tb->tr[i];
		t->from = i > 0 ? t[-1].to : base0;
		isdst = t->dst;
		if (isdst && t->to < t->from)
			t->dst = 0;
		else if (!isdst && wasdst && t->to > t->from)
			t->dst = 1;
		wasdst = isdst;
	}
}

static int before_first(const struct ev_zone *);
static void expand(struct ev_zone *, int);

/*
 * The inline changes in tb within the span, the fallback zone's outside
 * it: each side's first change starts from the offset the other left.
 */
static void
merge(struct ev_zone *z, struct tbuild *tb, int endyear)
{
	struct ev_zone *fb = (struct ev_zone *)z->fb;
	struct tbuild m = { NULL, 0, 0 };
	const struct trans *t;
	size_t i = 0, j;
	int off, first = 1;

	if (fb->kind != ZK_UTC && fb->endyear < endyear)
		expand(fb, endyear);
	off = before_first(fb);
	for (; i < fb->ntr && fb->tr[i].utc < z->span_lo; i++) {
		t = &fb->tr[i];
		tadd(&m, t->utc, t->from, t->to, t->dst, t->abbr);
		off = t->to;
	}
	for (j = 0; j < tb->n; j++) {
		t = &tb->tr[j];
		if (t->utc < z->span_lo || t->utc > z->span_hi)
			continue;
		tadd(&m, t->utc, first ? off : t->from, t->to, t->dst, t->abbr);
		off = t->to;
		first = 0;
	}
	for (first = 1; i < fb->ntr; i++) {
		t = &fb->tr[i];
		if (t->utc <= z->span_hi)
			continue;
		tadd(&m, t->utc, first ? off : t->from, t->to, t->dst, t->abbr);
		first = 0;
	}
	free(tb->tr);
	*tb = m;
}

static void
expand(struct ev_zone *z, int endyear)
{
	struct tbuild tb = { NULL, 0, 0 };
	icalcomponent *c;
	struct obs o;

	if (z->tzif)
		tzif_expand(z, &tb, endyear);
	else
		for (c = icalcomponent_get_first_component(z->comp,
		    ICAL_ANY_COMPONENT); c != NULL;
		    c = icalcomponent_get_next_component(z->comp,
		    ICAL_ANY_COMPONENT))
			if (obs_read(c, &o))
				expand_obs(&tb, &o, endyear);
	tidy(&tb);
	if (z->tzif)
		chain(&tb, z->base0);
	if (z->fb != NULL)
		merge(z, &tb, endyear);
	free(z->tr);
	z->tr = tb.tr;
	z->ntr = tb.n;
	z->endyear = endyear;
	/* A change before 1 January of endyear, UTC, is on a local date of
	 * endyear at the latest, so it is in the table. */
	z->covered = ev_days_from_civil(endyear, 1, 1) * DAY;
	z->c_lo = 1;
	z->c_hi = 0;
}

/* Make the table complete up to and including the instant utc. */
static void
ensure(struct ev_zone *z, int64_t utc)
{
	int y;

	if (z->endyear != 0 && utc < z->covered)
		return;
	/* utc comes folded, so its year is small; far in the past the
	 * minimum does */
	y = utc > 0 ? year_of(utc) + 1 : MIN_END_YEAR;
	if (y < MIN_END_YEAR)
		y = MIN_END_YEAR;
	if (z->endyear != 0 && y < z->endyear + 50)
		y = z->endyear + 50;	/* grow in steps, not by a year */
	if (y > FOLD_YEAR + 60)
		y = FOLD_YEAR + 60;
	expand(z, y);
}

/* How much to move t back so it falls before FOLD_YEAR. */
static int64_t
fold(int64_t t)
{
	static const int64_t limit = (int64_t)157054 * DAY; /* 2400-01-01 */

	if (t < limit)
		return 0;
	return ((t - limit) / CYCLE + 1) * CYCLE;
}

/* Index of the last change at or before utc, or -1. */
static long
find(const struct ev_zone *z, int64_t utc)
{
	size_t lo = 0, hi = z->ntr, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (z->tr[mid].utc <= utc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

/* The offset before the first change (all the time when there is none). */
static int
before_first(const struct ev_zone *z)
{
	return z->ntr > 0 ? z->tr[0].from : z->base0;
}

static int
offset_of(struct ev_zone *z, int64_t utc)
{
	long i;

	if (z->kind == ZK_UTC)
		return 0;
	utc -= fold(utc);
	if (utc >= z->c_lo && utc < z->c_hi)
		return z->c_off;
	ensure(z, utc);
	i = find(z, utc);
	z->c_lo = i >= 0 ? z->tr[i].utc : INT64_MIN;
	/* not past covered: later changes may be missing from the table */
	z->c_hi = z->covered;
	if ((size_t)(i + 1) < z->ntr && z->tr[i + 1].utc < z->c_hi)
		z->c_hi = z->tr[i + 1].utc;
	z->c_off = i >= 0 ? z->tr[i].to : before_first(z);
	return z->c_off;
}

int
ev_zone_offset(const struct ev_zone *z, int64_t utc)
{
	if (z == NULL)
		return 0;
	/* The table and the last-lookup cache change behind the const. */
	return offset_of((struct ev_zone *)z, utc);
}

int64_t
ev_zone_to_wall(const struct ev_zone *z, int64_t utc)
{
	return utc + ev_zone_offset(z, utc);
}

/*
 * RFC 5545 3.3.5: every offset in force near wall is a candidate; one is
 * right when the instant it gives has that offset.  Two right (clocks
 * went back): the earlier instant.  None (clocks went forward over
 * wall): the offset from before the gap.
 */
int64_t
ev_zone_to_utc(const struct ev_zone *cz, int64_t wall)
{
	struct ev_zone *z = (struct ev_zone *)cz;
	int64_t k, best = 0, u;
	int cand[8], ncand = 0, found = 0, i;
	long j;

	if (z == NULL || z->kind == ZK_UTC)
		return wall;
	k = fold(wall);
	wall -= k;
	/* The common case: one offset holds all around wall. */
	cand[ncand++] = offset_of(z, wall - WINDOW);
	if (wall - WINDOW >= z->c_lo && wall + WINDOW < z->c_hi)
		return wall - z->c_off + k;
	ensure(z, wall + WINDOW);
	for (j = find(z, wall - WINDOW) + 1; j >= 0 && (size_t)j < z->ntr &&
	    z->tr[j].utc <= wall + WINDOW && ncand < 8; j++)
		cand[ncand++] = z->tr[j].to;
	for (i = 0; i < ncand; i++) {
		u = wall - cand[i];
		if (offset_of(z, u) == cand[i] && (!found || u < best)) {
			best = u;
			found = 1;
		}
	}
	if (found)
		return best + k;
	for (j = find(z, wall - WINDOW) + 1; j >= 0 && (size_t)j < z->ntr &&
	    z->tr[j].utc <= wall + WINDOW; j++) {
		const struct trans *t = &z->tr[j];

		if (t->to > t->from && wall >= t->utc + t->from &&
		    wall < t->utc + t->to)
			return wall - t->from + k;
	}
	return wall - cand[0] + k;
}

/* ---- system zoneinfo: TZif files (RFC 8536) ----------------------------- */

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* A whole file of at most 1 MB (real TZif files are a few KB). */
static unsigned char *
slurp(const char *path, size_t *len)
{
	unsigned char *buf;
	size_t n, cap = 1 << 20;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	buf = ev_emalloc(cap);
	n = fread(buf, 1, cap, fp);
	if (ferror(fp) || n == cap) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	*len = n;
	return buf;
}

/* The whole file name under the first zoneinfo directory that has it. */
static unsigned char *
tzif_read(const char *name, size_t *len)
{
	static const char *const dirs[] = { "/usr/share/zoneinfo",
	    "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo" };
	const char *env = getenv("TZDIR");
	char path[1024];
	unsigned char *buf = NULL;
	size_t i;

	if (env != NULL && *env == '/' && (size_t)snprintf(path, sizeof(path),
	    "%s/%s", env, name) < sizeof(path))
		buf = slurp(path, len);
	for (i = 0; buf == NULL && i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dirs[i],
		    name) < sizeof(path))
			buf = slurp(path, len);
	return buf;
}

/* The counts of a TZif header. */
struct tzhead {
	size_t	 isut, isstd, leap, time, type, chars;
};

static int
tzif_head(const unsigned char *p, size_t n, struct tzhead *h)
{
	if (n < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	h->isut = be32(p + 20);
	h->isstd = be32(p + 24);
	h->leap = be32(p + 28);
	h->time = be32(p + 32);
	h->type = be32(p + 36);
	h->chars = be32(p + 40);
	/* sane sizes keep the arithmetic below from overflowing */
	if (h->time > 100000 || h->type == 0 || h->type > 256 ||
	    h->chars > 4096 || h->leap > 10000 || h->isut > h->type ||
	    h->isstd > h->type)
		return -1;
	return 0;
}

static size_t
tzif_size(const struct tzhead *h, size_t tsize)
{
	return h->time * (tsize + 1) + h->type * 6 + h->chars +
	    h->leap * (tsize + 4) + h->isstd + h->isut;
}

/* The changes of one data block (tsize 4: version 1, 8: later). */
static const int64_t tzif_min = -62135596800;	/* 0001-01-01T00:00Z */

static int
tzif_block(struct ev_zone *z, const unsigned char *p,
    const struct tzhead *h, size_t tsize)
{
	const unsigned char *idx = p + h->time * tsize;
	const unsigned char *types = idx + h->time;
	size_t i;
	unsigned t;
	int prev;

	z->abbrs = ev_emalloc(h->chars + 1);
	memcpy(z->abbrs, types + h->type * 6, h->chars);
	z->abbrs[h->chars] = '\0';
	for (i = 0; i < h->type; i++)
		if (types[i * 6 + 5] >= h->chars + (h->chars == 0))
			return -1;
	z->base = ev_ereallocarray(NULL, h->time, sizeof(*z->base));
	/* RFC 8536: time type 0 holds before the first change */
	z->base0 = prev = (int32_t)be32(types);
	for (i = 0; i < h->time; i++) {
		struct trans *b = &z->base[z->nbase];

		if ((t = idx[i]) >= h->type)
			return -1;
		b->utc = tsize == 8 ? be64(p + i * 8) :
		    (int32_t)be32(p + i * 4);
		b->from = prev;
		b->to = prev = (int32_t)be32(types + t * 6);
		b->dst = types[t * 6 + 4] != 0;
		b->abbr = z->abbrs + types[t * 6 + 5];
		b->seq = i;
		if (z->nbase > 0 && b->utc <= b[-1].utc)
			return -1;
		/* zic writes a change at -2^59 ("the big bang"): all it
		 * says is the offset before what follows */
		if (b->utc < tzif_min)
			z->base0 = b->to;
		else
			z->nbase++;
	}
	return 0;
}

static int prule_parse(struct prule *, const char *);

/* The TZif data buf (n bytes, freed here) into z: 0, or -1 (bad). */
static int
tzif_parse(struct ev_zone *z, unsigned char *buf, size_t n)
{
	size_t off;
	struct tzhead h;
	char footer[128];
	const unsigned char *nl;
	int rc = -1;

	if (tzif_head(buf, n, &h) == -1 || (off = 44 + tzif_size(&h, 4)) > n)
		goto out;
	if (buf[4] == '\0') {		/* version 1: 32-bit, no rule */
		rc = tzif_block(z, buf + 44, &h, 4);
		goto out;
	}
	if (tzif_head(buf + off, n - off, &h) == -1 ||
	    off + 44 + tzif_size(&h, 8) > n)
		goto out;
	if ((rc = tzif_block(z, buf + off + 44, &h, 8)) == -1)
		goto out;
	/* the footer: "\nTZ string\n", the rule after the last change */
	off += 44 + tzif_size(&h, 8);
	if (off + 1 < n && buf[off] == '\n' &&
	    (nl = memchr(buf + off + 1, '\n', n - off - 1)) != NULL &&
	    (size_t)(nl - buf - off - 1) < sizeof(footer)) {
		memcpy(footer, buf + off + 1, (size_t)(nl - buf - off - 1));
		footer[nl - buf - off - 1] = '\0';
		z->hasrule = prule_parse(&z->rule, footer) == 0;
	}
out:
	free(buf);
	if (rc == -1) {
		free(z->base);
		free(z->abbrs);
		z->base = NULL;
		z->abbrs = NULL;
		return -1;
	}
	z->tzif = 1;
	return 0;
}

/* Read the zoneinfo file for name into z: 0, or -1 (none, or bad). */
static int
tzif_load(struct ev_zone *z, const char *name)
{
	size_t n;
	unsigned char *buf = tzif_read(name, &n);

	return buf != NULL ? tzif_parse(z, buf, n) : -1;
}

/* ---- POSIX TZ rules ------------------------------------------------------ */

/* A zone abbreviation: "CET" or "<-03>"; NULL when there is none. */
static const char *
pname(const char *s, char *out, size_t size)
{
	const char *b = s, *e;

	if (*s == '<') {
		b = ++s;
		while (*s != '\0' && *s != '>')
			s++;
		if (*s != '>')
			return NULL;
		e = s++;
	} else {
		while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
			s++;
		e = s;
	}
	if (e - b < 3 || (size_t)(e - b) >= size)
		return NULL;
	memcpy(out, b, (size_t)(e - b));
	out[e - b] = '\0';
	return s;
}

/* [+-]hh[:mm[:ss]], hh up to 167; NULL when malformed. */
static const char *
ptime(const char *s, int *secs)
{
	int sign = 1, part[3] = { 0, 0, 0 }, i, digits;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	for (i = 0; i < 3; i++) {
		if (i > 0 && *s != ':')
			break;
		if (i > 0)
			s++;
		for (digits = 0; *s >= '0' && *s <= '9' && digits < 3; digits++)
			part[i] = part[i] * 10 + (*s++ - '0');
		if (digits == 0)
			return NULL;
	}
	if (part[0] > 167 || part[1] > 59 || part[2] > 59)
		return NULL;
	*secs = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	return s;
}

static const char *
pnum(const char *s, int *v)
{
	int digits;

	*v = 0;
	for (digits = 0; *s >= '0' && *s <= '9' && digits < 4; digits++)
		*v = *v * 10 + (*s++ - '0');
	return digits > 0 ? s : NULL;
}

/* ",Mm.w.d[/time]", ",Jn[/time]" or ",n[/time]". */
static const char *
pdate(const char *s, struct pdate *d)
{
	if (*s++ != ',')
		return NULL;
	d->kind = *s == 'M' || *s == 'J' ? *s++ : 'n';
	if ((s = pnum(s, &d->a)) == NULL)
		return NULL;
	if (d->kind == 'M') {
		if (*s != '.' || (s = pnum(s + 1, &d->b)) == NULL ||
		    *s != '.' || (s = pnum(s + 1, &d->c)) == NULL)
			return NULL;
		if (d->a < 1 || d->a > 12 || d->b < 1 || d->b > 5 || d->c > 6)
			return NULL;
	} else if (d->a > 365 || (d->kind == 'J' && d->a < 1))
		return NULL;
	d->time = 7200;
	if (*s == '/')
		s = ptime(s + 1, &d->time);
	return s;
}

static int
prule_parse(struct prule *r, const char *s)
{
	memset(r, 0, sizeof(*r));
	if ((s = pname(s, r->stdname, sizeof(r->stdname))) == NULL ||
	    (s = ptime(s, &r->stdoff)) == NULL)
		return -1;
	r->stdoff = -r->stdoff;		/* POSIX counts west */
	if (*s == '\0')
		return 0;
	if ((s = pname(s, r->dstname, sizeof(r->dstname))) == NULL)
		return -1;
	r->dstoff = r->stdoff + 3600;
	if (*s != ',' && *s != '\0') {
		if ((s = ptime(s, &r->dstoff)) == NULL)
			return -1;
		r->dstoff = -r->dstoff;
	}
	/* without dates POSIX leaves the rule to the system; take the
	 * US one, as glibc does */
	if (*s == '\0')
		s = ",M3.2.0,M11.1.0";
	if ((s = pdate(s, &r->start)) == NULL ||
	    (s = pdate(s, &r->end)) == NULL || *s != '\0')
		return -1;
	r->hasdst = 1;
	return 0;
}

/* Days since 1970-01-01 of d in year y. */
static int64_t
pdate_day(int y, const struct pdate *d)
{
	int64_t jan1 = ev_days_from_civil(y, 1, 1), first;
	int leap = ev_days_in_month(y, 2) == 29, day, dim;

	if (d->kind == 'J')	/* 1-365, 29 February not counted */
		return jan1 + d->a - 1 + (leap && d->a >= 60);
	if (d->kind == 'n')
		return jan1 + d->a;
	first = ev_days_from_civil(y, d->a, 1);
	/* ev_weekday counts from Monday, POSIX from Sunday */
	day = 1 + (d->c - (ev_weekday(first) + 1) % 7 + 7) % 7 +
	    (d->b - 1) * 7;
	dim = ev_days_in_month(y, d->a);
	while (day > dim)
		day -= 7;
	return first + day - 1;
}

/* The file's changes, then the rule's from the year of the last one. */
static void
tzif_expand(const struct ev_zone *z, struct tbuild *tb, int endyear)
{
	const struct prule *r = &z->rule;
	int64_t last = z->nbase > 0 ? z->base[z->nbase - 1].utc : INT64_MIN;
	int64_t on, off;
	size_t i;
	int y;

	for (i = 0; i < z->nbase; i++)
		tadd(tb, z->base[i].utc, z->base[i].from, z->base[i].to,
		    z->base[i].dst, z->base[i].abbr);
	if (!z->hasrule || !r->hasdst)
		return;
	y = z->nbase > 0 ? year_of(last) - 1 : 1900;
	for (; y <= endyear; y++) {
		on = pdate_day(y, &r->start) * DAY + r->start.time - r->stdoff;
		off = pdate_day(y, &r->end) * DAY + r->end.time - r->dstoff;
		if (on > last)
			tadd(tb, on, r->stdoff, r->dstoff, 1, r->dstname);
		if (off > last)
			tadd(tb, off, r->dstoff, r->stdoff, 0, r->stdname);
	}
}

/* ---- zones in the ctx ------------------------------------------------- */

static struct ev_zone *
zone_alloc(enum zkind kind, const char *key, const char *name)
{
	struct ev_zone *z = ev_ecalloc(1, sizeof(*z));

	z->kind = kind;
	z->key = key != NULL ? ev_estrdup(key) : NULL;
	z->name = ev_estrdup(name);
	z->c_lo = 1;		/* an empty cache */
	z->c_hi = 0;
	return z;
}

/* The ctx owns z from now on. */
static struct ev_zone *
zone_add(struct ev_ctx *ctx, struct ev_zone *z)
{
	ctx->zones = ev_ereallocarray(ctx->zones, ctx->nzones + 1,
	    sizeof(*ctx->zones));
	ctx->zones[ctx->nzones++] = z;
	return z;
}

static void
zone_free(struct ev_zone *z)
{
	if (z->comp != NULL)
		icalcomponent_free(z->comp);
	free(z->key);
	free(z->name);
	free(z->text);
	free(z->tr);
	free(z->base);
	free(z->abbrs);
	free(z);
}

void
ev_zone_free_all(struct ev_ctx *ctx)
{
	size_t i;

	if (ctx == NULL)
		return;
	for (i = 0; i < ctx->nzones; i++)
		zone_free(ctx->zones[i]);
	free(ctx->zones);
	ctx->zones = NULL;
	ctx->nzones = 0;
}

static struct ev_zone *
lookup(struct ev_ctx *ctx, const char *key)
{
	size_t i;

	for (i = 0; i < ctx->nzones; i++)
		if (ctx->zones[i]->key != NULL &&
		    strcmp(ctx->zones[i]->key, key) == 0)
			return ctx->zones[i];
	return NULL;
}

const struct ev_zone *
ev_zone_utc(struct ev_ctx *ctx)
{
	struct ev_zone *z = lookup(ctx, "UTC");

	return z != NULL ? z : zone_add(ctx, zone_alloc(ZK_UTC, "UTC", "UTC"));
}

static int
is_utc_name(const char *s)
{
	static const char *const names[] = {
		"UTC", "Z", "GMT", "UCT", "Zulu", "Universal", "Greenwich",
		"GMT0", "GMT+0", "GMT-0", "Etc/UTC", "Etc/GMT", "Etc/UCT",
		"Etc/Zulu", "Etc/Universal", "Etc/Greenwich", "Etc/GMT0",
		"Etc/GMT+0", "Etc/GMT-0"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (ev_strcaseeq(s, names[i]))
			return 1;
	return 0;
}

/* Only what a zoneinfo path can be: a file of this name is opened. */
static int
iana_shaped(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '/' || strlen(s) > 64 ||
	    strstr(s, "//") != NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '/' || *p == '_' ||
		    *p == '-' || *p == '+'))
			return 0;
	return p[-1] != '/';
}

static int tzif_load(struct ev_zone *, const char *);

static struct ev_zone *
builtin(struct ev_ctx *ctx, const char *name)
{
	icaltimezone *itz;
	icalcomponent *comp;
	struct ev_zone *z;

	if (!iana_shaped(name))
		return NULL;
	z = zone_alloc(ZK_BUILTIN, name, name);
	if (tzif_load(z, name) == 0)
		return zone_add(ctx, z);
	/* no zoneinfo file: libical may have the zone built in */
	itz = icaltimezone_get_builtin_timezone(name);
	if (itz == NULL || itz == icaltimezone_get_utc_timezone() ||
	    (comp = icaltimezone_get_component(itz)) == NULL) {
		zone_free(z);
		return NULL;
	}
	/* Our own copy: libical may free its builtin zones at any time. */
	z->comp = icalcomponent_new_clone(comp);
	return zone_add(ctx, z);
}

const struct ev_zone *
ev_zone_get(struct ev_ctx *ctx, const char *name)
{
	struct ev_zone *z;
	const char *iana;

	if (ctx == NULL || name == NULL || *name == '\0')
		return NULL;
	if (is_utc_name(name))
		return ev_zone_utc(ctx);
	/* zoneinfo/posix/X is X; zoneinfo/right/X counts leap seconds,
	 * which iCalendar time does not, so X too */
	if (strncmp(name, "posix/", 6) == 0 || strncmp(name, "right/", 6) == 0)
		return ev_zone_get(ctx, name + 6);
	if ((z = lookup(ctx, name)) != NULL || (z = builtin(ctx, name)) != NULL)
		return z;
	if ((iana = ev_zone_windows(name)) != NULL)
		return ev_zone_get(ctx, iana);
	return NULL;
}

const struct ev_zone *
ev_zone_posix(struct ev_ctx *ctx, const char *tz)
{
	struct ev_zone *z;
	struct prule r;
	char key[160];

	if (ctx == NULL || tz == NULL || prule_parse(&r, tz) < 0 ||
	    strlen(tz) + 2 > sizeof(key))
		return NULL;
	/* a key no TZID can have: ev_zone_get never finds it */
	snprintf(key, sizeof(key), "\1%s", tz);
	if ((z = lookup(ctx, key)) != NULL)
		return z;
	/* a zoneinfo file without changes: the rule holds for all time */
	z = zone_alloc(ZK_BUILTIN, key, tz);
	z->tzif = 1;
	z->hasrule = 1;
	z->rule = r;
	z->base0 = r.stdoff;
	return zone_add(ctx, z);
}

int
ev_zone_inline(const struct ev_zone *z)
{
	return z != NULL && z->kind == ZK_INLINE;
}

const char *
ev_zone_name(const struct ev_zone *z)
{
	return z != NULL ? z->name : NULL;
}

/* ---- the system zone ---------------------------------------------------- */

/* The zone name after "zoneinfo/" in path or in its link target, into
 * buf. */
static int
zoneinfo_name(const char *path, char *buf, size_t size)
{
	char target[1024];
	ssize_t n;
	const char *p;

	if ((p = strstr(path, "zoneinfo/")) == NULL) {
		n = readlink(path, target, sizeof(target) - 1);
		if (n <= 0)
			return 0;
		target[n] = '\0';
		if ((p = strstr(target, "zoneinfo/")) == NULL)
			return 0;
	}
	p += strlen("zoneinfo/");
	if (*p == '\0' || strlen(p) >= size)
		return 0;
	strcpy(buf, p);
	return 1;
}

/* The first word of the file namefile (Debian's /etc/timezone), into
 * buf. */
static int
timezone_file_name(const char *namefile, char *buf, size_t size)
{
	FILE *fp;
	size_t n;

	if (namefile == NULL || (fp = fopen(namefile, "r")) == NULL)
		return 0;
	if (fgets(buf, (int)size, fp) == NULL) {
		fclose(fp);
		return 0;
	}
	fclose(fp);
	n = strspn(buf, " \t");
	memmove(buf, buf + n, strlen(buf + n) + 1);
	n = strcspn(buf, " \t\r\n");
	buf[n] = '\0';
	return n > 0 && n < size - 1;
}

/*
 * The zone of the TZif file at path (TZ=/path, TZ=:/path, the system's
 * /etc/localtime): the IANA zone named after "zoneinfo/" in the path or
 * in its link target when there is one; else the file's own data (a
 * container bind-mounts /etc/localtime as a plain file), named by the
 * first word of namefile when it has one, else by the path.
 */
const struct ev_zone *
ev_zone_path_at(struct ev_ctx *ctx, const char *path, const char *namefile)
{
	char name[256], key[1100];
	const struct ev_zone *known;
	struct ev_zone *z;
	unsigned char *buf;
	size_t n;

	if (ctx == NULL || path == NULL || *path != '/')
		return NULL;
	if (zoneinfo_name(path, name, sizeof(name)) &&
	    (known = ev_zone_get(ctx, name)) != NULL)
		return known;
	if ((size_t)snprintf(key, sizeof(key), "\2%s", path) >= sizeof(key))
		return NULL;
	/* a key no TZID can have: ev_zone_get never finds it */
	if ((z = lookup(ctx, key)) != NULL)
		return z;
	if ((buf = slurp(path, &n)) == NULL)
		return NULL;
	if (!timezone_file_name(namefile, name, sizeof(name)))
		snprintf(name, sizeof(name), "%s", path);
	z = zone_alloc(ZK_BUILTIN, key, name);
	if (tzif_parse(z, buf, n) == -1) {
		zone_free(z);
		return NULL;
	}
	return zone_add(ctx, z);
}

const struct ev_zone *
ev_zone_path(struct ev_ctx *ctx, const char *path)
{
	return ev_zone_path_at(ctx, path, strcmp(path, "/etc/localtime") == 0 ?
	    "/etc/timezone" : NULL);
}

/* The system's zone: /etc/localtime, else /etc/timezone's name, else UTC. */
const struct ev_zone *
ev_zone_system(struct ev_ctx *ctx)
{
	char name[256];
	const struct ev_zone *z;

	if ((z = ev_zone_path(ctx, "/etc/localtime")) != NULL)
		return z;
	if (timezone_file_name("/etc/timezone", name, sizeof(name)) &&
	    (z = ev_zone_get(ctx, name)) != NULL)
		return z;
	return ev_zone_utc(ctx);
}

/* ---- inline VTIMEZONEs -------------------------------------------------- */

/* The text with "\n" line ends, folded lines joined. */
static char *
normalize(const char *text, size_t len)
{
	struct ev_buf b = { NULL, 0, 0 };
	size_t i = 0, e;

	while (i < len) {
		for (e = i; e < len && text[e] != '\n' && text[e] != '\r'; e++)
			;
		if (e > i && (text[i] == ' ' || text[i] == '\t') && b.len > 0) {
			b.len--;	/* a continuation: undo the "\n" */
			ev_buf_add(&b, text + i + 1, e - i - 1);
			ev_buf_addc(&b, '\n');
		} else if (e > i) {
			ev_buf_add(&b, text + i, e - i);
			ev_buf_addc(&b, '\n');
		}
		if (e < len && text[e] == '\r')
			e++;
		if (e < len && text[e] == '\n')
			e++;
		i = e;
	}
	if (b.p == NULL)
		ev_buf_adds(&b, "");
	return b.p;
}

/* What libical could not parse in an observance, or NULL. */
static const char *
obs_error(icalcomponent *c)
{
	icalproperty *p;

	p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	return p != NULL ? icalproperty_get_xlicerror(p) : NULL;
}

/* 0, or -1 with a message: a TZID and only good observances. */
static int
check_vtimezone(icalcomponent *vtz, struct ev_err *err)
{
	icalproperty *p = icalcomponent_get_first_property(vtz,
	    ICAL_TZID_PROPERTY);
	const char *tzid = p != NULL ? icalproperty_get_tzid(p) : NULL;
	icalcomponent *c;
	icalcomponent_kind k;
	struct obs o;
	const char *e;
	int n = 0;

	if (tzid == NULL || *tzid == '\0') {
		ev_err_set(err, NULL, 0, "bad VTIMEZONE: no TZID");
		return -1;
	}
	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		k = icalcomponent_isa(c);
		if (k != ICAL_XSTANDARD_COMPONENT &&
		    k != ICAL_XDAYLIGHT_COMPONENT)
			continue;
		if ((e = obs_error(c)) != NULL) {
			ev_err_set(err, NULL, 0, "bad VTIMEZONE: \"%s\": %s",
			    tzid, e);
			return -1;
		}
		if (!obs_read(c, &o)) {
			ev_err_set(err, NULL, 0, "bad VTIMEZONE: \"%s\": %s "
			    "without DTSTART or TZOFFSETTO", tzid,
			    k == ICAL_XSTANDARD_COMPONENT ? "STANDARD" :
			    "DAYLIGHT");
			return -1;
		}
		n++;
	}
	if (n == 0) {
		ev_err_set(err, NULL, 0, "bad VTIMEZONE: \"%s\": no STANDARD "
		    "or DAYLIGHT", tzid);
		return -1;
	}
	return 0;
}

/* A yearly rule without UNTIL or COUNT: onsets for good. */
static int
runs_on(icalcomponent *vtz)
{
	icalcomponent *c;
	icalproperty *p;
	struct icalrecurrencetype r;

	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		for (p = icalcomponent_get_first_property(c,
		    ICAL_RRULE_PROPERTY); p != NULL;
		    p = icalcomponent_get_next_property(c,
		    ICAL_RRULE_PROPERTY)) {
			r = icalproperty_get_rrule(p);
			if (r.freq != ICAL_NO_RECURRENCE && r.count == 0 &&
			    icaltime_is_null_time(r.until))
				return 1;
		}
	return 0;
}

/*
 * An inline zone named like an IANA (or Windows) zone covers the span
 * from its first onset to its last, or for good when a rule has no
 * end; outside it the named zone holds, as clients that know the name
 * read it (WordPress writes the onsets of a few years only).
 */
static void
set_fallback(struct ev_ctx *ctx, struct ev_zone *z)
{
	const struct ev_zone *fb = ev_zone_get(ctx, z->name);
	int open;

	if (fb == NULL)
		return;
	open = runs_on(z->comp);
	expand(z, open ? MIN_END_YEAR : FOLD_YEAR + 60);
	if (z->ntr == 0)
		return;
	z->span_lo = z->tr[0].utc;
	z->lo_off = z->tr[0].from;
	z->span_hi = open ? INT64_MAX : z->tr[z->ntr - 1].utc;
	z->hi_off = z->tr[z->ntr - 1].to;
	z->fb = fb;
	z->endyear = 0;		/* expand again, merged */
}

/* "YYYY-MM-DD", the local date right after change t. */
static void
change_date(int64_t utc, int off, char *buf, size_t size)
{
	int y, m, d;

	ev_civil_from_days(ev_floordiv(utc + off, DAY), &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

int
ev_zone_stray(const struct ev_zone *cz, int64_t utc, struct ev_err *err)
{
	struct ev_zone *z = (struct ev_zone *)cz;
	char lo[16], hi[16];

	if (z == NULL || z->fb == NULL || z->warned ||
	    (utc >= z->span_lo && utc <= z->span_hi) ||
	    offset_of(z, utc) == (utc < z->span_lo ? z->lo_off : z->hi_off))
		return 0;
	z->warned = 1;
	change_date(z->span_lo, z->lo_off, lo, sizeof(lo));
	if (z->span_hi == INT64_MAX) {
		ev_err_set(err, NULL, 0, "VTIMEZONE \"%.64s\" starts %s: "
		    "earlier times read in the zone %s", z->name, lo,
		    ev_zone_name(z->fb));
		return 1;
	}
	change_date(z->span_hi, z->hi_off, hi, sizeof(hi));
	ev_err_set(err, NULL, 0, "VTIMEZONE \"%.64s\" covers %s to %s only: "
	    "times outside read in the zone %s", z->name, lo, hi,
	    ev_zone_name(z->fb));
	return 1;
}

int
ev_vtimezone_utc(const char *text, size_t len)
{
	char *norm = normalize(text, len);
	icalcomponent *vtz = icalparser_parse_string(norm), *c;
	struct obs o;
	int n = 0, utc = 1;

	free(norm);
	if (vtz == NULL)
		return 0;
	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		if (obs_read(c, &o)) {
			n++;
			utc = utc && o.from == 0 && o.to == 0;
		}
	icalcomponent_free(vtz);
	return n > 0 && utc;
}

const struct ev_zone *
ev_zone_from_vtimezone(struct ev_ctx *ctx, const char *text, size_t len,
    struct ev_err *err)
{
	char *norm = normalize(text, len);
	icalcomponent *vtz;
	struct ev_zone *z;
	size_t i;

	/* The same definition again (another VCALENDAR of the same feed):
	 * the same zone. */
	for (i = 0; i < ctx->nzones; i++)
		if (ctx->zones[i]->kind == ZK_INLINE &&
		    strcmp(ctx->zones[i]->text, norm) == 0) {
			free(norm);
			return ctx->zones[i];
		}
	/* Only the VTIMEZONE itself: its text is what we write again. */
	vtz = icalparser_parse_string(norm);
	if (vtz == NULL || icalcomponent_isa(vtz) != ICAL_VTIMEZONE_COMPONENT) {
		ev_err_set(err, NULL, 0, "bad VTIMEZONE: not a VTIMEZONE "
		    "component");
		if (vtz != NULL)
			icalcomponent_free(vtz);
		free(norm);
		return NULL;
	}
	if (check_vtimezone(vtz, err) == -1) {
		icalcomponent_free(vtz);
		free(norm);
		return NULL;
	}
	z = zone_alloc(ZK_INLINE, NULL, icalproperty_get_tzid(
	    icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)));
	z->comp = vtz;
	z->text = norm;
	set_fallback(ctx, z);
	return zone_add(ctx, z);
}

/* ---- TZID resolution ---------------------------------------------------- */

void
ev_zonemap_add(struct ev_zonemap *m, const char *tzid,
    const struct ev_zone *z)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->tzid[i], tzid) == 0) {
			m->zone[i] = z;	/* a later definition wins */
			return;
		}
	m->tzid = ev_ereallocarray(m->tzid, m->n + 1, sizeof(*m->tzid));
	m->zone = ev_ereallocarray(m->zone, m->n + 1, sizeof(*m->zone));
	m->tzid[m->n] = ev_estrdup(tzid);
	m->zone[m->n] = z;
	m->n++;
}

void
ev_zonemap_clear(struct ev_zonemap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->tzid[i]);
	free(m->tzid);
	free(m->zone);
	m->tzid = NULL;
	m->zone = NULL;
	m->n = 0;
}

/* a and b equal but for case and white space around them ("TZID= 1"
 * and "TZID: 1" in one feed, or only one of them with the space). */
static int
trimmed_caseeq(const char *a, const char *b)
{
	size_t na, nb;

	while (*a == ' ' || *a == '\t')
		a++;
	while (*b == ' ' || *b == '\t')
		b++;
	for (na = strlen(a); na > 0 && (a[na - 1] == ' ' || a[na - 1] == '\t');
	    na--)
		;
	for (nb = strlen(b); nb > 0 && (b[nb - 1] == ' ' || b[nb - 1] == '\t');
	    nb--)
		;
	return na == nb && na > 0 && ev_strncaseeq(a, b, na);
}

static const struct ev_zone *
map_find(const struct ev_zonemap *m, const char *tzid)
{
	size_t i;

	if (m == NULL)
		return NULL;
	for (i = 0; i < m->n; i++)
		if (strcmp(m->tzid[i], tzid) == 0)
			return m->zone[i];
	/* producers are not always consistent about case */
	for (i = 0; i < m->n; i++)
		if (ev_strcaseeq(m->tzid[i], tzid))
			return m->zone[i];
	/* nor about white space around the name */
	for (i = 0; i < m->n; i++)
		if (trimmed_caseeq(m->tzid[i], tzid))
			return m->zone[i];
	return NULL;
}

/* A zone of one offset for good, named "UTC+hh:mm". */
static const struct ev_zone *
fixed_zone(struct ev_ctx *ctx, int off)
{
	struct ev_zone *z;
	char name[16], key[20];
	int a = off < 0 ? -off : off;

	if (off == 0)
		return ev_zone_utc(ctx);
	snprintf(name, sizeof(name), "UTC%c%02d:%02d", off < 0 ? '-' : '+',
	    a / 3600, a / 60 % 60);
	/* a key no TZID can have: ev_zone_get never finds it */
	snprintf(key, sizeof(key), "\1%s", name);
	if ((z = lookup(ctx, key)) != NULL)
		return z;
	z = zone_alloc(ZK_BUILTIN, key, name);
	z->tzif = 1;
	z->hasrule = 1;
	z->rule.stdoff = off;
	z->base0 = off;
	return zone_add(ctx, z);
}

static int
digit(int c)
{
	return c >= '0' && c <= '9';
}

/*
 * A fixed-offset name: "UTC+01", "UTC-5", "GMT-05.00", "UTC+0530",
 * "(GMT +01:00)", "(UTC)".  The offset east in *off and what follows
 * the name; NULL when s is none.
 */
static const char *
utc_offset(const char *s, int *off)
{
	int paren = *s == '(', sign, h = 0, m = 0, nd;

	s += paren;
	if (!ev_strncaseeq(s, "UTC", 3) && !ev_strncaseeq(s, "GMT", 3))
		return NULL;
	for (s += 3; *s == ' '; s++)
		;
	*off = 0;
	if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		for (nd = 0; nd < 2 && digit(*s); nd++)
			h = h * 10 + *s++ - '0';
		if (nd == 0)
			return NULL;
		if ((*s == ':' || *s == '.') && digit(s[1]) && digit(s[2]))
			s++;
		if (digit(s[0]) && digit(s[1]) && (nd == 2 || s[-1] == ':' ||
		    s[-1] == '.')) {
			m = (s[0] - '0') * 10 + s[1] - '0';
			s += 2;
		}
		if (h > 14 || m > 59)
			return NULL;
		*off = sign * (h * 3600 + m * 60);
	}
	if (paren) {
		while (*s == ' ')
			s++;
		if (*s++ != ')')
			return NULL;
	}
	return s;
}

/*
 * What clients make of TZIDs no VTIMEZONE defines (evkit(7)): a fixed
 * offset by name; an Outlook Web Access display name; one that only
 * lists a city of one, or has an unknown place after its "(UTC+hh:mm)"
 * or a rule after its offset ("GMT-05.00/-04.00"), is a guess.
 */
static const struct ev_zone *
by_description(struct ev_ctx *ctx, const char *tzid, int *guess)
{
	const char *rest, *iana;
	int off;

	while (*tzid == ' ')
		tzid++;
	if ((rest = utc_offset(tzid, &off)) != NULL) {
		while (*rest == ' ')
			rest++;
		if (*rest == '\0')
			return fixed_zone(ctx, off);
	}
	if ((iana = ev_zone_windows_display(tzid, guess)) != NULL)
		return ev_zone_get(ctx, iana);
	*guess = 1;
	if (rest != NULL && (*rest == '/' || *tzid == '('))
		return fixed_zone(ctx, off);
	*guess = 0;
	return NULL;
}

const struct ev_zone *
ev_zone_resolve(struct ev_ctx *ctx, const struct ev_zonemap *map,
    const char *tzid, int *guess)
{
	const struct ev_zone *z;
	const char *p;

	*guess = 0;
	if (tzid == NULL)
		return NULL;
	if (*tzid == '\0')	/* Exchange: TZID= and a VTIMEZONE without */
		return map_find(map, tzid);
	if ((z = map_find(map, tzid)) != NULL ||
	    (z = ev_zone_get(ctx, tzid)) != NULL)
		return z;
	/* "/freeassociation.sourceforge.net/Europe/Berlin",
	 * "/citadel.org/20190914_1/Europe/Berlin": try each tail that still
	 * looks like Area/City. */
	for (p = strchr(tzid, '/'); p != NULL; p = strchr(p + 1, '/'))
		if (strchr(p + 1, '/') != NULL &&
		    (z = ev_zone_get(ctx, p + 1)) != NULL)
			return z;
	return by_description(ctx, tzid, guess);
}

/* ---- writing a VTIMEZONE ------------------------------------------------ */

/*
 * Changes are grouped into yearly rules: the same month, time of day,
 * offsets, name and kind in consecutive years, on a day that one RRULE
 * pattern picks every year.  A group becomes one observance: DTSTART
 * and, for more than one year, an RRULE.
 */
enum {
	PAT_NTH = 1,		/* BYDAY=2SU */
	PAT_LAST = 2,		/* BYDAY=-1SU */
	PAT_MDAY = 4,		/* BYMONTHDAY=27 */
	PAT_WINDOW = 8		/* BYDAY=SU;BYMONTHDAY=8,...,14 */
};

struct group {
	size_t	 first;		/* index of the first change */
	size_t	 lastq, nq;	/* last change in range; how many */
	int	 lastyear;	/* local year of the last change */
	int	 mon, tod;	/* month, seconds into the day */
	int	 wday, mday, nth, minday, maxday;
	unsigned pat;		/* PAT_ patterns every member fits */
};

struct when {
	int	 year, mon, mday, wday, tod;
	int	 last;		/* last such weekday of the month */
};

static void
when_of(const struct trans *t, struct when *w)
{
	int64_t wall = t->utc + t->from, days = ev_floordiv(wall, DAY);

	ev_civil_from_days(days, &w->year, &w->mon, &w->mday);
	w->wday = ev_weekday(days);
	w->tod = (int)(wall - days * DAY);
	w->last = w->mday + 7 > ev_days_in_month(w->year, w->mon);
}

static void
group_start(struct group *g, size_t i, const struct when *w)
{
	g->first = g->lastq = i;
	g->nq = 0;
	g->lastyear = w->year;
	g->mon = w->mon;
	g->tod = w->tod;
	g->wday = w->wday;
	g->mday = w->mday;
	g->nth = (w->mday - 1) / 7 + 1;
	g->minday = g->maxday = w->mday;
	g->pat = PAT_MDAY | PAT_WINDOW | (g->nth <= 4 ? PAT_NTH : 0) |
	    (w->last ? PAT_LAST : 0);
}

/* The patterns g keeps if the change w joins it (0: it cannot). */
static unsigned
group_fit(const struct group *g, const struct when *w)
{
	unsigned pat = g->pat;
	int lo = w->mday < g->minday ? w->mday : g->minday;
	int hi = w->mday > g->maxday ? w->mday : g->maxday;

	if (w->year != g->lastyear + 1 || w->mon != g->mon || w->tod != g->tod)
		return 0;
	if (w->mday != g->mday)
		pat &= ~(unsigned)PAT_MDAY;
	if (w->wday != g->wday)
		pat &= PAT_MDAY;
	if ((w->mday - 1) / 7 + 1 != g->nth)
		pat &= ~(unsigned)PAT_NTH;
	if (!w->last)
		pat &= ~(unsigned)PAT_LAST;
	/* the window must exist in every year's month */
	if (hi - lo > 6 || lo + 6 > (g->mon == 2 ? 28 : 30))
		pat &= ~(unsigned)PAT_WINDOW;
	return pat;
}

static int
same_kind(const struct trans *a, const struct trans *b)
{
	return a->from == b->from && a->to == b->to && a->dst == b->dst &&
	    abbr_eq(a->abbr, b->abbr);
}

static void
add_offset(struct ev_buf *out, const char *prop, int off)
{
	int a = off < 0 ? -off : off;

	ev_buf_printf(out, "%s:%c%02d%02d", prop, off < 0 ? '-' : '+',
	    a / 3600, a / 60 % 60);
	if (a % 60 != 0)
		ev_buf_printf(out, "%02d", a % 60);
	ev_buf_addc(out, '\n');
}

static void
add_datetime(struct ev_buf *out, int64_t t)
{
	struct ev_tm tm;

	ev_tm_from_wall(t, &tm);
	ev_buf_printf(out, "%04d%02d%02dT%02d%02d%02d", tm.year, tm.mon,
	    tm.mday, tm.hour, tm.min, tm.sec);
}

static void
add_rrule(struct ev_buf *out, const struct group *g, const struct trans *until)
{
	static const char *const wd[] = { "MO", "TU", "WE", "TH", "FR", "SA",
	    "SU" };
	int d;

	ev_buf_adds(out, "RRULE:FREQ=YEARLY;");
	if (until != NULL) {
		ev_buf_adds(out, "UNTIL=");
		add_datetime(out, until->utc);
		ev_buf_adds(out, "Z;");
	}
	ev_buf_printf(out, "BYMONTH=%d;", g->mon);
	if (g->pat & PAT_LAST)
		ev_buf_printf(out, "BYDAY=-1%s", wd[g->wday]);
	else if (g->pat & PAT_NTH)
		ev_buf_printf(out, "BYDAY=%d%s", g->nth, wd[g->wday]);
	else if (g->pat & PAT_MDAY)
		ev_buf_printf(out, "BYMONTHDAY=%d", g->mday);
	else {
		ev_buf_printf(out, "BYDAY=%s;BYMONTHDAY=", wd[g->wday]);
		for (d = g->minday; d < g->minday + 7; d++)
			ev_buf_printf(out, "%s%d", d > g->minday ? "," : "", d);
	}
	ev_buf_addc(out, '\n');
}

/* TZNAME is TEXT; zone abbreviations never need escaping, so anything
 * that would is left out rather than escaped. */
static int
plain_abbr(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '+' || *s == '-'))
			return 0;
	return 1;
}

static void
add_observance(struct ev_buf *out, const struct trans *t,
    const struct group *g, const struct trans *until, int rrule)
{
	const char *kind = t->dst ? "DAYLIGHT" : "STANDARD";

	ev_buf_printf(out, "BEGIN:%s\nDTSTART:", kind);
	add_datetime(out, t->utc + t->from);
	ev_buf_addc(out, '\n');
	if (rrule)
		add_rrule(out, g, until);
	add_offset(out, "TZOFFSETFROM", t->from);
	add_offset(out, "TZOFFSETTO", t->to);
	if (plain_abbr(t->abbr))
		ev_buf_printf(out, "TZNAME:%s\n", t->abbr);
	ev_buf_printf(out, "END:%s\n", kind);
}

/* Group the changes from s on; gi[i] is the group of change i. */
static size_t
make_groups(const struct ev_zone *z, size_t s, size_t q, struct group *g,
    size_t *gi)
{
	size_t i, k, ng = 0;
	struct when w;
	unsigned pat;

	for (i = s; i < z->ntr; i++) {
		when_of(&z->tr[i], &w);
		for (k = 0; k < ng; k++) {
			if (!same_kind(&z->tr[g[k].first], &z->tr[i]))
				continue;
			if ((pat = group_fit(&g[k], &w)) == 0)
				continue;
			g[k].pat = pat;
			g[k].lastyear = w.year;
			if (w.mday < g[k].minday)
				g[k].minday = w.mday;
			if (w.mday > g[k].maxday)
				g[k].maxday = w.mday;
			break;
		}
		if (k == ng)
			group_start(&g[ng++], i, &w);
		if (i <= q) {
			g[k].lastq = i;
			g[k].nq++;
		}
		gi[i] = k;
	}
	return ng;
}

/*
 * The rules can stay open (no UNTIL) when every change after the range
 * belongs to a group that started in it and runs to the end of the
 * table: the zone keeps its current rules for good.
 */
static int
stays_open(const struct ev_zone *z, size_t q, const struct group *g,
    const size_t *gi)
{
	size_t i;

	for (i = q + 1; i < z->ntr; i++)
		if (g[gi[i]].nq == 0 || g[gi[i]].lastyear < z->endyear)
			return 0;
	return 1;
}

static void
emit_generated(struct ev_zone *z, int year_from, int year_to,
    struct ev_buf *out)
{
	int64_t lo, hi;
	long p, q;
	size_t s, k, ng, *gi;
	struct group *g;
	int open;

	ensure(z, ev_days_from_civil(year_to + 25, 1, 1) * DAY);
	lo = ev_days_from_civil(year_from, 1, 1) * DAY;
	hi = ev_days_from_civil(year_to + 1, 1, 1) * DAY;
	p = find(z, lo);		/* in force when the range starts */
	q = find(z, hi - 1);		/* the last change in the range */
	if (p < 0) {
		/* Nothing before the range: the offset before the first
		 * change, from the earliest date Outlook knows. */
		int off = before_first(z);

		ev_buf_adds(out, "BEGIN:STANDARD\nDTSTART:16010101T000000\n");
		add_offset(out, "TZOFFSETFROM", off);
		add_offset(out, "TZOFFSETTO", off);
		ev_buf_adds(out, "END:STANDARD\n");
	}
	if (q < 0)
		return;
	s = p < 0 ? 0 : (size_t)p;
	g = ev_ereallocarray(NULL, z->ntr - s, sizeof(*g));
	gi = ev_ereallocarray(NULL, z->ntr, sizeof(*gi));
	ng = make_groups(z, s, (size_t)q, g, gi);
	open = stays_open(z, (size_t)q, g, gi);
	for (k = 0; k < ng; k++) {
		const struct trans *t = &z->tr[g[k].first];

		if (g[k].nq == 0)
			continue;
		if (open && g[k].lastyear >= z->endyear)
			add_observance(out, t, &g[k], NULL, 1);
		else
			add_observance(out, t, &g[k], &z->tr[g[k].lastq],
			    g[k].nq > 1);
	}
	free(g);
	free(gi);
}

void
ev_zone_vtimezone(const struct ev_zone *cz, int year_from, int year_to,
    struct ev_buf *out)
{
	struct ev_zone *z = (struct ev_zone *)cz;
	int t;

	if (z == NULL || z->kind == ZK_UTC)
		return;
	if (z->kind == ZK_INLINE) {
		ev_buf_adds(out, z->text);
		return;
	}
	if (year_from > year_to) {
		t = year_from;
		year_from = year_to;
		year_to = t;
	}
	if (year_from < 1)
		year_from = 1;
	if (year_to > FOLD_YEAR)
		year_to = FOLD_YEAR;
	if (year_from > year_to)
		year_from = year_to;
	ev_buf_printf(out, "BEGIN:VTIMEZONE\nTZID:%s\n", z->name);
	emit_generated(z, year_from, year_to, out);
	ev_buf_adds(out, "END:VTIMEZONE\n");
}
