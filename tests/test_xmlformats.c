/* Autodiscover, mobileconfig and oeaccount: each format's quirks, UTF-16,
 * signed profiles, refused entities, schema findings with lines, lossy
 * emission, and the real files that must fail with a clear message. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "model.h"

static mailprof_profile *parse_buf(const char *buf, size_t len, const char *fmt, mailprof_diags **d,
                                   mailprof_status *st)
{
	mailprof_profile *p = mailprof_profile_new();
	*d = mailprof_diags_new();
	*st = mailprof_parse(p, buf, len, "t.in", fmt, NULL, *d);
	return p;
}

static char *emit_opt(const mailprof_profile *p, const char *fmt, const mailprof_options *o,
                      size_t *len, mailprof_diags *d)
{
	char *out = NULL;
	mailprof_status st = mailprof_emit(p, fmt, o, &out, len, d);
	cr_assert_eq(st, MAILPROF_OK, "emit %s failed", fmt);
	return out;
}

static bool has_msg(const mailprof_diags *d, const char *id, const char *needle)
{
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (strcmp(g->id, id) == 0 && (!needle || strstr(g->message, needle)))
			return true;
	}
	return false;
}

/* ---------------- Autodiscover ---------------- */

#define AD_HEAD                                                                              \
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"                                           \
	"<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">\n" \
	"<Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\">\n"
#define AD_TAIL "</Response>\n</Autodiscover>\n"

