/* The table model (docs/notice-reader.md § Tables): a block of rows is
 * read as one table, whatever layout the text extraction left it in
 * (`|` rows, Markdown rules, cells flattened one per line with their
 * border). Its header row and header column are found by what they hold
 * (protocols, field labels, security modes, provider names), and every
 * value cell reaches fill.c through its row's and its column's headers,
 * with the section heading above the table for what they leave open. */
#include <ctype.h>
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
	 * line, as a flattened table's are on lines of their own */
	const mp_nline *cl[16];
	size_t cb[16], ce[16];
};

static bool is_proto(enum mp_nctx c)
{
	return c == NC_IN || c == NC_POP || c == NC_IMAP || c == NC_SMTP;
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
		return -1;
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
	if (memchr(s, '@', n) || nr_valid_host(s, tk) || isdigit((unsigned char)s[0]) || spaces >= 3 ||
	    nr_has(s, n, "。") || n > 60) {
		h.k = H_VALUE;
		return h;
	}
	enum mp_nctx d;
	h.f = mp_notice_classify(s, n, &d);
	enum mp_nctx w = mp_notice_words_ctx(s, n);
	h.w = w;
	h.sec = nr_mode_column(s, n);
	if (h.sec >= 0) {
		h.k = H_MODE;
		return h;
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
		r->cl[nc] = l, r->cb[nc] = a0, r->ce[nc] = a1, nc++;
		i = j + 1;
	}
	r->l = l;
	r->nc = nc;
	return nc;
}

static size_t clen(const struct trow *r, size_t k)
{
	return k < r->nc ? r->ce[k] - r->cb[k] : 0;
}

static struct hcell rkind(const struct trow *r, size_t k)
{
	return k < r->nc ? kind_of(r->cl[k]->s + r->cb[k], clen(r, k)) : (struct hcell){H_EMPTY, NF_NONE, NC_NONE, NC_NONE, -1};
}

static const char *ctext(const struct trow *r, size_t k)
{
	return r->cl[k]->s + r->cb[k];
}

/* A cell read as a line of its own, under its row's and column's server:
 * a sentence in a cell ("SSLを有効にしてください。ポート番号は995") is
 * read values first, as any line. */
