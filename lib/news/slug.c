/*
 * slug.c - an article's slug, the last part of its URL: the headline
 * in lower-case ASCII letters and digits, words joined by '-'.
 * German umlauts are transliterated as German writes them without
 * (ä → ae, ß → ss), not stripped (a → a would make "Bäcker" a
 * "Backer"); other Latin letters lose their diacritics by Unicode
 * decomposition (é → e, ł → l); anything else separates words.
 * utf8proc inside.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

/* Letters that German (and its neighbours) spell out in ASCII, and
 * Latin letters without a decomposition. */
static const struct {
	int32_t	 cp;
	const char *ascii;
} spelled[] = {
	{ 0x00C4, "ae" }, { 0x00E4, "ae" },	/* Ä ä */
	{ 0x00D6, "oe" }, { 0x00F6, "oe" },	/* Ö ö */
	{ 0x00DC, "ue" }, { 0x00FC, "ue" },	/* Ü ü */
	{ 0x00DF, "ss" }, { 0x1E9E, "ss" },	/* ß ẞ */
	{ 0x00C6, "ae" }, { 0x00E6, "ae" },	/* Æ æ */
	{ 0x0152, "oe" }, { 0x0153, "oe" },	/* Œ œ */
	{ 0x00D8, "o" }, { 0x00F8, "o" },	/* Ø ø */
	{ 0x0110, "d" }, { 0x0111, "d" },	/* Đ đ */
	{ 0x0141, "l" }, { 0x0142, "l" },	/* Ł ł */
	{ 0x00D0, "d" }, { 0x00F0, "d" },	/* Ð ð */
	{ 0x00DE, "th" }, { 0x00FE, "th" },	/* Þ þ */
	{ 0x0131, "i" },			/* ı */
};

static const char *
spell(int32_t cp)
{
	for (size_t i = 0; i < NELEM(spelled); i++)
		if (spelled[i].cp == cp)
			return spelled[i].ascii;
	return NULL;
}

/* A Latin letter with marks (é, Å, ç) as its base letter, lower case;
 * 0 when cp decomposes to no ASCII letter followed by marks only. */
static int
base_letter(int32_t cp)
{
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n;
	int last = 0;

	n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &last);
	if (n < 2 || n > 8 || d[0] >= 0x80 || !ev_isalpha((int)d[0]))
		return 0;
	for (utf8proc_ssize_t i = 1; i < n; i++)
		if (utf8proc_category(d[i]) != UTF8PROC_CATEGORY_MN)
			return 0;
	return ev_tolower((int)d[0]);
}

/* Apostrophes join: "Neustadt’s" is one word, "neustadts". */
static int
apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* A word separator once something came before it. */
static void
dash(struct ev_buf *out, size_t start)
{
	if (out->len > start && out->p[out->len - 1] != '-')
		ev_buf_addc(out, '-');
}

/* The slug of NFC text s[0..n) appended to out (from start on). */
static void
slugify(const char *s, size_t n, struct ev_buf *out, size_t start)
{
	const char *p = s, *e = s + n, *a;
	int32_t cp;
	int c;

	while (p < e) {
		cp = ev_utf8_next(&p, (size_t)(e - p));
		if (cp >= 0 && cp < 0x80 && ev_isalnum(cp))
			ev_buf_addc(out, ev_tolower(cp));
		else if ((a = spell(cp)) != NULL)
			ev_buf_adds(out, a);
		else if ((c = base_letter(cp)) != 0)
			ev_buf_addc(out, c);
		else if (apostrophe(cp) || (cp >= 0 &&
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_MN))
			continue;	/* a mark left after NFC goes */
		else
			dash(out, start);
	}
}

size_t
news_slug(const char *s, size_t n, size_t max, struct ev_buf *out)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t k;
	size_t start = out->len, len;

	if (max == 0)
		max = NEWS_SLUG_MAX;
	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &nfc, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (k >= 0)
		slugify((const char *)nfc, (size_t)k, out, start);
	else
		slugify(s, n, out, start);	/* invalid UTF-8: as it is */
	free(nfc);
	len = out->len - start;
	if (len > max) {
		/* cut at the last '-' that keeps it within max */
		size_t cut = max;

		while (cut > 0 && out->p[start + cut] != '-')
			cut--;
		len = cut > 0 ? cut : max;
	}
	while (len > 0 && out->p[start + len - 1] == '-')
		len--;
	out->len = start + len;
	if (out->p == NULL)
		ev_buf_add(out, "", 0);
	else
		out->p[out->len] = '\0';
	return len;
}
