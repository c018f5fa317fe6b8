/* Unit tests: icsout.c (RFC 5545 3.1 folding, the VCALENDAR writer) */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

/* ---- folding ----------------------------------------------------------- */

static char *
fold(const char *s, size_t n)
{
	struct ev_buf b = {0};

	ev_ics_fold(s, n, &b);
	return b.p;
}

static char *
repeat(const char *unit, size_t times)
{
	struct ev_buf b = {0};

	ev_buf_adds(&b, "");
	while (times-- > 0)
		ev_buf_adds(&b, unit);
	return b.p;
}

/* Octets of each physical line of a folded text, CRLF not counted. */
static size_t
line_lengths(const char *s, size_t *len, size_t max)
{
	size_t n = 0;
	const char *e;

	while (*s != '\0' && n < max) {
		if ((e = strstr(s, "\r\n")) == NULL)
			break;
		len[n++] = (size_t)(e - s);
		s = e + 2;
	}
	return n;
}

/* Remove "CRLF SPACE" (RFC 5545 3.1 unfolding). */
static char *
unfold(const char *s)
{
	struct ev_buf b = {0};

	ev_buf_adds(&b, "");
	for (; *s != '\0'; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		ev_buf_addc(&b, *s);
	}
	return b.p;
}

/*
 * Every rule of 3.1 for a folded line: CRLF at the end of each physical
 * line and nowhere else, at most 75 octets, continuation lines start with
 * one space, no line starts inside a UTF-8 character, and unfolding gives
 * the original line plus CRLF back.
 */
static void
fold_rules(const char *line)
{
	char *f = fold(line, strlen(line)), *u;
	const char *p, *e;
	int first = 1, ok = 1;

	for (p = f; *p != '\0'; p = e + 2, first = 0) {
		e = strstr(p, "\r\n");
		if (e == NULL || e - p > 75 || memchr(p, '\n', (size_t)(e - p)) ||
		    memchr(p, '\r', (size_t)(e - p)) ||
		    (!first && (p[0] != ' ' || (p[1] & 0xc0) == 0x80)) ||
		    (e[2] != '\0' && e - p < 72) || !ev_utf8_valid(p, (size_t)(e - p)))
			ok = 0;
		if (e == NULL)
			break;
	}
	T_OK(ok);
	u = unfold(f);
	T_EQ(strlen(u), strlen(line) + 2);
	T_OK(strncmp(u, line, strlen(line)) == 0);
	T_STREQ(u + strlen(line), "\r\n");
	free(f);
	free(u);
}

static void
test_fold_ascii(void)
{
	char *a150 = repeat("a", 150), *f;
	size_t len[8];

	/* 75 octets fit on one line */
	f = fold(a150, 75);
	T_EQ(line_lengths(f, len, 8), 1);
	T_EQ(len[0], 75);
	T_EQ(strlen(f), 77);
	free(f);
	/* 76: the 76th octet goes to a continuation line " a" */
	f = fold(a150, 76);
	T_EQ(line_lengths(f, len, 8), 2);
	T_EQ(len[0], 75);
	T_EQ(len[1], 2);
	T_OK(strncmp(f + 75, "\r\n a\r\n", 6) == 0);
	free(f);
	/* 150 = 75 + 74 + 1: the space counts in the 75 */
	f = fold(a150, 150);
	T_EQ(line_lengths(f, len, 8), 3);
	T_EQ(len[0], 75);
	T_EQ(len[1], 75);
	T_EQ(len[2], 2);
	free(f);
	free(a150);
	a150 = repeat("b", 151);
	f = fold(a150, 151);
	T_EQ(line_lengths(f, len, 8), 3);
	T_EQ(len[0], 75);
	T_EQ(len[1], 75);
	T_EQ(len[2], 3);
	free(f);
	fold_rules(a150);
	free(a150);
	f = fold("", 0);
	T_STREQ(f, "\r\n");
	free(f);
	f = fold("VERSION:2.0", 11);
	T_STREQ(f, "VERSION:2.0\r\n");
	free(f);
	/* a raw line break cannot stay inside a content line */
	f = fold("SUMMARY:a\nb\r\nc", 14);
	T_STREQ(f, "SUMMARY:a\\nb\\nc\r\n");
	free(f);
	/* a stray byte is one octet of its own, kept as it is */
	f = fold("X-A:\xff\xe2\x82", 7);
	T_STREQ(f, "X-A:\xff\xe2\x82\r\n");
	free(f);
}

