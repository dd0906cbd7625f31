/* Stage 5 of the reader (docs/notice-reader.md), its sentences: values
 * read out of prose. A line's sentences, and the sentences inside its
 * cells and labels, state what no row states: a security or a login
 * method for one server or for all, protocols offered, sending's login
 * (SMTP-AUTH, POP before SMTP), an address or a login, an example
 * person, settings quoted in a sentence. attach.c calls them as it
 * reads each line. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "reader.h"

/* An address inside a sentence ("Your email account x@y is ready"): used
 * only when no address row names one. */
void nr_prose_email(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	if (x->prose_email.v || !(nr_has(s + b, n - b, "address") || nr_has(s + b, n - b, "account") ||
	                          nr_has(s + b, n - b, "mailbox") ||
	                          nr_has(s + b, n - b, "アドレス") || nr_has(s + b, n - b, "アカウント")))
		return;
	for (size_t i = b; i < n; i++) {
		/* "Accounting -accounting@…": a list of role addresses, not the
		 * reader's own (the dash is the list's, the word not "account") */
		if ((i > b && s[i - 1] != ' ' && s[i - 1] != ':' && s[i - 1] != '<') || s[i] == '-')
			continue;
		size_t t = nr_token_len(s + i, n - i);
		while (t && (s[i + t - 1] == '.' || s[i + t - 1] == ','))
			t--;
		size_t back = i > b + 24 ? i - 24 : b;
		/* "(for example: gwashing@…)", "the whole address, say ann@…" */
		if (nr_gives_example(s + back, i - back) || nr_example_lead(s + back, i - back))
			continue;
		if (nr_valid_email(s + i, t) && !nr_is_form(x, s + i, t)) {
			mailprof_loc loc = nr_loc_at(x, l, i);
			mp_str_setn(&x->prose_email, s + i, t, &loc);
			return;
		}
	}
}

static void send_said(struct ex *x, const mailprof_loc *loc)
{
	if (!x->send_prose) {
		x->send_prose = true;
		x->send_loc = *loc;
	}
}

/* A sentence of sending saying the mail is to be checked first, which
 * lets sending through ("as long as you have successfully logged in to
 * check your mail", "check your mail before you send", "メールを受信して
 * から送信"): POP before SMTP in other words. Not a denial ("no longer",
 * "you do not need to check your mail first"). */
static bool checks_mail_first(const struct ex *x, const char *c, size_t cn)
{
	static const char *const check[] = {"check your mail", "check your e-mail", "check your email", "checked your mail",
	                                    "checked your e-mail", "checked your email", "checking your mail",
	                                    "checking your e-mail", "checking your email", "check for new mail",
	                                    "check for mail", "collect your mail", "retrieve your mail", "download your mail",
	                                    NULL};
	/* (not the program or its settings: "check your mail settings before …") */
	static const char *const thing[] = {"settings", "setting", "client", "program", "software", "app", "account",
	                                    "server", "configuration", NULL};
	static const char *const first[] = {"before", "first", "as long as", "once", "logged in", "log in", "after", NULL};
	static const char *const send[] = {"send", "outgoing", "smtp", NULL};
	static const char *const deny[] = {"no longer", "not need", "don't need", "do not have to", "don't have to",
	                                   "not necessary", "not required", NULL};
	if (cn > 400)
		return false;
	size_t k = 0, w = 0;
	while (k < cn && !(w = nr_starts_any_ci(c + k, cn - k, check)))
		k++;
	/* (in other words: "checked your POP3 account for incoming
	 * messages", "check for incoming email": a form of "check" and, a
	 * few words on, the mail or the POP account checked, then "before"
	 * sending; not "if you first check mail (send / receive) on …") */
	static const char *const verb[] = {"check ", "checks ", "checked ", "checking ", NULL};
	static const char *const mail[] = {"mail", "e-mail", "email", "messages", "mailbox", "pop3 account",
	                                   "pop account", "inbox", NULL};
	bool before = nr_has(c, cn, "before") || nr_has(c, cn, "prior to");
	for (size_t i = 0; !w && before && i < cn; i++) {
		/* (the clause's first byte opens a word: nothing before it to read) */
		size_t vw = !i || nr_word_start(c, i) ? nr_starts_any_ci(c + i, cn - i, verb) : 0;
		for (size_t j = i + vw; vw && j < cn && j < i + vw + 36 && !strchr(",.;:", c[j]) && !w; j++)
			if (nr_word_start(c, j) && (w = nr_starts_any_ci(c + j, cn - j, mail)) > 0)
				k = j;
	}
	if (w) {
		size_t a = nr_skip_sp(c, k + w, cn);
		if ((a == k + w || !nr_starts_any_ci(c + a, cn - a, thing)) && nr_has_any(c, cn, first) &&
		    (x->ctx == NC_SMTP || nr_has_any(c, cn, send)))
			return !nr_has_any(c, cn, deny);
	}
	static const char *const ja[] = {"受信してから送信", "受信した後に送信", "受信後に送信", "送信前に受信", "送信の前に受信",
	                                 "送信する前に受信", NULL};
	return nr_has_any(c, cn, ja) && !nr_has(c, cn, "不要") && !nr_has(c, cn, "ません") && !nr_has(c, cn, "廃止");
}

/* "If SMTP is used without first being authenticated through POP",
 * "to authorize yourself to send, you must first check your account for
 * new e-mail", "受信をすることによりユーザー認証を行い": the login that
 * lets sending through is the receiving one (POP before SMTP told), not
 * sending's own; unless the clause names sending's own login too
 * ("SMTP-AUTH or POP before SMTP"). */
static bool login_by_receiving(const struct ex *x, const char *c, size_t cn)
{
	static const char *const own[] = {"smtp auth", "smtp-auth", "smtp認証", "smtp 認証", "smtpauth",
	                                  "requires authentication", "require authentication", "same ", "と同じ", NULL};
	static const char *const recv[] = {"through pop", "via pop", "by pop", "with pop", "by the pop", "pop server",
	                                   "pop3 server", "pop account", "pop3 account", "incoming server",
	                                   "incoming mail server", "checking for", "check for", "checked for",
	                                   "check your account", "check your mail", "check your e-mail",
	                                   "check your email", "popサーバ", "pop サーバ", "受信をする", "受信する", "受信を行", "受信動作", "受信操作",
	                                   "受信した", "受信して", NULL};
	if (nr_has_any(c, cn, own))
		return false;
	return nr_has_any(c, cn, recv) || checks_mail_first(x, c, cn);
}

/* "AUTH REQUIRED", "auth: required": the word by its short name, a
 * need said right after it (not "OAuth", not "AUTH=PLAIN" of a server's
 * greeting, not a product named "Auth SMTP") */
static bool auth_word(const char *c, size_t cn)
{
	for (size_t i = 0; i + 4 <= cn; i++) {
		if (mp_strncasecmp(c + i, "auth", 4) != 0 || (i && isalpha((unsigned char)c[i - 1])))
			continue;
		size_t k = i + 4;
		while (k < cn && (c[k] == ' ' || c[k] == ':'))
			k++;
		if (k > i + 4 && nr_starts_any_ci(c + k, cn - k, (const char *const[]){"required", "needed", NULL}))
			return true;
	}
	return false;
}

/* The direction the last server word before s[at] names: "Outgoing:
 * smtp.…, port 25, no encryption, no authentication" (NC_SMTP), "IMAP
 * … (SSL) and SMTP … (STARTTLS, login required)"; NC_NONE when none
 * stands before it. */
static enum mp_nctx dir_before(const char *s, size_t at)
{
	static const char *const out[] = {"smtp", "outgoing", "outbound", "sending", "send ", "sent ", "送信", NULL};
	static const char *const in[] = {"imap", "pop", "incoming", "inbound", "receiv", "受信", NULL};
	for (size_t i = at; i-- > 0;) {
		if (i && isalpha((unsigned char)s[i]) && isalpha((unsigned char)s[i - 1]))
			continue; /* (words open: not "desmtp") */
		if (nr_starts_any_ci(s + i, at - i, out))
			return NC_SMTP;
		if (nr_starts_any_ci(s + i, at - i, in))
			return NC_IN;
	}
	return NC_NONE;
}

/* "(login required)", "the outgoing server requires you to log in",
 * "Both servers require your full email address and password": a login
 * demanded (1); "no authentication", "no login is needed" (0); else -1.
 * *at: where the words stand. Not in a condition ("if …", "unless"). */
static int login_said(const char *s, size_t n, size_t *at)
{
	static const char *const no[] = {"no authentication", "no smtp authentication", "no login", "no log-in",
	                                 "without authentication", "without login", "login is not required",
	                                 "authentication is not required", "does not require authentication",
	                                 "doesn't require authentication", "does not require a login",
	                                 "doesn't require a login", NULL};
	/* (and the other words for one: "requires verification", "logon is
	 * required", "requires authorisation", "sign-in required") */
	static const char *const yes[] = {"login required", "log-in required", "log in required", "login is required",
	                                  "login needed", "requires you to log in", "require you to log in",
	                                  "requires a login", "requires login", "requires you to sign in",
	                                  "require you to sign in", "requires verification", "require verification",
	                                  "verification required", "verification is required", "requires logon",
	                                  "requires a logon", "requires log on", "requires you to log on",
	                                  "require you to log on", "logon required", "logon is required",
	                                  "requires authorization", "requires authorisation", "authorization required",
	                                  "authorisation required", "authorization is required",
	                                  "authorisation is required", "requires signing in", "requires sign in",
	                                  "sign-in required", "sign in required", "sign-in is required", NULL};
	for (size_t i = 0; i < n; i++) {
		if (i && isalpha((unsigned char)s[i - 1]))
			continue;
		int said = -1;
		if (nr_starts_any_ci(s + i, n - i, no))
			said = 0;
		else if (nr_starts_any_ci(s + i, n - i, yes))
			said = 1;
		else if (nr_starts_any_ci(s + i, n - i, (const char *const[]){"require your ", "requires your ", NULL})) {
			/* "require your full email address and password": the
			 * clause names the password, not its change */
			size_t e = i;
			while (e < n && e - i < 70 && !strchr(",.;()", s[e]))
				e++;
			if (nr_has(s + i, e - i, "password") && !nr_has(s + i, e - i, "chang") && !nr_has(s + i, e - i, "reset"))
				said = 1;
		}
		if (said < 0)
			continue;
		/* its sentence, back to a stop: not a condition */
		size_t c = i;
		while (c > 0 && !(strchr(".;", s[c - 1]) && (c == n || s[c] == ' ')))
			c--;
		if (nr_has(s + c, i - c, "if ") || nr_has(s + c, i - c, "unless") || nr_has(s + c, i - c, "when "))
			return -1;
		*at = i;
		return said;
	}
	return -1;
}

/* Is sending named ("outgoing", "SMTP", "送信") shortly before the first
 * "name and password" of s (or is there none)? */
static bool send_before_login(const char *s, size_t n)
{
	static const char w[] = "name and password";
	size_t k = sizeof w - 1;
	for (size_t i = 0; i + k <= n; i++)
		if (mp_strncasecmp(s + i, w, k) == 0) {
			size_t f = i > 40 ? i - 40 : 0;
			return nr_has(s + f, i - f, "outgoing") || nr_has(s + f, i - f, "smtp") ||
			       nr_has(s + f, i - f, "送信") || nr_has(s + f, i - f, "sending");
		}
	return true;
}

