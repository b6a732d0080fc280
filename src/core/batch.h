/* sqzgraph core: Graph JSON batching (POST {endpoint}/$batch).
 *
 * At most 20 members per request (Graph's limit); member URLs are relative
 * to the version ("/users/..."), never "/v1.0/users/...". The outer 200
 * says nothing about the members: each member's status is read on its own,
 * and members answered 429 are sent again after their own Retry-After (the
 * longest one of a round), up to the retry policy's limit. Responses may
 * arrive in any order; they are matched by id. */
#ifndef SQZ_BATCH_H
#define SQZ_BATCH_H

#include <stddef.h>

#include "error.h"
#include "graph.h"

#define SQZ_BATCH_MAX 20

typedef struct sqz_batch_member {
	const char *method;      /* GET, POST, PATCH */
	const char *path;        /* below the version: "/users/x/messages/{id}/move" */
	const char *body;        /* JSON text or NULL */
} sqz_batch_member;

typedef struct sqz_batch_result {
	long status;             /* the member's status; 0 when the batch itself failed */
	json_object *body;       /* owned; a JSON member body, or NULL */
	char *raw;               /* owned; a non-JSON member body, base64-decoded */
	size_t raw_len;
	sqz_error error;         /* filled for a non-2xx member (Graph error mapped) */
} sqz_batch_result;

/* Sends the members in batches of 20. results[i] answers members[i]
 * (initialise with memset 0). Returns SQZ_OK when every batch request got
 * an answer (members may still have failed: look at results); otherwise the
 * batch-level error, with every unanswered result carrying it too. */
sqz_status sqz_graph_batch(sqz_graph *g, const sqz_batch_member *members, size_t n, sqz_batch_result *results, sqz_error *err);

void sqz_batch_result_clear(sqz_batch_result *r);

#endif
