/* filestore.c: records, names, modes, corruption, locks across processes. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core/alloc.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/http.h"
#include "core/filestore.h"

static char root[256];

static void rmrf(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		chmod(path, 0700);
		DIR *d = opendir(path);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
				continue;
			}
			char child[1024];
			snprintf(child, sizeof child, "%s/%s", path, e->d_name);
			rmrf(child);
		}
		if (d) {
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

static void sub(char *out, size_t len, const char *name)
{
	snprintf(out, len, "%s/%s", root, name);
}

static sqz_filestore *open_ok(const char *dir)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_filestore *fs = NULL;
	sqz_status st = sqz_filestore_open(dir, &fs, &err);
	CHECK_INT(st, SQZ_OK);
	if (st != SQZ_OK) {
		fprintf(stderr, "  open %s: %s\n", dir, err.message);
	}
	sqz_error_clear(&err);
	return fs;
}

static int put(sqz_store *s, const char *k, size_t kl, const char *v, size_t vl)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_store_put(s, k, kl, v, vl, &err);
	if (st != SQZ_OK) {
		fprintf(stderr, "  put: %s\n", err.message);
	}
	sqz_error_clear(&err);
	return st;
}

/* Returns the value (sqz_free) or NULL; *st receives the status. */
static char *get(sqz_store *s, const char *k, size_t kl, size_t *vl, sqz_status *st, sqz_error *err)
{
	char *v = NULL;
	*st = sqz_store_get(s, k, kl, &v, vl, err);
	return v;
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 ? (st.st_mode & 07777) : (mode_t)-1;
}

static void test_round_trip(void)
{
	char dir[1024];
	sub(dir, sizeof dir, "rt");
	sqz_filestore *fs = open_ok(dir);
	if (!fs) {
		return;
	}
	sqz_store s = sqz_filestore_store(fs);
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st;
	size_t vl = 99;

	char *v = get(&s, "missing", 7, &vl, &st, &err);
	CHECK_INT(st, SQZ_OK);
	CHECK(v == NULL);

	CHECK_INT(put(&s, "k", 1, "hello", 5), SQZ_OK);
	v = get(&s, "k", 1, &vl, &st, &err);
	CHECK_INT(st, SQZ_OK);
	CHECK_INT(vl, 5);
	CHECK_STR(v, "hello");
	sqz_free(v);

	/* overwrite, binary with NUL, empty */
	const char bin[] = { 'a', '\0', 'b', '\xff', '\0' };
	CHECK_INT(put(&s, "k", 1, bin, sizeof bin), SQZ_OK);
	v = get(&s, "k", 1, &vl, &st, &err);
	CHECK_INT(vl, sizeof bin);
	CHECK(v && memcmp(v, bin, sizeof bin) == 0);
	sqz_free(v);
	CHECK_INT(put(&s, "k", 1, "", 0), SQZ_OK);
	v = get(&s, "k", 1, &vl, &st, &err);
	CHECK(v != NULL);
	CHECK_INT(vl, 0);
	sqz_free(v);

	/* 1 MB */
	size_t big_len = 1 << 20;
	char *big = malloc(big_len);
	for (size_t i = 0; i < big_len; i++) {
		big[i] = (char)(i * 7 + (i >> 8));
	}
	CHECK_INT(put(&s, "big", 3, big, big_len), SQZ_OK);
	v = get(&s, "big", 3, &vl, &st, &err);
	CHECK_INT(vl, big_len);
	CHECK(v && memcmp(v, big, big_len) == 0);
	sqz_free(v);
	free(big);

	/* delete, delete missing */
	CHECK_INT(sqz_store_delete(&s, "k", 1, &err), SQZ_OK);
	v = get(&s, "k", 1, &vl, &st, &err);
	CHECK_INT(st, SQZ_OK);
	CHECK(v == NULL);
	CHECK_INT(sqz_store_delete(&s, "k", 1, &err), SQZ_OK);

	/* durable across store objects */
	CHECK_INT(put(&s, "again", 5, "x", 1), SQZ_OK);
	sqz_filestore_close(fs);
	fs = open_ok(dir);
	s = sqz_filestore_store(fs);
	v = get(&s, "again", 5, &vl, &st, &err);
	CHECK_STR(v, "x");
	sqz_free(v);
	sqz_filestore_close(fs);
	sqz_error_clear(&err);
}

static void check_name(const char *key, size_t len, const char *expected)
{
	char *name = sqz_filestore_name(key, len);
	CHECK_STR(name, expected);
	sqz_free(name);
}

static void test_names(void)
{
	check_name("abc", 3, "k-abc");
	check_name("token:0f3A", 10, "k-token~3A0f3A");
	check_name("a/b", 3, "k-a~2Fb");
	check_name("..", 2, "k-..");
	check_name(".hidden", 7, "k-.hidden");
	check_name("", 0, "k-");
	check_name("~", 1, "k-~7E");
	check_name("a\0b", 3, "k-a~00b");
	check_name("\xc3\xa9", 2, "k-~C3~A9");
	check_name("h-x", 3, "k-h-x");

	/* 198 kept bytes = 200-byte name: readable; one more: hashed. */
	char key[10240];
	memset(key, 'a', sizeof key);
	char *name = sqz_filestore_name(key, 198);
	CHECK_INT(strlen(name), 200);
	CHECK(strncmp(name, "k-aaa", 5) == 0);
	sqz_free(name);
	char hex[65], expected[80];
	sqz_sha256_hex(key, 199, hex);
	snprintf(expected, sizeof expected, "h-%s", hex);
	check_name(key, 199, expected);
	sqz_sha256_hex(key, sizeof key, hex);
	snprintf(expected, sizeof expected, "h-%s", hex);
	check_name(key, sizeof key, expected);
	/* escapes count three: 66 of them make a 200-byte name, 67 are hashed */
	memset(key, '/', 67);
	name = sqz_filestore_name(key, 66);
	CHECK_INT(strlen(name), 200);
	CHECK(strncmp(name, "k-~2F~2F", 8) == 0);
	sqz_free(name);
	name = sqz_filestore_name(key, 67);
	CHECK(strncmp(name, "h-", 2) == 0);
	sqz_free(name);
}

