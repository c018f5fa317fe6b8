/*
 * shape.c - what a news article adds to the Markdown of its body: the
 * "— Name" line that attributes a quote, a "Mehr zum Thema:" paragraph
 * or subhead with a list of related links under it, and, for an article
 * whose header has no headline, a first "# Heading".
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

/* An attribution's dash ("— ", "– ", "-- ", also without the blank):
 * the bytes it takes with the blanks after it, else 0. */
static size_t
dash(const char *s, size_t n)
{
	size_t i;

	if (n >= 3 && (memcmp(s, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x93", 3) == 0))
		i = 3;
	else if (n >= 2 && memcmp(s, "--", 2) == 0)
		i = 2;
	else
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n ? i : 0;
}

static void
drop_block(struct news_article *a, size_t i)
{
	news_text_free(&a->block[i].text);
	free(a->block[i].info);
	memmove(&a->block[i], &a->block[i + 1],
	    (a->nblock - i - 1) * sizeof(*a->block));
	a->nblock--;
}

/* Block i becomes the attribution s[from, len) of its text. */
static void
make_attrib(struct news_block *k, size_t from)
{
	struct news_text t;

	news_text_sub(&k->text, from, k->text.len, &t);
	news_text_free(&k->text);
	k->text = t;
	k->kind = NEWS_B_ATTRIB;
	k->first = 0;
	news_text_pos(&k->text, 0, &k->pos);
}

/* The last paragraph of a quote: block i is a QUOTE and the next is no
 * QUOTE of the same quote. */
static int
quote_ends(const struct news_article *a, size_t i)
{
	return a->block[i].kind == NEWS_B_QUOTE && (i + 1 == a->nblock ||
	    a->block[i + 1].kind != NEWS_B_QUOTE || a->block[i + 1].first);
}

/* The quote's last line, from byte at on, is its attribution: a block
 * of its own after block i (its dash, d bytes, left out). */
static void
split_attrib(struct news_article *a, size_t i, size_t at, size_t d)
{
	struct news_text q, t;
	struct news_block *k;
	size_t qe = at - 1;

	/* the quote's last line now: its trailing blanks go, as the
	 * last line's of any paragraph */
	while (qe > 0 && (a->block[i].text.s[qe - 1] == ' ' ||
	    a->block[i].text.s[qe - 1] == '\t'))
		qe--;
	news_text_sub(&a->block[i].text, 0, qe, &q);
	news_text_sub(&a->block[i].text, at + d, a->block[i].text.len, &t);
	a->block = news_grow(a->block, a->nblock, sizeof(*a->block));
	memmove(&a->block[i + 2], &a->block[i + 1],
	    (a->nblock - i - 1) * sizeof(*a->block));
	a->nblock++;
	news_text_free(&a->block[i].text);
	a->block[i].text = q;
	k = &a->block[i + 1];
	memset(k, 0, sizeof(*k));
	k->kind = NEWS_B_ATTRIB;
	k->text = t;
	news_text_pos(&t, 0, &k->pos);
	k->end_line = a->block[i].end_line;
	a->block[i].end_line = k->pos.line - 1 > a->block[i].pos.line ?
	    k->pos.line - 1 : a->block[i].pos.line;
}

/* The "— Name" after a quote: a paragraph of its own in the quote or
 * after it, or the last line of the quote's last paragraph. */
static void
attributions(struct news_article *a)
{
	for (size_t i = 0; i < a->nblock; i++) {
		struct news_block *k = &a->block[i];
		const char *nl;
		size_t d;

		if (!quote_ends(a, i))
			continue;
		nl = memchr(k->text.s, '\n', k->text.len);
		if (!k->first && nl == NULL &&
		    (d = dash(k->text.s, k->text.len)) > 0) {
			make_attrib(k, d);
			continue;
		}
		if (i + 1 < a->nblock && a->block[i + 1].kind == NEWS_B_PARA &&
		    memchr(a->block[i + 1].text.s, '\n',
		    a->block[i + 1].text.len) == NULL &&
		    (d = dash(a->block[i + 1].text.s,
		    a->block[i + 1].text.len)) > 0) {
			make_attrib(&a->block[i + 1], d);
			continue;
		}
		for (nl = k->text.s + k->text.len; nl > k->text.s &&
		    nl[-1] != '\n'; nl--)
			;
		if (nl > k->text.s && (d = dash(nl, (size_t)(k->text.s +
		    k->text.len - nl))) > 0)
			split_attrib(a, i, (size_t)(nl - k->text.s), d);
	}
}

/* "Mehr zum Thema:", "**Related**", "## Mehr zum Thema": a Related key
 * alone, with emphasis or a colon around it. */
static int
related_title(const struct news_block *k)
{
	char key[64];
	const char *s = k->text.s;
	size_t n = k->text.len;

	if (k->kind != NEWS_B_PARA && k->kind != NEWS_B_SUBHEAD)
		return 0;
	while (n > 0 && (s[0] == '*' || s[0] == '_'))
		s++, n--;
	while (n > 0 && (s[n - 1] == '*' || s[n - 1] == '_' ||
	    s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	if (n == 0 || n >= sizeof(key))
		return 0;
	memcpy(key, s, n);
	key[n] = '\0';
	return news_field_lookup(key) == NEWS_F_RELATED;
}

/* A related-links title followed by a list: the list's items are the
 * article's Related entries, title and list leave the body. */
static void
related_section(struct news_article *a)
{
	for (size_t i = 0; i + 1 < a->nblock; i++) {
		struct news_block *k = &a->block[i];

		if (!related_title(k) || a->block[i + 1].kind != NEWS_B_ITEM ||
		    !a->block[i + 1].first)
			continue;
		if (a->key[NEWS_F_RELATED].line == 0)
			a->key[NEWS_F_RELATED] = k->pos;
		drop_block(a, i);
		do {
			struct news_link *l;

			if (a->block[i].item) {
				a->related = news_grow(a->related, a->nrelated,
				    sizeof(*a->related));
				l = &a->related[a->nrelated++];
				memset(l, 0, sizeof(*l));
				l->text = a->block[i].text;
				memset(&a->block[i].text, 0,
				    sizeof(a->block[i].text));
				news_link_split(l);
			}
			drop_block(a, i);
		} while (i < a->nblock && a->block[i].kind == NEWS_B_ITEM &&
		    !a->block[i].first);
		i--;
	}
}

/* No headline in the header: a first "# Heading" is the headline, of
 * the body as written back (a related section before it gone to the
 * header); an empty "#" is none. */
static void
headline(struct news_article *a)
{
	struct news_block *k;

	if (a->field[NEWS_F_TITLE].s != NULL || a->nblock == 0)
		return;
	k = &a->block[0];
	if (k->kind != NEWS_B_SUBHEAD || k->level != 1 || k->text.len == 0)
		return;
	a->field[NEWS_F_TITLE] = k->text;
	memset(&k->text, 0, sizeof(k->text));
	a->key[NEWS_F_TITLE] = k->pos;
	drop_block(a, 0);
}

void
news_body_shape(struct news_article *a)
{
	attributions(a);
	related_section(a);
	headline(a);
}
