/* Extraction without a template (docs/notice-reader.md, steps 3-7): split
 * each normalised line into label and value, classify the label with the
 * dictionary, keep a heading context (受信/送信, POP/IMAP/SMTP, web mail),
 * fill per-account drafts, then resolve word values and build accounts.
 * Every value keeps the line and column it was read from. */
#include <stdarg.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "notice.h"

enum { S_IMAP, S_POP, S_SMTP, S_N };
static const mp_protocol sproto[S_N] = {MP_PROTO_IMAP, MP_PROTO_POP3, MP_PROTO_SMTP};

enum word { W_NONE, W_EMAIL, W_LOCAL };
enum secw { SW_NONE = -1 }; /* else mp_security; SW_TLS_AMBIG below */
#define SW_TLS_AMBIG 100    /* bare "TLS": STARTTLS or implicit TLS, decided by port */

struct dsrv {
	mp_str host;
	char *host_tpl; /* "mail." of "mail.お客様ドメイン名": completed with the address domain */
	mp_int port, sec;
	int auth; /* -1 unset, else mp_auth */
	mailprof_loc auth_loc;
	mp_str user, pass;
	int host_note; /* "pop.example.jp ※1": footnote 1 may name the SSL host */
};

struct dacc {
	mp_str email, name, login, pass, any_host;
	enum word login_word;
	mailprof_loc login_loc;
	struct dsrv s[S_N];
	int in_pref; /* -1, S_IMAP or S_POP */
	int method;  /* -1, or MP_AUTH_PASSWORD_CLEARTEXT / _ENCRYPTED */
	mp_str brand; /* the plain heading above the block's first host */
	int group;    /* >0: one of several providers' blocks in one notice */
	bool skip;    /* a provider block for other addresses */
};

struct mentry {
	int srv;
	int port;
	int sec; /* -1 unknown */
	mailprof_loc loc;
};

/* "@ji.example.jp のお客様は pop02.example.jp": servers for one address domain. */
struct drule {
	char *domain;
	int srv;
	mp_str host;
	mp_int port, sec;
};

struct ex {
	const char *path;
	mailprof_diags *d;
	struct dacc *acc;
	size_t nacc;
	enum mp_nctx ctx;
	int cur; /* server index last touched, -1 none */
	struct mentry *mx; /* grows */
	size_t nmx;
	enum mp_nfield pending;
	enum mp_nctx pending_dir;
	bool auth_hint, note587, pbs_hint;
	mailprof_loc auth_hint_loc, note587_loc, pbs_loc;
	bool both_in; /* the host label names POP and IMAP: one host for both */
	mp_str prose_email;
	enum mp_nfield *cols; /* a table whose header row names the columns */
	size_t ncols;
	/* a table aligned with spaces: header cells' columns and fields */
	int *scol;
	enum mp_nfield *sfield;
	size_t nscol;
	struct drule *rules; /* grows */
	size_t nrules;
	/* cells of the line being split (table cells, space-aligned cells):
	 * as many as the line holds, no fixed bound */
	size_t *cb, *ce;
	enum mp_nfield *cf;
	size_t ccap;
	const mp_nline *now; /* the line being read */
	mp_str brand;        /* the last plain heading ("PLANET", "Kiwi Internet") */
	bool brand_seen;     /* a plain heading since a host was last set */
	int ngroups;
	char *rule_cont; /* domain of a rule sentence that goes on to the next line */
	enum word prose_login; /* "Log in with your full e-mail address" */
	mailprof_loc prose_login_loc;
	/* footnotes "※1 …" by number, read before the rows; a mark is one
	 * digit (read_notes, parse_port), so 10 slots hold every one */
	char *notes[10];
	const mp_nline *note_line[10];
	size_t note_off[10]; /* where notes[N] starts in note_line[N] */ /* "Your email address is …" in a sentence */
};

/* Room for need cells in x->cb/ce/cf (the line's cells; no fixed bound). */
static void cells_room(struct ex *x, size_t need)
{
	if (need <= x->ccap)
		return;
	size_t cap = x->ccap ? x->ccap : 16;
	while (cap < need)
		cap *= 2;
	x->cb = mp_xrealloc(x->cb, cap * sizeof *x->cb);
	x->ce = mp_xrealloc(x->ce, cap * sizeof *x->ce);
	x->cf = mp_xrealloc(x->cf, cap * sizeof *x->cf);
	x->ccap = cap;
}

static struct dacc *new_acc(struct ex *x)
{
	x->acc = mp_xgrow(x->acc, x->nacc, sizeof *x->acc);
	struct dacc *a = &x->acc[x->nacc++];
	memset(a, 0, sizeof *a);
	a->in_pref = -1;
	a->method = -1;
	for (int i = 0; i < S_N; i++) {
		a->s[i].auth = -1;
		a->s[i].sec.v = -1;
	}
	x->cur = -1;
	return a;
}

static struct dacc *cur_acc(struct ex *x)
{
	return x->nacc ? &x->acc[x->nacc - 1] : new_acc(x);
}

static mailprof_loc loc_at(const struct ex *x, const mp_nline *l, size_t off)
{
	mailprof_loc r = {x->path, l->line, mp_nline_col(l, off)};
	return r;
}

MP_PRINTF(5, 6)
static void info(struct ex *x, const mp_nline *l, size_t off, const char *fix, const char *msg, ...)
{
	mailprof_loc loc = loc_at(x, l, off);
	va_list ap;
	va_start(ap, msg);
	mp_vdiag(x->d, MAILPROF_INFO, "notice-unused", NULL, &loc, fix, msg, ap);
	va_end(ap);
}

/* ---- small text helpers ---- */

static bool has(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (mp_strncasecmp(s + i, w, k) == 0)
			return true;
	return false;
}

static bool is_ascii_tok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || (unsigned char)s[i] <= 0x20)
			return false;
	return n > 0;
}

/* Starts with a UTF-8 sequence from the list? Returns its length. */
static size_t starts_any(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++) {
		size_t k = strlen(*list);
		if (k <= n && memcmp(s, *list, k) == 0)
			return k;
	}
	return 0;
}

static const char *const bullets[] = {"●", "○", "■", "□", "◆", "◇", "▼", "▽", "▲", "△", "▶", "►",
                                      "★", "☆", "・", "◎", "•", "‣", "◉", "※", "*", "-", ">", "#",
                                      "+", NULL};
static const char *const heading_marks[] = {"■", "□", "◆", "◇", "▼", "▽", "【", "[", NULL};

/* The first token of a value: up to white space, a note or a comment. */
static size_t token_len(const char *s, size_t n)
{
	static const char *const stops[] = {"(", "※", "「", "」", "、", "。", "<", ">", ";", ",", "|",
	                                    "・・", "…", NULL};
	size_t i = 0;
	while (i < n && s[i] != ' ') {
		if (starts_any(s + i, n - i, stops))
			break;
		i++;
	}
	return i;
}

static bool valid_email(const char *s, size_t n)
{
	if (!is_ascii_tok(s, n))
		return false;
	const char *at = memchr(s, '@', n);
	if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at + 1 - s)))
		return false;
	const char *dom = at + 1;
	size_t dn = n - (size_t)(dom - s);
	if (dn < 3 || !memchr(dom, '.', dn) || dom[0] == '.' || dom[dn - 1] == '.')
		return false;
	for (size_t i = 0; i < dn; i++)
		if (!isalnum((unsigned char)dom[i]) && dom[i] != '.' && dom[i] != '-')
			return false;
	return true;
}

