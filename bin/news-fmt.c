/* news-fmt - read news articles, typeset them, check them, write them. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"
#include "news.h"

enum {
	OPT_NBSP = 256, OPT_NOTYPO, OPT_FIX, OPT_DIFF, OPT_CHECK, OPT_DISABLE,
	OPT_ENABLE, OPT_MAXSENT, OPT_TERMS, OPT_SPELL, OPT_DICT,
	OPT_STANDALONE, OPT_SLUG, OPT_TEASER, OPT_BASEURL, OPT_FEEDTITLE,
	OPT_FEEDURL, OPT_DIGEST, OPT_FROM, OPT_TO, OPT_TITLE, OPT_KICKER,
	OPT_GROUP, OPT_TSTYLE
};

static const struct option longopts[] = {
	{"input-format", required_argument,	NULL, 'i'},
	{"output-format", required_argument,	NULL, 'o'},
	{"nbsp",	required_argument,	NULL, OPT_NBSP},
	{"no-typo",	no_argument,		NULL, OPT_NOTYPO},
	{"standalone",	no_argument,		NULL, OPT_STANDALONE},
	{"fix",		no_argument,		NULL, OPT_FIX},
	{"diff",	no_argument,		NULL, OPT_DIFF},
	{"check",	no_argument,		NULL, OPT_CHECK},
	{"disable",	required_argument,	NULL, OPT_DISABLE},
	{"enable",	required_argument,	NULL, OPT_ENABLE},
	{"max-sentence", required_argument,	NULL, OPT_MAXSENT},
	{"terms",	required_argument,	NULL, OPT_TERMS},
	{"spell",	no_argument,		NULL, OPT_SPELL},
	{"dict",	required_argument,	NULL, OPT_DICT},
	{"width",	required_argument,	NULL, 'w'},
	{"slug",	no_argument,		NULL, OPT_SLUG},
	{"teaser",	required_argument,	NULL, OPT_TEASER},
	{"feed-title",	required_argument,	NULL, OPT_FEEDTITLE},
	{"feed-url",	required_argument,	NULL, OPT_FEEDURL},
	{"base-url",	required_argument,	NULL, OPT_BASEURL},
	{"digest",	no_argument,		NULL, OPT_DIGEST},
	{"from",	required_argument,	NULL, OPT_FROM},
	{"to",		required_argument,	NULL, OPT_TO},
	{"title",	required_argument,	NULL, OPT_TITLE},
	{"kicker",	required_argument,	NULL, OPT_KICKER},
	{"group",	required_argument,	NULL, OPT_GROUP},
	{"time-style",	required_argument,	NULL, OPT_TSTYLE},
	{"delimiter",	required_argument,	NULL, EV_OPT_DELIM},
	{"output",	required_argument,	NULL, EV_OPT_OUTPUT},
	{"now",		required_argument,	NULL, EV_OPT_NOW},
	{"tz",		required_argument,	NULL, EV_OPT_TZ},
	{"lang",	required_argument,	NULL, EV_OPT_LANG},
	{"color",	required_argument,	NULL, EV_OPT_COLOR},
	{"strict",	no_argument,		NULL, EV_OPT_STRICT},
	{"help",	no_argument,		NULL, 'h'},
	{"version",	no_argument,		NULL, 'V'},
	{NULL,		0,			NULL, 0}
};

/* What a run does with each article. */
enum mode { M_WRITE, M_FIX, M_DIFF, M_CHECK, M_SLUG, M_TEASER };

struct opts {
	struct ev_cli cli;		/* the common options */
	enum news_format in;
	enum news_out out;
	const char *outname;		/* -o as given: text, md, json */
	int	 json;			/* --check -o json */
	enum mode mode;
	int	 nmodes;
	int	 typo;			/* 0: --no-typo */
	int	 standalone;		/* -o html --standalone */
	const char *lang;		/* --lang as given */
	struct news_typo t;		/* lang: --lang's, if given */
	struct news_lint *lint;		/* --check's rules */
	int	 lint_opts;		/* --disable, --enable ... given */
	const char *terms;		/* --terms FILE */
	struct news_terms *termtab;
	int	 spell;			/* --spell (or --dict) */
	const char *dict;		/* --dict FILE */
	struct news_spell *speller[3];	/* by enum news_lang, opened on use */
	int	 width;			/* -w: 72; 0: no wrapping */
	int	 width_set;
	long	 teaser;		/* --teaser N, or 0 */
	const char *base_url;		/* --base-url URL */
	struct news_feed_opts feed;	/* -o rss, atom, jsonfeed */
	int	 feed_opts;		/* --feed-title, ... given */
	const char *inname;		/* -i as given: hdr, md; ics, csv, tsv */
	int	 digest;		/* --digest */
	int	 digest_opts;		/* --from, --title ... given */
	const char *from, *to;
	struct news_digest_opts dg;
	struct ev_cli_input din;	/* --digest: -i, --delimiter */
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: news-fmt [-hV] [-i hdr|md]\n"
	    "                [-o text|md|html|json|jsonld|rss|atom|jsonfeed] [-w N]\n"
	    "                [--standalone] [--nbsp narrow|normal] [--no-typo]\n"
	    "                [--fix | --diff | --check | --slug | --teaser N]\n"
	    "                [--disable RULE] [--enable RULE] [--max-sentence N]\n"
	    "                [--terms FILE] [--spell] [--dict FILE]\n"
	    "                [--feed-title TITLE] [--feed-url URL] [--base-url URL]\n"
	    "                [--output FILE]\n"
	    "                [--now DATE] [--tz ZONE] [--lang de|de-CH|en] [--color WHEN]\n"
	    "                [--strict] [FILE ...]\n"
	    "       news-fmt --digest [-i ics|csv|tsv] [-o FORMAT] [--delimiter C]\n"
	    "                [--from DATE] [--to DATE] [--title TEXT] [--kicker TEXT]\n"
	    "                [--group day|category] [--time-style duden|din]\n"
	    "                [--nbsp narrow|normal] [--no-typo] [--output FILE]\n"
	    "                [--now DATE] [--tz ZONE] [--lang de|de-CH|en] [--strict]\n"
	    "                [FILE ...]\n");
	exit(EV_EXIT_ERROR);
}

