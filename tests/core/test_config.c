/* config.c: option kinds, defaults, every validation rule with its key,
 * cloud mapping, loopback detection, certificate credentials, fingerprint. */
#include <stdlib.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "check.h"
#include "core/alloc.h"
#include "core/config.h"

/* ---- helpers --------------------------------------------------------------- */

typedef struct opt {
	const char *key;
	const char *value; /* NULL = set_null */
} opt;

static sqz_status set_s(sqz_config *cfg, const char *key, const char *value, sqz_error *err)
{
	return value ? sqz_config_set_string(cfg, key, value, strlen(value), err) : sqz_config_set_null(cfg, key, err);
}

/* A valid delegated base plus overrides; returns the finished config or
 * NULL with err filled. */
static sqz_config *build(const opt *extra, size_t n, sqz_error *err)
{
	static const opt base[] = {
		{ "flow", "delegated" },
		{ "tenant_id", "contoso.onmicrosoft.com" },
		{ "client_id", "11111111-2222-3333-4444-555555555555" },
		{ "client_secret", "s3cr3t-value" },
		{ "redirect_uri", "https://squeeze.example.com/api/v2/importers/email/authenticate/end" },
	};
	sqz_config *cfg = sqz_config_new();
	if (!cfg) {
		return NULL;
	}
	for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) {
		int overridden = 0;
		for (size_t j = 0; j < n; j++) {
			overridden |= strcmp(extra[j].key, base[i].key) == 0;
		}
		if (!overridden && set_s(cfg, base[i].key, base[i].value, err) != SQZ_OK) {
			sqz_config_free(cfg);
			return NULL;
		}
	}
	for (size_t j = 0; j < n; j++) {
		if (strcmp(extra[j].key, "-") == 0) {
			continue;
		}
		if (extra[j].value && strcmp(extra[j].value, "<unset>") == 0) {
			continue; /* left out entirely */
		}
		if (set_s(cfg, extra[j].key, extra[j].value, err) != SQZ_OK) {
			sqz_config_free(cfg);
			return NULL;
		}
	}
	if (sqz_config_finish(cfg, err) != SQZ_OK) {
		sqz_config_free(cfg);
		return NULL;
	}
	return cfg;
}

#define BUILD(...) build((const opt[]){ __VA_ARGS__ }, sizeof((const opt[]){ __VA_ARGS__ }) / sizeof(opt), &err)

/* Expects failure naming key with a message containing fragment. */
#define CHECK_FAILS(cfg_expr, key_, fragment) do { \
	sqz_error err = SQZ_ERROR_INIT; \
	sqz_config *c_ = (cfg_expr); \
	CHECK(c_ == NULL); \
	CHECK_INT(err.status, SQZ_E_CONFIG); \
	CHECK_STR(err.key, key_); \
	CHECK(err.message && strstr(err.message, fragment)); \
	if (err.message && !strstr(err.message, fragment)) fprintf(stderr, "  message: %s\n", err.message); \
	if (err.message && strstr(err.message, "s3cr3t")) { CHECK(!"secret in message"); } \
	sqz_config_free(c_); \
	sqz_error_clear(&err); \
} while (0)

static char *fingerprint_of(sqz_config *cfg)
{
	static char out[4][65];
	static int slot;
	char *o = out[slot++ % 4];
	if (!cfg || sqz_config_fingerprint(cfg, o) != 0) {
		strcpy(o, "(error)");
	}
	sqz_config_free(cfg);
	return o;
}

/* ---- throwaway certificate ------------------------------------------------- */

static char cert_pem[8192], key_pem[8192], other_key_pem[8192];
static char cert_path[64] = "", key_path[64] = "", combined_path[64] = "";

static void pem_of(EVP_PKEY *k, X509 *x, char *out, size_t cap)
{
	BIO *b = BIO_new(BIO_s_mem());
	if (x) {
		PEM_write_bio_X509(b, x);
	} else {
		PEM_write_bio_PrivateKey(b, k, NULL, NULL, 0, NULL, NULL);
	}
	char *data;
	long n = BIO_get_mem_data(b, &data);
	snprintf(out, cap, "%.*s", (int)n, data);
	BIO_free(b);
}

static void write_temp(char *path, const char *template, const char *a, const char *b)
{
	strcpy(path, template);
	int fd = mkstemp(path);
	if (fd < 0) {
		return;
	}
	if (write(fd, a, strlen(a)) < 0 || (b && write(fd, b, strlen(b)) < 0)) {
		CHECK(!"write temp file");
	}
	close(fd);
}

static void make_certificate(void)
{
	EVP_PKEY *k = EVP_RSA_gen(2048), *other = EVP_RSA_gen(2048);
	X509 *x = X509_new();
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC, (const unsigned char *)"sqzgraph test", -1, -1, 0);
	X509_set_issuer_name(x, X509_get_subject_name(x));
	X509_set_pubkey(x, k);
	X509_sign(x, k, EVP_sha256());
	pem_of(NULL, x, cert_pem, sizeof cert_pem);
	pem_of(k, NULL, key_pem, sizeof key_pem);
	pem_of(other, NULL, other_key_pem, sizeof other_key_pem);
	X509_free(x);
	EVP_PKEY_free(k);
	EVP_PKEY_free(other);
	write_temp(cert_path, "/tmp/sqzcfg-cert-XXXXXX", cert_pem, NULL);
	write_temp(key_path, "/tmp/sqzcfg-key-XXXXXX", key_pem, NULL);
	write_temp(combined_path, "/tmp/sqzcfg-both-XXXXXX", key_pem, cert_pem);
}