static void
test_fold_utf8(void)
{
	char *s, *f;
	size_t len[8];

	/* 50 x U+00E4 (2 octets): 37 chars = 74 octets, the 38th would
	 * make 76; then " " + 13 chars */
	s = repeat("\xc3\xa4", 50);
	f = fold(s, strlen(s));
	T_EQ(line_lengths(f, len, 8), 2);
	T_EQ(len[0], 74);
	T_EQ(len[1], 27);
	fold_rules(s);
	free(f);
	free(s);
	/* 30 x U+20AC (3 octets): 25 chars fill exactly 75 octets */
	s = repeat("\xe2\x82\xac", 30);
	f = fold(s, strlen(s));
	T_EQ(line_lengths(f, len, 8), 2);
	T_EQ(len[0], 75);
	T_EQ(len[1], 16);
	fold_rules(s);
	free(f);
	free(s);
	/* 40 x U+1F600 (4 octets): 18 chars = 72, then " " + 18 = 73, " " + 4 */
	s = repeat("\xf0\x9f\x98\x80", 40);
	f = fold(s, strlen(s));
	T_EQ(line_lengths(f, len, 8), 3);
	T_EQ(len[0], 72);
	T_EQ(len[1], 73);
	T_EQ(len[2], 17);
	fold_rules(s);
	free(f);
	free(s);
	/* a real one: German text after an ASCII name, all widths mixed */
	fold_rules("DESCRIPTION:Gr\xc3\xb6\xc3\x9f" "e Stra\xc3\x9f" "enf\xc3\xa4hre "
	    "\xe2\x82\xac 5\\, Kinder frei \xf0\x9f\x8e\x84 Weihnachtsmarkt am "
	    "Gendarmenmarkt \xc3\xbc\xc3\xb6\xc3\xa4\xe2\x82\xac\xe2\x82\xac"
	    "\xf0\x9f\x8e\x85\xf0\x9f\x8e\x85 und so weiter bis zum Ende");
	/* every offset of a 3-octet character relative to the fold point */
	for (int pad = 0; pad < 3; pad++) {
		s = repeat("x", (size_t)pad);
		f = repeat("\xe2\x82\xac", 60);
		char *line = ev_emalloc(strlen(s) + strlen(f) + 1);
		strcpy(line, s);
		strcat(line, f);
		fold_rules(line);
		free(line);
		free(f);
		free(s);
	}
}

/* ---- the writer ---------------------------------------------------------- */

struct out {
	char	*p;
	size_t	 len;
	FILE	*fp;
};

/* An ICS writer on fp (an in-memory stream when o is given), not yet
 * begun, so that a test can set its options first. */
static struct ev_writer *
writer_on(struct ev_ctx *ctx, FILE *fp)
{
	struct ev_writer *w = ev_ecalloc(1, sizeof(*w));

	w->ctx = ctx;
	w->fp = fp;
	w->fmt = EV_FMT_ICS;
	w->f = &ev_wfmt_ics;
	return w;
}

static struct ev_writer *
writer_open(struct ev_ctx *ctx, struct out *o)
{
	memset(o, 0, sizeof(*o));
	o->fp = open_memstream(&o->p, &o->len);
	return writer_on(ctx, o->fp);
}

static void
writer_close(struct ev_writer *w, struct out *o)
{
	fclose(o->fp);
	ev_writer_free(w);
}

/* The ICS writer's state. */
static struct ev_icsout *
ics(struct ev_writer *w)
{
	return w->st;
}

/* An event from "NAME[;PARAMS]:VALUE" lines, "  " before nested ones,
 * "csv:" before a CSV-only column. */
static struct ev_event *
mkevent_map(struct ev_ctx *ctx, const char *const *lines,
    const struct ev_zonemap *map)
{
	struct ev_event *ev = ev_event_new();
	struct ev_err err;

	for (; *lines != NULL; lines++) {
		const char *l = *lines, *colon, *semi;
		unsigned depth = 0, flags = 0;
		int quoted;

		if (strncmp(l, "  ", 2) == 0)
			depth = 1, l += 2;
		if (strncmp(l, "csv:", 4) == 0)
			flags = EV_PROP_CSVCOL, l += 4;
		semi = l + strcspn(l, ";:");
		/* the value starts at the first ':' outside quotes */
		for (colon = semi, quoted = 0; *colon != '\0'; colon++)
			if (*colon == '"')
				quoted = !quoted;
			else if (*colon == ':' && !quoted)
				break;
		ev_event_addpropn(ev, l, (size_t)(semi - l),
		    semi + (*semi == ';'), (size_t)(colon - semi) -
		    (*semi == ';'), colon + 1, strlen(colon + 1), depth, flags, 1);
	}
	if (ev_event_decode(ctx, ev, map, &err) < 0) {
		fprintf(stderr, "decode: %s\n", err.msg);
		T_OK(0);
	}
	return ev;
}

