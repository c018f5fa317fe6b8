/* civil.c - proleptic Gregorian calendar arithmetic, no zones. */
#include "evkit.h"

int64_t
ev_floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Howard Hinnant's days_from_civil, shifted so March is month 0. */
int64_t
ev_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = ev_floordiv(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
ev_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = ev_floordiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
ev_days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int
ev_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	return (int)((ev_floordiv(days, 7) * -7 + days + 3) % 7);
}

void
ev_tm_from_wall(int64_t wall, struct ev_tm *tm)
{
	int64_t days = ev_floordiv(wall, 86400);
	int64_t secs = wall - days * 86400;

	ev_civil_from_days(days, &tm->year, &tm->mon, &tm->mday);
	tm->hour = (int)(secs / 3600);
	tm->min = (int)(secs / 60 % 60);
	tm->sec = (int)(secs % 60);
	tm->wday = ev_weekday(days);
	tm->yday = (int)(days - ev_days_from_civil(tm->year, 1, 1));
}

int64_t
ev_wall_from_tm(const struct ev_tm *tm)
{
	return ev_days_from_civil(tm->year, tm->mon, tm->mday) * 86400 +
	    (int64_t)tm->hour * 3600 + (int64_t)tm->min * 60 + tm->sec;
}
