/* Rules on placeholders. Thunderbird autoconfig knows %EMAILADDRESS%,
 * %EMAILLOCALPART%, %EMAILDOMAIN% and %REALNAME%; other template syntaxes
 * are never expanded by any client. Sources: Thunderbird readFromXML,
 * sys4/automx issue 46. */
#include <string.h>

#include "check.h"
#include "format.h"

/* A template syntax no mail client expands, or NULL. */
static const char *foreign_template(const char *s)
{
	if (strstr(s, "${"))
		return "${...}";
	if (strstr(s, "{{"))
		return "{{...}}";
	if (strstr(s, "$("))
		return "$(...)";
	const char *lt = strchr(s, '<');
	if (lt && strchr(lt, '>'))
		return "<...>";
	return mp_template_token(s) ? "UPPER_CASE" : NULL;
}

static void unexpanded(const mp_rule_ctx *c, const char *what, const mp_str *v, const mailprof_loc *fallback)
{
	const char *t = v->v ? foreign_template(v->v) : NULL;
	if (!t)
		return;
	mailprof_loc l = v->loc.line ? v->loc : *fallback;
	mp_report(c, &l, "%s '%s' holds an unexpanded %s placeholder", what, v->v, t);
}

static void run_placeholder_unexpanded(const mp_rule_ctx *c, const mp_account *a)
{
	unexpanded(c, "address", &a->email, &a->loc);
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		unexpanded(c, "host", &s->host, &s->loc);
		unexpanded(c, "user name", &s->username, &s->loc);
	}
}

const struct mp_rule mp_rule_placeholder_unexpanded = {
	{"MP032", "placeholder-unexpanded", MAILPROF_ERROR, "template placeholder left in the profile",
	 "replace the placeholder with the real value before publishing",
	 "Server-side templates (automx, Jinja, shell, installers) use ${...}, {{...}}, $(...), <YOUR...> "
	 "or upper-case tokens such as PRIMARY_HOSTNAME or mail.YOURDOMAIN.COM; when "
	 "one is published unrendered, clients try to connect to a host literally called "
	 "{{domain}}. Only Thunderbird's four %NAME% placeholders are expanded by a client. "
	 "Sources: sys4/automx issue 46; IKEv2-setup issue 62."},
	MP_SCOPE_ACCOUNT,
	{.account = run_placeholder_unexpanded},
};

static bool known_placeholder(const char *name, size_t n)
{
	static const char *const known[] = {"EMAILADDRESS", "EMAILLOCALPART", "EMAILDOMAIN", "REALNAME"};
	for (size_t i = 0; i < MP_COUNT(known); i++)
		if (strlen(known[i]) == n && strncmp(known[i], name, n) == 0)
			return true;
	return false;
}

static void unknown(const mp_rule_ctx *c, const char *what, const mp_str *v, const mailprof_loc *fallback)
{
	for (const char *p = v->v ? strchr(v->v, '%') : NULL; p; p = strchr(p + 1, '%')) {
		const char *e = strchr(p + 1, '%');
		if (!e)
			return;
		size_t n = (size_t)(e - p - 1);
		bool word = n > 0;
		for (const char *q = p + 1; q < e; q++)
			word &= (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || *q == '_';
		if (word && !known_placeholder(p + 1, n)) {
			mailprof_loc l = v->loc.line ? v->loc : *fallback;
			mp_report(c, &l, "%s uses unknown placeholder %%%.*s%%: clients leave it as it is", what,
			          (int)n, p + 1);
		}
		if (word)
			p = e; /* skip past the closing '%' */
	}
}

static void run_placeholder_unknown(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		unknown(c, "host", &s->host, &s->loc);
		unknown(c, "user name", &s->username, &s->loc);
	}
	unknown(c, "display name", &a->display_name, &a->loc);
}

const struct mp_rule mp_rule_placeholder_unknown = {
	{"MP033", "placeholder-unknown", MAILPROF_WARNING, "unknown %NAME% placeholder",
	 "use %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% or %REALNAME%",
	 "Autoconfig clients substitute only %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% and "
	 "%REALNAME% (Thunderbird also accepts the names case-sensitively only). Any other %NAME% "
	 "stays in the value and the login fails. Formats without placeholders (Apple profiles, "
	 ".oeaccount) expand none: their emitters report that as a lossy conversion. Source: "
	 "Thunderbird readFromXML / sanitize placeholders."},
	MP_SCOPE_ACCOUNT,
	{.account = run_placeholder_unknown},
};

/* A Thunderbird placeholder read from a format whose client does not
 * substitute it (Outlook, Apple, Windows Live Mail, a letter): the client
 * would log in as, or connect to, the literal %EMAILADDRESS%. */
static void literal(const mp_rule_ctx *c, const char *what, const mp_str *v, const mailprof_loc *fallback,
                    const char *client)
{
	const char *ph = mp_placeholder_in(v->v);
	if (!ph)
		return;
	mailprof_loc l = v->loc.line ? v->loc : *fallback;
	mp_report(c, &l, "%s '%s' holds %%%s%%, which %s does not substitute: it would use the text as is",
	          what, v->v, ph, client);
}

static void run_placeholder_literal(const mp_rule_ctx *c, const mp_account *a)
{
	const struct mp_format *f = a->format ? mp_format_find(a->format) : NULL;
	if (!f || f->substitutes)
		return;
	const char *client = f->client ? f->client : "its reader";
	literal(c, "address", &a->email, &a->loc, client);
	literal(c, "display name", &a->display_name, &a->loc, client);
	for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
		const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
		literal(c, "host", &s->host, &s->loc, client);
		literal(c, "user name", &s->username, &s->loc, client);
	}
}

const struct mp_rule mp_rule_placeholder_literal = {
	{"MP049", "placeholder-not-substituted", MAILPROF_ERROR,
	 "placeholder in a format whose client does not substitute it",
	 "write the literal value, or convert with --email ADDRESS (and --name) to substitute it",
	 "Only Thunderbird substitutes %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% and %REALNAME%, "
	 "and only in autoconfig files. Outlook reads an Autodiscover <LoginName> as it is, Apple "
	 "Mail a .mobileconfig value, Windows Live Mail an .oeaccount value: the login fails or the "
	 "client connects to a host literally named %EMAILDOMAIN%. Seen in real Autodiscover "
	 "responses generated from autoconfig templates. Sources: Thunderbird readFromXML (the "
	 "placeholders), Microsoft Autodiscover POX reference (LoginName), Apple "
	 "com.apple.mail.managed payload reference."},
	MP_SCOPE_ACCOUNT,
	{.account = run_placeholder_literal},
};
