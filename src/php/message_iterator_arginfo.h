/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5f060559c9e593b07645c3311cf48c65d8c0dba4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_MessageIterator___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_MessageIterator_current, 0, 0, SqzGraph\\Message, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_MessageIterator_key, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_MessageIterator_next, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_MessageIterator_rewind arginfo_class_SqzGraph_MessageIterator_next

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_MessageIterator_valid, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()


static ZEND_METHOD(SqzGraph_MessageIterator, __construct);
static ZEND_METHOD(SqzGraph_MessageIterator, current);
static ZEND_METHOD(SqzGraph_MessageIterator, key);
static ZEND_METHOD(SqzGraph_MessageIterator, next);
static ZEND_METHOD(SqzGraph_MessageIterator, rewind);
static ZEND_METHOD(SqzGraph_MessageIterator, valid);


static const zend_function_entry class_SqzGraph_MessageIterator_methods[] = {
	ZEND_ME(SqzGraph_MessageIterator, __construct, arginfo_class_SqzGraph_MessageIterator___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(SqzGraph_MessageIterator, current, arginfo_class_SqzGraph_MessageIterator_current, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_MessageIterator, key, arginfo_class_SqzGraph_MessageIterator_key, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_MessageIterator, next, arginfo_class_SqzGraph_MessageIterator_next, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_MessageIterator, rewind, arginfo_class_SqzGraph_MessageIterator_rewind, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_MessageIterator, valid, arginfo_class_SqzGraph_MessageIterator_valid, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_MessageIterator(zend_class_entry *class_entry_Iterator)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "MessageIterator", class_SqzGraph_MessageIterator_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Iterator);

	return class_entry;
}
