/* Rules on ports and the choice between STARTTLS and implicit TLS.
 * Sources: IANA service name and port registry, RFC 8314 section 3. */
#include "check.h"

static bool has_tls_alternative(const mp_account *a, mp_protocol proto)
{
	for (size_t i = 0; i < a->nincoming; i++)
		if (a->incoming[i].protocol == proto && a->incoming[i].security.set &&
		    a->incoming[i].security.v == MP_SEC_TLS)
			return true;
	return false;
}

static void starttls_one(const mp_rule_ctx *c, const mp_account *a, const mp_server *s)
{
	/* Submission on 587 with STARTTLS is RFC 6409's own setup and what most
	 * providers publish; the stripping window matters most for reading mail. */
	if (s->protocol == MP_PROTO_SMTP || !s->security.set || s->security.v != MP_SEC_STARTTLS)
		return;
	/* A STARTTLS alternative behind an implicit-TLS server is a fallback. */
	if (has_tls_alternative(a, s->protocol))
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->security.loc);
	mp_report(c, &l, "%s server %s uses STARTTLS; implicit TLS on port %d avoids the plain-text start",
	          mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)",
	          mp_default_port(s->protocol, MP_SEC_TLS));
}

static void run_starttls_prefer_tls(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		starttls_one(c, a, &a->incoming[i]);
}

const struct mp_rule mp_rule_starttls_prefer_tls = {
	{"MP007", "starttls-prefer-tls", MAILPROF_INFO,
	 "STARTTLS where an implicit-TLS port exists",
	 "prefer implicit TLS: IMAP 993, POP3 995",
	 "STARTTLS begins in plain text and upgrades; an active attacker can delete the STARTTLS "
	 "capability and a lax client then continues in cleartext. RFC 8314 recommends implicit TLS "
	 "(993, 995) for mail access. Submission on 587 with STARTTLS stays the RFC 6409 setup and is "
	 "not reported, nor is a STARTTLS alternative listed after an implicit-TLS server. Sources: RFC 8314 section 3, RFC 2595 and RFC 3207 security considerations."},
	run_starttls_prefer_tls,
};

static bool well_known(int port)
{
	return mp_port_is_implicit_tls(port) || mp_port_is_starttls(port);
}

static void unusual_one(const mp_rule_ctx *c, const mp_server *s)
{
	if (!s->port.set || s->port.v < 1 || s->port.v > 65535 || well_known(s->port.v))
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->port.loc);
	mp_report(c, &l, "%s server %s on non-standard port %d", mp_protocol_name(s->protocol),
	          s->host.v ? s->host.v : "(no host)", s->port.v);
}

static void run_unusual_port(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, unusual_one);
}

const struct mp_rule mp_rule_unusual_port = {
	{"MP009", "unusual-port", MAILPROF_INFO, "non-standard port",
	 "keep it if the provider documents it; otherwise use the protocol's well-known port",
	 "Mail clients expect IMAP on 993/143, POP3 on 995/110 and SMTP on 465/587/25. Other ports "
	 "(2525, 586, 26) work only if the provider really runs the service there, and firewalls "
	 "often block them. Verify with the provider. Sources: IANA service name and port registry; "
	 "ISPDB rediffmail.com (SMTP on 586)."},
	run_unusual_port,
};

static void unset_one(const mp_rule_ctx *c, const mp_server *s)
{
	if (s->port.set)
		return;
	mp_security sec = s->security.set ? (mp_security)s->security.v : MP_SEC_NONE;
	mp_report(c, &s->loc, "%s server %s has no port: clients will guess (%d for this security)",
	          mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)",
	          mp_default_port(s->protocol, sec));
}

static void run_port_unset(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, unset_one);
}

const struct mp_rule mp_rule_port_unset = {
	{"MP043", "port-unset", MAILPROF_INFO, "server without a port",
	 "state the port (IMAP 993, POP3 995, SMTP 465 or 587)",
	 "Without a port a client falls back to its own default for the protocol, which may be the "
	 "cleartext port or a port the provider does not serve; an Apple profile without a port "
	 "uses the default for UseSSL. Stating it removes the guess. Sources: Thunderbird "
	 "readFromXML (port is required in autoconfig), Apple mail payload keys."},
	run_port_unset,
};
