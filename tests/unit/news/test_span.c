/* Unit tests: news/span.c */
#include <stdlib.h>
#include <time.h>

#include "news.h"
#include "t.h"

/* The spans, checked to come in order and not to overlap, as their
 * texts joined by '|'. */
struct got {
	struct ev_buf text;
	size_t	 last;
	int	 bad;
	const char *s;
	size_t	 n, count;
};

static void
collect(void *arg, size_t start, size_t end)
{
	struct got *g = arg;

	if (start < g->last || end <= start || end > g->n)
		g->bad = 1;
	g->last = end;
	g->count++;
	if (g->text.len > 0)
		ev_buf_addc(&g->text, '|');
	if (!g->bad)
		ev_buf_add(&g->text, g->s + start, end - start);
}

/* The spans of s as "a|b|c" ("" for none), in a static buffer. */
static const char *
spans_n(const char *s, size_t n)
{
	static char out[4096];
	struct got g = { { 0 }, 0, 0, s, n, 0 };

	news_protected(s, n, collect, &g);
	T_OK(!g.bad);
	snprintf(out, sizeof(out), "%s", g.text.p ? g.text.p : "");
	ev_buf_free(&g.text);
	return out;
}

static const char *
spans(const char *s)
{
	return spans_n(s, strlen(s));
}

static void
test_code(void)
{
	T_STREQ(spans("Mit `code` hier"), "`code`");
	T_STREQ(spans("a ``x ` y`` b"), "``x ` y``");
	T_STREQ(spans("```a``b```"), "```a``b```");
	T_STREQ(spans("`a` und `b`"), "`a`|`b`");
	/* lines are joined by '\n': a code span may cross them */
	T_STREQ(spans("`\"a\n\"b`"), "`\"a\n\"b`");
	/* no closer of the same length: literal backticks */
	T_STREQ(spans("a `` b ` c"), "");
	T_STREQ(spans("``a`"), "");
	T_STREQ(spans("`a``"), "");
	/* the run after an unclosed one still opens */
	T_STREQ(spans("`` a `b`"), "`b`");
	/* an escaped backtick opens nothing; inside code, \ is literal */
	T_STREQ(spans("\\`a` \"x\""), "\\`");
	T_STREQ(spans("`a\\`b"), "`a\\`");
	/* code protects what looks like a URL or a tag */
	T_STREQ(spans("`<b>` `www.x.de`"), "`<b>`|`www.x.de`");
}

static void
test_autolink(void)
{
	T_STREQ(spans("Siehe <https://www.hannover.de/a?b=1&c=2>."),
	    "<https://www.hannover.de/a?b=1&c=2>");
	T_STREQ(spans("<mailto:info@hannover.de>"), "<mailto:info@hannover.de>");
	T_STREQ(spans("Mail: <presse@hannover-stadt.de>"),
	    "<presse@hannover-stadt.de>");
	/* a space ends an autolink: then it is text, with a bare URL */
	T_STREQ(spans("<https://a b>"), "https://a");
	/* what typography writes for a space or a quote ends it */
	T_STREQ(spans("<http:5\xc2\xa0km> <http://a“b>"), "http://a");
	/* a one-letter scheme is no scheme, and a:b no tag */
	T_STREQ(spans("<a:b>"), "");
	T_STREQ(spans("<1:b>"), "");
}

static void
test_html(void)
{
	T_STREQ(spans("ein <b>fettes</b> Wort"), "<b>|</b>");
	T_STREQ(spans("<a href=\"x.html\" title='\"a\"'>x</a>"),
	    "<a href=\"x.html\" title='\"a\"'>|</a>");
	T_STREQ(spans("<img src=x alt=\"\" />"), "<img src=x alt=\"\" />");
	T_STREQ(spans("<br/>"), "<br/>");
	T_STREQ(spans("a <!-- \"Kommentar\" --> b"), "<!-- \"Kommentar\" -->");
	T_STREQ(spans("<!---->"), "<!---->");
	T_STREQ(spans("<!-->"), "<!-->");
	T_STREQ(spans("<?php echo '1'; ?>"), "<?php echo '1'; ?>");
	T_STREQ(spans("<!DOCTYPE html>"), "<!DOCTYPE html>");
	T_STREQ(spans("<![CDATA[\"x\"]]>"), "<![CDATA[\"x\"]]>");
	/* not tags: comparisons, an unclosed comment, bad attributes */
	T_STREQ(spans("a < b und c > d"), "");
	T_STREQ(spans("3<4"), "");
	T_STREQ(spans("<!-- offen"), "");
	T_STREQ(spans("<!-- a <!-- b -->"), "<!-- a <!-- b -->");
	T_STREQ(spans("<a href=\"x>"), "");
	T_STREQ(spans("<a\"b\">"), "");
	T_STREQ(spans("<b a=x\"y> <b a=„x“y> <b a=it’s>"), "");
	T_STREQ(spans("<a b=>"), "");
	T_STREQ(spans("</a b>"), "");
	T_STREQ(spans("</a >"), "</a >");
}

