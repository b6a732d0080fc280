/* sqzgraph core: MIME and attachments fetched ahead of the import handlers.
 *
 * Before the handlers of a window of messages run, the importer fetches
 * each message's MIME (GET .../messages/{id}/$value) and its attachment
 * list (GET .../messages/{id}/attachments; see "What is fetched ahead"
 * below for the bytes) through parallel $batch requests (batch.h),
 * decoding every body straight into a private temporary directory
 * (mkdtemp, mode 0700, $TMPDIR or /tmp, named sqzgraph-import-<pid>-XXXXXX):
 * the MIMEs of one window into one file (each message its region of it),
 * decoded attachments (contentBytes) into files of their own. While the run
 * lasts, the mailbox serves saveMime, attachments and saveAttachment of
 * those messages from the files — the same bytes the streamed $value GET
 * gives. The directory is removed when the run ends, on every path; one
 * left by a killed process is removed by the next run that opens one.
 *
 * Threshold: a message whose `size` is above SQZ_PREFETCH_MAX_MESSAGE
 * (2 MiB), or unknown, is not fetched ahead; its handler streams $value as
 * before. With at most 20 members and SQZ_BATCH_BYTES (8 MiB) of expected
 * answer per batch, and SQZ_BATCH_MAX_ANSWER (48 MiB) as the hard cap on
 * one batch answer held in memory, a prefetch never holds more than a few
 * batch answers at once, whatever the mailbox holds. Whatever a member
 * could not deliver (an error, a 429 beyond the retries, a next page of
 * attachments, an item attachment without contentBytes) is simply not
 * served from here: the handler's call goes to Graph as before.
 *
 * While the handlers of one window run, the importer has the next window
 * fetched on a worker thread (sqz_prefetch_start_ahead): the transfer, the
 * JSON and base64 decoding and the file writes overlap the handlers' work
 * instead of following it. The worker touches only what it was given (its
 * own HTTP stack, a copy of the access token, the entries of pf->ahead)
 * and calls nothing of the host; the calling thread joins it before any
 * request of its own that could exceed the mailbox's concurrency.
 *
 * What is fetched ahead (pf->what, the importer's `fetch_ahead` option):
 * SQZ_PREFETCH_MIME and SQZ_PREFETCH_ATTACHMENTS. With both (the default),
 * the attachment list is fetched without contentBytes and each file
 * attachment's bytes are served from its base64 part in the MIME file
 * (mime_parts.h), decoded as the handler reads them: no attachment byte is
 * transferred twice. An attachment whose part cannot be matched to it
 * beyond doubt (its name unique in both lists, as many named parts as file
 * attachments, strict base64) is not served from here: the handler's call
 * streams it from Graph. With SQZ_PREFETCH_ATTACHMENTS alone the list
 * carries contentBytes, decoded into files; with SQZ_PREFETCH_MIME alone
 * the list is not fetched ahead.
 *
 * A member answered 404 marks the message gone (deleted or moved away
 * between the listing and the prefetch): the importer reports it vanished
 * without calling the handler. */
#ifndef SQZ_PREFETCH_H
#define SQZ_PREFETCH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "error.h"
#include "graph.h"
#include "http.h"
#include "log.h"
#include "mailbox.h"

#define SQZ_PREFETCH_MAX_MESSAGE ((int64_t)2 << 20)

/* Window files of MIMEs: at most one per answer in flight (`concurrency`
 * requests share the slots), created only as bodies arrive at once. */
#define SQZ_PREFETCH_LANES (SQZ_CONFIG_CONCURRENCY_MAX + 1)

/* pf->what; 0 means both. */
#define SQZ_PREFETCH_MIME 1u
#define SQZ_PREFETCH_ATTACHMENTS 2u

/* An attachment's base64 part inside the entry's MIME file. */
typedef struct sqz_prefetch_span {
	int64_t start, end;       /* the base64 text; end = 0: none */
	int64_t size;             /* its decoded bytes */
} sqz_prefetch_span;

typedef struct sqz_prefetch_entry {
	char *id;                 /* owned; the message id */
	int gone;                 /* Graph answered 404: the message is no longer there */
	char *mime_path;          /* owned copy of the window's file holding the MIME, NULL when not fetched */
	int64_t mime_off, mime_len; /* the MIME's region of that file */
	int have_attachments;     /* 1 when the whole list was fetched */
	sqz_attachment *atts;     /* owned; the list (have_attachments) */
	size_t att_count;
	char **att_paths;         /* owned; per attachment its bytes' file, or NULL */
	sqz_prefetch_span *att_spans; /* owned; per attachment its part of the MIME file, or NULL */
} sqz_prefetch_entry;

typedef struct sqz_prefetch_job sqz_prefetch_job;

typedef struct sqz_prefetch {
	char *dir;                /* owned; the private directory, NULL until first needed */
	sqz_prefetch_entry *entries;
	size_t count;
	unsigned long serial;     /* file names inside dir */
	unsigned what;            /* SQZ_PREFETCH_MIME | SQZ_PREFETCH_ATTACHMENTS; 0 = both */
	char *window_paths[SQZ_PREFETCH_LANES]; /* owned; the files of the entries' MIMEs (as many as
	                             bodies arrived at once), or NULL */
	pid_t owner;              /* the process that created dir: only it removes files (a
	                             handler may fork; the copy must not empty the parent's) */
	/* The next window, fetched on a worker thread while the handlers of
	 * this one run (sqz_prefetch_start_ahead). */
	struct sqz_prefetch *ahead;      /* owned; NULL until first needed */
	struct sqz_prefetch_job *job;    /* owned; the fetch under way, NULL when none */
	int ahead_ready;                 /* 1 = ahead holds a finished fetch not yet taken */
	sqz_http *http;                  /* owned; the worker's HTTP stack (its own connections) */
	sqz_http *moves_http;            /* owned; the stack of the moves sent beside the fetch */
	pid_t http_owner;                /* the process that created them: a forked copy never closes
	                                    the connections it shares with the parent */
} sqz_prefetch;

