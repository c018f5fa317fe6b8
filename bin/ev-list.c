/* ev-list - read event feeds, expand recurrences, merge, sort, print. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evkit.h"

#define DEFAULT_CAP	1000

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
	{"input-format", required_argument,	NULL, 'i'},
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
	int	 all, reverse, nosort, nodedupe, cancelled;
	long	 limit;			/* -n, -1: all */
	unsigned maxocc;
	const char *from, *to, *on, *month;
	int	 today, week, monthflag;
	enum ev_format out;
	struct ev_wopts w;
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
	    "      --max-occurrences N  at most N (1-1000000) occurrences per recurring\n"
	    "                        event (default %d); more are reported\n"
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
	    "      --strict          any bad record is an error (exit 2)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Exit status: 0 ok, 2 error, 3 bad records were skipped.\n"
	    "See ev-list(1) and evkit(7).\n", DEFAULT_CAP);
	exit(EV_EXIT_OK);
}

static void
parse_args(int *argcp, char ***argvp, struct opts *o)
{
	int argc = *argcp, c;
	char **argv = *argvp;

	while ((c = getopt_long(argc, argv, "hVn:i:o:f:", longopts, NULL)) != -1) {
		if (ev_cli_option(&o->cli, c, optarg))
			continue;
		switch (c) {
		case OPT_ALL: o->all = 1; break;
		case OPT_FROM: o->from = optarg; break;
		case OPT_TO: o->to = optarg; break;
		case OPT_ON: o->on = optarg; break;
		case OPT_TODAY: o->today = 1; break;
		case OPT_WEEK: o->week = 1; break;
		case OPT_MONTH:
			o->monthflag = 1;
			o->month = ev_cli_optarg(argc, argv, ev_cli_is_month);
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
check_args(struct opts *o)
{
	struct ev_err err;
	int days, windows = !!o->from + !!o->to + !!o->on + o->today + o->week +
	    o->monthflag;
	int64_t secs;

	if (o->all && windows)
		ev_die(EV_EXIT_ERROR, "--all prints every record: it takes no window");
	if (o->on && (o->from || o->to))
		ev_die(EV_EXIT_ERROR, "--on cannot be combined with --from or --to");
	if (o->today + o->week + o->monthflag + !!o->on > 1)
		ev_die(EV_EXIT_ERROR, "give one of --on, --today, --week, --month");
	if (o->month && !ev_cli_is_month(o->month))
		ev_die(EV_EXIT_ERROR, "--month takes YYYY-MM: \"%s\"", o->month);
	if (o->w.template && ev_template_check(o->w.template, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s", err.msg);
	if (o->w.refresh && (ev_duration_parse(o->w.refresh, &days, &secs) < 0 ||
	    days < 0 || secs < 0 || (days == 0 && secs == 0)))
		ev_die(EV_EXIT_ERROR, "--refresh takes a duration like PT12H or P1D: \"%s\"",
		    o->w.refresh);
}

static int64_t
when(struct ev_ctx *ctx, const char *opt, const char *expr, int64_t *hi)
{
	struct ev_err err;
	int64_t lo, h;

	if (ev_when_parse(ctx, expr, &lo, &h, &err) < 0)
		ev_die(EV_EXIT_ERROR, "%s: %s", opt, err.msg);
	if (hi)
		*hi = h;
	return lo;
}

/* The agenda's window [*from, *to). */
static void
window(struct ev_ctx *ctx, struct opts *o, int64_t *from, int64_t *to)
{
	int64_t today = ev_day_start(ctx, ev_ctx_now(ctx));
	struct ev_tm tm;
	char buf[16];

	*from = today;
	*to = ev_day_add(ctx, today, 365);
	if (o->today) {
		*to = ev_day_add(ctx, today, 1);
	} else if (o->week) {
		ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(ctx), today), &tm);
		*from = ev_day_add(ctx, today, -tm.wday);
		*to = ev_day_add(ctx, *from, 7);
	} else if (o->monthflag) {
		ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(ctx), today), &tm);
		snprintf(buf, sizeof(buf), "%04d-%02d", tm.year, tm.mon);
		*from = when(ctx, "--month", o->month ? o->month : buf, to);
	} else if (o->on) {
		*from = when(ctx, "--on", o->on, to);
		if (*to == *from)
			*to = *from + 1;
	} else {
		if (o->from)
			*from = when(ctx, "--from", o->from, NULL);
		/* --to names the last span inside the window: --to
		 * 2016-12-31 includes that day (evkit(7) DATE EXPRESSIONS) */
		if (o->to)
			when(ctx, "--to", o->to, to);
		else if (o->from)
			*to = ev_day_add(ctx, ev_day_start(ctx, *from), 365);
	}
	if (*to < *from)
		ev_die(EV_EXIT_ERROR, "the window ends before it starts");
}

struct run {
	struct ev_ctx *ctx;
	struct opts *o;
	struct ev_writer *w;
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

/* Read everything; with --no-sort write as we go, else collect. */
static struct ev_set *
read_all(struct run *run, char **files, int nfiles)
{
	struct ev_input *in = ev_input_new(run->ctx, files, nfiles,
	    run->o->cli.in, run->o->cli.delim);
	struct ev_set *set = ev_set_new(!run->o->nodedupe && !run->o->nosort);
	struct ev_event *ev = ev_event_new();
	int rc, streaming = run->o->all && run->o->nosort;

	ev_input_noraw(in);
	while ((rc = ev_input_next(in, ev)) != 0) {
		if (rc < 0) {
			ev_cli_bad(&run->o->cli, ev_input_error(in), rc);
			if (run->o->cli.strict)
				break;
			continue;
		}
		if (streaming) {
			if (!emit(run, ev))
				break;
			continue;
		}
		ev_set_add(set, ev);
	}
	ev_event_free(ev);
	ev_input_free(in);
	return set;
}

/* Write a collected set: its zones first, then its events. */
static void
emit_set(struct run *run, struct ev_set *set)
{
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

static void
list_records(struct run *run, struct ev_set *set)
{
	if (!run->o->nosort)
		ev_set_sort(set, run->o->reverse);
	emit_set(run, set);
}

static void
list_agenda(struct run *run, struct ev_set *set)
{
	int64_t from, to;
	struct ev_expand *x;
	struct ev_set *occ = ev_set_new(0);
	struct ev_event *ev;
	struct ev_err err;
	int rc;

	window(run->ctx, run->o, &from, &to);
	ev_writer_clip(run->w, from);
	x = ev_expand_new(run->ctx, from, to, run->o->maxocc);
	for (size_t i = 0; i < ev_set_count(set); i++)
		ev_expand_add(x, ev_set_take(set, i));
	while ((rc = ev_expand_next(x, &ev, &err)) != 0) {
		if (rc < 0) {
			ev_cli_bad(&run->o->cli, err.msg, rc);
			continue;
		}
		ev_set_add(occ, ev);
		ev_event_free(ev);
	}
	ev_expand_free(x);
	if (!run->o->nosort)
		ev_set_sort(occ, run->o->reverse);
	emit_set(run, occ);
	ev_set_free(occ);
}

int
main(int argc, char *argv[])
{
	struct opts o = {.limit = -1, .maxocc = DEFAULT_CAP, .out = EV_FMT_TEXT};
	struct run run = {.o = &o};
	struct ev_set *set;

	ev_setprogname(argv[0]);
	parse_args(&argc, &argv, &o);
	check_args(&o);
	ev_cli_setup(&o.cli);
	run.ctx = o.cli.ctx;
	o.w.color = o.cli.color_on;
	o.w.delim = o.cli.delim;
	run.w = ev_writer_new(run.ctx, o.cli.out, o.out, &o.w);
	set = read_all(&run, argv, argc);
	if (!(o.cli.strict && o.cli.status != EV_EXIT_OK)) {
		if (o.all)
			list_records(&run, set);
		else
			list_agenda(&run, set);
	}
	ev_set_free(set);
	if (ev_writer_finish(run.w) < 0)
		run.werr = 1;
	ev_writer_free(run.w);
	return ev_cli_finish(&o.cli, run.werr);
}
