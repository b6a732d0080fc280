#include "folders.h"
#include "alloc.h"
#include "buf.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const well_known_names[] = {
	"archive",
	"clutter",
	"conflicts",
	"conversationhistory",
	"deleteditems",
	"drafts",
	"inbox",
	"junkemail",
	"localfailures",
	"msgfolderroot",
	"outbox",
	"recoverableitemsdeletions",
	"scheduled",
	"searchfolders",
	"sentitems",
	"serverfailures",
	"syncissues",
};

int sqz_folder_is_well_known(const char *name)
{
	for (size_t i = 0; i < sizeof well_known_names / sizeof well_known_names[0]; i++) {
		if (strcasecmp(name, well_known_names[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

void sqz_folder_tree_init(sqz_folder_tree *tree)
{
	memset(tree, 0, sizeof *tree);
}

void sqz_folder_tree_clear(sqz_folder_tree *tree)
{
	for (size_t i = 0; i < tree->count; i++) {
		sqz_free(tree->items[i].id);
		sqz_free(tree->items[i].name);
		sqz_free(tree->items[i].parent_id);
		sqz_free(tree->items[i].path);
	}
	sqz_free(tree->items);
	sqz_folder_tree_init(tree);
}

sqz_status sqz_folder_tree_add(sqz_folder_tree *tree, const char *id, const char *name, const char *parent_id,
	int64_t total_count, int64_t unread_count, int64_t child_count, int hidden, sqz_error *err)
{
	if (!id || !name) {
		return sqz_error_set(err, SQZ_E_GRAPH, "Graph returned a folder without id or displayName");
	}
	if (tree->count == tree->cap) {
		size_t cap = tree->cap ? tree->cap * 2 : 32;
		sqz_folder *grown = sqz_realloc(tree->items, cap * sizeof *grown);
		if (!grown) {
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading the folder tree");
		}
		tree->items = grown;
		tree->cap = cap;
	}
	sqz_folder *f = &tree->items[tree->count];
	memset(f, 0, sizeof *f);
	f->id = sqz_strdup(id);
	f->name = sqz_strdup(name);
	f->parent_id = sqz_strdup(parent_id);
	f->total_count = total_count;
	f->unread_count = unread_count;
	f->child_count = child_count;
	f->hidden = hidden;
	if (!f->id || !f->name || (parent_id && !f->parent_id)) {
		sqz_free(f->id);
		sqz_free(f->name);
		sqz_free(f->parent_id);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading the folder tree");
	}
	tree->count++;
	return SQZ_OK;
}

const sqz_folder *sqz_folder_find_id(const sqz_folder_tree *tree, const char *id)
{
	for (size_t i = 0; i < tree->count; i++) {
		if (strcmp(tree->items[i].id, id) == 0) {
			return &tree->items[i];
		}
	}
	return NULL;
}

static size_t find_index(const sqz_folder_tree *tree, const char *id)
{
	for (size_t i = 0; id && i < tree->count; i++) {
		if (strcmp(tree->items[i].id, id) == 0) {
			return i;
		}
	}
	return (size_t)-1;
}

static int append_escaped(sqz_buf *b, const char *name)
{
	for (const char *p = name; *p; p++) {
		if ((*p == '/' && sqz_buf_append(b, "\\/", 2)) || (*p != '/' && sqz_buf_append(b, p, 1))) {
			return -1;
		}
	}
	return 0;
}

static int compare_paths(const void *a, const void *b)
{
	const sqz_folder *fa = a, *fb = b;
	return strcmp(fa->path, fb->path);
}

sqz_status sqz_folder_tree_finish(sqz_folder_tree *tree, sqz_error *err)
{
	size_t *chain = sqz_calloc(tree->count + 1, sizeof *chain);
	if (!chain && tree->count) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory building folder paths");
	}
	for (size_t i = 0; i < tree->count; i++) {
		/* Walk up to the top; a cycle (never from Graph, but untrusted
		 * input) stops after count steps. */
		size_t depth = 0, at = i;
		while (at != (size_t)-1 && depth <= tree->count) {
			chain[depth++] = at;
			at = find_index(tree, tree->items[at].parent_id);
		}
		if (depth > tree->count) {
			sqz_free(chain);
			return sqz_error_set(err, SQZ_E_GRAPH, "Graph returned a folder tree with a cycle at '%s'", tree->items[i].name);
		}
		sqz_buf path = SQZ_BUF_INIT;
		for (size_t k = depth; k-- > 0;) {
			if ((k + 1 != depth && sqz_buf_append(&path, "/", 1)) || append_escaped(&path, tree->items[chain[k]].name)) {
				sqz_buf_free(&path);
				sqz_free(chain);
				return sqz_error_set(err, SQZ_E_NOMEM, "out of memory building folder paths");
			}
		}
		sqz_free(tree->items[i].path);
		tree->items[i].path = sqz_buf_steal(&path, NULL);
		tree->items[i].depth = depth;
		/* Below a hidden folder is hidden too: Outlook shows neither, and a
		 * listing without includeHiddenFolders never reaches it. */
		for (size_t k = 1; k < depth; k++) {
			tree->items[i].hidden |= tree->items[chain[k]].hidden;
		}
	}
	sqz_free(chain);
	if (tree->count > 1) {
		qsort(tree->items, tree->count, sizeof *tree->items, compare_paths);
	}
	return SQZ_OK;
}

/* Decodes one UTF-8 code point; invalid bytes are returned as themselves
 * (0x80..0xFF) so that comparison stays byte-exact for them. */
static unsigned long next_code_point(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned long c = p[0];
	int extra = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2
		: c >= 0xC2 && c < 0xE0                   ? 1
							  : 0;
	if (c < 0x80 || extra == 0) {
		(*s)++;
		return c;
	}
	unsigned long cp = c & (0x3F >> extra);
	for (int i = 1; i <= extra; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			(*s)++;
			return c;
		}
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	*s += extra + 1;
	return cp;
}

static unsigned long fold(unsigned long c)
{
	if (c >= 'A' && c <= 'Z') {
		return c + 32;
	}
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {          /* Latin-1 */
		return c + 32;
	}
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
		/* Latin Extended-A pairs: even upper / odd lower, except the
		 * 0x139..0x148 and 0x179..0x17E runs, which pair odd/even. */
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
			return (c & 1) ? c + 1 : c;
		}
		return (c & 1) ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) {        /* Greek */
		return c + 32;
	}
	if (c >= 0x410 && c <= 0x42F) {                      /* Cyrillic */
		return c + 32;
	}
	if (c >= 0x400 && c <= 0x40F) {
		return c + 80;
	}
	return c;
}

int sqz_folder_name_equal(const char *a, const char *b)
{
	const unsigned char *pa = (const unsigned char *)a, *pb = (const unsigned char *)b;
	while (*pa && *pb) {
		if (fold(next_code_point(&pa)) != fold(next_code_point(&pb))) {
			return 0;
		}
	}
	return *pa == *pb;
}

void sqz_folder_segments_free(char **segments, long count)
{
	for (long i = 0; i < count; i++) {
		sqz_free(segments[i]);
	}
	sqz_free(segments);
}

long sqz_folder_split_path(const char *spec, char ***segments, sqz_error *err)
{
	*segments = NULL;
	int has_slash = 0;
	for (const char *p = spec; *p; p++) {
		if (*p == '\\' && p[1] == '/') {
			p++;
		} else if (*p == '/') {
			has_slash = 1;
		}
	}
	if (!has_slash) {
		return 0;
	}
	const char *p = spec[0] == '/' ? spec + 1 : spec;
	long count = 0;
	char **list = NULL;
	sqz_buf seg = SQZ_BUF_INIT;
	for (;; p++) {
		if (*p == '\\' && p[1] == '/') {
			if (sqz_buf_append(&seg, "/", 1)) {
				goto nomem;
			}
			p++;
			continue;
		}
		if (*p == '/' || *p == '\0') {
			if (seg.len == 0) {
				if (*p == '\0' && count > 0) {
					break;    /* a trailing slash is harmless */
				}
				sqz_buf_free(&seg);
				sqz_folder_segments_free(list, count);
				sqz_error_set(err, SQZ_E_CONFIG, "folder path '%s' has an empty part; write A/B/C, and \\/ for a slash inside a name", spec);
				return -1;
			}
			char **grown = sqz_realloc(list, (size_t)(count + 1) * sizeof *grown);
			if (!grown) {
				goto nomem;
			}
			list = grown;
			list[count++] = sqz_buf_steal(&seg, NULL);
			if (*p == '\0') {
				break;
			}
			continue;
		}
		if (sqz_buf_append(&seg, p, 1)) {
			goto nomem;
		}
	}
	*segments = list;
	return count;
nomem:
	sqz_buf_free(&seg);
	sqz_folder_segments_free(list, count);
	sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	return -1;
}

sqz_status sqz_folder_spec_check(const char *spec, size_t len, const char *what, sqz_error *err)
{
	size_t levels = 1, chars = 0, longest = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)spec[i];
		if (c == '\\' && i + 1 < len && spec[i + 1] == '/') {
			chars++;
			i++;
		} else if (c == '/') {
			levels += i > 0 && i + 1 < len;    /* a leading or trailing slash is no level */
			chars = 0;
		} else if ((c & 0xc0) != 0x80) {
			chars++;    /* a character starts here (UTF-8 lead or ASCII byte) */
		}
		if (chars > longest) {
			longest = chars;
		}
	}
	if (longest > SQZ_FOLDER_NAME_MAX) {
		return sqz_error_set(err, SQZ_E_CONFIG, "%s names a folder of %zu characters; Exchange folder names have at most %d",
			what, longest, SQZ_FOLDER_NAME_MAX);
	}
	if (levels > SQZ_FOLDER_DEPTH_MAX) {
		return sqz_error_set(err, SQZ_E_CONFIG, "%s is a path of %zu levels; Exchange folders nest at most %d deep",
			what, levels, SQZ_FOLDER_DEPTH_MAX);
	}
	return SQZ_OK;
}