/* Tricky keys: distinct names, distinct records, and no file escapes. */
static void test_tricky_keys(void)
{
	static const struct {
		const char *k;
		size_t len;
	} keys[] = {
		{ "a", 1 },
		{ "A", 1 },
		{ "a/b", 3 },
		{ "a~2Fb", 5 },
		{ "a~2fb", 5 },
		{ "..", 2 },
		{ ".", 1 },
		{ "../../etc/passwd", 16 },
		{ "/abs", 4 },
		{ "", 0 },
		{ "\0", 1 },
		{ "\0\0", 2 },
		{ "a\0", 2 },
		{ "a.lock", 6 },
		{ "a.rec", 5 },
		{ "a.rec.tmp-0011223344556677", 26 },
		{ "k-a", 3 },
		{ "h-0000000000000000000000000000000000000000000000000000000000000000", 66 },
		{ "\xc3\xa9t\xc3\xa9", 6 },
		{ "\xff\xfe", 2 },
		{ "with space", 10 },
		{ "~41", 3 },
		{ "A", 1 },
	};
	size_t n = sizeof keys / sizeof keys[0];
	char *names[32];
	for (size_t i = 0; i < n; i++) {
		names[i] = sqz_filestore_name(keys[i].k, keys[i].len);
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			int same_key = keys[i].len == keys[j].len && memcmp(keys[i].k, keys[j].k, keys[i].len) == 0;
			CHECK(same_key == (strcmp(names[i], names[j]) == 0));
		}
		CHECK(names[i][0] != '.');
		CHECK(strchr(names[i], '/') == NULL);
		sqz_free(names[i]);
	}

	char dir[1024];
	sub(dir, sizeof dir, "tricky");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	sqz_error err = SQZ_ERROR_INIT;
	for (size_t i = 0; i < n; i++) {
		char value[16];
		snprintf(value, sizeof value, "v%zu", i);
		put(&s, keys[i].k, keys[i].len, value, strlen(value));
		int got = 0;
		CHECK_INT(sqz_store_lock(&s, keys[i].k, keys[i].len, 0, &got, &err), SQZ_OK);
		CHECK_INT(got, 1);
	}
	/* the second "A" overwrote the first */
	for (size_t i = 0; i < n; i++) {
		char value[16];
		size_t last = i;
		for (size_t j = 0; j < n; j++) {
			if (keys[j].len == keys[i].len && memcmp(keys[j].k, keys[i].k, keys[i].len) == 0) {
				last = j;
			}
		}
		snprintf(value, sizeof value, "v%zu", last);
		size_t vl;
		sqz_status st;
		char *v = get(&s, keys[i].k, keys[i].len, &vl, &st, &err);
		CHECK_STR(v, value);
		sqz_free(v);
	}
	sqz_filestore_close(fs);

	/* Only our kinds of files, directly inside the directory. */
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0, odd = 0;
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
			continue;
		}
		files++;
		size_t l = strlen(e->d_name);
		int rec = l > 4 && strcmp(e->d_name + l - 4, ".rec") == 0;
		int lock = l > 5 && strcmp(e->d_name + l - 5, ".lock") == 0;
		if (e->d_name[0] == '.' || !(rec || lock) || (strncmp(e->d_name, "k-", 2) != 0 && strncmp(e->d_name, "h-", 2) != 0)) {
			odd++;
			fprintf(stderr, "  unexpected file %s\n", e->d_name);
		}
	}
	if (d) {
		closedir(d);
	}
	CHECK_INT(odd, 0);
	CHECK_INT(files, 2 * (int)(n - 1));   /* "A" twice */
	char outside[1024];
	snprintf(outside, sizeof outside, "%s/etc", root);
	CHECK(access(outside, F_OK) != 0);
	sqz_error_clear(&err);
}

static void test_modes(void)
{
	char dir[1024], file[1400];
	mode_t old = umask(0);
	sub(dir, sizeof dir, "modes/a/b/leaf");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(mode_of(dir), 0700);
	put(&s, "k", 1, "v", 1);
	int got = 0;
	sqz_store_lock(&s, "k", 1, 0, &got, &err);
	snprintf(file, sizeof file, "%s/k-k.rec", dir);
	CHECK_INT(mode_of(file), 0600);
	snprintf(file, sizeof file, "%s/k-k.lock", dir);
	CHECK_INT(mode_of(file), 0600);
	sqz_filestore_close(fs);

	/* A umask that removes everything must not matter either. */
	umask(0777);
	sub(dir, sizeof dir, "modes/masked");
	fs = open_ok(dir);
	umask(0);
	CHECK_INT(mode_of(dir), 0700);
	if (fs) {
		umask(0777);
		s = sqz_filestore_store(fs);
		put(&s, "k", 1, "v", 1);
		sqz_store_lock(&s, "k", 1, 0, &got, &err);
		umask(0);
		snprintf(file, sizeof file, "%s/k-k.rec", dir);
		CHECK_INT(mode_of(file), 0600);
		snprintf(file, sizeof file, "%s/k-k.lock", dir);
		CHECK_INT(mode_of(file), 0600);
		sqz_filestore_close(fs);
	}

	/* An existing directory open to others is refused, never changed: the
	 * administrator decides (it may be shared on purpose). */
	sub(dir, sizeof dir, "modes/open");
	mkdir(dir, 0777);
	chmod(dir, 0755);
	fs = (sqz_filestore *)1;
	CHECK_INT(sqz_filestore_open(dir, &fs, &err), SQZ_E_STORE);
	CHECK(fs == NULL);
	CHECK(err.message && strstr(err.message, "has mode 0755") && strstr(err.message, "chmod 700 "));
	CHECK_INT(mode_of(dir), 0755);
	sqz_error_clear(&err);
	chmod(dir, 0700);
	fs = open_ok(dir);
	sqz_filestore_close(fs);
	umask(old);
	sqz_error_clear(&err);
}