/* ---- tests ----------------------------------------------------------------- */

static void test_kinds(void)
{
	CHECK_INT(sqz_config_option_kind("flow"), SQZ_CONFIG_STRING);
	CHECK_INT(sqz_config_option_kind("client_secret"), SQZ_CONFIG_NULLABLE_STRING);
	CHECK_INT(sqz_config_option_kind("max_retries"), SQZ_CONFIG_INT);
	CHECK_INT(sqz_config_option_kind("timeout"), SQZ_CONFIG_NUMBER);
	CHECK_INT(sqz_config_option_kind("scopes"), SQZ_CONFIG_STRING_LIST);
	CHECK_INT(sqz_config_option_kind("folders"), SQZ_CONFIG_STRING_MAP);
	CHECK_INT(sqz_config_option_kind("client_secret_expires"), SQZ_CONFIG_EPOCH_OR_DATE);
	CHECK_INT(sqz_config_option_kind("logger"), SQZ_CONFIG_CALLABLE);
	CHECK_INT(sqz_config_option_kind("Flow"), SQZ_CONFIG_UNKNOWN);
	CHECK_INT(sqz_config_option_kind("tenantid"), SQZ_CONFIG_UNKNOWN);
	CHECK_INT(sqz_config_option_kind(NULL), SQZ_CONFIG_UNKNOWN);
	size_t n = 0;
	for (const char *const *p = sqz_config_option_names(); *p; p++, n++) {
		CHECK(sqz_config_option_kind(*p) != SQZ_CONFIG_UNKNOWN);
	}
	CHECK_INT(n, 22);
}

static void test_defaults_delegated(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *cfg = BUILD({ "-", NULL });
	CHECK(cfg != NULL);
	if (!cfg) {
		fprintf(stderr, "  %s\n", err.message);
		sqz_error_clear(&err);
		return;
	}
	CHECK_INT(cfg->flow, SQZ_FLOW_DELEGATED);
	CHECK_STR(cfg->cloud, "global");
	CHECK_STR(cfg->authority, "https://login.microsoftonline.com");
	CHECK_STR(cfg->graph_endpoint, "https://graph.microsoft.com/v1.0");
	CHECK_STR(cfg->graph_origin, "https://graph.microsoft.com");
	CHECK_INT(cfg->scope_count, 4);
	CHECK_STR(cfg->scopes[0], "openid");
	CHECK_STR(cfg->scopes[1], "profile");
	CHECK_STR(cfg->scopes[2], "offline_access");
	CHECK_STR(cfg->scopes[3], "https://graph.microsoft.com/Mail.ReadWrite");
	CHECK_STR(cfg->folder_inbox, "Inbox");
	CHECK_STR(cfg->folder_exported, "Exported");
	CHECK_STR(cfg->folder_error, "Error");
	CHECK(cfg->connect_timeout == 10.0);
	CHECK(cfg->timeout == 60.0);
	CHECK_INT(cfg->max_retries, 5);
	CHECK(cfg->max_retry_wait == 120.0);
	CHECK_INT(cfg->concurrency, 4);
	CHECK(cfg->mailbox == NULL);
	CHECK(cfg->encryption_key == NULL);
	CHECK(cfg->ca_file == NULL);
	CHECK_INT(cfg->client_secret_expires, 0);
	CHECK_INT(cfg->has_logger, 0);
	CHECK_STR(cfg->client_secret, "s3cr3t-value");
	sqz_config_free(cfg);

	/* A mailbox adds Mail.ReadWrite.Shared; an empty one is none. */
	cfg = BUILD({ "mailbox", "Scans@Contoso.com" });
	CHECK(cfg && cfg->scope_count == 5 && strcmp(cfg->scopes[4], "https://graph.microsoft.com/Mail.ReadWrite.Shared") == 0);
	CHECK_STR(cfg ? cfg->mailbox : NULL, "Scans@Contoso.com");
	sqz_config_free(cfg);
	cfg = BUILD({ "mailbox", "" }, { "client_secret", "s3cr3t-value" });
	CHECK(cfg && cfg->mailbox == NULL && cfg->scope_count == 4);
	sqz_config_free(cfg);
	sqz_error_clear(&err);
}

