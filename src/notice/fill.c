/* Stage 6 of the reader (docs/notice-reader.md): filling drafts. A value
 * that found its label goes into the account draft and the server its
 * label, the context or the value itself names. */
#include <stdarg.h>
#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain.h"
#include "reader.h"

/* Rank of what a server has now, or of a port offered with sec. */
static int rank_of(int port, int sec)
{
	return nr_sec_rank(nr_sec_for_port(sec, port));
}

/* A port offered for server s: the first one stays unless a later one is
 * more secure ("110 with STARTTLS, or 995 TLS": 995); the same port may
 * still get its security. */
static void offer_ranked(struct dsrv *s, int port, int sec, const mailprof_loc *loc)
{
	if (!s->port.set) { /* a security row may have come first */
		mp_int_set(&s->port, port, loc);
		if (sec >= 0)
			mp_int_set(&s->sec, sec, loc);
	} else if (port != s->port.v && rank_of(port, sec) > rank_of(s->port.v, s->sec.set ? s->sec.v : -1)) {
		mp_int_set(&s->port, port, loc);
		s->sec.set = false;
		s->sec.v = -1;
		if (sec >= 0)
			mp_int_set(&s->sec, sec, loc);
	} else if (s->port.v == 25 && port == 587 &&
	           rank_of(port, sec) == rank_of(25, s->sec.set ? s->sec.v : -1)) {
		/* "25/587" with one security: the submission port, not the relay one */
		mp_int_set(&s->port, port, loc);
		if (sec >= 0)
			mp_int_set(&s->sec, sec, loc);
	} else if (s->port.v == port && !s->sec.set && sec >= 0)
		mp_int_set(&s->sec, sec, loc);
	else if (port != s->port.v && nr_sec_for_port(sec, port) == MP_SEC_TLS && mp_port_is_implicit_tls(port) &&
	         mp_port_is_starttls(s->port.v) && s->sec.set &&
	         nr_sec_for_port(s->sec.v, s->port.v) == MP_SEC_TLS) {
		/* "587 (SSL)" then "465 (SSL)": SSL names the port that is TLS
		 * from the first byte, not a plain or STARTTLS one */
		mp_int_set(&s->port, port, loc);
		mp_int_set(&s->sec, sec, loc);
	}
}

void nr_offer_port(struct dsrv *s, int port, int sec, const mailprof_loc *loc)
{
	nr_offer_port_pref(s, port, sec, loc, 0);
}

/* The page's own word on a port comes before security: "587 (STARTTLS) -
 * Recommended" then "Alternative port: 465 (SSL/TLS)" is 587; "465 (not
 * recommended)" gives way to any port said without such words. */
void nr_offer_port_pref(struct dsrv *s, int port, int sec, const mailprof_loc *loc, int pref)
{
	struct dsrv was = *s;
	if (s->port.set && port != s->port.v && pref != s->pref) {
		if (pref > s->pref) {
			mp_int_set(&s->port, port, loc);
			s->sec.set = false;
			s->sec.v = -1;
			if (sec >= 0)
				mp_int_set(&s->sec, sec, loc);
			s->pref = pref;
		}
	} else {
		if (!s->port.set)
			s->pref = pref;
		offer_ranked(s, port, sec, loc);
	}
	/* the port that lost, kept as the runner-up (the first of the best
	 * rank): a port the notice refuses elsewhere gives way to it */
	int lp = -1, ls = -1, lf = pref;
	mailprof_loc ll = *loc;
	if (s->port.v != port)
		lp = port, ls = sec;
	else if (was.port.set && was.port.v != port)
		lp = was.port.v, ls = was.sec.set ? was.sec.v : -1, ll = was.port.loc, lf = was.pref;
	if (lp > 0 && (!s->alt_port.set || rank_of(lp, ls) > rank_of(s->alt_port.v, s->alt_sec.set ? s->alt_sec.v : -1))) {
		s->alt_pref = lf;
		mp_int_set(&s->alt_port, lp, &ll);
		s->alt_sec.set = false;
		s->alt_sec.v = -1;
		if (ls >= 0)
			mp_int_set(&s->alt_sec, ls, &ll);
	}
}

/* An empty server draft: nothing stated. */
static void srv_reset(struct dsrv *s)
{
	memset(s, 0, sizeof *s);
	s->auth = -1;
	s->said_method = -1;
	s->own_method = -1;
	s->sec.v = -1;
}

static struct dacc *new_acc(struct ex *x)
{
	x->acc = mp_xgrow(x->acc, x->nacc, sizeof *x->acc);
	struct dacc *a = &x->acc[x->nacc++];
	memset(a, 0, sizeof *a);
	a->in_pref = -1;
	a->method = -1;
	a->in_method = -1;
	for (int i = 0; i < S_N; i++)
		srv_reset(&a->s[i]);
	x->cur = -1;
	return a;
}

struct dacc *nr_cur_acc(struct ex *x)
{
	if (x->nacc)
		return &x->acc[x->nacc - 1];
	/* the first draft: the section a heading opened before it stays */
	int cur = x->cur;
	struct dacc *a = new_acc(x);
	x->cur = cur;
	return a;
}

mailprof_loc nr_loc_at(const struct ex *x, const mp_nline *l, size_t off)
{
	mailprof_loc r = {x->path, mp_nline_line(l, off), mp_nline_col(l, off)};
	return r;
}

MP_PRINTF(5, 6)
void nr_info(struct ex *x, const mp_nline *l, size_t off, const char *fix, const char *msg, ...)
{
	mailprof_loc loc = nr_loc_at(x, l, off);
	va_list ap;
	va_start(ap, msg);
	mp_vdiag(x->d, MAILPROF_INFO, "notice-unused", NULL, &loc, fix, msg, ap);
	va_end(ap);
}

static int in_guess(const struct dacc *a, const char *host, size_t n)
{
	if (host && n >= 4 && mp_strncasecmp(host, "imap", 4) == 0)
		return S_IMAP;
	if (host && n >= 3 && mp_strncasecmp(host, "pop", 3) == 0)
		return S_POP;
	if (a->in_pref >= 0)
		return a->in_pref;
	if (a->s[S_IMAP].host.v && !a->s[S_POP].host.v)
		return S_IMAP;
	return S_POP;
}

int nr_server_for(struct ex *x, enum mp_nctx dir, const char *host, size_t n)
{
	struct dacc *a = nr_cur_acc(x);
	switch (dir) {
	case NC_IMAP: return S_IMAP;
	case NC_POP: return S_POP;
	case NC_SMTP: return S_SMTP;
	case NC_IN:
		if (!host && (x->cur == S_IMAP || x->cur == S_POP))
			return x->cur;
		/* "IMAP Protocol / Incoming Server: mail.example.net": the
		 * section's protocol, unless the host names the other one */
		if (host && (x->ctx == NC_IMAP || x->ctx == NC_POP) &&
		    !(n >= 4 && mp_strncasecmp(host, "imap", 4) == 0) && !(n >= 3 && mp_strncasecmp(host, "pop", 3) == 0))
			return x->ctx == NC_IMAP ? S_IMAP : S_POP;
		/* "Bluehost: IMAP Incoming / Outgoing Server Port Numbers": the
		 * title names the one incoming protocol of the page */
		if (a->in_pref < 0 && x->title_in >= 0 &&
		    !(host && (mp_strncasecmp(host, "imap", 4) == 0 || mp_strncasecmp(host, "pop", 3) == 0)))
			return x->title_in;
		return in_guess(a, host, n);
	default: return x->cur;
	}
}

/* Direction of a label: its own words first, then the dictionary's, then
 * the heading context. */
enum mp_nctx nr_label_dir(struct ex *x, const char *label, size_t ln, enum mp_nctx entry)
{
	enum mp_nctx w = mp_notice_words_ctx(label, ln);
	if (w == NC_WEB)
		w = NC_NONE;
	/* An SMTP label naming POP ("POP認証と同じ") stays SMTP unless it says incoming. */
	if (w != NC_NONE && !(entry == NC_SMTP && (w == NC_IN || w == NC_POP || w == NC_IMAP) &&
	                      !nr_has(label, ln, "受信") && !nr_has(label, ln, "incoming"))) {
		x->named = w;
		return w;
	}
	if (entry != NC_NONE && entry != NC_ANY)
		return entry;
	/* "The server for all of them is …", "Server for both:": every
	 * server's, whichever was named last */
	static const char *const all[] = {"for all", "all of them", "for both", "for every", "all three", NULL};
	if (nr_has_any(label, ln, all))
		return NC_ANY;
	/* "IMAP" / "Incoming: imap.…" / "Outgoing: smtp.…" / "Port: 587": the
	 * nearest label naming a direction beats a heading naming the other */
	bool out_named = x->named == NC_SMTP, in_named = x->named == NC_IN || x->named == NC_IMAP || x->named == NC_POP;
	bool out_ctx = x->ctx == NC_SMTP, in_ctx = x->ctx == NC_IN || x->ctx == NC_IMAP || x->ctx == NC_POP;
	if ((out_named && in_ctx) || (in_named && out_ctx))
		return x->named;
	if (entry == NC_ANY && x->ctx == NC_NONE)
		return NC_ANY;
	return x->ctx == NC_WEB ? NC_NONE : x->ctx;
}

/* What footnote N says about security: "暗号化(POP over SSL/TLS)" is
 * implicit TLS; anything else (or no note) says nothing. */
static int note_sec(const struct ex *x, int mark)
{
	const char *t = mark > 0 && mark < 10 ? x->notes[mark] : NULL;
	if (!t)
		return -1;
	size_t n = strlen(t);
	if (nr_has(t, n, "over ssl") || nr_has(t, n, "ssl/tls") || nr_has(t, n, "(ssl)") || nr_has(t, n, "smtps") ||
	    nr_has(t, n, "pop3s") || nr_has(t, n, "imaps"))
		return MP_SEC_TLS;
	return -1;
}

/* Server i of draft a gets a host. A different host for a server that has
 * one, after a plain heading ("PLANET" … "Kiwi Internet"), starts the next
 * provider's block: a draft in the same group (resolved in nr_group_pass()). */
static bool same_site(const char *a, const char *h, size_t hn)
{
	char *b = mp_xstrndup(h, hn);
	const char *ra = mp_registrable(a), *rb = mp_registrable(b);
	bool same = strcasecmp(ra, rb) == 0;
	free(b);
	return same;
}

/* The next provider's draft, in the same group as a (resolved in
 * nr_group_pass()). */
static struct dacc *next_provider(struct ex *x, struct dacc *a)
{
	int g = a->group ? a->group : ++x->ngroups;
	a->group = g;
	struct dacc *b = new_acc(x);
	b->group = g;
	return b;
}

/* Does draft a name a host (of its current servers) in the site of h? */
static bool draft_site(const struct dacc *a, const char *h, size_t hn)
{
	for (int k = 0; k < S_N; k++)
		if (a->s[k].host.v && same_site(a->s[k].host.v, h, hn))
			return true;
	return false;
}

/* The domain a host serves: what follows its first label
 * ("imap.dsu.nodak.edu" -> "dsu.nodak.edu"). */
static const char *host_domain(const char *h, size_t hn, size_t *dn)
{
	const char *d = memchr(h, '.', hn);
	if (!d) {
		*dn = 0;
		return h + hn;
	}
	*dn = hn - (size_t)(d + 1 - h);
	return d + 1;
}

/* Is a group's host h (under a heading "DSU", in a row "Campus B |
 * imap.…") in a domain of its own while draft a, the block before, named
 * a whole set of servers (incoming and outgoing) none of them in that
 * domain ("NDSU" imap.ndsu.nodak.edu, smtp.ndsu.nodak.edu, then "DSU"
 * imap.dsu.nodak.edu)? A second block of the same servers in another
 * domain of the organisation is another campus's or account system's
 * account, not alternatives of the account before; groups of mailstores
 * that share one outgoing server ("Staff" / "Student" /
 * "mail.ilrt.bris…") still offer alternatives. */
