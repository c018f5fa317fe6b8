/*
 * Unit tests: cal.c.  Weekdays and month layouts are those of real
 * calendars (1 December 2016 was a Thursday, 1 January 2016 a Friday);
 * Europe/Berlin changed to summer time on 27 March 2016, 02:00 CET, and
 * back on 30 October 2016, 03:00 CEST.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

static struct ev_ctx *ctx;
/* cal(1)'s layout: Monday first, the neighbouring days blank */
static const struct ev_cal_opts plain = { .noadjacent = 1 };

static struct ev_ctx *
mkctx(const char *tz, enum ev_lang lang)
{
	struct ev_ctx *c = ev_ctx_new();
	struct ev_err err;

	if (ev_ctx_set_tz(c, tz, &err) < 0 ||
	    ev_ctx_set_now(c, "2016-12-21T10:00:00+01:00", &err) < 0)
		fprintf(stderr, "mkctx: %s\n", err.msg);
	ev_ctx_set_lang(c, lang);
	return c;
}

/* An event from "NAME;PARAMS:VALUE" lines (no quoted parameters). */
static struct ev_event *
mkev(struct ev_ctx *c, const char *text)
{
	struct ev_event *ev = ev_event_new();
	struct ev_err err;
	unsigned long line = 2;

	ev->file = "t.ics";
	ev->line = 1;
	while (*text) {
		size_t len = strcspn(text, "\n"), n, v;
		char *l = ev_estrndup(text, len), *params = "";

		text += len + (text[len] == '\n');
		v = strcspn(l, ":");
		n = strcspn(l, ";:");
		l[v] = '\0';
		if (n < v) {
			l[n] = '\0';
			params = l + n + 1;
		}
		ev_event_addprop(ev, l, params, l + v + 1, 0, 0, line++);
		free(l);
	}
	if (ev_event_decode(c, ev, NULL, &err) < 0)
		fprintf(stderr, "mkev: %s\n", err.msg);
	return ev;
}

static void
add(struct ev_cal *cal, struct ev_ctx *c, const char *text)
{
	struct ev_event *ev = mkev(c, text);

	ev_cal_add(cal, ev);
	ev_event_free(ev);
}

/* The days of year-mon with events, as "22 23 24". */
static const char *
marked(const struct ev_cal *cal, int year, int mon)
{
	static char s[200];
	size_t n = 0;

	s[0] = '\0';
	for (int d = 1; d <= ev_days_in_month(year, mon); d++)
		if (ev_cal_count(cal, year, mon, d) > 0)
			n += (size_t)snprintf(s + n, sizeof(s) - n, "%s%d",
			    n ? " " : "", d);
	return s;
}

static void
test_new(void)
{
	struct ev_cal *cal;
	int64_t from, to;

	T_OK(ev_cal_new(ctx, 2016, 0, 1, &plain) == NULL);
	T_OK(ev_cal_new(ctx, 2016, 13, 1, &plain) == NULL);
	T_OK(ev_cal_new(ctx, 2016, 12, 0, &plain) == NULL);
	ev_cal_free(NULL);

	/* December 2016 in Berlin, its weeks: Monday 28 November to Sunday
	 * 1 January, 2016-11-27T23:00Z to 2017-01-01T23:00Z; the month
	 * itself 2016-11-30T23:00Z to 2016-12-31T23:00Z */
	cal = ev_cal_new(ctx, 2016, 12, 1, &plain);
	ev_cal_span(cal, &from, &to);
	T_EQ(from, ev_days_from_civil(2016, 11, 27) * 86400 + 23 * 3600);
	T_EQ(to, ev_days_from_civil(2017, 1, 1) * 86400 + 23 * 3600);
	ev_cal_months_span(cal, &from, &to);
	T_EQ(from, ev_days_from_civil(2016, 11, 30) * 86400 + 23 * 3600);
	T_EQ(to, ev_days_from_civil(2016, 12, 31) * 86400 + 23 * 3600);
	T_STREQ(marked(cal, 2016, 12), "");
	ev_cal_free(cal);

	/* July 2016 is summer time: its weeks from Monday 27 June,
	 * 2016-06-26T22:00Z, to Sunday 31 July; Sunday first, from 26 June
	 * to Saturday 6 August */
	cal = ev_cal_new(ctx, 2016, 7, 1, &plain);
	ev_cal_span(cal, &from, &to);
	T_EQ(from, ev_days_from_civil(2016, 6, 26) * 86400 + 22 * 3600);
	T_EQ(to, ev_days_from_civil(2016, 7, 31) * 86400 + 22 * 3600);
	ev_cal_free(cal);
	{
		struct ev_cal_opts sun = { .sunday = 1 };

		cal = ev_cal_new(ctx, 2016, 7, 1, &sun);
	}
	ev_cal_span(cal, &from, &to);
	T_EQ(from, ev_days_from_civil(2016, 6, 25) * 86400 + 22 * 3600);
	T_EQ(to, ev_days_from_civil(2016, 8, 6) * 86400 + 22 * 3600);
	ev_cal_free(cal);

	/* -3 over a year's end: to the end of Sunday 5 March 2017 */
	cal = ev_cal_new(ctx, 2016, 12, 3, &plain);
	ev_cal_span(cal, &from, &to);
	T_EQ(to, ev_days_from_civil(2017, 3, 5) * 86400 + 23 * 3600);
	ev_cal_free(cal);
}

