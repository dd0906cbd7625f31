/* Stage 7 of the reader (docs/notice-reader.md): resolving drafts into
 * accounts: several providers in one notice, rules by address domain,
 * shared server blocks, one host for every server, word values (login "same
 * as the address"), security decided by port when the word is a bare TLS,
 * SMTP-AUTH from sentences. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader.h"

/* The servers an address domain rule names replace the general ones. */
static void apply_rules(struct ex *x, struct dacc *a)
{
	const char *at = a->email.v ? strchr(a->email.v, '@') : NULL;
	if (!at)
		return;
	for (size_t i = 0; i < x->nrules; i++) {
		struct drule *r = &x->rules[i];
		if (strcasecmp(r->domain, at + 1) != 0)
			continue;
		struct dsrv *s = &a->s[r->srv];
		mp_str_set(&s->host, r->host.v, &r->host.loc);
		s->host_note = 0;
		free(s->host_tpl);
		s->host_tpl = NULL;
		/* a port of its own comes with its own security (or none said) */
		if (r->port.set) {
			s->port = r->port;
			s->sec = r->sec;
			if (!r->sec.set)
				s->sec.v = -1;
		}
	}
}

/* Ports of a port matrix are offered like any other: the first stays
 * unless a later one is more secure. */

/* Can port carry security sec? Implicit TLS not on a port for plain or
 * STARTTLS (25, 110, 143, 587); those not on an implicit TLS port. */
static bool port_takes(int port, int sec)
{
	return sec == MP_SEC_TLS ? !mp_port_is_starttls(port) : !mp_port_is_implicit_tls(port);
}

static void apply_matrix(struct ex *x, const struct dacc *a, struct dsrv *s, int idx)
{
	/* ports listed as discouraged count only for a server offered
	 * nowhere else */
	bool strong = false;
	for (size_t i = 0; i < x->nmx; i++)
		strong |= x->mx[i].srv == idx && x->mx[i].port > 0 && !x->mx[i].weak && nr_mx_of(&x->mx[i], a);
	for (size_t i = 0; i < x->nmx; i++)
		if (x->mx[i].srv == idx && x->mx[i].port > 0 && !(strong && x->mx[i].weak) && nr_mx_of(&x->mx[i], a))
			nr_offer_port_pref(s, x->mx[i].port, x->mx[i].sec, &x->mx[i].loc, x->mx[i].pref);
	/* the login methods of the row whose port was chosen */
	/* (a row naming no port: "SMTP over SSL/TLS (CRAM-MD5認証)") */
	for (size_t i = 0; i < x->nmx; i++)
		if (x->mx[i].srv == idx && x->mx[i].port == (s->port.set ? s->port.v : 0) && x->mx[i].nauth &&
		    nr_mx_of(&x->mx[i], a)) {
			s->nmauth = x->mx[i].nauth;
			memcpy(s->mauth, x->mx[i].auth, sizeof s->mauth);
			break;
		}
	/* a server named with a security and no port ("use SMTP AUTH/STARTTLS",
	 * "POP3 with SSL") gives its security to a server whose port, if any,
	 * can carry it (not SSL on 110) */
	for (size_t i = 0; i < x->nmx; i++)
		if (x->mx[i].srv == idx && x->mx[i].port == 0 && x->mx[i].sec >= 0 && !s->sec.set &&
		    (!s->port.set || port_takes(s->port.v, x->mx[i].sec)) && nr_mx_of(&x->mx[i], a))
			mp_int_set(&s->sec, x->mx[i].sec, &x->mx[i].loc);
}

/* Does a port line or matrix name server i ("IMAP4 利用可(…993…)")? With
 * firm, not one naming it in passing ("a POP/IMAP client program"). */
static bool mx_names(const struct ex *x, const struct dacc *a, int i, bool firm)
{
	for (size_t k = 0; k < x->nmx; k++)
		if (x->mx[k].srv == i && !(firm && x->mx[k].passing) && nr_mx_of(&x->mx[k], a))
			return true;
	return false;
}

/* Does the notice give server i of draft a something of its own: a host,
 * a port (a setup page may name no host: "POP3S (port 995)"), a host
 * template, a port matrix entry, a protocol row ("受信サーバーの種類:
 * POP3"), an offer ("IMAP is also available")? */
static bool own_offer(const struct ex *x, const struct dacc *a, int i)
{
	const struct dsrv *s = &a->s[i];
	if (s->host.v || s->port.set || s->host_tpl || s->host_held || s->stated || a->in_pref == i ||
	    (a->in_both && !a->both_label && i != S_SMTP))
		return true;
	return mx_names(x, a, i, true);
}

/* Does the notice offer server i of draft a? What it gives the server
 * of its own does; an incoming protocol named only in passing (a kind of
 * program, a legacy list) or beside the other in one label whose value
 * is lost ("POP/IMAPサーバー名") does only when the page gives the other
 * incoming server nothing of its own either: a page setting up POP that
 * mentions "POP/IMAP clients" offers no IMAP server. */
