/* graph.c sqz_graph_send_many and batch.c against a loopback server: calls
 * in parallel each with their own headers, a retry that waits for its
 * Retry-After without holding the others, $batches in flight together with
 * their members chained by dependsOn, 424 members sent again, base64
 * member bodies decoded into a sink. */
#define _GNU_SOURCE
#include "check.h"
#include "mini_server.h"
#include "core/alloc.h"
#include "core/batch.h"
#include "core/buf.h"
#include "core/crypto.h"
#include "core/graph.h"
#include "core/http.h"
#include "core/sink.h"

#include <stdio.h>

static sqz_status fixed_token(void *ctx, int force, char **token, sqz_error *err)
{
	(void)err;
	int *asked = ctx;
	asked[force ? 1 : 0]++;
	*token = sqz_strdup(force ? "fresh-token" : "first-token");
	return SQZ_OK;
}

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) {
		n++;
	}
	return n;
}

static void graph_on(sqz_graph *g, sqz_http *http, const mini_server *s, int *asked)
{
	char endpoint[64];
	snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d/v1.0", s->port);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_graph_init(g, http, endpoint, &err), SQZ_OK);
	g->token = fixed_token;
	g->token_ctx = asked;
	g->retry.max_retries = 2;
	g->retry.max_wait = 10;
	g->http_opts.timeout = 10;
	g->concurrency = 4;
	sqz_error_clear(&err);
}

/* Three calls at once; one is answered 503 + Retry-After 0 first and 401
 * InvalidAuthenticationToken once: all end 200, one token refresh. The
 * server answers in the order it accepts, so every answer fits any call. */
static void test_send_many(void)
{
	const char *ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
	const char *busy = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
	const char *expired = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 62\r\n\r\n"
			      "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"x\"}}\n";
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ busy, ok, ok, expired, ok, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_http *http = sqz_http_new(&err);
	int asked[2] = { 0, 0 };
	sqz_graph g;
	graph_on(&g, http, &s, asked);
	sqz_graph_call calls[3] = {
		{ .method = "GET", .url = "/me/messages/a", .idempotent = 1 },
		{ .method = "GET", .url = "/me/messages/b", .idempotent = 1 },
		{ .method = "GET", .url = "/me/messages/c", .idempotent = 1 },
	};
	sqz_http_response resps[3];
	sqz_error errs[3] = { SQZ_ERROR_INIT, SQZ_ERROR_INIT, SQZ_ERROR_INIT };
	for (int i = 0; i < 3; i++) {
		sqz_http_response_init(&resps[i]);
	}
	CHECK_INT(sqz_graph_send_many(&g, calls, resps, errs, 3), SQZ_OK);
	for (int i = 0; i < 3; i++) {
		CHECK_INT(resps[i].status, 200);
		CHECK_INT(errs[i].status, SQZ_OK);
		sqz_http_response_clear(&resps[i]);
	}
	mini_server_stop(&s);
	CHECK_INT((long)s.served, 5);
	CHECK_INT(asked[0], 1);
	CHECK_INT(asked[1], 1);
	/* Every request: its own client-request-id, immutable ids, a bearer. */
	for (size_t i = 0; i < s.served; i++) {
		CHECK(strstr(s.requests[i], "Prefer: IdType=\"ImmutableId\"") != NULL);
		CHECK(strstr(s.requests[i], "Authorization: Bearer ") != NULL);
		const char *crid = strstr(s.requests[i], "client-request-id: ");
		CHECK(crid != NULL);
		for (size_t k = 0; crid && k < i; k++) {
			CHECK(strncmp(crid, strstr(s.requests[k], "client-request-id: "), 55) != 0);
		}
	}
	/* The call after the 401 carried the fresh token. */
	CHECK(strstr(s.requests[4], "Bearer fresh-token") != NULL);
	sqz_graph_clear(&g);
	sqz_http_free(http);
	sqz_error_clear(&err);
}

