#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* copy_file_range */
#endif
#include "sink.h"
#include "alloc.h"
#include "crypto.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* at < 0: at the file position (write). */
static int write_all(int fd, const char *data, size_t len, int64_t at)
{
	while (len > 0) {
		ssize_t n = at < 0 ? write(fd, data, len) : pwrite(fd, data, len, (off_t)at);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			if (n == 0) {
				errno = EIO;
			}
			return -1;
		}
		data += n;
		len -= (size_t)n;
		at = at < 0 ? at : at + n;
	}
	return 0;
}

int sqz_fd_write_all(int fd, const char *data, size_t len)
{
	return write_all(fd, data, len, -1);
}

int sqz_fd_write_all_at(int fd, const char *data, size_t len, int64_t at)
{
	return at < 0 ? (errno = EINVAL, -1) : write_all(fd, data, len, at);
}

int sqz_fd_rewind(int fd)
{
	return ftruncate(fd, 0) == 0 && lseek(fd, 0, SEEK_SET) == 0 ? 0 : -1;
}

static int file_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	sqz_file_sink *fs = ctx;
	if (sqz_fd_write_all(fs->fd, data, len) != 0) {
		sqz_error_set(err, SQZ_E_STORE, "cannot write %s: %s", fs->path, strerror(errno));
		return -1;
	}
	fs->written += (int64_t)len;
	return 0;
}

static int file_reset(void *ctx)
{
	sqz_file_sink *fs = ctx;
	if (sqz_fd_rewind(fs->fd) != 0) {
		return -1;
	}
	fs->written = 0;
	return 0;
}

/* copy_file_range(2) (Linux 4.5, glibc 2.27, musl 1.1.24): the page cache
 * copies the bytes (a file system with reflinks, XFS or Btrfs, shares the
 * blocks instead); they never enter this process. Elsewhere the bytes go
 * through write. */
#if defined(__linux__) && (!defined(__GLIBC__) || __GLIBC_PREREQ(2, 27))
# define SQZ_COPY_FILE_RANGE 1
static int64_t file_copy_from(void *ctx, int fd, int64_t off, int64_t len)
{
	sqz_file_sink *fs = ctx;
	loff_t in = (loff_t)off;
	int64_t copied = 0;
	while (copied < len) {
		ssize_t n = copy_file_range(fd, &in, fs->fd, NULL, (size_t)(len - copied), 0);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			break;
		}
		copied += n;
	}
	fs->written += copied;
	return copied;
}
#endif

/* What a download may replace at path: nothing, or a regular file with no
 * other hard link. Fills fs->replaces/mode/uid/gid; SQZ_E_STORE otherwise. */
static sqz_status check_target(sqz_file_sink *fs, const char *path, sqz_error *err)
{
	struct stat st;
	fs->replaces = 0;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT) {
			return SQZ_OK;
		}
		return sqz_error_set(err, SQZ_E_STORE, "cannot check the target %s: %s", path, strerror(errno));
	}
	const char *what = S_ISLNK(st.st_mode)               ? "a symbolic link (give the path of the file itself)"
		: S_ISDIR(st.st_mode)                        ? "a directory (give a file name inside it)"
		: S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device (to write there, open it and pass the stream)"
		: S_ISFIFO(st.st_mode)                       ? "a FIFO (to write there, open it and pass the stream)"
		: S_ISSOCK(st.st_mode)                       ? "a socket"
		: !S_ISREG(st.st_mode)                       ? "not a regular file"
		: st.st_nlink > 1                            ? "a file with other hard links (replacing it would split them; remove it first or choose another path)"
							     : NULL;
	if (what) {
		return sqz_error_set(err, SQZ_E_STORE, "the target %s is %s; nothing was written", path, what);
	}
	fs->replaces = 1;
	fs->mode = st.st_mode & 07777;
	fs->uid = st.st_uid;
	fs->gid = st.st_gid;
	return SQZ_OK;
}

