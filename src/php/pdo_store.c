/* SqzGraph\PdoStore: the Store on the application's PDO connection. What
 * is said to the database comes from src/core/sql_store (statements, DDL,
 * lock names, error text) and src/core/range_lock (SQLite's locks); this
 * file only talks to the PDO object, through its PHP methods, so that no
 * PDO internals are assumed and a PDO subclass behaves as PHP code sees it.
 *
 * Every operation runs as one "session" on the caller's PDO:
 *   - an exception already pending (the core releasing a lock on its way out
 *     of a failure) is set aside and put back after;
 *   - the PDO's error mode is switched to ERRMODE_SILENT and restored, so
 *     that a failure is read from errorInfo() whatever mode the caller uses,
 *     and no warning is ever printed;
 *   - nothing else of the caller's PDO is changed: statements name their
 *     fetch mode, values are bound with explicit types, and a bytea column
 *     arriving as a stream (pdo_pgsql) is read here.
 * Prepared statements are kept for the object's life (one prepare per
 * kind); a statement that failed is dropped and prepared again next time. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <math.h>
#include <time.h>
#include <unistd.h>

#include "php.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "ext/pdo/php_pdo_driver.h"

#include "classes.h"
#include "runtime.h"
#include "errors.h"
#include "store.h"
#include "php_sqzgraph.h"
#include "pdo_store_arginfo.h"
#include "core/alloc.h"
#include "core/clock.h"
#include "core/range_lock.h"
#include "core/sql_store.h"

static zend_class_entry *php_sqz_pdo_store_ce;
static zend_object_handlers pdo_store_handlers;

enum { STMT_GET,
	STMT_PUT,
	STMT_DEL,
	STMT_LOCK,
	STMT_UNLOCK,
	STMT_COUNT };

typedef struct php_sqz_pdo_store {
	zval pdo;     /* the caller's PDO, one counted reference; UNDEF until constructed */
	sqz_sql_dialect dialect;
	zend_string *table;
	zend_string *ns;
	sqz_sql_statements sql;
	zval stmts[STMT_COUNT];     /* prepared PDOStatements, UNDEF until first use */
	HashTable held;             /* key -> depth of the locks this object holds */
	sqz_range_lock_file *sqlite_locks;   /* SQLite: opened at the first lock */
	bool sqlite_memory;         /* SQLite without a file: locks are this object's only */
	pid_t owner_pid;            /* the process that constructed it (see op_unlock) */
	php_sqz_native_store native;   /* last */
} php_sqz_pdo_store;

static inline php_sqz_pdo_store *pdo_store_from_obj(zend_object *obj)
{
	return (php_sqz_pdo_store *)((char *)obj - XtOffsetOf(php_sqz_pdo_store, native.std));
}

#define Z_PDO_STORE_P(zv) pdo_store_from_obj(Z_OBJ_P(zv))

/* ---- calling PHP methods ---------------------------------------------- */

/* Calls obj->name(...args) (name in lowercase). Returns false when the
 * method does not exist, a fatal error was caught, or it threw; the
 * exception then stays pending for the caller to convert. */
static bool call_method(zval *obj, const char *name, size_t name_len, zval *ret, uint32_t argc, zval *argv)
{
	ZVAL_UNDEF(ret);
	zend_function *fn = zend_hash_str_find_ptr(&Z_OBJCE_P(obj)->function_table, name, name_len);
	if (!fn) {
		return false;
	}
	bool ok;
	PHP_SQZ_CALL_GUARDED(zend_call_known_instance_method(fn, Z_OBJ_P(obj), ret, argc, argv), ok);
	return ok && !EG(exception) && !Z_ISUNDEF_P(ret);
}
#define CALL(obj, lit, ret, argc, argv) call_method(obj, lit, sizeof(lit) - 1, ret, argc, argv)

/* Throws a StoreException with message. */
static void store_error(const char *message)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_error_set(&err, SQZ_E_STORE, "%s", message);
	php_sqz_throw_error(&err);
}

/* PDO::getAttribute(attr) into *out, asked the way any PHP code would.
 * false with an exception pending when it failed: the PDO's own, or a
 * StoreException with `failure`. */
static bool pdo_attribute(zval *pdo, zend_long attr, zval *out, const char *failure)
{
	zval arg;
	ZVAL_LONG(&arg, attr);
	if (CALL(pdo, "getattribute", out, 1, &arg)) {
		return true;
	}
	zval_ptr_dtor(out);
	ZVAL_UNDEF(out);
	if (!EG(exception)) {
		store_error(failure);
	}
	return false;
}

/* ---- one operation's session on the caller's PDO ---------------------- */

typedef struct pdo_session {
	php_sqz_pdo_store *ps;
	zend_long saved_errmode;
	bool errmode_switched;
	bool exception_saved;
	bool caller_in_transaction;   /* a transaction was open before our statements */
} pdo_session;

/* Fills err from the pending exception (cleared) or, without one, from
 * errorInfo() of source (a PDOStatement or the PDO). what: see sqz_sql_error. */
