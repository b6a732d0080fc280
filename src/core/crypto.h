/* sqzgraph core: the OpenSSL primitives the product needs, and nothing
 * hand-written that OpenSSL already does.
 *
 * Output buffers are the caller's unless said otherwise. Functions return 0
 * on success and -1 on failure (OpenSSL's error queue is cleared). */
#ifndef SQZ_CRYPTO_H
#define SQZ_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define SQZ_SHA256_LEN 32

/* Cryptographically secure random bytes (RAND_bytes). */
int sqz_random_bytes(unsigned char *out, size_t len);

int sqz_sha256(const void *data, size_t len, unsigned char out[SQZ_SHA256_LEN]);
/* 64 lowercase hex digits + NUL. */
int sqz_sha256_hex(const void *data, size_t len, char out[2 * SQZ_SHA256_LEN + 1]);

/* Lowercase hex of len bytes into out (2*len+1 bytes). */
void sqz_hex_encode(const unsigned char *in, size_t len, char *out);

/* base64url without padding (RFC 4648 §5). Returns a new string (sqz_free)
 * or NULL when memory ran out. */
char *sqz_base64url_encode(const void *data, size_t len);
/* Accepts padded or unpadded base64url; NULL when the input is not
 * base64url. *out_len receives the decoded length. The result is
 * NUL-terminated for convenience. */
unsigned char *sqz_base64url_decode(const char *in, size_t len, size_t *out_len);

/* Standard base64 (RFC 4648 §4, padded). NULL on invalid input. */
char *sqz_base64_encode(const void *data, size_t len);
unsigned char *sqz_base64_decode(const char *in, size_t len, size_t *out_len);

/* HKDF-SHA256 (RFC 5869) through EVP_PKEY_derive. */
int sqz_hkdf_sha256(const void *ikm, size_t ikm_len, const void *salt, size_t salt_len,
	const void *info, size_t info_len, unsigned char *out, size_t out_len);

/* AES-256-GCM with a 12-byte nonce and a 16-byte tag. seal writes
 * len bytes of ciphertext and the tag; open returns -1 when the tag does
 * not verify (wrong key or tampered data) and leaves out unspecified. */
#define SQZ_GCM_KEY_LEN 32
#define SQZ_GCM_NONCE_LEN 12
#define SQZ_GCM_TAG_LEN 16
int sqz_aes256gcm_seal(const unsigned char key[SQZ_GCM_KEY_LEN], const unsigned char nonce[SQZ_GCM_NONCE_LEN],
	const void *aad, size_t aad_len, const void *plain, size_t len,
	unsigned char *cipher, unsigned char tag[SQZ_GCM_TAG_LEN]);
int sqz_aes256gcm_open(const unsigned char key[SQZ_GCM_KEY_LEN], const unsigned char nonce[SQZ_GCM_NONCE_LEN],
	const void *aad, size_t aad_len, const unsigned char *cipher, size_t len,
	const unsigned char tag[SQZ_GCM_TAG_LEN], unsigned char *plain);

/* Constant-time comparison; 1 when equal. */
int sqz_memeq(const void *a, const void *b, size_t len);

/* Version strings for phpinfo(); static storage. */
const char *sqz_crypto_version(void);

#endif