bool nr_offered(const struct ex *x, const struct dacc *a, int i)
{
	if (own_offer(x, a, i))
		return true;
	if (i != S_SMTP && (a->in_both || mx_names(x, a, i, false)))
		return !own_offer(x, a, i == S_IMAP ? S_POP : S_IMAP);
	/* "POP before SMTP: receive your mail first, then send", on a page
	 * that never names IMAP: the receiving that logs sending in is a POP3
	 * server's, offered without a host. Only on a page that tells nothing
	 * else of its servers (names no host, not even an example's, and no
	 * sending port: a page giving them lists what it offers) and does not
	 * say POP before SMTP ended (a notice of its end is about the login
	 * that replaces it); one account */
	const struct dsrv *sm = &a->s[S_SMTP];
	if (i == S_POP && x->pbs_hint && !x->pbs_ended && !x->imap_said && !x->host_said && x->nacc == 1 && !a->group &&
	    !sm->host.v && !sm->host_tpl && !sm->host_held && !sm->port.set && !a->any_host.v && !own_offer(x, a, S_IMAP))
		return true;
	/* "サブミッションポート(587番)をご利用ください", "SMTP-AUTH is
	 * required for sending": sending is offered, with no host said */
	return i == S_SMTP && x->send_prose && !a->group;
}

static void copy_str(mp_str *to, const mp_str *from)
{
	if (from->v)
		mp_str_set(to, from->v, &from->loc);
}

static bool srv_any(const struct dsrv *s)
{
	return s->host.v || s->host_tpl || s->port.set;
}

static void srv_free(struct dsrv *s)
{
	mp_str_clear(&s->host);
	mp_str_clear(&s->user);
	mp_str_clear(&s->pass);
	free(s->host_tpl);
}

void nr_free_acc(struct dacc *a)
{
	mp_str_clear(&a->email);
	mp_str_clear(&a->name);
	mp_str_clear(&a->login);
	mp_str_clear(&a->pass);
	mp_str_clear(&a->any_host);
	mp_str_clear(&a->brand);
	for (int i = 0; i < S_N; i++)
		srv_free(&a->s[i]);
	for (size_t k = 0; k < a->nalt; k++)
		srv_free(&a->alt[k].s);
	free(a->alt);
}

/* "pop.example.jp ※1" with "※1 SSLで受信する場合は、サーバー名を
 * pops.example.jp、ポート番号を995に…": the encrypted alternative wins, as
 * it does for ports ("110（SSL有の場合：995）"). A note that names another
 * host without saying SSL/TLS is reported, not followed. */
static void host_note(struct ex *x, struct dsrv *s)
{
	int m = s->host_note;
	const char *t = m > 0 && m < 10 ? x->notes[m] : NULL;
	if (!t || !s->host.v)
		return;
	size_t n = strlen(t);
	if (memchr(t, '@', n)) /* a choice by address domain: see domain rules */
		return;
	for (size_t i = 0; i < n; i++) {
		if (i && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '-'))
			continue;
		size_t k = nr_token_len(t + i, n - i);
		while (k && (t[i + k - 1] == '.' || t[i + k - 1] == ','))
			k--;
		if (!nr_valid_host(t + i, k) || (strlen(s->host.v) == k && mp_strncasecmp(s->host.v, t + i, k) == 0))
			continue;
		mailprof_loc loc = nr_loc_at(x, x->note_line[m], x->note_off[m] + i);
		if (!(nr_has(t, n, "ssl") || nr_has(t, n, "tls") || nr_has(t, n, "暗号化"))) {
			mp_diag(x->d, MAILPROF_INFO, "notice-unused", &loc, "check which server applies to you",
			        "%s names another server; not used", "the footnote");
			return;
		}
		mp_str_setn(&s->host, t + i, k, &loc);
		mp_int_set(&s->sec, MP_SEC_TLS, &loc);
		int port, sec, mark;
		size_t at;
		if (nr_parse_port(t + i + k, n - i - k, &port, &sec, &at, &mark)) {
			mailprof_loc pl = nr_loc_at(x, x->note_line[m], x->note_off[m] + i + k + at);
			mp_int_set(&s->port, port, &pl);
		}
		return;
	}
}

/* Does a provider block serve addresses in domain dom? One of its hosts
 * is in the domain (or the domain is under the host's parent:
 * pop.so-net.jp for aa2.so-net.jp), or its heading names a label of it. */
