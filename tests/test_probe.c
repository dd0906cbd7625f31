/* mailprof probe, the parts that need no server: capability parsing,
 * certificate facts, login method choice, observations -> findings. The
 * live half is in tests/e2e/run.sh (real Dovecot and Postfix). */
#include <criterion/criterion.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "model.h"
#include "probe/probe.h"

/* ---- capabilities ---- */

/* As Dovecot 2.3 answers curl: greeting with a capability code, CAPABILITY,
 * STARTTLS, CAPABILITY again over TLS. */
static const char imap_t[] =
	"* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED] Dovecot ready.\n"
	"> CAPABILITY\n"
	"* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED\n"
	"A001 OK Pre-login capabilities listed, post-login capabilities have more.\n"
	"> STARTTLS\n"
	"A002 OK Begin TLS negotiation now.\n"
	"> CAPABILITY\n"
	"* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=login\n"
	"A003 OK Pre-login capabilities listed, post-login capabilities have more.\n";

Test(probe_caps, imap_before_and_after_starttls)
{
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_IMAP, imap_t, &pre, &post);
	cr_expect(pre.seen && pre.starttls && pre.login_disabled && !pre.auth);
	cr_expect(post.seen && !post.starttls && !post.login_disabled && post.auth);
	cr_expect_str_eq(post.mechs, "PLAIN LOGIN");
	cr_expect(mp_caps_has_mech(&post, "login"));
	cr_expect(!mp_caps_has_mech(&post, "CRAM-MD5"));
	cr_expect(strstr(post.words, "IMAP4rev1") == post.words, "%s", post.words);
}

Test(probe_caps, imap_greeting_code_only)
{
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_IMAP, "* OK [CAPABILITY IMAP4rev1 AUTH=CRAM-MD5] hi\n", &pre, &post);
	cr_expect(pre.seen && post.seen);
	cr_expect_str_eq(post.mechs, "CRAM-MD5");
}

/* A CAPABILITY command's body as curl hands it over (CRLF line ends):
 * UIDPLUS, also as the last word, decides how the test mail is removed. */
Test(probe_caps, imap_capability_reply_uidplus)
{
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_IMAP, "* CAPABILITY IMAP4rev1 MOVE UIDPLUS\r\n", &pre, &post);
	cr_expect(pre.uidplus);
	cr_expect_str_eq(pre.words, "IMAP4rev1 MOVE UIDPLUS");
	mp_caps_parse(MP_PROTO_IMAP, "* CAPABILITY IMAP4rev1 UIDPLUSX LITERAL+\r\n", &pre, &post);
	cr_expect(!pre.uidplus);
	mp_caps_parse(MP_PROTO_IMAP, imap_t, &pre, &post);
	cr_expect(!pre.uidplus && !post.uidplus);
}

static const char pop3_t[] = "+OK Dovecot ready.\n"
                             "> CAPA\n"
                             "+OK\n"
                             "CAPA\nTOP\nUIDL\nRESP-CODES\nPIPELINING\nAUTH-RESP-CODE\nSTLS\nUSER\nSASL PLAIN LOGIN\n"
                             ".\n";

Test(probe_caps, pop3_capa)
{
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_POP3, pop3_t, &pre, &post);
	cr_expect(pre.seen && pre.starttls && pre.user && pre.auth);
	cr_expect_str_eq(pre.mechs, "PLAIN LOGIN");
	cr_expect(strstr(pre.words, "SASL PLAIN LOGIN"));
}

Test(probe_caps, pop3_without_capa)
{
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_POP3, "+OK old server\n> CAPA\n-ERR unknown command\n", &pre, &post);
	cr_expect(!pre.seen && !pre.starttls);
}

/* Postfix: no AUTH before TLS (smtpd_tls_auth_only), AUTH after STARTTLS. */
static const char smtp_t[] = "220 e2e.localhost ESMTP Postfix\n"
                             "> EHLO\n"
                             "250-e2e.localhost\n250-PIPELINING\n250-SIZE 10240000\n250-STARTTLS\n"
                             "250-ENHANCEDSTATUSCODES\n250 8BITMIME\n"
                             "> STARTTLS\n"
                             "220 2.0.0 Ready to start TLS\n"
                             "> EHLO\n"
                             "250-e2e.localhost\n250-PIPELINING\n250-SIZE 10240000\n250-AUTH PLAIN LOGIN\n"
                             "250-AUTH=PLAIN LOGIN\n250 8BITMIME\n";