static void test_open_errors(void)
{
	char dir[2048], file[1024];
	sqz_error err = SQZ_ERROR_INIT;
	sqz_filestore *fs = (sqz_filestore *)1;

	CHECK_INT(sqz_filestore_open("", &fs, &err), SQZ_E_STORE);
	CHECK(fs == NULL);
	sqz_error_clear(&err);

	/* a parent that is a regular file */
	sub(file, sizeof file, "plainfile");
	FILE *f = fopen(file, "w");
	fclose(f);
	snprintf(dir, sizeof dir, "%s/sub/store", file);
	CHECK_INT(sqz_filestore_open(dir, &fs, &err), SQZ_E_STORE);
	char expected[4000];
	snprintf(expected, sizeof expected, "cannot use %s as the FileStore directory: %s is a file, not a directory", dir, file);
	CHECK(err.message && strncmp(err.message, expected, strlen(expected)) == 0);
	if (!err.message || strncmp(err.message, expected, strlen(expected)) != 0) {
		fprintf(stderr, "  got: %s\n", err.message);
	}
	sqz_error_clear(&err);

	/* the path itself is a file */
	CHECK_INT(sqz_filestore_open(file, &fs, &err), SQZ_E_STORE);
	CHECK(err.message && strstr(err.message, "is a file, not a directory"));
	sqz_error_clear(&err);

	/* owned by another user: only root can set that up */
	if (geteuid() == 0) {
		sub(dir, sizeof dir, "foreign");
		mkdir(dir, 0700);
		CHECK_INT(chown(dir, 65534, 65534), 0);
		CHECK_INT(sqz_filestore_open(dir, &fs, &err), SQZ_E_STORE);
		CHECK(err.message && strstr(err.message, "belongs to") && strstr(err.message, "this process runs as"));
		sqz_error_clear(&err);
		CHECK_INT(mode_of(dir), 0700);
	}
}

static void write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK_INT(write(fd, data, len), (long long)len);
	close(fd);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		return NULL;
	}
	size_t cap = 1 << 16, got = 0, n;
	char *buf = malloc(cap);
	while (buf && (n = fread(buf + got, 1, cap - got, f)) > 0) {
		got += n;
		if (got == cap) {
			buf = realloc(buf, cap *= 2);
		}
	}
	fclose(f);
	*len = got;
	return buf;
}

/* get of key must fail with a message that starts with prefix and holds part. */
static void expect_get_error(sqz_store *s, const char *key, const char *prefix, const char *part)
{
	sqz_error err = SQZ_ERROR_INIT;
	size_t vl;
	sqz_status st;
	char *v = get(s, key, strlen(key), &vl, &st, &err);
	CHECK_INT(st, SQZ_E_STORE);
	CHECK(v == NULL);
	CHECK(err.message && strncmp(err.message, prefix, strlen(prefix)) == 0);
	CHECK(err.message && strstr(err.message, part));
	if (!err.message || strncmp(err.message, prefix, strlen(prefix)) != 0 || !strstr(err.message, part)) {
		fprintf(stderr, "  got: %s\n  want: %s ... %s\n", err.message, prefix, part);
	}
	CHECK_STR(err.key, key);
	sqz_free(v);
	sqz_error_clear(&err);
}

static void test_corruption(void)
{
	char dir[1024], rec[1400], prefix[1600];
	sub(dir, sizeof dir, "corrupt");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	snprintf(rec, sizeof rec, "%s/k-k.rec", dir);
	snprintf(prefix, sizeof prefix, "record 'k' in %s is corrupt (k-k.rec: ", dir);
	const char *tail = "); restore it from a backup or delete it and authorize again";

	put(&s, "k", 1, "the value", 9);
	size_t len;
	char *orig = read_file(rec, &len);
	CHECK_INT(len, 48 + 9);
	CHECK(memcmp(orig, "SQZR\x01\0\0\0", 8) == 0);

	/* truncated into the header, truncated into the data */
	CHECK_INT(truncate(rec, 10), 0);
	expect_get_error(&s, "k", prefix, "truncated to 10 bytes, shorter than the 48-byte header");
	expect_get_error(&s, "k", prefix, tail);
	write_file(rec, orig, len - 1);
	expect_get_error(&s, "k", prefix, "the header announces 9 bytes of data but the file holds 8");
	write_file(rec, orig, 0);
	expect_get_error(&s, "k", prefix, "the file is empty");

	/* every single flipped byte is detected */
	for (size_t i = 0; i < len; i++) {
		char copy[128];
		memcpy(copy, orig, len);
		copy[i] ^= 0x20;
		write_file(rec, copy, len);
		sqz_error err = SQZ_ERROR_INIT;
		char *v = NULL;
		size_t vl;
		if (sqz_store_get(&s, "k", 1, &v, &vl, &err) != SQZ_E_STORE || v) {
			CHECK(!"flipped byte not detected");
			fprintf(stderr, "  offset %zu\n", i);
		}
		sqz_free(v);
		sqz_error_clear(&err);
	}
	char copy[128];
	memcpy(copy, orig, len);
	copy[len - 1] ^= 1;
	write_file(rec, copy, len);
	expect_get_error(&s, "k", prefix, "checksum mismatch: the data was altered");
	memcpy(copy, orig, len);
	copy[4] = 3;
	write_file(rec, copy, len);
	expect_get_error(&s, "k", prefix, "record format version 3, this sqzgraph reads versions 1 and 2 (written by a newer sqzgraph?)");
	/* version 2 is a change to the value before it (put_often), never a file's first frame */
	copy[4] = 2;
	write_file(rec, copy, len);
	expect_get_error(&s, "k", prefix, "the file starts with a change to a value, not with a value");

	/* a foreign file */
	write_file(rec, "{\"access_token\":\"x\"}", 20);
	expect_get_error(&s, "k", prefix, "not a sqzgraph record: the file does not start with SQZR");

	/* unreadable: a directory, a symlink */
	unlink(rec);
	mkdir(rec, 0700);
	char expected[1800];
	snprintf(expected, sizeof expected, "cannot read record 'k' in %s: k-k.rec is a directory, not a record file; move it away", dir);
	expect_get_error(&s, "k", expected, "");
	rmdir(rec);
	CHECK_INT(symlink("/etc/hostname", rec), 0);
	expect_get_error(&s, "k", "cannot read record 'k' in ", "k-k.rec is a symbolic link");
	unlink(rec);

	/* the key in messages: binary shown escaped */
	char bin_rec[1400];
	snprintf(bin_rec, sizeof bin_rec, "%s/k-a~00~0A.rec", dir);
	write_file(bin_rec, "junk", 4);
	sqz_error err = SQZ_ERROR_INIT;
	char *v = NULL;
	size_t vl;
	CHECK_INT(sqz_store_get(&s, "a\0\n", 3, &v, &vl, &err), SQZ_E_STORE);
	CHECK_STR(err.key, "a\\x00\\x0a");
	sqz_error_clear(&err);

	free(orig);
	sqz_filestore_close(fs);
}

