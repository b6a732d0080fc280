#include "mime_parts.h"
#include "alloc.h"
#include "base64.h"
#include "buf.h"
#include "crypto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void sqz_mime_parts_free(sqz_mime_part *parts, size_t count)
{
	for (size_t i = 0; parts && i < count; i++) {
		sqz_free(parts[i].name);
	}
	sqz_free(parts);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int64_t sqz_mime_base64_size(const char *text, size_t len)
{
	const unsigned char *t = sqz_b64_table();
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	int64_t chars = 0;
	/* The data: whole groups of four at once (the lines between the line
	 * breaks, base64.h), then a table lookup per byte, blanks skipped. */
	for (; p < end; p++) {
		size_t whole = sqz_b64_valid_groups(p, (size_t)(end - p));
		chars += (int64_t)whole;
		p += whole;
		if (p == end) {
			break;
		}
		unsigned char v = t[*p];
		if (v < 64) {
			chars++;
		} else if (v != SQZ_B64_BLANK) {
			break;
		}
	}
	/* The end: at most two '=', then blanks only. */
	int pad = 0;
	for (; p < end; p++) {
		unsigned char v = t[*p];
		if (v == SQZ_B64_PAD && pad < 2) {
			pad++;
		} else if (v != SQZ_B64_BLANK) {
			return -1;    /* outside the alphabet, or data after the padding */
		}
	}
	if ((chars + pad) % 4 != 0 || (pad && chars % 4 == 0)) {
		return -1;
	}
	return (chars + pad) / 4 * 3 - pad;
}

/* ------------------------------------------------------------ header values */

/* A header's value, unfolded (line breaks before blanks dropped), as a new
 * string; NULL when out of memory. */
static char *unfold(const char *v, size_t len)
{
	char *out = sqz_malloc(len + 1);
	if (!out) {
		return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (v[i] == '\r' || v[i] == '\n') {
			continue;
		}
		out[o++] = v[i];
	}
	out[o] = '\0';
	return out;
}

/* Appends the UTF-8 of text[0..len) in charset; -1 for a charset we do not
 * decode, invalid UTF-8, or out of memory. */
static int append_charset(sqz_buf *b, const char *charset, size_t charset_len, const char *text, size_t len)
{
	const char *star = memchr(charset, '*', charset_len);    /* RFC 2231 language: utf-8*en */
	if (star) {
		charset_len = (size_t)(star - charset);
	}
	if ((charset_len == 5 && strncasecmp(charset, "utf-8", 5) == 0) || (charset_len == 8 && strncasecmp(charset, "us-ascii", 8) == 0)) {
		/* Strict UTF-8 (US-ASCII is a subset): a name must compare byte for byte. */
		for (size_t i = 0; i < len;) {
			unsigned char c = (unsigned char)text[i];
			size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2
				: (c & 0xF0) == 0xE0                 ? 3
				: (c & 0xF8) == 0xF0                 ? 4
								     : 0;
			if (n == 0 || i + n > len || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4)) {
				return -1;
			}
			for (size_t k = 1; k < n; k++) {
				if (((unsigned char)text[i + k] & 0xC0) != 0x80) {
					return -1;
				}
			}
			if ((n == 3 && c == 0xE0 && (unsigned char)text[i + 1] < 0xA0) || (n == 3 && c == 0xED && (unsigned char)text[i + 1] > 0x9F)
				|| (n == 4 && c == 0xF0 && (unsigned char)text[i + 1] < 0x90) || (n == 4 && c == 0xF4 && (unsigned char)text[i + 1] > 0x8F)) {
				return -1;
			}
			i += n;
		}
		return sqz_buf_append(b, text, len);
	}
	if (charset_len == 10 && strncasecmp(charset, "iso-8859-1", 10) == 0) {
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)text[i];
			char two[2] = { (char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F)) };
			if (c < 0x80 ? sqz_buf_append(b, (const char *)&text[i], 1) : sqz_buf_append(b, two, 2)) {
				return -1;
			}
		}
		return 0;
	}
	return -1;
}

