/* Every fuzz harness's committed corpus (tests/fuzz/corpus/NAME) and every
 * crash it ever found (tests/fuzz/regressions/NAME) replayed through the
 * harness itself, compiled into this runner: a broken invariant aborts the
 * test. No clang needed; docs/fuzzing.md. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

int fuzz_parse_one(const uint8_t *data, size_t size);
int fuzz_check_one(const uint8_t *data, size_t size);
int fuzz_template_one(const uint8_t *data, size_t size);

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
		cr_log_info("replay %s", path);
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

Test(fuzz_replay, parse, .timeout = 120)
{
	replay("parse", fuzz_parse_one);
}

Test(fuzz_replay, check, .timeout = 120)
{
	replay("check", fuzz_check_one);
}

Test(fuzz_replay, template, .timeout = 120)
{
	replay("template", fuzz_template_one);
}