static int count_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d)) != NULL) {
		n += strstr(e->d_name, ".tmp-") != NULL;
	}
	if (d) {
		closedir(d);
	}
	return n;
}

static void test_atomicity(void)
{
	char dir[1024], tmp[1600], rec[1400];
	sub(dir, sizeof dir, "atomic");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	sqz_error err = SQZ_ERROR_INIT;
	put(&s, "k", 1, "old", 3);
	CHECK_INT(count_temps(dir), 0);

	/* A crash between the temp write and the rename: the old record stands. */
	snprintf(tmp, sizeof tmp, "%s/k-k.rec.tmp-0123456789abcdef", dir);
	write_file(tmp, "SQZR\x01 half written", 18);
	size_t vl;
	sqz_status st;
	char *v = get(&s, "k", 1, &vl, &st, &err);
	CHECK_STR(v, "old");
	sqz_free(v);
	sqz_filestore_close(fs);

	/* A fresh temp file may belong to a live put: kept. An hour-old one: swept. */
	fs = open_ok(dir);
	sqz_filestore_close(fs);
	CHECK_INT(count_temps(dir), 1);
	struct timespec times[2] = { { time(NULL) - 7200, 0 }, { time(NULL) - 7200, 0 } };
	CHECK_INT(utimensat(AT_FDCWD, tmp, times, 0), 0);
	fs = open_ok(dir);
	CHECK_INT(count_temps(dir), 0);
	s = sqz_filestore_store(fs);

	/* A failed put leaves no temp file and keeps the old state: the
	 * record name is taken by a directory, so the rename fails. */
	snprintf(rec, sizeof rec, "%s/k-blocked.rec", dir);
	mkdir(rec, 0700);
	char sub_file[1600];
	snprintf(sub_file, sizeof sub_file, "%s/x", rec);
	write_file(sub_file, "x", 1);
	CHECK_INT(sqz_store_put(&s, "blocked", 7, "new", 3, &err), SQZ_E_STORE);
	char expected[1800];
	snprintf(expected, sizeof expected, "cannot write record 'blocked' in %s: rename failed: ", dir);
	CHECK(err.message && strncmp(err.message, expected, strlen(expected)) == 0);
	sqz_error_clear(&err);
	CHECK_INT(count_temps(dir), 0);
	unlink(sub_file);
	rmdir(rec);

	/* delete of a directory in the way is an error, not "missing" */
	sqz_filestore_close(fs);
	sqz_error_clear(&err);
}

static int put_often(sqz_store *s, const char *k, const char *v)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_store_put_often(s, k, strlen(k), v, strlen(v), &err);
	if (st != SQZ_OK) {
		fprintf(stderr, "  put_often: %s\n", err.message);
	}
	sqz_error_clear(&err);
	return st;
}

static ino_t inode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

static int frames_of(const char *path, char version)
{
	size_t len = 0;
	char *data = read_file(path, &len);
	char head[8] = { 'S', 'Q', 'Z', 'R', version, 0, 0, 0 };
	int n = 0;
	for (size_t i = 0; data && i + 8 <= len; i++) {
		n += memcmp(data + i, head, 8) == 0;
	}
	free(data);
	return n;
}

static void expect_value(sqz_store *s, const char *k, const char *want)
{
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st;
	size_t vl = 0;
	char *v = get(s, k, strlen(k), &vl, &st, &err);
	CHECK_INT(st, SQZ_OK);
	CHECK_STR(v, want);
	if (st != SQZ_OK) {
		fprintf(stderr, "  get %s: %s\n", k, err.message);
	}
	sqz_free(v);
	sqz_error_clear(&err);
}

/* put_often: an append and one sync per write, the same value as a put
 * would leave, a cut last frame read as the write that never finished. */
