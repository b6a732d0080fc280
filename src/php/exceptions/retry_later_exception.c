/* SqzGraph\RetryLaterException */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/spl/spl_exceptions.h"
#include "zend_interfaces.h"
#include "zend_exceptions.h"

#include "exceptions.h"
#include "retry_later_exception_arginfo.h"

zend_class_entry *php_sqz_retry_later_exception_ce;

void php_sqz_retry_later_exception_minit(void)
{
	php_sqz_retry_later_exception_ce = register_class_SqzGraph_RetryLaterException(spl_ce_RuntimeException, php_sqz_exception_ce);
}
