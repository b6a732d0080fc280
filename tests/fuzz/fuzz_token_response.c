/* Token endpoint answers (oauth.c's parse path: access/refresh tokens,
 * expires_in and refresh_in as numbers or strings, id_token claims, scope
 * lists, AADSTS error bodies, error_codes, suberror, Retry-After) through
 * the public flows against scripted answers and an in-memory Store:
 *   first line "cc"       client credentials: sqz_oauth_access_token
 *              "refresh"  delegated, a stored stale record: forced refresh
 *              "complete" delegated: begin, then redeem the code
 * then status() and a decode of whatever record was written. */
#include "fuzz_support.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/oauth.h"

#define NOW 1767225600   /* 2026-01-01T00:00:00Z */

static sqz_config *make_config(int delegated)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *c = sqz_config_new();
	struct {
		const char *k, *v;
	} opts[] = {
		{ "flow", delegated ? "delegated" : "client_credentials" },
		{ "tenant_id", "contoso.example" },
		{ "client_id", "3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c" },
		{ "client_secret", "Sq~mock-secret-1.Contoso" },
		{ delegated ? "redirect_uri" : "mailbox", delegated ? "https://squeeze.contoso.example/api/v2/importers/email/authenticate/end" : "invoices@fabrikam.example" },
	};
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		FZ_ASSERT(sqz_config_set_string(c, opts[i].k, opts[i].v, strlen(opts[i].v), &err) == SQZ_OK);
	}
	FZ_ASSERT(sqz_config_set_int(c, "max_retries", 2, &err) == SQZ_OK);
	FZ_ASSERT(sqz_config_set_int(c, "client_secret_expires", NOW + 10 * 86400, &err) == SQZ_OK);
	FZ_ASSERT(sqz_config_finish(c, &err) == SQZ_OK);
	return c;
}

static sqz_config *delegated_cfg, *cc_cfg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	sqz_clock_pin(NOW);
	delegated_cfg = make_config(1);
	cc_cfg = make_config(0);
	return 0;
}

static void stale_record(sqz_oauth *o, fz_mem_store *m)
{
	sqz_token_record r = { 0 };
	r.fingerprint = o->fingerprint;
	r.flow = SQZ_FLOW_DELEGATED;
	r.access_token = (char *)"old-access-token";
	r.refresh_token = (char *)"old-refresh-token";
	r.expires_at = NOW - 10;
	r.obtained_at = r.last_refresh_at = NOW - 3600;
	char *text = sqz_token_record_encode(&r);
	sqz_error err = SQZ_ERROR_INIT;
	fz_mem_put(m, "token", 5, text, strlen(text), &err);
	sqz_free(text);
}

static void check_info(const sqz_token_info *info)
{
	FZ_ASSERT(info->authorized == 0 || info->authorized == 1);
	for (size_t i = 0; i < info->scope_count; i++) {
		FZ_ASSERT(info->scopes[i] && info->scopes[i][0]);
	}
	for (size_t i = 0; i < info->warning_count; i++) {
		FZ_ASSERT(info->warnings[i] != NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const uint8_t *rest;
	size_t rest_len;
	char *op = fz_first_line(data, len, &rest, &rest_len);
	int mode = strcmp(op, "cc") == 0 ? 0 : strcmp(op, "refresh") == 0 ? 1
		: strcmp(op, "complete") == 0                             ? 2
									  : (int)(len % 3);
	free(op);

	fz_mem_store m = { 0 };
	sqz_oauth o;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_oauth_init(&o, mode == 0 ? cc_cfg : delegated_cfg, fz_mem_view(&m), sqz_http_new(NULL), &err) == SQZ_OK);
	fz_http_token_origin(NULL);   /* the token endpoint never gets a bearer token */
	fz_http_script(rest, rest_len);

	sqz_status st;
	if (mode == 2) {
		char *url = NULL, *state = NULL;
		FZ_ASSERT(sqz_oauth_begin(&o, NULL, NULL, &url, &state, &err) == SQZ_OK);
		sqz_query_param params[] = { { "code", "0.AAAA-fuzz-code" }, { "state", state }, { "session_state", "x" } };
		sqz_token_info info;
		st = sqz_oauth_complete(&o, params, 3, &info, &err);
		if (st == SQZ_OK) {
			check_info(&info);
			sqz_token_info_clear(&info);
		}
		sqz_free(url);
		sqz_free(state);
	} else {
		if (mode == 1) {
			stale_record(&o, &m);
		}
		char *token = NULL;
		st = sqz_oauth_access_token(&o, mode == 1, &token, &err);
		if (st == SQZ_OK) {
			FZ_ASSERT(token && token[0]);
			for (const char *c = token; *c; c++) {
				FZ_ASSERT(*c > 0x20 && *c < 0x7f);   /* it goes into a header */
			}
		}
		sqz_free_secret(token);
	}
	if (st != SQZ_OK) {
		fz_check_error(&err);
		sqz_error_clear(&err);
	}
	FZ_ASSERT(m.locks == 0);

	sqz_token_info info;
	FZ_ASSERT(sqz_oauth_status(&o, &info, &err) == SQZ_OK);
	check_info(&info);
	sqz_token_info_clear(&info);

	/* Whatever was written reads back. */
	fz_rec *rec = fz_mem_find(&m, "token", 5);
	if (rec) {
		sqz_token_record r;
		FZ_ASSERT(sqz_token_record_decode(rec->value, rec->value_len, &r, &err) == SQZ_OK);
		sqz_token_record_stale(&r, NOW);
		sqz_token_record_clear(&r);
	}
	fz_http_reset();
	fz_mem_clear(&m);
	return 0;
}
