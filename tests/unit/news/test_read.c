/* Unit tests: news/article.c, read.c, header.c, yaml.c, body.c, shape.c */
#include <stdlib.h>

#include "news.h"
#include "t.h"

/* The one article of src, or NULL (the message in err). */
static struct news_article *
one(const char *src, enum news_format fmt, struct ev_err *err)
{
	struct news_reader *r = news_reader_new("t", src, strlen(src), fmt);
	struct news_article *a = NULL;
	int rc = news_read(r, &a, err);

	if (rc != 1)
		a = NULL;
	news_reader_free(r);
	return a;
}

/* Line:column of s[off] of text t, as "L:C". */
static const char *
at(const struct news_text *t, size_t off)
{
	static char buf[64];
	struct news_pos p;

	news_text_pos(t, off, &p);
	snprintf(buf, sizeof(buf), "%lu:%lu", p.line, p.col);
	return buf;
}

static void
test_header(void)
{
	struct ev_err err;
	struct news_article *a = one(
	    "Dachzeile: Kooperation\n"
	    "TITEL: Grün für die Aue\n"
	    "Tags: Umwelt, Natur ,, Stadt\n"
	    "Mehr zum Thema: Park <https://a.example/park>\n"
	    "Related: [Plan](https://a.example/plan)\n"
	    "Vorspann: (14. September) Die Stadt\n"
	    "  pflanzt Bäume.\n"
	    "Farbe: grün\n"
	    "\n"
	    "Erster Absatz.\n", NEWS_IN_AUTO, &err);

	T_OK(a != NULL);
	if (a == NULL)
		return;
	T_EQ(a->format, NEWS_IN_HDR);
	T_STREQ(a->field[NEWS_F_KICKER].s, "Kooperation");
	T_STREQ(a->field[NEWS_F_TITLE].s, "Grün für die Aue");
	T_STREQ(at(&a->field[NEWS_F_TITLE], 0), "2:8");
	/* columns are characters: "für" is after the 'ü' of "Grün" */
	T_STREQ(at(&a->field[NEWS_F_TITLE], 6), "2:13");
	T_EQ(a->key[NEWS_F_TITLE].line, 2);
	T_EQ(a->ntags, 3);
	if (a->ntags == 3) {
		T_STREQ(a->tags[1].s, "Natur");
		T_STREQ(at(&a->tags[1], 0), "3:15");
	}
	T_EQ(a->nrelated, 2);
	if (a->nrelated == 2) {
		T_EQ(a->related[0].tlen, 4);
		T_EQ(a->related[0].ulen, strlen("https://a.example/park"));
		T_EQ(a->related[1].toff, 1);
		T_EQ(a->related[1].tlen, 4);
	}
	/* a folded value is unfolded with a space, each line mapped */
	T_STREQ(a->field[NEWS_F_LEAD].s, "(14. September) Die Stadt pflanzt Bäume.");
	T_STREQ(at(&a->field[NEWS_F_LEAD], 26), "7:3");
	T_EQ(news_dateline(a->field[NEWS_F_LEAD].s, a->field[NEWS_F_LEAD].len), 16);
	T_EQ(a->nextra, 1);
	T_EQ(a->ndiag, 1);
	if (a->ndiag == 1) {
		T_EQ(a->diag[0].pos.line, 8);
		T_STREQ(a->diag[0].msg, "unknown key \"Farbe\" (kept as it is)");
	}
	T_EQ(a->nblock, 1);
	T_EQ(a->lead_block, -1);
	T_OK(news_article_lead(a) == &a->field[NEWS_F_LEAD]);
	news_article_free(a);
}

