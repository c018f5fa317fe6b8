/* Unit tests: ics.c (VEVENT records, VTIMEZONEs, bad input) */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

static struct ev_ctx *ctx;
static struct ev_event *ev;

static void
open_mem(struct ev_reader *r, const char *s, size_t n)
{
	ev_reader_init_mem(r, ctx, "t.ics", s, n, EV_FMT_ICS);
}

static void
close_mem(struct ev_reader *r)
{
	ev_reader_fini(r);
}

static int
rd(struct ev_reader *r)
{
	return ev_read(r, ev);
}

static const char *
uid(void)
{
	return ev_event_prop(ev, "UID");
}

/* Seconds of a UTC date-time. */
static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	return ev_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

/* Two calendars one after the other, as `cat a.ics b.ics` makes them. */
static void
concatenated(void)
{
	const char *s =
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//Stadt Musterstadt//Veranstaltungen//DE\r\n"
	    "X-WR-CALNAME:Kultur\r\n"
	    "BEGIN:VEVENT\r\n"				/* 5 */
	    "UID:k1@musterstadt.de\r\n"
	    "DTSTART:20161224T170000Z\r\n"
	    "SUMMARY:Krippenspiel im Dom\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n"				/* 10 */
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//Other//EN\r\n"
	    "BEGIN:VEVENT\r\n"				/* 14 */
	    "UID:s1@example.org\r\n"
	    "DTSTART;VALUE=DATE:20161231\r\n"
	    "SUMMARY:Silvester\\, Feuerwerk am Fluss\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "k1@musterstadt.de");
	T_STREQ(ev_event_file(ev), "t.ics");
	T_EQ(ev_event_line(ev), 5);
	T_EQ(ev->src, EV_FMT_ICS);
	T_EQ(ev->start.kind, EV_T_UTC);
	T_EQ(ev->start.utc, utc(2016, 12, 24, 17, 0));
	T_STREQ(ev_event_text(ev, EV_F_SUMMARY), "Krippenspiel im Dom");
	T_STREQ(ev->raw.p, "BEGIN:VEVENT\r\nUID:k1@musterstadt.de\r\n"
	    "DTSTART:20161224T170000Z\r\nSUMMARY:Krippenspiel im Dom\r\n"
	    "END:VEVENT\r\n");
	T_STREQ(r.header.p, "VERSION:2.0\r\n"
	    "PRODID:-//Stadt Musterstadt//Veranstaltungen//DE\r\n"
	    "X-WR-CALNAME:Kultur\r\n");
	T_EQ(ev->nprops, 3);	/* the VEVENT's own BEGIN/END are not props */
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "s1@example.org");
	T_EQ(ev_event_line(ev), 14);
	T_OK(ev_event_all_day(ev));
	T_STREQ(ev_event_text(ev, EV_F_SUMMARY), "Silvester, Feuerwerk am Fluss");
	T_STREQ(r.header.p, "VERSION:2.0\r\nPRODID:-//Other//EN\r\n");
	T_EQ(rd(&r), 0);
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

/* Chunks of a split file: VEVENTs with no VCALENDAR, or half of one. */
static void
bare(void)
{
	const char *s =
	    "BEGIN:VEVENT\n"
	    "UID:b1\n"
	    "DTSTART:20170301T180000Z\n"
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"				/* 5 */
	    "UID:b2\n"
	    "DTSTART:20170302T180000Z\n"
	    "END:VEVENT\n"
	    "END:VCALENDAR\n";
	const char *t =
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:c1\r\n"
	    "DTSTART:20170303T180000Z\r\n"
	    "END:VEVENT\r\n";
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "b1");
	T_EQ(ev_event_line(ev), 1);
	T_STREQ(ev->raw.p, "BEGIN:VEVENT\nUID:b1\nDTSTART:20170301T180000Z\n"
	    "END:VEVENT\n");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "b2");
	T_EQ(ev_event_line(ev), 5);
	T_EQ(rd(&r), 0);	/* END:VCALENDAR alone is not an error */
	T_STREQ(r.err.msg, "");
	close_mem(&r);

	open_mem(&r, t, strlen(t));
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "c1");
	T_EQ(rd(&r), 0);	/* nor is a VCALENDAR cut before its END */
	close_mem(&r);
}

