/* The one error map of the binding, both ways (see errors.h). */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"

#include "php_sqzgraph.h"
#include "errors.h"
#include "runtime.h"
#include "exceptions/exceptions.h"

static void set_string(zend_class_entry *scope, zend_object *obj, const char *name, const char *value)
{
	if (value) {
		zend_update_property_string(scope, obj, name, strlen(name), value);
	}
}

static void set_list(zend_class_entry *scope, zend_object *obj, const char *name, char **items, size_t count)
{
	zval list;
	array_init_size(&list, (uint32_t)count);
	for (size_t i = 0; i < count; i++) {
		add_next_index_string(&list, items[i]);
	}
	zend_update_property(scope, obj, name, strlen(name), &list);
	zval_ptr_dtor(&list);
}

/* The one map between core statuses and exception classes, read both ways:
 * status -> class to throw, exception -> status (a subclass before its
 * parent: the reverse takes the first class the exception is an instance
 * of). SQZ_E_INTERNAL, SQZ_E_NOMEM and SQZ_E_CALLBACK have no class. */
static const struct error_class {
	sqz_status status;
	zend_class_entry **ce;
} error_classes[] = {
	{ SQZ_E_CONFIG, &php_sqz_config_exception_ce },
	{ SQZ_E_STORE, &php_sqz_store_exception_ce },
	{ SQZ_E_TRANSPORT, &php_sqz_transport_exception_ce },
	{ SQZ_E_THROTTLED, &php_sqz_throttled_exception_ce },
	{ SQZ_E_GRAPH, &php_sqz_graph_exception_ce },
	{ SQZ_E_REAUTHENTICATE, &php_sqz_reauthentication_required_exception_ce },
	{ SQZ_E_AUTHORIZATION, &php_sqz_authorization_exception_ce },
	{ SQZ_E_FOLDER_NOT_FOUND, &php_sqz_folder_not_found_exception_ce },
	{ SQZ_E_FOLDER_AMBIGUOUS, &php_sqz_ambiguous_folder_exception_ce },
};

static zend_class_entry *class_for(sqz_status status)
{
	for (size_t i = 0; i < sizeof error_classes / sizeof error_classes[0]; i++) {
		if (error_classes[i].status == status) {
			return *error_classes[i].ce;
		}
	}
	return NULL;
}

sqz_status php_sqz_exception_status(const zend_object *ex)
{
	for (size_t i = 0; i < sizeof error_classes / sizeof error_classes[0]; i++) {
		if (instanceof_function(ex->ce, *error_classes[i].ce)) {
			return error_classes[i].status;
		}
	}
	return SQZ_E_CALLBACK;
}

void php_sqz_exception_to_error(zend_object *ex, sqz_error *err)
{
	zval rv;
	err->status = php_sqz_exception_status(ex);
	if (err->status != SQZ_E_GRAPH && err->status != SQZ_E_THROTTLED) {
		return;
	}
	zval *status = zend_read_property(php_sqz_graph_exception_ce, ex, "statusCode", sizeof("statusCode") - 1, 1, &rv);
	err->http_status = Z_TYPE_P(status) == IS_LONG ? (long)Z_LVAL_P(status) : 0;
	if (err->status == SQZ_E_THROTTLED) {
		zval *after = zend_read_property(php_sqz_throttled_exception_ce, ex, "retryAfter", sizeof("retryAfter") - 1, 1, &rv);
		err->retry_after = Z_TYPE_P(after) == IS_DOUBLE ? Z_DVAL_P(after) : Z_TYPE_P(after) == IS_LONG ? (double)Z_LVAL_P(after)
													       : 0;
	}
}

void php_sqz_throw_error(sqz_error *err)
{
	if (SQZG(fatal_pending)) {
		/* A callback's fatal error was caught while the core ran: no
		 * exception for userland to catch, the fatal error goes on. */
		sqz_error_clear(err);
		php_sqz_resume_fatal();
	}
	if (err->status == SQZ_E_CALLBACK && EG(exception)) {
		sqz_error_clear(err);
		return;
	}
	if (err->status == SQZ_E_NOMEM) {
		sqz_error_clear(err);
		zend_throw_error(NULL, "sqzgraph: out of memory");
		return;
	}
	zend_class_entry *ce = class_for(err->status);
	const char *message = err->message ? err->message : sqz_status_name(err->status);
	if (!ce) {
		/* SQZ_E_INTERNAL, or a callback that failed without saying why. */
		zend_throw_error(NULL, "sqzgraph internal error: %s", message);
		sqz_error_clear(err);
		return;
	}

	zend_object *ex = zend_throw_exception(ce, message, 0);
	switch (err->status) {
	case SQZ_E_CONFIG:
	case SQZ_E_STORE:
		set_string(ce, ex, "key", err->key);
		break;
	case SQZ_E_TRANSPORT:
		zend_update_property_long(ce, ex, "curlCode", sizeof("curlCode") - 1, err->curl_code);
		break;
	case SQZ_E_THROTTLED:
		zend_update_property_double(ce, ex, "retryAfter", sizeof("retryAfter") - 1, err->retry_after);
		ZEND_FALLTHROUGH;
	case SQZ_E_GRAPH:
		zend_update_property_long(php_sqz_graph_exception_ce, ex, "statusCode", sizeof("statusCode") - 1, err->http_status);
		set_string(php_sqz_graph_exception_ce, ex, "graphCode", err->graph_code);
		set_string(php_sqz_graph_exception_ce, ex, "requestId", err->request_id);
		break;
	case SQZ_E_REAUTHENTICATE:
		set_string(ce, ex, "reason", err->reason ? err->reason : "not_authorized");
		ZEND_FALLTHROUGH;
	case SQZ_E_AUTHORIZATION:
		set_string(php_sqz_authorization_exception_ce, ex, "error", err->oauth_error);
		set_string(php_sqz_authorization_exception_ce, ex, "errorCode", err->error_code);
		set_string(php_sqz_authorization_exception_ce, ex, "description", err->description);
		break;
	case SQZ_E_FOLDER_NOT_FOUND:
		set_list(ce, ex, "closest", err->candidates, err->candidate_count);
		break;
	case SQZ_E_FOLDER_AMBIGUOUS:
		set_list(ce, ex, "candidates", err->candidates, err->candidate_count);
		break;
	default:
		break;
	}
	sqz_error_clear(err);
}

void php_sqz_finish_error(sqz_status st, sqz_error *err)
{
	if (EG(exception)) {
		sqz_error_clear(err);
		return;
	}
	if (st != SQZ_OK) {
		php_sqz_throw_error(err);
	}
}

void php_sqz_throw_config(const char *key, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	zend_string *message = zend_vstrpprintf(0, format, ap);
	va_end(ap);
	zend_object *ex = zend_throw_exception(php_sqz_config_exception_ce, ZSTR_VAL(message), 0);
	if (key) {
		zend_update_property_string(php_sqz_config_exception_ce, ex, "key", sizeof("key") - 1, key);
	}
	zend_string_release(message);
}
