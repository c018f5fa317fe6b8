/*
 * gen - write a synthetic but realistic city events feed for the benchmarks.
 *
 *	gen [--csv] N [SEED]
 *
 * N VEVENTs in one VCALENDAR with an inline Europe/Berlin VTIMEZONE, or
 * with --csv the same events as a German spreadsheet export (';',
 * "Datum;Von;Bis;..." headers).  The output depends on N and SEED only:
 * a seeded PRNG, no clock, no locale, so two runs compare byte for byte.
 *
 * What makes it realistic: German titles, venues and descriptions with
 * umlauts, about 1 KB per event (100,000 events are about 100 MB), lines
 * folded at 75 octets with CRLF, where a quarter of the events are folded
 * by a naive writer that splits UTF-8 characters (RFC 5545 3.1 allows
 * readers to meet that), TZID=Europe/Berlin times, some all-day events,
 * 15 % recurring (weekly or monthly, COUNT or UNTIL, some EXDATEs), a few
 * VALARMs, CATEGORIES, X-PRICE and X-COST-TYPE.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define LINEMAX		16384

/* Days since 1970-01-01 of the first day events may fall on (2024-01-01). */
#define FIRSTDAY	19723
#define NDAYS		1096

static const char *kinds[] = {
	"Konzert", "Lesung", "Führung", "Ausstellung", "Flohmarkt",
	"Theater", "Kinderprogramm", "Vortrag", "Workshop", "Stadtrundgang",
	"Märchenstunde", "Orgelkonzert", "Poetry Slam", "Tanzabend",
	"Kabarett", "Kochkurs", "Filmabend", "Sprechstunde", "Radtour",
	"Gottesdienst",
};

static const char *names[] = {
	"Grüße aus Übersee", "Die Bremer Stadtmusikanten",
	"Jazz im Güterbahnhof", "Märchen für Groß und Klein",
	"Weserufer bei Nacht", "Backsteingotik und Hanse",
	"Frühjahrsputz im Bürgerpark", "Größenwahn – eine Revue",
	"Kräuterwanderung am Deich", "Schätze aus dem Überseemuseum",
	"Plattdüütsch för Anfängers", "Klänge der Romantik",
	"Fahrradwerkstatt für alle", "Schöne neue Arbeitswelt?",
	"Kaffee, Kuchen & Kammermusik", "Die Böttcherstraße entdecken",
	"Wer hat an der Uhr gedreht?", "Vom Korn zum Brot",
	"Straßenbahn-Geschichte(n)", "Sommerfest im Viertel",
	"Häkeln, Stricken, Plaudern", "Lieder über Liebe; und Ärger",
	"Energie sparen im Altbau", "Vögel der Wümmewiesen",
};

static const char *venues[] = {
	"Kulturzentrum Schlachthof, Findorffstraße 51, 28215 Bremen",
	"Übersee-Museum, Bahnhofsplatz 13, 28195 Bremen",
	"Bürgerhaus Weserterrassen, Osterdeich 70b, 28205 Bremen",
	"Zentralbibliothek, Am Wall 201, 28195 Bremen",
	"Die Glocke, Domsheide 6–8, 28195 Bremen",
	"Kunsthalle Bremen, Am Wall 207, 28195 Bremen",
	"Theater am Goetheplatz, Goetheplatz 1–3, 28203 Bremen",
	"Gemeindehaus St. Jürgen, Jürgenstraße 5, 28203 Bremen",
	"Meierei im Bürgerpark, Im Bürgerpark, 28209 Bremen",
	"Marktplatz vor dem Rathaus, 28195 Bremen",
	"Lagerhaus, Schildstraße 12–19, 28203 Bremen",
	"Unser Lieben Frauen, Unser Lieben Frauen Kirchhof 27, 28195 Bremen",
	"Hafenmuseum Speicher XI, Am Speicher XI 1, 28217 Bremen",
	"Bürgerzentrum Neue Vahr, Berliner Freiheit 10, 28327 Bremen",
	"Schwankhalle, Buntentorsteinweg 112, 28201 Bremen",
	"Stadtteilbüro Gröpelingen, Gröpelinger Heerstraße 226, 28237 Bremen",
	"Volkshochschule im Bamberger, Faulenstraße 69, 28195 Bremen",
	"Wallanlagen, Treffpunkt Mühle am Wall, 28195 Bremen",
};

