/* SqzGraph\Authenticator: a thin face over src/core/oauth.c. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_attributes.h"
#include "ext/date/php_date.h"

#include "core/alloc.h"
#include "authenticator.h"
#include "authenticator_arginfo.h"
#include "classes.h"
#include "config.h"
#include "errors.h"
#include "runtime.h"
#include "token_info.h"

zend_class_entry *php_sqz_authenticator_ce;
static zend_object_handlers authenticator_handlers;

static zend_object *authenticator_create(zend_class_entry *ce)
{
	php_sqz_authenticator_object *obj = zend_object_alloc(sizeof(php_sqz_authenticator_object), ce);
	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &authenticator_handlers;
	ZVAL_UNDEF(&obj->config);
	ZVAL_UNDEF(&obj->store.object);
	return &obj->std;
}

static void authenticator_free(zend_object *object)
{
	php_sqz_authenticator_object *obj = php_sqz_authenticator_from_obj(object);
	if (obj->sealed_ready) {
		sqz_sealed_store_clear(&obj->sealed);
	}
	php_sqz_store_ref_release(&obj->store);
	zval_ptr_dtor(&obj->config);
	ZVAL_UNDEF(&obj->config);
	zend_object_std_dtor(object);
}

static HashTable *authenticator_get_gc(zend_object *object, zval **table, int *n)
{
	php_sqz_authenticator_object *obj = php_sqz_authenticator_from_obj(object);
	zend_get_gc_buffer *gc = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(gc, &obj->config);
	php_sqz_store_ref_gc(&obj->store, gc);
	zend_get_gc_buffer_use(gc, table, n);
	return zend_std_get_properties(object);
}

/* var_dump()/print_r() show what an administrator may see: the flow and
 * the store class, nothing secret. */
static HashTable *authenticator_get_debug_info(zend_object *object, int *is_temp)
{
	php_sqz_authenticator_object *obj = php_sqz_authenticator_from_obj(object);
	HashTable *ht = zend_new_array(2);
	*is_temp = 1;
	if (obj->ready) {
		zval v;
		ZVAL_STRING(&v, sqz_flow_name(obj->oauth.config->flow));
		zend_hash_str_update(ht, "flow", sizeof("flow") - 1, &v);
		ZVAL_STRING(&v, obj->oauth.config->client_id);
		zend_hash_str_update(ht, "client_id", sizeof("client_id") - 1, &v);
		ZVAL_STR_COPY(&v, Z_OBJCE(obj->store.object)->name);
		zend_hash_str_update(ht, "store", sizeof("store") - 1, &v);
		ZVAL_BOOL(&v, obj->sealed_ready);
		zend_hash_str_update(ht, "sealed", sizeof("sealed") - 1, &v);
	}
	return ht;
}

php_sqz_authenticator_object *php_sqz_authenticator_require(zval *zv)
{
	if (Z_TYPE_P(zv) == IS_OBJECT && Z_OBJCE_P(zv) == php_sqz_authenticator_ce) {
		php_sqz_authenticator_object *obj = php_sqz_authenticator_from_obj(Z_OBJ_P(zv));
		if (obj->ready) {
			return obj;
		}
	}
	zend_throw_error(NULL, "The SqzGraph\\Authenticator object has not been constructed");
	return NULL;
}

sqz_store php_sqz_authenticator_store(php_sqz_authenticator_object *auth)
{
	return auth->oauth.store;
}

sqz_status php_sqz_authenticator_token(void *ctx, int force, char **token, sqz_error *err)
{
	php_sqz_authenticator_object *obj = ctx;
	sqz_status st = sqz_oauth_access_token(&obj->oauth, force, token, err);
	if (st == SQZ_OK && EG(exception)) {
		/* A logger or userland store threw while we succeeded: stop here
		 * and let the caller rethrow it. */
		sqz_free_secret(*token);
		*token = NULL;
		return sqz_error_set(err, SQZ_E_CALLBACK, "a callback failed");
	}
	return st;
}

