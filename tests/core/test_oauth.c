/* oauth.c: record round trip, staleness decisions in epoch seconds, PKCE. */
#include <stdlib.h>

#include "check.h"
#include "core/alloc.h"
#include "core/oauth.h"

static void test_pkce(void)
{
	/* RFC 7636 Appendix B. */
	char *challenge = sqz_oauth_pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
	CHECK_STR(challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	sqz_free(challenge);
}

static void test_record_round_trip(void)
{
	sqz_token_record r = { 0 };
	r.fingerprint = sqz_strdup("abc");
	r.flow = SQZ_FLOW_DELEGATED;
	r.access_token = sqz_strdup("at");
	r.refresh_token = sqz_strdup("rt");
	r.expires_at = 1800000000;
	r.refresh_at = 1799990000;
	r.obtained_at = 1799996400;
	r.last_refresh_at = 1799996400;
	r.scopes = sqz_calloc(2, sizeof(char *));
	r.scopes[0] = sqz_strdup("openid");
	r.scopes[1] = sqz_strdup("https://graph.microsoft.com/Mail.ReadWrite");
	r.scope_count = 2;
	r.account = sqz_strdup("admin@contoso.com");
	char *text = sqz_token_record_encode(&r);
	CHECK(text != NULL);
	sqz_token_record back;
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_token_record_decode(text, strlen(text), &back, &err), SQZ_OK);
	CHECK_STR(back.fingerprint, "abc");
	CHECK_STR(back.access_token, "at");
	CHECK_STR(back.refresh_token, "rt");
	CHECK_INT(back.expires_at, 1800000000);
	CHECK_INT(back.refresh_at, 1799990000);
	CHECK_INT(back.scope_count, 2);
	CHECK_STR(back.scopes[1], "https://graph.microsoft.com/Mail.ReadWrite");
	CHECK_STR(back.account, "admin@contoso.com");
	CHECK_INT(back.flow, SQZ_FLOW_DELEGATED);
	sqz_token_record_clear(&back);
	sqz_free(text);

	CHECK_INT(sqz_token_record_decode("{\"v\":2,\"flow\":\"delegated\"}", 27, &back, &err), SQZ_E_STORE);
	sqz_error_clear(&err);
	CHECK_INT(sqz_token_record_decode("{\"v\":1,", 7, &back, &err), SQZ_E_STORE);
	CHECK(strstr(err.message, "authorize again") != NULL);
	sqz_error_clear(&err);
	sqz_token_record_clear(&r);
}

static void test_staleness(void)
{
	sqz_token_record r = { 0 };
	r.access_token = (char *)"at";
	r.expires_at = 10000;
	CHECK_INT(sqz_token_record_stale(&r, 9699), 0);
	CHECK_INT(sqz_token_record_stale(&r, 9700), 1);   /* 300 s margin */
	CHECK_INT(sqz_token_record_stale(&r, 20000), 1);
	r.refresh_at = 5000;
	CHECK_INT(sqz_token_record_stale(&r, 4999), 0);
	CHECK_INT(sqz_token_record_stale(&r, 5000), 1);   /* refresh_in passed */
	r.access_token = NULL;
	CHECK_INT(sqz_token_record_stale(&r, 0), 1);
}

int main(void)
{
	RUN(test_pkce);
	RUN(test_record_round_trip);
	RUN(test_staleness);
	return check_summary();
}
