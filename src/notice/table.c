/* The table model (docs/notice-reader.md § Tables): a block of rows is
 * read as one table, whatever layout the text extraction left it in
 * (`|` rows, Markdown rules, cells flattened one per line with their
 * border). Its header row and header column are found by what they hold
 * (protocols, field labels, security modes, provider names), and every
 * value cell reaches fill.c through its row's and its column's headers,
 * with the section heading above the table for what they leave open. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* What a cell is, read as a header. */
enum hkind {
	H_EMPTY,
	H_VALUE, /* an address, a host, a number, a sentence */
	H_FIELD, /* a field's label: "Server", "ポート番号", "Incoming mail server" */
	H_PROTO, /* a protocol or a direction alone: "IMAP", "POP3の場合", "Outgoing" */
	H_MODE,  /* a security mode as a column: "SSL/TLS", "Port (Unencrypted)" */
	H_NAME   /* any other short text: "ISP", "Setting", a provider's name */
};

struct hcell {
	enum hkind k;
	enum mp_nfield f;
	enum mp_nctx d; /* the direction or protocol the cell names */
	enum mp_nctx w; /* the same, named by its words (not a dictionary default) */
	int sec;        /* H_MODE: its security */
};

struct trow {
	const mp_nline *l; /* the row's line (its first cell's) */
	size_t nc;
	/* a row of more cells is no table of settings; each cell keeps its
	 * lines (first cl, last cz: a cell the text extraction broke across
	 * lines spans several), begun at cb on cl and ended at ce on cz */
	const mp_nline *cl[16], *cz[16];
	size_t cb[16], ce[16];
	char *jt[16]; /* a cell of several lines, its lines joined; else NULL */
	enum mp_nctx head; /* a heading line inside a broken table, above the row ("Outgoing") */
};

static bool is_proto(enum mp_nctx c)
{
	return c == NC_IN || c == NC_POP || c == NC_IMAP || c == NC_SMTP;
}


/* A column named by its security in a few words: "With SSL encryption",
 * "Without SSL encryption", "No encryption", "Using STARTTLS"; opened by
 * with, without, no or using, every other word a security's or a filler
 * ("encryption", "connection"). */
static int mode_words(const char *s, size_t n)
{
	static const char *const open[] = {"with ", "without ", "no ", "using ", NULL};
	static const char *const filler[] = {"encryption", "encrypted", "connection", "ssl/tls", "ssl", "tls",
	                                     "starttls", NULL};
	size_t o = 0, words = 1;
	for (const char *const *w = open; *w && !o; w++)
		if (strlen(*w) < n && mp_strncasecmp(s, *w, strlen(*w)) == 0)
			o = strlen(*w);
	if (!o)
		return -1;
	for (size_t i = nr_skip_sp(s, o, n); i < n; i = nr_skip_sp(s, i, n), words++) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		bool known = false;
		for (const char *const *w = filler; *w && !known; w++)
			known = strlen(*w) == j - i && mp_strncasecmp(s + i, *w, j - i) == 0;
		if (!known || words > 4)
			return -1;
		i = j;
	}
	int sec = nr_span_sec(s, n);
	if (s[0] == 'n' || s[0] == 'N' || mp_strncasecmp(s, "without ", 8) == 0)
		sec = MP_SEC_NONE;
	return sec;
}

int nr_mode_column(const char *s, size_t n)
{
	static const char *const port_words[] = {"port numbers", "port number", "ports", "port", "ポート番号",
	                                          "ポート", NULL};
	size_t b = 0, k = 0;
	for (const char *const *w = port_words; *w && !k; w++)
		if (strlen(*w) <= n && mp_strncasecmp(s, *w, strlen(*w)) == 0)
			k = strlen(*w);
	if (k) { /* "Port (SSL/TLS)": the mode in brackets after the port word */
		b = nr_skip_sp(s, k, n);
		if (b >= n || s[b] != '(' || s[n - 1] != ')')
			return -1;
		b++, n--;
	}
	if (memchr(s + b, ' ', n - b))
		return k ? -1 : mode_words(s, n);
	int sec = nr_parse_security(s + b, n - b);
	if (sec == -1 && k) /* "Unencrypted", "Secure" */
		sec = nr_span_sec(s + b, n - b);
	return sec == SW_TLS_AMBIG ? MP_SEC_TLS : sec;
}

static struct hcell kind_of(const char *s, size_t n)
{
	struct hcell h = {H_EMPTY, NF_NONE, NC_NONE, NC_NONE, -1};
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--; /* "AAPT :" */
	if (!n)
		return h;
	size_t tk = nr_token_len(s, n), spaces = 0;
	for (size_t i = 0; i < n; i++)
		spaces += s[i] == ' ';
	if (memchr(s, '@', n) || nr_valid_host(s, tk) || isdigit((unsigned char)s[0]) || nr_has(s, n, "。") || n > 60) {
		h.k = H_VALUE;
		return h;
	}
	enum mp_nctx d;
	h.f = mp_notice_classify(s, n, &d);
	enum mp_nctx w = mp_notice_words_ctx(s, n);
	/* words make a sentence, but "Incoming Mail Server (IMAP)" is a
	 * server's label */
	if (spaces >= 3 && !(h.f == NF_HOST && is_proto(w) && spaces <= 4)) {
		h = (struct hcell){H_VALUE, NF_NONE, NC_NONE, NC_NONE, -1};
		return h;
	}
	h.w = w;
	h.sec = nr_mode_column(s, n);
	if (h.sec >= 0) {
		h.k = H_MODE;
		/* ("Port (SSL)": a port's label, its security in brackets) */
		if (mp_strncasecmp(s, "port", 4) == 0 || nr_has(s, n < 15 ? n : 15, "ポート"))
			h.f = NF_PORT;
		return h;
	}
	/* "SSL Port", "STARTTLS Port": a port column with its security */
	static const char *const pw[] = {" ports", " port", NULL};
	for (const char *const *p = pw; *p; p++) {
		size_t pl = strlen(*p);
		int ps = n > pl && mp_strncasecmp(s + n - pl, *p, pl) == 0 ? nr_parse_security(s, n - pl) : -1;
		if (ps >= 0) {
			h = (struct hcell){H_FIELD, NF_PORT, NC_NONE, w, ps};
			return h;
		}
	}
	/* "IMAP", "POP3の場合", "SMTP (alternative)", "Outgoing": a protocol or a
	 * direction alone, not a field named after one ("SMTP server") */
	if (is_proto(w) && (h.f == NF_NONE || h.f == NF_IGNORE || (!spaces && n <= 10) || n <= 6)) {
		h.k = H_PROTO;
		h.d = w;
		return h;
	}
	if (h.f != NF_NONE && h.f != NF_IGNORE) {
		h.k = H_FIELD;
		h.d = is_proto(w) ? w : d;
		return h;
	}
	h.k = H_NAME;
	return h;
}

/* The cells of a `|` row (borders at both ends dropped, empty cells
 * inside kept); 0 when the line is no such row. */
static size_t pipe_cells(const mp_nline *l, struct trow *r)
{
	const char *s = l->s;
	size_t n = l->len, b = nr_skip_sp(s, 0, n);
	while (n > b && s[n - 1] == ' ')
		n--;
	if (b >= n || !memchr(s + b, '|', n - b))
		return 0;
	size_t i = s[b] == '|' ? b + 1 : b, e = s[n - 1] == '|' ? n - 1 : n, nc = 0;
	while (i <= e) {
		size_t j = i;
		while (j < e && s[j] != '|')
			j++;
		if (nc == MP_COUNT(r->cb))
			return 0;
		size_t a0 = nr_skip_sp(s, i, j), a1 = j;
		while (a1 > a0 && s[a1 - 1] == ' ')
			a1--;
		r->cl[nc] = r->cz[nc] = l, r->cb[nc] = a0, r->ce[nc] = a1, r->jt[nc] = NULL, nc++;
		i = j + 1;
	}
	r->l = l;
	r->nc = nc;
	r->head = NC_NONE;
	return nc;
}

/* A cell's text: its line's bytes, or its lines joined (a cell broken
 * across lines: "Incoming (POP) Mail" / "Server |"). */
static const char *ctext(const struct trow *r, size_t k)
{
	return r->jt[k] ? r->jt[k] : r->cl[k]->s + r->cb[k];
}

static size_t clen(const struct trow *r, size_t k)
{
	return k >= r->nc ? 0 : r->jt[k] ? strlen(r->jt[k]) : r->ce[k] - r->cb[k];
}

static struct hcell rkind(const struct trow *r, size_t k)
{
	return k < r->nc ? kind_of(ctext(r, k), clen(r, k)) : (struct hcell){H_EMPTY, NF_NONE, NC_NONE, NC_NONE, -1};
}

static void rows_free(struct trow *rows, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		for (size_t k = 0; k < rows[i].nc; k++)
			free(rows[i].jt[k]);
	free(rows);
}

/* A cell read as lines of their own, under its row's and column's server:
 * a sentence in a cell ("SSLを有効にしてください。ポート番号は995"), or
 * a cell of several lines ("If you use our dialup service, use:" /
 * "smtp.example.net" / "Otherwise…"), is read values first, as any line. */
static void cell_line(struct ex *x, const struct trow *r, size_t k, enum mp_nfield f, enum mp_nctx dir)
{
	enum mp_nctx saved = x->ctx;
	/* a cell of several lines opens with its field's value, as a value
	 * on the line under its label */
	x->pending = r->jt[k] ? f : NF_NONE;
	x->pending_dir = dir;
	x->pending_sec = -1;
	for (const mp_nline *l = r->cl[k]; l <= r->cz[k]; l++) {
		size_t b = l == r->cl[k] ? r->cb[k] : 0, e = l == r->cz[k] ? r->ce[k] : l->len;
		/* a line of the cell giving an example ("(例:mail.example.jp)") */
		size_t eb = nr_skip_sp(l->s, b + (b < e && l->s[b] == '('), e);
		if (l != r->cl[k] && nr_gives_example(l->s + eb, e - eb < 12 ? e - eb : 12))
			continue;
		mp_nline sub = *l;
		sub.s = l->s + b;
		sub.len = e - b;
		sub.col = l->col + b;
		sub.lno = l->lno ? l->lno + b : NULL;
		x->ctx = dir;
		x->cur = nr_srv_of(dir);
		nr_line(x, &sub);
		x->now = l; /* not the copy on this stack: the next line looks back at it */
	}
	x->pending = NF_NONE;
	x->ctx = saved;
}

/* "SSL/TLS, SMTP AUTH(LOGIN)", "587（SMTP認証あり）": an authentication
 * statement in a sending row's cell of another field (not a host's name,
 * smtpauth.example.ac.jp) is that row's. */
