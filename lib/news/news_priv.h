/*
 * news_priv.h - what the files of lib/news/ share and callers need not
 * see: building texts piece by piece, the readers' parts.
 */
#ifndef NEWS_PRIV_H
#define NEWS_PRIV_H

#include <stddef.h>

#include "evkit.h"
#include "news.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* article.c: texts and arrays that grow */
void	 news_text_add(struct news_text *, const char *, size_t,
	    const struct news_pos *);
void	 news_text_addc(struct news_text *, int c);
void	 news_text_free(struct news_text *);
/* Make room for one more element of size sz in *p, which holds n. */
void	*news_grow(void *p, size_t n, size_t sz);
void	 news_diag_add(struct news_article *, enum news_severity,
	    const struct news_pos *, const char *fmt, ...) EV_PRINTFLIKE(4, 5);
/* Characters (UTF-8 lead bytes) in s[0..n). */
size_t	 news_chars(const char *s, size_t n);

/*
 * The lines of an article's source, for the readers: src is the whole
 * file, line l (from 1) starts at byte ls[l - first] ... Every reader
 * speaks of positions through it.
 */
struct news_src {
	const char *name;	/* for messages */
	const char *p;		/* the whole file */
	size_t	 start, end;	/* the article: p[start, end) */
	unsigned long first;	/* the line at start */
	size_t	*ls;		/* nlines + 1 line starts (the last: end) */
	size_t	 nlines;
};
/* The position of byte b of the file (start <= b <= end). */
void	 news_src_pos(const struct news_src *, size_t b, struct news_pos *);
/* Line l's bytes without "\n" or "\r\n": [*b, *e). */
void	 news_src_line(const struct news_src *, unsigned long l, size_t *b,
	    size_t *e);

/* header.c: "Key: value" lines; yaml.c: front matter.  Both fill the
 * fields of a from the source's bytes [b, e) and warn in a->diag; 0, or
 * -1 with a message in err (the article is skipped). */
int	 news_header_read(struct news_article *, const struct news_src *,
	    size_t b, size_t e, struct ev_err *);
int	 news_yaml_read(struct news_article *, const struct news_src *,
	    size_t b, size_t e, struct ev_err *);
/* Is p[b, e) a line "Key: value"?  The key is p[b, *ke), the value
 * starts at *vb. */
int	 news_header_line(const char *p, size_t b, size_t e, size_t *ke,
	    size_t *vb);
/* Set a header field by its key as written (both readers): the field,
 * a Related entry, tags (split at commas unless item: one item of a YAML
 * sequence), or an extra.  Takes the value over (*value is emptied). */
void	 news_header_set(struct news_article *, const char *key,
	    const struct news_pos *keypos, struct news_text *value, int item);
/* t = s[b, e) of the text v, with the map of those bytes. */
void	 news_text_sub(const struct news_text *v, size_t b, size_t e,
	    struct news_text *t);
/* A Related value "Text <url>": set tlen, uoff, ulen of l from l->text. */
void	 news_link_split(struct news_link *);

/* body.c: the Markdown body in [b, e) of the source as blocks */
void	 news_body_read(struct news_article *, const struct news_src *,
	    size_t b, size_t e);
/* Is line l (from 1) of the Markdown p[0, n) in a fenced code block? */
int	 news_body_fenced(const char *p, size_t n, int l);
/* shape.c: what an article adds to Markdown: attributions, related
 * links, the headline as a first "# Heading" */
void	 news_body_shape(struct news_article *);

/* out.c: the writers, and inline Markdown s[0..n) as plain text */
void	 news_text_write(const struct news_article *,
	    const struct news_wopts *, struct ev_buf *);
void	 news_md_write(const struct news_article *,
	    const struct news_wopts *, struct ev_buf *);
void	 news_html_write(const struct news_article *,
	    const struct news_wopts *, struct ev_buf *);
/* jsonout.c: -o json, -o jsonld */
void	 news_json_write(const struct news_article *,
	    const struct news_wopts *, struct ev_buf *);
void	 news_jsonld_write(const struct news_article *,
	    const struct news_wopts *, struct ev_buf *);
void	 news_plain(const char *s, size_t n, struct ev_buf *out);
/* The same with the spaces of code spans as NEWS_GLUE, which the text
 * writer never breaks at and prints as spaces. */
#define NEWS_GLUE	'\x1f'
void	 news_plain_glued(const char *s, size_t n, struct ev_buf *out);

/* lang.c: w[0..n) (the word before a '.') is a listed abbreviation */
int	 news_abbrev_word(const char *w, size_t n);

#endif
