/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: bf0aefd681c629b9111dc5c7f51aee052f17983c */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_TokenInfo___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_TokenInfo_expiresAt, 0, 0, DateTimeImmutable, 1)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_TokenInfo, __construct);
static ZEND_METHOD(SqzGraph_TokenInfo, expiresAt);


static const zend_function_entry class_SqzGraph_TokenInfo_methods[] = {
	ZEND_ME(SqzGraph_TokenInfo, __construct, arginfo_class_SqzGraph_TokenInfo___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SqzGraph_TokenInfo, expiresAt, arginfo_class_SqzGraph_TokenInfo_expiresAt, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_TokenInfo(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "TokenInfo", class_SqzGraph_TokenInfo_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_authorized_default_value;
	ZVAL_UNDEF(&property_authorized_default_value);
	zend_string *property_authorized_name = zend_string_init("authorized", sizeof("authorized") - 1, 1);
	zend_declare_typed_property(class_entry, property_authorized_name, &property_authorized_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_authorized_name);

	zval property_needsReauthorization_default_value;
	ZVAL_UNDEF(&property_needsReauthorization_default_value);
	zend_string *property_needsReauthorization_name = zend_string_init("needsReauthorization", sizeof("needsReauthorization") - 1, 1);
	zend_declare_typed_property(class_entry, property_needsReauthorization_name, &property_needsReauthorization_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_needsReauthorization_name);

	zval property_reason_default_value;
	ZVAL_UNDEF(&property_reason_default_value);
	zend_string *property_reason_name = zend_string_init("reason", sizeof("reason") - 1, 1);
	zend_declare_typed_property(class_entry, property_reason_name, &property_reason_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_reason_name);

	zval property_errorCode_default_value;
	ZVAL_UNDEF(&property_errorCode_default_value);
	zend_string *property_errorCode_name = zend_string_init("errorCode", sizeof("errorCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_errorCode_name, &property_errorCode_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_errorCode_name);

	zval property_expiresAt_default_value;
	ZVAL_UNDEF(&property_expiresAt_default_value);
	zend_string *property_expiresAt_name = zend_string_init("expiresAt", sizeof("expiresAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_expiresAt_name, &property_expiresAt_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_expiresAt_name);

	zval property_obtainedAt_default_value;
	ZVAL_UNDEF(&property_obtainedAt_default_value);
	zend_string *property_obtainedAt_name = zend_string_init("obtainedAt", sizeof("obtainedAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_obtainedAt_name, &property_obtainedAt_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_obtainedAt_name);

	zval property_account_default_value;
	ZVAL_UNDEF(&property_account_default_value);
	zend_string *property_account_name = zend_string_init("account", sizeof("account") - 1, 1);
	zend_declare_typed_property(class_entry, property_account_name, &property_account_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_account_name);

	zval property_scopes_default_value;
	ZVAL_UNDEF(&property_scopes_default_value);
	zend_string *property_scopes_name = zend_string_init("scopes", sizeof("scopes") - 1, 1);
	zend_declare_typed_property(class_entry, property_scopes_name, &property_scopes_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_scopes_name);

	zval property_flow_default_value;
	ZVAL_UNDEF(&property_flow_default_value);
	zend_string *property_flow_name = zend_string_init("flow", sizeof("flow") - 1, 1);
	zend_declare_typed_property(class_entry, property_flow_name, &property_flow_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_flow_name);

	zval property_refreshTokenExpiresAt_default_value;
	ZVAL_UNDEF(&property_refreshTokenExpiresAt_default_value);
	zend_string *property_refreshTokenExpiresAt_name = zend_string_init("refreshTokenExpiresAt", sizeof("refreshTokenExpiresAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_refreshTokenExpiresAt_name, &property_refreshTokenExpiresAt_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_refreshTokenExpiresAt_name);

	zval property_lastRefreshAt_default_value;
	ZVAL_UNDEF(&property_lastRefreshAt_default_value);
	zend_string *property_lastRefreshAt_name = zend_string_init("lastRefreshAt", sizeof("lastRefreshAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_lastRefreshAt_name, &property_lastRefreshAt_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_lastRefreshAt_name);

	zval property_lastError_default_value;
	ZVAL_UNDEF(&property_lastError_default_value);
	zend_string *property_lastError_name = zend_string_init("lastError", sizeof("lastError") - 1, 1);
	zend_declare_typed_property(class_entry, property_lastError_name, &property_lastError_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_lastError_name);

	zval property_warnings_default_value;
	ZVAL_UNDEF(&property_warnings_default_value);
	zend_string *property_warnings_name = zend_string_init("warnings", sizeof("warnings") - 1, 1);
	zend_declare_typed_property(class_entry, property_warnings_name, &property_warnings_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_warnings_name);

	return class_entry;
}
