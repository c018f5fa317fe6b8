/* Unit tests: news/fix.c, and the writers' round trip (out.c, mdout.c) */
#include <stdlib.h>

#include "news.h"
#include "t.h"

static const char src[] =
    "Titel: \"Hallo\" Welt\n"
    "\n"
    "Ein \"Absatz\"\n"
    "mit - zwei Zeilen.\n"
    "\n"
    "> Zitat - eins\n"
    "> Zitat zwei\n"
    "\n"
    "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
    "Ende - hier.\n";

/* A stand-in pass: " - " becomes " – " and '"' becomes '\''. */
static void
pass(const struct news_text *t, struct ev_buf *b)
{
	ev_buf_clear(b);
	for (size_t i = 0; i < t->len; i++) {
		if (t->s[i] == '"')
			ev_buf_addc(b, '\'');
		else if (i + 2 < t->len && memcmp(t->s + i, " - ", 3) == 0) {
			ev_buf_adds(b, " \xe2\x80\x93 ");
			i += 2;
		} else
			ev_buf_addc(b, t->s[i]);
	}
	if (b->p == NULL)
		ev_buf_add(b, "", 0);
}

static void
each(void *arg, struct news_text *t, const char *what)
{
	struct news_fix *f = arg;
	struct ev_buf b = { 0 };

	(void)what;
	pass(t, &b);
	T_EQ(news_fix_text(f, t, b.p, b.len), 0);
	ev_buf_free(&b);
}

static void
test_fix(void)
{
	struct news_reader *r = news_reader_new("a.txt", src, strlen(src),
	    NEWS_IN_AUTO);
	struct news_fix *f = news_fix_new(src, strlen(src));
	struct news_article *a;
	struct ev_err err;
	struct ev_buf out = { 0 };

	T_EQ(news_read(r, &a, &err), 1);
	news_article_texts(a, each, f);
	news_article_free(a);
	news_reader_free(r);
	T_EQ(news_fix_count(f), 5);
	news_fix_apply(f, &out);
	T_STREQ(out.p,
	    "Titel: 'Hallo' Welt\n"
	    "\n"
	    "Ein 'Absatz'\n"
	    "mit \xe2\x80\x93 zwei Zeilen.\n"
	    "\n"
	    "> Zitat \xe2\x80\x93 eins\n"
	    "> Zitat zwei\n"
	    "\n"
	    "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
	    "Ende \xe2\x80\x93 hier.\n");
	ev_buf_clear(&out);
	news_fix_diff(f, "a.txt", &out);
	T_STREQ(out.p,
	    "--- a.txt\n+++ a.txt\n"
	    "@@ -1,9 +1,9 @@\n"
	    "-Titel: \"Hallo\" Welt\n"
	    "+Titel: 'Hallo' Welt\n"
	    " \n"
	    "-Ein \"Absatz\"\n"
	    "+Ein 'Absatz'\n"
	    "-mit - zwei Zeilen.\n"
	    "+mit \xe2\x80\x93 zwei Zeilen.\n"
	    " \n"
	    "-> Zitat - eins\n"
	    "+> Zitat \xe2\x80\x93 eins\n"
	    " > Zitat zwei\n"
	    " \n"
	    " 1\n"
	    "@@ -15,4 +15,4 @@\n"
	    " 7\n 8\n 9\n"
	    "-Ende - hier.\n"
	    "+Ende \xe2\x80\x93 hier.\n");
	ev_buf_free(&out);
	news_fix_free(f);
}

/* Lines that change in number: the markup of the second line goes
 * before each new one. */
static void
test_relines(void)
{
	const char s[] = "> eins\n> zwei\n";
	struct news_reader *r = news_reader_new("q", s, strlen(s),
	    NEWS_IN_MD);
	struct news_fix *f = news_fix_new(s, strlen(s));
	struct news_article *a;
	struct ev_err err;
	struct ev_buf out = { 0 };

	T_EQ(news_read(r, &a, &err), 1);
	T_EQ(a->nblock, 1);
	T_EQ(news_fix_text(f, &a->block[0].text, "eins zwei\ndrei\nvier", 19), 0);
	news_fix_apply(f, &out);
	T_STREQ(out.p, "> eins zwei\n> drei\n> vier\n");
	news_article_free(a);
	news_reader_free(r);
	news_fix_free(f);
	ev_buf_free(&out);
}

/* -o md of its own output gives the same bytes. */
static void
test_roundtrip(void)
{
	const char s[] =
	    "Dachzeile: Kooperation\nTitel: Ein: Titel\nTags: a, b\n"
	    "Related: Park <https://p.example>\nFarbe: \"rot\"\n\n"
	    "Absatz.\n\n> Zitat\n\n— Anna\n\n- a\n- b\n\n* c\n\n"
	    "```\n``` x\n```\n\n<div>x</div>\n\n***\n\n"
	    /* an item on two lines, found by fuzz_article */
	    "Mehr zum Thema:\n- Park: <https://p.example\n  x>\n\n"
	    /* a lazy line that behind "> " would underline a heading */
	    "> Zitat\n--\n\n"
	    /* the blank before an attribution line (fuzz_article) */
	    "> Zitat \n> — Anna\n\n"
	    /* indented lines that would open blocks at the margin */
	    "Absatz\n    ```\n    # x\n    1. y\n\n"
	    /* a heading whose text ends in '#'s (fuzz_article) */
	    "# ## #\n\n"
	    /* a paragraph's line " %%%" is no separator (fuzz_article) */
	    "Ende.\n %%%\n";
	struct news_wopts w = { .lang = NEWS_LANG_DE };
	struct ev_buf one = { 0 }, two = { 0 };
	struct news_reader *r;
	struct news_article *a;
	struct ev_err err;

	r = news_reader_new("r", s, strlen(s), NEWS_IN_AUTO);
	T_EQ(news_read(r, &a, &err), 1);
	news_write(NEWS_OUT_MD, a, &w, &one);
	news_article_free(a);
	news_reader_free(r);
	r = news_reader_new("r", one.p, one.len, NEWS_IN_AUTO);
	T_EQ(news_read(r, &a, &err), 1);
	T_EQ(a->format, NEWS_IN_MD);
	news_write(NEWS_OUT_MD, a, &w, &two);
	news_article_free(a);
	news_reader_free(r);
	T_STREQ(two.p, one.p);
	ev_buf_free(&one);
	ev_buf_free(&two);
}

static void
run(void)
{
	test_fix();
	test_relines();
	test_roundtrip();
}
