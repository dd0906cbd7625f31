/* Codecs of the shard record and the reporters' spool (codec.h). */
#include <stdlib.h>
#include <string.h>

#include "codec.h"

void cli_field(FILE *f, const char *s, char end)
{
	if (!s) {
		fputs("\\N", f);
	} else {
		for (; *s; s++) {
			switch (*s) {
			case '\\': fputs("\\\\", f); break;
			case '\t': fputs("\\t", f); break;
			case '\n': fputs("\\n", f); break;
			case '\r': fputs("\\r", f); break;
			default: fputc(*s, f);
			}
		}
	}
	fputc(end, f);
}

char *cli_field_decode(char *s, size_t n, bool *bad)
{
	if (n == 2 && s[0] == '\\' && s[1] == 'N')
		return NULL;
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\') {
			char e = i + 1 < n ? s[++i] : '\0';
			c = e == '\\' ? '\\' : e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : '\0';
			if (!c) {
				*bad = true;
				c = '?';
			}
		} else if (c == '\0') {
			*bad = true;
		}
		s[w++] = c;
	}
	s[w] = '\0';
	return s;
}

static const struct {
	mailprof_status st;
	const char *tok;
} statuses[] = {
	{MAILPROF_OK, "ok"},
	{MAILPROF_ERR_IO, "io"},
	{MAILPROF_ERR_SYNTAX, "syntax"},
	{MAILPROF_ERR_FORMAT, "format"},
	{MAILPROF_ERR_UNSUPPORTED, "unsupported"},
	{MAILPROF_ERR_INVALID, "invalid"},
	{MAILPROF_ERR_ENCODING, "encoding"},
};

const char *cli_status_token(mailprof_status s)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].st == s)
			return statuses[i].tok;
	return "invalid";
}

int cli_status_parse(const char *tok, mailprof_status *s)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (strcmp(statuses[i].tok, tok) == 0) {
			*s = statuses[i].st;
			return 0;
		}
	return -1;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void b64_quad(FILE *f, const unsigned char *p, size_t n)
{
	char o[4];
	unsigned v = (unsigned)p[0] << 16 | (n > 1 ? (unsigned)p[1] << 8 : 0) | (n > 2 ? p[2] : 0);
	o[0] = b64[v >> 18 & 63];
	o[1] = b64[v >> 12 & 63];
	o[2] = n > 1 ? b64[v >> 6 & 63] : '=';
	o[3] = n > 2 ? b64[v & 63] : '=';
	fwrite(o, 1, 4, f);
}

void cli_b64_put(struct cli_b64 *b, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n) {
		b->part[b->npart++] = *s++;
		n--;
		if (b->npart == 3) {
			b64_quad(b->f, b->part, 3);
			b->npart = 0;
		}
	}
}

void cli_b64_end(struct cli_b64 *b)
{
	if (b->npart)
		b64_quad(b->f, b->part, b->npart);
	b->npart = 0;
}

char *cli_b64_decode(const char *s, size_t n, size_t *len)
{
	while (n && s[n - 1] == '=')
		n--;
	char *out = malloc(n / 4 * 3 + 3 + 1);
	if (!out)
		abort();
	size_t w = 0;
	unsigned v = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		const char *q = s[i] ? strchr(b64, s[i]) : NULL;
		if (!q) {
			free(out);
			return NULL;
		}
		v = (v << 6 | (unsigned)(q - b64)) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[w++] = (char)(v >> bits & 0xff);
		}
	}
	out[w] = '\0';
	*len = w;
	return out;
}

void cli_spool_open(struct cli_spool *s)
{
	*s = (struct cli_spool){0};
	s->f = tmpfile();
	s->in_mem = !s->f;
	if (!s->f && !(s->f = open_memstream(&s->mem, &s->memlen)))
		abort();
}

void cli_spool_each(struct cli_spool *s, void (*sink)(const void *p, size_t n, void *u), void *u)
{
	if (!s->f)
		return;
	if (s->in_mem) {
		fclose(s->f); /* sets mem and memlen */
		sink(s->mem, s->memlen, u);
	} else {
		rewind(s->f);
		char buf[65536];
		for (size_t n; (n = fread(buf, 1, sizeof buf, s->f)) > 0;)
			sink(buf, n, u);
		fclose(s->f);
	}
	s->f = NULL;
	free(s->mem);
	s->mem = NULL;
}

void cli_spool_close(struct cli_spool *s)
{
	if (s->f)
		fclose(s->f);
	s->f = NULL;
	free(s->mem);
	s->mem = NULL;
}
