/* The import run (importer.h): its options, the step of one message, the
 * resume of what the journal holds, the windows fetched ahead and the run
 * itself. The run's state is import_state.c's, the moves import_moves.c's. */
#include "importer.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"
#include "gunzip.h"
#include "import_moves.h"
#include "import_state.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Messages fetched ahead at once: their MIME and attachment-list GETs fill
 * ten batches of 20; with the window before's location listing and five
 * batches of moves the worker's two threads send sixteen requests on the
 * mailbox's four slots, four full rounds (1000 messages at 20 ms: 38-43
 * sequential round trips; 45-51 with windows of 60, whose ten requests
 * leave a round half empty). A bounded window also bounds the temporary
 * files. */
#define PREFETCH_WINDOW (SQZ_BATCH_MAX * 5)
/* Graph's largest $top for a message listing (GRAPH-FACTS §4.3): each
 * page is a sequential round trip, and with $select a page of 1000 stays
 * well under a megabyte. */
#define LIST_PAGE_MAX 1000

void sqz_import_options_defaults(sqz_import_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_messages = 500;
	o->max_attempts = 3;
	o->error_category = "Import failed";
	o->fetch_ahead = SQZ_FETCH_AHEAD_MIME | SQZ_FETCH_AHEAD_ATTACHMENTS;
}

sqz_status sqz_importer_init(sqz_importer *im, sqz_mailbox *mailbox, sqz_store store, const sqz_config *config,
	const sqz_import_options *options, sqz_error *err)
{
	memset(im, 0, sizeof *im);
	im->mailbox = mailbox;
	im->store = store;
	im->config = config;
	im->options = *options;
	if (sqz_config_fingerprint(config, im->fingerprint) != 0) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "cannot compute the configuration fingerprint");
	}
	return SQZ_OK;
}

void sqz_import_report_clear(sqz_import_report *r)
{
	for (size_t i = 0; i < r->item_count; i++) {
		sqz_free(r->items[i].id);
		sqz_free(r->items[i].subject);
		sqz_free(r->items[i].reason);
	}
	sqz_free(r->items);
	memset(r, 0, sizeof *r);
}

