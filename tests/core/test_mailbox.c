/* mailbox.c, graph.c, batch.c, sink.c and folders.c: the parts that need no
 * Graph server (paths and encoding, origins, error mapping, download
 * targets, hidden subtrees, a $batch that gets no answer), and a message
 * listing walked as it arrives against a loopback server. */
#define _GNU_SOURCE
#include "check.h"
#include "mini_server.h"
#include "core/alloc.h"
#include "core/batch.h"
#include "core/folders.h"
#include "core/graph.h"
#include "core/http.h"
#include "core/mailbox.h"
#include "core/sink.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_paths(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_mailbox me, shared;
	CHECK_INT(sqz_mailbox_init(&me, NULL, NULL, &err), SQZ_OK);
	CHECK_STR(me.root, "/me");
	CHECK(me.address == NULL);
	CHECK_INT(sqz_mailbox_init(&shared, NULL, "o'brien+mail@contoso.example", &err), SQZ_OK);
	CHECK_STR(shared.root, "/users/o%27brien%2Bmail%40contoso.example");
	CHECK_STR(shared.address, "o'brien+mail@contoso.example");

	char *p = sqz_mailbox_message_path(&shared, "AAk/ab+c==", "/$value");
	CHECK_STR(p, "/users/o%27brien%2Bmail%40contoso.example/messages/AAk%2Fab%2Bc%3D%3D/$value");
	sqz_free(p);
	p = sqz_mailbox_message_path(&me, "x", NULL);
	CHECK_STR(p, "/me/messages/x");
	sqz_free(p);
	sqz_mailbox_clear(&me);
	sqz_mailbox_clear(&shared);
	sqz_error_clear(&err);
}

static void test_origins(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_graph g;
	CHECK_INT(sqz_graph_init(&g, NULL, "https://graph.microsoft.com/v1.0/", &err), SQZ_OK);
	CHECK_STR(g.endpoint, "https://graph.microsoft.com/v1.0");
	CHECK_STR(g.origin, "https://graph.microsoft.com");
	CHECK_STR(g.version_path, "/v1.0");
	CHECK(sqz_graph_same_origin(&g, "https://graph.microsoft.com/v1.0/me/messages?$skip=10"));
	CHECK(sqz_graph_same_origin(&g, "https://GRAPH.microsoft.com:443/beta/x"));
	CHECK(!sqz_graph_same_origin(&g, "http://graph.microsoft.com/v1.0/x"));
	CHECK(!sqz_graph_same_origin(&g, "https://graph.microsoft.com:8443/v1.0/x"));
	CHECK(!sqz_graph_same_origin(&g, "https://graph.microsoft.com.evil.example/v1.0/x"));
	CHECK(!sqz_graph_same_origin(&g, "https://evil.example/?https://graph.microsoft.com"));
	CHECK(!sqz_graph_same_origin(&g, "/v1.0/me"));
	CHECK(!sqz_graph_same_origin(&g, "ftp://graph.microsoft.com/v1.0"));
	char *u = sqz_graph_url(&g, "/me/mailFolders");
	CHECK_STR(u, "https://graph.microsoft.com/v1.0/me/mailFolders");
	sqz_free(u);
	sqz_graph_clear(&g);
	CHECK_INT(sqz_graph_init(&g, NULL, "not a url", &err), SQZ_E_CONFIG);
	sqz_error_clear(&err);
}

static void fake_response(sqz_http_response *r, long status, const char *ct, const char *body)
{
	sqz_http_response_init(r);
	r->status = status;
	r->content_type = ct ? sqz_strdup(ct) : NULL;
	if (body) {
		sqz_buf_appends(&r->body, body);
	}
}

