#include "crypto.h"
#include "alloc.h"

#include <string.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

int sqz_random_bytes(unsigned char *out, size_t len)
{
	while (len > 0) {
		int chunk = len > 1 << 20 ? 1 << 20 : (int)len;
		if (RAND_bytes(out, chunk) != 1) {
			ERR_clear_error();
			return -1;
		}
		out += chunk;
		len -= (size_t)chunk;
	}
	return 0;
}

int sqz_sha256(const void *data, size_t len, unsigned char out[SQZ_SHA256_LEN])
{
	unsigned int out_len = 0;
	if (EVP_Digest(data, len, out, &out_len, EVP_sha256(), NULL) != 1 || out_len != SQZ_SHA256_LEN) {
		ERR_clear_error();
		return -1;
	}
	return 0;
}

void sqz_hex_encode(const unsigned char *in, size_t len, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * len] = '\0';
}

int sqz_sha256_hex(const void *data, size_t len, char out[2 * SQZ_SHA256_LEN + 1])
{
	unsigned char digest[SQZ_SHA256_LEN];
	if (sqz_sha256(data, len, digest) != 0) {
		return -1;
	}
	sqz_hex_encode(digest, sizeof digest, out);
	return 0;
}

char *sqz_base64_encode(const void *data, size_t len)
{
	if (len > ((size_t)1 << 30)) {
		return NULL;
	}
	size_t out_len = 4 * ((len + 2) / 3);
	char *out = sqz_malloc(out_len + 1);
	if (!out) {
		return NULL;
	}
	/* EVP_EncodeBlock writes the NUL itself. */
	EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	return out;
}

char *sqz_base64url_encode(const void *data, size_t len)
{
	char *out = sqz_base64_encode(data, len);
	if (!out) {
		return NULL;
	}
	size_t n = strlen(out);
	while (n > 0 && out[n - 1] == '=') {
		out[--n] = '\0';
	}
	for (size_t i = 0; i < n; i++) {
		if (out[i] == '+') {
			out[i] = '-';
		} else if (out[i] == '/') {
			out[i] = '_';
		}
	}
	return out;
}

/* Is c in the alphabet? (url != 0: the URL-safe one.) */
static int base64_char(unsigned char c, int url)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
		|| c == (url ? '-' : '+') || c == (url ? '_' : '/');
}

/* Strict decoding: only alphabet characters, optional trailing '='. The
 * bytes come from OpenSSL's EVP_DecodeBlock, which on its own rejects any
 * byte outside the alphabet except that it trims whitespace at both ends of
 * its input and decodes '=' anywhere as zero bits; so '=' inside the text
 * (memchr: fast) and the first and last character of every block handed to
 * it are checked here, and the last, incomplete group is decoded on its
 * own. (Attachments and MIME arrive as base64 in $batch answers: this is a
 * hot path, megabytes per message.) */
static unsigned char *decode_any(const char *in, size_t len, size_t *out_len, int url)
{
	while (len > 0 && in[len - 1] == '=') {
		len--;
	}
	if (len % 4 == 1 || memchr(in, '=', len) || (url && (memchr(in, '+', len) || memchr(in, '/', len)))) {
		return NULL;
	}
	size_t full = len / 4 * 4, tail = len - full;
	unsigned char *out = sqz_malloc(len / 4 * 3 + 3 + 1);
	char *translated = url && len ? sqz_malloc(len) : NULL;
	if (!out || (url && len && !translated)) {
		sqz_free(out);
		sqz_free(translated);
		return NULL;
	}
	const char *src = in;
	if (translated) {
		for (size_t i = 0; i < len; i++) {
			translated[i] = in[i] == '-' ? '+' : in[i] == '_' ? '/'
									  : in[i];
		}
		src = translated;
	}
	size_t o = 0;
	/* EVP_DecodeBlock takes an int length: whole groups, a slice at a time. */
	const size_t slice = (size_t)1 << 24;
	for (size_t done = 0; done < full;) {
		size_t n = full - done < slice ? full - done : slice;
		if (!base64_char((unsigned char)src[done], 0) || !base64_char((unsigned char)src[done + n - 1], 0)) {
			o = (size_t)-1;
			break;
		}
		int got = EVP_DecodeBlock(out + o, (const unsigned char *)src + done, (int)n);
		if (got != (int)(n / 4 * 3)) {
			o = (size_t)-1;
			break;
		}
		o += (size_t)got;
		done += n;
	}
	for (size_t i = full; o != (size_t)-1 && i < len; i++) {
		if (!base64_char((unsigned char)src[i], 0)) {
			o = (size_t)-1;
		}
	}
	if (o != (size_t)-1 && tail) {
		unsigned char group[4] = { (unsigned char)src[full], (unsigned char)src[full + 1],
			tail == 3 ? (unsigned char)src[full + 2] : 'A', 'A' };
		unsigned char three[3];
		if (EVP_DecodeBlock(three, group, 4) != 3) {
			o = (size_t)-1;
		} else {
			memcpy(out + o, three, tail - 1);
			o += tail - 1;
		}
	}
	sqz_free(translated);
	if (o == (size_t)-1) {
		sqz_free(out);
		return NULL;
	}
	out[o] = '\0';
	if (out_len) {
		*out_len = o;
	}
	return out;
}

