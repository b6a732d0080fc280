/* SqzGraph\Store: the interface, and the bridge that lets the core call a
 * Store object — directly for our internal classes, through the Zend call
 * API for a userland implementation. See store.h. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/standard/php_var.h"
#include "zend_smart_str.h"

#include "classes.h"
#include "errors.h"
#include "store.h"
#include "runtime.h"
#include "php_sqzgraph.h"
#include "store_arginfo.h"
#include "exceptions/exceptions.h"
#include "core/alloc.h"

zend_class_entry *php_sqz_store_ce;

/* Fills err with status and "the Store <Class>::<method>() <what> for record
 * '<key>'<tail>"; err->key = the key as shown. */
static sqz_status bridge_error(sqz_error *err, sqz_status status, php_sqz_store_ref *ref, const char *method,
	const char *key, size_t key_len, const char *what, const char *tail)
{
	char *shown = sqz_store_shown_key(key, key_len);
	sqz_error_set(err, status, "the Store %s::%s() %s for record '%s'%s", ZSTR_VAL(Z_OBJCE(ref->object)->name), method,
		what, shown ? shown : "?", tail ? tail : "");
	sqz_error_set_key(err, shown);
	sqz_free(shown);
	return status;
}

/* The userland exception becomes the StoreException's previous, with its
 * class, message, file, line and frames, but without the frames' argument
 * values: put()'s frame holds the whole record (a token record when no
 * encryption_key is set), and traces end up in logs and error trackers. */
static void drop_trace_args(zend_object *ex)
{
	for (int depth = 0; ex && depth < 64; depth++) {
		zend_class_entry *base = instanceof_function(ex->ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error;
		zval rv, copy, *frame;
		zval *trace = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_TRACE), 1, &rv);
		if (Z_TYPE_P(trace) == IS_ARRAY) {
			array_init_size(&copy, zend_hash_num_elements(Z_ARRVAL_P(trace)));
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(trace), frame) {
				zval kept;
				if (Z_TYPE_P(frame) == IS_ARRAY) {
					ZVAL_ARR(&kept, zend_array_dup(Z_ARRVAL_P(frame)));
					zend_hash_del(Z_ARRVAL(kept), ZSTR_KNOWN(ZEND_STR_ARGS));
				} else {
					ZVAL_COPY(&kept, frame);
				}
				add_next_index_zval(&copy, &kept);
			}
			ZEND_HASH_FOREACH_END();
			zend_update_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_TRACE), &copy);
			zval_ptr_dtor(&copy);
		}
		zval *previous = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_PREVIOUS), 1, &rv);
		ex = Z_TYPE_P(previous) == IS_OBJECT ? Z_OBJ_P(previous) : NULL;
	}
}

