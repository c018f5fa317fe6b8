/* Unit tests: csv.c, the CSV reader and writer */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

/* A reader over a string, as read.c makes one after sniffing. */
struct rd {
	struct ev_reader r;
	struct ev_event *ev;
};

static void
rd_open(struct rd *d, struct ev_ctx *ctx, const char *s, int delim)
{
	memset(d, 0, sizeof(*d));
	ev_reader_init_mem(&d->r, ctx, "t.csv", s, strlen(s), EV_FMT_AUTO);
	d->r.fmt = EV_FMT_CSV;
	d->r.delim = delim;
	T_EQ(ev_csv_open(&d->r), 0);
	d->ev = ev_event_new();
}

static int
rd_next(struct rd *d)
{
	ev_event_reset(d->ev);
	d->r.err.msg[0] = '\0';
	return ev_csv_read(&d->r, d->ev);
}

static void
rd_close(struct rd *d)
{
	ev_reader_fini(&d->r);
	ev_event_free(d->ev);
}

/* Raw value and params of the first property NAME, or NULL. */
static const char *
val(const struct ev_event *ev, const char *name)
{
	long i = ev_event_find(ev, name);

	return i < 0 ? NULL : EV_PVALUE(ev, i);
}

static const char *
par(const struct ev_event *ev, const char *name)
{
	long i = ev_event_find(ev, name);

	return i < 0 ? NULL : EV_PPARAMS(ev, i);
}

/* A CSV-only column by its header, which ev_event_find passes over. */
static long
col(const struct ev_event *ev, const char *name)
{
	for (size_t i = 0; i < ev->nprops; i++)
		if ((ev->props[i].flags & EV_PROP_CSVCOL) &&
		    strcmp(EV_PNAME(ev, i), name) == 0)
			return (long)i;
	return -1;
}

static const char *
colval(const struct ev_event *ev, const char *name)
{
	long i = col(ev, name);

	return i < 0 ? NULL : EV_PVALUE(ev, i);
}

/* UTC seconds of a civil time given as UTC. */
static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	return ev_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

/* German headers in any order, ';', a BOM, quoted newlines. */
static void
test_german(struct ev_ctx *ctx)
{
	static const char in[] =
	    "\xef\xbb\xbfOrt;Titel;Beginn;Ende;Beschreibung;Kategorien;"
	    "Eintritt\r\n"
	    "Stadthalle;Weihnachtskonzert;24.12.2016 18:00;"
	    "24.12.2016 20:00;\"Mit Chor\r\nund Orchester\";Musik, Kinder;"
	    "12 \xe2\x82\xac\r\n"
	    "\"Marktplatz; Nord\";\"Lesung \"\"Faust\"\"\";2016-12-25;;;"
	    "Literatur;\r\n"
	    "\r\n"
	    "Rathaus;Neujahrsempfang;01.01.2017 11:00;;\"Zeile 1\n"
	    "Zeile 2\n"
	    "Zeile 3\";;frei\n"
	    "Kirche;Christmette;24.12.2016 23:00;25.12.2016 00:30;;;";
	struct rd d;

	rd_open(&d, ctx, in, 0);
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 2);
	T_EQ(d.ev->src, EV_FMT_CSV);
	T_STREQ(d.ev->file, "t.csv");
	T_STREQ(d.ev->raw.p, "Stadthalle;Weihnachtskonzert;24.12.2016 18:00;"
	    "24.12.2016 20:00;\"Mit Chor\r\nund Orchester\";Musik, Kinder;"
	    "12 \xe2\x82\xac\r\n");
	T_STREQ(val(d.ev, "SUMMARY"), "Weihnachtskonzert");
	T_STREQ(val(d.ev, "LOCATION"), "Stadthalle");
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000");
	T_STREQ(par(d.ev, "DTSTART"), "");
	T_STREQ(val(d.ev, "DTEND"), "20161224T200000");
	T_STREQ(val(d.ev, "DESCRIPTION"), "Mit Chor\\nund Orchester");
	T_STREQ(val(d.ev, "CATEGORIES"), "Musik,Kinder");
	T_STREQ(val(d.ev, "X-PRICE"), "12 \xe2\x82\xac");
	T_EQ(ev_event_start(d.ev)->kind, EV_T_FLOAT);
	T_EQ(ev_event_all_day(d.ev), 0);

	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 4);
	T_STREQ(val(d.ev, "LOCATION"), "Marktplatz\\; Nord");
	T_STREQ(val(d.ev, "SUMMARY"), "Lesung \"Faust\"");
	T_STREQ(val(d.ev, "DTSTART"), "20161225");
	T_STREQ(par(d.ev, "DTSTART"), "VALUE=DATE");
	T_OK(val(d.ev, "DTEND") == NULL);
	T_OK(val(d.ev, "X-PRICE") == NULL);
	T_OK(val(d.ev, "DESCRIPTION") == NULL);
	T_EQ(ev_event_all_day(d.ev), 1);

	/* after a blank line; a field over three lines, LF only */
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 6);
	T_STREQ(val(d.ev, "DESCRIPTION"), "Zeile 1\\nZeile 2\\nZeile 3");
	T_STREQ(val(d.ev, "X-PRICE"), "frei");
	T_STREQ(val(d.ev, "DTSTART"), "20170101T110000");

	/* the last line has no line end */
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 9);
	T_STREQ(val(d.ev, "SUMMARY"), "Christmette");
	T_STREQ(val(d.ev, "DTEND"), "20161225T003000");
	T_EQ(rd_next(&d), 0);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
}

