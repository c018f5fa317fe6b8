/* ev-filter - select events from a stream and write them as they came. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"


enum {
	OPT_FROM = 256, OPT_TO, OPT_ON, OPT_TODAY, OPT_TOMORROW, OPT_WEEKEND,
	OPT_WEEK, OPT_MONTH, OPT_UPCOMING, OPT_FREE, OPT_PAID, OPT_FREEPAT,
	OPT_CATEGORY, OPT_FIELD, OPT_HAS, OPT_MISSING, OPT_UID, OPT_STATUS,
	OPT_CANCELLED, OPT_EXPAND, OPT_LISTCAT, OPT_ALLOWEMPTY
};

static const struct option longopts[] = {
	{"from",	required_argument,	NULL, OPT_FROM},
	{"to",		required_argument,	NULL, OPT_TO},
	{"on",		required_argument,	NULL, OPT_ON},
	{"today",	no_argument,		NULL, OPT_TODAY},
	{"tomorrow",	no_argument,		NULL, OPT_TOMORROW},
	{"weekend",	no_argument,		NULL, OPT_WEEKEND},
	{"week",	no_argument,		NULL, OPT_WEEK},
	{"month",	optional_argument,	NULL, OPT_MONTH},
	{"upcoming",	no_argument,		NULL, OPT_UPCOMING},
	{"free",	no_argument,		NULL, OPT_FREE},
	{"paid",	no_argument,		NULL, OPT_PAID},
	{"free-pattern", required_argument,	NULL, OPT_FREEPAT},
	{"category",	required_argument,	NULL, OPT_CATEGORY},
	{"search",	required_argument,	NULL, 'e'},
	{"ignore-case",	no_argument,		NULL, 'i'},
	{"word-regexp",	no_argument,		NULL, 'w'},
	{"fixed-strings", no_argument,		NULL, 'F'},
	{"field",	required_argument,	NULL, OPT_FIELD},
	{"has",		required_argument,	NULL, OPT_HAS},
	{"missing",	required_argument,	NULL, OPT_MISSING},
	{"uid",		required_argument,	NULL, OPT_UID},
	{"status",	required_argument,	NULL, OPT_STATUS},
	{"cancelled",	no_argument,		NULL, OPT_CANCELLED},
	{"invert",	no_argument,		NULL, 'v'},
	{"expand",	no_argument,		NULL, OPT_EXPAND},
	{"count",	no_argument,		NULL, 'c'},
	{"list-categories", no_argument,	NULL, OPT_LISTCAT},
	{"quiet",	no_argument,		NULL, 'q'},
	{"allow-empty",	no_argument,		NULL, OPT_ALLOWEMPTY},
	{"max-count",	required_argument,	NULL, 'n'},
	{"input-format", required_argument,	NULL, EV_OPT_INPUT},
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

/* A predicate as given, added to the filter once the ctx exists. */
struct pred {
	enum ev_pred kind;
	const char *arg;
};

/* What a run writes, decided once from the options. */
enum output {
	OUT_RECORDS,			/* the records, byte for byte */
	OUT_OCCURRENCES,		/* --expand: through a writer */
	OUT_COUNT,			/* -c */
	OUT_QUIET,			/* -q */
	OUT_CATEGORIES			/* --list-categories */
};

struct opts {
	struct ev_cli cli;		/* the common options */
	struct ev_cli_input in;		/* --input-format, --delimiter */
	struct pred *preds;
	size_t	 npreds;
	int	 reflags, invert, expand, count, quiet, listcat;
	int	 allowempty;		/* nothing selected is success */
	long	 limit;			/* -n, -1: all */
	const char *freepat;
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: ev-filter [-cFhiqVvw] [--from DATE] [--to DATE] [--on DATE] [--today]\n"
	    "                 [--tomorrow] [--weekend] [--week] [--month [YYYY-MM]]\n"
	    "                 [--upcoming] [--free] [--paid] [--free-pattern REGEX]\n"
	    "                 [--category NAME] [-e REGEX] [--field NAME=REGEX] [--has NAME]\n"
	    "                 [--missing NAME] [--uid UID] [--status STATUS] [--cancelled]\n"
	    "                 [--expand] [--list-categories] [-n N] [--allow-empty]\n"
	    "                 [--input-format FORMAT] [--delimiter C] [--output FILE]\n"
	    "                 [--now DATE] [--tz ZONE] [--lang de|en] [--color WHEN]\n"
	    "                 [--strict] [FILE ...]\n");
	exit(EV_EXIT_ERROR);
}

