/* SqzGraph\ReauthenticationRequiredException */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_interfaces.h"
#include "zend_exceptions.h"

#include "exceptions.h"
#include "reauthentication_required_exception_arginfo.h"

zend_class_entry *php_sqz_reauthentication_required_exception_ce;

static ZEND_METHOD(SqzGraph_ReauthenticationRequiredException, reason)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(php_sqz_reauthentication_required_exception_ce, Z_OBJ_P(ZEND_THIS), "reason", sizeof("reason") - 1, 1, &rv));
}

void php_sqz_reauthentication_required_exception_minit(void)
{
	php_sqz_reauthentication_required_exception_ce = register_class_SqzGraph_ReauthenticationRequiredException(php_sqz_authorization_exception_ce);
}