ZEND_METHOD(SqzGraph_Authenticator, __construct)
{
	zval *config_zv, *store_zv;
	php_sqz_authenticator_object *obj = php_sqz_authenticator_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(config_zv, php_sqz_config_ce)
		Z_PARAM_OBJECT_OF_CLASS(store_zv, php_sqz_store_ce)
	ZEND_PARSE_PARAMETERS_END();

	if (obj->ready) {
		zend_throw_error(NULL, "SqzGraph\\Authenticator is already constructed");
		RETURN_THROWS();
	}
	const sqz_config *cfg = php_sqz_config_require(config_zv);
	if (!cfg) {
		RETURN_THROWS();
	}
	sqz_http *http = php_sqz_http();
	if (!http) {
		RETURN_THROWS();
	}
	if (php_sqz_store_ref_init(&obj->store, Z_OBJ_P(store_zv)) == FAILURE) {
		RETURN_THROWS();
	}
	ZVAL_COPY(&obj->config, config_zv);

	sqz_error err = SQZ_ERROR_INIT;
	sqz_store store = obj->store.store;
	if (cfg->encryption_key) {
		if (sqz_sealed_store_init(&obj->sealed, obj->store.store, cfg->encryption_key, cfg->encryption_key_len, &err) != SQZ_OK) {
			php_sqz_throw_error(&err);
			RETURN_THROWS();
		}
		obj->sealed_ready = 1;
		store = sqz_sealed_store_store(&obj->sealed);
	}
	if (sqz_oauth_init(&obj->oauth, cfg, store, http, &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	php_sqz_logger_init(&obj->logger, php_sqz_config_logger(&obj->config));
	obj->oauth.http_opts.logger = obj->logger.log ? &obj->logger : NULL;
	obj->oauth.http_opts.user_agent = php_sqz_user_agent();
	obj->ready = 1;
}

#define THIS_AUTH() \
	php_sqz_authenticator_object *obj = php_sqz_authenticator_require(ZEND_THIS); \
	if (!obj) { \
		RETURN_THROWS(); \
	}

ZEND_METHOD(SqzGraph_Authenticator, beginAuthorization)
{
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	THIS_AUTH();

	const char *login_hint = NULL, *prompt = NULL;
	if (options) {
		zend_string *key;
		zval *value;
		ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, value) {
			const char **slot = NULL;
			if (key && zend_string_equals_literal(key, "login_hint")) {
				slot = &login_hint;
			} else if (key && zend_string_equals_literal(key, "prompt")) {
				slot = &prompt;
			} else {
				zend_argument_value_error(1, "must contain only the keys \"login_hint\" and \"prompt\", \"%s\" given",
					key ? ZSTR_VAL(key) : "(integer key)");
				RETURN_THROWS();
			}
			ZVAL_DEREF(value);
			if (Z_TYPE_P(value) == IS_NULL) {
				continue;
			}
			if (Z_TYPE_P(value) != IS_STRING) {
				zend_argument_type_error(1, "option \"%s\" must be of type string, %s given", ZSTR_VAL(key), zend_zval_type_name(value));
				RETURN_THROWS();
			}
			if (zend_str_has_nul_byte(Z_STR_P(value))) {
				/* It would reach Microsoft's sign-in page cut short. */
				zend_argument_value_error(1, "option \"%s\" must not contain NUL bytes", ZSTR_VAL(key));
				RETURN_THROWS();
			}
			*slot = Z_STRVAL_P(value);
		}
		ZEND_HASH_FOREACH_END();
	}

	char *url = NULL, *state = NULL;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_oauth_begin(&obj->oauth, login_hint, prompt, &url, &state, &err);
	if (st != SQZ_OK || EG(exception)) {
		sqz_free(url);
		sqz_free(state);
		php_sqz_finish_error(st, &err);
		RETURN_THROWS();
	}
	array_init_size(return_value, 2);
	add_assoc_string(return_value, "url", url);
	add_assoc_string(return_value, "state", state);
	sqz_free(url);
	sqz_free(state);
}

ZEND_METHOD(SqzGraph_Authenticator, completeAuthorization)
{
	HashTable *query;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(query)
	ZEND_PARSE_PARAMETERS_END();
	THIS_AUTH();

	uint32_t n = zend_hash_num_elements(query), count = 0;
	sqz_query_param *params = safe_emalloc(n ? n : 1, sizeof *params, 0);
	zend_string *key;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(query, key, value) {
		ZVAL_DEREF(value);
		/* $_GET values are strings; nested arrays (a[]=...) carry nothing we use. */
		if (key && Z_TYPE_P(value) == IS_STRING) {
			params[count].name = ZSTR_VAL(key);
			params[count].value = Z_STRVAL_P(value);
			count++;
		}
	}
	ZEND_HASH_FOREACH_END();

	sqz_token_info info;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_oauth_complete(&obj->oauth, params, count, &info, &err);
	efree(params);
	if (st == SQZ_OK && !EG(exception)) {
		php_sqz_token_info_create(return_value, &info);
	}
	if (st == SQZ_OK) {
		sqz_token_info_clear(&info);
	}
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Authenticator, accessToken)
{
	ZEND_PARSE_PARAMETERS_NONE();
	THIS_AUTH();

	char *token = NULL;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_oauth_access_token(&obj->oauth, 0, &token, &err);
	if (st == SQZ_OK && !EG(exception)) {
		RETVAL_STRING(token);
	}
	sqz_free_secret(token);
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Authenticator, refresh)
{
	bool force = false;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(force)
	ZEND_PARSE_PARAMETERS_END();
	THIS_AUTH();

	sqz_token_info info;
	int refreshed = 0;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_oauth_refresh(&obj->oauth, force, &info, &refreshed, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			php_sqz_token_info_create(return_value, &info);
		}
		sqz_token_info_clear(&info);
	}
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Authenticator, status)
{
	ZEND_PARSE_PARAMETERS_NONE();
	THIS_AUTH();

	sqz_token_info info;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_oauth_status(&obj->oauth, &info, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			php_sqz_token_info_create(return_value, &info);
		}
		sqz_token_info_clear(&info);
	}
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Authenticator, forget)
{
	ZEND_PARSE_PARAMETERS_NONE();
	THIS_AUTH();

	sqz_error err = SQZ_ERROR_INIT;
	php_sqz_finish_error(sqz_oauth_forget(&obj->oauth, &err), &err);
}

