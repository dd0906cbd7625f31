/* Rules on a profile as a whole: the shape of its accounts (required
 * values, short names, repeated servers, POP options), the facts its reader
 * recorded (PayloadUUIDs, suppression markers), and what a conversion
 * loses. */
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
	MP_SCOPE_ACCOUNT,
	{.account = run_short_name_long},
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
	MP_SCOPE_ACCOUNT,
	{.account = run_duplicate_server},
};

/* One finding per marker (its IDs share the reason). */
static void run_suppression_no_reason(const mp_rule_ctx *c)
{
	const mailprof_profile *p = c->profile;
	for (size_t k = 0; k < p->nsupp; k++) {
		const mp_suppression *s = &p->supp[k];
		if (s->reason || (k && p->supp[k - 1].line == s->line && p->supp[k - 1].file == s->file))
			continue;
		mailprof_loc at = {s->file, s->line, 0};
		mp_report(c, &at, "suppression of %s without a reason", s->id);
	}
}

const struct mp_rule mp_rule_suppression_no_reason = {
	{"MP045", "suppression-no-reason", MAILPROF_WARNING, "inline suppression without a reason",
	 "write the reason after the rule ID: mailprof-disable MP006: provider serves TLS on 587",
	 "An inline suppression (mailprof-disable ID: reason, in an INI ';'/'#' comment or an XML "
	 "comment) silences a finding on the next line holding a value; without a reason the next "
	 "reader cannot tell a checked exception from a hidden problem. The suppression still "
	 "applies; this finding is reported at the comment. It is made by the suppression scanner "
	 "over the raw input text, so it works the same for every format. Source: shellcheck, "
	 "hadolint and yamllint inline-directive practice."},
	MP_SCOPE_PROFILE,
	{.profile = run_suppression_no_reason},
};

/* Emitters report lossy conversions through mp_diag_change(MP_LOSSY), under
 * the finding ID "lossy" (this rule's name), so --disable lossy,
 * severities and suppressions apply. */
const struct mp_rule mp_rule_lossy = {
	{"MP037", "lossy", MAILPROF_INFO, "conversion loses information",
	 "review the output; keep standard ports so the target client infers the rest",
	 "Target formats cannot say everything the model holds: Apple profiles and .oeaccount have "
	 "one SSL flag for STARTTLS and implicit TLS, no OAuth2, no POP leave-on-server days and no "
	 "placeholders; autoconfig has no personal address; several formats keep one server per "
	 "direction. The emitters report each dropped or approximated value as an info finding "
	 "with ID \"lossy\" when converting. Sources: Apple com.apple.mail.managed schema, "
	 "MS-OXDSCLI, automx2 CHANGELOG 2024.2."},
	MP_SCOPE_CHANGE,
	{NULL}, /* only an emitter knows what its format cannot hold */
};

static void run_missing_value(const mp_rule_ctx *c, const mp_account *a)
{
	/* Templates (autoconfig) describe a provider, not a person: no address.
	 * Apple profiles and Autodiscover responses without personal data leave
	 * the address to the user or the client (Apple prompts for it). */
	/* An Autodiscover response answers a request made with the address:
	 * its <User> (a DisplayName) and its LoginNames come without it as a rule. */
	bool answer = a->format && strcmp(a->format, "autodiscover") == 0;
	bool personal = a->display_name.v != NULL;
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		personal |= (s->username.v && !mp_has_placeholder(s->username.v)) || s->password.v;
	}
	bool is_template = a->provider_id.v || a->ndomains || !personal;
	if (!a->email.v && !is_template && !answer)
		mp_report(c, &a->loc, "the account has no e-mail address");
	if (!a->nincoming)
		mp_report(c, &a->loc, "the account has no incoming (IMAP or POP3) server");
	if (!a->noutgoing)
		mp_report(c, &a->loc, "the account has no outgoing (SMTP) server");
	for (size_t i = 0; i < a->nincoming; i++)
		if (!a->incoming[i].host.v || !*a->incoming[i].host.v)
			mp_report(c, &a->incoming[i].loc, "%s server without a host name",
			          mp_protocol_name(a->incoming[i].protocol));
	for (size_t i = 0; i < a->noutgoing; i++)
		if (!a->outgoing[i].host.v || !*a->outgoing[i].host.v)
			mp_report(c, &a->outgoing[i].loc, "SMTP server without a host name");
}

const struct mp_rule mp_rule_missing_value = {
	{"MP034", "missing-value", MAILPROF_ERROR, "required value missing",
	 "add the e-mail address, the incoming server and the outgoing server",
	 "An account needs one incoming server and one outgoing server, each with a host name, and a "
	 "personal account (one with a display name, a user name or a password) its e-mail address. "
	 "Provider profiles and templates (autoconfig domains, Apple profiles and Autodiscover "
	 "responses without personal data) may leave the address to the client, which asks the user "
	 "(Apple: EmailAddress is optional, the device prompts). An Autodiscover response needs "
	 "no address either: the client asked with it, so <User><DisplayName> comes without one. "
	 "Clients reject profiles without "
	 "servers. Sources: Thunderbird readFromXML, Apple com.apple.mail.managed schema."},
	MP_SCOPE_ACCOUNT,
	{.account = run_missing_value},
};

