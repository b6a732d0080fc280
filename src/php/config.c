/* SqzGraph\Config: converts the options array to the core's kinds with
 * strict types, keeps the logger, and shows only a redacted view to
 * var_dump / print_r / var_export. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "classes.h"
#include "errors.h"
#include "config.h" /* src/php/config.h: this class's binding header */
#include "runtime.h"
#include "config_arginfo.h"

zend_class_entry *php_sqz_config_ce;
static zend_object_handlers php_sqz_config_handlers;

#define REDACTED "***"

/* ---- object handlers ---------------------------------------------------- */

static zend_object *config_create(zend_class_entry *ce)
{
	php_sqz_config_object *intern = zend_object_alloc(sizeof(php_sqz_config_object), ce);
	intern->config = NULL;
	ZVAL_UNDEF(&intern->logger);
	zend_object_std_init(&intern->std, ce);
	object_properties_init(&intern->std, ce);
	intern->std.handlers = &php_sqz_config_handlers;
	return &intern->std;
}

static void config_free(zend_object *obj)
{
	php_sqz_config_object *intern = php_sqz_config_from_obj(obj);
	sqz_config_free(intern->config);
	intern->config = NULL;
	zval_ptr_dtor(&intern->logger);
	ZVAL_UNDEF(&intern->logger);
	zend_object_std_dtor(obj);
}

static HashTable *config_get_gc(zend_object *obj, zval **table, int *n)
{
	php_sqz_config_object *intern = php_sqz_config_from_obj(obj);
	if (Z_TYPE(intern->logger) != IS_UNDEF) {
		*table = &intern->logger;
		*n = 1;
	} else {
		*table = NULL;
		*n = 0;
	}
	return zend_std_get_properties(obj);
}

static void add_nullable_string(zval *arr, const char *key, const char *value)
{
	if (value) {
		add_assoc_string(arr, key, value);
	} else {
		add_assoc_null(arr, key);
	}
}

/* A secret shows as '***' when set, null when not: enough to see whether
 * it is configured, nothing of its value. */
static void add_redacted(zval *arr, const char *key, bool set)
{
	if (set) {
		add_assoc_string(arr, key, REDACTED);
	} else {
		add_assoc_null(arr, key);
	}
}

/* The effective options in SPEC order (the view of toArray() and of the
 * debug handlers). */
static void config_to_array(php_sqz_config_object *intern, zval *rv)
{
	const sqz_config *c = intern->config;
	zval list;

	array_init_size(rv, 22);
	add_assoc_string(rv, "flow", sqz_flow_name(c->flow));
	add_assoc_string(rv, "tenant_id", c->tenant_id);
	add_assoc_string(rv, "client_id", c->client_id);
	add_redacted(rv, "client_secret", c->client_secret != NULL);
	add_nullable_string(rv, "client_certificate", c->client_certificate);
	add_redacted(rv, "client_private_key", c->client_private_key != NULL);
	if (c->client_secret_expires) {
		add_assoc_long(rv, "client_secret_expires", (zend_long)c->client_secret_expires);
	} else {
		add_assoc_null(rv, "client_secret_expires");
	}
	add_nullable_string(rv, "redirect_uri", c->redirect_uri);
	add_nullable_string(rv, "mailbox", c->mailbox);

	array_init_size(&list, (uint32_t)c->scope_count);
	for (size_t i = 0; i < c->scope_count; i++) {
		add_next_index_string(&list, c->scopes[i]);
	}
	add_assoc_zval(rv, "scopes", &list);

	array_init_size(&list, 3);
	add_assoc_string(&list, "inbox", c->folder_inbox);
	add_assoc_string(&list, "exported", c->folder_exported);
	add_assoc_string(&list, "error", c->folder_error);
	add_assoc_zval(rv, "folders", &list);

	add_assoc_string(rv, "authority", c->authority);
	add_assoc_string(rv, "graph_endpoint", c->graph_endpoint);
	add_assoc_string(rv, "cloud", c->cloud);
	add_redacted(rv, "encryption_key", c->encryption_key != NULL);
	add_nullable_string(rv, "ca_file", c->ca_file);
	add_assoc_double(rv, "connect_timeout", c->connect_timeout);
	add_assoc_double(rv, "timeout", c->timeout);
	add_assoc_long(rv, "max_retries", c->max_retries);
	add_assoc_double(rv, "max_retry_wait", c->max_retry_wait);
	add_assoc_long(rv, "concurrency", c->concurrency);
	if (Z_TYPE(intern->logger) != IS_UNDEF) {
		Z_TRY_ADDREF(intern->logger);
		add_assoc_zval(rv, "logger", &intern->logger);
	} else {
		add_assoc_null(rv, "logger");
	}
}