/* Every date form, all-day, the tz column. */
static void
test_dates(struct ev_ctx *ctx)
{
	static const char in[] =
	    "uid,summary,start,end,tz,all_day\n"
	    "a1,offset,2016-12-24T18:00:00+01:00,2016-12-24T20:00:00+0100,,\n"
	    "a2,Z,2016-12-24T17:00:00Z,2016-12-24T19:00:00.000Z,,\n"
	    "a3,local,2016-12-24T18:00,2016-12-24 20:30:15,,\n"
	    "a4,date,2016-12-24,2016-12-26,,\n"
	    "a5,german,24.12.2016,26.12.2016,,\n"
	    "a6,zoned,2016-12-24T18:00,2016-12-24 20:00:00,Europe/Berlin,\n"
	    "a7,zoned offset,2016-07-01T07:00:00Z,2016-07-01T11:00:00+02:00,"
	    "Europe/Berlin,\n"
	    "a8,all-day flag,2016-12-24T18:00,2016-12-26,,ja\n"
	    "a9,gap,2016-03-13T07:30:00Z,,America/New_York,false\n"
	    "a10,utc zone,2016-12-24 18:00,,UTC,\n"
	    "a11,german time,24.12.2016 18:00 Uhr,5.1.2017 9:30,,\n"
	    "a12,basic,20161224T180000Z,20161224T190000Z,,\n"
	    "a13,basic date,20161225,,,\n";
	struct rd d;

	rd_open(&d, ctx, in, 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "UID"), "a1");
	T_STREQ(val(d.ev, "DTSTART"), "20161224T170000Z");
	T_STREQ(val(d.ev, "DTEND"), "20161224T190000Z");
	T_EQ(ev_event_start(d.ev)->kind, EV_T_UTC);
	T_EQ(ev_event_start(d.ev)->utc, utc(2016, 12, 24, 17, 0));

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224T170000Z");
	T_STREQ(val(d.ev, "DTEND"), "20161224T190000Z");

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000");
	T_STREQ(val(d.ev, "DTEND"), "20161224T203015");
	T_EQ(ev_event_start(d.ev)->kind, EV_T_FLOAT);

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224");
	T_STREQ(par(d.ev, "DTSTART"), "VALUE=DATE");
	/* the end stays as given: exclusive, as in RFC 5545 */
	T_STREQ(val(d.ev, "DTEND"), "20161226");
	T_STREQ(par(d.ev, "DTEND"), "VALUE=DATE");
	T_EQ(ev_event_all_day(d.ev), 1);

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224");
	T_STREQ(val(d.ev, "DTEND"), "20161226");
	T_EQ(ev_event_all_day(d.ev), 1);

	T_EQ(rd_next(&d), 1);
	T_STREQ(par(d.ev, "DTSTART"), "TZID=Europe/Berlin");
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000");
	T_STREQ(par(d.ev, "DTEND"), "TZID=Europe/Berlin");
	T_STREQ(val(d.ev, "DTEND"), "20161224T200000");
	T_EQ(ev_event_start(d.ev)->kind, EV_T_ZONED);
	T_EQ(ev_event_start(d.ev)->utc, utc(2016, 12, 24, 17, 0));

	/* an instant shown as the zone's wall clock: CEST is +02:00 */
	T_EQ(rd_next(&d), 1);
	T_STREQ(par(d.ev, "DTSTART"), "TZID=Europe/Berlin");
	T_STREQ(val(d.ev, "DTSTART"), "20160701T090000");
	T_STREQ(val(d.ev, "DTEND"), "20160701T110000");

	T_EQ(rd_next(&d), 1);
	T_STREQ(par(d.ev, "DTSTART"), "VALUE=DATE");
	T_STREQ(val(d.ev, "DTSTART"), "20161224");
	T_STREQ(val(d.ev, "DTEND"), "20161226");
	T_EQ(ev_event_all_day(d.ev), 1);

	/* New York moved to EDT at 07:00Z that day: 07:30Z is 03:30 */
	T_EQ(rd_next(&d), 1);
	T_STREQ(par(d.ev, "DTSTART"), "TZID=America/New_York");
	T_STREQ(val(d.ev, "DTSTART"), "20160313T033000");
	T_EQ(ev_event_all_day(d.ev), 0);

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000Z");
	T_STREQ(par(d.ev, "DTSTART"), "");

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000");
	T_STREQ(val(d.ev, "DTEND"), "20170105T093000");

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000Z");
	T_STREQ(val(d.ev, "DTEND"), "20161224T190000Z");
	T_STREQ(val(d.ev, "SUMMARY"), "basic");
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161225");
	T_STREQ(par(d.ev, "DTSTART"), "VALUE=DATE");
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
}

