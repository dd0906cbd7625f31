/* Rules on ports: SMTP on port 25 (OP25B), a port of another protocol,
 * out of range, unusual or unset. Sources: IANA service name and port
 * registry, RFC 6409 (submission), JEAG OP25B recommendation. */
#include <string.h>

#include "check.h"

static void run_port25_no_auth(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		if (s->port.set && s->port.v == 25 && !mp_server_logs_in(s)) {
			mailprof_loc l = mp_server_val_loc(s, &s->port.loc);
			mp_report(c, &l, "SMTP server %s on port 25 without authentication: port 25 is for relay "
			          "between servers and is blocked by most providers (OP25B)",
			          s->host.v ? s->host.v : "(no host)");
		}
	}
}

const struct mp_rule mp_rule_smtp_port25_no_auth = {
	{"MP001", "smtp-port25-no-auth", MAILPROF_ERROR,
	 "SMTP on port 25 without authentication",
	 "use port 587 with STARTTLS and SMTP-AUTH (password), or 465 with TLS",
	 "Port 25 is the relay port between mail servers. Providers block outbound port 25 from "
	 "consumer networks (Outbound Port 25 Blocking, OP25B) and expect clients to submit on 587 "
	 "with STARTTLS and SMTP-AUTH, or on 465 with implicit TLS. A client configured for port 25 "
	 "without authentication cannot send from most networks. Sources: RFC 6409 section 3.1, "
	 "RFC 5068, JEAG OP25B recommendation."},
	MP_SCOPE_ACCOUNT,
	{.account = run_port25_no_auth},
};

static void run_port25(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		if (s->port.set && s->port.v == 25 && mp_server_logs_in(s)) {
			mailprof_loc l = mp_server_val_loc(s, &s->port.loc);
			mp_report(c, &l, "SMTP submission on port 25: many networks block it (OP25B)");
		}
	}
}

const struct mp_rule mp_rule_smtp_port25 = {
	{"MP002", "smtp-port25", MAILPROF_WARNING, "SMTP submission on port 25",
	 "use port 587 (STARTTLS) or 465 (TLS)",
	 "Even with authentication, port 25 is for server-to-server relay; consumer networks block it "
	 "(OP25B). Mail clients should submit on 587 or 465. Sources: RFC 6409 section 3.1, RFC 8314 "
	 "section 3.3."},
	MP_SCOPE_ACCOUNT,
	{.account = run_port25},
};

static const char *port_owner(int port)
{
	switch (port) {
	case 110: case 995: return "pop3";
	case 143: case 993: return "imap";
	case 25: case 465: case 587: return "smtp";
	}
	return NULL;
}

static void other_port_check(const mp_rule_ctx *c, const mp_server *s)
{
	const char *owner = s->port.set ? port_owner(s->port.v) : NULL;
	if (!owner || strcmp(owner, mp_protocol_name(s->protocol)) == 0)
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->port.loc);
	mp_report(c, &l, "%s server on port %d, which is the %s port", mp_protocol_name(s->protocol),
	          s->port.v, owner);
}

static void run_port_of_other_protocol(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		other_port_check(c, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		other_port_check(c, &a->outgoing[i]);
}

const struct mp_rule mp_rule_port_of_other_protocol = {
	{"MP008", "port-of-other-protocol", MAILPROF_WARNING,
	 "protocol on another protocol's well-known port",
	 "use the protocol's own port (IMAP 993/143, POP3 995/110, SMTP 465/587)",
	 "Each protocol has its IANA ports: IMAP 143/993, POP3 110/995, SMTP 25/465/587. A POP3 server "
	 "on 993 or an IMAP server on 110 is almost always a copy-paste error. Source: IANA service "
	 "name and port registry; ISPDB cases pdx.edu and arubapec.it."},
	MP_SCOPE_ACCOUNT,
	{.account = run_port_of_other_protocol},
};

static void range_check(const mp_rule_ctx *c, const mp_server *s)
{
	if (!s->port.set || (s->port.v >= 1 && s->port.v <= 65535))
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->port.loc);
	mp_report(c, &l, "port %d is outside 1-65535", s->port.v);
}

static void run_port_range(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		range_check(c, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		range_check(c, &a->outgoing[i]);
}

const struct mp_rule mp_rule_port_range = {
	{"MP010", "port-range", MAILPROF_ERROR, "port outside 1-65535",
	 "give a TCP port from 1 to 65535 (the protocol's well-known port if unsure)",
	 "TCP ports are 16-bit numbers from 1 to 65535; port 0 is reserved. Clients reject or "
	 "truncate anything else. Source: RFC 793; Thunderbird's InputSanitizer integerRange(1, "
	 "65535)."},
	MP_SCOPE_ACCOUNT,
	{.account = run_port_range},
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
	MP_SCOPE_ACCOUNT,
	{.account = run_unusual_port},
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
	MP_SCOPE_ACCOUNT,
	{.account = run_port_unset},
};
