/* sqzgraph core: Graph JSON batching (POST {endpoint}/$batch).
 *
 * At most 20 members per request (Graph's limit); member URLs are relative
 * to the version ("/users/..."), never "/v1.0/users/...". The outer 200
 * says nothing about the members: each member's status is read on its own,
 * and members answered 429 are sent again after their own Retry-After (the
 * longest one of a round), up to the retry policy's limit. Responses may
 * arrive in any order; they are matched by id.
 *
 * Many members go out as several $batch requests at once (up to the graph's
 * concurrency). Graph fans the members of one batch out to Outlook up to 4
 * at a time, and that fan-out counts against the mailbox's limit of 4
 * concurrent requests (GRAPH-FACTS §4.6, §5). So when more than one batch
 * is sent (or `concurrency` is below 4), the members of each batch are
 * chained with dependsOn (each on the one before): Outlook runs a chained
 * batch one member at a time, and the mailbox never sees more than
 * `concurrency` requests. A member after a
 * failed one is answered 424 without having run; it is sent again in a
 * later batch (the failed member is not).
 *
 * A batch answer is walked as its bytes arrive (sqz_json_walk, json.h):
 * each member's response is taken, its body decoded into the member's
 * sink, as soon as the response is complete, and freed; neither the
 * answer's text nor its tree is ever held whole, only one member's at a
 * time. A batch is still closed before the members' expected answer sizes
 * (expect_bytes) pass SQZ_BATCH_BYTES, and an answer larger than
 * SQZ_BATCH_MAX_ANSWER fails that batch (members answered before keep
 * their answers). */
#ifndef SQZ_BATCH_H
#define SQZ_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "graph.h"

#define SQZ_BATCH_MAX 20
/* Expected bytes of the members of one batch (before base64). */
#define SQZ_BATCH_BYTES ((int64_t)8 << 20)
/* Largest batch answer read. */
#define SQZ_BATCH_MAX_ANSWER ((size_t)48 << 20)

typedef struct sqz_batch_result sqz_batch_result;

typedef struct sqz_batch_member {
	const char *method;      /* GET, POST, PATCH */
	const char *path;        /* below the version: "/users/x/messages/{id}/move" */
	const char *body;        /* JSON text or NULL */
	sqz_sink *sink;          /* NULL, or where a 2xx non-JSON member body (base64 in the
	                            answer) is decoded to instead of result.raw */
	int64_t expect_bytes;    /* estimated size of the answer's body; 0 = small */
	int status_only;         /* a 2xx answer's body is not kept: the caller reads only its
	                            status (a move answers with the whole message, its body
	                            text included) */
	/* NULL, or called (on sqz_graph_batch's thread) as soon as the member has
	 * its final 2xx answer with a JSON body, before the rest of the batch
	 * arrives: it may take result->body (and set it NULL), so that a call of
	 * many such members never holds all their trees at once. */
	void (*on_answer)(void *ctx, sqz_batch_result *result);
	void *on_answer_ctx;
} sqz_batch_member;

struct sqz_batch_result {
	long status;             /* the member's status; 0 when the batch itself failed */
	json_object *body;       /* owned; a JSON member body, or NULL */
	char *raw;               /* owned; a non-JSON member body, base64-decoded (no sink) */
	size_t raw_len;
	int64_t sink_bytes;      /* bytes decoded into the member's sink */
	sqz_error error;         /* filled for a non-2xx member (Graph error mapped), or a
	                            2xx member whose body could not be decoded or stored */
};

/* Sends the members in batches of 20. results[i] answers members[i]
 * (initialise with memset 0). Returns SQZ_OK when every batch request got
 * an answer (members may still have failed: look at results); otherwise the
 * batch-level error, with every unanswered result carrying it too. */
sqz_status sqz_graph_batch(sqz_graph *g, const sqz_batch_member *members, size_t n, sqz_batch_result *results, sqz_error *err);

void sqz_batch_result_clear(sqz_batch_result *r);

/* Decodes standard base64 text into sink in pieces (never the whole
 * decoded body in memory). *bytes = bytes written. 0, or -1 with err. */
int sqz_base64_to_sink(const char *text, size_t len, sqz_sink *sink, int64_t *bytes, sqz_error *err);

#endif
