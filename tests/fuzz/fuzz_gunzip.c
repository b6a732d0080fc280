/* gzip'd answers (gunzip.c), as a server or something on the way could
 * send them. Properties: the bytes decode to the same result whether they
 * arrive whole or in pieces (the same verdict and completeness; the same
 * bytes out, or after an error one prefix of the other); a stream that is complete decoded to what zlib's own
 * one-call inflate gives for it; nothing more comes out once the stream
 * ended. The first input byte chooses the piece size. */
#include "fuzz_support.h"
#include "core/gunzip.h"

#include <zlib.h>

typedef struct {
	unsigned char *data;
	size_t len;
} decoded;

static int take(void *ctx, const char *data, size_t len)
{
	decoded *d = ctx;
	FZ_ASSERT(len > 0);
	d->data = realloc(d->data, d->len + len);
	memcpy(d->data + d->len, data, len);
	d->len += len;
	return 0;
}

static int decode(const uint8_t *gz, size_t len, size_t piece, decoded *d, int *complete)
{
	sqz_gunzip *g = sqz_gunzip_take();
	FZ_ASSERT(g != NULL);
	int rc = 0;
	const char *problem = NULL;
	for (size_t off = 0; off < len && rc == 0; off += piece) {
		size_t n = len - off < piece ? len - off : piece;
		rc = sqz_gunzip_feed(g, (const char *)gz + off, n, take, d, &problem);
	}
	FZ_ASSERT(rc == 0 || rc == -1);
	FZ_ASSERT((rc == -1) == (problem != NULL));
	*complete = sqz_gunzip_complete(g);
	sqz_gunzip_give_back(g);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	if (len < 1) {
		return 0;
	}
	size_t piece = 1 + data[0] % 64;
	data++;
	len--;

	decoded whole = { 0 }, pieces = { 0 };
	int whole_complete = 0, pieces_complete = 0;
	int whole_rc = decode(data, len, len ? len : 1, &whole, &whole_complete);
	int pieces_rc = decode(data, len, piece, &pieces, &pieces_complete);
	FZ_ASSERT(whole_rc == pieces_rc);
	FZ_ASSERT(whole_complete == pieces_complete);
	/* After an error the bytes out are a prefix (the transfer fails anyway):
	 * how much of it came out depends on where the pieces ended. */
	size_t common = whole.len < pieces.len ? whole.len : pieces.len;
	FZ_ASSERT(common == 0 || memcmp(whole.data, pieces.data, common) == 0);
	FZ_ASSERT(whole_rc != 0 || whole.len == pieces.len);

	if (whole_rc == 0 && whole_complete) {
		/* zlib's reference: one inflate over the whole stream. */
		z_stream z;
		memset(&z, 0, sizeof z);
		FZ_ASSERT(inflateInit2(&z, 16 + MAX_WBITS) == Z_OK);
		unsigned char *ref = malloc(whole.len + 1);
		z.next_in = (Bytef *)data;
		z.avail_in = (uInt)len;
		z.next_out = ref;
		z.avail_out = (uInt)whole.len + 1;
		int zrc = inflate(&z, Z_FINISH);
		FZ_ASSERT(zrc == Z_STREAM_END && z.total_out == whole.len && z.avail_in == 0);
		FZ_ASSERT(whole.len == 0 || memcmp(ref, whole.data, whole.len) == 0);
		inflateEnd(&z);
		free(ref);
	}
	free(whole.data);
	free(pieces.data);
	return 0;
}
