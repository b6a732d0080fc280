/* sqzgraph core: the Store the core calls — durable bytes plus locks.
 *
 * The core never knows what is behind a store: FileStore (filestore.c), a
 * sealing wrapper (sealed_store.c), or a userland PHP class reached through
 * the binding's bridge (src/php/store.c). Keys and values are byte strings
 * of any content (a PHP string may hold NUL), so both carry a length.
 *
 * Every op returns SQZ_OK or fills err. A host callback that failed with
 * its own error pending (a PHP exception) returns SQZ_E_CALLBACK. */
#ifndef SQZ_STORE_H
#define SQZ_STORE_H

#include <stddef.h>

#include "error.h"

typedef struct sqz_store_ops {
	/* *value receives a new buffer (sqz_free) holding *value_len bytes plus
	 * a NUL, or NULL when no record exists under key. */
	sqz_status (*get)(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err);
	/* Durable when it returns SQZ_OK. */
	sqz_status (*put)(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err);
	/* Deleting a missing record is not an error. */
	sqz_status (*del)(void *ctx, const char *key, size_t key_len, sqz_error *err);
	/* Exclusive across processes; waits at most timeout seconds. *acquired = 0
	 * on timeout (not an error). */
	sqz_status (*lock)(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err);
	sqz_status (*unlock)(void *ctx, const char *key, size_t key_len, sqz_error *err);
	/* Optional (NULL: put): put's promise, durable and atomic, for a record
	 * one writer replaces many times in a row, where the store has a cheaper
	 * way (FileStore appends). */
	sqz_status (*put_often)(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err);
} sqz_store_ops;

typedef struct sqz_store {
	const sqz_store_ops *ops;
	void *ctx;   /* owned by whoever built the sqz_store, not by the core */
} sqz_store;

/* Bytes of a key quoted in a message. */
#define SQZ_STORE_SHOWN_KEY_MAX 120

/* A key as an administrator can read it in a message: printable ASCII
 * kept, other bytes (and '\\') as \xNN, long keys cut with their length.
 * A new string (sqz_free); never NULL unless memory ran out twice. */
char *sqz_store_shown_key(const char *key, size_t len);

/* What an administrator can do about the record key when it cannot be
 * read (damaged, altered): a token record or a pending authorization is
 * made again by authorizing, but the import journal must not simply go —
 * a message it names could be imported again. A static string. */
const char *sqz_store_unreadable_advice(const char *key, size_t key_len);

/* Convenience wrappers for C-string keys. */
static inline sqz_status sqz_store_get(const sqz_store *s, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	return s->ops->get(s->ctx, key, key_len, value, value_len, err);
}
static inline sqz_status sqz_store_put(const sqz_store *s, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	return s->ops->put(s->ctx, key, key_len, value, value_len, err);
}
static inline sqz_status sqz_store_put_often(const sqz_store *s, const char *key, size_t key_len, const char *value, size_t value_len,
	sqz_error *err)
{
	return s->ops->put_often ? s->ops->put_often(s->ctx, key, key_len, value, value_len, err)
				 : s->ops->put(s->ctx, key, key_len, value, value_len, err);
}
static inline sqz_status sqz_store_delete(const sqz_store *s, const char *key, size_t key_len, sqz_error *err)
{
	return s->ops->del(s->ctx, key, key_len, err);
}
static inline sqz_status sqz_store_lock(const sqz_store *s, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	return s->ops->lock(s->ctx, key, key_len, timeout, acquired, err);
}
static inline sqz_status sqz_store_unlock(const sqz_store *s, const char *key, size_t key_len, sqz_error *err)
{
	return s->ops->unlock(s->ctx, key, key_len, err);
}

#endif