static void cell_auth(struct ex *x, const struct trow *r, size_t k, enum mp_nfield f, enum mp_nctx dir)
{
	const char *s = ctext(r, k);
	size_t n = clen(r, k);
	if (nr_srv_of(dir) != S_SMTP || f == NF_SMTP_AUTH || f == NF_AUTH_METHOD || f == NF_HOST || r->jt[k])
		return;
	size_t au = nr_auth_statement(s, n);
	if (au < n && (au == 0 || !isalnum((unsigned char)s[au - 1])) && nr_parse_yesno_auth(s + au, n - au) >= 0)
		nr_set_field(x, r->cl[k], r->cb[k] + au, s + au, n - au, NF_SMTP_AUTH, dir);
}

/* One value cell with its field and server. A port cell whose row names
 * a security (or a security cell holding a port: "SSL (port 993)") offers
 * that port with it; a cell that is not one value of its field is read as
 * a line. */
static void put(struct ex *x, const struct trow *r, size_t k, enum mp_nfield f, enum mp_nctx dir, int rsec)
{
	const mp_nline *l = r->cl[k];
	const char *s = l->s + r->cb[k];
	size_t n = clen(r, k);
	if (!n || f == NF_NONE || f == NF_IGNORE)
		return;
	if (r->jt[k]) {
		cell_line(x, r, k, f, dir);
		return;
	}
	x->now = l;
	/* "imap.example.org:993": a host and its port in one cell */
	const char *colon = f == NF_HOST ? memchr(s, ':', n) : NULL;
	if (colon && colon > s && (size_t)(colon + 1 - s) < n && nr_valid_host(s, (size_t)(colon - s)) &&
	    nr_all_digits(colon + 1, n - (size_t)(colon + 1 - s)) && n - (size_t)(colon + 1 - s) <= 5) {
		nr_set_field(x, l, r->cb[k], s, (size_t)(colon - s), NF_HOST, dir);
		nr_set_field(x, l, r->cb[k] + (size_t)(colon + 1 - s), colon + 1, n - (size_t)(colon + 1 - s), NF_PORT, dir);
		return;
	}
	int srv = nr_srv_of(dir);
	if (srv >= 0)
		x->cur = srv;
	/* (a host to fill in, "smtp.yourdomain.com", is its field's one
	 * value too: it offers the server, with no host) */
	bool one = nr_value_is(f, s, n) || (f == NF_IN_PROTO && n <= 20) || f == NF_AUTH_METHOD || f == NF_SMTP_AUTH ||
	           f == NF_NAME || f == NF_LOGIN || f == NF_PASSWORD || (f == NF_HOST && nr_template_host(s, n));
	if (!one && f != NF_SECURITY) {
		cell_line(x, r, k, f, dir);
		return;
	}
	nr_set_field(x, l, r->cb[k], s, n, f, dir);
	cell_auth(x, r, k, f, dir);
	/* the port and the security of one row go together */
	int port = 0, sec = -1, mark;
	size_t at;
	if (f == NF_PORT && rsec != -1)
		port = atoi(s), sec = rsec;
	else if (f == NF_SECURITY && nr_parse_port(s, n, &port, &sec, &at, &mark) && nr_port_at(s, at, n, &port))
		sec = nr_parse_security(s, n);
	if (port > 0 && port < 65536 && sec != -1 && x->cur >= 0) {
		mailprof_loc pl = nr_loc_at(x, l, r->cb[k]);
		nr_offer_port(&nr_cur_acc(x)->s[x->cur], port, nr_sec_for_port(sec, port), &pl);
	}
}

/* Field × protocol: "受信方式 | POP3の場合 | IMAP4の場合", then a field per row. */
static void by_protocol_columns(struct ex *x, const struct trow *rows, size_t nr, const struct hcell *hd)
{
	for (size_t i = 1; i < nr; i++) {
		struct hcell c0 = rkind(&rows[i], 0);
		if (c0.k == H_MODE) { /* a port matrix turned over: "SSL/TLS | 993 | 995 | 465" */
			for (size_t k = 1; k < rows[i].nc && k < rows[0].nc; k++) {
				int srv = nr_srv_of(hd[k].d);
				const char *v = ctext(&rows[i], k);
				if (hd[k].k == H_PROTO && srv >= 0 && clen(&rows[i], k) && clen(&rows[i], k) <= 5 &&
				    nr_all_digits(v, clen(&rows[i], k)))
					nr_mx_add(x, rows[i].l, rows[i].cb[k], srv, atoi(v), c0.sec);
			}
			continue;
		}
		if (c0.k != H_FIELD && c0.k != H_PROTO)
			continue;
		for (size_t k = 1; k < rows[i].nc && k < rows[0].nc; k++) {
			if (hd[k].k != H_PROTO)
				continue;
			/* "送信サーバー名" under "POP3の場合": the column names the
			 * incoming option, the label the server */
			enum mp_nctx d = c0.w == NC_SMTP || (is_proto(c0.w) && hd[k].d == NC_IN) ? c0.w : hd[k].d;
			if (c0.k == H_PROTO) /* "送信時認証": no field, the cell says */
				cell_line(x, &rows[i], k, NF_NONE, d);
			else
				put(x, &rows[i], k, c0.f, d, -1);
		}
	}
}

/* Protocol × security mode: "Protocol | SSL/TLS | STARTTLS", rows "POP3 | 995 | 110". */
static void by_mode_columns(struct ex *x, const struct trow *rows, size_t nr, const struct hcell *hd)
{
	for (size_t i = 1; i < nr; i++) {
		const struct trow *r = &rows[i];
		int srv = nr_srv_of(mp_notice_words_ctx(ctext(r, 0), clen(r, 0)));
		if (srv < 0)
			continue;
		/* hosts by mode ("POP3 | pop.example.ch | pop3s.example.ch" under
		 * "Without SSL | With SSL"): the most secure column's */
		size_t best = 0;
		for (size_t k = 1; k < r->nc && k < rows[0].nc; k++) {
			if (hd[k].k != H_MODE || !clen(r, k))
				continue;
			if (clen(r, k) <= 5 && nr_all_digits(ctext(r, k), clen(r, k)))
				nr_mx_add(x, r->l, r->cb[k], srv, atoi(ctext(r, k)), hd[k].sec);
			else if (!r->jt[k] && nr_valid_host(ctext(r, k), clen(r, k)) &&
			         (!best || nr_sec_rank(hd[k].sec) > nr_sec_rank(hd[best].sec)))
				best = k;
		}
		if (best) {
			enum mp_nctx d = nr_ctx_of(srv);
			put(x, r, best, NF_HOST, d, -1);
			put(x, &rows[0], best, NF_SECURITY, d, -1);
			/* "SMTPAUTH", "SMTP AUTH": sending logs in */
			if (srv == S_SMTP && nr_has(ctext(r, 0), clen(r, 0), "auth"))
				nr_set_field(x, r->cl[0], r->cb[0], "required", 8, NF_SMTP_AUTH, d);
		}
	}
}

/* A yes or a no in a cell ("あり", "Yes", "○" / "なし", "No", "×"):
 * 1, 0, else -1. */
static int yes_no(const char *s, size_t n)
{
	static const char *const yes[] = {"あり", "有", "yes", "on", "○", "required", "必須", "使用する", NULL};
	static const char *const no[] = {"なし", "無", "no", "off", "×", "不要", "使用しない", NULL};
	for (const char *const *w = no; *w; w++)
		if (strlen(*w) == n && mp_strncasecmp(s, *w, n) == 0)
			return 0;
	for (const char *const *w = yes; *w; w++)
		if (strlen(*w) == n && mp_strncasecmp(s, *w, n) == 0)
			return 1;
	return -1;
}

/* A remarks column: "Notes", "Remarks", "備考". */
static bool remarks(const struct trow *h, size_t k)
{
	static const char *const words[] = {"note", "remark", "comment", "備考", "補足", NULL};
	if (nr_has_any(ctext(h, k), clen(h, k), words))
			return true;
	return false;
}

/* The first word of a provider's name ("Telenordia" of "Telenordia,
 * ADSL"): its length, 0 when the name is one word. */
static size_t first_word(const char *s, size_t n)
{
	size_t w = 0;
	while (w < n && (isalnum((unsigned char)s[w]) || s[w] == '-' || s[w] == '&'))
		w++;
	return w < n && (s[w] == ' ' || s[w] == ',') ? w : 0;
}

/* Do two rows' names (prev, then s) name one provider's two ways of
 * connecting ("Carambole ADSL" / "Carambole, dial-up/ISDN", "Uni, on
 * campus" / "Uni, off campus")? The same first word, and the rest of each
 * name names an access (not "Yahoo Mail" / "Yahoo Japan": other brands). */
static bool same_provider_access(const char *prev, const char *s, size_t n)
{
	size_t pn = strlen(prev), w = first_word(s, n);
	if (w < 2 || first_word(prev, pn) != w || mp_strncasecmp(prev, s, w) != 0)
		return false;
	static const char *const access[] = {"adsl", "dsl", "dial", "isdn", "cable", "fiber", "fibre", "ftth",
	                                     "mobile", "3g", "4g", "lte", "wireless", "modem", "campus", "vpn",
	                                     "broadband", NULL};
	return nr_has_any(s + w, n - w, access) && nr_has_any(prev + w, pn - w, access);
}

/* A provider's or a group's name (cell k of row r) over its host h: its
 * cells are that provider's block, or another group's of the same
 * organisation when h is in the site of the block's hosts. */
static void group_name(struct ex *x, const struct trow *r, size_t k, const char *h, size_t hn)
{
	size_t e = clen(r, k);
	while (e && (ctext(r, k)[e - 1] == ':' || ctext(r, k)[e - 1] == ' '))
		e--;
	mailprof_loc loc = nr_loc_at(x, r->cl[k], r->cb[k]);
	/* "Carambole ADSL" then "Carambole, dial-up/ISDN": the name before's
	 * first word and a way of connecting name one provider's other access,
	 * its hosts (of any site) alternatives of the same account */
	x->alt_access = x->brand.v && same_provider_access(x->brand.v, ctext(r, k), e);
	if (x->alt_access)
		x->alt_group = true;
	else if (!x->brand.v || strlen(x->brand.v) != e || memcmp(x->brand.v, ctext(r, k), e) != 0)
		nr_provider_block(x, h, hn);
	nr_brand(x, ctext(r, k), e, &loc, false);
}

/* A provider's name in a row's first cell: its row is that provider's
 * block (a provider's second row, "Staff | 2 | …", goes on with it); the
 * row's first host says whose it is ("Student | student-imap…"). */
static void provider_name(struct ex *x, const struct trow *r)
{
	size_t h = 1;
	while (h < r->nc && !nr_valid_host(ctext(r, h), clen(r, h)))
		h++;
	group_name(x, r, 0, h < r->nc ? ctext(r, h) : NULL, h < r->nc ? clen(r, h) : 0);
}

