/*
 * teaser.c - a lead cut short for lists and feeds: whole sentences
 * that fit, else whole words and "…".  A sentence ends at . ! ? or …
 * (with closing quotation marks and brackets after it) before a space
 * and a sentence's start (a capital, a digit, an opening mark); a dot
 * after an abbreviation (z. B., Dr., bzw., u. a.), an ordinal (14.
 * September, 1. FC) or inside a number (3.5) ends none.  Where the
 * choice is unsure the dot is taken for no end: a teaser one sentence
 * shorter is no harm, one cut after "Dr." is.  utf8proc inside.
 */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

static int
cp_at(const char *s, size_t n, size_t i, size_t *next)
{
	const char *p = s + i;
	int32_t c = ev_utf8_next(&p, n - i);

	*next = (size_t)(p - s);
	return c;
}

/* Closing quotation marks and brackets, which stay with the sentence
 * they end. */
static int
closing(int32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' ||
	    c == 0x201C || c == 0x201D || c == 0x2019 || c == 0x2018 ||
	    c == 0x00BB || c == 0x00AB || c == 0x203A || c == 0x2039;
}

/* What a sentence may start with. */
static int
starts_sentence(int32_t c)
{
	int cat;

	if (c < 0)
		return 0;
	if (c < 0x80 && (ev_isupper(c) || ev_isdigit(c)))
		return 1;
	if (c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201E ||
	    c == 0x201C || c == 0x201A || c == 0x2018 || c == 0x00BB ||
	    c == 0x00AB || c == 0x203A || c == 0x2039)
		return 1;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Move *b back over the character before it when that is a letter, a
 * digit or a dot: 1, else 0. */
static int
wordish(const char *s, size_t *b)
{
	size_t p = ev_utf8_cut(s, *b - 1), k;
	int32_t c = cp_at(s, *b, p, &k);
	int cat;

	if (c == '.' || (c >= 0 && c < 0x80 && ev_isalnum(c)))
		goto yes;
	if (c < 0x80)
		return 0;
	cat = utf8proc_category(c);
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO)
		return 0;
yes:
	*b = p;
	return 1;
}

/* Is the dot at s[dot] one after an abbreviation, an ordinal or in a
 * number, not the end of a sentence? */
static int
abbreviation(const char *s, size_t dot)
{
	size_t b = dot, len;
	int digits = 1, inner = 0;

	while (b > 0 && wordish(s, &b))
		;	/* back over letters, digits and inner dots */
	len = dot - b;
	if (len == 0)
		return 0;
	for (size_t i = b; i < dot; i++) {
		if (!ev_isdigit((unsigned char)s[i]))
			digits = 0;
		if (s[i] == '.')
			inner = 1;
	}
	if (digits)
		return len <= 3;	/* 14. September; 2026. ends */
	if (inner || news_chars(s + b, len) == 1)
		return 1;		/* z.B., u. a., S. 12 */
	return news_abbrev_word(s + b, len);
}

/* The end of the sentence whose mark is at s[i] (the byte after the
 * closing marks), or 0 when it ends none. */
static size_t
sentence_end(const char *s, size_t n, size_t i)
{
	size_t j, k;
	int32_t c = cp_at(s, n, i, &j);

	if (c != '.' && c != '!' && c != '?' && c != 0x2026)
		return 0;
	if (c == '.' && abbreviation(s, i))
		return 0;
	while (j < n && closing(cp_at(s, n, j, &k)))
		j = k;
	if (j >= n || s[j] != ' ' || j + 1 >= n)
		return 0;
	return starts_sentence(cp_at(s, n, j + 1, &k)) ? j : 0;
}

/* s[0..n) with each run of white space one space, none at either end. */
static void
squeeze(const char *s, size_t n, struct ev_buf *t)
{
	int blank = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			blank = 1;
			continue;
		}
		if (blank && t->len > 0)
			ev_buf_addc(t, ' ');
		blank = 0;
		ev_buf_addc(t, s[i]);
	}
}

/* No sentence fits: the words that fit with "…" after them, or the
 * characters that do when one word is longer than max. */
static void
words(const char *s, size_t n, size_t max, struct ev_buf *out)
{
	size_t cut = 0, chars = 0, k;

	for (size_t i = 0; i < n && chars + 1 <= max; i = k) {
		(void)cp_at(s, n, i, &k);
		if (s[i] == ' ')
			cut = i;
		chars++;
	}
	if (cut == 0) {		/* a word longer than max */
		chars = 0;
		for (size_t i = 0; i < n && chars + 1 < max; i = k) {
			(void)cp_at(s, n, i, &k);
			cut = k;
			chars++;
		}
	}
	/* no dangling comma, dash or opening mark before the "…" */
	while (cut > 0 && strchr(" ,;:-(", s[cut - 1]) != NULL)
		cut--;
	while (cut >= 3 && ((unsigned char)s[cut - 3] == 0xE2 &&
	    (unsigned char)s[cut - 2] == 0x80 &&
	    ((unsigned char)s[cut - 1] == 0x93 ||
	    (unsigned char)s[cut - 1] == 0x94 ||
	    (unsigned char)s[cut - 1] == 0x9E))) {
		cut -= 3;	/* – — „ */
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
	}
	ev_buf_add(out, s, cut);
	ev_buf_adds(out, "…");
}

size_t
news_teaser(const char *s, size_t n, size_t max, struct ev_buf *out)
{
	struct ev_buf t = { 0 };
	size_t start = out->len, best = 0, chars = 0, k, e;

	squeeze(s, n, &t);
	if (max == 0 || news_chars(t.p ? t.p : "", t.len) <= max) {
		ev_buf_add(out, t.p ? t.p : "", t.len);
		ev_buf_free(&t);
		return out->len - start;
	}
	for (size_t i = 0; i < t.len; i = k) {
		(void)cp_at(t.p, t.len, i, &k);
		if ((e = sentence_end(t.p, t.len, i)) != 0 &&
		    chars + news_chars(t.p + i, e - i) <= max)
			best = e;
		if (++chars > max)
			break;
	}
	if (best > 0)
		ev_buf_add(out, t.p, best);
	else
		words(t.p, t.len, max, out);
	ev_buf_free(&t);
	return out->len - start;
}
