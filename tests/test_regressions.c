/* Crash regressions: every file in tests/fuzz/regressions/ (see its
 * README.md) goes through what the fuzz harness drives, with the library
 * (parse, fix, check, every emitter) and with the CLI, which must end with
 * an exit code (0, 1 or 2), never a signal. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
