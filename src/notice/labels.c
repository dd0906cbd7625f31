/* The label dictionary (notices.md §1 and Appendix A) held as data: one row
 * per key, first match wins, so more specific keys come first. Keys are
 * written as notices spell them and folded like the labels they match. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "notice.h"

static const struct mp_nlabel labels[] = {
	/* Security wording before the connection-ID rejections (接続の保護). */
	{"接続の保護", NF_SECURITY, NC_NONE},
	{"セキュリティの種類", NF_SECURITY, NC_NONE},
	{"security type", NF_SECURITY, NC_NONE},
	/* "Connection Type | SSL", Thunderbird's "Connection security":
	 * before "connection" (a dial-up's) below */
	{"connection type", NF_SECURITY, NC_NONE},
	{"connection security", NF_SECURITY, NC_NONE},
	{"secure connection", NF_SECURITY, NC_NONE},
	{"secured connection", NF_SECURITY, NC_NONE},
	{"encrypted connection", NF_SECURITY, NC_NONE},
	{"セキュリティ認証方式", NF_SECURITY, NC_NONE},
	{"暗号化", NF_SECURITY, NC_NONE},
	{"encryption", NF_SECURITY, NC_NONE},
	{"security", NF_SECURITY, NC_NONE},
	{"ssl", NF_SECURITY, NC_NONE},
	{"tls", NF_SECURITY, NC_NONE},
	/* "Type of Incoming Mail Server: POP", "Incoming server type": a
	 * server's type is its protocol, not its host (before the server
	 * words). */
	{"type of incoming", NF_IN_PROTO, NC_IN},
	{"incoming server type", NF_IN_PROTO, NC_IN},
	{"incoming mail server type", NF_IN_PROTO, NC_IN},
	{"type of outgoing", NF_IN_PROTO, NC_SMTP},
	{"outgoing server type", NF_IN_PROTO, NC_SMTP},
	{"outgoing mail server type", NF_IN_PROTO, NC_SMTP},
	/* Logins whose label holds words that otherwise mean "not mail". */
	{"ユーザー認証id", NF_LOGIN, NC_NONE},
	{"smtp認証id", NF_LOGIN, NC_SMTP},
	{"smtp認証ユーザー", NF_LOGIN, NC_SMTP},
	{"smtp認証アカウント", NF_LOGIN, NC_SMTP},
	{"smtp認証パスワード", NF_PASSWORD, NC_SMTP},
	/* Not mail settings (§1.11, §3.6, §3.7). */
	{"アドレス一覧", NF_IGNORE, NC_NONE},
	{"アドレス数", NF_IGNORE, NC_NONE},
	{"アドレス形式", NF_IGNORE, NC_NONE},
	{"アドレス変更", NF_IGNORE, NC_NONE},
	{"アドレスの変更", NF_IGNORE, NC_NONE},
	{"webメール", NF_IGNORE, NC_WEB},
	{"ウェブメール", NF_IGNORE, NC_WEB},
	{"webmail", NF_IGNORE, NC_WEB},
	{"ログイン画面", NF_IGNORE, NC_WEB},
	{"ログインパスワード", NF_IGNORE, NC_NONE},
	{"マイページ", NF_IGNORE, NC_NONE},
	{"ホームページ", NF_IGNORE, NC_NONE},
	{"url", NF_IGNORE, NC_NONE},
	{"ftp", NF_IGNORE, NC_NONE},
	{"dns", NF_IGNORE, NC_NONE},
	{"nntp", NF_IGNORE, NC_NONE},
	{"ニュース", NF_IGNORE, NC_NONE},
	{"電話番号", NF_IGNORE, NC_NONE},
	{"接続", NF_IGNORE, NC_NONE},
	{"認証パスワード", NF_IGNORE, NC_NONE},
	{"認証id", NF_IGNORE, NC_NONE},
	{"pppoe", NF_IGNORE, NC_NONE},
	{"connection", NF_IGNORE, NC_NONE},
	{"dial-up", NF_IGNORE, NC_NONE},
	{"お客様id", NF_IGNORE, NC_NONE},
	{"お客様コード", NF_IGNORE, NC_NONE},
	{"お客様番号", NF_IGNORE, NC_NONE},
	{"お客さま番号", NF_IGNORE, NC_NONE},
	{"お客さまid", NF_IGNORE, NC_NONE},
	{"会員番号", NF_IGNORE, NC_NONE},
	{"会員id", NF_IGNORE, NC_NONE},
	{"契約", NF_IGNORE, NC_NONE},
	{"料金", NF_IGNORE, NC_NONE},
	{"customer", NF_IGNORE, NC_NONE},
	{"account number", NF_IGNORE, NC_NONE},
	{"portal", NF_IGNORE, NC_NONE},
	/* "Outgoing Recipient Limit: 1000", "Mailbox Quota": a limit, not a
	 * server's setting */
	{"limit", NF_IGNORE, NC_NONE},
	{"quota", NF_IGNORE, NC_NONE},
	{"website", NF_IGNORE, NC_NONE},
	{"web site", NF_IGNORE, NC_NONE},
	{"control panel", NF_IGNORE, NC_NONE},
	{"setting", NF_IGNORE, NC_NONE},
	{"項目", NF_IGNORE, NC_NONE},
	{"note", NF_IGNORE, NC_NONE},
	{"件名", NF_IGNORE, NC_NONE},
	{"subject", NF_IGNORE, NC_NONE},
	{"注意", NF_IGNORE, NC_NONE},
	{"備考", NF_IGNORE, NC_NONE},
	/* the reading of a password ("読み方：エー・ビー…") is not a setting */
	{"読み", NF_IGNORE, NC_NONE},
	{"reading", NF_IGNORE, NC_NONE},
	/* A login that is no mail client's: the sender's domain proved to
	 * receivers (送信ドメイン認証, SPF, DKIM), a second factor ("Two-factor
	 * authentication: required"). */
	{"ドメイン認証", NF_IGNORE, NC_NONE},
	{"domain authentication", NF_IGNORE, NC_NONE},
	{"spf", NF_IGNORE, NC_NONE},
	{"dkim", NF_IGNORE, NC_NONE},
	{"two-factor", NF_IGNORE, NC_NONE},
	{"2-factor", NF_IGNORE, NC_NONE},
	{"two-step", NF_IGNORE, NC_NONE},
	{"2-step", NF_IGNORE, NC_NONE},
	{"multi-factor", NF_IGNORE, NC_NONE},
	{"二段階", NF_IGNORE, NC_NONE},
	{"2段階", NF_IGNORE, NC_NONE},
	{"多要素", NF_IGNORE, NC_NONE},
	/* "サポートセンター" holds ポート; "Support" is not a port either. */
	{"サポート", NF_IGNORE, NC_NONE},
	{"support", NF_IGNORE, NC_NONE},
	/* Authentication. */
	{"認証方式", NF_AUTH_METHOD, NC_SMTP},
	{"認証方法", NF_AUTH_METHOD, NC_SMTP},
	{"authentication method", NF_AUTH_METHOD, NC_SMTP},
	{"auth method", NF_AUTH_METHOD, NC_SMTP},
	/* the kind of login, for the server of the section it stands in */
	{"authentication type", NF_AUTH_METHOD, NC_NONE},
	/* "Login method: CRAM-MD5": how the login is sent, not the login */
	{"login method", NF_AUTH_METHOD, NC_NONE},
	{"login type", NF_AUTH_METHOD, NC_NONE},
	{"sign-in method", NF_AUTH_METHOD, NC_NONE},
	{"ログイン方式", NF_AUTH_METHOD, NC_NONE},
	{"ログイン方法", NF_AUTH_METHOD, NC_NONE},
	{"auth type", NF_AUTH_METHOD, NC_NONE},
	{"認証タイプ", NF_AUTH_METHOD, NC_NONE},
	{"smtp認証", NF_SMTP_AUTH, NC_SMTP},
	{"smtp-auth", NF_SMTP_AUTH, NC_SMTP},
	{"smtp auth", NF_SMTP_AUTH, NC_SMTP},
	{"送信サーバー認証", NF_SMTP_AUTH, NC_SMTP},
	{"送信メールサーバの認証", NF_SMTP_AUTH, NC_SMTP},
	{"送信時に認証", NF_SMTP_AUTH, NC_SMTP},
	{"送信時の認証", NF_SMTP_AUTH, NC_SMTP},
	{"送信認証", NF_SMTP_AUTH, NC_SMTP},
	{"送信の認証", NF_SMTP_AUTH, NC_SMTP},
	{"サーバーの認証", NF_SMTP_AUTH, NC_SMTP},
	{"認証が必要", NF_SMTP_AUTH, NC_SMTP},
	{"requires authentication", NF_SMTP_AUTH, NC_SMTP},
	/* "Login required | yes" (a column of a server's row): whether the
	 * server wants a login, not the login (before "login") */
	{"login required", NF_SMTP_AUTH, NC_SMTP},
	{"sign-in required", NF_SMTP_AUTH, NC_SMTP},
	{"authentication", NF_SMTP_AUTH, NC_SMTP},
	{"auth", NF_SMTP_AUTH, NC_SMTP}, /* "Auth: Yes" (how it may stand: key_fits) */
	{"ユーザー認証", NF_SMTP_AUTH, NC_SMTP},
	{"認証を使用", NF_SMTP_AUTH, NC_SMTP}, /* "認証を使用: オン" (Google's table in Japanese) */
	{"sign-in", NF_SMTP_AUTH, NC_SMTP},
	/* Ports. */
	{"サブミッション", NF_PORT, NC_SMTP},
	{"submission", NF_PORT, NC_SMTP},
	{"ポート", NF_PORT, NC_NONE},
	{"port number", NF_PORT, NC_NONE}, /* a label's tail too: "Port Number993" (unglue.c) */
	{"port", NF_PORT, NC_NONE}, /* opening a word (key_fits) */
	/* Passwords (before addresses: メールアドレスパスワード). */
	{"パスワード", NF_PASSWORD, NC_NONE},
	{"password", NF_PASSWORD, NC_NONE},
	{"passwd", NF_PASSWORD, NC_NONE},
	/* Incoming protocol as its own row. */
	{"種類", NF_IN_PROTO, NC_IN},
	{"種別", NF_IN_PROTO, NC_IN},
	{"server type", NF_IN_PROTO, NC_IN},
	{"account type", NF_IN_PROTO, NC_IN},
	{"type of email", NF_IN_PROTO, NC_IN},
	{"type of", NF_IN_PROTO, NC_IN}, /* "Type of Incoming Mail Server: POP" */
	{"protocol", NF_IN_PROTO, NC_IN},
	{"プロトコル", NF_IN_PROTO, NC_IN},
	{"受信方式", NF_IN_PROTO, NC_IN},
	{"送信方式", NF_IN_PROTO, NC_SMTP}, /* "送信方式: SMTP over SSL/TLS" (attach.c) */
	{"受信プロトコル", NF_IN_PROTO, NC_IN},
	/* Logins. */
	{"メールアカウント", NF_LOGIN, NC_NONE},
	{"アカウント名", NF_LOGIN, NC_NONE},
	{"ユーザー名", NF_LOGIN, NC_NONE},
	{"ユーザーid", NF_LOGIN, NC_NONE},
	{"popアカウント", NF_LOGIN, NC_NONE},
	{"imapアカウント", NF_LOGIN, NC_NONE},
	{"popユーザー", NF_LOGIN, NC_NONE},
	{"pop3ユーザー", NF_LOGIN, NC_NONE},
	{"メールid", NF_LOGIN, NC_NONE},
	{"ログインid", NF_LOGIN, NC_NONE},
	{"ログイン名", NF_LOGIN, NC_NONE},
	{"ログインユーザー", NF_LOGIN, NC_NONE},
	{"メールボックス名", NF_LOGIN, NC_NONE},
	{"mailbox name", NF_LOGIN, NC_NONE},
	{"mailbox user", NF_LOGIN, NC_NONE},
	{"mailbox login", NF_LOGIN, NC_NONE},
	{"user name", NF_LOGIN, NC_NONE},
	{"user id", NF_LOGIN, NC_NONE},
	{"account name", NF_LOGIN, NC_NONE},
	{"login", NF_LOGIN, NC_NONE},
	{"アカウント", NF_LOGIN, NC_NONE},
	/* Servers. */
	{"imapサーバー", NF_HOST, NC_IMAP},
	{"imap4サーバー", NF_HOST, NC_IMAP},
	{"imap server", NF_HOST, NC_IMAP},
	{"imap4 server", NF_HOST, NC_IMAP},
	{"imap host", NF_HOST, NC_IMAP},
	{"popサーバー", NF_HOST, NC_POP},
	{"pop3サーバー", NF_HOST, NC_POP},
	{"pop server", NF_HOST, NC_POP},
	{"pop3 server", NF_HOST, NC_POP},
	{"受信メールサーバー", NF_HOST, NC_IN},
	{"受信サーバー", NF_HOST, NC_IN},
	{"受信メール", NF_HOST, NC_IN},
	{"incoming", NF_HOST, NC_IN},
	{"mailbox server", NF_HOST, NC_IN},
	{"smtpサーバー", NF_HOST, NC_SMTP},
	{"smtp server", NF_HOST, NC_SMTP},
	{"smtp host", NF_HOST, NC_SMTP},
	{"送信メールサーバー", NF_HOST, NC_SMTP},
	{"送信サーバー", NF_HOST, NC_SMTP},
	{"送信メール", NF_HOST, NC_SMTP},
	{"outgoing", NF_HOST, NC_SMTP},
	{"send mail server", NF_HOST, NC_SMTP},
	{"メールサーバー", NF_HOST, NC_ANY},
	{"mail server", NF_HOST, NC_ANY},
	{"サーバー名", NF_HOST, NC_NONE},
	{"サーバー", NF_HOST, NC_NONE},
	{"server", NF_HOST, NC_NONE},
	/* the same word in French, Spanish and Portuguese, in settings quoted
	 * from a forum or a localised client ("- serveur : smtpauth.…") */
	{"serveur", NF_HOST, NC_NONE},
	{"servidor", NF_HOST, NC_NONE},
	{"hostname", NF_HOST, NC_NONE},
	{"host", NF_HOST, NC_NONE},
	{"ホスト", NF_HOST, NC_NONE},
	/* A mail program, not the address ("Email Client" heads the client's
	 * settings after a "Webmail" section): no field. */
	{"mail client", NF_NONE, NC_NONE},
	{"mail program", NF_NONE, NC_NONE},
	{"mail software", NF_NONE, NC_NONE},
	/* Addresses. */
	{"メールアドレス", NF_EMAIL, NC_NONE},
	{"e-mail", NF_EMAIL, NC_NONE},
	{"email", NF_EMAIL, NC_NONE},
	{"mail address", NF_EMAIL, NC_NONE},
	{"ocn id", NF_EMAIL, NC_NONE},
	{"アドレス", NF_EMAIL, NC_NONE},
	{"mailbox", NF_EMAIL, NC_NONE},
	{"address", NF_EMAIL, NC_NONE},
	/* Display name. */
	{"表示名", NF_NAME, NC_NONE},
	{"名前", NF_NAME, NC_NONE},
	{"差出人", NF_NAME, NC_NONE},
	{"送信者名", NF_NAME, NC_NONE},
	{"display name", NF_NAME, NC_NONE},
	{"your name", NF_NAME, NC_NONE},
	{"full name", NF_NAME, NC_NONE},
	{"name", NF_NAME, NC_NONE}, /* a word of its own (key_fits) */
	/* Plain user words last: "ユーザ" alone still means the login. Not
	 * the readers a note is for ("ALERT for Gmail Users: Thursday, …",
	 * "Mac users:"): no field. */
	{"users", NF_NONE, NC_NONE},
	{"ユーザー", NF_LOGIN, NC_NONE},
	{"user", NF_LOGIN, NC_NONE},
};

