/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d26687ab3ff32bb7d6b5ab09e05c7978ead3fb0f */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_ConfigException_key, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_ConfigException, key);


static const zend_function_entry class_SqzGraph_ConfigException_methods[] = {
	ZEND_ME(SqzGraph_ConfigException, key, arginfo_class_SqzGraph_ConfigException_key, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_ConfigException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "ConfigException", class_SqzGraph_ConfigException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_key_default_value;
	ZVAL_NULL(&property_key_default_value);
	zend_string *property_key_name = zend_string_init("key", sizeof("key") - 1, 1);
	zend_declare_typed_property(class_entry, property_key_name, &property_key_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_key_name);

	return class_entry;
}