/* Any line, sentence or cell may say that sending needs a login:
 * "[このサーバーは認証が必要]にチェック", "Requires logging in with your
 * email address and password" in the SMTP block, "authenticate (log in)
 * to the outgoing mail server"; or that it goes by POP before SMTP. An
 * SMTP-AUTH row of its own wins. Naming SMTP-AUTH or POP before SMTP
 * says the notice offers sending. */
void nr_auth_hint(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s + b;
	size_t n = l->len - b;
	bool smtp_here = x->ctx == NC_SMTP || nr_has(s, n, "outgoing") || nr_has(s, n, "smtp") || nr_has(s, n, "送信");
	/* "name and password" is sending's login when sending is named
	 * just before it ("Outgoing server (SMTP): Use name and password"),
	 * not in "… your ISP's SMTP address and … if you have not received
	 * your username and password" or "… your username and password … AND
	 * your ISP's SMTP address" (the receiving login, another thing) */
	bool smtp_first = x->ctx == NC_SMTP || send_before_login(s, n);
	if ((nr_has(s, n, "認証が必要") || nr_has(s, n, "requires authentication") ||
	     (smtp_here && nr_has(s, n, "require authentication")) || nr_has(s, n, "smtp認証") ||
	     nr_has(s, n, "with authentication") ||
	     (smtp_here && (nr_has(s, n, "requires logging in") || nr_has(s, n, "authenticate"))) ||
	     /* Thunderbird's "Use name and password", "ユーザ名とパスワードを使用する"
	      * にチェック: told of the sending server, not denied */
	     /* (the options of sending's dialog alone: Thunderbird's "Use name
	      * and password", Android's "Require sign-in", Outlook's "Use same
	      * settings as my incoming mail server") */
	     (((smtp_here && (nr_has(s, n, "パスワードを使用") || (smtp_first && nr_has(s, n, "name and password")))) ||
	       nr_has(s, n, "use name and password") || nr_has(s, n, "require sign-in") ||
	       nr_has(s, n, "requires sign-in") || nr_has(s, n, "same settings as my incoming")) &&
	      !nr_has(s, n, "しない") && !nr_has(s, n, "ません") && !nr_has(s, n, "not ") && !nr_has(s, n, "n't")) ||
	     /* "Using: SSL and Authentication" in the outgoing section */
	     (x->ctx == NC_SMTP && nr_has(s, n, "authentication") && !nr_has(s, n, "none") &&
	      !nr_has(s, n, "no ") && !nr_has(s, n, "not ") && !nr_has(s, n, "without") && !nr_has(s, n, "off")) ||
	     nr_has(s, n, "smtp-auth") || nr_has(s, n, "smtp auth") ||
	     /* "送信サーバーのユーザー名　受信と同じ", "Outgoing login: same as
	      * incoming": sending's login is receiving's */
	     (smtp_here && nr_as_incoming(s, n) &&
	      (nr_has(s, n, "ユーザ") || nr_has(s, n, "id") || nr_has(s, n, "パスワード") || nr_has(s, n, "アカウント") ||
	       nr_has(s, n, "login") || nr_has(s, n, "user") || nr_has(s, n, "password") || nr_has(s, n, "認証") ||
	       nr_has(s, n, "account details") || nr_has(s, n, "credentials") || nr_has(s, n, "sign in")))) &&
	    !nr_has(s, n, "不要") && !nr_auth_not_stated(s, n) && !x->auth_hint && !login_by_receiving(x, s, n)) {
		x->auth_hint = true;
		/* (where the login is named, not the line's start: "… checked
		 * your mail in the last 30 minutes. Alternatively use SMTP
		 * authentication" tells POP before SMTP first) */
		size_t at = 0;
		while (at < n && !nr_starts_any_ci(s + at, n - at, (const char *const[]){"auth", "認証", NULL}))
			at++;
		x->auth_hint_loc = nr_loc_at(x, l, b + (at < n ? at : 0));
	}
	/* "smtp.…:587 (STARTTLS, login required)", "no authentication" after
	 * sending's name, "Both servers require your full email address and
	 * password" */
	size_t la;
	int ls = login_said(s, n, &la);
	enum mp_nctx ld = ls >= 0 ? dir_before(s, la) : NC_NONE;
	if (ls >= 0 && ld == NC_NONE && x->ctx == NC_SMTP)
		ld = NC_SMTP;
	bool both_srv = ls == 1 && (nr_has(s, n, "both servers") || nr_has(s, n, "two servers") ||
	                            nr_names_both_ways(s, n));
	if (ls == 1 && (ld == NC_SMTP || both_srv) && !x->auth_hint && !nr_auth_not_stated(s, n)) {
		x->auth_hint = true;
		x->auth_hint_loc = nr_loc_at(x, l, b + la);
	}
	/* "Outgoing: SMTP, smtp…, authentication: same as incoming": what
	 * follows the word on a sending line says yes */
	/* (also "送信サーバーの認証　ユーザー名とパスワード") */
	/* (also "送信サーバーの認証　ユーザー名とパスワード": 認証 as a label,
	 * a separator after it; not POP before SMTP's "認証を必要とする方法") */
	bool stated = smtp_here && !x->auth_hint && !nr_auth_not_stated(s, n) && !nr_has(s, n, "pop before") &&
	              !nr_has(s, n, "pop-before") && !nr_has(s, n, "popbefore");
	for (size_t i = 0, w; stated && !x->auth_hint && i < n; i++)
		if ((w = nr_starts_any_ci(s + i, n - i, (const char *const[]){"authentication", "認証", NULL})) > 0 &&
		    (w == 14 || (i + w < n && (s[i + w] == ':' || s[i + w] == ' ')))) {
			size_t v = i + w, e;
			while (v < n && (s[v] == ':' || s[v] == ' '))
				v++;
			for (e = v; e < n && s[e] != ',' && s[e] != ';' && s[e] != '.'; e++)
				;
			if (e > v && nr_parse_yesno_auth(s + v, e - v) == MP_AUTH_PASSWORD_CLEARTEXT) {
				x->auth_hint = true;
				x->auth_hint_loc = nr_loc_at(x, l, b + i);
			}
			break;
		}
	/* "認証用ID/PW", "認証ID・パスワード" outside a POP or IMAP section:
	 * one label naming the ID and the password of a login, not a
	 * connection's (接続, PPPoE) nor the incoming server's, says every
	 * server offered logs in, sending too */
	size_t lab = 0;
	while (lab < n && lab < 40 && s[lab] != ' ' && s[lab] != ':')
		lab++;
	if (!x->auth_hint && x->ctx != NC_POP && x->ctx != NC_IMAP && nr_has(s, lab, "認証") &&
	    mp_notice_words_ctx(s, lab) == NC_NONE &&
	    nr_has(s, lab, "id") && (nr_has(s, lab, "pw") || nr_has(s, lab, "パスワード") || nr_has(s, lab, "pass")) &&
	    !nr_has(s, lab, "接続") && !nr_has(s, n, "pppoe") && !nr_has(s, lab, "回線")) {
		x->auth_hint = true;
		x->auth_hint_loc = nr_loc_at(x, l, b);
	}
	/* "POP before SMTP をご利用ください", unless it says it ended. */
	/* (also "POP3 before SMTP", "POP before Send") */
	static const char *const pbs[] = {"pop before smtp", "popbeforesmtp", "pop-before-smtp", "pop3 before smtp",
	                                  "pop3-before-smtp", "pop before send", "pop-before-send", NULL};
	/* "SpinNet has terminated POP before SMTP", "これまでのPOP before
	 * SMTPに代わりSMTP-AUTHを使います": whatever the other lines say of
	 * it, it is not offered beside the login */
	static const char *const ended[] = {"廃止", "終了", "代わり", "代り", "ではなく", "停止", "no longer", "terminat",
	                                    "discontinu", "instead of", "replace", "phased out", "phase out", "retire",
	                                    "end of", NULL};
	if (nr_has_any(s, n, pbs) && nr_has_any(s, n, ended))
		x->pbs_ended = true;
	if (nr_has_any(s, n, pbs) &&
	    !nr_has(s, n, "廃止") &&
	    !nr_has(s, n, "終了") && !nr_has(s, n, "no longer") && !nr_has(s, n, "未対応") &&
	    /* "POP before SMTP: 不要", "is not required": denied */
	    !nr_has(s, n, "不要") && !nr_has(s, n, "not required") && !nr_has(s, n, "not needed") &&
	    !nr_has(s, n, "not necessary") && !nr_has(s, n, "使用しない") && !nr_has(s, n, "利用しない") &&
	    !nr_has(s, n, "いただけません") && !nr_has(s, n, "できません") && !nr_has(s, n, "していません") &&
	    !nr_has(s, n, "非対応") && !nr_has(s, n, "不可") && !nr_has(s, n, "not supported")) {
		if (!x->pbs_hint) /* (where the page first tells it) */
			x->pbs_loc = nr_loc_at(x, l, b);
		size_t sp = 0;
		for (size_t i = 0; i < n; i++)
			sp += s[i] == ' ';
		x->pbs_sentence |= sp >= 4 || nr_has(s, n, "。") || nr_has(s, n, "、");
		x->pbs_hint = true;
		send_said(x, &x->pbs_loc);
	}
	/* "change the port back to 25, untick SMTP authentication, and
	 * instead use your ISP's server": the servers after it go without */
	static const char *const off[] = {"untick", "uncheck", "un-tick", "un-check", "disable", "turn off", "switch off",
	                                  "deselect", "clear the", NULL};
	if (x->auth_hint && !x->auth_off_line && x->auth_hint_loc.line < l->line && nr_has(s, n, "authentication") &&
	    nr_has_any(s, n, off))
		x->auth_off_line = l->line;
	/* "as long as you have logged in to check your mail, the outgoing
	 * server knows who you are", "check your mail before you send",
	 * 送信の前に受信: POP before SMTP told, not named (sentence by sentence) */
	for (size_t i = 0; !x->pbs_hint && i < n;) {
		size_t e = i;
		while (e < n && !nr_starts_any(s + e, n - e, (const char *const[]){"。", ". ", "! ", "? ", NULL}))
			e++;
		if (checks_mail_first(x, s + i, e - i)) {
			x->pbs_hint = x->pbs_sentence = true;
			x->pbs_loc = nr_loc_at(x, l, b + i);
			send_said(x, &x->pbs_loc);
		}
		i = e < n ? e + 1 : n;
	}
	/* "最近はこちらも認証を必要とするように…", "sending now requires that
	 * you authenticate": a sentence of the sending section (or naming
	 * sending) saying a login is needed; read sentence by sentence, so
	 * "…認証は必要がありません。…認証を必要とする" takes the second */
	static const char *const clause_end[] = {"。", ". ", "; ", " - ", " -- ", " — ", NULL};
	for (size_t i = 0; (!x->auth_hint || x->auth_hint_loc.line == l->line) && i < n;) {
		size_t e = i;
		while (e < n && !nr_starts_any(s + e, n - e, clause_end))
			e++;
		const char *c = s + i;
		size_t cn = e - i;
		bool send = x->ctx == NC_SMTP || nr_has(c, cn, "送信") || nr_has(c, cn, "outgoing") ||
		            nr_has(c, cn, "send") || nr_has(c, cn, "smtp") || nr_has(c, cn, "submission");
		/* "Make sure to authenticate using your username and password",
		 * "Both servers require authentication": a clause naming no
		 * server is every server's, sending's too */
		enum mp_nctx wc = mp_notice_words_ctx(c, cn);
		bool every = nr_has(c, cn, "both server") || nr_has(c, cn, "all server") || nr_has(c, cn, "each server") ||
		             nr_has(c, cn, "every server");
		bool general = every || (x->ctx != NC_POP && x->ctx != NC_IMAP && x->ctx != NC_IN && x->ctx != NC_WEB &&
		                         wc == NC_NONE);
		/* "(Use SSL, port: 465, use authentication)", "Outgoing mail
		 * requires your university credentials", "authenticate using your
		 * username and password", "Authorisation with the login/password" */
		/* (also the client's switch named: "turn on authentication",
		 * "switch on auth"; and the login named by what it is called:
		 * "authentication with your university ID", "… your username") */
		bool use = nr_has(c, cn, "use auth") || nr_has(c, cn, "with auth") || nr_has(c, cn, "using auth") ||
		           nr_has(c, cn, "enable auth") || nr_has(c, cn, "authentication enabled") ||
		           nr_has(c, cn, "authentication on") || nr_has(c, cn, "turn on") || nr_has(c, cn, "switch on") ||
		           ((nr_has(c, cn, "using your") || nr_has(c, cn, "with your") || nr_has(c, cn, "with the")) &&
		            (nr_has(c, cn, "password") || nr_has(c, cn, "credentials") || nr_has(c, cn, " id") ||
		             nr_has(c, cn, "username") || nr_has(c, cn, "user name") || nr_has(c, cn, "login")));
		/* "only accepts authenticated submission", "encrypted and
		 * authenticated SMTP": sending named authenticated (not
		 * "unauthenticated connections") */
		bool authed = send && nr_has(c, cn, "authenticated") && !nr_has(c, cn, "unauthenticated") &&
		              !nr_has(c, cn, "non-authenticated");
		/* "Configure your application with our SMTP server and your user
		 * account + password", "send their username and password": the
		 * password asked for sending */
		/* (sending named before the password: not "configure … you will
		 * need your username and password … AND your ISP's SMTP address") */
		size_t pwat = 0;
		while (pwat + 8 <= cn && mp_strncasecmp(c + pwat, "password", 8) != 0)
			pwat++;
		bool pw = send && pwat + 8 <= cn &&
		          (x->ctx == NC_SMTP || nr_has(c, pwat, "送信") || nr_has(c, pwat, "outgoing") || nr_has(c, pwat, "send") ||
		           nr_has(c, pwat, "smtp") || nr_has(c, pwat, "submission")) &&
		          (nr_has(c, cn, "configure") || nr_has(c, cn, "send their") || nr_has(c, cn, "send your"));
		/* "Log in with your username and password to send mail", "you
		 * need to sign in with your full address and password" */
		bool login = send && (nr_has(c, cn, "log in") || nr_has(c, cn, "log on") || nr_has(c, cn, "sign in") ||
		                      nr_has(c, cn, "login with") || nr_has(c, cn, "logon with"));
		bool said = nr_has(c, cn, "認証") || nr_has(c, cn, "authenticat") || nr_has(c, cn, "authoris") ||
		            auth_word(c, cn) ||
		            nr_has(c, cn, "authoriz") || (send && nr_has(c, cn, "credentials")) || pw || login;
		if ((send || general) && said &&
		    (nr_has(c, cn, "必要") || nr_has(c, cn, "必須") || nr_has(c, cn, "require") ||
		     nr_has(c, cn, "must ") || nr_has(c, cn, "should ") || nr_has(c, cn, "need") ||
		     nr_has(c, cn, "make sure") || use || authed ||
		     pw) &&
		    !nr_has(c, cn, "不要") && !nr_has(c, cn, "ません") && !nr_has(c, cn, "ない") &&
		    !nr_has(c, cn, "not ") && !nr_has(c, cn, "n't") && !nr_has(c, cn, "pop before") &&
		    !nr_has(c, cn, "optional") && !nr_auth_not_stated(c, cn) && !login_by_receiving(x, c, cn)) {
			/* a condition ("When using our SMTP servers, you must…",
			 * 学外から送信する場合は認証が必要) still asks for the login:
			 * logging in where it is not needed does no harm */
			if (!x->auth_hint) {
				x->auth_hint = true;
				x->auth_hint_loc = nr_loc_at(x, l, b + i);
			}
			if (nr_has(c, cn, "smtp") || nr_has(c, cn, "outgoing") || nr_has(c, cn, "送信サーバ"))
				send_said(x, &x->auth_hint_loc);
			break;
		}
		i = e < n ? e + nr_starts_any(s + e, n - e, clause_end) : n;
	}
	/* (and the option only sending's dialog has: Android's "Require
	 * sign-in", Thunderbird's "Use name and password") */
	if (x->auth_hint && x->auth_hint_loc.line == l->line &&
	    (nr_has(s, n, "smtp-auth") || nr_has(s, n, "smtp auth") || nr_has(s, n, "smtp認証") ||
	     nr_has(s, n, "require sign-in") || nr_has(s, n, "requires sign-in") || nr_has(s, n, "use name and password")) &&
	    !nr_has(s, n, "not ") && !nr_has(s, n, "ません") && !nr_has(s, n, "廃止"))
		send_said(x, &x->auth_hint_loc);
	/* (after POP before SMTP is looked for: "does not require
	 * authentication; as long as you have logged in to check your mail
	 * …" is that, not sending without a login) */
	/* (nor for one network only: "no login is needed from inside the
	 * campus network" says nothing of sending from elsewhere) */
	static const char *const where[] = {"inside", "within", "on campus", "on-campus", "internal", "our network",
	                                    "only", NULL};
	if (ls == 0 && ld == NC_SMTP && !x->auth_hint && !x->pbs_hint && !nr_has_any(s + la, n - la, where))
		nr_set_field(x, l, b + la, "none", 4, NF_SMTP_AUTH, NC_SMTP);
}

