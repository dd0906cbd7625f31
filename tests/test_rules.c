/* The checker's rules beyond the core set: each fires on a small case and
 * stays quiet on its nearest miss. Also configuration, suppressions,
 * baseline, batch duplicates and the report formats. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "model.h"

struct rcase {
	char rule[8];
	char in[480]; /* an INI profile */
	int hits;
};

#define ACC "[account]\nemail = u@example.com\n"
#define IMAPS "[incoming]\nprotocol = imap\nhost = imap.example.com\nport = 993\nsecurity = tls\nauth = password-cleartext\n"
#define SUB "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext\n"
#define SRV(proto, host) "[incoming]\nprotocol = " proto "\nhost = " host "\nport = 993\nsecurity = tls\n"

static struct rcase cases[] = {
	/* MP007: STARTTLS for reading mail; near misses: 587 submission, or a TLS alternative */
	{"MP007", ACC "[incoming]\nhost = imap.example.com\nport = 143\nsecurity = starttls\n" SUB, 1},
	{"MP007", ACC IMAPS SUB, 0},
	{"MP007", ACC IMAPS "[incoming]\nhost = imap.example.com\nport = 143\nsecurity = starttls\n" SUB, 0},
	/* MP009: non-standard port; near miss: 465 */
	{"MP009", ACC IMAPS "[outgoing]\nhost = smtp.example.com\nport = 2525\nsecurity = starttls\nauth = password-cleartext\n", 1},
	{"MP009", ACC IMAPS "[outgoing]\nhost = smtp.example.com\nport = 465\nsecurity = tls\nauth = password-cleartext\n", 0},
	/* MP012: CRAM-MD5 style; near miss: cleartext over TLS */
	{"MP012", ACC "[incoming]\nhost = imap.example.com\nport = 993\nsecurity = tls\nauth = password-encrypted\n" SUB, 1},
	{"MP012", ACC IMAPS SUB, 0},
	/* MP013: SMTP-after-POP beside SMTP-AUTH; near miss: SMTP-AUTH alone */
	{"MP013", ACC IMAPS "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext, smtp-after-pop\n", 1},
	{"MP013", ACC IMAPS SUB, 0},
	/* MP014: OAuth2 only; near miss: OAuth2 with a password fallback */
	{"MP014", ACC "[incoming]\nhost = imap.example.com\nport = 993\nsecurity = tls\nauth = oauth2\n" SUB, 1},
	{"MP014", ACC "[incoming]\nhost = imap.example.com\nport = 993\nsecurity = tls\nauth = oauth2, password-cleartext\n" SUB, 0},
	/* MP022: IDN host; near misses: its A-label, and full-width (MP021) */
	{"MP022", ACC SRV("imap", "imap.bücher.example") SUB, 1},
	{"MP022", ACC SRV("imap", "imap.xn--bcher-kva.example") SUB, 0},
	{"MP022", ACC SRV("imap", "ｉｍａｐ.example.com") SUB, 0},
	/* MP024: IP literal / private; near miss: a name with digits */
	{"MP024", ACC SRV("imap", "192.168.1.10") SUB, 1},
	{"MP024", ACC SRV("imap", "203.0.113.5") SUB, 1},
	{"MP024", ACC SRV("imap", "mail1.192-168.example.com") SUB, 0},
	/* MP066: a top-level domain that is none; near misses: a real one, a
	 * special-use one, one label, an address of numbers */
	{"MP066", ACC SRV("imap", "imap.example.con") SUB, 1},
	{"MP066", ACC SRV("imap", "imap.provider.cmo") SUB, 1},
	{"MP066", ACC SRV("imap", "imap.example.co.jp") SUB, 0},
	{"MP066", ACC SRV("imap", "IMAP.EXAMPLE.COM") SUB, 0},
	{"MP066", ACC SRV("imap", "mail.corp.internal") SUB, 0},
	{"MP066", ACC SRV("imap", "mailhost") SUB, 0},
	{"MP066", ACC SRV("imap", "192.0.2.7") SUB, 0},
	/* MP025: SMTP host named imap.*; near miss: smtp.* */
	{"MP025", ACC IMAPS "[outgoing]\nhost = imap.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext\n", 1},
	{"MP025", ACC IMAPS SUB, 0},
	/* MP026: server under another domain; near miss: the address's own domain */
	{"MP026", ACC SRV("imap", "imap.hoster.example.net") SUB, 1},
	{"MP026", "[account]\nemail = u@mail.example.co.jp\n" SRV("imap", "imap.example.co.jp")
	          "[outgoing]\nhost = smtp.example.co.jp\nport = 465\nsecurity = tls\nauth = password-cleartext\n", 0},
	{"MP026", "[account]\nprovider_id = 1und1.de\ndomains = online.de\n" SRV("imap", "imap.1und1.de")
	          "[outgoing]\nhost = smtp.1und1.de\nport = 465\nsecurity = tls\nauth = password-cleartext\n", 0},
	/* MP027: invalid address; near misses: valid, and dotty (MP028) */
	{"MP027", "[account]\nemail = u.example.com\n" IMAPS SUB, 1},
	{"MP027", "[account]\nemail = u@example\n" IMAPS SUB, 1},
	{"MP027", "[account]\nemail = first.last+tag@example.com\n" IMAPS SUB, 0},
	{"MP027", "[account]\nemail = taro..yamada.@example.com\n" IMAPS SUB, 0},
	/* MP028: doubled or trailing dot; near miss: single inner dots */
	{"MP028", "[account]\nemail = taro..yamada.@example.com\n" IMAPS SUB, 1},
	{"MP028", "[account]\nemail = taro.yamada@example.com\n" IMAPS SUB, 0},
	/* MP029: non-ASCII local part; near miss: ASCII */
	{"MP029", "[account]\nemail = 太郎@example.com\n" IMAPS SUB, 1},
	{"MP029", "[account]\nemail = taro@example.com\n" IMAPS SUB, 0},
	/* MP030: stored password; near miss: empty password */
	{"MP030", ACC IMAPS "password = s3cret-Value\n" SUB, 1},
	{"MP030", ACC IMAPS SUB, 0},
	/* MP031: user name equals password; near miss: different */
	{"MP031", ACC IMAPS "username = Xy7#kQ\npassword = Xy7#kQ\n" SUB, 1},
	{"MP031", ACC IMAPS "username = u@example.com\npassword = Xy7#kQ\n" SUB, 0},
	/* MP032: template syntax left in; near miss: Thunderbird placeholder */
	{"MP032", ACC SRV("imap", "imap.{{domain}}") SUB, 1},
	{"MP032", ACC IMAPS "username = ${USER}\n" SUB, 1},
	{"MP032", ACC IMAPS "username = %EMAILADDRESS%\n" SUB, 0},
	{"MP032", ACC SRV("imap", "PRIMARY_HOSTNAME") SUB, 1},
	{"MP032", ACC SRV("imap", "mail.YOURDOMAIN.COM") SUB, 1},
	{"MP032", ACC SRV("imap", "MAIL.EXAMPLE.COM") SUB, 0},
	{"MP020", ACC SRV("imap", "PRIMARY_HOSTNAME") SUB, 0},
	/* MP033: unknown %NAME%; near miss: a known one */
	{"MP033", ACC IMAPS "username = %EMAILUSER%\n" SUB, 1},
	{"MP033", ACC IMAPS "username = %EMAILLOCALPART%\n" SUB, 0},
	/* MP038: POP deletes; near misses: leave on server, or IMAP */
	{"MP038", "[account]\nemail = u@example.com\npop_leave_on_server = false\n"
	          "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n" SUB, 1},
	{"MP038", "[account]\nemail = u@example.com\npop_leave_on_server = true\n"
	          "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n" SUB, 0},
	{"MP038", "[account]\nemail = u@example.com\npop_leave_on_server = false\n" IMAPS SUB, 0},
	/* MP042: short name over 20 characters; near miss: exactly 20 */
	{"MP042", "[account]\nprovider_id = example.com\nprovider_short_name = ABCDEFGHIJKLMNOPQRSTU\n" IMAPS SUB, 1},
	{"MP042", "[account]\nprovider_id = example.com\nprovider_short_name = ABCDEFGHIJKLMNOPQRST\n" IMAPS SUB, 0},
	/* MP043: no port; near miss: port given */
	{"MP043", ACC "[incoming]\nhost = imap.example.com\nsecurity = tls\n" SUB, 1},
	{"MP043", ACC IMAPS SUB, 0},
	/* MP044: same server twice; near miss: other port */
	{"MP044", ACC IMAPS IMAPS SUB, 1},
	{"MP044", ACC IMAPS "[incoming]\nprotocol = imap\nhost = imap.example.com\nport = 143\nsecurity = starttls\n" SUB, 0},
	/* MP047: days without leave-on-server; near miss: with it */
	{"MP047", "[account]\nemail = u@example.com\npop_leave_on_server = false\npop_leave_days = 7\n"
	          "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n" SUB, 1},
	{"MP047", "[account]\nemail = u@example.com\npop_leave_on_server = true\npop_leave_days = 7\n"
	          "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n" SUB, 0},
	/* MP045: suppression without reason; near miss: with reason */
	{"MP045", ACC IMAPS "; mailprof-disable MP025\n[outgoing]\nhost = imap.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext\n", 1},
	{"MP045", ACC IMAPS "; mailprof-disable MP025: one host for all services\n[outgoing]\nhost = imap.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext\n", 0},
	/* MP034 no address: a personal account (user name) needs one; a template does not */
	{"MP034", "[account]\ndisplay_name = Jiro\n" IMAPS SUB, 1},
	{"MP034", "[account]\n" IMAPS "username = jiro\n" SUB, 1},
	{"MP034", "[account]\n" IMAPS "username = %EMAILADDRESS%\n" SUB, 0},
	/* MP020 still quiet on what MP024 reports; MP023 alone on URLs */
	{"MP020", ACC SRV("imap", "[2001:db8::1]") SUB, 0},
	{"MP024", ACC SRV("imap", "https://webmail.example.com/") SUB, 0},
};

