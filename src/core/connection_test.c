/* sqzgraph core: the connection test (see connection_test.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "clock.h"
#include "config.h"
#include "connection_test.h"
#include "crypto.h"
#include "graph.h"
#include "http.h"
#include "json.h"
#include "mailbox.h"
#include "oauth.h"

/* What the binding's snprintf into a fixed buffer used to cut at; kept so
 * that a long folder path reads the same as before the move. */
#define DETAIL_MAX 1200

void sqz_connection_report_init(sqz_connection_report *r)
{
	memset(r, 0, sizeof *r);
	r->ok = 1;
}

static void check_clear(sqz_connection_check *c)
{
	sqz_free(c->name);
	sqz_free(c->detail);
	sqz_free(c->hint);
	sqz_free(c->id);
	sqz_free(c->path);
	for (size_t i = 0; i < c->candidate_count; i++) {
		sqz_free(c->candidates[i]);
	}
	sqz_free(c->candidates);
}

void sqz_connection_report_clear(sqz_connection_report *r)
{
	for (size_t i = 0; i < r->count; i++) {
		check_clear(&r->checks[i]);
	}
	sqz_free(r->checks);
	sqz_connection_report_init(r);
}

sqz_connection_check *sqz_connection_report_add(sqz_connection_report *r, const char *name, int ok, const char *detail)
{
	if (!ok) {
		r->ok = 0;
	}
	if (r->count == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 8;
		sqz_connection_check *grown = sqz_realloc(r->checks, cap * sizeof *grown);
		if (!grown) {
			r->nomem = 1;
			return NULL;
		}
		r->checks = grown;
		r->cap = cap;
	}
	sqz_connection_check *c = &r->checks[r->count];
	memset(c, 0, sizeof *c);
	c->name = sqz_strdup(name);
	c->detail = sqz_strdup(detail ? detail : "");
	c->ok = ok;
	if (!c->name || !c->detail) {
		check_clear(c);
		r->nomem = 1;
		return NULL;
	}
	r->count++;
	return c;
}

/* An extra field of a check: a failed copy marks the report incomplete. */
static char *field(sqz_connection_report *r, const char *value)
{
	char *copy = sqz_strdup(value);
	if (!copy) {
		r->nomem = 1;
	}
	return copy;
}

void sqz_connection_report_no_token(sqz_connection_report *r, const char *why)
{
	sqz_connection_report_add(r, "token", 0, why ? why : "no token");
	static const char *const names[] = { "mailbox", "folder.inbox", "folder.exported", "folder.error", "permissions", "clock" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		sqz_connection_report_add(r, names[i], 0, "not checked: no access token");
	}
}

void sqz_connection_test_clock(sqz_connection_report *r, const char *date_header, sqz_epoch now)
{
	sqz_epoch server = 0;
	if (!date_header || sqz_clock_parse_http_date(date_header, &server) != 0) {
		sqz_connection_report_add(r, "clock", 0, "Graph's answer carried no usable Date header");
		return;
	}
	char detail[DETAIL_MAX];
	long skew = (long)(now - server);
	snprintf(detail, sizeof detail, "this server's clock is %ld s %s Graph's", labs(skew), skew >= 0 ? "ahead of" : "behind");
	sqz_connection_check *c = sqz_connection_report_add(r, "clock", labs(skew) <= 60, detail);
	if (!c) {
		return;
	}
	if (labs(skew) > 60) {
		c->hint = field(r, "synchronise this server's clock (NTP): token expiry decisions depend on it");
	}
	c->has_skew = 1;
	c->skew = skew;
}

