/*
 * admission.c - the admission fact of an event: free, paid or unknown,
 * from its price properties and free markers.  The record's face, like
 * field.c, in a file of its own because it needs pcre2: a tool that
 * never asks (ev-list, ev-cal) does not link it.
 */
#include <string.h>

#include "evkit_priv.h"

/*
 * Amounts in a price text: -1 none, 0 only zeros ("0", "0,00 €"),
 * 1 a non-zero one ("12,50 €", "ab 15 €").
 */
static int
amounts(const char *s)
{
	int res = -1;

	for (const char *p = s; *p;) {
		int nonzero = 0;

		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		for (; (*p >= '0' && *p <= '9') || ((*p == ',' || *p == '.') &&
		    p[1] >= '0' && p[1] <= '9'); p++)
			if (*p >= '1' && *p <= '9')
				nonzero = 1;
		if (nonzero)
			return 1;
		res = 0;
	}
	return res;
}

enum ev_admission
ev_event_admission(struct ev_event *ev, const struct ev_regex *markers)
{
	int free_ = 0, n;

	for (size_t i = 0; i < ev->nprops; i++) {
		const char *name, *v;
		int price, cat;

		if (ev->props[i].depth != 0)
			continue;
		name = EV_PNAME(ev, i);
		v = EV_PVALUE(ev, i);
		price = ev_strcaseeq(name, "X-PRICE") ||
		    ev_strcaseeq(name, "X-COST");
		cat = ev_strcaseeq(name, "CATEGORIES") &&
		    !(ev->props[i].flags & EV_PROP_CSVCOL);
		if (ev_strcaseeq(name, "X-COST-TYPE")) {
			if (ev_strcaseeq(v, "free"))
				free_ = 1;
			continue;
		}
		if (!price && !cat)
			continue;
		if (price && (n = amounts(v)) == 1)
			return EV_ADM_PAID;
		if (price && n == 0)
			free_ = 1;
		if (!free_ && markers != NULL &&
		    ev_regex_match(markers, v, strlen(v)))
			free_ = 1;
	}
	return free_ ? EV_ADM_FREE : EV_ADM_UNKNOWN;
}
