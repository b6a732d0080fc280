/* sqzgraph core: a Store that seals every value it passes to another one
 * with AES-256-GCM (Config `encryption_key`, the PHP class SealedStore).
 *
 * Key:    HKDF-SHA256(ikm = the configured secret, salt = "sqzgraph/store-seal",
 *         info = "sqzgraph store v1"), 32 bytes. HKDF does not stretch: the
 *         secret must be high-entropy (e.g. base64 of 32 random bytes), not a
 *         password.
 * Record: "SQZS" | version 0x01 | 12-byte nonce | ciphertext | 16-byte tag,
 *         a fresh random nonce per put (33 bytes of overhead).
 * AAD:    "sqzgraph sealed record" NUL "SQZS" 0x01 | the store key, so a
 *         record copied under another key does not open.
 *
 * get: a sealed record whose tag fails is SQZ_E_STORE ("cannot be
 * decrypted: the encryption_key does not match ... or the record was
 * altered"), never "no record"; a record too short to be sealed or of an
 * unknown version is SQZ_E_STORE (corrupt).
 *
 * Decision (plaintext records): a value that does not start with "SQZS" was
 * written before an encryption_key was configured. It is returned as is and
 * sealed by the next put of that key, so that turning sealing on does not
 * force a new authorization (SPEC: changing encryption_key does not). The
 * price: someone able to write the inner store can plant a plaintext
 * record; they can never read a sealed one. Token records are JSON and so
 * never start with "SQZS". So that bit rot in the magic cannot turn a
 * sealed record into "plaintext", a value whose first four bytes are 1 to
 * 4 bits away from "SQZS" is reported as a corrupt sealed record: one
 * flipped bit anywhere in a sealed record is always an error.
 *
 * lock, unlock and delete pass through unchanged. */
#ifndef SQZ_SEALED_STORE_H
#define SQZ_SEALED_STORE_H

#include <stddef.h>

#include "crypto.h"
#include "error.h"
#include "store.h"

#define SQZ_SEALED_MAGIC "SQZS"
#define SQZ_SEALED_VERSION 1
#define SQZ_SEALED_OVERHEAD (4 + 1 + SQZ_GCM_NONCE_LEN + SQZ_GCM_TAG_LEN)

typedef struct sqz_sealed_store {
	sqz_store inner;                        /* not owned: outlives this */
	unsigned char key[SQZ_GCM_KEY_LEN];     /* derived; cleansed by clear() */
	int ready;
} sqz_sealed_store;

/* Derives the key from secret (secret_len bytes of any content, not kept)
 * and wraps inner, which the caller keeps alive until
 * sqz_sealed_store_clear(). An empty secret is SQZ_E_CONFIG (key
 * "encryption_key"). s is caller storage (embed it; it must not move while
 * a sqz_store view of it is in use). */
sqz_status sqz_sealed_store_init(sqz_sealed_store *s, sqz_store inner, const void *secret, size_t secret_len, sqz_error *err);

/* The vtable view of s; its ctx is s. */
sqz_store sqz_sealed_store_store(sqz_sealed_store *s);

/* Cleanses the derived key; s may be initialised again. Idempotent. */
void sqz_sealed_store_clear(sqz_sealed_store *s);

/* 1 when value has the sealed framing (for a reader without a key, to say
 * "this record is sealed; configure the encryption_key" instead of
 * "unparseable"). */
int sqz_sealed_store_is_sealed(const void *value, size_t len);

#endif
