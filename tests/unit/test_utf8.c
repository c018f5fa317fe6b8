/* Unit tests: utf8.c (decode, validate, cut, display width, Windows-1252) */
#include <stdint.h>
#include <string.h>

#include "evkit.h"
#include "t.h"

/* Decode s[0..n): the code point, and the bytes it took in *k. */
static int32_t
next(const char *s, size_t n, size_t *k)
{
	const char *p = s;
	int32_t cp = ev_utf8_next(&p, n);

	*k = (size_t)(p - s);
	return cp;
}

static void
test_next(void)
{
	size_t k;

	T_EQ(next("a", 1, &k), 'a');
	T_EQ(k, 1);
	T_EQ(next("\xc3\xa4x", 3, &k), 0xe4);
	T_EQ(k, 2);
	T_EQ(next("\xe2\x82\xac", 3, &k), 0x20ac);
	T_EQ(k, 3);
	T_EQ(next("\xf0\x9f\x98\x80", 4, &k), 0x1f600);
	T_EQ(k, 4);
	T_EQ(next("\xf4\x8f\xbf\xbf", 4, &k), 0x10ffff);
	T_EQ(next("\xed\x9f\xbf", 3, &k), 0xd7ff);
	T_EQ(next("\xee\x80\x80", 3, &k), 0xe000);
	T_EQ(next("\xc2\x80", 2, &k), 0x80);
	T_EQ(next("\xe0\xa0\x80", 3, &k), 0x800);
	T_EQ(next("\xf0\x90\x80\x80", 4, &k), 0x10000);

	/* bad: one byte at a time */
	T_EQ(next("\xc0\x80", 2, &k), -1);		/* overlong NUL */
	T_EQ(k, 1);
	T_EQ(next("\xc1\xbf", 2, &k), -1);		/* overlong */
	T_EQ(next("\xe0\x9f\xbf", 3, &k), -1);		/* overlong */
	T_EQ(next("\xf0\x8f\xbf\xbf", 4, &k), -1);	/* overlong */
	T_EQ(next("\xed\xa0\x80", 3, &k), -1);		/* surrogate */
	T_EQ(next("\xed\xbf\xbf", 3, &k), -1);		/* surrogate */
	T_EQ(next("\xf4\x90\x80\x80", 4, &k), -1);	/* > U+10FFFF */
	T_EQ(next("\xf5\x80\x80\x80", 4, &k), -1);
	T_EQ(next("\xff", 1, &k), -1);
	T_EQ(next("\x80", 1, &k), -1);			/* continuation */
	T_EQ(k, 1);
	T_EQ(next("\xc3" "a", 2, &k), -1);		/* no continuation */
	T_EQ(k, 1);
	T_EQ(next("\xe2\x82\xac", 2, &k), -1);		/* cut short by n */
	T_EQ(k, 1);
	/* a NUL ends a sequence: SIZE_MAX for strings */
	T_EQ(next("\xe2\x82", SIZE_MAX, &k), -1);
	T_EQ(k, 1);
	T_EQ(next("\xc3\xa4", SIZE_MAX, &k), 0xe4);
	T_EQ(next("", SIZE_MAX, &k), 0);
	T_EQ(k, 1);
}

static void
test_seqlen(void)
{
	T_EQ(ev_utf8_seqlen(0), 1);
	T_EQ(ev_utf8_seqlen(0x7f), 1);
	T_EQ(ev_utf8_seqlen(0x80), 0);
	T_EQ(ev_utf8_seqlen(0xbf), 0);
	T_EQ(ev_utf8_seqlen(0xc1), 0);
	T_EQ(ev_utf8_seqlen(0xc2), 2);
	T_EQ(ev_utf8_seqlen(0xdf), 2);
	T_EQ(ev_utf8_seqlen(0xe0), 3);
	T_EQ(ev_utf8_seqlen(0xef), 3);
	T_EQ(ev_utf8_seqlen(0xf0), 4);
	T_EQ(ev_utf8_seqlen(0xf4), 4);
	T_EQ(ev_utf8_seqlen(0xf5), 0);
	T_EQ(ev_utf8_seqlen(0xff), 0);
	T_EQ(ev_utf8_seqlen(-61), 0);		/* a signed char */
}

static int
valid(const char *s)
{
	return ev_utf8_valid(s, strlen(s));
}

static void
test_valid(void)
{
	char buf[64];

	T_OK(ev_utf8_valid("", 0));
	T_OK(valid("Konzert im Schlachthof"));
	T_OK(valid("M\xc3\xa4rz \xe2\x82\xac 5 \xf0\x9f\x8e\xb5"));
	T_OK(!valid("M\xe4rz"));			/* Latin-1 */
	T_OK(!valid("abc\xed\xa0\x80"));
	T_OK(!valid("abc\xc0\xaf"));
	T_OK(ev_utf8_valid("a\0b", 3));			/* NUL is ASCII */
	/* a length that cuts a character */
	T_OK(!ev_utf8_valid("ab\xc3\xa4", 3));
	T_OK(ev_utf8_valid("ab\xc3\xa4", 4));
	/* the 8-byte fast path: a bad byte at every offset of a long run */
	for (size_t i = 0; i < 40; i++) {
		memset(buf, 'x', 40);
		buf[40] = '\0';
		buf[i] = (char)0xff;
		T_OK(!valid(buf));
		buf[i] = (char)0xc3;
		T_OK(!valid(buf));
		if (i + 1 < 40) {
			buf[i + 1] = (char)0xa4;
			T_OK(valid(buf));
		}
	}
}

