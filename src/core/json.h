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

/* The elements of one array of a top-level object, handed out one at a
 * time as the bytes arrive: `{"responses":[{...},{...}]}` fed in pieces
 * calls on_element with each member as soon as its closing brace is in,
 * and frees it after, so neither the text nor the tree of the whole
 * answer is ever held (a $batch answer carries up to 20 base64 bodies).
 * json-c parses every value and key; the walker itself reads only the
 * whitespace, braces, brackets, colons and commas of the two outer levels.
 * Fed a text whole, it accepts exactly the texts sqz_json_parse accepts
 * whose value is an object, with the same depth limit (fed in pieces, valid
 * text is read the same; json-c checks a number a piece at a time, so "[1"
 * then "-2]" passes as [1]); the values of other keys are checked
 * and handed to on_other (a listing's "@odata.nextLink"), an array under
 * the key given more than once is walked each time. With a json-c whose strict mode refuses UTF-8 (json.c) each value
 * goes through two tokeners, as sqz_json_parse does. */
typedef void (*sqz_json_element_fn)(void *ctx, json_object *element);

/* Where a streamed string goes (sqz_json_walk_stream): its bytes as they
 * arrive, escapes decoded, then end (complete = 1 at its closing quote, 0
 * when the walk failed, was reset or cleared first). */
typedef struct sqz_json_stream {
	void (*piece)(void *ctx, const char *data, size_t len);
	void (*end)(void *ctx, int complete);
	void *ctx;
} sqz_json_stream;
/* Asked when the value of the streamed key in an element object is a
 * string; `element` (borrowed) holds the keys read before it. 1 after
 * filling *stream: the string is handed over instead of parsed (and the
 * element given to on_element lacks that key); 0: parsed as any value. */
typedef int (*sqz_json_stream_fn)(void *ctx, json_object *element, sqz_json_stream *stream);
/* The value of another top-level key (key_len bytes, may hold a NUL). */
typedef void (*sqz_json_other_fn)(void *ctx, const char *key, size_t key_len, json_object *value);

typedef struct sqz_json_walk {
	const char *key;               /* the key whose array is walked */
	sqz_json_element_fn on_element; /* the element is borrowed for the call */
	sqz_json_other_fn on_other;    /* NULL, or given each other key's value (borrowed) */
	void *ctx;
	char *other_key;               /* owned; the other key whose value is being read */
	size_t other_key_len;
	struct sqz_json_value_parser *value;   /* keys and the values of other keys */
	struct sqz_json_value_parser *element; /* elements (two levels deeper) */
	int state;
	int key_matches;               /* the key just read is `key` */
	size_t key_count;              /* arrays walked under `key` */
	size_t fed;      /* bytes fed so far */
	int failed;
	/* sqz_json_walk_stream: elements that are objects are read a key at a
	 * time, so that one string value can bypass json-c. */
	const char *stream_key;
	sqz_json_stream_fn on_stream;
	sqz_json_stream stream;        /* the string being streamed */
	json_object *building;         /* owned; the element object read so far */
	char *member_key;              /* owned; its key whose value is being read */
	size_t member_key_len;
	struct sqz_json_value_parser *inner; /* values inside an element object */
	char escape[6];                /* a string escape cut between two feeds */
	int escape_len;
} sqz_json_walk;

/* 0, or -1 (out of memory). on_other may be NULL. */
int sqz_json_walk_init(sqz_json_walk *w, const char *key, sqz_json_element_fn on_element, sqz_json_other_fn on_other, void *ctx);
/* Reads each element object a key at a time and offers the string value
 * of `key` to on_stream (a $batch member's base64 body: json-c reads a
 * string a byte at a time and holds it whole, ~10 instructions a byte; the
 * streamed one is scanned for its quote and escapes only). The text is
 * checked as before — JSON's escapes, no raw control character, the depth
 * limit — except that a streamed string's bytes are not checked as UTF-8
 * (its consumer decides what it accepts) and a \u escape of a surrogate
 * half is passed as its own three-byte sequence. Call after init. 0, or -1
 * (out of memory). */
int sqz_json_walk_stream(sqz_json_walk *w, const char *key, sqz_json_stream_fn on_stream);
/* 0, or -1 with err (status fail_status, message naming `what` as
 * sqz_json_parse would) when the bytes so far cannot begin such an object. */
int sqz_json_walk_feed(sqz_json_walk *w, const char *data, size_t len, const char *what, sqz_status fail_status, sqz_error *err);
/* 0 when the object is complete; -1 when the text ended before it (err
 * set) or a feed failed (err set then, left alone now). */
int sqz_json_walk_finish(sqz_json_walk *w, const char *what, sqz_status fail_status, sqz_error *err);
/* Forgets what was fed (a transfer that starts again); elements already
 * handed out stay handed out. */
void sqz_json_walk_reset(sqz_json_walk *w);
void sqz_json_walk_clear(sqz_json_walk *w);

/* Tests only: 1 = parse as with a json-c whose strict mode refuses UTF-8
 * (json.c: a masked strict check beside a lenient parse), so that hosts
 * without that json-c test the path too; 0 = never; -1 = as probed. */
void sqz_json_test_masked_mode(int on);

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
