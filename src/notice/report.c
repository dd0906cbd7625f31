/* Stage 8 of the reader (docs/notice-reader.md): nothing silent. After the
 * accounts are built, every address and host name in the notice that no
 * account holds, and that no finding at its line names yet, is a notice-unused
 * finding at its line: the user sees what the reader could not place. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader.h"

static bool held(const mailprof_profile *p, size_t from, const char *v, size_t n)
{
	for (size_t i = from; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		const mp_str *s[] = {&a->email, NULL};
		for (size_t k = 0; s[k]; k++)
			if (s[k]->v && strlen(s[k]->v) == n && mp_strncasecmp(s[k]->v, v, n) == 0)
				return true;
		for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
			const mp_server *sv = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			/* a password that looks like a host is never shown */
			const mp_str *f[] = {&sv->host, &sv->username, &sv->password};
			for (size_t j = 0; j < MP_COUNT(f); j++)
				if (f[j]->v && strlen(f[j]->v) == n && mp_strncasecmp(f[j]->v, v, n) == 0)
					return true;
		}
	}
	return false;
}

/* A finding at the value's line already names it (a conflict, a row not
 * used) or stands at its column: said once, not twice. Another value of
 * the same line ("…domains: a.example, b.example") still gets its own. */
static bool value_reported(const mailprof_diags *d, size_t from, const mailprof_loc *at, const char *v, size_t n)
{
	for (size_t i = from; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (g->loc.line != at->line)
			continue;
		if (g->loc.column == at->column)
			return true;
		for (const char *m = g->message; m && *m; m++)
			if (mp_strncasecmp(m, v, n) == 0 && !isalnum((unsigned char)m[n]) && m[n] != '.' && m[n] != '-')
				return true;
	}
	return false;
}

void nr_report_unplaced(struct ex *x, const mp_ntext *t, const mailprof_profile *p, size_t from,
                        size_t diags_from)
{
	for (size_t li = 0; li < t->n; li++) {
		const mp_nline *l = &t->lines[li];
		const char *s = l->s;
		size_t n = l->len;
		for (size_t i = 0; i < n; i++) {
			if (!isalnum((unsigned char)s[i]) || (i && (isalnum((unsigned char)s[i - 1]) || strchr(".-_@%+:/", s[i - 1]))))
				continue;
			size_t vb, ve;
			enum nr_vtype v = nr_typed_value(s, i, n, false, &vb, &ve);
			if (v != NV_EMAIL && v != NV_HOST)
				continue;
			/* a top-level domain of two letters at least ("morgan.b" is a login) */
			size_t tld = 0;
			while (tld < ve - vb && isalpha((unsigned char)s[ve - 1 - tld]))
				tld++;
			if (tld < 2 || s[ve - 1 - tld] != '.') {
				i = ve;
				continue;
			}
			mailprof_loc at = nr_loc_at(x, l, vb);
			if (!held(p, from, s + vb, ve - vb) && !value_reported(x->d, diags_from, &at, s + vb, ve - vb)) {
				char *val = mp_xstrndup(s + vb, ve - vb);
				nr_info(x, l, vb, "if it is a setting, put it under a label (or use a template)",
				        "%s `%s` is not placed in any account; not used",
				        v == NV_EMAIL ? "the address" : "the host name", val);
				free(val);
			}
			i = ve;
		}
	}
}