/* "Datum" with a separate time column; times past midnight. */
static void
test_date_and_time(struct ev_ctx *ctx)
{
	static const char in[] =
	    "Datum;Uhrzeit;Bis;Veranstaltung\n"
	    "24.12.2016;18:00;20:00;Konzert\n"
	    "31.12.2016;22:00;01:00 Uhr;Silvester\n"
	    "25.12.2016;;;Feiertag\n";
	struct rd d;

	rd_open(&d, ctx, in, 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224T180000");
	T_STREQ(val(d.ev, "DTEND"), "20161224T200000");
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161231T220000");
	T_STREQ(val(d.ev, "DTEND"), "20170101T010000");
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161225");
	T_STREQ(par(d.ev, "DTSTART"), "VALUE=DATE");
	T_STREQ(val(d.ev, "SUMMARY"), "Feiertag");
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
}

/* TAB, columns without iCalendar meaning, property columns. */
static void
test_columns(struct ev_ctx *ctx)
{
	static const char in[] =
	    " TITEL \tDatum\tNotizen\tEinlass ab\tgeo\tX-Foo\tContact\t"
	    "GANZT\xc3\x84GIG\n"
	    "Konzert\t2016-12-24\tbitte fr\xc3\xbch kommen\t17:30\t"
	    "48.137;11.575\tbar, baz\tKasse; Tel. 123\tx\n"
	    "Lesung\t2016-12-25\t\t\t\t\t\t\n";
	struct rd d;
	long i;

	rd_open(&d, ctx, in, 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "SUMMARY"), "Konzert");
	T_STREQ(colval(d.ev, "Notizen"), "bitte fr\xc3\xbch kommen");
	T_STREQ(colval(d.ev, "Einlass ab"), "17:30");
	T_OK(val(d.ev, "Notizen") == NULL);
	T_STREQ(val(d.ev, "GEO"), "48.137;11.575");
	T_OK(col(d.ev, "GEO") < 0);
	i = ev_event_find(d.ev, "X-FOO");
	T_OK(i >= 0);
	if (i >= 0)
		T_STREQ(EV_PNAME(d.ev, i), "X-FOO");
	T_STREQ(val(d.ev, "X-FOO"), "bar\\, baz");
	T_STREQ(val(d.ev, "CONTACT"), "Kasse\\; Tel. 123");
	T_STREQ(par(d.ev, "DTSTART"), "VALUE=DATE");
	T_EQ(ev_event_all_day(d.ev), 1);
	/* CSV-only columns stay out of the iCalendar fields */
	T_OK(ev_event_text(d.ev, EV_F_DESCRIPTION) == NULL);

	/* an empty CSV-only cell is kept, empty: the writer's columns come
	 * from the first event */
	T_EQ(rd_next(&d), 1);
	T_STREQ(colval(d.ev, "Notizen"), "");
	T_OK(val(d.ev, "GEO") == NULL);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
}

