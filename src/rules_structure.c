/* Rules on the shape of an account, and the rule entries for findings made
 * outside the per-account pass (suppressions, --fix). */
#include <string.h>

#include "check.h"

static void run_short_name_long(const mp_rule_ctx *c, const mp_account *a)
{
	const mp_str *v = &a->provider_short_name;
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)(v->v ? v->v : ""); *p; p++)
		n += (*p & 0xC0) != 0x80; /* count characters, not bytes */
	if (n > 20) {
		mailprof_loc l = v->loc.line ? v->loc : a->loc;
		mp_report(c, &l, "provider short name '%s' is %zu characters; clients show 20", v->v, n);
	}
}

const struct mp_rule mp_rule_short_name_long = {
	{"MP042", "short-name-long", MAILPROF_INFO, "provider short name longer than 20 characters",
	 "shorten displayShortName to 20 characters or fewer",
	 "The autoconfig displayShortName is shown in narrow account lists; the draft limits it to "
	 "20 characters and clients truncate longer names. Source: draft-ietf-mailmaint-autoconfig "
	 "(displayShortName)."},
	run_short_name_long,
};

static bool same_server(const mp_server *x, const mp_server *y)
{
	return x->protocol == y->protocol && x->host.v && y->host.v && mp_strcasecmp(x->host.v, y->host.v) == 0 &&
	       x->port.set == y->port.set && (!x->port.set || x->port.v == y->port.v) &&
	       x->security.set == y->security.set && (!x->security.set || x->security.v == y->security.v);
}

static void dup_list(const mp_rule_ctx *c, const mp_server *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (same_server(&v[i], &v[j])) {
				mp_report(c, &v[i].loc, "%s server %s:%d is listed twice (first at line %d)",
				          mp_protocol_name(v[i].protocol), v[i].host.v, v[i].port.set ? v[i].port.v : 0,
				          v[j].loc.line);
				break;
			}
}

static void run_duplicate_server(const mp_rule_ctx *c, const mp_account *a)
{
	dup_list(c, a->incoming, a->nincoming);
	dup_list(c, a->outgoing, a->noutgoing);
}

const struct mp_rule mp_rule_duplicate_server = {
	{"MP044", "duplicate-server", MAILPROF_WARNING, "same server listed twice in an account",
	 "remove the repeated server entry",
	 "Clients try servers in order; a repeated entry (same protocol, host, port and security) "
	 "adds nothing and usually means an edit was meant to change one of them. Source: "
	 "Thunderbird readFromXML (alternatives are tried in order)."},
	run_duplicate_server,
};

const struct mp_rule mp_rule_suppression_no_reason = {
	{"MP045", "suppression-no-reason", MAILPROF_WARNING, "inline suppression without a reason",
	 "write the reason after the rule ID: mailprof-disable MP006: provider serves TLS on 587",
	 "An inline suppression (mailprof-disable ID: reason, in an INI ';'/'#' comment or an XML "
	 "comment) silences a finding on the next line holding a value; without a reason the next "
	 "reader cannot tell a checked exception from a hidden problem. The suppression still "
	 "applies; this finding is reported at the comment. It is made by the suppression scanner "
	 "over the raw input text, so it works the same for every format. Source: shellcheck, "
	 "hadolint and yamllint inline-directive practice."},
	NULL,
};

const struct mp_rule mp_rule_fix_applied = {
	{"MP046", "fix-applied", MAILPROF_INFO, "safe fix applied",
	 "review the change in the output",
	 "Reported by convert --fix and check --fix -o (mailprof_fix) for every change made: SMTP "
	 "on port 25 without authentication moved to 587 with STARTTLS and SMTP-AUTH "
	 "(password-cleartext), as providers advise for OP25B; full-width letters, digits and dots "
	 "in host names folded to ASCII; STARTTLS on an implicit-TLS port (465, 993, 995) set to "
	 "TLS. Other findings have no safe automatic fix and are never changed. Sources: RFC 6409 "
	 "section 3.1, RFC 5895 section 2, RFC 8314 section 3."},
	NULL,
};

/* Emitters report lossy conversions under the finding ID "lossy" (this
 * rule's name), so --disable lossy, severities and suppressions apply. */
const struct mp_rule mp_rule_lossy = {
	{"MP037", "lossy", MAILPROF_INFO, "conversion loses information",
	 "review the output; keep standard ports so the target client infers the rest",
	 "Target formats cannot say everything the model holds: Apple profiles and .oeaccount have "
	 "one SSL flag for STARTTLS and implicit TLS, no OAuth2, no POP leave-on-server days and no "
	 "placeholders; autoconfig has no personal address; several formats keep one server per "
	 "direction. The emitters report each dropped or approximated value as an info finding "
	 "with ID \"lossy\" when converting. Sources: Apple com.apple.mail.managed schema, "
	 "MS-OXDSCLI, automx2 CHANGELOG 2024.2."},
	NULL,
};
