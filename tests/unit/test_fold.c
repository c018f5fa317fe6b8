/* Unit tests: fold.c (equality under full case folding, utf8proc inside) */
#include <stdint.h>
#include <string.h>

#include "evkit.h"
#include "t.h"

/* cp as UTF-8 into s (room for 5), NUL-terminated */
static void
encode(uint32_t cp, char *s)
{
	unsigned char *u = (unsigned char *)s;

	if (cp < 0x80) {
		*u++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*u++ = (unsigned char)(0xc0 | cp >> 6);
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*u++ = (unsigned char)(0xe0 | cp >> 12);
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	} else {
		*u++ = (unsigned char)(0xf0 | cp >> 18);
		*u++ = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	}
	*u = '\0';
}

static void
german(void)
{
	T_OK(ev_casefold_eq("KINDER", "Kinder"));
	T_OK(ev_casefold_eq("kinder", "KiNdEr"));
	T_OK(ev_casefold_eq("ÜBER", "über"));
	T_OK(ev_casefold_eq("Über", "ÜBER"));
	T_OK(ev_casefold_eq("Kinder 2024!", "kINDER 2024!"));
	T_OK(ev_casefold_eq("Ganztägig", "GANZTÄGIG"));
	T_OK(ev_casefold_eq("Öffnungszeiten", "öFFNUNGSZEITEN"));
	T_OK(!ev_casefold_eq("über", "uber"));
	T_OK(!ev_casefold_eq("Ganztägig", "Ganztagig"));
	/* no normalization: precomposed Ü is not U + combining diaeresis */
	T_OK(!ev_casefold_eq("Ü", "U\xcc\x88"));
	T_OK(!ev_casefold_eq("ü", "u\xcc\x88"));
}

/* ß folds to "ss", and so does ẞ (U+1E9E): a folding of two characters
 * may be met by two plain ones, or split over a folding and a letter */
static void
sharp_s(void)
{
	T_OK(ev_casefold_eq("STRASSE", "straße"));
	T_OK(ev_casefold_eq("Straße", "STRASSE"));
	T_OK(ev_casefold_eq("straße", "strasse"));
	T_OK(ev_casefold_eq("STRA\xe1\xba\x9e" "E", "Straße"));	/* ẞ */
	T_OK(ev_casefold_eq("\xe1\xba\x9e", "ss"));
	T_OK(ev_casefold_eq("ß", "SS"));
	T_OK(ev_casefold_eq("ßs", "sss"));
	T_OK(ev_casefold_eq("sß", "SSS"));
	T_OK(ev_casefold_eq("ßß", "sSsS"));
	T_OK(!ev_casefold_eq("straße", "strase"));
	T_OK(!ev_casefold_eq("ß", "s"));
	T_OK(!ev_casefold_eq("s", "ß"));
	T_OK(!ev_casefold_eq("ß", "sss"));
	T_OK(!ev_casefold_eq("sss", "ß"));
	T_OK(!ev_casefold_eq("ß", "sz"));
}

/* Full folding, not the Turkic one (CaseFolding.txt status T): İ
 * (U+0130) is i + combining dot above (U+0307), dotless ı (U+0131)
 * folds to itself, and I is i */
static void
dotted_i(void)
{
	T_OK(ev_casefold_eq("\xc4\xb0", "i\xcc\x87"));	/* İ = i + U+0307 */
	T_OK(ev_casefold_eq("\xc4\xb0", "I\xcc\x87"));	/* = I + U+0307 */
	T_OK(ev_casefold_eq("\xc4\xb0STANBUL", "i\xcc\x87stanbul"));
	T_OK(ev_casefold_eq("\xc4\xb1", "\xc4\xb1"));
	T_OK(ev_casefold_eq("I", "i"));
	T_OK(!ev_casefold_eq("\xc4\xb0", "i"));	/* no Turkish folding */
	T_OK(!ev_casefold_eq("i", "\xc4\xb0"));
	T_OK(!ev_casefold_eq("\xc4\xb0", "I"));
	T_OK(!ev_casefold_eq("I", "\xc4\xb1"));	/* dotless ı */
	T_OK(!ev_casefold_eq("\xc4\xb1", "i"));
	T_OK(!ev_casefold_eq("\xc4\xb1", "\xc4\xb0"));
}

static void
greek(void)
{
	/* final sigma folds to σ, as Σ does */
	T_OK(ev_casefold_eq("ΣΊΣΥΦΟΣ", "σίσυφος"));
	T_OK(ev_casefold_eq("ς", "Σ"));
	T_OK(ev_casefold_eq("ς", "σ"));
	T_OK(ev_casefold_eq("ΟΔΟΣ", "οδοσ"));
	T_OK(ev_casefold_eq("οδος", "ΟΔΟΣ"));
	T_OK(ev_casefold_eq("ΐ", "\xce\xb9\xcc\x88\xcc\x81"));	/* 3 */
	T_OK(!ev_casefold_eq("ΐ", "\xce\xb9\xcc\x88"));
	T_OK(!ev_casefold_eq("ς", "s"));
	T_OK(ev_casefold_eq("\xc2\xb5", "μ"));	/* micro sign */
}

