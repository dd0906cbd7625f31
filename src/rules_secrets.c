/* Rules on secrets kept in a profile. Sources: Apple mail payload schema
 * (passwords only in encrypted profiles), automx2 (passwords opt-in). */
#include <string.h>

#include "check.h"

static void stored_one(const mp_rule_ctx *c, const mp_server *s)
{
	if (!s->password.v || !*s->password.v)
		return;
	/* The value itself never goes into a finding. */
	mailprof_loc l = mp_server_val_loc(s, &s->password.loc);
	mp_report(c, &l, "%s server %s: a password is stored in the profile",
	          mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)");
}

static void run_password_stored(const mp_rule_ctx *c, const mp_account *a)
{
	/* A provider notice is a letter that gives the user the password to
	 * type; keeping it there is its purpose, not a profile's mistake. */
	if (a->from_notice)
		return;
	mp_each_server(c, a, stored_one);
}

const struct mp_rule mp_rule_password_stored = {
	{"MP030", "password-stored", MAILPROF_WARNING, "password stored in the profile",
	 "remove the password (the client asks for it), or keep the file private and encrypted",
	 "A profile file is copied, mailed and committed; a password inside travels with it. Apple "
	 "allows passwords only in encrypted profiles; mailprof writes them only with "
	 "--include-secrets (file mode 0600). Not reported for provider notices: a letter gives "
	 "the user the password to type. Sources: Apple com.apple.mail.managed schema, "
	 "automx2 documentation."},
	MP_SCOPE_ACCOUNT,
	{.account = run_password_stored},
};

static void swapped_one(const mp_rule_ctx *c, const mp_server *s)
{
	const char *u = s->username.v;
	if (!u || !*u)
		return;
	const char *why = NULL;
	if (s->password.v && strcmp(u, s->password.v) == 0)
		why = "it equals the password";
	else if (strpbrk(u, " \t"))
		why = "it contains white space";
	if (!why)
		return;
	mailprof_loc l = mp_server_val_loc(s, &s->username.loc);
	mp_report(c, &l, "%s server %s: the user name looks wrong (%s); are user name and password "
	          "swapped?", mp_protocol_name(s->protocol), s->host.v ? s->host.v : "(no host)", why);
}

static void run_username_suspect(const mp_rule_ctx *c, const mp_account *a)
{
	mp_each_server(c, a, swapped_one);
}

const struct mp_rule mp_rule_username_suspect = {
	{"MP031", "username-suspect", MAILPROF_WARNING, "user name equals the password or has spaces",
	 "check the notice letter: the user ID and the password are often side by side",
	 "Notice letters list the user ID and the password next to each other, and they are easily "
	 "swapped or merged when copied. A user name equal to the password, or with spaces, is "
	 "almost never right. Source: mailprof heuristic from provider notice letters."},
	MP_SCOPE_ACCOUNT,
	{.account = run_username_suspect},
};