sqz_status sqz_folder_spec_check_role(const char *spec, const char *role, sqz_error *err)
{
	char what[64];
	snprintf(what, sizeof what, "the %s folder", role ? role : "requested");
	return sqz_folder_spec_check(spec, strlen(spec), what, err);
}

/* Levenshtein distance on bytes of the case-folded ASCII; good enough to
 * suggest "Exported" for "Exportd". (size_t)-1 for names beyond 256 bytes:
 * no suggestion is worth the quadratic work there. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > 256 || lb > 256) {
		return (size_t)-1;
	}
	size_t row[257];
	for (size_t j = 0; j <= lb; j++) {
		row[j] = j;
	}
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			int ca = a[i - 1] >= 'A' && a[i - 1] <= 'Z' ? a[i - 1] + 32 : a[i - 1];
			int cb = b[j - 1] >= 'A' && b[j - 1] <= 'Z' ? b[j - 1] + 32 : b[j - 1];
			size_t best = diag + (ca != cb);
			if (row[j] + 1 < best) {
				best = row[j] + 1;
			}
			if (row[j - 1] + 1 < best) {
				best = row[j - 1] + 1;
			}
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The (at most 5) visible folders whose names are closest to `wanted`,
 * nearest first, tree order among equals: one distance per folder. */