static void cell_line(struct ex *x, const struct trow *r, size_t k, enum mp_nctx dir)
{
	mp_nline sub = *r->cl[k];
	sub.s = r->cl[k]->s + r->cb[k];
	sub.len = clen(r, k);
	sub.col = r->cl[k]->col + r->cb[k];
	enum mp_nctx saved = x->ctx;
	x->ctx = dir;
	x->cur = nr_srv_of(dir);
	x->pending = NF_NONE;
	nr_line(x, &sub);
	x->now = r->cl[k]; /* not the copy on this stack: the next line looks back at it */
	x->pending = NF_NONE;
	x->ctx = saved;
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
	x->now = l;
	int srv = nr_srv_of(dir);
	if (srv >= 0)
		x->cur = srv;
	bool one = nr_value_is(f, s, n) || (f == NF_IN_PROTO && n <= 20) || f == NF_AUTH_METHOD || f == NF_SMTP_AUTH ||
	           f == NF_NAME || f == NF_LOGIN || f == NF_PASSWORD;
	if (!one && f != NF_SECURITY) {
		cell_line(x, r, k, dir);
		return;
	}
	nr_set_field(x, l, r->cb[k], s, n, f, dir);
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
		if (c0.k != H_FIELD && c0.k != H_PROTO)
			continue;
		for (size_t k = 1; k < rows[i].nc && k < rows[0].nc; k++) {
			if (hd[k].k != H_PROTO)
				continue;
			/* "送信サーバー名" under "POP3の場合": the column names the
			 * incoming option, the label the server */
			enum mp_nctx d = c0.w == NC_SMTP || (is_proto(c0.w) && hd[k].d == NC_IN) ? c0.w : hd[k].d;
			if (c0.k == H_PROTO) /* "送信時認証": no field, the cell says */
				cell_line(x, &rows[i], k, d);
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
		for (size_t k = 1; k < r->nc && k < rows[0].nc; k++)
			if (hd[k].k == H_MODE && clen(r, k) && clen(r, k) <= 5 && nr_all_digits(ctext(r, k), clen(r, k)))
				nr_mx_add(x, r->l, r->cb[k], srv, atoi(ctext(r, k)), hd[k].sec);
	}
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
		if (lead && c0.k == H_PROTO) {
			dir = c0.d;
			from = 1;
		} else if (lead && hd[0].k == H_NAME && (c0.k == H_NAME || c0.k == H_FIELD)) {
			/* a provider's name: its row is that provider's block */
			size_t e = clen(r, 0);
			while (e && (ctext(r, 0)[e - 1] == ':' || ctext(r, 0)[e - 1] == ' '))
				e--;
			mailprof_loc loc = nr_loc_at(x, r->cl[0], r->cb[0]);
			mp_str_setn(&x->brand, ctext(r, 0), e, &loc);
			x->brand_seen = true;
			from = 1;
		} else if (lead)
			from = 1;
		/* a column naming the protocol gives the row's server */
		for (size_t k = from; k < r->nc && k < rows[0].nc; k++)
			if (hd[k].k == H_FIELD && hd[k].f == NF_IN_PROTO && is_proto(mp_notice_words_ctx(ctext(r, k), clen(r, k))))
				dir = mp_notice_words_ctx(ctext(r, k), clen(r, k));
		int rsec = -1;
		bool port = false;
		for (size_t k = from; k < r->nc && k < rows[0].nc; k++) {
			if (hd[k].k == H_FIELD && hd[k].f == NF_SECURITY && clen(r, k) && rsec == -1)
				rsec = nr_parse_security(ctext(r, k), clen(r, k));
			port |= hd[k].k == H_FIELD && hd[k].f == NF_PORT && clen(r, k);
		}
		/* the address first: it may start the row's account */
		for (int pass = 0; pass < 2; pass++)
			for (size_t k = from; k < r->nc && k < rows[0].nc; k++) {
				if (hd[k].k != H_FIELD || (pass == 0) != (hd[k].f == NF_EMAIL) || hd[k].f == NF_IN_PROTO)
					continue;
				if (hd[k].f == NF_SECURITY && port && rsec != -1)
					continue; /* offered with the port: "110 | なし", "995 | SSL" */
				enum mp_nctx d = dir != NC_NONE ? dir : hd[k].d;
				if (dir == NC_IN && is_proto(hd[k].d))
					d = hd[k].d;
				put(x, r, k, hd[k].f, d, hd[k].f == NF_PORT ? rsec : -1);
			}
	}
}

/* The server of a record of label | value rows that names none: the
 * protocol a row names ("Type | IMAP"), else its host's first label
 * ("imap.…", "pop.…", "smtp.…"), else NC_NONE. */
static enum mp_nctx record_server(const struct trow *rows, size_t b, size_t e)
{
	static const struct {
		const char *p;
		enum mp_nctx c;
	} pfx[] = {{"imap", NC_IMAP}, {"pop", NC_POP}, {"smtp", NC_SMTP}};
	for (size_t i = b; i < e; i++) {
		struct hcell v = rkind(&rows[i], 1), c0 = rkind(&rows[i], 0);
		if (v.k == H_PROTO && (c0.f == NF_IN_PROTO || c0.k == H_NAME))
			return v.d;
	}
	for (size_t i = b; i < e; i++)
		if (rkind(&rows[i], 0).f == NF_HOST && rows[i].nc >= 2) {
			const char *h = ctext(&rows[i], 1);
			for (size_t p = 0; p < MP_COUNT(pfx); p++)
				if (clen(&rows[i], 1) > strlen(pfx[p].p) && mp_strncasecmp(h, pfx[p].p, strlen(pfx[p].p)) == 0)
					return pfx[p].c;
		}
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
	while (b < nr) {
		size_t e = b + 1;
		bool seen[NF_IN_PROTO + 1] = {false}; /* the record's labels so far */
		seen[rkind(&rows[b], 0).f] = true;
		for (; e < nr; e++) {
			enum mp_nfield fe = rkind(&rows[e], 0).f;
			if (fe != NF_NONE && seen[fe])
				break;
			seen[fe] = true;
		}
		enum mp_nctx sect = x->ctx == NC_WEB || x->ctx == NC_ANY ? NC_NONE : x->ctx;
		enum mp_nctx own = record_server(rows, b, e);
		enum mp_nctx dir = nr > e - b && own != NC_NONE ? own : sect != NC_NONE ? sect : own;
		int rsec = -1;
		for (size_t i = b; i < e; i++)
			if (rkind(&rows[i], 0).f == NF_SECURITY && rows[i].nc >= 2)
				rsec = nr_parse_security(ctext(&rows[i], 1), clen(&rows[i], 1));
		for (size_t i = b; i < e; i++) {
			struct hcell c0 = rkind(&rows[i], 0);
			enum mp_nctx d = dir;
			if (d == NC_NONE || (d == NC_IN && is_proto(c0.d)))
				d = c0.d;
			if (c0.f == NF_IN_PROTO || rows[i].nc < 2)
				continue;
			put(x, &rows[i], 1, c0.f, d, c0.f == NF_PORT ? rsec : -1);
		}
		b = e;
	}
}

