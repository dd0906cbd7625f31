/* Values a working account cannot do without. */
#include <string.h>

#include "check.h"

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
	run_missing_value,
};
