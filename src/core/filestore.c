/* FileStore: see filestore.h for the layout and the decisions. Every path
 * below is relative to the directory's open descriptor (openat & co.), so
 * a later chdir() or a rename of the path cannot redirect a write. */
#include "filestore.h"
#include "alloc.h"
#include "buf.h"
#include "clock.h"
#include "crypto.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RECORD_MAGIC "SQZR"
#define RECORD_VERSION 1           /* a frame that holds a whole value */
#define CHANGE_VERSION 2           /* a frame that changes the value before it (put_often) */
#define HEADER_LEN 48              /* magic 4 | version 1 | zero 3 | length 8 | sha256 32 */
#define CHANGE_HEAD 40             /* a change's payload: sha256 of the frame before 32 | kept bytes 8 */
#define NAME_BUF 256               /* > "k-" + NAME_MAX + ".rec.tmp-" + 16 hex */
#define STALE_TEMP_SECONDS 3600
/* A record put_often() appends to is rewritten whole (a put) once it would
 * grow past this: reads stay cheap, the disk holds few old values. */
#define APPEND_MAX (1024 * 1024)

typedef struct held_lock {
	char *key;
	size_t key_len;
	int fd;
	unsigned count;
	pid_t pid;   /* the process that took it: a forked copy must not release it */
} held_lock;

/* The record this store last appended to, as it was after the append: an
 * append to the same file at the same size needs no look at the file. */
typedef struct appended_record {
	char *key;
	size_t key_len;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec ctime;    /* an inode number reused at the same size differs here */
	char *value;              /* owned: the value the file's last frame gives, NULL when unknown */
	size_t value_len;
	unsigned char checksum[SQZ_SHA256_LEN];    /* that frame's: the next change names it */
} appended_record;

struct sqz_filestore {
	char *path;                /* absolute, for messages */
	int dirfd;
	held_lock *locks;
	size_t lock_count, lock_cap;
	appended_record appended;
};

static const char *errtext(int e, char *buf, size_t len)
{
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
	return strerror_r(e, buf, len);
#else
	return strerror_r(e, buf, len) == 0 ? buf : "unknown error";
#endif
}


/* Fills err with SQZ_E_STORE: what + " '<key>'" + the formatted rest, and
 * err->key = the key as shown. */
static sqz_status record_error(sqz_error *err, const char *what, const char *key, size_t key_len, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static sqz_status record_error(sqz_error *err, const char *what, const char *key, size_t key_len, const char *fmt, ...)
{
	char *shown = sqz_store_shown_key(key, key_len);
	sqz_buf rest = SQZ_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n >= 0 && sqz_buf_reserve(&rest, (size_t)n) == 0) {
		vsnprintf(rest.data, (size_t)n + 1, fmt, ap);
		rest.len = (size_t)n;
	}
	va_end(ap);
	sqz_error_set(err, SQZ_E_STORE, "%s '%s'%s", what, shown, rest.data ? rest.data : "");
	sqz_error_set_key(err, shown);
	sqz_free(shown);
	sqz_buf_free(&rest);
	return SQZ_E_STORE;
}

static void user_name(uid_t uid, char *out, size_t len)
{
	struct passwd pw, *found = NULL;
	char buf[1024];
	if (getpwuid_r(uid, &pw, buf, sizeof buf, &found) == 0 && found) {
		snprintf(out, len, "%s (uid %u)", found->pw_name, (unsigned)uid);
	} else {
		snprintf(out, len, "uid %u", (unsigned)uid);
	}
}

/* ---- names ---------------------------------------------------------- */

static int keep_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
		|| c == '.' || c == '_' || c == '-';
}

char *sqz_filestore_name(const char *key, size_t key_len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t need = 2;
	for (size_t i = 0; i < key_len && need <= SQZ_FILESTORE_NAME_MAX; i++) {
		need += keep_byte((unsigned char)key[i]) ? 1 : 3;
	}
	if (need > SQZ_FILESTORE_NAME_MAX) {
		char *name = sqz_malloc(2 + 2 * SQZ_SHA256_LEN + 1);
		if (!name) {
			return NULL;
		}
		memcpy(name, "h-", 2);
		if (sqz_sha256_hex(key, key_len, name + 2) != 0) {
			sqz_free(name);
			return NULL;
		}
		return name;
	}
	char *name = sqz_malloc(need + 1);
	if (!name) {
		return NULL;
	}
	size_t o = 0;
	name[o++] = 'k';
	name[o++] = '-';
	for (size_t i = 0; i < key_len; i++) {
		unsigned char c = (unsigned char)key[i];
		if (keep_byte(c)) {
			name[o++] = (char)c;
		} else {
			name[o++] = '~';
			name[o++] = hex[c >> 4];
			name[o++] = hex[c & 15];
		}
	}
	name[o] = '\0';
	return name;
}

/* base + suffix into out (NAME_BUF bytes); base is at most 200 bytes. */
static void file_name(char out[NAME_BUF], const char *base, const char *suffix)
{
	snprintf(out, NAME_BUF, "%s%s", base, suffix);
}

/* ---- open / close --------------------------------------------------- */

