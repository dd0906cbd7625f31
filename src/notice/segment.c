/* Stage 4 of the reader (docs/notice-reader.md): segmenting a normalised
 * line into label and value: bullets and numbering, bracketed labels,
 * separators (':' '=' leaders, runs of spaces, a single space after known
 * label words), table cells ('|', ';', space-aligned columns), sentences,
 * and the footnotes ("※1 …") read before the rows. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

static const char *const bullets[] = {"●", "○", "■", "□", "◆", "◇", "▼", "▽", "▲", "△", "▶", "►",
                                      "★", "☆", "・", "◎", "•", "‣", "◉", "※", "*", "-", ">", "#",
                                      "+", NULL};
static const char *const heading_marks[] = {"■", "□", "◆", "◇", "▼", "▽", "【", "[", NULL};

/* Room for need cells in x->cb/ce/cf (the line's cells; no fixed bound). */
void nr_cells_room(struct ex *x, size_t need)
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

/* Strip bullets and numbering; *marked when a heading mark led the line. */
size_t nr_strip_lead(const char *s, size_t n, bool *marked)
{
	size_t i = nr_skip_sp(s, 0, n);
	*marked = nr_starts_any(s + i, n - i, heading_marks) > 0;
	for (;;) {
		size_t k = nr_starts_any(s + i, n - i, bullets);
		if (!k && i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x91 &&
		    (unsigned char)s[i + 2] >= 0xA0 && (unsigned char)s[i + 2] <= 0xB3)
			k = 3; /* ①..⑳ */
		if (!k && i + 1 < n && isdigit((unsigned char)s[i]) && (s[i + 1] == '.' || s[i + 1] == ')') &&
		    i + 2 < n && (s[i + 2] == ' ' || (unsigned char)s[i + 2] >= 0x80))
			k = 2; /* "1. ", "3)", "2.受信サーバー" */
		/* "(3)", "（１２）" numbering an item */
		if (!k && i + 2 < n && s[i] == '(' && isdigit((unsigned char)s[i + 1])) {
			size_t d = i + 1;
			while (d < n && d < i + 4 && isdigit((unsigned char)s[d]))
				d++;
			if (d < n && s[d] == ')' && d + 1 < n && (s[d + 1] == ' ' || (unsigned char)s[d + 1] >= 0x80))
				k = d + 1 - i;
		}
		/* "※" starts a note, not a label: keep it for the prose check. */
		if (k == 3 && memcmp(s + i, "※", 3) == 0)
			break;
		if (!k)
			break;
		i = nr_skip_sp(s, i + k, n);
	}
	return i;
}

void nr_trim_quotes(const char *s, size_t *b, size_t *e)
{
	while (*b < *e && (s[*b] == '"' || s[*b] == '\''))
		(*b)++;
	while (*e > *b && (s[*e - 1] == '"' || s[*e - 1] == '\''))
		(*e)--;
}

/* Trim a label: brackets around it, a trailing colon, spaces. */
void nr_trim_label(const char *s, size_t *b, size_t *e)
{
	static const char *const open[] = {"【", "《", "[", "「", "<", "〈", NULL};
	static const char *const close[] = {"】", "》", "]", "」", ">", "〉", ":", NULL};
	size_t k;
	while (*b < *e && s[*b] == ' ')
		(*b)++;
	while (*e > *b && s[*e - 1] == ' ')
		(*e)--;
	if (*b < *e && (k = nr_starts_any(s + *b, *e - *b, open)))
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

/* A dash written as a separator at s[i]: "-", "--" or "->" followed by a
 * space; returns its end, i when there is none ("-abc" is a value). */
size_t nr_dash_sep(const char *s, size_t i, size_t n)
{
	size_t j = i;
	while (j < n && j - i < 2 && s[j] == '-')
		j++;
	if (j < n && s[j] == '>')
		j++;
	return j > i && j < n && s[j] == ' ' ? j : i;
}

/* Find the label/value split: the first of ':' / '=' / leaders / a run of
 * two spaces. Returns false when the line has no value part. */
bool nr_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb)
{
	int depth = 0; /* "Password (Secure authentication = No)": '=' in a remark */
	for (size_t i = b; i < n; i++) {
		size_t k;
		depth += s[i] == '(' ? 1 : s[i] == ')' && depth ? -1 : 0;
		/* not "https://", not a time "9:00" */
		if (s[i] == ':' && !(i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') &&
		    !(i > b && i + 1 < n && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]))) {
			*le = i;
			*vb = nr_skip_sp(s, i + 1, n);
			return true;
		}
		if (s[i] == '=' && !depth) {
			*le = i;
			*vb = nr_skip_sp(s, i + 1, n);
			return true;
		}
		if ((k = nr_starts_any(s + i, n - i, (const char *const[]){"・・", "…", "‥", NULL}))) {
			*le = i;
			size_t j = i;
			while ((k = nr_starts_any(s + j, n - j, (const char *const[]){"・", "…", "‥", NULL})))
				j += k;
			*vb = nr_skip_sp(s, j, n);
			return true;
		}
		if (s[i] == ' ' && i + 1 < n && s[i + 1] == ' ' && i > b) {
			*le = i;
			size_t j = nr_skip_sp(s, i, n);
			if (j < n && (s[j] == ':' || s[j] == '='))
				j = nr_skip_sp(s, j + 1, n);
			else if (j < n && s[j] == '-') { /* "Login name   - jharper", "User  -> bob" */
				size_t d = nr_dash_sep(s, j, n);
				j = d > j ? nr_skip_sp(s, d, n) : j;
			}
			*vb = j;
			return true;
		}
	}
	return false;
}