char *sqz_connection_test_token_roles(const char *token)
{
	json_object *claims = sqz_json_jwt_claims(token, "token");
	json_object *roles = sqz_json_get(claims, "roles");
	char *out = NULL;
	if (roles && json_object_is_type(roles, json_type_array)) {
		sqz_buf b = SQZ_BUF_INIT;
		for (size_t i = 0; i < json_object_array_length(roles); i++) {
			json_object *role = json_object_array_get_idx(roles, i);
			if (json_object_is_type(role, json_type_string)) {
				sqz_buf_appendf(&b, "%s%s", b.len ? " " : "", json_object_get_string(role));
			}
		}
		out = sqz_buf_steal(&b, NULL);
	}
	if (claims) {
		json_object_put(claims);
	}
	return out;
}

int sqz_connection_test_has_word(const char *list, const char *word)
{
	size_t wl = strlen(word);
	for (const char *p = list; p && (p = strstr(p, word)); p += wl) {
		int start = p == list || p[-1] == ' ' || p[-1] == '/';
		int end = p[wl] == '\0' || p[wl] == ' ';
		if (start && end) {
			return 1;
		}
	}
	return 0;
}

static int host_failed_now(int (*host_failed)(void *ctx), void *host_ctx)
{
	return host_failed && host_failed(host_ctx);
}

/* mailbox + clock: one GET of the Inbox; its Date header gives the skew. */
static void check_mailbox_and_clock(sqz_mailbox *mb, const sqz_token_info *info, sqz_connection_report *r, sqz_error *err)
{
	char detail[DETAIL_MAX];
	sqz_buf path = SQZ_BUF_INIT;
	sqz_buf_appendf(&path, "%s/mailFolders/inbox?$select=id,displayName,totalItemCount", mb->root);
	sqz_http_response resp;
	sqz_http_response_init(&resp);
	sqz_graph_call call = { .method = "GET", .url = path.data, .idempotent = 1 };
	sqz_status st = sqz_graph_send(mb->graph, &call, &resp, err);
	sqz_buf_free(&path);
	if (st == SQZ_OK) {
		snprintf(detail, sizeof detail, "%s is reachable",
			mb->address ? mb->address : (info->account ? info->account : "the signed-in user's mailbox"));
		sqz_connection_report_add(r, "mailbox", 1, detail);
	} else {
		sqz_connection_report_add(r, "mailbox", 0, err->message ? err->message : "unreachable");
	}
	sqz_connection_test_clock(r, resp.date, sqz_clock_now());
	sqz_http_response_clear(&resp);
	sqz_error_clear(err);
}

/* folders: one fetch of the tree for the three, the well-known lookups
 * with its first level. *inbox_id receives the Inbox's id (sqz_free) when
 * found. */
static void check_folders(sqz_mailbox *mb, const sqz_config *cfg, sqz_connection_report *r, char **inbox_id)
{
	static const char *const roles[] = { "inbox", "exported", "error" };
	const char *specs[] = { cfg->folder_inbox, cfg->folder_exported, cfg->folder_error };
	sqz_folder folders[3];
	sqz_error ferrs[3] = { SQZ_ERROR_INIT, SQZ_ERROR_INIT, SQZ_ERROR_INIT };
	char detail[DETAIL_MAX];
	(void)sqz_mailbox_resolve_folders(mb, 3, specs, roles, folders, ferrs);
	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof name, "folder.%s", roles[i]);
		if (ferrs[i].status == SQZ_OK) {
			snprintf(detail, sizeof detail, "'%s' is %s (%lld messages)", specs[i], folders[i].path, (long long)folders[i].total_count);
			sqz_connection_check *c = sqz_connection_report_add(r, name, 1, detail);
			if (c) {
				c->id = field(r, folders[i].id);
				c->path = field(r, folders[i].path);
			}
			if (i == 0) {
				*inbox_id = sqz_strdup(folders[i].id);
			}
		} else {
			sqz_connection_check *c = sqz_connection_report_add(r, name, 0, ferrs[i].message ? ferrs[i].message : "not found");
			if (c && ferrs[i].candidate_count) {
				c->candidates = sqz_calloc(ferrs[i].candidate_count, sizeof *c->candidates);
				if (!c->candidates) {
					r->nomem = 1;
				}
				for (size_t k = 0; c->candidates && k < ferrs[i].candidate_count; k++) {
					c->candidates[k] = field(r, ferrs[i].candidates[k]);
					c->candidate_count++;
				}
			}
		}
		sqz_folder_copy_clear(&folders[i]);
		sqz_error_clear(&ferrs[i]);
	}
}