Test(probe_caps, smtp_ehlo_before_and_after_starttls)
{
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_SMTP, smtp_t, &pre, &post);
	cr_expect(pre.starttls && !pre.auth);
	cr_expect_eq(pre.size, 10240000);
	cr_expect(!post.starttls && post.auth);
	cr_expect_str_eq(post.mechs, "PLAIN LOGIN", "mechanisms once each: %s", post.mechs);
	cr_expect(!strstr(post.words, "e2e.localhost"), "the server name is not a keyword");
}

Test(probe_caps, hostile_lines_stay_bounded_and_printable)
{
	size_t n = 200000;
	char *t = malloc(n + 64);
	strcpy(t, "220 x\n> EHLO\n250-x\n250-AUTH ");
	size_t k = strlen(t);
	for (size_t i = k; i < n; i++)
		t[i] = (char)(i % 3 ? 'A' + (char)(i % 26) : (i % 7 ? ' ' : '\x01'));
	strcpy(t + n, "\n250 \xff\xfe\n");
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_SMTP, t, &pre, &post);
	cr_expect(strlen(post.mechs) < sizeof post.mechs);
	cr_expect(strlen(post.words) < sizeof post.words);
	for (const char *p = post.words; *p; p++)
		cr_assert((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
	char g[40];
	cr_expect(mp_greeting(MP_PROTO_SMTP, t, g, sizeof g));
	cr_expect(!mp_greeting(MP_PROTO_IMAP, t, g, sizeof g));
	free(t);
}

Test(probe_caps, server_line_cannot_pose_as_command)
{
	/* session.c prefixes a server line that starts with '>' with a space */
	mp_caps pre, post;
	mp_caps_parse(MP_PROTO_IMAP, "* OK hi\n > STARTTLS\n* CAPABILITY IMAP4rev1 STARTTLS\n", &pre, &post);
	cr_expect(pre.starttls && post.starttls);
}

/* ---- certificates ---- */

static X509 *make_cert(EVP_PKEY **key, const char *san, long from, long to)
{
	EVP_PKEY *k = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), from);
	X509_gmtime_adj(X509_getm_notAfter(x), to);
	X509_set_pubkey(x, k);
	X509_NAME *n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)"mail.example.com", -1, -1, 0);
	X509_set_issuer_name(x, n);
	X509V3_CTX ctx;
	X509V3_set_ctx_nodb(&ctx);
	X509V3_set_ctx(&ctx, x, x, NULL, NULL, 0);
	X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, &ctx, NID_subject_alt_name, san);
	X509_add_ext(x, e, -1);
	X509_EXTENSION_free(e);
	X509_sign(x, k, EVP_sha256());
	*key = k;
	return x;
}

