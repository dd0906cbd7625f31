/* The shape issue 11 promised: every finding ID is documented (a rule or a
 * code of codes.def), and the layering holds (tools/layers.py). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "helpers.h"

Test(arch, codes_are_documented_and_distinct)
{
	cr_assert_geq(mailprof_code_count(), 50);
	for (size_t i = 0; i < mailprof_code_count(); i++) {
		const mailprof_rule_info *c = mailprof_code_get(i);
		cr_assert(c->summary && *c->summary && c->fix && *c->fix && c->doc && *c->doc, "%s", c->id);
		cr_expect_eq(mailprof_rule_find(c->id), c, "%s found", c->id);
		if (i)
			cr_expect_lt(strcmp(mailprof_code_get(i - 1)->id, c->id), 0, "codes.def sorted at %s", c->id);
		for (size_t r = 0; r < mailprof_rule_count(); r++) {
			const mailprof_rule_info *ri = mailprof_rule_get(r);
			cr_expect(strcasecmp(ri->id, c->id) && strcasecmp(ri->name, c->id), "%s is a rule too",
			          c->id);
		}
	}
	cr_expect_null(mailprof_code_get(mailprof_code_count()));
}

static size_t undocumented(const mailprof_diags *d, const char *path)
{
	size_t n = 0;
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (!mailprof_rule_find(g->id)) {
			cr_log_error("%s: finding ID '%s' is neither a rule nor a code", path, g->id);
			n++;
		}
	}
	return n;
}

/* Every sample read, checked, fixed and written in every format: each
 * finding's ID is answered by `mailprof explain` (mailprof_rule_find). */
