/* Outlook profile file (.prf, `outlook.exe /importprf`), in the layout the
 * Office Customization Tool writes (formats.md 5.1): one internet account
 * per mail account, made of its first incoming and first outgoing server.
 * POP3 accounts get a Unicode PST store. A .prf cannot carry passwords
 * (Outlook keeps them with DPAPI): Outlook asks on first use. */
#include <string.h>

#include "format.h"

/* One line `key=value`; .prf values are not quoted, so line breaks are
 * replaced with blanks to keep the file's structure. */
static void kv(mp_buf *b, const char *k, const char *v)
{
	mp_buf_printf(b, "%s=", k);
	for (; *v; v++)
		mp_buf_putc(b, *v == '\r' || *v == '\n' ? ' ' : *v);
	mp_buf_putc(b, '\n');
}

static bool spa(const mp_server *s)
{
	return s->nauth && (s->auth[0] == MP_AUTH_PASSWORD_ENCRYPTED || s->auth[0] == MP_AUTH_NTLM);
}

static void lossy_auth(const mp_server *s, mailprof_diags *d)
{
	if (!s->nauth)
		return;
	mp_auth a = s->auth[0];
	if (a == MP_AUTH_GSSAPI || a == MP_AUTH_OAUTH2 || a == MP_AUTH_CLIENT_CERT)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "a .prf knows only password and SPA logins: %s is not written", mp_auth_name(a));
}

static void section(mp_buf *b, const char *title)
{
	mp_buf_printf(b, "\n;***************************************************************\n"
	                 "; %s\n"
	                 ";***************************************************************\n\n",
	              title);
}

