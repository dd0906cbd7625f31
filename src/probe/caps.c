/* What a server says it offers: IMAP CAPABILITY (RFC 3501 section 7.2.1,
 * also in a greeting's [CAPABILITY] code), POP3 CAPA (RFC 2449) and SMTP
 * EHLO keywords (RFC 5321 section 4.1.1.1), read from a transcript. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "probe/probe.h"

void mp_printable(char *out, size_t n, const char *s, size_t len)
{
	size_t k = len < n - 1 ? len : n - 1;
	memmove(out, s, k);
	out[k] = '\0';
	for (size_t i = 0; i < k; i++)
		if ((unsigned char)out[i] < 0x20 || (unsigned char)out[i] > 0x7e)
			out[i] = '?';
}

/* Append s (n bytes) to a bounded space- or comma-separated list. */
static void list_add(char *list, size_t cap, const char *sep, const char *s, size_t n)
{
	size_t len = strlen(list);
	size_t need = (len ? strlen(sep) : 0) + n;
	if (len + need + 1 > cap)
		return; /* bounded: the report lists what fits */
	if (len)
		strcat(list, sep);
	len = strlen(list);
	memcpy(list + len, s, n);
	list[len + n] = '\0';
	for (size_t i = len; i < len + n; i++)
		if ((unsigned char)list[i] < 0x20 || (unsigned char)list[i] > 0x7e)
			list[i] = '?'; /* reports stay printable ASCII whatever the server sent */
}

static void add_mech(mp_caps *c, const char *s, size_t n)
{
	char m[40];
	if (n == 0 || n >= sizeof m)
		return;
	for (size_t i = 0; i < n; i++)
		m[i] = (char)toupper((unsigned char)s[i]);
	m[n] = '\0';
	if (mp_caps_has_mech(c, m))
		return;
	list_add(c->mechs, sizeof c->mechs, " ", m, n);
	c->auth = true;
}

bool mp_caps_has_mech(const mp_caps *c, const char *mech)
{
	size_t n = strlen(mech);
	for (const char *p = c->mechs; *p;) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && mp_strncasecmp(p, mech, n) == 0)
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

static void caps_reset(mp_caps *c)
{
	memset(c, 0, sizeof *c);
	c->size = -1;
	c->seen = true;
}

/* One IMAP capability token. */
static void imap_token(mp_caps *c, const char *s, size_t n)
{
	list_add(c->words, sizeof c->words, " ", s, n);
	if (n == 8 && mp_strncasecmp(s, "STARTTLS", 8) == 0)
		c->starttls = true;
	else if (n == 13 && mp_strncasecmp(s, "LOGINDISABLED", 13) == 0)
		c->login_disabled = true;
	else if (n == 7 && mp_strncasecmp(s, "UIDPLUS", 7) == 0)
		c->uidplus = true;
	else if (n > 5 && mp_strncasecmp(s, "AUTH=", 5) == 0)
		add_mech(c, s + 5, n - 5);
}

/* An IMAP capability list: tokens up to the end or a ']'. */
static void imap_list(mp_caps *c, const char *p, const char *end)
{
	caps_reset(c);
	while (p < end && *p != ']') {
		while (p < end && *p == ' ')
			p++;
		const char *s = p;
		while (p < end && *p != ' ' && *p != ']')
			p++;
		if (p > s)
			imap_token(c, s, (size_t)(p - s));
	}
}

/* Words of a POP3 CAPA or SMTP EHLO line (keyword and parameters). */
static void keyword_line(mp_caps *c, mp_protocol proto, const char *s, size_t n)
{
	list_add(c->words, sizeof c->words, ", ", s, n);
	size_t k = 0;
	while (k < n && s[k] != ' ' && s[k] != '=')
		k++;
	const char *arg = s + k + (k < n), *end = s + n;
	if (proto == MP_PROTO_POP3) {
		if (k == 4 && mp_strncasecmp(s, "STLS", 4) == 0)
			c->starttls = true;
		else if (k == 4 && mp_strncasecmp(s, "USER", 4) == 0)
			c->user = true;
		else if (!(k == 4 && mp_strncasecmp(s, "SASL", 4) == 0))
			return;
	} else {
		if (k == 8 && mp_strncasecmp(s, "STARTTLS", 8) == 0)
			c->starttls = true;
		else if (k == 4 && mp_strncasecmp(s, "SIZE", 4) == 0 && arg < end)
			c->size = strtol(arg, NULL, 10);
		if (!(k == 4 && mp_strncasecmp(s, "AUTH", 4) == 0))
			return;
		c->auth = true; /* AUTH with no mechanism listed still says "AUTH here" */
	}
	for (const char *p = arg; p < end;) {
		while (p < end && *p == ' ')
			p++;
		const char *m = p;
		while (p < end && *p != ' ')
			p++;
		if (p > m)
			add_mech(c, m, (size_t)(p - m));
	}
}

