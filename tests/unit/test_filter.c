/* Unit tests: filter.c (predicates, admission, series) and pass.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"
#include "t.h"

static struct ev_ctx *ctx;

/* The events of an ICS text (a VCALENDAR is put around it). */
static struct ev_event **
parse(const char *body, size_t *n)
{
	struct ev_reader r;
	struct ev_buf s = {0};
	struct ev_event **v = NULL, *ev = ev_event_new();
	int rc;

	ev_buf_printf(&s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n%s"
	    "END:VCALENDAR\r\n", body);
	ev_reader_init_mem(&r, ctx, "t.ics", s.p, s.len, EV_FMT_ICS);
	*n = 0;
	while ((rc = ev_ics_read(&r, ev)) != 0 && rc != -2) {
		if (rc != 1) {
			fprintf(stderr, "parse: %s\n", r.err.msg);
			continue;
		}
		v = ev_ereallocarray(v, *n + 1, sizeof(*v));
		v[(*n)++] = ev_event_dup(ev);
		ev_event_reset(ev);
	}
	ev_reader_fini(&r);
	ev_buf_free(&s);
	ev_event_free(ev);
	return v;
}

static void
freeall(struct ev_event **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ev_event_free(v[i]);
	free(v);
}

/* Admission of one event with these extra lines. */
static int
adm(const char *lines, const char *markers)
{
	struct ev_buf b = {0};
	struct ev_regex *re = NULL;
	struct ev_event **v;
	struct ev_err err;
	size_t n;
	int a;

	ev_buf_printf(&b, "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20161224T180000Z"
	    "\r\n%sEND:VEVENT\r\n", lines);
	v = parse(b.p, &n);
	if (markers == NULL)
		markers = "\\b(?:kostenlos|eintritt frei|frei|gratis|umsonst|"
		    "free)\\b";
	re = ev_regex_new(markers, EV_RE_CASELESS, &err);
	a = n == 1 ? (int)ev_event_admission(v[0], re) : -1;
	ev_regex_free(re);
	freeall(v, n);
	ev_buf_free(&b);
	return a;
}

static void
admission(void)
{
	enum { U = EV_ADM_UNKNOWN, FR = EV_ADM_FREE, P = EV_ADM_PAID };

	T_EQ(adm("", NULL), U);			/* nothing known: unknown */
	T_EQ(adm("X-PRICE:0\r\n", NULL), FR);
	T_EQ(adm("X-PRICE:0\\,00 €\r\n", NULL), FR);
	T_EQ(adm("X-COST:0.00 €\r\n", NULL), FR);
	T_EQ(adm("X-PRICE:12\\,50 €\r\n", NULL), P);
	T_EQ(adm("X-PRICE:ab 15 €\r\n", NULL), P);
	T_EQ(adm("X-PRICE:3 € (Kinder frei)\r\n", NULL), P);
	T_EQ(adm("X-PRICE:Eintritt frei\\, Spenden erbeten\r\n", NULL), FR);
	T_EQ(adm("X-PRICE:kostenlos\r\n", NULL), FR);
	T_EQ(adm("X-PRICE:GRATIS\r\n", NULL), FR);
	T_EQ(adm("X-PRICE:Preis auf Anfrage\r\n", NULL), U);
	T_EQ(adm("X-PRICE:freiwillige Spende\r\n", NULL), U);
	T_EQ(adm("X-COST-TYPE:FREE\r\n", NULL), FR);
	T_EQ(adm("X-COST-TYPE:FIXED\r\n", NULL), U);
	T_EQ(adm("CATEGORIES:Kinder,Kostenlos\r\n", NULL), FR);
	T_EQ(adm("CATEGORIES:Freizeit\r\n", NULL), U);
	/* a non-zero amount wins over every free sign */
	T_EQ(adm("X-COST-TYPE:free\r\nX-PRICE:5 €\r\n", NULL), P);
	T_EQ(adm("X-PRICE:0 €\r\nX-COST:8 €\r\n", NULL), P);
	/* free markers only where prices and categories are */
	T_EQ(adm("SUMMARY:Eintritt frei\r\n", NULL), U);
	/* --free-pattern replaces the markers */
	T_EQ(adm("X-PRICE:kostenlos\r\n", "^ohne Eintritt$"), U);
	T_EQ(adm("X-PRICE:OHNE EINTRITT\r\n", "^ohne Eintritt$"), FR);
}

