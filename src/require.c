/* What the client of an output format requires, enforced for every emitter
 * in one place: before a format's emitter runs, mailprof_emit hands it a
 * copy of the profile in which every value the client needs is set, either
 * from a documented default (a warning at the input line) or not at all (the
 * target is refused with an error). The defaults are listed in
 * docs/formats.md, "What each client requires". */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "format.h"

struct req {
	const struct mp_format *f;
	mailprof_diags *d;
	bool refused;
};

static const char *client(const struct req *r)
{
	return r->f->client ? r->f->client : r->f->name;
}

static void fill_warn(struct req *r, const mp_server *s, const char *what, const char *value,
                      const char *why)
{
	mp_diag(r->d, MAILPROF_WARNING, "default-value", &s->loc,
	        "state it in the input to write it as you want it",
	        "%s: %s server %s has no %s, which %s needs: written as %s (%s)", r->f->name,
	        mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)", what, client(r),
	        value, why);
}

static void refuse(struct req *r, const mailprof_loc *loc, const char *fix, const char *fmt, ...)
    MP_PRINTF(4, 5);

static void refuse(struct req *r, const mailprof_loc *loc, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mp_vdiag(r->d, MAILPROF_ERROR, "required-value", NULL, loc, fix, fmt, ap);
	va_end(ap);
	r->refused = true;
}

/* Transport security from the port, as clients do with a single "secure"
 * flag; implicit TLS when the port says nothing (RFC 8314 section 3). */
static mp_security security_default(const mp_server *s)
{
	if (s->port.set && (s->port.v == 25 || s->port.v == 587 || s->port.v == 110 || s->port.v == 143))
		return MP_SEC_STARTTLS;
	return MP_SEC_TLS;
}

static void fill_server(struct req *r, const mp_account *a, mp_server *s)
{
	unsigned q = r->f->requires;
	if ((q & MP_REQ_HOST) && (!s->host.v || !*s->host.v)) {
		refuse(r, &s->loc, "add the server's host name",
		       "%s: %s server without a host name: %s cannot use it, nothing is written",
		       r->f->name, mp_protocol_name(s->protocol), client(r));
		return;
	}
	if ((q & MP_REQ_SECURITY) && !s->security.set) {
		mp_security sec = security_default(s);
		fill_warn(r, s, "transport security", sec == MP_SEC_TLS ? "TLS" : "STARTTLS",
		          s->port.set && sec == MP_SEC_STARTTLS ? "the usual one on this port"
		                                                : "implicit TLS, RFC 8314");
		mp_int_set(&s->security, (int)sec, &s->loc);
	}
	bool bad_port = s->port.set && (s->port.v < 1 || s->port.v > 65535);
	if ((q & MP_REQ_PORT) && (!s->port.set || bad_port)) {
		mp_security sec = s->security.set ? (mp_security)s->security.v : MP_SEC_TLS;
		int port = mp_default_port(s->protocol, sec);
		char v[16];
		snprintf(v, sizeof v, "%d", port);
		fill_warn(r, s, bad_port ? "usable port (1-65535)" : "port", v,
		          "the standard port for this protocol and security");
		mp_int_set(&s->port, port, bad_port ? &s->port.loc : &s->loc);
	}
	if ((q & MP_REQ_AUTH) && !s->nauth) {
		fill_warn(r, s, "login method", "password-cleartext",
		          "a password login, which the transport security protects");
		mp_server_add_auth(s, MP_AUTH_PASSWORD_CLEARTEXT);
		s->auth_loc = s->loc;
	}
	bool need_user = (q & MP_REQ_USER) || ((q & MP_REQ_USER_IN) && s->protocol != MP_PROTO_SMTP);
	if (need_user && !s->username.v && mp_server_uses_password(s)) {
		/* Thunderbird substitutes its placeholder; other clients need the
		 * literal address, the login most providers use. */
		const char *user = r->f->substitutes ? "%EMAILADDRESS%" : a->email.v;
		if (user) {
			fill_warn(r, s, "user name", user, "the e-mail address, the usual login");
			mp_str_set(&s->username, user, &s->loc);
		} else
			refuse(r, &s->loc, "give the address with --email (or add the user name)",
			       "%s: %s server %s logs in with a password but has no user name, and the "
			       "account no address to use instead: %s cannot log in",
			       r->f->name, mp_protocol_name(s->protocol), s->host.v ? s->host.v : "", client(r));
	}
}

