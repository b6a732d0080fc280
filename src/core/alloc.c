#include "alloc.h"

#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>

static sqz_allocator current = { malloc, realloc, free };

void sqz_set_allocator(const sqz_allocator *allocator)
{
	if (allocator) {
		current = *allocator;
	} else {
		current.malloc_fn = malloc;
		current.realloc_fn = realloc;
		current.free_fn = free;
	}
}

void *sqz_malloc(size_t size)
{
	return current.malloc_fn(size ? size : 1);
}

void *sqz_calloc(size_t count, size_t size)
{
	if (size && count > (size_t)-1 / size) {
		return NULL;
	}
	size_t total = count * size;
	void *p = sqz_malloc(total);
	if (p && total > 0) {
		memset(p, 0, total);
	}
	return p;
}

void *sqz_realloc(void *ptr, size_t size)
{
	return current.realloc_fn(ptr, size ? size : 1);
}

void sqz_free(void *ptr)
{
	if (ptr) {
		current.free_fn(ptr);
	}
}

char *sqz_strndup(const char *s, size_t len)
{
	if (!s) {
		return NULL;
	}
	char *copy = sqz_malloc(len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

char *sqz_strdup(const char *s)
{
	return s ? sqz_strndup(s, strlen(s)) : NULL;
}

void sqz_free_secret(char *s)
{
	if (s) {
		/* OPENSSL_cleanse: a plain memset before free may be optimised away. */
		OPENSSL_cleanse(s, strlen(s));
		sqz_free(s);
	}
}
