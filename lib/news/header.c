/*
 * header.c - the header of an article: "Key: value" lines (the default
 * input), and what both readers do with a key and its value: a field, a
 * Related entry, tags, or an extra kept as written.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

#define MAXKEY	40

static int
isblank_(int c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int
is_url_start(const char *s, size_t n)
{
	return (n >= 7 && memcmp(s, "http://", 7) == 0) ||
	    (n >= 8 && memcmp(s, "https://", 8) == 0) ||
	    (n >= 4 && memcmp(s, "www.", 4) == 0);
}

/* "[Text](url)" */
static int
split_mdlink(struct news_link *l, const char *s, size_t n)
{
	const char *m;

	if (n < 4 || s[0] != '[' || s[n - 1] != ')' ||
	    (m = strstr(s, "](")) == NULL)
		return 0;
	l->toff = 1;
	l->tlen = (size_t)(m - s) - 1;
	l->uoff = (size_t)(m - s) + 2;
	l->ulen = n - 1 - l->uoff;
	return 1;
}

void
news_link_split(struct news_link *l)
{
	const char *s = l->text.s;
	size_t n = l->text.len, i;

	l->toff = 0;
	l->tlen = n;
	l->uoff = l->ulen = 0;
	if (split_mdlink(l, s, n))
		return;
	if (n >= 2 && s[n - 1] == '>') {
		/* "Text <url>": the last '<' */
		for (i = n - 1; i > 0 && s[i - 1] != '<'; i--)
			;
		if (i > 0) {
			l->uoff = i;
			l->ulen = n - 1 - i;
			l->tlen = i - 1;
		}
	} else {
		/* "Text https://...": the last word, when it is a URL */
		for (i = n; i > 0 && s[i - 1] != ' '; i--)
			;
		if (is_url_start(s + i, n - i)) {
			l->uoff = i;
			l->ulen = n - i;
			l->tlen = i;
		}
	}
	while (l->tlen > 0 && (isblank_(s[l->tlen - 1]) || s[l->tlen - 1] == ':'
	    || s[l->tlen - 1] == '-'))
		l->tlen--;
}

/* "a, b, c": each tag trimmed, empty ones left out. */
static void
split_tags(struct news_article *a, const struct news_text *v)
{
	size_t b = 0, e;

	while (b <= v->len) {
		const char *c = memchr(v->s + b, ',', v->len - b);
		size_t next;

		e = c ? (size_t)(c - v->s) : v->len;
		next = e + 1;
		while (b < e && (isblank_(v->s[b]) || v->s[b] == '\n'))
			b++;
		while (e > b && (isblank_(v->s[e - 1]) || v->s[e - 1] == '\n'))
			e--;
		if (e > b) {
			a->tags = news_grow(a->tags, a->ntags, sizeof(*a->tags));
			news_text_sub(v, b, e, &a->tags[a->ntags++]);
		}
		b = next;
	}
}

static void
add_extra(struct news_article *a, const char *key,
    const struct news_pos *keypos, struct news_text *v)
{
	struct news_extra *x;
	int seen = 0;

	for (size_t i = 0; i < a->nextra; i++)
		if (ev_strcaseeq(a->extra[i].key, key))
			seen = 1;
	if (!seen)
		news_diag_add(a, NEWS_SEV_WARNING, keypos,
		    "unknown key \"%s\" (kept as it is)", key);
	a->extra = news_grow(a->extra, a->nextra, sizeof(*a->extra));
	x = &a->extra[a->nextra++];
	memset(x, 0, sizeof(*x));
	x->key = ev_estrdup(key);
	x->pos = *keypos;
	x->value = *v;
	memset(v, 0, sizeof(*v));
}

