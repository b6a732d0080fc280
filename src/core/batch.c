#include "batch.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"
#include "crypto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static void fill_result(json_object *response, sqz_batch_result *r, const sqz_batch_member *m)
{
	int64_t status = 0;
	sqz_json_int64(response, "status", &status);
	r->status = (long)status;
	json_object *body = sqz_json_get(response, "body");
	const char *ct = member_header(response, "content-type");
	if (body && json_object_is_type(body, json_type_string) && !(ct && strstr(ct, "json"))) {
		/* Graph returns a non-JSON member body base64-encoded. */
		const char *text = json_object_get_string(body);
		size_t len = 0;
		r->raw = (char *)sqz_base64_decode(text, strlen(text), &len);
		r->raw_len = len;
	} else if (body) {
		r->body = json_object_get(body);
	}
	if (r->status < 200 || r->status >= 300) {
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

/* One $batch request for members[idx[0..count)]. */
static sqz_status send_one(sqz_graph *g, const sqz_batch_member *members, const size_t *idx, size_t count,
	sqz_batch_result *results, sqz_error *err)
{
	json_object *root = json_object_new_object();
	json_object *requests = json_object_new_array();
	if (!root || !requests) {
		json_object_put(root);
		json_object_put(requests);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory building a batch");
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
	if (!text) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory building a batch");
	}
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	/* Re-posting a whole batch after a network error is safe only because
	 * every member we batch is idempotent (GETs, moves with immutable ids,
	 * PATCH of categories). */
	sqz_graph_call call = { .method = "POST", .url = "/$batch", .body = text, .body_len = strlen(text), .idempotent = 1 };
	sqz_status st = sqz_graph_send(g, &call, &resp, err);
	sqz_free(text);
	json_object *answer = NULL;
	if (st == SQZ_OK) {
		answer = sqz_json_parse(resp.body.data, resp.body.len, "Graph's answer to a $batch", SQZ_E_GRAPH, err);
		st = answer ? SQZ_OK : err->status;
	}
	sqz_http_response_clear(&resp);
	if (st != SQZ_OK) {
		return st;
	}
	json_object *responses = sqz_json_get(answer, "responses");
	size_t n = responses && json_object_is_type(responses, json_type_array) ? json_object_array_length(responses) : 0;
	for (size_t i = 0; i < n; i++) {
		json_object *r = json_object_array_get_idx(responses, i);
		const char *id = sqz_json_string(r, "id");
		char *end = NULL;
		unsigned long k = id ? strtoul(id, &end, 10) : 0;
		if (!id || !end || *end || k < 1 || k > count) {
			continue;
		}
		sqz_batch_result *res = &results[idx[k - 1]];
		sqz_batch_result_clear(res);
		fill_result(r, res, &members[idx[k - 1]]);
	}
	json_object_put(answer);
	for (size_t k = 0; k < count; k++) {
		sqz_batch_result *res = &results[idx[k]];
		if (res->status == 0 && res->error.status == SQZ_OK) {
			sqz_error_set(&res->error, SQZ_E_GRAPH, "Graph's $batch answer has no response for %s %s", members[idx[k]].method, members[idx[k]].path);
		}
	}
	return SQZ_OK;
}

sqz_status sqz_graph_batch(sqz_graph *g, const sqz_batch_member *members, size_t n, sqz_batch_result *results, sqz_error *err)
{
	size_t *todo = sqz_calloc(n ? n : 1, sizeof *todo);
	if (!todo) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	size_t todo_count = n;
	for (size_t i = 0; i < n; i++) {
		todo[i] = i;
	}
	sqz_status st = SQZ_OK;
	for (int round = 0; todo_count > 0; round++) {
		for (size_t start = 0; start < todo_count && st == SQZ_OK; start += SQZ_BATCH_MAX) {
			size_t count = todo_count - start < SQZ_BATCH_MAX ? todo_count - start : SQZ_BATCH_MAX;
			st = send_one(g, members, todo + start, count, results, err);
		}
		if (st != SQZ_OK) {
			break;
		}
		/* Members throttled inside the batch: wait the longest Retry-After
		 * of the round (capped), then send just those again. */
		size_t again = 0;
		double wait = 0;
		int exceeds = 0;
		for (size_t k = 0; k < todo_count; k++) {
			sqz_batch_result *r = &results[todo[k]];
			if (r->status == 429 || r->status == 503) {
				int ex = 0;
				double d = sqz_http_retry_delay(&g->retry, round + 1, NULL, &ex);
				if (r->error.retry_after > 0) {
					d = r->error.retry_after;
					ex = d > g->retry.max_wait;
				}
				exceeds |= ex;
				wait = d > wait ? d : wait;
				todo[again++] = todo[k];
			}
		}
		if (again == 0 || round >= g->retry.max_retries || exceeds) {
			break;
		}
		todo_count = again;
		sqz_http_sleep(wait);
	}
	if (st != SQZ_OK) {
		for (size_t i = 0; i < n; i++) {
			if (results[i].status == 0 && results[i].error.status == SQZ_OK) {
				sqz_error_set(&results[i].error, err->status, "%s", err->message ? err->message : "batch failed");
				/* Each member's exception carries the batch's status, code,
				 * request-id, Retry-After and curl code, not just its text. */
				sqz_error_set_graph(&results[i].error, err->http_status, err->graph_code, err->request_id);
				results[i].error.retry_after = err->retry_after;
				results[i].error.curl_code = err->curl_code;
			}
		}
	}
	sqz_free(todo);
	return st;
}
