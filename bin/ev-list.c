/* ev-list - read event feeds, expand recurrences, merge, sort, print. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

enum {
	OPT_ALL = 256, OPT_FROM, OPT_TO, OPT_ON, OPT_TODAY, OPT_WEEK, OPT_MONTH,
	OPT_REVERSE, OPT_NOSORT, OPT_NODEDUPE, OPT_CANCELLED, OPT_MAXOCC,
	OPT_CALNAME, OPT_REFRESH
};

static const struct option longopts[] = {
	{"all",		no_argument,		NULL, OPT_ALL},
	{"from",	required_argument,	NULL, OPT_FROM},
	{"to",		required_argument,	NULL, OPT_TO},
	{"on",		required_argument,	NULL, OPT_ON},
	{"today",	no_argument,		NULL, OPT_TODAY},
	{"week",	no_argument,		NULL, OPT_WEEK},
	{"month",	optional_argument,	NULL, OPT_MONTH},
	{"reverse",	no_argument,		NULL, OPT_REVERSE},
	{"no-sort",	no_argument,		NULL, OPT_NOSORT},
	{"no-dedupe",	no_argument,		NULL, OPT_NODEDUPE},
	{"cancelled",	no_argument,		NULL, OPT_CANCELLED},
	{"max-occurrences", required_argument,	NULL, OPT_MAXOCC},
	{"input-format", required_argument,	NULL, EV_OPT_INPUT},
	{"output-format", required_argument,	NULL, 'o'},
	{"format",	required_argument,	NULL, 'f'},
	{"delimiter",	required_argument,	NULL, EV_OPT_DELIM},
	{"output",	required_argument,	NULL, EV_OPT_OUTPUT},
	{"calname",	required_argument,	NULL, OPT_CALNAME},
	{"refresh",	required_argument,	NULL, OPT_REFRESH},
	{"now",		required_argument,	NULL, EV_OPT_NOW},
	{"tz",		required_argument,	NULL, EV_OPT_TZ},
	{"lang",	required_argument,	NULL, EV_OPT_LANG},
	{"color",	required_argument,	NULL, EV_OPT_COLOR},
	{"strict",	no_argument,		NULL, EV_OPT_STRICT},
	{"help",	no_argument,		NULL, 'h'},
	{"version",	no_argument,		NULL, 'V'},
	{NULL,		0,			NULL, 0}
};

struct opts {
	struct ev_cli cli;		/* the common options */
	struct ev_cli_input in;		/* -i, --delimiter */
	int	 all, reverse, nosort, nodedupe, cancelled;
	long	 limit;			/* -n, -1: all */
	unsigned maxocc;
	const char *from, *to;
	int	 nwin;			/* --on, --today, --week, --month */
	enum ev_win win;
	const char *winarg;
	enum ev_format out;
	struct ev_wopts w;
	int64_t	 lo, hi;		/* the agenda's window */
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: ev-list [-hV] [--all] [--from DATE] [--to DATE] [--on DATE] [--today]\n"
	    "               [--week] [--month [YYYY-MM]] [-n N] [--reverse] [--no-sort]\n"
	    "               [--no-dedupe] [--cancelled] [--max-occurrences N] [-i FORMAT]\n"
	    "               [-o FORMAT] [-f TEMPLATE] [--delimiter C] [--output FILE]\n"
	    "               [--calname NAME] [--refresh DURATION] [--now DATE] [--tz ZONE]\n"
	    "               [--lang de|en] [--color WHEN] [--strict] [FILE ...]\n");
	exit(EV_EXIT_ERROR);
}