static const char *organizers[] = {
	"Kulturamt Bremen", "Bürgerhaus Weserterrassen e.V.",
	"Stadtbibliothek Bremen", "Förderverein Übersee-Museum",
	"Ev. Gemeinde St. Jürgen", "Volkshochschule Bremen",
	"Quartiersmanagement Gröpelingen", "ADFC Bremen",
};

static const char *categories[] = {
	"Musik", "Theater", "Kinder & Familie", "Führungen", "Märkte",
	"Literatur", "Ausstellungen", "Sport", "Bildung", "Senioren",
	"Kabarett & Comedy", "Natur & Umwelt", "Gesundheit", "Tanz",
	"Kirche", "Stadtteil",
};

static const struct {
	const char *price;
	const char *type;
} prices[] = {
	{ "kostenlos", "FREE" },
	{ "Eintritt frei, Spenden erbeten", "DONATION" },
	{ "12,50 €", "FIXED" },
	{ "8 € / ermäßigt 5 €", "FIXED" },
	{ "ab 15 €", "FROM" },
	{ "VVK 18 €, AK 22 €", "FIXED" },
	{ "3 € (Kinder frei)", "FIXED" },
	{ "Teilnahmegebühr 25 € inkl. Material", "FIXED" },
};

static const char *sentences[] = {
	"Ein Abend für alle, die Musik lieben: Das Ensemble spielt Werke von "
	    "Brahms, Schumann und Mendelssohn, dazu Überraschungen aus dem "
	    "Archiv.",
	"Die Veranstaltung ist barrierefrei; ein Aufzug führt in den Saal, "
	    "Plätze für Rollstühle sind reserviert.",
	"Bitte melden Sie sich bis drei Tage vorher an – die Zahl der Plätze "
	    "ist begrenzt.",
	"Für Kinder ab 6 Jahren geeignet. Begleitpersonen zahlen den "
	    "ermäßigten Eintritt.",
	"Treffpunkt ist der Haupteingang; bei schlechtem Wetter weichen wir "
	    "in die Halle aus.",
	"Im Anschluss gibt es Gespräche bei Kaffee und Kuchen, gebacken von "
	    "den Ehrenamtlichen des Vereins.",
	"Die Führung dauert etwa neunzig Minuten und endet an der Weser, wo "
	    "die Schiffe der Hanse einst anlegten.",
	"Wir zeigen Fotografien aus fünf Jahrzehnten Stadtgeschichte, viele "
	    "davon zum ersten Mal öffentlich.",
	"Gefördert vom Senator für Kultur und von der Sparkasse Bremen.",
	"Karten gibt es an der Abendkasse, im Bürgerbüro und online; "
	    "Schüler, Studierende und Inhaber der Grünen Karte zahlen weniger.",
	"Die Referentin berichtet über ihre Erfahrungen in Gröpelingen, "
	    "Huchting und Blumenthal und beantwortet Fragen aus dem Publikum.",
	"Mitzubringen: festes Schuhwerk, wetterfeste Kleidung und gute Laune.",
	"Der Eintritt ist frei, um eine Spende für die Jugendarbeit wird "
	    "gebeten.",
	"Übersetzung in Deutsche Gebärdensprache auf Anfrage.",
	"Öffentliche Verkehrsmittel: Straßenbahnlinien 2, 3 und 10 bis "
	    "Haltestelle \"Domsheide\", von dort fünf Minuten zu Fuß.",
	"Änderungen vorbehalten. Aktuelle Hinweise finden Sie auf unserer "
	    "Webseite.",
	"Gäste aus Groningen, Danzig und Riga stellen ihre Städte vor; "
	    "zwischendurch gibt es Spezialitäten zum Probieren.",
	"Mit freundlicher Unterstützung des Beirats Östliche Vorstadt.",
	"Für das leibliche Wohl sorgt das Café Übersee mit Suppe, "
	    "belegten Brötchen und Getränken.",
	"Die Teilnehmerzahl ist auf zwölf Personen begrenzt; Anmeldung "
	    "telefonisch unter 0421 361-0.",
};

/* ---- a small seeded PRNG (splitmix64, then xorshift64*) ------------------ */

static uint64_t rs;

static void
seed(uint64_t s)
{
	uint64_t z = s + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	rs = (z ^ (z >> 31)) | 1;
}

static uint32_t
rnd(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return (uint32_t)((rs * 0x2545f4914f6cdd1dULL) >> 32);
}

