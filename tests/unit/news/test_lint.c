/*
 * Unit tests: news/lint.c and its rules (lintquote.c, lintword.c,
 * lintdate.c, lintart.c), news/terms.c.  Each rule runs alone (every
 * other one disabled), with texts that it must flag and texts it must
 * leave alone; offsets are checked to the byte.  Nothing here depends
 * on the locale: no setlocale, and the rules use none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "news.h"
#include "t.h"

/* The findings of the last run. */
static struct hit {
	size_t	 off, len;
	char	 rule[32];
	enum news_severity sev;
	char	 msg[256];
	char	 fix[64];
	int	 hasfix;
	void	*arg;
} hits[64];
static size_t nhits;

static void
collect(void *arg, const struct news_finding *f)
{
	struct hit *h;

	if (nhits == sizeof(hits) / sizeof(hits[0]))
		return;
	h = &hits[nhits++];
	h->off = f->off;
	h->len = f->len;
	snprintf(h->rule, sizeof(h->rule), "%s", f->rule);
	h->sev = f->sev;
	snprintf(h->msg, sizeof(h->msg), "%s", f->msg);
	h->hasfix = f->fix != NULL;
	snprintf(h->fix, sizeof(h->fix), "%s", f->fix ? f->fix : "");
	h->arg = arg;
}

/* A lint with only rule on. */
static struct news_lint *
only(const char *rule, enum news_lang lang)
{
	struct news_lint *l = news_lint_new(lang);

	news_lint_enable(l, "all", 0);
	if (news_lint_enable(l, rule, 1) != 0)
		fprintf(stderr, "no rule %s\n", rule);
	return l;
}

/* Run rule alone over s: the number of findings. */
static size_t
run1(const char *rule, enum news_lang lang, const char *s)
{
	struct news_lint *l = only(rule, lang);
	int n;

	nhits = 0;
	n = news_lint_text(l, s, strlen(s), collect, NULL);
	news_lint_free(l);
	if ((size_t)n != nhits)
		fprintf(stderr, "news_lint_text said %d, reported %zu\n", n,
		    nhits);
	return nhits;
}

#define DE	NEWS_LANG_DE
#define CH	NEWS_LANG_DE_CH
#define EN	NEWS_LANG_EN

/* The offset of needle in s (the k-th from 0), for exact offsets. */
static size_t
at(const char *s, const char *needle, int k)
{
	const char *p = s;

	for (;;) {
		p = strstr(p, needle);
		if (p == NULL || k-- == 0)
			break;
		p++;
	}
	return p ? (size_t)(p - s) : (size_t)-1;
}

/* Check finding i: offset, length, fix (NULL: no fix). */
static void
hit_at(int line, size_t i, size_t off, size_t len, const char *fix)
{
	char got[128], want[128];

	snprintf(want, sizeof(want), "#%zu at %zu+%zu fix \"%s\"", i, off, len,
	    fix ? fix : "(none)");
	if (i >= nhits)
		snprintf(got, sizeof(got), "only %zu findings", nhits);
	else
		snprintf(got, sizeof(got), "#%zu at %zu+%zu fix \"%s\"", i,
		    hits[i].off, hits[i].len,
		    hits[i].hasfix ? hits[i].fix : "(none)");
	t_check(strcmp(got, want) == 0, __FILE__, line, "finding", got, want);
}
#define T_HIT(i, o, l, f)	hit_at(__LINE__, (i), (o), (l), (f))

/* UTF-8 of the marks, to keep the cases readable */
#define LDQ	"\xe2\x80\x9e"	/* „ */
#define LQ	"\xe2\x80\x9c"	/* “ */
#define RQ	"\xe2\x80\x9d"	/* ” */
#define LSQ	"\xe2\x80\x9a"	/* ‚ */
#define LS	"\xe2\x80\x98"	/* ‘ */
#define RS	"\xe2\x80\x99"	/* ’ */
#define LAQ	"\xc2\xab"	/* « */
#define RAQ	"\xc2\xbb"	/* » */
#define NBSP	"\xc2\xa0"
#define AE	"\xc3\xa4"	/* ä */
#define UE	"\xc3\xbc"	/* ü */

static void
test_table(void)
{
	const struct news_lint_rule *r, *q;
	struct news_lint *l = news_lint_new(DE);
	size_t i, j;

	for (i = 0; (r = news_lint_rule(i)) != NULL; i++) {
		T_OK(r->id != NULL && *r->id != '\0');
		T_OK(r->summary != NULL && *r->summary != '\0');
		T_OK(r->example != NULL && *r->example != '\0');
		T_EQ(strspn(r->id, "abcdefghijklmnopqrstuvwxyz0123456789-"),
		    strlen(r->id));
		T_EQ(news_lint_enable(l, r->id, 0), 0);
		T_EQ(news_lint_enable(l, r->id, 1), 0);
		for (j = 0; j < i; j++) {
			q = news_lint_rule(j);
			T_OK(strcmp(q->id, r->id) != 0);
		}
	}
	T_OK(i >= 20);
	T_EQ(news_lint_enable(l, "no-such-rule", 0), -1);
	T_EQ(news_lint_enable(l, NULL, 0), -1);
	T_EQ(news_lint_enable(l, "all", 0), 0);
	/* all off: nothing is found */
	nhits = 0;
	T_EQ(news_lint_text(l, "\"a  b , c\" c c", 14, collect, NULL), 0);
	news_lint_free(l);
	news_lint_free(NULL);
}

