#include "batch.h"
#include "alloc.h"
#include "base64.h"
#include "buf.h"
#include "clock.h"
#include "crypto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

void sqz_batch_result_clear(sqz_batch_result *r)
{
	if (r->body) {
		json_object_put(r->body);
	}
	sqz_free(r->raw);
	sqz_error_clear(&r->error);
	memset(r, 0, sizeof *r);
}

/* Header value of a member response, case-insensitively. */
static const char *member_header(json_object *response, const char *name)
{
	json_object *headers = sqz_json_get(response, "headers");
	if (!headers || !json_object_is_type(headers, json_type_object)) {
		return NULL;
	}
	json_object_object_foreach(headers, key, value) {
		if (strcasecmp(key, name) == 0 && json_object_is_type(value, json_type_string)) {
			return json_object_get_string(value);
		}
	}
	return NULL;
}

/* Decodes text[0..len) (a multiple of 4; `last`: the body ends with it)
 * into out and hands it to the sink. 0, or -1 with err. */
static int decode_to_sink(const char *text, size_t len, int last, unsigned char *out, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	int64_t n = sqz_b64_decode_strict(text, len, last, out);
	if (n < 0) {
		sqz_error_set(err, SQZ_E_GRAPH, "Graph's base64 body is not valid base64");
		return -1;
	}
	if (n > 0 && sink->write(sink->ctx, (const char *)out, (size_t)n, err) != 0) {
		if (err->status == SQZ_OK) {
			sqz_error_set(err, SQZ_E_INTERNAL, "the download target refused the data");
		}
		return -1;
	}
	*bytes += n;
	return 0;
}

int sqz_base64_to_sink(const char *text, size_t len, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	/* A multiple of 4 characters decodes on its own. */
	enum { PIECE = 64 * 1024 };
	*bytes = 0;
	if (len % 4 != 0) {
		sqz_error_set(err, SQZ_E_GRAPH, "Graph's base64 body has a length that is not a multiple of 4");
		return -1;
	}
	unsigned char *out = sqz_malloc(PIECE / 4 * 3 + 1);
	if (!out) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		return -1;
	}
	int rc = 0;
	for (size_t at = 0; at < len && rc == 0; at += PIECE) {
		size_t n = len - at < PIECE ? len - at : PIECE;
		rc = decode_to_sink(text + at, n, at + n == len, out, sink, bytes, err);
	}
	sqz_free(out);
	return rc;
}

/* Discards what the sink holds: 0, or -1 when it cannot be rewound. */
static int sink_discard(sqz_sink *sink, unsigned char *written)
{
	if (!sink->reset || sink->reset(sink->ctx) != 0) {
		return -1;
	}
	*written = 0;
	return 0;
}

/* Before a member's sink is written again (an answer sent again, a round
 * after a throttled one, a body that went to it for a response that turned
 * out to answer another member): what an earlier try left is discarded.
 * 0, or -1 with err when the sink cannot be rewound. */
static int sink_fresh(sqz_sink *sink, unsigned char *written, sqz_error *err)
{
	if (*written && sink_discard(sink, written) != 0) {
		sqz_error_set(err, SQZ_E_INTERNAL, "the download target cannot be rewound for the answer sent again");
		return -1;
	}
	*written = 1;
	return 0;
}

/* streamed: the member's body was decoded into its sink as it arrived
 * (answer_sink's stream), so the response has no "body" of its own.
 * written: the member's flag, set once its sink got bytes. */
