#include "http.h"
#include "alloc.h"
#include "clock.h"
#include "crypto.h"
#include "gunzip.h"
#include "slots.h"
#include "url.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>

#define SQZ_DEFAULT_MAX_BODY ((size_t)64 << 20)
#define SQZ_EASY_POOL 16

/* Levels of sqz_http.cancelled; only ever raised. */
enum {
	HALT_NONE,
	HALT_STOPPED,      /* sqz_http_stop: nothing starts, what is in flight is answered */
	HALT_CANCELLED     /* sqz_http_cancel: everything ends at once */
};

struct sqz_http {
	CURLM *multi;      /* owns the connection cache: keep-alive across calls */
	CURLSH *share;     /* DNS answers and TLS sessions across easy handles */
	CURL *pool[SQZ_EASY_POOL];
	size_t pooled;
	atomic_int cancelled;   /* set by another thread: HALT_STOPPED (sqz_http_stop) or HALT_CANCELLED (sqz_http_cancel) */
	int performing;         /* sqz_http_perform_many calls under way on this thread */
	sqz_slots *slots;       /* shared with other threads' stacks, or NULL */
};

/* What an answer's body is encoded with. Only gzip is asked for. */
enum {
	ENCODED_NOT,       /* no Content-Encoding, or "identity" */
	ENCODED_GZIP,
	ENCODED_OTHER      /* not asked for: refused, never handed on as the body */
};

/* Per-transfer state, reachable from curl callbacks through CURLOPT_PRIVATE. */
typedef struct transfer {
	const sqz_http_request *req;
	sqz_http_response *resp;
	size_t max_body;
	struct curl_slist *headers;
	sqz_error sink_error;
	int body_too_large;
	int encoding;           /* the answer's Content-Encoding: ENCODED_* */
	char encoding_name[32]; /* as sent, when it is not one we asked for */
	sqz_gunzip *gunzip;     /* made at the first byte of a gzip'd body */
	const char *gzip_problem;   /* why the gzip'd body could not be read (static) */
	double started;
	char curl_message[CURL_ERROR_SIZE];
	CURL *easy;
	size_t index;
	int has_slot;           /* holds one of http->slots */
} transfer;

