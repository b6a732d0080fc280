/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 48c9fe2c57da0da4f9f15c09785ffce7a32de272 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_ThrottledException_retryAfter, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_ThrottledException, retryAfter);


static const zend_function_entry class_SqzGraph_ThrottledException_methods[] = {
	ZEND_ME(SqzGraph_ThrottledException, retryAfter, arginfo_class_SqzGraph_ThrottledException_retryAfter, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_ThrottledException(zend_class_entry *class_entry_SqzGraph_GraphException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "ThrottledException", class_SqzGraph_ThrottledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_SqzGraph_GraphException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_retryAfter_default_value;
	ZVAL_DOUBLE(&property_retryAfter_default_value, 0);
	zend_string *property_retryAfter_name = zend_string_init("retryAfter", sizeof("retryAfter") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryAfter_name, &property_retryAfter_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_retryAfter_name);

	return class_entry;
}
