/* sqzgraph core: requests to Microsoft Graph.
 *
 * Adds what every Graph request needs (bearer token only to the configured
 * origin, Prefer: IdType="ImmutableId", a fresh client-request-id), retries
 * what is worth retrying, refreshes the token once on 401
 * InvalidAuthenticationToken, and turns error responses into sqz_error with
 * Graph's error.code, message and request-id. Decisions key on error.code,
 * never on the status alone (MailboxNotEnabledForRESTAPI arrives as 400, 401
 * or 404). */
#ifndef SQZ_GRAPH_H
#define SQZ_GRAPH_H

#include <stddef.h>

#include "error.h"
#include "http.h"
#include "json.h"

/* Largest answer sqz_graph_walk reads: the HTTP layer's cap on a buffered one. */
#define SQZ_GRAPH_MAX_WALKED ((size_t)64 << 20)

/* Supplies the bearer token. force = 1 after Graph rejected the previous
 * one. *token is a new string the caller frees with sqz_free_secret. */
typedef sqz_status (*sqz_token_fn)(void *ctx, int force, char **token, sqz_error *err);

typedef struct sqz_graph {
	sqz_http *http;               /* borrowed: the process's stack */
	sqz_http_options http_opts;
	sqz_retry_policy retry;
	char *endpoint;               /* owned; e.g. "https://graph.microsoft.com/v1.0", no trailing slash */
	char *origin;                 /* owned; "https://graph.microsoft.com" */
	char *version_path;           /* owned; "/v1.0" */
	sqz_token_fn token;
	void *token_ctx;
	int concurrency;              /* requests in flight at once (Config concurrency); 0 = 4 */
} sqz_graph;

sqz_status sqz_graph_init(sqz_graph *g, sqz_http *http, const char *endpoint, sqz_error *err);
void sqz_graph_clear(sqz_graph *g);

typedef struct sqz_graph_call {
	const char *method;           /* GET, POST, PATCH */
	const char *url;              /* absolute, or a path below the endpoint ("/me/mailFolders") */
	const char *body;             /* JSON body or NULL */
	size_t body_len;
	sqz_sink *sink;               /* stream the 2xx body here (downloads); NULL = buffer */
	int idempotent;               /* may be retried after a network error */
	const char *const *extra_headers;
	size_t extra_header_count;
	size_t max_body;              /* cap on a buffered answer; 0 = the HTTP layer's 64 MiB */
} sqz_graph_call;

/* Performs the call with retries. SQZ_OK with a 2xx response in resp; any
 * other outcome fills err (GRAPH, THROTTLED, TRANSPORT, ...) and leaves the
 * last response in resp for inspection. */
sqz_status sqz_graph_send(sqz_graph *g, const sqz_graph_call *call, sqz_http_response *resp, sqz_error *err);

/* Performs calls[0..n) with up to g->concurrency requests in flight on the
 * process's one multi handle (kept-alive connections, HTTP/2 multiplexed
 * where offered). Each call behaves as sqz_graph_send alone would: bearer
 * only to the endpoint's origin, its own client-request-id and Prefer
 * header, retries with Retry-After or backoff (a call waiting for its retry
 * does not hold up the others), one token refresh on 401
 * InvalidAuthenticationToken shared by the calls that saw the old token.
 * resps[i] and errs[i] answer calls[i] (initialised by the caller:
 * sqz_http_response_init, SQZ_ERROR_INIT); errs[i] stays SQZ_OK for a 2xx.
 * Returns SQZ_OK when every call succeeded, else the status of the first
 * failed call (its reason is in its errs[i]). */
sqz_status sqz_graph_send_many(sqz_graph *g, const sqz_graph_call *calls, sqz_http_response *resps, sqz_error *errs, size_t n);

/* sqz_graph_send_many, and on_done(ctx, i) as soon as call i is settled
 * (answered, or failed for good: no retry left), in completion order, so
 * that its answer can be used and freed while the others are in flight. */
sqz_status sqz_graph_send_many_each(sqz_graph *g, const sqz_graph_call *calls, sqz_http_response *resps, sqz_error *errs, size_t n,
	void (*on_done)(void *ctx, size_t i), void *ctx);

/* GET/POST returning a parsed JSON object (owned by the caller). */
json_object *sqz_graph_json(sqz_graph *g, const char *method, const char *url, const char *body, sqz_error *err);

/* A GET whose JSON object is walked as its bytes arrive (walk: initialised
 * by the caller, whose callbacks keep what they need), so that neither its
 * text nor its tree is held whole — a listing of 1000 messages was 4 MB of
 * tree. on_restart(ctx) (may be NULL) is called when the transfer starts
 * over after a network error: what the walk handed out comes again. SQZ_OK
 * when the whole object was walked; otherwise err, as sqz_graph_json would
 * fill it. */
sqz_status sqz_graph_walk(sqz_graph *g, const char *url, sqz_json_walk *walk, void (*on_restart)(void *ctx), void *ctx, sqz_error *err);

/* Fills err from a non-2xx Graph response: status, error.code, message,
 * request-id, and an administrator's hint for the codes we know. */
void sqz_graph_error_from_response(const sqz_http_response *resp, const char *method, const char *path, sqz_error *err);

/* 1 when url's scheme, host and port equal the endpoint's (a bearer token
 * may go there). */
int sqz_graph_same_origin(const sqz_graph *g, const char *url);

/* Absolute URL for a path below the endpoint; new string. */
char *sqz_graph_url(const sqz_graph *g, const char *path);

/* A random RFC 4122 version 4 GUID, lowercase, into out[37]. */
int sqz_guid_v4(char out[37]);

#endif