static char *absolute_path(const char *dir)
{
	if (dir[0] == '/') {
		return sqz_strdup(dir);
	}
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd)) {
		return sqz_strdup(dir);
	}
	sqz_buf b = SQZ_BUF_INIT;
	if (sqz_buf_appendf(&b, "%s/%s", strcmp(cwd, "/") == 0 ? "" : cwd, dir) != 0) {
		sqz_buf_free(&b);
		return NULL;
	}
	return sqz_buf_steal(&b, NULL);
}

/* Opens the absolute `path` a component at a time from "/", so that what is
 * checked is what is opened: a missing directory is created 0700 (whatever
 * the umask); a symbolic link is followed only when root or this process's
 * user owns it (one planted by another user in a shared directory such as
 * /tmp is not); anything else but a directory is refused. Returns the
 * descriptor of the last directory, or -1 with err filled. */
static int walk_to_store(const char *path, sqz_error *err)
{
	char ebuf[128], who[160];
	int fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		sqz_error_set(err, SQZ_E_STORE, "cannot open /: %s", errtext(errno, ebuf, sizeof ebuf));
		return -1;
	}
	char *work = sqz_strdup(path);
	if (!work) {
		close(fd);
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		return -1;
	}
	char *save = NULL;
	char *comp = strtok_r(work, "/", &save);
	while (comp) {
		char *next = strtok_r(NULL, "/", &save);
		int shown = (int)(comp - work + (ptrdiff_t)strlen(comp));    /* path up to this component */
		int made = 0, nfd = -1;
		struct stat st;
		if (fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			int e = errno;
			if (e == ENOENT) {
				if (mkdirat(fd, comp, 0700) == 0) {
					made = 1;
				} else if (errno != EEXIST) {    /* EEXIST: a concurrent process made it */
					e = errno;
					user_name(geteuid(), who, sizeof who);
					sqz_error_set(err, SQZ_E_STORE, "cannot create the FileStore directory %s: mkdir %.*s: %s; create it with "
									"mode 0700 for %s, or choose another directory",
						path, shown, path, errtext(e, ebuf, sizeof ebuf), who);
					goto fail;
				}
				e = fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 ? 0 : errno;
			}
			if (e) {
				sqz_error_set(err, SQZ_E_STORE, "cannot open the FileStore directory %s: %.*s: %s", path, shown, path,
					errtext(e, ebuf, sizeof ebuf));
				goto fail;
			}
		}
		if (S_ISLNK(st.st_mode)) {
			if (st.st_uid != 0 && st.st_uid != geteuid()) {
				user_name(st.st_uid, who, sizeof who);
				sqz_error_set(err, SQZ_E_STORE, "the FileStore directory %s is reached through %.*s, a symbolic link owned by %s; "
								"a link another user can change may point anywhere, so it is not followed: give the real path",
					path,
					shown, path, who);
				goto fail;
			}
			nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		} else if (S_ISDIR(st.st_mode)) {
			nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		} else {
			sqz_error_set(err, SQZ_E_STORE, "cannot use %s as the FileStore directory: %.*s is a file, not a directory", path,
				shown, path);
			goto fail;
		}
		if (nfd < 0) {
			int e = errno;
			user_name(geteuid(), who, sizeof who);
			sqz_error_set(err, SQZ_E_STORE, "cannot open the FileStore directory %s: %.*s: %s; it must be a directory that %s "
							"can read and write",
				path, shown, path, errtext(e, ebuf, sizeof ebuf), who);
			goto fail;
		}
		if (made && fchmod(nfd, 0700) != 0) {    /* ours, just made: the umask masked mkdir's mode */
			int e = errno;
			close(nfd);
			sqz_error_set(err, SQZ_E_STORE, "cannot set mode 0700 on %.*s: %s", shown, path, errtext(e, ebuf, sizeof ebuf));
			goto fail;
		}
		close(fd);
		fd = nfd;
		comp = next;
	}
	sqz_free(work);
	return fd;
fail:
	close(fd);
	sqz_free(work);
	return -1;
}

/* A put that died between create and rename leaves "<name>.rec.tmp-<hex>";
 * only files an hour old are removed (a concurrent put is never that slow). */
static void sweep_stale_temps(int dirfd)
{
	int fd = dup(dirfd);
	if (fd < 0) {
		return;
	}
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	time_t limit = time(NULL) - STALE_TEMP_SECONDS;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!strstr(e->d_name, ".rec.tmp-")) {
			continue;
		}
		struct stat st;
		if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)
			&& st.st_mtime < limit) {
			unlinkat(dirfd, e->d_name, 0);
		}
	}
	closedir(d);
}

