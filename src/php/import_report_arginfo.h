/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 51f6cc71299e924d8584b9bb48c3f740c84f4096 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_ImportReport___construct, 0, 0, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_ImportReport, __construct);


static const zend_function_entry class_SqzGraph_ImportReport_methods[] = {
	ZEND_ME(SqzGraph_ImportReport, __construct, arginfo_class_SqzGraph_ImportReport___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_ImportReport(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "ImportReport", class_SqzGraph_ImportReport_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_imported_default_value;
	ZVAL_UNDEF(&property_imported_default_value);
	zend_string *property_imported_name = zend_string_init("imported", sizeof("imported") - 1, 1);
	zend_declare_typed_property(class_entry, property_imported_name, &property_imported_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_imported_name);

	zval property_failed_default_value;
	ZVAL_UNDEF(&property_failed_default_value);
	zend_string *property_failed_name = zend_string_init("failed", sizeof("failed") - 1, 1);
	zend_declare_typed_property(class_entry, property_failed_name, &property_failed_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_failed_name);

	zval property_deferred_default_value;
	ZVAL_UNDEF(&property_deferred_default_value);
	zend_string *property_deferred_name = zend_string_init("deferred", sizeof("deferred") - 1, 1);
	zend_declare_typed_property(class_entry, property_deferred_name, &property_deferred_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_deferred_name);

	zval property_vanished_default_value;
	ZVAL_UNDEF(&property_vanished_default_value);
	zend_string *property_vanished_name = zend_string_init("vanished", sizeof("vanished") - 1, 1);
	zend_declare_typed_property(class_entry, property_vanished_name, &property_vanished_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_vanished_name);

	zval property_resumed_default_value;
	ZVAL_UNDEF(&property_resumed_default_value);
	zend_string *property_resumed_name = zend_string_init("resumed", sizeof("resumed") - 1, 1);
	zend_declare_typed_property(class_entry, property_resumed_name, &property_resumed_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_resumed_name);

	zval property_locked_default_value;
	ZVAL_UNDEF(&property_locked_default_value);
	zend_string *property_locked_name = zend_string_init("locked", sizeof("locked") - 1, 1);
	zend_declare_typed_property(class_entry, property_locked_name, &property_locked_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_locked_name);

	zval property_aborted_default_value;
	ZVAL_UNDEF(&property_aborted_default_value);
	zend_string *property_aborted_name = zend_string_init("aborted", sizeof("aborted") - 1, 1);
	zend_declare_typed_property(class_entry, property_aborted_name, &property_aborted_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_aborted_name);

	zval property_seconds_default_value;
	ZVAL_UNDEF(&property_seconds_default_value);
	zend_string *property_seconds_name = zend_string_init("seconds", sizeof("seconds") - 1, 1);
	zend_declare_typed_property(class_entry, property_seconds_name, &property_seconds_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_seconds_name);

	zval property_throttledUntil_default_value;
	ZVAL_UNDEF(&property_throttledUntil_default_value);
	zend_string *property_throttledUntil_name = zend_string_init("throttledUntil", sizeof("throttledUntil") - 1, 1);
	zend_declare_typed_property(class_entry, property_throttledUntil_name, &property_throttledUntil_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_throttledUntil_name);

	zval property_items_default_value;
	ZVAL_UNDEF(&property_items_default_value);
	zend_string *property_items_name = zend_string_init("items", sizeof("items") - 1, 1);
	zend_declare_typed_property(class_entry, property_items_name, &property_items_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_items_name);

	return class_entry;
}