static struct ev_event *
mkevent(struct ev_ctx *ctx, const char *const *lines)
{
	static const struct ev_zonemap none;

	return mkevent_map(ctx, lines, &none);
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL)
		n++, hay++;
	return n;
}

/* "\r\nLINE\r\n" is in the unfolded text */
static int
has_line(const char *u, const char *line)
{
	struct ev_buf b = {0};
	int found;

	ev_buf_printf(&b, "\r\n%s\r\n", line);
	found = strstr(u, b.p) != NULL;
	ev_buf_free(&b);
	return found;
}

/* CRLF everywhere, nothing longer than 75 octets */
static int
physical_ok(const char *s, size_t len)
{
	size_t i, col = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
			return 0;
		if (s[i] == '\r' && s[i + 1] != '\n')
			return 0;
		if (s[i] == '\n')
			col = 0;
		else if (s[i] != '\r' && ++col > 75)
			return 0;
	}
	return len >= 2 && s[len - 2] == '\r' && s[len - 1] == '\n';
}

/* The line that follows "\r\nPREV\r\n" in the unfolded text. */
static int
line_after(const char *u, const char *prev, const char *want)
{
	struct ev_buf b = {0};
	const char *p;
	int ok;

	ev_buf_printf(&b, "\r\n%s\r\n", prev);
	p = strstr(u, b.p);
	ok = p != NULL && strncmp(p + b.len, want, strlen(want)) == 0;
	ev_buf_free(&b);
	return ok;
}

static const char *const xmas[] = {
	"UID:xmas-2016@example.org",
	"DTSTAMP:20161120T080000Z",
	"DTSTART;VALUE=DATE-TIME;TZID=\"W. Europe Standard Time\";X-A=b:20161224T180000",
	"DTEND;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20161224T200000",
	"SUMMARY:Weihnachtssingen\\, Chor der Gedächtniskirche",
	"DESCRIPTION:Größe zählt nicht: Straßenfähre fährt um 17:30 Uhr ab "
	    "Anleger Friedrichstraße\\; Glühwein 3\\,50 € 🎄🎄🎄 und Lebkuchen.",
	"SEQUENCE:2",
	"LAST-MODIFIED:20161119T120000Z",
	"X-EVKIT-NOTE;TZID=Mars/Olympus;X-B=c:note",
	"csv:Eintritt:frei",
	"  BEGIN:VALARM",
	"  ACTION:DISPLAY",
	"  TRIGGER:-PT15M",
	"  DESCRIPTION:Gleich geht's los",
	"  END:VALARM",
	NULL
};
static const char *const party[] = {
	"DTSTART:20161231T200000",
	"DTEND:20170101T010000",
	"SUMMARY:Silvesterparty am Brandenburger Tor",
	"LOCATION:Straße des 17. Juni\\, Berlin",
	NULL
};
static const char *const party_stamped[] = {
	"DTSTART:20161231T200000",
	"DTEND:20170101T010000",
	"DTSTAMP:20161130T000000Z",
	"SUMMARY:Silvesterparty am Brandenburger Tor",
	"LOCATION:Straße des 17. Juni\\, Berlin",
	NULL
};
static const char *const party2[] = {
	"DTSTART:20161231T200000",
	"DTEND:20170101T010000",
	"SUMMARY:Silvesterparty am Brandenburger Tor!",
	"LOCATION:Straße des 17. Juni\\, Berlin",
	NULL
};
static const char *const nyc[] = {
	"UID:ball-drop@example.org",
	"DTSTAMP:20161201T000000Z",
	"DTSTART;TZID=America/New_York:20161231T235900",
	"DURATION:PT2M",
	NULL
};
static const char *const market[] = {
	"UID:market@example.org",
	"DTSTAMP:20161201T000000Z",
	"DTSTART;TZID=Europe/Berlin:20161201T110000",
	"DTEND;TZID=Europe/Berlin:20161201T210000",
	"RRULE:FREQ=YEARLY;UNTIL=20301201T100000Z",
	NULL
};
static const char *const utc[] = {
	"UID:utc@example.org",
	"DTSTAMP:20161201T000000Z",
	"DTSTART:20161224T170000Z",
	"DTEND:20161224T190000Z",
	NULL
};

