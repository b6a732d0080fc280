/* sqzgraph binding: SqzGraph\Config, for the binding classes that take one
 * (Authenticator, Mailbox, Importer, the CLI's helpers).
 *
 *   const sqz_config *cfg = php_sqz_config_core(config_zv);   // NULL: not a constructed Config
 *   zval *logger = php_sqz_config_logger(config_zv);          // NULL: no logger
 *
 * Both are borrowed: valid while the Config object lives (hold a reference
 * to the object, e.g. GC_ADDREF on Z_OBJ_P(config_zv), for longer). The
 * sqz_config is read-only after construction. */
#ifndef PHP_SQZ_CONFIG_H
#define PHP_SQZ_CONFIG_H

/* Sources of src/php that write `#include "config.h"` meaning the autoconf
 * header find this file first (quoted includes search the including file's
 * folder first); hand them the real one. <...> skips that folder, so this
 * resolves to the build's config.h. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "core/config.h"

typedef struct php_sqz_config_object {
	/* Owned; NULL until __construct succeeded (freed in free_obj). */
	sqz_config *config;
	/* The logger callable as given (a public callable: checked without a
	 * calling scope), IS_UNDEF when none. Reported by get_gc: a closure
	 * may hold the Config itself. */
	zval logger;
	zend_object std;
} php_sqz_config_object;

extern zend_class_entry *php_sqz_config_ce;

static inline php_sqz_config_object *php_sqz_config_from_obj(zend_object *obj)
{
	return (php_sqz_config_object *)((char *)obj - XtOffsetOf(php_sqz_config_object, std));
}

#define Z_SQZ_CONFIG_P(zv) php_sqz_config_from_obj(Z_OBJ_P(zv))

/* The core configuration of a SqzGraph\Config object; NULL when obj is
 * not one or was never constructed. */
static inline const sqz_config *php_sqz_config_core_obj(zend_object *obj)
{
	if (!obj || obj->ce != php_sqz_config_ce) {
		return NULL;
	}
	return php_sqz_config_from_obj(obj)->config;
}

static inline const sqz_config *php_sqz_config_core(const zval *zv)
{
	if (!zv || Z_TYPE_P(zv) != IS_OBJECT) {
		return NULL;
	}
	return php_sqz_config_core_obj(Z_OBJ_P(zv));
}

/* The logger callable (call it with zend_call_function /
 * zend_fcall_info_init), or NULL when the Config has none. */
static inline zval *php_sqz_config_logger_obj(zend_object *obj)
{
	if (!php_sqz_config_core_obj(obj)) {
		return NULL;
	}
	zval *logger = &php_sqz_config_from_obj(obj)->logger;
	return Z_TYPE_P(logger) == IS_UNDEF ? NULL : logger;
}

static inline zval *php_sqz_config_logger(const zval *zv)
{
	if (!zv || Z_TYPE_P(zv) != IS_OBJECT) {
		return NULL;
	}
	return php_sqz_config_logger_obj(Z_OBJ_P(zv));
}

/* For binding methods that take a Config argument: the core config, or
 * NULL with an Error thrown when zv is not a constructed Config (PHP hands
 * out no unconstructed instance of this final class; this is the guard in
 * case one ever appears). */
const sqz_config *php_sqz_config_require(zval *zv);

#endif