unsigned char *sqz_base64url_decode(const char *in, size_t len, size_t *out_len)
{
	return decode_any(in, len, out_len, 1);
}

unsigned char *sqz_base64_decode(const char *in, size_t len, size_t *out_len)
{
	return decode_any(in, len, out_len, 0);
}

int sqz_hkdf_sha256(const void *ikm, size_t ikm_len, const void *salt, size_t salt_len,
	const void *info, size_t info_len, unsigned char *out, size_t out_len)
{
	int ok = 0;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
	size_t len = out_len;
	if (ctx
		&& EVP_PKEY_derive_init(ctx) == 1
		&& EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256()) == 1
		&& EVP_PKEY_CTX_set1_hkdf_salt(ctx, salt, (int)salt_len) == 1
		&& EVP_PKEY_CTX_set1_hkdf_key(ctx, ikm, (int)ikm_len) == 1
		&& EVP_PKEY_CTX_add1_hkdf_info(ctx, info, (int)info_len) == 1
		&& EVP_PKEY_derive(ctx, out, &len) == 1
		&& len == out_len) {
		ok = 1;
	}
	EVP_PKEY_CTX_free(ctx);
	if (!ok) {
		ERR_clear_error();
	}
	return ok ? 0 : -1;
}

static int gcm_run(int encrypt, const unsigned char *key, const unsigned char *nonce,
	const void *aad, size_t aad_len, const unsigned char *in, size_t len,
	unsigned char *out, unsigned char *tag)
{
	int ok = 0, n = 0;
	if (len > INT32_MAX || aad_len > INT32_MAX) {
		return -1;
	}
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	if (!ctx || EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL, encrypt) != 1
		|| EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, SQZ_GCM_NONCE_LEN, NULL) != 1
		|| EVP_CipherInit_ex(ctx, NULL, NULL, key, nonce, encrypt) != 1) {
		goto done;
	}
	if (aad_len && EVP_CipherUpdate(ctx, NULL, &n, aad, (int)aad_len) != 1) {
		goto done;
	}
	if (len && EVP_CipherUpdate(ctx, out, &n, in, (int)len) != 1) {
		goto done;
	}
	if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, SQZ_GCM_TAG_LEN, tag) != 1) {
		goto done;
	}
	if (EVP_CipherFinal_ex(ctx, out + (len ? n : 0), &n) != 1) {
		goto done;
	}
	if (encrypt && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, SQZ_GCM_TAG_LEN, tag) != 1) {
		goto done;
	}
	ok = 1;
done:
	EVP_CIPHER_CTX_free(ctx);
	if (!ok) {
		ERR_clear_error();
	}
	return ok ? 0 : -1;
}

int sqz_aes256gcm_seal(const unsigned char key[SQZ_GCM_KEY_LEN], const unsigned char nonce[SQZ_GCM_NONCE_LEN],
	const void *aad, size_t aad_len, const void *plain, size_t len,
	unsigned char *cipher, unsigned char tag[SQZ_GCM_TAG_LEN])
{
	return gcm_run(1, key, nonce, aad, aad_len, plain, len, cipher, tag);
}

int sqz_aes256gcm_open(const unsigned char key[SQZ_GCM_KEY_LEN], const unsigned char nonce[SQZ_GCM_NONCE_LEN],
	const void *aad, size_t aad_len, const unsigned char *cipher, size_t len,
	const unsigned char tag[SQZ_GCM_TAG_LEN], unsigned char *plain)
{
	return gcm_run(0, key, nonce, aad, aad_len, cipher, len, plain, (unsigned char *)tag);
}

int sqz_memeq(const void *a, const void *b, size_t len)
{
	return CRYPTO_memcmp(a, b, len) == 0;
}

const char *sqz_crypto_version(void)
{
	return OpenSSL_version(OPENSSL_VERSION);
}
