/* Hostile input (issue 17): values that try to inject, break or overflow a
 * written file, bytes no format can hold, oversized inputs, and the
 * property that every value the model can hold round-trips INI and JSON. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "model.h"

static const mailprof_options secrets = {.include_secrets = 1};

static size_t emitted_len;

static char *emit_opt(const mailprof_profile *p, const char *fmt, const mailprof_options *o,
                      mailprof_status *st, mailprof_diags *d)
{
	char *out = NULL;
	*st = mailprof_emit(p, fmt, o, &out, &emitted_len, d);
	return out;
}

static mailprof_profile *reread(const char *text, const char *fmt, mailprof_status *st,
                                mailprof_diags *d)
{
	mailprof_profile *q = mailprof_profile_new();
	*st = mailprof_parse(q, text, strlen(text), "back", fmt, &secrets, d);
	return q;
}

/* One account with every string field set to v. */
static mailprof_profile *with_value(const char *v)
{
	mailprof_profile *p = mailprof_profile_new();
	mp_account *a = mp_account_add(p);
	mp_str_set(&a->email, "a@example.com", NULL);
	mp_str_set(&a->display_name, v, NULL);
	mp_str_set(&a->provider_id, v, NULL);
	mp_str_set(&a->provider_name, v, NULL);
	mp_str_set(&a->provider_short_name, v, NULL);
	mp_domain_add(a, v, NULL);
	mp_domain_add(a, "example.com", NULL);
	mp_server *in = mp_server_add(a, MP_PROTO_IMAP);
	mp_str_set(&in->host, v, NULL);
	mp_str_set(&in->username, v, NULL);
	mp_str_set(&in->password, v, NULL);
	mp_server *out = mp_server_add(a, MP_PROTO_SMTP);
	mp_str_set(&out->host, "smtp.example.com", NULL);
	mp_str_set(&out->password, v, NULL);
	return p;
}

/* Round trip through fmt; every field must come back byte for byte. */
static void assert_round_trip(const char *v, const char *fmt)
{
	mailprof_profile *p = with_value(v);
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st;
	char *text = emit_opt(p, fmt, &secrets, &st, d);
	cr_assert_eq(st, MAILPROF_OK, "%s: emit failed for value [%s]", fmt, v);
	mailprof_profile *q = reread(text, fmt, &st, d);
	cr_assert_eq(st, MAILPROF_OK, "%s: re-read failed for [%s]:\n%s", fmt, v, text);
	cr_assert(mailprof_profile_equal(p, q), "%s: value [%s] changed:\n%s", fmt, v, text);
	const mp_account *a = &q->accounts[0];
	cr_assert_eq(q->naccounts, 1);
	cr_assert_eq(a->noutgoing, 1, "%s: a value made a server:\n%s", fmt, text);
	cr_assert_str_eq(a->incoming[0].password.v, v);
	cr_assert_str_eq(a->domains[0].v, v);
	cr_assert_eq(a->ndomains, 2);
	free(text);
	mailprof_profile_free(q);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(hostile, ini_injection_and_comment_and_length)
{
	/* The audit's three cases: a line break that starts a section, ` ;`
	 * that starts a comment, a value longer than inih's line. */
	assert_round_trip("Evil\n[outgoing]\nhost = evil.example.net", "ini");
	assert_round_trip("pa ;ss #x", "ini");
	char long_v[1200];
	for (size_t i = 0; i < sizeof long_v - 1; i++)
		long_v[i] = (char)('a' + i % 26);
	long_v[sizeof long_v - 1] = '\0';
	assert_round_trip(long_v, "ini");
	assert_round_trip("", "ini");
	assert_round_trip("\"quoted\"", "ini");
	assert_round_trip("  padded\t", "ini");
	assert_round_trip("back\\slash \\n not an escape", "ini");
}

Test(hostile, ini_quoted_form_is_what_docs_say)
{
	const char *text = "[account]\nemail = a@example.com\n"
	                   "display_name = \"Taro \\\"T\\\" \\; Yamada\\n\"   ; a comment\n"
	                   "provider_name = \"first \"\n  \"second\"\n"
	                   "[incoming]\nprotocol = imap\nhost = h.example.com\n";
	mailprof_status st;
	mailprof_diags *d;
	mailprof_profile *p = t_parse_str(text, "q.ini", "ini", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].display_name.v, "Taro \"T\" ; Yamada\n");
	cr_assert_str_eq(p->accounts[0].provider_name.v, "first second");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* Malformed quoting is an error at its line, never a guess. */
	static const char *const bad[] = {"display_name = \"open\n", "display_name = \"a\" b\n",
	                                  "display_name = \"\\q\"\n", "port = 1\n  \"x\"\n"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char buf[256];
		snprintf(buf, sizeof buf, "[account]\nemail = a@example.com\n[incoming]\n%s", bad[i]);
		p = t_parse_str(buf, "q.ini", "ini", &d, &st);
		cr_assert_neq(st, MAILPROF_OK, "accepted: %s", bad[i]);
		const mailprof_diag *g = t_find(d, "ini-syntax");
		cr_assert_not_null(g, "%s", bad[i]);
		cr_assert_geq(g->loc.line, 4);
		mailprof_profile_free(p);
		mailprof_diags_free(d);
	}
}

