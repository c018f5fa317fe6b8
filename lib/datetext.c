/*
 * datetext.c - dates and times as people and spreadsheets write them:
 * one grammar for date expressions (when.c) and CSV cells (csv.c).
 *
 *	written	= date [sep time [zone]] | month | time
 *	date	= YYYY-MM-DD (extended) | YYYYMMDD (basic) | D.M.YYYY
 *	month	= YYYY-MM			(EV_DT_MONTH)
 *	time	= HH:MM[:SS] (extended) | HHMMSS (basic)
 *	zone	= Z | +HH[[:]MM] | -HH[[:]MM]
 *
 * The separator is 'T' (either case) after an ISO date, spaces after an
 * extended or dotted one; the time is written like the date; a time
 * alone needs EV_DT_TIME.  The two callers differ in details, each a
 * flag (evkit_priv.h); where they differ, each keeps exactly what it
 * accepted before they shared this grammar.
 */
#include <string.h>

#include "evkit_priv.h"

#define OFF_MAX	(18 * 3600)	/* ISO 8601 offsets end at 18:00 */

int
ev_dt_num(const char **p, int min, int max, int *v)
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

/*
 * The date at *p, its fields unchecked: 1 and *p past it, else 0.
 * *basic is set for YYYYMMDD, *iso for both ISO forms.
 */
static int
scan_date(const char **p, unsigned f, struct ev_dt *dt, int *basic,
    int *iso)
{
	const char *s = *p;
	int n, a, two = f & EV_DT_SHORT ? 1 : 2;

	*basic = *iso = 0;
	if ((n = ev_dt_num(&s, 1, 8, &a)) == 8) {
		dt->y = a / 10000, dt->m = a / 100 % 100, dt->d = a % 100;
		*basic = *iso = 1;
	} else if (n == 4 && *s == '-') {
		dt->y = a, s++;
		if (ev_dt_num(&s, two, 2, &dt->m) < 0)
			return 0;
		if ((f & EV_DT_MONTH) && *s == '\0') {
			dt->month = 1, dt->d = 1;
			*p = s;
			return 1;
		}
		if (*s++ != '-' || ev_dt_num(&s, two, 2, &dt->d) < 0)
			return 0;
		*iso = 1;
	} else if (n > 0 && n <= 2 && *s == '.') {
		dt->d = a, s++;
		if (ev_dt_num(&s, 1, 2, &dt->m) < 0 || *s++ != '.' ||
		    ev_dt_num(&s, 4, 4, &dt->y) < 0)
			return 0;
	} else
		return 0;
	*p = s;
	return 1;
}

/* The date's fields, each in its range: 0, or -1 saying which is not. */
static int
check_date(unsigned f, struct ev_dt *dt)
{
	int ymin = f & EV_DT_YEAR0 ? 0 : EV_DT_YEAR_MIN;

	if (dt->y < ymin || dt->y > EV_DT_YEAR_MAX)
		snprintf(dt->why, sizeof(dt->why), "year must be %d-%d", ymin,
		    EV_DT_YEAR_MAX);
	else if (dt->m < 1 || dt->m > 12)
		snprintf(dt->why, sizeof(dt->why), "month must be 1-12");
	else if (dt->d < 1 || dt->d > ev_days_in_month(dt->y, dt->m))
		snprintf(dt->why, sizeof(dt->why), "day must be 1-%d",
		    ev_days_in_month(dt->y, dt->m));
	else
		return 0;
	return -1;
}

/*
 * The time at *p, "HH:MM[:SS]" or (basic) "HHMMSS", checked: 1 and *p
 * past it; 0 not a time; -1 a value out of range (why set).
 */
static int
scan_time(const char **p, int basic, unsigned f, struct ev_dt *dt)
{
	const char *s = *p;
	int h, m, sec = 0, hmax = f & EV_DT_H24 ? 24 : 23;
	int hmin = !basic && (f & EV_DT_SHORT) ? 1 : 2;

	if (ev_dt_num(&s, hmin, 2, &h) < 0 || (!basic && *s++ != ':') ||
	    ev_dt_num(&s, 2, 2, &m) < 0)
		return 0;
	/* seconds after a ':'; in a basic time always, or (EV_DT_HHMM)
	 * when digits follow */
	if (basic ? ev_isdigit(*s) || !(f & EV_DT_HHMM) : *s == ':') {
		s += !basic;
		if (ev_dt_num(&s, 2, 2, &sec) < 0)
			return 0;
		if (!basic && (f & EV_DT_FRAC) && *s == '.' &&
		    ev_isdigit(s[1]))
			for (s++; ev_isdigit(*s); s++)
				;
	}
	if (h > hmax || (h == 24 && (m != 0 || sec != 0)))
		snprintf(dt->why, sizeof(dt->why), "hour must be 0-23%s",
		    hmax == 24 ? ", or 24:00" : "");
	else if (m > 59)
		snprintf(dt->why, sizeof(dt->why), "minute must be 0-59");
	else if (sec > 59)
		snprintf(dt->why, sizeof(dt->why), "second must be 0-59");
	else {
		dt->secs = h * 3600 + m * 60 + sec;
		dt->has_time = 1;
		*p = s;
		return 1;
	}
	return -1;
}

