/* The moves of an import run (import_moves.h): where each message is, its
 * Error category, the $batch requests, and the moves the prefetch worker
 * sends while the handlers of the next window run. */
#include "import_moves.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* What the requests of moves need, none of it changing during a run: the
 * prefetch worker reads it while the PHP thread goes on (never the run's
 * own frame, which a bailout of PHP code may leave behind). */
typedef struct move_ctx {
	sqz_import_run *r;          /* for log lines, on the PHP thread only */
	sqz_mailbox *mb;
	const char *prefix;         /* error_category */
	const char *inbox_id, *exported_id, *error_id;
	const char *folder_exported, *folder_error;
} move_ctx;

/* Moves on their way, and what became of each. */
typedef struct sqz_import_move_set {
	move_ctx ctx;
	sqz_import_move moves[MOVE_BATCH];
	size_t n;
	int act[MOVE_BATCH];
	char *why[MOVE_BATCH];
	sqz_error failure;
	atomic_int failed;          /* set by the worker once its moves are sent and one failed */
} sqz_import_move_set;

/* What the message list and Message need, plus where the message is. */
#define LOCATE_SELECT "id,internetMessageId,subject,from,receivedDateTime,hasAttachments,parentFolderId"
/* Graph's largest page of a message listing (GRAPH-FACTS §4.3): a set's
 * span holds its own messages and rarely many others. */
#define LOCATE_LISTING_TOP 1000

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

static void move_ctx_of(sqz_import_run *r, move_ctx *mc)
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

/* A log line of the moves: through sqz_import_log on the PHP thread, held for
 * later on the prefetch worker (held != NULL). */
static void moves_log(sqz_import_run *r, const sqz_logger *held, sqz_log_level level, const char *message,
	const sqz_log_field *fields, size_t n)
{
	if (held) {
		held->log(held->ctx, level, message, fields, n);
	} else {
		sqz_import_log(r, level, message, fields, n);
	}
}