/* The certificate as a CA file (temporary, removed by the caller). */
static char *ca_file(X509 *x)
{
	char *path = strdup("/tmp/mailprof-test-ca.XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	PEM_write_X509(f, x);
	fclose(f);
	return path;
}

Test(probe_cert, trusted_only_with_ca_file_and_host_checked)
{
	EVP_PKEY *k;
	X509 *x = make_cert(&k, "DNS:mail.example.com,IP:127.0.0.1", -86400, 90 * 86400);
	char *ca = ca_file(x);
	mp_cert_facts f;
	mp_cert_facts_get(x, NULL, "mail.example.com", NULL, time(NULL), &f);
	cr_expect(f.present && !f.trusted && f.host_ok);
	cr_expect(strstr(f.why, "self-signed"), "%s", f.why);
	cr_expect_str_eq(f.subject, "CN=mail.example.com");
	mp_cert_facts_get(x, NULL, "mail.example.com", ca, time(NULL), &f);
	cr_expect(f.trusted, "%s", f.why);
	cr_expect(f.seconds_left > 89 * 86400);
	mp_cert_facts_get(x, NULL, "imap.example.net", ca, time(NULL), &f);
	cr_expect(f.trusted && !f.host_ok);
	mp_cert_facts_get(x, NULL, "127.0.0.1", ca, time(NULL), &f);
	cr_expect(f.host_ok, "IP subjectAltName");
	mp_cert_facts_get(x, NULL, "x.mail.example.com", ca, time(NULL), &f);
	cr_expect(!f.host_ok);
	unlink(ca);
	free(ca);
	X509_free(x);
	EVP_PKEY_free(k);
}

Test(probe_cert, expired_and_expiring)
{
	EVP_PKEY *k;
	X509 *x = make_cert(&k, "DNS:mail.example.com", -10 * 86400, -86400);
	char *ca = ca_file(x);
	mp_cert_facts f;
	mp_cert_facts_get(x, NULL, "mail.example.com", ca, time(NULL), &f);
	cr_expect(f.trusted, "time is its own finding, not trust: %s", f.why);
	cr_expect(f.seconds_left < 0);
	unlink(ca);
	free(ca);
	X509_free(x);
	EVP_PKEY_free(k);
	x = make_cert(&k, "DNS:mail.example.com", -86400, 3 * 86400);
	mp_cert_facts_get(x, NULL, "mail.example.com", NULL, time(NULL), &f);
	cr_expect(f.seconds_left > 2 * 86400 && f.seconds_left <= 3 * 86400);
	cr_expect(strstr(f.not_after, " UTC"));
	X509_free(x);
	EVP_PKEY_free(k);
}

/* ---- observations -> findings ---- */

#define ACC "[account]\nemail = u@example.com\n"

static mailprof_profile *prof;

/* The first server of an INI profile. */
static const mp_server *server(const char *ini)
{
	mailprof_diags *d;
	mailprof_status st;
	prof = t_parse_str(ini, "p.ini", "ini", &d, &st);
	mailprof_diags_free(d);
	cr_assert_eq(st, MAILPROF_OK);
	const mp_account *a = &prof->accounts[0];
	return a->nincoming ? &a->incoming[0] : &a->outgoing[0];
}

static mailprof_diags *findings(const mp_server *s, mp_conn *c, const char *transcript)
{
	mp_caps pre, post;
	c->transcript = (char *)transcript;
	mp_caps_parse(s->protocol, transcript, &pre, &post);
	mailprof_diags *d = mailprof_diags_new();
	mp_probe_conn_findings(s, c, &pre, &post, 5, d);
	if (c->result == MP_CONN_OK)
		mp_probe_server_report(s, c, s->security.v == MP_SEC_NONE ? &pre : &post, "logged in as u with PLAIN", d);
	return d;
}

static void ok_cert(mp_conn *c)
{
	c->tls = true;
	strcpy(c->tls_version, "TLSv1.3");
	c->cert.present = c->cert.trusted = c->cert.host_ok = true;
	c->cert.seconds_left = 90 * 86400;
	strcpy(c->cert.subject, "CN=mail.example.com");
}

Test(probe_findings, clean_server_gives_only_its_report)
{
	const mp_server *s = server(ACC "[incoming]\nprotocol = imap\nhost = mail.example.com\nport = 143\n"
	                                "security = starttls\nauth = password-cleartext\n");
	mp_conn c = {.result = MP_CONN_OK};
	ok_cert(&c);
	mailprof_diags *d = findings(s, &c, imap_t);
	cr_expect_eq(mailprof_diags_count(d), 1);
	const mailprof_diag *g = t_find(d, "MP063");
	cr_assert(g);
	cr_expect(strstr(g->message, "TLSv1.3") && strstr(g->message, "AUTH=PLAIN") &&
	          strstr(g->message, "; logged in as u with PLAIN"), "%s", g->message);
	cr_expect_eq(g->loc.line, 3, "at the server's line");
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

Test(probe_findings, refused_and_timeout)
{
	const mp_server *s = server(ACC "[incoming]\nprotocol = imap\nhost = mail.example.com\nport = 993\nsecurity = tls\n");
	mp_conn c = {.result = MP_CONN_REFUSED};
	strcpy(c.error, "Failed to connect to mail.example.com port 993: Connection refused");
	mailprof_diags *d = findings(s, &c, "");
	cr_expect_eq(t_count(d, "MP050"), 1);
	cr_expect_eq(mailprof_diags_count(d), 1);
	mailprof_diags_free(d);
	mp_conn t = {.result = MP_CONN_TIMEOUT};
	strcpy(t.step, "the greeting");
	d = findings(s, &t, "");
	cr_expect_eq(t_count(d, "MP051"), 1);
	cr_expect(strstr(t_find(d, "MP051")->message, "within 5 s (the greeting)"), "%s", t_find(d, "MP051")->message);
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

Test(probe_findings, starttls_missing)
{
	const mp_server *s = server(ACC "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\n"
	                                "auth = password-cleartext\n");
	mp_conn c = {.result = MP_CONN_NO_STARTTLS};
	mailprof_diags *d = findings(s, &c, "220 hi\n> EHLO\n250-hi\n250 AUTH PLAIN\n");
	cr_expect_eq(t_count(d, "MP052"), 1);
	cr_expect(strstr(t_find(d, "MP052")->message, "AUTH PLAIN"));
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

Test(probe_findings, certificate_problems)
{
	const mp_server *s = server(ACC "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n");
	mp_conn c = {.result = MP_CONN_OK};
	ok_cert(&c);
	c.cert.trusted = false;
	strcpy(c.cert.why, "self-signed certificate");
	c.cert.host_ok = false;
	c.cert.seconds_left = -5;
	mailprof_diags *d = findings(s, &c, pop3_t);
	cr_expect_eq(t_count(d, "MP053"), 1);
	cr_expect_eq(t_count(d, "MP054"), 1);
	cr_expect_eq(t_count(d, "MP055"), 1);
	cr_expect_eq(t_count(d, "MP056"), 0);
	mailprof_diags_free(d);
	ok_cert(&c);
	c.cert.seconds_left = 13 * 86400;
	d = findings(s, &c, pop3_t);
	cr_expect_eq(t_count(d, "MP056"), 1);
	cr_expect_eq(t_count(d, "MP055"), 0);
	mailprof_diags_free(d);
	c.cert.seconds_left = 15 * 86400;
	d = findings(s, &c, pop3_t);
	cr_expect_eq(t_count(d, "MP056"), 0, "15 days left is not within 14");
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

Test(probe_findings, password_before_tls)
{
	const mp_server *s = server(ACC "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 110\nsecurity = none\n"
	                                "auth = password-cleartext\n");
	mp_conn c = {.result = MP_CONN_OK};
	mailprof_diags *d = findings(s, &c, pop3_t);
	cr_expect_eq(t_count(d, "MP057"), 1);
	cr_expect(strstr(t_find(d, "MP057")->message, "offers STARTTLS"));
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

Test(probe_findings, auth_not_offered)
{
	const mp_server *s = server(ACC "[outgoing]\nhost = smtp.example.com\nport = 465\nsecurity = tls\n"
	                                "auth = password-encrypted\n");
	mp_conn c = {.result = MP_CONN_OK};
	ok_cert(&c);
	mailprof_diags *d = findings(s, &c, "220 hi\n> EHLO\n250-hi\n250 AUTH PLAIN LOGIN\n");
	cr_expect_eq(t_count(d, "MP058"), 1);
	cr_expect(strstr(t_find(d, "MP058")->message, "offers PLAIN LOGIN"), "%s", t_find(d, "MP058")->message);
	mailprof_diags_free(d);
	/* near miss: the same server offering CRAM-MD5 */
	d = findings(s, &c, "220 hi\n> EHLO\n250-hi\n250 AUTH PLAIN CRAM-MD5\n");
	cr_expect_eq(t_count(d, "MP058"), 0);
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

Test(probe_findings, tls_failure_and_wrong_protocol)
{
	const mp_server *s = server(ACC "[incoming]\nprotocol = imap\nhost = mail.example.com\nport = 993\nsecurity = tls\n");
	mp_conn c = {.result = MP_CONN_TLS};
	strcpy(c.error, "error:0A00010B:SSL routines::wrong version number");
	mailprof_diags *d = findings(s, &c, "");
	cr_expect_eq(t_count(d, "MP062"), 1);
	mailprof_diags_free(d);
	mp_conn p = {.result = MP_CONN_PROTOCOL};
	d = findings(s, &p, "220 smtp.example.com ESMTP\n");
	cr_expect_eq(t_count(d, "MP065"), 1);
	cr_expect(strstr(t_find(d, "MP065")->message, "220 smtp.example.com"));
	mailprof_diags_free(d);
	mailprof_profile_free(prof);
}

/* MP059 (OP25B), MP060 (login), MP061 and MP064 (test mail) need a second
 * connection: tests/e2e/run.sh proves them against real servers. */
Test(probe_findings, live_rules_have_e2e_cases)
{
	char *e2e = t_slurp("tests/e2e/run.sh", NULL);
	cr_assert(e2e);
	const char *ids[] = {"MP055", "MP059", "MP060", "MP061", "MP064"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		cr_expect(strstr(e2e, ids[i]), "%s has an end-to-end case", ids[i]);
	free(e2e);
}

/* ---- login method ---- */

Test(probe_login, method_follows_profile_and_offer)
{
	char opt[40], name[24];
	mp_caps pre, post;
	const mp_server *s = server(ACC "[incoming]\nprotocol = imap\nhost = mail.example.com\nport = 143\n"
	                                "security = starttls\nauth = password-cleartext\n");
	mp_caps_parse(MP_PROTO_IMAP, imap_t, &pre, &post);
	cr_expect(mp_probe_login_method(s, &post, opt, sizeof opt, name, sizeof name));
	cr_expect_str_eq(opt, "AUTH=PLAIN");
	/* no SASL after TLS: IMAP's own LOGIN command */
	mp_caps_parse(MP_PROTO_IMAP, "* OK [CAPABILITY IMAP4rev1] hi\n", &pre, &post);
	cr_expect(mp_probe_login_method(s, &post, opt, sizeof opt, name, sizeof name));
	cr_expect_str_eq(name, "LOGIN");
	/* LOGINDISABLED and no SASL: nothing fits */
	mp_caps_parse(MP_PROTO_IMAP, "* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] hi\n", &pre, &post);
	cr_expect(!mp_probe_login_method(s, &post, opt, sizeof opt, name, sizeof name));
	mailprof_profile_free(prof);
	s = server(ACC "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\nauth = password-encrypted\n");
	mp_caps_parse(MP_PROTO_SMTP, "220 hi\n> EHLO\n250-hi\n250 AUTH PLAIN CRAM-MD5\n", &pre, &post);
	cr_expect(mp_probe_login_method(s, &post, opt, sizeof opt, name, sizeof name));
	cr_expect_str_eq(opt, "AUTH=CRAM-MD5", "never a cleartext mechanism for password-encrypted");
	mailprof_profile_free(prof);
}

Test(probe_caps, last_reply_is_the_refusal_not_the_goodbye)
{
	char r[80];
	mp_last_reply("220 hi\n> MAIL\n250 ok\n> RCPT\n554 5.7.1 Relay access denied\n> QUIT\n221 2.0.0 Bye\n", r, sizeof r);
	cr_expect_str_eq(r, "554 5.7.1 Relay access denied");
	mp_last_reply("* OK hi\n> AUTHENTICATE PLAIN\nA002 NO [AUTHENTICATIONFAILED] Authentication failed.\n> LOGOUT\n* BYE\n", r, sizeof r);
	cr_expect_str_eq(r, "A002 NO [AUTHENTICATIONFAILED] Authentication failed.");
	mp_last_reply("+OK\n> CAPA\n+OK\n", r, sizeof r);
	cr_expect_str_eq(r, "+OK");
}

/* ---- the command: password sources (no server needed: each case stops
 * before any connection) ---- */

/* A profile whose only server has a placeholder host: nothing to connect to. */
#define NOHOST "printf '[account]\\nemail = u@example.com\\n[incoming]\\nprotocol = imap\\nhost = %%%%HOST%%%%\\n' >$d/p.ini; "

static int probe_cli(const char *setup, const char *args, char **out, char **err)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "d=$(mktemp -d); " NOHOST "%s setsid -w $MAILPROF probe %s $d/p.ini; r=$?; rm -rf $d; exit $r",
	         setup, args);
	return t_run(cmd, out, err);
}

Test(probe_cli, password_never_an_argument)
{
	char *out, *err;
	int rc = probe_cli("", "--password S3cret-Probe", &out, &err);
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "never taken as an argument"), "%s", err);
	cr_expect(!strstr(out, "S3cret-Probe") && !strstr(err, "S3cret-Probe"));
	free(out), free(err);
}

Test(probe_cli, password_env_must_be_set)
{
	char *out, *err;
	int rc = probe_cli("unset MP_NO_SUCH_PW;", "--password-env MP_NO_SUCH_PW", &out, &err);
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "--password-env MP_NO_SUCH_PW: the variable is not set"), "%s", err);
	free(out), free(err);
	rc = probe_cli("export MP_PW=S3cret-Probe;", "--password-env MP_PW --format json", &out, &err);
	cr_expect_eq(rc, 0, "%s", err);
	cr_expect(strstr(out, "\"files\"") && !strstr(out, "S3cret-Probe") && !strstr(err, "S3cret-Probe"));
	free(out), free(err);
}

Test(probe_cli, password_stdin)
{
	char *out, *err;
	int rc = probe_cli("", "--password-stdin </dev/null", &out, &err);
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "no password on the first line"), "%s", err);
	free(out), free(err);
	rc = probe_cli("printf 'S3cret-Probe\\n' |", "--password-stdin -", &out, &err);
	cr_expect_eq(rc, 2, "stdin holds the password, so not the profile");
	cr_expect(strstr(err, "name the profile as a file"), "%s", err);
	free(out), free(err);
	rc = probe_cli("printf 'S3cret-Probe\\r\\n' |", "--password-stdin --login", &out, &err);
	cr_expect_eq(rc, 0, "%s", err);
	cr_expect(!strstr(out, "S3cret-Probe") && !strstr(err, "S3cret-Probe"));
	free(out), free(err);
}