static sqz_status database_error(php_sqz_pdo_store *ps, zval *source, const char *what, sqz_error *err)
{
	if (SQZG(unwinding_fatal)) {
		return sqz_error_set(err, SQZ_E_CALLBACK, "the PDO call was not completed: a fatal error is ending the request");
	}
	zend_string *state = NULL, *message = NULL;
	if (EG(exception)) {
		zend_object *ex = EG(exception);
		zend_class_entry *base = instanceof_function(ex->ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error;
		zval rv, *info = NULL;
		if (instanceof_function(ex->ce, zend_ce_exception)) {
			info = zend_read_property(ex->ce, ex, "errorInfo", sizeof("errorInfo") - 1, 1, &rv);
		}
		if (info && Z_TYPE_P(info) == IS_ARRAY) {
			zval *s = zend_hash_index_find(Z_ARRVAL_P(info), 0), *m = zend_hash_index_find(Z_ARRVAL_P(info), 2);
			state = s && Z_TYPE_P(s) == IS_STRING ? zend_string_copy(Z_STR_P(s)) : NULL;
			message = m && Z_TYPE_P(m) == IS_STRING ? zend_string_copy(Z_STR_P(m)) : NULL;
		}
		if (!message) {
			zval *m = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
			message = zend_strpprintf(0, "%s: %s", ZSTR_VAL(ex->ce->name), Z_TYPE_P(m) == IS_STRING ? Z_STRVAL_P(m) : "");
		}
		if (zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex)) {
			/* exit() inside a PDO subclass: let it go on. */
			if (state) {
				zend_string_release(state);
			}
			zend_string_release(message);
			return sqz_error_set(err, SQZ_E_CALLBACK, "exit() was called inside the PDO");
		}
		zend_clear_exception();
	} else if (source) {
		zval info;
		if (CALL(source, "errorinfo", &info, 0, NULL) && Z_TYPE(info) == IS_ARRAY) {
			zval *s = zend_hash_index_find(Z_ARRVAL(info), 0), *m = zend_hash_index_find(Z_ARRVAL(info), 2);
			state = s && Z_TYPE_P(s) == IS_STRING ? zend_string_copy(Z_STR_P(s)) : NULL;
			message = m && Z_TYPE_P(m) == IS_STRING ? zend_string_copy(Z_STR_P(m)) : NULL;
		}
		zval_ptr_dtor(&info);
		if (EG(exception)) {
			zend_clear_exception();
		}
	}
	sqz_sql_error(err, ps->dialect, ZSTR_VAL(ps->table), what, state ? ZSTR_VAL(state) : NULL,
		message ? ZSTR_VAL(message) : NULL);
	if (state) {
		zend_string_release(state);
	}
	if (message) {
		zend_string_release(message);
	}
	return SQZ_E_STORE;
}

/* PDO::inTransaction(); for pdo_mysql and pdo_pgsql the server's own
 * state, so a transaction begun with SQL counts too. */
static sqz_status in_transaction(php_sqz_pdo_store *ps, bool *in, sqz_error *err)
{
	zval ret;
	if (!CALL(&ps->pdo, "intransaction", &ret, 0, NULL)) {
		zval_ptr_dtor(&ret);
		return database_error(ps, &ps->pdo, "PDO::inTransaction()", err);
	}
	*in = zend_is_true(&ret);
	zval_ptr_dtor(&ret);
	return SQZ_OK;
}

static sqz_status session_begin(pdo_session *s, php_sqz_pdo_store *ps, sqz_error *err)
{
	memset(s, 0, sizeof *s);
	s->ps = ps;
	if (SQZG(unwinding_fatal)) {
		return sqz_error_set(err, SQZ_E_CALLBACK, "the PdoStore was not called: a fatal error is ending the request");
	}
	if (EG(exception)) {
		zend_exception_save();
		s->exception_saved = true;
	}
	zval attr, mode;
	ZVAL_LONG(&attr, PDO_ATTR_ERRMODE);
	if (!CALL(&ps->pdo, "getattribute", &mode, 1, &attr)) {
		zval_ptr_dtor(&mode);
		return database_error(ps, &ps->pdo, "reading the PDO's error mode", err);
	}
	s->saved_errmode = zval_get_long(&mode);
	zval_ptr_dtor(&mode);
	if (s->saved_errmode != PDO_ERRMODE_SILENT) {
		zval args[2], ret;
		ZVAL_LONG(&args[0], PDO_ATTR_ERRMODE);
		ZVAL_LONG(&args[1], PDO_ERRMODE_SILENT);
		bool ok = CALL(&ps->pdo, "setattribute", &ret, 2, args);
		zval_ptr_dtor(&ret);
		if (!ok) {
			return database_error(ps, &ps->pdo, "setting the PDO's error mode", err);
		}
		s->errmode_switched = true;
	}
	return in_transaction(ps, &s->caller_in_transaction, err);
}

/* Runs one statement without parameters through PDO::exec(). */
static bool exec_sql(php_sqz_pdo_store *ps, const char *sql_text)
{
	zval sql, ret;
	ZVAL_STRING(&sql, sql_text);
	bool ok = CALL(&ps->pdo, "exec", &ret, 1, &sql) && Z_TYPE(ret) != IS_FALSE;
	zval_ptr_dtor(&sql);
	zval_ptr_dtor(&ret);
	return ok;
}

/* Puts back the error mode and a set-aside exception. An exception thrown
 * by the restore itself is dropped into err (when err still says OK). */
static void session_end(pdo_session *s, sqz_error *err)
{
	/* MySQL with autocommit off (PDO::ATTR_AUTOCOMMIT, or SET autocommit = 0
	 * run as SQL) opens a transaction with our first statement: commit it,
	 * ours alone, or a put would not be durable and a get would pin a
	 * snapshot that hides the next token another host writes. */
	if (s->ps && s->ps->dialect == SQZ_SQL_MYSQL && !s->caller_in_transaction && !SQZG(unwinding_fatal)) {
		bool now = false;
		sqz_error ignored = SQZ_ERROR_INIT;
		if (in_transaction(s->ps, &now, &ignored) == SQZ_OK && now) {
			if (!exec_sql(s->ps, "COMMIT") && err->status == SQZ_OK) {
				database_error(s->ps, &s->ps->pdo, "committing the Store's own statement (autocommit is off)", err);
			}
		}
		sqz_error_clear(&ignored);
	}
	if (s->errmode_switched && !SQZG(unwinding_fatal)) {
		zval args[2], ret;
		ZVAL_LONG(&args[0], PDO_ATTR_ERRMODE);
		ZVAL_LONG(&args[1], s->saved_errmode);
		if (!CALL(&s->ps->pdo, "setattribute", &ret, 2, args) && err->status == SQZ_OK) {
			database_error(s->ps, &s->ps->pdo, "restoring the PDO's error mode", err);
		}
		zval_ptr_dtor(&ret);
		if (EG(exception) && !SQZG(unwinding_fatal)) {
			zend_clear_exception();
		}
	}
	if (s->exception_saved) {
		zend_exception_restore();
	}
}

/* ---- statements --------------------------------------------------------- */

static const char *statement_sql(php_sqz_pdo_store *ps, int kind)
{
	switch (kind) {
	case STMT_GET: return ps->sql.get;
	case STMT_PUT: return ps->sql.put;
	case STMT_DEL: return ps->sql.del;
	case STMT_LOCK: return ps->sql.lock;
	default: return ps->sql.unlock;
	}
}