/* Providers or groups as columns ("Setting | Staff | Students" over "IMAP
 * server | imap.staff… | imap.students…", "Port | 993 | 993"): every row a
 * field's label and its values; each column is read down as its name's
 * block (another provider's account, or alternatives of one
 * organisation's: group_name). True when the table is such. */
static bool by_name_columns(struct ex *x, const struct trow *rows, size_t nr)
{
	size_t names = 0;
	for (size_t k = 1; k < rows[0].nc; k++)
		if (clen(&rows[0], k)) {
			if (rkind(&rows[0], k).k != H_NAME)
				return false;
			names++;
		}
	if (names < 2 || nr < 3)
		return false;
	for (size_t i = 1; i < nr; i++)
		if (rkind(&rows[i], 0).k != H_FIELD)
			return false;
	for (size_t k = 1; k < rows[0].nc; k++) {
		if (!clen(&rows[0], k))
			continue;
		size_t i = 1;
		while (i < nr && !nr_valid_host(ctext(&rows[i], k), clen(&rows[i], k)))
			i++;
		group_name(x, &rows[0], k, i < nr ? ctext(&rows[i], k) : NULL, i < nr ? clen(&rows[i], k) : 0);
		x->cur = -1;
		for (i = 1; i < nr; i++) {
			/* a row naming no server ("Port", "Encryption") is the one the
			 * column set last */
			struct hcell c0 = rkind(&rows[i], 0);
			enum mp_nctx d = is_proto(c0.w) ? c0.w : x->cur >= 0 ? nr_ctx_of(x->cur) : c0.d;
			x->now = rows[i].l;
			put(x, &rows[i], k, c0.f, d, -1);
		}
	}
	return true;
}

/* Cell k of row r holds one host, or hosts joined by "/" ("smtp1.example.net/
 * mail1.example.net"): true if so. With x, each host goes to server dir,
 * those after the first as alternatives of it (as an "or" list); a host
 * and the most alternatives an account holds (NR_MAX_ALT) at most, the
 * rest said unused once: each host set looks at its line's words before
 * it, so a hostile cell of thousands would cost hosts times line. */
static bool host_list(struct ex *x, const struct trow *r, size_t k, enum mp_nctx dir)
{
	const char *s = ctext(r, k);
	size_t n = clen(r, k), nh = 0;
	for (size_t b = 0, e; b < n; b = e + 1) {
		e = b;
		while (e < n && s[e] != '/')
			e++;
		size_t hb = b, he = e;
		while (hb < he && s[hb] == ' ')
			hb++;
		while (he > hb && s[he - 1] == ' ')
			he--;
		if (!nr_valid_host(s + hb, he - hb))
			return false;
		if (x && nh++ > NR_MAX_ALT) {
			nr_info(x, r->cl[k], r->cb[k] + hb, NULL, "more than %d hosts in one cell; %s not used",
			        NR_MAX_ALT + 1, "this host and those after it");
			return true;
		}
		if (x) {
			x->now = r->cl[k];
			x->alt_or = b > 0;
			nr_set_field(x, r->cl[k], r->cb[k] + hb, s + hb, he - hb, NF_HOST, dir);
			x->alt_or = false;
		}
	}
	return n > 0;
}

/* Providers and their hosts without a header ("Alpha Net | pop.alpha… |
 * smtp.alpha…"): each row a provider's account, each host the server its
 * name says (imap., pop., smtp.), else the section's; true when every row
 * is a name and hosts only. */
static bool provider_hosts(struct ex *x, const struct trow *rows, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		bool host = false;
		if (rows[i].nc < 2 || rkind(&rows[i], 0).k != H_NAME)
			return false;
		for (size_t k = 1; k < rows[i].nc; k++) {
			if (clen(&rows[i], k) && !host_list(NULL, &rows[i], k, NC_NONE))
				return false;
			host |= clen(&rows[i], k) > 0;
		}
		if (!host)
			return false;
	}
	enum mp_nctx sect = nr_srv_of(x->ctx) >= 0 ? x->ctx : NC_NONE;
	for (size_t i = 0; i < nr; i++) {
		provider_name(x, &rows[i]);
		for (size_t k = 1; k < rows[i].nc; k++) {
			enum mp_nctx d = nr_host_ctx(ctext(&rows[i], k), clen(&rows[i], k));
			if (!clen(&rows[i], k) || (d == NC_NONE && sect == NC_NONE))
				continue;
			if (!rows[i].jt[k] && memchr(ctext(&rows[i], k), '/', clen(&rows[i], k))) {
				x->cur = nr_srv_of(d != NC_NONE ? d : sect);
				host_list(x, &rows[i], k, d != NC_NONE ? d : sect);
			} else
				put(x, &rows[i], k, NF_HOST, d != NC_NONE ? d : sect, -1);
		}
	}
	return true;
}

/* Records: a header row of fields, one row per server, account or
 * provider. The row's first cell may name its protocol ("IMAP",
 * "SMTP (alternative)") or its provider ("AAPT", "Three (3G Mobile)"). */
static void by_field_columns(struct ex *x, const struct trow *rows, size_t nr, const struct hcell *hd)
{
	enum mp_nctx sect = x->ctx == NC_WEB || x->ctx == NC_ANY ? NC_NONE : x->ctx;
	for (size_t i = 1; i < nr; i++) {
		const struct trow *r = &rows[i];
		x->now = r->l;
		enum mp_nctx dir = sect;
		size_t from = 0;
		struct hcell c0 = rkind(r, 0);
		bool lead = hd[0].k != H_FIELD || hd[0].f == NF_IN_PROTO;
		if (hd[0].k == H_PROTO && c0.k == H_VALUE && nr_value_is(NF_HOST, ctext(r, 0), clen(r, 0))) {
			/* "|IMAP|SSL Port|" over "|mail.example.org|993|": the
			 * protocol heads its host's column */
			dir = hd[0].d;
			put(x, r, 0, NF_HOST, dir, -1);
			from = 1;
		} else if (lead && (c0.k == H_PROTO || (c0.k == H_FIELD && is_proto(c0.w)))) {
			dir = c0.k == H_PROTO ? c0.d : c0.w; /* "IMAP", "Incoming (IMAP)" */
			from = 1;
		} else if (lead && hd[0].k == H_NAME && (c0.k == H_NAME || c0.k == H_FIELD)) {
			provider_name(x, r);
			from = 1;
		} else if (lead)
			from = 1;
		/* a column naming the protocol gives the row's server */
		/* ("Type | IMAPS (IMAP with SSL)": a column named by another
		 * word whose cell is a protocol's name does too) */
		for (size_t k = from; k < r->nc && k < rows[0].nc; k++)
			if (((hd[k].k == H_FIELD && hd[k].f == NF_IN_PROTO) || (hd[k].k == H_NAME && clen(r, k) <= 30)) &&
			    is_proto(mp_notice_words_ctx(ctext(r, k), clen(r, k))))
				dir = mp_notice_words_ctx(ctext(r, k), clen(r, k));
		int rsec = -1;
		bool port = false;
		for (size_t k = from; k < r->nc && k < rows[0].nc; k++) {
			if (hd[k].k == H_FIELD && hd[k].f == NF_SECURITY && clen(r, k) && rsec == -1) {
				rsec = nr_parse_security(ctext(r, k), clen(r, k));
				if (rsec < 0) /* "Encrypted (SSL or TLS)": a choice of names for one mode */
					rsec = nr_span_sec(ctext(r, k), clen(r, k));
				/* a column named by its mode ("SSL | あり"): yes is that mode */
				int yes = hd[k].sec >= 0 && rsec < 0 ? yes_no(ctext(r, k), clen(r, k)) : -1;
				if (yes >= 0)
					rsec = yes ? hd[k].sec : MP_SEC_NONE;
			}
			port |= hd[k].k == H_FIELD && hd[k].f == NF_PORT && clen(r, k);
		}
		/* the address first: it may start the row's account */
		for (int pass = 0; pass < 2; pass++)
			for (size_t k = from; k < r->nc && k < rows[0].nc; k++) {
				if (hd[k].k != H_FIELD || (pass == 0) != (hd[k].f == NF_EMAIL) || hd[k].f == NF_IN_PROTO)
					continue;
				enum mp_nctx d = dir != NC_NONE ? dir : hd[k].d;
				if (hd[k].f == NF_SECURITY && port && rsec != -1) {
					cell_auth(x, r, k, hd[k].f, d);
					continue; /* offered with the port: "110 | なし", "995 | SSL" */
				}
				if (dir == NC_IN && is_proto(hd[k].d))
					d = hd[k].d;
				put(x, r, k, hd[k].f, d, hd[k].f == NF_PORT ? (rsec != -1 ? rsec : hd[k].sec) : -1);
			}
		/* a remarks column ("Notes | SSL required") is read as lines
		 * under the row's server */
		for (size_t k = from; k < r->nc && k < rows[0].nc && dir != NC_NONE; k++)
			if (hd[k].k != H_FIELD && remarks(&rows[0], k) && clen(r, k)) {
				int sec = nr_parse_security(ctext(r, k), clen(r, k)); /* "SSL required" */
				if (sec >= 0 && !r->jt[k])
					nr_set_field(x, r->cl[k], r->cb[k], ctext(r, k), clen(r, k), NF_SECURITY, dir);
				cell_line(x, r, k, NF_NONE, dir);
			}
	}
}

/* A cell holding a label and its value ("Host: imap.example.net",
 * "Ports: 143, secured: 993"): a short label before its first colon;
 * 2 when the label is a field's, 1 for another label, 0 when none. */
static int pair_cell(const struct trow *r, size_t k)
{
	const char *c = ctext(r, k);
	size_t n = clen(r, k);
	const char *colon = n ? memchr(c, ':', n) : NULL;
	if (!colon || colon == c || (size_t)(colon + 1 - c) >= n || colon - c > 40)
		return 0;
	enum mp_nctx d;
	enum mp_nfield f = mp_notice_classify(c, (size_t)(colon - c), &d);
	return f != NF_NONE && f != NF_IGNORE ? 2 : 1;
}

/* Rows of a server's pairs under its protocol ("| Incoming | IMAP | Host:
 * imap… |", then "| | | Ports: 143, secured: 993 |", "| | POP3 | Host: pop…
 * |"): every row below the header holds pair cells, its other cells
 * naming a protocol or a direction, or empty where the cell above spans
 * the rows (an HTML rowspan written as empty cells). Each pair cell is
 * read as a line under the server its row's and the rows above's cells
 * name, the protocol over the direction. True when the table is such. */
