/* clock.c: epoch arithmetic and the date formats servers send, all UTC. */
#include <stdlib.h>

#include "check.h"
#include "core/clock.h"

static void test_civil_round_trip(void)
{
	sqz_epoch t;
	CHECK_INT(sqz_clock_from_civil(1970, 1, 1, 0, 0, 0, &t), 0);
	CHECK_INT(t, 0);
	CHECK_INT(sqz_clock_from_civil(2024, 2, 29, 12, 30, 15, &t), 0);
	CHECK_INT(t, 1709209815);
	CHECK_INT(sqz_clock_from_civil(2023, 2, 29, 0, 0, 0, &t), -1);
	CHECK_INT(sqz_clock_from_civil(2024, 13, 1, 0, 0, 0, &t), -1);
	CHECK_INT(sqz_clock_from_civil(2024, 1, 1, 24, 0, 0, &t), -1);
	int64_t y;
	int mo, d, h, mi, s;
	sqz_clock_to_civil(1709209815, &y, &mo, &d, &h, &mi, &s);
	CHECK_INT(y, 2024);
	CHECK_INT(mo, 2);
	CHECK_INT(d, 29);
	CHECK_INT(h, 12);
	CHECK_INT(mi, 30);
	CHECK_INT(s, 15);
	for (sqz_epoch probe = -86400 * 400; probe < 86400LL * 365 * 90; probe += 86400 * 13 + 3607) {
		sqz_epoch back;
		sqz_clock_to_civil(probe, &y, &mo, &d, &h, &mi, &s);
		if (sqz_clock_from_civil(y, mo, d, h, mi, s, &back) != 0 || back != probe) {
			CHECK(!"civil round trip");
			break;
		}
	}
}

static void test_http_dates(void)
{
	sqz_epoch t;
	CHECK_INT(sqz_clock_parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", &t), 0);
	CHECK_INT(t, 784111777);
	CHECK_INT(sqz_clock_parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", &t), 0);
	CHECK_INT(t, 784111777);
	CHECK_INT(sqz_clock_parse_http_date("Sun Nov  6 08:49:37 1994", &t), 0);
	CHECK_INT(t, 784111777);
	CHECK_INT(sqz_clock_parse_http_date("Fri, 23 Sep 2022 11:57:49 GMT", &t), 0);
	CHECK_INT(t, 1663934269);
	CHECK_INT(sqz_clock_parse_http_date("Fri, 23 Sep 2022 11:57:49 CEST", &t), -1);
	CHECK_INT(sqz_clock_parse_http_date("Fri, 31 Feb 2022 11:57:49 GMT", &t), -1);
	CHECK_INT(sqz_clock_parse_http_date("", &t), -1);
	CHECK_INT(sqz_clock_parse_http_date("garbage", &t), -1);
}

static void test_iso8601(void)
{
	sqz_epoch t;
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05T10:00:00Z", &t), 0);
	CHECK_INT(t, 1704448800);
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05T12:00:00+02:00", &t), 0);
	CHECK_INT(t, 1704448800);
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05T10:00:00.1234567Z", &t), 0);
	CHECK_INT(t, 1704448800);
	/* Graph's innerError.date has no zone: it is UTC. */
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05T10:00:00", &t), 0);
	CHECK_INT(t, 1704448800);
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05", &t), -1);
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05T10:00:00Zjunk", &t), -1);
	char out[32];
	sqz_clock_format_iso8601(1704448800, out);
	CHECK_STR(out, "2024-01-05T10:00:00Z");
	CHECK_INT(sqz_clock_parse_date("2026-12-31", &t), 0);
	CHECK_INT(t, 1798675200);
	CHECK_INT(sqz_clock_parse_date("2026-12-31 ", &t), -1);
}

static void test_retry_after(void)
{
	CHECK(sqz_clock_parse_retry_after("10", 0) == 10.0);
	CHECK(sqz_clock_parse_retry_after("2.128", 0) > 2.127 && sqz_clock_parse_retry_after("2.128", 0) < 2.129);
	CHECK(sqz_clock_parse_retry_after("Fri, 23 Sep 2022 11:57:59 GMT", 1663934269) == 10.0);
	CHECK(sqz_clock_parse_retry_after("Fri, 23 Sep 2022 11:57:39 GMT", 1663934269) == 0.0);
	CHECK(sqz_clock_parse_retry_after("-1", 0) < 0);
	CHECK(sqz_clock_parse_retry_after("soon", 0) < 0);
	CHECK(sqz_clock_parse_retry_after("10s", 0) < 0);
	CHECK(sqz_clock_parse_retry_after(NULL, 0) < 0);
}

static void test_zone_independence(void)
{
	/* Nothing may read TZ: the same answers under a far-off zone. */
	setenv("TZ", "Pacific/Kiritimati", 1);
	sqz_epoch t;
	CHECK_INT(sqz_clock_parse_iso8601("2024-01-05T10:00:00Z", &t), 0);
	CHECK_INT(t, 1704448800);
	CHECK_INT(sqz_clock_parse_date("2026-12-31", &t), 0);
	CHECK_INT(t, 1798675200);
	unsetenv("TZ");
}

int main(void)
{
	RUN(test_civil_round_trip);
	RUN(test_http_dates);
	RUN(test_iso8601);
	RUN(test_retry_after);
	RUN(test_zone_independence);
	return check_summary();
}