/* The examples of the table are flagged by their own rule. */
static void
test_examples(void)
{
	static const char *const ids[] = { "quote-unpaired", "quote-mismatch",
	    "quote-straight", "bracket-unpaired", "bracket-mismatch",
	    "space-double", "space-punct", "word-repeat", "date-weekday" };
	const struct news_lint_rule *r;
	size_t i, k;

	for (k = 0; k < sizeof(ids) / sizeof(ids[0]); k++)
		for (i = 0; (r = news_lint_rule(i)) != NULL; i++)
			if (strcmp(r->id, ids[k]) == 0) {
				T_EQ(run1(r->id, DE, r->example), 1);
				T_STREQ(nhits ? hits[0].rule : NULL, r->id);
				T_EQ(nhits ? hits[0].sev : 9, r->sev);
			}
}

static void
test_utf8(void)
{
	const char *s = "caf\xe9 au lait";

	T_EQ(run1("utf8", DE, s), 1);
	T_HIT(0, 3, 1, NULL);
	T_EQ(hits[0].sev, NEWS_SEV_ERROR);
	T_EQ(run1("utf8", DE, "ab\xe2\x80"), 1);		/* cut short */
	T_HIT(0, 2, 2, NULL);
	T_EQ(run1("utf8", DE, "\xed\xa0\x80 x"), 1);	/* a surrogate */
	T_EQ(run1("utf8", DE, "caf" "\xc3\xa9" " au lait"), 0);
	T_EQ(run1("utf8", DE, ""), 0);
}

static void
test_quote_unpaired(void)
{
	const char *s;

	s = LDQ "Es freut mich, sagt er.";
	T_EQ(run1("quote-unpaired", DE, s), 1);
	T_HIT(0, 0, 3, NULL);
	s = "Es freut mich" LQ ", sagt er.";
	T_EQ(run1("quote-unpaired", DE, s), 1);
	T_HIT(0, at(s, LQ, 0), 3, NULL);
	/* a single quote opened inside and never closed */
	s = LDQ "Das " LSQ "Ding ist gut." LQ;
	T_EQ(run1("quote-unpaired", DE, s), 1);
	T_HIT(0, at(s, LSQ, 0), 3, NULL);
	s = "Er sagte \"nichts, gar nichts.";
	T_EQ(run1("quote-unpaired", DE, s), 1);
	T_HIT(0, 9, 1, NULL);

	T_EQ(run1("quote-unpaired", DE,
	    LDQ "Es freut mich" LQ ", sagt er."), 0);
	T_EQ(run1("quote-unpaired", DE,
	    "Er sagte: " LDQ "Das " LSQ "Ding" LS " ist gut." LQ), 0);
	T_EQ(run1("quote-unpaired", DE, "Andreas" RS " Buch, geht" RS "s"), 0);
	T_EQ(run1("quote-unpaired", DE, "(" LDQ "Zitat" LQ ")"), 0);
	T_EQ(run1("quote-unpaired", DE, "ein 26\" Monitor, 5' lang"), 0);
	T_EQ(run1("quote-unpaired", DE, LDQ "Er sagte\nnichts." LQ), 0);
	/* English quoted inside German */
	T_EQ(run1("quote-unpaired", DE,
	    LDQ "Das nennt man " LQ "Fake News" RQ "." LQ), 0);
	T_EQ(run1("quote-unpaired", EN,
	    LQ "It" RS "s the students" RS " day," RQ " she said."), 0);
	T_EQ(run1("quote-unpaired", EN, "In the " RS "90s, " LS "rock" RS
	    " ruled."), 0);
	T_EQ(run1("quote-unpaired", CH, LAQ "Gr" UE "ezi" RAQ), 0);
	T_EQ(run1("quote-unpaired", DE, RAQ "Buch" LAQ " ist da"), 0);
	/* protected: code and link targets */
	T_EQ(run1("quote-unpaired", DE, "Code `\"` und `" LDQ "`"), 0);
	T_EQ(run1("quote-unpaired", DE,
	    "[" LDQ "Text" LQ "](https://example.org/\"a) da"), 0);
}

