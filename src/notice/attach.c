/* Stage 5 of the reader (docs/notice-reader.md): attaching values to
 * labels. Each line is read once, top to bottom: a value takes the label
 * before it on its line, the label line above it (pending), the column
 * header of its table, or the heading of its block (the context); headings
 * set the direction/protocol context; sentences still count (prose.c reads
 * the values out of them). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "reader.h"

/* A sentence, not a title: five words at least, one of them a verb
 * telling what to do ("should be configured to connect to", "you can
 * use the following"), or a sentence's end inside ("… to our relay. The"
 * wrapped before the next one's verb). */
static bool lead_in(const char *s, size_t n)
{
	size_t words = 1;
	for (size_t i = 0; i < n; i++) {
		words += s[i] == ' ';
		if (i >= 2 && i + 2 < n && s[i] == '.' && s[i + 1] == ' ' && islower((unsigned char)s[i - 1]) &&
		    isupper((unsigned char)s[i + 2]))
			return true;
	}
	static const char *const verb[] = {" should ", " must ", " can ", " need to ", " configure", " connect", NULL};
	return words >= 5 && nr_has_any(s, n, verb);
}

/* "IMAP4 or POP3", "POP/IMAP", "IMAP and POP": both incoming protocols
 * named together, as the two a server offers; not a client's list of
 * kinds ("(POP3, IMAP or HTTP) server") nor a sentence naming them apart
 * ("IMAP offers features that POP does not"). */
static bool joins_in_protocols_how(const char *s, size_t n, bool *word);
static bool joins_in_protocols(const char *s, size_t n)
{
	bool word;
	return joins_in_protocols_how(s, n, &word);
}

/* The same; *word: joined by a word ("IMAP4 or POP3", "IMAP and POP",
 * 「IMAPまたはPOP」: the two named as such), not a mark ("POP/IMAP",
 * "POP・IMAP": one field's name for whichever the page sets up). */
static bool joins_in_protocols_how(const char *s, size_t n, bool *word)
{
	*word = false;
	if (!nr_names_both_in(s, n) || nr_has(s, n, "http"))
		return false;
	static const char *const joins[] = {" or ", " and ", "/", ", ", " & ", "・", "、", "または", NULL};
	for (size_t i = 0; i + 3 <= n; i++) {
		bool im = i + 4 <= n && mp_strncasecmp(s + i, "imap", 4) == 0, po = mp_strncasecmp(s + i, "pop", 3) == 0;
		if (!im && !po)
			continue;
		size_t e = i + 3;
		while (e < n && isalnum((unsigned char)s[e]))
			e++;
		size_t j = nr_starts_any_ci(s + e, n - e, joins);
		size_t want = im ? 3 : 4;
		if (j && n - e - j >= want && mp_strncasecmp(s + e + j, im ? "pop" : "imap", want) == 0) {
			*word = nr_starts_any_ci(s + e, n - e, (const char *const[]){" or ", " and ", "または", NULL}) > 0;
			return true;
		}
		i = e - 1;
	}
	return false;
}

/* "Web.de:", "GMX.net": a heading that is a provider's own domain written
 * as its name (a capital, no server's label before the site: not
 * "mail.example.com"), alone on its line: a provider's name, not a host. */
static bool brand_domain(const char *s, size_t n)
{
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	size_t vb, ve;
	if (!n || !isupper((unsigned char)s[0]) || nr_typed_value(s, 0, n, false, &vb, &ve) != NV_HOST || vb || ve != n)
		return false;
	char *h = mp_xstrndup(s, n);
	bool own = strcmp(mp_registrable(h), h) == 0;
	free(h);
	return own;
}

/* "For Rogers users", "Bell customers", 「ハヤブサ光をご利用の方」,
 * 「○○会員の方」: a heading naming whose block follows (one provider's, a
 * brand's): true, with the name's span [*nb, *ne). */
static bool audience(const char *s, size_t n, size_t *nb, size_t *ne)
{
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	static const char *const tail[] = {" users", " customers", " subscribers", " members", " clients",
	                                   "をご利用の方", "をご利用のお客様", "をご利用のお客さま", "をお使いの方",
	                                   "ユーザーの方", "会員の方", "のお客様", "のお客さま", "の方", NULL};
	size_t b = n > 4 && mp_strncasecmp(s, "for ", 4) == 0 ? 4 : 0;
	for (const char *const *w = tail; *w; w++) {
		size_t k = strlen(*w);
		if (n >= b + k + 2 && mp_strncasecmp(s + n - k, *w, k) == 0 && n - k - b <= 40) {
			*nb = b, *ne = n - k;
			return true;
		}
	}
	return false;
}

static void heading(struct ex *x, const char *s, size_t n)
{
	if (x->cur >= 0)
		x->prev_srv = x->cur;
	x->ctx = mp_notice_words_ctx(s, n);
	x->head_both = x->ctx == NC_IN && nr_names_both_in(s, n);
	x->head_ways = nr_names_both_ways(s, n);
	x->named = NC_NONE;
	x->host_head = false;
	/* A plain heading may name a provider (E3 lists several brands). */
	/* Not "■SSLをご利用の場合" nor "If you use SSL": a variant of the same
	 * provider's servers, not another provider. */
	static const char *const variant[] = {"ssl", "tls", "暗号", "場合", "if ", "when ",
	                                      "secure", NULL};
	bool is_variant = nr_has_any(s, n, variant);
	/* nor a fragment opening with a sentence's punctuation (". ru »":
	 * the tail of a link's text cut off) */
	if (n && strchr(".,;:!?", s[0]))
		is_variant = true;
	/* nor a line holding a value ("or `dsm.example.edu`", not "PLANET
	 * (PL.NET)") or markup ("```yaml") */
	for (size_t k = 0; k < n && !is_variant; k++) {
		size_t vb, ve;
		is_variant = s[k] == '`' || s[k] == '@' ||
		             ((k == 0 || s[k - 1] == ' ') && s[k] != '(' && nr_typed_value(s, k, n, false, &vb, &ve) == NV_HOST &&
		              !brand_domain(s, n));
	}
	if (x->ctx == NC_NONE && !is_variant && n && n <= 60 && x->now && s >= x->now->s &&
	    s < x->now->s + x->now->len) {
		mailprof_loc loc = nr_loc_at(x, x->now, (size_t)(s - x->now->s));
		size_t b = 0, e = n;
		while (e && (s[e - 1] == ':' || s[e - 1] == ' '))
			e--;
		if (audience(s, n, &b, &e)) /* the provider's name alone */
			loc = nr_loc_at(x, x->now, (size_t)(s + b - x->now->s));
		nr_brand(x, s + b, e - b, &loc, true);
		/* a provider's name under a list title naming one server: its
		 * host on the next line is that server's */
		x->ctx = x->list_ctx;
	} else {
		static const char *const list[] = {"servers", "providers", "isps", "各社", "一覧", NULL};
		bool listed = nr_has_any(s, n, list);
		x->list_ctx = listed && nr_srv_of(x->ctx) >= 0 ? x->ctx : NC_NONE;
	}
	x->cur = -1;
	if (x->ctx == NC_IMAP)
		x->cur = S_IMAP;
	else if (x->ctx == NC_POP)
		x->cur = S_POP;
	else if (x->ctx == NC_SMTP)
		x->cur = S_SMTP;
}

/* "Rogers: smtp.broadband.rogers.com (requires authentication)" under a
 * heading naming one server ("SMTP Servers:"): a list of providers, the
 * label a provider's name, not a field. Each row is that provider's block
 * (as after a plain heading); an authentication stated on the row is its
 * own, not the notice's. True when the row was one. */
static bool provider_row(struct ex *x, const mp_nline *l, size_t lb, size_t le, size_t vb, size_t ve)
{
	const char *s = l->s;
	int i = nr_srv_of(x->ctx);
	size_t hb, he, te = vb;
	while (te < ve && s[te] != ' ' && s[te] != '(')
		te++; /* "smtp.example.com（SMTP認証が必要）": the host ends at the bracket */
	if (i < 0 || le - lb > 30 || nr_typed_value(s, vb, te, false, &hb, &he) != NV_HOST || hb != vb)
		return false;
	/* a provider's name, not a protocol or a direction ("IMAP: mail…"),
	 * and a row holding its host, maybe with its port ("Gmail:
	 * smtp.gmail.com, port 587", "(port 465 SSL)"), no other number */
	if (mp_notice_words_ctx(s + lb, le - lb) != NC_NONE)
		return false;
	/* nor a field's label ("Host name - imap.…", "Server - mail.…") */
	enum mp_nctx fd;
	enum mp_nfield ff = mp_notice_classify(s + lb, le - lb, &fd);
	if (ff != NF_NONE && ff != NF_IGNORE)
		return false;
	int port = 0, sec = -1, mark;
	size_t at = 0, pe = he;
	if (nr_parse_port(s + he, ve - he, &port, &sec, &at, &mark)) {
		pe = he + at;
		while (pe < ve && isdigit((unsigned char)s[pe]))
			pe++;
		bool word = nr_has(s + he, at, "port") || nr_has(s + he, at, "ポート") || nr_has(s + he, at, ":");
		if (!word || mark)
			return false;
	}
	for (size_t k = pe; k < ve; k++)
		if (isdigit((unsigned char)s[k]))
			return false;
	for (size_t k = lb; k < le; k++)
		if (isdigit((unsigned char)s[k]))
			return false;
	mailprof_loc loc = nr_loc_at(x, l, lb);
	nr_brand(x, s + lb, le - lb, &loc, false);
	nr_set_field(x, l, vb, s + vb, he - vb, NF_HOST, x->ctx);
	if (port > 0) {
		mailprof_loc pl = nr_loc_at(x, l, he + at);
		nr_offer_port(&nr_cur_acc(x)->s[i], port, nr_sec_for_port(sec, port), &pl);
	}
	if (nr_has(s + he, ve - he, "authentication") || nr_has(s + he, ve - he, "認証")) {
		int au = nr_parse_yesno_auth(s + he, ve - he);
		struct dacc *a = nr_cur_acc(x);
		if (au >= 0 && i == S_SMTP) {
			a->s[S_SMTP].auth = au;
			a->s[S_SMTP].auth_loc = nr_loc_at(x, l, he);
		}
		if (x->auth_hint && x->auth_hint_loc.line == loc.line)
			x->auth_hint = false;
	}
	return true;
}

/* A switch said to be on: "ON", "should be on", "turned on", "enabled",
 * "checked" ("on the server" is not one). */
static bool toggle_on(const char *s, size_t n)
{
	if (nr_has(s, n, "enabled") || nr_has(s, n, "checked") || nr_has(s, n, "有効"))
		return !nr_has(s, n, "not ") && !nr_has(s, n, "無効");
	for (size_t i = 0; i + 2 <= n; i++) {
		if (mp_strncasecmp(s + i, "on", 2) != 0 || (i && isalnum((unsigned char)s[i - 1])) ||
		    (i + 2 < n && isalnum((unsigned char)s[i + 2])))
			continue;
		size_t j = i;
		while (j && s[j - 1] == ' ')
			j--;
		/* ("Set to ON or AUTO": "to" a word of its own, not "Auto") */
		if (j == 0 || (j >= 2 && mp_strncasecmp(s + j - 2, "be", 2) == 0) ||
		    (j >= 2 && mp_strncasecmp(s + j - 2, "to", 2) == 0 && (j == 2 || s[j - 3] == ' ')) ||
		    (j >= 4 && mp_strncasecmp(s + j - 4, "turn", 4) == 0) ||
		    (j >= 6 && mp_strncasecmp(s + j - 6, "turned", 6) == 0) ||
		    (j >= 6 && mp_strncasecmp(s + j - 6, "switch", 6) == 0))
			return !nr_has(s, n, "not ");
	}
	return false;
}

/* The protocol a label names last, as its own word right before the
 * separator ("… (choose POP or IMAP) POP:"), NC_NONE if it ends otherwise. */
static enum mp_nctx last_proto(const char *s, size_t lb, size_t le)
{
	while (le > lb && strchr(" :=-", s[le - 1]))
		le--;
	size_t w = le;
	while (w > lb && isalnum((unsigned char)s[w - 1]))
		w--;
	if (w == lb || s[w - 1] != ' ' || le - w > 5)
		return NC_NONE;
	enum mp_nctx c = mp_notice_words_ctx(s + w, le - w);
	return c == NC_IMAP || c == NC_POP || c == NC_SMTP ? c : NC_NONE;
}

static size_t change_target(const char *s, size_t vb, size_t ve);

/* The protocols named in s[b, e) ("IMAP and SMTP", "IMAP/POP3・SMTP")
 * are offered (port matrix entries without a port). only: s[b, e) holds
 * nothing but protocol names and joiners, else nothing is offered. */
static void names_offer(struct ex *x, const mp_nline *l, size_t b, size_t e, bool only)
{
	const char *s = l->s;
	static const char *const names[] = {"imap4", "imap", "pop3", "pop", "smtp", NULL};
	static const char *const joins[] = {"and ", "or ", ", ", ",", "/", " ", "・", "、", "&", NULL};
	int srv[8], nsrv = 0;
	for (size_t i = b; i < e && e - b <= 80;) {
		size_t w = (i == b || !isalnum((unsigned char)s[i - 1])) ? nr_starts_any_ci(s + i, e - i, names) : 0;
		if (w && (i + w == e || !isalnum((unsigned char)s[i + w]))) {
			if (nsrv < 8)
				srv[nsrv++] = s[i] == 's' || s[i] == 'S' ? S_SMTP : s[i] == 'i' || s[i] == 'I' ? S_IMAP : S_POP;
			i += w;
			continue;
		}
		size_t j = only ? nr_starts_any_ci(s + i, e - i, joins) : 0;
		if (only && !j)
			return;
		i += j ? j : 1;
	}
	for (int k = 0; k < nsrv && (!only || nsrv >= 2); k++)
		nr_mx_add(x, l, b, srv[k], 0, -1);
}

/* The incoming protocol a bracket after the host at s[vb] names, the
 * host's port between them allowed ("mail.…:993 (IMAP over SSL)",
 * "mail.… (IMAP, SSL)"): NC_IMAP or NC_POP when it names that one alone,
 * no sending, no choice and no other value, NC_NONE otherwise. */
static enum mp_nctx remark_proto(const char *s, size_t vb, size_t ve)
{
	size_t h = vb;
	while (h < ve && (isalnum((unsigned char)s[h]) || s[h] == '.' || s[h] == '-' || s[h] == '_'))
		h++;
	if (h == vb || !nr_valid_host(s + vb, h - vb))
		return NC_NONE;
	/* (":993", read by then as " port:993", or ", port 993") */
	size_t p = nr_skip_sp(s, h, ve);
	if (p < ve && s[p] == ',') /* ("mail.…, port 993 (IMAP)") */
		p = nr_skip_sp(s, p + 1, ve);
	if (p + 4 <= ve && mp_strncasecmp(s + p, "port", 4) == 0)
		h = p + 4;
	if (h < ve && s[h] == ':')
		h++;
	if (h > p)
		h = nr_skip_sp(s, h, ve);
	if (h < ve && isdigit((unsigned char)s[h]))
		while (h < ve && isdigit((unsigned char)s[h]))
			h++;
	h = nr_skip_sp(s, h, ve);
	if (h >= ve || s[h] != '(')
		return NC_NONE;
	size_t e = h + 1;
	while (e < ve && e - h <= 40 && s[e] != ')')
		e++;
	if (e >= ve || s[e] != ')')
		return NC_NONE;
	const char *r = s + h + 1;
	size_t rn = e - h - 1;
	/* (not another value's remark: "(or pop3.… for POP3)") */
	if (nr_has(r, rn, "smtp") || nr_has(r, rn, "送信") || nr_has(r, rn, "outgoing") || nr_has(r, rn, "or ") ||
	    nr_has(r, rn, "/") || memchr(r, '.', rn) || memchr(r, '@', rn))
		return NC_NONE;
	enum mp_nctx c = mp_notice_words_ctx(r, rn);
	/* (not "mail.…, port 993 (imap), port 995 (pop3)": the line goes on
	 * to name the other one, each port its own server's) */
	if (nr_has(s + e, ve - e, c == NC_IMAP ? "pop" : "imap"))
		return NC_NONE;
	return c == NC_IMAP || c == NC_POP ? c : NC_NONE;
}

/* One label/value pair (value may be empty) from a line or a table cell. */
/* A server label's security said not to be needed ("SSL not required",
 * "doesn't need TLS", "encryption optional"): no security stated. */
static bool sec_waived(const char *s, size_t n)
{
	return nr_has(s, n, "not ") || nr_has(s, n, "n't") || nr_has(s, n, "optional");
}

static void read_view(struct ex *x, const mp_nline *l, size_t from, size_t to);

/* "pw: Rook&Pawn77", "pass:", "in: imap.… (imap, ssl, 993)", "out:",
 * "Account: gwen": the short labels of a letter or a forum post, too short
 * (or too common a word) for the dictionary, whose substrings would match
 * any label. Only as the whole label, and only with a value of their
 * field's shape: a host for a direction, one token for a login or a
 * password. */
static enum mp_nfield short_label(const char *s, size_t lb, size_t le, size_t vb, size_t ve, enum mp_nctx *dir)
{
	static const struct {
		const char *key;
		enum mp_nfield f;
		enum mp_nctx d;
	} keys[] = {{"pw", NF_PASSWORD, NC_NONE},   {"pwd", NF_PASSWORD, NC_NONE}, {"pass", NF_PASSWORD, NC_NONE},
	            {"pswd", NF_PASSWORD, NC_NONE}, {"in", NF_HOST, NC_IN},        {"out", NF_HOST, NC_SMTP},
	            {"account", NF_LOGIN, NC_NONE}, {"acct", NF_LOGIN, NC_NONE}};
	if (le - lb > 8 || vb >= ve)
		return NF_NONE;
	size_t t = nr_token_len(s + vb, ve - vb);
	for (size_t i = 0; i < MP_COUNT(keys); i++) {
		size_t kl = strlen(keys[i].key);
		if (le - lb != kl || mp_strncasecmp(s + lb, keys[i].key, kl) != 0)
			continue;
		bool fits = keys[i].f == NF_HOST ? nr_valid_host(s + vb, t) && !nr_valid_email(s + vb, t)
		                                 : t == ve - vb && nr_value_is(keys[i].f, s + vb, t);
		if (!fits)
			return NF_NONE;
		*dir = keys[i].d;
		return keys[i].f;
	}
	return NF_NONE;
}

/* The security a label over a port names ("With SSL", "Port with
 * SSL/TLS", "Without SSL", "w/o encryption", "SSLの場合(学外必須)",
 * "暗号化なし"): MP_SEC_NONE for a label saying none ("without", not the
 * "out" of "Outgoing port (SSL)"), -2 when it offers a choice. Shared by
 * a line's pair and a table's label | value row (table.c by_rows). */
int nr_port_label_sec(const char *s, size_t n)
{
	int sec = nr_has(s, n, "without") || nr_has(s, n, "w/o") || nr_has(s, n, "no ") || nr_has(s, n, "なし") ||
	                  nr_has(s, n, "無") || nr_has(s, n, "非")
	              ? MP_SEC_NONE
	              : nr_parse_security(s, n);
	/* "SSLの場合(学外必須) 465", "接続を保護しない場合 25": the case a
	 * port is for names its security */
	if (sec == -2 && (nr_has(s, n, "場合") || nr_has(s, n, "時")))
		sec = nr_span_sec(s, n);
	return sec;
}

