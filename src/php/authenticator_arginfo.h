/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: fb04a7e6705557e1ae7483ee8e8c82dcd38853eb */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Authenticator___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, config, SqzGraph\\Config, 0)
	ZEND_ARG_OBJ_INFO(0, store, SqzGraph\\Store, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Authenticator_beginAuthorization, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Authenticator_completeAuthorization, 0, 1, SqzGraph\\TokenInfo, 0)
	ZEND_ARG_TYPE_INFO(0, query, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Authenticator_accessToken, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Authenticator_refresh, 0, 0, SqzGraph\\TokenInfo, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, force, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Authenticator_status, 0, 0, SqzGraph\\TokenInfo, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Authenticator_forget, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Authenticator_importToken, 0, 2, SqzGraph\\TokenInfo, 0)
	ZEND_ARG_TYPE_INFO(0, record, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, timezone, IS_STRING, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_Authenticator, __construct);
static ZEND_METHOD(SqzGraph_Authenticator, beginAuthorization);
static ZEND_METHOD(SqzGraph_Authenticator, completeAuthorization);
static ZEND_METHOD(SqzGraph_Authenticator, accessToken);
static ZEND_METHOD(SqzGraph_Authenticator, refresh);
static ZEND_METHOD(SqzGraph_Authenticator, status);
static ZEND_METHOD(SqzGraph_Authenticator, forget);
static ZEND_METHOD(SqzGraph_Authenticator, importToken);


static const zend_function_entry class_SqzGraph_Authenticator_methods[] = {
	ZEND_ME(SqzGraph_Authenticator, __construct, arginfo_class_SqzGraph_Authenticator___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, beginAuthorization, arginfo_class_SqzGraph_Authenticator_beginAuthorization, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, completeAuthorization, arginfo_class_SqzGraph_Authenticator_completeAuthorization, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, accessToken, arginfo_class_SqzGraph_Authenticator_accessToken, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, refresh, arginfo_class_SqzGraph_Authenticator_refresh, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, status, arginfo_class_SqzGraph_Authenticator_status, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, forget, arginfo_class_SqzGraph_Authenticator_forget, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Authenticator, importToken, arginfo_class_SqzGraph_Authenticator_importToken, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Authenticator(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Authenticator", class_SqzGraph_Authenticator_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "completeauthorization", sizeof("completeauthorization") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "importtoken", sizeof("importtoken") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
