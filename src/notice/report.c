/* Stage 8 of the reader (docs/notice-reader.md): nothing silent. After the
 * accounts are built, every address and host name in the notice that no
 * account holds, and that no finding at its line names yet, is a notice-unused
 * finding at its line: the user sees what the reader could not place. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hashset.h"
#include "reader.h"

/* The values the accounts hold (addresses, provider names, hosts, logins,
 * passwords), folded to lower case, in a hash set: a notice of many
 * accounts and many values stays linear. */
static char *fold_dup(const char *v, size_t n)
{
	char *c = mp_xstrndup(v, n);
	for (char *q = c; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	return c;
}

static bool same_value(const void *entry, const void *key)
{
	return strcmp(entry, key) == 0;
}

static void hold(mp_set *set, const mp_str *s)
{
	if (!s->v)
		return;
	char *c = fold_dup(s->v, strlen(s->v));
	uint64_t h = mp_fnv1a_str(MP_FNV_INIT, c);
	if (mp_set_find(set, h, c, same_value))
		free(c);
	else
		mp_set_add(set, h, c);
}

static void held_set(mp_set *set, const mailprof_profile *p, size_t from)
{
	for (size_t i = from; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		hold(set, &a->email);
		hold(set, &a->provider_name); /* a provider named "Outlook.com" */
		for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
			const mp_server *sv = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			/* a password that looks like a host is never shown */
			hold(set, &sv->host);
			hold(set, &sv->username);
			hold(set, &sv->password);
		}
	}
}

static bool held(const mp_set *set, const char *v, size_t n)
{
	char *c = fold_dup(v, n);
	bool r = mp_set_find(set, mp_fnv1a_str(MP_FNV_INIT, c), c, same_value) != NULL;
	free(c);
	return r;
}

/* A finding at the value's line already names it (a conflict, a row not
 * used) or stands at its column: said once, not twice. Another value of
 * the same line ("…domains: a.example, b.example") still gets its own.
 * The findings looked at are those of the line: idx[ib, ie) (made before
 * this stage) and those this stage added since the line began. */
static bool value_reported(const mailprof_diags *d, const size_t *idx, size_t ib, size_t ie, size_t line_from,
                           const mailprof_loc *at, const char *v, size_t n)
{
	size_t total = ie - ib + mailprof_diags_count(d) - line_from;
	for (size_t k = 0; k < total; k++) {
		const mailprof_diag *g = mailprof_diags_get(d, k < ie - ib ? idx[ib + k] : line_from + k - (ie - ib));
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

/* The findings made before this stage, by line: a notice with many
 * findings stays linear (each line looks at its own). */
struct at_line {
	int line;
	size_t i;
};

static int by_line(const void *a, const void *b)
{
	const struct at_line *p = a, *q = b;
	return p->line != q->line ? (p->line < q->line ? -1 : 1) : p->i < q->i ? -1 : p->i > q->i;
}

/* Unplaced values reported on one line: more is a list no reader reads
 * value by value (and a hostile line stays linear); one finding says so. */
enum { REPORT_LINE_MAX = 16 };

void nr_report_unplaced(struct ex *x, const mp_ntext *t, const mailprof_profile *p, size_t from,
                        size_t diags_from)
{
	size_t nd = mailprof_diags_count(x->d) - diags_from, *idx = mp_xmalloc((nd + 1) * sizeof *idx);
	struct at_line *al = mp_xmalloc((nd + 1) * sizeof *al);
	for (size_t i = 0; i < nd; i++)
		al[i] = (struct at_line){mailprof_diags_get(x->d, diags_from + i)->loc.line, diags_from + i};
	qsort(al, nd, sizeof *al, by_line);
	for (size_t i = 0; i < nd; i++)
		idx[i] = al[i].i;
	free(al);
	mp_set hs = {0};
	held_set(&hs, p, from);
	size_t ib = 0;
	for (size_t li = 0; li < t->n; li++) {
		const mp_nline *l = &t->lines[li];
		const char *s = l->s;
		size_t n = l->len, reported = 0, line_from = mailprof_diags_count(x->d);
		while (ib < nd && mailprof_diags_get(x->d, idx[ib])->loc.line < l->line)
			ib++;
		size_t ie = ib;
		while (ie < nd && mailprof_diags_get(x->d, idx[ie])->loc.line <= mp_nline_line(l, l->len))
			ie++;
		bool more = false;
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
			bool h = held(&hs, s + vb, ve - vb);
			if (!h && reported == REPORT_LINE_MAX)
				more = true;
			else if (!h &&
			         !value_reported(x->d, idx, ib, ie, line_from, &at, s + vb, ve - vb)) {
				char *val = mp_xstrndup(s + vb, ve - vb);
				nr_info(x, l, vb, "if it is a setting, put it under a label (or use a template)",
				        "%s `%s` is not placed in any account; not used",
				        v == NV_EMAIL ? "the address" : "the host name", val);
				free(val);
				reported++;
			}
			i = ve;
		}
		if (more)
			nr_info(x, l, 0, NULL, "more than %d addresses and host names on this line are not placed; not listed",
			        REPORT_LINE_MAX);
		ib = ie;
	}
	for (size_t k = 0; k < hs.cap; k++)
		free(hs.v[k]);
	mp_set_free(&hs);
	free(idx);
}