/* Code points dropped when folding: spacing, long-vowel marks, dots,
 * hyphens and brackets vary freely between notices. */
static bool dropped(unsigned cp)
{
	static const unsigned drop[] = {' ', '-', '_', '.', '(', ')', '[', ']', '<', '>', '"', '\'',
	                                '/', 0x30FC, 0x30FB, 0x2015, 0xFF70, 0x3010, 0x3011, 0x300A,
	                                0x300B, 0x300C, 0x300D, 0x3008, 0x3009, 0x3014, 0x3015};
	for (size_t i = 0; i < MP_COUNT(drop); i++)
		if (drop[i] == cp)
			return true;
	return false;
}

void mp_notice_fold(const char *s, size_t n, mp_buf *out)
{
	for (size_t i = 0; i < n;) {
		size_t adv;
		unsigned cp = mp_utf8_get(s + i, n - i, &adv);
		if (!dropped(cp)) {
			if (cp >= 'A' && cp <= 'Z')
				mp_buf_putc(out, (char)(cp + 32));
			else
				mp_buf_add(out, s + i, adv);
		}
		i += adv;
	}
	if (!out->s)
		mp_buf_add(out, "", 0);
	out->s[out->len] = '\0';
}

/* The keys folded once per process (they are matched against every label
 * and every piece of a line, so folding them per call cost most of the
 * reader's time on long lines). */
