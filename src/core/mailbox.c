#include "mailbox.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Only the fields the product reads: listings stay small and fast. */
#define MESSAGE_SELECT "id,internetMessageId,subject,from,receivedDateTime,hasAttachments"
/* PR_MESSAGE_SIZE, the size Outlook shows. */
#define MESSAGE_SIZE_EXPAND "singleValueExtendedProperties($filter=id eq 'Integer 0x0E08')"
#define FOLDER_SELECT "id,displayName,parentFolderId,childFolderCount,totalItemCount,unreadItemCount,isHidden"

sqz_status sqz_mailbox_init(sqz_mailbox *mb, sqz_graph *graph, const char *address, sqz_error *err)
{
	memset(mb, 0, sizeof *mb);
	mb->graph = graph;
	sqz_buf root = SQZ_BUF_INIT;
	int failed;
	if (address && *address) {
		failed = sqz_buf_appends(&root, "/users/") || sqz_buf_append_urlencoded(&root, address, strlen(address));
		mb->address = sqz_strdup(address);
		failed |= mb->address == NULL;
	} else {
		failed = sqz_buf_appends(&root, "/me");
	}
	if (failed) {
		sqz_buf_free(&root);
		sqz_mailbox_clear(mb);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	mb->root = sqz_buf_steal(&root, NULL);
	return SQZ_OK;
}

void sqz_mailbox_clear(sqz_mailbox *mb)
{
	sqz_free(mb->root);
	sqz_free(mb->address);
	memset(mb, 0, sizeof *mb);
}

char *sqz_mailbox_message_path(const sqz_mailbox *mb, const char *id, const char *suffix)
{
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appends(&b, mb->root) || sqz_buf_appends(&b, "/messages/")
		|| sqz_buf_append_urlencoded(&b, id, strlen(id)) || (suffix && sqz_buf_appends(&b, suffix))) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal_fit(&b);
}

static int64_t int_or(json_object *obj, const char *key, int64_t fallback)
{
	int64_t v;
	return sqz_json_int64(obj, key, &v) == 0 ? v : fallback;
}

/* One GET of a folder walk: a page of a listing, or the lookup of a
 * well-known name. */
typedef struct folder_get {
	char *url;             /* owned; a path below the endpoint, or an absolute nextLink */
	long lookup;           /* index of the well-known lookup it answers; -1 = a listing page */
} folder_get;

typedef struct folder_queue {
	folder_get *items;
	size_t count;
	size_t cap;
} folder_queue;

/* Takes url (owned) into the queue; frees it when the queue cannot grow. */
static sqz_status queue_push(folder_queue *q, char *url, long lookup, sqz_error *err)
{
	if (url && q->count == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 16;
		folder_get *grown = sqz_realloc(q->items, cap * sizeof *grown);
		if (grown) {
			q->items = grown;
			q->cap = cap;
		}
	}
	if (!url || q->count == q->cap) {
		sqz_free(url);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading the folder tree");
	}
	q->items[q->count].url = url;
	q->items[q->count].lookup = lookup;
	q->count++;
	return SQZ_OK;
}

static void queue_clear(folder_queue *q)
{
	for (size_t i = 0; i < q->count; i++) {
		sqz_free(q->items[i].url);
	}
	sqz_free(q->items);
	memset(q, 0, sizeof *q);
}

static char *child_folders_path(const sqz_mailbox *mb, const char *id)
{
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appendf(&b, "%s/mailFolders/", mb->root) || sqz_buf_append_urlencoded(&b, id, strlen(id))
		|| sqz_buf_appends(&b, "/childFolders?includeHiddenFolders=true&$top=250&$select=" FOLDER_SELECT)) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

/* Adds the folders of one listing page to the tree; the childFolders of
 * those that have children and the page's nextLink go to *next. */