Test(autodiscover, encryption_values_and_defaults)
{
	const char *x = AD_HEAD "<Account><AccountType>email</AccountType><Action>settings</Action>\n"
	                        "<Protocol><Type>IMAP</Type><Server>i.example.com</Server><Port>993</Port>"
	                        "<SPA>Off</SPA><Encryption>ssl</Encryption></Protocol>\n"
	                        "<Protocol><Type>POP3</Type><Server>p.example.com</Server><Port>110</Port>"
	                        "</Protocol>\n"
	                        "<Protocol><Type>SMTP</Type><Server>s.example.com</Server><Port>587</Port>"
	                        "<SPA>off</SPA><SSL>On</SSL><Encryption>TLS</Encryption>"
	                        "<SMTPLast>on</SMTPLast></Protocol>\n"
	                        "<Protocol><Type>SMTP</Type><Server>s2.example.com</Server><Port>25</Port>"
	                        "<SSL>off</SSL><AuthRequired>off</AuthRequired></Protocol>\n"
	                        "<Protocol><Type>EXCH</Type><Server>ex</Server><ServerDN>x</ServerDN></Protocol>\n"
	                        "</Account>\n" AD_TAIL;
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(x, "ad.xml", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_assert_eq(a->nincoming, 2);
	cr_assert_eq(a->noutgoing, 2);
	cr_expect_eq(a->incoming[0].security.v, MP_SEC_TLS);
	cr_expect_eq(a->incoming[0].auth[0], MP_AUTH_PASSWORD_CLEARTEXT);
	/* Absent SSL and SPA mean on: STARTTLS by port 110, and NTLM. */
	cr_expect_eq(a->incoming[1].security.v, MP_SEC_STARTTLS);
	cr_expect_eq(a->incoming[1].auth[0], MP_AUTH_NTLM);
	cr_expect_eq(a->outgoing[0].security.v, MP_SEC_STARTTLS);
	cr_expect_eq(a->outgoing[0].nauth, 2);
	cr_expect_eq(a->outgoing[0].auth[1], MP_AUTH_SMTP_AFTER_POP);
	cr_expect_eq(a->outgoing[1].security.v, MP_SEC_NONE);
	cr_expect_eq(a->outgoing[1].auth[0], MP_AUTH_NONE);
	cr_expect(has_msg(d, "unsupported-server", "EXCH"));
	cr_expect_eq(t_count(d, "schema"), 0, "On/Off and ssl casing are valid");
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autodiscover, errors_and_redirects_are_findings)
{
	const char *err_outer =
		"<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">"
		"<Response><Error Time=\"16:56:32.6164027\" Id=\"1054084152\"><ErrorCode>600</ErrorCode>"
		"<Message>Invalid Request</Message><DebugData/></Error></Response></Autodiscover>";
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(err_outer, "e.xml", "autodiscover", &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "autodiscover-error", "600"));
	cr_expect(has_msg(d, "autodiscover-error", "Invalid Request"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	const char *err_acc = AD_HEAD "<Account><Error><ErrorCode>500</ErrorCode><Message>no</Message>"
	                              "</Error></Account>" AD_TAIL;
	p = t_parse_str(err_acc, "e.xml", "autodiscover", &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "autodiscover-error", "500"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	const char *redir = AD_HEAD "<Account><AccountType>email</AccountType><Action>redirectAddr</Action>\n"
	                            "<RedirectAddr>user@other.example</RedirectAddr></Account>" AD_TAIL;
	p = t_parse_str(redir, "r.xml", "autodiscover", &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	const mailprof_diag *g = t_find(d, "autodiscover-redirect");
	cr_assert(g);
	cr_expect(strstr(g->message, "user@other.example"));
	cr_expect_eq(g->loc.line, 5);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	const char *url = AD_HEAD "<Account><Action>redirectUrl</Action><RedirectUrl>https://x.example/a"
	                          "</RedirectUrl></Account>" AD_TAIL;
	p = t_parse_str(url, "r.xml", "autodiscover", &d, &st);
	cr_expect(has_msg(d, "autodiscover-redirect", "https://x.example/a"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autodiscover, schema_violation_has_line_and_mapping_goes_on)
{
	const char *x = AD_HEAD "<Account>\n<Protocol>\n<Type>IMAP</Type>\n<Server>i.example.com</Server>\n"
	                        "<SSL>maybe</SSL>\n<Port>993</Port>\n</Protocol>\n</Account>\n" AD_TAIL;
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(x, "v.xml", "autodiscover", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	const mailprof_diag *g = t_find(d, "schema");
	cr_assert(g, "a schema finding");
	cr_expect_eq(g->loc.line, 8);
	cr_expect_str_eq(g->loc.file, "v.xml");
	cr_expect_eq(p->accounts[0].incoming[0].port.v, 993);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autodiscover, real_quirks)
{
	mailprof_diags *d;
	mailprof_status st;
	/* HestiaCP's installer template: https:// namespaces, and host names
	 * mail.YOURDOMAIN.COM that the installer replaces: refused as a template. */
	mailprof_profile *p = t_parse("samples/autodiscover/hestiacp.xml", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(t_find(d, "autodiscover-namespace"), "https:// namespace reported");
	cr_expect(t_find(d, "template") && t_find(d, "template")->severity == MAILPROF_ERROR);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/autodiscover/hekko-pl-crawl.xml", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_OK);
	cr_expect(has_msg(d, "autodiscover-value", "STARTTLS"));
	cr_expect_eq(p->accounts[0].outgoing[0].security.v, MP_SEC_STARTTLS);
	cr_expect_null(p->accounts[0].incoming[0].username.v, "empty LoginName is no login name");
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/autodiscover/nasqueron.xml", NULL, &d, &st);
	cr_expect_eq(p->accounts[0].outgoing[0].security.v, MP_SEC_STARTTLS, "Encryption overrides SSL off");
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	/* Outlook does not substitute %EMAILADDRESS%: MP049, an error. */
	p = t_parse("samples/autodiscover/vsus-app-purelymail.xml", NULL, &d, &st);
	mailprof_check(p, d);
	cr_expect_eq(t_count(d, "MP049"), 2);
	cr_expect_eq(t_find(d, "MP049")->severity, MAILPROF_ERROR);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	/* With the user's address, nothing is left to substitute. */
	mailprof_options o = {.email = "ann@example.org"};
	p = mailprof_profile_new();
	d = mailprof_diags_new();
	cr_assert_eq(mailprof_parse_file(p, "samples/autodiscover/vsus-app-purelymail.xml", NULL, &o, d),
	             MAILPROF_OK);
	mailprof_check(p, d);
	cr_expect_eq(t_count(d, "MP049"), 0);
	cr_expect_str_eq(p->accounts[0].incoming[0].username.v, "ann@example.org");
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autodiscover, emit_states_every_security_field)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse("samples/autodiscover/dimension-sh.xml", NULL, &d, &st);
	mailprof_diags_free(d);
	cr_assert_eq(st, MAILPROF_OK);
	d = mailprof_diags_new();
	size_t len;
	char *out = emit_opt(p, "autodiscover", NULL, &len, d);
	size_t nproto = 0;
	for (const char *q = out; (q = strstr(q, "<Protocol>")); q++)
		nproto++;
	size_t count[4] = {0};
	const char *tags[4] = {"<SPA>", "<SSL>", "<Encryption>", "<AuthRequired>"};
	for (int k = 0; k < 4; k++)
		for (const char *q = out; (q = strstr(q, tags[k])); q++)
			count[k]++;
	for (int k = 0; k < 4; k++)
		cr_expect_eq(count[k], nproto, "%s in every Protocol", tags[k]);
	cr_expect(strstr(out, "<SPA>off</SPA>"));
	free(out);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autodiscover, pop_options_are_lossy)
{
	mailprof_profile *p = mailprof_profile_new();
	mp_account *a = mp_account_add(p);
	mp_int_set(&a->pop_leave_on_server, 1, NULL);
	mp_server *s = mp_server_add(a, MP_PROTO_POP3);
	mp_str_set(&s->host, "pop.example.com", NULL);
	mailprof_diags *d = mailprof_diags_new();
	size_t len;
	char *out = emit_opt(p, "autodiscover", NULL, &len, d);
	cr_expect(has_msg(d, "lossy", "POP options"));
	free(out);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autodiscover, stub_and_template_fail_clearly)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse("samples/autodiscover/peterthomassen-stub.xml", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "autodiscover-empty", "no <Response>"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	p = t_parse("samples/autodiscover/monogramm-template.xml", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "template", "server-side template"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* ---------------- mobileconfig ---------------- */

static const char *const MC_TWO =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
	"<plist version=\"1.0\"><dict><key>PayloadContent</key><array>\n"
	"<dict><key>PayloadType</key><string>com.apple.wifi.managed</string></dict>\n"
	"<dict><key>PayloadType</key><string>com.apple.mail.managed</string>\n"
	"<key>EmailAccountType</key><string>EmailTypePOP</string>\n"
	"<key>EmailAddress</key><string>a@example.com</string>\n"
	"<key>IncomingMailServerHostName</key><string>pop.example.com</string>\n"
	"<key>IncomingMailServerPortNumber</key><integer>995</integer>\n"
	"<key>IncomingMailServerUseSSL</key><true/>\n"
	"<key>IncomingMailServerAuthentication</key><string>EmailAuthCRAMMD5</string>\n"
	"<key>IncomingMailServerUsername</key><string>a</string>\n"
	"<key>IncomingPassword</key><string>s3cret</string>\n"
	"<key>OutgoingMailServerHostName</key><string>smtp.example.com</string>\n"
	"<key>OutgoingMailServerPortNumber</key><string>587</string>\n"
	"<key>OutgoingMailServerUseSSL</key><true/>\n"
	"<key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>\n"
	"<key>OutgoingPasswordSameAsIncomingPassword</key><true/>\n"
	"</dict>\n"
	"<dict><key>PayloadType</key><string>com.apple.mail.managed</string>\n"
	"<key>EmailAccountType</key><string>EmailTypeIMAP</string>\n"
	"<key>IncomingMailServerHostName</key><string>imap.example.net</string>\n"
	"<key>IncomingMailServerAuthentication</key><string>EmailAuthNTLM</string>\n"
	"<key>OutgoingMailServerHostName</key><string>smtp.example.net</string>\n"
	"<key>OutgoingMailServerAuthentication</key><string>EmailAuthNone</string>\n"
	"</dict></array>\n"
	"<key>PayloadType</key><string>Configuration</string><key>PayloadVersion</key><string>1</string>\n"
	"</dict></plist>\n";

Test(mobileconfig, payloads_types_and_passwords)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(MC_TWO, "t.mobileconfig", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->naccounts, 2);
	cr_expect(has_msg(d, "mobileconfig-skipped", "com.apple.wifi.managed"));
	cr_expect(has_msg(d, "mobileconfig-type", "OutgoingMailServerPortNumber"), "port as <string>");
	mp_account *a = &p->accounts[0];
	cr_expect_eq(a->incoming[0].protocol, MP_PROTO_POP3);
	cr_expect_eq(a->incoming[0].security.v, MP_SEC_TLS);
	cr_expect_eq(a->incoming[0].auth[0], MP_AUTH_PASSWORD_ENCRYPTED);
	cr_expect_eq(a->outgoing[0].port.v, 587);
	cr_expect_eq(a->outgoing[0].security.v, MP_SEC_STARTTLS, "UseSSL on 587 is STARTTLS");
	cr_expect_str_eq(a->outgoing[0].password.v, "s3cret", "same as incoming password");
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		cr_expect_null(strstr(mailprof_diags_get(d, i)->message, "s3cret"));
	cr_expect_eq(p->accounts[1].incoming[0].auth[0], MP_AUTH_NTLM);
	cr_expect_eq(p->accounts[1].outgoing[0].auth[0], MP_AUTH_NONE);
	mailprof_diags_free(d);

	/* Emit: no passwords by default, integers as <integer>, stable UUIDs. */
	d = mailprof_diags_new();
	size_t len, len2;
	char *o1 = emit_opt(p, "mobileconfig", NULL, &len, d);
	char *o2 = emit_opt(p, "mobileconfig", NULL, &len2, d);
	cr_expect_eq(len, len2);
	cr_expect_str_eq(o1, o2, "same input, same bytes (UUIDs included)");
	cr_expect_null(strstr(o1, "s3cret"));
	cr_expect(strstr(o1, "<integer>587</integer>"));
	cr_expect_null(strstr(o1, "<string>587</string>"));
	cr_expect(strstr(o1, "<key>PayloadIdentifier</key>\n  <string>com.example.mailprof</string>"),
	          "reverse-DNS default from the address domain");
	const char *u = strstr(o1, "<key>PayloadUUID</key>");
	cr_assert(u);
	u = strstr(u, "<string>") + 8;
	cr_expect_eq(u[8], '-');
	cr_expect_eq(u[14], '5', "version 5 UUID");
	mailprof_options opt = {0};
	opt.identifier = "org.example.it";
	opt.include_secrets = 1;
	char *o3 = emit_opt(p, "mobileconfig", &opt, &len, d);
	cr_expect(strstr(o3, "<string>org.example.it.email1</string>"));
	cr_expect(strstr(o3, "<key>IncomingPassword</key>"));
	cr_expect(strstr(o3, "s3cret"));
	/* A changed value changes the payload's UUID. */
	mp_str_set(&p->accounts[0].incoming[0].host, "pop2.example.com", NULL);
	char *o4 = emit_opt(p, "mobileconfig", NULL, &len, d);
	const char *u4 = strstr(strstr(o4, "<key>PayloadUUID</key>"), "<string>") + 8;
	cr_expect_neq(strncmp(u, u4, 36), 0);
	free(o1), free(o2), free(o3), free(o4);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(mobileconfig, starttls_is_lossy)
{
	mailprof_profile *p = mailprof_profile_new();
	mp_account *a = mp_account_add(p);
	mp_server *in = mp_server_add(a, MP_PROTO_IMAP);
	mp_str_set(&in->host, "imap.example.com", NULL);
	mp_int_set(&in->port, 993, NULL);
	mp_int_set(&in->security, MP_SEC_STARTTLS, NULL);
	mp_server *out = mp_server_add(a, MP_PROTO_SMTP);
	mp_str_set(&out->host, "smtp.example.com", NULL);
	mailprof_diags *d = mailprof_diags_new();
	size_t len;
	char *o = emit_opt(p, "mobileconfig", NULL, &len, d);
	cr_expect(has_msg(d, "lossy", "STARTTLS"));
	cr_expect(strstr(o, "<key>IncomingMailServerUseSSL</key>\n      <true/>"));
	free(o);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(mobileconfig, signed_profile_unwrapped_and_checked)
{
	mailprof_diags *d;
	mailprof_status st;
	/* A real profile signed with a throwaway certificate (samples/SOURCES.md). */
	mailprof_profile *p = t_parse("samples/mobileconfig/signed-profiledocs.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_OK);
	cr_expect(has_msg(d, "mobileconfig-signed", "signed by \"mailprof test signer (throwaway)\""));
	cr_expect(has_msg(d, "mobileconfig-signed", "signature matches the content"));
	cr_assert_eq(p->naccounts, 1);
	/* The same model as the unsigned original. */
	mailprof_diags *d2;
	mailprof_profile *q = t_parse("samples/mobileconfig/profiledocs-example.mobileconfig", NULL, &d2, &st);
	cr_expect(mailprof_profile_equal(p, q));
	/* Findings inside point at lines of the signed plist, as in the original. */
	const mailprof_diag *a = t_find(d, "MP035"), *b = t_find(d2, "MP035");
	cr_assert(a && b);
	cr_expect_eq(a->loc.line, b->loc.line);
	mailprof_diags_free(d), mailprof_diags_free(d2);
	mailprof_profile_free(p), mailprof_profile_free(q);

	/* One byte of the content changed after signing: refused. */
	p = t_parse("samples/mobileconfig/signed-tampered.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "mobileconfig-signature", "does not match the content"));
	cr_expect_eq(p->naccounts, 0);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(mobileconfig, broken_der_is_a_clear_error)
{
	/* The start of a CMS SignedData: SEQUENCE, OID 1.2.840.113549.1.7.2, cut off. */
	static const unsigned char der[] = {0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
	                                    0x01, 0x07, 0x02, 0xa0, 0x80, '<', '?', 'x', 'm', 'l', ' ',
	                                    'P', 'a', 'y', 'l', 'o', 'a', 'd', 'C', 'o', 'n', 't', 'e',
	                                    'n', 't'};
	mailprof_diags *d;
	mailprof_status st;
	cr_expect_str_eq(mailprof_format_detect((const char *)der, sizeof der, "x.bin"), "mobileconfig");
	mailprof_profile *p = parse_buf((const char *)der, sizeof der, NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "mobileconfig-signed", "not a readable CMS message"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(mobileconfig, real_files)
{
	mailprof_diags *d;
	mailprof_status st;
	/* Mail-in-a-Box's template: read (CalDAV and CardDAV skipped), then
	 * refused, since sed replaces PRIMARY_HOSTNAME at setup. */
	mailprof_profile *p = t_parse("samples/mobileconfig/mailinabox-ios-profile.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect_eq(t_count(d, "mobileconfig-skipped"), 2, "CalDAV and CardDAV skipped");
	cr_expect(has_msg(d, "template", "PRIMARY_HOSTNAME"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/mobileconfig/profiledocs-example.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_OK);
	cr_expect(has_msg(d, "mobileconfig-required", "IncomingMailServerHostName"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/mobileconfig/tomtommagf-broken.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_SYNTAX);
	const mailprof_diag *g = t_find(d, "xml-syntax");
	cr_assert(g);
	cr_expect_eq(g->loc.line, 8);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/mobileconfig/fleaz-mdec-template.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(t_find(d, "template"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* ---------------- oeaccount ---------------- */

static char *to_utf16le(const char *s, size_t *len)
{
	iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
	size_t n = strlen(s), cap = n * 2 + 2;
	char *out = malloc(cap), *o = out + 2, *in = (char *)s;
	out[0] = (char)0xFF, out[1] = (char)0xFE;
	size_t left = cap - 2;
	iconv(cd, &in, &n, &o, &left);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static const char *const OE_POP =
	"<?xml version=\"1.0\" encoding=\"utf-16\" ?>\r\n"
	"<MessageAccount>\r\n"
	"    <Account_Name type=\"SZ\">Home</Account_Name>\r\n"
	"    <POP3_Server type=\"SZ\">pop.example.com</POP3_Server>\r\n"
	"    <POP3_User_Name type=\"SZ\">joe</POP3_User_Name>\r\n"
	"    <POP3_Password2 type=\"BINARY\">01000000d08c9ddf0115d1118c7a00c04fc297eb</POP3_Password2>\r\n"
	"    <POP3_Port type=\"DWORD\">000003e3</POP3_Port>\r\n"
	"    <POP3_Secure_Connection type=\"DWORD\">TRUE</POP3_Secure_Connection>\r\n"
	"    <Leave_Mail_On_Server type=\"DWORD\">1</Leave_Mail_On_Server>\r\n"
	"    <Remove_When_Expired type=\"DWORD\">00000001</Remove_When_Expired>\r\n"
	"    <Expire_Days type=\"DWORD\">e</Expire_Days>\r\n"
	"    <SMTP_Server type=\"SZ\">smtp.example.com</SMTP_Server>\r\n"
	"    <SMTP_Use_Sicily type=\"DWORD\">2</SMTP_Use_Sicily>\r\n"
	"    <SMTP_Port type=\"DWORD\">24b</SMTP_Port>\r\n"
	"    <SMTP_Secure_Connection type=\"DWORD\">1</SMTP_Secure_Connection>\r\n"
	"    <SMTP_Display_Name type=\"SZ\">Joe</SMTP_Display_Name>\r\n"
	"    <SMTP_Email_Address type=\"SZ\">joe@example.com</SMTP_Email_Address>\r\n"
	"    <IMAP_Timeout type=\"DWORD\">3c</IMAP_Timeout>\r\n"
	"</MessageAccount>\r\n";

Test(oeaccount, utf16_hex_bools_and_sicily)
{
	size_t len;
	char *u16 = to_utf16le(OE_POP, &len);
	cr_expect_str_eq(mailprof_format_detect(u16, len, "x"), "oeaccount");
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = parse_buf(u16, len, NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_expect_str_eq(a->provider_name.v, "Home");
	cr_expect_str_eq(a->email.v, "joe@example.com");
	cr_expect_str_eq(a->display_name.v, "Joe");
	mp_server *in = &a->incoming[0], *out = &a->outgoing[0];
	cr_expect_eq(in->protocol, MP_PROTO_POP3);
	cr_expect_eq(in->port.v, 995);
	cr_expect_eq(in->security.v, MP_SEC_TLS);
	cr_expect_eq(in->auth[0], MP_AUTH_PASSWORD_CLEARTEXT);
	cr_expect_eq(out->port.v, 587);
	cr_expect_eq(out->security.v, MP_SEC_STARTTLS);
	cr_expect_eq(out->auth[0], MP_AUTH_PASSWORD_CLEARTEXT, "Sicily 2: as incoming");
	cr_expect_str_eq(out->username.v, "joe");
	cr_expect_eq(a->pop_leave_on_server.v, 1);
	cr_expect_eq(a->pop_leave_days.v, 14);
	const mailprof_diag *g = t_find(d, "oeaccount-password");
	cr_assert(g, "DPAPI blob reported");
	cr_expect_eq(g->loc.line, 6, "line numbers survive UTF-16 decoding");
	cr_expect_null(strstr(g->message, "01000000d08c"));
	mailprof_diags_free(d);

	/* Emit: UTF-16LE with BOM, CRLF, 8-digit DWORDs; reads back the same. */
	d = mailprof_diags_new();
	size_t olen;
	char *o = emit_opt(p, "oeaccount", NULL, &olen, d);
	cr_assert_gt(olen, 4);
	cr_expect_eq((unsigned char)o[0], 0xFF);
	cr_expect_eq((unsigned char)o[1], 0xFE);
	cr_expect_eq(o[2], '<');
	cr_expect_eq(o[3], 0);
	iconv_t cd = iconv_open("UTF-8", "UTF-16LE");
	char *u8 = calloc(1, olen * 2), *ip = o + 2, *op = u8;
	size_t il = olen - 2, ol = olen * 2 - 1;
	iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	cr_expect(strstr(u8, "<POP3_Port type=\"DWORD\">000003e3</POP3_Port>\r\n"));
	cr_expect(strstr(u8, "<SMTP_Use_Sicily type=\"DWORD\">00000002</SMTP_Use_Sicily>"));
	cr_expect(strstr(u8, "<Expire_Days type=\"DWORD\">0000000e</Expire_Days>"));
	for (const char *q = strchr(u8, '\n'); q; q = strchr(q + 1, '\n'))
		cr_expect_eq(q[-1], '\r', "CRLF line ends");
	mailprof_diags *d2;
	mailprof_profile *back = parse_buf(o, olen, "oeaccount", &d2, &st);
	cr_expect_eq(st, MAILPROF_OK);
	cr_expect(mailprof_profile_equal(p, back), "emitted file reads back to the same model");
	cr_expect_eq(t_count(d2, "schema"), 0);
	free(u8);
	free(o);
	free(u16);
	mailprof_diags_free(d2);
	mailprof_profile_free(back);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(oeaccount, sicily_values_and_schema_line)
{
	static const struct {
		const char *v;
		mp_auth want;
	} cases[] = {{"0", MP_AUTH_NONE}, {"00000001", MP_AUTH_NTLM}, {"3", MP_AUTH_PASSWORD_CLEARTEXT}};
	for (size_t i = 0; i < 3; i++) {
		char *x;
		cr_assert(asprintf(&x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<MessageAccount>\n"
		                       "<IMAP_Server type=\"SZ\">i.example.com</IMAP_Server>\n"
		                       "<SMTP_Server type=\"SZ\">s.example.com</SMTP_Server>\n"
		                       "<SMTP_Use_Sicily type=\"DWORD\">%s</SMTP_Use_Sicily>\n"
		                       "<SMTP_Port type=\"DWORD\">0x19</SMTP_Port>\n</MessageAccount>\n",
		                   cases[i].v) > 0);
		mailprof_diags *d;
		mailprof_status st;
		mailprof_profile *p = t_parse_str(x, "s.oeaccount", NULL, &d, &st);
		cr_assert_eq(st, MAILPROF_OK);
		cr_expect_eq(p->accounts[0].outgoing[0].auth[0], cases[i].want, "Sicily %s", cases[i].v);
		cr_expect_eq(p->accounts[0].incoming[0].auth[0], MP_AUTH_PASSWORD_CLEARTEXT);
		/* 0x19 is not how WLM writes hex: a schema finding at its line, port ignored. */
		const mailprof_diag *g = t_find(d, "schema");
		cr_assert(g);
		cr_expect_eq(g->loc.line, 6);
		cr_expect_not(p->accounts[0].outgoing[0].port.set);
		free(x);
		mailprof_diags_free(d);
		mailprof_profile_free(p);
	}
}

Test(oeaccount, real_files)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse("samples/oeaccount/tb-donhallimap.oeaccount", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_expect_eq(a->incoming[0].port.v, 993, "unpadded 3e1");
	cr_expect_eq(a->incoming[0].security.v, MP_SEC_TLS);
	cr_expect_eq(a->incoming[0].auth[0], MP_AUTH_NTLM);
	cr_expect_eq(a->outgoing[0].port.v, 25);
	cr_expect_eq(a->outgoing[0].security.v, MP_SEC_STARTTLS);
	cr_expect_not(a->pop_leave_on_server.set, "IMAP account: no POP options");
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/oeaccount/msdocs-donhallimap-utf8.oeaccount", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_OK);
	cr_expect(t_find(d, "encoding-mismatch"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/oeaccount/tb-donhallnntp.oeaccount", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "oeaccount-skipped", "news (NNTP)"));
	cr_expect_eq(t_find(d, "oeaccount-skipped")->severity, MAILPROF_INFO);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse("samples/oeaccount/msdocs-template-utf8.oeaccount", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_INVALID);
	cr_expect(has_msg(d, "oeaccount-empty", "no IMAP or POP3"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(oeaccount, lossy_auth_and_passwords)
{
	mailprof_profile *p = mailprof_profile_new();
	mp_account *a = mp_account_add(p);
	mp_server *in = mp_server_add(a, MP_PROTO_IMAP);
	mp_str_set(&in->host, "imap.example.com", NULL);
	mp_server_add_auth(in, MP_AUTH_OAUTH2);
	mp_str_set(&in->password, "pw", NULL);
	mp_server *out = mp_server_add(a, MP_PROTO_SMTP);
	mp_str_set(&out->host, "smtp.example.com", NULL);
	mp_server_add_auth(out, MP_AUTH_PASSWORD_ENCRYPTED);
	mp_server_add_auth(out, MP_AUTH_NTLM);
	mp_account_add(p);
	mailprof_diags *d = mailprof_diags_new();
	size_t len;
	mailprof_options opt = {.include_secrets = 1};
	char *o = emit_opt(p, "oeaccount", &opt, &len, d);
	cr_expect(has_msg(d, "lossy", "oauth2"));
	cr_expect(has_msg(d, "lossy", "password-encrypted"));
	cr_expect(has_msg(d, "lossy", "DPAPI"));
	cr_expect(has_msg(d, "lossy", "one account per file"));
	free(o);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* ---------------- all three: entities are refused ---------------- */

Test(xmlformats, entity_bomb_refused)
{
	static const char *const fmts[] = {"autodiscover", "mobileconfig", "oeaccount"};
	static const char *const roots[] = {"Autodiscover", "plist", "MessageAccount"};
	for (size_t i = 0; i < 3; i++) {
		char *x;
		cr_assert(asprintf(&x, "<?xml version=\"1.0\"?>\n<!DOCTYPE %s [\n<!ENTITY a \"aaaaaaaaaa\">\n"
		                       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		                       "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		                       "<!ENTITY e SYSTEM \"file:///etc/passwd\">\n]>\n<%s>&c;&e;</%s>\n",
		                   roots[i], roots[i], roots[i]) > 0);
		mailprof_diags *d;
		mailprof_status st;
		mailprof_profile *p = t_parse_str(x, "bomb.xml", fmts[i], &d, &st);
		cr_expect_neq(st, MAILPROF_OK, "%s", fmts[i]);
		cr_expect_eq(p->naccounts, 0);
		cr_expect(t_find(d, "xml-entity") || t_find(d, "xml-syntax"), "%s: refused", fmts[i]);
		free(x);
		mailprof_diags_free(d);
		mailprof_profile_free(p);
	}
}

Test(xmlformats, listed_with_both_directions)
{
	static const char *const fmts[] = {"autodiscover", "mobileconfig", "oeaccount"};
	for (size_t i = 0; i < 3; i++)
		cr_expect_eq(mailprof_format_caps(fmts[i]), MAILPROF_CAN_PARSE | MAILPROF_CAN_EMIT);
	cr_expect_str_eq(mailprof_format_lookup("wlm"), "oeaccount");
	cr_expect_str_eq(mailprof_format_lookup("pox"), "autodiscover");
}

Test(xmlformats, cli_identifier_and_formats)
{
	char *out = NULL, *err = NULL, *cmd;
	cr_assert(asprintf(&cmd, "%s convert --to mobileconfig --identifier net.example.corp "
	                         "samples/oeaccount/tb-donhallimap.oeaccount", t_mailprof()) > 0);
	int rc = t_run(cmd, &out, &err);
	cr_expect_eq(rc, 0, "%s", err);
	cr_expect(strstr(out, "<string>net.example.corp</string>"));
	cr_expect(strstr(out, "<string>net.example.corp.email</string>"));
	free(cmd), free(out), free(err);
	cr_assert(asprintf(&cmd, "%s formats", t_mailprof()) > 0);
	rc = t_run(cmd, &out, NULL);
	cr_expect_eq(rc, 0);
	static const char *const names[] = {"autodiscover", "mobileconfig", "oeaccount"};
	for (size_t i = 0; i < 3; i++) {
		const char *l = strstr(out, names[i]);
		cr_assert(l, "%s listed", names[i]);
		cr_expect(strstr(l, "yes   yes") && strstr(l, "yes   yes") < strchr(l, '\n'),
		          "%s reads and writes", names[i]);
	}
	free(cmd), free(out);
}

Test(autodiscover, usepopauth_shares_the_incoming_login)
{
	const char *x = AD_HEAD "<Account>\n"
	                        "<Protocol><Type>IMAP</Type><Server>i.example.com</Server><LoginName>joe</LoginName></Protocol>\n"
	                        "<Protocol><Type>SMTP</Type><Server>s.example.com</Server><UsePOPAuth>on</UsePOPAuth></Protocol>\n"
	                        "<Protocol><Type>SMTP</Type><Server>t.example.com</Server><UsePOPAuth>off</UsePOPAuth></Protocol>\n"
	                        "</Account>\n" AD_TAIL;
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(x, "u.xml", "autodiscover", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_expect_str_eq(p->accounts[0].outgoing[0].username.v, "joe");
	cr_expect_null(p->accounts[0].outgoing[1].username.v);
	char *o = t_emit(p, "autodiscover");
	cr_expect(strstr(o, "<UsePOPAuth>on</UsePOPAuth>"));
	cr_expect(strstr(o, "<UsePOPAuth>off</UsePOPAuth>"));
	free(o);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(mobileconfig, encrypted_payloads_are_a_clear_error)
{
	const char *x = "<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict>\n"
	                "<key>EncryptedPayloadContent</key>\n<data>MIAGCSqGSIb3DQEHA6CAMIACAQAx</data>\n"
	                "<key>PayloadType</key><string>Configuration</string></dict></plist>\n";
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(x, "enc.mobileconfig", NULL, &d, &st);
	cr_expect_eq(st, MAILPROF_ERR_UNSUPPORTED);
	const mailprof_diag *g = t_find(d, "mobileconfig-encrypted");
	cr_assert(g);
	cr_expect_eq(g->loc.line, 4);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}