static void
help(void)
{
	printf(
	    "usage: ev-filter [options] [FILE ...]\n"
	    "Select events from iCalendar or CSV feeds (files, - or stdin) and write them\n"
	    "as they came, in the input's format.  All predicates must hold; a repeated\n"
	    "option holds when one of its values does.\n"
	    "\n"
	    "Time (an event overlaps the window; a series: one of its occurrences):\n"
	    "      --from DATE       not ended before DATE\n"
	    "      --to DATE         begins before DATE ends\n"
	    "      --on DATE         on that day (or month, for YYYY-MM)\n"
	    "      --today           today\n"
	    "      --tomorrow        tomorrow\n"
	    "      --weekend         the coming Saturday and Sunday, or this weekend\n"
	    "      --week            this ISO week, Monday to Sunday\n"
	    "      --month [YYYY-MM] this month, or the month given\n"
	    "      --upcoming        not yet ended\n"
	    "Record:\n"
	    "      --free            admission is free (a zero price, or a free marker)\n"
	    "      --paid            admission costs (a price that is not zero)\n"
	    "      --free-pattern RE free markers (default: kostenlos, frei, gratis, ...)\n"
	    "      --category NAME   has this category (any case, Unicode folding)\n"
	    "  -e, --search REGEX    summary, description, location or categories match\n"
	    "  -i, --ignore-case     -e and --field ignore case\n"
	    "  -w, --word-regexp     -e and --field match whole words\n"
	    "  -F, --fixed-strings   -e and --field patterns are plain text\n"
	    "      --field NAME=RE   the field or property NAME matches RE\n"
	    "      --has NAME        the field or property NAME is present\n"
	    "      --missing NAME    the field or property NAME is absent\n"
	    "      --uid UID         this UID\n"
	    "      --status STATUS   this STATUS (any case)\n"
	    "      --cancelled       STATUS:CANCELLED\n"
	    "  -v, --invert          select the events that do not match\n"
	    "Output:\n"
	    "      --expand          write matching occurrences of recurring events\n"
	    "                        instead of whole series (not byte for byte)\n"
	    "  -c, --count           print the number of selected events only\n"
	    "      --list-categories print the categories of the selected events, each\n"
	    "                        once, one a line, instead of the events\n"
	    "  -q, --quiet           print nothing; stop at the first selection\n"
	    "  -n, --max-count N     stop after N selected events\n"
	    "      --allow-empty     exit 0, not 1, when nothing is selected (publishing\n"
	    "                        jobs under set -e)\n"
	    "      --input-format F  ics, csv or tsv (default: detected)\n"
	    "      --delimiter C     CSV delimiter: , ; or tab (default: detected)\n"
	    "      --output FILE     replace FILE atomically instead of writing stdout\n"
	    "Common:\n"
	    "      --now DATE        take DATE as now (default: $EV_NOW, else the clock)\n"
	    "      --tz ZONE         display zone (default: $TZ, else the system zone)\n"
	    "      --lang de|en      accepted by every tool (no effect here)\n"
	    "      --color WHEN      accepted by every tool (no effect here)\n"
	    "      --strict          anything reported about the input is an error\n"
	    "                        (exit 2)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Exit status: 0 selected something, 1 nothing, 2 error, 3 something was\n"
	    "reported (a record dropped, a property repaired or left out, a series\n"
	    "capped), every good record kept.  See ev-filter(1) and evkit(7).\n");
	exit(EV_EXIT_OK);
}

static void
pred(struct opts *o, enum ev_pred kind, const char *arg)
{
	o->preds = ev_ereallocarray(o->preds, o->npreds + 1, sizeof(*o->preds));
	o->preds[o->npreds].kind = kind;
	o->preds[o->npreds++].arg = arg;
}