/* TSV as the writer makes it: backslash escapes, quotes are text. */
static void
test_tsv_reader(struct ev_ctx *ctx)
{
	struct rd d;

	rd_open(&d, ctx, "summary\tstart\tdescription\n"
	    "\"A\" und B\t2016-12-24\tzwei\\nZeilen\\tTab \\\\ Strich\n", 0);
	d.r.fmt = EV_FMT_TSV;
	ev_csv_close(&d.r);
	T_EQ(ev_csv_open(&d.r), 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "SUMMARY"), "\"A\" und B");
	T_STREQ(val(d.ev, "DESCRIPTION"), "zwei\\nZeilen\tTab \\\\ Strich");
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
}

/* The text fields that need more than escaping. */
static void
test_fields(struct ev_ctx *ctx)
{
	static const char in[] =
	    "uid,summary,start,rrule,organizer,status,sequence,"
	    "last_modified,url,X-PRICE,recurrence_id\n"
	    "r1@example.org,Serie,2016-12-05T18:00,\"FREQ=WEEKLY;COUNT=4\n"
	    "RDATE:20161231T180000\n"
	    "EXDATE;TZID=Europe/Berlin:20161212T180000\","
	    "Kulturamt <mailto:kultur@example.org>,confirmed,2,"
	    "2016-11-30T12:00:00+01:00,https://example.org/e?a=1&b=2,"
	    "5 \xe2\x82\xac,\n"
	    "r1@example.org,Serie verlegt,2016-12-20T19:00,,"
	    "kultur@example.org,Tentative,3,2016-12-01 10:00,,,"
	    "2016-12-19T18:00\n"
	    "r2,Lesung,2016-12-06,RRULE:FREQ=DAILY;COUNT=2,"
	    "\"\"\"M\xc3\xbcller, Hans\"\" <hans@example.org>\",,,,,,\n"
	    "r3,Ohne Adresse,2016-12-07,,Stadtbibliothek,,,,,,\n";
	struct rd d;

	rd_open(&d, ctx, in, 0);
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 2);
	T_STREQ(val(d.ev, "UID"), "r1@example.org");
	T_STREQ(val(d.ev, "RRULE"), "FREQ=WEEKLY;COUNT=4");
	T_STREQ(val(d.ev, "RDATE"), "20161231T180000");
	T_STREQ(par(d.ev, "RDATE"), "");
	T_STREQ(val(d.ev, "EXDATE"), "20161212T180000");
	T_STREQ(par(d.ev, "EXDATE"), "TZID=Europe/Berlin");
	T_STREQ(par(d.ev, "ORGANIZER"), "CN=Kulturamt");
	T_STREQ(val(d.ev, "ORGANIZER"), "mailto:kultur@example.org");
	T_STREQ(val(d.ev, "STATUS"), "CONFIRMED");
	T_STREQ(val(d.ev, "SEQUENCE"), "2");
	T_STREQ(val(d.ev, "LAST-MODIFIED"), "20161130T110000Z");
	T_STREQ(val(d.ev, "URL"), "https://example.org/e?a=1&b=2");
	T_STREQ(val(d.ev, "X-PRICE"), "5 \xe2\x82\xac");
	T_OK(val(d.ev, "RECURRENCE-ID") == NULL);
	T_EQ(ev_event_recurring(d.ev), 1);

	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 5);
	T_STREQ(par(d.ev, "ORGANIZER"), "");
	T_STREQ(val(d.ev, "ORGANIZER"), "mailto:kultur@example.org");
	T_STREQ(val(d.ev, "STATUS"), "TENTATIVE");
	/* floating: in the display zone, Europe/Berlin (CET) */
	T_STREQ(val(d.ev, "LAST-MODIFIED"), "20161201T090000Z");
	T_STREQ(val(d.ev, "RECURRENCE-ID"), "20161219T180000");
	T_EQ(ev_event_rid(d.ev)->kind, EV_T_FLOAT);
	T_EQ(ev_event_recurring(d.ev), 0);

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "RRULE"), "FREQ=DAILY;COUNT=2");
	T_STREQ(par(d.ev, "ORGANIZER"), "CN=\"M\xc3\xbcller, Hans\"");
	T_STREQ(val(d.ev, "ORGANIZER"), "mailto:hans@example.org");

	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "ORGANIZER"), "Stadtbibliothek");
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
}

