/* Batch runs: folders, per-file isolation, -j independence, atomic outputs. */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "model.h"

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
	const char *variants[] = {"", "--format json", "--format sarif", "--format junit", "--format codequality"};
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
	snprintf(cmd, sizeof cmd, "find %s/out -name '*.mailprof-*' | grep -q .", dir);
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

/* Two inputs, one output name: the earlier in walk order that has something
 * to write takes it, the later one fails; the same with any -j. Tree (walk
 * order): a/x.ini, a/x.xml (both a/x.json), b/y.ini (broken: writes nothing),
 * b/y.xml (so it takes b/y.json), and a second folder argument whose a/x.ini
 * also maps to a/x.json. */
Test(batch, output_name_clash_goes_to_the_earlier_input_whatever_the_jobs)
{
	char cmd[4096], cwd[512];
	cr_assert_not_null(getcwd(cwd, sizeof cwd));
	snprintf(cmd, sizeof cmd,
	         "set -e; cd %s; mkdir -p cl/a cl/b cl2/a; cp %s/samples/ini/home-imap.ini cl/a/x.ini;"
	         "cp %s/samples/autoconfig/gmx.net.xml cl/a/x.xml; cp in/b/bad.xml cl/b/y.ini;"
	         "cp %s/samples/autoconfig/gmx.net.xml cl/b/y.xml; cp %s/samples/ini/port25.ini cl2/a/x.ini",
	         dir, cwd, cwd, cwd, cwd);
	cr_assert_eq(t_run(cmd, NULL, NULL), 0);
	char *err1 = NULL;
	for (int j = 1; j <= 4; j += 3) {
		char *out, *err;
		snprintf(cmd, sizeof cmd, "cd %s && %s/%s convert --to json -j%d -o o%d cl cl2", dir,
		         t_mailprof()[0] == '/' ? "" : cwd, t_mailprof(), j, j);
		int rc = t_run(cmd, &out, &err);
		cr_expect_eq(rc, 2, "-j%d: a clash is a failure, got %d", j, rc);
		char want[512];
		snprintf(want, sizeof want,
		         "mailprof: cl/a/x.xml: not written: o%d/a/x.json is already the output of cl/a/x.ini\n", j);
		cr_expect(strstr(err, want) != NULL, "-j%d stderr:\n%s", j, err);
		snprintf(want, sizeof want,
		         "mailprof: cl2/a/x.ini: not written: o%d/a/x.json is already the output of cl/a/x.ini\n", j);
		cr_expect(strstr(err, want) != NULL, "-j%d stderr:\n%s", j, err);
		cr_expect(strstr(err, "cl/b/y.xml: not written") == NULL, "the broken y.ini takes no name:\n%s", err);
		cr_expect(strstr(err, ", 3 failed, 0 skipped\n") != NULL, "-j%d stderr:\n%s", j, err);
		/* a/x.json is the INI's account, b/y.json the XML's. */
		snprintf(cmd, sizeof cmd, "%s/o%d/a/x.json", dir, j);
		char *x = t_slurp(cmd, NULL);
		cr_expect(x && strstr(x, "taro.yamada@example.com") && !strstr(x, "gmx"), "a/x.json:\n%s", x);
		snprintf(cmd, sizeof cmd, "%s/o%d/b/y.json", dir, j);
		char *y = t_slurp(cmd, NULL);
		cr_expect(y && strstr(y, "gmx"), "b/y.json:\n%s", y);
		free(x), free(y), free(out);
		if (!err1) {
			err1 = err;
			continue;
		}
		/* Same messages apart from the output folder's name. */
		for (char *p = err1; (p = strstr(p, "o1/")); p++)
			p[1] = '4';
		cr_expect_str_eq(err, err1, "stderr depends on -j");
		free(err);
	}
	free(err1);
	snprintf(cmd, sizeof cmd, "diff -r %s/o1 %s/o4", dir, dir);
	cr_expect_eq(t_run(cmd, NULL, NULL), 0, "outputs depend on -j");
}

