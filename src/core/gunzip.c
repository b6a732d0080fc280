#include "gunzip.h"
#include "alloc.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#ifdef SQZ_HAVE_ISAL
# include <isa-l.h>
# include <sys/mman.h>
#else
# include <openssl/crypto.h>
# include <zlib.h>
#endif

/* One decoded piece: large enough that a piece costs little per byte,
 * small enough to stay in the cache on its way to the JSON walker. */
#define SQZ_GUNZIP_PIECE 16384

/* Decoders kept for the next answer: Outlook's 4 requests in flight per
 * mailbox (GRAPH-FACTS §5) are the most an import decodes at once. */
#define SQZ_GUNZIP_KEPT 4

struct sqz_gunzip {
#ifdef SQZ_HAVE_ISAL
	struct inflate_state state;
#else
	z_stream stream;
#endif
	int complete;
	unsigned char piece[SQZ_GUNZIP_PIECE];
};

/* Shared by every thread: the answers of one run arrive on the PHP thread
 * and on the prefetch's two, each taking whichever decoder is free. */
static struct {
	pthread_mutex_t lock;
	sqz_gunzip *kept[SQZ_GUNZIP_KEPT];
	size_t count;
} spare = { PTHREAD_MUTEX_INITIALIZER, { NULL }, 0 };

/* A fork while another thread holds the lock would leave it held for ever
 * in the child: the fork waits for it (glibc drops the handlers with the
 * library when PHP unloads the extension). */
static void spare_lock(void)
{
	pthread_mutex_lock(&spare.lock);
}

static void spare_unlock(void)
{
	pthread_mutex_unlock(&spare.lock);
}

static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void spare_init(void)
{
	pthread_atfork(spare_lock, spare_unlock, spare_unlock);
}

static sqz_gunzip *spare_take(void)
{
	sqz_gunzip *gz = NULL;
	pthread_once(&spare_once, spare_init);
	pthread_mutex_lock(&spare.lock);
	if (spare.count > 0) {
		gz = spare.kept[--spare.count];
	}
	pthread_mutex_unlock(&spare.lock);
	return gz;
}

static int spare_keep(sqz_gunzip *gz)
{
	int kept = 0;
	pthread_once(&spare_once, spare_init);
	pthread_mutex_lock(&spare.lock);
	if (spare.count < SQZ_GUNZIP_KEPT) {
		spare.kept[spare.count++] = gz;
		kept = 1;
	}
	pthread_mutex_unlock(&spare.lock);
	return kept;
}

static void destroy(sqz_gunzip *gz);

void sqz_gunzip_drain(void)
{
	for (sqz_gunzip *gz; (gz = spare_take());) {
		destroy(gz);
	}
}

void sqz_gunzip_give_back(sqz_gunzip *gz)
{
	if (gz && !spare_keep(gz)) {
		destroy(gz);
	}
}

#ifdef SQZ_HAVE_ISAL

/* Pages of its own. A state of ISA-L's is about 100 KB (its tables and a
 * copy of the history): from malloc, those of the answers in flight would
 * stay in the heap of each thread that decoded one, and a heap's top given
 * back and taken again costs its page faults every time. Given back here,
 * the kernel clears the pages before it hands them out again, so a token
 * endpoint's answer that passed through leaves nothing behind. */
sqz_gunzip *sqz_gunzip_take(void)
{
	sqz_gunzip *gz = spare_take();
	if (!gz) {
		void *pages = mmap(NULL, sizeof(sqz_gunzip), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (pages == MAP_FAILED) {
			return NULL;
		}
		gz = pages;
	}
	isal_inflate_init(&gz->state);
	gz->state.crc_flag = ISAL_GZIP;    /* parse the header, check the trailer's CRC-32 and length */
	gz->complete = 0;
	return gz;
}

static void destroy(sqz_gunzip *gz)
{
	munmap(gz, sizeof *gz);
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

/* Decodes until the bytes are used up or the stream ends (then *left:
 * what follows it); the return value is sqz_gunzip_feed's. */
static int inflate_into(sqz_gunzip *gz, const char *data, size_t len, sqz_gunzip_out out, void *ctx, const char **problem,
	size_t *left)
{
	struct inflate_state *s = &gz->state;
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
			*left = s->avail_in;
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

sqz_gunzip *sqz_gunzip_take(void)
{
	sqz_gunzip *gz = spare_take();
	if (gz) {
		inflateReset(&gz->stream);
		gz->complete = 0;
		return gz;
	}
	gz = sqz_malloc(sizeof *gz);
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

/* A token endpoint's answer passes through here too: the last piece is
 * overwritten (zlib's window, which it frees itself, is beyond reach). */
static void destroy(sqz_gunzip *gz)
{
	inflateEnd(&gz->stream);
	OPENSSL_cleanse(gz->piece, sizeof gz->piece);
	sqz_free(gz);
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

static int inflate_into(sqz_gunzip *gz, const char *data, size_t len, sqz_gunzip_out out, void *ctx, const char **problem,
	size_t *left)
{
	z_stream *z = &gz->stream;
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
			*left = z->avail_in;
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

int sqz_gunzip_feed(sqz_gunzip *gz, const char *data, size_t len, sqz_gunzip_out out, void *ctx, const char **problem)
{
	static const char after_end[] = "bytes follow the end of the gzip stream";
	if (gz->complete) {
		if (len == 0) {
			return 0;
		}
		*problem = after_end;
		return -1;
	}
	size_t left = 0;
	int rc = inflate_into(gz, data, len, out, ctx, problem, &left);
	if (rc == 0 && left > 0) {
		*problem = after_end;
		return -1;
	}
	return rc;
}

int sqz_gunzip_complete(const sqz_gunzip *gz)
{
	return gz->complete;
}
