/* SqzGraph\Importer over src/core/importer.c. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "core/alloc.h"
#include "core/importer.h"
#include "core/sealed_store.h"

#include "classes.h"
#include "errors.h"
#include "exceptions/exceptions.h"
#include "import_report.h"
#include "mailbox.h"
#include "runtime.h"
#include "php_sqzgraph.h"
#include "store.h"
#include "importer_arginfo.h"

zend_class_entry *php_sqz_importer_ce;
static zend_object_handlers importer_handlers;

typedef struct importer_object {
	zval mailbox;
	php_sqz_store_ref store;
	sqz_sealed_store sealed;
	int sealed_ready;
	sqz_import_options options;
	char *error_category;           /* owned copy */
	int ready;
	zend_object std;
} importer_object;

static inline importer_object *importer_from_obj(zend_object *obj)
{
	return (importer_object *)((char *)obj - XtOffsetOf(importer_object, std));
}

static zend_object *importer_create(zend_class_entry *ce)
{
	importer_object *obj = zend_object_alloc(sizeof(importer_object), ce);
	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &importer_handlers;
	ZVAL_UNDEF(&obj->mailbox);
	ZVAL_UNDEF(&obj->store.object);
	return &obj->std;
}

static void importer_free(zend_object *object)
{
	importer_object *obj = importer_from_obj(object);
	if (obj->sealed_ready) {
		sqz_sealed_store_clear(&obj->sealed);
	}
	php_sqz_store_ref_release(&obj->store);
	zval_ptr_dtor(&obj->mailbox);
	for (size_t i = 0; i < obj->options.attachment_type_count; i++) {
		sqz_free(obj->options.attachment_types[i]);
	}
	sqz_free(obj->options.attachment_types);
	sqz_free(obj->error_category);
	zend_object_std_dtor(object);
}

static HashTable *importer_get_gc(zend_object *object, zval **table, int *n)
{
	importer_object *obj = importer_from_obj(object);
	zend_get_gc_buffer *gc = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(gc, &obj->mailbox);
	php_sqz_store_ref_gc(&obj->store, gc);
	zend_get_gc_buffer_use(gc, table, n);
	return zend_std_get_properties(object);
}

static bool option_int(zval *v, const char *name, zend_long min, zend_long *out)
{
	if (Z_TYPE_P(v) != IS_LONG) {
		zend_argument_type_error(3, "option \"%s\" must be of type int, %s given", name, zend_zval_type_name(v));
		return false;
	}
	if (Z_LVAL_P(v) < min) {
		zend_argument_value_error(3, "option \"%s\" must be at least " ZEND_LONG_FMT, name, min);
		return false;
	}
	*out = Z_LVAL_P(v);
	return true;
}

static bool option_bool(zval *v, const char *name, int *out)
{
	if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
		zend_argument_type_error(3, "option \"%s\" must be of type bool, %s given", name, zend_zval_type_name(v));
		return false;
	}
	*out = Z_TYPE_P(v) == IS_TRUE;
	return true;
}

