/* The rules table and its runner: each rule run on what its scope says. */
#include <stdarg.h>
#include <string.h>

#include "check.h"

static const struct mp_rule *const rules[] = {
#define MP_RULE(id) &mp_rule_##id,
#include "rules.def"
#undef MP_RULE
};

/* The configuration keeps per-rule switches in fixed arrays: the rules
 * first, then the codes of codes.def. */
enum { NCODES = 0
#define MP_CODE(id, sev, summary, fix, doc) +1
#include "codes.def"
#undef MP_CODE
};
_Static_assert(MP_COUNT(rules) + NCODES <= sizeof(((struct mailprof_check_config *)0)->enabled),
               "grow mailprof_check_config's per-rule arrays");

size_t mailprof_rule_count(void)
{
	return MP_COUNT(rules);
}

const mailprof_rule_info *mailprof_rule_get(size_t i)
{
	return i < MP_COUNT(rules) ? &rules[i]->info : NULL;
}

const mailprof_rule_info *mailprof_rule_find(const char *key)
{
	int i = mp_rule_index(key);
	if (i < 0)
		return NULL;
	return (size_t)i < MP_COUNT(rules) ? &rules[i]->info : mailprof_code_get((size_t)i - MP_COUNT(rules));
}

int mp_rule_index(const char *key)
{
	for (size_t i = 0; key && i < MP_COUNT(rules); i++)
		if (mp_strcasecmp(rules[i]->info.id, key) == 0 || mp_strcasecmp(rules[i]->info.name, key) == 0)
			return (int)i;
	int k = mp_code_index(key);
	return k < 0 ? -1 : (int)MP_COUNT(rules) + k;
}

const struct mp_rule *mp_rule_at(size_t i)
{
	return i < MP_COUNT(rules) ? rules[i] : NULL;
}

void mp_each_server(const mp_rule_ctx *c, const mp_account *a,
                    void (*fn)(const mp_rule_ctx *, const mp_server *))
{
	for (size_t i = 0; i < a->nincoming; i++)
		fn(c, &a->incoming[i]);
	for (size_t i = 0; i < a->noutgoing; i++)
		fn(c, &a->outgoing[i]);
}

void mp_report(const mp_rule_ctx *c, const mailprof_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const mailprof_rule_info *r = &c->rule->info;
	mp_vdiag(c->d, r->severity, r->id, r->name, loc, r->fix, fmt, ap);
	va_end(ap);
}

mailprof_loc mp_server_val_loc(const mp_server *s, const mailprof_loc *val)
{
	if (val && val->line)
		return *val;
	return s->loc;
}

/* Every rule of scope s, in table order, with c as the context. */
static void run_scope(enum mp_scope s, mp_rule_ctx c, const mp_account *accounts, size_t n)
{
	for (size_t i = 0; i < MP_COUNT(rules); i++) {
		const struct mp_rule *r = rules[i];
		if (r->scope != s || !r->run.profile)
			continue;
		c.rule = r;
		if (s == MP_SCOPE_ACCOUNT) {
			/* Disabled rules are skipped; other scopes are filtered afterwards. */
			if (c.cfg && i < sizeof c.cfg->enabled && c.cfg->enabled[i] == 0)
				continue;
			for (size_t j = 0; j < n; j++)
				r->run.account(&c, &accounts[j]);
		} else {
			r->run.profile(&c);
		}
	}
}

void mp_check_input(const mailprof_profile *p, size_t mark_from, mailprof_diags *d)
{
	mp_rule_ctx c = {.profile = p, .d = d, .mark_from = mark_from};
	run_scope(MP_SCOPE_INPUT, c, NULL, 0);
}

void mp_check_batch(const mailprof_profile *p, mailprof_batch *b, const mailprof_check_config *cfg,
                    mailprof_diags *d)
{
	mp_rule_ctx c = {.profile = p, .d = d, .cfg = cfg, .batch = b};
	run_scope(MP_SCOPE_BATCH, c, NULL, 0);
}

mailprof_status mailprof_check_with(const mailprof_profile *p, const mailprof_check_config *cfg,
                                    mailprof_diags *d)
{
	size_t first = mailprof_diags_count(d);
	mp_rule_ctx c = {.profile = p, .d = d, .cfg = cfg};
	run_scope(MP_SCOPE_ACCOUNT, c, p->accounts, p->naccounts);
	run_scope(MP_SCOPE_PROFILE, c, NULL, 0);
	mp_diags_dedupe(d, first);
	mp_config_apply(p, cfg, d);
	return MAILPROF_OK;
}

mailprof_status mailprof_check(const mailprof_profile *p, mailprof_diags *d)
{
	return mailprof_check_with(p, NULL, d);
}