sqz_status sqz_filestore_open(const char *dir, sqz_filestore **out, sqz_error *err)
{
	char ebuf[128];
	*out = NULL;
	if (!dir || !*dir) {
		return sqz_error_set(err, SQZ_E_STORE, "the FileStore directory is empty; give the path of a directory for the records");
	}
	char *path = absolute_path(dir);
	if (!path) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	int fd = walk_to_store(path, err);
	if (fd < 0) {
		sqz_free(path);
		return err ? err->status : SQZ_E_STORE;
	}

	sqz_status status = SQZ_E_STORE;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		sqz_error_set(err, SQZ_E_STORE, "cannot stat the FileStore directory %s: %s", path, errtext(e, ebuf, sizeof ebuf));
		goto fail;
	}
	if (st.st_uid != geteuid()) {
		char owner[160], me[160];
		user_name(st.st_uid, owner, sizeof owner);
		user_name(geteuid(), me, sizeof me);
		sqz_error_set(err, SQZ_E_STORE,
			"the FileStore directory %s belongs to %s but this process runs as %s; records written now would be unreadable "
			"to the other user. Run every job and the web server that use it as the same user, or give the directory to %s (chown)",
			path, owner, me, me);
		goto fail;
	}
	if ((st.st_mode & 0777) != 0700) {
		/* Tokens live here: no one but the owner may list, add or remove.
		 * A directory this did not create is never changed: it may be
		 * shared on purpose (or be "/"), so the administrator decides. */
		const char *why = (st.st_mode & 077) ? "other users can list or change what is in it"
						     : "its owner cannot read, write and enter it";
		sqz_error_set(err, SQZ_E_STORE, "the FileStore directory %s has mode %04o: %s, and tokens are kept there. Give the "
						"store a directory of its own with mode 0700 (chmod 700 %s), or name a new directory and sqzgraph creates it so",
			path, (unsigned)(st.st_mode & 07777), why, path);
		goto fail;
	}

	sqz_filestore *fs = sqz_calloc(1, sizeof *fs);
	if (!fs) {
		status = sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		goto fail;
	}
	fs->path = path;
	fs->dirfd = fd;
	sweep_stale_temps(fd);
	*out = fs;
	return SQZ_OK;

fail:
	close(fd);
	sqz_free(path);
	return status;
}

const char *sqz_filestore_directory(const sqz_filestore *fs)
{
	return fs->path;
}

void sqz_filestore_close(sqz_filestore *fs)
{
	if (!fs) {
		return;
	}
	for (size_t i = 0; i < fs->lock_count; i++) {
		if (fs->locks[i].pid == getpid()) {   /* see fs_unlock */
			flock(fs->locks[i].fd, LOCK_UN);
		}
		close(fs->locks[i].fd);
		sqz_free(fs->locks[i].key);
	}
	sqz_free(fs->locks);
	sqz_free(fs->appended.key);
	sqz_free(fs->appended.value);
	close(fs->dirfd);
	sqz_free(fs->path);
	sqz_free(fs);
}

/* ---- records -------------------------------------------------------- */

static void put_be64(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--) {
		p[i] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
}

static uint64_t get_be64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++) {
		v = (v << 8) | p[i];
	}
	return v;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len > ((size_t)1 << 30) ? ((size_t)1 << 30) : len);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Whether the n bytes at t can be what is left of an append that did not
 * complete: the start of a frame (the magic, version and reserved bytes as
 * far as they go, and when the header is whole, a payload longer than what
 * follows), or zeros — a file system without ordered data (ext4
 * data=writeback) may keep a crashed append's new size but not its bytes. */
static int frame_prefix(const unsigned char *t, size_t n)
{
	static const unsigned char head[8] = { 'S', 'Q', 'Z', 'R', RECORD_VERSION, 0, 0, 0 };
	size_t zeros = 0;
	while (zeros < n && t[zeros] == 0) {
		zeros++;
	}
	if (zeros == n) {
		return 1;
	}
	for (size_t i = 0; i < n && i < sizeof head; i++) {
		if (t[i] != head[i] && !(i == 4 && t[i] == CHANGE_VERSION)) {
			return 0;
		}
	}
	return n < HEADER_LEN || get_be64(t + 8) > (uint64_t)(n - HEADER_LEN);
}

/* Whether a whole frame header of either kind starts at t (rest bytes),
 * its payload within them. */
static int frame_at(const unsigned char *t, size_t rest)
{
	return rest >= HEADER_LEN && memcmp(t, RECORD_MAGIC, 4) == 0 && (t[4] == RECORD_VERSION || t[4] == CHANGE_VERSION) && !t[5]
		&& !t[6] && !t[7] && get_be64(t + 8) <= (uint64_t)(rest - HEADER_LEN);
}

/* Finds the value in a record file's bytes: its one frame, or what the
 * frames of a file that put_often() appended to give — the last whole
 * value, changed by the change frames after it, each naming the checksum of
 * the frame before it (a frame cut short at the end is an append that did
 * not finish: the frames before it give the value). The first frame is
 * checked as strictly as ever; the checksums of the last whole value and of
 * every change after it are checked. On success returns NULL, with the
 * value in *value when value is not NULL (appended to it) — or, when
 * whole_off is not NULL and the value is one whole frame's payload, only
 * that payload's offset and length in *whole_off and *whole_len (value
 * then untouched; else *whole_off = SIZE_MAX) — its checksum in
 * checksum when not NULL, and *clean = 1 when the file ends exactly after
 * the last frame; else the reason the file is corrupt. */
