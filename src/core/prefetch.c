#include "prefetch.h"
#include "alloc.h"
#include "batch.h"
#include "buf.h"
#include "json.h"
#include "mime_parts.h"
#include "sink.h"
#include "slots.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int new_file(sqz_prefetch *pf, char **path);

/* The files of a window's MIMEs: a file created and removed per message
 * costs the file system more than the bytes do (ext4 scans past every
 * recently freed inode for each new one), so the MIMEs share files, each
 * in a region of one. Bodies arrive at the same time (answers in flight
 * decode as their bytes come), so a body holds its file's end until it is
 * complete (sink.finish) and another takes the next free file, a new one
 * when every file is held: as many files as bodies arrive at once. */
typedef struct window_files {
	sqz_prefetch *pf;
	int fd[SQZ_PREFETCH_LANES];          /* -1: not created */
	int64_t end[SQZ_PREFETCH_LANES];     /* bytes so far */
	const void *holder[SQZ_PREFETCH_LANES]; /* the sink appending, or NULL */
} window_files;

/* A file of the private directory, written through an fd: a file of its
 * own (files NULL), or a region of one of the window's files. A region
 * written around another's (after its finish) is marked broken and never
 * served. */
typedef struct fd_sink {
	sqz_sink sink;
	int fd;
	window_files *files;
	int lane;                 /* the window file held, -1 when none */
	int region_lane;          /* the window file of the region, -1 before the first byte */
	int64_t start, len;
	int broken;
} fd_sink;

/* A free window file for fs, created when none is: its index, or -1
 * with err. */
static int lane_take(window_files *wf, const fd_sink *fs, sqz_error *err)
{
	for (int i = 0; i < SQZ_PREFETCH_LANES; i++) {
		if (wf->fd[i] < 0) {
			if ((wf->fd[i] = new_file(wf->pf, &wf->pf->window_paths[i])) < 0) {
				sqz_error_set(err, SQZ_E_INTERNAL, "cannot create a file in the import's temporary directory: %s", strerror(errno));
				return -1;
			}
			wf->end[i] = 0;
		}
		if (!wf->holder[i]) {
			wf->holder[i] = fs;
			return i;
		}
	}
	/* Cannot happen: no more bodies arrive at once than requests are in flight. */
	sqz_error_set(err, SQZ_E_INTERNAL, "more prefetched messages arrived at once than the prefetch has files for");
	return -1;
}

static int fd_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	fd_sink *fs = ctx;
	int rc;
	if (fs->files) {
		window_files *wf = fs->files;
		if (fs->lane < 0) {
			if (fs->len > 0) {
				fs->broken = 1;
			}
			if ((fs->lane = lane_take(wf, fs, err)) < 0) {
				return -1;
			}
			fs->region_lane = fs->lane;
			fs->start = wf->end[fs->lane];
		}
		rc = sqz_fd_write_all_at(wf->fd[fs->lane], data, len, wf->end[fs->lane]);
		if (rc == 0) {
			wf->end[fs->lane] += (int64_t)len;
			fs->len += (int64_t)len;
		}
	} else {
		rc = sqz_fd_write_all(fs->fd, data, len);
	}
	if (rc != 0) {
		sqz_error_set(err, SQZ_E_INTERNAL, "cannot write a prefetched message to the temporary directory: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int fd_reset(void *ctx)
{
	fd_sink *fs = ctx;
	if (fs->files) {
		if (fs->lane >= 0 && fs->len > 0 && fs->start + fs->len == fs->files->end[fs->lane]) {
			fs->files->end[fs->lane] = fs->start;    /* held: written again in place */
		}
		/* Otherwise its bytes stay unused: the next ones start a region anew. */
		fs->start = fs->lane >= 0 ? fs->files->end[fs->lane] : 0;
		fs->len = 0;
		fs->broken = 0;
		return 0;
	}
	return sqz_fd_rewind(fs->fd);
}

static void fd_finish(void *ctx)
{
	fd_sink *fs = ctx;
	if (fs->files && fs->lane >= 0) {
		fs->files->holder[fs->lane] = NULL;
		fs->lane = -1;
	}
}

#define DIR_PREFIX "sqzgraph-import-"

/* Removes a flat directory of ours. */
static void remove_dir(const char *path)
{
	DIR *d = opendir(path);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
				sqz_buf f = SQZ_BUF_INIT;
				if (sqz_buf_appendf(&f, "%s/%s", path, de->d_name) == 0) {
					unlink(f.data);
				}
				sqz_buf_free(&f);
			}
		}
		closedir(d);
	}
	rmdir(path);
}

/* A run killed (SIGKILL, a crash) cannot remove its directory: the next
 * one removes every directory whose process is gone, so that no mail stays
 * in the temporary directory for long. The pid in the name says whose it
 * is; a live process's directory (any user's) is never touched. */
static void remove_stale_dirs(const char *base)
{
	DIR *d = opendir(base);
	if (!d) {
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		if (strncmp(de->d_name, DIR_PREFIX, sizeof DIR_PREFIX - 1) != 0) {
			continue;
		}
		char *end = NULL;
		long pid = strtol(de->d_name + sizeof DIR_PREFIX - 1, &end, 10);
		if (pid <= 0 || !end || *end != '-' || pid == (long)getpid()) {
			continue;
		}
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) {
			continue;
		}
		sqz_buf p = SQZ_BUF_INIT;
		if (sqz_buf_appendf(&p, "%s/%s", base, de->d_name) == 0) {
			struct stat st;
			/* Only a directory of this user (another's we could not empty anyway). */
			if (lstat(p.data, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid()) {
				remove_dir(p.data);
			}
		}
		sqz_buf_free(&p);
	}
	closedir(d);
}

