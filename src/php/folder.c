/* SqzGraph\Folder: a read-only value. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"

#include "classes.h"
#include "mailbox.h"
#include "folder_arginfo.h"

zend_class_entry *php_sqz_folder_ce;

void php_sqz_folder_create(zval *out, const sqz_folder *f)
{
	zend_class_entry *ce = php_sqz_folder_ce;
	object_init_ex(out, ce);
	zend_object *o = Z_OBJ_P(out);
	zend_update_property_string(ce, o, "id", 2, f->id);
	zend_update_property_string(ce, o, "name", 4, f->name);
	zend_update_property_string(ce, o, "path", 4, f->path ? f->path : f->name);
	if (f->parent_id) {
		zend_update_property_string(ce, o, "parentId", 8, f->parent_id);
	} else {
		zend_update_property_null(ce, o, "parentId", 8);
	}
	zend_update_property_long(ce, o, "totalCount", 10, (zend_long)f->total_count);
	zend_update_property_long(ce, o, "unreadCount", 11, (zend_long)f->unread_count);
	zend_update_property_long(ce, o, "childCount", 10, (zend_long)f->child_count);
	zend_update_property_bool(ce, o, "isHidden", 8, f->hidden != 0);
}

ZEND_METHOD(SqzGraph_Folder, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

void php_sqz_folder_minit(void)
{
	php_sqz_folder_ce = register_class_SqzGraph_Folder();
}
