/* Provider notices (登録通知書, welcome letters): read with the notice
 * reader (src/notice/), or exactly against a template; written only
 * through a template. docs/notice-templates.md, docs/notice-reader.md. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "notice/notice.h"

/* Labels that only mail-setting notices carry; one is enough to bid.
 * ASCII letters match in either case. */
static const char *const sniff_words[] = {
	"POPサーバ", "SMTPサーバ", "IMAPサーバ", "受信メールサーバ", "送信メールサーバ", "受信サーバ",
	"送信サーバ", "メールアカウント", "ＰＯＰ", "ＳＭＴＰ", "incoming mail", "outgoing mail",
	"incoming server", "outgoing server", "smtp server", "pop3 server", "pop server", "imap server",
	"mail server", "smtp host", "imap host", "SMTP認証", "受信メール", "送信メール", "incoming (pop",
	"incoming (imap", "outgoing (smtp", NULL};

static bool has_word(const char *buf, size_t len)
{
	/* memchr to the first byte (in both cases), then compare: this runs on
	 * every file a batch walks, XML included, so a compare at every offset
	 * is too slow. */
	for (const char *const *w = sniff_words; *w; w++) {
		size_t k = strlen(*w);
		char c0 = (*w)[0], c1 = c0 >= 'a' && c0 <= 'z' ? (char)(c0 - 32) : c0;
		for (int pass = 0; pass < (c0 == c1 ? 1 : 2); pass++)
			for (const char *q = buf, *e = buf + len; k && (size_t)(e - q) >= k; q++) {
				q = memchr(q, pass ? c1 : c0, (size_t)(e - q) - k + 1);
				if (!q)
					break;
				if (mp_strncasecmp(q, *w, k) == 0)
					return true;
			}
	}
	return false;
}

/* Text that may be in another encoding than UTF-8: an escape (ISO-2022-JP),
 * a NUL (UTF-16), or bytes that are not UTF-8 (Shift_JIS, EUC-JP). */
static bool maybe_other_encoding(const char *buf, size_t len)
{
	if (memchr(buf, 0x1B, len) || memchr(buf, 0, len))
		return true;
	for (size_t i = 0; i < len;) {
		if (!((unsigned char)buf[i] & 0x80)) {
			i++;
			continue;
		}
		size_t adv;
		unsigned cp = mp_utf8_get(buf + i, len - i, &adv);
		if (cp == 0xFFFD && !(adv == 3 && (unsigned char)buf[i] == 0xEF))
			return true;
		i += adv;
	}
	return false;
}

