/* gunzip.c: whatever the pieces the bytes arrive in, a gzip stream decodes
 * to what was compressed; a stream cut anywhere is never complete; a damaged
 * trailer, a body that is not gzip and bytes after the end are refused.
 * scripts/core-tests.sh builds this with each library the extension can
 * decode with (ISA-L, zlib). */
#include "check.h"
#include "core/alloc.h"
#include "core/gunzip.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

typedef struct {
	unsigned char *data;
	size_t len, cap;
	size_t refuse_after;    /* 0: never */
} collected;

static int collect(void *ctx, const char *data, size_t len)
{
	collected *c = ctx;
	if (c->refuse_after && c->len + len > c->refuse_after) {
		return 1;
	}
	if (c->len + len > c->cap) {
		c->cap = (c->len + len) * 2;
		c->data = realloc(c->data, c->cap);
	}
	memcpy(c->data + c->len, data, len);
	c->len += len;
	return 0;
}

/* gzip of raw, made with zlib's deflate as a server would. */
static unsigned char *gzip_of(const unsigned char *raw, size_t len, int strategy, size_t *out_len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, strategy);
	size_t cap = deflateBound(&z, len) + 64;
	unsigned char *out = malloc(cap);
	z.next_in = (Bytef *)raw;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	*out_len = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

/* Text like a $batch answer's: base64 and JSON, few long matches. */
static unsigned char *sample(size_t len, unsigned seed)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char *raw = malloc(len);
	for (size_t i = 0; i < len; i++) {
		raw[i] = i % 77 == 76 ? '\n' : (unsigned char)alphabet[(rand_r(&seed) >> 5) % 64];
	}
	memcpy(raw, "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":\"", 46);
	return raw;
}

/* Feeds gz in pieces of `piece` bytes; returns the last feed's result. */
static int feed_all(const unsigned char *gz, size_t len, size_t piece, collected *c, int *complete, const char **problem)
{
	sqz_gunzip *g = sqz_gunzip_take();
	int rc = 0;
	for (size_t off = 0; off < len && rc == 0; off += piece) {
		size_t n = len - off < piece ? len - off : piece;
		rc = sqz_gunzip_feed(g, (const char *)gz + off, n, collect, c, problem);
	}
	*complete = sqz_gunzip_complete(g);
	sqz_gunzip_give_back(g);
	return rc;
}

static void test_pieces(void)
{
	size_t raw_len = 300000, gz_len;
	unsigned char *raw = sample(raw_len, 7);
	int strategies[] = { Z_DEFAULT_STRATEGY, Z_RLE, Z_HUFFMAN_ONLY };
	for (size_t s = 0; s < sizeof strategies / sizeof strategies[0]; s++) {
		unsigned char *gz = gzip_of(raw, raw_len, strategies[s], &gz_len);
		size_t pieces[] = { 1, 2, 3, 7, 64, 1000, 4096, 16384, 65536, gz_len };
		for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
			collected c = { 0 };
			const char *problem = NULL;
			int complete = 0;
			CHECK_INT(feed_all(gz, gz_len, pieces[p], &c, &complete, &problem), 0);
			CHECK(complete);
			CHECK(problem == NULL);
			CHECK(c.len == raw_len && memcmp(c.data, raw, raw_len) == 0);
			free(c.data);
		}
		free(gz);
	}
	free(raw);
}

static void test_empty_and_small(void)
{
	size_t gz_len;
	unsigned char *gz = gzip_of((const unsigned char *)"", 0, Z_DEFAULT_STRATEGY, &gz_len);
	collected c = { 0 };
	const char *problem = NULL;
	int complete = 0;
	CHECK_INT(feed_all(gz, gz_len, 5, &c, &complete, &problem), 0);
	CHECK(complete);
	CHECK_INT(c.len, 0);
	free(gz);

	gz = gzip_of((const unsigned char *)"{\"value\":[]}", 12, Z_DEFAULT_STRATEGY, &gz_len);
	CHECK_INT(feed_all(gz, gz_len, gz_len, &c, &complete, &problem), 0);
	CHECK(complete);
	CHECK(c.len == 12 && memcmp(c.data, "{\"value\":[]}", 12) == 0);
	free(c.data);
	free(gz);
}

