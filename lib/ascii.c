/*
 * ascii.c - comparisons without ASCII case.  The classes and the case
 * mapping are inline in evkit.h; formats are bytes, never the locale's
 * idea of a letter.
 */
#include "evkit.h"

/* Equal bytes, or the same ASCII letter in either case: the first test
 * settles nearly every byte of the names we compare. */
#define SAMECASE(x, y)	((x) == (y) || ev_tolower(x) == ev_tolower(y))

int
ev_strcaseeq(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (; SAMECASE(*x, *y); x++, y++)
		if (*x == '\0')
			return 1;
	return 0;
}

int
ev_strncaseeq(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (; n > 0; n--, x++, y++) {
		if (!SAMECASE(*x, *y))
			return 0;
		if (*x == '\0')
			return 1;
	}
	return 1;
}