static void
test_yaml(void)
{
	struct ev_err err;
	struct news_article *a = one(
	    "---\n"
	    "title: 'Grün: die Aue'\n"
	    "kicker: Grün \"x\"\n"
	    "tags: [Grün, Aue]\n"
	    "related:\n"
	    "  - Park <https://a.example/park>\n"
	    "lead: >\n"
	    "  Die Stadt\n"
	    "  pflanzt.\n"
	    "x-hugo:\n"
	    "  weight: 3\n"
	    "---\n"
	    "Text.\n", NEWS_IN_AUTO, &err);

	T_OK(a != NULL);
	if (a == NULL)
		return;
	T_EQ(a->format, NEWS_IN_MD);
	T_STREQ(a->field[NEWS_F_TITLE].s, "Grün: die Aue");
	T_EQ(a->field[NEWS_F_TITLE].exact, 1);
	T_EQ(a->field[NEWS_F_TITLE].quote, '\'');
	T_STREQ(at(&a->field[NEWS_F_TITLE], 0), "2:9");
	T_STREQ(at(&a->field[NEWS_F_KICKER], 6), "3:14");
	T_EQ(a->ntags, 2);
	if (a->ntags == 2)
		T_STREQ(at(&a->tags[1], 0), "4:14");
	T_EQ(a->nrelated, 1);
	T_STREQ(a->field[NEWS_F_LEAD].s, "Die Stadt pflanzt.");
	T_EQ(a->field[NEWS_F_LEAD].exact, 0);
	T_STREQ(at(&a->field[NEWS_F_LEAD], 4), "8:7");
	T_EQ(a->nextra, 1);
	if (a->nextra == 1) {
		T_EQ(a->extra[0].yaml, 1);
		T_STREQ(a->extra[0].value.s, "weight: 3");
	}
	T_EQ(a->nblock, 1);
	if (a->nblock == 1)
		T_STREQ(at(&a->block[0].text, 0), "13:1");
	news_article_free(a);
}

static void
test_body(void)
{
	struct ev_err err;
	struct news_article *a = one(
	    "# Die Überschrift\n"
	    "\n"
	    "Erster  Absatz\n"
	    "  geht weiter.  \n"
	    "\n"
	    "> „Ein Zitat“, sagt sie,\n"
	    "> „mit zwei Zeilen.“\n"
	    "> — Anna Bauer\n"
	    "\n"
	    "## Zwischentitel ##\n"
	    "\n"
	    "- eins\n"
	    "- zwei\n"
	    "  drei\n"
	    "\n"
	    "```\n"
	    "code\n"
	    "```\n"
	    "\n"
	    "Mehr zum Thema:\n"
	    "- Park <https://a.example/park>\n", NEWS_IN_MD, &err);
	struct news_block *k;

	T_OK(a != NULL);
	if (a == NULL)
		return;
	T_STREQ(a->field[NEWS_F_TITLE].s, "Die Überschrift");
	T_EQ(a->nblock, 7);
	if (a->nblock != 7) {
		news_article_free(a);
		return;
	}
	k = a->block;
	T_EQ(k[0].kind, NEWS_B_PARA);
	T_STREQ(k[0].text.s, "Erster  Absatz\ngeht weiter.");
	T_STREQ(at(&k[0].text, 15), "4:3");
	T_EQ(a->lead_block, 0);
	T_EQ(k[1].kind, NEWS_B_QUOTE);
	T_EQ(k[1].first, 1);
	T_STREQ(k[1].text.s, "„Ein Zitat“, sagt sie,\n„mit zwei Zeilen.“");
	T_STREQ(at(&k[1].text, strlen("„Ein Zitat“, sagt sie,\n")), "7:3");
	T_EQ(k[2].kind, NEWS_B_ATTRIB);
	T_STREQ(k[2].text.s, "Anna Bauer");
	T_STREQ(at(&k[2].text, 0), "8:5");
	T_EQ(k[3].kind, NEWS_B_SUBHEAD);
	T_EQ(k[3].level, 2);
	T_STREQ(k[3].text.s, "Zwischentitel");
	T_EQ(k[4].kind, NEWS_B_ITEM);
	T_EQ(k[4].first, 1);
	T_EQ(k[5].first, 0);
	T_EQ(k[5].item, 1);
	T_STREQ(k[5].text.s, "zwei\ndrei");
	T_STREQ(at(&k[5].text, 5), "14:3");
	T_EQ(k[6].kind, NEWS_B_CODE);
	T_STREQ(k[6].text.s, "code\n");
	T_EQ(a->nrelated, 1);
	news_article_free(a);
}

static void
test_several(void)
{
	const char *src = "Titel: Eins\n\nA.\n%%%\n\nTitel: Zwei\n\nB.\n%%%\n";
	struct news_reader *r = news_reader_new("t", src, strlen(src),
	    NEWS_IN_AUTO);
	struct news_article *a;
	struct ev_err err;

	T_EQ(news_read(r, &a, &err), 1);
	T_STREQ(a->field[NEWS_F_TITLE].s, "Eins");
	news_article_free(a);
	T_EQ(news_read(r, &a, &err), 1);
	T_STREQ(a->field[NEWS_F_TITLE].s, "Zwei");
	T_STREQ(at(&a->field[NEWS_F_TITLE], 0), "6:8");
	T_EQ(a->line, 5);
	news_article_free(a);
	T_EQ(news_read(r, &a, &err), 0);
	news_reader_free(r);
}

