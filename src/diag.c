/* The diagnostics list: findings from parsers, emitters and the checker. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hashset.h"
#include "internal.h"

struct mailprof_diags {
	mailprof_diag *v;
	size_t n, cap;
	char **names; /* IDs and names of mailprof_diags_add's findings (others are static) */
	size_t nnames;
};

mailprof_diags *mailprof_diags_new(void)
{
	return mp_xcalloc(1, sizeof(mailprof_diags));
}

void mailprof_diags_free(mailprof_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free((char *)d->v[i].message);
		free((char *)d->v[i].fix);
		free((char *)d->v[i].loc.file);
	}
	free(d->v);
	for (size_t i = 0; i < d->nnames; i++)
		free(d->names[i]);
	free(d->names);
	free(d);
}

size_t mailprof_diags_count(const mailprof_diags *d)
{
	return d ? d->n : 0;
}

const mailprof_diag *mailprof_diags_get(const mailprof_diags *d, size_t i)
{
	return d && i < d->n ? &d->v[i] : NULL;
}

int mailprof_diags_worst(const mailprof_diags *d)
{
	int w = -1;
	for (size_t i = 0; d && i < d->n; i++)
		if ((int)d->v[i].severity > w)
			w = (int)d->v[i].severity;
	return w;
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_diag(const void *x, const void *y)
{
	const mailprof_diag *a = x, *b = y;
	int c = cmp_str(a->loc.file, b->loc.file);
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.column != b->loc.column)
		return a->loc.column < b->loc.column ? -1 : 1;
	if ((c = cmp_str(a->id, b->id)))
		return c;
	return cmp_str(a->message, b->message);
}

void mailprof_diags_sort(mailprof_diags *d)
{
	/* qsort is not stable; cmp_diag compares enough to make ties identical. */
	if (d && d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, cmp_diag);
}

/* Findings quote input (keys, words, parser messages): keep them printable
 * and valid UTF-8 whatever the input held, so no report or terminal gets
 * raw control bytes (escape sequences) or bytes no JSON or XML can hold. */
static char *clean_text(const char *s)
{
	mp_buf b = {0};
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		/* Printable ASCII, nearly all of it, is copied a run at a time. */
		size_t r = i;
		while (r < n && (unsigned char)s[r] >= 0x20 && (unsigned char)s[r] < 0x7F)
			r++;
		if (r > i) {
			mp_buf_add(&b, s + i, r - i);
			i = r;
			continue;
		}
		unsigned long c;
		size_t k = mp_utf8_next(s + i, n - i, &c);
		if (!k)
			mp_buf_printf(&b, "\\x%02X", (unsigned char)s[i]), k = 1;
		else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || !mp_xml_char_ok(c))
			mp_buf_printf(&b, c < 0x100 ? "\\x%02lX" : "\\u%04lX", c);
		else
			mp_buf_add(&b, s + i, k);
		i += k;
	}
	return mp_buf_take(&b, NULL);
}

void mp_vdiag(mailprof_diags *d, mailprof_severity sev, const char *id, const char *name,
              const mailprof_loc *loc, const char *fix, const char *fmt, va_list ap)
{
	if (!d)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = mp_xrealloc(d->v, d->cap * sizeof *d->v);
	}
	mp_buf b = {0};
	mp_buf_vprintf(&b, fmt, ap);
	mailprof_diag *g = &d->v[d->n++];
	g->severity = sev;
	g->id = id;
	g->name = name;
	g->loc.file = loc && loc->file ? mp_xstrdup(loc->file) : NULL;
	g->loc.line = loc ? loc->line : 0;
	g->loc.column = loc ? loc->column : 0;
	g->message = clean_text(b.s ? b.s : "");
	mp_buf_free(&b);
	g->fix = fix ? clean_text(fix) : NULL;
}

static const char *keep_name(mailprof_diags *d, const char *s)
{
	if (!s)
		return NULL;
	if (d->nnames && strcmp(d->names[d->nnames - 1], s) == 0)
		return d->names[d->nnames - 1];
	d->names = mp_xgrow(d->names, d->nnames, sizeof *d->names);
	return d->names[d->nnames++] = mp_xstrdup(s);
}

void mailprof_diags_add(mailprof_diags *d, const mailprof_diag *g)
{
	if (!d || !g)
		return;
	mailprof_loc loc = g->loc;
	size_t n = d->n;
	mp_diag(d, g->severity, keep_name(d, g->id ? g->id : ""), &loc, g->fix, "%s",
	        g->message ? g->message : "");
	d->v[n].name = keep_name(d, g->name);
}