/* "【メールアドレス】 value", "《POPサーバ》 value": the bracket ends the label. */
bool nr_bracket_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb)
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
		size_t v = nr_skip_sp(s, after, n);
		if (v >= n || s[v] == '|' || s[v] == ':' || s[v] == '(')
			return false; /* "【…】(控え)" is a heading with a remark */
		*le = after;
		*vb = v;
		return true;
	}
	return false;
}

/* "E メールアドレス taro@…": no separator but a single space; take the
 * longest leading words that the dictionary knows as the label. */
bool nr_word_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb)
{
	bool found = false;
	for (size_t i = b + 1; i < n; i++) {
		enum mp_nctx dd;
		/* "メールサーバ名mail.example.jp", "ユーザー名(アカウント名)taro":
		 * a Japanese label glued to the ASCII token that ends the line
		 * (cells run together by the page's text extraction) */
		if (s[i] != ' ') {
			if (found || !((unsigned char)s[i - 1] >= 0x80 || s[i - 1] == ')') ||
			    !isalnum((unsigned char)s[i]))
				continue;
			size_t g = nr_token_len(s + i, n - i);
			if (!nr_is_ascii_tok(s + i, g) || nr_skip_sp(s, i + g, n) != n || memchr(s + b, '@', i - b) ||
			    !(nr_valid_email(s + i, g) || nr_valid_host(s + i, g) || nr_all_digits(s + i, g)))
				continue; /* not "ユーザID", "ユーザー名が、taro" */
			if (mp_notice_classify(s + b, i - b, &dd) != NF_NONE) {
				*le = i;
				*vb = i;
				found = true;
			}
			continue;
		}
		size_t v = nr_skip_sp(s, i, n), t = v < n ? nr_token_len(s + v, n - v) : 0;
		/* "port - 993.", "server - mail.example.net.": the full stop
		 * ending the line is its sentence's, not the value's */
		if (t > 1 && s[v + t - 1] == '.' && s[v + t - 2] != '.' && nr_skip_sp(s, v + t, n) == n)
			t--;
		/* The value must look like one (a number, address or host), and the
		 * label hold none. */
		bool shaped = nr_valid_email(s + v, t) || nr_valid_host(s + v, t) || nr_all_digits(s + v, t);
		/* "ユーザー名（アカウント名） k-suzuki": after a Japanese label (or
		 * its closing bracket) any ASCII token that ends the line is a value. */
		if (!shaped && i > b && ((unsigned char)s[i - 1] >= 0x80 || s[i - 1] == ')') &&
		    nr_is_ascii_tok(s + v, t) && nr_skip_sp(s, v + t, n) == n)
			shaped = true;
		/* "パスワード クリアテキストもしくは標準", "SMTP認証 設定する(推奨)":
		 * a Japanese phrase after a Japanese label of a field whose values
		 * are words, the rest of the line without spaces and no label */
		enum mp_nfield lf0 = mp_notice_classify(s + b, i - b, &dd);
		if (!shaped && i > b &&
		    ((unsigned char)s[i - 1] >= 0x80 || lf0 == NF_SECURITY || lf0 == NF_SMTP_AUTH) && v < n &&
		    (unsigned char)s[v] >= 0x80 &&
		    n - v <= 90 && !memchr(s + v, ' ', n - v) && mp_notice_classify(s + v, n - v, &dd) == NF_NONE) {
			enum mp_nfield lf = mp_notice_classify(s + b, i - b, &dd);
			shaped = lf == NF_PASSWORD || lf == NF_SMTP_AUTH || lf == NF_AUTH_METHOD || lf == NF_SECURITY ||
			         lf == NF_IN_PROTO;
		}
		/* "SSL/TLS encryption SSL", "Authentication type Password": a
		 * security word or a mechanism after a label of that field */
		if (!shaped && v < n && ((lf0 == NF_SECURITY && nr_typed_value(s, v, n, false, &(size_t){0}, &(size_t){0}) == NV_SEC) ||
		                         ((lf0 == NF_AUTH_METHOD || lf0 == NF_SMTP_AUTH) && nr_mechanism(s + v, n - v) >= 0)))
			shaped = true;
		/* "送信ポート番号 SSLの場合(学外必須) 465", "Port with SSL 995": a
		 * port after the words of its condition or security, after a
		 * port label */
		if (!shaped && lf0 == NF_PORT && !found && v < n && n - v <= 90) {
			int pp, ps, pm;
			size_t pa;
			shaped = !isdigit((unsigned char)s[v]) && nr_parse_port(s + v, n - v, &pp, &ps, &pa, &pm) && ps >= 0 &&
			         nr_port_at(s + v, pa, n - v, &pp);
		}
		/* "Server type IMAP (not POP)": a protocol's name after a
		 * protocol label */
		if (!shaped && lf0 == NF_IN_PROTO && t <= 5 && !found) {
			enum mp_nctx pc = mp_notice_words_ctx(s + v, t);
			shaped = pc == NC_IMAP || pc == NC_POP;
		}
		if (memchr(s + b, '@', i - b))
			break;
		/* "Port 465 or 587": the first value found stays one; a label may
		 * not swallow it ("Port 465 or" / "587") */
		if (shaped && !found && mp_notice_classify(s + b, i - b, &dd) != NF_NONE) {
			*le = i;
			*vb = nr_skip_sp(s, i, n);
			found = true;
		}
	}
	return found;
}