static char *batch_answer(int first_status, int rest_status, int count, const char *extra)
{
	sqz_buf b = SQZ_BUF_INIT;
	sqz_buf_appends(&b, "{\"responses\":[");
	for (int i = 1; i <= count; i++) {
		int st = i == 1 ? first_status : rest_status;
		sqz_buf_appendf(&b, "%s{\"id\":\"%d\",\"status\":%d,\"headers\":{%s}%s}", i > 1 ? "," : "", i, st,
			st == 429 ? "\"Retry-After\":\"0\"" : "", st >= 400 ? ",\"body\":{\"error\":{\"code\":\"x\",\"message\":\"y\"}}" : extra);
	}
	sqz_buf_appends(&b, "]}");
	char *body = sqz_buf_steal(&b, NULL);
	char *resp = sqz_malloc(strlen(body) + 200);
	sprintf(resp, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(body), body);
	sqz_free(body);
	return resp;
}

/* Two rounds of batches against a mini server: the first round's batches
 * have their first member throttled (429) and the rest never run (424),
 * the second round's answer 201 with {"id":"x"} for every member. */
typedef struct two_rounds {
	char *throttled, *done;
	mini_server server;
	sqz_http *http;
	sqz_graph graph;
	int asked[2];
	sqz_error err;
} two_rounds;

static void two_rounds_start(two_rounds *t)
{
	memset(t, 0, sizeof *t);
	t->throttled = batch_answer(429, 424, 20, "");
	t->done = batch_answer(201, 201, 20, ",\"body\":{\"id\":\"x\"}");
	CHECK(mini_server_start(&t->server, (const char *[]){ t->throttled, t->throttled, t->done, t->done, NULL }) == 0);
	t->err = (sqz_error)SQZ_ERROR_INIT;
	t->http = sqz_http_new(&t->err);
	graph_on(&t->graph, t->http, &t->server, t->asked);
}

/* Stops the server: two batches a round, so four requests were served. */
static void two_rounds_stop(two_rounds *t)
{
	mini_server_stop(&t->server);
	CHECK_INT((long)t->server.served, 4);
}

static void two_rounds_free(two_rounds *t)
{
	sqz_free(t->throttled);
	sqz_free(t->done);
	sqz_graph_clear(&t->graph);
	sqz_http_free(t->http);
	sqz_error_clear(&t->err);
}

/* 25 members: two batches (20 + 5) in flight together, chained; the first
 * member of each is throttled, the rest answer 424 (never ran): all 25 go
 * again, chained again, and end 201. */
static void test_chained_batches(void)
{
	two_rounds t;
	two_rounds_start(&t);
	sqz_batch_member members[25];
	char paths[25][48];
	sqz_batch_result results[25];
	memset(members, 0, sizeof members);
	memset(results, 0, sizeof results);
	for (int i = 0; i < 25; i++) {
		snprintf(paths[i], sizeof paths[i], "/me/messages/m%d/move", i);
		members[i].method = "POST";
		members[i].path = paths[i];
		members[i].body = "{\"destinationId\":\"archive\"}";
	}
	CHECK_INT(sqz_graph_batch(&t.graph, members, 25, results, &t.err), SQZ_OK);
	for (int i = 0; i < 25; i++) {
		CHECK_INT(results[i].status, 201);
		CHECK_INT(results[i].error.status, SQZ_OK);
		sqz_batch_result_clear(&results[i]);
	}
	two_rounds_stop(&t);
	for (size_t i = 0; i < t.server.served; i++) {
		size_t n = count_of(t.server.bodies[i], "\"method\"");
		CHECK(n == 20 || n == 5);
		/* each member chained on the one before, each with its own Prefer */
		CHECK_INT((long)count_of(t.server.bodies[i], "\"dependsOn\""), (long)n - 1);
		CHECK_INT((long)count_of(t.server.bodies[i], "IdType=\\\"ImmutableId\\\""), (long)n);
	}
	two_rounds_free(&t);
}

