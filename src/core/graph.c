#include "graph.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"
#include "crypto.h"
#include "url.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

sqz_status sqz_graph_init(sqz_graph *g, sqz_http *http, const char *endpoint, sqz_error *err)
{
	memset(g, 0, sizeof *g);
	g->http = http;
	g->retry.max_retries = 5;
	g->retry.max_wait = 120;
	g->retry.base_delay = 1;
	size_t len = strlen(endpoint);
	while (len > 0 && endpoint[len - 1] == '/') {
		len--;
	}
	g->endpoint = sqz_strndup(endpoint, len);
	g->origin = sqz_http_origin(endpoint);
	if (!g->endpoint || !g->origin) {
		sqz_graph_clear(g);
		return sqz_error_set(err, SQZ_E_CONFIG, "graph_endpoint '%s' is not an absolute http(s) URL", endpoint);
	}
	const char *path = sqz_url_path_start(g->endpoint);
	g->version_path = sqz_strdup(path ? path : "");
	if (!g->version_path) {
		sqz_graph_clear(g);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	return SQZ_OK;
}

void sqz_graph_clear(sqz_graph *g)
{
	sqz_free(g->endpoint);
	sqz_free(g->origin);
	sqz_free(g->version_path);
	memset(g, 0, sizeof *g);
}

int sqz_graph_same_origin(const sqz_graph *g, const char *url)
{
	char *origin = sqz_http_origin(url);
	int same = origin && strcmp(origin, g->origin) == 0;
	sqz_free(origin);
	return same;
}

char *sqz_graph_url(const sqz_graph *g, const char *path)
{
	if (sqz_url_is_absolute(path)) {
		return sqz_strdup(path);
	}
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appends(&b, g->endpoint) || (path[0] != '/' && sqz_buf_appends(&b, "/")) || sqz_buf_appends(&b, path)) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

int sqz_guid_v4(char out[37])
{
	unsigned char r[16];
	if (sqz_random_bytes(r, sizeof r) != 0) {
		return -1;
	}
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
	return 0;
}

/* What an administrator can do about the Graph codes we know. */
static const char *hint_for(const char *code, long status)
{
	static const struct {
		const char *code;
		const char *hint;
	} hints[] = {
		{ "MailboxNotEnabledForRESTAPI", "the mailbox is inactive, soft-deleted, hosted on-premises or has no Exchange Online licence; check the mailbox address and its licence" },
		{ "ErrorAccessDenied", "the application lacks access to this mailbox: grant Mail.ReadWrite (delegated: Mail.ReadWrite.Shared for a shared mailbox) with admin consent, and check any application access policy or RBAC for Applications scope" },
		{ "accessDenied", "the application lacks a permission for this request: check the API permissions and admin consent of the app registration" },
		{ "ErrorItemNotFound", "the item no longer exists in the mailbox (moved or deleted)" },
		{ "ErrorInvalidUser", "the mailbox address is unknown in this tenant; check the mailbox option" },
		{ "ResourceNotFound", "the mailbox or folder does not exist; check the mailbox option" },
		{ "InvalidAuthenticationToken", "the access token was rejected; authorize again if this persists" },
		{ "ErrorInvalidIdMalformed", "an id was malformed (this is a bug in the caller)" },
		{ "ApplicationThrottled", "Graph throttled this application for the mailbox; lower concurrency or run less often" },
		{ "TooManyRequests", "Graph throttled the request; the job retries later" },
	};
	if (code) {
		for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
			if (strcmp(code, hints[i].code) == 0) {
				return hints[i].hint;
			}
		}
	}
	if (status == 503 || status == 504 || status == 502) {
		return "Microsoft Graph is temporarily unavailable; the job retries later";
	}
	return NULL;
}