/* The prepared statement of kind (borrowed), or NULL with err filled. */
static zval *prepared(php_sqz_pdo_store *ps, int kind, const char *what, sqz_error *err)
{
	zval *stmt = &ps->stmts[kind];
	if (Z_TYPE_P(stmt) == IS_OBJECT) {
		return stmt;
	}
	zval sql, ret;
	ZVAL_STRING(&sql, statement_sql(ps, kind));
	bool ok = CALL(&ps->pdo, "prepare", &ret, 1, &sql);
	zval_ptr_dtor(&sql);
	if (!ok || Z_TYPE(ret) != IS_OBJECT) {
		zval_ptr_dtor(&ret);
		database_error(ps, &ps->pdo, what, err);
		return NULL;
	}
	ZVAL_COPY_VALUE(stmt, &ret);
	return stmt;
}

static void forget_statement(php_sqz_pdo_store *ps, int kind)
{
	zval_ptr_dtor(&ps->stmts[kind]);
	ZVAL_UNDEF(&ps->stmts[kind]);
}

static bool bind_bytes(zval *stmt, zend_long pos, const char *bytes, size_t len)
{
	zval args[3], ret;
	ZVAL_LONG(&args[0], pos);
	ZVAL_STRINGL(&args[1], bytes, len);
	ZVAL_LONG(&args[2], PDO_PARAM_LOB);
	bool ok = CALL(stmt, "bindvalue", &ret, 3, args) && zend_is_true(&ret);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&ret);
	return ok;
}

static bool bind_long(zval *stmt, zend_long pos, zend_long v)
{
	zval args[3], ret;
	ZVAL_LONG(&args[0], pos);
	ZVAL_LONG(&args[1], v);
	ZVAL_LONG(&args[2], PDO_PARAM_INT);
	bool ok = CALL(stmt, "bindvalue", &ret, 3, args) && zend_is_true(&ret);
	zval_ptr_dtor(&ret);
	return ok;
}

static bool execute(zval *stmt)
{
	zval ret;
	bool ok = CALL(stmt, "execute", &ret, 0, NULL) && zend_is_true(&ret);
	zval_ptr_dtor(&ret);
	return ok;
}

static void close_cursor(zval *stmt)
{
	zval ret;
	CALL(stmt, "closecursor", &ret, 0, NULL);
	zval_ptr_dtor(&ret);
	if (EG(exception) && !SQZG(unwinding_fatal)) {
		zend_clear_exception();
	}
}

/* Fetches the first column of the next row into *value (a new zval the
 * caller destroys). *found = false when there is no row. */
static bool fetch_first_column(zval *stmt, zval *value, bool *found)
{
	zval mode, row;
	ZVAL_UNDEF(value);
	*found = false;
	ZVAL_LONG(&mode, PDO_FETCH_NUM);
	if (!CALL(stmt, "fetch", &row, 1, &mode)) {
		zval_ptr_dtor(&row);
		return false;
	}
	if (Z_TYPE(row) == IS_ARRAY) {
		zval *first = zend_hash_index_find(Z_ARRVAL(row), 0);
		if (first) {
			ZVAL_COPY(value, first);
			*found = true;
		}
	} else if (Z_TYPE(row) == IS_FALSE) {
		/* No row, or an error: errorInfo() tells (SQLSTATE 00000 = no row). */
		zval info;
		bool failed = false;
		if (CALL(stmt, "errorinfo", &info, 0, NULL) && Z_TYPE(info) == IS_ARRAY) {
			zval *s = zend_hash_index_find(Z_ARRVAL(info), 0);
			failed = s && Z_TYPE_P(s) == IS_STRING && Z_STRLEN_P(s) == 5 && strcmp(Z_STRVAL_P(s), "00000") != 0;
		}
		zval_ptr_dtor(&info);
		zval_ptr_dtor(&row);
		return !failed;
	}
	zval_ptr_dtor(&row);
	return true;
}

/* A column value as bytes: a string, a stream (pdo_pgsql's bytea), or NULL
 * (PDO::NULL_EMPTY_STRING turns '' into NULL; v is NOT NULL in the table). */
static zend_string *column_bytes(zval *v)
{
	if (Z_TYPE_P(v) == IS_STRING) {
		return zend_string_copy(Z_STR_P(v));
	}
	if (Z_TYPE_P(v) == IS_NULL) {
		return ZSTR_EMPTY_ALLOC();
	}
	if (Z_TYPE_P(v) == IS_RESOURCE) {
		php_stream *stream = NULL;
		php_stream_from_zval_no_verify(stream, v);
		if (stream) {
			zend_string *all = php_stream_copy_to_mem(stream, PHP_STREAM_COPY_ALL, 0);
			return all ? all : ZSTR_EMPTY_ALLOC();
		}
		return NULL;
	}
	if (Z_TYPE_P(v) == IS_LONG || Z_TYPE_P(v) == IS_DOUBLE) {
		return zval_get_string(v);   /* a BLOB never arrives as a number; a foreign table might */
	}
	return NULL;
}

/* "<op> of record '<key>'" with the key as an administrator can read it. */
static char *what_for(const char *op, const char *key, size_t key_len)
{
	char *shown = sqz_store_shown_key(key, key_len);
	zend_string *s = zend_strpprintf(0, "%s of record '%s'", op, shown ? shown : "?");
	sqz_free(shown);
	char *out = sqz_strdup(ZSTR_VAL(s));
	zend_string_release(s);
	return out;
}

static sqz_status check_key(php_sqz_pdo_store *ps, const char *key, size_t key_len, sqz_error *err)
{
	if (key_len > SQZ_SQL_KEY_MAX) {
		char *shown = sqz_store_shown_key(key, key_len);
		sqz_error_set(err, SQZ_E_STORE, "PdoStore (%s, table \"%s\"): the key '%s' is longer than %d bytes",
			sqz_sql_dialect_name(ps->dialect), ZSTR_VAL(ps->table), shown ? shown : "?", SQZ_SQL_KEY_MAX);
		sqz_free(shown);
		return SQZ_E_STORE;
	}
	return SQZ_OK;
}

static sqz_status refuse_in_transaction(php_sqz_pdo_store *ps, const char *what, sqz_error *err)
{
	return sqz_error_set(err, SQZ_E_STORE,
		"PdoStore (%s, table \"%s\"): %s refused: a transaction is open on this PDO. A Store write must be "
		"committed when it returns, and committing here would commit your transaction's work too; call it "
		"after your commit() or rollBack(), or give the PdoStore a PDO connection of its own",
		sqz_sql_dialect_name(ps->dialect), ZSTR_VAL(ps->table), what);
}