static int hex_value(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F'                               ? c - 'A' + 10
								     : -1;
}

/* One RFC 2047 encoded word's text decoded (B or Q) into out; -1 when invalid. */
static int decode_word(char enc, const char *text, size_t len, sqz_buf *out)
{
	if (enc == 'B' || enc == 'b') {
		size_t n = 0;
		unsigned char *d = sqz_base64_decode(text, len, &n);
		if (!d) {
			return -1;
		}
		int rc = sqz_buf_append(out, (const char *)d, n);
		sqz_free(d);
		return rc;
	}
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '_') {
			c = ' ';
		} else if (c == '=') {
			int hi = i + 2 < len ? hex_value(text[i + 1]) : -1;
			int lo = i + 2 < len ? hex_value(text[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				return -1;
			}
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if (sqz_buf_append(out, &c, 1) != 0) {
			return -1;
		}
	}
	return 0;
}

/* A plain parameter value with RFC 2047 encoded words decoded (Outlook and
 * Exchange put them inside quoted strings). NULL when a word cannot be
 * decoded or out of memory. */
static char *decode_words(const char *v)
{
	sqz_buf b = SQZ_BUF_INIT;
	const char *p = v;
	int after_word = 0;
	while (*p) {
		const char *w = strstr(p, "=?");
		const char *q1 = w ? strchr(w + 2, '?') : NULL;
		const char *q2 = q1 && q1[1] && q1[2] == '?' ? q1 + 2 : NULL;
		const char *close = q2 ? strstr(q2 + 1, "?=") : NULL;
		if (!close) {
			if (sqz_buf_appends(&b, p) != 0) {
				goto fail;
			}
			break;
		}
		/* Blanks between two encoded words are dropped. */
		int blank_only = 1;
		for (const char *s = p; s < w; s++) {
			blank_only &= is_blank(*s);
		}
		if (!(after_word && blank_only) && sqz_buf_append(&b, p, (size_t)(w - p)) != 0) {
			goto fail;
		}
		char enc = q1[1];
		if (enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q') {
			goto fail;
		}
		sqz_buf raw = SQZ_BUF_INIT;
		int rc = decode_word(enc, q2 + 1, (size_t)(close - q2 - 1), &raw);
		if (rc == 0) {
			rc = append_charset(&b, w + 2, (size_t)(q1 - w - 2), raw.data ? raw.data : "", raw.len);
		}
		sqz_buf_free(&raw);
		if (rc != 0) {
			goto fail;
		}
		p = close + 2;
		after_word = 1;
	}
	if (sqz_buf_append(&b, "", 0) != 0) {
		goto fail;
	}
	return sqz_buf_steal(&b, NULL);
fail:
	sqz_buf_free(&b);
	return NULL;
}

#define MAX_SEGMENTS 32

/* An RFC 2231 parameter in pieces: name*0*=utf-8''..., name*1=... */
typedef struct ext_param {
	char *seg[MAX_SEGMENTS];
	int encoded[MAX_SEGMENTS];
	int bad;
} ext_param;

typedef struct params {
	char *boundary, *name, *filename; /* plain values, owned */
	ext_param name_ext, filename_ext;
} params;

static void ext_clear(ext_param *e)
{
	for (int i = 0; i < MAX_SEGMENTS; i++) {
		sqz_free(e->seg[i]);
	}
	memset(e, 0, sizeof *e);
}

static void params_clear(params *p)
{
	sqz_free(p->boundary);
	sqz_free(p->name);
	sqz_free(p->filename);
	ext_clear(&p->name_ext);
	ext_clear(&p->filename_ext);
	memset(p, 0, sizeof *p);
}

/* The value of an RFC 2231 parameter in UTF-8, or NULL (absent, or one we
 * cannot decode: *bad = 1). */
