/*
 * Unit tests: recur.c.  The expected dates of the RRULE table are the
 * ones RFC 5545 3.8.5.3 lists for its examples (America/New_York, 09:00
 * local unless a time is given); the rest come from real calendars.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evkit_priv.h"
#include "t.h"

static struct ev_ctx *ctx;
static struct ev_event *occ[20000];
static size_t nocc;
static int nwarn;
static char lastwarn[1024];
static char got[65536];

/* "YYYYMMDD" or "YYYYMMDDTHHMMSS" as a UTC instant. */
static int64_t
U(const char *s)
{
	int y, m, d, hh = 0, mm = 0, ss = 0;

	sscanf(s, "%4d%2d%2d", &y, &m, &d);
	if (strlen(s) >= 15)
		sscanf(s + 9, "%2d%2d%2d", &hh, &mm, &ss);
	return ev_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
}

/* An event from "NAME;PARAMS:VALUE" lines. */
static struct ev_event *
mkev(const char *text)
{
	struct ev_event *ev = ev_event_new();
	struct ev_err err;
	unsigned long line = 10;
	const char *p = text;

	ev->file = "t.ics";
	ev->line = 9;
	while (*p) {
		size_t len = strcspn(p, "\n"), n, pe;
		char *l = ev_estrndup(p, len), *params = "", *value;
		int q = 0;

		p += len + (p[len] == '\n');
		n = strcspn(l, ";:");
		value = l + n;
		if (l[n] == ';') {
			l[n] = '\0';
			params = l + n + 1;
			for (pe = 0; params[pe] && (q || params[pe] != ':'); pe++)
				if (params[pe] == '"')
					q = !q;
			params[pe] = '\0';
			value = params + pe + 1;
		} else {
			l[n] = '\0';
			value++;
		}
		ev_event_addprop(ev, l, params, value, 0, 0, line++);
		free(l);
	}
	if (ev_event_decode(ctx, ev, NULL, &err) < 0)
		fprintf(stderr, "mkev: %s\n", err.msg);
	return ev;
}

static void
clear(void)
{
	for (size_t i = 0; i < nocc; i++)
		ev_event_free(occ[i]);
	nocc = 0;
	nwarn = 0;
	lastwarn[0] = '\0';
}

/* Expand the events (a NULL-terminated list of texts) over [from, to). */
static void
expand(const char *from, const char *to, unsigned cap, ...)
{
	struct ev_expand *x;
	struct ev_event *ev;
	struct ev_err err;
	const char *text;
	va_list ap;
	int rc;

	clear();
	x = ev_expand_new(ctx, U(from), U(to), cap);
	va_start(ap, cap);
	while ((text = va_arg(ap, const char *)) != NULL)
		ev_expand_add(x, mkev(text));
	va_end(ap);
	while ((rc = ev_expand_next(x, &ev, &err)) != 0) {
		if (rc < 0) {
			nwarn++;
			snprintf(lastwarn, sizeof(lastwarn), "%s", err.msg);
			continue;
		}
		if (nocc < sizeof(occ) / sizeof(occ[0]))
			occ[nocc++] = ev;
		else
			ev_event_free(ev);
	}
	ev_expand_free(x);
}

/* Property NAME of every occurrence, joined by spaces. */
static const char *
props(const char *name)
{
	size_t n = 0;

	got[0] = '\0';
	for (size_t i = 0; i < nocc && n < sizeof(got) - 32; i++) {
		const char *v = ev_event_prop(occ[i], name);

		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s",
		    i ? " " : "", v ? v : "-");
	}
	return got;
}

static const char *
starts(void)
{
	return props("DTSTART");
}

/*
 * The RFC's way of listing dates: "19970902..19970911" (every day),
 * "19970902..19970930/2" (every other day), "19970902", each with time
 * tod unless it names its own ("19970902T120000").
 */
static char want[65536];

static const char *
spec(const char *s, const char *tod)
{
	size_t n = 0;

	want[0] = '\0';
	while (*s) {
		char tok[64], a[16] = "", b[16] = "", t[8] = "";
		int step = 1;
		size_t len;
		int64_t d0, d1;

		while (*s == ' ')
			s++;
		len = strcspn(s, " ");
		if (len == 0)
			break;
		snprintf(tok, sizeof(tok), "%.*s", (int)len, s);
		s += len;
		sscanf(tok, "%8[0-9]", a);
		if (strchr(tok, 'T'))
			snprintf(t, sizeof(t), "%.6s", strchr(tok, 'T') + 1);
		else
			snprintf(t, sizeof(t), "%s", tod);
		if (strstr(tok, ".."))
			sscanf(strstr(tok, "..") + 2, "%8[0-9]", b);
		else
			snprintf(b, sizeof(b), "%s", a);
		if (strchr(tok, '/'))
			step = atoi(strchr(tok, '/') + 1);
		d0 = U(a) / 86400;
		d1 = U(b) / 86400;
		for (int64_t d = d0; d <= d1; d += step) {
			int y, m, dd;

			ev_civil_from_days(d, &y, &m, &dd);
			n += (size_t)snprintf(want + n, sizeof(want) - n,
			    "%s%04d%02d%02dT%s", n ? " " : "", y, m, dd, t);
		}
	}
	return want;
}

static void
set_tz(const char *name)
{
	struct ev_err err;

	if (ev_ctx_set_tz(ctx, name, &err) < 0)
		fprintf(stderr, "%s\n", err.msg);
}

/* ---- RFC 5545 3.8.5.3 and 3.3.10 ------------------------------------------ */