static void add_closest(const sqz_folder_tree *tree, const char *wanted, sqz_error *err)
{
	enum { KEEP = 5 };
	size_t wanted_len = strlen(wanted), limit = wanted_len / 4 + 1;
	size_t best_d[KEEP], best_i[KEEP], kept = 0;
	for (size_t i = 0; i < tree->count; i++) {
		const sqz_folder *f = &tree->items[i];
		if (f->hidden) {
			continue;
		}
		size_t name_len = strlen(f->name);
		size_t gap = name_len > wanted_len ? name_len - wanted_len : wanted_len - name_len;
		if (gap > limit) {
			continue;    /* the distance is at least the length difference */
		}
		size_t d = distance(f->name, name_len, wanted, wanted_len);
		if (d > limit || (kept == KEEP && d >= best_d[KEEP - 1])) {
			continue;
		}
		size_t at = kept < KEEP ? kept++ : KEEP - 1;
		while (at > 0 && best_d[at - 1] > d) {
			best_d[at] = best_d[at - 1];
			best_i[at] = best_i[at - 1];
			at--;
		}
		best_d[at] = d;
		best_i[at] = i;
	}
	for (size_t k = 0; k < kept; k++) {
		sqz_error_add_candidate(err, tree->items[best_i[k]].path);
	}
}

static void describe_candidates(sqz_buf *b, const sqz_error *err)
{
	for (size_t i = 0; i < err->candidate_count; i++) {
		sqz_buf_appendf(b, "%s'%s'", i ? ", " : "", err->candidates[i]);
	}
}