static bool block_serves(const struct dacc *a, const char *dom)
{
	size_t dn = strlen(dom);
	for (int i = 0; i < S_N; i++) {
		const char *h = a->s[i].host.v;
		if (!h)
			continue;
		size_t hn = strlen(h);
		if (hn >= dn && strcasecmp(h + hn - dn, dom) == 0 && (hn == dn || h[hn - dn - 1] == '.'))
			return true;
		const char *par = strchr(h, '.');
		if (par && strchr(par + 1, '.')) {
			size_t pn = strlen(par); /* ".so-net.jp" */
			if (dn > pn && strcasecmp(dom + dn - pn, par) == 0)
				return true;
		}
	}
	if (a->brand.v) {
		mp_buf f = {0};
		for (const char *b = a->brand.v; *b; b++)
			if (isalnum((unsigned char)*b))
				mp_buf_putc(&f, (char)tolower((unsigned char)*b));
		bool hit = false;
		if (f.len >= 3)
			for (const char *l = dom; l && *l && !hit; l = strchr(l, '.') ? strchr(l, '.') + 1 : NULL) {
				size_t ln = strcspn(l, ".");
				hit = ln == f.len && mp_strncasecmp(l, f.s, ln) == 0;
			}
		mp_buf_free(&f);
		return hit;
	}
	return false;
}

/* Does loc come after every server value of group g's blocks (of two
 * providers at least)? */
static bool after_blocks(const struct ex *x, int g, const mailprof_loc *loc)
{
	int last = 0, blocks = 0;
	for (size_t i = 0; i < x->nacc; i++) {
		const struct dacc *a = &x->acc[i];
		if (a->group != g)
			continue;
		blocks++;
		for (int k = 0; k < S_N; k++) {
			const struct dsrv *s = &a->s[k];
			if (s->host.v && s->host.loc.line > last)
				last = s->host.loc.line;
			if (s->port.set && s->port.loc.line > last)
				last = s->port.loc.line;
		}
		for (size_t j = 0; j < a->nalt; j++) {
			const struct dsrv *s = &a->alt[j].s;
			if (s->host.v && s->host.loc.line > last)
				last = s->host.loc.line;
			if (s->port.set && s->port.loc.line > last)
				last = s->port.loc.line;
		}
	}
	return blocks >= 2 && last > 0 && loc->line > last;
}

/* Several providers' blocks in one notice: the address (given once) goes
 * to every block; then only the blocks that serve its domain stay. With no
 * address, or none that matches, every block is an account of its own. */
void nr_group_pass(struct ex *x)
{
	for (size_t k = 0; k < x->nmx && x->ngroups; k++) {
		bool used = false;
		for (size_t i = 0; i < x->nacc && !used; i++)
			used = nr_mx_of(&x->mx[k], &x->acc[i]);
		if (!used) { /* the first port line no block takes */
			mp_diag(x->d, MAILPROF_INFO, "notice-unused", &x->mx[k].loc,
			        "add the ports to the provider's own block if they are its",
			        "%s name no one of the providers the notice lists; not used", "these ports");
			break;
		}
	}
	for (int g = 1; g <= x->ngroups; g++) {
		const struct dacc *who = NULL;
		bool several = false;
		for (size_t i = 0; i < x->nacc; i++)
			if (x->acc[i].group == g && x->acc[i].email.v) {
				several |= who && strcasecmp(who->email.v, x->acc[i].email.v) != 0;
				who = who ? who : &x->acc[i];
			}
		if (several)
			continue; /* addresses of their own: accounts as they stand */
		/* An address a sentence gives below the last provider's block (a
		 * story of mail sent to someone, a footer) was not given for the
		 * blocks: it neither picks one provider nor goes to each, nor is
		 * it the block's it fell in. One given for them comes before them,
		 * or in a block with its label ("Sender email: …"). */
		if (who && who->email_prose && after_blocks(x, g, &who->email.loc)) {
			for (size_t i = 0; i < x->nacc; i++)
				if (x->acc[i].group == g)
					mp_str_clear(&x->acc[i].email);
			continue;
		}
		size_t keep = 0;
		const char *dom = who ? strchr(who->email.v, '@') + 1 : NULL;
		for (size_t i = 0; i < x->nacc; i++) {
			struct dacc *a = &x->acc[i];
			if (a->group != g || a == who)
				continue;
			if (who) {
				copy_str(&a->email, &who->email);
				if (!a->name.v)
					copy_str(&a->name, &who->name);
				if (!a->pass.v)
					copy_str(&a->pass, &who->pass);
				if (!a->login.v && a->login_word == W_NONE) {
					copy_str(&a->login, &who->login);
					a->login_word = who->login_word;
					a->login_loc = who->login_loc;
				}
			}
		}
		for (size_t i = 0; i < x->nacc && dom; i++)
			if (x->acc[i].group == g)
				keep += block_serves(&x->acc[i], dom);
		const struct dacc *first = NULL;
		for (size_t i = 0; i < x->nacc; i++) {
			struct dacc *a = &x->acc[i];
			if (a->group != g)
				continue;
			if (!first)
				first = a;
			if (keep && !block_serves(a, dom)) {
				a->skip = true;
				mailprof_loc l = a->brand.v ? a->brand.loc : a->email.loc;
				mp_diag(x->d, MAILPROF_INFO, "notice-unused", &l, NULL,
				        "%s serve another address domain; not used", "the servers of this provider");
			}
		}
		if (dom && !keep && first) {
			mailprof_loc l = first->brand.v ? first->brand.loc : first->email.loc;
			mp_diag(x->d, MAILPROF_INFO, "notice-providers", &l,
			        "keep the account of your provider and delete the others",
			        "the notice lists several providers and %s; one account per provider",
			        "none of them matches the address domain");
		}
	}
}

