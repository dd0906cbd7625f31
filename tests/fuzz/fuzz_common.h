/* Shared by the fuzz harnesses: validators written independently of the
 * code under test (a bug in the library's own UTF-8 or JSON code must not
 * hide itself), and small helpers. Each harness is a libFuzzer target
 * (make fuzz) and is also compiled into the test runner under another entry
 * name (FUZZ_ENTRY), so make check replays its corpus and every crash kept in
 * tests/fuzz/regressions/ without clang. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "mailprof.h"
#include "model.h" /* the harnesses look at passwords */

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif
int FUZZ_ENTRY(const uint8_t *data, size_t size);

/* What the harness is doing (a format name), for the failure message. */
static const char *fz_where = "";

/* A broken invariant: say which, then abort so libFuzzer keeps the input. */
#define FZ_ASSERT(cond, what)                                                                      \
	do {                                                                                           \
		if (!(cond)) {                                                                             \
			fprintf(stderr, "fuzz invariant broken: %s [%s] (%s:%d)\n", what, fz_where, __FILE__,  \
			        __LINE__);                                                                     \
			abort();                                                                               \
		}                                                                                          \
	} while (0)

static inline size_t fz_nformats(void)
{
	size_t n = 0;
	while (mailprof_format_name(n))
		n++;
	return n;
}

/* The reader a selector byte picks: 0 is "detect", k is the k-th name of
 * this list. The committed corpora's first bytes are such indexes, so the
 * list is append-only and frozen in the order the format table had when the
 * seeds were made: a format added in the middle of src/formats.def must not
 * make old seeds read with another reader. Formats the list does not name
 * follow it in table order, so a new reader is fuzzed without a line here. */
static const char *const fz_frozen_formats[] = {
	"autoconfig", "autodiscover", "mobileconfig", "oeaccount", "ini",   "json",  "notice",
	"userjs",     "msmtp",        "fetchmail",    "mbsync",    "neomutt", "prf",
};

static inline const char *fz_pick_format(unsigned selector)
{
	enum { FROZEN = sizeof fz_frozen_formats / sizeof *fz_frozen_formats };
	static const char *order[FROZEN + 64];
	static size_t n;
	if (!n) {
		for (size_t i = 0; i < FROZEN; i++)
			order[n++] = fz_frozen_formats[i];
		for (size_t i = 0; mailprof_format_name(i) && n < sizeof order / sizeof *order; i++) {
			const char *name = mailprof_format_name(i);
			bool frozen = false;
			for (size_t k = 0; k < FROZEN && !frozen; k++)
				frozen = strcmp(name, fz_frozen_formats[k]) == 0;
			if (!frozen)
				order[n++] = name;
		}
	}
	size_t pick = selector % (n + 1);
	/* a name the library no longer has reads as "detect" */
	return pick && mailprof_format_caps(order[pick - 1]) ? order[pick - 1] : NULL;
}

/* Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF). With
 * xml_chars, also only characters of XML 1.0's Char production. */
static inline size_t fz_utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
	if (!n)
		return 0;
	if (s[0] < 0x80)
		return *cp = s[0], 1;
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (!len || len > n || s[0] > 0xF4)
		return 0;
	unsigned long c = s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	static const unsigned long min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < min[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return *cp = c, len;
}

static inline bool fz_xml_char(unsigned long c)
{
	return c == 9 || c == 10 || c == 13 || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
	       (c >= 0x10000 && c <= 0x10FFFF);
}

/* Valid UTF-8 of XML characters; for_terminal: no DEL or C1 controls
 * either, and no line breaks. */
static inline bool fz_text_ok(const char *s, size_t n, bool for_terminal)
{
	const unsigned char *u = (const unsigned char *)s;
	bool allow_newlines = !for_terminal;
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t k = fz_utf8_char(u + i, n - i, &c);
		if (!k || !fz_xml_char(c) || (for_terminal && c >= 0x7F && c < 0xA0))
			return false;
		if (!allow_newlines && (c == '\n' || c == '\r'))
			return false;
		i += k;
	}
	return true;
}

/* ---- a strict JSON validator (RFC 8259, UTF-8) ---- */
struct fz_json {
	const unsigned char *p, *e;
	int depth;
};

