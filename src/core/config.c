/* sqzgraph core: option table, validation and fingerprint of sqz_config. */
#include "config.h"
#include "folders.h"
#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "crypto_pem.h"
#include "url.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>

/* ---- the option table ------------------------------------------------- */

enum opt_id {
	OPT_FLOW,
	OPT_TENANT_ID,
	OPT_CLIENT_ID,
	OPT_CLIENT_SECRET,
	OPT_CLIENT_CERTIFICATE,
	OPT_CLIENT_PRIVATE_KEY,
	OPT_CLIENT_SECRET_EXPIRES,
	OPT_REDIRECT_URI,
	OPT_MAILBOX,
	OPT_SCOPES,
	OPT_FOLDERS,
	OPT_AUTHORITY,
	OPT_GRAPH_ENDPOINT,
	OPT_CLOUD,
	OPT_ENCRYPTION_KEY,
	OPT_CA_FILE,
	OPT_CONNECT_TIMEOUT,
	OPT_TIMEOUT,
	OPT_MAX_RETRIES,
	OPT_MAX_RETRY_WAIT,
	OPT_CONCURRENCY,
	OPT_LOGGER,
	OPT_COUNT
};

static const struct {
	const char *name;
	sqz_config_kind kind;
} options[OPT_COUNT] = {
	[OPT_FLOW] = { "flow", SQZ_CONFIG_STRING },
	[OPT_TENANT_ID] = { "tenant_id", SQZ_CONFIG_STRING },
	[OPT_CLIENT_ID] = { "client_id", SQZ_CONFIG_STRING },
	[OPT_CLIENT_SECRET] = { "client_secret", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_CLIENT_CERTIFICATE] = { "client_certificate", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_CLIENT_PRIVATE_KEY] = { "client_private_key", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_CLIENT_SECRET_EXPIRES] = { "client_secret_expires", SQZ_CONFIG_EPOCH_OR_DATE },
	[OPT_REDIRECT_URI] = { "redirect_uri", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_MAILBOX] = { "mailbox", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_SCOPES] = { "scopes", SQZ_CONFIG_STRING_LIST },
	[OPT_FOLDERS] = { "folders", SQZ_CONFIG_STRING_MAP },
	[OPT_AUTHORITY] = { "authority", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_GRAPH_ENDPOINT] = { "graph_endpoint", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_CLOUD] = { "cloud", SQZ_CONFIG_STRING },
	[OPT_ENCRYPTION_KEY] = { "encryption_key", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_CA_FILE] = { "ca_file", SQZ_CONFIG_NULLABLE_STRING },
	[OPT_CONNECT_TIMEOUT] = { "connect_timeout", SQZ_CONFIG_NUMBER },
	[OPT_TIMEOUT] = { "timeout", SQZ_CONFIG_NUMBER },
	[OPT_MAX_RETRIES] = { "max_retries", SQZ_CONFIG_INT },
	[OPT_MAX_RETRY_WAIT] = { "max_retry_wait", SQZ_CONFIG_NUMBER },
	[OPT_CONCURRENCY] = { "concurrency", SQZ_CONFIG_INT },
	[OPT_LOGGER] = { "logger", SQZ_CONFIG_CALLABLE },
};

static const char *const option_names[OPT_COUNT + 1] = {
	"flow", "tenant_id", "client_id", "client_secret", "client_certificate", "client_private_key",
	"client_secret_expires", "redirect_uri", "mailbox", "scopes", "folders", "authority", "graph_endpoint",
	"cloud", "encryption_key", "ca_file", "connect_timeout", "timeout", "max_retries", "max_retry_wait",
	"concurrency", "logger", NULL
};

/* GRAPH-FACTS §3. China: the Entra national-cloud page (the identity
 * platform's own documentation, i.e. the owner of the token endpoint) names
 * login.partner.microsoftonline.cn; the Graph deployments page still lists
 * the older alias login.chinacloudapi.cn. We follow the identity platform. */
static const struct {
	const char *name;
	const char *authority;
	const char *graph_endpoint;
} clouds[] = {
	{ "global", "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0" },
	{ "usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us/v1.0" },
	{ "usgov-dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us/v1.0" },
	{ "china", "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn/v1.0" },
};
#define CLOUD_COUNT (sizeof clouds / sizeof clouds[0])
#define CLOUD_LIST "global, usgov, usgov-dod, china"

/* Tenant segments that are not one directory (GRAPH-FACTS §1.1). */
static const char *const multi_tenant_segments[] = { "common", "organizations", "consumers" };

#define DEFAULT_CONNECT_TIMEOUT 10.0
#define DEFAULT_TIMEOUT 60.0
#define DEFAULT_MAX_RETRIES 5
#define DEFAULT_MAX_RETRY_WAIT 120.0
#define DEFAULT_CONCURRENCY 4
/* Longer than any sane wait; keeps seconds * 1000 well inside a long. */
#define MAX_SECONDS 86400.0
/* A PEM certificate or key file is a few KiB; refuse to slurp anything huge. */
#define MAX_PEM_FILE (1024 * 1024)
/* Microsoft Entra ID's floor for a certificate credential's RSA key. */
#define MIN_RSA_BITS 2048

static int option_id(const char *key)
{
	if (!key) {
		return -1;
	}
	for (int i = 0; i < OPT_COUNT; i++) {
		if (strcmp(options[i].name, key) == 0) {
			return i;
		}
	}
	return -1;
}

sqz_config_kind sqz_config_option_kind(const char *key)
{
	int id = option_id(key);
	return id < 0 ? SQZ_CONFIG_UNKNOWN : options[id].kind;
}

int sqz_config_option_is_path(const char *key, const char *value, size_t len)
{
	switch (option_id(key)) {
	case OPT_CA_FILE:
		return 1;
	case OPT_CLIENT_CERTIFICATE:
	case OPT_CLIENT_PRIVATE_KEY:
		return !sqz_pem_is_text(value, len);
	default:
		return 0;
	}
}

const char *const *sqz_config_option_names(void)
{
	return option_names;
}

const char *sqz_flow_name(sqz_flow flow)
{
	switch (flow) {
	case SQZ_FLOW_DELEGATED: return "delegated";
	case SQZ_FLOW_CLIENT_CREDENTIALS: return "client_credentials";
	default: return NULL;
	}
}

/* ---- messages ---------------------------------------------------------- */

#define QUOTE_MAX 160
typedef struct quote_buf {
	char s[QUOTE_MAX * 4 + 16];
} quote_buf;

/* A value quoted for a message with `mark` (" or '): control bytes, the
 * mark and backslashes escaped, long values cut (on a UTF-8 boundary) with
 * "...". Only for values that are not secret. */
