/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 318a0de4cd6455c4238c61db2f9e7b50463ef881 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_SealedStore___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, inner, SqzGraph\\Store, 0)
	ZEND_ARG_TYPE_INFO(0, encryptionKey, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_SealedStore_get, 0, 1, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_SealedStore_put, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_SealedStore_delete, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_SealedStore_lock, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timeoutSeconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_SealedStore_unlock arginfo_class_SqzGraph_SealedStore_delete


static ZEND_METHOD(SqzGraph_SealedStore, __construct);
static ZEND_METHOD(SqzGraph_SealedStore, get);
static ZEND_METHOD(SqzGraph_SealedStore, put);
static ZEND_METHOD(SqzGraph_SealedStore, delete);
static ZEND_METHOD(SqzGraph_SealedStore, lock);
static ZEND_METHOD(SqzGraph_SealedStore, unlock);


static const zend_function_entry class_SqzGraph_SealedStore_methods[] = {
	ZEND_ME(SqzGraph_SealedStore, __construct, arginfo_class_SqzGraph_SealedStore___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_SealedStore, get, arginfo_class_SqzGraph_SealedStore_get, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_SealedStore, put, arginfo_class_SqzGraph_SealedStore_put, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_SealedStore, delete, arginfo_class_SqzGraph_SealedStore_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_SealedStore, lock, arginfo_class_SqzGraph_SealedStore_lock, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_SealedStore, unlock, arginfo_class_SqzGraph_SealedStore_unlock, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_SealedStore(zend_class_entry *class_entry_SqzGraph_Store)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "SealedStore", class_SqzGraph_SealedStore_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Store);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "put", sizeof("put") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
