/* names.c - German and English day and month names, long dates, month grids. */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

/* Indexed [lang][wday] with wday 0 = Monday, like ev_weekday(). */
static const char *const wday_full[2][7] = {
	{ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	  "Saturday", "Sunday" },
	{ "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
	  "Samstag", "Sonntag" }
};
static const char *const wday_abbr[2][7] = {
	{ "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
	{ "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So" }
};

/* Indexed [lang][mon - 1]; German umlauts in UTF-8. */
static const char *const mon_full[2][12] = {
	{ "January", "February", "March", "April", "May", "June", "July",
	  "August", "September", "October", "November", "December" },
	{ "Januar", "Februar", "M\xc3\xa4rz", "April", "Mai", "Juni", "Juli",
	  "August", "September", "Oktober", "November", "Dezember" }
};
static const char *const mon_abbr[2][12] = {
	{ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	  "Oct", "Nov", "Dec" },
	{ "Jan", "Feb", "M\xc3\xa4r", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep",
	  "Okt", "Nov", "Dez" }
};

struct alias {
	const char *name;	/* folded: ASCII lower case, umlauts as "ae" */
	int	 val;
};

/*
 * Every spelling a user may type, folded.  German and English agree where
 * they overlap ("sa", "fr", "mo"), and the RFC 5545 BYDAY codes ("su",
 * "tu", "we", "th") are here too, so no name means two days.
 */
static const struct alias wday_alias[] = {
	{ "monday", 0 }, { "mon", 0 }, { "mo", 0 }, { "montag", 0 },
	{ "tuesday", 1 }, { "tue", 1 }, { "tues", 1 }, { "tu", 1 },
	{ "dienstag", 1 }, { "di", 1 },
	{ "wednesday", 2 }, { "wed", 2 }, { "we", 2 },
	{ "mittwoch", 2 }, { "mi", 2 },
	{ "thursday", 3 }, { "thu", 3 }, { "thur", 3 }, { "thurs", 3 },
	{ "th", 3 }, { "donnerstag", 3 }, { "do", 3 },
	{ "friday", 4 }, { "fri", 4 }, { "fr", 4 }, { "freitag", 4 },
	{ "saturday", 5 }, { "sat", 5 }, { "sa", 5 }, { "samstag", 5 },
	{ "sonnabend", 5 },
	{ "sunday", 6 }, { "sun", 6 }, { "su", 6 }, { "sonntag", 6 },
	{ "so", 6 }
};

static const struct alias mon_alias[] = {
	{ "january", 1 }, { "jan", 1 }, { "januar", 1 },
	{ "jaenner", 1 }, { "jaen", 1 },
	{ "february", 2 }, { "feb", 2 }, { "februar", 2 }, { "feber", 2 },
	{ "march", 3 }, { "mar", 3 }, { "maerz", 3 }, { "maer", 3 },
	{ "mrz", 3 },
	{ "april", 4 }, { "apr", 4 },
	{ "may", 5 }, { "mai", 5 },
	{ "june", 6 }, { "jun", 6 }, { "juni", 6 },
	{ "july", 7 }, { "jul", 7 }, { "juli", 7 },
	{ "august", 8 }, { "aug", 8 },
	{ "september", 9 }, { "sep", 9 }, { "sept", 9 },
	{ "october", 10 }, { "oct", 10 }, { "oktober", 10 }, { "okt", 10 },
	{ "november", 11 }, { "nov", 11 },
	{ "december", 12 }, { "dec", 12 }, { "dezember", 12 }, { "dez", 12 }
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * An umlaut or sharp s (either case) as its ASCII transcription, or
 * NULL.  Transcribing lets "März", "MÄRZ" and "maerz" meet in one table
 * entry.
 */
static const char *
umlaut(int32_t cp)
{
	switch (cp) {
	case 0xe4: case 0xc4:	return "ae";
	case 0xf6: case 0xd6:	return "oe";
	case 0xfc: case 0xdc:	return "ue";
	case 0xdf:		return "ss";
	default:		return NULL;
	}
}

/*
 * Fold s into out: surrounding white space and one trailing '.' ("Mo.")
 * dropped, ASCII letters lowered, umlauts transcribed.  -1 when s holds
 * anything else or does not fit; no name is that long.
 */
static int
fold(const char *s, char *out, size_t outsz)
{
	const char *p = s, *e, *q, *t;
	size_t n = 0;

	while (ev_isspace(*p))
		p++;
	e = p + strlen(p);
	while (e > p && ev_isspace(e[-1]))
		e--;
	if (e > p && e[-1] == '.')
		e--;
	while (p < e) {
		if (n + 3 > outsz)
			return -1;
		q = p;
		if ((t = umlaut(ev_utf8_next(&q, (size_t)(e - p)))) != NULL) {
			out[n++] = t[0];
			out[n++] = t[1];
			p = q;
		} else if (ev_isalpha(*p)) {
			out[n++] = (char)ev_tolower(*p++);
		} else {
			return -1;
		}
	}
	out[n] = '\0';
	return n > 0 ? 0 : -1;
}

static int
lookup(const struct alias *tab, size_t n, const char *s)
{
	char key[32];

	if (s == NULL || fold(s, key, sizeof(key)) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(tab[i].name, key) == 0)
			return tab[i].val;
	return -1;
}

/*
 * A locale name ("de", "de_DE", "en_US.UTF-8", "de-AT", "de@euro"):
 * the language code is s[0..2) when a separator or the end follows.
 */
static int
locale_lang(const char *s, const char *code)
{
	if (!ev_strncaseeq(s, code, 2))
		return 0;
	return s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.' ||
	    s[2] == '@';
}

int
ev_lang_parse(const char *s, enum ev_lang *lang)
{
	if (s == NULL)
		return -1;
	if (locale_lang(s, "de") || ev_strcaseeq(s, "german") ||
	    ev_strcaseeq(s, "deutsch")) {
		*lang = EV_LANG_DE;
		return 0;
	}
	if (locale_lang(s, "en") || ev_strcaseeq(s, "english") ||
	    ev_strcaseeq(s, "englisch")) {
		*lang = EV_LANG_EN;
		return 0;
	}
	return -1;
}

/* The POSIX precedence for LC_TIME: LC_ALL, then LC_TIME, then LANG. */
enum ev_lang
ev_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_TIME", "LANG" };
	enum ev_lang lang;

	for (size_t i = 0; i < NELEM(vars); i++) {
		const char *v = getenv(vars[i]);

		if (v == NULL || *v == '\0')
			continue;
		if (ev_lang_parse(v, &lang) == 0)
			return lang;
		return EV_LANG_EN;	/* "C", "POSIX", "fr_FR", ... */
	}
	return EV_LANG_EN;
}

static int
lang_index(enum ev_lang lang)
{
	return lang == EV_LANG_DE ? 1 : 0;
}

/* NULL when wday is not 0-6: a caller's bug, better loud than blank. */
const char *
ev_weekday_name(enum ev_lang lang, int wday, int abbrev)
{
	if (wday < 0 || wday > 6)
		return NULL;
	if (abbrev)
		return wday_abbr[lang_index(lang)][wday];
	return wday_full[lang_index(lang)][wday];
}

const char *
ev_month_name(enum ev_lang lang, int mon, int abbrev)
{
	if (mon < 1 || mon > 12)
		return NULL;
	if (abbrev)
		return mon_abbr[lang_index(lang)][mon - 1];
	return mon_full[lang_index(lang)][mon - 1];
}

int
ev_weekday_parse(const char *s)
{
	return lookup(wday_alias, NELEM(wday_alias), s);
}

int
ev_month_parse(const char *s)
{
	return lookup(mon_alias, NELEM(mon_alias), s);
}

/*
 * The weekday comes from the date, not tm->wday, so a caller may fill
 * in just year, mon and mday.
 */
void
ev_fmt_long_date(enum ev_lang lang, const struct ev_tm *tm, struct ev_buf *b)
{
	int wday = ev_weekday(ev_days_from_civil(tm->year, tm->mon, tm->mday));
	const char *mon = ev_month_name(lang, tm->mon, 0);

	if (mon == NULL)
		mon = "?";
	if (lang == EV_LANG_DE)
		ev_buf_printf(b, "%s, %d. %s %d", ev_weekday_name(lang, wday, 0),
		    tm->mday, mon, tm->year);
	else
		ev_buf_printf(b, "%s, %d %s %d", ev_weekday_name(lang, wday, 0),
		    tm->mday, mon, tm->year);
}

/*
 * Like OpenBSD cal's day_array, but the days are days since 1970-01-01
 * and every cell has one: the weeks that hold the month, from Monday (or
 * Sunday), the neighbouring months' days in the first and last week.
 * The rows used (4-6) are returned; the rows after them go on counting.
 */
int
ev_month_grid(int year, int mon, int sunday, int64_t grid[6][7])
{
	int64_t first, start;
	int ndays, lead;

	if ((ndays = ev_days_in_month(year, mon)) == 0)
		return 0;
	first = ev_days_from_civil(year, mon, 1);
	lead = (ev_weekday(first) + (sunday ? 1 : 0)) % 7;
	start = first - lead;
	for (int i = 0; i < 42; i++)
		grid[i / 7][i % 7] = start + i;
	return (lead + ndays + 6) / 7;
}
