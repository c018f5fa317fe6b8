/*
 * fold.c - equality under full Unicode case folding ("KINDER" =
 * "Kinder", "STRASSE" = "Straße"), utf8proc inside.  Apart from match.c,
 * which needs pcre2: the CSV reader's header names use it too, and a
 * tool that never matches a regex does not link pcre2.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "evkit_priv.h"

/* A string as a stream of folded code points. */
struct foldit {
	const char *p;
	int32_t	 buf[3];	/* the rest of a multi-character folding */
	int	 i, n;
};

#define FOLD_END (-1)

/*
 * Full case folding (CaseFolding.txt, statuses C and F) of one code
 * point into out[0..n), n returned: UTF8PROC_CASEFOLD alone folds
 * without normalizing, so "Ü" stays apart from "U" + U+0308.  No
 * folding is longer than three code points (U+0390); were one ever
 * longer, or utf8proc to fail, the code point stands for itself.
 */
static int
fold_cp(int32_t cp, int32_t out[3])
{
	utf8proc_ssize_t n;
	int bound = 0;

	n = utf8proc_decompose_char(cp, out, 3, UTF8PROC_CASEFOLD, &bound);
	if (n < 1 || n > 3) {
		out[0] = cp;
		n = 1;
	}
	return (int)n;
}

/* The next folded code point of a character that is not ASCII: the
 * first of its folding, the rest kept in it->buf.  A byte that starts
 * no character stands for itself as 0x110000 + byte, a value no
 * character folds to. */
static int32_t
fold_char(struct foldit *it)
{
	unsigned char b = (unsigned char)*it->p;
	int32_t cp;

	if ((cp = ev_utf8_next(&it->p, SIZE_MAX)) < 0)
		return 0x110000 + b;
	it->n = fold_cp(cp, it->buf);
	it->i = 1;
	return it->buf[0];
}

/* The next folded code point of the string, FOLD_END at its end.
 * Small, so that the compiler puts the ASCII path into the loop of
 * ev_casefold_eq: a call per character made it twice as slow as the
 * table that utf8proc replaced (bench/, part fold). */
static inline int32_t
fold_next(struct foldit *it)
{
	unsigned char b = (unsigned char)*it->p;

	if (it->i < it->n)
		return it->buf[it->i++];
	if (b >= 0x80)
		return fold_char(it);
	if (b == '\0')
		return FOLD_END;
	it->p++;
	return ev_tolower(b);
}

int
ev_casefold_eq(const char *a, const char *b)
{
	struct foldit fa, fb;
	int32_t ca, cb;

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
