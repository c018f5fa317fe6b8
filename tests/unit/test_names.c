/* Unit tests: names.c */
#include <stdlib.h>

#include "evkit.h"
#include "t.h"

static void
test_lang(void)
{
	enum ev_lang l = EV_LANG_EN;

	T_EQ(ev_lang_parse("de", &l), 0); T_EQ(l, EV_LANG_DE);
	T_EQ(ev_lang_parse("en", &l), 0); T_EQ(l, EV_LANG_EN);
	T_EQ(ev_lang_parse("de_DE", &l), 0); T_EQ(l, EV_LANG_DE);
	T_EQ(ev_lang_parse("DE_AT.UTF-8", &l), 0); T_EQ(l, EV_LANG_DE);
	T_EQ(ev_lang_parse("en_US.UTF-8", &l), 0); T_EQ(l, EV_LANG_EN);
	T_EQ(ev_lang_parse("German", &l), 0); T_EQ(l, EV_LANG_DE);
	T_EQ(ev_lang_parse("DEUTSCH", &l), 0); T_EQ(l, EV_LANG_DE);
	T_EQ(ev_lang_parse("english", &l), 0); T_EQ(l, EV_LANG_EN);
	l = EV_LANG_DE;
	T_EQ(ev_lang_parse("fr", &l), -1); T_EQ(l, EV_LANG_DE);
	T_EQ(ev_lang_parse("", &l), -1);
	T_EQ(ev_lang_parse("d", &l), -1);
	T_EQ(ev_lang_parse("den", &l), -1);	/* not a locale, not "de" */
	T_EQ(ev_lang_parse("C", &l), -1);
	T_EQ(ev_lang_parse(NULL, &l), -1);
}

static void
test_lang_env(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_TIME");
	unsetenv("LANG");
	T_EQ(ev_lang_from_env(), EV_LANG_EN);
	setenv("LANG", "de_DE.UTF-8", 1);
	T_EQ(ev_lang_from_env(), EV_LANG_DE);
	setenv("LC_TIME", "C", 1);		/* LC_TIME beats LANG */
	T_EQ(ev_lang_from_env(), EV_LANG_EN);
	setenv("LC_TIME", "", 1);		/* empty: skipped */
	T_EQ(ev_lang_from_env(), EV_LANG_DE);
	setenv("LC_ALL", "POSIX", 1);		/* LC_ALL beats both */
	T_EQ(ev_lang_from_env(), EV_LANG_EN);
	setenv("LC_ALL", "de_CH.UTF-8", 1);
	setenv("LANG", "en_GB.UTF-8", 1);
	T_EQ(ev_lang_from_env(), EV_LANG_DE);
	setenv("LC_ALL", "fr_FR.UTF-8", 1);	/* neither: English */
	T_EQ(ev_lang_from_env(), EV_LANG_EN);
	unsetenv("LC_ALL");
	unsetenv("LC_TIME");
	unsetenv("LANG");
}

static void
test_names(void)
{
	T_STREQ(ev_weekday_name(EV_LANG_EN, 0, 0), "Monday");
	T_STREQ(ev_weekday_name(EV_LANG_EN, 0, 1), "Mon");
	T_STREQ(ev_weekday_name(EV_LANG_EN, 3, 1), "Thu");
	T_STREQ(ev_weekday_name(EV_LANG_EN, 6, 0), "Sunday");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 0, 0), "Montag");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 0, 1), "Mo");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 1, 1), "Di");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 2, 1), "Mi");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 3, 0), "Donnerstag");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 3, 1), "Do");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 4, 1), "Fr");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 5, 0), "Samstag");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 5, 1), "Sa");
	T_STREQ(ev_weekday_name(EV_LANG_DE, 6, 1), "So");
	T_OK(ev_weekday_name(EV_LANG_EN, 7, 0) == NULL);
	T_OK(ev_weekday_name(EV_LANG_DE, -1, 1) == NULL);

	T_STREQ(ev_month_name(EV_LANG_EN, 1, 0), "January");
	T_STREQ(ev_month_name(EV_LANG_EN, 1, 1), "Jan");
	T_STREQ(ev_month_name(EV_LANG_EN, 5, 1), "May");
	T_STREQ(ev_month_name(EV_LANG_EN, 12, 0), "December");
	T_STREQ(ev_month_name(EV_LANG_DE, 1, 0), "Januar");
	T_STREQ(ev_month_name(EV_LANG_DE, 3, 0), "M\xc3\xa4rz");
	T_STREQ(ev_month_name(EV_LANG_DE, 3, 1), "M\xc3\xa4r");
	T_STREQ(ev_month_name(EV_LANG_DE, 5, 0), "Mai");
	T_STREQ(ev_month_name(EV_LANG_DE, 10, 1), "Okt");
	T_STREQ(ev_month_name(EV_LANG_DE, 12, 0), "Dezember");
	T_STREQ(ev_month_name(EV_LANG_DE, 12, 1), "Dez");
	T_OK(ev_month_name(EV_LANG_EN, 0, 0) == NULL);
	T_OK(ev_month_name(EV_LANG_DE, 13, 1) == NULL);
}

