/* check --shard K/N and mailprof merge: the shards' reports merged are the
 * bytes, the stderr and the exit status of one run over every file. Inputs:
 * samples/ and tests/data/shard/ (copies that make MP039 and MP048 fire
 * across shards, a marker that silences one, an awkward path). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static char dir[64];

static void mkdir_tmp(void)
{
	strcpy(dir, "/tmp/mp-shard-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void rm_tmp(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* Run the N shards of `check OPTS --format F INPUTS` into dir/sK.F, then
 * merge them; *out, *err: merge's (caller frees); returns merge's status. */
static int shard_and_merge(const char *opts, const char *fmt, const char *inputs, unsigned n,
                           char **out, char **err)
{
	char cmd[4096];
	char list[1024] = "";
	for (unsigned k = 1; k <= n; k++) {
		char *sout = NULL;
		snprintf(cmd, sizeof cmd, "%s check %s --format %s --shard %u/%u -j2 %s > %s/s%u.%s 2>/dev/null",
		         t_mailprof(), opts, fmt, k, n, inputs, dir, k, fmt);
		int rc = t_run(cmd, &sout, NULL);
		cr_assert(rc >= 0 && rc <= 2, "%s: %d", cmd, rc);
		free(sout);
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, " %s/s%u.%s", dir, k, fmt);
		/* A shard does not run the cross-file rules: merge does. */
		snprintf(cmd, sizeof cmd, "%s/s%u.%s", dir, k, fmt);
		char *rep = t_slurp(cmd, NULL);
		cr_assert_not_null(rep);
		if (n > 1)
			cr_expect_null(strstr(rep, "is also the one of"), "shard %u/%u ran MP048", k, n);
		cr_expect_not_null(strstr(rep, "mailprof-shard"), "shard %u/%u: no record", k, n);
		free(rep);
	}
	snprintf(cmd, sizeof cmd, "%s merge %s%s", t_mailprof(), opts, list);
	return t_run(cmd, out, err);
}

static void expect_merge_is_whole(const char *opts, const char *inputs, int want_rc)
{
	static const char *const fmts[] = {"json", "sarif", "junit"};
	mkdir_tmp();
	for (size_t f = 0; f < 3; f++) {
		char cmd[2048], *wout = NULL, *werr = NULL;
		snprintf(cmd, sizeof cmd, "%s check %s --format %s -j2 %s", t_mailprof(), opts, fmts[f],
		         inputs);
		int wrc = t_run(cmd, &wout, &werr);
		cr_assert_eq(wrc, want_rc, "%s: %d", cmd, wrc);
		/* The cross-file rules fire, and the marker silences one. */
		cr_assert_not_null(strstr(wout, "MP039"), "%s", cmd);
		cr_assert_not_null(strstr(wout, "MP048"), "%s", cmd);
		cr_assert_null(strstr(wout, "mailprof-shard"), "a whole run carries no record");
		for (unsigned n = 1; n <= 4; n++) {
			char *mout = NULL, *merr = NULL;
			int mrc = shard_and_merge(opts, fmts[f], inputs, n, &mout, &merr);
			cr_expect_eq(mrc, wrc, "%s, %u shards: merge exits %d, the run %d", fmts[f], n, mrc, wrc);
			cr_expect_str_eq(mout, wout, "%s, %u shards: merged report differs", fmts[f], n);
			cr_expect_str_eq(merr, werr, "%s, %u shards: merged stderr differs", fmts[f], n);
			free(mout);
			free(merr);
		}
		free(wout);
		free(werr);
	}
	rm_tmp();
}

Test(shard, merge_of_shards_is_the_whole_run)
{
	/* Unreadable and skipped files among them: exit 2, summary line. */
	expect_merge_is_whole("--no-config", "samples tests/data/shard", 2);
}

Test(shard, merge_keeps_options_and_findings_status)
{
	/* Files named one by one and a folder; findings only: exit 1. */
	expect_merge_is_whole("--no-config --fail-on warning --disable MP026",
	                      "samples/e2e samples/mobileconfig/profiledocs-example.mobileconfig "
	                      "tests/data/shard/profiledocs-again.mobileconfig tests/data/shard/e2e-user-copy.txt",
	                      1);
}