static void
test_marks(void)
{
	struct ev_cal *cal = ev_cal_new(ctx, 2016, 11, 3, &plain);

	/* all day, 24 Nov to 30 Dec: the DATE end is exclusive */
	add(cal, ctx, "DTSTART;VALUE=DATE:20161124\nDTEND;VALUE=DATE:20161231");
	T_STREQ(marked(cal, 2016, 11), "24 25 26 27 28 29 30");
	T_STREQ(marked(cal, 2016, 12), "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 "
	    "16 17 18 19 20 21 22 23 24 25 26 27 28 29 30");
	T_EQ(ev_cal_count(cal, 2016, 12, 31), 0);
	ev_cal_free(cal);

	cal = ev_cal_new(ctx, 2016, 12, 2, &plain);
	/* an all-day event of one day, without DTEND */
	add(cal, ctx, "DTSTART;VALUE=DATE:20161206");
	T_STREQ(marked(cal, 2016, 12), "6");
	/* across midnight into the new year */
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161231T210000\n"
	    "DTEND;TZID=Europe/Berlin:20170101T020000");
	T_STREQ(marked(cal, 2016, 12), "6 31");
	T_STREQ(marked(cal, 2017, 1), "1");
	/* ending at midnight: not the next day */
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161210T200000\n"
	    "DTEND;TZID=Europe/Berlin:20161211T000000");
	T_STREQ(marked(cal, 2016, 12), "6 10 31");
	/* midnight UTC is 01:00 in Berlin: the next day it is */
	add(cal, ctx, "DTSTART:20161212T200000Z\nDTEND:20161213T000000Z");
	T_STREQ(marked(cal, 2016, 12), "6 10 12 13 31");
	/* 23:30Z on the 14th is 00:30 on the 15th in Berlin */
	add(cal, ctx, "DTSTART:20161214T233000Z");
	T_STREQ(marked(cal, 2016, 12), "6 10 12 13 15 31");
	/* DURATION instead of DTEND, across midnight */
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20170106T230000\n"
	    "DURATION:PT2H");
	T_STREQ(marked(cal, 2017, 1), "1 6 7");
	/* counts add up */
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161231T100000\n"
	    "DTEND;TZID=Europe/Berlin:20161231T110000");
	T_EQ(ev_cal_count(cal, 2016, 12, 31), 2);
	T_EQ(ev_cal_count(cal, 2017, 1, 1), 1);
	T_EQ(ev_cal_count(cal, 2016, 12, 6), 1);
	/* out of range asks */
	T_EQ(ev_cal_count(cal, 2016, 12, 32), 0);
	T_EQ(ev_cal_count(cal, 2016, 13, 1), 0);
	T_EQ(ev_cal_count(cal, 2016, 12, 0), 0);
	ev_cal_free(cal);
}

