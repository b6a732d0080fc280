/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e30873dbbc07885b7ff04e9f9d3038cd4c73a697 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_AuthorizationException_error, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_AuthorizationException_errorCode arginfo_class_SqzGraph_AuthorizationException_error

#define arginfo_class_SqzGraph_AuthorizationException_description arginfo_class_SqzGraph_AuthorizationException_error


static ZEND_METHOD(SqzGraph_AuthorizationException, error);
static ZEND_METHOD(SqzGraph_AuthorizationException, errorCode);
static ZEND_METHOD(SqzGraph_AuthorizationException, description);


static const zend_function_entry class_SqzGraph_AuthorizationException_methods[] = {
	ZEND_ME(SqzGraph_AuthorizationException, error, arginfo_class_SqzGraph_AuthorizationException_error, ZEND_ACC_PUBLIC|ZEND_ACC_FINAL)
	ZEND_ME(SqzGraph_AuthorizationException, errorCode, arginfo_class_SqzGraph_AuthorizationException_errorCode, ZEND_ACC_PUBLIC|ZEND_ACC_FINAL)
	ZEND_ME(SqzGraph_AuthorizationException, description, arginfo_class_SqzGraph_AuthorizationException_description, ZEND_ACC_PUBLIC|ZEND_ACC_FINAL)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_AuthorizationException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_SqzGraph_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "AuthorizationException", class_SqzGraph_AuthorizationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_SqzGraph_Exception);

	zval property_error_default_value;
	ZVAL_NULL(&property_error_default_value);
	zend_string *property_error_name = zend_string_init("error", sizeof("error") - 1, 1);
	zend_declare_typed_property(class_entry, property_error_name, &property_error_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_error_name);

	zval property_errorCode_default_value;
	ZVAL_NULL(&property_errorCode_default_value);
	zend_string *property_errorCode_name = zend_string_init("errorCode", sizeof("errorCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_errorCode_name, &property_errorCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_errorCode_name);

	zval property_description_default_value;
	ZVAL_NULL(&property_description_default_value);
	zend_string *property_description_name = zend_string_init("description", sizeof("description") - 1, 1);
	zend_declare_typed_property(class_entry, property_description_name, &property_description_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_description_name);

	return class_entry;
}
