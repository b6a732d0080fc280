/* The scripted transport of the fuzz harnesses (see fuzz_support.h): plays
 * responses from the fuzz input back to the core, the way http.c's curl
 * callbacks would hand them over (headers picked and trimmed as on_header
 * does, a 2xx body streamed to the request's sink in pieces, other bodies
 * buffered under the same caps), and checks on every request that a bearer
 * token goes nowhere but the permitted origin. */
#include <ctype.h>
#include <strings.h>

#include "fuzz_support.h"

#define SCRIPT_MAX 64
#define DEFAULT_MAX_BODY ((size_t)64 << 20)

typedef struct scripted {
	long status;
	long curl_code;
	const char *head;
	size_t head_len;
	const char *body;
	size_t body_len;
} scripted;

static char *script_copy;
static scripted script[SCRIPT_MAX];
static size_t script_count, script_pos, requests_seen;
static char *token_origin;

struct sqz_http {
	int unused;
};
static struct sqz_http the_stack;

sqz_http *sqz_http_new(sqz_error *err)
{
	(void)err;
	return &the_stack;
}

void sqz_http_free(sqz_http *http)
{
	(void)http;
}

void sqz_http_sleep(double seconds)
{
	/* A fuzz run must not wait for Retry-After; the value was still checked
	 * by the caller (sqz_http_retry_delay caps it). */
	FZ_ASSERT(!(seconds < 0) && seconds <= 1e6);
}

void sqz_http_wait(sqz_http *http, double seconds)
{
	(void)http;
	sqz_http_sleep(seconds);
}

/* The scripted stack runs no worker thread: nothing to cancel. */
void sqz_http_cancel(sqz_http *http)
{
	(void)http;
}

int sqz_http_cancelled(sqz_http *http)
{
	(void)http;
	return 0;
}

void fz_http_token_origin(const char *origin)
{
	free(token_origin);
	token_origin = origin ? strdup(origin) : NULL;
}

size_t fz_http_request_count(void)
{
	return requests_seen;
}

void fz_http_reset(void)
{
	free(script_copy);
	script_copy = NULL;
	script_count = script_pos = requests_seen = 0;
}

static const char *find(const char *hay, size_t hay_len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= hay_len && i <= hay_len - n; i++) {
		if (memcmp(hay + i, needle, n) == 0) {
			return hay + i;
		}
	}
	return NULL;
}

static void parse_one(const char *p, size_t len, scripted *s)
{
	memset(s, 0, sizeof *s);
	if (len == 0 || !isdigit((unsigned char)p[0])) {
		s->status = 200;
		s->body = p;
		s->body_len = len;
		return;
	}
	size_t i = 0;
	while (i < len && i < 3 && isdigit((unsigned char)p[i])) {
		s->status = s->status * 10 + (p[i] - '0');
		i++;
	}
	const char *nl = memchr(p + i, '\n', len - i);
	if (!nl) {
		return;
	}
	const char *head = nl + 1;
	size_t rest = len - (size_t)(head - p);
	const char *end = rest >= 1 && head[0] == '\n' ? head : find(head, rest, "\n\n");
	if (!end) {
		s->head = head;
		s->head_len = rest;
		return;
	}
	s->head = head;
	s->head_len = (size_t)(end - head);
	s->body = end + (end == head ? 1 : 2);
	s->body_len = len - (size_t)(s->body - p);
}

void fz_http_script(const uint8_t *data, size_t len)
{
	fz_http_reset();
	script_copy = malloc(len + 1);
	memcpy(script_copy, data, len);
	script_copy[len] = '\0';
	const char *p = script_copy;
	size_t left = len;
	while (script_count < SCRIPT_MAX) {
		const char *sep = find(p, left, "\n%%\n");
		size_t n = sep ? (size_t)(sep - p) : left;
		parse_one(p, n, &script[script_count++]);
		if (!sep) {
			break;
		}
		p = sep + 4;
		left -= n + 4;
	}
}

/* The header fields http.c keeps, set as its on_header() does. */
static void apply_headers(const scripted *s, sqz_http_response *resp)
{
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
	if (!s->head) {
		return;
	}
	const char *p = s->head, *end = s->head + s->head_len;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		const char *colon = memchr(p, ':', (size_t)(line_end - p));
		if (colon) {
			size_t name_len = (size_t)(colon - p);
			const char *v = colon + 1;
			size_t vlen = (size_t)(line_end - v);
			while (vlen > 0 && (*v == ' ' || *v == '\t')) {
				v++;
				vlen--;
			}
			while (vlen > 0 && (v[vlen - 1] == '\r' || v[vlen - 1] == ' ' || v[vlen - 1] == '\t')) {
				vlen--;
			}
			for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
				if (strlen(wanted[i].name) == name_len && strncasecmp(p, wanted[i].name, name_len) == 0) {
					char **field = (char **)((char *)resp + wanted[i].offset);
					sqz_free(*field);
					*field = sqz_strndup(v, vlen);
				}
			}
		}
		p = nl ? nl + 1 : NULL;
	}
}