/* Next line of t from *p: its start and length; false at the end. */
static bool next_line(const char **p, const char **s, size_t *n)
{
	if (!*p || !**p)
		return false;
	const char *e = strchr(*p, '\n');
	*s = *p;
	*n = e ? (size_t)(e - *p) : strlen(*p);
	*p = e ? e + 1 : *p + *n;
	return true;
}

static bool is_cmd(const char *s, size_t n, const char *verb)
{
	size_t v = strlen(verb);
	return n >= v + 2 && s[0] == '>' && s[1] == ' ' && mp_strncasecmp(s + 2, verb, v) == 0 &&
	       (n == v + 2 || s[v + 2] == ' ');
}

void mp_caps_parse(mp_protocol proto, const char *t, mp_caps *pre, mp_caps *post)
{
	memset(pre, 0, sizeof *pre);
	pre->size = -1;
	mp_caps *cur = pre;
	bool after_tls = false;
	/* POP3 CAPA and SMTP EHLO: which reply is being read. */
	enum { NONE, WAIT, BODY } st = NONE;
	const char *p = t, *s;
	size_t n;
	while (next_line(&p, &s, &n)) {
		if (s[0] == '>') {
			if (is_cmd(s, n, "STARTTLS") || is_cmd(s, n, "STLS")) {
				after_tls = true;
				*post = *pre;
				cur = post;
			}
			st = (proto == MP_PROTO_POP3 && is_cmd(s, n, "CAPA")) ||
			             (proto == MP_PROTO_SMTP && is_cmd(s, n, "EHLO"))
			             ? WAIT
			             : NONE;
			continue;
		}
		if (proto == MP_PROTO_IMAP) {
			const char *c = NULL;
			if (n > 13 && strncmp(s, "* CAPABILITY ", 13) == 0)
				c = s + 13;
			else if (n > 2 && (s[0] == '*' || s[0] == 'A') && memchr(s, '[', n)) {
				const char *b = memchr(s, '[', n);
				if ((size_t)(s + n - b) > 12 && mp_strncasecmp(b, "[CAPABILITY ", 12) == 0)
					c = b + 12;
			}
			/* a reply read as it came (a CAPABILITY command's body) ends
			 * its lines with CRLF; a transcript's lines have no CR */
			if (c)
				imap_list(cur, c, s + n - (n && s[n - 1] == '\r'));
		} else if (proto == MP_PROTO_POP3) {
			if (st == WAIT) {
				if (n >= 3 && strncmp(s, "+OK", 3) == 0) {
					caps_reset(cur);
					st = BODY;
				} else
					st = NONE; /* -ERR: no CAPA (RFC 1939 servers) */
			} else if (st == BODY) {
				if (n == 1 && s[0] == '.')
					st = NONE;
				else
					keyword_line(cur, proto, s, n);
			}
		} else if (st != NONE && n >= 4 && strncmp(s, "250", 3) == 0) {
			if (st == WAIT) { /* first line: the server's name, not a keyword */
				caps_reset(cur);
				st = BODY;
			} else
				keyword_line(cur, proto, s + 4, n - 4);
			if (s[3] == ' ')
				st = NONE;
		}
	}
	if (!after_tls)
		*post = *pre;
}

bool mp_greeting(mp_protocol proto, const char *t, char *out, size_t n)
{
	const char *p = t, *s;
	size_t len;
	out[0] = '\0';
	while (next_line(&p, &s, &len)) {
		if (s[0] == '>')
			continue;
		mp_printable(out, n, s, len);
		switch (proto) {
		case MP_PROTO_IMAP: return strncmp(s, "* OK", 4) == 0 || strncmp(s, "* PREAUTH", 9) == 0;
		case MP_PROTO_POP3: return strncmp(s, "+OK", 3) == 0;
		default: return len >= 3 && strncmp(s, "220", 3) == 0;
		}
	}
	return false;
}

/* A reply that says no: SMTP 4xx/5xx, IMAP NO/BAD, POP3 -ERR. */
static bool is_refusal(const char *s, size_t n)
{
	if (n >= 3 && (s[0] == '4' || s[0] == '5') && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]))
		return true;
	if (n >= 4 && strncmp(s, "-ERR", 4) == 0)
		return true;
	const char *sp = memchr(s, ' ', n);
	size_t rest = sp ? n - (size_t)(sp + 1 - s) : 0;
	return sp && ((rest >= 3 && strncmp(sp + 1, "NO ", 3) == 0) || (rest >= 4 && strncmp(sp + 1, "BAD ", 4) == 0));
}

void mp_last_reply(const char *t, char *out, size_t n)
{
	const char *p = t, *s, *last = NULL, *refusal = NULL;
	size_t len, lastn = 0, refn = 0;
	out[0] = '\0';
	while (next_line(&p, &s, &len))
		if (s[0] != '>' && len) {
			last = s;
			lastn = len;
			if (is_refusal(s, len)) {
				refusal = s;
				refn = len;
			}
		}
	if (refusal) { /* the server's "no", not its goodbye after it */
		last = refusal;
		lastn = refn;
	}
	if (last)
		mp_printable(out, n, last, lastn);
}