static const char *quote_with(quote_buf *q, const char *s, size_t len, char mark)
{
	size_t o = 0, shown = len > QUOTE_MAX ? QUOTE_MAX : len;
	while (shown < len && shown > 0 && ((unsigned char)s[shown] & 0xC0) == 0x80) {
		shown--;
	}
	q->s[o++] = mark;
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == (unsigned char)mark || c == '\\') {
			q->s[o++] = '\\';
			q->s[o++] = (char)c;
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(q->s + o, sizeof q->s - o, "\\x%02x", c);
		} else {
			q->s[o++] = (char)c;
		}
	}
	if (shown < len) {
		memcpy(q->s + o, "...", 3);
		o += 3;
	}
	q->s[o++] = mark;
	q->s[o] = '\0';
	return q->s;
}

static const char *quote(quote_buf *q, const char *s, size_t len)
{
	return quote_with(q, s, len, '"');
}

/* As quote(), with the user-info part of a URL ("user:password@") shown
 * as "***@": a password never reaches a message. */
static const char *quote_url(quote_buf *q, const char *s, size_t len)
{
	size_t head, at;
	if (sqz_url_userinfo(s, len, &head, &at)) {
		char tmp[QUOTE_MAX + 8];
		size_t tail = len - at;
		if (head + 3 + tail < sizeof tmp) {
			memcpy(tmp, s, head);
			memcpy(tmp + head, "***", 3);
			memcpy(tmp + head + 3, s + at, tail);
			return quote(q, tmp, head + 3 + tail);
		}
		return quote(q, s, head); /* too long to rebuild: show the scheme only */
	}
	return quote(q, s, len);
}

static sqz_status fail(sqz_error *err, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static sqz_status fail(sqz_error *err, const char *key, const char *fmt, ...)
{
	if (!err) {
		return SQZ_E_CONFIG;
	}
	va_list ap;
	va_start(ap, fmt);
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *text = len >= 0 ? sqz_malloc((size_t)len + 1) : NULL;
	if (text) {
		vsnprintf(text, (size_t)len + 1, fmt, ap);
	}
	va_end(ap);
	sqz_error_set(err, SQZ_E_CONFIG, "%s", text ? text : "invalid configuration");
	sqz_free(text);
	sqz_error_set_key(err, key);
	return SQZ_E_CONFIG;
}

static sqz_status nomem(sqz_error *err)
{
	return sqz_error_set(err, SQZ_E_NOMEM, "out of memory while reading the configuration");
}

/* ---- small string helpers ---------------------------------------------- */

/* ASCII-only character classes and case folding: the C library's follow
 * the process locale (PHP's setlocale()), and in a Turkish locale tolower('I')
 * is not 'i' — a fingerprint must not depend on that. */
static char ascii_lower_char(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)ascii_lower_char(a[i]), y = (unsigned char)ascii_lower_char(b[i]);
		if (x != y || !x) {
			return x - y;
		}
	}
	return 0;
}

static int ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, (size_t)-1);
}

static int is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_ascii_xdigit(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int has_nul(const char *s, size_t len)
{
	return memchr(s, '\0', len) != NULL;
}

static void ascii_lower(char *s)
{
	for (; *s; s++) {
		*s = ascii_lower_char(*s);
	}
}

static void replace_string(char **field, char *value)
{
	sqz_free(*field);
	*field = value;
}

static void replace_secret(char **field, char *value)
{
	sqz_free_secret(*field);
	*field = value;
}

static void free_list(char **items, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		sqz_free(items[i]);
	}
	sqz_free(items);
}

/* Optimal-string-alignment distance of two short strings. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 62 || lb > 62) {
		return (size_t)-1;
	}
	size_t d[64][64];
	for (size_t i = 0; i <= la; i++) {
		d[i][0] = i;
	}
	for (size_t j = 0; j <= lb; j++) {
		d[0][j] = j;
	}
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best) {
				best = d[i][j - 1] + 1;
			}
			if (d[i - 1][j - 1] + cost < best) {
				best = d[i - 1][j - 1] + cost;
			}
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best) {
				best = d[i - 2][j - 2] + 1;
			}
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

/* Lowercase, without '_', '-', ' ' and '.': "tenantId" and "tenant-id"
 * both become "tenantid". */
static void squash_key(const char *in, size_t len, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '_' || c == '-' || c == ' ' || c == '.') {
			continue;
		}
		out[o++] = ascii_lower_char((char)c);
	}
	out[o] = '\0';
}

sqz_status sqz_config_unknown_option(const char *key, size_t len, sqz_error *err)
{
	quote_buf q;
	char probe[64], name[64];
	const char *best = NULL;
	size_t best_distance = (size_t)-1, probe_len = 0;
	if (len < sizeof probe) {
		squash_key(key, len, probe, sizeof probe);
		probe_len = strlen(probe);
		for (int i = 0; i < OPT_COUNT; i++) {
			squash_key(options[i].name, strlen(options[i].name), name, sizeof name);
			size_t distance = edit_distance(probe, name);
			if (distance < best_distance) {
				best_distance = distance;
				best = options[i].name;
			}
		}
	}
	/* Close enough to be a typo, not so loose that "x" suggests "flow". */
	if (best && best_distance <= 2 && best_distance * 3 <= probe_len) {
		fail(err, NULL, "unknown option %s; did you mean '%s'?", quote_with(&q, key, len, '\''), best);
	} else {
		sqz_buf known = SQZ_BUF_INIT;
		for (int i = 0; i < OPT_COUNT; i++) {
			sqz_buf_appends(&known, i ? ", " : "");
			sqz_buf_appends(&known, options[i].name);
		}
		fail(err, NULL, "unknown option %s; the options are: %s", quote_with(&q, key, len, '\''),
			known.data ? known.data : "");
		sqz_buf_free(&known);
	}
	if (err) {
		/* The key as given (up to a NUL byte), for ConfigException::key(). */
		char *copy = sqz_strndup(key, strnlen(key, len));
		sqz_error_set_key(err, copy);
		sqz_free(copy);
	}
	return SQZ_E_CONFIG;
}

/* ---- URLs ---------------------------------------------------------------- */

int sqz_config_host_is_loopback(const char *host)
{
	return sqz_url_host_is_loopback(host);
}

/* The rules every endpoint and the redirect URI share: an absolute URL,
 * https:// or http:// on a loopback host, no user info, no fragment
 * (RFC 6749 §3.1.2 forbids one in a redirect URI; an endpoint has no use
 * for one). */
