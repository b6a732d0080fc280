/* sql_store.c (PdoStore's statements, DDL, lock names, error text) and
 * range_lock.c (its SQLite locks), without a database or PHP. */
#define _GNU_SOURCE /* F_OFD_SETLK */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "core/alloc.h"
#include "core/clock.h"
#include "core/range_lock.h"
#include "core/sql_store.h"

static void test_dialects(void)
{
	CHECK_INT(sqz_sql_dialect_from_driver("pgsql", 5), SQZ_SQL_PGSQL);
	CHECK_INT(sqz_sql_dialect_from_driver("mysql", 5), SQZ_SQL_MYSQL);
	CHECK_INT(sqz_sql_dialect_from_driver("sqlite", 6), SQZ_SQL_SQLITE);
	CHECK_INT(sqz_sql_dialect_from_driver("sqlite2", 7), SQZ_SQL_UNKNOWN);
	CHECK_INT(sqz_sql_dialect_from_driver("oci", 3), SQZ_SQL_UNKNOWN);
	CHECK_INT(sqz_sql_dialect_from_driver("pgsq", 4), SQZ_SQL_UNKNOWN);
	CHECK_STR(sqz_sql_dialect_name(SQZ_SQL_MYSQL), "mysql");
	CHECK(sqz_sql_dialect_name(SQZ_SQL_UNKNOWN) == NULL);
}

