/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 947b3ecc72355d4f0308a5b6ef34acc2e3247ca6 */




static const zend_function_entry class_SqzGraph_Exception_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Exception(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Exception", class_SqzGraph_Exception_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}
