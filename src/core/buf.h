/* sqzgraph core: a growable byte buffer (always NUL-terminated). */
#ifndef SQZ_BUF_H
#define SQZ_BUF_H

#include <stddef.h>

typedef struct sqz_buf {
	char *data;   /* owned; NULL until the first append */
	size_t len;
	size_t cap;
} sqz_buf;

#define SQZ_BUF_INIT { NULL, 0, 0 }

/* Each returns 0, or -1 when memory ran out (the buffer is unchanged). */
int sqz_buf_reserve(sqz_buf *buf, size_t extra);
int sqz_buf_append(sqz_buf *buf, const void *data, size_t len);
int sqz_buf_appends(sqz_buf *buf, const char *s);
int sqz_buf_appendf(sqz_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s percent-encoded per RFC 3986 (unreserved characters kept). */
int sqz_buf_append_urlencoded(sqz_buf *buf, const char *s, size_t len);

/* Hands the bytes to the caller (free with sqz_free) and empties buf.
 * Never NULL unless memory ran out. */
char *sqz_buf_steal(sqz_buf *buf, size_t *len);
/* sqz_buf_steal, the string then cut to its length: for one kept for long
 * or by the hundred (a window's request paths). Never for a secret (the
 * cut-off end is freed as it is). */
char *sqz_buf_steal_fit(sqz_buf *buf);

void sqz_buf_reset(sqz_buf *buf);
/* Frees the bytes; cleanse = overwrite first (the buffer held a secret). */
void sqz_buf_free(sqz_buf *buf);
void sqz_buf_free_secret(sqz_buf *buf);

#endif
