/* sqzgraph core, private to the importer: where a message is, its Error
 * category, and the moves — queued on the run, sent in $batch requests
 * from the PHP thread or handed to the prefetch worker with the window it
 * fetches ahead, and recorded (journal, report) at the join.
 *
 * Only importer.c and import_moves.c include this header. Every function
 * here runs on the PHP thread; what the worker runs (the moves handed to
 * it) reads a copy of the moves and the folder ids, never the run. */
#ifndef SQZ_IMPORT_MOVES_H
#define SQZ_IMPORT_MOVES_H

#include "import_state.h"

/* Where is message id now? 1 = found (*parent set, owned; *found filled
 * when given, cleared by the caller with sqz_message_clear), 0 = gone, -1 =
 * error (e filled). */
int sqz_import_locate(sqz_mailbox *mb, sqz_graph *graph, const char *id, char **parent, sqz_message *found, sqz_error *e);

/* Sets the Outlook category "<error_category>: <reason>" on message id,
 * keeping its other categories. Best effort: a failure is logged. */
void sqz_import_set_category(sqz_import_run *r, const char *id, const char *reason);

/* Queues the move of m (copied) to Exported or Error (to_error); located =
 * 1 when the message was just found in the Inbox. Sends the queue when it
 * is full. */
void sqz_import_moves_queue(sqz_import_run *r, const sqz_message *m, const char *outcome, const char *reason, int to_error,
	int located, double started);

/* Joins the worker's moves, then sends the queued ones and records their
 * outcomes: not when the run may not send, nor before the journal holds
 * their verdicts (they stay queued). */
void sqz_import_moves_flush(sqz_import_run *r);

/* Journal "failed" for m (in memory), then the queued move to Error. */
void sqz_import_fail_message(sqz_import_run *r, const sqz_message *m, const char *reason, double started);

/* Starts the fetch ahead of msgs[0..n) (sqz_prefetch_start_ahead, at most
 * `parallel` batches in flight) with the queued moves riding on the
 * worker: they leave the queue for r->moving. msgs is read before it
 * returns. On failure nothing started and the moves stay queued. */
sqz_status sqz_import_start_ahead(sqz_import_run *r, const sqz_message *msgs, size_t n, int parallel, sqz_error *err);

/* 1 when the worker has sent its moves and one of them failed. */
int sqz_import_moves_ahead_failed(const sqz_import_run *r);

/* Waits for the fetch ahead, then records the outcomes of the moves it
 * sent (sent again from here first when the worker's failed): before any
 * other request of the run, so the mailbox never sees more than
 * `concurrency` requests at once. */
void sqz_import_join_ahead(sqz_import_run *r);

/* Forgets the worker's moves without recording them (a cancelled or
 * another process's worker): the journal still has them, and the next run
 * finds out where each message is. Only after the worker is joined. */
void sqz_import_drop_moving(sqz_import_run *r);

/* Forgets the moves still queued (the run ends without sending them):
 * their journal entries make the next run finish them. */
void sqz_import_moves_discard(sqz_import_run *r);

#endif
