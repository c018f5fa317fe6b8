/*
 * when.c - date expressions ("today", "sa", "+2w", "2016-12",
 * "24.12.2016 18:00", "2016-12-24T18:00+01:00") and day arithmetic.
 *
 * Days are wall dates of the display zone: a day runs from one local
 * midnight to the next, found with ev_zone_to_utc, so it lasts 23 or 25
 * hours on the days the clocks change.
 */
#include <stdio.h>
#include <string.h>

#include "evkit_priv.h"

#define YEAR_MIN	EV_DT_YEAR_MIN
#define YEAR_MAX	EV_DT_YEAR_MAX
#define REL_MAX		999999	/* "+999999d": more is a typo */

enum wkind {
	W_INSTANT,	/* lo == hi == utc */
	W_DAY,		/* [day, day + 1) */
	W_MONTH		/* [day, the 1st of the next month) */
};

/* What an expression names, or why its numbers are out of range. */
struct when {
	enum wkind kind;
	int64_t	 utc;		/* W_INSTANT */
	int64_t	 day;		/* W_DAY, W_MONTH: days since 1970-01-01 */
	char	 why[64];
};

/* A parser: 1 it matched, 0 not its form, -1 its form with bad values. */
typedef int parser(const struct ev_ctx *, const char *, struct when *);

/* The zone is never NULL after ev_ctx_new; UTC if a test leaves it so. */
static int64_t
to_utc(const struct ev_ctx *ctx, int64_t wall)
{
	const struct ev_zone *z = ev_ctx_zone(ctx);

	return z != NULL ? ev_zone_to_utc(z, wall) : wall;
}

static int64_t
to_wall(const struct ev_ctx *ctx, int64_t utc)
{
	const struct ev_zone *z = ev_ctx_zone(ctx);

	return z != NULL ? ev_zone_to_wall(z, utc) : utc;
}

static int64_t
today(const struct ev_ctx *ctx)
{
	return ev_floordiv(to_wall(ctx, ev_ctx_now(ctx)), 86400);
}

static int
set_day(struct when *w, int64_t day, enum wkind kind)
{
	int y, m, d;

	ev_civil_from_days(day, &y, &m, &d);
	if (y < YEAR_MIN || y > YEAR_MAX) {
		snprintf(w->why, sizeof(w->why), "year must be %d-%d",
		    YEAR_MIN, YEAR_MAX);
		return -1;
	}
	w->kind = kind;
	w->day = day;
	return 1;
}