bool nr_own_domain(const struct dacc *a, const char *h, size_t hn)
{
	size_t dn;
	const char *d = host_domain(h, hn, &dn);
	if (!a || !dn || !a->s[S_SMTP].host.v || !(a->s[S_IMAP].host.v || a->s[S_POP].host.v))
		return false;
	for (int k = 0; k < S_N; k++) {
		const char *o = a->s[k].host.v;
		size_t on = 0;
		const char *od = o ? host_domain(o, strlen(o), &on) : NULL;
		if (od && on == dn && mp_strncasecmp(od, d, dn) == 0)
			return false;
	}
	return true;
}

static struct dacc *host_block(struct ex *x, struct dacc *a, int i, const char *h, size_t hn)
{
	/* after a plain heading, or in another provider's domain (a list of
	 * providers: "SMTP - smtp.live.com" … "SMTP - smtp.gmail.com") */
	int hosts = 0; /* a provider's block names two servers at least */
	for (int k = 0; k < S_N; k++)
		hosts += a->s[k].host.v != NULL;
	/* a provider's block that named its server by a template or a port
	 * only ("Server = mail.'domain name'", "Port = 995") ends as well at
	 * the next provider's heading */
	bool set_before = i >= 0 && !a->s[i].host.v && a->s[i].port.set && x->brand_seen &&
	                  a->s[i].port.loc.line < x->brand.loc.line;
	bool other = i >= 0 && a->s[i].host.v && !(strlen(a->s[i].host.v) == hn && mp_strncasecmp(a->s[i].host.v, h, hn) == 0);
	/* under the heading of a group of the same organisation ("Staff",
	 * "Students": a host in the site of the block's), another host is an
	 * alternative server of the same account */
	if (x->brand_seen && other)
		x->alt_group = x->alt_access ||
		               (draft_site(a, h, hn) && !nr_own_domain(a, h, hn));
	/* "## Gmail … imap.gmail.com" then "## Hotmail … pop3.live.com": under
	 * the next provider's heading, a host of another site starts its block
	 * even for a server the block before did not name */
	bool other_site = x->brand_seen && hosts > 0;
	for (int k = 0; k < S_N && other_site; k++)
		other_site = !a->s[k].host.v ||
		             (a->s[k].host.loc.line < x->brand.loc.line && !same_site(a->s[k].host.v, h, hn));
	/* (a group's block takes only hosts of the organisation's site) */
	bool group = x->alt_group && (x->alt_access || draft_site(a, h, hn));
	/* under an address domain's heading ("@med.…"), any host of the block
	 * before's starts the next account */
	bool own = x->brand_seen && x->brand_own && hosts > 0;
	if (own)
		x->alt_group = false;
	if (own || (!group && (set_before || other_site ||
	               (other && (x->brand_seen || (hosts >= 2 && !same_site(a->s[i].host.v, h, hn))))))) {
		a = next_provider(x, a);
		x->cur = i;
	}
	if (!a->brand.v && x->brand.v) {
		mp_str_set(&a->brand, x->brand.v, &x->brand.loc);
		a->bseq = x->bseq;
	}
	x->brand_seen = false;
	return a;
}

/* A provider's name (a plain heading, a list row's label, a table's first
 * cell). Under a heading ("## Gmail") the port lines until the next one
 * are that provider's; a row names its host only ("Rogers: smtp.…"), and
 * ports listed after such rows name none of them. */
void nr_brand(struct ex *x, const char *s, size_t n, const mailprof_loc *loc, bool heading)
{
	mp_str_setn(&x->brand, s, n, loc);
	x->brand_seen = true;
	x->bseq = heading ? ++x->nbseq : 0;
	x->brand_own = false;
}

/* A provider's row in a table of providers (table.c) starts that
 * provider's block when the block before it named a server: its hosts
 * are its own, whichever servers the row before named. A row whose host
 * is in the site of the block's is another group of the same
 * organisation (a mailstore, a campus): its hosts are alternatives. */
void nr_provider_block(struct ex *x, const char *h, size_t hn)
{
	struct dacc *a = x->nacc ? &x->acc[x->nacc - 1] : NULL;
	bool named = false;
	for (int k = 0; a && k < S_N; k++)
		named |= a->s[k].host.v != NULL;
	x->alt_group = named && h && draft_site(a, h, hn) && !nr_own_domain(a, h, hn);
	if (named && !x->alt_group)
		next_provider(x, a);
}

/* A row of a provider's hosts without its name (a line of hosts and
 * ports, table.c): its own account when the one before named a server. */
void nr_row_account(struct ex *x)
{
	struct dacc *a = x->nacc ? &x->acc[x->nacc - 1] : NULL;
	bool named = false;
	for (int k = 0; a && k < S_N; k++)
		named |= a->s[k].host.v != NULL;
	x->alt_group = false;
	if (named)
		next_provider(x, a);
}

/* The server of protocol i being filled becomes an alternative offered
 * before the next one (the draft's s[i] starts empty). */
static void push_alt(struct dacc *a, int i, bool shares)
{
	a->alt = mp_xgrow(a->alt, a->nalt, sizeof *a->alt);
	a->alt[a->nalt++] = (struct dalt){i, shares, a->s[i]};
	srv_reset(&a->s[i]);
}

/* Does the text before a host (its label, its row) name one way of
 * reaching the server ("on campus", "off campus", "SMTP AUTH server",
 * "authenticated", 学内, 学外, 認証)? Two hosts of one site for a server so
 * named are alternatives, not a conflict (put_host). */
static bool names_access(const char *s, size_t n)
{
	static const char *const w[] = {"campus", "inside", "outside", "authenticat", "smtp auth", "smtp-auth",
	                                "smtpauth", "学内", "学外", "構内", "認証", NULL};
	if (nr_has_any(s, n, w))
			return true;
	return false;
}

/* Server i gets a host; a different one for a server that has one is a
 * conflict: the first stays and a warning names both. */
static void put_host(struct ex *x, struct dacc *a, int i, const char *h, size_t hn, const mailprof_loc *loc)
{
	mp_str *cur = &a->s[i].host;
	/* "Outgoing Mail Servers" / "- mailrelay.math.example.edu" / "-
	 * smtp.example.edu": under a list title naming this server in the
	 * plural, hosts of one site are alternatives */
	bool listed = cur->v && (nr_srv_of(x->list_ctx) == i || (x->list_ctx == NC_IN && i != S_SMTP)) &&
	              !x->brand_seen && same_site(cur->v, h, hn);
	/* "SMTP server (on campus): smtp.…" then "SMTP AUTH server: smtpauth.…":
	 * a label naming a way of reaching the server offers another one */
	bool access = cur->v && (x->label_access || a->s[i].access) && same_site(cur->v, h, hn);
	if (cur->v && !(strlen(cur->v) == hn && mp_strncasecmp(cur->v, h, hn) == 0) &&
	    ((x->alt_group && (x->alt_access || draft_site(a, h, hn))) || x->alt_or || listed || access)) {
		if (a->nalt >= NR_MAX_ALT) { /* no page offers so many: reported once, not servers */
			if (!a->alt_full)
				mp_diag(x->d, MAILPROF_INFO, "notice-unused", loc, NULL,
				        "more than %d alternative servers; %s not used", NR_MAX_ALT, "this host and those after it");
			a->alt_full = true;
			return;
		}
		push_alt(a, i, x->alt_or);
	} else if (cur->v && !(strlen(cur->v) == hn && mp_strncasecmp(cur->v, h, hn) == 0)) {
		/* the one named after the server's protocol wins ("imap.gmail.com"
		 * over "m.google.com" for IMAP), else the first */
		static const char *const pfx[S_N] = {"imap", "pop", "smtp"};
		size_t pl = strlen(pfx[i]);
		bool takes = hn > pl && mp_strncasecmp(h, pfx[i], pl) == 0 && mp_strncasecmp(cur->v, pfx[i], pl) != 0;
		char *other = mp_xstrndup(h, hn);
		mp_diag(x->d, MAILPROF_WARNING, "notice-conflict", loc,
		        "check which server applies to you and delete the other line",
		        "two hosts for the %s server: %s (line %d) and %s; %s is used",
		        mp_protocol_name(i == S_IMAP ? MP_PROTO_IMAP : i == S_POP ? MP_PROTO_POP3 : MP_PROTO_SMTP),
		        cur->v, cur->loc.line, other, takes ? other : cur->v);
		free(other);
		if (!takes)
			return;
	}
	mp_str_setn(cur, h, hn, loc);
	a->s[i].access = x->label_access;
	if (x->label_auth && i == S_SMTP && a->s[i].auth < 0) {
		a->s[i].auth = MP_AUTH_PASSWORD_CLEARTEXT;
		a->s[i].auth_loc = *loc;
	}
	/* host names are case-blind: "Outlook.office365.com" is written
	 * the way clients and the other rows write it */
	for (char *c = cur->v; *c; c++)
		*c = (char)tolower((unsigned char)*c);
}

static void set_port(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                     enum mp_nctx dir);

/* "imap.example.net サーバ上の IMAP、SSL を使用", "smtp.example.net
 * (SSL required)": a security word in the host's own clause, with no port
 * there, is that server's; not a choice, a condition or a denial. */
static void host_clause_sec(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t t, size_t n,
                            struct dsrv *sv)
{
	static const char *const no[] = {" or ", "または", "あるいは", "もしくは", "if ", "場合", "not ", "n't", "without",
	                                 "ません", "ない", "なし", "無", NULL};
	size_t e = t;
	while (e < n && !nr_starts_any(s + e, n - e, (const char *const[]){"。", ". ", ";", NULL}))
		e++;
	for (const char *const *w = no; *w; w++)
		if (nr_has(s + t, e - t, *w))
			return;
	for (size_t i = t; i < e && !sv->sec.set; i++) {
		size_t vb, ve;
		if (i > t && isalnum((unsigned char)s[i - 1]))
			continue;
		enum nr_vtype v = nr_typed_value(s, i, e, false, &vb, &ve);
		if (v == NV_PORT || v == NV_HOST)
			return; /* another setting's clause */
		if (v == NV_SEC) {
			mailprof_loc loc = nr_loc_at(x, l, off + vb);
			mp_int_set(&sv->sec, nr_parse_security(s + vb, ve - vb), &loc);
		}
		if (v != NV_NONE && ve > i)
			i = ve - 1;
	}
}

/* "storm.example.edu or dsm.example.edu", "imap1.… / imap2.…", "a.…,
 * b.…", "mail.… (IMAP, port 993) or mail2.…": hosts offered as
 * alternatives for one server, each an alternative server sharing what
 * the notice states for the others (the line's port and security are
 * read after, from the first host on). A list joined by marks only ("/",
 * ",") holds hosts of one site: "smtp.a.com, smtp.b.net" lists other
 * providers' servers. */
static void alt_hosts(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t t, size_t n,
                      struct dacc *a, int i)
{
	static const char *const ors[] = {"and/or ", "or ", "または", "又は", "もしくは", NULL};
	static const char *const marks[] = {"/", ",", "、", NULL};
	while (i >= 0) {
		size_t k = nr_skip_sp(s, t, n);
		if (k < n && s[k] == '(') { /* a remark on the host before the list goes on */
			const char *c = memchr(s + k, ')', n - k);
			if (!c)
				break;
			k = nr_skip_sp(s, (size_t)(c - s) + 1, n);
		}
		size_t w = nr_starts_any(s + k, n - k, ors);
		bool mark = !w && (w = nr_starts_any(s + k, n - k, marks)) > 0;
		if (!w || (mark && !a->s[i].host.v))
			break;
		k = nr_skip_sp(s, k + w, n);
		size_t hn = nr_token_len(s + k, n - k);
		while (hn && strchr(".,;)", s[k + hn - 1]))
			hn--;
		/* ("pop.… / imap.…": a host named after another protocol is no alternative) */
		int named = hn ? nr_srv_of(nr_host_ctx(s + k, hn)) : -1;
		if (!hn || !nr_valid_host(s + k, hn) || (named >= 0 && named != i) ||
		    (mark && !same_site(a->s[i].host.v, s + k, hn)))
			break;
		mailprof_loc loc = nr_loc_at(x, l, off + k);
		x->alt_or = true;
		put_host(x, a, i, s + k, hn, &loc);
		x->alt_or = false;
		t = k + hn;
	}
}

/* "Outgoing (SMTP) server: the same as the incoming server": server dir
 * shares the host of server src, copied when the drafts become accounts
 * (resolve.c), once src has one. */
