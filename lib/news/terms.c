/*
 * terms.c - house terms (--terms FILE): "wrong => right" a line, and
 * where a text writes a wrong one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_lint.h"

struct term {
	char	*wrong;			/* blanks collapsed to one ' ' */
	char	*right;
	unsigned long line;
};

struct news_terms {
	struct term *v;			/* longest wrong first per first byte */
	size_t	 n, cap;
	size_t	 first[257];		/* v[first[c], first[c + 1]): wrong
					 * starts with byte c */
	char	**words;		/* the right sides' words, sorted */
	size_t	 nwords;
};

/* ---- loading ---- */

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/* Runs of blanks inside s become one space, in place. */
static void
squeeze(char *s)
{
	char *d = s, *p, c;

	for (p = s; *p != '\0'; p++) {
		c = *p == '\t' ? ' ' : *p;
		if (c == ' ' && d > s && d[-1] == ' ')
			continue;
		*d++ = c;
	}
	*d = '\0';
}

static const struct term *
find_wrong(const struct news_terms *tt, const char *wrong)
{
	size_t i;

	for (i = 0; i < tt->n; i++)
		if (strcmp(tt->v[i].wrong, wrong) == 0)
			return &tt->v[i];
	return NULL;
}

/* One line of the file: 0 (a term added, or nothing on it), or -1. */
static int
parse_line(struct news_terms *tt, char *line, const char *path,
    unsigned long lineno, struct ev_err *err)
{
	char *s = trim(line), *arrow, *wrong, *right;
	const struct term *dup;

	if (*s == '\0' || *s == '#')
		return 0;
	if (!ev_utf8_valid(s, strlen(s))) {
		ev_err_set(err, path, lineno, "invalid UTF-8");
		return -1;
	}
	if ((arrow = strstr(s, "=>")) == NULL) {
		ev_err_set(err, path, lineno, "expected \"wrong => right\"");
		return -1;
	}
	*arrow = '\0';
	wrong = trim(s);
	right = trim(arrow + 2);
	squeeze(wrong);
	if (*wrong == '\0' || *right == '\0') {
		ev_err_set(err, path, lineno, "nothing %s \"=>\"",
		    *wrong == '\0' ? "before" : "after");
		return -1;
	}
	if (strcmp(wrong, right) == 0) {
		ev_err_set(err, path, lineno, "\"%s\" => itself", wrong);
		return -1;
	}
	if ((dup = find_wrong(tt, wrong)) != NULL) {
		ev_err_set(err, path, lineno, "\"%s\" already on line %lu",
		    wrong, dup->line);
		return -1;
	}
	if (tt->n == tt->cap) {
		tt->cap = tt->cap ? 2 * tt->cap : 16;
		tt->v = ev_ereallocarray(tt->v, tt->cap, sizeof(*tt->v));
	}
	tt->v[tt->n].wrong = ev_estrdup(wrong);
	tt->v[tt->n].right = ev_estrdup(right);
	tt->v[tt->n].line = lineno;
	tt->n++;
	return 0;
}

static int
term_cmp(const void *a, const void *b)
{
	const struct term *x = a, *y = b;
	unsigned char cx = (unsigned char)x->wrong[0];
	unsigned char cy = (unsigned char)y->wrong[0];
	size_t lx = strlen(x->wrong), ly = strlen(y->wrong);

	if (cx != cy)
		return cx < cy ? -1 : 1;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of the right sides, for the spelling rule. */
static void
collect_words(struct news_terms *tt)
{
	size_t i, cap = 0;
	const char *p, *e;

	for (i = 0; i < tt->n; i++)
		for (p = tt->v[i].right; *p != '\0'; p = e) {
			while (*p == ' ')
				p++;
			for (e = p; *e != '\0' && *e != ' '; e++)
				;
			if (e == p)
				continue;
			if (tt->nwords == cap) {
				cap = cap ? 2 * cap : 16;
				tt->words = ev_ereallocarray(tt->words, cap,
				    sizeof(*tt->words));
			}
			tt->words[tt->nwords++] = ev_estrndup(p,
			    (size_t)(e - p));
		}
	if (tt->nwords > 1)
		qsort(tt->words, tt->nwords, sizeof(*tt->words), str_cmp);
}

/* Sort the terms by first byte, longest first, and index them. */
static void
index_terms(struct news_terms *tt)
{
	size_t i, c;

	if (tt->n > 1)
		qsort(tt->v, tt->n, sizeof(*tt->v), term_cmp);
	for (c = 0, i = 0; c < 256; c++) {
		tt->first[c] = i;
		while (i < tt->n && (unsigned char)tt->v[i].wrong[0] == c)
			i++;
	}
	tt->first[256] = tt->n;
	collect_words(tt);
}

struct news_terms *
news_terms_load(const char *path, struct ev_err *err)
{
	struct news_terms *tt;
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0;
	int bad = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		ev_err_set(err, path, 0, "%s", strerror(errno));
		return NULL;
	}
	tt = ev_ecalloc(1, sizeof(*tt));
	while (!bad && getline(&line, &cap, fp) != -1)
		bad = parse_line(tt, line, path, ++lineno, err) < 0;
	if (!bad && ferror(fp)) {
		ev_err_set(err, path, 0, "%s", strerror(errno));
		bad = 1;
	}
	free(line);
	fclose(fp);
	if (bad) {
		news_terms_free(tt);
		return NULL;
	}
	index_terms(tt);
	return tt;
}

