/* Provider notices: decoding, normalising, label dictionary, extraction
 * traps, templates (round trip for every bundled template), and field
 * accuracy over samples/notice/ against tests/notice-fields.tsv. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "model.h"
#include "notice/notice.h"

/* ---- decoding ---- */

static char *dec(const char *buf, size_t len, const char *forced, const char **enc,
                 mailprof_status *st)
{
	mailprof_diags *d = mailprof_diags_new();
	char *out = NULL;
	size_t n = 0;
	*st = mp_notice_decode(buf, len, forced, &out, &n, enc, "t", d);
	mailprof_diags_free(d);
	return out;
}

/* "メール" in several encodings, with a CRLF line end. */
static const char mail_utf8[] = "\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB\r\n";
static const char mail_sjis[] = "\x83\x81\x81\x5B\x83\x8B\r\n";
static const char mail_euc[] = "\xA5\xE1\xA1\xBC\xA5\xEB\r\n";
static const char mail_jis[] = "\x1B$B%a!<%k\x1B(B\r\n";

Test(notice_decode, utf8_plain_and_bom)
{
	const char *enc;
	mailprof_status st;
	char *s = dec(mail_utf8, strlen(mail_utf8), NULL, &enc, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(s, "メール\n");
	cr_assert_str_eq(enc, "UTF-8");
	free(s);
	char bom[64];
	snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", mail_utf8);
	s = dec(bom, strlen(bom), NULL, &enc, &st);
	cr_assert_str_eq(s, "メール\n");
	free(s);
}

Test(notice_decode, utf16_with_bom)
{
	const char le[] = "\xFF\xFE\xE1\x30\xFC\x30\xEB\x30\n\x00";
	const char be[] = "\xFE\xFF\x30\xE1\x30\xFC\x30\xEB\x00\n";
	const char *enc;
	mailprof_status st;
	char *s = dec(le, sizeof le - 1, NULL, &enc, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(s, "メール\n");
	cr_assert_str_eq(enc, "UTF-16LE");
	free(s);
	s = dec(be, sizeof be - 1, NULL, &enc, &st);
	cr_assert_str_eq(s, "メール\n");
	cr_assert_str_eq(enc, "UTF-16BE");
	free(s);
}

Test(notice_decode, iso2022jp_escapes)
{
	const char *enc;
	mailprof_status st;
	char *s = dec(mail_jis, strlen(mail_jis), NULL, &enc, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(s, "メール\n");
	cr_assert_str_eq(enc, "ISO-2022-JP");
	free(s);
}

Test(notice_decode, sjis_and_eucjp_told_apart)
{
	/* A longer text so the scores mean something: both encodings would
	 * decode some of each other's bytes. */
	const char *enc;
	mailprof_status st;
	char sj[256] = "", eu[256] = "";
	for (int i = 0; i < 8; i++) {
		strcat(sj, mail_sjis);
		strcat(eu, mail_euc);
	}
	char *s = dec(sj, strlen(sj), NULL, &enc, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(enc, "CP932");
	cr_assert(strncmp(s, "メール\n", strlen("メール\n")) == 0);
	free(s);
	s = dec(eu, strlen(eu), NULL, &enc, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(enc, "EUC-JP");
	cr_assert(strncmp(s, "メール\n", strlen("メール\n")) == 0);
	free(s);
}

Test(notice_decode, forced_encoding_overrides)
{
	const char *enc;
	mailprof_status st;
	/* Latin-1 bytes that are also a valid guess otherwise. */
	char *s = dec("caf\xE9\n", 5, "ISO-8859-1", &enc, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(s, "café\n");
	free(s);
	s = dec(mail_utf8, strlen(mail_utf8), "NO-SUCH-ENCODING", &enc, &st);
	cr_assert_eq(st, MAILPROF_ERR_ENCODING);
	cr_assert_null(s);
}

Test(notice_decode, garbage_is_an_error)
{
	const char *enc;
	mailprof_status st;
	const char junk[] = "\xFF\xFF\xFF\x80\x80\xFE\xFE\x81\x00\x7F";
	char *s = dec(junk, sizeof junk - 1, NULL, &enc, &st);
	cr_assert_eq(st, MAILPROF_ERR_ENCODING);
	cr_assert_null(s);
	/* through the library: the status and a clear finding */
	mailprof_diags *d;
	mailprof_profile *p = t_parse_str("\xFF\xFF\xFF\x80\x80", "x.txt", "notice", &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_ENCODING);
	cr_assert_not_null(t_find(d, "notice-encoding"));
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* ---- normalising ---- */

Test(notice_normalize, widths_colons_and_columns)
{
	const char *t = "ＰＯＰ３サーバー　：ｐｏｐ．ｅｘ．ｊｐ\n┃ポート│９９５┃\n+----+----+\n";
	mp_ntext nt;
	mp_notice_normalize(t, strlen(t), &nt);
	cr_assert_eq(nt.n, 3);
	cr_assert_str_eq(nt.lines[0].s, "POP3サーバー :pop.ex.jp");
	/* "pop" starts at character 11 of the original line */
	const char *p = strstr(nt.lines[0].s, "pop");
	cr_assert_eq(mp_nline_col(&nt.lines[0], (size_t)(p - nt.lines[0].s)), 11);
	cr_assert_str_eq(nt.lines[1].s, "|ポート|995|");
	cr_assert_eq(nt.lines[1].line, 2);
	cr_assert_str_eq(nt.lines[2].s, ""); /* a table rule carries nothing */
	mp_ntext_free(&nt);
}

Test(notice_normalize, dashes_and_trailing_blanks)
{
	const char *t = "smtp－auth：有　　\n";
	mp_ntext nt;
	mp_notice_normalize(t, strlen(t), &nt);
	cr_assert_str_eq(nt.lines[0].s, "smtp-auth:有");
	mp_ntext_free(&nt);
}

Test(notice_normalize, html_cells_entities_and_positions)
{
	const char *t = "<html><style>\ntd{x:1}\n</style>\n<tr><td>Server</td><td>a&amp;b.example</td></tr>\n";
	mp_ntext nt;
	mp_notice_normalize(t, strlen(t), &nt);
	cr_assert_eq(nt.n, 4);
	cr_assert_str_eq(nt.lines[1].s, ""); /* the style body is skipped */
	cr_assert_str_eq(nt.lines[3].s, " |Server|a&b.example");
	cr_assert_eq(mp_nline_col(&nt.lines[3], 2), 9); /* "Server" starts at column 9 */
	mp_ntext_free(&nt);
	/* plain text keeps its angle brackets */
	const char *u = "User name: <Same as your E-mail address>\n";
	mp_notice_normalize(u, strlen(u), &nt);
	cr_assert_str_eq(nt.lines[0].s, "User name: <Same as your E-mail address>");
	mp_ntext_free(&nt);
}

/* ---- labels ---- */

Test(notice_labels, dictionary)
{
	enum mp_nctx dir;
	cr_assert_eq(mp_notice_classify("受信メールサーバ(POP3)", strlen("受信メールサーバ(POP3)"), &dir), NF_HOST);
	cr_assert_eq(mp_notice_classify("送信ポート番号", strlen("送信ポート番号"), &dir), NF_PORT);
	cr_assert_eq(mp_notice_classify("接続ID", strlen("接続ID"), &dir), NF_IGNORE);
	cr_assert_eq(mp_notice_classify("お客様コード", strlen("お客様コード"), &dir), NF_IGNORE);
	cr_assert_eq(mp_notice_classify("WEBメールURL", strlen("WEBメールURL"), &dir), NF_IGNORE);
	cr_assert_eq(mp_notice_classify("メールアドレスパスワード", strlen("メールアドレスパスワード"), &dir),
	             NF_PASSWORD);
	cr_assert_eq(mp_notice_classify("Outgoing Server SMTP Authentication", 35, &dir), NF_SMTP_AUTH);
	cr_assert_eq(mp_notice_classify("User name", 9, &dir), NF_LOGIN);
	cr_assert_eq(mp_notice_classify("Incoming server type", 20, &dir), NF_IN_PROTO);
	cr_assert_eq(mp_notice_words_ctx("■送信サーバー（SMTP）", strlen("■送信サーバー（SMTP）")), NC_SMTP);
}

/* ---- extraction ---- */

static mailprof_profile *rd(const char *text, mailprof_diags **d, mailprof_status *st)
{
	return t_parse_str(text, "n.txt", "notice", d, st);
}

Test(notice_extract, positions_point_at_the_notice)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("ご案内\nメールアドレス：a@ex.jp\n送信サーバー：　smtp.ex.jp\n送信ポート：25\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_assert_eq(a->email.loc.line, 2);
	cr_assert_eq(a->email.loc.column, 9);
	cr_assert_str_eq(a->outgoing[0].host.v, "smtp.ex.jp");
	cr_assert_eq(a->outgoing[0].host.loc.line, 3);
	cr_assert_eq(a->outgoing[0].host.loc.column, 9);
	cr_assert_eq(a->outgoing[0].port.loc.line, 4);
	/* values the notice leaves out stay unset */
	cr_assert_eq(a->nincoming, 0);
	cr_assert_not(a->outgoing[0].security.set);
	cr_assert_eq(a->outgoing[0].nauth, 0);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(notice_extract, never_webmail_connection_or_customer_ids)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("お客様ID：N123456789\n接続ID：ppp@ex.ne.jp\n"
	                         "WEBメール：https://webmail.ex.jp/\nWebメールサーバー：webmail.ex.jp\n"
	                         "メールアドレス：b@ex.jp\nPOPサーバー：pop.ex.jp\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_assert_str_eq(a->email.v, "b@ex.jp");
	cr_assert_eq(a->nincoming, 1);
	cr_assert_str_eq(a->incoming[0].host.v, "pop.ex.jp");
	cr_assert_null(a->incoming[0].username.v);
	cr_assert_eq(a->noutgoing, 0);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

Test(notice_extract, word_values_resolve)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("Email address: kim@ex.net\nPOP3 server: pop.ex.net\n"
	                         "Username: before the @ of your address\n"
	                         "SMTP server: smtp.ex.net\nSMTP Authentication: Required\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].incoming[0].username.v, "kim");
	cr_assert_str_eq(p->accounts[0].outgoing[0].username.v, "kim");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	p = rd("メールアドレス：c@ex.jp\nPOPサーバー：pop.ex.jp\nユーザー名：メールアドレスと同じ\n", &d, &st);
	cr_assert_str_eq(p->accounts[0].incoming[0].username.v, "c@ex.jp");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, ports_with_notes_and_alternatives)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：d@ex.jp\n受信メールサーバー(POP3)：pop.ex.jp\n受信ポート：995※1\n"
	                         "送信メールサーバー(SMTP)：smtp.ex.jp\n送信ポート：587（SSL有の場合：465）\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_assert_eq(a->incoming[0].port.v, 995);
	cr_assert_eq(a->outgoing[0].port.v, 465);
	cr_assert_eq(a->outgoing[0].security.v, MP_SEC_TLS);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, unknown_setting_lines_are_info)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：e@ex.jp\nPOPサーバー：pop.ex.jp\nメール転送先：f@ex.jp\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	const mailprof_diag *g = t_find(d, "notice-unused");
	cr_assert_not_null(g);
	cr_assert_eq(g->severity, MAILPROF_INFO);
	cr_assert_eq(g->loc.line, 3);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, no_settings_is_invalid)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("ご登録ありがとうございます。\n会員ID：X-1\n", &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_INVALID);
	cr_assert_not_null(t_find(d, "notice-no-settings"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* "mail.MyDomain.com" is the same template as "mail.mydomain.com", in any
 * case: no host is read from either. */
Test(notice_extract, template_host_words_in_any_case)
{
	static const char *const hosts[] = {"mail.mydomain.com", "mail.MyDomain.com", "pop.MYISP.net", "mail.my-domain.com"};
	for (size_t i = 0; i < sizeof hosts / sizeof *hosts; i++) {
		char text[128];
		snprintf(text, sizeof text, "Incoming server: %s\nPort: 995\n", hosts[i]);
		mailprof_diags *d;
		mailprof_status st;
		mailprof_profile *p = rd(text, &d, &st);
		bool any = false;
		for (size_t a = 0; p && a < p->naccounts; a++)
			for (size_t k = 0; k < p->accounts[a].nincoming; k++)
				any |= p->accounts[a].incoming[k].host.v != NULL;
		cr_assert_not(any, "%s read as a host", hosts[i]);
		mailprof_profile_free(p);
		mailprof_diags_free(d);
	}
}

/* ---- CLI ---- */

Test(notice_cli, trap_port25_is_flagged_and_587_proposed)
{
	char *out = NULL;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s check samples/notice/trap-port25-sjis.txt", t_mailprof());
	int rc = t_run(cmd, &out, NULL);
	cr_assert_eq(rc, 1);
	cr_assert(strstr(out, "trap-port25-sjis.txt:9:9: error:") != NULL, "%s", out);
	cr_assert(strstr(out, "[MP001]") != NULL);
	cr_assert(strstr(out, "587") != NULL);
	free(out);
}

Test(notice_cli, emit_without_template_fails_clearly)
{
	char *err = NULL;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s convert --to notice samples/notice/s1-onamae-table.txt", t_mailprof());
	int rc = t_run(cmd, NULL, &err);
	cr_assert_eq(rc, 2);
	cr_assert(strstr(err, "needs a template") != NULL, "%s", err);
	free(err);
}

Test(notice_cli, undecodable_input_exits_2)
{
	char *err = NULL;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "printf '\\377\\377\\200\\200\\376' | %s convert --from notice --to json -",
	         t_mailprof());
	int rc = t_run(cmd, NULL, &err);
	cr_assert_eq(rc, 2);
	cr_assert(strstr(err, "notice-encoding") != NULL, "%s", err);
	free(err);
}

/* ---- templates ---- */

#define TPL_DIR "templates/notice"

static char **templates(size_t *n)
{
	*n = 0;
	DIR *dir = opendir(TPL_DIR);
	cr_assert_not_null(dir);
	char **v = NULL;
	struct dirent *e;
	while ((e = readdir(dir)))
		if (mp_str_ends_with(e->d_name, ".tpl")) {
			v = realloc(v, (*n + 1) * sizeof *v);
			v[(*n)++] = mp_xasprintf("%s/%s", TPL_DIR, e->d_name);
		}
	closedir(dir);
	return v;
}

/* A model with every field a template can carry. */
/* A full model; where the template states a value outright (`default
 * FIELD: VALUE` in its header), the model takes that value, since a letter
 * cannot be written for a profile that contradicts it. */
static const char full_ini[] =
	"[account]\nemail = rt@example.jp\ndisplay_name = Round Trip\n"
	"[incoming]\nprotocol = %s\nhost = in.example.jp\nport = %s\nsecurity = %s\n"
	"username = rt\npassword = Rt5pW0rd\n"
	"[outgoing]\nhost = out.example.jp\nport = %s\nsecurity = %s\nauth = %s\n"
	"username = rt\npassword = Rt5pW0rd\n";

/* The template's `default FIELD: VALUE`, or fallback. */
static const char *tpl_default(const char *tpl, const char *field, const char *fallback, char *buf, size_t cap)
{
	char key[64];
	snprintf(key, sizeof key, "\ndefault %s: ", field);
	const char *at = strstr(tpl, key), *end = strstr(tpl, "\n---\n");
	if (!at || (end && at > end))
		return fallback;
	at += strlen(key);
	snprintf(buf, cap, "%.*s", (int)strcspn(at, "\n"), at);
	return buf;
}

Test(notice_template, round_trip_every_bundled_template)
{
	size_t n;
	char **v = templates(&n);
	cr_assert_geq(n, 2);
	for (size_t i = 0; i < n; i++) {
		mailprof_diags *d = mailprof_diags_new();
		mp_ntemplate *t = mp_ntemplate_load(v[i], d);
		cr_assert_not_null(t, "%s does not load", v[i]);
		/* m: parse the template's own rendering of a full model, so m holds
		 * exactly what the template can carry (plus its defaults). */
		mailprof_options opt = {.template_path = v[i], .include_secrets = 1};
		size_t tl;
		char *tpl = t_slurp(v[i], &tl);
		cr_assert_not_null(tpl);
		char b[6][64];
		const char *proto = tpl_default(tpl, "incoming.protocol", NULL, b[0], sizeof b[0]);
		const char *protos[] = {"pop3", "imap"};
		for (size_t k = 0; k < 2; k++) {
			if (proto && strcmp(proto, protos[k]) != 0)
				continue; /* an IMAP letter is no letter for a POP3 account */
			char ini[1024];
			snprintf(ini, sizeof ini, full_ini, protos[k],
			         tpl_default(tpl, "incoming.port", "995", b[1], sizeof b[1]),
			         tpl_default(tpl, "incoming.security", "tls", b[2], sizeof b[2]),
			         tpl_default(tpl, "outgoing.port", "465", b[3], sizeof b[3]),
			         tpl_default(tpl, "outgoing.security", "tls", b[4], sizeof b[4]),
			         tpl_default(tpl, "outgoing.auth", "password-cleartext", b[5], sizeof b[5]));
			mailprof_profile *src = mailprof_profile_new();
			cr_assert_eq(mailprof_parse(src, ini, strlen(ini), "m.ini", "ini", NULL, d), MAILPROF_OK);
			char *r1 = NULL;
			size_t l1;
			cr_assert_eq(mailprof_emit(src, "notice", &opt, &r1, &l1, d), MAILPROF_OK);
			mailprof_profile *m = mailprof_profile_new();
			cr_assert_eq(mailprof_parse(m, r1, l1, "r1.txt", "notice", &opt, d), MAILPROF_OK, "%s", v[i]);
			char *r2 = NULL;
			size_t l2;
			cr_assert_eq(mailprof_emit(m, "notice", &opt, &r2, &l2, d), MAILPROF_OK);
			mailprof_profile *m2 = mailprof_profile_new();
			cr_assert_eq(mailprof_parse(m2, r2, l2, "r2.txt", "notice", &opt, d), MAILPROF_OK);
			cr_assert(mailprof_profile_equal(m, m2), "round trip differs for %s", v[i]);
			cr_assert_str_eq(r1, r2);
			/* the template really carried the values */
			cr_assert_str_eq(m->accounts[0].email.v, "rt@example.jp");
			cr_assert_str_eq(m->accounts[0].incoming[0].host.v, "in.example.jp");
			cr_assert_str_eq(m->accounts[0].incoming[0].password.v, "Rt5pW0rd");
			free(r1);
			free(r2);
			mailprof_profile_free(src);
			mailprof_profile_free(m);
			mailprof_profile_free(m2);
		}
		free(tpl);
		mp_ntemplate_free(t);
		mailprof_diags_free(d);
		free(v[i]);
	}
	free(v);
}

Test(notice_template, mismatch_points_at_the_line)
{
	mailprof_options opt = {.template_path = TPL_DIR "/example-welcome-en.tpl"};
	const char *text = "Welcome to Example Broadband Mail\n\nDear Ann,\n\nYour inbox a@b.c is ready.\n";
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_parse(p, text, strlen(text), "x.txt", "notice", &opt, d);
	cr_assert_eq(st, MAILPROF_ERR_SYNTAX);
	const mailprof_diag *g = t_find(d, "notice-template-mismatch");
	cr_assert_not_null(g);
	cr_assert_eq(g->loc.line, 5);
	cr_assert_eq(g->loc.column, 6);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_template, directory_selects_by_match_line)
{
	mailprof_options opt = {.template_path = TPL_DIR};
	size_t len;
	char *text = t_slurp("samples/notice/tpl-welcome-en.txt", &len);
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	cr_assert_eq(mailprof_parse(p, text, len, "w.txt", "notice", &opt, d), MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].provider_name.v, "Example Broadband");
	cr_assert_eq(p->accounts[0].outgoing[0].port.v, 587); /* from the header's defaults */
	free(text);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_template, bad_templates_are_reported)
{
	/* a file of its own: build/ is not there when only `make sanitize` ran */
	char path[] = "/tmp/mp-bad-tpl.XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *f = fdopen(fd, "w");
	cr_assert_not_null(f);
	fputs("provider: X\nmatch: X\n---\nHost: {incoming.hots}\n", f);
	fclose(f);
	mailprof_diags *d = mailprof_diags_new();
	cr_assert_null(mp_ntemplate_load(path, d));
	cr_assert_not_null(t_find(d, "notice-template"));
	mailprof_diags_free(d);
	remove(path);
}

/* ---- field accuracy over the samples ---- */

/* The value of a field path ("a0.in1.port") in p, "-" when unset. */
static void field(const mailprof_profile *p, const char *path, char *out, size_t cap)
{
	snprintf(out, cap, "-");
	unsigned ai, si;
	char kind[4], name[32];
	if (sscanf(path, "a%u.%31s", &ai, name) == 2 && ai < p->naccounts && !strchr(name, '.')) {
		const mp_account *a = &p->accounts[ai];
		const mp_str *s = strcmp(name, "email") == 0 ? &a->email : strcmp(name, "display_name") == 0 ? &a->display_name : NULL;
		if (s && s->v)
			snprintf(out, cap, "%s", s->v);
		return;
	}
	if (sscanf(path, "a%u.%3[a-z]%u.%31s", &ai, kind, &si, name) != 4 || ai >= p->naccounts)
		return;
	const mp_account *a = &p->accounts[ai];
	bool in = strcmp(kind, "in") == 0;
	if (si >= (in ? a->nincoming : a->noutgoing))
		return;
	const mp_server *s = in ? &a->incoming[si] : &a->outgoing[si];
	if (strcmp(name, "protocol") == 0)
		snprintf(out, cap, "%s", mp_protocol_name(s->protocol));
	else if (strcmp(name, "host") == 0 && s->host.v)
		snprintf(out, cap, "%s", s->host.v);
	else if (strcmp(name, "port") == 0 && s->port.set)
		snprintf(out, cap, "%d", s->port.v);
	else if (strcmp(name, "security") == 0 && s->security.set)
		snprintf(out, cap, "%s", mp_security_name((mp_security)s->security.v));
	else if (strcmp(name, "auth") == 0 && s->nauth) {
		out[0] = '\0';
		for (size_t i = 0; i < s->nauth; i++)
			snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? "," : "", mp_auth_name(s->auth[i]));
	} else if (strcmp(name, "username") == 0 && s->username.v)
		snprintf(out, cap, "%s", s->username.v);
	else if (strcmp(name, "password") == 0 && s->password.v)
		snprintf(out, cap, "%s", s->password.v);
}

/* Number of fields set in p (for values the reader made up). */
static size_t set_fields(const mailprof_profile *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		n += (a->email.v != NULL) + (a->display_name.v != NULL);
		for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
			const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			n += 1 + (s->host.v != NULL) + s->port.set + s->security.set + (s->nauth > 0) +
			     (s->username.v != NULL) + (s->password.v != NULL);
		}
	}
	return n;
}

/* Field accuracy of one set of notices: every row of tsv ("notice<TAB>field<TAB>value")
 * is one field; a notice in dir that does not parse counts as an empty profile, so its
 * expected fields are wrong unless they are '-', as for a reader that made nothing up.
 * must_parse: the notice must parse (the samples). Prints the figure to stdout so
 * `make check` shows it, and returns it. */
static double field_accuracy(const char *set, const char *tsv_path, const char *dir, bool must_parse,
                             size_t *notices_out)
{
	size_t len;
	char *tsv = t_slurp(tsv_path, &len);
	cr_assert_not_null(tsv, "%s missing", tsv_path);
	size_t total = 0, right = 0, expected_set = 0, set_right = 0, got_set = 0, notices = 0, empty = 0;
	char empty_ids[1024] = "";
	char cur[256] = "";
	mailprof_profile *p = NULL;
	for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		char sample[256], path[64], want[256];
		cr_assert_eq(sscanf(line, "%255[^\t]\t%63[^\t]\t%255[^\n]", sample, path, want), 3, "bad row: %s", line);
		if (strcmp(sample, cur) != 0) {
			if (p) {
				got_set += set_fields(p);
				mailprof_profile_free(p);
			}
			char file[512];
			snprintf(file, sizeof file, "%s/%s", dir, sample);
			mailprof_diags *d;
			mailprof_status st;
			/* the same options the golden tests use: templates only with .args */
			p = t_parse(file, "notice", &d, &st);
			mailprof_diags_free(d);
			if (must_parse)
				cr_assert_eq(st, MAILPROF_OK, "%s does not parse", file);
			else if (st != MAILPROF_OK) {
				mailprof_profile_free(p);
				p = mailprof_profile_new();
			}
			if (p->naccounts == 0) {
				empty++;
				size_t el = strlen(empty_ids);
				snprintf(empty_ids + el, sizeof empty_ids - el, " %s", sample);
			}
			snprintf(cur, sizeof cur, "%s", sample);
			notices++;
		}
		char got[256];
		field(p, path, got, sizeof got);
		total++;
		if (strcmp(want, "-") != 0)
			expected_set++;
		if (strcmp(got, want) == 0) {
			right++;
			set_right += strcmp(want, "-") != 0;
		} else
			cr_log_info("notice accuracy [%s]: %s %s: want %s, got %s", set, sample, path, want, got);
	}
	if (p) {
		got_set += set_fields(p);
		mailprof_profile_free(p);
	}
	free(tsv);
	double acc = total ? (double)right / (double)total : 0;
	printf("notice field accuracy [%s]: %zu/%zu = %.1f%% over %zu notices (set fields: %zu expected, %zu "
	       "of them right, %zu read; no result: %zu%s)\n",
	       set, right, total, 100.0 * acc, notices, expected_set, set_right, got_set, empty, empty_ids);
	*notices_out = notices;
	return acc;
}

/* Every expected field of the samples is read today: any regression fails. A new sample
 * the reader gets partly wrong keeps its right values in the TSV with a comment, and the
 * floor moves to the new measured figure, never below. */
#define ACCURACY_FLOOR 1.0

Test(notice_accuracy, field_accuracy_over_samples)
{
	size_t n;
	double acc = field_accuracy("samples", "tests/notice-fields.tsv", "samples/notice", true, &n);
	cr_assert_geq(n, 15);
	cr_assert_geq(acc, ACCURACY_FLOOR, "field accuracy dropped to %.3f", acc);
}

/* Real provider pages (tests/data/notices-real/SOURCES), split once into a development
 * half and a blind half (BLIND.md). The floors are the figures measured when the corpus
 * was added, rounded down to 0.1%: they may only go up (the lead raises them). */
#define DEV_ACCURACY_FLOOR 1.0
/* Round 1's blind half: kept from the reader's author until round 1 ended
 * (BLIND.md); since round 2 it is development material like dev/. */
#define BLIND_ACCURACY_FLOOR 0.995

/* Round 2 (collected by others on 2026-11-28, split the same way): its
 * development half; its blind half stays out of the repository until the
 * reader work of the round is finished. */
#define DEV2_ACCURACY_FLOOR 0.991

static void real_set_holds(const char *set, double floor, size_t min_notices)
{
	char tsv[64], dir[64];
	snprintf(tsv, sizeof tsv, "tests/notice-fields-%s.tsv", set);
	snprintf(dir, sizeof dir, "tests/data/notices-real/%s", set);
	size_t n;
	double acc = field_accuracy(set, tsv, dir, false, &n);
	cr_assert_geq(n, min_notices);
	cr_assert_geq(acc, floor, "%s field accuracy dropped to %.4f", set, acc);
}

Test(notice_accuracy, field_accuracy_over_real_dev) { real_set_holds("dev", DEV_ACCURACY_FLOOR, 20); }

Test(notice_accuracy, field_accuracy_over_real_blind) { real_set_holds("blind", BLIND_ACCURACY_FLOOR, 20); }

Test(notice_accuracy, field_accuracy_over_real_dev2) { real_set_holds("dev2", DEV2_ACCURACY_FLOOR, 17); }

/* Round 2's blind half, added when the round's reader work ended (BLIND.md):
 * the figure measured then, rounded down; from now on development material. */
#define BLIND2_ACCURACY_FLOOR 0.984

Test(notice_accuracy, field_accuracy_over_real_blind2) { real_set_holds("blind2", BLIND2_ACCURACY_FLOOR, 17); }

/* Round 3: 30 more pages, all of them a second blind measure of round 2's
 * reader (BLIND.md), added when it was taken; development material since. Lowered from 0.945 in round 13, the one time a
 * floor went down: the tables' conventions made two cases explicit (BLIND.md,
 * "Round 13"), and auone's server, whose port the reader gets wrong, now
 * carries that port's security. */
#define BLIND3_ACCURACY_FLOOR 0.943

Test(notice_accuracy, field_accuracy_over_real_blind3) { real_set_holds("blind3", BLIND3_ACCURACY_FLOOR, 30); }

/* Round 4: 36 pages collected by people who never saw the reader, kept out
 * of the repository until the round's reader work was over (BLIND.md): the
 * figure measured then, rounded down; from now on development material. */
#define BLIND4_ACCURACY_FLOOR 0.973

Test(notice_accuracy, field_accuracy_over_real_blind4) { real_set_holds("blind4", BLIND4_ACCURACY_FLOOR, 36); }

/* Round 5: 60 pages, half of them organisations' own documents kept in
 * git, measured blind the same way (BLIND.md); development material since. */
#define BLIND5_ACCURACY_FLOOR 0.972

Test(notice_accuracy, field_accuracy_over_real_blind5) { real_set_holds("blind5", BLIND5_ACCURACY_FLOOR, 60); }

/* Round 6: 39 pages (15 organisations' documents kept in git, 24 stored web
 * pages) measured blind the same way (BLIND.md); development material since. */
#define BLIND6_ACCURACY_FLOOR 0.952

Test(notice_accuracy, field_accuracy_over_real_blind6) { real_set_holds("blind6", BLIND6_ACCURACY_FLOOR, 39); }

/* Round 7: 58 pages (7 organisations' documents kept in git, 51 stored web
 * pages, 9 of them Japanese) measured blind the same way (BLIND.md);
 * development material since. Lowered from 0.968 in round 13 (as blind3's:
 * wedos and mirai, wrong ports now with those ports' security). */
#define BLIND7_ACCURACY_FLOOR 0.967

Test(notice_accuracy, field_accuracy_over_real_blind7) { real_set_holds("blind7", BLIND7_ACCURACY_FLOOR, 58); }

/* Round 8: 57 pages (9 organisations' documents kept in git, 48 stored web
 * pages, 6 of them Japanese) measured blind the same way (BLIND.md);
 * development material since. */
#define BLIND8_ACCURACY_FLOOR 0.945

Test(notice_accuracy, field_accuracy_over_real_blind8) { real_set_holds("blind8", BLIND8_ACCURACY_FLOOR, 57); }

/* Round 9: 52 pages (8 organisations' documents kept in git, 44 stored web
 * pages, 2 of them Japanese) measured blind the same way (BLIND.md);
 * development material since. */
#define BLIND9_ACCURACY_FLOOR 0.952

Test(notice_accuracy, field_accuracy_over_real_blind9) { real_set_holds("blind9", BLIND9_ACCURACY_FLOOR, 52); }

/* Round 10: 66 pages (12 organisations' documents kept in git, 12 people's
 * own words in GitHub threads, 42 stored web pages, 10 of them Japanese)
 * measured blind the same way (BLIND.md); development material since. */
#define BLIND10_ACCURACY_FLOOR 0.926

Test(notice_accuracy, field_accuracy_over_real_blind10) { real_set_holds("blind10", BLIND10_ACCURACY_FLOOR, 66); }

/* Round 11: 73 pages (8 kept in git, 65 stored web pages, gists, pastebins
 * and issue threads; 10 Japanese) measured blind the same way (BLIND.md);
 * development material since. */
#define BLIND11_ACCURACY_FLOOR 0.941

Test(notice_accuracy, field_accuracy_over_real_blind11) { real_set_holds("blind11", BLIND11_ACCURACY_FLOOR, 73); }

/* Round 12: 75 pages (20 kept in git, 55 stored web pages and pastebins;
 * 12 Japanese) measured blind the same way (BLIND.md); development
 * material since. */
#define BLIND12_ACCURACY_FLOOR 0.918

Test(notice_accuracy, field_accuracy_over_real_blind12) { real_set_holds("blind12", BLIND12_ACCURACY_FLOOR, 75); }

/* Round 13: 75 pages (50 kept in git, 24 of them issue or pull-request
 * threads; 25 stored web pages; 14 Japanese) collected by twelve
 * collectors in two waves and measured blind the same way (BLIND.md);
 * development material since. */
#define BLIND13_ACCURACY_FLOOR 0.842

Test(notice_accuracy, field_accuracy_over_real_blind13) { real_set_holds("blind13", BLIND13_ACCURACY_FLOOR, 75); }

Test(notice_template, directory_without_match_falls_back_to_reader)
{
	mailprof_options opt = {.template_path = TPL_DIR};
	size_t len;
	char *text = t_slurp("samples/notice/s1-onamae-table.txt", &len);
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	cr_assert_eq(mailprof_parse(p, text, len, "s1.txt", "notice", &opt, d), MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].email.v, "taro@example.jp");
	const mailprof_diag *g = t_find(d, "notice-template");
	cr_assert_not_null(g);
	cr_assert_eq(g->severity, MAILPROF_INFO);
	free(text);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* ---- sniffing: notices bid only on mail-setting labels, INI/XML win on their own ---- */

Test(notice_sniff, labels_bid_but_ini_and_xml_win)
{
	const char *notice = "ご案内\n受信メールサーバー：pop.ex.jp\n";
	cr_assert_str_eq(mailprof_format_detect(notice, strlen(notice), "letter"), "notice");
	const char *prose = "今日は良い天気です。\n";
	cr_assert_null(mailprof_format_detect(prose, strlen(prose), "letter"));
	const char *ini = "[account]\nemail = a@b.jp\n; 受信メールサーバー SMTP認証\n[incoming]\nprotocol = pop3\n";
	cr_assert_str_eq(mailprof_format_detect(ini, strlen(ini), "x"), "ini");
	const char *xml = "<?xml version=\"1.0\"?>\n<!-- 受信メールサーバー -->\n"
	                  "<clientConfig version=\"1.1\"><emailProvider id=\"b.jp\"/></clientConfig>\n";
	cr_assert_str_eq(mailprof_format_detect(xml, strlen(xml), "x"), "autoconfig");
	/* other encodings are found by the .txt extension */
	cr_assert_str_eq(mailprof_format_detect("\x83\x81", 2, "n.txt"), "notice");
}

Test(notice_cli, encoding_option_overrides_detection)
{
	char *out = NULL;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s convert --encoding EUC-JP --to ini samples/notice/s9-bullets-eucjp.txt",
	         t_mailprof());
	cr_assert_eq(t_run(cmd, &out, NULL), 0);
	cr_assert(strstr(out, "host = pop.enet.example.jp") != NULL, "%s", out);
	free(out);
	/* a wrong forced encoding cannot decode it: exit 2, not garbage */
	snprintf(cmd, sizeof cmd, "%s convert --encoding UTF-8 --to ini samples/notice/s9-bullets-eucjp.txt",
	         t_mailprof());
	cr_assert_eq(t_run(cmd, NULL, NULL), 2);
}

Test(notice_extract, fullwidth_password_warns_without_showing_it)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nパスワード：ＡｂＣ１２３\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].incoming[0].password.v, "AbC123");
	const mailprof_diag *g = t_find(d, "notice-password-fullwidth");
	cr_assert_not_null(g);
	cr_assert_eq(g->loc.line, 3);
	cr_assert_null(strstr(g->message, "AbC123"));
	cr_assert_null(strstr(g->message, "ＡｂＣ"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* a half-width password gives no warning */
	p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nパスワード：AbC123\n", &d, &st);
	cr_assert_null(t_find(d, "notice-password-fullwidth"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, space_aligned_column_table)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("E-mail address:  a@ex.example\n"
	                         "                 Server             Port   Encryption\n"
	                         "Incoming (IMAP)  imap.ex.example    993    SSL\n"
	                         "Outgoing (SMTP)  smtp.ex.example    587    STARTTLS\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_assert_eq(a->nincoming, 1);
	cr_assert_eq(a->incoming[0].protocol, MP_PROTO_IMAP);
	cr_assert_eq(a->incoming[0].port.v, 993);
	cr_assert_eq(a->incoming[0].security.v, MP_SEC_TLS);
	cr_assert_eq(a->outgoing[0].port.v, 587);
	cr_assert_eq(a->outgoing[0].port.loc.column, 37);
	cr_assert_eq(a->outgoing[0].security.v, MP_SEC_STARTTLS);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* a label and its value aligned the same way is not a header */
	p = rd("メールアドレス    b@ex.jp\nPOPサーバー      pop.ex.jp\nユーザー名       メールアドレスと同じ\n"
	       "パスワード       Pw4kQz9x\n", &d, &st);
	cr_assert_str_eq(p->accounts[0].incoming[0].username.v, "b@ex.jp");
	cr_assert_str_eq(p->accounts[0].incoming[0].password.v, "Pw4kQz9x");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, phone_numbers_and_times_are_not_ports)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：c@ex.jp\n送信サーバー：smtp.ex.jp\n"
	                         "サポートセンター　0120-000-000（9:00～18:00）\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_not(p->accounts[0].outgoing[0].port.set);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, one_host_with_ports_for_imap_and_pop)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス　d@ex.jp\nメールサーバー名　mail.ex.jp\n"
	                         "受信ポート　　IMAP 993 / POP3 995（SSL/TLS）\nユーザー名（アカウント名） dd\n"
	                         "Log in with your full e-mail address.\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_account *a = &p->accounts[0];
	cr_assert_eq(a->nincoming, 2);
	cr_assert_eq(a->incoming[0].protocol, MP_PROTO_IMAP);
	cr_assert_str_eq(a->incoming[0].host.v, "mail.ex.jp");
	cr_assert_eq(a->incoming[1].port.v, 995);
	/* a login row wins over a sentence about the login */
	cr_assert_str_eq(a->incoming[0].username.v, "dd");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, password_readings_are_dropped)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\n"
	                         "パスワード：aB1l0O（エー・ビー・イチ・エル・ゼロ・オー）\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].incoming[0].password.v, "aB1l0O");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* a reading after every letter; ASCII brackets inside the token stay */
	p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nパスワード：W(大文字)7x(小文字エックス)k\n", &d, &st);
	cr_assert_str_eq(p->accounts[0].incoming[0].password.v, "W7xk");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nパスワード：Xy(7)kQ(case-sensitive)\n", &d, &st);
	cr_assert_str_eq(p->accounts[0].incoming[0].password.v, "Xy(7)kQ");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* a reading on its own line is not a heading: the port row after it
	 * still belongs to the SMTP server */
	p = rd("メールアドレス：a@b.jp\n送信サーバー：smtp.b.jp\nパスワード：Qo0Il9gZ\n"
	       "　（キュー・オー・ゼロ・アイ・エル・キュウ・ジー・ゼット）\nポート：465\n", &d, &st);
	cr_assert_eq(p->accounts[0].outgoing[0].port.v, 465);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_cli, passwords_and_readings_never_in_findings)
{
	static const char *const secrets[] = {"aB1l0O", "W7xk2m", "Qo0Il9gZ", "エー・ビー", "ダブリュー",
	                                      "キュー大文字"};
	const char *cmds[] = {"check", "convert --to json", "check --format json"};
	for (size_t c = 0; c < sizeof cmds / sizeof *cmds; c++) {
		char *out = NULL;
		char cmd[512];
		snprintf(cmd, sizeof cmd, "%s %s samples/notice/password-readings-sjis.txt 2>&1", t_mailprof(),
		         cmds[c]);
		t_run(cmd, &out, NULL);
		cr_assert_not_null(out);
		if (strstr(cmds[c], "convert")) /* it did read the notice */
			cr_assert(strstr(out, "pop.tsuki.example.jp") != NULL, "%s", out);
		for (size_t i = 0; i < sizeof secrets / sizeof *secrets; i++)
			cr_assert_null(strstr(out, secrets[i]), "%s shows %s", cmds[c], secrets[i]);
		free(out);
	}
}

Test(notice_extract, footnote_names_the_ssl_host)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：a@b.jp\n受信サーバー：pop.b.jp ※1\nポート：110\n"
	                         "送信サーバー：smtp.b.jp ※2\n"
	                         "※1 SSLの場合はサーバー名を pops.b.jp、ポート番号を995にしてください。\n"
	                         "※2 2027年から smtp2.b.jp に変わります。\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mp_server *in = &p->accounts[0].incoming[0];
	cr_assert_str_eq(in->host.v, "pops.b.jp");
	cr_assert_eq(in->host.loc.line, 5);
	cr_assert_eq(in->port.v, 995);
	cr_assert_eq(in->security.v, MP_SEC_TLS);
	/* not an SSL alternative: reported at the note, the row's host stays */
	cr_assert_str_eq(p->accounts[0].outgoing[0].host.v, "smtp.b.jp");
	const mailprof_diag *g = t_find(d, "notice-unused");
	cr_assert_not_null(g);
	cr_assert_eq(g->loc.line, 6);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, servers_chosen_by_address_domain)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：a@k.example.jp\nメールアドレス：b@ji.k.example.jp\n"
	                         "受信サーバー：pop.k.example.jp\n送信サーバー：smtp.k.example.jp\n"
	                         "送信ポート：465（SSL）\n"
	                         "※@ji.k.example.jp のお客様は、受信 pop02.k.example.jp、\n"
	                         "　送信 smtp02.k.example.jp（ポート587）をご利用ください。\n"
	                         "※@x.example.jp のお客様は pop.x.example.jp です。\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->naccounts, 2);
	/* the general servers for the other domain */
	cr_assert_str_eq(p->accounts[0].incoming[0].host.v, "pop.k.example.jp");
	cr_assert_str_eq(p->accounts[0].outgoing[0].host.v, "smtp.k.example.jp");
	cr_assert_eq(p->accounts[0].outgoing[0].port.v, 465);
	/* the rule's servers for its domain; its port comes without the SSL of 465 */
	mp_account *b = &p->accounts[1];
	cr_assert_str_eq(b->incoming[0].host.v, "pop02.k.example.jp");
	cr_assert_eq(b->incoming[0].host.loc.line, 6);
	cr_assert_str_eq(b->outgoing[0].host.v, "smtp02.k.example.jp");
	cr_assert_eq(b->outgoing[0].host.loc.line, 7);
	cr_assert_eq(b->outgoing[0].port.v, 587);
	cr_assert_not(b->outgoing[0].security.set);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

