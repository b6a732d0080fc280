#include <string.h>

#include "sql_store.h"
#include "alloc.h"
#include "buf.h"
#include "crypto.h"

sqz_sql_dialect sqz_sql_dialect_from_driver(const char *driver, size_t len)
{
	if (len == 5 && memcmp(driver, "pgsql", 5) == 0) {
		return SQZ_SQL_PGSQL;
	}
	if (len == 5 && memcmp(driver, "mysql", 5) == 0) {
		return SQZ_SQL_MYSQL;
	}
	if (len == 6 && memcmp(driver, "sqlite", 6) == 0) {
		return SQZ_SQL_SQLITE;
	}
	return SQZ_SQL_UNKNOWN;
}

const char *sqz_sql_dialect_name(sqz_sql_dialect d)
{
	switch (d) {
	case SQZ_SQL_PGSQL: return "pgsql";
	case SQZ_SQL_MYSQL: return "mysql";
	case SQZ_SQL_SQLITE: return "sqlite";
	default: return NULL;
	}
}

static int identifier_part_valid(const char *s, size_t len)
{
	if (len == 0 || len > SQZ_SQL_IDENTIFIER_MAX) {
		return 0;
	}
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
		int digit = c >= '0' && c <= '9';
		if (!letter && !(digit && i > 0)) {
			return 0;
		}
	}
	return 1;
}

int sqz_sql_table_valid(const char *table, size_t len)
{
	if (!table) {
		return 0;
	}
	const char *dot = memchr(table, '.', len);
	if (!dot) {
		return identifier_part_valid(table, len);
	}
	size_t first = (size_t)(dot - table);
	return identifier_part_valid(table, first) && identifier_part_valid(dot + 1, len - first - 1);
}

/* Appends table quoted for d: "a"."b" or `a`.`b` (the parts were validated,
 * so no quote character can be inside). */
static void append_quoted_table(sqz_buf *b, sqz_sql_dialect d, const char *table)
{
	char q = d == SQZ_SQL_MYSQL ? '`' : '"';
	sqz_buf_append(b, &q, 1);
	for (const char *p = table; *p; p++) {
		if (*p == '.') {
			char sep[3] = { q, '.', q };
			sqz_buf_append(b, sep, 3);
		} else {
			sqz_buf_append(b, p, 1);
		}
	}
	sqz_buf_append(b, &q, 1);
}

