/* mime_parts.c: the attachments inside a message's MIME — which parts are
 * found, their names decoded, which are usable, and the bytes decoded from a
 * part are exact. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "core/alloc.h"
#include "core/mime_parts.h"
#include "core/sink.h"

static const char *text_of(const char *t, const sqz_mime_part *p, char *buf, size_t cap)
{
	size_t n = p->end - p->start < cap - 1 ? p->end - p->start : cap - 1;
	memcpy(buf, t + p->start, n);
	buf[n] = '\0';
	return buf;
}

static void test_names_and_kinds(void)
{
	const char *t = "Content-Type: multipart/mixed;\r\n\tboundary=\"outer\"\r\n\r\n"
			"preamble --outer not a delimiter\r\n"
			"--outer\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n"
			"--alt\r\nContent-Type: text/plain\r\n\r\nbody\r\n--alt\r\nContent-Type: text/html\r\n\r\n<p>body</p>\r\n--alt--\r\n"
			"--outer\r\nContent-Type: application/pdf;\r\n name*0*=utf-8''%E2%82%AC%20in;\r\n name*1*=voice.pdf\r\n"
			"Content-Transfer-Encoding: BASE64 \r\n\r\naGVs\r\nbG8=\r\n"
			"--outer\r\nContent-Type: image/png; name=\"=?UTF-8?B?w6Q=?= =?iso-8859-1?q?=E4_b?=.png\"\r\n"
			"Content-Disposition: inline; filename=\"=?UTF-8?B?w6Q=?= =?iso-8859-1?q?=E4_b?=.png\"\r\n"
			"Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
			"--outer\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=3Db\r\n"
			"--outer\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment\r\n"
			"Content-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"
			"--outer\r\nContent-Type: application/pdf; name=\"x.pdf\"; name*=koi8-r''%E1\r\n"
			"Content-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"
			"--outer\r\nContent-Type: application/pdf; name=bad.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nAA=A\r\n"
			"--outer\r\nContent-Type: message/rfc822\r\n\r\nContent-Type: application/pdf; name=inner.pdf\r\n"
			"Content-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"
			"--outer--\r\nepilogue\r\n";
	sqz_mime_part *parts = NULL;
	size_t n = 0;
	char buf[64];
	CHECK_INT(sqz_mime_file_parts(t, strlen(t), &parts, &n), 0);
	CHECK_INT(n, 6);
	if (n == 6) {
		CHECK_STR(parts[0].name, "\xe2\x82\xac invoice.pdf");    /* RFC 2231 pieces */
		CHECK_INT(parts[0].usable, 1);
		CHECK_INT(parts[0].size, 5);
		CHECK_STR(text_of(t, &parts[0], buf, sizeof buf), "aGVs\r\nbG8=");
		CHECK_STR(parts[1].name, "\xc3\xa4\xc3\xa4 b.png");      /* RFC 2047, blank between words dropped */
		CHECK_INT(parts[1].usable, 1);
		CHECK_INT(parts[1].size, 3);
		CHECK_STR(parts[2].name, "notes.txt");                   /* quoted-printable: listed, not usable */
		CHECK_INT(parts[2].usable, 0);
		CHECK(parts[3].name == NULL);                            /* an attachment without a name */
		CHECK_INT(parts[3].usable, 0);
		CHECK(parts[4].name == NULL);                            /* a charset we do not decode */
		CHECK_INT(parts[4].usable, 0);
		CHECK_STR(parts[5].name, "bad.pdf");                     /* data after the padding */
		CHECK_INT(parts[5].usable, 0);
	}
	sqz_mime_parts_free(parts, n);

	/* A whole message that is one named part; a cut multipart (no closing
	 * delimiter) does not list its last part. */
	const char *single = "Content-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nAAAA\n";
	CHECK_INT(sqz_mime_file_parts(single, strlen(single), &parts, &n), 0);
	CHECK_INT(n, 1);
	CHECK_STR(n ? parts[0].name : "", "a.pdf");
	sqz_mime_parts_free(parts, n);
	const char *cut = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf; name=a.pdf\n\nAAAA\n";
	CHECK_INT(sqz_mime_file_parts(cut, strlen(cut), &parts, &n), 0);
	CHECK_INT(n, 0);
	sqz_mime_parts_free(parts, n);
}

static void test_base64_size(void)
{
	CHECK_INT(sqz_mime_base64_size("", 0), 0);
	CHECK_INT(sqz_mime_base64_size("QUJD\r\n", 6), 3);
	CHECK_INT(sqz_mime_base64_size("QUI=", 4), 2);
	CHECK_INT(sqz_mime_base64_size("QQ==\r\n \t", 8), 1);
	CHECK_INT(sqz_mime_base64_size("QQ=", 3), -1);
	CHECK_INT(sqz_mime_base64_size("Q===", 4), -1);
	CHECK_INT(sqz_mime_base64_size("QUJ", 3), -1);
	CHECK_INT(sqz_mime_base64_size("QU-D", 4), -1);
	CHECK_INT(sqz_mime_base64_size("QQ==QUJD", 8), -1);
}

static void test_decode(void)
{
	/* 200000 bytes of every value, base64 in lines of 76: decoded exactly,
	 * across the pieces the decoder reads. */
	size_t len = 200000;
	unsigned char *data = malloc(len);
	for (size_t i = 0; i < len; i++) {
		data[i] = (unsigned char)(i * 7 + i / 256);
	}
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t cap = len / 3 * 4 + len / 57 * 2 + 16;
	char *text = malloc(cap + 8);
	size_t o = 0, col = 0;
	memcpy(text, "xx\r\n", 4);    /* something before the part */
	o = 4;
	size_t start = o;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t g = (uint32_t)data[i] << 16 | (i + 1 < len ? (uint32_t)data[i + 1] << 8 : 0) | (i + 2 < len ? data[i + 2] : 0);
		text[o++] = a[g >> 18 & 63];
		text[o++] = a[g >> 12 & 63];
		text[o++] = i + 1 < len ? a[g >> 6 & 63] : '=';
		text[o++] = i + 2 < len ? a[g & 63] : '=';
		if ((col += 4) == 76) {
			text[o++] = '\r';
			text[o++] = '\n';
			col = 0;
		}
	}
	size_t end = o;
	memcpy(text + o, "\r\n--b", 5);
	o += 5;
	int64_t size = sqz_mime_base64_size(text + start, end - start);
	CHECK_INT(size, (int64_t)len);
	int fd = memfd_create("test-mime", 0);
	CHECK(fd >= 0 && write(fd, text, o) == (ssize_t)o);
	sqz_buf_sink bs;
	sqz_buf_sink_init(&bs);
	int64_t bytes = 0;
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_mime_decode_part(fd, start, end, size, &bs.sink, &bytes, &err), 0);
	CHECK_INT(bytes, (int64_t)len);
	CHECK(bs.buf.len == len && memcmp(bs.buf.data, data, len) == 0);
	sqz_buf_free(&bs.buf);
	/* The file changed since (a byte is no longer base64): an error, not bytes that pass. */
	CHECK(pwrite(fd, "!", 1, (off_t)(start + 1000)) == 1);
	sqz_buf_sink_init(&bs);
	CHECK_INT(sqz_mime_decode_part(fd, start, end, size, &bs.sink, &bytes, &err), -1);
	CHECK(err.status != SQZ_OK);
	sqz_error_clear(&err);
	sqz_buf_free(&bs.buf);
	close(fd);
	free(text);
	free(data);
}

int main(void)
{
	RUN(test_names_and_kinds);
	RUN(test_base64_size);
	RUN(test_decode);
	return check_summary();
}
