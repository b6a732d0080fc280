/* sqzgraph core: the one allocation hook of the core.
 *
 * Every allocation of src/core goes through these so that a host (the PHP
 * binding, a C unit test, a fuzzer) can count or redirect them. libcurl,
 * OpenSSL and json-c keep their own allocators: ext/curl and ext/openssl
 * share the process with us and must not see their allocators replaced.
 * The exceptions are pages mapped on purpose, to be given back whole:
 * text_store.c's chunks, batch.c's answer room, the gzip decoders. */
#ifndef SQZ_ALLOC_H
#define SQZ_ALLOC_H

#include <stddef.h>

typedef struct sqz_allocator {
	void *(*malloc_fn)(size_t size);
	void *(*realloc_fn)(void *ptr, size_t size);
	void (*free_fn)(void *ptr);
} sqz_allocator;

/* Replaces the allocator; NULL restores libc's. Call before any other core
 * function (MINIT), never while core objects are alive. */
void sqz_set_allocator(const sqz_allocator *allocator);

/* Abort-free: return NULL on exhaustion; callers report SQZ_E_NOMEM. */
void *sqz_malloc(size_t size);
void *sqz_calloc(size_t count, size_t size);
void *sqz_realloc(void *ptr, size_t size);
void sqz_free(void *ptr);

/* Copies of C strings; the caller frees with sqz_free(). NULL in, NULL out. */
char *sqz_strdup(const char *s);
char *sqz_strndup(const char *s, size_t len);

/* Overwrites then frees a secret (token, key, verifier). NULL is fine. */
void sqz_free_secret(char *s);

#endif
