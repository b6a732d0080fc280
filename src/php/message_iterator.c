/* SqzGraph\MessageIterator: Graph pages on demand, oldest first. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "zend_interfaces.h"

#include "core/alloc.h"
#include "classes.h"
#include "errors.h"
#include "mailbox.h"
#include "message_iterator_arginfo.h"

zend_class_entry *php_sqz_message_iterator_ce;
static zend_object_handlers iterator_handlers;

typedef struct iterator_object {
	zval mailbox;
	char *folder_id;
	char *next_link;
	sqz_message *page;
	size_t count;
	size_t pos;
	zend_long index;       /* key() across pages */
	zend_long limit;       /* 0 = all */
	int page_size;
	int started;
	zval current;
	zend_object std;
} iterator_object;

static inline iterator_object *iterator_from_obj(zend_object *obj)
{
	return (iterator_object *)((char *)obj - XtOffsetOf(iterator_object, std));
}

static void clear_page(iterator_object *it)
{
	for (size_t i = 0; i < it->count; i++) {
		sqz_message_clear(&it->page[i]);
	}
	sqz_free(it->page);
	it->page = NULL;
	it->count = it->pos = 0;
	zval_ptr_dtor(&it->current);
	ZVAL_UNDEF(&it->current);
}

static zend_object *iterator_create(zend_class_entry *ce)
{
	iterator_object *it = zend_object_alloc(sizeof(iterator_object), ce);
	zend_object_std_init(&it->std, ce);
	object_properties_init(&it->std, ce);
	it->std.handlers = &iterator_handlers;
	ZVAL_UNDEF(&it->mailbox);
	ZVAL_UNDEF(&it->current);
	return &it->std;
}

static void iterator_free(zend_object *object)
{
	iterator_object *it = iterator_from_obj(object);
	clear_page(it);
	sqz_free(it->folder_id);
	sqz_free(it->next_link);
	zval_ptr_dtor(&it->mailbox);
	zend_object_std_dtor(object);
}

static HashTable *iterator_get_gc(zend_object *object, zval **table, int *n)
{
	iterator_object *it = iterator_from_obj(object);
	zend_get_gc_buffer *gc = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(gc, &it->mailbox);
	zend_get_gc_buffer_add_zval(gc, &it->current);
	zend_get_gc_buffer_use(gc, table, n);
	return zend_std_get_properties(object);
}

void php_sqz_message_iterator_create(zval *out, zval *mailbox, const char *folder_id, int page_size, zend_long limit)
{
	object_init_ex(out, php_sqz_message_iterator_ce);
	iterator_object *it = iterator_from_obj(Z_OBJ_P(out));
	ZVAL_COPY(&it->mailbox, mailbox);
	it->folder_id = sqz_strdup(folder_id);
	it->page_size = limit > 0 && limit < page_size ? (int)limit : page_size;
	it->limit = limit;
}

/* Fetches the first page, or the next one when the current is used up.
 * Returns false with an exception thrown. */
static bool fill(iterator_object *it)
{
	if (it->started && (it->pos < it->count || !it->next_link)) {
		return true;
	}
	if (it->limit > 0 && it->index >= it->limit) {
		return true;
	}
	php_sqz_mailbox_object *mb = php_sqz_mailbox_require(&it->mailbox);
	if (!mb) {
		return false;
	}
	char *link = it->next_link;
	it->next_link = NULL;
	clear_page(it);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_mailbox_message_page(&mb->mb, it->folder_id, it->started ? link : NULL, it->page_size, NULL,
		&it->page, &it->count, &it->next_link, &err);
	sqz_free(link);
	it->started = 1;
	if (st != SQZ_OK || EG(exception)) {
		clear_page(it);
		php_sqz_finish_error(st, &err);
		return false;
	}
	return true;
}

static bool valid(iterator_object *it)
{
	return it->pos < it->count && (it->limit == 0 || it->index < it->limit);
}

ZEND_METHOD(SqzGraph_MessageIterator, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(SqzGraph_MessageIterator, rewind)
{
	ZEND_PARSE_PARAMETERS_NONE();
	iterator_object *it = iterator_from_obj(Z_OBJ_P(ZEND_THIS));
	if (it->started) {
		if (it->index == 0) {
			return;
		}
		zend_throw_error(NULL, "SqzGraph\\MessageIterator is forward-only: call Mailbox::messages() again to start over");
		RETURN_THROWS();
	}
	fill(it);
}

ZEND_METHOD(SqzGraph_MessageIterator, valid)
{
	ZEND_PARSE_PARAMETERS_NONE();
	iterator_object *it = iterator_from_obj(Z_OBJ_P(ZEND_THIS));
	if (!fill(it)) {
		RETURN_THROWS();
	}
	RETURN_BOOL(valid(it));
}

ZEND_METHOD(SqzGraph_MessageIterator, current)
{
	ZEND_PARSE_PARAMETERS_NONE();
	iterator_object *it = iterator_from_obj(Z_OBJ_P(ZEND_THIS));
	if (!fill(it)) {
		RETURN_THROWS();
	}
	if (!valid(it)) {
		RETURN_NULL();
	}
	if (Z_TYPE(it->current) == IS_UNDEF) {
		php_sqz_message_create(&it->current, &it->mailbox, &it->page[it->pos]);
	}
	RETURN_COPY(&it->current);
}

ZEND_METHOD(SqzGraph_MessageIterator, key)
{
	ZEND_PARSE_PARAMETERS_NONE();
	iterator_object *it = iterator_from_obj(Z_OBJ_P(ZEND_THIS));
	if (!fill(it)) {
		RETURN_THROWS();
	}
	if (!valid(it)) {
		RETURN_NULL();
	}
	RETURN_LONG(it->index);
}

ZEND_METHOD(SqzGraph_MessageIterator, next)
{
	ZEND_PARSE_PARAMETERS_NONE();
	iterator_object *it = iterator_from_obj(Z_OBJ_P(ZEND_THIS));
	if (!fill(it)) {
		RETURN_THROWS();
	}
	if (it->pos < it->count) {
		it->pos++;
		it->index++;
		zval_ptr_dtor(&it->current);
		ZVAL_UNDEF(&it->current);
	}
	fill(it);
}

void php_sqz_message_iterator_minit(void)
{
	php_sqz_message_iterator_ce = register_class_SqzGraph_MessageIterator(zend_ce_iterator);
	php_sqz_message_iterator_ce->create_object = iterator_create;
	memcpy(&iterator_handlers, zend_get_std_object_handlers(), sizeof iterator_handlers);
	iterator_handlers.offset = XtOffsetOf(iterator_object, std);
	iterator_handlers.free_obj = iterator_free;
	iterator_handlers.get_gc = iterator_get_gc;
	iterator_handlers.clone_obj = NULL;
}