static const struct rfc {
	const char *start;	/* America/New_York wall clock */
	const char *rule;	/* RRULE value, or a whole line with ':' */
	const char *from, *to;	/* the window, UTC */
	const char *want;
} rfc[] = {
	/* Daily for 10 occurrences */
	{ "19970902T090000", "FREQ=DAILY;COUNT=10", "19970101", "20000101",
	  "19970902..19970911" },
	/* Daily until December 24, 1997 */
	{ "19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z", "19970101",
	  "20000101", "19970902..19970930 19971001..19971025 "
	  "19971026..19971031 19971101..19971130 19971201..19971223" },
	/* Every other day - forever */
	{ "19970902T090000", "FREQ=DAILY;INTERVAL=2", "19970101", "19971204",
	  "19970902..19970930/2 19971002..19971024/2 19971026..19971030/2 "
	  "19971101..19971129/2 19971201 19971203" },
	/* Every 10 days, 5 occurrences */
	{ "19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5", "19970101",
	  "20000101", "19970902 19970912 19970922 19971002 19971012" },
	/* Every day in January, for 3 years (both rules) */
	{ "19980101T090000", "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;"
	  "BYDAY=SU,MO,TU,WE,TH,FR,SA", "19970101", "20050101",
	  "19980101..19980131 19990101..19990131 20000101..20000131" },
	{ "19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
	  "19970101", "20050101",
	  "19980101..19980131 19990101..19990131 20000101..20000131" },
	/* Weekly for 10 occurrences */
	{ "19970902T090000", "FREQ=WEEKLY;COUNT=10", "19970101", "20000101",
	  "19970902 19970909 19970916 19970923 19970930 19971007 19971014 "
	  "19971021 19971028 19971104" },
	/* Weekly until December 24, 1997 */
	{ "19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z", "19970101",
	  "20000101", "19970902 19970909 19970916 19970923 19970930 "
	  "19971007 19971014 19971021 19971028 19971104 19971111 19971118 "
	  "19971125 19971202 19971209 19971216 19971223" },
	/* Every other week - forever */
	{ "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", "19970101",
	  "19980218", "19970902 19970916 19970930 19971014 19971028 "
	  "19971111 19971125 19971209 19971223 19980106 19980120 19980203 "
	  "19980217" },
	/* Weekly on Tuesday and Thursday for five weeks (both rules) */
	{ "19970902T090000", "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;"
	  "BYDAY=TU,TH", "19970101", "20000101",
	  "19970902 19970904 19970909 19970911 19970916 19970918 19970923 "
	  "19970925 19970930 19971002" },
	{ "19970902T090000", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
	  "19970101", "20000101",
	  "19970902 19970904 19970909 19970911 19970916 19970918 19970923 "
	  "19970925 19970930 19971002" },
	/* Every other week on Monday, Wednesday, and Friday until Dec 24 */
	{ "19970901T090000", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;"
	  "WKST=SU;BYDAY=MO,WE,FR", "19970101", "20000101",
	  "19970901 19970903 19970905 19970915 19970917 19970919 19970929 "
	  "19971001 19971003 19971013 19971015 19971017 19971027 19971029 "
	  "19971031 19971110 19971112 19971114 19971124 19971126 19971128 "
	  "19971208 19971210 19971212 19971222" },
	/* Every other week on Tuesday and Thursday, for 8 occurrences */
	{ "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;"
	  "BYDAY=TU,TH", "19970101", "20000101",
	  "19970902 19970904 19970916 19970918 19970930 19971002 19971014 "
	  "19971016" },
	/* Monthly on the first Friday for 10 occurrences */
	{ "19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "19970101",
	  "20000101", "19970905 19971003 19971107 19971205 19980102 "
	  "19980206 19980306 19980403 19980501 19980605" },
	/* Monthly on the first Friday until December 24, 1997 */
	{ "19970905T090000", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
	  "19970101", "20000101", "19970905 19971003 19971107 19971205" },
	/* Every other month on the first and last Sunday, 10 occurrences */
	{ "19970907T090000", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
	  "19970101", "20000101", "19970907 19970928 19971102 19971130 "
	  "19980104 19980125 19980301 19980329 19980503 19980531" },
	/* Monthly on the second-to-last Monday of the month for 6 months */
	{ "19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "19970101",
	  "20000101", "19970922 19971020 19971117 19971222 19980119 "
	  "19980216" },
	/* Monthly on the third-to-the-last day of the month, forever */
	{ "19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3", "19970101",
	  "19980301", "19970928 19971029 19971128 19971229 19980129 "
	  "19980226" },
	/* Monthly on the 2nd and 15th of the month for 10 occurrences */
	{ "19970902T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
	  "19970101", "20000101", "19970902 19970915 19971002 19971015 "
	  "19971102 19971115 19971202 19971215 19980102 19980115" },
	/* Monthly on the first and last day of the month, 10 occurrences */
	{ "19970930T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
	  "19970101", "20000101", "19970930 19971001 19971031 19971101 "
	  "19971130 19971201 19971231 19980101 19980131 19980201" },
	/* Every 18 months on the 10th thru 15th, 10 occurrences */
	{ "19970910T090000", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;"
	  "BYMONTHDAY=10,11,12,13,14,15", "19970101", "20050101",
	  "19970910..19970915 19990310..19990313" },
	/* Every Tuesday, every other month */
	{ "19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "19970101",
	  "19980401", "19970902..19970930/7 19971104..19971125/7 "
	  "19980106..19980127/7 19980303..19980331/7" },
	/* Yearly in June and July for 10 occurrences */
	{ "19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "19970101",
	  "20100101", "19970610 19970710 19980610 19980710 19990610 "
	  "19990710 20000610 20000710 20010610 20010710" },
	/* Every other year on January, February, and March, 10 times */
	{ "19970310T090000", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
	  "19970101", "20100101", "19970310 19990110 19990210 19990310 "
	  "20010110 20010210 20010310 20030110 20030210 20030310" },
	/* Every third year on the 1st, 100th, and 200th day, 10 times */
	{ "19970101T090000", "FREQ=YEARLY;INTERVAL=3;COUNT=10;"
	  "BYYEARDAY=1,100,200", "19970101", "20100101",
	  "19970101 19970410 19970719 20000101 20000409 20000718 20030101 "
	  "20030410 20030719 20060101" },
	/* Every 20th Monday of the year, forever */
	{ "19970519T090000", "FREQ=YEARLY;BYDAY=20MO", "19970101", "20000101",
	  "19970519 19980518 19990517" },
	/* Monday of week number 20, forever */
	{ "19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "19970101",
	  "20000101", "19970512 19980511 19990517" },
	/* Every Thursday in March, forever */
	{ "19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "19970101",
	  "20000101", "19970313 19970320 19970327 19980305 19980312 "
	  "19980319 19980326 19990304 19990311 19990318 19990325" },
	/* Every Thursday, but only during June, July, and August */
	{ "19970605T090000", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "19970101",
	  "20000101", "19970605..19970626/7 19970703..19970731/7 "
	  "19970807..19970828/7 19980604..19980625/7 19980702..19980730/7 "
	  "19980806..19980827/7 19990603..19990624/7 19990701..19990729/7 "
	  "19990805..19990826/7" },
	/* Every Friday the 13th, forever (DTSTART excluded by EXDATE) */
	{ "19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13\n"
	  "EXDATE;TZID=America/New_York:19970902T090000", "19970101",
	  "20010101", "19980213 19980313 19981113 19990813 20001013" },
	/* The first Saturday that follows the first Sunday of the month */
	{ "19970913T090000", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,"
	  "12,13", "19970101", "19980701", "19970913 19971011 19971108 "
	  "19971213 19980110 19980207 19980307 19980411 19980509 19980613" },
	/* U.S. Presidential Election day */
	{ "19961105T090000", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;"
	  "BYMONTHDAY=2,3,4,5,6,7,8", "19960101", "20050101",
	  "19961105 20001107 20041102" },
	/* The third instance of Tuesday, Wednesday or Thursday, 3 months */
	{ "19970904T090000", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
	  "19970101", "20000101", "19970904 19971007 19971106" },
	/* The second-to-last weekday of the month */
	{ "19970929T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
	  "19970101", "19980401", "19970929 19971030 19971127 19971230 "
	  "19980129 19980226 19980330" },
	/*
	 * Every 3 hours from 9:00 AM to 5:00 PM on a specific day.  The
	 * RFC lists 09:00, 12:00, 15:00 with UNTIL=19970902T170000Z, but
	 * 17:00Z is 13:00 EDT: by the RFC's own UNTIL rule ("bounds the
	 * recurrence rule in an inclusive manner") 15:00 EDT is past it.
	 * The example's intent (until 5 PM local) is 21:00Z; both tested.
	 */
	{ "19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z",
	  "19970101", "20000101",
	  "19970902T090000 19970902T120000 19970902T150000" },
	{ "19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
	  "19970101", "20000101", "19970902T090000 19970902T120000" },
	/* Every 15 minutes for 6 occurrences */
	{ "19970902T090000", "FREQ=MINUTELY;INTERVAL=15;COUNT=6", "19970101",
	  "20000101", "19970902T090000 19970902T091500 19970902T093000 "
	  "19970902T094500 19970902T100000 19970902T101500" },
	/* Every hour and a half for 4 occurrences */
	{ "19970902T090000", "FREQ=MINUTELY;INTERVAL=90;COUNT=4", "19970101",
	  "20000101", "19970902T090000 19970902T103000 19970902T120000 "
	  "19970902T133000" },
	/* WKST makes a difference */
	{ "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;"
	  "WKST=MO", "19970101", "20000101",
	  "19970805 19970810 19970819 19970824" },
	{ "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;"
	  "WKST=SU", "19970101", "20000101",
	  "19970805 19970817 19970819 19970831" },
	/* An invalid date (February 30) is ignored */
	{ "20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
	  "20070101", "20100101", "20070115 20070130 20070215 20070315 "
	  "20070330" },
	/* 3.3.10: every other day, 10 occurrences */
	{ "19970902T090000", "FREQ=DAILY;COUNT=10;INTERVAL=2", "19970101",
	  "20000101", "19970902..19970920/2" },
	/* 3.3.10: every Sunday in January at 8:30 and 9:30, every other
	 * year (the Sundays of January 1997 and 1999) */
	{ "19970105T083000", "FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYDAY=SU;"
	  "BYHOUR=8,9;BYMINUTE=30", "19970101", "20010101",
	  "19970105T083000 19970105T093000 19970112T083000 19970112T093000 "
	  "19970119T083000 19970119T093000 19970126T083000 19970126T093000 "
	  "19990103T083000 19990103T093000 19990110T083000 19990110T093000 "
	  "19990117T083000 19990117T093000 19990124T083000 19990124T093000 "
	  "19990131T083000 19990131T093000" },
};