static int has_mail_role(const char *roles)
{
	for (const char *p = roles; p && (p = strstr(p, "Mail.")); p += 5) {
		if (p == roles || p[-1] == ' ') {
			return 1;
		}
	}
	return 0;
}

int sqz_connection_test_app_permission(const char *roles, int read_ok, int write_ok, const char **note)
{
	*note = NULL;
	if (!roles || sqz_connection_test_has_word(roles, "Mail.ReadWrite")) {
		return 1;
	}
	if (has_mail_role(roles)) {
		*note = " (Mail.ReadWrite MISSING: add it as an application permission and grant admin consent)";
		return 0;
	}
	if (read_ok && write_ok != 0) {
		*note = " (no Mail permission in the token, yet the mailbox allowed access: granted by Exchange RBAC for Applications)";
		return 1;
	}
	*note = " (no Mail permission in the token and the mailbox refused: add Mail.ReadWrite as an application permission "
		"and grant admin consent, or assign the application an Exchange RBAC for Applications role "
		"(Application Mail.ReadWrite) scoped to this mailbox)";
	return 0;
}

/* permissions: what the grant says, then a read and a write that changes
 * nothing (PATCH of a message's categories to their value). */
static void check_permissions(sqz_mailbox *mb, const sqz_config *cfg, const sqz_token_info *info, const char *token,
	const char *inbox_id, sqz_connection_report *r, sqz_error *err)
{
	sqz_buf what = SQZ_BUF_INIT;
	int granted = 1;
	char *roles = NULL;
	if (cfg->flow == SQZ_FLOW_DELEGATED) {
		sqz_buf scopes = SQZ_BUF_INIT;
		for (size_t i = 0; i < info->scope_count; i++) {
			sqz_buf_appendf(&scopes, "%s%s", i ? " " : "", info->scopes[i]);
		}
		const char *need = cfg->mailbox ? "Mail.ReadWrite.Shared" : "Mail.ReadWrite";
		granted = scopes.data && sqz_connection_test_has_word(scopes.data, need);
		sqz_buf_appendf(&what, "delegated scopes: %s (%s %s)", scopes.data ? scopes.data : "(none reported)", need,
			granted ? "granted" : "MISSING");
		sqz_buf_free(&scopes);
	} else {
		/* The verdict needs the requests' outcome: the text is finished below. */
		roles = sqz_connection_test_token_roles(token);
		sqz_buf_appendf(&what, "application roles: %s", roles ? roles : "(token not readable; judged by the requests below)");
	}
	int read_ok = 0, write_ok = -1;
	if (inbox_id) {
		sqz_message *msgs = NULL;
		size_t count = 0;
		char *next = NULL;
		if (sqz_mailbox_message_page(mb, inbox_id, NULL, 1, NULL, &msgs, &count, &next, err) == SQZ_OK) {
			read_ok = 1;
			if (count > 0) {
				char *path = sqz_mailbox_message_path(mb, msgs[0].id, "?$select=categories");
				json_object *m = path ? sqz_graph_json(mb->graph, "GET", path, NULL, err) : NULL;
				json_object *cats = sqz_json_get(m, "categories");
				if (cats) {
					json_object *patch = json_object_new_object();
					json_object_object_add(patch, "categories", json_object_get(cats));
					char *text = sqz_json_dump(patch);
					json_object_put(patch);
					sqz_free(path);
					path = sqz_mailbox_message_path(mb, msgs[0].id, NULL);
					sqz_http_response resp;
					sqz_http_response_init(&resp);
					sqz_graph_call call = { .method = "PATCH", .url = path, .body = text, .body_len = text ? strlen(text) : 0, .idempotent = 1 };
					write_ok = sqz_graph_send(mb->graph, &call, &resp, err) == SQZ_OK;
					sqz_http_response_clear(&resp);
					sqz_free(text);
				}
				if (m) {
					json_object_put(m);
				}
				sqz_free(path);
			}
		}
		for (size_t i = 0; i < count; i++) {
			sqz_message_clear(&msgs[i]);
		}
		sqz_free(msgs);
		sqz_free(next);
	}
	if (cfg->flow != SQZ_FLOW_DELEGATED) {
		const char *note;
		granted = sqz_connection_test_app_permission(roles, read_ok, write_ok, &note);
		if (note) {
			sqz_buf_appends(&what, note);
		}
		sqz_free(roles);
	}
	/* Without an Inbox nothing was tried: say so rather than "FAILED"/"empty". */
	sqz_buf_appendf(&what, "; read: %s; write: %s",
		!inbox_id ? "not checked (no Inbox)" : read_ok ? "ok"
							       : "FAILED",
		write_ok == 1 ? "ok" : write_ok == 0 ? "FAILED"
			: read_ok                    ? "not checked (the Inbox is empty)"
						     : "not checked");
	if (err->message && (read_ok == 0 || write_ok == 0)) {
		sqz_buf_appendf(&what, " (%s)", err->message);
	}
	sqz_error_clear(err);
	sqz_connection_report_add(r, "permissions", granted && read_ok && write_ok != 0, what.data ? what.data : "");
	sqz_buf_free(&what);
}