/* Nested components and unknown properties and parameters are kept. */
static void
kept(void)
{
	const char *s =
	    "begin:vevent\r\n"
	    "UID:a1@example.org\r\n"
	    "dtstart:20170104T090000Z\r\n"
	    "X-EVKIT-PRIORITY;X-SCOPE=\"intern:ja;nein\":hoch\r\n"
	    "SUMMARY;LANGUAGE=de:Sprechstunde\r\n"	/* 5 */
	    "BEGIN:VALARM\r\n"
	    "ACTION:DISPLAY\r\n"
	    "DESCRIPTION:Erinnerung\r\n"
	    "TRIGGER:-PT15M\r\n"
	    "BEGIN:X-EVKIT-NOTE\r\n"			/* 10 */
	    "X-TEXT:innen\r\n"
	    "END:X-EVKIT-NOTE\r\n"
	    "END:VALARM\r\n"
	    "X-UNKNOWN-AFTER:1\r\n"
	    "End:VEvent\r\n";
	static const struct {
		const char *name, *params, *value;
		unsigned depth;
		unsigned long line;
	} want[] = {
		{"UID", "", "a1@example.org", 0, 2},
		{"dtstart", "", "20170104T090000Z", 0, 3},
		{"X-EVKIT-PRIORITY", "X-SCOPE=\"intern:ja;nein\"", "hoch", 0, 4},
		{"SUMMARY", "LANGUAGE=de", "Sprechstunde", 0, 5},
		{"BEGIN", "", "VALARM", 1, 6},
		{"ACTION", "", "DISPLAY", 1, 7},
		{"DESCRIPTION", "", "Erinnerung", 1, 8},
		{"TRIGGER", "", "-PT15M", 1, 9},
		{"BEGIN", "", "X-EVKIT-NOTE", 2, 10},
		{"X-TEXT", "", "innen", 2, 11},
		{"END", "", "X-EVKIT-NOTE", 2, 12},
		{"END", "", "VALARM", 1, 13},
		{"X-UNKNOWN-AFTER", "", "1", 0, 14},
	};
	struct ev_reader r;
	size_t i, n = sizeof(want) / sizeof(want[0]);

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), 1);
	T_EQ(ev->nprops, n);
	for (i = 0; i < n && i < ev->nprops; i++) {
		T_STREQ(EV_PNAME(ev, i), want[i].name);
		T_STREQ(EV_PPARAMS(ev, i), want[i].params);
		T_STREQ(EV_PVALUE(ev, i), want[i].value);
		T_EQ(ev->props[i].depth, want[i].depth);
		T_EQ(ev->props[i].line, want[i].line);
	}
	T_STREQ(ev_event_prop(ev, "x-evkit-priority"), "hoch");
	T_OK(ev_event_prop(ev, "ACTION") == NULL);	/* depth 1 only */
	T_OK(ev_event_text(ev, EV_F_DESCRIPTION) == NULL);
	T_EQ(ev->start.utc, utc(2017, 1, 4, 9, 0));
	T_STREQ(ev->raw.p, s);
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

