/* Fuzz target: notice templates. The input is a template file, a NUL, then
 * a notice. The notice is read through the template; the result and a
 * fixed account are written through it. Invariants, beyond not crashing:
 *  - without include_secrets no password is rendered (a template cannot
 *    smuggle one out, whatever its placeholders say): the letter does not
 *    change when every password does;
 *  - findings are printable text. */
#include "fuzz_common.h"

#define SECRET "Zq9-S3cret-Pw-41x"

static char *render_once(const mailprof_profile *p, const char *tpl, bool secrets, size_t *olen,
                         mailprof_diags *d)
{
	mailprof_options opt = {0};
	opt.template_path = tpl;
	opt.include_secrets = secrets;
	char *out = NULL;
	*olen = 0;
	if (mailprof_emit(p, "notice", &opt, &out, olen, d) != MAILPROF_OK) {
		free(out);
		return NULL;
	}
	return out;
}

/* Every password of p swapped for another of the same length (and back). */
static void swap_passwords(mailprof_profile *p, char **saved)
{
	size_t k = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		mp_account *a = &p->accounts[i];
		for (size_t j = 0; j < a->nincoming + a->noutgoing; j++) {
			mp_server *s = j < a->nincoming ? &a->incoming[j] : &a->outgoing[j - a->nincoming];
			char *v = s->password.v;
			if (!v)
				continue;
			if (saved[k]) { /* put the original back */
				free(v);
				s->password.v = saved[k];
				saved[k++] = NULL;
				continue;
			}
			saved[k++] = v;
			size_t n = strlen(v);
			char *o = malloc(n + 1);
			if (!o)
				abort();
			for (size_t c = 0; c < n; c++)
				o[c] = v[c] == 'q' ? 'z' : 'q';
			o[n] = '\0';
			s->password.v = o;
		}
	}
}

static size_t password_count(const mailprof_profile *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->naccounts; i++)
		n += p->accounts[i].nincoming + p->accounts[i].noutgoing;
	return n;
}

/* Without include_secrets the rendered letter must not depend on the
 * passwords at all: rendered again with every password changed, it is the
 * same bytes. (Looking for the password in the output instead takes a
 * template that spells it out around a placeholder for a leak.) */
static void render(mailprof_profile *p, const char *tpl, bool secrets)
{
	mailprof_diags *d = mailprof_diags_new();
	size_t olen, olen2;
	fz_where = secrets ? "render with secrets" : "render";
	char *out = render_once(p, tpl, secrets, &olen, d);
	if (out && !secrets) {
		size_t n = password_count(p);
		char **saved = calloc(n ? n : 1, sizeof *saved);
		if (!saved)
			abort();
		swap_passwords(p, saved);
		mailprof_diags *d2 = mailprof_diags_new();
		char *out2 = render_once(p, tpl, false, &olen2, d2);
		swap_passwords(p, saved);
		FZ_ASSERT(out2 && olen2 == olen && memcmp(out, out2, olen) == 0,
		          "the letter rendered without include_secrets depends on a password");
		free(out2);
		free(saved);
		mailprof_diags_free(d2);
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
		render(p, tpl, false);
		render(p, tpl, true);
	}
	fz_check_diags(d);
	mailprof_diags_free(d);
	mailprof_profile_free(p);

	/* A known account with a known password, through the same template:
	 * every field set, so a letter is written unless the template's
	 * defaults contradict it. */
	static const char fixed[] = "[account]\nemail = taro@example.com\ndisplay_name = Taro\n"
	                            "[incoming]\nprotocol = pop3\nhost = pop.example.com\nport = 995\n"
	                            "security = tls\nusername = taro\npassword = " SECRET "\n"
	                            "[outgoing]\nhost = smtp.example.com\nport = 587\nsecurity = starttls\n"
	                            "auth = password-cleartext\nusername = taro\npassword = " SECRET "\n";
	p = mailprof_profile_new();
	d = mailprof_diags_new();
	if (mailprof_parse(p, fixed, sizeof fixed - 1, "fixed.ini", "ini", NULL, d) != MAILPROF_OK)
		abort();
	render(p, tpl, false);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
	return 0;
}
