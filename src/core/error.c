#include "error.h"
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char nomem_message[] = "out of memory";

static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0) {
		return NULL;
	}
	char *out = sqz_malloc((size_t)len + 1);
	if (out) {
		vsnprintf(out, (size_t)len + 1, fmt, ap);
	}
	return out;
}

static void free_message(sqz_error *err)
{
	if (err->message != nomem_message) {
		sqz_free(err->message);
	}
	err->message = NULL;
}

void sqz_error_clear(sqz_error *err)
{
	if (!err) {
		return;
	}
	free_message(err);
	sqz_free(err->key);
	sqz_free(err->graph_code);
	sqz_free(err->request_id);
	sqz_free(err->oauth_error);
	sqz_free(err->error_code);
	sqz_free(err->description);
	sqz_free(err->reason);
	for (size_t i = 0; i < err->candidate_count; i++) {
		sqz_free(err->candidates[i]);
	}
	sqz_free(err->candidates);
	sqz_error empty = SQZ_ERROR_INIT;
	*err = empty;
}

sqz_status sqz_error_set(sqz_error *err, sqz_status status, const char *fmt, ...)
{
	if (!err) {
		return status;
	}
	sqz_error_clear(err);
	err->status = status;
	va_list ap;
	va_start(ap, fmt);
	err->message = vformat(fmt, ap);
	va_end(ap);
	if (!err->message) {
		err->message = (char *)nomem_message;
	}
	return status;
}

void sqz_error_prefix(sqz_error *err, const char *fmt, ...)
{
	if (!err) {
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *prefix = vformat(fmt, ap);
	va_end(ap);
	if (!prefix) {
		return;
	}
	const char *old = err->message ? err->message : "";
	size_t len = strlen(prefix) + 2 + strlen(old) + 1;
	char *joined = sqz_malloc(len);
	if (joined) {
		snprintf(joined, len, "%s: %s", prefix, old);
		free_message(err);
		err->message = joined;
	}
	sqz_free(prefix);
}

void sqz_error_take_message(sqz_error *err, char *message)
{
	if (!err || !message) {
		sqz_free(message);
		return;
	}
	free_message(err);
	err->message = message;
}

static void replace(char **field, const char *value)
{
	sqz_free(*field);
	*field = sqz_strdup(value);
}

void sqz_error_set_key(sqz_error *err, const char *key)
{
	if (err) {
		replace(&err->key, key);
	}
}

void sqz_error_set_graph(sqz_error *err, long http_status, const char *graph_code, const char *request_id)
{
	if (err) {
		err->http_status = http_status;
		replace(&err->graph_code, graph_code);
		replace(&err->request_id, request_id);
	}
}

void sqz_error_set_oauth(sqz_error *err, const char *oauth_error, const char *error_code, const char *description)
{
	if (err) {
		replace(&err->oauth_error, oauth_error);
		replace(&err->error_code, error_code);
		replace(&err->description, description);
	}
}

void sqz_error_set_reason(sqz_error *err, const char *reason)
{
	if (err) {
		replace(&err->reason, reason);
	}
}

int sqz_error_add_candidate(sqz_error *err, const char *candidate)
{
	if (!err) {
		return 0;
	}
	char **grown = sqz_realloc(err->candidates, (err->candidate_count + 1) * sizeof(char *));
	if (!grown) {
		return -1;
	}
	err->candidates = grown;
	grown[err->candidate_count] = sqz_strdup(candidate);
	if (!grown[err->candidate_count]) {
		return -1;
	}
	err->candidate_count++;
	return 0;
}

void sqz_error_move(sqz_error *dst, sqz_error *src)
{
	if (!dst || !src || dst == src) {
		return;
	}
	sqz_error_clear(dst);
	*dst = *src;
	sqz_error empty = SQZ_ERROR_INIT;
	*src = empty;
}

void sqz_error_copy(sqz_error *dst, const sqz_error *src)
{
	if (!dst || !src || dst == src) {
		return;
	}
	sqz_error_set(dst, src->status, "%s", src->message ? src->message : "");
	sqz_error_set_key(dst, src->key);
	sqz_error_set_graph(dst, src->http_status, src->graph_code, src->request_id);
	sqz_error_set_oauth(dst, src->oauth_error, src->error_code, src->description);
	sqz_error_set_reason(dst, src->reason);
	dst->curl_code = src->curl_code;
	dst->retry_after = src->retry_after;
	for (size_t i = 0; i < src->candidate_count; i++) {
		sqz_error_add_candidate(dst, src->candidates[i]);
	}
}

const char *sqz_status_name(sqz_status status)
{
	switch (status) {
	case SQZ_OK: return "ok";
	case SQZ_E_NOMEM: return "out of memory";
	case SQZ_E_CONFIG: return "configuration";
	case SQZ_E_STORE: return "store";
	case SQZ_E_TRANSPORT: return "transport";
	case SQZ_E_GRAPH: return "graph";
	case SQZ_E_THROTTLED: return "throttled";
	case SQZ_E_AUTHORIZATION: return "authorization";
	case SQZ_E_REAUTHENTICATE: return "reauthentication required";
	case SQZ_E_FOLDER_NOT_FOUND: return "folder not found";
	case SQZ_E_FOLDER_AMBIGUOUS: return "folder ambiguous";
	case SQZ_E_CALLBACK: return "callback";
	case SQZ_E_INTERNAL: return "internal";
	}
	return "unknown";
}