static void test_client_credentials(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *cfg = BUILD({ "flow", "client_credentials" }, { "redirect_uri", NULL }, { "mailbox", "scans@contoso.com" });
	CHECK(cfg != NULL);
	if (cfg) {
		CHECK_INT(cfg->scope_count, 1);
		CHECK_STR(cfg->scopes[0], "https://graph.microsoft.com/.default");
		CHECK(cfg->redirect_uri == NULL);
	}
	sqz_config_free(cfg);
	cfg = BUILD({ "flow", "client_credentials" }, { "cloud", "usgov" }, { "mailbox", "scans@contoso.com" });
	CHECK_STR(cfg ? cfg->scopes[0] : NULL, "https://graph.microsoft.us/.default");
	sqz_config_free(cfg);
	sqz_error_clear(&err);

	CHECK_FAILS(BUILD({ "flow", "client_credentials" }), "mailbox", "mailbox is required for client_credentials");
	CHECK_FAILS(BUILD({ "flow", "client_credentials" }, { "mailbox", "a@b.c" }, { "tenant_id", "common" }),
		"tenant_id", "only allowed for the delegated flow");
	CHECK_FAILS(BUILD({ "flow", "client_credentials" }, { "mailbox", "a@b.c" }, { "tenant_id", "Organizations" }),
		"tenant_id", "only allowed for the delegated flow");
	CHECK_FAILS(BUILD({ "flow", "client_credentials" }, { "mailbox", "a@b.c" }, { "tenant_id", "consumers" }),
		"tenant_id", "only allowed for the delegated flow");
	/* scopes would be ignored: an error instead. */
	{
		sqz_config *c = sqz_config_new();
		const char *items[] = { "x" };
		size_t lens[] = { 1 };
		sqz_error e = SQZ_ERROR_INIT;
		set_s(c, "flow", "client_credentials", &e);
		set_s(c, "tenant_id", "t", &e);
		set_s(c, "client_id", "c", &e);
		set_s(c, "client_secret", "s3cr3t", &e);
		set_s(c, "mailbox", "a@b.c", &e);
		CHECK_INT(sqz_config_set_list(c, "scopes", items, lens, 1, &e), SQZ_OK);
		CHECK_INT(sqz_config_finish(c, &e), SQZ_E_CONFIG);
		CHECK_STR(e.key, "scopes");
		sqz_config_free(c);
		sqz_error_clear(&e);
	}
	/* Delegated allows the multi-tenant segments. */
	cfg = BUILD({ "tenant_id", "common" });
	CHECK(cfg != NULL);
	sqz_config_free(cfg);
	cfg = BUILD({ "tenant_id", "organizations" });
	CHECK(cfg != NULL);
	sqz_config_free(cfg);
	sqz_error_clear(&err);
}

static void test_required_and_identifiers(void)
{
	CHECK_FAILS(BUILD({ "flow", "<unset>" }), "flow", "flow is required");
	CHECK_FAILS(BUILD({ "flow", "authorization_code" }), "flow", "flow must be 'delegated'");
	CHECK_FAILS(BUILD({ "tenant_id", "<unset>" }), "tenant_id", "tenant_id is required");
	CHECK_FAILS(BUILD({ "client_id", "<unset>" }), "client_id", "client_id is required");
	CHECK_FAILS(BUILD({ "tenant_id", "" }), "tenant_id", "must not be empty");
	CHECK_FAILS(BUILD({ "tenant_id", "contoso.com/evil" }), "tenant_id", "got \"contoso.com/evil\"");
	CHECK_FAILS(BUILD({ "tenant_id", "a b" }), "tenant_id", "verified domain");
	CHECK_FAILS(BUILD({ "tenant_id", "x?y" }), "tenant_id", "verified domain");
	CHECK_FAILS(BUILD({ "tenant_id", "x#y" }), "tenant_id", "verified domain");
	CHECK_FAILS(BUILD({ "client_id", "abc\tdef" }), "client_id", "got \"abc\\x09def\"");
	CHECK_FAILS(BUILD({ "redirect_uri", "<unset>" }), "redirect_uri", "redirect_uri is required for the delegated flow");
	CHECK_FAILS(BUILD({ "mailbox", "not an address" }), "mailbox", "UPN or SMTP address");
	CHECK_FAILS(BUILD({ "mailbox", "a@b@c" }), "mailbox", "UPN or SMTP address");
	CHECK_FAILS(BUILD({ "mailbox", "@contoso.com" }), "mailbox", "UPN or SMTP address");
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *cfg = BUILD({ "mailbox", "0B3A1C2D-1111-2222-3333-444455556666" });
	CHECK(cfg != NULL);
	sqz_config_free(cfg);
	sqz_error_clear(&err);

	/* NUL bytes never slip into a C string. */
	{
		sqz_config *c = sqz_config_new();
		sqz_error e = SQZ_ERROR_INIT;
		CHECK_INT(sqz_config_set_string(c, "tenant_id", "abc\0def", 7, &e), SQZ_E_CONFIG);
		CHECK_STR(e.key, "tenant_id");
		CHECK_INT(sqz_config_set_string(c, "client_secret", "ab\0cd", 5, &e), SQZ_E_CONFIG);
		CHECK_STR(e.key, "client_secret");
		sqz_config_free(c);
		sqz_error_clear(&e);
	}
}