/* One statement: prefix, the quoted table, suffix. NULL when memory ran out. */
static char *statement(sqz_sql_dialect d, const char *table, const char *prefix, const char *suffix)
{
	sqz_buf b = SQZ_BUF_INIT;
	sqz_buf_appends(&b, prefix);
	append_quoted_table(&b, d, table);
	if (sqz_buf_appends(&b, suffix) != 0) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

char *sqz_sql_schema(sqz_sql_dialect d, const char *table)
{
	if (!table || !sqz_sql_table_valid(table, strlen(table))) {
		return NULL;
	}
	/* ns and k are bytes like the values: a namespace or key is whatever the
	 * caller passes, and a text column would refuse NUL or invalid UTF-8.
	 * updated_at (epoch seconds, UTC) is for administrators: when a record
	 * was last written. */
	switch (d) {
	case SQZ_SQL_PGSQL:
		return statement(d, table, "CREATE TABLE IF NOT EXISTS ",
			" (\n"
			"    ns bytea NOT NULL DEFAULT '',\n"
			"    k bytea NOT NULL,\n"
			"    v bytea NOT NULL,\n"
			"    updated_at bigint NOT NULL,\n"
			"    PRIMARY KEY (ns, k)\n"
			")");
	case SQZ_SQL_MYSQL:
		return statement(d, table, "CREATE TABLE IF NOT EXISTS ",
			" (\n"
			"    ns VARBINARY(255) NOT NULL DEFAULT '',\n"
			"    k VARBINARY(255) NOT NULL,\n"
			"    v LONGBLOB NOT NULL,\n"
			"    updated_at BIGINT NOT NULL,\n"
			"    PRIMARY KEY (ns, k)\n"
			") ENGINE=InnoDB");
	case SQZ_SQL_SQLITE:
		return statement(d, table, "CREATE TABLE IF NOT EXISTS ",
			" (\n"
			"    ns BLOB NOT NULL DEFAULT x'',\n"
			"    k BLOB NOT NULL,\n"
			"    v BLOB NOT NULL,\n"
			"    updated_at INTEGER NOT NULL,\n"
			"    PRIMARY KEY (ns, k)\n"
			")");
	default:
		return NULL;
	}
}

sqz_status sqz_sql_statements_build(sqz_sql_dialect d, const char *table, sqz_sql_statements *out, sqz_error *err)
{
	memset(out, 0, sizeof *out);
	if (d == SQZ_SQL_UNKNOWN || !table || !sqz_sql_table_valid(table, strlen(table))) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "PdoStore statements asked for an unknown driver or an invalid table name");
	}
	const char *upsert;
	switch (d) {
	case SQZ_SQL_MYSQL:
		upsert = " (ns, k, v, updated_at) VALUES (?, ?, ?, ?)"
			 " ON DUPLICATE KEY UPDATE v = VALUES(v), updated_at = VALUES(updated_at)";
		out->lock = sqz_strdup("SELECT GET_LOCK(?, 0)");
		out->unlock = sqz_strdup("SELECT RELEASE_LOCK(?)");
		break;
	case SQZ_SQL_PGSQL:
		upsert = " (ns, k, v, updated_at) VALUES (?, ?, ?, ?)"
			 " ON CONFLICT (ns, k) DO UPDATE SET v = EXCLUDED.v, updated_at = EXCLUDED.updated_at";
		/* The cast picks the bigint form of the overloaded functions
		 * whatever type the driver gives the parameter. */
		out->lock = sqz_strdup("SELECT pg_try_advisory_lock(CAST(? AS bigint))");
		out->unlock = sqz_strdup("SELECT pg_advisory_unlock(CAST(? AS bigint))");
		break;
	default:
		upsert = " (ns, k, v, updated_at) VALUES (?, ?, ?, ?)"
			 " ON CONFLICT (ns, k) DO UPDATE SET v = excluded.v, updated_at = excluded.updated_at";
		break;
	}
	out->get = statement(d, table, "SELECT v FROM ", " WHERE ns = ? AND k = ?");
	out->put = statement(d, table, "INSERT INTO ", upsert);
	out->del = statement(d, table, "DELETE FROM ", " WHERE ns = ? AND k = ?");
	out->create = sqz_sql_schema(d, table);
	if (!out->get || !out->put || !out->del || !out->create
		|| (d != SQZ_SQL_SQLITE && (!out->lock || !out->unlock))) {
		sqz_sql_statements_free(out);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	return SQZ_OK;
}

void sqz_sql_statements_free(sqz_sql_statements *s)
{
	sqz_free(s->get);
	sqz_free(s->put);
	sqz_free(s->del);
	sqz_free(s->create);
	sqz_free(s->lock);
	sqz_free(s->unlock);
	memset(s, 0, sizeof *s);
}

/* SHA-256 over a framing that keeps (table, ns, key) triples apart: the
 * table's own name has no NUL (validated) and ns carries its length. */
static void lock_digest(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len,
	unsigned char out[SQZ_SHA256_LEN])
{
	static const char label[] = "sqzgraph lock v2";
	const char *dot = strrchr(table, '.');
	const char *own_name = dot ? dot + 1 : table;
	sqz_buf b = SQZ_BUF_INIT;
	unsigned char len_be[8];
	for (int i = 0; i < 8; i++) {
		len_be[i] = (unsigned char)((uint64_t)ns_len >> (56 - 8 * i));
	}
	sqz_buf_append(&b, label, sizeof label);   /* with its NUL */
	sqz_buf_append(&b, own_name, strlen(own_name) + 1);
	sqz_buf_append(&b, len_be, sizeof len_be);
	sqz_buf_append(&b, ns, ns_len);
	if (sqz_buf_append(&b, key, key_len) != 0 || sqz_sha256(b.data, b.len, out) != 0) {
		/* Out of memory: a constant name is still a correct lock, one that
		 * every key shares. */
		memset(out, 0, SQZ_SHA256_LEN);
	}
	sqz_buf_free(&b);
}

