#include "text_store.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

/* A window's listed messages take about 50 KB: one chunk, mostly. */
#define CHUNK_SIZE (64 * 1024)

static sqz_text_chunk *chunk_new(size_t group, size_t need)
{
	size_t size = CHUNK_SIZE;
	if (need > size - sizeof(sqz_text_chunk)) {
		size_t page = 4096;
		size = (sizeof(sqz_text_chunk) + need + page - 1) / page * page;
	}
	void *pages = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED) {
		return NULL;
	}
	sqz_text_chunk *c = pages;
	c->next = NULL;
	c->group = group;
	c->size = size;
	c->used = sizeof *c;
	return c;
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
	size_t below = s->group_size > 0 ? (end + s->group_size - 1) / s->group_size : (size_t)-1;
	sqz_text_chunk **at = &s->chunks;
	while (*at) {
		sqz_text_chunk *c = *at;
		if (c->group < below) {
			*at = c->next;
			munmap(c, c->size);
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
		munmap(c, c->size);
	}
}
