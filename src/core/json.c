#include "json.h"
#include "alloc.h"
#include "crypto.h"

#include <ctype.h>
#include <openssl/crypto.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

/* json-c 0.18 (Debian 13's) compares a signed char with 0x1f in strict mode,
 * so every byte above 0x7f inside a string is taken for a control character
 * and the whole body refused: a subject in German or Japanese, a journal
 * naming such a message (json-c issue #875, fixed in 0.19). Whether the
 * linked library has the bug is probed once, not read from its version: a
 * distribution may carry the fix as a patch. The flag is written once under
 * pthread_once and only read after, from any thread (the fetch-ahead worker
 * parses too). */
static pthread_once_t strict_probe_once = PTHREAD_ONCE_INIT;
static int strict_refuses_utf8;

static void probe_strict_mode(void)
{
	static const char sample[] = "\"\xc3\xa9\"";
	json_tokener *tok = json_tokener_new_ex(SQZ_JSON_MAX_DEPTH);
	if (!tok) {
		return;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	json_object *obj = json_tokener_parse_ex(tok, sample, (int)sizeof sample - 1);
	strict_refuses_utf8 = obj == NULL;
	json_object_put(obj);
	json_tokener_free(tok);
}

static int has_byte_above_ascii(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)data[i] & 0x80) {
			return 1;
		}
	}
	return 0;
}

/* With the bug, the grammar is checked in strict mode on a copy in which each
 * byte above 0x7f is an 'a' — inside a string it stays a plain character,
 * outside one it is an error either way — and the values come from a lenient
 * parse of the real bytes, which accepts everything strict mode accepts and
 * gives the same values. The copy is made a slice at a time (json-c parses
 * incrementally), so a large body is not held twice. `tok` (strict) checks
 * the grammar; *jerr and *used are its verdict and parse end, as for one
 * strict parse; the values are returned only when the grammar is right. */
#define MASKED_SLICE 65536

static json_object *parse_masked_then_lenient(json_tokener *tok, const char *data, size_t len, enum json_tokener_error *jerr,
	size_t *used, int *out_of_memory)
{
	*used = 0;
	char *slice = sqz_malloc(MASKED_SLICE);
	if (!slice) {
		*out_of_memory = 1;
		return NULL;
	}
	json_object *grammar = NULL;
	size_t done = 0;
	*jerr = json_tokener_continue;
	while (done < len) {
		size_t n = len - done < MASKED_SLICE ? len - done : MASKED_SLICE;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)data[done + i];
			slice[i] = c & 0x80 ? 'a' : (char)c;
		}
		grammar = json_tokener_parse_ex(tok, slice, (int)n);
		*jerr = json_tokener_get_error(tok);
		if (*jerr != json_tokener_continue) {
			done += (size_t)json_tokener_get_parse_end(tok);
			break;
		}
		done += n;
	}
	sqz_free(slice);
	*used = done;
	if (*jerr != json_tokener_success || !grammar) {
		json_object_put(grammar);
		return NULL;
	}
	json_object_put(grammar);

	json_tokener *lenient = json_tokener_new_ex(SQZ_JSON_MAX_DEPTH);
	if (!lenient) {
		*out_of_memory = 1;
		return NULL;
	}
	json_object *obj = json_tokener_parse_ex(lenient, data, (int)*used);
	if (!obj || json_tokener_get_error(lenient) != json_tokener_success) {
		/* Cannot happen for a body strict mode accepted; refuse it rather
		 * than guess if json-c ever disagrees with itself. */
		json_object_put(obj);
		obj = NULL;
		*jerr = json_tokener_error_parse_unexpected;
	}
	json_tokener_free(lenient);
	return obj;
}