Test(arch, every_finding_id_is_explained, .timeout = 120)
{
	size_t files = 0, bad = 0;
	DIR *top = opendir("samples");
	cr_assert(top);
	for (struct dirent *e; (e = readdir(top));) {
		if (e->d_name[0] == '.')
			continue;
		char dir[512];
		snprintf(dir, sizeof dir, "samples/%s", e->d_name);
		DIR *sub = opendir(dir);
		if (!sub)
			continue;
		for (struct dirent *f; (f = readdir(sub));) {
			char path[1024];
			struct stat st;
			snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
			if (f->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
				continue;
			mailprof_diags *d;
			mailprof_status s;
			mailprof_profile *p = t_parse(path, NULL, &d, &s);
			if (s == MAILPROF_OK) {
				mailprof_check(p, d);
				mailprof_fix(p, d);
				for (size_t k = 0; mailprof_format_name(k); k++) {
					const char *fmt = mailprof_format_name(k);
					if (!(mailprof_format_caps(fmt) & MAILPROF_CAN_EMIT))
						continue;
					char *out = NULL;
					size_t len;
					mailprof_emit(p, fmt, NULL, &out, &len, d);
					free(out);
				}
			}
			bad += undocumented(d, path);
			files++;
			mailprof_diags_free(d);
			mailprof_profile_free(p);
		}
		closedir(sub);
	}
	closedir(top);
	cr_expect_gt(files, 50);
	cr_expect_eq(bad, 0);
}

/* tools/layers.py: no checker header in the read/write stage, the command on
 * the public API only, no back-edge, no include cycle. */
Test(arch, layering_holds)
{
	char *out = NULL, *err = NULL;
	int rc = t_run("python3 tools/layers.py", &out, &err);
	cr_expect_eq(rc, 0, "%s%s", out ? out : "", err ? err : "");
	free(out);
	free(err);
}

/* A profile built through the public API, without text: checked, written,
 * read back; and the locations of a parsed one. */
Test(arch, model_built_and_read_through_public_api)
{
	mailprof_profile *p = mailprof_profile_new();
	mailprof_account *a = mailprof_profile_add_account(p);
	mailprof_account_set(a, MAILPROF_ACCOUNT_ADDRESS, "user@example.com");
	mailprof_server *in = mailprof_account_add_server(a, MAILPROF_IMAP);
	mailprof_server_set(in, MAILPROF_SERVER_HOST, "imap.example.com");
	cr_assert_eq(mailprof_server_set_port(in, 993), 0);
	cr_assert_eq(mailprof_server_set_security(in, MAILPROF_SECURITY_TLS), 0);
	cr_assert_eq(mailprof_server_add_auth(in, MAILPROF_AUTH_PASSWORD_CLEARTEXT), 0);
	mailprof_server *out = mailprof_account_add_server(a, MAILPROF_SMTP);
	mailprof_server_set(out, MAILPROF_SERVER_HOST, "smtp.example.com");
	cr_assert_eq(mailprof_server_set_port(out, 25), 0);
	cr_expect_eq(mailprof_server_set_port(out, 70000), -1);
	cr_expect_null(mailprof_account_add_server(a, (mailprof_protocol)9));

	mailprof_diags *d = mailprof_diags_new();
	mailprof_check(p, d);
	cr_expect_eq(t_count(d, "MP001"), 1, "SMTP on 25 without authentication");
	char *json = t_emit(p, "json");
	cr_assert(json);
	mailprof_diags *d2;
	mailprof_status st;
	mailprof_profile *q = t_parse_str(json, "built.json", "json", &d2, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_expect(mailprof_profile_equal(p, q));

	/* Read back, with where each value came from. */
	const mailprof_account *b = mailprof_profile_account(q, 0);
	cr_assert(b);
	cr_expect_null(mailprof_profile_account(q, 1));
	mailprof_loc at;
	cr_expect_str_eq(mailprof_account_get(b, MAILPROF_ACCOUNT_ADDRESS, &at), "user@example.com");
	cr_expect_str_eq(at.file, "built.json");
	cr_expect_gt(at.line, 1);
	cr_assert_eq(mailprof_account_incoming_count(b), 1);
	const mailprof_server *s = mailprof_account_incoming(b, 0);
	cr_expect_eq(mailprof_server_protocol(s), MAILPROF_IMAP);
	cr_expect_str_eq(mailprof_server_get(s, MAILPROF_SERVER_HOST, NULL), "imap.example.com");
	cr_expect_eq(mailprof_server_port(s, &at), 993);
	cr_expect_gt(at.line, 1);
	cr_expect_eq(mailprof_server_security(s, NULL), MAILPROF_SECURITY_TLS);
	cr_expect_str_eq(mailprof_security_name(MAILPROF_SECURITY_TLS), "tls");
	cr_assert_eq(mailprof_server_auth_count(s), 1);
	cr_expect_str_eq(mailprof_auth_name(mailprof_server_auth(s, 0)), "password-cleartext");
	cr_expect_null(mailprof_server_get(s, MAILPROF_SERVER_USERNAME, &at));
	cr_expect_null(at.file);
	cr_assert_eq(mailprof_account_outgoing_count(b), 1);
	cr_expect_eq(mailprof_server_security(mailprof_account_outgoing(b, 0), NULL), -1, "unset");
	cr_expect_str_eq(mailprof_protocol_name(mailprof_server_protocol(mailprof_account_outgoing(b, 0))),
	                 "smtp");
	free(json);
	mailprof_diags_free(d);
	mailprof_diags_free(d2);
	mailprof_profile_free(p);
	mailprof_profile_free(q);
}

/* .mailprof.ini is read with inih, in the INI profiles' dialect: the example
 * of docs/ci.md, with its trailing `; comments`, is valid as written. */
Test(arch, mailprof_ini_example_of_the_docs)
{
	const char *ini = "fail-on = warning            ; error | warning | info\n\n[rules]\n"
	                  "MP007 = off                  ; ID or name; off | on | error | warning | info\n"
	                  "host-role-mismatch = info\n\n[hosting]\n"
	                  "trusted = gmoserver.jp, sakura.ne.jp   ; hosting domains MP026 accepts\n";
	mailprof_check_config *c = mailprof_check_config_new();
	mailprof_diags *e = mailprof_diags_new();
	cr_expect_eq(mailprof_check_config_parse(c, ini, strlen(ini), ".mailprof.ini", e), MAILPROF_OK);
	cr_expect_eq(mailprof_diags_count(e), 0);
	cr_expect_eq(mailprof_check_config_fail_on(c), MAILPROF_WARNING);
	/* Line numbers survive inih: the bad key is on line 3. */
	const char *bad = "[rules]\n; comment\nnosuch = off\n";
	cr_expect_eq(mailprof_check_config_parse(c, bad, strlen(bad), "bad.ini", e), MAILPROF_ERR_SYNTAX);
	cr_assert_eq(mailprof_diags_count(e), 1);
	cr_expect_eq(mailprof_diags_get(e, 0)->loc.line, 3);
	mailprof_diags_free(e);
	mailprof_check_config_free(c);
}
