/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 63edf9b0cf29e50abf8064276318110ae14344ce */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Folder___construct, 0, 0, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_Folder, __construct);


static const zend_function_entry class_SqzGraph_Folder_methods[] = {
	ZEND_ME(SqzGraph_Folder, __construct, arginfo_class_SqzGraph_Folder___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Folder(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Folder", class_SqzGraph_Folder_methods);
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

	zval property_path_default_value;
	ZVAL_UNDEF(&property_path_default_value);
	zend_string *property_path_name = zend_string_init("path", sizeof("path") - 1, 1);
	zend_declare_typed_property(class_entry, property_path_name, &property_path_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_path_name);

	zval property_parentId_default_value;
	ZVAL_UNDEF(&property_parentId_default_value);
	zend_string *property_parentId_name = zend_string_init("parentId", sizeof("parentId") - 1, 1);
	zend_declare_typed_property(class_entry, property_parentId_name, &property_parentId_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_parentId_name);

	zval property_totalCount_default_value;
	ZVAL_UNDEF(&property_totalCount_default_value);
	zend_string *property_totalCount_name = zend_string_init("totalCount", sizeof("totalCount") - 1, 1);
	zend_declare_typed_property(class_entry, property_totalCount_name, &property_totalCount_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_totalCount_name);

	zval property_unreadCount_default_value;
	ZVAL_UNDEF(&property_unreadCount_default_value);
	zend_string *property_unreadCount_name = zend_string_init("unreadCount", sizeof("unreadCount") - 1, 1);
	zend_declare_typed_property(class_entry, property_unreadCount_name, &property_unreadCount_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_unreadCount_name);

	zval property_childCount_default_value;
	ZVAL_UNDEF(&property_childCount_default_value);
	zend_string *property_childCount_name = zend_string_init("childCount", sizeof("childCount") - 1, 1);
	zend_declare_typed_property(class_entry, property_childCount_name, &property_childCount_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_childCount_name);

	zval property_isHidden_default_value;
	ZVAL_UNDEF(&property_isHidden_default_value);
	zend_string *property_isHidden_name = zend_string_init("isHidden", sizeof("isHidden") - 1, 1);
	zend_declare_typed_property(class_entry, property_isHidden_name, &property_isHidden_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_isHidden_name);

	return class_entry;
}
