/*
 * icsout.c - the iCalendar writer: one VCALENDAR, events streamed as they
 * come, the VTIMEZONEs of the zones used written last (component order
 * inside VCALENDAR is free in RFC 5545, and this keeps us streaming).
 * Content lines end in CRLF and are folded at 75 octets, never inside a
 * UTF-8 character (RFC 5545 3.1).
 */
#include <libical/ical.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "evkit_priv.h"

#define FOLD_AT	75	/* octets per physical line, CRLF not counted */

/*
 * Append s[0..n) to a content line whose current physical line holds
 * *col octets, folding before a character that would not fit.  A raw
 * line break cannot be written inside a content line: it becomes the
 * TEXT escape "\n" (values reach us escaped, so this only guards).
 */
static void
put(struct ev_buf *out, size_t *col, const char *s, size_t n)
{
	const char *q;
	size_t i = 0, k;

	while (i < n) {
		if (s[i] == '\r' || s[i] == '\n') {
			if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			i++;
			put(out, col, "\\n", 2);
			continue;
		}
		/* one character, or one byte that is none */
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
		} else {
			q = s + i;
			ev_utf8_next(&q, n - i);
			k = (size_t)(q - (s + i));
		}
		if (*col + k > FOLD_AT) {
			ev_buf_add(out, "\r\n ", 3);
			*col = 1;
		}
		ev_buf_add(out, s + i, k);
		*col += k;
		i += k;
	}
}

static void
puts0(struct ev_buf *out, size_t *col, const char *s)
{
	put(out, col, s, strlen(s));
}

static void
endline(struct ev_buf *out, size_t *col)
{
	ev_buf_add(out, "\r\n", 2);
	*col = 0;
}

void
ev_ics_fold(const char *line, size_t len, struct ev_buf *out)
{
	size_t col = 0;

	put(out, &col, line, len);
	endline(out, &col);
}

/* "NAME:value" as one folded line. */
static void
putline(struct ev_buf *out, const char *name, const char *value)
{
	size_t col = 0;

	puts0(out, &col, name);
	put(out, &col, ":", 1);
	puts0(out, &col, value);
	endline(out, &col);
}

/* The ICS writer's own state (evkit_priv.h). */
static struct ev_icsout *
ics(const struct ev_writer *w)
{
	return w->st;
}

/* ---- header -------------------------------------------------------- */

/* A TEXT property from plain text (escaped here). */
static void
puttext(struct ev_buf *out, const char *name, const char *text)
{
	struct ev_buf esc = {0};

	ev_text_escape(text, strlen(text), &esc);
	putline(out, name, esc.p ? esc.p : "");
	ev_buf_free(&esc);
}

static int
begin(struct ev_writer *w)
{
	struct ev_buf *b = &w->buf;
	size_t col = 0;

	w->st = ev_ecalloc(1, sizeof(struct ev_icsout));
	ev_buf_clear(b);
	putline(b, "BEGIN", "VCALENDAR");
	putline(b, "VERSION", "2.0");
	putline(b, "PRODID", "-//evkit//evkit " EV_VERSION "//EN");
	putline(b, "CALSCALE", "GREGORIAN");
	putline(b, "METHOD", "PUBLISH");
	if (w->o.calname != NULL && w->o.calname[0] != '\0') {
		/* NAME is RFC 7986; X-WR-CALNAME is what most clients read */
		puttext(b, "NAME", w->o.calname);
		puttext(b, "X-WR-CALNAME", w->o.calname);
	}
	if (w->o.refresh != NULL && w->o.refresh[0] != '\0') {
		puts0(b, &col, "REFRESH-INTERVAL;VALUE=DURATION:");
		puts0(b, &col, w->o.refresh);
		endline(b, &col);
		putline(b, "X-PUBLISHED-TTL", w->o.refresh);
	}
	return ev_writer_flush(w);
}

/* ---- zones used, and the years they are used in -------------------- */

static int
utc_year(int64_t utc)
{
	int y, m, d;

	ev_civil_from_days(ev_floordiv(utc, 86400), &y, &m, &d);
	return y;
}

