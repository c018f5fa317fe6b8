/*
 * mdout.c - an article as CommonMark with YAML front matter, the form
 * Hugo and Jekyll take.  The form is canonical: the fields in the order
 * of enum news_field under their English keys, then the unknown keys;
 * one blank line between blocks; "- " lists, "* * *" rules, fenced code,
 * "## " headings (a heading of several lines underlined).
 * Read back, it gives the same article, so writing it again gives the
 * same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"
#include "news_priv.h"

/* The length of a character at s that YAML does not print (C1 controls,
 * U+FFFE, U+FFFF), its code point in *cp; 0 for any other. */
static size_t
unprintable(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 2 && u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f &&
	    u[1] != 0x85) {
		*cp = u[1];
		return 2;
	}
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbf && u[2] >= 0xbe) {
		*cp = 0xff00u | u[2] | 0x40u;
		return 3;
	}
	return 0;
}

/* Can s be a plain YAML scalar that reads back as the same string? */
static int
plain_ok(const char *s, size_t n)
{
	static const char *const words[] = { "true", "false", "null", "yes",
	    "no", "on", "off", "~" };

	/* a BOM at a line's start is no text to YAML */
	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != NULL ||
	    (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) ||
	    s[n - 1] == ' ' || s[n - 1] == ':' || strstr(s, ": ") != NULL ||
	    strstr(s, " #") != NULL || strchr(s, '\n') != NULL ||
	    strchr(s, '\t') != NULL)
		return 0;
	for (size_t i = 0; i < NELEM(words); i++)
		if (ev_strcaseeq(s, words[i]))
			return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned cp;

		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f ||
		    unprintable(s + i, n - i, &cp) > 0)
			return 0;
	}
	return 1;
}

/* A value on one line: the lines of a folded header value joined. */
static void
scalar(const struct news_text *x, struct ev_buf *b)
{
	char esc[8];
	size_t i;

	if (memchr(x->s, '\n', x->len) != NULL) {
		/* folded lines read back as one: decide on that; the
		 * blanks around a line end are one space then */
		struct news_text y = { .s = ev_estrndup(x->s, x->len) };

		for (i = 0; i < x->len; i++) {
			if (x->s[i] != '\n') {
				y.s[y.len++] = x->s[i];
				continue;
			}
			while (y.len > 0 && (y.s[y.len - 1] == ' ' ||
			    y.s[y.len - 1] == '\t'))
				y.len--;
			y.s[y.len++] = ' ';
			while (i + 1 < x->len && (x->s[i + 1] == ' ' ||
			    x->s[i + 1] == '\t'))
				i++;
		}
		y.s[y.len] = '\0';
		scalar(&y, b);
		free(y.s);
		return;
	}
	if (plain_ok(x->s, x->len)) {
		ev_buf_add(b, x->s, x->len);
		return;
	}
	ev_buf_addc(b, '"');
	for (i = 0; i < x->len; i++) {
		unsigned char c = (unsigned char)x->s[i];
		unsigned cp;
		size_t k = unprintable(x->s + i, x->len - i, &cp);

		if (k > 0) {
			snprintf(esc, sizeof(esc), "\\u%04x", cp);
			ev_buf_adds(b, esc);
			i += k - 1;
		} else if (c == '"' || c == '\\') {
			ev_buf_addc(b, '\\');
			ev_buf_addc(b, c);
		} else if (c == '\n') {
			ev_buf_addc(b, ' ');
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof(esc), "\\x%02x", c);
			ev_buf_adds(b, esc);
		} else
			ev_buf_addc(b, c);
	}
	ev_buf_addc(b, '"');
}

static void
list(const char *key, const struct news_text *x, size_t n, size_t stride,
    struct ev_buf *b)
{
	if (n == 0)
		return;
	ev_buf_printf(b, "%s:\n", key);
	for (size_t i = 0; i < n; i++) {
		ev_buf_adds(b, "  - ");
		scalar((const struct news_text *)((const char *)x + i * stride),
		    b);
		ev_buf_addc(b, '\n');
	}
}