/* "You'll need to pick up mail using APOP", "Define the type of service
 * as IMAP, with password authentication", "Yahoo IMAP uses OAuth2",
 * "LOGIN、基本認証", 「APOP」または「通常」: a sentence (or a short line)
 * naming a login method, for the incoming servers its words or its
 * section name, is theirs when no row states one (resolve.c); the first
 * named wins. "Require logon using Secure Password Authentication"
 * checked is the encrypted password. Not a denial of the method
 * ("CRAM-MD5 is not supported", "Do not use SPA", 平文パスワードを防ぎ),
 * not a condition, not a matrix of marks (○ ×). */
void nr_method_prose(struct ex *x, const mp_nline *l, size_t b)
{
	static const struct {
		const char *w;
		int m;
	} said[] = {{"secure password", -2}, {"secure authentication", -2}, {"(spa)", -2},
	            {"保護された認証", -2}, {"保護されたパスワード", -2},
	            {"apop", MP_AUTH_PASSWORD_ENCRYPTED}, {"cram-md5", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"digest-md5", MP_AUTH_PASSWORD_ENCRYPTED}, {"encrypted password", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"暗号化されたパスワード", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"clear text auth", MP_AUTH_PASSWORD_CLEARTEXT}, {"cleartext auth", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"plain text auth", MP_AUTH_PASSWORD_CLEARTEXT}, {"password authentication", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"password for authentication", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"normal password", MP_AUTH_PASSWORD_CLEARTEXT}, {"regular password", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"auth plain", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"auth-plain", MP_AUTH_PASSWORD_CLEARTEXT}, {"auth login", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"平文", MP_AUTH_PASSWORD_CLEARTEXT}, {"通常のパスワード", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"基本認証", MP_AUTH_PASSWORD_CLEARTEXT}, {"「通常」", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"oauth", MP_AUTH_OAUTH2}, {"先進認証", MP_AUTH_OAUTH2}, {"modern authentication", MP_AUTH_OAUTH2},
	            {"md5 challenge", MP_AUTH_PASSWORD_ENCRYPTED}, {"md5-challenge", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"challenge-response", MP_AUTH_PASSWORD_ENCRYPTED}, {"ntlm", MP_AUTH_NTLM},
	            {"kerberos", MP_AUTH_GSSAPI}, {"gssapi", MP_AUTH_GSSAPI},
	            {"basic auth", MP_AUTH_PASSWORD_CLEARTEXT}};
	static const char *const deny[] = {"not ", "n't", "never", "no longer", "disable", "uncheck", " off", "= no", ": no",
	                                   "prevent", "avoid", "ません", "しない", "ない", "不可", "非対応", "未対応",
	                                   "外し", "無効", "防", NULL};
	static const char *const chosen_w[] = {"authentication mechanism", "authentication method", "authentication type",
	                                       "auth mechanism", "auth method", "sasl mechanism", NULL};
	static const char *const bare[] = {"plain", "login", "plain text", "plaintext", "clear text", "cleartext"};
	const char *s = l->s + b;
	size_t n = l->len - b;
	if (x->ctx == NC_WEB || nr_has(s, n, "○") || nr_has(s, n, "×")) /* a matrix of marks says which, not one */
		return;
	struct dacc *a = nr_cur_acc(x);
	for (size_t i = 0; i < n;) {
		size_t e = i;
		/* clause by clause ("… with OAuth2; app passwords are not
		 * accepted": the denial is the next clause's) */
		static const char *const ends[] = {"。", ". ", "; ", NULL};
		while (e < n && !nr_starts_any(s + e, n - e, ends))
			e++;
		const char *c = s + i;
		size_t cn = e - i;
		i = e < n ? e + nr_starts_any(s + e, n - e, ends) : n;
		size_t at = cn;
		int m = -1;
		for (size_t k = 0; k < cn && at == cn; k++)
			for (size_t w = 0; w < MP_COUNT(said); w++) {
				size_t wl = strlen(said[w].w);
				if (wl <= cn - k && mp_strncasecmp(c + k, said[w].w, wl) == 0 &&
				    (k == 0 || !isalnum((unsigned char)c[k - 1]))) {
					at = k, m = said[w].m;
					break;
				}
			}
		/* "Please use \"plain\" as authentication mechanisms", "Set
		 * the authentication method to LOGIN": a mechanism's bare name
		 * where the clause says it is the one to choose */
		bool chosen = nr_has_any(c, cn, chosen_w);
		for (size_t k = 0; k < cn && m == -1 && chosen; k++)
			for (size_t w = 0; w < MP_COUNT(bare); w++) {
				size_t wl = strlen(bare[w]);
				if (wl <= cn - k && mp_strncasecmp(c + k, bare[w], wl) == 0 &&
				    (k == 0 || !isalnum((unsigned char)c[k - 1])) && (k + wl == cn || !isalnum((unsigned char)c[k + wl]))) {
					at = k, m = MP_AUTH_PASSWORD_CLEARTEXT;
					break;
				}
			}
		if (m == -1 || (nr_has(c, cn, "if ") && !nr_prompt_only(c, cn)) || nr_has(c, cn, "unless"))
			continue;
		if (nr_has_any(c, cn, deny))
			continue;
		bool spa = m == -2; /* ("set up a more secure authentication method": no one named) */
		if (m == -2) /* Outlook's option: the encrypted password */
			m = MP_AUTH_PASSWORD_ENCRYPTED;
		/* the servers: its section's protocol ("Retrieving Mail: IMAP" /
		 * "Much like setting up POP, … CRAM-MD5"), else the sentence's
		 * words; APOP is POP's, a "logon" Outlook's incoming option */
		enum mp_nctx w = mp_notice_words_ctx(c, cn), d = x->ctx;
		/* "Password authentication required, use same login details as
		 * incoming mail" under sending: receiving named as the model,
		 * not as the server the method is for */
		if ((w == NC_IN || w == NC_POP || w == NC_IMAP) && nr_as_incoming(c, cn))
			w = NC_NONE;
		/* "AUTH-PLAINまたはAUTH LOGIN" under 送信メールサーバ, "送信方式 SMTP
		 * over SSL (CRAM-MD5認証)": sending's, which then logs in */
		if ((w == NC_NONE || w == NC_WEB) && nr_has(c, cn, "logon"))
			w = NC_IN;
		if (w == NC_SMTP || (d == NC_SMTP && w == NC_NONE)) {
			if (a->s[S_SMTP].said_method < 0)
				a->s[S_SMTP].said_method = m;
			continue;
		}
		if (d != NC_IN && d != NC_POP && d != NC_IMAP)
			d = w;
		else if (d == NC_IN && (w == NC_POP || w == NC_IMAP)) /* finer */
			d = w;
		if (nr_has(c + at, cn - at, "apop"))
			d = NC_POP;
		/* (the mechanism to choose, said under no section and naming no
		 * server: every server's) */
		static const char *const verb[] = {" as ", " to ", "use ", "select ", "choose ", NULL};
		bool all = chosen && !spa && d == NC_NONE && !memchr(c, ':', cn) && nr_has_any(c, cn, verb);
		if (all && a->s[S_SMTP].said_method < 0)
			a->s[S_SMTP].said_method = m;
		for (int k = S_IMAP; k <= S_POP; k++)
			if ((d == NC_IN || all || nr_srv_of(d) == k) && a->s[k].said_method < 0)
				a->s[k].said_method = m;
	}
}

