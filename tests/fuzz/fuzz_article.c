/*
 * fuzz_article - libFuzzer harness for the article readers: any bytes,
 * read as detected, as hdr and as md, never crash or leak; every text's
 * positions lie inside the input; -o md of an article, as read and
 * typeset, reads back and writes the same bytes again, alone and two in
 * a row with "%%%" between; text output is valid UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"

static size_t insize;

static void
check_text(void *arg, struct news_text *t, const char *what)
{
	struct news_pos p;

	(void)arg, (void)what;
	for (size_t off = 0; off <= t->len; off += 1 + t->len / 8) {
		news_text_pos(t, off, &p);
		if (p.byte > insize)
			abort();
	}
	if (!ev_utf8_valid(t->s, t->len))
		abort();
}

/* The texts that news-fmt typesets (its typographic()). */
static void
typeset_one(void *arg, struct news_text *t, const char *what)
{
	static const char *const kinds[] = { "title", "kicker", "author",
	    "lead", "caption", "credit", "alt", "related", "para", "subhead",
	    "quote", "attrib", "item" };
	struct news_typo opt = { .lang = NEWS_LANG_DE };
	struct ev_buf out = { 0 };

	(void)arg;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(what, kinds[i]) != 0)
			continue;
		if (news_typeset(&opt, t->s, t->len, &out, NULL, NULL) == 0)
			news_text_set(t, out.p ? out.p : "", out.len);
		break;
	}
	ev_buf_free(&out);
}

/* The articles of md src, each typeset if typo, as md, one after the
 * other as news-fmt -o md writes them ("%%%" between): how many. */
static int
md_again(const char *src, size_t n, int typo, struct ev_buf *out)
{
	struct news_wopts w = { .lang = NEWS_LANG_DE };
	struct news_reader *r = news_reader_new("md", src, n, NEWS_IN_MD);
	struct news_article *b;
	struct ev_err err;
	int rc, count = 0;

	while ((rc = news_read(r, &b, &err)) != 0) {
		if (rc < 0) {
			count = -1;	/* its own output must read */
			break;
		}
		if (typo)
			news_article_texts(b, typeset_one, NULL);
		if (count++ > 0)
			ev_buf_adds(out, "%%%\n");
		news_write(NEWS_OUT_MD, b, &w, out);
		news_article_free(b);
	}
	news_reader_free(r);
	return count;
}

/* md twice gives the same bytes, also as two articles in a row. */
static void
round_trip(struct news_article *a, int typo)
{
	struct news_wopts w = { .lang = NEWS_LANG_DE };
	struct ev_buf one = { 0 }, two = { 0 }, text = { 0 };

	if (typo)
		news_article_texts(a, typeset_one, NULL);
	news_write(NEWS_OUT_MD, a, &w, &one);
	news_write(NEWS_OUT_TEXT, a, &w, &text);
	if (text.len > 0 && !ev_utf8_valid(text.p, text.len))
		abort();
	if (md_again(one.p, one.len, typo, &two) != 1 || two.len != one.len ||
	    memcmp(one.p, two.p, one.len) != 0)
		abort();
	ev_buf_adds(&one, "%%%\n");
	ev_buf_add(&one, two.p, two.len);
	ev_buf_clear(&two);
	if (md_again(one.p, one.len, typo, &two) != 2 || two.len != one.len ||
	    memcmp(one.p, two.p, one.len) != 0)
		abort();
	ev_buf_free(&one);
	ev_buf_free(&two);
	ev_buf_free(&text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum news_format fmts[] = { NEWS_IN_AUTO, NEWS_IN_HDR,
	    NEWS_IN_MD };

	insize = size;
	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		struct news_reader *r = news_reader_new("f", (const char *)data,
		    size, fmts[i]);
		struct news_article *a;
		struct ev_err err;
		int rc;

		while ((rc = news_read(r, &a, &err)) != 0) {
			if (rc < 0)
				continue;
			news_article_texts(a, check_text, NULL);
			if (i != 2)	/* the first: as read; the second typeset */
				round_trip(a, i == 1);
			news_article_free(a);
		}
		news_reader_free(r);
	}
	return 0;
}