sqz_http *sqz_http_new(sqz_error *err)
{
	sqz_http *http = sqz_calloc(1, sizeof *http);
	if (!http) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory creating the HTTP stack");
		return NULL;
	}
	http->multi = curl_multi_init();
	http->share = curl_share_init();
	if (!http->multi || !http->share) {
		sqz_http_free(http);
		sqz_error_set(err, SQZ_E_INTERNAL, "libcurl could not create a multi or share handle");
		return NULL;
	}
	curl_share_setopt(http->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	curl_share_setopt(http->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	curl_multi_setopt(http->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	return http;
}

void sqz_http_free(sqz_http *http)
{
	if (!http) {
		return;
	}
	for (size_t i = 0; i < http->pooled; i++) {
		curl_easy_cleanup(http->pool[i]);
	}
	sqz_gunzip_drain();
	if (http->multi) {
		curl_multi_cleanup(http->multi);
	}
	if (http->share) {
		curl_share_cleanup(http->share);
	}
	sqz_free(http);
}

void sqz_http_response_init(sqz_http_response *resp)
{
	memset(resp, 0, sizeof *resp);
}

void sqz_http_response_clear(sqz_http_response *resp)
{
	sqz_buf_free_secret(&resp->body);
	sqz_free(resp->content_type);
	sqz_free(resp->retry_after);
	sqz_free(resp->request_id);
	sqz_free(resp->client_request_id);
	sqz_free(resp->date);
	sqz_free(resp->www_authenticate);
	sqz_error_clear(&resp->error);
	sqz_http_response_init(resp);
}

static CURL *easy_take(sqz_http *http)
{
	if (http->pooled > 0) {
		CURL *easy = http->pool[--http->pooled];
		/* Keeps live connections, the DNS cache and TLS session ids. */
		curl_easy_reset(easy);
		return easy;
	}
	return curl_easy_init();
}

static void easy_give_back(sqz_http *http, CURL *easy)
{
	if (http->pooled < SQZ_EASY_POOL) {
		http->pool[http->pooled++] = easy;
	} else {
		curl_easy_cleanup(easy);
	}
}

/* Takes len bytes of the body as decoded; returns 0, or -1 to end the
 * transfer (the reason in t->sink_error or t->body_too_large). */
static int take_body(transfer *t, const char *data, size_t len)
{
	long status = 0;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	/* Only a success body is the download; an error body is buffered so
	 * that the caller can read Graph's error and the target stays clean. */
	if (t->req->sink && status >= 200 && status < 300) {
		if (t->req->sink->write(t->req->sink->ctx, data, len, &t->sink_error) != 0) {
			if (t->sink_error.status == SQZ_OK) {
				sqz_error_set(&t->sink_error, SQZ_E_INTERNAL, "the download target refused the data");
			}
			return -1;
		}
		t->resp->sink_bytes += len;
		return 0;
	}
	/* Counted as decoded: a small gzip'd answer that inflates past the
	 * limit is refused like a large plain one. */
	size_t cap = t->req->sink ? ((size_t)1 << 20) : t->max_body;
	if (t->resp->body.len + len > cap) {
		t->body_too_large = 1;
		return -1;
	}
	if (sqz_buf_append(&t->resp->body, data, len) != 0) {
		sqz_error_set(&t->sink_error, SQZ_E_NOMEM, "out of memory buffering an HTTP response");
		return -1;
	}
	return 0;
}

static int take_decoded(void *ctx, const char *data, size_t len)
{
	return take_body(ctx, data, len);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	transfer *t = userdata;
	size_t len = size * nmemb;
	if (t->encoding == ENCODED_NOT) {
		return take_body(t, data, len) == 0 ? len : 0;
	}
	if (t->encoding == ENCODED_OTHER) {
		t->gzip_problem = "it is encoded in a way that was not asked for";
		return 0;
	}
	if (!t->gunzip && !(t->gunzip = sqz_gunzip_take())) {
		sqz_error_set(&t->sink_error, SQZ_E_NOMEM, "out of memory decoding a gzip'd HTTP response");
		return 0;
	}
	int rc = sqz_gunzip_feed(t->gunzip, data, len, take_decoded, t, &t->gzip_problem);
	return rc == 0 ? len : 0;
}

/* A header value without the blanks around it and the line's end. */
static void trim_value(const char **value, size_t *len)
{
	while (*len > 0 && (**value == ' ' || **value == '\t')) {
		(*value)++;
		(*len)--;
	}
	const char *v = *value;
	while (*len > 0 && (v[*len - 1] == '\r' || v[*len - 1] == '\n' || v[*len - 1] == ' ' || v[*len - 1] == '\t')) {
		(*len)--;
	}
}

/* "gzip" and its old alias are what was asked for; "identity" is no
 * encoding at all. */
static void note_encoding(transfer *t, const char *value, size_t len)
{
	trim_value(&value, &len);
	if (len == 0 || (len == 8 && strncasecmp(value, "identity", 8) == 0)) {
		t->encoding = ENCODED_NOT;
	} else if ((len == 4 && strncasecmp(value, "gzip", 4) == 0) || (len == 6 && strncasecmp(value, "x-gzip", 6) == 0)) {
		t->encoding = ENCODED_GZIP;
	} else {
		t->encoding = ENCODED_OTHER;
		snprintf(t->encoding_name, sizeof t->encoding_name, "%.*s", (int)(len < 31 ? len : 31), value);
	}
}

static char *trimmed_copy(const char *value, size_t len)
{
	trim_value(&value, &len);
	return sqz_strndup(value, len);
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	transfer *t = userdata;
	size_t len = size * nmemb;
	sqz_http_response *resp = t->resp;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new status line (after 100 Continue): forget earlier headers. */
		char **fields[] = { &resp->content_type, &resp->retry_after, &resp->request_id,
			&resp->client_request_id, &resp->date, &resp->www_authenticate };
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			sqz_free(*fields[i]);
			*fields[i] = NULL;
		}
		t->encoding = ENCODED_NOT;
		return len;
	}
	const char *colon = memchr(data, ':', len);
	if (!colon) {
		return len;
	}
	size_t name_len = (size_t)(colon - data);
	const char *value = colon + 1;
	size_t value_len = len - name_len - 1;
	if (name_len == 16 && strncasecmp(data, "content-encoding", 16) == 0) {
		note_encoding(t, value, value_len);
		return len;
	}
	static const struct {
		const char *name;
		size_t offset;
	} wanted[] = {
		{ "content-type", offsetof(sqz_http_response, content_type) },
		{ "retry-after", offsetof(sqz_http_response, retry_after) },
		{ "request-id", offsetof(sqz_http_response, request_id) },
		{ "client-request-id", offsetof(sqz_http_response, client_request_id) },
		{ "date", offsetof(sqz_http_response, date) },
		{ "www-authenticate", offsetof(sqz_http_response, www_authenticate) },
	};
	for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
		if (strlen(wanted[i].name) == name_len && strncasecmp(data, wanted[i].name, name_len) == 0) {
			char **field = (char **)((char *)resp + wanted[i].offset);
			sqz_free(*field);
			*field = trimmed_copy(value, value_len);
			break;
		}
	}
	return len;
}

