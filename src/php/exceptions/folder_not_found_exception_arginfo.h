/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 59aa628ff859b55a80dbe14d9592cb25ccccb44f */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_FolderNotFoundException_closest, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_FolderNotFoundException, closest);


static const zend_function_entry class_SqzGraph_FolderNotFoundException_methods[] = {
	ZEND_ME(SqzGraph_FolderNotFoundException, closest, arginfo_class_SqzGraph_FolderNotFoundException_closest, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_FolderNotFoundException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "FolderNotFoundException", class_SqzGraph_FolderNotFoundException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_closest_default_value;
	ZVAL_EMPTY_ARRAY(&property_closest_default_value);
	zend_string *property_closest_name = zend_string_init("closest", sizeof("closest") - 1, 1);
	zend_declare_typed_property(class_entry, property_closest_name, &property_closest_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_closest_name);

	return class_entry;
}