/* Resolve a login word against the address. */
static void resolve_login(const struct dacc *a, mp_str *out)
{
	if (a->login.v) {
		copy_str(out, &a->login);
		return;
	}
	if (a->login_word == W_NONE || !a->email.v)
		return;
	const char *at = strchr(a->email.v, '@');
	if (a->login_word == W_EMAIL)
		mp_str_set(out, a->email.v, &a->login_loc);
	else
		mp_str_setn(out, a->email.v, (size_t)(at - a->email.v), &a->login_loc);
}

/* Is v one of the example person's values, an address whose local part
 * is one, or the local part of an example address ("Suppose your address
 * was joehill@…" / "Login: joehill") (prose.c's nr_example_person)? */
static bool example_value(const struct ex *x, const char *v)
{
	if (!v)
		return false;
	size_t vl = strcspn(v, "@");
	for (size_t i = 0; i < x->nexamples; i++) {
		size_t el = strcspn(x->examples[i], "@");
		if (strcasecmp(v, x->examples[i]) == 0 ||
		    (v[vl] && strlen(x->examples[i]) == vl && strncasecmp(v, x->examples[i], vl) == 0) ||
		    (!v[vl] && x->examples[i][el] && el == vl && strncasecmp(v, x->examples[i], vl) == 0))
			return true;
	}
	return false;
}

/* Is host h one the notice says to replace ("replace example.com with
 * your domain"), or in the domain its example person has ("we will
 * pretend … your domain name is 'example.com'": mail.example.com)? */
static bool placeholder_host(const struct ex *x, const char *h)
{
	if (!h)
		return false;
	size_t hl = strlen(h);
	for (size_t k = 0; k < x->nfill_in + x->nexamples; k++) {
		const char *e = k < x->nfill_in ? x->fill_in[k] : x->examples[k - x->nfill_in];
		size_t el = strlen(e);
		if (strcasecmp(h, e) == 0 ||
		    (!strchr(e, '@') && strchr(e, '.') && hl > el && h[hl - el - 1] == '.' && strcasecmp(h + hl - el, e) == 0))
			return true;
	}
	return false;
}

/* Alternatives named in one "or" list ("storm… or dsm…, port 993"):
 * what the notice states for one holds for the other. */
static void share1(struct dsrv *to, const struct dsrv *from)
{
	if (!to->port.set && from->port.set) {
		to->port = from->port;
		if (!to->sec.set)
			to->sec = from->sec;
	}
	if (!to->sec.set && from->sec.set)
		to->sec = from->sec;
	if (to->auth < 0 && from->auth >= 0)
		to->auth = from->auth, to->auth_loc = from->auth_loc;
	if (!to->nmauth && from->nmauth) {
		to->nmauth = from->nmauth;
		memcpy(to->mauth, from->mauth, sizeof to->mauth);
	}
	if (!to->user.v)
		copy_str(&to->user, &from->user);
	if (!to->pass.v)
		copy_str(&to->pass, &from->pass);
}

static void share(struct dsrv *p, struct dsrv *q)
{
	share1(p, q);
	share1(q, p);
}

/* "Port: 587 or 465" then "Use SSL: On", "POP: 110" then under "SSL Email
 * Setup" "POP: 995": of two ports of the server's protocol, neither
 * preferred by the page's words, SSL said for the server (not with the
 * port: "587 (SSL)" stays) names the one that is TLS from the first byte
 * (RFC 8314). Without any security said, two such ports of one statement
 * ("143 or 993", "(110/995)") name it too; given apart, the first stays. */
