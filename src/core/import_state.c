/* The state of one import run: the journal, the failure accounting, the
 * log lines and the report items (import_state.h). */
#include "import_state.h"
#include "alloc.h"
#include "clock.h"

#include <stdio.h>
#include <string.h>

#define JOURNAL_KEY "import.journal"
#define ABORT_AFTER_TRANSIENT 5

char *sqz_import_reason(const char *fmt, const char *detail)
{
	char text[700];
	snprintf(text, sizeof text, fmt, detail ? detail : "error");
	return sqz_strdup(text);
}

void sqz_import_log(sqz_import_run *r, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n)
{
	sqz_import_journal_settle(r);    /* a logger is userland code: it may exit() */
	const sqz_logger *l = r->host->logger;
	if (l && l->log && !(r->host->failed && r->host->failed(r->host->ctx))) {
		l->log(l->ctx, level, message, fields, n);
	}
}

const sqz_logger *sqz_import_prefetch_logger(sqz_import_run *r)
{
	if (r->host->failed && r->host->failed(r->host->ctx)) {
		return NULL;
	}
	return r->im->mailbox->graph->http_opts.logger;
}

/* An entry as the run keeps it: one JSON string holding the entry's text
 * in the journal, `"<id>":{...}` as json-c writes it, marked by its
 * userdata. A json-c object per entry (a hash of 16 buckets and a value
 * object per field, about 1.4 KB with its text) is made only when the
 * entry is read back, which a run rarely does (a failed message, a
 * resumed one), and then kept as the userdata instead. Entries are never
 * changed in place (a new state is a new entry, sqz_import_journal_note),
 * so the text stays true. */
static char compact_mark;

static int is_compact(json_object *value)
{
	return json_object_is_type(value, json_type_string) && json_object_get_userdata(value) != NULL;
}

static int append_json(sqz_buf *b, json_object *value)
{
	const char *text = json_object_to_json_string_ext(value, JSON_C_TO_STRING_PLAIN);
	return text ? sqz_buf_appends(b, text) : -1;
}

/* `"<key>":` with json-c's escaping. */
static int append_key(sqz_buf *b, const char *key)
{
	json_object *k = json_object_new_string(key);
	int rc = !k || append_json(b, k) != 0 || sqz_buf_append(b, ":", 1) != 0 ? -1 : 0;
	json_object_put(k);
	return rc;
}

/* The compact form of entry (not taken), or NULL when memory ran out. */
static json_object *compact_entry(const char *id, json_object *entry)
{
	sqz_buf b = SQZ_BUF_INIT;
	json_object *compact = NULL;
	if (append_key(&b, id) == 0 && append_json(&b, entry) == 0) {
		compact = json_object_new_string_len(b.data, (int)b.len);
	}
	sqz_buf_free(&b);
	if (compact) {
		json_object_set_userdata(compact, &compact_mark, NULL);
	}
	return compact;
}

static void put_entry(json_object *entry, void *parsed)
{
	(void)entry;
	json_object_put(parsed);
}

/* The object of a compact entry, parsed on first use: the value after the
 * key's closing quote and the colon. NULL when it cannot be read. */
static json_object *compact_object(json_object *compact)
{
	void *kept = json_object_get_userdata(compact);
	if (kept != &compact_mark) {
		return kept;
	}
	const char *text = json_object_get_string(compact);
	size_t len = (size_t)json_object_get_string_len(compact), at = 1;
	while (at < len && text[at] != '"') {
		at += text[at] == '\\' ? 2 : 1;
	}
	if (at + 1 >= len || text[at + 1] != ':') {
		return NULL;
	}
	sqz_error ignored = SQZ_ERROR_INIT;
	json_object *parsed = sqz_json_parse(text + at + 2, len - at - 2, "an import journal entry", SQZ_E_INTERNAL, &ignored);
	sqz_error_clear(&ignored);
	if (parsed) {
		json_object_set_userdata(compact, parsed, put_entry);
	}
	return parsed;
}