/* Uniform-enough in [0, n) for the small n used here. */
static unsigned
pick(unsigned n)
{
	return (unsigned)(((uint64_t)rnd() * n) >> 32);
}

/* 1 with probability pct percent */
static int
chance(unsigned pct)
{
	return pick(100) < pct;
}

/* ---- civil dates (Hinnant's algorithm) ---------------------------------- */

struct date {
	int	 y, m, d;
};

static struct date
civil(long days)
{
	struct date r;
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

/* Days of the same day of month, k months later (day <= 28 here). */
static long
add_months(long days, int k)
{
	struct date d = civil(days);
	long y = d.y, m = d.m - 1 + k;
	long n;

	y += m / 12;
	m = m % 12 + 1;
	/* days_from_civil, inlined for the one use */
	y -= m <= 2;
	n = (y >= 0 ? y : y - 399) / 400;
	{
		long yoe = y - n * 400;
		long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.d - 1;
		long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

		return n * 146097 + doe - 719468;
	}
}

/* ---- output ------------------------------------------------------------- */

static char line[LINEMAX];
static size_t linelen;

static void
lput(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line + linelen, sizeof(line) - linelen, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line) - linelen) {
		fputs("gen: line too long\n", stderr);
		exit(1);
	}
	linelen += (size_t)n;
}

/* Append s as an RFC 5545 TEXT value: \\ \; \, and \n escaped. */
static void
lput_text(const char *s)
{
	for (; *s != '\0'; s++) {
		if (linelen + 3 >= sizeof(line)) {
			fputs("gen: line too long\n", stderr);
			exit(1);
		}
		if (*s == '\\' || *s == ';' || *s == ',') {
			line[linelen++] = '\\';
			line[linelen++] = *s;
		} else if (*s == '\n') {
			line[linelen++] = '\\';
			line[linelen++] = 'n';
		} else
			line[linelen++] = *s;
	}
	line[linelen] = '\0';
}

/*
 * Write the built line folded at 75 octets with CRLF.  A careful writer
 * folds between characters; a naive one (split) cuts wherever octet 75
 * falls, even inside a UTF-8 sequence, as many real feeds do.
 */
static int naive;

static void
lend(void)
{
	size_t i = 0, max = 75;

	while (linelen - i > max) {
		size_t cut = max;

		if (!naive)
			while (cut > 1 &&
			    ((unsigned char)line[i + cut] & 0xc0) == 0x80)
				cut--;
		fwrite(line + i, 1, cut, stdout);
		fputs("\r\n ", stdout);
		i += cut;
		max = 74;	/* the leading space counts */
	}
	fwrite(line + i, 1, linelen - i, stdout);
	fputs("\r\n", stdout);
	linelen = 0;
}

static void
emit(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line)) {
		fputs("gen: line too long\n", stderr);
		exit(1);
	}
	linelen = (size_t)n;
	lend();
}

/* ---- one event, in memory first so ICS and CSV share it ---------------- */

enum freq { NONE, WEEKLY, MONTHLY };

struct event {
	unsigned long n;
	unsigned uidtag;
	char	 summary[160];
	const char *venue, *organizer;
	char	 desc[2048];
	char	 cats[128];
	int	 price;
	long	 day;		/* days since 1970 */
	int	 smin;		/* start minute of day */
	int	 dur;		/* minutes; all-day: days */
	int	 allday, useduration, status, seq;
	enum freq freq;
	int	 interval, count;	/* count 0: until */
	long	 until;			/* a day */
	int	 exk[2], nex;		/* excluded instances (index) */
	int	 alarm;
	unsigned stamp;
};

static void
make_desc(struct event *e)
{
	size_t want = 160 + pick(300), len = 0;
	const char *s;

	e->desc[0] = '\0';
	while (len < want) {
		s = sentences[pick(NELEM(sentences))];
		if (len + strlen(s) + 3 >= sizeof(e->desc))
			break;
		if (len > 0) {
			strcat(e->desc, chance(25) ? "\n\n" : " ");
			len = strlen(e->desc);
		}
		strcat(e->desc, s);
		len += strlen(s);
	}
}

static void
make_cats(struct event *e)
{
	unsigned a = pick(NELEM(categories)), b;
	int n = 1 + (int)pick(3);

	strcpy(e->cats, categories[a]);
	for (int i = 1; i < n; i++) {
		b = (a + 1 + pick(NELEM(categories) - 1)) % NELEM(categories);
		strcat(e->cats, ",");
		strcat(e->cats, categories[b]);
		a = b;
	}
}

