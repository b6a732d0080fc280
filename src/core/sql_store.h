/* sqzgraph core: what PdoStore says to a database, independent of how it
 * reaches it (the binding calls PDO; nothing here runs a statement).
 *
 * One table holds any number of stores: a row is (ns, k) -> v, where ns is
 * the store's namespace (PdoStore option `namespace`, '' by default) so that
 * many mailboxes can share one table without their fixed record keys
 * ("token", "import.journal", ...) meeting. Both ns and k are bytes (bytea /
 * VARBINARY / BLOB), bound as LOBs: binary-safe, never interpolated.
 *
 * The table name is an SQL identifier, optionally schema-qualified
 * ("squeeze.sqzgraph_store"): each part [A-Za-z_][A-Za-z0-9_]*, at most 63
 * bytes (PostgreSQL's limit; MySQL allows 64). It is validated, then always
 * quoted in the dialect's way, so that a reserved word is a valid name too.
 *
 * Lock names are derived from the table's own name (without a schema
 * qualifier: "t" and "public.t" on two hosts must be one lock), namespace
 * and key with SHA-256 and cut to each engine's limits: a bigint for
 * PostgreSQL's advisory locks (scoped to the database), a 64-character name
 * for GET_LOCK (scoped to the whole server), a 62-bit byte offset for the
 * SQLite lock file (range_lock.h). Two tables of one name in two schemas or
 * databases share their locks, which costs only waiting. A collision would
 * make two keys share one lock (never a correctness problem for records,
 * only extra waiting) and has a probability of about 2^-62 per pair. */
#ifndef SQZ_SQL_STORE_H
#define SQZ_SQL_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum sqz_sql_dialect {
	SQZ_SQL_UNKNOWN = 0,
	SQZ_SQL_PGSQL,
	SQZ_SQL_MYSQL,
	SQZ_SQL_SQLITE
} sqz_sql_dialect;

#define SQZ_SQL_DEFAULT_TABLE "sqzgraph_store"
#define SQZ_SQL_IDENTIFIER_MAX 63
#define SQZ_SQL_KEY_MAX 255
#define SQZ_SQL_NAMESPACE_MAX 255
#define SQZ_SQL_VALUE_MAX ((size_t)16 * 1024 * 1024)
/* GET_LOCK names: at most 64 characters on MySQL and MariaDB. */
#define SQZ_SQL_LOCK_NAME_LEN 64

/* The dialect of a PDO driver name ("pgsql", "mysql", "sqlite"), else
 * SQZ_SQL_UNKNOWN. */
sqz_sql_dialect sqz_sql_dialect_from_driver(const char *driver, size_t len);

/* "pgsql", "mysql" or "sqlite" (NULL for SQZ_SQL_UNKNOWN). */
const char *sqz_sql_dialect_name(sqz_sql_dialect d);

/* 1 when table is a valid (optionally schema-qualified) identifier, see
 * above; len is its length (a NUL inside makes it invalid). */
int sqz_sql_table_valid(const char *table, size_t len);

/* The statements of one store, built once per PdoStore. Each is a
 * NUL-terminated string owned by the struct; '?' placeholders in order:
 *   get     SELECT v ... (ns, k)                  -> one row, one column v
 *   put     upsert (ns, k, v, updated_at)          updated_at: epoch seconds
 *   del     DELETE (ns, k)
 *   create  CREATE TABLE IF NOT EXISTS (the DDL of sqz_sql_schema())
 *   lock    try once (pgsql: bigint id; mysql: name) -> one row, one column:
 *           true/1 acquired, false/0 held elsewhere, NULL error (mysql)
 *   unlock  release (same argument)                -> true/1 when it was held
 * lock and unlock are NULL for SQLite (its locks are range_lock.h's). */
typedef struct sqz_sql_statements {
	char *get;
	char *put;
	char *del;
	char *create;
	char *lock;
	char *unlock;
} sqz_sql_statements;

/* Fills out for dialect d and a table that passed sqz_sql_table_valid().
 * On failure (SQZ_E_NOMEM, or SQZ_E_INTERNAL for an unknown dialect or a
 * bad table) out is left zeroed. */
sqz_status sqz_sql_statements_build(sqz_sql_dialect d, const char *table, sqz_sql_statements *out, sqz_error *err);

/* Frees the strings; out is zeroed. Safe on a zeroed struct. */
void sqz_sql_statements_free(sqz_sql_statements *s);

/* The DDL that creates the table (CREATE TABLE IF NOT EXISTS ...), as
 * PdoStore::schema() returns it for an application's own migrations. A new
 * string (sqz_free), NULL when memory ran out or the arguments are invalid. */
char *sqz_sql_schema(sqz_sql_dialect d, const char *table);

/* Lock names (see the header comment); table as given to the store (its
 * schema part is ignored here), ns/key are bytes. */
int64_t sqz_sql_lock_id(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len);
void sqz_sql_lock_name(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len,
	char out[SQZ_SQL_LOCK_NAME_LEN + 1]);
uint64_t sqz_sql_lock_offset(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len);

/* 1 when a failed statement's SQLSTATE (5 characters, may be NULL) and
 * driver message (may be NULL) say that the table does not exist. */
int sqz_sql_is_missing_table(sqz_sql_dialect d, const char *sqlstate, const char *message);

/* Fills err with SQZ_E_STORE for a failed database operation:
 *   "PdoStore (pgsql, table \"t\"): <what> failed: SQLSTATE[42P01]: <driver message>"
 * followed, for a missing table, by the remedy (createTable() or the DDL of
 * PdoStore::schema()). what names the operation and record, e.g.
 * "put of record 'token'" (the caller shows keys with sqz_store_shown_key()).
 * sqlstate and message may be NULL. The driver message is the database's
 * own text about a statement; a DSN or password never reaches it. */
sqz_status sqz_sql_error(sqz_error *err, sqz_sql_dialect d, const char *table, const char *what,
	const char *sqlstate, const char *message);

#endif