static sqz_status check_url(const char *key, const char *value, size_t len, sqz_url *u, sqz_error *err)
{
	quote_buf q;
	if (len == 0) {
		return fail(err, key, "%s must not be empty; leave the option out (or null) for the default", key);
	}
	if (has_nul(value, len)) {
		return fail(err, key, "%s must not contain NUL bytes", key);
	}
	int rc = sqz_url_parse(value, u);
	if (rc == -2) {
		return nomem(err);
	}
	if (rc != 0) {
		return fail(err, key, "%s must be an absolute https:// URL; got %s", key, quote_url(&q, value, len));
	}
	if (u->has_userinfo) {
		sqz_url_clear(u);
		return fail(err, key, "%s must not contain a user name or password", key);
	}
	int https = strcmp(u->scheme, "https") == 0;
	int http = strcmp(u->scheme, "http") == 0;
	if (!https && !(http && sqz_url_host_is_loopback(u->host))) {
		sqz_url_clear(u);
		return fail(err, key, "%s must be https:// (http:// only for a loopback host such as 127.0.0.1 or "
				      "localhost); got %s",
			key, quote_url(&q, value, len));
	}
	if (u->has_fragment) {
		sqz_url_clear(u);
		return fail(err, key, "%s must not contain a fragment (#...); got %s", key, quote_url(&q, value, len));
	}
	return SQZ_OK;
}

/* 1 when host is one of the clouds' login hosts (authority) or Graph hosts. */
static int known_host(const char *host, int authority)
{
	for (size_t i = 0; i < CLOUD_COUNT; i++) {
		const char *h = (authority ? clouds[i].authority : clouds[i].graph_endpoint) + strlen("https://");
		size_t hl = strcspn(h, "/");
		if (strlen(host) == hl && strncmp(host, h, hl) == 0) {
			return 1;
		}
	}
	return 0;
}

/* authority / graph_endpoint: check_url, no query, stored normalised. */
static sqz_status set_endpoint(sqz_config *cfg, int id, const char *value, size_t len, sqz_error *err)
{
	const char *key = options[id].name;
	quote_buf q;
	sqz_url u;
	sqz_status st = check_url(key, value, len, &u, err);
	if (st != SQZ_OK) {
		return st;
	}
	if (u.query) {
		sqz_url_clear(&u);
		return fail(err, key, "%s must not contain a query (?...); got %s", key, quote_url(&q, value, len));
	}
	if (id == OPT_AUTHORITY && (strstr(u.path, "/oauth2") || (known_host(u.host, 1) && strcmp(u.path, "/") != 0))) {
		sqz_url_clear(&u);
		return fail(err, key, "authority is the identity platform's base URL without tenant or endpoint path, "
				      "e.g. https://login.microsoftonline.com; got %s",
			quote_url(&q, value, len));
	}
	if (id == OPT_GRAPH_ENDPOINT) {
		/* Real Graph answers every unversioned path with "Invalid version". */
		int known_graph = known_host(u.host, 0);
		size_t plen = strlen(u.path);
		while (plen > 1 && u.path[plen - 1] == '/') {
			plen--;
		}
		if (known_graph && !((plen == 5 && strncmp(u.path, "/v1.0", 5) == 0) || (plen == 5 && strncmp(u.path, "/beta", 5) == 0))) {
			sqz_url_clear(&u);
			return fail(err, key, "graph_endpoint must name the API version, e.g. https://graph.microsoft.com/v1.0 "
					      "(or /beta); got %s",
				quote_url(&q, value, len));
		}
	}
	char *normalised = sqz_url_normalised(&u, 0);
	sqz_url_clear(&u);
	if (!normalised) {
		return nomem(err);
	}
	replace_string(id == OPT_AUTHORITY ? &cfg->authority : &cfg->graph_endpoint, normalised);
	return SQZ_OK;
}

/* ---- identifiers ----------------------------------------------------------- */

/* tenant_id / client_id become URL path segments and JWT claims: a GUID or
 * a DNS name, nothing that could change the URL's shape. */
static int is_id_char(unsigned char c)
{
	return is_ascii_alnum(c) || c == '.' || c == '-' || c == '_';
}