/* Bad records are reported with FILE:LINE; the good ones around them stay. */
static void
bad_records(void)
{
	const char *s =
	    "BEGIN:VCALENDAR\n"
	    "VERSION:2.0\n"
	    "BEGIN:VEVENT\n"
	    "UID:good1\n"
	    "DTSTART:20170101T100000Z\n"		/* 5 */
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"
	    "UID:bad-content\n"
	    "DTSTART:20170102T100000Z\n"
	    "this is not a content line\n"		/* 10 */
	    "SUMMARY:lost\n"
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"
	    "UID:good2\n"
	    "DTSTART:20170103T100000Z\n"		/* 15 */
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"
	    "UID:bad-end\n"
	    "DTSTART:20170104T100000Z\n"
	    "BEGIN:VALARM\n"				/* 20 */
	    "ACTION:DISPLAY\n"
	    "END:VTODO\n"
	    "END:VALARM\n"
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"				/* 25 */
	    "UID:bad-utf8\n"
	    "DTSTART:20170105T100000Z\n"
	    "SUMMARY:Gr\xfc\xdf" "e aus K\xf6ln\n"	/* Latin-1 */
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"				/* 30 */
	    "UID:unclosed\n"
	    "DTSTART:20170106T100000Z\n"
	    "BEGIN:VEVENT\n"
	    "UID:good3\n"
	    "DTSTART:20170107T100000Z\n"		/* 35 */
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"
	    "UID:bad-dtstart\n"
	    "DTSTART:2017-01-08\n"
	    "END:VEVENT\n"				/* 40 */
	    "BEGIN:VEVENT\n"
	    "UID:stray-end\n"
	    "END:VALARM\n"
	    "DTSTART:20170109T100000Z\n"
	    "END:VEVENT\n"				/* 45 */
	    "BEGIN:VEVENT\n"
	    "UID:good4\n"
	    "DTSTART:20170110T100000Z\n"
	    "SUMMARY:Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln\n"
	    "END:VEVENT\n"				/* 50 */
	    "BEGIN:VEVENT\n"
	    "UID:alarm-open\n"
	    "DTSTART:20170111T100000Z\n"
	    "BEGIN:VALARM\n"
	    "END:VEVENT\n"				/* 55 */
	    "BEGIN:VEVENT\n"
	    "UID:eof\n"
	    "DTSTART:20170112T100000Z\n";
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "good1");
	/* a bad content line is not a bad record: skipped, the rest kept */
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:10: bad content line \"this is not a content "
	    "line\": skipped");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "bad-content");
	T_STREQ(ev_event_text(ev, EV_F_SUMMARY), "lost");
	T_EQ(ev_event_line(ev), 7);
	T_STREQ(ev->raw.p, "BEGIN:VEVENT\nUID:bad-content\n"
	    "DTSTART:20170102T100000Z\nSUMMARY:lost\nEND:VEVENT\n");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "good2");
	T_EQ(ev_event_line(ev), 13);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:22: END:VTODO where BEGIN:VALARM is open");
	/* bytes that are no UTF-8 in a UTF-8 feed (good4 has some) */
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:28: invalid UTF-8: replaced by U+FFFD");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "bad-utf8");
	T_STREQ(ev_event_text(ev, EV_F_SUMMARY), "Gr\xef\xbf\xbd\xef\xbf\xbd"
	    "e aus K\xef\xbf\xbdln");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:30: VEVENT not closed before line 33");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "good3");
	T_EQ(ev_event_line(ev), 33);
	T_STREQ(ev->raw.p, "BEGIN:VEVENT\nUID:good3\nDTSTART:20170107T100000Z\n"
	    "END:VEVENT\n");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:39: bad DTSTART \"2017-01-08\"");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:43: END:VALARM without BEGIN:VALARM");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "good4");
	T_EQ(ev_event_line(ev), 46);
	T_STREQ(ev_event_text(ev, EV_F_SUMMARY), "Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:55: END:VEVENT where BEGIN:VALARM is open");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:56: VEVENT not closed");
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

/* Garbage outside components: one report per run of it. */
static void
garbage(void)
{
	const char *s =
	    "garbage line one\n"
	    "garbage line two\n"
	    "BEGIN:VEVENT\n"
	    "UID:g1\n"
	    "DTSTART:20170101T100000Z\n"		/* 5 */
	    "END:VEVENT\n"
	    "SUMMARY:the rest of a VEVENT cut by split\n"
	    "END:VEVENT\n"
	    "BEGIN:VCALENDAR\n"
	    "VERSION:2.0\n"				/* 10 */
	    "not a line\n"
	    "X-WR-CALNAME:Test\n"
	    "END:VTODO\n"
	    "END:VCALENDAR\n"
	    "\xff\xfe garbage\n";			/* 15 */
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:1: bad content line \"garbage line one\"");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "g1");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:7: SUMMARY outside a component");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:11: bad content line \"not a line\"");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:13: END:VTODO outside a component");
	T_STREQ(r.header.p, "VERSION:2.0\nX-WR-CALNAME:Test\n");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:15: not UTF-8: read as Windows-1252");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:15: bad content line \"\xc3\xbf\xc3\xbe "
	    "garbage\"");
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