static bool make_zone(zval *tz, const char *name, size_t len)
{
	zval arg;
	object_init_ex(tz, php_date_get_timezone_ce());
	ZVAL_STRINGL(&arg, name, len);
	zend_call_known_instance_method_with_1_params(Z_OBJCE_P(tz)->constructor, Z_OBJ_P(tz), NULL, &arg);
	zval_ptr_dtor(&arg);
	if (EG(exception)) {
		zend_clear_exception();
		zval_ptr_dtor(tz);
		ZVAL_UNDEF(tz);
		return false;
	}
	return true;
}

/* The zone's UTC offset (seconds) at an instant. */
static bool offset_at(zval *tz, zend_long epoch, zend_long *offset)
{
	zval dt, ret;
	char text[32];
	int len = snprintf(text, sizeof text, "@" ZEND_LONG_FMT, epoch);
	php_date_instantiate(php_date_get_immutable_ce(), &dt);
	bool ok = php_date_initialize(Z_PHPDATE_P(&dt), text, (size_t)len, NULL, NULL, 0);
	ZVAL_UNDEF(&ret);
	if (ok) {
		zend_call_method_with_1_params(Z_OBJ_P(tz), Z_OBJCE_P(tz), NULL, "getoffset", &ret, &dt);
	}
	ok = ok && !EG(exception) && Z_TYPE(ret) == IS_LONG;
	if (ok) {
		*offset = Z_LVAL(ret);
	}
	zval_ptr_dtor(&ret);
	zval_ptr_dtor(&dt);
	return ok;
}