static inline void fz_json_ws(struct fz_json *j)
{
	while (j->p < j->e && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static inline bool fz_json_string(struct fz_json *j)
{
	j->p++;
	while (j->p < j->e && *j->p != '"') {
		if (*j->p < 0x20)
			return false;
		if (*j->p == '\\') {
			j->p++;
			if (j->p >= j->e)
				return false;
			if (*j->p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (j->p + i >= j->e || !strchr("0123456789abcdefABCDEF", j->p[i]))
						return false;
				j->p += 5;
			} else if (strchr("\"\\/bfnrt", *j->p) && *j->p)
				j->p++;
			else
				return false;
			continue;
		}
		unsigned long c;
		size_t k = fz_utf8_char(j->p, (size_t)(j->e - j->p), &c);
		if (!k)
			return false;
		j->p += k;
	}
	if (j->p >= j->e)
		return false;
	j->p++;
	return true;
}

static inline bool fz_json_value(struct fz_json *j)
{
	fz_json_ws(j);
	if (j->p >= j->e || ++j->depth > 200)
		return false;
	bool ok = true;
	unsigned char c = *j->p;
	if (c == '{' || c == '[') {
		unsigned char close = c == '{' ? '}' : ']';
		j->p++;
		fz_json_ws(j);
		if (j->p < j->e && *j->p == close)
			j->p++;
		else
			for (;;) {
				if (c == '{') {
					fz_json_ws(j);
					if (j->p >= j->e || *j->p != '"' || !fz_json_string(j))
						return false;
					fz_json_ws(j);
					if (j->p >= j->e || *j->p++ != ':')
						return false;
				}
				if (!fz_json_value(j))
					return false;
				fz_json_ws(j);
				if (j->p < j->e && *j->p == ',') {
					j->p++;
					continue;
				}
				if (j->p < j->e && *j->p == close) {
					j->p++;
					break;
				}
				return false;
			}
	} else if (c == '"') {
		ok = fz_json_string(j);
	} else if (j->e - j->p >= 4 && (!memcmp(j->p, "null", 4) || !memcmp(j->p, "true", 4))) {
		j->p += 4;
	} else if (j->e - j->p >= 5 && !memcmp(j->p, "false", 5)) {
		j->p += 5;
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		while (j->p < j->e && strchr("+-0123456789.eE", *j->p) && *j->p)
			j->p++;
	} else
		ok = false;
	j->depth--;
	return ok;
}

static inline bool fz_json_ok(const char *s, size_t n)
{
	struct fz_json j = {(const unsigned char *)s, (const unsigned char *)s + n, 0};
	if (!fz_json_value(&j))
		return false;
	fz_json_ws(&j);
	return j.p == j.e;
}

/* Well-formed XML (any encoding its declaration or BOM names). */
static inline bool fz_xml_ok(const char *s, size_t n)
{
	xmlDocPtr doc = xmlReadMemory(s, (int)n, "fuzz.xml", NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc)
		return false;
	xmlFreeDoc(doc);
	return true;
}

/* Write data to a per-process scratch file; returns its path (static). */
static inline const char *fz_scratch(const char *tag, const void *data, size_t n)
{
	static char path[4][128];
	static int slot;
	char *p = path[slot++ % 4];
	snprintf(p, 128, "/tmp/mpfuzz-%ld-%s", (long)getpid(), tag);
	FILE *f = fopen(p, "wb");
	if (!f)
		abort();
	if (n && fwrite(data, 1, n, f) != n)
		abort();
	fclose(f);
	return p;
}

/* Split data at the first NUL: *a = before (len *na), *b = after. */
static inline void fz_split(const char *data, size_t size, const char **a, size_t *na, const char **b,
                            size_t *nb)
{
	const char *z = memchr(data, '\0', size);
	*a = data;
	*na = z ? (size_t)(z - data) : size;
	*b = z ? z + 1 : data + size;
	*nb = z ? size - *na - 1 : 0;
}

/* Every finding must be printable text: no control bytes, valid UTF-8. */
static inline void fz_check_diags(const mailprof_diags *d)
{
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		FZ_ASSERT(g->id && g->message, "finding without id or message");
		if (!mailprof_rule_find(g->id))
			fprintf(stderr, "undocumented finding ID %s\n", g->id);
		FZ_ASSERT(mailprof_rule_find(g->id), "a finding ID that is neither a rule nor a code");
		FZ_ASSERT(fz_text_ok(g->message, strlen(g->message), true),
		          "finding message holds control bytes or invalid UTF-8");
		FZ_ASSERT(!g->fix || fz_text_ok(g->fix, strlen(g->fix), true),
		          "finding fix holds control bytes or invalid UTF-8");
	}
}

/* A password worth looking for: long enough not to occur by chance, not a
 * plain word, and not also some other value of the profile a finding may
 * rightly quote. */
static inline bool fz_distinctive(const mailprof_profile *p, const char *pw)
{
	if (!pw || strlen(pw) < 8)
		return false;
	/* Letters, blanks and punctuation only may be words of a message with
	 * their punctuation ("Thunderbird", "oeaccount:" of "oeaccount: smtp
	 * server ..."): only a password holding a digit or a non-ASCII byte is
	 * looked for. */
	bool other = false;
	for (const unsigned char *c = (const unsigned char *)pw; *c; c++)
		other |= (*c >= '0' && *c <= '9') || *c >= 0x80;
	if (!other)
		return false;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		const mp_str *s[] = {&a->email, &a->display_name, &a->provider_id, &a->provider_name,
		                     &a->provider_short_name};
		for (size_t k = 0; k < sizeof s / sizeof *s; k++)
			if (s[k]->v && strstr(s[k]->v, pw))
				return false;
		for (size_t j = 0; j < a->ndomains; j++)
			if (strstr(a->domains[j].v, pw))
				return false;
		for (size_t j = 0; j < a->nincoming + a->noutgoing; j++) {
			const mp_server *sv = j < a->nincoming ? &a->incoming[j] : &a->outgoing[j - a->nincoming];
			if ((sv->host.v && strstr(sv->host.v, pw)) || (sv->username.v && strstr(sv->username.v, pw)))
				return false;
		}
	}
	return true;
}

#endif
