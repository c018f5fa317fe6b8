/*
 * Unit tests: news/spell.c, hunspell with Debian's de_DE, de_CH and
 * en_US dictionaries (tests/deps.sh installs them for make check), and
 * the spell rule of the lint with it.  A tiny --dict file stands for
 * the house's words.  Nothing depends on the locale.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "news.h"
#include "t.h"

#define UE	"\xc3\xbc"	/* ü */
#define SZ	"\xc3\x9f"	/* ß */

static struct {
	size_t	 off, len;
	char	 msg[256];
} hits[16];
static size_t nhits;

static void
collect(void *arg, const struct news_finding *f)
{
	(void)arg;
	if (nhits == sizeof(hits) / sizeof(hits[0]))
		return;
	hits[nhits].off = f->off;
	hits[nhits].len = f->len;
	snprintf(hits[nhits].msg, sizeof(hits[nhits].msg), "%s", f->msg);
	T_STREQ(f->rule, "spell");
	T_OK(f->fix == NULL);		/* a guess is never a safe fix */
	nhits++;
}

/* A file in /tmp with text: its path (static), removed by the caller. */
static const char *
tmpfile_with(const char *text)
{
	static char path[64];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "/tmp/evkit-dict-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		return NULL;
	fputs(text, fp);
	fclose(fp);
	return path;
}

static struct news_spell *
speller(enum news_lang lang, const char *dict)
{
	struct ev_err err;
	struct news_spell *sp = news_spell_open(lang, NULL, &err);
	const char *path;

	T_OK(sp != NULL);
	if (sp == NULL) {
		fprintf(stderr, "%s\n", err.msg);
		return NULL;
	}
	if (dict != NULL && (path = tmpfile_with(dict)) != NULL) {
		T_EQ(news_spell_dict(sp, path, &err), 0);
		unlink(path);
	}
	return sp;
}

/* The spell rule alone over s: the number of findings. */
static size_t
spell(enum news_lang lang, const char *dict, const char *s)
{
	struct news_spell *sp = speller(lang, dict);
	struct news_lint *l = news_lint_new(lang);

	nhits = 0;
	if (sp == NULL)
		return (size_t)-1;
	news_lint_enable(l, "all", 0);
	news_lint_enable(l, "spell", 1);
	news_lint_set_spell(l, news_spell_check, sp);
	news_lint_text(l, s, strlen(s), collect, NULL);
	news_lint_free(l);
	news_spell_free(sp);
	return nhits;
}

static void
test_check(void)
{
	struct news_spell *sp = speller(NEWS_LANG_DE, NULL);
	struct ev_buf hint = { NULL, 0, 0 };
	const char *w = "Oberb" UE "rgermeiser";

	if (sp == NULL)
		return;
	T_EQ(news_spell_check(sp, "Stadt", 5, &hint), 1);
	T_EQ(hint.len, 0);
	T_EQ(news_spell_check(sp, "Stadtxyz", 5, &hint), 1);	/* n counts */
	T_EQ(news_spell_check(sp, w, strlen(w), &hint), 0);
	T_OK(hint.len > 0);
	T_EQ(news_spell_check(sp, w, strlen(w), NULL), 0);
	ev_buf_free(&hint);
	news_spell_free(sp);
	news_spell_free(NULL);
}

static void
test_german(void)
{
	const char *s;

	s = "Der Oberb" UE "rgermeiser kommt.";
	T_EQ(spell(NEWS_LANG_DE, NULL, s), 1);
	T_EQ(hits[0].off, 4);
	T_EQ(hits[0].len, strlen("Oberb" UE "rgermeiser"));
	T_OK(strstr(hits[0].msg, "unknown word") != NULL);
	T_EQ(spell(NEWS_LANG_DE, NULL, "Die Vollzeit-Lehrkraft geht" "\xe2\x80"
	    "\x99" "s an, die Stra" SZ "e der LHH auch."), 0);
	/* names: German capitalises nouns, so a name is checked, and the
	 * house's --dict makes it known */
	s = "Belit Onay kommt morgen.";
	T_EQ(spell(NEWS_LANG_DE, NULL, s), 2);
	T_EQ(hits[1].off, 6);
	T_EQ(spell(NEWS_LANG_DE, "# Namen\n\nBelit\n  Onay \n", s), 0);
	/* protected spans are never checked */
	T_EQ(spell(NEWS_LANG_DE, NULL, "Der `Oberb" UE "rgermeiser` und "
	    "https://example.org/Onay kommen."), 0);
	/* Swiss German writes ss */
	T_EQ(spell(NEWS_LANG_DE_CH, NULL, "Die Strasse ist breit."), 0);
	T_EQ(spell(NEWS_LANG_DE_CH, NULL, "Die Stra" SZ "e ist breit."), 1);
}

static void
test_english(void)
{
	T_EQ(spell(NEWS_LANG_EN, NULL, "Yesterday Belit Onay came."), 0);
	T_EQ(spell(NEWS_LANG_EN, NULL, "The mayor recieved it, didn't he?"), 1);
	T_EQ(hits[0].off, 10);
	T_EQ(spell(NEWS_LANG_EN, NULL, "Onay came."), 1);	/* a start */
	T_EQ(spell(NEWS_LANG_EN, "Onay\n", "Onay came."), 0);
}

static void
test_errors(void)
{
	struct ev_err err;
	struct news_spell *sp;
	const char *path;

	T_OK(news_spell_open(NEWS_LANG_DE, "/nonexistent", &err) == NULL);
	T_OK(strncmp(err.msg, "/nonexistent/de_DE.aff: ", 24) == 0);
	T_OK(news_spell_open(NEWS_LANG_EN, "/nonexistent", &err) == NULL);
	T_OK(strncmp(err.msg, "/nonexistent/en_US.aff: ", 24) == 0);
	if ((sp = speller(NEWS_LANG_DE, NULL)) == NULL)
		return;
	T_EQ(news_spell_dict(sp, "/nonexistent/dict", &err), -1);
	T_OK(strncmp(err.msg, "/nonexistent/dict: ", 19) == 0);
	path = tmpfile_with("Onay\nBelit Onay\n");
	T_EQ(news_spell_dict(sp, path, &err), -1);
	T_OK(strstr(err.msg, ":2: one word a line") != NULL);
	unlink(path);
	path = tmpfile_with("Stra\xdf" "e\n");
	T_EQ(news_spell_dict(sp, path, &err), -1);
	T_OK(strstr(err.msg, ":1: invalid UTF-8") != NULL);
	unlink(path);
	news_spell_free(sp);
}

static void
run(void)
{
	test_check();
	test_german();
	test_english();
	test_errors();
}
