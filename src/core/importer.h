/* sqzgraph core: the import job — Inbox → Exported / Error, never losing
 * or duplicating mail.
 *
 * The journal (Store key "import.journal", one JSON record) holds every
 * message the job has touched but not yet finished, by immutable id:
 *   started  (attempts n)   written BEFORE the handler is called
 *   imported                written after the handler succeeded, BEFORE the move
 *   failed   (reason)       written after a failure, BEFORE the category and the move
 * Entries disappear once their messages are in their destination folder
 * (one write per batch of moves). A run first finishes what the journal
 * says (resumed: a move, never the handler again), then takes the Inbox
 * oldest first. A handler call that ends in RetryLaterException, a
 * transient failure or a failure that is not the message's (SQZ_HANDLER_STOP)
 * restores the entry as it was (crashes counted before stay counted). An
 * entry whose message Graph cannot place is kept, never guessed away.
 * The one window the journal cannot close: a crash after the handler
 * returned and before "imported" is durable runs that handler again.
 *
 * Moves go out in $batch requests of up to 20, preceded by one $batch that
 * asks where each message is: one still in the Inbox is moved; one a person
 * moved elsewhere or deleted meanwhile is "vanished" (never pulled back);
 * a move answered 404 although the message is in the Inbox means the
 * destination folder is gone: the entry stays, the next run resolves the
 * folders again and finishes the move. A message whose handler was
 * started max_attempts times without finishing (the process died each
 * time) goes to Error as "poison". Ids are immutable (Prefer:
 * IdType="ImmutableId"), so a journal entry still names its message after
 * a move, and asking Graph where a message is (parentFolderId) tells
 * whether a move already happened.
 *
 * Paging: the next page of the Inbox starts after the listed messages that
 * are still in it ($skip is an offset: the moves would shift it).
 *
 * One run per mailbox at a time: the Store lock "import:<fingerprint>",
 * tried without waiting, and no second run of the same mailbox on the same
 * thread (a Store lock may be re-entrant for its holder: a run started from
 * a handler would import the same mail again). A 429 beyond max_retry_wait stores
 * "import.throttled" = until when; a run before then returns at once. */
#ifndef SQZ_IMPORTER_H
#define SQZ_IMPORTER_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "error.h"
#include "log.h"
#include "mailbox.h"
#include "store.h"

typedef enum sqz_handler_result {
	SQZ_HANDLER_OK,          /* imported: move to Exported */
	SQZ_HANDLER_FAILED,      /* move to Error with the reason */
	SQZ_HANDLER_RETRY,       /* RetryLaterException: leave it in the Inbox */
	SQZ_HANDLER_TRANSIENT,   /* the handler hit a transient Graph/network failure: deferred */
	SQZ_HANDLER_ABORT,       /* the host must stop now (exit(), a fatal host error) */
	SQZ_HANDLER_STOP         /* the handler failed for a reason that is not the message's (the grant
	                          * is gone, the Store fails, access denied): the message stays as it
	                          * was, no attempt counts, the run ends (the host reports the error) */
} sqz_handler_result;

typedef struct sqz_import_options {
	int64_t max_messages;          /* 500 */
	int require_attachments;       /* 0 */
	char **attachment_types;       /* MIME types ("application/pdf", "image/ *" wildcards) or extensions ("pdf"); NULL = any */
	size_t attachment_type_count;
	int include_inline;            /* 0 */
	int64_t max_message_size;      /* bytes, 0 = no limit */
	int max_attempts;              /* 3 */
	const char *error_category;    /* "Import failed"; NULL = no category */
	unsigned fetch_ahead;          /* SQZ_FETCH_AHEAD_MIME | SQZ_FETCH_AHEAD_ATTACHMENTS (both); 0 = nothing
	                                * is fetched ahead, the handlers stream what they read */
} sqz_import_options;

/* What the handlers will read (the `fetch_ahead` option): the prefetch's
 * SQZ_PREFETCH_MIME and SQZ_PREFETCH_ATTACHMENTS. */
#define SQZ_FETCH_AHEAD_MIME 1u
#define SQZ_FETCH_AHEAD_ATTACHMENTS 2u

