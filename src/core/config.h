/* sqzgraph core: the validated configuration (SPEC §Config).
 *
 * A host builds one with sqz_config_new(), feeds each option through the
 * setter its kind calls for (sqz_config_option_kind() tells which), then
 * calls sqz_config_finish(), which applies the defaults and the rules that
 * span several options. After a successful finish every field below holds
 * its effective value and the struct is read-only: the Authenticator,
 * Mailbox and Importer code reads it directly.
 *
 * Every failure is SQZ_E_CONFIG with err->key naming the option and a
 * message an administrator can act on (what is wrong, what is expected,
 * what was given). A message never contains the value of client_secret,
 * client_private_key or encryption_key, nor a URL's password. */
#ifndef SQZ_CONFIG_H
#define SQZ_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "error.h"

typedef enum sqz_flow {
	SQZ_FLOW_NONE = 0,             /* only before finish: `flow` not given yet */
	SQZ_FLOW_DELEGATED,            /* authorization code + PKCE, a user consents */
	SQZ_FLOW_CLIENT_CREDENTIALS    /* application permission, no user, no refresh token */
} sqz_flow;

/* How the host must hand an option's value to the core. */
typedef enum sqz_config_kind {
	SQZ_CONFIG_UNKNOWN = 0,        /* not an option: sqz_config_unknown_option() */
	SQZ_CONFIG_STRING,             /* string; sqz_config_set_string */
	SQZ_CONFIG_NULLABLE_STRING,    /* string or null; sqz_config_set_string / _set_null */
	SQZ_CONFIG_INT,                /* integer only; sqz_config_set_int */
	SQZ_CONFIG_NUMBER,             /* integer or float; sqz_config_set_int / _set_number */
	SQZ_CONFIG_BOOL,               /* true/false; sqz_config_set_bool (no option uses it yet) */
	SQZ_CONFIG_STRING_LIST,        /* list of strings; sqz_config_set_list */
	SQZ_CONFIG_STRING_MAP,         /* string => string; sqz_config_set_map_entry per entry */
	SQZ_CONFIG_EPOCH_OR_DATE,      /* 'Y-m-d' string (UTC), int epoch, or null */
	SQZ_CONFIG_CALLABLE            /* host callable or null; the core only records presence */
} sqz_config_kind;

typedef struct sqz_config {
	/* Protocol; never SQZ_FLOW_NONE after finish. */
	sqz_flow flow;
	/* Directory (tenant) id — GUID or verified domain — or, delegated only,
	 * common / organizations / consumers. As given; only [A-Za-z0-9._-]
	 * because it becomes a URL path segment. */
	char *tenant_id;
	/* Application (client) id, as given; same character set. */
	char *client_id;
	/* Client secret; NULL when a certificate is used. SECRET: cleansed on free. */
	char *client_secret;
	/* Certificate credential: the leaf certificate re-encoded as PEM (a file
	 * is read once, at construction; a key or chain beside it is dropped);
	 * NULL with a client secret. Public. */
	char *client_certificate;
	/* Its private key (RSA, matching the certificate) re-encoded as
	 * unencrypted PKCS#8 PEM; NULL with a client secret. SECRET. */
	char *client_private_key;
	/* When the client secret expires, epoch seconds (UTC); 0 = not given. */
	sqz_epoch client_secret_expires;
	/* Redirect URI exactly as given (Microsoft compares it verbatim with the
	 * registered one); NULL when not given (client_credentials). https://,
	 * or http:// on a loopback host; no fragment, no user info. */
	char *redirect_uri;
	/* UPN / SMTP address (or object id) of the mailbox, as given; NULL =
	 * the signed-in user's own (delegated only; required for
	 * client_credentials). */
	char *mailbox;
	/* Effective scopes, without duplicates, in the given (or default) order. */
	char **scopes;
	size_t scope_count;
	/* Folder names or paths; the three differ (case-insensitively, ignoring
	 * one leading '/'). */
	char *folder_inbox;
	char *folder_exported;
	char *folder_error;
	/* The `cloud` shortcut in effect ("global", "usgov", "usgov-dod",
	 * "china"); static storage, never freed. */
	const char *cloud;
	/* Identity platform base, normalised: lowercase scheme and host, no
	 * default port, no trailing slash, e.g. "https://login.microsoftonline.com".
	 * The token endpoint is {authority}/{tenant_id}/oauth2/v2.0/token. */
	char *authority;
	/* Graph base URL, normalised like authority, e.g.
	 * "https://graph.microsoft.com/v1.0". */
	char *graph_endpoint;
	/* scheme://host[:port] of graph_endpoint: the only origin a bearer token
	 * is ever sent to, and the resource prefix of the default scopes. */
	char *graph_origin;
	/* Store sealing key material (binary allowed, >= 16 bytes); NULL = the
	 * Store is not sealed. SECRET: cleansed on free. */
	unsigned char *encryption_key;
	size_t encryption_key_len;
	/* CA bundle path for TLS verification (a readable regular file at
	 * construction); NULL = the system store. Verification is never off. */
	char *ca_file;
	/* Seconds, > 0: connection phase / whole request (10 / 60). */
	double connect_timeout;
	double timeout;
	/* Retries for 429/502/503/504 and network errors, 0..20 (5). */
	int max_retries;
	/* Cap on one wait, seconds > 0 (120). */
	double max_retry_wait;
	/* Parallel requests against one mailbox, 1..16 (4). */
	int concurrency;
	/* 1 when the host holds a logger callable (the binding keeps it). */
	int has_logger;

	/* Bookkeeping; not configuration. */
	unsigned explicit_set;  /* bit per option set explicitly (used for scopes) */
	int finished;           /* sqz_config_finish() succeeded */
} sqz_config;