static void
make_recur(struct event *e)
{
	e->freq = chance(65) ? WEEKLY : MONTHLY;
	e->interval = e->freq == WEEKLY && chance(30) ? 2 : 1;
	e->count = chance(60) ? 4 + (int)pick(20) : 0;
	if (e->count == 0)
		e->until = e->freq == WEEKLY ?
		    e->day + 7L * e->interval * (3 + pick(30)) :
		    add_months(e->day, 3 + (int)pick(12));
	e->nex = chance(35) ? 1 + (int)pick(2) : 0;
	for (int i = 0; i < e->nex; i++)
		e->exk[i] = 1 + (int)pick(3) + 3 * i;
}

static void
make_event(struct event *e, unsigned long n, unsigned tag)
{
	struct date d;
	unsigned kind, name;

	memset(e, 0, sizeof(*e));
	e->n = n;
	e->uidtag = tag;
	/* one pick per statement: argument order is unspecified */
	kind = pick(NELEM(kinds));
	name = pick(NELEM(names));
	snprintf(e->summary, sizeof(e->summary), "%s: %s", kinds[kind],
	    names[name]);
	e->venue = venues[pick(NELEM(venues))];
	e->organizer = organizers[pick(NELEM(organizers))];
	make_desc(e);
	make_cats(e);
	e->price = (int)pick(NELEM(prices));
	e->day = FIRSTDAY + (long)pick(NDAYS);
	e->allday = chance(12);
	if (e->allday) {
		e->dur = chance(80) ? 1 : 2 + (int)pick(3);
	} else {
		e->smin = (9 + (int)pick(13)) * 60;
		e->smin += 15 * (int)pick(4);
		e->dur = 60 + 30 * (int)pick(5);
		e->useduration = chance(5);
	}
	if (chance(15))
		make_recur(e);
	if (e->freq == MONTHLY) {
		/* a day of month every month has */
		d = civil(e->day);
		if (d.d > 28)
			e->day -= d.d - 28;
	}
	e->status = chance(95) ? 0 : chance(60) ? 1 : 2;
	e->seq = chance(20) ? 1 + (int)pick(3) : 0;
	e->alarm = chance(3);
	e->stamp = pick(86400 * 200);
}

/* The day of instance k of a series. */
static long
inst_day(const struct event *e, int k)
{
	if (e->freq == WEEKLY)
		return e->day + 7L * e->interval * k;
	return add_months(e->day, k * e->interval);
}

/* ---- iCalendar ---------------------------------------------------------- */

static void
ics_head(void)
{
	static const char *h[] = {
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Freie Hansestadt Bremen//Veranstaltungskalender 4.2//DE",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"X-WR-CALNAME:Veranstaltungen in Bremen",
		"X-WR-TIMEZONE:Europe/Berlin",
		"BEGIN:VTIMEZONE",
		"TZID:Europe/Berlin",
		"X-LIC-LOCATION:Europe/Berlin",
		"BEGIN:DAYLIGHT",
		"TZOFFSETFROM:+0100",
		"TZOFFSETTO:+0200",
		"TZNAME:CEST",
		"DTSTART:19700329T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"END:DAYLIGHT",
		"BEGIN:STANDARD",
		"TZOFFSETFROM:+0200",
		"TZOFFSETTO:+0100",
		"TZNAME:CET",
		"DTSTART:19701025T030000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
		"END:STANDARD",
		"END:VTIMEZONE",
	};

	for (size_t i = 0; i < NELEM(h); i++)
		emit("%s", h[i]);
}

static void
lput_date(long day)
{
	struct date d = civil(day);

	lput("%04d%02d%02d", d.y, d.m, d.d);
}

static void
lput_datetime(long day, int min)
{
	day += min / 1440;
	min %= 1440;
	lput_date(day);
	lput("T%02d%02d00", min / 60, min % 60);
}

static void
ics_times(const struct event *e)
{
	if (e->allday) {
		lput("DTSTART;VALUE=DATE:");
		lput_date(e->day);
		lend();
		lput("DTEND;VALUE=DATE:");
		lput_date(e->day + e->dur);
		lend();
		return;
	}
	lput("DTSTART;TZID=Europe/Berlin:");
	lput_datetime(e->day, e->smin);
	lend();
	if (e->useduration) {
		emit("DURATION:PT%dH%dM", e->dur / 60, e->dur % 60);
		return;
	}
	lput("DTEND;TZID=Europe/Berlin:");
	lput_datetime(e->day, e->smin + e->dur);
	lend();
}