static bool by_pair_cells(struct ex *x, const struct trow *rows, size_t nr)
{
	int fields = 0;
	for (size_t i = 1; i < nr; i++) {
		int pairs = 0;
		for (size_t k = 0; k < rows[i].nc; k++) {
			int p = clen(&rows[i], k) ? pair_cell(&rows[i], k) : -1;
			pairs |= p > 0;
			fields += p == 2;
			if (!p && rkind(&rows[i], k).k != H_PROTO)
				return false;
		}
		if (!pairs)
			return false;
	}
	if (!fields)
		return false;
	enum mp_nctx carry[MP_COUNT(rows[0].cb)];
	for (size_t k = 0; k < MP_COUNT(carry); k++)
		carry[k] = NC_NONE;
	for (size_t i = 1; i < nr; i++) {
		const struct trow *r = &rows[i];
		x->now = r->l;
		for (size_t k = 0; k < r->nc; k++)
			if (clen(r, k) && !pair_cell(r, k)) {
				carry[k] = rkind(r, k).d;
				for (size_t j = k + 1; j < MP_COUNT(carry); j++)
					carry[j] = NC_NONE; /* a new row's cell ends the spans right of it */
			}
		enum mp_nctx dir = NC_NONE;
		for (size_t k = 0; k < MP_COUNT(carry); k++)
			if (carry[k] != NC_NONE && (dir == NC_NONE || dir == NC_IN))
				dir = carry[k];
		for (size_t k = 0; k < r->nc; k++)
			if (clen(r, k) && pair_cell(r, k))
				cell_line(x, r, k, NF_NONE, dir);
	}
	return true;
}

/* The server of a record of label | value rows that names none: the
 * protocol a row names ("Type | IMAP"), else its host's first label
 * ("imap.…", "pop.…", "smtp.…"), else NC_NONE. */
static enum mp_nctx record_server(const struct trow *rows, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++) {
		struct hcell v = rkind(&rows[i], 1), c0 = rkind(&rows[i], 0);
		if (v.k == H_PROTO && (c0.f == NF_IN_PROTO || c0.k == H_NAME))
			return v.d;
	}
	for (size_t i = b; i < e; i++)
		if (rkind(&rows[i], 0).f == NF_HOST && rows[i].nc >= 2 && nr_host_ctx(ctext(&rows[i], 1), clen(&rows[i], 1)))
			return nr_host_ctx(ctext(&rows[i], 1), clen(&rows[i], 1));
	/* a record naming a host and no protocol: the service its port is
	 * registered for */
	bool host = false;
	int port = 0;
	for (size_t i = b; i < e; i++) {
		enum mp_nfield f = rkind(&rows[i], 0).f;
		host |= f == NF_HOST && rows[i].nc >= 2;
		if (f == NF_PORT && rows[i].nc >= 2)
			port = atoi(ctext(&rows[i], 1));
	}
	return host ? nr_port_ctx(port) : NC_NONE;
}

/* Label | value rows with no header row. A label seen again starts the
 * next record (one server's settings after another's); each record's
 * server is the section's, else the one it names. */
static void by_rows(struct ex *x, const struct trow *rows, size_t nr)
{
	size_t b = 0;
	/* the receiving server and sending the table's labels name */
	enum mp_nctx tin = NC_NONE;
	bool tout = false;
	for (size_t i = 0; i < nr; i++) {
		struct hcell c0 = rkind(&rows[i], 0), v = rkind(&rows[i], 1);
		enum mp_nctx w = c0.f == NF_IN_PROTO && v.k == H_PROTO ? v.d : c0.w;
		if (is_proto(w) && w != NC_SMTP && (tin == NC_NONE || tin == NC_IN))
			tin = w;
		tout |= w == NC_SMTP;
	}
	while (b < nr) {
		size_t e = b + 1;
		bool seen[NF_IN_PROTO + 1] = {false}; /* the record's labels so far */
		seen[rkind(&rows[b], 0).f] = true;
		for (; e < nr && rows[e].head == NC_NONE; e++) {
			enum mp_nfield fe = rkind(&rows[e], 0).f;
			if (fe != NF_NONE && seen[fe])
				break;
			seen[fe] = true;
		}
		enum mp_nctx sect = x->ctx == NC_WEB || x->ctx == NC_ANY ? NC_NONE : x->ctx;
		enum mp_nctx own = record_server(rows, b, e);
		enum mp_nctx dir = nr > e - b && own != NC_NONE ? own : sect != NC_NONE ? sect : own;
		if (rows[b].head != NC_NONE) /* the heading above the record, made precise by the record */
			dir = rows[b].head == NC_IN && own != NC_NONE && own != NC_SMTP ? own : rows[b].head;
		int rsec = -1;
		for (size_t i = b; i < e; i++)
			if (rkind(&rows[i], 0).f == NF_SECURITY && rows[i].nc >= 2)
				rsec = nr_parse_security(ctext(&rows[i], 1), clen(&rows[i], 1));

		for (size_t i = b; i < e; i++) {
			struct hcell c0 = rkind(&rows[i], 0);
			enum mp_nctx d = dir;
			if (d == NC_NONE || (d == NC_IN && is_proto(c0.d)))
				d = c0.d;
			/* a label naming its own direction ("送信ポート番号" in a
			 * POP3 record) keeps it */
			else if ((c0.w == NC_SMTP) != (d == NC_SMTP) && is_proto(c0.w))
				d = c0.w;
			/* "Server Type | IMAP | Host | imap.… |": a row holding a
			 * second pair (a field's label, then a value) gives it to
			 * the record's server too */
			struct hcell c2 = rows[i].nc >= 4 ? rkind(&rows[i], 2) : (struct hcell){H_EMPTY, NF_NONE, NC_NONE, NC_NONE, -1};
			if (c2.k == H_FIELD && c2.f != NF_IN_PROTO && rkind(&rows[i], 3).k != H_EMPTY) {
				enum mp_nctx d2 = is_proto(c2.w) ? c2.w : c0.f == NF_IN_PROTO && rkind(&rows[i], 1).k == H_PROTO
				                                                  ? rkind(&rows[i], 1).d : d;
				put(x, &rows[i], 3, c2.f, d2, -1);
			}
			if (c0.f == NF_IN_PROTO || rows[i].nc < 2)
				continue;
			/* a row naming no server in a record naming none, in a
			 * table naming receiving and sending ("SSL/TLSの使用",
			 * "認証方式" after "受信…ポート", "送信…ポート"): both's */
			/* (or a value saying so: "Yes (both)", "両方") */
			const char *v = ctext(&rows[i], 1);
			size_t vn = clen(&rows[i], 1);
			bool says_both = nr_has(v, vn, "both") || nr_has(v, vn, "両方") || nr_has(v, vn, "送受信");
			bool both = (dir == NC_NONE || says_both) && tin != NC_NONE && tout && !is_proto(c0.w) &&
			            (c0.f == NF_SECURITY || c0.f == NF_AUTH_METHOD || c0.f == NF_SMTP_AUTH);
			/* a label naming a mode ("SSL") whose value says yes or no
			 * ("Yes (both)"): that mode, or none */
			int yes = c0.k == H_MODE ? yes_no(v, nr_token_len(v, vn)) : -1;
			if (yes >= 0) {
				const char *m = yes ? ctext(&rows[i], 0) : "none";
				size_t mn = yes ? clen(&rows[i], 0) : 4;
				nr_set_field(x, rows[i].cl[1], rows[i].cb[1], m, mn, NF_SECURITY, both ? tin : d);
				if (both)
					nr_set_field(x, rows[i].cl[1], rows[i].cb[1], m, mn, NF_SECURITY, NC_SMTP);
				continue;
			}
			/* "Port with SSL/TLS | 993", "Without encryption | 143",
			 * "暗号化なし | 110": a port under a security label is a port
			 * offered with that security, as on a line (attach.c pair) */
			/* (its first port: "465 (Windows) or 587 (Mac)", as on a line) */
			size_t pn = 0;
			while (pn < vn && isdigit((unsigned char)v[pn]))
				pn++;
			if (c0.f == NF_SECURITY && pn && pn <= 5 && (pn == vn || !isalnum((unsigned char)v[pn])) && !both) {
				int sec = nr_port_label_sec(ctext(&rows[i], 0), clen(&rows[i], 0)), port = atoi(v),
				    srv = nr_srv_of(d);
				if (srv >= 0 && port > 0 && port <= 65535 && sec != -2) {
					mailprof_loc pl = nr_loc_at(x, rows[i].cl[1], rows[i].cb[1]);
					x->cur = srv;
					nr_offer_port(&nr_cur_acc(x)->s[srv], port, sec == SW_TLS_AMBIG ? -1 : sec, &pl);
					continue;
				}
			}
			/* "Incoming Server (POP3/IMAP) | mail.…": one value for both */
			x->both_in = d == NC_IN && (c0.f == NF_HOST || c0.f == NF_PORT) &&
			             nr_names_both_in(ctext(&rows[i], 0), clen(&rows[i], 0));
			/* "Port (SSL) | 993", "Port (Non-SSL) | 143": a port whose
			 * label names its security is offered with it */
			int psec = c0.f != NF_PORT ? -1 : c0.k == H_MODE ? c0.sec : rsec;
			put(x, &rows[i], 1, both && c0.f == NF_SMTP_AUTH ? NF_AUTH_METHOD : c0.f, both ? tin : d, psec);
			x->both_in = false;
			if (both)
				put(x, &rows[i], 1, c0.f == NF_SECURITY ? NF_SECURITY : NF_AUTH_METHOD, NC_SMTP, -1);
		}
		b = e;
	}
}

/* A table the text extraction broke across lines: each cell ends at its
 * border `|` wherever the line breaks fall ("|" / "ISP" / "| SMTP server
 * |", "Incoming (POP) Mail" / "Server |" / "mail.example.net |", one cell
 * per line "Type |" / "IMAP |"). A border ending a line and one opening
 * the next end a row; with no such pair anywhere the cells are label,
 * value, label, value. A line holding several cells is a row of its own
 * (read by the `|` rows below), so it ends the stream. */
struct scell {
	const mp_nline *l, *z; /* first and last line */
	size_t b, e;           /* begun at b on l, ended at e on z */
	size_t endl;           /* the line of its closing border (its last line when open) */
	bool row, closed;      /* it starts a row; a border closed it */
};

enum { STREAM_CELL_LINES = 12, STREAM_LINES = 400 };

