/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cb9661884735e329e04f8a6058192007831b9902 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Importer___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, mailbox, SqzGraph\\Mailbox, 0)
	ZEND_ARG_OBJ_INFO(0, store, SqzGraph\\Store, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Importer_run, 0, 1, SqzGraph\\ImportReport, 0)
	ZEND_ARG_TYPE_INFO(0, handler, IS_CALLABLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, progress, IS_CALLABLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, fetching, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_Importer, __construct);
static ZEND_METHOD(SqzGraph_Importer, run);


static const zend_function_entry class_SqzGraph_Importer_methods[] = {
	ZEND_ME(SqzGraph_Importer, __construct, arginfo_class_SqzGraph_Importer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Importer, run, arginfo_class_SqzGraph_Importer_run, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Importer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Importer", class_SqzGraph_Importer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