void nr_same_host(struct ex *x, enum mp_nctx dir, enum mp_nctx src)
{
	struct dacc *a = nr_cur_acc(x);
	int i = dir == NC_IN ? nr_server_for(x, NC_IN, NULL, 0) : nr_srv_of(dir);
	bool src_in = src == NC_IN || src == NC_IMAP || src == NC_POP;
	if (i < 0 || nr_srv_of(src) == i || (src_in && (dir == NC_IN || dir == NC_IMAP || dir == NC_POP) &&
	                                     (src == NC_IN || dir == NC_IN)))
		return;
	a->s[i].host_same = src;
}

/* After a host ending at t: a mark ("/", ",", "|", "、", a spaced "-")
 * then a cell of 2-5 digits alone (ended by the line's end or the next
 * mark) is the host's port ("pop.… / 995 / SSL", "imap.…, 993, ssl").
 * Returns where the digits start, else 0. A number ended by a word
 * ("…, 25 mailboxes") is no such cell. */
static size_t sep_port_cell(const char *s, size_t t, size_t n)
{
	size_t k = t;
	while (k < n && s[k] == ' ')
		k++;
	if (k >= n)
		return 0;
	if (s[k] == '/' || s[k] == ',' || s[k] == '|')
		k++;
	else if (s[k] == '-' && k > t && k + 1 < n && s[k + 1] == ' ')
		k += 2;
	else if (n - k >= 3 && memcmp(s + k, "、", 3) == 0)
		k += 3;
	else
		return 0;
	k = nr_skip_sp(s, k, n);
	size_t d = k;
	while (d < n && d - k < 6 && isdigit((unsigned char)s[d]))
		d++;
	if (d - k < 2 || d - k > 5 || atoi(s + k) > 65535 || atoi(s + k) <= 0)
		return 0;
	size_t e = nr_skip_sp(s, d, n);
	if (e < n && !strchr("/,|", s[e]) && !(s[e] == '-' && e > d && e + 1 < n && s[e + 1] == ' ') &&
	    !(n - e >= 3 && memcmp(s + e, "、", 3) == 0))
		return 0;
	return k;
}

/* Two ports or more after a host, IMAP and POP each named among them
 * ("993 (IMAP), 995 (POP3)", "IMAP port 993, POP3 port 995"), sending
 * not: the ports of both incoming servers */
static bool in_ports_named(const char *s, size_t n)
{
	size_t nports = 0;
	for (size_t k = 0; k < n && nports < 2; k++) {
		int pn;
		if (isdigit((unsigned char)s[k]) && (k == 0 || !isalnum((unsigned char)s[k - 1])) && nr_port_at(s, k, n, &pn))
			nports++;
	}
	return nports >= 2 && nr_has(s, n, "imap") && nr_has(s, n, "pop") && !nr_has(s, n, "smtp") &&
	       !nr_has(s, n, "outgoing") && !nr_has(s, n, "sending");
}

/* "Incoming Server (POP): webmail.example.edu": a host named "webmail."
 * is taken for a browser's address wherever a host is looked for, but
 * the value of a mail server's label (its own direction or its
 * section's) is that server's host whatever its first word. */
static bool webmail_named_server(const struct ex *x, const char *s, size_t hn, enum mp_nctx dir)
{
	enum mp_nctx d = dir == NC_NONE ? x->ctx : dir;
	return hn > 8 && mp_strncasecmp(s, "webmail.", 8) == 0 && nr_valid_host(s + 8, hn - 8) &&
	       (d == NC_IN || d == NC_IMAP || d == NC_POP || d == NC_SMTP || d == NC_ANY);
}

/* "(SSL is supported)", "TLS required", "SSL/TLS available": a short
 * statement (eight words at most, brackets around it or not) naming one
 * security the server offers or demands; not one it refuses or makes a
 * condition of ("SSL is not supported", "TLS if available", "SSL or
 * not"). */
static bool security_said(const char *s, size_t n)
{
	static const char *const say[] = {"support", "available", "require", "enabled", "mandatory", "must", NULL};
	static const char *const deny[] = {"not ", "n't", "no ", "never", "without", "if ", "unless", " or ", "non-", NULL};
	size_t words = 1;
	for (size_t k = 0; k < n; k++)
		words += s[k] == ' ';
	if (n > 80 || words > 8 || !nr_has_any(s, n, say) || nr_has_any(s, n, deny))
		return false;
	int sec = nr_span_sec(s, n);
	return sec == MP_SEC_TLS || sec == MP_SEC_STARTTLS || sec == SW_TLS_AMBIG;
}

/* A server's value refusing or withdrawing its server ("not available",
 * "no longer supported", "disabled", "廃止"), or sending the reader to
 * someone else's ("use the SMTP server of the" / "Internet Service
 * Provider" wrapped, "ask your provider"), rather than standing for a
 * host of the page's own */
static bool value_refuses(const char *s, size_t n)
{
	static const char *const no[] = {"not ", "n't", "no ", "none", "never", "disabled", "unavailable",
	                                 "unsupported", "discontinued", "retired", "n/a", "provider", "廃止",
	                                 "停止", "ありません", "できません", "不可", "なし", "プロバイダ", NULL};
	static const char *const elsewhere[] = {"use ", "ask ", "contact ", "check with ", "other ", NULL};
	for (size_t k = 0; elsewhere[k]; k++)
		if (n >= strlen(elsewhere[k]) && mp_strncasecmp(s, elsewhere[k], strlen(elsewhere[k])) == 0)
			return true;
	return (n >= 2 && (s[0] == '-' || mp_strncasecmp(s, "no", 2) == 0) && (n == 2 || !isalpha((unsigned char)s[2]))) ||
	       nr_has_any(s, n, no);
}

static void set_host(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                     enum mp_nctx dir)
{
	struct dacc *a = nr_cur_acc(x);
	size_t t = nr_token_len(s, n);
	mailprof_loc loc = nr_loc_at(x, l, off);
	const char *colon = memchr(s, ':', t);
	/* the words before the host on its line: its label, its row */
	x->label_access = off <= l->len && names_access(l->s, off);
	x->label_auth = x->label_access && (nr_has(l->s, off, "auth") || nr_has(l->s, off, "認証"));
	size_t hn = colon ? (size_t)(colon - s) : t;
	/* "Incoming Server (IMAP): 993", "送信サーバー 587": a server's label
	 * whose value is a port number gives that server's port */
	if (t && nr_all_digits(s, t) && t <= 5) {
		set_port(x, l, off, s, n, dir);
		return;
	}
	/* "Server name: localhost": a gateway or bridge running on the
	 * user's own machine (DavMail, a mail bridge) is reached by the one
	 * host name without a dot; only as a server label's value (its first
	 * word: "localhost, port 1143"), never a word found in prose */
	bool local = hn == 9 && mp_strncasecmp(s, "localhost", 9) == 0 && (t == n || !isalnum((unsigned char)s[t]));
	if (!local && !nr_valid_host(s, hn) && !webmail_named_server(x, s, hn, dir)) {
		/* "mail.お客様ドメイン名": a host template completed later from the address. */
		size_t k = 0;
		while (k < t && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '.'))
			k++;
		if (k > 1 && s[k - 1] == '.' && (nr_has(s, n, "ドメイン") || nr_has(s, n, "domain"))) {
			int i = nr_server_for(x, dir == NC_ANY || dir == NC_NONE ? NC_IN : dir, s, k);
			if (i < 0)
				i = S_POP;
			free(a->s[i].host_tpl);
			a->s[i].host_tpl = mp_xstrndup(s, k);
			a->s[i].host.loc = loc;
			x->cur = i;
			return;
		}
		/* "SMTP server: mail.yourdomain.com" / "Authentication: …": a
		 * server's label whose host is a template or lost still names
		 * the server the rows after it are */
		if (dir == NC_IMAP || dir == NC_POP || dir == NC_SMTP)
			x->cur = nr_srv_of(dir);
		/* ("Outgoing server name: mail.yourdomain.com": the server is
		 * offered, its host left for the reader to fill in) */
		if ((dir == NC_IMAP || dir == NC_POP || dir == NC_SMTP) && nr_template_host(s, t))
			a->s[nr_srv_of(dir)].stated = true;
		/* ("Your incoming mail server is set to: pop.yourdomain.om",
		 * "Incoming server: imap.mydomain.net": an incoming label names
		 * no protocol, but its template's first label does; not when
		 * the label names protocols, "(POP or IMAP)", nor the value an
		 * alternative, "imap.… (or pop.…)": there the template only
		 * shows the shape of a name) */
		/* (the label's words up to the line's end: off may pass it, see
		 * label_access above) */
		size_t lo = off <= l->len ? off : l->len;
		if (dir == NC_IN && nr_template_host(s, t) && !nr_has(l->s, lo, "pop") && !nr_has(l->s, lo, "imap") &&
		    !nr_has(s + t, n - t, "or ")) {
			enum mp_nctx hc = nr_host_ctx(s, t);
			const char *dot = memchr(s, '.', t);
			if ((hc == NC_IMAP || hc == NC_POP) && dot && dot - s <= 5) {
				a->s[nr_srv_of(hc)].stated = true;
				x->cur = nr_srv_of(hc);
			}
		}
		size_t tb, te;
		if (nr_same_server(s, n, &tb, &te) != NC_NONE)
			return; /* "same as the incoming server": read with its line (attach.c) */
		/* "Incoming: IMAP" / "Port: 143", "Outgoing server: SMTP": a
		 * server's label whose value is its protocol alone offers that
		 * server (with no host), and the rows after it are its own */
		size_t pe = t;
		while (pe && strchr(";,.", s[pe - 1]))
			pe--;
		enum mp_nctx pc = pe <= 6 ? mp_notice_words_ctx(s, pe) : NC_NONE;
		bool in_label = dir == NC_IN || dir == NC_IMAP || dir == NC_POP;
		if ((pc == NC_IMAP || pc == NC_POP) && dir != NC_SMTP && nr_is_ascii_tok(s, pe) &&
		    (!in_label || dir == NC_IN || dir == pc)) {
			nr_set_field(x, l, off, s, n, NF_IN_PROTO, NC_IN); /* ("IMAP or POP3": both) */
			x->cur = nr_srv_of(pc);
			return;
		}
		if (pc == NC_SMTP && !in_label && nr_is_ascii_tok(s, pe)) {
			a->s[S_SMTP].stated = true;
			x->cur = S_SMTP;
			return;
		}
		/* "Outgoing mail server (SMTP): Use your provider's server, e.g.
		 * smtp.example.org": the server is offered, its host given only
		 * as an example */
		/* "SMTP server: the one provided by your ISP", "Outgoing: your
		 * network provider's mail machine": sending is offered, through a
		 * server the page cannot name */
		if (dir == NC_SMTP && nr_names_isp(s, n)) {
			a->s[S_SMTP].stated = true;
			x->send_isp = true;
			return;
		}
		if ((dir == NC_IMAP || dir == NC_POP || dir == NC_SMTP) && nr_gives_example(s, n)) {
			a->s[nr_srv_of(dir)].stated = true;
			nr_info(x, l, off, "write the host name, e.g. mail.example.jp",
			        "%s is an example, not a host name; not used", "the server value");
			return;
		}
		/* "IMAP server: (SSL is supported)", "SMTP server: TLS required":
		 * a server's label whose value (its host lost) only states its
		 * security gives that server's security */
		if ((dir == NC_IMAP || dir == NC_POP || dir == NC_SMTP) && security_said(s, n)) {
			a->s[nr_srv_of(dir)].stated = true;
			nr_set_field(x, l, off, s, n, NF_SECURITY, dir);
			return;
		}
		/* "Outgoing Mail (SMTP): on-net customers", "POP3 server: see
		 * your welcome letter": a server's label whose value is words, not
		 * a host (lost with a link or an image), still offers the server,
		 * unless the words refuse it ("not offered", "no longer") */
		if ((dir == NC_IMAP || dir == NC_POP || dir == NC_SMTP) && !value_refuses(s, n))
			a->s[nr_srv_of(dir)].stated = true;
		if (mp_strncasecmp(s, "http", 4) != 0)
			nr_info(x, l, off, "write the host name, e.g. mail.example.jp", "%s is not a host name; not used",
			     "the server value");
		return;
	}
	/* "Server: smtp.live.com" under no direction: a host named after
	 * its server is that server's, not one host for every server */
	if (dir == NC_NONE && x->cur < 0 && nr_srv_of(nr_host_ctx(s, hn)) >= 0)
		dir = nr_host_ctx(s, hn);
	if (dir == NC_ANY || dir == NC_NONE) {
		if (x->cur >= 0 && dir == NC_NONE) {
			a = host_block(x, a, x->cur, s, hn);
			put_host(x, a, x->cur, s, hn, &loc);
		} else {
			a = host_block(x, a, -1, s, hn);
			mp_str_setn(&a->any_host, s, hn, &loc);
			a->any_named = dir == NC_ANY;
			return;
		}
	} else {
		int i = nr_server_for(x, dir, s, hn);
		a = host_block(x, a, i, s, hn);
		if (dir == NC_IN && x->both_in) {
			put_host(x, a, S_IMAP, s, hn, &loc);
			i = S_POP;
		}
		put_host(x, a, i, s, hn, &loc);
		a->s[i].host_in = dir == NC_IN && !x->both_in && mp_strncasecmp(s, "imap", 4) != 0 &&
		                  mp_strncasecmp(s, "pop", 3) != 0;
		x->cur = i;
	}
	int i = x->cur;
	alt_hosts(x, l, off, s, t, n, a, i);
	/* "imap.… (SSL is supported)": the host's remark stating its security */
	size_t rb = nr_skip_sp(s, t, n);
	if (i >= 0 && rb + 2 < n && s[rb] == '(' && s[n - 1] == ')' && !memchr(s + rb + 1, '(', n - rb - 2) &&
	    security_said(s + rb + 1, n - rb - 2))
		nr_set_field(x, l, off + rb + 1, s + rb + 1, n - rb - 2, NF_SECURITY, nr_ctx_of(i));
	size_t mk = nr_skip_sp(s, t, n);
	if (mk + 4 <= n && memcmp(s + mk, "※", 3) == 0 && isdigit((unsigned char)s[mk + 3]))
		a->s[i].host_note = s[mk + 3] - '0';
	if (colon) { /* host:port */
		int port = atoi(colon + 1);
		if (port > 0) {
			mailprof_loc pl = nr_loc_at(x, l, off + hn + 1);
			nr_offer_port(&a->s[i], port, -1, &pl);
		}
	}
	/* "mail.…, ports 993 (IMAP) and 995 (POP3)", "mail.…, IMAP port 993,
	 * POP3 port 995": ports each named for an incoming protocol are those
	 * servers' (set_port's port list), not all of them the one server's
	 * the host went to; a security before the first ("mail.… [SSL] -
	 * port 993 (imap), …") is the host's (resolve.c gives it to both) */
	if (i != S_SMTP && in_ports_named(s + t, n - t)) {
		host_clause_sec(x, l, off, s, t, n, &a->s[i]);
		set_port(x, l, off + t, s + t, n - t, NC_IN);
		return;
	}
	/* Port on the same line: "pop.example.jp ポート番号 110", "（SSL/TLS、
	 * 993番ポート）" (the number before its word). */
	for (size_t k = t; k < n; k++) {
		size_t d = k;
		while (d < n && d - k < 6 && isdigit((unsigned char)s[d]) && (k == t || !isalnum((unsigned char)s[k - 1])))
			d++;
		bool before = d > k && nr_starts_any(s + d, n - d, (const char *const[]){"番ポート", "番のポート", NULL});
		if (before || nr_starts_any_ci(s + k, n - k, (const char *const[]){"ポート", "port", NULL})) {
			int port, sec, mark;
			size_t at;
			/* several offered: "(port 110, or 995 with SSL)" */
			int lp[8], ls[8];
			size_t la[8], nl = nr_port_list(s + k, n - k, lp, ls, la, MP_COUNT(lp));
			if (nl >= 2) {
				for (size_t j = 0; j < nl; j++) {
					mailprof_loc pl = nr_loc_at(x, l, off + k + la[j]);
					nr_offer_port(&a->s[i], lp[j], ls[j], &pl);
				}
				break;
			}
			/* "imap.…, port 143. We recommend port 993 with SSL/TLS
			 * where …": a later sentence giving another port is no part
			 * of this port's (its SSL is not 143's); it may offer the
			 * better port (nr_better_port) */
			size_t pe = k, np = n;
			while (pe + 1 < n && !(s[pe] == '.' && s[pe + 1] == ' '))
				pe++;
			for (size_t q = pe; q < n && np == n; q++) {
				int p2;
				if (isdigit((unsigned char)s[q]) && !isdigit((unsigned char)s[q - 1]) && nr_port_at(s, q, n, &p2) && p2 > 0)
					np = q;
			}
			if (nr_parse_port(s + k, (np < n ? pe : n) - k, &port, &sec, &at, &mark)) {
				if (sec < 0)
					sec = note_sec(x, mark);
				mailprof_loc pl = nr_loc_at(x, l, off + k + at);
				nr_offer_port(&a->s[i], port, sec, &pl);
				size_t ne = np;
				while (ne < n && isdigit((unsigned char)s[ne]))
					ne++;
				int up = np < n ? nr_better_port(s, pe + 1, np, ne, n, port) : -1;
				if (up >= 0) {
					pl = nr_loc_at(x, l, off + np);
					nr_offer_port(&a->s[i], atoi(s + np), up, &pl);
				}
				/* "（IMAP、SSL/TLS、ポート993）": the remark's security
				 * before the port */
				if (sec < 0)
					host_clause_sec(x, l, off, s, t, k, &a->s[i]);
			}
			return;
		}
	}
	/* "pop.… / 995 / SSL", "imap.…, 993, ssl", "smtp.… - 465 - SSL": the
	 * fields after the host set off by marks, the port a cell of its own */
	size_t pk = sep_port_cell(s, t, n);
	int lp1[2], ls1[2];
	size_t la1[2];
	/* one port only: "143 / 993 (SSL)" offers two, left to the rules above */
	if (pk && nr_port_list(s + pk, n - pk, lp1, ls1, la1, MP_COUNT(lp1)) == 1) {
		int port, sec, mark;
		size_t at;
		if (nr_parse_port(s + pk, n - pk, &port, &sec, &at, &mark)) {
			if (sec < 0)
				sec = note_sec(x, mark);
			mailprof_loc pl = nr_loc_at(x, l, off + pk + at);
			nr_offer_port(&a->s[i], port, sec, &pl);
			if (sec < 0)
				host_clause_sec(x, l, off, s, t, pk, &a->s[i]);
			return;
		}
	}
	host_clause_sec(x, l, off, s, t, n, &a->s[i]);
}