static void fill_result(json_object *response, sqz_batch_result *r, const sqz_batch_member *m, const sqz_error *streamed, unsigned char *written)
{
	int64_t status = 0;
	sqz_json_int64(response, "status", &status);
	r->status = (long)status;
	json_object *body = sqz_json_get(response, "body");
	const char *ct = member_header(response, "content-type");
	int ok = r->status >= 200 && r->status < 300;
	if (m->sink && !streamed && *written) {
		/* What an earlier try or a disowned body left is never part of
		 * this answer, whatever it holds. */
		if (sink_discard(m->sink, written) != 0 && ok) {
			sqz_error_set(&r->error, SQZ_E_INTERNAL, "%s %s: the download target cannot be rewound for the answer sent again", m->method,
				m->path);
			return;
		}
	}
	if (streamed) {
		if (ok && streamed->status != SQZ_OK) {
			sqz_error_copy(&r->error, streamed);
			sqz_error_prefix(&r->error, "%s %s", m->method, m->path);
		} else if (!ok) {
			/* A status after the body said it was not the content. */
			r->sink_bytes = 0;
			(void)sink_discard(m->sink, written);
		}
	} else if (ok && m->sink && !body) {
		/* "body": null or none for a download: nothing was delivered, and
		 * an empty file must never pass for the content. */
		sqz_error_set(&r->error, SQZ_E_GRAPH, "Graph's $batch answer to %s %s has status %ld but no body", m->method, m->path,
			r->status);
		return;
	}
	if (body && json_object_is_type(body, json_type_string) && !(ct && strstr(ct, "json"))) {
		/* Graph returns a non-JSON member body base64-encoded. */
		const char *text = json_object_get_string(body);
		size_t text_len = (size_t)json_object_get_string_len(body);
		if (ok && m->sink) {
			if (sink_fresh(m->sink, written, &r->error) != 0
				|| sqz_base64_to_sink(text, text_len, m->sink, &r->sink_bytes, &r->error) != 0) {
				sqz_error_prefix(&r->error, "%s %s", m->method, m->path);
			}
			if (m->sink->finish) {
				m->sink->finish(m->sink->ctx);
			}
		} else {
			size_t len = 0;
			r->raw = (char *)sqz_base64_decode(text, text_len, &len);
			r->raw_len = len;
		}
	} else if (body && !(ok && m->status_only)) {
		r->body = json_object_get(body);
	}
	if (!ok) {
		/* Reuse the single-request mapper on a synthetic response. */
		sqz_http_response fake;
		sqz_http_response_init(&fake);
		fake.status = r->status;
		if (r->body) {
			json_object *wrapped = r->body;
			const char *text = json_object_to_json_string_ext(wrapped, JSON_C_TO_STRING_PLAIN);
			sqz_buf_appends(&fake.body, text);
		}
		fake.content_type = (char *)"application/json";
		fake.retry_after = (char *)member_header(response, "retry-after");
		fake.request_id = (char *)member_header(response, "request-id");
		sqz_graph_error_from_response(&fake, m->method, m->path, &r->error);
		sqz_buf_free(&fake.body);
	}
}

/* The JSON text of one $batch request for members[idx[0..count)]; chained:
 * each member dependsOn the one before. NULL when out of memory. */
static char *batch_body(const sqz_batch_member *members, const size_t *idx, size_t count, int chained)
{
	json_object *root = json_object_new_object();
	json_object *requests = json_object_new_array();
	if (!root || !requests) {
		json_object_put(root);
		json_object_put(requests);
		return NULL;
	}
	json_object_object_add(root, "requests", requests);
	for (size_t k = 0; k < count; k++) {
		const sqz_batch_member *m = &members[idx[k]];
		json_object *req = json_object_new_object();
		char id[24];
		snprintf(id, sizeof id, "%zu", k + 1);
		json_object_object_add(req, "id", json_object_new_string(id));
		json_object_object_add(req, "method", json_object_new_string(m->method));
		json_object_object_add(req, "url", json_object_new_string(m->path));
		if (chained && k > 0) {
			char prev[24];
			snprintf(prev, sizeof prev, "%zu", k);
			json_object *deps = json_object_new_array();
			json_object_array_add(deps, json_object_new_string(prev));
			json_object_object_add(req, "dependsOn", deps);
		}
		/* The outer request's headers are not inherited: every member asks
		 * for immutable ids itself. */
		json_object *headers = json_object_new_object();
		json_object_object_add(headers, "Prefer", json_object_new_string("IdType=\"ImmutableId\""));
		if (m->body) {
			sqz_error ignored = SQZ_ERROR_INIT;
			json_object *body = sqz_json_parse(m->body, strlen(m->body), "a batch member body", SQZ_E_INTERNAL, &ignored);
			sqz_error_clear(&ignored);
			/* Graph requires Content-Type on a member that has a body. */
			json_object_object_add(headers, "Content-Type", json_object_new_string("application/json"));
			json_object_object_add(req, "body", body);
		}
		json_object_object_add(req, "headers", headers);
		json_object_array_add(requests, req);
	}
	char *text = sqz_json_dump(root);
	json_object_put(root);
	return text;
}