/* A small deterministic generator of hostile text. */
static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint32_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static void gen_value(char *buf, size_t cap)
{
	static const char *const piece[] = {
	    "\n", "\r", "\r\n", "\t", ";", " ;", "#", " #", "\"", "\\", "\\n", " ", "=", ":", "[outgoing]",
	    "host = evil", "\xe6\x97\xa5\xe6\x9c\xac", "\xc3\xa9", "\xf0\x9d\x84\x9e", "a", "b", "z",
	    "%EMAILADDRESS%", "<", "&", "'", "]]>", "{", "}", ",", "\xef\xbb\xbf", "\x7f"};
	size_t n = next() % 8 == 0 ? 40 + next() % 300 : next() % 12, len = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = piece[next() % (sizeof piece / sizeof *piece)];
		size_t k = strlen(s);
		if (len + k >= cap)
			break;
		memcpy(buf + len, s, k);
		len += k;
	}
	buf[len] = '\0';
}

Test(hostile, property_every_value_round_trips_ini_and_json)
{
	char v[4096];
	for (int i = 0; i < 1500; i++) {
		gen_value(v, sizeof v);
		assert_round_trip(v, "ini");
		assert_round_trip(v, "json");
	}
}

Test(hostile, readers_refuse_controls_bad_utf8_and_lone_surrogates)
{
	static const struct {
		const char *text, *fmt;
		int line;
	} cases[] = {
	    {"[account]\nemail = a@example.com\ndisplay_name = x\x01y\n", "ini", 3},
	    {"[account]\nemail = a@example.com\ndisplay_name = \"x\x1b[2J\"\n", "ini", 3},
	    {"[account]\nemail = a@example.com\n\ndisplay_name = \xff\xfe\n", "ini", 4},
	    {"[account]\nemail = a@example.com\ndisplay_name = \xed\xa0\x80\n", "ini", 3},
	    {"{\"accounts\": [\n{\"email\": \"a\\u0001b@example.com\"}]}", "json", 2},
	    {"{\"accounts\": [\n{\"email\": \"a\\ud800\"}]}", "json", 2},
	    {"{\"accounts\": [\n\n{\"email\": \"a\\udc00b\"}]}", "json", 3},
	    {"{\"accounts\": [\n{\"email\": \"a\xc0\xafx\"}]}", "json", 2},
	    {"{\"accounts\": [\n{\"email\": \"a\\bx\"}]}", "json", 2},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		mailprof_status st;
		mailprof_diags *d;
		mailprof_profile *p = t_parse_str(cases[i].text, "t.in", cases[i].fmt, &d, &st);
		cr_assert_neq(st, MAILPROF_OK, "case %zu accepted", i);
		cr_assert_eq(mailprof_diags_worst(d), MAILPROF_ERROR);
		const mailprof_diag *g = mailprof_diags_get(d, 0);
		cr_assert_eq(g->loc.line, cases[i].line, "case %zu: line %d", i, g->loc.line);
		mailprof_profile_free(p);
		mailprof_diags_free(d);
	}
}

/* Whatever the model holds (a library user may put anything in it), no
 * emitter writes it: not as raw bytes (line formats), not replaced (XML),
 * not in a form its reader would refuse (INI, JSON). */