static void
test_floating(void)
{
	struct ev_ctx *ny = mkctx("America/New_York", EV_LANG_EN);
	struct ev_cal *cal = ev_cal_new(ny, 2016, 12, 1, &plain);

	/* floating: its own wall date in any zone */
	add(cal, ny, "DTSTART:20161224T020000");
	T_STREQ(marked(cal, 2016, 12), "24");
	add(cal, ny, "DTSTART:20161215T233000\nDTEND:20161216T003000");
	T_STREQ(marked(cal, 2016, 12), "15 16 24");
	/* 02:00 in Berlin is 20:00 the day before in New York */
	add(cal, ny, "DTSTART;TZID=Europe/Berlin:20161208T020000\n"
	    "DTEND;TZID=Europe/Berlin:20161208T030000");
	T_STREQ(marked(cal, 2016, 12), "7 15 16 24");
	/* an all-day DATE is that date in every zone */
	add(cal, ny, "DTSTART;VALUE=DATE:20161203\nDTEND;VALUE=DATE:20161205");
	T_STREQ(marked(cal, 2016, 12), "3 4 7 15 16 24");
	ev_cal_free(cal);
	ev_ctx_free(ny);
}

static void
test_dst(void)
{
	struct ev_cal *cal = ev_cal_new(ctx, 2016, 3, 8, &plain);

	/* 27 March 2016 has 23 hours: midnight to midnight is one day */
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20160327T000000\n"
	    "DTEND;TZID=Europe/Berlin:20160328T000000");
	T_STREQ(marked(cal, 2016, 3), "27");
	/* 30 October 2016 has 25 hours */
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161030T000000\n"
	    "DTEND;TZID=Europe/Berlin:20161031T000000");
	T_STREQ(marked(cal, 2016, 10), "30");
	/* in UTC: 29 Oct 22:00Z (midnight CEST) to 30 Oct 23:00Z (midnight CET) */
	add(cal, ctx, "DTSTART:20161028T220000Z\nDTEND:20161029T220000Z");
	T_STREQ(marked(cal, 2016, 10), "29 30");
	/* 26 March 23:00Z is 01:00 CET on the 27th; 27 March 22:00Z is
	 * midnight CEST: only the 27th */
	add(cal, ctx, "DTSTART:20160326T230000Z\nDTEND:20160327T220000Z");
	T_EQ(ev_cal_count(cal, 2016, 3, 27), 2);
	T_STREQ(marked(cal, 2016, 3), "27");
	ev_cal_free(cal);
}

static void
test_outside(void)
{
	struct ev_cal *cal = ev_cal_new(ctx, 2016, 12, 1, &plain);

	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161115T100000");
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20170101T000000");
	add(cal, ctx, "DTSTART;VALUE=DATE:20161201\nDTEND;VALUE=DATE:20161201");
	/* 15 November is not shown; 1 January is, in the last week */
	T_EQ(ev_cal_count(cal, 2016, 11, 15), 0);
	T_EQ(ev_cal_count(cal, 2017, 1, 1), 1);
	/* a zero-length all-day event still counts on its day */
	T_STREQ(marked(cal, 2016, 12), "1");
	/* 30 Nov 23:30Z is 1 Dec in Berlin; 31 Dec 23:30Z is 1 Jan */
	add(cal, ctx, "DTSTART:20161130T233000Z");
	add(cal, ctx, "DTSTART:20161231T233000Z");
	T_EQ(ev_cal_count(cal, 2016, 12, 1), 2);
	T_EQ(ev_cal_count(cal, 2016, 12, 31), 0);
	/* begun in November, ending 3 Dec: only the days shown */
	add(cal, ctx, "DTSTART;VALUE=DATE:20161120\nDTEND;VALUE=DATE:20161203");
	T_STREQ(marked(cal, 2016, 12), "1 2");
	/* longer than the span on both sides */
	add(cal, ctx, "DTSTART;VALUE=DATE:20160101\nDTEND;VALUE=DATE:20180101");
	T_EQ(ev_cal_count(cal, 2016, 12, 31), 1);
	T_EQ(ev_cal_count(cal, 2016, 12, 1), 4);
	ev_cal_free(cal);
}

