/* NeoMutt configuration (muttrc) for one account: the first IMAP server is
 * the folder and spool file, a POP3 server becomes pop_host (fetched with
 * the `fetch-mail` function), the first SMTP server is smtp_url.
 * Without --include-secrets no password is written and NeoMutt asks. */
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* A double-quoted muttrc string: \ " $ ` are escaped. */
static void qstr(mp_buf *b, const char *v)
{
	mp_buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '\n' || *v == '\r') { /* a raw line break would end the command */
			mp_buf_puts(b, *v == '\n' ? "\\n" : "\\r");
			continue;
		}
		if (strchr("\\\"$`", *v))
			mp_buf_putc(b, '\\');
		mp_buf_putc(b, *v);
	}
	mp_buf_putc(b, '"');
}

static void set(mp_buf *b, const char *k, const char *v)
{
	mp_buf_printf(b, "set %s = ", k);
	qstr(b, v);
	mp_buf_putc(b, '\n');
}

/* URL userinfo and host: percent-encode all but unreserved characters. */
static void url_part(mp_buf *b, const char *v)
{
	for (const unsigned char *c = (const unsigned char *)v; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    strchr("-._~", *c))
			mp_buf_putc(b, (char)*c);
		else
			mp_buf_printf(b, "%%%02X", *c);
	}
}

static char *url(const mp_server *s, const char *plain, const char *tls)
{
	mp_buf b = {0};
	bool ssl = s->security.set && s->security.v == MP_SEC_TLS;
	mp_buf_printf(&b, "%s://", ssl ? tls : plain);
	if (s->username.v) {
		url_part(&b, s->username.v);
		mp_buf_putc(&b, '@');
	}
	mp_buf_puts(&b, s->host.v ? s->host.v : "");
	if (s->port.set)
		mp_buf_printf(&b, ":%d", s->port.v);
	mp_buf_putc(&b, '/');
	size_t n;
	return mp_buf_take(&b, &n);
}

/* Value for imap_authenticators / pop_authenticators / smtp_authenticators. */
static const char *authenticators(const mp_server *s, mailprof_diags *d)
{
	if (!s->nauth)
		return NULL;
	switch (s->auth[0]) {
	case MP_AUTH_PASSWORD_CLEARTEXT: return s->protocol == MP_PROTO_POP3 ? "user" : "plain:login";
	case MP_AUTH_PASSWORD_ENCRYPTED: return s->protocol == MP_PROTO_POP3 ? "apop:cram-md5" : "cram-md5";
	case MP_AUTH_GSSAPI: return "gssapi";
	case MP_AUTH_OAUTH2:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "NeoMutt gets OAuth2 tokens from an *_oauth_refresh_command: the command is not "
		        "known and not written");
		return "oauthbearer:xoauth2";
	case MP_AUTH_NONE:
	case MP_AUTH_CLIENT_IP:
		if (s->protocol == MP_PROTO_SMTP)
			return NULL; /* no user in smtp_url: NeoMutt does not log in */
		/* fall through */
	case MP_AUTH_NTLM:
	case MP_AUTH_CLIENT_CERT:
	case MP_AUTH_SMTP_AFTER_POP:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "NeoMutt cannot log in to %s with %s: its default authenticators are kept",
		        mp_protocol_name(s->protocol), mp_auth_name(s->auth[0]));
		return NULL;
	case MP_AUTH__COUNT: break;
	}
	return NULL;
}

static bool uses_login(const mp_server *s)
{
	return s->nauth == 0 || (s->auth[0] != MP_AUTH_NONE && s->auth[0] != MP_AUTH_CLIENT_IP &&
	                         s->auth[0] != MP_AUTH_SMTP_AFTER_POP);
}