static const char *find_value(const char *data, size_t len, sqz_buf *value, size_t *whole_off, size_t *whole_len,
	unsigned char *checksum, int *clean, char *why, size_t why_len)
{
	const unsigned char *h = (const unsigned char *)data;
	if (len == 0) {
		return "the file is empty";
	}
	if (memcmp(data, RECORD_MAGIC, len < 4 ? len : 4) != 0) {
		return "not a sqzgraph record: the file does not start with SQZR";
	}
	if (len < HEADER_LEN) {
		snprintf(why, why_len, "truncated to %zu bytes, shorter than the %d-byte header", len, HEADER_LEN);
		return why;
	}
	if (h[4] == CHANGE_VERSION) {
		return "the file starts with a change to a value, not with a value";
	}
	if (h[4] != RECORD_VERSION) {
		snprintf(why, why_len, "record format version %u, this sqzgraph reads versions %d and %d (written by a newer sqzgraph?)",
			(unsigned)h[4], RECORD_VERSION, CHANGE_VERSION);
		return why;
	}
	if (h[5] || h[6] || h[7]) {
		return "invalid header (reserved bytes are set)";
	}
	uint64_t announced = get_be64(h + 8);
	if (announced > (uint64_t)(len - HEADER_LEN)) {
		snprintf(why, why_len, "the header announces %llu bytes of data but the file holds %zu (truncated or extended)",
			(unsigned long long)announced, len - HEADER_LEN);
		return why;
	}
	/* The last whole value: where the checks and the value start. */
	size_t base = 0, frames = 1, end = HEADER_LEN + (size_t)announced;
	*clean = 1;
	while (end < len) {
		const unsigned char *t = h + end;
		size_t rest = len - end;
		if (frame_at(t, rest)) {
			if (t[4] == RECORD_VERSION) {
				base = end;
			}
			end += HEADER_LEN + (size_t)get_be64(t + 8);
			frames++;
			continue;
		}
		if (!frame_prefix(t, rest)) {
			if (frames == 1) {
				snprintf(why, why_len, "the header announces %llu bytes of data but the file holds %zu (truncated or extended)",
					(unsigned long long)announced, len - HEADER_LEN);
			} else {
				snprintf(why, why_len, "%zu bytes after the last complete record are not a record", rest);
			}
			return why;
		}
		*clean = 0;
		break;
	}
	unsigned char digest[SQZ_SHA256_LEN];
	const unsigned char *previous = NULL;
	size_t value_len = 0, start = value ? value->len : 0;
	int in_place = whole_off && end == base + HEADER_LEN + (size_t)get_be64(h + base + 8);
	if (whole_off) {
		*whole_off = in_place ? base + HEADER_LEN : SIZE_MAX;
		*whole_len = in_place ? (size_t)get_be64(h + base + 8) : 0;
	}
	for (size_t at = base; at < end; at += HEADER_LEN + (size_t)get_be64(h + at + 8)) {
		const unsigned char *payload = h + at + HEADER_LEN;
		size_t n = (size_t)get_be64(h + at + 8);
		if (sqz_sha256(payload, n, digest) != 0) {
			return "cannot compute the checksum";
		}
		if (!sqz_memeq(digest, h + at + 16, SQZ_SHA256_LEN)) {
			return "checksum mismatch: the data was altered";
		}
		const unsigned char *bytes = payload;
		if (h[at + 4] == CHANGE_VERSION) {
			/* Checked after the checksum: a change that fails it is damage,
			 * whatever its head says. */
			if (n < CHANGE_HEAD || !previous || !sqz_memeq(payload, previous, SQZ_SHA256_LEN)) {
				return "a change does not follow the value it changes";
			}
			uint64_t kept = get_be64(payload + SQZ_SHA256_LEN);
			if (kept > value_len) {
				return "a change keeps more bytes than the value it changes has";
			}
			value_len = (size_t)kept;
			bytes += CHANGE_HEAD;
			n -= CHANGE_HEAD;
		} else {
			value_len = 0;
		}
		if (value && !in_place) {
			value->len = start + value_len;
			if (sqz_buf_append(value, bytes, n) != 0) {
				return "out of memory";
			}
		}
		value_len += n;
		previous = h + at + 16;
	}
	if (checksum) {
		memcpy(checksum, previous, SQZ_SHA256_LEN);
	}
	return NULL;
}