static char *ext_value(const ext_param *e, int *bad)
{
	*bad = 0;
	if (!e->seg[0]) {
		*bad = e->bad;
		return NULL;
	}
	sqz_buf raw = SQZ_BUF_INIT;
	const char *charset = NULL;
	size_t charset_len = 0;
	int i = 0;
	for (; i < MAX_SEGMENTS && e->seg[i]; i++) {
		const char *s = e->seg[i];
		if (e->encoded[i]) {
			if (i == 0) {
				const char *q1 = strchr(s, '\'');
				const char *q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
				if (!q2) {
					goto bad;
				}
				charset = s;
				charset_len = (size_t)(q1 - s);
				s = q2 + 1;
			}
			for (; *s; s++) {
				char c = *s;
				if (c == '%') {
					int hi = hex_value(s[1]), lo = hi >= 0 ? hex_value(s[2]) : -1;
					if (hi < 0 || lo < 0) {
						goto bad;
					}
					c = (char)(hi * 16 + lo);
					s += 2;
				}
				if (sqz_buf_append(&raw, &c, 1) != 0) {
					goto bad;
				}
			}
		} else if (sqz_buf_appends(&raw, s) != 0) {
			goto bad;
		}
	}
	for (; i < MAX_SEGMENTS; i++) {
		if (e->seg[i]) {
			goto bad;    /* a gap in the numbering */
		}
	}
	if (e->bad) {
		goto bad;
	}
	sqz_buf out = SQZ_BUF_INIT;
	if (append_charset(&out, charset ? charset : "us-ascii", charset ? charset_len : 8, raw.data ? raw.data : "", raw.len) != 0
		|| sqz_buf_append(&out, "", 0) != 0) {
		sqz_buf_free(&out);
		goto bad;
	}
	sqz_buf_free(&raw);
	return sqz_buf_steal(&out, NULL);
bad:
	sqz_buf_free(&raw);
	*bad = 1;
	return NULL;
}

/* Takes one parameter into p (attr lowercased by the caller). */
static void take_param(params *p, const char *attr, char *value)
{
	ext_param *e = NULL;
	const char *rest = NULL;
	if (strncmp(attr, "filename*", 9) == 0) {
		e = &p->filename_ext;
		rest = attr + 9;
	} else if (strncmp(attr, "name*", 5) == 0) {
		e = &p->name_ext;
		rest = attr + 5;
	}
	if (e) {
		/* "" (one encoded value), "N" (plain piece), "N*" (encoded piece) */
		int index = 0, encoded = 1;
		if (*rest) {
			char *end = NULL;
			long n = strtol(rest, &end, 10);
			if (end == rest || n < 0 || n >= MAX_SEGMENTS || (*end && strcmp(end, "*") != 0) || (rest[0] == '0' && rest[1] && rest[1] != '*')) {
				e->bad = 1;
				sqz_free(value);
				return;
			}
			index = (int)n;
			encoded = *end == '*';
		}
		if (e->seg[index]) {
			e->bad = 1;    /* the same piece twice */
			sqz_free(value);
			return;
		}
		e->seg[index] = value;
		e->encoded[index] = encoded;
		return;
	}
	char **slot = strcmp(attr, "boundary") == 0 ? &p->boundary
		: strcmp(attr, "name") == 0         ? &p->name
		: strcmp(attr, "filename") == 0     ? &p->filename
						    : NULL;
	if (slot && !*slot) {
		*slot = value;
	} else {
		sqz_free(value);
	}
}

