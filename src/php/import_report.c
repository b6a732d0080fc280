/* SqzGraph\ImportReport: what one Importer::run() did.
 *
 * Its items are a line per message of the run (up to max_messages). Each
 * is packed as the run settles the message and the lines become PHP
 * arrays when `items` is first read: a line of the benchmark costs about
 * 190 bytes packed against 640 as an array (a hash of 8 buckets, the id
 * and the subject as strings), and a job that only counts never pays the
 * arrays. Every way of reading a property (the property itself, isset,
 * var_dump, foreach, casts, ==, clone, Reflection) builds them first, so
 * none can see the property uninitialized. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "zend_smart_str.h"

#include "classes.h"
#include "import_report.h"
#include "import_report_arginfo.h"

zend_class_entry *php_sqz_import_report_ce;
static zend_object_handlers report_handlers;
static uint32_t items_offset;    /* of the `items` property's slot */

typedef struct report_object {
	php_sqz_report_lines lines;
	bool unbuilt;                /* items is still lines, its slot uninitialized */
	zend_object std;
} report_object;

static inline report_object *report_from_obj(zend_object *obj)
{
	return (report_object *)((char *)obj - XtOffsetOf(report_object, std));
}

/* The keys of an item and its outcomes, interned once (MINIT): a key or
 * an outcome copied into each item would cost 160 bytes of it. */
enum {
	ITEM_ID,
	ITEM_SUBJECT,
	ITEM_OUTCOME,
	ITEM_REASON,
	ITEM_KEYS      /* how many */
};
static zend_string *item_keys[ITEM_KEYS];
static const char *const outcome_names[] = { "imported", "failed", "deferred", "vanished", "resumed" };
#define OUTCOMES (sizeof outcome_names / sizeof outcome_names[0])
#define OUTCOME_OTHER 0xff    /* spelled out after the line's fields */
static zend_string *outcomes[OUTCOMES];

/* A line: the outcome's index (a byte), then id, subject, reason and, for
 * OUTCOME_OTHER, the outcome, each as its length (uint32_t; the reason's
 * plus one, 0 = null) and its bytes. Native byte order: it never leaves
 * the process. */
static void pack_text(smart_str *s, const char *text, bool nullable)
{
	size_t len = text ? strlen(text) : 0;
	uint32_t n = (uint32_t)len + (nullable && text ? 1 : 0);
	smart_str_appendl(s, (const char *)&n, sizeof n);
	smart_str_appendl(s, text ? text : "", len);
}

void php_sqz_report_lines_add(php_sqz_report_lines *lines, const sqz_import_item *it)
{
	unsigned char outcome = OUTCOME_OTHER;
	for (size_t i = 0; i < OUTCOMES; i++) {
		if (strcmp(it->outcome, outcome_names[i]) == 0) {
			outcome = (unsigned char)i;
		}
	}
	smart_str_appendc(&lines->packed, (char)outcome);
	pack_text(&lines->packed, it->id, false);
	pack_text(&lines->packed, it->subject, false);
	pack_text(&lines->packed, it->reason, true);
	if (outcome == OUTCOME_OTHER) {
		pack_text(&lines->packed, it->outcome, false);
	}
	lines->count++;
}

void php_sqz_report_lines_free(php_sqz_report_lines *lines)
{
	smart_str_free(&lines->packed);
	lines->count = 0;
}

/* The text at *at into v (a string, or null for a nullable length 0). */
static void unpack_text(const char **at, zval *v, bool nullable)
{
	uint32_t n;
	memcpy(&n, *at, sizeof n);
	*at += sizeof n;
	if (nullable) {
		if (n == 0) {
			ZVAL_NULL(v);
			return;
		}
		n--;
	}
	ZVAL_STRINGL(v, *at, n);
	*at += n;
}