/* Bad records: reported with the line they began on, good ones kept. */
static void
test_bad(struct ev_ctx *ctx)
{
	static const char in[] =
	    "summary,start,end\n"				/* 1 */
	    "ok1,2016-12-24,\n"					/* 2 */
	    "bad date,2016-13-45,\n"				/* 3 */
	    "\"multi\n"						/* 4 */
	    "line\",2016-12-24T18:00\n"				/* 5 */
	    "too many,2016-12-24,,x\n"				/* 6 */
	    "missing,,\n"					/* 7 */
	    "bad \xff utf8,2016-12-24,\n"			/* 8 */
	    "\"bad\"x,2016-12-24,\n"				/* 9 */
	    "ok2,2016-12-25,,,\n"				/* 10 */
	    ",,\n"						/* 11 */
	    "bad end,2016-12-25,25:00\n"			/* 12 */
	    "Zoll 12\" Vinyl,2016-12-26,\n"			/* 13 */
	    "\"open,2016-12-27,\n"				/* 14 */
	    "ok3,2016-12-28,\n";				/* 15 */
	struct rd d;
	struct ev_lexnote note;

	rd_open(&d, ctx, in, 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "SUMMARY"), "ok1");
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:3: bad start \"2016-13-45\"");
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 4);
	T_STREQ(val(d.ev, "SUMMARY"), "multi\\nline");
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:6: expected 3 fields, found 4");
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:7: missing start");
	/* not UTF-8 and nothing but ASCII before: Windows-1252, reported */
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "SUMMARY"), "bad \xc3\xbf utf8");
	T_OK(ev_lex_note(&d.r.lex, 0, &note));
	T_EQ(note.line, 8);
	T_STREQ(note.what, "not UTF-8: read as Windows-1252");
	T_OK(!ev_lex_note(&d.r.lex, 0, &note));
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:9: text after a closing quote");
	/* trailing empty fields are no extra fields; ",," is no record */
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 10);
	T_STREQ(val(d.ev, "SUMMARY"), "ok2");
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:12: bad end \"25:00\"");
	/* a quote inside an unquoted field is taken as it is */
	T_EQ(rd_next(&d), 1);
	T_EQ(d.ev->line, 13);
	T_STREQ(val(d.ev, "SUMMARY"), "Zoll 12\" Vinyl");
	/* the open quote takes the rest of the input with it */
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg,
	    "t.csv:14: unterminated quoted field at end of input");
	T_EQ(rd_next(&d), 0);
	rd_close(&d);

	rd_open(&d, ctx, "summary;start;tz\nx;2016-12-24 10:00;Mars/Olympus\n"
	    "y;2016-12-24 10:00;Europe/Vienna\n", 0);
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:2: unknown time zone \"Mars/Olympus\"");
	T_EQ(rd_next(&d), 1);
	T_STREQ(par(d.ev, "DTSTART"), "TZID=Europe/Vienna");
	T_EQ(rd_next(&d), 0);
	rd_close(&d);

	rd_open(&d, ctx, "summary,start,all_day\nx,2016-12-24,vielleicht\n",
	    0);
	T_EQ(rd_next(&d), -1);
	T_STREQ(d.r.err.msg, "t.csv:2: bad all_day \"vielleicht\"");
	rd_close(&d);
}