static uint64_t first_u64(const unsigned char d[SQZ_SHA256_LEN])
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++) {
		v = (v << 8) | d[i];
	}
	return v;
}

int64_t sqz_sql_lock_id(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len)
{
	unsigned char d[SQZ_SHA256_LEN];
	lock_digest(table, ns, ns_len, key, key_len, d);
	uint64_t u = first_u64(d);
	int64_t v;
	memcpy(&v, &u, sizeof v);   /* two's complement: any bigint is an advisory lock id */
	return v;
}

void sqz_sql_lock_name(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len, char out[SQZ_SQL_LOCK_NAME_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char d[SQZ_SHA256_LEN];
	lock_digest(table, ns, ns_len, key, key_len, d);
	memcpy(out, "sqzgraph:", 9);
	/* 55 hex digits after the prefix: 220 bits of the digest. */
	for (int i = 0; i < SQZ_SQL_LOCK_NAME_LEN - 9; i++) {
		unsigned char byte = d[i / 2];
		out[9 + i] = hex[(i % 2) ? (byte & 15) : (byte >> 4)];
	}
	out[SQZ_SQL_LOCK_NAME_LEN] = '\0';
}

uint64_t sqz_sql_lock_offset(const char *table, const char *ns, size_t ns_len, const char *key, size_t key_len)
{
	unsigned char d[SQZ_SHA256_LEN];
	lock_digest(table, ns, ns_len, key, key_len, d);
	/* 62 bits: a positive off_t with room for the locked byte. */
	return first_u64(d) >> 2;
}

static int contains(const char *haystack, const char *needle)
{
	return haystack && strstr(haystack, needle) != NULL;
}

int sqz_sql_is_missing_table(sqz_sql_dialect d, const char *sqlstate, const char *message)
{
	switch (d) {
	case SQZ_SQL_PGSQL:
		return sqlstate && strcmp(sqlstate, "42P01") == 0;
	case SQZ_SQL_MYSQL:
		return sqlstate && strcmp(sqlstate, "42S02") == 0;
	case SQZ_SQL_SQLITE:
		/* SQLite has no SQLSTATE of its own: PDO reports HY000 for it. */
		return contains(message, "no such table");
	default:
		return 0;
	}
}

sqz_status sqz_sql_error(sqz_error *err, sqz_sql_dialect d, const char *table, const char *what,
	const char *sqlstate, const char *message)
{
	const char *driver = sqz_sql_dialect_name(d);
	const char *state = sqlstate && *sqlstate ? sqlstate : "?????";
	const char *text = message && *message ? message : "(the driver gave no message)";
	/* PostgreSQL adds the statement and a caret on further lines: the first
	 * line says what is wrong. */
	int text_len = (int)strcspn(text, "\n");
	if (sqz_sql_is_missing_table(d, sqlstate, message)) {
		return sqz_error_set(err, SQZ_E_STORE,
			"PdoStore (%s, table \"%s\"): %s failed: SQLSTATE[%s]: %.*s; the table does not exist: run createTable() "
			"or apply the DDL of SqzGraph\\PdoStore::schema('%s', '%s') in your migrations",
			driver ? driver : "?", table, what, state, text_len, text, driver ? driver : "?", table);
	}
	return sqz_error_set(err, SQZ_E_STORE, "PdoStore (%s, table \"%s\"): %s failed: SQLSTATE[%s]: %.*s",
		driver ? driver : "?", table, what, state, text_len, text);
}
