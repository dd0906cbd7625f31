/* Rules on authentication methods. Sources: autoconfig draft
 * (draft-ietf-mailmaint-autoconfig), RFC 6409 section 4.3, RFC 4954,
 * Thunderbird readAuthentication. */
#include "check.h"

static void weak_one(const mp_rule_ctx *c, const mp_server *s)
{
	for (size_t i = 0; i < s->nauth; i++) {
		if (s->auth[i] != MP_AUTH_PASSWORD_ENCRYPTED && s->auth[i] != MP_AUTH_NTLM)
			continue;
		mailprof_loc l = mp_server_val_loc(s, &s->auth_loc);
		mp_report(c, &l, "%s server %s offers %s, a legacy challenge-response method",
		          mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)",
		          mp_auth_name(s->auth[i]));
	}
}

static void run_weak_auth(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, weak_one);
}

const struct mp_rule mp_rule_weak_auth = {
	{"MP012", "weak-auth", MAILPROF_WARNING, "legacy or weak authentication method",
	 "use password-cleartext over TLS, or oauth2",
	 "password-encrypted (CRAM-MD5, DIGEST-MD5) needs the server to keep the password in a "
	 "reversible form and is weak against offline guessing; NTLM outside Exchange is rarely "
	 "offered and falls back badly. Over TLS a plain password login is the safer choice. "
	 "Sources: autoconfig draft (legacy values deprecated), RFC 6331 (DIGEST-MD5 historic), "
	 "Thunderbird readFromXML."},
	MP_SCOPE_ACCOUNT,
	{.account = run_weak_auth},
};

static bool real_login(const mp_server *s)
{
	return mp_server_uses_password(s) || mp_server_has_auth(s, MP_AUTH_OAUTH2) ||
	       mp_server_has_auth(s, MP_AUTH_GSSAPI) || mp_server_has_auth(s, MP_AUTH_CLIENT_CERT);
}

static void run_legacy_sender_auth(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		/* Without any real login MP041 reports the server already. */
		if (!real_login(s))
			continue;
		bool pop = mp_server_has_auth(s, MP_AUTH_SMTP_AFTER_POP);
		if (!pop && !mp_server_has_auth(s, MP_AUTH_CLIENT_IP))
			continue;
		mailprof_loc l = mp_server_val_loc(s, &s->auth_loc);
		mp_report(c, &l, "SMTP server %s also lists %s as a way to send",
		          s->host.v ? s->host.v : "(no host)", pop ? "SMTP-after-POP" : "client-IP trust");
	}
}

const struct mp_rule mp_rule_legacy_sender_auth = {
	{"MP013", "legacy-sender-auth", MAILPROF_WARNING, "SMTP-after-POP or client-IP trust listed",
	 "remove smtp-after-pop and client-IP-address; keep SMTP-AUTH",
	 "SMTP-after-POP (POP-before-SMTP) and trust in the client's network address date from before "
	 "SMTP-AUTH; they break on mobile networks and behind shared NAT, and a client may pick them "
	 "over the real login. Sources: RFC 6409 section 4.3, autoconfig draft, JENS SpinNet notice "
	 "(2006)."},
	MP_SCOPE_ACCOUNT,
	{.account = run_legacy_sender_auth},
};

static void oauth_one(const mp_rule_ctx *c, const mp_server *s)
{
	if (s->nauth == 0)
		return;
	for (size_t i = 0; i < s->nauth; i++)
		if (s->auth[i] != MP_AUTH_OAUTH2)
			return;
	mailprof_loc l = mp_server_val_loc(s, &s->auth_loc);
	mp_report(c, &l, "%s server %s allows only OAuth2: clients without a registered OAuth client "
	          "for this provider cannot log in", mp_protocol_name(s->protocol),
	          s->host.v ? s->host.v : "(no host)");
}

static void run_oauth2_only(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, oauth_one);
}

const struct mp_rule mp_rule_oauth2_only = {
	{"MP014", "oauth2-only", MAILPROF_WARNING, "OAuth2 as the only authentication method",
	 "add a password method (app password) as a fallback, or document the OAuth client",
	 "OAuth2 needs a client ID registered with the provider. Thunderbird drops a server whose "
	 "only method is OAuth2 when it has no OAuth configuration for the host, and most other "
	 "clients cannot use it at all. Source: Thunderbird readAuthentication (\"Lacking OAuth2 "
	 "config\")."},
	MP_SCOPE_ACCOUNT,
	{.account = run_oauth2_only},
};

static void run_submission_no_auth(const mp_rule_ctx *c, const mp_account *a)
{
	for (size_t i = 0; i < a->noutgoing; i++) {
		const mp_server *s = &a->outgoing[i];
		/* Port 25 has its own rule (MP001). */
		if ((s->port.set && s->port.v == 25) || mp_server_logs_in(s))
			continue;
		mailprof_loc l = mp_server_val_loc(s, s->nauth ? &s->auth_loc : &s->port.loc);
		mp_report(c, &l, "SMTP server %s without authentication: %s",
		          s->host.v ? s->host.v : "(no host)",
		          mp_server_has_auth(s, MP_AUTH_SMTP_AFTER_POP) ? "SMTP-after-POP is not SMTP-AUTH"
		          : mp_server_has_auth(s, MP_AUTH_CLIENT_IP)    ? "it only works from the provider's own network"
		                                                        : "submission servers require SMTP-AUTH");
	}
}

const struct mp_rule mp_rule_smtp_submission_no_auth = {
	{"MP041", "smtp-submission-no-auth", MAILPROF_ERROR, "SMTP submission without authentication",
	 "turn on SMTP-AUTH (password-cleartext over TLS, or oauth2)",
	 "The submission service (587, 465) requires the client to authenticate before it accepts "
	 "mail (RFC 6409 section 4.3); providers refuse unauthenticated submission to stop spam. A "
	 "profile with no SMTP authentication, SMTP-after-POP or client-IP trust fails outside the "
	 "provider's own network. Sources: RFC 6409, RFC 4954."},
	MP_SCOPE_ACCOUNT,
	{.account = run_submission_no_auth},
};
