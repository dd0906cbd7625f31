/* Stage 5 of the reader (docs/notice-reader.md): attaching values to
 * labels. Each line is read once, top to bottom: a value takes the label
 * before it on its line, the label line above it (pending), the column
 * header of its table, or the heading of its block (the context); headings
 * set the direction/protocol context; sentences still count. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* An address inside a sentence ("Your email account x@y is ready"): used
 * only when no address row names one. */
static void prose_email(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	if (x->prose_email.v || !(nr_has(s + b, n - b, "address") || nr_has(s + b, n - b, "account") ||
	                          nr_has(s + b, n - b, "mailbox") ||
	                          nr_has(s + b, n - b, "アドレス") || nr_has(s + b, n - b, "アカウント")))
		return;
	for (size_t i = b; i < n; i++) {
		if (i > b && s[i - 1] != ' ' && s[i - 1] != ':' && s[i - 1] != '<')
			continue;
		size_t t = nr_token_len(s + i, n - i);
		while (t && (s[i + t - 1] == '.' || s[i + t - 1] == ','))
			t--;
		if (nr_valid_email(s + i, t)) {
			mailprof_loc loc = nr_loc_at(x, l, i);
			mp_str_setn(&x->prose_email, s + i, t, &loc);
			return;
		}
	}
}

/* Sentences still tell things: "[このサーバーは認証が必要]にチェック",
 * "※ポート番号は587をご利用ください". */
static void prose(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s + b;
	size_t n = l->len - b;
	if ((nr_has(s, n, "認証が必要") || nr_has(s, n, "requires authentication") || nr_has(s, n, "smtp認証") ||
	     nr_has(s, n, "smtp-auth")) &&
	    !nr_has(s, n, "不要")) {
		x->auth_hint = true;
		x->auth_hint_loc = nr_loc_at(x, l, b);
	}
	/* "POP before SMTP をご利用ください", unless it says it ended. */
	if ((nr_has(s, n, "pop before smtp") || nr_has(s, n, "popbeforesmtp")) && !nr_has(s, n, "廃止") &&
	    !nr_has(s, n, "終了") && !nr_has(s, n, "no longer") && !nr_has(s, n, "未対応")) {
		x->pbs_hint = true;
		x->pbs_loc = nr_loc_at(x, l, b);
	}
	if (nr_has(s, n, "587") && (nr_has(s, n, "ポート") || nr_has(s, n, "port") || nr_has(s, n, "サブミッション"))) {
		x->note587 = true;
		x->note587_loc = nr_loc_at(x, l, b + (size_t)(strstr(s, "587") - s));
	}
}

static void heading(struct ex *x, const char *s, size_t n)
{
	x->ctx = mp_notice_words_ctx(s, n);
	/* A plain heading may name a provider (E3 lists several brands). */
	/* Not "■SSLをご利用の場合" nor "If you use SSL": a variant of the same
	 * provider's servers, not another provider. */
	static const char *const variant[] = {"ssl", "tls", "暗号", "場合", "の方", "お客様", "if ", "when ",
	                                      "secure", NULL};
	bool is_variant = false;
	for (const char *const *v = variant; *v; v++)
		is_variant |= nr_has(s, n, *v);
	if (x->ctx == NC_NONE && !is_variant && n && n <= 60 && x->now && s >= x->now->s &&
	    s < x->now->s + x->now->len) {
		mailprof_loc loc = nr_loc_at(x, x->now, (size_t)(s - x->now->s));
		size_t e = n;
		while (e && (s[e - 1] == ':' || s[e - 1] == ' '))
			e--;
		mp_str_setn(&x->brand, s, e, &loc);
		x->brand_seen = true;
	}
	x->cur = -1;
	if (x->ctx == NC_IMAP)
		x->cur = S_IMAP;
	else if (x->ctx == NC_POP)
		x->cur = S_POP;
	else if (x->ctx == NC_SMTP)
		x->cur = S_SMTP;
}

