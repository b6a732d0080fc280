/* sqzgraph binding: SqzGraph\Mailbox and the value classes it hands out
 * (Folder, Message, Attachment, MessageIterator). */
#ifndef PHP_SQZ_MAILBOX_H
#define PHP_SQZ_MAILBOX_H

#include "php.h"
#include "core/graph.h"
#include "core/mailbox.h"
#include "authenticator.h"

typedef struct php_sqz_mailbox_object {
	zval auth;   /* the Authenticator, one counted reference */
	php_sqz_authenticator_object *a;        /* borrowed from auth */
	sqz_graph graph;
	sqz_mailbox mb;
	sqz_logger logger;
	int ready;
	zend_object std;
} php_sqz_mailbox_object;

/* Message and Attachment objects point back at their Mailbox. */
typedef struct php_sqz_item_object {
	zval mailbox;   /* the Mailbox, counted */
	zend_string *message_id;                /* Attachment: its message; Message: its id */
	zend_string *attachment_id;             /* Attachment only */
	zend_object std;
} php_sqz_item_object;

extern zend_class_entry *php_sqz_mailbox_ce;
extern zend_class_entry *php_sqz_folder_ce;
extern zend_class_entry *php_sqz_message_ce;
extern zend_class_entry *php_sqz_attachment_ce;
extern zend_class_entry *php_sqz_message_iterator_ce;

static inline php_sqz_mailbox_object *php_sqz_mailbox_from_obj(zend_object *obj)
{
	return (php_sqz_mailbox_object *)((char *)obj - XtOffsetOf(php_sqz_mailbox_object, std));
}

static inline php_sqz_item_object *php_sqz_item_from_obj(zend_object *obj)
{
	return (php_sqz_item_object *)((char *)obj - XtOffsetOf(php_sqz_item_object, std));
}

php_sqz_mailbox_object *php_sqz_mailbox_require(zval *zv);

/* Value objects built from core structs (copied). */
void php_sqz_folder_create(zval *out, const sqz_folder *f);
void php_sqz_message_create(zval *out, zval *mailbox, const sqz_message *m);
void php_sqz_attachment_create(zval *out, zval *mailbox, const char *message_id, const sqz_attachment *a);

/* A MessageIterator over folder_id (Mailbox::messages()). */
void php_sqz_message_iterator_create(zval *out, zval *mailbox, const char *folder_id, int page_size, zend_long limit);

/* A download for php_sqz_save_to_target() (runtime.h): ctx is a
 * php_sqz_download, all borrowed for the call; the message's MIME, or one
 * attachment when attachment_id is set. */
typedef struct php_sqz_download {
	php_sqz_mailbox_object *mb;
	const char *message_id;
	const char *attachment_id;
} php_sqz_download;
sqz_status php_sqz_mailbox_download(void *ctx, sqz_sink *sink, int64_t *bytes, sqz_error *err);

/* Lists a message's attachments as PHP objects into return_value. */
void php_sqz_list_attachments(php_sqz_mailbox_object *mb, zval *mailbox_zv, const char *message_id, zval *return_value);

#endif