json_object *sqz_json_parse(const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err)
{
	if (len > INT32_MAX) {
		sqz_error_set(err, fail_status, "%s is too large to parse (%zu bytes)", what, len);
		return NULL;
	}
	pthread_once(&strict_probe_once, probe_strict_mode);
	json_tokener *tok = json_tokener_new_ex(SQZ_JSON_MAX_DEPTH);
	if (!tok) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory parsing %s", what);
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	json_object *obj;
	enum json_tokener_error jerr;
	size_t used;
	if (strict_refuses_utf8 && data && has_byte_above_ascii(data, len)) {
		int out_of_memory = 0;
		obj = parse_masked_then_lenient(tok, data, len, &jerr, &used, &out_of_memory);
		if (out_of_memory) {
			json_tokener_free(tok);
			sqz_error_set(err, SQZ_E_NOMEM, "out of memory parsing %s", what);
			return NULL;
		}
	} else {
		obj = json_tokener_parse_ex(tok, data ? data : "", (int)len);
		jerr = json_tokener_get_error(tok);
		used = (size_t)json_tokener_get_parse_end(tok);
	}
	if (jerr == json_tokener_success && obj) {
		/* Trailing whitespace is fine; anything else is a second value. */
		while (used < len && isspace((unsigned char)data[used])) {
			used++;
		}
		if (used != len) {
			json_object_put(obj);
			obj = NULL;
			sqz_error_set(err, fail_status, "%s is not valid JSON: unexpected data after the JSON value at byte %zu", what, used);
		}
	} else {
		if (obj) {
			json_object_put(obj);
			obj = NULL;
		}
		const char *reason = jerr == json_tokener_continue ? "the body ends in the middle of a JSON value (truncated?)"
								   : json_tokener_error_desc(jerr);
		sqz_error_set(err, fail_status, "%s is not valid JSON: %s", what, len == 0 ? "the body is empty" : reason);
	}
	json_tokener_free(tok);
	return obj;
}

int sqz_json_stream_init(sqz_json_stream *s)
{
	memset(s, 0, sizeof *s);
	pthread_once(&strict_probe_once, probe_strict_mode);
	if (strict_refuses_utf8) {
		return 1;
	}
	s->tok = json_tokener_new_ex(SQZ_JSON_MAX_DEPTH);
	if (!s->tok) {
		return -1;
	}
	json_tokener_set_flags(s->tok, JSON_TOKENER_STRICT);
	return 0;
}

int sqz_json_stream_feed(sqz_json_stream *s, const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err)
{
	size_t at = 0;
	while (!s->failed && at < len) {
		if (s->value) {
			/* Trailing whitespace is fine; anything else is a second value. */
			if (!isspace((unsigned char)data[at])) {
				s->failed = 1;
				sqz_error_set(err, fail_status, "%s is not valid JSON: unexpected data after the JSON value at byte %zu", what, s->fed + at);
				break;
			}
			at++;
			continue;
		}
		size_t n = len - at < MASKED_SLICE ? len - at : MASKED_SLICE;
		json_object *obj = json_tokener_parse_ex(s->tok, data + at, (int)n);
		enum json_tokener_error jerr = json_tokener_get_error(s->tok);
		if (jerr == json_tokener_continue) {
			at += n;
		} else if (jerr == json_tokener_success && obj) {
			s->value = obj;
			at += (size_t)json_tokener_get_parse_end(s->tok);
		} else {
			json_object_put(obj);
			s->failed = 1;
			sqz_error_set(err, fail_status, "%s is not valid JSON: %s", what, json_tokener_error_desc(jerr));
		}
	}
	s->fed += len;
	return s->failed ? -1 : 0;
}

json_object *sqz_json_stream_take(sqz_json_stream *s, const char *what, sqz_status fail_status, sqz_error *err)
{
	if (s->failed || !s->value) {
		if (!s->failed) {
			sqz_error_set(err, fail_status, "%s is not valid JSON: %s", what,
				s->fed == 0 ? "the body is empty" : "the body ends in the middle of a JSON value (truncated?)");
		}
		return NULL;
	}
	json_object *v = s->value;
	s->value = NULL;
	return v;
}

void sqz_json_stream_reset(sqz_json_stream *s)
{
	json_object_put(s->value);
	s->value = NULL;
	s->fed = 0;
	s->failed = 0;
	if (s->tok) {
		json_tokener_reset(s->tok);
	}
}

void sqz_json_stream_clear(sqz_json_stream *s)
{
	json_object_put(s->value);
	if (s->tok) {
		json_tokener_free(s->tok);
	}
	memset(s, 0, sizeof *s);
}

json_object *sqz_json_get(json_object *obj, const char *key)
{
	json_object *value = NULL;
	if (!obj || !json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, key, &value)) {
		return NULL;
	}
	return value;
}

const char *sqz_json_string(json_object *obj, const char *key)
{
	json_object *value = sqz_json_get(obj, key);
	return value && json_object_is_type(value, json_type_string) ? json_object_get_string(value) : NULL;
}