Test(hostile, emitters_never_write_what_their_format_cannot_hold)
{
	mailprof_profile *p = with_value("ctl\x01\x1b[2J bad\xff utf8 \xed\xa0\x80 nonchar \xef\xbf\xbf");
	size_t tried = 0;
	const char *name;
	for (size_t i = 0; (name = mailprof_format_name(i)); i++) {
		if (!(mailprof_format_caps(name) & MAILPROF_CAN_EMIT) || strcmp(name, "notice") == 0)
			continue;
		mailprof_diags *d = mailprof_diags_new();
		mailprof_status st;
		char *out = emit_opt(p, name, &secrets, &st, d);
		cr_assert_eq(st, MAILPROF_ERR_INVALID, "%s wrote:\n%s", name, out ? out : "");
		cr_assert_null(out);
		const char *id = strcmp(name, "ini") == 0    ? "ini-unwritable"
		                 : strcmp(name, "json") == 0 ? "json-unwritable"
		                                             : "unwritable";
		cr_assert_not_null(t_find(d, id), "%s", name);
		mailprof_diags_free(d);
		tried++;
	}
	cr_assert_geq(tried, 12);
	mailprof_profile_free(p);
}

Test(hostile, findings_never_carry_raw_control_bytes)
{
	mailprof_diags *d =
	    t_check_str("[account]\nemail = a@example.com\n\x1b]0;x\x07\x1b[2J\xff = 1\n", "ini");
	const mailprof_diag *g = t_find(d, "ini-unknown-key");
	cr_assert_not_null(g);
	for (const char *c = g->message; *c; c++)
		cr_assert((unsigned char)*c >= 0x20 && *c != 0x7f && (unsigned char)*c != 0xff, "%s",
		          g->message);
	cr_assert(strstr(g->message, "\\x1B]0;x\\x07\\x1B[2J\\xFF"), "%s", g->message);
	mailprof_diags_free(d);
}

