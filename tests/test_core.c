/* Model, INI, autoconfig and JSON: parsing with positions, round trips,
 * safe XML. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "model.h"

static const char *ini_basic =
	"[account]\n"
	"email = a@example.com\n"
	"\n"
	"[incoming]\n"
	"protocol = pop3\n"
	"host = pop.example.com\n"
	"port = 995\n"
	"security = tls\n"
	"auth = password-cleartext, ntlm\n"
	"username = a\n"
	"password = s3cret\n"
	"\n"
	"[outgoing]\n"
	"host = smtp.example.com\n"
	"port = 587\n";

Test(ini, values_and_unset)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(ini_basic, "t.ini", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(mailprof_diags_count(d), 0);
	char *json = t_emit(p, "json");
	cr_assert(strstr(json, "\"email\": \"a@example.com\""));
	cr_assert(strstr(json, "\"protocol\": \"pop3\""));
	cr_assert(strstr(json, "\"auth\": [\"password-cleartext\", \"ntlm\"]"));
	/* outgoing security and auth were not given: unset, not a default */
	cr_assert(strstr(json, "\"port\": 587,\n          \"security\": null,\n          \"auth\": []"), "%s", json);
	cr_assert(strstr(json, "\"display_name\": null"));
	cr_assert_null(strstr(json, "s3cret"), "password must not be emitted by default");
	free(json);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(ini, positions_point_at_values)
{
	mailprof_diags *d = t_check_str("[account]\nemail = a@example.com\n[incoming]\nprotocol = imap\n"
	                                "host = imap.example.com\nport = 143\nsecurity = none\n"
	                                "[outgoing]\nhost = smtp.example.com\nport =   25\n",
	                                "ini");
	const mailprof_diag *g = t_find(d, "MP001");
	cr_assert(g);
	cr_assert_eq(g->loc.line, 10);
	cr_assert_eq(g->loc.column, 10, "column of the value, got %d", g->loc.column);
	cr_assert_str_eq(g->loc.file, "t.in");
	g = t_find(d, "MP003"); /* imap 143 plain with a password */
	cr_assert(g);
	cr_assert_eq(g->loc.line, 7);
	mailprof_diags_free(d);
}

