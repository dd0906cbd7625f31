/* Cells run together (docs/notice-reader.md § Tables): text extraction
 * from a page's table often drops the border between cells, leaving
 * "Account TypeIMAP", "Email Addressyou@example.com",
 * "IncomingServerimap.example.comPort993", "IMAP993SSL" or
 * "imap.example.netport: 993". Before any value is typed, a run of ASCII
 * text is cut where a dictionary label meets a typed value (a host, an
 * address, a port, a protocol or security word) with nothing between
 * them; a label before a value gets ": ", any other cut a space, so the
 * line reads as the pairs it held. Each inserted byte keeps the column
 * of the character after it. A cut needs a dictionary word on one side
 * and a value or a word on the other: a brand written in camel case
 * ("MailChimp") or a host ("pop3.example.com") stays whole. A token of
 * typed pieces only ("imap.example.net993SSL", "993TLSOAuth2") is cut
 * between them (cut_typed). A host and its port joined by a colon
 * ("mail.example.net:993") get the word "port" before the colon. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* A cut's value is the number of bytes it inserts before its column. */
enum { CUT_SPACE = 1, CUT_PAIR = 2, CUT_PORT = 5 };

static bool tok_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '@' || c == '-' || c == '_';
}

static bool all_alpha(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* A protocol or security word written in capitals: "IMAP", "POP3", "SSL", "STARTTLS". */
static bool mode_word(const char *s, size_t n)
{
	if (n < 3 || n > 16) /* none is longer than "STARTTLS" by much */
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !(i && isdigit((unsigned char)s[i])))
			return false;
	enum mp_nctx c = mp_notice_words_ctx(s, n);
	return nr_parse_security(s, n) != -1 || c == NC_IMAP || c == NC_POP || c == NC_SMTP;
}

/* A label word: the piece is (or ends) a dictionary key. */
enum { LABEL_MAX = 48 }; /* longer runs are no label: keeps a hostile line linear */

static bool label_word(const char *s, size_t n)
{
	return n <= LABEL_MAX && all_alpha(s, n) && mp_notice_label_tail(s, n, true) != NF_NONE;
}

/* The piece s[b, e) is letters and the clause up to e ends with a
 * dictionary key ("Account Type", "Email Address"). */
static bool label_end(const char *s, size_t clause, size_t b, size_t e)
{
	if (e - b > LABEL_MAX || !all_alpha(s + b, e - b))
		return false;
	if (e - clause > 2 * LABEL_MAX)
		clause = e - 2 * LABEL_MAX;
	return mp_notice_label_tail(s + clause, e - clause, false) != NF_NONE;
}

/* Shaped as a host or an address, a template ("you@example.com") too:
 * the cut is made, values.c decides what the value is. */
static bool value_piece(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	if (at) {
		if (at == s || memchr(at + 1, '@', n - (size_t)(at - s) - 1))
			return false;
		n -= (size_t)(at + 1 - s), s = at + 1;
	}
	size_t tld = 0;
	while (tld < n && isalpha((unsigned char)s[n - 1 - tld]))
		tld++;
	return n >= 4 && tld >= 2 && tld < n && s[n - 1 - tld] == '.' && isalnum((unsigned char)s[0]);
}

/* A dictionary key starts the letters s[0, n): "Serverimap…" */
static bool label_starts(const char *s, size_t n)
{
	size_t m = 0;
	while (m < n && m < LABEL_MAX && isalpha((unsigned char)s[m]))
		m++;
	return mp_notice_label_prefix(s, m, 3);
}

static size_t alpha_run(const char *s, size_t i, size_t e)
{
	size_t j = i;
	while (j < e && isalpha((unsigned char)s[j]))
		j++;
	return j - i;
}

/* "mail.example.edu.twFormat of …": a host run into the next word of a
 * flattened page. The host's last label is a top-level domain (two
 * letters, or a generic one) in lower case, and what follows it is a
 * capitalised word with no dot after it: a new label starts at s[i]. */