static char *folded[sizeof labels / sizeof labels[0]];
static size_t folded_len[sizeof labels / sizeof labels[0]];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_keys(void)
{
	for (size_t i = 0; i < MP_COUNT(labels); i++) {
		mp_buf k = {0};
		mp_notice_fold(labels[i].key, strlen(labels[i].key), &k);
		folded_len[i] = k.len;
		folded[i] = mp_buf_take(&k, NULL);
	}
}

static const char *folded_key(size_t i, size_t *len)
{
	pthread_once(&fold_once, fold_keys);
	*len = folded_len[i];
	return folded[i];
}

/* An English word of the "not mail" keys must start a word of the label
 * itself: folding drops spaces and brackets, and "Port (alternative)"
 * folds to "portalternative", which holds "portal". */
static bool word_in(const char *label, size_t n, const char *key)
{
	size_t kl = strlen(key);
	if (!isalpha((unsigned char)key[0]))
		return true;
	for (size_t i = 0; i + kl <= n; i++)
		if ((i == 0 || !isalnum((unsigned char)label[i - 1])) && mp_strncasecmp(label + i, key, kl) == 0)
			return true;
	return false;
}

/* word_in, and the key also ends a word ("Name", "Your name:"). */
static bool whole_word_in(const char *label, size_t n, const char *key)
{
	size_t kl = strlen(key);
	if (!isalpha((unsigned char)key[0]))
		return true;
	for (size_t i = 0; i + kl <= n; i++)
		if ((i == 0 || !isalnum((unsigned char)label[i - 1])) && mp_strncasecmp(label + i, key, kl) == 0 &&
		    (i + kl == n || !isalnum((unsigned char)label[i + kl])))
			return true;
	return false;
}