static sqz_status setup_easy(sqz_http *http, const sqz_http_options *opts, transfer *t, sqz_error *err)
{
	CURL *easy = t->easy;
	const sqz_http_request *req = t->req;

	for (size_t i = 0; i < req->header_count; i++) {
		struct curl_slist *grown = curl_slist_append(t->headers, req->headers[i]);
		if (!grown) {
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory building HTTP headers");
		}
		t->headers = grown;
	}
	/* No "Expect: 100-continue": one round trip less for every POST. */
	static const char *const ours[] = { "Expect:", "Accept-Encoding: gzip" };
	for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++) {
		struct curl_slist *grown = curl_slist_append(t->headers, ours[i]);
		if (!grown) {
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory building HTTP headers");
		}
		t->headers = grown;
	}

	curl_easy_setopt(easy, CURLOPT_URL, req->url);
	curl_easy_setopt(easy, CURLOPT_SHARE, http->share);
	curl_easy_setopt(easy, CURLOPT_PRIVATE, t);
	curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->curl_message);
	curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
	/* Verification is not configurable: there is no way to turn it off. */
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(easy, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	if (opts->ca_file) {
		curl_easy_setopt(easy, CURLOPT_CAINFO, opts->ca_file);
	}
	curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	/* Parallel requests share one HTTP/2 connection where TLS negotiates
	 * it. Cleartext is always HTTP/1.1 here: waiting to multiplex there
	 * would hold every transfer back until the one before it finished. */
	curl_easy_setopt(easy, CURLOPT_PIPEWAIT, strncasecmp(req->url, "https:", 6) == 0 ? 1L : 0L);
	/* Asked for and decoded here, not by libcurl (gunzip.h says why). */
	curl_easy_setopt(easy, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
	if (opts->user_agent) {
		curl_easy_setopt(easy, CURLOPT_USERAGENT, opts->user_agent);
	}
	curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, (long)(opts->connect_timeout > 0 ? opts->connect_timeout * 1000 : 10000));
	if (req->streaming) {
		/* A 50 MB message on a slow link may take longer than any total
		 * timeout; a stalled one is what must end. */
		curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1024L);
		curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, (long)(opts->timeout > 0 ? ceil(opts->timeout) : 60));
	} else {
		curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, (long)(opts->timeout > 0 ? opts->timeout * 1000 : 60000));
	}
	curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(easy, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(easy, CURLOPT_HEADERDATA, t);

	const char *method = req->method ? req->method : "GET";
	if (strcmp(method, "GET") == 0) {
		curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
	} else {
		if (strcmp(method, "POST") != 0) {
			curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method);
		}
		curl_easy_setopt(easy, CURLOPT_POST, 1L);
		curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req->body ? req->body : "");
		curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
	}
	return SQZ_OK;
}

