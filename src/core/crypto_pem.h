/* sqzgraph core: certificate credentials in PEM — read from a file or
 * given as text, parsed, checked and re-encoded with OpenSSL.
 *
 * Apart from crypto.c on purpose: crypto.c holds primitives over bytes
 * (random, hashes, AEAD, HKDF, encodings) that never fail for reasons
 * outside the process; this file reads files (errno), speaks X.509 and
 * private-key formats and must refuse passphrase prompts. No result here
 * names an option: config.c turns them into its messages.
 *
 * OpenSSL's error queue is cleared before every function returns. */
#ifndef SQZ_CRYPTO_PEM_H
#define SQZ_CRYPTO_PEM_H

#include <stddef.h>

typedef enum sqz_pem_result {
	SQZ_PEM_OK = 0,
	SQZ_PEM_NOMEM,      /* memory ran out (re-encoding) */
	SQZ_PEM_NONE,       /* the text holds no certificate / private key OpenSSL reads */
	SQZ_PEM_ENCRYPTED,  /* no key read, and the text says ENCRYPTED: a passphrase (never asked for) */
	SQZ_PEM_NOT_RSA,    /* a private key, but not RSA */
	SQZ_PEM_WEAK        /* an RSA key shorter than asked for */
} sqz_pem_result;

/* 1 when value (len bytes) is PEM text rather than a file path: it holds a
 * PEM boundary ("-----BEGIN"), also after the "Bag Attributes" lines
 * `openssl pkcs12` writes. */
int sqz_pem_is_text(const char *value, size_t len);

/* Reads the whole regular file at path (at most max bytes) into a new
 * NUL-terminated buffer the caller owns: it may hold a key, so the caller
 * cleanses its *out_len bytes before sqz_free. NULL with errno set: EFBIG
 * for a file over max, EISDIR for a directory, EINVAL for any other
 * non-regular file, ENOMEM, or open/read's own. */
char *sqz_pem_read_file(const char *path, size_t max, size_t *out_len);

/* The first certificate in text (len bytes, the caller's; left as it is)
 * re-encoded as PEM on its own, dropping whatever else text held (a key,
 * a chain): *pem is a new string (sqz_free) on SQZ_PEM_OK, else NULL.
 * Returns SQZ_PEM_OK, SQZ_PEM_NONE or SQZ_PEM_NOMEM. */
sqz_pem_result sqz_pem_certificate(const char *text, size_t len, char **pem);

/* The private key in text (len bytes, the caller's), which must be RSA of
 * at least min_bits, re-encoded as unencrypted PKCS#8 PEM: *pem is a new
 * string on SQZ_PEM_OK (a secret: sqz_free_secret), else NULL. *bits
 * receives the key's size for SQZ_PEM_WEAK (else untouched). Returns
 * SQZ_PEM_OK, _NONE, _ENCRYPTED, _NOT_RSA, _WEAK or _NOMEM, checked in
 * that order. */
sqz_pem_result sqz_pem_rsa_private_key(const char *text, size_t len, int min_bits, char **pem, int *bits);

/* 1 when the private key in private_key belongs to the certificate in
 * certificate (both NUL-terminated PEM, the caller's); 0 otherwise,
 * including when either does not parse. */
int sqz_pem_pair_matches(const char *certificate, const char *private_key);

#endif
