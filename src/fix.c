/* Safe automatic fixes (mailprof_fix). Only changes whose result is certain
 * to be what the provider meant; each one is reported as MP046. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* MP046 findings for the fix just applied. */
#define report(d, loc, ...)                                                               \
	mp_diag_change((d), MP_FIXED, mp_rule_fix_applied.info.severity, (loc),            \
	               mp_rule_fix_applied.info.fix, __VA_ARGS__)

static void fix_server(mp_server *s, mailprof_diags *d)
{
	if (s->host.v) {
		char *folded = mp_fold_width(s->host.v);
		if (folded) {
			mailprof_loc l = mp_server_val_loc(s, &s->host.loc);
			report(d, &l, "host name '%s' folded to '%s'", s->host.v, folded);
			mp_str_set(&s->host, folded, &s->host.loc);
			free(folded);
		}
	}
	if (s->protocol == MP_PROTO_SMTP && s->port.set && s->port.v == 25 && !mp_server_logs_in(s)) {
		mailprof_loc l = mp_server_val_loc(s, &s->port.loc);
		report(d, &l, "SMTP server %s moved from port 25 without authentication to %s",
		       s->host.v ? s->host.v : "(no host)", "587 with STARTTLS and password-cleartext");
		mp_int_set(&s->port, 587, &s->port.loc);
		mp_int_set(&s->security, MP_SEC_STARTTLS, s->security.set ? &s->security.loc : &s->port.loc);
		s->nauth = 0;
		mp_server_add_auth(s, MP_AUTH_PASSWORD_CLEARTEXT);
	}
	if (s->port.set && mp_port_is_implicit_tls(s->port.v) && s->security.set &&
	    s->security.v == MP_SEC_STARTTLS) {
		mailprof_loc l = mp_server_val_loc(s, &s->security.loc);
		report(d, &l, "security on implicit-TLS port set from %s to %s", "starttls", "tls");
		mp_int_set(&s->security, MP_SEC_TLS, &s->security.loc);
	}
}

size_t mailprof_fix(mailprof_profile *p, mailprof_diags *d)
{
	size_t before = mailprof_diags_count(d);
	for (size_t i = 0; i < p->naccounts; i++) {
		mp_account *a = &p->accounts[i];
		for (size_t j = 0; j < a->nincoming; j++)
			fix_server(&a->incoming[j], d);
		for (size_t j = 0; j < a->noutgoing; j++)
			fix_server(&a->outgoing[j], d);
	}
	return mailprof_diags_count(d) - before;
}

const struct mp_rule mp_rule_fix_applied = {
	{"MP046", "fix-applied", MAILPROF_INFO, "safe fix applied",
	 "review the change in the output",
	 "Reported by convert --fix and check --fix -o (mailprof_fix) for every change made: SMTP "
	 "on port 25 without authentication moved to 587 with STARTTLS and SMTP-AUTH "
	 "(password-cleartext), as providers advise for OP25B; full-width letters, digits and dots "
	 "in host names folded to ASCII; STARTTLS on an implicit-TLS port (465, 993, 995) set to "
	 "TLS. Other findings have no safe automatic fix and are never changed. Sources: RFC 6409 "
	 "section 3.1, RFC 5895 section 2, RFC 8314 section 3."},
	MP_SCOPE_CHANGE,
	{NULL}, /* reported by the fixes below through mp_diag_change() */
};