/* A member's base64 body decoded into its sink as the answer's bytes
 * arrive: a whole number of groups at a time (the last one kept until the
 * string ends, where '=' may close it), so neither the text nor the
 * decoded body is held. */
#define STREAM_PIECE (16 * 1024)
#define STREAM_ROOM (STREAM_PIECE + STREAM_PIECE / 4 * 3 + 1)

typedef struct body_stream {
	size_t k;                /* the member's place in the batch, 1-based; 0 = none */
	size_t done_k;           /* the member whose body was streamed whole, 1-based */
	char *text;              /* STREAM_ROOM: STREAM_PIECE bytes and the decoded room after
	                            them, mapped on first use (stream_room) */
	size_t text_len;
	int64_t bytes;           /* decoded into the sink */
	sqz_error error;         /* the body could not be decoded or stored */
} body_stream;

/* A batch answer walked as its bytes arrive (sqz_json_walk): each member's
 * response is taken — its body decoded into the member's sink — as soon
 * as its closing brace is in, and freed, so an answer is never held whole,
 * neither as text nor as a tree. A JSON error is kept for take_answer;
 * only the size cap stops the transfer. */
typedef struct answer_sink {
	sqz_sink sink;
	sqz_json_walk walk;
	body_stream body;
	const sqz_batch_member *members;
	const size_t *idx;       /* the batch's members: members[idx[0..count)] */
	size_t count;
	sqz_batch_result *results;
	unsigned char *written;  /* per member of the call (members[i]): its sink has bytes */
	int read;                /* settled: its unanswered members are marked */
	size_t bytes;
	sqz_error json_error;
} answer_sink;

#define ANSWER_WHAT "Graph's answer to a $batch"

/* The member (1-based) a response answers that has no answer yet; 0 when
 * none (no such id, or the same member again after the transfer started
 * over: the first answer stands, its body is already in the sink). */
static size_t unanswered_member(const answer_sink *a, json_object *response)
{
	const char *id = sqz_json_id(response, "id");
	char *end = NULL;
	unsigned long k = id ? strtoul(id, &end, 10) : 0;
	if (!id || !end || *end || k < 1 || k > a->count) {
		return 0;
	}
	const sqz_batch_result *res = &a->results[a->idx[k - 1]];
	return res->status != 0 || res->error.status != SQZ_OK ? 0 : (size_t)k;
}

static void take_response(void *ctx, json_object *response)
{
	answer_sink *a = ctx;
	size_t k = unanswered_member(a, response);
	/* A body streamed for this response went to the member its keys before
	 * the body named; an "id" after it may name another (json-c keeps the
	 * last): that member stays unanswered, its sink marked written. */
	int streamed = a->body.done_k != 0 && a->body.done_k == k;
	a->body.done_k = 0;
	if (k == 0) {
		return;
	}
	sqz_batch_result *res = &a->results[a->idx[k - 1]];
	if (streamed && json_object_object_get_ex(response, "body", NULL)) {
		/* Another "body" after the streamed one: json-c keeps the last, so
		 * the bytes streamed are not the answer (fill_result discards them). */
		streamed = 0;
	}
	if (streamed) {
		res->sink_bytes = a->body.bytes;
	}
	const sqz_batch_member *m = &a->members[a->idx[k - 1]];
	fill_result(response, res, m, streamed ? &a->body.error : NULL, &a->written[a->idx[k - 1]]);
	if (m->on_answer && res->status >= 200 && res->status < 300 && res->error.status == SQZ_OK && res->body) {
		/* Final: a 2xx member is never sent again (nor answered twice). */
		m->on_answer(m->on_answer_ctx, res);
	}
}

