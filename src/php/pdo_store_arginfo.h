/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7a50ad983684c7fc9e16d0b3fb9d44023002eba1 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_PdoStore___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, pdo, PDO, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_createTable, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_schema, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, driver, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, table, IS_STRING, 0, "\"sqzgraph_store\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_driver, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_PdoStore_table arginfo_class_SqzGraph_PdoStore_driver

#define arginfo_class_SqzGraph_PdoStore_namespace arginfo_class_SqzGraph_PdoStore_driver

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_get, 0, 1, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_put, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_delete, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_PdoStore_lock, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timeoutSeconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_PdoStore_unlock arginfo_class_SqzGraph_PdoStore_delete


static ZEND_METHOD(SqzGraph_PdoStore, __construct);
static ZEND_METHOD(SqzGraph_PdoStore, createTable);
static ZEND_METHOD(SqzGraph_PdoStore, schema);
static ZEND_METHOD(SqzGraph_PdoStore, driver);
static ZEND_METHOD(SqzGraph_PdoStore, table);
static ZEND_METHOD(SqzGraph_PdoStore, namespace);
static ZEND_METHOD(SqzGraph_PdoStore, get);
static ZEND_METHOD(SqzGraph_PdoStore, put);
static ZEND_METHOD(SqzGraph_PdoStore, delete);
static ZEND_METHOD(SqzGraph_PdoStore, lock);
static ZEND_METHOD(SqzGraph_PdoStore, unlock);


static const zend_function_entry class_SqzGraph_PdoStore_methods[] = {
	ZEND_ME(SqzGraph_PdoStore, __construct, arginfo_class_SqzGraph_PdoStore___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, createTable, arginfo_class_SqzGraph_PdoStore_createTable, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, schema, arginfo_class_SqzGraph_PdoStore_schema, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(SqzGraph_PdoStore, driver, arginfo_class_SqzGraph_PdoStore_driver, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, table, arginfo_class_SqzGraph_PdoStore_table, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, namespace, arginfo_class_SqzGraph_PdoStore_namespace, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, get, arginfo_class_SqzGraph_PdoStore_get, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, put, arginfo_class_SqzGraph_PdoStore_put, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, delete, arginfo_class_SqzGraph_PdoStore_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, lock, arginfo_class_SqzGraph_PdoStore_lock, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_PdoStore, unlock, arginfo_class_SqzGraph_PdoStore_unlock, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_PdoStore(zend_class_entry *class_entry_SqzGraph_Store)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "PdoStore", class_SqzGraph_PdoStore_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Store);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "put", sizeof("put") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
