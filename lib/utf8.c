/*
 * utf8.c - UTF-8 once for the whole library: decode one character,
 * validate a span, cut between characters, display width.
 *
 * Strict everywhere (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF.  A byte that starts no valid character is
 * one bad byte; callers decide what it becomes (U+FFFD in JSON and in
 * what the readers hand out, \xNN in a message).  Windows-1252 for the
 * feeds that are not UTF-8 (lex.c).
 */
#include <stdint.h>
#include <string.h>

#include "evkit.h"

/* A range of code points, both ends included. */
struct range {
	uint32_t lo, hi;
};

/*
 * Zero columns: combining marks of Latin, Greek, Cyrillic, Hebrew,
 * Arabic, Devanagari and Thai, the general combining blocks, Hangul
 * medial vowels and final consonants (they join the initial before
 * them), zero-width and direction marks, variation selectors and tags.
 * Marks of other scripts count one column: a wider table is not worth
 * its size for a city's calendar.
 */
static const struct range zero[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x061c, 0x061c },
	{ 0x064b, 0x065f }, { 0x0670, 0x0670 }, { 0x06d6, 0x06dc },
	{ 0x06df, 0x06e4 }, { 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed },
	{ 0x0900, 0x0902 }, { 0x093a, 0x093a }, { 0x093c, 0x093c },
	{ 0x0941, 0x0948 }, { 0x094d, 0x094d }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a },
	{ 0x0e47, 0x0e4e }, { 0x1160, 0x11ff }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x206f }, { 0x20d0, 0x20ff }, { 0x302a, 0x302d },
	{ 0x3099, 0x309a }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xe0000, 0xe007f }, { 0xe0100, 0xe01ef },
};

/*
 * Two columns: East Asian Wide and Fullwidth (Unicode 14; a range runs
 * on over unassigned code points inside it), which takes in the emoji
 * shown as pictures by default; the CJK planes 2 and 3 whole.
 */
static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x3247 }, { 0x3250, 0x4dbf }, { 0x4e00, 0xa4cf },
	{ 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f }, { 0xff00, 0xff60 },
	{ 0xffe0, 0xffe6 }, { 0x16fe0, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a },
	{ 0x1f200, 0x1f320 }, { 0x1f32d, 0x1f335 }, { 0x1f337, 0x1f37c },
	{ 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca }, { 0x1f3cf, 0x1f3d3 },
	{ 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 }, { 0x1f3f8, 0x1f43e },
	{ 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc }, { 0x1f4ff, 0x1f53d },
	{ 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 }, { 0x1f57a, 0x1f57a },
	{ 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 }, { 0x1f5fb, 0x1f64f },
	{ 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc }, { 0x1f6d0, 0x1f6d2 },
	{ 0x1f6d5, 0x1f6df }, { 0x1f6eb, 0x1f6ec }, { 0x1f6f4, 0x1f6fc },
	{ 0x1f7e0, 0x1f7f0 }, { 0x1f90c, 0x1f93a }, { 0x1f93c, 0x1f945 },
	{ 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff }, { 0x20000, 0x3fffd },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

int
ev_utf8_seqlen(int c)
{
	if (c < 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c < 0xc2)		/* continuation bytes, overlong C0 C1 */
		return 0;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return c < 0xf5 ? 4 : 0;
}

/*
 * The character at s[0..n), n > 0: its code point and *len, or -1 (and
 * *len 1).  Inline here, so that validation runs without calls.
 */
static inline int32_t
decode(const unsigned char *s, size_t n, size_t *len)
{
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t k = (size_t)ev_utf8_seqlen(s[0]), i;
	uint32_t cp;

	*len = 1;
	if (k == 1)
		return s[0];
	if (k == 0 || k > n)
		return -1;
	cp = s[0] & (0x7fu >> k);
	/* a NUL is no continuation byte: a string ends any sequence */
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min[k] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*len = k;
	return (int32_t)cp;
}

int32_t
ev_utf8_next(const char **s, size_t n)
{
	size_t k;
	int32_t cp = decode((const unsigned char *)*s, n, &k);

	*s += k;
	return cp;
}

/* Past the ASCII run at p: eight bytes at a time while all are ASCII. */
static const unsigned char *
ascii_run(const unsigned char *p, const unsigned char *e)
{
	uint64_t w;

	while (e - p >= 8) {
		memcpy(&w, p, 8);
		if ((w &= UINT64_C(0x8080808080808080)) != 0) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* the first byte with its high bit set: text with
			 * umlauts gets here every few words */
			return p + __builtin_ctzll(w) / 8;
#else
			break;
#endif
		}
		p += 8;
	}
	while (p < e && *p < 0x80)
		p++;
	return p;
}

int
ev_utf8_valid(const char *s, size_t n)
{
	return ev_utf8_invalid(s, n) == n;
}

size_t
ev_utf8_invalid(const char *s, size_t n)
{
	int multi;

	return ev_utf8_scan(s, n, &multi);
}

size_t
ev_utf8_scan(const char *s, size_t n, int *multi)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	size_t k;
	int m = 0;

	while (p < e) {
		if (*p < 0x80) {
			p = ascii_run(p, e);
			continue;
		}
		if (decode(p, (size_t)(e - p), &k) < 0)
			break;
		m = 1;
		p += k;
	}
	if (m)
		*multi = 1;
	return (size_t)(p - (const unsigned char *)s);
}

int
ev_utf8_put(int32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Windows-1252 0x80-0x9F; 0 for the five bytes it leaves undefined.
 * 0xA0-0xFF are Latin-1, the code point of the same number.
 */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

int32_t
ev_cp1252(int c)
{
	if (c < 0x80 || c >= 0xa0)
		return c;
	return cp1252[c - 0x80] ? cp1252[c - 0x80] : -1;
}

size_t
ev_utf8_cut(const char *s, size_t n)
{
	size_t m = n;

	/* a character has at most three continuation bytes: looking no
	 * further keeps a walk backwards over hostile text linear */
	while (m > 0 && n - m < 3 && ((unsigned char)s[m] & 0xc0) == 0x80)
		m--;
	return m;
}

static int
in(const struct range *r, size_t nr, uint32_t cp)
{
	size_t lo = 0, hi = nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
ev_utf8_cwidth(int32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in(zero, NELEM(zero), (uint32_t)cp))
		return 0;
	return in(wide, NELEM(wide), (uint32_t)cp) ? 2 : 1;
}

size_t
ev_utf8_width(const char *s)
{
	size_t w = 0;
	int32_t cp;

	while (*s != '\0') {
		if ((unsigned char)*s < 0x80) {
			w++;
			s++;
			continue;
		}
		cp = ev_utf8_next(&s, SIZE_MAX);
		w += (size_t)ev_utf8_cwidth(cp);
	}
	return w;
}
