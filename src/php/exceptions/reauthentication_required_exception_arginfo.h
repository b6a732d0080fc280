/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c0ab28791f0da6004700a51a97e2b9e842fea6ee */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_ReauthenticationRequiredException_reason, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_ReauthenticationRequiredException, reason);


static const zend_function_entry class_SqzGraph_ReauthenticationRequiredException_methods[] = {
	ZEND_ME(SqzGraph_ReauthenticationRequiredException, reason, arginfo_class_SqzGraph_ReauthenticationRequiredException_reason, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_ReauthenticationRequiredException(zend_class_entry *class_entry_SqzGraph_AuthorizationException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "ReauthenticationRequiredException", class_SqzGraph_ReauthenticationRequiredException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_SqzGraph_AuthorizationException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_reason_default_value;
	zend_string *property_reason_default_value_str = zend_string_init("not_authorized", strlen("not_authorized"), 1);
	ZVAL_STR(&property_reason_default_value, property_reason_default_value_str);
	zend_string *property_reason_name = zend_string_init("reason", sizeof("reason") - 1, 1);
	zend_declare_typed_property(class_entry, property_reason_name, &property_reason_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_reason_name);

	return class_entry;
}