static void pair(struct ex *x, const mp_nline *l, size_t lb, size_t le, size_t vb, size_t ve,
                 bool marked)
{
	const char *s = l->s;
	nr_trim_label(s, &lb, &le);
	while (ve > vb && (s[ve - 1] == ' ' || s[ve - 1] == '|'))
		ve--;
	vb = change_target(s, vb, ve);
	enum mp_nctx edir;
	enum mp_nfield f = le > lb ? mp_notice_classify(s + lb, le - lb, &edir) : NF_NONE;
	if (f == NF_NONE && le > lb)
		f = short_label(s, lb, le, vb, ve, &edir);
	/* "認証: 平文パスワード" names a method; "認証: WSシステムのログイン名と
	 * パスワード" says what to type, no method */
	if (f == NF_AUTH_METHOD && vb < ve && le - lb == strlen("認証") && memcmp(s + lb, "認証", le - lb) == 0 &&
	    nr_mechanism(s + vb, ve - vb) < 0)
		f = NF_NONE;
	/* "送信メールサーバ（SMTP-AUTH）： smtp.…": a server's label naming
	 * its login takes its host */
	if (f == NF_SMTP_AUTH && vb < ve && (nr_has(s + lb, le - lb, "サーバ") || nr_has(s + lb, le - lb, "server")) &&
	    nr_value_is(NF_HOST, s + vb, ve - vb))
		f = NF_HOST, edir = NC_SMTP;
	/* "Connection: SSL/TLS", "接続: STARTTLS": the connection label (a
	 * dial-up's ID, ignored) over a security word is the security's */
	size_t cb0, ce0;
	if (f == NF_IGNORE && vb < ve && ((le - lb == 10 && mp_strncasecmp(s + lb, "connection", 10) == 0) ||
	                                  (le - lb == strlen("接続") && memcmp(s + lb, "接続", le - lb) == 0)) &&
	    nr_typed_value(s, vb, ve, false, &cb0, &ce0) == NV_SEC && cb0 == vb)
		f = NF_SECURITY;
	/* "Server: mail.example.com (POP3, IMAP4, SMTP protocols)": a host's
	 * remark offering protocols offers them, as a sentence does */
	const char *rm = f == NF_HOST && vb < ve ? memchr(s + vb, '(', ve - vb) : NULL;
	if (rm) {
		nr_protocols_offered(x, l, (size_t)(rm - s) + 1);
		/* "mail.… (IMAP, POP3 and SMTP)": a remark naming protocols only */
		const char *cl = memchr(rm, ')', (size_t)(s + ve - rm));
		if (cl)
			names_offer(x, l, (size_t)(rm - s) + 1, (size_t)(cl - s), true);
	}
	if (vb >= ve) { /* no value: a heading, or a label whose value is on the next line */
		if (le <= lb)
			return;
		/* "Only encrypted communication, using SSL/TLS, is supported.
		 * Therefore use these ports:": the sentences before a lead-in
		 * are read as any sentence */
		size_t last = 0;
		for (size_t k = lb; k + 1 < le; k++)
			if (s[k] == '.' && s[k + 1] == ' ')
				last = k;
		if (last)
			nr_general_security(x, l, lb, last);
		if (f == NF_SECURITY && nr_security_statement(x, l, lb)) /* "SSL is required" */
			return;
		if (f == NF_SECURITY && nr_bracketed_security(x, l, lb, le))
			return;
		/* "IMAP Protocol", "POP3 Settings": a protocol label naming its
		 * protocol is that protocol's section heading */
		enum mp_nctx pw = f == NF_IN_PROTO ? mp_notice_words_ctx(s + lb, le - lb) : NC_NONE;
		if (pw == NC_IMAP || pw == NC_POP || pw == NC_SMTP) {
			heading(x, s + lb, le - lb);
			return;
		}
		/* "Sending email", "Incoming e-mail": a direction of mail, not
		 * the address's label, heads its block */
		size_t w1 = lb; /* (its first word says so: not "How do I set up a mailbox using IMAP?") */
		while (w1 < le && s[w1] != ' ')
			w1++;
		enum mp_nctx ew = f == NF_EMAIL && !memchr(s + lb, '?', le - lb) ? mp_notice_words_ctx(s + lb, w1 - lb) : NC_NONE;
		if (ew != NC_NONE && ew != NC_WEB)
			f = NF_NONE;
		/* "Bell customers:" (a "customer" label names no setting): whose
		 * block follows, a heading */
		size_t ab, ae;
		if (f == NF_IGNORE && !marked && audience(s + lb, le - lb, &ab, &ae))
			f = NF_NONE;
		if (marked || f == NF_NONE || f == NF_HOST || f == NF_IGNORE) {
			enum mp_nctx w = mp_notice_words_ctx(s + lb, le - lb);
			/* "IMAP Protocol" / "• Incoming Server:" with its host on the
			 * next line: the protocol of the section stays */
			bool finer = f == NF_HOST && !marked && w == NC_IN && (x->ctx == NC_IMAP || x->ctx == NC_POP);
			/* "1. Tap Manual setup.": a step ending in a full stop, naming
			 * no server, is no heading; the section goes on */
			bool step = f == NF_NONE && w == NC_NONE && s[le - 1] == '.' && isalpha((unsigned char)s[lb]) &&
			            memchr(s + lb, ' ', le - lb) && !memchr(s + lb, '@', le - lb);
			/* "Software should be configured to connect to (in order of
			 * preference):": a lead-in sentence naming no server
			 * announces the section's rows, it heads none */
			bool lead = f == NF_NONE && w == NC_NONE && !marked && lead_in(s + lb, le - lb);
			if ((marked || w != NC_NONE || f == NF_NONE) && !finer && !step && !lead)
				heading(x, s + lb, le - lb);
			/* "Your IMAP4 or POP3 (incoming mail) server is", "Incoming
			 * server (IMAP or POP3):" with its host lost: a server's
			 * label naming both incoming protocols offers both */
			bool word;
			if (f == NF_HOST && le - lb <= 80 && joins_in_protocols_how(s + lb, le - lb, &word) &&
			    last_proto(s, lb, le) == NC_NONE) {
				/* (a field named "POP/IMAP server" is one set of
				 * values: nr_offered weighs it) */
				struct dacc *a = nr_cur_acc(x);
				a->both_label = !word && (!a->in_both || a->both_label);
				a->in_both = true;
			}
			if (f == NF_IGNORE && edir == NC_WEB)
				x->ctx = NC_WEB;
		}
		/* "Our SMTP server (for sending mail) is:", "POP3 server:", its
		 * host lost (an image, a link the text lost): a host label
		 * naming one server by its protocol, ended by its colon, offers
		 * that server whether or not a host follows (a host that does is
		 * its own). Not a direction alone ("送信メールサーバー：" on a
		 * blank form to fill in offers nothing) */
		size_t sep = nr_skip_sp(s, le, l->len), lw_words = 1;
		for (size_t k = lb; k < le && lw_words <= 10; k++)
			lw_words += s[k] == ' ';
		/* ("POP3 port:", "IMAP Port:" with its number lost: a port's
		 * label naming its protocol offers the server as its host's does) */
		enum mp_nctx lw = f == NF_HOST || f == NF_PORT ? mp_notice_words_ctx(s + lb, le - lb) : NC_NONE;
		const char *lw_name = lw == NC_SMTP ? "smtp" : lw == NC_IMAP ? "imap" : lw == NC_POP ? "pop" : NULL;
		if (lw_name && nr_has(s + lb, le - lb, lw_name) && lw_words <= 10 && sep < l->len && s[sep] == ':' &&
		    nr_skip_sp(s, sep + 1, l->len) == l->len && !joins_in_protocols(s + lb, le - lb))
			nr_cur_acc(x)->s[nr_srv_of(lw)].stated = true;
		/* "■メールアドレス" / "- Port:" with the value on the next line: a
		 * marked heading naming a field announces its value too; an
		 * instruction does not ("enter your name, email address, and
		 * password, and then choose Next") */
		size_t words = 1;
		for (size_t k = lb; k < le && words <= 6; k++)
			words += s[k] == ' ';
		if (f != NF_NONE && f != NF_IGNORE && words <= 6) {
			x->pending = f;
			x->pending_dir = nr_label_dir(x, s + lb, le - lb, edir);
			/* "SSL:" over "Yes": the label's SSL, as on one line */
			x->pending_ssl = f == NF_SECURITY && nr_parse_security(s + lb, le - lb) == MP_SEC_TLS;
			x->pending_ways = f == NF_HOST && nr_names_both_ways(s + lb, le - lb);
			x->pending_sec = f == NF_PORT ? nr_span_sec(s + lb, le - lb) : -1;
			/* "Incoming Port#:" over "Without SSL – 143" / "With SSL –
			 * 993": the cases under it are that server's ports */
			enum mp_nctx pd = x->pending_dir;
			if (f == NF_PORT && (pd == NC_IN || nr_srv_of(pd) >= 0) && mp_notice_words_ctx(s + lb, le - lb) != NC_NONE)
				x->cur = nr_server_for(x, pd, NULL, 0);
		}
		return;
	}
	/* rows under a web-mail heading, until a row names a mail server's
	 * protocol or direction ("POP3 or IMAP Server: …", "SMTP Port: …"):
	 * web mail has no ports and no SMTP */
	if (x->ctx == NC_WEB && f != NF_NONE) {
		enum mp_nctx w = mp_notice_words_ctx(s + lb, le - lb);
		if (w == NC_NONE || w == NC_WEB)
			return;
		x->ctx = NC_NONE;
	}
	/* "… (for example: gwashing@trinity.edu)": an example, not a value */
	size_t tail = le - lb > 16 ? le - 16 : lb;
	if (nr_gives_example(s + tail, le - tail))
		return;
	/* "If your address is on another domain (like barney@…)": the
	 * label's text ends introducing an illustration */
	if ((f == NF_EMAIL || f == NF_LOGIN || f == NF_PASSWORD || f == NF_NAME) && vb >= lb && nr_example_lead(s + lb, vb - lb))
		return;
	/* "Address: secure.example.com" under "POP3 with SSL", "SMTP name:
	 * "smtp.example.com"": a host under a label that names a server (its
	 * protocol, or a bare "Address" inside a server's item) is that
	 * server's host; a host under "E-mail address" or "Name" elsewhere is
	 * no setting of a server ("Your address: example.org") */
	size_t qb = vb, qe = ve;
	nr_trim_quotes(s, &qb, &qe);
	enum mp_nctx lw = mp_notice_words_ctx(s + lb, le - lb);
	bool names_srv = lw == NC_IMAP || lw == NC_POP || lw == NC_SMTP || lw == NC_IN ||
	                 (f == NF_EMAIL && x->cur >= 0 && le - lb == 7 && mp_strncasecmp(s + lb, "address", 7) == 0);
	if ((f == NF_EMAIL || f == NF_NAME) && names_srv && !memchr(s + qb, '@', qe - qb) &&
	    nr_value_is(NF_HOST, s + qb, qe - qb))
		f = NF_HOST, vb = qb, ve = qe;
	/* "Outgoing Mail (SMTP) Server - requires TLS or SSL: smtp.gmail.com":
	 * a remark after the server's label; the label is the part before it */
	if (f != NF_HOST && nr_value_is(NF_HOST, s + vb, ve - vb)) {
		size_t d = nr_find_dash(s, lb, le, SIZE_MAX);
		enum mp_nctx dd;
		if (d < le && d > lb && mp_notice_classify(s + lb, d - lb, &dd) == NF_HOST)
			f = NF_HOST, edir = dd, le = d;
	}
	/* "Outgoing SMTP server (STARTTLS): relay.…": the server's label with
	 * its security in brackets at its end; the host is the label's, the
	 * bracket that server's security (set once the host is) */
	size_t sb = 0, se = 0;
	if (f == NF_SECURITY && le > lb && s[le - 1] == ')' && nr_value_is(NF_HOST, s + vb, ve - vb)) {
		const char *op = memchr(s + lb, '(', le - lb);
		enum mp_nctx dd;
		size_t on = op ? (size_t)(s + le - 1 - (op + 1)) : 0;
		if (op && op > s + lb && mp_notice_classify(s + lb, (size_t)(op - (s + lb)), &dd) == NF_HOST) {
			/* "(SSL not required)", "(SSL optional)": no security said */
			if (nr_parse_security(op + 1, on) >= 0 && !sec_waived(op + 1, on))
				sb = (size_t)(op - s) + 1, se = le - 1;
			f = NF_HOST, edir = dd, le = (size_t)(op - s);
		}
	}
	/* "IMAP SSL server: imap.…", "SSL受信サーバー：…", "Secure SMTP server:
	 * …", "IMAPS server: …", "Incoming server (secure): …": a server's label
	 * naming a security takes the host; the security is that server's */
	const char *lsec = NULL;
	if ((f == NF_SECURITY || f == NF_HOST) && se == sb && le > lb && le - lb <= 60 &&
	    nr_value_is(NF_HOST, s + vb, ve - vb) && !sec_waived(s + lb, le - lb)) {
		static const char *const by[] = {[MP_SEC_NONE] = "none", [MP_SEC_STARTTLS] = "STARTTLS", [MP_SEC_TLS] = "SSL"};
		int ls = nr_span_sec(s + lb, le - lb);
		lsec = ls == SW_TLS_AMBIG ? "TLS" : ls >= 0 && ls <= MP_SEC_TLS ? by[ls] : NULL;
		if (lsec && f == NF_SECURITY) { /* the label without its security words names the server */
			static const char *const sw[] = {"ssl/tls", "starttls", "ssl", "tls", "secure", NULL};
			char buf[64];
			size_t bn = le - lb;
			memcpy(buf, s + lb, bn);
			for (size_t k = 0; k < bn; k++)
				for (const char *const *w = sw; *w; w++)
					if (strlen(*w) <= bn - k && mp_strncasecmp(buf + k, *w, strlen(*w)) == 0) {
						memset(buf + k, ' ', strlen(*w));
						break;
					}
			enum mp_nctx dd;
			if (mp_notice_classify(buf, bn, &dd) == NF_HOST)
				f = NF_HOST, edir = dd;
			else
				lsec = NULL;
		}
	}
	/* "接続方式 ポート番号: 993": a label whose last word names a port or a
	 * security is that field's, whatever word stands before it */
	if (f == NF_IGNORE && edir != NC_WEB) {
		size_t t = le;
		while (t > lb && s[t - 1] != ' ')
			t--;
		enum mp_nctx td;
		enum mp_nfield tf = t > lb && t < le ? mp_notice_classify(s + t, le - t, &td) : NF_NONE;
		if (tf == NF_PORT || tf == NF_SECURITY)
			f = tf, edir = td, lb = t;
	}
	if (f == NF_IGNORE) { /* a web-mail row with its value is one row, not a section */
		nr_prose(x, l, lb);
		return;
	}
	if (f == NF_NONE) {
		if (isdigit((unsigned char)s[lb]) || nr_is_prose(s + lb, ve - lb) || le - lb > 60)
			return; /* continuation cells and sentences */
		/* "Using: SSL and Authentication" in an incoming or outgoing
		 * section: a security value whose label takes none takes the
		 * section heading's */
		size_t tb, tv;
		if (x->ctx != NC_NONE && x->ctx != NC_WEB && x->ctx != NC_ANY && le - lb <= 24 &&
		    nr_typed_value(s, vb, ve, false, &tb, &tv) == NV_SEC && tb == vb) {
			nr_set_field(x, l, vb, s + vb, ve - vb, NF_SECURITY, x->ctx);
			return;
		}
		/* "Verification: PLAIN" in the outgoing section: a mechanism
		 * whose label names no field is the section's login method */
		if (x->ctx != NC_NONE && x->ctx != NC_WEB && le - lb <= 24 && nr_mechanism(s + vb, ve - vb) >= 0) {
			nr_set_field(x, l, vb, s + vb, ve - vb, NF_AUTH_METHOD, x->ctx);
			return;
		}
		if (provider_row(x, l, lb, le, vb, ve))
			return;
		/* "Daum.net: https://mail.daum.net/": a provider's domain over
		 * its website (a link only) heads that provider's block */
		if (brand_domain(s + lb, le - lb) && ve - vb < 200 && (nr_has(s + vb, ve - vb, "://") || nr_has(s + vb, ve - vb, "www.")) &&
		    !memchr(s + vb, ' ', ve - vb)) {
			heading(x, s + lb, le - lb);
			return;
		}
		char *lab = mp_xstrndup(s + lb, le - lb);
		nr_info(x, l, lb, "if this is a mail setting, parse the notice with a template (--template)",
		     "`%s` looks like a setting but is not a known label; not used", lab);
		free(lab);
		return;
	}
	if (x->ctx == NC_WEB)
		x->ctx = NC_NONE;
	/* "Requires SSL: Yes" / "No": the label names the security; a remark
	 * in brackets after the yes is a note ("Enabled (use SSL when using
	 * port 465)"), not the value */
	size_t yv = ve;
	if (f == NF_SECURITY && ve > vb && s[ve - 1] == ')') {
		const char *ob = memchr(s + vb, '(', ve - vb);
		size_t h = ob ? (size_t)(ob - s) : vb;
		while (h > vb && s[h - 1] == ' ')
			h--;
		/* (not a yes on a condition: "Yes (if available)") */
		if (h > vb && nr_parse_yesno_auth(s + vb, h - vb) >= 0 && !nr_has(s + h, ve - h, "if "))
			yv = h;
	}
	/* "Encryption: normal password", "Security: Encrypted password",
	 * "Connection security: OAuth2": a security label over a login
	 * method and no security (Thunderbird's two settings run together)
	 * gives the method */
	if (f == NF_SECURITY && vb < yv && nr_parse_security(s + vb, yv - vb) == -1 && nr_mechanism(s + vb, yv - vb) >= 0 &&
	    nr_parse_yesno_auth(s + vb, yv - vb) != MP_AUTH_NONE && !nr_has(s + vb, yv - vb, "if ")) {
		nr_set_field(x, l, vb, s + vb, yv - vb, NF_AUTH_METHOD, nr_label_dir(x, s + lb, le - lb, edir));
		return;
	}
	if (f == NF_SECURITY && nr_parse_security(s + vb, yv - vb) == -1 && !nr_has(s + vb, yv - vb, "if ") &&
	    !nr_yes_of_login(s + vb, yv - vb)) {
		size_t ve0 = ve;
		ve = yv;
		int yn = nr_parse_yesno_auth(s + vb, ve - vb);
		if (yn == MP_AUTH_NONE) {
			nr_set_field(x, l, vb, "none", 4, NF_SECURITY, nr_label_dir(x, s + lb, le - lb, edir));
			return;
		}
		bool on = yn == MP_AUTH_PASSWORD_CLEARTEXT || toggle_on(s + vb, ve - vb);
		int tsec = nr_parse_security(s + lb, le - lb);
		if (on && tsec >= 0) {
			/* "SSL: This setting should be ON for both SMTP and IMAP":
			 * the servers the value names, else the label's */
			static const struct { const char *w; enum mp_nctx c; } named[] = {
				{"imap", NC_IMAP}, {"pop", NC_POP}, {"smtp", NC_SMTP}};
			bool any = false;
			for (size_t k = 0; k < MP_COUNT(named); k++)
				if (nr_has(s + vb, ve - vb, named[k].w)) {
					nr_set_field(x, l, vb, s + lb, le - lb, NF_SECURITY, named[k].c);
					any = true;
				}
			if (!any)
				nr_set_field(x, l, vb, s + lb, le - lb, NF_SECURITY, nr_label_dir(x, s + lb, le - lb, edir));
			return;
		}
		/* "Encryption: Enabled", "Secure connection: Yes": a label naming
		 * no kind of TLS; the port decides which (587: STARTTLS) */
		if (on && tsec == -1) {
			nr_set_field(x, l, vb, "TLS", 3, NF_SECURITY, nr_label_dir(x, s + lb, le - lb, edir));
			return;
		}
		ve = ve0;
	}
	/* "With SSL: 993", "Without SSL: 143": a port under a security label
	 * is a port offered with that security */
	if (f == NF_SECURITY && isdigit((unsigned char)s[vb])) {
		/* "without", not the "out" of "Outgoing port (SSL)" */
		int sec = nr_port_label_sec(s + lb, le - lb);
		int port = atoi(s + vb);
		int i = x->cur >= 0 ? x->cur : -1;
		if (i >= 0 && port > 0 && port <= 65535 && sec != -2) {
			mailprof_loc loc = nr_loc_at(x, l, vb);
			nr_offer_port(&nr_cur_acc(x)->s[i], port, sec == SW_TLS_AMBIG ? -1 : sec, &loc);
			return;
		}
	}
	/* "Incoming Server (choose POP or IMAP) POP: host": the protocol
	 * named last, right before the value, is the label's own; the choice
	 * before it names no server */
	enum mp_nctx last = last_proto(s, lb, le);
	enum mp_nctx dir = last != NC_NONE ? last : nr_label_dir(x, s + lb, le - lb, edir);
	/* "Incoming server: mail.… (IMAP over SSL)", "… mail.…:993 (IMAP)":
	 * a bracket right after the host naming one incoming protocol says
	 * which server an incoming label's host is (else the next lines
	 * decided, and a sending host after it left the default, POP3) */
	if (f == NF_HOST && last == NC_NONE && (dir == NC_IN || dir == NC_NONE)) {
		enum mp_nctx rp = remark_proto(s, vb, ve);
		if (rp != NC_NONE)
			dir = rp;
	}
	if (last != NC_NONE) /* (the label names that server: the rows after it are its) */
		x->named = last;
	/* (or a host's label naming no protocol under a heading naming both:
	 * "Incoming (POP/IMAP):" / "server: …"; a port there may be one's) */
	enum mp_nctx lbw = mp_notice_words_ctx(s + lb, le - lb);
	x->both_in = last == NC_NONE && (f == NF_HOST || f == NF_PORT) &&
	             (nr_names_both_in(s + lb, le - lb) ||
	              (x->head_both && f == NF_HOST && x->ctx == NC_IN && dir == NC_IN && (lbw == NC_NONE || lbw == NC_IN)));
	/* "Secure Password Authentication (SPA): off": how an incoming server
	 * takes the password (off: the normal one), not whether sending logs in */
	/* ("secure password auth:   OFF", a label of an aligned list) */
	if (f == NF_PASSWORD && nr_has(s + lb, le - lb, "secure password auth"))
		f = NF_AUTH_METHOD;
	if ((f == NF_SMTP_AUTH || f == NF_AUTH_METHOD) &&
	    (nr_has(s + lb, le - lb, "secure password") || nr_has(s + lb, le - lb, "(spa)"))) {
		int yn = nr_parse_yesno_auth(s + vb, ve - vb);
		enum mp_nctx sd = x->cur == S_IMAP ? NC_IMAP : x->cur == S_POP ? NC_POP : x->ctx;
		if ((yn == MP_AUTH_NONE || yn == MP_AUTH_PASSWORD_CLEARTEXT) && (sd == NC_IMAP || sd == NC_POP || sd == NC_IN)) {
			const char *m = yn == MP_AUTH_NONE ? "normal password" : "encrypted password";
			nr_set_field(x, l, vb, m, strlen(m), NF_AUTH_METHOD, sd);
		} else
			nr_info(x, l, vb, NULL, "%s names no incoming server; not used", "secure password authentication");
		return;
	}
	/* "認証方式: 通常のパスワード認証", "Authentication: Normal password"
	 * under an incoming heading: a method label naming no server is that
	 * section's, not sending's */
	/* (the section may be a server's host line: "### IMAPサーバ imap.…") */
	enum mp_nctx insec = x->ctx != NC_NONE ? x->ctx : x->cur == S_IMAP ? NC_IMAP : x->cur == S_POP ? NC_POP : NC_NONE;
	/* ("Authentication: Enabled/password": the method after the yes) */
	size_t ym = f == NF_SMTP_AUTH ? vb + nr_yes_then_mechanism(s + vb, ve - vb) : ve;
	if ((f == NF_AUTH_METHOD || (f == NF_SMTP_AUTH && (nr_mechanism(s + vb, ve - vb) >= 0 || ym < ve))) &&
	    (insec == NC_IN || insec == NC_POP || insec == NC_IMAP) && mp_notice_words_ctx(s + lb, le - lb) == NC_NONE) {
		size_t mb = ym < ve ? ym : vb;
		nr_set_field(x, l, mb, s + mb, ve - mb, NF_AUTH_METHOD, insec);
		return;
	}
	/* "Authentication: Password" (Apple Mail's form) in sending's block:
	 * a method where a yes or no was looked for says sending logs in */
	if (f == NF_SMTP_AUTH && (insec == NC_SMTP || x->cur == S_SMTP) && nr_parse_yesno_auth(s + vb, ve - vb) < 0 &&
	    nr_mechanism(s + vb, ve - vb) >= 0) {
		nr_set_field(x, l, vb, s + vb, ve - vb, NF_AUTH_METHOD, NC_SMTP);
		return;
	}
	/* "受信方式: POP over SSL/TLS", "送信方式: SMTP over SSL/TLS
	 * (CRAM-MD5認証)": a protocol's value with its security (and login
	 * method) is a port line for the server it names */
	if (f == NF_IN_PROTO && nr_span_sec(s + vb, ve - vb) >= 0 && nr_matrix(NULL, l, s + vb, ve - vb, vb) > 0) {
		nr_matrix(x, l, s + vb, ve - vb, vb);
		if (!nr_has(s + vb, ve - vb, "pop") && !nr_has(s + vb, ve - vb, "imap"))
			return;
	}
	/* "Server Type: IMAP   Host: imap.…", "Server Type | IMAP | Host |
	 * imap.… |": a protocol's value with another pair after it on the
	 * line is the protocol; the rest is read as a line of its own, under
	 * that server */
	if (f == NF_IN_PROTO && x->split_depth < 16) {
		size_t k = vb, r, e;
		while (k < ve && isalnum((unsigned char)s[k]))
			k++;
		for (r = k; r < ve && strchr(" |;,", s[r]);)
			r++;
		for (e = r; e < ve && e - r < 40 && s[e] != ':' && s[e] != '|';)
			e++;
		enum mp_nctx rd;
		enum mp_nfield rf = r > k && e < ve && (s[e] == ':' || s[e] == '|') && isalpha((unsigned char)s[r])
		                        ? mp_notice_classify(s + r, e - r, &rd) : NF_NONE;
		if (rf != NF_NONE && rf != NF_IGNORE && rf != NF_IN_PROTO) {
			nr_set_field(x, l, vb, s + vb, k - vb, f, dir);
			read_view(x, l, r, ve);
			return;
		}
	}
	/* "Mail server (POP, IMAP and SMTP)", "Incoming and outgoing mail
	 * server", "送受信サーバー", "Security for both incoming and
	 * outgoing": one host or security for every server */
	/* (and a security whose value names both: "SSL for both Incoming
	 * server (IMAP) and Outgoing Server (SMTP)", "TLS on incoming and
	 * outgoing"; not one security for each, "SSL for IMAP, STARTTLS for
	 * SMTP", read by set_security) */
	bool both_val = f == NF_SECURITY && vb < ve && nr_names_both_ways(s + vb, ve - vb) &&
	                !nr_sec_per_server(s + vb, ve - vb) && nr_span_sec(s + vb, ve - vb) >= 0 &&
	                (nr_has(s + vb, ve - vb, "both") || nr_has(s + vb, ve - vb, " and "));
	/* ("… to SSL for both Incoming server (IMAP)" / "and Outgoing Server
	 * (SMTP)." wrapped: "both" before a direction, not a protocol ("both
	 * IMAP and POP"), pairs it with the other direction) */
	/* (the value's security looked up once, not for each of its bytes) */
	bool val_sec = f == NF_SECURITY && !both_val && nr_span_sec(s + vb, ve - vb) >= 0;
	for (size_t k = vb; val_sec && k + 5 <= ve; k++)
		if (mp_strncasecmp(s + k, "both ", 5) == 0 && (k == vb || !isalpha((unsigned char)s[k - 1]))) {
			size_t w = nr_skip_sp(s, k + 5, ve);
			while (w < ve && (s[w] == '*' || s[w] == '"' || s[w] == ' '))
				w++;
			both_val = nr_starts_any_ci(s + w, ve - w, (const char *const[]){"incom", "receiv", "outgo", "sending", NULL}) > 0 &&
			           !nr_sec_per_server(s + vb, ve - vb);
			break;
		}
	if (((f == NF_HOST || f == NF_SECURITY) && nr_names_both_ways(s + lb, le - lb)) || both_val) {
		dir = NC_ANY, x->both_in = false;
		/* "IMAP and SMTP server:", "Server (IMAP/SMTP):": the protocols
		 * it names are offered, so the host is IMAP's, not the default
		 * incoming one's */
		if (f == NF_HOST)
			names_offer(x, l, lb, le, false);
	}
	nr_set_field(x, l, vb, s + vb, ve - vb, f, dir);
	if (se > sb)
		nr_set_field(x, l, sb, s + sb, se - sb, NF_SECURITY, dir);
	else if (lsec && f == NF_HOST)
		nr_set_field(x, l, lb, lsec, strlen(lsec), NF_SECURITY, dir);
	x->both_in = false;
}

/* Does a value fit the field a label on the line before announced? */
static bool fits(enum mp_nfield f, const char *s, size_t n)
{
	size_t t = nr_token_len(s, n);
	switch (f) {
	case NF_HOST: return nr_valid_host(s, t) || nr_has(s, n, "ドメイン");
	case NF_PORT: return n && isdigit((unsigned char)s[0]);
	case NF_EMAIL: return nr_valid_email(s, t);
	default: return true;
	}
}

/* A line naming an address domain ("@ji.example.jp") and, after it, hosts:
 * the servers for addresses in that domain. Each host's server comes from
 * the words before it (受信/送信/POP/IMAP/SMTP), else from its name. */
static bool domain_rule(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len, i = b;
	char *cont = x->rule_cont; /* the sentence of the line before goes on */
	x->rule_cont = NULL;
	for (; i < n; i++)
		if (s[i] == '@' && nr_bare_at(s, b, i))
			break;
	size_t d0 = i + 1, d1 = d0;
	while (d1 < n && (isalnum((unsigned char)s[d1]) || s[d1] == '.' || s[d1] == '-'))
		d1++;
	while (d1 > d0 && s[d1 - 1] == '.')
		d1--;
	char *dom;
	if (i < n && nr_valid_host(s + d0, d1 - d0)) {
		dom = mp_xstrndup(s + d0, d1 - d0);
		free(cont);
	} else if (cont && i >= n) {
		dom = cont;
		d1 = b;
	} else {
		free(cont);
		return false;
	}
	size_t found = 0, seg = d1;
	for (size_t k = d1; k < n; k++) {
		/* seg is past the last host taken: nothing inside it is another */
		if (k < seg || (k > 0 && (isalnum((unsigned char)s[k - 1]) || s[k - 1] == '.' ||
		                          s[k - 1] == '-' || s[k - 1] == '@')))
			continue;
		size_t t = nr_token_len(s + k, n - k);
		while (t && (s[k + t - 1] == '.' || s[k + t - 1] == ','))
			t--;
		if (!nr_valid_host(s + k, t))
			continue;
		enum mp_nctx c = mp_notice_words_ctx(s + seg, k - seg);
		int srv = c == NC_SMTP ? S_SMTP : c == NC_IMAP ? S_IMAP : c == NC_POP || c == NC_IN ? S_POP : -1;
		if (srv < 0 || (c == NC_IN && mp_strncasecmp(s + k, "imap", 4) == 0))
			srv = mp_strncasecmp(s + k, "imap", 4) == 0 ? S_IMAP
			      : mp_strncasecmp(s + k, "pop", 3) == 0 ? S_POP
			      : mp_strncasecmp(s + k, "smtp", 4) == 0 ? S_SMTP : srv;
		seg = k + t;
		if (srv < 0)
			continue;
		x->rules = mp_xgrow(x->rules, x->nrules, sizeof *x->rules);
		struct drule *r = &x->rules[x->nrules++];
		memset(r, 0, sizeof *r);
		r->domain = mp_xstrdup(dom);
		r->srv = srv;
		mailprof_loc loc = nr_loc_at(x, l, k);
		mp_str_setn(&r->host, s + k, t, &loc);
		/* "pop02.example.jp（ポート110）" */
		size_t e = k + t;
		while (e < n && !(e > k + t && nr_valid_host(s + e, nr_token_len(s + e, n - e))))
			e++;
		const char *pw = NULL;
		for (size_t j = k + t; j < e && !pw; j++)
			if (nr_starts_any_ci(s + j, e - j, (const char *const[]){"ポート", "port", NULL}))
				pw = s + j;
		int port, sec, mark;
		size_t at;
		if (pw && nr_parse_port(pw, (size_t)(s + e - pw), &port, &sec, &at, &mark)) {
			mailprof_loc pl = nr_loc_at(x, l, (size_t)(pw - s) + at);
			mp_int_set(&r->port, port, &pl);
			r->sec.v = sec;
			r->sec.set = sec >= 0;
			r->sec.loc = pl;
		}
		found++;
	}
	/* a sentence that does not end here may name more servers below */
	if (found && !nr_has(s + b, n - b, "。") && !nr_has(s + b, n - b, "ください"))
		x->rule_cont = mp_xstrdup(dom);
	free(dom);
	return found > 0;
}

/* A table aligned with spaces turned over: a header whose cells name
 * servers ("　　受信サーバー　　送信サーバー", "Item  Incoming  Outgoing",
 * a corner cell first or not), then rows of a field's label and one
 * value per column ("ポート番号  995  465"), each value the field of its
 * row for the server of its column. Rows are read by their cells' order
 * (full-width text does not keep columns aligned by character); a row of
 * another shape ends the table. True when the line was such a header or
 * row. */