static void
test_quote_mismatch(void)
{
	const char *s;

	s = LDQ "Es freut mich" RQ ", sagt er.";
	T_EQ(run1("quote-mismatch", DE, s), 1);
	T_HIT(0, at(s, RQ, 0), 3, LQ);
	s = LQ "Es freut mich" LQ ", sagt er.";
	T_EQ(run1("quote-mismatch", DE, s), 1);
	T_HIT(0, 0, 3, LDQ);
	s = LQ "Hello" LQ " she said.";
	T_EQ(run1("quote-mismatch", EN, s), 1);
	T_HIT(0, at(s, LQ, 1), 3, RQ);
	s = LAQ "Gr" UE "ezi" LAQ " sagt er.";
	T_EQ(run1("quote-mismatch", CH, s), 1);
	T_HIT(0, at(s, LAQ, 1), 2, RAQ);
	s = LDQ "Ein " LSQ "Ding" RS ", sagt er." LQ;
	T_EQ(run1("quote-mismatch", DE, s), 1);
	T_HIT(0, at(s, RS, 0), 3, LS);

	T_EQ(run1("quote-mismatch", DE, LDQ "Gut" LQ " und " RAQ "gut" LAQ), 0);
	T_EQ(run1("quote-mismatch", DE, "Er sagt " LQ "okay" RQ "."), 0);
	T_EQ(run1("quote-mismatch", EN, LQ "Fine," RQ " she said."), 0);
	/* an apostrophe inside a German single quote */
	T_EQ(run1("quote-mismatch", DE, LDQ "Ein " LSQ "Andreas" RS " Ding"
	    LS "." LQ), 0);
	/* straight marks are quote-straight's */
	T_EQ(run1("quote-mismatch", DE, "\"Es freut mich" LQ), 0);
}

static void
test_quote_straight(void)
{
	const char *s;

	/* the issue's case: an opening " closed by “ */
	s = "\"Es freut mich" LQ ", sagt er.";
	T_EQ(run1("quote-straight", DE, s), 1);
	T_HIT(0, 0, 1, LDQ);
	s = "\"Hallo\", sagt er.";
	T_EQ(run1("quote-straight", DE, s), 2);
	T_HIT(0, 0, 1, LDQ);
	T_HIT(1, 6, 1, LQ);
	T_EQ(run1("quote-straight", EN, s), 2);
	T_HIT(0, 0, 1, LQ);
	T_HIT(1, 6, 1, RQ);
	T_EQ(run1("quote-straight", CH, s), 2);
	T_HIT(0, 0, 1, LAQ);
	T_HIT(1, 6, 1, RAQ);
	s = LDQ "Gut\", sagt er.";
	T_EQ(run1("quote-straight", DE, s), 1);
	T_HIT(0, 6, 1, LQ);
	s = "Wie geht's?";
	T_EQ(run1("quote-straight", DE, s), 1);
	T_HIT(0, 8, 1, RS);
	s = "Er sagte \"nichts.";	/* unpaired: reported, not guessed */
	T_EQ(run1("quote-straight", DE, s), 1);
	T_HIT(0, 9, 1, NULL);
	s = LDQ "Sie sagte 'nein'." LQ;
	T_EQ(run1("quote-straight", DE, s), 2);
	T_HIT(0, at(s, "'", 0), 1, LSQ);
	T_HIT(1, at(s, "'", 1), 1, LS);

	T_EQ(run1("quote-straight", DE, LDQ "Gut" LQ ", sagt er."), 0);
	T_EQ(run1("quote-straight", DE, "ein 26\" Monitor, 5' lang"), 0);
	T_EQ(run1("quote-straight", DE, "`\"x\"` und <a href=\"x\">"), 0);
}

static void
test_brackets(void)
{
	const char *s;

	s = "(am 14. September";
	T_EQ(run1("bracket-unpaired", DE, s), 1);
	T_HIT(0, 0, 1, NULL);
	s = "am 14. September) kommt";
	T_EQ(run1("bracket-unpaired", DE, s), 1);
	T_HIT(0, 16, 1, NULL);
	s = "[a (b] Ende)";
	T_EQ(run1("bracket-unpaired", DE, s), 2);
	T_HIT(0, 3, 1, NULL);
	T_HIT(1, 11, 1, NULL);
	T_EQ(run1("bracket-unpaired", DE, "(a [b] {c}) d"), 0);
	T_EQ(run1("bracket-unpaired", DE, "a) erstens, b) zweitens, 12) mehr"),
	    0);
	T_EQ(run1("bracket-unpaired", DE, "Super :) und ;-) und :("), 0);
	T_EQ(run1("bracket-unpaired", DE, "[Text](https://example.org/a) "
	    "und `f(x`"), 0);
	T_EQ(run1("bracket-unpaired", DE, "(siehe Punkt a)"), 0);

	s = "(am 14. September]";
	T_EQ(run1("bracket-mismatch", DE, s), 1);
	T_HIT(0, 17, 1, NULL);
	T_EQ(run1("bracket-unpaired", DE, s), 0);
	T_EQ(run1("bracket-mismatch", DE, "(a [b] c)"), 0);
	T_EQ(run1("bracket-mismatch", DE, "(a"), 0);
}

static void
test_space_double(void)
{
	const char *s;

	T_EQ(run1("space-double", DE, "die  Stadt"), 1);
	T_HIT(0, 3, 2, " ");
	T_EQ(hits[0].sev, NEWS_SEV_WARNING);
	s = "die" NBSP " Stadt";
	T_EQ(run1("space-double", DE, s), 1);
	T_HIT(0, 3, 3, NBSP);
	s = "18 " NBSP "Uhr und   mehr";
	T_EQ(run1("space-double", DE, s), 2);
	T_HIT(0, 2, 3, NBSP);
	T_HIT(1, at(s, "   ", 0), 3, " ");

	T_EQ(run1("space-double", DE, "die Stadt, 18" NBSP "Uhr"), 0);
	T_EQ(run1("space-double", DE, "Zeile  \nzwei"), 0);	/* hard break */
	T_EQ(run1("space-double", DE, "Zeile\n  zwei"), 0);
	T_EQ(run1("space-double", DE, "Code `a  b` hier"), 0);
}