static void
widen(int *from, int *to, int y)
{
	if (*from == 0 || y < *from)
		*from = y;
	if (*to == 0 || y > *to)
		*to = y;
}

/* Year of a value that starts with YYYYMMDD, or 0. */
static int
value_year(const char *s)
{
	int y = 0, i;

	for (i = 0; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	for (i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	return y;
}

/* Years named by a list value (RDATE, EXDATE: "D1,D2", periods too). */
static void
value_years(const char *v, int *from, int *to)
{
	int y;

	for (;;) {
		if ((y = value_year(v)) != 0)
			widen(from, to, y);
		if ((v = strchr(v, ',')) == NULL)
			break;
		v++;
	}
}

/* Year of a recurrence rule's UNTIL, or 0. */
static int
until_year(const char *rrule)
{
	const char *p;

	for (p = rrule; *p != '\0'; p++)
		if ((p == rrule || p[-1] == ';') &&
		    ev_strncaseeq(p, "UNTIL=", 6))
			return value_year(p + 6);
	return 0;
}

/* The UTC years an event's times fall in (0, 0 when it has none). */
static void
event_years(struct ev_event *ev, int *from, int *to)
{
	const struct ev_time *t[3];
	const char *rrule;
	int i, y;

	*from = *to = 0;
	t[0] = ev_event_start(ev);
	t[1] = ev_event_end(ev);
	t[2] = ev_event_rid(ev);
	for (i = 0; i < 3; i++)
		if (t[i]->kind != EV_T_NONE)
			widen(from, to, utc_year(t[i]->utc));
	if (*from == 0 || !ev_event_recurring(ev))
		return;
	/* a series goes on: cover its UNTIL, else the next ten years */
	rrule = ev_event_prop(ev, "RRULE");
	y = rrule != NULL ? until_year(rrule) : 0;
	widen(from, to, y != 0 ? y : *from + 10);
}

/* Index of the zone written as TZID name, or -1. */
static long
zone_named(const struct ev_writer *w, const char *name)
{
	for (size_t i = 0; i < ics(w)->nzused; i++)
		if (strcmp(ics(w)->zname[i], name) == 0)
			return (long)i;
	return -1;
}

/*
 * The TZID to write for a new zone z.  Two feeds may define different
 * custom zones under one TZID; a calendar may not (one VTIMEZONE per
 * TZID), so the later one becomes "NAME (2)".  The same definition
 * under the same name is one zone: *same is set, nothing is written
 * twice.
 */
static char *
zone_tzid(struct ev_writer *w, const struct ev_zone *z, int *same)
{
	struct ev_buf a = {0}, b = {0}, n = {0};
	long j = zone_named(w, ev_zone_name(z));

	*same = 0;
	if (j >= 0) {
		ev_zone_vtimezone(z, 0, 0, &a);
		ev_zone_vtimezone(ics(w)->zused[j], 0, 0, &b);
		*same = ev_zone_inline(z) && ev_zone_inline(ics(w)->zused[j]) &&
		    a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
	}
	for (int k = 2; j >= 0 && !*same; k++) {
		ev_buf_clear(&n);
		ev_buf_printf(&n, "%s (%d)", ev_zone_name(z), k);
		j = zone_named(w, n.p);
	}
	ev_buf_free(&a);
	ev_buf_free(&b);
	if (n.len == 0) {
		ev_buf_free(&n);
		return ev_estrdup(ev_zone_name(z));
	}
	return n.p;
}

static void
zone_use(struct ev_writer *w, const struct ev_zone *z, int from, int to)
{
	size_t i;
	int same;

	for (i = 0; i < ics(w)->nzused; i++)
		if (ics(w)->zused[i] == z)
			break;
	if (i == ics(w)->nzused) {
		char *name = zone_tzid(w, z, &same);

		ics(w)->zused = ev_ereallocarray(ics(w)->zused, i + 1,
		    sizeof(*ics(w)->zused));
		ics(w)->zfrom = ev_ereallocarray(ics(w)->zfrom, i + 1,
		    sizeof(*ics(w)->zfrom));
		ics(w)->zto = ev_ereallocarray(ics(w)->zto, i + 1, sizeof(*ics(w)->zto));
		ics(w)->zdone = ev_ereallocarray(ics(w)->zdone, i + 1,
		    sizeof(*ics(w)->zdone));
		ics(w)->zname = ev_ereallocarray(ics(w)->zname, i + 1,
		    sizeof(*ics(w)->zname));
		ics(w)->zdone[i] = same;	/* its twin's VTIMEZONE will do */
		ics(w)->zname[i] = name;
		ics(w)->zused[i] = z;
		ics(w)->zfrom[i] = ics(w)->zto[i] = 0;
		ics(w)->nzused++;
	}
	widen(&ics(w)->zfrom[i], &ics(w)->zto[i], from);
	widen(&ics(w)->zfrom[i], &ics(w)->zto[i], to);
}

/* Record every zone the event's properties refer to. */
/*
 * The zone to write for z: an inline VTIMEZONE named like an IANA zone
 * ("Europe/Berlin", as Google and Outlook send) is written as that IANA
 * zone, so one TZID never gets two VTIMEZONEs in a merged feed.
 */
static const struct ev_zone *
out_zone(struct ev_writer *w, const struct ev_zone *z)
{
	const struct ev_zone *iana;

	if (z == NULL)
		return NULL;
	iana = ev_zone_get(w->ctx, ev_zone_name(z));
	return iana != NULL ? iana : z;
}

static void
note_zones(struct ev_writer *w, struct ev_event *ev)
{
	int from, to, pfrom, pto;
	size_t i;

	event_years(ev, &from, &to);
	for (i = 0; i < ev->nprops; i++) {
		/* UTC is written with a Z and needs no VTIMEZONE */
		if (ev->props[i].zone == NULL ||
		    ev->props[i].zone == ev_zone_utc(w->ctx) ||
		    (ev->props[i].flags & EV_PROP_CSVCOL))
			continue;
		pfrom = from, pto = to;
		value_years(EV_PVALUE(ev, i), &pfrom, &pto);
		if (pfrom == 0)
			pfrom = pto = utc_year(ev_ctx_now(w->ctx));
		zone_use(w, out_zone(w, ev->props[i].zone), pfrom, pto);
	}
}

/* ---- one event ----------------------------------------------------- */

/* One parameter of a raw params string: p[0..*n) up to an unquoted ';'. */
static size_t
param_len(const char *p)
{
	size_t n = 0;
	int quoted = 0;

	for (; p[n] != '\0'; n++) {
		if (p[n] == '"')
			quoted = !quoted;
		else if (p[n] == ';' && !quoted)
			break;
	}
	return n;
}

static int
needs_quote(const char *s)
{
	return strpbrk(s, ":;,") != NULL;
}

/*
 * Write ";params" keeping each parameter in order, except TZID: that
 * becomes tzname, the name of the resolved zone, so that every TZID we
 * write has a VTIMEZONE of that name.  With tzname NULL the TZID goes:
 * UTC needs none (the value gets a Z), and a TZID nothing resolved is
 * better dropped (the value stays floating) than left pointing at no
 * VTIMEZONE.
 */
static void
put_params(struct ev_buf *b, size_t *col, const char *params,
    const char *tzname)
{
	const char *p = params;
	size_t n;
	int quote;

	while (*p != '\0') {
		n = param_len(p);
		if (n >= 5 && ev_strncaseeq(p, "TZID=", 5)) {
			if (tzname != NULL) {
				quote = needs_quote(tzname);
				put(b, col, ";TZID=", 6);
				if (quote)
					put(b, col, "\"", 1);
				puts0(b, col, tzname);
				if (quote)
					put(b, col, "\"", 1);
			}
		} else if (n > 0) {
			put(b, col, ";", 1);
			put(b, col, p, n);
		}
		p += n;
		if (*p == ';')
			p++;
	}
}

/* A local DATE-TIME "YYYYMMDDTHHMMSS", the first n octets of s. */
static int
is_local_datetime(const char *s, size_t n)
{
	size_t i;

	if (n != 15 || s[8] != 'T')
		return 0;
	for (i = 0; i < n; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* A value with TZID=UTC: every local DATE-TIME in it (lists, periods)
 * becomes the same time in UTC form, with a Z. */
static void
put_utc_value(struct ev_buf *b, size_t *col, const char *v)
{
	size_t n;

	for (;;) {
		n = strcspn(v, ",/");
		put(b, col, v, n);
		if (is_local_datetime(v, n))
			put(b, col, "Z", 1);
		if (v[n] == '\0')
			break;
		put(b, col, v + n, 1);
		v += n + 1;
	}
}

static int
is_utc(struct ev_writer *w, const struct ev_zone *z)
{
	return z != NULL && z == ev_zone_utc(w->ctx);
}

/* TEXT properties (RFC 5545 3.3.11) whose value we re-escape. */
static int
text_kind(const char *name)
{
	static const char *const single[] = {
		"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT",
		"NAME", "X-WR-CALNAME", "X-PRICE", "X-COST",
	};

	for (size_t k = 0; k < sizeof(single) / sizeof(single[0]); k++)
		if (ev_strcaseeq(name, single[k]))
			return 1;
	if (ev_strcaseeq(name, "CATEGORIES") || ev_strcaseeq(name, "RESOURCES"))
		return 2;
	return 0;
}

/*
 * Feeds in the wild leave ',' and ';' unescaped in TEXT: write them
 * escaped, so what we publish is strict.  A list (CATEGORIES) keeps its
 * unescaped commas as separators.  Escaped input comes out unchanged.
 */
static void
put_text(struct ev_buf *b, size_t *col, const char *v, int list)
{
	struct ev_buf raw = {0}, esc = {0};
	const char *p = v;

	for (;;) {
		const char *e = p;

		while (*e && !(list && *e == ','))
			e += (*e == '\\' && e[1]) ? 2 : 1;
		ev_buf_clear(&raw);
		ev_text_unescape(p, (size_t)(e - p), &raw);
		ev_text_escape(raw.p ? raw.p : "", raw.len, &esc);
		if (*e == '\0')
			break;
		ev_buf_addc(&esc, ',');
		p = e + 1;
	}
	put(b, col, esc.p ? esc.p : "", esc.len);
	ev_buf_free(&raw);
	ev_buf_free(&esc);
}

/* The TZID written for z (noted before): its name, or its alias. */
static const char *
tzid_of(const struct ev_writer *w, const struct ev_zone *z)
{
	for (size_t i = 0; i < ics(w)->nzused; i++)
		if (ics(w)->zused[i] == z)
			return ics(w)->zname[i];
	return ev_zone_name(z);
}

/*
 * A recurrence rule with blanks in it ("BYDAY=MO, TU", as some
 * exporters write) is read by libical, as the expansion reads it, and
 * written in libical's form, which strict readers accept.  A rule that
 * libical cannot read stays as it is.  1 when out holds the new value.
 */
static int
rule_normalized(const struct ev_event *ev, size_t i, struct ev_buf *out)
{
	const char *v = EV_PVALUE(ev, i);
	struct icalrecurrencetype r;
	char *s;

	if (ev->props[i].depth != 0 || (!ev_strcaseeq(EV_PNAME(ev, i),
	    "RRULE") && !ev_strcaseeq(EV_PNAME(ev, i), "EXRULE")) ||
	    strpbrk(v, " \t") == NULL)
		return 0;
	r = icalrecurrencetype_from_string(v);
	icalerror_clear_errno();
	if (r.freq == ICAL_NO_RECURRENCE || r.rscale != NULL ||
	    (s = icalrecurrencetype_as_string_r(&r)) == NULL) {
		if (r.rscale != NULL)
			icalmemory_free_buffer(r.rscale);
		return 0;
	}
	ev_buf_clear(out);
	ev_buf_adds(out, s);
	icalmemory_free_buffer(s);
	return 1;
}

static void
put_prop(struct ev_writer *w, struct ev_event *ev, size_t i)
{
	const struct ev_zone *z = out_zone(w, ev->props[i].zone);
	struct ev_buf *b = &w->buf, rule = {0};
	size_t col = 0;
	int tk;

	puts0(b, &col, EV_PNAME(ev, i));
	put_params(b, &col, EV_PPARAMS(ev, i),
	    z != NULL && !is_utc(w, z) ? tzid_of(w, z) : NULL);
	put(b, &col, ":", 1);
	if (is_utc(w, z))
		put_utc_value(b, &col, EV_PVALUE(ev, i));
	else if ((tk = text_kind(EV_PNAME(ev, i))) != 0)
		put_text(b, &col, EV_PVALUE(ev, i), tk == 2);
	else if (rule_normalized(ev, i, &rule)) {
		puts0(b, &col, rule.p);
		ev_buf_free(&rule);
	} else
		puts0(b, &col, EV_PVALUE(ev, i));
	endline(b, &col);
}

static int
is_top(const struct ev_event *ev, size_t i, const char *name)
{
	return ev->props[i].depth == 0 && ev_strcaseeq(EV_PNAME(ev, i), name);
}

/* A UID or DTSTAMP with no value is as good as none. */
static int
has_value(const struct ev_event *ev, const char *name)
{
	long i = ev_event_find(ev, name);

	return i >= 0 && EV_PVALUE(ev, i)[0] != '\0';
}

#define FNV_OFFSET	UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME	UINT64_C(0x100000001b3)

static uint64_t
fnv(uint64_t h, const char *s, int upper)
{
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (upper && c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		h = (h ^ c) * FNV_PRIME;
	}
	return h;
}

static uint64_t
fnv_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * FNV_PRIME;
}

/*
 * A UID made from what the event says, so that the same event written
 * twice (or by two runs) gets the same UID: 64-bit FNV-1a over every
 * written property's NAME (upper case) NUL params NUL value LF, leaving
 * out DTSTAMP, which changes from run to run.
 */
static void
make_uid(struct ev_event *ev, struct ev_buf *out)
{
	uint64_t h = FNV_OFFSET;
	size_t i;

	for (i = 0; i < ev->nprops; i++) {
		if ((ev->props[i].flags & EV_PROP_CSVCOL) ||
		    is_top(ev, i, "DTSTAMP") || is_top(ev, i, "UID"))
			continue;
		h = fnv(h, EV_PNAME(ev, i), 1);
		h = fnv_byte(h, 0);
		h = fnv(h, EV_PPARAMS(ev, i), 0);
		h = fnv_byte(h, 0);
		h = fnv(h, EV_PVALUE(ev, i), 0);
		h = fnv_byte(h, '\n');
	}
	ev_buf_printf(out, "%016llx@evkit", (unsigned long long)h);
}

static void
make_dtstamp(int64_t now, struct ev_buf *out)
{
	struct ev_tm tm;

	ev_tm_from_wall(now, &tm);
	ev_buf_printf(out, "%04d%02d%02dT%02d%02d%02dZ", tm.year, tm.mon,
	    tm.mday, tm.hour, tm.min, tm.sec);
}

static void put_vtimezones(struct ev_writer *);
static void put_vtimezones_(struct ev_writer *, int);

static int
write_ics(struct ev_writer *w, struct ev_event *ev)
{
	struct ev_buf *b = &w->buf;
	struct ev_buf v = {0};
	int gen_uid, gen_stamp;
	size_t i;

	gen_uid = !has_value(ev, "UID");
	gen_stamp = !has_value(ev, "DTSTAMP");
	ev_buf_clear(b);
	/*
	 * Zones noted before the first event (ev_writer_note) get their
	 * VTIMEZONEs first: readers that resolve a TZID when they meet it,
	 * ours among them, need a custom zone defined before its use.  A
	 * custom zone first seen later is written just before the event
	 * (its text does not depend on the years); an IANA zone follows the
	 * events, covering every year used (RFC 5545 allows any order, and
	 * readers know an IANA name without its VTIMEZONE).
	 */
	if (!w->started) {
		put_vtimezones(w);
		w->started = 1;
	}
	note_zones(w, ev);
	put_vtimezones_(w, 1);
	putline(b, "BEGIN", "VEVENT");
	if (gen_uid) {
		make_uid(ev, &v);
		putline(b, "UID", v.p);
		ev_buf_clear(&v);
	}
	if (gen_stamp) {
		make_dtstamp(ev_ctx_now(w->ctx), &v);
		putline(b, "DTSTAMP", v.p);
	}
	ev_buf_free(&v);
	for (i = 0; i < ev->nprops; i++) {
		if (ev->props[i].flags & EV_PROP_CSVCOL)
			continue;
		/* an empty UID or DTSTAMP was replaced above */
		if ((gen_uid && is_top(ev, i, "UID")) ||
		    (gen_stamp && is_top(ev, i, "DTSTAMP")))
			continue;
		put_prop(w, ev, i);
	}
	putline(b, "END", "VEVENT");
	return ev_writer_flush(w);
}

/* ---- the end ------------------------------------------------------- */

/* Fold the unfolded "\n"-terminated lines of text into out. */
static void
fold_lines(const char *text, size_t len, struct ev_buf *out)
{
	const char *p = text, *e, *nl;
	size_t n;

	if (p == NULL)
		return;		/* a zone written as UTC: no VTIMEZONE */
	e = p + len;
	while (p < e) {
		nl = memchr(p, '\n', (size_t)(e - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(e - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0)
			ev_ics_fold(p, n, out);
		p = nl != NULL ? nl + 1 : e;
	}
}

/*
 * The first TZID line of an unfolded VTIMEZONE becomes TZID:name (a
 * TEXT value, escaped).  Always done: an inline VTIMEZONE keeps its
 * text as read ("TZID: 1"), while the TZID parameters we write carry
 * the name the reader resolved ("1"); they must be the same octets.
 */
static void
rename_tzid(struct ev_buf *vt, const char *name)
{
	struct ev_buf out = {0};
	const char *p = vt->p, *e, *nl;
	int done = 0;

	if (p == NULL)
		return;		/* no text: nothing to rename */
	e = p + vt->len;
	while (p < e) {
		nl = memchr(p, '\n', (size_t)(e - p));
		nl = nl != NULL ? nl + 1 : e;
		if (!done && ev_strncaseeq(p, "TZID", 4) &&
		    (p[4] == ':' || p[4] == ';')) {
			ev_buf_adds(&out, "TZID:");
			ev_text_escape(name, strlen(name), &out);
			ev_buf_addc(&out, '\n');
			done = 1;
		} else
			ev_buf_add(&out, p, (size_t)(nl - p));
		p = nl;
	}
	ev_buf_clear(vt);
	ev_buf_add(vt, out.p ? out.p : "", out.len);
	ev_buf_free(&out);
}

/* The VTIMEZONEs of the zones noted and not yet written, into w->buf:
 * all of them, or only the custom ones (inline_only). */
static void
put_vtimezones_(struct ev_writer *w, int inline_only)
{
	struct ev_buf vt = {0};

	for (size_t i = 0; i < ics(w)->nzused; i++) {
		if (ics(w)->zdone[i] || (inline_only && !ev_zone_inline(ics(w)->zused[i])))
			continue;
		ev_buf_clear(&vt);
		ev_zone_vtimezone(ics(w)->zused[i], ics(w)->zfrom[i], ics(w)->zto[i], &vt);
		rename_tzid(&vt, ics(w)->zname[i]);
		fold_lines(vt.p, vt.len, &w->buf);
		ics(w)->zdone[i] = 1;
	}
	ev_buf_free(&vt);
}

static void
put_vtimezones(struct ev_writer *w)
{
	put_vtimezones_(w, 0);
}

static int
finish(struct ev_writer *w)
{
	ev_buf_clear(&w->buf);
	put_vtimezones(w);
	putline(&w->buf, "END", "VCALENDAR");
	if (ev_writer_flush(w) == -1 || fflush(w->fp) == EOF)
		return -1;
	return 0;
}

static void
fini(struct ev_writer *w)
{
	struct ev_icsout *z = ics(w);

	if (z == NULL)
		return;
	for (size_t i = 0; i < z->nzused; i++)
		free(z->zname[i]);
	free(z->zname);
	free(z->zused);
	free(z->zfrom);
	free(z->zto);
	free(z->zdone);
	free(z);
}

const struct ev_wfmt ev_wfmt_ics = {
	EV_FMT_ICS, begin, note_zones, write_ics, finish, fini
};