/* December 2016, as `cal` and python's calendar.month(2016, 12) lay it out */
static const char dec_de[] =
    "   Dezember 2016\n"
    "Mo Di Mi Do Fr Sa So\n"
    "          1  2  3  4\n"
    " 5  6  7  8  9 10 11\n"
    "12 13 14 15 16 17 18\n"
    "19 20 21 22*23*24*25\n"
    "26 27 28 29 30 31*\n"
    "\n"
    "* Tage mit Veranstaltungen\n";

static void
test_text(void)
{
	struct ev_ctx *en = mkctx("Europe/Berlin", EV_LANG_EN);
	struct ev_cal *cal = ev_cal_new(ctx, 2016, 12, 1, &plain);
	struct ev_buf b = {0};

	ev_cal_text(cal, 0, &b);
	T_STREQ(b.p, "   Dezember 2016\n"
	    "Mo Di Mi Do Fr Sa So\n"
	    "          1  2  3  4\n"
	    " 5  6  7  8  9 10 11\n"
	    "12 13 14 15 16 17 18\n"
	    "19 20 21 22 23 24 25\n"
	    "26 27 28 29 30 31\n");
	add(cal, ctx, "DTSTART;VALUE=DATE:20161222\nDTEND;VALUE=DATE:20161225");
	add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161231T210000");
	ev_buf_clear(&b);
	ev_cal_text(cal, 0, &b);
	T_STREQ(b.p, dec_de);

	/* colour: bold event days, today (the 21st) in reverse video */
	ev_buf_clear(&b);
	ev_cal_text(cal, 1, &b);
	T_OK(strstr(b.p, "\n19 20 \033[7m21\033[0m \033[1m22\033[0m*"
	    "\033[1m23\033[0m*\033[1m24\033[0m*25\n") != NULL);
	T_OK(strstr(b.p, "\n26 27 28 29 30 \033[1m31\033[0m*\n") != NULL);
	ev_cal_free(cal);

	/* English, and a Sunday with events: 21 columns then */
	cal = ev_cal_new(en, 2016, 12, 1, &plain);
	add(cal, en, "DTSTART;VALUE=DATE:20161225");
	add(cal, en, "DTSTART;VALUE=DATE:20161221");
	ev_buf_clear(&b);
	ev_cal_text(cal, 1, &b);
	T_OK(strstr(b.p, "\n19 20 \033[1;7m21\033[0m*22 23 24 "
	    "\033[1m25\033[0m*\n") != NULL);
	ev_buf_clear(&b);
	ev_cal_text(cal, 0, &b);
	T_STREQ(b.p, "   December 2016\n"
	    "Mo Tu We Th Fr Sa Su\n"
	    "          1  2  3  4\n"
	    " 5  6  7  8  9 10 11\n"
	    "12 13 14 15 16 17 18\n"
	    "19 20 21*22 23 24 25*\n"
	    "26 27 28 29 30 31\n"
	    "\n"
	    "* days with events\n");
	ev_cal_free(cal);

	/* February 2010: four weeks; March 2016: a centred umlaut */
	cal = ev_cal_new(ctx, 2010, 2, 1, &plain);
	ev_buf_clear(&b);
	ev_cal_text(cal, 0, &b);
	T_STREQ(b.p, "    Februar 2010\n"
	    "Mo Di Mi Do Fr Sa So\n"
	    " 1  2  3  4  5  6  7\n"
	    " 8  9 10 11 12 13 14\n"
	    "15 16 17 18 19 20 21\n"
	    "22 23 24 25 26 27 28\n");
	ev_cal_free(cal);
	cal = ev_cal_new(ctx, 2016, 5, 1, &plain);
	ev_buf_clear(&b);
	ev_cal_text(cal, 0, &b);
	T_STREQ(b.p, "      Mai 2016\n"
	    "Mo Di Mi Do Fr Sa So\n"
	    "                   1\n"
	    " 2  3  4  5  6  7  8\n"
	    " 9 10 11 12 13 14 15\n"
	    "16 17 18 19 20 21 22\n"
	    "23 24 25 26 27 28 29\n"
	    "30 31\n");
	ev_cal_free(cal);
	ev_buf_free(&b);
	ev_ctx_free(en);
}

