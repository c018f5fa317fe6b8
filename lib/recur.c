/*
 * recur.c - recurrence expansion: RRULE, RDATE, EXDATE and RECURRENCE-ID
 * overrides (RFC 5545 3.8.5, 3.8.4.4, 3.3.10).
 *
 * Rules are iterated on the master's wall clock (for libical a floating
 * time); we turn wall clocks into instants ourselves (ev_zone_to_utc,
 * with RFC 5545 3.3.5's gap and fold rules: 02:30 on a spring-forward
 * day is 03:30, a doubled hour is its first occurrence).  libical 3.0's
 * iterator, tested against the RFC's examples and python-dateutil, gets
 * these wrong:
 *
 *  - UNTIL in UTC is compared with the floating wall clock as if it were
 *    UTC ("HOURLY;UNTIL=19970902T170000Z" in New York runs four hours
 *    long).  We strip UNTIL and COUNT from the rule and apply both.
 *  - BYSETPOS is ignored for DAILY and WEEKLY rules.
 *  - DAILY;BYMONTHDAY=-1 (any negative day) yields nothing at all.
 *  - BYWEEKNO yields weeks other than those listed (BYWEEKNO=53 from
 *    2016-01-01: 2017-01-03, 2018-01-02, ...), and BYWEEKNO=1,53 from
 *    1996-06-16 crashes inside icalrecur_iterator_next.
 *  - With BYHOUR, BYMINUTE or BYSECOND, BYSETPOS of MONTHLY and YEARLY
 *    picks days, not times (BYSETPOS=1;BYMINUTE=0,30 keeps both).
 *  - YEARLY with BYYEARDAY and BYMONTH or BYMONTHDAY is refused as
 *    malformed.  YEARLY with BYMONTHDAY but no BYMONTH keeps to
 *    DTSTART's month, where the day parts of a YEARLY rule expand over
 *    the year (3.3.10 table and "every 20th Monday of the year").
 *  - SECONDLY, MINUTELY and HOURLY rules with limiting parts spin inside
 *    one icalrecur_iterator_next call through every second until one
 *    matches (hours for an impossible rule).
 *  - A DTSTART the rule does not match is not returned, yet it is the
 *    first instance (3.3.10 COUNT; the "Friday the 13th" example removes
 *    it with EXDATE).  We add it.
 *  - Impossible rules (BYMONTH=2;BYMONTHDAY=30) make libical search for
 *    centuries or fail as if malformed.  A scan of one 400-year Gregorian
 *    cycle of their date parts finds them first.
 *
 * So libical iterates MONTHLY and YEARLY rules, whose n-th weekdays,
 * year days and set positions it gets right, and we iterate SECONDLY to
 * WEEKLY and the other rules above ourselves: plain periods whose sets
 * are the days passing the rule's day parts times the times of day.
 *
 * Occurrences are gathered per series, only around the window, then
 * sorted as a whole; overrides stand on their own (they appear when they
 * overlap the window, wherever their original instance was) and hide the
 * instance whose RECURRENCE-ID they name.
 */
#include <libical/ical.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

enum {
	DAY = 86400,
	MARGIN = 2 * DAY,		/* more than any UTC offset */
	ICAL_BUDGET = 200000,		/* libical calls without a date */
	OWN_BUDGET = 2000000,		/* our own periods likewise */
	CYCLE = 146097			/* days in 400 Gregorian years */
};

struct occ {
	struct ev_event *ev;
	size_t	 seq;			/* makes the sort stable */
};

struct ev_expand {
	struct ev_ctx *ctx;
	int64_t	 from, to;
	unsigned cap;
	struct ev_event **in;		/* gathered, not yet expanded */
	size_t	 nin, cin;
	struct occ *out;		/* expanded, sorted from iout on */
	size_t	 nout, cout, iout;
	char	**warn;			/* queued warnings */
	size_t	 nwarn, cwarn, iwarn;
	size_t	 seq;
	/* ev_expand_any: ask instead of making occurrences */
	int	(*probe)(void *, int64_t, int, int64_t);
	void	*parg;
	int	 found;
};

/* How a wall clock maps to instants: a DTSTART's kind and zone. */
struct frame {
	enum ev_tkind kind;
	const struct ev_zone *zone;	/* ZONED: its zone; DATE, FLOAT: display */
};

/*
 * The length of a series' instances.  RFC 5545 3.8.5.3: "If the duration
 * of the recurring component is specified with the DTEND ... property,
 * then the same exact duration will apply to all the members ...  Else,
 * if ... specified with the DURATION property, then the same nominal
 * duration will apply" -- so DTEND gives exact seconds (an hour-long
 * event stays an hour long across a DST change), DURATION gives days in
 * wall-clock time plus exact seconds (P1D ends at the same wall time the
 * next day), and all-day events last the same number of days.
 */
struct dur {
	int	 has;			/* 0: an instant */
	int	 nominal;		/* days in wall time, then secs */
	int	 days;
	int64_t	 secs;
	int	 dtend;			/* written as DTEND */
	struct frame ef;		/* DTEND's frame */
};

/* One instance of a series, before overrides: its RECURRENCE-ID. */
struct inst {
	int64_t	 wall, utc;		/* wall in the master's frame */
	int	 period;		/* an RDATE PERIOD with its own end */
	int64_t	 pend;
	size_t	 idx;
};

/* A DATE, DATE-TIME or PERIOD value of RDATE or EXDATE. */
struct dval {
	struct ev_time t;
	int	 period;
	int64_t	 end;
};

/* A RANGE=THISANDFUTURE override and the shift it applies. */
struct taf {
	struct ev_event *ev;
	struct frame sf;
	int64_t	 delta;			/* wall seconds in sf */
	struct dur d;
};

/* One RRULE being iterated. */
struct gen {
	struct icalrecurrencetype r;	/* as parsed, UNTIL and COUNT taken */
	struct icalrecurrencetype er;	/* ours: with the days DTSTART lends */
	icalrecur_iterator *it;		/* libical's, else ours */
	int	 is_date;
	int64_t	 w0, lo, hi;		/* DTSTART; walls worth returning */
	const struct frame *mf;
	int64_t	 dtod;			/* DTSTART's time of day */
	struct ev_time until;		/* kind EV_T_NONE: none */
	int	 count;
	unsigned long seen, steps, budget;
	int	 done, exhausted;
	int	 wkst;			/* 0 = Monday */
	/* ours: periods base + k * step: seconds, months (MONTHLY), years */
	int64_t	 base, step, k;
	int64_t	*tod;			/* times of day, DAILY and longer */
	size_t	 ntod;
	int64_t	*buf;			/* the current period's set */
	size_t	 nbuf, cbuf, ibuf;
	/* the next value, for merging */
	int	 has;
	int64_t	 wall, utc;
};

struct series {
	struct ev_expand *x;
	struct ev_event *m;
	long	 mstart;		/* master's DTSTART property */
	struct frame mf;
	struct dur md;
	struct ev_event **ovr;
	size_t	 novr;
	struct taf *taf;
	size_t	 ntaf;
	struct dval *ex;
	size_t	 nex;
	struct inst *rd;		/* DTSTART and RDATEs, by instant */
	size_t	 nrd, ird;
	struct gen **gen;
	size_t	 ngen;
	int64_t	 lo, hi;
	unsigned n;			/* occurrences in the window */
	int	 over;			/* cap hit */
	int	 have_last;
	int64_t	 last;
};

/* ---- small helpers ------------------------------------------------------ */

static int64_t
sadd(int64_t a, int64_t b)
{
	if (b > 0 && a > INT64_MAX - b)
		return INT64_MAX;
	if (b < 0 && a < INT64_MIN - b)
		return INT64_MIN;
	return a + b;
}

static int64_t
i64abs(int64_t a)
{
	return a < 0 ? -a : a;
}

