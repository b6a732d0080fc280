#include "clock.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static sqz_epoch pinned_now;

sqz_epoch sqz_clock_now(void)
{
	if (pinned_now) {
		return pinned_now;
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (sqz_epoch)ts.tv_sec;
}

double sqz_clock_monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sqz_clock_pin(sqz_epoch now)
{
	pinned_now = now;
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no table, no zone. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
		return 29;
	}
	return days[m - 1];
}

int sqz_clock_from_civil(int64_t year, int month, int day, int hour, int minute, int second, sqz_epoch *out)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)
		|| hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
		return -1;
	}
	/* A leap second (:60) is read as the next second, as POSIX time does. */
	*out = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
	return 0;
}

void sqz_clock_to_civil(sqz_epoch t, int64_t *year, int *month, int *day, int *hour, int *minute, int *second)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = d;
	*hour = (int)(secs / 3600);
	*minute = (int)(secs % 3600 / 60);
	*second = (int)(secs % 60);
}

/* Reads exactly `width` digits. */
static int read_digits(const char **p, int width, int *out)
{
	int v = 0;
	for (int i = 0; i < width; i++) {
		if (!isdigit((unsigned char)(*p)[i])) {
			return -1;
		}
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += width;
	*out = v;
	return 0;
}

static int expect(const char **p, char c)
{
	if (**p != c) {
		return -1;
	}
	(*p)++;
	return 0;
}

static int month_from_name(const char *s)
{
	static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	for (int i = 0; i < 12; i++) {
		if (strncmp(s, names + 3 * i, 3) == 0) {
			return i + 1;
		}
	}
	return 0;
}

static int parse_hms(const char **p, int *h, int *mi, int *s)
{
	return read_digits(p, 2, h) || expect(p, ':') || read_digits(p, 2, mi) || expect(p, ':') || read_digits(p, 2, s)
		? -1
		: 0;
}

int sqz_clock_parse_http_date(const char *s, sqz_epoch *out)
{
	if (!s) {
		return -1;
	}
	while (*s == ' ' || *s == '\t') {
		s++;
	}
	const char *comma = strchr(s, ',');
	int year, month, day, h, mi, sec;
	const char *p;
	if (comma && comma - s == 3) {
		/* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
		p = comma + 1;
		if (expect(&p, ' ') || read_digits(&p, 2, &day) || expect(&p, ' ')) {
			return -1;
		}
		if (!(month = month_from_name(p))) {
			return -1;
		}
		p += 3;
		if (expect(&p, ' ') || read_digits(&p, 4, &year) || expect(&p, ' ') || parse_hms(&p, &h, &mi, &sec)
			|| strncmp(p, " GMT", 4) != 0) {
			return -1;
		}
		p += 4;
	} else if (comma) {
		/* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; two-digit years per
		 * RFC 9110: more than 50 years ahead means the previous century. */
		p = comma + 1;
		int yy;
		if (expect(&p, ' ') || read_digits(&p, 2, &day) || expect(&p, '-')) {
			return -1;
		}
		if (!(month = month_from_name(p))) {
			return -1;
		}
		p += 3;
		if (expect(&p, '-') || read_digits(&p, 2, &yy) || expect(&p, ' ') || parse_hms(&p, &h, &mi, &sec)
			|| strncmp(p, " GMT", 4) != 0) {
			return -1;
		}
		p += 4;
		int64_t cy, dummy_y;
		int dm, dd, dh, dmi, ds;
		sqz_clock_to_civil(sqz_clock_now(), &dummy_y, &dm, &dd, &dh, &dmi, &ds);
		cy = dummy_y;
		year = (int)(cy - cy % 100) + yy;
		if (year > cy + 50) {
			year -= 100;
		}
	} else {
		/* asctime: "Sun Nov  6 08:49:37 1994" */
		p = s;
		if (strlen(p) < 24 || p[3] != ' ') {
			return -1;
		}
		p += 4;
		if (!(month = month_from_name(p))) {
			return -1;
		}
		p += 3;
		if (expect(&p, ' ')) {
			return -1;
		}
		if (*p == ' ') {
			p++;
			if (read_digits(&p, 1, &day)) {
				return -1;
			}
		} else if (read_digits(&p, 2, &day)) {
			return -1;
		}
		if (expect(&p, ' ') || parse_hms(&p, &h, &mi, &sec) || expect(&p, ' ') || read_digits(&p, 4, &year)) {
			return -1;
		}
	}
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
		p++;
	}
	if (*p) {
		return -1;
	}
	return sqz_clock_from_civil(year, month, day, h, mi, sec, out);
}