/* 2016-12-01T10:00:00Z */
#define NOW	(1480586400)

static struct ev_ctx *
mkctx(void)
{
	struct ev_ctx *ctx = ev_ctx_new();
	struct ev_err err;

	T_EQ(ev_ctx_set_tz(ctx, "Europe/Berlin", &err), 0);
	ctx->now = NOW;
	return ctx;
}

static void
write_all(struct ev_writer *w, struct ev_ctx *ctx,
    const char *const *const *evs)
{
	struct ev_event *ev;

	T_EQ(w->f->begin(w), 0);
	for (; *evs != NULL; evs++) {
		ev = mkevent(ctx, *evs);
		T_EQ(ev_write(w, ev), 0);
		ev_event_free(ev);
	}
	T_EQ(w->f->finish(w), 0);
}

static void
test_writer(void)
{
	static const char *const *const evs[] = {
		xmas, party, party_stamped, party2, nyc, utc, NULL
	};
	static const char head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//evkit//evkit " EV_VERSION "//EN\r\n"
	    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
	    "NAME:Veranstaltungen\\; Kultur\\, Sport\r\n"
	    "X-WR-CALNAME:Veranstaltungen\\; Kultur\\, Sport\r\n"
	    "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"
	    "X-PUBLISHED-TTL:PT12H\r\n"
	    "BEGIN:VEVENT\r\nUID:xmas-2016@example.org\r\n";
	struct ev_ctx *ctx = mkctx();
	struct ev_writer *w;
	struct out o;
	char *u;
	const char *vtz;

	w = writer_open(ctx, &o);
	w->o.calname = "Veranstaltungen; Kultur, Sport";
	w->o.refresh = "PT12H";
	write_all(w, ctx, evs);
	fflush(o.fp);
	T_OK(physical_ok(o.p, o.len));
	T_OK(o.len > sizeof(head) &&
	    strncmp(o.p, head, sizeof(head) - 1) == 0);
	T_EQ(count(o.p, "BEGIN:VCALENDAR"), 1);
	T_EQ(count(o.p, "END:VCALENDAR"), 1);
	T_OK(o.len > 15 && strcmp(o.p + o.len - 15, "END:VCALENDAR\r\n") == 0);
	u = unfold(o.p);

	/* TZIDs: a Windows name and a libical prefix become IANA names,
	 * the other parameters stay in order; unresolved TZIDs go */
	T_OK(has_line(u, "DTSTART;VALUE=DATE-TIME;TZID=Europe/Berlin;X-A=b:"
	    "20161224T180000"));
	T_OK(has_line(u, "DTEND;TZID=Europe/Berlin:20161224T200000"));
	T_OK(has_line(u, "DTSTART;TZID=America/New_York:20161231T235900"));
	T_OK(has_line(u, "X-EVKIT-NOTE;X-B=c:note"));
	T_EQ(count(u, "freeassociation"), 0);
	T_EQ(count(u, "W. Europe"), 0);
	T_EQ(count(u, "Mars"), 0);

	/* kept as they were: values, UID, DTSTAMP, SEQUENCE, nested VALARM */
	T_OK(line_after(u, "BEGIN:VEVENT", "UID:xmas-2016@example.org\r\n"
	    "DTSTAMP:20161120T080000Z\r\n"));
	T_OK(has_line(u, "SEQUENCE:2"));
	T_OK(has_line(u, "LAST-MODIFIED:20161119T120000Z"));
	T_OK(has_line(u, "SUMMARY:Weihnachtssingen\\, Chor der Gedächtniskirche"));
	T_OK(has_line(u, "DESCRIPTION:Größe zählt nicht: Straßenfähre fährt um "
	    "17:30 Uhr ab Anleger Friedrichstraße\\; Glühwein 3\\,50 € 🎄🎄🎄 "
	    "und Lebkuchen."));
	T_OK(line_after(u, "END:VALARM", "END:VEVENT\r\n"));
	T_OK(line_after(u, "BEGIN:VALARM", "ACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"
	    "DESCRIPTION:Gleich geht's los\r\nEND:VALARM\r\n"));
	T_EQ(count(u, "Eintritt"), 0);
	T_OK(has_line(u, "DTSTART:20161224T170000Z"));
	T_OK(has_line(u, "DTSTART:20161231T200000"));

	/* generated UID (FNV-1a 64 of the props, checked with an independent
	 * implementation) and DTSTAMP (ctx now), right after BEGIN:VEVENT;
	 * DTSTAMP does not count, one character more does */
	T_EQ(count(u, "UID:78a0f403e16c0b36@evkit\r\n"), 2);
	T_EQ(count(u, "UID:dadf0ff5f598dbeb@evkit\r\n"), 1);
	T_EQ(count(u, "BEGIN:VEVENT\r\nUID:78a0f403e16c0b36@evkit\r\n"
	    "DTSTAMP:20161201T100000Z\r\nDTSTART:20161231T200000\r\n"), 1);
	T_EQ(count(u, "BEGIN:VEVENT\r\nUID:78a0f403e16c0b36@evkit\r\n"
	    "DTSTART:20161231T200000\r\nDTEND:20170101T010000\r\n"
	    "DTSTAMP:20161130T000000Z\r\n"), 1);
	T_EQ(count(u, "\r\nUID:"), 6);
	T_EQ(count(u, "\r\nDTSTAMP:"), 6);

	/* one VTIMEZONE per zone, after the last event */
	T_EQ(count(u, "BEGIN:VTIMEZONE"), 2);
	T_EQ(count(u, "\r\nTZID:Europe/Berlin\r\n"), 1);
	T_EQ(count(u, "\r\nTZID:America/New_York\r\n"), 1);
	vtz = strstr(u, "BEGIN:VTIMEZONE");
	T_OK(vtz != NULL && strstr(vtz, "BEGIN:VEVENT") == NULL);
	T_OK(vtz != NULL && strstr(vtz, "TZOFFSETTO:+0100") != NULL);
	T_OK(vtz != NULL && strstr(vtz, "TZOFFSETTO:-0500") != NULL);
	T_EQ(ics(w)->nzused, 2);
	T_EQ(ics(w)->zfrom[0], 2016);
	T_EQ(ics(w)->zto[0], 2016);
	/* 2016-12-31T23:59 in New York is 2017-01-01T04:59Z: both years */
	T_EQ(ics(w)->zfrom[1], 2016);
	T_EQ(ics(w)->zto[1], 2017);
	free(u);
	writer_close(w, &o);
	free(o.p);
	ev_ctx_free(ctx);
}