static size_t count_of(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static long attr_of(const char *tag, const char *name)
{
	char key[32];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *end = strchr(tag, '>');
	const char *a = strstr(tag, key);
	return a && (!end || a < end) ? strtol(a + strlen(key), NULL, 10) : -1;
}

/* JUnit readers take the run's totals from <testsuites>: they must be there
 * and agree with the suites and test cases below, with any -j. */
Test(batch, junit_totals_on_testsuites_and_testsuite)
{
	char *o1, *e1, *o2, *e2;
	run(&o1, &e1, "%s check -j1 %s %s/in", "--format junit");
	run(&o2, &e2, "%s check -j2 %s %s/in", "--format junit");
	cr_expect_str_eq(o1, o2);
	const char *top = strstr(o1, "<testsuites ");
	cr_assert_not_null(top, "%s", o1);
	size_t cases = count_of(o1, "<testcase "), fails = count_of(o1, "<failure "),
	       errs = count_of(o1, "<error ");
	cr_expect_gt(fails, 0, "the tree has findings");
	cr_expect_eq(errs, 1, "one broken file:\n%s", o1);
	cr_expect_eq(attr_of(top, "tests"), (long)cases, "%s", o1);
	cr_expect_eq(attr_of(top, "failures"), (long)fails, "%s", o1);
	cr_expect_eq(attr_of(top, "errors"), (long)errs, "%s", o1);
	long st = 0, sf = 0, se = 0;
	size_t suites = 0;
	for (const char *p = o1; (p = strstr(p, "<testsuite ")); p++, suites++) {
		cr_expect_geq(attr_of(p, "tests"), 1);
		st += attr_of(p, "tests"), sf += attr_of(p, "failures"), se += attr_of(p, "errors");
	}
	cr_expect_eq(suites, 3, "one suite per file");
	cr_expect_eq(st, (long)cases);
	cr_expect_eq(sf, (long)fails);
	cr_expect_eq(se, (long)errs);
	/* Well-formed, one root. */
	cr_expect_eq(count_of(o1, "<testsuites"), 1);
	cr_expect(strstr(o1, "</testsuites>\n") && !strstr(strstr(o1, "</testsuites>\n") + 1, "<"));
	free(o1), free(e1), free(o2), free(e2);
	/* No input at all still gives a valid, empty report. */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "mkdir -p %s/empty && %s check --format junit %s/empty", dir,
	         t_mailprof(), dir);
	t_run(cmd, &o1, &e1);
	cr_expect(strstr(o1, "<testsuites name=\"mailprof\" tests=\"0\" failures=\"0\" errors=\"0\">\n</testsuites>\n"),
	          "%s", o1);
	free(o1), free(e1);
}

/* A profile of n accounts user<i>@example.com, account i at line i + 1 of file. */
static mailprof_profile *many_accounts(const char *file, size_t first, size_t n)
{
	mailprof_profile *p = mailprof_profile_new();
	const char *f = mp_profile_file(p, file);
	for (size_t i = first; i < first + n; i++) {
		mp_account *a = mp_account_add(p);
		char email[64];
		snprintf(email, sizeof email, "user%06zu@example.com", i);
		a->loc = (mailprof_loc){f, (int)(i - first + 1), 1};
		mp_str_set(&a->email, email, &a->loc);
	}
	return p;
}

/* MP039 over a big batch: hashed, so 80,000 files of one account each take
 * well under a second; the quadratic scan it replaces took tens of seconds
 * here. (One profile per file, as in a batch run: a single profile of 80,000
 * accounts would time the model's one-at-a-time growth instead.) */
