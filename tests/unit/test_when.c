/*
 * Unit tests: when.c
 *
 * Every expected instant is a UTC epoch worked out by hand and checked
 * with date(1), e.g. `TZ=Europe/Berlin date -d "2016-03-27 00:00" +%s`
 * and `date -u -d @1459033200`.  Berlin is UTC+1 in winter, UTC+2 from
 * 2016-03-27 02:00 to 2016-10-30 03:00; New York is UTC-5 in winter,
 * UTC-4 from 2016-03-13 02:00 to 2016-11-06 02:00.
 */
#include "evkit_priv.h"
#include "t.h"

/* Berlin local midnights (start of the named day), UTC seconds. */
#define BER_2015_11_30	1448838000
#define BER_2015_12_01	1448924400
#define BER_2016_02_01	1454281200
#define BER_2016_02_28	1456614000
#define BER_2016_02_29	1456700400
#define BER_2016_03_01	1456786800
#define BER_2016_03_02	1456873200
#define BER_2016_03_26	1458946800
#define BER_2016_03_27	1459033200	/* 23 hours long */
#define BER_2016_03_28	1459116000
#define BER_2016_03_31	1459375200
#define BER_2016_04_01	1459461600
#define BER_2016_04_02	1459548000
#define BER_2016_10_30	1477778400	/* 25 hours long */
#define BER_2016_10_31	1477868400
#define BER_2016_11_21	1479682800
#define BER_2016_11_22	1479769200
#define BER_2016_12_01	1480546800
#define BER_2016_12_14	1481670000
#define BER_2016_12_15	1481756400
#define BER_2016_12_19	1482102000
#define BER_2016_12_20	1482188400
#define BER_2016_12_21	1482274800
#define BER_2016_12_22	1482361200
#define BER_2016_12_23	1482447600
#define BER_2016_12_24	1482534000
#define BER_2016_12_25	1482620400
#define BER_2016_12_26	1482706800
#define BER_2016_12_27	1482793200
#define BER_2016_12_28	1482879600
#define BER_2016_12_30	1483052400
#define BER_2016_12_31	1483138800
#define BER_2017_01_01	1483225200
#define BER_2017_01_04	1483484400
#define BER_2017_01_05	1483570800
#define BER_2017_01_21	1484953200
#define BER_2017_01_22	1485039600
#define BER_2017_01_31	1485817200
#define BER_2017_02_01	1485903600
#define BER_2017_02_28	1488236400
#define BER_2017_03_01	1488322800
#define BER_2017_12_21	1513810800
#define BER_2017_12_22	1513897200

/* New York local midnights. */
#define NYC_2016_03_13	1457845200	/* 23 hours long */
#define NYC_2016_03_14	1457928000
#define NYC_2016_11_01	1477972800
#define NYC_2016_11_06	1478404800	/* 25 hours long */
#define NYC_2016_11_07	1478494800
#define NYC_2016_11_08	1478581200
#define NYC_2016_12_01	1480568400
#define NYC_2016_12_24	1482555600
#define NYC_2016_12_25	1482642000
#define NYC_2016_12_26	1482728400

static struct ev_ctx *ctx;

#define WHEN(e, l, h) do { \
	int64_t lo_ = -1, hi_ = -1; struct ev_err err_ = {{ 0 }}; \
	T_EQ(ev_when_parse(ctx, (e), &lo_, &hi_, &err_), 0); \
	if (err_.msg[0] != '\0') fprintf(stderr, "    (%s)\n", err_.msg); \
	T_EQ(lo_, (l)); T_EQ(hi_, (h)); \
	} while (0)
#define DAY(e, l, h) do { WHEN(e, l, h); } while (0)
#define AT(e, t) WHEN(e, t, t)
#define BAD(e, m) do { \
	int64_t lo_ = 7, hi_ = 7; struct ev_err err_ = {{ 0 }}; \
	T_EQ(ev_when_parse(ctx, (e), &lo_, &hi_, &err_), -1); \
	T_STREQ(err_.msg, (m)); T_EQ(lo_, 7); T_EQ(hi_, 7); \
	} while (0)

static int
use_zone(const char *name)
{
	ctx->zone = ev_zone_get(ctx, name);
	T_OK(ctx->zone != NULL);
	return ctx->zone != NULL ? 0 : -1;
}