static void
test_space_punct(void)
{
	const char *s = "die Stadt , die";

	T_EQ(run1("space-punct", DE, s), 1);
	T_HIT(0, 9, 1, "");
	T_EQ(run1("space-punct", DE, "Wirklich ?"), 1);
	T_HIT(0, 8, 1, "");
	T_EQ(run1("space-punct", DE, "(so )"), 1);
	T_EQ(run1("space-punct", DE, "Ende" NBSP "."), 1);
	T_HIT(0, 4, 2, "");

	T_EQ(run1("space-punct", DE, "Er sagte ... nichts."), 0);
	T_EQ(run1("space-punct", DE, "die .NET-Plattform und .5 Liter"), 0);
	T_EQ(run1("space-punct", DE, "Super :-) und ;)"), 0);
	T_EQ(run1("space-punct", DE, "Ende. Anfang, Mitte: Schluss!"), 0);
	T_EQ(run1("space-punct", DE, "Code `a ;` hier"), 0);
	T_EQ(run1("space-punct", DE, "Zeile\n, zwei"), 0);
}

static void
test_word_repeat(void)
{
	const char *s;

	s = "Er sagte, dass die die Stadt liebt.";
	T_EQ(run1("word-repeat", DE, s), 1);
	T_HIT(0, at(s, "die", 1), 3, NULL);
	s = "Die die Stadt";
	T_EQ(run1("word-repeat", DE, s), 1);
	T_HIT(0, 4, 3, NULL);
	s = "in der\nder Stadt";
	T_EQ(run1("word-repeat", DE, s), 1);
	T_HIT(0, 7, 3, NULL);
	s = "the the city";
	T_EQ(run1("word-repeat", EN, s), 1);
	T_HIT(0, 4, 3, NULL);
	T_EQ(run1("word-repeat", DE, "Die Stadt Stadt"), 1);

	/* the German traps */
	T_EQ(run1("word-repeat", DE, "Die Frau, die die Stadt liebt."), 0);
	T_EQ(run1("word-repeat", DE, "Das Kind, das das Spiel gewann."), 0);
	T_EQ(run1("word-repeat", DE, "Der Mann (der der Frau half)"), 0);
	T_EQ(run1("word-repeat", DE, "die Er" "\xc3\xb6" "ffnung, zu der der "
	    "Chor sang, und die Frau, f" UE "r die die Stadt"), 0);
	T_EQ(run1("word-repeat", DE, "Er fuhr mit dem dem Auto"), 1);
	T_EQ(run1("word-repeat", DE, "Wenn sie sie sieht, ihr ihr helft"), 0);
	T_EQ(run1("word-repeat", DE, "Baden-Baden und Baden Baden-Baden"), 0);
	T_EQ(run1("word-repeat", DE, "die, die"), 0);
	T_EQ(run1("word-repeat", DE, "Code `die die` hier"), 0);
	T_EQ(run1("word-repeat", EN, "He had had enough, that that is"), 0);
	T_EQ(run1("word-repeat", EN, "We flew to Bora Bora."), 0);
	/* a relative clause in English is no excuse */
	T_EQ(run1("word-repeat", EN, "The man, the the city"), 1);
}

static void
test_invisible(void)
{
	const char *s;

	s = "Stadt\xe2\x80\x8b" "bahn";
	T_EQ(run1("invisible", DE, s), 1);
	T_HIT(0, 5, 3, "");
	s = "Stadt\xc2\xad" "bahn";		/* soft hyphen */
	T_EQ(run1("invisible", DE, s), 1);
	T_HIT(0, 5, 2, "");
	s = "a\xef\xbb\xbf" "b";		/* BOM inside the text */
	T_EQ(run1("invisible", DE, s), 1);
	T_HIT(0, 1, 3, "");
	T_EQ(run1("invisible", DE, "a\x01" "b"), 1);
	T_HIT(0, 1, 1, "");
	T_EQ(run1("invisible", DE, "a\tb"), 1);
	T_HIT(0, 1, 1, " ");
	T_EQ(run1("invisible", DE, "a\xe2\x80\xae" "b"), 1);	/* RLO */
	T_EQ(run1("invisible", DE, "a\xef\xbf\xbd" "b"), 1);	/* U+FFFD */
	T_HIT(0, 1, 3, NULL);
	T_EQ(run1("invisible", DE, "a\xc2\x85" "b"), 1);	/* C1 NEL */

	T_EQ(run1("invisible", DE, "Zeile\nzwei\r\ndrei"), 0);
	/* man, woman, girl: joined by ZWJ */
	T_EQ(run1("invisible", DE, "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91"
	    "\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"), 0);
	T_EQ(run1("invisible", DE, "Code `\xe2\x80\x8b` hier"), 0);
	T_EQ(run1("invisible", DE, "M" AE "rz " NBSP "18"), 0);
}

