/* sqzgraph binding: the ONE map from a core sqz_error to an exception. */
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

/* Throws ConfigException naming key (for the binding's own type checks). */
void php_sqz_throw_config(const char *key, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

#endif