/* now = 2016-12-21T10:00:00+01:00, a Wednesday, in Berlin. */
static void
test_words(void)
{
	ctx->now = 1482310800;
	AT("now", 1482310800);
	AT("NOW", 1482310800);
	AT("jetzt", 1482310800);
	DAY("today", BER_2016_12_21, BER_2016_12_22);
	DAY("  Today\t", BER_2016_12_21, BER_2016_12_22);
	DAY("heute", BER_2016_12_21, BER_2016_12_22);
	DAY("tomorrow", BER_2016_12_22, BER_2016_12_23);
	DAY("morgen", BER_2016_12_22, BER_2016_12_23);
	DAY("Morgen", BER_2016_12_22, BER_2016_12_23);
	DAY("yesterday", BER_2016_12_20, BER_2016_12_21);
	DAY("GESTERN", BER_2016_12_20, BER_2016_12_21);
	DAY("\xc3\xbc" "bermorgen", BER_2016_12_23, BER_2016_12_24);
	DAY("\xc3\x9c" "bermorgen", BER_2016_12_23, BER_2016_12_24);
	DAY("uebermorgen", BER_2016_12_23, BER_2016_12_24);
	DAY("vorgestern", BER_2016_12_19, BER_2016_12_20);
}

static void
test_weekdays(void)
{
	ctx->now = 1482310800;			/* Wednesday 10:00 */
	DAY("wednesday", BER_2016_12_21, BER_2016_12_22);	/* today */
	DAY("mi", BER_2016_12_21, BER_2016_12_22);
	DAY("Mittwoch", BER_2016_12_21, BER_2016_12_22);
	DAY("wed", BER_2016_12_21, BER_2016_12_22);
	DAY("thursday", BER_2016_12_22, BER_2016_12_23);
	DAY("do", BER_2016_12_22, BER_2016_12_23);
	DAY("fr", BER_2016_12_23, BER_2016_12_24);
	DAY("saturday", BER_2016_12_24, BER_2016_12_25);
	DAY("sa", BER_2016_12_24, BER_2016_12_25);
	DAY("Samstag", BER_2016_12_24, BER_2016_12_25);
	DAY("sonnabend", BER_2016_12_24, BER_2016_12_25);
	DAY("SAT", BER_2016_12_24, BER_2016_12_25);
	DAY("so", BER_2016_12_25, BER_2016_12_26);
	DAY("sunday", BER_2016_12_25, BER_2016_12_26);
	DAY("Montag", BER_2016_12_26, BER_2016_12_27);
	DAY("tue", BER_2016_12_27, BER_2016_12_28);
	DAY("di", BER_2016_12_27, BER_2016_12_28);

	/* Saturday 2016-12-24 20:00: "saturday" is today. */
	ctx->now = 1482606000;
	DAY("saturday", BER_2016_12_24, BER_2016_12_25);
	DAY("sa", BER_2016_12_24, BER_2016_12_25);
	DAY("fr", BER_2016_12_30, BER_2016_12_31);

	/* 2016-12-24T23:30Z is already Sunday 00:30 in Berlin. */
	ctx->now = 1482622200;
	DAY("today", BER_2016_12_25, BER_2016_12_26);
	DAY("yesterday", BER_2016_12_24, BER_2016_12_25);
	DAY("sa", BER_2016_12_31, BER_2017_01_01);
	DAY("so", BER_2016_12_25, BER_2016_12_26);
}