static void ssl_port(const struct ex *x, const struct dacc *a, struct dsrv *s, int i)
{
	const mp_int *said = s->sec.set ? &s->sec : i != S_SMTP && a->in_sec.set ? &a->in_sec : x->gen_sec.set ? &x->gen_sec : NULL;
	bool one_statement = !said && s->port.set && s->alt_port.set && !s->alt_sec.set &&
	                     s->port.loc.line == s->alt_port.loc.line;
	if ((!one_statement && (!said || said->v != MP_SEC_TLS)) || !s->port.set || !s->alt_port.set || s->pref != 0 || s->alt_pref != 0 ||
	    !mp_port_is_starttls(s->port.v) || !mp_port_is_implicit_tls(s->alt_port.v) ||
	    nr_port_ctx(s->port.v) != nr_port_ctx(s->alt_port.v) || nr_refused(x, s->alt_port.v) ||
	    (s->alt_sec.set && nr_sec_for_port(s->alt_sec.v, s->alt_port.v) != MP_SEC_TLS) ||
	    (said == &s->sec && said->loc.line == s->port.loc.line))
		return;
	s->port = s->alt_port;
}

/* "We recommend establishing the connection with STARTTLS" then per
 * protocol "Port: 143 / STARTTLS" and under "Alternative: SSL/TLS"
 * "Port: 993 / SSL/TLS": the page prefers STARTTLS for every server (a
 * sentence naming none), so of a server's ports, none preferred by its own
 * words, the one a security row gave STARTTLS is the setting; the most
 * secure wins only where the page prefers nothing (ssl_port's mirror). */
static void starttls_port(const struct ex *x, struct dsrv *s)
{
	if (!x->gen_sec.set || x->gen_sec.v != MP_SEC_STARTTLS || !x->gen_sec_pref || !s->port.set || !s->st_port.set || s->pref > 0 ||
	    !mp_port_is_implicit_tls(s->port.v) || nr_port_ctx(s->port.v) != nr_port_ctx(s->st_port.v) ||
	    nr_refused(x, s->st_port.v) || (s->sec.set && s->sec.v != MP_SEC_TLS))
		return;
	s->port = s->st_port;
	mp_int_set(&s->sec, MP_SEC_STARTTLS, &s->st_port.loc);
}

/* Is sending server s only the one the page says is the reader's own
 * provider's ("use your ISP's SMTP server"), nothing of it given: no
 * host, template or port? */
static bool isp_sending_only(const struct ex *x, const struct dsrv *s)
{
	return x->send_isp && !s->host.v && !s->host_tpl && !s->port.set;
}