/* var_dump, print_r, debug_zval_refcount and var_export show the redacted
 * toArray() view (useful to an administrator); (array), json_encode,
 * get_object_vars and foreach see the object's real properties: none.
 * serialize() is refused by @not-serializable. */
static zend_array *config_get_properties_for(zend_object *obj, zend_prop_purpose purpose)
{
	php_sqz_config_object *intern = php_sqz_config_from_obj(obj);
	switch (purpose) {
	case ZEND_PROP_PURPOSE_DEBUG:
	case ZEND_PROP_PURPOSE_VAR_EXPORT: {
		if (!intern->config) {
			return zend_new_array(0);
		}
		zval view;
		config_to_array(intern, &view);
		return Z_ARR(view);
	}
	default:
		return zend_std_get_properties_for(obj, purpose);
	}
}

/* ---- option conversion ---------------------------------------------------- */

/* A type error in the core's error so that src/php/errors.c throws it. */
static sqz_status type_error(sqz_error *err, const char *key, const char *what, const char *expected, zval *value)
{
	sqz_error_set(err, SQZ_E_CONFIG, "%s must be of type %s, %s given", what, expected, zend_zval_type_name(value));
	sqz_error_set_key(err, key);
	return SQZ_E_CONFIG;
}

static sqz_status config_error(sqz_error *err, const char *key, const char *message)
{
	sqz_error_set(err, SQZ_E_CONFIG, "%s", message);
	sqz_error_set_key(err, key);
	return SQZ_E_CONFIG;
}

static sqz_status apply_list(sqz_config *cfg, const char *key, zval *value, sqz_error *err)
{
	HashTable *ht = Z_ARRVAL_P(value);
	uint32_t count = zend_hash_num_elements(ht);
	if (!zend_array_is_list(ht)) {
		sqz_error_set(err, SQZ_E_CONFIG, "%s must be a list of strings (an array without keys)", key);
		sqz_error_set_key(err, key);
		return SQZ_E_CONFIG;
	}
	const char **items = safe_emalloc(count ? count : 1, sizeof *items, 0);
	size_t *lens = safe_emalloc(count ? count : 1, sizeof *lens, 0);
	uint32_t i = 0;
	zval *item;
	sqz_status st = SQZ_OK;
	ZEND_HASH_FOREACH_VAL(ht, item) {
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_STRING) {
			char what[64];
			snprintf(what, sizeof what, "%s[%u]", key, i);
			st = type_error(err, key, what, "string", item);
			break;
		}
		items[i] = Z_STRVAL_P(item);
		lens[i] = Z_STRLEN_P(item);
		i++;
	}
	ZEND_HASH_FOREACH_END();
	if (st == SQZ_OK) {
		st = sqz_config_set_list(cfg, key, items, lens, count, err);
	}
	efree(items);
	efree(lens);
	return st;
}

static sqz_status apply_map(sqz_config *cfg, const char *key, zval *value, sqz_error *err)
{
	zend_string *sub;
	zend_ulong index;
	zval *item;
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(value), index, sub, item) {
		if (!sub) {
			sqz_error_set(err, SQZ_E_CONFIG, "%s must be keyed by inbox, exported and error; got the integer key " ZEND_ULONG_FMT, key, index);
			sqz_error_set_key(err, key);
			return SQZ_E_CONFIG;
		}
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_STRING) {
			/* The sub-key is one of ours or rejected below: show it only when short. */
			char what[96];
			snprintf(what, sizeof what, "%s[\"%.40s\"]", key, ZSTR_VAL(sub));
			return type_error(err, key, what, "string", item);
		}
		sqz_status st = sqz_config_set_map_entry(cfg, key, ZSTR_VAL(sub), ZSTR_LEN(sub), Z_STRVAL_P(item),
			Z_STRLEN_P(item), err);
		if (st != SQZ_OK) {
			return st;
		}
	}
	ZEND_HASH_FOREACH_END();
	return SQZ_OK;
}