static void
test_relative(void)
{
	ctx->now = 1482310800;			/* 2016-12-21 10:00 */
	DAY("+0d", BER_2016_12_21, BER_2016_12_22);
	DAY("+3d", BER_2016_12_24, BER_2016_12_25);
	DAY("+3D", BER_2016_12_24, BER_2016_12_25);
	DAY("-1d", BER_2016_12_20, BER_2016_12_21);
	DAY("-2d", BER_2016_12_19, BER_2016_12_20);
	DAY("+2w", BER_2017_01_04, BER_2017_01_05);
	DAY("-1w", BER_2016_12_14, BER_2016_12_15);
	DAY("+1m", BER_2017_01_21, BER_2017_01_22);
	DAY("-1m", BER_2016_11_21, BER_2016_11_22);
	DAY("+1y", BER_2017_12_21, BER_2017_12_22);
	DAY("+1Y", BER_2017_12_21, BER_2017_12_22);
	DAY(" +3d ", BER_2016_12_24, BER_2016_12_25);

	/* 2016-01-31 12:00: months clamp to their last day. */
	ctx->now = 1454238000;
	DAY("+1m", BER_2016_02_29, BER_2016_03_01);	/* leap year */
	DAY("+2m", BER_2016_03_31, BER_2016_04_01);
	DAY("+13m", BER_2017_02_28, BER_2017_03_01);
	DAY("-2m", BER_2015_11_30, BER_2015_12_01);
	DAY("+1y", BER_2017_01_31, BER_2017_02_01);
	/* ...and +1d counts days: the 31st + 1 is February 1. */
	DAY("+1d", BER_2016_02_01, BER_2016_02_01 + 86400);

	/* 2016-02-29 12:00: a leap day plus a year is February 28. */
	ctx->now = 1456743600;
	DAY("+1y", BER_2017_02_28, BER_2017_03_01);
	DAY("-1d", BER_2016_02_28, BER_2016_02_29);

	/* 2016-03-26 12:00: relative days cross the spring change. */
	ctx->now = BER_2016_03_26 + 12 * 3600;
	DAY("+1d", BER_2016_03_27, BER_2016_03_28);
	DAY("+2d", BER_2016_03_28, BER_2016_03_28 + 86400);
}

static void
test_dates(void)
{
	ctx->now = 1482310800;
	DAY("2016-12-24", BER_2016_12_24, BER_2016_12_25);
	DAY("24.12.2016", BER_2016_12_24, BER_2016_12_25);
	DAY("1.3.2016", BER_2016_03_01, BER_2016_03_02);
	DAY("01.03.2016", BER_2016_03_01, BER_2016_03_02);
	DAY("20161224", BER_2016_12_24, BER_2016_12_25);
	DAY("2016-02-29", BER_2016_02_29, BER_2016_03_01);
	/* The clock changes: 23 and 25 hour days. */
	DAY("2016-03-27", BER_2016_03_27, BER_2016_03_28);
	T_EQ(BER_2016_03_28 - BER_2016_03_27, 23 * 3600);
	DAY("27.03.2016", BER_2016_03_27, BER_2016_03_28);
	DAY("2016-10-30", BER_2016_10_30, BER_2016_10_31);
	T_EQ(BER_2016_10_31 - BER_2016_10_30, 25 * 3600);
	/* Months. */
	DAY("2016-02", BER_2016_02_01, BER_2016_03_01);
	DAY("2016-03", BER_2016_03_01, BER_2016_04_01);	/* 743 h */
	DAY("2016-12", BER_2016_12_01, BER_2017_01_01);
}

static void
test_datetimes(void)
{
	ctx->now = 1482310800;
	AT("2016-12-24T18:00", 1482598800);		/* 17:00Z */
	AT("2016-12-24t18:00", 1482598800);
	AT("2016-12-24T18:00:00", 1482598800);
	AT("2016-12-24 18:00", 1482598800);
	AT("2016-12-24  18:00:00", 1482598800);
	AT("24.12.2016 18:00", 1482598800);
	AT("24.12.2016 18:00:00", 1482598800);
	AT("20161224T180000", 1482598800);
	AT("2016-12-24T18:00:59", 1482598859);
	AT("2016-12-24T18:00Z", 1482602400);
	AT("2016-12-24T18:00:00z", 1482602400);
	AT("20161224T180000Z", 1482602400);
	AT("2016-12-24T18:00+01:00", 1482598800);
	AT("2016-12-24T18:00:00+0100", 1482598800);
	AT("2016-12-24T18:00+01", 1482598800);
	AT("2016-12-24T18:00-05:00", 1482620400);
	AT("2016-12-24T18:00+05:30", 1482582600);	/* 12:30Z */
	AT("2016-12-24 18:00+00:00", 1482602400);
	AT("2016-12-24T00:00", BER_2016_12_24);
	AT("2016-12-24T23:59:59", BER_2016_12_25 - 1);
	/* Summer time. */
	AT("2016-07-01T12:00", 1467367200);		/* 10:00Z */
	/* In the spring gap 02:00-03:00: the offset before it, +01:00. */
	AT("2016-03-27T02:30", 1459042200);		/* 01:30Z */
	/* Twice on 2016-10-30 02:00-03:00: the first, +02:00. */
	AT("2016-10-30T02:30", 1477787400);		/* 00:30Z */
	AT("2016-10-30T03:00", 1477792800);		/* 02:00Z */
}