bool nr_is_prose(const char *s, size_t n)
{
	/* An English sentence: ends with a full stop (or a clause's ";", a
	 * question's or exclamation's mark), several words, no separator. */
	if (n > 2 && strchr(".;?!", s[n - 1]) && !memchr(s, ':', n) && !memchr(s, '=', n) && !memchr(s, '|', n)) {
		size_t words = 0;
		for (size_t i = 0; i < n; i++)
			words += s[i] == ' ';
		if (words >= 3)
			return true;
	}
	return nr_has(s, n, "。") || nr_has(s, n, "ください") || n > 120 || nr_starts_any(s, n, (const char *const[]){"※", NULL});
}

/* Cells of a line split at runs of two or more spaces. */
size_t nr_space_cells(struct ex *x, const char *s, size_t b, size_t n)
{
	size_t nc = 0;
	nr_cells_room(x, (n - b) / 2 + 2); /* a cell and a separator take two bytes at least */
	size_t *cb = x->cb, *ce = x->ce;
	for (size_t i = nr_skip_sp(s, b, n); i < n;) {
		size_t j = i;
		while (j < n && !(s[j] == ' ' && j + 1 < n && s[j + 1] == ' '))
			j++;
		while (j > i && s[j - 1] == ' ')
			j--;
		cb[nc] = i;
		ce[nc++] = j;
		i = nr_skip_sp(s, j, n);
	}
	return nc;
}