static bool server_columns(struct ex *x, const mp_nline *l, size_t nc)
{
	const char *s = l->s;
	const size_t *cb = x->cb, *ce = x->ce;
	if (nc < 2) {
		x->nsctx = 0;
		return false;
	}
	enum mp_nctx d;
	size_t k0 = 0;
	enum mp_nctx c0 = mp_notice_words_ctx(s + cb[0], ce[0] - cb[0]);
	enum mp_nfield f0 = mp_notice_classify(s + cb[0], ce[0] - cb[0], &d);
	if (c0 == NC_NONE && (f0 == NF_NONE || f0 == NF_IGNORE))
		k0 = 1; /* a corner cell ("項目", "Item") */
	bool head = nc - k0 >= 2 && nc - k0 <= 4;
	for (size_t k = k0; k < nc && head; k++) {
		size_t t = nr_token_len(s + cb[k], ce[k] - cb[k]);
		enum mp_nctx c = mp_notice_words_ctx(s + cb[k], ce[k] - cb[k]);
		enum mp_nfield f = mp_notice_classify(s + cb[k], ce[k] - cb[k], &d);
		head = (c == NC_IMAP || c == NC_POP || c == NC_SMTP || c == NC_IN) && (f == NF_NONE || f == NF_HOST) &&
		       !nr_valid_host(s + cb[k], t) && !memchr(s + cb[k], '@', ce[k] - cb[k]);
		for (size_t j = k0; j < k && head; j++)
			head = mp_notice_words_ctx(s + cb[j], ce[j] - cb[j]) != c;
	}
	if (head) {
		x->sctx = mp_xrealloc(x->sctx, (nc - k0) * sizeof *x->sctx);
		for (size_t k = k0; k < nc; k++)
			x->sctx[k - k0] = mp_notice_words_ctx(s + cb[k], ce[k] - cb[k]);
		x->nsctx = nc - k0;
		x->nscol = 0;
		return true;
	}
	if (!x->nsctx)
		return false;
	/* the label and the first value may be one cell: "サーバー名　pop.…" (one
	 * ideographic space is one space) */
	size_t le = ce[0], v0 = ce[0];
	if (nc == x->nsctx) {
		const char *sp = memchr(s + cb[0], ' ', ce[0] - cb[0]);
		if (sp) {
			le = (size_t)(sp - s);
			v0 = nr_skip_sp(s, le, ce[0]);
		}
	}
	enum mp_nfield rf = mp_notice_classify(s + cb[0], le - cb[0], &d);
	size_t nv = nc - 1 + (v0 < ce[0]);
	if (nv != x->nsctx || rf == NF_NONE || rf == NF_IGNORE) {
		x->nsctx = 0;
		return false;
	}
	for (size_t k = 0; k < nv; k++) {
		size_t vb = v0 < ce[0] ? (k ? cb[k] : v0) : cb[k + 1], ve = v0 < ce[0] ? ce[k] : ce[k + 1];
		nr_set_field(x, l, vb, s + vb, ve - vb, rf, x->sctx[k]);
	}
	return true;
}

/* A table aligned with spaces: a header row whose cells all name fields
 * ("Server   Port   Encryption"), then rows whose cells sit under them,
 * after an optional row heading ("Incoming (POP3)"). True when the line
 * was such a header or row. */
static bool space_table(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	if (memchr(s + b, '|', n - b) || memchr(s + b, ':', n - b) || memchr(s + b, '=', n - b)) {
		x->nscol = x->nsctx = 0;
		return false;
	}
	size_t nc = nr_space_cells(x, s, b, n);
	size_t *cb = x->cb, *ce = x->ce;
	if (server_columns(x, l, nc))
		return true;
	/* the header */
	size_t named = 0;
	bool values = false, spaced = false;
	enum mp_nfield *f = x->cf;
	unsigned seen = 0; /* the fields of the cells before: a bit each (not each cell against all before it) */
	_Static_assert(NF_IN_PROTO < 32, "space_table's bit set holds every field");
	for (size_t k = 0; k < nc; k++) {
		enum mp_nctx d;
		f[k] = mp_notice_classify(s + cb[k], ce[k] - cb[k], &d);
		size_t t = nr_token_len(s + cb[k], ce[k] - cb[k]);
		if (memchr(s + cb[k], '@', ce[k] - cb[k]) || nr_valid_host(s + cb[k], t) ||
		    isdigit((unsigned char)s[cb[k]]))
			values = true;
		spaced |= memchr(s + cb[k], ' ', ce[k] - cb[k]) != NULL;
		bool dup = seen >> f[k] & 1u;
		seen |= 1u << f[k];
		/* (a protocol's column first too: "Protocol  Server  Port
		 * Encryption  Authentication"; not a column of login methods,
		 * whose rows read as lines keep each port's own methods) */
		if (!dup && (f[k] == NF_HOST || f[k] == NF_PORT || f[k] == NF_SECURITY || f[k] == NF_LOGIN ||
		             f[k] == NF_PASSWORD || f[k] == NF_EMAIL || f[k] == NF_SMTP_AUTH ||
		             (f[k] == NF_IN_PROTO && k == 0)))
			named++;
	}
	/* Three distinct field names at least: "ユーザー名   メールアドレスと同じ"
	 * is a label and its value, not a header. */
	/* A cell of words is a value ("Same as your address"), unless four
	 * distinct fields name every cell ("Server  Port  Encryption  Login
	 * required"). */
	if (nc >= 3 && named == nc && !values && (!spaced || nc >= 4)) {
		x->scol = mp_xrealloc(x->scol, nc * sizeof *x->scol);
		x->sfield = mp_xrealloc(x->sfield, nc * sizeof *x->sfield);
		for (size_t k = 0; k < nc; k++) {
			x->scol[k] = mp_nline_col(l, cb[k]);
			x->sfield[k] = f[k];
		}
		x->nscol = nc;
		return true;
	}
	if (!x->nscol || nc < 2)
		return x->nscol = 0, false;
	/* a row: cells left of the first column are the row's heading */
	size_t k = 0, used = 0;
	if (mp_nline_col(l, cb[0]) < x->scol[0] - 1) {
		if (mp_notice_words_ctx(s + cb[0], ce[0] - cb[0]) == NC_NONE)
			return x->nscol = 0, false;
		heading(x, s + cb[0], ce[0] - cb[0]);
		k = 1;
	}
	for (; k < nc; k++) {
		int c = mp_nline_col(l, cb[k]);
		size_t j = x->nscol;
		while (j > 0 && x->scol[j - 1] > c + 1)
			j--;
		if (j == 0)
			continue;
		/* the protocol's column opening the row ("IMAP  imap.…  993")
		 * heads the row: the cells after it are that server's */
		if (x->sfield[j - 1] == NF_IN_PROTO && j == 1) {
			enum mp_nctx pc = mp_notice_words_ctx(s + cb[k], ce[k] - cb[k]);
			if (pc == NC_IMAP || pc == NC_POP || pc == NC_SMTP) {
				heading(x, s + cb[k], ce[k] - cb[k]);
				x->cur = nr_srv_of(pc);
				used++;
				continue;
			}
		}
		nr_set_field(x, l, cb[k], s + cb[k], ce[k] - cb[k], x->sfield[j - 1],
		          x->ctx == NC_WEB ? NC_NONE : x->ctx);
		used++;
	}
	if (!used)
		x->nscol = 0;
	return used > 0;
}

/* Is the value ending at ve in a condition or an alternative ("If …
 * blocks port 465, use port 587 instead", "TLS で接続する…場合には")? Its
 * clause since the value before (prev) and a few bytes after it tell;
 * "if prompted" is the program asking, not a condition. Without
 * alt_before, または/もしくは before the line's first value join other
 * words ("メールクライアントもしくはアプリケーションで…を…に設定"), not values. */
/* A value a notice changes away from: "from 25 to 587", "from pop.old…
 * to pop.new…", "25 → 587", "「25」から「587」に変更": the old one is no
 * setting (the one after it is). Only a few bytes around it are read. */
static bool changed_from(const char *s, size_t vb, size_t ve, size_t n)
{
	static const char *const close[] = {"」", "』", "”", "\"", "'", ")", NULL};
	static const char *const open[] = {"「", "『", "“", "\"", "'", "(", NULL};
	size_t e = ve, k;
	while (e < n && (k = nr_starts_any(s + e, n - e, close)) > 0)
		e += k;
	if (e + 3 <= n && memcmp(s + e, "番", 3) == 0)
		e += 3;
	size_t f = nr_skip_sp(s, e, n);
	/* "ポート番号は初期状態で「25」となっておりますが、これを「587」に変更",
	 * "The port is 25 by default; change it to 587": the value a later
	 * clause of its sentence changes ("it", "this", これを) into a number */
	{
		static const char *const redo[] = {"これを", "それを", "change it to ", "change this to ", "change that to ",
		                                   "set it to ", "change it into ", NULL};
		for (size_t q = f; q < n && q < f + 120 && !(s[q] == '.' && (q + 1 == n || s[q + 1] == ' ')) &&
		                   !(q + 3 <= n && memcmp(s + q, "。", 3) == 0);
		     q++) {
			size_t w = nr_starts_any_ci(s + q, n - q, redo);
			if (!w)
				continue;
			size_t d = q + w;
			while (d < n && d < q + w + 8 && !isdigit((unsigned char)s[d]))
				d++;
			if (d < n && isdigit((unsigned char)s[d]) && vb < ve && isdigit((unsigned char)s[vb]))
				return true;
			break;
		}
	}
	/* Japanese: "から" then another value (not "から送信", "からの") */
	bool ja = f + 6 <= n && memcmp(s + f, "から", 6) == 0;
	static const char *const arrow[] = {"→", "⇒", "->", "=>", NULL};
	size_t ar = nr_starts_any(s + f, n - f, arrow);
	size_t to = f + 3 <= n && mp_strncasecmp(s + f, "to ", 3) == 0 ? 3 : 0;
	size_t nb = ja ? f + 6 : ar ? f + ar : to ? f + to : n;
	if (nb >= n)
		return false;
	nb = nr_skip_sp(s, nb, n);
	while (nb < n && (k = nr_starts_any(s + nb, n - nb, open)) > 0)
		nb += k;
	if (nb >= n || !isalnum((unsigned char)s[nb]))
		return false;
	if (ja || ar)
		return true;
	/* English: "to" after it, "from" before it */
	size_t b = vb;
	while (b > 0 && vb - b < 8) {
		size_t q = 0;
		for (const char *const *o = open; *o && !q; o++)
			if (strlen(*o) <= b && memcmp(s + b - strlen(*o), *o, strlen(*o)) == 0)
				q = strlen(*o);
		if (!q)
			break;
		b -= q;
	}
	while (b > 0 && s[b - 1] == ' ')
		b--;
	static const char *const word[] = {"from", "change", "changed", "changing", NULL};
	for (const char *const *w = word; *w; w++) {
		size_t wl = strlen(*w);
		if (b >= wl && mp_strncasecmp(s + b - wl, *w, wl) == 0 && (b == wl || !isalnum((unsigned char)s[b - wl - 1])))
			return true;
	}
	return false;
}

/* A row's value that changes one value into another ("pop.old… →
 * pop.new…", "change 25 to 587", "from 110 to 995"): where the new one
 * starts, vb when the value is not a change. */
static size_t change_target(const char *s, size_t vb, size_t ve)
{
	static const char *const lead[] = {"change from ", "changed from ", "change ", "from ", NULL};
	size_t a = vb + nr_starts_any_ci(s + vb, ve - vb, lead);
	size_t tb, te;
	if (nr_typed_value(s, a, ve, true, &tb, &te) == NV_NONE || tb != a || !changed_from(s, tb, te, ve))
		return vb;
	/* past the old value, its quotes, the arrow or "to"/から, the quotes */
	size_t i = te;
	while (i < ve && !isalnum((unsigned char)s[i]))
		i++;
	if (i + 2 < ve && mp_strncasecmp(s + i, "to ", 3) == 0)
		i += 3;
	while (i < ve && !isalnum((unsigned char)s[i]))
		i++;
	return i < ve ? i : vb;
}

/* "The SMTP server should be smtp.… if you will be connecting from
 * within the campus network", "if you are outside the campus network you
 * will need to use … smtphost.…": a condition naming where the client
 * connects from (after the host, to its sentence's end, or before it,
 * since its sentence's start) says which way the server is reached (an
 * access alternative, fill.c), not that the host is advice. */