static void
others(void)
{
	T_OK(ev_casefold_eq("ﬁLM", "film"));	/* U+FB01 ligature */
	T_OK(ev_casefold_eq("ﬁ", "FI"));
	T_OK(ev_casefold_eq("Fi", "ﬁ"));
	T_OK(ev_casefold_eq("\xef\xac\x83", "FFI"));	/* ﬃ U+FB03 */
	T_OK(!ev_casefold_eq("ﬁ", "f"));
	T_OK(!ev_casefold_eq("f", "ﬁ"));
	T_OK(!ev_casefold_eq("ﬁ", "ﬂ"));
	T_OK(ev_casefold_eq("ǄEMAL", "ǅemal"));	/* U+01C4, U+01C5 */
	T_OK(ev_casefold_eq("ǅ", "ǆ"));
	T_OK(ev_casefold_eq("Ǆ", "ǆ"));
	T_OK(!ev_casefold_eq("ǆ", "dž"));	/* a digraph is no pair */
	T_OK(ev_casefold_eq("\xe2\x84\xaa" "elvin", "kelvin"));	/* U+212A */
	T_OK(ev_casefold_eq("\xc5\xbf" "tadt", "Stadt"));	/* ſ U+017F */
	T_OK(ev_casefold_eq("МОСКВА", "москва"));
	T_OK(ev_casefold_eq("Ꭰ", "ꭰ"));	/* Cherokee folds to upper */
	T_OK(ev_casefold_eq("𐐀", "𐐨"));	/* Deseret, 4 bytes */
	T_OK(ev_casefold_eq("東京", "東京"));
	T_OK(!ev_casefold_eq("東京", "京都"));
}

static void
empty_and_prefix(void)
{
	T_OK(ev_casefold_eq("", ""));
	T_OK(!ev_casefold_eq("a", ""));
	T_OK(!ev_casefold_eq("", "a"));
	T_OK(!ev_casefold_eq("ß", ""));
	T_OK(!ev_casefold_eq("", "\xff"));
	T_OK(!ev_casefold_eq("Kinder", "Kind"));
	T_OK(!ev_casefold_eq("Kind", "Kinder"));
	T_OK(!ev_casefold_eq("kind", "KINDER"));
	T_OK(!ev_casefold_eq("Straße", "Straße "));
	/* one side ends inside the other's folding */
	T_OK(!ev_casefold_eq("STRAS", "straße"));
	T_OK(!ev_casefold_eq("straße", "STRAS"));
	T_OK(!ev_casefold_eq("straß", "STRASSE"));
	T_OK(!ev_casefold_eq("Über", "Übe"));
	T_OK(!ev_casefold_eq("Übe", "ÜBER"));
}

/* Only A-Z and a-z pair up among the ASCII characters */
static void
ascii(void)
{
	int a, b, bad = 0;
	char sa[2] = "", sb[2] = "";

	for (a = 1; a < 0x80; a++)
		for (b = 1; b < 0x80; b++) {
			sa[0] = (char)a;
			sb[0] = (char)b;
			if (ev_casefold_eq(sa, sb) != (ev_tolower(a) == ev_tolower(b)))
				bad++;
		}
	T_EQ(bad, 0);
	T_OK(!ev_casefold_eq("[", "{"));	/* 0x5b vs 0x7b */
	T_OK(!ev_casefold_eq("@", "`"));
}

static void
invalid(void)
{
	/* bytes that start no character compare as themselves */
	T_OK(ev_casefold_eq("\xff", "\xff"));
	T_OK(!ev_casefold_eq("\xff", "\xfe"));
	T_OK(!ev_casefold_eq("\xff", ""));
	T_OK(ev_casefold_eq("\x80", "\x80"));
	T_OK(ev_casefold_eq("K\xf6ln", "k\xf6LN"));
	T_OK(!ev_casefold_eq("K\xf6ln", "köln"));	/* Latin-1 ö is no ö */
	T_OK(!ev_casefold_eq("K\xd6LN", "k\xf6ln"));	/* nor folded */
	T_OK(!ev_casefold_eq("\xc3", "\xc3\x83"));	/* cut short vs Ã */
	T_OK(ev_casefold_eq("Stra\xc3", "STRA\xc3"));
	T_OK(!ev_casefold_eq("\xc3\x9c", "\xc3"));
	T_OK(!ev_casefold_eq("\xed\xa0\x80", "\xed"));	/* surrogate bytes */
	T_OK(ev_casefold_eq("\xed\xa0\x80", "\xed\xa0\x80"));
	T_OK(!ev_casefold_eq("\xc1\x81", "A"));	/* overlong A */
	T_OK(!ev_casefold_eq("\xc1\x81", "a"));
	/* above U+10FFFF */
	T_OK(ev_casefold_eq("\xf4\x90\x80\x80", "\xf4\x90\x80\x80"));
	T_OK(!ev_casefold_eq("\xf4\x90\x80\x80", "\xf4"));
	T_OK(!ev_casefold_eq("\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80"));
}

/* Every character equals itself, and not itself followed by more */
static void
every(void)
{
	char s[8], t[8];
	uint32_t cp;
	long bad = 0;

	for (cp = 1; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		encode(cp, s);
		memcpy(t, s, sizeof(s));
		strcat(t, "x");
		if (!ev_casefold_eq(s, s) || ev_casefold_eq(s, t) ||
		    ev_casefold_eq(t, s))
			bad++;
	}
	T_EQ(bad, 0);
}

static void
run(void)
{
	german();
	sharp_s();
	dotted_i();
	greek();
	others();
	empty_and_prefix();
	ascii();
	invalid();
	every();
}
