/* Client emitters: msmtp, fetchmail, mbsync, NeoMutt, Thunderbird user.js,
 * Outlook .prf. What each writes, what it leaves out, what it reports. The
 * real clients read these files in `make e2e` (tests/e2e/run.sh). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static const char *const clients[] = {"msmtp", "fetchmail", "mbsync", "neomutt", "userjs", "prf"};

/* An account with a password that needs quoting in every syntax. */
static const char *const tricky =
	"[account]\nemail = ann@example.com\ndisplay_name = Ann \"Q\" $HOME\n"
	"pop_leave_on_server = true\npop_leave_days = 7\n"
	"[incoming]\nprotocol = imap\nhost = imap.example.com\nport = 143\nsecurity = starttls\n"
	"auth = password-cleartext\nusername = ann@example.com\npassword = p\"w $x\\y\n"
	"[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\nsecurity = tls\n"
	"auth = password-encrypted\nusername = ann\npassword = p\"w $x\\y\n"
	"[outgoing]\nprotocol = smtp\nhost = smtp.example.com\nport = 587\nsecurity = starttls\n"
	"auth = password-cleartext\nusername = ann@example.com\npassword = p\"w $x\\y\n";

static char *emit(const char *text, const char *fmt, int secrets, mailprof_diags **dout)
{
	mailprof_diags *pd;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(text, "t.ini", "ini", &pd, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mailprof_diags_free(pd);
	mailprof_options opt = {0};
	opt.include_secrets = secrets;
	mailprof_diags *d = mailprof_diags_new();
	char *out = NULL;
	size_t len = 0;
	cr_assert_eq(mailprof_emit(p, fmt, &opt, &out, &len, d), MAILPROF_OK, "%s", fmt);
	cr_assert_eq(strlen(out), len);
	mailprof_profile_free(p);
	if (dout)
		*dout = d;
	else
		mailprof_diags_free(d);
	return out;
}

static bool has_lossy(const mailprof_diags *d, const char *needle)
{
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (strcmp(g->id, "lossy") == 0 && strstr(g->message, needle))
			return g->severity == MAILPROF_INFO;
	}
	return false;
}

Test(clients, formats_and_aliases_are_registered)
{
	for (size_t i = 0; i < sizeof clients / sizeof *clients; i++)
		cr_expect_str_eq(mailprof_format_lookup(clients[i]), clients[i]);
	cr_expect_str_eq(mailprof_format_lookup("prefsjs"), "userjs");
	cr_expect_str_eq(mailprof_format_lookup("outlookprf"), "prf");
	cr_expect_str_eq(mailprof_format_lookup("isync"), "mbsync");
	cr_expect_str_eq(mailprof_format_lookup("muttrc"), "neomutt");
}

Test(clients, no_password_without_include_secrets)
{
	for (size_t i = 0; i < sizeof clients / sizeof *clients; i++) {
		mailprof_diags *d;
		char *out = emit(tricky, clients[i], 0, &d);
		cr_expect_null(strstr(out, "$x"), "%s wrote the password", clients[i]);
		for (size_t j = 0; j < mailprof_diags_count(d); j++)
			cr_expect_null(strstr(mailprof_diags_get(d, j)->message, "$x"));
		free(out);
		mailprof_diags_free(d);
	}
}

Test(clients, passwords_quoted_in_each_syntax)
{
	char *o = emit(tricky, "msmtp", 1, NULL);
	cr_expect(strstr(o, "password        \"p\\\"w $x\\\\y\"\n"), "%s", o);
	free(o);
	o = emit(tricky, "fetchmail", 1, NULL);
	cr_expect(strstr(o, " password \"p\\\"w $x\\\\y\""), "%s", o);
	free(o);
	o = emit(tricky, "mbsync", 1, NULL);
	cr_expect(strstr(o, "Pass \"p\\\"w $x\\\\y\"\n"), "%s", o);
	free(o);
	o = emit(tricky, "neomutt", 1, NULL);
	/* muttrc expands $ and ` inside double quotes: both escaped */
	cr_expect(strstr(o, "set imap_pass = \"p\\\"w \\$x\\\\y\"\n"), "%s", o);
	cr_expect(strstr(o, "set smtp_pass = "));
	cr_expect(strstr(o, "set realname = \"Ann \\\"Q\\\" \\$HOME\"\n"), "%s", o);
	free(o);
}