static void
test_rfc(void)
{
	char ev[512];

	set_tz("America/New_York");
	for (size_t i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		const struct rfc *r = &rfc[i];
		int ok;

		snprintf(ev, sizeof(ev), "UID:rfc%zu\nSUMMARY:RFC\n"
		    "DTSTART;TZID=America/New_York:%s\nRRULE:%s", i, r->start,
		    r->rule);
		expand(r->from, r->to, 1000, ev, (const char *)NULL);
		ok = strcmp(starts(), spec(r->want, r->start + 9)) == 0;
		T_OK(ok);
		if (!ok)
			fprintf(stderr, "    rfc[%zu] %s\n    got:  %s\n    want: %s\n",
			    i, r->rule, got, want);
		T_EQ(nwarn, 0);
		/* every occurrence names its instance, in DTSTART's form */
		T_STREQ(props("RECURRENCE-ID"), props("DTSTART"));
		for (size_t k = 0; k < nocc; k++)
			T_OK(ev_event_prop(occ[k], "RRULE") == NULL &&
			    ev_event_prop(occ[k], "EXDATE") == NULL &&
			    !ev_event_recurring(occ[k]));
	}
	/* instants: 9:00 EDT is 13:00Z, 9:00 EST 14:00Z (weekly, 10) */
	expand("19970101", "20000101", 1000,
	    "UID:w\nDTSTART;TZID=America/New_York:19970902T090000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=10", (const char *)NULL);
	T_EQ(nocc, 10);
	T_EQ(occ[0]->start.utc, U("19970902T130000"));
	T_EQ(occ[7]->start.utc, U("19971021T130000"));
	T_EQ(occ[8]->start.utc, U("19971028T140000"));
	T_EQ(occ[8]->rid.utc, U("19971028T140000"));
	T_EQ(occ[8]->start.kind, EV_T_ZONED);
	/* 2007: DST began on March 11 */
	expand("20070101", "20100101", 1000,
	    "UID:f\nDTSTART;TZID=America/New_York:20070115T090000\n"
	    "RRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", (const char *)NULL);
	T_EQ(nocc, 5);
	T_EQ(occ[2]->start.utc, U("20070215T140000"));
	T_EQ(occ[3]->start.utc, U("20070315T130000"));
	/* every 20 minutes from 9:00 to 16:40, two days (both rules) */
	for (int k = 0; k < 2; k++) {
		expand("19970902", "19970904T040000", 1000,
		    k ? "DTSTART;TZID=America/New_York:19970902T090000\n"
		    "RRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;"
		    "BYMINUTE=0,20,40" :
		    "DTSTART;TZID=America/New_York:19970902T090000\n"
		    "RRULE:FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,"
		    "15,16", (const char *)NULL);
		T_EQ(nocc, 48);
		T_STREQ(ev_event_prop(occ[0], "DTSTART"), "19970902T090000");
		T_STREQ(ev_event_prop(occ[1], "DTSTART"), "19970902T092000");
		T_STREQ(ev_event_prop(occ[23], "DTSTART"), "19970902T164000");
		T_STREQ(ev_event_prop(occ[24], "DTSTART"), "19970903T090000");
		T_STREQ(ev_event_prop(occ[47], "DTSTART"), "19970903T164000");
	}
}