static sqz_status take_folder_page(sqz_mailbox *mb, json_object *page, sqz_folder_tree *tree, folder_queue *next,
	sqz_error *err)
{
	json_object *values = sqz_json_get(page, "value");
	if (!values || !json_object_is_type(values, json_type_array)) {
		return sqz_error_set(err, SQZ_E_GRAPH, "Graph's folder listing has no 'value' array");
	}
	size_t n = json_object_array_length(values);
	for (size_t i = 0; i < n; i++) {
		json_object *f = json_object_array_get_idx(values, i);
		int hidden = 0;
		sqz_json_bool(f, "isHidden", &hidden);
		int64_t children = int_or(f, "childFolderCount", 0);
		/* A name with "\u0000" must not become a shorter one that another
		 * folder has: it keeps its length, the NUL shown as U+FFFD. */
		char *name = sqz_json_text_dup(f, "displayName", NULL);
		sqz_status st = sqz_folder_tree_add(tree, sqz_json_id(f, "id"), name, sqz_json_id(f, "parentFolderId"),
			int_or(f, "totalItemCount", 0), int_or(f, "unreadItemCount", 0), children, hidden, err);
		sqz_free(name);
		if (st != SQZ_OK) {
			return err->status;
		}
		if (children > 0 && queue_push(next, child_folders_path(mb, sqz_json_id(f, "id")), -1, err) != SQZ_OK) {
			return err->status;
		}
	}
	const char *link = sqz_json_string(page, "@odata.nextLink");
	if (link) {
		if (!sqz_graph_same_origin(mb->graph, link)) {
			return sqz_error_set(err, SQZ_E_GRAPH, "Graph's folder listing points its next page to another host; "
							       "refusing to follow it (the access token only goes to graph_endpoint)");
		}
		return queue_push(next, sqz_strdup(link), -1, err);
	}
	return SQZ_OK;
}

/* Graph's answer as a JSON object, or NULL with err filled (as
 * sqz_graph_json says it). */
static json_object *answer_object(const sqz_graph *g, const char *url, const sqz_http_response *resp, sqz_error *err)
{
	size_t len = strlen(g->endpoint);
	const char *path = strncmp(url, g->endpoint, len) == 0 ? url + len : url;
	char what[600];
	snprintf(what, sizeof what, "Graph's answer to GET %.*s", (int)strcspn(path, "?#"), path);
	json_object *obj = sqz_json_parse(resp->body.data, resp->body.len, what, SQZ_E_GRAPH, err);
	if (obj && !json_object_is_type(obj, json_type_object)) {
		json_object_put(obj);
		obj = NULL;
		sqz_error_set(err, SQZ_E_GRAPH, "%s is not a JSON object", what);
	}
	if (!obj) {
		err->http_status = resp->status;
		sqz_free(err->request_id);
		err->request_id = sqz_strdup(resp->request_id);
	}
	return obj;
}

/* The folder tree, level by level: the GETs of one level (the top listing
 * and the well-known lookups first; then every childFolders listing and
 * nextLink the level before named) go out together, up to `concurrency`
 * at once, so a tree of depth d costs d round trips instead of one per
 * folder with children. They stay plain GETs (not a $batch): each keeps
 * its own retries, token refresh and error. answers[i] receives Graph's
 * answer to lookups[i] (owned) or lookup_errs[i] the reason it failed: a
 * lookup's failure is its caller's to judge; a listing's ends the walk. */
static sqz_status walk_folders(sqz_mailbox *mb, sqz_folder_tree *tree, const char *const *lookups, size_t lookup_count,
	json_object **answers, sqz_error *lookup_errs, sqz_error *err)
{
	folder_queue wave = { 0 }, next = { 0 };
	sqz_buf top = SQZ_BUF_INIT;
	sqz_buf_appendf(&top, "%s/mailFolders?includeHiddenFolders=true&$top=250&$select=" FOLDER_SELECT, mb->root);
	sqz_status st = queue_push(&wave, sqz_buf_steal(&top, NULL), -1, err);
	for (size_t i = 0; i < lookup_count && st == SQZ_OK; i++) {
		sqz_buf b = SQZ_BUF_INIT;
		sqz_buf_appendf(&b, "%s/mailFolders/", mb->root);
		sqz_buf_append_urlencoded(&b, lookups[i], strlen(lookups[i]));
		sqz_buf_appends(&b, "?$select=" FOLDER_SELECT);
		st = queue_push(&wave, sqz_buf_steal(&b, NULL), (long)i, err);
	}
	while (st == SQZ_OK && wave.count > 0) {
		sqz_graph_call *calls = sqz_calloc(wave.count, sizeof *calls);
		sqz_http_response *resps = sqz_calloc(wave.count, sizeof *resps);
		sqz_error *errs = sqz_calloc(wave.count, sizeof *errs);
		if (!calls || !resps || !errs) {
			sqz_free(calls);
			sqz_free(resps);
			sqz_free(errs);
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading the folder tree");
			break;
		}
		for (size_t i = 0; i < wave.count; i++) {
			calls[i].method = "GET";
			calls[i].url = wave.items[i].url;
			calls[i].idempotent = 1;
			sqz_http_response_init(&resps[i]);
		}
		(void)sqz_graph_send_many(mb->graph, calls, resps, errs, wave.count);
		for (size_t i = 0; i < wave.count; i++) {
			const folder_get *get = &wave.items[i];
			json_object *answer = NULL;
			if (st == SQZ_OK && errs[i].status == SQZ_OK) {
				answer = answer_object(mb->graph, get->url, &resps[i], &errs[i]);
			}
			if (st != SQZ_OK) {
				/* An earlier listing of this level failed: the walk is over. */
			} else if (get->lookup >= 0) {
				answers[get->lookup] = answer;
				sqz_error_move(&lookup_errs[get->lookup], &errs[i]);
				answer = NULL;
			} else if (!answer) {
				sqz_error_move(err, &errs[i]);
				st = err->status;
			} else {
				st = take_folder_page(mb, answer, tree, &next, err);
			}
			if (answer) {
				json_object_put(answer);
			}
			sqz_http_response_clear(&resps[i]);
			sqz_error_clear(&errs[i]);
		}
		sqz_free(calls);
		sqz_free(resps);
		sqz_free(errs);
		queue_clear(&wave);
		wave = next;
		memset(&next, 0, sizeof next);
	}
	queue_clear(&wave);
	queue_clear(&next);
	return st;
}

