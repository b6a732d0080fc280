/* sqzgraph binding: process-wide pieces the classes share — the core HTTP
 * stack kept in module globals, and the bridge from the core's logger hook
 * to Config's `logger` callable. */
#ifndef PHP_SQZ_RUNTIME_H
#define PHP_SQZ_RUNTIME_H

#include "php.h"
#include "core/http.h"
#include "core/log.h"
#include "core/sink.h"

/* The process's HTTP stack, created on first use; NULL with an exception
 * thrown when libcurl cannot create it. */
sqz_http *php_sqz_http(void);
void php_sqz_http_shutdown(void);

/* May the core call back into PHP now? Not with an exception pending, nor
 * while a fatal error unwinds the core (see SQZG(unwinding_fatal)). */
bool php_sqz_php_calls_blocked(void);

/* A path a user gave, made absolute the way PHP's own file functions see
 * it: relative to the script's working directory, which in a thread-safe
 * PHP is the thread's (virtual) one, not the process's that the core's
 * open() would use. A new string, or NULL when the path is absolute already
 * or cannot be resolved (then the caller passes it on as given). */
zend_string *php_sqz_absolute_path(const char *path, size_t len);

/* A fatal error (engine bailout: memory limit, E_ERROR) inside a userland
 * callback that the core made must not longjmp across the core's frames:
 * everything they hold would leak (a token copy among it). The call is made
 * under zend_try; after a bailout php_sqz_fatal_caught() blocks further PHP
 * callbacks, the core unwinds as for any failed callback and frees what it
 * holds, and the bailout goes on once the binding method ends (or throws).
 *   bool ok;
 *   PHP_SQZ_CALL_GUARDED(call_user_function(...), ok);
 */
#define PHP_SQZ_CALL_GUARDED(call, ok) do { \
		zend_execute_data *sqz_saved_ed_ = EG(current_execute_data); \
		volatile bool sqz_bailed_ = false; \
		zend_try { \
			call; \
		} zend_catch { \
			sqz_bailed_ = true; \
		} zend_end_try(); \
		if (sqz_bailed_) { \
			EG(current_execute_data) = sqz_saved_ed_; \
			php_sqz_fatal_caught(); \
		} \
		(ok) = !sqz_bailed_; \
	} while (0)
void php_sqz_fatal_caught(void);
/* Resumes a caught fatal error now (see above) if there is one. */
void php_sqz_resume_fatal(void);
/* MINIT: the VM interrupt hook that resumes it after the method returns. */
void php_sqz_runtime_minit(void);

/* Streams a download into $target, a file path (written to a temporary
 * file, renamed into place when complete) or a writable stream resource:
 * fn(ctx, sink, &bytes, err) produces the bytes. Returns the byte count,
 * or -1 with an exception thrown (argument errors name arg_num). */
typedef sqz_status (*php_sqz_download_fn)(void *ctx, sqz_sink *sink, int64_t *bytes, sqz_error *err);
zend_long php_sqz_save_to_target(zval *target, uint32_t arg_num, php_sqz_download_fn fn, void *ctx);

/* "sqzgraph/<version>" */
const char *php_sqz_user_agent(void);

/* The public, non-static log() of a PSR-3 style logger object (one that is
 * not itself callable), or NULL when logger is anything else. Borrowed. */
zend_function *php_sqz_logger_object_method(const zval *logger);

/* A core logger that calls `callable(string $level, string $message, array
 * $context)`. callable may be NULL/IS_NULL (then logger->log is NULL). The
 * zval is borrowed: it must outlive the logger. If the callable throws, the
 * exception stays pending and later lines are dropped; the binding method
 * then rethrows it when the core returns. */
void php_sqz_logger_init(sqz_logger *logger, zval *callable);

#endif
