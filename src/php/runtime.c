#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_streams.h"
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

/* A download into a stream resource: php_stream_write may write less. */
typedef struct stream_sink {
	sqz_sink sink;
	php_stream *stream;
} stream_sink;

static int stream_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	stream_sink *s = ctx;
	while (len > 0) {
		ssize_t n = php_stream_write(s->stream, data, len);
		if (n <= 0) {
			sqz_error_set(err, SQZ_E_STORE, "cannot write to the target stream");
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

zend_long php_sqz_save_to_target(zval *target, uint32_t arg_num, php_sqz_download_fn fn, void *ctx)
{
	sqz_error err = SQZ_ERROR_INIT;
	int64_t bytes = 0;
	sqz_status st;
	if (Z_TYPE_P(target) == IS_RESOURCE) {
		php_stream *stream;
		php_stream_from_zval_no_verify(stream, target);
		if (!stream) {
			zend_argument_type_error(arg_num, "must be a file path or a writable stream");
			return -1;
		}
		stream_sink s = { { stream_write, NULL, NULL }, stream };
		s.sink.ctx = &s;
		st = fn(ctx, &s.sink, &bytes, &err);
	} else if (Z_TYPE_P(target) == IS_STRING) {
		if (Z_STRLEN_P(target) == 0 || zend_str_has_nul_byte(Z_STR_P(target))) {
			zend_argument_value_error(arg_num, "must be a non-empty file path without NUL bytes");
			return -1;
		}
		if (php_check_open_basedir(Z_STRVAL_P(target))) {
			return -1;
		}
		sqz_file_sink fs;
		zend_string *absolute = php_sqz_absolute_path(Z_STRVAL_P(target), Z_STRLEN_P(target));
		st = sqz_file_sink_open(&fs, absolute ? ZSTR_VAL(absolute) : Z_STRVAL_P(target), &err);
		if (absolute) {
			zend_string_release(absolute);
		}
		if (st == SQZ_OK) {
			st = fn(ctx, &fs.sink, &bytes, &err);
			if (st == SQZ_OK && !EG(exception)) {
				st = sqz_file_sink_commit(&fs, &err);
			} else {
				sqz_file_sink_abort(&fs);
			}
		}
	} else {
		zend_argument_type_error(arg_num, "must be of type string|resource, %s given", zend_zval_type_name(target));
		return -1;
	}
	if (st != SQZ_OK || EG(exception)) {
		php_sqz_finish_error(st, &err);
		return -1;
	}
	return (zend_long)bytes;
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