static void
test_cut(void)
{
	const char *s = "a\xc3\xa4" "b\xe2\x82\xac" "c";	/* aäb€c */

	T_EQ(ev_utf8_cut(s, 0), 0);
	T_EQ(ev_utf8_cut(s, 1), 1);
	T_EQ(ev_utf8_cut(s, 2), 1);		/* inside ä */
	T_EQ(ev_utf8_cut(s, 3), 3);
	T_EQ(ev_utf8_cut(s, 5), 4);		/* inside € */
	T_EQ(ev_utf8_cut(s, 6), 4);
	T_EQ(ev_utf8_cut(s, 7), 7);
	T_EQ(ev_utf8_cut("\x80\x80\x80", 2), 0);
}

static void
test_width(void)
{
	T_EQ(ev_utf8_cwidth('a'), 1);
	T_EQ(ev_utf8_cwidth(0xe4), 1);		/* ä */
	T_EQ(ev_utf8_cwidth(0x2013), 1);	/* en dash */
	T_EQ(ev_utf8_cwidth(0x0301), 0);	/* combining acute */
	T_EQ(ev_utf8_cwidth(0x05b8), 0);	/* Hebrew qamats */
	T_EQ(ev_utf8_cwidth(0x200b), 0);	/* zero width space */
	T_EQ(ev_utf8_cwidth(0x200d), 0);	/* ZWJ */
	T_EQ(ev_utf8_cwidth(0xfe0f), 0);	/* VS16 */
	T_EQ(ev_utf8_cwidth(0x1160), 0);	/* Hangul medial */
	T_EQ(ev_utf8_cwidth(0x1100), 2);	/* Hangul initial */
	T_EQ(ev_utf8_cwidth(0x4e00), 2);
	T_EQ(ev_utf8_cwidth(0xac00), 2);
	T_EQ(ev_utf8_cwidth(0x3000), 2);	/* ideographic space */
	T_EQ(ev_utf8_cwidth(0xff21), 2);	/* fullwidth A */
	T_EQ(ev_utf8_cwidth(0xff61), 1);	/* halfwidth katakana */
	T_EQ(ev_utf8_cwidth(0x26bd), 2);	/* soccer ball */
	T_EQ(ev_utf8_cwidth(0x2600), 1);	/* sun, text style */
	T_EQ(ev_utf8_cwidth(0x1f600), 2);
	T_EQ(ev_utf8_cwidth(0x1f3b5), 2);	/* musical note */
	T_EQ(ev_utf8_cwidth(0x20000), 2);
	T_EQ(ev_utf8_cwidth(0x10ffff), 1);
	T_EQ(ev_utf8_cwidth(-1), 1);

	T_EQ(ev_utf8_width(""), 0);
	T_EQ(ev_utf8_width("M\xc3\xa4rz 2016"), 9);
	T_EQ(ev_utf8_width("Samstag, 24. Dezember 2016"), 26);
	T_EQ(ev_utf8_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);	/* 日本 */
	T_EQ(ev_utf8_width("e\xcc\x81"), 1);			/* e + U+0301 */
	T_EQ(ev_utf8_width("\xf0\x9f\x98\x80x"), 3);
	T_EQ(ev_utf8_width("a\xff" "b"), 3);			/* bad byte */
	T_EQ(ev_utf8_width("\xe2\x82"), 2);			/* cut short */
}

static void
test_scan(void)
{
	int m = 0;

	T_EQ(ev_utf8_scan("abc", 3, &m), 3);
	T_EQ(m, 0);
	T_EQ(ev_utf8_scan("ab\xff\xc3\xbc", 5, &m), 2);
	T_EQ(m, 0);				/* the ü is after the bad byte */
	T_EQ(ev_utf8_scan("a\xc3\xbc\xff", 4, &m), 3);
	T_EQ(m, 1);
	m = 1;
	T_EQ(ev_utf8_scan("plain", 5, &m), 5);
	T_EQ(m, 1);				/* left as it was */
	m = 0;
	T_EQ(ev_utf8_scan("0123456789abcdef\xe2\x82\xac", 19, &m), 19);
	T_EQ(m, 1);
}

/* Every code point there is comes back as itself. */
static void
test_put(void)
{
	char u[4];
	const char *p;
	int32_t cp;
	int k, bad = 0;

	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		k = ev_utf8_put(cp, u);
		p = u;
		if (ev_utf8_next(&p, (size_t)k) != cp || p != u + k)
			bad++;
	}
	T_EQ(bad, 0);
	T_EQ(ev_utf8_put(0xe4, u), 2);
	T_OK(memcmp(u, "\xc3\xa4", 2) == 0);
}

static void
test_cp1252(void)
{
	static const int undefined[] = {0x81, 0x8d, 0x8f, 0x90, 0x9d};
	int n = 0;

	T_EQ(ev_cp1252('A'), 'A');
	T_EQ(ev_cp1252(0x80), 0x20ac);		/* € */
	T_EQ(ev_cp1252(0x84), 0x201e);		/* „ */
	T_EQ(ev_cp1252(0x93), 0x201c);		/* “ */
	T_EQ(ev_cp1252(0x96), 0x2013);		/* – */
	T_EQ(ev_cp1252(0x9f), 0x0178);		/* Ÿ */
	T_EQ(ev_cp1252(0xa0), 0xa0);
	T_EQ(ev_cp1252(0xdf), 0xdf);		/* ß: Latin-1 from here */
	T_EQ(ev_cp1252(0xff), 0xff);
	for (size_t i = 0; i < sizeof(undefined) / sizeof(undefined[0]); i++)
		T_EQ(ev_cp1252(undefined[i]), -1);
	for (int c = 0; c < 256; c++)
		n += ev_cp1252(c) < 0;
	T_EQ(n, 5);
}

static void
run(void)
{
	test_next();
	test_seqlen();
	test_valid();
	test_cut();
	test_width();
	test_scan();
	test_put();
	test_cp1252();
}
