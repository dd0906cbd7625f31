/* Allocation, buffers, small string helpers. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *oom(void)
{
	/* The one place the library gives up: documented in mailprof.h. */
	abort();
}

void *mp_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	return p ? p : oom();
}

void *mp_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	return p ? p : oom();
}

void *mp_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	return q ? q : oom();
}

void *mp_xgrow(void *p, size_t n, size_t size)
{
	/* Capacity is implied by n: 4 up to 4 elements, then the next power
	 * of two; grow exactly when n reaches it. */
	if (n == 0)
		return mp_xrealloc(p, 4 * size);
	if (n < 4 || (n & (n - 1)) != 0)
		return p;
	if (n > SIZE_MAX / 2 / size)
		abort();
	return mp_xrealloc(p, 2 * n * size);
}

char *mp_xstrdup(const char *s)
{
	return mp_xstrndup(s, strlen(s));
}

char *mp_xstrndup(const char *s, size_t n)
{
	char *p = mp_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mp_xasprintf(const char *fmt, ...)
{
	mp_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	mp_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return mp_buf_take(&b, NULL);
}

static void grow(mp_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = mp_xrealloc(b->s, cap);
	b->cap = cap;
}

void mp_buf_add(mp_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void mp_buf_puts(mp_buf *b, const char *s)
{
	mp_buf_add(b, s, strlen(s));
}

void mp_buf_putc(mp_buf *b, char c)
{
	mp_buf_add(b, &c, 1);
}

void mp_buf_vprintf(mp_buf *b, const char *fmt, va_list ap)
{
	/* Formatted straight into the room there is (at least 128 bytes), which
	 * nearly always suffices; formatted again only when it did not. */
	grow(b, 128);
	size_t room = b->cap - b->len;
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(b->s + b->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void mp_buf_printf(mp_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mp_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *mp_buf_take(mp_buf *b, size_t *len)
{
	if (!b->s)
		grow(b, 0), b->s[0] = '\0';
	char *s = b->s;
	if (len)
		*len = b->len;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void mp_buf_free(mp_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

bool mp_xml_char_ok(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

size_t mp_utf8_next(const char *s, size_t n, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (!n)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t len;
	unsigned long c, min;
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2, c = u[0] & 0x1Fu, min = 0x80;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		len = 3, c = u[0] & 0x0Fu, min = 0x800;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		len = 4, c = u[0] & 0x07u, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t mp_text_check(const char *s, size_t n, const char **why)
{
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t k = mp_utf8_next(s + i, n - i, &c);
		if (!k) {
			if (why)
				*why = "bytes that are not valid UTF-8";
			return i;
		}
		if (!mp_xml_char_ok(c)) {
			if (why)
				*why = c < 0x20 ? "a control character" : "a character no profile format can hold";
			return i;
		}
		i += k;
	}
	return n;
}

size_t mailprof_utf8_next(const char *s, size_t n, unsigned long *cp)
{
	return mp_utf8_next(s, n, cp);
}

void mp_buf_utf8(mp_buf *b, unsigned long c)
{
	char u[4];
	if (c < 0x80)
		mp_buf_putc(b, (char)c);
	else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6)), u[1] = (char)(0x80 | (c & 0x3F));
		mp_buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12)), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
		u[2] = (char)(0x80 | (c & 0x3F));
		mp_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (c >> 18)), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F));
		mp_buf_add(b, u, 4);
	}
}

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

void mp_buf_xml_escape(mp_buf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t k = mp_utf8_next(s + i, n - i, &c);
		if (!k || !mp_xml_char_ok(c)) {
			mp_buf_puts(b, REPLACEMENT);
			i += k ? k : 1;
			continue;
		}
		switch (c) {
		case '&': mp_buf_puts(b, "&amp;"); break;
		case '<': mp_buf_puts(b, "&lt;"); break;
		case '>': mp_buf_puts(b, "&gt;"); break;
		case '"': mp_buf_puts(b, "&quot;"); break;
		case '\'': mp_buf_puts(b, "&apos;"); break;
		/* Kept as references: a parser normalises literal ones away. */
		case '\r': mp_buf_puts(b, "&#13;"); break;
		case '\t': mp_buf_puts(b, "&#9;"); break;
		default: mp_buf_add(b, s + i, k);
		}
		i += k;
	}
}

void mp_buf_conf_value(mp_buf *b, const char *v, const char *special)
{
	if (*v && !strpbrk(v, "\r\n") && !strpbrk(v, special)) {
		mp_buf_puts(b, v);
		return;
	}
	mp_buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			mp_buf_putc(b, '\\');
		mp_buf_putc(b, *v == '\n' || *v == '\r' ? ' ' : *v);
	}
	mp_buf_putc(b, '"');
}

void mp_buf_json_string(mp_buf *b, const char *s)
{
	if (!s) {
		mp_buf_puts(b, "null");
		return;
	}
	mp_buf_putc(b, '"');
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t k = mp_utf8_next(s + i, n - i, &c);
		if (!k) {
			mp_buf_puts(b, REPLACEMENT);
			i++;
			continue;
		}
		switch (c) {
		case '"': mp_buf_puts(b, "\\\""); break;
		case '\\': mp_buf_puts(b, "\\\\"); break;
		case '\n': mp_buf_puts(b, "\\n"); break;
		case '\r': mp_buf_puts(b, "\\r"); break;
		case '\t': mp_buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				mp_buf_printf(b, "\\u%04lx", c);
			else
				mp_buf_add(b, s + i, k);
		}
		i += k;
	}
	mp_buf_putc(b, '"');
}

int mp_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
		if (ca != cb || !ca)
			return ca - cb;
	}
}

int mp_strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
		if (ca != cb || !ca)
			return ca - cb;
	}
	return 0;
}

bool mp_str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && mp_strcasecmp(s + n - m, suffix) == 0;
}

size_t mp_levenshtein(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t *row = mp_xmalloc((m + 1) * sizeof *row);
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
			size_t best = diag + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t r = row[m];
	free(row);
	return r;
}

size_t mp_max_input(const mailprof_options *opt)
{
	return opt && opt->max_input ? opt->max_input : MAILPROF_MAX_INPUT;
}

void mp_diag_too_large(mailprof_diags *d, const char *path, size_t max)
{
	mailprof_loc at = {path, 0, 0};
	mp_diag(d, MAILPROF_ERROR, "input-too-large", &at,
	        "raise the input size limit (mailprof --max-input-size) if the file is genuine",
	        "input larger than the limit of %zu bytes: not read", max);
}

int mp_read_file(const char *path, size_t max, char **out, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return errno ? errno : EIO;
	mp_buf b = {0};
	char chunk[65536];
	size_t n;
	int err = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (n > max - b.len) {
			err = EFBIG;
			break;
		}
		mp_buf_add(&b, chunk, n);
	}
	if (!err && ferror(f))
		err = errno ? errno : EIO;
	if (f != stdin)
		fclose(f);
	if (err) {
		mp_buf_free(&b);
		return err;
	}
	*out = mp_buf_take(&b, len);
	return 0;
}