static sqz_status open_dir(sqz_prefetch *pf, sqz_error *err)
{
	if (pf->dir && pf->owner == getpid()) {
		return SQZ_OK;
	}
	/* None yet, or the parent's (a handler forked and this copy goes on):
	 * a directory of this process's own. */
	sqz_free(pf->dir);
	pf->dir = NULL;
	pf->serial = 0;
	const char *base = getenv("TMPDIR");
	if (!base || !*base) {
		base = "/tmp";
	}
	remove_stale_dirs(base);
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appendf(&b, "%s/" DIR_PREFIX "%ld-XXXXXX", base, (long)getpid()) != 0) {
		sqz_buf_free(&b);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	/* mkdtemp creates it 0700: the mail of the run is nobody else's. */
	if (!mkdtemp(b.data)) {
		int e = errno;
		sqz_buf_free(&b);
		return sqz_error_set(err, SQZ_E_INTERNAL, "cannot create a private temporary directory under %s for the import: %s; "
							  "set TMPDIR to a writable directory",
			base, strerror(e));
	}
	pf->dir = sqz_buf_steal(&b, NULL);
	pf->owner = getpid();
	return SQZ_OK;
}

/* A new file in the directory: *path (owned) and an fd, or -1. */
static int new_file(sqz_prefetch *pf, char **path)
{
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appendf(&b, "%s/%lu", pf->dir, ++pf->serial) != 0) {
		sqz_buf_free(&b);
		*path = NULL;
		return -1;
	}
	int fd = open(b.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		sqz_buf_free(&b);
		*path = NULL;
		return -1;
	}
	*path = sqz_buf_steal(&b, NULL);
	return fd;
}

static void drop_file(char **path)
{
	if (*path) {
		unlink(*path);
		sqz_free(*path);
		*path = NULL;
	}
}

static void forget_file(char **path)
{
	sqz_free(*path);
	*path = NULL;
}

static void entry_drop_attachments(sqz_prefetch_entry *e, int remove_files)
{
	void (*done)(char **) = remove_files ? drop_file : forget_file;
	for (size_t i = 0; i < e->att_count; i++) {
		if (e->att_paths) {
			done(&e->att_paths[i]);
		}
		sqz_attachment_clear(&e->atts[i]);
	}
	sqz_free(e->att_paths);
	sqz_free(e->att_spans);
	sqz_free(e->atts);
	e->att_paths = NULL;
	e->att_spans = NULL;
	e->atts = NULL;
	e->att_count = 0;
	e->have_attachments = 0;
}

static void entry_clear(sqz_prefetch_entry *e, int remove_files)
{
	forget_file(&e->mime_path);    /* the window's file: removed with the window */
	entry_drop_attachments(e, remove_files);
	sqz_free(e->id);
	memset(e, 0, sizeof *e);
}

void sqz_prefetch_drop(sqz_prefetch *pf)
{
	int here = pf->owner == 0 || pf->owner == getpid();
	for (size_t i = 0; i < pf->count; i++) {
		entry_clear(&pf->entries[i], here);
	}
	sqz_free(pf->entries);
	pf->entries = NULL;
	pf->count = 0;
	for (int i = 0; i < SQZ_PREFETCH_LANES; i++) {
		(here ? drop_file : forget_file)(&pf->window_paths[i]);
	}
}

void sqz_prefetch_clear(sqz_prefetch *pf)
{
	sqz_prefetch_cancel_ahead(pf);
	sqz_prefetch_drop(pf);
	if (pf->ahead) {
		sqz_prefetch_clear(pf->ahead);
		sqz_free(pf->ahead);
	}
	if (pf->http_owner == getpid()) {
		sqz_http_free(pf->http);
		sqz_http_free(pf->moves_http);
	}
	if (pf->dir) {
		if (pf->owner == getpid()) {
			rmdir(pf->dir);
		}
		sqz_free(pf->dir);
	}
	memset(pf, 0, sizeof *pf);
}

const sqz_prefetch_entry *sqz_prefetch_find(const sqz_prefetch *pf, const char *id)
{
	for (size_t i = 0; pf && id && i < pf->count; i++) {
		if (strcmp(pf->entries[i].id, id) == 0) {
			return &pf->entries[i];
		}
	}
	return NULL;
}

sqz_status sqz_prefetch_copy(const char *path, int64_t off, int64_t len, sqz_sink *sink, int64_t *bytes, int *missing, sqz_error *err)
{
	*bytes = 0;
	*missing = 0;
	int64_t left = len;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		*missing = 1;
		return SQZ_OK;
	}
	if (fd < 0) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "a prefetched message file is missing from the temporary directory: %s", strerror(errno));
	}
	if (len > 0 && sink->copy_from) {
		*bytes = sink->copy_from(sink->ctx, fd, off, len);
		left -= *bytes;
	}
	char buf[64 * 1024];
	sqz_status st = SQZ_OK;
	while (len < 0 || left > 0) {
		size_t want = len >= 0 && left < (int64_t)sizeof buf ? (size_t)left : sizeof buf;
		ssize_t n = pread(fd, buf, want, (off_t)(off + *bytes));
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			st = sqz_error_set(err, SQZ_E_INTERNAL, "cannot read a prefetched message file: %s", strerror(errno));
			break;
		}
		if (n == 0) {
			if (len >= 0) {
				st = sqz_error_set(err, SQZ_E_INTERNAL, "a prefetched message file is shorter than it was");
			}
			break;
		}
		left -= n;
		if (sink->write(sink->ctx, buf, (size_t)n, err) != 0) {
			if (err->status == SQZ_OK) {
				sqz_error_set(err, SQZ_E_INTERNAL, "the download target refused the data");
			}
			st = err->status;
			break;
		}
		*bytes += n;
	}
	close(fd);
	return st;
}

