/* sqzgraph core: base64 decoding where an import spends its bytes.
 *
 * A message of the import arrives base64 twice over: Graph sends a $batch
 * member's MIME as a base64 JSON string, and the MIME carries its
 * attachments base64 again (RFC 2045 lines). OpenSSL's EVP_DecodeBlock
 * costs about 9 instructions a byte there and accepts what a strict reader
 * must refuse (blanks at both ends, '=' anywhere), so these two paths
 * decode with four lookup tables instead — one OR per group of four
 * characters, which also tells a byte outside the alphabet — at about 3.
 * Small values (tokens, JWT parts, URL-safe text) keep crypto.h's OpenSSL
 * decoder. */
#ifndef SQZ_BASE64_H
#define SQZ_BASE64_H

#include <stddef.h>
#include <stdint.h>

/* Per byte of base64 text: its 6 bits (0..63), or one of these. */
enum { SQZ_B64_BLANK = 64, /* space, tab, CR, LF (between MIME lines) */
	SQZ_B64_PAD = 65,  /* '=' */
	SQZ_B64_BAD = 255 };

/* The table above (static, built once, any thread). */
const unsigned char *sqz_b64_table(void);

/* Decodes whole groups of four alphabet characters from in[0..len), up to
 * the first group holding anything else (a blank, '=', a byte outside the
 * alphabet) or fewer than four characters left. Writes 3 bytes per group
 * to out (room for len / 4 * 3 + 1: one byte more may be written past the
 * last group); *used = characters consumed (a multiple of 4). Returns the
 * bytes decoded. */
size_t sqz_b64_decode_groups(const unsigned char *in, size_t len, unsigned char *out, size_t *used);

/* The characters of the whole groups of alphabet characters at the start
 * of in[0..len), as sqz_b64_decode_groups would consume them. */
size_t sqz_b64_valid_groups(const unsigned char *in, size_t len);

/* Strict standard base64 (RFC 4648 §4, padded, no blank): text[0..len)
 * decoded into out (room for len / 4 * 3 + 1). `last`: the text ends here, so
 * its last group may close with "=" or "=="; otherwise every group is four
 * alphabet characters. len must be a multiple of 4. Returns the bytes
 * written, or -1 when the text is not such base64. */
int64_t sqz_b64_decode_strict(const char *text, size_t len, int last, unsigned char *out);

#endif