/* An unknown key's YAML as written: a flow collection on one line
 * stays there, anything else is a block on the lines below (a mapping
 * "k: v" after the key would be no YAML). */
static void
raw_yaml(const struct news_extra *x, struct ev_buf *b)
{
	const char *s = x->value.s;

	if (strchr(s, '\n') == NULL && (s[0] == '[' || s[0] == '{')) {
		ev_buf_printf(b, "%s: %s\n", x->key, s);
		return;
	}
	ev_buf_printf(b, "%s:\n", x->key);
	for (unsigned long c = 1; c < x->value.seg[0].pos.col; c++)
		ev_buf_addc(b, ' ');
	ev_buf_printf(b, "%s\n", s);
}

static void
front_matter(const struct news_article *a, struct ev_buf *b)
{
	ev_buf_adds(b, "---\n");
	for (int f = 0; f < NEWS_F_COUNT; f++) {
		if (f == NEWS_F_RELATED && a->nrelated > 0)
			list("related", &a->related[0].text, a->nrelated,
			    sizeof(*a->related), b);
		if (f == NEWS_F_TAGS && a->ntags > 0)
			list("tags", a->tags, a->ntags, sizeof(*a->tags), b);
		if (a->field[f].s == NULL)
			continue;
		ev_buf_printf(b, "%s: ", news_field_name(f));
		scalar(&a->field[f], b);
		ev_buf_addc(b, '\n');
	}
	for (size_t i = 0; i < a->nextra; i++) {
		const struct news_extra *x = &a->extra[i];

		if (x->yaml && x->value.nseg > 0) {
			raw_yaml(x, b);
			continue;
		}
		if (plain_ok(x->key, strlen(x->key)))
			ev_buf_adds(b, x->key);
		else {
			struct news_text k = { .s = x->key, .len = strlen(x->key) };

			scalar(&k, b);
		}
		ev_buf_adds(b, ": ");
		scalar(&x->value, b);
		ev_buf_addc(b, '\n');
	}
	ev_buf_adds(b, "---\n");
}

/*
 * A later line of a paragraph that could start a block of its own at
 * the start of a line -- a fence, a heading, a quote, a list item, a
 * rule or an underline, HTML: it came indented or as a lazy line.  It
 * goes out indented by four, which keeps it in the paragraph; the
 * reader takes the blanks off again.
 */
static int
may_start_block(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (i >= n)
		return 0;
	if (strchr("#`~>-*+_=<", s[i]) != NULL)
		return 1;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i < n && (s[i] == '.' || s[i] == ')');
}

