/* sqzgraph binding: SqzGraph\TokenInfo, built from a core sqz_token_info. */
#ifndef PHP_SQZ_TOKEN_INFO_H
#define PHP_SQZ_TOKEN_INFO_H

#include "php.h"
#include "core/oauth.h"

extern zend_class_entry *php_sqz_token_info_ce;

/* Creates a TokenInfo in out from info (copied; info stays the caller's). */
void php_sqz_token_info_create(zval *out, const sqz_token_info *info);

#endif
