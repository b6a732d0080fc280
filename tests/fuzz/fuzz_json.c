/* sqz_json_parse: the one entry for every body from Graph and the identity
 * platform. Properties: never more than one value accepted, the depth limit
 * holds, and what was accepted serialises and parses back to the same text.
 * sqz_json_walk (how $batch answers are read) is checked against it: fed
 * the same bytes in pieces, it accepts exactly when sqz_json_parse accepts
 * an object, and hands out the elements of that object's "responses". */
#include "fuzz_support.h"
#include "core/json.h"

static void walk(json_object *o, int depth)
{
	FZ_ASSERT(depth <= SQZ_JSON_MAX_DEPTH);
	int64_t v;
	int b;
	sqz_json_int64(o, "expires_in", &v);
	sqz_json_bool(o, "isHidden", &b);
	sqz_json_string(o, "id");
	if (json_object_is_type(o, json_type_object)) {
		json_object_object_foreach(o, key, value) {
			(void)key;
			walk(value, depth + 1);
		}
	} else if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);
		for (size_t i = 0; i < n; i++) {
			walk(json_object_array_get_idx(o, i), depth + 1);
		}
	}
}

/* What a walk collects: the elements, and with streaming the "body"
 * string being handed over, put back into its element as json-c would
 * have read it. */
typedef struct collected {
	json_object *elements;
	char *body;
	size_t body_len;
	int streaming, streamed;
} collected;

static void collect(void *ctx, json_object *element)
{
	collected *c = ctx;
	if (c->streamed) {
		/* A "body" key after the streamed one is in the element: json-c
		 * keeps the last, so the streamed string is not put back then. */
		if (!json_object_object_get_ex(element, "body", NULL)) {
			json_object_object_add(element, "body", json_object_new_string_len(c->body ? c->body : "", (int)c->body_len));
		}
		c->streamed = 0;
	}
	json_object_array_add(c->elements, json_object_get(element));
}

static void body_piece(void *ctx, const char *data, size_t len)
{
	collected *c = ctx;
	FZ_ASSERT(c->streaming && len > 0);
	c->body = realloc(c->body, c->body_len + len);
	FZ_ASSERT(c->body != NULL);
	memcpy(c->body + c->body_len, data, len);
	c->body_len += len;
}

static void body_end(void *ctx, int complete)
{
	collected *c = ctx;
	FZ_ASSERT(c->streaming);
	c->streaming = 0;
	c->streamed = complete;
}

static int take_body(void *ctx, json_object *element, sqz_json_stream *stream)
{
	collected *c = ctx;
	FZ_ASSERT(!c->streaming && json_object_is_type(element, json_type_object));
	c->streaming = 1;
	c->streamed = 0;
	c->body_len = 0;
	stream->piece = body_piece;
	stream->end = body_end;
	stream->ctx = c;
	return 1;
}

/* Walks data fed `piece` bytes at a time (`streamed`: each element's
 * "body" string handed over, sqz_json_walk_stream); the elements (owned)
 * or NULL when the walk refused the text. */
static json_object *walk_pieces(const uint8_t *data, size_t len, size_t piece, int streamed, size_t *key_count)
{
	collected c = { json_object_new_array(), NULL, 0, 0, 0 };
	json_object *elements = c.elements;
	sqz_json_walk w;
	FZ_ASSERT(sqz_json_walk_init(&w, "responses", collect, NULL, &c) == 0);
	if (streamed) {
		FZ_ASSERT(sqz_json_walk_stream(&w, "body", take_body) == 0);
	}
	sqz_error err = SQZ_ERROR_INIT;
	int rc = 0;
	for (size_t at = 0; at < len && rc == 0; at += piece) {
		rc = sqz_json_walk_feed(&w, (const char *)data + at, len - at < piece ? len - at : piece, "the fuzz body", SQZ_E_GRAPH, &err);
	}
	if (rc == 0) {
		rc = sqz_json_walk_finish(&w, "the fuzz body", SQZ_E_GRAPH, &err);
	}
	if (rc != 0) {
		FZ_ASSERT(err.status == SQZ_E_GRAPH || err.status == SQZ_E_NOMEM);
		fz_check_error(&err);
		json_object_put(elements);
		elements = NULL;
	}
	*key_count = w.key_count;
	sqz_error_clear(&err);
	sqz_json_walk_clear(&w);
	FZ_ASSERT(!c.streaming);    /* every string handed over was ended */
	free(c.body);
	return elements;
}

