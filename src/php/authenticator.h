/* sqzgraph binding: SqzGraph\Authenticator, and what Mailbox/Importer need
 * of it: the configuration and a token source for the Graph layer. */
#ifndef PHP_SQZ_AUTHENTICATOR_H
#define PHP_SQZ_AUTHENTICATOR_H

#include "php.h"
#include "core/oauth.h"
#include "core/sealed_store.h"
#include "store.h"

typedef struct php_sqz_authenticator_object {
	zval config;                  /* the SqzGraph\Config, one counted reference */
	php_sqz_store_ref store;      /* the Store as given */
	sqz_sealed_store sealed;      /* wraps store when the Config has an encryption_key */
	int sealed_ready;
	sqz_oauth oauth;              /* valid when ready */
	sqz_logger logger;            /* Config's logger, borrowed from the Config */
	int ready;
	zend_object std;
} php_sqz_authenticator_object;

extern zend_class_entry *php_sqz_authenticator_ce;

static inline php_sqz_authenticator_object *php_sqz_authenticator_from_obj(zend_object *obj)
{
	return (php_sqz_authenticator_object *)((char *)obj - XtOffsetOf(php_sqz_authenticator_object, std));
}

/* A constructed Authenticator's object, or NULL with an Error thrown. */
php_sqz_authenticator_object *php_sqz_authenticator_require(zval *zv);

/* sqz_token_fn for the Graph layer; ctx is the php_sqz_authenticator_object. */
sqz_status php_sqz_authenticator_token(void *ctx, int force, char **token, sqz_error *err);

/* The store the core should use for this mailbox (sealed when configured). */
sqz_store php_sqz_authenticator_store(php_sqz_authenticator_object *auth);

#endif