static bool valid_host(const char *s, size_t n)
{
	if (n < 3 || !memchr(s, '.', n) || s[0] == '.' || s[n - 1] == '.')
		return false;
	if (mp_strncasecmp(s, "http", 4) == 0 || mp_strncasecmp(s, "webmail", 7) == 0 ||
	    mp_strncasecmp(s, "www.", 4) == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_')
			return false;
	return true;
}

/* Parse a port cell: "995", "995※1", "110(SSL有の場合:995)", "993(SSL)",
 * "465 ※3 / 587 ※4", "port 587". *sec gets what the cell says, or -1. */
static bool parse_port(const char *s, size_t n, int *port, int *sec, size_t *at, int *mark)
{
	*mark = 0;
	int first = -1, alt = -1;
	size_t first_at = 0, alt_at = 0, i = 0;
	bool alt_ssl = false;
	*sec = -1;
	for (; i < n && first < 0; i++) {
		if (starts_any(s + i, n - i, (const char *const[]){"※", "*", NULL})) {
			/* skip the footnote number glued to the mark */
			i += (unsigned char)s[i] == '*' ? 0 : 2;
			while (i + 1 < n && isdigit((unsigned char)s[i + 1]))
				i++;
			continue;
		}
		if (isdigit((unsigned char)s[i])) {
			long v = 0;
			first_at = i;
			while (i < n && isdigit((unsigned char)s[i]) && v < 100000)
				v = v * 10 + (s[i++] - '0');
			first = (int)v;
			/* A footnote mark glued or next to the number: "995※1". */
			size_t k = i;
			while (k < n && s[k] == ' ')
				k++;
			if (k + 3 < n && memcmp(s + k, "※", 3) == 0 && isdigit((unsigned char)s[k + 3]))
				*mark = s[k + 3] - '0';
			break;
		}
	}
	/* 0 and numbers past 65535 are phone numbers or times, not ports. */
	if (first <= 0 || first > 65535)
		return false;
	/* An alternative in parentheses "(SSL…:995)" wins: the notice offers
	 * the encrypted port as the better choice. */
	const char *paren = NULL;
	for (size_t k = i; k < n; k++)
		if (s[k] == '(') {
			paren = s + k;
			break;
		}
	if (paren) {
		size_t pn = n - (size_t)(paren - s);
		const char *close = memchr(paren, ')', pn);
		size_t cn = close ? (size_t)(close - paren) : pn;
		if (has(paren, cn, "ssl") || has(paren, cn, "tls")) {
			alt_ssl = true;
			for (size_t k = 0; k < cn; k++)
				if (isdigit((unsigned char)paren[k]) && (k == 0 || !isalpha((unsigned char)paren[k - 1]))) {
					long v = 0;
					alt_at = (size_t)(paren - s) + k;
					while (k < cn && isdigit((unsigned char)paren[k]))
						v = v * 10 + (paren[k++] - '0');
					alt = (int)v;
					break;
				}
		}
	}
	if (alt > 0) {
		*port = alt;
		*sec = MP_SEC_TLS;
		*at = alt_at;
	} else {
		*port = first;
		*at = first_at;
		size_t rest = i;
		size_t end = rest;
		while (end < n && s[end] != '/')
			end++;
		if (has(s + rest, end - rest, "starttls"))
			*sec = MP_SEC_STARTTLS;
		else if (alt_ssl || has(s + rest, end - rest, "(ssl") || has(s + rest, end - rest, "ssl)") ||
		         has(s + rest, end - rest, "(tls"))
			*sec = MP_SEC_TLS;
		else if (!has(s + rest, n - rest, "場合") && !has(s + rest, n - rest, " or ") &&
		         !has(s + rest, n - rest, "非対応") && !has(s + rest, n - rest, "not "))
			/* a remarks column: "465    SSL" */
			*sec = has(s + rest, n - rest, "ssl") || has(s + rest, n - rest, "tls") ? MP_SEC_TLS : -1;
	}
	return true;
}

/* Security words in a cell; -1 when none or when it is an instruction. */
static int parse_security(const char *s, size_t n)
{
	if (has(s, n, "非対応") || has(s, n, "not supported") || has(s, n, "場合") || has(s, n, "もしくは") || has(s, n, " or ") || has(s, n, "または"))
		return -2; /* a choice or a condition, not a setting */
	if (has(s, n, "starttls") || has(s, n, "stls"))
		return MP_SEC_STARTTLS;
	if (has(s, n, "ssl"))
		return MP_SEC_TLS;
	if (has(s, n, "tls"))
		return SW_TLS_AMBIG;
	if (has(s, n, "なし") || has(s, n, "無") || has(s, n, "none") || has(s, n, "しない") ||
	    has(s, n, "不要") || (n == 2 && mp_strncasecmp(s, "no", 2) == 0) || has(s, n, "off"))
		return MP_SEC_NONE;
	return -1;
}

static int parse_yesno_auth(const char *s, size_t n)
{
	if (has(s, n, "before smtp") || has(s, n, "beforesmtp"))
		if (!(has(s, n, "する") || has(s, n, "required") || has(s, n, "必要")))
			return MP_AUTH_SMTP_AFTER_POP;
	if (has(s, n, "不要") || has(s, n, "しない") || has(s, n, "なし") || has(s, n, "無") ||
	    has(s, n, "not required") || has(s, n, "none") || (n >= 2 && mp_strncasecmp(s, "no", 2) == 0 && (n == 2 || s[2] == ' ')) ||
	    (n == 3 && mp_strncasecmp(s, "off", 3) == 0))
		return MP_AUTH_NONE;
	if (has(s, n, "有") || has(s, n, "あり") || has(s, n, "必要") || has(s, n, "する") ||
	    has(s, n, "require") || has(s, n, "yes") || has(s, n, "チェック") || has(s, n, "enable") ||
	    (n == 2 && mp_strncasecmp(s, "on", 2) == 0) || has(s, n, "same user"))
		return MP_AUTH_PASSWORD_CLEARTEXT;
	return -1;
}

/* "same as your e-mail address", "メールアドレスと同じ", "before the @". */
static enum word parse_word(const char *s, size_t n)
{
	if (has(s, n, "before the @") || has(s, n, "before @") || has(s, n, "より前") ||
	    has(s, n, "の部分") || has(s, n, "前の部分") || has(s, n, "left of the @") ||
	    has(s, n, "local part"))
		return W_LOCAL;
	if (has(s, n, "same as") || has(s, n, "as above") || has(s, n, "と同じ") ||
	    has(s, n, "メールアドレス") || has(s, n, "your e-mail") || has(s, n, "your email") ||
	    has(s, n, "full email") || has(s, n, "full e-mail"))
		return memchr(s, '@', n) && !has(s, n, "before") ? W_NONE : W_EMAIL;
	return W_NONE;
}

/* ---- server choice ---- */

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

static int server_for(struct ex *x, enum mp_nctx dir, const char *host, size_t n)
{
	struct dacc *a = cur_acc(x);
	switch (dir) {
	case NC_IMAP: return S_IMAP;
	case NC_POP: return S_POP;
	case NC_SMTP: return S_SMTP;
	case NC_IN:
		if (!host && (x->cur == S_IMAP || x->cur == S_POP))
			return x->cur;
		return in_guess(a, host, n);
	default: return x->cur;
	}
}

/* Direction of a label: its own words first, then the dictionary's, then
 * the heading context. */
static enum mp_nctx label_dir(struct ex *x, const char *label, size_t ln, enum mp_nctx entry)
{
	enum mp_nctx w = mp_notice_words_ctx(label, ln);
	if (w == NC_WEB)
		w = NC_NONE;
	if (w != NC_NONE && !(entry == NC_SMTP && w != NC_SMTP && w != NC_NONE && entry != NC_NONE &&
	                      0))
		if (!(entry == NC_SMTP && (w == NC_IN || w == NC_POP || w == NC_IMAP) &&
		      !has(label, ln, "受信") && !has(label, ln, "incoming")))
			return w;
	if (entry != NC_NONE && entry != NC_ANY)
		return entry;
	if (entry == NC_ANY && x->ctx == NC_NONE)
		return NC_ANY;
	return x->ctx == NC_WEB ? NC_NONE : x->ctx;
}

/* ---- field handlers: s/n is the value, off its offset in the line ---- */

static size_t skip_sp(const char *s, size_t i, size_t n);

/* What footnote N says about security: "暗号化(POP over SSL/TLS)" is
 * implicit TLS; anything else (or no note) says nothing. */
static int note_sec(const struct ex *x, int mark)
{
	const char *t = mark > 0 && mark < 10 ? x->notes[mark] : NULL;
	if (!t)
		return -1;
	size_t n = strlen(t);
	if (has(t, n, "over ssl") || has(t, n, "ssl/tls") || has(t, n, "(ssl)") || has(t, n, "smtps") ||
	    has(t, n, "pop3s") || has(t, n, "imaps"))
		return MP_SEC_TLS;
	return -1;
}

/* Footnote lines: "※1 text  ※4 text". */
static void read_notes(struct ex *x, const mp_ntext *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *s = t->lines[i].s;
		size_t n = t->lines[i].len, b = skip_sp(s, 0, n);
		if (!(b + 4 <= n && memcmp(s + b, "※", 3) == 0 && isdigit((unsigned char)s[b + 3])))
			continue;
		for (size_t k = b; k + 4 <= n;) {
			if (memcmp(s + k, "※", 3) != 0 || !isdigit((unsigned char)s[k + 3])) {
				k++;
				continue;
			}
			int m = s[k + 3] - '0';
			size_t e = k + 4;
			while (e + 3 <= n && !(memcmp(s + e, "※", 3) == 0))
				e++;
			if (e + 3 > n)
				e = n;
			if (m > 0 && !x->notes[m]) {
				x->notes[m] = mp_xstrndup(s + k + 4, e - k - 4);
				x->note_line[m] = &t->lines[i];
				x->note_off[m] = k + 4;
			}
			k = e;
		}
	}
}