static mailprof_status emit_neomutt(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                    mailprof_diags *d)
{
	mp_buf_puts(b, "# NeoMutt configuration written by mailprof\n");
	if (!p->naccounts)
		return MAILPROF_OK;
	const mp_account *a = &p->accounts[0];
	for (size_t i = 1; i < p->naccounts; i++)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &p->accounts[i].loc, NULL,
		        "a muttrc holds one account here: account %zu is not written", i + 1);
	if (a->email.v)
		set(b, "from", a->email.v);
	if (a->display_name.v)
		set(b, "realname", a->display_name.v);
	const mp_server *imap = NULL, *pop = NULL, *smtp = a->noutgoing ? &a->outgoing[0] : NULL;
	for (size_t j = 0; j < a->nincoming; j++) {
		const mp_server *s = &a->incoming[j];
		const mp_server **slot = s->protocol == MP_PROTO_IMAP ? &imap : &pop;
		if (!*slot)
			*slot = s;
		else
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->loc, NULL,
			        "NeoMutt uses one %s server: this one is not written",
			        mp_protocol_name(s->protocol));
	}
	for (size_t j = 1; j < a->noutgoing; j++)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->outgoing[j].loc, NULL,
		        "NeoMutt uses one SMTP server: this one is not written");
	/* ssl_force_tls is global: turn it on only when every server uses TLS. */
	bool all_tls = true, any = false;
	const mp_server *list[] = {imap, pop, smtp};
	for (size_t i = 0; i < MP_COUNT(list); i++) {
		const mp_server *s = list[i];
		if (!s)
			continue;
		any = true;
		if (s->security.v == MP_SEC_NONE) /* set: mp_emit_prepare */
			all_tls = false;
	}
	if (any && all_tls)
		mp_buf_puts(b, "set ssl_force_tls = yes\nset ssl_starttls = yes\n");
	else if (any)
		mp_buf_puts(b, "set ssl_force_tls = no\n");
	if (imap) {
		char *u = url(imap, "imap", "imaps");
		set(b, "folder", u);
		mp_buf_puts(b, "set spoolfile = \"+INBOX\"\nset record = \"+Sent\"\n"
		               "set postponed = \"+Drafts\"\nset imap_check_subscribed = yes\n");
		free(u);
		if (imap->username.v)
			set(b, "imap_user", imap->username.v);
		const char *au = authenticators(imap, d);
		if (au)
			set(b, "imap_authenticators", au);
		if (opt->include_secrets && imap->password.v)
			set(b, "imap_pass", imap->password.v);
	}
	if (pop) {
		char *u = url(pop, "pop", "pops");
		set(b, "pop_host", u);
		free(u);
		if (pop->username.v)
			set(b, "pop_user", pop->username.v);
		const char *au = authenticators(pop, d);
		if (au)
			set(b, "pop_authenticators", au);
		if (opt->include_secrets && pop->password.v)
			set(b, "pop_pass", pop->password.v);
		if (a->pop_leave_on_server.set)
			mp_buf_printf(b, "set pop_delete = %s\n", a->pop_leave_on_server.v ? "no" : "yes");
		if (a->pop_leave_days.set)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->pop_leave_days.loc, NULL,
			        "NeoMutt cannot delete POP3 mail by age: the %d days are not written",
			        a->pop_leave_days.v);
	}
	if (smtp) {
		mp_server s = *smtp;
		if (!uses_login(smtp))
			s.username.v = NULL; /* no user in the URL: no SMTP-AUTH */
		char *u = url(&s, "smtp", "smtps");
		set(b, "smtp_url", u);
		free(u);
		const char *au = authenticators(smtp, d);
		if (au)
			set(b, "smtp_authenticators", au);
		if (opt->include_secrets && smtp->password.v && uses_login(smtp))
			set(b, "smtp_pass", smtp->password.v);
		if (smtp->nauth && smtp->auth[0] == MP_AUTH_SMTP_AFTER_POP)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &smtp->auth_loc, NULL,
			        "SMTP after POP: fetch mail before sending");
	}
	if (!opt->include_secrets)
		mp_buf_puts(b, "# No passwords stored: NeoMutt asks for them.\n");
	return MAILPROF_OK;
}

const struct mp_format mp_format_neomutt = {
	.name = "neomutt",
	.aliases = "muttrc mutt",
	.extensions = ".muttrc",
	.summary = "NeoMutt configuration (muttrc, one account), output only",
	.emit = emit_neomutt,
	.client = "NeoMutt",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER |
	            MP_REQ_LITERAL | MP_REQ_FIRST,
};
