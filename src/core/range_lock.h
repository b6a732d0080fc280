/* sqzgraph core: many exclusive locks in one file, one byte each, that the
 * kernel drops when their holder dies — PdoStore's locks on SQLite.
 *
 * SQLite has no named locks of its own (its file locks cover the whole
 * database), and a lease in a table would outlive a killed holder until it
 * expires. A SQLite database lives on one host, so an OS lock beside it is
 * exactly as wide as the database: every process that can open the database
 * can open the lock file.
 *
 * Linux open file description locks (F_OFD_SETLK): owned by the open file,
 * not the process, so two lock files opened in one process exclude each
 * other (two PdoStores, like two FileStores), and closing one never drops
 * the other's locks (the trap of classic POSIX record locks). Where
 * F_OFD_SETLK does not exist the build falls back to classic record locks,
 * which exclude other processes only.
 *
 * Waiting polls (F_OFD_SETLKW has no timeout) with a backoff from 2 ms to
 * 50 ms. Not thread-safe: one lock file per thread. */
#ifndef SQZ_RANGE_LOCK_H
#define SQZ_RANGE_LOCK_H

#include <stdint.h>

#include "error.h"

typedef struct sqz_range_lock_file sqz_range_lock_file;

/* Opens path (creating it 0600 when missing). On failure SQZ_E_STORE with
 * a message naming path and the reason, *out = NULL. */
sqz_status sqz_range_lock_open(const char *path, sqz_range_lock_file **out, sqz_error *err);

/* Locks the byte at offset (< 2^62), waiting at most timeout seconds (an
 * infinite timeout waits forever; <= 0 or NaN tries once). *acquired = 0 on
 * timeout. Locking a byte this file already holds succeeds at once (the
 * caller counts re-entry). */
sqz_status sqz_range_lock_acquire(sqz_range_lock_file *f, uint64_t offset, double timeout, int *acquired, sqz_error *err);

/* Unlocks the byte (nothing happens when it was not locked). */
sqz_status sqz_range_lock_release(sqz_range_lock_file *f, uint64_t offset, sqz_error *err);

/* The path as opened (owned by f). */
const char *sqz_range_lock_path(const sqz_range_lock_file *f);

/* Closes the file: every lock it held is released. NULL is fine. */
void sqz_range_lock_close(sqz_range_lock_file *f);

#endif