sqz_status sqz_mailbox_folders(sqz_mailbox *mb, sqz_folder_tree *tree, sqz_error *err)
{
	sqz_folder_tree_init(tree);
	sqz_status st = walk_folders(mb, tree, NULL, 0, NULL, NULL, err);
	if (st == SQZ_OK) {
		st = sqz_folder_tree_finish(tree, err);
	}
	if (st != SQZ_OK) {
		sqz_folder_tree_clear(tree);
	}
	return st;
}

void sqz_folder_copy_clear(sqz_folder *f)
{
	sqz_free(f->id);
	sqz_free(f->name);
	sqz_free(f->parent_id);
	sqz_free(f->path);
	memset(f, 0, sizeof *f);
}

static sqz_status copy_folder(const sqz_folder *src, sqz_folder *out, sqz_error *err)
{
	memset(out, 0, sizeof *out);
	*out = *src;
	out->id = sqz_strdup(src->id);
	out->name = sqz_strdup(src->name);
	out->parent_id = sqz_strdup(src->parent_id);
	out->path = sqz_strdup(src->path);
	if (!out->id || !out->name || !out->path || (src->parent_id && !out->parent_id)) {
		sqz_folder_copy_clear(out);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	return SQZ_OK;
}

/* A well-known name from Graph's answer f to mailFolders/<spec> (NULL: err
 * already says why there is none). */
static sqz_status well_known_folder(const sqz_folder_tree *tree, const char *spec, const char *role, json_object *f,
	sqz_folder *out, sqz_error *err)
{
	if (!f && err->status == SQZ_OK) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "no answer to the lookup of the well-known folder '%s'", spec);
	}
	if (!f) {
		/* Exchange says ErrorFolderNotFound (404) for a well-known name
		 * the mailbox has no folder for, e.g. "archive" before One-Click
		 * Archive was ever used; key on the code, not only the status. */
		if (err->status == SQZ_E_GRAPH && (err->http_status == 404 || (err->graph_code && strcmp(err->graph_code, "ErrorFolderNotFound") == 0))) {
			sqz_error_prefix(err, "%s '%s' (a well-known folder) does not exist in this mailbox; create it in Outlook or configure another folder", role ? role : "folder", spec);
			err->status = SQZ_E_FOLDER_NOT_FOUND;
		}
		return err->status;
	}
	const char *id = sqz_json_id(f, "id");
	const sqz_folder *known = id ? sqz_folder_find_id(tree, id) : NULL;
	if (known) {
		return copy_folder(known, out, err);
	}
	/* Not in the listed tree (root-level system folder): describe it from
	 * Graph's answer. */
	sqz_folder tmp = { 0 };
	char *name = sqz_json_text_dup(f, "displayName", spec);
	if (!name) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	tmp.id = (char *)id;
	tmp.name = name;
	tmp.parent_id = (char *)sqz_json_id(f, "parentFolderId");
	tmp.path = tmp.name;
	tmp.total_count = int_or(f, "totalItemCount", 0);
	tmp.unread_count = int_or(f, "unreadItemCount", 0);
	tmp.child_count = int_or(f, "childFolderCount", 0);
	tmp.depth = 1;
	sqz_status st = id ? copy_folder(&tmp, out, err) : sqz_error_set(err, SQZ_E_GRAPH, "Graph returned folder '%s' without an id", spec);
	sqz_free(name);
	return st;
}