static void build_items(report_object *r)
{
	if (!r->unbuilt) {
		return;
	}
	zval items, item, v;
	array_init_size(&items, (uint32_t)r->lines.count);
	const char *at = r->lines.packed.s ? ZSTR_VAL(r->lines.packed.s) : NULL;
	for (size_t i = 0; i < r->lines.count; i++) {
		unsigned char outcome = (unsigned char)*at++;
		array_init_size(&item, ITEM_KEYS);
		HashTable *ht = Z_ARRVAL(item);
		unpack_text(&at, &v, false);
		zend_hash_add_new(ht, item_keys[ITEM_ID], &v);
		unpack_text(&at, &v, false);
		zend_hash_add_new(ht, item_keys[ITEM_SUBJECT], &v);
		zval reason;
		unpack_text(&at, &reason, true);
		if (outcome < OUTCOMES) {
			ZVAL_INTERNED_STR(&v, outcomes[outcome]);
		} else {
			unpack_text(&at, &v, false);
		}
		zend_hash_add_new(ht, item_keys[ITEM_OUTCOME], &v);
		zend_hash_add_new(ht, item_keys[ITEM_REASON], &reason);
		zend_hash_next_index_insert_new(Z_ARRVAL(items), &item);
	}
	php_sqz_report_lines_free(&r->lines);
	/* Only now: the memory limit hit above leaves the lines to build again
	 * (a shutdown function may read them), not an uninitialized property. */
	r->unbuilt = false;
	/* What the engine does when it initializes a readonly property (the
	 * type is known to hold). */
	zval *slot = OBJ_PROP(&r->std, items_offset);
	ZVAL_COPY_VALUE(slot, &items);
	Z_PROP_FLAG_P(slot) = 0;
}

static inline void build_if_items(zend_object *obj, zend_string *name)
{
	report_object *r = report_from_obj(obj);
	if (r->unbuilt && zend_string_equals_literal(name, "items")) {
		build_items(r);
	}
}

static zval *report_read_property(zend_object *obj, zend_string *name, int type, void **cache_slot, zval *rv)
{
	build_if_items(obj, name);
	return zend_std_read_property(obj, name, type, cache_slot, rv);
}

static zval *report_write_property(zend_object *obj, zend_string *name, zval *value, void **cache_slot)
{
	build_if_items(obj, name);
	return zend_std_write_property(obj, name, value, cache_slot);
}

static zval *report_get_property_ptr_ptr(zend_object *obj, zend_string *name, int type, void **cache_slot)
{
	build_if_items(obj, name);
	return zend_std_get_property_ptr_ptr(obj, name, type, cache_slot);
}

static int report_has_property(zend_object *obj, zend_string *name, int check_empty, void **cache_slot)
{
	build_if_items(obj, name);
	return zend_std_has_property(obj, name, check_empty, cache_slot);
}

static void report_unset_property(zend_object *obj, zend_string *name, void **cache_slot)
{
	build_if_items(obj, name);
	zend_std_unset_property(obj, name, cache_slot);
}

static HashTable *report_get_properties(zend_object *obj)
{
	build_items(report_from_obj(obj));
	return zend_std_get_properties(obj);
}

static int report_compare(zval *a, zval *b)
{
	if (Z_TYPE_P(a) == IS_OBJECT && Z_OBJCE_P(a) == php_sqz_import_report_ce) {
		build_items(report_from_obj(Z_OBJ_P(a)));
	}
	if (Z_TYPE_P(b) == IS_OBJECT && Z_OBJCE_P(b) == php_sqz_import_report_ce) {
		build_items(report_from_obj(Z_OBJ_P(b)));
	}
	return zend_std_compare_objects(a, b);
}

/* What zend_std_get_gc does for an object whose get_properties is the
 * standard one: the GC must not build the items. */
static HashTable *report_get_gc(zend_object *obj, zval **table, int *n)
{
	if (obj->properties) {
		*table = NULL;
		*n = 0;
		return obj->properties;
	}
	*table = obj->properties_table;
	*n = obj->ce->default_properties_count;
	return NULL;
}

