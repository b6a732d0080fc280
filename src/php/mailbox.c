/* SqzGraph\Mailbox: a thin face over src/core/mailbox.c and batch.c. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_attributes.h"

#include "core/alloc.h"
#include "core/batch.h"
#include "core/connection_test.h"
#include "core/sink.h"

#include "classes.h"
#include "config.h"
#include "errors.h"
#include "mailbox.h"
#include "mailbox_arginfo.h"
#include "runtime.h"

zend_class_entry *php_sqz_mailbox_ce;
static zend_object_handlers mailbox_handlers;

static zend_object *mailbox_create(zend_class_entry *ce)
{
	php_sqz_mailbox_object *obj = zend_object_alloc(sizeof(php_sqz_mailbox_object), ce);
	zend_object_std_init(&obj->std, ce);
	object_properties_init(&obj->std, ce);
	obj->std.handlers = &mailbox_handlers;
	ZVAL_UNDEF(&obj->auth);
	return &obj->std;
}

static void mailbox_free(zend_object *object)
{
	php_sqz_mailbox_object *obj = php_sqz_mailbox_from_obj(object);
	if (obj->ready) {
		sqz_mailbox_clear(&obj->mb);
		sqz_graph_clear(&obj->graph);
	}
	zval_ptr_dtor(&obj->auth);
	zend_object_std_dtor(object);
}

static HashTable *mailbox_get_gc(zend_object *object, zval **table, int *n)
{
	php_sqz_mailbox_object *obj = php_sqz_mailbox_from_obj(object);
	*table = &obj->auth;
	*n = 1;
	return zend_std_get_properties(object);
}

static HashTable *mailbox_get_debug_info(zend_object *object, int *is_temp)
{
	php_sqz_mailbox_object *obj = php_sqz_mailbox_from_obj(object);
	HashTable *ht = zend_new_array(2);
	*is_temp = 1;
	if (obj->ready) {
		zval v;
		ZVAL_STRING(&v, obj->mb.address ? obj->mb.address : "me");
		zend_hash_str_update(ht, "mailbox", sizeof("mailbox") - 1, &v);
		ZVAL_STRING(&v, obj->graph.endpoint);
		zend_hash_str_update(ht, "graph_endpoint", sizeof("graph_endpoint") - 1, &v);
	}
	return ht;
}

php_sqz_mailbox_object *php_sqz_mailbox_require(zval *zv)
{
	if (Z_TYPE_P(zv) == IS_OBJECT && Z_OBJCE_P(zv) == php_sqz_mailbox_ce) {
		php_sqz_mailbox_object *obj = php_sqz_mailbox_from_obj(Z_OBJ_P(zv));
		if (obj->ready) {
			return obj;
		}
	}
	zend_throw_error(NULL, "The SqzGraph\\Mailbox object has not been constructed");
	return NULL;
}

#define THIS_MAILBOX() \
	php_sqz_mailbox_object *obj = php_sqz_mailbox_require(ZEND_THIS); \
	if (!obj) { \
		RETURN_THROWS(); \
	}

/* An empty id would turn "/messages/{id}" into the listing "/messages/",
 * and C stops at a NUL byte: refuse both before any request. */
static bool id_ok(const zend_string *s, uint32_t arg_num, const char *what)
{
	if (ZSTR_LEN(s) == 0 || zend_str_has_nul_byte(s)) {
		zend_argument_value_error(arg_num, "must be a non-empty %s without NUL bytes", what);
		return false;
	}
	return true;
}

ZEND_METHOD(SqzGraph_Mailbox, __construct)
{
	zval *auth_zv;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(auth_zv, php_sqz_authenticator_ce)
	ZEND_PARSE_PARAMETERS_END();

	php_sqz_mailbox_object *obj = php_sqz_mailbox_from_obj(Z_OBJ_P(ZEND_THIS));
	if (obj->ready) {
		zend_throw_error(NULL, "SqzGraph\\Mailbox is already constructed");
		RETURN_THROWS();
	}
	php_sqz_authenticator_object *a = php_sqz_authenticator_require(auth_zv);
	if (!a) {
		RETURN_THROWS();
	}
	const sqz_config *cfg = a->oauth.config;
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_graph_init(&obj->graph, a->oauth.http, cfg->graph_endpoint, &err) != SQZ_OK) {
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	if (sqz_mailbox_init(&obj->mb, &obj->graph, cfg->mailbox, &err) != SQZ_OK) {
		sqz_graph_clear(&obj->graph);
		php_sqz_throw_error(&err);
		RETURN_THROWS();
	}
	ZVAL_COPY(&obj->auth, auth_zv);
	obj->a = a;
	obj->graph.http_opts = a->oauth.http_opts;
	obj->graph.retry.max_retries = cfg->max_retries;
	obj->graph.retry.max_wait = cfg->max_retry_wait;
	obj->graph.concurrency = cfg->concurrency;
	obj->graph.token = php_sqz_authenticator_token;
	obj->graph.token_ctx = a;
	obj->ready = 1;
}