/* Server i of draft a gets a host. A different host for a server that has
 * one, after a plain heading ("PLANET" … "Kiwi Internet"), starts the next
 * provider's block: a draft in the same group (resolved in group_pass()). */
static struct dacc *host_block(struct ex *x, struct dacc *a, int i, const char *h, size_t hn)
{
	if (x->brand_seen && i >= 0 && a->s[i].host.v &&
	    !(strlen(a->s[i].host.v) == hn && mp_strncasecmp(a->s[i].host.v, h, hn) == 0)) {
		int g = a->group ? a->group : ++x->ngroups;
		a->group = g;
		a = new_acc(x);
		a->group = g;
		x->cur = i;
	}
	if (!a->brand.v && x->brand.v)
		mp_str_set(&a->brand, x->brand.v, &x->brand.loc);
	x->brand_seen = false;
	return a;
}

static void set_host(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                     enum mp_nctx dir)
{
	struct dacc *a = cur_acc(x);
	size_t t = token_len(s, n);
	mailprof_loc loc = loc_at(x, l, off);
	const char *colon = memchr(s, ':', t);
	size_t hn = colon ? (size_t)(colon - s) : t;
	if (!valid_host(s, hn)) {
		/* "mail.お客様ドメイン名": a host template completed later from the address. */
		size_t k = 0;
		while (k < t && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '.'))
			k++;
		if (k > 1 && s[k - 1] == '.' && (has(s, n, "ドメイン") || has(s, n, "domain"))) {
			int i = server_for(x, dir == NC_ANY || dir == NC_NONE ? NC_IN : dir, s, k);
			if (i < 0)
				i = S_POP;
			free(a->s[i].host_tpl);
			a->s[i].host_tpl = mp_xstrndup(s, k);
			a->s[i].host.loc = loc;
			x->cur = i;
			return;
		}
		if (mp_strncasecmp(s, "http", 4) != 0)
			info(x, l, off, "write the host name, e.g. mail.example.jp", "%s is not a host name; not used",
			     "the server value");
		return;
	}
	if (dir == NC_ANY || dir == NC_NONE) {
		if (x->cur >= 0 && dir == NC_NONE) {
			a = host_block(x, a, x->cur, s, hn);
			mp_str_setn(&a->s[x->cur].host, s, hn, &loc);
		} else {
			a = host_block(x, a, -1, s, hn);
			mp_str_setn(&a->any_host, s, hn, &loc);
			return;
		}
	} else {
		int i = server_for(x, dir, s, hn);
		a = host_block(x, a, i, s, hn);
		if (dir == NC_IN && x->both_in) {
			mp_str_setn(&a->s[S_IMAP].host, s, hn, &loc);
			i = S_POP;
		}
		mp_str_setn(&a->s[i].host, s, hn, &loc);
		x->cur = i;
	}
	int i = x->cur;
	size_t mk = skip_sp(s, t, n);
	if (mk + 4 <= n && memcmp(s + mk, "※", 3) == 0 && isdigit((unsigned char)s[mk + 3]))
		a->s[i].host_note = s[mk + 3] - '0';
	if (colon) { /* host:port */
		int port = atoi(colon + 1);
		if (port > 0) {
			mailprof_loc pl = loc_at(x, l, off + hn + 1);
			mp_int_set(&a->s[i].port, port, &pl);
		}
	}
	/* Port on the same line: "pop.example.jp ポート番号 110". */
	for (size_t k = t; k < n; k++) {
		if (starts_any(s + k, n - k, (const char *const[]){"ポート", "port", "Port", NULL})) {
			int port, sec, mark;
			size_t at;
			if (parse_port(s + k, n - k, &port, &sec, &at, &mark)) {
				if (sec < 0)
					sec = note_sec(x, mark);
				mailprof_loc pl = loc_at(x, l, off + k + at);
				mp_int_set(&a->s[i].port, port, &pl);
				if (sec >= 0)
					mp_int_set(&a->s[i].sec, sec, &pl);
			}
			break;
		}
	}
}

static void set_port(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                     enum mp_nctx dir)
{
	int port, sec, mark;
	size_t at;
	if (!parse_port(s, n, &port, &sec, &at, &mark)) {
		info(x, l, off, "write the port as a number", "%s has no port number; not used", "port row");
		return;
	}
	/* "995（POP3）／993（IMAP）", "受信：110　送信：587": ports named by
	 * protocol or direction inside one cell. */
	if (dir == NC_IN || dir == NC_NONE) {
		static const struct {
			const char *w;
			enum mp_nctx c;
		} words[] = {{"受信", NC_IN},   {"送信", NC_SMTP},    {"incoming", NC_IN}, {"outgoing", NC_SMTP},
		             {"imap", NC_IMAP}, {"pop", NC_POP},      {"smtp", NC_SMTP}};
		bool any = false;
		struct dacc *a = cur_acc(x);
		for (size_t k = 0; k < n; k++) {
			enum mp_nctx c = NC_NONE;
			size_t j = k;
			if (isdigit((unsigned char)s[k]) && (k == 0 || !isalnum((unsigned char)s[k - 1]))) {
				/* number first: "995(POP3)" */
				size_t e = k;
				while (e < n && isdigit((unsigned char)s[e]))
					e++;
				e = skip_sp(s, e, n);
				if (e < n && s[e] == '(')
					for (size_t w = 0; w < MP_COUNT(words); w++)
						if (has(s + e + 1, strlen(words[w].w) <= n - e - 1 ? strlen(words[w].w) : 0, words[w].w))
							c = words[w].c;
				if (c == NC_NONE)
					continue;
			} else {
				for (size_t w = 0; w < MP_COUNT(words) && c == NC_NONE; w++) {
					size_t wl = strlen(words[w].w);
					if (k + wl <= n && mp_strncasecmp(s + k, words[w].w, wl) == 0) {
						c = words[w].c;
						j = k + wl;
					}
				}
				if (c == NC_NONE)
					continue;
				while (j < n && (isalnum((unsigned char)s[j]) || s[j] == ' ' || s[j] == ':' || s[j] == '='))
					if (isdigit((unsigned char)s[j]) && (s[j - 1] == ' ' || s[j - 1] == ':' || s[j - 1] == '='))
						break;
					else
						j++;
				if (j >= n || !isdigit((unsigned char)s[j]))
					continue;
			}
			int v = 0;
			size_t pat = j;
			while (j < n && isdigit((unsigned char)s[j]) && v < 100000)
				v = v * 10 + (s[j++] - '0');
			int srv = c == NC_IMAP ? S_IMAP : c == NC_POP ? S_POP : c == NC_SMTP ? S_SMTP
			          : (x->cur == S_IMAP || x->cur == S_POP) ? x->cur : in_guess(a, NULL, 0);
			mailprof_loc pl = loc_at(x, l, off + pat);
			mp_int_set(&a->s[srv].port, v, &pl);
			if (sec >= 0)
				mp_int_set(&a->s[srv].sec, sec, &pl);
			any = true;
			k = j;
		}
		if (any)
			return;
	}
	int i = server_for(x, dir, NULL, 0);
	if (i < 0) {
		info(x, l, off, "put the port under a server heading", "%s does not say which server; not used",
		     "port row");
		return;
	}
	struct dacc *a = cur_acc(x);
	mailprof_loc loc = loc_at(x, l, off + at);
	if (sec < 0)
		sec = note_sec(x, mark);
	mp_int_set(&a->s[i].port, port, &loc);
	if (sec >= 0)
		mp_int_set(&a->s[i].sec, sec, &loc);
	x->cur = i;
}