void mp_diag(mailprof_diags *d, mailprof_severity sev, const char *id, const mailprof_loc *loc,
             const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mp_vdiag(d, sev, id, NULL, loc, fix, fmt, ap);
	va_end(ap);
}

void mp_diag_rule(mailprof_diags *d, const mailprof_rule_info *r, mailprof_severity sev,
                  const mailprof_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mp_vdiag(d, sev, r->id, r->name, loc, r->fix, fmt, ap);
	va_end(ap);
}

void mp_diag_change(mailprof_diags *d, enum mp_change what, mailprof_severity sev,
                    const mailprof_loc *loc, const char *fix, const char *fmt, ...)
{
	/* Lossy findings carry MP037's name as their ID (as they always have:
	 * --disable lossy); fixes carry MP046's ID and name. */
	static const struct {
		const char *id, *name;
	} kinds[] = {
		[MP_LOSSY] = {"lossy", NULL},
		[MP_FIXED] = {"MP046", "fix-applied"},
	};
	va_list ap;
	va_start(ap, fmt);
	mp_vdiag(d, sev, kinds[what].id, kinds[what].name, loc, fix, fmt, ap);
	va_end(ap);
}

const char *mailprof_severity_name(mailprof_severity s)
{
	switch (s) {
	case MAILPROF_ERROR: return "error";
	case MAILPROF_WARNING: return "warning";
	default: return "info";
	}
}

const char *mailprof_strerror(mailprof_status s)
{
	switch (s) {
	case MAILPROF_OK: return "success";
	case MAILPROF_ERR_IO: return "cannot read or write the file";
	case MAILPROF_ERR_SYNTAX: return "not well-formed";
	case MAILPROF_ERR_FORMAT: return "unknown or undetected format";
	case MAILPROF_ERR_UNSUPPORTED: return "operation not supported by this format";
	case MAILPROF_ERR_INVALID: return "no usable account in the input";
	case MAILPROF_ERR_ENCODING: return "unknown text encoding";
	}
	return "unknown error";
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_finding(const void *entry, const void *key)
{
	const mailprof_diag *o = entry, *g = key;
	return str_eq(o->id, g->id) && str_eq(o->loc.file, g->loc.file) && o->loc.line == g->loc.line &&
	       o->loc.column == g->loc.column && str_eq(o->message, g->message);
}

void mp_diags_dedupe(mailprof_diags *d, size_t from)
{
	if (!d || d->n <= from + 1)
		return;
	mp_set seen = {0}; /* kept findings; the array is compacted in place, never moved */
	size_t w = from;
	for (size_t i = from; i < d->n; i++) {
		mailprof_diag *g = &d->v[i];
		uint64_t h = mp_fnv1a_str(mp_fnv1a_str(mp_fnv1a_str(MP_FNV_INIT, g->id), g->loc.file),
		                          g->message);
		h = mp_fnv1a(h, &g->loc.line, sizeof g->loc.line);
		h = mp_fnv1a(h, &g->loc.column, sizeof g->loc.column);
		if (mp_set_find(&seen, h, g, same_finding)) {
			free((char *)g->message);
			free((char *)g->fix);
			free((char *)g->loc.file);
			continue;
		}
		d->v[w] = *g;
		mp_set_add(&seen, h, &d->v[w]);
		w++;
	}
	d->n = w;
	mp_set_free(&seen);
}

void mp_diags_filter(mailprof_diags *d, bool (*keep)(mailprof_diag *g, void *u), void *u)
{
	size_t w = 0;
	for (size_t i = 0; d && i < d->n; i++) {
		if (keep(&d->v[i], u)) {
			d->v[w++] = d->v[i];
			continue;
		}
		free((char *)d->v[i].message);
		free((char *)d->v[i].fix);
		free((char *)d->v[i].loc.file);
	}
	if (d)
		d->n = w;
}

/* ---- codes.def: every finding code that is not a rule ---- */

static const mailprof_rule_info codes[] = {
#define MP_CODE(id, sev, summary, fix, doc) {id, id, sev, summary, fix, doc},
#include "codes.def"
#undef MP_CODE
};

size_t mailprof_code_count(void)
{
	return MP_COUNT(codes);
}

const mailprof_rule_info *mailprof_code_get(size_t i)
{
	return i < MP_COUNT(codes) ? &codes[i] : NULL;
}

int mp_code_index(const char *id)
{
	for (size_t i = 0; id && i < MP_COUNT(codes); i++)
		if (mp_strcasecmp(codes[i].id, id) == 0)
			return (int)i;
	return -1;
}