static int is_guid(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	if (strlen(s) != sizeof shape - 1) {
		return 0;
	}
	for (size_t i = 0; shape[i]; i++) {
		if (shape[i] == '-' ? s[i] != '-' : !is_ascii_xdigit((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}

static sqz_status set_identifier(sqz_config *cfg, int id, const char *value, size_t len, sqz_error *err)
{
	const char *key = options[id].name;
	quote_buf q;
	if (len == 0) {
		return fail(err, key, "%s must not be empty", key);
	}
	for (size_t i = 0; i < len; i++) {
		if (!is_id_char((unsigned char)value[i])) {
			if (id == OPT_TENANT_ID) {
				return fail(err, key, "tenant_id must be the directory (tenant) id, a GUID, or a verified domain "
						      "such as contoso.onmicrosoft.com (letters, digits, '.', '-', '_' only); got %s",
					quote(&q, value, len));
			}
			return fail(err, key, "client_id must be the application (client) id from the app registration, "
					      "a GUID (letters, digits, '.', '-', '_' only); got %s",
				quote(&q, value, len));
		}
	}
	char *copy = sqz_strndup(value, len);
	if (!copy) {
		return nomem(err);
	}
	replace_string(id == OPT_TENANT_ID ? &cfg->tenant_id : &cfg->client_id, copy);
	return SQZ_OK;
}

/* A UPN / SMTP address (local@domain) or a user object id (GUID). */
static sqz_status set_mailbox(sqz_config *cfg, const char *value, size_t len, sqz_error *err)
{
	quote_buf q;
	if (len == 0) {
		replace_string(&cfg->mailbox, NULL);
		return SQZ_OK;
	}
	const char *at = NULL;
	int bad = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		if (c <= 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '?' || c == '#') {
			bad = 1;
		} else if (c == '@') {
			bad |= at != NULL;
			at = value + i;
		}
	}
	char *copy = sqz_strndup(value, len);
	if (!copy) {
		return nomem(err);
	}
	if (!bad && at) {
		bad = at == value || at == value + len - 1;
	} else if (!bad) {
		bad = !is_guid(copy);
	}
	if (bad) {
		sqz_free(copy);
		return fail(err, "mailbox", "mailbox must be the UPN or SMTP address of the mailbox, e.g. "
					    "scans@contoso.com (or its user object id); got %s",
			quote(&q, value, len));
	}
	replace_string(&cfg->mailbox, copy);
	return SQZ_OK;
}

/* ---- files and PEM ----------------------------------------------------------- */

/* The value is PEM text when it holds a PEM boundary (also after "Bag
 * Attributes" lines as `openssl pkcs12` writes them), else a file path. */
static sqz_status load_pem(int id, const char *value, size_t len, char **text, size_t *text_len, int *from_file,
	sqz_error *err)
{
	const char *key = options[id].name;
	int secret = id == OPT_CLIENT_PRIVATE_KEY;
	*from_file = 0;
	if (has_nul(value, len)) {
		return fail(err, key, "%s must not contain NUL bytes (give PEM text or a file path)", key);
	}
	if (sqz_pem_is_text(value, len)) {
		if (len > MAX_PEM_FILE) {
			return fail(err, key, "%s is larger than 1 MiB; give only the PEM %s", key,
				secret ? "private key" : "certificate");
		}
		*text = sqz_strndup(value, len);
		*text_len = len;
		return *text ? SQZ_OK : nomem(err);
	}
	char *path = sqz_strndup(value, len);
	if (!path) {
		return nomem(err);
	}
	*text = sqz_pem_read_file(path, MAX_PEM_FILE, text_len);
	int e = errno;
	if (!*text) {
		quote_buf q;
		const char *why = e == EFBIG ? "larger than 1 MiB" : strerror(e);
		sqz_status st;
		if (e == ENOMEM) {
			st = nomem(err);
		} else if (secret) {
			/* The value may be key material pasted without its PEM armour. */
			st = fail(err, key, "client_private_key is neither PEM text (-----BEGIN PRIVATE KEY-----) nor the path of "
					    "a readable file (%s); the value is not shown because it may be secret",
				why);
		} else if (memchr(value, '\n', len)) {
			st = fail(err, key, "client_certificate is neither PEM text (-----BEGIN CERTIFICATE-----) nor the path of "
					    "a readable file");
		} else {
			st = fail(err, key, "client_certificate is neither PEM text (-----BEGIN CERTIFICATE-----) nor the path of "
					    "a readable file: %s: %s",
				quote(&q, value, len), why);
		}
		sqz_free_secret(path);
		return st;
	}
	sqz_free_secret(path);
	*from_file = 1;
	return SQZ_OK;
}

static sqz_status set_certificate(sqz_config *cfg, const char *value, size_t len, sqz_error *err)
{
	if (len == 0) {
		replace_string(&cfg->client_certificate, NULL);
		return SQZ_OK;
	}
	char *text;
	size_t text_len;
	int from_file;
	sqz_status st = load_pem(OPT_CLIENT_CERTIFICATE, value, len, &text, &text_len, &from_file, err);
	if (st != SQZ_OK) {
		return st;
	}
	/* Keep the leaf certificate alone, whatever else the source held. */
	char *pem;
	sqz_pem_result r = sqz_pem_certificate(text, text_len, &pem);
	/* The text may hold a key too (a combined .pem): cleanse it. */
	OPENSSL_cleanse(text, text_len);
	sqz_free(text);
	if (r == SQZ_PEM_NONE) {
		quote_buf q;
		if (from_file) {
			return fail(err, "client_certificate", "client_certificate: the file %s holds no PEM certificate "
							       "(-----BEGIN CERTIFICATE-----); DER files must be converted: openssl x509 -inform der -in cert.cer "
							       "-out cert.pem",
				quote(&q, value, len));
		}
		return fail(err, "client_certificate", "client_certificate holds no valid PEM certificate "
						       "(-----BEGIN CERTIFICATE-----)");
	}
	if (r != SQZ_PEM_OK) {
		return nomem(err);
	}
	replace_string(&cfg->client_certificate, pem);
	return SQZ_OK;
}

static sqz_status set_private_key(sqz_config *cfg, const char *value, size_t len, sqz_error *err)
{
	if (len == 0) {
		replace_secret(&cfg->client_private_key, NULL);
		return SQZ_OK;
	}
	char *text;
	size_t text_len;
	int from_file;
	sqz_status st = load_pem(OPT_CLIENT_PRIVATE_KEY, value, len, &text, &text_len, &from_file, err);
	if (st != SQZ_OK) {
		return st;
	}
	char *pem;
	int bits = 0;
	sqz_pem_result r = sqz_pem_rsa_private_key(text, text_len, MIN_RSA_BITS, &pem, &bits);
	OPENSSL_cleanse(text, text_len);
	sqz_free(text);
	const char *where = from_file ? "the file given as client_private_key" : "client_private_key";
	switch (r) {
	case SQZ_PEM_OK:
		replace_secret(&cfg->client_private_key, pem);
		return SQZ_OK;
	case SQZ_PEM_ENCRYPTED:
		return fail(err, "client_private_key", "%s is encrypted with a passphrase; give an unencrypted PEM key "
						       "(openssl pkey -in key.pem -out key-plain.pem) and protect it by file permissions",
			where);
	case SQZ_PEM_NONE:
		return fail(err, "client_private_key", "%s holds no valid PEM private key (-----BEGIN PRIVATE KEY----- or "
						       "-----BEGIN RSA PRIVATE KEY-----)",
			where);
	case SQZ_PEM_NOT_RSA:
		return fail(err, "client_private_key", "client_private_key must be an RSA key: Microsoft Entra ID verifies "
						       "client assertions signed with RSA (PS256/RS256)");
	case SQZ_PEM_WEAK:
		return fail(err, "client_private_key", "client_private_key is a %d-bit RSA key; Microsoft Entra ID requires "
						       "at least %d bits",
			bits, MIN_RSA_BITS);
	default:
		return nomem(err);
	}
	return SQZ_OK;
}

static sqz_status set_ca_file(sqz_config *cfg, const char *value, size_t len, sqz_error *err)
{
	quote_buf q;
	if (len == 0) {
		return fail(err, "ca_file", "ca_file must not be empty; leave it out (or null) to use the system's CA store");
	}
	if (has_nul(value, len)) {
		return fail(err, "ca_file", "ca_file must not contain NUL bytes");
	}
	char *path = sqz_strndup(value, len);
	if (!path) {
		return nomem(err);
	}
	struct stat st;
	const char *why = NULL;
	if (stat(path, &st) != 0) {
		why = strerror(errno);
	} else if (!S_ISREG(st.st_mode)) {
		why = S_ISDIR(st.st_mode) ? "a directory, not a file (give the bundle file, e.g. /etc/ssl/certs/ca-certificates.crt)"
					  : "not a regular file";
	} else if (access(path, R_OK) != 0) {
		why = strerror(errno);
	}
	if (why) {
		sqz_free(path);
		return fail(err, "ca_file", "ca_file must be a readable CA bundle file (PEM); %s: %s", quote(&q, value, len), why);
	}
	replace_string(&cfg->ca_file, path);
	return SQZ_OK;
}

/* ---- lifecycle ------------------------------------------------------------- */

sqz_config *sqz_config_new(void)
{
	sqz_config *cfg = sqz_calloc(1, sizeof *cfg);
	if (cfg) {
		cfg->cloud = clouds[0].name;
		cfg->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
		cfg->timeout = DEFAULT_TIMEOUT;
		cfg->max_retries = DEFAULT_MAX_RETRIES;
		cfg->max_retry_wait = DEFAULT_MAX_RETRY_WAIT;
		cfg->concurrency = DEFAULT_CONCURRENCY;
	}
	return cfg;
}

void sqz_config_free(sqz_config *cfg)
{
	if (!cfg) {
		return;
	}
	sqz_free(cfg->tenant_id);
	sqz_free(cfg->client_id);
	sqz_free_secret(cfg->client_secret);
	sqz_free(cfg->client_certificate);
	sqz_free_secret(cfg->client_private_key);
	sqz_free(cfg->redirect_uri);
	sqz_free(cfg->mailbox);
	free_list(cfg->scopes, cfg->scope_count);
	sqz_free(cfg->folder_inbox);
	sqz_free(cfg->folder_exported);
	sqz_free(cfg->folder_error);
	sqz_free(cfg->authority);
	sqz_free(cfg->graph_endpoint);
	sqz_free(cfg->graph_origin);
	if (cfg->encryption_key) {
		/* Binary: sqz_free_secret's strlen would stop at the first NUL. */
		OPENSSL_cleanse(cfg->encryption_key, cfg->encryption_key_len);
		sqz_free(cfg->encryption_key);
	}
	sqz_free(cfg->ca_file);
	OPENSSL_cleanse(cfg, sizeof *cfg);
	sqz_free(cfg);
}

/* ---- setters ------------------------------------------------------------------ */

static const char *kind_expectation(sqz_config_kind kind)
{
	switch (kind) {
	case SQZ_CONFIG_STRING: return "a string";
	case SQZ_CONFIG_NULLABLE_STRING: return "a string or null";
	case SQZ_CONFIG_INT: return "an int";
	case SQZ_CONFIG_NUMBER: return "a number of seconds (int or float)";
	case SQZ_CONFIG_BOOL: return "a bool";
	case SQZ_CONFIG_STRING_LIST: return "a list of strings";
	case SQZ_CONFIG_STRING_MAP: return "an array of strings keyed by name";
	case SQZ_CONFIG_EPOCH_OR_DATE: return "a 'Y-m-d' date (UTC), an int epoch or null";
	case SQZ_CONFIG_CALLABLE: return "a callable or null";
	default: return "nothing";
	}
}

/* Looks the key up and checks that the setter fits its kind; -1 with err
 * filled otherwise. */
static int lookup(sqz_config *cfg, const char *key, unsigned accepted_kinds, const char *given, sqz_error *err)
{
	int id = option_id(key);
	if (id < 0) {
		sqz_config_unknown_option(key ? key : "", key ? strlen(key) : 0, err);
		return -1;
	}
	if (!(accepted_kinds & (1u << options[id].kind))) {
		fail(err, key, "%s must be %s, %s given", key, kind_expectation(options[id].kind), given);
		return -1;
	}
	if (!cfg || cfg->finished) {
		sqz_error_set(err, SQZ_E_INTERNAL, "configuration changed after sqz_config_finish()");
		return -1;
	}
	return id;
}

#define K(kind) (1u << (kind))

sqz_status sqz_config_set_string(sqz_config *cfg, const char *key, const char *value, size_t len, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_STRING) | K(SQZ_CONFIG_NULLABLE_STRING) | K(SQZ_CONFIG_EPOCH_OR_DATE),
		"string", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	quote_buf q;
	if (!value) {
		value = "";
		len = 0;
	}
	if (id != OPT_ENCRYPTION_KEY && id != OPT_CLIENT_CERTIFICATE && id != OPT_CLIENT_PRIVATE_KEY
		&& has_nul(value, len)) {
		return fail(err, key, "%s must not contain NUL bytes", key);
	}
	switch (id) {
	case OPT_FLOW:
		if (len == 9 && memcmp(value, "delegated", 9) == 0) {
			cfg->flow = SQZ_FLOW_DELEGATED;
		} else if (len == 18 && memcmp(value, "client_credentials", 18) == 0) {
			cfg->flow = SQZ_FLOW_CLIENT_CREDENTIALS;
		} else {
			return fail(err, key, "flow must be 'delegated' (a user signs in and consents) or 'client_credentials' "
					      "(application permission, no user); got %s",
				quote(&q, value, len));
		}
		return SQZ_OK;
	case OPT_TENANT_ID:
	case OPT_CLIENT_ID:
		return set_identifier(cfg, id, value, len, err);
	case OPT_CLIENT_SECRET: {
		/* An empty field of an admin form means "no secret". */
		char *copy = len ? sqz_strndup(value, len) : NULL;
		if (len && !copy) {
			return nomem(err);
		}
		replace_secret(&cfg->client_secret, copy);
		return SQZ_OK;
	}
	case OPT_CLIENT_CERTIFICATE:
		return set_certificate(cfg, value, len, err);
	case OPT_CLIENT_PRIVATE_KEY:
		return set_private_key(cfg, value, len, err);
	case OPT_CLIENT_SECRET_EXPIRES: {
		char buf[16];
		sqz_epoch t;
		if (len >= sizeof buf || (memcpy(buf, value, len), buf[len] = '\0', sqz_clock_parse_date(buf, &t) != 0)) {
			return fail(err, key, "client_secret_expires must be a 'Y-m-d' date (UTC), e.g. '2026-12-31', an int "
					      "epoch or null; got %s",
				quote(&q, value, len));
		}
		if (t <= 0) {
			return fail(err, key, "client_secret_expires must be after 1970-01-01; got %s", quote(&q, value, len));
		}
		cfg->client_secret_expires = t;
		return SQZ_OK;
	}
	case OPT_REDIRECT_URI: {
		if (len == 0) {
			replace_string(&cfg->redirect_uri, NULL);
			return SQZ_OK;
		}
		sqz_url u;
		sqz_status st = check_url(key, value, len, &u, err);
		if (st != SQZ_OK) {
			return st;
		}
		sqz_url_clear(&u);
		/* Verbatim: Microsoft compares it with the registered URI. */
		char *copy = sqz_strndup(value, len);
		if (!copy) {
			return nomem(err);
		}
		replace_string(&cfg->redirect_uri, copy);
		return SQZ_OK;
	}
	case OPT_MAILBOX:
		return set_mailbox(cfg, value, len, err);
	case OPT_AUTHORITY:
	case OPT_GRAPH_ENDPOINT:
		return set_endpoint(cfg, id, value, len, err);
	case OPT_CLOUD:
		for (size_t i = 0; i < CLOUD_COUNT; i++) {
			if (strlen(clouds[i].name) == len && ascii_ncasecmp(clouds[i].name, value, len) == 0) {
				cfg->cloud = clouds[i].name;
				return SQZ_OK;
			}
		}
		return fail(err, key, "cloud must be one of " CLOUD_LIST "; got %s", quote(&q, value, len));
	case OPT_ENCRYPTION_KEY: {
		if (len == 0) {
			return fail(err, key, "encryption_key must not be empty; use null to leave the Store unsealed");
		}
		if (len < SQZ_CONFIG_ENCRYPTION_KEY_MIN) {
			return fail(err, key, "encryption_key is %zu bytes long; it must have at least %d (32 random bytes are "
					      "best, e.g. base64_encode(random_bytes(32)))",
				len, SQZ_CONFIG_ENCRYPTION_KEY_MIN);
		}
		unsigned char *copy = sqz_malloc(len);
		if (!copy) {
			return nomem(err);
		}
		memcpy(copy, value, len);
		if (cfg->encryption_key) {
			OPENSSL_cleanse(cfg->encryption_key, cfg->encryption_key_len);
			sqz_free(cfg->encryption_key);
		}
		cfg->encryption_key = copy;
		cfg->encryption_key_len = len;
		return SQZ_OK;
	}
	case OPT_CA_FILE:
		return set_ca_file(cfg, value, len, err);
	default:
		return sqz_error_set(err, SQZ_E_INTERNAL, "no string setter for option %s", key);
	}
}

sqz_status sqz_config_set_null(sqz_config *cfg, const char *key, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_NULLABLE_STRING) | K(SQZ_CONFIG_EPOCH_OR_DATE) | K(SQZ_CONFIG_CALLABLE),
		"null", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	switch (id) {
	case OPT_CLIENT_SECRET: replace_secret(&cfg->client_secret, NULL); break;
	case OPT_CLIENT_CERTIFICATE: replace_string(&cfg->client_certificate, NULL); break;
	case OPT_CLIENT_PRIVATE_KEY: replace_secret(&cfg->client_private_key, NULL); break;
	case OPT_CLIENT_SECRET_EXPIRES: cfg->client_secret_expires = 0; break;
	case OPT_REDIRECT_URI: replace_string(&cfg->redirect_uri, NULL); break;
	case OPT_MAILBOX: replace_string(&cfg->mailbox, NULL); break;
	case OPT_AUTHORITY: replace_string(&cfg->authority, NULL); break;
	case OPT_GRAPH_ENDPOINT: replace_string(&cfg->graph_endpoint, NULL); break;
	case OPT_CA_FILE: replace_string(&cfg->ca_file, NULL); break;
	case OPT_LOGGER: cfg->has_logger = 0; break;
	case OPT_ENCRYPTION_KEY:
		if (cfg->encryption_key) {
			OPENSSL_cleanse(cfg->encryption_key, cfg->encryption_key_len);
			sqz_free(cfg->encryption_key);
		}
		cfg->encryption_key = NULL;
		cfg->encryption_key_len = 0;
		break;
	default:
		return sqz_error_set(err, SQZ_E_INTERNAL, "no null setter for option %s", key);
	}
	return SQZ_OK;
}

sqz_status sqz_config_set_int(sqz_config *cfg, const char *key, int64_t value, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_INT) | K(SQZ_CONFIG_NUMBER) | K(SQZ_CONFIG_EPOCH_OR_DATE), "int", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	switch (id) {
	case OPT_MAX_RETRIES:
		if (value < 0 || value > SQZ_CONFIG_MAX_RETRIES_MAX) {
			return fail(err, key, "max_retries must be between 0 and %d; got %lld", SQZ_CONFIG_MAX_RETRIES_MAX,
				(long long)value);
		}
		cfg->max_retries = (int)value;
		return SQZ_OK;
	case OPT_CONCURRENCY:
		if (value < 1 || value > SQZ_CONFIG_CONCURRENCY_MAX) {
			return fail(err, key, "concurrency must be between 1 and %d (Graph allows 4 concurrent requests per "
					      "mailbox); got %lld",
				SQZ_CONFIG_CONCURRENCY_MAX, (long long)value);
		}
		cfg->concurrency = (int)value;
		return SQZ_OK;
	case OPT_CLIENT_SECRET_EXPIRES:
		if (value <= 0) {
			return fail(err, key, "client_secret_expires must be a positive epoch (seconds since 1970-01-01 UTC), a "
					      "'Y-m-d' date or null; got %lld",
				(long long)value);
		}
		cfg->client_secret_expires = value;
		return SQZ_OK;
	default:
		return sqz_config_set_number(cfg, key, (double)value, err);
	}
}

