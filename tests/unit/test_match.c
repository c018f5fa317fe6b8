/* Unit tests: match.c (regular expressions; case folding: test_fold.c) */
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "t.h"

enum { CI = EV_RE_CASELESS, W = EV_RE_WORD, F = EV_RE_FIXED };

/* 1 or 0 as ev_regex_match says; -1 when the pattern does not compile */
static int
m(const char *pat, int flags, const char *s)
{
	struct ev_err err;
	struct ev_regex *re;
	int r;

	if ((re = ev_regex_new(pat, flags, &err)) == NULL)
		return -1;
	r = ev_regex_match(re, s, strlen(s));
	ev_regex_free(re);
	return r;
}

static void
plain(void)
{
	T_EQ(m("Markt", 0, "Weihnachtsmarkt am Rathaus"), 0);
	T_EQ(m("markt", 0, "Weihnachtsmarkt am Rathaus"), 1);
	T_EQ(m("^Weih.*markt", 0, "Weihnachtsmarkt am Rathaus"), 1);
	T_EQ(m("Lesung|Konzert", 0, "Orgelkonzert im Dom"), 0);
	T_EQ(m("Lesung|[Kk]onzert", 0, "Orgelkonzert im Dom"), 1);
	T_EQ(m("", 0, ""), 1);
	/* one character, not one byte: "Stra.e" spans the two bytes of ß */
	T_EQ(m("^Stra.e$", 0, "Straße"), 1);
	T_EQ(m("^Stra..e$", 0, "Straße"), 0);
	/* \w and \d are Unicode (PCRE2_UCP) */
	T_EQ(m("^\\w+$", 0, "Führung"), 1);
	T_EQ(m("^\\w+$", 0, "Straße"), 1);
	T_EQ(m("\\bber", 0, "über"), 0);
	T_EQ(m("\\bTor\\b", 0, "Brandenburger Tor"), 1);
}

static void
caseless(void)
{
	T_EQ(m("ÜBER", 0, "Führung über den Friedhof"), 0);
	T_EQ(m("ÜBER", CI, "Führung über den Friedhof"), 1);
	T_EQ(m("über", CI, "ÜBER DEN WOLKEN"), 1);
	T_EQ(m("kinder", CI, "KINDERFLOHMARKT"), 1);
	T_EQ(m("ÖFFNUNGSZEITEN", CI, "Öffnungszeiten"), 1);
	/* capital sharp s (U+1E9E) has the simple folding ß */
	T_EQ(m("STRA\xe1\xba\x9e" "E", CI, "Hauptstraße"), 1);
	/* Kelvin sign (U+212A) is a K */
	T_EQ(m("\xe2\x84\xaa" "inder", CI, "Kinder"), 1);
	T_EQ(m("ΣΊΣΥΦΟΣ", CI, "ο σίσυφος"), 1);
	T_EQ(m("uber", CI, "über"), 0);
}

static void
word(void)
{
	T_EQ(m("Markt", W, "Weihnachts Markt"), 1);
	T_EQ(m("Markt", W, "Weihnachtsmarkt"), 0);
	T_EQ(m("markt", W | CI, "Weihnachtsmarkt"), 0);
	T_EQ(m("markt", W | CI, "Markt, Rathausplatz"), 1);
	T_EQ(m("Markt", W, "Markt"), 1);
	T_EQ(m("Markt", W, "Marktplatz"), 0);
	/* umlauts and ß are word characters */
	T_EQ(m("ber", W, "über"), 0);
	T_EQ(m("über", W, "Führung über den Friedhof"), 1);
	T_EQ(m("über", W, "überall"), 0);
	T_EQ(m("Stra", W, "Straße"), 0);
	T_EQ(m("Straße", W, "Lange Straße 5"), 1);
	/* the alternation stays inside the wrapper */
	T_EQ(m("Markt|Fest", W, "Sommer Fest"), 1);
	T_EQ(m("Markt|Fest", W, "Festival"), 0);
	T_EQ(m("Markt|Fest", W, "Flohmarkt"), 0);
	/* no \b: a word may end in punctuation, as with grep -w */
	T_EQ(m("C\\+\\+", W, "Kurs: C++ für Einsteiger"), 1);
	/* the wrapper copes with \Q to the end, (?x) comments, (*...) */
	T_EQ(m("\\Qa.b", W, "x a.b y"), 1);
	T_EQ(m("\\Qa.b", W, "x a.bc y"), 0);
	T_EQ(m("(?x) Markt # der Markt", W, "Weihnachts Markt"), 1);
	T_EQ(m("(?x) Markt # der Markt", W, "Weihnachtsmarkt"), 0);
	T_EQ(m("(*LIMIT_MATCH=100000)(*UCP)Markt", W, "Alter Markt"), 1);
	T_EQ(m("(*LIMIT_MATCH=100000)(*UCP)Markt", W, "Altmarkt"), 0);
	/* a pattern that only the wrapper would balance is refused */
	T_EQ(m("a)(b", W, "a b"), -1);
	T_EQ(m("a)|(b", W, "a b"), -1);
}