/* on_answer: called once per member that ends 2xx with a JSON body, with
 * that body, never for the throttled (429) or never-run (424) answers of
 * the first round; what it takes is gone from the result, and a member
 * without it keeps its body. */
typedef struct answer_count {
	int calls;
	int with_id_x;
} answer_count;

static void count_answer(void *ctx, sqz_batch_result *r)
{
	answer_count *c = ctx;
	c->calls++;
	const char *id = sqz_json_string(r->body, "id");
	c->with_id_x += r->status == 201 && id && strcmp(id, "x") == 0;
	json_object_put(r->body);
	r->body = NULL;
}

static void test_member_on_answer(void)
{
	two_rounds t;
	two_rounds_start(&t);
	sqz_batch_member members[25];
	char paths[25][48];
	sqz_batch_result results[25];
	answer_count counts[25];
	memset(members, 0, sizeof members);
	memset(results, 0, sizeof results);
	memset(counts, 0, sizeof counts);
	for (int i = 0; i < 25; i++) {
		snprintf(paths[i], sizeof paths[i], "/me/messages/m%d", i);
		members[i].method = "GET";
		members[i].path = paths[i];
		if (i % 2 == 0) {
			members[i].on_answer = count_answer;
			members[i].on_answer_ctx = &counts[i];
		}
	}
	CHECK_INT(sqz_graph_batch(&t.graph, members, 25, results, &t.err), SQZ_OK);
	for (int i = 0; i < 25; i++) {
		CHECK_INT(results[i].status, 201);
		CHECK_INT(counts[i].calls, i % 2 == 0 ? 1 : 0);
		CHECK_INT(counts[i].with_id_x, i % 2 == 0 ? 1 : 0);
		CHECK(i % 2 == 0 ? results[i].body == NULL : sqz_json_string(results[i].body, "id") != NULL);
		sqz_batch_result_clear(&results[i]);
	}
	two_rounds_stop(&t);
	two_rounds_free(&t);
}

/* One batch alone is not chained; a base64 member body goes to the
 * member's sink, decoded, and never into result.raw. */
static void test_member_sink(void)
{
	const char *text = "{\"responses\":[{\"id\":\"1\",\"status\":200,\"headers\":{\"Content-Type\":\"message/rfc822\"},"
			   "\"body\":\"SGVsbG8sDQp3b3JsZAA=\"},{\"id\":\"2\",\"status\":200,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"AAEC\"}]}";
	char resp[1024];
	snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(text), text);
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ resp, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_http *http = sqz_http_new(&err);
	int asked[2] = { 0, 0 };
	sqz_graph g;
	graph_on(&g, http, &s, asked);
	sqz_buf_sink bs;
	sqz_buf_sink_init(&bs);
	sqz_batch_member members[2] = {
		{ "GET", "/me/messages/a/$value", NULL, &bs.sink, 100 },
		{ "GET", "/me/messages/b/$value", NULL, NULL, 0 },
	};
	sqz_batch_result results[2];
	memset(results, 0, sizeof results);
	CHECK_INT(sqz_graph_batch(&g, members, 2, results, &err), SQZ_OK);
	CHECK_INT(results[0].status, 200);
	CHECK(results[0].raw == NULL);
	CHECK_INT((long)results[0].sink_bytes, 14);
	CHECK(bs.buf.len == 14 && memcmp(bs.buf.data, "Hello,\r\nworld\0", 14) == 0);
	CHECK(results[1].raw != NULL && results[1].raw_len == 3 && memcmp(results[1].raw, "\0\1\2", 3) == 0);
	mini_server_stop(&s);
	CHECK_INT((long)count_of(s.bodies[0], "\"dependsOn\""), 0);
	for (int i = 0; i < 2; i++) {
		sqz_batch_result_clear(&results[i]);
	}
	sqz_buf_free(&bs.buf);
	sqz_graph_clear(&g);
	sqz_http_free(http);
	sqz_error_clear(&err);
}

