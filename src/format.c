/* The format table (generated from formats.def), parsing and emitting
 * through it. mailprof_parse (parse.c) adds the read stage's scans and the
 * input-scope rules. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

#define MP_FORMAT(id) extern const struct mp_format mp_format_##id;
#include "formats.def"
#undef MP_FORMAT

static const struct mp_format *const formats[] = {
#define MP_FORMAT(id) &mp_format_##id,
#include "formats.def"
#undef MP_FORMAT
};

const struct mp_format *mp_format_at(size_t i)
{
	return i < MP_COUNT(formats) ? formats[i] : NULL;
}

static bool word_in(const char *list, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = list; p && *p;) {
		while (*p == ' ')
			p++;
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && n && mp_strncasecmp(p, w, n) == 0)
			return true;
		p += len;
	}
	return false;
}

const struct mp_format *mp_format_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < MP_COUNT(formats); i++)
		if (mp_strcasecmp(formats[i]->name, name) == 0 || word_in(formats[i]->aliases, name))
			return formats[i];
	return NULL;
}

const char *mailprof_format_name(size_t i)
{
	return i < MP_COUNT(formats) ? formats[i]->name : NULL;
}

const char *mailprof_format_lookup(const char *name)
{
	const struct mp_format *f = mp_format_find(name);
	return f ? f->name : NULL;
}

const char *mailprof_format_summary(const char *name)
{
	const struct mp_format *f = mp_format_find(name);
	return f ? f->summary : NULL;
}

const char *mailprof_format_extensions(const char *name)
{
	const struct mp_format *f = mp_format_find(name);
	return f ? f->extensions : NULL;
}

unsigned mailprof_format_caps(const char *name)
{
	const struct mp_format *f = mp_format_find(name);
	if (!f)
		return 0;
	return (f->parse ? MAILPROF_CAN_PARSE : 0u) | (f->emit ? MAILPROF_CAN_EMIT : 0u);
}

const char *mailprof_format_detect(const char *buf, size_t len, const char *path)
{
	const struct mp_format *best = NULL;
	int best_score = 0;
	/* Content first: a file's name is often wrong (profile.xml, download.txt). */
	for (size_t i = 0; i < MP_COUNT(formats); i++) {
		if (!formats[i]->sniff || !formats[i]->parse)
			continue;
		int s = formats[i]->sniff(buf, len);
		if (s > best_score) {
			best_score = s;
			best = formats[i];
		}
		/* Certain: no later format can win (ties keep the first), so skip
		 * the other sniffers, some of which scan the whole buffer. */
		if (s >= 100)
			break;
	}
	if (best && best_score >= 50)
		return best->name;
	if (path) {
		const char *dot = strrchr(path, '.');
		const char *slash = strrchr(path, '/');
		if (dot && (!slash || dot > slash))
			for (size_t i = 0; i < MP_COUNT(formats); i++)
				if (formats[i]->parse && word_in(formats[i]->extensions, dot))
					return formats[i]->name;
	}
	return best ? best->name : NULL;
}

mailprof_status mp_format_parse(mailprof_profile *p, const char *buf, size_t len, const char *path,
                                const char *format, const mailprof_options *opt, mailprof_diags *d,
                                bool *read)
{
	*read = false;
	static const mailprof_options none;
	const char *file = mp_profile_file(p, path ? path : "-");
	mailprof_loc at = {file, 0, 0};
	if (len > mp_max_input(opt)) {
		mp_diag_too_large(d, file, mp_max_input(opt));
		return MAILPROF_ERR_IO;
	}
	if (!format)
		format = mailprof_format_detect(buf, len, path);
	if (!format) {
		mp_diag(d, MAILPROF_ERROR, "unknown-format", &at,
		        "name the format with --from (see `mailprof formats`)",
		        "cannot tell which profile format this is");
		return MAILPROF_ERR_FORMAT;
	}
	const struct mp_format *f = mp_format_find(format);
	if (!f) {
		mp_diag(d, MAILPROF_ERROR, "unknown-format", &at, NULL, "unknown format '%s'", format);
		return MAILPROF_ERR_FORMAT;
	}
	if (!f->parse) {
		mp_diag(d, MAILPROF_ERROR, "unknown-format", &at, NULL,
		        "format '%s' can be written but not read", f->name);
		return MAILPROF_ERR_UNSUPPORTED;
	}
	if (!opt)
		opt = &none;
	const char *bad = opt->email ? mailprof_email_problem(opt->email) : "";
	if (*bad) {
		mp_diag(d, MAILPROF_ERROR, "email-option", &at, "give the address as local@domain",
		        "the address to substitute, '%s', %s", opt->email, bad);
		return MAILPROF_ERR_INVALID;
	}
	*read = true;
	size_t before = p->naccounts;
	mailprof_status st = f->parse(p, buf, len, file, opt, d);
	for (size_t i = before; i < p->naccounts; i++)
		p->accounts[i].format = f->name;
	if (opt->email)
		mp_profile_substitute(p, opt->email, opt->real_name);
	return st;
}