ZEND_METHOD(SqzGraph_Mailbox, folders)
{
	ZEND_PARSE_PARAMETERS_NONE();
	THIS_MAILBOX();
	sqz_folder_tree tree;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_mailbox_folders(&obj->mb, &tree, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			array_init_size(return_value, (uint32_t)tree.count);
			for (size_t i = 0; i < tree.count; i++) {
				zval f;
				php_sqz_folder_create(&f, &tree.items[i]);
				add_next_index_zval(return_value, &f);
			}
		}
		sqz_folder_tree_clear(&tree);
	}
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Mailbox, resolveFolder)
{
	zend_string *spec;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(spec)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (ZSTR_LEN(spec) == 0 || zend_str_has_nul_byte(spec)) {
		zend_argument_value_error(1, "must be a non-empty folder name or path without NUL bytes");
		RETURN_THROWS();
	}
	sqz_folder f;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_mailbox_resolve_folder(&obj->mb, NULL, ZSTR_VAL(spec), NULL, &f, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			php_sqz_folder_create(return_value, &f);
		}
		sqz_folder_copy_clear(&f);
	}
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Mailbox, messages)
{
	zend_string *folder;
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(folder)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(folder, 1, "folder id")) {
		RETURN_THROWS();
	}
	zend_long page_size = 250, limit = 0;
	if (options) {
		zend_string *key;
		zval *value;
		ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, value) {
			ZVAL_DEREF(value);
			zend_long *slot = key && zend_string_equals_literal(key, "page_size") ? &page_size
				: key && zend_string_equals_literal(key, "limit")             ? &limit
											      : NULL;
			if (!slot) {
				zend_argument_value_error(2, "must contain only the keys \"page_size\" and \"limit\", \"%s\" given",
					key ? ZSTR_VAL(key) : "(integer key)");
				RETURN_THROWS();
			}
			if (Z_TYPE_P(value) != IS_LONG) {
				zend_argument_type_error(2, "option \"%s\" must be of type int, %s given", ZSTR_VAL(key), zend_zval_type_name(value));
				RETURN_THROWS();
			}
			*slot = Z_LVAL_P(value);
		}
		ZEND_HASH_FOREACH_END();
	}
	if (page_size < 1 || page_size > 1000) {
		zend_argument_value_error(2, "option \"page_size\" must be between 1 and 1000 (Graph's limit)");
		RETURN_THROWS();
	}
	if (limit < 0) {
		zend_argument_value_error(2, "option \"limit\" must be 0 (no limit) or more");
		RETURN_THROWS();
	}
	php_sqz_message_iterator_create(return_value, ZEND_THIS, ZSTR_VAL(folder), (int)page_size, limit);
}

ZEND_METHOD(SqzGraph_Mailbox, message)
{
	zend_string *id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(id)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(id, 1, "message id")) {
		RETURN_THROWS();
	}
	sqz_message m;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_mailbox_message(&obj->mb, ZSTR_VAL(id), &m, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			php_sqz_message_create(return_value, ZEND_THIS, &m);
		}
		sqz_message_clear(&m);
	}
	php_sqz_finish_error(st, &err);
}

/* ------------------------------------------------------------ downloads */

sqz_status php_sqz_mailbox_download(void *ctx, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	php_sqz_download *d = ctx;
	if (d->attachment_id) {
		return sqz_mailbox_save_attachment(&d->mb->mb, d->message_id, d->attachment_id, sink, bytes, err);
	}
	return sqz_mailbox_save_mime(&d->mb->mb, d->message_id, sink, bytes, err);
}