/* ev_filter_match of each event with the filter's predicates; "1 0 1". */
static const char *
sel(const char *body, const char *now, const char *const *preds, int invert)
{
	static char out[1200];
	struct ev_filter *f;
	struct ev_event **v;
	struct ev_err err;
	size_t n, k = 0;

	if (ev_ctx_set_now(ctx, now, &err) < 0)
		return "bad now";
	f = ev_filter_new(ctx, 0);
	for (size_t i = 0; preds[i] != NULL; i += 2)
		if (ev_filter_add(f, (enum ev_pred)(preds[i][0] - 'a'),
		    preds[i + 1], &err) < 0) {
			ev_filter_free(f);
			snprintf(out, sizeof(out), "error: %s", err.msg);
			return out;
		}
	if (invert)
		ev_filter_invert(f);
	v = parse(body, &n);
	out[0] = '\0';
	for (size_t i = 0; i < n && k + 3 < sizeof(out); i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%d",
		    i ? " " : "", ev_filter_select(f, v[i], &err));
	freeall(v, n);
	ev_filter_free(f);
	return out;
}

/* A predicate code for sel: its enum value as a letter. */
#define P(x)	((const char[]){(char)('a' + (x)), '\0'})

static const char *cal =
    /* Saturday 24 Dec 2016, evening */
    "BEGIN:VEVENT\r\nUID:krippe\r\nDTSTART;TZID=Europe/Berlin:20161224T180000"
    "\r\nDTEND;TZID=Europe/Berlin:20161224T200000\r\nSUMMARY:Krippenspiel\r\n"
    "CATEGORIES:KINDER,Theater\r\nX-PRICE:0\r\nEND:VEVENT\r\n"
    /* Wednesday 21 Dec, all day */
    "BEGIN:VEVENT\r\nUID:markt\r\nDTSTART;VALUE=DATE:20161221\r\n"
    "SUMMARY:Wochenmarkt\r\nLOCATION:Marktplatz\r\nCATEGORIES:Märkte\r\n"
    "END:VEVENT\r\n"
    /* Monday 26 Dec, an instant, paid */
    "BEGIN:VEVENT\r\nUID:konzert\r\nDTSTART:20161226T170000Z\r\n"
    "SUMMARY:Konzert\r\nDESCRIPTION:Bach\\, Händel\\nund \r\n mehr\r\n"
    "X-PRICE:12 €\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n";

static void
predicates(void)
{
	const char *now = "2016-12-21T10:00:00+01:00";	/* a Wednesday */

	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_WEEKEND), NULL, NULL},
	    0), "1 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_TODAY), NULL, NULL},
	    0), "0 1 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_TOMORROW), NULL, NULL},
	    0), "0 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_WEEK), NULL, NULL},
	    0), "1 1 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_MONTH), "2016-12",
	    NULL}, 0), "1 1 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_MONTH), "2017-01",
	    NULL}, 0), "0 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_UPCOMING), NULL, NULL},
	    0), "1 1 1");
	T_STREQ(sel(cal, "2016-12-22", (const char *[]){P(EV_P_UPCOMING),
	    NULL, NULL}, 0), "1 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FROM), "2016-12-25",
	    NULL}, 0), "0 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_TO), "2016-12-24",
	    NULL}, 0), "1 1 0");
	/* on a Saturday and a Sunday the weekend is this one */
	T_STREQ(sel(cal, "2016-12-24T21:00", (const char *[]){
	    P(EV_P_WEEKEND), NULL, NULL}, 0), "1 0 0");
	T_STREQ(sel(cal, "2016-12-25", (const char *[]){P(EV_P_WEEKEND),
	    NULL, NULL}, 0), "1 0 0");
	T_STREQ(sel(cal, "2016-12-26", (const char *[]){P(EV_P_WEEKEND),
	    NULL, NULL}, 0), "0 0 0");
	/* a repeated option ORs, different ones AND */
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_ON), "2016-12-21",
	    P(EV_P_ON), "2016-12-26", NULL}, 0), "0 1 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_ON), "2016-12-21",
	    P(EV_P_WEEKEND), NULL, NULL}, 0), "0 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FREE), NULL, NULL},
	    0), "1 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_PAID), NULL, NULL},
	    0), "0 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FREE), NULL,
	    P(EV_P_PAID), NULL, NULL}, 0), "1 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_CATEGORY), "kinder",
	    NULL}, 0), "1 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_CATEGORY), "MÄRKTE",
	    NULL}, 0), "0 1 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_CATEGORY), "Kind",
	    NULL}, 0), "0 0 0");
	/* search: unfolded and unescaped text */
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_SEARCH), "Bach, H",
	    NULL}, 0), "0 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_SEARCH), "und mehr",
	    NULL}, 0), "0 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_SEARCH), "theater",
	    NULL}, 0), "0 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_SEARCH), "Theater",
	    NULL}, 0), "1 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FIELD),
	    "location=^Markt", NULL}, 0), "0 1 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FIELD),
	    "start=^2016-12-24T18:00:00\\+01:00$", NULL}, 0), "1 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FIELD), "X-PRICE=^0$",
	    NULL}, 0), "1 0 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_HAS), "X-PRICE", NULL},
	    0), "1 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_MISSING), "location",
	    NULL}, 0), "1 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_UID), "markt", NULL},
	    0), "0 1 0");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_STATUS), "cancelled",
	    NULL}, 0), "0 0 1");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_CANCELLED), NULL, NULL},
	    1), "1 1 0");
	/* bad arguments */
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_FIELD), "nothing",
	    NULL}, 0), "error: takes NAME=REGEX: \"nothing\"");
	T_STREQ(sel(cal, now, (const char *[]){P(EV_P_MONTH), "2016-1",
	    NULL}, 0), "error: takes YYYY-MM: \"2016-1\"");
	T_OK(strncmp(sel(cal, now, (const char *[]){P(EV_P_SEARCH), "(",
	    NULL}, 0), "error: ", 7) == 0);
}

