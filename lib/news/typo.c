/*
 * typo.c - typography.  A stand-in until branch typo brings the real
 * pass: the text is copied as it is, so news-fmt builds and runs (as
 * with --no-typo).  Replaced whole by the merge of typo.
 */
#include "evkit.h"
#include "news.h"

int
news_typeset(const struct news_typo *t, const char *s, size_t n,
    struct ev_buf *out, news_report_fn *report, void *arg)
{
	(void)t, (void)report, (void)arg;
	ev_buf_add(out, s, n);
	return ev_utf8_valid(s, n) ? 0 : -1;
}