static bool has_pop(const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		if (a->incoming[i].protocol == MP_PROTO_POP3)
			return true;
	return false;
}

static void run_pop_delete(const mp_rule_ctx *c, const mp_account *a)
{
	const mp_int *v = &a->pop_leave_on_server;
	if (!v->set || v->v || !has_pop(a))
		return;
	mailprof_loc l = v->loc.line ? v->loc : a->loc;
	mp_report(c, &l, "POP3 deletes mail from the server after download: the only copy is on one device");
}

const struct mp_rule mp_rule_pop_delete = {
	{"MP038", "pop-delete", MAILPROF_WARNING, "POP3 deletes mail from the server",
	 "leave mail on the server (for some days), or use IMAP",
	 "With leave-on-server off, a POP3 client removes every message it downloads: other devices "
	 "never see it and a lost device loses the mail. Thunderbird leaves mail on the server by "
	 "default (14 days). Source: Thunderbird account defaults; autoconfig pop3 "
	 "leaveMessagesOnServer."},
	MP_SCOPE_ACCOUNT,
	{.account = run_pop_delete},
};

static void run_pop_days_ignored(const mp_rule_ctx *c, const mp_account *a)
{
	const mp_int *on = &a->pop_leave_on_server, *days = &a->pop_leave_days;
	if (!days->set || !on->set || on->v)
		return;
	mailprof_loc l = days->loc.line ? days->loc : a->loc;
	mp_report(c, &l, "pop_leave_days = %d has no effect: mail is not left on the server", days->v);
}

const struct mp_rule mp_rule_pop_days_ignored = {
	{"MP047", "pop-days-ignored", MAILPROF_WARNING, "days to keep mail set, but mail is not kept",
	 "turn leave-on-server on, or drop the number of days",
	 "A number of days to keep downloaded mail only means something when mail is left on the "
	 "server; together with leave-on-server off it contradicts itself and one of the two was "
	 "probably meant otherwise. Source: Thunderbird pop3 settings "
	 "(leave_on_server, delete_by_age_from_server)."},
	MP_SCOPE_ACCOUNT,
	{.account = run_pop_days_ignored},
};

static bool uuid_shape(const char *s, size_t n)
{
	if (n != 36)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		char ch = s[i];
		bool hex = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
		if (dash ? ch != '-' : !hex)
			return false;
	}
	return true;
}

/* The PayloadUUID keys the mobileconfig reader recorded from the text. */
static void run_payload_uuid(const mp_rule_ctx *c)
{
	const mailprof_profile *p = c->profile;
	struct seen_uuid {
		const char *v;
		size_t n;
		int line;
	} seen[64];
	size_t nseen = 0;
	for (size_t k = c->mark_from; k < p->nuuid_marks; k++) {
		const mp_uuid_mark *m = &p->uuid_marks[k];
		if (!m->value) {
			mp_report(c, &m->loc, "PayloadUUID is not a string");
			continue;
		}
		const char *v = m->value;
		size_t n = m->len;
		if (!uuid_shape(v, n)) {
			mp_report(c, &m->loc, "PayloadUUID '%.*s' is not a UUID (8-4-4-4-12 hex digits)",
			          (int)(n > 60 ? 60 : n), v);
			continue;
		}
		bool dup = false;
		for (size_t i = 0; i < nseen && !dup; i++)
			if (seen[i].n == n && mp_strncasecmp(seen[i].v, v, n) == 0) {
				mp_report(c, &m->loc, "PayloadUUID %.*s is also used at line %d", (int)n, v,
				          seen[i].line);
				dup = true;
			}
		if (!dup && nseen < MP_COUNT(seen))
			seen[nseen++] = (struct seen_uuid){v, n, m->loc.line};
	}
}

const struct mp_rule mp_rule_payload_uuid = {
	{"MP035", "payload-uuid", MAILPROF_ERROR, "duplicate or malformed PayloadUUID",
	 "give every payload its own UUID (uuidgen); mailprof convert --to mobileconfig derives them",
	 "Every payload of an Apple configuration profile, and the profile itself, needs its own "
	 "PayloadUUID in UUID form; installing a profile whose UUIDs repeat or are malformed fails, "
	 "or one payload silently replaces another. This is a structure check of the XML plist text, "
	 "made while parsing a mobileconfig (signed profiles after unwrapping; binary plists are "
	 "not scanned), so it "
	 "reports even when no account could be read. Sources: Apple Configuration Profile "
	 "Reference (TopLevel keys), profiledocs issue 8, AhaDNS issue 4."},
	MP_SCOPE_INPUT,
	{.profile = run_payload_uuid},
};
