/* FileStore record framing (filestore.c): the bytes of a record file as a
 * crash, a full disk, an editor or an attacker with write access may leave
 * them (first byte even), and the key → file name map (first byte odd).
 * Properties: a record is returned only when magic, version, reserved
 * bytes, length and checksum all hold, and then byte-exact (the last whole
 * frame of a file put_often appended to, changed by the change frames after
 * it); anything else
 * is a StoreException ("corrupt"), never "no record". A name is injective,
 * printable, never a path, and a put/get/delete round trip works for any
 * key (NUL bytes, "../", 10 KB). */
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include "fuzz_support.h"
#include "core/crypto.h"
#include "core/filestore.h"

static char dir[256];
static sqz_filestore *fs;
static sqz_store view;
static char *token_rec;

static void remove_all(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[600];
	while (d && (e = readdir(d))) {
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	if (d) {
		closedir(d);
	}
	sqz_filestore_close(fs);
	rmdir(dir);
	free(token_rec);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof dir, "%s/sqz-fuzz-filestore-XXXXXX", base);
	FZ_ASSERT(mkdtemp(dir) != NULL);
	sqz_error err = SQZ_ERROR_INIT;
	FZ_ASSERT(sqz_filestore_open(dir, &fs, &err) == SQZ_OK);
	view = sqz_filestore_store(fs);
	char *name = sqz_filestore_name("token", 5);
	token_rec = malloc(strlen(dir) + strlen(name) + 8);
	sprintf(token_rec, "%s/%s.rec", dir, name);
	sqz_free(name);
	atexit(remove_all);
	return 0;
}

static uint64_t be64(const uint8_t *p)
{
	uint64_t n = 0;
	for (int i = 0; i < 8; i++) {
		n = (n << 8) | p[i];
	}
	return n;
}

/* The model of a record file: walking from the start by the lengths the
 * headers announce, the last whole value (version 1) changed by the change
 * frames (version 2) after it, each naming the checksum of the frame
 * before it and keeping no more than there is; every checksum from that
 * whole value on holds. 1 with the value in model (len bytes at most) and
 * *clean = 1 when the frames end at the file's end; 0 when it is no value. */
static int model_value(const uint8_t *data, size_t len, unsigned char *model, size_t *model_len, int *clean)
{
	size_t at = 0, base = 0, end = 0;
	if (len < 48 || memcmp(data, "SQZR\x01\0\0\0", 8) != 0) {
		return 0;
	}
	while (at + 48 <= len && memcmp(data + at, "SQZR", 4) == 0 && (data[at + 4] == 1 || data[at + 4] == 2) && !data[at + 5]
		&& !data[at + 6] && !data[at + 7]) {
		uint64_t n = be64(data + at + 8);
		if (n > len - at - 48) {
			break;
		}
		base = data[at + 4] == 1 ? at : base;
		at += 48 + (size_t)n;
		end = at;
	}
	if (end == 0) {
		return 0;
	}
	*clean = end == len;
	const uint8_t *previous = NULL;
	*model_len = 0;
	for (size_t f = base; f < end; f += 48 + (size_t)be64(data + f + 8)) {
		size_t n = (size_t)be64(data + f + 8);
		unsigned char digest[32];
		if (sqz_sha256(data + f + 48, n, digest) != 0 || memcmp(digest, data + f + 16, 32) != 0) {
			return 0;
		}
		if (data[f + 4] == 2) {
			if (n < 40 || !previous || memcmp(data + f + 48, previous, 32) != 0 || be64(data + f + 48 + 32) > *model_len) {
				return 0;
			}
			size_t kept = (size_t)be64(data + f + 48 + 32);
			memcpy(model + kept, data + f + 88, n - 40);
			*model_len = kept + n - 40;
		} else {
			memcpy(model, data + f + 48, n);
			*model_len = n;
		}
		previous = data + f + 16;
	}
	return 1;
}