Test(batch_scale, duplicate_accounts_are_found_in_linear_time)
{
	mailprof_batch *b = mailprof_batch_new(NULL);
	size_t found = 0;
	char msg[2][160] = {"", ""};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* user0 .. user79999 in big<i>.ini, then two old addresses and two new. */
	for (size_t i = 0; i < 80004; i++) {
		size_t who = i < 80000 ? i : 79998 + (i - 80000);
		char file[32];
		snprintf(file, sizeof file, i < 80000 ? "big%zu.ini" : "more%zu.ini", i);
		mailprof_profile *p = many_accounts(file, who, 1);
		mailprof_diags *d = mailprof_diags_new();
		mailprof_batch_add(b, p, d);
		for (size_t k = 0; k < mailprof_diags_count(d); k++)
			if (strcmp(mailprof_diags_get(d, k)->id, "MP039") == 0) {
				if (found < 2)
					snprintf(msg[found], sizeof msg[found], "%s", mailprof_diags_get(d, k)->message);
				found++;
			}
		mailprof_diags_free(d);
		mailprof_profile_free(p);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_expect_eq(found, 2);
	cr_expect(strstr(msg[0], "user079998@example.com is a duplicate of the one at big79998.ini:1"), "%s", msg[0]);
	cr_expect(strstr(msg[1], "user079999@example.com is a duplicate of the one at big79999.ini:1"), "%s", msg[1]);
	/* Generous for a loaded machine and sanitizer builds. */
	cr_expect_lt(sec, 8.0, "80,004 files took %.2f s", sec);
	mailprof_batch_free(b);
}

/* Sniffing in a folder walk: every sample profile is picked, whatever its
 * encoding (Shift_JIS, EUC-JP, ISO-2022-JP, UTF-16 notices) or its mistakes
 * (mistakes.ini starts with a misspelt section); what is skipped is exactly
 * the files that are not profiles: the sources list, a license text, and the
 * three notices that must fail when named (blank, a signup mail and a
 * website registration with no mail settings; their goldens are
 * *.stderr.txt). */
Test(batch_sniff, every_sample_profile_is_picked)
{
	char *out, *err, *n;
	cr_assert_eq(t_run("find samples -type f ! -name '.*' | wc -l", &n, NULL), 0);
	long total = strtol(n, NULL, 10);
	free(n);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s check --no-config --format json samples/", t_mailprof());
	t_run(cmd, &out, &err);
	/* Only what a run on the file alone would not read either: no content a
	 * reader claims, no extension of a format. The .txt pages without mail
	 * settings (blank, signup-mail, issue13-site-registration) are read as
	 * notices and fail, as they do alone: counted as failed, not skipped. */
	const char *skipped[] = {"samples/SOURCES.md", "samples/autoconfig/LICENSE.MPL-2.0"};
	size_t nskip = sizeof skipped / sizeof skipped[0];
	/* Exactly these, in walk order. */
	char want[2048] = "";
	for (size_t i = 0; i < nskip; i++)
		snprintf(want + strlen(want), sizeof want - strlen(want),
		         "mailprof: %s: skipped: not a known profile format\n", skipped[i]);
	char got[2048] = "";
	for (char *l = err; l && *l;) {
		char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) + 1 : strlen(l);
		if (e)
			*e = '\0';
		if (strstr(l, ": skipped: "))
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s\n", l);
		if (e)
			*e = '\n';
		l += len;
	}
	cr_expect_str_eq(got, want, "skipped:\n%s", got);
	char summary[128];
	snprintf(summary, sizeof summary, "mailprof: %ld files, ", total - (long)nskip);
	cr_expect(strstr(err, summary) != NULL, "want '%s' in:\n%s", summary, err);
	cr_expect(strstr(err, ", 2 skipped\n") != NULL, "%s", err);
	for (size_t i = 0; i < 3; i++) {
		static const char *const failing[] = {"samples/notice/blank.txt", "samples/notice/signup-mail.txt",
		                                      "samples/notice/issue13-site-registration.txt"};
		char line[256];
		snprintf(line, sizeof line, "mailprof: %s: no usable account in the input\n", failing[i]);
		cr_expect(strstr(err, line) != NULL, "%s is read and fails, as alone:\n%s", failing[i], err);
	}
	/* The ones sniffing used to miss are read, with their accounts. */
	const char *picked[] = {
		"samples/ini/mistakes.ini", "samples/notice/e2-three-columns-utf16be.txt",
		"samples/notice/holdout-hostport-eucjp.txt", "samples/notice/list-table-sjis.txt",
		"samples/notice/multi-accounts-iso2022jp.txt", "samples/notice/s2-wrapped-label-sjis.txt",
		"samples/notice/s3-footnote-ports-eucjp.txt", "samples/notice/s4-pop-and-imap-iso2022jp.txt",
		"samples/notice/s6-webmail-trap-sjis.txt", "samples/notice/s7-masked-example-utf16le.txt",
		"samples/notice/s9-bullets-eucjp.txt", "samples/notice/trap-port25-sjis.txt"};
	for (size_t i = 0; i < sizeof picked / sizeof picked[0]; i++) {
		char key[256];
		snprintf(key, sizeof key, "{\"path\": \"%s\", \"status\": \"ok\", \"accounts\": ", picked[i]);
		const char *at = strstr(out, key);
		cr_expect(at && strtol(at + strlen(key), NULL, 10) >= 1, "%s not read", picked[i]);
	}
	free(out), free(err);
}