static sqz_status fs_get(void *ctx, const char *key, size_t key_len, char **value, size_t *value_len, sqz_error *err)
{
	sqz_filestore *fs = ctx;
	char ebuf[128], rec[NAME_BUF];
	*value = NULL;
	*value_len = 0;
	char *base = sqz_filestore_name(key, key_len);
	if (!base) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	file_name(rec, base, ".rec");
	sqz_free(base);

	/* O_NONBLOCK: a FIFO planted under the name must not hang us. */
	int fd = openat(fs->dirfd, rec, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT) {
			return SQZ_OK;
		}
		if (e == ELOOP) {
			return record_error(err, "cannot read record", key, key_len, " in %s: %s is a symbolic link, which a FileStore never writes; remove it",
				fs->path, rec);
		}
		return record_error(err, "cannot read record", key, key_len, " in %s: open %s: %s; check the file's owner and permissions",
			fs->path, rec, errtext(e, ebuf, sizeof ebuf));
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return record_error(err, "cannot read record", key, key_len, " in %s: stat %s: %s", fs->path, rec, errtext(e, ebuf, sizeof ebuf));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return record_error(err, "cannot read record", key, key_len, " in %s: %s is %s, not a record file; move it away",
			fs->path, rec, S_ISDIR(st.st_mode) ? "a directory" : "a special file");
	}

	/* Sized from fstat plus one byte, so the read that sees EOF needs no
	 * growth; put_often() only appends, and a
	 * reader that sees half of its frame takes the frame before. */
	sqz_buf data = SQZ_BUF_INIT;
	if (sqz_buf_reserve(&data, (size_t)st.st_size + 1) != 0) {
		close(fd);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading record");
	}
	for (;;) {
		if (data.cap - data.len <= 1 && sqz_buf_reserve(&data, 65536) != 0) {
			close(fd);
			sqz_buf_free(&data);
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading record");
		}
		ssize_t n = read(fd, data.data + data.len, data.cap - data.len - 1);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			int e = errno;
			close(fd);
			sqz_buf_free(&data);
			return record_error(err, "cannot read record", key, key_len, " in %s: read %s: %s", fs->path, rec, errtext(e, ebuf, sizeof ebuf));
		}
		if (n == 0) {
			break;
		}
		data.len += (size_t)n;
	}
	close(fd);
	data.data[data.len] = '\0';

	/* One whole frame (every record but an appended journal): its payload
	 * is moved to the front. Else the value is rebuilt beside the file's
	 * bytes; it is never longer than they are: no growth below. */
	sqz_buf found = SQZ_BUF_INIT;
	int single = data.len >= HEADER_LEN && get_be64((const unsigned char *)data.data + 8) == (uint64_t)(data.len - HEADER_LEN);
	if (!single && sqz_buf_reserve(&found, data.len + 1) != 0) {
		sqz_buf_free(&data);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory reading record");
	}
	char why[200];
	int clean = 0;
	size_t whole_off = SIZE_MAX, whole_len = 0;
	const char *bad = find_value(data.data, data.len, &found, &whole_off, &whole_len, NULL, &clean, why, sizeof why);
	if (bad) {
		sqz_buf_free(&data);
		sqz_buf_free(&found);
		return record_error(err, "record", key, key_len, " in %s is corrupt (%s: %s); %s", fs->path, rec, bad,
			sqz_store_unreadable_advice(key, key_len));
	}
	if (whole_off != SIZE_MAX) {
		sqz_buf_free(&found);
		memmove(data.data, data.data + whole_off, whole_len);
		found = data;
		found.len = whole_len;
	} else {
		sqz_buf_free(&data);
	}
	found.data[found.len] = '\0';
	*value_len = found.len;
	*value = sqz_buf_steal(&found, NULL);
	return SQZ_OK;
}

static int frame_header(int version, const void *payload, size_t payload_len, unsigned char header[HEADER_LEN])
{
	memset(header, 0, HEADER_LEN);
	memcpy(header, RECORD_MAGIC, 4);
	header[4] = (unsigned char)version;
	put_be64(header + 8, (uint64_t)payload_len);
	return sqz_sha256(payload, payload_len, header + 16);
}

/* After a write of key's record file (st: the file as it is now), which
 * now gives value, its last frame's checksum being checksum. */
static void remember_append(sqz_filestore *fs, const char *key, size_t key_len, const struct stat *st, const char *value,
	size_t value_len, const unsigned char *checksum)
{
	appended_record *a = &fs->appended;
	if (!a->key || a->key_len != key_len || memcmp(a->key, key, key_len) != 0) {
		sqz_free(a->key);
		a->key = sqz_malloc(key_len ? key_len : 1);
		if (!a->key) {
			a->key_len = 0;
			return;
		}
		memcpy(a->key, key, key_len);
		a->key_len = key_len;
	}
	a->dev = st->st_dev;
	a->ino = st->st_ino;
	a->size = st->st_size;
	a->ctime = st->st_ctim;
	/* Kept to write the next value as a change of this one; a value too
	 * large to be appended never is. */
	sqz_free(a->value);
	a->value = value_len <= APPEND_MAX / 4 ? sqz_malloc(value_len ? value_len : 1) : NULL;
	a->value_len = a->value ? value_len : 0;
	if (a->value) {
		memcpy(a->value, value, value_len);
		memcpy(a->checksum, checksum, SQZ_SHA256_LEN);
	}
}

static int appended_before(const sqz_filestore *fs, const char *key, size_t key_len, const struct stat *st)
{
	const appended_record *a = &fs->appended;
	return a->key && a->key_len == key_len && memcmp(a->key, key, key_len) == 0 && a->dev == st->st_dev && a->ino == st->st_ino
		&& a->size == st->st_size && a->ctime.tv_sec == st->st_ctim.tv_sec && a->ctime.tv_nsec == st->st_ctim.tv_nsec;
}

/* A put. for_appends: put_often's, so the value is remembered for the
 * changes that follow (a plain put of another key, a token refresh during
 * an import, leaves the journal's remembered value alone). */