/* "%%%" and blanks: at the margin it would end the article. */
static int
separator(const char *s, size_t n)
{
	if (n < 3 || memcmp(s, "%%%", 3) != 0)
		return 0;
	for (size_t i = 3; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* Each line of s after prefix (the first after first). */
static void
lines(const char *s, const char *first, const char *prefix, struct ev_buf *b)
{
	const char *p = first;

	for (int later = 0;; later = 1) {
		size_t n = strcspn(s, "\n");

		ev_buf_adds(b, n == 0 && p[0] == '>' ? ">" : p);
		if (later && may_start_block(s, n))
			ev_buf_adds(b, "    ");
		else if (separator(s, n))
			ev_buf_addc(b, '\\');	/* "\\%%%": text, no new article */
		ev_buf_add(b, s, n);
		ev_buf_addc(b, '\n');
		if (s[n] == '\0')
			break;
		s += n + 1;
		p = prefix;
	}
}

/* The longest run of c at a line's start in s, plus one, at least
 * three: a fence that no line of the code closes. */
static int
fence_len(const char *s, int c)
{
	int best = 3;
	char set[2] = { (char)c, '\0' };

	for (const char *l = s; l != NULL && *l != '\0';) {
		int n = (int)strspn(l + strspn(l, " "), set);

		if (n >= best)
			best = n + 1;
		l = strchr(l, '\n');
		l = l ? l + 1 : NULL;
	}
	return best;
}

/* Fenced with '`', or with '~' when the info string holds a '`' (no
 * '`' fence may have one).  cmark reads the info string's entities,
 * then its backslash escapes, so a backslash is doubled and '&' is
 * written "&amp;"; and the info string is set off by a blank when it
 * starts with the fence's character, which would lengthen the fence. */
static void
code(const struct news_block *k, struct ev_buf *b)
{
	const char *info = k->info ? k->info : "";
	int c = strchr(info, '`') != NULL ? '~' : '`';
	int n = fence_len(k->text.s, c);

	for (int i = 0; i < n; i++)
		ev_buf_addc(b, c);
	if (*info == c)
		ev_buf_addc(b, ' ');
	for (const char *p = info; *p != '\0'; p++) {
		if (*p == '&')
			ev_buf_adds(b, "&amp;");
		else if (*p == '\\')
			ev_buf_adds(b, "\\\\");
		else
			ev_buf_addc(b, *p);
	}
	ev_buf_printf(b, "\n%s", k->text.s);
	if (k->text.len > 0 && k->text.s[k->text.len - 1] != '\n')
		ev_buf_addc(b, '\n');
	for (int i = 0; i < n; i++)
		ev_buf_addc(b, c);
	ev_buf_addc(b, '\n');
}

/*
 * The list markup of the items as written.  The body's blocks are flat:
 * an item's paragraph after a nested list, a quote or code of an item
 * cannot go back into its item, so it goes out as it reads back -- an
 * item after blocks of no list of its type starts a list, and so does
 * a paragraph of an item after a block of no list, as an item of its
 * own (as a paragraph it could read as a quote's attribution, or the
 * lead).  Two lists in a
 * row would be one: the second takes the other bullet, '*' for '-', or
 * the other delimiter, ')' for '.'.
 */
struct lists {
	int	 bullet;	/* '-' or '*', for '.' or ')' */
	size_t	 width;		/* of the last item's marker */
	int	 in;		/* the block before went out in a list */
	long	 number;	/* the last item's, as it reads back */
};

/* Does k go out as an item of its own (else it goes on an item)? */
static int
own_item(const struct lists *ls, const struct news_block *k)
{
	return k->item || !ls->in;
}

/* Does item k start a list as written, after block p? */
static int
starts_list(const struct lists *ls, const struct news_block *p,
    const struct news_block *k)
{
	return own_item(ls, k) && (k->first || !ls->in ||
	    p->ordered != k->ordered);
}

/* Would "c " and the first line of s be a thematic break ("- --")? */
static int
rule_after(int c, const char *s)
{
	int n = 1;

	for (; *s != '\0' && *s != '\n'; s++) {
		if (*s == c)
			n++;
		else if (*s != ' ' && *s != '\t')
			return 0;
	}
	return n >= 3;
}

static void
item(const struct news_block *p, const struct news_block *k,
    struct lists *ls, struct ev_buf *b)
{
	char first[32], indent[32];
	int own = own_item(ls, k);

	if (starts_list(ls, p, k)) {
		ls->bullet = ls->in && p->ordered == k->ordered &&
		    ls->bullet == '-' ? '*' : '-';
		ls->number = k->number - 1;
	}
	if (own) {
		/* only a list's first number counts: the rest count on */
		if (k->ordered)
			snprintf(first, sizeof(first), "%ld%c ", ++ls->number,
			    ls->bullet == '-' ? '.' : ')');
		else
			snprintf(first, sizeof(first), "%c ", ls->bullet);
		ls->width = strlen(first);
	}
	memset(indent, ' ', ls->width);
	indent[ls->width] = '\0';
	if (own && !k->ordered && rule_after(ls->bullet, k->text.s)) {
		ev_buf_adds(b, first);
		ev_buf_addc(b, '\\');	/* "- \--": no rule "- --" */
		lines(k->text.s, "", indent, b);
		return;
	}
	lines(k->text.s, own ? first : indent, indent, b);
}

/* An HTML block as it is, but that a line "%%%" of it (it came from
 * inside a quote or an item) takes a blank, so it ends no article, and
 * that its first line starts at the margin: indented, after a list, it
 * would go into the list's last item. */
static void
html(const struct news_text *x, struct ev_buf *b)
{
	for (const char *s = x->s + strspn(x->s, " \t"); *s != '\0';) {
		size_t n = strcspn(s, "\n");

		if (separator(s, n))
			ev_buf_addc(b, ' ');
		ev_buf_add(b, s, n);
		ev_buf_addc(b, '\n');
		s += n + (s[n] == '\n');
	}
	if (x->len == 0)
		ev_buf_addc(b, '\n');
}

/* Would the end of a heading's text read as its closing "#"s? */
static int
closes(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && s[i - 1] == '#')
		i--;
	return i < n && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' ||
	    s[i - 1] == '\n');
}