Test(batch_sniff, cheap_sniffers_stay_strict)
{
	/* Another program's INI is not a profile; a misspelt first section
	 * followed by one of ours is. */
	cr_expect_null(mailprof_format_detect("[client]\nhost = localhost\nport = 3306\n", 38, NULL));
	const char *typo = "; x\n[acount]\nemail = a@b.c\n\n[account]\nemail = a@b.c\n";
	cr_expect_str_eq(mailprof_format_detect(typo, strlen(typo), NULL), "ini");
	const char *late = "[acount]\nemail = a@b.c\nnote = [account]\n";
	cr_expect_null(mailprof_format_detect(late, strlen(late), NULL), "[account] must start a line");
	/* Shift_JIS text without mail settings is not a notice: decoding for the
	 * sniff finds no label ("会員登録が完了しました" in Shift_JIS). */
	const char sjis[] = "\x89\xEF\x88\xF5\x93\x6F\x98\x5E\x82\xAA\x8A\xAE\x97\xB9\x82\xB5\x82\xDC\x82\xB5\x82\xBD\n";
	cr_expect_null(mailprof_format_detect(sjis, sizeof sjis - 1, NULL));
	/* The same with a label ("受信メールサーバ: pop.example.jp") is one. */
	const char sjis2[] = "\x8E\xF3\x90\x4D\x83\x81\x81\x5B\x83\x8B\x83\x54\x81\x5B\x83\x6F: pop.example.jp\n";
	cr_expect_str_eq(mailprof_format_detect(sjis2, sizeof sjis2 - 1, NULL), "notice");
}

/* A mobileconfig with one mail payload: top-level identifier and UUID, the
 * payload's UUID, and an address. */
static char *mobileconfig(const char *ident, const char *top_uuid, const char *pl_uuid,
                          const char *email)
{
	char *s = NULL;
	cr_assert_geq(asprintf(&s,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n"
	    "<key>PayloadContent</key>\n<array>\n<dict>\n"
	    "<key>PayloadType</key><string>com.apple.mail.managed</string>\n"
	    "<key>PayloadIdentifier</key><string>%s.email</string>\n"
	    "<key>PayloadUUID</key><string>%s</string>\n"
	    "<key>PayloadVersion</key><integer>1</integer>\n"
	    "<key>EmailAccountType</key><string>EmailTypeIMAP</string>\n"
	    "<key>EmailAddress</key><string>%s</string>\n"
	    "<key>IncomingMailServerHostName</key><string>imap.example.com</string>\n"
	    "<key>IncomingMailServerPortNumber</key><integer>993</integer>\n"
	    "<key>IncomingMailServerUseSSL</key><true/>\n"
	    "<key>IncomingMailServerAuthentication</key><string>EmailAuthPassword</string>\n"
	    "<key>OutgoingMailServerHostName</key><string>smtp.example.com</string>\n"
	    "<key>OutgoingMailServerPortNumber</key><integer>465</integer>\n"
	    "<key>OutgoingMailServerUseSSL</key><true/>\n"
	    "<key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>\n"
	    "</dict>\n</array>\n"
	    "<key>PayloadDisplayName</key><string>Mail</string>\n"
	    "<key>PayloadIdentifier</key><string>%s</string>\n"
	    "<key>PayloadType</key><string>Configuration</string>\n"
	    "<key>PayloadUUID</key><string>%s</string>\n"
	    "<key>PayloadVersion</key><integer>1</integer>\n</dict>\n</plist>\n",
	    ident, pl_uuid, email, ident, top_uuid), 0);
	return s;
}

#define U1 "11111111-2222-3333-4444-555555555555"
#define U2 "11111111-2222-3333-4444-666666666666"
#define U3 "ABCDEF11-2222-3333-4444-777777777777"
#define U4 "11111111-2222-3333-4444-888888888888"
#define U5 "11111111-2222-3333-4444-999999999999"

/* MP048: a profile identifier or a UUID used by an earlier profile of the
 * batch; repeats inside one profile stay MP035's, placeholders are not
 * identities. */