static size_t stream_cells(const mp_ntext *t, size_t i, struct scell **cs, size_t *ncs)
{
	struct scell *c = NULL;
	size_t n = 0, span = 0, j;
	bool open = false, prev_trail = false, row = true;
	for (j = i; j < t->n && j - i < STREAM_LINES; j++) {
		const mp_nline *l = &t->lines[j];
		const char *s = l->s;
		size_t e = l->len, b = nr_skip_sp(s, 0, e);
		while (e > b && s[e - 1] == ' ')
			e--;
		if (b >= e)
			break;
		bool lead = s[b] == '|', trail = e - b > 1 && s[e - 1] == '|';
		size_t te = e - trail, tb = nr_skip_sp(s, b + lead, te);
		while (te > tb && s[te - 1] == ' ')
			te--;
		/* a line with borders inside is a row of its own, unless it goes
		 * on with the stream ("mail.example.net | (or …) |": the open
		 * cell's end, then cells of the same row) */
		const char *inner = memchr(s + tb, '|', te - tb);
		if ((inner && (j == i || lead)) || (j == i && !lead && !trail))
			break;
		if (open && (lead || trail || inner))
			c[n - 1].endl = j;
		if (lead && open)
			c[n - 1].closed = true, open = false;
		else if (lead && prev_trail)
			row = true;
		bool too_long = false;
		for (size_t sb = tb;;) { /* each stretch between borders */
			size_t se = sb;
			while (se < te && s[se] != '|')
				se++;
			size_t xe = se, xb = nr_skip_sp(s, sb, se);
			while (xe > xb && s[xe - 1] == ' ')
				xe--;
			if (xb < xe && open && span == STREAM_CELL_LINES) {
				too_long = true; /* no cell of a table runs on that long */
				break;
			}
			if (xb < xe && open) {
				c[n - 1].z = l, c[n - 1].e = xe, c[n - 1].endl = j;
				span++;
			} else if (xb < xe) {
				c = mp_xgrow(c, n, sizeof *c);
				c[n++] = (struct scell){l, l, xb, xe, j, row, false};
				row = false, open = true, span = 1;
			}
			if (se >= te)
				break;
			if (open)
				c[n - 1].closed = true, open = false;
			sb = se + 1;
		}
		if (too_long)
			break;
		if (open && trail)
			c[n - 1].closed = true, open = false;
		prev_trail = trail || (lead && e - b == 1);
	}
	*cs = c;
	*ncs = n;
	return j - i;
}

/* The stream's cell k as cell m of row r, its lines joined when it spans
 * several. */
static void stream_put(struct trow *r, size_t m, const struct scell *c)
{
	r->cl[m] = c->l, r->cz[m] = c->z, r->cb[m] = c->b, r->ce[m] = c->e, r->jt[m] = NULL;
	if (c->l == c->z)
		return;
	char buf[200];
	size_t n = 0;
	for (const mp_nline *l = c->l; l <= c->z && n + 1 < sizeof buf; l++) {
		size_t b = l == c->l ? c->b : nr_skip_sp(l->s, 0, l->len), e = l == c->z ? c->e : l->len;
		while (e > b && l->s[e - 1] == ' ')
			e--;
		if (n && n + 1 < sizeof buf)
			buf[n++] = ' ';
		size_t k = e - b < sizeof buf - 1 - n ? e - b : sizeof buf - 1 - n;
		memcpy(buf + n, l->s + b, k);
		n += k;
	}
	r->jt[m] = mp_xstrndup(buf, n);
}

/* A label cell whose first line alone names a protocol or a direction
 * ("Outgoing" / "Type |", "Outgoing (SMTP)" / "Mail Server |") and whose
 * other lines name a field: that line is a heading above the row, not
 * words of the label. */
static void cell_heading(struct scell *c, enum mp_nctx *head)
{
	const mp_nline *l = c->l;
	if (l == c->z)
		return;
	size_t e = l->len;
	while (e > c->b && l->s[e - 1] == ' ')
		e--;
	struct hcell h = kind_of(l->s + c->b, e - c->b);
	struct trow rest = {.nc = 1, .cl = {l + 1}, .cz = {c->z}, .cb = {nr_skip_sp(l[1].s, 0, l[1].len)}, .ce = {c->e}};
	if (rest.cl[0] == rest.cz[0])
		rest.ce[0] = c->e;
	else
		rest.ce[0] = l[1].len; /* classified on its first line: enough for a label */
	if (h.k != H_PROTO || !is_proto(h.d) || (rkind(&rest, 0).k != H_FIELD && rkind(&rest, 0).k != H_NAME))
		return;
	*head = h.d;
	c->l = l + 1;
	c->b = rest.cb[0];
}

static bool label_cell(struct hcell h, struct hcell v)
{
	return h.k == H_FIELD || (h.k == H_NAME && v.k == H_PROTO);
}

/* Rows from the stream of cells at line i: *kv says they are label |
 * value pairs (no row borders); the lines taken, 0 when none. *scanned
 * gets the lines looked at. */
static size_t stream_rows(const mp_ntext *t, size_t i, struct trow **rows, size_t *nr, bool *kv, size_t *scanned)
{
	struct scell *c;
	size_t n, last = 0;
	*scanned = stream_cells(t, i, &c, &n);
	*nr = 0;
	*kv = true;
	for (size_t k = 1; k < n; k++)
		*kv &= !c[k].row;
	if (n && !c[n - 1].closed && (*kv ? n % 2 : c[n - 1].row))
		n--; /* an open cell where a label would stand is text after the table */
	bool multi = false;
	if (!*kv) {
		for (size_t k = 0; k < n; k++) {
			if (c[k].row) {
				*rows = mp_xgrow(*rows, *nr, sizeof **rows);
				(*rows)[(*nr)++] = (struct trow){.l = c[k].l, .head = NC_NONE};
			}
			struct trow *r = &(*rows)[*nr - 1];
			if (r->nc == MP_COUNT(r->cb)) {
				rows_free(*rows, *nr);
				*rows = NULL, *nr = 0;
				break;
			}
			stream_put(r, r->nc++, &c[k]);
			last = c[k].endl;
		}
	} else
		for (size_t k = 0; k + 1 < n; k += 2) {
			struct trow r = {.l = c[k].l, .nc = 2, .head = NC_NONE};
			cell_heading(&c[k], &r.head);
			stream_put(&r, 0, &c[k]);
			stream_put(&r, 1, &c[k + 1]);
			if (!label_cell(rkind(&r, 0), rkind(&r, 1))) {
				free(r.jt[0]), free(r.jt[1]);
				break;
			}
			multi |= r.jt[0] || r.jt[1] || !c[k + 1].closed;
			*rows = mp_xgrow(*rows, *nr, sizeof **rows);
			(*rows)[(*nr)++] = r;
			last = c[k + 1].endl;
		}
	free(c);
	if (*nr < 2 || (*kv && *nr < 3 && !multi)) {
		rows_free(*rows, *nr);
		*rows = NULL, *nr = 0;
		return 0;
	}
	return last + 1 - i;
}

/* Label | value rows, two cells (a third one a remark), the labels
 * naming fields: a table without header row. */
static bool kv_row(const struct trow *r)
{
	struct hcell c0 = rkind(r, 0);
	if (!clen(r, 1) || !(c0.k == H_FIELD || c0.k == H_PROTO || c0.k == H_MODE))
		return false;
	/* ("Server Type | IMAP | Host | imap.… |", "Port | 993 | | |": a
	 * second pair, or two empty cells, after the first) */
	if (r->nc == 4) {
		struct hcell c2 = rkind(r, 2);
		return (c2.k == H_EMPTY && !clen(r, 3)) || (c2.k == H_FIELD && c2.f != NF_IN_PROTO && clen(r, 3));
	}
	return r->nc == 2 || r->nc == 3;
}

/* A table flattened one cell per line without borders, its columns
 * side by side: each row a label line followed by one value line per
 * column ("Protocol" / "IMAP" / "POP3", "Port" / "993" / "143",
 * "Encryption method" / "SSL/TLS" / "STARTTLS"). Two rows of the same
 * number of values (two or more) at least; a label with no value or one
 * may stand between them. Rows end at a blank line or a line that is no
 * short cell; the run is looked at over a bounded window. */
enum { COLUMN_RUN_LINES = 60, COLUMN_CELL = 60 };

static bool short_cell(const mp_nline *l, size_t *b, size_t *e)
{
	*e = l->len;
	*b = nr_skip_sp(l->s, 0, *e);
	while (*e > *b && l->s[*e - 1] == ' ')
		(*e)--;
	return *b < *e && *e - *b <= COLUMN_CELL && !memchr(l->s + *b, '|', *e - *b) && !memchr(l->s + *b, ':', *e - *b);
}

static size_t column_rows(const mp_ntext *t, size_t i, struct trow **rows, size_t *nr, size_t *ncol)
{
	size_t j = i, wide = 0, b, e;
	*nr = 0, *ncol = 0;
	while (j < t->n && j - i < COLUMN_RUN_LINES && short_cell(&t->lines[j], &b, &e) &&
	       kind_of(t->lines[j].s + b, e - b).k == H_FIELD) {
		struct trow r = {.l = &t->lines[j], .nc = 1, .cl = {&t->lines[j]}, .cz = {&t->lines[j]}, .cb = {b}, .ce = {e},
		                 .head = NC_NONE};
		size_t k = j + 1;
		for (; k < t->n && k - i < COLUMN_RUN_LINES && r.nc < MP_COUNT(r.cb) && short_cell(&t->lines[k], &b, &e); k++) {
			enum hkind v = kind_of(t->lines[k].s + b, e - b).k;
			if (v == H_FIELD || v == H_EMPTY)
				break;
			r.cl[r.nc] = r.cz[r.nc] = &t->lines[k], r.cb[r.nc] = b, r.ce[r.nc] = e, r.nc++;
		}
		if (r.nc > 2 && *ncol && r.nc - 1 != *ncol)
			break;
		if (r.nc > 2)
			*ncol = r.nc - 1, wide++;
		*rows = mp_xgrow(*rows, *nr, sizeof **rows);
		(*rows)[(*nr)++] = r;
		j = k;
	}
	if (wide < 2) {
		free(*rows);
		*rows = NULL, *nr = 0;
		return 0;
	}
	return j - i;
}

/* Protocols as columns, flattened one cell per line: a header of
 * protocols one per line ("secure POP3" / "secure IMAP"), then the rows
 * as pairs in column order ("port: 995" / "port: 993"), blank lines
 * between cells not counting. Each pair goes to its column's server; a
 * header naming a security ("secure", "SSL") gives its column's port that
 * security. At least two columns and one whole row; the header and each
 * row are looked at over a bounded window. Returns the lines used. */
enum { PCOL_MAX = 8, PCOL_WINDOW = 40 };

static size_t next_nonblank(const mp_ntext *t, size_t j, size_t lim)
{
	while (j < t->n && j < lim && nr_skip_sp(t->lines[j].s, 0, t->lines[j].len) >= t->lines[j].len)
		j++;
	return j;
}

