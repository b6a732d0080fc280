/* sqzgraph core: the HTTP transport on libcurl.
 *
 * One sqz_http per process (the binding keeps it in module globals), so
 * that keep-alive connections, TLS sessions and DNS answers are reused
 * across calls and across the requests of an FPM worker. Every transfer
 * goes through one multi handle: a single request is a batch of one, and
 * up to `max_parallel` requests run at once (HTTP/2 multiplexed when the
 * server offers it). TLS verification is always on; there is no switch.
 * Redirects are never followed (a bearer token must not follow a Location
 * to another host).
 *
 * HTTP error statuses are not errors at this layer: the response carries
 * the status and the caller (oauth.c, graph.c) decides. Only a missing
 * response (network, TLS, timeout, a sink that failed, a body over its cap)
 * is an error here. */
#ifndef SQZ_HTTP_H
#define SQZ_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "log.h"

typedef struct sqz_http sqz_http;

/* Where a streamed body goes. write() returns 0, or -1 with err filled
 * (the transfer is aborted and perform reports err). */
typedef struct sqz_sink {
	int (*write)(void *ctx, const char *data, size_t len, sqz_error *err);
	/* Discards what was written so far (truncate a file); NULL when the
	 * target cannot be rewound (a PHP stream): such a download is not
	 * retried after bytes were written. Returns 0 or -1. */
	int (*reset)(void *ctx);
	void *ctx;
	/* Optional (NULL: the bytes go through write): copies up to len bytes
	 * of fd from offset off into the target inside the kernel. Returns
	 * how many it copied; fewer than len (0 included) when the rest must go
	 * through write — another file system, a kernel without the call, an
	 * error the write will report, or the end of fd. Never fails itself. */
	int64_t (*copy_from)(void *ctx, int fd, int64_t off, int64_t len);
	/* Optional: the body is complete, or given up (a $batch member's: its
	 * answer ends or starts over). A target that shares a file with
	 * others (the prefetch's window files) lets the next body have it. */
	void (*finish)(void *ctx);
} sqz_sink;

typedef struct sqz_http_options {
	double connect_timeout;      /* seconds; Config connect_timeout */
	double timeout;              /* seconds for a whole buffered request; Config timeout */
	const char *ca_file;         /* extra CA bundle, or NULL for the system's */
	const char *user_agent;      /* "sqzgraph/<version>" */
	const sqz_logger *logger;    /* NULL = no log lines */
} sqz_http_options;

typedef struct sqz_http_request {
	const char *method;          /* "GET", "POST", "PATCH", ... */
	const char *url;             /* absolute */
	const char *const *headers;  /* "Name: value" lines, may hold a bearer token */
	size_t header_count;
	const char *body;            /* request body or NULL */
	size_t body_len;
	sqz_sink *sink;              /* NULL: buffer the body in response->body. Only a 2xx body
	                                reaches the sink; any other is buffered (max 1 MiB) */
	size_t max_body;             /* cap for a buffered body; 0 = 64 MiB */
	int streaming;               /* a download: no total timeout, a low-speed limit instead */
	const char *log_path;        /* what the log line shows instead of the URL (no query secrets); NULL = URL path */
} sqz_http_request;

typedef struct sqz_http_response {
	long status;                 /* 0 when no response */
	sqz_buf body;                /* buffered body (when no sink) */
	size_t sink_bytes;           /* bytes handed to the sink */
	char *content_type;          /* owned; header values, NULL when absent */
	char *retry_after;
	char *request_id;
	char *client_request_id;
	char *date;
	char *www_authenticate;
	double seconds;              /* wall time of the transfer */
	int http_version;            /* 1, 2 */
	sqz_error error;             /* per-request transport error in perform_many */
} sqz_http_response;

/* Creates the stack; NULL with err on failure. */
sqz_http *sqz_http_new(sqz_error *err);
void sqz_http_free(sqz_http *http);

/* From now on every request of http takes one of slots while in flight
 * (slots.h; NULL: none), waiting for a free one: the stacks of several
 * threads that share slots never have more requests in flight together.
 * slots must outlive its use here (set NULL before freeing it). */
