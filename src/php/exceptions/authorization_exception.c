/* SqzGraph\AuthorizationException */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_interfaces.h"
#include "zend_exceptions.h"

#include "exceptions.h"
#include "authorization_exception_arginfo.h"

zend_class_entry *php_sqz_authorization_exception_ce;

static ZEND_METHOD(SqzGraph_AuthorizationException, error)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(php_sqz_authorization_exception_ce, Z_OBJ_P(ZEND_THIS), "error", sizeof("error") - 1, 1, &rv));
}

static ZEND_METHOD(SqzGraph_AuthorizationException, errorCode)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(php_sqz_authorization_exception_ce, Z_OBJ_P(ZEND_THIS), "errorCode", sizeof("errorCode") - 1, 1, &rv));
}

static ZEND_METHOD(SqzGraph_AuthorizationException, description)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(php_sqz_authorization_exception_ce, Z_OBJ_P(ZEND_THIS), "description", sizeof("description") - 1, 1, &rv));
}

void php_sqz_authorization_exception_minit(void)
{
	php_sqz_authorization_exception_ce = register_class_SqzGraph_AuthorizationException(spl_ce_RuntimeException, php_sqz_exception_ce);
}