static void
fixed(void)
{
	T_EQ(m("a.b", F, "axb"), 0);
	T_EQ(m("a.b", F, "a.b"), 1);
	T_EQ(m("C++", F, "Kurs: C++ für Einsteiger"), 1);
	T_EQ(m("C++", F, "C-Kurs"), 0);
	T_EQ(m("(", F, "Eintritt (frei)"), 1);
	T_EQ(m("[Kinder]", F, "Kinder"), 0);
	T_EQ(m("MARKT", F | CI, "Weihnachtsmarkt"), 1);
	T_EQ(m("ÜBER", F | CI, "über"), 1);
	T_EQ(m("C++", F | W, "Kurs: C++ für Einsteiger"), 1);
	T_EQ(m("C++", F | W, "C++17"), 0);
	T_EQ(m("C++", F | W, "ObjC++"), 0);
	T_EQ(m("a.b", F | W, "x a.b y"), 1);
	T_EQ(m("a.b", F | W, "x axb y"), 0);
	T_EQ(m("Markt", F | W, "Weihnachtsmarkt"), 0);
	T_EQ(m("MARKT", F | W | CI, "Alter Markt"), 1);
	T_EQ(m("über", F | W, "überall"), 0);
	/* \E and \Q inside a fixed string are just characters */
	T_EQ(m("a\\Eb", F | W, "x a\\Eb y"), 1);
	T_EQ(m("a\\Eb", F | W, "x aEb y"), 0);
	T_EQ(m("\\Q", F | W, "x \\Q y"), 1);
	T_EQ(m("\\Q", F | W, "x y"), 0);
	T_EQ(m("a\\Qb", F | W, "x a\\Qb y"), 1);
	T_EQ(m("a\\Qb", F | W, "x ab y"), 0);
	T_EQ(m("\\E", F, "\\E"), 1);
	T_EQ(m("a\\", F | W, "x a\\ y"), 1);
}

static void
errors(void)
{
	struct ev_err err;

	err.msg[0] = '\0';
	T_OK(ev_regex_new("(", 0, &err) == NULL);
	T_STREQ(err.msg,
	    "bad regex \"(\": missing closing parenthesis at offset 1");
	/* offsets name the user's pattern, not the -w wrapper */
	err.msg[0] = '\0';
	T_OK(ev_regex_new("Markt(", W, &err) == NULL);
	T_STREQ(err.msg,
	    "bad regex \"Markt(\": missing closing parenthesis at offset 6");
	err.msg[0] = '\0';
	T_OK(ev_regex_new("[a-", CI | W, &err) == NULL);
	T_OK(strstr(err.msg, "bad regex \"[a-\": ") == err.msg);
	T_OK(strstr(err.msg, " at offset 3") != NULL);
	T_OK(ev_regex_new("x{2,1}", 0, &err) == NULL);
	T_OK(strstr(err.msg, "at offset") != NULL);
	/* \C is refused: it could split a character */
	T_OK(ev_regex_new("a\\Cb", 0, &err) == NULL);
	/* a pattern that is not UTF-8 */
	err.msg[0] = '\0';
	T_OK(ev_regex_new("Stra\xdf" "e", 0, &err) == NULL);
	T_OK(strstr(err.msg, "UTF-8 error") != NULL);
	T_OK(strstr(err.msg, "at offset 4") != NULL);
	T_OK(ev_regex_new("Stra\xdf" "e", F, &err) == NULL);
	T_OK(ev_regex_new("Stra\xdf" "e", F | W, &err) == NULL);
	/* a NULL err is allowed */
	T_OK(ev_regex_new("(", 0, NULL) == NULL);
	ev_regex_free(NULL);
}

static void
longpattern(void)
{
	struct ev_err err;
	char pat[1001];

	/* a long bad pattern is cut short in the message, the offset kept */
	memset(pat, 'a', 999);
	pat[999] = '(';
	pat[1000] = '\0';
	T_OK(ev_regex_new(pat, 0, &err) == NULL);
	T_OK(strstr(err.msg, "...\": missing closing parenthesis at offset 1000")
	    != NULL);
}

static void
badutf8(void)
{
	struct ev_regex *re;
	static const char latin1[] = "Weihnachtsmarkt in K\xf6ln";
	static const char trunc[] = "Markt \xc3";

	/* invalid bytes match nothing, valid text around them still does */
	T_EQ(m("Markt", 0, "\xff\xfeMarkt\xc3"), 1);
	T_EQ(m("K.ln", 0, latin1), 0);
	T_EQ(m("markt", 0, latin1), 1);
	T_EQ(m("markt", W | CI, latin1), 0);
	T_EQ(m("K", W, latin1), 1);	/* \xf6 is no word character */
	T_EQ(m(".", 0, "\xff"), 0);
	T_EQ(m("\\W", 0, "\xc3"), 0);
	T_EQ(m("^.*$", 0, "\xed\xa0\x80"), 0);	/* a surrogate */
	T_EQ(m("^", 0, "\xc0\xaf"), 1);		/* overlong, but ^ is empty */
	T_EQ(m("Markt", F | CI | W, trunc), 1);
	T_EQ(m("Markt", W, "\xe4Markt"), 1);	/* not a word character */
	/* the length counts, not a NUL */
	re = ev_regex_new("Markt", 0, NULL);
	T_OK(re != NULL);
	T_EQ(ev_regex_match(re, "Markt", 4), 0);
	T_EQ(ev_regex_match(re, "Mar\0Markt", 9), 1);
	T_EQ(ev_regex_match(re, NULL, 0), 0);
	T_EQ(ev_regex_match(re, "Markt", 5), 1);	/* reused match data */
	ev_regex_free(re);
}

static void
big(void)
{
	struct ev_regex *re;
	size_t n = 200000;
	char *s = malloc(n + 1);

	/* deep backtracking: past the JIT stack, onto the interpreter */
	memset(s, 'a', n);
	s[n] = '\0';
	re = ev_regex_new("^(a|b)*$", 0, NULL);
	T_OK(re != NULL);
	T_EQ(ev_regex_match(re, s, n), 1);
	s[n - 1] = 'c';
	T_EQ(ev_regex_match(re, s, n), 0);
	ev_regex_free(re);
	free(s);
}

static void
run(void)
{
	plain();
	caseless();
	word();
	fixed();
	errors();
	longpattern();
	badutf8();
	big();
}
