/* The command line: exit codes, report shapes, atomic output. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static int run(const char *args, char **out, char **err)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s %s", t_mailprof(), args);
	return t_run(cmd, out, err);
}

Test(cli, exit_codes)
{
	char *out, *err;
	cr_assert_eq(run("check samples/ini/home-imap.ini", &out, &err), 0);
	free(out), free(err);
	cr_assert_eq(run("check samples/ini/port25.ini", &out, &err), 1);
	cr_assert(strstr(out, "samples/ini/port25.ini:17:8: error: "), "%s", out);
	cr_assert(strstr(out, "[MP001]"));
	cr_assert(strstr(out, "fix: use port 587"));
	free(out), free(err);
	/* info findings do not fail by default, but do with --fail-on info */
	cr_assert_eq(run("check samples/autoconfig/nili.ca.xml", &out, &err), 0);
	free(out), free(err);
	cr_assert_eq(run("check --fail-on info samples/autoconfig/nili.ca.xml", &out, &err), 1);
	free(out), free(err);
	cr_assert_eq(run("check --fail-on warning samples/autoconfig/charter.net.xml", &out, &err), 1);
	free(out), free(err);
	cr_assert_eq(run("check --fail-on bogus x", &out, &err), 2);
	cr_assert(strstr(err, "--fail-on"));
	free(out), free(err);
	cr_assert_eq(run("check /nonexistent/file.ini", &out, &err), 2);
	cr_assert(strstr(out, "/nonexistent/file.ini") || strstr(err, "/nonexistent/file.ini"));
	free(out), free(err);
	cr_assert_eq(run("frobnicate", &out, &err), 2);
	free(out), free(err);
	cr_assert_eq(run("convert samples/ini/home-imap.ini", &out, &err), 2, "--to is required");
	free(out), free(err);
	cr_assert_eq(run("--version", &out, &err), 0);
	cr_assert(strstr(out, "mailprof "));
	free(out), free(err);
}

Test(cli, unparseable_input_names_file_and_line)
{
	/* a path of this process's own: parallel `make check` runs share /tmp */
	char *out, *err, path[64], cmd[128], where[80];
	snprintf(path, sizeof path, "/tmp/mp-bad-%d.xml", (int)getpid());
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("<?xml version=\"1.0\"?>\n<clientConfig>\n<emailProvider id=\"x\">\n</clientConfig>\n", f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "convert --to json %s", path);
	cr_assert_eq(run(cmd, &out, &err), 2);
	snprintf(where, sizeof where, "%s:4:", path);
	cr_assert(strstr(err, where), "%s", err);
	free(out), free(err);
	unlink(path);
}

Test(cli, json_shapes)
{
	char *out, *err;
	cr_assert_eq(run("convert --to json samples/ini/home-imap.ini", &out, &err), 0);
	cr_assert(strstr(out, "{\n  \"accounts\": [\n    {\n      \"email\": \"taro.yamada@example.com\""));
	cr_assert(strstr(out, "\"incoming\": [\n        {\n          \"protocol\": \"imap\""));
	cr_assert(strstr(out, "\"outgoing\": [\n        {\n          \"protocol\": \"smtp\""));
	free(out), free(err);
	cr_assert_eq(run("check --format json samples/ini/port25.ini", &out, &err), 1);
	cr_assert(strstr(out, "{\"files\": [\n  {\"path\": \"samples/ini/port25.ini\""));
	cr_assert(strstr(out, "{\"rule\": \"MP001\", \"name\": \"smtp-port25-no-auth\", \"severity\": \"error\", "
	                      "\"line\": 17, \"column\": 8, \"message\": "), "%s", out);
	cr_assert(strstr(out, "\"fix\": \"use port 587"));
	free(out), free(err);
}

