/*
 * out.c - the writers of articles as a table, one file each (textout.c,
 * mdout.c, htmlout.c), and what they share: an article's inline Markdown
 * as plain text.
 */
#include <string.h>
#include <cmark.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

static const struct {
	const char *name;
	void	(*write)(const struct news_article *,
		    const struct news_wopts *, struct ev_buf *);
	const char *sep;
} writers[] = {
	[NEWS_OUT_TEXT] = { "text", news_text_write, "\n" },
	[NEWS_OUT_MD] = { "md", news_md_write, "%%%\n" },
	[NEWS_OUT_HTML] = { "html", news_html_write, "" },
	[NEWS_OUT_JSON] = { "json", news_json_write, "" },
	[NEWS_OUT_JSONLD] = { "jsonld", news_jsonld_write, "" },
	/* feedout.c writes the whole feed: news_feed_add, news_feed_finish */
	[NEWS_OUT_RSS] = { "rss", NULL, "" },
	[NEWS_OUT_ATOM] = { "atom", NULL, "" },
	[NEWS_OUT_JSONFEED] = { "jsonfeed", NULL, "" },
};

int
news_out_parse(const char *s, enum news_out *o)
{
	for (size_t i = 0; i < NELEM(writers); i++)
		if (s != NULL && strcmp(s, writers[i].name) == 0) {
			*o = (enum news_out)i;
			return 0;
		}
	return -1;
}

void
news_write(enum news_out o, const struct news_article *a,
    const struct news_wopts *w, struct ev_buf *out)
{
	if (writers[o].write != NULL)
		writers[o].write(a, w, out);
}

const char *
news_out_sep(enum news_out o)
{
	return writers[o].sep;
}

/* A code span with its spaces as NEWS_GLUE (glue set): one word. */
static void
code(const char *s, struct ev_buf *b, int glue)
{
	for (; glue && *s != '\0'; s++)
		ev_buf_addc(b, *s == ' ' ? NEWS_GLUE : *s);
	if (!glue)
		ev_buf_adds(b, s);
}

/* The plain text under an inline node: text as it reads, a link's URL
 * after it in angle brackets when it is not its text. */
static void
plain_node(cmark_node *n, struct ev_buf *b, int glue)
{
	const char *s;
	size_t at;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		ev_buf_adds(b, cmark_node_get_literal(n));
		return;
	case CMARK_NODE_CODE:
		code(cmark_node_get_literal(n), b, glue);
		return;
	case CMARK_NODE_SOFTBREAK:
		ev_buf_addc(b, ' ');
		return;
	case CMARK_NODE_LINEBREAK:
		ev_buf_addc(b, '\n');
		return;
	case CMARK_NODE_HTML_INLINE:
		return;
	default:
		break;
	}
	at = b->len;
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c)) {
		if (c != cmark_node_first_child(n) &&
		    cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
			ev_buf_addc(b, ' ');
		plain_node(c, b, glue);
	}
	if (cmark_node_get_type(n) == CMARK_NODE_LINK &&
	    (s = cmark_node_get_url(n)) != NULL && *s != '\0' &&
	    !(b->len - at == strlen(s) && memcmp(b->p + at, s, b->len - at) == 0)) {
		ev_buf_adds(b, " <");
		ev_buf_adds(b, s);
		ev_buf_addc(b, '>');
	}
}

/*
 * Where a text starts like a block ("1. FC Neustadt", "# 1", "- x",
 * "> y"), the offset of the mark that makes it one, else n: a headline
 * or a paragraph is inline text, and its first word must not turn into
 * a list number.
 */
static size_t
block_mark(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 9 && ev_isdigit((unsigned char)s[i]))
		i++;
	if (i > 0 && i < n && (s[i] == '.' || s[i] == ')') &&
	    (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t'))
		return i;
	if (n > 0 && strchr("#>-+*=", s[0]) != NULL)
		return 0;
	return n;
}

static void
plain(const char *s, size_t n, struct ev_buf *out, int glue)
{
	struct ev_buf esc = { 0 };
	size_t m = block_mark(s, n);
	cmark_node *doc;

	if (m < n) {	/* that mark escaped */
		ev_buf_add(&esc, s, m);
		ev_buf_addc(&esc, '\\');
		ev_buf_add(&esc, s + m, n - m);
		s = esc.p;
		n = esc.len;
	}
	if ((doc = cmark_parse_document(s, n, CMARK_OPT_DEFAULT)) == NULL)
		ev_die(EV_EXIT_ERROR, "out of memory");
	plain_node(doc, out, glue);
	cmark_node_free(doc);
	ev_buf_free(&esc);
}

void
news_plain(const char *s, size_t n, struct ev_buf *out)
{
	plain(s, n, out, 0);
}

void
news_plain_glued(const char *s, size_t n, struct ev_buf *out)
{
	plain(s, n, out, 1);
}