/* Footnote lines: "※1 text  ※4 text". */
void nr_read_notes(struct ex *x, const mp_ntext *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *s = t->lines[i].s;
		size_t n = t->lines[i].len, b = nr_skip_sp(s, 0, n);
		/* a list rendered from HTML loses the mark: "• 1 暗号化機能(POP over
		 * SSL/TLS)を利用する場合の設定です" */
		size_t lb = b, k0 = nr_starts_any(s + b, n - b, (const char *const[]){"•", "・", "*", NULL});
		if (k0)
			lb = nr_skip_sp(s, b + k0, n);
		if (k0 && lb + 2 < n && isdigit((unsigned char)s[lb]) && s[lb + 1] == ' ' && s[lb] != '0') {
			int m = s[lb] - '0';
			if (!x->notes[m]) {
				size_t v = nr_skip_sp(s, lb + 1, n);
				x->notes[m] = mp_xstrndup(s + v, n - v);
				x->note_line[m] = &t->lines[i];
				x->note_off[m] = v;
			}
			continue;
		}
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

/* A host a note says to replace, in one text (a line and the head of the
 * next: a note wraps, "(substitute your domain name for" / "doe.com) |"). */
static void fill_in_note(struct ex *x, const mp_nline *l, const char *s, size_t n)
{
	static const char *const verbs[] = {"replace ", "replacing ", "substitute ", "substituting ", NULL};
	/* the host in straight or typographic quotes ("replace “example.com”
	 * with your actual website’s address") */
	static const char *const open[] = {"\"", "'", " ", "“", "‘", NULL};
	static const char *const close[] = {"”", "’", NULL};
	static const char *const quotes[] = {"「", "\"", "“", NULL};
	bool ja = nr_has(s, n, "置き換え") || nr_has(s, n, "読み替え") || nr_has(s, n, "置換");
	for (size_t i = 0; i < n; i++) {
		size_t k = ja ? nr_starts_any(s + i, n - i, quotes) : nr_starts_any_ci(s + i, n - i, verbs);
		if (!k || (!ja && i && isalpha((unsigned char)s[i - 1])))
			continue;
		size_t j = i + k;
		/* "substitute your domain name for doe.com": the host after "for"
		 * in the verb's clause, when the word after the verb is none */
		size_t f = j;
		while (f < n && f - j < 60 && !strchr(".;()", s[f]) && !(f + 5 <= n && mp_strncasecmp(s + f, " for ", 5) == 0))
			f++;
		for (size_t qk; j < n && (qk = nr_starts_any(s + j, n - j, open));)
			j += qk;
		size_t t = nr_token_len(s + j, n - j);
		for (size_t qk = 1; qk; t -= qk)
			qk = t && strchr("\"'.,)", s[j + t - 1]) ? 1 : t >= 3 && nr_starts_any(s + j + t - 3, 3, close) ? 3 : 0;
		/* "with" in the verb's clause, looked for only after a host: a
		 * line of thousands of "replace" stays linear */
		bool host = nr_valid_host(s + j, t);
		bool with = ja || (host && nr_has(s + j + t, n - j - t < 120 ? n - j - t : 120, "with"));
		if (!ja && !(host && with) && f + 5 < n && mp_strncasecmp(s + f, " for ", 5) == 0) {
			j = nr_skip_sp(s, f + 5, n);
			for (size_t qk; j < n && (qk = nr_starts_any(s + j, n - j, open));)
				j += qk;
			t = nr_token_len(s + j, n - j);
			for (size_t qk = 1; qk; t -= qk)
				qk = t && strchr("\"'.,)|", s[j + t - 1]) ? 1 : t >= 3 && nr_starts_any(s + j + t - 3, 3, close) ? 3 : 0;
			with = true;
		}
		if (with && nr_valid_host(s + j, t))
			nr_add_fill_in(x, l, j, s + j, t);
		i = j;
	}
}

/* "mail.domain.com, where domain.com is your domain", "(example.org
 * being your own domain name)", "acme.example = the name of your
 * domain", "「example.jp」はお客様のドメイン名です": a host followed by a
 * verb of meaning and the reader's own domain declares that host a
 * stand-in; every host under it is a template. */
static void declared_domain(struct ex *x, const mp_nline *l, const char *s, size_t n)
{
	static const char *const verbs[] = {" is ", " being ", " = ", " stands for ", " represents ", " means ",
	                                    " refers to ", " is replaced by ", " should be ", NULL};
	static const char *const own[] = {"your domain", "your own domain", "your actual domain", "your real domain",
	                                  "your registered domain", "the name of your domain", "the domain you",
	                                  "your website's domain", "your company's domain", NULL};
	static const char *const ja[] = {"お客様のドメイン", "お客さまのドメイン", "ご利用のドメイン", "ご契約のドメイン",
	                                 "独自ドメイン", "取得したドメイン", NULL};
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) || (i && (isalnum((unsigned char)s[i - 1]) || strchr(".-@_", s[i - 1]))))
			continue;
		size_t t = nr_token_len(s + i, n - i);
		while (t && strchr("\"'.,)", s[i + t - 1]))
			t--;
		if (t < 4 || !nr_valid_host(s + i, t)) {
			i += t;
			continue;
		}
		size_t e = i + t;
		while (e < n && strchr("\"')", s[e]))
			e++;
		if (e + 3 <= n && memcmp(s + e, "」", 3) == 0)
			e += 3;
		size_t je = e; /* "example.jp の部分は": a blank before Japanese */
		while (je < n && s[je] == ' ')
			je++;
		size_t rest = n - e < 60 ? n - e : 60, k;
		bool said = false;
		if ((k = nr_starts_any_ci(s + e, rest, verbs)) > 0) {
			size_t c = e + k - 1; /* the clause after the verb, to its end */
			static const char *const fill[] = {"actually ", "in fact ", "really ", NULL};
			size_t f = nr_starts_any_ci(s + c + 1, n - c - 1, fill);
			said = nr_starts_any_ci(s + c + 1 + f, n - c - 1 - f, own) > 0;
		} else if (nr_starts_any(s + je, n - je < 60 ? n - je : 60, (const char *const[]){"は", "の部分は", "の部分を", "を", NULL}) > 0) {
			said = nr_has_any(s + je, n - je < 60 ? n - je : 60, ja);
		}
		if (said)
			nr_add_fill_in(x, l, i, s + i, t);
		i += t;
	}
}

void nr_add_fill_in(struct ex *x, const mp_nline *l, size_t off, const char *h, size_t hn)
{
	/* the same note again (a page repeats it per client) */
	for (size_t m = 0; m < x->nfill_in; m++)
		if (strlen(x->fill_in[m]) == hn && mp_strncasecmp(x->fill_in[m], h, hn) == 0)
			return;
	if (x->nfill_in >= NR_MAX_FILL_IN) {
		if (!x->fill_in_full)
			nr_info(x, l, off, NULL, "more than %d hosts a note says to replace; %s not used", NR_MAX_FILL_IN,
			        "this note and those after it");
		x->fill_in_full = true;
		return;
	}
	x->fill_in = mp_xgrow(x->fill_in, x->nfill_in, sizeof *x->fill_in);
	x->fill_in[x->nfill_in++] = mp_xstrndup(h, hn);
}

/* "Note: replace "example.com" with the name of your domain",
 * "「example.jp」はお客様のドメイン名に置き換えてください", "(substitute your
 * domain name for doe.com)": the host named is a placeholder wherever it
 * stands, on any line (a bullet's remark, a table's cell, a sentence);
 * resolve.c drops it. Read before the rows, since the note often follows
 * the host it speaks of. */