static int has_control_byte(const uint8_t *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (data[i] < 0x20) {
			return 1;
		}
	}
	return 0;
}

static void check_walk(const uint8_t *data, size_t len, json_object *parsed)
{
	size_t key_count = 0, pieces_key_count = 0;
	json_object *whole = walk_pieces(data, len, len ? len : 1, 0, &key_count);
	int is_object = parsed && json_object_is_type(parsed, json_type_object);
	FZ_ASSERT(!whole || is_object);
	/* json-c 0.18 refuses a raw control character in a string value but not
	 * in an object key; the walker reads keys as values, so it refuses such
	 * a key where the whole parse takes it. */
	FZ_ASSERT(whole || !is_object || has_control_byte(data, len));
	json_object *array = sqz_json_get(parsed, "responses");
	/* json-c keeps the last of a repeated key, and cuts a key at "\\u0000". */
	if (whole && key_count == 1 && array && json_object_is_type(array, json_type_array) && !memmem(data, len, "\\u0000", 6)) {
		FZ_ASSERT(json_object_equal(array, whole));
	}
	/* Valid text is walked the same whatever pieces it arrives in. (Not the
	 * other way round: json-c's tokener checks a number's characters a piece
	 * at a time, so "[1" then "-2]" passes as [1] where "[1-2]" fails.) */
	json_object *pieces = walk_pieces(data, len, len ? (size_t)data[0] % 17 + 1 : 1, 0, &pieces_key_count);
	if (whole) {
		FZ_ASSERT(pieces && json_object_equal(whole, pieces) && pieces_key_count == key_count);
	}
	/* Streamed "body" strings: the same text accepted (a raw control
	 * character, which JSON forbids, is refused where json-c before 0.18
	 * takes it), the same elements once each string is put back — unless a
	 * \u escape (a surrogate half is passed as its own bytes, json-c pairs
	 * or replaces it) or a second "body" key (json-c keeps the last) makes
	 * them differ by design. */
	size_t streamed_key_count = 0;
	json_object *streamed = walk_pieces(data, len, len ? (size_t)data[len - 1] % 23 + 1 : 1, 1, &streamed_key_count);
	FZ_ASSERT(!streamed || whole);
	FZ_ASSERT(streamed || !whole || has_control_byte(data, len));
	const char *first_body = memmem(data, len, "\"body\"", 6);
	if (streamed && whole && !memmem(data, len, "\\u", 2)
		&& !(first_body && memmem(first_body + 6, len - (size_t)(first_body + 6 - (const char *)data), "\"body\"", 6))) {
		FZ_ASSERT(json_object_equal(whole, streamed) && streamed_key_count == key_count);
	}
	json_object_put(whole);
	json_object_put(pieces);
	json_object_put(streamed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	sqz_error err = SQZ_ERROR_INIT;
	/* Every other input the way a json-c with the UTF-8 bug is used. */
	sqz_json_test_masked_mode(len > 0 && data[len - 1] % 2 ? 1 : -1);
	json_object *o = sqz_json_parse((const char *)data, len, "the fuzz body", SQZ_E_GRAPH, &err);
	check_walk(data, len, o);
	if (!o) {
		FZ_ASSERT(err.status == SQZ_E_GRAPH || err.status == SQZ_E_NOMEM);
		fz_check_error(&err);
		sqz_error_clear(&err);
		return 0;
	}
	FZ_ASSERT(err.status == SQZ_OK);
	walk(o, 1);
	if (!json_object_is_type(o, json_type_object) && !json_object_is_type(o, json_type_array)) {
		/* A bare top-level number only parses with something after it
		 * (json-c waits for more digits); no Microsoft body is one. */
		json_object_put(o);
		return 0;
	}
	char *text = sqz_json_dump(o);
	FZ_ASSERT(text != NULL);
	json_object *back = sqz_json_parse(text, strlen(text), "the dump", SQZ_E_GRAPH, &err);
	FZ_ASSERT(back != NULL);
	char *again = sqz_json_dump(back);
	FZ_ASSERT(again && strcmp(text, again) == 0);
	sqz_free(again);
	sqz_free(text);
	json_object_put(back);
	json_object_put(o);
	return 0;
}
