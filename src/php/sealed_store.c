/* SqzGraph\SealedStore: the PHP face of src/core/sealed_store — seals the
 * values of any Store (FileStore, userland, another SealedStore). Only the
 * derived key is kept, in the core struct, and cleansed when the object is
 * freed; the object has no properties, so var_dump/var_export/print_r show
 * nothing, and serialization is refused. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_attributes.h"

#include "classes.h"
#include "errors.h"
#include "store.h"
#include "sealed_store_arginfo.h"
#include "core/sealed_store.h"

static zend_class_entry *php_sqz_sealed_store_ce;
static zend_object_handlers sealed_store_handlers;

typedef struct php_sqz_sealed_store {
	php_sqz_store_ref inner;     /* the wrapped Store, one counted reference */
	sqz_sealed_store sealed;     /* wraps inner.store; holds the derived key */
	php_sqz_native_store native; /* last: native.store is the vtable view of sealed, set by __construct */
} php_sqz_sealed_store;

static inline php_sqz_sealed_store *php_sqz_sealed_store_from_obj(zend_object *obj)
{
	return (php_sqz_sealed_store *)((char *)obj - XtOffsetOf(php_sqz_sealed_store, native.std));
}

/* __construct succeeded */
static inline bool sealed_ready(const php_sqz_sealed_store *ss)
{
	return ss->native.store.ops != NULL;
}

#define Z_SEALED_STORE_P(zv) php_sqz_sealed_store_from_obj(Z_OBJ_P(zv))

static zend_object *sealed_store_create(zend_class_entry *ce)
{
	php_sqz_sealed_store *ss = zend_object_alloc(sizeof(php_sqz_sealed_store), ce);
	zend_object_std_init(&ss->native.std, ce);
	object_properties_init(&ss->native.std, ce);
	ss->native.std.handlers = &sealed_store_handlers;
	ZVAL_UNDEF(&ss->inner.object);
	return &ss->native.std;
}

static void sealed_store_free(zend_object *obj)
{
	php_sqz_sealed_store *ss = php_sqz_sealed_store_from_obj(obj);
	sqz_sealed_store_clear(&ss->sealed);
	memset(&ss->native.store, 0, sizeof ss->native.store);
	php_sqz_store_ref_release(&ss->inner);
	zend_object_std_dtor(obj);
}

static HashTable *sealed_store_get_gc(zend_object *obj, zval **table, int *n)
{
	php_sqz_sealed_store *ss = php_sqz_sealed_store_from_obj(obj);
	zend_get_gc_buffer *gc = zend_get_gc_buffer_create();
	php_sqz_store_ref_gc(&ss->inner, gc);
	zend_get_gc_buffer_use(gc, table, n);
	return zend_std_get_properties(obj);
}

static ZEND_METHOD(SqzGraph_SealedStore, __construct)
{
	zval *inner;
	zend_string *secret;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(inner, php_sqz_store_ce)
		Z_PARAM_STR(secret)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_sealed_store *ss = Z_SEALED_STORE_P(ZEND_THIS);
	if (sealed_ready(ss)) {
		zend_throw_error(NULL, "SqzGraph\\SealedStore::__construct() cannot be called twice");
		RETURN_THROWS();
	}
	if (ZSTR_LEN(secret) == 0) {
		zend_argument_value_error(2, "must not be empty");
		RETURN_THROWS();
	}
	if (php_sqz_store_ref_init(&ss->inner, Z_OBJ_P(inner)) == FAILURE) {
		RETURN_THROWS();
	}
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_sealed_store_init(&ss->sealed, ss->inner.store, ZSTR_VAL(secret), ZSTR_LEN(secret), &err) != SQZ_OK) {
		php_sqz_store_ref_release(&ss->inner);
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	/* sealed.inner is a copy of inner.store, whose ctx (userland: &ss->inner)
	 * lives in this object: the object must not move, and does not. */
	ss->native.store = sqz_sealed_store_store(&ss->sealed);
}

/* A userland inner Store may drop the last outside reference to this
 * object while it runs: hold one for the duration of the call. */
static ZEND_METHOD(SqzGraph_SealedStore, get)
{
	php_sqz_native_store_get(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_SealedStore, put)
{
	php_sqz_native_store_put(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_SealedStore, delete)
{
	php_sqz_native_store_delete(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_SealedStore, lock)
{
	php_sqz_native_store_lock(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

static ZEND_METHOD(SqzGraph_SealedStore, unlock)
{
	php_sqz_native_store_unlock(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

void php_sqz_sealed_store_minit(void)
{
	php_sqz_sealed_store_ce = register_class_SqzGraph_SealedStore(php_sqz_store_ce);
	php_sqz_sealed_store_ce->create_object = sealed_store_create;

	memcpy(&sealed_store_handlers, zend_get_std_object_handlers(), sizeof sealed_store_handlers);
	sealed_store_handlers.offset = XtOffsetOf(php_sqz_sealed_store, native.std);
	sealed_store_handlers.free_obj = sealed_store_free;
	sealed_store_handlers.get_gc = sealed_store_get_gc;
	sealed_store_handlers.clone_obj = NULL;
}