static void test_error_mapping(void)
{
	sqz_http_response r;
	sqz_error err = SQZ_ERROR_INIT;

	fake_response(&r, 404, "application/json", "{\"error\":{\"code\":\"MailboxNotEnabledForRESTAPI\",\"message\":\"gone\","
						   "\"innerError\":{\"request-id\":\"rid-1\"}}}");
	sqz_graph_error_from_response(&r, "GET", "/users/x/mailFolders", &err);
	CHECK_INT(err.status, SQZ_E_GRAPH);
	CHECK_INT(err.http_status, 404);
	CHECK_STR(err.graph_code, "MailboxNotEnabledForRESTAPI");
	CHECK_STR(err.request_id, "rid-1");
	CHECK(strstr(err.message, "licence") != NULL);
	sqz_http_response_clear(&r);
	sqz_error_clear(&err);

	/* An empty code and message say nothing: no "HTTP 500 : " text, no "" code. */
	fake_response(&r, 500, "application/json", "{\"error\":{\"code\":\"\",\"message\":\"\"}}");
	r.request_id = sqz_strdup("rid-2");
	sqz_graph_error_from_response(&r, "GET", "/me", &err);
	CHECK(err.graph_code == NULL);
	CHECK_STR(err.message, "Graph GET /me failed: HTTP 500 with a JSON body without an error code (request-id rid-2)");
	sqz_http_response_clear(&r);
	sqz_error_clear(&err);

	fake_response(&r, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
	sqz_graph_error_from_response(&r, "GET", "/me", &err);
	CHECK(strstr(err.message, "an HTML page") != NULL);
	CHECK(err.graph_code == NULL);
	sqz_http_response_clear(&r);
	sqz_error_clear(&err);

	fake_response(&r, 404, "application/json", "{\"error\":{\"code\":\"ErrorItemNot");
	sqz_graph_error_from_response(&r, "GET", "/me", &err);
	CHECK(strstr(err.message, "a malformed JSON error body") != NULL);
	sqz_http_response_clear(&r);
	sqz_error_clear(&err);

	fake_response(&r, 429, "application/json", "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"later\"}}");
	r.retry_after = sqz_strdup("2.5");
	sqz_graph_error_from_response(&r, "GET", "/me", &err);
	CHECK_INT(err.status, SQZ_E_THROTTLED);
	CHECK(err.retry_after > 2.4 && err.retry_after < 2.6);
	sqz_http_response_clear(&r);
	sqz_error_clear(&err);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		n += e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, "..") != 0);
	}
	if (d) {
		closedir(d);
	}
	return n;
}