sqz_status sqz_prefetch_attachments(const sqz_prefetch_entry *e, sqz_attachment **list, size_t *count, sqz_error *err)
{
	*list = sqz_calloc(e->att_count + 1, sizeof **list);
	*count = 0;
	if (!*list) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < e->att_count; i++) {
		const sqz_attachment *a = &e->atts[i];
		sqz_attachment *out = &(*list)[i];
		out->id = sqz_strdup(a->id);
		out->name = sqz_strdup(a->name);
		out->content_type = a->content_type ? sqz_strdup(a->content_type) : NULL;
		out->size = a->size;
		out->is_inline = a->is_inline;
		out->kind = a->kind;
		*count = i + 1;
		if (!out->id || !out->name || (a->content_type && !out->content_type)) {
			for (size_t k = 0; k < *count; k++) {
				sqz_attachment_clear(&(*list)[k]);
			}
			sqz_free(*list);
			*list = NULL;
			*count = 0;
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		}
	}
	return SQZ_OK;
}

/* The mailbox's cache ops: a file that is gone (a temporary-file cleaner)
 * is not served, so the mailbox asks Graph for it. */
static sqz_status cache_save_mime(void *ctx, const char *id, sqz_sink *sink, int64_t *bytes, int *served, sqz_error *err)
{
	const sqz_prefetch_entry *pe = sqz_prefetch_find(ctx, id);
	*served = 0;
	if (!pe || !pe->mime_path) {
		return SQZ_OK;
	}
	int missing = 0;
	sqz_status st = sqz_prefetch_copy(pe->mime_path, pe->mime_off, pe->mime_len, sink, bytes, &missing, err);
	*served = st != SQZ_OK || !missing;
	return st;
}

static sqz_status cache_attachments(void *ctx, const char *message_id, sqz_attachment **list, size_t *count, int *served,
	sqz_error *err)
{
	const sqz_prefetch_entry *pe = sqz_prefetch_find(ctx, message_id);
	*served = pe && pe->have_attachments;
	return *served ? sqz_prefetch_attachments(pe, list, count, err) : SQZ_OK;
}

static sqz_status cache_save_attachment(void *ctx, const char *message_id, const char *attachment_id, sqz_sink *sink,
	int64_t *bytes, int *served, sqz_error *err)
{
	const sqz_prefetch_entry *pe = sqz_prefetch_find(ctx, message_id);
	*served = 0;
	for (size_t i = 0; pe && pe->have_attachments && i < pe->att_count; i++) {
		if (strcmp(pe->atts[i].id, attachment_id) != 0) {
			continue;
		}
		if (pe->att_paths && pe->att_paths[i]) {
			int missing = 0;
			sqz_status st = sqz_prefetch_copy(pe->att_paths[i], 0, -1, sink, bytes, &missing, err);
			*served = st != SQZ_OK || !missing;
			return st;
		}
		if (pe->att_spans && pe->att_spans[i].end > 0 && pe->mime_path) {
			/* Decoded from its part of the MIME as the handler reads it. */
			int fd = open(pe->mime_path, O_RDONLY | O_CLOEXEC);
			if (fd < 0 && errno == ENOENT) {
				return SQZ_OK;    /* a temporary-file cleaner: Graph serves it */
			}
			*served = 1;
			if (fd < 0) {
				return sqz_error_set(err, SQZ_E_INTERNAL, "a prefetched message file is missing from the temporary directory: %s", strerror(errno));
			}
			const sqz_prefetch_span *sp = &pe->att_spans[i];
			int rc = sqz_mime_decode_part(fd, (size_t)(pe->mime_off + sp->start), (size_t)(pe->mime_off + sp->end), sp->size, sink, bytes, err);
			close(fd);
			return rc == 0 ? SQZ_OK : err->status;
		}
		return SQZ_OK;
	}
	return SQZ_OK;
}

static const sqz_mailbox_cache_ops cache_ops = { cache_save_mime, cache_attachments, cache_save_attachment };

sqz_mailbox_cache sqz_prefetch_cache(sqz_prefetch *pf)
{
	return (sqz_mailbox_cache){ &cache_ops, pf };
}

sqz_prefetch *sqz_prefetch_of(sqz_mailbox_cache cache)
{
	return cache.ops == &cache_ops ? cache.ctx : NULL;
}

/* Takes a 2xx attachments answer into e: the list, and each
 * fileAttachment's contentBytes (when the answer has them) decoded into its
 * own file. Leaves e without a list when anything is missing (the handler
 * then asks Graph). */
static void take_attachments(sqz_prefetch *pf, sqz_prefetch_entry *e, json_object *body)
{
	json_object *values = sqz_json_get(body, "value");
	if (!values || !json_object_is_type(values, json_type_array) || sqz_json_get(body, "@odata.nextLink")) {
		return;
	}
	size_t n = json_object_array_length(values);
	e->atts = sqz_calloc(n + 1, sizeof *e->atts);
	e->att_paths = sqz_calloc(n + 1, sizeof *e->att_paths);
	if (!e->atts || !e->att_paths) {
		return;
	}
	int complete = 1;
	for (size_t i = 0; i < n && complete; i++) {
		json_object *a = json_object_array_get_idx(values, i);
		if (sqz_attachment_from_json(a, &e->atts[e->att_count]) != 0) {
			continue;    /* as the streamed listing: an attachment without an id is left out */
		}
		size_t k = e->att_count++;
		json_object *bytes = sqz_json_get(a, "contentBytes");
		if (e->atts[k].kind != SQZ_ATTACHMENT_FILE || !bytes || !json_object_is_type(bytes, json_type_string)) {
			continue;    /* from the MIME file, or saved through Graph's $value as before */
		}
		int fd = new_file(pf, &e->att_paths[k]);
		if (fd < 0) {
			complete = 0;
			break;
		}
		fd_sink fs = { { fd_write, fd_reset, NULL, NULL, NULL }, fd, NULL, -1, -1, 0, 0, 0 };
		fs.sink.ctx = &fs;
		sqz_error derr = SQZ_ERROR_INIT;
		int64_t written = 0;
		if (sqz_base64_to_sink(json_object_get_string(bytes), (size_t)json_object_get_string_len(bytes), &fs.sink, &written, &derr) != 0) {
			drop_file(&e->att_paths[k]);
		}
		sqz_error_clear(&derr);
		close(fd);
	}
	e->have_attachments = complete;
}