/* The journal as text: each entry's kept text, so that a write costs a
 * copy of the journal rather than serializing every entry again (the
 * journal holds a window's and two sets of moves' entries, 60 KB, and is
 * written once per message). Members a newer version may have added, and
 * entries that are not objects, are written as json-c writes them. NULL
 * when memory ran out. */
static const char *journal_text(sqz_import_run *r, size_t *len)
{
	sqz_buf *b = &r->journal_text;
	sqz_buf_reset(b);
	int failed = sqz_buf_append(b, "{", 1) != 0;
	int first = 1;
	json_object_object_foreach(r->journal, key, value) {
		failed = failed || (!first && sqz_buf_append(b, ",", 1) != 0) || append_key(b, key) != 0;
		first = 0;
		if (value != r->entries) {
			failed = failed || append_json(b, value) != 0;
			continue;
		}
		failed = failed || sqz_buf_append(b, "{", 1) != 0;
		int first_entry = 1;
		json_object_object_foreach(r->entries, id, entry) {
			failed = failed || (!first_entry && sqz_buf_append(b, ",", 1) != 0);
			first_entry = 0;
			if (is_compact(entry)) {
				failed = failed || sqz_buf_append(b, json_object_get_string(entry), (size_t)json_object_get_string_len(entry)) != 0;
			} else {
				failed = failed || append_key(b, id) != 0 || append_json(b, entry) != 0;
			}
		}
		failed = failed || sqz_buf_append(b, "}", 1) != 0;
	}
	if (failed || sqz_buf_append(b, "}", 1) != 0) {
		return NULL;
	}
	*len = b->len;
	return b->data;
}

/* During a run the journal is written once per message: through the
 * Store's put_often (a FileStore appends: one sync instead of two). */
sqz_status sqz_import_journal_save(sqz_import_run *r, sqz_error *err)
{
	size_t len = 0;
	const char *text = journal_text(r, &len);
	if (!text) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory writing the import journal");
	}
	sqz_status st = sqz_store_put_often(&r->im->store, JOURNAL_KEY, sizeof JOURNAL_KEY - 1, text, len, err);
	if (st == SQZ_OK) {
		r->journal_dirty = 0;
		r->journal_appended = r->im->store.ops->put_often != NULL;
	}
	return st;
}

/* A FileStore file of one frame again, which any version of sqzgraph reads. */
void sqz_import_journal_close(sqz_import_run *r)
{
	if (!r->journal || !r->journal_appended || r->fatal) {
		return;
	}
	size_t len = 0;
	const char *text = journal_text(r, &len);
	sqz_error e = SQZ_ERROR_INIT;
	if (!text) {
		sqz_error_set(&e, SQZ_E_NOMEM, "out of memory");
	}
	if (!text || sqz_store_put(&r->im->store, JOURNAL_KEY, sizeof JOURNAL_KEY - 1, text, len, &e) != SQZ_OK) {
		sqz_log_field f[] = { { "error", e.message } };
		sqz_import_log(r, SQZ_LOG_WARNING, "could not rewrite the import journal as one record at the end of the run; it stays as appended", f, 1);
	} else {
		r->journal_dirty = 0;
		r->journal_appended = 0;
	}
	sqz_error_clear(&e);
}

/* A handler's verdict ("imported", "failed") is written with the next
 * journal write instead of one of its own: every message would otherwise
 * cost two durable Store writes (started, then the verdict), and a
 * FileStore write is two fsyncs. The verdict still reaches the Store before
 * anything can depend on it or end the process: before the next handler
 * call (its "started" write carries it), before any request to Graph (a
 * move above all), before the logger or the progress callback run
 * (userland code that may exit()) and before the run returns. */
void sqz_import_journal_settle(sqz_import_run *r)
{
	if (!r->journal_dirty) {
		return;
	}
	sqz_error e = SQZ_ERROR_INIT;
	if (sqz_import_journal_save(r, &e) != SQZ_OK) {
		r->journal_dirty = 0;    /* reported once; the run ends (sqz_import_note_failure: Store errors are fatal) */
		sqz_import_note_failure(r, &e);
	}
	sqz_error_clear(&e);
}

