/* Regression tests for what the fuzzers of tests/fuzz found (scripts/fuzz.sh),
 * each as the smallest input that failed under ASan/UBSan:
 *   1. oauth.c parse_answer read token_type after freeing the JSON body it
 *      points into (heap-use-after-free on every successful token answer);
 *   2. a refresh_in beyond the int64 range overflowed sent_at + refresh_in;
 *   3. a stored record's instants (expires_at, last_refresh_at) of any int64
 *      overflowed the expiry arithmetic; importToken() took any epoch;
 *   4. sqz_buf_steal() of a buffer nothing was appended to returned bytes
 *      without a NUL (a folder with an empty displayName: heap over-read);
 *   5. a 300-digit Retry-After parsed to 1e300 seconds, which the importer
 *      converts to an epoch ((int64_t)(wait + 0.999): undefined). */
#define _GNU_SOURCE
#include <stdlib.h>

#include "check.h"
#include "mini_server.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/folders.h"
#include "core/http.h"
#include "core/oauth.h"

/* ---- a one-record in-memory Store ---------------------------------------- */

typedef struct mem {
	char *value;
	size_t len;
} mem;

static sqz_status m_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	mem *m = ctx;
	(void)err;
	*value = NULL;
	*value_len = 0;
	if (m->value && key_len == 5 && memcmp(key, "token", 5) == 0) {
		*value = sqz_strndup(m->value, m->len);
		*value_len = m->len;
	}
	return SQZ_OK;
}

static sqz_status m_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	mem *m = ctx;
	(void)err;
	if (key_len == 5 && memcmp(key, "token", 5) == 0) {
		free(m->value);
		m->value = strndup(value, value_len);
		m->len = value_len;
	}
	return SQZ_OK;
}

static sqz_status m_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	(void)ctx;
	(void)key;
	(void)key_len;
	(void)err;
	return SQZ_OK;
}

static sqz_status m_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	(void)ctx;
	(void)key;
	(void)key_len;
	(void)timeout;
	(void)err;
	*acquired = 1;
	return SQZ_OK;
}

static sqz_status m_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	(void)ctx;
	(void)key;
	(void)key_len;
	(void)err;
	return SQZ_OK;
}

static const sqz_store_ops mem_ops = { m_get, m_put, m_del, m_lock, m_unlock };

static sqz_config *cc_config(int port)
{
	char authority[64], graph[80];
	snprintf(authority, sizeof authority, "http://127.0.0.1:%d", port);
	snprintf(graph, sizeof graph, "http://127.0.0.1:%d/v1.0", port);
	const char *opts[][2] = {
		{ "flow", "client_credentials" },
		{ "tenant_id", "contoso.example" },
		{ "client_id", "3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c" },
		{ "client_secret", "Sq~mock-secret-1.Contoso" },
		{ "mailbox", "invoices@fabrikam.example" },
		{ "authority", authority },
		{ "graph_endpoint", graph },
	};
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *c = sqz_config_new();
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		CHECK_INT(sqz_config_set_string(c, opts[i][0], opts[i][1], strlen(opts[i][1]), &err), SQZ_OK);
	}
	CHECK_INT(sqz_config_set_int(c, "max_retries", 0, &err), SQZ_OK);
	CHECK_INT(sqz_config_finish(c, &err), SQZ_OK);
	sqz_error_clear(&err);
	return c;
}

#define JSON_200(body) "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n" body

/* One client-credentials token request answered by `response`. */
static sqz_status acquire(const char *response, char **token, mem *store, sqz_error *err)
{
	mini_server s;
	const char *responses[] = { response, NULL };
	CHECK_INT(mini_server_start(&s, responses), 0);
	sqz_config *c = cc_config(s.port);
	sqz_http *http = sqz_http_new(err);
	sqz_oauth o;
	sqz_store view = { &mem_ops, store };
	CHECK_INT(sqz_oauth_init(&o, c, view, http, err), SQZ_OK);
	sqz_status st = sqz_oauth_access_token(&o, 0, token, err);
	mini_server_stop(&s);
	CHECK(strstr(s.requests[0], "POST /contoso.example/oauth2/v2.0/token ") == s.requests[0]);
	sqz_http_free(http);
	sqz_config_free(c);
	return st;
}

