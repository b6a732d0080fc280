/* sqzgraph binding: the ONE map between core errors and exceptions, both
 * ways (mongo-php-driver's phongo_error.c): a core sqz_error becomes the
 * exception class of its status; a PHP exception (one a userland callback
 * threw) becomes the core status of its class. */
#ifndef PHP_SQZ_ERRORS_H
#define PHP_SQZ_ERRORS_H

#include "php.h"
#include "core/error.h"

/* Throws the exception class that err->status maps to, with every field of
 * err copied onto it, then clears err. SQZ_E_CALLBACK with an exception
 * already pending (a userland Store threw) keeps that exception; without
 * one it becomes an Error naming the bug. Returns nothing: the caller then
 * does RETURN_THROWS(). */
void php_sqz_throw_error(sqz_error *err);

/* Throws for a failed core call (st != SQZ_OK), or keeps an exception that
 * is already pending (a callback's) and clears err. */
void php_sqz_finish_error(sqz_status st, sqz_error *err);

/* The core status of an exception's class (a ThrottledException is
 * SQZ_E_THROTTLED, not SQZ_E_GRAPH); SQZ_E_CALLBACK for any class that is
 * not one of the mapped SqzGraph exceptions. */
sqz_status php_sqz_exception_status(const zend_object *ex);

/* Fills what the core's decisions read from an exception: err->status as
 * above, and for a GraphException (ThrottledException) its statusCode as
 * err->http_status (0 when unset) and retryAfter as err->retry_after.
 * Nothing else of err is touched; nothing is allocated. */
void php_sqz_exception_to_error(zend_object *ex, sqz_error *err);

/* Throws ConfigException naming key (for the binding's own type checks). */
void php_sqz_throw_config(const char *key, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

#endif