static size_t proto_columns(struct ex *x, const mp_ntext *t, size_t i)
{
	enum mp_nctx colp[PCOL_MAX];
	int csec[PCOL_MAX];
	size_t nh = 0, j = i, b, e, lim = i + PCOL_WINDOW;
	for (; (j = next_nonblank(t, j, lim)) < t->n && j < lim && nh < PCOL_MAX; j++) {
		const mp_nline *l = &t->lines[j];
		if (!short_cell(l, &b, &e))
			break;
		/* ("IMAP (SSL)" reads as a mode or a security's label) */
		struct hcell h = kind_of(l->s + b, e - b);
		bool named = h.k == H_MODE || (h.k == H_FIELD && (h.f == NF_SECURITY || h.f == NF_IN_PROTO));
		enum mp_nctx pd = h.k == H_PROTO ? h.d : named ? h.w : NC_NONE;
		if (!is_proto(pd) || pd == NC_IN)
			break;
		colp[nh] = pd;
		csec[nh] = h.k == H_MODE                         ? h.sec
		           : nr_has(l->s + b, e - b, "secure") ? SW_TLS_AMBIG
		                                               : nr_span_sec(l->s + b, e - b);
		nh++;
	}
	if (nh < 2)
		return 0;
	size_t used = 0;
	for (;;) {
		const mp_nline *cl[PCOL_MAX];
		size_t vb[PCOL_MAX], ve[PCOL_MAX], k = 0;
		enum mp_nfield f = NF_NONE;
		size_t rlim = j + PCOL_WINDOW;
		for (; k < nh && (j = next_nonblank(t, j, rlim)) < t->n && j < rlim; k++, j++) {
			const mp_nline *l = &t->lines[j];
			size_t lb = nr_skip_sp(l->s, 0, l->len), le, v;
			enum mp_nctx d;
			if (memchr(l->s, '|', l->len) || !nr_split(l->s, lb, l->len, &le, &v) || v >= l->len)
				break;
			enum mp_nfield fk = mp_notice_classify(l->s + lb, le - lb, &d);
			if (fk == NF_NONE || fk == NF_IGNORE || (k && fk != f))
				break;
			f = fk, cl[k] = l, vb[k] = v, ve[k] = l->len;
			while (ve[k] > vb[k] && l->s[ve[k] - 1] == ' ')
				ve[k]--;
		}
		if (k < nh)
			break;
		for (k = 0; k < nh; k++) {
			nr_set_field(x, cl[k], vb[k], cl[k]->s + vb[k], ve[k] - vb[k], f, colp[k]);
			int srv = nr_srv_of(colp[k]), port = atoi(cl[k]->s + vb[k]);
			if (f == NF_PORT && csec[k] >= 0 && srv >= 0 && port > 0 && port < 65536) {
				mailprof_loc pl = nr_loc_at(x, cl[k], vb[k]);
				nr_offer_port(&nr_cur_acc(x)->s[srv], port, nr_sec_for_port(csec[k], port), &pl);
			}
		}
		used = j - i;
	}
	return used;
}

/* A table flattened one cell per line the other way round: a header of
 * K field labels, one per line ("Protocol" / "Server" / "Port"), then the
 * rows, K lines each ("IMAP" / "imap.example.net" / "993"); blank lines
 * between cells do not count. A row whose host or port cell does not
 * hold one ends the table; one row at least, a host or port column. */
enum { PERIOD_COLS = 8 };

static bool next_cell(const mp_ntext *t, size_t *j, size_t i, size_t *b, size_t *e)
{
	while (*j < t->n && *j - i < COLUMN_RUN_LINES && !t->lines[*j].len)
		(*j)++;
	return *j < t->n && *j - i < COLUMN_RUN_LINES && short_cell(&t->lines[*j], b, e);
}

static size_t period_rows(const mp_ntext *t, size_t i, struct trow **rows, size_t *nr)
{
	struct trow h = {.l = &t->lines[i], .head = NC_NONE};
	struct hcell hk[PERIOD_COLS]; /* the header's kinds, typed once */
	size_t j = i, b, e, typed = 0, last = i;
	*nr = 0;
	while (h.nc < PERIOD_COLS && next_cell(t, &j, i, &b, &e)) {
		struct hcell c = kind_of(t->lines[j].s + b, e - b);
		if (c.k != H_FIELD && !(c.k == H_NAME && !h.nc)) /* a first column named by another word: "Service" */
			break;
		bool again = false; /* a header names each field once */
		for (size_t k = 0; k < h.nc && !again; k++)
			again = c.f != NF_NONE && hk[k].f == c.f;
		if (again)
			break;
		hk[h.nc] = c;
		typed += c.f == NF_HOST || c.f == NF_PORT;
		h.cl[h.nc] = h.cz[h.nc] = &t->lines[j], h.cb[h.nc] = b, h.ce[h.nc] = e, h.nc++;
		j++;
	}
	if (h.nc - (h.nc && hk[0].k == H_NAME) < 2 || !typed)
		return 0;
	*rows = mp_xgrow(*rows, *nr, sizeof **rows);
	(*rows)[(*nr)++] = h;
	for (;;) {
		struct trow r = {.l = NULL, .head = NC_NONE};
		size_t k = j;
		while (r.nc < h.nc && next_cell(t, &k, i, &b, &e)) {
			const mp_nline *l = &t->lines[k];
			struct hcell hc = hk[r.nc], vc = kind_of(l->s + b, e - b);
			/* (a row's name may read as a label: "Incoming (IMAP)") */
			if ((vc.k == H_FIELD && (r.nc || hk[0].k != H_NAME)) ||
			    ((hc.f == NF_HOST || hc.f == NF_PORT) && !nr_value_is(hc.f, l->s + b, e - b)))
				break;
			if (!r.l)
				r.l = l;
			r.cl[r.nc] = r.cz[r.nc] = l, r.cb[r.nc] = b, r.ce[r.nc] = e, r.nc++;
			k++;
		}
		if (r.nc < h.nc)
			break;
		*rows = mp_xgrow(*rows, *nr, sizeof **rows);
		(*rows)[(*nr)++] = r;
		j = last = k;
	}
	if (*nr < 2) {
		free(*rows);
		*rows = NULL, *nr = 0;
		return 0;
	}
	return last - i;
}

/* Columns side by side: a column names its server where a protocol row
 * does ("Protocol" / "IMAP" / "POP3"), else the section's; a port goes to
 * the server its number is registered for when the table offers that
 * server; the security row of the same width gives each column's port
 * its mode ("993" over "SSL/TLS", "143" over "STARTTLS"). */
static void by_value_columns(struct ex *x, const struct trow *rows, size_t nr, size_t ncol)
{
	enum mp_nctx sect = x->ctx == NC_WEB || x->ctx == NC_ANY ? NC_NONE : x->ctx, colp[16];
	int csec[16];
	bool ports = false;
	for (size_t k = 0; k < ncol; k++)
		colp[k] = NC_NONE, csec[k] = -1;
	for (size_t i = 0; i < nr; i++) {
		struct hcell c0 = rkind(&rows[i], 0);
		ports |= c0.f == NF_PORT;
		for (size_t k = 1; k < rows[i].nc && rows[i].nc - 1 == ncol; k++) {
			enum mp_nctx w = mp_notice_words_ctx(ctext(&rows[i], k), clen(&rows[i], k));
			if (c0.f == NF_IN_PROTO && is_proto(w))
				colp[k - 1] = w;
			else if (c0.f == NF_SECURITY)
				csec[k - 1] = nr_parse_security(ctext(&rows[i], k), clen(&rows[i], k));
		}
	}
	for (size_t i = 0; i < nr; i++) {
		struct hcell c0 = rkind(&rows[i], 0);
		bool wide = rows[i].nc - 1 == ncol;
		if (c0.f == NF_IN_PROTO || (c0.f == NF_SECURITY && wide && ports))
			continue;
		for (size_t k = 1; k < rows[i].nc; k++) {
			enum mp_nctx d = wide && colp[k - 1] != NC_NONE ? colp[k - 1] : sect;
			if (d == NC_NONE)
				d = c0.d;
			if (c0.f == NF_PORT) {
				enum mp_nctx pc = nr_port_ctx(atoi(ctext(&rows[i], k)));
				bool offered = d == NC_IN || d == NC_NONE;
				for (size_t m = 0; m < ncol; m++)
					offered |= colp[m] == pc;
				if (pc != NC_NONE && offered)
					d = pc;
			}
			put(x, &rows[i], k, c0.f, d, c0.f == NF_PORT && wide ? csec[k - 1] : -1);
		}
	}
}

/* Does a cell's text fit a field ("POP or POP3" a protocol, "mail.…" a
 * host, "110 or 8110" a port)? */
static bool cell_fits(enum mp_nfield f, const char *v, size_t n)
{
	if (f == NF_IN_PROTO)
		return is_proto(mp_notice_words_ctx(v, n));
	if (f == NF_PORT)
		return isdigit((unsigned char)v[0]) != 0;
	if (f == NF_SECURITY)
		return nr_span_sec(v, n) >= 0;
	return (f == NF_HOST || f == NF_EMAIL) && nr_value_is(f, v, nr_token_len(v, n));
}

/* "Parameter | Value | |", "Setting | Value", "項目 | 設定値": a header
 * naming only the columns of label | value rows, no field. */
static bool generic_header(const struct trow *r)
{
	static const char *const words[] = {"parameter", "parameters", "setting", "settings", "value", "values", "item",
	                                    "field", "option", "description", "details", "項目", "設定値", "設定内容",
	                                    "内容", NULL};
	size_t full = 0;
	for (size_t k = 0; k < r->nc; k++) {
		size_t n = clen(r, k);
		if (!n)
			continue;
		bool one = false;
		for (const char *const *w = words; *w && !one; w++)
			one = strlen(*w) == n && mp_strncasecmp(ctext(r, k), *w, n) == 0;
		if (!one)
			return false;
		full++;
	}
	return full >= 2;
}

/* A column of examples: "Example", "e.g.", "Sample value", "例", "記入例",
 * "入力例", "設定例". Its cells show what a value looks like; none is the
 * notice's own. */
static bool example_header(const char *s, size_t n)
{
	static const char *const en[] = {"example", "examples", "e.g.", "eg", "sample", "samples", "for example", NULL};
	static const char *const tail[] = {" value", " values", " entry", " entries", " setting", " settings", "", NULL};
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	for (const char *const *w = en; *w; w++)
		for (const char *const *t = tail; *t; t++) {
			size_t wl = strlen(*w), tl = strlen(*t);
			if (wl + tl == n && mp_strncasecmp(s, *w, wl) == 0 && mp_strncasecmp(s + wl, *t, tl) == 0)
				return true;
		}
	/* "例", "記入例", "入力例", "設定例": a short name ending in 例 */
	return n >= 3 && n <= 12 && memcmp(s + n - 3, "例", 3) == 0;
}

/* A header cell naming a column, not a field: the label column's
 * ("Setting", "項目"), a value's ("Value", "設定値"), an example's, or
 * a remark's ("Explanation", "説明", "Notes"). *label says it names the
 * label column. */
