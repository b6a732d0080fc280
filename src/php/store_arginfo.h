/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8c862d558db7dcdd6e93b705a33bb6ce49e20ff6 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Store_get, 0, 1, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Store_put, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Store_delete, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Store_lock, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, timeoutSeconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_Store_unlock arginfo_class_SqzGraph_Store_delete




static const zend_function_entry class_SqzGraph_Store_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(SqzGraph_Store, get, arginfo_class_SqzGraph_Store_get, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(SqzGraph_Store, put, arginfo_class_SqzGraph_Store_put, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(SqzGraph_Store, delete, arginfo_class_SqzGraph_Store_delete, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(SqzGraph_Store, lock, arginfo_class_SqzGraph_Store_lock, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(SqzGraph_Store, unlock, arginfo_class_SqzGraph_Store_unlock, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Store(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Store", class_SqzGraph_Store_methods);
	class_entry = zend_register_internal_interface(&ce);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "put", sizeof("put") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