static const char year2016[] =
    "                              2016\n"
    "\n"
    "       Januar               Februar                 M\xc3\xa4rz\n"
    "Mo Di Mi Do Fr Sa So  Mo Di Mi Do Fr Sa So  Mo Di Mi Do Fr Sa So\n"
    "             1  2  3   1  2  3  4  5  6  7      1  2  3  4  5  6\n";
#define OCT_DEC "      Oktober               November              Dezember"

static void
test_text_multi(void)
{
	struct ev_cal *cal = ev_cal_new(ctx, 2016, 11, 3, &plain);
	struct ev_buf b = {0};

	add(cal, ctx, "DTSTART;VALUE=DATE:20170101");
	ev_cal_text(cal, 0, &b);
	T_STREQ(b.p,
	    "   November 2016         Dezember 2016          Januar 2017\n"
	    "Mo Di Mi Do Fr Sa So  Mo Di Mi Do Fr Sa So  Mo Di Mi Do Fr Sa So\n"
	    "    1  2  3  4  5  6            1  2  3  4                     1*\n"
	    " 7  8  9 10 11 12 13   5  6  7  8  9 10 11   2  3  4  5  6  7  8\n"
	    "14 15 16 17 18 19 20  12 13 14 15 16 17 18   9 10 11 12 13 14 15\n"
	    "21 22 23 24 25 26 27  19 20 21 22 23 24 25  16 17 18 19 20 21 22\n"
	    "28 29 30              26 27 28 29 30 31     23 24 25 26 27 28 29\n"
	    "                                            30 31\n"
	    "\n"
	    "* Tage mit Veranstaltungen\n");
	ev_cal_free(cal);

	/* the year: centred over 64 columns, months without the year */
	cal = ev_cal_new(ctx, 2016, 1, 12, &plain);
	ev_buf_clear(&b);
	ev_cal_text(cal, 0, &b);
	T_OK(strncmp(b.p, year2016, strlen(year2016)) == 0);
	/* bands as long as their longest month: Apr-Jun and Oct-Dec 2016
	 * span six weeks (May, October), the others five */
	{
		int lines = 0;

		for (const char *p = b.p; *p; p++)
			lines += *p == '\n';
		T_EQ(lines, 2 + 7 + 1 + 8 + 1 + 7 + 1 + 8);
	}
	T_OK(strstr(b.p, "\n" OCT_DEC "\n") != NULL);
	T_OK(strstr(b.p, "Tage mit") == NULL);
	ev_cal_free(cal);
	ev_buf_free(&b);
}