static int sniff_notice(const char *buf, size_t len)
{
	/* The head is enough: labels come early in any notice. */
	size_t cap = len > 65536 ? 65536 : len;
	if (has_word(buf, cap))
		return 60;
	if (!maybe_other_encoding(buf, cap))
		return 0;
	/* Decode the head as the parser would and look again: only files that
	 * are not UTF-8 (rare among profiles) pay for it. A cut head ends at a
	 * line end so no character is split (LF is 0A in the JIS encodings,
	 * 0A 00 or 00 0A in UTF-16). */
	if (cap < len) {
		const char *nl = NULL;
		for (const char *q = buf + cap; q > buf && !nl; q--)
			if (q[-1] == '\n')
				nl = q - 1;
		if (!nl)
			return 0;
		cap = (size_t)(nl - buf) + 1;
		if (cap % 2 && cap < len && buf[cap] == 0)
			cap++;
	}
	char *text = NULL;
	size_t tlen = 0;
	const char *enc;
	mailprof_diags *d = mailprof_diags_new();
	bool found = mp_notice_decode(buf, cap, NULL, &text, &tlen, &enc, "-", d) == MAILPROF_OK &&
	             has_word(text, tlen);
	free(text);
	mailprof_diags_free(d);
	return found ? 60 : 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The template a --template FILE|DIR names for this notice, or NULL (with
 * *failed set when a template could not be used). */
static mp_ntemplate *pick_template(const char *tp, const mp_ntext *text, const char *path,
                                   mailprof_diags *d, bool *failed)
{
	struct stat st;
	*failed = false;
	if (stat(tp, &st) == 0 && S_ISDIR(st.st_mode)) {
		DIR *dir = opendir(tp);
		if (!dir) {
			mailprof_loc l = {tp, 0, 0};
			mp_diag(d, MAILPROF_ERROR, "notice-template", &l, NULL, "cannot open template directory");
			*failed = true;
			return NULL;
		}
		char **names = NULL;
		size_t n = 0;
		struct dirent *e;
		while ((e = readdir(dir)) != NULL)
			if (mp_str_ends_with(e->d_name, ".tpl")) {
				names = mp_xrealloc(names, (n + 1) * sizeof *names);
				names[n++] = mp_xasprintf("%s/%s", tp, e->d_name);
			}
		closedir(dir);
		/* Sorted, so the choice does not depend on directory order. */
		qsort(names, n, sizeof *names, cmp_str);
		mp_ntemplate *found = NULL;
		for (size_t i = 0; i < n; i++) {
			if (!found) {
				mp_ntemplate *t = mp_ntemplate_load(names[i], d);
				if (t && mp_ntemplate_matches(t, text))
					found = t;
				else
					mp_ntemplate_free(t);
				if (!t)
					*failed = true;
			}
			free(names[i]);
		}
		free(names);
		if (!found) {
			mailprof_loc l = {path, 0, 0};
			mp_diag(d, MAILPROF_INFO, "notice-template", &l, NULL,
			        "no template in %s matches this notice; read without a template", tp);
		}
		return found;
	}
	mp_ntemplate *t = mp_ntemplate_load(tp, d);
	if (!t)
		*failed = true;
	return t;
}

static mailprof_status read_notice(mailprof_profile *p, const char *buf, size_t len,
                                   const char *path, const mailprof_options *opt, mailprof_diags *d);

/* Every account read here comes from a letter, not a profile (MP030). */
static mailprof_status parse_notice(mailprof_profile *p, const char *buf, size_t len,
                                    const char *path, const mailprof_options *opt,
                                    mailprof_diags *d)
{
	size_t before = p->naccounts;
	mailprof_status st = read_notice(p, buf, len, path, opt, d);
	for (size_t i = before; i < p->naccounts; i++)
		p->accounts[i].from_notice = true;
	return st;
}

static mailprof_status read_notice(mailprof_profile *p, const char *buf, size_t len,
                                   const char *path, const mailprof_options *opt, mailprof_diags *d)
{
	char *text;
	size_t tlen;
	const char *enc;
	mailprof_status st = mp_notice_decode(buf, len, opt ? opt->encoding : NULL, &text, &tlen, &enc, path, d);
	if (st != MAILPROF_OK)
		return st;
	mp_ntext nt;
	mp_notice_normalize(text, tlen, &nt);
	free(text);
	bool blank = true;
	for (size_t i = 0; i < nt.n && blank; i++)
		blank = nt.lines[i].len == 0 || strspn(nt.lines[i].s, " _-|*=+") == nt.lines[i].len;
	if (blank) {
		mailprof_loc l = {path, 1, 1};
		mp_diag(d, MAILPROF_ERROR, "notice-empty", &l, "fill in the notice, or pass the filled-in one",
		        "the notice is blank: no text to read settings from");
		mp_ntext_free(&nt);
		return MAILPROF_ERR_INVALID;
	}
	if (opt && opt->template_path) {
		bool failed;
		mp_ntemplate *t = pick_template(opt->template_path, &nt, path, d, &failed);
		if (failed && !t) {
			mp_ntext_free(&nt);
			return MAILPROF_ERR_SYNTAX;
		}
		if (t) {
			st = mp_ntemplate_parse(t, p, &nt, path, d);
			mp_ntemplate_free(t);
			mp_ntext_free(&nt);
			return st;
		}
	}
	st = mp_notice_extract(p, &nt, path, d);
	mp_ntext_free(&nt);
	return st;
}

static mailprof_status emit_notice(const mailprof_profile *p, const mailprof_options *opt,
                                   mp_buf *out, mailprof_diags *d)
{
	mailprof_loc l = {NULL, 0, 0};
	if (!opt || !opt->template_path) {
		mp_diag(d, MAILPROF_ERROR, "notice-template", &l,
		        "pass --template FILE (a notice template, see docs/notice-templates.md)",
		        "writing a notice needs a template");
		return MAILPROF_ERR_UNSUPPORTED;
	}
	struct stat st;
	if (stat(opt->template_path, &st) == 0 && S_ISDIR(st.st_mode)) {
		mp_diag(d, MAILPROF_ERROR, "notice-template", &l, "pass one template file",
		        "writing a notice needs one template file, not a directory");
		return MAILPROF_ERR_UNSUPPORTED;
	}
	mp_ntemplate *t = mp_ntemplate_load(opt->template_path, d);
	if (!t)
		return MAILPROF_ERR_SYNTAX;
	mailprof_status r = mp_ntemplate_render(t, p, opt, out, d);
	mp_ntemplate_free(t);
	return r;
}

const struct mp_format mp_format_notice = {
	.name = "notice",
	.aliases = "letter txt",
	.extensions = ".txt .notice",
	.summary = "provider notice / welcome letter (Japanese or English, any common encoding); "
	           "written through --template",
	.sniff = sniff_notice,
	.parse = parse_notice,
	.emit = emit_notice,
};
