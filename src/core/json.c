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
/* sqz_json_test_masked_mode: -1 = as probed. Atomic: the worker threads read it. */
static _Atomic int masked_forced = -1;

static int masked_mode(void)
{
	int forced = masked_forced;
	return forced >= 0 ? forced : strict_refuses_utf8;
}

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

void sqz_json_test_masked_mode(int on)
{
	masked_forced = on;
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
	if (masked_mode() && data && has_byte_above_ascii(data, len)) {
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

/* One JSON value parsed as its bytes arrive, ending wherever the value
 * ends (what follows belongs to the walker). With json-c's UTF-8 bug the
 * strict tokener checks a masked copy and a lenient twin parses the real
 * bytes, a slice at a time, as parse_masked_then_lenient does. */
#define WALK_MASKED_SLICE 4096

typedef struct sqz_json_value_parser {
	json_tokener *strict;
	json_tokener *lenient;   /* NULL without the bug */
	char *mask;              /* WALK_MASKED_SLICE bytes, with lenient */
} sqz_json_value_parser;

static void value_parser_free(sqz_json_value_parser *p)
{
	if (!p) {
		return;
	}
	if (p->strict) {
		json_tokener_free(p->strict);
	}
	if (p->lenient) {
		json_tokener_free(p->lenient);
	}
	sqz_free(p->mask);
	sqz_free(p);
}

static sqz_json_value_parser *value_parser_new(int depth)
{
	sqz_json_value_parser *p = sqz_calloc(1, sizeof *p);
	if (!p) {
		return NULL;
	}
	p->strict = json_tokener_new_ex(depth);
	if (p->strict) {
		json_tokener_set_flags(p->strict, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
	}
	if (p->strict && masked_mode()) {
		p->lenient = json_tokener_new_ex(depth);
		if (p->lenient) {
			json_tokener_set_flags(p->lenient, JSON_TOKENER_ALLOW_TRAILING_CHARS);
		}
		p->mask = sqz_malloc(WALK_MASKED_SLICE);
	}
	if (!p->strict || (p->lenient == NULL) != (p->mask == NULL) || (masked_mode() && !p->lenient)) {
		value_parser_free(p);
		return NULL;
	}
	return p;
}

static void value_parser_reset(sqz_json_value_parser *p)
{
	json_tokener_reset(p->strict);
	if (p->lenient) {
		json_tokener_reset(p->lenient);
	}
}

/* Feeds up to n bytes. *used is how many belong to the value: all of them
 * while it goes on (json_tokener_continue), up to its end when complete
 * (json_tokener_success, *out owned by the caller; NULL for a JSON null). */
static enum json_tokener_error value_parser_feed(sqz_json_value_parser *p, const char *data, size_t n, json_object **out, size_t *used)
{
	*out = NULL;
	if (n > INT32_MAX) {
		n = INT32_MAX;
	}
	if (!p->lenient) {
		json_object *obj = json_tokener_parse_ex(p->strict, data, (int)n);
		enum json_tokener_error jerr = json_tokener_get_error(p->strict);
		*used = jerr == json_tokener_continue ? n : json_tokener_get_parse_end(p->strict);
		if (jerr == json_tokener_success) {
			*out = obj;   /* NULL for a JSON null */
		} else {
			json_object_put(obj);
		}
		return jerr;
	}
	/* Small slices: a value may end a few bytes in, and what follows it is
	 * masked again for the next one. */
	if (n > WALK_MASKED_SLICE) {
		n = WALK_MASKED_SLICE;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)data[i];
		p->mask[i] = c & 0x80 ? 'a' : (char)c;
	}
	json_object *grammar = json_tokener_parse_ex(p->strict, p->mask, (int)n);
	enum json_tokener_error jerr = json_tokener_get_error(p->strict);
	json_object_put(grammar);
	*used = jerr == json_tokener_continue ? n : json_tokener_get_parse_end(p->strict);
	if (jerr != json_tokener_continue && jerr != json_tokener_success) {
		return jerr;
	}
	/* The same bytes: a number ends only at the byte after it. */
	json_object *obj = json_tokener_parse_ex(p->lenient, data, (int)n);
	enum json_tokener_error lenient_err = json_tokener_get_error(p->lenient);
	if (lenient_err != jerr || (jerr == json_tokener_success && json_tokener_get_parse_end(p->lenient) != *used)) {
		/* Cannot happen for bytes strict mode accepted; refuse them rather
		 * than guess if json-c ever disagrees with itself. */
		json_object_put(obj);
		return json_tokener_error_parse_unexpected;
	}
	*out = obj;
	return jerr;
}

enum {
	WALK_OPEN,          /* before the object's '{' */
	WALK_FIRST_KEY,     /* after '{': a key or '}' */
	WALK_KEY,           /* after ',': a key */
	WALK_KEY_TEXT,      /* inside a key (json-c) */
	WALK_COLON,
	WALK_VALUE,         /* after ':' */
	WALK_VALUE_TEXT,    /* inside another key's value (json-c) */
	WALK_FIRST_ELEMENT, /* after the walked array's '[': an element or ']' */
	WALK_ELEMENT,       /* after ',' in the walked array */
	WALK_ELEMENT_TEXT,  /* inside an element (json-c) */
	WALK_AFTER_ELEMENT, /* ',' or ']' */
	WALK_AFTER_VALUE,   /* ',' or '}' */
	WALK_DONE,          /* only whitespace may follow */
	/* Inside an element object, with sqz_json_walk_stream: */
	WALK_MEMBER_FIRST_KEY,  /* after '{': a key or '}' */
	WALK_MEMBER_KEY,        /* after ',': a key */
	WALK_MEMBER_KEY_TEXT,   /* inside a key (json-c) */
	WALK_MEMBER_COLON,
	WALK_MEMBER_VALUE,      /* after ':' */
	WALK_MEMBER_VALUE_TEXT, /* inside a value (json-c) */
	WALK_MEMBER_STRING,     /* inside the streamed string, after its quote */
	WALK_MEMBER_AFTER_VALUE /* ',' or '}' */
};

/* The states in which whitespace is part of what is read. */
static int walk_in_text(int state)
{
	return state == WALK_KEY_TEXT || state == WALK_VALUE_TEXT || state == WALK_ELEMENT_TEXT || state == WALK_MEMBER_KEY_TEXT
		|| state == WALK_MEMBER_VALUE_TEXT || state == WALK_MEMBER_STRING;
}

/* Bytes that end a run of plain string characters: the quote, a
 * backslash, and the control characters JSON forbids raw. */
static int string_stops_at(unsigned char c)
{
	return c == '"' || c == '\\' || c < 0x20;
}

/* Where the run of plain string characters in data[at..len) ends. Eight
 * bytes at a time (a streamed body is hundreds of kilobytes of base64): a
 * word holds a stop byte when one of its bytes is below 0x20, or is zero
 * after an XOR with the quote or the backslash (the classic test for a
 * zero byte, which may flag a byte after a real one, never misses one: the
 * exact byte is then found one at a time). */
static size_t plain_run_end(const char *data, size_t at, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	while (len - at >= 8) {
		uint64_t x;
		memcpy(&x, data + at, 8);
		uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
		uint64_t stop = ((x - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~x & highs;
		if (stop) {
			break;
		}
		at += 8;
	}
	while (at < len && !string_stops_at((unsigned char)data[at])) {
		at++;
	}
	return at;
}

/* JSON's whitespace, as json-c's strict mode reads it. */
static int is_json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int sqz_json_walk_init(sqz_json_walk *w, const char *key, sqz_json_element_fn on_element, sqz_json_other_fn on_other, void *ctx)
{
	memset(w, 0, sizeof *w);
	pthread_once(&strict_probe_once, probe_strict_mode);
	w->key = key;
	w->on_element = on_element;
	w->on_other = on_other;
	w->ctx = ctx;
	/* sqz_json_parse's limit counts the object and the array too. */
	w->value = value_parser_new(SQZ_JSON_MAX_DEPTH - 1);
	w->element = value_parser_new(SQZ_JSON_MAX_DEPTH - 2);
	if (!w->value || !w->element) {
		sqz_json_walk_clear(w);
		return -1;
	}
	return 0;
}

int sqz_json_walk_stream(sqz_json_walk *w, const char *key, sqz_json_stream_fn on_stream)
{
	/* The element object and its array count too. */
	if (!w->inner && !(w->inner = value_parser_new(SQZ_JSON_MAX_DEPTH - 3))) {
		return -1;
	}
	w->stream_key = key;
	w->on_stream = on_stream;
	return 0;
}

/* The string being streamed will not be finished. */
static void stream_abandon(sqz_json_walk *w)
{
	if (w->state == WALK_MEMBER_STRING && w->stream.end) {
		w->stream.end(w->stream.ctx, 0);
	}
	memset(&w->stream, 0, sizeof w->stream);
	w->escape_len = 0;
}

/* Leaves the element object being read (and its streamed string). */
static void member_clear(sqz_json_walk *w)
{
	stream_abandon(w);
	if (w->building) {
		json_object_put(w->building);
		w->building = NULL;
	}
	sqz_free(w->member_key);
	w->member_key = NULL;
	w->member_key_len = 0;
	if (w->inner) {
		value_parser_reset(w->inner);
	}
}

static int walk_fail(sqz_json_walk *w, sqz_error *err, sqz_status fail_status, const char *what, const char *reason, size_t at)
{
	stream_abandon(w);
	w->failed = 1;
	if (at == SIZE_MAX) {
		sqz_error_set(err, fail_status, "%s is not valid JSON: %s", what, reason);
	} else {
		sqz_error_set(err, fail_status, "%s is not valid JSON: %s at byte %zu", what, reason, at);
	}
	return -1;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F'                               ? c - 'A' + 10
								     : -1;
}

/* A string escape, complete in e[0..n) ("\\n": 2 bytes, "\\u00e9": 6), as
 * the bytes it stands for (UTF-8). -1 when JSON has no such escape. */
static int string_escape(const char *e, size_t n, char *out, size_t *out_len)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit = e[1] ? strchr(from, e[1]) : NULL;
	if (hit && n == 2) {
		out[0] = to[hit - from];
		*out_len = 1;
		return 0;
	}
	if (e[1] != 'u' || n != 6) {
		return -1;
	}
	unsigned cp = 0;
	for (size_t i = 2; i < 6; i++) {
		int d = hex_digit(e[i]);
		if (d < 0) {
			return -1;
		}
		cp = cp << 4 | (unsigned)d;
	}
	if (cp < 0x80) {
		out[0] = (char)cp;
		*out_len = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		*out_len = 2;
	} else {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		*out_len = 3;
	}
	return 0;
}

/* The element object read a key at a time is complete. */
static void member_done(sqz_json_walk *w)
{
	json_object *element = w->building;
	w->building = NULL;
	sqz_free(w->member_key);
	w->member_key = NULL;
	w->state = WALK_AFTER_ELEMENT;
	w->on_element(w->ctx, element);
	json_object_put(element);
}

/* Reads the streamed string from data[*at]: plain runs go to the consumer
 * as they are, escapes decoded. 0, or -1 when the text is not a JSON
 * string. */
static int stream_string(sqz_json_walk *w, const char *data, size_t len, size_t *at)
{
	while (*at < len) {
		if (w->escape_len > 0) {
			w->escape[w->escape_len++] = data[(*at)++];
			size_t need = w->escape[1] == 'u' ? 6 : 2;
			if ((size_t)w->escape_len < need) {
				continue;
			}
			char out[3];
			size_t out_len = 0;
			if (string_escape(w->escape, need, out, &out_len) != 0) {
				return -1;
			}
			w->escape_len = 0;
			w->stream.piece(w->stream.ctx, out, out_len);
			continue;
		}
		size_t start = *at;
		*at = plain_run_end(data, *at, len);
		if (*at > start) {
			w->stream.piece(w->stream.ctx, data + start, *at - start);
		}
		if (*at == len) {
			break;
		}
		char c = data[(*at)++];
		if (c == '"') {
			sqz_json_stream done = w->stream;
			memset(&w->stream, 0, sizeof w->stream);
			w->state = WALK_MEMBER_AFTER_VALUE;
			done.end(done.ctx, 1);
			return 0;
		}
		if (c != '\\') {
			return -1;    /* a raw control character */
		}
		w->escape[0] = c;
		w->escape_len = 1;
	}
	return 0;
}

int sqz_json_walk_feed(sqz_json_walk *w, const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err)
{
	size_t at = 0;
	while (!w->failed && at < len) {
		char c = data[at];
		if (!walk_in_text(w->state) && is_json_space(c)) {
			at++;
			continue;
		}
		switch (w->state) {
		case WALK_OPEN:
			if (c != '{' && strchr("[\"-0123456789tfn", c) && c) {
				/* JSON, but not the object every Graph answer is. */
				w->failed = 1;
				sqz_error_set(err, fail_status, "%s is not a JSON object", what);
				return -1;
			}
			if (c != '{') {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			w->state = WALK_FIRST_KEY;
			at++;
			continue;
		case WALK_FIRST_KEY:
		case WALK_KEY:
			if (c == '}' && w->state == WALK_FIRST_KEY) {
				w->state = WALK_DONE;
				at++;
			} else if (c == '"') {
				w->state = WALK_KEY_TEXT;
			} else {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			continue;
		case WALK_COLON:
			if (c != ':') {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			w->state = WALK_VALUE;
			at++;
			continue;
		case WALK_VALUE:
			if (c == '[' && w->key_matches) {
				w->key_count++;
				w->state = WALK_FIRST_ELEMENT;
				at++;
			} else {
				w->state = WALK_VALUE_TEXT;
			}
			continue;
		case WALK_FIRST_ELEMENT:
		case WALK_ELEMENT:
			if (c == ']' && w->state == WALK_FIRST_ELEMENT) {
				w->state = WALK_AFTER_VALUE;
				at++;
			} else if (c == '{' && w->on_stream) {
				if (!(w->building = json_object_new_object())) {
					w->failed = 1;
					sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading %s", what);
					return -1;
				}
				w->state = WALK_MEMBER_FIRST_KEY;
				at++;
			} else {
				w->state = WALK_ELEMENT_TEXT;
			}
			continue;
		case WALK_MEMBER_FIRST_KEY:
		case WALK_MEMBER_KEY:
			if (c == '}' && w->state == WALK_MEMBER_FIRST_KEY) {
				at++;
				member_done(w);
			} else if (c == '"') {
				w->state = WALK_MEMBER_KEY_TEXT;
			} else {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			continue;
		case WALK_MEMBER_COLON:
			if (c != ':') {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			w->state = WALK_MEMBER_VALUE;
			at++;
			continue;
		case WALK_MEMBER_VALUE:
			w->state = WALK_MEMBER_VALUE_TEXT;
			if (c == '"' && w->member_key_len == strlen(w->stream_key) && memcmp(w->member_key, w->stream_key, w->member_key_len) == 0) {
				sqz_json_stream stream = { NULL, NULL, NULL };
				if (w->on_stream(w->ctx, w->building, &stream) && stream.piece && stream.end) {
					w->stream = stream;
					w->escape_len = 0;
					w->state = WALK_MEMBER_STRING;
					at++;
				}
			}
			continue;
		case WALK_MEMBER_STRING:
			if (stream_string(w, data, len, &at) != 0) {
				return walk_fail(w, err, fail_status, what, json_tokener_error_desc(json_tokener_error_parse_string), SIZE_MAX);
			}
			continue;
		case WALK_MEMBER_AFTER_VALUE:
			if (c == ',') {
				w->state = WALK_MEMBER_KEY;
			} else if (c == '}') {
				member_done(w);
			} else {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			at++;
			continue;
		case WALK_AFTER_ELEMENT:
		case WALK_AFTER_VALUE:
			if (c == ',') {
				w->state = w->state == WALK_AFTER_ELEMENT ? WALK_ELEMENT : WALK_KEY;
			} else if (c == ']' && w->state == WALK_AFTER_ELEMENT) {
				w->state = WALK_AFTER_VALUE;
			} else if (c == '}' && w->state == WALK_AFTER_VALUE) {
				w->state = WALK_DONE;
			} else {
				return walk_fail(w, err, fail_status, what, "unexpected character", SIZE_MAX);
			}
			at++;
			continue;
		case WALK_DONE:
			return walk_fail(w, err, fail_status, what, "unexpected data after the JSON value", w->fed + at);
		default:
			break;
		}
		sqz_json_value_parser *parser = w->state == WALK_ELEMENT_TEXT ? w->element : w->state == WALK_MEMBER_VALUE_TEXT ? w->inner
																: w->value;
		json_object *value = NULL;
		size_t used = 0;
		enum json_tokener_error jerr = value_parser_feed(parser, data + at, len - at, &value, &used);
		at += used;
		if (jerr == json_tokener_continue) {
			continue;
		}
		if (jerr != json_tokener_success) {
			return walk_fail(w, err, fail_status, what, json_tokener_error_desc(jerr), SIZE_MAX);
		}
		value_parser_reset(parser);
		if (w->state == WALK_KEY_TEXT) {
			size_t key_len = (size_t)json_object_get_string_len(value);
			const char *key = json_object_get_string(value);
			w->key_matches = key_len == strlen(w->key) && memcmp(key, w->key, key_len) == 0;
			sqz_free(w->other_key);
			w->other_key = NULL;
			if (w->on_other && !w->key_matches && !(w->other_key = sqz_strndup(key, key_len))) {
				json_object_put(value);
				w->failed = 1;
				sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading %s", what);
				return -1;
			}
			w->other_key_len = key_len;
			w->state = WALK_COLON;
		} else if (w->state == WALK_MEMBER_KEY_TEXT) {
			size_t key_len = (size_t)json_object_get_string_len(value);
			sqz_free(w->member_key);
			if (!(w->member_key = sqz_strndup(json_object_get_string(value), key_len))) {
				json_object_put(value);
				w->failed = 1;
				sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading %s", what);
				return -1;
			}
			w->member_key_len = key_len;
			w->state = WALK_MEMBER_COLON;
		} else if (w->state == WALK_MEMBER_VALUE_TEXT) {
			/* json-c's own rules: the key up to a NUL, the last of a repeated key. */
			if (json_object_object_add(w->building, w->member_key, value) != 0) {
				json_object_put(value);
				w->failed = 1;
				sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading %s", what);
				return -1;
			}
			value = NULL;
			w->state = WALK_MEMBER_AFTER_VALUE;
		} else if (w->state == WALK_VALUE_TEXT) {
			if (w->on_other) {
				/* The key itself when it holds its array's place with
				 * something else ("responses": null). */
				w->on_other(w->ctx, w->other_key ? w->other_key : w->key, w->other_key ? w->other_key_len : strlen(w->key), value);
			}
			w->state = WALK_AFTER_VALUE;
		} else {
			w->on_element(w->ctx, value);
			w->state = WALK_AFTER_ELEMENT;
		}
		json_object_put(value);
	}
	w->fed += len;
	return w->failed ? -1 : 0;
}

int sqz_json_walk_finish(sqz_json_walk *w, const char *what, sqz_status fail_status, sqz_error *err)
{
	if (w->state == WALK_DONE && !w->failed) {
		return 0;
	}
	if (!w->failed) {
		walk_fail(w, err, fail_status, what,
			w->fed == 0 ? "the body is empty" : "the body ends in the middle of a JSON value (truncated?)", SIZE_MAX);
	}
	return -1;
}

void sqz_json_walk_reset(sqz_json_walk *w)
{
	member_clear(w);
	sqz_free(w->other_key);
	w->other_key = NULL;
	w->state = WALK_OPEN;
	w->key_matches = 0;
	w->key_count = 0;
	w->fed = 0;
	w->failed = 0;
	if (w->value) {
		value_parser_reset(w->value);
	}
	if (w->element) {
		value_parser_reset(w->element);
	}
}

void sqz_json_walk_clear(sqz_json_walk *w)
{
	member_clear(w);
	value_parser_free(w->inner);
	value_parser_free(w->value);
	value_parser_free(w->element);
	sqz_free(w->other_key);
	memset(w, 0, sizeof *w);
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