static sqz_status apply_callable(sqz_config *cfg, const char *key, zval *value, zval **logger, sqz_error *err)
{
	if (Z_TYPE_P(value) == IS_NULL) {
		*logger = NULL;
		return sqz_config_set_null(cfg, key, err);
	}
	if (php_sqz_logger_object_method(value)) {
		/* A PSR-3 logger (Psr\Log\LoggerInterface or anything with a
		 * public log($level, $message, $context)): what applications
		 * already hold, without a closure around it. */
		*logger = value;
		return sqz_config_set_callable(cfg, key, 1, err);
	}
	char *why = NULL;
	/* No calling frame: only what is callable from anywhere is accepted,
	 * because the logger is called later from inside the extension. */
	bool ok = zend_is_callable_at_frame(value, NULL, NULL, 0, NULL, &why);
	if (EG(exception)) {
		/* An autoloader threw while resolving "Class::method". */
		if (why) {
			efree(why);
		}
		return sqz_error_set(err, SQZ_E_CALLBACK, "logger resolution failed");
	}
	if (!ok) {
		sqz_status st;
		if (why && (Z_TYPE_P(value) == IS_STRING || Z_TYPE_P(value) == IS_ARRAY)) {
			/* A private or protected method is not callable from the
			 * extension later; a first-class callable closure is. */
			bool scope = strstr(why, "private") || strstr(why, "protected");
			sqz_error_set(err, SQZ_E_CONFIG, "%s must be a valid callback or null: %s%s", key, why,
				scope ? " (pass a Closure instead, e.g. $this->log(...))" : "");
			sqz_error_set_key(err, key);
			st = SQZ_E_CONFIG;
		} else {
			st = type_error(err, key, key, "?callable (or a PSR-3 logger object with a public log() method)", value);
		}
		if (why) {
			efree(why);
		}
		return st;
	}
	if (why) {
		efree(why); /* a deprecation note for a callable that still works */
	}
	*logger = value;
	return sqz_config_set_callable(cfg, key, 1, err);
}

/* One option: the zval is checked against the kind the core's table gives
 * and handed over; value is dereferenced. */
static sqz_status apply_option(sqz_config *cfg, zend_string *name, zval *value, zval **logger, sqz_error *err)
{
	const char *key = ZSTR_VAL(name);
	sqz_config_kind kind = strlen(key) == ZSTR_LEN(name) ? sqz_config_option_kind(key) : SQZ_CONFIG_UNKNOWN;
	ZVAL_DEREF(value);
	switch (kind) {
	case SQZ_CONFIG_UNKNOWN:
		return sqz_config_unknown_option(key, ZSTR_LEN(name), err);
	case SQZ_CONFIG_STRING:
		if (Z_TYPE_P(value) != IS_STRING) {
			return type_error(err, key, key, "string", value);
		}
		return sqz_config_set_string(cfg, key, Z_STRVAL_P(value), Z_STRLEN_P(value), err);
	case SQZ_CONFIG_NULLABLE_STRING:
		if (Z_TYPE_P(value) == IS_NULL) {
			return sqz_config_set_null(cfg, key, err);
		}
		if (Z_TYPE_P(value) != IS_STRING) {
			return type_error(err, key, key, "?string", value);
		}
		if (sqz_config_option_is_path(key, Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			/* Read now and again later (curl opens ca_file per connection):
			 * the same file whatever the script's working directory becomes. */
			zend_string *absolute = php_sqz_absolute_path(Z_STRVAL_P(value), Z_STRLEN_P(value));
			if (absolute) {
				sqz_status st = sqz_config_set_string(cfg, key, ZSTR_VAL(absolute), ZSTR_LEN(absolute), err);
				zend_string_release(absolute);
				return st;
			}
		}
		return sqz_config_set_string(cfg, key, Z_STRVAL_P(value), Z_STRLEN_P(value), err);
	case SQZ_CONFIG_INT:
		if (Z_TYPE_P(value) != IS_LONG) {
			return type_error(err, key, key, "int", value);
		}
		return sqz_config_set_int(cfg, key, (int64_t)Z_LVAL_P(value), err);
	case SQZ_CONFIG_NUMBER:
		if (Z_TYPE_P(value) == IS_LONG) {
			return sqz_config_set_int(cfg, key, (int64_t)Z_LVAL_P(value), err);
		}
		if (Z_TYPE_P(value) != IS_DOUBLE) {
			return type_error(err, key, key, "int|float", value);
		}
		return sqz_config_set_number(cfg, key, Z_DVAL_P(value), err);
	case SQZ_CONFIG_BOOL:
		if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
			return type_error(err, key, key, "bool", value);
		}
		return sqz_config_set_bool(cfg, key, Z_TYPE_P(value) == IS_TRUE, err);
	case SQZ_CONFIG_STRING_LIST:
		if (Z_TYPE_P(value) != IS_ARRAY) {
			return type_error(err, key, key, "array", value);
		}
		return apply_list(cfg, key, value, err);
	case SQZ_CONFIG_STRING_MAP:
		if (Z_TYPE_P(value) != IS_ARRAY) {
			return type_error(err, key, key, "array", value);
		}
		return apply_map(cfg, key, value, err);
	case SQZ_CONFIG_EPOCH_OR_DATE:
		switch (Z_TYPE_P(value)) {
		case IS_NULL: return sqz_config_set_null(cfg, key, err);
		case IS_LONG: return sqz_config_set_int(cfg, key, (int64_t)Z_LVAL_P(value), err);
		case IS_STRING: return sqz_config_set_string(cfg, key, Z_STRVAL_P(value), Z_STRLEN_P(value), err);
		default: return type_error(err, key, key, "string|int|null", value);
		}
	case SQZ_CONFIG_CALLABLE:
		return apply_callable(cfg, key, value, logger, err);
	}
	return config_error(err, key, "unsupported option kind");
}