/* How an English key must stand in the label besides being a substring of
 * its folded form: keys that are not mail settings open a word of it
 * ("portal" is not "Port (alternative)"), and so does "port" ("Important",
 * "support"); "name" is a word of its own ("namespaces", "unqualified
 * names"); "auth" is the label's first word, not in capitals ("ENABLE
 * AUTH=PLAIN" is a server's capability, "OAuth" no label). Looked at only
 * once the key matched; "users" is a word of the label as written (not
 * "user's", which folds to it). */
enum match { M_OPENS, M_WORD, M_FIRST };
static const struct {
	const char *key;
	enum match m;
} placed[] = {{"port", M_OPENS}, {"name", M_WORD}, {"auth", M_FIRST}, {"users", M_WORD}};

static bool key_fits(const char *label, size_t n, const struct mp_nlabel *e)
{
	if (e->field == NF_IGNORE)
		return word_in(label, n, e->key);
	for (size_t i = 0; i < MP_COUNT(placed); i++) {
		if (strcmp(placed[i].key, e->key) != 0)
			continue;
		if (placed[i].m == M_OPENS)
			return word_in(label, n, e->key);
		if (placed[i].m == M_WORD)
			return whole_word_in(label, n, e->key);
		size_t a = 0, kl = strlen(e->key);
		while (a < n && !isalnum((unsigned char)label[a]))
			a++;
		if (kl > n - a || mp_strncasecmp(label + a, e->key, kl) != 0)
			return false;
		bool caps = true;
		for (size_t k = 0; k < kl; k++)
			caps &= label[a + k] == toupper((unsigned char)e->key[k]);
		return !caps && whole_word_in(label + a, n - a, e->key);
	}
	return true;
}

