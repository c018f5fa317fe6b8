/*
 * fuzz_typo.c - libFuzzer harness for the typography pass (make fuzz).
 * The first byte chooses the language, the no-break space, whether the
 * next paragraph continues a quotation and maybe a rule to switch off;
 * the rest is a block of inline Markdown (also asked whether it opens
 * with a quotation mark).  Asserted:
 * the protected spans come in order, inside the text; news_typeset
 * writes valid UTF-8 (or, on -1, the input unchanged, and only for
 * invalid input); a second pass changes nothing; the protected spans of
 * the input appear in the output byte for byte, in order; findings lie
 * inside the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"

struct spans {
	size_t	*v;		/* start, end, start, end, ... */
	size_t	 n, cap, size;
};

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_typo: %s\n", what);
	abort();
}

static void
add(void *arg, size_t start, size_t end)
{
	struct spans *sp = arg;

	if (start >= end || end > sp->size ||
	    (sp->n > 0 && start < sp->v[sp->n - 1]))
		fail("protected spans out of order or range");
	if (sp->n + 2 > sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 32;
		sp->v = realloc(sp->v, sp->cap * sizeof(size_t));
		if (sp->v == NULL)
			fail("out of memory");
	}
	sp->v[sp->n++] = start;
	sp->v[sp->n++] = end;
}

static void
finding(void *arg, const struct news_finding *f)
{
	size_t n = *(size_t *)arg;

	if (f->off >= n || f->len == 0 || f->len > n - f->off ||
	    f->rule == NULL || f->msg == NULL)
		fail("finding outside the input");
}

/* The first occurrence of p[0..k) in s[from..n), or NULL. */
static const char *
find(const char *s, size_t n, size_t from, const char *p, size_t k)
{
	size_t i;

	for (i = from; i + k <= n; i++)
		if (memcmp(s + i, p, k) == 0)
			return s + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct news_typo o = { NEWS_LANG_DE, NEWS_NBSP_NORMAL, 0, 0 };
	struct ev_buf out = { 0 }, again = { 0 };
	struct spans sp = { 0 };
	const char *s = (const char *)data + 1, *at;
	size_t n, i, pos;

	if (size == 0)
		return 0;
	o.lang = (enum news_lang)(data[0] % 3);
	o.nbsp = (data[0] >> 2) & 1 ? NEWS_NBSP_NARROW : NEWS_NBSP_NORMAL;
	if (data[0] & 0x80)
		o.off = 1u << ((data[0] >> 3) & 7);
	o.cont = (data[0] >> 6) & 1;
	n = size - 1;
	(void)news_quote_opens(&o, s, n);
	sp.size = n;
	news_protected(s, n, add, &sp);
	if (news_typeset(&o, s, n, &out, finding, &n) != 0) {
		if (ev_utf8_valid(s, n))
			fail("valid input refused");
		if (out.len != n || memcmp(out.p, s, n) != 0)
			fail("refused input not copied unchanged");
		goto done;
	}
	if (!ev_utf8_valid(out.p, out.len))
		fail("invalid UTF-8 written");
	if (news_typeset(&o, out.p, out.len, &again, NULL, NULL) != 0 ||
	    again.len != out.len || memcmp(again.p, out.p, out.len) != 0)
		fail("not idempotent");
	for (i = pos = 0; i < sp.n; i += 2) {
		at = find(out.p, out.len, pos, s + sp.v[i], sp.v[i + 1] - sp.v[i]);
		if (at == NULL)
			fail("a protected span changed");
		pos = (size_t)(at - out.p) + sp.v[i + 1] - sp.v[i];
	}
done:
	free(sp.v);
	ev_buf_free(&out);
	ev_buf_free(&again);
	return 0;
}