static void
test_nfd(void)
{
	const char *s = "Ma\xcc\x88rz";

	T_EQ(run1("nfd", DE, s), 1);
	T_HIT(0, 1, 3, AE);
	s = "Gru\xcc\x88\xc3\x9f" "e und O\xcc\x88l";
	T_EQ(run1("nfd", DE, s), 2);
	T_HIT(0, 2, 3, UE);
	T_HIT(1, at(s, "O", 0), 3, "\xc3\x96");
	T_EQ(run1("nfd", DE, "10 \xe2\x84\xab"), 1);	/* Angstrom sign */
	T_HIT(0, 3, 3, "\xc3\x85");

	T_EQ(run1("nfd", DE, "M" AE "rz, Gr" UE "\xc3\x9f" "e"), 0);
	T_EQ(run1("nfd", DE, "q\xcc\x88"), 0);	/* nothing to compose */
	T_EQ(run1("nfd", DE, "`Ma\xcc\x88rz`"), 0);
}

static void
test_date_weekday(void)
{
	struct news_lint *l;
	const char *s;

	s = "Am Samstag, 25. Dezember 2016 feiern wir.";
	T_EQ(run1("date-weekday", DE, s), 1);
	T_HIT(0, 3, strlen("Samstag, 25. Dezember 2016"), NULL);
	T_OK(strstr(hits[0].msg, "Sonntag") != NULL);
	T_EQ(hits[0].sev, NEWS_SEV_ERROR);
	T_EQ(run1("date-weekday", DE, "Samstag, den 25.12.2016"), 1);
	T_EQ(run1("date-weekday", DE, "Sa., 25. Dez. 2016"), 1);
	T_EQ(run1("date-weekday", DE, "Sonnabend, 25.12.16"), 1);
	T_EQ(run1("date-weekday", EN, "Saturday, December 25, 2016"), 1);
	T_OK(strstr(hits[0].msg, "Sunday") != NULL);
	T_EQ(run1("date-weekday", EN, "on Saturday, 25th December 2016"), 1);
	T_HIT(0, 3, strlen("Saturday, 25th December 2016"), NULL);
	s = "Montag, 30. Februar 2016";
	T_EQ(run1("date-weekday", DE, s), 1);
	T_OK(strstr(hits[0].msg, "no such date") != NULL);

	T_EQ(run1("date-weekday", DE, "Sonntag, 25. Dezember 2016"), 0);
	T_EQ(run1("date-weekday", DE, "Sa., 24.12.2016, 18 Uhr"), 0);
	T_EQ(run1("date-weekday", EN, "Sunday, 25 December 2016"), 0);
	T_EQ(run1("date-weekday", EN, "Saturday, December 24, 2016"), 0);
	T_EQ(run1("date-weekday", DE, "Samstag, 18 Uhr"), 0);
	T_EQ(run1("date-weekday", DE, "Samstag, 14 Tage"), 0);
	/* no year and no article date: nothing to check against */
	T_EQ(run1("date-weekday", DE, "Samstag, 25. Dezember"), 0);
	T_EQ(run1("date-weekday", DE, "`Samstag, 25. Dezember 2016`"), 0);

	/* the year from the article's date, across the new year */
	l = only("date-weekday", DE);
	news_lint_set_date(l, 2016, 12, 20);
	nhits = 0;
	s = "Samstag, 25. Dezember";
	T_EQ(news_lint_text(l, s, strlen(s), collect, NULL), 1);
	news_lint_set_date(l, 2016, 12, 28);
	s = "Montag, 2. Januar, und Dienstag, 2. Januar";
	nhits = 0;
	T_EQ(news_lint_text(l, s, strlen(s), collect, NULL), 1);
	T_HIT(0, at(s, "Dienstag", 0), strlen("Dienstag, 2. Januar"), NULL);
	news_lint_set_date(l, 0, 0, 0);
	nhits = 0;
	T_EQ(news_lint_text(l, s, strlen(s), collect, NULL), 0);
	news_lint_free(l);
}

/* Run sentence-long with a limit. */
static size_t
run_long(unsigned max, enum news_lang lang, const char *s)
{
	struct news_lint *l = only("sentence-long", lang);

	news_lint_set_max_sentence(l, max);
	nhits = 0;
	news_lint_text(l, s, strlen(s), collect, NULL);
	news_lint_free(l);
	return nhits;
}