void nr_read_fill_in(struct ex *x, const mp_ntext *t)
{
	mp_buf w = {0};
	for (size_t li = 0; li < t->n; li++) {
		const mp_nline *l = &t->lines[li];
		/* the line with the first 80 bytes of the next (a wrapped note) */
		w.len = 0;
		mp_buf_add(&w, l->s, l->len);
		if (li + 1 < t->n) {
			const mp_nline *nx = &t->lines[li + 1];
			size_t b = nr_skip_sp(nx->s, 0, nx->len), e = b;
			while (e < nx->len && e - b < 80)
				e++;
			while (e < nx->len && ((unsigned char)nx->s[e] & 0xC0) == 0x80)
				e++; /* not inside a character */
			mp_buf_putc(&w, ' ');
			mp_buf_add(&w, nx->s + b, e - b);
		}
		fill_in_note(x, l, w.s, w.len);
		declared_domain(x, l, w.s, w.len);
	}
	free(w.s);
}

/* Could the byte before '@' at s[i] end a local part? Placeholders
 * ("○○○@example.jp") and letters do; a space, a bracket or a note mark
 * ("※@ji.example.jp のお客様") do not. */
bool nr_bare_at(const char *s, size_t b, size_t i)
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

struct addr_seen {
	const char *at; /* the address in its line */
	size_t local, len;
};

/* By local part, then by domain, case folded. */
static int addr_cmp(const void *pa, const void *pb)
{
	const struct addr_seen *a = pa, *b = pb;
	size_t m = a->local < b->local ? a->local : b->local;
	int c = mp_strncasecmp(a->at, b->at, m);
	if (c || a->local != b->local)
		return c ? c : a->local < b->local ? -1 : 1;
	m = a->len < b->len ? a->len : b->len;
	c = mp_strncasecmp(a->at + a->local, b->at + b->local, m - a->local);
	return c ? c : a->len < b->len ? -1 : a->len > b->len;
}

/* Addresses that show the forms an address may take: one local part with
 * three domains or more ("asahitaro@asahinet.jp", "asahitaro@my.email.ne.jp",
 * "asahitaro@asahi-net.co.jp"). A letter to one customer names one address
 * per account; a page listing domains shows examples. Sorted, so a notice
 * full of addresses costs n log n. */
void nr_read_forms(struct ex *x, const mp_ntext *t)
{
	struct addr_seen *seen = NULL;
	size_t nseen = 0;
	for (size_t li = 0; li < t->n; li++) {
		const char *s = t->lines[li].s;
		size_t n = t->lines[li].len;
		for (size_t i = 0; i < n; i++) {
			if (i && (isalnum((unsigned char)s[i - 1]) || strchr(".-_%+", s[i - 1])))
				continue;
			size_t k = nr_token_len(s + i, n - i);
			while (k && strchr(".,;:)", s[i + k - 1]))
				k--;
			const char *at = k ? memchr(s + i, '@', k) : NULL;
			if (!at || !nr_valid_email(s + i, k)) {
				i += k;
				continue;
			}
			seen = mp_xgrow(seen, nseen, sizeof *seen);
			seen[nseen++] = (struct addr_seen){s + i, (size_t)(at - (s + i)), k};
			i += k;
		}
	}
	if (nseen)
		qsort(seen, nseen, sizeof *seen, addr_cmp);
	for (size_t a = 0; a < nseen;) {
		size_t b = a + 1, domains = 1;
		for (; b < nseen && seen[b].local == seen[a].local && mp_strncasecmp(seen[b].at, seen[a].at, seen[a].local) == 0; b++)
			domains += addr_cmp(&seen[b - 1], &seen[b]) != 0;
		if (domains >= 3) {
			x->forms = mp_xgrow(x->forms, x->nforms, sizeof *x->forms);
			x->forms[x->nforms++] = mp_xstrndup(seen[a].at, seen[a].local);
		}
		a = b;
	}
	free(seen);
}

/* Is the address (n bytes) one of those forms? */
bool nr_is_form(const struct ex *x, const char *addr, size_t n)
{
	const char *at = memchr(addr, '@', n);
	if (!at)
		return false;
	for (size_t i = 0; i < x->nforms; i++)
		if (strlen(x->forms[i]) == (size_t)(at - addr) && mp_strncasecmp(x->forms[i], addr, (size_t)(at - addr)) == 0)
			return true;
	return false;
}

/* ---- sentences wrapped across lines (nr_join_wrapped) ---- */

/* Words after which an English clause cannot stop: a line ending in one
 * goes on on the next line, whatever that starts with (a host, a port,
 * "IMAP"). */
static const char *const open_words[] = {
	"the", "a", "an", "and", "or", "with", "of", "for", "to", "at", "is", "are", "be", "use",
	"using", "via", "on", "in", "from", "by", "as", "named", "called", "your", "our", "enter",
	"set", "select", "choose", "that", "which", "should", "must", "will", "can", "if", "when",
	"both", "either", "than", "into", "under", "whose", "its", "their", "this", "these", "was",
	"were", "has", "have", "requires", "require", "supports", "support", NULL};