/* A port's security: its own, else that of the title it is listed under
 * ("Secure SSL/TLS Settings", "Ports for an encrypted (SSL) connection") */
static int titled(const struct ex *x, int sec, int port)
{
	return sec < 0 && x->title_sec >= 0 ? nr_sec_for_port(x->title_sec, port) : sec;
}

/* Does the sentence before byte off of line s offer what follows as a
 * fallback ("If you're having trouble using port 587, please try port
 * 465", "if that does not work, use 2525", 「つながらない場合は」)? At most
 * 160 bytes back, to the sentence's start. */
static bool fallback(const char *s, size_t off)
{
	static const char *const words[] = {"trouble", "problem", "does not work", "doesn't work", "don't work",
	                                    "fails", "failing", "otherwise", "as a fallback", "つながらない",
	                                    "接続できない", "送信できない", NULL};
	size_t b = off;
	while (b > 0 && off - b < 160 && !(b >= 2 && s[b - 1] == ' ' && s[b - 2] == '.') &&
	       !(b >= 3 && memcmp(s + b - 3, "。", 3) == 0))
		b--;
	return nr_has_any(s + b, off - b, words);
}

/* The page's word on a port said in a sentence, from the words of its
 * own clause: back to the sentence's start, the number or the cell border
 * before, on to the sentence's end, the next number or the cell's border
 * (each 120 bytes at most; "587 | TLS(推奨)" is the TLS column's). "we
 * recommend the submission port (port 587)", "Port 465 (SSL) is legacy
 * but still works", "The use of port 25 … is now deprecated": 1, -1;
 * a fallback ("If you have trouble using port 587, try port 465") -1. */
static int clause_pref(const char *s, size_t n, size_t off)
{
	if (fallback(s, off))
		return -1;
	size_t b = off, e = off;
	while (b > 0 && off - b < 120 && !isdigit((unsigned char)s[b - 1]) && s[b - 1] != '|' &&
	       !(b >= 2 && s[b - 1] == ' ' && s[b - 2] == '.') &&
	       !(b >= 3 && memcmp(s + b - 3, "。", 3) == 0))
		b--;
	while (e < n && isdigit((unsigned char)s[e]))
		e++;
	size_t f = e;
	while (f < n && f - e < 120 && !isdigit((unsigned char)s[f]) && s[f] != '|' &&
	       !(s[f] == '.' && (f + 1 == n || s[f + 1] == ' ')) &&
	       !(f + 3 <= n && memcmp(s + f, "。", 3) == 0))
		f++;
	/* "recommends port 587 with authentication or port 465 with SSL": the
	 * words before are both ports' */
	bool shared = f < n && isdigit((unsigned char)s[f]) &&
	              nr_has_any(s + e, f - e, (const char *const[]){" or ", ",", "または", "、", "/", NULL});
	int before = shared ? 0 : nr_preference(s + b, off - b), after = nr_preference(s + e, f - e);
	return before < 0 || after < 0 ? -1 : before > 0 || after > 0 ? 1 : 0;
}

/* Does the run of words, spaces, ':' and '=' after a direction word end at
 * s[p] (p > 0): a byte of another kind, the line's end, or a number after a
 * separator (not "POP3"'s digit)? A property of p alone, whichever word's
 * run reaches it. */
static bool word_run_ends(const char *s, size_t p, size_t n)
{
	if (p >= n || !(isalnum((unsigned char)s[p]) || s[p] == ' ' || s[p] == ':' || s[p] == '='))
		return true;
	return isdigit((unsigned char)s[p]) &&
	       (s[p - 1] == ' ' || s[p - 1] == ':' || s[p - 1] == '=' || (unsigned char)s[p - 1] >= 0x80);
}

