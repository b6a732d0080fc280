/* Shared by the libFuzzer harnesses of tests/fuzz (built by scripts/fuzz.sh
 * with the core sources only, no PHP).
 *
 * - A scripted transport (fake_http.c) replaces libcurl's transfers: the
 *   core's real http.c is compiled with sqz_http_perform{,_many},
 *   sqz_http_sleep, sqz_http_new and sqz_http_free renamed away, so graph.c,
 *   mailbox.c, batch.c and oauth.c run unmodified against responses taken
 *   from the fuzz input, while sqz_http_origin, sqz_http_retry_delay and the
 *   response bookkeeping stay the real ones.
 * - An in-memory Store.
 *
 * Script format (text, so that seeds stay readable and the mutator can
 * splice them): responses separated by a line "%%"; each response is
 *
 *     STATUS\n
 *     Header-Name: value\n        (any number, up to an empty line)
 *     \n
 *     BODY                        (everything up to the next "\n%%\n")
 *
 * STATUS 0 = no response at all (a transport error; header "X-Curl: N"
 * chooses the curl code, 56 "connection reset" by default). A chunk that
 * does not start with a digit is a 200 whose body is the whole chunk. When
 * the script is used up every further request fails with curl error 7, so
 * paging and retry loops always end. */
#ifndef SQZ_FUZZ_SUPPORT_H
#define SQZ_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/http.h"
#include "core/store.h"

/* fake_http.c */
void fz_http_script(const uint8_t *data, size_t len);   /* replaces the script */
void fz_http_reset(void);   /* frees the script */
size_t fz_http_request_count(void);
/* A request carrying "Authorization: Bearer" to any other origin aborts the
 * harness: the SPEC's "a token only goes to graph_endpoint's origin". NULL =
 * no bearer token may be sent at all. */
void fz_http_token_origin(const char *origin);

/* Aborts (a finding for libFuzzer) with a message when cond is false. */
#define FZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* Splits the input at the first '\n': *line (NUL-terminated copy, caller
 * frees) and the rest. No newline: the whole input is the line. */
static inline char *fz_first_line(const uint8_t *data, size_t len, const uint8_t **rest, size_t *rest_len)
{
	const uint8_t *nl = memchr(data, '\n', len);
	size_t n = nl ? (size_t)(nl - data) : len;
	char *line = malloc(n + 1);
	memcpy(line, data, n);
	line[n] = '\0';
	*rest = nl ? nl + 1 : data + len;
	*rest_len = nl ? len - n - 1 : 0;
	return line;
}

/* An error must be complete: a status, a message; the retry_after sane. */
static inline void fz_check_error(const sqz_error *err)
{
	FZ_ASSERT(err->status != SQZ_OK);
	FZ_ASSERT(err->message != NULL && err->message[0] != '\0');
	FZ_ASSERT(err->retry_after >= 0 && err->retry_after <= SQZ_CLOCK_RETRY_AFTER_MAX);
}

/* ---- an in-memory Store (one process, no real locks) ------------------- */

typedef struct fz_rec {
	char *key;
	size_t key_len;
	char *value;
	size_t value_len;
} fz_rec;

typedef struct fz_mem_store {
	fz_rec recs[16];
	size_t count;
	int locks;
} fz_mem_store;

static inline fz_rec *fz_mem_find(fz_mem_store *m, const char *key, size_t key_len)
{
	for (size_t i = 0; i < m->count; i++) {
		if (m->recs[i].key_len == key_len && memcmp(m->recs[i].key, key, key_len) == 0) {
			return &m->recs[i];
		}
	}
	return NULL;
}

static inline sqz_status fz_mem_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	fz_rec *r = fz_mem_find(ctx, key, key_len);
	(void)err;
	*value = NULL;
	*value_len = 0;
	if (r) {
		*value = sqz_malloc(r->value_len + 1);
		memcpy(*value, r->value, r->value_len);
		(*value)[r->value_len] = '\0';
		*value_len = r->value_len;
	}
	return SQZ_OK;
}

static inline sqz_status fz_mem_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	fz_mem_store *m = ctx;
	fz_rec *r = fz_mem_find(m, key, key_len);
	if (!r) {
		if (m->count == sizeof m->recs / sizeof m->recs[0]) {
			return sqz_error_set(err, SQZ_E_STORE, "the fuzz store is full");
		}
		r = &m->recs[m->count++];
		r->key = malloc(key_len + 1);
		memcpy(r->key, key, key_len);
		r->key_len = key_len;
	} else {
		free(r->value);
	}
	r->value = malloc(value_len + 1);
	memcpy(r->value, value, value_len);
	r->value[value_len] = '\0';
	r->value_len = value_len;
	return SQZ_OK;
}

static inline sqz_status fz_mem_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	fz_mem_store *m = ctx;
	fz_rec *r = fz_mem_find(m, key, key_len);
	(void)err;
	if (r) {
		free(r->key);
		free(r->value);
		*r = m->recs[--m->count];
	}
	return SQZ_OK;
}

static inline sqz_status fz_mem_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	(void)key;
	(void)key_len;
	(void)timeout;
	(void)err;
	((fz_mem_store *)ctx)->locks++;
	*acquired = 1;
	return SQZ_OK;
}

static inline sqz_status fz_mem_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	(void)key;
	(void)key_len;
	(void)err;
	((fz_mem_store *)ctx)->locks--;
	return SQZ_OK;
}

static const sqz_store_ops fz_mem_ops = { fz_mem_get, fz_mem_put, fz_mem_del, fz_mem_lock, fz_mem_unlock, NULL };

static inline sqz_store fz_mem_view(fz_mem_store *m)
{
	sqz_store s = { &fz_mem_ops, m };
	return s;
}

static inline void fz_mem_clear(fz_mem_store *m)
{
	for (size_t i = 0; i < m->count; i++) {
		free(m->recs[i].key);
		free(m->recs[i].value);
	}
	memset(m, 0, sizeof *m);
}

#endif
