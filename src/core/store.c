#include "store.h"
#include "alloc.h"
#include "buf.h"

#include <string.h>

char *sqz_store_shown_key(const char *key, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	sqz_buf b = SQZ_BUF_INIT;
	size_t n = len > SQZ_STORE_SHOWN_KEY_MAX ? SQZ_STORE_SHOWN_KEY_MAX : len;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)key[i];
		if (c >= 0x20 && c < 0x7f && c != '\\') {
			sqz_buf_append(&b, &key[i], 1);
		} else {
			char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
			sqz_buf_append(&b, esc, 4);
		}
	}
	if (n < len) {
		sqz_buf_appendf(&b, "...(%zu bytes)", len);
	}
	char *s = sqz_buf_steal(&b, NULL);
	return s ? s : sqz_strdup("?");
}

const char *sqz_store_unreadable_advice(const char *key, size_t key_len)
{
	static const char journal[] = "import.journal";    /* import_state.c's JOURNAL_KEY */
	if (key_len == sizeof journal - 1 && memcmp(key, journal, key_len) == 0) {
		return "restore it from a backup, or delete it after checking the Inbox by hand (a message it names as started or imported "
		       "would be imported again)";
	}
	return "restore it from a backup or delete it and authorize again";
}