static void set_port(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                     enum mp_nctx dir)
{
	int port, sec, mark;
	size_t at;
	if (!nr_parse_port(s, n, &port, &sec, &at, &mark)) {
		nr_info(x, l, off, "write the port as a number", "%s has no port number; not used", "port row");
		return;
	}
	/* "993 (SSL) or 143 (STARTTLS)": alternatives, each with its own
	 * security; the most secure wins */
	int lp[8], ls[8];
	bool listed = nr_has(s, n, " or ") || nr_has(s, n, " and ") || nr_has(s, n, "/") || nr_has(s, n, "または") || nr_has(s, n, "、") ||
	              nr_has(s, n, ",");
	size_t la[8], nl = listed ? nr_port_list(s, n, lp, ls, la, MP_COUNT(lp)) : 0;
	/* (the value may name the label's own server again before a port:
	 * "SMTP: 587 / SMTP over SSL: 465" is a list of SMTP's ports; not
	 * "110 for POP3 or 995 for POP3 over SSL", read by number below) */
	enum mp_nctx vw = mp_notice_words_ctx(s, n);
	bool same_srv = vw == dir && nr_srv_of(dir) >= 0 && !nr_has(s, n, "for ");
	int li = nl >= 2 && (vw == NC_NONE || same_srv) ? nr_server_for(x, dir, NULL, 0) : -1;
	/* "Server: mail-relay.… / Port: 587 (STARTTLS), 465 (SSL)" naming no
	 * server: the one server every listed port is registered for */
	if (nl >= 2 && li < 0 && nr_cur_acc(x)->any_host.v && dir == NC_NONE && x->ctx == NC_NONE) {
		li = nr_srv_of(nr_port_ctx(lp[0]));
		for (size_t j = 1; j < nl && li >= 0; j++)
			li = nr_srv_of(nr_port_ctx(lp[j])) == li ? li : -1;
	}
	/* "Ports: 995 and 465" under the incoming and the outgoing server's
	 * rows, naming neither: ports each registered for another server are
	 * each that server's, not alternatives of the server named last */
	if (nl >= 2 && li >= 0 && dir == NC_NONE && x->ctx == NC_NONE) {
		int srv[8];
		bool distinct = true;
		for (size_t j = 0; j < nl && distinct; j++) {
			srv[j] = nr_srv_of(nr_port_ctx(lp[j]));
			distinct = srv[j] >= 0;
			for (size_t k = 0; k < j && distinct; k++)
				distinct = srv[k] != srv[j];
		}
		for (size_t j = 0; j < nl && distinct; j++) {
			mailprof_loc pl = nr_loc_at(x, l, off + la[j]);
			nr_offer_port(&nr_cur_acc(x)->s[srv[j]], lp[j], titled(x, ls[j], lp[j]), &pl);
			x->cur = srv[j];
		}
		if (distinct)
			return;
	}
	if (li >= 0) {
		/* "465（非推奨）/ 587（推奨）", "110 (preferred) or 995": a port
		 * the notice prefers wins, one it discourages gives way */
		int pref[8], best = -1;
		for (size_t j = 0; j < nl; j++) {
			size_t e = j + 1 < nl ? la[j + 1] : n;
			pref[j] = nr_preference(s + la[j], e - la[j]);
			best = pref[j] > best ? pref[j] : best;
		}
		/* "SMTP with SSL / Ports: 25, 465, 587": SSL stated for the server
		 * before its ports names the one that is TLS from the first byte */
		struct dsrv *sv = &nr_cur_acc(x)->s[li];
		int said = !sv->port.set && sv->sec.set && sv->sec.v == MP_SEC_TLS ? SW_TLS_AMBIG : -1;
		/* ("1. SMTP with SSL": a line of its own; the last few only) */
		for (size_t k = x->nmx; k-- > 0 && k + 64 >= x->nmx && said < 0 && !sv->port.set;)
			if (x->mx[k].srv == li && x->mx[k].port == 0 && x->mx[k].sec == MP_SEC_TLS && nr_mx_of(&x->mx[k], nr_cur_acc(x)))
				said = SW_TLS_AMBIG;
		for (size_t j = 0; j < nl; j++) {
			if (pref[j] < best)
				continue;
			mailprof_loc pl = nr_loc_at(x, l, off + la[j]);
			int sj = ls[j] < 0 && said >= 0 ? nr_sec_for_port(said, lp[j]) : titled(x, ls[j], lp[j]);
			nr_offer_port(sv, lp[j], sj, &pl);
		}
		x->cur = li;
		return;
	}
	/* "995（POP3）／993（IMAP）", "受信：110　送信：587": ports named by
	 * protocol or direction inside one cell. */
	/* (under a label naming one server only the number-first form: "Port:
	 * 110 for POP or 995 for POP SSL" under a POP heading) */
	bool word_first = dir == NC_IN || dir == NC_NONE;
	{
		static const struct {
			const char *w;
			enum mp_nctx c;
		} words[] = {{"受信", NC_IN},   {"送信", NC_SMTP},    {"incoming", NC_IN}, {"outgoing", NC_SMTP},
		             {"receiving", NC_IN}, {"sending", NC_SMTP},
		             {"imap", NC_IMAP}, {"pop", NC_POP},      {"smtp", NC_SMTP}};
		bool any = false, first_placed = false;
		struct dacc *a = nr_cur_acc(x);
		/* several ports: the cell's security is no one port's, unless it
		 * says it is all of them's ("（いずれもSSL/TLS）") */
		size_t nports = 0;
		bool general = nr_has(s, n, "いずれも") || nr_has(s, n, "ともに") || nr_has(s, n, "共に") ||
		               nr_has(s, n, "すべて") || nr_has(s, n, "全て") || nr_has(s, n, "both") || nr_has(s, n, "all ");
		for (size_t k = 0; k < n; k++) {
			int pn;
			if (isdigit((unsigned char)s[k]) && (k == 0 || !isdigit((unsigned char)s[k - 1])) && nr_port_at(s, k, n, &pn))
				nports++;
		}
		/* the last direction word's run: word_run_ends at run_end and
		 * nowhere in [run_from, run_end) */
		size_t run_from = SIZE_MAX, run_end = 0;
		for (size_t k = 0; k < n; k++) {
			enum mp_nctx c = NC_NONE;
			size_t j = k, named_end = 0; /* the end of "for Incoming" after a number */
			if (isdigit((unsigned char)s[k]) && (k == 0 || !isalnum((unsigned char)s[k - 1]))) {
				/* number first: "995(POP3)" */
				size_t e = k;
				while (e < n && isdigit((unsigned char)s[e]))
					e++;
				e = nr_skip_sp(s, e, n);
				/* "995(POP3)", "995 (for POP)", "993 for IMAP", "993 (for
				 * the IMAP server)" */
				static const char *const fw[] = {"for the ", "for ", NULL};
				size_t q = e < n && s[e] == '(' ? e + 1 : e, fk = nr_starts_any(s + q, n - q, fw);
				/* "993 with SSL for incoming", "465 using SSL/TLS for SMTP":
				 * the port's security before "for" */
				for (size_t w = e; !fk && q == e && w < n && w < e + 24 && !isdigit((unsigned char)s[w]) &&
				                   s[w] != ',' && s[w] != '(' && s[w] != '.';
				     w++)
					if (s[w] == ' ' && nr_starts_any(s + w + 1, n - w - 1, fw) && nr_span_sec(s + e, w - e) >= 0)
						q = w + 1, fk = nr_starts_any(s + q, n - q, fw);
				/* (not "143(IMAP Over SSLを利用する場合は、993)": a bracket
				 * holding another port is that port's case) */
				bool other = false;
				for (size_t w = q; q > e && w < n && w < q + 80 && s[w] != ')' && !other; w++)
					other = isdigit((unsigned char)s[w]) && !isalnum((unsigned char)s[w - 1]);
				if ((q > e || fk) && !other) {
					q += fk;
					for (size_t w = 0; w < MP_COUNT(words); w++)
						if (nr_has(s + q, strlen(words[w].w) <= n - q ? strlen(words[w].w) : 0, words[w].w))
							c = words[w].c, named_end = q + strlen(words[w].w);
					while (named_end && named_end < n && isalnum((unsigned char)s[named_end])) /* "POP3" */
						named_end++;
				}
				if (c == NC_NONE)
					continue;
			} else {
				if (!word_first)
					continue;
				for (size_t w = 0; w < MP_COUNT(words) && c == NC_NONE; w++) {
					size_t wl = strlen(words[w].w);
					if (k + wl <= n && mp_strncasecmp(s + k, words[w].w, wl) == 0) {
						c = words[w].c;
						j = k + wl;
					}
				}
				if (c == NC_NONE)
					continue;
				/* "受信は995番", "送信ポートが587", "受信の場合995": a
				 * particle or the port's own word between the direction
				 * and its number (a few, no clause break) */
				for (int q = 0; q < 3; q++) {
					static const char *const joins[] = {"ポート番号", "ポート", "番号", "は", "が", "の", "：", " ", NULL};
					size_t w = nr_starts_any(s + j, n - j, joins);
					if (!w)
						break;
					j += w;
				}
				/* the words after it, up to a number ("受信995（SSL）": the
				 * number run into the word is the word's); where such a run
				 * stops depends on the byte only, so a run another word
				 * already walked is not walked again ("if you use IMAP IMAP
				 * IMAP …": one walk for the line, not one per word) */
				if (j >= run_from && j <= run_end) {
					j = run_end;
				} else if (j < run_from && run_from <= run_end) {
					/* (an earlier word's run starts a few bytes on) */
					while (j < run_from && !word_run_ends(s, j, n))
						j++;
					if (j == run_from)
						j = run_end;
				} else {
					run_from = j;
					while (!word_run_ends(s, j, n))
						j++;
					run_end = j;
				}
				if (j >= n || !isdigit((unsigned char)s[j]))
					continue;
			}
			int v = 0;
			size_t pat = j;
			while (j < n && isdigit((unsigned char)s[j]) && v < 100000)
				v = v * 10 + (s[j++] - '0');
			/* "993 for Incoming": the incoming server the port is
			 * registered for, when it names one */
			int reg = nr_srv_of(nr_port_ctx(v));
			int srv = c == NC_IMAP ? S_IMAP : c == NC_POP ? S_POP : c == NC_SMTP ? S_SMTP
			          : named_end && (reg == S_IMAP || reg == S_POP) ? reg
			          : (x->cur == S_IMAP || x->cur == S_POP) ? x->cur : in_guess(a, NULL, 0);
			if (v <= 0 || v > 65535)
				continue; /* a phone number or a time, not a port */
			/* each port's own words first: "受信：110　送信：465（SSL）",
			 * "995 for POP3 over SSL" (after the server's name) */
			size_t sb = named_end > j ? named_end : j, se = sb;
			while (se < n && se < sb + 30 && !isdigit((unsigned char)s[se]) && s[se] != '/' &&
			       !nr_starts_any(s + se, n - se, (const char *const[]){"、", "受信", "送信", NULL}))
				se++;
			int own_sec = nr_span_sec(s + sb, se - sb);
			mailprof_loc pl = nr_loc_at(x, l, off + pat);
			nr_offer_port(&a->s[srv], v, own_sec >= 0 ? nr_sec_for_port(own_sec, v) : titled(x, nports > 1 && !general ? -1 : sec, v),
			              &pl);
			if (!any) /* the clause's port is its first one's server's */
				x->cur = srv;
			any = true;
			first_placed |= pat == at;
			/* "993 for Incoming and 465 for Outgoing": the word naming the
			 * port's server names no port after it */
			k = named_end > j ? named_end : j;
		}
		/* "993 and the outgoing server uses port 587": the words named
		 * only a later port's server; this one goes on below */
		if (any && first_placed)
			return;
	}
	int i = nr_server_for(x, dir, NULL, 0);
	struct dacc *a = nr_cur_acc(x);
	/* A port only one protocol takes (993, 143: IMAP; 995, 110: POP3;
	 * 465, 587, 25: SMTP) places itself where nothing else does: after a
	 * host shared by several servers, or under an "incoming" host whose
	 * protocol was only the default (or an "incoming" label or section
	 * with no host yet: "Incoming server" / "Change the port to 993");
	 * never where two servers could take the number. */
	int own = nr_srv_of(nr_port_ctx(port));
	if (own >= 0 && a->any_host.v && (a->any_named || i < 0) && dir == NC_NONE && x->ctx == NC_NONE)
		i = own;
	if ((i == S_IMAP || i == S_POP) && (own == S_IMAP || own == S_POP) && own != i && (dir == NC_IN || dir == NC_NONE) &&
	    (a->s[i].host_in || (dir == NC_IN && !a->s[i].host.v && !a->s[i].host_tpl)) && !a->s[i].port.set &&
	    a->in_pref < 0 && !nr_offered(x, a, own)) {
		struct dsrv t = a->s[own];
		a->s[own] = a->s[i];
		a->s[i] = t;
		i = own;
	}
	if (i < 0) {
		nr_info(x, l, off, "put the port under a server heading", "%s does not say which server; not used",
		     "port row");
		return;
	}
	mailprof_loc loc = nr_loc_at(x, l, off + at);
	if (sec < 0)
		sec = note_sec(x, mark);
	sec = titled(x, sec, port);
	/* "587 (STARTTLS) - Recommended": the row's own word on its port; "If
	 * you have trouble using port 587, try port 465": a fallback */
	int pref = nr_preference(s, n < 100 ? n : 100);
	if (!pref && (own < 0 || own == i)) /* (not a port of another protocol) */
		pref = clause_pref(l->s, l->len, off);
	nr_offer_port_pref(&a->s[i], port, sec, &loc, pref);
	/* "POP3 or IMAP Port: 993": the port of both, as the host is */
	if (x->both_in && dir == NC_IN && (i == S_IMAP || i == S_POP))
		nr_offer_port(&a->s[i == S_IMAP ? S_POP : S_IMAP], port, sec, &loc);
	x->cur = i;
}

/* "SSL/TLS for incoming, STARTTLS for outgoing" as a row's value: each
 * security followed by "for" and one direction's or protocol's name is
 * that server's. Sets them and returns true when two name different
 * servers; false (nothing set) otherwise. */