static bool access_condition(const char *s, size_t pv, size_t vb, size_t ve, size_t n)
{
	static const char *const place[] = {"within", "inside", "outside", "on campus", "on-campus", "off campus",
	                                    "off-campus", "campus network", "from home", "学内", "構内", "学外", NULL};
	size_t e = ve;
	while (e < n && e < ve + 100 && s[e] != ';' && !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')))
		e++;
	if ((nr_has(s + ve, e - ve, "if ") || nr_has(s + ve, e - ve, "場合")) && nr_has_any(s + ve, e - ve, place))
		return true;
	size_t b = vb;
	while (b > pv && vb - b < 160 && !(s[b - 1] == ' ' && b >= pv + 2 && s[b - 2] == '.'))
		b--;
	/* (no other alternative in it: "if … blocks port 25, use …") */
	return (nr_has(s + b, vb - b, "if ") || nr_has(s + b, vb - b, "場合")) && nr_has_any(s + b, vb - b, place) &&
	       !nr_has(s + b, vb - b, "block") && !nr_has(s + b, vb - b, "instead");
}

/* "If your Server host name is set to pop3.…, make sure …", "When the
 * SMTP server shows mail.…, tick …": a condition whose subject is the
 * server field and whose object is the host checks the client against
 * the provider's own host; the host is that server's, not advice. Not
 * when the sentence names another host after it ("If your outgoing
 * server is smtp.old…, change it to smtp.new…": the old one). */
static bool checked_host(const char *s, size_t pv, size_t vb, size_t ve, size_t n)
{
	static const char *const open[] = {"if your ", "if the ", "when your ", "when the ", "where your ",
	                                   "where the ", NULL};
	static const char *const verb[] = {" is set to", " is currently", " currently reads", " currently shows",
	                                   " is shown as", " reads", " shows", " says", " is", NULL};
	size_t t = vb;
	while (t > pv && (s[t - 1] == ' ' || s[t - 1] == '"' || s[t - 1] == '\''))
		t--;
	size_t vl = 0;
	for (const char *const *w = verb; *w && !vl; w++) {
		size_t wl = strlen(*w);
		if (t >= pv + wl && mp_strncasecmp(s + t - wl, *w, wl) == 0)
			vl = wl;
	}
	if (!vl)
		return false;
	/* the subject: the opener, then words naming a server field, no clause
	 * between ("If your address ends in …, your server is …": no) */
	size_t se = t - vl, o = se;
	while (o > pv && se - o < 60 && !strchr(",;.:()", s[o - 1]))
		o--;
	while (o < se && s[o] == ' ')
		o++;
	size_t k = nr_starts_any_ci(s + o, se - o, open);
	if (!k || !nr_has_any(s + o + k, se - o - k, (const char *const[]){"server", "host", NULL}))
		return false;
	/* no other host after it in its sentence */
	size_t e = ve;
	while (e < n && e - ve < 200 && !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')))
		e++;
	for (size_t i = ve; i < e;) {
		while (i < e && !isalnum((unsigned char)s[i]))
			i++;
		size_t j = i;
		while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-' || (s[j] == '.' && j + 1 < n && isalnum((unsigned char)s[j + 1]))))
			j++;
		if (j > i && nr_valid_host(s + i, j - i))
			return false;
		i = j;
	}
	return true;
}

/* "If you use IMAP, use port 993", "If your account is set up as IMAP
 * instead of POP3, use port 993", "IMAPをご利用の場合は、ポート993": a
 * condition naming which incoming protocol the reader chose is no advice
 * but that protocol's port; the protocol comes from the clause (the port
 * must be one registered for it, so "If you use IMAP, open port 25" is
 * not), never from the port alone. Not a port blocked or refused. NC_NONE
 * when the clause (120 bytes before the port at most) names no such
 * choice. */
static enum mp_nctx protocol_choice(const char *s, size_t pv, size_t vb, int port)
{
	size_t cb = vb - pv > 120 ? vb - 120 : pv;
	static const char *const refused[] = {"block", "ブロック", "遮断", "not allowed", "not permitted", "cannot", "can't",
	                                      "unable", "できません", "使えません", "利用できない", NULL};
	if (nr_has_any(s + cb, vb - cb, refused))
			return NC_NONE;
	enum mp_nctx reg = nr_port_ctx(port);
	const char *name = reg == NC_IMAP ? "imap" : reg == NC_POP ? "pop" : NULL;
	if (!name || !nr_has(s + cb, vb - cb, name) || nr_has(s + cb, vb - cb, "before smtp"))
		return NC_NONE;
	/* the protocol as the choice: "if you use IMAP", "for IMAP", "IMAPの場合" */
	static const char *const choice[] = {"if ", "for ", "場合", "ご利用", NULL};
	if (nr_has_any(s + cb, vb - cb, choice))
			return reg;
	return NC_NONE;
}

/* The incoming protocol a condition before a host chooses ("If you are
 * setting up an IMAP account, …"): one of IMAP and POP named after "if"
 * in the 120 bytes before it, nothing refused; else NC_NONE. */
static enum mp_nctx host_choice(const char *s, size_t pv, size_t vb)
{
	size_t cb = vb - pv > 120 ? vb - 120 : pv;
	static const char *const refused[] = {"block", "not allowed", "not permitted", "cannot", "can't", "unable", NULL};
	size_t at = cb;
	while (at + 3 <= vb && mp_strncasecmp(s + at, "if ", 3) != 0)
		at++;
	if (at + 3 > vb || nr_has_any(s + cb, vb - cb, refused) || nr_has(s + at, vb - at, "smtp") ||
	    nr_has(s + at, vb - at, "before"))
		return NC_NONE;
	bool im = nr_has(s + at, vb - at, "imap"), po = nr_has(s + at, vb - at, "pop");
	return im && !po ? NC_IMAP : po && !im ? NC_POP : NC_NONE;
}

/* "993 if you use IMAP, or 995 if you use POP3": the choice of protocol
 * right after the port, to its clause's end (a short way), the port's
 * registered protocol named: that server's port, not advice. */
static enum mp_nctx protocol_choice_after(const char *s, size_t ve, size_t n, int port)
{
	static const char *const open[] = {" if you use ", " if using ", " when using ", " if you choose ",
	                                   " if you prefer ", NULL};
	size_t k = nr_starts_any_ci(s + ve, n - ve, open);
	if (!k)
		return NC_NONE;
	size_t e = ve + k;
	while (e < n && e - ve < 40 && !strchr(",;.()", s[e]))
		e++;
	enum mp_nctx reg = nr_port_ctx(port);
	enum mp_nctx said = mp_notice_words_ctx(s + ve + k, e - ve - k);
	return (reg == NC_IMAP || reg == NC_POP) && said == reg ? reg : NC_NONE;
}

/* "Incoming port: 993 if you use IMAP, or 995 if you use POP3": does
 * s[b, n) hold two ports or more each followed by the protocol chosen
 * for it (protocol_choice_after), naming different servers? Then the
 * row's value is several pairs, each port its protocol's. */
static bool chosen_ports(const char *s, size_t b, size_t n)
{
	enum mp_nctx one = NC_NONE;
	for (size_t i = b; i < n; i++) {
		if (!isdigit((unsigned char)s[i]) || (i > b && isalnum((unsigned char)s[i - 1])))
			continue;
		size_t e = i;
		int pn = 0;
		while (e < n && isdigit((unsigned char)s[e]) && pn < 100000)
			pn = pn * 10 + (s[e++] - '0');
		enum mp_nctx c = e < n && !isalnum((unsigned char)s[e]) ? protocol_choice_after(s, e, n, pn) : NC_NONE;
		if (c != NC_NONE && one != NC_NONE && c != one)
			return true;
		if (c != NC_NONE)
			one = c;
		i = e;
	}
	return false;
}

static bool cond_near(const char *s, size_t prev, size_t ve, size_t n, bool alt_before)
{
	/* and a port a provider blocks ("Outbound Port 25 Blocking",
	 * "25番ポートを遮断") is no setting either */
	static const char *const cond[] = {"if ", "unless", "instead", "場合", "もしくは", "または", "block", "ブロック", "not allowed", "not permitted",
	                                   "遮断", NULL};
	/* only the value's own sentence: "If you read this before then, both
	 * hosts run until 30th June. After that, change your SMTP host to
	 * relay.…" (a number not a port no longer ends the first sentence) */
	for (size_t k = prev; k + 2 < ve; k++)
		if ((s[k] == '.' && s[k + 1] == ' ' && isupper((unsigned char)s[k + 2])) ||
		    (k + 3 <= ve && memcmp(s + k, "。", 3) == 0))
			prev = k + 2;
	for (const char *const *c = cond; *c; c++)
		if (nr_has(s + prev, ve - prev, *c) && !(c == cond && nr_prompt_only(s + prev, ve - prev)) &&
		    !(!alt_before && (strcmp(*c, "もしくは") == 0 || strcmp(*c, "または") == 0)))
			return true;
	/* after it, to the end of its clause: "TLS で接続する…場合には"; an
	 * alternative in brackets right after it is the bracket's
	 * ("465番(または587番)に設定": 465 is the setting) */
	if (ve + 3 <= n && memcmp(s + ve, "番", 3) == 0)
		ve += 3;
	if (ve < n && s[ve] == '(') {
		const char *cl = memchr(s + ve, ')', n - ve < 80 ? n - ve : 80);
		if (cl)
			ve = (size_t)(cl - s) + 1;
	}
	/* (not past the next number: "Use port 993 for IMAP-over-SSL or the
	 * default port 143 if your client can do STARTTLS": the condition is
	 * 143's; "26 or 587 if your ISP blocks port 25" shares it) */
	size_t e = ve;
	while (e < n && e < ve + 60 && s[e] != ',' && s[e] != ';' && s[e] != '.' &&
	       !(isdigit((unsigned char)s[e]) && e > ve + 12) &&
	       !nr_starts_any(s + e, n - e, (const char *const[]){"。", "、", NULL}))
		e++;
	/* a clause cut short is read on a little ("993 (if …"), but not
	 * past a full stop: "POP3: mail.…:995. If you use Thunderbird, …" */
	bool stop = e < n && ((s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')) || nr_starts_any(s + e, n - e, (const char *const[]){"。", NULL}));
	if (e < ve + 10 && !stop)
		e = n - ve < 10 ? n : ve + 10;
	for (const char *const *c = cond; *c; c++)
		if (ve < n && nr_has(s + ve, e - ve, *c))
			return true;
	return false;
}

/* "Your outgoing (SMTP) mail server is exactly the same as your incoming
 * server", "Outgoing server: same as incoming server", "SMTPサーバー：
 * POPサーバーと同じ": a server's label (its sentence's words before the
 * other server's name, else the section's server) whose value is another
 * server's name shares that server's host (fill.c, resolve.c); a login's
 * or a port's "same as incoming" is not a host's. */
static void same_host_line(struct ex *x, const mp_nline *l, size_t b)
{
	static const char *const srv[] = {"server", "host", "サーバ", NULL};
	static const char *const other[] = {"user", "login", "password", "port", "auth", "address", "ユーザ",
	                                    "パスワード", "ポート", "認証", "アドレス", NULL};
	const char *s = l->s;
	size_t tb, te;
	enum mp_nctx src = nr_same_server(s + b, l->len - b, &tb, &te);
	if (src == NC_NONE)
		return;
	tb += b;
	size_t lb = tb; /* the label: back to its sentence's start, a short way */
	while (lb > b && tb - lb < 120 && !(lb >= b + 2 && s[lb - 1] == ' ' && s[lb - 2] == '.') &&
	       !(lb >= b + 3 && memcmp(s + lb - 3, "。", 3) == 0))
		lb--;
	if (!nr_has_any(s + lb, tb - lb, srv) || nr_has_any(s + lb, tb - lb, other))
		return;
	enum mp_nctx dir = mp_notice_words_ctx(s + lb, tb - lb);
	if (dir != NC_IN && dir != NC_POP && dir != NC_IMAP && dir != NC_SMTP)
		dir = x->ctx;
	if ((dir == NC_IN || dir == NC_POP || dir == NC_IMAP || dir == NC_SMTP) && dir != src)
		nr_same_host(x, dir, src);
}

/* "- Select Secure Connection (SSL)", "Check the Use Secure Sockets
 * Layer (SSL) checkbox", "SSL を使用": an instruction turning a security
 * on, with no label and no port, is the security of the server its words
 * name, else of its section's; not a condition, not a denial. True when
 * the line was read. */
static bool security_instruction(struct ex *x, const mp_nline *l, size_t b)
{
	static const char *const verbs[] = {"select ", "check ", "tick ", "enable ", "turn ", "use ", "choose ",
	                                    "set ", "mark ", NULL};
	/* "[x] Use SSL", "☑ SSL を使用": a ticked box before the option */
	static const char *const box[] = {"[x] ", "[X] ", "[✓] ", "☑", "✓", "✔", "■ ", NULL};
	static const char *const ja[] = {"を使用", "を選択", "にチェック", "を有効", "を利用", "をオン", NULL};
	static const char *const deny[] = {"not ", "n't", "never", "without", "disable", "uncheck", " off", "ません",
	                                   "しない", "無効", "オフ", "外し", NULL};
	const char *s = l->s;
	size_t n = l->len;
	size_t bx = nr_starts_any(s + b, n - b, box);
	if (bx)
		b = nr_skip_sp(s, b + bx, n);
	bool told = (nr_starts_any_ci(s + b, n - b, verbs) || nr_has_any(s + b, n - b, ja)) &&
	            !nr_has_any(s + b, n - b, deny);
	if (!told || memchr(s + b, '|', n - b))
		return false;
	size_t at = 0, end = 0; /* the security word, [at, end); end 0: none ("SSLを使用" opens the line at 0) */
	for (size_t i = b; i < n; i++) {
		size_t vb, ve;
		if (i > b && isalnum((unsigned char)s[i - 1]))
			continue;
		enum nr_vtype v = nr_typed_value(s, i, n, false, &vb, &ve);
		if (v == NV_PORT || v == NV_HOST || v == NV_EMAIL)
			return false; /* a setting with its values: read as such */
		if (v == NV_SEC && !end)
			at = vb, end = ve;
		if (v != NV_NONE && ve > i)
			i = ve - 1;
	}
	/* "SSLを使用：STARTTLS", "SSLを使用　する", "Use SSL: Yes", "SSLを使用:"
	 * over its value: a label, its value after it, not an instruction */
	for (size_t k = end; end && k < n && k < end + 40; k++) { /* (its value comes soon: a long line stays linear) */
		size_t vb, ve;
		if (s[k] == ':' || nr_starts_any(s + k, n - k, (const char *const[]){"…", NULL}))
			return false;
		enum nr_vtype v = k > end && !nr_word_start(s, k) ? NV_NONE : nr_typed_value(s, k, n, false, &vb, &ve);
		if (v == NV_SEC || v == NV_YESNO)
			return false;
	}
	/* one security, not a choice ("「SMTP over SSL」あるいは…") */
	static const char *const alt[] = {" or ", "either", "あるいは", "または", "もしくは", "か、", NULL};
	for (const char *const *w = alt; *w && end; w++)
		end = nr_has(s + b, n - b, *w) ? 0 : end;
	if (!end || cond_near(s, b, end, n, true))
		return false;
	/* "Set incoming and outgoing servers to use SSL", "Choose SSL for
	 * both POP3 and SMTP connections": every server's that states none of
	 * its own (resolve.c) */
	if (nr_names_both_ways(s + b, n - b)) {
		if (!x->gen_sec.set) {
			mailprof_loc loc = nr_loc_at(x, l, at);
			mp_int_set(&x->gen_sec, nr_parse_security(s + at, end - at), &loc);
		}
		return true;
	}
	enum mp_nctx dir = mp_notice_words_ctx(s + b, n - b);
	/* the heading's, but the nearest label naming the other direction
	 * beats it (a server's label whose host was lost, "受信サーバー名：",
	 * read as a heading above the sending rows) */
	if (dir == NC_NONE || dir == NC_WEB)
		dir = nr_label_dir(x, s + b, 0, NC_NONE);
	/* "IMAP server: imap.…" / "Port: 993" / "Use SSL": under no heading,
	 * the server the labels above named */
	if (dir == NC_NONE)
		dir = x->named;
	if (dir == NC_NONE || dir == NC_WEB || dir == NC_ANY)
		return false;
	nr_set_field(x, l, at, s + at, end - at, NF_SECURITY, dir);
	x->told_sec = l; /* one server's: not the notice's (general_sentence, prose.c) */
	return true;
}

/* "ユーザ名に apikey と設定します", "アカウント名を「taro」に変更", "ユーザーIDは
 * hanako です": a particle after the label (に, を, は) and a verb of
 * setting after the value (と設定, に設定, と入力, を入力, に変更, です) are
 * the separator of a pair written as a sentence. k: where the value
 * starts; the text since prev ends with the particle. */
static bool ja_set_to(const char *s, size_t prev, size_t k, size_t n)
{
	static const char *const part[] = {"に", "を", "は", NULL};
	static const char *const verb[] = {"と設定", "に設定", "を設定", "と入力", "を入力", "に入力", "に変更", "と指定",
	                                   "に指定", "を指定", "です", NULL};
	size_t e = k; /* the value, after a quote: ASCII, not long */
	if (k >= 3 && memcmp(s + k - 3, "「", 3) == 0)
		k -= 3;
	while (k > prev && s[k - 1] == ' ')
		k--;
	if (k < prev + 6 || !nr_starts_any(s + k - 3, 3, part))
		return false;
	e = nr_skip_sp(s, e, n);
	if (e + 3 <= n && memcmp(s + e, "「", 3) == 0)
		e += 3;
	for (size_t v = e; e < n && e < v + 300 && (unsigned char)s[e] < 0x80 && s[e] != ' ' && s[e] != '(';)
		e++;
	if (e + 3 <= n && memcmp(s + e, "番", 3) == 0) /* "465番(または587番)に設定" */
		e += 3;
	if (e < n && s[e] == '(') {
		const char *cl = memchr(s + e, ')', n - e < 80 ? n - e : 80);
		e = cl ? (size_t)(cl - s) + 1 : e;
	}
	e = nr_skip_sp(s, e, n);
	if (e + 3 <= n && memcmp(s + e, "」", 3) == 0)
		e = nr_skip_sp(s, e + 3, n);
	return nr_starts_any(s + e, n - e, verb) > 0;
}

/* "Desktop clients communicate with mhc.example.edu by IMAP or POP", "a
 * Unix server named castle.example.edu" (also wrapped: "… a Unix server" /
 * "named castle…"): a host a sentence names as the server the clients
 * talk to, its name naming no server. Is the host at vb such a one? */
static enum mp_nctx sentence_ctx(const char *s, size_t b, size_t vb, size_t ve, size_t n);

static const char *const naming[] = {"is called", "be called", "available at", "reachable at", "located at",
                                     "configure", "client to", "program to", "software to", "app to", NULL};

/* Does the line above l (the one before it) end with a verb naming the
 * server a host is ("… is available at" / "pop3.…")? */
static bool naming_above(const struct ex *x, const mp_nline *l)
{
	const mp_nline *a = x->above;
	if (!mp_nline_just_above(a, l))
		return false;
	size_t e = a->len;
	while (e && a->s[e - 1] == ' ')
		e--;
	for (const char *const *vw = naming; *vw; vw++) {
		size_t wl = strlen(*vw);
		if (e >= wl && mp_strncasecmp(a->s + e - wl, *vw, wl) == 0 && (e == wl || !isalnum((unsigned char)a->s[e - wl - 1])))
			return true;
	}
	return false;
}

static bool talked_to(const struct ex *x, const mp_nline *l, size_t pv, size_t vb, size_t ve, enum mp_nctx *ctx)
{
	static const char *const verbs[] = {"communicate with", "communicates with", "connect to", "connects to",
	                                    "server named", "server called", "computer named", "machine named", "use",
	                                    NULL};
	const char *s = l->s;
	size_t t = vb;
	while (t > pv && s[t - 1] == ' ')
		t--;
	bool mk;
	size_t b = nr_strip_lead(s, l->len, &mk);
	/* the servers its sentence names ("by IMAP or POP": incoming), else
	 * none: every server's */
	for (const char *const *vw = verbs; *vw; vw++) {
		size_t wl = strlen(*vw);
		if (t >= pv + wl && mp_strncasecmp(s + t - wl, *vw, wl) == 0 &&
		    (t == pv + wl || !isalnum((unsigned char)s[t - wl - 1]))) {
			*ctx = sentence_ctx(s, b, vb, ve, l->len);
			return true;
		}
	}
	/* "The SMTP relay server … is called "smtp.…"", "The POP protocol …
	 * is available at "pop3.…"", "configure mail.… as your SMTP and IMAP
	 * server", "connect your client to mail.… using IMAP": a verb naming
	 * the server the host is, on its line or ending the line above when
	 * the host opens its line (a sentence wrapped there); the servers of
	 * the sentence (its start may be on the line above), else the one the
	 * host's name says, else every one */
	const mp_nline *a = x->above;
	size_t q = t;
	while (q > pv && (s[q - 1] == '"' || s[q - 1] == '\'' || s[q - 1] == ' '))
		q--;
	bool wrapped = q == b && mp_nline_just_above(a, l);
	const char *ws = wrapped ? a->s : s;
	size_t we = wrapped ? a->len : q, wb = wrapped ? 0 : pv;
	/* ("… is available" / "at "imap.…"": the verb's words on both lines,
	 * read as one: the above's tail and the few words before the host) */
	char joined[64];
	if (!wrapped && q > b && q - b <= 12 && pv <= b && mp_nline_just_above(a, l)) {
		size_t ae = a->len;
		while (ae && a->s[ae - 1] == ' ')
			ae--;
		size_t at = ae > 24 ? ae - 24 : 0;
		int w = snprintf(joined, sizeof joined, "%.*s %.*s", (int)(ae - at), a->s + at, (int)(q - b), s + b);
		if (w > 0 && (size_t)w < sizeof joined)
			ws = joined, wb = 0, we = (size_t)w, wrapped = true;
	}
	while (we > wb && ws[we - 1] == ' ')
		we--;
	for (const char *const *vw = naming; *vw; vw++) {
		size_t wl = strlen(*vw);
		if (we >= wb + wl && mp_strncasecmp(ws + we - wl, *vw, wl) == 0 &&
		    (we == wb + wl || !isalnum((unsigned char)ws[we - wl - 1]))) {
			*ctx = sentence_ctx(s, b, vb, ve, l->len);
			/* (the sentence opened on the line above: no full stop
			 * before the host on its line) */
			bool opened_above = mp_nline_just_above(a, l) && !memchr(s + b, '.', vb - b) &&
			                    !isupper((unsigned char)s[b]) && s[b] != '"';
			if (*ctx == NC_NONE && (wrapped || opened_above)) {
				size_t ae = a->len;
				*ctx = sentence_ctx(a->s, 0, ae, ae, ae);
			}
			if (*ctx == NC_NONE)
				*ctx = nr_host_ctx(s + vb, ve - vb);
			return true;
		}
	}
	/* "named" opening the line, "server" ending the line above (the
	 * sentence's words on both lines) */
	if (!mp_nline_just_above(a, l) || !((t == b + 5 && mp_strncasecmp(s + b, "named", 5) == 0) ||
	                                    (t == b + 6 && mp_strncasecmp(s + b, "called", 6) == 0)))
		return false;
	size_t e = a->len;
	while (e && a->s[e - 1] == ' ')
		e--;
	static const char *const nouns[] = {"server", "computer", "machine", NULL};
	for (const char *const *w = nouns; *w; w++) {
		size_t wl = strlen(*w);
		if (e >= wl && mp_strncasecmp(a->s + e - wl, *w, wl) == 0) {
			*ctx = sentence_ctx(s, b, vb, ve, l->len);
			if (*ctx == NC_NONE)
				*ctx = sentence_ctx(a->s, 0, e, e, e);
			return true;
		}
	}
	return false;
}

/* "send it through outbound.…", "read mail from imap.…", "collect your
 * mail from …": a host after "through", "via" or "from" whose clause
 * holds a verb of sending or of receiving mail is that direction's
 * server. NC_NONE when it is not such a host. */
static enum mp_nctx mail_verb_host(const char *s, size_t pv, size_t vb)
{
	static const char *const preps[] = {"through", "via", "from", NULL};
	/* the verbs in their passive and past forms too ("Mail is sent
	 * through …", "messages are picked up from …", "goes out via …") */
	static const char *const sends[] = {"send", "sent", "relay", "submit", "goes out", "go out", NULL};
	static const char *const reads[] = {"read", "receive", "fetch", "collect", "download", "pick up", "picked up",
	                                    "retrieve", NULL};
	size_t w;
	if (!nr_word_before(s, pv, vb, preps, &w))
		return NC_NONE;
	/* the clause before it, a short way: "Read mail from", "and send it" */
	size_t cb = w;
	while (cb > pv && w - cb < 40 && !strchr(",.;:", s[cb - 1]) &&
	       !(cb >= pv + 5 && mp_strncasecmp(s + cb - 5, " and ", 5) == 0))
		cb--;
	/* of mail, not of a program ("download Thunderbird from www.…") */
	if (!nr_has(s + cb, w - cb, "mail") && !nr_has(s + cb, w - cb, "message") && !nr_has(s + cb, w - cb, " it ") &&
	    !nr_has(s + cb, w - cb, " them "))
		return NC_NONE;
	if (nr_has_any(s + cb, w - cb, sends))
			return NC_SMTP;
	if (nr_has_any(s + cb, w - cb, reads))
			return NC_IN;
	return NC_NONE;
}

/* The servers the sentence around [vb, ve) names, NC_NONE when it names
 * none. A short way either side, so a long line stays linear. */
static enum mp_nctx sentence_ctx(const char *s, size_t b, size_t vb, size_t ve, size_t n)
{
	size_t sb = vb, se = ve;
	while (sb > b && vb - sb < 200 && !(s[sb - 1] == ' ' && sb >= b + 2 && s[sb - 2] == '.'))
		sb--;
	while (se < n && se - ve < 200 && !(s[se] == '.' && (se + 1 == n || s[se + 1] == ' ')))
		se++;
	enum mp_nctx c = mp_notice_words_ctx(s + sb, se - sb);
	/* "… for IMAP, and … for SMTP", "for incoming and outgoing mail":
	 * both directions, every server */
	if (c != NC_NONE && (nr_names_both_ways(s + sb, se - sb) ||
	                     ((c == NC_IMAP || c == NC_POP || c == NC_IN) && nr_has(s + sb, se - sb, "sending"))))
		c = NC_NONE;
	return c == NC_WEB ? NC_NONE : c;
}

/* "In the box marked Outgoing mail (SMTP) the entry" / "should be
 * mail.example.com": a sentence wrapped between its subject and its verb.
 * A line opening with a linking verb ("should be", "must be", "is") and
 * the value takes the field the line above's last clause names; a port
 * under a server's label (Outlook's Advanced tab: "Outgoing mail (SMTP)"
 * / "587") is that server's port. NF_NONE when it is not such a line. */
static enum mp_nfield wrapped_subject(const struct ex *x, const mp_nline *l, size_t b, size_t vb, enum nr_vtype v,
                                      enum mp_nctx *ed)
{
	static const char *const links[] = {"should be", "must be", "will be", "is", "are", "should read", NULL};
	const char *s = l->s;
	const mp_nline *a = x->above;
	size_t e = vb;
	while (e > b && s[e - 1] == ' ')
		e--;
	b = nr_skip_sp(s, b, e);
	/* "… change the port for the Outgoing mail" / "(SMTP) from 25 to
	 * 2525": a bracket opening the line goes on naming the subject's
	 * server */
	enum mp_nctx br = NC_NONE;
	if (b < e && s[b] == '(') {
		const char *c = memchr(s + b, ')', e - b < 26 ? e - b : 26);
		if (c) {
			br = mp_notice_words_ctx(s + b + 1, (size_t)(c - s) - b - 1);
			b = nr_skip_sp(s, (size_t)(c - s) + 1, e);
		}
	}
	bool link = false;
	for (const char *const *w = links; *w && !link; w++)
		link = e - b == strlen(*w) && mp_strncasecmp(s + b, *w, e - b) == 0;
	/* a change wrapped before its "from": "Change the SMTP port" / "from
	 * 25 to 2525": the old value (not a setting, changed_from) and the
	 * new one after "to" take the subject's field */
	if (!link && e - b >= 4 && mp_strncasecmp(s + b, "from", 4) == 0) {
		size_t ob = nr_skip_sp(s, b + 4, e), tb, te;
		while (ob < e && strchr("\"'(", s[ob]))
			ob++;
		link = ob == e || ob == vb;
		if (!link && nr_typed_value(s, ob, e, true, &tb, &te) == v && tb == ob) {
			size_t q = te;
			while (q < e && strchr("\"')", s[q]))
				q++;
			q = nr_skip_sp(s, q, e);
			size_t qe = e; /* (to "2525") */
			while (qe > q && strchr(" \"'(", s[qe - 1]))
				qe--;
			link = qe - q == 2 && mp_strncasecmp(s + q, "to", 2) == 0;
		}
	}
	if (!link || !mp_nline_just_above(a, l) || !a->len)
		return NF_NONE;
	/* the subject: the above line's last clause, a short way */
	size_t ae = a->len, ab = ae;
	while (ab > 0 && ae - ab < 80 && !strchr(".,;:", a->s[ab - 1]))
		ab--;
	if (ab > 0 && ae - ab >= 80)
		return NF_NONE;
	enum mp_nfield f = mp_notice_classify(a->s + ab, ae - ab, ed);
	if (*ed == NC_NONE && br != NC_NONE && br != NC_WEB)
		*ed = br;
	if (nr_field_takes(f, v))
		return f;
	if (f == NF_HOST && v == NV_PORT && *ed != NC_NONE)
		return NF_PORT;
	return NF_NONE;
}

/* The server of "for POP/POP3 enter " ending [pv, vb): a protocol after
 * "for" and one verb of setting before the value, else NC_NONE. */
static enum mp_nctx for_proto_verb(const char *s, size_t pv, size_t vb)
{
	static const char *const verbs[] = {"enter", "use", "type", "choose", "select", "set", "put", "specify", NULL};
	size_t w;
	if (!nr_word_before(s, pv, vb, verbs, &w) || w <= pv + 5)
		return NC_NONE;
	/* the protocol: one word (or a pair "POP/POP3") after "for " */
	size_t pe = w - 1, pb = pe;
	while (pb > pv && s[pb - 1] != ' ')
		pb--;
	if (pb < pv + 4 || mp_strncasecmp(s + pb - 4, "for ", 4) != 0)
		return NC_NONE;
	enum mp_nctx c = mp_notice_words_ctx(s + pb, pe - pb);
	return c == NC_IMAP || c == NC_POP || c == NC_SMTP ? c : NC_NONE;
}

/* The server a bracket right after a host names ("(incoming)", "(SMTP)",
 * "(POP/IMAP)"): a few words naming one direction or protocol, no value
 * in them ("(or imap.example.net)", "(IMAP, port 993)" are remarks, read
 * as such); NC_NONE otherwise. */
static enum mp_nctx host_bracket(const char *s, size_t ve, size_t n)
{
	size_t q = nr_skip_sp(s, ve, n), e = q + 1;
	if (q >= n || s[q] != '(')
		return NC_NONE;
	while (e < n && e - q <= 24 && s[e] != ')') {
		/* (a number, not "POP3", "IMAP4") */
		if ((isdigit((unsigned char)s[e]) && !isalpha((unsigned char)s[e - 1])) || s[e] == '.' || s[e] == ',' ||
		    s[e] == '@')
			return NC_NONE;
		e++;
	}
	if (e >= n || s[e] != ')')
		return NC_NONE;
	/* a list of hosts goes on after it, or the line ends; not a sentence
	 * ("pop.…(POP3)とは全く別に") */
	size_t a = nr_skip_sp(s, e + 1, n);
	static const char *const go_on[] = {",", ";", "/", "、", ".", "and ", "plus ", "or ", "& ", NULL};
	if (a < n && !nr_starts_any(s + a, n - a, go_on))
		return NC_NONE;
	enum mp_nctx c = mp_notice_words_ctx(s + q + 1, e - q - 1);
	/* "(incoming and outgoing)" names both: no one server */
	bool in = nr_has(s + q + 1, e - q - 1, "incoming") || nr_has(s + q + 1, e - q - 1, "受信") ||
	          nr_has(s + q + 1, e - q - 1, "receiv") || nr_has(s + q + 1, e - q - 1, "inbound");
	if (c == NC_SMTP && in)
		return NC_NONE;
	/* "(POP3・IMAP・SMTP共通)": every server's, no one */
	if (nr_has(s + q + 1, e - q - 1, "共通") || nr_has(s + q + 1, e - q - 1, "shared") ||
	    ((c == NC_IN || c == NC_IMAP || c == NC_POP) &&
	     (nr_has(s + q + 1, e - q - 1, "smtp") || nr_has(s + q + 1, e - q - 1, "送信"))))
		return NC_NONE;
	return c == NC_POP || c == NC_IMAP || c == NC_SMTP || c == NC_IN ? c : NC_NONE;
}

/* Does every number of the line that can be a port stand in brackets
 * ("（ポート995）", "(port 465)"), and two at least? */
static bool bracketed_ports(const char *s, size_t b, size_t n)
{
	size_t ports = 0;
	int depth = 0;
	for (size_t i = b; i < n; i++) {
		depth += s[i] == '(' ? 1 : s[i] == ')' && depth ? -1 : 0;
		int p;
		if (isdigit((unsigned char)s[i]) && (i == b || !isdigit((unsigned char)s[i - 1])) && nr_port_at(s, i, n, &p)) {
			if (!depth)
				return false;
			ports++;
		}
	}
	return ports >= 2;
}

/* "pop3 port:110, pop3s port: 995, imap port:143", "IMAPS port 993":
 * a line opening with a protocol's name then a port label, naming a
 * secure mode: port lines, each port its name's server's with the name's
 * security; not one port row whose value is the rest of the line. */
static bool named_port_list(const char *s, size_t b, size_t n, size_t le)
{
	static const char *const names[] = {"pop3s", "pop3", "pops", "pop", "imaps", "imap4s", "imap4", "imap",
	                                    "smtps", "smtp", "submission", NULL};
	size_t w = nr_starts_any_ci(s + b, n - b, names);
	if (!w || b + w >= le || isalnum((unsigned char)s[b + w]))
		return false;
	size_t p = nr_skip_sp(s, b + w, le); /* "POP3S port", "POP3Sポート" */
	if (!nr_starts_any_ci(s + p, le - p, (const char *const[]){"port", "ポート", NULL}))
		return false;
	/* a secure mode's name among them ("pop3s port: 995"), whose
	 * security a port row would lose; "IMAP port: 993 POP3 port: 995"
	 * stays the rows it is (a title's security holds for them) */
	static const char *const secure[] = {"pop3s", "pops", "imaps", "imap4s", "smtps", NULL};
	for (size_t i = b; i < n; i++)
		if ((i == b || !isalnum((unsigned char)s[i - 1])) && (w = nr_starts_any_ci(s + i, n - i, secure)) &&
		    (i + w == n || !isalnum((unsigned char)s[i + w])))
			return true;
	return false;
}

/* The '|' cell from i: its text trimmed in [*a, *e); returns where the
 * cell ends (its '|', or n). */
static size_t pipe_cell(const char *s, size_t i, size_t n, size_t *a, size_t *e)
{
	size_t j = i;
	while (j < n && s[j] != '|')
		j++;
	*a = nr_skip_sp(s, i, j), *e = j;
	while (*e > *a && s[*e - 1] == ' ')
		(*e)--;
	return j;
}

/* Does a '|' row hold a cell that is a host name alone ("受信サーバー
 * （IMAP） | imap.… | 993 | SSL/TLS": a server's row, its port after its
 * host, not a port matrix's)? */
static bool host_cell(const char *s, size_t b, size_t n)
{
	if (!memchr(s + b, '|', n - b))
		return false;
	for (size_t i = b; i < n;) {
		size_t a, e, j = pipe_cell(s, i, n, &a, &e);
		if (e > a && nr_valid_host(s + a, e - a))
			return true;
		i = j + 1;
	}
	return false;
}

/* Is s[b, e) one of the names alone, with marks around it ("・POP3 ：",
 * "- SMTP =", "受信："), not "SMTP Secure:" (a port row of its own)? */
static const char *const proto_names[] = {"pop3", "pop", "imap4", "imap", "smtp", NULL};
static const char *const dir_names[] = {"受信", "送信", "incoming", "outgoing", "receiving", "sending", NULL};

static bool name_only(const char *s, size_t b, size_t e, const char *const *names)
{
	while (b < e && !isalnum((unsigned char)s[b]) && (unsigned char)s[b] < 0x80)
		b++;
	while (e > b && !isalnum((unsigned char)s[e - 1]) && (unsigned char)s[e - 1] < 0x80)
		e--;
	for (const char *const *w = names; *w; w++)
		if (e - b == strlen(*w) && mp_strncasecmp(s + b, *w, e - b) == 0)
			return true;
	return false;
}

/* The end of a protocol's name in brackets right after a direction's
 * ("incoming (POP3)"), else e itself. */
static size_t proto_bracket_end(const char *s, size_t e, size_t n)
{
	if (e + 2 >= n || s[e] != ' ' || s[e + 1] != '(')
		return e;
	size_t c = e + 2;
	while (c < n && c - e < 12 && isalnum((unsigned char)s[c]))
		c++;
	return c < n && s[c] == ')' && name_only(s, e + 2, c, proto_names) ? c + 1 : e;
}

/* Does the word at a name a protocol or a direction, not open a host
 * ("… incoming and outgoing server", not "… and smtp.example.net")? */
static bool joins_names(const char *s, size_t a, size_t n)
{
	/* "the incoming and the outgoing server", "your incoming and your
	 * outgoing mail server" */
	if (a + 4 <= n && mp_strncasecmp(s + a, "the ", 4) == 0)
		a += 4;
	else if (a + 5 <= n && mp_strncasecmp(s + a, "your ", 5) == 0)
		a += 5;
	size_t e = a;
	while (e < n && e - a < 24 && isalnum((unsigned char)s[e]))
		e++;
	if (e + 1 < n && s[e] == '.' && isalnum((unsigned char)s[e + 1]))
		return false;
	return name_only(s, a, e, proto_names) || name_only(s, a, e, dir_names);
}

/* "993 (SSL) and SMTP port 587 (STARTTLS)": a port at i after words naming
 * another server or port since the port ending at ve starts that one's
 * clause; the first port's remark ends there. */
static bool next_port(const char *s, size_t ve, size_t i, size_t n)
{
	int p;
	/* (or glued to its label's colon: "host:587" unglued to "host port:587") */
	bool glued = i >= 2 && s[i - 1] == ':' && isalpha((unsigned char)s[i - 2]);
	if (i == 0 || (s[i - 1] != ' ' && !glued) || !nr_port_at(s, i, n, &p))
		return false;
	enum mp_nctx w = mp_notice_words_ctx(s + ve, i - ve);
	return w == NC_IMAP || w == NC_POP || w == NC_SMTP || w == NC_IN || nr_has(s + ve, i - ve, "port");
}

/* "IMAP uses 993", "SMTP runs on 587", "the POP3 server listens on 995":
 * a protocol's name (its server's), then a verb saying it is served on the
 * port, right before a port with no label; its server, else NC_NONE. */
static enum mp_nctx proto_uses(const char *s, size_t pv, size_t vb)
{
	static const char *const verbs[] = {"uses", "runs on", "listens on", "works on", "is served on", "is available on",
	                                    "is offered on", NULL};
	size_t e = vb;
	while (e > pv && s[e - 1] == ' ')
		e--;
	size_t w = 0;
	for (const char *const *v = verbs; *v && !w; v++) {
		size_t k = strlen(*v);
		if (e >= pv + k + 1 && mp_strncasecmp(s + e - k, *v, k) == 0 && s[e - k - 1] == ' ')
			w = e - k - 1;
	}
	if (!w)
		return NC_NONE;
	while (w > pv && s[w - 1] == ' ')
		w--;
	/* ("the IMAP server uses"): the word "server" after the name */
	if (w >= pv + 6 && mp_strncasecmp(s + w - 6, "server", 6) == 0 && (w == pv + 6 || s[w - 7] == ' ')) {
		w -= 6;
		while (w > pv && s[w - 1] == ' ')
			w--;
	}
	size_t a = w;
	while (a > pv && isalnum((unsigned char)s[a - 1]))
		a--;
	if (a == w || (a > pv && s[a - 1] != ' ' && s[a - 1] != '(' && s[a - 1] != ','))
		return NC_NONE;
	if (!name_only(s, a, w, proto_names))
		return NC_NONE;
	enum mp_nctx c = mp_notice_words_ctx(s + a, w - a);
	return c == NC_IMAP || c == NC_POP || c == NC_SMTP ? c : NC_NONE;
}

/* Is s[pv, vb) only a joint ("and", "or", ",", ";") before a value, after
 * the remarks of the value before it ("(SSL)")? */
static bool joined_after(const char *s, size_t pv, size_t vb)
{
	static const char *const joints[] = {"and", "or", NULL};
	size_t w;
	bool word = nr_word_before(s, pv, vb, joints, &w);
	size_t k = word ? w : vb;
	while (k > pv && s[k - 1] == ' ')
		k--;
	if (word) {
		if (k > pv && s[k - 1] == ',') /* "… port 995 ssl, and smtp.…" */
			k--;
	} else if (k > pv && (s[k - 1] == ',' || s[k - 1] == ';'))
		k--;
	else
		return false;
	while (k > pv && s[k - 1] == ' ')
		k--;
	/* (a bracket's remark closing before: "(SSL) and") */
	return k == pv || s[k - 1] == ')';
}

/* Instructions naming a host ("Connect to imap.example.net.", "use
 * smtp.example.net"): the host's first label names its server, or the
 * verb does ("send through mail.example.org on port 465"). */
static const struct {
	const char *w;
	enum mp_nctx c;
} host_verbs[] = {{"connect to", NC_NONE},  {"use", NC_NONE},           {"enter", NC_NONE},
                  {"point it at", NC_NONE}, {"point your client at", NC_NONE}, {"send through", NC_SMTP},
                  {"send via", NC_SMTP},    {"send mail through", NC_SMTP},    {"send mail via", NC_SMTP},
                  {"relay through", NC_SMTP}};

/* The server a sentence's sending verb names when the sentence opens with
 * it ("Send through (see the image) on port 465 with SSL/TLS": its host
 * lost or an example), else NC_NONE. s[b, e) is the text before a value
 * on the line; the sentence is its last. */
static enum mp_nctx verb_opens(const char *s, size_t b, size_t e)
{
	size_t c = b;
	for (size_t k = b; k + 1 < e; k++)
		if ((s[k] == '.' || s[k] == ';') && s[k + 1] == ' ')
			c = k + 2;
	c = nr_skip_sp(s, c, e);
	for (size_t vk = 0; vk < MP_COUNT(host_verbs); vk++) {
		size_t wl = strlen(host_verbs[vk].w);
		if (host_verbs[vk].c != NC_NONE && e - c > wl && mp_strncasecmp(s + c, host_verbs[vk].w, wl) == 0 &&
		    s[c + wl] == ' ')
			return host_verbs[vk].c;
	}
	return NC_NONE;
}

/* Is the security word at vb denied by the word just before it ("port
 * 1143, no SSL", "without TLS", "non-SSL")? Then the port is offered
 * without security, not with it. */
static bool sec_denied(const char *s, size_t pv, size_t vb)
{
	static const char *const deny[] = {"no", "without", "w/o", "not", "non", NULL};
	size_t e = vb;
	if (e > pv && s[e - 1] == '-')
		e--;
	else
		while (e > pv && s[e - 1] == ' ')
			e--;
	size_t w = e;
	while (w > pv && isalpha((unsigned char)s[w - 1]))
		w--;
	if (w > pv && s[w - 1] == '/' && w - 1 > pv && s[w - 2] == 'w')
		w -= 2;
	for (size_t k = 0; deny[k]; k++)
		if (strlen(deny[k]) == e - w && mp_strncasecmp(s + w, deny[k], e - w) == 0)
			return true;
	return false;
}

/* "If using SSL, use port 995", "When TLS is enabled, the port is 465",
 * "if you set your client to use SSL then use port 465": a condition whose
 * only choice is the security itself names the port its sentence gives
 * next (the SSL alternative, as "110（SSL有の場合：995）" does), not advice.
 * Not a condition that denies or avoids it ("If SSL is not available",
 * "if your network blocks SSL", "unless you use TLS"). Only the
 * security's own clause is read: a few dozen bytes either side. */
static bool sec_own_condition(const char *s, size_t pv, size_t vb, size_t ve, size_t n)
{
	static const char *const neg[] = {"not ", "n't", "no ", "without", "block", "unable", "cannot", "trouble", "problem",
	                                  "fail", "unless", "instead", "disable", " off", NULL};
	/* the clause before it, from its sentence's start: "If using", "When" */
	size_t cb = vb;
	while (cb > pv && vb - cb < 80 && !strchr(".;:!?", s[cb - 1]))
		cb--;
	if (!nr_has(s + cb, vb - cb, "if ") && !nr_has(s + cb, vb - cb, "when "))
		return false;
	/* ... and after it, to the clause's end: "is enabled," / "settings then" */
	size_t ce = ve;
	while (ce < n && ce - ve < 60 && !strchr(",;.", s[ce]) && !(ce + 6 <= n && mp_strncasecmp(s + ce, " then ", 6) == 0))
		ce++;
	if (ce == n || ce - ve >= 60 || s[ce] == '.' || s[ce] == ';')
		return false;
	for (const char *const *c = neg; *c; c++)
		if (nr_has(s + cb, vb - cb, *c) || nr_has(s + ve, ce - ve, *c))
			return false;
	return true;
}

/* Values first, on one line: each typed value takes the label text
 * between it and the value placed before it ("Incoming mail server -
 * encryption is SSL, port is 993"; "Your mailbox a@b.example is ready
 * (Username: ab)."). The first direction the labels name holds for the
 * whole line. Returns how many values found a label that takes them, and
 * in *first where the first of them starts; apply: set them. */
/* Does a security word ending at s[ve] close a label's brackets, its
 * value after the colon a security or a yes/no of its own ("(SSL): None",
 * "[TLS]: off", "(SSL)： なし")? Not a port after it ("Port (SSL): 995":
 * the bracket is that port's security). */
static bool label_bracket_sec(const char *s, size_t ve, size_t n)
{
	size_t k = ve;
	if (k < n && (s[k] == ')' || s[k] == ']'))
		k++;
	else if (k + 3 <= n && (memcmp(s + k, "）", 3) == 0 || memcmp(s + k, "】", 3) == 0))
		k += 3;
	else
		return false;
	k = nr_skip_sp(s, k, n);
	if (k < n && s[k] == ':')
		k++;
	else if (k + 3 <= n && memcmp(s + k, "：", 3) == 0)
		k += 3;
	else
		return false;
	size_t vb = nr_skip_sp(s, k, n), ve2 = vb;
	/* the value: up to the clause's end */
	while (ve2 < n && ve2 - vb < 40 && !strchr(",;(", s[ve2]) && !(s[ve2] == '.' && (ve2 + 1 == n || s[ve2 + 1] == ' ')))
		ve2++;
	while (ve2 > vb && s[ve2 - 1] == ' ')
		ve2--;
	if (ve2 <= vb || isdigit((unsigned char)s[vb]))
		return false;
	return nr_parse_security(s + vb, ve2 - vb) >= MP_SEC_NONE || nr_parse_yesno_auth(s + vb, ve2 - vb) >= 0 ||
	       toggle_on(s + vb, ve2 - vb);
}

/* "… click Edit to ensure it is correct", "… until that is done": the
 * text before i ends "<pronoun> is" (or "are", "was"). A token after it
 * is said of the thing the pronoun stands for, not given as a login or
 * a password a label before names ("Your login is jdoe" has a noun). */
static bool pronoun_is(const char *s, size_t pv, size_t i)
{
	static const char *const be[] = {"is", "are", "was", "were", NULL};
	static const char *const pron[] = {"it", "this", "that", "which", "there", "what", "they", "these", "those",
	                                   "he", "she", "everything", "nothing", NULL};
	size_t w, p;
	if (!nr_word_before(s, pv, i, be, &w) || !nr_word_before(s, pv, w, pron, &p))
		return false;
	return p == pv || !isdigit((unsigned char)s[p - 1]); /* (not glued to a number: "2it is") */
}

static size_t value_pairs(struct ex *x, const mp_nline *l, size_t b, bool apply, size_t *first)
{
	const char *s = l->s;
	size_t n = l->len, prev = b, placed = 0;
	enum mp_nctx line_dir = NC_NONE, saved = x->ctx;
	size_t sec_b = 0, sec_e = 0;
	bool sec_cond = false; /* that security is a condition's, for the port its sentence gives */
	enum mp_nctx sec_dir = NC_NONE; /* the security's own sentence's server, once a later one names the other direction */
	bool in_cond = false; /* in a sentence opening with a condition (場合) */
	bool in_examples = false; /* in a list opened by "such as", "e.g." ("such as 26, 465 or 587") */
	int port_srv = -1, port_val = 0; /* the port just placed */
	enum mp_nctx host_dir = NC_NONE;  /* the server of the host placed on the line */
	size_t host_e = 0;                /* the end of that host */
	enum mp_nctx host_fd = NC_NONE;   /* the server it went to (apply) */
	bool host_by_verb = false;        /* placed after "connect to", "send through" */
	bool plural_ports = false;        /* the port before was one of "the ports …" */
	/* the label opening the line, up to its first value ("Incoming Mail
	 * (IMAP) Server - Requires SSL imap.gmail.com": a remark between) */
	enum mp_nfield lead_f = NF_NONE;
	enum mp_nctx lead_d = NC_NONE;
	size_t lead_e = b;
	*first = n;
	/* no line of settings holds more than a few dozen values: a hostile
	 * line of thousands stops there (each placed value costs its line) */
	for (size_t i = b; i < n && placed < 32;) {
		unsigned char pc = i > b ? (unsigned char)s[i - 1] : ' ';
		/* "Enter Port number:110": a separator glued to a word's end
		 * starts a value too (not a time "9:00", nor "host:587") */
		bool glued = (pc == ':' || pc == '=') && i >= b + 2 && isalpha((unsigned char)s[i - 2]);
		if ((pc < 0x80 && !strchr(" ,(", (char)pc) && !glued) || ((unsigned char)s[i] & 0xC0) == 0x80) {
			i++;
			continue;
		}
		/* the text a value's label is looked for in: since the value
		 * before, at most 240 bytes (a line of tokens no label takes keeps
		 * each look short: a long hostile line stays linear) */
		size_t pv = i > prev + 240 ? i - 240 : prev;
		if (pv > i) /* (a label read after the value before may reach past i) */
			pv = i;
		while (pv < i && ((unsigned char)s[pv] & 0xC0) == 0x80)
			pv++;
		size_t k = i; /* the text since the last value ends with a separator? */
		while (k > pv && s[k - 1] == ' ')
			k--;
		bool after_sep = (k > pv && (s[k - 1] == ':' || s[k - 1] == '=')) ||
		                 (k >= pv + 3 && (memcmp(s + k - 3, "】", 3) == 0 || memcmp(s + k - 3, "》", 3) == 0)) ||
		                 (k >= pv + 3 && mp_strncasecmp(s + k - 3, " is", 3) == 0) || ja_set_to(s, pv, k, n);
		size_t vb, ve;
		enum nr_vtype v = nr_typed_value(s, i, n, after_sep, &vb, &ve);
		if (v == NV_NONE || ve <= vb) {
			i++;
			continue;
		}
		/* "Port: 25; SSL: STARTTLS", "TLS: none": a security word before
		 * a colon and another security word labels that one (a form's
		 * field named after the setting), it is no value of its own */
		if (v == NV_SEC && ve < n && s[ve] == ':') {
			size_t nb2 = nr_skip_sp(s, ve + 1, n), tb2, te2;
			if (nb2 < n && nb2 < ve + 4 && nr_typed_value(s, nb2, n, true, &tb2, &te2) == NV_SEC && tb2 == nb2) {
				i = ve;
				continue;
			}
		}
		/* "Encryption (SSL): None", "Security [TLS]: off", "Use secure
		 * connection (SSL): No": a security word in the brackets closing a
		 * label names the setting; the value after the colon states it */
		if (v == NV_SEC && label_bracket_sec(s, ve, n)) {
			i = ve;
			continue;
		}
		/* the nearest label: the shortest tail of the text before the
		 * value that names a field taking it ("with authentication or
		 * port 465": port) */
		enum mp_nctx ed = NC_NONE;
		enum mp_nfield f = NF_NONE;
		bool named = false; /* a port labelled by a protocol's or direction's name */
		size_t label_after = 0; /* the end of a label after the value ("993 for IMAP") */
		size_t lab_b = pv, lab_e = vb;
		/* "Enter imap.example.com as the incoming server", "Type
		 * smtpout.example.net for the Server Name": the label follows the
		 * value */
		static const char *const after[] = {" as ", " for the ", " in the ", " into the ", NULL};
		/* "smtp.… should be your outgoing email server", "mail.… is your
		 * incoming (POP3) server", "… will be the SMTP host": a host the
		 * subject of its sentence, the server named after the verb is
		 * its label (not a protocol named before it: "Whether you read
		 * over IMAP or POP, smtp.… will be your outgoing server") */
		static const char *const be[] = {" should be your ", " should be the ", " will be your ", " will be the ",
		                                 " would be your ", " is your ", " is the name of your ", " is the name of the ",
		                                 " serves as your ", " is used as your ", " is used as the ", " is the ", NULL};
		size_t ak = ve < n ? nr_starts_any(s + ve, n - ve, after) : 0;
		if (!ak && v == NV_HOST && ve < n)
			ak = nr_starts_any(s + ve, n - ve, be);
		if (ak && ve + ak < n) {
			size_t e = ve + ak;
			/* ... to its clause's end, or to an "and" starting the next
			 * pair ("… as the incoming server and smtp.… as …"); not
			 * one joining two servers' names ("as hostname for both the
			 * incoming and outgoing server": both's label) */
			/* (nor into a bracket of its port: "… outgoing server (port
			 * 465, SSL)", where a protocol's stays: "incoming (IMAP) server") */
			while (e < n && e - ve < 120 && s[e] != ',' && s[e] != '.' && s[e] != ';' &&
			       !(s[e] == '(' && e + 1 < n && (isdigit((unsigned char)s[e + 1]) || mp_strncasecmp(s + e + 1, "port", 4) == 0)) &&
			       !(e + 5 <= n && mp_strncasecmp(s + e, " and ", 5) == 0 && !joins_names(s, e + 5, n)))
				e++;
			enum mp_nctx d2;
			enum mp_nfield f2 = mp_notice_classify(s + ve + ak, e - ve - ak, &d2);
			if (f2 != NF_NONE && nr_field_takes(f2, v))
				f = f2, ed = d2, lab_b = ve + ak, lab_e = e;
		}
		/* "Fill in imap.… for Incoming and smtp.… for Outgoing": a host
		 * followed by "for" and a direction or a protocol alone; a port
		 * too ("993 for IMAP, 995 for POP3 and 465 for SMTP"), the name
		 * its label and not the next port's */
		/* (a security too: "SSL for incoming, STARTTLS for outgoing") */
		if (f == NF_NONE && (v == NV_HOST || v == NV_PORT || v == NV_SEC) && ve + 5 < n && mp_strncasecmp(s + ve, " for ", 5) == 0) {
			size_t q = ve + 5, e = q;
			while (e < n && e - q < 24 && isalnum((unsigned char)s[e]))
				e++;
			enum mp_nctx d2 = name_only(s, q, e, proto_names) || name_only(s, q, e, dir_names)
			                      ? mp_notice_words_ctx(s + q, e - q) : NC_NONE;
			/* not "for incoming and outgoing mail": one name only (a
			 * protocol in brackets after the name is the name's own:
			 * "for incoming (POP3) and outgoing (SMTP) mail") */
			size_t e0 = e;
			e = proto_bracket_end(s, e, n);
			size_t a = e + 5 <= n && mp_strncasecmp(s + e, " and ", 5) == 0 ? e + 5
			           : e + 4 <= n && mp_strncasecmp(s + e, " or ", 4) == 0 ? e + 4
			           : e + 1 < n && (s[e] == '/' || s[e] == ',') ? nr_skip_sp(s, e + 1, n) : 0, ae = a; /* "POP3/SMTP" */
			while (a && ae < n && ae - a < 24 && isalnum((unsigned char)s[ae]))
				ae++;
			bool host_next = ae + 1 < n && s[ae] == '.' && isalnum((unsigned char)s[ae + 1]); /* "and smtp.…" */
			if (a && !host_next && (name_only(s, a, ae, proto_names) || name_only(s, a, ae, dir_names))) {
				d2 = NC_NONE;
				/* "Type mail.… for incoming (IMAP) and outgoing (SMTP)
				 * mail": a host for both directions, both names its
				 * label (one host for every server, resolve.c); a list
				 * of protocols' names is offered with the host's clause
				 * (names_offer: "for SMTP and IMAP and POP3") */
				size_t le = proto_bracket_end(s, ae, n);
				if (v == NV_HOST && name_only(s, q, e0, dir_names) && name_only(s, a, ae, dir_names) &&
				    nr_names_both_ways(s + q, le - q))
					f = NF_HOST, ed = NC_ANY, lab_b = q, lab_e = le;
			}
			/* (a security's clause ends with the name: not "SSL for SMTP
			 * should be set to …", "Enable TLS for outgoing server") */
			if (v == NV_SEC && e < n && !strchr(",;.", s[e]))
				d2 = NC_NONE;
			/* (not "993 for imap.example.com": a host, not a name) */
			if (e0 + 1 < n && s[e0] == '.' && isalnum((unsigned char)s[e0 + 1]))
				d2 = NC_NONE;
			if (d2 == NC_IMAP || d2 == NC_POP || d2 == NC_SMTP || d2 == NC_IN) {
				f = v == NV_HOST ? NF_HOST : v == NV_SEC ? NF_SECURITY : NF_PORT, ed = d2, lab_b = q, lab_e = e;
				if (v == NV_PORT)
					label_after = e;
			}
		}
		for (size_t t = vb; t-- > pv && vb - t <= 80 && f == NF_NONE;) {
			unsigned char c = (unsigned char)s[t], tc = t > pv ? (unsigned char)s[t - 1] : ' ';
			if ((c & 0xC0) == 0x80 || (isalnum(c) && tc < 0x80 && isalnum(tc)))
				continue; /* inside a character or a word */
			enum mp_nctx d2;
			enum mp_nfield f2 = mp_notice_classify(s + t, vb - t, &d2);
			if (f2 != NF_NONE && (nr_field_takes(f2, v) || f2 == NF_IGNORE))
				f = f2, ed = d2;
			/* "set Incoming server (IMAP) to 993": a port under a label
			 * naming its server is that server's port */
			else if (f2 == NF_HOST && v == NV_PORT && d2 != NC_NONE && d2 != NC_ANY && d2 != NC_WEB)
				f = NF_PORT, ed = d2;
			/* "【SMTP認証】使用する　【POP before SMTP】不要": a bracketed
			 * label is the value's, known or not */
			if (vb - t >= 3 && memcmp(s + t, "【", 3) == 0)
				break;
		}
		if (f == NF_IGNORE)
			f = NF_NONE;
		/* "accepts IMAP on 993 and SMTP on 587", "POP3 at 995": a port
		 * right after a protocol's or direction's name and "on", "at" or
		 * "via" is that server's (the word "port" left out) */
		if (f == NF_NONE && v == NV_PORT) {
			static const char *const preps[] = {"on", "at", "via", NULL};
			size_t w;
			bool prep = nr_word_before(s, pv, vb, preps, &w);
			size_t ne = w;
			while (ne > pv && s[ne - 1] == ' ')
				ne--;
			size_t nb = ne;
			while (nb > pv && isalnum((unsigned char)s[nb - 1]))
				nb--;
			enum mp_nctx d2 = prep && ne < w && (name_only(s, nb, ne, proto_names) || name_only(s, nb, ne, dir_names))
			                      ? mp_notice_words_ctx(s + nb, ne - nb) : NC_NONE;
			if (d2 == NC_IMAP || d2 == NC_POP || d2 == NC_SMTP || d2 == NC_IN)
				f = NF_PORT, ed = d2, lab_b = nb, lab_e = vb;
		}
		/* "mail.example.com supports IMAP and SMTP", "… accepts POP3 and
		 * IMAP connections": a host opening its sentence, then a verb of
		 * serving and the protocols it serves; the host is theirs */
		if (f == NF_NONE && v == NV_HOST && (vb == nr_skip_sp(s, b, n) || (vb >= b + 2 && s[vb - 1] == ' ' && s[vb - 2] == '.'))) {
			static const char *const serves[] = {"supports ", "accepts ", "handles ", "serves ", "speaks ", "provides ",
			                                     "offers ", NULL};
			size_t q = nr_skip_sp(s, ve, n), kw = nr_starts_any_ci(s + q, n - q, serves);
			if (kw && mp_notice_words_ctx(s + q + kw, n - q - kw > 40 ? 40 : n - q - kw) != NC_NONE)
				f = NF_HOST, ed = NC_NONE;
		}
		/* "Two-factor authentication is required", "sender domain
		 * authentication (SPF) is required": no login of the mail client */
		if ((f == NF_SMTP_AUTH || f == NF_AUTH_METHOD) && nr_auth_not_stated(s + pv, vb - pv))
			f = NF_NONE;
		if (f == NF_NONE && prev == b)
			f = wrapped_subject(x, l, b, vb, v, &ed);
		if (prev == b && vb > b && vb - b <= 80) { /* the line's first value */
			lead_e = vb;
			size_t d = nr_skip_sp(s, b, vb);
			while (d < vb && !(s[d] == ' ' && d + 2 < vb && s[d + 1] == '-' && s[d + 2] == ' '))
				d++;
			lead_f = d < vb && d > b ? mp_notice_classify(s + b, d - b, &lead_d) : NF_NONE;
			lead_e = d;
		}
		if (f == NF_NONE && v == NV_HOST && lead_f == NF_HOST && host_dir == NC_NONE && lead_e < vb)
			f = NF_HOST, ed = lead_d, lab_b = b, lab_e = lead_e;
		/* "◆受信メールサーバ（POP3）" / "mail.… （ポート：995／SSL）": the
		 * line's first value, opening it, is the value the line above
		 * announced; the rest of the line keeps its own labels */
		bool by_pending = false;
		if (f == NF_NONE && prev == b && vb == nr_skip_sp(s, b, n) && x->pending != NF_NONE &&
		    nr_field_takes(x->pending, v))
			f = x->pending, ed = x->pending_dir, lab_b = lab_e = vb, by_pending = true;
		/* "The AOL IMAP and SMTP server addresses are:" / "imap.aol.com" /
		 * "smtp.aol.com": under a label naming both ways, each host named
		 * after its server is that server's */
		if (by_pending && x->pending_ways && v == NV_HOST && nr_srv_of(nr_host_ctx(s + vb, ve - vb)) >= 0)
			ed = nr_host_ctx(s + vb, ve - vb);
		/* "the port to 995 (for POP) or 993 (for IMAP)": the protocol in
		 * brackets right after a port is its server, whatever the
		 * sentence said before ("(IMAP)" alone: port lists, fill.c) */
		static const char *const fw[] = {"for the ", "for ", NULL};
		size_t pb = v == NV_PORT ? nr_skip_sp(s, ve, n) : n, fk = 0;
		if (pb < n && s[pb] == '(' && (fk = nr_starts_any(s + pb + 1, n - pb - 1, fw)) > 0) {
			size_t q = pb + 1 + fk, qe = q;
			while (qe < n && qe - q < 16 && s[qe] != ')')
				qe++;
			enum mp_nctx bw = qe < n && s[qe] == ')' ? mp_notice_words_ctx(s + q, qe - q) : NC_NONE;
			if (bw == NC_POP || bw == NC_IMAP || bw == NC_SMTP)
				f = NF_PORT, ed = bw, lab_b = lab_e = vb;
		}
		/* "for a port …, then for IMAP enter 993 or for POP use 995": a
		 * protocol after "for" and a verb of setting before a port, in a
		 * sentence about ports */
		enum mp_nctx fp = v == NV_PORT && f != NF_PORT ? for_proto_verb(s, pv, vb) : NC_NONE;
		if (fp != NC_NONE && nr_has(s + b, n - b, "port"))
			f = NF_PORT, ed = fp, lab_b = lab_e = vb;
		/* "IMAP uses 993. SMTP uses 465.": a protocol's name and a verb
		 * of serving right before a port no label took */
		if (f == NF_NONE && v == NV_PORT && (fp = proto_uses(s, pv, vb)) != NC_NONE)
			f = NF_PORT, ed = fp, lab_b = lab_e = vb;
		/* "pop.example.net (incoming) and smtp.example.net (outgoing)",
		 * "mail.example.org (IMAP)": a server's name in brackets right
		 * after a host names its server, whatever the text before said */
		enum mp_nctx hb = v == NV_HOST ? host_bracket(s, ve, n) : NC_NONE;
		if (hb != NC_NONE) {
			enum mp_nctx hc = nr_host_ctx(s + vb, ve - vb);
			f = NF_HOST, ed = hb == NC_IN && (hc == NC_POP || hc == NC_IMAP) ? hc : hb;
			lab_b = lab_e = vb;
		}
		/* the server a sentence begun since the value before names */
		enum mp_nctx sent_w = NC_NONE;
		if (prev > b) {
			size_t sb = vb;
			while (sb > pv && !(sb >= pv + 2 && s[sb - 1] == ' ' && s[sb - 2] == '.'))
				sb--;
			if (sb > pv)
				sent_w = mp_notice_words_ctx(s + sb, vb - sb);
		}
		/* "You can use either POP or IMAP. For IMAP, the server is
		 * imap.…": a label looked for since the line's start keeps to the
		 * value's own sentence when that sentence names a server (not the
		 * first name of the sentences before it) */
		if (lab_b == pv && lab_e == vb && prev == b) {
			size_t sb = vb;
			while (sb > pv && !(sb >= pv + 2 && s[sb - 1] == ' ' && s[sb - 2] == '.'))
				sb--;
			enum mp_nctx w3 = sb > pv ? mp_notice_words_ctx(s + sb, vb - sb) : NC_NONE;
			if (w3 == NC_IMAP || w3 == NC_POP || w3 == NC_SMTP || w3 == NC_IN)
				lab_b = sb;
		}
		enum mp_nctx w = lab_e > lab_b ? mp_notice_words_ctx(s + lab_b, lab_e - lab_b) : NC_NONE;
		/* "… and the outgoing server uses port 587": a label naming no
		 * server takes the one its clause names before it */
		if (f != NF_NONE && ed == NC_NONE && w == NC_NONE && lab_b > pv && lab_b <= vb) {
			size_t cb = lab_b;
			while (cb > pv && !strchr(",.;:", s[cb - 1]))
				cb--;
			enum mp_nctx w2 = mp_notice_words_ctx(s + cb, lab_b - cb);
			if (w2 == NC_IMAP || w2 == NC_POP || w2 == NC_SMTP || w2 == NC_IN)
				ed = w = w2;
		}
		/* "… port is 995 (SSL). For outgoing mail, the server name is
		 * …": a later sentence naming its own server holds from there */
		/* ("Both use SSL. The SMTP server is smtp.…, port 587 with
		 * STARTTLS": a security said without label in a sentence before
		 * stays that sentence's server's) */
		if (line_dir == NC_NONE && w != NC_WEB)
			line_dir = w;
		else if (sent_w != NC_NONE && sent_w != NC_WEB && w != NC_NONE) {
			/* (the other direction: "… both use SSL. POP3 uses 995"
			 * names the servers the security was said for) */
			if (sec_e > sec_b && sec_dir == NC_NONE && line_dir != NC_NONE && (line_dir == NC_SMTP) != (sent_w == NC_SMTP) &&
			    nr_has(s + sec_e, vb - sec_e, ". "))
				sec_dir = line_dir;
			line_dir = sent_w;
		}
		/* "SMTP - smtp.live.com", "受信: pop.example.jp": a protocol's or
		 * a direction's name labels a host */
		if (f == NF_NONE && v == NV_HOST && (w == NC_POP || w == NC_IMAP || w == NC_SMTP || w == NC_IN))
			f = NF_HOST, ed = w;
		else if (f == NF_NONE && v == NV_HOST && last_proto(s, lab_b, lab_e) != NC_NONE)
			f = NF_HOST, ed = last_proto(s, lab_b, lab_e); /* "(pick IMAP or POP) IMAP: host" */
		/* "・ＳＭＴＰ：５８７（ＳＭＴＰ認証あり）", "POP3 = 995": a protocol's
		 * name and a separator right before a port label it */
		else if (f == NF_NONE && v == NV_PORT && after_sep && name_only(s, lab_b, vb, proto_names) &&
		         (w == NC_POP || w == NC_IMAP || w == NC_SMTP))
			f = NF_PORT, ed = w, named = true;
		/* "ポート番号" / "受信：995　送信：465": under a port label, a
		 * direction's name labels the port after it */
		else if (f == NF_NONE && v == NV_PORT && x->pending == NF_PORT && name_only(s, lab_b, vb, dir_names))
			f = NF_PORT, ed = w, named = true;
		/* "imap.example.net port: (SSL) 993", "smtp.example.jp 587": a
		 * row opening with a host whose first label names its server,
		 * its port after it (the label lost with the table's header) */
		if (f == NF_NONE && v == NV_HOST && vb == nr_skip_sp(s, b, n) && nr_host_ctx(s + vb, ve - vb) != NC_NONE) {
			bool port = false;
			for (size_t j = ve + 1; j < n && j < ve + 24 && !port; j++) {
				int pn;
				port = isdigit((unsigned char)s[j]) && nr_port_at(s, j, n, &pn);
			}
			if (port) {
				f = NF_HOST, ed = nr_host_ctx(s + vb, ve - vb);
				if (line_dir == NC_NONE) /* "(SSL)" on the row is that server's */
					line_dir = ed;
			}
		}
		/* a host an instruction names (host_verbs) */
		enum mp_nctx hn = v == NV_HOST ? nr_host_ctx(s + vb, ve - vb) : NC_NONE;
		if (f == NF_NONE && v == NV_HOST) {
			size_t t = vb;
			while (t > pv && s[t - 1] == ' ')
				t--;
			for (size_t vk = 0; vk < MP_COUNT(host_verbs) && f == NF_NONE; vk++) {
				size_t wl = strlen(host_verbs[vk].w);
				enum mp_nctx vc = host_verbs[vk].c != NC_NONE && (hn == NC_NONE || hn == host_verbs[vk].c) ? host_verbs[vk].c : hn;
				if (vc != NC_NONE && t >= pv + wl && mp_strncasecmp(s + t - wl, host_verbs[vk].w, wl) == 0 &&
				    (t == pv + wl || !isalnum((unsigned char)s[t - wl - 1])))
					f = NF_HOST, ed = vc, host_by_verb = true;
			}
		}
		enum mp_nctx tc;
		if (f == NF_NONE && v == NV_HOST && talked_to(x, l, pv, vb, ve, &tc) &&
		    (nr_host_ctx(s + vb, ve - vb) == NC_NONE || tc == nr_host_ctx(s + vb, ve - vb)))
			f = NF_HOST, ed = tc;
		/* (its port after it too: "collect … from pop.… on port 110 (no
		 * encryption) and send it via smtp.… on port 25") */
		if (f == NF_NONE && v == NV_HOST && (tc = mail_verb_host(s, pv, vb)) != NC_NONE)
			f = NF_HOST, ed = tc, host_by_verb = true;
		/* "imap.….io:993 (SSL) and smtp.….io:587 (STARTTLS)": a host
		 * joined by "and" or a comma to the values of another server's
		 * host placed on the line, its first label naming its own
		 * server, is that server's (not the one before it: a conflict) */
		if (f == NF_NONE && v == NV_HOST && hn != NC_NONE && host_dir != NC_NONE && hn != host_dir &&
		    (host_dir == NC_SMTP) != (hn == NC_SMTP) && joined_after(s, pv, vb))
			f = NF_HOST, ed = hn, line_dir = hn; /* (its port and security after it too) */
		/* "IMAP: mail.example.com (993, SSL)": a port without label after
		 * the line's host is that server's */
		if (f == NF_NONE && v == NV_PORT && host_dir != NC_NONE && !nr_has(s + pv, vb - pv, "。"))
			f = NF_PORT, ed = host_dir;
		/* "IMAP outlook.office365.com 993 SSL/TLS OAuth2": a login method
		 * without label after the line's host is that server's too */
		if (f == NF_NONE && v == NV_YESNO && host_dir != NC_NONE && nr_mechanism(s + vb, ve - vb) >= 0 &&
		    !nr_has(s + pv, vb - pv, "。"))
			f = NF_SMTP_AUTH, ed = host_dir;
		/* a security word without label: the port just before it in its
		 * clause ("port 465 with authentication over SSL"), else the
		 * line's server ("(TLS enabled, port 25)") */
		if (f == NF_NONE && v == NV_SEC) {
			if (port_srv >= 0 && !memchr(s + pv, '.', vb - pv) && !nr_has(s + pv, vb - pv, "。")) {
				if (apply) {
					mailprof_loc pl = nr_loc_at(x, l, vb);
					int sec = sec_denied(s, pv, vb) ? MP_SEC_NONE : nr_parse_security(s + vb, ve - vb);
					nr_offer_port(&nr_cur_acc(x)->s[port_srv], port_val, sec, &pl);
				}
			} else if (!sec_b && !sec_e && !cond_near(s, pv, ve, n, true))
				sec_b = vb, sec_e = ve, sec_cond = false;
			else if (!sec_b && !sec_e && sec_own_condition(s, pv, vb, ve, n))
				sec_b = vb, sec_e = ve, sec_cond = true; /* (only for the port after it) */
		}
		/* an example is not a setting ("for example: gwashing@…", "例:…") */
		/* ("an alternative port such as 26, 465 or 587": the whole list) */
		bool listed = true;
		for (size_t q = pv; q < vb && listed;)
			if (s[q] == ',' || s[q] == ' ')
				q++;
			else if (q + 3 <= vb && (memcmp(s + q, "or ", 3) == 0 || memcmp(s + q, "and", 3) == 0))
				q += 3;
			else
				listed = false;
		/* (right before the value: not "such as our outgoing server smtp.…") */
		size_t sa = vb;
		while (sa > pv && (s[sa - 1] == ' ' || s[sa - 1] == '"' || s[sa - 1] == '\''))
			sa--;
		in_examples = (in_examples && listed && pv > b) || (sa >= pv + 7 && mp_strncasecmp(s + sa - 7, "such as", 7) == 0) ||
		              ((v == NV_EMAIL || v == NV_TOKEN) && nr_example_lead(s + pv, vb - pv));
		if (in_examples || nr_gives_example(s + pv, vb - pv))
			f = NF_NONE;
		/* a condition or an alternative ("If … blocks port 465, use port
		 * 587 instead") is advice, not a setting; a Japanese one opens
		 * its sentence and holds every value to its end (SSLで受信する
		 * 場合は、サーバー名を pops…、ポート番号を995に…) */
		if (in_cond && (nr_has(s + pv, vb - pv, "。") || nr_has(s + pv, vb - pv, ". ")))
			in_cond = false;
		if (!in_cond && nr_has(s + pv, vb - pv, "場合"))
			in_cond = true;
		/* "send through smtp.… on port 465": a port whose label names no
		 * server, after a host an instruction names on the line, is that
		 * host's server's */
		if (f == NF_PORT && v == NV_PORT && ed == NC_NONE && host_dir != NC_NONE && host_by_verb &&
		    mp_notice_words_ctx(s + lab_b, lab_e - lab_b) == NC_NONE && !nr_has(s + pv, vb - pv, "。") &&
		    !memchr(s + pv, '.', vb - pv))
			ed = host_dir;
		/* "… the SMTP server is" / "smtp.… (port 587, TLS).": a port
		 * right after the line's host, only its port word between, is
		 * that host's server's (not the section's server before) */
		if (f == NF_PORT && v == NV_PORT && ed == NC_NONE && nr_srv_of(host_fd) >= 0 && host_e && host_e <= pv) {
			size_t q = host_e;
			while (q < vb && (s[q] == ' ' || s[q] == '(' || s[q] == ','))
				q++;
			if (vb - q >= 4 && mp_strncasecmp(s + q, "port", 4) == 0 && nr_skip_sp(s, q + (s[q + 4] == ':' ? 5 : 4), vb) == vb)
				ed = host_fd;
		}
		/* "set the ports to 995 and 465": under a plural label naming no
		 * server, each port registered for one server is that one's */
		/* (and the ports after it joined by "and", "or" or a comma) */
		bool joined = plural_ports && v == NV_PORT && listed; /* (whatever the line's host gave it) */
		size_t cl = lab_e; /* the label's clause: "…server; the ports are" */
		while (cl > lab_b && !(s[cl - 1] && strchr(";,.", s[cl - 1])))
			cl--;
		plural_ports = v == NV_PORT && ((f == NF_PORT && ed == NC_NONE && nr_has(s + cl, lab_e - cl, "ports") &&
		                                 mp_notice_words_ctx(s + cl, lab_e - cl) == NC_NONE) ||
		                                joined);
		if (plural_ports) {
			f = NF_PORT;
			ed = nr_port_ctx(atoi(s + vb));
			lab_b = cl < lab_e ? cl : lab_b;
		}
		/* "Send through (e.g. mail.example.net) on port 587": the same
		 * verb with no host placed; the sentence's port is sending's */
		if (f == NF_PORT && v == NV_PORT && ed == NC_NONE && host_dir == NC_NONE &&
		    mp_notice_words_ctx(s + lab_b, lab_e - lab_b) == NC_NONE && !nr_has(s + b, vb - b, "。"))
			ed = verb_opens(s, b, vb);
		/* the value changed from lends its label to the one after it */
		bool old = f != NF_NONE && changed_from(s, vb, ve, n);
		enum mp_nctx chosen = NC_NONE;
		/* (the choice after the port is one without a condition's word
		 * too: "143 when using IMAP, 110 when using POP3") */
		if (v == NV_PORT && !old && (f == NF_PORT || f == NF_NONE)) {
			size_t d = vb;
			while (d < ve && !isdigit((unsigned char)s[d]))
				d++;
			int pn = 0;
			while (d < ve && isdigit((unsigned char)s[d]) && pn < 100000)
				pn = pn * 10 + (s[d++] - '0');
			if (in_cond || cond_near(s, pv, ve, n, prev > b))
				chosen = protocol_choice(s, pv, vb, pn);
			if (chosen == NC_NONE)
				chosen = protocol_choice_after(s, ve, n, pn);
			if (chosen != NC_NONE)
				f = NF_PORT, ed = chosen, lab_b = lab_e = vb;
		}
		/* "If you are setting up an IMAP account you still use the
		 * pop3.… server": a host in a condition choosing one incoming
		 * protocol is that protocol's host, not advice */
		if (v == NV_HOST && !old && f == NF_HOST && (in_cond || cond_near(s, pv, ve, n, prev > b)) &&
		    (chosen = host_choice(s, pv, vb)) != NC_NONE)
			ed = chosen;
		if (f != NF_NONE && chosen == NC_NONE && (in_cond || cond_near(s, pv, ve, n, prev > b) || old) &&
		    !(f == NF_HOST && v == NV_HOST && !in_cond && !old &&
		      (access_condition(s, pv, vb, ve, n) || checked_host(s, pv, vb, ve, n)))) {
			/* "… on port 110. If your program supports it, use port 995
			 * with SSL instead": an alternative on the client's ability,
			 * the TLS-from-the-first-byte port of the protocol of the port
			 * placed before it, TLS said beside it, is that server's
			 * better port (the SSL port wins by rank), not advice */
			int up = f == NF_PORT && port_srv >= 0 && !old ? nr_better_port(s, pv, vb, ve, n, port_val) : -1;
			if (up >= 0 && apply) {
				mailprof_loc pl = nr_loc_at(x, l, vb);
				nr_offer_port(&nr_cur_acc(x)->s[port_srv], atoi(s + vb), up, &pl);
			}
			if (up >= 0)
				port_val = atoi(s + vb);
			else if (v == NV_PORT) /* (its security is no other port's: "110. …, use 995 with SSL") */
				port_srv = -1;
			f = NF_NONE;
		}
		if ((f == NF_LOGIN || f == NF_PASSWORD || f == NF_NAME) && v == NV_TOKEN && pronoun_is(s, pv, i))
			f = NF_NONE;
		if (f != NF_NONE && nr_field_takes(f, v)) {
			if (!placed++)
				*first = vb;
			if (apply) {
				/* a heading's protocol stays: "IMAP settings … The incoming
				 * mail server is …" */
				bool finer = line_dir == NC_IN && (saved == NC_IMAP || saved == NC_POP);
				x->ctx = line_dir != NC_NONE && !finer ? line_dir : saved;
				enum mp_nctx dir = nr_label_dir(x, s + lab_b, lab_e - lab_b, ed);
				/* "The hostname for both incoming (IMAP) and outgoing
				 * (SMTP) mail is …": one host for every server */
				/* (or its label after it: "… as your SMTP/POP3 server") */
				bool both_ways = ((f == NF_HOST || f == NF_SECURITY) && nr_names_both_ways(s + pv, vb - pv)) ||
				                 (f == NF_HOST && lab_b >= ve && nr_names_both_ways(s + lab_b, lab_e - lab_b));
				if (both_ways && f == NF_SECURITY)
					dir = NC_ANY;
				else if (both_ways) {
					/* (naming one incoming protocol: that one and SMTP) */
					size_t nb = lab_b >= ve ? lab_b : pv, ne = lab_b >= ve ? lab_e : vb;
					bool im = nr_has(s + nb, ne - nb, "imap"), po = nr_has(s + nb, ne - nb, "pop");
					dir = im && !po ? NC_IMAP : po && !im ? NC_POP : NC_ANY;
					/* (naming none, under a heading naming one: "IMAP
					 * settings" / "… as your incoming and outgoing
					 * server": that one and SMTP) */
					if (dir == NC_ANY && !im && !po && (saved == NC_IMAP || saved == NC_POP))
						dir = saved;
				}
				/* "Type smtpout.… for the Server Name" after the incoming
				 * steps: a label naming no server, a host named after its
				 * own, the other direction than the section's */
				enum mp_nctx hc = v == NV_HOST && ed == NC_NONE && w == NC_NONE ? nr_host_ctx(s + vb, ve - vb) : NC_NONE;
				enum mp_nctx at = dir != NC_NONE ? dir : x->cur == S_SMTP ? NC_SMTP : x->cur >= 0 ? NC_IN : NC_NONE;
				if (hc != NC_NONE && (at == NC_IMAP || at == NC_POP || at == NC_IN || at == NC_SMTP) &&
				    (hc == NC_SMTP) != (at == NC_SMTP))
					dir = hc;
				/* a port keeps its clause: "995 ※1", "993 (SSL)" */
				size_t vend = ve;
				/* ... up to the clause's end, or a short way: a line of
				 * many ports without commas stays linear */
				/* (a port named by its protocol stops at the next name's
				 * port, not at one in its own brackets: "143（SSL：993）") */
				int depth = 0;
				if (v == NV_PORT)
					while (vend < n && vend - ve < 120 && s[vend] != ',' && s[vend] != ';' &&
					       !(s[vend] == '.' && vend + 1 < n && s[vend + 1] == ' ') && /* its sentence's end */
					       !nr_starts_any(s + vend, n - vend, (const char *const[]){"、", NULL}) &&
					       !(!depth && isdigit((unsigned char)s[vend]) && (named || next_port(s, ve, vend, n)))) {
						depth += s[vend] == '(' ? 1 : s[vend] == ')' && depth ? -1 : 0;
						vend++;
					}
				/* 「暗号化なしの接続はできません」: a plain connection
				 * refused is no setting of none, 「SSLには対応していませ
				 * ん」 no setting of SSL (general_sentence, prose.c) */
				size_t rf = vend + 120 < n ? vend + 120 : n;
				int vs = f == NF_SECURITY ? nr_parse_security(s + vb, vend - vb) : -1, ss = vs >= 0 ? nr_sentence_sec(s + pv, rf - pv) : -1;
				if ((vs == MP_SEC_NONE && ss == SW_TLS_AMBIG) || (vs > MP_SEC_NONE && ss == MP_SEC_NONE)) {
					prev = i = ve;
					continue;
				}
				/* "Your IMAP4 or POP3 (incoming mail) server is mail.…":
				 * a host's label naming both incoming protocols, both's */
				x->both_in = f == NF_HOST && dir == NC_IN && !finer && last_proto(s, lab_b, lab_e) == NC_NONE &&
				             joins_in_protocols(s + lab_b, lab_e - lab_b);
				nr_set_field(x, l, vb, s + vb, vend - vb, f, dir == NC_IN && finer ? saved : dir);
				if (v == NV_HOST)
					host_fd = dir == NC_IN && finer ? saved : dir;
				x->both_in = false;
				if (both_ways && dir != NC_ANY)
					nr_set_field(x, l, vb, s + vb, vend - vb, f, NC_SMTP);
				/* "mail.… for both IMAP and SMTP", "configure mail.… as your
				 * SMTP and IMAP server": a host for no one server, its
				 * clause after it naming protocols, is theirs (offered) */
				if (f == NF_HOST && (dir == NC_NONE || dir == NC_ANY)) {
					size_t ce = ve;
					while (ce < n && ce - ve < 80 && s[ce] != ';' && !(s[ce] == '.' && (ce + 1 == n || s[ce + 1] == ' ')))
						ce++;
					names_offer(x, l, ve, ce, false);
				}
				/* "The secure IMAP port is 993": the label's security */
				int lsec = v == NV_PORT && x->cur >= 0 ? nr_span_sec(s + lab_b, lab_e - lab_b) : -1;
				if (lsec < 0 && by_pending && v == NV_PORT && x->cur >= 0)
					lsec = x->pending_sec; /* the label line's: "the secure port" / "993." */
				/* "Or use secure IMAP with SSL on port 993": a security
				 * named before the port in its sentence is the port's, so
				 * the most secure of the lines offering ports wins */
				if (lsec < 0 && v == NV_PORT && x->cur >= 0 && sec_e > sec_b && !memchr(s + sec_e, '.', vb - sec_e) &&
				    !nr_has(s + sec_e, vb - sec_e, "。")) {
					lsec = nr_parse_security(s + sec_b, sec_e - sec_b);
					sec_b = sec_e = 0;
				}
				if (lsec >= 0) {
					int p = atoi(s + vb);
					mailprof_loc pl = nr_loc_at(x, l, vb);
					nr_offer_port(&nr_cur_acc(x)->s[x->cur], p, nr_sec_for_port(lsec, p), &pl);
				}
			}
			if (v == NV_HOST)
				host_dir = ed != NC_NONE ? ed : line_dir, host_e = ve;
			port_srv = v == NV_PORT ? x->cur : -1;
			port_val = v == NV_PORT ? atoi(s + vb) : 0;
		}
		/* the next value's label starts after this value, placed or not
		 * (after its label when the label followed it) */
		if (v != NV_TOKEN && !old)
			prev = label_after > ve ? label_after : ve;
		i = ve;
	}
	if (apply && sec_e > sec_b && !sec_cond && (sec_dir != NC_NONE || line_dir != NC_NONE))
		nr_set_field(x, l, sec_b, s + sec_b, sec_e - sec_b, NF_SECURITY, sec_dir != NC_NONE ? sec_dir : line_dir);
	x->ctx = saved;
	return placed;
}

/* A port matrix with security modes as columns and protocols as rows:
 *             SSL/TLS    STARTTLS    None
 *   POP3      995        110         110
 * Every port goes to the matrix with its column's security; the most
 * secure one of a row is used (resolve.c). True when the line was read. */
static bool sec_matrix(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len, nc;
	/* a `|` matrix is the table model's (table.c) */
	if (memchr(s + b, ':', n - b) || memchr(s + b, '|', n - b)) {
		x->nmcol = 0;
		return false;
	}
	nc = nr_space_cells(x, s, b, n);
	size_t *cb = x->cb, *ce = x->ce;
	/* the header: security modes, after an optional label cell ("Protocol") */
	size_t secs = 0;
	for (size_t k = 0; k < nc; k++) {
		int sec = nr_mode_column(s + cb[k], ce[k] - cb[k]);
		if (sec >= 0)
			secs++;
		else if (k > 0)
			secs = 0, k = nc;
	}
	enum mp_nctx d0;
	/* not a row "Security | SSL/TLS | SSL/TLS" of a table by protocol */
	bool row = (secs + 1 == nc && mp_notice_classify(s + cb[0], ce[0] - cb[0], &d0) == NF_SECURITY);
	if (secs >= 2 && (secs == nc || secs + 1 == nc) && !row) {
		x->mcol = mp_xrealloc(x->mcol, nc * sizeof *x->mcol);
		x->msec = mp_xrealloc(x->msec, nc * sizeof *x->msec);
		for (size_t k = 0; k < nc; k++) {
			int sec = nr_mode_column(s + cb[k], ce[k] - cb[k]);
			x->mcol[k] = mp_nline_col(l, cb[k]);
			x->msec[k] = k == 0 && secs < nc ? -2 : sec == SW_TLS_AMBIG ? MP_SEC_TLS : sec;
		}
		/* each column's least one from it on: a row's cell sits under the
		 * last header cell starting at most a column after it, which over
		 * these ascending minima is a binary search (a walk back over all
		 * header cells for each cell was quadratic in a wide matrix) */
		for (size_t k = nc - 1; k-- > 0;)
			x->mcol[k] = x->mcol[k] < x->mcol[k + 1] ? x->mcol[k] : x->mcol[k + 1];
		x->nmcol = nc;
		return true;
	}
	if (!x->nmcol || nc < 2)
		return x->nmcol = 0, false;
	enum mp_nctx c = mp_notice_words_ctx(s + cb[0], ce[0] - cb[0]);
	int srv = nr_srv_of(c);
	if (srv < 0)
		return x->nmcol = 0, false;
	for (size_t k = 1; k < nc; k++) {
		if (!nr_all_digits(s + cb[k], ce[k] - cb[k]) || ce[k] - cb[k] > 5)
			continue;
		int col = mp_nline_col(l, cb[k]);
		size_t j = 0, hi = x->nmcol; /* the header cell this one sits under: the number of minima <= col + 1 */
		while (j < hi) {
			size_t mid = j + (hi - j) / 2;
			if (x->mcol[mid] <= col + 1)
				j = mid + 1;
			else
				hi = mid;
		}
		if (j == 0 || x->msec[j - 1] == -2)
			continue;
		nr_mx_add(x, l, cb[k], srv, atoi(s + cb[k]), x->msec[j - 1]);
	}
	return true;
}

/* A table flattened one cell per line ("IMAPS", "|", "993", "|", …): a
 * line holding only a protocol's name, then lines holding only a port,
 * are that protocol's ports (SMTPS, POP3S, IMAPS: implicit TLS). True
 * when the line was such a port. */
static bool col_ports(struct ex *x, const mp_nline *l, size_t b)
{
	static const struct {
		const char *w;
		int srv;
		bool tls;
	} names[] = {{"smtps", S_SMTP, true}, {"smtp", S_SMTP, false}, {"pop3s", S_POP, true}, {"pops", S_POP, true},
	             {"pop3", S_POP, false},  {"pop", S_POP, false},   {"imaps", S_IMAP, true}, {"imap4s", S_IMAP, true},
	             {"imap4", S_IMAP, false}, {"imap", S_IMAP, false}};
	const char *s = l->s;
	size_t e = l->len;
	while (e > b && (s[e - 1] == '|' || s[e - 1] == ' '))
		e--;
	if (e == b || (e == b + 1 && s[b] == '-'))
		return false; /* a cell border or an empty cell: the column goes on */
	for (size_t k = 0; k < MP_COUNT(names); k++)
		if (strlen(names[k].w) == e - b && mp_strncasecmp(s + b, names[k].w, e - b) == 0) {
			x->vproto = names[k].srv;
			x->vtls = names[k].tls;
			return false; /* it may head a section too */
		}
	int port = x->vproto >= 0 && nr_all_digits(s + b, e - b) && e - b <= 5 ? atoi(s + b) : 0;
	if (port <= 0 || port > 65535) {
		x->vproto = -1;
		return false;
	}
	nr_mx_add(x, l, b, x->vproto, port, x->vtls ? MP_SEC_TLS : -1);
	return true;
}

/* A value alone on its line, no label before it nor on the line above,
 * under a section heading that names a server ("IMAP Settings (Incoming
 * Mail)" / "imap.mail.me.com" / "993" / "SSL/TLS"): the heading is its
 * label, and its type says which field it is. True when the line was one. */
static bool lone_value(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	while (n > b && s[n - 1] == ' ')
		n--;
	if (x->ctx != NC_IMAP && x->ctx != NC_POP && x->ctx != NC_SMTP && x->ctx != NC_IN)
		return false;
	/* "- TLS1.2, 993/TCP": values only, a few, joined by commas or
	 * spaces, each set by its type; anything else and the line is not one */
	for (int apply = 0; apply < 2; apply++) {
		size_t i = b, count = 0;
		while (i < n) {
			size_t vb, ve;
			enum nr_vtype v = nr_typed_value(s, i, n, false, &vb, &ve);
			enum mp_nfield f = v == NV_HOST ? NF_HOST : v == NV_PORT ? NF_PORT : v == NV_SEC ? NF_SECURITY : NF_NONE;
			if (vb != i || f == NF_NONE || ve <= vb || ++count > 4)
				return false;
			if (apply)
				nr_set_field(x, l, vb, s + vb, ve - vb, f, x->ctx);
			i = ve;
			if (i + 4 <= n && mp_strncasecmp(s + i, "/tcp", 4) == 0)
				i += 4;
			while (i < n && (s[i] == ' ' || s[i] == ','))
				i++;
			if (i + 1 == n && s[i] == '.') /* "mail.example.net.": its sentence's full stop */
				i++;
		}
		if (!count)
			return false;
	}
	return true;
}

/* A title without numbers saying that what follows is discouraged
 * ("Supported but discouraged", "Legacy settings", "非推奨の設定") or
 * preferred ("Preferred settings", "推奨設定"): ports listed under the
 * first give way to ports listed elsewhere (resolve.c). */
static void preference(struct ex *x, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return;
	int p = n <= 60 ? nr_preference(s, n) : 0;
	if (p)
		x->discouraged = p < 0;
	/* "Secure SSL/TLS Settings (Recommended)", "Non-SSL Settings": a
	 * settings title naming a security is that of the ports under it
	 * that state none (a bare TLS decided by the port) */
	/* ("Ports to be used for an encrypted (SSL) connection:") */
	size_t tn = n && s[n - 1] == ':' ? n - 1 : n;
	if (tn <= 80 && !memchr(s, ':', tn) &&
	    (nr_has(s, n, "setting") || nr_has(s, n, "設定") || nr_has(s, n, "configuration") ||
	     (nr_has(s, n, "ports") && nr_has(s, n, "connection")))) {
		bool off = nr_has(s, n, "non-ssl") || nr_has(s, n, "non ssl") || nr_has(s, n, "without ssl") ||
		           nr_has(s, n, "no ssl") || nr_has(s, n, "非ssl") || nr_has(s, n, "sslなし") ||
		           nr_has(s, n, "unencrypted") || nr_has(s, n, "insecure");
		int sec = off ? MP_SEC_NONE : nr_span_sec(s, n);
		/* a sentence naming no security is no title ending the one
		 * above: "It is important to use the names below when setting"
		 * (a line of wrapped prose), "after setting up your client" */
		size_t words = 1;
		for (size_t i = 0; i < n; i++)
			words += s[i] == ' ' && i + 1 < n && s[i + 1] != ' ';
		bool sentence = words > 8 || nr_is_prose(s, n) || nr_has(s, n, "setting up") || nr_has(s, n, "setting it up");
		if (sec >= 0 || !sentence)
			x->title_sec = sec == MP_SEC_TLS ? SW_TLS_AMBIG : sec;
	}
}

/* Does line l close a bracket the line before it left open ("Enabled (yet"
 * / "not STARTTLS)")? Then it goes on with that value: a remark, neither
 * a label nor a heading. */
static bool bracket_goes_on(const mp_nline *prev, const mp_nline *l)
{
	if (!mp_nline_just_above(prev, l))
		return false;
	int open = 0;
	for (size_t i = 0; i < prev->len; i++)
		open += prev->s[i] == '(' ? 1 : prev->s[i] == ')' && open ? -1 : 0;
	const char *c = memchr(l->s, ')', l->len), *o = memchr(l->s, '(', l->len);
	/* a line holding a value of its own ("995)", "a@b.jp)") is read */
	for (size_t i = 0; c && i < (size_t)(c - l->s); i++)
		if (isdigit((unsigned char)l->s[i]) || l->s[i] == '@' || l->s[i] == '.')
			return false;
	return open > 0 && c && (!o || o > c);
}

/* "The incoming mail server is" / "pop.example.net", "Your POP3 server" /
 * "is..." / "example.net": a sentence ending in "is" (or "are") whose
 * subject names a field announces the value on the next line, as a label
 * with its separator does. The subject is the clause before "is" (after
 * the last full stop), or the line above when "is" opens the line. True
 * when the line announced one. */
static bool announces(struct ex *x, const mp_nline *prev, const char *s, size_t b, size_t n)
{
	size_t e = n;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '.' || s[e - 1] == ':'))
		e--;
	while (e >= b + 3 && memcmp(s + e - 3, "\xe2\x80\xa6", 3) == 0) /* "is…" */
		e -= 3;
	size_t w = e;
	while (w > b && isalpha((unsigned char)s[w - 1]))
		w--;
	/* "… on the default port 143 and the secure port" / "993.": prose
	 * wrapped right after a port word; its clause (back to a number, a
	 * comma or a full stop) is the label, its security the port's. Not
	 * a port refused or in a condition ("ISPs block port" / "25"). */
	if (!prev && e - w == 4 && mp_strncasecmp(s + w, "port", 4) == 0 && w > b && s[w - 1] == ' ' && e == n) {
		size_t c = w;
		while (c > b && w - c < 80 && !isdigit((unsigned char)s[c - 1]) && !strchr(",.", s[c - 1]) &&
		       !(c >= b + 3 && memcmp(s + c - 3, " - ", 3) == 0))
			c--;
		/* (not "(the standard port for IMAP) - port" / "110": a remark
		 * closing the item above, then the next item's bare label) */
		static const char *const no[] = {"block", "if ", "not ", "n't", "instead of", "unless", NULL};
		if ((c >= b + 3 && memcmp(s + c - 3, " - ", 3) == 0) || nr_has_any(s + c, e - c, no))
			return false;
		enum mp_nctx ed;
		mp_notice_classify(s + c, e - c, &ed);
		x->pending_ways = false;
		x->pending = NF_PORT;
		x->pending_dir = nr_label_dir(x, s + c, e - c, ed);
		x->pending_sec = nr_span_sec(s + c, e - c);
		return true;
	}
	/* "… your password, and the mail server name which you will be
	 * using:" / "mail.example.net": a sentence ending in a colon whose
	 * last clause (after its last comma or "and") names a server's host
	 * announces the host on the next line, as "is" does */
	size_t cn = n;
	while (cn > b && s[cn - 1] == ' ')
		cn--;
	size_t words = 0;
	for (size_t k = b; k + 1 < e; k++)
		words += s[k] == ' ' && s[k + 1] != ' ';
	/* (a sentence, not a label line: "Incoming mail server name:") */
	if (!prev && cn > b && s[cn - 1] == ':' && words >= 6) {
		size_t c = e;
		/* (an "and" joining the things to have, not two servers:
		 * "and the name of …", not "incoming and outgoing") */
		static const char *const det[] = {"the ", "your ", "a ", NULL};
		while (c > b && e - c < 80 && !strchr(",.;", s[c - 1]) &&
		       !(c >= b + 5 && mp_strncasecmp(s + c - 5, " and ", 5) == 0 && nr_starts_any_ci(s + c, e - c, det)))
			c--;
		static const char *const srv[] = {"server", "host", NULL};
		/* (not a choice the reader must make: "Your mail server is one
		 * of the following:") */
		static const char *const no[] = {"if ", "not ", "n't", "instead", "unless", "example", "e.g", "one of", "either",
		                                 NULL};
		enum mp_nctx ed;
		if (e - c < 80 && nr_has_any(s + c, e - c, srv) && !nr_has_any(s + c, e - c, no) &&
		    mp_notice_classify(s + c, e - c, &ed) == NF_HOST) {
			x->pending = NF_HOST;
			x->pending_dir = nr_label_dir(x, s + c, e - c, ed);
			x->pending_ways = nr_names_both_ways(s + c, e - c);
			x->pending_sec = -1;
			return true;
		}
	}
	if (!((e - w == 2 && mp_strncasecmp(s + w, "is", 2) == 0) || (e - w == 3 && mp_strncasecmp(s + w, "are", 3) == 0)))
		return false;
	if (w > b && s[w - 1] != ' ')
		return false;
	const char *ls;
	size_t ln;
	if (nr_skip_sp(s, b, w) >= w) { /* "is..." alone: the line above is the subject */
		if (!prev || !prev->len)
			return false;
		bool mk;
		size_t pb = nr_strip_lead(prev->s, prev->len, &mk);
		ls = prev->s + pb, ln = prev->len - pb;
	} else {
		size_t c = w;
		while (c > b && w - c < 80 && !(s[c - 1] == ' ' && c >= b + 2 && (s[c - 2] == '.' || s[c - 2] == ',')))
			c--;
		ls = s + c, ln = w - c;
	}
	while (ln && ls[ln - 1] == ' ')
		ln--;
	if (!ln || ln > 80)
		return false;
	enum mp_nctx ed;
	enum mp_nfield f = mp_notice_classify(ls, ln, &ed);
	if (f != NF_HOST && f != NF_PORT)
		return false;
	x->pending = f;
	x->pending_dir = nr_label_dir(x, ls, ln, ed);
	x->pending_ways = f == NF_HOST && nr_names_both_ways(ls, ln);
	/* "on the default port 143 and the secure port" / "993." */
	x->pending_sec = f == NF_PORT ? nr_span_sec(ls, ln) : -1;
	return true;
}

/* Options side by side: a `|` row of one port label and several ports
 * ("smtp server-port | 587 | 465") next to a row of as many security
 * modes ("smtp connection-security | STARTTLS | SSL/TLS"), either first:
 * each column's port is offered with that column's mode, so the most
 * secure option wins, not the first mode for the server. The first row is
 * read as any row and kept; the second, read here, returns true. */
static bool option_rows(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len, cb[9], ce[9], nc = 0;
	bool kept = x->orow_l && x->orow_l + 1 == l;
	x->orow_l = NULL;
	if (!memchr(s + b, '|', n - b))
		return false;
	for (size_t i = s[b] == '|' ? b + 1 : b; i <= n;) {
		size_t a0, a1, j = pipe_cell(s, i, n, &a0, &a1);
		if (nc == MP_COUNT(cb))
			return false;
		cb[nc] = a0, ce[nc] = a1, nc++;
		i = j + 1;
	}
	while (nc && cb[nc - 1] == ce[nc - 1])
		nc--;
	if (nc < 3)
		return false;
	enum mp_nctx d;
	enum mp_nfield f = mp_notice_classify(s + cb[0], ce[0] - cb[0], &d);
	int v[8];
	for (size_t c = 1; c < nc; c++) {
		size_t w = ce[c] - cb[c];
		if (f == NF_PORT && w && w <= 5 && nr_all_digits(s + cb[c], w) && atoi(s + cb[c]) > 0 && atoi(s + cb[c]) < 65536)
			v[c - 1] = atoi(s + cb[c]);
		else if (f != NF_SECURITY || (v[c - 1] = nr_parse_security(s + cb[c], w)) < 0)
			return false;
	}
	enum mp_nctx lc = mp_notice_words_ctx(s + cb[0], ce[0] - cb[0]);
	if (!kept || x->orow_f == f || x->norow != nc - 1) {
		x->orow_l = l, x->orow_f = f, x->norow = nc - 1, x->orow_ctx = lc;
		memcpy(x->orow_v, v, (nc - 1) * sizeof *v);
		return false;
	}
	int srv = nr_srv_of(x->orow_ctx != NC_NONE ? x->orow_ctx : lc != NC_NONE ? lc : x->ctx);
	if (srv < 0)
		srv = x->cur;
	if (srv < 0)
		return false;
	for (size_t c = 0; c + 1 < nc; c++) {
		int port = f == NF_PORT ? v[c] : x->orow_v[c], sec = f == NF_PORT ? x->orow_v[c] : v[c];
		mailprof_loc pl = nr_loc_at(x, l, cb[c + 1]);
		nr_offer_port(&nr_cur_acc(x)->s[srv], port, nr_sec_for_port(sec, port), &pl);
	}
	x->cur = srv;
	return true;
}

/* "mail.example.net — server for receiving mail", "smtp1.example.net -
 * sending mail": a host opening its line, a dash, then a few words naming
 * the one server it is (no other value). True when the line was one. */
static bool host_then_use(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len, hb, he;
	if (nr_typed_value(s, b, n, false, &hb, &he) != NV_HOST || hb != b || he + 3 >= n || memcmp(s + he, " - ", 3) != 0)
		return false;
	size_t r = he + 3;
	if (n - r > 60)
		return false;
	for (size_t k = r; k < n; k++)
		if (isdigit((unsigned char)s[k]) || s[k] == '@' || s[k] == ':' || s[k] == '|')
			return false;
	enum mp_nctx w = mp_notice_words_ctx(s + r, n - r);
	bool in = nr_has(s + r, n - r, "incoming") || nr_has(s + r, n - r, "receiv") || nr_has(s + r, n - r, "受信");
	if ((w != NC_IN && w != NC_POP && w != NC_IMAP && w != NC_SMTP) || (w == NC_SMTP && in))
		return false;
	nr_set_field(x, l, hb, s + hb, he - hb, NF_HOST, w);
	x->pending = NF_NONE;
	return true;
}

/* "@dolphin.example.edu" alone on its line, or with the words around it
 * ("Addresses ending in @med.example.edu:", "For @pobox.example.edu
 * users"): a row of a table of address domains flattened one cell per
 * line ("If your address ends with | The IMAP server is"). The servers
 * after it are the account of addresses in that domain: other mailboxes
 * than the domain's before, so its hosts start the next account even in
 * the site of the block before's (not alternatives). True when the line
 * was one. */
static bool domain_head(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	while (n > b && (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] == '.'))
		n--;
	const char *at = n > b ? memchr(s + b, '@', n - b) : NULL;
	if (!at || (at > s + b && at[-1] != ' ') || n - b > 60)
		return false;
	size_t k = (size_t)(at + 1 - s), vb, ve;
	if (nr_typed_value(s, k, n, false, &vb, &ve) != NV_HOST || vb != k)
		return false;
	/* a value alone, or a few words with no other value and no label */
	for (size_t j = b; j < n; j++)
		if (j < k - 1 ? (s[j] == ':' || isdigit((unsigned char)s[j])) : j >= ve && (s[j] == ':' || s[j] == '@'))
			return false;
	if (ve < n && n - ve > 12)
		return false;
	mailprof_loc loc = nr_loc_at(x, l, vb);
	nr_brand(x, s + vb, ve - vb, &loc, true);
	x->brand_own = true;
	x->pending = NF_NONE;
	return true;
}

/* "imap.north.example.edu" / "smtp.north.example.edu": a host name alone
 * on its line (a table flattened one cell per line), no label awaiting a
 * value and no section naming a server but one such a line named: the
 * host's first label names its server. Read as a plain heading, the line
 * took "imap" for a section and the next host went to it. True when the
 * line was one. */
static bool lone_named_host(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	while (n > b && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	if (x->pending != NF_NONE || (x->ctx != NC_NONE && !x->host_head) || n <= b)
		return false;
	size_t vb, ve;
	if (nr_typed_value(s, b, n, false, &vb, &ve) != NV_HOST || vb != b || ve != n)
		return false;
	enum mp_nctx hc = nr_host_ctx(s + b, n - b);
	if (nr_srv_of(hc) < 0)
		return false;
	/* the host heads its server's section: a port or a security alone on
	 * the lines below is that server's ("smtp.…" / "465" / "SSL") */
	heading(x, s + b, n - b);
	x->host_head = true;
	nr_set_field(x, l, b, s + b, n - b, NF_HOST, hc);
	return true;
}

/* "Use smtp.… as outgoing server. … change the port to 465 and "Use the
 * following type of encrypted connection: SSL".": a sentence naming a
 * host outside its quotes is read as a sentence (its host, its port);
 * the quoted option is read with it, not instead of it. */
static bool host_outside_quotes(const char *s, size_t b, size_t n)
{
	for (size_t i = b; i < n;) {
		if (s[i] == '"') {
			const char *q = memchr(s + i + 1, '"', n - i - 1);
			i = q ? (size_t)(q - s) + 1 : n;
			continue;
		}
		size_t k = nr_starts_any(s + i, n - i, (const char *const[]){"「", NULL});
		if (k) {
			const char *q = strstr(s + i + k, "」");
			i = q && (size_t)(q - s) < n ? (size_t)(q - s) + 3 : n;
			continue;
		}
		size_t vb, ve;
		if ((i == b || s[i - 1] == ' ') && nr_typed_value(s, i, n, false, &vb, &ve) == NV_HOST && vb == i &&
		    !memchr(s + i, '"', ve - i))
			return true;
		i++;
	}
	return false;
}

/* "Use IMAP (imap.…, port 993) or POP3 (pop.…, port 995).", "The POP
 * server is pop.… (port 995) and the SMTP server is smtp.… (port 465)":
 * ports read as a list (nr_matrix, entries m0 on) with a host before each
 * of them. The one host between a port and the port before it is that
 * port's server's, unless its own name says another server. */
static void hosts_of_ports(struct ex *x, const mp_nline *l, size_t b, size_t n, size_t m0)
{
	static const enum mp_nctx of[S_N] = {[S_IMAP] = NC_IMAP, [S_POP] = NC_POP, [S_SMTP] = NC_SMTP};
	const char *s = l->s;
	if (x->nmx < m0 + 2)
		return;
	size_t from = b;
	for (size_t j = m0; j < x->nmx; j++) {
		const struct mentry *m = &x->mx[j];
		if (m->off < from || m->off > n)
			return; /* not in the line's order: no list */
		size_t hb = 0, he = 0, hosts = 0;
		for (size_t k = from; k < m->off && hosts < 2;) {
			size_t vb, ve;
			if ((k == from || !isalnum((unsigned char)s[k - 1])) && isalnum((unsigned char)s[k]) &&
			    nr_typed_value(s, k, m->off, false, &vb, &ve) == NV_HOST && vb == k) {
				hosts++, hb = vb, he = ve;
				k = ve;
			} else
				k++;
		}
		enum mp_nctx hc = hosts == 1 ? nr_host_ctx(s + hb, he - hb) : NC_NONE;
		if (hosts == 1 && m->srv >= 0 && m->srv < S_N && (hc == NC_NONE || hc == of[m->srv]))
			nr_set_field(x, l, hb, s + hb, he - hb, NF_HOST, of[m->srv]);
		from = m->off;
	}
}

static void line_one(struct ex *x, const mp_nline *l);

/* A question's or an answer's mark opening a line: "Q.", "Q:", "A)",
 * "Ｑ．", "Question:", "Answer -". Returns its length (spaces after it
 * included), *question whether it asks; 0 when the line has none. */
static size_t qa_mark(const char *s, size_t b, size_t n, bool *question)
{
	static const char *const words[] = {"question", "answer", NULL};
	size_t k = b, w = nr_starts_any_ci(s + b, n - b, words);
	if (w) {
		*question = mp_strncasecmp(s + b, "q", 1) == 0;
		k = b + w;
	} else if (n - b >= 3 && (memcmp(s + b, "Ｑ", 3) == 0 || memcmp(s + b, "Ａ", 3) == 0)) {
		*question = memcmp(s + b, "Ｑ", 3) == 0;
		k = b + 3;
	} else if (b < n && (s[b] == 'Q' || s[b] == 'A')) {
		*question = s[b] == 'Q';
		k = b + 1;
	} else
		return 0;
	k = nr_skip_sp(s, k, n);
	size_t m = nr_starts_any(s + k, n - k, (const char *const[]){".", ":", ")", "-", "．", "：", "）", NULL});
	if (!m)
		return 0;
	k += m;
	/* a mark, then a space or a Japanese sentence: not "A.B.C." or "A:1";
	 * glued to a question that asks ("Ｑ．POPサーバー名は？", read as
	 * "Q.POP…?") */
	size_t e = n;
	while (e > k && s[e - 1] == ' ')
		e--;
	bool asks = *question && e > k && (s[e - 1] == '?' || (e - k >= 3 && memcmp(s + e - 3, "？", 3) == 0) ||
	                                   nr_has(s + k, e - k, "ですか") || nr_has(s + k, e - k, "教えて"));
	if (k < n && s[k] != ' ' && (unsigned char)s[k] < 0x80 && !asks)
		return 0;
	return nr_skip_sp(s, k, n) - b;
}

/* "Q. What is the POP server?" / "A. pop.…, port 995 with SSL.": an
 * answer's host is the server its question named (one server: "What
 * are the server names?" names none), unless the host's own name says
 * the other direction. The host's line is read as the host's value (its
 * port and security after it). True when the answer was read so. */
static bool answer_host(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	bool q;
	size_t m = qa_mark(s, b, n, &q);
	/* "Ａ．pop.…" (full width, read as "A.pop.…"): the mark glued to the
	 * host, an answer only right after a question */
	if (!m && x->asked != NC_NONE && n - b > 3 && s[b] == 'A' && s[b + 1] == '.' && islower((unsigned char)s[b + 2]))
		m = 2, q = false;
	if (!m)
		return false;
	if (q) {
		enum mp_nctx c = mp_notice_words_ctx(s + b + m, n - b - m);
		x->asked = c == NC_IN || c == NC_POP || c == NC_IMAP || c == NC_SMTP ? c : NC_NONE;
		return false;
	}
	enum mp_nctx asked = x->asked;
	x->asked = NC_NONE;
	if (asked == NC_NONE)
		return false;
	/* "the incoming one?" / "A: mail.…, IMAP port 993": the answer names
	 * the protocol */
	enum mp_nctx ac = mp_notice_words_ctx(s + b + m, n - b - m);
	if (asked == NC_IN && (ac == NC_IMAP || ac == NC_POP))
		asked = ac;
	for (size_t i = b + m; i < n; i++) {
		size_t vb, ve;
		if (i > b + m && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '-' || s[i - 1] == '@'))
			continue;
		enum nr_vtype v = nr_typed_value(s, i, n, false, &vb, &ve);
		if (v == NV_PORT)
			return false; /* "A. Port 995 …, on pop.…": left to the line's reading */
		if (v != NV_HOST) {
			if (v != NV_NONE && ve > i)
				i = ve - 1;
			continue;
		}
		enum mp_nctx hc = nr_host_ctx(s + vb, ve - vb);
		if ((hc == NC_SMTP) != (asked == NC_SMTP) && nr_srv_of(hc) >= 0)
			return false;
		if (nr_srv_of(hc) >= 0) /* "the POP server?" / "A. We only offer imap.…" */
			asked = hc;
		x->ctx = asked;
		nr_set_field(x, l, vb, s + vb, n - vb, NF_HOST, asked);
		x->pending = NF_NONE;
		return true;
	}
	return false;
}

/* Bytes [from, to) of line l read as a line of their own (a view: columns
 * kept); the caller bounds the depth (split_depth < 16). */
static void read_view(struct ex *x, const mp_nline *l, size_t from, size_t to)
{
	mp_nline one = *l;
	one.s = l->s + from;
	one.col = l->col + from;
	one.lno = l->lno ? l->lno + from : NULL;
	one.len = to - from;
	x->split_depth++;
	line_one(x, &one);
	x->split_depth--;
	x->now = l;
}

/* The row of line l read from byte k, the item's words [b, k) a heading
 * when the row's label names no server. */
static bool item_view(struct ex *x, const mp_nline *l, size_t b, size_t k)
{
	const char *s = l->s;
	size_t le = k;
	while (le < l->len && s[le] != ':')
		le++;
	enum mp_nctx hw = mp_notice_words_ctx(s + b, k - b);
	if (mp_notice_words_ctx(s + k, le - k) == NC_NONE && hw != NC_NONE && hw != NC_WEB)
		heading(x, s + b, k - b);
	read_view(x, l, k, l->len);
	return true;
}

/* "Incoming mail settings (POP3/IMAP) POP3/IMAP Server:mx.…": an item's
 * name run into the label of its row (a table of item and description
 * flattened with spaces). When the label as a whole names no field but a
 * tail of it does, one that takes the value after the separator (a host,
 * a port), the row is read from that tail (the longest such), the words
 * before it a heading when the tail names no server. True when read. */
static bool item_label(struct ex *x, const mp_nline *l, size_t b, size_t le, size_t vb, enum mp_nfield lf)
{
	const char *s = l->s;
	size_t n = l->len, hb, he;
	if ((lf != NF_NONE && lf != NF_IGNORE) || vb >= n || le - b > 120 || x->split_depth >= 16 ||
	    memchr(s + b, '|', n - b))
		return false;
	enum nr_vtype v = nr_typed_value(s, vb, n, false, &hb, &he);
	if ((v != NV_HOST && v != NV_PORT) || hb != vb) {
		/* "Reading mail (POP/IMAP)   Mailbox host: mbox.…": the cells
		 * split at the spaces; the row's pair is the second cell */
		size_t le2, vb2;
		enum mp_nctx d;
		if (!nr_split(s, vb, n, &le2, &vb2) || le2 <= vb || vb2 >= n)
			return false;
		enum mp_nfield f = mp_notice_classify(s + vb, le2 - vb, &d);
		v = nr_typed_value(s, vb2, n, false, &hb, &he);
		if (f == NF_NONE || f == NF_IGNORE || (v != NV_HOST && v != NV_PORT) || hb != vb2 || !nr_field_takes(f, v))
			return false;
		return item_view(x, l, b, vb);
	}
	size_t words = 0;
	for (size_t k = b; k < le; k++)
		words += s[k] == ' ';
	if (words < 2)
		return false;
	for (size_t k = b + 1; k + 1 < le; k++) {
		if (s[k - 1] != ' ' || s[k] == ' ')
			continue;
		enum mp_nctx d;
		enum mp_nfield f = mp_notice_classify(s + k, le - k, &d);
		if (f == NF_NONE || f == NF_IGNORE || !nr_field_takes(f, v))
			continue;
		return item_view(x, l, b, k);
	}
	return false;
}

/* A line opening with an example's mark ("例：…", "（例）…", "e.g. …",
 * "(for example …)"). */
static bool example_opens(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && (s[k] == '(' || s[k] == '[' || s[k] == ' '))
		k++;
	return nr_starts_any_ci(s + k, n - k, (const char *const[]){"例", "e.g.", "eg.", "for example", "example:", NULL}) > 0;
}