/* Other components are skipped quietly; an open one is reported. */
static void
others(void)
{
	const char *s =
	    "BEGIN:VCALENDAR\n"
	    "BEGIN:VTODO\n"
	    "UID:t1\n"
	    "BEGIN:VALARM\n"
	    "ACTION:AUDIO\n"				/* 5 */
	    "END:VALARM\n"
	    "END:VTODO\n"
	    "BEGIN:VJOURNAL\n"
	    "DESCRIPTION:Protokoll\n"
	    "END:VJOURNAL\n"				/* 10 */
	    "BEGIN:VFREEBUSY\n"
	    "FREEBUSY:19970308T160000Z/PT8H30M\n"
	    "END:VFREEBUSY\n"
	    "BEGIN:X-EVKIT-THING\n"
	    "X-A:1\n"					/* 15 */
	    "END:X-EVKIT-THING\n"
	    "BEGIN:VEVENT\n"
	    "UID:e1\n"
	    "DTSTART:20170101T100000Z\n"
	    "END:VEVENT\n"				/* 20 */
	    "BEGIN:VTODO\n"
	    "UID:t2\n"
	    "BEGIN:VEVENT\n"
	    "UID:e2\n"
	    "DTSTART:20170102T100000Z\n"		/* 25 */
	    "END:VEVENT\n"
	    "BEGIN:VJOURNAL\n";
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "e1");
	T_EQ(ev_event_line(ev), 17);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:21: VTODO not closed");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "e2");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:27: VJOURNAL not closed");
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

#define VTZ_MEZ(tzid) \
	"BEGIN:VTIMEZONE\r\n" \
	"TZID:" tzid "\r\n" \
	"BEGIN:DAYLIGHT\r\n" \
	"TZOFFSETFROM:+0100\r\n" \
	"TZOFFSETTO:+0200\r\n" \
	"TZNAME:MESZ\r\n" \
	"DTSTART:19700329T020000\r\n" \
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" \
	"END:DAYLIGHT\r\n" \
	"BEGIN:STANDARD\r\n" \
	"TZOFFSETFROM:+0200\r\n" \
	"TZOFFSETTO:+0100\r\n" \
	"TZNAME:MEZ\r\n" \
	"DTSTART:19701025T030000\r\n" \
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" \
	"END:STANDARD\r\n" \
	"END:VTIMEZONE\r\n"