/* "この説明では、test@example.jp と言うメールアドレスを使ってみました",
 * "例として、ユーザーIDが「user」、パスワードが「12345」の場合", "…の例を
 * 紹介します (鈴木 suzuki さんの場合)", "if your e-mail address is
 * jdoe@example.edu, then your username is jdoe", "addresses are of the
 * form u1234567@example.edu": a line saying it shows an example person
 * names the values the page then uses as such: an address, a quoted
 * token, a token before さん, a login after "is" or ":" (no host: a dot
 * ends it). A sentence wrapped before its full stop goes on to the next
 * line ("For instance, if you are a graduate with number 198612345," /
 * "your account name will become: a8612345"); a line announcing an
 * example's settings (ending in ':') makes the block under it the
 * example's, to a blank line. resolve.c drops an account's own values
 * (address, name, login, password) when one of them is one. */
/* "Example: a student with ID M0012001 …", "As an example, we will be
 * using …", "In this example, prljust becomes …", a line starting
 * "example, if the address … is taken" (its "For" on the line above):
 * the word "example" as a word of the sentence, ending its phrase (',' or
 * ':') or after "this", "an", "our", not a domain's label
 * ("mail.example.com", "example.org"). */
static bool example_word(const char *s, size_t n)
{
	static const char *const before[] = {"this ", "an ", "our ", NULL};
	for (size_t i = 0; i + 7 <= n; i++) {
		if (mp_strncasecmp(s + i, "example", 7) != 0)
			continue;
		unsigned char p = i ? (unsigned char)s[i - 1] : ' ';
		if (isalnum(p) || p == '.' || p == '@' || p == '-' || p == '_')
			continue;
		char c = i + 7 < n ? s[i + 7] : ' ';
		if (c == ',' || c == ':')
			return true;
		if (c != ' ')
			continue;
		for (const char *const *w = before; *w; w++) {
			size_t wl = strlen(*w);
			if (i >= wl && mp_strncasecmp(s + i - wl, *w, wl) == 0 &&
			    (i == wl || !isalnum((unsigned char)s[i - wl - 1])))
				return true;
		}
	}
	return false;
}

/* An example person's value v (vn bytes, at off on line l), unless known
 * already: NR_MAX_EXAMPLES at most, the rest said unused once. */
static void add_example(struct ex *x, const mp_nline *l, size_t off, const char *v, size_t vn)
{
	for (size_t k = 0; k < x->nexamples; k++)
		if (strlen(x->examples[k]) == vn && memcmp(x->examples[k], v, vn) == 0)
			return;
	if (x->nexamples >= NR_MAX_EXAMPLES) {
		nr_info(x, l, off, NULL, "more than %d example values; %s not used", NR_MAX_EXAMPLES,
		        "this one and those after it");
		x->examples_full = true;
		return;
	}
	x->examples = mp_xgrow(x->examples, x->nexamples, sizeof *x->examples);
	x->examples[x->nexamples++] = mp_xstrndup(v, vn);
}

void nr_example_person(struct ex *x, const mp_nline *l, size_t b)
{
	static const char *const marks[] = {"例", "使ってみ", "と仮定", "for example", "e.g.", "for instance", "suppose ",
	                                    "pretend", "of the form", "in the form", "in the format",
	                                    /* a supposed case: "Assume that we have sent a mail to
	                                     * abc@…", "Imagine your address were …", "let's say
	                                     * your login is …" */
	                                    "assume ", "assuming ", "imagine ", "let's say", "let us say", "say that ",
	                                    /* "the user's real name is Albert Einstein (substitute
	                                     * your name, of course)", "put your own name in their
	                                     * place": the values beside it are a stand-in's */
	                                    "substitute your", "substituting your", "in their place", NULL};
	const char *s = l->s;
	size_t n = l->len;
	/* "if your address is …", "if you are …": a condition naming the
	 * reader's own values shows an example of them */
	bool cond = (nr_has(s + b, n - b, "if your ") && (nr_has(s + b, n - b, " is ") || nr_has(s + b, n - b, " was "))) ||
	            nr_has(s + b, n - b, "if you are ");
	/* (not "example" alone: the page's domains may be example.com) */
	bool marked = nr_has_any(s + b, n - b, marks) || cond || example_word(s + b, n - b);
	if (x->example_block == 1)
		x->example_block = 2;
	if (!x->example_goes_on && !marked && !x->example_block)
		return;
	bool went_on = x->example_goes_on && !marked;
	if (x->example_goes_on && !marked && !x->example_block) {
		/* (the line above wrapped the sentence: only to its full stop) */
		for (size_t k = b; k + 1 < n; k++)
			if (s[k] == '.' && s[k + 1] == ' ') {
				n = k + 1;
				break;
			}
	}
	size_t last = l->len;
	while (last > b && s[last - 1] == ' ')
		last--;
	/* "For example, a member of staff will have the following settings:" */
	if (marked && last > b && s[last - 1] == ':' && !x->example_block)
		x->example_block = 1;
	/* "we will pretend your username is 'fred'" / "and your domain name
	 * is 'example.com'. …": a sentence wrapped before its full stop */
	x->example_goes_on = marked && n == l->len && last > b && !strchr(".。!?:", s[last - 1]);
	size_t first = x->nexamples;
	for (size_t i = b; i < n && !x->examples_full; i++) {
		unsigned char pc = i > b ? (unsigned char)s[i - 1] : ' ';
		if (!isalnum((unsigned char)s[i]) ||
		    (pc < 0x80 && pc != ' ' && pc != '(' && pc != '"' && pc != '[' && pc != '\'' && pc != '<'))
			continue;
		size_t t = 0;
		while (i + t < n && t < 256 && (isalnum((unsigned char)s[i + t]) || strchr("@.-_+\\", s[i + t])))
			t++;
		while (t && s[i + t - 1] == '.')
			t--;
		bool quoted = (i >= 3 && memcmp(s + i - 3, "「", 3) == 0 && i + t + 3 <= n && memcmp(s + i + t, "」", 3) == 0) ||
		              (pc == '\'' && i + t < n && s[i + t] == '\''); /* "your username is 'fred'" */
		size_t a = nr_skip_sp(s, i + t, n);
		bool san = a + 6 <= n && memcmp(s + a, "さん", 6) == 0;
		/* "then your username is jdoe", "user name: nusstf\jtan": a login
		 * after "is" or a colon, letters in it, no dot (not a host) */
		bool login = false;
		if (!memchr(s + i, '.', t) && !memchr(s + i, '@', t))
			for (size_t k = i; k < i + t && !login; k++)
				login = isalpha((unsigned char)s[k]);
		static const char *const is[] = {" is", ":", " be", " become", " becomes", NULL};
		bool after_is = false;
		for (const char *const *w = is; *w && login && !after_is; w++) {
			size_t wl = strlen(*w), p = i;
			while (p > b && s[p - 1] == ' ')
				p--;
			after_is = p >= b + wl && p < i && mp_strncasecmp(s + p - wl, *w, wl) == 0;
		}
		if (t >= 3 && (nr_valid_email(s + i, t) || quoted || san || (login && after_is)))
			add_example(x, l, i, s + i, t);
		i += t;
	}
	/* "As an example, we will be using admin@acme.com and you would
	 * substitute youremailprefix@yourdomain.ext": an example address
	 * set against the reader's own domain is in an example domain, so
	 * the hosts in it (mail.acme.com) are examples too (resolve.c's
	 * placeholder_host); without such words the example's domain is the
	 * provider's own ("if your address is jdoe@example.edu") */
	/* (the sentence may go on to the next line: "…; put your" / "own
	 * address (you@yourdomain.com) in its place") */
	static const char *const own_domain[] = {"yourdomain", "your domain", "your own domain", "your-domain", NULL};
	if ((!marked && !went_on) || !nr_has_any(s + b, n - b, own_domain))
		return;
	for (size_t k = went_on ? 0 : first; k < x->nexamples && !x->fill_in_full; k++) {
		const char *at = strchr(x->examples[k], '@');
		if (!at || mp_strncasecmp(at + 1, "your", 4) == 0 || !nr_valid_host(at + 1, strlen(at + 1)))
			continue;
		nr_add_fill_in(x, l, b, at + 1, strlen(at + 1));
	}
}

/* "SSL/TLS encryption is required.", "Requires SSL" alone under one
 * server's heading ("IMAP Protocol"): that server's security. A short
 * statement naming one security, not a sentence about the server ("We
 * no longer support SSL"). True when taken. */
static bool statement_of(struct ex *x, const mp_nline *l, size_t b, size_t n);

/* The end of the sentence of l starting at i: its full stop (or the ";"
 * ending a clause: "Both require SSL; IMAP uses port 993"), else the
 * line's end. */
static size_t sentence_end(const mp_nline *l, size_t i)
{
	while (i < l->len && !((l->s[i] == '.' || l->s[i] == ';') && (i + 1 == l->len || l->s[i + 1] == ' ')))
		i++;
	return i;
}

bool nr_security_statement(struct ex *x, const mp_nline *l, size_t b)
{
	/* each sentence of the line on its own */
	bool any = false;
	for (size_t i = b; i < l->len;) {
		size_t e = sentence_end(l, i);
		any |= statement_of(x, l, i, e - i);
		i = nr_skip_sp(l->s, e + 1, l->len);
	}
	return any;
}

