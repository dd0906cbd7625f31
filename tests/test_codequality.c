/* check --format codequality (GitLab Code Quality): the report validates
 * against the format's schema, and fingerprints are unique, the same run
 * after run, and unchanged when lines elsewhere in the files move. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

#define MAXF 64

struct finding {
	char fp[32], path[64];
	int line;
};

/* The findings of a report, in order (the fields as mailprof writes them). */
static size_t findings(const char *report, struct finding *f)
{
	size_t n = 0;
	for (const char *p = report; (p = strstr(p, "\"fingerprint\": \"")) && n < MAXF; n++) {
		p += strlen("\"fingerprint\": \"");
		cr_assert(sscanf(p, "%31[0-9a-f]\"", f[n].fp) == 1);
		const char *q = strstr(p, "\"path\": \"");
		cr_assert(q);
		cr_assert(sscanf(q, "\"path\": \"%63[^\"]\", \"lines\": {\"begin\": %d}", f[n].path, &f[n].line) == 2);
	}
	return n;
}

static void write_file(const char *path, const char *head, const char *body)
{
	FILE *f = fopen(path, "w");
	cr_assert(f, "%s", path);
	fputs(head, f);
	fputs(body, f);
	fclose(f);
}

static char *run_in(const char *dir, const char *args)
{
	char cmd[1024], *out = NULL, *mp = realpath(t_mailprof(), NULL);
	cr_assert(mp);
	/* From the folder, as in CI: paths relative to the top of the repository. */
	snprintf(cmd, sizeof cmd, "cd %s && %s check --no-config --format codequality %s", dir, mp, args);
	free(mp);
	cr_assert_eq(t_run(cmd, &out, NULL), 1, "%s", cmd);
	return out;
}

Test(codequality, validates_against_schema)
{
	char cmd[512], *out = NULL, path[64];
	snprintf(path, sizeof path, "/tmp/mp-cq-%d.json", (int)getpid());
	snprintf(cmd, sizeof cmd, "%s check --no-config --format codequality samples/ini/mistakes.ini "
	         "./samples/ini/port25.ini samples/autoconfig/nili.ca.xml samples/autodiscover/peterthomassen-stub.xml "
	         "> %s", t_mailprof(), path);
	cr_expect_eq(t_run(cmd, NULL, NULL), 2, "the stub cannot be read");
	snprintf(cmd, sizeof cmd, "python3 tests/data/sarif/validate.py "
	         "tests/data/codequality/codequality.schema.json %s", path);
	int rc = t_run(cmd, &out, NULL);
	if (rc == 77) {
		cr_log_warn("SKIPPED: python3-jsonschema is not installed; Code Quality schema validation not run");
		cr_skip_test("python3-jsonschema missing");
	}
	cr_expect_eq(rc, 0, "Code Quality report invalid: %s", out);
	free(out);
	char *s = t_slurp(path, NULL);
	cr_assert(s);
	cr_expect(strstr(s, "\"check_name\": \"MP021\", \"description\": \"host name 'ｐｏｐ．example.com' "
	                    "contains full-width characters\", \"severity\": \"critical\""), "%s", s);
	cr_expect(strstr(s, "\"location\": {\"path\": \"samples/ini/port25.ini\""), "no ./ in paths");
	cr_expect(strstr(s, "\"severity\": \"minor\""), "warnings");
	cr_expect(strstr(s, "\"severity\": \"info\""), "infos");
	cr_expect(strstr(s, "\"check_name\": \"autodiscover-empty\", \"description\": \"no <Response> in the "
	                    "Autodiscover document: it holds no settings\", \"severity\": \"blocker\""),
	          "an unreadable input is a blocker: %s", s);
	struct finding f[MAXF];
	size_t n = findings(s, f);
	cr_expect_gt(n, 10);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			cr_expect_str_neq(f[i].fp, f[j].fp, "GitLab keeps one issue per fingerprint: %s:%d and %s:%d",
			                  f[i].path, f[i].line, f[j].path, f[j].line);
	free(s);
	unlink(path);
	/* Nothing found: an empty array. */
	snprintf(cmd, sizeof cmd, "%s check --no-config --format codequality samples/autoconfig/biglobe.ne.jp.xml",
	         t_mailprof());
	cr_expect_eq(t_run(cmd, &out, NULL), 0);
	cr_expect_str_eq(out, "[]\n");
	free(out);
}