static void
parse_args(int *argcp, char ***argvp, struct opts *o)
{
	int argc = *argcp, c;
	char **argv = *argvp;

	while ((c = getopt_long(argc, argv, "cFhie:n:qVvw", longopts,
	    NULL)) != -1) {
		if (ev_cli_option(&o->cli, c, optarg) ||
		    ev_cli_input_option(&o->in, c, optarg))
			continue;
		switch (c) {
		case OPT_FROM: pred(o, EV_P_FROM, optarg); break;
		case OPT_TO: pred(o, EV_P_TO, optarg); break;
		case OPT_ON: pred(o, EV_P_ON, optarg); break;
		case OPT_TODAY: pred(o, EV_P_TODAY, NULL); break;
		case OPT_TOMORROW: pred(o, EV_P_TOMORROW, NULL); break;
		case OPT_WEEKEND: pred(o, EV_P_WEEKEND, NULL); break;
		case OPT_WEEK: pred(o, EV_P_WEEK, NULL); break;
		case OPT_MONTH:
			pred(o, EV_P_MONTH,
			    ev_cli_optarg(argc, argv, ev_when_is_month));
			break;
		case OPT_UPCOMING: pred(o, EV_P_UPCOMING, NULL); break;
		case OPT_FREE: pred(o, EV_P_FREE, NULL); break;
		case OPT_PAID: pred(o, EV_P_PAID, NULL); break;
		case OPT_FREEPAT: o->freepat = optarg; break;
		case OPT_CATEGORY: pred(o, EV_P_CATEGORY, optarg); break;
		case 'e': pred(o, EV_P_SEARCH, optarg); break;
		case 'i': o->reflags |= EV_RE_CASELESS; break;
		case 'w': o->reflags |= EV_RE_WORD; break;
		case 'F': o->reflags |= EV_RE_FIXED; break;
		case OPT_FIELD: pred(o, EV_P_FIELD, optarg); break;
		case OPT_HAS: pred(o, EV_P_HAS, optarg); break;
		case OPT_MISSING: pred(o, EV_P_MISSING, optarg); break;
		case OPT_UID: pred(o, EV_P_UID, optarg); break;
		case OPT_STATUS: pred(o, EV_P_STATUS, optarg); break;
		case OPT_CANCELLED: pred(o, EV_P_CANCELLED, NULL); break;
		case 'v': o->invert = 1; break;
		case OPT_EXPAND: o->expand = 1; break;
		case 'c': o->count = 1; break;
		case OPT_LISTCAT: o->listcat = 1; break;
		case OPT_ALLOWEMPTY: o->allowempty = 1; break;
		case 'q': o->quiet = 1; break;
		case 'n':
			o->limit = ev_cli_number(optarg, "-n", 0, 1000000000L);
			break;
		case 'h': help(); break;
		case 'V': printf("ev-filter %s\n", EV_VERSION); exit(EV_EXIT_OK);
		default: usage();
		}
	}
	*argcp -= optind;
	*argvp += optind;
}

static const char *
optname(enum ev_pred k)
{
	static const char *const names[EV_P_COUNT] = {
		[EV_P_FREE] = "--free", [EV_P_PAID] = "--paid",
		[EV_P_CATEGORY] = "--category", [EV_P_SEARCH] = "--search",
		[EV_P_FIELD] = "--field", [EV_P_HAS] = "--has",
		[EV_P_MISSING] = "--missing", [EV_P_UID] = "--uid",
		[EV_P_STATUS] = "--status", [EV_P_CANCELLED] = "--cancelled"
	};

	/* the time predicates are the library's windows */
	return k <= EV_P_UPCOMING ? ev_window_option((enum ev_win)k) :
	    names[k];
}

static struct ev_filter *
make_filter(struct opts *o, struct ev_ctx *ctx)
{
	struct ev_filter *f = ev_filter_new(ctx, o->reflags);
	struct ev_err err;

	if (o->freepat && ev_filter_free_pattern(f, o->freepat, &err) < 0)
		ev_die(EV_EXIT_ERROR, "--free-pattern: %s", err.msg);
	for (size_t i = 0; i < o->npreds; i++)
		if (ev_filter_add(f, o->preds[i].kind, o->preds[i].arg,
		    &err) < 0)
			ev_die(EV_EXIT_ERROR, "%s: %s",
			    optname(o->preds[i].kind), err.msg);
	if (o->invert)
		ev_filter_invert(f);
	return f;
}

