#include "sink.h"
#include "alloc.h"
#include "crypto.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

int sqz_fd_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
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
	}
	return 0;
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

sqz_status sqz_file_sink_open(sqz_file_sink *fs, const char *path, sqz_error *err)
{
	memset(fs, 0, sizeof *fs);
	fs->fd = -1;
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
	fs->sink.ctx = fs;
	return SQZ_OK;
}

sqz_status sqz_file_sink_commit(sqz_file_sink *fs, sqz_error *err)
{
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
