/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 078f627d3a6301511d91cc5ed3ae18de53e82015 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Message___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Message_saveMime, 0, 1, IS_LONG, 0)
	ZEND_ARG_INFO(0, target)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Message_attachments, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_Message, __construct);
static ZEND_METHOD(SqzGraph_Message, saveMime);
static ZEND_METHOD(SqzGraph_Message, attachments);


static const zend_function_entry class_SqzGraph_Message_methods[] = {
	ZEND_ME(SqzGraph_Message, __construct, arginfo_class_SqzGraph_Message___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SqzGraph_Message, saveMime, arginfo_class_SqzGraph_Message_saveMime, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Message, attachments, arginfo_class_SqzGraph_Message_attachments, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Message(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Message", class_SqzGraph_Message_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_id_name);

	zval property_internetMessageId_default_value;
	ZVAL_UNDEF(&property_internetMessageId_default_value);
	zend_string *property_internetMessageId_name = zend_string_init("internetMessageId", sizeof("internetMessageId") - 1, 1);
	zend_declare_typed_property(class_entry, property_internetMessageId_name, &property_internetMessageId_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_internetMessageId_name);

	zval property_subject_default_value;
	ZVAL_UNDEF(&property_subject_default_value);
	zend_string *property_subject_name = zend_string_init("subject", sizeof("subject") - 1, 1);
	zend_declare_typed_property(class_entry, property_subject_name, &property_subject_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_subject_name);

	zval property_from_default_value;
	ZVAL_UNDEF(&property_from_default_value);
	zend_string *property_from_name = zend_string_init("from", sizeof("from") - 1, 1);
	zend_declare_typed_property(class_entry, property_from_name, &property_from_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_from_name);

	zval property_fromName_default_value;
	ZVAL_UNDEF(&property_fromName_default_value);
	zend_string *property_fromName_name = zend_string_init("fromName", sizeof("fromName") - 1, 1);
	zend_declare_typed_property(class_entry, property_fromName_name, &property_fromName_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_fromName_name);

	zval property_receivedAt_default_value;
	ZVAL_UNDEF(&property_receivedAt_default_value);
	zend_string *property_receivedAt_name = zend_string_init("receivedAt", sizeof("receivedAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_receivedAt_name, &property_receivedAt_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_receivedAt_name);

	zval property_hasAttachments_default_value;
	ZVAL_UNDEF(&property_hasAttachments_default_value);
	zend_string *property_hasAttachments_name = zend_string_init("hasAttachments", sizeof("hasAttachments") - 1, 1);
	zend_declare_typed_property(class_entry, property_hasAttachments_name, &property_hasAttachments_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_hasAttachments_name);

	zval property_size_default_value;
	ZVAL_UNDEF(&property_size_default_value);
	zend_string *property_size_name = zend_string_init("size", sizeof("size") - 1, 1);
	zend_declare_typed_property(class_entry, property_size_name, &property_size_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_size_name);

	return class_entry;
}