static sqz_status host_stopped(sqz_connection_report *r, sqz_error *err)
{
	sqz_connection_report_clear(r);
	sqz_error_clear(err);
	return sqz_error_set(err, SQZ_E_CALLBACK, "a host callback failed during the connection test");
}

sqz_status sqz_connection_test_run(sqz_oauth *oauth, sqz_mailbox *mb, int (*host_failed)(void *ctx), void *host_ctx,
	sqz_connection_report *r, sqz_error *err)
{
	const sqz_config *cfg = oauth->config;
	sqz_connection_report_init(r);

	char *token = NULL;
	sqz_status st = sqz_oauth_access_token(oauth, 0, &token, err);
	if (host_failed_now(host_failed, host_ctx)) {
		sqz_free_secret(token);
		return host_stopped(r, err);
	}
	if (st != SQZ_OK) {
		sqz_connection_report_no_token(r, err->message);
		sqz_error_clear(err);
		sqz_free_secret(token);
		return r->nomem ? sqz_error_set(err, SQZ_E_NOMEM, "out of memory") : SQZ_OK;
	}
	sqz_token_info info;
	memset(&info, 0, sizeof info);
	sqz_oauth_status(oauth, &info, err);
	sqz_error_clear(err);
	{
		char detail[DETAIL_MAX], when[32];
		sqz_clock_format_iso8601(info.expires_at, when);
		snprintf(detail, sizeof detail, "%s token%s%s, expires %s", sqz_flow_name(cfg->flow),
			info.account ? " for " : "", info.account ? info.account : "", when);
		sqz_connection_report_add(r, "token", 1, detail);
	}

	char *inbox_id = NULL;
	check_mailbox_and_clock(mb, &info, r, err);
	if (!host_failed_now(host_failed, host_ctx)) {
		check_folders(mb, cfg, r, &inbox_id);
	}
	if (!host_failed_now(host_failed, host_ctx)) {
		check_permissions(mb, cfg, &info, token, inbox_id, r, err);
	}
	sqz_free(inbox_id);
	sqz_token_info_clear(&info);
	sqz_free_secret(token);
	if (host_failed_now(host_failed, host_ctx)) {
		return host_stopped(r, err);
	}
	return r->nomem ? sqz_error_set(err, SQZ_E_NOMEM, "out of memory") : SQZ_OK;
}
