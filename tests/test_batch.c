/* Batch runs: folders, per-file isolation, -j independence, atomic outputs. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static char dir[64];

/* A folder with a bad file in the middle (sorted order: a, b/bad, c, d):
 *   a.xml      good autoconfig        b/bad.xml  truncated XML
 *   c.ini      good INI, a password   d/notes.md not a profile (skipped)
 *   .hidden.ini hidden: not an input */
static void make_tree(void)
{
	strcpy(dir, "/tmp/mp-batch-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
	         "set -e; cd %s; mkdir -p in/b in/d; cp %s/samples/autoconfig/gmx.net.xml in/a.xml;"
	         "printf '<?xml version=\"1.0\"?>\\n<clientConfig version=\"1.1\">\\n<emailProvider id=\"x\">\\n<incomingServer' > in/b/bad.xml;"
	         "{ cat %s/samples/ini/home-imap.ini; } | sed 's/^username = taro.yamada@example.com$/&\\npassword = hunter2/' > in/c.ini;"
	         "echo '# notes, not a profile' > in/d/notes.md; cp in/c.ini in/.hidden.ini",
	         dir, getcwd((char[512]){0}, 512), getcwd((char[512]){0}, 512));
	cr_assert_eq(t_run(cmd, NULL, NULL), 0);
}

static void rm_tree(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	t_run(cmd, NULL, NULL);
}

/* fmt is a literal using the CLI, args and the test folder by position. */
static int run(char **out, char **err, const char *fmt, const char *args)
{
	char cmd[2048];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(cmd, sizeof cmd, fmt, t_mailprof(), args, dir);
#pragma GCC diagnostic pop
	return t_run(cmd, out, err);
}

TestSuite(batch, .init = make_tree, .fini = rm_tree);

Test(batch, bad_file_in_the_middle_does_not_stop_the_rest)
{
	char *out, *err;
	int rc = run(&out, &err, "%s check -j2 %s %s/in", "");
	cr_expect_eq(rc, 2, "a failed file gives exit 2, got %d", rc);
	/* The files after the bad one were checked: c.ini's findings are there,
	 * after the bad file's syntax error. */
	char *bad = strstr(out, "b/bad.xml:");
	char *after = strstr(out, "c.ini:");
	cr_expect(bad && after && bad < after, "stdout:\n%s", out);
	cr_expect(strstr(err, "b/bad.xml: ") != NULL, "stderr:\n%s", err);
	cr_expect(strstr(err, "d/notes.md: skipped") != NULL, "stderr:\n%s", err);
	cr_expect(strstr(err, ".hidden") == NULL && strstr(out, ".hidden") == NULL);
	cr_expect(strstr(err, "mailprof: 3 files, 2 accounts,") != NULL, "stderr:\n%s", err);
	cr_expect(strstr(err, ", 1 failed, 1 skipped\n") != NULL, "stderr:\n%s", err);
	free(out), free(err);

	rc = run(&out, &err, "%s convert --to json -j2 %s -o %3$s/out %3$s/in", "");
	cr_expect_eq(rc, 2, "stderr:\n%s", err);
	char p[128];
	snprintf(p, sizeof p, "%s/out/a.json", dir);
	cr_expect_eq(access(p, F_OK), 0, "a.json written");
	snprintf(p, sizeof p, "%s/out/c.json", dir);
	cr_expect_eq(access(p, F_OK), 0, "c.json written after the bad file");
	snprintf(p, sizeof p, "%s/out/b/bad.json", dir);
	cr_expect_neq(access(p, F_OK), 0, "nothing for the bad file");
	free(out), free(err);
}

Test(batch, output_order_and_bytes_do_not_depend_on_jobs)
{
	const char *variants[] = {"", "--format json", "--format sarif", "--format junit"};
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		char *o1, *e1, *o4, *e4;
		int r1 = run(&o1, &e1, "%s check -j1 %s %s/in", variants[i]);
		int r4 = run(&o4, &e4, "%s check -j4 %s %s/in", variants[i]);
		cr_expect_eq(r1, r4);
		cr_expect_str_eq(o1, o4, "stdout differs for '%s'", variants[i]);
		cr_expect_str_eq(e1, e4, "stderr differs for '%s'", variants[i]);
		free(o1), free(e1), free(o4), free(e4);
	}
	char *o, *e;
	run(&o, &e, "%s convert --to autoconfig -j1 %s -o %3$s/o1 %3$s/in", "");
	free(o), free(e);
	run(&o, &e, "%s convert --to autoconfig -j4 %s -o %3$s/o4 %3$s/in", "");
	free(o), free(e);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "diff -r %s/o1 %s/o4 && test -f %s/o1/c.xml", dir, dir, dir);
	cr_expect_eq(t_run(cmd, &o, NULL), 0, "outputs differ:\n%s", o);
	free(o);
}