/* Parses "type/sub; a=1; b=\"x y\"" (v unfolded): the parameters into p. */
static void parse_params(const char *v, params *p)
{
	const char *s = strchr(v, ';');
	while (s && *s) {
		while (*s == ';' || is_blank(*s)) {
			s++;
		}
		const char *a = s;
		while (*s && *s != '=' && *s != ';') {
			s++;
		}
		if (*s != '=') {
			continue;    /* a bare word: ignored */
		}
		const char *a_end = s;
		while (a_end > a && is_blank(a_end[-1])) {
			a_end--;
		}
		s++;
		while (*s == ' ' || *s == '\t') {
			s++;
		}
		sqz_buf val = SQZ_BUF_INIT;
		int ok = 1;
		if (*s == '"') {
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\' && s[1]) {
					s++;
				}
				ok &= sqz_buf_append(&val, s, 1) == 0;
			}
			if (*s == '"') {
				s++;
			}
		} else {
			const char *t = s;
			while (*s && *s != ';' && !is_blank(*s)) {
				s++;
			}
			ok &= sqz_buf_append(&val, t, (size_t)(s - t)) == 0;
		}
		ok &= sqz_buf_append(&val, "", 0) == 0;
		size_t alen = (size_t)(a_end - a);
		char attr[64];
		if (!ok || alen == 0 || alen >= sizeof attr) {
			sqz_buf_free(&val);
			continue;
		}
		for (size_t i = 0; i < alen; i++) {
			attr[i] = (char)(a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i]);
		}
		attr[alen] = '\0';
		take_param(p, attr, sqz_buf_steal(&val, NULL));
		while (*s && *s != ';') {
			s++;
		}
	}
}

/* ---------------------------------------------------------------- entities */

typedef struct scan {
	const char *text;
	sqz_mime_part *parts;
	size_t count, cap;
	int oom;
} scan;

static void add_part(scan *sc, char *name, size_t start, size_t end, int base64)
{
	if (sc->count >= SQZ_MIME_MAX_PARTS) {
		sqz_free(name);
		return;
	}
	if (sc->count == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 8;
		sqz_mime_part *grown = sqz_realloc(sc->parts, cap * sizeof *grown);
		if (!grown) {
			sqz_free(name);
			sc->oom = 1;
			return;
		}
		sc->parts = grown;
		sc->cap = cap;
	}
	sqz_mime_part *p = &sc->parts[sc->count++];
	memset(p, 0, sizeof *p);
	p->name = name;
	p->start = start;
	p->end = end;
	if (base64 && name) {
		p->size = sqz_mime_base64_size(sc->text + start, end - start);
		p->usable = p->size >= 0;
	}
	if (!p->usable) {
		p->size = 0;
	}
}

/* A header's name at line[0..len) is `name` (case-insensitive): its value. */
static const char *header_value(const char *line, size_t len, const char *name)
{
	size_t n = strlen(name);
	if (len > n && line[n] == ':' && strncasecmp(line, name, n) == 0) {
		return line + n + 1;
	}
	return NULL;
}

static void scan_entity(scan *sc, size_t start, size_t end, int depth);

/* The next delimiter line at or after pos: delim ("--" + boundary) at the
 * start of a line (at start, or after a '\n'), or NULL. Found from its
 * dashes: base64 has none, so memchr crosses an encoded attachment in one
 * call where a search for the whole delimiter stepped through it. */
static const char *next_delimiter(const char *t, size_t pos, size_t start, size_t end, const char *delim, size_t dlen)
{
	while (pos < end && end - pos >= dlen) {
		const char *dash = memchr(t + pos, '-', end - pos - dlen + 1);
		if (!dash) {
			return NULL;
		}
		size_t d = (size_t)(dash - t);
		if ((d == start || t[d - 1] == '\n') && memcmp(dash, delim, dlen) == 0) {
			return dash;
		}
		pos = d + 1;
	}
	return NULL;
}

static void scan_multipart(scan *sc, size_t start, size_t end, const char *boundary, int depth)
{
	size_t blen = strlen(boundary);
	if (blen == 0 || blen > 200) {
		return;
	}
	char delim[204] = "--";
	memcpy(delim + 2, boundary, blen);
	size_t dlen = blen + 2;
	const char *t = sc->text;
	size_t pos = start;
	int have_part = 0;
	size_t part_start = 0;
	while (pos < end && !sc->oom) {
		const char *hit = next_delimiter(t, pos, start, end, delim, dlen);
		if (!hit) {
			return;    /* no closing delimiter: the last part is not scanned (a cut message) */
		}
		size_t d = (size_t)(hit - t);
		pos = d + 1;
		size_t after = d + dlen;
		int closing = after + 1 < end && t[after] == '-' && t[after + 1] == '-';
		if (closing) {
			after += 2;
		}
		while (after < end && (t[after] == ' ' || t[after] == '\t' || t[after] == '\r')) {
			after++;
		}
		if (after < end && t[after] != '\n') {
			continue;    /* the boundary is a prefix of something longer */
		}
		if (have_part) {
			/* The line break before a delimiter belongs to it. */
			size_t part_end = d;
			if (part_end > part_start && t[part_end - 1] == '\n') {
				part_end--;
				if (part_end > part_start && t[part_end - 1] == '\r') {
					part_end--;
				}
			}
			scan_entity(sc, part_start, part_end, depth + 1);
		}
		if (closing) {
			return;
		}
		part_start = after < end ? after + 1 : end;
		have_part = 1;
		pos = part_start;
	}
}