/* Is s[0, n) "SSL or TLS", "TLS or SSL/TLS": two names of implicit-or-not
 * TLS joined by "or" (each "ssl", "tls", "ssl/tls", "tls/ssl")? */
static bool tls_pair(const char *s, size_t n)
{
	static const char *const names[] = {"ssl", "tls", "ssl/tls", "tls/ssl", NULL};
	size_t a = 0;
	while (a + 4 <= n && mp_strncasecmp(s + a, " or ", 4) != 0)
		a++;
	if (a + 4 > n)
		return false;
	size_t c = a + 4;
	bool l = false, r = false;
	for (const char *const *w = names; *w; w++) {
		l |= strlen(*w) == a && mp_strncasecmp(s, *w, a) == 0;
		r |= strlen(*w) == n - c && mp_strncasecmp(s + c, *w, n - c) == 0;
	}
	return l && r;
}

static bool statement_of(struct ex *x, const mp_nline *l, size_t b, size_t n)
{
	const char *s = l->s + b;
	/* "Require a secure connection using either SSL or TLS": two names
	 * of one mode are one value, no choice, and one word */
	size_t pair_b = 0, pair_e = 0, pair_w = 0;
	if (n < 256) {
		size_t ob = n;
		for (size_t i = 0; i + 4 <= n && ob == n; i++)
			if (mp_strncasecmp(s + i, " or ", 4) == 0)
				ob = i;
		size_t nb = ob, ne = ob + 4;
		while (nb > 0 && s[nb - 1] != ' ' && s[nb - 1] != '(')
			nb--;
		while (ne < n && s[ne] != ' ' && !strchr(".,;)", s[ne]))
			ne++;
		if (ob < n && !nr_has(s + ob + 4, n - ob - 4, " or ") && tls_pair(s + nb, ne - nb)) {
			pair_b = nb, pair_e = ne, pair_w = 2;
			if (nb >= 7 && mp_strncasecmp(s + nb - 7, "either ", 7) == 0)
				pair_b = nb - 7, pair_w = 3;
		}
	}
	static const char *const deny[] = {"n't", "no ", "not ", "never", "without", "support", " or ", "if ", NULL};
	size_t words = 1, secs = 0, sb = 0, se = 0;
	for (size_t i = 0; i < n && words <= 16; i++) {
		size_t vb, ve;
		words += s[i] == ' ';
		if (pair_w && i == pair_b) {
			secs++, sb = pair_b, se = pair_e, i = pair_e - 1;
			continue;
		}
		if ((!i || nr_word_start(s, i)) && nr_typed_value(s, i, n, false, &vb, &ve) == NV_SEC)
			secs++, sb = vb, se = ve;
	}
	/* (the pair's own spaces were jumped over, so it already counted as
	 * one word; pair_w more come off on purpose: "You must use a secure
	 * connection with either TLS or SSL" stays within the six words of
	 * a server's sentence below, samples/notice/r13-sec-sentence-en.txt) */
	words = words > pair_w ? words - pair_w : words;
	bool denied = pair_w ? nr_has_any(s, pair_b, deny) || nr_has_any(s + pair_e, n - pair_e, deny)
	                     : nr_has_any(s, n, deny);
	for (size_t i = 0; i + 1 < n && !denied; i++) /* ports are said by port rows ("SSL (port 993)") */
		denied = isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]);
	if (secs != 1 || denied || !(nr_has(s, n, "require") || nr_has(s, n, "must") || nr_has(s, n, "mandatory")))
		return false;
	/* "SSL connection is required for all POP3 and SMTP connections":
	 * the servers it names, in a sentence of its own */
	static const struct { const char *w; enum mp_nctx c; } named[] = {
		{"imap", NC_IMAP}, {"pop", NC_POP}, {"smtp", NC_SMTP}};
	bool any = false;
	for (size_t k = 0; k < MP_COUNT(named) && words <= 16 && !memchr(s, ':', n); k++)
		if (nr_has(s, n, named[k].w)) {
			nr_set_field(x, l, b + sb, s + sb, se - sb, NF_SECURITY, named[k].c);
			any = true;
		}
	if (any)
		return true;
	if (nr_srv_of(x->ctx) < 0 || words > 6 || mp_notice_words_ctx(s, n) != NC_NONE)
		return false;
	nr_set_field(x, l, b + sb, s + sb, se - sb, NF_SECURITY, x->ctx);
	return true;
}

/* "• Secure Connection (SSL)", "Encrypted connection (TLS)" as an item of
 * a server's list, with no colon: the label states its own value in
 * brackets; it does not announce one on the next line. */
bool nr_bracketed_security(struct ex *x, const mp_nline *l, size_t lb, size_t le)
{
	const char *s = l->s;
	/* the item is the rest of its line (bounded: no scan of a long line) */
	if (nr_srv_of(x->ctx) < 0 || le - lb > 80 || nr_skip_sp(s, le, l->len) != l->len ||
	    memchr(s + lb, ':', le - lb) || nr_has(s + lb, le - lb, "："))
		return false;
	const char *ob = memchr(s + lb, '(', le - lb);
	if (!ob || s[le - 1] != ')')
		return false;
	size_t vb = (size_t)(ob - s) + 1, ve = le - 1, words = 1;
	for (size_t k = lb; k < vb; k++)
		words += s[k] == ' ';
	if (words > 4 || ve <= vb)
		return false;
	size_t tb, te;
	if (nr_typed_value(s, vb, ve, false, &tb, &te) != NV_SEC || nr_parse_security(s + tb, te - tb) < 0)
		return false;
	nr_set_field(x, l, tb, s + tb, te - tb, NF_SECURITY, x->ctx);
	return true;
}

static void general_sentence(struct ex *x, const mp_nline *l, size_t b, size_t n, enum mp_nctx owner);

/* "authentication set to Password", "authentication is PLAIN",
 * "Authentication: Password": the login method of dir's servers (NC_NONE:
 * every server's) */
static void auth_statement(struct ex *x, const mp_nline *l, size_t b, size_t n, enum mp_nctx dir)
{
	const char *s = l->s + b;
	for (size_t i = 0; i + 14 < n; i++)
		if (mp_strncasecmp(s + i, "authentication", 14) == 0) {
			size_t j = nr_skip_sp(s, i + 14, n);
			size_t k = j + 7 <= n && mp_strncasecmp(s + j, "set to ", 7) == 0 ? j + 7
			           : j + 3 <= n && mp_strncasecmp(s + j, "is ", 3) == 0 ? j + 3
			           : j < n && s[j] == ':' ? nr_skip_sp(s, j + 1, n) : 0;
			if (k) {
				size_t e = k;
				while (e < n && s[e] != ',' && s[e] != '.' && s[e] != ';')
					e++;
				nr_set_field(x, l, b + k, s + k, e - k, NF_AUTH_METHOD, dir);
			}
			break;
		}
}

/* A security or a login method stated for the notice as a whole, each
 * sentence of the line on its own ("… enable SSL for both the incoming
 * and outgoing servers. If your program cannot, …": the condition is the
 * next sentence's) */
void nr_general_security(struct ex *x, const mp_nline *l, size_t b, size_t end)
{
	/* the server the line's last sentence naming one names: "Outgoing
	 * server: smtp.…, port 587, TLS. Authentication: Password." states
	 * sending's login, not every server's */
	enum mp_nctx owner = NC_NONE;
	for (size_t i = b; i < end;) {
		size_t e = sentence_end(l, i);
		if (e > end)
			e = end;
		general_sentence(x, l, i, e - i, owner);
		enum mp_nctx c = mp_notice_words_ctx(l->s + i, e - i);
		if (c == NC_IN || c == NC_IMAP || c == NC_POP || c == NC_SMTP)
			owner = nr_names_both_ways(l->s + i, e - i) ? NC_NONE : c;
		i = nr_skip_sp(l->s, e + 1, l->len);
	}
}

/* The joining words between a port and its security ("587 with
 * STARTTLS", "TLS on port 587"), for port_own_sec. */
static const char *const port_joins[] = {"with ", "using ", "over ", "via ", "on ", "at ", "port ", "ports ", NULL};

/* "smtp.…:587 (STARTTLS)", "port 587 with STARTTLS also works", "(TLS,
 * port 587)": a security right beside a port number is that port's own
 * (value_pairs offered the two together), not the notice's for every
 * server. Not "995, both with SSL/TLS": a word of its own between. */
static bool port_own_sec(const char *s, size_t vb, size_t ve, size_t n)
{
	/* "both require SSL/TLS on ports 993 and 995": a security its clause
	 * gives several servers is the sentence's */
	size_t cb = vb;
	while (cb > 0 && vb - cb < 80 && !strchr(",.;:", s[cb - 1]))
		cb--;
	if (nr_has(s + cb, vb - cb, "both") || nr_has(s + cb, vb - cb, "all ") || nr_has(s + cb, vb - cb, "each"))
		return false;
	size_t t = vb;
	while (t > 0 && vb - t < 16) {
		if (strchr(" (,:-/", s[t - 1])) {
			t--;
			continue;
		}
		size_t w = t;
		while (w > 0 && isalpha((unsigned char)s[w - 1]))
			w--;
		bool join = false;
		for (const char *const *j = port_joins; *j && !join; j++)
			join = t - w + 1 == strlen(*j) && mp_strncasecmp(s + w, *j, t - w) == 0;
		if (!join || w == t)
			break;
		t = w;
	}
	if (t < vb && t > 0 && isdigit((unsigned char)s[t - 1])) {
		size_t d = t;
		while (d > 0 && t - d < 5 && isdigit((unsigned char)s[d - 1]))
			d--;
		int p;
		if (nr_port_at(s, d, n, &p) && p > 0)
			return true;
	}
	t = ve;
	while (t < n && t - ve < 16) {
		if (strchr(" ,:-/", s[t])) {
			t++;
			continue;
		}
		size_t k = 0;
		for (const char *const *j = port_joins; *j && !k; j++)
			if (n - t >= strlen(*j) && mp_strncasecmp(s + t, *j, strlen(*j)) == 0)
				k = strlen(*j);
		if (!k)
			break;
		t += k;
	}
	int p;
	return t > ve && t < n && isdigit((unsigned char)s[t]) && nr_port_at(s, t, n, &p) && p > 0;
}

/* A sentence outside any section, naming no server, that states a
 * security ("Devices need to be set to use SSL / TLS, with authentication
 * set to Password"): the notice's security for every server that states
 * none of its own (resolve.c), and its login method. Not a condition. */
