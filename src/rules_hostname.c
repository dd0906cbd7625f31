/* More host-name rules: IDN, IP literals, role mismatch, unrelated domain.
 * Sources: RFC 5890/5891, RFC 8314 section 5.3, autoconfig draft. */
#include <string.h>

#include "check.h"

bool mp_host_is_ip(const char *h)
{
	if (h[0] == '[')
		return true;
	if (strchr(h, ':')) { /* bare IPv6: hex digits, colons, maybe a dotted tail */
		for (const char *p = h; *p; p++)
			if (!strchr("0123456789abcdefABCDEF:.", *p))
				return false;
		return true;
	}
	int dots = 0;
	for (const char *p = h; *p; p++) {
		if (*p == '.')
			dots++;
		else if (*p < '0' || *p > '9')
			return false;
	}
	return dots == 3;
}

/* Second-level labels under which ccTLD registries hand out names
 * (example.co.jp, example.com.au): a small stand-in for the PSL. */
static bool is_second_level(const char *l, size_t n)
{
	static const char *const sl[] = {"co", "ne", "or", "ac", "ad", "ed", "go", "gr", "lg",
	                                  "com", "net", "org", "gov", "edu"};
	for (size_t i = 0; i < MP_COUNT(sl); i++)
		if (strlen(sl[i]) == n && mp_strncasecmp(sl[i], l, n) == 0)
			return true;
	return false;
}

const char *mp_registrable(const char *d)
{
	size_t n = strlen(d);
	while (n && d[n - 1] == '.')
		n--;
	const char *dots[3] = {NULL, NULL, NULL}; /* last, 2nd last, 3rd last dot */
	for (size_t i = n; i-- > 0;)
		if (d[i] == '.') {
			dots[0] ? dots[1] ? (void)(dots[2] = d + i) : (void)(dots[1] = d + i) : (void)(dots[0] = d + i);
			if (dots[2])
				break;
		}
	if (!dots[1])
		return d;
	size_t tld = (size_t)(d + n - dots[0] - 1);
	size_t sld = (size_t)(dots[0] - dots[1] - 1);
	if (tld == 2 && is_second_level(dots[1] + 1, sld))
		return dots[2] ? dots[2] + 1 : d;
	return dots[1] + 1;
}

static void idn_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *h = s->host.v;
	if (!h)
		return;
	bool non_ascii = false, fullwidth = false;
	for (const unsigned char *p = (const unsigned char *)h; *p; p++) {
		non_ascii |= *p >= 0x80;
		/* U+3000/U+3002 and U+FF01..U+FF64 are MP021's. */
		fullwidth |= (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x80 || p[2] == 0x82)) ||
		             (p[0] == 0xEF && (p[1] == 0xBC || (p[1] == 0xBD && p[2] <= 0xA4)));
	}
	if (!non_ascii || fullwidth)
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
	run_host_idn,
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
	run_host_ip,
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
	run_host_role,
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
	run_host_foreign,
};