void sqz_graph_error_from_response(const sqz_http_response *resp, const char *method, const char *path, sqz_error *err)
{
	const char *code = NULL, *message = NULL, *request_id = resp->request_id;
	json_object *body = NULL;
	const char *ct = resp->content_type;
	int looks_json = resp->body.len > 0 && (!ct || strstr(ct, "json"));
	if (looks_json) {
		sqz_error ignored = SQZ_ERROR_INIT;
		body = sqz_json_parse(resp->body.data, resp->body.len, "the error body", SQZ_E_GRAPH, &ignored);
		sqz_error_clear(&ignored);
		json_object *error = sqz_json_get(body, "error");
		code = sqz_json_string(error, "code");
		message = sqz_json_string(error, "message");
		json_object *inner = sqz_json_get(error, "innerError");
		if (!inner) {
			inner = sqz_json_get(error, "innererror");
		}
		if (!request_id) {
			request_id = sqz_json_string(inner, "request-id");
		}
		/* An empty code or message says nothing: treat it as absent. */
		if (code && !*code) {
			code = NULL;
		}
		if (message && !*message) {
			message = NULL;
		}
	}
	sqz_status status = resp->status == 429 ? SQZ_E_THROTTLED : SQZ_E_GRAPH;
	const char *hint = hint_for(code, resp->status);
	if (code || message) {
		sqz_error_set(err, status, "Graph %s %s failed: HTTP %ld %s: %s%s%s%s%s%s", method, path, resp->status,
			code ? code : "(no code)", message ? message : "(no message)",
			hint ? " — " : "", hint ? hint : "",
			request_id ? " (request-id " : "", request_id ? request_id : "", request_id ? ")" : "");
	} else {
		const char *what = resp->body.len == 0                                                ? "an empty body"
			: (ct && strstr(ct, "html")) || (resp->body.len && resp->body.data[0] == '<') ? "an HTML page (a proxy or gateway error?)"
			: body                                                                        ? "a JSON body without an error code"
			: looks_json                                                                  ? "a malformed JSON error body"
												      : "a non-JSON body";
		sqz_error_set(err, status, "Graph %s %s failed: HTTP %ld with %s%s%s%s%s%s", method, path, resp->status, what,
			hint ? " — " : "", hint ? hint : "",
			request_id ? " (request-id " : "", request_id ? request_id : "", request_id ? ")" : "");
	}
	sqz_error_set_graph(err, resp->status, code, request_id);
	if (status == SQZ_E_THROTTLED && resp->retry_after) {
		double wait = sqz_clock_parse_retry_after(resp->retry_after, sqz_clock_now());
		err->retry_after = wait > 0 ? wait : 0;
	}
	if (body) {
		json_object_put(body);
	}
}

static const char *path_of(const sqz_graph *g, const char *url, char *out, size_t out_len)
{
	const char *p = url;
	if (strncmp(url, g->endpoint, strlen(g->endpoint)) == 0) {
		p = url + strlen(g->endpoint);
	} else if (sqz_url_is_absolute(url)) {
		p = sqz_url_path_start(url);
		if (!p) {
			p = "/";
		}
	}
	/* else: already a path below the endpoint ("/me/mailFolders") */
	sqz_url_copy_path(p, out, out_len);
	return out;
}

static int is_invalid_token(const sqz_http_response *resp)
{
	if (resp->status != 401) {
		return 0;
	}
	sqz_error e = SQZ_ERROR_INIT;
	sqz_graph_error_from_response(resp, "", "", &e);
	int invalid = !e.graph_code || strcmp(e.graph_code, "InvalidAuthenticationToken") == 0;
	sqz_error_clear(&e);
	return invalid;
}

/* Where one call of sqz_graph_send_many stands. */
typedef struct call_state {
	char *url;                 /* owned, absolute */
	char path[512];            /* for messages and log lines: no query string */
	const char *method;
	int attempt;               /* retries so far (a token refresh is no attempt) */
	int refreshed;             /* this call already asked for a fresh token */
	int done;
	double ready_at;           /* monotonic: not before (a retry's wait) */
	unsigned token_gen;        /* the token generation this attempt carried */
	sqz_buf auth;
	char crid[64];
	const char *headers[16];
} call_state;