static void test_put_often(void)
{
	char dir[1024], rec[1400], prefix[1600];
	sub(dir, sizeof dir, "often");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	snprintf(rec, sizeof rec, "%s/k-j.rec", dir);
	snprintf(prefix, sizeof prefix, "record 'j' in %s is corrupt (k-j.rec: ", dir);

	/* No record yet: a put. Then appends to the same file. */
	CHECK_INT(put_often(&s, "j", "v1"), SQZ_OK);
	ino_t first = inode_of(rec);
	CHECK_INT(frames_of(rec, 1), 1);
	CHECK_INT(put_often(&s, "j", "value two"), SQZ_OK);
	CHECK_INT(put_often(&s, "j", "3"), SQZ_OK);
	CHECK(inode_of(rec) == first);
	CHECK_INT(frames_of(rec, 1), 3);
	CHECK_INT(mode_of(rec), 0600);
	expect_value(&s, "j", "3");
	CHECK_INT(count_temps(dir), 0);

	/* Another store (another process) reads the newest value too. */
	sqz_filestore *other = open_ok(dir);
	sqz_store o = sqz_filestore_store(other);
	expect_value(&o, "j", "3");

	/* A frame cut short (the writer died in write()) is the write that did
	 * not happen: the frame before it is the value. */
	size_t len = 0;
	char *whole = read_file(rec, &len);
	CHECK_INT(put_often(&s, "j", "the fourth value"), SQZ_OK);
	size_t len4 = 0;
	char *four = read_file(rec, &len4);
	CHECK_INT(len4, len + 48 + 16);
	for (size_t cut = len + 1; cut < len4; cut += 7) {
		write_file(rec, four, cut);
		expect_value(&o, "j", "3");
	}
	/* The next append does not extend a cut file: it is rewritten whole. */
	write_file(rec, four, len4 - 3);
	CHECK_INT(put_often(&o, "j", "five"), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 1);
	expect_value(&s, "j", "five");

	/* A put by another store replaces the file; appends go to the new one. */
	CHECK_INT(put_often(&s, "j", "six"), SQZ_OK);
	CHECK_INT(put(&o, "j", 1, "seven", 5), SQZ_OK);
	CHECK_INT(put_often(&s, "j", "eight"), SQZ_OK);
	expect_value(&o, "j", "eight");
	CHECK_INT(frames_of(rec, 1), 2);

	/* A complete last frame that fails its checksum is corruption, never
	 * an older value; so are bytes after the frames that are not a frame. */
	free(whole);
	whole = read_file(rec, &len);
	whole[len - 1] ^= 1;
	write_file(rec, whole, len);
	expect_get_error(&s, "j", prefix, "checksum mismatch: the data was altered");
	whole[len - 1] ^= 1;
	char *junk = malloc(len + 5);
	memcpy(junk, whole, len);
	memcpy(junk + len, "junk!", 5);
	write_file(rec, junk, len + 5);
	expect_get_error(&s, "j", prefix, "5 bytes after the last complete record are not a record");
	free(junk);
	write_file(rec, whole, len);
	expect_value(&s, "j", "eight");
	free(four);

	/* The file is rewritten whole before it would pass 1 MiB. */
	char big[60001];
	memset(big, 'b', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	int rewritten = 0;
	ino_t before = inode_of(rec);
	for (int i = 0; i < 40; i++) {
		big[0] = (char)('A' + i % 26);
		CHECK_INT(put_often(&s, "j", big), SQZ_OK);
		struct stat st;
		CHECK_INT(stat(rec, &st), 0);
		CHECK(st.st_size <= 1024 * 1024);
		if (inode_of(rec) != before) {
			rewritten++;
			before = inode_of(rec);
		}
	}
	CHECK(rewritten >= 2);
	expect_value(&o, "j", big);

	/* A value too large to append is a put. */
	char *huge = malloc(300001);
	memset(huge, 'h', 300000);
	huge[300000] = '\0';
	CHECK_INT(put_often(&s, "j", huge), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 1);
	expect_value(&o, "j", huge);
	free(huge);

	/* A file with another hard link (a backup by cp -al) is never changed
	 * in place: the record gets a file of its own, the backup stays. */
	char backup[1600];
	snprintf(backup, sizeof backup, "%s/backup-of-j", dir);
	CHECK_INT(put_often(&s, "j", "linked"), SQZ_OK);
	CHECK_INT(link(rec, backup), 0);
	size_t blen = 0, blen2 = 0;
	free(read_file(backup, &blen));
	CHECK_INT(put_often(&s, "j", "after the link"), SQZ_OK);
	free(read_file(backup, &blen2));
	CHECK_INT(blen2, blen);
	CHECK(inode_of(rec) != inode_of(backup));
	expect_value(&o, "j", "after the link");
	unlink(backup);

	/* Zeros after the last frame (a crashed append on a file system that
	 * kept the new size but not the bytes) are no value; the next append
	 * rewrites the file. */
	free(whole);
	whole = read_file(rec, &len);
	char *zeros = calloc(1, len + 30);
	memcpy(zeros, whole, len);
	write_file(rec, zeros, len + 30);
	expect_value(&o, "j", "after the link");
	CHECK_INT(put_often(&s, "j", "past the zeros"), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 1);
	expect_value(&o, "j", "past the zeros");
	free(zeros);
	free(whole);

	/* Deleted: the next put_often creates it again. */
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_store_delete(&s, "j", 1, &err), SQZ_OK);
	CHECK_INT(put_often(&s, "j", "again"), SQZ_OK);
	expect_value(&o, "j", "again");
	sqz_error_clear(&err);

	/* A reader in another process never sees a mix while appends go on. */
	pid_t child = fork();
	if (child == 0) {
		sqz_filestore *r = NULL;
		sqz_error e = SQZ_ERROR_INIT;
		if (sqz_filestore_open(dir, &r, &e) != SQZ_OK) {
			_exit(2);
		}
		sqz_store rs = sqz_filestore_store(r);
		for (int i = 0; i < 2000; i++) {
			char *v = NULL;
			size_t vl = 0;
			if (sqz_store_get(&rs, "j", 1, &v, &vl, &e) != SQZ_OK || !v || (strcmp(v, "again") != 0 && strncmp(v, "round ", 6) != 0)) {
				_exit(1);
			}
			sqz_free(v);
		}
		_exit(0);
	}
	for (int i = 0; i < 300; i++) {
		char v[64];
		snprintf(v, sizeof v, "round %d of appends, padded to vary the length %*s", i, i % 17, "");
		put_often(&s, "j", v);
	}
	int status = 0;
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	sqz_filestore_close(other);
	sqz_filestore_close(fs);
}