/* ---- time zones, floating, UTC, all-day ------------------------------------- */

static void
test_dst(void)
{
	set_tz("Europe/Berlin");
	/* weekly 02:30 across 2016-03-27: that day it is 03:30 CEST */
	expand("20160301", "20160501", 100,
	    "UID:a\nDTSTART;TZID=Europe/Berlin:20160313T023000\n"
	    "DTEND;TZID=Europe/Berlin:20160313T033000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=4", (const char *)NULL);
	T_EQ(nocc, 4);
	T_STREQ(starts(), "20160313T023000 20160320T023000 20160327T033000 "
	    "20160403T023000");
	T_STREQ(props("RECURRENCE-ID"), "20160313T023000 20160320T023000 "
	    "20160327T023000 20160403T023000");
	T_EQ(occ[1]->start.utc, U("20160320T013000"));
	T_EQ(occ[2]->start.utc, U("20160327T013000"));
	T_EQ(occ[3]->start.utc, U("20160403T003000"));
	/* DTEND: the exact hour, also on the short day */
	T_EQ(occ[2]->end.utc - occ[2]->start.utc, 3600);
	T_STREQ(ev_event_prop(occ[2], "DTEND"), "20160327T043000");
	/* daily 02:30 across 2016-10-30: the first 02:30 (CEST) */
	expand("20161028", "20161102", 100,
	    "UID:b\nDTSTART;TZID=Europe/Berlin:20161029T023000\n"
	    "RRULE:FREQ=DAILY;COUNT=3", (const char *)NULL);
	T_STREQ(starts(), "20161029T023000 20161030T023000 20161031T023000");
	T_EQ(occ[0]->start.utc, U("20161029T003000"));
	T_EQ(occ[1]->start.utc, U("20161030T003000"));
	T_EQ(occ[2]->start.utc, U("20161031T013000"));
	/* DURATION:P1D is nominal: noon to noon, 23 hours over the change */
	expand("20160301", "20160501", 100,
	    "UID:c\nDTSTART;TZID=Europe/Berlin:20160326T120000\n"
	    "DURATION:P1D\nRRULE:FREQ=DAILY;COUNT=2", (const char *)NULL);
	T_EQ(nocc, 2);
	T_EQ(occ[0]->end.utc - occ[0]->start.utc, 23 * 3600);
	T_EQ(occ[1]->end.utc - occ[1]->start.utc, 24 * 3600);
	T_STREQ(props("DURATION"), "P1D P1D");
	T_OK(ev_event_prop(occ[0], "DTEND") == NULL);
	/* the same as DTEND is exact: 23 hours every day */
	expand("20160301", "20160501", 100,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:20160326T120000\n"
	    "DTEND;TZID=Europe/Berlin:20160327T120000\n"
	    "RRULE:FREQ=DAILY;COUNT=2", (const char *)NULL);
	T_EQ(nocc, 2);
	T_EQ(occ[1]->end.utc - occ[1]->start.utc, 23 * 3600);
	T_STREQ(props("DTEND"), "20160327T120000 20160328T110000");
}

