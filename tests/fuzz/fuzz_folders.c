/* Folder path splitting and resolution (folders.c) on a tree given in the
 * input: first line the configured spec, then one folder per line
 * "id|displayName|parentId|hidden" (any bytes, parents in any order,
 * cycles, duplicates, names with '/', "\/", invalid UTF-8). Properties: a
 * resolved folder is in the tree and matches the last segment; a plain name
 * never resolves to a hidden folder; an ambiguity lists every candidate. */
#include "fuzz_support.h"
#include "core/folders.h"

static char *field(char **p)
{
	char *start = *p;
	char *bar = strchr(start, '|');
	if (bar) {
		*bar = '\0';
		*p = bar + 1;
	} else {
		*p = start + strlen(start);
	}
	return start;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *text = malloc(len + 1);
	memcpy(text, data, len);
	text[len] = '\0';
	char *save = NULL;
	char *spec = strtok_r(text, "\n", &save);
	if (!spec) {
		free(text);
		return 0;
	}
	sqz_folder_tree tree;
	sqz_folder_tree_init(&tree);
	sqz_error err = SQZ_ERROR_INIT;
	for (char *line; tree.count < 200 && (line = strtok_r(NULL, "\n", &save));) {
		char *p = line;
		char *id = field(&p), *name = field(&p), *parent = field(&p), *hidden = field(&p);
		sqz_status st = sqz_folder_tree_add(&tree, id, name, *parent ? parent : NULL, 0, 0, 0, hidden[0] == '1', &err);
		FZ_ASSERT(st == SQZ_OK);
	}
	if (sqz_folder_tree_finish(&tree, &err) != SQZ_OK) {
		FZ_ASSERT(err.status == SQZ_E_GRAPH);
		sqz_error_clear(&err);
		sqz_folder_tree_clear(&tree);
		free(text);
		return 0;
	}

	char **segments = NULL;
	long count = sqz_folder_split_path(spec, &segments, &err);
	if (count < 0) {
		FZ_ASSERT(err.status == SQZ_E_CONFIG);
		sqz_error_clear(&err);
	}
	for (long i = 0; i < count; i++) {
		FZ_ASSERT(segments[i] && segments[i][0]);
	}

	const sqz_folder *f = sqz_folder_resolve(&tree, spec, "exported", &err);
	if (f) {
		FZ_ASSERT(f >= tree.items && f < tree.items + tree.count);
		if (count > 0) {
			FZ_ASSERT(sqz_folder_name_equal(f->name, segments[count - 1]));
		} else {
			FZ_ASSERT(!f->hidden);
		}
	} else {
		fz_check_error(&err);
		FZ_ASSERT(err.status == SQZ_E_FOLDER_NOT_FOUND || err.status == SQZ_E_FOLDER_AMBIGUOUS || err.status == SQZ_E_CONFIG);
		if (err.status == SQZ_E_FOLDER_AMBIGUOUS) {
			FZ_ASSERT(err.candidate_count >= 2);
		}
		sqz_error_clear(&err);
	}
	sqz_folder_segments_free(segments, count > 0 ? count : 0);
	sqz_folder_tree_clear(&tree);
	free(text);
	return 0;
}
