#include "importer.h"
#include "alloc.h"
#include "batch.h"
#include "buf.h"
#include "clock.h"
#include "crypto.h"
#include "json.h"
#include "prefetch.h"

#include <stdio.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

#define JOURNAL_KEY "import.journal"
#define THROTTLE_KEY "import.throttled"
#define ABORT_AFTER_TRANSIENT 5
/* Moves wait until this many are queued (or the run ends a page): four
 * batches of 20 in flight together, one round trip for all of them. */
#define MOVE_BATCH (SQZ_BATCH_MAX * 4)
/* Messages fetched ahead at once: their MIME and attachment GETs fill four
 * batches of 20 (one round trip); a bounded window also bounds the
 * temporary files. */
#define PREFETCH_WINDOW (SQZ_BATCH_MAX * 4 / 2)
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
			if (content_type && (strcasecmp(t, content_type) == 0
				|| (n > 2 && strcmp(t + n - 2, "/*") == 0 && strncasecmp(t, content_type, n - 1) == 0))) {
				return 1;
			}
		} else if (dot && strcasecmp(t[0] == '.' ? t + 1 : t, dot + 1) == 0) {
			return 1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ run state */

typedef struct pending_move {
	sqz_message msg;            /* owned copy: what the report, the log and $progress see */
	const char *outcome;        /* what the message becomes once moved */
	char *reason;
	int to_error;
	int located;                /* 1 = found in the Inbox just now (resume): no need to ask again */
	int failed;                 /* set by moves_send: deferred because Graph failed (check or move) */
	double started;
} pending_move;

typedef struct run {
	sqz_importer *im;
	const sqz_importer_host *host;
	sqz_import_report *report;
	json_object *journal;       /* {"v":1,"entries":{id:{...}}} */
	json_object *entries;       /* borrowed from journal */
	sqz_folder inbox, exported, error;
	int transient_streak;
	int stop;                   /* 1 = stop taking messages */
	int host_failed;
	sqz_status fatal;           /* an error that ends the run with an exception */
	sqz_error fatal_error;
	pending_move moves[MOVE_BATCH];
	size_t move_count;
	int64_t done;
	int64_t total;
	int listing;                /* 1 once the Inbox is listed (after the journal) */
	sqz_prefetch *pf;           /* owned; what the mailbox serves to this run's handlers */
	int64_t left_inbox;         /* listed messages that have left the Inbox since */
	int journal_dirty;          /* a verdict is in r->journal but not yet in the Store */
	struct move_set *moving;    /* owned; moves the prefetch worker sends, finished at its join */
} run;

/* What the requests of moves need, none of it changing during a run: the
 * prefetch worker reads it while the PHP thread goes on (never the run's
 * own frame, which a bailout of PHP code may leave behind). */
typedef struct move_ctx {
	run *r;                     /* for log lines, on the PHP thread only */
	sqz_mailbox *mb;
	const char *prefix;         /* error_category */
	const char *inbox_id, *exported_id, *error_id;
	const char *folder_exported, *folder_error;
} move_ctx;

/* Moves on their way, and what became of each. */
typedef struct move_set {
	move_ctx ctx;
	pending_move moves[MOVE_BATCH];
	size_t n;
	int act[MOVE_BATCH];
	char *why[MOVE_BATCH];
	sqz_error failure;
	atomic_int failed;          /* set by the worker once its moves are sent and one failed */
} move_set;

/* What the message list and Message need, plus where the message is. */
#define LOCATE_SELECT "id,internetMessageId,subject,from,receivedDateTime,hasAttachments,parentFolderId"

static int is_transient(const sqz_error *e)
{
	return e->status == SQZ_E_TRANSPORT
		|| (e->status == SQZ_E_GRAPH && (e->http_status == 429 || e->http_status >= 500 || e->http_status == 0));
}

static int is_vanished(const sqz_error *e)
{
	return e->status == SQZ_E_GRAPH && e->http_status == 404;
}

/* May the run still send requests? Not after a throttle verdict, a fatal
 * error or a host failure. */
static int may_send(const run *r)
{
	return !r->host_failed && !r->fatal && !(r->report->aborted && strcmp(r->report->aborted, "throttled") == 0);
}

static void message_copy(sqz_message *dst, const sqz_message *src)
{
	memset(dst, 0, sizeof *dst);
	dst->id = sqz_strdup(src->id);
	dst->internet_message_id = sqz_strdup(src->internet_message_id);
	dst->subject = sqz_strdup(src->subject ? src->subject : "");
	dst->from_address = sqz_strdup(src->from_address);
	dst->from_name = sqz_strdup(src->from_name);
	dst->received_at = src->received_at;
	dst->has_attachments = src->has_attachments;
	dst->size = src->size;
}

/* Remembers the first failure of a batch step: one $batch is one request,
 * so it counts once toward the abort streak. */
static void keep_failure(sqz_error *keep, const sqz_error *e)
{
	if (keep->status != SQZ_OK || e->status == SQZ_OK) {
		return;
	}
	keep->status = e->status;
	keep->http_status = e->http_status;
	keep->retry_after = e->retry_after;
	keep->message = sqz_strdup(e->message);
}

static sqz_status save_journal(run *r, sqz_error *err);
static void settle_journal(run *r);
static int note_failure(run *r, sqz_error *e);
static void join_prefetch(run *r);

static void log_line(run *r, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n)
{
	settle_journal(r);    /* a logger is userland code: it may exit() */
	const sqz_logger *l = r->host->logger;
	if (l && l->log && !(r->host->failed && r->host->failed(r->host->ctx))) {
		l->log(l->ctx, level, message, fields, n);
	}
}

static void move_ctx_of(run *r, move_ctx *mc)
{
	mc->r = r;
	mc->mb = r->im->mailbox;
	mc->prefix = r->im->options.error_category;
	mc->inbox_id = r->inbox.id;
	mc->exported_id = r->exported.id;
	mc->error_id = r->error.id;
	mc->folder_exported = r->im->config->folder_exported;
	mc->folder_error = r->im->config->folder_error;
}

/* A log line of the moves: through log_line on the PHP thread, held for
 * later on the prefetch worker (held != NULL). */
static void moves_log(run *r, const sqz_logger *held, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n)
{
	if (held) {
		held->log(held->ctx, level, message, fields, n);
	} else {
		log_line(r, level, message, fields, n);
	}
}

static sqz_status save_journal(run *r, sqz_error *err)
{
	const char *text = json_object_to_json_string_ext(r->journal, JSON_C_TO_STRING_PLAIN);
	sqz_status st = sqz_store_put(&r->im->store, JOURNAL_KEY, sizeof JOURNAL_KEY - 1, text, strlen(text), err);
	if (st == SQZ_OK) {
		r->journal_dirty = 0;
	}
	return st;
}

/* A handler's verdict ("imported", "failed") is written with the next
 * journal write instead of one of its own: every message would otherwise
 * cost two durable Store writes (started, then the verdict), and a
 * FileStore write is two fsyncs. The verdict still reaches the Store before
 * anything can depend on it or end the process: before the next handler
 * call (its "started" write carries it), before any request to Graph (a
 * move above all), before the logger or the progress callback run
 * (userland code that may exit()) and before the run returns. */
static void settle_journal(run *r)
{
	if (!r->journal_dirty) {
		return;
	}
	sqz_error e = SQZ_ERROR_INIT;
	if (save_journal(r, &e) != SQZ_OK) {
		r->journal_dirty = 0;    /* reported once; the run ends (note_failure: Store errors are fatal) */
		note_failure(r, &e);
	}
	sqz_error_clear(&e);
}

static sqz_status load_journal(run *r, sqz_error *err)
{
	char *value = NULL;
	size_t len = 0;
	if (sqz_store_get(&r->im->store, JOURNAL_KEY, sizeof JOURNAL_KEY - 1, &value, &len, err) != SQZ_OK) {
		return err->status;
	}
	if (value) {
		r->journal = sqz_json_parse(value, len, "the import journal", SQZ_E_STORE, err);
		sqz_free(value);
		if (!r->journal || !json_object_is_type(sqz_json_get(r->journal, "entries"), json_type_object)) {
			if (r->journal) {
				json_object_put(r->journal);
				r->journal = NULL;
			}
			/* Never guess: a lost journal could import mail twice. */
			sqz_error_set(err, SQZ_E_STORE, "the import journal in the Store is unreadable; restore it from a backup, "
				"or delete the record 'import.journal' after checking the Inbox by hand");
			return SQZ_E_STORE;
		}
	} else {
		r->journal = json_object_new_object();
		json_object_object_add(r->journal, "v", json_object_new_int(1));
		json_object_object_add(r->journal, "entries", json_object_new_object());
	}
	r->entries = sqz_json_get(r->journal, "entries");
	return SQZ_OK;
}

static json_object *entry_of(run *r, const char *id)
{
	return sqz_json_get(r->entries, id);
}

/* Puts a journal entry in memory only; settle_journal() writes it. */
static void note_entry(run *r, const sqz_message *m, const char *id, const char *state, int attempts, const char *reason)
{
	json_object *e = json_object_new_object();
	json_object_object_add(e, "state", json_object_new_string(state));
	json_object_object_add(e, "attempts", json_object_new_int(attempts));
	if (m && m->internet_message_id) {
		json_object_object_add(e, "internet_message_id", json_object_new_string(m->internet_message_id));
	}
	if (m && m->subject) {
		json_object_object_add(e, "subject", json_object_new_string(m->subject));
	} else {
		json_object *old = entry_of(r, id);
		const char *s = sqz_json_string(old, "subject");
		if (s) {
			json_object_object_add(e, "subject", json_object_new_string(s));
		}
	}
	if (reason) {
		json_object_object_add(e, "reason", json_object_new_string(reason));
	}
	json_object_object_add(e, "at", json_object_new_int64(sqz_clock_now()));
	json_object_object_add(r->entries, id, e);
	r->journal_dirty = 1;
}

static sqz_status set_entry(run *r, const sqz_message *m, const char *id, const char *state, int attempts, const char *reason, sqz_error *err)
{
	note_entry(r, m, id, state, attempts, reason);
	return save_journal(r, err);
}

static sqz_status drop_entry(run *r, const char *id, sqz_error *err)
{
	json_object_object_del(r->entries, id);
	return save_journal(r, err);
}

static void add_item(run *r, const sqz_message *m, const char *outcome, const char *reason, double started)
{
	const char *id = m->id;
	const char *subject = m->subject ? m->subject : "";
	sqz_import_report *rep = r->report;
	sqz_import_item *grown = sqz_realloc(rep->items, (rep->item_count + 1) * sizeof *grown);
	if (!grown) {
		return;
	}
	rep->items = grown;
	sqz_import_item *it = &grown[rep->item_count++];
	it->id = sqz_strdup(id);
	it->subject = sqz_strdup(subject);
	it->outcome = outcome;
	it->reason = sqz_strdup(reason);
	if (strcmp(outcome, "imported") == 0) {
		rep->imported++;
	} else if (strcmp(outcome, "failed") == 0) {
		rep->failed++;
	} else if (strcmp(outcome, "deferred") == 0) {
		rep->deferred++;
	} else if (strcmp(outcome, "vanished") == 0) {
		rep->vanished++;
	} else if (strcmp(outcome, "resumed") == 0) {
		rep->resumed++;
	}
	char ms[32], line[600];
	snprintf(ms, sizeof ms, "%.0f", (sqz_clock_monotonic() - started) * 1000);
	snprintf(line, sizeof line, "message %s: %s%s%s (%s ms)", id, outcome, reason ? ": " : "", reason ? reason : "", ms);
	sqz_log_field fields[] = { { "id", id }, { "outcome", outcome }, { "reason", reason }, { "ms", ms } };
	log_line(r, strcmp(outcome, "failed") == 0 || strcmp(outcome, "deferred") == 0 ? SQZ_LOG_WARNING : SQZ_LOG_INFO, line, fields, 4);
	r->done++;
	if (r->listing && (strcmp(outcome, "imported") == 0 || strcmp(outcome, "failed") == 0 || strcmp(outcome, "vanished") == 0)) {
		r->left_inbox++;
	}
	if (r->host->progress) {
		settle_journal(r);
		if (r->host->progress(r->host->ctx, r->done, r->total, m, outcome) != 0) {
			r->stop = 1;
			r->host_failed = 1;
		}
	}
}

/* Tells the host that the run now downloads count messages it had not
 * fetched ahead: the wait before the next progress call is for them. */
static void announce_fetch(run *r, int64_t count)
{
	if (!r->host->fetching || count <= 0) {
		return;
	}
	settle_journal(r);    /* the host's callback is userland: it may exit() */
	if (r->host->fetching(r->host->ctx, count, r->done, r->total) != 0) {
		r->stop = 1;
		r->host_failed = 1;
	}
}

/* Notes a per-message Graph failure: throttled and fatal ones stop the
 * run; transient ones count toward the abort streak. Returns 1 when the
 * run must stop. */
static int note_failure(run *r, sqz_error *e)
{
	if (e->status == SQZ_E_THROTTLED && e->retry_after > 0) {
		sqz_epoch until = sqz_clock_now() + (sqz_epoch)(e->retry_after + 0.999);
		json_object *t = json_object_new_object();
		json_object_object_add(t, "until", json_object_new_int64(until));
		const char *text = json_object_to_json_string(t);
		sqz_error ignored = SQZ_ERROR_INIT;
		sqz_store_put(&r->im->store, THROTTLE_KEY, sizeof THROTTLE_KEY - 1, text, strlen(text), &ignored);
		sqz_error_clear(&ignored);
		json_object_put(t);
		r->report->aborted = "throttled";
		r->report->throttled_until = until;
		r->stop = 1;
		return 1;
	}
	if (e->status == SQZ_E_THROTTLED || is_transient(e)) {
		if (++r->transient_streak >= ABORT_AFTER_TRANSIENT) {
			r->report->aborted = "unavailable";
			r->stop = 1;
			return 1;
		}
		return 0;
	}
	if (e->status == SQZ_E_REAUTHENTICATE || e->status == SQZ_E_AUTHORIZATION || e->status == SQZ_E_STORE
		|| e->status == SQZ_E_NOMEM || e->status == SQZ_E_CALLBACK || e->status == SQZ_E_INTERNAL
		|| e->status == SQZ_E_CONFIG) {
		/* Nothing else can work either: end the run with this error. */
		sqz_error_clear(&r->fatal_error);
		r->fatal_error = *e;
		memset(e, 0, sizeof *e);
		r->fatal = r->fatal_error.status;
		r->stop = 1;
		return 1;
	}
	return 0;
}

/* note_failure() for `count` messages that failed the same way (a move set):
 * a transient failure counts once per message toward the abort streak. */
static int note_failures(run *r, sqz_error *e, size_t count)
{
	int counts_per_message = is_transient(e) || (e->status == SQZ_E_THROTTLED && e->retry_after <= 0);
	for (size_t c = 1; counts_per_message && c < count; c++) {
		r->transient_streak++;
	}
	return note_failure(r, e);
}

/* Is this Outlook category a verdict of ours ("<error_category>: ...")? */
static int is_our_category(const char *prefix, const char *s)
{
	size_t n = prefix ? strlen(prefix) : 0;
	return n > 0 && s && strncmp(s, prefix, n) == 0 && s[n] == ':';
}

/* The categories of a message's JSON without our verdicts; *had_ours = 1
 * when there was one. */
static json_object *categories_without_ours(const char *prefix, json_object *message, int *had_ours)
{
	json_object *cats = json_object_new_array();
	json_object *old = sqz_json_get(message, "categories");
	size_t n = old && json_object_is_type(old, json_type_array) ? json_object_array_length(old) : 0;
	*had_ours = 0;
	for (size_t i = 0; i < n; i++) {
		json_object *c = json_object_array_get_idx(old, i);
		const char *s = json_object_get_string(c);
		if (is_our_category(prefix, s)) {
			*had_ours = 1;
		} else if (s) {
			json_object_array_add(cats, json_object_get(c));
		}
	}
	return cats;
}

/* PATCHes the message's categories (takes cats). Best effort: a failure is
 * logged. */
static void patch_categories(run *r, sqz_mailbox *mb, sqz_graph *graph, const sqz_logger *held, const char *id, json_object *cats)
{
	json_object *patch = json_object_new_object();
	json_object_object_add(patch, "categories", cats);
	char *body = sqz_json_dump(patch);
	json_object_put(patch);
	char *path = sqz_mailbox_message_path(mb, id, NULL);
	sqz_error e = SQZ_ERROR_INIT;
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	sqz_graph_call call = { .method = "PATCH", .url = path, .body = body, .body_len = body ? strlen(body) : 0, .idempotent = 1 };
	if (path && body && sqz_graph_send(graph, &call, &resp, &e) != SQZ_OK) {
		sqz_log_field f[] = { { "id", id }, { "error", e.message } };
		moves_log(r, held, SQZ_LOG_WARNING, "could not set the message's Outlook categories", f, 2);
	}
	sqz_http_response_clear(&resp);
	sqz_error_clear(&e);
	sqz_free(body);
	sqz_free(path);
}

/* "<error_category>: <reason>" as Outlook shows it: at most 255 bytes, and
 * a cut never splits a UTF-8 sequence (Graph refuses invalid UTF-8). */
static void category_text(const char *prefix, const char *reason, char category[256])
{
	int full = snprintf(category, 256, "%s: %s", prefix, reason);
	if (full >= 256) {
		size_t len = strlen(category), lead = len;
		while (lead > 0 && ((unsigned char)category[lead - 1] & 0xC0) == 0x80) {
			lead--;
		}
		if (lead > 0 && ((unsigned char)category[lead - 1] & 0x80)) {
			unsigned char c = (unsigned char)category[lead - 1];
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			if (lead - 1 + need > len) {
				category[lead - 1] = '\0';    /* the last character lost its tail */
			}
		}
	}
}

/* Sets the Outlook category that tells an administrator why, keeping the
 * message's other categories and replacing an earlier verdict of ours.
 * Best effort: a failure here is logged, the move still happens; when the
 * current categories cannot be read, nothing is written (a PATCH would
 * wipe the categories a person gave the message). */
static void set_category(run *r, const char *id, const char *reason)
{
	const char *prefix = r->im->options.error_category;
	if (!prefix || !*prefix) {
		return;
	}
	sqz_error e = SQZ_ERROR_INIT;
	char *path = sqz_mailbox_message_path(r->im->mailbox, id, "?$select=categories");
	json_object *m = path ? sqz_graph_json(r->im->mailbox->graph, "GET", path, NULL, &e) : NULL;
	sqz_free(path);
	if (!m) {
		sqz_log_field f[] = { { "id", id }, { "error", e.message } };
		log_line(r, SQZ_LOG_WARNING, "could not read the message's Outlook categories; the error category is not set", f, 2);
		sqz_error_clear(&e);
		return;
	}
	char category[256];
	category_text(prefix, reason, category);
	int had_ours = 0;
	json_object *cats = categories_without_ours(r->im->options.error_category, m, &had_ours);
	json_object_array_add(cats, json_object_new_string(category));
	json_object_put(m);
	patch_categories(r, r->im->mailbox, r->im->mailbox->graph, NULL, id, cats);
}

/* Where is the message now? 1 = found (*parent set; *found filled when
 * given), 0 = gone, -1 = error (e filled). */
static int locate(sqz_mailbox *mb, sqz_graph *graph, const char *id, char **parent, sqz_message *found, sqz_error *e)
{
	*parent = NULL;
	if (found) {
		memset(found, 0, sizeof *found);
	}
	char *path = sqz_mailbox_message_path(mb, id, "?$select=" LOCATE_SELECT);
	if (!path) {
		sqz_error_set(e, SQZ_E_NOMEM, "out of memory");
		return -1;
	}
	json_object *m = sqz_graph_json(graph, "GET", path, NULL, e);
	sqz_free(path);
	if (!m) {
		if (is_vanished(e)) {
			sqz_error_clear(e);
			return 0;
		}
		return -1;
	}
	*parent = sqz_strdup(sqz_json_id(m, "parentFolderId"));
	if (found) {
		sqz_error ignored = SQZ_ERROR_INIT;
		if (sqz_message_from_json(m, found, &ignored) != SQZ_OK) {
			memset(found, 0, sizeof *found);
		}
		sqz_error_clear(&ignored);
	}
	json_object_put(m);
	return 1;
}

enum { ACT_MOVE, ACT_DONE, ACT_VANISHED, ACT_DEFERRED };

#define VANISHED_GONE "the message was moved or deleted by someone else"
#define VANISHED_ELSEWHERE "the message was moved to another folder by someone else"

static char *reasonf(const char *fmt, const char *detail)
{
	char text[700];
	snprintf(text, sizeof text, fmt, detail ? detail : "error");
	return sqz_strdup(text);
}

/* Sends the queued moves and records their outcomes: one $batch asking
 * where the messages are (a person may have moved or deleted one while the
 * handler ran: it is never pulled back), one $batch of moves. */
/* The requests of a set of moves: where each message is, the Error
 * categories, the moves; act/why say what became of each. Runs on the PHP
 * thread (held NULL) or on the prefetch worker (its graph, its held
 * logger): it reads only what does not change during a run (options,
 * folder ids, the moves given) and calls nothing of the host. */
static void moves_send(const move_ctx *mc, sqz_graph *graph, const sqz_logger *held, pending_move *moves, size_t n, int *act, char **why,
	sqz_error *failure)
{
	size_t idx[MOVE_BATCH];
	char *paths[MOVE_BATCH];
	sqz_batch_member members[MOVE_BATCH];
	sqz_batch_result results[MOVE_BATCH];
	memset(members, 0, sizeof members);
	/* Error categories of the messages going to Error, set before their
	 * moves in one parallel $batch of PATCHes. */
	sqz_batch_member patches[MOVE_BATCH];
	char *patch_paths[MOVE_BATCH], *patch_bodies[MOVE_BATCH];
	size_t patch_of[MOVE_BATCH], patch_count = 0;
	const char *prefix = mc->prefix;

	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		act[i] = ACT_MOVE;
		if (!moves[i].located) {
			idx[k] = i;
			paths[k] = sqz_mailbox_message_path(mc->mb, moves[i].msg.id, "?$select=id,parentFolderId,categories");
			members[k].method = "GET";
			members[k].path = paths[k] ? paths[k] : "/";
			members[k].body = NULL;
			k++;
		}
	}
	if (k > 0) {
		memset(results, 0, sizeof results);
		sqz_error err = SQZ_ERROR_INIT;
		(void)sqz_graph_batch(graph, members, k, results, &err);
		for (size_t j = 0; j < k; j++) {
			size_t i = idx[j];
			const pending_move *pm = &moves[i];
			sqz_batch_result *res = &results[j];
			if (res->status >= 200 && res->status < 300) {
				const char *parent = sqz_json_id(res->body, "parentFolderId");
				const char *dest = pm->to_error ? mc->error_id : mc->exported_id;
				if (!parent) {
					/* Never guess: "vanished" would drop the journal entry. */
					act[i] = ACT_DEFERRED;
					why[i] = sqz_strdup("move pending: Graph did not say where the message is");
				} else if (strcmp(parent, mc->inbox_id) == 0) {
					act[i] = ACT_MOVE;
				} else if (strcmp(parent, dest) == 0) {
					act[i] = ACT_DONE;
				} else {
					act[i] = ACT_VANISHED;
					why[i] = sqz_strdup(VANISHED_ELSEWHERE);
				}
				json_object *had = sqz_json_get(res->body, "categories");
				if (act[i] == ACT_MOVE && pm->to_error && prefix && *prefix && !(had && json_object_is_type(had, json_type_array))) {
					/* A PATCH would wipe the categories a person gave the
					 * message: without them, no verdict of ours either. */
					sqz_log_field f[] = { { "id", pm->msg.id }, { "error", "Graph did not return the message's categories" } };
					moves_log(mc->r, held, SQZ_LOG_WARNING, "could not read the message's Outlook categories; the error category is not set", f, 2);
				} else if (act[i] == ACT_MOVE && pm->to_error && prefix && *prefix) {
					int had_ours = 0;
					char category[256];
					category_text(prefix, pm->reason ? pm->reason : "failed", category);
					json_object *patch = json_object_new_object();
					json_object *cats = categories_without_ours(prefix, res->body, &had_ours);
					json_object_array_add(cats, json_object_new_string(category));
					json_object_object_add(patch, "categories", cats);
					char *body = sqz_json_dump(patch);
					char *path = sqz_mailbox_message_path(mc->mb, pm->msg.id, NULL);
					json_object_put(patch);
					if (body && path) {
						patches[patch_count] = (sqz_batch_member){ .method = "PATCH", .path = path, .body = body };
						patch_paths[patch_count] = path;
						patch_bodies[patch_count] = body;
						patch_of[patch_count++] = i;
					} else {
						sqz_free(body);
						sqz_free(path);
					}
				}
				if ((act[i] == ACT_MOVE || act[i] == ACT_DONE) && !pm->to_error) {
					/* Failed once, moved back by a person, imported now: the old
					 * verdict must not follow it into Exported. */
					int had_ours = 0;
					json_object *cats = categories_without_ours(prefix, res->body, &had_ours);
					if (had_ours) {
						patch_categories(mc->r, mc->mb, graph, held, pm->msg.id, cats);
					} else {
						json_object_put(cats);
					}
				}
			} else if (res->status == 404) {
				act[i] = ACT_VANISHED;
				why[i] = sqz_strdup(VANISHED_GONE);
			} else {
				const sqz_error *e = res->error.status != SQZ_OK ? &res->error : &err;
				act[i] = ACT_DEFERRED;
				why[i] = reasonf("move pending: could not check where the message is: %s", e->message);
				moves[i].failed = 1;
				keep_failure(failure, e);
			}
			sqz_batch_result_clear(res);
			sqz_free(paths[j]);
		}
		sqz_error_clear(&err);
	}
	if (patch_count > 0 && failure->status == SQZ_OK) {
		/* Best effort, as before: a category that cannot be set is logged;
		 * the move still happens. */
		memset(results, 0, sizeof results);
		sqz_error err = SQZ_ERROR_INIT;
		(void)sqz_graph_batch(graph, patches, patch_count, results, &err);
		for (size_t j = 0; j < patch_count; j++) {
			if (results[j].status < 200 || results[j].status >= 300) {
				const sqz_error *e = results[j].error.status != SQZ_OK ? &results[j].error : &err;
				sqz_log_field f[] = { { "id", moves[patch_of[j]].msg.id }, { "error", e->message } };
				moves_log(mc->r, held, SQZ_LOG_WARNING, "could not set the message's Outlook categories", f, 2);
			}
			sqz_batch_result_clear(&results[j]);
		}
		sqz_error_clear(&err);
	}
	for (size_t j = 0; j < patch_count; j++) {
		sqz_free(patch_paths[j]);
		sqz_free(patch_bodies[j]);
	}

	char body_exported[600], body_error[600];
	snprintf(body_exported, sizeof body_exported, "{\"destinationId\":\"%s\"}", mc->exported_id);
	snprintf(body_error, sizeof body_error, "{\"destinationId\":\"%s\"}", mc->error_id);
	k = 0;
	for (size_t i = 0; i < n; i++) {
		if (act[i] == ACT_MOVE) {
			idx[k] = i;
			paths[k] = sqz_mailbox_message_path(mc->mb, moves[i].msg.id, "/move");
			members[k].method = "POST";
			members[k].path = paths[k] ? paths[k] : "/";
			members[k].body = moves[i].to_error ? body_error : body_exported;
			k++;
		}
	}
	if (k > 0 && failure->status == SQZ_OK) {
		memset(results, 0, sizeof results);
		sqz_error err = SQZ_ERROR_INIT;
		(void)sqz_graph_batch(graph, members, k, results, &err);
		for (size_t j = 0; j < k; j++) {
			size_t i = idx[j];
			const pending_move *pm = &moves[i];
			sqz_batch_result *res = &results[j];
			if (res->status >= 200 && res->status < 300) {
				act[i] = ACT_DONE;
			} else if (res->status == 404) {
				/* In the Inbox a moment ago: deleted since, or the destination
				 * folder is gone. Only the message's place tells. */
				char *parent = NULL;
				sqz_error le = SQZ_ERROR_INIT;
				const char *dest = pm->to_error ? mc->error_id : mc->exported_id;
				int where = locate(mc->mb, graph, pm->msg.id, &parent, NULL, &le);
				if (where == 0) {
					act[i] = ACT_VANISHED;
					why[i] = sqz_strdup(VANISHED_GONE);
				} else if (where > 0 && parent && strcmp(parent, dest) == 0) {
					act[i] = ACT_DONE;
				} else if (where > 0 && parent && strcmp(parent, mc->inbox_id) == 0) {
					/* The journal keeps it; the next run resolves the folders again. */
					char text[700];
					snprintf(text, sizeof text, "move pending: the %s folder '%s' no longer exists; the next run looks it up again",
						pm->to_error ? "error" : "exported", pm->to_error ? mc->folder_error : mc->folder_exported);
					act[i] = ACT_DEFERRED;
					why[i] = sqz_strdup(text);
				} else if (where > 0 && parent) {
					act[i] = ACT_VANISHED;
					why[i] = sqz_strdup(VANISHED_ELSEWHERE);
				} else if (where > 0) {
					act[i] = ACT_DEFERRED;
					why[i] = sqz_strdup("move pending: Graph did not say where the message is");
				} else {
					act[i] = ACT_DEFERRED;
					why[i] = reasonf("move pending: %s", le.message);
					moves[i].failed = 1;
					keep_failure(failure, &le);
				}
				sqz_error_clear(&le);
				sqz_free(parent);
			} else {
				/* The journal keeps it (imported/failed): the next run only moves it. */
				const sqz_error *e = res->error.status != SQZ_OK ? &res->error : &err;
				act[i] = ACT_DEFERRED;
				why[i] = reasonf("move pending: %s", e->message ? e->message : "the move failed");
				moves[i].failed = 1;
				keep_failure(failure, e);
			}
			sqz_batch_result_clear(res);
			sqz_free(paths[j]);
		}
		sqz_error_clear(&err);
	} else if (k > 0) {
		/* Graph failed to say where the messages are: no move this time. */
		for (size_t j = 0; j < k; j++) {
			size_t i = idx[j];
			act[i] = ACT_DEFERRED;
			why[i] = reasonf("move pending: %s", failure->message);
			moves[i].failed = 1;
			sqz_free(paths[j]);
		}
	}
}