/* Seconds since the epoch of a zone-less "Y-m-d H:i:s" written in the named
 * zone. ext/date is only asked for the zone's offsets at given instants:
 * date.timezone and TZ are never consulted. A wall time that occurs twice
 * (DST fall-back) or never (spring-forward gap) resolves to the EARLIEST
 * candidate instant, so that a legacy token is never taken as valid after
 * it expired. FAILURE with an exception thrown. */
static zend_result legacy_expiry(zend_string *text, zend_string *zone, zend_long *out)
{
	zval tz, utc, args[3], dt, ret, fname;
	zend_result result = FAILURE;
	zend_long naive = 0;

	if (!make_zone(&tz, ZSTR_VAL(zone), ZSTR_LEN(zone))) {
		zend_argument_value_error(2, "must be a valid time zone identifier (e.g. \"Europe/Berlin\"), \"%s\" given", ZSTR_VAL(zone));
		return FAILURE;
	}
	if (!make_zone(&utc, "UTC", 3)) {
		zval_ptr_dtor(&tz);
		zend_throw_error(NULL, "ext/date does not know the UTC zone");
		return FAILURE;
	}
	/* The wall time read as if it were UTC: "local seconds". */
	ZVAL_STRING(&fname, "date_create_immutable_from_format");
	ZVAL_STRING(&args[0], "!Y-m-d H:i:s");
	ZVAL_STR_COPY(&args[1], text);
	ZVAL_COPY_VALUE(&args[2], &utc);
	ZVAL_UNDEF(&dt);
	call_user_function(NULL, NULL, &fname, &dt, 3, args);
	zval_ptr_dtor(&fname);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&utc);

	/* Reject what PHP would silently adjust (2026-02-30 → March 2). */
	zval errors;
	ZVAL_STRING(&fname, "date_get_last_errors");
	ZVAL_UNDEF(&errors);
	call_user_function(NULL, NULL, &fname, &errors, 0, NULL);
	zval_ptr_dtor(&fname);
	int warnings = 0;
	if (Z_TYPE(errors) == IS_ARRAY) {
		zval *w = zend_hash_str_find(Z_ARRVAL(errors), "warning_count", sizeof("warning_count") - 1);
		zval *e = zend_hash_str_find(Z_ARRVAL(errors), "error_count", sizeof("error_count") - 1);
		warnings = (w && zval_get_long(w) > 0) || (e && zval_get_long(e) > 0);
	}
	zval_ptr_dtor(&errors);

	if (!EG(exception) && Z_TYPE(dt) == IS_OBJECT && !warnings) {
		ZVAL_UNDEF(&ret);
		zend_call_method_with_0_params(Z_OBJ(dt), Z_OBJCE(dt), NULL, "gettimestamp", &ret);
		if (Z_TYPE(ret) == IS_LONG) {
			naive = Z_LVAL(ret);
			result = SUCCESS;
		}
		zval_ptr_dtor(&ret);
	}
	zval_ptr_dtor(&dt);

	if (result == SUCCESS) {
		/* The offsets in force a day before and a day after bracket any
		 * transition near this wall time; each gives one candidate, valid
		 * when the zone really has that offset at the candidate. */
		zend_long before, after, check;
		result = FAILURE;
		if (offset_at(&tz, naive - 86400, &before) && offset_at(&tz, naive + 86400, &after)) {
			zend_long a = naive - before, b = naive - after;
			bool a_ok = offset_at(&tz, a, &check) && check == before;
			bool b_ok = offset_at(&tz, b, &check) && check == after;
			if (a_ok && !b_ok) {
				*out = a;
			} else if (b_ok && !a_ok) {
				*out = b;
			} else {
				*out = a < b ? a : b;
			}
			result = EG(exception) ? FAILURE : SUCCESS;
		}
	}
	zval_ptr_dtor(&tz);
	if (result == FAILURE && !EG(exception)) {
		php_sqz_throw_config("expires", "the legacy record's expires must be \"Y-m-d H:i:s\" (e.g. \"2026-11-28 14:05:00\") or an int epoch; got \"%s\"",
			ZSTR_VAL(text));
	}
	return result;
}