static void
test_forms(void)
{
	set_tz("Europe/Berlin");
	/* floating: the same wall clock, placed in the display zone */
	expand("20161201", "20170101", 100,
	    "UID:f\nDTSTART:20161224T180000\nRRULE:FREQ=DAILY;COUNT=3",
	    (const char *)NULL);
	T_STREQ(starts(), "20161224T180000 20161225T180000 20161226T180000");
	T_STREQ(props("RECURRENCE-ID"),
	    "20161224T180000 20161225T180000 20161226T180000");
	T_EQ(occ[0]->start.kind, EV_T_FLOAT);
	T_EQ(occ[0]->start.utc, U("20161224T170000"));
	set_tz("America/New_York");
	expand("20161201", "20170101", 100,
	    "UID:f\nDTSTART:20161224T180000\nRRULE:FREQ=DAILY;COUNT=3",
	    (const char *)NULL);
	T_EQ(occ[0]->start.utc, U("20161224T230000"));
	set_tz("Europe/Berlin");
	/* UTC: DST means nothing to it */
	expand("20160301", "20160501", 100,
	    "UID:u\nDTSTART:20160318T120000Z\nRRULE:FREQ=WEEKLY;COUNT=3",
	    (const char *)NULL);
	T_STREQ(starts(), "20160318T120000Z 20160325T120000Z 20160401T120000Z");
	T_STREQ(props("RECURRENCE-ID"),
	    "20160318T120000Z 20160325T120000Z 20160401T120000Z");
	T_EQ(occ[2]->start.utc, U("20160401T120000"));
	/* all-day weekly; COUNT counts before EXDATE takes one away */
	expand("20161101", "20170201", 100,
	    "UID:w\nDTSTART;VALUE=DATE:20161201\n"
	    "RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;VALUE=DATE:20161208",
	    (const char *)NULL);
	T_STREQ(starts(), "20161201 20161215 20161222");
	T_STREQ(props("RECURRENCE-ID"), "20161201 20161215 20161222");
	T_OK(ev_event_all_day(occ[0]));
	T_EQ(occ[1]->start.utc, U("20161214T230000"));
	T_EQ(occ[1]->end.utc, U("20161215T230000"));
	/* multi-day all-day, yearly; the window starts inside the second */
	expand("20171226", "20180101", 100,
	    "UID:m\nDTSTART;VALUE=DATE:20161224\nDTEND;VALUE=DATE:20161227\n"
	    "RRULE:FREQ=YEARLY;COUNT=3", (const char *)NULL);
	T_STREQ(starts(), "20171224");
	T_STREQ(props("DTEND"), "20171227");
	T_STREQ(props("RECURRENCE-ID"), "20171224");
	/* an all-day EXDATE in UTC form names its date */
	expand("20161101", "20170201", 100,
	    "UID:w\nDTSTART;VALUE=DATE:20161201\n"
	    "RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE:20161208T000000Z",
	    (const char *)NULL);
	T_STREQ(starts(), "20161201 20161215");
	/* leap day, yearly: only in leap years (both ways of saying it) */
	expand("20150101", "20260101", 100,
	    "UID:l\nDTSTART;VALUE=DATE:20160229\nRRULE:FREQ=YEARLY",
	    (const char *)NULL);
	T_STREQ(starts(), "20160229 20200229 20240229");
	expand("20150101", "20260101", 100,
	    "UID:l\nDTSTART;TZID=Europe/Berlin:20160229T100000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", (const char *)NULL);
	T_STREQ(starts(), "20160229T100000 20200229T100000 20240229T100000");
	/* UNTIL as a date for a timed series: that whole day */
	expand("20160101", "20170101", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=DAILY;UNTIL=20160703", (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160702T100000 20160703T100000");
	/* the last day of the month, February included */
	expand("20160101", "20160501", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160131T100000\n"
	    "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", (const char *)NULL);
	T_STREQ(starts(), "20160131T100000 20160229T100000 20160331T100000 "
	    "20160430T100000");
}

/* ---- where libical needs help --------------------------------------------- */