/* A value holding a placeholder the target's client will not substitute. */
static void literal(struct req *r, const char *what, const mp_str *v, const mailprof_loc *fallback)
{
	const char *ph = mp_placeholder_in(v->v);
	if (!ph)
		return;
	mp_diag(r->d, MAILPROF_ERROR, "placeholder", v->loc.line ? &v->loc : fallback,
	       strcmp(ph, "REALNAME") == 0 ? "give the name with --name" : "give the address with --email",
	       "%s: %s '%s' holds the placeholder %%%s%%, which %s does not substitute; give the "
	       "address with --email%s to write a per-user file",
	       r->f->name, what, v->v, ph, client(r), strcmp(ph, "REALNAME") == 0 ? " and --name" : "");
	r->refused = true;
}

static bool written(const struct req *r, const mp_server *s)
{
	return !r->f->writes || (r->f->writes & MP_WRITES(s->protocol));
}

static void check_account(struct req *r, mp_account *a)
{
	unsigned q = r->f->requires;
	bool any_in = false, any_out = false;
	for (size_t i = 0; i < a->nincoming; i++)
		any_in |= written(r, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		any_out |= written(r, &a->outgoing[i]);
	if ((q & MP_REQ_INCOMING) && !any_in)
		refuse(r, &a->loc, "add an incoming server",
		       "%s: the account has no incoming server of a kind %s reads (%s): nothing to write",
		       r->f->name, client(r),
		       r->f->writes == MP_WRITES(MP_PROTO_IMAP) ? "IMAP" : "IMAP or POP3");
	if ((q & MP_REQ_OUTGOING) && !any_out)
		refuse(r, &a->loc, "add an outgoing (SMTP) server",
		       "%s: the account has no outgoing (SMTP) server: %s rejects such a file",
		       r->f->name, client(r));
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		if (!written(r, s))
			continue;
		fill_server(r, a, s);
		if (q & MP_REQ_LITERAL) {
			literal(r, "host", &s->host, &s->loc);
			literal(r, "user name", &s->username, &s->loc);
		}
	}
	if (q & MP_REQ_LITERAL) {
		literal(r, "address", &a->email, &a->loc);
		literal(r, "display name", &a->display_name, &a->loc);
		literal(r, "provider name", &a->provider_name, &a->loc);
	}
}

mailprof_profile *mp_emit_prepare(const mailprof_profile *p, const struct mp_format *f,
                                  mailprof_diags *d)
{
	mailprof_profile *q = mailprof_profile_new();
	for (size_t i = 0; i < p->naccounts; i++)
		mp_account_copy(q, &p->accounts[i]);
	/* Only autoconfig has a place for these (fmt_autoconfig.c keeps them). */
	bool autoconfig = strcmp(f->name, "autoconfig") == 0;
	for (size_t i = 0; i < q->naccounts && !autoconfig; i++) {
		const mp_account *a = &q->accounts[i];
		if (a->nmx_domains)
			mp_diag(d, MAILPROF_INFO, "lossy", &a->mx_domains[0].loc, NULL,
			        "%s: <domain purpose=\"mx\"> (the MX host's domain) has no place: not written",
			        f->name);
		const mp_str *kept = a->nac_provider_xml ? a->ac_provider_xml : a->ac_root_xml;
		if (a->nac_provider_xml || a->nac_root_xml)
			mp_diag(d, MAILPROF_INFO, "lossy", &kept->loc, NULL,
			        "%s: %zu autoconfig element(s) beside the mail servers (documentation, "
			        "addressbook, calendar, oAuth2, ...) have no place: not written",
			        f->name, a->nac_provider_xml + a->nac_root_xml);
	}
	if (!f->requires)
		return q;
	struct req r = {f, d, false};
	size_t n = (f->requires & MP_REQ_FIRST) && q->naccounts > 1 ? 1 : q->naccounts;
	for (size_t i = 0; i < n; i++)
		check_account(&r, &q->accounts[i]);
	if (r.refused) {
		mailprof_profile_free(q);
		return NULL;
	}
	return q;
}
