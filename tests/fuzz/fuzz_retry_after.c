/* Retry-After values and HTTP dates (clock.c): delay-seconds with or
 * without a fraction, IMF-fixdate, RFC 850, asctime. Properties: a delay is
 * -1 or a finite number in 0..SQZ_CLOCK_RETRY_AFTER_MAX (so now + it is an
 * epoch); a parsed date lies in years 1..9999 and
 * formats back to the same instant; sqz_http_retry_delay never waits longer
 * than the cap and says so when the server asked for more. */
#include <math.h>

#include "fuzz_support.h"
#include "core/clock.h"

#define NOW 1767225600

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	sqz_clock_pin(NOW);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *s = malloc(len + 1);
	memcpy(s, data, len);
	s[len] = '\0';

	double wait = sqz_clock_parse_retry_after(s, NOW);
	FZ_ASSERT(wait == -1 || (isfinite(wait) && wait >= 0 && wait <= SQZ_CLOCK_RETRY_AFTER_MAX));
	/* What the importer does with it: now + wait, rounded up, as an epoch. */
	if (wait >= 0) {
		sqz_epoch until = NOW + (sqz_epoch)(wait + 0.999);
		FZ_ASSERT(until >= NOW);
	}

	sqz_epoch t;
	if (sqz_clock_parse_http_date(s, &t) == 0) {
		/* 0001-01-01 .. 9999-12-31T23:59:60 */
		FZ_ASSERT(t >= -62135596800LL && t <= 253402300800LL);
		char iso[32];
		sqz_clock_format_iso8601(t, iso);
		sqz_epoch back;
		if (t <= 253402300799LL) {
			FZ_ASSERT(sqz_clock_parse_iso8601(iso, &back) == 0 && back == t);
		}
		/* (A date whose day name is digits is read as delay-seconds.) */
		FZ_ASSERT(sqz_clock_parse_retry_after(s, NOW) >= 0 || strspn(s, " \t0123456789") > 0);
	}

	sqz_retry_policy policy = { 5, 120, 1 };
	int exceeds = -1;
	double d = sqz_http_retry_delay(&policy, (int)(len % 7) + 1, s, &exceeds);
	FZ_ASSERT(isfinite(d) && d >= 0 && d <= 120);
	FZ_ASSERT(exceeds == 0 || exceeds == 1);
	FZ_ASSERT(!exceeds || (wait > 120));
	free(s);
	return 0;
}
