/* Rules on transport security: passwords in the clear, no TLS, TLS and
 * STARTTLS on each other's ports, STARTTLS where implicit TLS is offered.
 * Sources: RFC 8314 (implicit TLS), RFC 3207/2595 (STARTTLS). */
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

/* Incoming servers always log in; no stated method means a password. */
static bool sends_password(const mp_server *s)
{
	if (s->protocol != MP_PROTO_SMTP && s->nauth == 0)
		return true;
	return mp_server_has_auth(s, MP_AUTH_PASSWORD_CLEARTEXT) ||
	       (s->nauth && s->auth[0] == MP_AUTH_PASSWORD_CLEARTEXT);
}

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
	MP_SCOPE_ACCOUNT,
	{.account = run_cleartext_password},
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
	MP_SCOPE_ACCOUNT,
	{.account = run_no_tls},
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
	MP_SCOPE_ACCOUNT,
	{.account = run_tls_port_without_tls},
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
	MP_SCOPE_ACCOUNT,
	{.account = run_starttls_port_with_tls},
};

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
	MP_SCOPE_ACCOUNT,
	{.account = run_starttls_prefer_tls},
};