static off_t size_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size : -1;
}

/* Appends a change frame (version 2) naming `previous` and keeping `kept`
 * bytes, with a checksum that holds. */
static void append_change(const char *path, const unsigned char *previous, uint64_t kept, const char *tail)
{
	size_t tl = strlen(tail), n = 40 + tl;
	unsigned char frame[48 + 40 + 256];
	memcpy(frame, "SQZR\x02\0\0\0", 8);
	for (int i = 0; i < 8; i++) {
		frame[8 + i] = (unsigned char)((uint64_t)n >> (56 - 8 * i));
		frame[48 + 32 + i] = (unsigned char)(kept >> (56 - 8 * i));
	}
	memcpy(frame + 48, previous, 32);
	memcpy(frame + 88, tail, tl);
	sqz_sha256(frame + 48, n, frame + 16);
	int fd = open(path, O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, frame, 48 + n) == (ssize_t)(48 + n));
	close(fd);
}

/* put_often of a value that mostly stays (the journal gains an entry at its
 * end): a change frame of the bytes after the kept ones, read back as the
 * whole value by any store; a value that changes early is a whole frame; a
 * change cut short is the value before it; a change that fails its
 * checksum, names another frame or keeps more than there is is corruption. */
static void test_put_often_changes(void)
{
	char dir[1024], rec[1400], prefix[1600];
	sub(dir, sizeof dir, "changes");
	sqz_filestore *fs = open_ok(dir), *other = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs), o = sqz_filestore_store(other);
	snprintf(rec, sizeof rec, "%s/k-j.rec", dir);
	snprintf(prefix, sizeof prefix, "record 'j' in %s is corrupt (k-j.rec: ", dir);

	static char value[30000];
	memset(value, 'e', 20000);
	memcpy(value, "{\"v\":1,\"entries\":{", 18);
	strcpy(value + 20000, "}}");
	CHECK_INT(put_often(&s, "j", value), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 1);
	off_t size = size_of(rec);
	const size_t entry = strlen(",\"m0\":\"started......\"");
	for (int i = 0; i < 5; i++) {
		/* the entry goes before the closing "}}": the change is the entry and the "}}" */
		snprintf(value + strlen(value) - 2, 40, ",\"m%d\":\"started......\"}}", i);
		CHECK_INT(put_often(&s, "j", value), SQZ_OK);
		off_t now = size_of(rec);
		CHECK_INT(now - size, (off_t)(48 + 40 + entry + 2));
		size = now;
		expect_value(&o, "j", value);
	}
	CHECK_INT(frames_of(rec, 1), 1);
	CHECK_INT(frames_of(rec, 2), 5);

	/* A change cut short is the append that did not finish. */
	size_t len = 0;
	char *whole = read_file(rec, &len);
	for (size_t cut = len - (48 + 40 + entry + 2) + 1; cut < len; cut += 5) {
		write_file(rec, whole, cut);
		size_t vl = 0;
		sqz_status st;
		sqz_error err = SQZ_ERROR_INIT;
		char *v = get(&o, "j", 1, &vl, &st, &err);
		CHECK_INT(st, SQZ_OK);
		CHECK(v && vl == strlen(value) - entry && memcmp(v, value, vl - 2) == 0 && memcmp(v + vl - 2, "}}", 2) == 0);
		sqz_free(v);
		sqz_error_clear(&err);
	}
	/* The writer's next append does not extend the cut file: it is rewritten whole. */
	CHECK_INT(put_often(&s, "j", value), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 1);
	CHECK_INT(frames_of(rec, 2), 0);
	expect_value(&o, "j", value);

	/* A store that did not write the file appends the whole value first,
	 * then changes of it. */
	value[30] = 'X';
	CHECK_INT(put_often(&o, "j", value), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 2);
	strcpy(value + strlen(value) - 2, ",\"n\":1}}");
	CHECK_INT(put_often(&o, "j", value), SQZ_OK);
	CHECK_INT(frames_of(rec, 2), 1);
	expect_value(&s, "j", value);
	/* A value that changes early is a whole frame, not a change. */
	value[19] = 'Y';
	CHECK_INT(put_often(&o, "j", value), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 3);
	expect_value(&s, "j", value);
	strcpy(value + strlen(value) - 2, ",\"p\":2}}");
	CHECK_INT(put_often(&o, "j", value), SQZ_OK);
	CHECK_INT(frames_of(rec, 2), 2);
	expect_value(&s, "j", value);

	/* Damage anywhere from the last whole value on is corruption. */
	free(whole);
	whole = read_file(rec, &len);
	whole[len - 3] ^= 1;    /* in the last change's bytes */
	write_file(rec, whole, len);
	expect_get_error(&s, "j", prefix, "checksum mismatch: the data was altered");
	whole[len - 3] ^= 1;
	write_file(rec, whole, len);
	expect_value(&s, "j", value);
	unsigned char last_checksum[32], wrong[32];
	memcpy(last_checksum, whole + len - (48 + 40 + strlen(",\"p\":2}}")) + 16, 32);
	memset(wrong, 7, sizeof wrong);
	append_change(rec, wrong, 10, "x");
	expect_get_error(&s, "j", prefix, "a change does not follow the value it changes");
	write_file(rec, whole, len);
	append_change(rec, last_checksum, strlen(value) + 1, "x");
	expect_get_error(&s, "j", prefix, "a change keeps more bytes than the value it changes has");
	/* ... and one that holds is read as written: the first 10 bytes and an x. */
	write_file(rec, whole, len);
	append_change(rec, last_checksum, 10, "x");
	size_t vl = 0;
	sqz_status st;
	sqz_error err = SQZ_ERROR_INIT;
	char *v = get(&s, "j", 1, &vl, &st, &err);
	CHECK_INT(st, SQZ_OK);
	CHECK(v && vl == 11 && memcmp(v, value, 10) == 0 && v[10] == 'x' && v[11] == '\0');
	sqz_free(v);
	free(whole);

	/* A value that gets shorter (an entry dropped) is a change too. */
	CHECK_INT(put_often(&s, "j", value), SQZ_OK);
	int changes = frames_of(rec, 2);
	char shorter[30000];
	strcpy(shorter, value);
	strcpy(shorter + strlen(shorter) - strlen(",\"p\":2}}"), "}}");
	CHECK_INT(put_often(&s, "j", shorter), SQZ_OK);
	CHECK_INT(frames_of(rec, 2), changes + 1);
	expect_value(&o, "j", shorter);

	/* A plain put leaves one whole frame. */
	CHECK_INT(put(&s, "j", 1, "plain", 5), SQZ_OK);
	CHECK_INT(frames_of(rec, 1), 1);
	CHECK_INT(frames_of(rec, 2), 0);
	expect_value(&o, "j", "plain");
	sqz_error_clear(&err);
	sqz_filestore_close(other);
	sqz_filestore_close(fs);
}