static void
test_html(void)
{
	struct ev_ctx *en = mkctx("Europe/Berlin", EV_LANG_EN);
	struct ev_cal *cal = ev_cal_new(ctx, 2016, 12, 1, &plain);
	struct ev_buf b = {0};

	for (int i = 0; i < 3; i++)
		add(cal, ctx, "DTSTART;TZID=Europe/Berlin:20161224T180000");
	add(cal, ctx, "DTSTART;VALUE=DATE:20161201");
	add(cal, ctx, "DTSTART;VALUE=DATE:20161221");
	ev_cal_html(cal, &b);
	T_OK(strncmp(b.p, "<table class=\"ev-cal\" lang=\"de\">\n"
	    "<caption>Dezember 2016</caption>\n<thead>\n<tr>"
	    "<th scope=\"col\"><abbr title=\"Montag\">Mo</abbr></th>"
	    "<th scope=\"col\"><abbr title=\"Dienstag\">Di</abbr></th>", 180)
	    == 0);
	/* the neighbouring days are cells with data, blank by plain */
	T_OK(strstr(b.p, "<th scope=\"col\"><abbr title=\"Sonntag\">So</abbr>"
	    "</th></tr>\n</thead>\n<tbody>\n<tr><td class=\"adjacent\"></td>"
	    "<td class=\"adjacent\"></td><td class=\"adjacent\"></td>"
	    "<td class=\"has-events\" data-date=\"2016-12-01\" data-count=\"1\""
	    " title=\"Donnerstag, 1. Dezember 2016: 1 Veranstaltung\"><time "
	    "datetime=\"2016-12-01\">1</time></td><td data-date=\"2016-12-02\""
	    " data-count=\"0\"><time datetime=\"2016-12-02\">2</time></td>")
	    != NULL);
	T_OK(strstr(b.p, "<td class=\"weekend has-events\" data-date=\"2016-12-24"
	    "\" data-count=\"3\" title=\"Samstag, 24. Dezember 2016: 3 "
	    "Veranstaltungen\"><time datetime=\"2016-12-24\">24</time></td>")
	    != NULL);
	T_OK(strstr(b.p, "<td class=\"today has-events\" data-date=\"2016-12-21"
	    "\" data-count=\"1\" aria-current=\"date\" title=\"Mittwoch, 21. "
	    "Dezember 2016: 1 Veranstaltung\"><time datetime=\"2016-12-21\">21"
	    "</time></td>") != NULL);
	T_OK(strstr(b.p, "<td class=\"weekend\" data-date=\"2016-12-31\" "
	    "data-count=\"0\"><time datetime=\"2016-12-31\">31</time></td>"
	    "<td class=\"adjacent\"></td></tr>\n</tbody>\n</table>\n") != NULL);
	/* five weeks: five rows */
	{
		int rows = 0;

		for (const char *p = b.p; (p = strstr(p, "<tr>")) != NULL; p++)
			rows++;
		T_EQ(rows, 1 + 5);
	}
	ev_cal_free(cal);

	cal = ev_cal_new(en, 2016, 12, 1, &plain);
	add(cal, en, "DTSTART;VALUE=DATE:20161224");
	add(cal, en, "DTSTART;VALUE=DATE:20161224");
	ev_buf_clear(&b);
	ev_cal_html(cal, &b);
	T_OK(strstr(b.p, "<table class=\"ev-cal\" lang=\"en\">\n"
	    "<caption>December 2016</caption>") != NULL);
	T_OK(strstr(b.p, "<abbr title=\"Thursday\">Th</abbr>") != NULL);
	T_OK(strstr(b.p, "title=\"Saturday, 24 December 2016: 2 events\"")
	    != NULL);
	T_OK(strstr(b.p, "<td class=\"today\" data-date=\"2016-12-21\" "
	    "data-count=\"0\" aria-current=\"date\"><time datetime=\"2016-12-21"
	    "\">21</time></td>") != NULL);
	ev_cal_free(cal);

	/* several months: one table each inside a div */
	cal = ev_cal_new(ctx, 2016, 1, 12, &plain);
	ev_buf_clear(&b);
	ev_cal_html(cal, &b);
	T_OK(strncmp(b.p, "<div class=\"ev-cal-year\">\n<table class=\"ev-cal\""
	    " lang=\"de\">\n<caption>Januar 2016</caption>", 80) == 0);
	T_OK(strstr(b.p, "<caption>M\xc3\xa4rz 2016</caption>") != NULL);
	T_OK(strcmp(b.p + b.len - 16, "</table>\n</div>\n") == 0);
	ev_cal_free(cal);
	cal = ev_cal_new(ctx, 2016, 11, 3, &plain);
	ev_buf_clear(&b);
	ev_cal_html(cal, &b);
	T_OK(strncmp(b.p, "<div class=\"ev-cal-months\">\n", 28) == 0);
	T_OK(strstr(b.p, "<caption>Januar 2017</caption>") != NULL);
	ev_cal_free(cal);

	/* every special character escaped, the rest untouched */
	ev_buf_clear(&b);
	ev_html_escape("a&b<c>d\"e'f M\xc3\xa4rz", &b);
	T_STREQ(b.p, "a&amp;b&lt;c&gt;d&quot;e&#39;f M\xc3\xa4rz");
	ev_buf_clear(&b);
	ev_html_escape("", &b);
	T_STREQ(b.p, "");
	ev_buf_free(&b);
	ev_ctx_free(en);
}

static void
run(void)
{
	ctx = mkctx("Europe/Berlin", EV_LANG_DE);
	test_new();
	test_marks();
	test_floating();
	test_dst();
	test_outside();
	test_text();
	test_text_multi();
	test_html();
	ev_ctx_free(ctx);
}
