/* sqzgraph binding: process-wide pieces the classes share — the core HTTP
 * stack kept in module globals, and the bridge from the core's logger hook
 * to Config's `logger` callable. */
#ifndef PHP_SQZ_RUNTIME_H
#define PHP_SQZ_RUNTIME_H

#include "php.h"
#include "core/http.h"
#include "core/log.h"

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

/* "sqzgraph/<version>" */
const char *php_sqz_user_agent(void);

/* A core logger that calls `callable(string $level, string $message, array
 * $context)`. callable may be NULL/IS_NULL (then logger->log is NULL). The
 * zval is borrowed: it must outlive the logger. If the callable throws, the
 * exception stays pending and later lines are dropped; the binding method
 * then rethrows it when the core returns. */
void php_sqz_logger_init(sqz_logger *logger, zval *callable);

#endif