static void
help(void)
{
	printf(
	    "usage: news-fmt [options] [FILE ...]\n"
	    "Read news articles (files, - or stdin; several on stdin separated by lines\n"
	    "%%%%%%), typeset them and write them as text, Markdown or a feed, fix them\n"
	    "in place, or check them.\n"
	    "\n"
	    "Input and output:\n"
	    "  -i, --input-format F  hdr (a \"Key: value\" header, a blank line, the body)\n"
	    "                        or md (YAML front matter); default: detected\n"
	    "  -o, --output-format F text (default), md (CommonMark with front matter),\n"
	    "                        html (an <article> fragment), json (the parsed\n"
	    "                        article, a line each) or jsonld (schema.org\n"
	    "                        NewsArticle, safe in a <script>); with --check:\n"
	    "                        text (default) or json (JSON Lines)\n"
	    "                        rss, atom, jsonfeed: one feed, an item per article\n"
	    "                        (each needs a Title and a Date) in input order\n"
	    "      --standalone      -o html: a whole HTML5 page around the articles\n"
	    "  -w, --width N         text: wrap at N columns of display width (default\n"
	    "                        72; 0: do not wrap)\n"
	    "      --feed-title TITLE  the feed's title (rss, atom, jsonfeed: needed)\n"
	    "      --feed-url URL    the URL the feed is published at (rel=self)\n"
	    "      --base-url URL    the site: an article's link is URL/SLUG (its Slug,\n"
	    "                        else made from its title); ids are tag URIs of its\n"
	    "                        host (rss, atom, jsonfeed: needed; jsonld: the\n"
	    "                        page's URL)\n"
	    "      --output FILE     replace FILE atomically instead of writing stdout\n"
	    "Typography:\n"
	    "      --nbsp narrow|normal  the no-break space to put in (default: normal)\n"
	    "      --no-typo         leave the text as it is\n"
	    "What to do (default: write the articles):\n"
	    "      --fix             rewrite each FILE in place, in its own format, with\n"
	    "                        the safe fixes\n"
	    "      --diff            print those fixes as a unified diff instead\n"
	    "      --check           report problems as FILE:LINE:COL: severity: message\n"
	    "                        [rule]; change nothing\n"
	    "      --slug            print each article's slug (its Slug, else its\n"
	    "                        headline's: ä -> ae, ß -> ss), one a line\n"
	    "      --teaser N        print each article's lead cut to whole sentences\n"
	    "                        within N characters, one a line; with -o json:\n"
	    "                        the length of its teaser (default 160)\n"
	    "      --disable RULE    --check: leave out RULE (all: every rule)\n"
	    "      --enable RULE     --check: take RULE in again\n"
	    "      --max-sentence N  --check: report sentences of more than N words\n"
	    "      --terms FILE      --check: house terms, \"wrong => right\" a line\n"
	    "      --spell           --check: spelling (hunspell, the article's language)\n"
	    "      --dict FILE       --check: the house's own words, one a line (implies\n"
	    "                        --spell)\n"
	    "Event digests (--digest: events in, a tips article out):\n"
	    "      --digest          read events (ICS or CSV; -i ics|csv|tsv, --delimiter\n"
	    "                        C) and write a \"Veranstaltungstipps\" article\n"
	    "      --from DATE       events that end after DATE (default: the span of\n"
	    "                        the events given)\n"
	    "      --to DATE         events that start before the end of DATE\n"
	    "      --title TEXT      the headline (default: Veranstaltungstipps, Event tips)\n"
	    "      --kicker TEXT     the line above it\n"
	    "      --group day|category  headings: the days (default) or the categories\n"
	    "      --time-style duden|din  18.30 Uhr (default) or 18:30 Uhr; English:\n"
	    "                        6.30 pm or 18:30\n"
	    "Common:\n"
	    "      --now DATE        take DATE as now (default: $EV_NOW); --check takes\n"
	    "                        the year of a date without one from the article's\n"
	    "                        Date, else from it, never from the clock\n"
	    "      --tz ZONE         the zone of --now and of Date and Updated values\n"
	    "                        (default: $TZ, else the system zone)\n"
	    "      --lang de|de-CH|en  the typography's language (default: the article's\n"
	    "                        Lang, else LC_ALL, LC_TIME, LANG)\n"
	    "      --color WHEN      colour --check's findings and --diff: auto (a\n"
	    "                        terminal, no NO_COLOR), always or never\n"
	    "      --strict          any bad article is an error (exit 2)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Exit status: 0 ok, 2 error, 3 bad articles were skipped; --check and --diff:\n"
	    "1 when they found something.\n"
	    "See news-fmt(1) and evkit(7).\n");
	exit(EV_EXIT_OK);
}

static void
mode(struct opts *o, enum mode m)
{
	o->mode = m;
	o->nmodes++;
}