ZEND_METHOD(SqzGraph_Mailbox, saveMime)
{
	zend_string *id;
	zval *target;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(id)
		Z_PARAM_ZVAL(target)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(id, 1, "message id")) {
		RETURN_THROWS();
	}
	php_sqz_download d = { obj, ZSTR_VAL(id), NULL };
	zend_long n = php_sqz_save_to_target(target, 2, php_sqz_mailbox_download, &d);
	if (n < 0) {
		RETURN_THROWS();
	}
	RETURN_LONG(n);
}

void php_sqz_list_attachments(php_sqz_mailbox_object *obj, zval *mailbox_zv, const char *message_id, zval *return_value)
{
	sqz_attachment *list = NULL;
	size_t count = 0;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_mailbox_attachments(&obj->mb, message_id, &list, &count, &err);
	if (st == SQZ_OK) {
		if (!EG(exception)) {
			array_init_size(return_value, (uint32_t)count);
			for (size_t i = 0; i < count; i++) {
				zval a;
				php_sqz_attachment_create(&a, mailbox_zv, message_id, &list[i]);
				add_next_index_zval(return_value, &a);
			}
		}
		for (size_t i = 0; i < count; i++) {
			sqz_attachment_clear(&list[i]);
		}
		sqz_free(list);
	}
	php_sqz_finish_error(st, &err);
}

ZEND_METHOD(SqzGraph_Mailbox, attachments)
{
	zend_string *id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(id)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(id, 1, "message id")) {
		RETURN_THROWS();
	}
	php_sqz_list_attachments(obj, ZEND_THIS, ZSTR_VAL(id), return_value);
}

ZEND_METHOD(SqzGraph_Mailbox, saveAttachment)
{
	zend_string *id, *aid;
	zval *target;
	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(id)
		Z_PARAM_STR(aid)
		Z_PARAM_ZVAL(target)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(id, 1, "message id") || !id_ok(aid, 2, "attachment id")) {
		RETURN_THROWS();
	}
	php_sqz_download d = { obj, ZSTR_VAL(id), ZSTR_VAL(aid) };
	zend_long n = php_sqz_save_to_target(target, 3, php_sqz_mailbox_download, &d);
	if (n < 0) {
		RETURN_THROWS();
	}
	RETURN_LONG(n);
}

ZEND_METHOD(SqzGraph_Mailbox, move)
{
	zend_string *id, *folder;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(id)
		Z_PARAM_STR(folder)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(id, 1, "message id") || !id_ok(folder, 2, "folder id")) {
		RETURN_THROWS();
	}
	char *new_id = NULL;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_mailbox_move(&obj->mb, ZSTR_VAL(id), ZSTR_VAL(folder), &new_id, &err);
	if (st == SQZ_OK && !EG(exception)) {
		RETVAL_STRING(new_id);
	}
	sqz_free(new_id);
	php_sqz_finish_error(st, &err);
}

/* A GraphException object for one failed batch member (not thrown). */
static void member_exception(zval *out, sqz_error *err)
{
	php_sqz_throw_error(err);
	if (EG(exception)) {
		ZVAL_OBJ(out, EG(exception));
		GC_ADDREF(EG(exception));
		zend_clear_exception();
	} else {
		ZVAL_NULL(out);
	}
}

