/* sqzgraph core: decoding gzip'd HTTP answers as their bytes arrive.
 *
 * Graph gzips its answers when asked, and inflating them is most of the
 * CPU an import spends in user space (a MIME in a $batch answer is base64
 * text, which compresses by a quarter and inflates a literal at a time).
 * The HTTP layer asks for gzip itself and decodes here rather than in
 * libcurl, for two reasons: ISA-L's inflate, where the build found it,
 * needs about half zlib's time for such text; and a stream that ends before
 * its gzip trailer is an error here (libcurl hands a cut stream on as if it
 * were whole: a listing would then fail as invalid JSON, a download would be
 * short). The trailer's CRC-32 and length are checked by either library. */
#ifndef SQZ_GUNZIP_H
#define SQZ_GUNZIP_H

#include <stddef.h>

typedef struct sqz_gunzip sqz_gunzip;

/* Takes each decoded piece; returns 0, or non-zero to stop the decoding. */
typedef int (*sqz_gunzip_out)(void *ctx, const char *data, size_t len);

/* A decoder ready for a new stream, or NULL when out of memory. Given
 * back, up to 4 are kept for the next answers (a decoder is about 100 KB
 * with ISA-L, 60 KB with zlib, and made anew for each answer its pages
 * would be faulted in again each time); sqz_gunzip_drain frees those kept,
 * when an import run ends and with each HTTP stack. Any thread. */
sqz_gunzip *sqz_gunzip_take(void);
void sqz_gunzip_give_back(sqz_gunzip *gz);
void sqz_gunzip_drain(void);

/* Decodes len bytes of the stream, handing what they decode to out.
 * Returns 0; 1 when out refused a piece; -1 when the bytes are not a gzip
 * stream or are damaged (the reason in *problem, a static string), or when
 * bytes follow the stream's end. */
int sqz_gunzip_feed(sqz_gunzip *gz, const char *data, size_t len, sqz_gunzip_out out, void *ctx, const char **problem);

/* Whether the stream's trailer has been read: a transfer that ends before
 * it was cut short. */
int sqz_gunzip_complete(const sqz_gunzip *gz);

/* "ISA-L 2.30.0" or "zlib 1.2.13": what decodes here (phpinfo). */
const char *sqz_gunzip_library(void);

#endif
