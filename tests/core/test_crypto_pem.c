/* crypto_pem.c: PEM text vs path, bounded file reads and their errno,
 * certificate and private-key re-encoding (a combined file keeps only what
 * was asked for), the refusals config.c words (encrypted, not RSA, too
 * short, nothing there) and the certificate/key pair check. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "check.h"
#include "core/alloc.h"
#include "core/crypto_pem.h"

static char cert_pem[8192], key_pem[8192], other_key_pem[8192], weak_key_pem[8192], ec_key_pem[8192];
static char encrypted_key_pem[8192];

static void pem_of(EVP_PKEY *k, X509 *x, const EVP_CIPHER *cipher, char *out, size_t cap)
{
	BIO *b = BIO_new(BIO_s_mem());
	if (x) {
		PEM_write_bio_X509(b, x);
	} else {
		PEM_write_bio_PrivateKey(b, k, cipher, NULL, 0, NULL, cipher ? (void *)"passphrase" : NULL);
	}
	char *data;
	long n = BIO_get_mem_data(b, &data);
	if (n > 0 && (size_t)n < cap) {
		memcpy(out, data, (size_t)n);
		out[n] = '\0';
	}
	BIO_free(b);
}

static void make_credentials(void)
{
	EVP_PKEY *k = EVP_RSA_gen(2048), *other = EVP_RSA_gen(2048), *weak = EVP_RSA_gen(1024);
	EVP_PKEY *ec = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC, (const unsigned char *)"sqzgraph pem", -1, -1, 0);
	X509_set_issuer_name(x, X509_get_subject_name(x));
	X509_set_pubkey(x, k);
	X509_sign(x, k, EVP_sha256());
	pem_of(NULL, x, NULL, cert_pem, sizeof cert_pem);
	pem_of(k, NULL, NULL, key_pem, sizeof key_pem);
	pem_of(other, NULL, NULL, other_key_pem, sizeof other_key_pem);
	pem_of(weak, NULL, NULL, weak_key_pem, sizeof weak_key_pem);
	pem_of(ec, NULL, NULL, ec_key_pem, sizeof ec_key_pem);
	pem_of(k, NULL, EVP_aes_256_cbc(), encrypted_key_pem, sizeof encrypted_key_pem);
	X509_free(x);
	EVP_PKEY_free(k);
	EVP_PKEY_free(other);
	EVP_PKEY_free(weak);
	EVP_PKEY_free(ec);
}

/* A temporary file holding a then b (b may be NULL); path into out. */
static void write_temp(char *out, const char *a, const char *b)
{
	strcpy(out, "/tmp/sqzpem-XXXXXX");
	int fd = mkstemp(out);
	CHECK(fd >= 0);
	if (fd < 0) {
		return;
	}
	CHECK(write(fd, a, strlen(a)) == (ssize_t)strlen(a));
	if (b) {
		CHECK(write(fd, b, strlen(b)) == (ssize_t)strlen(b));
	}
	close(fd);
}

static void test_is_text(void)
{
	CHECK(sqz_pem_is_text(cert_pem, strlen(cert_pem)));
	CHECK(sqz_pem_is_text("Bag Attributes\n    localKeyID: 01\n-----BEGIN PRIVATE KEY-----\n", 55));
	CHECK(!sqz_pem_is_text("/etc/ssl/cert.pem", 17));
	CHECK(!sqz_pem_is_text("-----BEGI", 9));
	/* Only len bytes are looked at. */
	CHECK(!sqz_pem_is_text("xx-----BEGIN", 11));
	CHECK(sqz_pem_is_text("xx-----BEGIN", 12));
	CHECK(!sqz_pem_is_text("", 0));
}

static void test_read_file(void)
{
	char path[64];
	write_temp(path, cert_pem, NULL);
	size_t len = 0;
	char *data = sqz_pem_read_file(path, 1024 * 1024, &len);
	CHECK_STR(data, cert_pem);
	CHECK_INT(len, strlen(cert_pem));
	sqz_free(data);
	/* Over the cap: EFBIG, nothing read. */
	errno = 0;
	CHECK(sqz_pem_read_file(path, 16, &len) == NULL);
	CHECK_INT(errno, EFBIG);
	unlink(path);
	errno = 0;
	CHECK(sqz_pem_read_file(path, 1024, &len) == NULL);
	CHECK_INT(errno, ENOENT);
	errno = 0;
	CHECK(sqz_pem_read_file("/tmp", 1024, &len) == NULL);
	CHECK_INT(errno, EISDIR);
	errno = 0;
	CHECK(sqz_pem_read_file("/dev/null", 1024, &len) == NULL);
	CHECK_INT(errno, EINVAL);
	/* An empty file is read (and holds no PEM). */
	write_temp(path, "", NULL);
	data = sqz_pem_read_file(path, 1024, &len);
	CHECK_STR(data, "");
	CHECK_INT(len, 0);
	sqz_free(data);
	unlink(path);
}