Test(ini, unknown_keys_suggest)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str("[acount]\nx = 1\n[account]\nemial = a@b.c\n[incoming]\nprot = imap\n"
	                                  "security = tsl\n", "t.ini", "ini", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	const mailprof_diag *g = t_find(d, "ini-unknown-section");
	cr_assert(g && g->loc.line == 1 && strstr(g->fix, "[account]"));
	g = t_find(d, "ini-unknown-key");
	cr_assert(g && g->loc.line == 4 && strstr(g->fix, "`email`"), "%s", g ? g->fix : "none");
	cr_assert_eq(t_count(d, "ini-unknown-key"), 2);
	g = t_find(d, "ini-bad-value");
	cr_assert(g && g->loc.line == 7 && strstr(g->fix, "`tls`"));
	cr_assert_eq(t_count(d, "ini-missing-key"), 1, "protocol was misspelt, so it is missing");
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(ini, syntax_errors_fail_with_line)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str("[account]\nemail = a@b.c\nthis line is wrong\n", "t.ini", "ini", &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_SYNTAX);
	const mailprof_diag *g = t_find(d, "ini-syntax");
	cr_assert(g && g->loc.line == 3);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(ini, password_never_in_diagnostics)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str("[account]\nemail = a@b.c\n[incoming]\npassword = hunter2\nport = x\n",
	                                  "t.ini", "ini", &d, &st);
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		cr_assert_null(strstr(mailprof_diags_get(d, i)->message, "hunter2"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(ini, long_line_reported)
{
	char buf[600];
	snprintf(buf, sizeof buf, "[account]\nemail = a@b.c\ndisplay_name = %0300d\n", 7);
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(buf, "t.ini", "ini", &d, &st);
	const mailprof_diag *g = t_find(d, "ini-line-too-long");
	cr_assert(g && g->loc.line == 3);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* INI -> model -> INI -> model is lossless, secrets included when asked. */
Test(ini, round_trip_lossless)
{
	const char *files[] = {"samples/ini/home-imap.ini", "samples/ini/two-accounts.ini",
	                       "samples/ini/port25.ini"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		mailprof_status st;
		mailprof_profile *a = t_parse(files[i], NULL, NULL, &st);
		cr_assert_eq(st, MAILPROF_OK, "%s", files[i]);
		mailprof_options o = {.include_secrets = 1};
		char *out;
		size_t len;
		cr_assert_eq(mailprof_emit(a, "ini", &o, &out, &len, NULL), MAILPROF_OK);
		mailprof_profile *b = mailprof_profile_new();
		cr_assert_eq(mailprof_parse(b, out, len, "rt.ini", "ini", NULL, NULL), MAILPROF_OK);
		cr_assert(mailprof_profile_equal(a, b), "%s: round trip changed the model:\n%s", files[i], out);
		free(out);
		mailprof_profile_free(a);
		mailprof_profile_free(b);
	}
	mailprof_profile *p = t_parse_str(ini_basic, "t.ini", NULL, NULL, NULL);
	mailprof_options o = {.include_secrets = 1};
	char *out;
	size_t len;
	mailprof_emit(p, "ini", &o, &out, &len, NULL);
	cr_assert(strstr(out, "password = s3cret"));
	mailprof_profile *q = mailprof_profile_new();
	mailprof_parse(q, out, len, "x", "ini", NULL, NULL);
	cr_assert(mailprof_profile_equal(p, q));
	free(out);
	mailprof_profile_free(p);
	mailprof_profile_free(q);
}

Test(json, round_trip_and_errors)
{
	mailprof_profile *a = t_parse("samples/ini/two-accounts.ini", NULL, NULL, NULL);
	mailprof_options o = {.include_secrets = 1};
	char *out;
	size_t len;
	cr_assert_eq(mailprof_emit(a, "json", &o, &out, &len, NULL), MAILPROF_OK);
	cr_assert_str_eq(mailprof_format_detect(out, len, NULL), "json");
	mailprof_profile *b = mailprof_profile_new();
	cr_assert_eq(mailprof_parse(b, out, len, "x.json", NULL, NULL, NULL), MAILPROF_OK);
	cr_assert(mailprof_profile_equal(a, b));
	free(out);
	mailprof_profile_free(a);
	mailprof_profile_free(b);

	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str("{\"accounts\": [\n  {\"email\": \"a@b.c\",\n   \"incoming\": [{]}]}",
	                                  "bad.json", "json", &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_SYNTAX);
	const mailprof_diag *g = t_find(d, "json-syntax");
	cr_assert(g && g->loc.line == 3, "line %d", g ? g->loc.line : -1);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	p = t_parse_str("{\"accounts\": [{\"email\": \"a\\u00e9@b.c\", \"incoming\": [{\"port\": \"993\"}]}]}", "x",
	                "json", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(t_count(d, "json-bad-value"), 1);
	char *j = t_emit(p, "json");
	cr_assert(strstr(j, "a\xc3\xa9@b.c"));
	free(j);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autoconfig, values_and_positions)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse("samples/autoconfig/kokuyou.ne.jp.xml", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(mailprof_diags_count(d), 0);
	mailprof_check(p, d);
	const mailprof_diag *g = t_find(d, "MP001");
	cr_assert(g);
	cr_assert_eq(g->loc.line, 16, "the <port> line");
	cr_assert(strstr(g->fix, "587"));
	char *j = t_emit(p, "json");
	cr_assert(strstr(j, "\"username\": \"%EMAILLOCALPART%\""));
	cr_assert(strstr(j, "\"domains\": [\"kokuyou.ne.jp\"]"));
	free(j);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autoconfig, unknown_element_is_info)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse("samples/autoconfig/nili.ca.xml", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	const mailprof_diag *g = t_find(d, "unknown-element");
	cr_assert(g && g->severity == MAILPROF_INFO && g->loc.line == 6);
	cr_assert_eq(t_count(d, "schema"), 0);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(autoconfig, schema_violation_has_line)
{
	const char *x = "<?xml version=\"1.0\"?>\n<clientConfig version=\"1.1\">\n<emailProvider id=\"e.com\">\n"
	                "<domain>e.com</domain>\n<incomingServer type=\"imap\">\n<hostname>i.e.com</hostname>\n"
	                "<port>99x</port>\n<socketType>TLS</socketType>\n</incomingServer>\n"
	                "</emailProvider>\n</clientConfig>\n";
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(x, "s.xml", NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_OK, "schema errors are findings, the mapping goes on");
	cr_assert_eq(t_count(d, "schema"), 2);
	cr_assert_eq(t_find(d, "schema")->loc.line, 7);
	char *j = t_emit(p, "json");
	cr_assert(strstr(j, "\"host\": \"i.e.com\",\n          \"port\": null,\n          \"security\": null"), "%s", j);
	free(j);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* An account with neither provider id nor address (from JSON or a notice
 * without an address) must still give a schema-valid emailProvider@id. */
Test(autoconfig, emitted_id_is_always_present)
{
	const char *j = "{\"accounts\":[{\"incoming\":[{\"protocol\":\"imap\",\"host\":"
	                "\"imap.mail.example.net\",\"port\":993,\"security\":\"tls\",\"username\":\"%EMAILADDRESS%\",\"auth\":[\"password-cleartext\"]}],"
	                "\"outgoing\":[{\"protocol\":\"smtp\",\"host\":\"smtp.mail.example.net\","
	                "\"port\":465,\"security\":\"tls\",\"auth\":[\"none\"]}]}]}";
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(j, "a.json", "json", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	char *x = t_emit(p, "autoconfig");
	cr_assert(strstr(x, "<emailProvider id=\"mail.example.net\">"), "%s", x);
	mailprof_diags *d2;
	mailprof_profile *q = t_parse_str(x, "a.xml", NULL, &d2, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(t_count(d2, "schema"), 0, "read-back is schema-valid");
	free(x);
	mailprof_diags_free(d);
	mailprof_diags_free(d2);
	mailprof_profile_free(p);
	mailprof_profile_free(q);
}

Test(xml, entities_and_network_refused)
{
	const char *bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE clientConfig [\n<!ENTITY a \"aaaaaaaaaa\">\n"
	                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
	                   "<clientConfig><emailProvider id=\"x\"><displayName>&c;</displayName></emailProvider></clientConfig>\n";
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(bomb, "bomb.xml", "autoconfig", &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_SYNTAX);
	cr_assert_eq(t_count(d, "xml-entity"), 1);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE clientConfig [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
	                  "<clientConfig><emailProvider id=\"x\"><displayName>&x;</displayName></emailProvider></clientConfig>\n";
	p = t_parse_str(xxe, "xxe.xml", "autoconfig", &d, &st);
	cr_assert_neq(st, MAILPROF_OK);
	char *j = t_emit(p, "json");
	cr_assert_null(strstr(j, "root:"));
	free(j);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	p = t_parse_str("<clientConfig><emailProvider id=\"x\">\n<domain>x</domain>\n</clientConfig>", "bad.xml",
	                NULL, &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_SYNTAX);
	const mailprof_diag *g = t_find(d, "xml-syntax");
	cr_assert(g && g->loc.line == 3 && g->loc.column > 0);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* All ISPDB files parse, and autoconfig -> model -> autoconfig -> model is
 * the identity. The ISPDB copy of bench/corpus (MPL-2.0, origin in its
 * SOURCE.txt) is part of the repository: the test never skips. */
Test(autoconfig, ispdb_round_trip)
{
	const char *base = "bench/corpus/ispdb";
	DIR *dir = opendir(base);
	cr_assert(dir, "%s missing: run the tests from the top of the repository", base);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", base, e->d_name);
		mailprof_status st;
		mailprof_diags *d;
		mailprof_profile *a = t_parse(path, "autoconfig", &d, &st);
		cr_assert_eq(st, MAILPROF_OK, "%s does not parse", path);
		cr_assert_eq(t_count(d, "schema"), 0, "%s: schema finding: %s", path,
		             t_find(d, "schema") ? t_find(d, "schema")->message : "");
		mailprof_options o = {.include_secrets = 1};
		char *out;
		size_t len;
		cr_assert_eq(mailprof_emit(a, "autoconfig", &o, &out, &len, NULL), MAILPROF_OK);
		mailprof_diags *d2 = mailprof_diags_new();
		mailprof_profile *b = mailprof_profile_new();
		cr_assert_eq(mailprof_parse(b, out, len, "rt.xml", "autoconfig", NULL, d2), MAILPROF_OK);
		cr_assert_eq(t_count(d2, "schema"), 0, "%s: emitted file fails the schema", path);
		cr_assert(mailprof_profile_equal(a, b), "%s: round trip changed the model", path);
		free(out);
		mailprof_diags_free(d);
		mailprof_diags_free(d2);
		mailprof_profile_free(a);
		mailprof_profile_free(b);
		files++;
	}
	closedir(dir);
	cr_assert_eq(files, 163, "expected the 163 ISPDB files, found %d", files);
}

Test(model, copy_and_equal)
{
	mailprof_profile *a = t_parse("samples/ini/two-accounts.ini", NULL, NULL, NULL);
	mailprof_profile *b = t_parse("samples/ini/two-accounts.ini", NULL, NULL, NULL);
	mailprof_profile *c = t_parse("samples/ini/home-imap.ini", NULL, NULL, NULL);
	cr_assert(mailprof_profile_equal(a, b));
	cr_assert_not(mailprof_profile_equal(a, c));
	cr_assert_eq(mailprof_profile_account_count(a), 2);
	mailprof_profile_free(a);
	mailprof_profile_free(b);
	mailprof_profile_free(c);
}

Test(format, detection)
{
	cr_assert_str_eq(mailprof_format_detect("[account]\n", 10, "x.txt"), "ini");
	const char *x = "\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- c -->\n<clientConfig/>";
	cr_assert_str_eq(mailprof_format_detect(x, strlen(x), NULL), "autoconfig");
	cr_assert_str_eq(mailprof_format_detect("", 0, "a.ini"), "ini");
	cr_assert_null(mailprof_format_detect("hello", 5, "a.unknown"));
	cr_assert_str_eq(mailprof_format_lookup("thunderbird"), "autoconfig");
}

/* Arrays grown one element at a time keep every element across the
 * capacity steps (4, 8, 16, ...). */
Test(model, grow_keeps_elements)
{
	int *v = NULL;
	for (size_t n = 0; n < 1000; n++) {
		v = mp_xgrow(v, n, sizeof *v);
		v[n] = (int)n * 7;
	}
	for (size_t n = 0; n < 1000; n++)
		cr_assert_eq(v[n], (int)n * 7);
	free(v);
	mailprof_profile *p = mailprof_profile_new();
	for (int i = 0; i < 100; i++) {
		mp_account *a = mp_account_add(p);
		mp_str_set(&a->email, "a@b.example", NULL);
		for (int k = 0; k < 9; k++)
			mp_server_add(a, MP_PROTO_IMAP)->port.v = k;
	}
	cr_assert_eq(p->naccounts, 100);
	cr_assert_eq(p->accounts[99].nincoming, 9);
	cr_assert_eq(p->accounts[99].incoming[8].port.v, 8);
	cr_assert_str_eq(p->accounts[0].email.v, "a@b.example");
	mailprof_profile_free(p);
}