sqz_status sqz_file_sink_open(sqz_file_sink *fs, const char *path, sqz_error *err)
{
	memset(fs, 0, sizeof *fs);
	fs->fd = -1;
	if (check_target(fs, path, err) != SQZ_OK) {
		return SQZ_E_STORE;
	}
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash - path + 1) : 0;
	const char *base = slash ? slash + 1 : path;
	if (!*base) {
		return sqz_error_set(err, SQZ_E_STORE, "the target '%s' names a directory, not a file", path);
	}
	unsigned char r[8];
	char hex[17];
	if (sqz_random_bytes(r, sizeof r) != 0) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "no random bytes for a temporary file name");
	}
	sqz_hex_encode(r, sizeof r, hex);
	size_t len = strlen(path) + 32;
	fs->path = sqz_strdup(path);
	fs->tmp_path = sqz_malloc(len);
	if (!fs->path || !fs->tmp_path) {
		sqz_file_sink_abort(fs);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	snprintf(fs->tmp_path, len, "%.*s.%s.%s.part", (int)dir_len, path, base, hex);
	fs->fd = open(fs->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fs->fd < 0) {
		int e = errno;
		sqz_free(fs->tmp_path);
		fs->tmp_path = NULL;
		sqz_file_sink_abort(fs);
		return sqz_error_set(err, SQZ_E_STORE, "cannot create a file beside %s: %s", path, strerror(e));
	}
	fs->sink.write = file_write;
	fs->sink.reset = file_reset;
#ifdef SQZ_COPY_FILE_RANGE
	fs->sink.copy_from = file_copy_from;
#endif
	fs->sink.ctx = fs;
	return SQZ_OK;
}

sqz_status sqz_file_sink_commit(sqz_file_sink *fs, sqz_error *err)
{
	if (!fs->path || fs->fd < 0) {
		return sqz_error_set(err, SQZ_E_INTERNAL, "the download target was not opened");
	}
	/* Again: the download took a while, and what is at the path may have
	 * changed. The file that is replaced lends its owner and mode (the
	 * owner first: chown clears set-id bits, chmod sets them again). */
	if (check_target(fs, fs->path, err) != SQZ_OK) {
		sqz_file_sink_abort(fs);
		return SQZ_E_STORE;
	}
	if (fs->replaces && ((fchown(fs->fd, fs->uid, fs->gid) != 0 && errno != EPERM) || fchmod(fs->fd, fs->mode) != 0)) {
		sqz_error_set(err, SQZ_E_STORE, "cannot give the download the owner and permissions of %s: %s", fs->path, strerror(errno));
		sqz_file_sink_abort(fs);
		return SQZ_E_STORE;
	}
	/* The message is formatted before abort() frees fs->path. */
	int e = 0;
	int failed = fsync(fs->fd) != 0;
	if (failed) {
		e = errno;
	}
	/* Closed whatever fsync said: the descriptor must not leak. */
	if (close(fs->fd) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	fs->fd = -1;
	if (failed) {
		sqz_error_set(err, SQZ_E_STORE, "cannot write %s: %s", fs->path, strerror(e));
		sqz_file_sink_abort(fs);
		return SQZ_E_STORE;
	}
	if (rename(fs->tmp_path, fs->path) != 0) {
		e = errno;
		sqz_error_set(err, SQZ_E_STORE, "cannot move the download into place at %s: %s", fs->path, strerror(e));
		sqz_file_sink_abort(fs);
		return SQZ_E_STORE;
	}
	sqz_free(fs->tmp_path);
	fs->tmp_path = NULL;
	sqz_free(fs->path);
	fs->path = NULL;
	return SQZ_OK;
}

void sqz_file_sink_abort(sqz_file_sink *fs)
{
	if (fs->fd >= 0) {
		close(fs->fd);
		fs->fd = -1;
	}
	if (fs->tmp_path) {
		unlink(fs->tmp_path);
		sqz_free(fs->tmp_path);
		fs->tmp_path = NULL;
	}
	sqz_free(fs->path);
	fs->path = NULL;
}

static int buf_write(void *ctx, const char *data, size_t len, sqz_error *err)
{
	sqz_buf_sink *bs = ctx;
	if (sqz_buf_append(&bs->buf, data, len) != 0) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		return -1;
	}
	return 0;
}

static int buf_reset(void *ctx)
{
	sqz_buf_reset(&((sqz_buf_sink *)ctx)->buf);
	return 0;
}

void sqz_buf_sink_init(sqz_buf_sink *bs)
{
	memset(bs, 0, sizeof *bs);
	bs->sink.write = buf_write;
	bs->sink.reset = buf_reset;
	bs->sink.ctx = bs;
}
