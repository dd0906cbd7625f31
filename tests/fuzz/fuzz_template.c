/* Fuzz target: notice templates. The input is a template file, a NUL, then
 * a notice. The notice is read through the template; the result and a
 * fixed account are written through it. Invariants, beyond not crashing:
 *  - without include_secrets no password is rendered (a template cannot
 *    smuggle one out, whatever its placeholders say);
 *  - findings are printable text. */
#include "fuzz_common.h"

#define SECRET "Zq9-S3cret-Pw-41x"

static void render(const mailprof_profile *p, const char *tpl, bool secrets, const char *tpl_text,
                   size_t tpl_len)
{
	mailprof_options opt = {0};
	opt.template_path = tpl;
	opt.include_secrets = secrets;
	mailprof_diags *d = mailprof_diags_new();
	char *out = NULL;
	size_t olen = 0;
	fz_where = secrets ? "render with secrets" : "render";
	if (mailprof_emit(p, "notice", &opt, &out, &olen, d) == MAILPROF_OK && !secrets) {
		for (size_t i = 0; i < p->naccounts; i++) {
			const mp_account *a = &p->accounts[i];
			for (size_t j = 0; j < a->nincoming + a->noutgoing; j++) {
				const mp_server *s = j < a->nincoming ? &a->incoming[j] : &a->outgoing[j - a->nincoming];
				const char *pw = s->password.v;
				/* Only a password that is no other value too, and that the
				 * template does not spell out itself. */
				if (!fz_distinctive(p, pw) || memmem(tpl_text, tpl_len, pw, strlen(pw)))
					continue;
				FZ_ASSERT(!memmem(out, olen, pw, strlen(pw)),
				          "a password rendered without include_secrets");
			}
		}
	}
	free(out);
	fz_check_diags(d);
	mailprof_diags_free(d);
}

int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	const char *tpl_text, *notice;
	size_t ntpl, nnotice;
	fz_split((const char *)data, size, &tpl_text, &ntpl, &notice, &nnotice);
	const char *tpl = fz_scratch("template.tpl", tpl_text, ntpl);

	mailprof_options opt = {0};
	opt.template_path = tpl;
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	if (mailprof_parse(p, notice, nnotice, "fuzz.txt", "notice", &opt, d) == MAILPROF_OK) {
		render(p, tpl, false, tpl_text, ntpl);
		render(p, tpl, true, tpl_text, ntpl);
	}
	fz_check_diags(d);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	/* A known account with a known password, through the same template. */
	static const char fixed[] = "[account]\nemail = taro@example.com\ndisplay_name = Taro\n"
	                            "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\n"
	                            "security = tls\nusername = taro\npassword = " SECRET "\n"
	                            "[outgoing]\nhost = smtp.example.com\nport = 587\n"
	                            "username = taro\npassword = " SECRET "\n";
	p = mailprof_profile_new();
	d = mailprof_diags_new();
	if (mailprof_parse(p, fixed, sizeof fixed - 1, "fixed.ini", "ini", NULL, d) != MAILPROF_OK)
		abort();
	render(p, tpl, false, tpl_text, ntpl);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	return 0;
}
