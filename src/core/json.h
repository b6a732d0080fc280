/* sqzgraph core: json-c with the limits untrusted bodies need.
 *
 * Bodies from the identity platform and Graph are parsed here and nowhere
 * else: a depth limit against deeply nested input, the whole buffer must
 * be one JSON value (a truncated body is an error, not a partial object),
 * and numbers are read leniently because Microsoft sends some of them as
 * strings ("expires_in": "3599"). */
#ifndef SQZ_JSON_H
#define SQZ_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "error.h"

#define SQZ_JSON_MAX_DEPTH 64

/* Parses len bytes; NULL with err (status `fail_status`, message naming
 * `what`) when the bytes are not exactly one JSON value. The caller owns the
 * result (json_object_put). */
json_object *sqz_json_parse(const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err);

/* The same check, fed a piece at a time as the bytes arrive (json-c's
 * incremental tokener): the text is never held whole, only the value it
 * becomes. Not available (sqz_json_stream_init returns 1, nothing to
 * clear) when the linked json-c refuses UTF-8 in strict mode (see json.c):
 * the caller then buffers the text and calls sqz_json_parse. */
typedef struct sqz_json_stream {
	json_tokener *tok;
	json_object *value;        /* owned; the value, once complete */
	size_t fed;                /* bytes fed so far */
	int failed;
} sqz_json_stream;

/* 0, 1 (not available), or -1 (out of memory). */
int sqz_json_stream_init(sqz_json_stream *s);
/* 0, or -1 with err (status fail_status, message naming `what` as
 * sqz_json_parse would) when the bytes so far cannot be one JSON value. */
int sqz_json_stream_feed(sqz_json_stream *s, const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err);
/* The value (owned by the caller), or NULL with err when the text ended
 * before it did. */
json_object *sqz_json_stream_take(sqz_json_stream *s, const char *what, sqz_status fail_status, sqz_error *err);
/* Forgets what was fed (a transfer that starts again). */
void sqz_json_stream_reset(sqz_json_stream *s);
void sqz_json_stream_clear(sqz_json_stream *s);

/* Borrowed member of an object, NULL when obj is not an object or lacks it. */
json_object *sqz_json_get(json_object *obj, const char *key);
/* Borrowed string member; NULL when missing or not a string. */
const char *sqz_json_string(json_object *obj, const char *key);
/* Borrowed identifier member (message, folder, attachment id): NULL when
 * missing, not a string, empty, or holding a \u0000 — unlike display text,
 * an id must never be used cut short. */
const char *sqz_json_id(json_object *obj, const char *key);
/* A copy of a display-text member (a subject, a sender's or an attachment's
 * name) in which each NUL byte ("\u0000") is U+FFFD: the text is neither
 * cut short at it (an attachment "a\u0000b.pdf" saved as "a") nor carries a
 * NUL into file names and C strings. `fallback` (may be NULL) when the
 * member is missing or not a string. A new string (sqz_free); NULL when
 * there is none or memory ran out. */
char *sqz_json_text_dup(json_object *obj, const char *key, const char *fallback);
/* Integer member given as a JSON integer, an integral double or a decimal
 * string; 0 on success, -1 when missing or not a whole number. */
int sqz_json_int64(json_object *obj, const char *key, int64_t *out);
/* Boolean member; -1 when missing or not a boolean. */
int sqz_json_bool(json_object *obj, const char *key, int *out);

/* json_object_put() for an object that held secrets: the string values of
 * the top-level `keys` (NULL-terminated) are overwritten first, and so is
 * the object's own serialisation buffer when `serialised` (it was dumped),
 * so no token stays behind in freed memory. obj may be NULL. */
void sqz_json_put_secret(json_object *obj, const char *const *keys, int serialised);

/* The claims of a JWT ("header.payload.signature"), unverified: for
 * showing what a token says (the account of an id_token, an app token's
 * roles), never for a decision about trust. `what` names it in parse
 * errors, which are not reported. A new object (json_object_put), or NULL
 * when jwt (may be NULL) is not a readable JWT. */
json_object *sqz_json_jwt_claims(const char *jwt, const char *what);

/* Serialises without escaping slashes; a new string (sqz_free). */
char *sqz_json_dump(json_object *obj);

#endif