sqz_status sqz_config_set_number(sqz_config *cfg, const char *key, double value, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_NUMBER), "float", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	if (!isfinite(value) || value <= 0 || value > MAX_SECONDS) {
		return fail(err, key, "%s must be a number of seconds greater than 0 and at most 86400; got %g", key, value);
	}
	switch (id) {
	case OPT_CONNECT_TIMEOUT: cfg->connect_timeout = value; break;
	case OPT_TIMEOUT: cfg->timeout = value; break;
	case OPT_MAX_RETRY_WAIT: cfg->max_retry_wait = value; break;
	default: return sqz_error_set(err, SQZ_E_INTERNAL, "no number setter for option %s", key);
	}
	return SQZ_OK;
}

sqz_status sqz_config_set_bool(sqz_config *cfg, const char *key, int value, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_BOOL), "bool", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	(void)value;
	return sqz_error_set(err, SQZ_E_INTERNAL, "no bool setter for option %s", key);
}

static int contains_ci(char **items, size_t count, const char *s)
{
	for (size_t i = 0; i < count; i++) {
		if (ascii_casecmp(items[i], s) == 0) {
			return 1;
		}
	}
	return 0;
}

sqz_status sqz_config_set_list(sqz_config *cfg, const char *key, const char *const *items, const size_t *lens,
	size_t count, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_STRING_LIST), "list", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	quote_buf q;
	if (count == 0) {
		return fail(err, key, "scopes must not be empty; leave the option out for the default scopes");
	}
	char **list = sqz_calloc(count, sizeof *list);
	size_t n = 0;
	if (!list) {
		return nomem(err);
	}
	for (size_t i = 0; i < count; i++) {
		int bad = lens[i] == 0;
		for (size_t j = 0; j < lens[i]; j++) {
			unsigned char c = (unsigned char)items[i][j];
			bad |= c <= 0x20 || c == 0x7f || c == '"' || c == '\\';
		}
		if (bad) {
			free_list(list, n);
			return fail(err, key, "scopes[%zu] must be one non-empty scope without spaces, e.g. "
					      "'https://graph.microsoft.com/Mail.ReadWrite'; got %s",
				i, quote(&q, items[i], lens[i]));
		}
		char *copy = sqz_strndup(items[i], lens[i]);
		if (!copy) {
			free_list(list, n);
			return nomem(err);
		}
		/* A duplicate would only change the fingerprint. */
		if (contains_ci(list, n, copy)) {
			sqz_free(copy);
			continue;
		}
		list[n++] = copy;
	}
	free_list(cfg->scopes, cfg->scope_count);
	cfg->scopes = list;
	cfg->scope_count = n;
	cfg->explicit_set |= 1u << id;
	return SQZ_OK;
}