static void general_sentence(struct ex *x, const mp_nline *l, size_t b, size_t n, enum mp_nctx owner)
{
	const char *s = l->s + b;
	/* a sentence naming both directions names every server, whatever
	 * the section */
	bool both = nr_names_both_ways(s, n);
	bool general = both || (x->ctx == NC_NONE && mp_notice_words_ctx(s, n) == NC_NONE);

	/* "Only encrypted connections are accepted", 「暗号化なしの接続はで
	 * きません」: encryption demanded, its kind decided by each port */
	/* 「SSLには対応していません」, "Do not enable SSL": none */
	/* (a sentence preferring it, "We recommend STARTTLS", "STARTTLS is
	 * the preferred way": a port of that security wins over a more
	 * secure one offered as well, resolve.c) */
	static const char *const prefer[] = {"recommend", "prefer", "advise", "advice", "should", "推奨", "おすすめ", "お勧め", NULL};
	bool prefers = nr_has_any(s, n, prefer) && !nr_has(s, n, "not ") && !nr_has(s, n, "n't");
	int said = nr_sentence_sec(s, n);
	if (said != -1 && general && !x->gen_sec.set) {
		mailprof_loc loc = nr_loc_at(x, l, b);
		mp_int_set(&x->gen_sec, said, &loc);
		x->gen_sec_pref = prefers;
	}
	if (said == MP_SEC_NONE || (said != -1 && general))
		return;
	/* (nor a mode something refuses: "Some networks block SSL", "if
	 * you have trouble with TLS", "Your router can't pass SSL") */
	static const char *const cond[] = {"if ", "unless", "instead", "optional", "not ", "n't", "cannot", "unable",
	                                   "block", "trouble", "problem", "fail", "場合", "もしくは", "または", NULL};
	for (const char *const *c = cond; *c; c++)
		if (nr_has(s, n, *c))
			return;
	if (statement_of(x, l, b, n) || x->told_sec == l || !general)
		return;
	/* "SSL使用時 SSL非使用時 …", "SSL and non-SSL connections are
	 * accepted for POP and SMTP": a plain mode beside it, no one security */
	if (nr_span_sec(s, n) == MP_SEC_NONE)
		return;
	for (size_t i = 0; i < n && !x->gen_sec.set; i++) {
		size_t vb, ve;
		if ((i && !nr_word_start(s, i)) || nr_typed_value(s, i, n, false, &vb, &ve) != NV_SEC)
			continue;
		if (port_own_sec(s, vb, ve, n)) {
			i = ve > i ? ve - 1 : i;
			continue;
		}
		size_t e = vb; /* its clause, a short one: a long line of modes stays linear */
		while (e < n && e - vb < 80 && s[e] != ',' && s[e] != '.' && s[e] != ';')
			e++;
		int sec = nr_parse_security(s + vb, e - vb);
		if (sec >= 0) {
			mailprof_loc loc = nr_loc_at(x, l, b + vb);
			mp_int_set(&x->gen_sec, sec, &loc);
			x->gen_sec_pref = prefers;
		}
		i = ve > i ? ve - 1 : i;
	}
	/* (a sentence of a server's line: its login method is that
	 * server's) */
	auth_statement(x, l, b, n, both ? NC_NONE : owner);
}

/* "メールの受信には IMAP または POP3 が使えます", "Both POP3 and IMAP are
 * supported", "You can use IMAP or POP": a sentence offering incoming
 * protocols offers those servers (the notice's host serves them). Not a
 * sentence saying one is not available. */
static void sentence_offers(struct ex *x, const mp_nline *l, size_t b, size_t n);

/* The protocol pair at s[i, pe) of the sentence s[sb, se) named in passing,
 * not offered: as a kind of program or service ("a POP/IMAP client
 * program", "POP or IMAP email services", 「POP/IMAP対応のメールソフト」),
 * as examples or old ways ("legacy protocols like pop3, imap4", "such as
 * POP or IMAP"), or as the name of a setting ("the server type POP/IMAP",
 * 「種類POP/IMAPを選択」: the page goes on with its own choice). Looks a
 * few words either side: linear. */
static bool named_in_passing(const char *s, size_t sb, size_t i, size_t pe, size_t se)
{
	static const char *const kinds[] = {"client", "program", "software", "application", "app ", "apps", "reader",
	                                    "mailer", "service", "ソフト", "クライアント", "アプリ", "対応のメールソフト",
	                                    NULL};
	static const char *const fill[] = {"e-mail ", "email ", "mail ", "メール", "対応の", "対応", "compatible ",
	                                   "capable ", "based ", "-based ", "protocol ", NULL};
	/* (whole words: not "unlike", "hold", "prototype") */
	static const char *const lead[] = {" like ", " such as ", "e.g.", " eg.", " for example", " legacy", " older ",
	                                   " old ", " traditional", " obsolete", " type ", " types ", "種類", "方式の", NULL};
	size_t k = pe;
	while (k < se && (s[k] == ' ' || s[k] == '-' || s[k] == ')' || s[k] == '"'))
		k++;
	for (int r = 0; r < 2 && k < se; r++) { /* "email client", "-compatible mail software" */
		size_t f = nr_starts_any_ci(s + k, se - k, fill);
		k += f;
		while (k < se && s[k] == ' ')
			k++;
	}
	if (k < se && nr_starts_any_ci(s + k, se - k, kinds))
		return true;
	size_t w = i > sb + 40 ? i - 40 : sb; /* the few words before the pair */
	if (w == sb) { /* the sentence's first word: "Legacy protocols like …" */
		for (const char *const *p = lead; *p; p++)
			if (**p == ' ' && nr_starts_any_ci(s + w, i - w, (const char *const[]){*p + 1, NULL}))
				return true;
	}
	return nr_has_any(s + w, i - w, lead);
}

static size_t in_name_at(const char *s, size_t i, size_t n, int *srv);

/* The end of a pair of protocol names whose first ends at e ("POP/IMAP",
 * "IMAP or POP3"), else e. */
static size_t pair_end(const char *s, size_t e, size_t n)
{
	static const char *const joins[] = {" and/or ", " or ", " and ", "/", ", ", " & ", "・", "、", "または", NULL};
	size_t j = nr_starts_any_ci(s + e, n - e, joins);
	int srv;
	size_t k = j ? in_name_at(s, e + j, n, &srv) : 0;
	return k ? e + j + k : e;
}

static void mx_passing(struct ex *x, size_t from)
{
	for (size_t e = from; e < x->nmx; e++)
		x->mx[e].passing = true;
}

void nr_protocols_offered(struct ex *x, const mp_nline *l, size_t b)
{
	/* sentence by sentence: "IMAP is available. POP3 is not." */
	const char *s = l->s;
	for (size_t i = b, from = b; i <= l->len; i++) {
		size_t k = i < l->len ? nr_starts_any(s + i, l->len - i, (const char *const[]){"。", ". ", NULL}) : 1;
		if (!k)
			continue;
		if (i > from)
			sentence_offers(x, l, from, i - from);
		from = i + k;
		i = from - 1;
	}
}

static void sentence_offers(struct ex *x, const mp_nline *l, size_t b, size_t n)
{
	/* ("その他の設定は POP3 と同じです", "the same as for POP3": the
	 * settings of a server the page takes as given; "POP3 で受信すること
	 * も可能です", "POP3 is possible too": one allowed beside the other) */
	static const char *const offer[] = {"使えます", "使用できます", "利用できます", "ご利用いただけます", "ご利用になれます",
	                                    "対応しています", "に対応", "available", "can use", "may use", "supported",
	                                    "you can choose", "と同じ", "same as", "supports", "we support", "offers both", "可能です",
	                                    "ことが可能", "ことは可能", "is possible",
	                                    NULL};
	/* nor one comparing them ("IMAP rather than POP", "POP is simpler
	 * than IMAP", "IMAP is an alternative to the POP protocol") */
	static const char *const neg[] = {"ません", "できない", "不可", "非対応", "not ", "n't", "no longer", "unless", "than",
	                                  "instead", "alternative to", NULL};
	/* or one naming both as a choice or a pair of protocols or services
	 * ("by one of two protocols: IMAP or POP", "can handle both POP and
	 * IMAP protocols", "select IMAP or POP", "(POP3, IMAP4, SMTP
	 * protocols)", "2 options: IMAP or POP3 to receive"): counted below,
	 * when both are named */
	static const char *const pair[] = {"protocol", "service", "both", "either", "select", "choose", "option", "receiv", NULL};
	const char *s = l->s + b;
	/* "送信サーバの設定は変更せずそのままご利用ください", "Leave the outgoing
	 * server unchanged": the sending server the reader already has is
	 * offered, without a host */
	static const char *const out[] = {"送信サーバ", "送信メールサーバ", "outgoing server", "outgoing mail server",
	                                  "smtp server", NULL};
	static const char *const keep[] = {"そのまま", "変更せず", "変更不要", "変更の必要はありません", "unchanged",
	                                   "no need to change", "do not change", "don't change", NULL};
	if (nr_has_any(s, n, out) && nr_has_any(s, n, keep)) {
		mailprof_loc loc = nr_loc_at(x, l, b);
		send_said(x, &loc);
	}
	bool offered = nr_has_any(s, n, offer), paired = !offered && nr_has_any(s, n, pair);
	bool had = offered;
	for (const char *const *w = neg; *w && (offered || paired); w++)
		offered = offered && !nr_has(s, n, *w), paired = paired && !nr_has(s, n, *w);
	/* "You don't need the details, since we support both POP3 and IMAP":
	 * a negation in another clause; the clause holding the offer, naming
	 * a protocol, is read alone */
	for (const char *const *w = offer; had && !offered && *w; w++) {
		const char *p = strstr(s, *w);
		if (!p || (size_t)(p - s) >= n)
			continue;
		size_t cb = (size_t)(p - s), ce = cb;
		while (cb > 0 && s[cb - 1] != ',' && s[cb - 1] != ';')
			cb--;
		while (ce < n && s[ce] != ',' && s[ce] != ';')
			ce++;
		if (cb > 0 && (nr_has(s + cb, ce - cb, "imap") || nr_has(s + cb, ce - cb, "pop")))
			sentence_offers(x, l, b + cb, ce - cb);
		return;
	}
	if (!offered && !paired)
		return;
	bool seen[S_N] = {false};
	size_t at[S_N] = {0};
	for (size_t i = 0; i + 3 <= n; i++) {
		if (i && isalnum((unsigned char)s[i - 1]))
			continue;
		int srv = i + 4 <= n && mp_strncasecmp(s + i, "imap", 4) == 0 ? S_IMAP
		          : mp_strncasecmp(s + i, "pop", 3) == 0              ? S_POP
		                                                               : -1;
		size_t e = i + (srv == S_IMAP ? 4 : 3); /* "IMAP4", "POP3s", not "popular" */
		while (e < n && (isdigit((unsigned char)s[e]) || s[e] == 's' || s[e] == 'S'))
			e++;
		if (srv >= 0 && e < n && isalpha((unsigned char)s[e]))
			continue;
		/* "POP before SMTP" is a way of sending, not a protocol offered */
		if (srv < 0 || seen[srv] || (srv == S_POP && nr_has(s + i, n - i < 20 ? n - i : 20, "before")))
			continue;
		seen[srv] = true;
		at[srv] = i;
		if (offered) {
			/* "Any POP/IMAP client can be used": what is offered is
			 * the program, the protocols are its kind */
			size_t m0 = x->nmx, pe = pair_end(s, e, n);
			nr_mx_add(x, l, b + i, srv, 0, -1);
			if (named_in_passing(s, 0, i, pe, n))
				mx_passing(x, m0);
		}
	}
	if (!paired || !seen[S_IMAP] || !seen[S_POP])
		return;
	size_t from = x->nmx;
	for (int k = S_IMAP; k <= S_POP; k++)
		nr_mx_add(x, l, b + at[k], k, 0, -1);
	/* "handles both", "one of two protocols": both on the one incoming
	 * host the notice names, as "Server type: IMAP or POP" (resolve.c);
	 * a choice alone ("Select POP or IMAP") may go on with a host for one */
	if (nr_has(s, n, "both") || nr_has(s, n, "either") || nr_has(s, n, "one of")) {
		struct dacc *a = nr_cur_acc(x);
		a->in_both = true, a->both_label = false;
	} else if (named_in_passing(s, 0, at[S_IMAP] < at[S_POP] ? at[S_IMAP] : at[S_POP],
	                            at[S_IMAP] < at[S_POP] ? at[S_POP] : at[S_IMAP], n))
		mx_passing(x, from);
}