/* put/delete/createTable must not run inside the caller's transaction. */
static sqz_status check_no_transaction(pdo_session *session, const char *what, sqz_error *err)
{
	php_sqz_pdo_store *ps = session->ps;
	if (!session->caller_in_transaction) {
		return SQZ_OK;
	}
	if (ps->dialect == SQZ_SQL_PGSQL) {
		/* libpq's transaction state of a lost connection is "unknown", which
		 * pdo_pgsql reports as "in a transaction": say what really happened. */
		zval attr, status;
		ZVAL_LONG(&attr, PDO_ATTR_CONNECTION_STATUS);
		bool ok = CALL(&ps->pdo, "getattribute", &status, 1, &attr);
		bool lost = ok && Z_TYPE(status) == IS_STRING && strstr(Z_STRVAL(status), "Bad connection") != NULL;
		zval_ptr_dtor(&status);
		if (EG(exception) && !SQZG(unwinding_fatal)) {
			zend_clear_exception();
		}
		if (lost) {
			return sqz_error_set(err, SQZ_E_STORE,
				"PdoStore (pgsql, table \"%s\"): %s failed: the connection to the database is lost (PostgreSQL restarted, "
				"the session was ended, or the network dropped it); the next run opens a new one",
				ZSTR_VAL(ps->table), what);
		}
	}
	return refuse_in_transaction(ps, what, err);
}

/* SQLite: PHP 8.2's pdo_sqlite reports only the transactions it opened
 * itself (beginTransaction()), not a BEGIN run as SQL, so a write wraps
 * itself in a transaction of its own: SQLite refuses to BEGIN inside
 * another one, and that refusal is how the caller's is seen. A deferred
 * BEGIN takes no lock by itself: the statement takes what it needs, as it
 * would in autocommit mode. Other engines: nothing. */
static sqz_status own_transaction_begin(php_sqz_pdo_store *ps, const char *what, sqz_error *err)
{
	if (ps->dialect != SQZ_SQL_SQLITE || exec_sql(ps, "BEGIN")) {
		return SQZ_OK;
	}
	sqz_error db = SQZ_ERROR_INIT;
	database_error(ps, &ps->pdo, what, &db);
	if (db.message && strstr(db.message, "within a transaction")) {
		sqz_error_clear(&db);
		return refuse_in_transaction(ps, what, err);
	}
	sqz_error_move(err, &db);
	return err->status;
}

/* Commits the write's own transaction, or rolls it back when err says it
 * failed. */
static void own_transaction_end(php_sqz_pdo_store *ps, const char *what, sqz_error *err)
{
	if (ps->dialect != SQZ_SQL_SQLITE) {
		return;
	}
	if (err->status == SQZ_OK) {
		if (exec_sql(ps, "COMMIT")) {
			return;
		}
		database_error(ps, &ps->pdo, what, err);
	}
	if (!exec_sql(ps, "ROLLBACK") && EG(exception) && !SQZG(unwinding_fatal)) {
		zend_clear_exception();
	}
}

/* ---- the store ops ------------------------------------------------------ */

static sqz_status op_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	php_sqz_pdo_store *ps = ctx;
	*value = NULL;
	*value_len = 0;
	if (check_key(ps, key, key_len, err) != SQZ_OK) {
		return err->status;
	}
	pdo_session s;
	char *what = what_for("get", key, key_len);
	if (session_begin(&s, ps, err) == SQZ_OK) {
		zval *stmt = prepared(ps, STMT_GET, what, err);
		if (stmt) {
			zval v;
			bool found = false;
			if (!bind_bytes(stmt, 1, ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns)) || !bind_bytes(stmt, 2, key, key_len)
				|| !execute(stmt) || !fetch_first_column(stmt, &v, &found)) {
				database_error(ps, stmt, what, err);
				forget_statement(ps, STMT_GET);
			} else {
				if (found) {
					zend_string *bytes = column_bytes(&v);
					if (!bytes) {
						sqz_error_set(err, SQZ_E_STORE, "PdoStore (%s, table \"%s\"): %s: the column v arrived as %s, not as bytes",
							sqz_sql_dialect_name(ps->dialect), ZSTR_VAL(ps->table), what, zend_zval_type_name(&v));
					} else {
						*value = sqz_malloc(ZSTR_LEN(bytes) + 1);
						if (!*value) {
							sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
						} else {
							memcpy(*value, ZSTR_VAL(bytes), ZSTR_LEN(bytes));
							(*value)[ZSTR_LEN(bytes)] = '\0';
							*value_len = ZSTR_LEN(bytes);
						}
						zend_string_release(bytes);
					}
				}
				zval_ptr_dtor(&v);
				close_cursor(stmt);
			}
		}
	}
	session_end(&s, err);
	sqz_free(what);
	if (err->status != SQZ_OK) {
		sqz_free(*value);
		*value = NULL;
		*value_len = 0;
		return err->status;
	}
	return SQZ_OK;
}

static sqz_status op_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	php_sqz_pdo_store *ps = ctx;
	if (check_key(ps, key, key_len, err) != SQZ_OK) {
		return err->status;
	}
	if (value_len > SQZ_SQL_VALUE_MAX) {
		char *shown = sqz_store_shown_key(key, key_len);
		sqz_error_set(err, SQZ_E_STORE, "PdoStore (%s, table \"%s\"): the value for record '%s' has %zu bytes, more than the 16 MiB a PdoStore record holds",
			sqz_sql_dialect_name(ps->dialect), ZSTR_VAL(ps->table), shown ? shown : "?", value_len);
		sqz_free(shown);
		return SQZ_E_STORE;
	}
	pdo_session s;
	char *what = what_for("put", key, key_len);
	if (session_begin(&s, ps, err) == SQZ_OK && check_no_transaction(&s, what, err) == SQZ_OK
		&& own_transaction_begin(ps, what, err) == SQZ_OK) {
		zval *stmt = prepared(ps, STMT_PUT, what, err);
		if (stmt) {
			if (!bind_bytes(stmt, 1, ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns)) || !bind_bytes(stmt, 2, key, key_len)
				|| !bind_bytes(stmt, 3, value, value_len) || !bind_long(stmt, 4, (zend_long)time(NULL))
				|| !execute(stmt)) {
				database_error(ps, stmt, what, err);
				forget_statement(ps, STMT_PUT);
			} else {
				close_cursor(stmt);
			}
		}
		own_transaction_end(ps, what, err);
	}
	session_end(&s, err);
	sqz_free(what);
	return err->status;
}

