#include "buf.h"
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>

int sqz_buf_reserve(sqz_buf *buf, size_t extra)
{
	if (extra > (size_t)-1 - buf->len - 1) {
		return -1;
	}
	size_t need = buf->len + extra + 1;
	if (need <= buf->cap) {
		return 0;
	}
	size_t cap = buf->cap ? buf->cap : 64;
	while (cap < need) {
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	}
	char *grown = sqz_realloc(buf->data, cap);
	if (!grown) {
		return -1;
	}
	/* The first allocation must be a string too: sqz_buf_steal() of a
	 * buffer nothing was appended to hands out "" (an empty folder name,
	 * an empty store key in a message). */
	grown[buf->len] = '\0';
	buf->data = grown;
	buf->cap = cap;
	return 0;
}

int sqz_buf_append(sqz_buf *buf, const void *data, size_t len)
{
	if (sqz_buf_reserve(buf, len) != 0) {
		return -1;
	}
	if (len) {
		memcpy(buf->data + buf->len, data, len);
	}
	buf->len += len;
	buf->data[buf->len] = '\0';
	return 0;
}

int sqz_buf_appends(sqz_buf *buf, const char *s)
{
	return sqz_buf_append(buf, s, strlen(s));
}

int sqz_buf_appendf(sqz_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0 || sqz_buf_reserve(buf, (size_t)len) != 0) {
		va_end(ap);
		return -1;
	}
	vsnprintf(buf->data + buf->len, (size_t)len + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)len;
	return 0;
}

int sqz_buf_append_urlencoded(sqz_buf *buf, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	if (sqz_buf_reserve(buf, len * 3) != 0) {
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
			|| c == '-' || c == '.' || c == '_' || c == '~') {
			buf->data[buf->len++] = (char)c;
		} else {
			buf->data[buf->len++] = '%';
			buf->data[buf->len++] = hex[c >> 4];
			buf->data[buf->len++] = hex[c & 15];
		}
	}
	buf->data[buf->len] = '\0';
	return 0;
}

char *sqz_buf_steal(sqz_buf *buf, size_t *len)
{
	if (!buf->data && sqz_buf_reserve(buf, 0) != 0) {
		return NULL;
	}
	char *data = buf->data;
	if (len) {
		*len = buf->len;
	}
	buf->data = NULL;
	buf->len = buf->cap = 0;
	return data;
}

char *sqz_buf_steal_fit(sqz_buf *buf)
{
	size_t len = buf->len;
	int slack = buf->cap > len + 1;
	char *data = sqz_buf_steal(buf, NULL);
	if (data && slack) {
		char *fit = sqz_realloc(data, len + 1);
		data = fit ? fit : data;
	}
	return data;
}

void sqz_buf_reset(sqz_buf *buf)
{
	buf->len = 0;
	if (buf->data) {
		buf->data[0] = '\0';
	}
}

void sqz_buf_free(sqz_buf *buf)
{
	sqz_free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}

void sqz_buf_free_secret(sqz_buf *buf)
{
	if (buf->data) {
		OPENSSL_cleanse(buf->data, buf->cap);
	}
	sqz_buf_free(buf);
}