/* Inline VTIMEZONEs define TZIDs for their VCALENDAR only. */
static void
vtimezones(void)
{
	const char *vtz = VTZ_MEZ("Mitteleurop\xc3\xa4ische Zeit");
	const char *vtz2 = VTZ_MEZ("(UTC+01:00) Amsterdam\\, Berlin\\, "
	    "Bern\\, Rom\\, Stockholm\\, Wien");
	const char *s =
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    VTZ_MEZ("Mitteleurop\xc3\xa4ische Zeit")	/* 3-19 */
	    VTZ_MEZ("(UTC+01:00) Amsterdam\\, Berlin\\, Bern\\, Rom\\, "
		"Stockholm\\, Wien")			/* 20-36 */
	    "BEGIN:VEVENT\r\n"				/* 37 */
	    "UID:z1\r\n"
	    "DTSTART;TZID=Mitteleurop\xc3\xa4ische Zeit:20160704T190000\r\n"
	    "END:VEVENT\r\n"
	    VTZ_MEZ("Mitteleurop\xc3\xa4ische Zeit")	/* again: 41-57 */
	    "BEGIN:VEVENT\r\n"				/* 58 */
	    "UID:z2\r\n"
	    "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rom, "
		"Stockholm, Wien\":20161224T180000\r\n"
	    "DTEND;TZID=Mitteleurop\xc3\xa4ische Zeit:20161224T200000\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n"
	    "BEGIN:VCALENDAR\r\n"			/* 64 */
	    "BEGIN:VEVENT\r\n"
	    "UID:z3\r\n"
	    "DTSTART;TZID=Mitteleurop\xc3\xa4ische Zeit:20160704T190000\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VTIMEZONE\r\n"			/* 69 */
	    "BEGIN:STANDARD\r\n"
	    "TZOFFSETFROM:+0200\r\n"
	    "TZOFFSETTO:+0100\r\n"
	    "DTSTART:19701025T030000\r\n"
	    "END:STANDARD\r\n"
	    "END:VTIMEZONE\r\n"
	    "BEGIN:VTIMEZONE\r\n"			/* 76 */
	    "TZID:Nirgendwo\r\n"
	    "END:VTIMEZONE\r\n"
	    "BEGIN:VTIMEZONE\r\n"			/* 79 */
	    "TZID:Kaputt\r\n"
	    "BEGIN:STANDARD\r\n"
	    "no colon\r\n"
	    "END:STANDARD\r\n"
	    "END:VTIMEZONE\r\n"
	    "BEGIN:VTIMEZONE\r\n"			/* 85 */
	    "TZID:Offen\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:z4\r\n"
	    "DTSTART:20170101T100000Z\r\n"
	    "END:VEVENT\r\n";
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "z1");
	T_EQ(ev->start.kind, EV_T_ZONED);
	T_EQ(ev->start.utc, utc(2016, 7, 4, 17, 0));	/* MESZ, +02:00 */
	T_EQ(r.zones.n, 2);
	T_EQ(r.vtz.len, strlen(vtz) + strlen(vtz2));
	T_OK(strncmp(r.vtz.p, vtz, strlen(vtz)) == 0);
	T_STREQ(r.vtz.p + strlen(vtz), vtz2);
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "z2");
	T_EQ(ev->start.utc, utc(2016, 12, 24, 17, 0));	/* MEZ, +01:00 */
	T_EQ(ev->end.utc, utc(2016, 12, 24, 19, 0));
	T_EQ(r.zones.n, 2);				/* no duplicate */
	T_EQ(r.vtz.len, strlen(vtz) + strlen(vtz2));
	T_EQ(rd(&r), -1);	/* a new VCALENDAR forgets the TZIDs */
	T_STREQ(r.err.msg, "t.ics:67: undefined TZID \"Mitteleurop\xc3\xa4ische "
	    "Zeit\" in DTSTART: read as floating time");
	T_EQ(r.zones.n, 0);
	T_EQ(r.vtz.len, 0);
	T_EQ(r.header.len, 0);
	T_EQ(rd(&r), 1);	/* kept, floating */
	T_STREQ(uid(), "z3");
	T_EQ(ev->start.kind, EV_T_FLOAT);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:69: VTIMEZONE without TZID");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:76: bad VTIMEZONE: \"Nirgendwo\": no STANDARD "
	    "or DAYLIGHT");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:82: bad content line \"no colon\": skipped");
	T_EQ(rd(&r), -1);	/* the line skipped, the rest is still bad */
	T_STREQ(r.err.msg, "t.ics:79: bad VTIMEZONE: \"Kaputt\": STANDARD "
	    "without DTSTART or TZOFFSETTO");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:85: VTIMEZONE not closed");
	T_EQ(r.vtz.len, 0);	/* bad blocks are not kept */
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "z4");
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

/* An RRULE that cannot be read is not a bad record: the event is its
 * DTSTART alone; a negative COUNT is read as no COUNT.  The warnings
 * about a record come before it. */
