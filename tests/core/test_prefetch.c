/* prefetch.c: a window fetched ahead on the worker thread against a
 * loopback server — the entries it serves after the join, the log lines it
 * held until then, the caller's concurrency lowered while it runs and given
 * back; a fetch under way that is cancelled ends at once (the server never
 * answers) and leaves nothing behind. */
#define _GNU_SOURCE
#include "check.h"
#include "mini_server.h"
#include "core/alloc.h"
#include "core/graph.h"
#include "core/http.h"
#include "core/mailbox.h"
#include "core/prefetch.h"
#include "core/sink.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>

static sqz_status fixed_token(void *ctx, int force, char **token, sqz_error *err)
{
	(void)ctx;
	(void)err;
	*token = sqz_strdup(force ? "fresh-token" : "first-token");
	return SQZ_OK;
}

typedef struct lines {
	int count;
	char last[512];
} lines;

static void keep_line(void *ctx, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n)
{
	(void)level;
	(void)fields;
	(void)n;
	lines *l = ctx;
	l->count++;
	snprintf(l->last, sizeof l->last, "%s", message);
}

/* A mailbox on http://127.0.0.1:<port>, its graph logging into held. */
typedef struct fixture {
	sqz_http *http;
	sqz_graph g;
	lines held;
	sqz_logger logger;
	sqz_mailbox mb;
	sqz_prefetch *pf;
} fixture;

static void graph_at(sqz_graph *g, sqz_http *http, int port, double timeout);

static void fixture_open(fixture *fx, int port, double timeout)
{
	memset(fx, 0, sizeof *fx);
	sqz_error err = SQZ_ERROR_INIT;
	fx->http = sqz_http_new(&err);
	graph_at(&fx->g, fx->http, port, timeout);
	fx->logger = (sqz_logger){ keep_line, &fx->held };
	fx->g.http_opts.logger = &fx->logger;
	CHECK_INT(sqz_mailbox_init(&fx->mb, &fx->g, NULL, &err), SQZ_OK);
	fx->pf = sqz_calloc(1, sizeof *fx->pf);
	sqz_error_clear(&err);
}

static void fixture_close(fixture *fx)
{
	sqz_prefetch_clear(fx->pf);
	sqz_free(fx->pf);
	sqz_mailbox_clear(&fx->mb);
	sqz_graph_clear(&fx->g);
	sqz_http_free(fx->http);
}

static void graph_at(sqz_graph *g, sqz_http *http, int port, double timeout)
{
	char endpoint[64];
	snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d/v1.0", port);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_graph_init(g, http, endpoint, &err), SQZ_OK);
	g->token = fixed_token;
	g->retry.max_retries = 2;
	g->retry.max_wait = 10;
	g->http_opts.timeout = timeout;
	g->concurrency = 4;
	sqz_error_clear(&err);
}

/* The whole content of a file, or "(missing)". */
static size_t slurp(const char *path, char *out, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(out, size, "(missing)");
		return 0;
	}
	ssize_t n = read(fd, out, size);
	close(fd);
	return n > 0 ? (size_t)n : 0;
}

static int entries_in(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d) {
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		n += de->d_name[0] != '.';
	}
	closedir(d);
	return n;
}

