/* SqzGraph\TokenInfo: read-only, filled once from the core. */
#ifdef HAVE_CONFIG_H
# include <config.h>
#endif

#include "php.h"
#include "ext/date/php_date.h"

#include "classes.h"
#include "token_info.h"
#include "token_info_arginfo.h"

zend_class_entry *php_sqz_token_info_ce;

static void set_nullable_long(zend_object *obj, const char *name, sqz_epoch value)
{
	if (value) {
		zend_update_property_long(php_sqz_token_info_ce, obj, name, strlen(name), (zend_long)value);
	} else {
		zend_update_property_null(php_sqz_token_info_ce, obj, name, strlen(name));
	}
}

static void set_nullable_string(zend_object *obj, const char *name, const char *value)
{
	if (value) {
		zend_update_property_string(php_sqz_token_info_ce, obj, name, strlen(name), value);
	} else {
		zend_update_property_null(php_sqz_token_info_ce, obj, name, strlen(name));
	}
}

static void set_list(zend_object *obj, const char *name, char *const *items, size_t count)
{
	zval list;
	array_init_size(&list, (uint32_t)count);
	for (size_t i = 0; i < count; i++) {
		add_next_index_string(&list, items[i]);
	}
	zend_update_property(php_sqz_token_info_ce, obj, name, strlen(name), &list);
	zval_ptr_dtor(&list);
}

void php_sqz_token_info_create(zval *out, const sqz_token_info *info)
{
	object_init_ex(out, php_sqz_token_info_ce);
	zend_object *obj = Z_OBJ_P(out);
	zend_update_property_bool(php_sqz_token_info_ce, obj, "authorized", sizeof("authorized") - 1, info->authorized);
	zend_update_property_bool(php_sqz_token_info_ce, obj, "needsReauthorization", sizeof("needsReauthorization") - 1, info->needs_reauth);
	set_nullable_string(obj, "reason", info->reason);
	set_nullable_string(obj, "errorCode", info->error_code);
	set_nullable_long(obj, "expiresAt", info->expires_at);
	set_nullable_long(obj, "obtainedAt", info->obtained_at);
	set_nullable_string(obj, "account", info->account);
	set_list(obj, "scopes", info->scopes, info->scope_count);
	set_nullable_string(obj, "flow", sqz_flow_name(info->flow) ? sqz_flow_name(info->flow) : "delegated");
	set_nullable_long(obj, "refreshTokenExpiresAt", info->refresh_token_expires_at);
	set_nullable_long(obj, "lastRefreshAt", info->last_refresh_at);
	set_nullable_string(obj, "lastError", info->last_error);
	set_list(obj, "warnings", info->warnings, info->warning_count);
}

ZEND_METHOD(SqzGraph_TokenInfo, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(SqzGraph_TokenInfo, expiresAt)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval rv;
	zval *expires = zend_read_property(php_sqz_token_info_ce, Z_OBJ_P(ZEND_THIS), "expiresAt", sizeof("expiresAt") - 1, 1, &rv);
	if (Z_TYPE_P(expires) != IS_LONG) {
		RETURN_NULL();
	}
	/* "@<epoch>" is UTC by definition: no date.timezone involved. */
	char text[32];
	int len = snprintf(text, sizeof text, "@" ZEND_LONG_FMT, Z_LVAL_P(expires));
	php_date_instantiate(php_date_get_immutable_ce(), return_value);
	if (!php_date_initialize(Z_PHPDATE_P(return_value), text, (size_t)len, NULL, NULL, 0)) {
		zval_ptr_dtor(return_value);
		RETURN_NULL();
	}
}

void php_sqz_token_info_minit(void)
{
	php_sqz_token_info_ce = register_class_SqzGraph_TokenInfo();
}
