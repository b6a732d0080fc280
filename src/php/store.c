/* placeholder: being written */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "php.h"
#include "classes.h"

void php_sqz_store_minit(void)
{
}
