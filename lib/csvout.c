/* csvout.c - the CSV and TSV writers: the field columns, then the
 * CSV-only columns of the events noted (RFC 4180; TSV with backslash
 * escapes). */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

/* The extra columns, from the events noted or the first one. */
struct csvout {
	char	**extra;
	size_t	 nextra;
};

static struct csvout *
csvout(const struct ev_writer *w)
{
	return w->st;
}

void
ev_csv_quote(const char *s, size_t n, int delim, struct ev_buf *out)
{
	const char *e = s + n;
	int q = n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t');
	char *o;

	/* memchr is vectorised: four passes beat one loop over the bytes,
	 * even over short fields */
	q = q || memchr(s, '"', n) || memchr(s, '\n', n) ||
	    memchr(s, delim, n) || memchr(s, '\r', n);
	if (!q) {
		ev_buf_add(out, s, n);
		return;
	}
	/* at most every byte a quote, doubled, and the two around (n is
	 * the length of a string in memory: 2n does not wrap) */
	ev_buf_reserve(out, 2 * n + 2);
	o = out->p + out->len;
	*o++ = '"';
	while (s < e) {
		const char *dq = memchr(s, '"', (size_t)(e - s));
		size_t k = dq ? (size_t)(dq - s + 1) : (size_t)(e - s);

		memcpy(o, s, k);
		o += k;
		if (dq)
			*o++ = '"';
		s += k;
	}
	*o++ = '"';
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
}

static void
tsv_escape(const char *s, size_t n, struct ev_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\': ev_buf_adds(out, "\\\\"); break;
		case '\t': ev_buf_adds(out, "\\t"); break;
		case '\n': ev_buf_adds(out, "\\n"); break;
		case '\r': ev_buf_adds(out, "\\r"); break;
		default: ev_buf_addc(out, s[i]); break;
		}
	}
}

/* One field of a row, with the separator before all but the first. */
static void
put_field(struct ev_writer *w, int first, const char *s, size_t n)
{
	int delim = w->o.delim ? w->o.delim : ',';

	if (w->fmt == EV_FMT_TSV) {
		if (!first)
			ev_buf_addc(&w->buf, '\t');
		tsv_escape(s, n, &w->buf);
	} else {
		if (!first)
			ev_buf_addc(&w->buf, delim);
		ev_csv_quote(s, n, delim, &w->buf);
	}
}

static void
end_row(struct ev_writer *w)
{
	ev_buf_adds(&w->buf, w->fmt == EV_FMT_TSV ? "\n" : "\r\n");
}

/* The extra columns: the CSV-only columns of the events noted before
 * the first write (every event, when they were collected), else of the
 * first event. */
static void
collect_extra(struct ev_writer *w, struct ev_event *ev)
{
	for (size_t i = 0; i < ev->nprops; i++) {
		const char *name = EV_PNAME(ev, i);
		size_t j;

		if (!(ev->props[i].flags & EV_PROP_CSVCOL) ||
		    ev->props[i].depth != 0)
			continue;
		for (j = 0; j < csvout(w)->nextra; j++)
			if (strcmp(csvout(w)->extra[j], name) == 0)
				break;
		if (j < csvout(w)->nextra)
			continue;
		csvout(w)->extra = ev_ereallocarray(csvout(w)->extra, csvout(w)->nextra + 1,
		    sizeof(csvout(w)->extra[0]));
		csvout(w)->extra[csvout(w)->nextra++] = ev_estrdup(name);
	}
}

static void
header_row(struct ev_writer *w)
{
	const char *s;

	for (int f = 0; f < EV_F_COUNT; f++) {
		s = ev_field_name((enum ev_field)f);
		put_field(w, f == 0, s, strlen(s));
	}
	for (size_t j = 0; j < csvout(w)->nextra; j++)
		put_field(w, 0, csvout(w)->extra[j], strlen(csvout(w)->extra[j]));
	end_row(w);
}

static const char *
csvcol_value(const struct ev_event *ev, const char *name)
{
	for (size_t i = 0; i < ev->nprops; i++)
		if ((ev->props[i].flags & EV_PROP_CSVCOL) &&
		    ev->props[i].depth == 0 &&
		    strcmp(EV_PNAME(ev, i), name) == 0)
			return EV_PVALUE(ev, i);
	return "";
}

static int
write_csv(struct ev_writer *w, struct ev_event *ev)
{
	struct ev_buf *fb = &w->field;
	const char *s;

	ev_buf_clear(&w->buf);
	if (!w->started) {
		collect_extra(w, ev);
		header_row(w);
		w->started = 1;
	}
	for (int f = 0; f < EV_F_COUNT; f++) {
		ev_buf_clear(fb);
		ev_fmt_field(w->ctx, ev, (enum ev_field)f, fb);
		put_field(w, f == 0, fb->p ? fb->p : "", fb->len);
	}
	for (size_t j = 0; j < csvout(w)->nextra; j++) {
		s = csvcol_value(ev, csvout(w)->extra[j]);
		put_field(w, 0, s, strlen(s));
	}
	end_row(w);
	if (fwrite(w->buf.p, 1, w->buf.len, w->fp) != w->buf.len)
		return -1;
	return ferror(w->fp) ? -1 : 0;
}

/* With no event at all the output is still a CSV file: its header. */
static int
finish(struct ev_writer *w)
{
	if (w->started)
		return 0;
	ev_buf_clear(&w->buf);
	header_row(w);
	w->started = 1;
	if (fwrite(w->buf.p, 1, w->buf.len, w->fp) != w->buf.len)
		return -1;
	return ferror(w->fp) ? -1 : 0;
}

static int
begin(struct ev_writer *w)
{
	w->st = ev_ecalloc(1, sizeof(struct csvout));
	return 0;
}

static void
fini(struct ev_writer *w)
{
	struct csvout *c = csvout(w);

	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nextra; i++)
		free(c->extra[i]);
	free(c->extra);
	free(c);
}

const struct ev_wfmt ev_wfmt_csv = {
	EV_FMT_CSV, begin, collect_extra, write_csv, finish, fini
};

const struct ev_wfmt ev_wfmt_tsv = {
	EV_FMT_TSV, begin, collect_extra, write_csv, finish, fini
};