/* What the moves' answers mean for the journal and the report: the
 * messages in place leave the journal, each gets its outcome (the progress
 * callback runs). PHP thread only. */
static void moves_finish(run *r, pending_move *moves, size_t n, int *act, char **why, sqz_error *failure)
{
	/* The messages in place leave the journal in one write (a crash before
	 * it only makes the next run find them there: resumed, no move). */
	int dropped = 0;
	for (size_t i = 0; i < n; i++) {
		if (act[i] == ACT_DONE || act[i] == ACT_VANISHED) {
			json_object_object_del(r->entries, moves[i].msg.id);
			dropped = 1;
		}
	}
	if (dropped) {
		sqz_error jerr = SQZ_ERROR_INIT;
		if (save_journal(r, &jerr) != SQZ_OK) {
			note_failure(r, &jerr);
		}
		sqz_error_clear(&jerr);
	}
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		pending_move *pm = &moves[i];
		if (act[i] == ACT_DONE) {
			r->transient_streak = 0;
		}
		failed += act[i] == ACT_DEFERRED && pm->failed;
		if (act[i] == ACT_DONE) {
			add_item(r, &pm->msg, pm->outcome, pm->reason, pm->started);
		} else {
			add_item(r, &pm->msg, act[i] == ACT_VANISHED ? "vanished" : "deferred", why[i], pm->started);
		}
		sqz_free(why[i]);
		sqz_message_clear(&pm->msg);
		sqz_free(pm->reason);
		memset(pm, 0, sizeof *pm);
	}
	if (failure->status != SQZ_OK) {
		/* Each message whose check or move failed is one failure toward the
		 * abort streak, as a handler's failure is: with Graph down for
		 * message operations, a run must not go on importing documents
		 * into Squeeze that it cannot move. */
		note_failures(r, failure, failed ? failed : 1);
	}
	sqz_error_clear(failure);
}