/* Server s of protocol i of draft a becomes a server of account acc. */
static void build_server(struct ex *x, struct dacc *a, mp_account *acc, int i, struct dsrv *s)
{
	host_note(x, s);
	apply_matrix(x, a, s, i);
	/* "25 or 587" and elsewhere "Port 25 is blocked": the other one */
	if (s->port.set && s->alt_port.set && nr_refused(x, s->port.v) && !nr_refused(x, s->alt_port.v)) {
		s->port = s->alt_port;
		s->sec = s->alt_sec;
		if (!s->sec.set)
			s->sec.v = -1;
	}
	ssl_port(x, a, s, i);
	starttls_port(x, s);
	mp_server *sv = mp_server_add(acc, sproto[i]);
	sv->loc = s->host.v || s->host_tpl ? s->host.loc : s->port.set ? s->port.loc : x->send_loc;
	copy_str(&sv->host, &s->host);
	/* "※ポート番号は587をご利用ください": the submission port of a
	 * server given no port (before a bare TLS is decided by it) */
	bool port587 = i == S_SMTP && !s->port.set && x->note587;
	if (port587)
		mp_int_set(&s->port, x->note_port ? x->note_port : 587, &x->note587_loc);
	sv->port = s->port;
	if (!s->sec.set && i != S_SMTP && a->in_sec.set)
		s->sec = a->in_sec;
	/* "use your ISP's SMTP server" and nothing of it: the page's words on
	 * security are its own servers', not the provider's (a login stays:
	 * "SMTP-AUTH is required" beside "or your ISP's server" is the
	 * page's sending) */
	bool isp_only = i == S_SMTP && isp_sending_only(x, s);
	if (!s->sec.set && x->gen_sec.set)
		s->sec = x->gen_sec;
	if (s->sec.set && !isp_only) {
		int v = s->sec.v;
		if (v == SW_TLS_AMBIG)
			v = s->port.set ? nr_sec_for_port(v, s->port.v) : MP_SEC_TLS;
		/* "Port: 587, SSL", an "SSL" box ticked on 143: a word naming
		 * no mode, on a port that starts in clear text (the base's
		 * STARTTLS ports, and 2525, submission's common stand-in), can
		 * only be STARTTLS there (TLS from the first byte does not
		 * connect), as the other readers decide an SSL flag */
		if (v == MP_SEC_TLS && s->port.set && (mp_port_is_starttls(s->port.v) || s->port.v == 2525))
			v = MP_SEC_STARTTLS;
		mp_int_set(&sv->security, v, &s->sec.loc);
	}
	if (i == S_SMTP) {
		int au = s->auth;
		mailprof_loc al = s->auth_loc;
		/* "SMTPS | 465 | CRAM-MD5,PLAIN": the row's methods, in order */
		if (au < 0 && s->nmauth) {
			for (int m = 0; m < s->nmauth; m++)
				mp_server_add_auth(sv, (mp_auth)s->mauth[m]);
			au = s->mauth[0], al = sv->loc;
		}
		/* a sentence of the sending section names one; over a bare yes
		 * too ("SMTP uses OAuth2", "Authentication is always required") */
		if ((au < 0 || (au == MP_AUTH_PASSWORD_CLEARTEXT && !s->nmauth)) && s->said_method >= 0)
			au = s->said_method, al = sv->loc;
		/* (not a server offered beside one whose label says it is the
		 * one that logs in: "SMTP server" beside "SMTP AUTH server") */
		bool other_way = false;
		for (size_t j = 0; j < a->nalt; j++)
			other_way |= a->alt[j].srv == S_SMTP && &a->alt[j].s != s && a->alt[j].s.access && a->alt[j].s.auth >= 0;
		other_way |= s != &a->s[S_SMTP] && a->s[S_SMTP].access && a->s[S_SMTP].auth >= 0;
		/* (nor one named after a clause turning the login off) */
		if (x->auth_off_line && s->host.v && s->host.loc.line > x->auth_off_line)
			other_way = true;
		if (au < 0 && x->auth_hint && !other_way)
			au = MP_AUTH_PASSWORD_CLEARTEXT, al = x->auth_hint_loc;
		if (au < 0 && (s->user.v || s->pass.v)) /* SMTP's own credentials: it logs in */
			au = MP_AUTH_PASSWORD_CLEARTEXT, al = s->user.v ? s->user.loc : s->pass.loc;
		/* a notice offering sending only ("ユーザ名に apikey と設定",
		 * a relay's API key): the credentials it gives are SMTP's */
		if (au < 0 && a->login.v && !nr_offered(x, a, S_IMAP) && !nr_offered(x, a, S_POP))
			au = MP_AUTH_PASSWORD_CLEARTEXT, al = a->login.loc;
		if (au < 0 && x->pbs_hint)
			au = MP_AUTH_SMTP_AFTER_POP, al = x->pbs_loc;
		if (au == MP_AUTH_PASSWORD_CLEARTEXT && a->method == MP_AUTH_PASSWORD_ENCRYPTED)
			au = MP_AUTH_PASSWORD_ENCRYPTED;
		/* "check your mail within 30 minutes before sending; alternatively
		 * use SMTP authentication": both ways of sending offered, in the
		 * order the page tells them */
		bool pbs_too = au == MP_AUTH_PASSWORD_CLEARTEXT && x->pbs_hint && x->pbs_sentence && !x->pbs_ended &&
		               !isp_only;
		bool pbs_first = pbs_too && (x->pbs_loc.line < al.line ||
		                             (x->pbs_loc.line == al.line && x->pbs_loc.column < al.column));
		if (pbs_first)
			mp_server_add_auth(sv, MP_AUTH_SMTP_AFTER_POP);
		if (au >= 0) {
			mp_server_add_auth(sv, (mp_auth)au);
			sv->auth_loc = pbs_first ? x->pbs_loc : al;
		}
		if (pbs_too && !pbs_first)
			mp_server_add_auth(sv, MP_AUTH_SMTP_AFTER_POP);
		bool pw = au == MP_AUTH_PASSWORD_CLEARTEXT || au == MP_AUTH_PASSWORD_ENCRYPTED;
		if (s->user.v)
			copy_str(&sv->username, &s->user);
		else if (pw || au == MP_AUTH_OAUTH2) /* a token is asked for an account too */
			resolve_login(a, &sv->username);
		if (s->pass.v)
			copy_str(&sv->password, &s->pass);
		else if (pw)
			copy_str(&sv->password, &a->pass);
	} else {
		for (int m = 0; m < s->nmauth; m++) {
			mp_server_add_auth(sv, (mp_auth)s->mauth[m]);
			sv->auth_loc = sv->loc;
		}
		if (!s->nmauth && s->own_method >= 0) {
			mp_server_add_auth(sv, (mp_auth)s->own_method);
			sv->auth_loc = sv->loc;
		} else if (!s->nmauth && (a->in_method >= 0 || a->method == MP_AUTH_PASSWORD_ENCRYPTED)) {
			mp_server_add_auth(sv, a->in_method >= 0 ? (mp_auth)a->in_method : MP_AUTH_PASSWORD_ENCRYPTED);
			sv->auth_loc = sv->loc;
		} else if (!s->nmauth && s->said_method >= 0) { /* a sentence's, when no row states one */
			mp_server_add_auth(sv, (mp_auth)s->said_method);
			sv->auth_loc = sv->loc;
		}
		if (s->user.v)
			copy_str(&sv->username, &s->user);
		else
			resolve_login(a, &sv->username);
		copy_str(&sv->password, s->pass.v ? &s->pass : &a->pass);
	}
}

