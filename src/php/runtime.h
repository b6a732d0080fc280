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

/* "sqzgraph/<version>" */
const char *php_sqz_user_agent(void);

/* A core logger that calls `callable(string $level, string $message, array
 * $context)`. callable may be NULL/IS_NULL (then logger->log is NULL). The
 * zval is borrowed: it must outlive the logger. If the callable throws, the
 * exception stays pending and later lines are dropped; the binding method
 * then rethrows it when the core returns. */
void php_sqz_logger_init(sqz_logger *logger, zval *callable);

#endif