Test(codequality, fingerprints_stable_when_lines_move)
{
	char dir[64], a[96], b[96], c[96], d[96];
	snprintf(dir, sizeof dir, "/tmp/mp-cq-%d", (int)getpid());
	mkdir(dir, 0700);
	snprintf(a, sizeof a, "%s/a.ini", dir);
	snprintf(b, sizeof b, "%s/b.xml", dir);
	snprintf(c, sizeof c, "%s/c.ini", dir);
	snprintf(d, sizeof d, "%s/d.ini", dir);
	char *mistakes = t_slurp("samples/ini/mistakes.ini", NULL), *nili = t_slurp("samples/autoconfig/nili.ca.xml", NULL);
	char *home = t_slurp("samples/ini/home-imap.ini", NULL);
	cr_assert(mistakes && nili && home);
	char *decl_end = strchr(nili, '\n') + 1, decl[128];
	snprintf(decl, sizeof decl, "%.*s", (int)(decl_end - nili), nili);
	/* c.ini and d.ini hold the same account: d's MP039 names c.ini's line. */
	write_file(a, "", mistakes);
	write_file(b, "", nili);
	write_file(c, "", home);
	write_file(d, "", home);
	const char *args = "a.ini b.xml c.ini d.ini";
	char *r1 = run_in(dir, args), *r2 = run_in(dir, args);
	cr_expect_str_eq(r1, r2, "the same bytes run after run");
	cr_expect(strstr(r1, "is a duplicate of the one at c.ini:2"), "%s", r1);

	/* Lines added above every finding of a, b and c (not d). */
	write_file(a, "; moved\n; down\n; by three\n", mistakes);
	char moved[8192];
	snprintf(moved, sizeof moved, "%s<!-- one line more -->\n%s", decl, decl_end);
	write_file(b, "", moved);
	write_file(c, "; two lines\n; more\n", home);
	char *r3 = run_in(dir, args);
	cr_expect(strstr(r3, "is a duplicate of the one at c.ini:4"), "%s", r3);
	struct finding f1[MAXF], f3[MAXF];
	size_t n1 = findings(r1, f1), n3 = findings(r3, f3);
	cr_assert_eq(n1, n3);
	cr_assert_gt(n1, 15);
	size_t shifted = 0;
	for (size_t i = 0; i < n1; i++) {
		cr_expect_str_eq(f1[i].path, f3[i].path);
		cr_expect_str_eq(f1[i].fp, f3[i].fp, "%s:%d moved to line %d: fingerprint changed", f1[i].path,
		                 f1[i].line, f3[i].line);
		int by = strcmp(f1[i].path, "a.ini") == 0 ? 3 : strcmp(f1[i].path, "b.xml") == 0 ? 1
		         : strcmp(f1[i].path, "c.ini") == 0 ? 2 : 0;
		cr_expect_eq(f3[i].line, f1[i].line + by, "%s:%d", f1[i].path, f1[i].line);
		shifted += by > 0;
	}
	cr_expect_gt(shifted, 10);

	/* A change to what a finding is about does change it. */
	char *p25 = strstr(mistakes, "70000");
	cr_assert(p25);
	memcpy(p25, "70001", 5);
	write_file(a, "; moved\n; down\n; by three\n", mistakes);
	char *r4 = run_in(dir, args);
	cr_expect_str_neq(r3, r4);
	struct finding f4[MAXF];
	cr_assert_eq(findings(r4, f4), n3);
	size_t changed = 0;
	for (size_t i = 0; i < n3; i++)
		changed += strcmp(f3[i].fp, f4[i].fp) != 0;
	cr_expect_eq(changed, 1, "only the port-range finding names 70000");

	free(r1), free(r2), free(r3), free(r4);
	free(mistakes), free(nili), free(home);
	unlink(a), unlink(b), unlink(c), unlink(d);
	rmdir(dir);
}
