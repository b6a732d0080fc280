#include "mailbox.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"
#include "prefetch.h"

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
	return sqz_buf_steal(&b, NULL);
}

static int64_t int_or(json_object *obj, const char *key, int64_t fallback)
{
	int64_t v;
	return sqz_json_int64(obj, key, &v) == 0 ? v : fallback;
}

/* Appends every folder of one listing (following nextLink) to the tree and
 * remembers which have children. */
static sqz_status fetch_folder_pages(sqz_mailbox *mb, const char *first_path, sqz_folder_tree *tree,
	char ***with_children, size_t *with_children_count, sqz_error *err)
{
	char *url = sqz_strdup(first_path);
	while (url) {
		json_object *page = sqz_graph_json(mb->graph, "GET", url, NULL, err);
		sqz_free(url);
		url = NULL;
		if (!page) {
			return err->status;
		}
		json_object *values = sqz_json_get(page, "value");
		if (!values || !json_object_is_type(values, json_type_array)) {
			json_object_put(page);
			return sqz_error_set(err, SQZ_E_GRAPH, "Graph's folder listing has no 'value' array");
		}
		size_t n = json_object_array_length(values);
		for (size_t i = 0; i < n; i++) {
			json_object *f = json_object_array_get_idx(values, i);
			int hidden = 0;
			sqz_json_bool(f, "isHidden", &hidden);
			int64_t children = int_or(f, "childFolderCount", 0);
			if (sqz_folder_tree_add(tree, sqz_json_id(f, "id"), sqz_json_string(f, "displayName"),
					sqz_json_id(f, "parentFolderId"), int_or(f, "totalItemCount", 0),
					int_or(f, "unreadItemCount", 0), children, hidden, err) != SQZ_OK) {
				json_object_put(page);
				return err->status;
			}
			if (children > 0) {
				char **grown = sqz_realloc(*with_children, (*with_children_count + 1) * sizeof *grown);
				if (!grown || !(grown[*with_children_count] = sqz_strdup(sqz_json_id(f, "id")))) {
					if (grown) {
						*with_children = grown;
					}
					json_object_put(page);
					return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading the folder tree");
				}
				*with_children = grown;
				(*with_children_count)++;
			}
		}
		const char *next = sqz_json_string(page, "@odata.nextLink");
		if (next) {
			if (!sqz_graph_same_origin(mb->graph, next)) {
				json_object_put(page);
				return sqz_error_set(err, SQZ_E_GRAPH, "Graph's folder listing points its next page to another host; "
					"refusing to follow it (the access token only goes to graph_endpoint)");
			}
			url = sqz_strdup(next);
		}
		json_object_put(page);
	}
	return SQZ_OK;
}

sqz_status sqz_mailbox_folders(sqz_mailbox *mb, sqz_folder_tree *tree, sqz_error *err)
{
	sqz_folder_tree_init(tree);
	char **pending = NULL;
	size_t pending_count = 0, done = 0;
	sqz_buf path = SQZ_BUF_INIT;
	sqz_status st = SQZ_OK;
	if (sqz_buf_appendf(&path, "%s/mailFolders?includeHiddenFolders=true&$top=250&$select=" FOLDER_SELECT, mb->root)) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	st = fetch_folder_pages(mb, path.data, tree, &pending, &pending_count, err);
	/* Breadth first through every folder that says it has children. */
	while (st == SQZ_OK && done < pending_count) {
		sqz_buf_reset(&path);
		const char *id = pending[done++];
		if (sqz_buf_appendf(&path, "%s/mailFolders/", mb->root) || sqz_buf_append_urlencoded(&path, id, strlen(id))
			|| sqz_buf_appends(&path, "/childFolders?includeHiddenFolders=true&$top=250&$select=" FOLDER_SELECT)) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
			break;
		}
		st = fetch_folder_pages(mb, path.data, tree, &pending, &pending_count, err);
	}
	for (size_t i = 0; i < pending_count; i++) {
		sqz_free(pending[i]);
	}
	sqz_free(pending);
	sqz_buf_free(&path);
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

sqz_status sqz_mailbox_resolve_folder(sqz_mailbox *mb, sqz_folder_tree *tree, const char *spec, const char *role,
	sqz_folder *out, sqz_error *err)
{
	sqz_folder_tree own;
	sqz_folder_tree_init(&own);
	if (!tree) {
		if (sqz_mailbox_folders(mb, &own, err) != SQZ_OK) {
			return err->status;
		}
		tree = &own;
	}
	sqz_status st;
	const char *trimmed = spec;
	if (sqz_folder_is_well_known(trimmed)) {
		/* Graph knows which folder "inbox" is in any language. */
		sqz_buf path = SQZ_BUF_INIT;
		sqz_buf_appendf(&path, "%s/mailFolders/", mb->root);
		sqz_buf_append_urlencoded(&path, trimmed, strlen(trimmed));
		sqz_buf_appends(&path, "?$select=" FOLDER_SELECT);
		json_object *f = path.data ? sqz_graph_json(mb->graph, "GET", path.data, NULL, err) : NULL;
		sqz_buf_free(&path);
		if (!f) {
			/* Exchange says ErrorFolderNotFound (404) for a well-known name
			 * the mailbox has no folder for, e.g. "archive" before One-Click
			 * Archive was ever used; key on the code, not only the status. */
			if (err->status == SQZ_E_GRAPH && (err->http_status == 404
				|| (err->graph_code && strcmp(err->graph_code, "ErrorFolderNotFound") == 0))) {
				sqz_error_prefix(err, "%s '%s' (a well-known folder) does not exist in this mailbox; create it in Outlook or configure another folder", role ? role : "folder", spec);
				err->status = SQZ_E_FOLDER_NOT_FOUND;
			}
			sqz_folder_tree_clear(&own);
			return err->status;
		}
		const char *id = sqz_json_id(f, "id");
		const sqz_folder *known = id ? sqz_folder_find_id(tree, id) : NULL;
		if (known) {
			st = copy_folder(known, out, err);
		} else {
			/* Not in the listed tree (root-level system folder): describe
			 * it from Graph's answer. */
			sqz_folder tmp = { 0 };
			tmp.id = (char *)id;
			tmp.name = (char *)(sqz_json_string(f, "displayName") ? sqz_json_string(f, "displayName") : spec);
			tmp.parent_id = (char *)sqz_json_id(f, "parentFolderId");
			tmp.path = tmp.name;
			tmp.total_count = int_or(f, "totalItemCount", 0);
			tmp.unread_count = int_or(f, "unreadItemCount", 0);
			tmp.child_count = int_or(f, "childFolderCount", 0);
			tmp.depth = 1;
			st = id ? copy_folder(&tmp, out, err) : sqz_error_set(err, SQZ_E_GRAPH, "Graph returned folder '%s' without an id", spec);
		}
		json_object_put(f);
		sqz_folder_tree_clear(&own);
		return st;
	}
	const sqz_folder *found = sqz_folder_resolve(tree, spec, role, err);
	st = found ? copy_folder(found, out, err) : err->status;
	sqz_folder_tree_clear(&own);
	return st;
}

