/*
 * body.c - an article's body: CommonMark parsed by cmark with source
 * positions, then flattened into blocks, each with its inline Markdown
 * cut out of the source line by line, so that every byte of it maps back
 * to its line and column.  Then what a news article adds to Markdown: the
 * "— Name" attribution of a quote, a "Mehr zum Thema:" list of related
 * links, a first "# Heading" as the headline.
 */
#include <stdlib.h>
#include <string.h>
#include <cmark.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

#define MAXDEPTH	64

struct body {
	struct news_article *a;
	const struct news_src *s;
	unsigned long line0;		/* the file's line of cmark's line 1 */
	cmark_node_type cont[MAXDEPTH];	/* the quotes and items around */
	int	 ncont;
	int	 newquote, newlist, newitem;
	int	 ordered;
	long	 number;
};

static int
isblank_(int c)
{
	return c == ' ' || c == '\t';
}

/* Past the markup that the quotes and list items around a paragraph put
 * at the start of each of its lines after the first: "> ", indentation.
 * A lazy line (no '>') keeps what is left. */
static size_t
strip_containers(const struct body *bd, size_t b, size_t e)
{
	const char *p = bd->s->p;

	for (int i = 0; i < bd->ncont; i++) {
		if (bd->cont[i] != CMARK_NODE_BLOCK_QUOTE) {
			while (b < e && isblank_(p[b]))
				b++;
			continue;
		}
		for (int k = 0; k < 3 && b < e && p[b] == ' '; k++)
			b++;
		if (b >= e || p[b] != '>')
			return b;
		b++;
		if (b < e && isblank_(p[b]))
			b++;
	}
	return b;
}

/* Add the line's bytes [b, e) as a piece ('\n' before all but the
 * first). */
static void
add_line(const struct body *bd, struct news_text *t, size_t b, size_t e)
{
	struct news_pos pos;

	if (t->nseg > 0)
		news_text_addc(t, '\n');
	news_src_pos(bd->s, b, &pos);
	news_text_add(t, bd->s->p + b, e - b, &pos);
}

/* The inline text of a paragraph or setext heading: lines first..last,
 * the first from byte column col. */
static void
lines_text(const struct body *bd, struct news_text *t, unsigned long first,
    unsigned long last, int col)
{
	const char *p = bd->s->p;
	size_t b, e;

	t->exact = 1;
	for (unsigned long l = first; l <= last; l++) {
		news_src_line(bd->s, l, &b, &e);
		if (l == first)
			b = col > 1 && b + (size_t)(col - 1) <= e ?
			    b + (size_t)(col - 1) : b;
		else
			b = strip_containers(bd, b, e);
		while (b < e && isblank_(p[b]))
			b++;
		if (l == last)
			while (e > b && isblank_(p[e - 1]))
				e--;
		if (b == e && l == last && t->nseg > 0)
			break;		/* a blank line cmark counted */
		add_line(bd, t, b, e);
	}
	if (t->s == NULL)
		news_text_add(t, "", 0, NULL);
}

/* "## Text ##": the text of an ATX heading on line l from column col. */
static void
atx_text(const struct body *bd, struct news_text *t, unsigned long l, int col)
{
	const char *p = bd->s->p;
	size_t b, e, k;

	news_src_line(bd->s, l, &b, &e);
	if (col > 1 && b + (size_t)(col - 1) <= e)
		b += (size_t)(col - 1);
	while (b < e && p[b] == '#')
		b++;
	while (b < e && isblank_(p[b]))
		b++;
	while (e > b && isblank_(p[e - 1]))
		e--;
	for (k = e; k > b && p[k - 1] == '#'; k--)
		;
	if (k < e && (k == b || isblank_(p[k - 1]))) {
		e = k;
		while (e > b && isblank_(p[e - 1]))
			e--;
	}
	t->exact = 1;
	add_line(bd, t, b, e);
}

static struct news_block *
new_block(struct body *bd, enum news_block_kind kind, cmark_node *n)
{
	struct news_article *a = bd->a;
	struct news_block *k;
	size_t b, e;
	unsigned long l = bd->line0 + (unsigned long)cmark_node_get_start_line(n)
	    - 1;

	a->block = news_grow(a->block, a->nblock, sizeof(*a->block));
	k = &a->block[a->nblock++];
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	news_src_line(bd->s, l, &b, &e);
	news_src_pos(bd->s, b, &k->pos);
	k->end_line = bd->line0 + (unsigned long)cmark_node_get_end_line(n) - 1;
	return k;
}

static void
paragraph(struct body *bd, cmark_node *n)
{
	enum news_block_kind kind = NEWS_B_PARA;
	struct news_block *k;
	unsigned long first = bd->line0 +
	    (unsigned long)cmark_node_get_start_line(n) - 1;
	unsigned long last = bd->line0 +
	    (unsigned long)cmark_node_get_end_line(n) - 1;

	if (bd->ncont > 0)
		kind = bd->cont[bd->ncont - 1] == CMARK_NODE_BLOCK_QUOTE ?
		    NEWS_B_QUOTE : NEWS_B_ITEM;
	k = new_block(bd, kind, n);
	lines_text(bd, &k->text, first, last, cmark_node_get_start_column(n));
	if (kind == NEWS_B_QUOTE) {
		k->first = bd->newquote;
		bd->newquote = 0;
	} else if (kind == NEWS_B_ITEM) {
		k->first = bd->newlist;
		k->item = bd->newitem;
		k->ordered = bd->ordered;
		k->number = bd->number;
		bd->newlist = bd->newitem = 0;
	}
}

