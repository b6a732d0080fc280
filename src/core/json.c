#include "json.h"
#include "alloc.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <string.h>

json_object *sqz_json_parse(const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err)
{
	if (len > INT32_MAX) {
		sqz_error_set(err, fail_status, "%s is too large to parse (%zu bytes)", what, len);
		return NULL;
	}
	json_tokener *tok = json_tokener_new_ex(SQZ_JSON_MAX_DEPTH);
	if (!tok) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory parsing %s", what);
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	json_object *obj = json_tokener_parse_ex(tok, data ? data : "", (int)len);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	size_t used = (size_t)json_tokener_get_parse_end(tok);
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

char *sqz_json_dump(json_object *obj)
{
	return sqz_strdup(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}