/* One label/value pair (value may be empty) from a line or a table cell. */
static void pair(struct ex *x, const mp_nline *l, size_t lb, size_t le, size_t vb, size_t ve,
                 bool marked)
{
	const char *s = l->s;
	nr_trim_label(s, &lb, &le);
	while (ve > vb && (s[ve - 1] == ' ' || s[ve - 1] == '|'))
		ve--;
	enum mp_nctx edir;
	enum mp_nfield f = le > lb ? mp_notice_classify(s + lb, le - lb, &edir) : NF_NONE;
	if (vb >= ve) { /* no value: a heading, or a label whose value is on the next line */
		if (le <= lb)
			return;
		if (marked || f == NF_NONE || f == NF_HOST || f == NF_IGNORE) {
			enum mp_nctx w = mp_notice_words_ctx(s + lb, le - lb);
			if (marked || w != NC_NONE || f == NF_NONE)
				heading(x, s + lb, le - lb);
			if (f == NF_IGNORE && edir == NC_WEB)
				x->ctx = NC_WEB;
		}
		/* "■メールアドレス" / "- Port:" with the value on the next line: a
		 * marked heading naming a field announces its value too. */
		if (f != NF_NONE && f != NF_IGNORE) {
			x->pending = f;
			x->pending_dir = nr_label_dir(x, s + lb, le - lb, edir);
		}
		return;
	}
	if (x->ctx == NC_WEB && f != NF_NONE) /* rows under a web-mail heading */
		return;
	if (f == NF_IGNORE) { /* a web-mail row with its value is one row, not a section */
		prose(x, l, lb);
		return;
	}
	if (f == NF_NONE) {
		if (isdigit((unsigned char)s[lb]) || nr_is_prose(s + lb, ve - lb) || le - lb > 60)
			return; /* continuation cells and sentences */
		char *lab = mp_xstrndup(s + lb, le - lb);
		nr_info(x, l, lb, "if this is a mail setting, parse the notice with a template (--template)",
		     "`%s` looks like a setting but is not a known label; not used", lab);
		free(lab);
		return;
	}
	if (x->ctx == NC_WEB)
		x->ctx = NC_NONE;
	x->both_in = f == NF_HOST && nr_has(s + lb, le - lb, "pop") && nr_has(s + lb, le - lb, "imap");
	enum mp_nctx dir = nr_label_dir(x, s + lb, le - lb, edir);
	/* "Mail server (POP, IMAP and SMTP)": one host for every server */
	if (f == NF_HOST && (nr_has(s + lb, le - lb, "pop") || nr_has(s + lb, le - lb, "imap")) &&
	    nr_has(s + lb, le - lb, "smtp"))
		dir = NC_ANY, x->both_in = false;
	nr_set_field(x, l, vb, s + vb, ve - vb, f, dir);
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

/* "Log in with your full e-mail address", "ユーザー名にはメールアドレスを
 *入力": the login is a word about the address. Used only for accounts
 * whose rows name no login. */
static void prose_login(struct ex *x, const mp_nline *l, size_t b)
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
		if (k > 0 && (isalnum((unsigned char)s[k - 1]) || s[k - 1] == '.' || s[k - 1] == '-' ||
		              s[k - 1] == '@'))
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
			if (nr_starts_any(s + j, e - j, (const char *const[]){"ポート", "port", "Port", NULL}))
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

/* A table aligned with spaces: a header row whose cells all name fields
 * ("Server   Port   Encryption"), then rows whose cells sit under them,
 * after an optional row heading ("Incoming (POP3)"). True when the line
 * was such a header or row. */
static bool space_table(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	if (memchr(s + b, '|', n - b) || memchr(s + b, ':', n - b) || memchr(s + b, '=', n - b)) {
		x->nscol = 0;
		return false;
	}
	size_t nc = nr_space_cells(x, s, b, n);
	size_t *cb = x->cb, *ce = x->ce;
	/* the header */
	size_t named = 0;
	bool values = false;
	enum mp_nfield *f = x->cf;
	for (size_t k = 0; k < nc; k++) {
		enum mp_nctx d;
		f[k] = mp_notice_classify(s + cb[k], ce[k] - cb[k], &d);
		size_t t = nr_token_len(s + cb[k], ce[k] - cb[k]);
		if (memchr(s + cb[k], '@', ce[k] - cb[k]) || nr_valid_host(s + cb[k], t) ||
		    isdigit((unsigned char)s[cb[k]]) || memchr(s + cb[k], ' ', ce[k] - cb[k]))
			values = true;
		bool dup = false;
		for (size_t j = 0; j < k; j++)
			dup |= f[j] == f[k];
		if (!dup && (f[k] == NF_HOST || f[k] == NF_PORT || f[k] == NF_SECURITY || f[k] == NF_LOGIN ||
		             f[k] == NF_PASSWORD || f[k] == NF_EMAIL || f[k] == NF_SMTP_AUTH))
			named++;
	}
	/* Three distinct field names at least: "ユーザー名   メールアドレスと同じ"
	 * is a label and its value, not a header. */
	if (nc >= 3 && named == nc && !values) {
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
		nr_set_field(x, l, cb[k], s + cb[k], ce[k] - cb[k], x->sfield[j - 1],
		          x->ctx == NC_WEB ? NC_NONE : x->ctx);
		used++;
	}
	if (!used)
		x->nscol = 0;
	return used > 0;
}

/* Values first, on one line: each typed value takes the label text
 * between it and the value placed before it ("Incoming mail server -
 * encryption is SSL, port is 993"; "Your mailbox a@b.example is ready
 * (Username: ab)."). The first direction the labels name holds for the
 * whole line. Returns how many values found a label that takes them, and
 * in *first where the first of them starts; apply: set them. */
static size_t value_pairs(struct ex *x, const mp_nline *l, size_t b, bool apply, size_t *first)
{
	const char *s = l->s;
	size_t n = l->len, prev = b, placed = 0;
	enum mp_nctx line_dir = NC_NONE, saved = x->ctx;
	*first = n;
	/* a condition or an alternative ("If … blocks port 465, use port 587
	 * instead") is advice, not the settings */
	static const char *const cond[] = {"if ", "unless", "instead", "場合", "もしくは", "または", NULL};
	for (const char *const *c = cond; *c; c++)
		if (nr_has(s + b, n - b, *c))
			return 0;
	for (size_t i = b; i < n;) {
		unsigned char pc = i > b ? (unsigned char)s[i - 1] : ' ';
		if ((pc < 0x80 && !strchr(" ,(", (char)pc)) || ((unsigned char)s[i] & 0xC0) == 0x80) {
			i++;
			continue;
		}
		size_t k = i; /* the text since the last value ends with a separator? */
		while (k > prev && s[k - 1] == ' ')
			k--;
		bool after_sep = (k > prev && (s[k - 1] == ':' || s[k - 1] == '=')) ||
		                 (k >= prev + 3 && mp_strncasecmp(s + k - 3, " is", 3) == 0);
		size_t vb, ve;
		enum nr_vtype v = nr_typed_value(s, i, n, after_sep, &vb, &ve);
		if (v == NV_NONE || ve <= vb) {
			i++;
			continue;
		}
		enum mp_nctx ed;
		enum mp_nfield f = vb > prev ? mp_notice_classify(s + prev, vb - prev, &ed) : NF_NONE;
		enum mp_nctx w = vb > prev ? mp_notice_words_ctx(s + prev, vb - prev) : NC_NONE;
		if (line_dir == NC_NONE && w != NC_WEB)
			line_dir = w;
		if (f != NF_NONE && nr_field_takes(f, v)) {
			if (!placed++)
				*first = vb;
			if (apply) {
				x->ctx = line_dir != NC_NONE ? line_dir : saved;
				nr_set_field(x, l, vb, s + vb, ve - vb, f, nr_label_dir(x, s + prev, vb - prev, ed));
			}
			prev = ve;
		}
		i = ve;
	}
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
	size_t n = l->len;
	if (memchr(s + b, '|', n - b) || memchr(s + b, ':', n - b)) {
		x->nmcol = 0;
		return false;
	}
	size_t nc = nr_space_cells(x, s, b, n);
	size_t *cb = x->cb, *ce = x->ce;
	bool header = nc >= 2;
	for (size_t k = 0; k < nc && header; k++) {
		int sec = nr_parse_security(s + cb[k], ce[k] - cb[k]);
		header = sec >= 0 && memchr(s + cb[k], ' ', ce[k] - cb[k]) == NULL;
	}
	if (header) {
		x->mcol = mp_xrealloc(x->mcol, nc * sizeof *x->mcol);
		x->msec = mp_xrealloc(x->msec, nc * sizeof *x->msec);
		for (size_t k = 0; k < nc; k++) {
			int sec = nr_parse_security(s + cb[k], ce[k] - cb[k]);
			x->mcol[k] = mp_nline_col(l, cb[k]);
			x->msec[k] = sec == SW_TLS_AMBIG ? MP_SEC_TLS : sec;
		}
		x->nmcol = nc;
		return true;
	}
	if (!x->nmcol || nc < 2)
		return x->nmcol = 0, false;
	enum mp_nctx c = mp_notice_words_ctx(s + cb[0], ce[0] - cb[0]);
	int srv = c == NC_IMAP ? S_IMAP : c == NC_POP ? S_POP : c == NC_SMTP ? S_SMTP : -1;
	if (srv < 0)
		return x->nmcol = 0, false;
	for (size_t k = 1; k < nc; k++) {
		if (!nr_all_digits(s + cb[k], ce[k] - cb[k]) || ce[k] - cb[k] > 5)
			continue;
		int col = mp_nline_col(l, cb[k]);
		size_t j = x->nmcol; /* the header cell this one sits under */
		while (j > 0 && x->mcol[j - 1] > col + 1)
			j--;
		if (j == 0)
			continue;
		int sec = x->msec[j - 1];
		x->mx = mp_xgrow(x->mx, x->nmx, sizeof *x->mx);
		struct mentry *e = &x->mx[x->nmx++];
		e->srv = srv;
		e->port = atoi(s + cb[k]);
		e->sec = sec;
		e->rank = sec == MP_SEC_TLS ? 3 : sec == MP_SEC_STARTTLS ? 2 : 1;
		e->loc = nr_loc_at(x, l, cb[k]);
	}
	return true;
}

void nr_line(struct ex *x, const mp_nline *l)
{
	x->now = l;
	const char *s = l->s;
	size_t n = l->len;
	bool marked;
	size_t b = nr_strip_lead(s, n, &marked);
	if (b >= n) {
		x->pending = NF_NONE;
		x->nscol = 0;
		x->nmcol = 0;
		free(x->rule_cont);
		x->rule_cont = NULL;
		return;
	}
	if (sec_matrix(x, l, b) || space_table(x, l, b) || domain_rule(x, l, b))
		return;
	/* A remark in brackets on its own line (the reading of the password
	 * above, an example) is neither a heading nor a value. */
	if (s[b] == '(' && s[n - 1] == ')' && !memchr(s + b, '|', n - b) && !memchr(s + b, '@', n - b) &&
	    !nr_has(s + b, n - b, "例"))
		return;
	size_t le = 0, vb = 0;
	bool sp = nr_bracket_split(s, b, n, &le, &vb) || nr_split(s, b, n, &le, &vb);
	enum mp_nctx ed;
	enum mp_nfield lf = sp ? mp_notice_classify(s + b, le - b, &ed) : mp_notice_classify(s + b, n - b, &ed);
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
	/* Several values on a line with no separator before the first one: a
	 * sentence or several pairs; each value takes the label before it. */
	size_t first;
	if (!memchr(s + b, '|', n - b) && value_pairs(x, l, b, false, &first) >= 2 && (!sp || first < le)) {
		value_pairs(x, l, b, true, &first);
		prose(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* A sentence is not split at a single space ("…blocks port 465, use…"). */
	if (!sp && !memchr(s + b, '|', n - b) && !nr_is_prose(s + b, n - b) && nr_word_split(s, b, n, &le, &vb)) {
		sp = true;
		lf = mp_notice_classify(s + b, le - b, &ed);
	}
	if (!sp) /* a sentence, maybe wrapped before its full stop */
		prose_login(x, l, b);
	bool note = nr_starts_any(s + b, n - b, (const char *const[]){"※", NULL}) > 0;
	if (note || (nr_is_prose(s + b, n - b) && (lf == NF_NONE || (!sp && !memchr(s + b, '|', n - b))))) {
		prose(x, l, b);
		prose_email(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* Port matrices, unless the row's label is a known field. */
	if ((lf == NF_NONE || lf == NF_SECURITY) && nr_matrix(NULL, l, s + b, n - b, b) > 0) {
		nr_matrix(x, l, s + b, n - b, b);
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
		if (ve > vb2 && (lf == NF_NONE || (!sp && nr_value_is(f, s + vb2, ve - vb2))) &&
		    fits(f, s + vb2, ve - vb2)) {
			nr_set_field(x, l, vb2, s + vb2, ve - vb2, f, x->pending_dir);
			return;
		}
	}
	if (lf == NF_NONE)
		prose_email(x, l, b);
	/* Table rows: cells separated by '|'; ";" may join several pairs. */
	if (!memchr(s + b, '|', n - b))
		x->ncols = 0;
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
		/* Column tables: "No. | メールアドレス | パスワード" then one row per
		 * account. A header row names two or more fields and holds no value. */
		size_t nfields = 0;
		bool values = false;
		enum mp_nfield *cf = x->cf;
		for (size_t k = 0; k < nc; k++) {
			enum mp_nctx cd;
			cf[k] = cb[k] < ce[k] ? mp_notice_classify(s + cb[k], ce[k] - cb[k], &cd) : NF_NONE;
			/* distinct column fields; security words are values as often as labels */
			bool seen = false;
			for (size_t j = 0; j < k; j++)
				seen |= cf[j] == cf[k];
			if (!seen && (cf[k] == NF_EMAIL || cf[k] == NF_LOGIN || cf[k] == NF_PASSWORD ||
			              cf[k] == NF_HOST || cf[k] == NF_PORT || cf[k] == NF_NAME))
				nfields++;
			size_t tk = nr_token_len(s + cb[k], ce[k] - cb[k]), spaces = 0;
			for (size_t j = cb[k]; j < ce[k]; j++)
				spaces += s[j] == ' ';
			if (spaces >= 3) /* a sentence is a value, not a column name */
				values = true;
			if (memchr(s + cb[k], '@', ce[k] - cb[k]) || nr_valid_host(s + cb[k], tk) ||
			    (ce[k] > cb[k] && isdigit((unsigned char)s[cb[k]]) && k > 0))
				values = true;
		}
		if (nfields >= 2 && !values && nc >= 2) {
			x->cols = mp_xrealloc(x->cols, nc * sizeof *x->cols);
			memcpy(x->cols, cf, nc * sizeof *cf);
			x->ncols = nc;
			return;
		}
		if (x->ncols && nfields < 2) {
			/* the address first: it may start the row's account */
			for (int pass = 0; pass < 2; pass++)
				for (size_t k = 0; k < nc && k < x->ncols; k++) {
					enum mp_nfield f = x->cols[k];
					if (f == NF_NONE || f == NF_IGNORE || cb[k] == ce[k] || (pass == 0) != (f == NF_EMAIL))
						continue;
					nr_set_field(x, l, cb[k], s + cb[k], ce[k] - cb[k], f, NC_NONE);
				}
			return;
		}
		x->ncols = 0;
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
			size_t m = k + 2;
			while (m < nc && cb[m] != ce[m])
				m++; /* notes columns */
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