Test(shard, merge_renders_any_format_from_the_record)
{
	mkdir_tmp();
	char cmd[2048], *wout = NULL, *mout = NULL;
	snprintf(cmd, sizeof cmd, "%s check --no-config --format github samples tests/data/shard 2>/dev/null",
	         t_mailprof());
	t_run(cmd, &wout, NULL);
	free(mout);
	mout = NULL;
	shard_and_merge("--no-config", "junit", "samples tests/data/shard", 3, &mout, NULL);
	free(mout);
	snprintf(cmd, sizeof cmd, "%s merge --no-config --format github %s/s1.junit %s/s2.junit %s/s3.junit",
	         t_mailprof(), dir, dir, dir);
	t_run(cmd, &mout, NULL);
	cr_expect_str_eq(mout, wout);
	free(wout);
	free(mout);
	rm_tmp();
}

/* merge exits 2 with msg on stderr. */
static void expect_refused(const char *args, const char *msg)
{
	char cmd[2048], *err = NULL;
	snprintf(cmd, sizeof cmd, "cd %s && %s merge --no-config %s", dir, t_mailprof(), args);
	int rc = t_run(cmd, NULL, &err);
	cr_expect_eq(rc, 2, "%s: exit %d", args, rc);
	cr_expect_not_null(strstr(err, msg), "%s: %s", args, err);
	free(err);
}

Test(shard, merge_refuses_what_is_not_one_runs_shards)
{
	mkdir_tmp();
	/* merge runs in dir (short names in messages): the command by its full path. */
	/* Allocated: a caller's buffer must hold PATH_MAX bytes (_FORTIFY_SOURCE aborts otherwise). */
	char *abs = realpath(t_mailprof(), NULL);
	cr_assert_not_null(abs);
	setenv("MAILPROF", abs, 1);
	char cmd[4096];
	for (unsigned n = 2; n <= 3; n++)
		for (unsigned k = 1; k <= n; k++) {
			snprintf(cmd, sizeof cmd, "%s check --no-config --format json --shard %u/%u samples/e2e "
			         "> %s/n%u-%u.json 2>/dev/null", abs, k, n, dir, n, k);
			t_run(cmd, NULL, NULL);
		}
	snprintf(cmd, sizeof cmd, "%s check --no-config --format json samples/e2e > %s/whole.json 2>/dev/null",
	         abs, dir);
	t_run(cmd, NULL, NULL);
	snprintf(cmd, sizeof cmd, "%s check --no-config --format sarif --shard 2/2 samples/e2e > %s/n2-2.sarif 2>/dev/null",
	         abs, dir);
	t_run(cmd, NULL, NULL);
	expect_refused("n3-1.json n3-2.json", "shard 3/3 is missing");
	expect_refused("n2-1.json n2-1.json n2-2.json", "n2-1.json: shard 1/2 given twice (also n2-1.json)");
	expect_refused("n2-1.json n3-2.json n3-3.json", "n3-2.json: shard 2/3, but n2-1.json is of 2 shards");
	expect_refused("n2-1.json n2-2.sarif", "n2-2.sarif: a sarif report, but n2-1.json is json");
	expect_refused("whole.json", "whole.json: no mailprof-shard record");
	expect_refused("n2-1.json nothere.json", "nothere.json: No such file");
	expect_refused("--disable MP001 n2-1.json n2-2.json", "n2-1.json: made with another checker configuration");
	/* A record cut short or changed is refused, not half-merged. */
	snprintf(cmd, sizeof cmd, "cd %s && head -c -20 n2-2.json > cut.json && sed 's/\"mailprof-shard\": \"[A-Za-z]/&!/' n2-2.json > bad.json", dir);
	cr_assert_eq(t_run(cmd, NULL, NULL), 0);
	expect_refused("n2-1.json cut.json", "cut.json: ");
	expect_refused("n2-1.json bad.json", "bad.json: the mailprof-shard record is damaged");
	/* Any byte of the record changed: merge refuses it (the end line's
	 * checksum), after parsing what came before without a crash (the
	 * sanitizer build runs this too). */
	for (int at = 0; at < 40; at++) {
		snprintf(cmd, sizeof cmd,
		         "cd %s && python3 -c 'import sys; d=open(\"n2-2.json\",\"rb\").read(); "
		         "i=d.rindex(b\"mailprof-shard\")+18+%d*(len(d)-d.rindex(b\"mailprof-shard\")-20)//40; "
		         "c=d[i:i+1]; r=b\"A\" if c!=b\"A\" else b\"w\"; "
		         "open(\"flip.json\",\"wb\").write(d[:i]+r+d[i+1:])' && "
		         "%s merge --no-config n2-1.json flip.json >/dev/null", dir, at, abs);
		char *err = NULL;
		int rc = t_run(cmd, NULL, &err);
		cr_expect_eq(rc, 2, "byte %d: exit %d", at, rc);
		cr_expect(!strstr(err, "Sanitizer") && !strstr(err, "runtime error"), "byte %d: %s", at, err);
		free(err);
	}
	free(abs);
	rm_tmp();
}

