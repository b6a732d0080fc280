#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* F_OFD_SETLK */
#endif
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "range_lock.h"
#include "alloc.h"
#include "clock.h"

#ifdef F_OFD_SETLK
# define LOCK_CMD F_OFD_SETLK
#else
# define LOCK_CMD F_SETLK
#endif

struct sqz_range_lock_file {
	int fd;
	char *path;
};

sqz_status sqz_range_lock_open(const char *path, sqz_range_lock_file **out, sqz_error *err)
{
	*out = NULL;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		return sqz_error_set(err, SQZ_E_STORE,
			"cannot open the lock file %s beside the SQLite database (%s); PdoStore's locks on SQLite need a "
			"file there that every process using the database can write",
			path, strerror(errno));
	}
	sqz_range_lock_file *f = sqz_calloc(1, sizeof *f);
	char *copy = sqz_strdup(path);
	if (!f || !copy) {
		close(fd);
		sqz_free(f);
		sqz_free(copy);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	f->fd = fd;
	f->path = copy;
	*out = f;
	return SQZ_OK;
}

static int set_lock(int fd, short type, uint64_t offset)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);   /* l_pid must be 0 for OFD locks */
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = (off_t)offset;
	fl.l_len = 1;
	return fcntl(fd, LOCK_CMD, &fl);
}

sqz_status sqz_range_lock_acquire(sqz_range_lock_file *f, uint64_t offset, double timeout, int *acquired, sqz_error *err)
{
	*acquired = 0;
	double deadline = sqz_clock_monotonic() + (isnan(timeout) || timeout < 0 ? 0 : timeout);
	double pause = 0.002;
	for (;;) {
		if (set_lock(f->fd, F_WRLCK, offset) == 0) {
			*acquired = 1;
			return SQZ_OK;
		}
		if (errno != EAGAIN && errno != EACCES && errno != EINTR) {
			return sqz_error_set(err, SQZ_E_STORE, "cannot lock in %s (%s)", f->path, strerror(errno));
		}
		double left = deadline - sqz_clock_monotonic();
		if (!(left > 0)) {
			return SQZ_OK;
		}
		double nap = pause < left ? pause : left;
		struct timespec ts = { (time_t)nap, (long)((nap - (double)(time_t)nap) * 1e9) };
		nanosleep(&ts, NULL);
		pause = pause * 2 > 0.05 ? 0.05 : pause * 2;
	}
}

sqz_status sqz_range_lock_release(sqz_range_lock_file *f, uint64_t offset, sqz_error *err)
{
	if (set_lock(f->fd, F_UNLCK, offset) != 0) {
		return sqz_error_set(err, SQZ_E_STORE, "cannot unlock in %s (%s)", f->path, strerror(errno));
	}
	return SQZ_OK;
}

const char *sqz_range_lock_path(const sqz_range_lock_file *f)
{
	return f->path;
}

void sqz_range_lock_close(sqz_range_lock_file *f)
{
	if (!f) {
		return;
	}
	close(f->fd);
	sqz_free(f->path);
	sqz_free(f);
}