static void
test_fixes(void)
{
	set_tz("Europe/Berlin");
	/* BYSETPOS: the last weekday of the month (libical: right) */
	expand("20161201", "20170701", 100,
	    "UID:s\nDTSTART;TZID=Europe/Berlin:20161230T170000\n"
	    "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
	    (const char *)NULL);
	T_STREQ(starts(), "20161230T170000 20170131T170000 20170228T170000 "
	    "20170331T170000 20170428T170000 20170531T170000 20170630T170000");
	/* BYSETPOS in WEEKLY and DAILY rules (libical ignores it) */
	expand("20160101", "20170101", 100,
	    "UID:s\nDTSTART;TZID=Europe/Berlin:20160106T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO,TU,WE;BYSETPOS=-1",
	    (const char *)NULL);
	T_STREQ(starts(), "20160106T100000 20160113T100000 20160120T100000");
	expand("20160101", "20170101", 100,
	    "UID:s\nDTSTART;TZID=Europe/Berlin:20160105T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO,TU,WE;BYSETPOS=2",
	    (const char *)NULL);
	T_STREQ(starts(), "20160105T100000 20160112T100000 20160119T100000");
	expand("20160101", "20170101", 100,
	    "UID:s\nDTSTART;TZID=Europe/Berlin:20160104T110000\n"
	    "RRULE:FREQ=DAILY;COUNT=3;BYHOUR=9,10,11;BYSETPOS=-1",
	    (const char *)NULL);
	T_STREQ(starts(), "20160104T110000 20160105T110000 20160106T110000");
	/* the same without COUNT, the window far from DTSTART */
	expand("20160601", "20160616", 100,
	    "UID:s\nDTSTART;TZID=Europe/Berlin:20100106T100000\n"
	    "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE;BYSETPOS=1",
	    (const char *)NULL);
	/* 2010-01-04 + 2k weeks: 2016-06-06 is week 335 = 2 * 167.5: no;
	 * 2016-06-13 is week 336, a Monday */
	T_STREQ(starts(), "20160613T100000");
	/* week 53 exists in 2015, 2020 and 2026, not in 2025 */
	expand("20150101", "20280101", 100,
	    "UID:k\nDTSTART;TZID=Europe/Berlin:20151228T100000\n"
	    "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", (const char *)NULL);
	T_STREQ(starts(), "20151228T100000 20201228T100000 20261228T100000");
	/* BYWEEKNO=1,53 (libical crashes): the Sundays of ISO weeks 1 and
	 * 53, DTSTART's weekday as the rule names none (3.3.10) */
	expand("19960101", "20000601", 100,
	    "UID:k\nDTSTART;TZID=America/New_York:19960616T113000\n"
	    "RRULE:FREQ=YEARLY;BYWEEKNO=1,53", (const char *)NULL);
	T_STREQ(starts(), "19960616T113000 19970105T113000 19980104T113000 "
	    "19990103T113000 19990110T113000 20000109T113000");
	expand("19970101", "20000101", 100,
	    "UID:k\nDTSTART;TZID=America/New_York:19970512T090000\n"
	    "RRULE:FREQ=YEARLY;BYWEEKNO=20", (const char *)NULL);
	T_STREQ(starts(), "19970512T090000 19980511T090000 19990517T090000");
	/* DAILY with a negative BYMONTHDAY (libical: no date at all) */
	expand("20160101", "20160501", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160131T100000\n"
	    "RRULE:FREQ=DAILY;BYMONTHDAY=-1", (const char *)NULL);
	T_STREQ(starts(), "20160131T100000 20160229T100000 20160331T100000 "
	    "20160430T100000");
	/* WEEKLY limited to February, DTSTART's weekday */
	expand("20160101", "20180101", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160225T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=3;BYMONTH=2", (const char *)NULL);
	T_STREQ(starts(), "20160225T100000 20170202T100000 20170209T100000");
	/* WEEKLY with hours */
	expand("20160101", "20180101", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160104T090000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO,FR;BYHOUR=9,17",
	    (const char *)NULL);
	T_STREQ(starts(), "20160104T090000 20160104T170000 20160108T090000 "
	    "20160108T170000");
	/* BYSETPOS over times, not days (libical keeps both) */
	expand("20190101", "20210101", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20191103T210000\n"
	    "RRULE:FREQ=MONTHLY;COUNT=3;BYMINUTE=0,30;BYSETPOS=1",
	    (const char *)NULL);
	T_STREQ(starts(), "20191103T210000 20191203T210000 20200103T210000");
	expand("20160101", "20170101", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160125T170000\n"
	    "RRULE:FREQ=MONTHLY;COUNT=4;BYDAY=MO;BYHOUR=9,17;BYSETPOS=-1",
	    (const char *)NULL);
	T_STREQ(starts(), "20160125T170000 20160229T170000 20160328T170000 "
	    "20160425T170000");
	/* YEARLY;BYMONTHDAY expands over the months (libical: DTSTART's) */
	expand("20160101", "20170101", 100,
	    "UID:x\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=YEARLY;COUNT=4;BYMONTHDAY=1", (const char *)NULL);
	T_STREQ(starts(), "20160101T100000 20160201T100000 20160301T100000 "
	    "20160401T100000");
	/* BYMONTH with BYYEARDAY (libical: "malformed"): day 60 in
	 * February is Feb 29, in leap years only */
	expand("20150101", "20210101", 100,
	    "UID:x\nDTSTART;VALUE=DATE:20160229\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=2;BYYEARDAY=60", (const char *)NULL);
	T_STREQ(starts(), "20160229 20200229");
	/* UNTIL in UTC for a Berlin series: 10:00 CEST is 08:00Z */
	expand("20160101", "20170101", 100,
	    "UID:u\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=DAILY;UNTIL=20160703T080000Z", (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160702T100000 20160703T100000");
	expand("20160101", "20170101", 100,
	    "UID:u\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=DAILY;UNTIL=20160703T075959Z", (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160702T100000");
	/* HOURLY limited to March, from January: no spinning */
	expand("20160101", "20170101", 100,
	    "UID:h\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=HOURLY;COUNT=3;BYMONTH=3", (const char *)NULL);
	T_STREQ(starts(), "20160101T100000 20160301T000000 20160301T010000");
	expand("20160101", "20170101", 100,
	    "UID:h\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=SECONDLY;COUNT=3;BYMONTH=3;BYMONTHDAY=30;BYHOUR=7;"
	    "BYMINUTE=5", (const char *)NULL);
	T_STREQ(starts(), "20160101T100000 20160330T070500 20160330T070501");
	/*
	 * HOURLY across the spring change, 01:30 ... 04:30 wall clock:
	 * 02:30 does not exist and means 03:30 CEST (3.3.10, 3.3.5), the
	 * instant of the next instance, and a duplicate counts once.
	 */
	expand("20160101", "20170101", 100,
	    "UID:h\nDTSTART;TZID=Europe/Berlin:20160327T013000\n"
	    "RRULE:FREQ=HOURLY;COUNT=4", (const char *)NULL);
	T_EQ(nocc, 3);
	T_STREQ(starts(), "20160327T013000 20160327T033000 20160327T043000");
	T_STREQ(props("RECURRENCE-ID"),
	    "20160327T013000 20160327T023000 20160327T043000");
	T_EQ(occ[0]->start.utc, U("20160327T003000"));
	T_EQ(occ[1]->start.utc, U("20160327T013000"));
	T_EQ(occ[2]->start.utc, U("20160327T023000"));
	/* MINUTELY with BYSETPOS over seconds */
	expand("20160101", "20170101", 100,
	    "UID:h\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=MINUTELY;COUNT=3;BYSECOND=0,15,30,45;BYSETPOS=-1",
	    (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160701T100045 20160701T100145");
}

/*
 * A guard against hangs, not a speed test: the rules below take
 * milliseconds; a broken bound would take minutes or forever.  The limit
 * is generous for sanitizer builds on a busy machine.
 */
#define HANG_LIMIT	20.0

static double
secs(clock_t t)
{
	return (double)(clock() - t) / CLOCKS_PER_SEC;
}

static void
test_bounds(void)
{
	clock_t t;

	set_tz("Europe/Berlin");
	/* never a date: a warning, DTSTART stays */
	t = clock();
	expand("20160101", "20300101", 1000,
	    "UID:n\nSUMMARY:Nie\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nwarn, 1);
	T_STREQ(lastwarn, "t.ics:13: RRULE produced no date in 146097 steps");
	T_STREQ(starts(), "20160101T100000");
	t = clock();
	expand("20160101", "20300101", 1000,
	    "UID:n\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nwarn, 1);
	t = clock();
	expand("20160101", "20300101", 1000,
	    "UID:n\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
	    (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nwarn, 1);
	/* the fifth Friday is never the 1st or 15th */
	t = clock();
	expand("20160101", "20300101", 1000,
	    "UID:n\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=MONTHLY;BYDAY=5FR;BYMONTHDAY=1,15",
	    (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nwarn, 1);
	/* Feb 1 as the fifth Friday */
	t = clock();
	expand("20160101", "20300101", 1000,
	    "UID:n\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=1;BYDAY=5FR",
	    (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nwarn, 1);
	T_STREQ(starts(), "20160101T100000");
	/* SECONDLY forever from 2000: one minute of 2016, fast */
	t = clock();
	expand("20160704T080000", "20160704T080100", 1000,
	    "UID:s\nDTSTART;TZID=Europe/Berlin:20000101T000000\n"
	    "RRULE:FREQ=SECONDLY", (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nocc, 60);
	T_EQ(nwarn, 0);
	T_STREQ(ev_event_prop(occ[0], "DTSTART"), "20160704T100000");
	T_STREQ(ev_event_prop(occ[59], "DTSTART"), "20160704T100059");
	/* ... and a whole day of it: the cap */
	t = clock();
	expand("20160704", "20160705", 1000,
	    "UID:s\nSUMMARY:Tick\nDTSTART;TZID=Europe/Berlin:20000101T000000\n"
	    "RRULE:FREQ=SECONDLY", (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nocc, 1000);
	T_EQ(nwarn, 1);
	T_STREQ(lastwarn, "t.ics:9: \"Tick\" capped at 1000 occurrences in "
	    "the window, the rest left out");
	/* DAILY forever from 1900, a week of 2016 */
	t = clock();
	expand("20160704", "20160711", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:19000101T100000\n"
	    "RRULE:FREQ=DAILY", (const char *)NULL);
	T_OK(secs(t) < HANG_LIMIT);
	T_EQ(nocc, 7);
	T_STREQ(ev_event_prop(occ[0], "RECURRENCE-ID"), "20160704T100000");
	/* MONTHLY and YEARLY too */
	expand("20160101", "20170101", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:19000115T100000\n"
	    "RRULE:FREQ=MONTHLY;INTERVAL=5", (const char *)NULL);
	/* (2016 - 1900) * 12 = 1392 months; 1395 and 1400 are 5k */
	T_STREQ(starts(), "20160415T100000 20160915T100000");
	expand("20160101", "20170101", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:19000310T100000\n"
	    "RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=3;BYDAY=2TH",
	    (const char *)NULL);
	T_STREQ(starts(), "20160310T100000");
	/* COUNT from long ago still counts from DTSTART */
	expand("20160101", "20170101", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:19000101T100000\n"
	    "RRULE:FREQ=DAILY;COUNT=42371", (const char *)NULL);
	/* 1900-01-01 + 42370 days = 2016-01-03 */
	T_STREQ(starts(), "20160101T100000 20160102T100000 20160103T100000");
	/* plain COUNT rules skip whole periods, and count them */
	expand("20160101", "20160201", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:20000103T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=837", (const char *)NULL);
	T_STREQ(starts(), "20160104T100000 20160111T100000");
	expand("20160101", "20160401", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:20000115T100000\n"
	    "RRULE:FREQ=MONTHLY;COUNT=194", (const char *)NULL);
	T_STREQ(starts(), "20160115T100000 20160215T100000");
	expand("20160101T230000", "20160103", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:20160101T003000\n"
	    "RRULE:FREQ=HOURLY;COUNT=26", (const char *)NULL);
	T_STREQ(starts(), "20160102T003000 20160102T013000");
	expand("20160101", "20170101", 1000,
	    "UID:d\nDTSTART;TZID=Europe/Berlin:19000101T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=100000", (const char *)NULL);
	T_EQ(nocc, 52);		/* 2016 has 52 Mondays */
	/* bad rules: a warning, the master as it is */
	expand("20160101", "20170101", 1000,
	    "UID:b\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=DAILY;BYFOO=1", (const char *)NULL);
	T_EQ(nwarn, 1);
	T_STREQ(lastwarn, "t.ics:12: RRULE \"FREQ=DAILY;BYFOO=1\" not read: "
	    "kept as a single event");
	T_EQ(nocc, 1);
	T_OK(ev_event_prop(occ[0], "RECURRENCE-ID") == NULL);
	expand("20160101", "20170101", 1000,
	    "UID:b\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=WEEKLY;BYDAY=1MO", (const char *)NULL);
	T_STREQ(lastwarn, "t.ics:12: RRULE \"FREQ=WEEKLY;BYDAY=1MO\" not read: "
	    "kept as a single event");
	expand("20160101", "20170101", 1000,
	    "UID:b\nDTSTART;VALUE=DATE:20160101\nRRULE:FREQ=HOURLY",
	    (const char *)NULL);
	T_EQ(nwarn, 1);
	T_EQ(nocc, 1);
	expand("20160101", "20170101", 1000,
	    "UID:b\nDTSTART;TZID=Europe/Berlin:20160101T100000\n"
	    "RRULE:FREQ=DAILY;COUNT=2\nEXDATE:2016010", (const char *)NULL);
	T_EQ(nwarn, 0);		/* left out, with a report, when decoded */
	T_EQ(nocc, 2);
}

/* ---- RDATE, EXDATE, overrides ---------------------------------------------- */

static void
test_sets(void)
{
	set_tz("Europe/Berlin");
	/* RDATE with PERIODs (an end, a duration), DTSTART's hour-long one */
	expand("20160601", "20160801", 100,
	    "UID:p\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "DTEND;TZID=Europe/Berlin:20160701T110000\n"
	    "RDATE;VALUE=PERIOD:20160705T080000Z/PT3H,"
	    "20160706T080000Z/20160706T083000Z", (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160705T100000 20160706T100000");
	T_STREQ(props("DTEND"), "20160701T110000 20160705T130000 "
	    "20160706T103000");
	T_STREQ(props("RECURRENCE-ID"),
	    "20160701T100000 20160705T100000 20160706T100000");
	T_OK(ev_event_prop(occ[1], "RDATE") == NULL);
	/* RDATE dates and times, own TZID, duplicates counted once */
	expand("20160601", "20160801", 100,
	    "UID:r\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=2\n"
	    "RDATE;TZID=America/New_York:20160708T040000,20160710T040000\n"
	    "RDATE;VALUE=DATE:20160712\nRDATE:20160713T080000Z",
	    (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160708T100000 20160710T100000 "
	    "20160712T100000 20160713T100000");
	/* EXDATE in UTC for a Berlin series; several, one line each */
	expand("20160601", "20160801", 100,
	    "UID:e\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=DAILY;COUNT=5\nEXDATE:20160702T080000Z\n"
	    "EXDATE;TZID=Europe/Berlin:20160704T100000,20160705T100000",
	    (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160703T100000");
	/* a DATE EXDATE removes a timed instance on that date */
	expand("20160601", "20160801", 100,
	    "UID:e\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=DAILY;COUNT=3\nEXDATE;VALUE=DATE:20160702",
	    (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160703T100000");
	/* two RRULEs */
	expand("20160601", "20160801", 100,
	    "UID:t\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=DAILY;COUNT=3",
	    (const char *)NULL);
	T_STREQ(starts(), "20160701T100000 20160702T100000 20160703T100000 "
	    "20160708T100000");
}

static const char master[] =
    "UID:m@x\nSUMMARY:Chor\nDTSTART;TZID=Europe/Berlin:20160704T100000\n"
    "DTEND;TZID=Europe/Berlin:20160704T110000\nRRULE:FREQ=WEEKLY;COUNT=5";

static void
test_overrides(void)
{
	set_tz("Europe/Berlin");
	/* RECURRENCE-ID in UTC moves the Berlin instance of July 11 */
	expand("20160601", "20160901", 100, master,
	    "UID:m@x\nSUMMARY:Chor (verlegt)\nRECURRENCE-ID:20160711T080000Z\n"
	    "DTSTART;TZID=Europe/Berlin:20160712T140000\n"
	    "DTEND;TZID=Europe/Berlin:20160712T150000", (const char *)NULL);
	T_STREQ(starts(), "20160704T100000 20160712T140000 20160718T100000 "
	    "20160725T100000 20160801T100000");
	T_STREQ(props("SUMMARY"), "Chor Chor (verlegt) Chor Chor Chor");
	T_STREQ(props("RECURRENCE-ID"), "20160704T100000 20160711T080000Z "
	    "20160718T100000 20160725T100000 20160801T100000");
	/* a cancelled instance stays, with its STATUS */
	expand("20160601", "20160901", 100, master,
	    "UID:m@x\nSTATUS:CANCELLED\n"
	    "RECURRENCE-ID;TZID=Europe/Berlin:20160718T100000\n"
	    "DTSTART;TZID=Europe/Berlin:20160718T100000", (const char *)NULL);
	T_EQ(nocc, 5);
	T_STREQ(props("STATUS"), "- - CANCELLED - -");
	/* moved into the window from outside, and out of it */
	expand("20160710", "20160716", 100, master,
	    "UID:m@x\nRECURRENCE-ID;TZID=Europe/Berlin:20160725T100000\n"
	    "DTSTART;TZID=Europe/Berlin:20160714T100000\n"
	    "DURATION:PT1H",
	    "UID:m@x\nRECURRENCE-ID;TZID=Europe/Berlin:20160711T100000\n"
	    "DTSTART;TZID=Europe/Berlin:20160720T100000\n"
	    "DURATION:PT1H", (const char *)NULL);
	T_STREQ(starts(), "20160714T100000");
	T_STREQ(props("RECURRENCE-ID"), "20160725T100000");
	/* THISANDFUTURE: two hours later from July 18 on, new summary */
	expand("20160601", "20160901", 100, master,
	    "UID:m@x\nSUMMARY:Chor neu\n"
	    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:"
	    "20160718T100000\nDTSTART;TZID=Europe/Berlin:20160718T120000\n"
	    "DTEND;TZID=Europe/Berlin:20160718T133000", (const char *)NULL);
	T_STREQ(starts(), "20160704T100000 20160711T100000 20160718T120000 "
	    "20160725T120000 20160801T120000");
	T_STREQ(props("DTEND"), "20160704T110000 20160711T110000 "
	    "20160718T133000 20160725T133000 20160801T133000");
	T_STREQ(props("SUMMARY"), "Chor Chor Chor neu Chor neu Chor neu");
	T_STREQ(props("RECURRENCE-ID"), "20160704T100000 20160711T100000 "
	    "20160718T100000 20160725T100000 20160801T100000");
	/* a DATE RECURRENCE-ID names the instance on that date */
	expand("20160601", "20160901", 100, master,
	    "UID:m@x\nSUMMARY:X\nRECURRENCE-ID;VALUE=DATE:20160725\n"
	    "DTSTART;TZID=Europe/Berlin:20160725T180000", (const char *)NULL);
	T_STREQ(props("SUMMARY"), "Chor Chor Chor X Chor");
	/* a lone override and a single event pass through; sorted */
	expand("20160601", "20160901", 100,
	    "UID:lone\nRECURRENCE-ID:20160705T080000Z\n"
	    "DTSTART;TZID=Europe/Berlin:20160705T090000",
	    "UID:one\nDTSTART;TZID=Europe/Berlin:20160703T090000",
	    "UID:gone\nDTSTART;TZID=Europe/Berlin:20150703T090000",
	    master, (const char *)NULL);
	T_STREQ(props("UID"), "one m@x lone m@x m@x m@x m@x");
	T_OK(ev_event_prop(occ[0], "RECURRENCE-ID") == NULL);
	/* an override of a single event replaces it */
	expand("20160601", "20160901", 100,
	    "UID:one\nDTSTART;TZID=Europe/Berlin:20160703T090000",
	    "UID:one\nRECURRENCE-ID;TZID=Europe/Berlin:20160703T090000\n"
	    "DTSTART;TZID=Europe/Berlin:20160703T100000", (const char *)NULL);
	T_STREQ(starts(), "20160703T100000");
	/* an all-day series and a timed override moved into the window */
	expand("20161215", "20161216", 100,
	    "UID:a\nDTSTART;VALUE=DATE:20161201\nRRULE:FREQ=WEEKLY;COUNT=4",
	    "UID:a\nRECURRENCE-ID;VALUE=DATE:20161222\n"
	    "DTSTART;TZID=Europe/Berlin:20161215T180000", (const char *)NULL);
	T_STREQ(starts(), "20161215 20161215T180000");
	/* instants: [from, to) with no end; windows exclude what ended */
	expand("20160704T080000", "20160704T090000", 100,
	    "UID:i\nDTSTART;TZID=Europe/Berlin:20160701T100000\n"
	    "RRULE:FREQ=DAILY", (const char *)NULL);
	T_STREQ(starts(), "20160704T100000");
	expand("20160704T090000", "20160705T080000", 100, master,
	    (const char *)NULL);
	T_EQ(nocc, 0);
}

static void
run(void)
{
	ctx = ev_ctx_new();
	test_rfc();
	test_dst();
	test_forms();
	test_fixes();
	test_bounds();
	test_sets();
	test_overrides();
	clear();
	ev_ctx_free(ctx);
}