static void framing(const uint8_t *data, size_t len)
{
	int fd = open(token_rec, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FZ_ASSERT(fd >= 0 && write(fd, data, len) == (ssize_t)len);
	close(fd);
	char *value = NULL;
	size_t value_len = 0;
	sqz_error err = SQZ_ERROR_INIT;
	sqz_status st = sqz_store_get(&view, "token", 5, &value, &value_len, &err);
	unsigned char *model = malloc(len + 1);
	size_t model_len = 0;
	int clean = 0;
	int valid = model_value(data, len, model, &model_len, &clean);
	/* A clean file the model reads is a record; a record is what the model reads. */
	FZ_ASSERT(!(valid && clean) || st == SQZ_OK);
	if (st == SQZ_OK) {
		FZ_ASSERT(valid && value != NULL);
		FZ_ASSERT(model_len == value_len && memcmp(value, model, value_len) == 0 && value[value_len] == '\0');
	} else {
		FZ_ASSERT(st == SQZ_E_STORE && value == NULL);
		FZ_ASSERT(err.message && strstr(err.message, "token") != NULL);
		fz_check_error(&err);
		sqz_error_clear(&err);
	}
	free(model);
	sqz_free(value);
	unlink(token_rec);
}

static int unhex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
								     : -1;
}

static void names(const uint8_t *data, size_t len)
{
	const char *key = (const char *)data;
	char *name = sqz_filestore_name(key, len);
	FZ_ASSERT(name != NULL);
	size_t n = strlen(name);
	FZ_ASSERT(n >= 2 && n <= SQZ_FILESTORE_NAME_MAX && (name[0] == 'k' || name[0] == 'h') && name[1] == '-');
	FZ_ASSERT(strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-") == n);
	if (name[0] == 'k') {
		/* Decodes back to exactly the key: the map is injective. */
		size_t o = 0;
		for (size_t i = 2; i < n; i++, o++) {
			int c = (unsigned char)name[i];
			if (name[i] == '~') {
				FZ_ASSERT(i + 2 < n && unhex(name[i + 1]) >= 0 && unhex(name[i + 2]) >= 0);
				c = unhex(name[i + 1]) * 16 + unhex(name[i + 2]);
				i += 2;
			}
			FZ_ASSERT(o < len && (unsigned char)key[o] == c);
		}
		FZ_ASSERT(o == len);
	} else {
		FZ_ASSERT(n == 66);
	}
	sqz_free(name);

	sqz_error err = SQZ_ERROR_INIT;
	char *value = NULL;
	size_t value_len = 0;
	FZ_ASSERT(sqz_store_put(&view, key, len, "v\0x", 3, &err) == SQZ_OK);
	FZ_ASSERT(sqz_store_get(&view, key, len, &value, &value_len, &err) == SQZ_OK);
	FZ_ASSERT(value && value_len == 3 && memcmp(value, "v\0x", 3) == 0);
	sqz_free(value);
	FZ_ASSERT(sqz_store_put_often(&view, key, len, "w\0yz", 4, &err) == SQZ_OK);
	FZ_ASSERT(sqz_store_get(&view, key, len, &value, &value_len, &err) == SQZ_OK);
	FZ_ASSERT(value && value_len == 4 && memcmp(value, "w\0yz", 4) == 0);
	sqz_free(value);
	int acquired = 0;
	FZ_ASSERT(sqz_store_lock(&view, key, len, 0, &acquired, &err) == SQZ_OK && acquired);
	FZ_ASSERT(sqz_store_unlock(&view, key, len, &err) == SQZ_OK);
	FZ_ASSERT(sqz_store_delete(&view, key, len, &err) == SQZ_OK);
	FZ_ASSERT(sqz_store_get(&view, key, len, &value, &value_len, &err) == SQZ_OK && value == NULL);
	/* Nothing but our own files ever appears in the directory. */
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.') {
			FZ_ASSERT(strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0);
			continue;
		}
		FZ_ASSERT(strncmp(e->d_name, "k-", 2) == 0 || strncmp(e->d_name, "h-", 2) == 0);
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	if (len == 0) {
		return 0;
	}
	if (data[0] % 2 == 0) {
		framing(data + 1, len - 1);
	} else {
		names(data + 1, len - 1);
	}
	return 0;
}
