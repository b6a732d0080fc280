/* Registration order of the exception tree: the marker interface, then
 * each parent before its children. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "exceptions.h"

void php_sqz_exceptions_minit(void)
{
	php_sqz_exception_minit();
	php_sqz_config_exception_minit();
	php_sqz_store_exception_minit();
	php_sqz_transport_exception_minit();
	php_sqz_graph_exception_minit();
	php_sqz_throttled_exception_minit();
	php_sqz_authorization_exception_minit();
	php_sqz_reauthentication_required_exception_minit();
	php_sqz_folder_not_found_exception_minit();
	php_sqz_ambiguous_folder_exception_minit();
	php_sqz_retry_later_exception_minit();
}