/* Every cut in the header and the trailer, one in 97 in between. */
static int near_an_end(size_t cut, size_t len)
{
	return cut < 64 || cut + 64 > len;
}

/* A stream cut anywhere before its last byte decodes to a prefix of the
 * data and is never complete: the HTTP layer then reports the cut. */
static void test_cut_anywhere(void)
{
	size_t raw_len = 40000, gz_len;
	unsigned char *raw = sample(raw_len, 11);
	unsigned char *gz = gzip_of(raw, raw_len, Z_RLE, &gz_len);
	int prefixes = 1, incomplete = 1, errors = 0;
	for (size_t cut = 0; cut < gz_len; cut += near_an_end(cut, gz_len) ? 1 : 97) {
		collected c = { 0 };
		const char *problem = NULL;
		int complete = 1;
		int rc = feed_all(gz, cut, 512, &c, &complete, &problem);
		errors += rc != 0;
		incomplete &= !complete;
		prefixes &= c.len <= raw_len && (c.len == 0 || memcmp(c.data, raw, c.len) == 0);
		free(c.data);
	}
	CHECK_INT(errors, 0);
	CHECK(incomplete);
	CHECK(prefixes);
	free(gz);
	free(raw);
}

static void test_refused(void)
{
	size_t raw_len = 5000, gz_len;
	unsigned char *raw = sample(raw_len, 3);
	unsigned char *gz = gzip_of(raw, raw_len, Z_DEFAULT_STRATEGY, &gz_len);
	collected c = { 0 };
	const char *problem = NULL;
	int complete = 0;

	/* The trailer: CRC-32 (4 bytes), then the length modulo 2^32. */
	for (size_t at = gz_len - 8; at < gz_len; at++) {
		gz[at] ^= 0x01;
		c.len = 0;
		problem = NULL;
		CHECK_INT(feed_all(gz, gz_len, 1000, &c, &complete, &problem), -1);
		CHECK_STR(problem, "its CRC-32 or length does not match the data");
		CHECK(!complete);
		gz[at] ^= 0x01;
	}

	/* Not gzip at all: an HTML page from a proxy, say. */
	c.len = 0;
	CHECK_INT(feed_all((const unsigned char *)"<html><body>502</body></html>", 29, 29, &c, &complete, &problem), -1);
	CHECK_STR(problem, "it does not start with a gzip header");
	CHECK_INT(c.len, 0);

	/* Bytes after the end, also a second gzip member: never read as body. */
	unsigned char *twice = malloc(gz_len * 2);
	memcpy(twice, gz, gz_len);
	memcpy(twice + gz_len, gz, gz_len);
	size_t lens[] = { gz_len + 1, gz_len * 2 };
	for (size_t i = 0; i < 2; i++) {
		c.len = 0;
		problem = NULL;
		CHECK_INT(feed_all(twice, lens[i], 777, &c, &complete, &problem), -1);
		CHECK_STR(problem, "bytes follow the end of the gzip stream");
		CHECK_INT(c.len, raw_len);
	}
	free(twice);

	/* The receiver refusing a piece stops the decoding. */
	collected picky = { .refuse_after = 1000 };
	CHECK_INT(feed_all(gz, gz_len, gz_len, &picky, &complete, &problem), 1);
	CHECK(picky.len <= 1000);
	CHECK(!complete);
	free(picky.data);
	free(c.data);
	free(gz);
	free(raw);
}

/* Damage anywhere: an error, a short body or (where the damage hit bits
 * Huffman coding ignores) the CRC-32 catching it; never what was not sent,
 * and never a read or write out of bounds (ASan). */
