/* ev-cal - a month or year calendar that marks the days with events. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evkit.h"

/* Occurrences of one recurring event counted at most: a year of hourly
 * events still fits. */
#define CAP	10000

enum {
	OPT_MONTH = 256, OPT_YEAR
};

static const struct option longopts[] = {
	{"three",	no_argument,		NULL, '3'},
	{"month",	optional_argument,	NULL, OPT_MONTH},
	{"year",	optional_argument,	NULL, OPT_YEAR},
	{"input-format", required_argument,	NULL, EV_OPT_INPUT},
	{"output-format", required_argument,	NULL, 'o'},
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

struct opts {
	struct ev_cli cli;		/* the common options */
	struct ev_cli_input in;		/* -i, --delimiter */
	int	 three, monthflag, yearflag, html;
	const char *month, *year;	/* the arguments, or NULL: now's */
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: ev-cal [-hV] [-3] [--month [YYYY-MM]] [--year [YYYY]] [-o text|html]\n"
	    "              [-i FORMAT] [--delimiter C] [--output FILE] [--now DATE]\n"
	    "              [--tz ZONE] [--lang de|en] [--color WHEN] [--strict] [FILE ...]\n");
	exit(EV_EXIT_ERROR);
}

static void
help(void)
{
	printf(
	    "usage: ev-cal [options] [FILE ...]\n"
	    "Print a calendar, Monday first, that marks the days with events read from\n"
	    "iCalendar and CSV feeds (files, - or stdin; none when stdin is a terminal).\n"
	    "\n"
	    "What to show (default: the month of today):\n"
	    "  -3, --three           the months before and after, too, side by side\n"
	    "      --month [YYYY-MM] this month, or the month given\n"
	    "      --year [YYYY]     the twelve months of this year, or of YYYY\n"
	    "Input and output:\n"
	    "  -i, --input-format F  ics, csv or tsv (default: detected)\n"
	    "  -o, --output-format F text (default, like cal(1)) or html (a table per\n"
	    "                        month, for a web page)\n"
	    "      --delimiter C     CSV delimiter: , ; or tab (default: detected)\n"
	    "      --output FILE     replace FILE atomically instead of writing stdout\n"
	    "Common:\n"
	    "      --now DATE        take DATE as now (default: $EV_NOW, else the clock)\n"
	    "      --tz ZONE         display zone (default: $TZ, else the system zone)\n"
	    "      --lang de|en      language of month and weekday names (default: from\n"
	    "                        LC_ALL, LC_TIME, LANG)\n"
	    "      --color WHEN      auto (a terminal, no NO_COLOR), always or never:\n"
	    "                        days with events bold, today in reverse video\n"
	    "      --strict          any bad record is an error (exit 2)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Exit status: 0 ok, 2 error, 3 bad records were skipped.\n"
	    "See ev-cal(1) and evkit(7).\n");
	exit(EV_EXIT_OK);
}

/* Any number: a feed is hardly named so, and 10000 gets a clear error. */
static int
is_year(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

/* --opt=ARG, or --opt ARG when the next word looks like one. */
static void
parse_args(int *argcp, char ***argvp, struct opts *o)
{
	int argc = *argcp, c;
	char **argv = *argvp;

	while ((c = getopt_long(argc, argv, "hV3i:o:", longopts, NULL)) != -1) {
		if (ev_cli_option(&o->cli, c, optarg) ||
		    ev_cli_input_option(&o->in, c == 'i' ? EV_OPT_INPUT : c,
		    optarg))
			continue;
		switch (c) {
		case '3': o->three = 1; break;
		case OPT_MONTH:
			o->monthflag = 1;
			o->month = ev_cli_optarg(argc, argv, ev_when_is_month);
			break;
		case OPT_YEAR:
			o->yearflag = 1;
			o->year = ev_cli_optarg(argc, argv, is_year);
			break;
		case 'o':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "html") != 0)
				ev_die(EV_EXIT_ERROR, "output format must be text or html: \"%s\"", optarg);
			o->html = strcmp(optarg, "html") == 0;
			break;
		case 'h': help(); break;
		case 'V': printf("ev-cal %s\n", EV_VERSION); exit(EV_EXIT_OK);
		default: usage();
		}
	}
	*argcp -= optind;
	*argvp += optind;
}