static bool sec_per_direction(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n)
{
	/* two passes, nothing stored: the first sees whether two servers are
	 * named, the second sets each pair */
	enum mp_nctx first = NC_NONE;
	bool two = false;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && (!two || !x))
			return two;
		for (size_t i = 0; i < n; i++) {
			size_t vb, ve;
			if ((i && isalnum((unsigned char)s[i - 1])) || nr_typed_value(s, i, n, false, &vb, &ve) != NV_SEC ||
			    vb != i)
				continue;
			size_t q = ve + 5 <= n && mp_strncasecmp(s + ve, " for ", 5) == 0 ? ve + 5 : 0, e = q;
			if (q && e + 4 <= n && mp_strncasecmp(s + e, "the ", 4) == 0)
				q = e = e + 4;
			while (q && e < n && e - q < 16 && isalnum((unsigned char)s[e]))
				e++;
			enum mp_nctx d = q ? mp_notice_words_ctx(s + q, e - q) : NC_NONE;
			if (d == NC_IN || d == NC_IMAP || d == NC_POP || d == NC_SMTP) {
				if (pass == 1)
					nr_set_field(x, l, off + vb, s + vb, ve - vb, NF_SECURITY, d);
				else if (first == NC_NONE)
					first = d;
				else
					two |= d != first;
			}
			i = (e > ve ? e : ve) - 1;
		}
	}
	return true;
}

/* Does a security row's value pair securities with different servers
 * ("STARTTLS for SMTP and SSL for IMAP")? Then it is no port matrix. */
bool nr_sec_per_server(const char *s, size_t n)
{
	return sec_per_direction(NULL, NULL, 0, s, n);
}

static void set_security(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                         enum mp_nctx dir)
{
	if (sec_per_direction(x, l, off, s, n))
		return;
	/* "Transport security (SSL or TLS) TLS": the bracket is the label's
	 * remark, the value follows it */
	const char *cb = n && s[0] == '(' ? memchr(s, ')', n) : NULL;
	size_t vk = cb ? nr_skip_sp(s, (size_t)(cb - s) + 1, n) : n;
	if (vk < n && nr_parse_security(s + vk, n - vk) >= 0)
		off += vk, s += vk, n -= vk;
	int sec = nr_parse_security(s, n);
	/* "either SSL or TLS. This setting is under Advanced.", "SSL. Your
	 * program may call it TLS": the first sentence is the value, a
	 * further one naming no other mode only a remark on where or how */
	size_t se = sec < 0 ? nr_first_sentence(s, n) : n;
	if (se < n && nr_span_sec(s + se, n - se) == -1 && nr_parse_security(s, se) >= 0)
		n = se, sec = nr_parse_security(s, n);
	/* "Security type:" / "Yes" (the value on the next line): TLS,
	 * decided by the port, as "Encryption: Enabled" is */
	if (sec == -1 && nr_parse_yesno_auth(s, n) == MP_AUTH_PASSWORD_CLEARTEXT && n <= 24 && !nr_yes_of_login(s, n))
		sec = SW_TLS_AMBIG;
	/* "Encryption | OAuth2", "Security: encrypted password": a login
	 * method under a security label (a table's row as a line's, attach.c
	 * pair()) is the server's method */
	if (sec == -1 && nr_mechanism(s, n) >= 0 && nr_parse_yesno_auth(s, n) != MP_AUTH_NONE && !nr_has(s, n, "if ")) {
		nr_set_field(x, l, off, s, n, NF_AUTH_METHOD, dir);
		return;
	}
	if (sec == -1 || sec == -2) {
		nr_info(x, l, off, NULL, "%s is an instruction or a choice, not a setting; not used",
		     "security row");
		return;
	}
	mailprof_loc loc = nr_loc_at(x, l, off);
	/* "Incoming and outgoing security: SSL/TLS", "for both Incoming and
	 * Outgoing, change the selections to SSL/TLS": every server's that
	 * states none of its own (resolve.c; a bare TLS decided by each port) */
	/* "Encryption: SSL/TLS" after the ports of several servers, outside
	 * any section: the notice's one security for all of them */
	struct dacc *a = nr_cur_acc(x);
	/* "Incoming and outgoing security: SSL/TLS", "for both Incoming and
	 * Outgoing, change the selections to SSL/TLS": the security of every
	 * server set up so far (a host or a port) that states none, else,
	 * before any, of every server (resolve.c); a bare TLS decided by
	 * each port. Not a protocol only mentioned ("POP3 is an option"). */
	if (dir == NC_ANY) {
		int done = 0;
		for (int k = 0; k < S_N; k++)
			if ((a->s[k].host.v || a->s[k].port.set) && !a->s[k].sec.set)
				mp_int_set(&a->s[k].sec, sec, &loc), done++;
		if (!done && !x->gen_sec.set)
			mp_int_set(&x->gen_sec, sec, &loc);
		return;
	}
	int ported = 0, secured = 0;
	for (int k = 0; k < S_N; k++)
		ported += a->s[k].port.set, secured += a->s[k].sec.set;
	if (dir == NC_NONE && x->ctx == NC_NONE && ported >= 2 && !secured) {
		for (int k = 0; k < S_N; k++)
			if (a->s[k].port.set)
				mp_int_set(&a->s[k].sec, sec, &loc);
		return;
	}
	/* "Incoming settings … Using: SSL": every incoming server offered
	 * (IMAP and POP) that states none of its own */
	if (dir == NC_IN && (x->cur < 0 || x->ctx == NC_IN)) {
		int done = 0;
		for (int k = S_IMAP; k <= S_POP; k++)
			if (nr_offered(x, a, k) && !a->s[k].sec.set)
				mp_int_set(&a->s[k].sec, sec, &loc), done++;
		if (done)
			return;
		/* "Incoming mail settings: / SSL/TLS = on / Port = 993 (IMAP),
		 * 995 (POP)": before the section names its servers, the
		 * security of those it offers below (resolve.c) */
		if (x->ctx == NC_IN && !a->s[S_IMAP].sec.set && !a->s[S_POP].sec.set) {
			mp_int_set(&a->in_sec, sec, &loc);
			return;
		}
	}
	int i = nr_server_for(x, dir, NULL, 0);
	if (i < 0) {
		nr_info(x, l, off, NULL, "%s does not say which server; not used", "security row");
		return;
	}
	struct dsrv *sv = &a->s[i];
	/* a less secure variant after the secure settings ("Insecure Mail
	 * Settings … Security: None") does not undo them */
	int port = sv->port.set ? sv->port.v : 0;
	if (sv->sec.set && rank_of(port, sec) < rank_of(port, sv->sec.v)) {
		nr_info(x, l, off, NULL, "%s is a less secure variant of the settings above; not used", "security row");
		return;
	}
	mp_int_set(&sv->sec, sec, &loc);
	if (port && mp_port_is_starttls(port) && nr_sec_for_port(sec, port) == MP_SEC_STARTTLS)
		mp_int_set(&sv->st_port, port, &sv->port.loc);
}

/* Not a login, whatever its label: a number of three digits at most (a
 * reply code, "250", a list's item), an IPv4 address (a bridge's
 * 127.0.0.1), or a form whose pieces are the names of what goes there
 * ("domain\your", "Account/SharedAccount", "DOMAIN\username"). */
static bool stand_in_login(const char *s, size_t t)
{
	if (t && t <= 3 && nr_all_digits(s, t))
		return true;
	size_t dots = 0, digits = 0;
	for (size_t k = 0; k < t; k++)
		dots += s[k] == '.', digits += isdigit((unsigned char)s[k]) != 0;
	if (dots == 3 && digits + dots == t)
		return true;
	if (!memchr(s, '\\', t) && !memchr(s, '/', t))
		return false;
	static const char *const names[] = {"your", "domain", "username", "user", "account", "sharedaccount", "name",
	                                    "mailbox", "login", NULL};
	size_t named = 0, parts = 0;
	for (size_t b = 0; b < t;) {
		size_t e = b;
		while (e < t && s[e] != '\\' && s[e] != '/')
			e++;
		parts++;
		for (const char *const *w = names; *w; w++)
			if (strlen(*w) == e - b && mp_strncasecmp(s + b, *w, e - b) == 0) {
				named++;
				break;
			}
		b = e + 1;
	}
	return named == parts || (parts >= 2 && t > 6 && mp_strncasecmp(s, "domain", 6) == 0 && !isalnum((unsigned char)s[6]));
}

/* "username: CID", "Login: NetID", "UserID": the name of the kind of ID
 * the user has (a page's own word for it), not an ID: a short upper-case
 * word ending in "ID", or a word whose lower-case letters run into "ID". */
static bool names_an_id(const char *s, size_t t)
{
	if (t < 3 || t > 12 || s[t - 2] != 'I' || s[t - 1] != 'D')
		return false;
	for (size_t k = 0; k < t; k++)
		if (!isalpha((unsigned char)s[k]))
			return false;
	return t <= 4 ? isupper((unsigned char)s[0]) && isupper((unsigned char)s[t - 3]) : islower((unsigned char)s[t - 3]);
}

static void set_login(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                      enum mp_nctx dir)
{
	struct dacc *a = nr_cur_acc(x);
	mailprof_loc loc = nr_loc_at(x, l, off);
	enum word w = nr_parse_word(s, n);
	if (w == W_NONE && nr_not_a_value(s, n)) {
		nr_info(x, l, off, "write the user name itself", "%s does not hold a user name; not used", "login row");
		return;
	}
	if (w != W_NONE) {
		a->login_word = w;
		a->login_loc = loc;
		mp_str_clear(&a->login);
		return;
	}
	while (n && (s[0] == '<' || s[0] == '"' || s[0] == '\''))
		s++, n--, off++, loc = nr_loc_at(x, l, off);
	/* "Login | Normal password", "Sign-in: OAuth2": how to log in, not who
	 * (a bare "Password" is the next row's label) */
	if (nr_mechanism(s, n) >= 0 && !(n == 8 && mp_strncasecmp(s, "password", 8) == 0)) {
		nr_set_field(x, l, off, s, n, NF_AUTH_METHOD, dir);
		return;
	}
	/* (an offset past the line: a note's next line; single quotes too:
	 * user: 'jdoe' in a Python, PHP or YAML snippet) */
	char qc = off && off <= l->len ? l->s[off - 1] : 0;
	bool quoted = qc == '"' || qc == '\'';
	size_t t = nr_token_len(s, n);
	/* "(Username: leelark)." ends a sentence, not the login; a value in
	 * straight quotes ("user": "xxxxx", in a JSON or YAML snippet) ends
	 * at its closing quote */
	while (t && (strchr(".,;:", s[t - 1]) || (s[t - 1] == ')' && !memchr(s, '(', t)) || (quoted && s[t - 1] == qc)))
		t--;
	/* "Your full email address (name@domain.com)", "Type the name part
	 * only of your address": an instruction, not a login; a login is one
	 * token, maybe with a remark, not a word opening a sentence */
	size_t words = 0;
	for (size_t k = t; k < n && s[k] != '(' && s[k] != '.'; k++)
		words += s[k] == ' ' && k + 1 < n && isalpha((unsigned char)s[k + 1]);
	bool letters = t > 0;
	for (size_t k = 0; k < t; k++)
		letters &= isalpha((unsigned char)s[k]) != 0;
	/* not a login: markup or a bracket left of a value ("`", "[email"), a
	 * link, the field's own name ("username"), a server's host */
	static const char *const names[] = {"username", "user", "userid", "login", "loginid", "account", "password", NULL};
	bool junk = t && !isalnum((unsigned char)s[0]);
	for (size_t k = 0; k < t && !junk; k++)
		junk = s[k] == '`' || s[k] == '[' || s[k] == ']';
	junk = junk || nr_has(s, t, "://");
	for (const char *const *nm = names; *nm && !junk; nm++)
		junk = strlen(*nm) == t && mp_strncasecmp(s, *nm, t) == 0;
	junk = junk || (!memchr(s, '@', t) && nr_valid_host(s, t) && nr_host_ctx(s, t) != NC_NONE);
	junk = junk || stand_in_login(s, t) || names_an_id(s, t);
	/* "User Name: name.surname": a login naming what goes there */
	junk = junk || (!memchr(s, '@', t) && t > 1 && nr_placeholder_local(s, t));
	/* "username: teacher shortcode", "Checking mail" (a heading under the
	 * label's line): words of letters only and nothing else name the
	 * kind of login or head the next block; a login is one token */
	bool phrase = letters && words >= 1;
	for (size_t k = t; k < n && phrase; k++)
		phrase = isalpha((unsigned char)s[k]) || s[k] == ' ';
	/* "example@yourdomain.com": an address to fill in, not a login */
	if (junk || !nr_is_ascii_tok(s, t) || (memchr(s, '@', t) && !nr_valid_email(s, t)) ||
	    (letters && isupper((unsigned char)s[0]) && words >= 2) || phrase || nr_possessive(s, t)) {
		nr_info(x, l, off, "write the user name itself", "%s does not hold a user name; not used",
		     "login row");
		return;
	}
	/* Credentials under an SMTP heading are SMTP's own only when the
	 * account's were already given (a letter repeating them per server). */
	if (dir == NC_SMTP && (a->login.v || a->login_word != W_NONE))
		mp_str_setn(&a->s[S_SMTP].user, s, t, &loc);
	else {
		mp_str_setn(&a->login, s, t, &loc);
		a->login_word = W_NONE;
	}
}