const char *sqz_json_id(json_object *obj, const char *key)
{
	json_object *value = sqz_json_get(obj, key);
	if (!value || !json_object_is_type(value, json_type_string)) {
		return NULL;
	}
	/* "\u0000" inside an id would cut it short as a C string, and a cut id
	 * can name another message or folder: such an id is no id. */
	const char *s = json_object_get_string(value);
	return s[0] && strlen(s) == (size_t)json_object_get_string_len(value) ? s : NULL;
}

char *sqz_json_text_dup(json_object *obj, const char *key, const char *fallback)
{
	json_object *value = sqz_json_get(obj, key);
	if (!value || !json_object_is_type(value, json_type_string)) {
		return fallback ? sqz_strdup(fallback) : NULL;
	}
	const char *s = json_object_get_string(value);
	size_t len = (size_t)json_object_get_string_len(value), nuls = 0;
	for (size_t i = 0; i < len; i++) {
		nuls += s[i] == '\0';
	}
	if (!nuls) {
		return sqz_strndup(s, len);
	}
	static const char replacement[] = "\xef\xbf\xbd";
	char *out = sqz_malloc(len + nuls * 2 + 1), *o = out;
	if (!out) {
		return NULL;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i]) {
			*o++ = s[i];
		} else {
			memcpy(o, replacement, 3);
			o += 3;
		}
	}
	*o = '\0';
	return out;
}

int sqz_json_int64(json_object *obj, const char *key, int64_t *out)
{
	json_object *value = sqz_json_get(obj, key);
	if (!value) {
		return -1;
	}
	switch (json_object_get_type(value)) {
	case json_type_int:
		errno = 0;
		*out = json_object_get_int64(value);
		return errno ? -1 : 0;
	case json_type_double: {
		double d = json_object_get_double(value);
		if (!isfinite(d) || d != floor(d) || fabs(d) > 9.0e15) {
			return -1;
		}
		*out = (int64_t)d;
		return 0;
	}
	case json_type_string: {
		/* By hand: no locale, no hex, no leading '+' or spaces. */
		const char *s = json_object_get_string(value);
		int negative = *s == '-';
		if (negative) {
			s++;
		}
		if (!*s || strlen(s) > 18) {
			return -1;
		}
		int64_t v = 0;
		for (; *s; s++) {
			if (!isdigit((unsigned char)*s)) {
				return -1;
			}
			v = v * 10 + (*s - '0');
		}
		*out = negative ? -v : v;
		return 0;
	}
	default:
		return -1;
	}
}

int sqz_json_bool(json_object *obj, const char *key, int *out)
{
	json_object *value = sqz_json_get(obj, key);
	if (!value || !json_object_is_type(value, json_type_boolean)) {
		return -1;
	}
	*out = json_object_get_boolean(value) ? 1 : 0;
	return 0;
}

void sqz_json_put_secret(json_object *obj, const char *const *keys, int serialised)
{
	if (!obj) {
		return;
	}
	if (serialised) {
		/* Serialising again fills the same buffer with the same text. */
		size_t n = 0;
		const char *text = json_object_to_json_string_length(obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
		if (text) {
			OPENSSL_cleanse((char *)text, n);
		}
	}
	for (; keys && *keys; keys++) {
		json_object *value = sqz_json_get(obj, *keys);
		if (value && json_object_is_type(value, json_type_string)) {
			OPENSSL_cleanse((char *)json_object_get_string(value), (size_t)json_object_get_string_len(value));
		}
	}
	json_object_put(obj);
}

char *sqz_json_dump(json_object *obj)
{
	return sqz_strdup(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

json_object *sqz_json_jwt_claims(const char *jwt, const char *what)
{
	const char *dot1 = jwt ? strchr(jwt, '.') : NULL;
	const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	if (!dot2) {
		return NULL;
	}
	size_t len = 0;
	unsigned char *payload = sqz_base64url_decode(dot1 + 1, (size_t)(dot2 - dot1 - 1), &len);
	if (!payload) {
		return NULL;
	}
	sqz_error ignored = SQZ_ERROR_INIT;
	json_object *claims = sqz_json_parse((const char *)payload, len, what, SQZ_E_GRAPH, &ignored);
	sqz_error_clear(&ignored);
	sqz_free(payload);
	return claims;
}