static void
block(const struct news_block *p, const struct news_block *k,
    struct lists *ls, struct ev_buf *b)
{
	char hashes[8];

	switch (k->kind) {
	case NEWS_B_PARA: lines(k->text.s, "", "", b); break;
	case NEWS_B_SUBHEAD:
		if (memchr(k->text.s, '\n', k->text.len) != NULL &&
		    k->level <= 2) {
			/* a setext heading's lines stay lines: joined, they
			 * would read and typeset otherwise */
			lines(k->text.s, "", "", b);
			ev_buf_adds(b, k->level == 1 ? "===\n" : "---\n");
			break;
		}
		memset(hashes, '#', (size_t)k->level);
		hashes[k->level] = ' ';
		hashes[k->level + 1] = '\0';
		ev_buf_adds(b, hashes);
		ev_buf_adds(b, k->text.s);
		if (closes(k->text.s, k->text.len))
			ev_buf_adds(b, " #");	/* "## a #": the text "a #" */
		ev_buf_addc(b, '\n');
		break;
	case NEWS_B_QUOTE: lines(k->text.s, "> ", "> ", b); break;
	case NEWS_B_ATTRIB: lines(k->text.s, "> — ", "> ", b); break;
	case NEWS_B_ITEM: item(p, k, ls, b); break;
	case NEWS_B_CODE: code(k, b); break;
	case NEWS_B_HTML: html(&k->text, b); break;
	case NEWS_B_RULE: ev_buf_adds(b, "* * *\n"); break;
	}
}

/* What goes between block k and the one before it. */
static const char *
between(const struct lists *ls, const struct news_block *prev,
    const struct news_block *k)
{
	if (k->kind == NEWS_B_ATTRIB && prev->kind == NEWS_B_QUOTE)
		return ">\n";
	if (k->kind == NEWS_B_QUOTE && prev->kind == NEWS_B_QUOTE && !k->first)
		return ">\n";
	if (k->kind == NEWS_B_ITEM && own_item(ls, k) &&
	    !starts_list(ls, prev, k))
		return "";
	return "\n";
}

void
news_md_write(const struct news_article *a, const struct news_wopts *w,
    struct ev_buf *b)
{
	struct lists ls = { '-', 2, 0, 0 };

	(void)w;
	front_matter(a, b);
	for (size_t i = 0; i < a->nblock; i++) {
		const struct news_block *k = &a->block[i];
		const struct news_block *p = i > 0 ? &a->block[i - 1] : NULL;

		ev_buf_adds(b, p == NULL ? "\n" : between(&ls, p, k));
		block(p, k, &ls, b);
		ls.in = k->kind == NEWS_B_ITEM;
	}
}