static void set_password(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                         enum mp_nctx dir)
{
	mp_buf pw = {0};
	bool fullwidth;
	nr_password_token(l, off, s, n, &pw, &fullwidth);
	/* "password": "xxxxxxxx", (a JSON, YAML or shell snippet), $mail->Password
	 * = '***'; (PHP, Python): the quotes around a value are the snippet's,
	 * not the password's */
	if (pw.len > 2 && (pw.s[0] == '"' || pw.s[0] == '\'') && pw.s[pw.len - 1] == pw.s[0] &&
	    !memchr(pw.s + 1, pw.s[0], pw.len - 2)) {
		memmove(pw.s, pw.s + 1, pw.len - 2);
		pw.len -= 2;
		pw.s[pw.len] = '\0';
	}
	bool masked = pw.len > 0;
	for (size_t i = 0; i < pw.len; i++)
		if (pw.s[i] != '*' && pw.s[i] != 'x' && pw.s[i] != 'X')
			masked = false;
	/* "the one you chose when you signed up": a lower-case word opening
	 * three or more, with no remark in brackets, is a sentence */
	size_t words = 1;
	bool lower = pw.len > 0;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ' && i + 1 < n && s[i + 1] != ' ';
	for (size_t i = 0; i < pw.len; i++)
		lower = lower && islower((unsigned char)pw.s[i]);
	bool sentence = words >= 3 && lower && !memchr(s, '(', n);
	/* "Details of how to make the changes …" under a bare "Password"
	 * item: a capitalised word of letters opening three or more words is
	 * a sentence too (a password is one token) */
	bool capital = pw.len >= 2 && isupper((unsigned char)pw.s[0]);
	for (size_t i = 1; i < pw.len && capital; i++)
		capital = islower((unsigned char)pw.s[i]) != 0;
	sentence = sentence || (words >= 3 && capital && !memchr(s, '(', n));
	/* Sentences ("設定したパスワード", "The password set for this account")
	 * and masks mean the notice does not give it. */
	/* a form's toggle or instruction ("On", "Enter your password"), a
	 * letter left of a cut word, a file's path: no password */
	bool path = pw.len && pw.s[0] == '/' && memchr(pw.s + 1, '/', pw.len - 1);
	/* a link ("set up an app password at: https://…"): where to make one */
	path = path || nr_has(pw.s, pw.len, "://");
	/* "Password | Encrypted", "Password: Cleartext": how it is sent, one
	 * word, the server's login method, not the password */
	static const char *const enc[] = {"encrypted", "secure", NULL};
	static const char *const clear[] = {"cleartext", "plaintext", "plain", "normal", "unencrypted", NULL};
	for (int k = 0; k < 2; k++)
		for (const char *const *w = k ? clear : enc; *w; w++)
			if (pw.len == strlen(*w) && mp_strncasecmp(pw.s, *w, pw.len) == 0 && pw.len == n) {
				const char *m = k ? "normal password" : "encrypted password";
				mp_buf_free(&pw);
				nr_set_field(x, l, off, m, strlen(m), NF_AUTH_METHOD, dir);
				return;
			}
	/* "pop-before-smtp": how sending is allowed, no password */
	if (!nr_is_ascii_tok(pw.s, pw.len) || masked || sentence || nr_possessive(pw.s, pw.len) ||
	    nr_parse_yesno_auth(pw.s, pw.len) == MP_AUTH_SMTP_AFTER_POP ||
	    nr_not_a_value(s, n) || nr_not_a_value(pw.s, pw.len) || pw.len < 3 || path ||
	    nr_has(s, n, "password") || nr_has(s, n, "same as") ||
	    nr_has(s, n, "as above") || nr_has(s, n, "パスワード")) {
		mp_buf_free(&pw);
		/* "パスワード　クリアテキストもしくは標準": how it is sent */
		if (nr_has(s, n, "クリアテキスト") || nr_has(s, n, "平文") || nr_has(s, n, "cram-md5") || nr_has(s, n, "apop"))
			nr_set_field(x, l, off, s, n, NF_AUTH_METHOD, NC_NONE);
		return;
	}
	mailprof_loc loc = nr_loc_at(x, l, off);
	/* Full-width letters read as half-width: say so, servers want ASCII.
	 * The message never shows the password (nor its reading). */
	if (fullwidth)
		mp_diag(x->d, MAILPROF_WARNING, "notice-password-fullwidth", &loc,
		        "type the password in half-width (ASCII) characters and check it against the letter",
		        "the password is written in full-width characters; it was read as half-width");
	struct dacc *a = nr_cur_acc(x);
	if (dir == NC_SMTP && a->pass.v)
		mp_str_setn(&a->s[S_SMTP].pass, pw.s, pw.len, &loc);
	else
		mp_str_setn(&a->pass, pw.s, pw.len, &loc);
	mp_buf_free(&pw);
}

/* A capitalised word run into "@" at the end of a title ("Faculty and
 * Staff Email Accounts@mx.example.edu": the heading, then the mail
 * domain): two capitalised words before it on the line, the local part a
 * capitalised word too. */
static bool title_glued(const mp_nline *l, size_t off, const char *s, size_t t)
{
	size_t ln = (size_t)((const char *)memchr(s, '@', t) - s);
	if (ln < 2 || !isupper((unsigned char)s[0]))
		return false;
	for (size_t k = 1; k < ln; k++)
		if (!islower((unsigned char)s[k]))
			return false;
	size_t p = off, caps = 0;
	for (int w = 0; w < 2; w++) {
		if (p < 2 || l->s[p - 1] != ' ')
			return false;
		size_t e = p - 1, b = e;
		while (b > 0 && isalpha((unsigned char)l->s[b - 1]))
			b--;
		caps += b < e && isupper((unsigned char)l->s[b]);
		p = b;
	}
	return caps == 2;
}

static void set_email(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n)
{
	while (n && (s[0] == '<' || s[0] == '"'))
		s++, n--, off++;
	size_t t = nr_token_len(s, n);
	if (nr_valid_email(s, t) && title_glued(l, off, s, t)) {
		nr_info(x, l, off, NULL, "%s is a title run into the mail domain; not used", "the address");
		return;
	}
	if (!nr_valid_email(s, t)) {
		nr_info(x, l, off, NULL, "%s does not hold an e-mail address; not used", "address row");
		return;
	}
	if (nr_is_form(x, s, t)) {
		nr_info(x, l, off, NULL, "%s is an example: the notice shows its local part with several domains; not used",
		        "the address");
		return;
	}
	struct dacc *a = nr_cur_acc(x);
	/* A second address starts the next account. */
	if (a->email.v && !(strlen(a->email.v) == t && memcmp(a->email.v, s, t) == 0))
		a = new_acc(x);
	mailprof_loc loc = nr_loc_at(x, l, off);
	mp_str_setn(&a->email, s, t, &loc);
	a->email_prose = nr_is_prose(l->s, l->len);
}

/* "First and Last Name", "Full name": the word "name" in the value says
 * what goes there, a placeholder */
static bool names_name(const char *s, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if (mp_strncasecmp(s + i, "name", 4) == 0 && (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
		    (i + 4 == n || !isalnum((unsigned char)s[i + 4])))
			return true;
	return false;
}

/* A display name is a person's or a company's name, a few words: not an
 * example ("what others see, e.g. Ann Smith", "例：山田 太郎"), nor a
 * sentence or a list ("Central Administration, Loyola Schools, High
 * School, and Auxiliary Units."). */
static bool name_is_prose(const char *s, size_t n)
{
	if (nr_gives_example(s, n) || nr_has(s, n, "such as"))
		return true;
	size_t words = 1, last = 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == ' ' && s[i + 1] != ' ')
			words++, last = i + 1;
	bool stop = n && s[n - 1] == '.' && n - last > 4; /* a sentence's full stop, not "Inc." */
	return words > 6 || (words >= 3 && stop) || nr_has(s, n, ", and ") || nr_has(s, n, ", or ");
}

static void set_name(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n)
{
	/* a value naming the field itself says what goes there ("あなたの名前",
	 * "相手に表示されたい名前", "お名前", "氏名"): a placeholder */
	if (nr_has(s, n, "任意") || nr_has(s, n, "お好き") || nr_has(s, n, "自由") || nr_has(s, n, "any ") ||
	    nr_has(s, n, "your choice") || nr_has(s, n, "your name") || (n >= 5 && mp_strncasecmp(s, "your ", 5) == 0) ||
	    nr_has(s, n, "名前") || nr_has(s, n, "氏名") || nr_has(s, n, "表示名") || nr_not_a_value(s, n) ||
	    names_name(s, n) || name_is_prose(s, n))
		return;
	size_t e = 0;
	while (e < n && !(s[e] == ' ' && e + 1 < n && s[e + 1] == ' ') && s[e] != '(')
		e++;
	while (e && s[e - 1] == ' ')
		e--;
	if (!e)
		return;
	/* "Name: mail._domainkey.example.com" (a DNS record's name): a host
	 * name or an address is nobody's display name */
	size_t qb = 0, qe = e;
	nr_trim_quotes(s, &qb, &qe);
	/* ("doe.com)": the end of a bracket opened on the line above) */
	if (qe > qb && s[qe - 1] == ')' && !memchr(s + qb, '(', qe - qb))
		qe--;
	if (memchr(s, '@', e) || (memchr(s + qb, '.', qe - qb) && !memchr(s + qb, ' ', qe - qb) &&
	                          (nr_valid_host(s + qb, qe - qb) || memchr(s + qb, '_', qe - qb)))) {
		nr_info(x, l, off, NULL, "%s holds a host name or an address, not a person's name; not used", "name row");
		return;
	}
	mailprof_loc loc = nr_loc_at(x, l, off);
	mp_str_setn(&nr_cur_acc(x)->name, s, e, &loc);
}

/* A value ending in a remark that it is required: "full email address –
 * Required", "your address (required)". */
static bool remark_required(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == ')' || s[n - 1] == '.'))
		n--;
	if (n < 10 || mp_strncasecmp(s + n - 8, "required", 8) != 0)
		return false;
	size_t k = n - 8;
	while (k && s[k - 1] == ' ')
		k--;
	return k && (s[k - 1] == '-' || s[k - 1] == '(' || (k >= 3 && memcmp(s + k - 3, "–", 3) == 0));
}

