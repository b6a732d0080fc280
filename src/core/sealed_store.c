/* SealedStore: AES-256-GCM over any Store; see sealed_store.h. */
#include "sealed_store.h"
#include "alloc.h"
#include "buf.h"

#include <string.h>
#include <openssl/crypto.h>

#define HKDF_SALT "sqzgraph/store-seal"
#define HKDF_INFO "sqzgraph store v1"
#define AAD_LABEL "sqzgraph sealed record"   /* + NUL + magic + version + key */
#define HEADER_LEN (4 + 1)

/* SQZ_E_STORE "record '<key>'" + rest, err->key = the key as shown. */
static sqz_status key_error(sqz_error *err, const char *key, size_t key_len, const char *rest)
{
	char *shown = sqz_store_shown_key(key, key_len);
	sqz_error_set(err, SQZ_E_STORE, "record '%s'%s", shown, rest);
	sqz_error_set_key(err, shown);
	sqz_free(shown);
	return SQZ_E_STORE;
}

/* AAD = label NUL magic version key; *aad receives a new buffer. */
static unsigned char *make_aad(const char *key, size_t key_len, size_t *aad_len)
{
	size_t label_len = sizeof(AAD_LABEL);   /* with its NUL */
	size_t len = label_len + HEADER_LEN + key_len;
	unsigned char *aad = sqz_malloc(len ? len : 1);
	if (!aad) {
		return NULL;
	}
	memcpy(aad, AAD_LABEL, label_len);
	memcpy(aad + label_len, SQZ_SEALED_MAGIC, 4);
	aad[label_len + 4] = SQZ_SEALED_VERSION;
	if (key_len) {
		memcpy(aad + label_len + HEADER_LEN, key, key_len);
	}
	*aad_len = len;
	return aad;
}

int sqz_sealed_store_is_sealed(const void *value, size_t len)
{
	return value && len >= 4 && memcmp(value, SQZ_SEALED_MAGIC, 4) == 0;
}

/* 1 when the first four bytes differ from the magic in 1..DAMAGE_BITS bits:
 * a sealed record hit by bit rot, not a plaintext one. */
#define DAMAGE_BITS 4
static int damaged_magic(const unsigned char *v, size_t len)
{
	if (len < 4) {
		return 0;
	}
	int bits = 0;
	for (int i = 0; i < 4; i++) {
		bits += __builtin_popcount((unsigned)(v[i] ^ (unsigned char)SQZ_SEALED_MAGIC[i]));
	}
	return bits > 0 && bits <= DAMAGE_BITS;
}

static sqz_status sealed_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	sqz_sealed_store *s = ctx;
	char *raw = NULL;
	size_t raw_len = 0;
	*value = NULL;
	*value_len = 0;

	sqz_status st = sqz_store_get(&s->inner, key, key_len, &raw, &raw_len, err);
	if (st != SQZ_OK || !raw) {
		return st;
	}
	const unsigned char *r = (const unsigned char *)raw;
	if (!sqz_sealed_store_is_sealed(raw, raw_len)) {
		if (damaged_magic(r, raw_len)) {
			sqz_free(raw);
			return key_error(err, key, key_len,
				" is corrupt (a sealed record whose header was altered); restore it from a backup or delete it and authorize again");
		}
		/* Written before sealing was configured: see the header. */
		*value = raw;
		*value_len = raw_len;
		return SQZ_OK;
	}
	if (raw_len < SQZ_SEALED_OVERHEAD) {
		sqz_free(raw);
		return key_error(err, key, key_len,
			" is corrupt (sealed record truncated); restore it from a backup or delete it and authorize again");
	}
	if (r[4] != SQZ_SEALED_VERSION) {
		sqz_free(raw);
		return key_error(err, key, key_len,
			" is sealed in an unknown format version (written by a newer sqzgraph?); upgrade sqzgraph or delete the record and authorize again");
	}

	size_t aad_len = 0;
	unsigned char *aad = make_aad(key, key_len, &aad_len);
	size_t plain_len = raw_len - SQZ_SEALED_OVERHEAD;
	char *plain = sqz_malloc(plain_len + 1);
	if (!aad || !plain) {
		sqz_free(aad);
		sqz_free(plain);
		sqz_free(raw);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	const unsigned char *nonce = r + HEADER_LEN;
	const unsigned char *cipher = nonce + SQZ_GCM_NONCE_LEN;
	const unsigned char *tag = cipher + plain_len;
	int ok = sqz_aes256gcm_open(s->key, nonce, aad, aad_len, cipher, plain_len, tag, (unsigned char *)plain) == 0;
	sqz_free(aad);
	sqz_free(raw);
	if (!ok) {
		OPENSSL_cleanse(plain, plain_len);
		sqz_free(plain);
		return key_error(err, key, key_len,
			" cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); "
			"configure the original encryption_key, or delete the record and authorize again");
	}
	plain[plain_len] = '\0';
	*value = plain;
	*value_len = plain_len;
	return SQZ_OK;
}