Test(cli, output_file_atomic_and_private)
{
	char *out, *err;
	/* paths of this process's own: parallel `make check` runs share /tmp */
	char ini[64], dst[64], cmd[256];
	snprintf(ini, sizeof ini, "/tmp/mp-secret-%d.ini", (int)getpid());
	snprintf(dst, sizeof dst, "/tmp/mp-secret-out-%d.ini", (int)getpid());
	FILE *f = fopen(ini, "w");
	fputs("[account]\nemail = a@example.com\n[incoming]\nprotocol = imap\nhost = i.example.com\npassword = pw\n", f);
	fclose(f);
	unlink(dst);
	snprintf(cmd, sizeof cmd, "convert --to ini --include-secrets -o %s %s", dst, ini);
	cr_assert_eq(run(cmd, &out, &err), 0);
	struct stat st;
	cr_assert_eq(stat(dst, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
	char *text = t_slurp(dst, NULL);
	cr_assert(strstr(text, "password = pw"));
	free(text);
	free(out), free(err);
	/* An existing output is replaced only with --force (as in a batch). */
	snprintf(cmd, sizeof cmd, "convert --to ini -o %s %s", dst, ini);
	cr_assert_eq(run(cmd, &out, &err), 2);
	cr_assert(strstr(err, "exists (use --force to replace it)"), "%s", err);
	free(out), free(err);
	snprintf(cmd, sizeof cmd, "convert --to ini --force -o %s %s", dst, ini);
	cr_assert_eq(run(cmd, &out, &err), 0);
	cr_assert_eq(stat(dst, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644);
	text = t_slurp(dst, NULL);
	cr_assert_null(strstr(text, "pw\n"), "no secret without --include-secrets");
	free(text);
	free(out), free(err);
	/* a folder that does not exist: error, and nothing half-written */
	snprintf(cmd, sizeof cmd, "convert --to ini -o /nonexistent-dir/x.ini %s", ini);
	cr_assert_eq(run(cmd, &out, &err), 2);
	free(out), free(err);
	unlink(ini);
	unlink(dst);
}

Test(cli, formats_and_rules_listed)
{
	char *out, *err;
	cr_assert_eq(run("formats", &out, &err), 0);
	cr_assert(strstr(out, "autoconfig   yes   yes"));
	cr_assert(strstr(out, "ini          yes   yes"));
	cr_assert(strstr(out, "json         yes   yes"));
	free(out), free(err);
	cr_assert_eq(run("rules", &out, &err), 0);
	cr_assert(strstr(out, "MP001"));
	free(out), free(err);
	cr_assert_eq(run("explain MP001", &out, &err), 0);
	cr_assert(strstr(out, "OP25B"));
	free(out), free(err);
	cr_assert_eq(run("explain NOPE", &out, &err), 2);
	free(out), free(err);
}

Test(cli, deterministic_output)
{
	char *a, *b, *e1, *e2;
	run("convert --to autoconfig samples/ini/two-accounts.ini", &a, &e1);
	run("convert --to autoconfig samples/ini/two-accounts.ini", &b, &e2);
	cr_assert_str_eq(a, b);
	cr_assert_str_eq(e1, e2);
	free(a), free(b), free(e1), free(e2);
}

/* Every finding line names a file: stdin is "<stdin>", never a bare "-". */
Test(cli, findings_always_name_a_file)
{
	char *out, *err;
	cr_assert_eq(run("check - < samples/ini/port25.ini", &out, &err), 1);
	cr_assert(strstr(out, "<stdin>:17:8: error: "), "%s", out);
	cr_assert_null(strstr(out, "\n-:"));
	cr_assert(strncmp(out, "-:", 2) != 0);
	free(out), free(err);
	cr_assert_eq(run("convert --to msmtp - < samples/ini/home-imap.ini", &out, &err), 0);
	cr_assert_null(strstr(err, "\n-:"), "%s", err);
	cr_assert(strncmp(err, "-:", 2) != 0, "%s", err);
	free(out), free(err);
}