static void test_certificate(void)
{
	char *pem = (char *)1;
	CHECK_INT(sqz_pem_certificate(cert_pem, strlen(cert_pem), &pem), SQZ_PEM_OK);
	CHECK_STR(pem, cert_pem);
	sqz_free(pem);
	/* A combined file (key first): the certificate alone comes back. */
	char both[16384];
	snprintf(both, sizeof both, "%s%s", key_pem, cert_pem);
	CHECK_INT(sqz_pem_certificate(both, strlen(both), &pem), SQZ_PEM_OK);
	CHECK_STR(pem, cert_pem);
	sqz_free(pem);
	pem = (char *)1;
	CHECK_INT(sqz_pem_certificate(key_pem, strlen(key_pem), &pem), SQZ_PEM_NONE);
	CHECK(pem == NULL);
	const char *broken = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
	CHECK_INT(sqz_pem_certificate(broken, strlen(broken), &pem), SQZ_PEM_NONE);
	CHECK_INT(sqz_pem_certificate("", 0, &pem), SQZ_PEM_NONE);
	/* Only len bytes are read. */
	CHECK_INT(sqz_pem_certificate(cert_pem, strlen(cert_pem) / 2, &pem), SQZ_PEM_NONE);
}

static void test_private_key(void)
{
	char *pem = (char *)1;
	int bits = -1;
	CHECK_INT(sqz_pem_rsa_private_key(key_pem, strlen(key_pem), 2048, &pem, &bits), SQZ_PEM_OK);
	CHECK_STR(pem, key_pem);
	CHECK_INT(bits, -1);
	sqz_free_secret(pem);
	/* A combined file (certificate first): the key alone, unencrypted PKCS#8. */
	char both[16384];
	snprintf(both, sizeof both, "%s%s", cert_pem, key_pem);
	CHECK_INT(sqz_pem_rsa_private_key(both, strlen(both), 2048, &pem, &bits), SQZ_PEM_OK);
	CHECK_STR(pem, key_pem);
	CHECK(pem && strncmp(pem, "-----BEGIN PRIVATE KEY-----", 27) == 0);
	sqz_free_secret(pem);
	/* A passphrase is never asked for: the key counts as encrypted. */
	CHECK(strstr(encrypted_key_pem, "ENCRYPTED") != NULL);
	pem = (char *)1;
	CHECK_INT(sqz_pem_rsa_private_key(encrypted_key_pem, strlen(encrypted_key_pem), 2048, &pem, &bits), SQZ_PEM_ENCRYPTED);
	CHECK(pem == NULL);
	CHECK_INT(sqz_pem_rsa_private_key(cert_pem, strlen(cert_pem), 2048, &pem, &bits), SQZ_PEM_NONE);
	CHECK_INT(sqz_pem_rsa_private_key("ENCRYPTED", 9, 2048, &pem, &bits), SQZ_PEM_ENCRYPTED);
	CHECK_INT(sqz_pem_rsa_private_key("", 0, 2048, &pem, &bits), SQZ_PEM_NONE);
	CHECK_INT(sqz_pem_rsa_private_key(ec_key_pem, strlen(ec_key_pem), 2048, &pem, &bits), SQZ_PEM_NOT_RSA);
	CHECK_INT(bits, -1);
	CHECK_INT(sqz_pem_rsa_private_key(weak_key_pem, strlen(weak_key_pem), 2048, &pem, &bits), SQZ_PEM_WEAK);
	CHECK_INT(bits, 1024);
	CHECK(pem == NULL);
	/* The floor is the caller's. */
	CHECK_INT(sqz_pem_rsa_private_key(weak_key_pem, strlen(weak_key_pem), 1024, &pem, &bits), SQZ_PEM_OK);
	sqz_free_secret(pem);
}

static void test_pair(void)
{
	CHECK(sqz_pem_pair_matches(cert_pem, key_pem));
	CHECK(!sqz_pem_pair_matches(cert_pem, other_key_pem));
	CHECK(!sqz_pem_pair_matches(cert_pem, ec_key_pem));
	CHECK(!sqz_pem_pair_matches(cert_pem, ""));
	CHECK(!sqz_pem_pair_matches("", key_pem));
	CHECK(!sqz_pem_pair_matches(key_pem, cert_pem));
}

int main(void)
{
	make_credentials();
	RUN(test_is_text);
	RUN(test_read_file);
	RUN(test_certificate);
	RUN(test_private_key);
	RUN(test_pair);
	return check_summary();
}