/* "Uhr" after a time of day ("18:00 Uhr"), any case, spaces before it. */
static const char *
skip_uhr(const char *p)
{
	const char *q = p;

	while (*q == ' ')
		q++;
	if (ev_strncaseeq(q, "uhr", 3) && !ev_isalpha(q[3]))
		return q + 3;
	return p;
}

/*
 * The zone after a time: "Z", "+HH", "+HHMM", "+HH:MM" (or '-'), or
 * nothing.  1 and *p past it, 0 when the form is wrong; the range is
 * check_offset's.  A colon needs minutes unless EV_DT_OFFLAX.
 */
static int
scan_offset(const char **p, unsigned f, struct ev_dt *dt, int *oh, int *om)
{
	const char *s = *p;
	int sign, colon;

	*oh = *om = 0;
	if (*s == 'Z' || *s == 'z') {
		dt->has_off = 1;
		*p = s + 1;
		return 1;
	}
	if (*s != '+' && *s != '-')
		return 1;
	sign = *s++ == '-' ? -1 : 1;
	if (ev_dt_num(&s, 2, 2, oh) < 0)
		return 0;
	colon = *s == ':';
	s += colon;
	if ((ev_isdigit(*s) || (colon && !(f & EV_DT_OFFLAX))) &&
	    ev_dt_num(&s, 2, 2, om) < 0)
		return 0;
	dt->has_off = 1;
	dt->off = sign * (*oh * 3600 + *om * 60);
	*p = s;
	return 1;
}

/* The zone's hours and minutes in range: 0, or -1 (why set). */
static int
check_offset(int oh, int om, unsigned f, struct ev_dt *dt)
{
	if (f & EV_DT_OFFLAX ? oh <= 18 && om <= 59 :
	    om <= 59 && oh * 3600 + om * 60 <= OFF_MAX)
		return 0;
	snprintf(dt->why, sizeof(dt->why), "UTC offset must be %s",
	    f & EV_DT_OFFLAX ? "-18:59 to +18:59" : "-18:00 to +18:00");
	return -1;
}

/* What follows a time: "Uhr", the zone, the end. */
static int
after_time(const char *p, unsigned f, struct ev_dt *dt)
{
	int oh, om;

	if (f & EV_DT_UHR) {
		p = skip_uhr(p);
		if (*p == ' ' && (p[1] == '+' || p[1] == '-'))
			p++;
	}
	if (!scan_offset(&p, f, dt, &oh, &om) || *p != '\0')
		return 0;
	return check_offset(oh, om, f, dt) < 0 ? -1 : 1;
}

/* A time of day alone: "18:00", "8:00:00 Uhr" (EV_DT_TIME). */
static int
time_alone(const char *s, unsigned f, struct ev_dt *dt)
{
	const char *p = s;

	if (strchr(s, ':') == NULL || strchr(s, '-') != NULL ||
	    strchr(s, '.') != NULL || scan_time(&p, 0, f, dt) <= 0)
		return 0;
	if (f & EV_DT_UHR)
		p = skip_uhr(p);
	return *p == '\0' ? 1 : -1;
}

/*
 * Past the separator at *p, after a date of datelen bytes (basic: its
 * form): 1, and *tbasic says whether a basic time follows; 0 when no
 * time may follow.  EV_DT_ANYSEP judges the form by the date's length,
 * as csv.c always did: "1.1.2016T180000" is read too, "1.1.2016T18:00"
 * is not.
 */
static int
separator(const char **p, unsigned f, size_t datelen, int basic,
    int *tbasic)
{
	const char *s = *p;

	if (f & EV_DT_ANYSEP) {
		for (s++; *s == ' '; s++)
			;
		*tbasic = datelen == 8 && s[-1] == 'T';
	} else if (*s == 'T' || *s == 't') {
		s++;
		*tbasic = basic;
	} else {
		if (basic)
			return 0;
		while (*s == ' ')
			s++;
		*tbasic = 0;
	}
	*p = s;
	return 1;
}

/*
 * The order of the checks is part of the grammar: a date followed by
 * what no date may be followed by is no date (0) before its values are
 * checked (-1), and a time is checked before its zone is read.
 */
int
ev_dt_parse(const char *s, unsigned f, struct ev_dt *dt)
{
	const char *p = s;
	int rc, basic, iso, tbasic;
	char c;

	memset(dt, 0, sizeof(*dt));
	if ((f & EV_DT_TIME) && (rc = time_alone(s, f, dt)) != 0)
		return rc;
	memset(dt, 0, sizeof(*dt));
	if (!scan_date(&p, f, dt, &basic, &iso))
		return 0;
	c = *p;
	if (c != '\0' && c != ' ' &&
	    !((c == 'T' || c == 't') && (iso || (f & EV_DT_ANYSEP))))
		return 0;
	if (check_date(f, dt) < 0)
		return -1;
	dt->has_date = 1;
	if (c == '\0')
		return 1;
	if (!separator(&p, f, (size_t)(p - s), basic, &tbasic))
		return 0;
	if ((rc = scan_time(&p, tbasic, f, dt)) <= 0)
		return rc;
	return after_time(p, f, dt);
}