sqz_status sqz_mailbox_resolve_folders(sqz_mailbox *mb, size_t n, const char *const *specs, const char *const *roles,
	sqz_folder *out, sqz_error *errs)
{
	const char **lookups = sqz_calloc(n ? n : 1, sizeof *lookups);
	size_t *lookup_of = sqz_calloc(n ? n : 1, sizeof *lookup_of);
	json_object **answers = sqz_calloc(n ? n : 1, sizeof *answers);
	sqz_error *lookup_errs = sqz_calloc(n ? n : 1, sizeof *lookup_errs);
	sqz_error tree_err = SQZ_ERROR_INIT;
	sqz_folder_tree tree;
	sqz_folder_tree_init(&tree);
	size_t lookup_count = 0;
	sqz_status st;
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
	}
	if (!lookups || !lookup_of || !answers || !lookup_errs) {
		st = sqz_error_set(&tree_err, SQZ_E_NOMEM, "out of memory");
	} else {
		for (size_t i = 0; i < n; i++) {
			if (sqz_folder_is_well_known(specs[i])) {
				lookup_of[i] = lookup_count;
				lookups[lookup_count++] = specs[i];
			}
		}
		/* Graph knows which folder "inbox" is in any language: those
		 * lookups ride with the first level of the tree. */
		st = walk_folders(mb, &tree, lookups, lookup_count, answers, lookup_errs, &tree_err);
		if (st == SQZ_OK) {
			st = sqz_folder_tree_finish(&tree, &tree_err);
		}
	}
	sqz_status first = SQZ_OK;
	for (size_t i = 0; i < n; i++) {
		sqz_status one;
		if (st != SQZ_OK) {
			sqz_error_copy(&errs[i], &tree_err);
			one = errs[i].status;
		} else if (sqz_folder_is_well_known(specs[i])) {
			if (lookup_errs[lookup_of[i]].status != SQZ_OK) {
				sqz_error_copy(&errs[i], &lookup_errs[lookup_of[i]]);
			}
			one = well_known_folder(&tree, specs[i], roles ? roles[i] : NULL, answers[lookup_of[i]], &out[i], &errs[i]);
		} else {
			const sqz_folder *found = sqz_folder_resolve(&tree, specs[i], roles ? roles[i] : NULL, &errs[i]);
			one = found ? copy_folder(found, &out[i], &errs[i]) : errs[i].status;
		}
		if (one != SQZ_OK && first == SQZ_OK) {
			first = one;
		}
	}
	for (size_t i = 0; answers && lookup_errs && i < lookup_count; i++) {
		if (answers[i]) {
			json_object_put(answers[i]);
		}
		sqz_error_clear(&lookup_errs[i]);
	}
	sqz_free(lookups);
	sqz_free(lookup_of);
	sqz_free(answers);
	sqz_free(lookup_errs);
	sqz_error_clear(&tree_err);
	sqz_folder_tree_clear(&tree);
	return first;
}

sqz_status sqz_mailbox_resolve_folder(sqz_mailbox *mb, sqz_folder_tree *tree, const char *spec, const char *role,
	sqz_folder *out, sqz_error *err)
{
	if (sqz_folder_spec_check_role(spec, role, err) != SQZ_OK) {
		return err->status;    /* names no folder: not worth a request */
	}
	if (!tree) {
		sqz_error one = SQZ_ERROR_INIT;
		sqz_status st = sqz_mailbox_resolve_folders(mb, 1, &spec, &role, out, &one);
		if (st != SQZ_OK) {
			sqz_error_move(err, &one);
		}
		sqz_error_clear(&one);
		return st;
	}
	if (!sqz_folder_is_well_known(spec)) {
		const sqz_folder *found = sqz_folder_resolve(tree, spec, role, err);
		return found ? copy_folder(found, out, err) : err->status;
	}
	sqz_buf path = SQZ_BUF_INIT;
	sqz_buf_appendf(&path, "%s/mailFolders/", mb->root);
	sqz_buf_append_urlencoded(&path, spec, strlen(spec));
	sqz_buf_appends(&path, "?$select=" FOLDER_SELECT);
	json_object *f = path.data ? sqz_graph_json(mb->graph, "GET", path.data, NULL, err) : NULL;
	if (!path.data) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_buf_free(&path);
	sqz_status st = well_known_folder(tree, spec, role, f, out, err);
	if (f) {
		json_object_put(f);
	}
	return st;
}