void
news_terms_free(struct news_terms *tt)
{
	size_t i;

	if (tt == NULL)
		return;
	for (i = 0; i < tt->n; i++) {
		free(tt->v[i].wrong);
		free(tt->v[i].right);
	}
	for (i = 0; i < tt->nwords; i++)
		free(tt->words[i]);
	free(tt->v);
	free(tt->words);
	free(tt);
}

/* ---- matching ---- */

/* The end of wrong matched at s[i], or 0: a space in wrong matches a
 * run of blanks (spaces, no-break spaces, line breaks). */
static size_t
match_at(const struct news_ltext *t, size_t i, const char *w)
{
	size_t len;

	for (; *w != '\0'; w++) {
		if (*w != ' ') {
			if (i >= t->n || t->s[i] != *w)
				return 0;
			i++;
			continue;
		}
		if (i >= t->n || !news_lint_is_blank(news_lint_at(t, i, &len)))
			return 0;
		while (i < t->n && news_lint_is_blank(news_lint_at(t, i, &len)))
			i += len;
	}
	return i;
}

/* Whole words: no letter or digit on either side of a term that begins
 * or ends with one ("Email" is not in "Emails" nor in "E-Mail"). */
static int
whole(const struct news_ltext *t, size_t a, size_t b)
{
	size_t len, start;
	int32_t first = news_lint_at(t, a, &len);
	int32_t last = news_lint_cp_before(t->s, b, &start);

	if (news_lint_is_alnum(first) && a > 0 &&
	    news_lint_is_alnum(news_lint_cp_before(t->s, a, &start)))
		return 0;
	return !(news_lint_is_alnum(last) && b < t->n &&
	    news_lint_is_alnum(news_lint_at(t, b, &len)));
}

/* Does the right form stand around the match ("Mail => E-Mail" must
 * not flag the "Mail" of "E-Mail")? */
static int
inside_right(const struct news_ltext *t, size_t a, const struct term *tm)
{
	size_t wl = strlen(tm->wrong), rl = strlen(tm->right), k;

	for (k = 0; k + wl <= rl; k++)
		if (memcmp(tm->right + k, tm->wrong, wl) == 0 && k <= a &&
		    a - k + rl <= t->n &&
		    memcmp(t->s + a - k, tm->right, rl) == 0)
			return 1;
	return 0;
}

void
news_lint_terms_each(const struct news_terms *tt, const struct news_ltext *t,
    void (*fn)(void *, size_t, size_t, const char *), void *arg)
{
	size_t i = 0, k, e;
	unsigned char c;

	while (i < t->n) {
		c = (unsigned char)t->s[i];
		for (k = tt->first[c]; k < tt->first[c + 1]; k++) {
			e = match_at(t, i, tt->v[k].wrong);
			if (e > i && whole(t, i, e) &&
			    !news_lint_protected(t, i, e) &&
			    !inside_right(t, i, &tt->v[k]))
				break;
		}
		if (k < tt->first[c + 1]) {
			fn(arg, i, e - i, tt->v[k].right);
			i = e;
		} else {
			i++;
		}
	}
}

int
news_lint_terms_word(const struct news_terms *tt, const char *w, size_t n)
{
	size_t lo = 0, hi = tt->nwords, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(tt->words[mid], w, n);
		if (c == 0 && tt->words[mid][n] != '\0')
			c = 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