/* Fetches msgs[0..n) ahead (those at or under the threshold), replacing
 * the entries held so far (their files are removed). Returns SQZ_OK, or an
 * error for what made the prefetch impossible (the directory, memory);
 * Graph failures only leave entries unserved. */
sqz_status sqz_prefetch_fetch(sqz_prefetch *pf, sqz_mailbox *mb, const sqz_message *msgs, size_t n, sqz_error *err);

/* Starts fetching msgs[0..n) as sqz_prefetch_fetch would, into pf->ahead,
 * on a worker thread, so that the transfer and its decoding overlap the
 * handlers of the messages pf serves now. The thread has its own HTTP
 * stack, the access token of now (no refresh: a member that needs one is
 * simply not served), and no logger: its log lines wait for
 * sqz_prefetch_join_ahead. It calls nothing of the host (no Store, no PHP)
 * and blocks every signal. The entries are prepared (ids, files) on the
 * calling thread before it starts. Returns SQZ_OK, or an error for what
 * kept it from starting (then nothing runs and the caller fetches
 * synchronously). One fetch ahead at a time.
 * before (may be NULL) runs on a second worker thread beside the fetch,
 * with a graph of its own (pf->moves_http) and a logger whose lines are
 * held like the fetch's (the importer's moves of the window before); it
 * must touch nothing the caller uses meanwhile. With before set the
 * worker starts even when nothing is to be fetched.
 * Until the join, every request of the mailbox's graph and of both worker
 * threads takes one of `parallel` slots (slots.h): never more in flight
 * together, and none left idle while one of them has requests waiting. */
typedef void (*sqz_prefetch_before_fn)(void *ctx, sqz_graph *graph, const sqz_logger *logger);
sqz_status sqz_prefetch_start_ahead(sqz_prefetch *pf, sqz_mailbox *mb, const sqz_message *msgs, size_t n, int parallel,
	sqz_prefetch_before_fn before, void *before_ctx, sqz_error *err);

/* Waits until the fetch ahead, if any, has ended; its log lines then go to
 * logger in their order (NULL: dropped). Its entries stay in pf->ahead.
 * Returns 1 after a join, 0 when there was no fetch ahead, -1 when it was
 * another process's (a handler forked): nothing of it ran here. */
int sqz_prefetch_join_ahead(sqz_prefetch *pf, const sqz_logger *logger);

/* The window fetched ahead is not wanted now (the run stops, or the moves
 * failed and are to be sent again from the PHP thread): the fetch is
 * skipped, or stopped if it has begun — no request of it starts any more,
 * the ones in flight are answered (sqz_http_stop) and what they fetched
 * stays in the window — while `before` (the moves) is left to finish. Does
 * not wait; join or cancel after it. A stopped HTTP stack is not used
 * again (the next fetch ahead gets a new one). */
void sqz_prefetch_skip_fetch(sqz_prefetch *pf);

/* Ends the fetch ahead at once (its requests fail, its waits end), waits
 * for the thread and drops what it fetched. */
void sqz_prefetch_cancel_ahead(sqz_prefetch *pf);

/* Drops pf's entries and takes the fetched-ahead ones in their place
 * (joining the fetch first). Returns 1 when a fetch ahead had been
 * started, 0 when there was none (pf is then empty). */
int sqz_prefetch_advance(sqz_prefetch *pf, const sqz_logger *logger);

/* The cache through which a mailbox serves pf's messages: the import run
 * sets mb->cache to it for the run's duration. Its ctx is pf (borrowed):
 * valid as long as pf is. */
sqz_mailbox_cache sqz_prefetch_cache(sqz_prefetch *pf);

/* The prefetch behind a cache that sqz_prefetch_cache gave, or NULL for
 * any other cache (an empty one too). Does not take ownership. */
sqz_prefetch *sqz_prefetch_of(sqz_mailbox_cache cache);

/* The entry of a message id, or NULL. */
const sqz_prefetch_entry *sqz_prefetch_find(const sqz_prefetch *pf, const char *id);

/* Removes every file of the entries and forgets them (the directory stays). */
void sqz_prefetch_drop(sqz_prefetch *pf);

/* Cancels a fetch ahead, removes the entries, their files and the
 * directories, frees the worker's HTTP stack; pf is empty after. */
void sqz_prefetch_clear(sqz_prefetch *pf);

/* Copies len bytes at off of a prefetched file (len -1: to its end) into
 * sink; *bytes = bytes written. *missing = 1 (SQZ_OK, nothing written) when
 * the file is not there any more (a temporary-file cleaner, another
 * process): the caller then asks Graph. */
sqz_status sqz_prefetch_copy(const char *path, int64_t off, int64_t len, sqz_sink *sink, int64_t *bytes, int *missing, sqz_error *err);

/* Copies an entry's attachment list (*list owned by the caller, each
 * cleared with sqz_attachment_clear, then sqz_free). */
sqz_status sqz_prefetch_attachments(const sqz_prefetch_entry *e, sqz_attachment **list, size_t *count, sqz_error *err);

#endif