static long curl_code_of(const scripted *s)
{
	const char *h = s->head ? find(s->head, s->head_len, "X-Curl:") : NULL;
	long code = 0;
	if (h) {
		for (h += 7; *h == ' '; h++) {
		}
		while (isdigit((unsigned char)*h) && code < 1000) {
			code = code * 10 + (*h++ - '0');
		}
	}
	return code > 0 ? code : 56;
}

static void check_token_destination(const sqz_http_request *req)
{
	for (size_t i = 0; i < req->header_count; i++) {
		if (strncasecmp(req->headers[i], "Authorization: Bearer", 21) == 0) {
			char *origin = sqz_http_origin(req->url);
			if (!token_origin || !origin || strcmp(origin, token_origin) != 0) {
				fprintf(stderr, "bearer token sent to %s (url %s), permitted: %s\n", origin ? origin : "(no origin)",
					req->url, token_origin ? token_origin : "nowhere");
				abort();
			}
			sqz_free(origin);
		}
	}
}

static void perform_one(const sqz_http_request *req, sqz_http_response *resp)
{
	requests_seen++;
	FZ_ASSERT(req->url != NULL);
	check_token_destination(req);
	const char *method = req->method ? req->method : "GET";
	if (script_pos >= script_count) {
		sqz_error_set(&resp->error, SQZ_E_TRANSPORT, "%s: the fuzz script is used up (curl error 7)", method);
		resp->error.curl_code = 7;
		return;
	}
	const scripted *s = &script[script_pos++];
	if (s->status == 0) {
		long code = curl_code_of(s);
		sqz_error_set(&resp->error, SQZ_E_TRANSPORT, "%s failed: scripted transport error (curl error %ld)", method, code);
		resp->error.curl_code = code;
		resp->status = 0;
		return;
	}
	resp->status = s->status;
	resp->http_version = 1;
	apply_headers(s, resp);
	if (req->sink && s->status >= 200 && s->status < 300 && s->body_len > 0) {
		/* In two pieces, as the network delivers them. */
		size_t first = s->body_len / 2;
		const char *pieces[2] = { s->body, s->body + first };
		size_t lens[2] = { first, s->body_len - first };
		for (int i = 0; i < 2; i++) {
			if (lens[i] == 0) {
				continue;
			}
			sqz_error serr = SQZ_ERROR_INIT;
			if (req->sink->write(req->sink->ctx, pieces[i], lens[i], &serr) != 0) {
				if (serr.status == SQZ_OK) {
					sqz_error_set(&serr, SQZ_E_INTERNAL, "the download target refused the data");
				}
				sqz_error_move(&resp->error, &serr);
				return;
			}
			resp->sink_bytes += lens[i];
		}
		return;
	}
	size_t cap = req->sink ? ((size_t)1 << 20) : req->max_body ? req->max_body
								   : DEFAULT_MAX_BODY;
	if (s->body_len > cap) {
		sqz_error_set(&resp->error, SQZ_E_GRAPH, "%s: the response is larger than %zu bytes", method, cap);
		resp->error.http_status = s->status;
		return;
	}
	if (s->body_len && sqz_buf_append(&resp->body, s->body, s->body_len) != 0) {
		sqz_error_set(&resp->error, SQZ_E_NOMEM, "out of memory buffering an HTTP response");
	}
}

sqz_status sqz_http_perform_many(sqz_http *http, const sqz_http_options *opts,
	const sqz_http_request *requests, sqz_http_response *responses, size_t n, size_t max_parallel,
	void (*on_done)(void *ctx, size_t index), void *on_done_ctx, sqz_error *err)
{
	(void)http;
	(void)opts;
	(void)max_parallel;
	for (size_t i = 0; i < n; i++) {
		perform_one(&requests[i], &responses[i]);
		if (on_done) {
			on_done(on_done_ctx, i);
		}
	}
	return sqz_http_first_failure(responses, n, err);
}

sqz_status sqz_http_perform(sqz_http *http, const sqz_http_options *opts, const sqz_http_request *req,
	sqz_http_response *resp, sqz_error *err)
{
	sqz_status status = sqz_http_perform_many(http, opts, req, resp, 1, 1, NULL, NULL, err);
	if (status != SQZ_OK && resp->error.status != SQZ_OK) {
		sqz_error_move(err, &resp->error);
	}
	return status;
}
