/* fetchmail run control (.fetchmailrc), POP3 and IMAP. The first incoming
 * server of the first account is polled by default; every other one is a
 * `skip` entry, polled when named on the command line (`fetchmail LABEL`),
 * so one mailbox is not fetched twice over two protocols. Entries are
 * labelled HOST-PROTOCOL (HOST-PROTOCOL-2, -3, ... for further mailboxes on
 * the same server, so that each label names one entry) and reach the host
 * with `via`.
 * Without --include-secrets no password is written and fetchmail asks for it
 * on the terminal. fetchmail refuses a run control file readable by others:
 * keep it 0600 (the CLI does so with --include-secrets). */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "hashset.h"

/* A label written so far and how many entries carry its stem. */
struct label {
	char *stem;
	unsigned n;
};

static bool same_stem(const void *entry, const void *key)
{
	return strcmp(((const struct label *)entry)->stem, key) == 0;
}

static void str(mp_buf *b, const char *v)
{
	mp_buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			mp_buf_putc(b, '\\');
		mp_buf_putc(b, *v == '\n' || *v == '\r' ? ' ' : *v); /* one directive per line */
	}
	mp_buf_putc(b, '"');
}

static const char *auth_word(const mp_server *s, mailprof_diags *d)
{
	if (!s->nauth)
		return NULL; /* fetchmail's default, `any` */
	switch (s->auth[0]) {
	case MP_AUTH_PASSWORD_CLEARTEXT: return "password";
	case MP_AUTH_PASSWORD_ENCRYPTED: return "cram-md5";
	case MP_AUTH_NTLM: return "ntlm";
	case MP_AUTH_GSSAPI: return "gssapi";
	case MP_AUTH_CLIENT_CERT:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "client certificate: fetchmail needs `sslcert` and `sslkey`, which the profile "
		        "does not name");
		return "external";
	case MP_AUTH_OAUTH2:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "fetchmail cannot fetch OAuth2 tokens: `auth any` is written");
		return "any";
	case MP_AUTH_NONE:
	case MP_AUTH_CLIENT_IP:
	case MP_AUTH_SMTP_AFTER_POP:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "fetchmail always logs in: login without a password is not expressible, "
		        "`auth any` is written");
		return "any";
	case MP_AUTH__COUNT: break;
	}
	return NULL;
}

static void emit_server(mp_buf *b, const mp_account *a, const mp_server *s, bool skip,
                        mp_set *labels, const mailprof_options *opt, mailprof_diags *d)
{
	/* Host, port, security and a password login's user are set
	 * (mp_emit_prepare, MP_REQ_* of this format). */
	const char *host = s->host.v;
	const char *proto = s->protocol == MP_PROTO_POP3 ? "pop3" : "imap";
	char *stem = mp_xasprintf("%s-%s", host, proto);
	uint64_t h = mp_fnv1a_str(MP_FNV_INIT, stem);
	struct label *l = mp_set_find(labels, h, stem, same_stem);
	mp_buf_puts(b, skip ? "\nskip " : "\npoll ");
	if (!l) {
		l = mp_xcalloc(1, sizeof *l);
		l->stem = stem;
		mp_set_add(labels, h, l);
		str(b, stem);
	} else {
		free(stem);
		char *label = mp_xasprintf("%s-%u", l->stem, ++l->n + 1);
		str(b, label);
		free(label);
	}
	mp_buf_puts(b, " via ");
	str(b, host);
	mp_buf_printf(b, " protocol %s", s->protocol == MP_PROTO_POP3 ? "POP3" : "IMAP");
	if (s->port.set)
		mp_buf_printf(b, " service %d", s->port.v);
	const char *auth = auth_word(s, d);
	if (auth)
		mp_buf_printf(b, " auth %s", auth);
	mp_buf_puts(b, "\n    user ");
	str(b, s->username.v ? s->username.v : a->email.v ? a->email.v : "");
	if (!s->username.v)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->loc, NULL,
		        "no username given: fetchmail logs in with the e-mail address");
	if (opt->include_secrets && s->password.v) {
		mp_buf_puts(b, " password ");
		str(b, s->password.v);
	}
	switch ((mp_security)s->security.v) {
	case MP_SEC_TLS: mp_buf_puts(b, "\n    ssl sslcertck"); break;
	/* fetchmail makes STARTTLS mandatory when a protocol is required
	 * without `ssl`. */
	case MP_SEC_STARTTLS: mp_buf_puts(b, "\n    sslproto TLS1.2+ sslcertck"); break;
	case MP_SEC_NONE: mp_buf_puts(b, "\n    sslproto ''"); break;
	}
	if (s->protocol == MP_PROTO_IMAP)
		mp_buf_puts(b, "\n    keep"); /* IMAP: the server keeps the mailbox */
	else if (a->pop_leave_on_server.set)
		mp_buf_puts(b, a->pop_leave_on_server.v ? "\n    keep" : "\n    no keep");
	if (s->protocol == MP_PROTO_POP3 && a->pop_leave_days.set)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->pop_leave_days.loc, NULL,
		        "fetchmail cannot delete mail by age: the %d days are not written",
		        a->pop_leave_days.v);
	mp_buf_putc(b, '\n');
}

static mailprof_status emit_fetchmail(const mailprof_profile *p, const mailprof_options *opt,
                                      mp_buf *b, mailprof_diags *d)
{
	mp_buf_puts(b, "# fetchmail run control written by mailprof; keep this file mode 0600.\n"
	               "# Mail is handed to the local SMTP listener unless `mda` is set.\n");
	if (!opt->include_secrets)
		mp_buf_puts(b, "# No passwords stored: fetchmail asks for them.\n");
	bool first = true;
	mp_set labels = {0};
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		for (size_t j = 0; j < a->nincoming; j++) {
			emit_server(b, a, &a->incoming[j], !first, &labels, opt, d);
			first = false;
		}
		if (a->noutgoing)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->outgoing[0].loc, NULL,
			        "fetchmail only fetches mail: the outgoing servers are not written");
	}
	for (size_t i = 0; i < labels.cap; i++)
		if (labels.v[i]) {
			free(((struct label *)labels.v[i])->stem);
			free(labels.v[i]);
		}
	mp_set_free(&labels);
	return MAILPROF_OK;
}

const struct mp_format mp_format_fetchmail = {
	.name = "fetchmail",
	.aliases = "fetchmailrc",
	.extensions = ".fetchmailrc",
	.summary = "fetchmail run control (.fetchmailrc, POP3 and IMAP), output only",
	.emit = emit_fetchmail,
	.client = "fetchmail",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER |
	            MP_REQ_INCOMING | MP_REQ_LITERAL,
	.writes = MP_WRITES(MP_PROTO_IMAP) | MP_WRITES(MP_PROTO_POP3),
};