Test(clients, client_ways_to_ask_for_the_password)
{
	char *o = emit(tricky, "msmtp", 0, NULL);
	cr_expect(strstr(o, "# passwordeval"));
	cr_expect(strstr(o, "auth            on\nuser            ann@example.com\n"));
	free(o);
	o = emit(tricky, "mbsync", 0, NULL);
	cr_expect(strstr(o, "# PassCmd"));
	free(o);
	o = emit(tricky, "fetchmail", 0, NULL);
	cr_expect(strstr(o, "fetchmail asks for them"));
	free(o);
}

Test(clients, starttls_and_tls_mapping)
{
	char *o = emit(tricky, "msmtp", 0, NULL);
	cr_expect(strstr(o, "tls             on\ntls_starttls    on\n"));
	free(o);
	o = emit(tricky, "fetchmail", 0, NULL);
	/* IMAP STARTTLS: forced with sslproto and no `ssl`; POP3S: ssl */
	cr_expect(strstr(o, "protocol IMAP service 143 auth password\n    user \"ann@example.com\"\n"
	                    "    sslproto TLS1.2+ sslcertck\n    keep\n"), "%s", o);
	cr_expect(strstr(o, "skip \"pop.example.com-pop3\" via \"pop.example.com\" protocol POP3 "
	                    "service 995 auth cram-md5\n    user \"ann\"\n    ssl sslcertck\n    keep\n"),
	          "%s", o);
	free(o);
	o = emit(tricky, "mbsync", 0, NULL);
	cr_expect(strstr(o, "SSLType STARTTLS\n"));
	cr_expect(strstr(o, "AuthMechs PLAIN LOGIN\n"));
	free(o);
	o = emit(tricky, "neomutt", 0, NULL);
	cr_expect(strstr(o, "set folder = \"imap://ann%40example.com@imap.example.com:143/\"\n"), "%s", o);
	cr_expect(strstr(o, "set pop_host = \"pops://ann@pop.example.com:995/\"\n"));
	cr_expect(strstr(o, "set ssl_force_tls = yes\n"));
	cr_expect(strstr(o, "set pop_delete = no\n"));
	free(o);
	o = emit(tricky, "userjs", 0, NULL);
	cr_expect(strstr(o, "user_pref(\"mail.server.server1.socketType\", 2);"));
	cr_expect(strstr(o, "user_pref(\"mail.smtpserver.smtp1.try_ssl\", 2);"));
	cr_expect(strstr(o, "user_pref(\"mail.server.server1.authMethod\", 3);"));
	cr_expect(strstr(o, "user_pref(\"mail.identity.id1.fullName\", \"Ann \\\"Q\\\" $HOME\");"));
	free(o);
	o = emit(tricky, "prf", 0, NULL);
	cr_expect(strstr(o, "Account1=IMAP_I_Mail\n"));
	cr_expect(strstr(o, "SMTPSecureConnection=2\n"));
	cr_expect(strstr(o, "IMAPUseSSL=0\n"));
	free(o);
}

