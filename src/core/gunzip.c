#include "gunzip.h"
#include "alloc.h"

#include <stdint.h>
#include <string.h>

#ifdef SQZ_HAVE_ISAL
# include <isa-l.h>
# include <sys/mman.h>
#else
# include <zlib.h>
#endif

/* One decoded piece: large enough that a piece costs little per byte,
 * small enough to stay in the cache on its way to the JSON walker. */
#define SQZ_GUNZIP_PIECE 16384

struct sqz_gunzip {
#ifdef SQZ_HAVE_ISAL
	struct inflate_state state;
#else
	z_stream stream;
#endif
	int complete;
	unsigned char piece[SQZ_GUNZIP_PIECE];
};

#ifdef SQZ_HAVE_ISAL

/* Pages of its own, given back when the answer ends. A state of ISA-L's is
 * about 100 KB (its tables and a copy of the history); from malloc, the
 * three or four of an import's answers in flight would leave that much more
 * in each thread's heap for the rest of the process (measured: 0.8 MB more
 * peak RSS at 1000 messages), and kept for reuse they cost the same. */
sqz_gunzip *sqz_gunzip_new(void)
{
	void *pages = mmap(NULL, sizeof(sqz_gunzip), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED) {
		return NULL;
	}
	sqz_gunzip *gz = pages;
	isal_inflate_init(&gz->state);
	gz->state.crc_flag = ISAL_GZIP;    /* parse the header, check the trailer's CRC-32 and length */
	gz->complete = 0;
	return gz;
}

void sqz_gunzip_free(sqz_gunzip *gz)
{
	if (gz) {
		munmap(gz, sizeof *gz);
	}
}

static const char *isal_problem(int rc)
{
	switch (rc) {
	case ISAL_INVALID_WRAPPER:
	case ISAL_UNSUPPORTED_METHOD:
		return "it does not start with a gzip header";
	case ISAL_INCORRECT_CHECKSUM:
		return "its CRC-32 or length does not match the data";
	default:
		return "its compressed data is damaged";
	}
}

int sqz_gunzip_feed(sqz_gunzip *gz, const char *data, size_t len, sqz_gunzip_out out, void *ctx, const char **problem)
{
	struct inflate_state *s = &gz->state;
	if (gz->complete) {
		if (len == 0) {
			return 0;
		}
		*problem = "bytes follow the end of the gzip stream";
		return -1;
	}
	/* len is a libcurl buffer (at most CURL_MAX_READ_SIZE): it fits. */
	s->next_in = (uint8_t *)(uintptr_t)data;
	s->avail_in = (uint32_t)len;
	do {
		s->next_out = gz->piece;
		s->avail_out = sizeof gz->piece;
		int rc = isal_inflate(s);
		if (rc < 0) {
			*problem = isal_problem(rc);
			return -1;
		}
		size_t produced = sizeof gz->piece - s->avail_out;
		if (produced > 0 && out(ctx, (const char *)gz->piece, produced) != 0) {
			return 1;
		}
		if (s->block_state == ISAL_BLOCK_FINISH) {
			gz->complete = 1;
			if (s->avail_in > 0) {
				*problem = "bytes follow the end of the gzip stream";
				return -1;
			}
			return 0;
		}
	} while (s->avail_in > 0 || s->avail_out == 0);
	return 0;
}

const char *sqz_gunzip_library(void)
{
# define SQZ_STR2(x) #x
# define SQZ_STR(x) SQZ_STR2(x)
	return "ISA-L " SQZ_STR(ISAL_MAJOR_VERSION) "." SQZ_STR(ISAL_MINOR_VERSION) "." SQZ_STR(ISAL_PATCH_VERSION);
}

#else /* zlib */

sqz_gunzip *sqz_gunzip_new(void)
{
	sqz_gunzip *gz = sqz_malloc(sizeof *gz);
	if (!gz) {
		return NULL;
	}
	memset(&gz->stream, 0, sizeof gz->stream);
	/* 16 + the largest window: a gzip wrapper and nothing else. */
	if (inflateInit2(&gz->stream, 16 + MAX_WBITS) != Z_OK) {
		sqz_free(gz);
		return NULL;
	}
	gz->complete = 0;
	return gz;
}

void sqz_gunzip_free(sqz_gunzip *gz)
{
	if (gz) {
		inflateEnd(&gz->stream);
		sqz_free(gz);
	}
}

/* From zlib's own words: "incorrect header check", "unknown compression
 * method", "incorrect data check", "incorrect length check", ... */
static const char *zlib_problem(const char *msg)
{
	if (msg && strstr(msg, "header")) {
		return "it does not start with a gzip header";
	}
	if (msg && (strstr(msg, "data check") || strstr(msg, "length check"))) {
		return "its CRC-32 or length does not match the data";
	}
	return "its compressed data is damaged";
}

int sqz_gunzip_feed(sqz_gunzip *gz, const char *data, size_t len, sqz_gunzip_out out, void *ctx, const char **problem)
{
	z_stream *z = &gz->stream;
	if (gz->complete) {
		if (len == 0) {
			return 0;
		}
		*problem = "bytes follow the end of the gzip stream";
		return -1;
	}
	z->next_in = (Bytef *)(uintptr_t)data;
	z->avail_in = (uInt)len;
	do {
		z->next_out = gz->piece;
		z->avail_out = sizeof gz->piece;
		int rc = inflate(z, Z_NO_FLUSH);
		if (rc == Z_DATA_ERROR) {
			*problem = zlib_problem(z->msg);
			return -1;
		}
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			*problem = "its compressed data is damaged";
			return -1;
		}
		size_t produced = sizeof gz->piece - z->avail_out;
		if (produced > 0 && out(ctx, (const char *)gz->piece, produced) != 0) {
			return 1;
		}
		if (rc == Z_STREAM_END) {
			gz->complete = 1;
			if (z->avail_in > 0) {
				*problem = "bytes follow the end of the gzip stream";
				return -1;
			}
			return 0;
		}
		if (rc == Z_BUF_ERROR && produced == 0) {
			break;    /* every byte taken, nothing more to give until more arrive */
		}
	} while (z->avail_in > 0 || z->avail_out == 0);
	return 0;
}

const char *sqz_gunzip_library(void)
{
	return "zlib " ZLIB_VERSION;
}

#endif

int sqz_gunzip_complete(const sqz_gunzip *gz)
{
	return gz->complete;
}
