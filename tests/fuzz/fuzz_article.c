/*
 * fuzz_article - libFuzzer harness for the article readers: any bytes,
 * read as detected, as hdr and as md, never crash or leak; every text's
 * positions lie inside the input; -o md of an article reads back and
 * writes the same bytes again; text output is valid UTF-8.
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

/* md twice gives the same bytes. */
static void
round_trip(const struct news_article *a)
{
	struct news_wopts w = { .lang = NEWS_LANG_DE };
	struct ev_buf one = { 0 }, two = { 0 }, text = { 0 };
	struct news_reader *r;
	struct news_article *b;
	struct ev_err err;

	news_write(NEWS_OUT_MD, a, &w, &one);
	news_write(NEWS_OUT_TEXT, a, &w, &text);
	if (text.len > 0 && !ev_utf8_valid(text.p, text.len))
		abort();
	r = news_reader_new("md", one.p, one.len, NEWS_IN_MD);
	if (news_read(r, &b, &err) == 1) {
		news_write(NEWS_OUT_MD, b, &w, &two);
		news_article_free(b);
		if (two.len != one.len || memcmp(one.p, two.p, one.len) != 0)
			abort();
	}
	news_reader_free(r);
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
			if (i == 0)
				round_trip(a);
			news_article_free(a);
		}
		news_reader_free(r);
	}
	return 0;
}