static void
test_errors(void)
{
	ctx->now = 1482310800;
	BAD("", "bad date \"\"");
	BAD("   ", "bad date \"   \"");
	BAD("2016-13-45", "bad date \"2016-13-45\": month must be 1-12");
	BAD("2016-12-45", "bad date \"2016-12-45\": day must be 1-31");
	BAD("31.02.2016", "bad date \"31.02.2016\": day must be 1-29");
	BAD("29.02.2015", "bad date \"29.02.2015\": day must be 1-28");
	BAD("0.1.2016", "bad date \"0.1.2016\": day must be 1-31");
	BAD("2016-00", "bad date \"2016-00\": month must be 1-12");
	BAD("2016-13", "bad date \"2016-13\": month must be 1-12");
	BAD("0000-01-01", "bad date \"0000-01-01\": year must be 1-9999");
	BAD("+3x", "bad date \"+3x\": unit must be d, w, m or y");
	BAD("+3", "bad date \"+3\": unit must be d, w, m or y");
	BAD("+3dd", "bad date \"+3dd\": unit must be d, w, m or y");
	BAD("+1234567d", "bad date \"+1234567d\": at most 999999");
	BAD("+999999y", "bad date \"+999999y\": year must be 1-9999");
	BAD("3d", "bad date \"3d\"");			/* the sign is required */
	BAD("+d", "bad date \"+d\"");
	BAD("2016-12-24T24:00", "bad date \"2016-12-24T24:00\": "
	    "hour must be 0-23");
	BAD("2016-12-24T18:60", "bad date \"2016-12-24T18:60\": "
	    "minute must be 0-59");
	BAD("2016-12-24T18:00:60", "bad date \"2016-12-24T18:00:60\": "
	    "second must be 0-59");
	BAD("2016-12-24T18:00+19:00", "bad date \"2016-12-24T18:00+19:00\": "
	    "UTC offset must be -18:00 to +18:00");
	BAD("2016-12-24T18:00+01:60", "bad date \"2016-12-24T18:00+01:60\": "
	    "UTC offset must be -18:00 to +18:00");
	BAD("2016-12-24T18:00+01:", "bad date \"2016-12-24T18:00+01:\"");
	BAD("2016-12-24T18:00+1", "bad date \"2016-12-24T18:00+1\"");
	BAD("2016-12-24T18:00ZZ", "bad date \"2016-12-24T18:00ZZ\"");
	BAD("2016-12-24T18", "bad date \"2016-12-24T18\"");
	BAD("2016-12-24T1800", "bad date \"2016-12-24T1800\"");
	BAD("20161224T18:00", "bad date \"20161224T18:00\"");
	BAD("2016-12-24x", "bad date \"2016-12-24x\"");
	BAD("2016-1-5", "bad date \"2016-1-5\"");
	BAD("201612", "bad date \"201612\"");
	BAD("2016", "bad date \"2016\"");
	BAD("24.12.16", "bad date \"24.12.16\"");
	BAD("24.12.2016T18:00", "bad date \"24.12.2016T18:00\"");
	BAD("24.12.2016 18", "bad date \"24.12.2016 18\"");
	BAD("tomorow", "bad date \"tomorow\"");
	BAD("saturdays", "bad date \"saturdays\"");
	BAD("next saturday", "bad date \"next saturday\"");
	BAD("\xc3\xa4" "bermorgen", "bad date \"\xc3\xa4" "bermorgen\"");
	/* A NULL err is allowed. */
	T_EQ(ev_when_parse(ctx, "junk", NULL, NULL, NULL), -1);
}