/* The outcome of one attempt of call i: done (OK or failed) or a retry. */
static void judge_attempt(sqz_graph *g, const sqz_graph_call *call, call_state *cs, sqz_http_response *resp,
	sqz_error *out, sqz_error *terr, unsigned token_gen, char **token, int *force_refresh)
{
	sqz_status st = terr->status;
	if (st == SQZ_OK && resp->status >= 200 && resp->status < 300) {
		cs->done = 1;
		return;
	}
	if (st == SQZ_OK && !cs->refreshed && g->token && is_invalid_token(resp)) {
		/* The token was revoked or expired early: one fresh one, one retry.
		 * Calls that carried the same token share the one refresh. */
		cs->refreshed = 1;
		if (cs->token_gen == token_gen && *token) {
			sqz_free_secret(*token);
			*token = NULL;
			*force_refresh = 1;
		}
		cs->ready_at = 0;
		return;
	}
	int retryable = st == SQZ_E_TRANSPORT ? call->idempotent : (st == SQZ_OK && sqz_http_is_retryable(resp->status, NULL));
	if (st == SQZ_OK) {
		sqz_graph_error_from_response(resp, cs->method, cs->path, terr);
	}
	if (st != SQZ_OK && st != SQZ_E_TRANSPORT) {
		/* A sink or memory failure: not the network's fault, no retry. */
		sqz_error_move(out, terr);
		cs->done = 1;
		return;
	}
	int attempt = cs->attempt;
	int exceeds = 0;
	double delay = retryable ? sqz_http_retry_delay(&g->retry, attempt + 1, resp->retry_after, &exceeds) : 0;
	int sink_stuck = call->sink && resp->sink_bytes > 0
		&& (!call->sink->reset || call->sink->reset(call->sink->ctx) != 0);
	if (!retryable || attempt >= g->retry.max_retries || exceeds || sink_stuck) {
		/* A download whose target cannot be rewound is not retried once
		 * bytes reached it: a retry would duplicate them. */
		if (exceeds && terr->status == SQZ_E_GRAPH) {
			terr->status = SQZ_E_THROTTLED;
		}
		if (exceeds && resp->retry_after) {
			/* A 503 asking for longer than max_retry_wait is a
			 * ThrottledException too: it must say until when. */
			double wait = sqz_clock_parse_retry_after(resp->retry_after, sqz_clock_now());
			terr->retry_after = wait > 0 ? wait : terr->retry_after;
		}
		if (exceeds || (retryable && attempt >= g->retry.max_retries)) {
			sqz_error_prefix(terr, "gave up after %d attempt%s", attempt + 1, attempt ? "s" : "");
		}
		sqz_error_move(out, terr);
		cs->done = 1;
		return;
	}
	sqz_error_clear(terr);
	cs->attempt++;
	cs->ready_at = sqz_clock_monotonic() + delay;
}

/* One round of sqz_graph_send_many_each: what settling an answered
 * request needs, from inside sqz_http_perform_many's loop. */
typedef struct round_ctx {
	sqz_graph *g;
	const sqz_graph_call *calls;
	call_state *cs;
	sqz_http_response *resps, *got;
	sqz_error *errs;
	const size_t *pick;
	int *settled;              /* per request of the round */
	unsigned token_gen;
	char **token;
	int *force_refresh;
	size_t *left;
	void (*on_done)(void *ctx, size_t i);
	void *ctx;
} round_ctx;

/* Request j of the round came back: done (the caller hears of it now) or
 * to be retried in a later round. */
static void settle(void *p, size_t j)
{
	round_ctx *r = p;
	size_t i = r->pick[j];
	r->settled[j] = 1;
	sqz_buf_free_secret(&r->cs[i].auth);
	sqz_http_response_clear(&r->resps[i]);
	r->resps[i] = r->got[j];
	sqz_http_response_init(&r->got[j]);
	sqz_error terr = SQZ_ERROR_INIT;
	sqz_error_move(&terr, &r->resps[i].error);
	judge_attempt(r->g, &r->calls[i], &r->cs[i], &r->resps[i], &r->errs[i], &terr, r->token_gen, r->token, r->force_refresh);
	sqz_error_clear(&terr);
	if (r->cs[i].done) {
		(*r->left)--;
		if (r->on_done) {
			r->on_done(r->ctx, i);
		}
	}
}

sqz_status sqz_graph_send_many(sqz_graph *g, const sqz_graph_call *calls, sqz_http_response *resps, sqz_error *errs, size_t n)
{
	return sqz_graph_send_many_each(g, calls, resps, errs, n, NULL, NULL);
}

