/* Runs the rules table over a profile. */
#include <stdarg.h>
#include <string.h>

#include "check.h"

static const struct mp_rule *const rules[] = {
#define MP_RULE(id) &mp_rule_##id,
#include "rules.def"
#undef MP_RULE
};

/* The configuration keeps per-rule switches in fixed arrays. */
_Static_assert(MP_COUNT(rules) <= sizeof(((struct mailprof_check_config *)0)->enabled),
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
	for (size_t i = 0; key && i < MP_COUNT(rules); i++)
		if (mp_strcasecmp(rules[i]->info.id, key) == 0 || mp_strcasecmp(rules[i]->info.name, key) == 0)
			return &rules[i]->info;
	return NULL;
}

int mp_rule_index(const char *key)
{
	for (size_t i = 0; key && i < MP_COUNT(rules); i++)
		if (mp_strcasecmp(rules[i]->info.id, key) == 0 || mp_strcasecmp(rules[i]->info.name, key) == 0)
			return (int)i;
	return -1;
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

bool mp_port_is_implicit_tls(int port)
{
	return port == 465 || port == 993 || port == 995;
}

bool mp_port_is_starttls(int port)
{
	return port == 25 || port == 110 || port == 143 || port == 587;
}

bool mp_has_placeholder(const char *s)
{
	const char *p = s ? strchr(s, '%') : NULL;
	return p && strchr(p + 1, '%');
}