static void flush_moves(run *r)
{
	join_prefetch(r);    /* the worker's moves first (and the mailbox's concurrency back) */
	size_t n = r->move_count;
	if (n == 0 || !may_send(r)) {
		return;
	}
	settle_journal(r);
	if (r->fatal) {
		return;    /* the journal may not hold these verdicts: no move before it does */
	}
	int act[MOVE_BATCH];
	char *why[MOVE_BATCH];
	sqz_error failure = SQZ_ERROR_INIT;
	memset(why, 0, sizeof why);
	move_ctx mc;
	move_ctx_of(r, &mc);
	moves_send(&mc, r->im->mailbox->graph, NULL, r->moves, n, act, why, &failure);
	moves_finish(r, r->moves, n, act, why, &failure);
	r->move_count = 0;
}

static void queue_move(run *r, const sqz_message *m, const char *outcome, const char *reason, int to_error, int located, double started)
{
	if (r->move_count == MOVE_BATCH) {
		/* flush_moves() kept them (the journal could not be written): the
		 * journal entry, if any, makes the next run finish this one. */
		return;
	}
	pending_move *pm = &r->moves[r->move_count++];
	message_copy(&pm->msg, m);
	pm->outcome = outcome;
	pm->reason = sqz_strdup(reason);
	pm->to_error = to_error;
	pm->located = located;
	pm->started = started;
	if (r->move_count == MOVE_BATCH) {
		flush_moves(r);
	}
}

