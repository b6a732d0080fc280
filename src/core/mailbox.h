/* sqzgraph core: one mailbox through Graph — folders, messages, MIME and
 * attachment downloads, moves.
 *
 * Paths: the root is "/me" (delegated, own mailbox) or
 * "/users/{percent-encoded address}"; message and attachment ids are
 * percent-encoded in every path (they contain '/', '+', '='). */
#ifndef SQZ_MAILBOX_H
#define SQZ_MAILBOX_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "folders.h"
#include "graph.h"
#include "text_store.h"

struct sqz_mailbox_cache_ops;

/* What a mailbox serves without asking Graph: an import run hands it the
 * MIME and attachments it fetched ahead (sqz_prefetch_cache in prefetch.h)
 * for the run's duration and takes it back after. The mailbox only asks
 * it; ctx is owned by whoever built the cache. ops NULL = no cache. */
typedef struct sqz_mailbox_cache {
	const struct sqz_mailbox_cache_ops *ops;
	void *ctx;
} sqz_mailbox_cache;

typedef struct sqz_mailbox {
	sqz_graph *graph;      /* borrowed */
	sqz_mailbox_cache cache; /* borrowed; set by an import run, empty otherwise */
	char *root;            /* owned; "/me" or "/users/o%27brien%2Bmail%40contoso.com" */
	char *address;         /* owned; the mailbox option, NULL for /me */
} sqz_mailbox;

typedef struct sqz_message {
	char *id;
	char *internet_message_id;
	char *subject;
	char *from_address;
	char *from_name;
	int64_t received_at;   /* epoch seconds (receivedDateTime is UTC) */
	int has_attachments;
	int64_t size;          /* PR_MESSAGE_SIZE, -1 when Graph did not say */
	int borrowed;          /* the strings belong to a sqz_text_store: sqz_message_clear leaves them */
} sqz_message;

typedef enum sqz_attachment_kind {
	SQZ_ATTACHMENT_FILE,
	SQZ_ATTACHMENT_ITEM,
	SQZ_ATTACHMENT_REFERENCE
} sqz_attachment_kind;

typedef struct sqz_attachment {
	char *id;
	char *name;
	char *content_type;
	int64_t size;
	int is_inline;
	sqz_attachment_kind kind;
} sqz_attachment;

/* Each op returns SQZ_OK with *served = 0 (nothing written, nothing
 * allocated) when the cache does not hold what is asked: the mailbox then
 * asks Graph. With *served = 1 the status and the outputs are the answer,
 * owned as the sqz_mailbox_* function of the same name gives them. */
typedef struct sqz_mailbox_cache_ops {
	sqz_status (*save_mime)(void *ctx, const char *id, sqz_sink *sink, int64_t *bytes, int *served, sqz_error *err);
	sqz_status (*attachments)(void *ctx, const char *message_id, sqz_attachment **list, size_t *count, int *served,
		sqz_error *err);
	sqz_status (*save_attachment)(void *ctx, const char *message_id, const char *attachment_id, sqz_sink *sink,
		int64_t *bytes, int *served, sqz_error *err);
} sqz_mailbox_cache_ops;

sqz_status sqz_mailbox_init(sqz_mailbox *mb, sqz_graph *graph, const char *address, sqz_error *err);
void sqz_mailbox_clear(sqz_mailbox *mb);

/* The whole folder tree (every page of mailFolders and of each
 * childFolders), hidden folders included and marked. The listings of one
 * level of the tree go out together (up to the graph's concurrency in
 * flight): a round trip per level, not per folder. */
sqz_status sqz_mailbox_folders(sqz_mailbox *mb, sqz_folder_tree *tree, sqz_error *err);

/* Resolves a configured name or path (SPEC §Folder resolution). tree may be
 * NULL (it is then fetched, as by sqz_mailbox_resolve_folders); with a tree
 * a well-known name costs one GET. *out receives copies
 * (sqz_folder_copy_clear). */
sqz_status sqz_mailbox_resolve_folder(sqz_mailbox *mb, sqz_folder_tree *tree, const char *spec, const char *role,
	sqz_folder *out, sqz_error *err);
void sqz_folder_copy_clear(sqz_folder *f);

/* Resolves specs[0..n) against one fetch of the tree: the lookups of the
 * well-known names go out with the tree's first level, every level in one
 * round trip. roles may be NULL. out[i] receives specs[i]'s folder (copies:
 * the caller clears each out[i] with sqz_folder_copy_clear, also on
 * failure) or stays empty with the reason in errs[i] (initialised by the
 * caller with SQZ_ERROR_INIT; when the tree itself cannot be read every
 * errs[i] says so). Returns SQZ_OK, or the status of the first spec that
 * failed. */
sqz_status sqz_mailbox_resolve_folders(sqz_mailbox *mb, size_t n, const char *const *specs, const char *const *roles,
	sqz_folder *out, sqz_error *errs);

/* One page of a folder's messages, oldest first. Pass next_link NULL for the
 * first page; *next_link_out receives the next page's URL (owned) or NULL.
 * The page's messages are appended to *messages (grown; free each with
 * sqz_message_clear then the array); a page that fails appends nothing. A
 * nextLink to another origin is an error: the token never leaves
 * graph_endpoint's origin. With a store, the messages' strings are kept in
 * it (by their index in *messages) and live until their group is released;
 * NULL keeps them on the heap. A page that fails, or whose transfer starts
 * over, leaves the copies it made in the store until then. */
sqz_status sqz_mailbox_message_page(sqz_mailbox *mb, const char *folder_id, const char *next_link, int top, sqz_text_store *store,
	sqz_message **messages, size_t *count, char **next_link_out, sqz_error *err);

sqz_status sqz_mailbox_message(sqz_mailbox *mb, const char *id, sqz_message *out, sqz_error *err);
void sqz_message_clear(sqz_message *m);
/* Fills m from one Graph message object (used for listings and $batch). */
sqz_status sqz_message_from_json(json_object *obj, sqz_message *m, sqz_error *err);

/* Streams the message's MIME ($value) into sink; *bytes = bytes written. */
sqz_status sqz_mailbox_save_mime(sqz_mailbox *mb, const char *id, sqz_sink *sink, int64_t *bytes, sqz_error *err);

sqz_status sqz_mailbox_attachments(sqz_mailbox *mb, const char *message_id, sqz_attachment **list, size_t *count, sqz_error *err);
void sqz_attachment_clear(sqz_attachment *a);
/* Fills out from one Graph attachment object; 0, or -1 when it has no id
 * (out is then empty). */
int sqz_attachment_from_json(json_object *a, sqz_attachment *out);
sqz_status sqz_mailbox_save_attachment(sqz_mailbox *mb, const char *message_id, const char *attachment_id,
	sqz_sink *sink, int64_t *bytes, sqz_error *err);
/* The error of saving a reference attachment (a link to a cloud file, no
 * bytes): what Graph answers for its $value (405 notSupported), given
 * without asking Graph when the kind is known from the listing. */
sqz_status sqz_attachment_reference_error(const char *name, sqz_error *err);

/* Moves one message; *new_id receives the id after the move (owned). */
sqz_status sqz_mailbox_move(sqz_mailbox *mb, const char *message_id, const char *folder_id, char **new_id, sqz_error *err);

/* Path below the endpoint for a message: "{root}/messages/{enc id}{suffix}". */
char *sqz_mailbox_message_path(const sqz_mailbox *mb, const char *id, const char *suffix);

#endif