void nr_build(struct ex *x, mailprof_profile *p, struct dacc *a, const struct dacc *prev)
{
	/* the example person's account: its own values are examples (the
	 * addresses stay reported as unused) */
	if (example_value(x, a->email.v) || example_value(x, a->login.v) || example_value(x, a->pass.v)) {
		/* a block of the example's values only, the servers borrowed
		 * from another block ("For instance, a student would enter:" /
		 * "- Email address: …"): no account of its own */
		if (prev)
			return;
		mp_str_clear(&a->email);
		mp_str_clear(&a->name);
		mp_str_clear(&a->login);
		mp_str_clear(&a->pass);
		/* (an example of SMTP's own login still says that it logs in) */
		struct dsrv *sm = &a->s[S_SMTP];
		if (sm->auth < 0 && (sm->user.v || sm->pass.v)) {
			sm->auth = MP_AUTH_PASSWORD_CLEARTEXT;
			sm->auth_loc = sm->user.v ? sm->user.loc : sm->pass.loc;
		}
		for (int i = 0; i < S_N; i++) {
			mp_str_clear(&a->s[i].user);
			mp_str_clear(&a->s[i].pass);
		}
	}
	/* An account block without servers shares the previous block's. */
	bool any = false;
	for (int i = 0; i < S_N; i++)
		any |= srv_any(&a->s[i]);
	if (!any && !a->any_host.v && prev) {
		for (int i = 0; i < S_N; i++) {
			copy_str(&a->s[i].host, &prev->s[i].host);
			a->s[i].port = prev->s[i].port;
			a->s[i].sec = prev->s[i].sec;
			a->s[i].auth = prev->s[i].auth;
			a->s[i].auth_loc = prev->s[i].auth_loc;
			a->s[i].host_note = prev->s[i].host_note;
		}
		if (!a->login.v && a->login_word == W_NONE && !prev->login.v)
			a->login_word = prev->login_word;
		if (a->in_pref < 0)
			a->in_pref = prev->in_pref;
		if (a->method < 0)
			a->method = prev->method;
	}
	apply_rules(x, a);
	const char *dom = a->email.v ? strchr(a->email.v, '@') : NULL;
	for (int i = 0; i < S_N; i++) {
		struct dsrv *s = &a->s[i];
		if (!s->host.v && s->host_tpl && dom) {
			char *h = mp_xasprintf("%s%s", s->host_tpl, dom + 1);
			mp_str_set(&s->host, h, &s->host.loc);
			free(h);
		}
	}
	/* One host for everything ("メールサーバー名"). */
	if (a->any_host.v) {
		int in = a->s[S_IMAP].host.v ? S_IMAP
		         : a->in_pref >= 0 ? a->in_pref
		         /* "imap.example.org" for every server: IMAP, not a guess */
		         : mp_strncasecmp(a->any_host.v, "imap", 4) == 0 && !nr_offered(x, a, S_POP) ? S_IMAP
		         : nr_offered(x, a, S_IMAP) && !nr_offered(x, a, S_POP) ? S_IMAP : S_POP;
		/* Ports named for IMAP and for POP ("IMAP 993 / POP3 995"): the
		 * one server offers both; an incoming server offered without a
		 * host of its own gets it too. */
		bool none_in = !a->s[S_IMAP].host.v && !a->s[S_POP].host.v;
		/* "Server: mail-relay.… / Port: 587 (STARTTLS), 465 (SSL)": a
		 * host for no server with only sending's ports, nothing incoming
		 * offered, is a relay: no incoming server is made up for it */
		bool relay = !a->any_named && a->s[S_SMTP].port.set && a->in_pref < 0 && !nr_offered(x, a, S_IMAP) &&
		             !nr_offered(x, a, S_POP);
		for (int i = S_IMAP; i <= S_POP && !relay; i++)
			if (!a->s[i].host.v && ((none_in && i == in) || nr_offered(x, a, i)))
				copy_str(&a->s[i].host, &a->any_host);
		/* (not a sending server said to be the reader's provider's: "our
		 * server mx.…" / "outgoing mail goes through your ISP's server") */
		if (!a->s[S_SMTP].host.v && !isp_sending_only(x, &a->s[S_SMTP]))
			copy_str(&a->s[S_SMTP].host, &a->any_host);
	}
	/* "受信 / サーバ名: host / IMAP4 利用可(SSL 必須:993 番ポート)": a host
	 * labelled only "incoming" took the default protocol; when the lines
	 * below name only the other one, the host is that server's */
	for (int i = S_IMAP; i <= S_POP; i++) {
		int o = i == S_IMAP ? S_POP : S_IMAP;
		struct dsrv *si = &a->s[i], *so = &a->s[o];
		if (si->host.v && si->host_in && !si->port.set && !si->sec.set && !si->user.v && !si->pass.v &&
		    a->in_pref != i && !a->group && !mx_names(x, a, i, false) && !so->host.v && !so->host_tpl && nr_offered(x, a, o)) {
			so->host = si->host, so->host_in = true, so->host_note = si->host_note;
			memset(&si->host, 0, sizeof si->host);
			si->host_in = false;
		}
	}
	/* "Incoming / Server name: mail.example.net / Ports: 993 (IMAP) and
	 * 995 (POP3)": a host labelled only "incoming" serves every incoming
	 * server the notice offers without a host of its own */
	for (int i = S_IMAP; i <= S_POP; i++) {
		int o = i == S_IMAP ? S_POP : S_IMAP;
		if (a->s[i].host.v && a->s[i].host_in && !a->s[o].host.v && !a->s[o].host_tpl && nr_offered(x, a, o))
			copy_str(&a->s[o].host, &a->s[i].host);
	}
	/* "Incoming mail server: mail.… / Security: SSL / Ports: 993 (IMAP),
	 * 995 (POP3)", "mail.… [SSL] - port 993 (imap), port 995 (pop3)": a
	 * security said for the host labelled only "incoming" (not with a
	 * port of its own) is also that of the other incoming server on it
	 * that states none, where its port can carry it */
	for (int i = S_IMAP; i <= S_POP; i++) {
		int o = i == S_IMAP ? S_POP : S_IMAP;
		struct dsrv *si = &a->s[i], *so = &a->s[o];
		if ((si->host_in || so->host_in) && si->host.v && si->sec.set && so->host.v && !strcmp(so->host.v, si->host.v) &&
		    !so->sec.set && so->port.set &&
		    (!si->port.set || si->port.loc.line != si->sec.loc.line || si->host.loc.line == si->sec.loc.line) &&
		    (si->sec.v == SW_TLS_AMBIG || port_takes(so->port.v, si->sec.v)))
			so->sec = si->sec;
	}
	/* "Server type: IMAP or POP" under one incoming host: both on it */
	for (int i = S_IMAP; i <= S_POP && a->in_both; i++)
		if (!a->s[i].host.v && !a->s[i].host_tpl && a->s[i == S_IMAP ? S_POP : S_IMAP].host.v)
			copy_str(&a->s[i].host, &a->s[i == S_IMAP ? S_POP : S_IMAP].host);
	/* "Outgoing server: the same as the incoming server": its host */
	for (int i = 0; i < S_N; i++) {
		enum mp_nctx c = a->s[i].host_same;
		const mp_str *from = c == NC_IN ? (a->s[S_IMAP].host.v ? &a->s[S_IMAP].host : &a->s[S_POP].host)
		                     : c != NC_NONE ? &a->s[nr_srv_of(c)].host : NULL;
		if (from && !a->s[i].host.v && !a->s[i].host_tpl) {
			copy_str(&a->s[i].host, from->v ? from : &a->any_host);
		}
	}
	/* a host the notice says to replace, or one in the domain its example
	 * person has, is a placeholder: the server stays, without a host (the
	 * host is reported as not used); also one given for every server
	 * ("Incoming / Outgoing mail server: mail.example.com") */
	for (int i = 0; i < S_N; i++)
		if (placeholder_host(x, a->s[i].host.v)) {
			mp_str_clear(&a->s[i].host);
			a->s[i].host_held = true;
		}
	for (size_t j = 0; j < a->nalt; j++)
		if (placeholder_host(x, a->alt[j].s.host.v))
			mp_str_clear(&a->alt[j].s.host);
	bool has_server = false;
	for (int i = 0; i < S_N; i++)
		has_server |= nr_offered(x, a, i);
	if (!a->email.v && !has_server)
		return;
	/* No address row, but the login is a full address: that is the address. */
	if (!a->email.v && a->login.v && nr_valid_email(a->login.v, strlen(a->login.v)))
		copy_str(&a->email, &a->login);
	mp_account *acc = mp_account_add(p);
	acc->loc = a->email.v ? a->email.loc : a->login.v ? a->login.loc : a->brand.loc;
	copy_str(&acc->email, &a->email);
	copy_str(&acc->display_name, &a->name);
	if (a->group)
		copy_str(&acc->provider_name, &a->brand);
	static const int order[] = {S_IMAP, S_POP, S_SMTP};
	for (size_t k = 0; k < MP_COUNT(order); k++) {
		int i = order[k];
		if (!nr_offered(x, a, i))
			continue;
		/* the alternatives offered before the last server, in page order */
		for (size_t j = 0; j < a->nalt; j++)
			if (a->alt[j].srv == i) {
				if (a->alt[j].shares)
					share(&a->alt[j].s, &a->s[i]);
				build_server(x, a, acc, i, &a->alt[j].s);
			}
		build_server(x, a, acc, i, &a->s[i]);
	}
}