/* The "===" or "---" line under a setext heading that starts on line
 * l. */
static unsigned long
underline(const struct body *bd, unsigned long l)
{
	const char *p = bd->s->p;
	size_t b, e;

	for (l++;; l++) {
		news_src_line(bd->s, l, &b, &e);
		if (b == e && b == bd->s->end)
			return l;
		b = strip_containers(bd, b, e);
		while (b < e && isblank_(p[b]))
			b++;
		while (e > b && isblank_(p[e - 1]))
			e--;
		if (b < e && (p[b] == '=' || p[b] == '-')) {
			size_t i = b;

			/* bounded: the source need not end in a NUL */
			while (i < e && p[i] == p[b])
				i++;
			if (i == e)
				return l;
		}
	}
}

static void
heading(struct body *bd, cmark_node *n)
{
	struct news_block *k = new_block(bd, NEWS_B_SUBHEAD, n);
	unsigned long first = bd->line0 +
	    (unsigned long)cmark_node_get_start_line(n) - 1;
	int col = cmark_node_get_start_column(n);
	size_t b, e;

	k->level = cmark_node_get_heading_level(n);
	news_src_line(bd->s, first, &b, &e);
	if (col > 1 && b + (size_t)(col - 1) < e)
		b += (size_t)(col - 1);
	if (b < e && bd->s->p[b] == '#')
		atx_text(bd, &k->text, first, col);
	else	/* setext: the lines above the underline */
		lines_text(bd, &k->text, first, underline(bd, first) - 1, col);
	k->end_line = underline(bd, first);
}

/* Code and HTML: the literal text, no inline Markdown, no map. */
static void
literal(struct body *bd, cmark_node *n, enum news_block_kind kind)
{
	struct news_block *k = new_block(bd, kind, n);
	const char *lit = cmark_node_get_literal(n);
	const char *info = cmark_node_get_fence_info(n);

	news_text_add(&k->text, "", 0, &k->pos);
	if (lit != NULL)
		news_text_add(&k->text, lit, strlen(lit), NULL);
	if (kind == NEWS_B_CODE)
		k->info = ev_estrdup(info ? info : "");
}

static void
rule(struct body *bd, cmark_node *n)
{
	struct news_block *k = new_block(bd, NEWS_B_RULE, n);

	news_text_add(&k->text, "", 0, &k->pos);
}

static void walk(struct body *, cmark_node *);

static void
children(struct body *bd, cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c))
		walk(bd, c);
}

/* Into a quote or an item: its markup is stripped from its lines. */
static void
container(struct body *bd, cmark_node *n)
{
	if (bd->ncont == MAXDEPTH)
		return;		/* deeper than any article goes */
	bd->cont[bd->ncont++] = cmark_node_get_type(n);
	children(bd, n);
	bd->ncont--;
}

static void
list(struct body *bd, cmark_node *n)
{
	long number = cmark_node_get_list_start(n);
	int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;

	bd->newlist = 1;
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c), number++) {
		bd->newitem = 1;
		bd->ordered = ordered;
		bd->number = ordered ? number : 0;
		container(bd, c);
	}
	bd->newlist = bd->newitem = 0;
}

static void
walk(struct body *bd, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH: paragraph(bd, n); break;
	case CMARK_NODE_HEADING: heading(bd, n); break;
	case CMARK_NODE_CODE_BLOCK: literal(bd, n, NEWS_B_CODE); break;
	case CMARK_NODE_HTML_BLOCK: literal(bd, n, NEWS_B_HTML); break;
	case CMARK_NODE_THEMATIC_BREAK: rule(bd, n); break;
	case CMARK_NODE_LIST: list(bd, n); break;
	case CMARK_NODE_BLOCK_QUOTE:
		bd->newquote = 1;
		container(bd, n);
		bd->newquote = 0;
		break;
	case CMARK_NODE_ITEM: container(bd, n); break;
	default: children(bd, n); break;
	}
}

void
news_body_read(struct news_article *a, const struct news_src *s, size_t b,
    size_t e)
{
	struct body bd = { .a = a, .s = s };
	struct news_pos pos;
	cmark_node *doc;

	news_src_pos(s, b, &pos);
	bd.line0 = pos.line;
	doc = cmark_parse_document(s->p + b, e - b, CMARK_OPT_SOURCEPOS);
	if (doc == NULL)
		ev_die(EV_EXIT_ERROR, "out of memory");
	children(&bd, doc);
	cmark_node_free(doc);
	news_body_shape(a);
}

/* Is line l in the code block n or in one inside it? */
static int
in_fence(cmark_node *n, int l)
{
	if (cmark_node_get_start_line(n) > l || cmark_node_get_end_line(n) < l)
		return 0;
	/* a line at the margin in a code block: a fenced one */
	if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
		return cmark_node_get_start_line(n) < l;
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c))
		if (in_fence(c, l))
			return 1;
	return 0;
}

int
news_body_fenced(const char *p, size_t n, int l)
{
	cmark_node *doc = cmark_parse_document(p, n, CMARK_OPT_SOURCEPOS);
	int rc;

	if (doc == NULL)
		ev_die(EV_EXIT_ERROR, "out of memory");
	rc = in_fence(doc, l);
	cmark_node_free(doc);
	return rc;
}