/* Empty input, blank input, a header without a start column. */
static void
test_header(struct ev_ctx *ctx)
{
	struct rd d;

	rd_open(&d, ctx, "", 0);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
	rd_open(&d, ctx, "\r\n  \n", 0);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
	rd_open(&d, ctx, "summary,start\n", 0);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);

	rd_open(&d, ctx, "\n24.12.2016;Konzert\n25.12.2016;Lesung\n", 0);
	T_EQ(rd_next(&d), -1);
	T_OK(strncmp(d.r.err.msg, "t.csv:2: no header row", 22) == 0);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);

	/* the delimiter given wins over detection */
	rd_open(&d, ctx, "summary;x,start\nKonzert;a,2016-12-24\n", ',');
	T_EQ(rd_next(&d), 1);
	T_STREQ(colval(d.ev, "summary;x"), "Konzert;a");
	T_STREQ(val(d.ev, "DTSTART"), "20161224");
	rd_close(&d);

	/* ties go to ',' */
	rd_open(&d, ctx, "summary;x,start\nKonzert;a,2016-12-24\n", 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(val(d.ev, "DTSTART"), "20161224");
	rd_close(&d);
}

static void
test_quote(void)
{
	struct ev_buf b = { 0 };

#define Q(s, delim, want) do { ev_buf_clear(&b); \
	ev_csv_quote(s, strlen(s), delim, &b); \
	T_STREQ(b.p ? b.p : "", want); } while (0)
	Q("", ',', "");
	Q("Konzert", ',', "Konzert");
	Q("a,b", ',', "\"a,b\"");
	Q("a,b", ';', "a,b");
	Q("a;b", ';', "\"a;b\"");
	Q("Lesung \"Faust\"", ',', "\"Lesung \"\"Faust\"\"\"");
	Q("a\nb", ',', "\"a\nb\"");
	Q("a\rb", ',', "\"a\rb\"");
	Q(" a", ',', "\" a\"");
	Q("a ", ',', "\"a \"");
	Q("a b", ',', "a b");
	Q("a\tb", '\t', "\"a\tb\"");
#undef Q
	ev_buf_free(&b);
}

