/* The checker: a table of rules (rules.def), each run on every account.
 * Adding a rule is a descriptor in a rules_<area>.c file plus one line in
 * rules.def. Rules only read the model; they never change it. */
#ifndef MP_CHECK_H
#define MP_CHECK_H

#include "model.h"

struct mp_rule;

typedef struct {
	const struct mp_rule *rule;
	const mailprof_profile *profile;
	mailprof_diags *d;
} mp_rule_ctx;

struct mp_rule {
	mailprof_rule_info info;
	void (*run)(const mp_rule_ctx *c, const mp_account *a);
};

/* Report a finding of c's rule at loc (message formatted, fix from the table). */
void mp_report(const mp_rule_ctx *c, const mailprof_loc *loc, const char *fmt, ...) MP_PRINTF(3, 4);

/* Location of a server value, falling back to the server, then the account. */
mailprof_loc mp_server_val_loc(const mp_server *s, const mailprof_loc *val);

/* Shared predicates. */
bool mp_port_is_implicit_tls(int port);  /* 465, 993, 995 */
bool mp_port_is_starttls(int port);      /* 25, 110, 143, 587 */
bool mp_has_placeholder(const char *s);

#define MP_RULE(id) extern const struct mp_rule mp_rule_##id;
#include "rules.def"
#undef MP_RULE

#endif
