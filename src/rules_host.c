/* Rules on server host names. Sources: RFC 1123 section 2.1 (LDH names),
 * RFC 5891/5895 (width mapping), Thunderbird's hostname sanitizer. */
#include <string.h>

#include "check.h"

static void syntax_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (!h || mp_has_fullwidth(h) || mp_looks_like_url(h) || mp_has_non_ascii(h) || mp_host_is_ip(h) ||
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
	MP_SCOPE_ACCOUNT,
	{.account = run_host_syntax},
};

static void tld_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (!h || mp_has_placeholder(h) || mp_template_token(h) || mp_host_is_ip(h) || mp_host_problem(h) ||
	    mp_has_non_ascii(h) || mp_has_fullwidth(h))
		return; /* unset, or another rule says it better */
	const char *dot = strrchr(h, '.');
	if (!dot)
		return; /* one label: a name the local resolver completes */
	size_t n = strlen(dot + 1);
	if (n && !mp_tld_known(dot + 1, n)) {
		mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
		mp_report(c, &l, "host name '%s' ends in '.%s', which is no top-level domain", h, dot + 1);
	}
}

static void run_host_tld(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, tld_one);
}

const struct mp_rule mp_rule_host_tld = {
	{"MP066", "host-tld-unknown", MAILPROF_WARNING, "host name under no top-level domain",
	 "correct the last label of the host name (a typo such as .con for .com)",
	 "A host name whose last label is no top-level domain of the root zone resolves to nothing on "
	 "the Internet: a mistyped domain (imap.example.con, smtp.example.cmo) or a word taken for a host "
	 "(\"password.Most\" out of a sentence). The "
	 "special-use names networks resolve themselves (local, internal, lan, home, corp, localdomain, "
	 "test, example, invalid) are accepted. Sources: the IANA root zone database, via the Public "
	 "Suffix List's ICANN section (src/tlds.def); RFC 6761, RFC 6762."},
	MP_SCOPE_ACCOUNT,
	{.account = run_host_tld},
};

static void fullwidth_one(const mp_rule_ctx *c, const mp_server *s)
{
	if (s->host.v && mp_has_fullwidth(s->host.v)) {
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
	MP_SCOPE_ACCOUNT,
	{.account = run_host_fullwidth},
};

static void url_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (h && !mp_has_fullwidth(h) && mp_looks_like_url(h)) {
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
	MP_SCOPE_ACCOUNT,
	{.account = run_host_is_url},
};

static void idn_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (!h)
		return;
	/* Full-width forms are MP021's. */
	if (!mp_has_non_ascii(h) || mp_has_fullwidth(h))
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
	mp_report(c, &l, "host name '%s' is non-ASCII: write it as its xn-- A-label", h);
}

static void run_host_idn(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, idn_one);
}

const struct mp_rule mp_rule_host_idn = {
	{"MP022", "host-idn", MAILPROF_WARNING, "non-ASCII host name",
	 "write the internationalised name as its A-label (xn--...)",
	 "DNS looks up A-labels. An internationalised host name must be converted (IDNA2008) before "
	 "lookup, and several mail clients, Thunderbird among them, do not convert host names "
	 "typed into server settings. Look-alike characters in a host are also a phishing risk the "
	 "autoconfig draft warns about. Sources: RFC 5890, RFC 5891; Thunderbird bug 235312."},
	MP_SCOPE_ACCOUNT,
	{.account = run_host_idn},
};

static bool is_private_ip(const char *h)
{
	if (h[0] == '[' || strchr(h, ':'))
		return strstr(h, "::1") || mp_strncasecmp(h, "fe80", 4) == 0 || mp_strncasecmp(h, "[fe80", 5) == 0 ||
		       mp_strncasecmp(h, "fd", 2) == 0 || mp_strncasecmp(h, "[fd", 3) == 0;
	unsigned a = 0, b = 0;
	const char *p = h;
	while (*p >= '0' && *p <= '9')
		a = a * 10 + (unsigned)(*p++ - '0');
	if (*p == '.')
		p++;
	while (*p >= '0' && *p <= '9')
		b = b * 10 + (unsigned)(*p++ - '0');
	return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) ||
	       (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
}

static void ip_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (!h)
		return;
	bool local = mp_strcasecmp(h, "localhost") == 0 || mp_str_ends_with(h, ".local") ||
	             mp_str_ends_with(h, ".localdomain");
	if (!local && !mp_host_is_ip(h))
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
	if (local || is_private_ip(h))
		mp_report(c, &l, "host '%s' is a private or local address: unreachable from other networks", h);
	else
		mp_report(c, &l, "host '%s' is an IP address: certificates rarely cover it", h);
}

static void run_host_ip(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, ip_one);
}

