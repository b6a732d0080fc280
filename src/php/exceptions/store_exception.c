/* SqzGraph\StoreException */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_interfaces.h"
#include "zend_exceptions.h"

#include "exceptions.h"
#include "store_exception_arginfo.h"

zend_class_entry *php_sqz_store_exception_ce;

static ZEND_METHOD(SqzGraph_StoreException, key)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(php_sqz_store_exception_ce, Z_OBJ_P(ZEND_THIS), "key", sizeof("key") - 1, 1, &rv));
}

void php_sqz_store_exception_minit(void)
{
	php_sqz_store_exception_ce = register_class_SqzGraph_StoreException(spl_ce_RuntimeException, php_sqz_exception_ce);
}