static void line_one(struct ex *x, const mp_nline *l)
{
	const mp_nline *prev = x->now;
	x->now = l;
	x->above = prev;
	const char *s = l->s;
	size_t n = l->len;
	bool marked;
	size_t b = nr_strip_lead(s, n, &marked);
	if (b >= n) {
		/* one blank line between a server's or a port's label and its
		 * value (a page's definition list as text: "ポート番号" / "" /
		 * "受信：995") keeps the value announced; two end it, and any
		 * other field's (a name, a login: the next line may be a step) */
		if (x->pending_blank++ || (x->pending != NF_PORT && x->pending != NF_HOST))
			x->pending = NF_NONE;
		if (x->example_block == 2) /* the example's block ends */
			x->example_block = 0;
		x->nscol = 0; /* a port matrix's header survives a rule line */
		free(x->rule_cont);
		x->rule_cont = NULL;
		return;
	}
	x->pending_blank = 0;
	/* "Server type IMAP (not POP) |": a row whose only border ends it is
	 * a plain line (one cell); not a remark in brackets ("(例:…) |") */
	size_t e1 = n;
	while (e1 > b && (s[e1 - 1] == ' ' || s[e1 - 1] == '|'))
		e1--;
	if (e1 > b && s[b] != '(' && memchr(s + e1, '|', n - e1) && !memchr(s + b, '|', e1 - b)) {
		mp_nline one = *l;
		one.len = e1;
		line_one(x, &one);
		x->now = l;
		return;
	}
	/* "サーバー名：" / "（例）mail.example.ne.jp", "Server:" / "e.g.
	 * mail.example.com": an example under a server's label is that
	 * label's value, no host (not a heading ending the section, not a
	 * label "例" of a new block): the rows after it stay its server's */
	if (x->pending == NF_HOST && example_opens(s + b, n - b)) {
		x->pending = NF_NONE;
		nr_info(x, l, b, "write the host name, e.g. mail.example.jp", "%s is an example, not a host name; not used",
		        "the server value");
		return;
	}
	if (option_rows(x, l, b))
		return;
	/* "【POPサーバー】pop.…　【SMTPサーバー】smtp.…": pairs in brackets
	 * one after another on a line; each is read as a line of its own
	 * (views of the same line, columns kept) */
	if (n - b > 6 && memcmp(s + b, "【", 3) == 0 && x->split_depth < 16) {
		const char *c = strstr(s + b, "】");
		const char *nx = c ? strstr(c + 3, "【") : NULL;
		if (nx && (size_t)(nx - s) < n && nr_skip_sp(s, (size_t)(c + 3 - s), (size_t)(nx - s)) < (size_t)(nx - s)) {
			size_t k = (size_t)(nx - s);
			mp_nline one = *l, two = *l;
			one.len = k;
			while (one.len > b && s[one.len - 1] == ' ')
				one.len--;
			two.s = l->s + k;
			two.col = l->col + k;
			two.lno = l->lno ? l->lno + k : NULL;
			two.len = n - k;
			x->split_depth++; /* a hostile line of thousands: 16 pairs, then one line */
			line_one(x, &one);
			line_one(x, &two);
			x->split_depth--;
			x->now = l;
			return;
		}
	}
	nr_auth_hint(x, l, b);
	nr_method_prose(x, l, b);
	same_host_line(x, l, b);
	nr_example_person(x, l, b);
	if (bracket_goes_on(prev, l)) {
		x->pending = NF_NONE;
		return;
	}
	if (domain_head(x, l, b) || lone_named_host(x, l, b) || answer_host(x, l, b))
		return;
	/* "is..." under "Your POP3 server": the value comes on the next line */
	if (nr_skip_sp(s, b, n) < n && n - b <= 8 && announces(x, prev, s, b, n))
		return;
	preference(x, s + b, n - b);
	if (!x->titled) {
		x->titled = true;
		enum mp_nctx tc = mp_notice_words_ctx(s + b, n - b);
		x->title_in = tc == NC_IMAP ? S_IMAP : tc == NC_POP ? S_POP : -1;
	}
	if (sec_matrix(x, l, b) || col_ports(x, l, b) || space_table(x, l, b) || domain_rule(x, l, b))
		return;
	if (!memchr(s + b, '|', n - b) && !host_outside_quotes(s, b, n) && nr_quoted_pairs(x, l, b)) {
		nr_prose(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* A remark in brackets on its own line (the reading of the password
	 * above, an example) is neither a heading nor a value. */
	if (s[b] == '(' && s[n - 1] == ')' && !memchr(s + b, '|', n - b) && !memchr(s + b, '@', n - b) &&
	    !nr_has(s + b, n - b, "例")) {
		/* "(pop3 port:110, pop3s port: 995, …)" under a host: the
		 * bracket holds the host's port lines, read without it */
		size_t ib = nr_skip_sp(s, b + 1, n - 1);
		if (ib < n - 1 && x->split_depth < 16 && named_port_list(s, ib, n - 1, n - 1))
			read_view(x, l, ib, n - 1);
		return;
	}
	size_t le = 0, vb = 0;
	bool sp = nr_bracket_split(s, b, n, &le, &vb) || nr_split(s, b, n, &le, &vb);
	enum mp_nctx ed;
	enum mp_nfield lf = sp ? mp_notice_classify(s + b, le - b, &ed) : mp_notice_classify(s + b, n - b, &ed);
	/* "Username -- lucy.b", "Password - Hn4-vv8w": a dash after the label
	 * of a field whose value has no shape of its own (a login, a
	 * password) is the separator; a host's or a port's dash stays a
	 * remark's ("Incoming server - requires SSL imap.…"), its value found
	 * by its type */
	if (!sp && !memchr(s + b, '|', n - b)) {
		size_t d = b;
		while (d < n && d - b <= 40 && !(s[d] == ' ' && d + 1 < n && nr_dash_sep(s, d + 1, n) > d + 1))
			d++;
		size_t dv = d < n && d - b <= 40 ? nr_skip_sp(s, nr_dash_sep(s, d + 1, n), n) : n;
		enum mp_nctx dd;
		size_t words = 0, dt = dv < n ? nr_token_len(s + dv, n - dv) : 0;
		for (size_t k = b; k < d; k++)
			words += s[k] == ' ';
		/* a label's few words, not a sentence's ("many people log into
		 * -- mhc.…": a host is no login or password) */
		enum mp_nfield df = dv < n && d > b && words <= 2 && !nr_valid_host(s + dv, dt) ?
		                    mp_notice_classify(s + b, d - b, &dd) : NF_NONE;
		if (df == NF_LOGIN || df == NF_PASSWORD || df == NF_NAME) {
			sp = true, le = d, vb = dv, lf = df, ed = dd;
		} else if (dv < n && d > b && words <= 3) {
			/* "IMAP Port - 993", "Outgoing server - smtp.example.net",
			 * "Encryption - SSL/TLS": a dash before the one value that
			 * ends the line, of the label's own type, separates as a
			 * colon would (a full stop ending the line is the
			 * sentence's) */
			size_t ve = n;
			while (ve > dv && (s[ve - 1] == ' ' || s[ve - 1] == '.' || s[ve - 1] == ';'))
				ve--;
			enum mp_nfield hf = mp_notice_classify(s + b, d - b, &dd);
			size_t tb = 0, te = 0;
			enum nr_vtype vt = ve > dv ? nr_typed_value(s, dv, ve, true, &tb, &te) : NV_NONE;
			bool whole = tb == dv && te == ve;
			if (whole && ((hf == NF_PORT && vt == NV_PORT) || (hf == NF_HOST && vt == NV_HOST) ||
			              (hf == NF_SECURITY && vt == NV_SEC)))
				sp = true, le = d, vb = dv, lf = hf, ed = dd;
		}
	}
	/* "ポート番号　受信：995（SSL）　送信：465（SSL）": the colon after the
	 * first direction ends no label; the port label's value is the list
	 * of ports named by direction or protocol */
	if (sp && lf == NF_PORT && vb < n) {
		size_t w = le;
		while (w > b && s[w - 1] == ' ')
			w--;
		size_t ws = w;
		while (ws > b && s[ws - 1] != ' ')
			ws--;
		static const char *const dirs[] = {"受信", "送信", "pop3", "pop", "imap", "smtp", "incoming", "outgoing", NULL};
		bool word = false, again = false;
		for (const char *const *d = dirs; *d && ws > b; d++)
			word |= w - ws == strlen(*d) && mp_strncasecmp(s + ws, *d, w - ws) == 0;
		for (const char *const *d = dirs; *d && word; d++)
			again |= nr_has(s + vb, n - vb, *d);
		if (word && again && mp_notice_classify(s + b, ws - b, &ed) == NF_PORT) {
			vb = ws;
			le = ws;
			while (le > b && s[le - 1] == ' ')
				le--;
		}
	}
	if (sp && lf != NF_NONE && !memchr(s + b, '|', n - b)) {
		/* "メールアドレスパスワード Um3eKp8z    備考": the two-space run came
		 * after the value; split at the last single space instead when a
		 * Japanese label is followed by an ASCII token. */
		size_t k = le;
		while (k > b && s[k - 1] != ' ')
			k--;
		bool val_ascii = vb < n && nr_is_ascii_tok(s + vb, nr_token_len(s + vb, n - vb));
		if (!val_ascii && k > b + 1 && (unsigned char)s[k - 2] >= 0x80 && s[k] != '(' &&
		    nr_is_ascii_tok(s + k, le - k)) {
			enum mp_nctx d2;
			if (mp_notice_classify(s + b, k - 1 - b, &d2) != NF_NONE) {
				vb = k;
				le = k - 1;
				lf = mp_notice_classify(s + b, le - b, &ed);
			}
		}
	}
	if (sp && item_label(x, l, b, le, vb, lf))
		return;
	if (sp && lf == NF_NONE && !memchr(s + b, '|', n - b) && provider_row(x, l, b, le, vb, n))
		return;
	if (host_then_use(x, l, b))
		return;
	/* "AOL: imap.aol.com (incoming) and smtp.aol.com (outgoing)": a name
	 * no label knows over hosts each naming its server in brackets is a
	 * provider's row, under any heading; its hosts are placed below */
	/* (or "Fastpost - pop3.… (POP3) plus …") */
	size_t ne = sp && lf == NF_NONE ? le : b, hv = vb;
	if (!sp) {
		ne = nr_find_dash(s, b, n, 30);
		hv = ne < n ? nr_skip_sp(s, ne + 3, n) : n;
	}
	if (ne > b && ne - b <= 30 && hv < n && !memchr(s + b, '|', n - b) &&
	    mp_notice_classify(s + b, ne - b, &(enum mp_nctx){NC_NONE}) == NF_NONE &&
	    mp_notice_words_ctx(s + b, ne - b) == NC_NONE) {
		size_t hb, he;
		bool digits = false;
		for (size_t k = b; k < ne; k++)
			digits |= isdigit((unsigned char)s[k]) != 0;
		if (!digits && nr_typed_value(s, hv, n, false, &hb, &he) == NV_HOST && hb == hv &&
		    host_bracket(s, he, n) != NC_NONE) {
			mailprof_loc loc = nr_loc_at(x, l, b);
			nr_brand(x, s + b, ne - b, &loc, false);
		}
	}
	/* "BigPond - mail.bigpond.com": a provider's name and its host joined
	 * by a dash, in a list under a heading naming one server */
	size_t dash = sp ? n : nr_find_dash(s, b, n, SIZE_MAX);
	if (dash < n && dash > b && !memchr(s + b, '|', n - b) &&
	    provider_row(x, l, b, dash, nr_skip_sp(s, dash + 3, n), n))
		return;
	/* Several values on a line with no separator before the first one: a
	 * sentence or several pairs; each value takes the label before it. */
	size_t first;
	size_t np = memchr(s + b, '|', n - b) ? 0 : value_pairs(x, l, b, false, &first);
	if (np == 0 && security_instruction(x, l, b)) {
		nr_prose(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* "IMAP server: Set to read: metnet.edu": an instruction between the
	 * label and its value; the value takes the nearest label that fits */
	bool misfit = sp && lf == NF_HOST && np >= 1 && vb < n && !nr_value_is(lf, s + vb, n - vb) &&
	              !isdigit((unsigned char)s[vb]);
	/* "IMAP Port: 993 POP3 Port: 995": a second label and separator in
	 * the value part; each value takes its own label */
	bool second = false;
	if (sp && np >= 2 && vb < n) {
		size_t c = vb, sp1 = vb;
		while (c < n && !(s[c] == ':' && !(c + 1 < n && isdigit((unsigned char)s[c + 1]))))
			c++;
		while (sp1 < c && s[sp1] != ' ')
			sp1++;
		enum mp_nctx d2;
		enum mp_nfield f2 = c < n && sp1 < c ? mp_notice_classify(s + sp1, c - sp1, &d2) : NF_NONE;
		/* not "Port SSL: 995 / non-SSL: 110": a security naming the port
		 * after it is the port's, read with it */
		second = f2 != NF_NONE && f2 != NF_IGNORE && !(lf == NF_PORT && f2 == NF_SECURITY);
	}
	/* "受信 outlook.office365.com", "SMTP smtp.example.com", "Incoming
	 * Mail (IMAP) Server - Requires SSL imap.gmail.com": a host that
	 * found its label on the line, without a separator */
	size_t fvb, fve;
	bool dir_word = np == 1 && !sp && first < n && first > b && nr_typed_value(s, first, n, false, &fvb, &fve) == NV_HOST &&
	                !nr_is_prose(s + b, n - b) && !nr_has(s + b, n - b, "※"); /* "host ※1": a footnote's host (fill.c) */
	/* "ユーザ名に apikey と設定します": a pair written as a sentence */
	bool ja_set = np >= 1 && first < n && ja_set_to(s, b, first, n);
	/* "Incoming server settings: Change server to mail.…, ensure the port
	 * is 143": a title naming a server's settings, then the steps that
	 * set them; the values take the labels in the steps */
	bool steps = sp && lf == NF_IGNORE && le - b <= 40 && !memchr(s + b, '.', le - b) && nr_has(s + b, le - b, "setting") &&
	             mp_notice_words_ctx(s + b, le - b) != NC_WEB;
	/* "should be 587" under "… Outgoing mail (SMTP) the entry" */
	enum mp_nctx wd;
	bool wrapped = np == 1 && !sp && first < n &&
	               (wrapped_subject(x, l, b, first, nr_typed_value(s, first, n, false, &fvb, &fve), &wd) != NF_NONE ||
	                naming_above(x, l)); /* "… is available at" / "pop3.…." */
	/* "※POP3 over SSL（ポート995）、SMTP over SSL（ポート465）にも対応",
	 * "We support POP3S (995) and IMAPS (993).": a list of protocols,
	 * each with its port in brackets, is port lines; so is such a list
	 * after a lead-in's colon ("These ports are open: SMTPS (465), …"),
	 * and a list naming each port's protocol ("pop3 port:110, pop3s port: 995") */
	size_t pl0 = sp && (lf == NF_PORT || lf == NF_NONE) ? vb : b;
	bool port_lines = ((!sp || pl0 > b) && !memchr(s + b, '|', n - b) && bracketed_ports(s, pl0, n) &&
	                   nr_matrix(NULL, l, s + pl0, n - pl0, pl0) >= 2) ||
	                  ((sp ? lf == NF_PORT : np >= 1) && !memchr(s + b, '|', n - b) && named_port_list(s, b, n, sp ? le : n) &&
	                   nr_matrix(NULL, l, s + b, n - b, b) >= 1);
	if (!port_lines && ((np >= 2 && !sp) || (np >= 1 && sp && (first < le || lf == NF_NONE || steps)) || misfit || second || dir_word || ja_set || wrapped ||
	    (np >= 2 && sp && lf == NF_PORT && vb < n && chosen_ports(s, vb, n)) ||
	    (np == 1 && !sp && nr_is_prose(s + b, n - b)))) {
		value_pairs(x, l, b, true, &first);
		nr_prose(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* "Encryption - Required", "Connection security - No", "Auth - Yes":
	 * a security or authentication label, a dash and a yes or a no is
	 * that label's row, not a port matrix's (which has no word for a yes) */
	if (!sp && !memchr(s + b, '|', n - b)) {
		size_t d = nr_find_dash(s, b, n, 40);
		size_t v = d < n ? nr_skip_sp(s, d + 3, n) : n, lead;
		enum mp_nctx dd;
		enum mp_nfield df = v < n ? mp_notice_classify(s + b, d - b, &dd) : NF_NONE;
		/* ("Auth - Yes" too: an authentication label's yes or no) */
		if ((df == NF_SECURITY &&
		     ((nr_parse_security(s + v, n - v) == -1 && nr_parse_yesno_auth(s + v, n - v) >= 0) ||
		      nr_parse_security(s + v, n - v) == MP_SEC_NONE) && n - v <= 24) ||
		    (df == NF_SMTP_AUTH && nr_yesno_auth_lead(s + v, n - v, &lead) >= 0 && lead <= 24)) {
			pair(x, l, b, d, v, n, marked);
			x->pending = NF_NONE;
			return;
		}
	}
	/* Port matrices ("IMAPs (port 993) TLS"), unless the row's label is a
	 * known field given with a separator. */
	/* ("Security: STARTTLS for SMTP and SSL for IMAP": each security
	 * names its server; the row's pair sets each, fill.c) */
	if (port_lines || ((lf == NF_NONE || lf == NF_SECURITY || (lf == NF_PORT && !sp)) && !(sp && vb < n && nr_value_is(NF_HOST, s + vb, n - vb)) &&
	    !(sp && lf == NF_SECURITY && vb < n && nr_sec_per_server(s + vb, n - vb)) &&
	    !host_cell(s, b, n) &&
	    (!nr_is_prose(s + b, n - b) || nr_has(s + b, n - b, "ssl") || nr_has(s + b, n - b, "tls") ||
	     nr_has(s + b, n - b, "secure") || nr_secure_name(s + b, n - b)) && /* "POP3S (995)、IMAPS (993) に対応" */
	    nr_matrix(NULL, l, s + b, n - b, b) > 0)) {
		size_t m0 = x->nmx;
		nr_matrix(x, l, s + b, n - b, b);
		x->pending = NF_NONE;
		hosts_of_ports(x, l, b, n, m0);
		/* "Incoming IMAP server (SSL enabled) imaps.… 993": a row of one
		 * server naming its host too (a table aligned with spaces, its
		 * header lost) */
		if (x->nmx == m0 + 1 && x->mx[m0].port > 0) {
			size_t hb = 0, he = 0, hosts = 0;
			for (size_t k = b; k < n && hosts < 2;) {
				size_t vb2, ve2;
				if ((k == b || s[k - 1] == ' ') && nr_typed_value(s, k, n, false, &vb2, &ve2) == NV_HOST && vb2 == k) {
					hosts++, hb = vb2, he = ve2;
					k = ve2;
				} else
					k++;
			}
			static const enum mp_nctx of[S_N] = {[S_IMAP] = NC_IMAP, [S_POP] = NC_POP, [S_SMTP] = NC_SMTP};
			int sv = x->mx[m0].srv;
			if (hosts == 1 && sv >= 0 && sv < S_N) {
				nr_set_field(x, l, hb, s + hb, he - hb, NF_HOST, of[sv]);
				/* (the security the words before it name: "(SSL)") */
				int ls = nr_span_sec(s + b, hb - b);
				if (x->mx[m0].sec < 0 && ls >= 0)
					x->mx[m0].sec = nr_sec_for_port(ls, x->mx[m0].port);
			}
		}
		/* "- IMAP Port - 993" / "Use SSL to connect": a row of one
		 * server names it for the rows after it, as a label does (its
		 * host may have been lost on the row above) */
		if (x->nmx == m0 + 1 && x->mx[m0].srv >= 0 && x->mx[m0].srv < S_N) {
			static const enum mp_nctx ofs[S_N] = {[S_IMAP] = NC_IMAP, [S_POP] = NC_POP, [S_SMTP] = NC_SMTP};
			x->named = ofs[x->mx[m0].srv];
		}
		/* "1. POP3 with SSL" / "- Address: …" / "- Port: 995": a list item
		 * naming one server and no port heads the rows below it */
		bool one = x->nmx == m0 + 1 && x->mx[m0].port == 0;
		if (one && (marked || b > nr_skip_sp(s, 0, n)) && !sp)
			x->cur = x->mx[m0].srv;
		return;
	}
	/* A sentence is not split at a single space ("…blocks port 465, use…"). */
	if (!sp && !memchr(s + b, '|', n - b) && !nr_is_prose(s + b, n - b) && nr_word_split(s, b, n, &le, &vb)) {
		sp = true;
		lf = mp_notice_classify(s + b, le - b, &ed);
	}
	if (!sp) /* a sentence, maybe wrapped before its full stop */
		nr_prose_login(x, l, b);
	bool note = nr_starts_any(s + b, n - b, (const char *const[]){"※", NULL}) > 0;
	if (note || (nr_is_prose(s + b, n - b) && (lf == NF_NONE || (!sp && !memchr(s + b, '|', n - b))))) {
		nr_prose(x, l, b);
		nr_prose_email(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* A value on the line after its label. */
	if (x->pending != NF_NONE) {
		enum mp_nfield f = x->pending;
		x->pending = NF_NONE;
		size_t vb2 = b;
		if (s[vb2] == '|')
			vb2 = nr_skip_sp(s, vb2 + 1, n);
		size_t ve = n;
		while (ve > vb2 && (s[ve - 1] == ' ' || s[ve - 1] == '|'))
			ve--;
		/* "… the mail server name you should use is:" / "mail.…net.", "…
		 * the secure port" / "993.": the full stop of the sentence is not
		 * the value's */
		if ((f == NF_HOST || f == NF_PORT) && ve > vb2 + 1 && s[ve - 1] == '.' && s[ve - 2] != '.')
			ve--;
		/* "Verification: PLAIN" is a row of its own, not the value of
		 * the label above; "mail.example.jp:587" is a value */
		size_t hb, he;
		enum nr_vtype lead = nr_typed_value(s, b, sp ? le : n, false, &hb, &he);
		bool own_label = sp && lf == NF_NONE && lead == NV_NONE;
		/* "STARTTLS または TLS接続 (いずれも TLS 1.2  または…)": a value
		 * of the pending field opens the line, whatever splits it later */
		bool opens = hb == b && nr_field_takes(f, lead) && (f == NF_SECURITY || f == NF_SMTP_AUTH);
		/* "username@pop.example.net" under a server's label: Eudora's
		 * user@host form; the host is the part after the "@" */
		if (f == NF_HOST && !sp) {
			size_t tl = nr_token_len(s + vb2, ve - vb2);
			const char *at = memchr(s + vb2, '@', tl);
			if (at && at > s + vb2 && nr_valid_host(at + 1, tl - (size_t)(at + 1 - (s + vb2)))) {
				size_t hb2 = (size_t)(at + 1 - s);
				nr_set_field(x, l, hb2, s + hb2, vb2 + tl - hb2, f, x->pending_dir);
				return;
			}
		}
		/* "Incoming Server:" / "mail.yourdomain.com" under a "POP3"
		 * heading: a template is the label's value (reported as no host),
		 * not a plain heading ending the section, so the port and the
		 * security after it stay the section's server's */
		enum mp_nctx pd = x->pending_dir;
		bool tpl = f == NF_HOST && !sp && (pd == NC_IN || nr_srv_of(pd) >= 0) &&
		           (x->named == pd || (x->named == NC_NONE && pd == x->ctx && !x->head_ways)) && /* (the label's or section's own) */
		           nr_template_host(s + vb2, nr_token_len(s + vb2, ve - vb2));
		if (ve > vb2 && !own_label && (lf == NF_NONE || opens || (!sp && nr_value_is(f, s + vb2, ve - vb2))) &&
		    (fits(f, s + vb2, ve - vb2) || tpl)) {
			if (f == NF_SECURITY && x->pending_ssl && nr_parse_security(s + vb2, ve - vb2) == -1 &&
			    nr_parse_yesno_auth(s + vb2, ve - vb2) == MP_AUTH_PASSWORD_CLEARTEXT)
				nr_set_field(x, l, vb2, "SSL", 3, f, x->pending_dir);
			else
				nr_set_field(x, l, vb2, s + vb2, ve - vb2, f, x->pending_dir);
			int p;
			if (f == NF_PORT && x->pending_sec >= 0 && x->cur >= 0 && nr_port_at(s, vb2, ve, &p)) {
				mailprof_loc pl = nr_loc_at(x, l, vb2);
				nr_offer_port(&nr_cur_acc(x)->s[x->cur], p, nr_sec_for_port(x->pending_sec, p), &pl);
			}
			return;
		}
	}
	if (lf == NF_NONE)
		nr_prose_email(x, l, b);
	if (!sp && lone_value(x, l, b))
		return;
	/* Table rows: cells separated by '|'; ";" may join several pairs. */
	if (memchr(s + b, '|', n - b)) {
		/* at most two cells per '|' or ';' and one more: room for all */
		size_t seps = 0;
		for (size_t k = b; k < n; k++)
			seps += s[k] == '|' || s[k] == ';';
		nr_cells_room(x, 2 * seps + 2);
		size_t *cb = x->cb, *ce = x->ce, nc = 0;
		size_t i = b;
		if (s[i] == '|')
			i++;
		while (i <= n) {
			size_t j = i;
			while (j < n && s[j] != '|' && s[j] != ';')
				j++;
			size_t a0 = nr_skip_sp(s, i, j), a1 = j;
			while (a1 > a0 && s[a1 - 1] == ' ')
				a1--;
			cb[nc] = a0;
			ce[nc] = a1;
			nc++;
			if (j < n && s[j] == ';') { /* end of one pair */
				cb[nc] = ce[nc] = j;
				nc++;
			}
			i = j + 1;
		}
		while (nc && ce[nc - 1] == cb[nc - 1])
			nc--;
		if (nc == 0)
			return;
		/* Leading empty cells (rows under a heading cell, HTML <td></td>). */
		size_t lead = 0;
		while (lead < nc && cb[lead] == ce[lead])
			lead++;
		if (lead == nc)
			return;
		if (lead) {
			memmove(cb, cb + lead, (nc - lead) * sizeof *cb);
			memmove(ce, ce + lead, (nc - lead) * sizeof *ce);
			nc -= lead;
		}
		/* "Incoming (IMAP): imap.… | Port: 993 | SSL/TLS": the first cell
		 * a pair of its own (a label, its colon, a value of the label's
		 * field): a row of pairs, not label | value; each cell is read
		 * as a line of its own, in order */
		if (nc >= 2 && x->split_depth < 16 && nr_pair_cell(s, cb[0], ce[0])) {
			size_t *vb2 = mp_xmalloc(2 * nc * sizeof *vb2); /* (read_view reuses x->cb) */
			for (size_t k = 0; k < nc; k++)
				vb2[2 * k] = cb[k], vb2[2 * k + 1] = ce[k];
			for (size_t k = 0; k < nc; k++) {
				size_t c0 = vb2[2 * k], c1 = vb2[2 * k + 1];
				/* ("| SSL/TLS": a bare security cell is the server's before it) */
				if (k && x->cur >= 0 && nr_value_is(NF_SECURITY, s + c0, c1 - c0))
					nr_set_field(x, l, c0, s + c0, c1 - c0, NF_SECURITY, nr_ctx_of(x->cur));
				else if (c0 < c1)
					read_view(x, l, c0, c1);
			}
			free(vb2);
			return;
		}
		/* "Incoming mail (IMAP) | Server | host": a heading (or a group
		 * name such as "Account") in the first cell, the pair after it. */
		if (nc >= 3 && cb[1] < ce[1] && cb[2] < ce[2]) {
			enum mp_nctx d0, d1;
			enum mp_nfield f0 = mp_notice_classify(s + cb[0], ce[0] - cb[0], &d0);
			enum mp_nfield f1 = mp_notice_classify(s + cb[1], ce[1] - cb[1], &d1);
			size_t t1 = nr_token_len(s + cb[1], ce[1] - cb[1]);
			bool v1 = nr_valid_host(s + cb[1], t1) || nr_valid_email(s + cb[1], t1) || isdigit((unsigned char)s[cb[1]]);
			enum mp_nctx w0 = mp_notice_words_ctx(s + cb[0], ce[0] - cb[0]);
			if (!v1 && f1 != NF_NONE && f1 != NF_IGNORE &&
			    (f0 == NF_NONE || (f0 == NF_HOST && w0 != NC_NONE && w0 != NC_WEB))) {
				if (w0 != NC_NONE)
					heading(x, s + cb[0], ce[0] - cb[0]);
				memmove(cb, cb + 1, (nc - 1) * sizeof *cb);
				memmove(ce, ce + 1, (nc - 1) * sizeof *ce);
				nc--;
			}
		}
		/* "Incoming mail (IMAP)  Server | …": a heading before the first label. */
		for (size_t k = cb[0]; k + 1 < ce[0]; k++)
			if (s[k] == ' ' && s[k + 1] == ' ') {
				enum mp_nctx hw = mp_notice_words_ctx(s + cb[0], k - cb[0]);
				if (hw != NC_NONE) {
					heading(x, s + cb[0], k - cb[0]);
					cb[0] = nr_skip_sp(s, k, ce[0]);
				}
				break;
			}
		/* Pair up cells: label | value [| notes]; a ";" empty marker restarts. */
		for (size_t k = 0; k < nc;) {
			size_t vbk = k + 1 < nc ? cb[k + 1] : ce[k], vek = k + 1 < nc ? ce[k + 1] : ce[k];
			pair(x, l, cb[k], ce[k], vbk, vek, marked && k == 0);
			/* "送信ポート | SMTP(25番) | Submission( 587番)": more ports
			 * of a port row are offered too (the most secure wins) */
			enum mp_nctx pd;
			enum mp_nfield kf = mp_notice_classify(s + cb[k], ce[k] - cb[k], &pd);
			bool ports = k + 1 < nc && kf == NF_PORT;
			/* "受信サーバー | pop.… | 995 | SSL": the cells after a
			 * server's host are its port and its security */
			size_t hb, he;
			bool host_row = k + 1 < nc && kf == NF_HOST && x->cur >= 0 &&
			                nr_typed_value(s, cb[k + 1], ce[k + 1], false, &hb, &he) == NV_HOST && he == ce[k + 1];
			size_t m = k + 2;
			for (; m < nc && cb[m] != ce[m]; m++) { /* notes columns */
				int pp, ps, pm;
				size_t pa;
				if (host_row) {
					enum nr_vtype nv = nr_typed_value(s, cb[m], ce[m], false, &hb, &he);
					if (nv == NV_PORT || nv == NV_SEC) {
						nr_set_field(x, l, cb[m], s + cb[m], ce[m] - cb[m], nv == NV_PORT ? NF_PORT : NF_SECURITY,
						             nr_ctx_of(x->cur));
						continue;
					}
					host_row = false;
				}
				ports = ports && nr_parse_port(s + cb[m], ce[m] - cb[m], &pp, &ps, &pa, &pm) &&
				        nr_port_at(s, cb[m] + pa, ce[m], &pp);
				if (ports)
					pair(x, l, cb[k], ce[k], cb[m], ce[m], false);
			}
			k = m + 1;
			while (k < nc && cb[k] == ce[k])
				k++;
		}
		return;
	}
	if (!sp) {
		pair(x, l, b, n, n, n, marked);
		return;
	}
	pair(x, l, b, le, vb, n, marked);
}

void nr_line(struct ex *x, const mp_nline *l)
{
	line_one(x, l);
	bool marked;
	size_t b = nr_strip_lead(l->s, l->len, &marked);
	if (b < l->len && l->len - b > 8 && !memchr(l->s + b, '|', l->len - b))
		announces(x, NULL, l->s, b, l->len);
}
