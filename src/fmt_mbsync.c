/* isync configuration (mbsyncrc), IMAP only: one IMAPAccount, IMAPStore,
 * MaildirStore (~/Mail/NAME/) and Channel per IMAP server. The channel
 * pulls (Sync Pull, Expunge None) so a first run never changes the server.
 * Keywords are isync 1.4's (SSLType, Far/Near), which 1.5 still reads.
 * Without --include-secrets no password is written: mbsync then asks on the
 * terminal, or the user sets PassCmd (shown in a comment). */
#include <stdlib.h>
#include <string.h>

#include "format.h"

static void val(mp_buf *b, const char *v)
{
	mp_buf_conf_value(b, v, " \t\"\\");
}

static void kv(mp_buf *b, const char *k, const char *v)
{
	mp_buf_printf(b, "%s ", k);
	val(b, v);
	mp_buf_putc(b, '\n');
}

/* isync's AuthMechs for the preferred method; NULL keeps its default (*). */
static const char *mechs(const mp_server *s, mailprof_diags *d)
{
	if (!s->nauth)
		return NULL;
	switch (s->auth[0]) {
	case MP_AUTH_PASSWORD_CLEARTEXT: return "PLAIN LOGIN";
	case MP_AUTH_PASSWORD_ENCRYPTED: return "CRAM-MD5";
	case MP_AUTH_GSSAPI: return "GSSAPI";
	case MP_AUTH_OAUTH2:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "mbsync reads the OAuth2 token from PassCmd: the command is not known and not "
		        "written");
		return "XOAUTH2";
	case MP_AUTH_CLIENT_CERT:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "client certificate: mbsync needs ClientCertificate and ClientKey, which the "
		        "profile does not name");
		return "EXTERNAL";
	case MP_AUTH_NTLM:
	case MP_AUTH_NONE:
	case MP_AUTH_CLIENT_IP:
	case MP_AUTH_SMTP_AFTER_POP:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "mbsync cannot log in with %s: its default mechanisms are kept",
		        mp_auth_name(s->auth[0]));
		return NULL;
	case MP_AUTH__COUNT: break;
	}
	return NULL;
}

static void emit_server(mp_buf *b, const mp_account *a, const mp_server *s, const char *name,
                        const mailprof_options *opt, mailprof_diags *d)
{
	mp_buf_puts(b, "\nIMAPAccount ");
	val(b, name);
	mp_buf_putc(b, '\n');
	/* Host, port, security and a password login's user are set
	 * (mp_emit_prepare, MP_REQ_* of this format). */
	kv(b, "Host", s->host.v);
	if (s->port.set)
		mp_buf_printf(b, "Port %d\n", s->port.v);
	const char *user = s->username.v ? s->username.v : a->email.v;
	if (user)
		kv(b, "User", user);
	if (opt->include_secrets && s->password.v)
		kv(b, "Pass", s->password.v);
	else
		mp_buf_puts(b, "# mbsync asks for the password; or add e.g.\n"
		               "# PassCmd \"secret-tool lookup host <host> user <user>\"\n");
	const char *m = mechs(s, d);
	if (m)
		mp_buf_printf(b, "AuthMechs %s\n", m);
	mp_security sec = (mp_security)s->security.v;
	mp_buf_printf(b, "SSLType %s\n",
	              sec == MP_SEC_TLS ? "IMAPS" : sec == MP_SEC_STARTTLS ? "STARTTLS" : "None");
	if (sec == MP_SEC_NONE)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->security.loc, NULL,
		        "mbsync refuses to send a password over a plain connection unless the "
		        "server offers STARTTLS or CRAM-MD5");
	mp_buf_puts(b, "\nIMAPStore ");
	val(b, name);
	mp_buf_puts(b, "-remote\nAccount ");
	val(b, name);
	/* A Maildir per account under ~/Mail, INBOX inside it. */
	mp_buf_puts(b, "\n\nMaildirStore ");
	val(b, name);
	mp_buf_puts(b, "-local\n");
	char *path = mp_xasprintf("~/Mail/%s/", name);
	kv(b, "Path", path);
	free(path);
	path = mp_xasprintf("~/Mail/%s/INBOX", name);
	kv(b, "Inbox", path);
	free(path);
	mp_buf_puts(b, "SubFolders Verbatim\n\nChannel ");
	val(b, name);
	mp_buf_printf(b, "\nFar :%s-remote:\nNear :%s-local:\n", name, name);
	mp_buf_puts(b, "Patterns *\nCreate Near\nExpunge None\nSync Pull\nSyncState *\n");
}

/* Store and channel names: letters, digits, '.', '-', '_' only. */
static char *store_name(const mp_account *a, size_t i, size_t j)
{
	const char *src = a->email.v ? a->email.v : "account";
	mp_buf b = {0};
	for (const char *c = src; *c; c++) {
		unsigned char u = (unsigned char)*c;
		bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
		          u == '.' || u == '-' || u == '_';
		mp_buf_putc(&b, ok ? (char)u : u == '@' ? '_' : '-');
	}
	if (!a->email.v)
		mp_buf_printf(&b, "%zu", i + 1);
	if (j)
		mp_buf_printf(&b, "-%zu", j + 1);
	size_t n;
	return mp_buf_take(&b, &n);
}

static mailprof_status emit_mbsync(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                   mailprof_diags *d)
{
	mp_buf_puts(b, "# isync (mbsync) configuration written by mailprof\n");
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		size_t nimap = 0;
		for (size_t j = 0; j < a->nincoming; j++) {
			const mp_server *s = &a->incoming[j];
			if (s->protocol != MP_PROTO_IMAP) {
				mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->loc, NULL,
				        "mbsync speaks IMAP only: the %s server is not written",
				        mp_protocol_name(s->protocol));
				continue;
			}
			char *name = store_name(a, i, nimap++);
			emit_server(b, a, s, name, opt, d);
			free(name);
		}
		if (a->noutgoing)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->outgoing[0].loc, NULL,
			        "mbsync does not send mail: the outgoing servers are not written");
	}
	return MAILPROF_OK;
}

const struct mp_format mp_format_mbsync = {
	.name = "mbsync",
	.aliases = "isync mbsyncrc",
	.extensions = ".mbsyncrc",
	.summary = "isync configuration (mbsyncrc, IMAP), output only",
	.emit = emit_mbsync,
	.client = "mbsync",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER |
	            MP_REQ_INCOMING | MP_REQ_LITERAL,
	.writes = MP_WRITES(MP_PROTO_IMAP),
};