int sqz_importer_type_matches(const sqz_import_options *o, const char *name, const char *content_type)
{
	if (o->attachment_type_count == 0) {
		return 1;
	}
	const char *dot = name ? strrchr(name, '.') : NULL;
	for (size_t i = 0; i < o->attachment_type_count; i++) {
		const char *t = o->attachment_types[i];
		if (strchr(t, '/')) {
			size_t n = strlen(t);
			if (content_type && (strcasecmp(t, content_type) == 0 || (n > 2 && strcmp(t + n - 2, "/*") == 0 && strncasecmp(t, content_type, n - 1) == 0))) {
				return 1;
			}
		} else if (dot && strcasecmp(t[0] == '.' ? t + 1 : t, dot + 1) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Tells the host that the run now downloads count messages it had not
 * fetched ahead: the wait before the next progress call is for them. */
static void announce_fetch(sqz_import_run *r, int64_t count)
{
	if (!r->host->fetching || count <= 0) {
		return;
	}
	sqz_import_journal_settle(r);    /* the host's callback is userland: it may exit() */
	if (r->host->fetching(r->host->ctx, count, r->done, r->total) != 0) {
		r->stop = 1;
		r->host_failed = 1;
	}
}

/* Does the message have an attachment the options accept? -1 on a Graph
 * failure (e filled). */
static int has_qualifying_attachment(sqz_import_run *r, const sqz_message *m, sqz_error *e)
{
	sqz_attachment *list = NULL;
	size_t count = 0;
	if (!m->has_attachments && r->im->options.include_inline == 0) {
		/* Graph's hasAttachments ignores inline parts; nothing to look at. */
		return 0;
	}
	sqz_import_journal_settle(r);    /* before a request to Graph */
	if (sqz_mailbox_attachments(r->im->mailbox, m->id, &list, &count, e) != SQZ_OK) {
		return -1;
	}
	int found = 0;
	for (size_t i = 0; i < count; i++) {
		const sqz_attachment *a = &list[i];
		if (a->kind == SQZ_ATTACHMENT_REFERENCE || (a->is_inline && !r->im->options.include_inline)) {
			continue;
		}
		if (sqz_importer_type_matches(&r->im->options, a->name, a->content_type)) {
			found = 1;
		}
	}
	for (size_t i = 0; i < count; i++) {
		sqz_attachment_clear(&list[i]);
	}
	sqz_free(list);
	return found;
}

enum { RES_DEFERRED,
	RES_VANISHED,
	RES_DONE,
	RES_MOVE,
	RES_MAIN };

typedef struct resume_step {
	sqz_message msg;            /* from Graph when found, else id + what the journal knows */
	int action;
	int to_error;
	char *reason;               /* the journal's (failed) */
	char *why;                  /* deferred / vanished */
	double started;
} resume_step;

/* Where the message of one journal entry is, and what that makes of it
 * (s->action). A resumed move counts in *moved_from_inbox. */
static void resume_locate(sqz_import_run *r, resume_step *s, int64_t *moved_from_inbox)
{
	json_object *entry = sqz_import_journal_entry(r, s->msg.id);
	s->started = sqz_clock_monotonic();
	if (!entry && r->fatal) {
		s->action = RES_DEFERRED;    /* the entry stays for the next run */
		s->why = sqz_strdup("could not read its import journal entry: out of memory");
		return;
	}
	const char *state = sqz_json_string(entry, "state");
	int finished = state && (strcmp(state, "imported") == 0 || strcmp(state, "failed") == 0);
	s->to_error = state && strcmp(state, "failed") == 0;
	s->reason = sqz_strdup(sqz_json_string(entry, "reason"));
	char *parent = NULL;
	sqz_error e = SQZ_ERROR_INIT;
	sqz_message found;
	int where = sqz_import_locate(r->im->mailbox, r->im->mailbox->graph, s->msg.id, &parent, &found, &e);
	if (where > 0 && found.id) {
		sqz_message_clear(&s->msg);
		s->msg = found;
	} else {
		if (where > 0) {
			sqz_message_clear(&found);
		}
		s->msg.subject = sqz_strdup(sqz_json_string(entry, "subject") ? sqz_json_string(entry, "subject") : "");
		s->msg.internet_message_id = sqz_strdup(sqz_json_string(entry, "internet_message_id"));
		s->msg.size = -1;
	}
	const char *dest = s->to_error ? r->error.id : r->exported.id;
	if (where < 0) {
		s->action = RES_DEFERRED;
		s->why = sqz_import_reason("could not check the message: %s", e.message);
		sqz_import_note_failure(r, &e);
	} else if (where == 0) {
		s->action = RES_VANISHED;
		s->why = sqz_strdup(VANISHED_GONE);
	} else if (finished && !parent) {
		s->action = RES_DEFERRED;    /* never guess: the entry stays */
		s->why = sqz_strdup("could not check the message: Graph did not say where it is");
	} else if (finished && strcmp(parent, dest) == 0) {
		s->action = RES_DONE;    /* the move happened; only the journal update was lost */
	} else if (finished && parent && strcmp(parent, r->inbox.id) == 0) {
		s->action = RES_MOVE;
		(*moved_from_inbox)++;
	} else if (finished) {
		s->action = RES_VANISHED;    /* someone moved it elsewhere by hand: respect that */
		s->why = sqz_strdup(VANISHED_ELSEWHERE);
	} else if (!parent || strcmp(parent, r->inbox.id) != 0) {
		s->action = RES_VANISHED;    /* a started entry whose message left the Inbox without us */
		s->why = sqz_strdup("the message left the Inbox during an interrupted import");
	} else {
		s->action = RES_MAIN;    /* a "started" entry in the Inbox: the main loop takes it */
	}
	sqz_error_clear(&e);
	sqz_free(parent);
}

/* Records one located entry: its report item, its journal entry, its
 * queued move. */
static void resume_record(sqz_import_run *r, resume_step *s)
{
	sqz_error je = SQZ_ERROR_INIT;
	switch (s->action) {
	case RES_DEFERRED:
		sqz_import_add_item(r, &s->msg, "deferred", s->why, s->started);
		break;
	case RES_VANISHED:
	case RES_DONE:
		if (sqz_import_journal_drop(r, s->msg.id, &je) != SQZ_OK) {
			sqz_import_note_failure(r, &je);
		}
		sqz_import_add_item(r, &s->msg, s->action == RES_DONE ? "resumed" : "vanished",
			s->action == RES_DONE ? (s->to_error ? s->reason : NULL) : s->why, s->started);
		break;
	case RES_MOVE:
		if (sqz_import_may_send(r)) {
			if (s->to_error) {
				sqz_import_set_category(r, s->msg.id, s->reason ? s->reason : "failed");
			}
			sqz_import_moves_queue(r, &s->msg, "resumed", s->to_error ? s->reason : NULL, s->to_error, 1, s->started);
		}
		break;
	default:
		break;
	}
	sqz_error_clear(&je);
}

/* Finishes what an earlier run left in the journal: first finds every
 * entry's message (so that the total $progress sees is right), then
 * records and moves. */
static void resume_journal(sqz_import_run *r)
{
	size_t n = (size_t)json_object_object_length(r->entries), k = 0;
	int64_t cap = r->im->options.max_messages;
	int64_t rest = r->inbox.total_count < cap ? r->inbox.total_count : cap;
	r->total = rest + (int64_t)n;
	if (n == 0) {
		return;
	}
	resume_step *steps = sqz_calloc(n, sizeof *steps);
	if (!steps) {
		return;
	}
	json_object_object_foreach(r->entries, key, val) {
		(void)val;
		if (k < n) {
			steps[k++].msg.id = sqz_strdup(key);
		}
	}
	size_t located = 0, items = 0;
	int64_t moved_from_inbox = 0;
	for (; located < k && !r->stop; located++) {
		resume_locate(r, &steps[located], &moved_from_inbox);
		items += steps[located].action != RES_MAIN;
	}
	/* Resumed moves leave the Inbox before it is listed. */
	int64_t left = r->inbox.total_count - moved_from_inbox;
	r->total = (int64_t)items + (left < 0 ? 0 : left < cap ? left
							       : cap);

	for (size_t i = 0; i < located; i++) {
		resume_record(r, &steps[i]);
	}
	for (size_t i = 0; i < k; i++) {
		sqz_message_clear(&steps[i].msg);
		sqz_free(steps[i].reason);
		sqz_free(steps[i].why);
	}
	sqz_free(steps);
	if (sqz_import_may_send(r)) {
		sqz_import_moves_flush(r);
	}
}

/* What settles a message without its handler: gone since the listing,
 * poison, too large, no attachment the options accept. Returns 1 when it
 * did (the report has the item or the move is queued). */
static int screen(sqz_import_run *r, const sqz_message *m, json_object *entry, const char *state, int64_t attempts,
	double started)
{
	const sqz_import_options *o = &r->im->options;
	const sqz_prefetch_entry *pe = sqz_prefetch_find(r->pf, m->id);
	if (pe && pe->gone) {
		/* Deleted or moved away between the listing and the prefetch. */
		sqz_error e = SQZ_ERROR_INIT;
		if (entry && sqz_import_journal_drop(r, m->id, &e) != SQZ_OK) {
			sqz_import_note_failure(r, &e);
		}
		sqz_error_clear(&e);
		sqz_import_add_item(r, m, "vanished", VANISHED_GONE, started);
		return 1;
	}
	if (state && attempts >= o->max_attempts) {
		sqz_import_fail_message(r, m, "poison", started);
		return 1;
	}
	if (o->max_message_size > 0 && m->size > o->max_message_size) {
		sqz_import_fail_message(r, m, "too_large", started);
		return 1;
	}
	if (o->require_attachments) {
		sqz_error e = SQZ_ERROR_INIT;
		int q = has_qualifying_attachment(r, m, &e);
		if (q < 0) {
			if (sqz_import_is_vanished(&e)) {
				sqz_import_add_item(r, m, "vanished", VANISHED_GONE, started);
			} else {
				char why[700];
				snprintf(why, sizeof why, "%s", e.message ? e.message : "could not list the attachments");
				sqz_import_add_item(r, m, "deferred", why, started);
				sqz_import_note_failure(r, &e);
			}
			sqz_error_clear(&e);
			return 1;
		}
		if (q == 0) {
			sqz_import_fail_message(r, m, "missing_attachments", started);
			return 1;
		}
	}
	return 0;
}

/* The entry as it was before this handler call (the crashes before it
 * stay counted), or none. */
static sqz_status restore_entry(sqz_import_run *r, const sqz_message *m, int64_t attempts, sqz_error *e)
{
	if (attempts > 0) {
		return sqz_import_journal_set(r, m, m->id, "started", (int)attempts, NULL, e);
	}
	return sqz_import_journal_drop(r, m->id, e);
}

/* One message of the Inbox: screened, journaled "started", handed to the
 * host's handler, and its verdict noted and queued for its move. */
static void process(sqz_import_run *r, const sqz_message *m)
{
	double started = sqz_clock_monotonic();
	json_object *entry = sqz_import_journal_entry(r, m->id);
	if (!entry && r->fatal) {
		return;    /* an entry memory could not read: never taken for none */
	}
	const char *state = sqz_json_string(entry, "state");
	int64_t attempts = 0;
	sqz_json_int64(entry, "attempts", &attempts);
	if (state && strcmp(state, "started") != 0) {
		return;    /* resumed above (or deferred there) */
	}
	if (screen(r, m, entry, state, attempts, started)) {
		return;
	}

	if (r->fatal) {
		return;    /* settling the journal while screening failed: no handler in a run that is ending */
	}
	sqz_error e = SQZ_ERROR_INIT;
	if (sqz_import_journal_set(r, m, m->id, "started", (int)attempts + 1, NULL, &e) != SQZ_OK) {
		sqz_import_note_failure(r, &e);
		sqz_error_clear(&e);
		return;
	}
	char *reason = NULL;
	sqz_error failure = SQZ_ERROR_INIT;
	sqz_handler_result hr = r->host->handle(r->host->ctx, m, &reason, &failure);
	switch (hr) {
	case SQZ_HANDLER_OK:
		r->transient_streak = 0;
		sqz_import_journal_note(r, m, m->id, "imported", (int)attempts + 1, NULL);
		sqz_import_moves_queue(r, m, "imported", NULL, 0, 0, started);
		break;
	case SQZ_HANDLER_FAILED:
		r->transient_streak = 0;
		sqz_import_fail_message(r, m, reason ? reason : "handler_failed", started);
		break;
	case SQZ_HANDLER_RETRY:
	case SQZ_HANDLER_TRANSIENT:
		/* Finished without importing: this call is no crash and does not
		 * count, but the crashes before it still do. */
		if (restore_entry(r, m, attempts, &e) != SQZ_OK) {
			sqz_import_note_failure(r, &e);
			break;
		}
		sqz_import_add_item(r, m, "deferred", reason ? reason : (hr == SQZ_HANDLER_RETRY ? "retry_later" : "transient failure"), started);
		if (hr == SQZ_HANDLER_TRANSIENT) {
			if (failure.status == SQZ_OK) {
				failure.status = SQZ_E_TRANSPORT;
			}
			sqz_import_note_failure(r, &failure);
		} else {
			r->transient_streak = 0;
		}
		break;
	case SQZ_HANDLER_ABORT:
		r->stop = 1;
		r->host_failed = 1;
		break;
	case SQZ_HANDLER_STOP:
		/* Not the message's fault: every other message would fail the same
		 * way and land in Error. Leave it as it was and end the run. */
		if (restore_entry(r, m, attempts, &e) != SQZ_OK) {
			sqz_import_note_failure(r, &e);
		}
		r->stop = 1;
		r->host_failed = 1;
		break;
	}
	sqz_error_clear(&failure);
	sqz_error_clear(&e);
	sqz_free(reason);
}

/* Fetches ahead the MIME and attachments of the messages of msgs[0..n)
 * whose handler this run will call (no journal verdict yet, not poison, not
 * too large, within max_messages). ahead = 0: now, into the set the
 * handlers are served from; ahead = 1: on the prefetch's worker thread
 * while the handlers of the current set run, with one request of the
 * mailbox's concurrency left to them (a message over the threshold, an
 * attachment list). A failure to prefetch is no failure of the run: the
 * handlers then stream from Graph as they would anyway. */
static void prefetch_window(sqz_import_run *r, const sqz_message *msgs, size_t n, int64_t budget, int ahead)
{
	const sqz_import_options *o = &r->im->options;
	sqz_import_journal_settle(r);    /* before requests to Graph */
	if (!sqz_import_may_send(r)) {
		return;
	}
	int concurrency = r->im->mailbox->graph->concurrency > 0 ? r->im->mailbox->graph->concurrency : 4;
	if (ahead && concurrency < 2) {
		return;    /* the handlers' downloads would wait behind the worker's: fetched at its turn */
	}
	sqz_message *pick = sqz_calloc(n ? n : 1, sizeof *pick);
	if (!pick) {
		return;
	}
	size_t k = 0;
	/* fetch_ahead = []: nothing is fetched (the worker still sends the moves). */
	for (size_t i = 0; o->fetch_ahead && i < n && (int64_t)i < budget; i++) {
		const sqz_message *m = &msgs[i];
		json_object *entry = sqz_import_journal_entry(r, m->id);
		const char *state = sqz_json_string(entry, "state");
		int64_t attempts = 0;
		sqz_json_int64(entry, "attempts", &attempts);
		if ((state && strcmp(state, "started") != 0) || (state && attempts >= o->max_attempts)
			|| (o->max_message_size > 0 && m->size > o->max_message_size)
			|| (o->require_attachments && !m->has_attachments && !o->include_inline)) {
			continue;
		}
		pick[k++] = *m;    /* shallow: the prefetch reads id and size only */
	}
	sqz_error e = SQZ_ERROR_INIT;
	sqz_status st = SQZ_OK;
	if (ahead) {
		st = sqz_import_start_ahead(r, pick, k, concurrency, &e);
	} else if (k > 0) {
		st = sqz_prefetch_fetch(r->pf, r->im->mailbox, pick, k, &e);
	}
	if (st != SQZ_OK) {
		sqz_log_field f[] = { { "error", e.message } };
		sqz_import_log(r, SQZ_LOG_WARNING, ahead ? "could not start fetching messages ahead; they are fetched at their turn" : "could not fetch messages ahead; the handlers download them one by one", f, 1);
	}
	sqz_error_clear(&e);
	sqz_free(pick);
}

/* Graph pages a folder with $skip, an offset evaluated per request: the
 * messages this run moved away in the meantime would shift the next page
 * and skip as many of the oldest remaining ones. The next page starts at
 * the number of listed messages still in the Inbox instead. Returns a new
 * link (the same when it has no $skip). */
static char *next_page_link(const char *link, int64_t offset)
{
	const char *names[] = { "$skip=", "%24skip=", "%24Skip=" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *at = strstr(link, names[i]);
		if (at && (at == link || at[-1] == '?' || at[-1] == '&')) {
			const char *value = at + strlen(names[i]);
			const char *end = value + strspn(value, "0123456789");
			sqz_buf b = SQZ_BUF_INIT;
			sqz_buf_append(&b, link, (size_t)(value - link));
			sqz_buf_appendf(&b, "%lld", (long long)(offset > 0 ? offset : 0));
			sqz_buf_appends(&b, end);
			return sqz_buf_steal(&b, NULL);
		}
	}
	return sqz_strdup(link);
}

static sqz_status resolve_folders(sqz_import_run *r, sqz_error *err)
{
	/* One fetch of the tree for the three (the Inbox lookup rides with its
	 * first level); the first of them that fails is the run's error. */
	const sqz_config *c = r->im->config;
	const char *specs[] = { c->folder_inbox, c->folder_exported, c->folder_error };
	const char *roles[] = { "inbox", "exported", "error" };
	sqz_folder out[3];
	sqz_error errs[3] = { SQZ_ERROR_INIT, SQZ_ERROR_INIT, SQZ_ERROR_INIT };
	sqz_status st = sqz_mailbox_resolve_folders(r->im->mailbox, 3, specs, roles, out, errs);
	for (int i = 0; i < 3 && st != SQZ_OK; i++) {
		if (errs[i].status != SQZ_OK) {
			sqz_error_move(err, &errs[i]);
			break;
		}
	}
	r->inbox = out[0];
	r->exported = out[1];
	r->error = out[2];
	for (int i = 0; i < 3; i++) {
		sqz_error_clear(&errs[i]);
	}
	if (st == SQZ_OK && (strcmp(r->inbox.id, r->exported.id) == 0 || strcmp(r->inbox.id, r->error.id) == 0 || strcmp(r->exported.id, r->error.id) == 0)) {
		st = sqz_error_set(err, SQZ_E_CONFIG, "the folders inbox '%s', exported '%s' and error '%s' resolve to the same folder; "
						      "configure three different folders",
			c->folder_inbox, c->folder_exported, c->folder_error);
		sqz_error_set_key(err, "folders");
	}
	return st;
}

/* The runs under way on this thread. A Store's lock may be re-entrant for
 * its holder (FileStore is, per object): a run started from inside a
 * handler or callback of a run of the same mailbox would get it and import
 * the same messages a second time. */
typedef struct active_run {
	const char *lock_key;
	struct active_run *next;
} active_run;
static __thread active_run *active_runs;

void *sqz_importer_active_mark(void)
{
	return active_runs;
}

void sqz_importer_active_restore(void *mark)
{
	active_runs = mark;
}

void sqz_importer_abandon(sqz_mailbox *mb, sqz_mailbox_cache outer)
{
	sqz_prefetch *pf = sqz_prefetch_of(mb->cache);
	if (pf && mb->cache.ctx != outer.ctx) {
		sqz_prefetch_clear(pf);
		sqz_free(pf);
	}
	mb->cache = outer;
}

static int already_running(const char *lock_key)
{
	for (const active_run *a = active_runs; a; a = a->next) {
		if (strcmp(a->lock_key, lock_key) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Throttled earlier: not one request before the moment Graph named. 1 =
 * still throttled (the report says until when), 0 = go on (an expired
 * record is deleted), -1 = the Store failed (err). */
static int throttle_check(sqz_importer *im, sqz_import_report *report, sqz_error *err)
{
	char *value = NULL;
	size_t len = 0;
	if (sqz_store_get(&im->store, THROTTLE_KEY, sizeof THROTTLE_KEY - 1, &value, &len, err) != SQZ_OK) {
		return -1;
	}
	if (!value) {
		return 0;
	}
	sqz_error ignored = SQZ_ERROR_INIT;
	json_object *t = sqz_json_parse(value, len, "throttle record", SQZ_E_STORE, &ignored);
	int64_t until = 0;
	sqz_json_int64(t, "until", &until);
	if (t) {
		json_object_put(t);
	}
	sqz_error_clear(&ignored);
	sqz_free(value);
	if (until > sqz_clock_now()) {
		report->aborted = "throttled";
		report->throttled_until = until;
		return 1;
	}
	sqz_store_delete(&im->store, THROTTLE_KEY, sizeof THROTTLE_KEY - 1, &ignored);
	sqz_error_clear(&ignored);
	return 0;
}

/* Lists a page of the Inbox into *msgs: the first, or the one after *next
 * (replaced by the page's own next link). The moves are settled first:
 * the next page's offset counts what left the Inbox. Returns 0 when the
 * run stops here (a failed listing ends it). */
static int list_page(sqz_import_run *r, char **next, int first, int64_t listed, int page_size, sqz_text_store *text,
	sqz_message **msgs, size_t *count)
{
	char *link = NULL;
	if (!first) {
		if (sqz_import_may_send(r)) {
			sqz_import_moves_flush(r);
		}
		if (r->stop) {
			return 0;
		}
		link = next_page_link(*next, listed - r->left_inbox);
		sqz_free(*next);
	}
	*next = NULL;
	sqz_error e = SQZ_ERROR_INIT;
	sqz_status ps = sqz_mailbox_message_page(r->im->mailbox, r->inbox.id, first ? NULL : link, page_size, text, msgs, count, next, &e);
	sqz_free(link);
	if (ps == SQZ_OK) {
		return 1;
	}
	if (sqz_import_is_vanished(&e)) {
		/* The Inbox id stopped existing (folder recreated): the next run re-resolves. */
		sqz_error_prefix(&e, "the Inbox folder disappeared during the run");
	}
	sqz_import_note_failure(r, &e);
	if (!r->stop && !r->fatal) {
		/* Listing failed transiently and not yet 5 times: give up this run. */
		r->report->aborted = "unavailable";
	}
	sqz_error_clear(&e);
	return 0;
}

/* The window msgs[w..) of a page of count: fetched ahead while the
 * previous window's handlers ran (with the moves before them), or fetched
 * now (the first of a page); the next window is fetched ahead while its
 * handlers run. Returns 0 when the run stops taking messages. */
static int take_window(sqz_import_run *r, sqz_message *msgs, sqz_text_store *text, size_t count, size_t w, int64_t *taken)
{
	const sqz_importer_host *host = r->host;
	int64_t max = r->im->options.max_messages;
	size_t end = count - w < PREFETCH_WINDOW ? count : w + PREFETCH_WINDOW;
	if (r->stop || *taken >= max) {
		return 0;
	}
	sqz_import_join_ahead(r);    /* settles the journal before the worker's log lines */
	if (r->stop) {
		return 0;
	}
	if (!sqz_prefetch_advance(r->pf, sqz_import_prefetch_logger(r)) && sqz_import_may_send(r)) {
		int64_t budget = max - *taken;
		if (r->im->options.fetch_ahead) {
			announce_fetch(r, (int64_t)(end - w) < budget ? (int64_t)(end - w) : budget);
		}
		if (r->stop) {
			return 0;
		}
		prefetch_window(r, msgs + w, end - w, budget, 0);
	}
	int64_t after = *taken + (int64_t)(end - w);
	if (end < count && after < max && sqz_import_may_send(r)) {
		size_t next_end = count - end < PREFETCH_WINDOW ? count : end + PREFETCH_WINDOW;
		prefetch_window(r, msgs + end, next_end - end, max - after, 1);
	}
	for (size_t i = w; i < end; i++) {
		if (sqz_import_moves_ahead_failed(r)) {
			/* The worker's moves failed: learn now whether they can be
			 * made at all (the PHP thread sends them again), before
			 * another handler imports a document that may not move. */
			sqz_prefetch_skip_fetch(r->pf);
			sqz_import_join_ahead(r);
		}
		if (!r->stop && *taken < max) {
			(*taken)++;
			process(r, &msgs[i]);
			if (host->failed && host->failed(host->ctx)) {
				r->stop = 1;
				r->host_failed = 1;
			}
		}
	}
	sqz_prefetch_drop(r->pf);
	/* Nothing reads a settled window's listing again: its strings go back
	 * to the system rather than the page's 1000 messages staying whole
	 * until its end. */
	for (size_t i = w; i < end; i++) {
		sqz_message_clear(&msgs[i]);
	}
	sqz_text_store_release(text, end);
	return 1;
}

/* After a page's windows: the moves the worker is sending are waited for
 * (their outcomes belong in this report) unless the host is failing; a
 * window fetched ahead whose turn will not come (the run stops) is not.
 * Frees msgs. */
static void end_page(sqz_import_run *r, sqz_message *msgs, size_t count)
{
	if (r->moving && !r->host_failed) {
		sqz_prefetch_skip_fetch(r->pf);
		sqz_import_join_ahead(r);
	}
	sqz_prefetch_cancel_ahead(r->pf);
	sqz_import_drop_moving(r);
	for (size_t i = 0; i < count; i++) {
		sqz_message_clear(&msgs[i]);
	}
	sqz_free(msgs);
}

/* The Inbox, oldest first, page by page and window by window, until
 * max_messages are taken or the run stops. */
static void page_loop(sqz_import_run *r)
{
	int64_t max = r->im->options.max_messages;
	int64_t taken = 0, listed = 0;
	char *next = NULL;
	int first = 1;
	int page_size = max < LIST_PAGE_MAX ? (int)(max > 0 ? max : 1) : LIST_PAGE_MAX;
	/* A page's strings by window, released as each is settled. */
	sqz_text_store text = SQZ_TEXT_STORE_INIT(PREFETCH_WINDOW);
	r->listing = 1;
	while (!r->stop && taken < max && (first || next)) {
		sqz_message *msgs = NULL;
		size_t count = 0;
		if (!list_page(r, &next, first, listed, page_size, &text, &msgs, &count)) {
			break;
		}
		first = 0;
		listed += (int64_t)count;
		for (size_t w = 0; w < count; w += PREFETCH_WINDOW) {
			if (!take_window(r, msgs, &text, count, w, &taken)) {
				break;
			}
		}
		end_page(r, msgs, count);
		sqz_text_store_clear(&text);
	}
	sqz_text_store_clear(&text);    /* a page that failed */
	sqz_free(next);
}

/* The run's last moves and its outcome. Moves not sent (throttled, host
 * failure): their journal entries make the next run finish them. */
static sqz_status finish(sqz_import_run *r, sqz_error *err)
{
	sqz_import_journal_settle(r);
	if (sqz_import_may_send(r)) {
		sqz_import_moves_flush(r);
	}
	sqz_import_moves_discard(r);
	sqz_import_journal_close(r);    /* C only: set for a Store with put_often, never userland */
	if (r->fatal) {
		sqz_error_move(err, &r->fatal_error);
		return err->status;
	}
	if (r->host_failed) {
		return sqz_error_set(err, SQZ_E_CALLBACK, "the handler or progress callback failed");
	}
	return SQZ_OK;
}

static void log_summary(const sqz_importer_host *host, const sqz_import_report *report)
{
	if (!host->logger || !host->logger->log || report->locked || (host->failed && host->failed(host->ctx))) {
		return;
	}
	char line[400], secs[32];
	snprintf(secs, sizeof secs, "%.3f", report->seconds);
	snprintf(line, sizeof line, "import run: %lld imported, %lld failed, %lld deferred, %lld vanished, %lld resumed in %s s%s%s",
		(long long)report->imported, (long long)report->failed, (long long)report->deferred, (long long)report->vanished,
		(long long)report->resumed, secs, report->aborted ? "; aborted: " : "", report->aborted ? report->aborted : "");
	sqz_log_field f[] = { { "seconds", secs }, { "aborted", report->aborted } };
	host->logger->log(host->logger->ctx, report->aborted ? SQZ_LOG_WARNING : SQZ_LOG_INFO, line, f, 2);
}

sqz_status sqz_importer_run(sqz_importer *im, const sqz_importer_host *host, sqz_import_report *report, sqz_error *err)
{
	memset(report, 0, sizeof *report);
	double t0 = sqz_clock_monotonic();
	char lock_key[80];
	snprintf(lock_key, sizeof lock_key, "import:%s", im->fingerprint);
	int acquired = 0;
	if (!already_running(lock_key) && sqz_store_lock(&im->store, lock_key, strlen(lock_key), 0, &acquired, err) != SQZ_OK) {
		return err->status;
	}
	if (!acquired) {
		report->locked = 1;
		report->seconds = sqz_clock_monotonic() - t0;
		if (host->logger && host->logger->log) {
			host->logger->log(host->logger->ctx, SQZ_LOG_INFO, "import run: another run holds this mailbox; nothing done", NULL, 0);
		}
		return SQZ_OK;
	}

	active_run self = { lock_key, active_runs };
	active_runs = &self;
	sqz_import_run r;
	memset(&r, 0, sizeof r);
	r.im = im;
	r.host = host;
	r.report = report;
	sqz_status st = SQZ_OK;
	int throttled;
	/* Heap, not stack: a host whose handler unwinds the C stack removes the
	 * temporary directory through the mailbox (sqz_importer_abandon). */
	sqz_mailbox_cache outer_cache = im->mailbox->cache;
	r.pf = sqz_calloc(1, sizeof *r.pf);
	if (!r.pf) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto unlock;
	}
	r.pf->what = im->options.fetch_ahead;
	im->mailbox->cache = sqz_prefetch_cache(r.pf);

	if ((throttled = throttle_check(im, report, err)) != 0) {
		st = throttled < 0 ? err->status : SQZ_OK;
		goto unlock;
	}
	if ((st = resolve_folders(&r, err)) != SQZ_OK) {
		if (err->status == SQZ_E_THROTTLED && err->retry_after > 0) {
			sqz_import_note_failure(&r, err);
			sqz_error_clear(err);
			st = SQZ_OK;
		}
		goto unlock;
	}
	if ((st = sqz_import_journal_load(&r, err)) != SQZ_OK) {
		goto unlock;
	}
	resume_journal(&r);
	page_loop(&r);
	st = finish(&r, err);

unlock:
	active_runs = self.next;
	im->mailbox->cache = outer_cache;
	if (r.pf) {
		sqz_prefetch_clear(r.pf);
		sqz_free(r.pf);
	}
	sqz_import_drop_moving(&r);    /* after the worker is joined */
	sqz_error uerr = SQZ_ERROR_INIT;
	sqz_store_unlock(&im->store, lock_key, strlen(lock_key), &uerr);
	sqz_error_clear(&uerr);
	sqz_error_clear(&r.fatal_error);
	if (r.journal) {
		json_object_put(r.journal);
	}
	sqz_buf_free(&r.journal_text);
	sqz_folder_copy_clear(&r.inbox);
	sqz_folder_copy_clear(&r.exported);
	sqz_folder_copy_clear(&r.error);
	sqz_gunzip_drain();    /* the decoders kept between the run's answers */
	report->seconds = sqz_clock_monotonic() - t0;
	log_summary(host, report);
	return st;
}
