/* sqzgraph core: the connection test an administrator runs after set-up
 * (Mailbox::testConnection()) — token, mailbox, clock, the three folders,
 * permissions. The verdicts and the sentences are product logic and live
 * here; the host only renders the report (the binding: PHP arrays).
 *
 * Every check has a name, a verdict and a sentence for a person, plus the
 * fields a few checks add (the clock's skew and hint, a folder's id and
 * path, or the names closest to a folder that was not found). */
#ifndef SQZ_CONNECTION_TEST_H
#define SQZ_CONNECTION_TEST_H

#include <stddef.h>

#include "clock.h"
#include "error.h"
#include "mailbox.h"
#include "oauth.h"

typedef struct sqz_connection_check {
	char *name;             /* "token", "mailbox", "clock", "folder.inbox", ..., "permissions" */
	int ok;
	char *detail;           /* never NULL in a filled report */
	char *hint;             /* NULL, or what to do about a failure */
	int has_skew;           /* clock only, when Graph sent a usable Date */
	long skew;              /* this server's clock minus Graph's, seconds */
	char *id;               /* folder checks that passed: the folder found */
	char *path;
	char **candidates;      /* folder checks that failed: the closest names */
	size_t candidate_count;
} sqz_connection_check;

/* Every string and array inside is owned by the report:
 * sqz_connection_report_clear() frees them all. */
typedef struct sqz_connection_report {
	int ok;   /* every check passed */
	sqz_connection_check *checks;   /* in the order they were made */
	size_t count;
	size_t cap;
	int nomem;              /* an append ran out of memory (checks are missing) */
} sqz_connection_report;

/* An empty report whose verdict is "ok" until a failed check is added. */
void sqz_connection_report_init(sqz_connection_report *r);
/* Frees what the report holds and leaves it empty (init state). */
void sqz_connection_report_clear(sqz_connection_report *r);

/* Appends a check (name and detail copied; a failed check makes r->ok 0).
 * Returns the new entry, borrowed from r until the next append or clear,
 * for the caller to set the extra fields (with sqz_strdup'ed strings the
 * report then owns); NULL when memory ran out (r->nomem is then set). */
sqz_connection_check *sqz_connection_report_add(sqz_connection_report *r, const char *name, int ok, const char *detail);

/* The report when no access token could be had: the token check failed
 * with why (NULL: "no token"), every other check "not checked". */
void sqz_connection_report_no_token(sqz_connection_report *r, const char *why);

/* Appends the clock check from the Date header of a Graph answer (NULL or
 * unparsable: failed) seen at now: more than 60 s apart fails with a hint
 * (token expiry decisions depend on the clock). */
void sqz_connection_test_clock(sqz_connection_report *r, const char *date_header, sqz_epoch now);

/* The app-only token's roles, space-separated, when the token is a readable
 * JWT with a "roles" array (Graph tokens are opaque by contract: this is a
 * diagnostic only). A new string (sqz_free), or NULL when not readable. */
char *sqz_connection_test_token_roles(const char *token);

/* Whether the space-separated list holds word as a whole entry (an entry
 * may also end in "/word", the form of a full scope URL). list may be NULL. */
int sqz_connection_test_has_word(const char *list, const char *word);

/* The application flow's permission verdict. roles: the token's roles
 * (NULL: not readable); read_ok 1/0; write_ok 1 ok, 0 failed, -1 not
 * checked. Mail.ReadWrite in the roles grants; another Mail.* role (the
 * Entra permission model is in use) without it does not; no Mail.* role
 * at all is how Exchange RBAC for Applications looks (it grants inside
 * Exchange, nothing in the token), so the mailbox's own answers decide.
 * *note (static text, may be NULL) says which case it was. 1 = granted. */
int sqz_connection_test_app_permission(const char *roles, int read_ok, int write_ok, const char **note);

/* Runs the whole test against Graph and fills r (initialised here; the
 * caller clears it whatever the result). oauth and mb are borrowed; mb's
 * graph is the one used. host_failed(host_ctx) (may be NULL) is asked after
 * each step that can run host callbacks (token source, a userland Store,
 * a logger): when it says the host failed, the test stops.
 * SQZ_OK: r holds every check (failures are verdicts, not errors).
 * SQZ_E_CALLBACK: the host failed; r is empty and err says so.
 * SQZ_E_NOMEM: memory ran out; r is incomplete. */
sqz_status sqz_connection_test_run(sqz_oauth *oauth, sqz_mailbox *mb, int (*host_failed)(void *ctx), void *host_ctx,
	sqz_connection_report *r, sqz_error *err);

#endif
