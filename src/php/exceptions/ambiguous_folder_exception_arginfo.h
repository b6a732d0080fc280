/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: dcc57ffc6d5474feac5d25f90f3e90ab25be8a8b */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_AmbiguousFolderException_candidates, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_AmbiguousFolderException, candidates);


static const zend_function_entry class_SqzGraph_AmbiguousFolderException_methods[] = {
	ZEND_ME(SqzGraph_AmbiguousFolderException, candidates, arginfo_class_SqzGraph_AmbiguousFolderException_candidates, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_AmbiguousFolderException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "AmbiguousFolderException", class_SqzGraph_AmbiguousFolderException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_candidates_default_value;
	ZVAL_EMPTY_ARRAY(&property_candidates_default_value);
	zend_string *property_candidates_name = zend_string_init("candidates", sizeof("candidates") - 1, 1);
	zend_declare_typed_property(class_entry, property_candidates_name, &property_candidates_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_candidates_name);

	return class_entry;
}
