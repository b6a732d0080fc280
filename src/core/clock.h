/* sqzgraph core: time as integer seconds since the Unix epoch, UTC by
 * definition. Nothing here reads TZ, the host zone or any locale: the
 * product's founding bug was an expiry written in one zone and compared
 * in another, so no zone ever enters a decision. */
#ifndef SQZ_CLOCK_H
#define SQZ_CLOCK_H

#include <stdint.h>

typedef int64_t sqz_epoch;

/* Seconds since the epoch from CLOCK_REALTIME. Tests may pin it. */
sqz_epoch sqz_clock_now(void);
/* Monotonic seconds (with fraction) for measuring durations and waits. */
double sqz_clock_monotonic(void);

/* For tests only: a non-zero value is returned by sqz_clock_now(). */
void sqz_clock_pin(sqz_epoch now);

/* Proleptic Gregorian date and time (UTC) → epoch; -1 on an invalid field
 * (month 13, 30 February, hour 24, ...). No time zone is consulted. */
int sqz_clock_from_civil(int64_t year, int month, int day, int hour, int minute, int second, sqz_epoch *out);
void sqz_clock_to_civil(sqz_epoch t, int64_t *year, int *month, int *day, int *hour, int *minute, int *second);

/* HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, obsolete RFC 850 and asctime
 * forms; 0 on success. */
int sqz_clock_parse_http_date(const char *s, sqz_epoch *out);

/* ISO 8601 / RFC 3339 date-time as Graph sends it ("2024-01-05T10:00:00Z",
 * fractional seconds, "+02:00" offsets). A value without a zone is UTC
 * (Graph's innerError.date and receivedDateTime are UTC). 0 on success. */
int sqz_clock_parse_iso8601(const char *s, sqz_epoch *out);

/* "YYYY-MM-DD" as midnight UTC. 0 on success. */
int sqz_clock_parse_date(const char *s, sqz_epoch *out);

/* "YYYY-MM-DDTHH:MM:SSZ" into out (at least 32 bytes). */
void sqz_clock_format_iso8601(sqz_epoch t, char out[32]);

/* Retry-After (RFC 9110 §10.2.3): delay-seconds (Graph has also sent
 * fractional seconds) or an HTTP date relative to now. Returns the wait in
 * seconds (>= 0, at most SQZ_CLOCK_RETRY_AFTER_MAX: a longer one is read as
 * that, so that now + wait always fits an epoch) or -1 when the value is
 * unusable. */
#define SQZ_CLOCK_RETRY_AFTER_MAX (100.0 * 366 * 86400)
double sqz_clock_parse_retry_after(const char *value, sqz_epoch now);

#endif
