/* The attachments inside a message's MIME (sqz_mime_file_parts), which the
 * import's prefetch serves attachment bytes from: any bytes as a MIME. Every
 * part's range lies inside the text; a usable part decodes (from a file
 * holding the text) to exactly its size, and the decoded bytes are what a
 * lenient decoder of the same range gives. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* memfd_create */
#endif
#include "fuzz_support.h"
#include "core/crypto.h"
#include "core/mime_parts.h"
#include "core/sink.h"

#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	sqz_mime_part *parts = NULL;
	size_t count = 0;
	if (sqz_mime_file_parts((const char *)data, len, &parts, &count) != 0) {
		return 0;
	}
	FZ_ASSERT(count <= SQZ_MIME_MAX_PARTS);
	int fd = -1;
	for (size_t i = 0; i < count; i++) {
		const sqz_mime_part *p = &parts[i];
		FZ_ASSERT(p->start <= p->end && p->end <= len);
		if (!p->usable) {
			continue;
		}
		FZ_ASSERT(p->name != NULL && p->size >= 0);
		FZ_ASSERT(sqz_mime_base64_size((const char *)data + p->start, p->end - p->start) == p->size);
		if (fd < 0) {
			fd = memfd_create("fuzz-mime", 0);
			FZ_ASSERT(fd >= 0);
			FZ_ASSERT(len == 0 || write(fd, data, len) == (ssize_t)len);
		}
		sqz_buf_sink bs;
		sqz_buf_sink_init(&bs);
		int64_t bytes = -1;
		sqz_error err = SQZ_ERROR_INIT;
		FZ_ASSERT(sqz_mime_decode_part(fd, p->start, p->end, p->size, &bs.sink, &bytes, &err) == 0);
		FZ_ASSERT(bytes == p->size && bs.buf.len == (size_t)p->size);
		/* The same bytes as the whole range with its blanks taken out, decoded at once. */
		char *compact = sqz_malloc(p->end - p->start + 1);
		FZ_ASSERT(compact != NULL);
		size_t c = 0;
		for (size_t k = p->start; k < p->end; k++) {
			char ch = (char)data[k];
			if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
				compact[c++] = ch;
			}
		}
		size_t out_len = 0;
		unsigned char *out = sqz_base64_decode(compact, c, &out_len);
		FZ_ASSERT(out != NULL || c == 0);
		FZ_ASSERT(out_len == bs.buf.len && (out_len == 0 || memcmp(out, bs.buf.data, out_len) == 0));
		sqz_free(out);
		sqz_free(compact);
		sqz_buf_free(&bs.buf);
		sqz_error_clear(&err);
	}
	if (fd >= 0) {
		close(fd);
	}
	sqz_mime_parts_free(parts, count);
	return 0;
}
