/* From what a live server did to findings of the probe rules (rules_probe.c).
 * Pure: unit tests feed it observations without a server. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "probe/probe.h"

static const char *sec_word(int sec)
{
	return sec == MP_SEC_TLS ? "TLS" : sec == MP_SEC_STARTTLS ? "STARTTLS" : "no TLS";
}

static mailprof_loc at(const mp_server *s, const mailprof_loc *val)
{
	return mp_server_val_loc(s, val);
}


/* The profile's methods a password login can use: cleartext ones first. */
static bool offers(const mp_server *s, const mp_caps *c, mp_auth a)
{
	switch (a) {
	case MP_AUTH_PASSWORD_CLEARTEXT:
		if (mp_caps_has_mech(c, "PLAIN") || mp_caps_has_mech(c, "LOGIN"))
			return true;
		if (s->protocol == MP_PROTO_IMAP)
			return !c->login_disabled;
		if (s->protocol == MP_PROTO_POP3)
			return c->user || !c->seen; /* no CAPA: RFC 1939's USER/PASS */
		return false;
	case MP_AUTH_PASSWORD_ENCRYPTED:
		return mp_caps_has_mech(c, "CRAM-MD5") || mp_caps_has_mech(c, "DIGEST-MD5") ||
		       mp_caps_has_mech(c, "SCRAM-SHA-1") || mp_caps_has_mech(c, "SCRAM-SHA-256");
	case MP_AUTH_NTLM: return mp_caps_has_mech(c, "NTLM");
	case MP_AUTH_GSSAPI: return mp_caps_has_mech(c, "GSSAPI");
	case MP_AUTH_OAUTH2: return mp_caps_has_mech(c, "XOAUTH2") || mp_caps_has_mech(c, "OAUTHBEARER");
	default: return true; /* none, client certificate, IP trust: nothing the list can show */
	}
}

const char *mp_probe_auth_words(mp_auth a)
{
	switch (a) {
	case MP_AUTH_PASSWORD_CLEARTEXT: return "PLAIN, LOGIN, the IMAP LOGIN command or POP3 USER";
	case MP_AUTH_PASSWORD_ENCRYPTED: return "CRAM-MD5, DIGEST-MD5 or SCRAM";
	case MP_AUTH_NTLM: return "NTLM";
	case MP_AUTH_GSSAPI: return "GSSAPI";
	case MP_AUTH_OAUTH2: return "XOAUTH2 or OAUTHBEARER";
	default: return "";
	}
}

/* The auth methods that matter for s: its list; for a profile that names
 * none, a password login where one is needed: always on an incoming
 * server, on SMTP when the server offers AUTH (c; NULL: not known). */
static size_t auth_list(const mp_server *s, const mp_caps *c, mp_auth *out)
{
	if (s->nauth) {
		memcpy(out, s->auth, s->nauth * sizeof *out);
		return s->nauth;
	}
	if (s->protocol == MP_PROTO_SMTP && !(c && c->auth))
		return 0;
	out[0] = MP_AUTH_PASSWORD_CLEARTEXT;
	return 1;
}

bool mp_probe_wants_login(const mp_server *s, const mp_caps *c)
{
	mp_auth list[MP_MAX_AUTH];
	size_t n = auth_list(s, c, list);
	for (size_t i = 0; i < n; i++)
		if (list[i] == MP_AUTH_PASSWORD_CLEARTEXT || list[i] == MP_AUTH_PASSWORD_ENCRYPTED ||
		    list[i] == MP_AUTH_NTLM)
			return true;
	return false;
}

bool mp_probe_login_method(const mp_server *s, const mp_caps *c, char *opt, size_t nopt, char *name,
                           size_t nname)
{
	static const struct {
		mp_auth auth;
		const char *mech;
	} order[] = {
		{MP_AUTH_PASSWORD_CLEARTEXT, "PLAIN"},   {MP_AUTH_PASSWORD_CLEARTEXT, "LOGIN"},
		{MP_AUTH_PASSWORD_ENCRYPTED, "CRAM-MD5"}, {MP_AUTH_PASSWORD_ENCRYPTED, "DIGEST-MD5"},
		{MP_AUTH_NTLM, "NTLM"},
	};
	mp_auth list[MP_MAX_AUTH];
	size_t n = auth_list(s, c, list);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < MP_COUNT(order); k++)
			if (order[k].auth == list[i] && mp_caps_has_mech(c, order[k].mech)) {
				snprintf(opt, nopt, "AUTH=%s", order[k].mech);
				snprintf(name, nname, "%s", order[k].mech);
				return true;
			}
		/* The protocol's own cleartext login: curl uses it when no SASL
		 * mechanism is offered. */
		if (list[i] == MP_AUTH_PASSWORD_CLEARTEXT && s->protocol != MP_PROTO_SMTP && offers(s, c, list[i])) {
			snprintf(opt, nopt, "AUTH=*");
			snprintf(name, nname, "%s", s->protocol == MP_PROTO_IMAP ? "LOGIN" : "USER");
			return true;
		}
	}
	return false;
}

