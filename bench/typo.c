/*
 * typo - the typography pass of libnews (news_typeset) on German text.
 *
 *	typo --gen MB [SEED]	write MB (10^6 bytes) of article text
 *	typo FILE		typeset FILE to stdout
 *	typo -t FILE		the same work timed in this process
 *
 * --gen writes paragraphs of a city portal's articles, blank lines
 * between them, as editors paste them: straight quotes mixed with
 * German ones, hyphens for dashes and ranges, "...", double spaces,
 * dates, times, units, phone numbers, ISO dates, URLs, code and links.
 * The output depends on MB and SEED only (a seeded PRNG, no clock).
 *
 * FILE is typeset paragraph by paragraph (the blocks between blank
 * lines, as news-fmt hands them over) in German with normal no-break
 * spaces, and written out: the whole process is what bench/run.sh
 * times against a sed pass over the same file.  -t reads the file
 * first and then times news_typeset alone over every paragraph, best
 * of REPS runs, and news_protected alone, and prints MB/s for both.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "bench.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define REPS		5

static uint64_t rng;

/* splitmix64: the same text for the same seed */
static uint64_t
next_random(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static const char *
pick(const char *const *v, size_t n)
{
	return v[next_random() % n];
}

#define PICK(v)	pick(v, NELEM(v))

static const char *const who[] = {
	"Oberbürgermeisterin Sabine Krüger", "Stadtbaurat Jörg Weißenfels",
	"Marktmeister Peter Schäfer", "die Leiterin des Jugendamts",
	"Bezirksbürgermeister Ümit Özdemir", "Kulturdezernentin Dr. Lena Hoff",
};

static const char *const said[] = {
	"sagte", "betonte", "erklärte", "sagt", "freute sich",
};

/* what is quoted, with the marks editors type */
static const char *const quotes[] = {
	"\"Es freut mich\u201c", "\"Wir haben bewusst mehr Plätze vergeben\"",
	"„Das ist ein großer Tag für die Stadt\"",
	"\"Der Markt ist das Wohnzimmer unserer Stadt\"",
	"\u201cHier treffen sich alle Generationen\u201d",
	"\"Das haben wir mit 'Herz und Hand' geschafft\"",
	"„Geht's nicht auch ohne Auto?\u201c",
};

static const char *const clauses[] = {
	"Am 14. September öffnet die Eisbahn von 10-12 Uhr und von 14-18 Uhr",
	"Der Eintritt kostet z. B. für Erwachsene 4 Euro  und für Kinder 2 Euro",
	"Die Strecke ist rund 5 km lang - und damit kürzer als im Vorjahr",
	"Anmeldungen nimmt das Bürgeramt unter 0511 168-0 entgegen",
	"Die Kinder- und Jugendarbeit wird von 2016-2018 gefördert",
	"Die Sitzung am 2016-12-24 fällt aus ... wie jedes Jahr",
	"Mehr steht unter https://www.hannover.de/Leben-in-der-Region-Hannover",
	"Der Plan nach § 5 liegt im Rathaus aus, d. h. im 2. Stock",
	"Die 400 Quadratmeter große Fläche gehört der Stadt",
	"Mit dem `ev-list`-Export und dem [Kalender](https://x.de/k \"Termine\") geht's schneller",
	"Vollzeit-Lehrkräfte, Landes- als auch Bundesmittel fließen ein",
	"Die Arbeiten dauern bis Ende der '20er Jahre",
};

static void
sentence(FILE *f)
{
	switch (next_random() % 4) {
	case 0:
		fprintf(f, "%s, %s %s.", PICK(quotes), PICK(said), PICK(who));
		break;
	case 1:
		fprintf(f, "%s %s: %s", PICK(who), PICK(said), PICK(quotes));
		break;
	default:
		fprintf(f, "%s.", PICK(clauses));
		break;
	}
}

/* MB * 10^6 bytes or a little more: whole paragraphs of 3-9 sentences,
 * lines of about 72 characters */
static int
gen(double mb, uint64_t seed)
{
	unsigned long long want = (unsigned long long)(mb * 1e6);
	long start;
	int i, n;

	rng = seed;
	while ((unsigned long long)ftell(stdout) < want) {
		start = ftell(stdout);
		n = 3 + (int)(next_random() % 7);
		for (i = 0; i < n; i++) {
			if (i > 0)
				fputc(ftell(stdout) - start > 72 * (i / 2 + 1) ?
				    '\n' : ' ', stdout);
			sentence(stdout);
		}
		fputs("\n\n", stdout);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t cap = 0, n;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	*len = 0;
	do {
		if (*len + 65536 > cap) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((p = realloc(p, cap)) == NULL) {
				perror("typo");
				exit(2);
			}
		}
		n = fread(p + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return p;
}

/* The next block of s[i..n): up to a blank line; its end in *e, the
 * start of the next in the return value. */
static size_t
block(const char *s, size_t n, size_t i, size_t *e)
{
	const char *p;

	for (*e = i; *e < n; *e = (size_t)(p - s) + 1) {
		p = memchr(s + *e, '\n', n - *e);
		if (p == NULL) {
			*e = n;
			return n;
		}
		if ((size_t)(p - s) + 1 < n && p[1] == '\n') {
			*e = (size_t)(p - s);
			return *e + 2;
		}
	}
	return n;
}

static void
no_span(void *arg, size_t start, size_t end)
{
	*(size_t *)arg += end - start;
}

/* Typeset s (or only find its protected spans) block by block into
 * out; the seconds it took. */
static double
pass(const char *s, size_t n, struct ev_buf *out, int spans_only)
{
	struct news_typo o = { NEWS_LANG_DE, NEWS_NBSP_NORMAL, 0, 0 };
	size_t i, e, next, prot = 0;
	double t0 = now();

	ev_buf_clear(out);
	for (i = 0; i < n; i = next) {
		next = block(s, n, i, &e);
		if (spans_only)
			news_protected(s + i, e - i, no_span, &prot);
		else if (news_typeset(&o, s + i, e - i, out, NULL, NULL) != 0)
			return -1;
		ev_buf_add(out, s + e, next - e);
	}
	return now() - t0;
}

static int
timed(const char *path)
{
	struct ev_buf out = { 0 };
	size_t n, outlen = 0;
	char *s = slurp(path, &n);
	double best[2] = { 0, 0 }, t;
	int k, r;
	char b1[32], b2[32];

	for (k = 0; k < 2; k++)
		for (r = 0; r < REPS; r++) {
			if ((t = pass(s, n, &out, k)) < 0) {
				fprintf(stderr, "typo: invalid UTF-8 in %s\n", path);
				return 1;
			}
			if (k == 0)
				outlen = out.len;
			if (r == 0 || t < best[k])
				best[k] = t;
		}
	printf("news_typeset in process: %.1f MB/s (%.3f s, best of %d; "
	    "%s bytes in, %s out)\n", (double)n / 1e6 / best[0], best[0],
	    REPS, commas(n, b1, sizeof(b1)), commas(outlen, b2, sizeof(b2)));
	printf("news_protected alone:    %.1f MB/s (%.3f s, %.0f %% of the "
	    "pass)\n", (double)n / 1e6 / best[1], best[1],
	    100 * best[1] / best[0]);
	free(s);
	ev_buf_free(&out);
	return 0;
}

static int
typeset(const char *path)
{
	struct ev_buf out = { 0 };
	size_t n;
	char *s = slurp(path, &n);
	int rc = 0;

	if (pass(s, n, &out, 0) < 0) {
		fprintf(stderr, "typo: invalid UTF-8 in %s\n", path);
		rc = 1;
	} else if (fwrite(out.p, 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0) {
		perror("typo: stdout");
		rc = 1;
	}
	free(s);
	ev_buf_free(&out);
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--gen") == 0)
		return gen(atof(argv[2]), argc > 3 ?
		    strtoull(argv[3], NULL, 10) : 1);
	if (argc == 3 && strcmp(argv[1], "-t") == 0)
		return timed(argv[2]);
	if (argc == 2 && argv[1][0] != '-')
		return typeset(argv[1]);
	fprintf(stderr, "usage: typo --gen MB [SEED] | typo [-t] FILE\n");
	return 2;
}