Test(shard, shard_usage_errors_exit_2)
{
	static const char *const bad[] = {
		"check --format json --shard 0/2 samples/e2e",
		"check --format json --shard 3/2 samples/e2e",
		"check --format json --shard 1/0 samples/e2e",
		"check --format json --shard a/b samples/e2e",
		"check --format json --shard 1/2x samples/e2e",
		"check --format json --shard -1/2 samples/e2e",
		"check --format json --shard 1 samples/e2e",
		"check --format text --shard 1/2 samples/e2e",
		"check --format github --shard 1/2 samples/e2e",
		"convert --to json --shard 1/2 samples/e2e/port25.ini",
		"merge",
		"merge --shard 1/2 x.json",
		"merge --format nope x.json",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char cmd[512], *err = NULL;
		snprintf(cmd, sizeof cmd, "%s %s", t_mailprof(), bad[i]);
		int rc = t_run(cmd, NULL, &err);
		cr_expect_eq(rc, 2, "%s: exit %d", bad[i], rc);
		cr_expect(err && *err, "%s: no message", bad[i]);
		free(err);
	}
}

Test(shard, shards_split_the_files_and_convert_takes_its_share)
{
	mkdir_tmp();
	/* Every file goes to exactly one shard: the outputs of convert's shards
	 * together are the whole run's. */
	char cmd[4096], *a = NULL, *b = NULL;
	snprintf(cmd, sizeof cmd,
	         "%s convert --to json -o %s/whole samples/ini samples/e2e >/dev/null 2>&1; "
	         "for k in 1 2 3; do %s convert --to json --shard $k/3 -o %s/parts samples/ini samples/e2e "
	         ">/dev/null 2>&1; done; cd %s && find whole -type f | sed 's,^whole/,,' | sort",
	         t_mailprof(), dir, t_mailprof(), dir, dir);
	t_run(cmd, &a, NULL);
	snprintf(cmd, sizeof cmd, "cd %s && find parts -type f | sed 's,^parts/,,' | sort && diff -r whole parts >&2", dir);
	int rc = t_run(cmd, &b, NULL);
	cr_expect(a && strlen(a) > 10, "%s", a);
	cr_expect_str_eq(a, b);
	cr_expect_eq(rc, 0);
	free(a);
	free(b);
	rm_tmp();
}

/* The library half: keys listed from a profile, copied through
 * mailprof_batch_keys_add (as merge reads them back) and added give the
 * findings of mailprof_batch_add, over every sample in walk order. */
Test(shard_api, keys_through_a_copy_give_mailprof_batch_adds_findings)
{
	static const char *const files[] = {
		"samples/e2e/e2e-user-starttls.txt", "samples/e2e/e2e-user.txt", "samples/e2e/port25.ini",
		"samples/ini/home-imap.ini", "samples/ini/two-accounts.ini",
		"samples/mobileconfig/profiledocs-example.mobileconfig",
		"samples/mobileconfig/signed-profiledocs.mobileconfig",
		"tests/data/shard/e2e-user-copy.txt", "tests/data/shard/odd \"name\" \\ copy.ini",
		"tests/data/shard/profiledocs-again.mobileconfig", "tests/data/shard/suppressed-copy.ini",
	};
	mailprof_batch *whole = mailprof_batch_new(NULL), *parts = mailprof_batch_new(NULL);
	size_t total = 0, silenced = 0;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		mailprof_diags *pd = NULL;
		mailprof_status st;
		mailprof_profile *p = t_parse(files[i], NULL, &pd, &st);
		cr_assert_eq(st, MAILPROF_OK, "%s", files[i]);
		mailprof_diags *a = mailprof_diags_new(), *b = mailprof_diags_new();
		mailprof_batch_add(whole, p, a);
		mailprof_batch_keys *k = mailprof_batch_keys_new(), *copy = mailprof_batch_keys_new();
		mailprof_profile_batch_keys(p, k);
		for (size_t j = 0; j < mailprof_batch_keys_count(k); j++) {
			const mailprof_batch_key *e = mailprof_batch_keys_get(k, j);
			silenced += e->suppressed != 0;
			cr_assert_eq(mailprof_batch_keys_add(copy, e), 0);
		}
		mailprof_batch_add_keys(parts, copy, b);
		cr_assert_eq(mailprof_diags_count(a), mailprof_diags_count(b), "%s", files[i]);
		for (size_t j = 0; j < mailprof_diags_count(a); j++) {
			const mailprof_diag *x = mailprof_diags_get(a, j), *y = mailprof_diags_get(b, j);
			cr_expect_str_eq(x->id, y->id);
			cr_expect_str_eq(x->message, y->message);
			cr_expect_eq(x->loc.line, y->loc.line);
			cr_expect_str_eq(x->loc.file, y->loc.file);
		}
		total += mailprof_diags_count(a);
		mailprof_batch_keys_free(k);
		mailprof_batch_keys_free(copy);
		mailprof_diags_free(a);
		mailprof_diags_free(b);
		mailprof_diags_free(pd);
		mailprof_profile_free(p);
	}
	cr_expect_geq(total, 5, "the cross-file rules fired %zu times", total);
	cr_expect_geq(silenced, 1, "the marker of suppressed-copy.ini is in its keys");
	mailprof_batch_free(whole);
	mailprof_batch_free(parts);
}