/* Decodes the first n characters of the text held (n a multiple of 4;
 * `last`: the string's end, where '=' may close it) into the sink. */
static void stream_decode(answer_sink *a, size_t n, int last)
{
	body_stream *bs = &a->body;
	sqz_sink *sink = a->members[a->idx[bs->k - 1]].sink;
	(void)decode_to_sink(bs->text, n, last, (unsigned char *)bs->text + STREAM_PIECE, sink, &bs->bytes, &bs->error);
	memmove(bs->text, bs->text + n, bs->text_len - n);
	bs->text_len -= n;
}

static void stream_piece(void *ctx, const char *data, size_t len)
{
	answer_sink *a = ctx;
	body_stream *bs = &a->body;
	while (len > 0 && bs->error.status == SQZ_OK) {
		size_t n = STREAM_PIECE - bs->text_len < len ? STREAM_PIECE - bs->text_len : len;
		memcpy(bs->text + bs->text_len, data, n);
		bs->text_len += n;
		data += n;
		len -= n;
		if (bs->text_len == STREAM_PIECE) {
			stream_decode(a, STREAM_PIECE - 4, 0);
		}
	}
}

static void stream_end(void *ctx, int complete)
{
	answer_sink *a = ctx;
	body_stream *bs = &a->body;
	if (complete && bs->error.status == SQZ_OK) {
		if (bs->text_len % 4 != 0) {
			sqz_error_set(&bs->error, SQZ_E_GRAPH, "Graph's base64 body has a length that is not a multiple of 4");
		} else {
			stream_decode(a, bs->text_len, 1);
		}
	}
	sqz_sink *sink = a->members[a->idx[bs->k - 1]].sink;
	if (sink->finish) {
		sink->finish(sink->ctx);
	}
	bs->done_k = complete ? bs->k : 0;
	bs->k = 0;
	bs->text_len = 0;
}

/* Pages of its own, given back when the answer is read: from malloc, the
 * room of each answer in flight would stay in the heap of every thread
 * that read one (the PHP thread's and each prefetch thread's arena) as
 * memory never used again; mapped, it costs 7 page faults an answer. */
static char *stream_room(void)
{
	void *pages = mmap(NULL, STREAM_ROOM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return pages == MAP_FAILED ? NULL : pages;
}

/* A member's body is taken as it arrives when everything before it says
 * it goes to the member's sink: an unanswered member with a sink, a 2xx
 * status, a content type that is not JSON. Otherwise (Graph may order a
 * response's keys as it likes) json-c reads it whole, as any value. */
static int stream_body(void *ctx, json_object *response, sqz_json_stream *stream)
{
	answer_sink *a = ctx;
	body_stream *bs = &a->body;
	size_t k = unanswered_member(a, response);
	int64_t status = 0;
	if (k == 0 || !a->members[a->idx[k - 1]].sink || sqz_json_int64(response, "status", &status) != 0 || status < 200 || status >= 300) {
		return 0;
	}
	/* As fill_result reads it: base64 unless the type says JSON. */
	const char *ct = member_header(response, "content-type");
	if (!sqz_json_get(response, "headers") || (ct && strstr(ct, "json"))) {
		return 0;
	}
	if (!bs->text && !(bs->text = stream_room())) {
		return 0;    /* json-c's way then, which says so if memory is short */
	}
	sqz_error_clear(&bs->error);
	(void)sink_fresh(a->members[a->idx[k - 1]].sink, &a->written[a->idx[k - 1]], &bs->error);
	bs->k = k;
	bs->done_k = 0;
	bs->bytes = 0;
	bs->text_len = 0;
	stream->piece = stream_piece;
	stream->end = stream_end;
	stream->ctx = a;
	return 1;
}

static void body_stream_clear(body_stream *bs)
{
	if (bs->text) {
		munmap(bs->text, STREAM_ROOM);
	}
	sqz_error_clear(&bs->error);
	memset(bs, 0, sizeof *bs);
}

static int answer_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	answer_sink *a = ctx;
	a->bytes += len;
	if (a->bytes > SQZ_BATCH_MAX_ANSWER) {
		sqz_error_set(err, SQZ_E_GRAPH, "POST /$batch: the response is larger than %zu bytes, more than this request may hold in memory",
			SQZ_BATCH_MAX_ANSWER);
		return -1;
	}
	if (a->json_error.status == SQZ_OK) {
		sqz_json_walk_feed(&a->walk, data, len, ANSWER_WHAT, SQZ_E_GRAPH, &a->json_error);
	}
	return 0;
}