sqz_status sqz_config_set_map_entry(sqz_config *cfg, const char *key, const char *subkey, size_t subkey_len,
	const char *value, size_t len, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_STRING_MAP), "map", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	quote_buf q, q2;
	char **field = NULL;
	if (subkey_len == 5 && memcmp(subkey, "inbox", 5) == 0) {
		field = &cfg->folder_inbox;
	} else if (subkey_len == 8 && memcmp(subkey, "exported", 8) == 0) {
		field = &cfg->folder_exported;
	} else if (subkey_len == 5 && memcmp(subkey, "error", 5) == 0) {
		field = &cfg->folder_error;
	} else {
		return fail(err, key, "folders has an unknown key %s; the keys are inbox, exported and error",
			quote(&q, subkey, subkey_len));
	}
	size_t slashes = 0;
	while (slashes < len && value[slashes] == '/') {
		slashes++;
	}
	int bad = slashes == len;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];
		bad |= c < 0x20 || c == 0x7f;
	}
	if (bad) {
		return fail(err, key, "folders[%s] must be a folder name or path such as 'Inbox' or 'Inbox/Scans'; got %s",
			quote(&q2, subkey, subkey_len), quote(&q, value, len));
	}
	char what[32];
	snprintf(what, sizeof what, "folders[%.*s]", (int)subkey_len, subkey);
	sqz_error bound = SQZ_ERROR_INIT;
	if (sqz_folder_spec_check(value, len, what, &bound) != SQZ_OK) {
		sqz_status st = fail(err, key, "%s", bound.message);
		sqz_error_clear(&bound);
		return st;
	}
	char *copy = sqz_strndup(value, len);
	if (!copy) {
		return nomem(err);
	}
	replace_string(field, copy);
	return SQZ_OK;
}

