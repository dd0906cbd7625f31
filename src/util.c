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
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
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

void mp_buf_xml_escape(mp_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': mp_buf_puts(b, "&amp;"); break;
		case '<': mp_buf_puts(b, "&lt;"); break;
		case '>': mp_buf_puts(b, "&gt;"); break;
		case '"': mp_buf_puts(b, "&quot;"); break;
		case '\'': mp_buf_puts(b, "&apos;"); break;
		default: mp_buf_putc(b, *s);
		}
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
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': mp_buf_puts(b, "\\\""); break;
		case '\\': mp_buf_puts(b, "\\\\"); break;
		case '\n': mp_buf_puts(b, "\\n"); break;
		case '\r': mp_buf_puts(b, "\\r"); break;
		case '\t': mp_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				mp_buf_printf(b, "\\u%04x", *p);
			else
				mp_buf_putc(b, (char)*p);
		}
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

int mp_read_file(const char *path, char **out, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return errno ? errno : EIO;
	mp_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		mp_buf_add(&b, chunk, n);
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	if (f != stdin)
		fclose(f);
	if (err) {
		mp_buf_free(&b);
		return err;
	}
	*out = mp_buf_take(&b, len);
	return 0;
}