static int answer_reset(void *ctx)
{
	answer_sink *a = ctx;
	sqz_json_walk_reset(&a->walk);
	a->body.done_k = 0;
	sqz_error_clear(&a->json_error);
	a->bytes = 0;
	return 0;
}

/* The batches of one round of sqz_graph_batch. */
typedef struct batch_round {
	sqz_http_response *resps;
	sqz_error *errs;
	answer_sink *answers;
} batch_round;

/* Batch b is settled: the walk must have reached the answer's end, and
 * every member it did not answer says so. Its parser is freed at once,
 * while the round's other batches are still in flight. */
static void take_answer(void *ctx, size_t b)
{
	batch_round *br = ctx;
	answer_sink *a = &br->answers[b];
	if (a->read) {
		return;
	}
	a->read = 1;
	sqz_error *err = &br->errs[b];
	if (err->status == SQZ_OK) {
		if (a->json_error.status != SQZ_OK) {
			sqz_error_copy(err, &a->json_error);
		} else {
			sqz_json_walk_finish(&a->walk, ANSWER_WHAT, SQZ_E_GRAPH, err);
		}
	}
	if (err->status == SQZ_OK) {
		for (size_t k = 0; k < a->count; k++) {
			sqz_batch_result *res = &a->results[a->idx[k]];
			if (res->status == 0 && res->error.status == SQZ_OK) {
				const sqz_batch_member *m = &a->members[a->idx[k]];
				sqz_error_set(&res->error, SQZ_E_GRAPH, "Graph's $batch answer has no response for %s %s", m->method, m->path);
			}
		}
	}
	sqz_json_walk_clear(&a->walk);
	body_stream_clear(&a->body);
	sqz_http_response_clear(&br->resps[b]);
}

/* Cuts todo[0..count) into batches: at most 20 members and, past the first
 * member, at most SQZ_BATCH_BYTES of expected answer. starts[b] is where
 * batch b begins; returns the number of batches. */
static size_t plan_batches(const sqz_batch_member *members, const size_t *todo, size_t count, size_t *starts)
{
	size_t batches = 0, in_batch = 0;
	int64_t bytes = 0;
	for (size_t k = 0; k < count; k++) {
		int64_t b = members[todo[k]].expect_bytes > 0 ? members[todo[k]].expect_bytes : 0;
		if (in_batch == 0 || in_batch == SQZ_BATCH_MAX || bytes + b > SQZ_BATCH_BYTES) {
			starts[batches++] = k;
			in_batch = 0;
			bytes = 0;
		}
		in_batch++;
		bytes += b;
	}
	return batches;
}

