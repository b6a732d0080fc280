/* crypto.c: base64 / base64url decoding is strict (the alphabet, trailing
 * '=' only) and byte-exact for every length; it is the hot path of $batch
 * answers, so it rides on OpenSSL and is checked against its encoder. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/alloc.h"
#include "core/crypto.h"

static void test_round_trip_every_length(void)
{
	unsigned char data[700];
	for (size_t i = 0; i < sizeof data; i++) {
		data[i] = (unsigned char)(i * 131 + 7);
	}
	int ok = 1, ok_url = 1;
	for (size_t len = 0; len <= sizeof data; len++) {
		char *text = sqz_base64_encode(data, len);
		size_t n = 0;
		unsigned char *back = sqz_base64_decode(text, strlen(text), &n);
		ok = ok && back && n == len && memcmp(back, data, len) == 0;
		sqz_free(back);
		/* Without its padding too. */
		size_t bare = strlen(text);
		while (bare > 0 && text[bare - 1] == '=') {
			bare--;
		}
		back = sqz_base64_decode(text, bare, &n);
		ok = ok && back && n == len && memcmp(back, data, len) == 0;
		sqz_free(back);
		sqz_free(text);
		char *url = sqz_base64url_encode(data, len);
		back = sqz_base64url_decode(url, strlen(url), &n);
		ok_url = ok_url && back && n == len && memcmp(back, data, len) == 0;
		sqz_free(back);
		sqz_free(url);
	}
	CHECK(ok);
	CHECK(ok_url);
}

static void test_known_and_refused(void)
{
	size_t n = 99;
	unsigned char *out = sqz_base64_decode("TWFu", 4, &n);
	CHECK_STR((char *)out, "Man");
	CHECK_INT(n, 3);
	sqz_free(out);
	out = sqz_base64_decode("TWE=", 4, &n);
	CHECK_STR((char *)out, "Ma");
	CHECK_INT(n, 2);
	sqz_free(out);
	out = sqz_base64_decode("TQ==", 4, &n);
	CHECK_STR((char *)out, "M");
	CHECK_INT(n, 1);
	sqz_free(out);
	out = sqz_base64_decode("", 0, &n);
	CHECK(out != NULL);
	CHECK_INT(n, 0);
	sqz_free(out);
	out = sqz_base64url_decode("-_-_", 4, &n);
	CHECK(out && n == 3 && out[0] == 0xfb && out[1] == 0xff && out[2] == 0xbf);
	sqz_free(out);
	const char *refused[] = { "TWFu TWFu", " TWFu", "TWFu\n", "TW=u", "TWFuT", "TW\0u", "-_-_", "T*Fu" };
	size_t lens[] = { 9, 5, 5, 4, 5, 4, 4, 4 };
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		CHECK(sqz_base64_decode(refused[i], lens[i], &n) == NULL);
	}
	CHECK(sqz_base64url_decode("+/+/", 4, &n) == NULL);
	/* What OpenSSL alone would let through: whitespace at the ends of a
	 * block, '=' inside, and any other byte in the middle. */
	const char *inner[] = { "TWFu\tTWFu", "TWFuTW\x80u", "\nTWFuTWFu", "TWFuTWF=TWFu", "TWFuTWFu\r" };
	for (size_t i = 0; i < sizeof inner / sizeof inner[0]; i++) {
		CHECK(sqz_base64_decode(inner[i], strlen(inner[i]), &n) == NULL);
	}
}

/* Blocks go to OpenSSL 16 MiB at a time: a stray byte right at a block's
 * edge must be refused too, and clean text decodes across the edges. */
static void test_large(void)
{
	size_t len = ((size_t)1 << 24) + 8;
	char *text = sqz_malloc(len);
	memset(text, 'Q', len);
	size_t n = 0;
	unsigned char *out = sqz_base64_decode(text, len, &n);
	CHECK(out != NULL);
	CHECK_INT(n, len / 4 * 3);
	CHECK(out && out[0] == 0x41 && out[n - 1] == 0x10);
	sqz_free(out);
	text[(size_t)1 << 24] = ' ';
	CHECK(sqz_base64_decode(text, len, &n) == NULL);
	text[(size_t)1 << 24] = 'Q';
	text[((size_t)1 << 24) - 1] = '\n';
	CHECK(sqz_base64_decode(text, len, &n) == NULL);
	sqz_free(text);
}

int main(void)
{
	RUN(test_round_trip_every_length);
	RUN(test_known_and_refused);
	RUN(test_large);
	return check_summary();
}