static void test_token_type_read_before_free(void)
{
	/* token_type sits in the body freed before the check: ASan reported a
	 * heap-use-after-free here for every successful answer. */
	mem store = { 0 };
	sqz_error err = SQZ_ERROR_INIT;
	char *token = NULL;
	CHECK_INT(acquire(JSON_200("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"at-1\"}"),
			  &token, &store, &err),
		SQZ_OK);
	CHECK_STR(token, "at-1");
	sqz_free_secret(token);
	free(store.value);

	store.value = NULL;
	token = NULL;
	CHECK_INT(acquire(JSON_200("{\"token_type\":\"pop\",\"expires_in\":3599,\"access_token\":\"at-2\"}"), &token, &store, &err),
		SQZ_E_GRAPH);
	CHECK(token == NULL);
	CHECK(err.message && strstr(err.message, "no bearer access_token") != NULL);
	CHECK(store.value == NULL);
	sqz_error_clear(&err);
}

static void test_refresh_in_overflow(void)
{
	/* sent_at + 9223372036854775807: signed overflow (UBSan). A refresh_in
	 * beyond expires_in means nothing and is ignored. */
	mem store = { 0 };
	sqz_error err = SQZ_ERROR_INIT;
	char *token = NULL;
	sqz_epoch before = sqz_clock_now();
	CHECK_INT(acquire(JSON_200("{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"refresh_in\":9223372036854775807,\"access_token\":\"at-3\"}"),
			  &token, &store, &err),
		SQZ_OK);
	sqz_free_secret(token);
	sqz_token_record r;
	CHECK_INT(sqz_token_record_decode(store.value, store.len, &r, &err), SQZ_OK);
	CHECK_INT(r.refresh_at, 0);
	CHECK(r.expires_at >= before + 3599 && r.expires_at <= sqz_clock_now() + 3599);
	sqz_token_record_clear(&r);
	free(store.value);

	/* A sensible refresh_in is still honoured. */
	store.value = NULL;
	CHECK_INT(acquire(JSON_200("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"refresh_in\":1800,\"access_token\":\"at-4\"}"),
			  &token, &store, &err),
		SQZ_OK);
	sqz_free_secret(token);
	CHECK_INT(sqz_token_record_decode(store.value, store.len, &r, &err), SQZ_OK);
	CHECK_INT(r.refresh_at - r.obtained_at, 1800);
	sqz_token_record_clear(&r);
	free(store.value);
}

static void test_record_instants(void)
{
	sqz_token_record r;
	sqz_error err = SQZ_ERROR_INIT;
	/* The fuzzer's input: expires_at near INT64_MIN, then expires_at - 300. */
	const char *bad[] = {
		"{\"v\":1,\"flow\":\"delegated\",\"access_token\":\"a\",\"expires_at\":-9223372036854775807}",
		"{\"v\":1,\"flow\":\"delegated\",\"access_token\":\"a\",\"refresh_token\":\"r\",\"last_refresh_at\":9223372036854775807}",
		"{\"v\":1,\"flow\":\"delegated\",\"access_token\":\"a\",\"expires_at\":-1}",
		"{\"v\":1,\"flow\":\"delegated\",\"access_token\":\"a\",\"obtained_at\":253402300800}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CHECK_INT(sqz_token_record_decode(bad[i], strlen(bad[i]), &r, &err), SQZ_E_STORE);
		CHECK(err.message && strstr(err.message, "corrupt") && strstr(err.message, "authorize again"));
		CHECK(r.access_token == NULL && r.fingerprint == NULL);
		sqz_error_clear(&err);
		sqz_token_record_clear(&r);
	}
	const char *edge = "{\"v\":1,\"flow\":\"delegated\",\"access_token\":\"a\",\"expires_at\":253402300799,\"refresh_at\":0}";
	CHECK_INT(sqz_token_record_decode(edge, strlen(edge), &r, &err), SQZ_OK);
	CHECK_INT(r.expires_at, 253402300799LL);
	CHECK_INT(sqz_token_record_stale(&r, 1767225600), 0);
	sqz_token_record_clear(&r);

	/* importToken(['expires' => PHP_INT_MAX]) wrote such a record. */
	sqz_config *c = cc_config(9);
	mem store = { 0 };
	sqz_store view = { &mem_ops, &store };
	sqz_oauth o;
	sqz_token_info info;
	CHECK_INT(sqz_oauth_init(&o, c, view, NULL, &err), SQZ_OK);
	CHECK_INT(sqz_oauth_import(&o, "at", "rt", INT64_MAX, &info, &err), SQZ_E_CONFIG);
	CHECK_STR(err.key, "expires");
	CHECK(store.value == NULL);
	sqz_error_clear(&err);
	CHECK_INT(sqz_oauth_import(&o, "at", "rt", -5, &info, &err), SQZ_E_CONFIG);
	sqz_error_clear(&err);
	CHECK_INT(sqz_oauth_import(&o, "at", "rt", 1767225600, &info, &err), SQZ_OK);
	sqz_token_info_clear(&info);
	free(store.value);
	sqz_config_free(c);
}