/* The arrays of one round's batches, emptied before (nothing in them is owned any more). */
static void free_round(char ***bodies, sqz_graph_call **calls, sqz_http_response **resps, sqz_error **errs, answer_sink **answers)
{
	sqz_free(*bodies);
	sqz_free(*calls);
	sqz_free(*resps);
	sqz_free(*errs);
	sqz_free(*answers);
	*bodies = NULL;
	*calls = NULL;
	*resps = NULL;
	*errs = NULL;
	*answers = NULL;
}

sqz_status sqz_graph_batch(sqz_graph *g, const sqz_batch_member *members, size_t n, sqz_batch_result *results, sqz_error *err)
{
	size_t cap = n ? n : 1;
	size_t *todo = sqz_calloc(cap, sizeof *todo);
	size_t *starts = sqz_calloc(cap + 1, sizeof *starts);
	unsigned char *written = sqz_calloc(cap, 1);    /* across rounds: a retried member's sink */
	/* Per batch, sized by each round's batches (a window's 100 members
	 * make 5): an answer's state is a kilobyte. */
	char **bodies = NULL;
	sqz_graph_call *calls = NULL;
	sqz_http_response *resps = NULL;
	sqz_error *errs = NULL;
	answer_sink *answers = NULL;
	sqz_status st = SQZ_OK;
	if (!todo || !starts || !written) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto done;
	}
	size_t todo_count = n;
	for (size_t i = 0; i < n; i++) {
		todo[i] = i;
	}
	int parallel = g->concurrency > 0 ? g->concurrency : 4;
	int throttle_rounds = 0;
	/* Every round settles at least the first member of each chain, so
	 * n + max_retries + 1 rounds always suffice; the cap guards against an
	 * answer that keeps saying 424 for an unchained member. */
	size_t max_rounds = n + (size_t)(g->retry.max_retries > 0 ? g->retry.max_retries : 0) + 1;
	for (size_t round = 0; todo_count > 0 && round < max_rounds; round++) {
		size_t batches = plan_batches(members, todo, todo_count, starts);
		starts[batches] = todo_count;
		bodies = sqz_calloc(batches, sizeof *bodies);
		calls = sqz_calloc(batches, sizeof *calls);
		resps = sqz_calloc(batches, sizeof *resps);
		errs = sqz_calloc(batches, sizeof *errs);
		answers = sqz_calloc(batches, sizeof *answers);
		if (!bodies || !calls || !resps || !errs || !answers) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
			goto done;
		}
		/* One unchained batch alone fans out to 4 at Outlook: fine when
		 * `concurrency` allows 4, chained otherwise. */
		int chained = batches > 1 || parallel < 4;
		for (size_t k = 0; k < todo_count; k++) {
			sqz_batch_result_clear(&results[todo[k]]);
		}
		for (size_t b = 0; b < batches && st == SQZ_OK; b++) {
			bodies[b] = batch_body(members, todo + starts[b], starts[b + 1] - starts[b], chained);
			if (!bodies[b]) {
				st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory building a batch");
			}
			/* Re-posting a whole batch after a network error is safe only
			 * because every member we batch is idempotent (GETs, moves with
			 * immutable ids, PATCH of categories). */
			sqz_graph_call call = { .method = "POST", .url = "/$batch", .body = bodies[b], .body_len = bodies[b] ? strlen(bodies[b]) : 0, .idempotent = 1, .max_body = SQZ_BATCH_MAX_ANSWER };
			answer_sink *a = &answers[b];
			memset(a, 0, sizeof *a);
			a->members = members;
			a->idx = todo + starts[b];
			a->count = starts[b + 1] - starts[b];
			a->results = results;
			a->written = written;
			int downloads = 0;
			for (size_t k = 0; k < a->count; k++) {
				downloads |= members[a->idx[k]].sink != NULL;
			}
			if (sqz_json_walk_init(&a->walk, "responses", take_response, NULL, a) != 0
				|| (downloads && sqz_json_walk_stream(&a->walk, "body", stream_body) != 0)) {
				st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory building a batch");
			}
			a->sink.write = answer_write;
			a->sink.reset = answer_reset;
			a->sink.ctx = a;
			call.sink = &a->sink;
			calls[b] = call;
			sqz_http_response_init(&resps[b]);
			sqz_error empty = SQZ_ERROR_INIT;
			errs[b] = empty;
		}
		if (st == SQZ_OK) {
			batch_round br = { resps, errs, answers };
			(void)sqz_graph_send_many_each(g, calls, resps, errs, batches, take_answer, &br);
			for (size_t b = 0; b < batches; b++) {
				take_answer(&br, b);
				if (errs[b].status != SQZ_OK && st == SQZ_OK) {
					st = errs[b].status;
					sqz_error_copy(err, &errs[b]);
				}
			}
		}
		for (size_t b = 0; b < batches; b++) {
			sqz_free(bodies[b]);
			bodies[b] = NULL;
			sqz_http_response_clear(&resps[b]);
			sqz_json_walk_clear(&answers[b].walk);
			body_stream_clear(&answers[b].body);
			sqz_error_clear(&answers[b].json_error);
			if (errs[b].status != SQZ_OK) {
				/* Every member of a batch that got no usable answer carries
				 * the batch's status, code, request-id, Retry-After and curl
				 * code, not just its text. */
				for (size_t k = starts[b]; k < starts[b + 1]; k++) {
					sqz_batch_result *r = &results[todo[k]];
					if (r->status == 0 && r->error.status == SQZ_OK) {
						sqz_error_copy(&r->error, &errs[b]);
					}
				}
			}
			sqz_error_clear(&errs[b]);
		}
		free_round(&bodies, &calls, &resps, &errs, &answers);
		if (st != SQZ_OK) {
			break;
		}
		/* Members throttled inside a batch wait for the longest Retry-After
		 * of the round (capped); members that never ran (424 after a failed
		 * member of their chain) go again at once. */
		size_t again = 0;
		double wait = 0;
		int exceeds = 0;
		size_t throttled = 0;
		for (size_t k = 0; k < todo_count; k++) {
			sqz_batch_result *r = &results[todo[k]];
			if (r->status == 429 || r->status == 503) {
				int ex = 0;
				double d = sqz_http_retry_delay(&g->retry, throttle_rounds + 1, NULL, &ex);
				if (r->error.retry_after > 0) {
					d = r->error.retry_after;
					ex = d > g->retry.max_wait;
				}
				exceeds |= ex;
				wait = d > wait ? d : wait;
				throttled++;
				todo[again++] = todo[k];
			} else if (r->status == 424 && chained) {
				todo[again++] = todo[k];
			}
		}
		if (again == 0 || exceeds || (throttled && throttle_rounds >= g->retry.max_retries)) {
			break;
		}
		if (throttled) {
			throttle_rounds++;
			const sqz_logger *logger = g->http_opts.logger;
			if (logger && logger->log) {
				/* The $batch itself answered 200: without this line a
				 * wait for its throttled members would be silent. */
				char members[24], seconds[32], line[128];
				snprintf(members, sizeof members, "%zu", throttled);
				snprintf(seconds, sizeof seconds, "%.0f", wait);
				snprintf(line, sizeof line, "%s $batch member%s throttled: waiting %s s before sending %s again",
					members, throttled == 1 ? "" : "s", seconds, throttled == 1 ? "it" : "them");
				sqz_log_field fields[] = { { "throttled_members", members }, { "wait_seconds", seconds } };
				logger->log(logger->ctx, SQZ_LOG_INFO, line, fields, sizeof fields / sizeof fields[0]);
			}
			sqz_http_wait(g->http, wait);
		}
		todo_count = again;
	}
done:
	free_round(&bodies, &calls, &resps, &errs, &answers);
	sqz_free(todo);
	sqz_free(starts);
	sqz_free(written);
	return st;
}