static sqz_status put_record(sqz_filestore *fs, const char *key, size_t key_len, const char *value, size_t value_len, int for_appends,
	sqz_error *err)
{
	char ebuf[128], rec[NAME_BUF], tmp[NAME_BUF];
	const char *step = NULL;
	int fd = -1, e = 0;

	char *base = sqz_filestore_name(key, key_len);
	if (!base) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	file_name(rec, base, ".rec");

	unsigned char header[HEADER_LEN];
	if (frame_header(RECORD_VERSION, value, value_len, header) != 0) {
		sqz_free(base);
		return sqz_error_set(err, SQZ_E_INTERNAL, "SHA-256 failed");
	}

	for (int attempt = 0; attempt < 8; attempt++) {
		unsigned char rnd[8];
		char hex[17];
		if (sqz_random_bytes(rnd, sizeof rnd) != 0) {
			sqz_free(base);
			return sqz_error_set(err, SQZ_E_INTERNAL, "the random generator failed");
		}
		sqz_hex_encode(rnd, sizeof rnd, hex);
		snprintf(tmp, sizeof tmp, "%s.rec.tmp-%s", base, hex);
		fd = openat(fs->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST) {
			break;
		}
	}
	sqz_free(base);
	if (fd < 0) {
		e = errno;
		return record_error(err, "cannot write record", key, key_len, " in %s: creating a temporary file failed: %s; check free space and that the directory is writable",
			fs->path, errtext(e, ebuf, sizeof ebuf));
	}

	/* The open mode was masked by the umask; the result must not depend on it. */
	if (fchmod(fd, 0600) != 0) {
		step = "chmod";
	} else if (write_all(fd, header, sizeof header) != 0 || write_all(fd, value, value_len) != 0) {
		step = "write";
	} else if (fsync(fd) != 0) {
		step = "fsync";
	}
	if (step) {
		e = errno;
		close(fd);
		goto fail;
	}
	struct stat made;
	int known = fstat(fd, &made) == 0;
	if (close(fd) != 0) {
		e = errno;
		step = "close";
		goto fail;
	}
	if (renameat(fs->dirfd, tmp, fs->dirfd, rec) != 0) {
		e = errno;
		step = "rename";
		goto fail;
	}
	/* The rename itself is durable only once the directory is synced. */
	if (fsync(fs->dirfd) != 0) {
		e = errno;
		return record_error(err, "record", key, key_len, " in %s was replaced but syncing the directory failed: %s; it may not survive a crash",
			fs->path, errtext(e, ebuf, sizeof ebuf));
	}
	/* One whole frame: an append may follow unread. As the file is after
	 * the rename (which changed its ctime), and only while it is ours. */
	struct stat now;
	if (known && for_appends && fstatat(fs->dirfd, rec, &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_dev == made.st_dev && now.st_ino == made.st_ino
		&& now.st_size == made.st_size) {
		remember_append(fs, key, key_len, &now, value, value_len, header + 16);
	}
	return SQZ_OK;

fail:
	unlinkat(fs->dirfd, tmp, 0);
	return record_error(err, "cannot write record", key, key_len, " in %s: %s failed: %s; check free space and that the directory is writable",
		fs->path, step, errtext(e, ebuf, sizeof ebuf));
}

static sqz_status fs_put(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	return put_record(ctx, key, key_len, value, value_len, 0, err);
}

/* Whether the record file open at fd (size bytes) ends right after a
 * complete, intact frame: the only kind of file an append may extend. */
static int ends_clean(int fd, off_t size)
{
	if (size <= 0 || size > APPEND_MAX) {
		return 0;
	}
	char *data = sqz_malloc((size_t)size);
	if (!data) {
		return 0;
	}
	size_t got = 0;
	while (got < (size_t)size) {
		ssize_t n = pread(fd, data + got, (size_t)size - got, (off_t)got);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			break;
		}
		got += (size_t)n;
	}
	char why[200];
	int clean = 0;
	int ok = got == (size_t)size && !find_value(data, got, NULL, NULL, NULL, NULL, &clean, why, sizeof why) && clean;
	sqz_free(data);
	return ok;
}

/* The frame put_often appends for value: a change of the value the file
 * gives now (known: the one this store wrote last), keeping their common
 * first bytes, when that is less than half of the value's bytes — the
 * import journal gains an entry at its end per message, so a change is a
 * few hundred bytes where the value is tens of KB — else the whole value.
 * NULL with err filled when it cannot be made. */
static unsigned char *make_frame(const appended_record *known, const char *value, size_t value_len, size_t *frame_len, sqz_error *err)
{
	size_t kept = 0;
	if (known) {
		size_t most = known->value_len < value_len ? known->value_len : value_len;
		while (most - kept >= 64 && memcmp(known->value + kept, value + kept, 64) == 0) {
			kept += 64;
		}
		while (kept < most && known->value[kept] == value[kept]) {
			kept++;
		}
	}
	int change = known && CHANGE_HEAD + (value_len - kept) < value_len / 2;
	size_t payload_len = change ? CHANGE_HEAD + (value_len - kept) : value_len;
	unsigned char *frame = sqz_malloc(HEADER_LEN + payload_len);
	if (!frame) {
		sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		return NULL;
	}
	unsigned char *payload = frame + HEADER_LEN;
	if (change) {
		memcpy(payload, known->checksum, SQZ_SHA256_LEN);
		put_be64(payload + SQZ_SHA256_LEN, (uint64_t)kept);
		memcpy(payload + CHANGE_HEAD, value + kept, value_len - kept);
	} else {
		memcpy(payload, value, value_len);
	}
	if (frame_header(change ? CHANGE_VERSION : RECORD_VERSION, payload, payload_len, frame) != 0) {
		sqz_free(frame);
		sqz_error_set(err, SQZ_E_INTERNAL, "SHA-256 failed");
		return NULL;
	}
	*frame_len = HEADER_LEN + payload_len;
	return frame;
}