enum mp_nfield mp_notice_classify(const char *label, size_t n, enum mp_nctx *dir)
{
	mp_buf f = {0};
	mp_notice_fold(label, n, &f);
	enum mp_nfield r = NF_NONE;
	*dir = NC_NONE;
	/* "認証: 通常のパスワード", "|認証|平文パスワード|": the word alone is
	 * the login method of its section's server; inside a longer label
	 * (接続認証, 認証ID, "LOGIN認証") it says nothing */
	if (f.len && strcmp(f.s, "認証") == 0) {
		mp_buf_free(&f);
		return NF_AUTH_METHOD;
	}
	for (size_t i = 0; i < MP_COUNT(labels) && f.len; i++) {
		size_t kl;
		const char *k = folded_key(i, &kl);
		if (strstr(f.s, k) && key_fits(label, n, &labels[i])) {
			r = labels[i].field;
			*dir = labels[i].dir;
			break;
		}
	}
	mp_buf_free(&f);
	return r;
}

/* "pop", "pop3", "pops", not inside "popular", "population", "popup". */
static bool names_pop(const char *t)
{
	for (const char *p = strstr(t, "pop"); p; p = strstr(p + 1, "pop"))
		if (strncmp(p, "popul", 5) != 0 && strncmp(p, "popup", 5) != 0)
			return true;
	return false;
}