/* The month shown, or the first of -3 and --year: --month's window. */
static void
first_month(struct ev_ctx *ctx, const struct opts *o, int *y, int *m)
{
	struct ev_err err;
	struct ev_tm tm;
	int64_t lo, hi;

	if (ev_window(ctx, EV_W_MONTH, o->month, &lo, &hi, &err) < 0)
		ev_die(EV_EXIT_ERROR, "--month: %s", err.msg);
	ev_tm_from_wall(ev_zone_to_wall(ev_ctx_zone(ctx), lo), &tm);
	*y = tm.year;
	*m = tm.mon;
}

/* Every check of the options, then the calendar asked for: a month
 * (with its neighbours for -3) or a year; before --output is opened. */
static struct ev_cal *
make_cal(struct ev_ctx *ctx, const struct opts *o)
{
	struct ev_cal *cal;
	int y, m;

	if (o->monthflag && o->yearflag)
		ev_die(EV_EXIT_ERROR, "give one of --month and --year");
	if (o->three && o->yearflag)
		ev_die(EV_EXIT_ERROR, "-3 shows three months: it takes no --year");
	first_month(ctx, o, &y, &m);
	if (o->yearflag)
		cal = ev_cal_new(ctx, o->year ? (int)ev_cli_number(o->year,
		    "--year", 1, 9999) : y, 1, 12);
	else if (!o->three)
		cal = ev_cal_new(ctx, y, m, 1);
	else if (m == 1)
		cal = ev_cal_new(ctx, y - 1, 12, 3);
	else
		cal = ev_cal_new(ctx, y, m - 1, 3);
	if (cal == NULL)
		ev_die(EV_EXIT_ERROR, "cannot make a calendar for that date");
	return cal;
}

/* Read every event into the stream; stop at a bad record under
 * --strict. */
static void
read_all(struct opts *o, struct ev_occs *occs, char **files, int nfiles)
{
	struct ev_input *in = ev_cli_input_new(&o->cli, &o->in, files, nfiles);
	struct ev_event *ev = ev_event_new();
	int rc;

	/* only times and a few fields are looked at: no raw bytes */
	ev_input_noraw(in);
	while ((rc = ev_input_next(in, ev)) != 0) {
		if (rc < 0) {
			ev_cli_bad(&o->cli, ev_input_error(in), rc);
			if (o->cli.strict)
				break;
			continue;
		}
		ev_occs_add(occs, ev);
	}
	ev_event_free(ev);
	ev_input_free(in);
}

/* Count the occurrences that overlap the calendar, cancelled ones not. */
static void
mark(struct opts *o, struct ev_cal *cal, struct ev_occs *occs)
{
	struct ev_event *occ;
	struct ev_err err;
	int64_t from, to;
	int rc;

	ev_cal_span(cal, &from, &to);
	ev_occs_expand(occs, from, to, CAP, 0);
	while ((rc = ev_occs_next(occs, &occ, &err)) != 0) {
		if (rc < 0)
			ev_cli_bad(&o->cli, err.msg, rc);
		else if (!ev_event_cancelled(occ))
			ev_cal_add(cal, occ);
	}
}

static int
render(const struct opts *o, const struct ev_cal *cal)
{
	struct ev_buf out = {0};
	int werr = 0;

	if (o->html)
		ev_cal_html(cal, &out);
	else
		ev_cal_text(cal, o->cli.color_on, &out);
	if (fwrite(out.p, 1, out.len, o->cli.out) != out.len)
		werr = 1;
	ev_buf_free(&out);
	return werr;
}

int
main(int argc, char *argv[])
{
	struct opts o = {0};
	struct ev_cal *cal;
	struct ev_occs *occs = NULL;
	int werr = 0;

	ev_setprogname(argv[0]);
	parse_args(&argc, &argv, &o);
	ev_cli_setup(&o.cli);
	cal = make_cal(o.cli.ctx, &o);
	ev_cli_open(&o.cli);
	/* like cal(1): nothing to read when stdin is a terminal */
	if (argc > 0 || !isatty(STDIN_FILENO)) {
		occs = ev_occs_new(o.cli.ctx, 1);
		read_all(&o, occs, argv, argc);
	}
	if (!(o.cli.strict && o.cli.status != EV_EXIT_OK)) {
		if (occs != NULL)
			mark(&o, cal, occs);
		werr = render(&o, cal);
	}
	ev_occs_free(occs);
	ev_cal_free(cal);
	return ev_cli_finish(&o.cli, werr);
}
