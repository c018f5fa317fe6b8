/*
 * write.c - the writer: one table of output formats, each a row of
 * {begin, note, write, finish, free} implemented in its own file
 * (icsout.c, csvout.c, jsonout.c, tmplout.c, textout.c).  A new format
 * is one file and one row here.
 */
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

static const struct ev_wfmt *const formats[] = {
	&ev_wfmt_text,
	&ev_wfmt_ics,
	&ev_wfmt_csv,
	&ev_wfmt_tsv,
	&ev_wfmt_json,
	&ev_wfmt_template,
};

static const struct ev_wfmt *
format(enum ev_format fmt)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i]->fmt == fmt)
			return formats[i];
	return &ev_wfmt_text;	/* EV_FMT_AUTO and EV_FMT_TEXT */
}

struct ev_writer *
ev_writer_new(struct ev_ctx *ctx, FILE *fp, enum ev_format fmt,
    const struct ev_wopts *o)
{
	struct ev_writer *w = ev_ecalloc(1, sizeof(*w));

	w->ctx = ctx;
	w->fp = fp;
	w->f = format(fmt);
	w->fmt = w->f->fmt;
	if (o != NULL)
		w->o = *o;
	if (w->f->begin != NULL)
		w->f->begin(w);
	return w;
}

int
ev_writer_flush(struct ev_writer *w)
{
	if (w->buf.len > 0 && fwrite(w->buf.p, 1, w->buf.len, w->fp) != w->buf.len)
		return -1;
	ev_buf_clear(&w->buf);
	return ferror(w->fp) ? -1 : 0;
}

int
ev_write(struct ev_writer *w, struct ev_event *ev)
{
	int rc = w->f->write(w, ev);

	w->n++;
	return rc;
}

void
ev_writer_note(struct ev_writer *w, struct ev_event *ev)
{
	if (!w->started && w->f->note != NULL)
		w->f->note(w, ev);
}

void
ev_writer_clip(struct ev_writer *w, int64_t from)
{
	w->clip = 1;
	w->clip_from = from;
}

int
ev_writer_finish(struct ev_writer *w)
{
	if (w->f->finish != NULL && w->f->finish(w) < 0)
		return -1;
	if (fflush(w->fp) != 0 || ferror(w->fp))
		return -1;
	return 0;
}

void
ev_writer_free(struct ev_writer *w)
{
	if (w == NULL)
		return;
	if (w->f->free != NULL)
		w->f->free(w);
	ev_buf_free(&w->buf);
	ev_buf_free(&w->field);
	free(w);
}