/* Best effort: the move happens without the category. */
static void log_category_failure(sqz_import_run *r, const sqz_logger *held, const char *id, const char *why)
{
	sqz_log_field f[] = { { "id", id }, { "error", why } };
	moves_log(r, held, SQZ_LOG_WARNING, "could not set the message's Outlook categories", f, 2);
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
static void patch_categories(sqz_import_run *r, sqz_mailbox *mb, sqz_graph *graph, const sqz_logger *held,
	const char *id, json_object *cats)
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
		log_category_failure(r, held, id, e.message);
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
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3
								: 2;
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
void sqz_import_set_category(sqz_import_run *r, const char *id, const char *reason)
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
		sqz_import_log(r, SQZ_LOG_WARNING, "could not read the message's Outlook categories; the error category is not set", f, 2);
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
int sqz_import_locate(sqz_mailbox *mb, sqz_graph *graph, const char *id, char **parent, sqz_message *found, sqz_error *e)
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
		if (sqz_import_is_vanished(e)) {
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

enum { ACT_MOVE,
	ACT_DONE,
	ACT_VANISHED,
	ACT_DEFERRED };

/* One set of moves on its way through moves_send: what it reads and what
 * it fills. */
typedef struct move_sender {
	const move_ctx *mc;
	sqz_graph *graph;
	const sqz_logger *held;
	sqz_import_move *moves;
	int *act;
	char **why;
	sqz_error *failure;         /* the set's first failure (keep_failure) */
	size_t n;     /* the set's moves */
	/* Error categories of the messages going to Error, set before their
	 * moves in one parallel $batch of PATCHes: room for n, taken at the
	 * first (patch_room). */
	sqz_batch_member *patches;
	char **patch_paths, **patch_bodies;
	size_t *patch_of, patch_count;
} move_sender;

/* One $batch of a move set: a request per moves[idx[j]]. */
typedef struct move_round {
	const char *method;
	const char *suffix;         /* after the message's path */
	const char *body[2];        /* by to_error */
	/* A 2xx or 404 answer about moves[i]. */
	void (*answered)(move_sender *s, size_t i, sqz_batch_result *res);
	/* Any other answer defers the move: fmt with Graph's message (or
	 * fallback; NULL = "error") is its reason. */
	const char *fmt, *fallback;
	int status_only;    /* 2xx bodies are not read (sqz_batch_member.status_only) */
} move_round;

/* Defers moves[idx[0..k)]: the reason is fmt with e's message (or
 * fallback), failure keeps the first error. */
static void defer_all(move_sender *s, const size_t *idx, size_t k, const char *fmt, const char *fallback, const sqz_error *e)
{
	for (size_t j = 0; j < k; j++) {
		s->act[idx[j]] = ACT_DEFERRED;
		s->why[idx[j]] = sqz_import_reason(fmt, e->message ? e->message : fallback);
		s->moves[idx[j]].failed = 1;
	}
	keep_failure(s->failure, e);
}

static void send_round(move_sender *s, const size_t *idx, size_t k, const move_round *round)
{
	/* Sized by the round, on the heap: a set of moves is up to MOVE_BATCH
	 * and the PHP thread's stack pages, once touched, stay for the
	 * process's life. */
	char **paths = sqz_calloc(k, sizeof *paths);
	sqz_batch_member *members = sqz_calloc(k, sizeof *members);
	sqz_batch_result *results = sqz_calloc(k, sizeof *results);
	sqz_error err = SQZ_ERROR_INIT;
	if (!paths || !members || !results) {
		sqz_error_set(&err, SQZ_E_NOMEM, "out of memory");
		defer_all(s, idx, k, round->fmt, round->fallback, &err);
		k = 0;
	}
	for (size_t j = 0; j < k; j++) {
		const sqz_import_move *pm = &s->moves[idx[j]];
		paths[j] = sqz_mailbox_message_path(s->mc->mb, pm->msg.id, round->suffix);
		members[j].method = round->method;
		members[j].path = paths[j] ? paths[j] : "/";
		members[j].body = round->body[pm->to_error ? 1 : 0];
		members[j].status_only = round->status_only;
	}
	if (k > 0) {
		(void)sqz_graph_batch(s->graph, members, k, results, &err);
	}
	for (size_t j = 0; j < k; j++) {
		size_t i = idx[j];
		sqz_batch_result *res = &results[j];
		if ((res->status >= 200 && res->status < 300) || res->status == 404) {
			round->answered(s, i, res);
		} else {
			defer_all(s, &i, 1, round->fmt, round->fallback, res->error.status != SQZ_OK ? &res->error : &err);
		}
		sqz_batch_result_clear(res);
		sqz_free(paths[j]);
	}
	sqz_error_clear(&err);
	sqz_free(paths);
	sqz_free(members);
	sqz_free(results);
}

static void patch_room_free(move_sender *s)
{
	sqz_free(s->patches);
	sqz_free(s->patch_paths);
	sqz_free(s->patch_bodies);
	sqz_free(s->patch_of);
	s->patches = NULL;
	s->patch_paths = s->patch_bodies = NULL;
	s->patch_of = NULL;
}

/* 0 when there is room for the set's PATCHes, -1 when memory ran out. */
static int patch_room(move_sender *s)
{
	if (s->patches) {
		return 0;
	}
	s->patches = sqz_calloc(s->n, sizeof *s->patches);
	s->patch_paths = sqz_calloc(s->n, sizeof *s->patch_paths);
	s->patch_bodies = sqz_calloc(s->n, sizeof *s->patch_bodies);
	s->patch_of = sqz_calloc(s->n, sizeof *s->patch_of);
	if (!s->patches || !s->patch_paths || !s->patch_bodies || !s->patch_of) {
		patch_room_free(s);
		return -1;
	}
	return 0;
}

/* Queues the PATCH that puts our verdict among the message's categories
 * (message: its JSON with the categories). */
static void queue_category(move_sender *s, size_t i, json_object *message)
{
	const sqz_import_move *pm = &s->moves[i];
	const char *prefix = s->mc->prefix;
	int had_ours = 0;
	char category[256];
	category_text(prefix, pm->reason ? pm->reason : "failed", category);
	json_object *patch = json_object_new_object();
	json_object *cats = categories_without_ours(prefix, message, &had_ours);
	json_object_array_add(cats, json_object_new_string(category));
	json_object_object_add(patch, "categories", cats);
	char *body = sqz_json_dump(patch);
	char *path = sqz_mailbox_message_path(s->mc->mb, pm->msg.id, NULL);
	json_object_put(patch);
	if (body && path && patch_room(s) == 0) {
		s->patches[s->patch_count] = (sqz_batch_member){ .method = "PATCH", .path = path, .body = body, .status_only = 1 };
		s->patch_paths[s->patch_count] = path;
		s->patch_bodies[s->patch_count] = body;
		s->patch_of[s->patch_count++] = i;
	} else {
		sqz_free(body);
		sqz_free(path);
		log_category_failure(s->mc->r, s->held, pm->msg.id, "out of memory");
	}
}

/* A message found in the Inbox, to be moved: its categories (from the
 * answer that found it) give the Error category, and an old verdict of
 * ours is taken off a message going to Exported. */
static void in_inbox(move_sender *s, size_t i, json_object *message)
{
	const move_ctx *mc = s->mc;
	const sqz_import_move *pm = &s->moves[i];
	const char *prefix = mc->prefix;
	s->act[i] = ACT_MOVE;
	json_object *had = sqz_json_get(message, "categories");
	if (pm->to_error && prefix && *prefix && !(had && json_object_is_type(had, json_type_array))) {
		/* A PATCH would wipe the categories a person gave the
		 * message: without them, no verdict of ours either. */
		sqz_log_field f[] = { { "id", pm->msg.id }, { "error", "Graph did not return the message's categories" } };
		moves_log(mc->r, s->held, SQZ_LOG_WARNING, "could not read the message's Outlook categories; the error category is not set", f, 2);
	} else if (pm->to_error && prefix && *prefix) {
		queue_category(s, i, message);
	}
}

/* Failed once, moved back by a person, imported now: the old verdict must
 * not follow it into Exported. */
static void drop_old_verdict(move_sender *s, size_t i, json_object *message)
{
	int had_ours = 0;
	json_object *cats = categories_without_ours(s->mc->prefix, message, &had_ours);
	if (had_ours) {
		patch_categories(s->mc->r, s->mc->mb, s->graph, s->held, s->moves[i].msg.id, cats);
	} else {
		json_object_put(cats);
	}
}

/* Where a message is: still in the Inbox (to be moved), already in its
 * destination, moved elsewhere by a person or deleted (never pulled back). */
static void on_located(move_sender *s, size_t i, sqz_batch_result *res)
{
	const move_ctx *mc = s->mc;
	const sqz_import_move *pm = &s->moves[i];
	if (res->status == 404) {
		s->act[i] = ACT_VANISHED;
		s->why[i] = sqz_strdup(VANISHED_GONE);
		return;
	}
	const char *parent = sqz_json_id(res->body, "parentFolderId");
	const char *dest = pm->to_error ? mc->error_id : mc->exported_id;
	if (!parent) {
		/* Never guess: "vanished" would drop the journal entry. */
		s->act[i] = ACT_DEFERRED;
		s->why[i] = sqz_strdup("move pending: Graph did not say where the message is");
	} else if (strcmp(parent, mc->inbox_id) == 0) {
		in_inbox(s, i, res->body);
	} else if (strcmp(parent, dest) == 0) {
		s->act[i] = ACT_DONE;
	} else {
		s->act[i] = ACT_VANISHED;
		s->why[i] = sqz_strdup(VANISHED_ELSEWHERE);
	}
	if ((s->act[i] == ACT_MOVE || s->act[i] == ACT_DONE) && !pm->to_error) {
		drop_old_verdict(s, i, res->body);
	}
}

/* Graph says the request itself is wrong (400, 404, 405, 501), not that
 * it cannot answer it now or not to us. */
static int refused_as_request(const sqz_error *e)
{
	return e->status == SQZ_E_GRAPH && (e->http_status == 400 || e->http_status == 404 || e->http_status == 405 || e->http_status == 501);
}

/* The messages of idx[0..k) still in the Inbox, found with one listing of
 * the Inbox over their receivedDateTime span instead of a GET each (a
 * window's checks were a third of the run's $batch members). Those found
 * are settled (in_inbox); idx keeps the others — moved, deleted, or
 * beyond the listing's page — for a GET each. Returns how many are left.
 * A listing Graph refuses as a request (a filter it does not take, the
 * Inbox gone) leaves them all to their GETs; any other failure (a token
 * refused, throttling, Graph down) defers them all with failure set, as
 * a failed $batch of GETs would: a GET each would fail the same way. */
static size_t locate_by_listing(move_sender *s, size_t *idx, size_t k)
{
	int64_t first = 0, last = 0;
	size_t spanned = 0;
	for (size_t j = 0; j < k; j++) {
		int64_t t = s->moves[idx[j]].msg.received_at;
		if (t > 0) {
			first = spanned == 0 || t < first ? t : first;
			last = spanned == 0 || t > last ? t : last;
			spanned++;
		}
	}
	if (spanned < 2) {
		return k;    /* one GET is as cheap as the listing */
	}
	/* Graph shows whole seconds; the mailbox may keep finer: "lt" the
	 * next second keeps a message received within the last one. */
	char from[32], until[32];
	sqz_clock_format_iso8601(first, from);
	sqz_clock_format_iso8601(last + 1, until);
	sqz_buf b = SQZ_BUF_INIT;
	sqz_buf_appendf(&b, "%s/mailFolders/", s->mc->mb->root);
	sqz_buf_append_urlencoded(&b, s->mc->inbox_id, strlen(s->mc->inbox_id));
	sqz_buf_appendf(&b, "/messages?$filter=receivedDateTime%%20ge%%20%s%%20and%%20receivedDateTime%%20lt%%20%s"
			    "&$select=id,categories&$top=%d",
		from, until, LOCATE_LISTING_TOP);
	char *url = sqz_buf_steal(&b, NULL);
	if (!url) {
		return k;
	}
	sqz_error e = SQZ_ERROR_INIT;
	json_object *page = sqz_graph_json(s->graph, "GET", url, NULL, &e);
	sqz_free(url);
	if (!page) {
		if (!refused_as_request(&e)) {
			defer_all(s, idx, k, "move pending: could not check where the message is: %s", NULL, &e);
			k = 0;
		}
		sqz_error_clear(&e);
		return k;
	}
	json_object *values = sqz_json_get(page, "value");
	if (!values || !json_object_is_type(values, json_type_array)) {
		json_object_put(page);
		return k;    /* an answer that says nothing: a GET each */
	}
	/* The listing's ids by id (its own strings, alive with page): a set of
	 * 200 against a page of 1000 is no quadratic search. */
	json_object *listed = json_object_new_object();
	size_t count = json_object_array_length(values);
	for (size_t v = 0; listed && v < count; v++) {
		json_object *m = json_object_array_get_idx(values, v);
		const char *id = sqz_json_id(m, "id");
		if (id) {
			json_object_object_add_ex(listed, id, json_object_get(m), JSON_C_OBJECT_KEY_IS_CONSTANT);
		}
	}
	size_t left = 0;
	for (size_t j = 0; j < k; j++) {
		size_t i = idx[j];
		json_object *found = listed ? json_object_object_get(listed, s->moves[i].msg.id) : NULL;
		if (!found) {
			idx[left++] = i;
			continue;
		}
		in_inbox(s, i, found);
		if (!s->moves[i].to_error) {
			drop_old_verdict(s, i, found);
		}
	}
	if (listed) {
		json_object_put(listed);
	}
	json_object_put(page);
	return left;
}

/* The answer to a move. A 404 for a message that was in the Inbox a
 * moment ago: deleted since, or the destination folder is gone. Only the
 * message's place tells. */
static void on_moved(move_sender *s, size_t i, sqz_batch_result *res)
{
	const move_ctx *mc = s->mc;
	const sqz_import_move *pm = &s->moves[i];
	if (res->status != 404) {
		s->act[i] = ACT_DONE;
		return;
	}
	char *parent = NULL;
	sqz_error le = SQZ_ERROR_INIT;
	const char *dest = pm->to_error ? mc->error_id : mc->exported_id;
	int where = sqz_import_locate(mc->mb, s->graph, pm->msg.id, &parent, NULL, &le);
	if (where == 0) {
		s->act[i] = ACT_VANISHED;
		s->why[i] = sqz_strdup(VANISHED_GONE);
	} else if (where > 0 && parent && strcmp(parent, dest) == 0) {
		s->act[i] = ACT_DONE;
	} else if (where > 0 && parent && strcmp(parent, mc->inbox_id) == 0) {
		/* The journal keeps it; the next run resolves the folders again. */
		char text[700];
		snprintf(text, sizeof text, "move pending: the %s folder '%s' no longer exists; the next run looks it up again",
			pm->to_error ? "error" : "exported", pm->to_error ? mc->folder_error : mc->folder_exported);
		s->act[i] = ACT_DEFERRED;
		s->why[i] = sqz_strdup(text);
	} else if (where > 0 && parent) {
		s->act[i] = ACT_VANISHED;
		s->why[i] = sqz_strdup(VANISHED_ELSEWHERE);
	} else if (where > 0) {
		s->act[i] = ACT_DEFERRED;
		s->why[i] = sqz_strdup("move pending: Graph did not say where the message is");
	} else {
		s->act[i] = ACT_DEFERRED;
		s->why[i] = sqz_import_reason("move pending: %s", le.message);
		s->moves[i].failed = 1;
		keep_failure(s->failure, &le);
	}
	sqz_error_clear(&le);
	sqz_free(parent);
}

/* Sends the queued Error categories. Best effort: a category that cannot
 * be set is logged; the move still happens. Not after a failed location
 * round (Graph is failing: the moves wait too). */
static void send_categories(move_sender *s)
{
	if (s->patch_count > 0 && s->failure->status == SQZ_OK) {
		sqz_batch_result *results = sqz_calloc(s->patch_count, sizeof *results);
		sqz_error err = SQZ_ERROR_INIT;
		if (!results) {
			sqz_error_set(&err, SQZ_E_NOMEM, "out of memory");
		} else {
			(void)sqz_graph_batch(s->graph, s->patches, s->patch_count, results, &err);
		}
		for (size_t j = 0; j < s->patch_count; j++) {
			if (!results || results[j].status < 200 || results[j].status >= 300) {
				const sqz_error *e = results && results[j].error.status != SQZ_OK ? &results[j].error : &err;
				log_category_failure(s->mc->r, s->held, s->moves[s->patch_of[j]].msg.id, e->message);
			}
			if (results) {
				sqz_batch_result_clear(&results[j]);
			}
		}
		sqz_free(results);
		sqz_error_clear(&err);
	}
	for (size_t j = 0; j < s->patch_count; j++) {
		sqz_free(s->patch_paths[j]);
		sqz_free(s->patch_bodies[j]);
	}
	s->patch_count = 0;
	patch_room_free(s);
}

/* The requests of a set of moves: one listing of the Inbox finding where
 * the messages are (unless the resume just found them there) and a $batch
 * of GETs for those it does not show, one $batch of Error categories,
 * one of moves; act/why say what became of each, failure the first Graph
 * failure. Runs on the PHP thread (held NULL) or on the prefetch worker
 * (its graph, its held logger): it reads only what does not change during
 * a run (options, folder ids, the moves given) and calls nothing of the
 * host. */
static void moves_send(const move_ctx *mc, sqz_graph *graph, const sqz_logger *held, sqz_import_move *moves, size_t n, int *act,
	char **why, sqz_error *failure)
{
	move_sender s = { .mc = mc, .graph = graph, .held = held, .moves = moves, .act = act, .why = why, .failure = failure, .n = n };
	size_t idx[MOVE_BATCH], k = 0;
	for (size_t i = 0; i < n; i++) {
		act[i] = ACT_MOVE;
		if (!moves[i].located) {
			idx[k++] = i;
		}
	}
	if (k > 0) {
		k = locate_by_listing(&s, idx, k);
	}
	if (k > 0) {
		move_round where = { "GET", "?$select=id,parentFolderId,categories", { NULL, NULL }, on_located,
			"move pending: could not check where the message is: %s", NULL };
		send_round(&s, idx, k, &where);
	}
	send_categories(&s);

	char body_exported[600], body_error[600];
	snprintf(body_exported, sizeof body_exported, "{\"destinationId\":\"%s\"}", mc->exported_id);
	snprintf(body_error, sizeof body_error, "{\"destinationId\":\"%s\"}", mc->error_id);
	k = 0;
	for (size_t i = 0; i < n; i++) {
		if (act[i] == ACT_MOVE) {
			idx[k++] = i;
		}
	}
	if (k > 0 && failure->status == SQZ_OK) {
		/* A failed move stays in the journal (imported/failed): the next
		 * run only moves it. */
		move_round move = { "POST", "/move", { body_exported, body_error }, on_moved, "move pending: %s", "the move failed", 1 };
		send_round(&s, idx, k, &move);
		return;
	}
	/* Graph failed to say where the messages are: no move this time. */
	defer_all(&s, idx, k, "move pending: %s", NULL, failure);
}

/* What the moves' answers mean for the journal and the report: the
 * messages in place leave the journal, each gets its outcome (the progress
 * callback runs). PHP thread only. */
static void moves_finish(sqz_import_run *r, sqz_import_move *moves, size_t n, int *act, char **why, sqz_error *failure)
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
		if (sqz_import_journal_save(r, &jerr) != SQZ_OK) {
			sqz_import_note_failure(r, &jerr);
		}
		sqz_error_clear(&jerr);
	}
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		sqz_import_move *pm = &moves[i];
		if (act[i] == ACT_DONE) {
			r->transient_streak = 0;
		}
		failed += act[i] == ACT_DEFERRED && pm->failed;
		if (act[i] == ACT_DONE) {
			sqz_import_add_item(r, &pm->msg, pm->outcome, pm->reason, pm->started);
		} else {
			sqz_import_add_item(r, &pm->msg, act[i] == ACT_VANISHED ? "vanished" : "deferred", why[i], pm->started);
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
		sqz_import_note_failures(r, failure, failed ? failed : 1);
	}
	sqz_error_clear(failure);
}

