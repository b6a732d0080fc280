/* sqzgraph core: one error type for every core function.
 *
 * A core function that can fail takes a `sqz_error *err` last and returns
 * an sqz_status (or NULL/-1 with err filled). The PHP binding turns the
 * error into exactly one exception class in src/php/errors.c; nothing else
 * decides which class is thrown. Messages are written for an administrator:
 * what failed, why, what to do. They never contain a secret or token. */
#ifndef SQZ_ERROR_H
#define SQZ_ERROR_H

#include <stddef.h>

typedef enum sqz_status {
	SQZ_OK = 0,
	SQZ_E_NOMEM,              /* allocation failed */
	SQZ_E_CONFIG,             /* ConfigException: `key` names the option */
	SQZ_E_STORE,              /* StoreException */
	SQZ_E_TRANSPORT,          /* TransportException: network, TLS, timeout; `curl_code` */
	SQZ_E_GRAPH,              /* GraphException: `http_status`, `graph_code`, `request_id` */
	SQZ_E_THROTTLED,          /* ThrottledException: as GRAPH plus `retry_after` */
	SQZ_E_AUTHORIZATION,      /* AuthorizationException: `oauth_error`, `error_code`, `description` */
	SQZ_E_REAUTHENTICATE,     /* ReauthenticationRequiredException: as AUTHORIZATION plus `reason` */
	SQZ_E_FOLDER_NOT_FOUND,   /* FolderNotFoundException: `candidates` = closest names */
	SQZ_E_FOLDER_AMBIGUOUS,   /* AmbiguousFolderException: `candidates` = every matching path */
	SQZ_E_CALLBACK,           /* a host callback (userland Store, logger) failed; the host
	                             already holds its own error (a pending PHP exception) */
	SQZ_E_INTERNAL            /* a bug or an impossible library state */
} sqz_status;

typedef struct sqz_error {
	sqz_status status;
	char *message;            /* owned; administrator-readable */
	char *key;                /* owned; config key or store key concerned */
	long http_status;         /* 0 when there was no HTTP response */
	char *graph_code;         /* owned; Graph `error.code` */
	char *request_id;         /* owned; Graph `request-id` */
	long curl_code;           /* CURLcode, 0 when not a transport error */
	double retry_after;       /* seconds the server asked us to wait, 0 if none */
	char *oauth_error;        /* owned; OAuth `error` (invalid_grant, access_denied, ...) */
	char *error_code;         /* owned; e.g. "AADSTS70008" */
	char *description;        /* owned; OAuth `error_description`, secrets never inside */
	char *reason;             /* owned; reauthentication reason (configuration_changed, ...) */
	char **candidates;        /* owned; folder paths for the folder errors */
	size_t candidate_count;
} sqz_error;

#define SQZ_ERROR_INIT { SQZ_OK, NULL, NULL, 0, NULL, NULL, 0, 0.0, NULL, NULL, NULL, NULL, NULL, 0 }

/* Fills err (after clearing what it held) with a status and a printf-style
 * message; returns the status so that `return sqz_error_set(...)` reads well.
 * err may be NULL (the error is then dropped). On allocation failure the
 * message is a static fallback and the status stays. */
sqz_status sqz_error_set(sqz_error *err, sqz_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefixes the current message: "<prefix>: <old message>". */
void sqz_error_prefix(sqz_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Replaces the message with `message`, which err now owns (NULL keeps the
 * old one). */
void sqz_error_take_message(sqz_error *err, char *message);

/* Setters for the owned fields; each copies its argument (NULL clears). */
void sqz_error_set_key(sqz_error *err, const char *key);
void sqz_error_set_graph(sqz_error *err, long http_status, const char *graph_code, const char *request_id);
void sqz_error_set_oauth(sqz_error *err, const char *oauth_error, const char *error_code, const char *description);
void sqz_error_set_reason(sqz_error *err, const char *reason);
int sqz_error_add_candidate(sqz_error *err, const char *candidate);

/* Moves src into dst (dst cleared first, src left empty). */
void sqz_error_move(sqz_error *dst, sqz_error *src);

/* Deep copy of src into dst (dst cleared first); on allocation failure
 * dst keeps the status with a static message. */
void sqz_error_copy(sqz_error *dst, const sqz_error *src);

/* Frees what err holds and resets it to SQZ_OK. */
void sqz_error_clear(sqz_error *err);

const char *sqz_status_name(sqz_status status);

#endif