/* ---- methods --------------------------------------------------------------- */

static php_sqz_config_object *constructed(zval *this_zv)
{
	php_sqz_config_object *intern = Z_SQZ_CONFIG_P(this_zv);
	if (!intern->config) {
		zend_throw_error(NULL, "SqzGraph\\Config has not been constructed");
		return NULL;
	}
	return intern;
}

const sqz_config *php_sqz_config_require(zval *zv)
{
	const sqz_config *cfg = php_sqz_config_core(zv);
	if (!cfg) {
		zend_throw_error(NULL, "SqzGraph\\Config has not been constructed");
	}
	return cfg;
}

ZEND_METHOD(SqzGraph_Config, __construct)
{
	HashTable *options;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_config_object *intern = Z_SQZ_CONFIG_P(ZEND_THIS);
	if (intern->config) {
		zend_throw_error(NULL, "Cannot modify an already constructed SqzGraph\\Config");
		RETURN_THROWS();
	}
	sqz_config *cfg = sqz_config_new();
	if (!cfg) {
		zend_throw_error(NULL, "sqzgraph: out of memory");
		RETURN_THROWS();
	}

	sqz_error err = SQZ_ERROR_INIT;
	zval *logger = NULL;
	zend_string *name;
	zend_ulong index;
	zval *value;
	ZEND_HASH_FOREACH_KEY_VAL(options, index, name, value) {
		if (!name) {
			sqz_error_set(&err, SQZ_E_CONFIG, "the options must be keyed by option name (flow, tenant_id, ...); got "
							  "the integer key " ZEND_ULONG_FMT,
				index);
			goto failed;
		}
		if (apply_option(cfg, name, value, &logger, &err) != SQZ_OK) {
			goto failed;
		}
	}
	ZEND_HASH_FOREACH_END();
	if (sqz_config_finish(cfg, &err) != SQZ_OK) {
		goto failed;
	}
	intern->config = cfg;
	if (logger) {
		ZVAL_COPY(&intern->logger, logger);
	}
	return;

failed:
	sqz_config_free(cfg);
	php_sqz_throw_error(&err);
	RETURN_THROWS();
}

ZEND_METHOD(SqzGraph_Config, fingerprint)
{
	ZEND_PARSE_PARAMETERS_NONE();

	php_sqz_config_object *intern = constructed(ZEND_THIS);
	if (!intern) {
		RETURN_THROWS();
	}
	char out[65];
	if (sqz_config_fingerprint(intern->config, out) != 0) {
		zend_throw_error(NULL, "sqzgraph: out of memory");
		RETURN_THROWS();
	}
	RETURN_STRINGL(out, 64);
}

ZEND_METHOD(SqzGraph_Config, toArray)
{
	ZEND_PARSE_PARAMETERS_NONE();

	php_sqz_config_object *intern = constructed(ZEND_THIS);
	if (!intern) {
		RETURN_THROWS();
	}
	config_to_array(intern, return_value);
}

void php_sqz_config_minit(void)
{
	php_sqz_config_ce = register_class_SqzGraph_Config();
	php_sqz_config_ce->create_object = config_create;

	memcpy(&php_sqz_config_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	php_sqz_config_handlers.offset = XtOffsetOf(php_sqz_config_object, std);
	php_sqz_config_handlers.free_obj = config_free;
	php_sqz_config_handlers.get_gc = config_get_gc;
	php_sqz_config_handlers.get_properties_for = config_get_properties_for;
	php_sqz_config_handlers.clone_obj = NULL;
}