static bool column_name(const char *s, size_t n, bool *label)
{
	static const char *const lab[] = {"parameter", "parameters", "setting", "settings", "item", "items", "field",
	                                  "fields", "option", "options", "name", "項目", NULL};
	static const char *const oth[] = {"value", "values", "description", "details", "explanation", "explanations",
	                                  "notes", "note", "remarks", "comments", "設定値", "設定内容", "内容", "説明",
	                                  "解説", "備考", "補足", NULL};
	*label = false;
	for (const char *const *w = lab; *w; w++)
		if (strlen(*w) == n && mp_strncasecmp(s, *w, n) == 0)
			return *label = true;
	for (const char *const *w = oth; *w; w++)
		if (strlen(*w) == n && mp_strncasecmp(s, *w, n) == 0)
			return true;
	return example_header(s, n);
}

/* A header of column names only, none naming the label column ("|
 * example | explanation |" over "| username | jdoe | … |"): its corner
 * cell is missing. */
static bool names_value_columns(const struct trow *h)
{
	size_t full = 0;
	for (size_t k = 0; k < h->nc; k++) {
		size_t n = clen(h, k);
		bool label;
		if (!n)
			continue;
		if (!column_name(ctext(h, k), n, &label) || label)
			return false;
		full++;
	}
	return full >= 1;
}

/* The header row, made to stand over its columns: a caption row above
 * it (one cell: "Settings | |") is dropped, and a header without its
 * corner cell ("| Without SSL | With SSL |" over "POP3 | pop… | pop3s…",
 * "IMAP | POP3 | |" over "Username | … | …") moves one cell right. */
static void header_row(struct trow *rows, size_t *nr)
{
	size_t full = 0;
	for (size_t k = 0; k < rows[0].nc; k++)
		full += clen(&rows[0], k) > 0;
	if (*nr > 2 && full == 1 && clen(&rows[0], 0) && rkind(&rows[1], 1).k != H_EMPTY) {
		for (size_t k = 0; k < rows[0].nc; k++)
			free(rows[0].jt[k]);
		memmove(rows, rows + 1, (*nr - 1) * sizeof *rows);
		(*nr)--;
	}
	struct trow *h = &rows[0];
	enum hkind k0 = rkind(h, 0).k, b0 = rkind(&rows[1], 0).k;
	size_t n1 = rows[1].nc;
	bool short_row = h->nc < n1 || (h->nc == n1 && !clen(h, n1 - 1) && clen(&rows[1], n1 - 1));
	/* (or a header of fields whose labels fit the row's cells better one
	 * cell right: "| Type | Server name | Port | … | |" over "| Incoming
	 * server | POP3 | mail.… | 110 | … | Encrypted |") */
	size_t fit = 0, fit_right = 0;
	for (size_t k = 1; short_row && k < n1 && k < h->nc; k++) {
		struct hcell a = rkind(h, k), l = rkind(h, k - 1);
		const char *v = ctext(&rows[1], k);
		size_t vn = clen(&rows[1], k);
		fit += a.k == H_FIELD && vn && cell_fits(a.f, v, vn);
		fit_right += l.k == H_FIELD && vn && cell_fits(l.f, v, vn);
	}
	bool right = fit_right >= 2 && fit_right > fit;
	/* (or a header naming only the columns right of the labels) */
	right |= h->nc < n1 && (b0 == H_FIELD || b0 == H_PROTO) && names_value_columns(h);
	if (((k0 != H_PROTO && k0 != H_MODE) || (b0 != H_FIELD && b0 != H_PROTO) || !short_row) && !right)
		return;
	if (h->nc == MP_COUNT(h->cb))
		return;
	for (size_t k = h->nc; k > 0; k--)
		h->cl[k] = h->cl[k - 1], h->cz[k] = h->cz[k - 1], h->cb[k] = h->cb[k - 1], h->ce[k] = h->ce[k - 1],
		h->jt[k] = h->jt[k - 1];
	h->cz[0] = h->cl[0], h->ce[0] = h->cb[0], h->jt[0] = NULL;
	h->nc++;
	while (h->nc > n1 && !clen(h, h->nc - 1))
		h->nc--;
}

/* Label rows under a header whose only value column is one of examples
 * ("| Setting | Example | Explanation |", "| 項目 | 記入例 | 説明 |"):
 * no example cell gives a value (a host, an address, a login, a port,
 * "yes or no"), but the protocols a protocol row's example names are
 * offered ("POP3 or IMAP": the page takes either) and a server's label
 * over an example host offers that server, without a host. A table with
 * a column of its own values ("Value", "設定値") beside the examples is
 * read as label | value rows, the examples as remarks. */
static bool by_example_column(struct ex *x, const struct trow *rows, size_t nr)
{
	size_t ex = 0, labels = 0;
	for (size_t k = 1; k < rows[0].nc; k++) {
		const char *s = ctext(&rows[0], k);
		size_t n = clen(&rows[0], k);
		static const char *const say[] = {"explanation", "description", "details", "説明", "解説", NULL};
		if (!n)
			continue;
		if (example_header(s, n))
			ex = ex ? ex : k;
		else if (!remarks(&rows[0], k) && !nr_has_any(s, n, say))
			return false; /* a column of values, or of something else */
	}
	if (!ex)
		return false;
	for (size_t a = 1; a < nr; a++) {
		enum hkind k0 = rkind(&rows[a], 0).k;
		labels += k0 == H_FIELD || k0 == H_PROTO;
	}
	if (labels < 2 || labels * 2 < nr - 1)
		return false;
	enum mp_nctx sect = is_proto(x->ctx) ? x->ctx : NC_NONE;
	for (size_t a = 1; a < nr; a++) {
		const struct trow *r = &rows[a];
		struct hcell c0 = rkind(r, 0);
		if ((c0.k != H_FIELD && c0.k != H_PROTO) || ex >= r->nc || !clen(r, ex))
			continue;
		enum mp_nctx d = is_proto(c0.d) ? c0.d : sect;
		const char *v = ctext(r, ex);
		size_t vn = clen(r, ex);
		if ((c0.f == NF_IN_PROTO || c0.k == H_PROTO) && vn <= 20 && cell_fits(NF_IN_PROTO, v, vn))
			put(x, r, ex, NF_IN_PROTO, d == NC_SMTP ? NC_SMTP : NC_IN, -1);
		else if (c0.f == NF_HOST && (d == NC_IMAP || d == NC_POP || d == NC_SMTP))
			nr_cur_acc(x)->s[nr_srv_of(d)].stated = true;
	}
	return true;
}

/* Cells spanning rows (an HTML rowspan): a row short of cells at its
 * start ("| IMAPS | 993 | SSL/TLS |" under "| Incoming | IMAP | 143 |
 * STARTTLS |") takes its first cells from the row above, when its cells
 * are of the kinds of the row above's last ones and not of its first. */
static bool same_kinds(const struct trow *r, const struct trow *a, size_t d)
{
	for (size_t k = 0; k < r->nc; k++)
		if (rkind(r, k).k != rkind(a, k + d).k)
			return false;
	return true;
}

static void spanned_cells(struct trow *rows, size_t nr)
{
	for (size_t i = 2; i < nr; i++) {
		struct trow *r = &rows[i], *a = &rows[i - 1];
		if (r->nc < 2 || r->nc >= a->nc || a->nc != rows[0].nc)
			continue;
		size_t d = a->nc - r->nc;
		if (!same_kinds(r, a, d) || same_kinds(r, a, 0))
			continue;
		for (size_t k = r->nc; k-- > 0;)
			r->cl[k + d] = r->cl[k], r->cz[k + d] = r->cz[k], r->cb[k + d] = r->cb[k], r->ce[k + d] = r->ce[k],
			r->jt[k + d] = r->jt[k];
		for (size_t k = 0; k < d; k++)
			r->cl[k] = a->cl[k], r->cz[k] = a->cz[k], r->cb[k] = a->cb[k], r->ce[k] = a->ce[k],
			r->jt[k] = a->jt[k] ? mp_xstrdup(a->jt[k]) : NULL;
		r->nc = a->nc;
	}
}

/* A row's third cell holding a value of its column's field ("993" under
 * "Port"): the row is a record under a header of fields, not a label |
 * value row with a remark. */
static bool typed_third(const struct trow *rows, size_t a, const struct hcell *hd)
{
	if (rows[0].nc < 3 || rows[a].nc < 3 || hd[2].k != H_FIELD)
		return false;
	enum mp_nfield f = hd[2].f;
	return (f == NF_HOST || f == NF_PORT) && nr_value_is(f, ctext(&rows[a], 2), clen(&rows[a], 2));
}

/* The cells of a line split by one separator (sep, of sn bytes): ";",
 * ",", " - "; each trimmed, empty ones kept. 0 when the line holds no
 * such separator or more cells than a row keeps. */
static size_t sep_cells(const mp_nline *l, const char *sep, size_t sn, struct trow *r)
{
	const char *s = l->s;
	size_t n = l->len, nc = 0;
	bool any = false;
	for (size_t i = 0; i <= n;) {
		size_t j = i;
		while (j < n && !(j + sn <= n && memcmp(s + j, sep, sn) == 0))
			j++;
		if (nc == MP_COUNT(r->cb))
			return 0;
		/* (a line quoted as code, "`,imap.…,993,…`", keeps its quotes) */
		size_t a0 = i, a1 = j;
		while (a0 < a1 && (s[a0] == ' ' || s[a0] == '`'))
			a0++;
		while (a1 > a0 && (s[a1 - 1] == ' ' || s[a1 - 1] == '`'))
			a1--;
		r->cl[nc] = r->cz[nc] = l, r->cb[nc] = a0, r->ce[nc] = a1, r->jt[nc] = NULL, nc++;
		any |= j < n;
		i = j + sn;
	}
	r->l = l;
	r->nc = nc;
	r->head = NC_NONE;
	return any ? nc : 0;
}

/* Is cell k a port ("993"), or the number with a letter glued to it that
 * a copied shell line keeps ("465m")? Its number in *port. */
static bool port_cell(const struct trow *r, size_t k, int *port)
{
	const char *s = ctext(r, k);
	size_t n = clen(r, k), d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	if (!d || d > 5 || n - d > 1 || (d < n && !isalpha((unsigned char)s[d])))
		return false;
	*port = atoi(s);
	return *port > 0 && *port < 65536;
}

/* One provider's servers on one line in a fixed column order: a name or
 * nothing, then each host followed by its port (or an empty cell):
 * "Fastmail; imap.fastmail.com; 993; smtp.fastmail.com; 465",
 * ",imap.gmail.com,993,smtp.gmail.com,465", "GMX - imap.gmx.net - 993 -
 * mail.gmx.net - 587", a tab or "|" between cells. Two hosts or more and
 * a port; nothing else on the line. Each such line is its own account:
 * a host's server is the one its name (imap., smtp.) or its port says,
 * else its place (the first receives, the one after sends). The row's
 * name cell index in *name (or nc), true when the line is one. */