/* A sink that counts how its body ended (sqz_sink.finish). */
typedef struct counted_sink {
	sqz_buf_sink bs;
	int finished;
	int resets;
	size_t largest_write;
} counted_sink;

static int counted_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	counted_sink *c = ctx;
	(void)err;
	CHECK(c->finished == c->resets);    /* no byte after its end, unless rewound */
	c->largest_write = len > c->largest_write ? len : c->largest_write;
	return sqz_buf_append(&c->bs.buf, data, len);
}

static int counted_reset(void *ctx)
{
	counted_sink *c = ctx;
	c->resets++;
	c->bs.buf.len = 0;
	return 0;
}

static void counted_finish(void *ctx)
{
	((counted_sink *)ctx)->finished++;
}

static void counted_init(counted_sink *c)
{
	memset(c, 0, sizeof *c);
	sqz_buf_sink_init(&c->bs);
	c->bs.sink.ctx = c;
	c->bs.sink.write = counted_write;
	c->bs.sink.reset = counted_reset;
	c->bs.sink.finish = counted_finish;
}

/* Member bodies decoded into their sinks as the answer's bytes arrive
 * (json.h sqz_json_walk_stream): a body of several pieces, bodies that are
 * not base64 (each fails alone), a body before the status and headers that
 * say where it goes (read whole, as before), a JSON error body. */