/* One append of value's frame to the record file rec. Returns 1 when it
 * is appended and synced; 0 when the record needs a put instead (missing,
 * about to outgrow APPEND_MAX, not ending on a whole frame, or the write
 * failed: the put replaces the cut frame or says why it cannot write); 2
 * when a put replaced the file meanwhile (the frame went to the old one:
 * again); -1 with err filled when the sync failed or memory ran out. */
static int append_frame(sqz_filestore *fs, const char *key, size_t key_len, const char *rec, const char *value, size_t value_len,
	sqz_error *err)
{
	char ebuf[128];
	int fd = openat(fs->dirfd, rec, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		return 0;
	}
	/* A file with another hard link (a backup made with cp -al) is never
	 * changed in place: the put gives the record a file of its own. */
	/* Appends of this version are one at a time (the lock goes with the
	 * descriptor): a change names the frame before it, so another
	 * writer's frame between the look at the file and the write would
	 * break the chain. */
	struct stat st;
	int known = 0;
	if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1
		|| !((known = appended_before(fs, key, key_len, &st)) || ends_clean(fd, st.st_size))) {
		close(fd);
		return 0;
	}
	size_t frame_len = 0;
	unsigned char *frame = make_frame(known && fs->appended.value ? &fs->appended : NULL, value, value_len, &frame_len, err);
	if (!frame) {
		close(fd);
		return -1;
	}
	off_t before = st.st_size;
	if ((uint64_t)st.st_size + frame_len > APPEND_MAX || write_all(fd, frame, frame_len) != 0) {
		sqz_free(frame);
		close(fd);
		return 0;
	}
	/* A writer that takes no lock (sqzgraph before 0.7.0) may still have
	 * appended first: a change then follows the wrong frame, so the whole
	 * value goes after it, before the sync. */
	off_t cut = before, at = lseek(fd, 0, SEEK_CUR);
	int alone = at == before + (off_t)frame_len;
	if (!alone && frame[4] == CHANGE_VERSION) {
		cut = at - (off_t)frame_len;
		sqz_free(frame);
		if (!(frame = make_frame(NULL, value, value_len, &frame_len, err))) {
			close(fd);
			return -1;
		}
		if (write_all(fd, frame, frame_len) != 0) {
			sqz_free(frame);
			close(fd);
			return 0;
		}
	}
	if (fdatasync(fd) != 0) {
		int e = errno;
		sqz_free(frame);
		/* Not durable, so not the value: a reader must not see it. */
		if (cut >= 0 && ftruncate(fd, cut) == 0) {
			(void)fdatasync(fd);
		}
		close(fd);
		record_error(err, "cannot write record", key, key_len, " in %s: syncing the appended record failed: %s; check the disk and free space",
			fs->path, errtext(e, ebuf, sizeof ebuf));
		return -1;
	}
	/* Replaced meanwhile (a put renamed a new file over the name): the
	 * frame went to the old file. */
	struct stat now;
	int replaced = fstat(fd, &st) != 0 || fstatat(fs->dirfd, rec, &now, AT_SYMLINK_NOFOLLOW) != 0 || now.st_dev != st.st_dev
		|| now.st_ino != st.st_ino;
	close(fd);
	/* Remembered only when nothing else was appended after this frame: a
	 * change names the frame before it. */
	if (!replaced && alone && st.st_size == before + (off_t)frame_len) {
		remember_append(fs, key, key_len, &st, value, value_len, frame + 16);
	}
	sqz_free(frame);
	return replaced ? 2 : 1;
}

/* put_often: a put for a record one writer replaces many times in a row
 * (the import journal, once per message), with the same promise — durable
 * on return, a reader sees the old value or the new — at one sync instead
 * of two and no new file: a frame is appended to the record file and synced
 * (a change of the value before it, or the whole value: make_frame), and a
 * reader takes what the file's complete frames give. Every APPEND_MAX bytes (and
 * whenever the file is not what an append may extend) it is a put, which
 * leaves one frame again. */
static sqz_status fs_put_often(void *ctx, const char *key, size_t key_len, const char *value, size_t value_len, sqz_error *err)
{
	sqz_filestore *fs = ctx;
	char rec[NAME_BUF];
	if (value_len > APPEND_MAX / 4) {
		return put_record(fs, key, key_len, value, value_len, 1, err);
	}
	char *base = sqz_filestore_name(key, key_len);
	if (!base) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	file_name(rec, base, ".rec");
	sqz_free(base);
	int done = 0;
	for (int attempt = 0; attempt < 3 && done != 1 && done != -1; attempt++) {
		done = append_frame(fs, key, key_len, rec, value, value_len, err);
		if (done == 0) {
			break;
		}
	}
	if (done == 1) {
		return SQZ_OK;
	}
	if (done == -1) {
		return err->status;
	}
	return put_record(fs, key, key_len, value, value_len, 1, err);
}

