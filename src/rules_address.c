/* Rules on the e-mail address. Sources: RFC 5322 section 3.4.1 and 3.2.3,
 * RFC 5321 section 4.5.3.1, RFC 6531/6532. */
#include <string.h>

#include "check.h"

/* Checkable address: set, and not a template placeholder. */
static const char *address(const mp_account *a)
{
	return a->email.v && !mp_has_placeholder(a->email.v) ? a->email.v : NULL;
}

static void run_address_syntax(const mp_rule_ctx *c, const mp_account *a)
{
	const char *e = address(a);
	const char *why = e ? mp_address_problem(e) : NULL;
	if (why) {
		mailprof_loc l = a->email.loc.line ? a->email.loc : a->loc;
		mp_report(c, &l, "invalid e-mail address '%s': %s", e, why);
	}
}

const struct mp_rule mp_rule_address_syntax = {
	{"MP027", "address-syntax", MAILPROF_ERROR, "invalid e-mail address",
	 "correct the address: local-part@domain, local part at most 64 octets",
	 "An address is local-part@domain (addr-spec); the local part is at most 64 octets of "
	 "letters, digits and !#$%&'*+-/=?^_`{|}~ separated by dots unless quoted, the domain a "
	 "host name of at most 255 octets. Clients and servers reject anything else. Sources: RFC "
	 "5322 section 3.4.1, RFC 5321 section 4.5.3.1."},
	MP_SCOPE_ACCOUNT,
	{.account = run_address_syntax},
};

static void run_address_dots(const mp_rule_ctx *c, const mp_account *a)
{
	const char *e = address(a);
	const char *at = e ? strrchr(e, '@') : NULL;
	if (!at || at == e || e[0] == '"')
		return;
	bool bad = e[0] == '.' || at[-1] == '.';
	for (const char *p = e; p + 1 < at && !bad; p++)
		bad = p[0] == '.' && p[1] == '.';
	if (bad) {
		mailprof_loc l = a->email.loc.line ? a->email.loc : a->loc;
		mp_report(c, &l, "address '%s' has a leading, trailing or doubled dot before '@'", e);
	}
}

const struct mp_rule mp_rule_address_dots = {
	{"MP028", "address-dots", MAILPROF_WARNING, "dots at the edges or doubled in the local part",
	 "use the address as the provider wrote it; if it really has such dots, expect some "
	 "servers to refuse it",
	 "An unquoted local part is a dot-atom: no leading, trailing or consecutive dots. Old "
	 "Japanese mobile carriers issued such addresses (taro..yamada.@docomo.ne.jp) and many "
	 "servers and clients reject them. Source: RFC 5322 section 3.2.3 (dot-atom)."},
	MP_SCOPE_ACCOUNT,
	{.account = run_address_dots},
};

static void run_address_non_ascii(const mp_rule_ctx *c, const mp_account *a)
{
	const char *e = address(a);
	if (!e)
		return;
	for (const unsigned char *p = (const unsigned char *)e; *p; p++)
		if (*p >= 0x80) {
			mailprof_loc l = a->email.loc.line ? a->email.loc : a->loc;
			mp_report(c, &l, "address '%s' has non-ASCII characters: every server on the way must "
			          "support SMTPUTF8", e);
			return;
		}
}

const struct mp_rule mp_rule_address_non_ascii = {
	{"MP029", "address-non-ascii", MAILPROF_INFO, "non-ASCII e-mail address",
	 "keep an ASCII alias for correspondents whose servers lack SMTPUTF8",
	 "Internationalised addresses need SMTPUTF8 on every server that relays the message, and "
	 "the receiving clients must display them; mail to or from them bounces elsewhere. Sources: "
	 "RFC 6531, RFC 6532."},
	MP_SCOPE_ACCOUNT,
	{.account = run_address_non_ascii},
};