static sqz_status op_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	php_sqz_pdo_store *ps = ctx;
	if (check_key(ps, key, key_len, err) != SQZ_OK) {
		return err->status;
	}
	pdo_session s;
	char *what = what_for("delete", key, key_len);
	if (session_begin(&s, ps, err) == SQZ_OK && check_no_transaction(&s, what, err) == SQZ_OK
		&& own_transaction_begin(ps, what, err) == SQZ_OK) {
		zval *stmt = prepared(ps, STMT_DEL, what, err);
		if (stmt) {
			if (!bind_bytes(stmt, 1, ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns)) || !bind_bytes(stmt, 2, key, key_len)
				|| !execute(stmt)) {
				database_error(ps, stmt, what, err);
				forget_statement(ps, STMT_DEL);
			} else {
				close_cursor(stmt);
			}
		}
		own_transaction_end(ps, what, err);
	}
	session_end(&s, err);
	sqz_free(what);
	return err->status;
}

/* Binds the engine's lock name of key to the lock/unlock statement. */
static bool bind_lock_name(php_sqz_pdo_store *ps, zval *stmt, const char *key, size_t key_len)
{
	if (ps->dialect == SQZ_SQL_PGSQL) {
		int64_t id = sqz_sql_lock_id(ZSTR_VAL(ps->table), ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns), key, key_len);
		return bind_long(stmt, 1, (zend_long)id);
	}
	char name[SQZ_SQL_LOCK_NAME_LEN + 1];
	sqz_sql_lock_name(ZSTR_VAL(ps->table), ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns), key, key_len, name);
	zval args[3], ret;
	ZVAL_LONG(&args[0], 1);
	ZVAL_STRINGL(&args[1], name, SQZ_SQL_LOCK_NAME_LEN);
	ZVAL_LONG(&args[2], PDO_PARAM_STR);
	bool ok = CALL(stmt, "bindvalue", &ret, 3, args) && zend_is_true(&ret);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&ret);
	return ok;
}

/* Runs the lock or unlock statement once: *answer = 1 (true/1), 0
 * (false/0) or -1 (NULL: MySQL's "no such lock" or an error in GET_LOCK). */
static sqz_status lock_statement(php_sqz_pdo_store *ps, int kind, const char *key, size_t key_len, const char *what,
	int *answer, sqz_error *err)
{
	zval *stmt = prepared(ps, kind, what, err);
	if (!stmt) {
		return err->status;
	}
	zval v;
	bool found = false;
	if (!bind_lock_name(ps, stmt, key, key_len) || !execute(stmt) || !fetch_first_column(stmt, &v, &found)) {
		database_error(ps, stmt, what, err);
		forget_statement(ps, kind);
		return err->status;
	}
	/* pdo_pgsql gives a bool (or "t"/"f" as text), MySQL an int or "1"/"0". */
	if (!found || Z_TYPE(v) == IS_NULL) {
		*answer = -1;
	} else if (Z_TYPE(v) == IS_STRING && Z_STRLEN(v) == 1 && (Z_STRVAL(v)[0] == 't' || Z_STRVAL(v)[0] == 'f')) {
		*answer = Z_STRVAL(v)[0] == 't';
	} else {
		*answer = zval_get_long(&v) != 0;
	}
	zval_ptr_dtor(&v);
	close_cursor(stmt);
	return SQZ_OK;
}

/* SQLite: the lock file beside the database, opened once. *file = NULL for
 * a database without a file (":memory:"), which no other connection sees. */
static sqz_status sqlite_lock_file(php_sqz_pdo_store *ps, sqz_range_lock_file **file, sqz_error *err)
{
	*file = ps->sqlite_locks;
	if (ps->sqlite_locks || ps->sqlite_memory) {
		return SQZ_OK;
	}
	zval sql, stmt;
	ZVAL_STRING(&sql, "PRAGMA database_list");
	bool ok = CALL(&ps->pdo, "query", &stmt, 1, &sql);
	zval_ptr_dtor(&sql);
	if (!ok || Z_TYPE(stmt) != IS_OBJECT) {
		zval_ptr_dtor(&stmt);
		return database_error(ps, &ps->pdo, "finding the SQLite database file", err);
	}
	zend_string *path = NULL;
	for (;;) {
		zval mode, row;
		ZVAL_LONG(&mode, PDO_FETCH_NUM);
		if (!CALL(&stmt, "fetch", &row, 1, &mode) || Z_TYPE(row) != IS_ARRAY) {
			zval_ptr_dtor(&row);
			break;
		}
		zval *name = zend_hash_index_find(Z_ARRVAL(row), 1), *file_zv = zend_hash_index_find(Z_ARRVAL(row), 2);
		if (name && Z_TYPE_P(name) == IS_STRING && zend_string_equals_literal(Z_STR_P(name), "main")) {
			path = file_zv && Z_TYPE_P(file_zv) == IS_STRING ? zend_string_copy(Z_STR_P(file_zv)) : ZSTR_EMPTY_ALLOC();
		}
		zval_ptr_dtor(&row);
	}
	close_cursor(&stmt);
	zval_ptr_dtor(&stmt);
	if (EG(exception)) {
		return database_error(ps, NULL, "finding the SQLite database file", err);
	}
	if (!path || ZSTR_LEN(path) == 0) {
		ps->sqlite_memory = true;
		if (path) {
			zend_string_release(path);
		}
		return SQZ_OK;
	}
	zend_string *lock_path = zend_strpprintf(0, "%s.sqzgraph-lock", ZSTR_VAL(path));
	zend_string_release(path);
	sqz_status st = sqz_range_lock_open(ZSTR_VAL(lock_path), &ps->sqlite_locks, err);
	zend_string_release(lock_path);
	if (st != SQZ_OK) {
		sqz_error_prefix(err, "PdoStore (sqlite, table \"%s\")", ZSTR_VAL(ps->table));
		return st;
	}
	*file = ps->sqlite_locks;
	return SQZ_OK;
}

