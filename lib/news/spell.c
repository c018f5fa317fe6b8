/*
 * spell.c - spelling through hunspell (--spell, --dict FILE).
 *
 * Apart from lint.c so that only what spells links libhunspell: the
 * lint's spell rule asks a news_spell_fn, and the caller hands it
 * news_spell_check with a speller from here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell.h>

#include "evkit.h"
#include "news.h"

#define DICDIR	"/usr/share/hunspell"

struct news_spell {
	Hunhandle *h;
	struct ev_buf word;		/* the word asked, NUL-terminated */
};

static const char *
dict_name(enum news_lang lang)
{
	switch (lang) {
	case NEWS_LANG_DE_CH:	return "de_CH";
	case NEWS_LANG_EN:	return "en_US";
	default:		return "de_DE";
	}
}

struct news_spell *
news_spell_open(enum news_lang lang, const char *dir, struct ev_err *err)
{
	struct news_spell *sp;
	struct ev_buf aff = { NULL, 0, 0 }, dic = { NULL, 0, 0 };

	if (dir == NULL)
		dir = DICDIR;
	ev_buf_printf(&aff, "%s/%s.aff", dir, dict_name(lang));
	ev_buf_printf(&dic, "%s/%s.dic", dir, dict_name(lang));
	sp = NULL;
	/* hunspell says nothing of a missing file: it just knows no word */
	if (access(aff.p, R_OK) != 0)
		ev_err_set(err, aff.p, 0, "%s", strerror(errno));
	else if (access(dic.p, R_OK) != 0)
		ev_err_set(err, dic.p, 0, "%s", strerror(errno));
	else {
		sp = ev_ecalloc(1, sizeof(*sp));
		sp->h = Hunspell_create(aff.p, dic.p);
	}
	ev_buf_free(&aff);
	ev_buf_free(&dic);
	return sp;
}

void
news_spell_free(struct news_spell *sp)
{
	if (sp == NULL)
		return;
	Hunspell_destroy(sp->h);
	ev_buf_free(&sp->word);
	free(sp);
}

/* One line of a --dict file: 0, or -1 with a message. */
static int
dict_line(struct news_spell *sp, char *s, const char *path,
    unsigned long lineno, struct ev_err *err)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	if (*s == '\0' || *s == '#')
		return 0;
	if (!ev_utf8_valid(s, strlen(s))) {
		ev_err_set(err, path, lineno, "invalid UTF-8");
		return -1;
	}
	if (strpbrk(s, " \t") != NULL) {
		ev_err_set(err, path, lineno, "one word a line: \"%s\"", s);
		return -1;
	}
	Hunspell_add(sp->h, s);
	return 0;
}

int
news_spell_dict(struct news_spell *sp, const char *path, struct ev_err *err)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0;
	int rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		ev_err_set(err, path, 0, "%s", strerror(errno));
		return -1;
	}
	while (rc == 0 && getline(&line, &cap, fp) != -1)
		rc = dict_line(sp, line, path, ++lineno, err);
	if (rc == 0 && ferror(fp)) {
		ev_err_set(err, path, 0, "%s", strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(fp);
	return rc;
}

/* The first suggestion for an unknown word: hunspell's search is the
 * slow part, and only unknown words pay for it. */
int
news_spell_check(void *arg, const char *w, size_t n, struct ev_buf *hint)
{
	struct news_spell *sp = arg;
	char **list;
	int k;

	ev_buf_clear(&sp->word);
	ev_buf_add(&sp->word, w, n);
	if (Hunspell_spell(sp->h, sp->word.p))
		return 1;
	k = Hunspell_suggest(sp->h, &list, sp->word.p);
	if (k > 0 && hint != NULL)
		ev_buf_adds(hint, list[0]);
	if (k > 0)
		Hunspell_free_list(sp->h, &list, k);
	return 0;
}
