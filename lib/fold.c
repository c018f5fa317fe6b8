/*
 * fold.c - equality under full Unicode case folding ("KINDER" =
 * "Kinder", "STRASSE" = "Straße"), over casefold.c's table.  Apart from
 * match.c, which needs pcre2: the CSV reader's header names use it too,
 * and a tool that never matches a regex does not link pcre2.
 */
#include <stdint.h>
#include <string.h>

#include "evkit_priv.h"

/*
 * Full case folding of one code point into out[0..n), n returned (1 to 3);
 * values without a folding, and values above U+10FFFF, fold to themselves.
 * Generated into casefold.c by tools/gen-casefold.py; no public header
 * carries it.
 */
int	 ev_casefold_cp(uint32_t, uint32_t[3]);

/* A string as a stream of folded code points. */
struct foldit {
	const char *p;
	uint32_t buf[3];	/* the rest of a multi-character folding */
	int	 i, n;
};

#define FOLD_END UINT32_MAX

static uint32_t
fold_next(struct foldit *it)
{
	unsigned char b = (unsigned char)*it->p;
	int32_t cp;

	if (it->i < it->n)
		return it->buf[it->i++];
	if (b == '\0')
		return FOLD_END;
	if (b < 0x80) {
		it->p++;
		return (uint32_t)ev_tolower(b);
	}
	/* a byte that starts no character stands for itself as
	 * 0x110000 + byte, a value no character folds to */
	if ((cp = ev_utf8_next(&it->p, SIZE_MAX)) < 0)
		return 0x110000 + b;
	it->n = ev_casefold_cp((uint32_t)cp, it->buf);
	it->i = 1;
	return it->buf[0];
}

int
ev_casefold_eq(const char *a, const char *b)
{
	struct foldit fa, fb;
	uint32_t ca, cb;

	/* the common case: an identical ASCII prefix */
	while (*a != '\0' && *a == *b && (unsigned char)*a < 0x80)
		a++, b++;
	memset(&fa, 0, sizeof(fa));
	memset(&fb, 0, sizeof(fb));
	fa.p = a;
	fb.p = b;
	do {
		ca = fold_next(&fa);
		cb = fold_next(&fb);
		if (ca != cb)
			return 0;
	} while (ca != FOLD_END);
	return 1;
}
