/* Sealed records (sealed_store.c get path) over an in-memory inner store.
 * First byte even: the rest is a stored record as found (any bytes: short,
 * foreign magic, damaged magic, wrong version, forged tag) — never a crash,
 * a sealed-looking record never passes as plaintext, an error is a
 * StoreException. First byte odd: the rest is a value put through the
 * sealing store, which must read back byte-exact and be stored sealed. */
#include "fuzz_support.h"
#include "core/sealed_store.h"

static const char secret[] = "c2VjcmV0LWtleS1mb3ItdGVzdHMtMzItYnl0ZXMhISE=";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	if (len == 0) {
		return 0;
	}
	fz_mem_store m = { 0 };
	sqz_sealed_store s;
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_sealed_store_init(&s, fz_mem_view(&m), secret, sizeof secret - 1, &err) == SQZ_OK);
	sqz_store view = sqz_sealed_store_store(&s);
	const char *rest = (const char *)data + 1;
	size_t rest_len = len - 1;
	char *value = NULL;
	size_t value_len = 0;
	if (data[0] % 2 == 0) {
		fz_mem_put(&m, "token", 5, rest, rest_len, &err);
		sqz_status st = sqz_store_get(&view, "token", 5, &value, &value_len, &err);
		if (st == SQZ_OK) {
			FZ_ASSERT(value != NULL && value[value_len] == '\0');
			if (sqz_sealed_store_is_sealed(rest, rest_len)) {
				/* Opened: the tag verified, which random bytes never do. */
				FZ_ASSERT(rest_len >= SQZ_SEALED_OVERHEAD && value_len == rest_len - SQZ_SEALED_OVERHEAD);
			} else {
				FZ_ASSERT(value_len == rest_len && memcmp(value, rest, rest_len) == 0);
			}
		} else {
			FZ_ASSERT(st == SQZ_E_STORE && value == NULL);
			FZ_ASSERT(err.key != NULL);
			fz_check_error(&err);
			sqz_error_clear(&err);
		}
	} else {
		FZ_ASSERT(sqz_store_put(&view, "k\0ey", 4, rest, rest_len, &err) == SQZ_OK);
		fz_rec *raw = fz_mem_find(&m, "k\0ey", 4);
		FZ_ASSERT(raw && raw->value_len == rest_len + SQZ_SEALED_OVERHEAD && sqz_sealed_store_is_sealed(raw->value, raw->value_len));
		FZ_ASSERT(rest_len < 16 || memmem(raw->value, raw->value_len, rest, rest_len) == NULL);
		FZ_ASSERT(sqz_store_get(&view, "k\0ey", 4, &value, &value_len, &err) == SQZ_OK);
		FZ_ASSERT(value_len == rest_len && memcmp(value, rest, rest_len) == 0);
		/* The same bytes under another key do not open (AAD binds the key). */
		fz_mem_put(&m, "key", 3, raw->value, raw->value_len, &err);
		char *other = NULL;
		size_t other_len = 0;
		FZ_ASSERT(sqz_store_get(&view, "key", 3, &other, &other_len, &err) == SQZ_E_STORE && other == NULL);
		sqz_error_clear(&err);
	}
	sqz_free(value);
	sqz_sealed_store_clear(&s);
	fz_mem_clear(&m);
	return 0;
}
