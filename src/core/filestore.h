/* sqzgraph core: FileStore, the embedded Store — one file per record in a
 * private directory, flock(2) locks, atomic durable writes.
 *
 * Layout of the directory (all names derived from the key, see
 * sqz_filestore_name()):
 *   <name>.rec                 the record: a 48-byte header then the value
 *   <name>.lock                the key's lock file (flock target; never deleted,
 *                              deleting a lock file another process holds
 *                              would let a third one lock a new inode)
 *   <name>.rec.tmp-<16 hex>    a put in progress (or left by a crash; swept
 *                              when older than an hour, at open)
 *
 * Name of a key: "k-" + the key with [A-Za-z0-9._-] kept and every other
 * byte written as "~XX" (uppercase hex) when that is at most
 * SQZ_FILESTORE_NAME_MAX bytes, else "h-" + the lowercase hex SHA-256 of
 * the key. The map is injective ('~' only starts an escape, the prefixes
 * differ), a name never starts with '.', never contains '/' or NUL, and
 * the three suffixes can never be confused (a record name ends in ".rec",
 * a lock name in ".lock", a temp name in a hex digit).
 *
 * Record frame (big-endian): "SQZR" | version 0x01 | 3 zero bytes |
 * uint64 payload length | SHA-256 of the payload, then the payload. A put
 * writes a file of one frame (temp file, fsync, rename, fsync of the
 * directory). put_often (the import journal, once per message) appends a
 * frame and fdatasyncs the file, one sync instead of two and no new file,
 * and puts instead once the file would pass 1 MiB or does not end on a
 * whole frame. The frame it appends is the whole value (version 0x01) or,
 * when the value it wrote last is mostly kept, a change of it (version
 * 0x02, since 0.7.0): the payload is the SHA-256 of the frame before (its
 * header's) | uint64 count of the previous value's first bytes kept | the
 * bytes that follow them — the journal grows by one entry per message, so
 * a change is a few hundred bytes instead of the whole journal. A file
 * never starts with a change, and sqzgraph before 0.7.0 reports a file with
 * one as corrupt (never misreads it); a put leaves one whole frame again;
 * the value is the last whole frame changed by the changes after it (every
 * checksum from that whole frame on is checked), and a frame cut short at the end, or
 * zeros after the last frame, are an append that never returned (so a
 * file cut inside its last frame reads as the value before it: an append
 * log cannot tell that damage from a crash). A file that is short,
 * foreign, of another version, with bytes after its frames that cannot
 * begin one, or whose value's checksum fails is reported as corrupt, never
 * as "no record".
 *
 * Decisions the SPEC leaves open:
 * - Directory: created with its missing parents, each 0700. An existing
 *   directory with group/other permission bits is refused, naming the chmod
 *   that fixes it (never changed behind the administrator's back); one
 *   owned by another user is refused too (records written by this user would
 *   be 0600 and unreadable to the owner's processes — a cron job run as root
 *   against the web server's directory is the classic case).
 * - Locks are re-entrant per FileStore: locking a key this store already
 *   holds succeeds at once and counts; unlock() releases at the count's
 *   zero. Other FileStores (in this process or another) are excluded, each
 *   holding its own open file description. Unlocking a key not held is a
 *   no-op. Closing the store releases every lock; so does process death.
 * - A negative or NaN timeout tries once; an infinite one waits forever.
 *
 * Not thread-safe: one store per thread (PHP objects are per request). */
#ifndef SQZ_FILESTORE_H
#define SQZ_FILESTORE_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/* Longest "k-..." name before the hashed form is used. */
#define SQZ_FILESTORE_NAME_MAX 200

typedef struct sqz_filestore sqz_filestore;

/* Opens (creating when missing) the store directory dir (a C string; a
 * relative path is resolved against the working directory now, once).
 * On success *out receives a store the caller frees with
 * sqz_filestore_close(). On failure returns SQZ_E_STORE (or SQZ_E_NOMEM)
 * with err filled and *out = NULL. */
sqz_status sqz_filestore_open(const char *dir, sqz_filestore **out, sqz_error *err);

/* The vtable view of fs; valid until sqz_filestore_close(fs). The
 * sqz_store does not own fs. */
sqz_store sqz_filestore_store(sqz_filestore *fs);

/* The directory as given to open (owned by fs). */
const char *sqz_filestore_directory(const sqz_filestore *fs);

/* Releases every lock held, closes the directory, frees fs. NULL is fine. */
void sqz_filestore_close(sqz_filestore *fs);

/* The base name of key's files (without ".rec"/".lock"); a new string the
 * caller frees with sqz_free(), NULL when memory ran out. Exposed for tests
 * and for administrators' tooling. */
char *sqz_filestore_name(const char *key, size_t key_len);

#endif