static bool tld_then_word(const char *s, size_t pb, size_t i, size_t te)
{
	static const char *const generic[] = {"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", NULL};
	size_t d = i;
	while (d > pb && s[d - 1] != '.')
		d--;
	if (d == pb || i - d < 2)
		return false;
	for (size_t k = d; k < i; k++)
		if (!islower((unsigned char)s[k]))
			return false;
	bool tld = i - d == 2;
	for (const char *const *g = generic; *g && !tld; g++)
		tld = strlen(*g) == i - d && memcmp(s + d, *g, i - d) == 0;
	/* (a word, not a run of thousands: a hostile token stays linear) */
	if (!tld || i + 2 > te || te - i > 64 || !isupper((unsigned char)s[i]) || !islower((unsigned char)s[i + 1]))
		return false;
	for (size_t k = i; k < te; k++)
		if (!isalpha((unsigned char)s[k]))
			return false;
	return true;
}

/* An answer a label's cell holds, glued after it: a yes or no, or a login
 * method ("AuthenticationYes", "Login methodModern authentication",
 * "AuthNTLM"). The run of letters s[0, n) only. */
static bool answer_word(const char *s, size_t n)
{
	static const char *const w[] = {"yes", "no", "on", "off", "none", "required", "enabled", "disabled", "optional",
	                                "normal", "encrypted", "modern", "basic", "ntlm", "kerberos", "gssapi", NULL};
	for (const char *const *p = w; *p; p++)
		if (strlen(*p) == n && mp_strncasecmp(s, *p, n) == 0)
			return true;
	return false;
}

/* The cuts of one token s[tb, te): cut[i] says what goes before s[i]. */
static void cut_token(const char *s, size_t n, size_t tb, size_t te, size_t clause, unsigned char *cut)
{
	size_t last = tb; /* where the current piece starts */
	size_t run_end = tb; /* end of the run of letters i is in, found once a run */
	for (size_t i = tb + 1; i < te; i++) {
		char a = s[i - 1], b = s[i];
		/* camel case: "TypeIMAP", "comPort", "ServerImap" */
		if (islower((unsigned char)a) && isupper((unsigned char)b)) {
			if (i >= run_end)
				run_end = i + alpha_run(s, i, te);
			size_t rl = run_end - i;
			bool lword = label_end(s, clause, last, i), lval = i - last <= 253 && value_piece(s + last, i - last);
			bool rlabel = label_starts(s + i, rl), rword = rlabel || mode_word(s + i, rl) || (lword && answer_word(s + i, rl));
			if (((lword || mode_word(s + last, i - last)) && (rword || i + rl < te)) || (lval && rword) ||
			    (lval && tld_then_word(s, last, i, te))) {
				cut[i] = lword && (!rlabel || mode_word(s + i, rl)) ? CUT_PAIR : CUT_SPACE;
				last = i;
			}
			continue;
		}
		/* a word and a port: "Port993", "IMAP993SSL" */
		if (isalpha((unsigned char)a) && isdigit((unsigned char)b)) {
			size_t j = i;
			while (j < te && isdigit((unsigned char)s[j]))
				j++;
			/* "Port25 Blocking" is a phrase, not a cell */
			size_t nx = nr_skip_sp(s, te, n);
			bool port = j - i >= 2 && j - i <= 5 &&
			            (j < te ? isalpha((unsigned char)s[j]) : !isalpha((unsigned char)s[nx]) || nx == te);
			bool lword = label_end(s, clause, last, i);
			if (port && (lword || mode_word(s + last, i - last))) {
				cut[i] = lword ? CUT_PAIR : CUT_SPACE;
				last = i;
				if (j < te && (mode_word(s + j, alpha_run(s, j, te)) || label_word(s + j, alpha_run(s, j, te))))
					cut[j] = CUT_SPACE;
				i = j;
				last = j < te && cut[j] ? j : last;
			}
			continue;
		}
	}
	/* Pieces holding a host or an address: a label glued before it
	 * ("Addressyou@example.com", "Serverimap.example.com"), a label glued
	 * after it before a ':' ("imap.example.netport:"). */
	for (size_t pb = tb; pb < te;) {
		size_t pe = pb + 1;
		while (pe < te && !cut[pe])
			pe++;
		if (memchr(s + pb, '.', pe - pb) || memchr(s + pb, '@', pe - pb)) {
			if (isupper((unsigned char)s[pb]))
				for (size_t q = pb + 3; q + 3 < pe && q - pb <= LABEL_MAX && isalpha((unsigned char)s[q - 1]); q++) {
					if (!label_word(s + pb, q - pb) || !label_end(s, clause, pb, q) || !value_piece(s + q, pe - q))
						continue;
					/* "Mailboxes@…", "Accounts@…": a word's ending, not a
					 * local part, is left of the '@' */
					const char *at = memchr(s + q, '@', pe - q);
					if (at && at - (s + q) < 3)
						continue;
					cut[q] = CUT_PAIR;
					break;
				}
			size_t te2 = te;
			while (te2 < te + 2 && s[te2] == ' ')
				te2++;
			size_t dot = pe;
			while (dot > pb && s[dot - 1] != '.')
				dot--;
			if (pe == te && s[te2] == ':' && dot > pb)
				for (size_t q = pe > dot + LABEL_MAX ? pe - LABEL_MAX : dot + 2; q + 2 <= pe; q++)
					if (label_word(s + q, pe - q) && value_piece(s + pb, q - pb)) {
						cut[q] = CUT_SPACE;
						break;
					}
		}
		pb = pe;
	}
}