static void
test_entity(void)
{
	T_STREQ(spans("5&nbsp;km"), "&nbsp;");
	T_STREQ(spans("&#8222;a&#x201C;"), "&#8222;|&#x201C;");
	T_STREQ(spans("&amp; &quot;"), "&amp;|&quot;");
	T_STREQ(spans("AT&T, & ; &#; &#x; &#12345678;"), "");
	/* names are not looked up: &T; is taken for one */
	T_STREQ(spans("AT&T;"), "&T;");
	T_STREQ(spans("& nbsp;"), "");
}

static void
test_links(void)
{
	T_STREQ(spans("[Text](https://x.de/a_(b))"), "(https://x.de/a_(b))");
	T_STREQ(spans("[„Zitat“](/pfad \"Titel\")"), "(/pfad \"Titel\")");
	T_STREQ(spans("![Bild](bild.jpg 'Ein \"Bild\"')"),
	    "(bild.jpg 'Ein \"Bild\"')");
	T_STREQ(spans("[a](<mit Leer zeichen> (Titel))"),
	    "(<mit Leer zeichen> (Titel))");
	T_STREQ(spans("[a]()"), "()");
	T_STREQ(spans("[a]( /x )"), "( /x )");
	/* the link text is not protected, a URL in it is */
	T_STREQ(spans("[\"https://x.de\"](https://x.de)"),
	    "https://x.de|(https://x.de)");
	/* not destinations: spaces, unbalanced, no '[' before */
	T_STREQ(spans("[a](b c)"), "");
	T_STREQ(spans("[a](5\xc2\xa0km) [a](x „t“)"), "");
	T_STREQ(spans("[a](b"), "");
	T_STREQ(spans("[a](b \"t)"), "");
	T_STREQ(spans("Zahl](3 Stück)"), "");
	T_STREQ(spans("[a] (b)"), "");
	/* escaped brackets are text (and protected escapes) */
	T_STREQ(spans("\\[a](b)"), "\\[");
	/* a reference link's label */
	T_STREQ(spans("[Text][Label \"x\"] und [b][]"), "[Label \"x\"]");
	/* 33 nested parentheses are too many */
	{
		char s[128] = "[a](";
		int i;

		for (i = 0; i < 33; i++)
			strcat(s, "(");
		for (i = 0; i < 33; i++)
			strcat(s, ")");
		strcat(s, ")");
		T_STREQ(spans(s), "");
	}
}

static void
test_refdef(void)
{
	T_STREQ(spans("[Label]: https://x.de \"Titel\""),
	    "[Label]: https://x.de \"Titel\"");
	T_STREQ(spans("  [a]: /x\n[b]: <y z> 'T'\nText \"a\""),
	    "[a]: /x|[b]: <y z> 'T'");
	/* the title may stand on the next line */
	T_STREQ(spans("[a]: /x\n\"T\"\nText"), "[a]: /x\n\"T\"");
	/* a title with text after it is none: the line before is it */
	T_STREQ(spans("[a]: /x\n\"T\" Text"), "[a]: /x");
	T_STREQ(spans("[a]: /x \"T\" Text"), "");
	/* not definitions: text after them, or not at the block's start */
	T_STREQ(spans("[Hinweis]: Bitte beachten"), "");
	T_STREQ(spans("Text\n[a]: /x"), "");
	T_STREQ(spans("    [a]: /x"), "");
}

static void
test_escape(void)
{
	T_STREQ(spans("26\\\" Monitor"), "\\\"");
	T_STREQ(spans("\\- \\. \\\\"), "\\-|\\.|\\\\");
	/* a backslash before a letter or at the end is text */
	T_STREQ(spans("\\n \\"), "");
	T_STREQ(spans("a\\\nb"), "");
}