static void
test_weekday_parse(void)
{
	T_EQ(ev_weekday_parse("monday"), 0);
	T_EQ(ev_weekday_parse("Mo"), 0);
	T_EQ(ev_weekday_parse("MONTAG"), 0);
	T_EQ(ev_weekday_parse("tue"), 1);
	T_EQ(ev_weekday_parse("Di"), 1);
	T_EQ(ev_weekday_parse("dienstag"), 1);
	T_EQ(ev_weekday_parse("wed"), 2);
	T_EQ(ev_weekday_parse("mi"), 2);
	T_EQ(ev_weekday_parse("Mittwoch"), 2);
	T_EQ(ev_weekday_parse("Thursday"), 3);
	T_EQ(ev_weekday_parse("thurs"), 3);
	T_EQ(ev_weekday_parse("do"), 3);
	T_EQ(ev_weekday_parse("Fri"), 4);
	T_EQ(ev_weekday_parse("freitag"), 4);
	T_EQ(ev_weekday_parse("sa"), 5);
	T_EQ(ev_weekday_parse("samstag"), 5);
	T_EQ(ev_weekday_parse("Sonnabend"), 5);
	T_EQ(ev_weekday_parse("sat"), 5);
	T_EQ(ev_weekday_parse("SATURDAY"), 5);
	T_EQ(ev_weekday_parse("so"), 6);
	T_EQ(ev_weekday_parse("Sonntag"), 6);
	T_EQ(ev_weekday_parse("sun"), 6);
	T_EQ(ev_weekday_parse("SU"), 6);		/* RFC 5545 BYDAY */
	T_EQ(ev_weekday_parse("Sa."), 5);		/* German abbreviation dot */
	T_EQ(ev_weekday_parse(" friday "), 4);
	T_EQ(ev_weekday_parse(""), -1);
	T_EQ(ev_weekday_parse("."), -1);
	T_EQ(ev_weekday_parse("s"), -1);
	T_EQ(ev_weekday_parse("satur"), -1);
	T_EQ(ev_weekday_parse("mondays"), -1);
	T_EQ(ev_weekday_parse("Sa.."), -1);
	T_EQ(ev_weekday_parse("morgen"), -1);
	T_EQ(ev_weekday_parse("samstagsamstagsamstagsamstagsamstag"), -1);
	T_EQ(ev_weekday_parse(NULL), -1);
}

static void
test_month_parse(void)
{
	T_EQ(ev_month_parse("January"), 1);
	T_EQ(ev_month_parse("jan"), 1);
	T_EQ(ev_month_parse("Januar"), 1);
	T_EQ(ev_month_parse("J\xc3\xa4nner"), 1);	/* Austrian */
	T_EQ(ev_month_parse("feb"), 2);
	T_EQ(ev_month_parse("Februar"), 2);
	T_EQ(ev_month_parse("March"), 3);
	T_EQ(ev_month_parse("mar"), 3);
	T_EQ(ev_month_parse("M\xc3\xa4rz"), 3);	/* März */
	T_EQ(ev_month_parse("M\xc3\x84RZ"), 3);	/* MÄRZ */
	T_EQ(ev_month_parse("maerz"), 3);
	T_EQ(ev_month_parse("M\xc3\xa4r"), 3);	/* Mär */
	T_EQ(ev_month_parse("Mrz"), 3);
	T_EQ(ev_month_parse("APRIL"), 4);
	T_EQ(ev_month_parse("may"), 5);
	T_EQ(ev_month_parse("Mai"), 5);
	T_EQ(ev_month_parse("juni"), 6);
	T_EQ(ev_month_parse("jul"), 7);
	T_EQ(ev_month_parse("August"), 8);
	T_EQ(ev_month_parse("sept"), 9);
	T_EQ(ev_month_parse("Okt."), 10);
	T_EQ(ev_month_parse("october"), 10);
	T_EQ(ev_month_parse("nov"), 11);
	T_EQ(ev_month_parse("Dez"), 12);
	T_EQ(ev_month_parse("dezember"), 12);
	T_EQ(ev_month_parse("December"), 12);
	T_EQ(ev_month_parse(""), -1);
	T_EQ(ev_month_parse("ma"), -1);
	T_EQ(ev_month_parse("12"), -1);
	T_EQ(ev_month_parse("M\xc3\xa9rz"), -1);	/* é is no umlaut */
	T_EQ(ev_month_parse("M\xc3"), -1);		/* cut UTF-8 */
	T_EQ(ev_month_parse("decembre"), -1);
}

