/* The check stage: one table of rules (rules.def) and its runner (check.c).
 * Every rule is one descriptor and one function in the file of its subject
 * (rules_<subject>.c) plus one line in rules.def; its scope says what the
 * function is run on. Rules only read the model; they never change it. */
#ifndef MP_CHECK_H
#define MP_CHECK_H

#include "domain.h"
#include "model.h"

struct mp_rule;

/* Checker settings (see config.c); NULL means the defaults. */
struct mailprof_check_config {
	signed char enabled[128];  /* per rule index (mp_rule_index): -1 default, 0 off, 1 on */
	signed char severity[128]; /* per rule index: -1 default, else mailprof_severity */
	char **trusted;            /* hosting domains trusted for any address domain */
	size_t ntrusted;
	int fail_on;               /* mailprof_severity */
	char **baseline;           /* sorted keys of known findings (mailprof_diag_key) */
	size_t nbaseline;
};

typedef struct mailprof_batch mailprof_batch;

typedef struct {
	const struct mp_rule *rule;
	const mailprof_profile *profile;
	mailprof_diags *d;
	const struct mailprof_check_config *cfg; /* may be NULL */
	size_t mark_from;      /* input scope: the facts this parse recorded start here */
	mailprof_batch *batch; /* batch scope */
} mp_rule_ctx;

/* What a rule's function is run on, and when. */
enum mp_scope {
	MP_SCOPE_ACCOUNT, /* each account, by mailprof_check */
	MP_SCOPE_PROFILE, /* the profile's facts once, by mailprof_check */
	MP_SCOPE_INPUT,   /* the facts a reader recorded, with every mailprof_parse (so a
	                   * document's structure is reported even when no account was read) */
	MP_SCOPE_BATCH,   /* each profile against the earlier ones, by mailprof_batch_add */
	MP_SCOPE_CHANGE,  /* a change made by mailprof_fix or an emitter, reported by the
	                   * code that makes it through mp_diag_change(): no function */
	MP_SCOPE_LIVE     /* what live servers contradict, found by mailprof_probe_run
	                   * (src/probe/, the only network I/O): no function */
};

struct mp_rule {
	mailprof_rule_info info;
	enum mp_scope scope;
	union {
		void (*account)(const mp_rule_ctx *c, const mp_account *a);
		void (*profile)(const mp_rule_ctx *c); /* profile, input and batch scopes */
	} run;
};

/* Run the input-scope rules on what a parse recorded (from mark_from on). */
void mp_check_input(const mailprof_profile *p, size_t mark_from, mailprof_diags *d);
/* Run the batch-scope rules on p against the earlier profiles of b. */
void mp_check_batch(const mailprof_profile *p, mailprof_batch *b,
                    const struct mailprof_check_config *cfg, mailprof_diags *d);
/* Drop or change findings of d as cfg and p's suppression markers say
 * (config.c). */
void mp_config_apply(const mailprof_profile *p, const struct mailprof_check_config *cfg,
                     mailprof_diags *d);

/* Index of a rule in the table, else MP_COUNT(rules) + the index of a code
 * of codes.def, or -1. */
int mp_rule_index(const char *id_or_name);
const struct mp_rule *mp_rule_at(size_t i);

/* Report a finding of c's rule at loc (message formatted, fix from the table). */
void mp_report(const mp_rule_ctx *c, const mailprof_loc *loc, const char *fmt, ...) MP_PRINTF(3, 4);

/* Location of a server value, falling back to the server, then the account. */
mailprof_loc mp_server_val_loc(const mp_server *s, const mailprof_loc *val);

/* Call fn on every incoming, then every outgoing server of a. */
void mp_each_server(const mp_rule_ctx *c, const mp_account *a,
                    void (*fn)(const mp_rule_ctx *, const mp_server *));

#define MP_RULE(id) extern const struct mp_rule mp_rule_##id;
#include "rules.def"
#undef MP_RULE

#endif