void sqz_message_clear(sqz_message *m)
{
	if (m->borrowed) {
		memset(m, 0, sizeof *m);
		return;
	}
	sqz_free(m->id);
	sqz_free(m->internet_message_id);
	sqz_free(m->subject);
	sqz_free(m->from_address);
	sqz_free(m->from_name);
	memset(m, 0, sizeof *m);
}

sqz_status sqz_message_from_json(json_object *obj, sqz_message *m, sqz_error *err)
{
	memset(m, 0, sizeof *m);
	const char *id = sqz_json_id(obj, "id");
	if (!id) {
		return sqz_error_set(err, SQZ_E_GRAPH, "Graph returned a message without an id");
	}
	json_object *from = sqz_json_get(sqz_json_get(obj, "from"), "emailAddress");
	m->id = sqz_strdup(id);
	m->internet_message_id = sqz_strdup(sqz_json_id(obj, "internetMessageId"));
	m->subject = sqz_json_text_dup(obj, "subject", "");
	m->from_address = sqz_strdup(sqz_json_string(from, "address"));
	m->from_name = sqz_json_text_dup(from, "name", NULL);
	sqz_epoch received = 0;
	const char *when = sqz_json_string(obj, "receivedDateTime");
	if (when && sqz_clock_parse_iso8601(when, &received) == 0) {
		m->received_at = received;
	}
	sqz_json_bool(obj, "hasAttachments", &m->has_attachments);
	m->size = -1;
	json_object *props = sqz_json_get(obj, "singleValueExtendedProperties");
	size_t n = props && json_object_is_type(props, json_type_array) ? json_object_array_length(props) : 0;
	for (size_t i = 0; i < n; i++) {
		json_object *p = json_object_array_get_idx(props, i);
		const char *pid = sqz_json_id(p, "id");
		int64_t v;
		if (pid && (strcasecmp(pid, "Integer 0xe08") == 0 || strcasecmp(pid, "Integer 0x0e08") == 0) && sqz_json_int64(p, "value", &v) == 0) {
			m->size = v;
		}
	}
	if (!m->id || !m->subject) {
		sqz_message_clear(m);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	return SQZ_OK;
}

/* Moves m's strings into store: all of them, or none when the store could
 * not map room (m keeps its own then). */
static void message_keep_in(sqz_message *m, sqz_text_store *store, size_t index)
{
	char **fields[] = { &m->id, &m->internet_message_id, &m->subject, &m->from_address, &m->from_name };
	char *kept[sizeof fields / sizeof fields[0]];
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
		kept[f] = NULL;
		if (*fields[f] && !(kept[f] = sqz_text_store_dup(store, index, *fields[f], strlen(*fields[f])))) {
			return;    /* the store's copies so far go with their group */
		}
	}
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
		sqz_free(*fields[f]);
		*fields[f] = kept[f];
	}
	m->borrowed = 1;
}

/* A listing page walked as it arrives (sqz_graph_walk): each message is
 * taken into the caller's array as soon as its object is complete. */
typedef struct listing_walk {
	sqz_message **messages;
	sqz_text_store *store;   /* NULL: the strings stay on the heap */
	size_t *count;
	size_t start;            /* *count before this page */
	size_t capacity;         /* of *messages, once this page grew it */
	size_t expect;           /* the page's $top: the array grows to it at once */
	char *next_link;         /* owned; "@odata.nextLink" */
	sqz_error error;         /* the first message that could not be taken */
} listing_walk;

