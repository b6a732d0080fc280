/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7fdb570c68645416b86ade79c68ead00e395e1cd */




static const zend_function_entry class_SqzGraph_RetryLaterException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_RetryLaterException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "RetryLaterException", class_SqzGraph_RetryLaterException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	return class_entry;
}
