/*
 * fuzz_lint.c - libFuzzer harness for the lint rules (make fuzz).  The
 * first byte chooses the language and a sentence limit; the rest is a
 * block of inline Markdown, linted by every text rule (spelling asks a
 * stand-in that knows the words of even length), and, split at blank
 * lines, an article for the article rules.  Asserted: findings lie
 * inside their text, come in order of offset, name a rule of the table
 * and a message; a fix is valid UTF-8; no rule but utf8 (invalid bytes
 * are reported wherever they are), sentence-long (a sentence may hold
 * a URL) and the missing-* rules (about a whole header value) starts a
 * finding inside a protected span.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"

struct text {
	const char *s;
	size_t	 n;
	unsigned char *prot;
	size_t	 last;			/* the last finding's offset */
};

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_lint: %s\n", what);
	abort();
}

static void
mark(void *arg, size_t start, size_t end)
{
	struct text *t = arg;

	memset(t->prot + start, 1, end - start);
}

static int
known_rule(const char *id)
{
	const struct news_lint_rule *r;
	size_t i;

	for (i = 0; (r = news_lint_rule(i)) != NULL; i++)
		if (strcmp(r->id, id) == 0)
			return 1;
	return 0;
}

static void
finding(void *arg, const struct news_finding *f)
{
	struct text *t = arg;

	if (t == NULL)
		fail("finding without its text");
	if (f->off > t->n || f->len > t->n - f->off)
		fail("finding outside its text");
	if (f->rule == NULL || f->msg == NULL || !known_rule(f->rule))
		fail("finding without rule or message");
	if (f->fix != NULL && !ev_utf8_valid(f->fix, strlen(f->fix)))
		fail("fix is not UTF-8");
	if (f->off < t->last)
		fail("findings out of order");
	t->last = f->off;
	if (f->len > 0 && t->prot[f->off] && strcmp(f->rule, "utf8") != 0 &&
	    strcmp(f->rule, "sentence-long") != 0 &&
	    strncmp(f->rule, "missing-", 8) != 0)
		fail("finding inside a protected span");
}

static void
article_finding(void *arg, const struct news_finding *f)
{
	struct text *t = arg;
	size_t last;

	if (t == NULL)
		return;		/* about the article: offset 0, length 0 */
	last = t->last;
	t->last = 0;		/* article findings come rule by rule */
	finding(t, f);
	t->last = last;
}

static int
spell(void *arg, const char *w, size_t n, struct ev_buf *hint)
{
	(void)arg;
	(void)w;
	if (n % 2 == 0)
		return 1;
	ev_buf_adds(hint, "x");
	return 0;
}

static void
text_init(struct text *t, const char *s, size_t n)
{
	t->s = s;
	t->n = n;
	t->last = 0;
	t->prot = calloc(n ? n : 1, 1);
	if (t->prot == NULL)
		fail("out of memory");
	news_protected(s, n, mark, t);
}

/* The blocks of s: split at "\n\n", at most 16. */
static size_t
blocks(const char *s, size_t n, struct text *b, struct news_lint_part *p)
{
	size_t k = 0, start = 0, i;

	for (i = 0; i <= n && k < 16; i++)
		if (i == n || (i + 1 < n && s[i] == '\n' && s[i + 1] == '\n')) {
			text_init(&b[k], s + start, i - start);
			p[k].s = s + start;
			p[k].n = i - start;
			p[k].arg = &b[k];
			k++;
			start = i + 2;
			i++;
		}
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct news_lint *l;
	struct news_lint_article a;
	struct news_lint_part parts[16];
	struct text t, b[16];
	size_t nb, i;

	if (size < 1)
		return 0;
	l = news_lint_new((enum news_lang)(data[0] % 3));
	news_lint_set_max_sentence(l, (data[0] >> 2) % 16);
	news_lint_set_date(l, 2016, 12, 20);
	news_lint_set_spell(l, spell, NULL);
	text_init(&t, (const char *)data + 1, size - 1);
	news_lint_text(l, t.s, t.n, finding, &t);
	memset(&a, 0, sizeof(a));
	nb = blocks(t.s, t.n, b, parts);
	a.title = parts[0];
	a.image = parts[nb - 1];
	a.blocks = parts;
	a.nblocks = nb;
	news_lint_article(l, &a, article_finding);
	for (i = 0; i < nb; i++)
		free(b[i].prot);
	free(t.prot);
	news_lint_free(l);
	return 0;
}