static void
parse_args(int *argcp, char ***argvp, struct opts *o)
{
	int argc = *argcp, c;
	char **argv = *argvp;

	while ((c = getopt_long(argc, argv, "hVi:o:w:", longopts, NULL)) != -1) {
		if (c == EV_OPT_LANG) {
			o->lang = optarg;	/* de-CH: more than evkit's */
			continue;
		}
		if (ev_cli_option(&o->cli, c, optarg))
			continue;
		switch (c) {
		case 'i': o->inname = optarg; break;
		case 'o': o->outname = optarg; break;
		case 'w':
			o->width = (int)ev_cli_number(optarg, "-w", 0, 1000);
			o->width_set = 1;
			break;
		case OPT_SLUG: mode(o, M_SLUG); break;
		case OPT_TEASER:
			o->teaser = ev_cli_number(optarg, "--teaser", 1, 100000);
			break;
		case OPT_BASEURL: o->base_url = o->feed.base_url = optarg; break;
		case OPT_NBSP:
			if (strcmp(optarg, "narrow") == 0)
				o->t.nbsp = NEWS_NBSP_NARROW;
			else if (strcmp(optarg, "normal") == 0)
				o->t.nbsp = NEWS_NBSP_NORMAL;
			else
				ev_die(EV_EXIT_ERROR, "--nbsp must be narrow or normal: \"%s\"", optarg);
			break;
		case OPT_NOTYPO: o->typo = 0; break;
		case OPT_STANDALONE: o->standalone = 1; break;
		case OPT_FIX: mode(o, M_FIX); break;
		case OPT_DIFF: mode(o, M_DIFF); break;
		case OPT_CHECK: mode(o, M_CHECK); break;
		case OPT_DISABLE:
		case OPT_ENABLE:
			o->lint_opts = 1;
			if (news_lint_enable(o->lint, optarg, c == OPT_ENABLE) < 0)
				ev_die(EV_EXIT_ERROR, "no lint rule \"%s\" (news-fmt(1) lists them)", optarg);
			break;
		case OPT_MAXSENT:
			o->lint_opts = 1;
			news_lint_set_max_sentence(o->lint, (unsigned)ev_cli_number(
			    optarg, "--max-sentence", 1, 10000));
			break;
		case OPT_TERMS: o->lint_opts = 1; o->terms = optarg; break;
		case OPT_SPELL: o->lint_opts = 1; o->spell = 1; break;
		case OPT_DICT:
			o->lint_opts = 1;
			o->spell = 1;
			o->dict = optarg;
			break;
		case OPT_FEEDTITLE: o->feed_opts = 1; o->feed.title = optarg; break;
		case OPT_FEEDURL: o->feed_opts = 1; o->feed.feed_url = optarg; break;
		case OPT_DIGEST: o->digest = 1; break;
		case OPT_FROM: o->digest_opts = 1; o->from = optarg; break;
		case OPT_TO: o->digest_opts = 1; o->to = optarg; break;
		case OPT_TITLE: o->digest_opts = 1; o->dg.title = optarg; break;
		case OPT_KICKER: o->digest_opts = 1; o->dg.kicker = optarg; break;
		case OPT_GROUP:
			o->digest_opts = 1;
			if (strcmp(optarg, "day") == 0)
				o->dg.group = NEWS_GROUP_DAY;
			else if (strcmp(optarg, "category") == 0)
				o->dg.group = NEWS_GROUP_CATEGORY;
			else
				ev_die(EV_EXIT_ERROR, "--group must be day or category: \"%s\"", optarg);
			break;
		case OPT_TSTYLE:
			o->digest_opts = 1;
			if (strcmp(optarg, "duden") == 0)
				o->dg.style = NEWS_TIME_DUDEN;
			else if (strcmp(optarg, "din") == 0)
				o->dg.style = NEWS_TIME_DIN;
			else
				ev_die(EV_EXIT_ERROR, "--time-style must be duden or din: \"%s\"", optarg);
			break;
		case EV_OPT_DELIM:
			o->digest_opts = 1;
			ev_cli_input_option(&o->din, c, optarg);
			break;
		case 'h': help(); break;
		case 'V': printf("news-fmt %s\n", EV_VERSION); exit(EV_EXIT_OK);
		default: usage();
		}
	}
	*argcp -= optind;
	*argvp += optind;
}

/* A Date or Updated value as a date expression (evkit(7)) in --tz's
 * zone: the lint's news_when_fn. */
static int
when(void *arg, const char *s, int64_t *lo, int64_t *hi)
{
	struct ev_err err;

	return ev_when_parse(arg, s, lo, hi, &err);
}

/* Now for the lint: only one the user gave (--now, EV_NOW), never the
 * clock's, so that a check does not change overnight; its date in the
 * --tz zone. */
static void
lint_now(struct opts *o)
{
	const char *env = getenv("EV_NOW");
	struct news_now now = { .when = when, .arg = o->cli.ctx };
	struct ev_tm tm;

	if (o->cli.now != NULL || (env != NULL && *env != '\0')) {
		now.known = 1;
		now.utc = ev_ctx_now(o->cli.ctx);
		ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(o->cli.ctx),
		    now.utc), &tm);
		now.y = tm.year;
		now.m = tm.mon;
		now.d = tm.mday;
	}
	news_lint_set_now(o->lint, &now);
}

/* --terms FILE: read before --output is opened, so a bad file is a
 * usage error that leaves nothing behind. */
static void
load_terms(struct opts *o)
{
	struct ev_err err;

	if ((o->termtab = news_terms_load(o->terms, &err)) == NULL)
		ev_die(EV_EXIT_ERROR, "%s", err.msg);
	news_lint_set_terms(o->lint, o->termtab);
}

/* --slug, --teaser, -w, --base-url: --teaser is a mode of its own but
 * with -o json, whose teaser it sizes. */
static void
check_publish(struct opts *o)
{
	int json = o->outname != NULL && strcmp(o->outname, "json") == 0;

	if (o->teaser > 0 && !(json && o->mode == M_WRITE))
		mode(o, M_TEASER);
	if ((o->mode == M_SLUG || o->mode == M_TEASER) && o->outname != NULL)
		ev_die(EV_EXIT_ERROR, "--slug and --teaser print lines and take no -o (--teaser N -o json sizes the JSON's teaser)");
	if (o->width_set && (o->mode != M_WRITE || (o->outname != NULL &&
	    strcmp(o->outname, "text") != 0)))
		ev_die(EV_EXIT_ERROR, "-w goes with -o text");
}

/* -o rss, atom, jsonfeed: the feed's options there and good; the
 * options alone are a mistake. */
static void
check_feed(struct opts *o)
{
	struct ev_err err;

	o->feed.ctx = o->cli.ctx;
	if (o->mode == M_WRITE && news_out_feed(o->out)) {
		if (news_feed_check(o->out, &o->feed, &err) < 0)
			ev_die(EV_EXIT_ERROR, "%s", err.msg);
	} else if (o->feed_opts)
		ev_die(EV_EXIT_ERROR, "--feed-title and --feed-url go with -o "
		    "rss, atom or jsonfeed");
}

/* --from, --to: bad dates are usage errors, told before reading. */
static void
check_window(struct opts *o)
{
	struct ev_err err;
	int64_t lo, hi;

	if (o->from != NULL && ev_window(o->cli.ctx, EV_W_FROM, o->from, &lo,
	    &hi, &err) < 0)
		ev_die(EV_EXIT_ERROR, "--from: %s", err.msg);
	if (o->to != NULL && ev_window(o->cli.ctx, EV_W_TO, o->to, &lo, &hi,
	    &err) < 0)
		ev_die(EV_EXIT_ERROR, "--to: %s", err.msg);
}

