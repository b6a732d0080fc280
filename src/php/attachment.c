/* SqzGraph\Attachment (item object layout, see message.c). */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"

#include "classes.h"
#include "mailbox.h"
#include "runtime.h"
#include "errors.h"
#include "attachment_arginfo.h"

zend_class_entry *php_sqz_attachment_ce;
extern zend_object *php_sqz_item_create(zend_class_entry *ce);

void php_sqz_attachment_create(zval *out, zval *mailbox, const char *message_id, const sqz_attachment *a)
{
	zend_class_entry *ce = php_sqz_attachment_ce;
	object_init_ex(out, ce);
	zend_object *o = Z_OBJ_P(out);
	php_sqz_item_object *item = php_sqz_item_from_obj(o);
	ZVAL_COPY(&item->mailbox, mailbox);
	item->message_id = zend_string_init(message_id, strlen(message_id), 0);
	item->attachment_id = zend_string_init(a->id, strlen(a->id), 0);
	zend_update_property_string(ce, o, "id", 2, a->id);
	zend_update_property_string(ce, o, "name", 4, a->name ? a->name : "");
	if (a->content_type) {
		zend_update_property_string(ce, o, "contentType", 11, a->content_type);
	} else {
		zend_update_property_null(ce, o, "contentType", 11);
	}
	zend_update_property_long(ce, o, "size", 4, (zend_long)a->size);
	zend_update_property_bool(ce, o, "isInline", 8, a->is_inline);
	zend_update_property_string(ce, o, "kind", 4,
		a->kind == SQZ_ATTACHMENT_ITEM ? "item" : a->kind == SQZ_ATTACHMENT_REFERENCE ? "reference"
											      : "file");
}

ZEND_METHOD(SqzGraph_Attachment, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(SqzGraph_Attachment, save)
{
	zval *target;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(target)
	ZEND_PARSE_PARAMETERS_END();
	php_sqz_item_object *item = php_sqz_item_from_obj(Z_OBJ_P(ZEND_THIS));
	if (Z_TYPE(item->mailbox) != IS_OBJECT) {
		zend_throw_error(NULL, "This object was not created by a SqzGraph\\Mailbox");
		RETURN_THROWS();
	}
	php_sqz_mailbox_object *mb = php_sqz_mailbox_require(&item->mailbox);
	if (!mb) {
		RETURN_THROWS();
	}
	/* The kind came with the listing: a link has no bytes, and asking
	 * Graph for its $value would only cost a request to learn that. */
	zval rv;
	zval *kind = zend_read_property(php_sqz_attachment_ce, Z_OBJ_P(ZEND_THIS), "kind", 4, 1, &rv);
	if (Z_TYPE_P(kind) == IS_STRING && zend_string_equals_literal(Z_STR_P(kind), "reference")) {
		zval *name = zend_read_property(php_sqz_attachment_ce, Z_OBJ_P(ZEND_THIS), "name", 4, 1, &rv);
		sqz_error err = SQZ_ERROR_INIT;
		sqz_attachment_reference_error(Z_TYPE_P(name) == IS_STRING ? Z_STRVAL_P(name) : NULL, &err);
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	php_sqz_download d = { mb, ZSTR_VAL(item->message_id), ZSTR_VAL(item->attachment_id) };
	zend_long n = php_sqz_save_to_target(target, 1, php_sqz_mailbox_download, &d);
	if (n < 0) {
		RETURN_THROWS();
	}
	RETURN_LONG(n);
}

void php_sqz_attachment_minit(void)
{
	php_sqz_attachment_ce = register_class_SqzGraph_Attachment();
	php_sqz_attachment_ce->create_object = php_sqz_item_create;
}