static void take_listed(void *ctx, json_object *element)
{
	listing_walk *lw = ctx;
	if (lw->error.status != SQZ_OK) {
		return;
	}
	if (*lw->count + 1 >= lw->capacity) {
		/* Doubling up to a page of 1000 would leave 60 KB of freed
		 * arrays behind it, early in a run when nothing reuses them. */
		size_t capacity = lw->capacity * 2;
		capacity = capacity < lw->start + lw->expect + 1 ? lw->start + lw->expect + 1 : capacity;
		capacity = capacity < 64 ? 64 : capacity;
		sqz_message *grown = sqz_realloc(*lw->messages, capacity * sizeof *grown);
		if (!grown) {
			sqz_error_set(&lw->error, SQZ_E_NOMEM, "out of memory");
			return;
		}
		*lw->messages = grown;
		lw->capacity = capacity;
	}
	sqz_message *m = &(*lw->messages)[*lw->count];
	if (sqz_message_from_json(element, m, &lw->error) == SQZ_OK) {
		if (lw->store) {
			message_keep_in(m, lw->store, *lw->count);
		}
		(*lw->count)++;
	}
}

static void take_next_link(void *ctx, const char *key, size_t key_len, json_object *value)
{
	listing_walk *lw = ctx;
	static const char next[] = "@odata.nextLink";
	if (key_len == sizeof next - 1 && memcmp(key, next, key_len) == 0 && json_object_is_type(value, json_type_string)) {
		sqz_free(lw->next_link);
		lw->next_link = sqz_strdup(json_object_get_string(value));
		if (!lw->next_link && lw->error.status == SQZ_OK) {
			sqz_error_set(&lw->error, SQZ_E_NOMEM, "out of memory");
		}
	}
}

/* The transfer starts over: the page's messages come again. */
static void restart_listing(void *ctx)
{
	listing_walk *lw = ctx;
	while (*lw->count > lw->start) {
		sqz_message_clear(&(*lw->messages)[--*lw->count]);
	}
	sqz_free(lw->next_link);
	lw->next_link = NULL;
	sqz_error_clear(&lw->error);
}

sqz_status sqz_mailbox_message_page(sqz_mailbox *mb, const char *folder_id, const char *next_link, int top, sqz_text_store *store,
	sqz_message **messages, size_t *count, char **next_link_out, sqz_error *err)
{
	*next_link_out = NULL;
	char *url = NULL;
	if (next_link) {
		if (!sqz_graph_same_origin(mb->graph, next_link)) {
			char *origin = sqz_http_origin(next_link);
			sqz_error_set(err, SQZ_E_GRAPH, "Graph's message listing points its next page to %s, not graph_endpoint's host; "
							"refusing to follow it (the access token never leaves %s)",
				origin ? origin : "an invalid URL", mb->graph->origin);
			sqz_free(origin);
			return SQZ_E_GRAPH;
		}
		url = sqz_strdup(next_link);
	} else {
		sqz_buf b = SQZ_BUF_INIT;
		sqz_buf_appendf(&b, "%s/mailFolders/", mb->root);
		sqz_buf_append_urlencoded(&b, folder_id, strlen(folder_id));
		sqz_buf_appendf(&b, "/messages?$select=" MESSAGE_SELECT "&$orderby=receivedDateTime%%20asc&$top=%d&$expand=", top);
		sqz_buf_append_urlencoded(&b, MESSAGE_SIZE_EXPAND, strlen(MESSAGE_SIZE_EXPAND));
		url = sqz_buf_steal(&b, NULL);
	}
	if (!url) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	listing_walk lw = { .messages = messages, .store = store, .count = count, .start = *count, .capacity = *count, .expect = top > 0 ? (size_t)top : 0, .error = SQZ_ERROR_INIT };
	int had_array = *messages != NULL;
	sqz_json_walk walk;
	sqz_status st;
	if (sqz_json_walk_init(&walk, "value", take_listed, take_next_link, &lw) != 0) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	} else {
		st = sqz_graph_walk(mb->graph, url, &walk, restart_listing, &lw, err);
		if (st == SQZ_OK && lw.error.status != SQZ_OK) {
			sqz_error_move(err, &lw.error);
			st = err->status;
		} else if (st == SQZ_OK && walk.key_count == 0) {
			st = sqz_error_set(err, SQZ_E_GRAPH, "Graph's message listing has no 'value' array");
		} else if (st == SQZ_OK && walk.key_count > 1) {
			st = sqz_error_set(err, SQZ_E_GRAPH, "Graph's message listing has more than one 'value' array");
		}
	}
	sqz_json_walk_clear(&walk);
	sqz_free(url);
	sqz_error_clear(&lw.error);
	if (st == SQZ_OK) {
		*next_link_out = lw.next_link;
		return SQZ_OK;
	}
	/* A failed page appends nothing (the messages taken before the failure
	 * are dropped, an array this call made is freed). */
	restart_listing(&lw);
	if (!had_array) {
		sqz_free(*messages);
		*messages = NULL;
	}
	return st;
}

