/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 4c64246c8b55cab48a116f9e1da064a96e10456c */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_GraphException_statusCode, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_GraphException_graphCode, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_GraphException_requestId arginfo_class_SqzGraph_GraphException_graphCode


static ZEND_METHOD(SqzGraph_GraphException, statusCode);
static ZEND_METHOD(SqzGraph_GraphException, graphCode);
static ZEND_METHOD(SqzGraph_GraphException, requestId);


static const zend_function_entry class_SqzGraph_GraphException_methods[] = {
	ZEND_ME(SqzGraph_GraphException, statusCode, arginfo_class_SqzGraph_GraphException_statusCode, ZEND_ACC_PUBLIC|ZEND_ACC_FINAL)
	ZEND_ME(SqzGraph_GraphException, graphCode, arginfo_class_SqzGraph_GraphException_graphCode, ZEND_ACC_PUBLIC|ZEND_ACC_FINAL)
	ZEND_ME(SqzGraph_GraphException, requestId, arginfo_class_SqzGraph_GraphException_requestId, ZEND_ACC_PUBLIC|ZEND_ACC_FINAL)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_GraphException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "GraphException", class_SqzGraph_GraphException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_statusCode_default_value;
	ZVAL_LONG(&property_statusCode_default_value, 0);
	zend_string *property_statusCode_name = zend_string_init("statusCode", sizeof("statusCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_statusCode_name, &property_statusCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_statusCode_name);

	zval property_graphCode_default_value;
	ZVAL_NULL(&property_graphCode_default_value);
	zend_string *property_graphCode_name = zend_string_init("graphCode", sizeof("graphCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_graphCode_name, &property_graphCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_graphCode_name);

	zval property_requestId_default_value;
	ZVAL_NULL(&property_requestId_default_value);
	zend_string *property_requestId_name = zend_string_init("requestId", sizeof("requestId") - 1, 1);
	zend_declare_typed_property(class_entry, property_requestId_name, &property_requestId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_requestId_name);

	return class_entry;
}