static void
test_bad(void)
{
	struct ev_err err;
	const char *src = "Titel: A\n\nB.\n%%%\nTitel: \xc3\x28\n\nC.\n%%%\n"
	    "Titel: D\n\n\xe2\x80\n";
	struct news_reader *r = news_reader_new("t", src, strlen(src),
	    NEWS_IN_AUTO);
	struct news_article *a;

	T_EQ(news_read(r, &a, &err), 1);
	news_article_free(a);
	T_EQ(news_read(r, &a, &err), -1);
	T_STREQ(err.msg, "t:5:8: invalid UTF-8 (byte 0xc3)");
	T_EQ(news_read(r, &a, &err), -1);
	T_STREQ(err.msg, "t:11:1: invalid UTF-8 (byte 0xe2)");
	T_EQ(news_read(r, &a, &err), 0);
	news_reader_free(r);

	T_OK(one("---\ntitle: x\n", NEWS_IN_AUTO, &err) == NULL);
	T_STREQ(err.msg, "t:1: front matter not closed by a line \"---\"");
	T_OK(one("---\ntitle: [x\n---\n", NEWS_IN_AUTO, &err) == NULL);
	T_STREQ(err.msg, "t:3:1: front matter: did not find expected ',' or ']'");
	T_OK(one("---\n- x\n---\n", NEWS_IN_AUTO, &err) == NULL);
	T_OK(one("", NEWS_IN_AUTO, &err) == NULL);
	T_OK(one("\n\n%%%\n\n", NEWS_IN_AUTO, &err) == NULL);
}

static void
test_nul(void)
{
	const char src[] = "Titel: A\0B\n";
	struct news_reader *r = news_reader_new("t", src, sizeof(src) - 1,
	    NEWS_IN_AUTO);
	struct news_article *a;
	struct ev_err err;

	T_EQ(news_read(r, &a, &err), -1);
	T_STREQ(err.msg, "t:1:9: NUL byte");
	news_reader_free(r);
	/* found by fuzz_article: a setext underline at the very end of a
	 * source that ends in no NUL */
	{
		const char u[] = "T\n--";
		struct news_reader *ur = news_reader_new("u", u, 4, NEWS_IN_MD);

		T_EQ(news_read(ur, &a, &err), 1);
		T_EQ(a->nblock, 1);
		T_STREQ(a->block[0].text.s, "T");
		news_article_free(a);
		news_reader_free(ur);
	}
	/* found by fuzz_article: byte order marks before articles */
	{
		const char u[] = "\xef\xbb\xbfTitel: A\n%%%\n\xef\xbb\xbfTitel: B\n";
		struct news_reader *ur = news_reader_new("u", u, strlen(u),
		    NEWS_IN_AUTO);

		T_EQ(news_read(ur, &a, &err), 1);
		T_STREQ(a->field[NEWS_F_TITLE].s, "A");
		T_STREQ(at(&a->field[NEWS_F_TITLE], 0), "1:8");
		news_article_free(a);
		T_EQ(news_read(ur, &a, &err), 1);
		T_STREQ(a->field[NEWS_F_TITLE].s, "B");
		T_EQ(a->nextra, 0);
		news_article_free(a);
		news_reader_free(ur);
	}
	/* found by fuzz_article: a lone CR, a line end to cmark only */
	T_OK(one("Titel\r:s\n\nText.\n", NEWS_IN_AUTO, &err) == NULL);
	T_STREQ(err.msg, "t:1:6: carriage return without line feed");
	a = one("Titel: s\r\n\r\nText.\r\n", NEWS_IN_AUTO, &err);
	T_OK(a != NULL && a->nblock == 1);
	if (a != NULL)
		T_STREQ(a->field[NEWS_F_TITLE].s, "s");
	news_article_free(a);
}

static void
test_dateline(void)
{
	T_EQ(news_dateline("(14. September) Die", 19), 16);
	T_EQ(news_dateline("(14.9.)\xc2\xa0" "Die", 12), 9);
	T_EQ(news_dateline("(dpa) Die", 9), 0);
	T_EQ(news_dateline("Die (14.)", 9), 0);
	T_EQ(news_dateline("(14. September", 14), 0);
}

static void
run(void)
{
	test_header();
	test_yaml();
	test_body();
	test_several();
	test_bad();
	test_nul();
	test_dateline();
}