/* The length of a protocol's name at s[i] ("IMAP", "IMAP4", "POP3",
 * "POP3s", "Imap"; not "popular", not "POP before SMTP"), else 0; *srv
 * says which. */
static size_t in_name_at(const char *s, size_t i, size_t n, int *srv)
{
	if (i && isalnum((unsigned char)s[i - 1]))
		return 0;
	bool im = i + 4 <= n && mp_strncasecmp(s + i, "imap", 4) == 0;
	if (!im && !(i + 3 <= n && mp_strncasecmp(s + i, "pop", 3) == 0))
		return 0;
	size_t e = i + (im ? 4 : 3);
	while (e < n && (isdigit((unsigned char)s[e]) || s[e] == 's' || s[e] == 'S'))
		e++;
	if (e < n && isalpha((unsigned char)s[e]))
		return 0;
	if (!im && e + 3 <= n && mp_strncasecmp(s + e, "-up", 3) == 0) /* "the pop-up menu" */
		return 0;
	size_t k = e < n && (s[e] == ' ' || s[e] == '-') ? e + 1 : e;
	if (!im && k + 6 <= n && mp_strncasecmp(s + k, "before", 6) == 0)
		return 0;
	*srv = im ? S_IMAP : S_POP;
	return e - i;
}

/* "use IMAP or POP3 to retrieve your mail", "each POP3/IMAP account",
 * "The Choice of Incoming POP3 or IMAP Protocol", 「IMAPまたはPOPで受信」:
 * the two incoming protocols named as a pair in a sentence, on any line,
 * offer both incoming servers, however the words around them go. Not
 * when the pair
 * - is part of a longer list ("IMAP, POP3, SMTP, webmail", "(POP3, IMAP
 *   or HTTP)", Gmail's tab "Forwarding and POP/IMAP"): a product's
 *   features or a program's menu;
 * - is a choice's label before its answer ("Account type: POP/IMAP IMAP");
 * - stands in a heading naming no choice ("Receiving (POP/IMAP)",
 *   "IMAP/POP3 Settings": the page may go on with one of them);
 * - is in a sentence denying them or telling them apart ("not available",
 *   "What is the difference between IMAP and POP?", "IMAP vs POP").
 * A sentence is looked at once, a name at a time: linear. */
void nr_pair_offered(struct ex *x, const mp_nline *l)
{
	static const char *const joins[] = {" and/or ", " or ", " and ", " as well as ", "/", ", ", " & ", "・", "、", "または", "や", NULL};
	static const char *const before[] = {" and ", ", ", "&", "と", "、", "・", NULL};
	static const char *const neg[] = {"ません", "できない", "不可", "非対応", "not ", "n't", "no longer", "differen", "違い",
	                                  " vs", "versus", "compar", "比較", NULL};
	static const char *const choice[] = {"choice", "choose", "option", "either", "both", "protocol", "選択", "どちら",
	                                     NULL};
	const char *s = l->s;
	size_t n = l->len;
	if (!nr_has(s, n, "imap") || !nr_has(s, n, "pop"))
		return;
	bool sentence = nr_is_prose(s, n) || nr_has_any(s, n, choice);
	for (size_t i = 0, from = 0; i < n && sentence; i++) {
		int a, c;
		size_t k = in_name_at(s, i, n, &a);
		if (!k)
			continue;
		size_t e = i + k;
		size_t j = nr_starts_any_ci(s + e, n - e, joins);
		size_t k2 = j ? in_name_at(s, e + j, n, &c) : 0;
		if (!k2 || c == a) {
			i = e - 1;
			continue;
		}
		size_t pe = e + j + k2;
		/* the sentence holding the pair: from the last full stop before
		 * it (a later pair starts looking from here) to the next */
		size_t sb = i;
		while (sb > from && !(s[sb - 1] == ';' || (s[sb - 1] == ' ' && sb >= 2 && s[sb - 2] == '.')))
			sb--;
		size_t se = pe;
		while (se < n && s[se] != ';' && !(s[se] == '.' && (se + 1 == n || s[se + 1] == ' ')) &&
		       !nr_starts_any(s + se, n - se, (const char *const[]){"。", NULL}))
			se++;
		from = se;
		bool listed = nr_starts_any_ci(s + pe, n - pe, joins) > 0;
		for (const char *const *w = before; *w && !listed; w++) {
			size_t wl = strlen(*w);
			size_t p0 = i > 0 && s[i - 1] == ' ' && (*w)[wl - 1] != ' ' ? i - 1 : i; /* "と POP/IMAP" */
			listed = p0 >= wl && mp_strncasecmp(s + p0 - wl, *w, wl) == 0;
		}
		size_t q = pe;
		while (q < n && (s[q] == ' ' || s[q] == ':' || s[q] == ')'))
			q++;
		int d;
		bool answered = q > pe && in_name_at(s, q, n, &d) > 0;
		if (!listed && !answered && !nr_has_any(s + sb, se - sb, neg)) {
			size_t m0 = x->nmx;
			nr_mx_add(x, l, i, a, 0, -1);
			nr_mx_add(x, l, e + j, c, 0, -1);
			if (named_in_passing(s, sb, i, pe, se))
				mx_passing(x, m0);
		}
		i = se > i ? se - 1 : i;
	}
}

/* The protocol name at s[i, e) of the sentence s[sb, se) named as the
 * means the reader takes: chosen ("choose IMAP as the incoming mail
 * option", "you could instead select POP3"), gone by ("connect to the
 * mailbox via POP3", "read it using IMAP", "over the IMAP4 protocol"),
 * the server's kind ("My incoming server is a POP3 server") or the
 * account's in brackets ("an existing (POP3) e-mail account"). The word
 * before the name (an article skipped) or the words right after it: a
 * few bytes either side, linear. */
static bool named_as_means(const char *s, size_t sb, size_t i, size_t e, size_t se)
{
	static const char *const verbs[] = {"choose", "chose", "select", "pick", "via", "using", "use", NULL};
	static const char *const arts[] = {"the", "a", "an", NULL};
	size_t w = i, wb = i;
	bool art = false;
	for (int hop = 0; hop < 2; hop++) { /* the word before, past one article */
		w = wb;
		while (w > sb && (s[w - 1] == ' ' || s[w - 1] == '"' || s[w - 1] == '\''))
			w--;
		wb = w;
		while (wb > sb && isalpha((unsigned char)s[wb - 1]))
			wb--;
		bool is_art = false;
		for (const char *const *a = arts; *a && !is_art && hop == 0; a++)
			is_art = w - wb == strlen(*a) && mp_strncasecmp(s + wb, *a, w - wb) == 0;
		if (!is_art)
			break;
		art = true;
	}
	bool verb = false;
	for (const char *const *v = verbs; *v && !verb; v++)
		verb = w > wb && w - wb == strlen(*v) && mp_strncasecmp(s + wb, *v, w - wb) == 0;
	size_t q = e;
	while (q < se && (s[q] == ')' || s[q] == ' ' || s[q] == '-'))
		q++;
	/* the name ends its phrase, or names what it is: "choose IMAP as
	 * …", "via POP3.", "using the IMAP protocol"; not a thing of its
	 * kind ("use an IMAP port", "using an IMAP setup", "use IMAP
	 * clients": named_in_passing's) */
	static const char *const ends[] = {"protocol", "server", "account", "mail", "e-mail", "email", "as ", "for ",
	                                   "to ", "from ", "instead", "or ", "and ", "with ", "on ", "in ", "connection",
	                                   "access", NULL};
	bool ended = q >= se || !isalpha((unsigned char)s[q]) || nr_starts_any_ci(s + q, se - q, ends);
	if (verb && ended && !named_in_passing(s, sb, i, e, se))
		return true;
	/* the words after: "IMAP4 protocol" after "over", "a POP3 server",
	 * "(POP3) Email Account" */
	static const char *const mail[] = {"e-mail ", "email ", "mail ", NULL};
	size_t m = nr_starts_any_ci(s + q, se - q, mail);
	bool over = w - wb == 4 && mp_strncasecmp(s + wb, "over", 4) == 0;
	if (over && q + 8 <= se && mp_strncasecmp(s + q, "protocol", 8) == 0)
		return true;
	bool is = w - wb == 2 && mp_strncasecmp(s + wb, "is", 2) == 0; /* "is a", "is an" */
	if (art && is && q + 6 <= se &&
	    mp_strncasecmp(s + q, "server", 6) == 0)
		return true;
	return q > e && s[e] == ')' && q + m + 7 <= se && mp_strncasecmp(s + q + m, "account", 7) == 0;
}

/* "If you are setting up an IMAP account you still use …", "If you have
 * a POP3 account, use port 110", "We recommend the IMAP protocol rather
 * than POP", "IMAP is recommended": a kind of account the page speaks to,
 * or the protocol it recommends, is a server the page offers (one name;
 * the pair is nr_pair_offered's). Not in a sentence denying it ("not",
 * "no longer"). One sentence at a time, a name at a time: linear. */
void nr_kind_offered(struct ex *x, const mp_nline *l)
{
	/* (nor an old one: "An old IMAP account is shown here") */
	static const char *const neg[] = {"ません", "できない", "不可", "非対応", "not ", "n't", "no longer", "discontinu",
	                                  " old ", "former", "previous", NULL};
	const char *s = l->s;
	size_t n = l->len;
	if (!nr_has(s, n, "imap") && !nr_has(s, n, "pop"))
		return;
	/* whether the line names receiving, and the protocol its words name:
	 * looked up once for the line, not for each name in it (a line of
	 * thousands of "use IMAP," stays linear) */
	int says_in = -1;
	enum mp_nctx words = NC_NONE;
	for (size_t sb = 0; sb < n;) {
		size_t se = sb;
		while (se < n && s[se] != ';' && !(s[se] == '.' && (se + 1 == n || s[se + 1] == ' ')))
			se++;
		bool denied = nr_has_any(s + sb, se - sb, neg);
		/* the recommended one: the first name after "recommend", else
		 * the last before "is recommended" */
		size_t rec = SIZE_MAX;
		/* (looked for in the sentence only: a line of many stays linear) */
		for (size_t k = sb; !denied && rec == SIZE_MAX && k + 8 <= se; k++)
			if (mp_strncasecmp(s + k, "ecommend", 8) == 0)
				rec = k;
		/* ("IMAP is recommended over POP3": the passive form names the
		 * one before it, whatever follows) */
		bool passive = false;
		if (rec != SIZE_MAX && rec + 10 <= se && mp_strncasecmp(s + rec, "ecommended", 10) == 0 && rec >= sb + 2) {
			size_t w = rec - 1; /* the word before "recommended" */
			while (w > sb && s[w - 1] == ' ')
				w--;
			size_t wb = w;
			while (wb > sb && isalpha((unsigned char)s[wb - 1]))
				wb--;
			static const char *const be[] = {"is", "are", "strongly", "highly", NULL};
			for (const char *const *bw = be; *bw && !passive; bw++)
				passive = w - wb == strlen(*bw) && mp_strncasecmp(s + wb, *bw, w - wb) == 0;
		}
		int last = -1;
		size_t last_at = 0;
		bool rec_done = passive; /* (the name after it is not the one) */
		for (size_t i = sb; i < se && !denied; i++) {
			int a;
			size_t k = in_name_at(s, i, se, &a);
			if (!k)
				continue;
			size_t e = i + k;
			size_t q = e < se && (s[e] == ' ' || s[e] == '-') ? e + 1 : e;
			bool means = named_as_means(s, sb, i, e, se);
			if ((q + 7 <= se && mp_strncasecmp(s + q, "account", 7) == 0) || means)
				nr_mx_add(x, l, i, a, 0, -1);
			/* "Choose IMAP as the incoming mail option." as a line of its
			 * own, naming the direction too, rows after it: it heads them,
			 * as "Incoming (IMAP)" does (not inside a section of a protocol
			 * already; not "select IMAP" as one step among others) */
			if (means && sb == 0 && se + 1 >= n && (x->ctx == NC_NONE || x->ctx == NC_IN)) {
				if (says_in < 0) {
					says_in = nr_has_any(s, n, (const char *const[]){"incoming", "receiv", "受信", NULL});
					words = says_in ? mp_notice_words_ctx(s, n) : NC_NONE;
				}
				if (says_in && words == nr_ctx_of(a)) {
					x->ctx = nr_ctx_of(a);
					x->cur = a;
				}
			}
			if (rec != SIZE_MAX && !rec_done && i > rec) {
				nr_mx_add(x, l, i, a, 0, -1);
				rec_done = true;
			}
			if (i < rec) {
				last = a;
				last_at = i;
			}
			i = e - 1;
		}
		/* "IMAP is (strongly) recommended": the name before, in its clause */
		if (rec != SIZE_MAX && (!rec_done || passive) && last >= 0 && rec + 10 <= se &&
		    mp_strncasecmp(s + rec, "ecommended", 10) == 0 && !memchr(s + last_at, ',', rec - last_at))
			nr_mx_add(x, l, last_at, last, 0, -1);
		sb = se + 1;
	}
}