static void
bad_rrule(void)
{
	const char *s =
	    "BEGIN:VCALENDAR\n"
	    "BEGIN:VEVENT\n"
	    "UID:empty\n"
	    "DTSTART;VALUE=DATE:20240101\n"
	    "RRULE:\n"					/* 5 */
	    "Frohes neues Jahr\n"
	    "SUMMARY:Neujahr\n"
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"
	    "UID:freq\n"					/* 10 */
	    "DTSTART:20240101T100000Z\n"
	    "RRULE:FREQ=INVALID\n"
	    "RDATE:20240105T100000Z\n"
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"				/* 15 */
	    "UID:negative\n"
	    "DTSTART:20240101T100000Z\n"
	    "RRULE:FREQ=WEEKLY;UNTIL=20240331;COUNT=-1;INTERVAL=4\n"
	    "END:VEVENT\n"
	    "BEGIN:VEVENT\n"				/* 20 */
	    "UID:zero\n"
	    "DTSTART:20240101T100000Z\n"
	    "RRULE:FREQ=DAILY;COUNT=0\n"
	    "END:VEVENT\n"
	    "END:VCALENDAR\n";
	struct ev_reader r;

	open_mem(&r, s, strlen(s));
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:6: bad content line \"Frohes neues Jahr\": "
	    "skipped");
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:5: RRULE \"\" not read: kept as a single "
	    "event");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "empty");
	T_STREQ(ev_event_text(ev, EV_F_SUMMARY), "Neujahr");
	T_OK(ev_event_prop(ev, "RRULE") == NULL);
	T_EQ(ev_event_recurring(ev), 0);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:12: RRULE \"FREQ=INVALID\" not read: left "
	    "out");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "freq");
	T_OK(ev_event_prop(ev, "RRULE") == NULL);
	T_EQ(ev_event_recurring(ev), 1);	/* its RDATE */
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:18: RRULE \"FREQ=WEEKLY;UNTIL=20240331;"
	    "COUNT=-1;INTERVAL=4\" has a negative COUNT: read without it");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "negative");
	T_STREQ(ev_event_prop(ev, "RRULE"), "FREQ=WEEKLY;UNTIL=20240331;"
	    "INTERVAL=4");
	T_STREQ(ev_event_text(ev, EV_F_RRULE), "FREQ=WEEKLY;UNTIL=20240331;"
	    "INTERVAL=4");
	T_EQ(ev_event_recurring(ev), 1);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:23: RRULE \"FREQ=DAILY;COUNT=0\" not read: "
	    "kept as a single event");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "zero");
	T_EQ(rd(&r), 0);
	close_mem(&r);
}

/* raw is the bytes as read: folds, CRLF and LF kept; a BOM is not. */
static void
raw_bytes(void)
{
	const char *rec =
	    "BEGIN:VEVENT\r\n"
	    "UID:r1\n"
	    "DTSTART:20170101T100000Z\r\n"
	    "DESCRIPTION:Eine lange Beschreibung\\, die gefaltet wird und Gr\xc3\r\n"
	    " \xbc\xc3\x9f" "e enth\xc3\xa4lt.\r\n"
	    "\tEnde.\r\n"
	    "END:VEVENT";
	struct ev_buf b = {0};
	struct ev_reader r;

	ev_buf_adds(&b, "\xef\xbb\xbf");
	ev_buf_adds(&b, rec);
	open_mem(&r, b.p, b.len);
	T_EQ(rd(&r), 1);
	T_STREQ(ev->raw.p, rec);
	T_STREQ(ev_event_text(ev, EV_F_DESCRIPTION), "Eine lange Beschreibung, "
	    "die gefaltet wird und Gr\xc3\xbc\xc3\x9f" "e enth\xc3\xa4lt.Ende.");
	T_EQ(ev->props[2].line, 4);
	T_EQ(rd(&r), 0);
	close_mem(&r);
	ev_buf_free(&b);
}

/* A record over 16 MiB is reported and skipped; the next one is read. */
static void
huge(void)
{
	struct ev_buf b = {0};
	struct ev_reader r;
	size_t i;

	ev_buf_adds(&b, "BEGIN:VEVENT\r\nUID:huge\r\nDESCRIPTION:x");
	for (i = 0; i < 17 * 1024 * 1024 / 74; i++)
		ev_buf_adds(&b, "\r\n xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxxxxxxxxxx");
	ev_buf_adds(&b, "\r\n");
	for (i = 0; i < 300000; i++)
		ev_buf_adds(&b, "X-FILL:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxx\r\n");
	ev_buf_adds(&b, "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:small\r\n"
	    "DTSTART:20170101T100000Z\r\nEND:VEVENT\r\n");
	open_mem(&r, b.p, b.len);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:3: content line longer than 16 MiB: skipped");
	T_EQ(rd(&r), -1);	/* the rest is still too much */
	T_STREQ(r.err.msg, "t.ics:1: VEVENT longer than 16 MiB");
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "small");
	close_mem(&r);

	/* many lines that add up: the record is cut, not stored whole */
	ev_buf_clear(&b);
	ev_buf_adds(&b, "BEGIN:VEVENT\r\nUID:many\r\n");
	for (i = 0; i < 300000; i++)
		ev_buf_adds(&b, "X-FILL:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxx\r\n");
	ev_buf_adds(&b, "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:small\r\n"
	    "DTSTART:20170101T100000Z\r\nEND:VEVENT\r\n");
	open_mem(&r, b.p, b.len);
	T_EQ(rd(&r), -1);
	T_STREQ(r.err.msg, "t.ics:1: VEVENT longer than 16 MiB");
	T_OK(ev->raw.len <= 16 * 1024 * 1024);
	T_EQ(rd(&r), 1);
	T_STREQ(uid(), "small");
	T_EQ(ev_event_line(ev), 300004);
	close_mem(&r);
	ev_buf_free(&b);
}

