/* sqzgraph module entry: MINIT order, MINFO. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"

#include <curl/curl.h>
#include <json-c/json_c_version.h>

#include "php_sqzgraph.h"
#include "src/php/classes.h"
#include "src/php/exceptions/exceptions.h"
#include "src/core/crypto.h"
#include "src/core/gunzip.h"
#include "src/php/runtime.h"

ZEND_DECLARE_MODULE_GLOBALS(sqzgraph)

static PHP_GINIT_FUNCTION(sqzgraph)
{
#if defined(COMPILE_DL_SQZGRAPH) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(sqzgraph_globals, 0, sizeof(*sqzgraph_globals));
}

static PHP_GSHUTDOWN_FUNCTION(sqzgraph)
{
	if (sqzgraph_globals->http) {
		sqz_http_free(sqzgraph_globals->http);
		sqzgraph_globals->http = NULL;
	}
}

static PHP_MINIT_FUNCTION(sqzgraph)
{
	/* Reference-counted inside libcurl, so sharing the process with
	 * ext/curl is fine. */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		return FAILURE;
	}
	php_sqz_runtime_minit();
	php_sqz_exceptions_minit();
	php_sqz_store_minit();
	php_sqz_config_minit();
	php_sqz_filestore_minit();
	php_sqz_sealed_store_minit();
	php_sqz_pdo_store_minit();
	php_sqz_token_info_minit();
	php_sqz_authenticator_minit();
	php_sqz_folder_minit();
	php_sqz_message_minit();
	php_sqz_attachment_minit();
	php_sqz_message_iterator_minit();
	php_sqz_mailbox_minit();
	php_sqz_importer_minit();
	php_sqz_import_report_minit();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(sqzgraph)
{
	/* Before curl_global_cleanup(): the stack's handles belong to libcurl. */
	php_sqz_http_shutdown();
	curl_global_cleanup();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(sqzgraph)
{
	const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);

	php_info_print_table_start();
	php_info_print_table_row(2, "sqzgraph support", "enabled");
	php_info_print_table_row(2, "sqzgraph version", PHP_SQZGRAPH_VERSION);
	php_info_print_table_row(2, "libcurl version", curl->version);
	php_info_print_table_row(2, "libcurl TLS backend", curl->ssl_version ? curl->ssl_version : "none");
	php_info_print_table_row(2, "libcurl HTTP/2", (curl->features & CURL_VERSION_HTTP2) ? "yes" : "no");
	php_info_print_table_row(2, "OpenSSL (libcrypto) version", sqz_crypto_version());
	php_info_print_table_row(2, "json-c version", json_c_version());
	php_info_print_table_row(2, "gzip decoding", sqz_gunzip_library());
	php_info_print_table_end();
}

/* PdoStore takes a PDO: where ext/pdo is loaded, it starts first. */
/* The macros carry their own commas. */
/* clang-format off */
static const zend_module_dep sqzgraph_deps[] = {
	ZEND_MOD_OPTIONAL("pdo")
	ZEND_MOD_END
};
/* clang-format on */

zend_module_entry sqzgraph_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	sqzgraph_deps,
	"sqzgraph",
	NULL,
	PHP_MINIT(sqzgraph),
	PHP_MSHUTDOWN(sqzgraph),
	NULL,
	NULL,
	PHP_MINFO(sqzgraph),
	PHP_SQZGRAPH_VERSION,
	PHP_MODULE_GLOBALS(sqzgraph),
	PHP_GINIT(sqzgraph),
	PHP_GSHUTDOWN(sqzgraph),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_SQZGRAPH
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(sqzgraph)
#endif