enum mp_nctx mp_notice_words_ctx(const char *s, size_t n)
{
	mp_buf f = {0};
	mp_notice_fold(s, n, &f);
	const char *t = f.s;
	enum mp_nctx r = NC_NONE;
	bool imap = strstr(t, "imap") != NULL, pop = names_pop(t);
	if (strstr(t, "webメル") || strstr(t, "webmail") || strstr(t, "ウェブメル") || strstr(t, "ログイン画面"))
		r = NC_WEB;
	else if (imap && pop)
		r = NC_IN;
	else if (imap)
		r = NC_IMAP;
	else if (pop && !strstr(t, "popbeforesmtp"))
		r = NC_POP;
	else if (strstr(t, "smtp") || strstr(t, "送信") || strstr(t, "outgoing") || strstr(t, "outbound") ||
	         strstr(t, "sending") || strstr(t, "submission"))
		r = NC_SMTP;
	else if (strstr(t, "受信") || strstr(t, "incoming") || strstr(t, "inbound") || strstr(t, "receiv") ||
	         strstr(t, "retriev") || strstr(t, "checkingmail") || strstr(t, "fetchingmail") ||
	         strstr(t, "collectingmail"))
		r = NC_IN;
	mp_buf_free(&f);
	return r;
}

enum mp_nfield mp_notice_label_tail(const char *s, size_t n, bool whole)
{
	mp_buf f = {0};
	mp_notice_fold(s, n, &f);
	enum mp_nfield r = NF_NONE;
	for (size_t i = 0; i < MP_COUNT(labels) && f.len && r == NF_NONE; i++) {
		if (labels[i].field == NF_IGNORE || !isalpha((unsigned char)labels[i].key[0]))
			continue;
		size_t kl;
		const char *k = folded_key(i, &kl);
		if (kl <= f.len && (!whole || kl == f.len) && memcmp(f.s + f.len - kl, k, kl) == 0)
			r = labels[i].field;
	}
	mp_buf_free(&f);
	return r;
}

bool mp_notice_label_prefix(const char *s, size_t n, size_t min)
{
	mp_buf f = {0};
	mp_notice_fold(s, n, &f);
	bool r = false;
	for (size_t i = 0; i < MP_COUNT(labels) && !r; i++) {
		if (labels[i].field == NF_IGNORE || !isalpha((unsigned char)labels[i].key[0]))
			continue;
		size_t kl;
		const char *k = folded_key(i, &kl);
		r = kl >= min && kl <= f.len && memcmp(f.s, k, kl) == 0;
	}
	mp_buf_free(&f);
	return r;
}
