/* msmtp configuration (msmtprc). msmtp only sends, so each outgoing server
 * becomes one msmtp account; incoming servers are reported as lossy.
 * Without --include-secrets no password is written: msmtp then asks on the
 * terminal (or the user adds `passwordeval`, shown in a comment). */
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* msmtprc values: quoted when they hold blanks, quotes, '#' or are empty. */
static void val(mp_buf *b, const char *v)
{
	mp_buf_conf_value(b, v, " \t\"\\#");
}

static void kv(mp_buf *b, const char *k, const char *v)
{
	mp_buf_printf(b, "%-15s ", k);
	val(b, v);
	mp_buf_putc(b, '\n');
}

/* msmtp's `auth` value for the server's preferred method; NULL: say `on`
 * and let msmtp choose among what the server offers. */
static const char *auth_word(const mp_server *s, mailprof_diags *d)
{
	if (!s->nauth)
		return s->username.v ? "on" : "off";
	switch (s->auth[0]) {
	case MP_AUTH_NONE:
	case MP_AUTH_CLIENT_IP: return "off";
	case MP_AUTH_PASSWORD_CLEARTEXT: return "on";
	case MP_AUTH_PASSWORD_ENCRYPTED: return "cram-md5";
	case MP_AUTH_NTLM: return "ntlm";
	case MP_AUTH_GSSAPI: return "gssapi";
	case MP_AUTH_OAUTH2:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "msmtp reads the OAuth2 token from `passwordeval`: the command that fetches it is "
		        "not known and not written");
		return "oauthbearer";
	case MP_AUTH_CLIENT_CERT:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "client certificate: msmtp needs `tls_cert_file` and `tls_key_file`, which the "
		        "profile does not name");
		return "external";
	case MP_AUTH_SMTP_AFTER_POP:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "SMTP after POP: msmtp cannot log in to POP first; fetch mail before sending");
		return "off";
	case MP_AUTH__COUNT: break;
	}
	return "on";
}

static void emit_account(mp_buf *b, const mp_account *a, const mp_server *s, const char *name,
                         const mailprof_options *opt, mailprof_diags *d)
{
	mp_buf_puts(b, "\naccount         ");
	val(b, name);
	mp_buf_putc(b, '\n');
	/* Host, port, security, login and a password login's user are set
	 * (mp_emit_prepare, MP_REQ_* of this format). */
	kv(b, "host", s->host.v);
	mp_buf_printf(b, "%-15s %d\n", "port", s->port.v);
	mp_security sec = (mp_security)s->security.v;
	kv(b, "tls", sec == MP_SEC_NONE ? "off" : "on");
	if (sec != MP_SEC_NONE)
		kv(b, "tls_starttls", sec == MP_SEC_STARTTLS ? "on" : "off");
	const char *auth = auth_word(s, d);
	kv(b, "auth", auth);
	if (s->username.v && strcmp(auth, "off") != 0)
		kv(b, "user", s->username.v);
	if (strcmp(auth, "off") != 0 && s->username.v) {
		if (opt->include_secrets && s->password.v)
			kv(b, "password", s->password.v);
		else
			mp_buf_puts(b, "# msmtp asks for the password; or store it in a keyring and add\n"
			               "# passwordeval \"secret-tool lookup host <host> user <user>\"\n");
	}
	if (a->email.v)
		kv(b, "from", a->email.v);
}

static mailprof_status emit_msmtp(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                  mailprof_diags *d)
{
	mp_buf_puts(b, "# msmtp configuration written by mailprof\n"
	               "defaults\n"
	               "tls_trust_file  system\n");
	const char *first = NULL;
	char *first_owned = NULL;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (a->nincoming)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->incoming[0].loc, NULL,
			        "msmtp only sends mail: the incoming servers are not written");
		if (!a->noutgoing)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "account without an outgoing server: nothing to write for msmtp");
		for (size_t j = 0; j < a->noutgoing; j++) {
			/* Account names are the address (what users pass to `msmtp -a`),
			 * made unique with a suffix for further servers. */
			char *name = a->email.v ? (j ? mp_xasprintf("%s-%zu", a->email.v, j + 1)
			                             : mp_xstrdup(a->email.v))
			                        : mp_xasprintf("account%zu-%zu", i + 1, j + 1);
			emit_account(b, a, &a->outgoing[j], name, opt, d);
			if (!first)
				first = first_owned = name;
			else
				free(name);
		}
	}
	if (first) {
		mp_buf_puts(b, "\naccount default : ");
		val(b, first);
		mp_buf_putc(b, '\n');
	}
	free(first_owned);
	return MAILPROF_OK;
}

const struct mp_format mp_format_msmtp = {
	.name = "msmtp",
	.aliases = "msmtprc",
	.extensions = ".msmtprc",
	.summary = "msmtp configuration (msmtprc), output only",
	.emit = emit_msmtp,
	.client = "msmtp",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER |
	            MP_REQ_OUTGOING | MP_REQ_LITERAL,
	.writes = MP_WRITES(MP_PROTO_SMTP),
};