static void set_security(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                         enum mp_nctx dir)
{
	int sec = parse_security(s, n);
	if (sec == -1 || sec == -2) {
		info(x, l, off, NULL, "%s is an instruction or a choice, not a setting; not used",
		     "security row");
		return;
	}
	int i = server_for(x, dir, NULL, 0);
	if (i < 0) {
		info(x, l, off, NULL, "%s does not say which server; not used", "security row");
		return;
	}
	mailprof_loc loc = loc_at(x, l, off);
	mp_int_set(&cur_acc(x)->s[i].sec, sec, &loc);
}

static void set_login(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                      enum mp_nctx dir)
{
	struct dacc *a = cur_acc(x);
	mailprof_loc loc = loc_at(x, l, off);
	enum word w = parse_word(s, n);
	if (w != W_NONE) {
		a->login_word = w;
		a->login_loc = loc;
		mp_str_clear(&a->login);
		return;
	}
	while (n && (s[0] == '<' || s[0] == '"'))
		s++, n--, off++, loc = loc_at(x, l, off);
	size_t t = token_len(s, n);
	if (!is_ascii_tok(s, t)) {
		info(x, l, off, "write the user name itself", "%s does not hold a user name; not used",
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

/* A password value without its readings: "aB1l0O（エー・ビー・イチ…）" and
 * "a(エー)B(ビー)1(イチ)" are both aB1l0O. A group in brackets holding
 * non-ASCII text is a reading and is dropped; so is a trailing group
 * ("Tm4rk9Qe(case-sensitive)"); ASCII brackets inside the token stay
 * ("Xy(7)kQ"). *fullwidth when a kept character was written full-width. */
static void password_token(const mp_nline *l, size_t off, const char *s, size_t n, mp_buf *out,
                           bool *fullwidth)
{
	static const char *const groups[][2] = {{"(", ")"}, {"「", "」"}, {"[", "]"}};
	*fullwidth = false;
	for (size_t i = 0; i < n;) {
		size_t seg = i;
		while (i < n && s[i] != ' ' && !starts_any(s + i, n - i, (const char *const[]){"(", "「", "[", NULL}))
			i++;
		size_t keep = seg + token_len(s + seg, i - seg); /* notes, commas: the value ends */
		mp_buf_add(out, s + seg, keep - seg);
		if (keep > seg &&
		    mp_nline_raw_nonascii(l, mp_nline_col(l, off + seg), mp_nline_col(l, off + keep)))
			*fullwidth = true;
		if (keep < i || i >= n || s[i] == ' ')
			break;
		size_t g = 0, ol = 0;
		for (; g < MP_COUNT(groups); g++)
			if ((ol = strlen(groups[g][0])) <= n - i && memcmp(s + i, groups[g][0], ol) == 0)
				break;
		const char *close = g < MP_COUNT(groups) ? strstr(s + i + ol, groups[g][1]) : NULL;
		if (!close || (size_t)(close - s) >= n)
			break;
		size_t ce = (size_t)(close - s) + strlen(groups[g][1]);
		bool reading = false;
		for (size_t k = i + ol; k < (size_t)(close - s); k++)
			reading |= (unsigned char)s[k] >= 0x80 || s[k] == ' ';
		bool trailing = ce >= n || s[ce] == ' ' || (unsigned char)s[ce] >= 0x80;
		if (reading || trailing) {
			i = ce; /* the group is dropped; letters after it belong to the password */
			continue;
		}
		mp_buf_add(out, s + i, ce - i);
		i = ce;
	}
	if (!out->s)
		mp_buf_add(out, "", 0);
}

static void set_password(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                         enum mp_nctx dir)
{
	mp_buf pw = {0};
	bool fullwidth;
	password_token(l, off, s, n, &pw, &fullwidth);
	bool masked = pw.len > 0;
	for (size_t i = 0; i < pw.len; i++)
		if (pw.s[i] != '*' && pw.s[i] != 'x' && pw.s[i] != 'X')
			masked = false;
	/* Sentences ("設定したパスワード", "The password set for this account")
	 * and masks mean the notice does not give it. */
	if (!is_ascii_tok(pw.s, pw.len) || masked || has(s, n, "password") || has(s, n, "same as") ||
	    has(s, n, "as above") || has(s, n, "パスワード")) {
		mp_buf_free(&pw);
		return;
	}
	mailprof_loc loc = loc_at(x, l, off);
	/* Full-width letters read as half-width: say so, servers want ASCII.
	 * The message never shows the password (nor its reading). */
	if (fullwidth)
		mp_diag(x->d, MAILPROF_WARNING, "notice-password-fullwidth", &loc,
		        "type the password in half-width (ASCII) characters and check it against the letter",
		        "the password is written in full-width characters; it was read as half-width");
	struct dacc *a = cur_acc(x);
	if (dir == NC_SMTP && a->pass.v)
		mp_str_setn(&a->s[S_SMTP].pass, pw.s, pw.len, &loc);
	else
		mp_str_setn(&a->pass, pw.s, pw.len, &loc);
	mp_buf_free(&pw);
}

static void set_email(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n)
{
	while (n && (s[0] == '<' || s[0] == '"'))
		s++, n--, off++;
	size_t t = token_len(s, n);
	if (!valid_email(s, t)) {
		info(x, l, off, NULL, "%s does not hold an e-mail address; not used", "address row");
		return;
	}
	struct dacc *a = cur_acc(x);
	/* A second address starts the next account. */
	if (a->email.v && !(strlen(a->email.v) == t && memcmp(a->email.v, s, t) == 0))
		a = new_acc(x);
	mailprof_loc loc = loc_at(x, l, off);
	mp_str_setn(&a->email, s, t, &loc);
}

static void set_name(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n)
{
	if (has(s, n, "任意") || has(s, n, "お好き") || has(s, n, "自由") || has(s, n, "any ") ||
	    has(s, n, "your choice") || has(s, n, "your name"))
		return;
	size_t e = 0;
	while (e < n && !(s[e] == ' ' && e + 1 < n && s[e + 1] == ' ') && s[e] != '(')
		e++;
	while (e && s[e - 1] == ' ')
		e--;
	if (!e)
		return;
	mailprof_loc loc = loc_at(x, l, off);
	mp_str_setn(&cur_acc(x)->name, s, e, &loc);
}

static void set_field(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
                      enum mp_nfield f, enum mp_nctx dir)
{
	struct dacc *a;
	switch (f) {
	case NF_EMAIL: set_email(x, l, off, s, n); break;
	case NF_NAME: set_name(x, l, off, s, n); break;
	case NF_LOGIN: set_login(x, l, off, s, n, dir); break;
	case NF_PASSWORD: set_password(x, l, off, s, n, dir); break;
	case NF_HOST: set_host(x, l, off, s, n, dir); break;
	case NF_PORT: set_port(x, l, off, s, n, dir); break;
	case NF_SECURITY: set_security(x, l, off, s, n, dir); break;
	case NF_SMTP_AUTH: {
		int au = parse_yesno_auth(s, n);
		if (au < 0) {
			info(x, l, off, NULL, "%s: value not understood; not used", "SMTP authentication row");
			break;
		}
		a = cur_acc(x);
		a->s[S_SMTP].auth = au;
		a->s[S_SMTP].auth_loc = loc_at(x, l, off);
		break;
	}
	case NF_AUTH_METHOD:
		a = cur_acc(x);
		if (has(s, n, "cram") || has(s, n, "digest") || has(s, n, "暗号化") || has(s, n, "encrypted") ||
		    has(s, n, "apop"))
			a->method = MP_AUTH_PASSWORD_ENCRYPTED;
		else if (has(s, n, "通常") || has(s, n, "平文") || has(s, n, "plain") || has(s, n, "clear") ||
		         has(s, n, "標準") || has(s, n, "normal") || has(s, n, "login"))
			a->method = MP_AUTH_PASSWORD_CLEARTEXT;
		break;
	case NF_IN_PROTO: {
		a = cur_acc(x);
		const char *im = NULL, *po = NULL;
		for (size_t i = 0; i + 3 <= n; i++) {
			if (!im && mp_strncasecmp(s + i, "imap", 4) == 0 && i + 4 <= n)
				im = s + i;
			if (!po && mp_strncasecmp(s + i, "pop", 3) == 0)
				po = s + i;
		}
		if (im && (!po || im < po))
			a->in_pref = S_IMAP;
		else if (po)
			a->in_pref = S_POP;
		else
			info(x, l, off, NULL, "%s: neither POP nor IMAP; not used", "incoming server type");
		/* A host read before this row under a guessed protocol moves. */
		int other = a->in_pref == S_IMAP ? S_POP : S_IMAP;
		if (a->in_pref >= 0 && a->s[other].host.v && !a->s[a->in_pref].host.v &&
		    !a->s[other].port.set) {
			a->s[a->in_pref].host = a->s[other].host;
			memset(&a->s[other].host, 0, sizeof a->s[other].host);
		}
		break;
	}
	default: break;
	}
}

/* ---- port matrices: "SMTPS 465", "POP3/SSL: port 995", "IMAP4S 993" ---- */

static size_t matrix(struct ex *x, const mp_nline *l, const char *s, size_t n, size_t base)
{
	static const struct {
		const char *w;
		int srv;
		bool tls;
	} toks[] = {{"smtps", S_SMTP, true}, {"smtp", S_SMTP, false}, {"pop3s", S_POP, true},
	            {"pops", S_POP, true},   {"pop3", S_POP, false},  {"pop", S_POP, false},
	            {"imap4s", S_IMAP, true}, {"imaps", S_IMAP, true}, {"imap4", S_IMAP, false},
	            {"imap", S_IMAP, false}};
	int line_sec = -1;
	if (n >= 4 && mp_strncasecmp(s, "ssl:", 4) == 0)
		line_sec = MP_SEC_TLS;
	else if (n >= 4 && mp_strncasecmp(s, "tls:", 4) == 0)
		line_sec = MP_SEC_STARTTLS;
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && isalnum((unsigned char)s[i - 1]))
			continue;
		for (size_t k = 0; k < MP_COUNT(toks); k++) {
			size_t w = strlen(toks[k].w);
			if (i + w > n || mp_strncasecmp(s + i, toks[k].w, w) != 0 ||
			    (i + w < n && isalnum((unsigned char)s[i + w])))
				continue;
			size_t j = i + w;
			int sec = toks[k].tls ? MP_SEC_TLS : -1;
			if (j + 4 <= n && (mp_strncasecmp(s + j, "/ssl", 4) == 0 || mp_strncasecmp(s + j, "/tls", 4) == 0))
				sec = MP_SEC_TLS, j += 4;
			while (j < n && (s[j] == ' ' || s[j] == ':'))
				j++;
			if (j + 4 <= n && mp_strncasecmp(s + j, "port", 4) == 0)
				j += 4;
			while (j < n && s[j] == ' ')
				j++;
			if (j >= n || !isdigit((unsigned char)s[j]))
				break;
			int port = 0;
			size_t at = j;
			while (j < n && isdigit((unsigned char)s[j]) && port < 100000)
				port = port * 10 + (s[j++] - '0');
			if (sec < 0)
				sec = line_sec;
			if (sec == MP_SEC_STARTTLS && (port == 465 || port == 993 || port == 995))
				sec = MP_SEC_TLS;
			if (x) {
				x->mx = mp_xgrow(x->mx, x->nmx, sizeof *x->mx);
				struct mentry *e = &x->mx[x->nmx++];
				e->srv = toks[k].srv;
				e->port = port;
				e->sec = sec;
				e->loc = loc_at(x, l, base + at);
			}
			found++;
			i = j;
			break;
		}
	}
	return found;
}

/* ---- line splitting ---- */

static size_t skip_sp(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* Strip bullets and numbering; *marked when a heading mark led the line. */
static size_t strip_lead(const char *s, size_t n, bool *marked)
{
	size_t i = skip_sp(s, 0, n);
	*marked = starts_any(s + i, n - i, heading_marks) > 0;
	for (;;) {
		size_t k = starts_any(s + i, n - i, bullets);
		if (!k && i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x91 &&
		    (unsigned char)s[i + 2] >= 0xA0 && (unsigned char)s[i + 2] <= 0xB3)
			k = 3; /* ①..⑳ */
		if (!k && i + 1 < n && isdigit((unsigned char)s[i]) && (s[i + 1] == '.' || s[i + 1] == ')') &&
		    i + 2 < n && s[i + 2] == ' ')
			k = 2;
		/* "※" starts a note, not a label: keep it for the prose check. */
		if (k == 3 && memcmp(s + i, "※", 3) == 0)
			break;
		if (!k)
			break;
		i = skip_sp(s, i + k, n);
	}
	return i;
}

/* Trim a label: brackets around it, a trailing colon, spaces. */
static void trim_label(const char *s, size_t *b, size_t *e)
{
	static const char *const open[] = {"【", "《", "[", "「", "<", "〈", NULL};
	static const char *const close[] = {"】", "》", "]", "」", ">", "〉", ":", NULL};
	size_t k;
	while (*b < *e && s[*b] == ' ')
		(*b)++;
	while (*e > *b && s[*e - 1] == ' ')
		(*e)--;
	if (*b < *e && (k = starts_any(s + *b, *e - *b, open)))
		*b += k;
	for (bool again = true; again && *e > *b;) {
		again = false;
		for (const char *const *c = close; *c; c++) {
			size_t cl = strlen(*c);
			if (*e - *b >= cl && memcmp(s + *e - cl, *c, cl) == 0) {
				*e -= cl;
				again = true;
			}
		}
		while (*e > *b && s[*e - 1] == ' ')
			(*e)--, again = true;
	}
}

/* Find the label/value split: the first of ':' / '=' / leaders / a run of
 * two spaces. Returns false when the line has no value part. */
static bool split(const char *s, size_t b, size_t n, size_t *le, size_t *vb)
{
	for (size_t i = b; i < n; i++) {
		size_t k;
		/* not "https://", not a time "9:00" */
		if (s[i] == ':' && !(i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') &&
		    !(i > b && i + 1 < n && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]))) {
			*le = i;
			*vb = skip_sp(s, i + 1, n);
			return true;
		}
		if (s[i] == '=') {
			*le = i;
			*vb = skip_sp(s, i + 1, n);
			return true;
		}
		if ((k = starts_any(s + i, n - i, (const char *const[]){"・・", "…", "‥", NULL}))) {
			*le = i;
			size_t j = i;
			while ((k = starts_any(s + j, n - j, (const char *const[]){"・", "…", "‥", NULL})))
				j += k;
			*vb = skip_sp(s, j, n);
			return true;
		}
		if (s[i] == ' ' && i + 1 < n && s[i + 1] == ' ' && i > b) {
			*le = i;
			size_t j = skip_sp(s, i, n);
			if (j < n && (s[j] == ':' || s[j] == '='))
				j = skip_sp(s, j + 1, n);
			*vb = j;
			return true;
		}
	}
	return false;
}

static bool is_prose(const char *s, size_t n)
{
	/* An English sentence: ends with a full stop, several words, no separator. */
	if (n > 2 && s[n - 1] == '.' && !memchr(s, ':', n) && !memchr(s, '=', n) && !memchr(s, '|', n)) {
		size_t words = 0;
		for (size_t i = 0; i < n; i++)
			words += s[i] == ' ';
		if (words >= 3)
			return true;
	}
	return has(s, n, "。") || has(s, n, "ください") || n > 120 || starts_any(s, n, (const char *const[]){"※", NULL});
}

/* An address inside a sentence ("Your email account x@y is ready"): used
 * only when no address row names one. */
static void prose_email(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s;
	size_t n = l->len;
	if (x->prose_email.v || !(has(s + b, n - b, "address") || has(s + b, n - b, "account") ||
	                          has(s + b, n - b, "アドレス") || has(s + b, n - b, "アカウント")))
		return;
	for (size_t i = b; i < n; i++) {
		if (i > b && s[i - 1] != ' ' && s[i - 1] != ':' && s[i - 1] != '<')
			continue;
		size_t t = token_len(s + i, n - i);
		while (t && (s[i + t - 1] == '.' || s[i + t - 1] == ','))
			t--;
		if (valid_email(s + i, t)) {
			mailprof_loc loc = loc_at(x, l, i);
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
	if ((has(s, n, "認証が必要") || has(s, n, "requires authentication") || has(s, n, "smtp認証") ||
	     has(s, n, "smtp-auth")) &&
	    !has(s, n, "不要")) {
		x->auth_hint = true;
		x->auth_hint_loc = loc_at(x, l, b);
	}
	/* "POP before SMTP をご利用ください", unless it says it ended. */
	if ((has(s, n, "pop before smtp") || has(s, n, "popbeforesmtp")) && !has(s, n, "廃止") &&
	    !has(s, n, "終了") && !has(s, n, "no longer") && !has(s, n, "未対応")) {
		x->pbs_hint = true;
		x->pbs_loc = loc_at(x, l, b);
	}
	if (has(s, n, "587") && (has(s, n, "ポート") || has(s, n, "port") || has(s, n, "サブミッション"))) {
		x->note587 = true;
		x->note587_loc = loc_at(x, l, b + (size_t)(strstr(s, "587") - s));
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
		is_variant |= has(s, n, *v);
	if (x->ctx == NC_NONE && !is_variant && n && n <= 60 && x->now && s >= x->now->s &&
	    s < x->now->s + x->now->len) {
		mailprof_loc loc = loc_at(x, x->now, (size_t)(s - x->now->s));
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
	trim_label(s, &lb, &le);
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
		if (f != NF_NONE && f != NF_IGNORE && !marked) {
			x->pending = f;
			x->pending_dir = label_dir(x, s + lb, le - lb, edir);
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
		if (isdigit((unsigned char)s[lb]) || is_prose(s + lb, ve - lb) || le - lb > 60)
			return; /* continuation cells and sentences */
		char *lab = mp_xstrndup(s + lb, le - lb);
		info(x, l, lb, "if this is a mail setting, parse the notice with a template (--template)",
		     "`%s` looks like a setting but is not a known label; not used", lab);
		free(lab);
		return;
	}
	if (x->ctx == NC_WEB)
		x->ctx = NC_NONE;
	x->both_in = f == NF_HOST && has(s + lb, le - lb, "pop") && has(s + lb, le - lb, "imap");
	set_field(x, l, vb, s + vb, ve - vb, f, label_dir(x, s + lb, le - lb, edir));
	x->both_in = false;
}

/* Does a value fit the field a label on the line before announced? */
static bool fits(enum mp_nfield f, const char *s, size_t n)
{
	size_t t = token_len(s, n);
	switch (f) {
	case NF_HOST: return valid_host(s, t) || has(s, n, "ドメイン");
	case NF_PORT: return n && isdigit((unsigned char)s[0]);
	case NF_EMAIL: return valid_email(s, t);
	default: return true;
	}
}

/* "【メールアドレス】 value", "《POPサーバ》 value": the bracket ends the label. */
static bool bracket_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb)
{
	static const char *const pairs[][2] = {{"【", "】"}, {"《", "》"}, {"[", "]"}, {"〈", "〉"}};
	for (size_t i = 0; i < MP_COUNT(pairs); i++) {
		size_t k = strlen(pairs[i][0]);
		if (n - b < k || memcmp(s + b, pairs[i][0], k) != 0)
			continue;
		const char *c = strstr(s + b, pairs[i][1]);
		if (!c)
			return false;
		size_t after = (size_t)(c - s) + strlen(pairs[i][1]);
		size_t v = skip_sp(s, after, n);
		if (v >= n || s[v] == '|' || s[v] == ':' || s[v] == '(')
			return false; /* "【…】(控え)" is a heading with a remark */
		*le = after;
		*vb = v;
		return true;
	}
	return false;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* "E メールアドレス taro@…": no separator but a single space; take the
 * longest leading words that the dictionary knows as the label. */
static bool word_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb)
{
	bool found = false;
	for (size_t i = b + 1; i < n; i++) {
		if (s[i] != ' ')
			continue;
		enum mp_nctx dd;
		size_t v = skip_sp(s, i, n), t = v < n ? token_len(s + v, n - v) : 0;
		/* The value must look like one (a number, address or host), and the
		 * label hold none. */
		bool shaped = valid_email(s + v, t) || valid_host(s + v, t) || all_digits(s + v, t);
		/* "ユーザー名（アカウント名） k-suzuki": after a Japanese label (or
		 * its closing bracket) any ASCII token that ends the line is a value. */
		if (!shaped && i > b && ((unsigned char)s[i - 1] >= 0x80 || s[i - 1] == ')') &&
		    is_ascii_tok(s + v, t) && skip_sp(s, v + t, n) == n)
			shaped = true;
		if (memchr(s + b, '@', i - b))
			break;
		if (shaped && mp_notice_classify(s + b, i - b, &dd) != NF_NONE) {
			*le = i;
			*vb = skip_sp(s, i, n);
			found = true;
		}
	}
	return found;
}

/* Could the byte before '@' at s[i] end a local part? Placeholders
 * ("○○○@example.jp") and letters do; a space, a bracket or a note mark
 * ("※@ji.example.jp のお客様") do not. */
static bool bare_at(const char *s, size_t b, size_t i)
{
	if (i == b)
		return true;
	unsigned char c = (unsigned char)s[i - 1];
	if (c < 0x80)
		return !isalnum(c) && !strchr(".-_%+*~", c);
	static const char *const ph[] = {"○", "◯", "●", "〇", "×", "△", "□", NULL};
	for (const char *const *p = ph; *p; p++) {
		size_t k = strlen(*p);
		if (i - b >= k && memcmp(s + i - k, *p, k) == 0)
			return false;
	}
	return true;
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
		if (s[i] == '@' && bare_at(s, b, i))
			break;
	size_t d0 = i + 1, d1 = d0;
	while (d1 < n && (isalnum((unsigned char)s[d1]) || s[d1] == '.' || s[d1] == '-'))
		d1++;
	while (d1 > d0 && s[d1 - 1] == '.')
		d1--;
	char *dom;
	if (i < n && valid_host(s + d0, d1 - d0)) {
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
		size_t t = token_len(s + k, n - k);
		while (t && (s[k + t - 1] == '.' || s[k + t - 1] == ','))
			t--;
		if (!valid_host(s + k, t))
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
		mailprof_loc loc = loc_at(x, l, k);
		mp_str_setn(&r->host, s + k, t, &loc);
		/* "pop02.example.jp（ポート110）" */
		size_t e = k + t;
		while (e < n && !(e > k + t && valid_host(s + e, token_len(s + e, n - e))))
			e++;
		const char *pw = NULL;
		for (size_t j = k + t; j < e && !pw; j++)
			if (starts_any(s + j, e - j, (const char *const[]){"ポート", "port", "Port", NULL}))
				pw = s + j;
		int port, sec, mark;
		size_t at;
		if (pw && parse_port(pw, (size_t)(s + e - pw), &port, &sec, &at, &mark)) {
			mailprof_loc pl = loc_at(x, l, (size_t)(pw - s) + at);
			mp_int_set(&r->port, port, &pl);
			r->sec.v = sec;
			r->sec.set = sec >= 0;
			r->sec.loc = pl;
		}
		found++;
	}
	/* a sentence that does not end here may name more servers below */
	if (found && !has(s + b, n - b, "。") && !has(s + b, n - b, "ください"))
		x->rule_cont = mp_xstrdup(dom);
	free(dom);
	return found > 0;
}

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

/* "Log in with your full e-mail address", "ユーザー名にはメールアドレスを
 *入力": the login is a word about the address. Used only for accounts
 * whose rows name no login. */
static void prose_login(struct ex *x, const mp_nline *l, size_t b)
{
	const char *s = l->s + b;
	size_t n = l->len - b;
	if (!(has(s, n, "log in with") || has(s, n, "login with") || has(s, n, "sign in with") ||
	      has(s, n, "ユーザー名には") || has(s, n, "ユーザ名には") || has(s, n, "アカウント名には")))
		return;
	enum word w = parse_word(s, n);
	if (w == W_NONE && (has(s, n, "e-mail address") || has(s, n, "email address")))
		w = W_EMAIL;
	if (w == W_NONE || x->prose_login != W_NONE)
		return;
	x->prose_login = w;
	x->prose_login_loc = loc_at(x, l, b);
}

/* Cells of a line split at runs of two or more spaces. */
static size_t space_cells(struct ex *x, const char *s, size_t b, size_t n)
{
	size_t nc = 0;
	cells_room(x, (n - b) / 2 + 2); /* a cell and a separator take two bytes at least */
	size_t *cb = x->cb, *ce = x->ce;
	for (size_t i = skip_sp(s, b, n); i < n;) {
		size_t j = i;
		while (j < n && !(s[j] == ' ' && j + 1 < n && s[j + 1] == ' '))
			j++;
		while (j > i && s[j - 1] == ' ')
			j--;
		cb[nc] = i;
		ce[nc++] = j;
		i = skip_sp(s, j, n);
	}
	return nc;
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
	size_t nc = space_cells(x, s, b, n);
	size_t *cb = x->cb, *ce = x->ce;
	/* the header */
	size_t named = 0;
	bool values = false;
	enum mp_nfield *f = x->cf;
	for (size_t k = 0; k < nc; k++) {
		enum mp_nctx d;
		f[k] = mp_notice_classify(s + cb[k], ce[k] - cb[k], &d);
		size_t t = token_len(s + cb[k], ce[k] - cb[k]);
		if (memchr(s + cb[k], '@', ce[k] - cb[k]) || valid_host(s + cb[k], t) ||
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
		set_field(x, l, cb[k], s + cb[k], ce[k] - cb[k], x->sfield[j - 1],
		          x->ctx == NC_WEB ? NC_NONE : x->ctx);
		used++;
	}
	if (!used)
		x->nscol = 0;
	return used > 0;
}

static void line(struct ex *x, const mp_nline *l)
{
	x->now = l;
	const char *s = l->s;
	size_t n = l->len;
	bool marked;
	size_t b = strip_lead(s, n, &marked);
	if (b >= n) {
		x->pending = NF_NONE;
		x->nscol = 0;
		free(x->rule_cont);
		x->rule_cont = NULL;
		return;
	}
	if (space_table(x, l, b) || domain_rule(x, l, b))
		return;
	/* A remark in brackets on its own line (the reading of the password
	 * above, an example) is neither a heading nor a value. */
	if (s[b] == '(' && s[n - 1] == ')' && !memchr(s + b, '|', n - b) && !memchr(s + b, '@', n - b) &&
	    !has(s + b, n - b, "例"))
		return;
	size_t le = 0, vb = 0;
	bool sp = bracket_split(s, b, n, &le, &vb) || split(s, b, n, &le, &vb);
	enum mp_nctx ed;
	enum mp_nfield lf = sp ? mp_notice_classify(s + b, le - b, &ed) : mp_notice_classify(s + b, n - b, &ed);
	if (sp && lf != NF_NONE && !memchr(s + b, '|', n - b)) {
		/* "メールアドレスパスワード Um3eKp8z    備考": the two-space run came
		 * after the value; split at the last single space instead when a
		 * Japanese label is followed by an ASCII token. */
		size_t k = le;
		while (k > b && s[k - 1] != ' ')
			k--;
		bool val_ascii = vb < n && is_ascii_tok(s + vb, token_len(s + vb, n - vb));
		if (!val_ascii && k > b + 1 && (unsigned char)s[k - 2] >= 0x80 && s[k] != '(' &&
		    is_ascii_tok(s + k, le - k)) {
			enum mp_nctx d2;
			if (mp_notice_classify(s + b, k - 1 - b, &d2) != NF_NONE) {
				vb = k;
				le = k - 1;
				lf = mp_notice_classify(s + b, le - b, &ed);
			}
		}
	}
	/* A sentence is not split at a single space ("…blocks port 465, use…"). */
	if (!sp && !memchr(s + b, '|', n - b) && !is_prose(s + b, n - b) && word_split(s, b, n, &le, &vb)) {
		sp = true;
		lf = mp_notice_classify(s + b, le - b, &ed);
	}
	if (!sp) /* a sentence, maybe wrapped before its full stop */
		prose_login(x, l, b);
	bool note = starts_any(s + b, n - b, (const char *const[]){"※", NULL}) > 0;
	if (note || (is_prose(s + b, n - b) && (lf == NF_NONE || (!sp && !memchr(s + b, '|', n - b))))) {
		prose(x, l, b);
		prose_email(x, l, b);
		x->pending = NF_NONE;
		return;
	}
	/* Port matrices, unless the row's label is a known field. */
	if ((lf == NF_NONE || lf == NF_SECURITY) && matrix(NULL, l, s + b, n - b, b) > 0) {
		matrix(x, l, s + b, n - b, b);
		x->pending = NF_NONE;
		return;
	}
	/* A value on the line after its label. */
	if (x->pending != NF_NONE) {
		enum mp_nfield f = x->pending;
		x->pending = NF_NONE;
		size_t vb2 = b;
		if (s[vb2] == '|')
			vb2 = skip_sp(s, vb2 + 1, n);
		size_t ve = n;
		while (ve > vb2 && (s[ve - 1] == ' ' || s[ve - 1] == '|'))
			ve--;
		if (lf == NF_NONE && ve > vb2 && fits(f, s + vb2, ve - vb2)) {
			set_field(x, l, vb2, s + vb2, ve - vb2, f, x->pending_dir);
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
		cells_room(x, 2 * seps + 2);
		size_t *cb = x->cb, *ce = x->ce, nc = 0;
		size_t i = b;
		if (s[i] == '|')
			i++;
		while (i <= n) {
			size_t j = i;
			while (j < n && s[j] != '|' && s[j] != ';')
				j++;
			size_t a0 = skip_sp(s, i, j), a1 = j;
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
			size_t tk = token_len(s + cb[k], ce[k] - cb[k]), spaces = 0;
			for (size_t j = cb[k]; j < ce[k]; j++)
				spaces += s[j] == ' ';
			if (spaces >= 3) /* a sentence is a value, not a column name */
				values = true;
			if (memchr(s + cb[k], '@', ce[k] - cb[k]) || valid_host(s + cb[k], tk) ||
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
					set_field(x, l, cb[k], s + cb[k], ce[k] - cb[k], f, NC_NONE);
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
			size_t t1 = token_len(s + cb[1], ce[1] - cb[1]);
			bool v1 = valid_host(s + cb[1], t1) || valid_email(s + cb[1], t1) || isdigit((unsigned char)s[cb[1]]);
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
					cb[0] = skip_sp(s, k, ce[0]);
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

/* ---- building accounts ---- */

static void apply_matrix(struct ex *x, struct dsrv *s, int idx)
{
	for (size_t i = 0; i < x->nmx; i++) {
		const struct mentry *e = &x->mx[i];
		if (e->srv != idx)
			continue;
		if (!s->port.set) {
			mp_int_set(&s->port, e->port, &e->loc);
			if (e->sec >= 0)
				mp_int_set(&s->sec, e->sec, &e->loc);
			return;
		}
		if (s->port.v == e->port && !s->sec.set && e->sec >= 0) {
			mp_int_set(&s->sec, e->sec, &e->loc);
			return;
		}
	}
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

static void free_acc(struct dacc *a)
{
	mp_str_clear(&a->email);
	mp_str_clear(&a->name);
	mp_str_clear(&a->login);
	mp_str_clear(&a->pass);
	mp_str_clear(&a->any_host);
	mp_str_clear(&a->brand);
	for (int i = 0; i < S_N; i++) {
		mp_str_clear(&a->s[i].host);
		mp_str_clear(&a->s[i].user);
		mp_str_clear(&a->s[i].pass);
		free(a->s[i].host_tpl);
	}
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
		size_t k = token_len(t + i, n - i);
		while (k && (t[i + k - 1] == '.' || t[i + k - 1] == ','))
			k--;
		if (!valid_host(t + i, k) || (strlen(s->host.v) == k && mp_strncasecmp(s->host.v, t + i, k) == 0))
			continue;
		mailprof_loc loc = loc_at(x, x->note_line[m], x->note_off[m] + i);
		if (!(has(t, n, "ssl") || has(t, n, "tls") || has(t, n, "暗号化"))) {
			mp_diag(x->d, MAILPROF_INFO, "notice-unused", &loc, "check which server applies to you",
			        "%s names another server; not used", "the footnote");
			return;
		}
		mp_str_setn(&s->host, t + i, k, &loc);
		mp_int_set(&s->sec, MP_SEC_TLS, &loc);
		int port, sec, mark;
		size_t at;
		if (parse_port(t + i + k, n - i - k, &port, &sec, &at, &mark)) {
			mailprof_loc pl = loc_at(x, x->note_line[m], x->note_off[m] + i + k + at);
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

/* Several providers' blocks in one notice: the address (given once) goes
 * to every block; then only the blocks that serve its domain stay. With no
 * address, or none that matches, every block is an account of its own. */
static void group_pass(struct ex *x)
{
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

static void build(struct ex *x, mailprof_profile *p, struct dacc *a, const struct dacc *prev)
{
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
		int in = a->s[S_IMAP].host.v ? S_IMAP : a->in_pref >= 0 ? a->in_pref : S_POP;
		if (!a->s[S_IMAP].host.v && !a->s[S_POP].host.v) {
			/* Ports named for IMAP and for POP ("IMAP 993 / POP3 995"): the
			 * one server offers both. */
			bool both = a->s[S_IMAP].port.set && a->s[S_POP].port.set;
			for (int i = S_IMAP; i <= S_POP; i++)
				if (i == in || both)
					copy_str(&a->s[i].host, &a->any_host);
		}
		if (!a->s[S_SMTP].host.v)
			copy_str(&a->s[S_SMTP].host, &a->any_host);
	}
	bool has_server = false;
	for (int i = 0; i < S_N; i++)
		has_server |= a->s[i].host.v != NULL;
	if (!a->email.v && !has_server)
		return;
	/* No address row, but the login is a full address: that is the address. */
	if (!a->email.v && a->login.v && valid_email(a->login.v, strlen(a->login.v)))
		copy_str(&a->email, &a->login);
	mp_account *acc = mp_account_add(p);
	acc->loc = a->email.v ? a->email.loc : a->login.loc;
	copy_str(&acc->email, &a->email);
	copy_str(&acc->display_name, &a->name);
	if (a->group)
		copy_str(&acc->provider_name, &a->brand);
	static const int order[] = {S_IMAP, S_POP, S_SMTP};
	for (size_t k = 0; k < MP_COUNT(order); k++) {
		int i = order[k];
		struct dsrv *s = &a->s[i];
		if (!s->host.v) {
			if (s->port.set) {
				mailprof_loc l = s->port.loc;
				mp_diag(x->d, MAILPROF_INFO, "notice-unused", &l, NULL,
				        "%s port without a server host; not used", mp_protocol_name(sproto[i]));
			}
			continue;
		}
		host_note(x, s);
		apply_matrix(x, s, i);
		mp_server *sv = mp_server_add(acc, sproto[i]);
		sv->loc = s->host.loc;
		copy_str(&sv->host, &s->host);
		sv->port = s->port;
		if (s->sec.set) {
			int v = s->sec.v;
			if (v == SW_TLS_AMBIG)
				v = s->port.set && (s->port.v == 465 || s->port.v == 993 || s->port.v == 995)
				        ? MP_SEC_TLS
				        : s->port.set ? MP_SEC_STARTTLS : MP_SEC_TLS;
			mp_int_set(&sv->security, v, &s->sec.loc);
		}
		if (i == S_SMTP) {
			int au = s->auth;
			mailprof_loc al = s->auth_loc;
			if (au < 0 && x->auth_hint)
				au = MP_AUTH_PASSWORD_CLEARTEXT, al = x->auth_hint_loc;
			if (au < 0 && (s->user.v || s->pass.v)) /* SMTP's own credentials: it logs in */
				au = MP_AUTH_PASSWORD_CLEARTEXT, al = s->user.v ? s->user.loc : s->pass.loc;
			if (au < 0 && x->pbs_hint)
				au = MP_AUTH_SMTP_AFTER_POP, al = x->pbs_loc;
			if (!sv->port.set && x->note587) {
				mp_int_set(&sv->port, 587, &x->note587_loc);
				if (au < 0)
					au = MP_AUTH_PASSWORD_CLEARTEXT, al = x->note587_loc;
			}
			if (au == MP_AUTH_PASSWORD_CLEARTEXT && a->method == MP_AUTH_PASSWORD_ENCRYPTED)
				au = MP_AUTH_PASSWORD_ENCRYPTED;
			if (au >= 0) {
				mp_server_add_auth(sv, (mp_auth)au);
				sv->auth_loc = al;
			}
			bool pw = au == MP_AUTH_PASSWORD_CLEARTEXT || au == MP_AUTH_PASSWORD_ENCRYPTED;
			if (s->user.v)
				copy_str(&sv->username, &s->user);
			else if (pw)
				resolve_login(a, &sv->username);
			if (s->pass.v)
				copy_str(&sv->password, &s->pass);
			else if (pw)
				copy_str(&sv->password, &a->pass);
		} else {
			if (a->method == MP_AUTH_PASSWORD_ENCRYPTED) {
				mp_server_add_auth(sv, MP_AUTH_PASSWORD_ENCRYPTED);
				sv->auth_loc = s->host.loc;
			}
			if (s->user.v)
				copy_str(&sv->username, &s->user);
			else
				resolve_login(a, &sv->username);
			copy_str(&sv->password, s->pass.v ? &s->pass : &a->pass);
		}
	}
}

mailprof_status mp_notice_extract(mailprof_profile *p, const mp_ntext *t, const char *path,
                                  mailprof_diags *d)
{
	struct ex x = {.path = path, .d = d, .cur = -1};
	read_notes(&x, t);
	for (size_t i = 0; i < t->n; i++)
		line(&x, &t->lines[i]);
	size_t before = p->naccounts;
	for (size_t i = 0; i < x.nacc; i++)
		if (x.prose_login != W_NONE && !x.acc[i].login.v && x.acc[i].login_word == W_NONE) {
			x.acc[i].login_word = x.prose_login;
			x.acc[i].login_loc = x.prose_login_loc;
		}
	if (x.prose_email.v && x.nacc && !x.acc[0].email.v)
		x.acc[0].email = x.prose_email;
	else
		mp_str_clear(&x.prose_email);
	group_pass(&x);
	/* Accounts without servers share those of the nearest block that has
	 * them: the one before, else the one after (a list of addresses
	 * followed by the common servers). */
	bool *has_srv = mp_xcalloc(x.nacc + 1, sizeof *has_srv);
	for (size_t i = 0; i < x.nacc; i++)
		for (int k = 0; k < S_N; k++)
			has_srv[i] |= x.acc[i].s[k].host.v != NULL || x.acc[i].s[k].host_tpl != NULL ||
			              x.acc[i].any_host.v != NULL;
	for (size_t i = 0; i < x.nacc; i++) {
		const struct dacc *src = NULL;
		for (size_t j = i; j-- > 0 && !src;)
			if (has_srv[j])
				src = &x.acc[j];
		for (size_t j = i + 1; j < x.nacc && !src; j++)
			if (has_srv[j])
				src = &x.acc[j];
		if (!x.acc[i].skip)
			build(&x, p, &x.acc[i], has_srv[i] ? NULL : src);
	}
	free(has_srv);
	for (size_t i = 0; i < x.nacc; i++)
		free_acc(&x.acc[i]);
	for (size_t i = 0; i < MP_COUNT(x.notes); i++)
		free(x.notes[i]);
	free(x.rule_cont);
	mp_str_clear(&x.brand);
	for (size_t i = 0; i < x.nrules; i++) {
		free(x.rules[i].domain);
		mp_str_clear(&x.rules[i].host);
	}
	free(x.acc);
	free(x.mx);
	free(x.rules);
	free(x.cols);
	free(x.scol);
	free(x.sfield);
	free(x.cb);
	free(x.ce);
	free(x.cf);
	if (p->naccounts == before) {
		mailprof_loc l = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "notice-no-settings", &l,
		        "is this the mail-settings part of the notice? A template (--template) can read "
		        "layouts the reader does not know",
		        "no mail settings found in the notice (no e-mail address and no mail server)");
		return MAILPROF_ERR_INVALID;
	}
	return MAILPROF_OK;
}