/* The typed word s[i, e) opens with: a protocol, security or login
 * method name ("TLS", "OAuth2", "CRAM-MD5"), the longest; 0 if none. */
static size_t typed_word(const char *s, size_t i, size_t e)
{
	static const char *const w[] = {"starttls", "ssl", "tls", "imap4s", "imaps", "imap4", "imap", "pop3s",
	                                "pops", "pop3", "pop", "smtps", "smtp", "xoauth2", "oauth2", "oauth",
	                                "cram-md5", "apop", "plain", "login", NULL};
	size_t best = 0;
	for (const char *const *p = w; *p; p++) {
		size_t k = strlen(*p);
		if (k > best && k <= e - i && mp_strncasecmp(s + i, *p, k) == 0)
			best = k;
	}
	/* written as such names are ("TLS", "OAuth2"), not as a word of a
	 * login or password ("Imap2024Tls") */
	for (size_t k = 0; k < best; k++)
		if (islower((unsigned char)s[i + k]) && !(mp_strncasecmp(s + i, "oauth", 5) == 0 && k >= 2))
			return 0;
	return best;
}

/* A row's cells run together into one token of typed values only: a
 * host or address, then ports and words ("imap.example.net993SSL",
 * "smtp.example.ac.jp587CRAM-MD5"), or ports and words alone
 * ("993TLSOAuth2", "SMTP587STARTTLS"). Cut between them when every piece
 * is typed, so "POPbeforeSMTP" or "IMAP4rev1" stays whole. */
static void cut_typed(const char *s, size_t tb, size_t te, unsigned char *cut)
{
	size_t p = tb, pieces = 0, dots = 0;
	const char *dot = NULL;
	for (size_t i = tb; i < te; i++)
		if (s[i] == '.')
			dot = s + i, dots++;
	if (dot) { /* the host ends where its top-level domain's letters do */
		p = (size_t)(dot - s) + 1;
		while (p < te && isalpha((unsigned char)s[p]))
			p++;
		/* a host of two labels or more before its domain's ("mail.example.net"):
		 * "john.doe84" is a login */
		if (dots < 2 || p == te || !isdigit((unsigned char)s[p]) || p - tb > 253 || !value_piece(s + tb, p - tb))
			return;
		pieces = 1;
	}
	size_t at[64], na = 0;
	for (size_t i = p; i < te;) {
		size_t k = typed_word(s, i, te);
		if (!k && isdigit((unsigned char)s[i])) {
			while (i + k < te && isdigit((unsigned char)s[i + k]))
				k++;
			if (k < 2 || k > 5)
				return;
		}
		if (!k || na == MP_COUNT(at))
			return;
		at[na++] = i;
		i += k;
	}
	if (pieces + na < 2)
		return;
	for (size_t k = 0; k < na; k++)
		if (at[k] > tb && !cut[at[k]])
			cut[at[k]] = CUT_SPACE;
}