static void test_fetch_ahead(const char *tmp)
{
	const char *text = "{\"responses\":["
			   "{\"id\":\"1\",\"status\":200,\"headers\":{\"Content-Type\":\"message/rfc822\"},\"body\":\"SGVsbG8sDQp3b3JsZAA=\"},"
			   "{\"id\":\"2\",\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"value\":["
			   "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"id\":\"att-1\",\"name\":\"a.bin\",\"contentType\":\"application/octet-stream\","
			   "\"size\":3,\"isInline\":false,\"contentBytes\":\"AAEC\"}]}}]}";
	char resp[2048];
	snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(text), text);
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ resp, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	fixture fx;
	fixture_open(&fx, s.port, 10);
	sqz_prefetch *pf = fx.pf;
	sqz_graph *g = &fx.g;
	sqz_message msg = { .id = "m-1", .size = 100 };

	CHECK_INT(sqz_prefetch_start_ahead(pf, &fx.mb, &msg, 1, 4, NULL, NULL, &err), SQZ_OK);
	CHECK_INT(g->concurrency, 4);            /* not split: the worker and the caller share 4 slots */
	CHECK(sqz_prefetch_find(pf, "m-1") == NULL);    /* not served before its turn */
	CHECK_INT(sqz_prefetch_advance(pf, &fx.logger), 1);
	CHECK_INT(g->concurrency, 4);
	CHECK_INT(fx.held.count, 1);               /* the $batch request's line, replayed here */
	CHECK(strstr(fx.held.last, "POST ") == fx.held.last && strstr(fx.held.last, "$batch") != NULL);
	const sqz_prefetch_entry *e = sqz_prefetch_find(pf, "m-1");
	CHECK(e != NULL);
	if (e) {
		char buf[64];
		CHECK(e->mime_path != NULL);
		CHECK(e->mime_path && slurp(e->mime_path, buf, sizeof buf) == 14 && memcmp(buf, "Hello,\r\nworld\0", 14) == 0);
		CHECK_INT(e->have_attachments, 1);
		CHECK_INT((long)e->att_count, 1);
		CHECK(e->att_count == 1 && e->att_paths[0] && slurp(e->att_paths[0], buf, sizeof buf) == 3 && memcmp(buf, "\0\1\2", 3) == 0);
	}
	mini_server_stop(&s);
	CHECK(strstr(s.requests[0], "Authorization: Bearer first-token") != NULL);
	CHECK_INT(sqz_prefetch_advance(pf, &fx.logger), 0);    /* nothing more ahead */
	fixture_close(&fx);
	CHECK_INT(entries_in(tmp), 0);          /* both directories gone */
	sqz_error_clear(&err);
}

/* What the moves sent beside a fetch saw. */
typedef struct beside {
	sqz_graph *graph;
	int status;
} beside;

static void send_beside(void *ctx, sqz_graph *graph, const sqz_logger *logger)
{
	beside *b = ctx;
	b->graph = graph;
	sqz_error err = SQZ_ERROR_INIT;
	json_object *answer = sqz_graph_json(graph, "GET", "/me/messages", NULL, &err);
	b->status = answer ? 200 : (int)err.http_status;
	if (answer) {
		json_object_put(answer);
	}
	sqz_log_field f[] = { { "what", "beside" } };
	logger->log(logger->ctx, SQZ_LOG_INFO, "sent beside the fetch", f, 1);
	sqz_error_clear(&err);
}

/* `before` runs on a thread of its own beside the fetch, with a graph and
 * a stack of its own; both threads' log lines reach the caller's logger at
 * the join; the caller's stack is back to no slots after it. */
static void test_moves_beside_fetch(const char *tmp)
{
	(void)tmp;
	const char *text = "{\"responses\":["
			   "{\"id\":\"1\",\"status\":200,\"headers\":{\"Content-Type\":\"message/rfc822\"},\"body\":\"SGVsbG8sDQp3b3JsZAA=\"},"
			   "{\"id\":\"2\",\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"value\":[]}}]}";
	char resp[2048];
	snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", strlen(text), text);
	/* Either request may come first: both get the same answer (a JSON object). */
	mini_server s;
	CHECK(mini_server_start(&s, (const char *[]){ resp, resp, NULL }) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	fixture fx;
	fixture_open(&fx, s.port, 10);
	sqz_message msg = { .id = "m-1", .size = 100 };
	beside b = { 0 };
	CHECK_INT(sqz_prefetch_start_ahead(fx.pf, &fx.mb, &msg, 1, 4, send_beside, &b, &err), SQZ_OK);
	CHECK_INT(sqz_prefetch_advance(fx.pf, &fx.logger), 1);
	CHECK_INT(b.status, 200);
	CHECK(b.graph != NULL && b.graph != &fx.g);
	CHECK_INT(fx.held.count, 3);    /* the $batch's line, the GET's line, before's own line */
	CHECK(sqz_prefetch_find(fx.pf, "m-1") != NULL);
	mini_server_stop(&s);
	CHECK_INT((long)s.served, 2);
	fixture_close(&fx);
	sqz_error_clear(&err);
}

static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "FAIL: the cancelled fetch ahead did not end\n";
	(void)!write(2, msg, sizeof msg - 1);
	_exit(1);
}