/* Japanese particles and connectives a sentence, a label or a value does
 * not end with ("受信サーバーは" / "mail.example.jpです。"). */
static const char *const open_ja[] = {"は", "が", "を", "に", "で", "と", "も", "へ", "、", "，",
                                      "から", "より", "および", "または", "及び", "又は", NULL};
/* Longest line a join makes: past it the next line is read alone (a
 * hostile page of one endless paragraph stays linear). */
enum { WRAP_JOIN_MAX = 2048 };

/* "Label: value" or "Label:" heading its value, after any bullet; also
 * "- Label - value" ("- POP3 (Incoming Mail) Server - this is the
 * server", a dash row read as such). */
static bool label_line(const char *s, size_t n)
{
	bool marked;
	size_t b = nr_strip_lead(s, n, &marked);
	const char *c = memchr(s + b, ':', n - b);
	size_t d = nr_find_dash(s, b, n, 60);
	if (d < n && (!c || (size_t)(c - s) > d)) {
		enum mp_nctx dc;
		enum mp_nfield df = mp_notice_classify(s + b, d - b, &dc);
		if (df != NF_NONE && df != NF_IGNORE)
			return true;
	}
	if (!c || (size_t)(c - s) - b > 60)
		return false;
	enum mp_nctx dx;
	enum mp_nfield f = mp_notice_classify(s + b, (size_t)(c - s) - b, &dx);
	return f != NF_NONE && f != NF_IGNORE;
}

/* Line b goes on with the sentence line a leaves open (a wrapped at an
 * arbitrary word): a ends no sentence, neither is a table row, a label
 * line, a heading or (b) a list item, and there is evidence of a
 * continuation: a ends in a word a clause cannot stop at ("… the server
 * is" / "localhost"), or a is a sentence of several words and b goes on
 * with a lower-case word ("… no SSL and normal" / "password
 * authentication."); in Japanese, a ends in a particle. */
static bool wraps_into(const mp_nline *a, const mp_nline *b, bool rest)
{
	const char *s = a->s, *t = b->s;
	size_t n = a->len, m = b->len;
	while (n && s[n - 1] == ' ')
		n--;
	size_t tb = nr_skip_sp(t, 0, m);
	if (!n || tb == m || !mp_nline_just_above(a, b) || a->len + m > WRAP_JOIN_MAX)
		return false;
	if (memchr(s, '|', n) || memchr(t, '|', m) || memchr(s, '=', n) || memchr(t, '=', m) || memchr(s, '\t', n))
		return false;
	if (strchr(".:;!?", s[n - 1]) || (n >= 3 && (memcmp(s + n - 3, "。", 3) == 0 || memcmp(s + n - 3, "：", 3) == 0 ||
	                                             memcmp(s + n - 3, "！", 3) == 0 || memcmp(s + n - 3, "？", 3) == 0)))
		return false;
	bool marked;
	size_t ab = nr_strip_lead(s, n, &marked);
	if (marked || ab == n || s[nr_skip_sp(s, 0, n)] == '#')
		return false;
	if (nr_strip_lead(t, m, &marked) != tb || marked || label_line(s, n) || label_line(t, m))
		return false;
	/* a sentence begun after another's end on a wrapped line and not
	 * ended there goes on ("… account username. To check" / "extra POP
	 * boxes …") */
	if (rest)
		return true;
	/* the last word of a */
	size_t w = n;
	while (w > ab && s[w - 1] != ' ')
		w--;
	bool open = false;
	for (size_t k = 0; open_words[k] && !open; k++)
		open = strlen(open_words[k]) == n - w && mp_strncasecmp(s + w, open_words[k], n - w) == 0;
	if (open)
		return true;
	for (size_t k = 0; open_ja[k]; k++) {
		size_t kl = strlen(open_ja[k]);
		/* a line filled to a width (30 characters at least, the next
		 * no wider): a short one, or one before a longer line, ends
		 * where its writer broke it ("…サーバ名は共に" / "mail.…",
		 * "…とは" / a paragraph on one line), read line by line */
		if (n - ab >= kl && a->col[n] - a->col[ab] >= 30 && b->col[m] - b->col[tb] <= a->col[n] - a->col[ab] + 4 &&
		    !a->lno && memcmp(s + n - kl, open_ja[k], kl) == 0)
			return true;
	}
	size_t words = 1;
	for (size_t i = ab; i < n; i++)
		words += s[i] == ' ' && s[i + 1] != ' ';
	if (words < 5 || !islower((unsigned char)t[tb]))
		return false;
	/* b's first word: letters only (not a host, "e.g.", a login), and no
	 * label's colon after it */
	size_t e = tb;
	while (e < m && t[e] != ' ')
		e++;
	if (e > tb && t[e - 1] == ':')
		return false;
	while (e > tb && strchr(",;.!?)\"'*", t[e - 1]))
		e--;
	for (size_t i = tb; i < e; i++)
		if (!isalpha((unsigned char)t[i]) && t[i] != '-' && t[i] != '\'')
			return false;
	return true;
}

