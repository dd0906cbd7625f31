/* Thunderbird preferences (user.js, same syntax as prefs.js): account,
 * identity, incoming server and SMTP server prefs (docs: formats.md 5.2).
 * Numbering is global and follows the input order: accountN/serverN/idN
 * for the accounts, smtpN for all outgoing servers. Thunderbird keeps
 * passwords in its login manager, never in prefs, so none is written. */
#include <string.h>

#include "format.h"

static void js_str(mp_buf *b, const char *v)
{
	mp_buf_putc(b, '"');
	for (const unsigned char *c = (const unsigned char *)v; *c; c++) {
		if (*c == '"' || *c == '\\')
			mp_buf_printf(b, "\\%c", *c);
		else if (*c < 0x20 || *c == 0x7f)
			mp_buf_printf(b, "\\u%04x", *c);
		else
			mp_buf_putc(b, (char)*c);
	}
	mp_buf_putc(b, '"');
}

static void pref_s(mp_buf *b, const char *name, const char *v)
{
	mp_buf_printf(b, "user_pref(\"%s\", ", name);
	js_str(b, v);
	mp_buf_puts(b, ");\n");
}

static void pref_i(mp_buf *b, const char *name, int v)
{
	mp_buf_printf(b, "user_pref(\"%s\", %d);\n", name, v);
}

static void pref_b(mp_buf *b, const char *name, bool v)
{
	mp_buf_printf(b, "user_pref(\"%s\", %s);\n", name, v ? "true" : "false");
}

/* nsMsgAuthMethod values (MailNewsTypes2.idl); 0 = leave the default. */
static int auth_method(const mp_server *s, mailprof_diags *d)
{
	if (!s->nauth)
		return 0;
	switch (s->auth[0]) {
	case MP_AUTH_NONE:
	case MP_AUTH_CLIENT_IP: return 1;
	case MP_AUTH_PASSWORD_CLEARTEXT: return 3;
	case MP_AUTH_PASSWORD_ENCRYPTED: return 4;
	case MP_AUTH_GSSAPI: return 5;
	case MP_AUTH_NTLM: return 6;
	case MP_AUTH_CLIENT_CERT: return 7;
	case MP_AUTH_OAUTH2: return 10;
	case MP_AUTH_SMTP_AFTER_POP:
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "Thunderbird has no SMTP-after-POP setting: authMethod none is written");
		return 1;
	case MP_AUTH__COUNT: break;
	}
	return 0;
}

static void server_common(mp_buf *b, const char *pfx, const mp_server *s, bool smtp,
                          const mailprof_options *opt, mailprof_diags *d)
{
	char name[96];
#define P(k) (snprintf(name, sizeof name, "%s.%s", pfx, k), name)
	if (s->host.v)
		pref_s(b, P("hostname"), s->host.v);
	if (s->port.set)
		pref_i(b, P("port"), s->port.v);
	if (s->username.v)
		pref_s(b, smtp ? P("username") : P("userName"), s->username.v);
	int am = auth_method(s, d);
	if (am)
		pref_i(b, P("authMethod"), am);
	if (s->security.set) {
		/* SMTP keeps its socket type under try_ssl. */
		int st = s->security.v == MP_SEC_TLS ? 3 : s->security.v == MP_SEC_STARTTLS ? 2 : 0;
		pref_i(b, smtp ? P("try_ssl") : P("socketType"), st);
	}
#undef P
	if (opt->include_secrets && s->password.v)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->password.loc, NULL,
		        "Thunderbird keeps passwords in its login manager, not in prefs: the password is "
		        "not written");
}