static bool parse_options(importer_object *obj, HashTable *options)
{
	sqz_import_options *o = &obj->options;
	sqz_import_options_defaults(o);
	zend_string *key;
	zval *v;
	if (!options) {
		return true;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
		ZVAL_DEREF(v);
		zend_long l;
		if (!key) {
			zend_argument_value_error(3, "must be an array with string keys");
			return false;
		} else if (zend_string_equals_literal(key, "max_messages")) {
			if (!option_int(v, "max_messages", 1, &l)) {
				return false;
			}
			o->max_messages = l;
		} else if (zend_string_equals_literal(key, "require_attachments")) {
			if (!option_bool(v, "require_attachments", &o->require_attachments)) {
				return false;
			}
		} else if (zend_string_equals_literal(key, "include_inline")) {
			if (!option_bool(v, "include_inline", &o->include_inline)) {
				return false;
			}
		} else if (zend_string_equals_literal(key, "max_message_size")) {
			if (Z_TYPE_P(v) == IS_NULL) {
				o->max_message_size = 0;
			} else if (!option_int(v, "max_message_size", 1, &l)) {
				return false;
			} else {
				o->max_message_size = l;
			}
		} else if (zend_string_equals_literal(key, "max_attempts")) {
			if (!option_int(v, "max_attempts", 1, &l)) {
				return false;
			}
			o->max_attempts = (int)(l > 1000 ? 1000 : l);
		} else if (zend_string_equals_literal(key, "error_category")) {
			if (Z_TYPE_P(v) == IS_NULL) {
				o->error_category = NULL;
			} else if (Z_TYPE_P(v) != IS_STRING) {
				zend_argument_type_error(3, "option \"error_category\" must be of type ?string, %s given", zend_zval_type_name(v));
				return false;
			} else if (Z_STRLEN_P(v) > 200 || zend_str_has_nul_byte(Z_STR_P(v))) {
				zend_argument_value_error(3, "option \"error_category\" must be at most 200 bytes without NUL bytes");
				return false;
			} else {
				sqz_free(obj->error_category);
				obj->error_category = sqz_strdup(Z_STRVAL_P(v));
				o->error_category = obj->error_category;
			}
		} else if (zend_string_equals_literal(key, "attachment_types")) {
			if (Z_TYPE_P(v) != IS_ARRAY) {
				zend_argument_type_error(3, "option \"attachment_types\" must be of type array, %s given", zend_zval_type_name(v));
				return false;
			}
			if (!zend_array_is_list(Z_ARRVAL_P(v))) {
				zend_argument_value_error(3, "option \"attachment_types\" must be a list");
				return false;
			}
			zval *t;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), t) {
				ZVAL_DEREF(t);
				if (Z_TYPE_P(t) != IS_STRING) {
					zend_argument_type_error(3, "option \"attachment_types\" must be a list of strings, %s found", zend_zval_type_name(t));
					return false;
				}
				if (Z_STRLEN_P(t) == 0 || zend_str_has_nul_byte(Z_STR_P(t))) {
					zend_argument_value_error(3, "option \"attachment_types\" must not contain an empty string or NUL bytes");
					return false;
				}
				char **grown = sqz_realloc(o->attachment_types, (o->attachment_type_count + 1) * sizeof *grown);
				if (!grown) {
					zend_throw_error(NULL, "out of memory");
					return false;
				}
				o->attachment_types = grown;
				grown[o->attachment_type_count++] = sqz_strdup(Z_STRVAL_P(t));
			}
			ZEND_HASH_FOREACH_END();
		} else if (zend_string_equals_literal(key, "fetch_ahead")) {
			if (Z_TYPE_P(v) != IS_ARRAY) {
				zend_argument_type_error(3, "option \"fetch_ahead\" must be of type array, %s given", zend_zval_type_name(v));
				return false;
			}
			if (!zend_array_is_list(Z_ARRVAL_P(v))) {
				zend_argument_value_error(3, "option \"fetch_ahead\" must be a list");
				return false;
			}
			o->fetch_ahead = 0;
			zval *t;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), t) {
				ZVAL_DEREF(t);
				if (Z_TYPE_P(t) == IS_STRING && zend_string_equals_literal(Z_STR_P(t), "mime")) {
					o->fetch_ahead |= SQZ_FETCH_AHEAD_MIME;
				} else if (Z_TYPE_P(t) == IS_STRING && zend_string_equals_literal(Z_STR_P(t), "attachments")) {
					o->fetch_ahead |= SQZ_FETCH_AHEAD_ATTACHMENTS;
				} else {
					zend_argument_value_error(3, "option \"fetch_ahead\" must be a list of \"mime\" and \"attachments\"");
					return false;
				}
			}
			ZEND_HASH_FOREACH_END();
		} else {
			zend_argument_value_error(3, "contains the unknown option \"%s\" (known: max_messages, require_attachments, "
						     "attachment_types, include_inline, max_message_size, max_attempts, error_category, "
						     "fetch_ahead)",
				ZSTR_VAL(key));
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

ZEND_METHOD(SqzGraph_Importer, __construct)
{
	zval *mailbox_zv, *store_zv;
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(mailbox_zv, php_sqz_mailbox_ce)
		Z_PARAM_OBJECT_OF_CLASS(store_zv, php_sqz_store_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	importer_object *obj = importer_from_obj(Z_OBJ_P(ZEND_THIS));
	if (obj->ready) {
		zend_throw_error(NULL, "SqzGraph\\Importer is already constructed");
		RETURN_THROWS();
	}
	php_sqz_mailbox_object *mb = php_sqz_mailbox_require(mailbox_zv);
	if (!mb || !parse_options(obj, options)) {
		RETURN_THROWS();
	}
	if (php_sqz_store_ref_init(&obj->store, Z_OBJ_P(store_zv)) == FAILURE) {
		RETURN_THROWS();
	}
	const sqz_config *cfg = mb->a->oauth.config;
	if (cfg->encryption_key) {
		sqz_error err = SQZ_ERROR_INIT;
		if (sqz_sealed_store_init(&obj->sealed, obj->store.store, cfg->encryption_key, cfg->encryption_key_len, &err) != SQZ_OK) {
			php_sqz_throw_error(&err);
			RETURN_THROWS();
		}
		obj->sealed_ready = 1;
	}
	ZVAL_COPY(&obj->mailbox, mailbox_zv);
	obj->ready = 1;
}

typedef struct run_ctx {
	zval *mailbox;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zend_fcall_info pfci;
	zend_fcall_info_cache pfcc;
	bool has_progress;
	zend_fcall_info ffci;          /* $fetching */
	zend_fcall_info_cache ffcc;
	zend_object *stop_exception;   /* the handler's exception that ended the run (SQZ_HANDLER_STOP) */
	bool fatal;   /* a callback raised a fatal error: rethrown once the core has cleaned up */
	php_sqz_report_lines lines;   /* the report's items, a line per message as it is settled */
} run_ctx;

/* Calls a userland callback so that a fatal error inside it (an engine
 * bailout: memory limit, E_ERROR) does not longjmp across the core's
 * frames, which would leak everything the run holds: it is caught here,
 * PHP callbacks are blocked while the core unwinds as for exit(), and
 * run() resumes the bailout afterwards. Returns false after a fatal error. */
static bool call_guarded(run_ctx *rc, zend_fcall_info *fci, zend_fcall_info_cache *fcc)
{
	volatile bool bailed_out = false;
	zend_try {
		zend_call_function(fci, fcc);
	} zend_catch {
		bailed_out = true;
	}
	zend_end_try();
	if (bailed_out) {
		rc->fatal = true;
		SQZG(unwinding_fatal) = true;
	}
	return !bailed_out;
}

/* Policy over the error map (errors.c): what a handler's exception means
 * for the run. Transient: the transport, throttling, Graph 429/5xx (or no
 * status at all). */
static bool is_transient(const sqz_error *seen)
{
	if (seen->status == SQZ_E_TRANSPORT || seen->status == SQZ_E_THROTTLED) {
		return true;
	}
	return seen->status == SQZ_E_GRAPH && (seen->http_status == 429 || seen->http_status >= 500 || seen->http_status == 0);
}

/* An exception that says nothing about the message: the grant is gone
 * (AuthorizationException, ReauthenticationRequiredException), the Store
 * or the configuration fails, Graph refuses the token or the access (401,
 * 403). Failing the message would send every message of the run to Error. */
static bool is_environment(const sqz_error *seen)
{
	switch (seen->status) {
	case SQZ_E_AUTHORIZATION:
	case SQZ_E_REAUTHENTICATE:
	case SQZ_E_STORE:
	case SQZ_E_CONFIG:
		return true;
	case SQZ_E_GRAPH:
	case SQZ_E_THROTTLED:
		return seen->http_status == 401 || seen->http_status == 403;
	default:
		return false;
	}
}

static char *exception_reason(zend_object *ex, const char *prefix)
{
	zval rv;
	/* The object's own class as the scope: "message" is protected, declared
	 * by Exception or by Error (TypeError & co. are no Exception). */
	zval *msg = zend_read_property(ex->ce, ex, "message", sizeof("message") - 1, 1, &rv);
	const char *text = Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "";
	size_t len = strlen(prefix) + ZSTR_LEN(ex->ce->name) + strlen(text) + 8;
	char *out = sqz_malloc(len);
	if (out) {
		snprintf(out, len, "%s%s: %s", prefix, ZSTR_VAL(ex->ce->name), text);
	}
	return out;
}

static sqz_handler_result handle(void *ctx, const sqz_message *m, char **reason, sqz_error *failure)
{
	run_ctx *rc = ctx;
	zval message, retval;
	php_sqz_message_create(&message, rc->mailbox, m);
	ZVAL_UNDEF(&retval);
	rc->fci.retval = &retval;
	rc->fci.params = &message;
	rc->fci.param_count = 1;
	if (!call_guarded(rc, &rc->fci, &rc->fcc)) {
		zval_ptr_dtor(&message);
		zval_ptr_dtor(&retval);
		/* Like a crash inside the handler: the journal keeps the attempt
		 * (a message that always ends in a fatal error becomes poison). */
		return SQZ_HANDLER_ABORT;
	}
	zval_ptr_dtor(&message);
	sqz_handler_result result = SQZ_HANDLER_OK;
	if (EG(exception)) {
		zend_object *ex = EG(exception);
		if (zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex)) {
			return SQZ_HANDLER_ABORT;
		}
		sqz_error seen = SQZ_ERROR_INIT;
		php_sqz_exception_to_error(ex, &seen);
		if (is_environment(&seen)) {
			/* Kept aside, thrown by run() once the journal is consistent (a
			 * pending exception would stop a userland Store's calls). */
			GC_ADDREF(ex);
			rc->stop_exception = ex;
			zend_clear_exception();
			zval_ptr_dtor(&retval);
			return SQZ_HANDLER_STOP;
		}
		if (instanceof_function(ex->ce, php_sqz_retry_later_exception_ce)) {
			*reason = exception_reason(ex, "retry_later: ");
			result = SQZ_HANDLER_RETRY;
		} else if (is_transient(&seen)) {
			*reason = exception_reason(ex, "");
			/* For the abort streak and the throttle memory: a retryAfter()
			 * beyond max_retry_wait ends the run as "throttled". */
			php_sqz_exception_to_error(ex, failure);
			result = SQZ_HANDLER_TRANSIENT;
		} else {
			*reason = exception_reason(ex, "handler_error: ");
			result = SQZ_HANDLER_FAILED;
		}
		zend_clear_exception();
	} else if (Z_TYPE(retval) == IS_FALSE) {
		*reason = sqz_strdup("handler_returned_false");
		result = SQZ_HANDLER_FAILED;
	}
	zval_ptr_dtor(&retval);
	return result;
}

static int progress(void *ctx, int64_t done, int64_t total, const sqz_message *m, const char *outcome)
{
	run_ctx *rc = ctx;
	if (!rc->has_progress || php_sqz_php_calls_blocked()) {
		return php_sqz_php_calls_blocked() ? -1 : 0;
	}
	zval args[4], retval;
	ZVAL_LONG(&args[0], (zend_long)done);
	if (total >= 0) {
		ZVAL_LONG(&args[1], (zend_long)total);
	} else {
		ZVAL_NULL(&args[1]);
	}
	php_sqz_message_create(&args[2], rc->mailbox, m);
	ZVAL_STRING(&args[3], outcome);
	ZVAL_UNDEF(&retval);
	rc->pfci.retval = &retval;
	rc->pfci.params = args;
	rc->pfci.param_count = 4;
	bool survived = call_guarded(rc, &rc->pfci, &rc->pfcc);
	zval_ptr_dtor(&retval);
	zval_ptr_dtor(&args[2]);
	zval_ptr_dtor(&args[3]);
	return survived && !EG(exception) ? 0 : -1;
}

static int fetching(void *ctx, int64_t count, int64_t done, int64_t total)
{
	run_ctx *rc = ctx;
	if (php_sqz_php_calls_blocked()) {
		return -1;
	}
	zval args[3], retval;
	ZVAL_LONG(&args[0], (zend_long)count);
	ZVAL_LONG(&args[1], (zend_long)done);
	if (total >= 0) {
		ZVAL_LONG(&args[2], (zend_long)total);
	} else {
		ZVAL_NULL(&args[2]);
	}
	ZVAL_UNDEF(&retval);
	rc->ffci.retval = &retval;
	rc->ffci.params = args;
	rc->ffci.param_count = 3;
	bool survived = call_guarded(rc, &rc->ffci, &rc->ffcc);
	zval_ptr_dtor(&retval);
	return survived && !EG(exception) ? 0 : -1;
}

static int host_failed(void *ctx)
{
	(void)ctx;
	return php_sqz_php_calls_blocked();
}

/* The core hands each line over as the message is settled. */
static void report_item(void *ctx, const sqz_import_item *it)
{
	run_ctx *rc = ctx;
	php_sqz_report_lines_add(&rc->lines, it);
}

ZEND_METHOD(SqzGraph_Importer, run)
{
	run_ctx rc;
	memset(&rc, 0, sizeof rc);
	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_FUNC(rc.fci, rc.fcc)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(rc.pfci, rc.pfcc)
		Z_PARAM_FUNC_OR_NULL(rc.ffci, rc.ffcc)
	ZEND_PARSE_PARAMETERS_END();
	rc.has_progress = ZEND_FCI_INITIALIZED(rc.pfci);

	importer_object *obj = importer_from_obj(Z_OBJ_P(ZEND_THIS));
	if (!obj->ready) {
		zend_throw_error(NULL, "The SqzGraph\\Importer object has not been constructed");
		RETURN_THROWS();
	}
	php_sqz_mailbox_object *mb = php_sqz_mailbox_require(&obj->mailbox);
	if (!mb) {
		RETURN_THROWS();
	}
	rc.mailbox = &obj->mailbox;
	sqz_store store = obj->sealed_ready ? sqz_sealed_store_store(&obj->sealed) : obj->store.store;
	sqz_importer im;
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_importer_init(&im, &mb->mb, store, mb->a->oauth.config, &obj->options, &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	sqz_importer_host host = { handle, progress, &rc, mb->a->logger.log ? &mb->a->logger : NULL, host_failed,
		ZEND_FCI_INITIALIZED(rc.ffci) ? fetching : NULL, report_item };
	sqz_import_report report;
	/* The handler may drop the last outside reference to this Importer. */
	GC_ADDREF(&obj->std);
	void *mark = sqz_importer_active_mark();
	sqz_mailbox_cache outer_cache = mb->mb.cache;
	volatile sqz_status st = SQZ_OK;
	volatile bool bailed_out = false;
	zend_try {
		st = sqz_importer_run(&im, &host, &report, &err);
	} zend_catch {
		/* A fatal error in a callback: the run's frame is gone; it must not
		 * stay registered as running (the next request of this process). */
		bailed_out = true;
	}
	zend_end_try();
	if (rc.fatal && !bailed_out) {
		/* A callback's fatal error, caught there: the core has unwound and
		 * freed what the run held; now the engine goes on with it. */
		SQZG(unwinding_fatal) = false;
		sqz_importer_active_restore(mark);
		sqz_import_report_clear(&report);
		sqz_error_clear(&err);
		php_sqz_report_lines_free(&rc.lines);
		zend_bailout();
	}
	if (bailed_out) {
		SQZG(unwinding_fatal) = false;
		/* A bailout the callbacks did not catch (a userland Store's or the
		 * logger's): the run's frames are gone. No release of the object
		 * here: the engine is unwinding (no userland code may run); the
		 * request's end frees it. */
		sqz_importer_active_restore(mark);
		/* The mail fetched ahead must not stay in the temporary directory. */
		sqz_importer_abandon(&mb->mb, outer_cache);
		sqz_import_report_clear(&report);
		sqz_error_clear(&err);
		php_sqz_report_lines_free(&rc.lines);
		zend_bailout();
	}
	if (rc.stop_exception) {
		/* The handler's own exception is the news, not "the handler failed". */
		zval ex;
		ZVAL_OBJ(&ex, rc.stop_exception);
		sqz_error_clear(&err);
		st = SQZ_OK;
		if (EG(exception)) {
			zval_ptr_dtor(&ex);
		} else {
			zend_throw_exception_object(&ex);
		}
	}
	if (st == SQZ_OK && !EG(exception)) {
		php_sqz_import_report_create(return_value, &report, &rc.lines);
	}
	php_sqz_report_lines_free(&rc.lines);
	sqz_import_report_clear(&report);
	php_sqz_finish_error(st, &err);
	OBJ_RELEASE(&obj->std);
}


void php_sqz_importer_minit(void)
{
	php_sqz_importer_ce = register_class_SqzGraph_Importer();
	php_sqz_importer_ce->create_object = importer_create;
	memcpy(&importer_handlers, zend_get_std_object_handlers(), sizeof importer_handlers);
	importer_handlers.offset = XtOffsetOf(importer_object, std);
	importer_handlers.free_obj = importer_free;
	importer_handlers.get_gc = importer_get_gc;
	importer_handlers.clone_obj = NULL;
}
