/* sqzgraph core: the folder tree of a mailbox and name/path resolution.
 *
 * Pure data: graph.c-based code (mailbox.c) fills the tree from
 * mailFolders + childFolders pages; this file builds the paths and resolves
 * a configured name exactly as SPEC §Folder resolution says:
 *   1. a Graph well-known name (inbox, archive, ...) is that folder, whatever
 *      its display name (the caller asks Graph for mailFolders/<name> and
 *      passes the id it got);
 *   2. "A/B/C" or "/A/B/C" walks display names from the top; "\/" is a slash
 *      inside a name;
 *   3. any other name is searched in the whole tree (hidden folders, and
 *      the folders below them, excluded): one match is it, none is
 *      FOLDER_NOT_FOUND with the closest names, several is FOLDER_AMBIGUOUS
 *      listing every matching path.
 * A configured folder never silently becomes another one of the same name.
 * Names compare case-insensitively (ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic letters fold; other scripts compare exactly). */
#ifndef SQZ_FOLDERS_H
#define SQZ_FOLDERS_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct sqz_folder {
	char *id;
	char *name;          /* displayName */
	char *parent_id;
	char *path;          /* "Inbox/Invoices/2024", '/' inside a name written "\/"; set by finish() */
	int64_t total_count;
	int64_t unread_count;
	int64_t child_count;
	int hidden;          /* isHidden, or below a hidden folder (set by finish()) */
	size_t depth;        /* 1 = top level; set by finish() */
} sqz_folder;

typedef struct sqz_folder_tree {
	sqz_folder *items;   /* owned */
	size_t count;
	size_t cap;
} sqz_folder_tree;

void sqz_folder_tree_init(sqz_folder_tree *tree);
void sqz_folder_tree_clear(sqz_folder_tree *tree);

/* Adds one folder (strings copied). Order does not matter. */
sqz_status sqz_folder_tree_add(sqz_folder_tree *tree, const char *id, const char *name, const char *parent_id,
	int64_t total_count, int64_t unread_count, int64_t child_count, int hidden, sqz_error *err);

/* Computes depth and path of every folder: a folder whose parent is not in
 * the tree is top level (its parent is the root, msgfolderroot). Sorts the
 * folders by path so that listings are stable. */
sqz_status sqz_folder_tree_finish(sqz_folder_tree *tree, sqz_error *err);

/* 1 when name is a Graph well-known folder name (case-insensitive). */
int sqz_folder_is_well_known(const char *name);

/* What Exchange allows: a display name of at most 255 characters (Outlook
 * and Exchange refuse longer ones) and a folder hierarchy at most 300 levels
 * deep (Exchange Online's limit). A configured name or path beyond either
 * names no folder, and bounding it keeps lookups and suggestions cheap. */
#define SQZ_FOLDER_NAME_MAX 255
#define SQZ_FOLDER_DEPTH_MAX 300

/* Checks spec (len bytes) against those bounds: SQZ_OK, or SQZ_E_CONFIG
 * with a message naming `what` (e.g. "folders[inbox]", "the folder"). */
sqz_status sqz_folder_spec_check(const char *spec, size_t len, const char *what, sqz_error *err);
/* The same for a NUL-terminated spec, `what` being "the <role> folder". */
sqz_status sqz_folder_spec_check_role(const char *spec, const char *role, sqz_error *err);

/* Splits a configured path into display-name segments (unescaping "\/").
 * Returns the segment count, or 0 when spec contains no unescaped '/'
 * (a plain name); -1 on an empty segment ("A//B") with err filled. The
 * caller frees with sqz_folder_segments_free. */
long sqz_folder_split_path(const char *spec, char ***segments, sqz_error *err);
void sqz_folder_segments_free(char **segments, long count);

/* Resolves spec (not a well-known name: the caller handles those) to one
 * folder of the tree; `role` ("inbox", "exported", "error" or NULL) only
 * flavours the error message. */
const sqz_folder *sqz_folder_resolve(const sqz_folder_tree *tree, const char *spec, const char *role, sqz_error *err);

const sqz_folder *sqz_folder_find_id(const sqz_folder_tree *tree, const char *id);

/* Case-folded comparison used for names (see the header comment). */
int sqz_folder_name_equal(const char *a, const char *b);

#endif