ZEND_METHOD(SqzGraph_Mailbox, moveMany)
{
	HashTable *ids;
	zend_string *folder;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ARRAY_HT(ids)
		Z_PARAM_STR(folder)
	ZEND_PARSE_PARAMETERS_END();
	THIS_MAILBOX();
	if (!id_ok(folder, 2, "folder id")) {
		RETURN_THROWS();
	}

	uint32_t n = zend_hash_num_elements(ids), k = 0;
	zval *v;
	ZEND_HASH_FOREACH_VAL(ids, v) {
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) == 0 || zend_str_has_nul_byte(Z_STR_P(v))) {
			zend_argument_type_error(1, "must be a list of non-empty message id strings");
			RETURN_THROWS();
		}
	}
	ZEND_HASH_FOREACH_END();
	array_init_size(return_value, n);
	if (n == 0) {
		return;
	}
	sqz_batch_member *members = ecalloc(n, sizeof *members);
	sqz_batch_result *results = ecalloc(n, sizeof *results);
	char **paths = ecalloc(n, sizeof *paths);
	zend_string **keys = ecalloc(n, sizeof *keys);
	json_object *body = json_object_new_object();
	json_object_object_add(body, "destinationId", json_object_new_string(ZSTR_VAL(folder)));
	char *body_text = sqz_json_dump(body);
	json_object_put(body);
	ZEND_HASH_FOREACH_VAL(ids, v) {
		ZVAL_DEREF(v);
		keys[k] = Z_STR_P(v);
		paths[k] = sqz_mailbox_message_path(&obj->mb, Z_STRVAL_P(v), "/move");
		members[k].method = "POST";
		members[k].path = paths[k];
		members[k].body = body_text;
		k++;
	}
	ZEND_HASH_FOREACH_END();

	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_graph_batch(&obj->graph, members, n, results, &err);
	if (st == SQZ_OK || !EG(exception)) {
		for (uint32_t i = 0; i < n; i++) {
			zval entry;
			const char *new_id = results[i].status >= 200 && results[i].status < 300 ? sqz_json_string(results[i].body, "id") : NULL;
			if (new_id) {
				ZVAL_STRING(&entry, new_id);
			} else {
				if (results[i].error.status == SQZ_OK) {
					sqz_error_set(&results[i].error, SQZ_E_GRAPH, "the move of %s answered without an id", ZSTR_VAL(keys[i]));
				}
				member_exception(&entry, &results[i].error);
			}
			zend_symtable_update(Z_ARRVAL_P(return_value), keys[i], &entry);
		}
	}
	sqz_error_clear(&err);
	for (uint32_t i = 0; i < n; i++) {
		sqz_batch_result_clear(&results[i]);
		sqz_free(paths[i]);
	}
	sqz_free(body_text);
	efree(members);
	efree(results);
	efree(paths);
	efree(keys);
	if (EG(exception)) {
		zval_ptr_dtor(return_value);
		ZVAL_UNDEF(return_value);
	}
}

/* --------------------------------------------------------- connection */

/* The core's checkpoint: an exception from a callback (token source,
 * userland Store, logger) ends the test and is what the caller sees. */
static int exception_pending(void *ctx)
{
	(void)ctx;
	return EG(exception) != NULL;
}

static void connection_check_to_array(zval *out, const sqz_connection_check *c)
{
	array_init_size(out, 2);
	add_assoc_bool(out, "ok", c->ok);
	add_assoc_string(out, "detail", c->detail);
	if (c->hint) {
		add_assoc_string(out, "hint", c->hint);
	}
	if (c->has_skew) {
		add_assoc_long(out, "skew", c->skew);
	}
	if (c->id) {
		add_assoc_string(out, "id", c->id);
	}
	if (c->path) {
		add_assoc_string(out, "path", c->path);
	}
	if (c->candidate_count) {
		zval list;
		array_init(&list);
		for (size_t i = 0; i < c->candidate_count; i++) {
			add_next_index_string(&list, c->candidates[i]);
		}
		add_assoc_zval(out, "candidates", &list);
	}
}

ZEND_METHOD(SqzGraph_Mailbox, testConnection)
{
	ZEND_PARSE_PARAMETERS_NONE();
	THIS_MAILBOX();
	sqz_connection_report report;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_connection_test_run(&obj->a->oauth, &obj->mb, exception_pending, NULL, &report, &err);
	if (st == SQZ_OK && !EG(exception)) {
		zval checks;
		array_init(&checks);
		for (size_t i = 0; i < report.count; i++) {
			zval entry;
			connection_check_to_array(&entry, &report.checks[i]);
			add_assoc_zval(&checks, report.checks[i].name, &entry);
		}
		array_init_size(return_value, 2);
		add_assoc_bool(return_value, "ok", report.ok);
		add_assoc_zval(return_value, "checks", &checks);
	}
	sqz_connection_report_clear(&report);
	php_sqz_finish_error(st, &err);
}

void php_sqz_mailbox_minit(void)
{
	php_sqz_mailbox_ce = register_class_SqzGraph_Mailbox();
	php_sqz_mailbox_ce->create_object = mailbox_create;
	memcpy(&mailbox_handlers, zend_get_std_object_handlers(), sizeof mailbox_handlers);
	mailbox_handlers.offset = XtOffsetOf(php_sqz_mailbox_object, std);
	mailbox_handlers.free_obj = mailbox_free;
	mailbox_handlers.get_gc = mailbox_get_gc;
	mailbox_handlers.get_debug_info = mailbox_get_debug_info;
	mailbox_handlers.clone_obj = NULL;
}