static bool server_row(const mp_nline *l, struct trow *r, size_t *name)
{
	static const struct {
		const char *s;
		size_t n;
	} seps[] = {{"|", 1}, {";", 1}, {",", 1}, {" - ", 3}};
	if (!l->len || !memchr(l->s, '.', l->len))
		return false;
	for (size_t v = 0; v < MP_COUNT(seps); v++) {
		if (!sep_cells(l, seps[v].s, seps[v].n, r))
			continue;
		size_t k = 0, hosts = 0, ports = 0;
		while (k < r->nc && !clen(r, k))
			k++;
		*name = r->nc;
		if (k < r->nc && !nr_valid_host(ctext(r, k), clen(r, k)) && rkind(r, k).k == H_NAME)
			*name = k++;
		bool ok = true;
		while (ok && k < r->nc && clen(r, k)) {
			int p;
			ok = nr_valid_host(ctext(r, k), clen(r, k));
			hosts += ok;
			k++;
			if (ok && k < r->nc && (!clen(r, k) || port_cell(r, k, &p)))
				ports += clen(r, k) > 0, k++;
		}
		while (k < r->nc && !clen(r, k))
			k++;
		if (ok && k == r->nc && hosts >= 2 && ports >= 1)
			return true;
	}
	return false;
}

static void read_server_row(struct ex *x, const struct trow *r, size_t name)
{
	size_t h0 = name < r->nc ? name + 1 : 0;
	while (!clen(r, h0))
		h0++;
	if (name < r->nc)
		group_name(x, r, name, ctext(r, h0), clen(r, h0));
	else {
		nr_row_account(x);
		mp_str_clear(&x->brand);
		x->brand_seen = false;
	}
	bool in = false;
	for (size_t k = h0; k < r->nc; k++) {
		if (!clen(r, k))
			continue;
		int p = 0;
		bool hp = k + 1 < r->nc && port_cell(r, k + 1, &p);
		enum mp_nctx d = nr_host_ctx(ctext(r, k), clen(r, k));
		if (d == NC_NONE && hp)
			d = nr_port_ctx(p);
		if (d == NC_NONE)
			d = in ? NC_SMTP : NC_IN;
		in |= d != NC_SMTP;
		put(x, r, k, NF_HOST, d, -1);
		if (hp) {
			char num[8];
			int nn = snprintf(num, sizeof num, "%d", p);
			x->now = r->cl[k + 1];
			nr_set_field(x, r->cl[k + 1], r->cb[k + 1], num, (size_t)nn, NF_PORT, d);
		}
		k += k + 1 < r->nc && (hp || !clen(r, k + 1));
	}
	x->alt_group = x->alt_access = false;
	x->pending = NF_NONE;
}

size_t nr_table(struct ex *x, const mp_ntext *t, size_t i)
{
	if (i < x->table_end)
		return 0;
	/* a line of one provider's hosts and ports, in column order */
	struct trow sr;
	size_t sname;
	if (server_row(&t->lines[i], &sr, &sname)) {
		read_server_row(x, &sr, sname);
		return 1;
	}
	/* "* Incoming (IMAP): imap.… | Port: 993 | SSL/TLS": a row of pairs
	 * (its first cell a pair of its own) is read as a line (attach.c) */
	struct trow pr;
	if (pipe_cells(&t->lines[i], &pr) >= 2 && pr.cb[0] < pr.ce[0] && nr_pair_cell(t->lines[i].s, pr.cb[0], pr.ce[0]))
		return 0;
	struct trow *rows = NULL;
	size_t nr = 0, scanned;
	bool kvflat;
	size_t used = stream_rows(t, i, &rows, &nr, &kvflat, &scanned);
	/* a header row on one line over rows broken across lines ("| Server |
	 * Host | Port |", then "| Incoming (IMAP) |" / "imap.… |" / "993 |") */
	struct trow hr;
	if (!used && i + 1 < t->n && pipe_cells(&t->lines[i], &hr) >= 2 && pipe_cells(&t->lines[i + 1], &(struct trow){0}) < 2) {
		size_t more = stream_rows(t, i + 1, &rows, &nr, &kvflat, &scanned);
		bool fits = more && !kvflat;
		for (size_t k = 0; fits && k < nr; k++)
			fits = rows[k].nc == hr.nc;
		if (fits) {
			rows = mp_xrealloc(rows, (nr + 1) * sizeof *rows);
			memmove(rows + 1, rows, nr * sizeof *rows);
			rows[0] = hr;
			nr++;
			used = more + 1;
		} else {
			rows_free(rows, nr);
			rows = NULL, nr = 0, kvflat = false, scanned = 0;
		}
	}
	if (used && kvflat) {
		by_rows(x, rows, nr);
		rows_free(rows, nr);
		x->pending = NF_NONE;
		return used;
	}
	if (!used && (used = proto_columns(x, t, i)) > 0) {
		x->pending = NF_NONE;
		return used;
	}
	size_t ncol;
	if (!used && (used = column_rows(t, i, &rows, &nr, &ncol)) > 0) {
		by_value_columns(x, rows, nr, ncol);
		rows_free(rows, nr);
		x->pending = NF_NONE;
		return used;
	}
	if (!used)
		used = period_rows(t, i, &rows, &nr);
	bool broken = used > 0; /* rows of a table broken across lines */
	if (!used && scanned > 1) {
		x->table_end = i + scanned; /* looked at once: a long input stays linear */
		return 0;
	}
	for (size_t j = i; !used && j < t->n; j++) {
		const mp_nline *l = &t->lines[j];
		/* a grid table's rule ("+-----+-----+", "+=====+=====+", as
		 * reStructuredText writes them, or drawn "┣━━╋━━┫"): under
		 * every row, so the rows go on */
		size_t g = 0;
		while (l->raw && (l->raw[g] == ' ' || l->raw[g] == '\t'))
			g++;
		if (!l->len && l->raw && nr &&
		    (l->raw[g] == '+' || ((unsigned char)l->raw[g] == 0xE2 && ((unsigned char)l->raw[g + 1] == 0x94 ||
		                                                            (unsigned char)l->raw[g + 1] == 0x95))))
			continue;
		if (!l->len && l->raw && memchr(l->raw, '-', strlen(l->raw)) && memchr(l->raw, '|', strlen(l->raw)) && nr) {
			/* a Markdown rule under the header; under a later row, that
			 * row is the next table's header (a bare "---" after the
			 * table is a break, not a rule of its cells) */
			if (nr > 1) {
				nr--;
				break;
			}
			continue;
		}
		struct trow r;
		if (pipe_cells(l, &r) < 2)
			break;
		rows = mp_xgrow(rows, nr, sizeof *rows);
		rows[nr++] = r;
	}
	if (nr < 2) {
		rows_free(rows, nr);
		return 0;
	}
	if (!used)
		used = (size_t)(rows[nr - 1].l - &t->lines[i]) + 1;
	header_row(rows, &nr);
	spanned_cells(rows, nr);
	struct hcell hd[MP_COUNT(rows[0].cb)];
	size_t protos = 0, modes = 0, fields = 0, values = 0, cells = 0;
	for (size_t k = 0; k < rows[0].nc; k++) {
		cells += clen(&rows[0], k) > 0;
		hd[k] = rkind(&rows[0], k);
		protos += k > 0 && hd[k].k == H_PROTO;
		modes += k > 0 && hd[k].k == H_MODE;
		fields += hd[k].k == H_FIELD;
		values += hd[k].k == H_VALUE;
	}
	/* A first column of field labels under a header row: the header's
	 * cells name the servers, also when they read as labels themselves
	 * ("Incoming mail (IMAP)", "Outgoing server"). */
	/* the first column's kinds, typed once: a long table stays linear */
	struct hcell *h0 = mp_xmalloc(nr * sizeof *h0);
	for (size_t a = 0; a < nr; a++)
		h0[a] = rkind(&rows[a], 0);
	size_t col0_fields = 0;
	for (size_t a = 1; a < nr; a++)
		col0_fields += h0[a].k == H_FIELD;
	if (nr >= 3 && col0_fields == nr - 1 && hd[0].k != H_PROTO && !values)
		for (size_t k = 1; k < rows[0].nc; k++)
			if (hd[k].k == H_FIELD && is_proto(hd[k].w)) {
				hd[k].k = H_PROTO, hd[k].d = hd[k].w;
				protos++, fields--;
			}
	/* label | value rows where a label comes again: one record after another */
	bool kv = true, again = false, kv_below = true;
	for (size_t a = 1; a < nr; a++)
		/* ("| IMAP | imap… | SSL required |" under "| Protocol | Server |
		 * Notes |" is a record too) */
		kv_below &= kv_row(&rows[a]) && !typed_third(rows, a, hd) &&
		            !(h0[a].k == H_PROTO && hd[0].k == H_FIELD && hd[0].f == NF_IN_PROTO);
	bool seen[NF_IN_PROTO + 1] = {false}; /* fields of the first column so far */
	bool in = false, out = false, shared = false; /* labels naming receiving, sending, neither */
	for (size_t a = generic_header(&rows[0]) ? 1 : 0; a < nr && kv; a++) {
		kv = kv_row(&rows[a]);
		again |= kv && h0[a].k == H_FIELD && seen[h0[a].f];
		seen[h0[a].f] = true;
		in |= is_proto(h0[a].w) && h0[a].w != NC_SMTP;
		out |= h0[a].w == NC_SMTP;
		shared |= !is_proto(h0[a].w) && (h0[a].f == NF_SECURITY || h0[a].f == NF_AUTH_METHOD);
	}
	free(h0);
	bool taken = true;
	/* one column named by a mode among fields ("種別 | サーバー名 | ポート |
	 * SSL"): a security column whose cells say yes or no */
	if (modes == 1 && fields >= 2)
		for (size_t k = 1; k < rows[0].nc; k++)
			if (hd[k].k == H_MODE) {
				hd[k].k = H_FIELD, hd[k].f = NF_SECURITY;
				modes--, fields++;
			}
	if (by_example_column(x, rows, nr)) /* examples only: no value but the protocols offered */
		;
	else if (by_pair_cells(x, rows, nr)) /* rows of pairs: whatever the header says */
		;
	else if (!values && !protos && !modes && by_name_columns(x, rows, nr))
		;
	else if (!values && protos >= 2 && hd[0].k != H_PROTO)
		by_protocol_columns(x, rows, nr, hd);
	else if (!values && modes >= 2)
		by_mode_columns(x, rows, nr, hd);
	else if (!values && !modes && cells >= 2 && fields >= 1 && fields + (hd[0].k != H_FIELD) >= 2 && protos == 0 &&
	         !kv_below)
		by_field_columns(x, rows, nr, hd);
	else if (kv && (again || broken || (in && out && shared))) /* a broken table is not read line by line */
		by_rows(x, rows, nr);
	else if (provider_hosts(x, rows, nr))
		;
	else
		taken = false;
	rows_free(rows, nr);
	x->alt_group = x->alt_access = false; /* the table's groups end with it */
	if (taken)
		x->pending = NF_NONE;
	else
		x->table_end = i + used;
	return taken ? used : 0;
}
