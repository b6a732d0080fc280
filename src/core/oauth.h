/* sqzgraph core: the OAuth 2.0 side — authorization URL with PKCE, code
 * redemption, refresh, client credentials, the token record and every
 * decision about expiry.
 *
 * Time: every instant is an integer count of epoch seconds from
 * sqz_clock_now(). expires_at = the second the token request was SENT +
 * expires_in, so that a slow answer can only make us refresh early. No
 * function here reads a time zone.
 *
 * Store keys (one Store, or one FileStore directory, per configured
 * mailbox):
 *   "token"                the token record (JSON; sealed when encryption_key)
 *   "token.status"         the last failed token request (kept apart so that
 *                          a transient failure leaves the record byte-identical)
 *   "pending:<sha256(state)>"  a started authorization, 10 minutes, single use
 * Lock "token" serialises refreshes across processes: a process that finds
 * the record stale takes the lock, reads the record again, and only calls
 * the token endpoint when it is still stale. */
#ifndef SQZ_OAUTH_H
#define SQZ_OAUTH_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "config.h"
#include "error.h"
#include "http.h"
#include "store.h"

#define SQZ_OAUTH_REFRESH_MARGIN 300          /* refresh when fewer seconds remain */
#define SQZ_OAUTH_PENDING_TTL 600             /* state + verifier live 10 minutes */
#define SQZ_OAUTH_IDLE_LIMIT (90 * 86400)     /* refresh tokens die after 90 idle days */
#define SQZ_OAUTH_LOCK_TIMEOUT 30.0
#define SQZ_OAUTH_EPOCH_MAX 253402300799LL        /* 9999-12-31T23:59:59Z: no record instant lies beyond */

typedef struct sqz_token_record {
	char *fingerprint;
	sqz_flow flow;
	char *access_token;        /* SECRET */
	char *refresh_token;       /* SECRET; NULL for client credentials */
	sqz_epoch expires_at;
	sqz_epoch refresh_at;      /* from refresh_in; 0 = none */
	sqz_epoch obtained_at;     /* when the access token was obtained */
	sqz_epoch last_refresh_at; /* code redemption or last refresh (starts the 90-day idle clock) */
	char **scopes;
	size_t scope_count;
	char *account;             /* id_token preferred_username */
	int needs_reauth;
	char *reason;              /* invalid_grant, interaction_required, consent_required, ... */
	char *error_code;          /* AADSTSnnnn */
	char *error_description;
} sqz_token_record;

/* What status() reports (TokenInfo); no secret inside. */
typedef struct sqz_token_info {
	int authorized;
	int needs_reauth;
	char *reason;
	char *error_code;
	sqz_epoch expires_at;      /* 0 = null */
	sqz_epoch obtained_at;
	char *account;
	char **scopes;
	size_t scope_count;
	sqz_flow flow;
	sqz_epoch refresh_token_expires_at;
	sqz_epoch last_refresh_at;
	char *last_error;
	char **warnings;
	size_t warning_count;
} sqz_token_info;

typedef struct sqz_oauth {
	const sqz_config *config;  /* borrowed */
	sqz_store store;           /* borrowed vtable (already sealing when configured) */
	sqz_http *http;            /* borrowed */
	sqz_http_options http_opts;
	char fingerprint[65];
} sqz_oauth;

sqz_status sqz_oauth_init(sqz_oauth *o, const sqz_config *config, sqz_store store, sqz_http *http, sqz_error *err);

/* Authorization URL; *url and *state are new strings. login_hint/prompt may
 * be NULL (login_hint falls back to the configured mailbox). */
sqz_status sqz_oauth_begin(sqz_oauth *o, const char *login_hint, const char *prompt, char **url, char **state, sqz_error *err);

/* The redirect's query parameters as name/value pairs. */
typedef struct sqz_query_param {
	const char *name;
	const char *value;
} sqz_query_param;

sqz_status sqz_oauth_complete(sqz_oauth *o, const sqz_query_param *params, size_t count, sqz_token_info *info, sqz_error *err);

/* A valid access token (new string, sqz_free_secret), refreshed or acquired
 * on demand under the store lock. force = refresh even if it looks fresh
 * (Graph rejected it). */
sqz_status sqz_oauth_access_token(sqz_oauth *o, int force, char **token, sqz_error *err);

/* refresh(force): refreshes when stale (or always when force) and reports. */
sqz_status sqz_oauth_refresh(sqz_oauth *o, int force, sqz_token_info *info, int *refreshed, sqz_error *err);

/* Never fails for "not authorized"; only a Store failure is an error. */
sqz_status sqz_oauth_status(sqz_oauth *o, sqz_token_info *info, sqz_error *err);

sqz_status sqz_oauth_forget(sqz_oauth *o, sqz_error *err);

/* Stores a legacy record: expires already converted to epoch by the host. */
sqz_status sqz_oauth_import(sqz_oauth *o, const char *access_token, const char *refresh_token, sqz_epoch expires_at,
	sqz_token_info *info, sqz_error *err);

void sqz_token_info_clear(sqz_token_info *info);
void sqz_token_record_clear(sqz_token_record *r);

/* Record (de)serialisation, exposed for tests and fuzzing. */
char *sqz_token_record_encode(const sqz_token_record *r);
sqz_status sqz_token_record_decode(const char *data, size_t len, sqz_token_record *r, sqz_error *err);

/* 1 when the record's access token must be renewed at `now`. */
int sqz_token_record_stale(const sqz_token_record *r, sqz_epoch now);

/* Builds the client_assertion JWT (PS256, x5t#S256) for the config's
 * certificate; new string. Exposed for tests. */
char *sqz_oauth_client_assertion(const sqz_config *config, const char *audience, sqz_epoch now, sqz_error *err);

/* PKCE S256 challenge of a verifier; new string. */
char *sqz_oauth_pkce_challenge(const char *verifier);

#endif