static void
ics_recur(const struct event *e)
{
	if (e->freq == NONE)
		return;
	lput("RRULE:FREQ=%s", e->freq == WEEKLY ? "WEEKLY" : "MONTHLY");
	if (e->interval > 1)
		lput(";INTERVAL=%d", e->interval);
	if (e->count > 0)
		lput(";COUNT=%d", e->count);
	else {
		/* UNTIL is UTC for a zoned start (RFC 5545 3.3.10) */
		lput(";UNTIL=");
		lput_date(e->until);
		if (!e->allday)
			lput("T225959Z");
	}
	lend();
	for (int i = 0; i < e->nex; i++) {
		if (e->allday) {
			lput("EXDATE;VALUE=DATE:");
			lput_date(inst_day(e, e->exk[i]));
		} else {
			lput("EXDATE;TZID=Europe/Berlin:");
			lput_datetime(inst_day(e, e->exk[i]), e->smin);
		}
		lend();
	}
}

static void
ics_stamp(const char *name, unsigned secs)
{
	long day = 20000 + (long)(secs / 86400);

	secs %= 86400;
	lput("%s:", name);
	lput_date(day);
	lput("T%02u%02u%02uZ", secs / 3600, secs / 60 % 60, secs % 60);
	lend();
}

static void
ics_event(const struct event *e)
{
	static const char *status[] = { "CONFIRMED", "TENTATIVE", "CANCELLED" };

	naive = e->n % 4 == 3;
	emit("BEGIN:VEVENT");
	emit("UID:veranstaltung-%07lu-%08x@bremen.example.de", e->n, e->uidtag);
	ics_stamp("DTSTAMP", e->stamp + 3600);
	ics_stamp("LAST-MODIFIED", e->stamp);
	if (e->seq > 0)
		emit("SEQUENCE:%d", e->seq);
	ics_times(e);
	ics_recur(e);
	lput("SUMMARY:");
	lput_text(e->summary);
	lend();
	lput("LOCATION:");
	lput_text(e->venue);
	lend();
	lput("DESCRIPTION:");
	lput_text(e->desc);
	lend();
	emit("CATEGORIES:%s", e->cats);	/* no category holds a ',' */
	lput("X-PRICE:");
	lput_text(prices[e->price].price);
	lend();
	emit("X-COST-TYPE:%s", prices[e->price].type);
	emit("URL:https://www.bremen.example.de/veranstaltungen/%lu", e->n);
	emit("ORGANIZER;CN=\"%s\":mailto:veranstaltungen@bremen.example.de",
	    e->organizer);
	emit("STATUS:%s", status[e->status]);
	emit("CLASS:PUBLIC");
	emit("TRANSP:%s", e->allday ? "TRANSPARENT" : "OPAQUE");
	if (e->alarm) {
		emit("BEGIN:VALARM");
		emit("ACTION:DISPLAY");
		emit("TRIGGER:-PT%dM", e->allday ? 720 : 60);
		lput("DESCRIPTION:Erinnerung: ");
		lput_text(e->summary);
		lend();
		emit("END:VALARM");
	}
	emit("END:VEVENT");
}

/* ---- CSV (RFC 4180, ';' as German spreadsheets write it) --------------- */

static void
csv_cell(const char *s, int last)
{
	if (strpbrk(s, ";\"\n\r") == NULL)
		fputs(s, stdout);
	else {
		putchar('"');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				putchar('"');
			if (*s == '\n')
				fputs("\r\n", stdout);
			else
				putchar(*s);
		}
		putchar('"');
	}
	fputs(last ? "\r\n" : ";", stdout);
}

static void
csv_date(char *buf, size_t n, long day)
{
	struct date d = civil(day);

	snprintf(buf, n, "%02d.%02d.%04d", d.d, d.m, d.y);
}

static void
csv_hm(char *buf, size_t n, int min)
{
	min %= 1440;
	snprintf(buf, n, "%02d:%02d", min / 60, min % 60);
}

