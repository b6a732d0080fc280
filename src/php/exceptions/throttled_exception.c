/* SqzGraph\ThrottledException */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_interfaces.h"
#include "zend_exceptions.h"

#include "exceptions.h"
#include "throttled_exception_arginfo.h"

zend_class_entry *php_sqz_throttled_exception_ce;

static ZEND_METHOD(SqzGraph_ThrottledException, retryAfter)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(php_sqz_throttled_exception_ce, Z_OBJ_P(ZEND_THIS), "retryAfter", sizeof("retryAfter") - 1, 1, &rv));
}

void php_sqz_throttled_exception_minit(void)
{
	php_sqz_throttled_exception_ce = register_class_SqzGraph_ThrottledException(php_sqz_graph_exception_ce);
}