sqz_status sqz_graph_send_many_each(sqz_graph *g, const sqz_graph_call *calls, sqz_http_response *resps, sqz_error *errs, size_t n,
	void (*on_done)(void *ctx, size_t i), void *ctx)
{
	if (n == 0) {
		return SQZ_OK;
	}
	call_state *cs = sqz_calloc(n, sizeof *cs);
	size_t *pick = sqz_calloc(n, sizeof *pick);
	sqz_http_request *reqs = sqz_calloc(n, sizeof *reqs);
	sqz_http_response *got = sqz_calloc(n, sizeof *got);
	int *settled = sqz_calloc(n, sizeof *settled);
	if (!cs || !pick || !reqs || !got || !settled) {
		sqz_free(cs);
		sqz_free(pick);
		sqz_free(reqs);
		sqz_free(got);
		sqz_free(settled);
		for (size_t i = 0; i < n; i++) {
			sqz_error_set(&errs[i], SQZ_E_NOMEM, "out of memory");
		}
		return SQZ_E_NOMEM;
	}
	size_t left = n;
	for (size_t i = 0; i < n; i++) {
		cs[i].method = calls[i].method ? calls[i].method : "GET";
		cs[i].url = sqz_graph_url(g, calls[i].url);
		if (!cs[i].url) {
			sqz_error_set(&errs[i], SQZ_E_NOMEM, "out of memory");
			cs[i].done = 1;
			left--;
			continue;
		}
		path_of(g, cs[i].url, cs[i].path, sizeof cs[i].path);
		if (!sqz_graph_same_origin(g, cs[i].url)) {
			/* A nextLink or any other URL on another host never gets the token. */
			char *origin = sqz_http_origin(cs[i].url);
			sqz_error_set(&errs[i], SQZ_E_GRAPH, "refusing to send the access token to %s: only %s (graph_endpoint) may receive it",
				origin ? origin : "a non-HTTP URL", g->origin);
			sqz_free(origin);
			cs[i].done = 1;
			left--;
		}
	}

	size_t parallel = g->concurrency > 0 ? (size_t)g->concurrency : 4;
	char *token = NULL;
	unsigned token_gen = 0;
	int force_refresh = 0;
	/* After a wait the calls due by then go, whatever the clock says: the
	 * sleep is the clock's authority (a test's sleep may not sleep). */
	double waited_until = 0;
	while (left > 0) {
		double now = sqz_clock_monotonic(), soonest = -1;
		if (now < waited_until) {
			now = waited_until;
		}
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			if (cs[i].done) {
				continue;
			}
			if (cs[i].ready_at <= now) {
				pick[k++] = i;
			} else if (soonest < 0 || cs[i].ready_at < soonest) {
				soonest = cs[i].ready_at;
			}
		}
		if (k == 0) {
			sqz_http_wait(g->http, soonest - now);
			waited_until = soonest;
			continue;
		}
		if (!token && g->token) {
			sqz_error terr = SQZ_ERROR_INIT;
			if (g->token(g->token_ctx, force_refresh, &token, &terr) != SQZ_OK) {
				/* No token, no request: every call still open ends with why. */
				for (size_t i = 0; i < n; i++) {
					if (!cs[i].done) {
						sqz_error_copy(&errs[i], &terr);
						cs[i].done = 1;
					}
				}
				sqz_error_clear(&terr);
				break;
			}
			token_gen++;
			force_refresh = 0;
		}
		for (size_t j = 0; j < k; j++) {
			size_t i = pick[j];
			call_state *c = &cs[i];
			const sqz_graph_call *call = &calls[i];
			char request_id[37];
			sqz_guid_v4(request_id);
			snprintf(c->crid, sizeof c->crid, "client-request-id: %s", request_id);
			size_t count = 0;
			if (token && sqz_buf_appendf(&c->auth, "Authorization: Bearer %s", token) == 0) {
				c->headers[count++] = c->auth.data;
			}
			c->headers[count++] = "Prefer: IdType=\"ImmutableId\"";
			c->headers[count++] = c->crid;
			c->headers[count++] = "Accept: application/json";
			if (call->body) {
				c->headers[count++] = "Content-Type: application/json";
			}
			for (size_t h = 0; h < call->extra_header_count && count < sizeof c->headers / sizeof c->headers[0]; h++) {
				c->headers[count++] = call->extra_headers[h];
			}
			c->token_gen = token_gen;
			/* Only a 2xx body goes to the sink; an error body is buffered. */
			sqz_http_request req = {
				.method = c->method,
				.url = c->url,
				.headers = c->headers,
				.header_count = count,
				.body = call->body,
				.body_len = call->body_len,
				.log_path = c->path,
				.sink = call->sink,
				.streaming = call->sink != NULL,
				.max_body = call->max_body,
			};
			reqs[j] = req;
			sqz_http_response_init(&got[j]);
		}
		round_ctx round = { g, calls, cs, resps, got, errs, pick, settled, token_gen, &token, &force_refresh, &left, on_done, ctx };
		memset(settled, 0, k * sizeof *settled);
		(void)sqz_http_perform_many(g->http, &g->http_opts, reqs, got, k, parallel, settle, &round, NULL);
		/* A cancelled or broken transfer loop reports no completion. */
		for (size_t j = 0; j < k; j++) {
			if (!settled[j]) {
				settle(&round, j);
			}
		}
	}
	sqz_free_secret(token);
	sqz_status result = SQZ_OK;
	for (size_t i = 0; i < n; i++) {
		sqz_free(cs[i].url);
		if (result == SQZ_OK && errs[i].status != SQZ_OK) {
			result = errs[i].status;
		}
	}
	sqz_free(cs);
	sqz_free(pick);
	sqz_free(reqs);
	sqz_free(got);
	sqz_free(settled);
	return result;
}