sqz_status sqz_mailbox_message(sqz_mailbox *mb, const char *id, sqz_message *out, sqz_error *err)
{
	sqz_buf b = SQZ_BUF_INIT;
	char *path = sqz_mailbox_message_path(mb, id, "?$select=" MESSAGE_SELECT "&$expand=");
	if (!path || sqz_buf_appends(&b, path) || sqz_buf_append_urlencoded(&b, MESSAGE_SIZE_EXPAND, strlen(MESSAGE_SIZE_EXPAND))) {
		sqz_free(path);
		sqz_buf_free(&b);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_free(path);
	json_object *obj = sqz_graph_json(mb->graph, "GET", b.data, NULL, err);
	sqz_buf_free(&b);
	if (!obj) {
		return err->status;
	}
	sqz_status st = sqz_message_from_json(obj, out, err);
	json_object_put(obj);
	return st;
}

static sqz_status download(sqz_mailbox *mb, const char *path, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	sqz_graph_call call = { .method = "GET", .url = path, .sink = sink, .idempotent = 1 };
	sqz_status st = sqz_graph_send(mb->graph, &call, &resp, err);
	if (bytes) {
		*bytes = (int64_t)resp.sink_bytes;
	}
	sqz_http_response_clear(&resp);
	return st;
}

sqz_status sqz_mailbox_save_mime(sqz_mailbox *mb, const char *id, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	if (mb->cache.ops) {
		int served = 0;
		sqz_status st = mb->cache.ops->save_mime(mb->cache.ctx, id, sink, bytes, &served, err);
		if (served) {
			return st;
		}
	}
	char *path = sqz_mailbox_message_path(mb, id, "/$value");
	if (!path) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	int64_t written = 0;
	sqz_status st = download(mb, path, sink, &written, err);
	sqz_free(path);
	if (bytes) {
		*bytes = written;
	}
	if (st == SQZ_OK && written == 0) {
		/* Every message has headers: an empty $value is a broken answer.
		 * No status (not Graph's 200): like a dropped connection, the
		 * message is tried again later, never imported empty. */
		return sqz_error_set(err, SQZ_E_GRAPH, "Graph answered the MIME of message %s with an empty body; a message always "
						       "has headers, so nothing was saved (the message stays where it is and is tried again)",
			id);
	}
	return st;
}

void sqz_attachment_clear(sqz_attachment *a)
{
	sqz_free(a->id);
	sqz_free(a->name);
	sqz_free(a->content_type);
	memset(a, 0, sizeof *a);
}

int sqz_attachment_from_json(json_object *a, sqz_attachment *out)
{
	memset(out, 0, sizeof *out);
	const char *type = sqz_json_string(a, "@odata.type");
	out->kind = type && strstr(type, "itemAttachment")    ? SQZ_ATTACHMENT_ITEM
		: type && strstr(type, "referenceAttachment") ? SQZ_ATTACHMENT_REFERENCE
							      : SQZ_ATTACHMENT_FILE;
	out->id = sqz_strdup(sqz_json_id(a, "id"));
	out->name = sqz_json_text_dup(a, "name", "");
	out->content_type = sqz_strdup(sqz_json_string(a, "contentType"));
	out->size = int_or(a, "size", 0);
	sqz_json_bool(a, "isInline", &out->is_inline);
	if (!out->id) {
		sqz_attachment_clear(out);
		return -1;
	}
	return 0;
}

sqz_status sqz_mailbox_attachments(sqz_mailbox *mb, const char *message_id, sqz_attachment **list, size_t *count, sqz_error *err)
{
	*list = NULL;
	*count = 0;
	if (mb->cache.ops) {
		int served = 0;
		sqz_status st = mb->cache.ops->attachments(mb->cache.ctx, message_id, list, count, &served, err);
		if (served) {
			return st;
		}
	}
	char *url = sqz_mailbox_message_path(mb, message_id, "/attachments?$select=id,name,contentType,size,isInline");
	if (!url) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_status st = SQZ_OK;
	while (url && st == SQZ_OK) {
		json_object *page = sqz_graph_json(mb->graph, "GET", url, NULL, err);
		sqz_free(url);
		url = NULL;
		if (!page) {
			st = err->status;
			break;
		}
		json_object *values = sqz_json_get(page, "value");
		size_t n = values && json_object_is_type(values, json_type_array) ? json_object_array_length(values) : 0;
		sqz_attachment *grown = sqz_realloc(*list, (*count + n + 1) * sizeof *grown);
		if (!grown) {
			json_object_put(page);
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
			break;
		}
		*list = grown;
		for (size_t i = 0; i < n; i++) {
			if (sqz_attachment_from_json(json_object_array_get_idx(values, i), &grown[*count]) == 0) {
				(*count)++;
			}
		}
		const char *next = sqz_json_string(page, "@odata.nextLink");
		if (next) {
			if (!sqz_graph_same_origin(mb->graph, next)) {
				st = sqz_error_set(err, SQZ_E_GRAPH, "Graph's attachment listing points its next page to another host; refusing to follow it");
			} else {
				url = sqz_strdup(next);
			}
		}
		json_object_put(page);
	}
	sqz_free(url);
	if (st != SQZ_OK) {
		for (size_t i = 0; i < *count; i++) {
			sqz_attachment_clear(&(*list)[i]);
		}
		sqz_free(*list);
		*list = NULL;
		*count = 0;
	}
	return st;
}

#define REFERENCE_NO_BYTES "attachment is a reference attachment (a link to a file in the cloud) and has no bytes to save"

sqz_status sqz_attachment_reference_error(const char *name, sqz_error *err)
{
	sqz_error_set(err, SQZ_E_GRAPH, "%s: the attachment '%s' was listed as #microsoft.graph.referenceAttachment; nothing was "
					"requested from Graph (whose answer would be 405 notSupported)",
		REFERENCE_NO_BYTES, name && *name ? name : "(no name)");
	sqz_error_set_graph(err, 405, "notSupported", NULL);
	return SQZ_E_GRAPH;
}

sqz_status sqz_mailbox_save_attachment(sqz_mailbox *mb, const char *message_id, const char *attachment_id,
	sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	if (mb->cache.ops) {
		int served = 0;
		sqz_status st = mb->cache.ops->save_attachment(mb->cache.ctx, message_id, attachment_id, sink, bytes, &served, err);
		if (served) {
			return st;
		}
	}
	char *base = sqz_mailbox_message_path(mb, message_id, "/attachments/");
	sqz_buf b = SQZ_BUF_INIT;
	if (!base || sqz_buf_appends(&b, base) || sqz_buf_append_urlencoded(&b, attachment_id, strlen(attachment_id))
		|| sqz_buf_appends(&b, "/$value")) {
		sqz_free(base);
		sqz_buf_free(&b);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_free(base);
	sqz_status st = download(mb, b.data, sink, bytes, err);
	if (st == SQZ_E_GRAPH && err->http_status == 405) {
		sqz_error_prefix(err, REFERENCE_NO_BYTES);
	}
	sqz_buf_free(&b);
	return st;
}

sqz_status sqz_mailbox_move(sqz_mailbox *mb, const char *message_id, const char *folder_id, char **new_id, sqz_error *err)
{
	*new_id = NULL;
	char *path = sqz_mailbox_message_path(mb, message_id, "/move");
	json_object *body = json_object_new_object();
	if (!path || !body) {
		sqz_free(path);
		json_object_put(body);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	json_object_object_add(body, "destinationId", json_object_new_string(folder_id));
	char *text = sqz_json_dump(body);
	json_object_put(body);
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	/* With immutable ids a repeated move is harmless: the id is the same
	 * and the message is already where it should be. */
	sqz_graph_call call = { .method = "POST", .url = path, .body = text, .body_len = text ? strlen(text) : 0, .idempotent = 1 };
	sqz_status st = text ? sqz_graph_send(mb->graph, &call, &resp, err) : sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	if (st == SQZ_OK) {
		json_object *moved = sqz_json_parse(resp.body.data, resp.body.len, "Graph's answer to a move", SQZ_E_GRAPH, err);
		const char *id = sqz_json_id(moved, "id");
		if (id) {
			*new_id = sqz_strdup(id);
		} else if (moved) {
			st = sqz_error_set(err, SQZ_E_GRAPH, "Graph's answer to a move has no message id");
		} else {
			st = err->status;
		}
		json_object_put(moved);
	}
	sqz_http_response_clear(&resp);
	sqz_free(text);
	sqz_free(path);
	return st;
}
