/* Crash regressions: every file in tests/fuzz/regressions/ (see its
 * README.md) goes through what the fuzz harness drives, with the library
 * (parse, fix, check, every emitter) and with the CLI, which must end with
 * an exit code (0, 1 or 2), never a signal. Its folders hold raw inputs of
 * one harness each (regressions/NAME), replayed, with the harness's
 * committed corpus (tests/fuzz/corpus/NAME), through the harness itself,
 * compiled into this runner: a broken invariant aborts the test. No clang
 * needed; docs/fuzzing.md. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

#define REG_DIR "tests/fuzz/regressions"

Test(regressions, every_crash_input_is_replayed)
{
	DIR *dir = opendir(REG_DIR);
	cr_assert_not_null(dir);
	struct dirent *e;
	size_t n = 0;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", REG_DIR, e->d_name);
		struct stat st_path;
		if (stat(path, &st_path) == 0 && S_ISDIR(st_path.st_mode))
			continue; /* a harness's inputs: below */
		mailprof_diags *d;
		mailprof_status st;
		mailprof_profile *p = t_parse(path, NULL, &d, &st);
		if (st == MAILPROF_OK) {
			mailprof_fix(p, d);
			mailprof_check(p, d);
			for (size_t i = 0; mailprof_format_name(i); i++) {
				const char *to = mailprof_format_name(i);
				if (!(mailprof_format_caps(to) & MAILPROF_CAN_EMIT) || strcmp(to, "notice") == 0)
					continue;
				free(t_emit(p, to));
			}
		}
		mailprof_profile_free(p);
		mailprof_diags_free(d);
		char cmd[1024];
		snprintf(cmd, sizeof cmd, "%s check '%s' >/dev/null 2>&1", t_mailprof(), path);
		int rc = t_run(cmd, NULL, NULL);
		cr_assert(rc >= 0 && rc <= 2, "%s: exit %d", path, rc);
		n++;
	}
	closedir(dir);
	cr_assert_geq(n, 3);
}

/* ---- through the fuzz harnesses ---- */

int fuzz_parse_one(const uint8_t *data, size_t size);
int fuzz_check_one(const uint8_t *data, size_t size);
int fuzz_template_one(const uint8_t *data, size_t size);
int fuzz_report_one(const uint8_t *data, size_t size);

static size_t replay_dir(const char *dir, int (*one)(const uint8_t *, size_t))
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || strstr(e->d_name, ".md"))
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *buf = t_slurp(path, &len);
		cr_assert_not_null(buf, "%s", path);
		one((const uint8_t *)buf, len);
		free(buf);
		n++;
	}
	closedir(d);
	return n;
}

static void replay(const char *name, int (*one)(const uint8_t *, size_t))
{
	char dir[256];
	snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", name);
	size_t n = replay_dir(dir, one);
	cr_assert_gt(n, 0, "%s: no committed corpus", dir);
	snprintf(dir, sizeof dir, "tests/fuzz/regressions/%s", name);
	replay_dir(dir, one);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -f /tmp/mpfuzz-%ld-*", (long)getpid());
	cr_assert_eq(system(cmd), 0);
}

Test(regressions, harness_parse, .timeout = 120)
{
	replay("parse", fuzz_parse_one);
}

Test(regressions, harness_check, .timeout = 120)
{
	replay("check", fuzz_check_one);
}

Test(regressions, harness_template, .timeout = 120)
{
	replay("template", fuzz_template_one);
}

Test(regressions, harness_report, .timeout = 120)
{
	replay("report", fuzz_report_one);
}

#include "fuzz/fuzz_common.h"

/* The corpora's selector bytes index fz_frozen_formats: a renamed or dropped
 * format would quietly turn its seeds into "detect" ones. */
Test(regressions, fuzz_selectors_name_formats_the_library_has)
{
	for (size_t i = 0; i < sizeof fz_frozen_formats / sizeof *fz_frozen_formats; i++)
		cr_expect(mailprof_format_caps(fz_frozen_formats[i]) != 0, "%s is no format", fz_frozen_formats[i]);
	for (size_t i = 0; mailprof_format_name(i); i++)
		cr_expect_not_null(fz_pick_format((unsigned)i + 1), "selector %zu reads nothing", i + 1);
	cr_expect_null(fz_pick_format(0));
}
