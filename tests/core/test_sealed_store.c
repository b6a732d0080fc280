/* sealed_store.c: AES-256-GCM over another store, tested over an
 * in-memory store whose bytes the test can read and damage. */
#include <stdlib.h>

#include "check.h"
#include "core/alloc.h"
#include "core/sealed_store.h"

static int contains(const char *hay, size_t hay_len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= hay_len; i++) {
		if (memcmp(hay + i, needle, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* ---- a minimal in-memory store ---- */
typedef struct mem_rec {
	char *key, *value;
	size_t key_len, value_len;
} mem_rec;

typedef struct mem_store {
	mem_rec recs[64];
	size_t count;
	int locked, unlocked, deleted;
} mem_store;

static mem_rec *mem_find(mem_store *m, const char *key, size_t key_len)
{
	for (size_t i = 0; i < m->count; i++) {
		if (m->recs[i].key_len == key_len && memcmp(m->recs[i].key, key, key_len) == 0) {
			return &m->recs[i];
		}
	}
	return NULL;
}

static sqz_status mem_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	mem_rec *r = mem_find(ctx, key, key_len);
	*value = r ? sqz_strndup(r->value, r->value_len) : NULL;
	*value_len = r ? r->value_len : 0;
	return SQZ_OK;
}

static sqz_status mem_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	mem_store *m = ctx;
	mem_rec *r = mem_find(m, key, key_len);
	if (!r) {
		r = &m->recs[m->count++];
		r->key = sqz_strndup(key, key_len);
		r->key_len = key_len;
	} else {
		sqz_free(r->value);
	}
	r->value = sqz_strndup(value, value_len);
	r->value_len = value_len;
	return SQZ_OK;
}

static sqz_status mem_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	mem_store *m = ctx;
	m->deleted++;
	mem_rec *r = mem_find(m, key, key_len);
	if (r) {
		sqz_free(r->key);
		sqz_free(r->value);
		*r = m->recs[--m->count];
	}
	return SQZ_OK;
}

static sqz_status mem_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	((mem_store *)ctx)->locked++;
	*acquired = timeout > 0.5;
	return SQZ_OK;
}

static sqz_status mem_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	((mem_store *)ctx)->unlocked++;
	return SQZ_OK;
}

static const sqz_store_ops mem_ops = { mem_get, mem_put, mem_del, mem_lock, mem_unlock };

static void mem_free(mem_store *m)
{
	for (size_t i = 0; i < m->count; i++) {
		sqz_free(m->recs[i].key);
		sqz_free(m->recs[i].value);
	}
	m->count = 0;
}

static const char secret[] = "c2VjcmV0LWtleS1mb3ItdGVzdHMtMzItYnl0ZXMhISE=";
static const char decrypt_msg[] = "record 'tok' cannot be decrypted: the encryption_key does not match the one it was sealed with "
				  "(or the record was altered); configure the original encryption_key, or delete the record and authorize again";

static void init(sqz_sealed_store *s, mem_store *m, const char *key)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_store inner = { &mem_ops, m };
	CHECK_INT(sqz_sealed_store_init(s, inner, key, strlen(key), &err), SQZ_OK);
	sqz_error_clear(&err);
}