void mp_probe_conn_findings(const mp_server *s, const mp_conn *c, const mp_caps *pre,
                            const mp_caps *post, double timeout, mailprof_diags *d)
{
	mailprof_loc l = s->loc;
	mailprof_loc lsec = at(s, &s->security.loc);
	mailprof_loc lauth = at(s, &s->auth_loc);
	int sec = s->security.set ? s->security.v : MP_SEC_NONE;
	int port = s->port.set ? s->port.v : mp_default_port(s->protocol, (mp_security)sec);
	char who[300];
	snprintf(who, sizeof who, "%s %s:%d (%s)", mp_protocol_name(s->protocol), s->host.v ? s->host.v : "?",
	         port, sec_word(sec));
	char greet[160];
	switch (c->result) {
	case MP_CONN_REFUSED: MP_PROBE_FIND(probe_refused, &l, "%s: %s", who, c->error); return;
	case MP_CONN_TIMEOUT:
		MP_PROBE_FIND(probe_timeout, &l, "%s: no answer within %g s (%s)", who, timeout, c->step[0] ? c->step : "a reply");
		return;
	case MP_CONN_TLS:
		MP_PROBE_FIND(probe_tls_failed, &lsec, "%s: TLS handshake failed: %s", who, c->error);
		return;
	case MP_CONN_NO_STARTTLS:
		MP_PROBE_FIND(probe_starttls_missing, &lsec, "%s: the profile says STARTTLS, the server offers none%s%s%s", who,
		     pre->words[0] ? " (it offers: " : "", pre->words, pre->words[0] ? ")" : "");
		return;
	case MP_CONN_PROTOCOL:
	case MP_CONN_OTHER:
		/* No connection was tried: libcurl could not start (when it is
		 * missing, mailprof_probe_run stops before any server). */
		if (!c->transcript) {
			MP_PROBE_FIND(probe_protocol, &l, "%s: %s", who, c->error);
			return;
		}
		if (!mp_greeting(s->protocol, c->transcript ? c->transcript : "", greet, sizeof greet)) {
			MP_PROBE_FIND(probe_protocol, &l, "%s: the server does not greet as %s does%s%s%s", who,
			     mp_protocol_name(s->protocol), greet[0] ? " (it said: \"" : "", greet,
			     greet[0] ? "\")" : "");
			return;
		}
		MP_PROBE_FIND(probe_protocol, &l, "%s: %s", who, c->error);
		return;
	case MP_CONN_LOGIN:
	case MP_CONN_OK: break;
	}

	const mp_caps *caps = sec == MP_SEC_NONE ? pre : post;
	if (sec == MP_SEC_STARTTLS && pre->seen && !pre->starttls)
		MP_PROBE_FIND(probe_starttls_missing, &lsec, "%s: the profile says STARTTLS, the server offers none (it offers: %s)",
		     who, pre->words);
	const mp_cert_facts *ct = &c->cert;
	if (c->tls && ct->present) {
		if (!ct->trusted) {
			MP_PROBE_FIND(probe_cert_untrusted, &lsec, "%s: certificate %s (issuer %s) not trusted: %s; not logging in",
			     who, ct->subject, ct->issuer, ct->why);
		}
		if (!ct->host_ok) {
			MP_PROBE_FIND(probe_cert_host, &l, "%s: certificate %s does not name %s; not logging in", who, ct->subject,
			     s->host.v ? s->host.v : "?");
		}
		if (ct->seconds_left < 0 || ct->not_yet_valid) {
			MP_PROBE_FIND(probe_cert_expired, &lsec, "%s: certificate %s %s (not after %s); not logging in", who,
			     ct->subject, ct->not_yet_valid ? "is not valid yet" : "has expired", ct->not_after);
		} else if (ct->seconds_left < 14 * 86400) {
			MP_PROBE_FIND(probe_cert_expiring, &lsec, "%s: certificate %s expires %s, in %.1f days", who, ct->subject,
			     ct->not_after, (double)ct->seconds_left / 86400.0);
		}
	}
	/* What the profile itself asks for: an SMTP server it lists without
	 * authentication is not held to what the server offers. */
	mp_auth list[MP_MAX_AUTH];
	size_t n = auth_list(s, NULL, list);
	if (sec == MP_SEC_NONE && mp_probe_wants_login(s, NULL))
		MP_PROBE_FIND(probe_cleartext_login, &lsec, "%s: the password would be sent before TLS; the server %s", who,
		     pre->starttls ? "offers STARTTLS: use it" : "offers no STARTTLS either: use its implicit-TLS port");
	if (caps->seen && n) {
		bool any = false;
		for (size_t i = 0; i < n; i++)
			any |= offers(s, caps, list[i]);
		if (!any) {
			char want[200] = "";
			for (size_t i = 0; i < n; i++)
				if (*mp_probe_auth_words(list[i]))
					snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", want[0] ? "; " : "",
					         mp_probe_auth_words(list[i]));
			MP_PROBE_FIND(probe_auth_missing, &lauth, "%s: the profile logs in with %s (%s); the server offers %s", who,
			     mp_auth_name(list[0]), want, caps->mechs[0] ? caps->mechs : "no authentication");
		}
	}
}

void mp_probe_server_report(const mp_server *s, const mp_conn *c, const mp_caps *caps, const char *login,
                            mailprof_diags *d)
{
	mailprof_loc l = s->loc;
	int sec = s->security.set ? s->security.v : MP_SEC_NONE;
	int port = s->port.set ? s->port.v : mp_default_port(s->protocol, (mp_security)sec);
	const mp_cert_facts *ct = &c->cert;
	char tls[700] = "no TLS";
	if (c->tls && ct->present)
		snprintf(tls, sizeof tls, "%s, certificate %s issued by %s, expires %s", c->tls_version, ct->subject,
		         ct->issuer, ct->not_after);
	else if (c->tls)
		snprintf(tls, sizeof tls, "%s", c->tls_version);
	MP_PROBE_FIND(probe_server, &l, "%s %s:%d (%s): %s; offers %s%s%s", mp_protocol_name(s->protocol),
	     s->host.v ? s->host.v : "?", port, sec_word(sec), tls, caps->words[0] ? caps->words : "no capability list",
	     login && *login ? "; " : "", login ? login : "");
}