Test(probe_cli, prompt_needs_a_terminal)
{
	char *out, *err;
	/* setsid: no controlling terminal, as in CI */
	int rc = probe_cli("", "--send-test </dev/null", &out, &err);
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "no terminal to ask for the password"), "%s", err);
	free(out), free(err);
}

Test(probe_cli, usage_and_formats)
{
	char *out, *err;
	cr_expect_eq(probe_cli("", "--format nosuch", &out, &err), 2);
	cr_expect(strstr(err, "--format takes"), "%s", err);
	free(out), free(err);
	cr_expect_eq(probe_cli("", "--timeout 0", &out, &err), 2);
	cr_expect(strstr(err, "--timeout takes seconds"), "%s", err);
	free(out), free(err);
	cr_expect_eq(probe_cli("", "--email not-an-address", &out, &err), 2);
	cr_expect(strstr(err, "--email 'not-an-address'"), "%s", err);
	free(out), free(err);
	cr_expect_eq(t_run("$MAILPROF probe --help", &out, &err), 0);
	cr_expect(strstr(out, "--password-stdin") && strstr(out, "--send-test") && strstr(out, "--ca-file"));
	free(out), free(err);
}

Test(probe_login, who_logs_in)
{
	mp_caps pre, with_auth, without;
	mp_caps_parse(MP_PROTO_SMTP, "220 hi\n> EHLO\n250-hi\n250 AUTH PLAIN\n", &pre, &with_auth);
	mp_caps_parse(MP_PROTO_SMTP, "220 hi\n> EHLO\n250-hi\n250 8BITMIME\n", &pre, &without);
	/* a notice that does not say how SMTP authenticates: as the server offers */
	const mp_server *s = server(ACC "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\n");
	cr_expect(mp_probe_wants_login(s, &with_auth));
	cr_expect(!mp_probe_wants_login(s, &without));
	cr_expect(!mp_probe_wants_login(s, NULL));
	mailprof_profile_free(prof);
	s = server(ACC "[outgoing]\nhost = smtp.example.com\nport = 25\nauth = none\n");
	cr_expect(!mp_probe_wants_login(s, &with_auth), "the profile says no authentication");
	mailprof_profile_free(prof);
	s = server(ACC "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n");
	cr_expect(mp_probe_wants_login(s, NULL), "an incoming server always needs a login");
	mailprof_profile_free(prof);
}