/* MP049: a Thunderbird placeholder where the client does not substitute it
 * (Outlook's LoginName); near misses: autoconfig, where Thunderbird does, and
 * the same response read with --email. MP034 stays quiet on a response whose
 * <User> has a DisplayName and no address. */
#define AD_HEAD "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">" \
	"<Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\">"
#define AD_ACCOUNT "<Account><AccountType>email</AccountType><Action>settings</Action>" \
	"<Protocol><Type>IMAP</Type><Server>imap.example.com</Server><Port>993</Port>" \
	"<LoginName>%EMAILADDRESS%</LoginName><SPA>off</SPA><SSL>on</SSL></Protocol>" \
	"<Protocol><Type>SMTP</Type><Server>smtp.example.com</Server><Port>465</Port>" \
	"<LoginName>%EMAILLOCALPART%</LoginName><SPA>off</SPA><SSL>on</SSL></Protocol></Account>"
Test(rules, placeholder_not_substituted)
{
	const char *ad = AD_HEAD "<User><DisplayName>Ann</DisplayName></User>" AD_ACCOUNT "</Response></Autodiscover>";
	mailprof_diags *d = t_check_str(ad, "autodiscover");
	cr_expect_eq(t_count(d, "MP049"), 2);
	cr_expect_eq(t_count(d, "MP034"), 0, "a DisplayName without address is normal in a response");
	mailprof_diags_free(d);
	d = t_check_str("<clientConfig version=\"1.1\"><emailProvider id=\"example.com\"><domain>example.com</domain>"
	                "<incomingServer type=\"imap\"><hostname>imap.example.com</hostname><port>993</port>"
	                "<socketType>SSL</socketType><authentication>password-cleartext</authentication>"
	                "<username>%EMAILADDRESS%</username></incomingServer></emailProvider></clientConfig>",
	                "autoconfig");
	cr_expect_eq(t_count(d, "MP049"), 0, "Thunderbird substitutes it");
	mailprof_diags_free(d);
	mailprof_options o = {.email = "ann@example.com", .real_name = "Ann"};
	mailprof_profile *p = mailprof_profile_new();
	d = mailprof_diags_new();
	cr_assert_eq(mailprof_parse(p, ad, strlen(ad), "ad.xml", NULL, &o, d), MAILPROF_OK);
	mailprof_check(p, d);
	cr_expect_eq(t_count(d, "MP049"), 0);
	cr_expect_str_eq(p->accounts[0].outgoing[0].username.v, "ann");
	cr_expect_str_eq(p->accounts[0].email.v, "ann@example.com");
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

ParameterizedTestParameters(rules, fire_and_miss)
{
	return cr_make_param_array(struct rcase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct rcase *c, rules, fire_and_miss)
{
	mailprof_diags *d = t_check_str(c->in, "ini");
	size_t n = t_count(d, c->rule);
	if (n != (size_t)c->hits)
		for (size_t i = 0; i < mailprof_diags_count(d); i++)
			fprintf(stderr, "  %s %s\n", mailprof_diags_get(d, i)->id, mailprof_diags_get(d, i)->message);
	cr_expect_eq(n, (size_t)c->hits, "%s: %zu findings, expected %d, on:\n%s", c->rule, n, c->hits, c->in);
	mailprof_diags_free(d);
}

Test(rules, every_rule_documented_and_tested)
{
	cr_expect_geq(mailprof_rule_count(), 35);
	char *self = t_slurp("tests/test_rules.c", NULL), *core = t_slurp("tests/test_check_core.c", NULL);
	char *probe = t_slurp("tests/test_probe.c", NULL);
	cr_assert(self && core && probe);
	for (size_t i = 0; i < mailprof_rule_count(); i++) {
		const mailprof_rule_info *r = mailprof_rule_get(i);
		cr_expect(r->doc && strlen(r->doc) > 80, "%s doc", r->id);
		cr_expect(strstr(r->doc, "Source"), "%s doc names its source", r->id);
		cr_expect(r->fix && *r->fix, "%s fix", r->id);
		char q[16];
		snprintf(q, sizeof q, "\"%s\"", r->id);
		cr_expect(strstr(self, q) || strstr(core, q) || strstr(probe, q), "%s has no test case", r->id);
		if (i)
			cr_expect_lt(strcmp(mailprof_rule_get(i - 1)->id, r->id), 0, "rules in ID order");
	}
	free(self);
	free(core);
	free(probe);
}

/* ---- suppressions, configuration, baseline ---- */

static mailprof_diags *check_cfg(const char *text, const char *format, mailprof_check_config *cfg)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(text, "t.in", format, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mailprof_check_with(p, cfg, d);
	mailprof_profile_free(p);
	return d;
}

#define SMTP_IMAP_HOST "[outgoing]\nhost = imap.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext\n"

Test(suppress, ini_comment_targets_next_value_line)
{
	mailprof_diags *d = check_cfg(ACC IMAPS "[outgoing]\n; mailprof-disable MP025: one host\nhost = imap.example.com\n"
	                              "port = 587\nsecurity = starttls\nauth = password-cleartext\n", "ini", NULL);
	cr_expect_eq(t_count(d, "MP025"), 0);
	cr_expect_eq(t_count(d, "MP045"), 0);
	mailprof_diags_free(d);
	/* Near miss: the marker names another rule. */
	d = check_cfg(ACC IMAPS "[outgoing]\n; mailprof-disable MP024: x\nhost = imap.example.com\n"
	              "port = 587\nsecurity = starttls\nauth = password-cleartext\n", "ini", NULL);
	cr_expect_eq(t_count(d, "MP025"), 1);
	mailprof_diags_free(d);
	/* By name, and for the whole file. */
	d = check_cfg("; mailprof-disable-file host-role-mismatch: provider uses one name\n" ACC IMAPS SMTP_IMAP_HOST, "ini", NULL);
	cr_expect_eq(t_count(d, "MP025"), 0);
	mailprof_diags_free(d);
}

/* The XML holds %EMAILADDRESS%, so it must not be used as a printf format:
 * the comment under test is spliced in between two literal halves. */
static char *xml_with_comment(const char *comment)
{
	static const char head[] =
	    "<?xml version=\"1.0\"?>\n<clientConfig version=\"1.1\">\n"
	    "<emailProvider id=\"example.com\">\n<domain>example.com</domain>\n"
	    "<incomingServer type=\"imap\">\n<hostname>imap.example.com</hostname>\n<port>993</port>\n"
	    "<socketType>SSL</socketType>\n<authentication>password-cleartext</authentication>\n"
	    "<username>%EMAILADDRESS%</username>\n</incomingServer>\n"
	    "<outgoingServer type=\"smtp\">\n<hostname>smtp.example.com</hostname>\n<port>587</port>\n";
	static const char tail[] =
	    "<socketType>SSL</socketType>\n<authentication>password-cleartext</authentication>\n"
	    "<username>%EMAILADDRESS%</username>\n</outgoingServer>\n</emailProvider>\n</clientConfig>\n";
	size_t n = strlen(head) + strlen(comment) + strlen(tail) + 1;
	char *buf = malloc(n);
	cr_assert(buf);
	strcpy(buf, head);
	strcat(buf, comment);
	strcat(buf, tail);
	return buf;
}

Test(suppress, xml_comment)
{
	char *buf = xml_with_comment("");
	cr_assert(strstr(buf, "<username>%EMAILADDRESS%</username>"));
	mailprof_diags *d = check_cfg(buf, "autoconfig", NULL);
	cr_expect_eq(t_count(d, "MP006"), 1);
	mailprof_diags_free(d);
	free(buf);
	buf = xml_with_comment("<!-- mailprof-disable MP006: provider serves TLS on 587 -->\n");
	d = check_cfg(buf, "autoconfig", NULL);
	cr_expect_eq(t_count(d, "MP006"), 0);
	cr_expect_eq(t_count(d, "MP045"), 0);
	mailprof_diags_free(d);
	free(buf);
	buf = xml_with_comment("<!-- mailprof-disable MP006 -->\n");
	d = check_cfg(buf, "autoconfig", NULL);
	cr_expect_eq(t_count(d, "MP006"), 0);
	cr_expect_eq(t_count(d, "MP045"), 1);
	mailprof_diags_free(d);
	free(buf);
}

Test(config, parse_enable_severity_trust)
{
	mailprof_check_config *c = mailprof_check_config_new();
	mailprof_diags *e = mailprof_diags_new();
	const char *ini = "fail-on = warning\n[rules]\nMP025 = off\nunusual-port = error\n[hosting]\ntrusted = hoster.example.net\n";
	cr_assert_eq(mailprof_check_config_parse(c, ini, strlen(ini), ".mailprof.ini", e), MAILPROF_OK);
	cr_expect_eq(mailprof_check_config_fail_on(c), MAILPROF_WARNING);
	mailprof_diags *d = check_cfg(ACC SRV("imap", "imap.hoster.example.net")
	                              "[outgoing]\nhost = imap.example.com\nport = 2525\nsecurity = starttls\nauth = password-cleartext\n",
	                              "ini", c);
	cr_expect_eq(t_count(d, "MP025"), 0);
	cr_expect_eq(t_count(d, "MP026"), 0, "trusted hoster");
	const mailprof_diag *g = t_find(d, "MP009");
	cr_assert(g);
	cr_expect_eq(g->severity, MAILPROF_ERROR);
	mailprof_diags_free(d);
	/* Defaults for comparison. */
	d = check_cfg(ACC SRV("imap", "imap.hoster.example.net") SMTP_IMAP_HOST, "ini", NULL);
	cr_expect_eq(t_count(d, "MP025"), 1);
	cr_expect_eq(t_count(d, "MP026"), 1);
	mailprof_diags_free(d);
	const char *bad = "[rules]\nMP999 = off\nMP001 = loud\n[nope]\n";
	cr_expect_eq(mailprof_check_config_parse(c, bad, strlen(bad), "bad.ini", e), MAILPROF_ERR_SYNTAX);
	cr_expect_eq(mailprof_diags_count(e), 3);
	cr_expect_eq(mailprof_check_config_enable(c, "nope", 0), -1);
	mailprof_diags_free(e);
	mailprof_check_config_free(c);
}

Test(config, found_upward)
{
	char dir[] = "/tmp/mp-cfg-XXXXXX";
	cr_assert(mkdtemp(dir));
	char sub[128], path[160];
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	snprintf(path, sizeof path, "%s/a", dir);
	mkdir(path, 0700);
	mkdir(sub, 0700);
	char *none = mailprof_check_config_find(sub);
	snprintf(path, sizeof path, "%s/.mailprof.ini", dir);
	FILE *f = fopen(path, "w");
	fputs("fail-on = info\n", f);
	fclose(f);
	char *found = mailprof_check_config_find(sub);
	cr_expect_str_eq(found, path);
	cr_expect(none == NULL || strcmp(none, path) != 0);
	free(found);
	free(none);
	unlink(path);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	cr_expect_eq(system(path), 0);
}

Test(baseline, known_findings_ignored)
{
	mailprof_diags *d = check_cfg(ACC IMAPS SMTP_IMAP_HOST, "ini", NULL);
	const mailprof_diag *g = t_find(d, "MP025");
	cr_assert(g);
	char *key = mailprof_diag_key(g);
	cr_expect(strstr(key, "t.in\tMP025\t") == key);
	char path[] = "/tmp/mp-base-XXXXXX";
	int fd = mkstemp(path);
	dprintf(fd, "# comment\n%s\n", key);
	close(fd);
	free(key);
	mailprof_diags_free(d);
	mailprof_check_config *c = mailprof_check_config_new();
	cr_assert_eq(mailprof_check_config_load_baseline(c, path, NULL), MAILPROF_OK);
	d = check_cfg(ACC IMAPS SMTP_IMAP_HOST, "ini", c);
	cr_expect_eq(t_count(d, "MP025"), 0);
	mailprof_diags_free(d);
	/* Near miss: a new finding of the same rule elsewhere is still reported. */
	d = check_cfg(ACC SRV("imap", "smtp.example.com") SMTP_IMAP_HOST, "ini", c);
	cr_expect_eq(t_count(d, "MP025"), 1);
	mailprof_diags_free(d);
	mailprof_check_config_free(c);
	unlink(path);
}

Test(batch, duplicate_accounts_across_files)
{
	mailprof_batch *b = mailprof_batch_new(NULL);
	mailprof_diags *d1, *d2, *d3;
	mailprof_status st;
	mailprof_profile *p1 = t_parse_str(ACC IMAPS SUB, "one.ini", "ini", &d1, &st);
	mailprof_profile *p2 = t_parse_str("[account]\nemail = U@Example.com\n" IMAPS SUB, "two.ini", "ini", &d2, &st);
	mailprof_profile *p3 = t_parse_str("[account]\nemail = other@example.com\n" IMAPS SUB, "three.ini", "ini", &d3, &st);
	mailprof_batch_add(b, p1, d1);
	mailprof_batch_add(b, p2, d2);
	mailprof_batch_add(b, p3, d3);
	cr_expect_eq(t_count(d1, "MP039"), 0);
	cr_expect_eq(t_count(d2, "MP039"), 1);
	cr_expect(strstr(t_find(d2, "MP039")->message, "one.ini:1"));
	cr_expect_eq(t_count(d3, "MP039"), 0, "other address, no user names: not a duplicate");
	mailprof_profile_free(p1), mailprof_profile_free(p2), mailprof_profile_free(p3);
	mailprof_diags_free(d1), mailprof_diags_free(d2), mailprof_diags_free(d3);
	mailprof_batch_free(b);
}

/* MP048: the same profile copied under another name repeats its
 * PayloadIdentifier and UUID; more cases in test_batch.c. */
Test(batch, duplicate_payload_ids_across_profiles)
{
	char *text = t_slurp("samples/mobileconfig/profiledocs-example.mobileconfig", NULL);
	cr_assert_not_null(text);
	mailprof_batch *b = mailprof_batch_new(NULL);
	mailprof_diags *d1, *d2;
	mailprof_status st;
	mailprof_profile *p1 = t_parse_str(text, "one.mobileconfig", "mobileconfig", &d1, &st);
	mailprof_profile *p2 = t_parse_str(text, "two.mobileconfig", "mobileconfig", &d2, &st);
	mailprof_batch_add(b, p1, d1);
	mailprof_batch_add(b, p2, d2);
	cr_expect_eq(t_count(d1, "MP048"), 0);
	cr_expect_eq(t_count(d2, "MP048"), 2, "identifier and UUID");
	cr_expect(strstr(t_find(d2, "MP048")->message, "is also the one of one.mobileconfig:"));
	mailprof_profile_free(p1), mailprof_profile_free(p2);
	mailprof_diags_free(d1), mailprof_diags_free(d2);
	mailprof_batch_free(b);
	free(text);
}

/* ---- CLI: report formats, switches, generated docs ---- */

Test(cli_report, sarif_validates_against_schema)
{
	char cmd[512], *out = NULL;
	snprintf(cmd, sizeof cmd, "%s check --no-config --format sarif samples/ini/mistakes.ini samples/ini/port25.ini "
	         "samples/autoconfig/charter.net.xml > /tmp/mp-sarif-%d.json", t_mailprof(), (int)getpid());
	cr_expect_eq(t_run(cmd, NULL, NULL), 1);
	snprintf(cmd, sizeof cmd, "python3 tests/data/sarif/validate.py tests/data/sarif/sarif-schema-2.1.0.json "
	         "/tmp/mp-sarif-%d.json", (int)getpid());
	int rc = t_run(cmd, &out, NULL);
	if (rc == 77) {
		cr_log_warn("SKIPPED: python3-jsonschema is not installed; SARIF schema validation not run");
		cr_skip_test("python3-jsonschema missing");
	}
	cr_expect_eq(rc, 0, "SARIF invalid: %s", out);
	free(out);
	snprintf(cmd, sizeof cmd, "/tmp/mp-sarif-%d.json", (int)getpid());
	char *s = t_slurp(cmd, NULL);
	cr_assert(s);
	cr_expect(strstr(s, "\"ruleId\": \"MP021\""));
	cr_expect(strstr(s, "\"startLine\": 11, \"startColumn\": 8"));
	cr_expect(strstr(s, "\"defaultConfiguration\": {\"level\": \"note\"}"));
	free(s);
	unlink(cmd);
}

Test(cli_report, github_and_junit)
{
	char cmd[512], *out = NULL;
	snprintf(cmd, sizeof cmd, "%s check --no-config --format github samples/ini/port25.ini", t_mailprof());
	cr_expect_eq(t_run(cmd, &out, NULL), 1);
	cr_expect(strstr(out, "::error file=samples/ini/port25.ini,line=17,col=8,title=MP001 smtp-port25-no-auth::SMTP server"), "%s", out);
	free(out);
	snprintf(cmd, sizeof cmd, "%s check --no-config --format junit samples/ini/port25.ini samples/ini/home-imap.ini", t_mailprof());
	cr_expect_eq(t_run(cmd, &out, NULL), 1);
	cr_expect(strstr(out, "<testsuite name=\"samples/ini/port25.ini\" tests=\"1\" failures=\"1\""), "%s", out);
	cr_expect(strstr(out, "<testcase classname=\"samples/ini/home-imap.ini\" name=\"check\"/>"), "%s", out);
	free(out);
}

Test(cli_report, switches_baseline_and_duplicates)
{
	char cmd[640], *out = NULL;
	/* --disable silences, exit follows */
	snprintf(cmd, sizeof cmd, "%s check --no-config --disable MP001 samples/ini/port25.ini", t_mailprof());
	cr_expect_eq(t_run(cmd, &out, NULL), 0);
	cr_expect(!strstr(out, "MP001"));
	free(out);
	/* write a baseline, then nothing is new */
	snprintf(cmd, sizeof cmd, "%s check --no-config --format baseline samples/ini/port25.ini > /tmp/mp-bl-%d; "
	         "%s check --no-config --baseline /tmp/mp-bl-%d samples/ini/port25.ini; rc=$?; rm -f /tmp/mp-bl-%d; exit $rc",
	         t_mailprof(), (int)getpid(), t_mailprof(), (int)getpid(), (int)getpid());
	cr_expect_eq(t_run(cmd, &out, NULL), 0);
	cr_expect_eq(strlen(out), 0, "%s", out);
	free(out);
	/* the same file twice is a duplicate account */
	snprintf(cmd, sizeof cmd, "%s check --no-config --fail-on warning samples/ini/home-imap.ini samples/ini/home-imap.ini", t_mailprof());
	cr_expect_eq(t_run(cmd, &out, NULL), 1);
	cr_expect(strstr(out, "[MP039]"), "%s", out);
	free(out);
	/* --config with a bad file is a usage error */
	snprintf(cmd, sizeof cmd, "printf '[rules]\\nMP999=off\\n' > /tmp/mp-cf-%d; %s check --config /tmp/mp-cf-%d samples/ini/home-imap.ini; "
	         "rc=$?; rm -f /tmp/mp-cf-%d; exit $rc", (int)getpid(), t_mailprof(), (int)getpid(), (int)getpid());
	cr_expect_eq(t_run(cmd, NULL, NULL), 2);
}

Test(cli_report, rules_md_is_current)
{
	char cmd[256], *out = NULL;
	snprintf(cmd, sizeof cmd, "%s rules --format markdown", t_mailprof());
	cr_assert_eq(t_run(cmd, &out, NULL), 0);
	char *doc = t_slurp("docs/rules.md", NULL);
	cr_assert(doc, "docs/rules.md missing");
	cr_expect(strcmp(out, doc) == 0, "docs/rules.md is stale: run `make docs`");
	free(out);
	free(doc);
}

/* ---- --fix ---- */

Test(fix, safe_fixes_applied_and_reported)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(ACC "[incoming]\nhost = ｉｍａｐ。Example.com\nport = 993\nsecurity = starttls\n"
	                                  "[outgoing]\nhost = smtp.example.com\nport = 25\nauth = none\n", "t.ini", "ini", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_expect_eq(mailprof_fix(p, d), 3);
	cr_expect_eq(t_count(d, "MP046"), 3);
	mailprof_diags *after = mailprof_diags_new();
	mailprof_check(p, after);
	cr_expect_eq(t_count(after, "MP001"), 0);
	cr_expect_eq(t_count(after, "MP005"), 0);
	cr_expect_eq(t_count(after, "MP021"), 0);
	char *ini = t_emit(p, "ini");
	cr_expect(strstr(ini, "host = imap.Example.com\n"), "%s", ini);
	cr_expect(strstr(ini, "port = 587\nsecurity = starttls\nauth = password-cleartext\n"), "%s", ini);
	free(ini);
	mailprof_diags_free(after);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(fix, unsafe_findings_untouched)
{
	mailprof_diags *d;
	mailprof_status st;
	/* Cleartext POP3 and a URL host have no certain fix: nothing changes. */
	mailprof_profile *p = t_parse_str(ACC "[incoming]\nprotocol = pop3\nhost = https://mail.example.com/\nport = 110\nsecurity = none\n"
	                                  SUB, "t.ini", "ini", &d, &st);
	cr_expect_eq(mailprof_fix(p, d), 0);
	mailprof_check(p, d);
	cr_expect_eq(t_count(d, "MP003"), 1);
	cr_expect_eq(t_count(d, "MP023"), 1);
	cr_expect_eq(t_count(d, "MP046"), 0);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(fix, cli_check_fix_writes_output)
{
	char cmd[512], *out = NULL;
	snprintf(cmd, sizeof cmd, "%s check --no-config --fix -o /tmp/mp-fix-%d.ini samples/ini/port25.ini && cat /tmp/mp-fix-%d.ini; "
	         "rc=$?; rm -f /tmp/mp-fix-%d.ini; exit $rc", t_mailprof(), (int)getpid(), (int)getpid(), (int)getpid());
	cr_expect_eq(t_run(cmd, &out, NULL), 0);
	cr_expect(strstr(out, "[MP046]"), "%s", out);
	cr_expect(strstr(out, "port = 587\nsecurity = starttls\n"), "%s", out);
	free(out);
}

Test(rules, lossy_findings_follow_config)
{
	/* "MP037": emitters' "lossy" findings are configurable like any rule. */
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(ACC IMAPS SUB, "t.ini", "ini", &d, &st);
	char *out = NULL;
	size_t len;
	cr_assert_eq(mailprof_emit(p, "autoconfig", NULL, &out, &len, d), MAILPROF_OK);
	free(out);
	size_t n = t_count(d, "lossy");
	cr_expect_gt(n, 0, "autoconfig has no personal address");
	cr_expect_eq(mailprof_rule_find("lossy"), mailprof_rule_find("MP037"));
	mailprof_check_config *c = mailprof_check_config_new();
	cr_assert_eq(mailprof_check_config_enable(c, "MP037", 0), 0);
	mailprof_check_with(p, c, d);
	cr_expect_eq(t_count(d, "lossy"), 0);
	mailprof_check_config_free(c);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* The ISPDB run recorded in docs/ci.md still matches (on the ISPDB copy in
 * bench/corpus, part of the repository). */
Test(corpus, ispdb_counts_match_docs)
{
	const char *ISPDB = "bench/corpus/ispdb";
	cr_assert_eq(access(ISPDB, R_OK), 0, "%s missing: run the tests from the top of the repository", ISPDB);
	char cmd[400], *out = NULL;
	snprintf(cmd, sizeof cmd, "%s check --no-config %s/*.xml 2>/dev/null | grep -o '\\[[A-Za-z0-9-]*\\]$' | sort | uniq -c",
	         t_mailprof(), ISPDB);
	t_run(cmd, &out, NULL);
	char *doc = t_slurp("docs/ci.md", NULL);
	cr_assert(doc && out);
	const char *tab = strstr(doc, "| Rule | Name |");
	cr_assert(tab);
	size_t rows = 0;
	for (const char *l = strstr(tab, "\n| "); l && strncmp(l, "\n| ", 3) == 0; l = strchr(l + 1, '\n')) {
		char rule[40], name[40], sev[16];
		int n, files;
		if (sscanf(l, "\n| %39s | %39s | %15s | %d | %d |", rule, name, sev, &n, &files) != 5)
			continue;
		char want[64];
		snprintf(want, sizeof want, " %d [%s]\n", n, rule);
		cr_expect(strstr(out, want), "docs/ci.md says %d x %s; the run gave:\n%s", n, rule, out);
		rows++;
	}
	size_t lines = 0;
	for (const char *p = out; *p; p++)
		lines += *p == '\n';
	cr_expect_eq(rows, lines, "every rule that fires is in the recorded table");
	free(out);
	free(doc);
}

/* MP035: a structure finding of the mobileconfig reader. */
static size_t uuid_findings(const char *u1, const char *u2)
{
	char xml[1400];
	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n"
	         "<key>PayloadContent</key>\n<array>\n<dict>\n"
	         "<key>PayloadType</key><string>com.apple.mail.managed</string>\n"
	         "<key>PayloadIdentifier</key><string>x.mail</string>\n"
	         "<key>PayloadUUID</key>\n<string>%s</string>\n<key>PayloadVersion</key><integer>1</integer>\n"
	         "<key>EmailAccountType</key><string>EmailTypeIMAP</string>\n"
	         "<key>EmailAddress</key><string>u@example.com</string>\n"
	         "<key>IncomingMailServerHostName</key><string>imap.example.com</string>\n"
	         "<key>IncomingMailServerPortNumber</key><integer>993</integer>\n"
	         "<key>IncomingMailServerUseSSL</key><true/>\n"
	         "<key>IncomingMailServerAuthentication</key><string>EmailAuthPassword</string>\n"
	         "<key>OutgoingMailServerHostName</key><string>smtp.example.com</string>\n"
	         "<key>OutgoingMailServerPortNumber</key><integer>465</integer>\n"
	         "<key>OutgoingMailServerUseSSL</key><true/>\n"
	         "<key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>\n"
	         "</dict>\n</array>\n<key>PayloadIdentifier</key><string>x</string>\n"
	         "<key>PayloadType</key><string>Configuration</string>\n"
	         "<key>PayloadUUID</key><string>%s</string>\n<key>PayloadVersion</key><integer>1</integer>\n"
	         "</dict>\n</plist>\n", u1, u2);
	mailprof_diags *d = t_check_str(xml, "mobileconfig");
	size_t n = t_count(d, "MP035");
	mailprof_diags_free(d);
	return n;
}

Test(rules, payload_uuid)
{
	const char *a = "6F1D3C2A-1B2C-4D3E-8F90-0A1B2C3D4E5F", *b = "7E2D3C2A-1B2C-4D3E-8F90-0A1B2C3D4E5F";
	cr_expect_eq(uuid_findings(a, a), 1, "MP035 duplicate");
	cr_expect_eq(uuid_findings(a, "UUID1"), 1, "MP035 malformed");
	cr_expect_eq(uuid_findings(a, b), 0, "MP035 near miss: distinct UUIDs");
}

Test(config, cli_reads_mailprof_ini_upward)
{
	char cmd[2600], *out = NULL;
	const char *mp = t_mailprof();
	char abs[1024];
	snprintf(abs, sizeof abs, "%s%s%s", mp[0] == '/' ? "" : getenv("PWD"), mp[0] == '/' ? "" : "/", mp);
	/* port25.ini fails with MP001; the config above the working directory turns it into an info. */
	snprintf(cmd, sizeof cmd,
	         "d=$(mktemp -d) && mkdir -p $d/sub && cp samples/ini/port25.ini $d/sub/ && "
	         "printf 'fail-on = error\\n[rules]\\nsmtp-port25-no-auth = info\\n' > $d/.mailprof.ini && "
	         "cd $d/sub && %s check port25.ini; rc=$?; %s check --no-config port25.ini >/dev/null; rc2=$?; "
	         "cd / && rm -rf $d; echo \"rc=$rc rc2=$rc2\"", abs, abs);
	t_run(cmd, &out, NULL);
	cr_expect(strstr(out, "info: SMTP server smtp.example.net on port 25"), "%s", out);
	cr_expect(strstr(out, "rc=0 rc2=1"), "%s", out);
	free(out);
}
