/* The reader without a template (docs/notice-reader.md): the pipeline
 * over a decoded, normalised notice. Footnotes first, then every line is
 * segmented, its values typed and attached (attach.c, fill.c), then the
 * drafts are resolved into accounts (resolve.c). Every value keeps the
 * line and column it was read from. */
#include <ctype.h>
#include <stdlib.h>

#include "reader.h"

/* Does the line name a host of three labels or more ("smtp.example.net",
 * "www.yourname.com"), an example's or a template's too, not after '@'?
 * (one pass over the line: each character is looked at a few times) */
static bool names_host(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (!isalnum((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < n && (isalnum((unsigned char)s[e]) || s[e] == '.' || s[e] == '-'))
			e++;
		size_t end = e;
		while (end > i && s[end - 1] == '.') /* a sentence's full stop */
			end--;
		size_t dots = 0, last = i;
		for (size_t k = i; k < end; k++)
			if (s[k] == '.')
				dots++, last = k + 1;
		bool tld = dots >= 2 && end - last >= 2;
		for (size_t k = last; tld && k < end; k++)
			tld = isalpha((unsigned char)s[k]) != 0;
		if (tld && (i == 0 || s[i - 1] != '@'))
			return true;
		i = e;
	}
	return false;
}

mailprof_status mp_notice_extract(mailprof_profile *p, mp_ntext *t, const char *path,
                                  mailprof_diags *d)
{
	struct ex x = {.path = path, .d = d, .cur = -1, .prev_srv = -1, .vproto = -1, .title_in = -1,
	             .title_sec = -1};
	size_t diags_from = mailprof_diags_count(d);
	nr_unglue(t);
	nr_join_wrapped(t);
	nr_join_label_value(t);
	nr_read_notes(&x, t);
	nr_read_forms(&x, t);
	nr_read_fill_in(&x, t);
	nr_read_refused(&x, t);
	for (size_t i = 0; i < t->n; i++) {
		x.imap_said |= nr_has(t->lines[i].s, t->lines[i].len, "imap");
		x.host_said |= names_host(t->lines[i].s, t->lines[i].len);
	}
	for (size_t i = 0; i < t->n; i++) {
		size_t k = nr_table(&x, t, i);
		if (k)
			i += k - 1;
		else {
			nr_line(&x, &t->lines[i]);
			nr_pair_offered(&x, &t->lines[i]);
			nr_kind_offered(&x, &t->lines[i]);
		}
	}
	size_t before = p->naccounts;
	for (size_t i = 0; i < x.nacc; i++)
		if (x.prose_login != W_NONE && !x.acc[i].login.v && x.acc[i].login_word == W_NONE) {
			x.acc[i].login_word = x.prose_login;
			x.acc[i].login_loc = x.prose_login_loc;
		}
	if (x.prose_email.v && x.nacc && !x.acc[0].email.v) {
		x.acc[0].email = x.prose_email;
		x.acc[0].email_prose = true; /* (nr_group_pass()) */
	}
	else
		mp_str_clear(&x.prose_email);
	/* a page of ports only, or one that only says how mail is sent
	 * (SMTP-AUTH, the submission port, POP before SMTP): one account
	 * offers them */
	if (!x.nacc && (x.nmx || x.send_prose))
		nr_cur_acc(&x);
	nr_group_pass(&x);
	/* Accounts without servers share those of the nearest block that has
	 * them: the one before, else the one after (a list of addresses
	 * followed by the common servers). */
	bool *has_srv = mp_xcalloc(x.nacc + 1, sizeof *has_srv);
	for (size_t i = 0; i < x.nacc; i++)
		for (int k = 0; k < S_N; k++)
			has_srv[i] |= x.acc[i].s[k].host.v != NULL || x.acc[i].s[k].host_tpl != NULL ||
			              x.acc[i].any_host.v != NULL;
	/* A letter with an address (and a password, a login URL) but no mail
	 * server is not a mail account: a website registration, say. */
	bool any_srv = x.nrules > 0;
	for (size_t i = 0; i < x.nacc; i++)
		any_srv |= x.acc[i].any_host.v != NULL;
	for (size_t i = 0; i < x.nacc; i++)
		for (int k = 0; k < S_N; k++)
			any_srv |= nr_offered(&x, &x.acc[i], k);
	/* an account with no server takes those of the nearest one before it
	 * that has some, else of the nearest after it (found in one pass each
	 * way: many accounts stay linear) */
	size_t *after = mp_xmalloc((x.nacc + 1) * sizeof *after);
	after[x.nacc] = x.nacc;
	for (size_t i = x.nacc; i-- > 0;)
		after[i] = i + 1 < x.nacc && has_srv[i + 1] ? i + 1 : after[i + 1];
	size_t before_i = x.nacc;
	for (size_t i = 0; i < x.nacc && any_srv; i++) {
		size_t j = before_i < x.nacc ? before_i : after[i];
		const struct dacc *src = j < x.nacc ? &x.acc[j] : NULL;
		if (!x.acc[i].skip)
			nr_build(&x, p, &x.acc[i], has_srv[i] ? NULL : src);
		if (has_srv[i])
			before_i = i;
	}
	free(after);
	free(has_srv);
	if (p->naccounts > before)
		nr_report_unplaced(&x, t, p, before, diags_from);
	for (size_t i = 0; i < x.nacc; i++)
		nr_free_acc(&x.acc[i]);
	for (size_t i = 0; i < MP_COUNT(x.notes); i++)
		free(x.notes[i]);
	free(x.rule_cont);
	for (size_t i = 0; i < x.nfill_in; i++)
		free(x.fill_in[i]);
	free(x.fill_in);
	for (size_t i = 0; i < x.nexamples; i++)
		free(x.examples[i]);
	free(x.examples);
	free(x.refused);
	for (size_t i = 0; i < x.nforms; i++)
		free(x.forms[i]);
	free(x.forms);
	mp_str_clear(&x.brand);
	for (size_t i = 0; i < x.nrules; i++) {
		free(x.rules[i].domain);
		mp_str_clear(&x.rules[i].host);
	}
	free(x.acc);
	free(x.mx);
	free(x.rules);
	free(x.scol);
	free(x.sfield);
	free(x.sctx);
	free(x.mcol);
	free(x.msec);
	free(x.cb);
	free(x.ce);
	free(x.cf);
	if (p->naccounts == before) {
		mailprof_loc l = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "notice-no-settings", &l,
		        "is this the mail-settings part of the notice? A template (--template) can read "
		        "layouts the reader does not know",
		        "no mail settings found in the notice (no mail server)");
		return MAILPROF_ERR_INVALID;
	}
	return MAILPROF_OK;
}