static sqz_status acquire(php_sqz_pdo_store *ps, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	*acquired = 0;
	char *what = what_for("lock", key, key_len);
	if (ps->dialect == SQZ_SQL_SQLITE) {
		sqz_range_lock_file *file = NULL;
		sqz_status st = sqlite_lock_file(ps, &file, err);
		if (st == SQZ_OK) {
			if (file) {
				uint64_t off = sqz_sql_lock_offset(ZSTR_VAL(ps->table), ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns), key, key_len);
				st = sqz_range_lock_acquire(file, off, timeout, acquired, err);
			} else {
				*acquired = 1;   /* an in-memory database: nobody else can see it */
			}
		}
		sqz_free(what);
		return st;
	}
	/* The database has no wait with a fractional timeout on both engines:
	 * try, then sleep with a backoff from 2 ms to 100 ms. */
	double deadline = sqz_clock_monotonic() + (isnan(timeout) || timeout < 0 ? 0 : timeout);
	double pause = 0.002;
	for (;;) {
		int answer = 0;
		if (lock_statement(ps, STMT_LOCK, key, key_len, what, &answer, err) != SQZ_OK) {
			break;
		}
		if (answer == 1) {
			*acquired = 1;
			break;
		}
		if (answer < 0) {
			sqz_sql_error(err, ps->dialect, ZSTR_VAL(ps->table), what, NULL, "GET_LOCK() returned NULL (the lock request failed or was killed)");
			break;
		}
		double left = deadline - sqz_clock_monotonic();
		if (!(left > 0)) {
			break;
		}
		double nap = pause < left ? pause : left;
		struct timespec ts = { (time_t)nap, (long)((nap - (double)(time_t)nap) * 1e9) };
		nanosleep(&ts, NULL);
		pause = pause * 2 > 0.1 ? 0.1 : pause * 2;
	}
	sqz_free(what);
	return err->status;
}

static sqz_status release(php_sqz_pdo_store *ps, const char *key, size_t key_len, sqz_error *err)
{
	if (ps->dialect == SQZ_SQL_SQLITE) {
		if (!ps->sqlite_locks) {
			return SQZ_OK;
		}
		uint64_t off = sqz_sql_lock_offset(ZSTR_VAL(ps->table), ZSTR_VAL(ps->ns), ZSTR_LEN(ps->ns), key, key_len);
		return sqz_range_lock_release(ps->sqlite_locks, off, err);
	}
	char *what = what_for("unlock", key, key_len);
	int answer = 0;
	if (lock_statement(ps, STMT_UNLOCK, key, key_len, what, &answer, err) == SQZ_OK && answer != 1) {
		/* The session no longer held it: another session's statements, not
		 * ours, ran in between. */
		sqz_error_set(err, SQZ_E_STORE,
			"PdoStore (%s, table \"%s\"): %s: the database session no longer held this lock, so it did not protect "
			"what ran under it. Session locks need one database session for the whole time: a connection pooler "
			"in transaction mode (PgBouncer pool_mode=transaction, ProxySQL multiplexing) or a reconnect in between "
			"breaks them; connect PdoStore directly or through session pooling",
			sqz_sql_dialect_name(ps->dialect), ZSTR_VAL(ps->table), what);
	}
	sqz_free(what);
	return err->status;
}

static sqz_status op_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	php_sqz_pdo_store *ps = ctx;
	*acquired = 0;
	if (check_key(ps, key, key_len, err) != SQZ_OK) {
		return err->status;
	}
	zval *depth = zend_hash_str_find(&ps->held, key, key_len);
	if (depth) {
		Z_LVAL_P(depth)
		++;
		*acquired = 1;
		return SQZ_OK;
	}
	pdo_session s;
	if (session_begin(&s, ps, err) == SQZ_OK) {
		acquire(ps, key, key_len, timeout, acquired, err);
	}
	session_end(&s, err);
	if (err->status != SQZ_OK) {
		*acquired = 0;
		return err->status;
	}
	if (*acquired) {
		zval one;
		ZVAL_LONG(&one, 1);
		zend_hash_str_update(&ps->held, key, key_len, &one);
	}
	return SQZ_OK;
}

static sqz_status op_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	php_sqz_pdo_store *ps = ctx;
	zval *depth = zend_hash_str_find(&ps->held, key, key_len);
	if (!depth) {
		return SQZ_OK;
	}
	if (--Z_LVAL_P(depth) > 0) {
		return SQZ_OK;
	}
	/* Forgotten first: whatever the database says, this object no longer
	 * holds the key. */
	zend_hash_str_del(&ps->held, key, key_len);
	if (getpid() != ps->owner_pid) {
		/* A forked copy (a handler that forks) shares the parent's database
		 * session and lock file: releasing there would free the parent's
		 * lock in the middle of its import. */
		return SQZ_OK;
	}
	pdo_session s;
	if (session_begin(&s, ps, err) == SQZ_OK) {
		release(ps, key, key_len, err);
	}
	session_end(&s, err);
	return err->status;
}

/* put_often: a database commit is one sync already. */
static const sqz_store_ops pdo_store_ops = { op_get, op_put, op_del, op_lock, op_unlock, NULL };

/* ---- the object ----------------------------------------------------------- */

static zend_object *pdo_store_create(zend_class_entry *ce)
{
	php_sqz_pdo_store *ps = zend_object_alloc(sizeof(php_sqz_pdo_store), ce);
	zend_object_std_init(&ps->native.std, ce);
	object_properties_init(&ps->native.std, ce);
	ps->native.std.handlers = &pdo_store_handlers;
	ZVAL_UNDEF(&ps->pdo);
	for (int i = 0; i < STMT_COUNT; i++) {
		ZVAL_UNDEF(&ps->stmts[i]);
	}
	zend_hash_init(&ps->held, 0, NULL, NULL, 0);
	return &ps->native.std;
}

/* Releases every lock still held: a PDO outlives a dropped PdoStore (a
 * persistent connection even outlives the request), and its session locks
 * with it. Done in dtor_obj, while the PDO object is certainly alive. */
static void pdo_store_dtor(zend_object *obj)
{
	php_sqz_pdo_store *ps = pdo_store_from_obj(obj);
	if (Z_TYPE(ps->pdo) == IS_OBJECT && zend_hash_num_elements(&ps->held) > 0 && !SQZG(unwinding_fatal)
		&& getpid() == ps->owner_pid) {
		zend_string *key;
		ZEND_HASH_FOREACH_STR_KEY(&ps->held, key) {
			if (!key) {
				continue;
			}
			sqz_error err = SQZ_ERROR_INIT;
			pdo_session s;
			if (session_begin(&s, ps, &err) == SQZ_OK) {
				release(ps, ZSTR_VAL(key), ZSTR_LEN(key), &err);
			}
			session_end(&s, &err);
			sqz_error_clear(&err);   /* nobody to tell: the object is going away */
		}
		ZEND_HASH_FOREACH_END();
		zend_hash_clean(&ps->held);
	}
	zend_objects_destroy_object(obj);
}

