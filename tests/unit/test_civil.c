/* Unit tests: civil.c */
#include "evkit.h"
#include "t.h"

static void
run(void)
{
	int y, m, d;
	struct ev_tm tm;

	T_EQ(ev_days_from_civil(1970, 1, 1), 0);
	T_EQ(ev_days_from_civil(2000, 3, 1), 11017);
	T_EQ(ev_days_from_civil(1969, 12, 31), -1);
	ev_civil_from_days(ev_days_from_civil(2016, 2, 29), &y, &m, &d);
	T_EQ(y, 2016); T_EQ(m, 2); T_EQ(d, 29);
	ev_civil_from_days(-719468, &y, &m, &d);	/* 0000-03-01 */
	T_EQ(y, 0); T_EQ(m, 3); T_EQ(d, 1);
	T_EQ(ev_days_in_month(2016, 2), 29);
	T_EQ(ev_days_in_month(1900, 2), 28);
	T_EQ(ev_days_in_month(2000, 2), 29);
	T_EQ(ev_days_in_month(2016, 13), 0);
	/* 2016-12-24 was a Saturday, 1969-12-29 a Monday */
	T_EQ(ev_weekday(ev_days_from_civil(2016, 12, 24)), 5);
	T_EQ(ev_weekday(ev_days_from_civil(1969, 12, 29)), 0);
	T_EQ(ev_weekday(ev_days_from_civil(1970, 1, 1)), 3);
	ev_tm_from_wall(ev_days_from_civil(2016, 12, 24) * 86400 + 18 * 3600 + 59, &tm);
	T_EQ(tm.year, 2016); T_EQ(tm.mon, 12); T_EQ(tm.mday, 24);
	T_EQ(tm.hour, 18); T_EQ(tm.min, 0); T_EQ(tm.sec, 59); T_EQ(tm.wday, 5);
	T_EQ(tm.yday, 358);
	T_EQ(ev_wall_from_tm(&tm), ev_days_from_civil(2016, 12, 24) * 86400 + 18 * 3600 + 59);
	ev_tm_from_wall(-1, &tm);
	T_EQ(tm.year, 1969); T_EQ(tm.hour, 23); T_EQ(tm.sec, 59);
	T_EQ(ev_floordiv(-1, 86400), -1);
	T_EQ(ev_floordiv(86400, 86400), 1);
}