static void test_cancel(const char *tmp)
{
	/* A server that takes the connection and never answers. */
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof a;
	CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(fd, 8) == 0
		&& getsockname(fd, (struct sockaddr *)&a, &alen) == 0);
	sqz_error err = SQZ_ERROR_INIT;
	fixture fx;
	fixture_open(&fx, ntohs(a.sin_port), 600);
	sqz_prefetch *pf = fx.pf;
	sqz_graph *g = &fx.g;
	sqz_message msgs[2] = { { .id = "m-1", .size = 10 }, { .id = "m-2", .size = 10 } };

	CHECK_INT(sqz_prefetch_start_ahead(pf, &fx.mb, msgs, 2, 3, NULL, NULL, &err), SQZ_OK);
	sqz_http_sleep(0.2);                    /* the request is sent and waits for its answer */
	signal(SIGALRM, on_alarm);
	alarm(30);   /* without the cancel it would wait 600 s */
	sqz_prefetch_cancel_ahead(pf);
	alarm(0);
	CHECK_INT(g->concurrency, 4);
	CHECK_INT(fx.held.count, 0);               /* a cancelled fetch's lines are dropped */
	CHECK_INT(sqz_prefetch_advance(pf, &fx.logger), 0);
	CHECK(sqz_prefetch_find(pf, "m-1") == NULL);
	fixture_close(&fx);
	CHECK_INT(entries_in(tmp), 0);
	close(fd);
	sqz_error_clear(&err);
}

/* A sink that copies at most `budget` bytes in the kernel per call and
 * collects what comes through write. */
typedef struct half_sink {
	sqz_sink sink;
	sqz_buf_sink into;
	int64_t budget;
	int calls;
} half_sink;

static int half_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	half_sink *h = ctx;
	return h->into.sink.write(h->into.sink.ctx, data, len, err);
}

static int64_t half_copy(void *ctx, int fd, int64_t off, int64_t len)
{
	half_sink *h = ctx;
	h->calls++;
	char buf[4096];
	int64_t want = len < h->budget ? len : h->budget;
	ssize_t n = pread(fd, buf, (size_t)want, (off_t)off);
	if (n > 0) {
		sqz_buf_append(&h->into.buf, buf, (size_t)n);
	}
	return n > 0 ? n : 0;
}

/* What the file sink's copy_from copied in the kernel. */
static int64_t (*file_copy)(void *ctx, int fd, int64_t off, int64_t len);
static int64_t copied_in_kernel;

static int64_t counting_copy(void *ctx, int fd, int64_t off, int64_t len)
{
	int64_t n = file_copy(ctx, fd, off, len);
	copied_in_kernel += n;
	return n;
}

/* sqz_prefetch_copy: a region of a window file into a file target goes
 * through copy_file_range; what a sink's copy leaves goes through write,
 * from where the copy ended; a file that ends early is an error. */