/* A full-width colon is a label's separator, never a host's port nor a
 * time's ("ＰＯＰ３：１１０", "メールアドレス：taro@…"): a space after it
 * makes the value after it one ("POP3: 110"); "１０：００" (digits on
 * both sides, not a name's "POP3") stays a time. One pass over the raw
 * line marks the columns holding one. */
static void fullwidth_colons(const mp_nline *l, unsigned char **cut)
{
	if (!l->raw || !strstr(l->raw, "\xEF\xBC\x9A"))
		return;
	size_t rn = strlen(l->raw), n = l->len;
	unsigned char *fw = mp_xcalloc(rn + 2, 1);
	int c = 1;
	for (size_t i = 0; i < rn; c++) {
		size_t adv;
		if (mp_utf8_get(l->raw + i, rn - i, &adv) == 0xFF1A)
			fw[c] = 1;
		i += adv ? adv : 1;
	}
	const char *s = l->s;
	for (size_t i = 1; i < n; i++) {
		if (s[i - 1] != ':' || s[i] == ' ' || l->col[i - 1] < 1 || (size_t)l->col[i - 1] > rn || !fw[l->col[i - 1]])
			continue;
		size_t dg = i - 1;
		while (dg && isdigit((unsigned char)s[dg - 1]))
			dg--;
		if (dg < i - 1 && isdigit((unsigned char)s[i]) && !(dg && isalpha((unsigned char)s[dg - 1])))
			continue; /* a time */
		if (!*cut)
			*cut = mp_xcalloc(n + 1, 1);
		if (!(*cut)[i])
			(*cut)[i] = CUT_SPACE;
	}
	free(fw);
}

static void unglue_line(mp_nline *l)
{
	const char *s = l->s;
	size_t n = l->len, ncuts = 0, clause = 0;
	unsigned char *cut = NULL;
	for (size_t i = 0; i < n;) {
		if (!tok_char(s[i])) {
			if (strchr(":|=;,", s[i]))
				clause = i + 1;
			i++;
			continue;
		}
		size_t te = i;
		while (te < n && tok_char(s[te]))
			te++;
		/* a path or an address on the web ("…/ActiveMailSignature.html") is no cell */
		if (te - i >= 5 && (i == 0 || s[i - 1] != '/')) {
			if (!cut)
				cut = mp_xcalloc(n + 1, 1);
			cut_token(s, n, i, te, nr_skip_sp(s, clause, n), cut);
			cut_typed(s, i, te, cut);
			/* "Incoming (IMAP)imap.example.net": a bracket closed
			 * right before a host */
			size_t pe = i + 1;
			while (pe < te && !cut[pe])
				pe++;
			if (i && s[i - 1] == ')' && pe - i <= 253 && value_piece(s + i, pe - i))
				cut[i] = CUT_SPACE;
		}
		/* "mail.example.net:993": a host and its port joined by a colon
		 * become "mail.example.net port:993", the port labelled as
		 * every other path reads it; a web address's port
		 * ("https://host:8443/…") stays as it is */
		if (te + 1 < n && s[te] == ':' && isdigit((unsigned char)s[te + 1]) && (i < 2 || s[i - 1] != '/')) {
			size_t d = te + 1, hb = i;
			while (d < n && d - te <= 6 && isdigit((unsigned char)s[d]))
				d++;
			for (size_t k = te; cut && k > i + 1; k--)
				if (cut[k - 1]) {
					hb = k - 1;
					break;
				}
			if (d - te - 1 <= 5 && (d == n || !(isalnum((unsigned char)s[d]) || s[d] == '/' || s[d] == ':' ||
			                                   (s[d] == '.' && d + 1 < n && isalnum((unsigned char)s[d + 1])))) &&
			    nr_valid_host(s + hb, te - hb)) {
				if (!cut)
					cut = mp_xcalloc(n + 1, 1);
				cut[te] = CUT_PORT;
			}
		}
		/* a bracket closed right before a security word, short as it
		 * is: "SSL/TLS (aka. Encryption or Security)SSL", "Connection
		 * (IMAP)TLS" */
		if (i && s[i - 1] == ')' && (!cut || !cut[i]) && mode_word(s + i, te - i) && nr_parse_security(s + i, te - i) >= 0) {
			if (!cut)
				cut = mp_xcalloc(n + 1, 1);
			cut[i] = CUT_SPACE;
		}
		i = te;
	}
	fullwidth_colons(l, &cut);
	for (size_t i = 0; cut && i < n; i++)
		ncuts += cut[i] ? cut[i] : 0;
	if (!ncuts) {
		free(cut);
		return;
	}
	size_t m = n + ncuts;
	char *ns = mp_xmalloc(m + 1);
	int *nc = mp_xmalloc((m + 1) * sizeof *nc);
	size_t o = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && cut[i] == CUT_PAIR)
			ns[o] = ':', nc[o++] = l->col[i];
		if (i < n && cut[i])
			ns[o] = ' ', nc[o++] = l->col[i];
		for (const char *w = "port"; i < n && cut[i] == CUT_PORT && *w; w++)
			ns[o] = *w, nc[o++] = l->col[i];
		if (i < n)
			ns[o] = s[i];
		nc[o++] = l->col[i];
	}
	ns[m] = '\0';
	free(cut);
	free(l->s);
	free(l->col);
	l->s = ns;
	l->col = nc;
	l->len = m;
}

