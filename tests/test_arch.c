/* The shape issue 11 promised: every finding ID is documented (a rule or a
 * code of codes.def), and the layering holds (tools/layers.py). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "helpers.h"

Test(arch, codes_are_documented_and_distinct)
{
	cr_assert_geq(mailprof_code_count(), 50);
	for (size_t i = 0; i < mailprof_code_count(); i++) {
		const mailprof_rule_info *c = mailprof_code_get(i);
		cr_assert(c->summary && *c->summary && c->fix && *c->fix && c->doc && *c->doc, "%s", c->id);
		cr_expect_eq(mailprof_rule_find(c->id), c, "%s found", c->id);
		if (i)
			cr_expect_lt(strcmp(mailprof_code_get(i - 1)->id, c->id), 0, "codes.def sorted at %s", c->id);
		for (size_t r = 0; r < mailprof_rule_count(); r++) {
			const mailprof_rule_info *ri = mailprof_rule_get(r);
			cr_expect(strcasecmp(ri->id, c->id) && strcasecmp(ri->name, c->id), "%s is a rule too",
			          c->id);
		}
	}
	cr_expect_null(mailprof_code_get(mailprof_code_count()));
}

static size_t undocumented(const mailprof_diags *d, const char *path)
{
	size_t n = 0;
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (!mailprof_rule_find(g->id)) {
			cr_log_error("%s: finding ID '%s' is neither a rule nor a code", path, g->id);
			n++;
		}
	}
	return n;
}

/* Every sample read, checked, fixed and written in every format: each
 * finding's ID is answered by `mailprof explain` (mailprof_rule_find). */
Test(arch, every_finding_id_is_explained, .timeout = 120)
{
	size_t files = 0, bad = 0;
	DIR *top = opendir("samples");
	cr_assert(top);
	for (struct dirent *e; (e = readdir(top));) {
		if (e->d_name[0] == '.')
			continue;
		char dir[512];
		snprintf(dir, sizeof dir, "samples/%s", e->d_name);
		DIR *sub = opendir(dir);
		if (!sub)
			continue;
		for (struct dirent *f; (f = readdir(sub));) {
			char path[1024];
			struct stat st;
			snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
			if (f->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
				continue;
			mailprof_diags *d;
			mailprof_status s;
			mailprof_profile *p = t_parse(path, NULL, &d, &s);
			if (s == MAILPROF_OK) {
				mailprof_check(p, d);
				mailprof_fix(p, d);
				for (size_t k = 0; mailprof_format_name(k); k++) {
					const char *fmt = mailprof_format_name(k);
					if (!(mailprof_format_caps(fmt) & MAILPROF_CAN_EMIT))
						continue;
					char *out = NULL;
					size_t len;
					mailprof_emit(p, fmt, NULL, &out, &len, d);
					free(out);
				}
			}
			bad += undocumented(d, path);
			files++;
			mailprof_diags_free(d);
			mailprof_profile_free(p);
		}
		closedir(sub);
	}
	closedir(top);
	cr_expect_gt(files, 50);
	cr_expect_eq(bad, 0);
}

/* tools/layers.py: no checker header in the read/write stage, the command on
 * the public API only, no back-edge, no include cycle. */
Test(arch, layering_holds)
{
	char *out = NULL, *err = NULL;
	int rc = t_run("python3 tools/layers.py", &out, &err);
	cr_expect_eq(rc, 0, "%s%s", out ? out : "", err ? err : "");
	free(out);
	free(err);
}