ZEND_METHOD(SqzGraph_Authenticator, importToken)
{
	HashTable *record;
	zend_string *zone;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ARRAY_HT(record)
		Z_PARAM_STR(zone)
	ZEND_PARSE_PARAMETERS_END();
	THIS_AUTH();

	zval *access = zend_hash_str_find_deref(record, "access_token", sizeof("access_token") - 1);
	zval *refresh = zend_hash_str_find_deref(record, "refresh_token", sizeof("refresh_token") - 1);
	zval *expires = zend_hash_str_find_deref(record, "expires", sizeof("expires") - 1);
	if (!access || Z_TYPE_P(access) != IS_STRING || Z_STRLEN_P(access) == 0) {
		php_sqz_throw_config("access_token", "the legacy record needs a non-empty string access_token");
		RETURN_THROWS();
	}
	if (refresh && Z_TYPE_P(refresh) != IS_STRING && Z_TYPE_P(refresh) != IS_NULL) {
		php_sqz_throw_config("refresh_token", "the legacy record's refresh_token must be a string or null");
		RETURN_THROWS();
	}
	/* A NUL byte would cut the token short in the core. */
	if (zend_str_has_nul_byte(Z_STR_P(access)) || (refresh && Z_TYPE_P(refresh) == IS_STRING && zend_str_has_nul_byte(Z_STR_P(refresh)))) {
		php_sqz_throw_config(zend_str_has_nul_byte(Z_STR_P(access)) ? "access_token" : "refresh_token",
			"the legacy record's tokens must not contain NUL bytes");
		RETURN_THROWS();
	}
	zend_long epoch;
	if (!expires) {
		php_sqz_throw_config("expires", "the legacy record needs expires (\"Y-m-d H:i:s\" in the given time zone, or an int epoch)");
		RETURN_THROWS();
	} else if (Z_TYPE_P(expires) == IS_LONG) {
		epoch = Z_LVAL_P(expires);
	} else if (Z_TYPE_P(expires) == IS_STRING) {
		if (legacy_expiry(Z_STR_P(expires), zone, &epoch) == FAILURE) {
			RETURN_THROWS();
		}
	} else {
		php_sqz_throw_config("expires", "the legacy record's expires must be a string or an int, %s given", zend_zval_type_name(expires));
		RETURN_THROWS();
	}

	sqz_token_info info;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_oauth_import(&obj->oauth, Z_STRVAL_P(access),
		refresh && Z_TYPE_P(refresh) == IS_STRING ? Z_STRVAL_P(refresh) : NULL, (sqz_epoch)epoch, &info, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			php_sqz_token_info_create(return_value, &info);
		}
		sqz_token_info_clear(&info);
	}
	php_sqz_finish_error(st, &err);
}

void php_sqz_authenticator_minit(void)
{
	php_sqz_authenticator_ce = register_class_SqzGraph_Authenticator();
	php_sqz_authenticator_ce->create_object = authenticator_create;
	memcpy(&authenticator_handlers, zend_get_std_object_handlers(), sizeof authenticator_handlers);
	authenticator_handlers.offset = XtOffsetOf(php_sqz_authenticator_object, std);
	authenticator_handlers.free_obj = authenticator_free;
	authenticator_handlers.get_gc = authenticator_get_gc;
	authenticator_handlers.get_debug_info = authenticator_get_debug_info;
	authenticator_handlers.clone_obj = NULL;
}