Test(notice_extract, several_providers_in_one_notice)
{
	static const char brands[] = "Alpha Net\nIMAP server: imap.alpha.example\nSMTP server: smtp.alpha.example\n"
	                             "Beta\nIMAP server: imap.beta.example\nSMTP server: smtp.beta.example\n";
	mailprof_diags *d;
	mailprof_status st;
	/* no address: one account per provider, named by its heading */
	mailprof_profile *p = rd(brands, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->naccounts, 2);
	cr_assert_str_eq(p->accounts[0].provider_name.v, "Alpha Net");
	cr_assert_str_eq(p->accounts[1].provider_name.v, "Beta");
	cr_assert_str_eq(p->accounts[1].incoming[0].host.v, "imap.beta.example");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* the address picks the provider whose servers are in its domain */
	char buf[512];
	snprintf(buf, sizeof buf, "%sE-mail: b@beta.example\n", brands);
	p = rd(buf, &d, &st);
	cr_assert_eq(p->naccounts, 1);
	cr_assert_str_eq(p->accounts[0].email.v, "b@beta.example");
	cr_assert_str_eq(p->accounts[0].outgoing[0].host.v, "smtp.beta.example");
	cr_assert_not_null(t_find(d, "notice-unused"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* an address no provider serves: every provider, and a finding */
	snprintf(buf, sizeof buf, "E-mail: c@gamma.example\n%s", brands);
	p = rd(buf, &d, &st);
	cr_assert_eq(p->naccounts, 2);
	cr_assert_str_eq(p->accounts[1].email.v, "c@gamma.example");
	cr_assert_not_null(t_find(d, "notice-providers"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* a heading for the SSL variant of the same provider is not another provider */
	p = rd("メールアドレス：a@k.example.jp\n■通常の設定\nPOPサーバー：pop.k.example.jp\n"
	       "■SSLをご利用の場合\nPOPサーバー：pops.k.example.jp\n", &d, &st);
	cr_assert_eq(p->naccounts, 1);
	cr_assert_null(p->accounts[0].provider_name.v);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* ---- findings on notices ---- */

Test(notice_check, password_stored_only_for_profiles)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nポート：995（SSL）\n"
	                         "パスワード：Pw4kQz9x\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].incoming[0].password.v, "Pw4kQz9x");
	mailprof_diags *c = mailprof_diags_new();
	mailprof_check(p, c);
	cr_assert_eq(t_count(c, "MP030"), 0);
	/* the same account as a profile file: stored there, it is reported */
	mailprof_profile *copy = mailprof_profile_new();
	mp_account_copy(copy, &p->accounts[0]);
	mailprof_diags *c2 = mailprof_diags_new();
	mailprof_check(copy, c2);
	cr_assert_eq(t_count(c2, "MP030"), 0); /* a copy keeps where it came from */
	char *ini = NULL;
	size_t len;
	mailprof_options opt = {.include_secrets = 1};
	cr_assert_eq(mailprof_emit(p, "ini", &opt, &ini, &len, c2), MAILPROF_OK);
	mailprof_profile *q = mailprof_profile_new();
	cr_assert_eq(mailprof_parse(q, ini, len, "p.ini", "ini", NULL, c2), MAILPROF_OK);
	mailprof_diags *c3 = mailprof_diags_new();
	mailprof_check(q, c3);
	cr_assert_eq(t_count(c3, "MP030"), 1);
	free(ini);
	mailprof_profile_free(q);
	mailprof_profile_free(copy);
	mailprof_profile_free(p);
	mailprof_diags_free(c3);
	mailprof_diags_free(c2);
	mailprof_diags_free(c);
	mailprof_diags_free(d);
}

Test(notice_check, shared_server_block_reported_once)
{
	mailprof_diags *d;
	mailprof_status st;
	/* two addresses, one server block without security: one MP003 per server */
	mailprof_profile *p = rd("メールアドレス：a@b.jp\nメールアドレス：c@b.jp\nPOPサーバー：pop.b.jp\n"
	                         "ポート：110\nパスワード：Pw4kQz9x\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->naccounts, 2);
	mailprof_diags *c = mailprof_diags_new();
	mailprof_check(p, c);
	cr_assert_eq(t_count(c, "MP003"), 1);
	mailprof_diags_free(c);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* different places stay apart */
	c = mailprof_diags_new();
	mailprof_loc l1 = {"f", 3, 1}, l2 = {"f", 4, 1};
	mp_diag(c, MAILPROF_ERROR, "X1", &l1, NULL, "m");
	mp_diag(c, MAILPROF_ERROR, "X1", &l2, NULL, "m");
	mp_diag(c, MAILPROF_ERROR, "X1", &l1, NULL, "m");
	mp_diag(c, MAILPROF_ERROR, "X1", &l1, NULL, "other");
	mp_diags_dedupe(c, 0);
	cr_assert_eq(mailprof_diags_count(c), 3);
	cr_assert_eq(mailprof_diags_get(c, 2)->loc.line, 3);
	cr_assert_str_eq(mailprof_diags_get(c, 2)->message, "other");
	mailprof_diags_free(c);
}

Test(notice_extract, domain_rule_continued_at_line_start)
{
	mailprof_diags *d;
	mailprof_status st;
	/* the wrapped part starts in column 1 */
	mailprof_profile *p = rd("メールアドレス：b@ji.k.example.jp\n受信サーバー：pop.k.example.jp\n"
	                         "送信サーバー：smtp.k.example.jp\n※@ji.k.example.jp のお客様は、受信 pop02.k.example.jp、\n"
	                         "smtp02.k.example.jp をご利用ください。\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_str_eq(p->accounts[0].incoming[0].host.v, "pop02.k.example.jp");
	cr_assert_str_eq(p->accounts[0].outgoing[0].host.v, "smtp02.k.example.jp");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* Alternatives of one protocol (docs/notice-reader.md § Alternative servers)
 * against conflicts: an "or" list gives one server each, sharing the port
 * stated after it; hosts of other sites joined by a comma are no list; a
 * second labelled row for the same server stays a conflict. */
Test(notice_extract, alternative_servers_are_not_conflicts)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("IMAP server: imap1.uni.example.edu or imap2.uni.example.edu\nPort: 993 (SSL)\n"
	                         "SMTP server: smtp.uni.example.edu\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->accounts[0].nincoming, 2);
	cr_assert_str_eq(p->accounts[0].incoming[0].host.v, "imap1.uni.example.edu");
	cr_assert_str_eq(p->accounts[0].incoming[1].host.v, "imap2.uni.example.edu");
	cr_assert_eq(p->accounts[0].incoming[0].port.v, 993);
	cr_assert_eq(p->accounts[0].incoming[1].port.v, 993);
	cr_assert_null(t_find(d, "notice-conflict"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	p = rd("SMTP server: smtp.gmail.example, smtp.yahoo.example\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->accounts[0].noutgoing, 1);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* hostile: a list of 300 hosts keeps NR_MAX_ALT alternatives and says
	 * so once; the line's unplaced values are listed up to a bound */
	mp_buf b = {0};
	mp_buf_puts(&b, "IMAP server: imap0.uni.example.edu");
	for (int i = 1; i < 300; i++)
		mp_buf_printf(&b, " or imap%d.uni.example.edu", i);
	mp_buf_puts(&b, "\n");
	p = rd(b.s, &d, &st);
	mp_buf_free(&b);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->accounts[0].nincoming, 65);
	size_t on_line = 0;
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		on_line += mailprof_diags_get(d, i)->loc.line == 1;
	cr_assert_leq(on_line, 18, "%zu findings on the line", on_line);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* groups of one site under their headings; a host of another site
	 * after them is no group's alternative */
	p = rd("Staff\nIMAP server: imap-staff.uni.example.edu\n\nStudents\nIMAP server: imap-stud.uni.example.edu\n"
	       "IMAP server: imap.other.example.com\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->accounts[0].nincoming, 2);
	cr_assert_str_eq(p->accounts[0].incoming[1].host.v, "imap-stud.uni.example.edu");
	cr_assert_not_null(t_find(d, "notice-conflict"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	p = rd("POP server: pop.b.example.jp\nSMTP server: smtp.b.example.jp\nPOP server: pop2.b.example.jp\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->accounts[0].nincoming, 1);
	cr_assert_not_null(t_find(d, "notice-conflict"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* ---- nothing guessed, nothing silent (issue 13.4) ---- */

Test(notice_extract, unplaced_values_and_conflicts_are_reported)
{
	mailprof_diags *d;
	mailprof_status st;
	/* a host with no label anywhere near it: reported at its line */
	mailprof_profile *p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nその他\n  relay.b.jp\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	const mailprof_diag *g = NULL;
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		if (strstr(mailprof_diags_get(d, i)->message, "relay.b.jp"))
			g = mailprof_diags_get(d, i);
	cr_assert_not_null(g);
	cr_assert_str_eq(g->id, "notice-unused");
	cr_assert_eq(g->loc.line, 4);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* two hosts for one server: a warning naming both, the first stays */
	p = rd("メールアドレス：a@b.jp\nPOPサーバー：pop.b.jp\nSMTPサーバー：smtp.b.jp\nPOPサーバー：pop2.b.jp\n", &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	g = t_find(d, "notice-conflict");
	cr_assert_not_null(g);
	cr_assert_eq(g->severity, MAILPROF_WARNING);
	cr_assert(strstr(g->message, "pop.b.jp") && strstr(g->message, "pop2.b.jp"), "%s", g->message);
	cr_assert_eq(g->loc.line, 4);
	cr_assert_str_eq(p->accounts[0].incoming[0].host.v, "pop.b.jp");
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	/* a letter with an address, a password and a login URL but no server */
	p = rd("会員サイトへのご登録が完了しました。\nメールアドレス：mei@mise.example.jp\n"
	       "パスワード：Km3pQ8zr\nログインURL：https://members.mise.example.jp/login\n", &d, &st);
	cr_assert_eq(st, MAILPROF_ERR_INVALID);
	cr_assert_not_null(t_find(d, "notice-no-settings"));
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	char cmd[512], *out = NULL;
	snprintf(cmd, sizeof cmd, "%s check samples/notice/issue13-site-registration.txt 2>&1", t_mailprof());
	cr_assert_eq(t_run(cmd, &out, NULL), 2);
	cr_assert(strstr(out, "notice-no-settings") != NULL, "%s", out);
	cr_assert_null(strstr(out, "Km3pQ8zr"), "the password is shown: %s", out);
	free(out);
}

/* Writing a letter: a placeholder the profile cannot fill, or a value the
 * template states outright (`default`) that the profile contradicts, is an
 * error at the template's line, and no letter is written. */
Test(notice_template, render_refuses_holes_and_contradictions)
{
	const char *ini = "[account]\nemail = ann@example.net\n"
	                  "[incoming]\nprotocol = imap\nhost = imap.example.net\nsecurity = tls\nusername = ann\n"
	                  "password = s3cret-Render\n"
	                  "[outgoing]\nprotocol = smtp\nhost = smtp.example.net\nport = 465\nsecurity = tls\n"
	                  "auth = password-cleartext\nusername = ann\n";
	mailprof_diags *pd;
	mailprof_status st;
	mailprof_profile *p = t_parse_str(ini, "r.ini", "ini", &pd, &st);
	cr_assert_eq(st, MAILPROF_OK);
	mailprof_diags_free(pd);
	mailprof_options opt = {.template_path = TPL_DIR "/example-welcome-en.tpl"};
	mailprof_diags *d = mailprof_diags_new();
	char *out = NULL;
	size_t len = 0;
	cr_assert_neq(mailprof_emit(p, "notice", &opt, &out, &len, d), MAILPROF_OK);
	cr_assert_null(out);
	bool name = false, port = false, smtp_port = false, smtp_sec = false;
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		cr_assert_null(strstr(g->message, "s3cret-Render"));
		if (strcmp(g->id, "notice-render") != 0)
			continue;
		name |= strstr(g->message, "{display_name}") && g->loc.line == 13;
		port |= strstr(g->message, "{incoming.port}") && g->loc.line == 17;
		smtp_port |= strstr(g->message, "outgoing.port `587`") && strstr(g->message, "`465`");
		smtp_sec |= strstr(g->message, "outgoing.security `starttls`") != NULL;
	}
	cr_expect(name && port && smtp_port && smtp_sec);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* Nothing silent: every host of a line that no account holds is its own
 * notice-unused finding, not only the first one of the line. */
Test(notice_extract, every_unplaced_host_of_a_line_is_reported)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("Incoming server: pop.c.example\nOutgoing server: smtp.c.example\n"
	                         "Domains: these settings also work for a.example, b.example and c.example.\n",
	                         &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	int seen = 0;
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		if (strcmp(g->id, "notice-unused") == 0 && g->loc.line == 3)
			seen |= strstr(g->message, "`a.example`")   ? 1
			        : strstr(g->message, "`b.example`") ? 2
			        : strstr(g->message, "`c.example`") ? 4
			                                            : 0;
	}
	cr_assert_eq(seen, 7, "unplaced hosts reported: %d", seen);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* Markdown's aligned rules (|:--|:--:|--:|) are borders like |---|: the
 * reader takes nothing in them for a label or a setting. */
Test(notice_extract, markdown_aligned_rules_are_borders)
{
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd("| Incoming server | Port | Security |\n|:----|:--:|---:|\n"
	                         "| pop.quay.example.org | 995 | SSL/TLS |\n",
	                         &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	for (size_t i = 0; i < mailprof_diags_count(d); i++) {
		const mailprof_diag *g = mailprof_diags_get(d, i);
		cr_expect_neq(g->loc.line, 2, "a finding on the rule: %s", g->message);
	}
	mailprof_profile_free(p);
	mailprof_diags_free(d);
}

/* Thousands of port lines are no real page: the port matrix stops at
 * NR_MX_MAX entries with one finding at the first line left out (every
 * account looks at every entry, so more cost accounts times lines), and the
 * accounts are all still read. */
Test(notice_extract, port_matrix_stops_with_one_finding)
{
	mp_buf b = {0};
	for (int i = 0; i < 600; i++)
		mp_buf_printf(&b, "E-mail: u%d@example.com\nSMTP with SSL\nServer: smtp%d.example.com\nPorts: 25, 465, 587\n", i, i);
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd(b.s, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	cr_assert_eq(p->naccounts, 600);
	size_t said = 0;
	const mailprof_diag *g = NULL;
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		if (strstr(mailprof_diags_get(d, i)->message, "port or protocol lines"))
			said++, g = mailprof_diags_get(d, i);
	cr_assert_eq(said, 1);
	cr_assert_str_eq(g->id, "notice-unused");
	cr_assert_gt(g->loc.line, 4 * 100);
	/* every account keeps its own address and host */
	cr_assert_str_eq(p->accounts[0].email.v, "u0@example.com");
	cr_assert_str_eq(p->accounts[599].email.v, "u599@example.com");
	cr_assert_str_eq(p->accounts[599].outgoing[0].host.v, "smtp599.example.com");
	cr_assert_eq(p->accounts[0].outgoing[0].port.v, 465);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	mp_buf_free(&b);
}

/* "1. POP3 (Post Office Protocol 3)": the name spelled out in brackets
 * after a protocol heading is no protocol row ("Protocol" / "3)"), so no
 * finding says the server type is neither POP nor IMAP. */
Test(notice_extract, protocol_spelled_out_in_a_heading_is_no_row)
{
	size_t len;
	char *text = t_slurp("samples/notice/r7-protocol-expansion-headings-en.txt", &len);
	cr_assert_not_null(text);
	mailprof_diags *d;
	mailprof_status st;
	mailprof_profile *p = rd(text, &d, &st);
	cr_assert_eq(st, MAILPROF_OK);
	for (size_t i = 0; i < mailprof_diags_count(d); i++)
		cr_assert_null(strstr(mailprof_diags_get(d, i)->message, "neither POP nor IMAP"), "%s",
		               mailprof_diags_get(d, i)->message);
	cr_assert_eq(p->accounts[0].incoming[0].protocol, MP_PROTO_POP3);
	mailprof_profile_free(p);
	mailprof_diags_free(d);
	free(text);
}