static void test_file_sink(void)
{
	char dir[] = "/tmp/sqz-test-mailbox-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[256], sub[256];
	snprintf(path, sizeof path, "%s/a.eml", dir);
	snprintf(sub, sizeof sub, "%s/sub", dir);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_file_sink fs;

	/* write, reset (a retry starts over), write, commit */
	CHECK_INT(sqz_file_sink_open(&fs, path, &err), SQZ_OK);
	CHECK_INT(fs.sink.write(fs.sink.ctx, "half", 4, &err), 0);
	CHECK_INT(fs.sink.reset(fs.sink.ctx), 0);
	CHECK_INT(fs.sink.write(fs.sink.ctx, "whole\r\n", 7, &err), 0);
	CHECK_INT(count_entries(dir), 1);                 /* only the .part file */
	CHECK_INT(sqz_file_sink_commit(&fs, &err), SQZ_OK);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size == 7);
	CHECK_INT(count_entries(dir), 1);

	/* abort leaves nothing */
	CHECK_INT(sqz_file_sink_open(&fs, path, &err), SQZ_OK);
	CHECK_INT(fs.sink.write(fs.sink.ctx, "x", 1, &err), 0);
	sqz_file_sink_abort(&fs);
	sqz_file_sink_abort(&fs);                         /* idempotent */
	CHECK(stat(path, &st) == 0 && st.st_size == 7);   /* the earlier file is untouched */
	CHECK_INT(count_entries(dir), 1);

	/* a directory in the way is refused at once, and the error names it */
	CHECK(mkdir(sub, 0700) == 0);
	CHECK_INT(sqz_file_sink_open(&fs, sub, &err), SQZ_E_STORE);
	CHECK(err.message && strstr(err.message, sub) != NULL && strstr(err.message, "is a directory") != NULL);
	CHECK_INT(count_entries(dir), 2);                 /* a.eml and sub; no .part */
	sqz_error_clear(&err);

	/* ...and when one appears while the download runs, at the commit */
	char late[1200];
	snprintf(late, sizeof late, "%s/late.eml", dir);
	CHECK_INT(sqz_file_sink_open(&fs, late, &err), SQZ_OK);
	CHECK_INT(fs.sink.write(fs.sink.ctx, "x", 1, &err), 0);
	CHECK(mkdir(late, 0700) == 0);
	CHECK_INT(sqz_file_sink_commit(&fs, &err), SQZ_E_STORE);
	CHECK(err.message && strstr(err.message, "is a directory") != NULL);
	CHECK_INT(count_entries(dir), 3);                 /* a.eml, sub, late.eml/; no .part */
	rmdir(late);
	sqz_error_clear(&err);

	/* a replaced file keeps its mode */
	chmod(path, 0600);
	CHECK_INT(sqz_file_sink_open(&fs, path, &err), SQZ_OK);
	CHECK_INT(fs.sink.write(fs.sink.ctx, "new", 3, &err), 0);
	CHECK_INT(sqz_file_sink_commit(&fs, &err), SQZ_OK);
	CHECK(stat(path, &st) == 0 && st.st_size == 3 && (st.st_mode & 0777) == 0600);

	snprintf(path, sizeof path, "%s/missing/x.eml", dir);
	CHECK_INT(sqz_file_sink_open(&fs, path, &err), SQZ_E_STORE);
	sqz_error_clear(&err);

	snprintf(path, sizeof path, "%s/a.eml", dir);
	unlink(path);
	rmdir(sub);
	rmdir(dir);
}