static mailprof_status emit_userjs(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                   mailprof_diags *d)
{
	mp_buf_puts(b, "// Thunderbird preferences written by mailprof: copy into the profile folder\n"
	               "// as user.js (read at every start; prefs.js keeps the values afterwards).\n");
	mp_buf accounts = {0}, smtps = {0};
	size_t nacct = 0, nsmtp = 0;
	char name[96];
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		size_t first_smtp = nsmtp + 1;
		for (size_t j = 0; j < a->noutgoing; j++) {
			const mp_server *s = &a->outgoing[j];
			nsmtp++;
			mp_buf_printf(&smtps, "%ssmtp%zu", nsmtp > 1 ? "," : "", nsmtp);
			snprintf(name, sizeof name, "mail.smtpserver.smtp%zu", nsmtp);
			mp_buf_putc(b, '\n');
			server_common(b, name, s, true, opt, d);
			snprintf(name, sizeof name, "mail.smtpserver.smtp%zu.description", nsmtp);
			if (a->email.v)
				pref_s(b, name, a->email.v);
		}
		if (!a->nincoming) {
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "account without an incoming server: Thunderbird needs one, only its SMTP "
			        "servers are written");
			continue;
		}
		for (size_t j = 1; j < a->nincoming; j++)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->incoming[j].loc, NULL,
			        "a Thunderbird account has one incoming server: this %s server is not written",
			        mp_protocol_name(a->incoming[j].protocol));
		const mp_server *s = &a->incoming[0];
		nacct++;
		mp_buf_printf(&accounts, "%saccount%zu", nacct > 1 ? "," : "", nacct);
		mp_buf_putc(b, '\n');
		snprintf(name, sizeof name, "mail.account.account%zu.server", nacct);
		char val[64];
		snprintf(val, sizeof val, "server%zu", nacct);
		pref_s(b, name, val);
		snprintf(name, sizeof name, "mail.account.account%zu.identities", nacct);
		snprintf(val, sizeof val, "id%zu", nacct);
		pref_s(b, name, val);
		snprintf(name, sizeof name, "mail.server.server%zu.type", nacct);
		pref_s(b, name, s->protocol == MP_PROTO_POP3 ? "pop3" : "imap");
		snprintf(name, sizeof name, "mail.server.server%zu.name", nacct);
		pref_s(b, name, a->email.v ? a->email.v : s->host.v ? s->host.v : "mail");
		snprintf(name, sizeof name, "mail.server.server%zu", nacct);
		server_common(b, name, s, false, opt, d);
		if (s->protocol == MP_PROTO_POP3) {
			if (a->pop_leave_on_server.set) {
				snprintf(name, sizeof name, "mail.server.server%zu.leave_on_server", nacct);
				pref_b(b, name, a->pop_leave_on_server.v != 0);
			}
			if (a->pop_leave_days.set) {
				snprintf(name, sizeof name, "mail.server.server%zu.delete_by_age_from_server",
				         nacct);
				pref_b(b, name, true);
				snprintf(name, sizeof name, "mail.server.server%zu.num_days_to_leave_on_server",
				         nacct);
				pref_i(b, name, a->pop_leave_days.v);
			}
		}
		if (a->display_name.v) {
			snprintf(name, sizeof name, "mail.identity.id%zu.fullName", nacct);
			pref_s(b, name, a->display_name.v);
		}
		if (a->email.v) {
			snprintf(name, sizeof name, "mail.identity.id%zu.useremail", nacct);
			pref_s(b, name, a->email.v);
		}
		if (a->noutgoing) {
			snprintf(name, sizeof name, "mail.identity.id%zu.smtpServer", nacct);
			snprintf(val, sizeof val, "smtp%zu", first_smtp);
			pref_s(b, name, val);
		}
		snprintf(name, sizeof name, "mail.identity.id%zu.valid", nacct);
		pref_b(b, name, true);
	}
	mp_buf_putc(b, '\n');
	if (nacct) {
		pref_s(b, "mail.accountmanager.accounts", accounts.s);
		pref_s(b, "mail.accountmanager.defaultaccount", "account1");
	}
	if (nsmtp) {
		pref_s(b, "mail.smtpservers", smtps.s);
		pref_s(b, "mail.smtp.defaultserver", "smtp1");
	}
	mp_buf_free(&accounts);
	mp_buf_free(&smtps);
	return MAILPROF_OK;
}

const struct mp_format mp_format_userjs = {
	.name = "userjs",
	.aliases = "prefsjs user.js",
	.extensions = ".js",
	.summary = "Thunderbird preferences (user.js / prefs.js lines), output only",
	.emit = emit_userjs,
	.client = "Thunderbird",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER |
	            MP_REQ_INCOMING | MP_REQ_LITERAL,
};
