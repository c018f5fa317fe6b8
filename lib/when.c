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

#define YEAR_MIN	1
#define YEAR_MAX	9999
#define REL_MAX		999999	/* "+999999d": more is a typo */
#define OFF_MAX		(18 * 3600)	/* ISO 8601 offsets end at 18:00 */

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

/* Read min..max digits at *p into *v; -1 when fewer than min. */
static int
num(const char **p, int min, int max, int *v)
{
	const char *s = *p;
	int n = 0;

	*v = 0;
	while (n < max && ev_isdigit(s[n])) {
		*v = *v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min)
		return -1;
	*p = s + n;
	return n;
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

/* Check a civil date field by field, saying which one is wrong. */
static int
check_date(int y, int m, int d, struct when *w)
{
	if (y < YEAR_MIN || y > YEAR_MAX)
		snprintf(w->why, sizeof(w->why), "year must be %d-%d",
		    YEAR_MIN, YEAR_MAX);
	else if (m < 1 || m > 12)
		snprintf(w->why, sizeof(w->why), "month must be 1-12");
	else if (d < 1 || d > ev_days_in_month(y, m))
		snprintf(w->why, sizeof(w->why), "day must be 1-%d",
		    ev_days_in_month(y, m));
	else
		return 0;
	return -1;
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
	if ((nd = num(&p, 1, 7, &n)) < 0)
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
 * The zone part of a date-time: nothing (*local set: wall time in the
 * display zone), "Z", or an offset "+HH:MM", "+HHMM", "+HH" into *off.
 */
static int
p_offset(const char *p, int *off, int *local, struct when *w)
{
	int sign, oh, om = 0, colon;

	*local = *p == '\0';
	*off = 0;
	if (*local || ((*p == 'Z' || *p == 'z') && p[1] == '\0'))
		return 1;
	if (*p != '+' && *p != '-')
		return 0;
	sign = *p++ == '-' ? -1 : 1;
	if (num(&p, 2, 2, &oh) < 0)
		return 0;
	colon = *p == ':';
	p += colon;
	if ((colon || *p != '\0') && num(&p, 2, 2, &om) < 0)
		return 0;
	if (*p != '\0')
		return 0;
	if (om > 59 || oh * 3600 + om * 60 > OFF_MAX) {
		snprintf(w->why, sizeof(w->why),
		    "UTC offset must be -18:00 to +18:00");
		return -1;
	}
	*off = sign * (oh * 3600 + om * 60);
	return 1;
}

/*
 * A time of day after a date: "HH:MM[:SS]" (ext) or "HHMM[SS]", then
 * its zone part.  Fills w with the instant.
 */
static int
p_time(const struct ev_ctx *ctx, const char *p, int ext, int64_t day,
    struct when *w)
{
	int h, mi, sec = 0, off, local, rc;
	int64_t wall;

	if (num(&p, 2, 2, &h) < 0 || (ext && *p++ != ':') ||
	    num(&p, 2, 2, &mi) < 0)
		return 0;
	if ((ext && *p == ':') || (!ext && ev_isdigit(*p))) {
		p += ext;
		if (num(&p, 2, 2, &sec) < 0)
			return 0;
	}
	if (h > 23 || mi > 59 || sec > 59) {
		snprintf(w->why, sizeof(w->why), "%s",
		    h > 23 ? "hour must be 0-23" : mi > 59 ?
		    "minute must be 0-59" : "second must be 0-59");
		return -1;
	}
	if ((rc = p_offset(p, &off, &local, w)) <= 0)
		return rc;
	wall = day * 86400 + h * 3600 + mi * 60 + sec;
	w->kind = W_INSTANT;
	w->utc = local ? to_utc(ctx, wall) : wall - off;
	return 1;
}

/* What may follow a date: nothing (the day), or a separator and a time. */
static int
p_after_date(const struct ev_ctx *ctx, const char *p, int ext, int sep_t,
    int64_t day, struct when *w)
{
	if (*p == '\0')
		return set_day(w, day, W_DAY);
	if (sep_t && (*p == 'T' || *p == 't'))
		return p_time(ctx, p + 1, ext, day, w);
	if (ext && *p == ' ') {
		while (*p == ' ')
			p++;
		return p_time(ctx, p, ext, day, w);
	}
	return 0;
}

/*
 * ISO 8601: "YYYY-MM", "YYYY-MM-DD", "YYYYMMDD", each date optionally
 * followed by a time ("T18:00", " 18:00:00+01:00", "T180000Z").
 */
static int
p_iso(const struct ev_ctx *ctx, const char *s, struct when *w)
{
	const char *p = s;
	int y, m, d, ext;

	if (num(&p, 4, 4, &y) < 0)
		return 0;
	ext = *p == '-';
	p += ext;
	if (num(&p, 2, 2, &m) < 0)
		return 0;
	if (ext && *p == '\0') {
		if (check_date(y, m, 1, w) < 0)
			return -1;
		return set_day(w, ev_days_from_civil(y, m, 1), W_MONTH);
	}
	if ((ext && *p++ != '-') || num(&p, 2, 2, &d) < 0)
		return 0;
	if (*p != '\0' && *p != 'T' && *p != 't' && *p != ' ')
		return 0;
	if (check_date(y, m, d, w) < 0)
		return -1;
	return p_after_date(ctx, p, ext, 1, ev_days_from_civil(y, m, d), w);
}

/* German "24.12.2016", "1.3.2016", optionally " 18:00". */
static int
p_dotted(const struct ev_ctx *ctx, const char *s, struct when *w)
{
	const char *p = s;
	int y, m, d;

	if (num(&p, 1, 2, &d) < 0 || *p++ != '.' || num(&p, 1, 2, &m) < 0 ||
	    *p++ != '.' || num(&p, 4, 4, &y) < 0)
		return 0;
	if (*p != '\0' && *p != ' ')
		return 0;
	if (check_date(y, m, d, w) < 0)
		return -1;
	return p_after_date(ctx, p, 1, 0, ev_days_from_civil(y, m, d), w);
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
		p_word, p_weekday, p_rel, p_iso, p_dotted
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
