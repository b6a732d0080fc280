/* ISO 8601 / RFC 3339 date-times as Graph sends them (receivedDateTime,
 * innerError.date) and 'Y-m-d' dates (client_secret_expires). Properties:
 * an accepted value is within years 1..9999 (± a zone offset) and
 * survives format → parse unchanged; a date is midnight UTC. */
#include "fuzz_support.h"
#include "core/clock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *s = malloc(len + 1);
	memcpy(s, data, len);
	s[len] = '\0';
	sqz_epoch t;
	if (sqz_clock_parse_iso8601(s, &t) == 0) {
		FZ_ASSERT(t >= -62135596800LL - 86400 && t <= 253402300800LL + 86400);
		char iso[32];
		sqz_clock_format_iso8601(t, iso);
		sqz_epoch back;
		if (t >= -62135596800LL && t <= 253402300799LL) {
			FZ_ASSERT(sqz_clock_parse_iso8601(iso, &back) == 0 && back == t);
		}
		int64_t y;
		int mo, d, h, mi, sec;
		sqz_clock_to_civil(t, &y, &mo, &d, &h, &mi, &sec);
		FZ_ASSERT(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60);
	}
	if (sqz_clock_parse_date(s, &t) == 0) {
		FZ_ASSERT(t % 86400 == 0);
	}
	free(s);
	return 0;
}