/* Two processes appending to one record at once (appends take the file's
 * lock): every value read back is one a writer wrote, never "corrupt". */
static void test_put_often_concurrent(void)
{
	char dir[1024];
	sub(dir, sizeof dir, "often-concurrent");
	sqz_filestore *first = open_ok(dir);
	sqz_store s = sqz_filestore_store(first);
	static char base[20001];
	memset(base, 'e', 20000);
	CHECK_INT(put_often(&s, "j", base), SQZ_OK);
	sqz_filestore_close(first);
	pid_t child = fork();
	int bad = 0;
	const char *who = child == 0 ? "child" : "parent";
	sqz_filestore *fs = NULL;
	sqz_error err = SQZ_ERROR_INIT;
	if (sqz_filestore_open(dir, &fs, &err) != SQZ_OK) {
		bad++;
	}
	sqz_store w = sqz_filestore_store(fs);
	static char value[40000];
	strcpy(value, base);
	for (int i = 0; fs && i < 150; i++) {
		/* each writer's values grow by an entry: changes of its own last value */
		snprintf(value + strlen(value), 40, "%s%d;", who, i % 10);
		if (strlen(value) > 39000) {
			strcpy(value, base);
		}
		if (sqz_store_put_often(&w, "j", 1, value, strlen(value), &err) != SQZ_OK) {
			fprintf(stderr, "  %s put_often: %s\n", who, err.message);
			sqz_error_clear(&err);
			bad++;
			continue;
		}
		char *v = NULL;
		size_t vl = 0;
		if (sqz_store_get(&w, "j", 1, &v, &vl, &err) != SQZ_OK) {
			fprintf(stderr, "  %s get: %s\n", who, err.message);
			sqz_error_clear(&err);
			bad++;
		} else if (!v || vl < 20000 || memcmp(v, base, 20000) != 0) {
			bad++;
		}
		sqz_free(v);
	}
	sqz_filestore_close(fs);
	if (child == 0) {
		_exit(bad ? 1 : 0);
	}
	int status = 0;
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_INT(bad, 0);
}

/* An append waits for the record file's lock, which every append of this
 * version takes: a writer that holds it (here the test, appending a whole
 * frame of its own meanwhile) goes first, and the waiting append then
 * follows that frame — its value is the one read. Had it not waited, its
 * frame would be first and the test's value would be read. */
static void test_put_often_waits_for_lock(void)
{
	char dir[1024], rec[1400];
	sub(dir, sizeof dir, "often-lock");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	snprintf(rec, sizeof rec, "%s/k-j.rec", dir);
	static char value[20100];
	memset(value, 'e', 20000);
	value[20000] = '\0';
	CHECK_INT(put_often(&s, "j", value), SQZ_OK);
	int fd = open(rec, O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && flock(fd, LOCK_EX) == 0);
	pid_t child = fork();
	if (child == 0) {
		strcat(value, "child");
		sqz_error e = SQZ_ERROR_INIT;
		_exit(sqz_store_put_often(&s, "j", 1, value, strlen(value), &e) == SQZ_OK ? 0 : 1);
	}
	sqz_http_sleep(0.5);    /* the child's append is under way: waiting, or (without the lock) done */
	const char *mine = "the test's own value";
	size_t n = strlen(mine);
	unsigned char frame[48 + 64] = { 'S', 'Q', 'Z', 'R', 1, 0, 0, 0 };
	for (int i = 0; i < 8; i++) {
		frame[8 + i] = (unsigned char)((uint64_t)n >> (56 - 8 * i));
	}
	sqz_sha256(mine, n, frame + 16);
	memcpy(frame + 48, mine, n);
	CHECK(write(fd, frame, 48 + n) == (ssize_t)(48 + n));
	CHECK(flock(fd, LOCK_UN) == 0);
	close(fd);
	int status = 0;
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	strcat(value, "child");
	expect_value(&s, "j", value);
	sqz_filestore_close(fs);
}

/* A journal that cannot be read is not "authorize again": deleting it could
 * import mail twice. */