/* Journal "failed", the category, then the move to Error. */
static void fail_message(run *r, const sqz_message *m, const char *reason, double started)
{
	json_object *old = entry_of(r, m->id);
	int64_t attempts = 0;
	sqz_json_int64(old, "attempts", &attempts);
	note_entry(r, m, m->id, "failed", (int)attempts, reason);
	/* The category goes with the moves (flush_moves): it needs the
	 * message's categories, which the location check reads anyway. */
	queue_move(r, m, "failed", reason, 1, 0, started);
}

/* Does the message have an attachment the options accept? -1 on a Graph
 * failure (e filled). */
static int has_qualifying_attachment(run *r, const sqz_message *m, sqz_error *e)
{
	sqz_attachment *list = NULL;
	size_t count = 0;
	if (!m->has_attachments && r->im->options.include_inline == 0) {
		/* Graph's hasAttachments ignores inline parts; nothing to look at. */
		return 0;
	}
	settle_journal(r);    /* before a request to Graph */
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

enum { RES_DEFERRED, RES_VANISHED, RES_DONE, RES_MOVE, RES_MAIN };

typedef struct resume_step {
	sqz_message msg;            /* from Graph when found, else id + what the journal knows */
	int action;
	int to_error;
	char *reason;               /* the journal's (failed) */
	char *why;                  /* deferred / vanished */
	double started;
} resume_step;

/* Finishes what an earlier run left in the journal: first finds every
 * entry's message (so that the total $progress sees is right), then
 * records and moves. */
static void resume_journal(run *r)
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
		resume_step *s = &steps[located];
		json_object *entry = entry_of(r, s->msg.id);
		const char *state = sqz_json_string(entry, "state");
		int finished = state && (strcmp(state, "imported") == 0 || strcmp(state, "failed") == 0);
		s->to_error = state && strcmp(state, "failed") == 0;
		s->reason = sqz_strdup(sqz_json_string(entry, "reason"));
		s->started = sqz_clock_monotonic();
		char *parent = NULL;
		sqz_error e = SQZ_ERROR_INIT;
		sqz_message found;
		int where = locate(r->im->mailbox, r->im->mailbox->graph, s->msg.id, &parent, &found, &e);
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
			s->why = reasonf("could not check the message: %s", e.message);
			note_failure(r, &e);
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
			moved_from_inbox++;
		} else if (finished) {
			s->action = RES_VANISHED;    /* someone moved it elsewhere by hand: respect that */
			s->why = sqz_strdup(VANISHED_ELSEWHERE);
		} else if (!parent || strcmp(parent, r->inbox.id) != 0) {
			s->action = RES_VANISHED;    /* a started entry whose message left the Inbox without us */
			s->why = sqz_strdup("the message left the Inbox during an interrupted import");
		} else {
			s->action = RES_MAIN;    /* a "started" entry in the Inbox: the main loop takes it */
		}
		if (s->action != RES_MAIN) {
			items++;
		}
		sqz_error_clear(&e);
		sqz_free(parent);
	}
	/* Resumed moves leave the Inbox before it is listed. */
	int64_t left = r->inbox.total_count - moved_from_inbox;
	r->total = (int64_t)items + (left < 0 ? 0 : left < cap ? left : cap);

	for (size_t i = 0; i < located; i++) {
		resume_step *s = &steps[i];
		sqz_error je = SQZ_ERROR_INIT;
		switch (s->action) {
		case RES_DEFERRED:
			add_item(r, &s->msg, "deferred", s->why, s->started);
			break;
		case RES_VANISHED:
		case RES_DONE:
			if (drop_entry(r, s->msg.id, &je) != SQZ_OK) {
				note_failure(r, &je);
			}
			add_item(r, &s->msg, s->action == RES_DONE ? "resumed" : "vanished",
				s->action == RES_DONE ? (s->to_error ? s->reason : NULL) : s->why, s->started);
			break;
		case RES_MOVE:
			if (may_send(r)) {
				if (s->to_error) {
					set_category(r, s->msg.id, s->reason ? s->reason : "failed");
				}
				queue_move(r, &s->msg, "resumed", s->to_error ? s->reason : NULL, s->to_error, 1, s->started);
			}
			break;
		default:
			break;
		}
		sqz_error_clear(&je);
	}
	for (size_t i = 0; i < k; i++) {
		sqz_message_clear(&steps[i].msg);
		sqz_free(steps[i].reason);
		sqz_free(steps[i].why);
	}
	sqz_free(steps);
	if (may_send(r)) {
		flush_moves(r);
	}
}