static int64_t
dayof(int64_t wall)
{
	return ev_floordiv(wall, DAY);
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static void
warn(struct ev_expand *x, const char *file, unsigned long line,
    const char *fmt, ...) EV_PRINTFLIKE(4, 5);

static void
warn(struct ev_expand *x, const char *file, unsigned long line,
    const char *fmt, ...)
{
	struct ev_err e;
	char what[sizeof(e.msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	ev_err_set(&e, file, line, "%s", what);
	if (x->nwarn == x->cwarn) {
		x->cwarn = x->cwarn ? x->cwarn * 2 : 8;
		x->warn = ev_ereallocarray(x->warn, x->cwarn, sizeof(*x->warn));
	}
	x->warn[x->nwarn++] = ev_estrdup(e.msg);
}

static void
push_out(struct ev_expand *x, struct ev_event *ev)
{
	if (x->nout == x->cout) {
		x->cout = x->cout ? x->cout * 2 : 64;
		x->out = ev_ereallocarray(x->out, x->cout, sizeof(*x->out));
	}
	x->out[x->nout].ev = ev;
	x->out[x->nout++].seq = x->seq++;
}

/* An instant with no end is at its start; otherwise [start, end). */
static int
overlaps(const struct ev_expand *x, int64_t s, int has_end, int64_t e)
{
	if (!has_end || e <= s)
		return s >= x->from && s < x->to;
	return s < x->to && e > x->from;
}

static int
prop_is(const struct ev_event *ev, size_t i, const char *name)
{
	return ev->props[i].depth == 0 &&
	    !(ev->props[i].flags & EV_PROP_CSVCOL) &&
	    ev_strcaseeq(EV_PNAME(ev, i), name);
}

/* ---- frames ---------------------------------------------------------------- */

static struct frame
frame_of(const struct ev_ctx *ctx, const struct ev_time *t)
{
	struct frame f;

	f.kind = t->kind;
	f.zone = t->kind == EV_T_ZONED ? t->zone : ev_ctx_zone(ctx);
	return f;
}

static int
same_frame(const struct frame *f, const struct ev_time *t)
{
	return f->kind == t->kind &&
	    (t->kind != EV_T_ZONED || t->zone == f->zone);
}

static int64_t
frame_utc(const struct frame *f, int64_t wall)
{
	return f->kind == EV_T_UTC ? wall : ev_zone_to_utc(f->zone, wall);
}

static int64_t
frame_wall(const struct frame *f, int64_t utc)
{
	return f->kind == EV_T_UTC ? utc : ev_zone_to_wall(f->zone, utc);
}

/* t's wall clock in frame f; a DATE on either side: the date written. */
static int64_t
wall_in(const struct frame *f, const struct ev_time *t)
{
	if (f->kind == EV_T_DATE)
		return dayof(t->wall) * DAY;
	if (t->kind == EV_T_DATE || same_frame(f, t))
		return t->wall;
	return frame_wall(f, t->utc);
}

/*
 * Compare t (an EXDATE, a RECURRENCE-ID) with an instance of the master:
 * by date when either is a DATE (RFC 5545 3.8.4.4: a DATE names the
 * instance on that date), else by instant, whatever zone each is in.
 */
static int
rid_cmp(const struct ev_time *t, const struct frame *mf, int64_t wall,
    int64_t utc)
{
	int64_t a = t->utc, b = utc;

	if (t->kind == EV_T_DATE || mf->kind == EV_T_DATE) {
		a = dayof(t->wall);
		b = dayof(wall);
	}
	return (a > b) - (a < b);
}

static void
dur_of(struct ev_ctx *ctx, struct ev_event *ev, struct dur *d)
{
	long i = ev_event_find(ev, "DURATION");

	memset(d, 0, sizeof(*d));
	if (ev->end.kind == EV_T_NONE)
		return;
	d->has = 1;
	d->dtend = ev_event_find(ev, "DTEND") >= 0;
	d->ef = frame_of(ctx, &ev->end);
	if (i >= 0 && ev_duration_parse(EV_PVALUE(ev, i), &d->days,
	    &d->secs) == 0) {
		d->nominal = 1;
	} else if (ev->start.kind == EV_T_DATE) {
		d->nominal = 1;
		d->days = (int)((ev->end.wall - ev->start.wall) / DAY);
	} else {
		d->secs = ev->end.utc - ev->start.utc;
	}
}

/* How far an instance can reach beyond its start, generously. */
static int64_t
dur_span(const struct dur *d)
{
	if (!d->has)
		return 0;
	return i64abs(d->days) * DAY + i64abs(d->secs) + DAY;
}

/* ---- rule parts ------------------------------------------------------------ */

static size_t
nlist(const short *a, size_t max)
{
	size_t n = 0;

	while (n < max && a[n] != ICAL_RECURRENCE_ARRAY_MAX)
		n++;
	return n;
}

#define NLIST(a) nlist((a), sizeof(a) / sizeof((a)[0]))

static void
list_set1(short *a, size_t max, int v)
{
	a[0] = (short)v;
	if (max > 1)
		a[1] = ICAL_RECURRENCE_ARRAY_MAX;
}

static void
list_clear(short *a)
{
	a[0] = ICAL_RECURRENCE_ARRAY_MAX;
}

static int
in_list(const short *a, size_t max, int v)
{
	for (size_t i = 0; i < max && a[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
		if (a[i] == v)
			return 1;
	return 0;
}

/* v in 1..len against a list of n and -n (n-th from the end). */
static int
signed_ok(const short *a, size_t max, int v, int len)
{
	size_t n = nlist(a, max);

	if (n == 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		if (a[i] > 0 ? v == a[i] : v == len + 1 + a[i])
			return 1;
	return 0;
}

/* libical weekdays are 1 = Sunday ... 7 = Saturday; ours 0 = Monday. */
static int
our_wday(int ical)
{
	return (ical + 5) % 7;
}

/*
 * BYDAY: a weekday, or its n-th (-n-th: from the end) in the month
 * (MONTHLY; YEARLY with BYMONTH) or in the year (YEARLY), 3.3.10.
 */
static int
byday_ok(const struct icalrecurrencetype *r, int64_t days, int y, int m,
    int d)
{
	size_t n = NLIST(r->by_day);
	int wd = ev_weekday(days), in_month, idx, len;

	if (n == 0)
		return 1;
	in_month = r->freq != ICAL_YEARLY_RECURRENCE || NLIST(r->by_month) > 0;
	idx = in_month ? d : (int)(days - ev_days_from_civil(y, 1, 1)) + 1;
	len = in_month ? ev_days_in_month(y, m) :
	    ev_days_in_month(y, 2) == 29 ? 366 : 365;
	for (size_t i = 0; i < n; i++) {
		int pos = icalrecurrencetype_day_position(r->by_day[i]);

		if (our_wday(icalrecurrencetype_day_day_of_week(r->by_day[i])) !=
		    wd)
			continue;
		if (pos == 0 || (pos > 0 && (idx - 1) / 7 + 1 == pos) ||
		    (pos < 0 && (len - idx) / 7 + 1 == -pos))
			return 1;
	}
	return 0;
}

static int
month_ok(const struct icalrecurrencetype *r, int mon)
{
	size_t n = NLIST(r->by_month);

	if (n == 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		if (icalrecurrencetype_month_month(r->by_month[i]) == mon)
			return 1;
	return 0;
}

/* First day of week 1 of year y: the first week with 4 of its days in y. */
static int64_t
week1(int y, int wkst)
{
	int64_t jan1 = ev_days_from_civil(y, 1, 1);
	int64_t ws = jan1 - (ev_weekday(jan1) - wkst + 7) % 7;

	return jan1 - ws > 3 ? ws + 7 : ws;
}

/* RFC 5545 BYWEEKNO with week start wkst (ISO 8601 when Monday). */
static int
weekno_ok(const struct icalrecurrencetype *r, int64_t days)
{
	int wkst = our_wday(r->week_start), y, m, d, wn, nweeks;
	int64_t ws, w1;

	if (NLIST(r->by_week_no) == 0)
		return 1;
	ws = days - (ev_weekday(days) - wkst + 7) % 7;
	ev_civil_from_days(ws + 3, &y, &m, &d);	/* the year with 4 days */
	w1 = week1(y, wkst);
	wn = (int)((ws - w1) / 7) + 1;
	nweeks = (int)((week1(y + 1, wkst) - w1) / 7);
	return signed_ok(r->by_week_no, NLIST(r->by_week_no), wn, nweeks);
}

/* Could day (days since 1970) be produced by r's date parts? */
static int
day_ok(const struct icalrecurrencetype *r, int64_t days)
{
	int y, m, d, ylen;

	ev_civil_from_days(days, &y, &m, &d);
	ylen = ev_days_in_month(y, 2) == 29 ? 366 : 365;
	return month_ok(r, m) &&
	    signed_ok(r->by_month_day, NLIST(r->by_month_day), d,
	    ev_days_in_month(y, m)) &&
	    signed_ok(r->by_year_day, NLIST(r->by_year_day),
	    (int)(days - ev_days_from_civil(y, 1, 1)) + 1, ylen) &&
	    byday_ok(r, days, y, m, d) && weekno_ok(r, days);
}

/*
 * Does any day of a 400-year cycle (the Gregorian calendar, weekdays
 * included, repeats after it) pass the rule's date parts, with the day
 * and month DTSTART supplies when the rule names none (3.3.10)?
 */
/*
 * At most how many instances one period of a MONTHLY or YEARLY rule can
 * have: BYSETPOS positions beyond that never select anything, and
 * libical then searches for a second or more before it gives up.
 */
static long
set_bound(const struct icalrecurrencetype *r)
{
	long days = 0, t = 1;
	size_t nd = NLIST(r->by_day), nmd = NLIST(r->by_month_day);
	int ordinals = nd > 0;

	for (size_t i = 0; i < nd; i++) {
		if (icalrecurrencetype_day_position(r->by_day[i]) == 0)
			ordinals = 0;
		days += icalrecurrencetype_day_position(r->by_day[i]) ? 1 : 5;
	}
	if (r->freq == ICAL_MONTHLY_RECURRENCE) {
		if (nd == 0 || (nmd > 0 && (long)nmd < days))
			days = nmd > 0 ? (long)nmd : 1;
	} else if (r->freq == ICAL_YEARLY_RECURRENCE) {
		/* only "the 2nd Friday" kinds are few in a year */
		if (!ordinals || NLIST(r->by_month_day) ||
		    NLIST(r->by_year_day) || NLIST(r->by_week_no))
			days = 366;
		else if (NLIST(r->by_month) > 0)
			days *= (long)NLIST(r->by_month);
	} else
		return LONG_MAX;
	if (NLIST(r->by_hour) > 0)
		t *= (long)NLIST(r->by_hour);
	if (NLIST(r->by_minute) > 0)
		t *= (long)NLIST(r->by_minute);
	if (NLIST(r->by_second) > 0)
		t *= (long)NLIST(r->by_second);
	return days * t;
}

static int
rule_possible(const struct gen *g)
{
	struct icalrecurrencetype r = g->r;
	int has_md = NLIST(r.by_month_day) > 0, has_d = NLIST(r.by_day) > 0;
	int has_yd = NLIST(r.by_year_day) > 0, has_wn = NLIST(r.by_week_no) > 0;
	struct ev_tm tm;
	int64_t start;

	ev_tm_from_wall(g->w0, &tm);
	if (r.freq == ICAL_MONTHLY_RECURRENCE && !has_md && !has_d)
		list_set1(r.by_month_day, ICAL_BY_MONTHDAY_SIZE, tm.mday);
	if (r.freq == ICAL_YEARLY_RECURRENCE && !has_md && !has_d &&
	    !has_yd && !has_wn) {
		list_set1(r.by_month_day, ICAL_BY_MONTHDAY_SIZE, tm.mday);
		if (NLIST(r.by_month) == 0)
			list_set1(r.by_month, ICAL_BY_MONTH_SIZE, tm.mon);
	}
	if (NLIST(r.by_set_pos) > 0) {
		long bound = set_bound(&r);
		size_t i, n = NLIST(r.by_set_pos);

		for (i = 0; i < n; i++)
			if (labs((long)r.by_set_pos[i]) <= bound)
				break;
		if (i == n)
			return 0;
	}
	start = ev_days_from_civil(tm.year, 1, 1);
	for (int64_t i = 0; i < CYCLE; i++)
		if (day_ok(&r, start + i))
			return 1;
	return 0;
}

/* Rule part combinations RFC 5545 3.3.10 calls N/A, which libical 3.0
 * partly accepts and then iterates wrongly. */
static int
rule_valid(const struct icalrecurrencetype *r, int is_date)
{
	int f = r->freq;
	size_t nd = NLIST(r->by_day);

	if (f == ICAL_NO_RECURRENCE || r->interval < 1)
		return 0;
	if (NLIST(r->by_week_no) && f != ICAL_YEARLY_RECURRENCE)
		return 0;
	if (NLIST(r->by_year_day) && (f == ICAL_DAILY_RECURRENCE ||
	    f == ICAL_WEEKLY_RECURRENCE || f == ICAL_MONTHLY_RECURRENCE))
		return 0;
	if (NLIST(r->by_month_day) && f == ICAL_WEEKLY_RECURRENCE)
		return 0;
	for (size_t i = 0; i < nd; i++) {
		if (icalrecurrencetype_day_position(r->by_day[i]) == 0)
			continue;
		if (f != ICAL_MONTHLY_RECURRENCE && f != ICAL_YEARLY_RECURRENCE)
			return 0;
		if (NLIST(r->by_week_no))
			return 0;
	}
	/* a date has no hours to repeat in */
	return !(is_date && f < ICAL_DAILY_RECURRENCE);
}

/* Keep the BYSETPOS positions of the sorted set v[0..n). */
static size_t
setpos_pick(const short *sp, size_t nsp, int64_t *v, size_t n)
{
	size_t out = 0;

	if (nsp == 0)
		return n;
	for (size_t i = 0; i < n; i++) {
		int keep = 0;

		for (size_t j = 0; j < nsp && !keep; j++) {
			long pos = sp[j] > 0 ? sp[j] - 1 : (long)n + sp[j];

			keep = pos == (long)i;
		}
		if (keep)
			v[out++] = v[i];
	}
	return out;
}

/* ---- libical's iterator: MONTHLY and YEARLY --------------------------------- */

static struct icaltimetype
ical_time(int64_t wall, int is_date)
{
	struct icaltimetype t = icaltime_null_time();
	struct ev_tm tm;

	ev_tm_from_wall(wall, &tm);
	t.year = tm.year;
	t.month = tm.mon;
	t.day = tm.mday;
	t.is_date = is_date;
	if (!is_date) {
		t.hour = tm.hour;
		t.minute = tm.min;
		t.second = tm.sec;
	}
	return t;
}

static int64_t
add_months(const struct ev_tm *tm, int64_t months)
{
	int64_t t = (int64_t)tm->year * 12 + (tm->mon - 1) + months;

	return ev_days_from_civil((int)ev_floordiv(t, 12),
	    (int)(t - ev_floordiv(t, 12) * 12) + 1, tm->mday) * DAY +
	    tm->hour * 3600 + tm->min * 60 + tm->sec;
}

/* No BY parts: every period holds exactly one instance. */
static int
no_by(const struct icalrecurrencetype *r)
{
	return !NLIST(r->by_second) && !NLIST(r->by_minute) &&
	    !NLIST(r->by_hour) && !NLIST(r->by_day) &&
	    !NLIST(r->by_month_day) && !NLIST(r->by_year_day) &&
	    !NLIST(r->by_week_no) && !NLIST(r->by_month) &&
	    !NLIST(r->by_set_pos);
}

/*
 * Periods (of INTERVAL units) to skip before the window.  Moving DTSTART
 * by whole intervals keeps the set, and the defaults it lends keep too
 * (not for a 29th-31st or Feb 29, which another month or year may lack).
 * With COUNT only when every period holds one instance: then the skipped
 * ones are counted (DTSTART and k - 1 others).
 */
static int64_t
skip_periods(struct gen *g, int64_t k)
{
	if (k <= 0 || (g->count && !no_by(&g->r)))
		return 0;
	if (g->count)
		g->seen = (unsigned long)k;
	return k;
}

/* Where libical starts: past the periods before the window. */
static int64_t
ical_start(struct gen *g)
{
	int64_t k, iv = g->r.interval;
	struct ev_tm tm, lt;

	ev_tm_from_wall(g->w0, &tm);
	ev_tm_from_wall(g->lo > g->w0 ? g->lo : g->w0, &lt);
	if (g->r.freq == ICAL_MONTHLY_RECURRENCE) {
		if (tm.mday > 28)
			return g->w0;
		k = ((int64_t)(lt.year - tm.year) * 12 + lt.mon - tm.mon) / iv - 1;
		return add_months(&tm, skip_periods(g, k) * iv);
	}
	if (tm.mon == 2 && tm.mday == 29)
		return g->w0;
	k = (lt.year - tm.year) / iv - 1;
	return add_months(&tm, skip_periods(g, k) * iv * 12);
}

static int
ical_next(struct gen *g, int64_t *w)
{
	struct icaltimetype t;

	if (++g->steps > g->budget) {
		g->exhausted = 1;
		return 0;
	}
	t = icalrecur_iterator_next(g->it);
	if (icaltime_is_null_time(t))
		return 0;
	*w = ev_days_from_civil(t.year, t.month, t.day) * DAY;
	if (!t.is_date)
		*w += t.hour * 3600 + t.minute * 60 + t.second;
	return 1;
}

/* ---- our own: SECONDLY to WEEKLY, some YEARLY -------------------------------- */

/* The rules we iterate ourselves (see the top of the file). */
static int
ours(const struct icalrecurrencetype *r)
{
	int bymonth = NLIST(r->by_month) > 0, byyday = NLIST(r->by_year_day) > 0;
	int times = NLIST(r->by_hour) || NLIST(r->by_minute) ||
	    NLIST(r->by_second);

	if (r->freq < ICAL_MONTHLY_RECURRENCE ||
	    (times && NLIST(r->by_set_pos)))
		return 1;
	if (r->freq == ICAL_MONTHLY_RECURRENCE)
		return 0;
	return NLIST(r->by_week_no) || (byyday && bymonth) ||
	    (NLIST(r->by_month_day) && !bymonth);
}

static int64_t
ceil_div(int64_t a, int64_t b)
{
	return -ev_floordiv(-a, b);
}

static void
sort_unique(int64_t *v, size_t *n)
{
	size_t o = 0;

	if (*n < 2)
		return;
	qsort(v, *n, sizeof(*v), cmp_i64);
	for (size_t i = 0; i < *n; i++)
		if (o == 0 || v[i] != v[o - 1])
			v[o++] = v[i];
	*n = o;
}

static void
push(int64_t **v, size_t *n, size_t *cap, int64_t x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = ev_ereallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[(*n)++] = x;
}

/* A BY list, or DTSTART's value v0 when it is empty; 60 s is 59 s. */
static size_t
by_or(const short *a, size_t max, int v0, int *out)
{
	size_t n = nlist(a, max);

	if (n == 0) {
		out[0] = v0;
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = a[i] > 59 ? 59 : a[i];
	return n;
}

/* The times of day of DAILY and longer: BYHOUR x BYMINUTE x BYSECOND,
 * each DTSTART's own when not given (3.3.10). */
static void
own_tods(struct gen *g)
{
	const struct icalrecurrencetype *r = &g->r;
	int hs[ICAL_BY_HOUR_SIZE], ms[ICAL_BY_MINUTE_SIZE];
	int ss[ICAL_BY_SECOND_SIZE];
	size_t nh, nm, ns, cap = 0;

	nh = by_or(r->by_hour, ICAL_BY_HOUR_SIZE, (int)(g->dtod / 3600), hs);
	nm = by_or(r->by_minute, ICAL_BY_MINUTE_SIZE,
	    (int)(g->dtod / 60 % 60), ms);
	ns = by_or(r->by_second, ICAL_BY_SECOND_SIZE, (int)(g->dtod % 60), ss);
	for (size_t i = 0; i < nh; i++)
		for (size_t j = 0; j < nm; j++)
			for (size_t k = 0; k < ns; k++)
				push(&g->tod, &g->ntod, &cap,
				    hs[i] * 3600 + ms[j] * 60 + ss[k]);
	sort_unique(g->tod, &g->ntod);
}

/* Move to the first period starting at or after wall w. */
static void
own_skip(struct gen *g, int64_t w)
{
	int64_t k = ceil_div(w - g->base, g->step);

	g->k = k > g->k ? k : g->k + 1;
}

/* Days that pass the rule's day parts, times the times of day. */
static void
own_days(struct gen *g, int64_t first, int ndays)
{
	for (int64_t d = first; d < first + ndays; d++)
		if (day_ok(&g->er, d))
			for (size_t t = 0; t < g->ntod; t++)
				push(&g->buf, &g->nbuf, &g->cbuf,
				    d * DAY + g->tod[t]);
}

/* YEARLY: the days of year y, or of the listed weeks of week-year y. */
static void
own_year(struct gen *g, int y)
{
	size_t n = NLIST(g->r.by_week_no);
	int64_t w1 = week1(y, g->wkst), jan1 = ev_days_from_civil(y, 1, 1);
	int nweeks = (int)((week1(y + 1, g->wkst) - w1) / 7);

	if (n == 0)
		own_days(g, jan1, (int)(ev_days_from_civil(y + 1, 1, 1) - jan1));
	for (size_t i = 0; i < n; i++) {
		int v = g->r.by_week_no[i], wn = v > 0 ? v : nweeks + 1 + v;

		if (wn >= 1 && wn <= nweeks)
			own_days(g, w1 + (int64_t)(wn - 1) * 7, 7);
	}
}

/* The set of the period starting at p (a year number for YEARLY): the
 * expanding parts, else DTSTART's; then BYSETPOS. */
static void
own_set(struct gen *g, int64_t p)
{
	const struct icalrecurrencetype *r = &g->r;
	int ms[ICAL_BY_MINUTE_SIZE], ss[ICAL_BY_SECOND_SIZE];
	size_t nm = by_or(r->by_minute, ICAL_BY_MINUTE_SIZE,
	    (int)(g->dtod / 60 % 60), ms);
	size_t ns = by_or(r->by_second, ICAL_BY_SECOND_SIZE,
	    (int)(g->dtod % 60), ss);

	g->nbuf = g->ibuf = 0;
	switch (r->freq) {
	case ICAL_SECONDLY_RECURRENCE:
		push(&g->buf, &g->nbuf, &g->cbuf, p);
		break;
	case ICAL_MINUTELY_RECURRENCE:
		for (size_t j = 0; j < ns; j++)
			push(&g->buf, &g->nbuf, &g->cbuf, p + ss[j]);
		break;
	case ICAL_HOURLY_RECURRENCE:
		for (size_t i = 0; i < nm; i++)
			for (size_t j = 0; j < ns; j++)
				push(&g->buf, &g->nbuf, &g->cbuf,
				    p + ms[i] * 60 + ss[j]);
		break;
	case ICAL_DAILY_RECURRENCE:
		for (size_t t = 0; t < g->ntod; t++)
			push(&g->buf, &g->nbuf, &g->cbuf, p + g->tod[t]);
		break;
	case ICAL_WEEKLY_RECURRENCE:
		own_days(g, dayof(p), 7);
		break;
	case ICAL_MONTHLY_RECURRENCE:
		own_days(g, ev_days_from_civil((int)ev_floordiv(p, 12),
		    (int)(p - ev_floordiv(p, 12) * 12) + 1, 1),
		    ev_days_in_month((int)ev_floordiv(p, 12),
		    (int)(p - ev_floordiv(p, 12) * 12) + 1));
		break;
	default:
		own_year(g, (int)p);
		break;
	}
	sort_unique(g->buf, &g->nbuf);
	g->nbuf = setpos_pick(r->by_set_pos, NLIST(r->by_set_pos), g->buf,
	    g->nbuf);
}

/* SECONDLY to DAILY: is period p excluded by a limiting part?  Then
 * skip to the next day, hour or minute that might not be. */
static int
own_limited(struct gen *g, int64_t p)
{
	const struct icalrecurrencetype *r = &g->r;
	int64_t d = dayof(p), sod = p - d * DAY;
	int f = r->freq;

	if (!day_ok(r, d)) {
		own_skip(g, (d + 1) * DAY);
		return 1;
	}
	if (f >= ICAL_DAILY_RECURRENCE)
		return 0;
	if (NLIST(r->by_hour) && !in_list(r->by_hour, NLIST(r->by_hour),
	    (int)(sod / 3600))) {
		own_skip(g, d * DAY + (sod / 3600 + 1) * 3600);
		return 1;
	}
	if (f != ICAL_HOURLY_RECURRENCE && NLIST(r->by_minute) &&
	    !in_list(r->by_minute, NLIST(r->by_minute), (int)(sod / 60 % 60))) {
		own_skip(g, p - sod % 60 + 60);
		return 1;
	}
	if (f == ICAL_SECONDLY_RECURRENCE && NLIST(r->by_second) &&
	    !in_list(r->by_second, NLIST(r->by_second), (int)(sod % 60))) {
		own_skip(g, p + 1);
		return 1;
	}
	return 0;
}

/* The earliest wall clock of period p (for YEARLY: its first week). */
static int64_t
own_first(const struct gen *g, int64_t p)
{
	if (g->r.freq == ICAL_YEARLY_RECURRENCE)
		return (ev_days_from_civil((int)p, 1, 1) - 7) * DAY;
	if (g->r.freq == ICAL_MONTHLY_RECURRENCE)
		return ev_days_from_civil((int)ev_floordiv(p, 12),
		    (int)(p - ev_floordiv(p, 12) * 12) + 1, 1) * DAY;
	return p;
}

static int
own_next(struct gen *g, int64_t *w)
{
	while (g->ibuf >= g->nbuf) {
		int64_t p = g->base + g->k * g->step;

		if (++g->steps > g->budget) {
			g->exhausted = 1;
			return 0;
		}
		if (own_first(g, p) > g->hi)
			return 0;
		if (g->r.freq <= ICAL_DAILY_RECURRENCE && own_limited(g, p))
			continue;
		own_set(g, p);
		g->k++;
	}
	*w = g->buf[g->ibuf++];
	return 1;
}

/* libical's weekday encoding, position 0: 1 = Sunday ... 7 = Saturday. */
static void
lend_weekday(struct icalrecurrencetype *r, int64_t days)
{
	list_set1(r->by_day, ICAL_BY_DAY_SIZE, (ev_weekday(days) + 1) % 7 + 1);
}

/*
 * What the rule lacks comes from DTSTART (3.3.10): a WEEKLY rule without
 * BYDAY and a YEARLY one with only week numbers take its weekday; MONTHLY
 * and YEARLY ones without day parts its day of the month, and YEARLY
 * ones without BYMONTH then its month.
 */
static void
own_lend(struct gen *g, const struct ev_tm *tm)
{
	const struct icalrecurrencetype *r = &g->r;
	int days = NLIST(r->by_day) || NLIST(r->by_month_day) ||
	    NLIST(r->by_year_day);

	g->er = *r;
	switch (r->freq) {
	case ICAL_WEEKLY_RECURRENCE:
		if (!NLIST(r->by_day))
			lend_weekday(&g->er, dayof(g->w0));
		break;
	case ICAL_MONTHLY_RECURRENCE:
		if (!days)
			list_set1(g->er.by_month_day, ICAL_BY_MONTHDAY_SIZE,
			    tm->mday);
		break;
	case ICAL_YEARLY_RECURRENCE:
		if (days)
			break;
		if (NLIST(r->by_week_no)) {
			lend_weekday(&g->er, dayof(g->w0));
			break;
		}
		list_set1(g->er.by_month_day, ICAL_BY_MONTHDAY_SIZE, tm->mday);
		if (!NLIST(r->by_month))
			list_set1(g->er.by_month, ICAL_BY_MONTH_SIZE, tm->mon);
		break;
	default:
		break;
	}
}

/*
 * Periods: SECONDLY to DAILY from DTSTART's second, minute, hour or day,
 * WEEKLY from its week (WKST), MONTHLY and YEARLY from its month and
 * year, INTERVAL of them apart.
 */
static void
own_init(struct gen *g)
{
	static const int64_t unit[] = { 1, 60, 3600, DAY, 7 * DAY };
	int f = g->r.freq;
	int64_t d0 = dayof(g->w0), k;
	struct ev_tm tm, lt;

	ev_tm_from_wall(g->w0, &tm);
	ev_tm_from_wall(g->lo > g->w0 ? g->lo : g->w0, &lt);
	own_lend(g, &tm);
	own_tods(g);
	g->step = g->r.interval;
	if (f == ICAL_YEARLY_RECURRENCE) {
		g->base = tm.year;
		k = (lt.year - tm.year) / g->step - 1;
	} else if (f == ICAL_MONTHLY_RECURRENCE) {
		g->base = (int64_t)tm.year * 12 + tm.mon - 1;
		k = ((int64_t)(lt.year - tm.year) * 12 + lt.mon - tm.mon) /
		    g->step - 1;
	} else {
		g->base = f == ICAL_WEEKLY_RECURRENCE ?
		    (d0 - (ev_weekday(d0) - g->wkst + 7) % 7) * DAY :
		    ev_floordiv(g->w0, unit[f]) * unit[f];
		g->step *= unit[f];
		k = g->lo > g->base ? (g->lo - g->base) / g->step - 1 : 0;
	}
	g->k = skip_periods(g, k);
}

/* ---- a rule's instances ------------------------------------------------------ */

static int
until_ok(const struct gen *g, int64_t w)
{
	const struct ev_time *u = &g->until;

	if (u->kind == EV_T_NONE)
		return 1;
	if (u->kind == EV_T_DATE || g->mf->kind == EV_T_DATE)
		return dayof(w) <= dayof(u->wall);
	if (u->kind == EV_T_UTC)
		return frame_utc(g->mf, w) <= u->utc;
	return w <= u->wall;
}

static int
raw_next(struct gen *g, int64_t *w)
{
	return g->it != NULL ? ical_next(g, w) : own_next(g, w);
}

/*
 * The next instance (a wall clock in the master's frame) in [lo, hi],
 * after DTSTART (which the caller has), within COUNT and UNTIL.  COUNT
 * counts from DTSTART, the first instance, and includes what lies
 * before the window.
 */
static int
gen_next(struct gen *g, int64_t *wall)
{
	int64_t w;

	while (!g->done) {
		if (!raw_next(g, &w))
			break;
		if (w <= g->w0)
			continue;
		if ((g->count && g->seen >= (unsigned long)g->count) ||
		    !until_ok(g, w) || w > g->hi)
			break;
		g->seen++;
		if (w < g->lo)
			continue;
		g->steps = 0;
		*wall = w;
		return 1;
	}
	g->done = 1;
	return 0;
}

static void
gen_free(struct gen *g)
{
	if (g == NULL)
		return;
	if (g->it)
		icalrecur_iterator_free(g->it);
	free(g->tod);
	free(g->buf);
	free(g);
}

/* UNTIL as a DATE, a UTC or a floating time; libical forgets it. */
static void
take_until(struct gen *g)
{
	struct icaltimetype u = g->r.until;

	memset(&g->until, 0, sizeof(g->until));
	if (icaltime_is_null_time(u))
		return;
	g->until.wall = ev_days_from_civil(u.year, u.month, u.day) * DAY;
	if (u.is_date) {
		g->until.kind = EV_T_DATE;
	} else {
		g->until.wall += u.hour * 3600 + u.minute * 60 + u.second;
		g->until.kind = icaltime_is_utc(u) ? EV_T_UTC : EV_T_FLOAT;
	}
	g->until.utc = g->until.wall;
	g->r.until = icaltime_null_time();
}

/*
 * Prepare RRULE property pi.  NULL with a warning when the rule is bad
 * or can never produce a date (DTSTART alone stays an instance then).
 */
static struct gen *
gen_new(struct series *s, size_t pi)
{
	struct ev_event *m = s->m;
	const char *val = EV_PVALUE(m, pi);
	unsigned long line = m->props[pi].line;
	struct gen *g = ev_ecalloc(1, sizeof(*g));

	g->r = icalrecurrencetype_from_string(val);
	if (g->r.rscale != NULL) {	/* RFC 7529: Gregorian only */
		if (!ev_strcaseeq(g->r.rscale, "GREGORIAN"))
			g->r.freq = ICAL_NO_RECURRENCE;
		icalmemory_free_buffer(g->r.rscale);
		g->r.rscale = NULL;
	}
	g->is_date = s->mf.kind == EV_T_DATE;
	if (!rule_valid(&g->r, g->is_date)) {
		warn(s->x, m->file, line, "RRULE \"%.200s\" not read: %s", val,
		    ev_event_find(m, "RDATE") >= 0 ?
		    "left out" : "kept as a single event");
		free(g);
		return NULL;
	}
	g->mf = &s->mf;
	g->w0 = m->start.wall;
	g->dtod = g->w0 - dayof(g->w0) * DAY;
	g->lo = s->lo;
	g->hi = s->hi;
	g->seen = 1;
	g->count = g->r.count;
	g->r.count = 0;
	g->wkst = our_wday(g->r.week_start);
	take_until(g);
	if (g->is_date) {		/* 3.3.10: ignored for dates */
		list_clear(g->r.by_hour);
		list_clear(g->r.by_minute);
		list_clear(g->r.by_second);
	}
	if (!rule_possible(g)) {
		warn(s->x, m->file, line, "RRULE produced no date in %d steps",
		    CYCLE);
		free(g);
		return NULL;
	}
	if (ours(&g->r)) {
		g->budget = OWN_BUDGET;
		own_init(g);
		return g;
	}
	g->budget = ICAL_BUDGET;
	g->it = icalrecur_iterator_new(g->r, ical_time(ical_start(g),
	    g->is_date));
	if (g->it == NULL) {
		/* valid by RFC 5545 and by our scan: libical found no date */
		warn(s->x, m->file, line, "RRULE produced no date");
		gen_free(g);
		return NULL;
	}
	return g;
}

/* ---- RDATE and EXDATE ---------------------------------------------------------- */

static int
is_dur(const char *s)
{
	return *s == 'P' || ((*s == '+' || *s == '-') && s[1] == 'P');
}

/* One value: "DATE", "DATE-TIME", "DATE-TIME/DATE-TIME", ".../DURATION". */
static int
parse_dval(struct ev_ctx *ctx, char *v, int is_date, int period_ok,
    const struct ev_zone *zone, struct dval *d)
{
	char *slash = strchr(v, '/');
	struct ev_time e;
	struct frame f;
	int days;
	int64_t secs;

	memset(d, 0, sizeof(*d));
	if (slash != NULL) {
		if (!period_ok)
			return -1;
		*slash++ = '\0';
	}
	if (ev_time_parse(ctx, v, is_date && slash == NULL, zone, &d->t) < 0)
		return -1;
	if (slash == NULL)
		return 0;
	d->period = 1;
	f = frame_of(ctx, &d->t);
	if (is_dur(slash)) {
		if (ev_duration_parse(slash, &days, &secs) < 0)
			return -1;
		d->end = frame_utc(&f, d->t.wall + (int64_t)days * DAY) + secs;
	} else {
		if (ev_time_parse(ctx, slash, 0, zone, &e) < 0)
			return -1;
		d->end = e.utc;
	}
	return d->end >= d->t.utc ? 0 : -1;
}

/* Every value of every NAME property of the master. */
static struct dval *
parse_dates(struct series *s, const char *name, size_t *np)
{
	struct ev_event *m = s->m;
	struct ev_buf vt = {0}, tok = {0};
	struct dval *v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < m->nprops; i++) {
		const char *p;
		int is_date;

		if (!prop_is(m, i, name))
			continue;
		is_date = ev_param_get(EV_PPARAMS(m, i), "VALUE", &vt) &&
		    ev_strcaseeq(vt.p, "DATE");
		for (p = EV_PVALUE(m, i); *p != '\0';) {
			size_t len = strcspn(p, ",");
			char *one = ev_estrndup(p, len);

			ev_buf_clear(&tok);
			ev_buf_add(&tok, p, len);
			p += len + (p[len] == ',');
			v = ev_ereallocarray(v, n + 1, sizeof(*v));
			if (len > 0 && parse_dval(s->x->ctx, one, is_date,
			    ev_strcaseeq(name, "RDATE"), m->props[i].zone,
			    &v[n]) == 0)
				n++;
			else if (len > 0)
				warn(s->x, m->file, m->props[i].line,
				    "bad %s \"%.200s\"", name, tok.p);
			free(one);
		}
	}
	ev_buf_free(&vt);
	ev_buf_free(&tok);
	*np = n;
	return v;
}

static void
add_inst(struct series *s, int64_t wall, int64_t utc, const struct dval *d)
{
	struct inst *in;

	s->rd = ev_ereallocarray(s->rd, s->nrd + 1, sizeof(*s->rd));
	in = &s->rd[s->nrd];
	in->wall = wall;
	in->utc = utc;
	in->period = d != NULL && d->period;
	in->pend = d != NULL ? d->end : 0;
	in->idx = s->nrd++;
}

/* An RDATE as an instance in the master's frame: a date in an all-day
 * series, DTSTART's time of day on a date otherwise. */
static void
add_rdate(struct series *s, const struct dval *d)
{
	const struct ev_time *t = &d->t;
	int64_t wall;

	if (s->mf.kind == EV_T_DATE || t->kind == EV_T_DATE) {
		wall = dayof(t->wall) * DAY;
		if (s->mf.kind != EV_T_DATE)
			wall += s->m->start.wall - dayof(s->m->start.wall) * DAY;
		add_inst(s, wall, frame_utc(&s->mf, wall), d);
	} else if (same_frame(&s->mf, t)) {
		add_inst(s, t->wall, t->utc, d);
	} else {
		add_inst(s, frame_wall(&s->mf, t->utc), t->utc, d);
	}
}

static int
cmp_inst(const void *a, const void *b)
{
	const struct inst *x = a, *y = b;

	if (x->utc != y->utc)
		return x->utc < y->utc ? -1 : 1;
	if (x->period != y->period)	/* a PERIOD wins over a plain date */
		return x->period ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* ---- occurrences ------------------------------------------------------------- */

static void
fmt_value(enum ev_tkind kind, int64_t wall, struct ev_buf *b)
{
	struct ev_tm tm;

	ev_tm_from_wall(wall, &tm);
	ev_buf_clear(b);
	if (kind == EV_T_DATE) {
		ev_buf_printf(b, "%04d%02d%02d", tm.year, tm.mon, tm.mday);
		return;
	}
	ev_buf_printf(b, "%04d%02d%02dT%02d%02d%02d%s", tm.year, tm.mon,
	    tm.mday, tm.hour, tm.min, tm.sec, kind == EV_T_UTC ? "Z" : "");
}

/*
 * Set property NAME of ev (in its place, else appended) to a time.
 * params and zone come from another event, never from ev itself.
 */
static void
put_time(struct ev_event *ev, const char *name, const char *params,
    const struct ev_zone *zone, enum ev_tkind kind, int64_t wall)
{
	struct ev_buf v = {0};
	long i = ev_event_find(ev, name);
	unsigned long line = ev->line;
	struct ev_prop p;
	size_t j;

	fmt_value(kind, wall, &v);
	if (i >= 0) {
		line = ev->props[i].line;
		ev_event_delprop(ev, (size_t)i);
	}
	j = ev_event_addprop(ev, name, params, v.p, 0, 0, line);
	ev_buf_free(&v);
	ev->props[j].zone = zone;
	if (i < 0 || (size_t)i == j)
		return;
	p = ev->props[j];
	memmove(&ev->props[i + 1], &ev->props[i],
	    (j - (size_t)i) * sizeof(p));
	ev->props[i] = p;
}

static void
del_all(struct ev_event *ev, const char *name)
{
	long i;

	while ((i = ev_event_find(ev, name)) >= 0)
		ev_event_delprop(ev, (size_t)i);
}

/*
 * Set a time property from its wall clock, or -- when that wall clock
 * names another instant in its zone (the second pass of a doubled hour,
 * which a local time always reads back as the first, RFC 5545 3.3.5) --
 * from its instant, in UTC form.
 */
static void
put_instant(struct ev_event *ev, const char *name, const char *params,
    const struct ev_zone *zone, enum ev_tkind kind, int64_t wall,
    int64_t utc)
{
	if (kind == EV_T_ZONED && zone != NULL &&
	    ev_zone_to_utc(zone, wall) != utc)
		put_time(ev, name, "", NULL, EV_T_UTC, utc);
	else
		put_time(ev, name, params, zone, kind, wall);
}

/* A time's property: its params and resolved zone. */
static const char *
pparams(const struct ev_event *ev, const char *name,
    const struct ev_zone **zone)
{
	long i = ev_event_find(ev, name);

	*zone = i >= 0 ? ev->props[i].zone : NULL;
	return i >= 0 ? EV_PPARAMS(ev, i) : "";
}

/* End wall clock in frame ef of an instance starting at (sw, su). */
static int64_t
end_wall(const struct frame *ef, const struct frame *sf, int64_t sw,
    int64_t su, int64_t eu)
{
	if (ef->kind == EV_T_FLOAT && sf->kind == EV_T_FLOAT)
		return sw + (eu - su);
	if (ef->kind == EV_T_DATE)
		return dayof(frame_wall(ef, eu)) * DAY;
	return frame_wall(ef, eu);
}

/* What an occurrence is made of. */
struct make {
	struct ev_event *src;		/* the master or an override */
	const struct dur *d;
	struct frame sf;		/* src's DTSTART frame */
	int64_t	 sw, su;		/* start: wall (normalized), instant */
	int	 has_end;
	int64_t	 eu;
};

static void
write_end(struct ev_event *occ, const struct make *k, const struct inst *in)
{
	const struct ev_zone *z;
	const char *pp;

	if (in->period && k->src->rid.kind == EV_T_NONE) {
		/* an RDATE PERIOD: DTEND, in DTEND's or DTSTART's form */
		del_all(occ, "DURATION");
		if (k->d->dtend) {
			pp = pparams(k->src, "DTEND", &z);
			put_instant(occ, "DTEND", pp, z, k->d->ef.kind,
			    end_wall(&k->d->ef, &k->sf, k->sw, k->su, k->eu),
			    k->eu);
		} else {
			pp = pparams(k->src, "DTSTART", &z);
			put_instant(occ, "DTEND", pp, z, k->sf.kind,
			    end_wall(&k->sf, &k->sf, k->sw, k->su, k->eu),
			    k->eu);
		}
		return;
	}
	if (!k->d->dtend)
		return;		/* DURATION, or none: stays as it is */
	pp = pparams(k->src, "DTEND", &z);
	if (k->sf.kind == EV_T_DATE)
		put_time(occ, "DTEND", pp, z, EV_T_DATE,
		    k->sw + (int64_t)k->d->days * DAY);
	else
		put_instant(occ, "DTEND", pp, z, k->d->ef.kind,
		    end_wall(&k->d->ef, &k->sf, k->sw, k->su, k->eu), k->eu);
}

/* A new event for one occurrence; NULL with a warning if it won't decode. */
static struct ev_event *
materialize(struct series *s, const struct make *k, const struct inst *in)
{
	struct ev_event *occ = ev_event_dup(k->src);
	const struct ev_zone *z;
	const char *pp;
	struct ev_err e;

	del_all(occ, "RRULE");
	del_all(occ, "RDATE");
	del_all(occ, "EXDATE");
	del_all(occ, "EXRULE");
	ev_buf_clear(&occ->raw);	/* no longer the bytes read */
	pp = pparams(k->src, "DTSTART", &z);
	put_instant(occ, "DTSTART", pp, z, k->sf.kind, k->sw, k->su);
	write_end(occ, k, in);
	put_instant(occ, "RECURRENCE-ID", EV_PPARAMS(s->m, s->mstart),
	    s->m->props[s->mstart].zone, s->mf.kind, in->wall, in->utc);
	if (ev_event_decode(s->x->ctx, occ, NULL, &e) < 0) {
		warn(s->x, NULL, 0, "%s", e.msg);
		ev_event_free(occ);
		return NULL;
	}
	/* an inline zone read outside its span: once per zone */
	if (occ->start.kind == EV_T_ZONED &&
	    ev_zone_stray(occ->start.zone, occ->start.utc, &e))
		warn(s->x, s->m->file, s->m->props[s->mstart].line, "%s",
		    e.msg);
	return occ;
}

/*
 * Start and end of an instance taken from src with duration d.  exact:
 * the instance's own instant is its start (an RDATE given in UTC may
 * name the second pass of a doubled hour, which its wall clock cannot).
 */
static void
place(struct make *k, const struct inst *in, int64_t sw_nominal, int exact)
{
	const struct dur *d = k->d;

	k->su = exact ? in->utc : frame_utc(&k->sf, sw_nominal);
	k->sw = k->sf.kind == EV_T_ZONED ? frame_wall(&k->sf, k->su) :
	    sw_nominal;
	k->has_end = 1;
	if (in->period && k->src->rid.kind == EV_T_NONE)
		k->eu = in->pend;
	else if (!d->has)
		k->has_end = 0;
	else if (d->nominal && d->days == 0)
		k->eu = k->su + d->secs;
	else if (d->nominal)
		k->eu = frame_utc(&k->sf, k->sw + (int64_t)d->days * DAY) +
		    d->secs;
	else
		k->eu = k->su + d->secs;
}

static int
excluded(const struct series *s, const struct inst *in)
{
	for (size_t i = 0; i < s->nex; i++)
		if (rid_cmp(&s->ex[i].t, &s->mf, in->wall, in->utc) == 0)
			return 1;
	for (size_t i = 0; i < s->novr; i++)
		if (rid_cmp(&s->ovr[i]->rid, &s->mf, in->wall, in->utc) == 0)
			return 1;
	return 0;
}

/* The THISANDFUTURE override with the latest RECURRENCE-ID before in. */
static const struct taf *
taf_for(const struct series *s, const struct inst *in)
{
	const struct taf *best = NULL;

	for (size_t i = 0; i < s->ntaf; i++) {
		const struct taf *t = &s->taf[i];

		if (rid_cmp(&t->ev->rid, &s->mf, in->wall, in->utc) >= 0)
			continue;
		if (best == NULL || t->ev->rid.utc > best->ev->rid.utc ||
		    (t->ev->rid.utc == best->ev->rid.utc &&
		    t->ev->rid.wall > best->ev->rid.wall))
			best = t;
	}
	return best;
}

static void
cap_hit(struct series *s)
{
	const char *what = ev_event_text(s->m, EV_F_SUMMARY);

	if (what == NULL)
		what = ev_event_text(s->m, EV_F_UID);
	warn(s->x, s->m->file, s->m->line,
	    "\"%.200s\" capped at %u occurrences in the window, the rest left out",
	    what ? what : "", s->x->cap);
	s->over = 1;
}

/* One instance: excluded, overridden, shifted, or made an occurrence. */
static void
process(struct series *s, const struct inst *in)
{
	const struct taf *t;
	struct make k;
	struct ev_time it;
	struct ev_event *occ;

	if (s->have_last && in->utc == s->last)
		return;		/* RRULE and RDATE gave it twice */
	s->have_last = 1;
	s->last = in->utc;
	if (excluded(s, in))
		return;
	memset(&k, 0, sizeof(k));
	if ((t = taf_for(s, in)) != NULL) {
		it.kind = s->mf.kind;
		it.zone = s->mf.zone;
		it.wall = in->wall;
		it.utc = in->utc;
		k.src = t->ev;
		k.d = &t->d;
		k.sf = t->sf;
		place(&k, in, wall_in(&t->sf, &it) + t->delta, 0);
	} else {
		k.src = s->m;
		k.d = &s->md;
		k.sf = s->mf;
		place(&k, in, in->wall, 1);
	}
	if (!overlaps(s->x, k.su, k.has_end, k.eu))
		return;
	if (s->x->probe != NULL) {
		/* the cap bounds the work quietly: the answer is no */
		if (s->x->probe(s->x->parg, k.su, k.has_end, k.eu))
			s->x->found = 1;
		if (s->x->found || ++s->n >= s->x->cap)
			s->over = 1;
		return;
	}
	if (s->n >= s->x->cap) {
		cap_hit(s);
		return;
	}
	if ((occ = materialize(s, &k, in)) != NULL) {
		push_out(s->x, occ);
		s->n++;
	}
}

/* ---- a series ---------------------------------------------------------------- */

static void
prepare_tafs(struct series *s)
{
	struct ev_buf b = {0};

	for (size_t i = 0; i < s->novr; i++) {
		struct ev_event *o = s->ovr[i];
		long r = ev_event_find(o, "RECURRENCE-ID");
		struct taf *t;

		if (r < 0 || !ev_param_get(EV_PPARAMS(o, r), "RANGE", &b) ||
		    !ev_strcaseeq(b.p, "THISANDFUTURE"))
			continue;
		s->taf = ev_ereallocarray(s->taf, s->ntaf + 1, sizeof(*s->taf));
		t = &s->taf[s->ntaf++];
		t->ev = o;
		t->sf = frame_of(s->x->ctx, &o->start);
		t->delta = o->start.wall - wall_in(&t->sf, &o->rid);
		dur_of(s->x->ctx, o, &t->d);
	}
	ev_buf_free(&b);
}

/* Walls worth iterating: instances that may reach into the window once
 * durations, THISANDFUTURE shifts and UTC offsets are counted. */
static void
set_range(struct series *s)
{
	int64_t span = dur_span(&s->md), shift = 0;
	int64_t wmin = ev_days_from_civil(1, 1, 1) * DAY;
	int64_t wmax = ev_days_from_civil(9999, 12, 31) * DAY;

	for (size_t i = 0; i < s->ntaf; i++) {
		if (dur_span(&s->taf[i].d) > span)
			span = dur_span(&s->taf[i].d);
		if (i64abs(s->taf[i].delta) > shift)
			shift = i64abs(s->taf[i].delta);
	}
	s->lo = sadd(s->x->from, -(span + shift + MARGIN));
	s->hi = sadd(s->x->to, shift + MARGIN);
	s->lo = s->lo < wmin ? wmin : s->lo > wmax ? wmax : s->lo;
	s->hi = s->hi < wmin ? wmin : s->hi > wmax ? wmax : s->hi;
}

/* The next instance by instant from DTSTART/RDATEs and every RRULE. */
static int
pick(struct series *s, struct inst *in)
{
	struct gen *best = NULL;
	int64_t w;

	for (size_t i = 0; i < s->ngen; i++) {
		struct gen *g = s->gen[i];

		if (!g->has && !g->done && gen_next(g, &w)) {
			g->has = 1;
			g->wall = w;
			g->utc = frame_utc(&s->mf, w);
		}
		if (g->has && (best == NULL || g->utc < best->utc))
			best = g;
	}
	if (s->ird < s->nrd &&
	    (best == NULL || s->rd[s->ird].utc <= best->utc)) {
		*in = s->rd[s->ird++];
		return 1;
	}
	if (best == NULL)
		return 0;
	memset(in, 0, sizeof(*in));
	in->wall = best->wall;
	in->utc = best->utc;
	best->has = 0;
	return 1;
}

static void
series_free(struct series *s)
{
	for (size_t i = 0; i < s->ngen; i++) {
		struct gen *g = s->gen[i];

		/* seen counts DTSTART and every date before the window */
		if (g->exhausted && g->seen > 1)
			warn(s->x, s->m->file, s->m->line,
			    "RRULE reached no further date in the window "
			    "within %lu steps; stopped there", g->budget);
		else if (g->exhausted)
			warn(s->x, s->m->file, s->m->line,
			    "RRULE produced no date in %lu steps", g->budget);
		gen_free(g);
	}
	free(s->gen);
	free(s->taf);
	free(s->ex);
	free(s->rd);
}

/*
 * Expand master m with the overrides of its UID.  -1 when it turns out
 * not to be a series (only bad rules): the caller treats it as single.
 */
static int
expand_series(struct ev_expand *x, struct ev_event *m, struct ev_event **ovr,
    size_t novr)
{
	struct series s;
	struct dval *rdv;
	size_t nrdv;
	struct inst in;

	memset(&s, 0, sizeof(s));
	s.x = x;
	s.m = m;
	if ((s.mstart = ev_event_find(m, "DTSTART")) < 0 ||
	    m->start.kind == EV_T_NONE)
		return -1;
	s.mf = frame_of(x->ctx, &m->start);
	s.ovr = ovr;
	s.novr = novr;
	dur_of(x->ctx, m, &s.md);
	prepare_tafs(&s);
	set_range(&s);
	s.ex = parse_dates(&s, "EXDATE", &s.nex);
	rdv = parse_dates(&s, "RDATE", &nrdv);
	for (size_t i = 0; i < m->nprops; i++) {
		struct gen *g;

		if (prop_is(m, i, "RRULE") && (g = gen_new(&s, i)) != NULL) {
			s.gen = ev_ereallocarray(s.gen, s.ngen + 1,
			    sizeof(*s.gen));
			s.gen[s.ngen++] = g;
		}
	}
	if (s.ngen == 0 && nrdv == 0) {
		free(rdv);
		series_free(&s);
		return -1;
	}
	add_inst(&s, m->start.wall, m->start.utc, NULL);
	for (size_t i = 0; i < nrdv; i++)
		add_rdate(&s, &rdv[i]);
	free(rdv);
	qsort(s.rd, s.nrd, sizeof(*s.rd), cmp_inst);
	while (!s.over && pick(&s, &in))
		process(&s, &in);
	series_free(&s);
	return 0;
}

/* ---- grouping and the API ------------------------------------------------------ */

/* Hand ev out when it overlaps the window, else drop it. */
static void
pass(struct ev_expand *x, struct ev_event *ev)
{
	if (overlaps(x, ev->start.utc, ev->end.kind != EV_T_NONE, ev->end.utc))
		push_out(x, ev);
	else
		ev_event_free(ev);
}

/* A single event, unless an override names its start. */
static void
single(struct ev_expand *x, struct ev_event *m, struct ev_event **ovr,
    size_t novr)
{
	struct frame mf = frame_of(x->ctx, &m->start);

	for (size_t i = 0; i < novr; i++) {
		if (rid_cmp(&ovr[i]->rid, &mf, m->start.wall,
		    m->start.utc) == 0) {
			ev_event_free(m);
			return;
		}
	}
	pass(x, m);
}

/* The records of one UID: masters, then their overrides. */
static void
expand_group(struct ev_expand *x, struct ev_event **evs, size_t n)
{
	struct ev_event **ovr = ev_ereallocarray(NULL, n, sizeof(*ovr));
	size_t novr = 0;

	for (size_t i = 0; i < n; i++)
		if (evs[i]->rid.kind != EV_T_NONE)
			ovr[novr++] = evs[i];
	for (size_t i = 0; i < n; i++) {
		struct ev_event *m = evs[i];

		if (m->rid.kind != EV_T_NONE)
			continue;
		if (m->recurring && expand_series(x, m, ovr, novr) == 0)
			ev_event_free(m);
		else
			single(x, m, ovr, novr);
	}
	for (size_t i = 0; i < novr; i++)
		pass(x, ovr[i]);
	free(ovr);
}

struct byuid {
	struct ev_event *ev;
	const char *uid;
	size_t	 idx;
};

static int
cmp_uid(const void *a, const void *b)
{
	const struct byuid *x = a, *y = b;
	int c;

	if (x->uid != NULL && y->uid != NULL && (c = strcmp(x->uid, y->uid)))
		return c;
	if ((x->uid == NULL) != (y->uid == NULL))
		return x->uid == NULL ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

static int
cmp_occ(const void *a, const void *b)
{
	const struct occ *x = a, *y = b;
	int c = ev_event_cmp(x->ev, y->ev);

	if (c != 0)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int
same_uid(const struct byuid *a, const struct byuid *b)
{
	return a->uid != NULL && b->uid != NULL && strcmp(a->uid, b->uid) == 0;
}

/* Expand everything gathered so far and sort what is left to hand out. */
static void
build(struct ev_expand *x)
{
	struct byuid *u = ev_ereallocarray(NULL, x->nin, sizeof(*u));
	struct ev_event **grp = ev_ereallocarray(NULL, x->nin, sizeof(*grp));
	size_t n = x->nin;

	for (size_t i = 0; i < n; i++) {
		u[i].ev = x->in[i];
		u[i].uid = ev_event_text(x->in[i], EV_F_UID);
		u[i].idx = i;
	}
	x->nin = 0;
	qsort(u, n, sizeof(*u), cmp_uid);
	for (size_t i = 0, j; i < n; i = j) {
		size_t k = 0;

		for (j = i; j < n && (j == i || same_uid(&u[i], &u[j])); j++)
			grp[k++] = u[j].ev;
		expand_group(x, grp, k);
	}
	free(u);
	free(grp);
	if (x->nout > x->iout)
		qsort(x->out + x->iout, x->nout - x->iout, sizeof(*x->out),
		    cmp_occ);
}

struct ev_expand *
ev_expand_new(struct ev_ctx *ctx, int64_t from, int64_t to, unsigned cap)
{
	struct ev_expand *x = ev_ecalloc(1, sizeof(*x));

	x->ctx = ctx;
	x->from = from;
	x->to = to;
	x->cap = cap ? cap : UINT_MAX;	/* 0: no cap */
	return x;
}

void
ev_expand_add(struct ev_expand *x, struct ev_event *ev)
{
	if (x->nin == x->cin) {
		x->cin = x->cin ? x->cin * 2 : 64;
		x->in = ev_ereallocarray(x->in, x->cin, sizeof(*x->in));
	}
	x->in[x->nin++] = ev;
}

int
ev_expand_next(struct ev_expand *x, struct ev_event **out, struct ev_err *err)
{
	*out = NULL;
	if (x->nin > 0)
		build(x);
	if (x->iwarn < x->nwarn) {
		if (err != NULL)
			snprintf(err->msg, sizeof(err->msg), "%s",
			    x->warn[x->iwarn]);
		free(x->warn[x->iwarn]);
		x->warn[x->iwarn++] = NULL;
		return -1;
	}
	if (x->iout < x->nout) {
		*out = x->out[x->iout].ev;
		x->out[x->iout++].ev = NULL;
		return 1;
	}
	return 0;
}

int
ev_expand_any(struct ev_ctx *ctx, struct ev_event *ev, int64_t from,
    int64_t to, unsigned cap, int (*fn)(void *, int64_t, int, int64_t),
    void *arg, struct ev_err *warn)
{
	struct ev_expand x;

	memset(&x, 0, sizeof(x));
	x.ctx = ctx;
	x.from = from;
	x.to = to;
	x.cap = cap ? cap : UINT_MAX;
	x.probe = fn;
	x.parg = arg;
	if (!ev->recurring || ev->rid.kind != EV_T_NONE ||
	    expand_series(&x, ev, NULL, 0) < 0) {
		if (overlaps(&x, ev->start.utc, ev->end.kind != EV_T_NONE,
		    ev->end.utc))
			x.found = fn(arg, ev->start.utc,
			    ev->end.kind != EV_T_NONE, ev->end.utc);
	}
	if (warn != NULL)
		snprintf(warn->msg, sizeof(warn->msg), "%s",
		    x.nwarn > 0 ? x.warn[0] : "");
	for (size_t i = 0; i < x.nwarn; i++)
		free(x.warn[i]);
	free(x.warn);
	return x.found;
}

void
ev_expand_free(struct ev_expand *x)
{
	if (x == NULL)
		return;
	for (size_t i = 0; i < x->nin; i++)
		ev_event_free(x->in[i]);
	for (size_t i = x->iout; i < x->nout; i++)
		ev_event_free(x->out[i].ev);
	for (size_t i = x->iwarn; i < x->nwarn; i++)
		free(x->warn[i]);
	free(x->in);
	free(x->out);
	free(x->warn);
	free(x);
}