const char *mailprof_email_problem(const char *s)
{
	const char *at = s ? strrchr(s, '@') : NULL;
	if (!s || !*s)
		return "is empty";
	if (!at || at == s || !at[1])
		return "is not local@domain";
	for (const char *c = s; *c; c++)
		if ((unsigned char)*c <= ' ' || *c == '%' || *c == '<' || *c == '>' || *c == '"')
			return "holds a blank, a control character, %, <, > or \"";
	return "";
}

mailprof_status mailprof_emit(const mailprof_profile *p, const char *format,
                              const mailprof_options *opt, char **out, size_t *out_len,
                              mailprof_diags *d)
{
	static const mailprof_options none;
	const struct mp_format *f = mp_format_find(format);
	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!f)
		return MAILPROF_ERR_FORMAT;
	if (!f->emit)
		return MAILPROF_ERR_UNSUPPORTED;
	if (!opt)
		opt = &none;
	/* Readers refuse text no format can hold; a library caller's model may
	 * hold it all the same: nothing is written rather than control bytes
	 * (or silently replaced ones) in a client's file. */
	if (!mp_profile_text_ok(p, f->name, opt->include_secrets, d))
		return MAILPROF_ERR_INVALID;
	mailprof_profile *q = mp_emit_prepare(p, f, d);
	if (!q)
		return MAILPROF_ERR_INVALID;
	mp_buf b = {0};
	mailprof_status st = f->emit(q, opt, &b, d);
	mailprof_profile_free(q);
	if (st != MAILPROF_OK) {
		mp_buf_free(&b);
		return st;
	}
	*out = mp_buf_take(&b, out_len);
	return MAILPROF_OK;
}

/* ---- sniffing helpers ---- */

const char *mp_skip_bom_ws(const char *buf, size_t len, size_t *rest)
{
	const char *p = buf, *e = buf + len;
	if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		p += 3;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	*rest = (size_t)(e - p);
	return p;
}

static const char *find(const char *p, const char *e, const char *needle)
{
	size_t n = strlen(needle);
	for (; p + n <= e; p++)
		if (memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

bool mp_xml_root_name(const char *buf, size_t len, char *name, size_t cap)
{
	size_t rest;
	const char *p = mp_skip_bom_ws(buf, len, &rest), *e = p + rest;
	/* Only look at the head: the root element comes early in any real file. */
	if (rest > 8192)
		e = p + 8192;
	/* A template's leading directives ({{define "x"}}, {% block %}): the
	 * document after them tells which format it renders, so its reader
	 * can refuse it as a template. */
	while (e - p >= 2 && p[0] == '{' && (p[1] == '{' || p[1] == '%')) {
		const char *end = find(p + 2, e, p[1] == '{' ? "}}" : "%}");
		if (!end)
			return false;
		p = end + 2;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
	}
	while (p < e && *p == '<') {
		if (p + 1 < e && (p[1] == '?' || p[1] == '!')) {
			bool comment = p[1] == '!' && e - p >= 4 && memcmp(p, "<!--", 4) == 0;
			const char *end = find(p, e, comment ? "-->" : ">");
			/* A DOCTYPE's internal subset holds '>' of its own
			 * (<!ENTITY ...>): skip to the "]" that closes it. The
			 * reader then refuses the entities; sniffing must still
			 * tell which format the document claims to be. */
			const char *open = comment ? NULL : memchr(p, '[', (size_t)(e - p));
			if (end && open && open < end) {
				const char *close = find(open, e, "]");
				end = close ? find(close, e, ">") : NULL;
			}
			if (!end)
				return false;
			p = end + (comment ? 3 : 1);
			while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
				p++;
			continue;
		}
		p++;
		const char *start = p;
		while (p < e && *p != ' ' && *p != '>' && *p != '/' && *p != '\t' && *p != '\r' &&
		       *p != '\n')
			p++;
		const char *colon = memchr(start, ':', (size_t)(p - start));
		if (colon)
			start = colon + 1;
		size_t n = (size_t)(p - start);
		if (!n || n >= cap)
			return false;
		memcpy(name, start, n);
		name[n] = '\0';
		return true;
	}
	return false;
}

const mp_account *mp_emit_first_account(const mailprof_profile *p, const char *why,
                                        mailprof_diags *d)
{
	if (!p->naccounts) {
		mp_diag(d, MAILPROF_ERROR, "empty", NULL, NULL, "no account to write");
		return NULL;
	}
	if (p->naccounts > 1)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &p->accounts[1].loc, NULL,
		        "%s; only the first of %zu is written", why, p->naccounts);
	return &p->accounts[0];
}
