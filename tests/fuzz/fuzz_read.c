/*
 * fuzz_read.c - libFuzzer harness for the readers, the filter and the
 * pass-through writer (make fuzz).  Each input is read as iCalendar
 * twice, with and without the fast path for plain VEVENTs, and the two
 * transcripts must be equal; then as CSV.  Every event goes through a
 * filter with time, text and admission predicates, the pass-through
 * writer and the expansion of its occurrences.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

static struct ev_ctx *ctx;
static struct ev_filter *flt;
static FILE *devnull;

static void
setup(void)
{
	struct ev_err err;

	ctx = ev_ctx_new();
	(void)ev_ctx_set_tz(ctx, "Europe/Berlin", &err);
	(void)ev_ctx_set_now(ctx, "2016-12-21T10:00:00+01:00", &err);
	flt = ev_filter_new(ctx, EV_RE_CASELESS);
	(void)ev_filter_add(flt, EV_P_WEEKEND, NULL, &err);
	(void)ev_filter_add(flt, EV_P_UPCOMING, NULL, &err);
	(void)ev_filter_add(flt, EV_P_SEARCH, "k(i|r)", &err);
	(void)ev_filter_add(flt, EV_P_CATEGORY, "Kinder", &err);
	(void)ev_filter_add(flt, EV_P_FIELD, "start=2016", &err);
	devnull = fopen("/dev/null", "w");
}

/* Everything the reader hands out, as text, into out. */
static void
transcript(const uint8_t *data, size_t size, enum ev_format fmt, int nofast,
    struct ev_buf *out)
{
	struct ev_reader r;
	struct ev_event *ev = ev_event_new();
	struct ev_pass *pass = ev_pass_new(devnull);
	struct ev_err err;
	int rc, n = 0;

	ev_reader_init_mem(&r, ctx, "fuzz", (const char *)data, size, fmt);
	r.nofast = nofast;
	while ((rc = ev_read(&r, ev)) != 0 && rc != -2 && n++ < 10000) {
		ev_buf_printf(out, "%d %s\n", rc, r.err.msg);
		if (rc != 1)
			continue;
		ev_buf_printf(out, " %lu %zu %zu\n", ev->line, ev->nprops,
		    ev->raw.len);
		for (size_t i = 0; i < ev->nprops; i++)
			ev_buf_printf(out, "  %lu %s;%s:%s\n", ev->props[i].line,
			    EV_PNAME(ev, i), EV_PPARAMS(ev, i),
			    EV_PVALUE(ev, i));
		if (!nofast) {
			(void)ev_filter_select(flt, ev, &err);
			(void)ev_pass_write(pass, &r, ev, &err);
		}
	}
	(void)ev_pass_sync(pass, &r, &err);
	(void)ev_pass_finish(pass);
	ev_pass_free(pass);
	ev_reader_fini(&r);
	ev_event_free(ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ev_buf a = {0}, b = {0};

	if (ctx == NULL)
		setup();
	transcript(data, size, EV_FMT_ICS, 0, &a);
	transcript(data, size, EV_FMT_ICS, 1, &b);
	if (strcmp(a.p ? a.p : "", b.p ? b.p : "") != 0) {
		fprintf(stderr, "fast and general paths differ:\n--- fast\n%s"
		    "--- general\n%s", a.p, b.p);
		abort();
	}
	ev_buf_clear(&a);
	transcript(data, size, EV_FMT_CSV, 1, &a);
	ev_buf_free(&a);
	ev_buf_free(&b);
	return 0;
}