static void test_copy(const char *tmp)
{
	char window[600], target[600], got[70000];
	snprintf(window, sizeof window, "%s/window", tmp);
	snprintf(target, sizeof target, "%s/target.eml", tmp);
	static char text[66000];
	for (size_t i = 0; i < sizeof text; i++) {
		text[i] = (char)('a' + (i * 7 + i / 251) % 26);
	}
	int fd = open(window, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && write(fd, text, sizeof text) == (ssize_t)sizeof text);
	close(fd);
	sqz_error err = SQZ_ERROR_INIT;
	int64_t bytes = -1;
	int missing = -1;

	/* A file target: the region, byte for byte (more than the 64 KB read buffer). */
	sqz_file_sink fs;
	CHECK_INT(sqz_file_sink_open(&fs, target, &err), SQZ_OK);
	CHECK(fs.sink.copy_from != NULL);
	file_copy = fs.sink.copy_from;
	fs.sink.copy_from = counting_copy;
	CHECK_INT(sqz_prefetch_copy(window, 100, 65800, &fs.sink, &bytes, &missing, &err), SQZ_OK);
	CHECK_INT(sqz_file_sink_commit(&fs, &err), SQZ_OK);
	CHECK_INT(bytes, 65800);
	CHECK_INT(copied_in_kernel, 65800);    /* both files in one directory: copy_file_range took all */
	CHECK_INT(missing, 0);
	CHECK_INT(slurp(target, got, sizeof got), 65800);
	CHECK(memcmp(got, text + 100, 65800) == 0);

	/* A sink without copy_from (memory): the same bytes through write. */
	sqz_buf_sink bs;
	sqz_buf_sink_init(&bs);
	CHECK(bs.sink.copy_from == NULL);
	CHECK_INT(sqz_prefetch_copy(window, 7, 1000, &bs.sink, &bytes, &missing, &err), SQZ_OK);
	CHECK_INT(bytes, 1000);
	CHECK(bs.buf.len == 1000 && memcmp(bs.buf.data, text + 7, 1000) == 0);
	sqz_buf_free(&bs.buf);

	/* A copy that stops short: write goes on from where it stopped. */
	half_sink h = { .budget = 300 };
	sqz_buf_sink_init(&h.into);
	h.sink = (sqz_sink){ .write = half_write, .ctx = &h, .copy_from = half_copy };
	CHECK_INT(sqz_prefetch_copy(window, 50, 2000, &h.sink, &bytes, &missing, &err), SQZ_OK);
	CHECK_INT(bytes, 2000);
	CHECK_INT(h.calls, 1);
	CHECK(h.into.buf.len == 2000 && memcmp(h.into.buf.data, text + 50, 2000) == 0);
	sqz_buf_reset(&h.into.buf);

	/* The region runs past the file's end: an error, whichever way it is copied. */
	CHECK_INT(sqz_prefetch_copy(window, 65000, 2000, &h.sink, &bytes, &missing, &err), SQZ_E_INTERNAL);
	CHECK_STR(err.message, "a prefetched message file is shorter than it was");
	sqz_error_clear(&err);
	CHECK_INT(sqz_file_sink_open(&fs, target, &err), SQZ_OK);
	CHECK_INT(sqz_prefetch_copy(window, 65000, 2000, &fs.sink, &bytes, &missing, &err), SQZ_E_INTERNAL);
	CHECK_STR(err.message, "a prefetched message file is shorter than it was");
	sqz_file_sink_abort(&fs);
	sqz_error_clear(&err);
	sqz_buf_free(&h.into.buf);

	/* A window file that is gone (a temporary-file cleaner): missing, nothing written. */
	unlink(window);
	CHECK_INT(sqz_prefetch_copy(window, 0, 10, &bs.sink, &bytes, &missing, &err), SQZ_OK);
	CHECK_INT(missing, 1);
	CHECK_INT(bytes, 0);
	unlink(target);
}

int main(void)
{
	char tmp[] = "/tmp/sqz-test-prefetch-XXXXXX";
	CHECK(mkdtemp(tmp) != NULL);
	setenv("TMPDIR", tmp, 1);
	test_fetch_ahead(tmp);
	test_moves_beside_fetch(tmp);
	test_cancel(tmp);
	test_copy(tmp);
	rmdir(tmp);
	return check_summary();
}