/* The userland method threw: wrap it (see store.h) and say SQZ_E_CALLBACK. */
static sqz_status callback_failed(php_sqz_store_ref *ref, const char *method, const char *key, size_t key_len, sqz_error *err)
{
	zend_object *ex = EG(exception);
	if (!zend_is_unwind_exit(ex) && !zend_is_graceful_exit(ex)) {
		drop_trace_args(ex);    /* also when it goes on as it is (a SqzGraph exception) */
	}
	if (!zend_is_unwind_exit(ex) && !zend_is_graceful_exit(ex) && !instanceof_function(ex->ce, php_sqz_exception_ce)) {
		zend_class_entry *base = instanceof_function(ex->ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error;
		zval rv;
		zval *msg = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
		smart_str tail = { 0 };
		smart_str_appends(&tail, ": ");
		smart_str_append(&tail, ex->ce->name);
		if (Z_TYPE_P(msg) == IS_STRING && Z_STRLEN_P(msg) > 0) {
			smart_str_appends(&tail, ": ");
			smart_str_append(&tail, Z_STR_P(msg));
		}
		smart_str_0(&tail);
		sqz_error wrap = SQZ_ERROR_INIT;
		bridge_error(&wrap, SQZ_E_STORE, ref, method, key, key_len, "failed", ZSTR_VAL(tail.s));
		smart_str_free(&tail);
		/* Thrown while ex is pending: the engine makes ex its previous. */
		php_sqz_throw_error(&wrap);
	}
	return sqz_error_set(err, SQZ_E_CALLBACK, "the userland Store failed");
}

static sqz_status not_called(sqz_error *err)
{
	return sqz_error_set(err, SQZ_E_CALLBACK, SQZG(unwinding_fatal) ? "the userland Store was not called: a fatal error is ending the request" : "the userland Store was not called: an exception is pending");
}

static sqz_status wrong_type(php_sqz_store_ref *ref, const char *method, const char *key, size_t key_len, zval *rv,
	const char *expected, sqz_error *err)
{
	char tail[160];
	snprintf(tail, sizeof tail, ": it returned %s, expected %s", zend_zval_type_name(rv), expected);
	return bridge_error(err, SQZ_E_STORE, ref, method, key, key_len, "misbehaved", tail);
}

static sqz_status ul_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	php_sqz_store_ref *ref = ctx;
	*value = NULL;
	*value_len = 0;
	if (php_sqz_php_calls_blocked()) {
		return not_called(err);
	}
	zval arg, rv;
	ZVAL_STRINGL(&arg, key, key_len);
	ZVAL_UNDEF(&rv);
	bool ok;
	PHP_SQZ_CALL_GUARDED(zend_call_known_instance_method(ref->fn_get, Z_OBJ(ref->object), &rv, 1, &arg), ok);
	zval_ptr_dtor(&arg);
	if (!ok) {
		zval_ptr_dtor(&rv);
		return not_called(err);
	}
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		return callback_failed(ref, "get", key, key_len, err);
	}
	zval *r = &rv;
	ZVAL_DEREF(r);
	sqz_status st = SQZ_OK;
	if (Z_TYPE_P(r) == IS_STRING) {
		*value = sqz_malloc(Z_STRLEN_P(r) + 1);
		if (!*value) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		} else {
			memcpy(*value, Z_STRVAL_P(r), Z_STRLEN_P(r) + 1);
			*value_len = Z_STRLEN_P(r);
		}
	} else if (Z_TYPE_P(r) != IS_NULL) {
		st = wrong_type(ref, "get", key, key_len, r, "?string", err);
	}
	zval_ptr_dtor(&rv);
	return st;
}

/* put, delete and unlock: the result is void; only failure matters. */
static sqz_status call_void(php_sqz_store_ref *ref, zend_function *fn, const char *method, const char *key, size_t key_len,
	const char *value, size_t value_len, int with_value, sqz_error *err)
{
	zval args[2], rv;
	ZVAL_STRINGL(&args[0], key, key_len);
	if (with_value) {
		ZVAL_STRINGL(&args[1], value, value_len);
	}
	ZVAL_UNDEF(&rv);
	bool ok;
	PHP_SQZ_CALL_GUARDED(zend_call_known_instance_method(fn, Z_OBJ(ref->object), &rv, with_value ? 2 : 1, args), ok);
	zval_ptr_dtor(&args[0]);
	if (with_value) {
		zval_ptr_dtor(&args[1]);
	}
	zval_ptr_dtor(&rv);
	if (!ok) {
		return not_called(err);
	}
	if (EG(exception)) {
		return callback_failed(ref, method, key, key_len, err);
	}
	return SQZ_OK;
}

static sqz_status ul_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	php_sqz_store_ref *ref = ctx;
	if (php_sqz_php_calls_blocked()) {
		return not_called(err);
	}
	return call_void(ref, ref->fn_put, "put", key, key_len, value, value_len, 1, err);
}

static sqz_status ul_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	php_sqz_store_ref *ref = ctx;
	if (php_sqz_php_calls_blocked()) {
		return not_called(err);
	}
	return call_void(ref, ref->fn_delete, "delete", key, key_len, NULL, 0, 0, err);
}