/* "SSL を使用する: はい送信メール(SMTP)サーバー - …: smtp.…": a yes or a
 * no after a separator, run into the next row's label (a table's
 * rows flattened into one line; Japanese has no space to lose). Where the
 * next row starts, else 0. */
static size_t glued_row(const mp_nline *l)
{
	static const char *const yn[] = {"はい", "いいえ", "オン", "オフ", "あり", "なし", "Yes", "No", NULL};
	const char *s = l->s;
	size_t n = l->len;
	const char *c = memchr(s, ':', n);
	if (!c)
		return 0;
	size_t v = nr_skip_sp(s, (size_t)(c - s) + 1, n), k = nr_starts_any(s + v, n - v, yn);
	/* ("Use SSL: YesOutgoing Mail (SMTP) Server: …" in English) */
	if (!k || v + k >= n || ((unsigned char)s[v + k] < 0x80 && !(isupper((unsigned char)s[v + k]) && isupper((unsigned char)s[v]))))
		return 0;
	size_t r = v + k, e = r;
	while (e < n && e - r < 120 && s[e] != ':')
		e++;
	size_t h = nr_find_dash(s, r, e, SIZE_MAX); /* the label, without a remark after " - " */
	enum mp_nctx d;
	enum mp_nfield f = e < n && s[e] == ':' ? mp_notice_classify(s + r, h - r, &d) : NF_NONE;
	return f != NF_NONE && f != NF_IGNORE ? r : 0;
}

void nr_unglue(mp_ntext *t)
{
	size_t *cut = mp_xcalloc(t->n + 1, sizeof *cut), extra = 0;
	for (size_t i = 0; i < t->n; i++) {
		unglue_line(&t->lines[i]);
		cut[i] = glued_row(&t->lines[i]);
		extra += cut[i] > 0;
	}
	if (!extra) {
		free(cut);
		return;
	}
	/* each row run into the line before becomes a line of its own, with
	 * its columns and line number (one pass: a hostile file stays linear) */
	mp_nline *out = mp_xmalloc((t->n + extra) * sizeof *out);
	size_t o = 0;
	for (size_t i = 0; i < t->n; i++) {
		mp_nline *a = &out[o++];
		*a = t->lines[i];
		size_t r = cut[i];
		if (!r)
			continue;
		out[o++] = mp_nline_tail(a, r);
		a->len = r;
		a->s[r] = '\0';
	}
	free(t->lines);
	free(cut);
	t->lines = out;
	t->n = o;
}