/* Rows of a table flattened one cell per line, each cell ending in its
 * border ("Type |", "IMAP |", "Server name |", "mail.example.com |"):
 * a label line and its value line make a row. Returns the lines taken,
 * 0 when line i starts no such table (three rows at least). */
static bool flat_cell(const mp_nline *l, struct trow *r)
{
	size_t n = l->len;
	while (n && l->s[n - 1] == ' ')
		n--;
	return n && l->s[n - 1] == '|' && pipe_cells(l, r) == 1 && clen(r, 0);
}

static size_t flat_rows(const mp_ntext *t, size_t i, struct trow **rows, size_t *nr)
{
	size_t j = i;
	*nr = 0;
	while (j + 1 < t->n) {
		struct trow a, v;
		if (!flat_cell(&t->lines[j], &a) || !flat_cell(&t->lines[j + 1], &v))
			break;
		struct hcell h = rkind(&a, 0);
		if (h.k != H_FIELD && !(h.k == H_NAME && rkind(&v, 0).k == H_PROTO))
			break;
		a.cl[1] = v.cl[0], a.cb[1] = v.cb[0], a.ce[1] = v.ce[0], a.nc = 2;
		*rows = mp_xrealloc(*rows, (*nr + 1) * sizeof **rows);
		(*rows)[(*nr)++] = a;
		j += 2;
	}
	return *nr >= 3 ? j - i : 0;
}

/* Label | value rows, two cells (a third one a remark), the labels
 * naming fields: a table without header row. */
static bool kv_row(const struct trow *r)
{
	struct hcell c0 = rkind(r, 0);
	return (r->nc == 2 || r->nc == 3) && clen(r, 1) && (c0.k == H_FIELD || c0.k == H_PROTO || c0.k == H_MODE);
}

size_t nr_table(struct ex *x, const mp_ntext *t, size_t i)
{
	if (i < x->table_end)
		return 0;
	struct trow *rows = NULL;
	size_t nr = 0;
	size_t used = flat_rows(t, i, &rows, &nr);
	if (used) {
		by_rows(x, rows, nr);
		free(rows);
		x->pending = NF_NONE;
		return used;
	}
	for (size_t j = i; j < t->n; j++) {
		const mp_nline *l = &t->lines[j];
		if (!l->len && l->raw && memchr(l->raw, '-', strlen(l->raw)) && nr)
			continue; /* a Markdown rule under the header */
		struct trow r;
		if (pipe_cells(l, &r) < 2)
			break;
		rows = mp_xrealloc(rows, (nr + 1) * sizeof *rows);
		rows[nr++] = r;
		used = j + 1 - i;
	}
	if (nr < 2) {
		free(rows);
		return 0;
	}
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
		kv_below &= kv_row(&rows[a]);
	bool seen[NF_IN_PROTO + 1] = {false}; /* fields of the first column so far */
	for (size_t a = 0; a < nr && kv; a++) {
		kv = kv_row(&rows[a]);
		again |= kv && h0[a].k == H_FIELD && seen[h0[a].f];
		seen[h0[a].f] = true;
	}
	free(h0);
	bool taken = true;
	if (!values && protos >= 2 && hd[0].k != H_PROTO)
		by_protocol_columns(x, rows, nr, hd);
	else if (!values && modes >= 2)
		by_mode_columns(x, rows, nr, hd);
	else if (!values && !modes && cells >= 2 && fields >= 1 && fields + (hd[0].k != H_FIELD) >= 2 && protos == 0 &&
	         !kv_below)
		by_field_columns(x, rows, nr, hd);
	else if (kv && again)
		by_rows(x, rows, nr);
	else
		taken = false;
	free(rows);
	if (taken)
		x->pending = NF_NONE;
	else
		x->table_end = i + used;
	return taken ? used : 0;
}