/* Keywords, English and German. */
static int
p_word(const struct ev_ctx *ctx, const char *s, struct when *w)
{
	static const struct {
		const char *name;
		int	 off;
	} words[] = {
		{ "today", 0 }, { "heute", 0 },
		{ "tomorrow", 1 }, { "morgen", 1 },
		{ "yesterday", -1 }, { "gestern", -1 },
		/* ev_strcaseeq folds ASCII only: both cases of the Ü */
		{ "uebermorgen", 2 }, { "übermorgen", 2 }, { "Übermorgen", 2 },
		{ "vorgestern", -2 }
	};

	if (ev_strcaseeq(s, "now") || ev_strcaseeq(s, "jetzt")) {
		w->kind = W_INSTANT;
		w->utc = ev_ctx_now(ctx);
		return 1;
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (ev_strcaseeq(s, words[i].name))
			return set_day(w, today(ctx) + words[i].off, W_DAY);
	return 0;
}

/* A weekday name: the next such day, today included. */
static int
p_weekday(const struct ev_ctx *ctx, const char *s, struct when *w)
{
	int wd = ev_weekday_parse(s);
	int64_t t = today(ctx);

	if (wd < 0)
		return 0;
	return set_day(w, t + (wd - ev_weekday(t) + 7) % 7, W_DAY);
}

/* Same day of month n months on, clamped to the month's last day. */
static int64_t
add_months(int64_t day, int64_t n)
{
	int y, m, d, dim;
	int64_t t, ny;

	ev_civil_from_days(day, &y, &m, &d);
	t = (int64_t)y * 12 + (m - 1) + n;
	ny = ev_floordiv(t, 12);
	m = (int)(t - ny * 12) + 1;
	y = (int)ny;
	dim = ev_days_in_month(y, m);
	return ev_days_from_civil(y, m, d < dim ? d : dim);
}

/* "+3d", "-1w", "+1m", "+2y": always signed, counted from today. */
static int
p_rel(const struct ev_ctx *ctx, const char *s, struct when *w)
{
	const char *p = s + 1;
	int n, nd;
	int64_t t = today(ctx);

	if (s[0] != '+' && s[0] != '-')
		return 0;
	if ((nd = ev_dt_num(&p, 1, 7, &n)) < 0)
		return 0;
	if (nd > 6 || ev_isdigit(*p)) {
		snprintf(w->why, sizeof(w->why), "at most %d", REL_MAX);
		return -1;
	}
	if (s[0] == '-')
		n = -n;
	/* one unit letter, and nothing after it */
	switch (p[0] != '\0' && p[1] == '\0' ? p[0] | 0x20 : 0) {
	case 'd':	return set_day(w, t + n, W_DAY);
	case 'w':	return set_day(w, t + 7 * (int64_t)n, W_DAY);
	case 'm':	return set_day(w, add_months(t, n), W_DAY);
	case 'y':	return set_day(w, add_months(t, 12 * (int64_t)n), W_DAY);
	default:
		snprintf(w->why, sizeof(w->why), "unit must be d, w, m or y");
		return -1;
	}
}

/*
 * Dates as people write them (datetext.c): "2016-12", "2016-12-24",
 * "20161224", "24.12.2016", each date optionally followed by a time
 * ("T18:00", " 18:00:00+01:00", "T180000Z"); without a zone it is a
 * wall time in the display zone.
 */
static int
p_written(const struct ev_ctx *ctx, const char *s, struct when *w)
{
	struct ev_dt dt;
	int64_t day, wall;
	int rc;

	if ((rc = ev_dt_parse(s, EV_DT_EXPR, &dt)) <= 0) {
		if (rc < 0)
			snprintf(w->why, sizeof(w->why), "%s", dt.why);
		return rc;
	}
	day = ev_days_from_civil(dt.y, dt.m, dt.d);
	if (!dt.has_time)
		return set_day(w, day, dt.month ? W_MONTH : W_DAY);
	wall = day * 86400 + dt.secs;
	w->kind = W_INSTANT;
	w->utc = dt.has_off ? wall - dt.off : to_utc(ctx, wall);
	return 1;
}

/* The span a parsed expression names, in UTC seconds. */
static void
span(const struct ev_ctx *ctx, const struct when *w, int64_t *lo,
    int64_t *hi)
{
	int y, m, d;

	switch (w->kind) {
	case W_INSTANT:
		*lo = *hi = w->utc;
		break;
	case W_DAY:
		*lo = to_utc(ctx, w->day * 86400);
		*hi = to_utc(ctx, (w->day + 1) * 86400);
		break;
	case W_MONTH:
		ev_civil_from_days(w->day, &y, &m, &d);
		*lo = to_utc(ctx, w->day * 86400);
		*hi = to_utc(ctx, (w->day + ev_days_in_month(y, m)) * 86400);
		break;
	}
}

int
ev_when_parse(const struct ev_ctx *ctx, const char *expr, int64_t *lo,
    int64_t *hi, struct ev_err *err)
{
	static parser *const parsers[] = {
		p_word, p_weekday, p_rel, p_written
	};
	const char *s = expr, *e;
	char buf[64];
	struct when w;
	int64_t l = 0, h = 0;
	int rc = 0;

	while (ev_isspace(*s))
		s++;
	e = s + strlen(s);
	while (e > s && ev_isspace(e[-1]))
		e--;
	/* No expression is that long; a copy makes it NUL-terminated. */
	if (e > s && (size_t)(e - s) < sizeof(buf)) {
		memcpy(buf, s, (size_t)(e - s));
		buf[e - s] = '\0';
		w.why[0] = '\0';
		for (size_t i = 0; rc == 0 && i < sizeof(parsers) /
		    sizeof(parsers[0]); i++)
			rc = parsers[i](ctx, buf, &w);
	}
	if (rc <= 0) {
		if (rc < 0)
			ev_err_set(err, NULL, 0, "bad date \"%s\": %s", expr,
			    w.why);
		else
			ev_err_set(err, NULL, 0, "bad date \"%s\"", expr);
		return -1;
	}
	span(ctx, &w, &l, &h);
	if (lo != NULL)
		*lo = l;
	if (hi != NULL)
		*hi = h;
	return 0;
}

int64_t
ev_day_start(const struct ev_ctx *ctx, int64_t utc)
{
	return to_utc(ctx, ev_floordiv(to_wall(ctx, utc), 86400) * 86400);
}

/* On wall dates, so that a step over a clock change still lands on 00:00. */
int64_t
ev_day_add(const struct ev_ctx *ctx, int64_t day_start, int ndays)
{
	int64_t day = ev_floordiv(to_wall(ctx, day_start), 86400);

	return to_utc(ctx, (day + ndays) * 86400);
}

/* ---- windows ------------------------------------------------------------- */

int
ev_when_is_month(const char *s)
{
	return strlen(s) == 7 && s[4] == '-' &&
	    strspn(s, "0123456789") == 4 && strspn(s + 5, "0123456789") == 2;
}

/* n display days from today + first. */
static void
days(const struct ev_ctx *ctx, int first, int n, int64_t *lo, int64_t *hi)
{
	int64_t day = ev_day_start(ctx, ev_ctx_now(ctx));

	*lo = ev_day_add(ctx, day, first);
	*hi = ev_day_add(ctx, *lo, n);
}

int
ev_window(const struct ev_ctx *ctx, enum ev_win kind, const char *arg,
    int64_t *lo, int64_t *hi, struct ev_err *err)
{
	struct ev_tm tm;
	char buf[16];
	int64_t a, b;

	ev_tm_from_wall(to_wall(ctx, ev_ctx_now(ctx)), &tm);
	switch (kind) {
	case EV_W_FROM:
		if (ev_when_parse(ctx, arg, &a, &b, err) < 0)
			return -1;
		*lo = a;
		*hi = EV_TIME_MAX;
		return 0;
	case EV_W_TO:
		/* --to names the last span inside the window: --to
		 * 2016-12-31 includes that day (evkit(7) DATE EXPRESSIONS) */
		if (ev_when_parse(ctx, arg, &a, &b, err) < 0)
			return -1;
		*lo = EV_TIME_MIN;
		*hi = b;
		return 0;
	case EV_W_ON:
		if (ev_when_parse(ctx, arg, lo, hi, err) < 0)
			return -1;
		if (*hi == *lo)
			*hi = *lo + 1;
		return 0;
	case EV_W_TODAY:
		days(ctx, 0, 1, lo, hi);
		return 0;
	case EV_W_TOMORROW:
		days(ctx, 1, 1, lo, hi);
		return 0;
	case EV_W_WEEKEND:
		/* Saturday and Sunday: this weekend while it lasts (on a
		 * Sunday, 5 - 6 is yesterday) */
		days(ctx, 5 - tm.wday, 2, lo, hi);
		return 0;
	case EV_W_WEEK:
		days(ctx, -tm.wday, 7, lo, hi);
		return 0;
	case EV_W_MONTH:
		if (arg != NULL && !ev_when_is_month(arg)) {
			ev_err_set(err, NULL, 0, "takes YYYY-MM: \"%s\"", arg);
			return -1;
		}
		snprintf(buf, sizeof(buf), "%04d-%02d", tm.year, tm.mon);
		return ev_when_parse(ctx, arg ? arg : buf, lo, hi, err);
	case EV_W_UPCOMING:
		*lo = ev_ctx_now(ctx);
		*hi = EV_TIME_MAX;
		return 0;
	}
	ev_err_set(err, NULL, 0, "no such window");
	return -1;
}

const char *
ev_window_option(enum ev_win kind)
{
	static const char *const names[] = {
		"--from", "--to", "--on", "--today", "--tomorrow", "--weekend",
		"--week", "--month", "--upcoming"
	};

	return (unsigned)kind < sizeof(names) / sizeof(names[0]) ?
	    names[kind] : "";
}
