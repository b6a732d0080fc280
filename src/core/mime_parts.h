/* sqzgraph core: the attachments inside a message's MIME.
 *
 * A message's MIME ($value) already holds its file attachments, base64
 * encoded. The import's prefetch (prefetch.h) fetches the MIME and only the
 * attachment list (no contentBytes), and serves an attachment's bytes by
 * decoding its part of the MIME file: no attachment byte crosses the
 * network twice.
 *
 * sqz_mime_file_parts finds the leaf parts that carry a file name (the
 * Content-Disposition filename, else the Content-Type name; RFC 2231
 * parameters and RFC 2047 encoded words in UTF-8, US-ASCII or ISO-8859-1
 * are decoded), through nested multiparts but never inside an attached
 * message (message/rfc822: its parts are that message's, and Graph lists it
 * as one item attachment). A part is usable when its transfer encoding is
 * base64 and its body is strict base64 (only the alphabet, line breaks and
 * blanks between, padding only at the end): then its body's range and its
 * decoded size are known. Anything else (quoted-printable, 7bit, a name in
 * another charset, more than SQZ_MIME_MAX_DEPTH levels) is still listed
 * (usable = 0) or left out; the caller then fetches that attachment from
 * Graph. The scan reads the text only: nothing is decoded or allocated
 * beyond the list. */
#ifndef SQZ_MIME_PARTS_H
#define SQZ_MIME_PARTS_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "sink.h"

#define SQZ_MIME_MAX_DEPTH 16
#define SQZ_MIME_MAX_PARTS 1000

typedef struct sqz_mime_part {
	char *name;        /* owned; the decoded file name (UTF-8); NULL when it could not be decoded */
	int usable;        /* 1: base64, strict, range below is exact */
	size_t start, end; /* the base64 body: text[start, end) */
	int64_t size;      /* its decoded bytes (usable) */
} sqz_mime_part;

/* The named leaf parts of text[0..len), in their order. 0 (with *parts
 * owned by the caller, sqz_mime_parts_free), or -1 when out of memory. */
int sqz_mime_file_parts(const char *text, size_t len, sqz_mime_part **parts, size_t *count);

void sqz_mime_parts_free(sqz_mime_part *parts, size_t count);

/* Checks that text[0..len) is strict base64 as above; returns its decoded
 * size, or -1. */
int64_t sqz_mime_base64_size(const char *text, size_t len);

/* Decodes a usable part's body from the file fd (its range [start, end),
 * decoded size `size`) into sink, in pieces. *bytes = bytes written. 0, or
 * -1 with err (a read error, or the file no longer holds that base64). */
int sqz_mime_decode_part(int fd, size_t start, size_t end, int64_t size, sqz_sink *sink, int64_t *bytes, sqz_error *err);

#endif