/* Write what was read, CSV and TSV; the CSV-only columns come back. */
static void
test_writer(struct ev_ctx *ctx)
{
	static const char in[] =
	    "Titel;Beginn;Notizen;Ort\n"
	    "\"Lesung \"\"Faust\"\", Teil 1\";2016-12-24;\" vorne\";A\\B\n"
	    "Konzert;2016-12-25;\"zwei\nZeilen\";\tHalle\t\n";
	static const char head[] =
	    "uid,start,end,all_day,tz,summary,location,description,"
	    "categories,price,url,status,organizer,recurrence_id,rrule,"
	    "sequence,last_modified,Notizen\r\n";
	struct ev_wopts o = { 0 };
	struct ev_writer *w;
	struct ev_event *evs[2];
	struct rd d;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	rd_open(&d, ctx, in, 0);
	for (int i = 0; i < 2; i++) {
		T_EQ(rd_next(&d), 1);
		evs[i] = ev_event_dup(d.ev);
	}
	rd_close(&d);

	fp = open_memstream(&out, &outlen);
	w = ev_writer_new(ctx, fp, EV_FMT_CSV, &o);
	T_EQ(ev_write(w, evs[0]), 0);
	T_EQ(ev_write(w, evs[1]), 0);
	T_EQ(ev_writer_finish(w), 0);
	ev_writer_free(w);
	fclose(fp);
	T_OK(strncmp(out, head, strlen(head)) == 0);
	T_OK(strstr(out, ",\"Lesung \"\"Faust\"\", Teil 1\",A\\B,") != NULL);
	T_OK(strstr(out, ",\" vorne\"\r\n") != NULL);
	T_OK(strstr(out, ",Konzert,Halle,") != NULL);
	T_OK(strstr(out, ",\"zwei\nZeilen\"\r\n") != NULL);

	/* and read back */
	rd_open(&d, ctx, out, 0);
	T_EQ(rd_next(&d), 1);
	T_STREQ(ev_event_text(d.ev, EV_F_SUMMARY), "Lesung \"Faust\", Teil 1");
	T_STREQ(colval(d.ev, "Notizen"), " vorne");
	T_STREQ(val(d.ev, "DTSTART"), "20161224");
	T_EQ(rd_next(&d), 1);
	T_STREQ(colval(d.ev, "Notizen"), "zwei\nZeilen");
	T_EQ(d.ev->line, 3);
	T_EQ(rd_next(&d), 0);
	rd_close(&d);
	free(out);

	/* TSV: escapes instead of quotes, LF line ends */
	out = NULL;
	fp = open_memstream(&out, &outlen);
	o.delim = ';';
	w = ev_writer_new(ctx, fp, EV_FMT_TSV, &o);
	T_EQ(ev_write(w, evs[1]), 0);
	T_EQ(ev_writer_finish(w), 0);
	ev_writer_free(w);
	fclose(fp);
	T_OK(strncmp(out, "uid\tstart\tend\tall_day\t", 22) == 0);
	T_OK(strstr(out, "\tlast_modified\tNotizen\n") != NULL);
	T_OK(strstr(out, "\tzwei\\nZeilen\n") != NULL);
	T_OK(strstr(out, "\r") == NULL);
	free(out);

	/* ';' as the CSV delimiter */
	out = NULL;
	fp = open_memstream(&out, &outlen);
	w = ev_writer_new(ctx, fp, EV_FMT_CSV, &o);
	T_EQ(ev_write(w, evs[0]), 0);
	T_EQ(ev_writer_finish(w), 0);
	ev_writer_free(w);
	fclose(fp);
	T_OK(strncmp(out, "uid;start;end;", 14) == 0);
	T_OK(strstr(out, ";\"Lesung \"\"Faust\"\", Teil 1\";") != NULL);
	free(out);

	ev_event_free(evs[0]);
	ev_event_free(evs[1]);
}

static void
run(void)
{
	struct ev_ctx *ctx = ev_ctx_new();
	struct ev_err err;

	T_EQ(ev_ctx_set_tz(ctx, "Europe/Berlin", &err), 0);
	test_german(ctx);
	test_dates(ctx);
	test_date_and_time(ctx);
	test_columns(ctx);
	test_tsv_reader(ctx);
	test_fields(ctx);
	test_bad(ctx);
	test_header(ctx);
	test_quote();
	test_writer(ctx);
	ev_ctx_free(ctx);
}
