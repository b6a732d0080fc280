#include "base64.h"

#include <pthread.h>
#include <string.h>

/* byte_value: per byte its sextet or SQZ_B64_*. sextet_at[k]: per byte the
 * bits its sextet gives the group's three bytes when it is the group's
 * k-th character, laid out as a little-endian word holds them (byte 0 in
 * bits 0-7), or GROUP_BAD (in the fourth byte) — OR-ing four of them gives
 * the group's three bytes, and GROUP_BAD if any of the four is not an
 * alphabet character. Written once under pthread_once, only read after,
 * from any thread (the prefetch decodes on a worker). */
#define GROUP_BAD 0x01000000u

static unsigned char byte_value[256];
static uint32_t sextet_at[4][256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_init(void)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	memset(byte_value, SQZ_B64_BAD, sizeof byte_value);
	for (int k = 0; k < 4; k++) {
		for (int c = 0; c < 256; c++) {
			sextet_at[k][c] = GROUP_BAD;
		}
	}
	for (uint32_t i = 0; i < 64; i++) {
		unsigned char c = (unsigned char)alphabet[i];
		byte_value[c] = (unsigned char)i;
		sextet_at[0][c] = i << 2;
		sextet_at[1][c] = i >> 4 | (i & 15) << 12;
		sextet_at[2][c] = (i >> 2) << 8 | (i & 3) << 22;
		sextet_at[3][c] = i << 16;
	}
	byte_value[' '] = byte_value['\t'] = byte_value['\r'] = byte_value['\n'] = SQZ_B64_BLANK;
	byte_value['='] = SQZ_B64_PAD;
}

const unsigned char *sqz_b64_table(void)
{
	pthread_once(&tables_once, tables_init);
	return byte_value;
}

static inline uint32_t group_bits(const unsigned char *in)
{
	return sextet_at[0][in[0]] | sextet_at[1][in[1]] | sextet_at[2][in[2]] | sextet_at[3][in[3]];
}

/* Writes a group's three bytes, and on a little-endian host a fourth that
 * the next group writes over (the slack byte of out at the end). */
static inline void put_group(unsigned char *out, uint32_t bits)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(out, &bits, 4);
#else
	out[0] = (unsigned char)bits;
	out[1] = (unsigned char)(bits >> 8);
	out[2] = (unsigned char)(bits >> 16);
#endif
}

size_t sqz_b64_valid_groups(const unsigned char *in, size_t len)
{
	pthread_once(&tables_once, tables_init);
	size_t i = 0;
	while (len - i >= 8 && !((group_bits(in + i) | group_bits(in + i + 4)) & GROUP_BAD)) {
		i += 8;
	}
	if (len - i >= 4 && !(group_bits(in + i) & GROUP_BAD)) {
		i += 4;
	}
	return i;
}

size_t sqz_b64_decode_groups(const unsigned char *in, size_t len, unsigned char *out, size_t *used)
{
	pthread_once(&tables_once, tables_init);
	size_t i = 0, o = 0;
	/* Two groups a turn: the lookups of both are independent. */
	while (len - i >= 8) {
		uint32_t first = group_bits(in + i), second = group_bits(in + i + 4);
		if ((first | second) & GROUP_BAD) {
			break;
		}
		put_group(out + o, first);
		put_group(out + o + 3, second);
		i += 8;
		o += 6;
	}
	while (len - i >= 4) {
		uint32_t bits = group_bits(in + i);
		if (bits & GROUP_BAD) {
			break;
		}
		put_group(out + o, bits);
		i += 4;
		o += 3;
	}
	*used = i;
	return o;
}

int64_t sqz_b64_decode_strict(const char *text, size_t len, int last, unsigned char *out)
{
	if (len % 4 != 0) {
		return -1;
	}
	const unsigned char *in = (const unsigned char *)text;
	size_t used = 0;
	size_t o = sqz_b64_decode_groups(in, len, out, &used);
	if (used == len) {
		return (int64_t)o;
	}
	/* Only the text's last group may stop the fast path: "xx==" or "xxx=". */
	if (!last || used != len - 4) {
		return -1;
	}
	const unsigned char *t = sqz_b64_table();
	const unsigned char *g = in + used;
	int pad = g[3] != '=' ? 0 : g[2] == '=' ? 2
						: 1;
	if (pad == 0 || t[g[0]] >= 64 || t[g[1]] >= 64 || (pad == 1 && t[g[2]] >= 64)) {
		return -1;
	}
	uint32_t bits = (uint32_t)t[g[0]] << 18 | (uint32_t)t[g[1]] << 12 | (pad == 1 ? (uint32_t)t[g[2]] << 6 : 0);
	out[o++] = (unsigned char)(bits >> 16);
	if (pad == 1) {
		out[o++] = (unsigned char)(bits >> 8);
	}
	return (int64_t)o;
}
