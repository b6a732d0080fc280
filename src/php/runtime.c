#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_closures.h"
#include "php_sqzgraph.h"

#include "runtime.h"
#include "errors.h"

sqz_http *php_sqz_http(void)
{
	if (!SQZG(http)) {
		sqz_error err = SQZ_ERROR_INIT;
		SQZG(http) = sqz_http_new(&err);
		if (!SQZG(http)) {
			php_sqz_throw_error(&err);
			return NULL;
		}
	}
	return SQZG(http);
}

void php_sqz_http_shutdown(void)
{
	if (SQZG(http)) {
		sqz_http_free(SQZG(http));
		SQZG(http) = NULL;
	}
}

static void (*previous_interrupt)(zend_execute_data *execute_data);

void php_sqz_fatal_caught(void)
{
	SQZG(unwinding_fatal) = true;
	SQZG(fatal_pending) = true;
	zend_atomic_bool_store_ex(&EG(vm_interrupt), true);
}

void php_sqz_resume_fatal(void)
{
	if (SQZG(fatal_pending)) {
		SQZG(fatal_pending) = false;
		SQZG(unwinding_fatal) = false;
		zend_bailout();
	}
}

static void resume_fatal_at_interrupt(zend_execute_data *execute_data)
{
	php_sqz_resume_fatal();
	if (previous_interrupt) {
		previous_interrupt(execute_data);
	}
}

void php_sqz_runtime_minit(void)
{
	previous_interrupt = zend_interrupt_function;
	zend_interrupt_function = resume_fatal_at_interrupt;
}

bool php_sqz_php_calls_blocked(void)
{
	return EG(exception) != NULL || SQZG(unwinding_fatal);
}

zend_string *php_sqz_absolute_path(const char *path, size_t len)
{
	if (len == 0 || path[0] == '/' || len >= MAXPATHLEN || strlen(path) != len) {
		return NULL;
	}
	char resolved[MAXPATHLEN];
	if (!expand_filepath(path, resolved)) {
		return NULL;
	}
	return zend_string_init(resolved, strlen(resolved), 0);
}

const char *php_sqz_user_agent(void)
{
	return "sqzgraph/" PHP_SQZGRAPH_VERSION;
}

zend_function *php_sqz_logger_object_method(const zval *logger)
{
	if (Z_TYPE_P(logger) != IS_OBJECT || Z_OBJCE_P(logger) == zend_ce_closure) {
		return NULL;
	}
	zend_class_entry *ce = Z_OBJCE_P(logger);
	/* An invokable object is a callable: __invoke wins over log(). */
	if (zend_hash_str_exists(&ce->function_table, "__invoke", sizeof("__invoke") - 1)) {
		return NULL;
	}
	zend_function *log = zend_hash_str_find_ptr(&ce->function_table, "log", sizeof("log") - 1);
	if (!log || !(log->common.fn_flags & ZEND_ACC_PUBLIC) || (log->common.fn_flags & (ZEND_ACC_STATIC | ZEND_ACC_ABSTRACT))) {
		return NULL;
	}
	return log;
}

static void log_to_callable(void *ctx, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t field_count)
{
	zval *callable = ctx;
	if (php_sqz_php_calls_blocked()) {
		return;
	}
	zval args[3], retval;
	ZVAL_STRING(&args[0], sqz_log_level_name(level));
	ZVAL_STRING(&args[1], message);
	array_init_size(&args[2], (uint32_t)field_count);
	for (size_t i = 0; i < field_count; i++) {
		if (fields[i].value) {
			add_assoc_string(&args[2], fields[i].name, fields[i].value);
		} else {
			add_assoc_null(&args[2], fields[i].name);
		}
	}
	ZVAL_UNDEF(&retval);
	bool ok;
	zend_function *method = php_sqz_logger_object_method(callable);
	if (method) {
		PHP_SQZ_CALL_GUARDED(zend_call_known_instance_method(method, Z_OBJ_P(callable), &retval, 3, args), ok);
	} else {
		PHP_SQZ_CALL_GUARDED(call_user_function(NULL, NULL, callable, &retval, 3, args), ok);
	}
	(void)ok;    /* after a fatal error the next lines are dropped (php_sqz_php_calls_blocked) */
	zval_ptr_dtor(&retval);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&args[2]);
}

void php_sqz_logger_init(sqz_logger *logger, zval *callable)
{
	if (callable && Z_TYPE_P(callable) != IS_NULL && Z_TYPE_P(callable) != IS_UNDEF) {
		logger->log = log_to_callable;
		logger->ctx = callable;
	} else {
		logger->log = NULL;
		logger->ctx = NULL;
	}
}