static void test_unknown_and_kind_mismatch(void)
{
	sqz_error e = SQZ_ERROR_INIT;
	sqz_config *c = sqz_config_new();
	CHECK_INT(sqz_config_set_string(c, "tenantid", "x", 1, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "tenantid");
	CHECK_STR(e.message, "unknown option 'tenantid'; did you mean 'tenant_id'?");
	CHECK_INT(sqz_config_unknown_option("clientSecret", 12, &e), SQZ_E_CONFIG);
	CHECK_STR(e.message, "unknown option 'clientSecret'; did you mean 'client_secret'?");
	CHECK_INT(sqz_config_unknown_option("folder", 6, &e), SQZ_E_CONFIG);
	CHECK_STR(e.message, "unknown option 'folder'; did you mean 'folders'?");
	CHECK_INT(sqz_config_unknown_option("redirect_url", 12, &e), SQZ_E_CONFIG);
	CHECK_STR(e.message, "unknown option 'redirect_url'; did you mean 'redirect_uri'?");
	CHECK_INT(sqz_config_unknown_option("x", 1, &e), SQZ_E_CONFIG);
	CHECK(strstr(e.message, "unknown option 'x'; the options are: flow, tenant_id,") == e.message);
	CHECK(strstr(e.message, "concurrency, logger") != NULL);
	CHECK_INT(sqz_config_unknown_option("proxy", 5, &e), SQZ_E_CONFIG);
	CHECK(strstr(e.message, "did you mean") == NULL);
	CHECK_INT(sqz_config_unknown_option("a\0b", 3, &e), SQZ_E_CONFIG);
	CHECK(strstr(e.message, "'a\\x00b'") != NULL);
	CHECK_STR(e.key, "a");
	/* A setter of the wrong kind is a config error naming the key. */
	CHECK_INT(sqz_config_set_int(c, "tenant_id", 5, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "tenant_id");
	CHECK_STR(e.message, "tenant_id must be a string, int given");
	CHECK_INT(sqz_config_set_null(c, "flow", &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_string(c, "max_retries", "5", 1, &e), SQZ_E_CONFIG);
	CHECK_STR(e.message, "max_retries must be an int, string given");
	CHECK_INT(sqz_config_set_number(c, "concurrency", 2.0, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_bool(c, "logger", 1, &e), SQZ_E_CONFIG);
	sqz_config_free(c);
	sqz_error_clear(&e);
}

static void test_urls_and_loopback(void)
{
	CHECK(sqz_config_host_is_loopback("127.0.0.1"));
	CHECK(sqz_config_host_is_loopback("127.1.2.3"));
	CHECK(sqz_config_host_is_loopback("127.255.255.254"));
	CHECK(sqz_config_host_is_loopback("[::1]"));
	CHECK(sqz_config_host_is_loopback("::1"));
	CHECK(sqz_config_host_is_loopback("[::ffff:127.0.0.1]"));
	CHECK(sqz_config_host_is_loopback("localhost"));
	CHECK(sqz_config_host_is_loopback("LocalHost"));
	CHECK(!sqz_config_host_is_loopback("localhost.evil.com"));
	CHECK(!sqz_config_host_is_loopback("127.0.0.1.nip.io"));
	CHECK(!sqz_config_host_is_loopback("128.0.0.1"));
	CHECK(!sqz_config_host_is_loopback("10.0.0.1"));
	CHECK(!sqz_config_host_is_loopback("[::2]"));
	CHECK(!sqz_config_host_is_loopback("[::ffff:10.0.0.1]"));
	CHECK(!sqz_config_host_is_loopback(""));
	CHECK(!sqz_config_host_is_loopback(NULL));

	sqz_error err = SQZ_ERROR_INIT;
	static const char *const ok[] = {
		"http://127.0.0.1:8080/cb", "http://127.1.2.3/cb", "http://[::1]:8080/cb", "http://localhost/cb",
		"http://LOCALHOST:9/cb", "https://squeeze.example.com/cb?x=1",
		"http://127.1/cb", /* libcurl normalises the IPv4 shorthand to 127.0.0.1 */
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		sqz_config *cfg = BUILD({ "redirect_uri", ok[i] });
		CHECK(cfg != NULL);
		if (!cfg) fprintf(stderr, "  %s: %s\n", ok[i], err.message);
		CHECK_STR(cfg ? cfg->redirect_uri : NULL, ok[i]);
		sqz_config_free(cfg);
		sqz_error_clear(&err);
	}
	CHECK_FAILS(BUILD({ "redirect_uri", "http://squeeze.example.com/api/v2/importers/email/authenticate/end" }),
		"redirect_uri", "redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or "
				"localhost); got \"http://squeeze.example.com/api/v2/importers/email/authenticate/end\"");
	CHECK_FAILS(BUILD({ "redirect_uri", "http://localhost.evil.com/cb" }), "redirect_uri", "must be https://");
	CHECK_FAILS(BUILD({ "redirect_uri", "http://127.0.0.1.nip.io/cb" }), "redirect_uri", "must be https://");
	CHECK_FAILS(BUILD({ "redirect_uri", "ftp://127.0.0.1/cb" }), "redirect_uri", "must be https://");
	CHECK_FAILS(BUILD({ "redirect_uri", "squeeze.example.com/cb" }), "redirect_uri", "absolute https:// URL");
	CHECK_FAILS(BUILD({ "redirect_uri", "https://squeeze.example.com/cb#frag" }), "redirect_uri", "fragment");
	CHECK_FAILS(BUILD({ "redirect_uri", "https://admin:s3cr3t@squeeze.example.com/cb" }), "redirect_uri",
		"must not contain a user name or password");
	CHECK_FAILS(BUILD({ "authority", "http://admin:s3cr3t@login.example.com" }), "authority",
		"must not contain a user name or password");
	CHECK_FAILS(BUILD({ "authority", "http://login.example.com" }), "authority", "must be https://");
	CHECK_FAILS(BUILD({ "authority", "https://login.microsoftonline.com/contoso.onmicrosoft.com" }), "authority",
		"without tenant");
	CHECK_FAILS(BUILD({ "authority", "https://login.example.com/tenant/oauth2/v2.0" }), "authority", "without tenant");
	CHECK_FAILS(BUILD({ "authority", "https://idp.example.com/contoso.onmicrosoft.com" }), "authority",
		"must not contain the tenant");
	CHECK_FAILS(BUILD({ "authority", "https://login.example.com?x=1" }), "authority", "must not contain a query");
	CHECK_FAILS(BUILD({ "authority", "" }), "authority", "must not be empty");
	CHECK_FAILS(BUILD({ "graph_endpoint", "https://graph.microsoft.com" }), "graph_endpoint", "API version");
	CHECK_FAILS(BUILD({ "graph_endpoint", "http://graph.example.com/v1.0" }), "graph_endpoint", "must be https://");

	/* Normalisation: lowercase scheme and host, no default port, no trailing slash. */
	sqz_config *cfg = BUILD({ "authority", "HTTPS://Login.Example.COM:443/" }, { "graph_endpoint", "https://Graph.Microsoft.com/beta/" });
	CHECK_STR(cfg ? cfg->authority : NULL, "https://login.example.com");
	CHECK_STR(cfg ? cfg->graph_endpoint : NULL, "https://graph.microsoft.com/beta");
	CHECK_STR(cfg ? cfg->graph_origin : NULL, "https://graph.microsoft.com");
	sqz_config_free(cfg);
	cfg = BUILD({ "authority", "http://127.0.0.1:8443/mock/" }, { "graph_endpoint", "http://[::1]:9000/v1.0" });
	CHECK_STR(cfg ? cfg->authority : NULL, "http://127.0.0.1:8443/mock");
	CHECK_STR(cfg ? cfg->graph_endpoint : NULL, "http://[::1]:9000/v1.0");
	CHECK_STR(cfg ? cfg->graph_origin : NULL, "http://[::1]:9000");
	CHECK_STR(cfg ? cfg->scopes[3] : NULL, "http://[::1]:9000/Mail.ReadWrite");
	sqz_config_free(cfg);
	sqz_error_clear(&err);
}

static void test_clouds(void)
{
	static const struct {
		const char *cloud, *authority, *graph, *scope;
	} expect[] = {
		{ "global", "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/Mail.ReadWrite" },
		{ "usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/Mail.ReadWrite" },
		{ "usgov-dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/Mail.ReadWrite" },
		{ "china", "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/Mail.ReadWrite" },
	};
	sqz_error err = SQZ_ERROR_INIT;
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		sqz_config *cfg = BUILD({ "cloud", expect[i].cloud });
		CHECK(cfg != NULL);
		if (!cfg) continue;
		CHECK_STR(cfg->cloud, expect[i].cloud);
		CHECK_STR(cfg->authority, expect[i].authority);
		CHECK_STR(cfg->graph_endpoint, expect[i].graph);
		CHECK_STR(cfg->scopes[3], expect[i].scope);
		sqz_config_free(cfg);
	}
	/* Explicit endpoints override the cloud's. */
	sqz_config *cfg = BUILD({ "cloud", "usgov" }, { "graph_endpoint", "https://dod-graph.microsoft.us/v1.0" });
	CHECK_STR(cfg ? cfg->authority : NULL, "https://login.microsoftonline.us");
	CHECK_STR(cfg ? cfg->graph_endpoint : NULL, "https://dod-graph.microsoft.us/v1.0");
	sqz_config_free(cfg);
	cfg = BUILD({ "cloud", "china" }, { "authority", "https://login.chinacloudapi.cn" });
	CHECK_STR(cfg ? cfg->authority : NULL, "https://login.chinacloudapi.cn");
	CHECK_STR(cfg ? cfg->graph_endpoint : NULL, "https://microsoftgraph.chinacloudapi.cn/v1.0");
	sqz_config_free(cfg);
	sqz_error_clear(&err);
	CHECK_FAILS(BUILD({ "cloud", "germany" }), "cloud", "cloud must be one of global, usgov, usgov-dod, china; got \"germany\"");
}

static void test_credentials(void)
{
	CHECK_FAILS(BUILD({ "client_secret", NULL }), "client_secret", "client_secret is required");
	CHECK_FAILS(BUILD({ "client_secret", "" }), "client_secret", "client_secret is required");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", cert_pem }), "client_private_key",
		"client_private_key is required with client_certificate");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_private_key", key_pem }), "client_certificate",
		"client_certificate is required with client_private_key");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", cert_pem }, { "client_private_key", other_key_pem }),
		"client_private_key", "does not belong to client_certificate");
	CHECK_FAILS(BUILD({ "client_certificate", cert_pem }, { "client_private_key", key_pem }), "client_secret", "not both");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" }),
		"client_certificate", "holds no valid PEM certificate");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", "/nonexistent/cert.pem" }), "client_certificate",
		"\"/nonexistent/cert.pem\": No such file or directory");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", cert_pem }, { "client_private_key", "s3cr3t-not-a-key" }),
		"client_private_key", "the value is not shown");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", cert_pem }, { "client_private_key", cert_pem }),
		"client_private_key", "holds no valid PEM private key");
	CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", key_path }, { "client_private_key", key_pem }),
		"client_certificate", "holds no PEM certificate");

	{
		size_t big = 1024 * 1024 + 1;
		char *huge = malloc(big + 1);
		memset(huge, 'A', big);
		memcpy(huge, "-----BEGIN CERTIFICATE-----\n", 28);
		huge[big] = '\0';
		CHECK_FAILS(BUILD({ "client_secret", NULL }, { "client_certificate", huge }, { "client_private_key", key_pem }),
			"client_certificate", "larger than 1 MiB");
		free(huge);
	}

	sqz_error err = SQZ_ERROR_INIT;
	/* PEM text. */
	sqz_config *cfg = BUILD({ "client_secret", NULL }, { "client_certificate", cert_pem }, { "client_private_key", key_pem });
	CHECK(cfg != NULL);
	if (!cfg) fprintf(stderr, "  %s\n", err.message);
	CHECK_STR(cfg ? cfg->client_certificate : NULL, cert_pem);
	CHECK(cfg && cfg->client_secret == NULL && strstr(cfg->client_private_key, "-----BEGIN PRIVATE KEY-----"));
	sqz_config_free(cfg);
	sqz_error_clear(&err);
	/* Paths; a combined file yields the certificate alone. */
	cfg = BUILD({ "client_secret", NULL }, { "client_certificate", combined_path }, { "client_private_key", key_path });
	CHECK(cfg != NULL);
	if (!cfg) fprintf(stderr, "  %s\n", err.message);
	CHECK_STR(cfg ? cfg->client_certificate : NULL, cert_pem);
	sqz_config_free(cfg);
	sqz_error_clear(&err);
	cfg = BUILD({ "client_secret", NULL }, { "client_certificate", cert_path }, { "client_private_key", combined_path });
	CHECK(cfg != NULL);
	sqz_config_free(cfg);
	sqz_error_clear(&err);
	/* Client credentials with a certificate. */
	cfg = BUILD({ "flow", "client_credentials" }, { "mailbox", "a@b.c" }, { "client_secret", NULL },
		{ "client_certificate", cert_pem }, { "client_private_key", key_pem });
	CHECK(cfg != NULL);
	sqz_config_free(cfg);
	sqz_error_clear(&err);
}