sqz_status sqz_import_journal_load(sqz_import_run *r, sqz_error *err)
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
	/* What an earlier run left, compact too (an object that cannot be made
	 * compact stays as it is: it is written the same). */
	json_object_object_foreach(r->entries, id, entry) {
		json_object *compact = json_object_is_type(entry, json_type_object) ? compact_entry(id, entry) : NULL;
		if (compact) {
			json_object_object_add(r->entries, id, compact);    /* replaces the value in place: the walk goes on */
		}
	}
	return SQZ_OK;
}

json_object *sqz_import_journal_entry(sqz_import_run *r, const char *id)
{
	json_object *entry = sqz_json_get(r->entries, id);
	if (!is_compact(entry)) {
		return entry;
	}
	json_object *object = compact_object(entry);
	if (!object) {
		/* Only memory can make the run's own text unreadable; an entry
		 * taken for none could import its message twice: the run ends. */
		sqz_error e = SQZ_ERROR_INIT;
		sqz_error_set(&e, SQZ_E_NOMEM, "out of memory reading the import journal");
		sqz_import_note_failure(r, &e);
		sqz_error_clear(&e);
	}
	return object;
}

void sqz_import_journal_note(sqz_import_run *r, const sqz_message *m, const char *id, const char *state, int attempts,
	const char *reason)
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
		json_object *old = sqz_import_journal_entry(r, id);
		const char *s = sqz_json_string(old, "subject");
		if (s) {
			json_object_object_add(e, "subject", json_object_new_string(s));
		}
	}
	if (reason) {
		json_object_object_add(e, "reason", json_object_new_string(reason));
	}
	json_object_object_add(e, "at", json_object_new_int64(sqz_clock_now()));
	json_object *compact = compact_entry(id, e);
	if (compact) {
		json_object_put(e);
		e = compact;
	}
	json_object_object_add(r->entries, id, e);
	r->journal_dirty = 1;
}

sqz_status sqz_import_journal_set(sqz_import_run *r, const sqz_message *m, const char *id, const char *state,
	int attempts, const char *reason, sqz_error *err)
{
	sqz_import_journal_note(r, m, id, state, attempts, reason);
	return sqz_import_journal_save(r, err);
}

sqz_status sqz_import_journal_drop(sqz_import_run *r, const char *id, sqz_error *err)
{
	json_object_object_del(r->entries, id);
	return sqz_import_journal_save(r, err);
}

void sqz_import_add_item(sqz_import_run *r, const sqz_message *m, const char *outcome, const char *reason, double started)
{
	const char *id = m->id;
	const char *subject = m->subject ? m->subject : "";
	sqz_import_report *rep = r->report;
	if (r->host->item) {
		sqz_import_item line = { (char *)id, (char *)subject, outcome, (char *)reason };
		r->host->item(r->host->ctx, &line);
	} else {
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
	}
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
	sqz_import_log(r, strcmp(outcome, "failed") == 0 || strcmp(outcome, "deferred") == 0 ? SQZ_LOG_WARNING : SQZ_LOG_INFO, line, fields, 4);
	r->done++;
	if (r->listing && (strcmp(outcome, "imported") == 0 || strcmp(outcome, "failed") == 0 || strcmp(outcome, "vanished") == 0)) {
		r->left_inbox++;
	}
	if (r->host->progress) {
		sqz_import_journal_settle(r);
		if (r->host->progress(r->host->ctx, r->done, r->total, m, outcome) != 0) {
			r->stop = 1;
			r->host_failed = 1;
		}
	}
}

int sqz_import_note_failure(sqz_import_run *r, sqz_error *e)
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
	if (e->status == SQZ_E_THROTTLED || sqz_import_is_transient(e)) {
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

int sqz_import_note_failures(sqz_import_run *r, sqz_error *e, size_t count)
{
	int counts_per_message = sqz_import_is_transient(e) || (e->status == SQZ_E_THROTTLED && e->retry_after <= 0);
	for (size_t c = 1; counts_per_message && c < count; c++) {
		r->transient_streak++;
	}
	return sqz_import_note_failure(r, e);
}
