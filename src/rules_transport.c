/* Rules on ports, transport security and authentication. Sources: RFC 8314
 * (implicit TLS), RFC 6409 (submission), RFC 3207/2595 (STARTTLS), RFC 4954
 * (SMTP AUTH), IANA port registry, JEAG OP25B recommendation. */
#include <string.h>

#include "check.h"

/* Security a client will use: the stated one, else what the port implies. */
static mp_security eff_security(const mp_server *s, bool *stated)
{
	*stated = s->security.set;
	if (s->security.set)
		return (mp_security)s->security.v;
	return s->port.set && mp_port_is_implicit_tls(s->port.v) ? MP_SEC_TLS : MP_SEC_NONE;
}

/* True when the server identifies the user at all. */
static bool logs_in(const mp_server *s)
{
	return mp_server_uses_password(s) || mp_server_has_auth(s, MP_AUTH_OAUTH2) ||
	       mp_server_has_auth(s, MP_AUTH_GSSAPI) || mp_server_has_auth(s, MP_AUTH_CLIENT_CERT);
}

/* Incoming servers always log in; no stated method means a password. */
static bool sends_password(const mp_server *s)
{
	if (s->protocol != MP_PROTO_SMTP && s->nauth == 0)
		return true;
	return mp_server_has_auth(s, MP_AUTH_PASSWORD_CLEARTEXT) ||
	       (s->nauth && s->auth[0] == MP_AUTH_PASSWORD_CLEARTEXT);
}

static mailprof_loc port_loc(const mp_server *s)
{
	return mp_server_val_loc(s, &s->port.loc);
}

