/* sqzgraph core: PEM certificate credentials (files, parsing, re-encoding). */
#include "crypto_pem.h"
#include "alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

/* A value holding this is PEM text; any other is a file path. */
#define PEM_BOUNDARY "-----BEGIN"

/* memmem() without _GNU_SOURCE. */
static int contains_bytes(const char *hay, size_t hay_len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= hay_len && i <= hay_len - n; i++) {
		if (memcmp(hay + i, needle, n) == 0) {
			return 1;
		}
	}
	return 0;
}

int sqz_pem_is_text(const char *value, size_t len)
{
	return contains_bytes(value, len, PEM_BOUNDARY);
}

char *sqz_pem_read_file(const char *path, size_t max, size_t *out_len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size < 0 || (size_t)st.st_size > max) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : S_ISREG(st.st_mode) ? EFBIG
									   : EINVAL;
		return NULL;
	}
	size_t size = (size_t)st.st_size, got = 0;
	char *data = sqz_malloc(size + 1);
	if (!data) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			int e = n < 0 ? errno : EIO;
			OPENSSL_cleanse(data, got);
			sqz_free(data);
			close(fd);
			errno = e;
			return NULL;
		}
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*out_len = got;
	return data;
}

/* Refuses every passphrase prompt: with a NULL callback OpenSSL would ask
 * on the terminal, which would hang a cron job. */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/* PEM text held in a memory BIO, copied out with the core allocator. The
 * BIO's buffer is cleansed by OpenSSL when freed (BUF_MEM_free). */
static char *bio_text(BIO *bio)
{
	char *data = NULL;
	long n = BIO_get_mem_data(bio, &data);
	return n > 0 ? sqz_strndup(data, (size_t)n) : NULL;
}

static X509 *parse_certificate(const char *pem, size_t len)
{
	BIO *bio = BIO_new_mem_buf(pem, (int)len);
	X509 *x = bio ? PEM_read_bio_X509(bio, NULL, no_passphrase, NULL) : NULL;
	BIO_free(bio);
	ERR_clear_error();
	return x;
}

static EVP_PKEY *parse_private_key(const char *pem, size_t len)
{
	BIO *bio = BIO_new_mem_buf(pem, (int)len);
	EVP_PKEY *k = bio ? PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL) : NULL;
	BIO_free(bio);
	ERR_clear_error();
	return k;
}

sqz_pem_result sqz_pem_certificate(const char *text, size_t len, char **pem)
{
	*pem = NULL;
	X509 *x = parse_certificate(text, len);
	if (!x) {
		return SQZ_PEM_NONE;
	}
	BIO *out = BIO_new(BIO_s_mem());
	*pem = out && PEM_write_bio_X509(out, x) == 1 ? bio_text(out) : NULL;
	BIO_free(out);
	X509_free(x);
	ERR_clear_error();
	return *pem ? SQZ_PEM_OK : SQZ_PEM_NOMEM;
}

sqz_pem_result sqz_pem_rsa_private_key(const char *text, size_t len, int min_bits, char **pem, int *bits)
{
	*pem = NULL;
	EVP_PKEY *k = parse_private_key(text, len);
	if (!k) {
		return contains_bytes(text, len, "ENCRYPTED") ? SQZ_PEM_ENCRYPTED : SQZ_PEM_NONE;
	}
	sqz_pem_result r = SQZ_PEM_OK;
	if (EVP_PKEY_base_id(k) != EVP_PKEY_RSA) {
		r = SQZ_PEM_NOT_RSA;
	} else if (EVP_PKEY_bits(k) < min_bits) {
		*bits = EVP_PKEY_bits(k);
		r = SQZ_PEM_WEAK;
	} else {
		BIO *out = BIO_new(BIO_s_mem());
		*pem = out && PEM_write_bio_PrivateKey(out, k, NULL, NULL, 0, NULL, NULL) == 1 ? bio_text(out) : NULL;
		BIO_free(out);
		r = *pem ? SQZ_PEM_OK : SQZ_PEM_NOMEM;
	}
	EVP_PKEY_free(k);
	ERR_clear_error();
	return r;
}

int sqz_pem_pair_matches(const char *certificate, const char *private_key)
{
	X509 *x = parse_certificate(certificate, strlen(certificate));
	EVP_PKEY *k = parse_private_key(private_key, strlen(private_key));
	int match = x && k && X509_check_private_key(x, k) == 1;
	X509_free(x);
	EVP_PKEY_free(k);
	ERR_clear_error();
	return match;
}