struct run {
	struct opts *o;
	enum output out;
	struct ev_ctx *ctx;
	struct ev_filter *f;
	struct ev_input *in;
	struct ev_pass *pass;		/* OUT_RECORDS */
	struct ev_writer *w;		/* OUT_OCCURRENCES */
	struct ev_occs *series;		/* --expand: masters and overrides */
	enum ev_format fmt;		/* --expand: of the first input */
	long	 selected;
	int	 werr;
	int	 stop;
	char	**cats;			/* OUT_CATEGORIES: printed so far */
	size_t	 ncats;
};

static void
flush_out(void *arg)
{
	struct run *run = arg;

	if (fflush(run->o->cli.out) != 0)
		run->werr = 1;
}

static void
bad(struct run *run, const char *msg, int rc)
{
	ev_cli_bad(&run->o->cli, msg, rc);
	if (run->o->cli.strict)
		run->stop = 1;
}

static void
reader_done(void *arg, struct ev_reader *r)
{
	struct run *run = arg;
	struct ev_err err;
	int rc;

	if (run->pass == NULL)
		return;
	if ((rc = ev_pass_sync(run->pass, r, &err)) == -1)
		run->werr = 1;
	else if (rc == -2)
		bad(run, err.msg, -2);
}

/* --expand writes in the format of the first input (ICS when none). */
static struct ev_writer *
writer(struct run *run)
{
	struct ev_wopts w = {0};

	if (run->w == NULL) {
		w.delim = run->o->in.delim;
		run->w = ev_writer_new(run->ctx, run->o->cli.out,
		    run->fmt == EV_FMT_AUTO ? EV_FMT_ICS : run->fmt, &w);
	}
	return run->w;
}

/* --list-categories: a category not printed yet (under case folding)
 * is printed at once. */
static int
list_category(void *arg, const char *cat)
{
	struct run *run = arg;

	for (size_t i = 0; i < run->ncats; i++)
		if (ev_casefold_eq(run->cats[i], cat))
			return 0;
	run->cats = ev_ereallocarray(run->cats, run->ncats + 1,
	    sizeof(*run->cats));
	run->cats[run->ncats++] = ev_estrdup(cat);
	/* one a line: a line break inside a name becomes a space */
	for (const char *p = cat; *p; p++)
		if (putc(*p == '\n' || *p == '\r' ? ' ' : *p,
		    run->o->cli.out) == EOF)
			run->werr = run->stop = 1;
	if (putc('\n', run->o->cli.out) == EOF)
		run->werr = run->stop = 1;
	return 0;
}

/* Write a selected event as the output mode says: 1 written (or not a
 * writing mode), 0 it cannot join the output (not counted). */
static int
put(struct run *run, struct ev_event *ev)
{
	struct ev_err err;
	int rc;

	switch (run->out) {
	case OUT_CATEGORIES:
		(void)ev_event_each_category(ev, list_category, run);
		return 1;
	case OUT_RECORDS:
		rc = ev_pass_write(run->pass, ev_input_reader(run->in), ev,
		    &err);
		break;
	case OUT_OCCURRENCES:
		rc = ev_write(writer(run), ev);
		break;
	default:
		return 1;
	}
	if (rc == -1)
		run->werr = run->stop = 1;
	else if (rc == 1)
		bad(run, err.msg, -1);
	else if (rc == -2)
		bad(run, err.msg, -2);
	return rc > -2;		/* -3: the same input again, silently */
}

/* One selected event (or occurrence): count it, write it, stop at -n. */
static void
selected(struct run *run, struct ev_event *ev)
{
	if (run->out == OUT_QUIET) {
		run->selected++;
		run->stop = 1;
		return;
	}
	if (!put(run, ev))
		return;
	run->selected++;
	if (run->o->limit >= 0 && run->selected >= run->o->limit)
		run->stop = 1;
}

/* --expand: the series are expanded at the end, in the window of the
 * time predicates (a year from today when there are none). */
static void
expand_series(struct run *run)
{
	int64_t from, to;
	struct ev_event *ev;
	struct ev_err err;
	int rc;

	if (ev_filter_timed(run->f)) {
		ev_filter_window(run->f, &from, &to);
	} else {
		from = ev_day_start(run->ctx, ev_ctx_now(run->ctx));
		to = ev_day_add(run->ctx, from, 365);
	}
	if (from >= to)
		return;
	ev_occs_expand(run->series, from, to, EV_OCC_LIMIT, 0);
	while (!run->stop && (rc = ev_occs_next(run->series, &ev, &err)) != 0) {
		if (rc < 0)
			bad(run, err.msg, -1);
		else if (ev_filter_match(run->f, ev, NULL))
			selected(run, ev);
	}
}