static sqz_status ul_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	php_sqz_store_ref *ref = ctx;
	*acquired = 0;
	if (php_sqz_php_calls_blocked()) {
		return not_called(err);
	}
	zval args[2], rv;
	ZVAL_STRINGL(&args[0], key, key_len);
	ZVAL_DOUBLE(&args[1], timeout);
	ZVAL_UNDEF(&rv);
	bool ok;
	PHP_SQZ_CALL_GUARDED(zend_call_known_instance_method(ref->fn_lock, Z_OBJ(ref->object), &rv, 2, args), ok);
	zval_ptr_dtor(&args[0]);
	if (!ok) {
		zval_ptr_dtor(&rv);
		return not_called(err);
	}
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		return callback_failed(ref, "lock", key, key_len, err);
	}
	zval *r = &rv;
	ZVAL_DEREF(r);
	sqz_status st = SQZ_OK;
	if (Z_TYPE_P(r) == IS_TRUE || Z_TYPE_P(r) == IS_FALSE) {
		*acquired = Z_TYPE_P(r) == IS_TRUE;
	} else {
		st = wrong_type(ref, "lock", key, key_len, r, "bool", err);
	}
	zval_ptr_dtor(&rv);
	return st;
}

static sqz_status ul_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	php_sqz_store_ref *ref = ctx;
	if (SQZG(unwinding_fatal)) {
		return not_called(err);
	}
	if (!EG(exception)) {
		return call_void(ref, ref->fn_unlock, "unlock", key, key_len, NULL, 0, 0, err);
	}
	if (zend_is_unwind_exit(EG(exception)) || zend_is_graceful_exit(EG(exception))) {
		return not_called(err);
	}
	/* Unwinding after a failure: release the lock anyway, or a database
	 * lock could stay held by a long-lived (FPM) connection. */
	zend_exception_save();
	sqz_status st = call_void(ref, ref->fn_unlock, "unlock", key, key_len, NULL, 0, 0, err);
	zend_exception_restore();
	return st;
}

static const sqz_store_ops userland_ops = {
	ul_get,
	ul_put,
	ul_del,
	ul_lock,
	ul_unlock,
	NULL,    /* put_often: a userland Store has put only */
};

/* A userland Store: its five methods looked up once (ext/random's
 * engine_user), called by the userland_ops above. */
static zend_result userland_init(php_sqz_store_ref *ref, zend_object *obj)
{
	zend_class_entry *ce = obj->ce;
	ref->fn_get = zend_hash_str_find_ptr(&ce->function_table, "get", sizeof("get") - 1);
	ref->fn_put = zend_hash_str_find_ptr(&ce->function_table, "put", sizeof("put") - 1);
	ref->fn_delete = zend_hash_str_find_ptr(&ce->function_table, "delete", sizeof("delete") - 1);
	ref->fn_lock = zend_hash_str_find_ptr(&ce->function_table, "lock", sizeof("lock") - 1);
	ref->fn_unlock = zend_hash_str_find_ptr(&ce->function_table, "unlock", sizeof("unlock") - 1);
	/* Implementing the interface guarantees all five; stay defensive. */
	if (!ref->fn_get || !ref->fn_put || !ref->fn_delete || !ref->fn_lock || !ref->fn_unlock) {
		zend_throw_error(NULL, "%s lacks a method of SqzGraph\\Store", ZSTR_VAL(ce->name));
		memset(ref, 0, sizeof *ref);
		ZVAL_UNDEF(&ref->object);
		return FAILURE;
	}
	ref->store.ops = &userland_ops;
	ref->store.ctx = ref;
	ZVAL_OBJ_COPY(&ref->object, obj);
	return SUCCESS;
}

zend_result php_sqz_store_ref_init(php_sqz_store_ref *ref, zend_object *obj)
{
	memset(ref, 0, sizeof *ref);
	ZVAL_UNDEF(&ref->object);
	if (!instanceof_function(obj->ce, php_sqz_store_ce)) {
		zend_type_error("%s does not implement SqzGraph\\Store", ZSTR_VAL(obj->ce->name));
		return FAILURE;
	}
	if (obj->ce->type != ZEND_INTERNAL_CLASS) {
		return userland_init(ref, obj);
	}
	/* Every internal Store class is ours, final and a php_sqz_native_store
	 * (store.h): the core store is taken as it is, no PHP call. */
	const php_sqz_native_store *native = php_sqz_native_store_from_obj(obj);
	if (!native->store.ops) {
		zend_throw_error(NULL, "%s object is not initialized", ZSTR_VAL(obj->ce->name));
		return FAILURE;
	}
	ref->store = native->store;
	ZVAL_OBJ_COPY(&ref->object, obj);
	return SUCCESS;
}

