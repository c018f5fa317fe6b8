/* Unit tests: news/htmlout.c (-o html, --standalone) */
#include <stdlib.h>

#include "news.h"
#include "t.h"

/* The HTML of the one article of src (not typeset), in a static buffer;
 * "" when it does not read. */
static const char *
html(const char *src, enum news_lang lang)
{
	static struct ev_buf b;
	struct news_reader *r = news_reader_new("t", src, strlen(src),
	    NEWS_IN_AUTO);
	struct news_article *a = NULL;
	struct news_wopts w = { .lang = lang };
	struct ev_err err;

	ev_buf_clear(&b);
	if (news_read(r, &a, &err) == 1)
		news_write(NEWS_OUT_HTML, a, &w, &b);
	ev_buf_addc(&b, '\0');
	news_article_free(a);
	news_reader_free(r);
	return b.p;
}

#define HAS(s, sub) t_check(strstr((s), (sub)) != NULL, __FILE__, __LINE__, \
	"has " #sub, (s), (sub))
#define HASNT(s, sub) t_check(strstr((s), (sub)) == NULL, __FILE__, \
	__LINE__, "has no " #sub, (s), (sub))

static void
test_parse(void)
{
	enum news_out o;

	T_EQ(news_out_parse("html", &o), 0);
	T_EQ(o, NEWS_OUT_HTML);
	T_STREQ(news_out_sep(NEWS_OUT_HTML), "");
}

static void
test_escape(void)
{
	const char *s = html(
	    "Title: <b>Fish & Chips</b> \"q\" 'a'\n"
	    "Kicker: A<B\n"
	    "Image: a.jpg?w=1&h=2\" onerror=\"x\n"
	    "Alt: Alt <i>x</i> & \"q\"\n"
	    "\n"
	    "Raw <span onclick=\"x()\">s</span> and <!-- c -->.\n"
	    "\n"
	    "<div>\n<script>alert(1)</script>\n</div>\n"
	    "\n"
	    "[bad](javascript:alert(1)) [BAD](  JavaScript:x) "
	    "[data](data:text/html,x) [ok](https://e.example/?a=1&b=2)\n",
	    NEWS_LANG_EN);

	HAS(s, "<h1>&lt;b&gt;Fish &amp; Chips&lt;/b&gt; &quot;q&quot; "
	    "&#39;a&#39;</h1>");
	HAS(s, "<p class=\"kicker\">A&lt;B</p>");
	HAS(s, "<img src=\"a.jpg?w=1&amp;h=2%22%20onerror=%22x\" "
	    "alt=\"Alt &lt;i&gt;x&lt;/i&gt; &amp; &quot;q&quot;\">");
	HAS(s, "Raw &lt;span onclick=&quot;x()&quot;&gt;s&lt;/span&gt; and "
	    "&lt;!-- c --&gt;.");
	HAS(s, "<pre class=\"html\"><code>&lt;div&gt;");
	HASNT(s, "<script");
	HASNT(s, "<span onclick");
	HASNT(s, "avascript:");
	HASNT(s, "data:");
	HAS(s, "bad BAD data <a href=\"https://e.example/?a=1&amp;b=2\">ok</a>");
}

static void
test_shape(void)
{
	const char *s = html(
	    "---\n"
	    "title: \"1. FC Neustadt\"\n"
	    "date: 27.11.2026\n"
	    "updated: someday\n"
	    "lead: \"(14. September) Der Lead.\"\n"
	    "image: b.jpg\n"
	    "credit: © LHH\n"
	    "related:\n"
	    "  - Mehr <https://e.example/mehr>\n"
	    "tags: [Sport]\n"
	    "---\n"
	    "\n"
	    "# Eins\n"
	    "\n"
	    "> Zitat\n"
	    ">\n"
	    "> weiter\n"
	    "> — Name\n"
	    "\n"
	    "> Ohne\n"
	    "\n"
	    "3. drei\n"
	    "4. vier\n"
	    "\n"
	    "   zweiter Absatz\n",
	    NEWS_LANG_DE);

	HAS(s, "<article lang=\"de\">\n<header>\n<h1>1. FC Neustadt</h1>\n");
	HAS(s, "<p class=\"byline\"><time datetime=\"2026-11-27\">Freitag, "
	    "27. November 2026</time> (aktualisiert: someday)</p>");
	HAS(s, "<p class=\"lead\"><span class=\"dateline\">(14. September)"
	    "</span> Der Lead.</p>");
	HAS(s, "<img src=\"b.jpg\" alt=\"\">\n<figcaption><small>© LHH"
	    "</small></figcaption>");
	HAS(s, "<h2>Eins</h2>");
	HAS(s, "<figure class=\"quote\">\n<blockquote>\n<p>Zitat</p>\n"
	    "<p>weiter</p>\n</blockquote>\n<figcaption>— Name</figcaption>\n"
	    "</figure>\n<blockquote>\n<p>Ohne</p>\n</blockquote>\n");
	HAS(s, "<ol start=\"3\">\n<li>drei</li>\n<li>vier\n"
	    "<p>zweiter Absatz</p>\n</li>\n</ol>\n");
	HAS(s, "<aside>\n<h2>Mehr zum Thema</h2>\n<ul>\n<li><a "
	    "href=\"https://e.example/mehr\">Mehr</a></li>\n</ul>\n</aside>\n");
	HAS(s, "<footer>\n<p class=\"tags\">Schlagworte: <span class=\"tag\">"
	    "Sport</span></p>\n</footer>\n</article>\n");
	HASNT(s, "style");
	HASNT(s, " id=");
	s = html("Title: T\n\nText.\n", NEWS_LANG_EN);
	HASNT(s, "<figure");
	HASNT(s, "<aside");
	HASNT(s, "<footer");
}

static void
test_standalone(void)
{
	struct news_reader *r;
	struct news_article *a = NULL;
	struct news_wopts w = { .lang = NEWS_LANG_EN };
	struct ev_buf b = { 0 };
	struct ev_err err;
	const char *src = "Title: A <b> & C\n\nText.\n";

	r = news_reader_new("t", src, strlen(src), NEWS_IN_AUTO);
	T_EQ(news_read(r, &a, &err), 1);
	if (a != NULL) {
		news_html_begin(a, &w, &b);
		news_html_end(&b);
		ev_buf_addc(&b, '\0');
		HAS(b.p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n");
		HAS(b.p, "<title>A &lt;b&gt; &amp; C</title>");
		HAS(b.p, "<style>");
		HAS(b.p, "<main>\n</main>\n</body>\n</html>\n");
	}
	news_article_free(a);
	news_reader_free(r);
	/* no headline: the title may not be empty */
	src = "Text.\n";
	r = news_reader_new("t", src, strlen(src), NEWS_IN_AUTO);
	ev_buf_clear(&b);
	if (news_read(r, &a, &err) == 1) {
		news_html_begin(a, &w, &b);
		ev_buf_addc(&b, '\0');
		HAS(b.p, "<title>Article</title>");
		news_article_free(a);
	}
	news_reader_free(r);
	ev_buf_free(&b);
}

static void
run(void)
{
	test_parse();
	test_escape();
	test_shape();
	test_standalone();
}