Test(batch, unwritable_output_folder_fails_every_file_cleanly)
{
	/* Tests run as root, where a chmod'ed folder still takes writes: put the
	 * output folder under a regular file instead, which fails (ENOTDIR) for
	 * everyone. */
	char *out, *err;
	int rc = run(&out, &err, "%s convert --to json %s -o %3$s/in/a.xml/out %3$s/in", "");
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "a.xml/out/a.json: Not a directory") != NULL, "stderr:\n%s", err);
	cr_expect(strstr(err, "a.xml/out/c.json: Not a directory") != NULL, "stderr:\n%s", err);
	cr_expect(strstr(err, ", 3 failed, 1 skipped") != NULL, "stderr:\n%s", err);
	free(out), free(err);
	/* And a folder that cannot hold a new file (a full disk behaves alike):
	 * /proc refuses creation even for root. Nothing half-written is left. */
	rc = t_run("b=$(mktemp -d); cp samples/ini/port25.ini samples/ini/home-imap.ini $b;"
	           "$MAILPROF convert --to json -o /proc/mailprof-test $b; r=$?; rm -rf $b; exit $r",
	           &out, &err);
	cr_expect_eq(rc, 2, "stderr:\n%s", err);
	cr_expect(strstr(err, "/proc/mailprof-test") != NULL, "stderr:\n%s", err);
	free(out), free(err);
}

Test(batch, no_overwrite_without_force)
{
	char *out, *err, cmd[256], p[128];
	snprintf(cmd, sizeof cmd, "mkdir -p %s/out && echo keep > %s/out/a.json", dir, dir);
	cr_assert_eq(t_run(cmd, NULL, NULL), 0);
	int rc = run(&out, &err, "%s convert --to json %s -o %3$s/out %3$s/in", "");
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "out/a.json: exists (use --force to replace it)") != NULL, "%s", err);
	snprintf(p, sizeof p, "%s/out/a.json", dir);
	char *kept = t_slurp(p, NULL);
	cr_expect_str_eq(kept, "keep\n");
	free(kept), free(out), free(err);

	rc = run(&out, &err, "%s convert --to json --force %s -o %3$s/out %3$s/in", "");
	cr_expect_eq(rc, 2, "only the bad file fails");
	kept = t_slurp(p, NULL);
	cr_expect(kept && strstr(kept, "gmx") != NULL, "replaced: %s", kept);
	free(kept), free(out), free(err);
	/* No temporary files are left behind. */
	snprintf(cmd, sizeof cmd, "find %s/out -name '*.tmp.*' | grep -q .", dir);
	cr_expect_neq(t_run(cmd, NULL, NULL), 0);
}

Test(batch, dry_run_writes_nothing)
{
	char *out, *err, p[128];
	int rc = run(&out, &err, "%s convert --to ini --dry-run %s -o %3$s/out %3$s/in", "");
	cr_expect_eq(rc, 2, "the bad file still fails");
	snprintf(p, sizeof p, "would write %s/out/a.ini (", dir);
	cr_expect(strstr(out, p) != NULL, "stdout:\n%s", out);
	snprintf(p, sizeof p, "would write %s/out/c.ini (", dir);
	cr_expect(strstr(out, p) != NULL, "stdout:\n%s", out);
	snprintf(p, sizeof p, "%s/out", dir);
	cr_expect_neq(access(p, F_OK), 0, "the output folder was not even created");
	free(out), free(err);
}

Test(batch, secrets_are_written_0600)
{
	char *out, *err, p[128];
	struct stat st;
	run(&out, &err, "%s convert --to ini --include-secrets %s -o %3$s/sec %3$s/in", "");
	snprintf(p, sizeof p, "%s/sec/c.ini", dir);
	cr_assert_eq(stat(p, &st), 0, "stderr:\n%s", err);
	cr_expect_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
	char *text = t_slurp(p, NULL);
	cr_expect(text && strstr(text, "hunter2") != NULL, "the secret is in the file");
	free(text), free(out), free(err);

	run(&out, &err, "%s convert --to ini %s -o %3$s/pub %3$s/in", "");
	snprintf(p, sizeof p, "%s/pub/c.ini", dir);
	cr_assert_eq(stat(p, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0644, "mode %o", st.st_mode & 0777);
	text = t_slurp(p, NULL);
	cr_expect(text && strstr(text, "hunter2") == NULL, "no secret without --include-secrets");
	free(text), free(out), free(err);
}

Test(batch, convert_of_several_inputs_needs_an_output_folder)
{
	char *out, *err;
	int rc = run(&out, &err, "%s convert --to json %s %3$s/in", "");
	cr_expect_eq(rc, 2);
	cr_expect(strstr(err, "need -o OUTDIR") != NULL, "%s", err);
	free(out), free(err);
}