Test(shard_api, keys_of_no_rule_are_refused_and_findings_copy_whole)
{
	mailprof_batch_keys *k = mailprof_batch_keys_new();
	mailprof_batch_key e = {"MP001", "x", "x", {"f", 1, 1}, 0, 0};
	cr_expect_eq(mailprof_batch_keys_add(k, &e), -1, "MP001 is not a cross-file rule");
	e.rule = "duplicate-account";
	cr_expect_eq(mailprof_batch_keys_add(k, &e), 0, "by name");
	cr_expect_str_eq(mailprof_batch_keys_get(k, 0)->rule, "MP039");
	e.key = NULL;
	cr_expect_eq(mailprof_batch_keys_add(k, &e), -1);
	mailprof_batch_keys_free(k);

	mailprof_diags *d = mailprof_diags_new();
	char id[] = "MP999", msg[] = "tab\there", file[] = "a.ini";
	mailprof_diag g = {MAILPROF_WARNING, id, NULL, {file, 3, 4}, msg, NULL};
	mailprof_diags_add(d, &g);
	id[0] = msg[0] = file[0] = '#'; /* copies, not the caller's strings */
	const mailprof_diag *c = mailprof_diags_get(d, 0);
	cr_expect_str_eq(c->id, "MP999");
	/* Findings never carry raw control bytes: the copy is escaped as any message is. */
	cr_expect_str_eq(c->message, "tab\\x09here");
	cr_expect_str_eq(c->loc.file, "a.ini");
	cr_expect_null(c->name);
	cr_expect_null(c->fix);
	cr_expect_eq(c->loc.line, 3);
	mailprof_diags_free(d);

	char f1[17], f2[17], f3[17];
	mailprof_check_config *c1 = mailprof_check_config_new(), *c2 = mailprof_check_config_new();
	mailprof_check_config_set_fail_on(c2, MAILPROF_INFO);
	mailprof_check_config_fingerprint(c1, f1);
	mailprof_check_config_fingerprint(c2, f2);
	cr_expect_str_eq(f1, f2, "fail-on changes no finding");
	mailprof_check_config_enable(c2, "MP007", 0);
	mailprof_check_config_fingerprint(c2, f3);
	cr_expect_str_neq(f1, f3);
	cr_expect_eq(strlen(f3), 16);
	mailprof_check_config_free(c1);
	mailprof_check_config_free(c2);
}

Test(shard, shard_reports_stay_valid_json_sarif_and_junit)
{
	mkdir_tmp();
	char cmd[2048], *out = NULL;
	snprintf(cmd, sizeof cmd,
	         "for f in json sarif junit; do %s check --no-config --format $f --shard 2/3 samples "
	         "tests/data/shard > %s/r.$f 2>/dev/null; done; "
	         "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d[\"mailprof-shard\"], str)' %s/r.json && "
	         "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"runs\"][0][\"properties\"][\"mailprof-shard\"]' %s/r.sarif && "
	         "xmllint --xpath 'string(//testsuite[@name=\"mailprof-shard\"]/properties/property[@name=\"mailprof-shard\"]/@value)' %s/r.junit | head -c 20",
	         t_mailprof(), dir, dir, dir, dir);
	int rc = t_run(cmd, &out, NULL);
	cr_expect_eq(rc, 0);
	cr_expect(out && strncmp(out, "bWFpbHByb2Ytc2hhcmQJ", 20) == 0, "%s", out); /* "mailprof-shard\t" */
	free(out);
	snprintf(cmd, sizeof cmd, "python3 tests/data/sarif/validate.py tests/data/sarif/sarif-schema-2.1.0.json %s/r.sarif", dir);
	rc = t_run(cmd, &out, NULL);
	if (rc != 77)
		cr_expect_eq(rc, 0, "SARIF invalid: %s", out);
	free(out);
	rm_tmp();
}