static void
empty(void)
{
	struct ev_reader r;

	open_mem(&r, "", 0);
	T_EQ(rd(&r), 0);
	close_mem(&r);
	open_mem(&r, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n\r\n", 34);
	T_EQ(rd(&r), 0);
	T_STREQ(r.err.msg, "");
	close_mem(&r);
}

/* Everything ev_ics_read hands out, as text: each result with its
 * props (line, depth, name, params, value), raw bytes and error. */
static void
transcript(const char *in, int nofast, struct ev_buf *out)
{
	struct ev_reader r;
	int rc;

	open_mem(&r, in, strlen(in));
	r.nofast = nofast;
	while ((rc = rd(&r)) != 0 && rc != -2) {
		ev_buf_printf(out, "rc %d err \"%s\" line %lu raw \"%s\"\n", rc,
		    r.err.msg, rc == 1 ? ev->line : 0,
		    rc == 1 ? ev->raw.p : "");
		for (size_t i = 0; rc == 1 && i < ev->nprops; i++)
			ev_buf_printf(out, "  %lu %u %s;%s:%s\n",
			    ev->props[i].line, ev->props[i].depth,
			    EV_PNAME(ev, i), EV_PPARAMS(ev, i),
			    EV_PVALUE(ev, i));
	}
	ev_buf_printf(out, "end %d, header \"%s\"\n", rc, r.header.p ?
	    r.header.p : "");
	close_mem(&r);
}

/* The fast path for plain VEVENTs reads exactly what the general path
 * reads, and leaves everything unusual to it. */
static void
fast_equals_slow(void)
{
	static const char *const cases[] = {
	    /* plain, CRLF, a fold, a fold that splits a UTF-8 character */
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n"
	    "DTSTART:20161224T180000Z\r\nSUMMARY:Kr\xc3\r\n \xa4ppel Ma\r\n"
	    "\trkt\r\nDESCRIPTION;LANGUAGE=de;X-A=\"a:b\":x\\, y\r\n"
	    "END:VEVENT\r\nEND:VCALENDAR\r\n",
	    /* LF only, lower case end, trailing blanks, no final newline */
	    "BEGIN:VEVENT\nUID:b\nDTSTART:20161224\nend:vevent  \n"
	    "BEGIN:VEVENT\nUID:c\nDTSTART:20161224\nEND:VEVENT",
	    /* a record at the very end, closed with a newline */
	    "BEGIN:VEVENT\nUID:d\nDTSTART:20161224\nEND:VEVENT\n",
	    /* an empty line, a VALARM, a line without ':' */
	    "BEGIN:VEVENT\nUID:e\n\nDTSTART:20161224\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:f\nDTSTART:20161224\nBEGIN:VALARM\n"
	    "TRIGGER:-PT1H\nEND:VALARM\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:g\nDTSTART:20161224\nnonsense\nEND:VEVENT\n",
	    /* invalid UTF-8, a bad DTSTART, an unclosed record */
	    "BEGIN:VEVENT\nUID:h\nSUMMARY:\xff\nDTSTART:20161224\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:i\nDTSTART:2016-13-45\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:j\nDTSTART:20161224\nBEGIN:VEVENT\nUID:k\n"
	    "DTSTART:20161224\nEND:VEVENT\n",
	    /* a folded END line, a fold right after BEGIN's record start */
	    "BEGIN:VEVENT\nUID:l\nDTSTART:20161224\nEND:VEV\n ENT\n"
	    "BEGIN:VEVENT\n UID:m\nDTSTART:20161224\nEND:VEVENT\n",
	    /* a CR without LF at the end, an END:VCALENDAR inside */
	    "BEGIN:VEVENT\nUID:n\nDTSTART:20161224\nEND:VEVENT\r",
	    "BEGIN:VEVENT\nUID:o\nDTSTART:20161224\nEND:VCALENDAR\n",
	    /* found by fuzzing: an END line with a CR too many */
	    "BEGIN:VEVENT\r\nUID:p\r\nDTSTART:20161224\r\nEND:VEVENT\r\r\n"
	    "X-A:1\r\nEND:VEVENT\r\n",
	};
	struct ev_buf a = {0}, b = {0};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ev_buf_clear(&a);
		ev_buf_clear(&b);
		transcript(cases[i], 0, &a);
		transcript(cases[i], 1, &b);
		T_STREQ(a.p, b.p);
	}
	/* a record longer than one read of the lexer (64 KiB) */
	{
		struct ev_buf big = {0};

		ev_buf_adds(&big, "BEGIN:VEVENT\r\nUID:big\r\n"
		    "DTSTART:20161224\r\nDESCRIPTION:");
		for (int k = 0; k < 5000; k++)
			ev_buf_adds(&big, "Gr\xc3\xbc\xc3\x9f""e aus \r\n Bremen ");
		ev_buf_adds(&big, "\r\nEND:VEVENT\r\n");
		ev_buf_clear(&a);
		ev_buf_clear(&b);
		transcript(big.p, 0, &a);
		transcript(big.p, 1, &b);
		T_STREQ(a.p, b.p);
		ev_buf_free(&big);
	}
	ev_buf_free(&a);
	ev_buf_free(&b);
}