/* Where match_parts reads a MIME, reused for a window's messages. */
typedef struct scan_room {
	char *data;
	size_t cap;
} scan_room;

/* A MIME up to this size is read into the room; a larger one is mapped, so
 * that a 50 MB message costs no memory of its own. Reading costs a copy;
 * mapping costs page faults and a munmap, which on some virtual machines
 * take ten times the read of a 160 KB MIME. */
#define SQZ_SCAN_READ_MAX ((int64_t)1 << 20)

static int read_whole(int fd, char *to, size_t len, off_t at)
{
	for (size_t done = 0; done < len;) {
		ssize_t n = pread(fd, to + done, len - done, at + (off_t)done);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

/* Finds each file attachment of e's list in e's MIME file, so that its
 * bytes are served from there. Only beyond doubt: as many named parts as
 * file attachments, the name unique among both, the part strict base64.
 * Whatever is not found is streamed from Graph when the handler asks. */
static void match_parts(sqz_prefetch_entry *e, scan_room *room)
{
	size_t files = 0;
	for (size_t i = 0; i < e->att_count; i++) {
		files += e->atts[i].kind == SQZ_ATTACHMENT_FILE;
	}
	if (files == 0 || !e->mime_path) {
		return;
	}
	int fd = open(e->mime_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return;
	}
	const char *text = NULL;
	void *map = MAP_FAILED;
	size_t map_len = 0;
	if (e->mime_len > 0 && e->mime_len <= SQZ_SCAN_READ_MAX) {
		size_t want = (size_t)e->mime_len;
		if (room->cap < want) {
			char *grown = sqz_realloc(room->data, want);
			if (grown) {
				room->data = grown;
				room->cap = want;
			}
		}
		if (room->cap >= want && read_whole(fd, room->data, want, (off_t)e->mime_off) == 0) {
			text = room->data;
		}
	} else if (e->mime_len > 0) {
		/* The message's region of the window's file (mmap wants a page-aligned offset). */
		long page = sysconf(_SC_PAGESIZE);
		int64_t lead = e->mime_off % (page > 0 ? page : 4096);
		map_len = (size_t)(e->mime_len + lead);
		map = mmap(NULL, map_len, PROT_READ, MAP_PRIVATE, fd, (off_t)(e->mime_off - lead));
		if (map != MAP_FAILED) {
			text = (const char *)map + lead;
		}
	}
	close(fd);
	if (!text) {
		return;
	}
	sqz_mime_part *parts = NULL;
	size_t count = 0;
	if (sqz_mime_file_parts(text, (size_t)e->mime_len, &parts, &count) == 0 && count == files
		&& (e->att_spans = sqz_calloc(e->att_count + 1, sizeof *e->att_spans))) {
		for (size_t i = 0; i < e->att_count; i++) {
			const sqz_attachment *a = &e->atts[i];
			if (a->kind != SQZ_ATTACHMENT_FILE || !a->name) {
				continue;
			}
			size_t same = 0;
			for (size_t j = 0; j < e->att_count; j++) {
				same += e->atts[j].kind == SQZ_ATTACHMENT_FILE && e->atts[j].name && strcmp(e->atts[j].name, a->name) == 0;
			}
			const sqz_mime_part *found = NULL;
			size_t hits = 0;
			for (size_t j = 0; j < count; j++) {
				if (parts[j].name && strcmp(parts[j].name, a->name) == 0) {
					found = &parts[j];
					hits++;
				}
			}
			if (same == 1 && hits == 1 && found->usable) {
				e->att_spans[i] = (sqz_prefetch_span){ (int64_t)found->start, (int64_t)found->end, found->size };
			}
		}
	}
	sqz_mime_parts_free(parts, count);
	if (map != MAP_FAILED) {
		munmap(map, map_len);
	}
}

/* An entry's attachment list, taken from its answer as soon as it arrives
 * (a window's 100 lists as json-c trees would otherwise wait for the last
 * batch of the window). */
typedef struct list_taker {
	sqz_prefetch *pf;
	sqz_prefetch_entry *e;
} list_taker;

static void take_list_answer(void *ctx, sqz_batch_result *r)
{
	list_taker *t = ctx;
	take_attachments(t->pf, t->e, r->body);
	json_object_put(r->body);
	r->body = NULL;
}

/* What one fetch needs from start to end: the $batch members (a MIME GET
 * streamed into its file and an attachments GET per message), their
 * results and the files' sinks. */
typedef struct fetch_plan {
	size_t want;
	size_t member_count;
	unsigned what;            /* SQZ_PREFETCH_MIME | SQZ_PREFETCH_ATTACHMENTS */
	sqz_batch_member *members;
	sqz_batch_result *results;
	char **paths;             /* per member */
	fd_sink *sinks;           /* per entry */
	list_taker *takers;       /* per entry */
	window_files files;       /* where the MIMEs go */
} fetch_plan;

static void window_files_init(window_files *wf, sqz_prefetch *pf)
{
	memset(wf, 0, sizeof *wf);
	wf->pf = pf;
	for (int i = 0; i < SQZ_PREFETCH_LANES; i++) {
		wf->fd[i] = -1;
	}
}

static void window_files_close(window_files *wf)
{
	for (int i = 0; i < SQZ_PREFETCH_LANES; i++) {
		if (wf->fd[i] >= 0) {
			close(wf->fd[i]);
			wf->fd[i] = -1;
		}
	}
}

#define NO_MEMBER ((size_t)-1)

/* The member of entry k's MIME / attachment list, or NO_MEMBER. */
static size_t mime_member(const fetch_plan *plan, size_t k)
{
	return plan->what & SQZ_PREFETCH_MIME ? (plan->what & SQZ_PREFETCH_ATTACHMENTS ? 2 * k : k) : NO_MEMBER;
}

static size_t list_member(const fetch_plan *plan, size_t k)
{
	return plan->what & SQZ_PREFETCH_ATTACHMENTS ? (plan->what & SQZ_PREFETCH_MIME ? 2 * k + 1 : k) : NO_MEMBER;
}

static void plan_free(sqz_prefetch *pf, fetch_plan *plan, sqz_status st)
{
	window_files_close(&plan->files);
	for (size_t i = 0; plan->results && i < plan->member_count; i++) {
		sqz_batch_result_clear(&plan->results[i]);
		if (plan->paths) {
			sqz_free(plan->paths[i]);
		}
	}
	sqz_free(plan->members);
	sqz_free(plan->results);
	sqz_free(plan->paths);
	sqz_free(plan->sinks);
	sqz_free(plan->takers);
	memset(plan, 0, sizeof *plan);
	window_files_init(&plan->files, pf);
	if (st != SQZ_OK) {
		sqz_prefetch_drop(pf);
	}
}

/* Replaces pf's entries with one per message of msgs[0..n) at or under
 * the threshold, each with its MIME file created, and plans the members.
 * plan->want = 0: nothing to fetch. */
static sqz_status plan_prepare(sqz_prefetch *pf, sqz_mailbox *mb, const sqz_message *msgs, size_t n, fetch_plan *plan, sqz_error *err)
{
	memset(plan, 0, sizeof *plan);
	window_files_init(&plan->files, pf);
	sqz_prefetch_drop(pf);
	size_t want = 0;
	for (size_t i = 0; i < n; i++) {
		if (msgs[i].size >= 0 && msgs[i].size <= SQZ_PREFETCH_MAX_MESSAGE) {
			want++;
		}
	}
	if (want == 0) {
		return SQZ_OK;
	}
	if (open_dir(pf, err) != SQZ_OK) {
		return err->status;
	}
	plan->what = pf->what ? pf->what & (SQZ_PREFETCH_MIME | SQZ_PREFETCH_ATTACHMENTS) : SQZ_PREFETCH_MIME | SQZ_PREFETCH_ATTACHMENTS;
	if (!plan->what) {
		return SQZ_OK;
	}
	plan->want = want;
	plan->member_count = plan->what == (SQZ_PREFETCH_MIME | SQZ_PREFETCH_ATTACHMENTS) ? 2 * want : want;
	pf->entries = sqz_calloc(want, sizeof *pf->entries);
	plan->members = sqz_calloc(plan->member_count, sizeof *plan->members);
	plan->results = sqz_calloc(plan->member_count, sizeof *plan->results);
	plan->paths = sqz_calloc(plan->member_count, sizeof *plan->paths);
	plan->sinks = sqz_calloc(want, sizeof *plan->sinks);
	plan->takers = sqz_calloc(want, sizeof *plan->takers);
	if (!pf->entries || !plan->members || !plan->results || !plan->paths || !plan->sinks || !plan->takers) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	/* The first window file now: a directory that takes no file says so here. */
	if (plan->what & SQZ_PREFETCH_MIME) {
		plan->files.fd[0] = new_file(pf, &pf->window_paths[0]);
		if (plan->files.fd[0] < 0) {
			return sqz_error_set(err, SQZ_E_INTERNAL, "cannot create a file in the import's temporary directory %s: %s", pf->dir, strerror(errno));
		}
	}
	for (size_t i = 0, k = 0; i < n; i++) {
		const sqz_message *m = &msgs[i];
		if (m->size < 0 || m->size > SQZ_PREFETCH_MAX_MESSAGE) {
			continue;
		}
		sqz_prefetch_entry *e = &pf->entries[k];
		e->id = sqz_strdup(m->id);
		size_t mi = mime_member(plan, k), li = list_member(plan, k);
		if (mi != NO_MEMBER) {
			plan->paths[mi] = sqz_mailbox_message_path(mb, m->id, "/$value");
		}
		if (li != NO_MEMBER) {
			/* With the MIME at hand the list needs no bytes: they are in the MIME. */
			plan->paths[li] = sqz_mailbox_message_path(mb, m->id,
				mi != NO_MEMBER ? "/attachments?$select=id,name,contentType,size,isInline" : "/attachments");
		}
		if (!e->id || (mi != NO_MEMBER && !plan->paths[mi]) || (li != NO_MEMBER && !plan->paths[li])) {
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		}
		pf->count = ++k;
		if (mi != NO_MEMBER) {
			fd_sink *fs = &plan->sinks[k - 1];
			fs->fd = -1;
			fs->files = &plan->files;
			fs->lane = -1;
			fs->region_lane = -1;
			fs->sink.write = fd_write;
			fs->sink.reset = fd_reset;
			fs->sink.finish = fd_finish;
			fs->sink.ctx = fs;
			plan->members[mi] = (sqz_batch_member){ "GET", plan->paths[mi], NULL, &fs->sink, m->size };
		}
		if (li != NO_MEMBER) {
			/* With contentBytes the list is about the message's size; without, small. */
			list_taker *t = &plan->takers[k - 1];
			t->pf = pf;
			t->e = e;
			plan->members[li] = (sqz_batch_member){ "GET", plan->paths[li], NULL, NULL, mi != NO_MEMBER ? 0 : m->size, 0, take_list_answer, t };
		}
	}
	return SQZ_OK;
}

static void plan_transfer(fetch_plan *plan, sqz_graph *graph)
{
	sqz_error berr = SQZ_ERROR_INIT;
	(void)sqz_graph_batch(graph, plan->members, plan->member_count, plan->results, &berr);
	sqz_error_clear(&berr);
}

/* Keeps what the members delivered; an entry keeps only complete files. */
static void plan_take(sqz_prefetch *pf, fetch_plan *plan)
{
	scan_room room = { NULL, 0 };
	window_files_close(&plan->files);
	for (size_t k = 0; k < plan->want; k++) {
		sqz_prefetch_entry *e = &pf->entries[k];
		const fd_sink *fs = &plan->sinks[k];
		size_t mi = mime_member(plan, k), li = list_member(plan, k);
		sqz_batch_result *mime = mi != NO_MEMBER ? &plan->results[mi] : NULL;
		sqz_batch_result *atts = li != NO_MEMBER ? &plan->results[li] : NULL;
		if (mime) {
			/* A message always has headers: an empty MIME ("body": "") was not
			 * delivered; its handler streams it instead. */
			int mime_ok = mime->status >= 200 && mime->status < 300 && mime->error.status == SQZ_OK && !mime->body
				&& mime->sink_bytes > 0 && !fs->broken && fs->len == mime->sink_bytes;
			if (mime_ok && mime->raw) {
				/* No sink took it (cannot happen with a sink set): never serve a partial file. */
				mime_ok = 0;
			}
			if (mime_ok && fs->region_lane >= 0 && !(e->mime_path = sqz_strdup(pf->window_paths[fs->region_lane]))) {
				mime_ok = 0;    /* out of memory: the handler streams it */
			}
			if (mime_ok) {
				e->mime_off = fs->start;
				e->mime_len = fs->len;
			}    /* otherwise its region of the window's file stays unused */
		}
		if ((mime && mime->status == 404) || (!mime && atts && atts->status == 404)) {
			e->gone = 1;
			forget_file(&e->mime_path);
			entry_drop_attachments(e, 1);    /* a list that came before the MIME's 404 */
		} else if (mime && e->have_attachments) {
			/* Only take_list_answer sets have_attachments, on this plan's fresh entries. */
			match_parts(e, &room);
		}
	}
	sqz_free(room.data);
}

sqz_status sqz_prefetch_fetch(sqz_prefetch *pf, sqz_mailbox *mb, const sqz_message *msgs, size_t n, sqz_error *err)
{
	fetch_plan plan;
	sqz_status st = plan_prepare(pf, mb, msgs, n, &plan, err);
	if (st == SQZ_OK && plan.want > 0) {
		plan_transfer(&plan, mb->graph);
		plan_take(pf, &plan);
	}
	plan_free(pf, &plan, st);
	return st;
}

/* A log line of the worker, kept until the calling thread replays it:
 * the host's logger may be PHP code, which only its own thread may run. */
typedef struct held_line {
	sqz_log_level level;
	char *message;
	size_t field_count;
	char **names;
	char **values;
} held_line;

struct sqz_prefetch_job {
	pthread_t thread;          /* the fetch's, when has_fetch */
	pthread_t moves_thread;    /* before's, when has_moves */
	int has_fetch, has_moves;
	sqz_prefetch *into;
	fetch_plan plan;
	sqz_graph graph;           /* the fetch's: pf->http, the token of the start, held log lines */
	sqz_graph moves_graph;     /* before's: pf->moves_http, the same token and log */
	sqz_slots slots;           /* the mailbox's concurrency, shared with the caller's graph */
	sqz_http *host_http;       /* the caller's stack, taking slots while the worker runs */
	char *token;               /* owned secret */
	sqz_logger holder;
	pthread_mutex_t lines_lock;   /* both threads hold lines */
	held_line *lines;
	size_t line_count;
	int lines_lost;            /* 1 when memory ran out keeping them */
	pid_t pid;                 /* the process whose thread it is */
	sqz_prefetch_before_fn before;
	void *before_ctx;
	atomic_int fetching;       /* 1 once the fetch begins */
	atomic_int skip_fetch;     /* set by sqz_prefetch_skip_fetch */
};

static void hold_line_locked(sqz_prefetch_job *job, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n)
{
	held_line *grown = sqz_realloc(job->lines, (job->line_count + 1) * sizeof *grown);
	if (!grown) {
		job->lines_lost = 1;
		return;
	}
	job->lines = grown;
	held_line *l = &grown[job->line_count];
	memset(l, 0, sizeof *l);
	l->level = level;
	l->message = sqz_strdup(message);
	l->names = sqz_calloc(n + 1, sizeof *l->names);
	l->values = sqz_calloc(n + 1, sizeof *l->values);
	if (!l->message || !l->names || !l->values) {
		sqz_free(l->message);
		sqz_free(l->names);
		sqz_free(l->values);
		job->lines_lost = 1;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		l->names[i] = sqz_strdup(fields[i].name);
		l->values[i] = fields[i].value ? sqz_strdup(fields[i].value) : NULL;
	}
	l->field_count = n;
	job->line_count++;
}

static void hold_line(void *ctx, sqz_log_level level, const char *message, const sqz_log_field *fields, size_t n)
{
	sqz_prefetch_job *job = ctx;
	pthread_mutex_lock(&job->lines_lock);
	hold_line_locked(job, level, message, fields, n);
	pthread_mutex_unlock(&job->lines_lock);
}

static void replay_lines(held_line *lines, size_t line_count, const sqz_logger *logger)
{
	for (size_t i = 0; i < line_count; i++) {
		held_line *l = &lines[i];
		if (logger && logger->log) {
			sqz_log_field fields[16];
			size_t n = 0;
			for (size_t f = 0; f < l->field_count && n < sizeof fields / sizeof fields[0]; f++) {
				if (l->names[f]) {
					fields[n].name = l->names[f];
					fields[n].value = l->values[f];
					n++;
				}
			}
			logger->log(logger->ctx, l->level, l->message, fields, n);
		}
		for (size_t f = 0; f < l->field_count; f++) {
			sqz_free(l->names[f]);
			sqz_free(l->values[f]);
		}
		sqz_free(l->names);
		sqz_free(l->values);
		sqz_free(l->message);
	}
	sqz_free(lines);
}

static sqz_status token_of_the_start(void *ctx, int force, char **token, sqz_error *err)
{
	sqz_prefetch_job *job = ctx;
	if (force || !job->token) {
		/* Refreshing means the Store, the host's: the handler's own
		 * request for this message will refresh it. */
		return sqz_error_set(err, SQZ_E_INTERNAL, "the access token was refused during the prefetch; the handler fetches the message itself");
	}
	*token = sqz_strdup(job->token);
	return *token ? SQZ_OK : sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
}

static void *fetch_main(void *arg)
{
	sqz_prefetch_job *job = arg;
	atomic_store(&job->fetching, 1);
	if (!atomic_load(&job->skip_fetch)) {
		plan_transfer(&job->plan, &job->graph);
		plan_take(job->into, &job->plan);
	}
	return NULL;
}

static void *moves_main(void *arg)
{
	sqz_prefetch_job *job = arg;
	job->before(job->before_ctx, &job->moves_graph, &job->holder);
	return NULL;
}

/* Frees what start_ahead made for the job, once no thread of it runs. */
static void job_free(sqz_prefetch_job *job, const sqz_logger *logger)
{
	held_line *lines = job->lines;
	size_t line_count = job->line_count;
	int lost = job->lines_lost;
	plan_free(job->into, &job->plan, SQZ_OK);
	sqz_graph_clear(&job->graph);
	sqz_graph_clear(&job->moves_graph);
	sqz_slots_destroy(&job->slots);
	pthread_mutex_destroy(&job->lines_lock);
	sqz_free_secret(job->token);
	sqz_free(job);
	/* Last: the logger may be PHP code that bails out (longjmp). */
	replay_lines(lines, line_count, logger);
	if (lost && logger && logger->log) {
		logger->log(logger->ctx, SQZ_LOG_WARNING, "some log lines of the prefetch were lost (out of memory)", NULL, 0);
	}
}

/* An HTTP stack of the worker's, new when there is none or the one there
 * was stopped or cancelled (its flag stays set). */
static sqz_status worker_http(sqz_http **http, sqz_error *err)
{
	if (*http && sqz_http_cancelled(*http)) {
		sqz_http_free(*http);
		*http = NULL;
	}
	if (!*http) {
		if (!(*http = sqz_http_new(err))) {
			return err->status;
		}
	}
	return SQZ_OK;
}

/* A graph for a worker thread: the caller's endpoint, options and retry
 * policy, the token of the start, log lines held, requests taking slots. */
static sqz_status worker_graph(sqz_prefetch_job *job, sqz_graph *graph, sqz_http *http, const sqz_graph *g, int parallel, sqz_error *err)
{
	sqz_status st = sqz_graph_init(graph, http, g->endpoint, err);
	if (st != SQZ_OK) {
		return st;
	}
	graph->http_opts = g->http_opts;
	graph->http_opts.logger = g->http_opts.logger ? &job->holder : NULL;
	graph->retry = g->retry;
	graph->concurrency = parallel;
	graph->token = token_of_the_start;
	graph->token_ctx = job;
	return SQZ_OK;
}

sqz_status sqz_prefetch_start_ahead(sqz_prefetch *pf, sqz_mailbox *mb, const sqz_message *msgs, size_t n, int parallel,
	sqz_prefetch_before_fn before, void *before_ctx, sqz_error *err)
{
	if (pf->job) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "a prefetch is already under way");
	}
	if (!pf->ahead && !(pf->ahead = sqz_calloc(1, sizeof *pf->ahead))) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	if (pf->http_owner != getpid()) {
		/* Both stacks are the parent's (a handler forked), or none yet: the
		 * parent's are left to it, this process never frees them. */
		pf->http = NULL;
		pf->moves_http = NULL;
		pf->http_owner = getpid();
	}
	if (worker_http(&pf->http, err) != SQZ_OK || (before && worker_http(&pf->moves_http, err) != SQZ_OK)) {
		return err->status;
	}
	pf->ahead_ready = 0;
	sqz_prefetch_job *job = sqz_calloc(1, sizeof *job);
	if (!job) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	if (parallel < 1) {
		parallel = 1;
	}
	if (sqz_slots_init(&job->slots, parallel) != 0) {
		sqz_free(job);
		return sqz_error_set(err, SQZ_E_INTERNAL, "cannot create the prefetch's request slots");
	}
	if (pthread_mutex_init(&job->lines_lock, NULL) != 0) {
		sqz_slots_destroy(&job->slots);
		sqz_free(job);
		return sqz_error_set(err, SQZ_E_INTERNAL, "cannot create the prefetch's lock");
	}
	job->into = pf->ahead;
	pf->ahead->what = pf->what;
	job->holder.log = hold_line;
	job->holder.ctx = job;
	const sqz_graph *g = mb->graph;
	sqz_status st = worker_graph(job, &job->graph, pf->http, g, parallel, err);
	if (st == SQZ_OK && before) {
		st = worker_graph(job, &job->moves_graph, pf->moves_http, g, parallel, err);
	}
	if (st == SQZ_OK && g->token) {
		st = g->token(g->token_ctx, 0, &job->token, err);
	}
	if (st == SQZ_OK) {
		st = plan_prepare(job->into, mb, msgs, n, &job->plan, err);
	}
	if (st != SQZ_OK || (job->plan.want == 0 && !before)) {
		plan_free(job->into, &job->plan, st);
		job_free(job, NULL);
		if (st == SQZ_OK) {
			pf->ahead_ready = 1;    /* nothing to fetch: an empty window, ready */
		}
		return st;
	}
	job->before = before;
	job->before_ctx = before_ctx;

	/* The threads must never run a signal handler of the host (PHP's
	 * timeouts, pcntl): they start with every signal blocked. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	job->pid = getpid();
	job->host_http = mb->graph->http;
	sqz_http_set_slots(pf->http, &job->slots);
	if (before) {
		sqz_http_set_slots(pf->moves_http, &job->slots);
	}
	int rc = 0;
	if (job->plan.want > 0) {
		rc = pthread_create(&job->thread, NULL, fetch_main, job);
		job->has_fetch = rc == 0;
	}
	if (rc == 0 && before) {
		rc = pthread_create(&job->moves_thread, NULL, moves_main, job);
		job->has_moves = rc == 0;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		if (job->has_fetch) {
			sqz_http_cancel(pf->http);
			pthread_join(job->thread, NULL);
		}
		sqz_http_set_slots(pf->http, NULL);
		if (pf->moves_http) {
			sqz_http_set_slots(pf->moves_http, NULL);
		}
		plan_free(job->into, &job->plan, SQZ_E_INTERNAL);
		job_free(job, NULL);
		return sqz_error_set(err, SQZ_E_INTERNAL, "cannot start the prefetch thread: %s", strerror(rc));
	}
	/* What the caller sends meanwhile (a handler's download, through any
	 * Mailbox object sharing its stack) takes the same slots. */
	sqz_http_set_slots(job->host_http, &job->slots);
	pf->job = job;
	return SQZ_OK;
}