static void
one(struct run *run, struct ev_event *ev)
{
	struct ev_err warn;
	int sel;

	if (run->o->expand) {
		if (run->fmt == EV_FMT_AUTO)
			run->fmt = ev_reader_format(ev_input_reader(run->in));
		if (ev_event_recurring(ev) ||
		    ev_event_rid(ev)->kind != EV_T_NONE) {
			ev_occs_add(run->series, ev);
			return;
		}
		sel = ev_filter_match(run->f, ev, &warn);
	} else {
		sel = ev_filter_select(run->f, ev, &warn);
	}
	if (warn.msg[0] != '\0')
		bad(run, warn.msg, -1);
	if (sel)
		selected(run, ev);
}

/* Every check of the options, before --output is opened. */
static enum output
check_args(struct opts *o)
{
	if (o->listcat && (o->count || o->quiet))
		ev_die(EV_EXIT_ERROR, "--list-categories cannot be combined with -c or -q");
	if (o->quiet)
		return OUT_QUIET;
	if (o->count)
		return OUT_COUNT;
	if (o->listcat)
		return OUT_CATEGORIES;
	return o->expand ? OUT_OCCURRENCES : OUT_RECORDS;
}

static void
setup(struct run *run, char **files, int nfiles)
{
	struct opts *o = run->o;

	run->in = ev_cli_input_new(&o->cli, &o->in, files, nfiles);
	if (o->expand)
		run->series = ev_occs_new(run->ctx, 0);
	if (run->out == OUT_RECORDS)
		run->pass = ev_pass_new(o->cli.out);
	if (run->out != OUT_COUNT && run->out != OUT_QUIET)
		ev_input_onwait(run->in, flush_out, run);
	ev_input_ondone(run->in, reader_done, run);
	if (o->limit == 0)
		run->stop = 1;
}

static void
filter_all(struct run *run)
{
	struct ev_event *ev = ev_event_new();
	int rc;

	while (!run->stop && (rc = ev_input_next(run->in, ev)) != 0) {
		if (rc < 0)
			bad(run, ev_input_error(run->in), rc);
		else
			one(run, ev);
	}
	if (run->o->expand && !run->stop)
		expand_series(run);
	ev_event_free(ev);
}

/* What comes last: the count, the calendar's end. */
static void
finish(struct run *run)
{
	if (run->out == OUT_COUNT && fprintf(run->o->cli.out, "%ld\n",
	    run->selected) < 0)
		run->werr = 1;
	if (run->pass != NULL && ev_pass_finish(run->pass) < 0)
		run->werr = 1;
	/* --expand with nothing selected is still an (empty) calendar */
	if (run->out == OUT_OCCURRENCES && ev_writer_finish(writer(run)) < 0)
		run->werr = 1;
}

static void
cleanup(struct run *run)
{
	ev_input_free(run->in);
	ev_writer_free(run->w);
	ev_pass_free(run->pass);
	for (size_t i = 0; i < run->ncats; i++)
		free(run->cats[i]);
	free(run->cats);
	ev_occs_free(run->series);
	ev_filter_free(run->f);
	free(run->o->preds);
}

int
main(int argc, char *argv[])
{
	struct opts o = {.limit = -1};
	struct run run = {.o = &o, .fmt = EV_FMT_AUTO};

	ev_setprogname(argv[0]);
	parse_args(&argc, &argv, &o);
	ev_cli_setup(&o.cli);
	run.ctx = o.cli.ctx;
	run.out = check_args(&o);
	run.f = make_filter(&o, run.ctx);
	ev_cli_open(&o.cli);
	setup(&run, argv, argc);
	filter_all(&run);
	finish(&run);
	cleanup(&run);
	if (run.selected == 0 && o.cli.status == EV_EXIT_OK && !o.allowempty)
		o.cli.status = EV_EXIT_NONE;
	/* -q as grep -q: a selection is success, whatever came before */
	if (run.out == OUT_QUIET && run.selected > 0 && !run.werr)
		o.cli.status = EV_EXIT_OK;
	return ev_cli_finish(&o.cli, run.werr);
}