static void test_damage_anywhere(void)
{
	size_t raw_len = 20000, gz_len;
	unsigned char *raw = sample(raw_len, 5);
	unsigned char *gz = gzip_of(raw, raw_len, Z_DEFAULT_STRATEGY, &gz_len);
	unsigned seed = 99;
	int wrong_yet_complete = 0;
	for (int round = 0; round < 400; round++) {
		size_t at = (size_t)rand_r(&seed) % gz_len;
		unsigned char bit = (unsigned char)(1u << (rand_r(&seed) % 8));
		gz[at] ^= bit;
		collected c = { 0 };
		const char *problem = NULL;
		int complete = 0;
		feed_all(gz, gz_len, 1 + (size_t)rand_r(&seed) % 3000, &c, &complete, &problem);
		if (complete && (c.len != raw_len || memcmp(c.data, raw, raw_len) != 0)) {
			wrong_yet_complete++;
		}
		free(c.data);
		gz[at] ^= bit;
	}
	CHECK_INT(wrong_yet_complete, 0);
	free(gz);
	free(raw);
}

/* A decoder given back mid-stream (an answer cut short, a transfer
 * cancelled) comes back for the next answer knowing nothing of the old one. */
static void test_given_back_and_taken_again(void)
{
	size_t raw_len = 50000, gz_len;
	unsigned char *raw = sample(raw_len, 21);
	unsigned char *gz = gzip_of(raw, raw_len, Z_DEFAULT_STRATEGY, &gz_len);
	sqz_gunzip *held[6];
	collected c = { 0 };
	const char *problem = NULL;
	for (int i = 0; i < 6; i++) {
		held[i] = sqz_gunzip_take();
		CHECK(held[i] != NULL);
		CHECK_INT(sqz_gunzip_feed(held[i], (const char *)gz, gz_len / 3, collect, &c, &problem), 0);
	}
	for (int i = 0; i < 6; i++) {
		sqz_gunzip_give_back(held[i]);    /* 4 kept, 2 freed */
	}
	for (int round = 0; round < 6; round++) {
		sqz_gunzip *g = sqz_gunzip_take();
		c.len = 0;
		CHECK_INT(sqz_gunzip_feed(g, (const char *)gz, gz_len, collect, &c, &problem), 0);
		CHECK(sqz_gunzip_complete(g));
		CHECK(c.len == raw_len && memcmp(c.data, raw, raw_len) == 0);
		sqz_gunzip_give_back(g);
	}
	sqz_gunzip_drain();
	free(c.data);
	free(gz);
	free(raw);
}

static atomic_int churning;

static void *churn(void *arg)
{
	(void)arg;
	while (atomic_load(&churning)) {
		sqz_gunzip_give_back(sqz_gunzip_take());
	}
	return NULL;
}

/* A fork while another thread takes or gives back a decoder: the child
 * can still use them (the lock is never copied held). */
static void test_fork_while_another_thread_uses_them(void)
{
	pthread_t thread;
	atomic_store(&churning, 1);
	CHECK_INT(pthread_create(&thread, NULL, churn, NULL), 0);
	int children_ok = 0;
	for (int i = 0; i < 100 && children_ok == i; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			alarm(2);    /* a deadlock ends the child with SIGALRM */
			sqz_gunzip_give_back(sqz_gunzip_take());
			sqz_gunzip_drain();
			_exit(0);
		}
		int status = 0;
		waitpid(pid, &status, 0);
		children_ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	atomic_store(&churning, 0);
	pthread_join(thread, NULL);
	CHECK_INT(children_ok, 100);
	sqz_gunzip_drain();
}

static void test_library_named(void)
{
#ifdef SQZ_HAVE_ISAL
	CHECK(strncmp(sqz_gunzip_library(), "ISA-L 2.", 8) == 0);
#else
	CHECK(strncmp(sqz_gunzip_library(), "zlib 1.", 7) == 0);
#endif
}

int main(void)
{
	RUN(test_pieces);
	RUN(test_empty_and_small);
	RUN(test_cut_anywhere);
	RUN(test_refused);
	RUN(test_damage_anywhere);
	RUN(test_given_back_and_taken_again);
	RUN(test_fork_while_another_thread_uses_them);
	RUN(test_library_named);
	sqz_gunzip_drain();
	printf("%s\n", sqz_gunzip_library());
	return check_summary();
}