static void
test_sentence_long(void)
{
	const char *s;

	s = "Die Stadt baut eine neue Halle. Gut.";
	T_EQ(run_long(5, DE, s), 1);
	T_HIT(0, 0, strlen("Die Stadt baut eine neue Halle."), NULL);
	T_OK(strstr(hits[0].msg, "6 words") != NULL);
	T_EQ(run_long(6, DE, s), 0);
	T_EQ(run_long(0, DE, s), 0);		/* no limit: off */

	/* the splitter: none of these ends a sentence */
	s = "Am 14. September baut sie. Gut.";
	T_EQ(run_long(3, DE, s), 1);
	T_HIT(0, 0, strlen("Am 14. September baut sie."), NULL);
	s = "Das gilt z. B. hier. Gut.";
	T_EQ(run_long(4, DE, s), 1);
	T_HIT(0, 0, strlen("Das gilt z. B. hier."), NULL);
	s = "Dr. M" UE "ller kommt heute. Gut.";
	T_EQ(run_long(3, DE, s), 1);
	T_HIT(0, 0, strlen("Dr. M" UE "ller kommt heute."), NULL);
	s = "Er zahlte 3.50 Euro. Gut.";
	T_EQ(run_long(3, DE, s), 1);
	T_EQ(run_long(4, DE, s), 0);
	s = LDQ "Ja!" LQ ", sagte er laut. Gut.";
	T_EQ(run_long(3, DE, s), 1);
	T_HIT(0, 0, at(s, "laut.", 0) + 5, NULL);
	s = "Die U.S. Army kam. Gut.";
	T_EQ(run_long(3, EN, s), 1);
	/* these do end one */
	s = "Es war im Jahr 2016. Danach kam er. Gut.";
	T_EQ(run_long(3, DE, s), 1);
	T_HIT(0, 0, strlen("Es war im Jahr 2016."), NULL);
	s = "Wirklich? Ja! Nein. So";
	T_EQ(run_long(1, DE, s), 0);
	/* a URL is one word, the text of a link counts */
	s = "Siehe https://example.org/a/b/c jetzt.";
	T_EQ(run_long(3, DE, s), 0);
	T_EQ(run_long(2, DE, s), 1);
}

/* A terms file in /tmp with text: its path (static). */
static const char *
tmpfile_with(const char *text)
{
	static char path[64];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "/tmp/evkit-terms-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		return NULL;
	fputs(text, fp);
	fclose(fp);
	return path;
}

static struct news_terms *
terms(const char *text, struct ev_err *err)
{
	const char *path = tmpfile_with(text);
	struct news_terms *tt;

	err->msg[0] = '\0';
	tt = path ? news_terms_load(path, err) : NULL;
	if (path != NULL)
		unlink(path);
	return tt;
}

/* err says FILE:LINE: and then want. */
static int
err_is(const struct ev_err *err, unsigned line, const char *want)
{
	char pre[32];
	const char *p = strstr(err->msg, ":");

	snprintf(pre, sizeof(pre), ":%u: ", line);
	return strncmp(err->msg, "/tmp/evkit-terms-", 17) == 0 && p != NULL &&
	    strncmp(p, pre, strlen(pre)) == 0 &&
	    strstr(p, want) != NULL;
}

static void
test_terms_load(void)
{
	struct ev_err err;
	struct news_terms *tt;

	tt = terms("# house terms\n\nEmail => E-Mail\n  eMail=>E-Mail  \r\n",
	    &err);
	T_OK(tt != NULL);
	news_terms_free(tt);
	tt = terms("", &err);
	T_OK(tt != NULL);
	news_terms_free(tt);
	news_terms_free(NULL);

	T_OK(terms("Email => E-Mail\nOB -> Oberb" UE "rgermeister\n", &err)
	    == NULL);
	T_OK(err_is(&err, 2, "expected \"wrong => right\""));
	T_OK(terms("a => b\n\n => E-Mail\n", &err) == NULL);
	T_OK(err_is(&err, 3, "nothing before"));
	T_OK(terms("Email =>\n", &err) == NULL);
	T_OK(err_is(&err, 1, "nothing after"));
	T_OK(terms("Email => E-Mail\nEmail => Mail\n", &err) == NULL);
	T_OK(err_is(&err, 2, "already on line 1"));
	T_OK(terms("E-Mail => E-Mail\n", &err) == NULL);
	T_OK(err_is(&err, 1, "itself"));
	T_OK(terms("Stra\xdf" "e => Strasse\n", &err) == NULL);
	T_OK(err_is(&err, 1, "invalid UTF-8"));

	err.msg[0] = '\0';
	T_OK(news_terms_load("/nonexistent/terms", &err) == NULL);
	T_OK(strncmp(err.msg, "/nonexistent/terms: ", 20) == 0);
}

/* Run the term rule with a terms file. */
static size_t
run_terms(const char *file, const char *s)
{
	struct ev_err err;
	struct news_terms *tt = terms(file, &err);
	struct news_lint *l = only("term", DE);

	T_OK(tt != NULL);
	news_lint_set_terms(l, tt);
	nhits = 0;
	news_lint_text(l, s, strlen(s), collect, NULL);
	news_lint_free(l);
	news_terms_free(tt);
	return nhits;
}