static void
test_bare_url(void)
{
	T_STREQ(spans("Mehr unter https://www.hannover.de/Leben."),
	    "https://www.hannover.de/Leben");
	T_STREQ(spans("(www.hannover.de)"), "www.hannover.de");
	T_STREQ(spans("(siehe https://de.wikipedia.org/wiki/A_(B))."),
	    "https://de.wikipedia.org/wiki/A_(B)");
	T_STREQ(spans("\"https://x.de/?a=1\", sagte sie"), "https://x.de/?a=1");
	T_STREQ(spans("„https://x.de“"), "https://x.de");
	T_STREQ(spans("«https://x.de»"), "https://x.de");
	T_STREQ(spans("–www.x.de"), "www.x.de");
	T_STREQ(spans("éwww.x.de"), "");
	T_STREQ(spans("https://x.de/Döhren-Wülfel!"),
	    "https://x.de/Döhren-Wülfel");
	T_STREQ(spans("ftp://a.b/c, git+ssh://h/r"), "ftp://a.b/c|git+ssh://h/r");
	T_STREQ(spans("*www.x.de*"), "www.x.de");
	T_STREQ(spans("WWW.X.DE"), "WWW.X.DE");
	/* a no-break space ends it */
	T_STREQ(spans("https://x.de\xc2\xa0und"), "https://x.de");
	T_STREQ(spans("https://x.de\xe2\x80\xafund"), "https://x.de");
	/* not URLs */
	T_STREQ(spans("https:// x"), "");
	T_STREQ(spans("Die www. ist"), "");
	T_STREQ(spans("awww.x.de Müllerwww.x.de …www.x.de"), "");
	T_STREQ(spans("www.x.de… www.x.de/a…"), "www.x.de|www.x.de/a");
	/* the character before a word: a no-break space starts one, a
	 * letter, "…" or stray continuation bytes (not valid UTF-8, which
	 * spans need not be) do not */
	T_STREQ(spans("\xc2\xa0www.x.de \xe2\x80\xafwww.y.de"),
	    "www.x.de|www.y.de");
	T_STREQ(spans("\xa0www.x.de"), "");
	T_STREQ(spans("\x80\x80\x80\x80\xa0www.x.de"), "");
	T_STREQ(spans("\xe2\x80www.x.de"), "");
	T_STREQ(spans("\xe2\x80\xa6www.x.de ßwww.x.de"), "");
	T_STREQ(spans("10://x"), "");
	T_STREQ(spans("Uhrzeit 10:30"), "");
}

static void
test_email(void)
{
	T_STREQ(spans("Mail an presse@hannover-stadt.de."),
	    "presse@hannover-stadt.de");
	T_STREQ(spans("(max.mustermann+news@a.b.de)"),
	    "max.mustermann+news@a.b.de");
	T_STREQ(spans("mailto:info@x.de"), "info@x.de");
	/* no dot, no domain, not at a word's start */
	T_STREQ(spans("a@b @x.de a@ a@.de"), "");
	T_STREQ(spans("Twitter: @hannover"), "");
	T_STREQ(spans("x@y.-"), "");
}

static void
test_none(void)
{
	T_STREQ(spans(""), "");
	T_STREQ(spans("„Es freut mich“, sagte sie - 10-12 Uhr..."), "");
	T_STREQ(spans_n(NULL, 0), "");
	/* NUL bytes and invalid UTF-8 are bytes like others */
	T_STREQ(spans_n("a\0`b\0`\xff", 8), "`b\0`");
	T_STREQ(spans("\xff\xfe<b>\xc3"), "<b>");
}

/* Long and hostile blocks: the scan stays linear. */
static void
test_linear(void)
{
	static const char *unit[] = {
		"<!-- ", "`", "<a x=\"", "[a](b", "](", "<https:", "``` ",
		"www.", "a@", "&#", "<?", "[", "<a b c d ",
	};
	size_t n = 1 << 20, i, k;
	char *s = malloc(n + 1);
	clock_t t0;
	double secs;

	for (k = 0; k < sizeof(unit) / sizeof(unit[0]); k++) {
		size_t len = strlen(unit[k]);
		struct got g = { { 0 }, 0, 0, s, n, 0 };

		for (i = 0; i + len <= n; i += len)
			memcpy(s + i, unit[k], len);
		memset(s + i, ' ', n - i);
		t0 = clock();
		news_protected(s, n, collect, &g);
		secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		T_OK(!g.bad);
		if (secs > 1.0)
			fprintf(stderr, "%s: %.2f s\n", unit[k], secs);
		T_OK(secs < 1.0);
		ev_buf_free(&g.text);
	}
	free(s);
}

static void
run(void)
{
	test_code();
	test_autolink();
	test_html();
	test_entity();
	test_links();
	test_refdef();
	test_escape();
	test_bare_url();
	test_email();
	test_none();
	test_linear();
}
