/* The checker: a table of rules (rules.def), each run on every account.
 * Adding a rule is a descriptor in a rules_<area>.c file plus one line in
 * rules.def. Rules only read the model; they never change it. */
#ifndef MP_CHECK_H
#define MP_CHECK_H

#include "model.h"

struct mp_rule;

/* Checker settings (see config.c); NULL means the defaults. */
struct mailprof_check_config {
	signed char enabled[64];   /* per rule index: -1 default, 0 off, 1 on */
	signed char severity[64];  /* per rule index: -1 default, else mailprof_severity */
	char **trusted;            /* hosting domains trusted for any address domain */
	size_t ntrusted;
	int fail_on;               /* mailprof_severity */
	char **baseline;           /* sorted keys of known findings (mailprof_diag_key) */
	size_t nbaseline;
};

typedef struct {
	const struct mp_rule *rule;
	const mailprof_profile *profile;
	mailprof_diags *d;
	const struct mailprof_check_config *cfg; /* may be NULL */
} mp_rule_ctx;

struct mp_rule {
	mailprof_rule_info info;
	/* NULL for findings made elsewhere (batch, suppressions, --fix): the
	 * table still holds their documentation and configuration. */
	void (*run)(const mp_rule_ctx *c, const mp_account *a);
};

/* Index of a rule in the table, or -1. */
int mp_rule_index(const char *id_or_name);
const struct mp_rule *mp_rule_at(size_t i);

/* Report a finding of c's rule at loc (message formatted, fix from the table). */
void mp_report(const mp_rule_ctx *c, const mailprof_loc *loc, const char *fmt, ...) MP_PRINTF(3, 4);

/* Location of a server value, falling back to the server, then the account. */
mailprof_loc mp_server_val_loc(const mp_server *s, const mailprof_loc *val);

/* Shared predicates. */
bool mp_port_is_implicit_tls(int port);  /* 465, 993, 995 */
bool mp_port_is_starttls(int port);      /* 25, 110, 143, 587 */
bool mp_has_placeholder(const char *s);
/* An upper-case template token (PRIMARY_HOSTNAME, YOURDOMAIN) in s. */
bool mp_template_token(const char *s);
/* MP035 over an XML plist's text (rules_plist.c); called by mailprof_parse. */
void mp_plist_uuid_scan(const char *buf, size_t len, const char *file, mailprof_diags *d);
/* Call fn on every incoming, then every outgoing server of a. */
void mp_each_server(const mp_rule_ctx *c, const mp_account *a,
                    void (*fn)(const mp_rule_ctx *, const mp_server *));
/* Why h is not a valid LDH host name, or NULL (rules_host.c). */
const char *mp_host_problem(const char *h);
/* True for an IPv4 dotted quad or a bracketed/colon IPv6 literal. */
bool mp_host_is_ip(const char *h);
/* Registrable part of a domain ("mail.example.co.jp" -> "example.co.jp"),
 * approximated without the Public Suffix List; points into d. */
const char *mp_registrable(const char *d);

#define MP_RULE(id) extern const struct mp_rule mp_rule_##id;
#include "rules.def"
#undef MP_RULE

#endif