/* ev_param_get: PARAM's value in a parameter list, unquoted, or NULL */
static const char *
param(const char *params, const char *name)
{
	static struct ev_buf b;

	if (!ev_param_get(params, name, &b)) {
		T_STREQ(b.p, "");	/* still a string */
		return NULL;
	}
	return b.p;
}

static void
params(void)
{
	T_STREQ(param("TZID=Europe/Berlin", "TZID"), "Europe/Berlin");
	T_STREQ(param("tzid=Europe/Berlin", "TZID"), "Europe/Berlin");
	T_STREQ(param("VALUE=DATE;TZID=Europe/Berlin", "TZID"),
	    "Europe/Berlin");
	T_STREQ(param("VALUE=DATE;TZID=Europe/Berlin", "VALUE"), "DATE");
	T_STREQ(param("CN=\"M\u00fcller; Partner: Bremen\";ROLE=CHAIR", "CN"),
	    "M\u00fcller; Partner: Bremen");
	T_STREQ(param("CN=\"a;b\";ROLE=CHAIR", "ROLE"), "CHAIR");
	/* a list of values, quoted and not, joined by their commas */
	T_STREQ(param("MEMBER=\"mailto:a@x\",\"mailto:b@x\"", "MEMBER"),
	    "mailto:a@x,mailto:b@x");
	T_STREQ(param("X-A=one,\"two\",three;X-B=4", "X-A"),
	    "one,two,three");
	T_STREQ(param("X-A=pre\"mid\"post", "X-A"), "premidpost");
	T_STREQ(param("VALUE=", "VALUE"), "");
	T_STREQ(param("TZIDX=a;TZID=b", "TZID"), "b");
	T_OK(param("TZIDX=a", "TZID") == NULL);
	T_OK(param("", "TZID") == NULL);
	T_OK(param("TZID", "TZID") == NULL);	/* no '=': no value */
	/* an unclosed quote ends the list; what came before stays */
	T_STREQ(param("X-A=ab\"cd;X-B=1", "X-A"), "ab");
	T_OK(param("X-A=\"cd;TZID=x", "TZID") == NULL);
}

static void
run(void)
{
	ctx = ev_ctx_new();
	ev = ev_event_new();
	concatenated();
	bare();
	kept();
	bad_records();
	bad_rrule();
	garbage();
	others();
	vtimezones();
	raw_bytes();
	huge();
	empty();
	fast_equals_slow();
	params();
	ev_event_free(ev);
	ev_ctx_free(ctx);
}