static void scan_entity(scan *sc, size_t start, size_t end, int depth)
{
	if (depth > SQZ_MIME_MAX_DEPTH || sc->oom) {
		return;
	}
	const char *t = sc->text;
	/* The header block ends at the first empty line. */
	size_t body = end;
	char *ctype = NULL, *cdisp = NULL, *cte = NULL;
	size_t line = start;
	while (line < end) {
		if (t[line] == '\n' || (t[line] == '\r' && line + 1 < end && t[line + 1] == '\n')) {
			body = line + (t[line] == '\n' ? 1 : 2);
			break;
		}
		/* One header: up to a line break not followed by a blank. */
		size_t e = line;
		for (;;) {
			const char *nl = memchr(t + e, '\n', end - e);
			e = nl ? (size_t)(nl - t) + 1 : end;
			if (e >= end || (t[e] != ' ' && t[e] != '\t')) {
				break;
			}
		}
		size_t len = e - line;
		const char *v;
		char **slot = (v = header_value(t + line, len, "content-type"))          ? &ctype
			: (v = header_value(t + line, len, "content-disposition"))       ? &cdisp
			: (v = header_value(t + line, len, "content-transfer-encoding")) ? &cte
											 : NULL;
		if (slot && !*slot) {
			*slot = unfold(v, len - (size_t)(v - (t + line)));
			if (!*slot) {
				sc->oom = 1;
			}
		}
		line = e;
	}
	if (sc->oom) {
		goto done;
	}
	const char *type = ctype ? ctype : "text/plain";
	while (is_blank(*type)) {
		type++;
	}
	params cp = { 0 }, dp = { 0 };
	if (ctype) {
		parse_params(ctype, &cp);
	}
	if (strncasecmp(type, "message/", 8) == 0) {
		/* An attached message: Graph lists it as one item attachment. */
	} else if (strncasecmp(type, "multipart/", 10) == 0) {
		if (cp.boundary) {
			scan_multipart(sc, body, end, cp.boundary, depth);
		}
	} else {
		const char *disp = cdisp ? cdisp : "";
		while (is_blank(*disp)) {
			disp++;
		}
		if (cdisp) {
			parse_params(cdisp, &dp);
		}
		int attachment = strncasecmp(disp, "attachment", 10) == 0 && (!disp[10] || disp[10] == ';' || is_blank(disp[10]));
		int named = dp.filename || dp.filename_ext.seg[0] || dp.filename_ext.bad || cp.name || cp.name_ext.seg[0] || cp.name_ext.bad;
		if (attachment || named) {
			/* The Content-Disposition filename first, then the Content-Type name. */
			int bad = 0;
			char *name = ext_value(&dp.filename_ext, &bad);
			if (!name && !bad && dp.filename) {
				name = decode_words(dp.filename);
				bad = !name;
			}
			if (!name && !bad && !dp.filename_ext.seg[0] && !dp.filename) {
				name = ext_value(&cp.name_ext, &bad);
				if (!name && !bad && cp.name) {
					name = decode_words(cp.name);
				}
			}
			const char *enc = cte ? cte : "";
			while (is_blank(*enc)) {
				enc++;
			}
			size_t el = strlen(enc);
			while (el > 0 && is_blank(enc[el - 1])) {
				el--;
			}
			int base64 = el == 6 && strncasecmp(enc, "base64", 6) == 0;
			add_part(sc, name, body, end, base64);
		}
	}
	params_clear(&cp);
	params_clear(&dp);
done:
	sqz_free(ctype);
	sqz_free(cdisp);
	sqz_free(cte);
}