Test(batch_scale, duplicate_payload_ids_across_profiles)
{
	char *text[] = {
		mobileconfig("com.example.a", U1, U2, "a@example.com"),
		mobileconfig("com.example.a", U3, U4, "b@example.com"),      /* identifier again */
		mobileconfig("com.example.c", U5, "11111111-2222-3333-4444-66666666666a", "c@example.com"),
		mobileconfig("com.example.d", "22222222-2222-3333-4444-555555555555",
		             "11111111-2222-3333-4444-555555555555", "d@example.com"), /* a's top UUID */
		mobileconfig("com.example.e", "%PAYLOADUUID%", "%PAYLOADUUID%", "e@example.com"),
		mobileconfig("com.example.f", "%PAYLOADUUID%", "%PAYLOADUUID%", "f@example.com"),
		mobileconfig("com.example.g", U3 "x", "33333333-2222-3333-4444-555555555555", "g@example.com"),
	};
	/* In lower case it is the same UUID as b's top one. */
	char *h = mobileconfig("com.example.h", "abcdef11-2222-3333-4444-777777777777",
	                       "44444444-2222-3333-4444-555555555555", "h@example.com");
	size_t n = sizeof text / sizeof text[0];
	size_t want[] = {0, 1, 0, 1, 0, 0, 0};
	mailprof_batch *b = mailprof_batch_new(NULL);
	for (size_t i = 0; i <= n; i++) {
		mailprof_diags *d;
		mailprof_status st;
		char name[32];
		snprintf(name, sizeof name, "p%zu.mobileconfig", i);
		mailprof_profile *p = t_parse_str(i < n ? text[i] : h, name, "mobileconfig", &d, &st);
		cr_assert_eq(st, MAILPROF_OK, "%s", name);
		mailprof_batch_add(b, p, d);
		size_t got = t_count(d, "MP048");
		cr_expect_eq(got, i < n ? want[i] : 1, "%s: %zu MP048", name, got);
		if (i == 1)
			cr_expect(strstr(t_find(d, "MP048")->message,
			                 "PayloadIdentifier com.example.a is also the one of p0.mobileconfig:24: "
			                 "installing one profile replaces the other"),
			          "%s", t_find(d, "MP048")->message);
		if (i == 3)
			cr_expect(strstr(t_find(d, "MP048")->message, "PayloadUUID " U1 " is also the one of p0.mobileconfig:26"),
			          "%s", t_find(d, "MP048")->message);
		if (i == n)
			cr_expect(strstr(t_find(d, "MP048")->message, "PayloadUUID " U3 " is also the one of p1.mobileconfig:26"),
			          "%s", t_find(d, "MP048")->message);
		mailprof_diags_free(d);
		mailprof_profile_free(p);
	}
	mailprof_batch_free(b);
	for (size_t i = 0; i < n; i++)
		free(text[i]);
	free(h);
}

/* Killed at any moment (SIGKILL, no clean-up), a batch convert leaves under
 * the final names only whole files: each is byte-identical to what a run
 * to the end writes. Leftover temp files are hidden, so a later folder run
 * does not read them. Killed at several points of the same run. */
Test(batch, sigkill_leaves_no_partial_output)
{
	char cmd[2048], *m = realpath(t_mailprof(), NULL);
	cr_assert_not_null(m);
	snprintf(cmd, sizeof cmd,
	         "set -e; M=%s; cd %s; mkdir -p big; i=0;"
	         "for f in %s/samples/autoconfig/*.xml; do for k in $(seq 1 150); do"
	         " cp \"$f\" big/$i-$k.xml; done; i=$((i+1)); done;"
	         "$M convert --to json -j2 -o ref big 2>/dev/null",
	         m, dir, getcwd((char[512]){0}, 512));
	cr_assert_eq(t_run(cmd, NULL, NULL), 0);
	for (int delay_ms = 20; delay_ms <= 320; delay_ms *= 4) {
		char *out = NULL, *err = NULL;
		snprintf(cmd, sizeof cmd,
		         "M=%s; cd %s; rm -rf out; $M convert --to json -j2 -o out big 2>/dev/null &"
		         " p=$!; sleep %d.%03d; kill -9 $p; wait $p 2>/dev/null;"
		         /* every visible file equals its reference */
		         " bad=0; for f in $(find out -type f ! -name '.*'); do"
		         "  cmp -s \"$f\" \"ref/${f#out/}\" || { echo \"partial: $f\"; bad=1; }; done;"
		         " echo visible=$(find out -type f ! -name '.*' | wc -l);"
		         /* temp files, if any, are hidden and a folder run passes over them */
		         " find out -type f -name '*.mailprof-*' ! -name '.*' | sed 's/^/visible temp: /';"
		         " $M check out >/dev/null 2>ck.err || true;"
		         " grep -q 'mailprof-' ck.err && echo 'temp read by check';"
		         " exit $bad",
		         m, dir, delay_ms / 1000, delay_ms % 1000);
		int rc = t_run(cmd, &out, &err);
		cr_expect_eq(rc, 0, "killed after %d ms:\n%s", delay_ms, out);
		cr_expect(strstr(out, "visible temp") == NULL, "%s", out);
		cr_expect(strstr(out, "temp read by check") == NULL, "%s", out);
		free(out), free(err);
	}
	free(m);
}