/* Every check of the options, before --output is opened. */
static void
check_args(struct opts *o, int nfiles, char **files)
{
	check_publish(o);
	if (o->nmodes > 1)
		ev_die(EV_EXIT_ERROR, "give one of --fix, --diff, --check, --slug, --teaser");
	if (o->lang != NULL && news_lang_parse(o->lang, &o->t.lang) < 0)
		ev_die(EV_EXIT_ERROR, "--lang must be de, de-CH or en: \"%s\"", o->lang);
	if (o->digest && o->nmodes > 0)
		ev_die(EV_EXIT_ERROR, "--digest writes an article: it takes no --fix, --diff or --check");
	if (!o->digest && o->digest_opts)
		ev_die(EV_EXIT_ERROR, "--from, --to, --title, --kicker, --group, "
		    "--time-style and --delimiter go with --digest");
	if (o->from != NULL || o->to != NULL)
		check_window(o);
	if (o->digest && o->inname != NULL)
		ev_cli_input_option(&o->din, EV_OPT_INPUT, o->inname);
	else if (o->inname != NULL && news_format_parse(o->inname, &o->in) < 0)
		ev_die(EV_EXIT_ERROR, "input format must be hdr or md: \"%s\"", o->inname);
	if (o->outname != NULL && o->mode == M_CHECK &&
	    strcmp(o->outname, "json") == 0)
		o->json = 1;
	else if (o->outname != NULL && o->mode == M_CHECK &&
	    strcmp(o->outname, "text") != 0)
		ev_die(EV_EXIT_ERROR, "with --check the output format must be text or json: \"%s\"", o->outname);
	else if (o->outname != NULL && o->mode != M_CHECK &&
	    news_out_parse(o->outname, &o->out) < 0)
		ev_die(EV_EXIT_ERROR, "output format must be text, md, html, json, jsonld, rss, atom or jsonfeed: \"%s\"", o->outname);
	if (o->standalone && (o->mode != M_WRITE || o->out != NEWS_OUT_HTML))
		ev_die(EV_EXIT_ERROR, "--standalone goes with -o html");
	if (o->base_url != NULL && !(o->mode == M_WRITE && (o->out ==
	    NEWS_OUT_JSONLD || news_out_feed(o->out))))
		ev_die(EV_EXIT_ERROR, "--base-url goes with -o jsonld, rss, atom or jsonfeed");
	/* the feeds check theirs with their other options */
	if (o->base_url != NULL && o->out == NEWS_OUT_JSONLD &&
	    strncmp(o->base_url, "https://", 8) != 0 &&
	    strncmp(o->base_url, "http://", 7) != 0)
		ev_die(EV_EXIT_ERROR, "--base-url must be an http or https URL: \"%s\"", o->base_url);
	if (o->mode == M_FIX && o->outname != NULL)
		ev_die(EV_EXIT_ERROR, "--fix writes each file in its own format: it takes no -o");
	if (o->mode == M_FIX && o->cli.output != NULL)
		ev_die(EV_EXIT_ERROR, "--fix rewrites the files named: it takes no --output");
	if (o->mode == M_FIX && nfiles == 0)
		ev_die(EV_EXIT_ERROR, "--fix rewrites files: name them");
	for (int i = 0; o->mode == M_FIX && i < nfiles; i++)
		if (strcmp(files[i], "-") == 0)
			ev_die(EV_EXIT_ERROR, "--fix rewrites files: standard input is none");
	if (o->mode != M_CHECK && o->lint_opts)
		ev_die(EV_EXIT_ERROR, "--disable, --enable, --max-sentence, --terms, "
		    "--spell and --dict go with --check");
	check_feed(o);
	if (o->terms != NULL)
		load_terms(o);
	if (o->mode == M_DIFF && o->outname != NULL)
		ev_die(EV_EXIT_ERROR, "--diff prints a diff: it takes no -o");
}

struct held;

struct run {
	struct opts *o;
	const char *name;		/* the file being read */
	struct ev_buf src;		/* its bytes */
	struct ev_buf tmp, outb;
	struct news_fix *fix;		/* --fix, --diff */
	const struct news_text *text;	/* the text being typeset */
	const struct news_article *art;	/* the article being worked on */
	size_t	 blk;			/* where runs_on found the last */
	int	 articles;		/* written so far */
	long	 findings;		/* --check, --diff: what was found */
	struct news_feed *feed;		/* -o rss, atom, jsonfeed */
	struct held *held;		/* --check: the article's findings */
	size_t	 nheld, heldcap;
	struct ev_buf hstr;		/* their strings */
	struct ev_buf tmpstr;		/* a finding's strings otherwise */
	int	 werr;
	int	 quiet;			/* --digest: typography says nothing */
};

/* The whole of path ("-": stdin) in b; -1 with errno. */
static int
slurp(const char *path, struct ev_buf *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char buf[65536];
	size_t n;
	int bad;

	if (f == NULL)
		return -1;
	ev_buf_clear(b);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		ev_buf_add(b, buf, n);
	bad = ferror(f);
	if (f != stdin)
		fclose(f);
	else
		clearerr(f);
	if (b->p == NULL)
		ev_buf_add(b, "", 0);
	return bad ? -1 : 0;
}

static void
emit(struct run *r, const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, r->o->cli.out) != n)
		r->werr = 1;
}

static const char *const sevs[] = {
	[NEWS_SEV_ERROR] = "error", [NEWS_SEV_WARNING] = "warning",
	[NEWS_SEV_NOTE] = "note",
};

/* --color: the SGR codes compilers use for a diagnostic, and git for a
 * diff. */
#define SGR_BOLD	"\033[1m"
#define SGR_DIM		"\033[2m"
#define SGR_OFF		"\033[m"
static const char *const sev_sgr[] = {
	[NEWS_SEV_ERROR] = "\033[1;31m", [NEWS_SEV_WARNING] = "\033[1;35m",
	[NEWS_SEV_NOTE] = "\033[1;36m",
};