int sqz_prefetch_join_ahead(sqz_prefetch *pf, const sqz_logger *logger)
{
	if (!pf->job) {
		return 0;
	}
	sqz_http_set_slots(pf->job->host_http, NULL);
	if (pf->job->pid != getpid()) {
		/* A handler forked: the worker lives in the parent only, and its
		 * state here is a snapshot of a transfer under way. Nothing of it
		 * is touched or served in this process (a little memory stays). */
		pf->job = NULL;
		pf->http = NULL;
		pf->moves_http = NULL;
		if (pf->ahead) {
			pf->ahead->entries = NULL;
			pf->ahead->count = 0;
			memset(pf->ahead->window_paths, 0, sizeof pf->ahead->window_paths);
		}
		pf->ahead_ready = 0;
		return -1;
	}
	sqz_prefetch_job *job = pf->job;
	if (job->has_fetch) {
		pthread_join(job->thread, NULL);
	}
	if (job->has_moves) {
		pthread_join(job->moves_thread, NULL);
	}
	sqz_http_set_slots(pf->http, NULL);
	if (pf->moves_http) {
		sqz_http_set_slots(pf->moves_http, NULL);
	}
	pf->job = NULL;
	pf->ahead_ready = 1;
	job_free(job, logger);
	return 1;
}

