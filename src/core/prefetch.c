#include "prefetch.h"
#include "alloc.h"
#include "batch.h"
#include "buf.h"
#include "json.h"
#include "sink.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file of the private directory, written through an fd. */
typedef struct fd_sink {
	sqz_sink sink;
	int fd;
} fd_sink;

static int fd_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	fd_sink *fs = ctx;
	if (sqz_fd_write_all(fs->fd, data, len) != 0) {
		sqz_error_set(err, SQZ_E_INTERNAL, "cannot write a prefetched message to the temporary directory: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int fd_reset(void *ctx)
{
	fd_sink *fs = ctx;
	return sqz_fd_rewind(fs->fd);
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
	if (pf->dir) {
		return SQZ_OK;
	}
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
			"set TMPDIR to a writable directory", base, strerror(e));
	}
	pf->dir = sqz_buf_steal(&b, NULL);
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

static void entry_clear(sqz_prefetch_entry *e)
{
	drop_file(&e->mime_path);
	for (size_t i = 0; i < e->att_count; i++) {
		if (e->att_paths) {
			drop_file(&e->att_paths[i]);
		}
		sqz_attachment_clear(&e->atts[i]);
	}
	sqz_free(e->att_paths);
	sqz_free(e->atts);
	sqz_free(e->id);
	memset(e, 0, sizeof *e);
}

void sqz_prefetch_drop(sqz_prefetch *pf)
{
	for (size_t i = 0; i < pf->count; i++) {
		entry_clear(&pf->entries[i]);
	}
	sqz_free(pf->entries);
	pf->entries = NULL;
	pf->count = 0;
}

void sqz_prefetch_clear(sqz_prefetch *pf)
{
	sqz_prefetch_drop(pf);
	if (pf->dir) {
		rmdir(pf->dir);
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

sqz_status sqz_prefetch_copy(const char *path, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	*bytes = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "a prefetched message file is missing from the temporary directory: %s", strerror(errno));
	}
	char buf[64 * 1024];
	sqz_status st = SQZ_OK;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			st = sqz_error_set(err, SQZ_E_INTERNAL, "cannot read a prefetched message file: %s", strerror(errno));
			break;
		}
		if (n == 0) {
			break;
		}
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

/* Takes a 2xx attachments answer into e: the list, and each
 * fileAttachment's contentBytes decoded into its own file. Leaves e without
 * a list when anything is missing (the handler then asks Graph). */
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
			continue;    /* saved through Graph's $value as before */
		}
		int fd = new_file(pf, &e->att_paths[k]);
		if (fd < 0) {
			complete = 0;
			break;
		}
		fd_sink fs = { { fd_write, fd_reset, NULL }, fd };
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

sqz_status sqz_prefetch_fetch(sqz_prefetch *pf, sqz_mailbox *mb, const sqz_message *msgs, size_t n, sqz_error *err)
{
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
	pf->entries = sqz_calloc(want, sizeof *pf->entries);
	sqz_batch_member *members = sqz_calloc(2 * want, sizeof *members);
	sqz_batch_result *results = sqz_calloc(2 * want, sizeof *results);
	char **paths = sqz_calloc(2 * want, sizeof *paths);
	fd_sink *sinks = sqz_calloc(want, sizeof *sinks);
	sqz_status st = SQZ_OK;
	for (size_t k = 0; sinks && k < want; k++) {
		sinks[k].fd = -1;
	}
	if (!pf->entries || !members || !results || !paths || !sinks) {
		st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0, k = 0; i < n; i++) {
		const sqz_message *m = &msgs[i];
		if (m->size < 0 || m->size > SQZ_PREFETCH_MAX_MESSAGE) {
			continue;
		}
		sqz_prefetch_entry *e = &pf->entries[k];
		e->id = sqz_strdup(m->id);
		paths[2 * k] = sqz_mailbox_message_path(mb, m->id, "/$value");
		paths[2 * k + 1] = sqz_mailbox_message_path(mb, m->id, "/attachments");
		if (!e->id || !paths[2 * k] || !paths[2 * k + 1]) {
			st = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
			goto done;
		}
		pf->count = ++k;
		int fd = new_file(pf, &e->mime_path);
		if (fd < 0) {
			st = sqz_error_set(err, SQZ_E_INTERNAL, "cannot create a file in the import's temporary directory %s: %s", pf->dir, strerror(errno));
			goto done;
		}
		sinks[k - 1].fd = fd;
		sinks[k - 1].sink.write = fd_write;
		sinks[k - 1].sink.reset = fd_reset;
		sinks[k - 1].sink.ctx = &sinks[k - 1];
		/* The MIME and the attachments' base64 are each about the message's size. */
		members[2 * (k - 1)] = (sqz_batch_member){ "GET", paths[2 * (k - 1)], NULL, &sinks[k - 1].sink, m->size };
		members[2 * (k - 1) + 1] = (sqz_batch_member){ "GET", paths[2 * (k - 1) + 1], NULL, NULL, m->size };
	}
	{
		sqz_error berr = SQZ_ERROR_INIT;
		(void)sqz_graph_batch(mb->graph, members, 2 * want, results, &berr);
		sqz_error_clear(&berr);
	}
	for (size_t k = 0; k < want; k++) {
		sqz_prefetch_entry *e = &pf->entries[k];
		if (sinks[k].fd >= 0) {
			close(sinks[k].fd);
		}
		sinks[k].fd = -1;
		sqz_batch_result *mime = &results[2 * k], *atts = &results[2 * k + 1];
		int mime_ok = mime->status >= 200 && mime->status < 300 && mime->error.status == SQZ_OK && !mime->body;
		if (mime_ok && mime->raw) {
			/* No sink took it (cannot happen with a sink set): never serve a partial file. */
			mime_ok = 0;
		}
		if (!mime_ok) {
			drop_file(&e->mime_path);
		}
		if (mime->status == 404) {
			e->gone = 1;
			drop_file(&e->mime_path);
		} else if (atts->status >= 200 && atts->status < 300 && atts->error.status == SQZ_OK && atts->body) {
			take_attachments(pf, e, atts->body);
		}
	}

done:
	for (size_t k = 0; k < want; k++) {
		if (sinks && sinks[k].fd >= 0) {
			close(sinks[k].fd);
		}
	}
	for (size_t i = 0; results && i < 2 * want; i++) {
		sqz_batch_result_clear(&results[i]);
		if (paths) {
			sqz_free(paths[i]);
		}
	}
	sqz_free(members);
	sqz_free(results);
	sqz_free(paths);
	sqz_free(sinks);
	if (st != SQZ_OK) {
		sqz_prefetch_drop(pf);
	}
	return st;
}
