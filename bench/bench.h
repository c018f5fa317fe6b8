/*
 * bench.h - what the in-process benchmarks (zones.c, expand.c) share:
 * a monotonic clock, numbers with thousands separators, and "12.3x
 * faster" against the libical baseline.  Header-only, static inline
 * (a benchmark may use some of them without a warning), so each
 * benchmark stays one file to compile.
 */
#ifndef EV_BENCH_H
#define EV_BENCH_H

#include <stdio.h>
#include <time.h>

static inline double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n with thousands separators (the C locale has none for printf) */
static inline const char *
commas(unsigned long long n, char *buf, size_t size)
{
	char tmp[32];
	size_t len, i, j;

	len = (size_t)snprintf(tmp, sizeof(tmp), "%llu", n);
	for (i = j = 0; i < len && j + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = tmp[i];
	}
	buf[j] = '\0';
	return buf;
}

/* "12.3x faster" or, when ours takes longer, "1.5x slower" */
static inline const char *
speed(double ours, double theirs, char *buf, size_t size)
{
	if (ours <= 0 || theirs <= 0)
		snprintf(buf, size, "?x faster");
	else if (theirs >= ours)
		snprintf(buf, size, "%.1fx faster", theirs / ours);
	else
		snprintf(buf, size, "%.1fx slower", ours / theirs);
	return buf;
}

#endif
