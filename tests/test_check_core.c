/* The core rules (issue "Core pipeline"): each one fires on a small case and
 * stays quiet on its nearest miss. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* Arrays, not pointers: Criterion runs each case in another process. */
struct rcase {
	char rule[8];
	char in[400]; /* an INI profile */
	int hits;     /* expected count of findings of rule */
};

#define ACC "[account]\nemail = u@example.com\n"
#define IMAPS "[incoming]\nprotocol = imap\nhost = imap.example.com\nport = 993\nsecurity = tls\nauth = password-cleartext\n"
#define SUB "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\nauth = password-cleartext\n"

static struct rcase cases[] = {
	/* MP001: port 25 without auth; near miss: port 25 with auth (MP002 instead) */
	{"MP001", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 25\nsecurity = none\nauth = none\n", 1},
	{"MP001", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 25\n", 1},
	{"MP001", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 25\nsecurity = starttls\nauth = password-cleartext\n", 0},
	{"MP002", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 25\nsecurity = starttls\nauth = password-cleartext\n", 1},
	{"MP002", ACC IMAPS SUB, 0},
	/* MP003: password without TLS; near miss: same with STARTTLS */
	{"MP003", ACC "[incoming]\nprotocol = pop3\nhost = p.example.com\nport = 110\nsecurity = none\n" SUB, 1},
	{"MP003", ACC "[incoming]\nprotocol = pop3\nhost = p.example.com\nport = 110\nsecurity = starttls\n" SUB, 0},
	{"MP003", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 587\nauth = password-cleartext\n", 1},
	{"MP003", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 465\nauth = password-cleartext\n", 0},
	/* MP004: no TLS and no password (e.g. GSSAPI); near miss: with TLS */
	{"MP004", ACC "[incoming]\nhost = i.example.com\nport = 143\nsecurity = none\nauth = gssapi\n" SUB, 1},
	{"MP004", ACC "[incoming]\nhost = i.example.com\nport = 143\nsecurity = starttls\nauth = gssapi\n" SUB, 0},
	/* MP005: implicit-TLS port without TLS; near miss: 993 with tls */
	{"MP005", ACC "[incoming]\nhost = i.example.com\nport = 993\nsecurity = starttls\n" SUB, 1},
	{"MP005", ACC "[incoming]\nprotocol = pop3\nhost = p.example.com\nport = 995\nsecurity = none\n" SUB, 1},
	{"MP005", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 465\nsecurity = starttls\nauth = password-cleartext\n", 1},
	{"MP005", ACC IMAPS SUB, 0},
	/* MP006: STARTTLS port with implicit TLS (587 + tls is a warning) */
	{"MP006", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 587\nsecurity = tls\nauth = password-cleartext\n", 1},
	{"MP006", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 465\nsecurity = tls\nauth = password-cleartext\n", 0},
	/* MP008: protocol on another protocol's port */
	{"MP008", ACC "[incoming]\nprotocol = pop3\nhost = p.example.com\nport = 993\nsecurity = tls\n" SUB, 1},
	{"MP008", ACC "[incoming]\nprotocol = imap\nhost = p.example.com\nport = 110\nsecurity = starttls\n" SUB, 1},
	{"MP008", ACC "[incoming]\nprotocol = imap\nhost = p.example.com\nport = 995\nsecurity = tls\n" SUB, 1},
	{"MP008", ACC "[incoming]\nprotocol = pop3\nhost = p.example.com\nport = 995\nsecurity = tls\n" SUB, 0},
	/* MP010: port range */
	{"MP010", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 0\nauth = password-cleartext\nsecurity = tls\n", 1},
	{"MP010", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 65536\nauth = password-cleartext\nsecurity = tls\n", 1},
	{"MP010", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 65535\nauth = password-cleartext\nsecurity = tls\n", 0},
	/* MP020: host syntax */
	{"MP020", ACC IMAPS "[outgoing]\nhost = smtp example.com\nport = 587\n", 1},
	{"MP020", ACC IMAPS "[outgoing]\nhost = smtp..example.com\nport = 587\n", 1},
	{"MP020", ACC IMAPS "[outgoing]\nhost = -smtp.example.com\nport = 587\n", 1},
	{"MP020", ACC IMAPS "[outgoing]\nhost = smtp_1.example.com\nport = 587\n", 1},
	{"MP020", ACC IMAPS "[outgoing]\nhost = smtp.%EMAILDOMAIN%\nport = 587\n", 0},
	{"MP020", ACC IMAPS "[outgoing]\nhost = smtp-1.example.com.\nport = 587\n", 0},
	/* MP021: full-width characters (and not MP020 on top) */
	{"MP021", ACC IMAPS "[outgoing]\nhost = ｓｍｔｐ.example.com\nport = 587\n", 1},
	{"MP021", ACC IMAPS "[outgoing]\nhost = smtp。example.com\nport = 587\n", 1},
	{"MP020", ACC IMAPS "[outgoing]\nhost = ｓｍｔｐ.example.com\nport = 587\n", 0},
	{"MP021", ACC IMAPS "[outgoing]\nhost = smtp.example.com\nport = 587\n", 0},
	/* MP023: URL or address as host */
	{"MP023", ACC IMAPS "[outgoing]\nhost = https://mail.example.com/\nport = 587\n", 1},
	{"MP023", ACC IMAPS "[outgoing]\nhost = user@example.com\nport = 587\n", 1},
	{"MP023", ACC IMAPS "[outgoing]\nhost = webmail.example.com\nport = 587\n", 0},
	/* MP034: missing values */
	{"MP034", "[account]\ndisplay_name = x\n" IMAPS SUB, 1},
	{"MP034", ACC IMAPS, 1},
	{"MP034", ACC "[incoming]\nport = 993\n" SUB, 1},
	{"MP034", ACC IMAPS SUB, 0},
	/* MP041: submission without auth; port 25 is MP001's */
	{"MP041", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 587\nsecurity = starttls\n", 1},
	{"MP041", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 587\nsecurity = starttls\nauth = smtp-after-pop\n", 1},
	{"MP041", ACC IMAPS "[outgoing]\nhost = s.example.com\nport = 25\nsecurity = none\n", 0},
	{"MP041", ACC IMAPS SUB, 0},
};

ParameterizedTestParameters(core_rules, fire_and_miss)
{
	return cr_make_param_array(struct rcase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct rcase *c, core_rules, fire_and_miss)
{
	mailprof_diags *d = t_check_str(c->in, "ini");
	size_t n = t_count(d, c->rule);
	cr_expect_eq(n, (size_t)c->hits, "%s: expected %d finding(s), got %zu on:\n%s", c->rule, c->hits, n, c->in);
	mailprof_diags_free(d);
}

/* A clean, modern profile raises nothing at all. */
Test(core_rules, clean_profile_is_silent)
{
	mailprof_diags *d = t_check_str(ACC IMAPS SUB, "ini");
	cr_assert_eq(mailprof_diags_count(d), 0, "first: %s",
	             mailprof_diags_count(d) ? mailprof_diags_get(d, 0)->message : "");
	mailprof_diags_free(d);
}

Test(core_rules, table_is_complete)
{
	cr_assert_geq(mailprof_rule_count(), 13);
	for (size_t i = 0; i < mailprof_rule_count(); i++) {
		const mailprof_rule_info *r = mailprof_rule_get(i);
		cr_assert(r->id && r->name && r->summary && r->fix && r->doc, "rule %zu incomplete", i);
		cr_assert(strlen(r->doc) > 60, "%s: doc too short", r->id);
		cr_assert_eq(mailprof_rule_find(r->id), r);
		cr_assert_eq(mailprof_rule_find(r->name), r);
		for (size_t j = 0; j < i; j++) {
			cr_assert_str_neq(mailprof_rule_get(j)->id, r->id, "duplicate id");
			cr_assert_str_neq(mailprof_rule_get(j)->name, r->name, "duplicate name");
		}
	}
}