/* Append line b to line a (one space between unless both sides are
 * Japanese), each byte keeping its line and column. */
static void join_line(mp_nline *a, const mp_nline *b)
{
	size_t n = a->len;
	while (n && a->s[n - 1] == ' ')
		n--;
	size_t tb = nr_skip_sp(b->s, 0, b->len), m = b->len - tb;
	bool sp = !((unsigned char)a->s[n - 1] >= 0x80 && (unsigned char)b->s[tb] >= 0x80);
	size_t len = n + sp + m;
	if (!a->lno) {
		a->lno = mp_xmalloc((a->len + 1) * sizeof *a->lno);
		for (size_t i = 0; i <= a->len; i++)
			a->lno[i] = a->line;
	}
	a->s = mp_xrealloc(a->s, len + 1);
	a->col = mp_xrealloc(a->col, (len + 1) * sizeof *a->col);
	a->lno = mp_xrealloc(a->lno, (len + 1) * sizeof *a->lno);
	if (sp) /* (its column and line number: those byte n already has) */
		a->s[n] = ' ';
	memcpy(a->s + n + sp, b->s + tb, m);
	memcpy(a->col + n + sp, b->col + tb, (m + 1) * sizeof *a->col);
	for (size_t i = n + sp; i <= len; i++)
		a->lno[i] = b->line;
	a->s[len] = '\0';
	a->len = len;
}

/* Offset just past the first sentence end in s[from, n) that more text
 * follows on the line ("… authentication. Outgoing server is …", "…です。
 * 送信…"), or 0. A full stop ends a sentence before a capital only, and
 * not after an abbreviation ("e.g. Terminal", "No. 5"). */
static size_t sentence_end(const char *s, size_t from, size_t n)
{
	/* (nor before a sentence pointing back to one before it: "… or the
	 * TLS port 465. Note that the latter requires SSL") */
	static const char *const back[] = {"the latter", "the former", NULL};
	static const char *const abbr[] = {"e.g", "i.e", "etc", "no", "vs", "approx", "ex", "fig", "mr", "dr", NULL};
	for (size_t i = from; i < n; i++) {
		if (i + 3 <= n && (memcmp(s + i, "。", 3) == 0 || memcmp(s + i, "！", 3) == 0 || memcmp(s + i, "？", 3) == 0)) {
			if (nr_skip_sp(s, i + 3, n) < n)
				return i + 3;
			continue;
		}
		if (!strchr(".!?", s[i]) || !s[i] || i + 2 >= n || s[i + 1] != ' ')
			continue;
		size_t k = nr_skip_sp(s, i + 1, n);
		if (k == n || !isupper((unsigned char)s[k]) || (i && strchr(".!?", s[i - 1])))
			continue;
		size_t w = i;
		while (w > from && s[w - 1] != ' ')
			w--;
		bool ab = w == i || (s[i] == '.' && i - w == 1);
		for (size_t a = 0; abbr[a] && !ab && s[i] == '.'; a++)
			ab = strlen(abbr[a]) == i - w && mp_strncasecmp(s + w, abbr[a], i - w) == 0;
		size_t look = n - k < 40 ? n - k : 40;
		for (size_t a = 0; back[a] && !ab; a++)
			ab = nr_has(s + k, look, back[a]);
		if (!ab)
			return i + 1;
	}
	return 0;
}

/* The end of s[0, n)'s first sentence (its full stop included) when
 * another sentence follows on it, else n (sentence_end's rules). */
size_t nr_first_sentence(const char *s, size_t n)
{
	size_t e = sentence_end(s, 0, n);
	return e ? e : n;
}

/* A wrapped sentence becomes one line, not its paragraph: a line that
 * goes on with the line before gives it only up to its first sentence
 * end, the rest staying a line of its own (which may go on in turn), so
 * rules reading "the line" see one sentence ("… no SSL and normal" /
 * "password authentication. Outgoing server is …"). */
void nr_join_wrapped(mp_ntext *t)
{
	size_t o = 0;
	bool rest = false; /* line o - 1 is the rest of a wrapped line */
	for (size_t i = 0; i < t->n; i++) {
		mp_nline *l = &t->lines[i];
		if (o && wraps_into(&t->lines[o - 1], l, rest)) {
			size_t tb = nr_skip_sp(l->s, 0, l->len), e = sentence_end(l->s, tb, l->len);
			mp_nline tail = {0};
			if (e) {
				tail = mp_nline_tail(l, nr_skip_sp(l->s, e, l->len));
				l->len = e;
				l->s[e] = '\0';
			}
			join_line(&t->lines[o - 1], l);
			free(l->s);
			free(l->col);
			free(l->raw);
			free(l->lno);
			if (!e)
				continue;
			/* o <= i: the rest takes the slot l had at most */
			t->lines[o++] = tail;
			rest = true;
			continue;
		}
		t->lines[o++] = *l;
		rest = false;
	}
	t->n = o;
}