static void test_other_options(void)
{
	sqz_error e = SQZ_ERROR_INIT;
	sqz_config *c = sqz_config_new();
	/* client_secret_expires */
	CHECK_INT(sqz_config_set_string(c, "client_secret_expires", "2026-12-31", 10, &e), SQZ_OK);
	CHECK_INT(c->client_secret_expires, 1798675200);
	CHECK_INT(sqz_config_set_int(c, "client_secret_expires", 1700000000, &e), SQZ_OK);
	CHECK_INT(c->client_secret_expires, 1700000000);
	CHECK_INT(sqz_config_set_null(c, "client_secret_expires", &e), SQZ_OK);
	CHECK_INT(c->client_secret_expires, 0);
	CHECK_INT(sqz_config_set_string(c, "client_secret_expires", "31.12.2026", 10, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "client_secret_expires");
	CHECK(strstr(e.message, "'Y-m-d' date (UTC)"));
	CHECK_INT(sqz_config_set_string(c, "client_secret_expires", "2026-02-30", 10, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_int(c, "client_secret_expires", -5, &e), SQZ_E_CONFIG);
	/* numbers */
	CHECK_INT(sqz_config_set_int(c, "timeout", 30, &e), SQZ_OK);
	CHECK(c->timeout == 30.0);
	CHECK_INT(sqz_config_set_number(c, "connect_timeout", 2.5, &e), SQZ_OK);
	CHECK(c->connect_timeout == 2.5);
	CHECK_INT(sqz_config_set_number(c, "timeout", 0.0, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "timeout");
	CHECK_INT(sqz_config_set_number(c, "max_retry_wait", -1.0, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "max_retry_wait");
	CHECK_INT(sqz_config_set_number(c, "timeout", 1.0 / 0.0, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_int(c, "max_retries", 0, &e), SQZ_OK);
	CHECK_INT(sqz_config_set_int(c, "max_retries", 20, &e), SQZ_OK);
	CHECK_INT(sqz_config_set_int(c, "max_retries", 21, &e), SQZ_E_CONFIG);
	CHECK_STR(e.message, "max_retries must be between 0 and 20; got 21");
	CHECK_INT(sqz_config_set_int(c, "max_retries", -1, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_int(c, "concurrency", 0, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "concurrency");
	CHECK_INT(sqz_config_set_int(c, "concurrency", 17, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_int(c, "concurrency", 16, &e), SQZ_OK);
	CHECK_INT(c->concurrency, 16);
	/* encryption_key: binary allowed, >= 16 bytes */
	CHECK_INT(sqz_config_set_string(c, "encryption_key", "short", 5, &e), SQZ_E_CONFIG);
	CHECK_STR(e.message, "encryption_key is 5 bytes long; it must have at least 16 (32 random bytes are best, e.g. "
			     "base64_encode(random_bytes(32)))");
	CHECK_INT(sqz_config_set_string(c, "encryption_key", "", 0, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_string(c, "encryption_key", "\0\1\2\3\4\5\6\7\0\1\2\3\4\5\6\7", 16, &e), SQZ_OK);
	CHECK_INT(c->encryption_key_len, 16);
	CHECK(c->encryption_key && c->encryption_key[0] == 0 && c->encryption_key[15] == 7);
	/* ca_file */
	CHECK_INT(sqz_config_set_string(c, "ca_file", "/nonexistent.pem", 16, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "ca_file");
	CHECK_STR(e.message, "ca_file must be a readable CA bundle file (PEM); \"/nonexistent.pem\": No such file or directory");
	CHECK_INT(sqz_config_set_string(c, "ca_file", "/tmp", 4, &e), SQZ_E_CONFIG);
	CHECK(strstr(e.message, "a directory"));
	CHECK_INT(sqz_config_set_string(c, "ca_file", cert_path, strlen(cert_path), &e), SQZ_OK);
	CHECK_STR(c->ca_file, cert_path);
	/* logger */
	CHECK_INT(sqz_config_set_callable(c, "logger", 1, &e), SQZ_OK);
	CHECK_INT(c->has_logger, 1);
	CHECK_INT(sqz_config_set_null(c, "logger", &e), SQZ_OK);
	CHECK_INT(c->has_logger, 0);
	/* scopes */
	const char *bad[] = { "openid", "Mail.Read Mail.Send" };
	size_t bad_lens[] = { 6, 19 };
	CHECK_INT(sqz_config_set_list(c, "scopes", bad, bad_lens, 2, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "scopes");
	CHECK(strstr(e.message, "scopes[1] must be one non-empty scope"));
	CHECK_INT(sqz_config_set_list(c, "scopes", bad, bad_lens, 0, &e), SQZ_E_CONFIG);
	const char *dup[] = { "offline_access", "Mail.Read", "mail.read", "offline_access" };
	size_t dup_lens[] = { 14, 9, 9, 14 };
	CHECK_INT(sqz_config_set_list(c, "scopes", dup, dup_lens, 4, &e), SQZ_OK);
	CHECK_INT(c->scope_count, 2);
	/* folders */
	CHECK_INT(sqz_config_set_map_entry(c, "folders", "inbx", 4, "A", 1, &e), SQZ_E_CONFIG);
	CHECK_STR(e.key, "folders");
	CHECK_STR(e.message, "folders has an unknown key \"inbx\"; the keys are inbox, exported and error");
	CHECK_INT(sqz_config_set_map_entry(c, "folders", "inbox", 5, "", 0, &e), SQZ_E_CONFIG);
	CHECK_INT(sqz_config_set_map_entry(c, "folders", "inbox", 5, "//", 2, &e), SQZ_E_CONFIG);
	sqz_config_free(c);
	sqz_error_clear(&e);

	sqz_error err = SQZ_ERROR_INIT;
	CHECK_FAILS(BUILD({ "scopes", "x" }), "scopes", "scopes must be a list of strings, string given");
	sqz_error_clear(&err);
}

static sqz_config *with_folders(const char *inbox, const char *exported, const char *error, sqz_error *err)
{
	sqz_config *c = sqz_config_new();
	set_s(c, "flow", "delegated", err);
	set_s(c, "tenant_id", "t", err);
	set_s(c, "client_id", "c", err);
	set_s(c, "client_secret", "s3cr3t", err);
	set_s(c, "redirect_uri", "https://x.example/cb", err);
	if (inbox) sqz_config_set_map_entry(c, "folders", "inbox", 5, inbox, strlen(inbox), err);
	if (exported) sqz_config_set_map_entry(c, "folders", "exported", 8, exported, strlen(exported), err);
	if (error) sqz_config_set_map_entry(c, "folders", "error", 5, error, strlen(error), err);
	if (sqz_config_finish(c, err) != SQZ_OK) {
		sqz_config_free(c);
		return NULL;
	}
	return c;
}

static void test_folders(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *c = with_folders("Posteingang", NULL, "Fehler/Import", &err);
	CHECK(c != NULL);
	CHECK_STR(c ? c->folder_inbox : NULL, "Posteingang");
	CHECK_STR(c ? c->folder_exported : NULL, "Exported");
	CHECK_STR(c ? c->folder_error : NULL, "Fehler/Import");
	sqz_config_free(c);
	sqz_error_clear(&err);
	CHECK_FAILS(with_folders("Inbox", "inbox", NULL, &err), "folders",
		"folders must name three different folders; inbox \"Inbox\" and exported \"inbox\" are the same");
	CHECK_FAILS(with_folders(NULL, NULL, "/INBOX", &err), "folders", "inbox \"Inbox\" and error \"/INBOX\" are the same");
	CHECK_FAILS(with_folders("A", "B", "b", &err), "folders", "exported \"B\" and error \"b\"");
}

static void test_fingerprint(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	char base[65];
	strcpy(base, fingerprint_of(BUILD({ "-", NULL })));
	CHECK_INT(strlen(base), 64);
	CHECK_STR(fingerprint_of(BUILD({ "-", NULL })), base);

	/* Each bound field changes it. */
	CHECK(strcmp(fingerprint_of(BUILD({ "tenant_id", "fabrikam.onmicrosoft.com" })), base) != 0);
	CHECK(strcmp(fingerprint_of(BUILD({ "client_id", "11111111-2222-3333-4444-555555555556" })), base) != 0);
	CHECK(strcmp(fingerprint_of(BUILD({ "redirect_uri", "https://squeeze.example.com/other" })), base) != 0);
	CHECK(strcmp(fingerprint_of(BUILD({ "authority", "https://login.example.com" })), base) != 0);
	CHECK(strcmp(fingerprint_of(BUILD({ "graph_endpoint", "https://graph.microsoft.com/beta" })), base) != 0);
	CHECK(strcmp(fingerprint_of(BUILD({ "cloud", "usgov" })), base) != 0);
	CHECK(strcmp(fingerprint_of(BUILD({ "mailbox", "scans@contoso.com" })), base) != 0);
	{
		char fp_cc[65];
		sqz_config *c = BUILD({ "flow", "client_credentials" }, { "mailbox", "scans@contoso.com" });
		strcpy(fp_cc, fingerprint_of(c));
		CHECK(strcmp(fp_cc, base) != 0);
		CHECK(strcmp(fp_cc, fingerprint_of(BUILD({ "mailbox", "scans@contoso.com" }))) != 0);
	}

	/* Rotation and operational options do not. */
	CHECK_STR(fingerprint_of(BUILD({ "client_secret", "another-secret" })), base);
	CHECK_STR(fingerprint_of(BUILD({ "client_secret", NULL }, { "client_certificate", cert_pem }, { "client_private_key", key_pem })), base);
	CHECK_STR(fingerprint_of(BUILD({ "client_secret_expires", "2030-01-01" })), base);
	CHECK_STR(fingerprint_of(BUILD({ "encryption_key", "0123456789abcdef0123456789abcdef" })), base);
	CHECK_STR(fingerprint_of(BUILD({ "ca_file", cert_path })), base);
	CHECK_STR(fingerprint_of(BUILD({ "cloud", "global" })), base);
	CHECK_STR(fingerprint_of(BUILD({ "authority", "https://login.microsoftonline.com/" })), base);

	/* Cosmetic case changes do not. */
	CHECK_STR(fingerprint_of(BUILD({ "tenant_id", "Contoso.OnMicrosoft.com" })), base);
	CHECK_STR(fingerprint_of(BUILD({ "client_id", "ABCDEF00-2222-3333-4444-555555555555" })),
		fingerprint_of(BUILD({ "client_id", "abcdef00-2222-3333-4444-555555555555" })));
	CHECK_STR(fingerprint_of(BUILD({ "redirect_uri", "HTTPS://Squeeze.Example.com:443/api/v2/importers/email/authenticate/end/" })), base);
	CHECK_STR(fingerprint_of(BUILD({ "mailbox", "Scans@Contoso.COM" })),
		fingerprint_of(BUILD({ "mailbox", "scans@contoso.com" })));

	/* Scope order does not matter; the set does. */
	{
		const char *a[] = { "openid", "offline_access", "Mail.Read" };
		const char *b[] = { "Mail.Read", "openid", "offline_access" };
		const char *d[] = { "openid", "offline_access", "Mail.ReadWrite" };
		size_t la[] = { 6, 14, 9 }, lb[] = { 9, 6, 14 }, ld[] = { 6, 14, 14 };
		const char *const *lists[] = { a, b, d };
		const size_t *lens[] = { la, lb, ld };
		char fp[3][65];
		for (int i = 0; i < 3; i++) {
			sqz_config *c = sqz_config_new();
			set_s(c, "flow", "delegated", &err);
			set_s(c, "tenant_id", "contoso.onmicrosoft.com", &err);
			set_s(c, "client_id", "11111111-2222-3333-4444-555555555555", &err);
			set_s(c, "client_secret", "s3cr3t", &err);
			set_s(c, "redirect_uri", "https://squeeze.example.com/api/v2/importers/email/authenticate/end", &err);
			sqz_config_set_list(c, "scopes", lists[i], lens[i], 3, &err);
			CHECK_INT(sqz_config_finish(c, &err), SQZ_OK);
			strcpy(fp[i], fingerprint_of(c));
		}
		CHECK_STR(fp[0], fp[1]);
		CHECK(strcmp(fp[0], fp[2]) != 0);
		CHECK(strcmp(fp[0], base) != 0);
	}
	/* Unfinished: no fingerprint. */
	{
		sqz_config *c = sqz_config_new();
		char out[65];
		CHECK_INT(sqz_config_fingerprint(c, out), -1);
		sqz_config_free(c);
	}
	sqz_error_clear(&err);
}

static void test_delegated_scopes_rule(void)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_config *c = sqz_config_new();
	const char *s[] = { "openid", "Mail.Read" };
	size_t l[] = { 6, 9 };
	set_s(c, "flow", "delegated", &err);
	set_s(c, "tenant_id", "t", &err);
	set_s(c, "client_id", "c", &err);
	set_s(c, "client_secret", "s3cr3t", &err);
	set_s(c, "redirect_uri", "https://x.example/cb", &err);
	sqz_config_set_list(c, "scopes", s, l, 2, &err);
	CHECK_INT(sqz_config_finish(c, &err), SQZ_E_CONFIG);
	CHECK_STR(err.key, "scopes");
	CHECK(err.message && strstr(err.message, "must include offline_access"));
	sqz_config_free(c);
	sqz_error_clear(&err);
}

int main(void)
{
	make_certificate();
	RUN(test_kinds);
	RUN(test_defaults_delegated);
	RUN(test_client_credentials);
	RUN(test_required_and_identifiers);
	RUN(test_unknown_and_kind_mismatch);
	RUN(test_urls_and_loopback);
	RUN(test_clouds);
	RUN(test_credentials);
	RUN(test_other_options);
	RUN(test_folders);
	RUN(test_fingerprint);
	RUN(test_delegated_scopes_rule);
	unlink(cert_path);
	unlink(key_path);
	unlink(combined_path);
	return check_summary();
}
