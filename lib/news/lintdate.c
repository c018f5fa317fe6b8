/*
 * lintdate.c - date-weekday: a weekday that does not match the date
 * after it ("Samstag, 25. Dezember 2016": a Sunday).  The calendar and
 * the day and month names are the base's (civil.c, names.c).
 *
 * The shapes read, with or without the weekday's abbreviation dot and
 * comma, "den" and a year:
 *	Samstag, 24. Dezember 2016	Sa., 24. Dez. 2016
 *	Samstag, den 24.12.2016		Samstag, 24.12.16
 *	Saturday, 24 December 2016	Saturday, 24th December
 *	Saturday, December 24, 2016
 * A date without a year is taken in the year that puts it nearest to
 * the article's date (news_lint_set_date), else to --now's or EV_NOW's
 * in the display zone (news_lint_set_now); without either, it is
 * skipped: the clock is never asked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_lint.h"

struct date {
	int	 y, m, d;		/* y 0: not written */
	size_t	 end;			/* just after the date */
};

/* A run of 1..max ASCII digits at *i, not followed by another: its
 * value, *i after it; -1 (and *i unchanged) else. */
static int
number(const struct news_ltext *t, size_t *i, size_t max)
{
	size_t j = *i;
	int v = 0;

	while (j < t->n && j - *i < max &&
	    news_lint_is_digit((unsigned char)t->s[j]))
		v = v * 10 + (t->s[j++] - '0');
	if (j == *i || (j < t->n && news_lint_is_digit((unsigned char)t->s[j])))
		return -1;
	*i = j;
	return v;
}

/* Blanks (not line breaks) at *i: how many bytes were skipped. */
static size_t
blanks(const struct news_ltext *t, size_t *i)
{
	size_t start = *i, len;

	while (*i < t->n && news_lint_is_hspace(news_lint_at(t, *i, &len)))
		*i += len;
	return *i - start;
}

static int
lit(const struct news_ltext *t, size_t *i, const char *s)
{
	size_t n = strlen(s);

	if (*i + n > t->n || memcmp(t->s + *i, s, n) != 0)
		return 0;
	*i += n;
	return 1;
}

/* A month name or abbreviation at *i ("Dezember", "Dez.", "Dec"). */
static int
month_word(const struct news_ltext *t, size_t *i)
{
	size_t j = *i, len;
	char w[16];
	int m;

	while (j < t->n && news_lint_is_letter(news_lint_at(t, j, &len)))
		j += len;
	if (j - *i < 3 || j - *i >= sizeof(w) - 1)
		return -1;
	memcpy(w, t->s + *i, j - *i);
	w[j - *i] = '\0';
	if ((m = ev_month_parse(w)) < 0)
		return -1;
	if (j < t->n && t->s[j] == '.')
		j++;
	*i = j;
	return m;
}

/* An optional year after blanks (and a comma): 4 digits. */
static void
year_after(const struct news_ltext *t, struct date *dt)
{
	size_t i = dt->end;
	int y;

	lit(t, &i, ",");
	if (blanks(t, &i) == 0)
		return;
	if ((y = number(t, &i, 4)) >= 1000) {
		dt->y = y;
		dt->end = i;
	}
}

/* "24.12.2016", "24.12.16", "24.12." after the day's dot. */
static int
numeric_date(const struct news_ltext *t, size_t i, struct date *dt)
{
	int m, y;

	if ((m = number(t, &i, 2)) < 0 || !lit(t, &i, "."))
		return -1;
	dt->m = m;
	dt->end = i;
	if ((y = number(t, &i, 4)) >= 0 && (i - dt->end == 2 ||
	    i - dt->end == 4)) {
		dt->y = i - dt->end == 2 ? 2000 + y : y;
		dt->end = i;
	}
	return 0;
}

/* The day first: German "24. Dezember", "24.12.2016"; English
 * "24 December", "24th December". */
static int
day_first(const struct news_ltext *t, size_t i, struct date *dt)
{
	if ((dt->d = number(t, &i, 2)) < 0)
		return -1;
	if (lit(t, &i, ".")) {
		if (blanks(t, &i) == 0)
			return numeric_date(t, i, dt);
	} else if (!(lit(t, &i, "st") || lit(t, &i, "nd") || lit(t, &i, "rd") ||
	    lit(t, &i, "th")) && blanks(t, &i) == 0) {
		return -1;
	} else {
		blanks(t, &i);
	}
	if ((dt->m = month_word(t, &i)) < 0)
		return -1;
	dt->end = i;
	year_after(t, dt);
	return 0;
}