/* ---- a value on the line after its label (nr_join_label_value) ---- */

/* End of the label of a line that is a label only ("• Port with SSL/TLS",
 * "Incoming server:", "■メールアドレス"), after its bullet, or 0: a short
 * run of words naming a field, ended by its colon or by the line, no
 * sentence and no table row. */
static size_t label_only(const mp_nline *a, size_t *lb, enum mp_nfield *fo)
{
	const char *s = a->s;
	size_t n = a->len;
	while (n && s[n - 1] == ' ')
		n--;
	bool marked;
	size_t b = nr_strip_lead(s, n, &marked);
	if (b >= n || memchr(s + b, '|', n - b) || memchr(s + b, '\t', n - b) || strchr(".?!;,", s[n - 1]) ||
	    nr_has(s + b, n - b, "。") || nr_has(s + b, n - b, "?") || nr_has(s + b, n - b, "？"))
		return 0; /* a sentence, a question: no label */
	size_t e = n;
	const char *c = memchr(s + b, ':', n - b);
	if (c && (size_t)(c - s) + 1 != n)
		return 0; /* a value after the colon: a row of its own */
	if (c)
		e = (size_t)(c - s);
	while (e > b && s[e - 1] == ' ')
		e--;
	size_t words = 1;
	for (size_t k = b; k < e; k++)
		words += s[k] == ' ';
	if (e <= b || e - b > 60 || words > 6)
		return 0;
	enum mp_nctx dir;
	enum mp_nfield f = mp_notice_classify(s + b, e - b, &dir);
	size_t hb, he; /* "SSL/TLS" over "STARTTLS": values stacked, no label */
	if (f == NF_NONE || f == NF_IGNORE || (nr_typed_value(s, b, e, true, &hb, &he) != NV_NONE && hb == b && he == e))
		return 0;
	*lb = b;
	*fo = f;
	return e;
}

/* "• Port with SSL/TLS" / "993", "Outgoing server" / "smtp.example.org
 * (authentication required)": the way many pages lay a setting out (a
 * definition list, a label cell over its value cell) says what "Label:
 * value" says on one line, so it is read as that line, every rule of a
 * row applying. The value line must open with a value the reader types
 * (a host, a port, an address, a security word, yes or no): not another
 * label, not a sentence, not an item of its own. */
void nr_join_label_value(mp_ntext *t)
{
	size_t o = 0;
	for (size_t i = 0; i < t->n; i++) {
		mp_nline *l = &t->lines[i];
		size_t lb = 0, le = 0;
		enum mp_nfield f = NF_NONE;
		mp_nline *a = o ? &t->lines[o - 1] : NULL;
		if (a && mp_nline_just_above(a, l) && (le = label_only(a, &lb, &f)) != 0 && a->len + l->len < WRAP_JOIN_MAX) {
			const char *u = l->s;
			size_t m = l->len, tb = nr_skip_sp(u, 0, m), hb, he;
			bool marked;
			enum nr_vtype v = tb < m && nr_strip_lead(u, m, &marked) == tb && !marked && !label_line(u, m)
			                          ? nr_typed_value(u, tb, m, true, &hb, &he)
			                          : NV_NONE;
			/* a port under a label naming a port and another field
			 * ("Port with SSL/TLS" names a security too): the row's
			 * rules weigh both; a value of the label's own field is
			 * read by attach.c's next-line reading */
			bool takes = f != NF_PORT && v == NV_PORT &&
			             (nr_has(a->s + lb, le - lb, "port") || nr_has(a->s + lb, le - lb, "ポート"));
			/* "Port" over "993" over "143": a column of values under
			 * one label is a stack the rows after it read, not a pair */
			if (takes && i + 1 < t->n && mp_nline_just_above(l, &t->lines[i + 1])) {
				const mp_nline *z = &t->lines[i + 1];
				size_t zb = nr_skip_sp(z->s, 0, z->len), yb, ye;
				takes = zb == z->len || label_line(z->s, z->len) ||
				        nr_typed_value(z->s, zb, z->len, true, &yb, &ye) == NV_NONE || yb != zb;
			}
			/* (a security word or a yes under its label: the next-line
			 * reading of attach.c already weighs it as its label says) */
			if (v != NV_NONE && v != NV_TOKEN && v != NV_SEC && v != NV_YESNO && hb == tb && takes) {
				/* the label's colon, then the value */
				a->s = mp_xrealloc(a->s, le + 2);
				a->col = mp_xrealloc(a->col, (le + 2) * sizeof *a->col);
				a->s[le] = ':';
				a->s[le + 1] = '\0';
				a->col[le + 1] = a->col[le];
				if (a->lno) {
					a->lno = mp_xrealloc(a->lno, (le + 2) * sizeof *a->lno);
					a->lno[le + 1] = a->lno[le];
				}
				a->len = le + 1;
				join_line(a, l);
				free(l->s);
				free(l->col);
				free(l->raw);
				free(l->lno);
				continue;
			}
		}
		t->lines[o++] = *l;
	}
	t->n = o;
}