const struct mp_rule mp_rule_host_ip = {
	{"MP024", "host-ip", MAILPROF_WARNING, "IP address or local name as host",
	 "use the server's DNS name, the one its certificate is issued for",
	 "TLS clients check the certificate against the host they were given; certificates are "
	 "issued for DNS names and rarely cover IP addresses, so TLS fails or the user learns to "
	 "accept warnings. Private (RFC 1918), loopback, link-local and .local addresses only work "
	 "inside one network. Sources: RFC 8314 section 5.3, RFC 1918, RFC 6762; Thunderbird "
	 "isLegalLocalIPAddress."},
	MP_SCOPE_ACCOUNT,
	{.account = run_host_ip},
};

static bool first_label_is(const char *h, const char *const *names)
{
	const char *dot = strchr(h, '.');
	if (!dot)
		return false;
	size_t n = (size_t)(dot - h);
	for (; *names; names++)
		if (strlen(*names) == n && mp_strncasecmp(*names, h, n) == 0)
			return true;
	return false;
}

static void role_one(const mp_rule_ctx *c, const mp_server *s)
{
	static const char *const imap[] = {"imap", "imaps", "imap4", NULL};
	static const char *const pop[] = {"pop", "pops", "pop3", "pop3s", NULL};
	static const char *const smtp[] = {"smtp", "smtps", "submission", NULL};
	const char *h = s->host.v;
	if (!h)
		return;
	const char *seems = NULL;
	if (s->protocol == MP_PROTO_SMTP)
		seems = first_label_is(h, imap) ? "IMAP" : first_label_is(h, pop) ? "POP3" : NULL;
	else if (s->protocol == MP_PROTO_IMAP)
		seems = first_label_is(h, smtp) ? "SMTP" : first_label_is(h, pop) ? "POP3" : NULL;
	else
		seems = first_label_is(h, smtp) ? "SMTP" : first_label_is(h, imap) ? "IMAP" : NULL;
	if (!seems)
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
	mp_report(c, &l, "%s server host '%s' is named like a %s server", mp_protocol_name(s->protocol),
	          h, seems);
}

static void run_host_role(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, role_one);
}

const struct mp_rule mp_rule_host_role = {
	{"MP025", "host-role-mismatch", MAILPROF_WARNING, "host named for another service",
	 "check the provider's values: the SMTP host is usually smtp.*, IMAP imap.*, POP3 pop.*",
	 "A server whose name says another service (an SMTP server at imap.example.net) is most "
	 "often a copy-paste error between fields. Some providers do run every service on one "
	 "name; suppress the finding then. Source: modoboa issue 4141 (outgoingServer = "
	 "imap.example.net)."},
	MP_SCOPE_ACCOUNT,
	{.account = run_host_role},
};

/* Is host under domain dom, or under a trusted hosting domain? */
static bool host_related(const char *host, const char *dom)
{
	const char *rh = mp_registrable(host), *rd = mp_registrable(dom);
	return mp_strcasecmp(rh, rd) == 0;
}

static bool trusted(const mp_rule_ctx *c, const char *host)
{
	for (size_t i = 0; c->cfg && i < c->cfg->ntrusted; i++) {
		const char *t = c->cfg->trusted[i];
		size_t hl = strlen(host), tl = strlen(t);
		if (mp_strcasecmp(host, t) == 0 ||
		    (hl > tl && host[hl - tl - 1] == '.' && mp_strcasecmp(host + hl - tl, t) == 0))
			return true;
	}
	return false;
}

static void run_host_foreign(const mp_rule_ctx *c, const mp_account *a)
{
	const char *at = a->email.v ? strrchr(a->email.v, '@') : NULL;
	const char *edom = at && !mp_has_placeholder(at) ? at + 1 : NULL;
	if (!edom && !a->ndomains)
		return;
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		const char *h = s->host.v;
		if (!h || mp_has_placeholder(h) || mp_host_is_ip(h) || mp_host_problem(h) || trusted(c, h))
			continue;
		bool ok = (edom && host_related(h, edom)) ||
		          (a->provider_id.v && host_related(h, a->provider_id.v));
		for (size_t i = 0; !ok && i < a->ndomains; i++)
			ok = a->domains[i].v && host_related(h, a->domains[i].v);
		if (ok)
			continue;
		mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
		mp_report(c, &l, "server %s is not under the address domain %s: check that the provider runs it",
		          h, edom ? edom : a->domains[0].v ? a->domains[0].v : "(none)");
	}
}

const struct mp_rule mp_rule_host_foreign = {
	{"MP026", "host-foreign-domain", MAILPROF_INFO, "server outside the address domain",
	 "confirm the hosting provider, then list its domain under [hosting] trusted in .mailprof.ini",
	 "A server whose registrable domain differs from the e-mail domain (and from every domain "
	 "the profile serves, and from the provider's own ID domain) may be a legitimate hosting provider or a hijacked configuration. The "
	 "autoconfig draft requires that such ownership be validated. Trusted hosting domains are "
	 "configured in .mailprof.ini. The registrable domain is approximated (last two labels, or "
	 "three under co.jp-style second levels) without the Public Suffix List. Sources: "
	 "draft-ietf-mailmaint-autoconfig; Thunderbird ISPDB review rules."},
	MP_SCOPE_ACCOUNT,
	{.account = run_host_foreign},
};