void sqz_message_clear(sqz_message *m)
{
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
	m->subject = sqz_strdup(sqz_json_string(obj, "subject") ? sqz_json_string(obj, "subject") : "");
	m->from_address = sqz_strdup(sqz_json_string(from, "address"));
	m->from_name = sqz_strdup(sqz_json_string(from, "name"));
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

sqz_status sqz_mailbox_message_page(sqz_mailbox *mb, const char *folder_id, const char *next_link, int top,
	sqz_message **messages, size_t *count, char **next_link_out, sqz_error *err)
{
	*next_link_out = NULL;
	char *url = NULL;
	if (next_link) {
		if (!sqz_graph_same_origin(mb->graph, next_link)) {
			char *origin = sqz_http_origin(next_link);
			sqz_error_set(err, SQZ_E_GRAPH, "Graph's message listing points its next page to %s, not graph_endpoint's host; "
				"refusing to follow it (the access token never leaves %s)", origin ? origin : "an invalid URL", mb->graph->origin);
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
	json_object *page = sqz_graph_json(mb->graph, "GET", url, NULL, err);
	sqz_free(url);
	if (!page) {
		return err->status;
	}
	json_object *values = sqz_json_get(page, "value");
	if (!values || !json_object_is_type(values, json_type_array)) {
		json_object_put(page);
		return sqz_error_set(err, SQZ_E_GRAPH, "Graph's message listing has no 'value' array");
	}
	size_t n = json_object_array_length(values);
	sqz_message *grown = sqz_realloc(*messages, (*count + n + 1) * sizeof *grown);
	if (!grown) {
		json_object_put(page);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	*messages = grown;
	for (size_t i = 0; i < n; i++) {
		if (sqz_message_from_json(json_object_array_get_idx(values, i), &grown[*count], err) != SQZ_OK) {
			json_object_put(page);
			return err->status;
		}
		(*count)++;
	}
	const char *next = sqz_json_string(page, "@odata.nextLink");
	if (next && !(*next_link_out = sqz_strdup(next))) {
		json_object_put(page);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	json_object_put(page);
	return SQZ_OK;
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
	const sqz_prefetch_entry *pe = mb->prefetch ? sqz_prefetch_find(mb->prefetch, id) : NULL;
	if (pe && pe->mime_path) {
		int missing = 0;
		sqz_status st = sqz_prefetch_copy(pe->mime_path, sink, bytes, &missing, err);
		if (st != SQZ_OK || !missing) {
			return st;
		}
	}
	char *path = sqz_mailbox_message_path(mb, id, "/$value");
	if (!path) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	sqz_status st = download(mb, path, sink, bytes, err);
	sqz_free(path);
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
	out->kind = type && strstr(type, "itemAttachment") ? SQZ_ATTACHMENT_ITEM
		: type && strstr(type, "referenceAttachment") ? SQZ_ATTACHMENT_REFERENCE : SQZ_ATTACHMENT_FILE;
	out->id = sqz_strdup(sqz_json_id(a, "id"));
	out->name = sqz_strdup(sqz_json_string(a, "name") ? sqz_json_string(a, "name") : "");
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
	const sqz_prefetch_entry *pe = mb->prefetch ? sqz_prefetch_find(mb->prefetch, message_id) : NULL;
	if (pe && pe->have_attachments) {
		return sqz_prefetch_attachments(pe, list, count, err);
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

sqz_status sqz_mailbox_save_attachment(sqz_mailbox *mb, const char *message_id, const char *attachment_id,
	sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	const sqz_prefetch_entry *pe = mb->prefetch ? sqz_prefetch_find(mb->prefetch, message_id) : NULL;
	for (size_t i = 0; pe && pe->have_attachments && i < pe->att_count; i++) {
		if (pe->att_paths[i] && strcmp(pe->atts[i].id, attachment_id) == 0) {
			int missing = 0;
			sqz_status st = sqz_prefetch_copy(pe->att_paths[i], sink, bytes, &missing, err);
			if (st != SQZ_OK || !missing) {
				return st;
			}
			break;
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
		sqz_error_prefix(err, "attachment is a reference attachment (a link to a file in the cloud) and has no bytes to save");
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