static const char *role_text(const char *role)
{
	return role ? role : "folder";
}

const sqz_folder *sqz_folder_resolve(const sqz_folder_tree *tree, const char *spec, const char *role, sqz_error *err)
{
	if (sqz_folder_spec_check_role(spec, role, err) != SQZ_OK) {
		return NULL;
	}
	char **segments;
	long count = sqz_folder_split_path(spec, &segments, err);
	if (count < 0) {
		return NULL;
	}
	const sqz_folder *found = NULL;
	if (count > 0) {
		/* Walk from the top, one display name per level. */
		const char *parent = NULL;
		for (long s = 0; s < count; s++) {
			const sqz_folder *match = NULL;
			for (size_t i = 0; i < tree->count; i++) {
				const sqz_folder *f = &tree->items[i];
				int level_ok = s == 0 ? f->depth == 1 : (f->parent_id && strcmp(f->parent_id, parent) == 0);
				if (level_ok && sqz_folder_name_equal(f->name, segments[s])) {
					if (match) {
						/* Exchange keeps sibling names unique; if Graph ever
						 * shows two, refuse to guess. */
						sqz_error_set(err, SQZ_E_FOLDER_AMBIGUOUS, "%s '%s' is ambiguous: two folders named '%s' under the same parent",
							role_text(role), spec, segments[s]);
						sqz_error_add_candidate(err, match->path);
						sqz_error_add_candidate(err, f->path);
						sqz_folder_segments_free(segments, count);
						return NULL;
					}
					match = f;
				}
			}
			if (!match) {
				sqz_error_set(err, SQZ_E_FOLDER_NOT_FOUND, "placeholder");
				add_closest(tree, segments[s], err);
				sqz_buf b = SQZ_BUF_INIT;
				sqz_buf_appendf(&b, "%s '%s' was not found in the mailbox: no folder '%s' at level %ld of the path",
					role_text(role), spec, segments[s], s + 1);
				if (err->candidate_count) {
					sqz_buf_appends(&b, "; closest folders: ");
					describe_candidates(&b, err);
				}
				sqz_error_take_message(err, sqz_buf_steal(&b, NULL));
				sqz_folder_segments_free(segments, count);
				return NULL;
			}
			found = match;
			parent = match->id;
		}
		sqz_folder_segments_free(segments, count);
		return found;
	}

	/* A plain name may still hold "\/" escapes: "A\/B" is the name "A/B". */
	char *name = sqz_strdup(spec);
	if (!name) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		return NULL;
	}
	char *w = name;
	for (const char *p = spec; *p; p++) {
		if (*p == '\\' && p[1] == '/') {
			p++;
		}
		*w++ = *p;
	}
	*w = '\0';
	size_t matches = 0;
	for (size_t i = 0; i < tree->count; i++) {
		if (!tree->items[i].hidden && sqz_folder_name_equal(tree->items[i].name, name)) {
			matches++;
			found = &tree->items[i];
		}
	}
	if (matches == 1) {
		sqz_free(name);
		return found;
	}
	sqz_buf b = SQZ_BUF_INIT;
	if (matches == 0) {
		sqz_error_set(err, SQZ_E_FOLDER_NOT_FOUND, "placeholder");
		add_closest(tree, name, err);
		sqz_buf_appendf(&b, "%s '%s' was not found in the mailbox", role_text(role), spec);
		if (err->candidate_count) {
			sqz_buf_appends(&b, "; closest folders: ");
			describe_candidates(&b, err);
		}
		sqz_buf_appends(&b, "; check the name, or give a path such as Inbox/Invoices");
	} else {
		sqz_error_set(err, SQZ_E_FOLDER_AMBIGUOUS, "placeholder");
		for (size_t i = 0; i < tree->count; i++) {
			if (!tree->items[i].hidden && sqz_folder_name_equal(tree->items[i].name, name)) {
				sqz_error_add_candidate(err, tree->items[i].path);
			}
		}
		sqz_buf_appendf(&b, "%s '%s' is ambiguous: %zu folders have that name: ", role_text(role), spec, matches);
		describe_candidates(&b, err);
		sqz_buf_appends(&b, "; configure the full path of the one you mean");
	}
	sqz_error_take_message(err, sqz_buf_steal(&b, NULL));
	sqz_free(name);
	return NULL;
}
