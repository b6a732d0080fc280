/* SqzGraph\FileStore: the PHP face of src/core/filestore. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"
#include "main/fopen_wrappers.h"

#include "classes.h"
#include "runtime.h"
#include "errors.h"
#include "store.h"
#include "filestore_arginfo.h"
#include "core/filestore.h"

static zend_class_entry *php_sqz_filestore_ce;
static zend_object_handlers filestore_handlers;

typedef struct php_sqz_filestore {
	sqz_filestore *core;     /* NULL until __construct succeeded; closed in free_obj */
	php_sqz_native_store native;   /* last: native.store is the vtable view of core */
} php_sqz_filestore;

static inline php_sqz_filestore *php_sqz_filestore_from_obj(zend_object *obj)
{
	return (php_sqz_filestore *)((char *)obj - XtOffsetOf(php_sqz_filestore, native.std));
}

#define Z_FILESTORE_P(zv) php_sqz_filestore_from_obj(Z_OBJ_P(zv))

static zend_object *filestore_create(zend_class_entry *ce)
{
	php_sqz_filestore *fs = zend_object_alloc(sizeof(php_sqz_filestore), ce);
	zend_object_std_init(&fs->native.std, ce);
	object_properties_init(&fs->native.std, ce);
	fs->native.std.handlers = &filestore_handlers;
	return &fs->native.std;
}

static void filestore_free(zend_object *obj)
{
	php_sqz_filestore *fs = php_sqz_filestore_from_obj(obj);
	/* Closing releases every flock this object still holds. */
	sqz_filestore_close(fs->core);
	fs->core = NULL;
	zend_object_std_dtor(obj);
}

/* The constructed store of this, or NULL with an Error thrown. */
static php_sqz_filestore *this_store(zval *this_zv)
{
	php_sqz_filestore *fs = Z_FILESTORE_P(this_zv);
	if (!fs->core) {
		zend_throw_error(NULL, "SqzGraph\\FileStore object is not initialized");
		return NULL;
	}
	return fs;
}

static ZEND_METHOD(SqzGraph_FileStore, __construct)
{
	zend_string *directory;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(directory)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_filestore *fs = Z_FILESTORE_P(ZEND_THIS);
	if (fs->core) {
		/* Another object may already hold our core store (SealedStore). */
		zend_throw_error(NULL, "SqzGraph\\FileStore::__construct() cannot be called twice");
		RETURN_THROWS();
	}
	if (ZSTR_LEN(directory) == 0) {
		zend_argument_value_error(1, "must not be empty");
		RETURN_THROWS();
	}
	if (php_check_open_basedir_ex(ZSTR_VAL(directory), 0) != 0) {
		sqz_error err = SQZ_ERROR_INIT;
		sqz_error_set(&err, SQZ_E_STORE, "the FileStore directory %s is outside open_basedir (%s); allow it there or choose another directory",
			ZSTR_VAL(directory), PG(open_basedir));
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}

	sqz_error err = SQZ_ERROR_INIT;
	sqz_filestore *core = NULL;
	zend_string *absolute = php_sqz_absolute_path(ZSTR_VAL(directory), ZSTR_LEN(directory));
	sqz_status st = sqz_filestore_open(ZSTR_VAL(absolute ? absolute : directory), &core, &err);
	if (absolute) {
		zend_string_release(absolute);
	}
	if (st != SQZ_OK) {
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	fs->core = core;
	fs->native.store = sqz_filestore_store(core);
}

static ZEND_METHOD(SqzGraph_FileStore, directory)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_sqz_filestore *fs = this_store(ZEND_THIS);
	if (!fs) {
		RETURN_THROWS();
	}
	RETURN_STRING(sqz_filestore_directory(fs->core));
}

static ZEND_METHOD(SqzGraph_FileStore, get)
{
	php_sqz_native_store_get(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_FileStore, put)
{
	php_sqz_native_store_put(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_FileStore, delete)
{
	php_sqz_native_store_delete(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_FileStore, lock)
{
	php_sqz_native_store_lock(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_FileStore, unlock)
{
	php_sqz_native_store_unlock(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

void php_sqz_filestore_minit(void)
{
	php_sqz_filestore_ce = register_class_SqzGraph_FileStore(php_sqz_store_ce);
	php_sqz_filestore_ce->create_object = filestore_create;

	memcpy(&filestore_handlers, zend_get_std_object_handlers(), sizeof filestore_handlers);
	filestore_handlers.offset = XtOffsetOf(php_sqz_filestore, native.std);
	filestore_handlers.free_obj = filestore_free;
	filestore_handlers.clone_obj = NULL;
}