/* The month first, English: "December 24, 2016", "Dec. 24th". */
static int
month_first(const struct news_ltext *t, size_t i, struct date *dt)
{
	if ((dt->m = month_word(t, &i)) < 0 || blanks(t, &i) == 0 ||
	    (dt->d = number(t, &i, 2)) < 0)
		return -1;
	(void)(lit(t, &i, "st") || lit(t, &i, "nd") || lit(t, &i, "rd") ||
	    lit(t, &i, "th"));
	dt->end = i;
	year_after(t, dt);
	return 0;
}

/* The date after a weekday ending at i, if there is one. */
static int
date_after(const struct news_ltext *t, size_t i, struct date *dt)
{
	memset(dt, 0, sizeof(*dt));
	lit(t, &i, ".");
	lit(t, &i, ",");
	if (blanks(t, &i) == 0)
		return -1;
	if ((lit(t, &i, "den") || lit(t, &i, "dem")) && blanks(t, &i) == 0)
		return -1;
	if (i < t->n && news_lint_is_digit((unsigned char)t->s[i]))
		return day_first(t, i, dt);
	return month_first(t, i, dt);
}

/* The year of a date written without one: nearest the article's date,
 * else now's. */
static int
guess_year(const struct news_lint *l, struct date *dt)
{
	int64_t ref, best = INT64_MAX, dist;
	int y, ry;

	if (l->ref_y != 0) {
		ry = l->ref_y;
		ref = ev_days_from_civil(l->ref_y, l->ref_m, l->ref_d);
	} else if (l->now.known) {
		ry = l->now.y;
		ref = ev_days_from_civil(l->now.y, l->now.m, l->now.d);
	} else
		return -1;
	for (y = ry - 1; y <= ry + 1; y++) {
		if (dt->d > ev_days_in_month(y, dt->m))
			continue;
		dist = llabs(ev_days_from_civil(y, dt->m, dt->d) - ref);
		if (dist < best) {
			best = dist;
			dt->y = y;
		}
	}
	return best == INT64_MAX ? -1 : 0;
}

static void
check_date(struct news_ltext *t, size_t a, size_t b, struct date *dt)
{
	enum ev_lang lang = t->lint->lang == NEWS_LANG_EN ? EV_LANG_EN :
	    EV_LANG_DE;
	char w[16];
	int given, wday;

	memcpy(w, t->s + a, b - a);
	w[b - a] = '\0';
	given = ev_weekday_parse(w);
	if (dt->m < 1 || dt->m > 12 || dt->d < 1)
		return;
	if (dt->y == 0 && guess_year(t->lint, dt) < 0)
		return;
	if (dt->d > ev_days_in_month(dt->y, dt->m)) {
		news_lint_report(t, a, dt->end - a, NULL,
		    "no such date: %d-%02d-%02d", dt->y, dt->m, dt->d);
		return;
	}
	wday = ev_weekday(ev_days_from_civil(dt->y, dt->m, dt->d));
	if (wday != given)
		news_lint_report(t, a, dt->end - a, NULL,
		    "%d-%02d-%02d is a %s, not a %s", dt->y, dt->m, dt->d,
		    ev_weekday_name(lang, wday, 0),
		    ev_weekday_name(lang, given, 0));
}

void
news_rule_date_weekday(struct news_ltext *t)
{
	size_t i = 0, a, len;
	struct date dt;
	char w[16];

	while (i < t->n) {
		if (!news_lint_is_upper(news_lint_at(t, i, &len)) ||
		    t->prot[i] || (i > 0 &&
		    news_lint_is_alnum(news_lint_cp_before(t->s, i, &a)))) {
			i += len;
			continue;
		}
		for (a = i; i < t->n && news_lint_is_letter(news_lint_at(t, i,
		    &len)); i += len)
			;
		if (i - a >= sizeof(w) || news_lint_protected(t, a, i))
			continue;
		memcpy(w, t->s + a, i - a);
		w[i - a] = '\0';
		if (ev_weekday_parse(w) >= 0 && date_after(t, i, &dt) == 0 &&
		    !news_lint_protected(t, a, dt.end))
			check_date(t, a, i, &dt);
	}
}