int sqz_mime_file_parts(const char *text, size_t len, sqz_mime_part **parts, size_t *count)
{
	scan sc = { text, NULL, 0, 0, 0 };
	scan_entity(&sc, 0, len, 0);
	if (sc.oom) {
		sqz_mime_parts_free(sc.parts, sc.count);
		*parts = NULL;
		*count = 0;
		return -1;
	}
	*parts = sc.parts;
	*count = sc.count;
	return 0;
}

int sqz_mime_decode_part(int fd, size_t start, size_t end, int64_t size, sqz_sink *sink, int64_t *bytes, sqz_error *err)
{
	/* One pass: each piece read is decoded straight from its lines (a
	 * lookup per character, blanks skipped) into out; a group of 4 may span
	 * two pieces. The part was checked when it was fetched (strict, its
	 * size): a difference now means the file changed under us.
	 * The pieces live on the stack: from malloc, a save's buffers freed at
	 * its end were given back to the system with the heap's top and faulted
	 * in again by the next save (each fault costs tens of microseconds on
	 * some virtual machines). */
	enum { PIECE = 16 * 1024 };
	const unsigned char *t = sqz_b64_table();
	*bytes = 0;
	unsigned char in[PIECE];
	unsigned char out[PIECE / 4 * 3 + 3];
	int rc = 0;
	uint32_t group = 0;    /* the sextets of the group under way */
	int have = 0, pad = 0;
	for (size_t at = start; at < end && rc == 0;) {
		size_t want = end - at < PIECE ? end - at : PIECE;
		ssize_t n = pread(fd, in, want, (off_t)at);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			sqz_error_set(err, SQZ_E_INTERNAL, "cannot read a prefetched message file: %s", n < 0 ? strerror(errno) : "it is shorter than it was");
			rc = -1;
			break;
		}
		at += (size_t)n;
		size_t o = 0;
		for (ssize_t i = 0; i < n; i++) {
			/* Whole groups of four data characters at once: a line's worth. */
			if (have == 0 && !pad) {
				size_t used = 0;
				o += sqz_b64_decode_groups(in + i, (size_t)(n - i), out + o, &used);
				i += (ssize_t)used;
			}
			if (i >= n) {
				break;
			}
			unsigned char v = t[in[i]];
			if (v < 64 && !pad) {
				group = group << 6 | v;
				if (++have == 4) {
					out[o++] = (unsigned char)(group >> 16);
					out[o++] = (unsigned char)(group >> 8);
					out[o++] = (unsigned char)group;
					group = 0;
					have = 0;
				}
			} else if (v == SQZ_B64_PAD && have >= 2 && have + pad < 4) {
				pad++;
			} else if (v != SQZ_B64_BLANK) {
				rc = -1;
				break;
			}
		}
		if (rc == 0 && at >= end && pad) {
			/* The last group: xx== gives one byte, xxx= two. */
			if (have + pad != 4) {
				rc = -1;
			} else {
				group <<= 6 * pad;
				out[o++] = (unsigned char)(group >> 16);
				if (have == 3) {
					out[o++] = (unsigned char)(group >> 8);
				}
				have = 0;
			}
		}
		if (rc != 0) {
			sqz_error_set(err, SQZ_E_INTERNAL, "a prefetched message file no longer holds the attachment it held");
			break;
		}
		if (o && sink->write(sink->ctx, (const char *)out, o, err) != 0) {
			if (err->status == SQZ_OK) {
				sqz_error_set(err, SQZ_E_INTERNAL, "the download target refused the data");
			}
			rc = -1;
		}
		*bytes += (int64_t)o;
	}
	if (rc == 0 && (have != 0 || *bytes != size)) {
		sqz_error_set(err, SQZ_E_INTERNAL, "a prefetched message file no longer holds the attachment it held");
		rc = -1;
	}
	return rc;
}