static void
test_term(void)
{
	const char *file = "Email => E-Mail\nz.B. => z. B.\n"
	    "Frankfurt a. M. => Frankfurt am Main\nMail => E-Mail\n";
	const char *s;

	s = "Schreiben Sie eine Email an uns";
	T_EQ(run_terms(file, s), 1);
	T_HIT(0, at(s, "Email", 0), 5, "E-Mail");
	T_EQ(hits[0].sev, NEWS_SEV_WARNING);
	s = "Das gilt z.B. hier";
	T_EQ(run_terms(file, s), 1);
	T_HIT(0, 9, 4, "z. B.");
	s = "in Frankfurt a.\nM. und Frankfurt a." NBSP "M.";
	T_EQ(run_terms(file, s), 2);
	T_HIT(0, 3, strlen("Frankfurt a.\nM."), "Frankfurt am Main");
	s = "per Mail und Email-Adresse";
	T_EQ(run_terms(file, s), 2);
	T_HIT(0, 4, 4, "E-Mail");
	T_HIT(1, at(s, "Email", 0), 5, "E-Mail");

	T_EQ(run_terms(file, "per E-Mail, Emails, EMail, email"), 0);
	T_EQ(run_terms(file, "Code `Email` und <a@Email.de>"), 0);
	/* without a terms file the rule has nothing to say */
	T_EQ(run1("term", DE, "Email"), 0);
}