/* ---- libcurl, loaded by the probe only ---- */

static bool curl_mapped(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	cr_assert(f);
	char line[4096];
	bool found = false;
	while (!found && fgets(line, sizeof line, f))
		found = strstr(line, "/libcurl") != NULL;
	fclose(f);
	return found;
}

/* Reading and checking never load libcurl (it and its libraries cost every
 * process start-up time and memory); the probe loads it when it starts. */
Test(probe_curl, loaded_by_the_probe_only)
{
	mailprof_diags *d = t_check_str("[account]\nemail = a@example.com\n[incoming]\nprotocol = imap\n"
	                                 "host = imap.example.com\nport = 993\nsecurity = tls\n",
	                                 "ini");
	mailprof_diags_free(d);
	cr_expect(!curl_mapped(), "libcurl is mapped before any probe");
	char why[200] = "x";
	cr_assert_eq(mailprof_probe_available(why, sizeof why), 1, "%s", why);
	cr_expect_str_empty(why);
	cr_expect(curl_mapped(), "the probe is available, yet libcurl is not mapped");
}

/* A libcurl.so.4 without curl's functions first on the library path: the
 * probe command says what is missing and exits 2 before trying a server. */
Test(probe_curl, command_without_libcurl_says_so)
{
	char dir[] = "/tmp/mailprof-nocurl-XXXXXX", cmd[1024], *out = NULL, *err = NULL;
	cr_assert_not_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "printf 'int mailprof_not_curl;\\n' > %s/x.c && cc -shared -fPIC -o %s/libcurl.so.4 %s/x.c",
	         dir, dir, dir);
	cr_assert_eq(system(cmd), 0, "cc is needed to build the stand-in library");
	snprintf(cmd, sizeof cmd, "LD_LIBRARY_PATH=%s %s probe --timeout 1 samples/ini/home-imap.ini", dir,
	         t_mailprof());
	cr_expect_eq(t_run(cmd, &out, &err), 2);
	cr_expect(strstr(err, "lacks curl_global_init: install libcurl4"), "%s", err);
	free(out), free(err);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_expect_eq(system(cmd), 0);
}