/* Limits (documented in the messages too). */
#define SQZ_CONFIG_MAX_RETRIES_MAX 20
#define SQZ_CONFIG_CONCURRENCY_MAX 16
#define SQZ_CONFIG_ENCRYPTION_KEY_MIN 16

/* A new config with nothing set (defaults are applied by finish). Free with
 * sqz_config_free(). NULL when memory ran out. */
sqz_config *sqz_config_new(void);

/* Frees cfg and everything it owns; secrets are overwritten first. NULL is
 * fine. */
void sqz_config_free(sqz_config *cfg);

/* The kind of an option key (NUL-terminated); SQZ_CONFIG_UNKNOWN for
 * anything else, including a key that merely differs in case. */
sqz_config_kind sqz_config_option_kind(const char *key);

/* Whether the string value of option `key` names a file the config reads
 * (ca_file; client_certificate and client_private_key unless they hold PEM
 * text): a binding makes such a relative path absolute against its own idea
 * of the working directory (a thread-safe PHP's is per thread) first. */
int sqz_config_option_is_path(const char *key, const char *value, size_t len);

/* The option keys in SPEC order, NULL-terminated (static storage). */
const char *const *sqz_config_option_names(void);

/* Fills err for an unknown option key (len bytes, may hold NUL bytes),
 * suggesting the closest known key when it is close; returns SQZ_E_CONFIG. */
sqz_status sqz_config_unknown_option(const char *key, size_t len, sqz_error *err);

/* Setters. Each validates what can be checked on the value alone, copies
 * what it keeps (the caller keeps its buffers) and returns SQZ_OK or fills
 * err (SQZ_E_CONFIG naming key; SQZ_E_NOMEM). Setting an option again
 * replaces the earlier value. A setter called for a key whose kind does not
 * accept that type of value fails with SQZ_E_CONFIG too.
 *
 * set_string: STRING, NULLABLE_STRING, EPOCH_OR_DATE ('Y-m-d'). value holds
 * len bytes (NUL bytes are refused except in encryption_key). */
sqz_status sqz_config_set_string(sqz_config *cfg, const char *key, const char *value, size_t len, sqz_error *err);
/* set_null: NULLABLE_STRING, EPOCH_OR_DATE, CALLABLE — "not given". */
sqz_status sqz_config_set_null(sqz_config *cfg, const char *key, sqz_error *err);
/* set_int: INT, NUMBER, EPOCH_OR_DATE (epoch seconds, > 0). */
sqz_status sqz_config_set_int(sqz_config *cfg, const char *key, int64_t value, sqz_error *err);
/* set_number: NUMBER. */
sqz_status sqz_config_set_number(sqz_config *cfg, const char *key, double value, sqz_error *err);
/* set_bool: BOOL. */
sqz_status sqz_config_set_bool(sqz_config *cfg, const char *key, int value, sqz_error *err);
/* set_list: STRING_LIST; items[i] holds lens[i] bytes. */
sqz_status sqz_config_set_list(sqz_config *cfg, const char *key, const char *const *items, const size_t *lens,
	size_t count, sqz_error *err);
/* set_map_entry: STRING_MAP, one entry (`folders`: inbox / exported /
 * error); entries not given keep their defaults. subkey holds subkey_len
 * bytes. */
sqz_status sqz_config_set_map_entry(sqz_config *cfg, const char *key, const char *subkey, size_t subkey_len,
	const char *value, size_t len, sqz_error *err);
/* set_callable: CALLABLE; present = the host holds a callable. */
sqz_status sqz_config_set_callable(sqz_config *cfg, const char *key, int present, sqz_error *err);

/* Applies the defaults (cloud endpoints, scopes, folders, timeouts) and the
 * rules that span options (required per flow, credentials, loopback,
 * distinct folders, certificate/key pair). Call once, after the setters;
 * on failure cfg must only be freed. */
sqz_status sqz_config_finish(sqz_config *cfg, sqz_error *err);

/* Hex SHA-256 (64 digits + NUL) of the fields that bind a grant, in this
 * order, each length-prefixed (8-byte big-endian) after a version tag:
 *   flow, authority, tenant_id, client_id, redirect_uri, scopes (sorted,
 *   count-prefixed), graph_endpoint, mailbox.
 * Normalised where Microsoft does not distinguish: tenant_id, client_id
 * (GUIDs / domains) and mailbox lowercased; scheme and host of every URL
 * lowercased, default port and trailing slash dropped; a missing
 * redirect_uri or mailbox encodes as the empty string.
 * Deliberately NOT included: client_secret, client_certificate,
 * client_private_key, client_secret_expires (credential rotation keeps the
 * grant), folders, timeouts, retries, concurrency, ca_file, logger,
 * encryption_key and cloud (only through the endpoints it sets).
 * Returns 0, or -1 when memory ran out or cfg is not finished. */
int sqz_config_fingerprint(const sqz_config *cfg, char out[65]);

/* The hosts on which redirect_uri and the endpoints may be http://:
 * sqz_url_host_is_loopback (url.h) — 127.0.0.0/8, ::1 (also bracketed, also
 * ::ffff:127.x.y.z) and "localhost" as an exact name. 1 = loopback. */
int sqz_config_host_is_loopback(const char *host);

/* "delegated" / "client_credentials" (static storage); NULL for NONE. */
const char *sqz_flow_name(sqz_flow flow);

#endif