Test(clients, lossy_points_are_info_findings)
{
	struct {
		const char *fmt, *needle;
	} cases[] = {
		{"msmtp", "only sends mail"},
		{"fetchmail", "cannot delete mail by age"},
		{"fetchmail", "only fetches mail"},
		{"mbsync", "IMAP only"},
		{"neomutt", "by age"},
		{"userjs", "one incoming server"},
		{"prf", "no STARTTLS setting"},
		{"prf", "one incoming server"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		mailprof_diags *d;
		free(emit(tricky, cases[i].fmt, 0, &d));
		cr_expect(has_lossy(d, cases[i].needle), "%s: %s", cases[i].fmt, cases[i].needle);
		mailprof_diags_free(d);
	}
	/* Thunderbird and Outlook cannot hold a password: said when asked to. */
	mailprof_diags *d;
	free(emit(tricky, "userjs", 1, &d));
	cr_expect(has_lossy(d, "login manager"));
	mailprof_diags_free(d);
	free(emit(tricky, "prf", 1, &d));
	cr_expect(has_lossy(d, "cannot carry passwords"));
	mailprof_diags_free(d);
}

Test(clients, port25_without_auth_logs_in_nowhere)
{
	const char *p25 = "[account]\nemail = h@example.net\n[outgoing]\nprotocol = smtp\n"
	                  "host = smtp.example.net\nport = 25\nsecurity = none\nauth = none\n"
	                  "username = h\npassword = secret25\n";
	char *o = emit(p25, "msmtp", 1, NULL);
	cr_expect(strstr(o, "tls             off\nauth            off\n"), "%s", o);
	cr_expect_null(strstr(o, "secret25"));
	free(o);
	o = emit(p25, "neomutt", 1, NULL);
	cr_expect(strstr(o, "set smtp_url = \"smtp://smtp.example.net:25/\"\n"), "%s", o);
	cr_expect_null(strstr(o, "secret25"));
	free(o);
	/* Outlook needs an incoming server in a .prf account. */
	char p25in[512];
	snprintf(p25in, sizeof p25in, "%s[incoming]\nprotocol = imap\nhost = imap.example.net\nport = 993\n"
	         "security = tls\nauth = password-cleartext\nusername = h\n", p25);
	o = emit(p25in, "prf", 0, NULL);
	cr_expect(strstr(o, "SMTPUseAuth=0\nSMTPAuthMethod=0\n"), "%s", o);
	free(o);
}

Test(clients, line_breaks_cannot_inject_directives)
{
	const char *json =
		"{\"accounts\":[{\"email\":\"a@example.com\",\"display_name\":\"A\\nset x=1\","
		"\"incoming\":[{\"protocol\":\"imap\",\"host\":\"imap.example.com\",\"port\":993,"
		"\"security\":\"tls\",\"auth\":[\"password-cleartext\"],\"username\":\"a\\nPassCmd rm\"}],"
		"\"outgoing\":[{\"protocol\":\"smtp\",\"host\":\"smtp.example.com\",\"port\":465,"
		"\"security\":\"tls\",\"auth\":[\"password-cleartext\"],\"username\":\"a\\nhost evil\"}]}]}";
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(json, "t.json", "json", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	static const char *const bad[] = {"\nset x=1", "\nPassCmd rm", "\nhost evil"};
	for (size_t i = 0; i < sizeof clients / sizeof *clients; i++) {
		char *o = t_emit(p, clients[i]);
		cr_assert_not_null(o);
		for (size_t j = 0; j < sizeof bad / sizeof *bad; j++)
			cr_expect_null(strstr(o, bad[j]), "%s: %s", clients[i], o);
		free(o);
	}
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(clients, deterministic)
{
	for (size_t i = 0; i < sizeof clients / sizeof *clients; i++) {
		char *a = emit(tricky, clients[i], 1, NULL), *b = emit(tricky, clients[i], 1, NULL);
		cr_expect_str_eq(a, b);
		free(a);
		free(b);
	}
}

/* The CLI writes through temp + rename: 0600 with secrets, 0644 without,
 * and the file holds what stdout would. */
Test(clients, cli_output_file_modes)
{
	char dir[] = "/tmp/mp-clients.XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char cmd[512], *out = NULL;
	snprintf(cmd, sizeof cmd,
	         "%s convert --include-secrets --to msmtp -o %s/s.rc samples/e2e/e2e-user.txt && "
	         "%s convert --to msmtp -o %s/p.rc samples/e2e/e2e-user.txt && "
	         "%s convert --include-secrets --to msmtp samples/e2e/e2e-user.txt",
	         t_mailprof(), dir, t_mailprof(), dir, t_mailprof());
	cr_assert_eq(t_run(cmd, &out, NULL), 0);
	char path[256];
	struct stat st;
	snprintf(path, sizeof path, "%s/s.rc", dir);
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0600);
	char *file = t_slurp(path, NULL);
	cr_expect_str_eq(file, out);
	cr_expect(strstr(file, "password        E2e-Secret-42\n"));
	free(file);
	unlink(path);
	snprintf(path, sizeof path, "%s/p.rc", dir);
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0644);
	unlink(path);
	rmdir(dir);
	free(out);
}

/* fetchmail selects an entry by its label (`fetchmail LABEL`): two mailboxes
 * on one server must not share one, or the second can never be named. */
Test(clients, fetchmail_labels_name_one_entry_each)
{
	const char *box = "[incoming]\nprotocol = imap\nhost = imap.example.com\nport = 993\nsecurity = tls\n"
	                  "auth = password-cleartext\n";
	char ini[1024];
	snprintf(ini, sizeof ini,
	         "[account]\nemail = a@example.com\n%susername = a\n"
	         "[account]\nemail = b@example.com\n%susername = b\n"
	         "[account]\nemail = c@example.com\n%susername = c\n",
	         box, box, box);
	char *o = emit(ini, "fetchmail", 0, NULL);
	cr_expect(strstr(o, "\npoll \"imap.example.com-imap\" via "), "%s", o);
	cr_expect(strstr(o, "\nskip \"imap.example.com-imap-2\" via \"imap.example.com\""), "%s", o);
	cr_expect(strstr(o, "\nskip \"imap.example.com-imap-3\" via \"imap.example.com\""), "%s", o);
	free(o);
}