/* The rrule cell: the rule, then EXDATE lines (as lib/csv.c reads it). */
static void
csv_rrule(const struct event *e, char *buf, size_t n)
{
	struct date d;
	size_t k;

	buf[0] = '\0';
	if (e->freq == NONE)
		return;
	k = (size_t)snprintf(buf, n, "FREQ=%s",
	    e->freq == WEEKLY ? "WEEKLY" : "MONTHLY");
	if (e->interval > 1)
		k += (size_t)snprintf(buf + k, n - k, ";INTERVAL=%d",
		    e->interval);
	if (e->count > 0)
		k += (size_t)snprintf(buf + k, n - k, ";COUNT=%d", e->count);
	else {
		d = civil(e->until);
		k += (size_t)snprintf(buf + k, n - k, ";UNTIL=%04d%02d%02d%s",
		    d.y, d.m, d.d, e->allday ? "" : "T225959Z");
	}
	for (int i = 0; i < e->nex; i++) {
		d = civil(inst_day(e, e->exk[i]));
		if (e->allday)
			k += (size_t)snprintf(buf + k, n - k,
			    "\nEXDATE;VALUE=DATE:%04d%02d%02d", d.y, d.m, d.d);
		else
			k += (size_t)snprintf(buf + k, n - k,
			    "\nEXDATE;TZID=Europe/Berlin:%04d%02d%02dT%02d%02d00",
			    d.y, d.m, d.d, e->smin / 60, e->smin % 60);
	}
}

static void
csv_head(void)
{
	fputs("UID;Datum;Von;Bis;Ganztägig;Zeitzone;Titel;Ort;Beschreibung;"
	    "Kategorien;Preis;X-COST-TYPE;Link;Status;Veranstalter;rrule\r\n",
	    stdout);
}

static void
csv_event(const struct event *e)
{
	static const char *status[] = { "CONFIRMED", "TENTATIVE", "CANCELLED" };
	char buf[512];

	snprintf(buf, sizeof(buf), "veranstaltung-%07lu-%08x@bremen.example.de",
	    e->n, e->uidtag);
	csv_cell(buf, 0);
	csv_date(buf, sizeof(buf), e->day);
	csv_cell(buf, 0);
	if (e->allday) {
		csv_cell("", 0);
		if (e->dur > 1)
			csv_date(buf, sizeof(buf), e->day + e->dur - 1);
		else
			buf[0] = '\0';
		csv_cell(buf, 0);
		csv_cell("ja", 0);
	} else {
		csv_hm(buf, sizeof(buf), e->smin);
		csv_cell(buf, 0);
		csv_hm(buf, sizeof(buf), e->smin + e->dur);
		csv_cell(buf, 0);
		csv_cell("nein", 0);
	}
	csv_cell("Europe/Berlin", 0);
	csv_cell(e->summary, 0);
	csv_cell(e->venue, 0);
	csv_cell(e->desc, 0);
	csv_cell(e->cats, 0);
	csv_cell(prices[e->price].price, 0);
	csv_cell(prices[e->price].type, 0);
	snprintf(buf, sizeof(buf),
	    "https://www.bremen.example.de/veranstaltungen/%lu", e->n);
	csv_cell(buf, 0);
	csv_cell(status[e->status], 0);
	csv_cell(e->organizer, 0);
	csv_rrule(e, buf, sizeof(buf));
	csv_cell(buf, 1);
}

/* ---- main --------------------------------------------------------------- */

static void
usage(void)
{
	fputs("usage: gen [--csv] N [SEED]\n", stderr);
	exit(2);
}

static unsigned long
number(const char *s, unsigned long max)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		usage();
	v = strtoul(s, &end, 10);
	if (*end != '\0' || v > max)
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	static char obuf[1 << 20];
	struct event e;
	unsigned long n, seedv = 1;
	int csv = 0;

	argc--, argv++;
	if (argc > 0 && strcmp(argv[0], "--csv") == 0)
		csv = 1, argc--, argv++;
	if (argc < 1 || argc > 2)
		usage();
	n = number(argv[0], 100000000UL);
	if (argc == 2)
		seedv = number(argv[1], 0xffffffffUL);
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	seed(seedv);
	if (csv)
		csv_head();
	else
		ics_head();
	for (unsigned long i = 0; i < n; i++) {
		make_event(&e, i + 1, (unsigned)(seedv * 2654435761UL));
		if (csv)
			csv_event(&e);
		else
			ics_event(&e);
	}
	if (!csv)
		emit("END:VCALENDAR");
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("gen: stdout");
		return 1;
	}
	return 0;
}