void sqz_import_moves_flush(sqz_import_run *r)
{
	sqz_import_join_ahead(r);    /* the worker's moves first (and the mailbox's concurrency back) */
	size_t n = r->move_count;
	if (n == 0 || !sqz_import_may_send(r)) {
		return;
	}
	sqz_import_journal_settle(r);
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

void sqz_import_moves_queue(sqz_import_run *r, const sqz_message *m, const char *outcome, const char *reason,
	int to_error, int located, double started)
{
	if (r->move_count == MOVE_BATCH) {
		/* sqz_import_moves_flush() kept them (the journal could not be written): the
		 * journal entry, if any, makes the next run finish this one. */
		return;
	}
	sqz_import_move *pm = &r->moves[r->move_count++];
	message_copy(&pm->msg, m);
	pm->outcome = outcome;
	pm->reason = sqz_strdup(reason);
	pm->to_error = to_error;
	pm->located = located;
	pm->started = started;
	if (r->move_count == MOVE_BATCH) {
		sqz_import_moves_flush(r);
	}
}

/* Journal "failed", the category, then the move to Error. */
void sqz_import_fail_message(sqz_import_run *r, const sqz_message *m, const char *reason, double started)
{
	json_object *old = sqz_import_journal_entry(r, m->id);
	int64_t attempts = 0;
	sqz_json_int64(old, "attempts", &attempts);
	sqz_import_journal_note(r, m, m->id, "failed", (int)attempts, reason);
	/* The category goes with the moves (sqz_import_moves_flush): it needs the
	 * message's categories, which the location check reads anyway. */
	sqz_import_moves_queue(r, m, "failed", reason, 1, 0, started);
}

/* On the prefetch worker, before its fetch: the moves handed to it. */
static void send_moves_ahead(void *ctx, sqz_graph *graph, const sqz_logger *held)
{
	sqz_import_move_set *ms = ctx;
	moves_send(&ms->ctx, graph, held, ms->moves, ms->n, ms->act, ms->why, &ms->failure);
	atomic_store(&ms->failed, ms->failure.status != SQZ_OK);
}

/* Moves a cancelled worker may or may not have made: the journal still
 * has them, and the next run finds out where each message is (resumed). */
void sqz_import_drop_moving(sqz_import_run *r)
{
	sqz_import_move_set *ms = r->moving;
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
void sqz_import_join_ahead(sqz_import_run *r)
{
	sqz_import_journal_settle(r);    /* the worker's log lines go to the logger: userland */
	if (sqz_prefetch_join_ahead(r->pf, sqz_import_prefetch_logger(r)) < 0) {
		sqz_import_drop_moving(r);    /* the parent's worker sent them, or not: the journal knows */
		return;
	}
	sqz_import_move_set *ms = r->moving;
	if (!ms) {
		return;
	}
	r->moving = NULL;
	if (ms->failure.status != SQZ_OK && sqz_import_may_send(r)) {
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

sqz_status sqz_import_start_ahead(sqz_import_run *r, const sqz_message *msgs, size_t n, int parallel, sqz_error *err)
{
	/* The moves of the messages handled so far go with it (their verdicts
	 * are in the journal: the caller settled it): their round trips then
	 * overlap the next handlers too. */
	sqz_import_move_set *ms = NULL;
	if (r->move_count > 0 && !r->moving && (ms = sqz_calloc(1, sizeof *ms))) {
		move_ctx_of(r, &ms->ctx);
		ms->n = r->move_count;
		memcpy(ms->moves, r->moves, ms->n * sizeof *ms->moves);
	}
	sqz_status st = sqz_prefetch_start_ahead(r->pf, r->im->mailbox, msgs, n, parallel, ms ? send_moves_ahead : NULL, ms, err);
	if (st == SQZ_OK && ms) {
		memset(r->moves, 0, ms->n * sizeof *r->moves);
		r->move_count = 0;
		r->moving = ms;
	} else {
		sqz_free(ms);    /* the moves stay queued (shallow copy: nothing else to free) */
	}
	return st;
}

int sqz_import_moves_ahead_failed(const sqz_import_run *r)
{
	return r->moving && atomic_load(&r->moving->failed);
}

void sqz_import_moves_discard(sqz_import_run *r)
{
	for (size_t i = 0; i < r->move_count; i++) {
		sqz_message_clear(&r->moves[i].msg);
		sqz_free(r->moves[i].reason);
	}
	r->move_count = 0;
}