/* The path shown in log lines and messages: never the query string of a
 * URL we did not build (a foreign nextLink could carry anything). */
static void log_path_of(const char *url, char *out, size_t out_len)
{
	const char *p = sqz_url_path_start(url);
	sqz_url_copy_path(p ? p : "/", out, out_len);
}

static void finish_transfer(const sqz_http_options *opts, transfer *t, CURLcode code)
{
	sqz_http_response *resp = t->resp;
	const sqz_http_request *req = t->req;
	long status = 0, version = 0;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
	resp->status = status;
	resp->http_version = version == CURL_HTTP_VERSION_2_0 ? 2 : 1;
	resp->seconds = sqz_clock_monotonic() - t->started;

	char path[512];
	log_path_of(req->url, path, sizeof path);
	const char *shown = req->log_path ? req->log_path : path;

	if (code == CURLE_OK && !t->gzip_problem && t->gunzip && !sqz_gunzip_complete(t->gunzip)) {
		t->gzip_problem = "it ends before the gzip stream does (the answer was cut short)";
	}
	if (t->sink_error.status != SQZ_OK) {
		sqz_error_move(&resp->error, &t->sink_error);
	} else if (t->gzip_problem) {
		/* As libcurl reports a body it cannot decode; retried like any
		 * answer that did not arrive whole. */
		sqz_error_set(&resp->error, SQZ_E_TRANSPORT, "%s %s failed: the answer (HTTP %ld) could not be decoded: %s%s%s%s (curl error %d)",
			req->method ? req->method : "GET", shown, status, t->gzip_problem,
			t->encoding == ENCODED_OTHER ? " (Content-Encoding: " : "", t->encoding == ENCODED_OTHER ? t->encoding_name : "",
			t->encoding == ENCODED_OTHER ? ")" : "", (int)CURLE_BAD_CONTENT_ENCODING);
		resp->error.curl_code = (long)CURLE_BAD_CONTENT_ENCODING;
		resp->status = 0;
	} else if (t->body_too_large) {
		sqz_error_set(&resp->error, SQZ_E_GRAPH,
			"%s %s: the response is larger than %zu bytes, more than this request may hold in memory",
			req->method ? req->method : "GET", shown, t->max_body);
		resp->error.http_status = status;
	} else if (code != CURLE_OK) {
		const char *detail = t->curl_message[0] ? t->curl_message : curl_easy_strerror(code);
		const char *hint = "";
		if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE) {
			hint = "; the server's TLS certificate is not trusted: install the issuing CA in the system store or set ca_file";
		} else if (code == CURLE_OPERATION_TIMEDOUT) {
			hint = "; raise timeout/connect_timeout if the network is slow";
		} else if (code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_CONNECT) {
			hint = "; check the host name, the network and any proxy (https_proxy)";
		}
		sqz_error_set(&resp->error, SQZ_E_TRANSPORT, "%s %s failed: %s (curl error %d)%s",
			req->method ? req->method : "GET", shown, detail, (int)code, hint);
		resp->error.curl_code = (long)code;
		resp->status = 0;
	}

	if (opts->logger && opts->logger->log) {
		char status_text[16], ms[32];
		snprintf(status_text, sizeof status_text, "%ld", resp->status);
		snprintf(ms, sizeof ms, "%.0f", resp->seconds * 1000);
		sqz_log_field fields[] = {
			{ "method", req->method ? req->method : "GET" },
			{ "path", shown },
			{ "status", status_text },
			{ "ms", ms },
			{ "request_id", resp->request_id },
			{ "client_request_id", resp->client_request_id },
			/* as the server sent it: seconds or an HTTP date */
			{ "retry_after", resp->retry_after },
		};
		char line[700];
		snprintf(line, sizeof line, "%s %s -> %s in %s ms", fields[0].value, shown,
			resp->error.status == SQZ_E_TRANSPORT ? "no response" : status_text, ms);
		opts->logger->log(opts->logger->ctx, resp->error.status == SQZ_OK ? SQZ_LOG_DEBUG : SQZ_LOG_WARNING,
			line, fields, sizeof fields / sizeof fields[0]);
	}
}