static void
help(void)
{
	printf(
	    "usage: ev-list [options] [FILE ...]\n"
	    "Read iCalendar and CSV feeds (files, - or stdin), expand recurring events,\n"
	    "merge, sort and print them.\n"
	    "\n"
	    "Window (agenda mode; default: --from today --to +365d):\n"
	    "      --from DATE       events that end after DATE\n"
	    "      --to DATE         events that start before DATE\n"
	    "      --on DATE         events on that day (or month, for YYYY-MM)\n"
	    "      --today           events today\n"
	    "      --week            events this week (ISO week, Monday to Sunday)\n"
	    "      --month [YYYY-MM] events this month, or in the month given\n"
	    "      --all             every record as it is: nothing expanded, no window\n"
	    "Selection and order:\n"
	    "  -n N                  print the first N events only\n"
	    "      --reverse         latest first\n"
	    "      --no-sort         with --all: keep input order and stream (implies\n"
	    "                        --no-dedupe)\n"
	    "      --no-dedupe       keep every copy of an event found in several feeds\n"
	    "      --cancelled       include cancelled events and occurrences (--all\n"
	    "                        always keeps cancelled records)\n"
	    "      --max-occurrences N  at most N (1-1000000) occurrences of a recurring\n"
	    "                        event in the window (default %d, beyond any\n"
	    "                        real series); more are reported as capped\n"
	    "Input and output:\n"
	    "  -i, --input-format F  ics, csv or tsv (default: detected; tsv as -o tsv\n"
	    "                        writes it, with backslash escapes)\n"
	    "  -o, --output-format F text (default), ics, csv, tsv or json\n"
	    "  -f, --format TEMPLATE one line per event: {field} or {start:%%d.%%m. %%H:%%M}\n"
	    "      --delimiter C     CSV delimiter: , ; or tab (default: detected / ,)\n"
	    "      --output FILE     replace FILE atomically instead of writing stdout\n"
	    "      --calname NAME    ICS output: calendar name (NAME, X-WR-CALNAME)\n"
	    "      --refresh DUR     ICS output: refresh interval, e.g. PT12H\n"
	    "Common:\n"
	    "      --now DATE        take DATE as now (default: $EV_NOW, else the clock)\n"
	    "      --tz ZONE         display zone (default: $TZ, else the system zone)\n"
	    "      --lang de|en      language of the agenda (default: from LC_ALL,\n"
	    "                        LC_TIME, LANG)\n"
	    "      --color WHEN      auto (a terminal, no NO_COLOR), always or never\n"
	    "      --strict          anything reported about the input is an error\n"
	    "                        (exit 2)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Exit status: 0 ok, 2 error, 3 something was reported (a record dropped, a\n"
	    "property repaired or left out, a series capped), every good record kept.\n"
	    "See ev-list(1) and evkit(7).\n", EV_OCC_LIMIT);
	exit(EV_EXIT_OK);
}

/* --on, --today, --week, --month: one of them. */
static void
window(struct opts *o, enum ev_win win, const char *arg)
{
	o->nwin++;
	o->win = win;
	o->winarg = arg;
}

static void
parse_args(int *argcp, char ***argvp, struct opts *o)
{
	int argc = *argcp, c;
	char **argv = *argvp;

	while ((c = getopt_long(argc, argv, "hVn:i:o:f:", longopts, NULL)) != -1) {
		if (ev_cli_option(&o->cli, c, optarg) ||
		    ev_cli_input_option(&o->in, c == 'i' ? EV_OPT_INPUT : c,
		    optarg))
			continue;
		switch (c) {
		case OPT_ALL: o->all = 1; break;
		case OPT_FROM: o->from = optarg; break;
		case OPT_TO: o->to = optarg; break;
		case OPT_ON: window(o, EV_W_ON, optarg); break;
		case OPT_TODAY: window(o, EV_W_TODAY, NULL); break;
		case OPT_WEEK: window(o, EV_W_WEEK, NULL); break;
		case OPT_MONTH:
			window(o, EV_W_MONTH,
			    ev_cli_optarg(argc, argv, ev_when_is_month));
			break;
		case OPT_REVERSE: o->reverse = 1; break;
		case OPT_NOSORT: o->nosort = 1; break;
		case OPT_NODEDUPE: o->nodedupe = 1; break;
		case OPT_CANCELLED: o->cancelled = 1; break;
		case OPT_MAXOCC:
			o->maxocc = (unsigned)ev_cli_number(optarg,
			    "--max-occurrences", 1, 1000000);
			break;
		case 'n':
			o->limit = ev_cli_number(optarg, "-n", 0, 1000000000L);
			break;
		case 'o':
			if (ev_format_parse(optarg, &o->out) < 0 ||
			    o->out == EV_FMT_AUTO || o->out == EV_FMT_TEMPLATE)
				ev_die(EV_EXIT_ERROR, "output format must be text, ics, csv, tsv or json: \"%s\"", optarg);
			break;
		case 'f': o->w.template = optarg; o->out = EV_FMT_TEMPLATE; break;
		case OPT_CALNAME: o->w.calname = optarg; break;
		case OPT_REFRESH: o->w.refresh = optarg; break;
		case 'h': help(); break;
		case 'V': printf("ev-list %s\n", EV_VERSION); exit(EV_EXIT_OK);
		default: usage();
		}
	}
	*argcp -= optind;
	*argvp += optind;
}

