/* base64.c: the table decoder gives what OpenSSL's gives (crypto.c's
 * strict sqz_base64_decode) on every input both should read, and refuses
 * what a strict reader refuses: a byte outside the alphabet anywhere, '='
 * anywhere but closing the last group, a length that is not a multiple of
 * 4, padding in a piece that is not the last. */
#include "check.h"
#include "core/alloc.h"
#include "core/base64.h"
#include "core/crypto.h"

#include <stdlib.h>

/* sqz_b64_decode_strict against sqz_base64_decode (OpenSSL) on text. */
static void same_as_openssl(const char *text, size_t len)
{
	unsigned char *mine = sqz_malloc(len / 4 * 3 + 1);
	int64_t n = sqz_b64_decode_strict(text, len, 1, mine);
	size_t theirs_len = 0;
	unsigned char *theirs = sqz_base64_decode(text, len, &theirs_len);
	/* OpenSSL's path takes unpadded text too (len % 4 != 0); ours never. */
	if (len % 4 == 0) {
		CHECK((n >= 0) == (theirs != NULL));
	} else {
		CHECK_INT(n, -1);
	}
	if (n >= 0 && theirs) {
		CHECK(n == (int64_t)theirs_len && memcmp(mine, theirs, theirs_len) == 0);
	}
	sqz_free(mine);
	sqz_free(theirs);
}

static void test_random_bytes(void)
{
	unsigned seed = 12345;
	for (size_t len = 0; len < 300; len++) {
		unsigned char raw[300];
		for (size_t i = 0; i < len; i++) {
			raw[i] = (unsigned char)(rand_r(&seed) >> 7);
		}
		char *text = sqz_base64_encode(raw, len);
		size_t text_len = strlen(text);
		unsigned char out[300];
		CHECK_INT(sqz_b64_decode_strict(text, text_len, 1, out), (long long)len);
		CHECK(memcmp(out, raw, len) == 0);
		same_as_openssl(text, text_len);
		/* One byte changed anywhere: both decoders agree on it. */
		for (size_t i = 0; i < text_len; i += 3) {
			static const char swaps[] = "=*- \n\r\x80+A";
			char saved = text[i];
			text[i] = swaps[(i + len) % (sizeof swaps - 1)];
			same_as_openssl(text, text_len);
			text[i] = saved;
		}
		sqz_free(text);
	}
}

static void test_strict(void)
{
	unsigned char out[64];
	CHECK_INT(sqz_b64_decode_strict("", 0, 1, out), 0);
	CHECK_INT(sqz_b64_decode_strict("QUJD", 4, 1, out), 3);
	CHECK(memcmp(out, "ABC", 3) == 0);
	CHECK_INT(sqz_b64_decode_strict("QUI=", 4, 1, out), 2);
	CHECK_INT(sqz_b64_decode_strict("QQ==", 4, 1, out), 1);
	CHECK_INT(sqz_b64_decode_strict("QUJDQQ==", 8, 1, out), 4);
	CHECK(memcmp(out, "ABCA", 4) == 0);
	/* Padding only closes the text's last group. */
	CHECK_INT(sqz_b64_decode_strict("QQ==", 4, 0, out), -1);
	CHECK_INT(sqz_b64_decode_strict("QQ==QUJD", 8, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("Q===", 4, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("====", 4, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("QU=D", 4, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("QUJ", 3, 1, out), -1);
	/* Nothing outside the alphabet: no blank, no URL-safe character. */
	CHECK_INT(sqz_b64_decode_strict("QU D", 4, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("QUJD\r\nQUJD", 10, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("QU-_", 4, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("QU\0D", 4, 1, out), -1);
	CHECK_INT(sqz_b64_decode_strict("+/+/", 4, 1, out), 3);
	CHECK(out[0] == 0xfb && out[1] == 0xff && out[2] == 0xbf);
}

/* The fast path of MIME lines: whole groups up to the first other byte. */
static void test_groups(void)
{
	unsigned char out[64];
	size_t used = 99;
	const char *line = "QUJDQUJDQUJDQUJD\r\nQUJD";
	CHECK_INT(sqz_b64_decode_groups((const unsigned char *)line, strlen(line), out, &used), 12);
	CHECK_INT(used, 16);
	CHECK(memcmp(out, "ABCABCABCABC", 12) == 0);
	CHECK_INT(sqz_b64_decode_groups((const unsigned char *)"QUJDQU=", 7, out, &used), 3);
	CHECK_INT(used, 4);
	CHECK_INT(sqz_b64_decode_groups((const unsigned char *)"QUJ", 3, out, &used), 0);
	CHECK_INT(used, 0);
	const unsigned char *t = sqz_b64_table();
	CHECK_INT(t['A'], 0);
	CHECK_INT(t['/'], 63);
	CHECK_INT(t['\n'], SQZ_B64_BLANK);
	CHECK_INT(t['='], SQZ_B64_PAD);
	CHECK_INT(t['-'], SQZ_B64_BAD);
	CHECK_INT(t[0x80], SQZ_B64_BAD);
}

int main(void)
{
	RUN(test_strict);
	RUN(test_groups);
	RUN(test_random_bytes);
	return check_summary();
}