static void test_table_names(void)
{
	const char *good[] = { "sqzgraph_store", "_x", "A1", "squeeze.sqzgraph_store", "order",
		"a23456789012345678901234567890123456789012345678901234567890123" };   /* 63 bytes */
	const char *bad[] = { "", "1abc", "a-b", "a b", "a;drop", "\"x\"", "`x`", "a.", ".a", "a.b.c", "é",
		"a234567890123456789012345678901234567890123456789012345678901234" };   /* 64 bytes */
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		CHECK(sqz_sql_table_valid(good[i], strlen(good[i])));
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (sqz_sql_table_valid(bad[i], strlen(bad[i]))) {
			fprintf(stderr, "accepted: %s\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK(!sqz_sql_table_valid("ab\0c", 4));
	CHECK(!sqz_sql_table_valid(NULL, 0));
}

static void test_statements(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_sql_statements s;
	CHECK_INT(sqz_sql_statements_build(SQZ_SQL_PGSQL, "squeeze.store", &s, &err), SQZ_OK);
	CHECK_STR(s.get, "SELECT v FROM \"squeeze\".\"store\" WHERE ns = ? AND k = ?");
	CHECK_STR(s.put, "INSERT INTO \"squeeze\".\"store\" (ns, k, v, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (ns, k) "
			 "DO UPDATE SET v = EXCLUDED.v, updated_at = EXCLUDED.updated_at");
	CHECK_STR(s.del, "DELETE FROM \"squeeze\".\"store\" WHERE ns = ? AND k = ?");
	CHECK_STR(s.lock, "SELECT pg_try_advisory_lock(CAST(? AS bigint))");
	CHECK_STR(s.unlock, "SELECT pg_advisory_unlock(CAST(? AS bigint))");
	sqz_sql_statements_free(&s);
	CHECK(s.get == NULL);

	CHECK_INT(sqz_sql_statements_build(SQZ_SQL_MYSQL, "t", &s, &err), SQZ_OK);
	CHECK_STR(s.get, "SELECT v FROM `t` WHERE ns = ? AND k = ?");
	CHECK_STR(s.put, "INSERT INTO `t` (ns, k, v, updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE v = VALUES(v), "
			 "updated_at = VALUES(updated_at)");
	CHECK_STR(s.lock, "SELECT GET_LOCK(?, 0)");
	CHECK_STR(s.unlock, "SELECT RELEASE_LOCK(?)");
	sqz_sql_statements_free(&s);

	CHECK_INT(sqz_sql_statements_build(SQZ_SQL_SQLITE, "t", &s, &err), SQZ_OK);
	CHECK(s.lock == NULL && s.unlock == NULL);
	CHECK(strstr(s.put, "excluded.v") != NULL);
	CHECK(strncmp(s.create, "CREATE TABLE IF NOT EXISTS \"t\" (", 32) == 0);
	sqz_sql_statements_free(&s);
	sqz_sql_statements_free(&s);   /* twice is fine */

	CHECK_INT(sqz_sql_statements_build(SQZ_SQL_PGSQL, "a-b", &s, &err), SQZ_E_INTERNAL);
	CHECK(s.get == NULL);
	CHECK_INT(sqz_sql_statements_build(SQZ_SQL_UNKNOWN, "t", &s, &err), SQZ_E_INTERNAL);
	sqz_error_clear(&err);
}

static void test_schema(void)
{
	char *ddl = sqz_sql_schema(SQZ_SQL_MYSQL, "s.t");
	CHECK_STR(ddl, "CREATE TABLE IF NOT EXISTS `s`.`t` (\n"
		       "    ns VARBINARY(255) NOT NULL DEFAULT '',\n"
		       "    k VARBINARY(255) NOT NULL,\n"
		       "    v LONGBLOB NOT NULL,\n"
		       "    updated_at BIGINT NOT NULL,\n"
		       "    PRIMARY KEY (ns, k)\n"
		       ") ENGINE=InnoDB");
	sqz_free(ddl);
	ddl = sqz_sql_schema(SQZ_SQL_SQLITE, "sqzgraph_store");
	CHECK(ddl && strstr(ddl, "ns BLOB NOT NULL DEFAULT x''") != NULL);
	sqz_free(ddl);
	CHECK(sqz_sql_schema(SQZ_SQL_PGSQL, "x\"; DROP TABLE y; --") == NULL);
	CHECK(sqz_sql_schema(SQZ_SQL_UNKNOWN, "t") == NULL);
}

static void test_lock_names(void)
{
	/* Stable across builds and machines: two hosts must derive one name. */
	int64_t id = sqz_sql_lock_id("sqzgraph_store", "", 0, "import", 6);
	CHECK(id == sqz_sql_lock_id("sqzgraph_store", "", 0, "import", 6));
	CHECK(id != sqz_sql_lock_id("sqzgraph_store", "", 0, "imporT", 6));
	CHECK(id != sqz_sql_lock_id("sqzgraph_store", "mb", 2, "import", 6));
	CHECK(id != sqz_sql_lock_id("other", "", 0, "import", 6));
	/* One table spelt with and without its schema is one lock. */
	CHECK(id == sqz_sql_lock_id("public.sqzgraph_store", "", 0, "import", 6));
	/* (ns "a", key "bc") and (ns "ab", key "c") are different locks. */
	CHECK(sqz_sql_lock_id("t", "a", 1, "bc", 2) != sqz_sql_lock_id("t", "ab", 2, "c", 1));
	CHECK(sqz_sql_lock_id("t", "", 0, "k\0x", 3) != sqz_sql_lock_id("t", "", 0, "k\0y", 3));

	char name[SQZ_SQL_LOCK_NAME_LEN + 1], again[SQZ_SQL_LOCK_NAME_LEN + 1];
	sqz_sql_lock_name("t", "mb", 2, "token", 5, name);
	sqz_sql_lock_name("s.t", "mb", 2, "token", 5, again);
	CHECK_INT(strlen(name), 64);
	CHECK(strncmp(name, "sqzgraph:", 9) == 0);
	CHECK_STR(name, again);
	sqz_sql_lock_name("t", "mb", 2, "tokem", 5, again);
	CHECK(strcmp(name, again) != 0);

	uint64_t off = sqz_sql_lock_offset("t", "", 0, "token", 5);
	CHECK(off < ((uint64_t)1 << 62));
	CHECK(off != sqz_sql_lock_offset("t", "", 0, "tokens", 6));
	CHECK(off == sqz_sql_lock_offset("main.t", "", 0, "token", 5));
}

static void test_errors(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	CHECK(sqz_sql_is_missing_table(SQZ_SQL_PGSQL, "42P01", "ERROR:  relation \"t\" does not exist"));
	CHECK(!sqz_sql_is_missing_table(SQZ_SQL_PGSQL, "42501", "permission denied"));
	CHECK(sqz_sql_is_missing_table(SQZ_SQL_MYSQL, "42S02", NULL));
	CHECK(sqz_sql_is_missing_table(SQZ_SQL_SQLITE, "HY000", "no such table: t"));
	CHECK(!sqz_sql_is_missing_table(SQZ_SQL_SQLITE, "HY000", "database is locked"));
	CHECK(!sqz_sql_is_missing_table(SQZ_SQL_PGSQL, NULL, NULL));

	CHECK_INT(sqz_sql_error(&err, SQZ_SQL_PGSQL, "t", "get of record 'token'", "42P01",
			  "ERROR:  relation \"t\" does not exist\nLINE 1: SELECT v FROM \"t\"\n   ^"),
		SQZ_E_STORE);
	CHECK_STR(err.message, "PdoStore (pgsql, table \"t\"): get of record 'token' failed: SQLSTATE[42P01]: ERROR:  relation "
			       "\"t\" does not exist; the table does not exist: run createTable() or apply the DDL of "
			       "SqzGraph\\PdoStore::schema('pgsql', 't') in your migrations");
	sqz_sql_error(&err, SQZ_SQL_MYSQL, "t", "put of record 'x'", "HY000", "MySQL server has gone away");
	CHECK_STR(err.message, "PdoStore (mysql, table \"t\"): put of record 'x' failed: SQLSTATE[HY000]: MySQL server has gone away");
	sqz_sql_error(&err, SQZ_SQL_SQLITE, "t", "delete of record 'x'", NULL, NULL);
	CHECK_STR(err.message, "PdoStore (sqlite, table \"t\"): delete of record 'x' failed: SQLSTATE[?????]: (the driver gave no message)");
	sqz_error_clear(&err);
}

static void test_range_lock(void)
{
	char path[] = "/tmp/sqz-range-lock-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_range_lock_file *a = NULL, *b = NULL;
	CHECK_INT(sqz_range_lock_open(path, &a, &err), SQZ_OK);
	CHECK_INT(sqz_range_lock_open(path, &b, &err), SQZ_OK);
	CHECK_STR(sqz_range_lock_path(a), path);
	int got = 0;
	CHECK_INT(sqz_range_lock_acquire(a, 12345, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	CHECK_INT(sqz_range_lock_acquire(a, 12345, 0, &got, &err), SQZ_OK);   /* its own byte again */
	CHECK_INT(got, 1);
#ifdef F_OFD_SETLK
	/* Two open files of one process exclude each other (OFD locks). */
	double t0 = sqz_clock_monotonic();
	CHECK_INT(sqz_range_lock_acquire(b, 12345, 0.15, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	CHECK(sqz_clock_monotonic() - t0 >= 0.14);
#endif
	CHECK_INT(sqz_range_lock_acquire(b, 12346, 0, &got, &err), SQZ_OK);   /* the next byte is another lock */
	CHECK_INT(got, 1);

	/* Another process is excluded, and a holder killed with SIGKILL frees it. */
	int ready[2];
	CHECK(pipe(ready) == 0);
	pid_t child = fork();
	if (child == 0) {
		sqz_range_lock_file *c = NULL;
		sqz_error cerr = SQZ_ERROR_INIT;
		int cgot = 0;
		if (sqz_range_lock_open(path, &c, &cerr) != SQZ_OK || sqz_range_lock_acquire(c, 999, 0, &cgot, &cerr) != SQZ_OK || !cgot) {
			_exit(1);
		}
		if (write(ready[1], "x", 1) != 1) {
			_exit(1);
		}
		pause();
		_exit(0);
	}
	char byte;
	CHECK(read(ready[0], &byte, 1) == 1);
	CHECK_INT(sqz_range_lock_acquire(a, 999, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	CHECK_INT(sqz_range_lock_acquire(a, 999, 2.0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	close(ready[0]);
	close(ready[1]);

	CHECK_INT(sqz_range_lock_release(a, 12345, &err), SQZ_OK);
	CHECK_INT(sqz_range_lock_acquire(b, 12345, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	CHECK_INT(sqz_range_lock_release(a, 777, &err), SQZ_OK);   /* never held: nothing happens */
	sqz_range_lock_close(a);
	sqz_range_lock_close(b);
	sqz_range_lock_close(NULL);

	CHECK_INT(sqz_range_lock_open("/nonexistent-dir/x.sqzgraph-lock", &a, &err), SQZ_E_STORE);
	CHECK(a == NULL);
	CHECK(strstr(err.message, "/nonexistent-dir/x.sqzgraph-lock") != NULL);
	sqz_error_clear(&err);
	unlink(path);
}

int main(void)
{
	RUN(test_dialects);
	RUN(test_table_names);
	RUN(test_statements);
	RUN(test_schema);
	RUN(test_lock_names);
	RUN(test_errors);
	RUN(test_range_lock);
	return check_summary();
}