/* often: through the inner store's put_often (see store.h). */
static sqz_status seal_and_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, int often, sqz_error *err)
{
	sqz_sealed_store *s = ctx;
	if (value_len > (size_t)INT32_MAX - SQZ_SEALED_OVERHEAD) {
		return key_error(err, key, key_len, " is too large to seal (2 GiB at most)");
	}
	size_t out_len = value_len + SQZ_SEALED_OVERHEAD;
	size_t aad_len = 0;
	unsigned char *aad = make_aad(key, key_len, &aad_len);
	unsigned char *out = sqz_malloc(out_len);
	if (!aad || !out) {
		sqz_free(aad);
		sqz_free(out);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	memcpy(out, SQZ_SEALED_MAGIC, 4);
	out[4] = SQZ_SEALED_VERSION;
	unsigned char *nonce = out + HEADER_LEN;
	unsigned char *cipher = nonce + SQZ_GCM_NONCE_LEN;
	if (sqz_random_bytes(nonce, SQZ_GCM_NONCE_LEN) != 0
		|| sqz_aes256gcm_seal(s->key, nonce, aad, aad_len, value, value_len, cipher, cipher + value_len) != 0) {
		sqz_free(aad);
		sqz_free(out);
		return sqz_error_set(err, SQZ_E_INTERNAL, "sealing a record failed (OpenSSL AES-256-GCM or the random generator)");
	}
	sqz_free(aad);
	sqz_status st = often ? sqz_store_put_often(&s->inner, key, key_len, (const char *)out, out_len, err)
			      : sqz_store_put(&s->inner, key, key_len, (const char *)out, out_len, err);
	sqz_free(out);
	return st;
}

static sqz_status sealed_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	return seal_and_put(ctx, key, key_len, value, value_len, 0, err);
}

static sqz_status sealed_put_often(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	return seal_and_put(ctx, key, key_len, value, value_len, 1, err);
}

static sqz_status sealed_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	sqz_sealed_store *s = ctx;
	return sqz_store_delete(&s->inner, key, key_len, err);
}

static sqz_status sealed_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	sqz_sealed_store *s = ctx;
	return sqz_store_lock(&s->inner, key, key_len, timeout, acquired, err);
}

static sqz_status sealed_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	sqz_sealed_store *s = ctx;
	return sqz_store_unlock(&s->inner, key, key_len, err);
}

static const sqz_store_ops sealed_ops = {
	sealed_get,
	sealed_put,
	sealed_del,
	sealed_lock,
	sealed_unlock,
	NULL,
};

/* Over a store that has a cheaper put_often (FileStore): the same, sealed. */
static const sqz_store_ops sealed_ops_often = {
	sealed_get,
	sealed_put,
	sealed_del,
	sealed_lock,
	sealed_unlock,
	sealed_put_often,
};

sqz_status sqz_sealed_store_init(sqz_sealed_store *s, sqz_store inner, const void *secret, size_t secret_len, sqz_error *err)
{
	memset(s, 0, sizeof *s);
	if (!secret || secret_len == 0) {
		sqz_error_set(err, SQZ_E_CONFIG, "the encryption_key is empty; give a high-entropy secret (e.g. base64 of 32 random bytes) or none");
		sqz_error_set_key(err, "encryption_key");
		return SQZ_E_CONFIG;
	}
	if (sqz_hkdf_sha256(secret, secret_len, HKDF_SALT, sizeof(HKDF_SALT) - 1, HKDF_INFO, sizeof(HKDF_INFO) - 1,
		    s->key, sizeof s->key)
		!= 0) {
		OPENSSL_cleanse(s->key, sizeof s->key);
		return sqz_error_set(err, SQZ_E_INTERNAL, "deriving the store key failed (OpenSSL HKDF)");
	}
	s->inner = inner;
	s->ready = 1;
	return SQZ_OK;
}

sqz_store sqz_sealed_store_store(sqz_sealed_store *s)
{
	sqz_store view = { s->inner.ops && s->inner.ops->put_often ? &sealed_ops_often : &sealed_ops, s };
	return view;
}

void sqz_sealed_store_clear(sqz_sealed_store *s)
{
	if (!s) {
		return;
	}
	OPENSSL_cleanse(s->key, sizeof s->key);
	s->ready = 0;
	s->inner.ops = NULL;
	s->inner.ctx = NULL;
}
