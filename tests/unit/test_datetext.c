/* Unit tests: datetext.c (written dates and times, both dialects) */
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

#define H(h, m, s)	((h) * 3600 + (m) * 60 + (s))
#define NONE		(-99999)	/* no time or no zone */

/* One case: what ev_dt_parse gives s under flags. */
struct dcase {
	const char *s;
	unsigned flags;
	int	 rc;
	int	 y, m, d;	/* y 0 with has_date unset: no date */
	int	 secs;		/* NONE: no time */
	int	 off;		/* NONE: no zone */
	const char *why;	/* rc -1 */
};

#define X	EV_DT_EXPR
#define C	EV_DT_CELL

static const struct dcase cases[] = {
	/* the date forms, both dialects */
	{ "2016-12-24", X, 1, 2016, 12, 24, NONE, NONE, NULL },
	{ "2016-12-24", C, 1, 2016, 12, 24, NONE, NONE, NULL },
	{ "20161224", X, 1, 2016, 12, 24, NONE, NONE, NULL },
	{ "24.12.2016", X, 1, 2016, 12, 24, NONE, NONE, NULL },
	{ "1.3.2016", C, 1, 2016, 3, 1, NONE, NONE, NULL },
	{ "2016-2-29", C, 1, 2016, 2, 29, NONE, NONE, NULL },
	{ "2016-2-29", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12", X, 1, 2016, 12, 1, NONE, NONE, NULL },
	{ "2016-12", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "201612", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016122", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "201612245", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "16-12-24", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "24.12.16", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "124.12.2016", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "heute", C, 0, 0, 0, 0, NONE, NONE, NULL },
	/* values out of range: which one, in order */
	{ "2016-13-01", X, -1, 0, 0, 0, NONE, NONE, "month must be 1-12" },
	{ "2016-02-30", X, -1, 0, 0, 0, NONE, NONE, "day must be 1-29" },
	{ "2015-02-29", C, -1, 0, 0, 0, NONE, NONE, "day must be 1-28" },
	{ "31.4.2016", X, -1, 0, 0, 0, NONE, NONE, "day must be 1-30" },
	{ "0000-01-01", X, -1, 0, 0, 0, NONE, NONE, "year must be 1-9999" },
	{ "0000-00-01", X, -1, 0, 0, 0, NONE, NONE, "year must be 1-9999" },
	{ "0000-01-01", C, 1, 0, 1, 1, NONE, NONE, NULL },	/* YEAR0 */
	{ "2016-00", X, -1, 0, 0, 0, NONE, NONE, "month must be 1-12" },
	/* a date followed by what no date takes: not a date, unchecked */
	{ "2016-13-01x", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-13-01 18:00", X, -1, 0, 0, 0, NONE, NONE,
	    "month must be 1-12" },
	/* times: 'T' after ISO, spaces after extended, form of the date */
	{ "2016-12-24T18:00", X, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "2016-12-24t18:00:30", X, 1, 2016, 12, 24, H(18, 0, 30), NONE,
	    NULL },
	{ "2016-12-24  18:00", X, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "24.12.2016 18:00", X, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "20161224T180005", X, 1, 2016, 12, 24, H(18, 0, 5), NONE, NULL },
	{ "20161224t1800", X, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "20161224T18:00", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T1800", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "20161224 18:00", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "24.12.2016T18:00", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T8:00", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T24:00", X, -1, 0, 0, 0, NONE, NONE,
	    "hour must be 0-23" },
	{ "2016-12-24T23:60", X, -1, 0, 0, 0, NONE, NONE,
	    "minute must be 0-59" },
	{ "2016-12-24T23:59:60", X, -1, 0, 0, 0, NONE, NONE,
	    "second must be 0-59" },
	{ "2016-12-24T25:00junk", X, -1, 0, 0, 0, NONE, NONE,
	    "hour must be 0-23" },
	/* the cells' dialect */
	{ "20161224 18:00", C, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "24.12.2016T18:00", C, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "2016-12-24T 18:00", C, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "20161224T180000", C, 1, 2016, 12, 24, H(18, 0, 0), NONE, NULL },
	{ "20161224T1800", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "20161224t180000", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "1.1.2016T180000", C, 1, 2016, 1, 1, H(18, 0, 0), NONE, NULL },
	{ "1.1.2016T18:00", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "5.1.2017 9:30", C, 1, 2017, 1, 5, H(9, 30, 0), NONE, NULL },
	{ "2016-12-24 18:00:00.250", C, 1, 2016, 12, 24, H(18, 0, 0), NONE,
	    NULL },
	{ "2016-12-24 18:00:00.", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24 18:00:00.250", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24 24:00", C, 1, 2016, 12, 24, H(24, 0, 0), NONE, NULL },
	{ "2016-12-24 24:01", C, -1, 0, 0, 0, NONE, NONE, NULL },
	{ "24.12.2016 18:00 Uhr", C, 1, 2016, 12, 24, H(18, 0, 0), NONE,
	    NULL },
	{ "24.12.2016 18:00 uhr +01:00", C, 1, 2016, 12, 24, H(18, 0, 0),
	    3600, NULL },
	{ "24.12.2016 18:00 Uhrzeit", C, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "24.12.2016 18:00 Uhr", X, 0, 0, 0, 0, NONE, NONE, NULL },
	/* a time alone */
	{ "18:00", C, 1, 0, 0, 0, H(18, 0, 0), NONE, NULL },
	{ "8:05:09", C, 1, 0, 0, 0, H(8, 5, 9), NONE, NULL },
	{ "01:00 Uhr", C, 1, 0, 0, 0, H(1, 0, 0), NONE, NULL },
	{ "18:00 Uhr!", C, -1, 0, 0, 0, NONE, NONE, NULL },
	{ "18:00", X, 0, 0, 0, 0, NONE, NONE, NULL },
	/* zones */
	{ "2016-12-24T18:00Z", X, 1, 2016, 12, 24, H(18, 0, 0), 0, NULL },
	{ "2016-12-24T18:00z", C, 1, 2016, 12, 24, H(18, 0, 0), 0, NULL },
	{ "2016-12-24T18:00+01:00", X, 1, 2016, 12, 24, H(18, 0, 0), 3600,
	    NULL },
	{ "2016-12-24T18:00+0130", X, 1, 2016, 12, 24, H(18, 0, 0), 5400,
	    NULL },
	{ "2016-12-24T18:00-05", X, 1, 2016, 12, 24, H(18, 0, 0), -18000,
	    NULL },
	{ "20161224T180000Z", X, 1, 2016, 12, 24, H(18, 0, 0), 0, NULL },
	{ "2016-12-24T18:00+18:00", X, 1, 2016, 12, 24, H(18, 0, 0), 64800,
	    NULL },
	{ "2016-12-24T18:00+18:01", X, -1, 0, 0, 0, NONE, NONE,
	    "UTC offset must be -18:00 to +18:00" },
	{ "2016-12-24T18:00+18:59", C, 1, 2016, 12, 24, H(18, 0, 0), 68340,
	    NULL },
	{ "2016-12-24T18:00+19", C, -1, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T18:00+01:60", X, -1, 0, 0, 0, NONE, NONE,
	    "UTC offset must be -18:00 to +18:00" },
	{ "2016-12-24T18:00+19:00x", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T18:00+01:", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T18:00+01:", C, 1, 2016, 12, 24, H(18, 0, 0), 3600,
	    NULL },
	{ "2016-12-24T18:00+013", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T18:00+1", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24T18:00Zx", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24 18:00 +01:00", C, 1, 2016, 12, 24, H(18, 0, 0), 3600,
	    NULL },
	{ "2016-12-24 18:00 +01:00", X, 0, 0, 0, 0, NONE, NONE, NULL },
	{ "2016-12-24+01:00", C, 0, 0, 0, 0, NONE, NONE, NULL },
};

static void
check(const struct dcase *c)
{
	struct ev_dt dt;
	int rc = ev_dt_parse(c->s, c->flags, &dt), ok = rc == c->rc;

	if (ok && rc == 1) {
		ok = dt.has_date == (c->y || c->m) &&
		    (!dt.has_date || (dt.y == c->y && dt.m == c->m &&
		    dt.d == c->d)) &&
		    dt.has_time == (c->secs != NONE) &&
		    (!dt.has_time || dt.secs == c->secs) &&
		    dt.has_off == (c->off != NONE) &&
		    (!dt.has_off || dt.off == c->off);
	} else if (ok && rc < 0 && c->why != NULL)
		ok = strcmp(dt.why, c->why) == 0;
	if (!ok)
		fprintf(stderr, "    \"%s\" (%s): rc %d, %04d-%02d-%02d, "
		    "secs %d, off %d, why \"%s\"\n", c->s,
		    c->flags == X ? "expr" : "cell", rc, dt.y, dt.m, dt.d,
		    dt.has_time ? dt.secs : NONE, dt.has_off ? dt.off : NONE,
		    dt.why);
	T_OK(ok);
}

static void
test_cases(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check(&cases[i]);
}

static void
test_month(void)
{
	struct ev_dt dt;

	T_EQ(ev_dt_parse("2016-12", EV_DT_EXPR, &dt), 1);
	T_OK(dt.month && dt.has_date && !dt.has_time);
	T_EQ(ev_dt_parse("2016-12-24", EV_DT_EXPR, &dt), 1);
	T_OK(!dt.month);
	T_EQ(ev_dt_parse("2016-12 18:00", EV_DT_EXPR, &dt), 0);
}

/* One flag at a time on the dialect of expressions. */
static void
test_flags(void)
{
	struct ev_dt dt;

	T_EQ(ev_dt_parse("2016-1-5", X | EV_DT_SHORT, &dt), 1);
	T_EQ(ev_dt_parse("2016-12-24 8:00", X | EV_DT_SHORT, &dt), 1);
	T_EQ(ev_dt_parse("2016-12-24 18:00:00.5", X | EV_DT_FRAC, &dt), 1);
	T_EQ(ev_dt_parse("2016-12-24 24:00", X | EV_DT_H24, &dt), 1);
	T_EQ(dt.secs, 86400);
	T_EQ(ev_dt_parse("2016-12-24 24:00:01", X | EV_DT_H24, &dt), -1);
	T_STREQ(dt.why, "hour must be 0-23, or 24:00");
	T_EQ(ev_dt_parse("18:00", X | EV_DT_TIME, &dt), 1);
	T_EQ(ev_dt_parse("18:00 Uhr", X | EV_DT_TIME, &dt), -1);
	T_EQ(ev_dt_parse("18:00 Uhr", X | EV_DT_TIME | EV_DT_UHR, &dt), 1);
	T_EQ(ev_dt_parse("20161224 18:00", X | EV_DT_ANYSEP, &dt), 1);
	T_EQ(ev_dt_parse("2016-12-24T18:00+01:", X | EV_DT_OFFLAX, &dt), 1);
	T_EQ(ev_dt_parse("0001-01-01", X, &dt), 1);
	T_EQ(ev_dt_parse("0000-01-01", X | EV_DT_YEAR0, &dt), 1);
	T_EQ(ev_dt_parse("20161224T180000", C & ~EV_DT_ANYSEP, &dt), 1);
	T_EQ(ev_dt_parse("20161224T1800", C | EV_DT_HHMM, &dt), 1);
}

static void
test_num(void)
{
	const char *p = "20161224x", *q;
	int v;

	T_EQ(ev_dt_num(&p, 4, 4, &v), 4);
	T_EQ(v, 2016);
	T_STREQ(p, "1224x");
	T_EQ(ev_dt_num(&p, 1, 8, &v), 4);
	T_EQ(v, 1224);
	q = p;
	T_EQ(ev_dt_num(&p, 1, 2, &v), -1);
	T_EQ(v, 0);
	T_OK(p == q);
	p = "7";
	T_EQ(ev_dt_num(&p, 2, 2, &v), -1);
	T_STREQ(p, "7");
}

static void
run(void)
{
	test_cases();
	test_month();
	test_flags();
	test_num();
}
