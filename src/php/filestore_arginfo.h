/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e7da6849267e4cba692576259a5a41bfde368063 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_FileStore___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, directory, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_FileStore_directory, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_FileStore_get, 0, 1, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_FileStore_put, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_FileStore_delete, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_FileStore_lock, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timeoutSeconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_FileStore_unlock arginfo_class_SqzGraph_FileStore_delete


static ZEND_METHOD(SqzGraph_FileStore, __construct);
static ZEND_METHOD(SqzGraph_FileStore, directory);
static ZEND_METHOD(SqzGraph_FileStore, get);
static ZEND_METHOD(SqzGraph_FileStore, put);
static ZEND_METHOD(SqzGraph_FileStore, delete);
static ZEND_METHOD(SqzGraph_FileStore, lock);
static ZEND_METHOD(SqzGraph_FileStore, unlock);


static const zend_function_entry class_SqzGraph_FileStore_methods[] = {
	ZEND_ME(SqzGraph_FileStore, __construct, arginfo_class_SqzGraph_FileStore___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_FileStore, directory, arginfo_class_SqzGraph_FileStore_directory, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_FileStore, get, arginfo_class_SqzGraph_FileStore_get, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_FileStore, put, arginfo_class_SqzGraph_FileStore_put, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_FileStore, delete, arginfo_class_SqzGraph_FileStore_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_FileStore, lock, arginfo_class_SqzGraph_FileStore_lock, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_FileStore, unlock, arginfo_class_SqzGraph_FileStore_unlock, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_FileStore(zend_class_entry *class_entry_SqzGraph_Store)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "FileStore", class_SqzGraph_FileStore_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Store);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "put", sizeof("put") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