typedef struct sqz_import_item {
	char *id;
	char *subject;
	const char *outcome;           /* "imported", "failed", "deferred", "vanished", "resumed" (static) */
	char *reason;
} sqz_import_item;

typedef struct sqz_import_report {
	int64_t imported, failed, deferred, vanished, resumed;
	int locked;
	const char *aborted;           /* NULL, "throttled", "unavailable" (static) */
	double seconds;
	int64_t throttled_until;       /* epoch, when aborted = throttled */
	sqz_import_item *items;
	size_t item_count;
} sqz_import_report;

typedef struct sqz_importer_host {
	/* The handler for one message; *reason (sqz_malloc'd) explains a failure.
	 * For SQZ_HANDLER_TRANSIENT the host may describe the Graph failure in
	 * *failure (status, http_status, retry_after): a 429 whose Retry-After
	 * exceeded max_retry_wait ends the run as "throttled" like one of the
	 * importer's own requests would. */
	sqz_handler_result (*handle)(void *ctx, const sqz_message *m, char **reason, sqz_error *failure);
	/* After every message; returns 0, or -1 to stop (a pending host error). */
	int (*progress)(void *ctx, int64_t done, int64_t total, const sqz_message *m, const char *outcome);
	void *ctx;
	const sqz_logger *logger;
	/* 1 when the host has an error pending (an exception): stop at once. */
	int (*failed)(void *ctx);
	/* Optional (NULL = none): before the run downloads a window of messages
	 * it had not fetched ahead (the first window of each Inbox page), so
	 * that a host can say what the wait is for before the first message is
	 * done. count = the messages of the window the run will take; done and
	 * total as progress gets them (total -1 = unknown). Returns 0, or -1 to
	 * stop (a pending host error). */
	int (*fetching)(void *ctx, int64_t count, int64_t done, int64_t total);
	/* Optional (NULL = the report keeps them in items): each message's
	 * line of the report as it is settled, on the calling thread, the
	 * strings borrowed for the call. A host that builds its own list this
	 * way spares the run a copy of every line until the end. */
	void (*item)(void *ctx, const sqz_import_item *item);
} sqz_importer_host;

typedef struct sqz_importer {
	sqz_mailbox *mailbox;          /* borrowed */
	sqz_store store;               /* borrowed vtable */
	const sqz_config *config;      /* borrowed */
	char fingerprint[65];
	sqz_import_options options;    /* copied pointers are borrowed */
} sqz_importer;

void sqz_import_options_defaults(sqz_import_options *o);

sqz_status sqz_importer_init(sqz_importer *im, sqz_mailbox *mailbox, sqz_store store, const sqz_config *config,
	const sqz_import_options *options, sqz_error *err);

/* Runs once. SQZ_OK with the report filled (locked / aborted runs too);
 * an error for what stops a run before any message (folder resolution,
 * authorization, the Store) or a host failure (SQZ_E_CALLBACK). The report
 * is valid (and must be cleared) in both cases. */
sqz_status sqz_importer_run(sqz_importer *im, const sqz_importer_host *host, sqz_import_report *report, sqz_error *err);

void sqz_import_report_clear(sqz_import_report *r);

/* A run started on a thread that is already running one for the same
 * mailbox (from inside a handler or callback) reports locked: a Store lock
 * may be re-entrant for its holder. A host whose callbacks can leave
 * sqz_importer_run() by unwinding the C stack (PHP's bailout on a fatal
 * error) takes the mark before the run and restores it after the unwind. */
void *sqz_importer_active_mark(void);
void sqz_importer_active_restore(void *mark);
/* After such an unwind: removes the run's prefetched files and their
 * temporary directory, and gives mb back the cache it had before the run
 * (`outer`, read from mb->cache before the run). */
void sqz_importer_abandon(sqz_mailbox *mb, sqz_mailbox_cache outer);

/* 1 when name/content_type qualifies under options (exposed for tests). */
int sqz_importer_type_matches(const sqz_import_options *o, const char *name, const char *content_type);

#endif