void
news_header_set(struct news_article *a, const char *key,
    const struct news_pos *keypos, struct news_text *v, int item)
{
	int f = news_field_lookup(key);

	if (f < 0) {
		add_extra(a, key, keypos, v);
		return;
	}
	if (a->key[f].line == 0)
		a->key[f] = *keypos;
	if (f == NEWS_F_RELATED) {
		struct news_link *l;

		a->related = news_grow(a->related, a->nrelated,
		    sizeof(*a->related));
		l = &a->related[a->nrelated++];
		memset(l, 0, sizeof(*l));
		l->text = *v;
		memset(v, 0, sizeof(*v));
		news_link_split(l);
		return;
	}
	if (f == NEWS_F_TAGS) {
		if (item) {
			a->tags = news_grow(a->tags, a->ntags, sizeof(*a->tags));
			a->tags[a->ntags++] = *v;
			memset(v, 0, sizeof(*v));
		} else
			split_tags(a, v);
		news_text_free(v);
		return;
	}
	if (a->field[f].s != NULL) {
		news_diag_add(a, NEWS_SEV_WARNING, keypos,
		    "%s given again: the one of line %lu is kept", key,
		    a->key[f].line);
		news_text_free(v);
		return;
	}
	a->field[f] = *v;
	memset(v, 0, sizeof(*v));
}

/*
 * A line "Key: value": the key's bytes [b, *ke) and where the value
 * starts (*vb), or 0.  A key is a word or a few (letters, digits,
 * blanks, '-', '_'), starting with a letter, at most MAXKEY bytes.
 */
int
news_header_line(const char *p, size_t b, size_t e, size_t *ke, size_t *vb)
{
	const char *c = memchr(p + b, ':', e - b);
	size_t k, i;

	if (c == NULL || b == e || isblank_(p[b]) ||
	    ((unsigned char)p[b] < 0x80 && !((p[b] | 0x20) >= 'a' &&
	    (p[b] | 0x20) <= 'z')))
		return 0;
	k = (size_t)(c - p);
	if (k - b > MAXKEY)
		return 0;
	for (i = b; i < k; i++) {
		unsigned char ch = (unsigned char)p[i];

		if (!(ch >= 0x80 || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == ' ' || ch == '-' ||
		    ch == '_' || ch == '.'))
			return 0;
	}
	*ke = k;
	while (*ke > b && isblank_(p[*ke - 1]))
		(*ke)--;
	for (i = k + 1; i < e && isblank_(p[i]); i++)
		;
	*vb = i;
	return 1;
}

struct pending {
	char	 key[MAXKEY + 1];
	struct news_pos kpos;
	struct news_text v;
	int	 on;
};

static void
flush(struct news_article *a, struct pending *pd)
{
	if (pd->on)
		news_header_set(a, pd->key, &pd->kpos, &pd->v, 0);
	news_text_free(&pd->v);
	pd->on = 0;
}

/* The value's bytes [b, e) as a piece of v (trailing blanks off). */
static void
add_value(const struct news_src *s, struct news_text *v, size_t b, size_t e)
{
	struct news_pos pos;

	while (e > b && isblank_(s->p[e - 1]))
		e--;
	news_src_pos(s, b, &pos);
	news_text_add(v, s->p + b, e - b, &pos);
}

int
news_header_read(struct news_article *a, const struct news_src *s,
    size_t hb, size_t he, struct ev_err *err)
{
	struct pending pd = { .on = 0 };
	unsigned long l;
	size_t b, e, ke, vb;

	(void)err;
	for (l = s->first; l < s->first + s->nlines; l++) {
		news_src_line(s, l, &b, &e);
		if (b < hb || b >= he)
			continue;
		if (isblank_(s->p[b]) && pd.on) {
			/* a folded value goes on on an indented line */
			while (b < e && isblank_(s->p[b]))
				b++;
			news_text_addc(&pd.v, ' ');
			add_value(s, &pd.v, b, e);
			continue;
		}
		flush(a, &pd);
		if (!news_header_line(s->p, b, e, &ke, &vb)) {
			struct news_pos pos;

			news_src_pos(s, b, &pos);
			news_diag_add(a, NEWS_SEV_ERROR, &pos,
			    "not a header line \"Key: value\": left out");
			continue;
		}
		memcpy(pd.key, s->p + b, ke - b);
		pd.key[ke - b] = '\0';
		news_src_pos(s, b, &pd.kpos);
		pd.v.exact = 1;
		add_value(s, &pd.v, vb, e);
		pd.on = 1;
	}
	flush(a, &pd);
	return 0;
}