static mailprof_status emit_prf(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                mailprof_diags *d)
{
	size_t npop = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (a->nincoming && a->incoming[0].protocol == MP_PROTO_POP3)
			npop++;
	}
	const mp_account *a0 = p->naccounts ? &p->accounts[0] : NULL;
	const char *profile = a0 && a0->email.v ? a0->email.v : "Outlook";
	mp_buf_puts(b, ";Outlook profile file written by mailprof (Office Customization Tool layout)\n");
	section(b, "Section 1 - Profile Defaults");
	mp_buf_puts(b, "[General]\nCustom=1\n");
	kv(b, "ProfileName", profile);
	mp_buf_puts(b, "DefaultProfile=Yes\nOverwriteProfile=Append\nModifyDefaultProfileIfPresent=true\n"
	               "BackupProfile=Yes\n");
	section(b, "Section 2 - Services in Profile");
	mp_buf_puts(b, "[Service List]\n");
	for (size_t i = 0; i < npop; i++)
		mp_buf_printf(b, "Service%zu=Unicode Personal Folders\n", i + 1);
	section(b, "Section 3 - List of internet accounts");
	mp_buf_puts(b, "[Internet Account List]\n");
	size_t n = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (!a->nincoming && !a->noutgoing)
			continue;
		bool imap = a->nincoming && a->incoming[0].protocol == MP_PROTO_IMAP;
		mp_buf_printf(b, "Account%zu=%s\n", ++n, imap ? "IMAP_I_Mail" : "I_Mail");
	}
	section(b, "Section 4 - Default values for each service.");
	n = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (!a->nincoming || a->incoming[0].protocol != MP_PROTO_POP3)
			continue;
		const char *name = a->email.v ? a->email.v : "Outlook";
		mp_buf_printf(b, "[Service%zu]\nUniqueService=No\n", ++n);
		kv(b, "Name", name);
		mp_buf_printf(b, "PathToPersonalFolders=%%USERPROFILE%%\\Documents\\Outlook Files\\");
		for (const char *c = name; *c; c++) /* keep the file name valid on Windows */
			mp_buf_putc(b, strchr("\\/:*?\"<>|\r\n", *c) ? '_' : *c);
		mp_buf_puts(b, ".pst\nEncryptionType=0x40000000\n\n");
	}
	section(b, "Section 5 - Values for each internet account.");
	n = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (!a->nincoming && !a->noutgoing) {
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "account without servers: not written");
			continue;
		}
		const mp_server *in = a->nincoming ? &a->incoming[0] : NULL;
		const mp_server *out = a->noutgoing ? &a->outgoing[0] : NULL;
		for (size_t j = 1; j < a->nincoming; j++)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->incoming[j].loc, NULL,
			        "an Outlook internet account has one incoming server: this %s server is not "
			        "written", mp_protocol_name(a->incoming[j].protocol));
		for (size_t j = 1; j < a->noutgoing; j++)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->outgoing[j].loc, NULL,
			        "an Outlook internet account has one SMTP server: this one is not written");
		mp_buf_printf(b, "[Account%zu]\nUniqueService=No\n", ++n);
		kv(b, "AccountName", a->email.v ? a->email.v : in && in->host.v ? in->host.v : "Mail");
		if (a->email.v) {
			kv(b, "EmailAddress", a->email.v);
			kv(b, "ReplyEMailAddress", a->email.v);
		}
		if (a->display_name.v)
			kv(b, "DisplayName", a->display_name.v);
		if (in) {
			const char *P = in->protocol == MP_PROTO_IMAP ? "IMAP" : "POP3";
			char k[32];
			if (in->host.v) {
				snprintf(k, sizeof k, "%sServer", P);
				kv(b, k, in->host.v);
			}
			if (in->username.v) {
				snprintf(k, sizeof k, "%sUserName", P);
				kv(b, k, in->username.v);
			}
			if (in->port.set)
				mp_buf_printf(b, "%sPort=%d\n", P, in->port.v);
			if (in->security.set) {
				mp_buf_printf(b, "%sUseSSL=%d\n", P, in->security.v == MP_SEC_TLS);
				if (in->security.v == MP_SEC_STARTTLS)
					mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &in->security.loc, NULL,
					        "a .prf has no STARTTLS setting for %s: written as no SSL; choose "
					        "STARTTLS in Outlook's account settings after the import", P);
			}
			mp_buf_printf(b, "%sUseSPA=%d\n", P, spa(in));
			lossy_auth(in, d);
			if (in->protocol == MP_PROTO_IMAP)
				mp_buf_puts(b, "CheckNewImap=1\n");
			else if (a->pop_leave_on_server.set || a->pop_leave_days.set) {
				/* LeaveOnServer is a bit field whose layout is not documented:
				 * only "leave" (1) and "do not leave" (0) are written. */
				mp_buf_printf(b, "LeaveOnServer=%d\n",
				              a->pop_leave_on_server.set ? a->pop_leave_on_server.v != 0 : 1);
				if (a->pop_leave_days.set)
					mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->pop_leave_days.loc, NULL,
					        "the .prf LeaveOnServer bit field for a number of days is not "
					        "documented: the %d days are not written", a->pop_leave_days.v);
			}
			if (opt->include_secrets && in->password.v)
				mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &in->password.loc, NULL,
				        "a .prf cannot carry passwords: Outlook asks for it");
		}
		if (out) {
			if (out->host.v)
				kv(b, "SMTPServer", out->host.v);
			if (out->port.set)
				mp_buf_printf(b, "SMTPPort=%d\n", out->port.v);
			/* Any login method Outlook cannot name (OAuth2, GSSAPI) is still a
			 * login: reported by lossy_auth, written as user + password. */
			bool after_pop = out->nauth && out->auth[0] == MP_AUTH_SMTP_AFTER_POP;
			bool login = out->nauth ? !after_pop && out->auth[0] != MP_AUTH_NONE &&
			                              out->auth[0] != MP_AUTH_CLIENT_IP
			                        : out->username.v != NULL;
			mp_buf_printf(b, "SMTPUseAuth=%d\n", login || after_pop);
			/* 0 same as incoming, 1 log on with SMTPUserName, 2 POP before SMTP */
			mp_buf_printf(b, "SMTPAuthMethod=%d\n", after_pop ? 2 : login && out->username.v ? 1 : 0);
			if (login && out->username.v)
				kv(b, "SMTPUserName", out->username.v);
			mp_buf_printf(b, "SMTPUseSPA=%d\n", spa(out));
			lossy_auth(out, d);
			if (out->security.set)
				mp_buf_printf(b, "SMTPSecureConnection=%d\n",
				              out->security.v == MP_SEC_TLS ? 1 : out->security.v == MP_SEC_STARTTLS ? 2 : 0);
			if (opt->include_secrets && out->password.v)
				mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &out->password.loc, NULL,
				        "a .prf cannot carry passwords: Outlook asks for it");
		}
		mp_buf_puts(b, "ConnectionType=0\nServerTimeOut=60\n\n");
	}
	section(b, "Section 6 - Mapping for profile properties");
	mp_buf_puts(b, "[Unicode Personal Folders]\nServiceName=MSPST MS\nName=PT_STRING8,0x3001\n"
	               "PathToPersonalFolders=PT_STRING8,0x6700\nRememberPassword=PT_BOOLEAN,0x6701\n"
	               "EncryptionType=PT_LONG,0x6702\nPassword=PT_STRING8,0x6703\n");
	section(b, "Section 7 - Mapping for internet account properties.  DO NOT MODIFY.");
	static const char *const common =
		"AccountName=PT_UNICODE,0x0002\nDisplayName=PT_UNICODE,0x000B\n"
		"EmailAddress=PT_UNICODE,0x000C\nOrganization=PT_UNICODE,0x0107\n"
		"ReplyEmailAddress=PT_UNICODE,0x0103\n";
	static const char *const smtp =
		"SMTPServer=PT_UNICODE,0x0200\nSMTPPort=PT_LONG,0x0201\nSMTPUseAuth=PT_LONG,0x0203\n"
		"SMTPUserName=PT_UNICODE,0x0204\nSMTPUseSPA=PT_LONG,0x0207\nSMTPAuthMethod=PT_LONG,0x0208\n"
		"ServerTimeOut=PT_LONG,0x0209\nSMTPSecureConnection=PT_LONG,0x020A\n"
		"ConnectionType=PT_LONG,0x000F\nConnectionOID=PT_UNICODE,0x0010\n";
	mp_buf_printf(b, "[I_Mail]\nAccountType=POP3\n%s", common);
	mp_buf_puts(b, "POP3Server=PT_UNICODE,0x0100\nPOP3UserName=PT_UNICODE,0x0101\n"
	               "POP3Port=PT_LONG,0x0104\nPOP3UseSSL=PT_LONG,0x0105\nPOP3UseSPA=PT_LONG,0x0108\n");
	mp_buf_printf(b, "%sLeaveOnServer=PT_LONG,0x1000\n\n", smtp);
	mp_buf_printf(b, "[IMAP_I_Mail]\nAccountType=IMAP\n%s", common);
	mp_buf_puts(b, "IMAPServer=PT_UNICODE,0x0100\nIMAPUserName=PT_UNICODE,0x0101\n"
	               "IMAPPort=PT_LONG,0x0104\nIMAPUseSSL=PT_LONG,0x0105\nIMAPUseSPA=PT_LONG,0x0108\n");
	mp_buf_printf(b, "%sCheckNewImap=PT_LONG,0x1100\nRootFolder=PT_UNICODE,0x1101\n", smtp);
	return MAILPROF_OK;
}

const struct mp_format mp_format_prf = {
	.name = "prf",
	.aliases = "outlookprf",
	.extensions = ".prf",
	.summary = "Outlook profile file (.prf, Office Customization Tool layout), output only",
	.emit = emit_prf,
	.client = "Outlook",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_USER |
	            MP_REQ_INCOMING | MP_REQ_LITERAL,
};
