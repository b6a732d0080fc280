/* SqzGraph\Message and SqzGraph\Attachment share the item object layout:
 * a counted reference to their Mailbox plus the ids they act on. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"

#include "classes.h"
#include "mailbox.h"
#include "runtime.h"
#include "message_arginfo.h"

zend_class_entry *php_sqz_message_ce;
zend_object_handlers php_sqz_item_handlers;

zend_object *php_sqz_item_create(zend_class_entry *ce)
{
	php_sqz_item_object *obj = zend_object_alloc(sizeof(php_sqz_item_object), ce);
	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &php_sqz_item_handlers;
	ZVAL_UNDEF(&obj->mailbox);
	return &obj->std;
}

static void item_free(zend_object *object)
{
	php_sqz_item_object *obj = php_sqz_item_from_obj(object);
	zval_ptr_dtor(&obj->mailbox);
	if (obj->message_id) {
		zend_string_release(obj->message_id);
	}
	if (obj->attachment_id) {
		zend_string_release(obj->attachment_id);
	}
	zend_object_std_dtor(object);
}

static HashTable *item_get_gc(zend_object *object, zval **table, int *n)
{
	php_sqz_item_object *obj = php_sqz_item_from_obj(object);
	*table = &obj->mailbox;
	*n = 1;
	return zend_std_get_properties(object);
}

static void set_nullable(zend_class_entry *ce, zend_object *o, const char *name, const char *value)
{
	if (value) {
		zend_update_property_string(ce, o, name, strlen(name), value);
	} else {
		zend_update_property_null(ce, o, name, strlen(name));
	}
}

void php_sqz_message_create(zval *out, zval *mailbox, const sqz_message *m)
{
	zend_class_entry *ce = php_sqz_message_ce;
	object_init_ex(out, ce);
	zend_object *o = Z_OBJ_P(out);
	php_sqz_item_object *item = php_sqz_item_from_obj(o);
	ZVAL_COPY(&item->mailbox, mailbox);
	item->message_id = zend_string_init(m->id, strlen(m->id), 0);
	zend_update_property_string(ce, o, "id", 2, m->id);
	set_nullable(ce, o, "internetMessageId", m->internet_message_id);
	zend_update_property_string(ce, o, "subject", 7, m->subject ? m->subject : "");
	set_nullable(ce, o, "from", m->from_address);
	set_nullable(ce, o, "fromName", m->from_name);
	zend_update_property_long(ce, o, "receivedAt", 10, (zend_long)m->received_at);
	zend_update_property_bool(ce, o, "hasAttachments", 14, m->has_attachments);
	if (m->size >= 0) {
		zend_update_property_long(ce, o, "size", 4, (zend_long)m->size);
	} else {
		zend_update_property_null(ce, o, "size", 4);
	}
}

static php_sqz_mailbox_object *item_mailbox(zval *this_zv, php_sqz_item_object **item)
{
	*item = php_sqz_item_from_obj(Z_OBJ_P(this_zv));
	if (Z_TYPE((*item)->mailbox) != IS_OBJECT) {
		zend_throw_error(NULL, "This object was not created by a SqzGraph\\Mailbox");
		return NULL;
	}
	return php_sqz_mailbox_require(&(*item)->mailbox);
}

ZEND_METHOD(SqzGraph_Message, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(SqzGraph_Message, saveMime)
{
	zval *target;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(target)
	ZEND_PARSE_PARAMETERS_END();
	php_sqz_item_object *item;
	php_sqz_mailbox_object *mb = item_mailbox(ZEND_THIS, &item);
	if (!mb) {
		RETURN_THROWS();
	}
	php_sqz_download d = { mb, ZSTR_VAL(item->message_id), NULL };
	zend_long n = php_sqz_save_to_target(target, 1, php_sqz_mailbox_download, &d);
	if (n < 0) {
		RETURN_THROWS();
	}
	RETURN_LONG(n);
}

ZEND_METHOD(SqzGraph_Message, attachments)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_sqz_item_object *item;
	php_sqz_mailbox_object *mb = item_mailbox(ZEND_THIS, &item);
	if (!mb) {
		RETURN_THROWS();
	}
	php_sqz_list_attachments(mb, &item->mailbox, ZSTR_VAL(item->message_id), return_value);
}

void php_sqz_message_minit(void)
{
	php_sqz_message_ce = register_class_SqzGraph_Message();
	php_sqz_message_ce->create_object = php_sqz_item_create;
	memcpy(&php_sqz_item_handlers, zend_get_std_object_handlers(), sizeof php_sqz_item_handlers);
	php_sqz_item_handlers.offset = XtOffsetOf(php_sqz_item_object, std);
	php_sqz_item_handlers.free_obj = item_free;
	php_sqz_item_handlers.get_gc = item_get_gc;
	php_sqz_item_handlers.clone_obj = NULL;
}