static zend_object *report_create_object(zend_class_entry *ce)
{
	report_object *r = zend_object_alloc(sizeof *r, ce);
	memset(&r->lines, 0, sizeof r->lines);
	r->unbuilt = false;
	zend_object_std_init(&r->std, ce);
	object_properties_init(&r->std, ce);
	r->std.handlers = &report_handlers;
	return &r->std;
}

static zend_object *report_clone(zend_object *old)
{
	build_items(report_from_obj(old));
	zend_object *copy = report_create_object(old->ce);
	zend_objects_clone_members(copy, old);
	return copy;
}

static void report_free(zend_object *obj)
{
	php_sqz_report_lines_free(&report_from_obj(obj)->lines);
	zend_object_std_dtor(obj);
}

void php_sqz_import_report_create(zval *out, const sqz_import_report *r, php_sqz_report_lines *lines)
{
	zend_class_entry *ce = php_sqz_import_report_ce;
	object_init_ex(out, ce);
	zend_object *o = Z_OBJ_P(out);
	zend_update_property_long(ce, o, "imported", sizeof("imported") - 1, (zend_long)r->imported);
	zend_update_property_long(ce, o, "failed", sizeof("failed") - 1, (zend_long)r->failed);
	zend_update_property_long(ce, o, "deferred", sizeof("deferred") - 1, (zend_long)r->deferred);
	zend_update_property_long(ce, o, "vanished", sizeof("vanished") - 1, (zend_long)r->vanished);
	zend_update_property_long(ce, o, "resumed", sizeof("resumed") - 1, (zend_long)r->resumed);
	zend_update_property_bool(ce, o, "locked", sizeof("locked") - 1, r->locked);
	if (r->aborted) {
		zend_update_property_string(ce, o, "aborted", sizeof("aborted") - 1, r->aborted);
	} else {
		zend_update_property_null(ce, o, "aborted", sizeof("aborted") - 1);
	}
	zend_update_property_double(ce, o, "seconds", sizeof("seconds") - 1, r->seconds);
	if (r->throttled_until) {
		zend_update_property_long(ce, o, "throttledUntil", sizeof("throttledUntil") - 1, (zend_long)r->throttled_until);
	} else {
		zend_update_property_null(ce, o, "throttledUntil", sizeof("throttledUntil") - 1);
	}
	report_object *ro = report_from_obj(o);
	ro->lines = *lines;
	memset(lines, 0, sizeof *lines);
	ro->unbuilt = true;
}

ZEND_METHOD(SqzGraph_ImportReport, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

void php_sqz_import_report_minit(void)
{
	php_sqz_import_report_ce = register_class_SqzGraph_ImportReport();
	php_sqz_import_report_ce->create_object = report_create_object;
	memcpy(&report_handlers, zend_get_std_object_handlers(), sizeof report_handlers);
	report_handlers.offset = XtOffsetOf(report_object, std);
	report_handlers.free_obj = report_free;
	report_handlers.clone_obj = report_clone;
	report_handlers.read_property = report_read_property;
	report_handlers.write_property = report_write_property;
	report_handlers.get_property_ptr_ptr = report_get_property_ptr_ptr;
	report_handlers.has_property = report_has_property;
	report_handlers.unset_property = report_unset_property;
	report_handlers.get_properties = report_get_properties;
	report_handlers.compare = report_compare;
	report_handlers.get_gc = report_get_gc;
	zend_property_info *items = zend_hash_str_find_ptr(&php_sqz_import_report_ce->properties_info, "items", sizeof("items") - 1);
	ZEND_ASSERT(items != NULL);
	items_offset = items->offset;
	static const char *const names[ITEM_KEYS] = { "id", "subject", "outcome", "reason" };
	for (size_t i = 0; i < ITEM_KEYS; i++) {
		item_keys[i] = zend_string_init_interned(names[i], strlen(names[i]), 1);
	}
	for (size_t i = 0; i < OUTCOMES; i++) {
		outcomes[i] = zend_string_init_interned(outcome_names[i], strlen(outcome_names[i]), 1);
	}
}
