/* Rules on server host names. Sources: RFC 1123 section 2.1 (LDH names),
 * RFC 5891/5895 (width mapping), Thunderbird's hostname sanitizer. */
#include <string.h>

#include "check.h"

/* U+3000, U+3002, U+FF01..U+FF5E, U+FF61 in UTF-8: typed with an IME. */
static bool has_fullwidth(const char *h)
{
	for (const unsigned char *p = (const unsigned char *)h; *p; p++) {
		if (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x80 || p[2] == 0x82))
			return true;
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF)
			return true;
		if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0xA1)
			return true;
	}
	return false;
}

static bool has_non_ascii(const char *h)
{
	for (const unsigned char *p = (const unsigned char *)h; *p; p++)
		if (*p >= 0x80)
			return true;
	return false;
}

static bool looks_like_url(const char *h)
{
	return strstr(h, "://") || strchr(h, '/') || strchr(h, '@') || strchr(h, '?');
}

/* Why h is not a valid host name, or NULL. Placeholders count as one label
 * character each, since the client substitutes them. */
const char *mp_host_problem(const char *h)
{
	if (!*h)
		return "it is empty";
	size_t total = 0, label = 0;
	char prev = '.';
	for (const char *p = h; *p; p++) {
		char ch = *p;
		if (ch == '%') {
			const char *e = strchr(p + 1, '%');
			if (e && e > p + 1) {
				p = e;
				label++, total++;
				prev = 'a';
				continue;
			}
		}
		if (ch == ' ' || ch == '\t')
			return "it contains white space";
		if (ch == '.') {
			if (prev == '.')
				return p == h ? "it starts with a dot" : "it has an empty label (two dots)";
			if (prev == '-')
				return "a label ends with '-'";
			label = 0;
		} else if (ch == '-') {
			if (prev == '.')
				return "a label starts with '-'";
			label++;
		} else if ((unsigned char)ch >= 0x80) {
			return "it contains non-ASCII characters (use the xn-- form)";
		} else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			return ch == '_' ? "it contains '_'" : "it contains a character other than letters, digits, '-' and '.'";
		} else
			label++;
		if (label > 63)
			return "a label is longer than 63 characters";
		total++;
		prev = ch;
	}
	if (prev == '-')
		return "it ends with '-'";
	if (total > 253)
		return "it is longer than 253 characters";
	return NULL;
}

static void syntax_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (!h || has_fullwidth(h) || looks_like_url(h) || has_non_ascii(h) || mp_host_is_ip(h) ||
	    mp_template_token(h))
		return; /* unset, or MP021 / MP023 / MP022 / MP024 / MP032 say it better */
	const char *why = mp_host_problem(h);
	if (why) {
		mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
		mp_report(c, &l, "invalid host name '%s': %s", h, why);
	}
}

static void run_host_syntax(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, syntax_one);
}

const struct mp_rule mp_rule_host_syntax = {
	{"MP020", "host-syntax", MAILPROF_ERROR, "invalid host name",
	 "correct the host name: letters, digits and '-' in dot-separated labels",
	 "A host name is dot-separated labels of 1-63 letters, digits and hyphens, not starting or "
	 "ending with a hyphen, 253 characters at most. Spaces, underscores, empty labels and "
	 "non-ASCII characters make every client fail the lookup. Sources: RFC 1123 section 2.1, RFC "
	 "952; Thunderbird isLegalHostName."},
	run_host_syntax,
};

static void fullwidth_one(const mp_rule_ctx *c, const mp_server *s)
{
	if (s->host.v && has_fullwidth(s->host.v)) {
		mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
		mp_report(c, &l, "host name '%s' contains full-width characters", s->host.v);
	}
}

static void run_host_fullwidth(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, fullwidth_one);
}

const struct mp_rule mp_rule_host_fullwidth = {
	{"MP021", "host-fullwidth", MAILPROF_ERROR, "full-width characters in a host name",
	 "fold the full-width letters, digits and dots to ASCII (mailprof convert --fix does this)",
	 "Host names copied from Japanese notices or typed with an input method often contain "
	 "full-width forms (ｍａｉｌ．ｅｘａｍｐｌｅ．ｊｐ), the ideographic full stop or space. They "
	 "look right but resolve to nothing. Width-mapping them to ASCII is safe. Sources: RFC 5895 "
	 "section 2, RFC 5891."},
	run_host_fullwidth,
};

static void url_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (h && !has_fullwidth(h) && looks_like_url(h)) {
		mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
		mp_report(c, &l, "host '%s' is a URL or address, not a server name", h);
	}
}

static void run_host_is_url(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, url_one);
}

const struct mp_rule mp_rule_host_is_url = {
	{"MP023", "host-is-url", MAILPROF_ERROR, "URL or e-mail address given as host",
	 "use the server name alone (e.g. imap.example.com), without scheme, path or '@'",
	 "A mail server setting takes a bare host name. A web-mail or portal URL (https://..., "
	 "/webmail) or an e-mail address in the host field is a common mistake when copying from a "
	 "provider's letter. Source: Thunderbird hostname sanitizer; provider notices."},
	run_host_is_url,
};
