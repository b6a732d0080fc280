/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d1191055cdd63d1d125b28dca59720a5089637b4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_SqzGraph_Mailbox___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, auth, SqzGraph\\Authenticator, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Mailbox_folders, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Mailbox_resolveFolder, 0, 1, SqzGraph\\Folder, 0)
	ZEND_ARG_TYPE_INFO(0, nameOrPath, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Mailbox_messages, 0, 1, Iterator, 0)
	ZEND_ARG_TYPE_INFO(0, folderId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_SqzGraph_Mailbox_message, 0, 1, SqzGraph\\Message, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Mailbox_saveMime, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, messageId, IS_STRING, 0)
	ZEND_ARG_INFO(0, target)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Mailbox_attachments, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, messageId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Mailbox_saveAttachment, 0, 3, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, messageId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, attachmentId, IS_STRING, 0)
	ZEND_ARG_INFO(0, target)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Mailbox_move, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, messageId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, folderId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_SqzGraph_Mailbox_moveMany, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, messageIds, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, folderId, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_SqzGraph_Mailbox_testConnection arginfo_class_SqzGraph_Mailbox_folders


static ZEND_METHOD(SqzGraph_Mailbox, __construct);
static ZEND_METHOD(SqzGraph_Mailbox, folders);
static ZEND_METHOD(SqzGraph_Mailbox, resolveFolder);
static ZEND_METHOD(SqzGraph_Mailbox, messages);
static ZEND_METHOD(SqzGraph_Mailbox, message);
static ZEND_METHOD(SqzGraph_Mailbox, saveMime);
static ZEND_METHOD(SqzGraph_Mailbox, attachments);
static ZEND_METHOD(SqzGraph_Mailbox, saveAttachment);
static ZEND_METHOD(SqzGraph_Mailbox, move);
static ZEND_METHOD(SqzGraph_Mailbox, moveMany);
static ZEND_METHOD(SqzGraph_Mailbox, testConnection);


static const zend_function_entry class_SqzGraph_Mailbox_methods[] = {
	ZEND_ME(SqzGraph_Mailbox, __construct, arginfo_class_SqzGraph_Mailbox___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, folders, arginfo_class_SqzGraph_Mailbox_folders, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, resolveFolder, arginfo_class_SqzGraph_Mailbox_resolveFolder, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, messages, arginfo_class_SqzGraph_Mailbox_messages, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, message, arginfo_class_SqzGraph_Mailbox_message, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, saveMime, arginfo_class_SqzGraph_Mailbox_saveMime, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, attachments, arginfo_class_SqzGraph_Mailbox_attachments, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, saveAttachment, arginfo_class_SqzGraph_Mailbox_saveAttachment, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, move, arginfo_class_SqzGraph_Mailbox_move, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, moveMany, arginfo_class_SqzGraph_Mailbox_moveMany, ZEND_ACC_PUBLIC)
	ZEND_ME(SqzGraph_Mailbox, testConnection, arginfo_class_SqzGraph_Mailbox_testConnection, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_SqzGraph_Mailbox(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "SqzGraph", "Mailbox", class_SqzGraph_Mailbox_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