void sqz_prefetch_skip_fetch(sqz_prefetch *pf)
{
	sqz_prefetch_job *job = pf->job;
	if (!job || job->pid != getpid()) {
		return;
	}
	/* Either the worker sees the flag before it fetches, or this sees that
	 * it fetches and stops the fetch: no request of it starts any more,
	 * and the ones in flight are answered (sqz_http_stop: the mailbox
	 * counts them until then; the PHP thread's next requests would meet
	 * 429s). `before` has a stack of its own: it is not stopped. */
	atomic_store(&job->skip_fetch, 1);
	if (atomic_load(&job->fetching)) {
		sqz_http_stop(pf->http);
	}
}

void sqz_prefetch_cancel_ahead(sqz_prefetch *pf)
{
	if (pf->job) {
		if (pf->job->pid == getpid()) {
			sqz_http_cancel(pf->http);
			if (pf->moves_http) {
				sqz_http_cancel(pf->moves_http);
			}
		}
		sqz_prefetch_join_ahead(pf, NULL);
		/* The flag stays set: the next fetch ahead gets a new stack. */
		if (pf->http_owner == getpid()) {
			sqz_http_free(pf->http);
			sqz_http_free(pf->moves_http);
		}
		pf->http = NULL;
		pf->moves_http = NULL;
	}
	if (pf->ahead) {
		sqz_prefetch_drop(pf->ahead);
	}
	pf->ahead_ready = 0;
}

int sqz_prefetch_advance(sqz_prefetch *pf, const sqz_logger *logger)
{
	sqz_prefetch_join_ahead(pf, logger);
	sqz_prefetch_drop(pf);
	if (!pf->ahead_ready) {
		return 0;
	}
	/* The entries change hands; each file keeps its path (in either directory). */
	if (pf->owner == 0) {
		pf->owner = pf->ahead->owner;
	}
	pf->entries = pf->ahead->entries;
	pf->count = pf->ahead->count;
	memcpy(pf->window_paths, pf->ahead->window_paths, sizeof pf->window_paths);
	pf->ahead->entries = NULL;
	pf->ahead->count = 0;
	memset(pf->ahead->window_paths, 0, sizeof pf->ahead->window_paths);
	pf->ahead_ready = 0;
	return 1;
}