sqz_status sqz_config_set_callable(sqz_config *cfg, const char *key, int present, sqz_error *err)
{
	int id = lookup(cfg, key, K(SQZ_CONFIG_CALLABLE), "callable", err);
	if (id < 0) {
		return err ? err->status : SQZ_E_CONFIG;
	}
	cfg->has_logger = present ? 1 : 0;
	return SQZ_OK;
}

/* ---- finish ------------------------------------------------------------------ */

static int is_multi_tenant(const char *tenant)
{
	for (size_t i = 0; i < sizeof multi_tenant_segments / sizeof multi_tenant_segments[0]; i++) {
		if (ascii_casecmp(tenant, multi_tenant_segments[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

static const char *folder_key(const char *name)
{
	while (*name == '/') {
		name++;
	}
	return name;
}

static sqz_status add_scope(char ***list, size_t *count, const char *prefix, const char *scope)
{
	char *s;
	if (prefix) {
		sqz_buf b = SQZ_BUF_INIT;
		if (sqz_buf_appendf(&b, "%s/%s", prefix, scope) != 0) {
			sqz_buf_free(&b);
			return SQZ_E_NOMEM;
		}
		s = sqz_buf_steal(&b, NULL);
	} else {
		s = sqz_strdup(scope);
	}
	char **grown = s ? sqz_realloc(*list, (*count + 1) * sizeof **list) : NULL;
	if (!grown) {
		sqz_free(s);
		return SQZ_E_NOMEM;
	}
	grown[(*count)++] = s;
	*list = grown;
	return SQZ_OK;
}

static sqz_status default_scopes(sqz_config *cfg, sqz_error *err)
{
	char **list = NULL;
	size_t n = 0;
	sqz_status st = SQZ_OK;
	if (cfg->flow == SQZ_FLOW_CLIENT_CREDENTIALS) {
		st = add_scope(&list, &n, cfg->graph_origin, ".default");
	} else {
		/* openid + profile bring the id_token that names the account;
		 * offline_access the refresh token. */
		if (st == SQZ_OK) st = add_scope(&list, &n, NULL, "openid");
		if (st == SQZ_OK) st = add_scope(&list, &n, NULL, "profile");
		if (st == SQZ_OK) st = add_scope(&list, &n, NULL, "offline_access");
		if (st == SQZ_OK) st = add_scope(&list, &n, cfg->graph_origin, "Mail.ReadWrite");
		if (st == SQZ_OK && cfg->mailbox) st = add_scope(&list, &n, cfg->graph_origin, "Mail.ReadWrite.Shared");
	}
	if (st != SQZ_OK) {
		free_list(list, n);
		return nomem(err);
	}
	free_list(cfg->scopes, cfg->scope_count);
	cfg->scopes = list;
	cfg->scope_count = n;
	return SQZ_OK;
}

static sqz_status check_key_pair(const sqz_config *cfg, sqz_error *err)
{
	if (!sqz_pem_pair_matches(cfg->client_certificate, cfg->client_private_key)) {
		return fail(err, "client_private_key", "client_private_key does not belong to client_certificate; give the "
						       "private key the certificate was issued for (compare: openssl x509 -noout -pubkey -in cert.pem and "
						       "openssl pkey -pubout -in key.pem)");
	}
	return SQZ_OK;
}

#define GIVEN(cfg, id) (((cfg)->explicit_set >> (id)) & 1u)

sqz_status sqz_config_finish(sqz_config *cfg, sqz_error *err)
{
	quote_buf q;
	if (!cfg || cfg->finished) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "sqz_config_finish() called twice");
	}
	if (cfg->flow == SQZ_FLOW_NONE) {
		return fail(err, "flow", "flow is required: 'delegated' (a user signs in and consents) or "
					 "'client_credentials' (application permission, no user)");
	}
	int delegated = cfg->flow == SQZ_FLOW_DELEGATED;
	if (!cfg->tenant_id) {
		return fail(err, "tenant_id", "tenant_id is required: the directory (tenant) id of the app registration, a "
					      "GUID, or a verified domain such as contoso.onmicrosoft.com");
	}
	if (!cfg->client_id) {
		return fail(err, "client_id", "client_id is required: the application (client) id of the app registration");
	}
	if (!delegated && is_multi_tenant(cfg->tenant_id)) {
		/* AADSTS9001023 / AADSTS50194: no client credentials on /common. */
		return fail(err, "tenant_id", "tenant_id %s is only allowed for the delegated flow; client_credentials needs "
					      "the directory (tenant) id or a verified domain of the tenant that owns the mailbox",
			quote(&q, cfg->tenant_id, strlen(cfg->tenant_id)));
	}

	/* Endpoints: the cloud's, unless given explicitly. */
	const char *cloud_authority = NULL, *cloud_graph = NULL;
	for (size_t i = 0; i < CLOUD_COUNT; i++) {
		if (strcmp(clouds[i].name, cfg->cloud) == 0) {
			cloud_authority = clouds[i].authority;
			cloud_graph = clouds[i].graph_endpoint;
		}
	}
	if (!cfg->authority && !(cfg->authority = sqz_strdup(cloud_authority))) {
		return nomem(err);
	}
	if (!cfg->graph_endpoint && !(cfg->graph_endpoint = sqz_strdup(cloud_graph))) {
		return nomem(err);
	}
	{
		/* An authority that ends in the tenant would yield /{t}/{t}/oauth2. */
		const char *path = sqz_url_path_start(cfg->authority);
		const char *last = path ? strrchr(path, '/') : NULL;
		if (last && ascii_casecmp(last + 1, cfg->tenant_id) == 0) {
			return fail(err, "authority", "authority must not contain the tenant (it is taken from tenant_id); give "
						      "the base URL only, e.g. %s",
				cloud_authority);
		}
	}
	sqz_url u;
	int rc = sqz_url_parse(cfg->graph_endpoint, &u);
	if (rc != 0) {
		return rc == -2 ? nomem(err) : sqz_error_set(err, SQZ_E_INTERNAL, "normalised graph_endpoint does not parse");
	}
	char *origin = sqz_url_origin(&u);
	sqz_url_clear(&u);
	if (!origin) {
		return nomem(err);
	}
	replace_string(&cfg->graph_origin, origin);

	/* Credentials. */
	if (cfg->client_certificate && !cfg->client_private_key) {
		return fail(err, "client_private_key", "client_private_key is required with client_certificate: the PEM "
						       "private key (or its file path) that belongs to the certificate");
	}
	if (cfg->client_private_key && !cfg->client_certificate) {
		return fail(err, "client_certificate", "client_certificate is required with client_private_key: the PEM "
						       "certificate (or its file path) uploaded to the app registration");
	}
	if (cfg->client_certificate) {
		if (cfg->client_secret) {
			return fail(err, "client_secret", "give either client_secret or client_certificate with "
							  "client_private_key, not both");
		}
		sqz_status st = check_key_pair(cfg, err);
		if (st != SQZ_OK) {
			return st;
		}
	} else if (!cfg->client_secret) {
		return fail(err, "client_secret", "client_secret is required (or client_certificate with "
						  "client_private_key): the secret's value from Certificates & secrets of the app registration");
	}

	/* Flow-specific requirements. */
	if (delegated && !cfg->redirect_uri) {
		return fail(err, "redirect_uri", "redirect_uri is required for the delegated flow: the URI registered under "
						 "Authentication in the app registration, e.g. "
						 "https://squeeze.example.com/api/v2/importers/email/authenticate/end");
	}
	if (!delegated && !cfg->mailbox) {
		return fail(err, "mailbox", "mailbox is required for client_credentials: without a signed-in user the UPN or "
					    "SMTP address of the mailbox to import from must be given");
	}

	/* Scopes. */
	if (GIVEN(cfg, OPT_SCOPES)) {
		if (!delegated) {
			return fail(err, "scopes", "scopes cannot be chosen for client_credentials: the token is always requested "
						   "for %s/.default (the application permissions granted to the app); remove the option",
				cfg->graph_origin);
		}
		if (!contains_ci(cfg->scopes, cfg->scope_count, "offline_access")) {
			return fail(err, "scopes", "scopes must include offline_access for the delegated flow: without it "
						   "Microsoft issues no refresh token and the grant ends when the first access token expires");
		}
	} else {
		sqz_status st = default_scopes(cfg, err);
		if (st != SQZ_OK) {
			return st;
		}
	}

	/* Folders: partial arrays merge with the defaults. */
	static const char *const default_folders[3] = { "Inbox", "Exported", "Error" };
	char **folders[3] = { &cfg->folder_inbox, &cfg->folder_exported, &cfg->folder_error };
	static const char *const folder_names[3] = { "inbox", "exported", "error" };
	for (int i = 0; i < 3; i++) {
		if (!*folders[i] && !(*folders[i] = sqz_strdup(default_folders[i]))) {
			return nomem(err);
		}
	}
	for (int i = 0; i < 3; i++) {
		for (int j = i + 1; j < 3; j++) {
			if (ascii_casecmp(folder_key(*folders[i]), folder_key(*folders[j])) == 0) {
				quote_buf q2;
				return fail(err, "folders", "folders must name three different folders; %s %s and %s %s are the "
							    "same (names are compared case-insensitively, ignoring a leading '/')",
					folder_names[i],
					quote(&q, *folders[i], strlen(*folders[i])), folder_names[j],
					quote(&q2, *folders[j], strlen(*folders[j])));
			}
		}
	}
	cfg->finished = 1;
	return SQZ_OK;
}

/* ---- fingerprint ---------------------------------------------------------------- */

static int put_field(sqz_buf *b, const char *s, size_t len)
{
	unsigned char prefix[8];
	uint64_t n = len;
	for (int i = 7; i >= 0; i--) {
		prefix[i] = (unsigned char)(n & 0xff);
		n >>= 8;
	}
	return sqz_buf_append(b, prefix, sizeof prefix) || sqz_buf_append(b, s, len) ? -1 : 0;
}

static int put_lower(sqz_buf *b, const char *s)
{
	if (!s) {
		return put_field(b, "", 0);
	}
	char *copy = sqz_strdup(s);
	if (!copy) {
		return -1;
	}
	ascii_lower(copy);
	int rc = put_field(b, copy, strlen(copy));
	sqz_free(copy);
	return rc;
}

static int put_url(sqz_buf *b, const char *url)
{
	if (!url) {
		return put_field(b, "", 0);
	}
	sqz_url u;
	if (sqz_url_parse(url, &u) != 0) {
		return -1;
	}
	char *n = sqz_url_normalised(&u, 1);
	sqz_url_clear(&u);
	if (!n) {
		return -1;
	}
	int rc = put_field(b, n, strlen(n));
	sqz_free(n);
	return rc;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int sqz_config_fingerprint(const sqz_config *cfg, char out[65])
{
	if (!cfg || !cfg->finished) {
		return -1;
	}
	static const char tag[] = "sqzgraph.config.fingerprint.v1";
	sqz_buf b = SQZ_BUF_INIT;
	const char **sorted = sqz_calloc(cfg->scope_count ? cfg->scope_count : 1, sizeof *sorted);
	int rc = sorted ? 0 : -1;
	if (rc == 0) {
		for (size_t i = 0; i < cfg->scope_count; i++) {
			sorted[i] = cfg->scopes[i];
		}
		qsort(sorted, cfg->scope_count, sizeof *sorted, compare_strings);
		const char *flow = sqz_flow_name(cfg->flow);
		char count[24];
		snprintf(count, sizeof count, "%zu", cfg->scope_count);
		rc = put_field(&b, tag, sizeof tag - 1)
				|| put_field(&b, flow, strlen(flow))
				|| put_url(&b, cfg->authority)
				|| put_lower(&b, cfg->tenant_id)
				|| put_lower(&b, cfg->client_id)
				|| put_url(&b, cfg->redirect_uri)
				|| put_field(&b, count, strlen(count))
			? -1
			: 0;
		for (size_t i = 0; rc == 0 && i < cfg->scope_count; i++) {
			rc = put_field(&b, sorted[i], strlen(sorted[i]));
		}
		if (rc == 0) {
			rc = put_url(&b, cfg->graph_endpoint) || put_lower(&b, cfg->mailbox) ? -1 : 0;
		}
	}
	if (rc == 0) {
		rc = sqz_sha256_hex(b.data, b.len, out);
	}
	sqz_free(sorted);
	sqz_buf_free(&b);
	return rc;
}