int sqz_clock_parse_iso8601(const char *s, sqz_epoch *out)
{
	if (!s) {
		return -1;
	}
	const char *p = s;
	int year, month, day, h, mi, sec;
	if (read_digits(&p, 4, &year) || expect(&p, '-') || read_digits(&p, 2, &month) || expect(&p, '-')
		|| read_digits(&p, 2, &day)) {
		return -1;
	}
	if (*p != 'T' && *p != 't' && *p != ' ') {
		return -1;
	}
	p++;
	if (parse_hms(&p, &h, &mi, &sec)) {
		return -1;
	}
	if (*p == '.' || *p == ',') {
		p++;
		if (!isdigit((unsigned char)*p)) {
			return -1;
		}
		while (isdigit((unsigned char)*p)) {
			p++;
		}
	}
	int offset = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, oh, om;
		p++;
		if (read_digits(&p, 2, &oh)) {
			return -1;
		}
		if (*p == ':') {
			p++;
		}
		if (read_digits(&p, 2, &om) || oh > 23 || om > 59) {
			return -1;
		}
		offset = sign * (oh * 3600 + om * 60);
	}
	if (*p) {
		return -1;
	}
	sqz_epoch t;
	if (sqz_clock_from_civil(year, month, day, h, mi, sec, &t)) {
		return -1;
	}
	*out = t - offset;
	return 0;
}

int sqz_clock_parse_date(const char *s, sqz_epoch *out)
{
	if (!s) {
		return -1;
	}
	const char *p = s;
	int year, month, day;
	if (read_digits(&p, 4, &year) || expect(&p, '-') || read_digits(&p, 2, &month) || expect(&p, '-')
		|| read_digits(&p, 2, &day) || *p) {
		return -1;
	}
	return sqz_clock_from_civil(year, month, day, 0, 0, 0, out);
}

void sqz_clock_format_iso8601(sqz_epoch t, char out[32])
{
	int64_t y;
	int mo, d, h, mi, s;
	sqz_clock_to_civil(t, &y, &mo, &d, &h, &mi, &s);
	/* %04lld: years outside 0..9999 cannot come from the parsers above. */
	snprintf(out, 32, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, mo, d, h, mi, s);
}

double sqz_clock_parse_retry_after(const char *value, sqz_epoch now)
{
	if (!value) {
		return -1;
	}
	while (*value == ' ' || *value == '\t') {
		value++;
	}
	if (isdigit((unsigned char)*value)) {
		/* By hand, not strtod(): a host setlocale() could make ',' the
		 * decimal point and turn "2.5" into 2. */
		double seconds = 0, scale = 1;
		const char *p = value;
		while (isdigit((unsigned char)*p)) {
			seconds = seconds * 10 + (*p++ - '0');
		}
		if (*p == '.') {
			p++;
			while (isdigit((unsigned char)*p)) {
				scale /= 10;
				seconds += (*p++ - '0') * scale;
			}
		}
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		}
		if (*p || !isfinite(seconds)) {
			return -1;
		}
		/* Callers add it to an epoch (the importer's "throttled until"):
		 * a 300-digit value must not overflow that. */
		return seconds > SQZ_CLOCK_RETRY_AFTER_MAX ? SQZ_CLOCK_RETRY_AFTER_MAX : seconds;
	}
	sqz_epoch when;
	if (sqz_clock_parse_http_date(value, &when) != 0) {
		return -1;
	}
	double wait = when > now ? (double)(when - now) : 0.0;
	return wait > SQZ_CLOCK_RETRY_AFTER_MAX ? SQZ_CLOCK_RETRY_AFTER_MAX : wait;
}