static void
test_days(void)
{
	/* ev_day_start: local midnight of the day holding the instant. */
	T_EQ(ev_day_start(ctx, 1459080000), BER_2016_03_27);	/* 14:00 */
	T_EQ(ev_day_start(ctx, BER_2016_03_27), BER_2016_03_27);
	T_EQ(ev_day_start(ctx, BER_2016_03_28 - 1), BER_2016_03_27);
	T_EQ(ev_day_start(ctx, BER_2016_03_27 - 1), BER_2016_03_26);
	T_EQ(ev_day_start(ctx, BER_2016_10_31 - 1), BER_2016_10_30);
	T_EQ(ev_day_start(ctx, 1482310800), BER_2016_12_21);
	T_EQ(ev_day_start(ctx, 0), -3600);	/* 1970-01-01 00:00+01 */
	/* ev_day_add walks wall dates, not multiples of 86400 s. */
	T_EQ(ev_day_add(ctx, BER_2016_03_27, 1), BER_2016_03_28);
	T_EQ(ev_day_add(ctx, BER_2016_03_26, 1), BER_2016_03_27);
	T_EQ(ev_day_add(ctx, BER_2016_03_26, 2), BER_2016_03_28);
	T_EQ(ev_day_add(ctx, BER_2016_03_26, 7), BER_2016_04_02);
	T_EQ(ev_day_add(ctx, BER_2016_03_28, -2), BER_2016_03_26);
	T_EQ(ev_day_add(ctx, BER_2016_10_30, 1), BER_2016_10_31);
	T_EQ(ev_day_add(ctx, BER_2016_12_21, 0), BER_2016_12_21);
	T_EQ(ev_day_add(ctx, BER_2016_12_24, 8), BER_2017_01_01);
	T_EQ(ev_day_add(ctx, BER_2016_03_01, -366), BER_2016_03_01 -
	    366 * 86400);		/* both in winter time */
}

/* The same expressions in New York, where the clocks change elsewhen. */
static void
test_new_york(void)
{
	/* 2016-11-06 12:00 EST: the day that lasts 25 hours. */
	ctx->now = 1478451600;
	DAY("today", NYC_2016_11_06, NYC_2016_11_07);
	T_EQ(NYC_2016_11_07 - NYC_2016_11_06, 25 * 3600);
	DAY("tomorrow", NYC_2016_11_07, NYC_2016_11_08);
	DAY("sunday", NYC_2016_11_06, NYC_2016_11_07);
	DAY("+1d", NYC_2016_11_07, NYC_2016_11_08);
	DAY("2016-03-13", NYC_2016_03_13, NYC_2016_03_14);
	T_EQ(NYC_2016_03_14 - NYC_2016_03_13, 23 * 3600);
	DAY("2016-11", NYC_2016_11_01, NYC_2016_12_01);
	AT("2016-12-24T18:00", 1482620400);		/* 23:00Z */
	AT("2016-03-13T02:30", 1457854200);		/* gap: 07:30Z */
	AT("2016-11-06T01:30", 1478410200);		/* first: 05:30Z */
	AT("2016-12-24T18:00+01:00", 1482598800);	/* offset wins */
	T_EQ(ev_day_start(ctx, 1478451600), NYC_2016_11_06);
	T_EQ(ev_day_add(ctx, NYC_2016_11_06, 1), NYC_2016_11_07);
	T_EQ(ev_day_add(ctx, NYC_2016_03_13, 1), NYC_2016_03_14);

	/* 2016-12-24 22:00 EST is already the 25th in UTC. */
	ctx->now = 1482634800;
	AT("now", 1482634800);
	DAY("today", NYC_2016_12_24, NYC_2016_12_25);
	DAY("tomorrow", NYC_2016_12_25, NYC_2016_12_26);
	DAY("sa", NYC_2016_12_24, NYC_2016_12_25);
}

/* ev_ctx_set_now takes a date expression through ev_when_parse. */
static void
test_set_now(void)
{
	struct ev_err err = {{ 0 }};

	T_EQ(ev_ctx_set_now(ctx, "2016-12-21T10:00:00+01:00", &err), 0);
	T_EQ(ev_ctx_now(ctx), 1482310800);
	T_EQ(ev_ctx_set_now(ctx, "24.12.2016", &err), 0);
	T_EQ(ev_ctx_now(ctx), BER_2016_12_24);
	T_EQ(ev_ctx_set_now(ctx, "2016-13-01", &err), -1);
	T_STREQ(err.msg, "bad date \"2016-13-01\": month must be 1-12");
}

static void
run(void)
{
	ctx = ev_ctx_new();
	if (use_zone("Europe/Berlin") == 0) {
		test_words();
		test_weekdays();
		test_relative();
		test_dates();
		test_datetimes();
		test_errors();
		test_days();
		test_set_now();
	}
	if (use_zone("America/New_York") == 0)
		test_new_york();
	ev_ctx_free(ctx);
}
