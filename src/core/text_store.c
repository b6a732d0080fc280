#include "text_store.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "alloc.h"

/* Under AddressSanitizer the chunks come from malloc: a string read after
 * its group was released is then reported, where a new mapping at the
 * same address would have hidden it. */
#if defined(__SANITIZE_ADDRESS__)
# define CHUNKS_FROM_MALLOC 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define CHUNKS_FROM_MALLOC 1
# endif
#endif

/* A window's listed messages take about 50 KB: one chunk, mostly. */
#define CHUNK_SIZE (64 * 1024)

static sqz_text_chunk *chunk_new(size_t group, size_t need)
{
	size_t size = CHUNK_SIZE;
	if (need > size - sizeof(sqz_text_chunk)) {
		long page = sysconf(_SC_PAGESIZE);
		size_t p = page > 0 ? (size_t)page : 4096;
		size = (sizeof(sqz_text_chunk) + need + p - 1) / p * p;
	}
#ifdef CHUNKS_FROM_MALLOC
	void *pages = sqz_malloc(size);
	if (!pages) {
		return NULL;
	}
#else
	void *pages = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED) {
		return NULL;
	}
#endif
	sqz_text_chunk *c = pages;
	c->next = NULL;
	c->group = group;
	c->size = size;
	c->used = sizeof *c;
	return c;
}

static void chunk_free(sqz_text_chunk *c)
{
#ifdef CHUNKS_FROM_MALLOC
	sqz_free(c);
#else
	munmap(c, c->size);
#endif
}

char *sqz_text_store_dup(sqz_text_store *s, size_t index, const char *text, size_t len)
{
	if (len >= SIZE_MAX / 2) {
		return NULL;
	}
	size_t group = s->group_size > 0 ? index / s->group_size : 0;
	sqz_text_chunk *c = s->chunks;
	if (!c || c->group != group || c->size - c->used < len + 1) {
		if (!(c = chunk_new(group, len + 1))) {
			return NULL;
		}
		c->next = s->chunks;
		s->chunks = c;
	}
	char *copy = (char *)c + c->used;
	memcpy(copy, text, len);
	copy[len] = '\0';
	c->used += len + 1;
	return copy;
}

void sqz_text_store_release(sqz_text_store *s, size_t end)
{
	size_t below = s->group_size > 0 ? end / s->group_size + (end % s->group_size != 0) : SIZE_MAX;
	sqz_text_chunk **at = &s->chunks;
	while (*at) {
		sqz_text_chunk *c = *at;
		if (c->group < below) {
			*at = c->next;
			chunk_free(c);
		} else {
			at = &c->next;
		}
	}
}

void sqz_text_store_clear(sqz_text_store *s)
{
	while (s->chunks) {
		sqz_text_chunk *c = s->chunks;
		s->chunks = c->next;
		chunk_free(c);
	}
}