Test(hostile, libxml2_byte_dumps_are_masked)
{
	/* Latin-1 bytes in a UTF-8 document, inside a password. */
	const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">"
	                  "<emailProvider id=\"x\"><incomingServer type=\"imap\"><hostname>h</hostname>"
	                  "<password>\xff\x5a\x51\x39</password></incomingServer></emailProvider>"
	                  "</clientConfig>\n";
	mailprof_status st;
	mailprof_diags *d;
	mailprof_profile *p = t_parse_str(xml, "enc.xml", "autoconfig", &d, &st);
	cr_assert_neq(st, MAILPROF_OK);
	cr_assert_gt(mailprof_diags_count(d), 0);
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const char *m = mailprof_diags_get(d, i)->message;
		cr_assert_null(strstr(m, "Bytes"), "%s", m);
		cr_assert_null(strstr(m, "0xFF"), "%s", m);
		cr_assert_null(strstr(m, "0x5A"), "%s", m);
	}
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(hostile, input_size_limit_checked_while_reading)
{
	mailprof_options o = {.max_input = 1 << 20};
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	/* /dev/zero never ends: only a limit checked while reading stops it. */
	cr_assert_eq(mailprof_parse_file(p, "/dev/zero", NULL, &o, d), MAILPROF_ERR_IO);
	cr_assert_not_null(t_find(d, "input-too-large"));
	mailprof_diags_free(d);
	/* The same limit for a buffer handed in. */
	d = mailprof_diags_new();
	o.max_input = 10;
	cr_assert_eq(mailprof_parse(p, "[account]\nemail = a@example.com\n", 32, "b.ini", "ini", &o, d),
	             MAILPROF_ERR_IO);
	cr_assert_not_null(t_find(d, "input-too-large"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(hostile, config_lookup_stops_at_repository_root_and_skips_fifos)
{
	char dir[] = "/tmp/mp-cfg-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char path[512];
	snprintf(path, sizeof path, "%s/.mailprof.ini", dir);
	FILE *f = fopen(path, "w");
	fputs("fail-on = info\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/repo/sub", dir);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "mkdir -p %s/repo/sub %s/repo/.git && mkfifo %s/repo/sub/.mailprof.ini",
	         dir, dir, dir);
	cr_assert_eq(system(cmd), 0);
	/* The FIFO is not opened (that would hang), and the search ends at the
	 * repository's root: the file above it is not found. */
	cr_assert_null(mailprof_check_config_find(path));
	snprintf(cmd, sizeof cmd, "rmdir %s/repo/.git", dir);
	cr_assert_eq(system(cmd), 0);
	char *found = mailprof_check_config_find(path);
	cr_assert_not_null(found);
	cr_assert(strstr(found, dir) && !strstr(found, "/sub/"), "%s", found);
	free(found);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(hostile, empty_baseline)
{
	char path[] = "/tmp/mp-base-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	mailprof_check_config *c = mailprof_check_config_new();
	mailprof_diags *d = mailprof_diags_new();
	cr_assert_eq(mailprof_check_config_load_baseline(c, path, d), MAILPROF_OK);
	mailprof_status st;
	mailprof_profile *p = t_parse_str("[account]\nemail = a@example.com\n", "e.ini", "ini", NULL, &st);
	cr_assert_eq(mailprof_check_with(p, c, d), MAILPROF_OK);
	cr_assert_gt(mailprof_diags_count(d), 0);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	mailprof_check_config_free(c);
	unlink(path);
}

/* ---- the command ---- */

static int run(const char *args, char **out, char **err)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s %s", t_mailprof(), args);
	return t_run(cmd, out, err);
}

static char *scratch_dir(void)
{
	static char dir[64];
	strcpy(dir, "/tmp/mp-hostile-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	return dir;
}

static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

static void rm_rf(const char *dir)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(hostile_cli, dev_zero_and_oversized_stdin_stop_with_a_message)
{
	char *out, *err;
	cr_assert_eq(run("check /dev/zero", &out, &err), 2);
	cr_assert(strstr(out, "input-too-large") || strstr(err, "input-too-large"), "%s%s", out, err);
	free(out), free(err);
	cr_assert_eq(t_run("head -c 9000000 /dev/zero | tr '\\0' a | NO_COLOR=1 ${MAILPROF:-build/mailprof} "
	                   "check -",
	                   &out, &err),
	             2);
	cr_assert(strstr(out, "input larger than the limit"), "%s", out);
	free(out), free(err);
	/* Raised, the same input is read (and found not to be a profile). */
	cr_assert_eq(t_run("head -c 9000000 /dev/zero | tr '\\0' a | NO_COLOR=1 ${MAILPROF:-build/mailprof} "
	                   "check --max-input-size 16M -",
	                   &out, &err),
	             2);
	cr_assert_null(strstr(out, "input-too-large"), "%s", out);
	cr_assert(strstr(out, "unknown-format"), "%s", out);
	free(out), free(err);
	cr_assert_eq(run("check --max-input-size lots samples/ini/home-imap.ini", &out, &err), 2);
	cr_assert(strstr(err, "--max-input-size"));
	free(out), free(err);
}

/* check --fix -o follows convert's rule: an existing file only with --force. */
Test(hostile_cli, check_fix_never_overwrites_without_force)
{
	char *dir = scratch_dir(), cmd[1024], *out, *err, path[512];
	put(dir, "old.ini", "keep me\n");
	snprintf(cmd, sizeof cmd, "check --no-config --fix -o %s/old.ini samples/ini/port25.ini", dir);
	cr_assert_eq(run(cmd, &out, &err), 2);
	cr_assert(strstr(err, "exists (use --force to replace it)"), "%s", err);
	free(out), free(err);
	snprintf(path, sizeof path, "%s/old.ini", dir);
	char *text = t_slurp(path, NULL);
	cr_assert_str_eq(text, "keep me\n");
	free(text);
	snprintf(cmd, sizeof cmd, "check --no-config --fix --force -o %s/old.ini samples/ini/port25.ini", dir);
	cr_assert_neq(run(cmd, &out, &err), 2, "%s", err);
	free(out), free(err);
	text = t_slurp(path, NULL);
	cr_assert(strstr(text, "port = 587"), "%s", text);
	free(text);
	rm_rf(dir);
}

Test(hostile_cli, convert_never_overwrites_without_force_nor_onto_its_input)
{
	char *dir = scratch_dir(), cmd[1024], *out, *err;
	put(dir, "x.ini", "[account]\nemail = a@example.com\n[incoming]\nprotocol = imap\n"
	                  "host = i.example.com\npassword = secret\n");
	snprintf(cmd, sizeof cmd, "convert --to ini -o %s/x.ini %s/x.ini", dir, dir);
	cr_assert_eq(run(cmd, &out, &err), 2);
	cr_assert(strstr(err, "is the input"), "%s", err);
	free(out), free(err);
	snprintf(cmd, sizeof cmd, "convert --to ini --force -o %s/x.ini %s/x.ini", dir, dir);
	cr_assert_eq(run(cmd, &out, &err), 2, "--force does not make the input writable");
	free(out), free(err);
	/* A hard link is the same file under another name. */
	snprintf(cmd, sizeof cmd, "ln %s/x.ini %s/link.ini", dir, dir);
	cr_assert_eq(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "convert --to ini --force -o %s/link.ini %s/x.ini", dir, dir);
	cr_assert_eq(run(cmd, &out, &err), 2);
	free(out), free(err);
	char path[512];
	snprintf(path, sizeof path, "%s/x.ini", dir);
	char *text = t_slurp(path, NULL);
	cr_assert(strstr(text, "password = secret"), "the input was changed:\n%s", text);
	free(text);
	put(dir, "old.json", "keep me\n");
	snprintf(cmd, sizeof cmd, "convert --to json -o %s/old.json %s/x.ini", dir, dir);
	cr_assert_eq(run(cmd, &out, &err), 2);
	cr_assert(strstr(err, "exists (use --force to replace it)"), "%s", err);
	free(out), free(err);
	snprintf(path, sizeof path, "%s/old.json", dir);
	text = t_slurp(path, NULL);
	cr_assert_str_eq(text, "keep me\n");
	free(text);
	snprintf(cmd, sizeof cmd, "convert --to json --force -o %s/old.json %s/x.ini", dir, dir);
	cr_assert_eq(run(cmd, &out, &err), 0);
	free(out), free(err);
	/* A batch into the folder it reads, with --force: not onto the inputs. */
	snprintf(cmd, sizeof cmd, "convert --to ini --force -o %s %s/x.ini %s/old.json", dir, dir, dir);
	cr_assert_eq(run(cmd, &out, &err), 2);
	cr_assert(strstr(err, "is the input"), "%s", err);
	free(out), free(err);
	snprintf(path, sizeof path, "%s/x.ini", dir);
	text = t_slurp(path, NULL);
	cr_assert(strstr(text, "password = secret"), "the input was changed:\n%s", text);
	free(text);
	rm_rf(dir);
}

Test(hostile_cli, reports_are_valid_and_terminals_safe_whatever_the_bytes)
{
	char *dir = scratch_dir(), cmd[1024], *out, *err;
	/* A file name and a key holding terminal escapes and bytes that are not
	 * UTF-8. */
	put(dir, "esc\x1b[31m\xff.ini", "[account]\nemail = a@example.com\n\x1b]0;x\x07\x1b[2J\xfe = 1\n");
	snprintf(cmd, sizeof cmd, "check %s", dir);
	cr_assert_eq(run(cmd, &out, &err), 1);
	cr_assert_null(strchr(out, '\x1b'), "%s", out);
	cr_assert_null(strchr(err, '\x1b'), "%s", err);
	cr_assert(strstr(out, "esc\\x1B[31m\\xFF.ini:3:1: warning: unknown key `\\x1B]0;x\\x07\\x1B[2J\\xFE`"),
	          "%s", out);
	free(out), free(err);
	static const char *const json_like[] = {"json", "sarif"};
	for (int i = 0; i < 2; i++) {
		snprintf(cmd, sizeof cmd,
		         "%s check --format %s %s | python3 -c 'import json,sys; "
		         "json.loads(sys.stdin.buffer.read().decode(\"utf-8\"))'",
		         t_mailprof(), json_like[i], dir);
		cr_assert_eq(t_run(cmd, &out, &err), 0, "%s: %s", json_like[i], err);
		free(out), free(err);
	}
	snprintf(cmd, sizeof cmd, "%s check --format junit %s | xmllint --noout -", t_mailprof(), dir);
	cr_assert_eq(t_run(cmd, &out, &err), 0, "junit: %s", err);
	free(out), free(err);
	snprintf(cmd, sizeof cmd, "check --format github %s", dir);
	run(cmd, &out, &err);
	cr_assert_null(strchr(out, '\x1b'), "%s", out);
	free(out), free(err);
	rm_rf(dir);
}

Test(hostile_cli, failed_writes_exit_2)
{
	char *out, *err;
	cr_assert_eq(t_run("${MAILPROF:-build/mailprof} check --format sarif samples/ini/port25.ini > /dev/full",
	                   &out, &err),
	             2);
	cr_assert(strstr(err, "cannot write the output"), "%s", err);
	free(out), free(err);
	cr_assert_eq(t_run("${MAILPROF:-build/mailprof} check samples/ini/port25.ini > /dev/full", &out, &err),
	             2);
	free(out), free(err);
	cr_assert_eq(t_run("${MAILPROF:-build/mailprof} convert --to json samples/ini/home-imap.ini > /dev/full",
	                   &out, &err),
	             2);
	cr_assert(strstr(err, "No space left"), "%s", err);
	free(out), free(err);
	cr_assert_eq(t_run("${MAILPROF:-build/mailprof} rules > /dev/full", &out, &err), 2);
	free(out), free(err);
}

Test(hostile_cli, folder_runs_skip_links_unless_asked_and_hidden_temp_files)
{
	char *dir = scratch_dir(), cmd[1024], *out, *err;
	char outside[64];
	strcpy(outside, "/tmp/mp-outside-XXXXXX");
	cr_assert_not_null(mkdtemp(outside));
	put(outside, "secret.ini", "[account]\nemail = outside@example.com\n[outgoing]\nhost = s.example.com\n"
	                           "port = 25\n");
	put(dir, "in.ini", "[account]\nemail = in@example.com\n");
	/* What a killed batch leaves: a hidden temp file. */
	put(dir, ".in.ini.mailprof-AbC123", "[account]\nemail = temp@example.com\n");
	snprintf(cmd, sizeof cmd, "ln -s %s/secret.ini %s/link.ini", outside, dir);
	cr_assert_eq(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "check --format json %s", dir);
	run(cmd, &out, &err);
	cr_assert_null(strstr(out, "link.ini"), "%s", out);
	cr_assert_null(strstr(out, "mailprof-AbC123"), "%s", out);
	cr_assert(strstr(err, "link.ini: skipped: symbolic link"), "%s", err);
	free(out), free(err);
	snprintf(cmd, sizeof cmd, "check --follow-symlinks --format json %s", dir);
	run(cmd, &out, &err);
	cr_assert(strstr(out, "link.ini"), "%s", out);
	free(out), free(err);
	rm_rf(dir);
	rm_rf(outside);
}

/* 80,000 stacked markers (the audit's case): every one silences the next
 * value line, and findings are matched to them by index, not by a scan of
 * every marker per finding (bench/bench.sh times it against half as many). */
Test(hostile, stacked_suppression_markers, .timeout = 120)
{
	mp_buf b = {0};
	mp_buf_puts(&b, "[account]\nemail = a@example.com\n[outgoing]\nhost = smtp.example.com\n");
	for (int i = 0; i < 80000; i++)
		mp_buf_puts(&b, "; mailprof-disable MP001\n");
	mp_buf_puts(&b, "port = 25\n; mailprof-disable-file MP034: no incoming server here\n");
	mailprof_status st;
	mailprof_diags *d;
	mailprof_profile *p = t_parse_str(b.s, "many.ini", "ini", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->nsupp, 80001);
	cr_assert_eq(p->supp[0].target, 80005, "the first marker silences the port line");
	cr_assert_eq(p->supp[79999].target, 80005);
	cr_assert_eq(p->supp[80000].target, 0);
	mailprof_check_with(p, NULL, d);
	cr_assert_eq(t_count(d, "MP001"), 0, "port 25 is suppressed");
	cr_assert_eq(t_count(d, "MP034"), 0, "whole-file suppression");
	cr_assert_eq(t_count(d, "MP045"), 80000, "each marker without a reason is reported");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	mp_buf_free(&b);
}