/*
 * A finding held until its article is done, so that --check prints an
 * article's findings in the order of the source: rule, msg and fix are
 * offsets into struct run's held strings (fix NOFIX: none).
 */
struct held {
	struct news_pos pos;
	enum news_severity sev;
	size_t	 rule, msg, fix;
	size_t	 seq;			/* equal keys keep the order found */
};
#define NOFIX	((size_t)-1)

/* One finding as a line of --check's text or JSON, in r->outb. */
static void
format(struct run *r, const struct held *h, const char *str)
{
	struct ev_buf *b = &r->outb;
	int c = r->o->cli.color_on && !r->o->json;
	const char *rule = str + h->rule, *msg = str + h->msg;

	ev_buf_clear(b);
	if (r->o->mode == M_CHECK && r->o->json) {
		ev_buf_adds(b, "{\"file\":");
		ev_json_string(r->name, b);
		ev_buf_printf(b, ",\"line\":%lu,\"column\":%lu,\"offset\":%zu,"
		    "\"severity\":\"%s\",\"rule\":", h->pos.line, h->pos.col,
		    h->pos.byte, sevs[h->sev]);
		ev_json_string(rule, b);
		ev_buf_adds(b, ",\"message\":");
		ev_json_string(msg, b);
		ev_buf_adds(b, ",\"fix\":");
		if (h->fix != NOFIX)
			ev_json_string(str + h->fix, b);
		else
			ev_buf_adds(b, "null");
		ev_buf_adds(b, "}\n");
	} else if (c && r->o->mode == M_CHECK)
		ev_buf_printf(b, SGR_BOLD "%s:%lu:%lu:" SGR_OFF " %s%s:" SGR_OFF
		    " %s " SGR_DIM "[%s]" SGR_OFF "\n", r->name, h->pos.line,
		    h->pos.col, sev_sgr[h->sev], sevs[h->sev], msg, rule);
	else
		ev_buf_printf(b, "%s:%lu:%lu: %s: %s [%s]\n", r->name,
		    h->pos.line, h->pos.col, sevs[h->sev], msg, rule);
}

/*
 * One finding about text t: held for --check (printed on stdout by
 * flush_findings), else "FILE:LINE:COL: severity: message [rule]" on
 * stderr at once.
 */
static void
finding(struct run *r, const struct news_text *t, const struct news_finding *f)
{
	struct ev_buf *s = r->o->mode == M_CHECK ? &r->hstr : &r->tmpstr;
	struct held h;

	if (r->o->mode != M_CHECK)
		ev_buf_clear(s);
	news_text_pos(t, f->off, &h.pos);
	h.sev = f->sev;
	h.rule = s->len;
	ev_buf_add(s, f->rule, strlen(f->rule) + 1);
	h.msg = s->len;
	ev_buf_add(s, f->msg, strlen(f->msg) + 1);
	h.fix = NOFIX;
	if (f->fix != NULL) {
		h.fix = s->len;
		ev_buf_add(s, f->fix, strlen(f->fix) + 1);
	}
	if (r->o->mode != M_CHECK) {
		format(r, &h, s->p);
		fprintf(stderr, "%s: %s", ev_getprogname(), r->outb.p);
		return;
	}
	if (r->nheld == r->heldcap) {
		r->heldcap = r->heldcap ? 2 * r->heldcap : 16;
		r->held = ev_ereallocarray(r->held, r->heldcap, sizeof(*r->held));
	}
	h.seq = r->nheld;
	r->held[r->nheld++] = h;
}

static const char *held_str;	/* qsort has no argument: the strings */