static void
test_long_date(void)
{
	struct ev_buf b = { 0 };
	struct ev_tm tm = { 0 };

	tm.year = 2016; tm.mon = 12; tm.mday = 24;
	ev_fmt_long_date(EV_LANG_DE, &tm, &b);
	T_STREQ(b.p, "Samstag, 24. Dezember 2016");
	ev_buf_clear(&b);
	ev_fmt_long_date(EV_LANG_EN, &tm, &b);
	T_STREQ(b.p, "Saturday, 24 December 2016");
	ev_buf_clear(&b);
	tm.year = 2017; tm.mon = 3; tm.mday = 1;	/* a Wednesday */
	tm.wday = 0;			/* wrong on purpose: not trusted */
	ev_fmt_long_date(EV_LANG_DE, &tm, &b);
	T_STREQ(b.p, "Mittwoch, 1. M\xc3\xa4rz 2017");
	ev_buf_clear(&b);
	ev_fmt_long_date(EV_LANG_EN, &tm, &b);
	T_STREQ(b.p, "Wednesday, 1 March 2017");
	ev_buf_clear(&b);
	ev_buf_adds(&b, "> ");		/* it appends */
	tm.year = 2000; tm.mon = 2; tm.mday = 29;	/* a Tuesday */
	ev_fmt_long_date(EV_LANG_EN, &tm, &b);
	T_STREQ(b.p, "> Tuesday, 29 February 2000");
	ev_buf_free(&b);
}

/* Count the weeks holding a day and check the grid against its month. */
/* The day of the month in a grid cell, 0 for another month's day. */
static int
mday_of(int64_t day, int mon)
{
	int y, m, d;

	ev_civil_from_days(day, &y, &m, &d);
	return m == mon ? d : 0;
}

static void
test_grid(void)
{
	int64_t g[6][7];

	/* February 2016 began on a Monday and had 29 days. */
	T_EQ(ev_month_grid(2016, 2, 0, g), 5);
	T_EQ(mday_of(g[0][0], 2), 1); T_EQ(mday_of(g[0][6], 2), 7);
	T_EQ(mday_of(g[3][6], 2), 28); T_EQ(mday_of(g[4][0], 2), 29);
	T_EQ(mday_of(g[4][1], 2), 0);
	T_EQ(g[4][1], ev_days_from_civil(2016, 3, 1));
	/* February 2015 began on a Sunday: 1 alone in the first week,
	 * after Monday 26 January; the first of six with Sunday first. */
	T_EQ(ev_month_grid(2015, 2, 0, g), 5);
	T_EQ(g[0][0], ev_days_from_civil(2015, 1, 26));
	T_EQ(mday_of(g[0][6], 2), 1); T_EQ(mday_of(g[1][0], 2), 2);
	T_EQ(mday_of(g[4][5], 2), 28); T_EQ(mday_of(g[4][6], 2), 0);
	T_EQ(ev_month_grid(2015, 2, 1, g), 4);
	T_EQ(mday_of(g[0][0], 2), 1); T_EQ(mday_of(g[3][6], 2), 28);
	/* February 2021: Monday the 1st, 28 days, exactly four weeks. */
	T_EQ(ev_month_grid(2021, 2, 0, g), 4);
	T_EQ(mday_of(g[0][0], 2), 1); T_EQ(mday_of(g[3][6], 2), 28);
	/* August 2015 began on a Saturday: 31 days need six weeks. */
	T_EQ(ev_month_grid(2015, 8, 0, g), 6);
	T_EQ(mday_of(g[0][4], 8), 0); T_EQ(mday_of(g[0][5], 8), 1);
	T_EQ(mday_of(g[1][0], 8), 3); T_EQ(mday_of(g[5][0], 8), 31);
	T_EQ(mday_of(g[5][1], 8), 0);
	/* May 2016 began on a Sunday: six weeks Monday first. */
	T_EQ(ev_month_grid(2016, 5, 0, g), 6);
	T_EQ(mday_of(g[0][6], 5), 1); T_EQ(mday_of(g[5][1], 5), 31);
	T_EQ(ev_month_grid(2016, 5, 1, g), 5);
	T_EQ(mday_of(g[0][0], 5), 1);
	/* December 2016: Thursday the 1st, 28 November first. */
	T_EQ(ev_month_grid(2016, 12, 0, g), 5);
	T_EQ(g[0][0], ev_days_from_civil(2016, 11, 28));
	T_EQ(mday_of(g[3][5], 12), 24); T_EQ(mday_of(g[4][5], 12), 31);
	T_EQ(g[4][6], ev_days_from_civil(2017, 1, 1));
	/* A bad month has no weeks. */
	T_EQ(ev_month_grid(2016, 13, 0, g), 0);
}

static void
run(void)
{
	test_lang();
	test_lang_env();
	test_names();
	test_weekday_parse();
	test_month_parse();
	test_long_date();
	test_grid();
}
