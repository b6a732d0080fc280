/* sqzgraph core: download targets.
 *
 * A file target is written to a temporary file beside it and renamed over
 * the target only when the download completed, so that a failed or killed
 * download never leaves a half-written message where Squeeze would pick it
 * up. The temporary file can be truncated, so such a download can be
 * retried from the start (sqz_sink.reset).
 *
 * What is at the path already: a regular file is replaced as a whole and
 * keeps its permission bits (and its owner and group where the process may
 * set them), so a 0600 message stays 0600; anything else is refused, never
 * replaced: a symbolic link (give the real path), a device such as /dev/null,
 * a FIFO, a socket or a directory (pass an open stream to write there), or a
 * file with other hard links (replacing it would split them). A new file gets
 * 0666 & ~umask, as fopen() gives. */
#ifndef SQZ_SINK_H
#define SQZ_SINK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "error.h"
#include "http.h"

typedef struct sqz_file_sink {
	sqz_sink sink;        /* hand &sink to the HTTP layer */
	int fd;
	char *path;           /* owned; the final path */
	char *tmp_path;       /* owned; the temporary file */
	int64_t written;
	int replaces;         /* a regular file was at path when opened */
	mode_t mode;          /* its permission bits, given to the new file */
	uid_t uid;            /* and its owner and group */
	gid_t gid;
} sqz_file_sink;

/* Creates the temporary file for path; refuses a path that holds anything
 * but a regular file with one link (SQZ_E_STORE, saying what is there). */
sqz_status sqz_file_sink_open(sqz_file_sink *fs, const char *path, sqz_error *err);
/* fsyncs, closes and renames over path (checked again first). */
sqz_status sqz_file_sink_commit(sqz_file_sink *fs, sqz_error *err);
/* Removes the temporary file (after a failure); idempotent. */
void sqz_file_sink_abort(sqz_file_sink *fs);

/* Writes all of data to fd (retrying short writes and EINTR): 0, or -1
 * with errno set. */
int sqz_fd_write_all(int fd, const char *data, size_t len);
/* The same at offset at (pwrite; the file position stays where it was). */
int sqz_fd_write_all_at(int fd, const char *data, size_t len, int64_t at);
/* Empties fd and goes back to its start (a sink's reset): 0 or -1. */
int sqz_fd_rewind(int fd);

/* A sink that collects into memory (for tests and small bodies). */
typedef struct sqz_buf_sink {
	sqz_sink sink;
	sqz_buf buf;
} sqz_buf_sink;
void sqz_buf_sink_init(sqz_buf_sink *bs);

#endif