static void test_corrupt_journal_advice(void)
{
	char dir[1024], rec[1400], prefix[1600];
	sub(dir, sizeof dir, "journal-advice");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	sqz_error err = SQZ_ERROR_INIT;
	CHECK_INT(sqz_store_put(&s, "import.journal", 14, "{\"v\":1}", 7, &err), SQZ_OK);
	snprintf(rec, sizeof rec, "%s/k-import.journal.rec", dir);
	size_t len = 0;
	char *bytes = read_file(rec, &len);
	bytes[len - 1] ^= 1;
	write_file(rec, bytes, len);
	snprintf(prefix, sizeof prefix, "record 'import.journal' in %s is corrupt (k-import.journal.rec: ", dir);
	expect_get_error(&s, "import.journal", prefix,
		"checksum mismatch: the data was altered); restore it from a backup, or delete it after checking the Inbox by hand (a message "
		"it names as started or imported would be imported again)");
	free(bytes);
	sqz_error_clear(&err);
	sqz_filestore_close(fs);
}

static void test_locks_in_process(void)
{
	char dir[1024];
	sub(dir, sizeof dir, "locks");
	sqz_filestore *a = open_ok(dir), *b = open_ok(dir);
	sqz_store sa = sqz_filestore_store(a), sb = sqz_filestore_store(b);
	sqz_error err = SQZ_ERROR_INIT;
	int got = -1;

	CHECK_INT(sqz_store_lock(&sa, "L", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	/* another store object in the same process is excluded */
	double t0 = sqz_clock_monotonic();
	CHECK_INT(sqz_store_lock(&sb, "L", 1, 0.15, &got, &err), SQZ_OK);
	double waited = sqz_clock_monotonic() - t0;
	CHECK_INT(got, 0);
	CHECK(waited >= 0.15 && waited < 1.0);
	/* other keys are independent */
	CHECK_INT(sqz_store_lock(&sb, "M", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	/* re-entrant in the same store: counted */
	CHECK_INT(sqz_store_lock(&sa, "L", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	CHECK_INT(sqz_store_unlock(&sa, "L", 1, &err), SQZ_OK);
	CHECK_INT(sqz_store_lock(&sb, "L", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	CHECK_INT(sqz_store_unlock(&sa, "L", 1, &err), SQZ_OK);
	CHECK_INT(sqz_store_lock(&sb, "L", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	/* unlocking what is not held is a no-op */
	CHECK_INT(sqz_store_unlock(&sa, "L", 1, &err), SQZ_OK);
	CHECK_INT(sqz_store_unlock(&sa, "never", 5, &err), SQZ_OK);
	CHECK_INT(sqz_store_lock(&sa, "L", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	/* negative and NaN timeouts try once */
	CHECK_INT(sqz_store_lock(&sa, "L", 1, -1, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	CHECK_INT(sqz_store_lock(&sa, "L", 1, 0.0 / 0.0, &got, &err), SQZ_OK);
	CHECK_INT(got, 0);
	/* closing releases everything */
	sqz_filestore_close(b);
	CHECK_INT(sqz_store_lock(&sa, "L", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	CHECK_INT(sqz_store_lock(&sa, "M", 1, 0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	/* a lock is not a record */
	size_t vl;
	sqz_status st;
	char *v = get(&sa, "L", 1, &vl, &st, &err);
	CHECK(v == NULL);
	sqz_filestore_close(a);
	sqz_error_clear(&err);
}

/* A child process holds the lock; the parent times out, then acquires it
 * once the child is killed (the kernel drops a dead process's flocks). */
static void test_locks_across_fork(void)
{
	char dir[1024];
	sub(dir, sizeof dir, "forklock");
	sqz_filestore *fs = open_ok(dir);
	sqz_store s = sqz_filestore_store(fs);
	sqz_error err = SQZ_ERROR_INIT;
	int ready[2];
	CHECK_INT(pipe(ready), 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		sqz_filestore *mine = NULL;
		sqz_error e = SQZ_ERROR_INIT;
		int got = 0;
		if (sqz_filestore_open(dir, &mine, &e) == SQZ_OK) {
			sqz_store ms = sqz_filestore_store(mine);
			sqz_store_lock(&ms, "job", 3, 1, &got, &e);
		}
		char c = got ? 'L' : 'F';
		if (write(ready[1], &c, 1) != 1) {
			_exit(2);
		}
		for (;;) {
			pause();
		}
	}
	close(ready[1]);
	char c = 0;
	CHECK_INT(read(ready[0], &c, 1), 1);
	CHECK(c == 'L');
	close(ready[0]);

	int got = -1;
	double t0 = sqz_clock_monotonic();
	CHECK_INT(sqz_store_lock(&s, "job", 3, 0.25, &got, &err), SQZ_OK);
	double waited = sqz_clock_monotonic() - t0;
	CHECK_INT(got, 0);
	CHECK(waited >= 0.25 && waited < 1.5);

	kill(pid, SIGKILL);
	int status;
	waitpid(pid, &status, 0);
	CHECK_INT(sqz_store_lock(&s, "job", 3, 1.0, &got, &err), SQZ_OK);
	CHECK_INT(got, 1);
	sqz_filestore_close(fs);
	sqz_error_clear(&err);
}

int main(void)
{
	snprintf(root, sizeof root, "/tmp/sqz-test-filestore-%ld", (long)getpid());
	rmrf(root);
	mkdir(root, 0700);
	RUN(test_round_trip);
	RUN(test_names);
	RUN(test_tricky_keys);
	RUN(test_modes);
	RUN(test_open_errors);
	RUN(test_corruption);
	RUN(test_atomicity);
	RUN(test_put_often);
	RUN(test_put_often_changes);
	RUN(test_put_often_concurrent);
	RUN(test_put_often_waits_for_lock);
	RUN(test_corrupt_journal_advice);
	RUN(test_locks_in_process);
	RUN(test_locks_across_fork);
	rmrf(root);
	return check_summary();
}