void php_sqz_store_ref_release(php_sqz_store_ref *ref)
{
	/* A zeroed struct is IS_UNDEF too (IS_UNDEF == 0). */
	zval_ptr_dtor(&ref->object);
	memset(ref, 0, sizeof *ref);
	ZVAL_UNDEF(&ref->object);
}

void php_sqz_store_ref_gc(php_sqz_store_ref *ref, zend_get_gc_buffer *gc)
{
	zend_get_gc_buffer_add_zval(gc, &ref->object);
}

/* ---- the methods of the internal Store classes ---- */

/* this's native store, with a reference held until native_done(): the core
 * may run PHP code (a userland inner Store, a PDO subclass) that drops the
 * last outside reference. NULL with an Error thrown for an object whose
 * constructor never succeeded. */
static php_sqz_native_store *native_this(zval *this_zv)
{
	php_sqz_native_store *ns = php_sqz_native_store_from_obj(Z_OBJ_P(this_zv));
	if (!ns->store.ops) {
		zend_throw_error(NULL, "%s object is not initialized", ZSTR_VAL(Z_OBJCE_P(this_zv)->name));
		return NULL;
	}
	GC_ADDREF(&ns->std);
	return ns;
}

static void native_done(php_sqz_native_store *ns)
{
	OBJ_RELEASE(&ns->std);
}

void php_sqz_native_store_get(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_native_store *ns = native_this(ZEND_THIS);
	if (!ns) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	char *value = NULL;
	size_t len = 0;
	if (sqz_store_get(&ns->store, ZSTR_VAL(key), ZSTR_LEN(key), &value, &len, &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
	} else if (value) {
		RETVAL_STRINGL(value, len);
	} else {
		RETVAL_NULL();
	}
	sqz_free(value);
	native_done(ns);
}

void php_sqz_native_store_put(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key, *value;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_STR(value)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_native_store *ns = native_this(ZEND_THIS);
	if (!ns) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_store_put(&ns->store, ZSTR_VAL(key), ZSTR_LEN(key), ZSTR_VAL(value), ZSTR_LEN(value), &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
	}
	native_done(ns);
}

void php_sqz_native_store_delete(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_native_store *ns = native_this(ZEND_THIS);
	if (!ns) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_store_delete(&ns->store, ZSTR_VAL(key), ZSTR_LEN(key), &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
	}
	native_done(ns);
}

void php_sqz_native_store_lock(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;
	double timeout;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_DOUBLE(timeout)
	ZEND_PARSE_PARAMETERS_END();

	if (!php_sqz_store_check_timeout(timeout, 2)) {
		RETURN_THROWS();
	}
	php_sqz_native_store *ns = native_this(ZEND_THIS);
	if (!ns) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	int acquired = 0;
	if (sqz_store_lock(&ns->store, ZSTR_VAL(key), ZSTR_LEN(key), timeout, &acquired, &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
	} else {
		RETVAL_BOOL(acquired);
	}
	native_done(ns);
}

void php_sqz_native_store_unlock(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_native_store *ns = native_this(ZEND_THIS);
	if (!ns) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_store_unlock(&ns->store, ZSTR_VAL(key), ZSTR_LEN(key), &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
	}
	native_done(ns);
}

bool php_sqz_store_check_timeout(double timeout, uint32_t arg_num)
{
	if (zend_isnan(timeout) || timeout < 0) {
		zend_argument_value_error(arg_num, "must be greater than or equal to 0");
		return false;
	}
	return true;
}

void php_sqz_store_minit(void)
{
	php_sqz_store_ce = register_class_SqzGraph_Store();
}