/* A request's header list holds the bearer token (libcurl copied it in):
 * overwritten before it is freed. libcurl's own copies of the request are
 * beyond reach. */
static void free_headers(struct curl_slist *headers)
{
	for (struct curl_slist *h = headers; h; h = h->next) {
		if (h->data) {
			OPENSSL_cleanse(h->data, strlen(h->data));
		}
	}
	curl_slist_free_all(headers);
}

void sqz_http_set_slots(sqz_http *http, sqz_slots *slots)
{
	http->slots = slots;
}

/* A slot freed by another thread: the loop waiting for it polls. */
static void wake_multi(void *multi)
{
	curl_multi_wakeup(multi);
}

static void give_slot(sqz_slots *slots, transfer *t)
{
	if (t->has_slot) {
		sqz_slots_give(slots);
		t->has_slot = 0;
	}
}

sqz_status sqz_http_perform_many(sqz_http *http, const sqz_http_options *opts,
	const sqz_http_request *requests, sqz_http_response *responses, size_t n, size_t max_parallel,
	void (*on_done)(void *ctx, size_t index), void *on_done_ctx, sqz_error *err)
{
	if (n == 0) {
		return SQZ_OK;
	}
	if (max_parallel == 0) {
		max_parallel = 1;
	}
	/* A host callback run from inside this loop (a logger line, a stream
	 * sink, a userland Store) may call back into the extension and so into
	 * here again. The nested call must not drive the outer call's multi
	 * handle: it would read the outer transfers' completions as its own and
	 * leave the outer loop waiting for them forever. It gets a multi handle
	 * of its own (new connections; DNS and TLS sessions still shared), and
	 * takes no slot: the outer call may hold them all, and waiting for
	 * them here would wait for itself. */
	CURLM *multi = http->multi;
	sqz_slots *slots = http->performing > 0 ? NULL : http->slots;
	if (slots && slots->owner != getpid()) {
		slots = NULL;    /* a forked copy: the other threads live in the parent only */
	}
	if (http->performing > 0) {
		multi = curl_multi_init();
		if (!multi) {
			return sqz_error_set(err, SQZ_E_INTERNAL, "libcurl could not create a multi handle for a nested request");
		}
		curl_multi_setopt(multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	}
	transfer *transfers = sqz_calloc(n, sizeof *transfers);
	if (!transfers) {
		if (multi != http->multi) {
			curl_multi_cleanup(multi);
		}
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory starting %zu HTTP requests", n);
	}
	http->performing++;
	sqz_status first_failure = SQZ_OK;
	size_t next = 0, in_flight = 0, done = 0;

	while (done < n) {
		int halt = atomic_load(&http->cancelled);
		if (halt == HALT_STOPPED && next < n) {
			/* The requests in flight run to their answer: the mailbox works
			 * on them (and counts them against its concurrency) whether or
			 * not anyone reads it, so their slots are only free then. */
			for (size_t i = next; i < n; i++) {
				sqz_error_set(&responses[i].error, SQZ_E_INTERNAL, "the request was not sent: its answer is no longer needed");
				done++;
			}
			next = n;
			if (first_failure == SQZ_OK) {
				first_failure = SQZ_E_INTERNAL;
				if (err) {
					sqz_error_set(err, SQZ_E_INTERNAL, "requests were not sent: their answers are no longer needed");
				}
			}
			continue;
		}
		if (halt == HALT_CANCELLED) {
			/* Every request not answered yet ends here; the attached ones are
			 * detached below. Not retryable: SQZ_E_INTERNAL. */
			for (size_t i = 0; i < n; i++) {
				if (i >= next || transfers[i].easy) {
					if (responses[i].error.status == SQZ_OK) {
						sqz_error_set(&responses[i].error, SQZ_E_INTERNAL, "the request was cancelled: the import run ended");
					}
				}
			}
			first_failure = SQZ_E_INTERNAL;
			if (err) {
				sqz_error_set(err, SQZ_E_INTERNAL, "the requests were cancelled: the import run ended");
			}
			break;
		}
		while (in_flight < max_parallel && next < n) {
			/* With requests of its own in flight the loop waits for a slot in
			 * its poll (woken when one frees); with none it may block. */
			if (slots && !sqz_slots_try_take(slots, wake_multi, multi)
				&& (in_flight > 0 || !sqz_slots_take(slots, &http->cancelled))) {
				break;
			}
			transfer *t = &transfers[next];
			t->has_slot = slots != NULL;
			t->req = &requests[next];
			t->resp = &responses[next];
			t->index = next;
			t->max_body = t->req->max_body ? t->req->max_body : SQZ_DEFAULT_MAX_BODY;
			t->easy = easy_take(http);
			t->started = sqz_clock_monotonic();
			next++;
			if (!t->easy || setup_easy(http, opts, t, &t->resp->error) != SQZ_OK
				|| curl_multi_add_handle(multi, t->easy) != CURLM_OK) {
				if (t->resp->error.status == SQZ_OK) {
					sqz_error_set(&t->resp->error, SQZ_E_INTERNAL, "libcurl could not start a request");
				}
				if (t->easy) {
					easy_give_back(http, t->easy);
					t->easy = NULL;
				}
				give_slot(slots, t);
				done++;
				if (on_done) {
					on_done(on_done_ctx, t->index);
				}
				continue;
			}
			in_flight++;
		}
		if (in_flight == 0) {
			continue;
		}
		int running = 0;
		CURLMcode mc = curl_multi_perform(multi, &running);
		if (mc != CURLM_OK) {
			/* Every request not answered yet says why, as after a cancel. */
			for (size_t i = 0; i < n; i++) {
				if ((i >= next || transfers[i].easy) && responses[i].error.status == SQZ_OK) {
					sqz_error_set(&responses[i].error, SQZ_E_INTERNAL, "libcurl multi interface failed: %s", curl_multi_strerror(mc));
				}
			}
			if (err) {
				sqz_error_set(err, SQZ_E_INTERNAL, "libcurl multi interface failed: %s", curl_multi_strerror(mc));
			}
			first_failure = SQZ_E_INTERNAL;
			break;
		}
		CURLMsg *msg;
		int queued;
		while ((msg = curl_multi_info_read(multi, &queued))) {
			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			transfer *t = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
			CURLcode code = msg->data.result;
			curl_multi_remove_handle(multi, msg->easy_handle);
			finish_transfer(opts, t, code);
			free_headers(t->headers);
			t->headers = NULL;
			sqz_gunzip_give_back(t->gunzip);
			t->gunzip = NULL;
			easy_give_back(http, t->easy);
			t->easy = NULL;
			give_slot(slots, t);
			in_flight--;
			done++;
			if (on_done) {
				on_done(on_done_ctx, t->index);
			}
		}
		if (running > 0 && (in_flight > 0)) {
			curl_multi_poll(multi, NULL, 0, 1000, NULL);
		}
	}

	/* Only after an internal multi failure can transfers still be attached. */
	for (size_t i = 0; i < n; i++) {
		transfer *t = &transfers[i];
		if (t->easy) {
			curl_multi_remove_handle(multi, t->easy);
			easy_give_back(http, t->easy);
		}
		give_slot(slots, t);
		free_headers(t->headers);
		sqz_gunzip_give_back(t->gunzip);
		sqz_error_clear(&t->sink_error);
	}
	if (slots) {
		sqz_slots_forget(slots, multi);    /* the multi may be freed after this */
	}
	sqz_free(transfers);
	http->performing--;
	if (multi != http->multi) {
		curl_multi_cleanup(multi);
	}
	return first_failure != SQZ_OK ? first_failure : sqz_http_first_failure(responses, n, err);
}

sqz_status sqz_http_first_failure(const sqz_http_response *responses, size_t n, sqz_error *err)
{
	for (size_t i = 0; i < n; i++) {
		if (responses[i].error.status != SQZ_OK) {
			if (err) {
				sqz_error_set(err, responses[i].error.status, "%s", responses[i].error.message);
				err->curl_code = responses[i].error.curl_code;
				err->http_status = responses[i].error.http_status;
			}
			return responses[i].error.status;
		}
	}
	return SQZ_OK;
}

sqz_status sqz_http_perform(sqz_http *http, const sqz_http_options *opts, const sqz_http_request *req,
	sqz_http_response *resp, sqz_error *err)
{
	sqz_status status = sqz_http_perform_many(http, opts, req, resp, 1, 1, NULL, NULL, err);
	if (status != SQZ_OK && resp->error.status != SQZ_OK) {
		/* The one request's own error is the richer one (it may be a sink's). */
		sqz_error_move(err, &resp->error);
	}
	return status;
}

int sqz_http_is_retryable(long status, const sqz_error *transport_error)
{
	if (transport_error && transport_error->status == SQZ_E_TRANSPORT) {
		return 1;
	}
	return status == 429 || status == 502 || status == 503 || status == 504;
}

double sqz_http_retry_delay(const sqz_retry_policy *policy, int attempt, const char *retry_after, int *exceeds)
{
	double cap = policy->max_wait > 0 ? policy->max_wait : 120;
	if (exceeds) {
		*exceeds = 0;
	}
	double asked = retry_after ? sqz_clock_parse_retry_after(retry_after, sqz_clock_now()) : -1;
	if (asked >= 0) {
		if (asked > cap) {
			if (exceeds) {
				*exceeds = 1;
			}
			return cap;
		}
		return asked;
	}
	double base = policy->base_delay > 0 ? policy->base_delay : 1.0;
	double ceiling = base * pow(2.0, attempt > 1 ? attempt - 1 : 0);
	if (ceiling > cap) {
		ceiling = cap;
	}
	/* Full jitter: many workers retrying in step would hit the limit again. */
	unsigned char r[4];
	uint32_t v = 0;
	if (sqz_random_bytes(r, sizeof r) == 0) {
		v = (uint32_t)r[0] << 24 | (uint32_t)r[1] << 16 | (uint32_t)r[2] << 8 | r[3];
	}
	return ceiling / 2 + (ceiling / 2) * ((double)v / 4294967295.0);
}

void sqz_http_cancel(sqz_http *http)
{
	atomic_store(&http->cancelled, HALT_CANCELLED);
	curl_multi_wakeup(http->multi);    /* documented as callable from any thread */
}

void sqz_http_stop(sqz_http *http)
{
	int none = HALT_NONE;
	atomic_compare_exchange_strong(&http->cancelled, &none, HALT_STOPPED);
	curl_multi_wakeup(http->multi);
}

int sqz_http_cancelled(sqz_http *http)
{
	return atomic_load(&http->cancelled);
}

void sqz_http_wait(sqz_http *http, double seconds)
{
	double until = sqz_clock_monotonic() + seconds;
	for (;;) {
		double left = until - sqz_clock_monotonic();
		if (!(left > 0) || atomic_load(&http->cancelled)) {
			return;
		}
		sqz_http_sleep(left < 0.05 ? left : 0.05);
	}
}

void sqz_http_sleep(double seconds)
{
	if (!(seconds > 0)) {
		return;
	}
	struct timespec ts, rem;
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &rem) == -1 && errno == EINTR) {
		ts = rem;
	}
}

const char *sqz_http_curl_version(void)
{
	return curl_version_info(CURLVERSION_NOW)->version;
}

char *sqz_http_origin(const char *url)
{
	sqz_url u;
	if (sqz_url_parse(url, &u) != 0) {
		return NULL;
	}
	/* The transport speaks nothing else: another scheme is no origin a
	 * request (or a token) could reach. */
	char *origin = strcmp(u.scheme, "http") == 0 || strcmp(u.scheme, "https") == 0 ? sqz_url_origin(&u) : NULL;
	sqz_url_clear(&u);
	return origin;
}