static void test_member_stream(void)
{
	size_t big_len = 300000;
	unsigned char *big = sqz_malloc(big_len);
	for (size_t i = 0; i < big_len; i++) {
		big[i] = (unsigned char)(i * 7 + i / 251);
	}
	char *big64 = sqz_base64_encode(big, big_len);
	sqz_buf text = SQZ_BUF_INIT;
	const char *mime = "\"headers\":{\"Content-Type\":\"message/rfc822\"}";
	CHECK_INT(sqz_buf_appendf(&text, "{\"responses\":[{\"id\":\"1\",\"status\":200,%s,\"body\":\"%s\"},", mime, big64), 0);
	CHECK_INT(sqz_buf_appendf(&text, "{\"id\":\"2\",\"status\":200,%s,\"body\":\"QUJD*UJD\"},", mime), 0);
	CHECK_INT(sqz_buf_appendf(&text, "{\"id\":\"3\",\"status\":200,%s,\"body\":\"QQ==QUJD\"},", mime), 0);
	CHECK_INT(sqz_buf_appendf(&text, "{\"body\":\"SGk\\u0068\",\"id\":\"4\",\"status\":200,%s},", mime), 0);
	CHECK_INT(sqz_buf_appendf(&text, "{\"id\":\"5\",\"status\":404,\"headers\":{\"Content-Type\":\"application/json\"},"
					 "\"body\":{\"error\":{\"code\":\"ErrorItemNotFound\",\"message\":\"gone\"}}},"),
		0);
	CHECK_INT(sqz_buf_appendf(&text, "{\"id\":\"6\",\"status\":200,%s,\"body\":\"QUJDR\"},", mime), 0);
	CHECK_INT(sqz_buf_appendf(&text, "{\"id\":\"7\",\"status\":200,%s,\"body\":\"SGVsbG8\\u003d\"}]}", mime), 0);
	sqz_buf resp = SQZ_BUF_INIT;
	CHECK_INT(sqz_buf_appendf(&resp, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", text.len, text.data), 0);
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ resp.data, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_http *http = sqz_http_new(&err);
	int asked[2] = { 0, 0 };
	sqz_graph g;
	graph_on(&g, http, &s, asked);
	enum { N = 7 };
	counted_sink sinks[N];
	char paths[N][48];
	sqz_batch_member members[N];
	sqz_batch_result results[N];
	memset(results, 0, sizeof results);
	for (int i = 0; i < N; i++) {
		counted_init(&sinks[i]);
		snprintf(paths[i], sizeof paths[i], "/me/messages/m%d/$value", i + 1);
		members[i] = (sqz_batch_member){ "GET", paths[i], NULL, &sinks[i].bs.sink, 1000 };
	}
	CHECK_INT(sqz_graph_batch(&g, members, N, results, &err), SQZ_OK);
	CHECK_INT(results[0].status, 200);
	CHECK(results[0].error.message == NULL);
	CHECK(results[0].sink_bytes == (int64_t)big_len && sinks[0].bs.buf.len == big_len && memcmp(sinks[0].bs.buf.data, big, big_len) == 0);
	/* Streamed: decoded 16 KiB of text at a time as it came (json-c's whole
	 * string would have been decoded 64 KiB at a time). */
	CHECK_INT((long)sinks[0].largest_write, (16 * 1024 - 4) / 4 * 3);
	CHECK_STR(results[1].error.message, "GET /me/messages/m2/$value: Graph's base64 body is not valid base64");
	CHECK_STR(results[2].error.message, "GET /me/messages/m3/$value: Graph's base64 body is not valid base64");
	CHECK(results[3].error.message == NULL && results[3].sink_bytes == 3 && sinks[3].bs.buf.len == 3 && memcmp(sinks[3].bs.buf.data, "Hi!", 3) == 0);
	CHECK_INT(results[4].status, 404);
	CHECK_INT(results[4].error.status, SQZ_E_GRAPH);
	CHECK_STR(results[4].error.graph_code, "ErrorItemNotFound");
	CHECK_INT((long)sinks[4].bs.buf.len, 0);
	CHECK_STR(results[5].error.message, "GET /me/messages/m6/$value: Graph's base64 body has a length that is not a multiple of 4");
	CHECK(results[6].error.message == NULL && sinks[6].bs.buf.len == 5 && memcmp(sinks[6].bs.buf.data, "Hello", 5) == 0);
	for (int i = 0; i < N; i++) {
		/* Every body that reached its sink was ended once; the 404 had none. */
		CHECK_INT(sinks[i].finished, i == 4 ? 0 : 1);
		CHECK_INT(sinks[i].resets, 0);
		sqz_batch_result_clear(&results[i]);
		sqz_buf_free(&sinks[i].bs.buf);
	}
	mini_server_stop(&s);
	sqz_graph_clear(&g);
	sqz_http_free(http);
	sqz_error_clear(&err);
	sqz_buf_free(&resp);
	sqz_buf_free(&text);
	sqz_free(big64);
	sqz_free(big);
}

/* An answer cut in the middle of a streamed body is sent again: the
 * member's sink is rewound and gets the whole body once. */
static void test_member_stream_again(void)
{
	size_t big_len = 200000;
	unsigned char *big = sqz_malloc(big_len);
	for (size_t i = 0; i < big_len; i++) {
		big[i] = (unsigned char)(i * 13 + 1);
	}
	char *big64 = sqz_base64_encode(big, big_len);
	sqz_buf text = SQZ_BUF_INIT;
	CHECK_INT(sqz_buf_appendf(&text, "{\"responses\":[{\"id\":\"1\",\"status\":200,\"headers\":{\"Content-Type\":\"message/rfc822\"},"
					 "\"body\":\"%s\"}]}",
			  big64),
		0);
	sqz_buf cut = SQZ_BUF_INIT, whole = SQZ_BUF_INIT;
	CHECK_INT(sqz_buf_appendf(&cut, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%.*s", text.len, 150000, text.data), 0);
	CHECK_INT(sqz_buf_appendf(&whole, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", text.len, text.data), 0);
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ cut.data, whole.data, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_http *http = sqz_http_new(&err);
	int asked[2] = { 0, 0 };
	sqz_graph g;
	graph_on(&g, http, &s, asked);
	counted_sink sink;
	counted_init(&sink);
	sqz_batch_member member = { "GET", "/me/messages/m1/$value", NULL, &sink.bs.sink, 1000 };
	sqz_batch_result result;
	memset(&result, 0, sizeof result);
	CHECK_INT(sqz_graph_batch(&g, &member, 1, &result, &err), SQZ_OK);
	CHECK_INT(result.status, 200);
	CHECK(result.error.message == NULL);
	CHECK(result.sink_bytes == (int64_t)big_len && sink.bs.buf.len == big_len && memcmp(sink.bs.buf.data, big, big_len) == 0);
	CHECK_INT(sink.resets, 1);
	/* Ended when the first answer broke off, and again at the end (a
	 * counted_write after the first end would have failed above). */
	CHECK_INT(sink.finished, 2);
	sqz_batch_result_clear(&result);
	sqz_buf_free(&sink.bs.buf);
	mini_server_stop(&s);
	CHECK_INT(s.served, 2);
	sqz_graph_clear(&g);
	sqz_http_free(http);
	sqz_error_clear(&err);
	sqz_buf_free(&cut);
	sqz_buf_free(&whole);
	sqz_buf_free(&text);
	sqz_free(big64);
	sqz_free(big);
}

/* Keys after a streamed body that change what it was: an "id" naming
 * another member (json-c keeps the last key), a status that is not 2xx.
 * No sink keeps bytes that are not its member's answer. */
static void test_member_stream_keys_after_body(void)
{
	const char *mime = "\"headers\":{\"Content-Type\":\"message/rfc822\",\"Retry-After\":\"0\"}";
	sqz_buf first = SQZ_BUF_INIT, second = SQZ_BUF_INIT, r1 = SQZ_BUF_INIT, r2 = SQZ_BUF_INIT;
	/* Member 1's body arrives under id 1, then the response says id 2;
	 * member 1's own answer follows (its body before its status: read
	 * whole). Member 3's body, then status 429. */
	CHECK_INT(sqz_buf_appendf(&first, "{\"responses\":[{\"id\":\"1\",\"status\":200,%s,\"body\":\"SGVsbG8=\",\"id\":\"2\"},"
					  "{\"id\":\"1\",\"body\":\"V29ybGQ=\",\"status\":200,%s},"
					  "{\"id\":\"3\",\"status\":200,%s,\"body\":\"SGVsbG8=\",\"status\":429},"
					  "{\"id\":\"4\",\"status\":200,%s,\"body\":\"SGVsbG8=\",\"body\":{\"value\":1}},"
					  "{\"id\":\"5\",\"status\":200,%s,\"body\":\"SGVsbG8=\",\"id\":\"2\"},"
					  "{\"id\":\"5\",\"body\":\"V29ybGQ=\",\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"}}]}",
			  mime, mime, mime, mime, mime),
		0);
	/* The round after the throttled member: it alone, answered. */
	CHECK_INT(sqz_buf_appendf(&second, "{\"responses\":[{\"id\":\"1\",\"status\":200,%s,\"body\":\"V29ybGQ=\"}]}", mime), 0);
	CHECK_INT(sqz_buf_appendf(&r1, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", first.len, first.data), 0);
	CHECK_INT(sqz_buf_appendf(&r2, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", second.len, second.data), 0);
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ r1.data, r2.data, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_http *http = sqz_http_new(&err);
	int asked[2] = { 0, 0 };
	sqz_graph g;
	graph_on(&g, http, &s, asked);
	g.retry.base_delay = 0.01;
	counted_sink sinks[5];
	sqz_batch_member members[5];
	sqz_batch_result results[5];
	memset(results, 0, sizeof results);
	for (int i = 0; i < 5; i++) {
		counted_init(&sinks[i]);
		members[i] = (sqz_batch_member){ "GET", "/me/messages/m/$value", NULL, &sinks[i].bs.sink, 100 };
	}
	CHECK_INT(sqz_graph_batch(&g, members, 5, results, &err), SQZ_OK);
	/* Member 1: its own answer only ("Hello" was member 1's sink's until the
	 * response turned out to be member 2's: rewound). */
	CHECK_INT(results[0].status, 200);
	CHECK(results[0].error.message == NULL);
	CHECK(results[0].sink_bytes == 5 && sinks[0].bs.buf.len == 5 && memcmp(sinks[0].bs.buf.data, "World", 5) == 0);
	CHECK_INT(sinks[0].resets, 1);
	/* Member 2: answered 200 without a body of its own. */
	CHECK_INT(results[1].status, 200);
	CHECK_STR(results[1].error.message, "Graph's $batch answer to GET /me/messages/m/$value has status 200 but no body");
	CHECK_INT((long)sinks[1].bs.buf.len, 0);
	/* Member 3: throttled after its body (discarded), answered in the next round. */
	CHECK_INT(results[2].status, 200);
	CHECK(results[2].error.message == NULL);
	CHECK(results[2].sink_bytes == 5 && sinks[2].bs.buf.len == 5 && memcmp(sinks[2].bs.buf.data, "World", 5) == 0);
	CHECK_INT(sinks[2].resets, 1);
	/* Member 4: a second "body" after the streamed one (json-c keeps the
	 * last): the JSON body is the answer, the sink keeps nothing. */
	CHECK_INT(results[3].status, 200);
	CHECK(results[3].error.message == NULL && results[3].body != NULL && results[3].sink_bytes == 0);
	CHECK_INT((long)sinks[3].bs.buf.len, 0);
	/* Member 5: a body disowned by a later "id" (member 2 is answered
	 * already), then its own answer with a JSON body: its sink is emptied. */
	CHECK_INT(results[4].status, 200);
	CHECK(results[4].error.message == NULL && results[4].body != NULL && results[4].sink_bytes == 0);
	CHECK_INT((long)sinks[4].bs.buf.len, 0);
	CHECK_INT(sinks[4].resets, 1);
	mini_server_stop(&s);
	CHECK_INT(s.served, 2);
	for (int i = 0; i < 5; i++) {
		sqz_batch_result_clear(&results[i]);
		sqz_buf_free(&sinks[i].bs.buf);
	}
	sqz_graph_clear(&g);
	sqz_http_free(http);
	sqz_error_clear(&err);
	sqz_buf_free(&first);
	sqz_buf_free(&second);
	sqz_buf_free(&r1);
	sqz_buf_free(&r2);
}

static void test_base64_to_sink(void)
{
	sqz_buf_sink bs;
	sqz_buf_sink_init(&bs);
	sqz_error err = SQZ_ERROR_INIT;
	int64_t n = 0;
	/* longer than one 64 KiB piece */
	size_t len = 200000;
	unsigned char *raw = sqz_malloc(len);
	for (size_t i = 0; i < len; i++) {
		raw[i] = (unsigned char)(i * 131 + 7);
	}
	char *text = sqz_base64_encode(raw, len);
	CHECK_INT(sqz_base64_to_sink(text, strlen(text), &bs.sink, &n, &err), 0);
	CHECK(n == (int64_t)len && bs.buf.len == len && memcmp(bs.buf.data, raw, len) == 0);
	CHECK_INT(sqz_base64_to_sink("abc", 3, &bs.sink, &n, &err), -1);
	CHECK_INT(err.status, SQZ_E_GRAPH);
	sqz_error_clear(&err);
	CHECK_INT(sqz_base64_to_sink("a*c=", 4, &bs.sink, &n, &err), -1);
	sqz_error_clear(&err);
	sqz_free(raw);
	sqz_free(text);
	sqz_buf_free(&bs.buf);
}

int main(void)
{
	test_send_many();
	test_chained_batches();
	test_member_on_answer();
	test_member_sink();
	test_member_stream();
	test_member_stream_again();
	test_member_stream_keys_after_body();
	test_base64_to_sink();
	return check_summary();
}