static void process(run *r, const sqz_message *m)
{
	double started = sqz_clock_monotonic();
	const sqz_import_options *o = &r->im->options;
	json_object *entry = entry_of(r, m->id);
	const char *state = sqz_json_string(entry, "state");
	int64_t attempts = 0;
	sqz_json_int64(entry, "attempts", &attempts);
	if (state && strcmp(state, "started") != 0) {
		return;    /* resumed above (or deferred there) */
	}
	const sqz_prefetch_entry *pe = sqz_prefetch_find(r->pf, m->id);
	if (pe && pe->gone) {
		/* Deleted or moved away between the listing and the prefetch. */
		sqz_error e = SQZ_ERROR_INIT;
		if (entry && drop_entry(r, m->id, &e) != SQZ_OK) {
			note_failure(r, &e);
		}
		sqz_error_clear(&e);
		add_item(r, m, "vanished", VANISHED_GONE, started);
		return;
	}
	if (state && attempts >= o->max_attempts) {
		fail_message(r, m, "poison", started);
		return;
	}
	if (o->max_message_size > 0 && m->size > o->max_message_size) {
		fail_message(r, m, "too_large", started);
		return;
	}
	if (o->require_attachments) {
		sqz_error e = SQZ_ERROR_INIT;
		int q = has_qualifying_attachment(r, m, &e);
		if (q < 0) {
			if (is_vanished(&e)) {
				add_item(r, m, "vanished", VANISHED_GONE, started);
			} else {
				char why[700];
				snprintf(why, sizeof why, "%s", e.message ? e.message : "could not list the attachments");
				add_item(r, m, "deferred", why, started);
				note_failure(r, &e);
			}
			sqz_error_clear(&e);
			return;
		}
		if (q == 0) {
			fail_message(r, m, "missing_attachments", started);
			return;
		}
	}

	if (r->fatal) {
		return;    /* settling the journal above failed: no handler in a run that is ending */
	}
	sqz_error e = SQZ_ERROR_INIT;
	if (set_entry(r, m, m->id, "started", (int)attempts + 1, NULL, &e) != SQZ_OK) {
		note_failure(r, &e);
		sqz_error_clear(&e);
		return;
	}
	char *reason = NULL;
	sqz_error failure = SQZ_ERROR_INIT;
	sqz_handler_result hr = r->host->handle(r->host->ctx, m, &reason, &failure);
	switch (hr) {
	case SQZ_HANDLER_OK:
		r->transient_streak = 0;
		note_entry(r, m, m->id, "imported", (int)attempts + 1, NULL);
		queue_move(r, m, "imported", NULL, 0, 0, started);
		break;
	case SQZ_HANDLER_FAILED:
		r->transient_streak = 0;
		fail_message(r, m, reason ? reason : "handler_failed", started);
		break;
	case SQZ_HANDLER_RETRY:
	case SQZ_HANDLER_TRANSIENT:
		/* Finished without importing: this call is no crash and does not
		 * count, but the crashes before it still do. */
		if ((attempts > 0 ? set_entry(r, m, m->id, "started", (int)attempts, NULL, &e) : drop_entry(r, m->id, &e)) != SQZ_OK) {
			note_failure(r, &e);
			break;
		}
		add_item(r, m, "deferred", reason ? reason : (hr == SQZ_HANDLER_RETRY ? "retry_later" : "transient failure"), started);
		if (hr == SQZ_HANDLER_TRANSIENT) {
			if (failure.status == SQZ_OK) {
				failure.status = SQZ_E_TRANSPORT;
			}
			note_failure(r, &failure);
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
		if ((attempts > 0 ? set_entry(r, m, m->id, "started", (int)attempts, NULL, &e) : drop_entry(r, m->id, &e)) != SQZ_OK) {
			note_failure(r, &e);
		}
		r->stop = 1;
		r->host_failed = 1;
		break;
	}
	sqz_error_clear(&failure);
	sqz_error_clear(&e);
	sqz_free(reason);
}

/* The host's logger for the prefetch's log lines, or NULL while the host
 * is failing (no PHP may run then). */
static const sqz_logger *prefetch_logger(run *r)
{
	if (r->host->failed && r->host->failed(r->host->ctx)) {
		return NULL;
	}
	return r->im->mailbox->graph->http_opts.logger;
}

/* Waits for the fetch ahead: before any other request of the run, so the
 * mailbox never sees more than `concurrency` requests at once. */
/* On the prefetch worker, before its fetch: the moves handed to it. */
static void send_moves_ahead(void *ctx, sqz_graph *graph, const sqz_logger *held)
{
	move_set *ms = ctx;
	moves_send(&ms->ctx, graph, held, ms->moves, ms->n, ms->act, ms->why, &ms->failure);
	atomic_store(&ms->failed, ms->failure.status != SQZ_OK);
}

/* Moves a cancelled worker may or may not have made: the journal still
 * has them, and the next run finds out where each message is (resumed). */
static void drop_moving(run *r)
{
	move_set *ms = r->moving;
	if (!ms) {
		return;
	}
	r->moving = NULL;
	for (size_t i = 0; i < ms->n; i++) {
		sqz_message_clear(&ms->moves[i].msg);
		sqz_free(ms->moves[i].reason);
		sqz_free(ms->why[i]);
	}
	sqz_error_clear(&ms->failure);
	sqz_free(ms);
}

/* Waits for the fetch ahead, then records the outcomes of the moves it
 * sent: before any other request of the run, so the mailbox never sees
 * more than `concurrency` requests at once. */
static void join_prefetch(run *r)
{
	settle_journal(r);    /* the worker's log lines go to the logger: userland */
	if (sqz_prefetch_join_ahead(r->pf, prefetch_logger(r)) < 0) {
		drop_moving(r);    /* the parent's worker sent them, or not: the journal knows */
		return;
	}
	move_set *ms = r->moving;
	if (!ms) {
		return;
	}
	r->moving = NULL;
	if (ms->failure.status != SQZ_OK && may_send(r)) {
		/* The worker cannot refresh the token (nor call the host at all),
		 * and a failure there would end or defer what the PHP thread can
		 * still do: the set goes again from here, with the run's own graph.
		 * Moves are idempotent here: each message's place is checked
		 * first, a message already moved counts as done. */
		for (size_t i = 0; i < ms->n; i++) {
			sqz_free(ms->why[i]);
			ms->why[i] = NULL;
		}
		sqz_error_clear(&ms->failure);
		move_ctx_of(r, &ms->ctx);
		moves_send(&ms->ctx, r->im->mailbox->graph, NULL, ms->moves, ms->n, ms->act, ms->why, &ms->failure);
	}
	moves_finish(r, ms->moves, ms->n, ms->act, ms->why, &ms->failure);
	sqz_free(ms);
}

/* Fetches ahead the MIME and attachments of the messages of msgs[0..n)
 * whose handler this run will call (no journal verdict yet, not poison, not
 * too large, within max_messages). ahead = 0: now, into the set the
 * handlers are served from; ahead = 1: on the prefetch's worker thread
 * while the handlers of the current set run, with one request of the
 * mailbox's concurrency left to them (a message over the threshold, an
 * attachment list). A failure to prefetch is no failure of the run: the
 * handlers then stream from Graph as they would anyway. */
static void prefetch_window(run *r, const sqz_message *msgs, size_t n, int64_t budget, int ahead)
{
	const sqz_import_options *o = &r->im->options;
	settle_journal(r);    /* before requests to Graph */
	if (!may_send(r)) {
		return;
	}
	int concurrency = r->im->mailbox->graph->concurrency > 0 ? r->im->mailbox->graph->concurrency : 4;
	if (ahead && concurrency < 2) {
		return;    /* no request to spare for the handlers: fetched at its turn */
	}
	sqz_message *pick = sqz_calloc(n ? n : 1, sizeof *pick);
	if (!pick) {
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < n && (int64_t)i < budget; i++) {
		const sqz_message *m = &msgs[i];
		json_object *entry = entry_of(r, m->id);
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
		/* The moves of the messages handled so far go with it (their
		 * verdicts are in the journal: settled above): their round trips
		 * then overlap the next handlers too. */
		move_set *ms = NULL;
		if (r->move_count > 0 && !r->moving && (ms = sqz_calloc(1, sizeof *ms))) {
			move_ctx_of(r, &ms->ctx);
			ms->n = r->move_count;
			memcpy(ms->moves, r->moves, ms->n * sizeof *ms->moves);
		}
		st = sqz_prefetch_start_ahead(r->pf, r->im->mailbox, pick, k, concurrency - 1, ms ? send_moves_ahead : NULL, ms, &e);
		if (st == SQZ_OK && ms) {
			memset(r->moves, 0, ms->n * sizeof *r->moves);
			r->move_count = 0;
			r->moving = ms;
		} else {
			sqz_free(ms);    /* the moves stay queued (shallow copy: nothing else to free) */
		}
	} else if (k > 0) {
		st = sqz_prefetch_fetch(r->pf, r->im->mailbox, pick, k, &e);
	}
	if (st != SQZ_OK) {
		sqz_log_field f[] = { { "error", e.message } };
		log_line(r, SQZ_LOG_WARNING, ahead ? "could not start fetching messages ahead; they are fetched at their turn"
			: "could not fetch messages ahead; the handlers download them one by one", f, 1);
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

static sqz_status resolve_folders(run *r, sqz_error *err)
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
	if (st == SQZ_OK && (strcmp(r->inbox.id, r->exported.id) == 0 || strcmp(r->inbox.id, r->error.id) == 0
		|| strcmp(r->exported.id, r->error.id) == 0)) {
		st = sqz_error_set(err, SQZ_E_CONFIG, "the folders inbox '%s', exported '%s' and error '%s' resolve to the same folder; "
			"configure three different folders", c->folder_inbox, c->folder_exported, c->folder_error);
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
	run r;
	memset(&r, 0, sizeof r);
	r.im = im;
	r.host = host;
	r.report = report;
	sqz_status st = SQZ_OK;
	/* Heap, not stack: a host whose handler unwinds the C stack removes the
	 * temporary directory through the mailbox (sqz_importer_abandon). */
	sqz_mailbox_cache outer_cache = im->mailbox->cache;
	r.pf = sqz_calloc(1, sizeof *r.pf);
	if (!r.pf) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto unlock;
	}
	im->mailbox->cache = sqz_prefetch_cache(r.pf);

	/* Throttled earlier: not one request before the moment Graph named. */
	char *value = NULL;
	size_t len = 0;
	if (sqz_store_get(&im->store, THROTTLE_KEY, sizeof THROTTLE_KEY - 1, &value, &len, err) != SQZ_OK) {
		st = err->status;
		goto unlock;
	}
	if (value) {
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
			goto unlock;
		}
		sqz_store_delete(&im->store, THROTTLE_KEY, sizeof THROTTLE_KEY - 1, &ignored);
		sqz_error_clear(&ignored);
	}

	if ((st = resolve_folders(&r, err)) != SQZ_OK) {
		if (err->status == SQZ_E_THROTTLED && err->retry_after > 0) {
			note_failure(&r, err);
			sqz_error_clear(err);
			st = SQZ_OK;
		}
		goto unlock;
	}
	if ((st = load_journal(&r, err)) != SQZ_OK) {
		goto unlock;
	}
	resume_journal(&r);

	int64_t taken = 0, listed = 0;
	char *next = NULL;
	int first = 1;
	int page_size = im->options.max_messages < LIST_PAGE_MAX ? (int)(im->options.max_messages > 0 ? im->options.max_messages : 1) : LIST_PAGE_MAX;
	r.listing = 1;
	while (!r.stop && taken < im->options.max_messages && (first || next)) {
		sqz_message *msgs = NULL;
		size_t count = 0;
		char *link = NULL;
		if (!first) {
			/* Settle the moves first: the offset counts what left the Inbox. */
			if (may_send(&r)) {
				flush_moves(&r);
			}
			if (r.stop) {
				break;
			}
			link = next_page_link(next, listed - r.left_inbox);
			sqz_free(next);
		}
		next = NULL;
		sqz_error e = SQZ_ERROR_INIT;
		sqz_status ps = sqz_mailbox_message_page(im->mailbox, r.inbox.id, first ? NULL : link, page_size, &msgs, &count, &next, &e);
		sqz_free(link);
		first = 0;
		if (ps != SQZ_OK) {
			if (is_vanished(&e)) {
				/* The Inbox id stopped existing (folder recreated): the next run re-resolves. */
				sqz_error_prefix(&e, "the Inbox folder disappeared during the run");
			}
			note_failure(&r, &e);
			if (!r.stop && !r.fatal) {
				/* Listing failed transiently and not yet 5 times: give up this run. */
				report->aborted = "unavailable";
			}
			sqz_error_clear(&e);
			break;
		}
		listed += (int64_t)count;
		for (size_t w = 0; w < count; w += PREFETCH_WINDOW) {
			size_t end = count - w < PREFETCH_WINDOW ? count : w + PREFETCH_WINDOW;
			if (r.stop || taken >= im->options.max_messages) {
				break;
			}
			/* This window was fetched ahead while the previous one's handlers
			 * ran (with the moves before them), or is fetched now (the first
			 * of a page). */
			join_prefetch(&r);    /* settles the journal before the worker's log lines */
			if (r.stop) {
				break;
			}
			if (!sqz_prefetch_advance(r.pf, prefetch_logger(&r)) && may_send(&r)) {
				int64_t budget = im->options.max_messages - taken;
				announce_fetch(&r, (int64_t)(end - w) < budget ? (int64_t)(end - w) : budget);
				if (r.stop) {
					break;
				}
				prefetch_window(&r, msgs + w, end - w, budget, 0);
			}
			int64_t after = taken + (int64_t)(end - w);
			if (end < count && after < im->options.max_messages && may_send(&r)) {
				size_t next_end = count - end < PREFETCH_WINDOW ? count : end + PREFETCH_WINDOW;
				prefetch_window(&r, msgs + end, next_end - end, im->options.max_messages - after, 1);
			}
			for (size_t i = w; i < end; i++) {
				if (r.moving && atomic_load(&r.moving->failed)) {
					/* The worker's moves failed: learn now whether they can be
					 * made at all (the PHP thread sends them again), before
					 * another handler imports a document that may not move. */
					sqz_prefetch_skip_fetch(r.pf);
					join_prefetch(&r);
				}
				if (!r.stop && taken < im->options.max_messages) {
					taken++;
					process(&r, &msgs[i]);
					if (host->failed && host->failed(host->ctx)) {
						r.stop = 1;
						r.host_failed = 1;
					}
				}
			}
			sqz_prefetch_drop(r.pf);
		}
		/* The moves the worker is sending are waited for (their outcomes
		 * belong in this report) unless the host is failing; a window
		 * fetched ahead whose turn will not come (the run stops) is not. */
		if (r.moving && !r.host_failed) {
			sqz_prefetch_skip_fetch(r.pf);
			join_prefetch(&r);
		}
		sqz_prefetch_cancel_ahead(r.pf);
		drop_moving(&r);
		for (size_t i = 0; i < count; i++) {
			sqz_message_clear(&msgs[i]);
		}
		sqz_free(msgs);
	}
	sqz_free(next);
	settle_journal(&r);
	if (may_send(&r)) {
		flush_moves(&r);
	}
	/* Moves not sent (throttled, host failure): their journal entries make
	 * the next run finish them. */
	for (size_t i = 0; i < r.move_count; i++) {
		sqz_message_clear(&r.moves[i].msg);
		sqz_free(r.moves[i].reason);
	}
	r.move_count = 0;
	if (r.fatal) {
		sqz_error_move(err, &r.fatal_error);
		st = err->status;
	} else if (r.host_failed) {
		st = sqz_error_set(err, SQZ_E_CALLBACK, "the handler or progress callback failed");
	}

unlock:;
	active_runs = self.next;
	im->mailbox->cache = outer_cache;
	if (r.pf) {
		sqz_prefetch_clear(r.pf);
		sqz_free(r.pf);
	}
	drop_moving(&r);    /* after the worker is joined */
	sqz_error uerr = SQZ_ERROR_INIT;
	sqz_store_unlock(&im->store, lock_key, strlen(lock_key), &uerr);
	sqz_error_clear(&uerr);
	sqz_error_clear(&r.fatal_error);
	if (r.journal) {
		json_object_put(r.journal);
	}
	sqz_folder_copy_clear(&r.inbox);
	sqz_folder_copy_clear(&r.exported);
	sqz_folder_copy_clear(&r.error);
	report->seconds = sqz_clock_monotonic() - t0;
	if (host->logger && host->logger->log && !report->locked && !(host->failed && host->failed(host->ctx))) {
		char line[400], secs[32];
		snprintf(secs, sizeof secs, "%.3f", report->seconds);
		snprintf(line, sizeof line, "import run: %lld imported, %lld failed, %lld deferred, %lld vanished, %lld resumed in %s s%s%s",
			(long long)report->imported, (long long)report->failed, (long long)report->deferred, (long long)report->vanished,
			(long long)report->resumed, secs, report->aborted ? "; aborted: " : "", report->aborted ? report->aborted : "");
		sqz_log_field f[] = { { "seconds", secs }, { "aborted", report->aborted } };
		host->logger->log(host->logger->ctx, report->aborted ? SQZ_LOG_WARNING : SQZ_LOG_INFO, line, f, 2);
	}
	return st;
}