static void test_round_trip(void)
{
	mem_store m = { 0 };
	sqz_sealed_store ss;
	init(&ss, &m, secret);
	sqz_store s = sqz_sealed_store_store(&ss);
	sqz_error err = SQZ_ERROR_INIT;
	char *v = NULL;
	size_t vl = 0;

	CHECK_INT(sqz_store_get(&s, "none", 4, &v, &vl, &err), SQZ_OK);
	CHECK(v == NULL);

	const char value[] = "{\"access_token\":\"eyJ0eXAi.secret\"}";
	CHECK_INT(sqz_store_put(&s, "tok", 3, value, sizeof value - 1, &err), SQZ_OK);
	mem_rec *r = mem_find(&m, "tok", 3);
	CHECK_INT(r->value_len, sizeof value - 1 + SQZ_SEALED_OVERHEAD);
	CHECK(memcmp(r->value, "SQZS\x01", 5) == 0);
	CHECK(sqz_sealed_store_is_sealed(r->value, r->value_len));
	CHECK(!contains(r->value, r->value_len, "secret"));
	CHECK(!contains(r->value, r->value_len, "access_token"));
	CHECK_INT(sqz_store_get(&s, "tok", 3, &v, &vl, &err), SQZ_OK);
	CHECK_INT(vl, sizeof value - 1);
	CHECK_STR(v, value);
	sqz_free(v);

	/* empty and binary values */
	CHECK_INT(sqz_store_put(&s, "e", 1, "", 0, &err), SQZ_OK);
	CHECK_INT(sqz_store_get(&s, "e", 1, &v, &vl, &err), SQZ_OK);
	CHECK(v != NULL);
	CHECK_INT(vl, 0);
	sqz_free(v);
	const char bin[] = { 0, 1, 2, 0, (char)0xff };
	CHECK_INT(sqz_store_put(&s, "\0k", 2, bin, sizeof bin, &err), SQZ_OK);
	CHECK_INT(sqz_store_get(&s, "\0k", 2, &v, &vl, &err), SQZ_OK);
	CHECK_INT(vl, sizeof bin);
	CHECK(v && memcmp(v, bin, sizeof bin) == 0);
	sqz_free(v);

	/* lock, unlock and delete pass through */
	int got = -1;
	CHECK_INT(sqz_store_lock(&s, "tok", 3, 1.0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	CHECK_INT(sqz_store_lock(&s, "tok", 3, 0.0, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	CHECK_INT(sqz_store_unlock(&s, "tok", 3, &err), SQZ_OK);
	CHECK_INT(sqz_store_delete(&s, "tok", 3, &err), SQZ_OK);
	CHECK_INT(m.locked, 2);
	CHECK_INT(m.unlocked, 1);
	CHECK_INT(m.deleted, 1);
	CHECK(mem_find(&m, "tok", 3) == NULL);

	sqz_sealed_store_clear(&ss);
	static const unsigned char zero[SQZ_GCM_KEY_LEN];
	CHECK(memcmp(ss.key, zero, sizeof zero) == 0);
	mem_free(&m);
	sqz_error_clear(&err);
}

static void expect_error(sqz_store *s, const char *key, size_t key_len, const char *message)
{
	sqz_error err = SQZ_ERROR_INIT;
	char *v = NULL;
	size_t vl;
	CHECK_INT(sqz_store_get(s, key, key_len, &v, &vl, &err), SQZ_E_STORE);
	CHECK(v == NULL);
	if (message) {
		CHECK_STR(err.message, message);
	}
	sqz_free(v);
	sqz_error_clear(&err);
}

static void test_wrong_key(void)
{
	mem_store m = { 0 };
	sqz_sealed_store a, b;
	init(&a, &m, secret);
	init(&b, &m, "another key");
	sqz_store sa = sqz_sealed_store_store(&a), sb = sqz_sealed_store_store(&b);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_store_put(&sa, "tok", 3, "value", 5, &err), SQZ_OK);
	expect_error(&sb, "tok", 3, decrypt_msg);
	sqz_error e2 = SQZ_ERROR_INIT;
	char *v = NULL;
	size_t vl;
	sqz_store_get(&sb, "tok", 3, &v, &vl, &e2);
	CHECK_STR(e2.key, "tok");
	sqz_error_clear(&e2);

	/* empty secret */
	sqz_sealed_store c;
	sqz_store inner = { &mem_ops, &m };
	CHECK_INT(sqz_sealed_store_init(&c, inner, "", 0, &err), SQZ_E_CONFIG);
	CHECK_STR(err.key, "encryption_key");
	sqz_error_clear(&err);
	sqz_sealed_store_clear(&a);
	sqz_sealed_store_clear(&b);
	mem_free(&m);
}

static void test_every_bit(void)
{
	mem_store m = { 0 };
	sqz_sealed_store ss;
	init(&ss, &m, secret);
	sqz_store s = sqz_sealed_store_store(&ss);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_store_put(&s, "tok", 3, "hello", 5, &err), SQZ_OK);
	mem_rec *r = mem_find(&m, "tok", 3);
	size_t len = r->value_len;
	int undetected = 0;
	for (size_t bit = 0; bit < len * 8; bit++) {
		r->value[bit / 8] ^= (char)(1 << (bit % 8));
		char *v = NULL;
		size_t vl;
		if (sqz_store_get(&s, "tok", 3, &v, &vl, &err) != SQZ_E_STORE || v) {
			undetected++;
			fprintf(stderr, "  bit %zu not detected\n", bit);
		}
		sqz_free(v);
		sqz_error_clear(&err);
		r->value[bit / 8] ^= (char)(1 << (bit % 8));
	}
	CHECK_INT(undetected, 0);
	/* byte 20 (ciphertext or tag) says "cannot be decrypted" */
	r->value[20] ^= 1;
	expect_error(&s, "tok", 3, decrypt_msg);
	r->value[20] ^= 1;
	/* magic bits */
	r->value[1] ^= 4;
	expect_error(&s, "tok", 3, "record 'tok' is corrupt (a sealed record whose header was altered); restore it from a backup or delete it and authorize again");
	r->value[1] ^= 4;
	r->value[4] = 9;
	expect_error(&s, "tok", 3, "record 'tok' is sealed in an unknown format version (written by a newer sqzgraph?); upgrade sqzgraph or delete the record and authorize again");
	r->value[4] = 1;
	/* truncation */
	r->value_len = 20;
	expect_error(&s, "tok", 3, "record 'tok' is corrupt (sealed record truncated); restore it from a backup or delete it and authorize again");
	r->value_len = len - 1;
	expect_error(&s, "tok", 3, decrypt_msg);
	r->value_len = len;
	char *v = NULL;
	size_t vl;
	CHECK_INT(sqz_store_get(&s, "tok", 3, &v, &vl, &err), SQZ_OK);
	CHECK_STR(v, "hello");
	sqz_free(v);
	sqz_sealed_store_clear(&ss);
	mem_free(&m);
}

static void test_swapped(void)
{
	mem_store m = { 0 };
	sqz_sealed_store ss;
	init(&ss, &m, secret);
	sqz_store s = sqz_sealed_store_store(&ss);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_store_put(&s, "tok", 3, "alice", 5, &err), SQZ_OK);
	CHECK_INT(sqz_store_put(&s, "tuk", 3, "bobby", 5, &err), SQZ_OK);
	mem_rec *a = mem_find(&m, "tok", 3), *b = mem_find(&m, "tuk", 3);
	char *tmp = a->value;
	a->value = b->value;
	b->value = tmp;
	expect_error(&s, "tok", 3, decrypt_msg);
	expect_error(&s, "tuk", 3, NULL);
	sqz_sealed_store_clear(&ss);
	mem_free(&m);
}

static void test_plaintext_migration(void)
{
	mem_store m = { 0 };
	sqz_error err = SQZ_ERROR_INIT;
	sqz_store inner = { &mem_ops, &m };
	const char legacy[] = "{\"access_token\":\"legacy\"}";
	CHECK_INT(sqz_store_put(&inner, "tok", 3, legacy, sizeof legacy - 1, &err), SQZ_OK);

	sqz_sealed_store ss;
	init(&ss, &m, secret);
	sqz_store s = sqz_sealed_store_store(&ss);
	char *v = NULL;
	size_t vl;
	/* accepted as is ... */
	CHECK_INT(sqz_store_get(&s, "tok", 3, &v, &vl, &err), SQZ_OK);
	CHECK_STR(v, legacy);
	sqz_free(v);
	/* ... and sealed by the next put */
	CHECK_INT(sqz_store_put(&s, "tok", 3, legacy, sizeof legacy - 1, &err), SQZ_OK);
	mem_rec *r = mem_find(&m, "tok", 3);
	CHECK(sqz_sealed_store_is_sealed(r->value, r->value_len));
	CHECK_INT(sqz_store_get(&s, "tok", 3, &v, &vl, &err), SQZ_OK);
	CHECK_STR(v, legacy);
	sqz_free(v);
	/* a value 5+ bits away from the magic is plaintext; 1..4 bits: damage */
	CHECK_INT(sqz_store_put(&inner, "p", 1, "SQZR", 4, &err), SQZ_OK);
	expect_error(&s, "p", 1, NULL);
	CHECK_INT(sqz_store_put(&inner, "p", 1, "sqzs", 4, &err), SQZ_OK);   /* 4 flipped case bits */
	expect_error(&s, "p", 1, NULL);
	CHECK_INT(sqz_store_put(&inner, "p", 1, "squeeze", 7, &err), SQZ_OK);
	CHECK_INT(sqz_store_get(&s, "p", 1, &v, &vl, &err), SQZ_OK);
	CHECK_STR(v, "squeeze");
	sqz_free(v);
	CHECK_INT(sqz_store_put(&inner, "p", 1, "SQ", 2, &err), SQZ_OK);
	CHECK_INT(sqz_store_get(&s, "p", 1, &v, &vl, &err), SQZ_OK);
	CHECK_STR(v, "SQ");
	sqz_free(v);
	sqz_sealed_store_clear(&ss);
	mem_free(&m);
}

static void test_nonces(void)
{
	enum { PUTS = 2000 };
	mem_store m = { 0 };
	sqz_sealed_store ss;
	init(&ss, &m, secret);
	sqz_store s = sqz_sealed_store_store(&ss);
	sqz_error err = SQZ_ERROR_INIT;
	unsigned char(*nonces)[SQZ_GCM_NONCE_LEN] = malloc(PUTS * SQZ_GCM_NONCE_LEN);
	for (int i = 0; i < PUTS; i++) {
		CHECK_INT(sqz_store_put(&s, "same", 4, "same value", 10, &err), SQZ_OK);
		memcpy(nonces[i], mem_find(&m, "same", 4)->value + 5, SQZ_GCM_NONCE_LEN);
	}
	int repeats = 0;
	for (int i = 0; i < PUTS; i++) {
		for (int j = i + 1; j < PUTS; j++) {
			repeats += memcmp(nonces[i], nonces[j], SQZ_GCM_NONCE_LEN) == 0;
		}
	}
	CHECK_INT(repeats, 0);
	free(nonces);
	sqz_sealed_store_clear(&ss);
	mem_free(&m);
}

int main(void)
{
	RUN(test_round_trip);
	RUN(test_wrong_key);
	RUN(test_every_bit);
	RUN(test_swapped);
	RUN(test_plaintext_migration);
	RUN(test_nonces);
	return check_summary();
}
