/* sqzgraph core, private to the importer: the state of one import run —
 * the journal in memory and its writes, the failure accounting, the log
 * lines and the report items.
 *
 * Only the importer's own files include this header (importer.c,
 * import_moves.{h,c}, import_state.c); nothing here is API. The layers
 * under it: importer.c (options, messages, resume, windows, the run)
 * calls import_moves.c (locate, categories, moves, the worker's moves),
 * and both call this file, which calls neither.
 *
 * Every function runs on the calling (PHP) thread: the prefetch worker
 * never touches a sqz_import_run (import_moves.h says what it reads instead). */
#ifndef SQZ_IMPORT_STATE_H
#define SQZ_IMPORT_STATE_H

#include <string.h>

#include "batch.h"
#include "importer.h"
#include "json.h"
#include "prefetch.h"

#define THROTTLE_KEY "import.throttled"
/* Moves wait until this many are queued (or the run ends a page). Two
 * windows (importer.c): a window's moves go to the prefetch worker with
 * the next window's fetch, and may wait for the worker's previous set; a
 * full queue is sent at once on the PHP thread, the handlers waiting for
 * it (1000 messages at 20 ms: 38-43 round trips with two windows, 39-45
 * with 120). */
#define MOVE_BATCH (SQZ_BATCH_MAX * 10)

#define VANISHED_GONE "the message was moved or deleted by someone else"
#define VANISHED_ELSEWHERE "the message was moved to another folder by someone else"

/* A message whose verdict is in the journal and whose move is queued. */
typedef struct sqz_import_move {
	sqz_message msg;            /* owned copy: what the report, the log and $progress see */
	const char *outcome;        /* what the message becomes once moved */
	char *reason;               /* owned */
	int to_error;
	int located;                /* 1 = found in the Inbox just now (resume): no need to ask again */
	int failed;                 /* set by the moves: deferred because Graph failed (check or move) */
	double started;
} sqz_import_move;

struct sqz_import_move_set;

typedef struct sqz_import_run {
	sqz_importer *im;
	const sqz_importer_host *host;
	sqz_import_report *report;
	json_object *journal;       /* owned; {"v":1,"entries":{id:{...}}} */
	json_object *entries;       /* borrowed from journal */
	sqz_buf journal_text;       /* the journal's text as last written (import_state.c) */
	sqz_folder inbox, exported, error;
	int transient_streak;
	int stop;   /* 1 = stop taking messages */
	int host_failed;
	sqz_status fatal;           /* an error that ends the run with an exception */
	sqz_error fatal_error;
	sqz_import_move moves[MOVE_BATCH];
	size_t move_count;
	int64_t done;
	int64_t total;
	int listing;                /* 1 once the Inbox is listed (after the journal) */
	sqz_prefetch *pf;           /* owned; what the mailbox serves to this run's handlers */
	int64_t left_inbox;         /* listed messages that have left the Inbox since */
	int journal_dirty;          /* a verdict is in journal but not yet in the Store */
	int journal_appended;       /* written with put_often since the last plain put */
	struct sqz_import_move_set *moving; /* owned; moves the prefetch worker sends, finished at its join */
} sqz_import_run;

static inline int sqz_import_is_transient(const sqz_error *e)
{
	return e->status == SQZ_E_TRANSPORT
		|| (e->status == SQZ_E_GRAPH && (e->http_status == 429 || e->http_status >= 500 || e->http_status == 0));
}

static inline int sqz_import_is_vanished(const sqz_error *e)
{
	return e->status == SQZ_E_GRAPH && e->http_status == 404;
}

/* May the run still send requests? Not after a throttle verdict, a fatal
 * error or a host failure. */
static inline int sqz_import_may_send(const sqz_import_run *r)
{
	return !r->host_failed && !r->fatal && !(r->report->aborted && strcmp(r->report->aborted, "throttled") == 0);
}

/* fmt with one %s (detail, "error" when NULL), as a new string (sqz_free). */
char *sqz_import_reason(const char *fmt, const char *detail);

/* A log line to the host's logger, unless the host is failing. The journal
 * is settled first: a logger is userland code and may exit(). */
void sqz_import_log(sqz_import_run *r, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n);

/* The host's logger for the prefetch's log lines, or NULL while the host
 * is failing (no PHP may run then). Borrowed. */
const sqz_logger *sqz_import_prefetch_logger(sqz_import_run *r);

/* Reads the journal from the Store into r (r->journal owned by r, freed by
 * the run), or a new empty one. An unreadable journal is an error. */
sqz_status sqz_import_journal_load(sqz_import_run *r, sqz_error *err);

/* Writes r->journal to the Store now. */
sqz_status sqz_import_journal_save(sqz_import_run *r, sqz_error *err);

/* The run's last write, a plain put of the journal when the run wrote it
 * with put_often (nothing otherwise). Its failure is only logged: what the
 * run appended is durable already. */
void sqz_import_journal_close(sqz_import_run *r);

/* Writes the verdicts noted since the last write, if any (see
 * sqz_import_journal_note); a failure is the run's fatal error. */
void sqz_import_journal_settle(sqz_import_run *r);

/* The journal entry of a message id, or NULL (borrowed from r->journal,
 * until the entry is replaced or dropped). NULL with r->fatal set when the
 * entry exists but memory ran out reading it: the caller must not take the
 * message for one without an entry. */
json_object *sqz_import_journal_entry(sqz_import_run *r, const char *id);

/* Puts an entry in memory only (m may be NULL: the subject stays what the
 * entry had); sqz_import_journal_settle writes it. Copies the strings. */
void sqz_import_journal_note(sqz_import_run *r, const sqz_message *m, const char *id, const char *state, int attempts,
	const char *reason);

/* sqz_import_journal_note, then the write. */
sqz_status sqz_import_journal_set(sqz_import_run *r, const sqz_message *m, const char *id, const char *state, int attempts,
	const char *reason, sqz_error *err);

/* Removes an entry and writes the journal. */
sqz_status sqz_import_journal_drop(sqz_import_run *r, const char *id, sqz_error *err);

/* Adds a report item (copies of m's id and subject and of reason; outcome
 * is static), counts it, logs it and tells the host's progress callback. */
void sqz_import_add_item(sqz_import_run *r, const sqz_message *m, const char *outcome, const char *reason, double started);

/* Notes a per-message Graph failure: throttled and fatal ones stop the
 * run; transient ones count toward the abort streak. A fatal error is
 * taken from e into r (e is then empty). Returns 1 when the run must stop. */
int sqz_import_note_failure(sqz_import_run *r, sqz_error *e);

/* sqz_import_note_failure for `count` messages that failed the same way (a
 * move set): a transient failure counts once per message toward the abort
 * streak. */
int sqz_import_note_failures(sqz_import_run *r, sqz_error *e, size_t count);

#endif