static void test_hidden_subtree(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_folder_tree t;
	sqz_folder_tree_init(&t);
	CHECK_INT(sqz_folder_tree_add(&t, "h", "Hidden Stuff", "root", 0, 0, 1, 1, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(&t, "s", "Secret", "h", 0, 0, 1, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(&t, "d", "Deeper", "s", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_add(&t, "v", "Visible", "root", 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_finish(&t, &err), SQZ_OK);
	CHECK_INT(sqz_folder_find_id(&t, "s")->hidden, 1);
	CHECK_INT(sqz_folder_find_id(&t, "d")->hidden, 1);
	CHECK_INT(sqz_folder_find_id(&t, "v")->hidden, 0);
	/* Not found by name below a hidden folder ... */
	CHECK(sqz_folder_resolve(&t, "Deeper", NULL, &err) == NULL);
	CHECK_INT(err.status, SQZ_E_FOLDER_NOT_FOUND);
	CHECK_INT(err.candidate_count, 0);
	sqz_error_clear(&err);
	/* ... but a path still reaches it. */
	const sqz_folder *f = sqz_folder_resolve(&t, "Hidden Stuff/Secret/Deeper", NULL, &err);
	CHECK(f && strcmp(f->id, "d") == 0);
	sqz_folder_tree_clear(&t);
	sqz_error_clear(&err);
}

/* A $batch that gets no answer: every member carries the batch's failure
 * with its curl code, not only the text. Port 9 (discard) on loopback is
 * closed on a test host: the connection is refused at once. */
static void test_batch_failure(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_http *http = sqz_http_new(&err);
	CHECK(http != NULL);
	sqz_graph g;
	CHECK_INT(sqz_graph_init(&g, http, "http://127.0.0.1:9/v1.0", &err), SQZ_OK);
	g.retry.max_retries = 0;
	g.http_opts.connect_timeout = 2;
	g.http_opts.timeout = 2;
	sqz_batch_member members[2] = {
		{ "POST", "/me/messages/a/move", "{\"destinationId\":\"inbox\"}" },
		{ "POST", "/me/messages/b/move", "{\"destinationId\":\"inbox\"}" },
	};
	sqz_batch_result results[2];
	memset(results, 0, sizeof results);
	CHECK_INT(sqz_graph_batch(&g, members, 2, results, &err), SQZ_E_TRANSPORT);
	for (int i = 0; i < 2; i++) {
		CHECK_INT(results[i].status, 0);
		CHECK_INT(results[i].error.status, SQZ_E_TRANSPORT);
		CHECK_INT(results[i].error.curl_code, 7);    /* CURLE_COULDNT_CONNECT */
		CHECK(results[i].error.message && strstr(results[i].error.message, "$batch") != NULL);
		sqz_batch_result_clear(&results[i]);
	}
	sqz_error_clear(&err);
	sqz_graph_clear(&g);
	sqz_http_free(http);
}

#define LISTED(id) "{\"id\":\"" id "\",\"subject\":\"S " id "\",\"receivedDateTime\":\"2026-12-01T10:00:00Z\",\"hasAttachments\":false}"

/* Lists one page from a loopback server answering `responses` in turn. */
static sqz_status list_page(const char *const *responses, sqz_text_store *store, size_t *served, sqz_message **msgs, size_t *count, char **next,
	sqz_error *err)
{
	mini_server srv;
	CHECK_INT(mini_server_start(&srv, responses), 0);
	char endpoint[64];
	snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d/v1.0", srv.port);
	sqz_http *http = sqz_http_new(err);
	sqz_graph g;
	CHECK_INT(sqz_graph_init(&g, http, endpoint, err), SQZ_OK);
	g.retry.max_retries = 2;
	g.retry.max_wait = 1;
	g.http_opts.timeout = 5;
	sqz_mailbox mb;
	CHECK_INT(sqz_mailbox_init(&mb, &g, NULL, err), SQZ_OK);
	sqz_status st = sqz_mailbox_message_page(&mb, "inbox", NULL, 1000, store, msgs, count, next, err);
	sqz_mailbox_clear(&mb);
	sqz_graph_clear(&g);
	sqz_http_free(http);
	mini_server_stop(&srv);
	*served = srv.served;
	return st;
}

static void free_messages(sqz_message *msgs, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		sqz_message_clear(&msgs[i]);
	}
	sqz_free(msgs);
}

/* The listing is walked as it arrives: a transfer cut after two messages
 * and sent again lists each message once; the nextLink after the array is
 * kept; the messages of earlier pages stay. With a text store, the page's
 * strings live in it by group (index / group_size) until released; the
 * messages of earlier pages keep theirs. */
static void test_listing_walked(void)
{
	static const char cut[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n"
				  "{\"value\":[" LISTED("A1") "," LISTED("A2") ",{\"id\":";
	static const char whole[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
				    "{\"@odata.context\":\"x\",\"value\":[" LISTED("A1") "," LISTED("A2") "," LISTED("A3") "],"
															   "\"@odata.nextLink\":\"NEXT\"}";
	sqz_error err = SQZ_ERROR_INIT;
	sqz_message *msgs = sqz_calloc(1, sizeof *msgs);
	msgs[0].id = sqz_strdup("EARLIER");
	size_t count = 1, served = 0;
	char *next = NULL;
	CHECK_INT(list_page((const char *[]){ cut, whole, NULL }, NULL, &served, &msgs, &count, &next, &err), SQZ_OK);
	CHECK_INT(served, 2);
	CHECK_INT(count, 4);
	CHECK_STR(msgs[0].id, "EARLIER");
	CHECK_STR(msgs[1].id, "A1");
	CHECK_STR(msgs[2].id, "A2");
	CHECK_STR(msgs[3].id, "A3");
	CHECK_STR(msgs[3].subject, "S A3");
	CHECK_INT(msgs[3].received_at, 1796119200);
	CHECK_INT(msgs[3].borrowed, 0);
	CHECK(next && strstr(next, "NEXT") != NULL);
	CHECK(err.message == NULL);
	sqz_free(next);
	free_messages(msgs, count);

	/* The same into a store of groups of 2: A1 is in group 0 with EARLIER's
	 * index, A2 and A3 in group 1. */
	sqz_text_store text = SQZ_TEXT_STORE_INIT(2);
	msgs = sqz_calloc(1, sizeof *msgs);
	msgs[0].id = sqz_strdup("EARLIER");
	count = 1;
	next = NULL;
	CHECK_INT(list_page((const char *[]){ cut, whole, NULL }, &text, &served, &msgs, &count, &next, &err), SQZ_OK);
	CHECK_INT(count, 4);
	CHECK_INT(msgs[0].borrowed, 0);
	for (size_t i = 1; i < 4; i++) {
		CHECK_INT(msgs[i].borrowed, 1);
	}
	CHECK_STR(msgs[1].id, "A1");
	CHECK_STR(msgs[3].subject, "S A3");
	CHECK(msgs[3].internet_message_id == NULL);
	sqz_message_clear(&msgs[0]);
	sqz_message_clear(&msgs[1]);
	sqz_text_store_release(&text, 2);    /* group 0 unmapped: A1's strings are gone */
	CHECK_STR(msgs[2].id, "A2");
	CHECK_STR(msgs[3].id, "A3");
	CHECK_STR(msgs[3].subject, "S A3");
	sqz_free(next);
	free_messages(msgs, count);
	sqz_text_store_clear(&text);
	CHECK(text.chunks == NULL);

	/* A page that fails appends nothing, and says why. */
#define JSON_200 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
	static const char truncated[] = JSON_200 "{\"value\":[" LISTED("D1");
	static const struct {
		const char *response;
		const char *message;
	} failures[] = {
		{ JSON_200 "{\"values\":[" LISTED("B1") "]}", "Graph's message listing has no 'value' array" },
		{ JSON_200 "{\"value\":[" LISTED("C1") ",{\"subject\":\"x\"}," LISTED("C3") "],\"@odata.nextLink\":\"N\"}",
			"Graph returned a message without an id" },
		{ truncated, "Graph's answer to GET /me/mailFolders/inbox/messages is not valid JSON: the body ends in the middle of a JSON "
			     "value (truncated?)" },
		{ JSON_200 "{\"value\":[" LISTED("E1") "],\"value\":[" LISTED("E2") "]}", "Graph's message listing has more than one 'value' array" },
	};
	for (size_t i = 0; i < sizeof failures / sizeof failures[0]; i++) {
		msgs = NULL;
		count = 0;
		next = NULL;
		CHECK_INT(list_page((const char *[]){ failures[i].response, NULL }, &text, &served, &msgs, &count, &next, &err), SQZ_E_GRAPH);
		CHECK_STR(err.message, failures[i].message);
		if (failures[i].response == truncated) {
			CHECK_INT(err.http_status, 200);    /* the answer's, for the administrator's report */
		}
		CHECK_INT(count, 0);
		CHECK(msgs == NULL);
		CHECK(next == NULL);
		sqz_error_clear(&err);
		sqz_text_store_clear(&text);    /* what the failed page kept before its failure */
	}

	/* A failed page keeps the messages of the pages before it, and only them. */
	msgs = sqz_calloc(1, sizeof *msgs);
	msgs[0].id = sqz_strdup("EARLIER");
	count = 1;
	CHECK_INT(list_page((const char *[]){ truncated, NULL }, NULL, &served, &msgs, &count, &next, &err), SQZ_E_GRAPH);
	CHECK_INT(count, 1);
	CHECK_STR(msgs[0].id, "EARLIER");
	sqz_error_clear(&err);
	free_messages(msgs, count);
}

int main(void)
{
	RUN(test_listing_walked);
	RUN(test_paths);
	RUN(test_origins);
	RUN(test_error_mapping);
	RUN(test_file_sink);
	RUN(test_hidden_subtree);
	RUN(test_batch_failure);
	return check_summary();
}
