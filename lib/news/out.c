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

/* The plain text under an inline node: text as it reads, a link's URL
 * after it in angle brackets when it is not its text. */
static void
plain_node(cmark_node *n, struct ev_buf *b)
{
	const char *s;
	size_t at;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		ev_buf_adds(b, cmark_node_get_literal(n));
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
		plain_node(c, b);
	}
	if (cmark_node_get_type(n) == CMARK_NODE_LINK &&
	    (s = cmark_node_get_url(n)) != NULL && *s != '\0' &&
	    !(b->len - at == strlen(s) && memcmp(b->p + at, s, b->len - at) == 0)) {
		ev_buf_adds(b, " <");
		ev_buf_adds(b, s);
		ev_buf_addc(b, '>');
	}
}

void
news_plain(const char *s, size_t n, struct ev_buf *out)
{
	cmark_node *doc = cmark_parse_document(s, n, CMARK_OPT_DEFAULT);

	if (doc == NULL)
		ev_die(EV_EXIT_ERROR, "out of memory");
	plain_node(doc, out);
	cmark_node_free(doc);
}