Test(probe_curl, messages_read_the_same_each_run)
{
	static const char *const cases[][2] = {
		{"Failed to connect to localhost port 1 after 0 ms: Couldn't connect to server",
		 "Failed to connect to localhost port 1: Couldn't connect to server"},
		{"Connection timed out after 10001 milliseconds", "Connection timed out"},
		{"Operation timed out after 3000 milliseconds with 0 bytes received", "Operation timed out"},
		{"Operation timed out after 3000 milliseconds with 5 out of 9 bytes received", "Operation timed out"},
		{"after ms, after 5 hours, with 3 apples", "after ms, after 5 hours, with 3 apples"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char buf[256];
		snprintf(buf, sizeof buf, "%s", cases[i][0]);
		mp_curl_message_clean(buf);
		cr_expect_str_eq(buf, cases[i][1]);
	}
}

/* The checker's configuration applies to the probe's findings: a closed
 * port on this machine gives MP050, which --disable, .mailprof.ini and a
 * baseline (written by the probe itself, the same bytes each run) silence. */
Test(probe_cli, config_and_baseline_apply)
{
	char *out, *err;
	const char *setup = "m=$(realpath $MAILPROF); d=$(mktemp -d); cd $d; printf '[account]\\nemail = u@example.com\\n[incoming]\\n"
	                    "protocol = imap\\nhost = localhost\\nport = 1\\nsecurity = none\\n' >p.ini; ";
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "%s$m probe p.ini; r=$?; cd /; rm -rf $d; exit $r", setup);
	cr_expect_eq(t_run(cmd, &out, &err), 1);
	cr_expect(strstr(out, "[MP050]"), "%s", out);
	free(out), free(err);
	snprintf(cmd, sizeof cmd, "%s$m probe --disable probe-refused p.ini; r=$?; cd /; rm -rf $d; exit $r",
	         setup);
	cr_expect_eq(t_run(cmd, &out, &err), 0);
	cr_expect(!strstr(out, "MP050"), "%s", out);
	free(out), free(err);
	snprintf(cmd, sizeof cmd,
	         "%sprintf '[rules]\\nMP050 = warning\\n' >.mailprof.ini; $m probe p.ini; r=$?; cd /; rm -rf $d; "
	         "exit $r",
	         setup);
	cr_expect_eq(t_run(cmd, &out, &err), 0);
	cr_expect(strstr(out, "warning:") && strstr(out, "[MP050]"), "%s", out);
	free(out), free(err);
	snprintf(cmd, sizeof cmd,
	         "%s$m probe --format baseline p.ini >b1; $m probe --format baseline p.ini >b2; "
	         "cmp -s b1 b2 || exit 9; grep -q MP050 b1 || exit 8; $m probe --baseline b1 p.ini; r=$?; cd /; "
	         "rm -rf $d; exit $r",
	         setup);
	cr_expect_eq(t_run(cmd, &out, &err), 0, "%s%s", out, err);
	free(out), free(err);
}
