/* The stored token record (sqz_token_record_decode): whatever a Store
 * holds — a userland Store on a database may hand back anything. Properties:
 * a failure is a StoreException saying what to do; a decoded record's
 * expiry decisions are defined for every value; encode → decode is a fixed
 * point. */
#include "fuzz_support.h"
#include "core/oauth.h"

static void same(const char *a, const char *b)
{
	FZ_ASSERT((a == NULL) == (b == NULL));
	FZ_ASSERT(a == NULL || strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	sqz_token_record r;
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_token_record_decode((const char *)data, len, &r, &err) != SQZ_OK) {
		FZ_ASSERT(err.status == SQZ_E_STORE || err.status == SQZ_E_NOMEM);
		fz_check_error(&err);
		sqz_error_clear(&err);
		sqz_token_record_clear(&r);
		return 0;
	}
	static const sqz_epoch nows[] = { 0, 1, 1767225600, INT64_MAX / 2, INT64_MAX, INT64_MIN, -1 };
	for (size_t i = 0; i < sizeof nows / sizeof nows[0]; i++) {
		int stale = sqz_token_record_stale(&r, nows[i]);
		FZ_ASSERT(stale == 0 || stale == 1);
		if (!r.access_token) {
			FZ_ASSERT(stale == 1);
		}
	}
	char *text = sqz_token_record_encode(&r);
	FZ_ASSERT(text != NULL);
	sqz_token_record back;
	FZ_ASSERT(sqz_token_record_decode(text, strlen(text), &back, &err) == SQZ_OK);
	same(r.fingerprint, back.fingerprint);
	same(r.access_token, back.access_token);
	same(r.refresh_token, back.refresh_token);
	same(r.account, back.account);
	same(r.reason, back.reason);
	same(r.error_code, back.error_code);
	same(r.error_description, back.error_description);
	FZ_ASSERT(r.flow == back.flow && r.expires_at == back.expires_at && r.refresh_at == back.refresh_at);
	FZ_ASSERT(r.obtained_at == back.obtained_at && r.last_refresh_at == back.last_refresh_at);
	FZ_ASSERT(r.needs_reauth == back.needs_reauth && r.scope_count == back.scope_count);
	for (size_t i = 0; i < r.scope_count; i++) {
		same(r.scopes[i], back.scopes[i]);
	}
	sqz_token_record_clear(&back);
	sqz_free_secret(text);
	sqz_token_record_clear(&r);
	return 0;
}