static void run_port25_no_auth(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		if (s->port.set && s->port.v == 25 && !logs_in(s)) {
			mailprof_loc l = port_loc(s);
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
	run_port25_no_auth,
};

static void run_port25(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		if (s->port.set && s->port.v == 25 && logs_in(s)) {
			mailprof_loc l = port_loc(s);
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
	run_port25,
};

static void password_check(const mp_rule_ctx *c, const mp_server *s)
{
	bool stated;
	if (!sends_password(s) || eff_security(s, &stated) != MP_SEC_NONE)
		return;
	mailprof_loc l = mp_server_val_loc(s, stated ? &s->security.loc : &s->port.loc);
	mp_report(c, &l, "%s server %s sends the password in cleartext: %s", mp_protocol_name(s->protocol),
	          s->host.v ? s->host.v : "(no host)",
	          stated ? "no TLS" : "no connection security is set");
}

static void run_cleartext_password(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		password_check(c, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		password_check(c, &a->outgoing[i]);
}

const struct mp_rule mp_rule_cleartext_password = {
	{"MP003", "cleartext-password", MAILPROF_ERROR, "password sent without TLS",
	 "use implicit TLS (993, 995, 465) or STARTTLS",
	 "A plain password login over a connection without TLS lets anyone on the path read the "
	 "password. Use implicit TLS (IMAP 993, POP3 995, SMTP 465) or STARTTLS. Sources: RFC 8314 "
	 "sections 4 and 5, RFC 4954 section 4, RFC 2595."},
	run_cleartext_password,
};

static void run_no_tls(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++) {
		const mp_server *s = &a->incoming[i];
		bool stated;
		if (!sends_password(s) && eff_security(s, &stated) == MP_SEC_NONE && stated) {
			mailprof_loc l = mp_server_val_loc(s, &s->security.loc);
			mp_report(c, &l, "%s server %s is reached without TLS: mail is read in cleartext",
			          mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)");
		}
	}
}

const struct mp_rule mp_rule_no_tls = {
	{"MP004", "no-tls", MAILPROF_WARNING, "incoming mail read without TLS",
	 "enable TLS (993 for IMAP, 995 for POP3)",
	 "Even when no password is sent, mail content travels unencrypted. Source: RFC 8314 section "
	 "5.2."},
	run_no_tls,
};

static void tls_port_check(const mp_rule_ctx *c, const mp_server *s)
{
	if (!s->port.set || !s->security.set || !mp_port_is_implicit_tls(s->port.v) ||
	    s->security.v == MP_SEC_TLS)
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->security.loc);
	mp_report(c, &l, "port %d is an implicit-TLS port but security is %s: the connection will fail",
	          s->port.v, mp_security_name((mp_security)s->security.v));
}

static void run_tls_port_without_tls(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		tls_port_check(c, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		tls_port_check(c, &a->outgoing[i]);
}

const struct mp_rule mp_rule_tls_port_without_tls = {
	{"MP005", "tls-port-without-tls", MAILPROF_ERROR,
	 "implicit-TLS port (465, 993, 995) without TLS",
	 "set security to tls on this port, or use STARTTLS on 587, 143 or 110",
	 "Ports 465, 993 and 995 expect a TLS handshake as the first bytes. A client that speaks "
	 "plain text or waits for a STARTTLS greeting on them hangs or fails. Source: RFC 8314 "
	 "section 3."},
	run_tls_port_without_tls,
};

static void starttls_port_check(const mp_rule_ctx *c, const mp_server *s)
{
	if (!s->port.set || !s->security.set || !mp_port_is_starttls(s->port.v) ||
	    s->security.v != MP_SEC_TLS)
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->security.loc);
	mp_report(c, &l, "port %d is a plain/STARTTLS port but security is implicit TLS: most servers "
	          "will not answer a TLS handshake there", s->port.v);
}

static void run_starttls_port_with_tls(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		starttls_port_check(c, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		starttls_port_check(c, &a->outgoing[i]);
}

const struct mp_rule mp_rule_starttls_port_with_tls = {
	{"MP006", "starttls-port-with-tls", MAILPROF_WARNING,
	 "STARTTLS port (25, 110, 143, 587) with implicit TLS",
	 "use starttls on this port, or the implicit-TLS port (465, 993, 995)",
	 "Ports 587, 143, 110 and 25 start in plain text and upgrade with STARTTLS. Implicit TLS on "
	 "them only works where the provider configured it so (a few do: suppress the finding "
	 "then). Sources: RFC 8314 section 3, RFC 6409."},
	run_starttls_port_with_tls,
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
	mailprof_loc l = port_loc(s);
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
	run_port_of_other_protocol,
};

static void range_check(const mp_rule_ctx *c, const mp_server *s)
{
	if (!s->port.set || (s->port.v >= 1 && s->port.v <= 65535))
		return;
	mailprof_loc l = port_loc(s);
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
	run_port_range,
};

static void run_submission_no_auth(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		/* Port 25 has its own rule (MP001). */
		if ((s->port.set && s->port.v == 25) || logs_in(s))
			continue;
		mailprof_loc l = mp_server_val_loc(s, s->nauth ? &s->auth_loc : &s->port.loc);
		mp_report(c, &l, "SMTP server %s without authentication: %s",
		          s->host.v ? s->host.v : "(no host)",
		          mp_server_has_auth(s, MP_AUTH_SMTP_AFTER_POP) ? "SMTP-after-POP is not SMTP-AUTH"
		          : mp_server_has_auth(s, MP_AUTH_CLIENT_IP)    ? "it only works from the provider's own network"
		                                                        : "submission servers require SMTP-AUTH");
	}
}

const struct mp_rule mp_rule_smtp_submission_no_auth = {
	{"MP041", "smtp-submission-no-auth", MAILPROF_ERROR, "SMTP submission without authentication",
	 "turn on SMTP-AUTH (password-cleartext over TLS, or oauth2)",
	 "The submission service (587, 465) requires the client to authenticate before it accepts "
	 "mail (RFC 6409 section 4.3); providers refuse unauthenticated submission to stop spam. A "
	 "profile with no SMTP authentication, SMTP-after-POP or client-IP trust fails outside the "
	 "provider's own network. Sources: RFC 6409, RFC 4954."},
	run_submission_no_auth,
};