static void test_empty_buffer_is_a_string(void)
{
	sqz_buf b = SQZ_BUF_INIT;
	size_t len = 99;
	char *s = sqz_buf_steal(&b, &len);
	CHECK(s != NULL);
	CHECK_INT(len, 0);
	CHECK_STR(s, "");
	sqz_free(s);
	CHECK_INT(sqz_buf_reserve(&b, 10), 0);
	CHECK_STR(b.data, "");
	sqz_buf_free(&b);

	/* The fuzzer's input: a folder with an empty displayName, a name that
	 * is not in the tree, and the closest-names suggestion reading the
	 * empty folder's path. */
	sqz_folder_tree t;
	sqz_folder_tree_init(&t);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_folder_tree_add(&t, "1\x01", "", NULL, 0, 0, 0, 0, &err), SQZ_OK);
	CHECK_INT(sqz_folder_tree_finish(&t, &err), SQZ_OK);
	CHECK_STR(t.items[0].path, "");
	CHECK(sqz_folder_resolve(&t, "x", "inbox", &err) == NULL);
	CHECK_INT(err.status, SQZ_E_FOLDER_NOT_FOUND);
	CHECK_INT(err.candidate_count, 1);
	CHECK_STR(err.candidates[0], "");
	sqz_error_clear(&err);
	sqz_folder_tree_clear(&t);
}

static void test_retry_after_bounded(void)
{
	char huge[302];
	memset(huge, '0', sizeof huge - 1);
	huge[0] = '1';
	huge[sizeof huge - 1] = '\0';
	double wait = sqz_clock_parse_retry_after(huge, 1767225600);
	CHECK(wait == SQZ_CLOCK_RETRY_AFTER_MAX);
	sqz_epoch until = 1767225600 + (sqz_epoch)(wait + 0.999);   /* as importer.c computes it */
	CHECK(until > 1767225600 && until < 253402300799LL);
	/* Ten years is a real answer and stays exact. */
	CHECK(sqz_clock_parse_retry_after("315360000", 0) == 315360000.0);
	CHECK(sqz_clock_parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", 0) == SQZ_CLOCK_RETRY_AFTER_MAX);
	/* And the retry policy still calls it "beyond the cap" (ThrottledException, no wait). */
	sqz_retry_policy p = { 5, 120, 1 };
	int exceeds = 0;
	CHECK(sqz_http_retry_delay(&p, 1, huge, &exceeds) == 120 && exceeds == 1);
}

int main(void)
{
	RUN(test_token_type_read_before_free);
	RUN(test_refresh_in_overflow);
	RUN(test_record_instants);
	RUN(test_empty_buffer_is_a_string);
	RUN(test_retry_after_bounded);
	return check_summary();
}
