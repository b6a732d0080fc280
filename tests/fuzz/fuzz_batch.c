/* $batch answers: sqz_graph_batch with N members (first line, 1..45: moves,
 * category PATCHes, and every fourth a download into a sink) against
 * scripted answers: member ids in any order, missing, duplicated or out of
 * range, member statuses, base64 bodies (streamed past json-c when their
 * status and headers come first), keys after a body, member Retry-After.
 * Every member must end with a status or an error, and a download that
 * succeeded holds exactly the bytes it reports — nothing of another try,
 * another member, or a body a later status disowned. */
#include "fuzz_support.h"
#include "core/batch.h"
#include "core/sink.h"

#define ENDPOINT "https://graph.microsoft.com/v1.0"
#define ORIGIN "https://graph.microsoft.com"

static sqz_status fake_token(void *ctx, int force, char **token, sqz_error *err)
{
	(void)ctx;
	(void)force;
	(void)err;
	*token = sqz_strdup("fuzz-access-token");
	return SQZ_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const uint8_t *rest;
	size_t rest_len;
	char *line = fz_first_line(data, len, &rest, &rest_len);
	size_t n = (size_t)strtoul(line, NULL, 10);
	free(line);
	if (n < 1 || n > 45) {
		n = 3;
	}
	sqz_graph g;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_graph_init(&g, sqz_http_new(NULL), ENDPOINT, &err) == SQZ_OK);
	g.token = fake_token;
	g.retry.max_retries = 2;
	g.retry.max_wait = 120;
	fz_http_token_origin(ORIGIN);
	fz_http_script(rest, rest_len);

	sqz_batch_member members[45];
	char paths[45][64];
	sqz_batch_result results[45];
	sqz_buf_sink sinks[45];
	memset(members, 0, sizeof members);
	memset(results, 0, sizeof results);
	for (size_t i = 0; i < n; i++) {
		sqz_buf_sink_init(&sinks[i]);
		if (i % 4 == 3) {
			snprintf(paths[i], sizeof paths[i], "/me/messages/AAMk%zu/$value", i);
			members[i].method = "GET";
			members[i].path = paths[i];
			members[i].sink = &sinks[i].sink;
			members[i].expect_bytes = 1000;
			continue;
		}
		snprintf(paths[i], sizeof paths[i], "/me/messages/AAMk%zu%%2F%%2B%%3D/move", i);
		members[i].method = i % 3 == 2 ? "PATCH" : "POST";
		members[i].path = paths[i];
		members[i].body = i % 3 == 2 ? "{\"categories\":[\"Import failed: poison\"]}" : "{\"destinationId\":\"AAMkExported\"}";
	}
	sqz_status st = sqz_graph_batch(&g, members, n, results, &err);
	if (st != SQZ_OK) {
		fz_check_error(&err);
		sqz_error_clear(&err);
	}
	for (size_t i = 0; i < n; i++) {
		sqz_batch_result *r = &results[i];
		int ok = r->status >= 200 && r->status < 300;
		/* A member that failed, or never got an answer, says why. */
		if (!ok) {
			fz_check_error(&r->error);
		}
		FZ_ASSERT(!(r->raw && r->body));
		FZ_ASSERT(r->raw == NULL || r->raw_len < (size_t)1 << 26);
		if (members[i].sink && ok && r->error.status == SQZ_OK) {
			FZ_ASSERT(r->raw == NULL && (int64_t)sinks[i].buf.len == r->sink_bytes);
		}
		sqz_batch_result_clear(r);
		sqz_buf_free(&sinks[i].buf);
	}
	fz_http_reset();
	sqz_graph_clear(&g);
	return 0;
}