static sqz_status fs_del(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	sqz_filestore *fs = ctx;
	char ebuf[128], rec[NAME_BUF];
	char *base = sqz_filestore_name(key, key_len);
	if (!base) {
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	file_name(rec, base, ".rec");
	sqz_free(base);
	if (unlinkat(fs->dirfd, rec, 0) != 0) {
		int e = errno;
		if (e == ENOENT) {
			return SQZ_OK;
		}
		return record_error(err, "cannot delete record", key, key_len, " in %s: unlink %s: %s", fs->path, rec, errtext(e, ebuf, sizeof ebuf));
	}
	if (fsync(fs->dirfd) != 0) {
		int e = errno;
		return record_error(err, "record", key, key_len, " in %s was deleted but syncing the directory failed: %s; it may reappear after a crash",
			fs->path, errtext(e, ebuf, sizeof ebuf));
	}
	return SQZ_OK;
}

/* ---- locks ---------------------------------------------------------- */

static held_lock *find_lock(sqz_filestore *fs, const char *key, size_t key_len)
{
	for (size_t i = 0; i < fs->lock_count; i++) {
		held_lock *l = &fs->locks[i];
		if (l->key_len == key_len && memcmp(l->key, key, key_len) == 0) {
			return l;
		}
	}
	return NULL;
}

static void sleep_jitter(double remaining)
{
	unsigned char r = 0;
	sqz_random_bytes(&r, 1);
	/* 10..50 ms, so that waiters do not poll in step. */
	double wait = 0.010 + (double)(r % 41) / 1000.0;
	if (wait > remaining) {
		wait = remaining;
	}
	struct timespec ts = { (time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9) };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
	}
}

static sqz_status fs_lock(void *ctx, const char *key, size_t key_len, double timeout, int *acquired, sqz_error *err)
{
	sqz_filestore *fs = ctx;
	char ebuf[128], name[NAME_BUF];
	*acquired = 0;

	held_lock *held = find_lock(fs, key, key_len);
	if (held) {
		held->count++;
		*acquired = 1;
		return SQZ_OK;
	}
	if (fs->lock_count == fs->lock_cap) {
		size_t cap = fs->lock_cap ? fs->lock_cap * 2 : 4;
		held_lock *grown = sqz_realloc(fs->locks, cap * sizeof *grown);
		if (!grown) {
			return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
		}
		fs->locks = grown;
		fs->lock_cap = cap;
	}
	char *key_copy = sqz_malloc(key_len + 1);
	char *base = sqz_filestore_name(key, key_len);
	if (!key_copy || !base) {
		sqz_free(key_copy);
		sqz_free(base);
		return sqz_error_set(err, SQZ_E_NOMEM, "out of memory");
	}
	memcpy(key_copy, key, key_len);
	key_copy[key_len] = '\0';
	file_name(name, base, ".lock");
	sqz_free(base);

	int fd = openat(fs->dirfd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
		}
		sqz_free(key_copy);
		return record_error(err, "cannot lock", key, key_len, " in %s: opening the lock file %s failed: %s", fs->path, name,
			errtext(e, ebuf, sizeof ebuf));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		sqz_free(key_copy);
		return record_error(err, "cannot lock", key, key_len, " in %s: %s is not a regular file; move it away", fs->path, name);
	}
	if ((st.st_mode & 07777) != 0600) {
		fchmod(fd, 0600);
	}

	if (isnan(timeout) || timeout < 0) {
		timeout = 0;
	}
	double deadline = sqz_clock_monotonic() + timeout;
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			break;
		}
		int e = errno;
		if (e == EINTR) {
			continue;
		}
		if (e != EWOULDBLOCK) {
			close(fd);
			sqz_free(key_copy);
			return record_error(err, "cannot lock", key, key_len, " in %s: flock %s: %s", fs->path, name, errtext(e, ebuf, sizeof ebuf));
		}
		double remaining = deadline - sqz_clock_monotonic();
		if (remaining <= 0) {
			close(fd);
			sqz_free(key_copy);
			return SQZ_OK;   /* timed out: *acquired stays 0 */
		}
		sleep_jitter(remaining);
	}

	held_lock *l = &fs->locks[fs->lock_count++];
	l->key = key_copy;
	l->key_len = key_len;
	l->fd = fd;
	l->count = 1;
	l->pid = getpid();
	*acquired = 1;
	return SQZ_OK;
}

static sqz_status fs_unlock(void *ctx, const char *key, size_t key_len, sqz_error *err)
{
	sqz_filestore *fs = ctx;
	held_lock *l = find_lock(fs, key, key_len);
	if (!l || --l->count > 0) {
		return SQZ_OK;
	}
	/* LOCK_UN first: a descriptor inherited by a forked child would
	 * otherwise keep the lock alive after our close. But only in the process
	 * that took the lock: the flock belongs to the open file that a forked
	 * copy (a handler that forks and exits) shares, and its LOCK_UN would
	 * free the parent's lock in the middle of the parent's import. */
	if (l->pid == getpid()) {
		flock(l->fd, LOCK_UN);
	}
	close(l->fd);
	sqz_free(l->key);
	*l = fs->locks[--fs->lock_count];
	return SQZ_OK;
}

static const sqz_store_ops filestore_ops = {
	fs_get,
	fs_put,
	fs_del,
	fs_lock,
	fs_unlock,
	fs_put_often,
};

sqz_store sqz_filestore_store(sqz_filestore *fs)
{
	sqz_store s = { &filestore_ops, fs };
	return s;
}