void nr_set_field(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                      enum mp_nfield f, enum mp_nctx dir)
{
	struct dacc *a;
	switch (f) {
	case NF_EMAIL: set_email(x, l, off, s, n); break;
	case NF_NAME: set_name(x, l, off, s, n); break;
	case NF_LOGIN:
	case NF_PASSWORD:
		/* "送信サーバーのユーザー名：" / "受信と同じ" on the next line: a
		 * sending login or password row saying it is receiving's (on one
		 * line, nr_auth_hint in prose.c reads it whatever the separator) */
		a = nr_cur_acc(x);
		if (dir == NC_SMTP && a->s[S_SMTP].auth < 0 && nr_as_incoming(s, n)) {
			a->s[S_SMTP].auth = MP_AUTH_PASSWORD_CLEARTEXT;
			a->s[S_SMTP].auth_loc = nr_loc_at(x, l, off);
		}
		if (f == NF_PASSWORD) {
			set_password(x, l, off, s, n, dir);
			break;
		}
		/* "Login: full email address – Required" for servers of both
		 * directions: the login is asked of sending too */
		if (dir != NC_IN && dir != NC_POP && dir != NC_IMAP && dir != NC_WEB && x->ctx != NC_IN &&
		    x->ctx != NC_POP && x->ctx != NC_IMAP && x->ctx != NC_WEB && !x->auth_hint && remark_required(s, n)) {
			x->auth_hint = true;
			x->auth_hint_loc = nr_loc_at(x, l, off);
		}
		/* "Sign-in: CRAM-MD5": a mechanism's name is no one's login */
		if (n <= 12 && (mp_strncasecmp(s, "cram-md5", 8) == 0 || mp_strncasecmp(s, "digest-md5", 10) == 0 ||
		                (n == 4 && mp_strncasecmp(s, "apop", 4) == 0)))
			nr_set_field(x, l, off, s, n, NF_AUTH_METHOD, dir);
		else
			set_login(x, l, off, s, n, dir);
		break;
	case NF_HOST: set_host(x, l, off, s, n, dir); break;
	case NF_PORT: set_port(x, l, off, s, n, dir); break;
	case NF_SECURITY: set_security(x, l, off, s, n, dir); break;
	case NF_SMTP_AUTH: {
		/* "Authentication | Normal password" in an IMAP column: a method
		 * for the incoming server the direction names, not sending's */
		if ((dir == NC_IN || dir == NC_POP || dir == NC_IMAP) && nr_mechanism(s, n) >= 0) {
			nr_set_field(x, l, off, s, n, NF_AUTH_METHOD, dir);
			break;
		}
		/* ("ON (Login using same settings as incoming server)": the
		 * value before its remark) */
		size_t lead;
		int au = nr_yesno_auth_lead(s, n, &lead);
		if (au < 0) {
			nr_info(x, l, off, NULL, "%s: value not understood; not used", "SMTP authentication row");
			break;
		}
		a = nr_cur_acc(x);
		/* "学外からの利用 …認証が必要" / "学内からの利用 認証は不要": where one
		 * case needs the login, the account logs in (as the most secure
		 * of several ports wins) */
		bool needed = (a->s[S_SMTP].auth >= 0 && a->s[S_SMTP].auth != MP_AUTH_NONE &&
		               a->s[S_SMTP].auth_loc.line != l->line) ||
		              (x->auth_hint && x->auth_hint_loc.line < l->line && l->line - x->auth_hint_loc.line <= 2);
		if (au == MP_AUTH_NONE && needed) {
			nr_info(x, l, off, NULL, "%s for some connections only; sending logs in", "no SMTP authentication");
			break;
		}
		a->s[S_SMTP].auth = au;
		a->s[S_SMTP].auth_loc = nr_loc_at(x, l, off);
		/* "Outgoing mail server authentication | Requires
		 * authentication": a row naming sending's login says the
		 * notice offers sending, its host said or not (as "SMTP-AUTH
		 * is required" does, prose.c) */
		if (au != MP_AUTH_NONE && dir == NC_SMTP && !x->send_prose) {
			x->send_prose = true;
			x->send_loc = a->s[S_SMTP].auth_loc;
		}
		break;
	}
	case NF_AUTH_METHOD:
		a = nr_cur_acc(x);
		/* the method itself, not the remarks after it ("通常の認証方法
		 * (「CRAM-MD5」はチェックしないでください)") */
		/* ("(通常の)パスワード認証": a qualifier in brackets before it) */
		const char *qual = n && s[0] == '(' ? memchr(s, ')', n) : NULL;
		for (size_t k = qual ? (size_t)(qual - s) + 1 : 0; k < n; k++)
			if (s[k] == '(' || (k + 3 <= n && memcmp(s + k, "「", 3) == 0)) {
				n = k;
				break;
			}
		{
			/* the first method named wins: "Normal Password or Encrypted
			 * Password", "OAuth2 or App Password", "NTLM (TLS also works)";
			 * a named method over the password words after it
			 * ("OAuth2(先進認証)", "MD5 Challenge-Response password") */
			static const char *const clr[] = {"通常", "平文", "クリアテキスト", "plain", "clear", "標準", "normal", "login",
			                                  "basic", "password", "パスワード", NULL};
			size_t pe, pc = n;
			int m = nr_method_at(s, n, &pe);
			for (size_t k = 0; k < n && pc == n; k++)
				for (const char *const *w = clr; *w && pc == n; w++)
					if (strlen(*w) <= n - k && mp_strncasecmp(s + k, *w, strlen(*w)) == 0)
						pc = k;
			if (pc < pe)
				m = MP_AUTH_PASSWORD_CLEARTEXT;
			if (m < 0)
				break;
			/* "Incoming mail server: host / Login method: CRAM-MD5" outside
			 * any section: the method of the server whose block it is in */
			/* ... unless that block gave sending's values too, a few lines
			 * above and no heading between ("SMTP port: 587 / IMAP port:
			 * 993 / Authentication method: Normal password", a client's
			 * one form for both ways): then it is every server's */
			/* (the direction only the label before named, not this one's
			 * words: "Authentication: …" under "IMAP port: 993") */
			const struct dsrv *os = &a->s[S_SMTP];
			bool shared = x->ctx == NC_NONE && (x->cur == S_IMAP || x->cur == S_POP) &&
			              (dir == NC_NONE || (dir == x->named && off <= l->len && mp_notice_words_ctx(l->s, off) == NC_NONE)) &&
			              ((os->port.set && os->port.loc.line <= l->line && l->line - os->port.loc.line <= 8) ||
			               (os->host.v && os->host.loc.line <= l->line && l->line - os->host.loc.line <= 8));
			if (dir == NC_NONE && x->ctx == NC_NONE && (x->cur == S_IMAP || x->cur == S_POP))
				dir = NC_IN;
			if (shared && (os->auth < 0 || os->auth == MP_AUTH_PASSWORD_CLEARTEXT)) {
				a->s[S_SMTP].auth = m;
				a->s[S_SMTP].auth_loc = nr_loc_at(x, l, off);
			}
			/* "Incoming: IMAP / Server hostname: … / Authentication: Normal
			 * password" (a client's form) after both incoming servers
			 * were given: a row in the block of the one whose host was
			 * set last, a few lines above, is that server's alone */
			int own = -1, c = dir == NC_IMAP ? S_IMAP : dir == NC_POP ? S_POP : x->cur;
			int o = c == S_IMAP ? S_POP : S_IMAP;
			const struct dsrv *cs = c == S_IMAP || c == S_POP ? &a->s[c] : NULL;
			bool named = dir == NC_IMAP || dir == NC_POP;
			if ((dir == NC_IN || dir == NC_NONE || named) && cs && cs->host.v && cs->host.loc.line <= l->line &&
			    (named || l->line - cs->host.loc.line <= 5) && a->s[o].host.v && a->s[o].host.loc.line < cs->host.loc.line)
				own = c;
			if (own >= 0) {
				if (a->s[own].own_method < 0)
					a->s[own].own_method = m;
			} else if (dir == NC_IN || dir == NC_POP || dir == NC_IMAP || dir == NC_NONE) {
				if (a->in_method < 0) /* a less secure variant later does not undo it */
					a->in_method = m;
			}
			/* under a sending heading: sending's alone (the incoming
			 * servers take no method from it) */
			if ((x->ctx == NC_SMTP || (x->ctx == NC_NONE && x->named == NC_SMTP)) && dir != NC_IN && dir != NC_POP &&
			    dir != NC_IMAP) {
				if (a->s[S_SMTP].auth < 0 || a->s[S_SMTP].auth == MP_AUTH_PASSWORD_CLEARTEXT) {
					a->s[S_SMTP].auth = m;
					a->s[S_SMTP].auth_loc = nr_loc_at(x, l, off);
				}
			} else if (dir != NC_IN && dir != NC_POP && dir != NC_IMAP) {
				a->method = m;
				/* a method stated for sending says SMTP logs in */
				if (a->s[S_SMTP].auth < 0) {
					a->s[S_SMTP].auth = m;
					a->s[S_SMTP].auth_loc = nr_loc_at(x, l, off);
				}
			}
		}
		break;
	case NF_IN_PROTO: {
		a = nr_cur_acc(x);
		/* the first protocol named that is not one of a list of choices
		 * ("POP/IMAP  IMAP": the options, then the one chosen) nor
		 * negated ("IMAP (not POP)"); else the first named */
		const char *im = NULL, *po = NULL, *cim = NULL, *cpo = NULL;
		for (size_t i = 0; i + 3 <= n; i++) {
			bool isim = i + 4 <= n && mp_strncasecmp(s + i, "imap", 4) == 0;
			bool ispo = mp_strncasecmp(s + i, "pop", 3) == 0;
			if (!isim && !ispo)
				continue;
			size_t e = i + (isim ? 4 : 3);
			while (e < n && isalnum((unsigned char)s[e]))
				e++;
			bool option = (i && s[i - 1] == '/') || (e < n && s[e] == '/') ||
			              (i >= 4 && mp_strncasecmp(s + i - 4, "not ", 4) == 0);
			if (isim && !im)
				im = s + i;
			if (ispo && !po)
				po = s + i;
			if (!option && isim && !cim)
				cim = s + i;
			if (!option && ispo && !cpo)
				cpo = s + i;
		}
		if (cim || cpo)
			im = cim, po = cpo;
		/* "Server type: IMAP or POP", "POP3 または IMAP": both offered, a
		 * choice left to the reader (one host serves both, resolve.c) */
		if (cim && cpo) {
			const char *j = cim < cpo ? cim : cpo, *g = cim < cpo ? cpo : cim;
			while (j < g && isalnum((unsigned char)*j))
				j++;
			static const char *const joins[] = {"or", "and", "and/or", "または", "又は", "か", "もしくは", "/", ",",
			                                    "、", "&", "・", NULL};
			size_t jb = nr_skip_sp(j, 0, (size_t)(g - j)), je = (size_t)(g - j);
			while (je > jb && j[je - 1] == ' ')
				je--;
			bool chose = false;
			for (const char *const *w = joins; *w && !chose; w++)
				chose = strlen(*w) == je - jb && mp_strncasecmp(j + jb, *w, je - jb) == 0;
			if (chose)
				a->in_both = true, a->both_label = false;
		}
		if (im && (!po || im < po))
			a->in_pref = S_IMAP;
		else if (po)
			a->in_pref = S_POP;
		if (im || po) {
			if (!a->in_both && (x->cur == S_SMTP || x->cur < 0)) /* "Server Type | IMAP": its rows follow */
				x->cur = a->in_pref;
		} else if (nr_has(s, n, "smtp") && dir != NC_IMAP && dir != NC_POP) {
			/* "Server Type | SMTP", "Protocol: SMTP" in a list of
			 * parameters: sending is offered and the rows after it are
			 * its ("Type of Outgoing Mail Server: SMTP" the same) */
			a->s[S_SMTP].stated = true;
			x->cur = S_SMTP;
		} else
			nr_info(x, l, off, NULL, "%s: neither POP nor IMAP; not used", "incoming server type");
		/* A host read before this row under a guessed protocol moves. */
		int other = a->in_pref == S_IMAP ? S_POP : S_IMAP;
		if (a->in_pref >= 0 && a->s[other].host.v && !a->s[a->in_pref].host.v &&
		    !a->s[other].port.set) {
			a->s[a->in_pref].host = a->s[other].host;
			memset(&a->s[other].host, 0, sizeof a->s[other].host);
			if (x->cur == other)
				x->cur = a->in_pref;
		}
		break;
	}
	default: break;
	}
	/* A server's cell may also state SMTP-AUTH: "587（SMTP認証あり）". */
	if ((f == NF_PORT || f == NF_HOST || f == NF_SECURITY) && x->cur == S_SMTP) {
		size_t k = nr_auth_statement(s, n);
		int au = k < n ? nr_parse_yesno_auth(s + k, n - k) : -1;
		if (au >= 0) {
			a = nr_cur_acc(x);
			a->s[S_SMTP].auth = au;
			a->s[S_SMTP].auth_loc = nr_loc_at(x, l, off + k);
		}
	}
}
