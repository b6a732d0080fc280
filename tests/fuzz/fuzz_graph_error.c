/* Graph error responses: sqz_graph_error_from_response on the first
 * scripted response as it stands (any status, body, Content-Type,
 * Retry-After, request-id), then the whole script through sqz_graph_json
 * (retries, the one token refresh on 401, Retry-After beyond the cap). */
#include "fuzz_support.h"
#include "core/graph.h"

#define ENDPOINT "https://graph.microsoft.com/v1.0"
#define ORIGIN "https://graph.microsoft.com"

static int token_calls;

static sqz_status fake_token(void *ctx, int force, char **token, sqz_error *err)
{
	(void)ctx;
	(void)force;
	(void)err;
	token_calls++;
	*token = sqz_strdup("fuzz-access-token");
	return SQZ_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	sqz_graph g;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_graph_init(&g, sqz_http_new(NULL), ENDPOINT, &err) == SQZ_OK);
	g.token = fake_token;
	g.retry.max_retries = 3;
	g.retry.max_wait = 120;
	fz_http_token_origin(NULL);

	/* 1. The mapper alone, on exactly what the transport delivered. */
	fz_http_script(data, len);
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	sqz_http_options opts = { 0 };
	sqz_http_request req = { .method = "GET", .url = ENDPOINT "/me/mailFolders" };
	if (sqz_http_perform(g.http, &opts, &req, &resp, &err) == SQZ_OK) {
		sqz_graph_error_from_response(&resp, "GET", "/me/mailFolders", &err);
		fz_check_error(&err);
		FZ_ASSERT(err.status == (resp.status == 429 ? SQZ_E_THROTTLED : SQZ_E_GRAPH));
		FZ_ASSERT(err.http_status == resp.status);
		FZ_ASSERT(err.graph_code == NULL || err.graph_code[0] != '\0');
	}
	sqz_error_clear(&err);
	sqz_http_response_clear(&resp);

	/* 2. The request loop around it. */
	fz_http_token_origin(ORIGIN);
	fz_http_script(data, len);
	token_calls = 0;
	json_object *o = sqz_graph_json(&g, "GET", "/me/mailFolders?$top=10", NULL, &err);
	if (o) {
		FZ_ASSERT(json_object_is_type(o, json_type_object));
		json_object_put(o);
	} else {
		fz_check_error(&err);
		if (err.status == SQZ_E_THROTTLED) {
			FZ_ASSERT(err.retry_after >= 0);
		}
		sqz_error_clear(&err);
	}
	/* At most one refresh after a 401, never a loop. */
	FZ_ASSERT(token_calls <= 2);
	FZ_ASSERT(fz_http_request_count() <= (size_t)g.retry.max_retries + 2);
	fz_http_reset();
	sqz_graph_clear(&g);
	return 0;
}