struct sqz_slots;
void sqz_http_set_slots(sqz_http *http, struct sqz_slots *slots);

void sqz_http_response_init(sqz_http_response *resp);
/* Frees what resp holds (body cleansed: it may hold a token response). */
void sqz_http_response_clear(sqz_http_response *resp);

/* One request. SQZ_OK when a response arrived (any status). */
sqz_status sqz_http_perform(sqz_http *http, const sqz_http_options *opts, const sqz_http_request *req,
	sqz_http_response *resp, sqz_error *err);

/* n requests with at most max_parallel in flight; responses[i] answers
 * requests[i] (each initialised by the caller). Returns SQZ_OK when every
 * request got a response; otherwise the first failure's status, and each
 * failed request's responses[i].error says why. Completed requests are
 * reported through on_done (may be NULL) in completion order, so a caller
 * can start work early. */
sqz_status sqz_http_perform_many(sqz_http *http, const sqz_http_options *opts,
	const sqz_http_request *requests, sqz_http_response *responses, size_t n, size_t max_parallel,
	void (*on_done)(void *ctx, size_t index), void *on_done_ctx, sqz_error *err);

/* The first of responses[0..n) that failed: its status, with its error
 * copied into err (may be NULL); SQZ_OK when none did. */
sqz_status sqz_http_first_failure(const sqz_http_response *responses, size_t n, sqz_error *err);

/* Retry policy shared by the OAuth and Graph layers. */
typedef struct sqz_retry_policy {
	int max_retries;             /* Config max_retries */
	double max_wait;             /* Config max_retry_wait: cap on one wait */
	double base_delay;           /* first backoff step, seconds (default 1) */
} sqz_retry_policy;

/* 1 when status/transport error is worth retrying: 429, 502, 503, 504, or
 * no response (connection reset, timeout). */
int sqz_http_is_retryable(long status, const sqz_error *transport_error);

/* Seconds to wait before retry number `attempt` (1-based): Retry-After when
 * the server sent a usable one (seconds, fraction, HTTP date), otherwise
 * exponential backoff with full jitter. *exceeds = 1 when the server's
 * Retry-After is beyond policy->max_wait (the caller then gives up with a
 * ThrottledException instead of waiting). */
double sqz_http_retry_delay(const sqz_retry_policy *policy, int attempt, const char *retry_after, int *exceeds);

/* Sleeps (nanosleep, restarting on EINTR). */
void sqz_http_sleep(double seconds);

/* Ends what http is doing or about to do, from another thread: every
 * request of a sqz_http_perform_many under way or to come fails at once
 * with SQZ_E_INTERNAL ("cancelled", never retried), and sqz_http_wait()
 * returns. For a stack used by a worker thread (prefetch.c), never the
 * process's own one: the flag stays set. */
void sqz_http_cancel(sqz_http *http);

/* Like sqz_http_cancel for what has not started: no request of http starts
 * any more (each fails at once with SQZ_E_INTERNAL, never retried) and
 * sqz_http_wait() returns; the requests in flight run to their answer.
 * Outlook works on a request whose client went away all the same, and
 * counts it against the mailbox's 4 concurrent requests until it is done:
 * a cut request's slot given back at once would let the next request of
 * another thread meet a 429. The flag stays set, as sqz_http_cancel's. */
void sqz_http_stop(sqz_http *http);

/* Nonzero once http was stopped or cancelled. */
int sqz_http_cancelled(sqz_http *http);

/* Sleeps like sqz_http_sleep, but returns early once http is stopped or cancelled:
 * the waits before retries (Retry-After) of the Graph and $batch layers. */
void sqz_http_wait(sqz_http *http, double seconds);

/* The libcurl version string for phpinfo(). */
const char *sqz_http_curl_version(void);

/* Origin ("scheme://host[:port]", lowercase, default ports dropped;
 * sqz_url_parse) of an absolute URL into a new string (sqz_free); NULL when
 * the URL is not absolute http(s) or memory ran out. */
char *sqz_http_origin(const char *url);

#endif