/* Settings quoted in a sentence, as guides write them: 「ポート番号:587」,
 * "Port: 587", 「受信サーバー」に「pop.example.jp」を入力 (also は/を/欄に):
 * the quoted label takes the quoted value when its field takes the value's
 * type. Not a quote holding a condition. */
size_t nr_quoted_pairs(struct ex *x, const mp_nline *l, size_t b)
{
	size_t placed = 0;
	static const char *const joins[] = {"欄に「", "には「", "に「", "は「", "を「", NULL};
	static const char *const joins_en[] = {" to \"", " field to \"", " box to \"", NULL};
	static const char *const joins_rev[] = {" in the \"", " into the \"", " as the \"", " as \"", NULL};
	const char *s = l->s;
	size_t n = l->len;
	for (size_t i = b; i < n; i++) {
		bool ja = nr_starts_any(s + i, n - i, (const char *const[]){"「", NULL}) > 0;
		if (!ja && s[i] != '"')
			continue;
		size_t cb = i + (ja ? 3 : 1), ce = cb;
		while (ce < n && (ja ? !nr_starts_any(s + ce, n - ce, (const char *const[]){"」", NULL}) : s[ce] != '"'))
			ce++;
		if (ce >= n)
			break;
		size_t after = ce + (ja ? 3 : 1), lb = cb, le, vb, ve;
		const char *colon = memchr(s + cb, ':', ce - cb);
		size_t k;
		if (colon) {
			le = (size_t)(colon - s);
			vb = nr_skip_sp(s, le + 1, ce);
			ve = ce;
		} else if ((k = nr_starts_any(s + after, n - after, ja ? joins : joins_en)) > 0 ||
		           (!ja && (k = nr_starts_any(s + after, n - after, joins_rev)) > 0)) {
			/* the second quote: the value, or the label when the value
			 * came first ("type "993" in the "Port" field") */
			bool rev = !ja && !nr_starts_any(s + after, n - after, joins_en);
			size_t qb = after + k, qe = qb;
			while (qe < n && !nr_starts_any(s + qe, n - qe, (const char *const[]){ja ? "」" : "\"", NULL}))
				qe++;
			if (qe >= n)
				break;
			le = rev ? qe : ce;
			lb = rev ? qb : cb;
			vb = rev ? cb : qb;
			ve = rev ? ce : qe;
			after = qe + (ja ? 3 : 1);
		} else {
			i = after - 1;
			continue;
		}
		i = after - 1;
		while (ve > vb && s[ve - 1] == ' ')
			ve--;
		enum mp_nctx ed;
		enum mp_nfield f = le > lb ? mp_notice_classify(s + lb, le - lb, &ed) : NF_NONE;
		size_t q0 = lb < vb ? lb : vb, q1 = le > ve ? le : ve; /* both quotes */
		if (f == NF_NONE || f == NF_IGNORE || ve <= vb || nr_has(s + q0, q1 - q0, "場合") || nr_has(s + q0, q1 - q0, "if ") ||
		    nr_has(s + lb, le - lb, "例") || nr_has(s + lb, le - lb, "example"))
			continue;
		size_t tb, te;
		enum nr_vtype v = nr_typed_value(s, vb, ve, true, &tb, &te);
		bool fits_f = f == NF_SECURITY ? nr_parse_security(s + vb, ve - vb) >= 0
		              : f == NF_AUTH_METHOD ? nr_mechanism(s + vb, ve - vb) >= 0 || nr_has(s + vb, ve - vb, "パスワード")
		                                    : nr_field_takes(f, v) && tb == vb && te == ve;
		if (fits_f) {
			nr_set_field(x, l, vb, s + vb, ve - vb, f, nr_label_dir(x, s + lb, le - lb, ed));
			placed++;
		}
	}
	return placed;
}

/* "Client's ISP's SMTP will be used for outgoing mail", "set the
 * outgoing server to the one provided by your Internet provider",
 * 「送信サーバーはご契約のプロバイダーのものをお使いください」: sending goes
 * through the reader's own provider, so the page offers a sending server
 * whose host it does not give. Sentence by sentence; not one saying the
 * provider blocks or refuses something ("if your ISP blocks port 25":
 * a port's advice, the page's own server follows). */
static void isp_sending(struct ex *x, const mp_nline *l, size_t b)
{
	static const char *const send[] = {"smtp", "outgoing", "送信", NULL};
	static const char *const srv[] = {"server", "smtp", "host", "relay", "mail machine", "サーバ", NULL};
	/* (nor a provider's rule that may apply: 「一部のプロバイダでは…場合が
	 * あります」, "some ISPs") */
	static const char *const deny[] = {"block", "filter", "limit", "restrict", "enforc", "not ", "n't", "ブロック", "制限",
	                                   "できません", "場合",
	                                   "some ", NULL};
	const char *s = l->s;
	for (size_t i = b; i < l->len;) {
		size_t e = sentence_end(l, i);
		if (nr_names_isp(s + i, e - i) && nr_has_any(s + i, e - i, send) && nr_has_any(s + i, e - i, srv) &&
		    !nr_has_any(s + i, e - i, deny)) {
			mailprof_loc loc = nr_loc_at(x, l, i);
			send_said(x, &loc);
			x->send_isp = true;
			return;
		}
		i = nr_skip_sp(s, e + 1, l->len);
	}
}

void nr_prose(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s + b;
	size_t n = l->len - b;
	/* (not a numbered footnote's: "※1 SSL/TLSで接続します" is the
	 * security of the value its mark stands by) */
	if (!(n > 3 && memcmp(s, "※", 3) == 0 && isdigit((unsigned char)s[3])))
		nr_general_security(x, l, b, l->len);
	nr_protocols_offered(x, l, b);
	isp_sending(x, l, b);
	/* "The settings for SMTP are the same as above, except that the port
	 * is 465": the server of this section takes the host (and security)
	 * of the one before it; the exceptions follow as values */
	int i = nr_srv_of(x->ctx);
	if (i >= 0 && x->prev_srv >= 0 && x->prev_srv != i &&
	    ((nr_has(s, n, "same as") && (nr_has(s, n, "above") || nr_has(s, n, "previous"))) ||
	     nr_has(s, n, "上記と同じ") || nr_has(s, n, "同上"))) {
		struct dacc *a = nr_cur_acc(x);
		const struct dsrv *from = &a->s[x->prev_srv];
		if (from->host.v && !a->s[i].host.v) {
			mailprof_loc loc = nr_loc_at(x, l, b);
			mp_str_set(&a->s[i].host, from->host.v, &loc);
		}
		if (from->sec.set && !a->s[i].sec.set)
			a->s[i].sec = from->sec;
		x->cur = i; /* ports differ by protocol: only those stated are taken */
	}
	if (nr_has(s, n, "587") && (nr_has(s, n, "ポート") || nr_has(s, n, "port") || nr_has(s, n, "サブミッション"))) {
		size_t at = (size_t)(strstr(s, "587") - s);
		x->note587 = true;
		x->note_port = 587;
		/* "Please use port 26 or 587", "ports 2525, 8025 or 587": a port
		 * registered for no protocol listed before 587 is the provider's
		 * own sending port, offered first (the first of alternatives whose
		 * security is said for neither stays); a registered one (25, 465)
		 * is not taken from a port list alone */
		size_t p = at;
		for (int hops = 0; hops < 8; hops++) {
			size_t q = p;
			while (q > 0 && s[q - 1] == ' ')
				q--;
			static const char *const joins[] = {" or", ",", "/", NULL};
			size_t jl = 0;
			for (const char *const *j = joins; *j && !jl; j++)
				if (q >= strlen(*j) && memcmp(s + q - strlen(*j), *j, strlen(*j)) == 0)
					jl = strlen(*j);
			if (!jl)
				break;
			q -= jl;
			while (q > 0 && s[q - 1] == ' ')
				q--;
			size_t d = q;
			while (d > 0 && q - d < 5 && isdigit((unsigned char)s[d - 1]))
				d--;
			int pn;
			if (d == q || !nr_port_at(s, d, n, &pn) || nr_port_ctx(pn) != NC_NONE)
				break;
			x->note_port = pn;
			at = d;
			p = d;
		}
		x->note587_loc = nr_loc_at(x, l, b + at);
		send_said(x, &x->note587_loc);
	}
}

/* "Log in with your full e-mail address", "ユーザー名にはメールアドレスを
 *入力": the login is a word about the address. Used only for accounts
 * whose rows name no login. */
void nr_prose_login(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s + b;
	size_t n = l->len - b;
	if (!(nr_has(s, n, "log in with") || nr_has(s, n, "login with") || nr_has(s, n, "sign in with") ||
	      nr_has(s, n, "username is") || nr_has(s, n, "user name is") || nr_has(s, n, "login is") ||
	      nr_has(s, n, "ユーザー名は") || nr_has(s, n, "ユーザ名は") || nr_has(s, n, "アカウント名は") ||
	      nr_has(s, n, "ユーザー名には") || nr_has(s, n, "ユーザ名には") || nr_has(s, n, "アカウント名には")))
		return;
	enum word w = nr_parse_word(s, n);
	if (w == W_NONE && (nr_has(s, n, "e-mail address") || nr_has(s, n, "email address")))
		w = W_EMAIL;
	if (w == W_NONE || x->prose_login != W_NONE)
		return;
	x->prose_login = w;
	x->prose_login_loc = nr_loc_at(x, l, b);
}