/* A weekly series on Wednesdays in December 2016; its 28th is gone. */
static const char *series =
    "BEGIN:VEVENT\r\nUID:s\r\nDTSTART;TZID=Europe/Berlin:20161207T100000\r\n"
    "DTEND;TZID=Europe/Berlin:20161207T110000\r\nRRULE:FREQ=WEEKLY;COUNT=4"
    "\r\nEXDATE;TZID=Europe/Berlin:20161228T100000\r\nSUMMARY:Sprechstunde"
    "\r\nEND:VEVENT\r\n";

static void
recurring(void)
{
	const char *now = "2016-12-21T10:00:00+01:00";
	struct ev_buf b = {0};

	T_STREQ(sel(series, now, (const char *[]){P(EV_P_ON), "2016-12-14",
	    NULL}, 0), "1");
	T_STREQ(sel(series, now, (const char *[]){P(EV_P_ON), "2016-12-28",
	    NULL}, 0), "0");
	T_STREQ(sel(series, now, (const char *[]){P(EV_P_ON), "2016-12-15",
	    NULL}, 0), "0");
	T_STREQ(sel(series, now, (const char *[]){P(EV_P_FROM), "2016-12-22",
	    NULL}, 0), "0");
	/* one occurrence must satisfy every time predicate at once */
	T_STREQ(sel(series, now, (const char *[]){P(EV_P_ON), "2016-12-07",
	    P(EV_P_ON), "2016-12-28", P(EV_P_FROM), "2016-12-10", NULL}, 0),
	    "0");
	T_STREQ(sel(series, now, (const char *[]){P(EV_P_TODAY), NULL, NULL},
	    0), "1");
	/* overrides go with their master */
	ev_buf_printf(&b, "%s%s", series,
	    "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:"
	    "20161207T100000\r\nDTSTART;TZID=Europe/Berlin:20161208T100000\r\n"
	    "SUMMARY:Sprechstunde\r\nEND:VEVENT\r\n");
	T_STREQ(sel(b.p, now, (const char *[]){P(EV_P_TODAY), NULL, NULL}, 0),
	    "1 1");
	T_STREQ(sel(b.p, now, (const char *[]){P(EV_P_ON), "2016-12-08",
	    NULL}, 0), "0 1");		/* master dropped: judged alone */
	ev_buf_clear(&b);
	/* an override that comes first and matches selects its master */
	ev_buf_printf(&b, "%s%s",
	    "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:"
	    "20161207T100000\r\nDTSTART;TZID=Europe/Berlin:20170108T100000\r\n"
	    "SUMMARY:Sprechstunde\r\nEND:VEVENT\r\n", series);
	T_STREQ(sel(b.p, now, (const char *[]){P(EV_P_MONTH), "2017-01",
	    NULL}, 0), "1 1");
	ev_buf_free(&b);
}

static int
collect(void *arg, const char *cat)
{
	struct ev_buf *b = arg;

	ev_buf_printf(b, "[%s]", cat);
	return strcmp(cat, "stop") == 0 ? 7 : 0;
}

/* ev_event_each_category: every piece, unescaped, trimmed, in order. */
static void
categories(void)
{
	struct ev_buf b = {0};
	struct ev_event **v;
	size_t n;

	v = parse("BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20161224\r\n"
	    "CATEGORIES: Kinder ,Musik\\, Tanz,,\\;x\r\n"
	    "CATEGORIES;LANGUAGE=de:Markt\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20161224\r\n"
	    "CATEGORIES:a,stop,b\r\nEND:VEVENT\r\n", &n);
	T_EQ(n, 2);
	if (n == 2) {
		T_EQ(ev_event_each_category(v[0], collect, &b), 0);
		T_STREQ(b.p, "[Kinder][Musik, Tanz][;x][Markt]");
		ev_buf_clear(&b);
		T_EQ(ev_event_each_category(v[1], collect, &b), 7);
		T_STREQ(b.p, "[a][stop]");
	}
	freeall(v, n);
	ev_buf_free(&b);
}

static void
run(void)
{
	struct ev_err err;

	ctx = ev_ctx_new();
	if (ev_ctx_set_tz(ctx, "Europe/Berlin", &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		t_fail++;
	}
	admission();
	predicates();
	recurring();
	categories();
	ev_ctx_free(ctx);
}
