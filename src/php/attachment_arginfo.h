/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d3b6b2a99744db7e4b3520fa979c90a1c2f15e73 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Attachment___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Attachment_save, 0, 1, IS_LONG, 0)
	ZEND_ARG_INFO(0, target)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_Attachment, __construct);
static ZEND_METHOD(SqzGraph_Attachment, save);


static const zend_function_entry class_SqzGraph_Attachment_methods[] = {
	ZEND_ME(SqzGraph_Attachment, __construct, arginfo_class_SqzGraph_Attachment___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SqzGraph_Attachment, save, arginfo_class_SqzGraph_Attachment_save, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Attachment(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Attachment", class_SqzGraph_Attachment_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_id_name);

	zval property_name_default_value;
	ZVAL_UNDEF(&property_name_default_value);
	zend_string *property_name_name = zend_string_init("name", sizeof("name") - 1, 1);
	zend_declare_typed_property(class_entry, property_name_name, &property_name_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_name_name);

	zval property_contentType_default_value;
	ZVAL_UNDEF(&property_contentType_default_value);
	zend_string *property_contentType_name = zend_string_init("contentType", sizeof("contentType") - 1, 1);
	zend_declare_typed_property(class_entry, property_contentType_name, &property_contentType_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_contentType_name);

	zval property_size_default_value;
	ZVAL_UNDEF(&property_size_default_value);
	zend_string *property_size_name = zend_string_init("size", sizeof("size") - 1, 1);
	zend_declare_typed_property(class_entry, property_size_name, &property_size_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_size_name);

	zval property_isInline_default_value;
	ZVAL_UNDEF(&property_isInline_default_value);
	zend_string *property_isInline_name = zend_string_init("isInline", sizeof("isInline") - 1, 1);
	zend_declare_typed_property(class_entry, property_isInline_name, &property_isInline_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_isInline_name);

	zval property_kind_default_value;
	ZVAL_UNDEF(&property_kind_default_value);
	zend_string *property_kind_name = zend_string_init("kind", sizeof("kind") - 1, 1);
	zend_declare_typed_property(class_entry, property_kind_name, &property_kind_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_kind_name);

	return class_entry;
}