static void
window_of(struct ev_ctx *ctx, enum ev_win win, const char *arg, int64_t *lo,
    int64_t *hi)
{
	struct ev_err err;

	if (ev_window(ctx, win, arg, lo, hi, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s: %s", ev_window_option(win), err.msg);
}

/* The agenda's window [o->lo, o->hi): a year from today unless told
 * otherwise; --from alone: a year from that day; --to alone: from
 * today. */
static void
agenda_window(struct ev_ctx *ctx, struct opts *o)
{
	int64_t today = ev_day_start(ctx, ev_ctx_now(ctx)), lo, hi;

	o->lo = today;
	o->hi = ev_day_add(ctx, today, 365);
	if (o->nwin > 0) {
		/* --today, --week, --month: --from and --to are ignored */
		window_of(ctx, o->win, o->winarg, &o->lo, &o->hi);
		return;
	}
	if (o->from) {
		window_of(ctx, EV_W_FROM, o->from, &lo, &hi);
		o->lo = lo;
		o->hi = ev_day_add(ctx, ev_day_start(ctx, lo), 365);
	}
	if (o->to) {
		window_of(ctx, EV_W_TO, o->to, &lo, &hi);
		o->hi = hi;
	}
	if (o->hi < o->lo)
		ev_die(EV_EXIT_ERROR, "the window ends before it starts");
}

/* Every check of the options, before --output is opened. */
static void
check_args(struct ev_ctx *ctx, struct opts *o)
{
	struct ev_err err;
	int days;
	int64_t secs;

	if (o->all && (o->from || o->to || o->nwin))
		ev_die(EV_EXIT_ERROR, "--all prints every record: it takes no window");
	if (o->nwin > 0 && o->win == EV_W_ON && (o->from || o->to))
		ev_die(EV_EXIT_ERROR, "--on cannot be combined with --from or --to");
	if (o->nwin > 1)
		ev_die(EV_EXIT_ERROR, "give one of --on, --today, --week, --month");
	if (o->w.template && ev_template_check(o->w.template, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s", err.msg);
	if (o->w.refresh && (ev_duration_parse(o->w.refresh, &days, &secs) < 0 ||
	    days < 0 || secs < 0 || (days == 0 && secs == 0)))
		ev_die(EV_EXIT_ERROR, "--refresh takes a duration like PT12H or P1D: \"%s\"",
		    o->w.refresh);
	if (!o->all)
		agenda_window(ctx, o);
}

struct run {
	struct ev_ctx *ctx;
	struct opts *o;
	struct ev_writer *w;
	struct ev_set *set;		/* --all: the records */
	struct ev_occs *occs;		/* the agenda: records, occurrences */
	long	 written;
	int	 werr;
};

/* Write one event unless -n is reached; 0 when the run should stop. */
static int
emit(struct run *run, struct ev_event *ev)
{
	if (run->o->limit >= 0 && run->written >= run->o->limit)
		return 0;
	/* --all is every record as it is: a cancelled override keeps
	 * its instance cancelled when the feed is read again */
	if (!run->o->all && !run->o->cancelled && ev_event_cancelled(ev))
		return 1;
	if (ev_write(run->w, ev) < 0) {
		run->werr = 1;
		return 0;
	}
	run->written++;
	return 1;
}

/* Read everything; with --all --no-sort write as we go, else collect. */
static void
read_all(struct run *run, char **files, int nfiles)
{
	struct ev_input *in = ev_cli_input_new(&run->o->cli, &run->o->in,
	    files, nfiles);
	struct ev_event *ev = ev_event_new();
	int streaming = run->o->all && run->o->nosort;

	ev_input_noraw(in);
	while (ev_cli_next(&run->o->cli, in, ev)) {
		if (streaming) {
			if (!emit(run, ev))
				break;
		} else if (run->set != NULL) {
			ev_set_add(run->set, ev);
		} else {
			ev_occs_add(run->occs, ev);
		}
	}
	ev_event_free(ev);
	ev_input_free(in);
}

/* --all: the records, sorted; their zones first, then the events. */
static void
list_records(struct run *run)
{
	struct ev_set *set = run->set;

	if (!run->o->nosort)
		ev_set_sort(set, run->o->reverse);
	for (size_t i = 0; i < ev_set_count(set); i++) {
		ev_set_ahead(set, i);
		ev_writer_note(run->w, ev_set_get(set, i));
	}
	for (size_t i = 0; i < ev_set_count(set); i++) {
		ev_set_ahead(set, i);
		if (!emit(run, ev_set_get(set, i)))
			break;
	}
}

/* The agenda: the occurrences in the window, in order; the warnings of
 * the expansion first, then the zones, then the events. */
static void
list_agenda(struct run *run)
{
	struct opts *o = run->o;
	struct ev_event *ev;
	struct ev_err err;
	int rc;

	ev_writer_clip(run->w, o->lo);
	ev_occs_expand(run->occs, o->lo, o->hi, o->maxocc,
	    o->reverse && !o->nosort);
	while ((rc = ev_occs_next(run->occs, &ev, &err)) != 0) {
		if (rc < 0)
			ev_cli_bad(&o->cli, err.msg, rc);
		else
			ev_writer_note(run->w, ev);
	}
	ev_occs_rewind(run->occs);
	while (ev_occs_next(run->occs, &ev, NULL) > 0)
		if (!emit(run, ev))
			break;
}

int
main(int argc, char *argv[])
{
	struct opts o = {.limit = -1, .maxocc = EV_OCC_LIMIT, .out = EV_FMT_TEXT};
	struct run run = {.o = &o};

	ev_setprogname(argv[0]);
	parse_args(&argc, &argv, &o);
	ev_cli_setup(&o.cli);
	run.ctx = o.cli.ctx;
	check_args(run.ctx, &o);
	ev_cli_open(&o.cli);
	o.w.color = o.cli.color_on;
	o.w.delim = o.in.delim;
	run.w = ev_writer_new(run.ctx, o.cli.out, o.out, &o.w);
	if (o.all)
		run.set = ev_set_new(!o.nodedupe && !o.nosort);
	else
		run.occs = ev_occs_new(run.ctx, !o.nodedupe && !o.nosort);
	read_all(&run, argv, argc);
	if (!(o.cli.strict && o.cli.status != EV_EXIT_OK)) {
		if (o.all)
			list_records(&run);
		else
			list_agenda(&run);
	}
	ev_set_free(run.set);
	ev_occs_free(run.occs);
	if (ev_writer_finish(run.w) < 0)
		run.werr = 1;
	ev_writer_free(run.w);
	return ev_cli_finish(&o.cli, run.werr);
}