/* A spell function that knows a few words, for the rule alone. */
static int
known(void *arg, const char *w, size_t n, struct ev_buf *hint)
{
	static const char *const words[] = { "die", "Stadt", "baut",
	    "Halle", "geht", "Vollzeit", "Lehrkraft", "Sprecher", "the",
	    "came", "today", "don't", "Yesterday", "und", NULL };
	size_t i;

	(*(int *)arg)++;
	for (i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return 1;
	ev_buf_adds(hint, "Stadt");
	return 0;
}

static size_t
run_spell(enum news_lang lang, const char *s, const char *file, int *asked)
{
	struct news_lint *l = only("spell", lang);
	struct news_terms *tt = NULL;
	struct ev_err err;

	*asked = 0;
	news_lint_set_spell(l, known, asked);
	if (file != NULL) {
		tt = terms(file, &err);
		news_lint_set_terms(l, tt);
	}
	nhits = 0;
	news_lint_text(l, s, strlen(s), collect, NULL);
	news_lint_free(l);
	news_terms_free(tt);
	return nhits;
}

static void
test_spell_rule(void)
{
	const char *s;
	int asked;

	s = "Die Stat baut";
	T_EQ(run_spell(DE, s, NULL, &asked), 2);	/* "Die": not "die" */
	T_HIT(1, 4, 4, NULL);
	T_OK(strstr(hits[1].msg, "Stadt") != NULL);
	T_EQ(run_spell(DE, "die St. Stadt, Dr. Stadt", NULL, &asked), 0);
	s = "die Stadt baut 2016 eine A4-Halle, LHH, x, #tag, @wer";
	T_EQ(run_spell(DE, s, NULL, &asked), 1);	/* "eine" */
	T_HIT(0, at(s, "eine", 0), 4, NULL);
	T_EQ(run_spell(DE, "die Vollzeit-Lehrkraft, LHH-Sprecher", NULL,
	    &asked), 0);
	T_EQ(run_spell(DE, "geht" RS "s, geht's", NULL, &asked), 0);
	T_EQ(run_spell(DE, "die `Stat` und https://example.org/Stat", NULL,
	    &asked), 0);
	/* a term's right side is a word of the house */
	T_EQ(run_spell(DE, "die Oberbuergermeisterin", "OB => "
	    "Oberbuergermeisterin\n", &asked), 0);
	/* English: a capital inside a sentence is a name; at the start,
	 * a word */
	s = "Yesterday Onay came. Onay came today.";
	T_EQ(run_spell(EN, s, NULL, &asked), 1);
	T_HIT(0, at(s, "Onay", 1), 4, NULL);
	T_EQ(run_spell(EN, "don't", NULL, &asked), 0);
	/* German capitalises nouns: a capital is checked anywhere */
	T_EQ(run_spell(DE, "die Stadt Onay", NULL, &asked), 1);
	/* no speller: the rule is off */
	T_EQ(run1("spell", DE, "Stat"), 0);
}

/* ---- article rules ---- */

static struct news_lint_part
part(const char *s, void *arg)
{
	struct news_lint_part p;

	p.s = s;
	p.n = s ? strlen(s) : 0;
	p.arg = arg;
	return p;
}

static size_t
run_article(const char *rule, enum news_lang lang,
    const struct news_lint_article *a)
{
	struct news_lint *l = only(rule, lang);
	int n;

	nhits = 0;
	n = news_lint_article(l, a, collect);
	news_lint_free(l);
	T_EQ(n, nhits);
	return nhits;
}

static int art_tag, img_tag, b0_tag, b1_tag;

static struct news_lint_article
article(const char *title, const char *lead, const char *image,
    const char *alt, const char *credit)
{
	struct news_lint_article a;

	a.title = part(title, NULL);
	a.lead = part(lead, NULL);
	a.image = part(image, &img_tag);
	a.alt = part(alt, NULL);
	a.credit = part(credit, NULL);
	a.blocks = NULL;
	a.nblocks = 0;
	a.arg = &art_tag;
	return a;
}

static void
test_missing(void)
{
	struct news_lint_article a;

	a = article("Titel", "Vorspann", "bild.jpg", "Ein Bild", "LHH");
	T_EQ(run_article("missing-title", DE, &a), 0);
	T_EQ(run_article("missing-lead", DE, &a), 0);
	T_EQ(run_article("missing-alt", DE, &a), 0);
	T_EQ(run_article("missing-credit", DE, &a), 0);
	a = article(NULL, " \n", "bild.jpg", "", NULL);
	T_EQ(run_article("missing-title", DE, &a), 1);
	T_HIT(0, 0, 0, NULL);
	T_OK(hits[0].arg == &art_tag);
	T_EQ(hits[0].sev, NEWS_SEV_ERROR);
	T_EQ(run_article("missing-lead", DE, &a), 1);
	T_OK(hits[0].arg == &art_tag);
	T_EQ(run_article("missing-alt", DE, &a), 1);
	T_HIT(0, 0, 8, NULL);
	T_OK(hits[0].arg == &img_tag);
	T_EQ(run_article("missing-credit", DE, &a), 1);
	T_OK(hits[0].arg == &img_tag);
	/* no image: no alt text or credit to miss */
	a = article("Titel", "Vorspann", NULL, NULL, NULL);
	T_EQ(run_article("missing-alt", DE, &a), 0);
	T_EQ(run_article("missing-credit", DE, &a), 0);
}

static size_t
run_times(enum news_lang lang, const char *b0, const char *b1)
{
	struct news_lint_article a = article("Titel", "Vorspann", NULL, NULL,
	    NULL);
	struct news_lint_part blocks[2];

	blocks[0] = part(b0, &b0_tag);
	blocks[1] = part(b1, &b1_tag);
	a.blocks = blocks;
	a.nblocks = 2;
	return run_article("time-style", lang, &a);
}

static void
test_time_style(void)
{
	const char *b0, *b1;

	b0 = "Beginn ist um 18 Uhr.";
	b1 = "Einlass ab 17:00 Uhr, Ende 20:30 Uhr.";
	T_EQ(run_times(DE, b0, b1), 1);
	T_HIT(0, at(b1, "17:00", 0), 5, "17");
	T_OK(hits[0].arg == &b1_tag);
	b0 = "Um 18.30 Uhr, 19:30 Uhr";
	b1 = "und 20.15" NBSP "Uhr.";
	T_EQ(run_times(DE, b0, b1), 1);
	T_HIT(0, at(b0, "19:30", 0), 5, "19.30");
	T_OK(hits[0].arg == &b0_tag);
	b0 = "Von 18:00 bis 20:00 Uhr";
	b1 = "und um 21 Uhr";
	T_EQ(run_times(DE, b0, b1), 1);
	T_HIT(0, at(b1, "21", 0), 2, "21:00");
	T_EQ(run_times(EN, "at 6 p.m. and 7:00 p.m.", "or 8pm"), 1);
	T_HIT(0, at("at 6 p.m. and 7:00 p.m.", "7:00", 0), 4, "7");

	/* Duden's style: full hours bare, minutes after a dot */
	T_EQ(run_times(DE, "18 Uhr, 18.30 Uhr", "18" "\xe2\x80\x93" "20 Uhr"),
	    0);
	T_EQ(run_times(DE, "Preis: 2.50 Euro, am 18.30", "Kapitel 18:30"), 0);
	T_EQ(run_times(DE, "um 18 Uhr", "Code `18:00 Uhr`"), 0);
	/* German "am" is no a.m. */
	T_EQ(run_times(DE, "um 18 Uhr", "um 18:00 am Markt"), 0);
}

/* All rules together: findings come sorted by offset. */
static void
test_sorted(void)
{
	struct news_lint *l = news_lint_new(DE);
	const char *s = "\"Die die Stadt ,  sagt\ter\xe2\x80\x8b M" "a\xcc\x88rz";
	size_t i;

	nhits = 0;
	T_OK(news_lint_text(l, s, strlen(s), collect, NULL) >= 4);
	for (i = 1; i < nhits; i++)
		T_OK(hits[i - 1].off <= hits[i].off);
	news_lint_free(l);
}

/* A long paragraph goes through in one piece. */
static void
test_big(void)
{
	struct news_lint *l = news_lint_new(DE);
	struct ev_buf b = { NULL, 0, 0 };
	int n;

	while (b.len < (1u << 20))
		ev_buf_adds(&b, LDQ "Die Stadt" LQ " baut (am 14. September) "
		    "eine Halle, z. B. f" UE "r 18 Uhr. ");
	news_lint_set_max_sentence(l, 30);
	nhits = 0;
	n = news_lint_text(l, b.p, b.len, collect, NULL);
	T_EQ(n, 0);
	ev_buf_free(&b);
	news_lint_free(l);
}

static void
run(void)
{
	test_table();
	test_examples();
	test_utf8();
	test_quote_unpaired();
	test_quote_mismatch();
	test_quote_straight();
	test_brackets();
	test_space_double();
	test_space_punct();
	test_word_repeat();
	test_invisible();
	test_nfd();
	test_date_weekday();
	test_sentence_long();
	test_terms_load();
	test_term();
	test_spell_rule();
	test_missing();
	test_time_style();
	test_sorted();
	test_big();
}
