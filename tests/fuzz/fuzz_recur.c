/*
 * fuzz_recur.c - libFuzzer harness for recurrence expansion (make fuzz):
 * each input is the body of a VEVENT (DTSTART, RRULE, RDATE, EXDATE,
 * DURATION, overrides after a blank line), expanded over a year with a
 * cap, and asked by ev_expand_any; the occurrences must come in order
 * and overlap the window.  Crashes, hangs and leaks are what it finds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit_priv.h"

static struct ev_ctx *ctx;

static int
yes(void *arg, int64_t s, int has_end, int64_t e)
{
	(void)arg;
	(void)has_end;
	return s % 7 == 0 || e % 11 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ev_buf text = {0};
	struct ev_reader r;
	struct ev_event *ev = ev_event_new(), *occ;
	struct ev_expand *x;
	struct ev_err err;
	int64_t from = ev_days_from_civil(2016, 1, 1) * 86400;
	int64_t to = ev_days_from_civil(2017, 1, 1) * 86400, last = INT64_MIN;
	const uint8_t *sep;
	int rc, n = 0;

	if (ctx == NULL) {
		ctx = ev_ctx_new();
		(void)ev_ctx_set_tz(ctx, "Europe/Berlin", &err);
	}
	/* "master body\n\noverride body": two records of one UID */
	for (sep = data; sep + 1 < data + size &&
	    !(sep[0] == '\n' && sep[1] == '\n'); sep++)
		;
	if (sep + 1 >= data + size)
		sep = NULL;
	ev_buf_adds(&text, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:f\n");
	ev_buf_add(&text, data, sep ? (size_t)(sep - data) : size);
	ev_buf_adds(&text, "\nEND:VEVENT\n");
	if (sep != NULL) {
		ev_buf_adds(&text, "BEGIN:VEVENT\nUID:f\n");
		ev_buf_add(&text, sep + 2, size - (size_t)(sep + 2 - data));
		ev_buf_adds(&text, "\nEND:VEVENT\n");
	}
	ev_buf_adds(&text, "END:VCALENDAR\n");
	ev_reader_init_mem(&r, ctx, "fuzz", text.p, text.len, EV_FMT_ICS);
	x = ev_expand_new(ctx, from, to, 500);
	while ((rc = ev_read(&r, ev)) != 0 && rc != -2) {
		if (rc != 1)
			continue;
		(void)ev_expand_any(ctx, ev, from, to, 500, yes, NULL, &err);
		ev_expand_add(x, ev_event_dup(ev));
	}
	while ((rc = ev_expand_next(x, &occ, &err)) != 0) {
		if (rc < 0)
			continue;
		/* in order, and inside the window */
		if (occ->start.utc < last || occ->start.utc >= to ||
		    (occ->end.kind != EV_T_NONE && occ->end.utc > occ->start.utc ?
		    occ->end.utc <= from : occ->start.utc < from)) {
			fprintf(stderr, "occurrence out of order or window\n");
			abort();
		}
		last = occ->start.utc;
		ev_event_free(occ);
		n++;
	}
	ev_expand_free(x);
	ev_reader_fini(&r);
	ev_buf_free(&text);
	ev_event_free(ev);
	return 0;
}