static void pdo_store_free(zend_object *obj)
{
	php_sqz_pdo_store *ps = pdo_store_from_obj(obj);
	sqz_range_lock_close(ps->sqlite_locks);   /* the kernel drops its locks */
	ps->sqlite_locks = NULL;
	for (int i = 0; i < STMT_COUNT; i++) {
		zval_ptr_dtor(&ps->stmts[i]);
		ZVAL_UNDEF(&ps->stmts[i]);
	}
	zval_ptr_dtor(&ps->pdo);
	ZVAL_UNDEF(&ps->pdo);
	zend_hash_destroy(&ps->held);
	sqz_sql_statements_free(&ps->sql);
	if (ps->table) {
		zend_string_release(ps->table);
	}
	if (ps->ns) {
		zend_string_release(ps->ns);
	}
	zend_object_std_dtor(obj);
}

static HashTable *pdo_store_get_gc(zend_object *obj, zval **table, int *n)
{
	php_sqz_pdo_store *ps = pdo_store_from_obj(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(buf, &ps->pdo);
	for (int i = 0; i < STMT_COUNT; i++) {
		zend_get_gc_buffer_add_zval(buf, &ps->stmts[i]);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

/* What var_dump() shows: the driver, table and namespace; never the PDO
 * (its DSN may name a user) nor a record. */
static HashTable *pdo_store_debug_info(zend_object *obj, int *is_temp)
{
	php_sqz_pdo_store *ps = pdo_store_from_obj(obj);
	HashTable *ht = zend_new_array(3);
	*is_temp = 1;
	if (ps->table) {
		zval v;
		ZVAL_STRING(&v, sqz_sql_dialect_name(ps->dialect));
		zend_hash_str_update(ht, "driver", sizeof("driver") - 1, &v);
		ZVAL_STR_COPY(&v, ps->table);
		zend_hash_str_update(ht, "table", sizeof("table") - 1, &v);
		ZVAL_STR_COPY(&v, ps->ns);
		zend_hash_str_update(ht, "namespace", sizeof("namespace") - 1, &v);
	}
	return ht;
}

static php_sqz_pdo_store *this_store(zval *this_zv)
{
	php_sqz_pdo_store *ps = Z_PDO_STORE_P(this_zv);
	if (!ps->native.store.ops) {
		zend_throw_error(NULL, "SqzGraph\\PdoStore object is not initialized");
		return NULL;
	}
	return ps;
}

static zend_class_entry *pdo_class(void)
{
	return zend_hash_str_find_ptr(CG(class_table), "pdo", sizeof("pdo") - 1);
}

static ZEND_METHOD(SqzGraph_PdoStore, __construct)
{
	zval *pdo;
	HashTable *options = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT(pdo)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	zend_class_entry *pdo_ce = pdo_class();
	if (!pdo_ce || !instanceof_function(Z_OBJCE_P(pdo), pdo_ce)) {
		zend_argument_type_error(1, "must be of type PDO, %s given", ZSTR_VAL(Z_OBJCE_P(pdo)->name));
		RETURN_THROWS();
	}
	php_sqz_pdo_store *ps = Z_PDO_STORE_P(ZEND_THIS);
	if (ps->native.store.ops || ps->table) {
		zend_throw_error(NULL, "SqzGraph\\PdoStore::__construct() cannot be called twice");
		RETURN_THROWS();
	}

	zend_string *table = NULL, *ns = NULL, *opt;
	zval *val;
	if (options) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(options, opt, val) {
			if (opt && zend_string_equals_literal(opt, "table")) {
				if (Z_TYPE_P(val) != IS_STRING) {
					zend_argument_type_error(2, "option \"table\" must be of type string, %s given", zend_zval_type_name(val));
					RETURN_THROWS();
				}
				table = Z_STR_P(val);
			} else if (opt && zend_string_equals_literal(opt, "namespace")) {
				if (Z_TYPE_P(val) != IS_STRING) {
					zend_argument_type_error(2, "option \"namespace\" must be of type string, %s given", zend_zval_type_name(val));
					RETURN_THROWS();
				}
				ns = Z_STR_P(val);
			} else {
				zend_argument_value_error(2, "has an unknown option %s%s%s (known: \"table\", \"namespace\")",
					opt ? "\"" : "", opt ? ZSTR_VAL(opt) : "with an integer key", opt ? "\"" : "");
				RETURN_THROWS();
			}
		}
		ZEND_HASH_FOREACH_END();
	}
	if (table && !sqz_sql_table_valid(ZSTR_VAL(table), ZSTR_LEN(table))) {
		zend_argument_value_error(2, "option \"table\" must be an SQL identifier (letters, digits and _, not starting "
					     "with a digit, at most %d bytes; optionally schema.table)",
			SQZ_SQL_IDENTIFIER_MAX);
		RETURN_THROWS();
	}
	if (ns && ZSTR_LEN(ns) > SQZ_SQL_NAMESPACE_MAX) {
		zend_argument_value_error(2, "option \"namespace\" must be at most %d bytes", SQZ_SQL_NAMESPACE_MAX);
		RETURN_THROWS();
	}

	zval driver;
	static const char no_driver[] = "SqzGraph\\PdoStore cannot tell the PDO's driver (PDO::getAttribute(PDO::ATTR_DRIVER_NAME) gave no string): is the PDO connected?";
	if (!pdo_attribute(pdo, PDO_ATTR_DRIVER_NAME, &driver, no_driver)) {
		RETURN_THROWS();
	}
	if (Z_TYPE(driver) != IS_STRING) {
		zval_ptr_dtor(&driver);
		store_error(no_driver);
		RETURN_THROWS();
	}
	sqz_sql_dialect d = sqz_sql_dialect_from_driver(Z_STRVAL(driver), Z_STRLEN(driver));
	if (d == SQZ_SQL_UNKNOWN) {
		sqz_error err = SQZ_ERROR_INIT;
		sqz_error_set(&err, SQZ_E_STORE, "SqzGraph\\PdoStore works with the PDO drivers pgsql (PostgreSQL), mysql (MariaDB, MySQL) and sqlite, not \"%s\"",
			Z_STRVAL(driver));
		zval_ptr_dtor(&driver);
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	zval_ptr_dtor(&driver);

	/* A lock must die with its holder. PostgreSQL's and MariaDB's live in
	 * the connection's session, and a persistent connection outlives the
	 * request: after a fatal error (no destructor runs) the lock would stay
	 * held in the PHP-FPM worker until that worker ends. SQLite's locks are
	 * the PdoStore's own file descriptors, freed with it. */
	if (d == SQZ_SQL_PGSQL || d == SQZ_SQL_MYSQL) {
		zval persistent;
		if (!pdo_attribute(pdo, PDO_ATTR_PERSISTENT, &persistent,
			    "SqzGraph\\PdoStore cannot tell whether the PDO's connection is persistent (PDO::getAttribute(PDO::ATTR_PERSISTENT) failed)")) {
			RETURN_THROWS();
		}
		bool is_persistent = zend_is_true(&persistent);
		zval_ptr_dtor(&persistent);
		if (is_persistent) {
			store_error("SqzGraph\\PdoStore needs a PDO without PDO::ATTR_PERSISTENT: its locks live in the database session, and a "
				    "persistent connection outlives the request, so after a fatal error a lock would stay held until the PHP worker ends; "
				    "open a separate, non-persistent PDO for the Store");
			RETURN_THROWS();
		}
	}

	sqz_error err = SQZ_ERROR_INIT;
	const char *table_name = table ? ZSTR_VAL(table) : SQZ_SQL_DEFAULT_TABLE;
	if (sqz_sql_statements_build(d, table_name, &ps->sql, &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	ps->dialect = d;
	ps->table = table ? zend_string_copy(table) : zend_string_init(SQZ_SQL_DEFAULT_TABLE, sizeof(SQZ_SQL_DEFAULT_TABLE) - 1, 0);
	ps->ns = ns ? zend_string_copy(ns) : ZSTR_EMPTY_ALLOC();
	ZVAL_COPY(&ps->pdo, pdo);
	ps->owner_pid = getpid();
	ps->native.store.ops = &pdo_store_ops;
	ps->native.store.ctx = ps;
}

static ZEND_METHOD(SqzGraph_PdoStore, createTable)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_sqz_pdo_store *ps = this_store(ZEND_THIS);
	if (!ps) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	pdo_session s;
	/* MySQL commits an open transaction before DDL: never inside the caller's. */
	if (session_begin(&s, ps, &err) == SQZ_OK && check_no_transaction(&s, "createTable()", &err) == SQZ_OK
		&& own_transaction_begin(ps, "createTable()", &err) == SQZ_OK) {
		if (!exec_sql(ps, ps->sql.create)) {
			database_error(ps, &ps->pdo, "createTable()", &err);
		}
		own_transaction_end(ps, "createTable()", &err);
	}
	session_end(&s, &err);
	if (err.status != SQZ_OK) {
		php_sqz_finish_error(err.status, &err);
		RETURN_THROWS();
	}
}

static ZEND_METHOD(SqzGraph_PdoStore, schema)
{
	zend_string *driver, *table = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(driver)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(table)
	ZEND_PARSE_PARAMETERS_END();

	sqz_sql_dialect d = sqz_sql_dialect_from_driver(ZSTR_VAL(driver), ZSTR_LEN(driver));
	if (d == SQZ_SQL_UNKNOWN) {
		zend_argument_value_error(1, "must be \"pgsql\", \"mysql\" or \"sqlite\"");
		RETURN_THROWS();
	}
	if (table && !sqz_sql_table_valid(ZSTR_VAL(table), ZSTR_LEN(table))) {
		zend_argument_value_error(2, "must be an SQL identifier (letters, digits and _, not starting with a digit, at "
					     "most %d bytes; optionally schema.table)",
			SQZ_SQL_IDENTIFIER_MAX);
		RETURN_THROWS();
	}
	char *ddl = sqz_sql_schema(d, table ? ZSTR_VAL(table) : SQZ_SQL_DEFAULT_TABLE);
	if (!ddl) {
		zend_throw_error(NULL, "out of memory");
		RETURN_THROWS();
	}
	RETVAL_STRING(ddl);
	sqz_free(ddl);
}

static ZEND_METHOD(SqzGraph_PdoStore, driver)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_sqz_pdo_store *ps = this_store(ZEND_THIS);
	if (!ps) {
		RETURN_THROWS();
	}
	RETURN_STRING(sqz_sql_dialect_name(ps->dialect));
}

static ZEND_METHOD(SqzGraph_PdoStore, table)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_sqz_pdo_store *ps = this_store(ZEND_THIS);
	if (!ps) {
		RETURN_THROWS();
	}
	RETURN_STR_COPY(ps->table);
}

static ZEND_METHOD(SqzGraph_PdoStore, namespace)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_sqz_pdo_store *ps = this_store(ZEND_THIS);
	if (!ps) {
		RETURN_THROWS();
	}
	RETURN_STR_COPY(ps->ns);
}

static ZEND_METHOD(SqzGraph_PdoStore, get)
{
	php_sqz_native_store_get(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_PdoStore, put)
{
	php_sqz_native_store_put(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_PdoStore, delete)
{
	php_sqz_native_store_delete(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_PdoStore, lock)
{
	php_sqz_native_store_lock(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_PdoStore, unlock)
{
	php_sqz_native_store_unlock(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

void php_sqz_pdo_store_minit(void)
{
	php_sqz_pdo_store_ce = register_class_SqzGraph_PdoStore(php_sqz_store_ce);
	php_sqz_pdo_store_ce->create_object = pdo_store_create;

	memcpy(&pdo_store_handlers, zend_get_std_object_handlers(), sizeof pdo_store_handlers);
	pdo_store_handlers.offset = XtOffsetOf(php_sqz_pdo_store, native.std);
	pdo_store_handlers.dtor_obj = pdo_store_dtor;
	pdo_store_handlers.free_obj = pdo_store_free;
	pdo_store_handlers.get_gc = pdo_store_get_gc;
	pdo_store_handlers.get_debug_info = pdo_store_debug_info;
	pdo_store_handlers.clone_obj = NULL;
}