sqz_status sqz_graph_send(sqz_graph *g, const sqz_graph_call *call, sqz_http_response *resp, sqz_error *err)
{
	sqz_error one = SQZ_ERROR_INIT;
	sqz_status st = sqz_graph_send_many(g, call, resp, &one, 1);
	if (st != SQZ_OK) {
		sqz_error_move(err, &one);
	}
	sqz_error_clear(&one);
	return st;
}

json_object *sqz_graph_json(sqz_graph *g, const char *method, const char *url, const char *body, sqz_error *err)
{
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	sqz_graph_call call = {
		.method = method,
		.url = url,
		.body = body,
		.body_len = body ? strlen(body) : 0,
		.idempotent = strcmp(method, "GET") == 0,
	};
	json_object *obj = NULL;
	if (sqz_graph_send(g, &call, &resp, err) == SQZ_OK) {
		char what[600];
		char path[512];
		snprintf(what, sizeof what, "Graph's answer to %s %s", method, path_of(g, url, path, sizeof path));
		obj = sqz_json_parse(resp.body.data, resp.body.len, what, SQZ_E_GRAPH, err);
		if (obj && !json_object_is_type(obj, json_type_object)) {
			json_object_put(obj);
			obj = NULL;
			sqz_error_set(err, SQZ_E_GRAPH, "%s is not a JSON object", what);
		}
		if (!obj) {
			err->http_status = resp.status;
			sqz_free(err->request_id);
			err->request_id = sqz_strdup(resp.request_id);
		}
	}
	sqz_http_response_clear(&resp);
	return obj;
}

/* The sink of sqz_graph_walk: bytes to the walk, a JSON error kept for
 * after the transfer (as a $batch answer's). */
typedef struct walk_sink {
	sqz_sink sink;
	sqz_json_walk *walk;
	void (*on_restart)(void *ctx);
	void *ctx;
	const char *what;
	const char *path;
	size_t bytes;
	sqz_error json_error;
} walk_sink;

static int walk_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	walk_sink *ws = ctx;
	ws->bytes += len;
	if (ws->bytes > SQZ_GRAPH_MAX_WALKED) {
		sqz_error_set(err, SQZ_E_GRAPH, "GET %s: the response is larger than %zu bytes, more than this request may hold in memory", ws->path,
			SQZ_GRAPH_MAX_WALKED);
		return -1;
	}
	if (ws->json_error.status == SQZ_OK) {
		sqz_json_walk_feed(ws->walk, data, len, ws->what, SQZ_E_GRAPH, &ws->json_error);
	}
	return 0;
}

static int walk_restart(void *ctx)
{
	walk_sink *ws = ctx;
	sqz_json_walk_reset(ws->walk);
	sqz_error_clear(&ws->json_error);
	ws->bytes = 0;
	if (ws->on_restart) {
		ws->on_restart(ws->ctx);
	}
	return 0;
}

sqz_status sqz_graph_walk(sqz_graph *g, const char *url, sqz_json_walk *walk, void (*on_restart)(void *ctx), void *ctx, sqz_error *err)
{
	char what[600];
	char path[512];
	snprintf(what, sizeof what, "Graph's answer to GET %s", path_of(g, url, path, sizeof path));
	walk_sink ws = { .walk = walk, .on_restart = on_restart, .ctx = ctx, .what = what, .path = path, .json_error = SQZ_ERROR_INIT };
	ws.sink.write = walk_write;
	ws.sink.reset = walk_restart;
	ws.sink.ctx = &ws;
	sqz_graph_call call = { .method = "GET", .url = url, .sink = &ws.sink, .idempotent = 1 };
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	sqz_status st = sqz_graph_send(g, &call, &resp, err);
	if (st == SQZ_OK) {
		if (ws.json_error.status != SQZ_OK) {
			sqz_error_move(err, &ws.json_error);
		} else {
			sqz_json_walk_finish(walk, what, SQZ_E_GRAPH, err);
		}
		st = err->status;
		if (st != SQZ_OK) {
			err->http_status = resp.status;
			sqz_free(err->request_id);
			err->request_id = sqz_strdup(resp.request_id);
		}
	}
	sqz_error_clear(&ws.json_error);
	sqz_http_response_clear(&resp);
	return st;
}