/* A series covers the years up to UNTIL, or ten years on. */
static void
test_years(void)
{
	static const char *const *const evs[] = { market, NULL };
	static const char *const endless[] = {
		"UID:endless@example.org",
		"DTSTAMP:20161201T000000Z",
		"DTSTART;TZID=Europe/Berlin:20170305T100000",
		"RRULE:FREQ=WEEKLY;COUNT=500",
		NULL
	};
	static const char *const *const evs2[] = { endless, NULL };
	struct ev_ctx *ctx = mkctx();
	struct ev_writer *w;
	struct out o;

	w = writer_open(ctx, &o);
	write_all(w, ctx, evs);
	T_EQ(ics(w)->nzused, 1);
	T_EQ(ics(w)->zfrom[0], 2016);
	T_EQ(ics(w)->zto[0], 2030);
	writer_close(w, &o);
	free(o.p);
	w = writer_open(ctx, &o);
	write_all(w, ctx, evs2);
	T_EQ(ics(w)->nzused, 1);
	T_EQ(ics(w)->zfrom[0], 2017);
	T_EQ(ics(w)->zto[0], 2027);
	writer_close(w, &o);
	free(o.p);
	ev_ctx_free(ctx);
}

/* No events is still a calendar; a full disk is an error. */
static void
test_empty_and_errors(void)
{
	static const char *const *const none[] = { NULL };
	static const char want[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//evkit//evkit " EV_VERSION "//EN\r\n"
	    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n";
	struct ev_ctx *ctx = mkctx();
	struct ev_writer *w;
	struct ev_event *ev;
	struct out o;
	FILE *full;

	w = writer_open(ctx, &o);
	write_all(w, ctx, none);
	T_EQ(o.len, strlen(want));
	T_STREQ(o.p, want);
	writer_close(w, &o);
	free(o.p);

	if ((full = fopen("/dev/full", "w")) == NULL)
		return;
	w = writer_on(ctx, full);
	w->f->begin(w);
	ev = mkevent(ctx, xmas);
	ev_write(w, ev);
	ev_event_free(ev);
	T_EQ(w->f->finish(w), -1);
	fclose(full);
	ev_writer_free(w);
	ev_ctx_free(ctx);
}

/* TZID=UTC needs no VTIMEZONE: the times get a Z instead. */
static void
test_utc_tzid(void)
{
	static const char *const ev1[] = {
		"UID:utc-tzid@example.org",
		"DTSTAMP:20161201T000000Z",
		"DTSTART;TZID=UTC:20161224T170000",
		"DTEND;TZID=Etc/UTC:20161224T190000",
		"RRULE:FREQ=DAILY;COUNT=3",
		"EXDATE;X-A=b;TZID=GMT:20161225T170000,20161226T170000",
		NULL
	};
	static const char *const *const evs[] = { ev1, NULL };
	struct ev_ctx *ctx = mkctx();
	struct ev_writer *w;
	struct out o;
	char *u;

	w = writer_open(ctx, &o);
	write_all(w, ctx, evs);
	fflush(o.fp);
	u = unfold(o.p);
	T_OK(has_line(u, "DTSTART:20161224T170000Z"));
	T_OK(has_line(u, "DTEND:20161224T190000Z"));
	T_OK(has_line(u, "EXDATE;X-A=b:20161225T170000Z,20161226T170000Z"));
	T_EQ(count(u, "TZID"), 0);
	T_EQ(ics(w)->nzused, 0);
	free(u);
	writer_close(w, &o);
	free(o.p);
	ev_ctx_free(ctx);
}

/* An inline VTIMEZONE is written back as it came; a TZID with ':' is
 * quoted (RFC 5545 3.2: param-value with COLON is a quoted-string). */
static void
test_inline_zone(void)
{
	static const char vtz[] = "BEGIN:VTIMEZONE\r\n"
	    "TZID:Stadtzeit:Mitte\r\n"
	    "BEGIN:STANDARD\r\n"
	    "DTSTART:19701025T030000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	    "TZOFFSETFROM:+0200\r\n"
	    "TZOFFSETTO:+0100\r\n"
	    "TZNAME:CET\r\n"
	    "END:STANDARD\r\n"
	    "BEGIN:DAYLIGHT\r\n"
	    "DTSTART:19700329T020000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	    "TZOFFSETFROM:+0100\r\n"
	    "TZOFFSETTO:+0200\r\n"
	    "TZNAME:CEST\r\n"
	    "END:DAYLIGHT\r\n"
	    "END:VTIMEZONE\r\n";
	static const char *const ev1[] = {
		"UID:inline@example.org",
		"DTSTAMP:20161201T000000Z",
		"DTSTART;TZID=\"Stadtzeit:Mitte\":20161224T180000",
		NULL
	};
	struct ev_ctx *ctx = mkctx();
	struct ev_zonemap map = {0};
	const struct ev_zone *z;
	struct ev_writer *w;
	struct ev_event *ev;
	struct ev_err err;
	struct out o;
	char *u;

	z = ev_zone_from_vtimezone(ctx, vtz, strlen(vtz), &err);
	T_OK(z != NULL);
	if (z == NULL)
		goto out;
	ev_zonemap_add(&map, "Stadtzeit:Mitte", z);
	w = writer_open(ctx, &o);
	T_EQ(w->f->begin(w), 0);
	ev = mkevent_map(ctx, ev1, &map);
	T_EQ(ev_write(w, ev), 0);
	ev_event_free(ev);
	T_EQ(w->f->finish(w), 0);
	T_OK(physical_ok(o.p, o.len));
	u = unfold(o.p);
	T_OK(has_line(u, "DTSTART;TZID=\"Stadtzeit:Mitte\":20161224T180000"));
	T_EQ(count(u, "BEGIN:VTIMEZONE\r\nTZID:Stadtzeit:Mitte\r\n"), 1);
	T_EQ(count(u, "TZOFFSETTO:+0200"), 1);
	free(u);
	writer_close(w, &o);
	free(o.p);
	ev_zonemap_clear(&map);
out:
	ev_ctx_free(ctx);
}

static void
run(void)
{
	test_fold_ascii();
	test_fold_utf8();
	test_writer();
	test_years();
	test_empty_and_errors();
	test_utc_tzid();
	test_inline_zone();
}