/* Line, column, rule id; then the order found. */
static int
held_cmp(const void *a, const void *b)
{
	const struct held *x = a, *y = b;
	int c;

	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	if ((c = strcmp(held_str + x->rule, held_str + y->rule)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* --check: an article's findings, in the order of the source. */
static void
flush_findings(struct run *r)
{
	held_str = r->hstr.p;
	if (r->nheld > 1)
		qsort(r->held, r->nheld, sizeof(*r->held), held_cmp);
	for (size_t i = 0; i < r->nheld && !r->werr; i++) {
		format(r, &r->held[i], r->hstr.p);
		r->findings++;
		emit(r, r->outb.p, r->outb.len);
	}
	r->nheld = 0;
	ev_buf_clear(&r->hstr);
}

static void
typo_report(void *arg, const struct news_finding *f)
{
	struct run *r = arg;

	if (!r->quiet)
		finding(r, r->text, f);
}

/* The texts that typography touches: words to read, not names of files,
 * dates, slugs, code or unknown keys. */
static int
typographic(const char *what)
{
	static const char *const kinds[] = { "title", "kicker", "author",
	    "lead", "caption", "credit", "alt", "related", "para", "subhead",
	    "quote", "attrib", "item" };

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(what, kinds[i]) == 0)
			return 1;
	return 0;
}

/*
 * 1 when t is a paragraph (or a quote's) and the next block, of the same
 * kind, opens with a quotation mark: a quotation over paragraphs, which
 * leaves each but the last open.  The texts come in block order, so the
 * search goes on from the last block found.
 */
static int
runs_on(struct run *r, const struct news_text *t)
{
	const struct news_article *a = r->art;
	const struct news_block *b, *n;

	for (size_t i = r->blk; a != NULL && i < a->nblock; i++) {
		if (&a->block[i].text != t)
			continue;
		r->blk = i;
		if (i + 1 == a->nblock)
			return 0;
		b = &a->block[i];
		n = &a->block[i + 1];
		return (b->kind == NEWS_B_PARA || b->kind == NEWS_B_QUOTE) &&
		    n->kind == b->kind &&
		    news_quote_opens(&r->o->t, n->text.s, n->text.len);
	}
	return 0;
}

static void
typeset_one(void *arg, struct news_text *t, const char *what)
{
	struct run *r = arg;
	struct news_pos pos;
	int rc;

	if (!typographic(what))
		return;
	r->text = t;
	ev_buf_clear(&r->tmp);
	r->o->t.cont = runs_on(r, t);
	rc = news_typeset(&r->o->t, t->s, t->len, &r->tmp, typo_report, r);
	r->o->t.cont = 0;
	if (rc < 0)
		return;
	if (r->tmp.p == NULL)
		ev_buf_add(&r->tmp, "", 0);
	if (r->fix != NULL && news_fix_text(r->fix, t, r->tmp.p, r->tmp.len) < 0) {
		news_text_pos(t, 0, &pos);
		ev_warn("%s:%lu:%lu: a YAML value with escapes or folded lines: not fixed",
		    r->name, pos.line, pos.col);
	}
	news_text_set(t, r->tmp.p, r->tmp.len);
}

/* The article's language: --lang, else its Lang, else the locale's. */
static enum news_lang
lang_of(struct run *r, const struct news_article *a)
{
	enum news_lang l;

	if (r->o->lang != NULL)
		return r->o->t.lang;
	if (a->field[NEWS_F_LANG].s != NULL &&
	    news_lang_parse(a->field[NEWS_F_LANG].s, &l) == 0)
		return l;
	return news_lang_from_env();
}

/* What the reader found and went on: warnings; what it left out is a
 * bad record. */
static void
reader_diags(struct run *r, const struct news_article *a)
{
	for (size_t i = 0; i < a->ndiag; i++) {
		const struct news_diag *d = &a->diag[i];
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s:%lu:%lu: %s", r->name,
		    d->pos.line, d->pos.col, d->msg);
		if (d->sev == NEWS_SEV_ERROR)
			ev_cli_bad(&r->o->cli, msg, -1);
		else
			ev_warn("%s", msg);
	}
}

/* A text the lint rules report about, with the run that prints. */
struct part {
	struct run *r;
	const struct news_text *t;
};

static void
lint_report(void *arg, const struct news_finding *f)
{
	struct part *p = arg;

	finding(p->r, p->t, f);
}

/* The text rules over each text that is words to read. */
static void
lint_one(void *arg, struct news_text *t, const char *what)
{
	struct run *r = arg;
	struct part p = { r, t };

	if (!typographic(what))
		return;
	news_lint_set_cont(r->o->lint, runs_on(r, t));
	news_lint_text(r->o->lint, t->s, t->len, lint_report, &p);
	news_lint_set_cont(r->o->lint, 0);
}

static void
lint_part(struct news_lint_part *lp, struct part *p, struct run *r,
    const struct news_text *t)
{
	p->r = r;
	p->t = t;
	lp->s = t != NULL ? t->s : NULL;
	lp->n = t != NULL ? t->len : 0;
	lp->arg = p;
}

/* The article rules: what is missing, time styles over all of it. */
static void
lint_whole(struct run *r, const struct news_article *a)
{
	struct news_lint_article la = { .nblocks = 0 };
	struct news_lint_part *bl = ev_ecalloc(a->nblock + 1, sizeof(*bl));
	struct part *bp = ev_ecalloc(a->nblock + 1, sizeof(*bp));
	struct part tp, lp, ip, ap, cp, dp, up, whole;
	struct news_text at = { .s = "", .len = 0 };
	struct news_seg seg = { .off = 0, .len = 0 };

	news_text_pos(&a->field[NEWS_F_TITLE], 0, &seg.pos);
	seg.pos.line = a->line;
	seg.pos.col = 1;
	seg.pos.byte = a->start;
	at.seg = &seg;
	at.nseg = 1;
	lint_part(&la.title, &tp, r, a->field[NEWS_F_TITLE].s ?
	    &a->field[NEWS_F_TITLE] : NULL);
	lint_part(&la.lead, &lp, r, news_article_lead(a));
	lint_part(&la.image, &ip, r, a->field[NEWS_F_IMAGE].s ?
	    &a->field[NEWS_F_IMAGE] : NULL);
	lint_part(&la.alt, &ap, r, a->field[NEWS_F_ALT].s ?
	    &a->field[NEWS_F_ALT] : NULL);
	lint_part(&la.credit, &cp, r, a->field[NEWS_F_CREDIT].s ?
	    &a->field[NEWS_F_CREDIT] : NULL);
	lint_part(&la.date, &dp, r, a->field[NEWS_F_DATE].s ?
	    &a->field[NEWS_F_DATE] : NULL);
	lint_part(&la.updated, &up, r, a->field[NEWS_F_UPDATED].s ?
	    &a->field[NEWS_F_UPDATED] : NULL);
	for (size_t i = 0; i < a->nblock; i++) {
		enum news_block_kind k = a->block[i].kind;

		if (k == NEWS_B_CODE || k == NEWS_B_HTML || k == NEWS_B_RULE)
			continue;
		lint_part(&bl[la.nblocks], &bp[la.nblocks], r, &a->block[i].text);
		la.nblocks++;
	}
	la.blocks = bl;
	whole.r = r;
	whole.t = &at;
	la.arg = &whole;
	news_lint_article(r->o->lint, &la, lint_report);
	free(bl);
	free(bp);
}

/* The article's date for the weekday rule: "2026-11-27", "27.11.2026". */
static void
lint_date(struct run *r, const struct news_article *a)
{
	const char *s = a->field[NEWS_F_DATE].s;
	int y = 0, m = 0, d = 0;

	if (s == NULL || (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 &&
	    sscanf(s, "%2d.%2d.%4d", &d, &m, &y) != 3))
		y = m = d = 0;
	news_lint_set_date(r->o->lint, y, m, d);
}

/* --check: the lint rules (lib/news/lint.c) over every text, then over
 * the article as a whole. */
/* --spell: the dictionary of the article's language, opened the first
 * time an article needs it, with the --dict words added.  A missing
 * dictionary is an error: a check that silently skips spelling would
 * pass what it never looked at. */
static void
lint_spell(struct opts *o, enum news_lang lang)
{
	struct ev_err err;
	struct news_spell **sp = &o->speller[lang];

	if (!o->spell)
		return;
	if (*sp == NULL) {
		if ((*sp = news_spell_open(lang, NULL, &err)) == NULL)
			ev_die(EV_EXIT_ERROR, "--spell: %s", err.msg);
		if (o->dict != NULL && news_spell_dict(*sp, o->dict, &err) < 0)
			ev_die(EV_EXIT_ERROR, "--dict: %s", err.msg);
	}
	news_lint_set_spell(o->lint, news_spell_check, *sp);
}

static void
check_article(struct run *r, struct news_article *a)
{
	news_lint_set_lang(r->o->lint, r->o->t.lang);
	lint_spell(r->o, r->o->t.lang);
	lint_date(r, a);
	r->art = a;
	r->blk = 0;
	news_article_texts(a, lint_one, r);
	lint_whole(r, a);
	flush_findings(r);
}

/* --slug, --teaser N: a line for the article; a bad article when it
 * has nothing to make one of. */
static void
print_line(struct run *r, const struct news_article *a)
{
	char msg[1024];

	ev_buf_clear(&r->outb);
	if (r->o->mode == M_SLUG)
		news_article_slug(a, &r->outb);
	else
		news_article_teaser(a, (size_t)r->o->teaser, &r->outb);
	if (r->outb.len == 0) {
		snprintf(msg, sizeof(msg), "%s:%lu: %s", r->name, a->line,
		    r->o->mode == M_SLUG ? "no slug: no Slug and no headline "
		    "with a letter or digit" : "no teaser: no lead");
		ev_cli_bad(&r->o->cli, msg, -1);
		return;
	}
	ev_buf_addc(&r->outb, '\n');
	emit(r, r->outb.p, r->outb.len);
}

/* The article as the feed's next item, or a bad article. */
static void
feed_item(struct run *r, const struct news_article *a, enum news_lang lang)
{
	struct ev_err err;
	char msg[sizeof(err.msg) + 256];

	if (news_feed_add(r->feed, a, lang, &err) == 0)
		return;
	snprintf(msg, sizeof(msg), "%s:%lu: %s", r->name, a->line, err.msg);
	ev_cli_bad(&r->o->cli, msg, -1);
}

/* The feed, once every article is in: none is an error, and then
 * --output keeps what it had. */
static void
feed_finish(struct run *r)
{
	if (news_feed_count(r->feed) == 0) {
		ev_warn("no article for the feed");
		r->o->cli.status = EV_EXIT_ERROR;
	} else {
		ev_buf_clear(&r->outb);
		news_feed_finish(r->feed, &r->outb);
		emit(r, r->outb.p, r->outb.len);
	}
	news_feed_free(r->feed);
}

static void
article(struct run *r, struct news_article *a)
{
	struct news_wopts w = { .width = r->o->width > 0 ? r->o->width : -1,
	    .ctx = r->o->cli.ctx, .base_url = r->o->base_url,
	    .teaser = (size_t)r->o->teaser };

	reader_diags(r, a);
	r->o->t.lang = w.lang = lang_of(r, a);
	if (r->o->mode == M_CHECK) {
		check_article(r, a);
		return;
	}
	r->art = a;
	r->blk = 0;
	if (r->o->typo)
		news_article_texts(a, typeset_one, r);
	if (r->o->mode == M_SLUG || r->o->mode == M_TEASER) {
		print_line(r, a);
		return;
	}
	if (r->o->mode != M_WRITE)
		return;
	if (r->feed != NULL) {
		feed_item(r, a, w.lang);
		return;
	}
	ev_buf_clear(&r->outb);
	if (r->articles == 0 && r->o->standalone)
		news_html_begin(a, &w, &r->outb);
	if (r->articles++ > 0)
		ev_buf_adds(&r->outb, news_out_sep(r->o->out));
	news_write(r->o->out, a, &w, &r->outb);
	emit(r, r->outb.p, r->outb.len);
}

/*
 * --diff --color: each line of the diff d[0..n) in git's colours, into
 * out: the file names bold, hunk headers cyan, removed lines red, added
 * lines green.  The "---" and "+++" lines before the first hunk are the
 * names; a removed "--" line inside a hunk is a removed line.
 */
static void
color_diff(const char *d, size_t n, struct ev_buf *out)
{
	int hunks = 0;
	const char *sgr, *nl;
	size_t len;

	for (const char *p = d; p < d + n; p += len) {
		nl = memchr(p, '\n', (size_t)(d + n - p));
		len = nl != NULL ? (size_t)(nl - p) + 1 : (size_t)(d + n - p);
		if (p[0] == '@' && len > 1 && p[1] == '@') {
			hunks = 1;
			sgr = "\033[36m";
		} else if (!hunks && (p[0] == '-' || p[0] == '+'))
			sgr = SGR_BOLD;
		else if (p[0] == '-')
			sgr = "\033[31m";
		else if (p[0] == '+')
			sgr = "\033[32m";
		else
			sgr = NULL;
		if (sgr == NULL) {
			ev_buf_add(out, p, len);
			continue;
		}
		ev_buf_adds(out, sgr);
		ev_buf_add(out, p, nl != NULL ? len - 1 : len);
		ev_buf_adds(out, SGR_OFF);
		if (nl != NULL)
			ev_buf_addc(out, '\n');
	}
}

/* --fix: the file replaced by its fixed text, atomically. */
static void
rewrite(struct run *r)
{
	struct ev_atomic *at;
	struct ev_buf b = { 0 };
	FILE *f;

	if (news_fix_count(r->fix) == 0)
		return;
	news_fix_apply(r->fix, &b);
	if ((at = ev_atomic_open(r->name)) == NULL) {
		ev_warn("%s:", r->name);
		r->o->cli.status = EV_EXIT_ERROR;
	} else {
		f = ev_atomic_file(at);
		if (fwrite(b.p, 1, b.len, f) != b.len || ev_atomic_commit(at) < 0) {
			ev_warn("%s:", r->name);
			ev_atomic_abort(at);
			r->o->cli.status = EV_EXIT_ERROR;
		}
	}
	ev_buf_free(&b);
}

static void
finish_file(struct run *r)
{
	if (r->fix == NULL)
		return;
	if (r->o->mode == M_FIX)
		rewrite(r);
	else {
		ev_buf_clear(&r->outb);
		news_fix_diff(r->fix, r->name, &r->outb);
		r->findings += r->outb.len > 0;
		if (r->o->cli.color_on && r->outb.len > 0) {
			ev_buf_clear(&r->tmp);
			color_diff(r->outb.p, r->outb.len, &r->tmp);
			emit(r, r->tmp.p, r->tmp.len);
		} else
			emit(r, r->outb.p, r->outb.len);
	}
	news_fix_free(r->fix);
	r->fix = NULL;
}

static void
read_file(struct run *r, const char *path)
{
	struct news_reader *rd;
	struct news_article *a;
	struct ev_err err;
	int rc, n = 0;

	r->name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (slurp(path, &r->src) < 0) {
		snprintf(err.msg, sizeof(err.msg), "%s: %s", r->name,
		    strerror(errno));
		ev_cli_bad(&r->o->cli, err.msg, -2);
		return;
	}
	if (r->o->mode == M_FIX || r->o->mode == M_DIFF)
		r->fix = news_fix_new(r->src.p, r->src.len);
	rd = news_reader_new(r->name, r->src.p, r->src.len, r->o->in);
	while ((rc = news_read(rd, &a, &err)) != 0 && !r->werr) {
		n++;
		if (rc < 0) {
			ev_cli_bad(&r->o->cli, err.msg, -1);
			continue;
		}
		article(r, a);
		news_article_free(a);
	}
	news_reader_free(rd);
	if (n == 0) {
		snprintf(err.msg, sizeof(err.msg), "%s: no article", r->name);
		ev_cli_bad(&r->o->cli, err.msg, -1);
	}
	finish_file(r);
}

/* --digest: a warning of the expansion (a cap hit, a bad rule). */
static void
digest_warn(void *arg, const char *msg)
{
	struct run *r = arg;

	ev_cli_bad(&r->o->cli, msg, -1);
}

/* --digest: the window, [*lo, *hi): --from, --to (ev-list's meaning),
 * else the span of the events read. */
static void
digest_window(struct opts *o, struct news_digest *d, int64_t *lo,
    int64_t *hi)
{
	struct ev_ctx *ctx = o->cli.ctx;
	struct ev_err err;
	int64_t a, z;

	if (news_digest_span(d, lo, hi) < 0)
		*lo = *hi = ev_day_start(ctx, ev_ctx_now(ctx));
	if (o->from != NULL) {
		if (ev_window(ctx, EV_W_FROM, o->from, &a, &z, &err) < 0)
			ev_die(EV_EXIT_ERROR, "--from: %s", err.msg);
		*lo = a;
		if (*hi <= a)
			*hi = ev_day_add(ctx, ev_day_start(ctx, a), 1);
	}
	if (o->to != NULL) {
		if (ev_window(ctx, EV_W_TO, o->to, &a, &z, &err) < 0)
			ev_die(EV_EXIT_ERROR, "--to: %s", err.msg);
		*hi = z;
	}
}

/*
 * --digest: read the events, make the tips article of the window and
 * write it as -o says, typeset as any article.  No event in the window:
 * nothing written, exit 1, as a filter that selects nothing.
 */
static void
digest(struct run *r, char **files, int nfiles)
{
	struct opts *o = r->o;
	struct ev_input *in = ev_cli_input_new(&o->cli, &o->din, files, nfiles);
	struct ev_event *ev = ev_event_new();
	struct news_digest *d;
	struct news_article *a;
	int64_t lo, hi;

	o->dg.lang = o->lang != NULL ? o->t.lang : news_lang_from_env();
	o->dg.date = ev_ctx_now(o->cli.ctx);
	d = news_digest_new(o->cli.ctx, &o->dg);
	ev_input_noraw(in);
	while (ev_cli_next(&o->cli, in, ev))
		news_digest_add(d, ev);
	ev_event_free(ev);
	ev_input_free(in);
	if (!(o->cli.strict && o->cli.status != EV_EXIT_OK)) {
		/* a bad window is a usage error: checked before reading
		 * would need the events' span, so it is checked here */
		digest_window(o, d, &lo, &hi);
		if (hi <= lo)
			ev_die(EV_EXIT_ERROR, "the window ends before it starts");
		a = news_digest_build(d, lo, hi, EV_OCC_LIMIT, digest_warn,
		    r);
		if (a == NULL) {
			ev_warn("no events to write about");
			if (o->cli.status == EV_EXIT_OK)
				o->cli.status = EV_EXIT_NONE;
		} else {
			r->name = "<digest>";
			r->quiet = 1;
			article(r, a);
			news_article_free(a);
		}
	}
	news_digest_free(d);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .typo = 1, .in = NEWS_IN_AUTO, .out = NEWS_OUT_TEXT,
	    .width = 72 };
	struct run r = { .o = &o };
	char *stdin_only[] = { "-" };
	int status;

	ev_setprogname(argv[0]);
	o.lint = news_lint_new(NEWS_LANG_DE);
	parse_args(&argc, &argv, &o);
	ev_cli_setup(&o.cli);
	check_args(&o, argc, argv);
	lint_now(&o);
	if (o.mode != M_FIX)
		ev_cli_open(&o.cli);
	if (argc == 0) {
		argv = stdin_only;
		argc = 1;
	}
	if (o.mode == M_WRITE && news_out_feed(o.out))
		r.feed = news_feed_new(o.out, &o.feed);
	if (o.digest)
		digest(&r, argv, argc);
	for (int i = 0; i < argc && !r.werr && !o.digest; i++)
		read_file(&r, argv[i]);
	if (r.feed != NULL && !r.werr)
		feed_finish(&r);
	if (o.standalone && r.articles > 0 && !r.werr) {
		ev_buf_clear(&r.outb);
		news_html_end(&r.outb);
		emit(&r, r.outb.p, r.outb.len);
	}
	if ((o.mode == M_CHECK || o.mode == M_DIFF) && r.findings > 0 &&
	    o.cli.status == EV_EXIT_OK)
		o.cli.status = EV_EXIT_NONE;
	if (o.mode == M_CHECK && o.cli.status == EV_EXIT_BAD)
		o.cli.status = EV_EXIT_ERROR;	/* lint: 2 on errors */
	ev_buf_free(&r.src);
	ev_buf_free(&r.tmp);
	ev_buf_free(&r.outb);
	ev_buf_free(&r.hstr);
	ev_buf_free(&r.tmpstr);
	free(r.held);
	news_lint_free(o.lint);
	news_terms_free(o.termtab);
	for (size_t i = 0; i < sizeof(o.speller) / sizeof(o.speller[0]); i++)
		news_spell_free(o.speller[i]);
	status = ev_cli_finish(&o.cli, r.werr);
	return status;
}
