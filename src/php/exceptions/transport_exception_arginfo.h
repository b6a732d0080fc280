/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 500091eb04a70a65835606a190d2b5ec56f9eaf7 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_TransportException_curlCode, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_TransportException, curlCode);


static const zend_function_entry class_SqzGraph_TransportException_methods[] = {
	ZEND_ME(SqzGraph_TransportException, curlCode, arginfo_class_SqzGraph_TransportException_curlCode, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_TransportException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "TransportException", class_SqzGraph_TransportException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_curlCode_default_value;
	ZVAL_LONG(&property_curlCode_default_value, 0);
	zend_string *property_curlCode_name = zend_string_init("curlCode", sizeof("curlCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_curlCode_name, &property_curlCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_curlCode_name);

	return class_entry;
}
