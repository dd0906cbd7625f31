#define _GNU_SOURCE
#include "helpers.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

char *t_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *b = malloc(cap);
	size_t r;
	while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (cap - n < 2)
			b = realloc(b, cap *= 2);
	}
	fclose(f);
	b[n] = '\0';
	if (len)
		*len = n;
	return b;
}

const char *t_mailprof(void)
{
	const char *m = getenv("MAILPROF");
	return m && *m ? m : "build/mailprof";
}

int t_run(const char *cmd, char **out, char **err)
{
	char outp[] = "/tmp/mp-test-out.XXXXXX", errp[] = "/tmp/mp-test-err.XXXXXX";
	int fo = mkstemp(outp), fe = mkstemp(errp);
	char *full = NULL;
	if (asprintf(&full, "( %s ) >%s 2>%s </dev/null", cmd, outp, errp) < 0)
		abort();
	int st = system(full);
	free(full);
	close(fo);
	close(fe);
	if (out)
		*out = t_slurp(outp, NULL);
	if (err)
		*err = t_slurp(errp, NULL);
	unlink(outp);
	unlink(errp);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

mailprof_profile *t_parse(const char *path, const char *format, mailprof_diags **d,
                          mailprof_status *st)
{
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *dd = mailprof_diags_new();
	mailprof_status s = mailprof_parse_file(p, path, format, NULL, dd);
	if (st)
		*st = s;
	if (d)
		*d = dd;
	else
		mailprof_diags_free(dd);
	return p;
}

mailprof_profile *t_parse_str(const char *text, const char *name, const char *format,
                              mailprof_diags **d, mailprof_status *st)
{
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *dd = mailprof_diags_new();
	mailprof_status s = mailprof_parse(p, text, strlen(text), name, format, NULL, dd);
	if (st)
		*st = s;
	if (d)
		*d = dd;
	else
		mailprof_diags_free(dd);
	return p;
}

size_t t_count(const mailprof_diags *d, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (strcmp(g->id, id) == 0 || (g->name && strcmp(g->name, id) == 0))
			n++;
	}
	return n;
}

const mailprof_diag *t_find(const mailprof_diags *d, const char *id)
{
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (strcmp(g->id, id) == 0 || (g->name && strcmp(g->name, id) == 0))
			return g;
	}
	return NULL;
}

char *t_emit(const mailprof_profile *p, const char *format)
{
	char *out = NULL;
	size_t len;
	mailprof_diags *d = mailprof_diags_new();
	mailprof_emit(p, format, NULL, &out, &len, d);
	mailprof_diags_free(d);
	return out;
}

mailprof_diags *t_check_str(const char *text, const char *format)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(text, "t.in", format, &d, &st);
	if (st == MAILPROF_OK)
		mailprof_check(p, d);
	mailprof_profile_free(p);
	return d;
}

uint32_t t_rnd(uint64_t *st, uint32_t n)
{
	*st ^= *st >> 12;
	*st ^= *st << 25;
	*st ^= *st >> 27;
	return (uint32_t)((*st * 2685821657736338717ULL) >> 33) % n;
}
