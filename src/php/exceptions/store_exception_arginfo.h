/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f49bffc451d668ae5ad5c514ca22c7b5770ddad2 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_StoreException_key, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_StoreException, key);


static const zend_function_entry class_SqzGraph_StoreException_methods[] = {
	ZEND_ME(SqzGraph_StoreException, key, arginfo_class_SqzGraph_StoreException_key, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_StoreException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "StoreException", class_SqzGraph_StoreException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_key_default_value;
	ZVAL_NULL(&property_key_default_value);
	zend_string *property_key_name = zend_string_init("key", sizeof("key") - 1, 1);
	zend_declare_typed_property(class_entry, property_key_name, &property_key_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_key_name);

	return class_entry;
}
