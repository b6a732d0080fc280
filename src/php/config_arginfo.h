/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ffa128b384a6dd2cdc6beb0c1e325c198ffd74ec */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Config___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Config_fingerprint, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Config_toArray, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_Config, __construct);
static ZEND_METHOD(SqzGraph_Config, fingerprint);
static ZEND_METHOD(SqzGraph_Config, toArray);


static const zend_function_entry class_SqzGraph_Config_methods[] = {
	ZEND_ME(SqzGraph_Config, __construct, arginfo_class_SqzGraph_Config___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Config, fingerprint, arginfo_class_SqzGraph_Config_fingerprint, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Config, toArray, arginfo_class_SqzGraph_Config_toArray, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Config(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Config", class_SqzGraph_Config_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
