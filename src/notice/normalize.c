/* Normalising for matching, keeping positions (notices.md §3.2, §1.12).
 * Each line keeps, for every byte of its folded form, the character column
 * it came from, so a value found in the folded text points at the notice. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "notice.h"

static void put_cp(mp_buf *b, unsigned cp)
{
	char t[4];
	size_t n;
	if (cp < 0x80)
		t[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		t[0] = (char)(0xC0 | (cp >> 6)), t[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		t[0] = (char)(0xE0 | (cp >> 12)), t[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
		t[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		t[0] = (char)(0xF0 | (cp >> 18)), t[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), t[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	mp_buf_add(b, t, n);
}

/* The folded form of one code point. */
static unsigned fold_cp(unsigned cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
		return cp - 0xFF01 + 0x21;
	switch (cp) {
	case 0x3000: case 0x00A0: case '\t': case '\f': return ' ';
	case 0xFE55: case 0x2236: return ':';              /* small / ratio colons */
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212: case 0x2500: case 0x2501: case 0x2504: case 0x2505: case 0x2550:
		return '-';                                     /* dashes and horizontal rules */
	case 0x2502: case 0x2503: case 0x2551: case 0x250C: case 0x2510: case 0x2514:
	case 0x2518: case 0x251C: case 0x2524: case 0x250F: case 0x2513: case 0x2517:
	case 0x251B: case 0x2523: case 0x252B: case 0x2520: case 0x2528:
		return '|';                                     /* box drawing: cell borders */
	case 0x253C: case 0x254B: case 0x252C: case 0x2534: case 0x2533: case 0x253B:
		return '+';
	case 0xFFE0: return 0xA2;
	case 0xFF5F: return '(';
	case 0xFF60: return ')';
	case 0x3014: return '[';                            /* 〔〕 as brackets */
	case 0x3015: return ']';
	case 0xFF61: return 0x3002;                         /* half-width 。 */
	case 0xFF64: return 0x3001;
	case 0xFF65: return 0x30FB;                         /* half-width ・ */
	default: return cp;
	}
}

/* Half-width katakana ("ﾒｰﾙｻｰﾊﾞｰ", "ﾎﾟｰﾄ番号": older letters and
 * mainframe print-outs) as full-width, a voiced-sound mark after a kana
 * joined to it (ﾊﾞ is バ, ﾎﾟ is ポ); *mark is the bytes of the mark taken. */
static unsigned fold_kana(unsigned raw, const char *next, size_t left, size_t *mark)
{
	static const unsigned short kana[] = {
	    0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, /* ｦ ｧ-ｫ ｬ-ｮ ｯ */
	    0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, /* ｰ ｱ-ｵ ｶ-ｹ */
	    0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, /* ｺ ｻ-ｿ ﾀ-ﾃ */
	    0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, /* ﾄ ﾅ-ﾉ ﾊ-ﾍ */
	    0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, /* ﾎ ﾏ-ﾓ ﾔ-ﾖ ﾗ */
	    0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C};              /* ﾘ-ﾛ ﾜ ﾝ ﾞ ﾟ */
	unsigned cp = kana[raw - 0xFF66];
	*mark = 0;
	size_t a2;
	unsigned nx = left ? mp_utf8_get(next, left, &a2) : 0;
	bool ks = cp >= 0x30AB && cp <= 0x30C8 && cp != 0x30C3; /* カ..ト: each takes ゛ as the next code */
	bool h = cp >= 0x30CF && cp <= 0x30DB && (cp - 0x30CF) % 3 == 0; /* ハ ヒ フ ヘ ホ */
	if (nx == 0xFF9E && (ks || h || cp == 0x30A6)) {
		*mark = a2;
		return cp == 0x30A6 ? 0x30F4 : cp + 1; /* ｳﾞ is ヴ */
	}
	if (nx == 0xFF9F && h) {
		*mark = a2;
		return cp + 2;
	}
	return cp;
}

/* Mark the markers of k bytes at s[j] (closing) and s[i] (opening) to
 * go; drop_emphasis removes every marked byte in one pass at its end (a
 * hostile line of thousands of pairs stays linear). */
static void drop_pair(bool *del, size_t i, size_t j, size_t k)
{
	memset(del + i, 1, k);
	memset(del + j, 1, k);
}

/* The bytes of b not marked in del, moved down in one pass, their
 * columns with them. */
static void keep_undeleted(mp_buf *b, int *col, const bool *del)
{
	size_t o = 0;
	for (size_t i = 0; i < b->len; i++)
		if (!del[i]) {
			b->s[o] = b->s[i];
			col[o++] = col[i];
		}
	b->len = o;
	b->s[o] = '\0';
}

/* Markdown emphasis and code around a value ("**imap.example.com**",
 * "`993`", reStructuredText's literal "``cyrus.example.de``") is markup,
 * not part of the value: the markers go, columns stay with the characters
 * they point at. A pair goes around one token, or for "_…_" italics
 * around a few words (200 bytes at most), so masks ("********") and
 * footnote marks ("*1") stay. */
static void drop_emphasis(mp_buf *b, int *col)
{
	static const char *const marks[] = {"**", "__", "``", "`"};
	char *s = b->s;
	if (!s || !b->len)
		return;
	bool *del = mp_xcalloc(b->len, sizeof *del), any = false;
	for (size_t i = 0; i < b->len; i++) {
		if (del[i] || (i && !strchr(" |:(", s[i - 1])))
			continue;
		bool dropped = false;
		for (size_t m = 0; m < MP_COUNT(marks) && !dropped; m++) {
			size_t k = strlen(marks[m]);
			if (i + k >= b->len || memcmp(s + i, marks[m], k) != 0 || !isalnum((unsigned char)s[i + k]))
				continue;
			size_t j = i + k;
			while (j < b->len && s[j] != ' ' && s[j] != '|' && memcmp(s + j, marks[m], k) != 0)
				j++;
			/* "**Incoming mail server:** value": a label in bold, its
			 * colon inside (spaces too, on a short label) */
			if (k == 2 && (j >= b->len || s[j] == ' ')) {
				size_t c = i + k;
				while (c + 2 < b->len && c - i < 60 && s[c] != '|' && !(s[c] == ':' && memcmp(s + c + 1, marks[m], k) == 0))
					c++;
				if (c + 2 < b->len && s[c] == ':' && memcmp(s + c + 1, marks[m], k) == 0)
					j = c + 1;
			}
			if (j + k > b->len || memcmp(s + j, marks[m], k) != 0 ||
			    !(isalnum((unsigned char)s[j - 1]) || (s[j - 1] == ':' && k == 2)) ||
			    (j + k < b->len && !strchr(" |.,;:)", s[j + k])))
				continue;
			drop_pair(del, i, j, k);
			dropped = any = true;
		}
		/* "_mail.example.net_", "_Use your provider's server, e.g.
		 * smtp.example.org_": Markdown's italics around a host name or
		 * several words (up to 200 bytes, no '_' inside, so snake_case
		 * stays whole; one other word may be a password: "_e7?Ab_") */
		if (!dropped && s[i] == '_' && i + 1 < b->len && isalnum((unsigned char)s[i + 1])) {
			size_t j = i + 1;
			bool words = false, name = true, dot = false;
			for (; j < b->len && j - i < 200 && s[j] != '_' && s[j] != '|'; j++) {
				words |= s[j] == ' ';
				dot |= s[j] == '.';
				name &= isalnum((unsigned char)s[j]) || s[j] == '.' || s[j] == '-' || s[j] == '@';
			}
			if (j < b->len && s[j] == '_' && s[j - 1] != ' ' && (words || (name && dot)) &&
			    (j + 1 == b->len || strchr(" |.,;:)", s[j + 1]))) {
				drop_pair(del, i, j, 1);
				any = true;
			}
		}
	}
	if (any)
		keep_undeleted(b, col, del);
	free(del);
}

/* HTML's inline tags left in a page that is otherwise text (a wiki's
 * source, "substitute your domain for <tt>example.com</tt>", a Markdown
 * page's "<code>mail.example.net</code>", "<b>993</b>"): a pair around
 * one run of text without a blank goes, columns kept; other tags stay. */
static void drop_inline_tags(mp_buf *b, int *col)
{
	static const char *const tags[] = {"tt", "code", "kbd", "samp", "var", "b", "i", "em", "strong"};
	char *s = b->s;
	if (!s || b->len < 7 || !memchr(s, '<', b->len))
		return;
	bool *del = mp_xcalloc(b->len, sizeof *del), any = false;
	for (size_t i = 0; i + 3 < b->len; i++) {
		if (s[i] != '<' || del[i])
			continue;
		for (size_t m = 0; m < MP_COUNT(tags); m++) {
			size_t k = strlen(tags[m]);
			if (i + k + 2 >= b->len || mp_strncasecmp(s + i + 1, tags[m], k) != 0 || s[i + k + 1] != '>' ||
			    !isalnum((unsigned char)s[i + k + 2]))
				continue;
			size_t j = i + k + 2;
			while (j < b->len && s[j] != ' ' && s[j] != '<')
				j++;
			if (j + k + 3 > b->len || s[j] != '<' || s[j + 1] != '/' || mp_strncasecmp(s + j + 2, tags[m], k) != 0 ||
			    s[j + k + 2] != '>')
				continue;
			memset(del + i, 1, k + 2);
			memset(del + j, 1, k + 3);
			any = true;
			i = j + k + 2;
			break;
		}
	}
	if (any)
		keep_undeleted(b, col, del);
	free(del);
}

/* References around a value are no part of it: citation marks glued to
 * the text they follow ("on port 993.[3][6]", "smtp.example.com[1]", an
 * answer engine's or a wiki's references) go, and a Markdown link
 * "[imap.example.com](http://imap.example.com/)" reads as its text. One
 * pass, columns kept. A bracketed number after a space or opening a line
 * ("[1] Note") stays; a link target counts up to 512 bytes, no spaces. */
static void drop_references(mp_buf *b, int *col)
{
	char *s = b->s;
	size_t o = 0, open = SIZE_MAX; /* where the last '[' went in the output */
	for (size_t i = 0; s && i < b->len;) {
		size_t j = i;
		while (j < b->len && s[j] == '[' && j > 0 && s[j - 1] != ' ' && s[j - 1] != '|') {
			size_t d = j + 1;
			while (d < b->len && d - j <= 3 && isdigit((unsigned char)s[d]))
				d++;
			if (d == j + 1 || d >= b->len || s[d] != ']')
				break;
			j = d + 1; /* one more mark of the run */
		}
		if (j == i && s[i] == ']' && open != SIZE_MAX && i + 1 < b->len && s[i + 1] == '(') {
			size_t t = i + 2;
			while (t < b->len && s[t] != ')' && s[t] != ' ' && t - i < 512)
				t++;
			if (t < b->len && s[t] == ')' && t > i + 2) { /* drop "[" at open, "](…)" here */
				memmove(s + open, s + open + 1, o - open - 1);
				memmove(col + open, col + open + 1, (o - open - 1) * sizeof *col);
				o--;
				j = t + 1;
				open = SIZE_MAX;
			}
		}
		if (j > i) {
			i = j;
			continue;
		}
		if (s[i] == '[')
			open = o;
		s[o] = s[i];
		col[o++] = col[i++];
	}
	if (s) {
		b->len = o;
		s[o] = '\0';
	}
}

/* Drop s[i, i + k) from the folded line, columns kept with their bytes. */
static void drop_bytes(mp_buf *b, int *col, size_t i, size_t k)
{
	memmove(b->s + i, b->s + i + k, b->len - i - k);
	memmove(col + i, col + i + k, (b->len - i - k) * sizeof *col);
	b->len -= k;
	b->s[b->len] = '\0';
}

/* A protocol's name spelled out in brackets after it says nothing more:
 * "POP3 (Post Office Protocol 3)", "IMAP (Internet Message Access
 * Protocol)", "SMTP (Simple Mail Transfer Protocol)" ending a line (a
 * heading) read as the name alone, so "Protocol 3)" is not a protocol
 * row. One pass; only a bracket right after the name, holding one of the
 * three spellings. */
static void drop_expansions(mp_buf *b, int *col)
{
	static const char *const spelled[] = {"post office protocol", "internet message access protocol",
	                                      "simple mail transfer protocol", NULL};
	for (size_t i = 0; b->s && i < b->len; i++) {
		if (b->s[i] != '(' || i < 4 || !(b->s[i - 1] == ' ' || isalnum((unsigned char)b->s[i - 1])))
			continue;
		size_t w = i;
		while (w > 0 && b->s[w - 1] == ' ')
			w--;
		size_t a = w;
		while (a > 0 && isalnum((unsigned char)b->s[a - 1]))
			a--;
		if (w - a < 3 || w - a > 5 || !(mp_strncasecmp(b->s + a, "pop", 3) == 0 || mp_strncasecmp(b->s + a, "imap", 4) == 0 ||
		                                mp_strncasecmp(b->s + a, "smtp", 4) == 0))
			continue;
		size_t e = i + 1, k = 0;
		while (e < b->len && e - i < 48 && b->s[e] != ')')
			e++;
		if (e >= b->len || b->s[e] != ')')
			continue;
		for (const char *const *sp = spelled; *sp && !k; sp++)
			if (strlen(*sp) <= e - i - 1 && mp_strncasecmp(b->s + i + 1, *sp, strlen(*sp)) == 0)
				k = 1;
		/* a heading's bracket, ending the line (in a sentence the words
		 * may be what names the protocols: "IMAP (…) or POP (…)") */
		size_t t = e + 1;
		while (t < b->len && b->s[t] == ' ')
			t++;
		if (!k || t < b->len)
			continue;
		drop_bytes(b, col, w, e + 1 - w);
		i = w;
	}
}

/* "pod51000.outlook .com": a host name broken by a space before its last
 * dot (a page's markup between the labels) is one name again, when the
 * part before the space ends in no top-level domain and the part after it
 * is one. One pass, the kept bytes copied down as it goes (a line of
 * thousands of such names is not moved once for each); the part before is
 * read from what is kept, as if each space had gone when it was met. */
static void join_split_hosts(mp_buf *b, int *col)
{
	char *s = b->s;
	size_t o = 0; /* bytes kept: s[0, o) */
	for (size_t i = 0; s && i < b->len; i++) {
		if (o > 0 && i + 2 < b->len && s[i] == ' ' && s[i + 1] == '.' && isalnum((unsigned char)s[o - 1])) {
			size_t a = o, dot = 0;
			while (a > 0 && (isalnum((unsigned char)s[a - 1]) || s[a - 1] == '-' || s[a - 1] == '.')) {
				if (s[a - 1] == '.' && !dot)
					dot = a;
				a--;
			}
			size_t e = i + 2;
			while (e < b->len && isalnum((unsigned char)s[e]))
				e++;
			if (dot && e > i + 2 && !(e < b->len && (s[e] == '-' || s[e] == '@')) && !mp_tld_known(s + dot, o - dot) &&
			    mp_tld_known(s + i + 2, e - i - 2))
				continue; /* the space goes */
		}
		s[o] = s[i];
		col[o++] = col[i];
	}
	if (s && o < b->len) {
		b->len = o;
		s[o] = '\0';
	}
}

/* "username@[cs|math|stats].example.ac.nz", "pop.[a|b].example.net": bars
 * in a square bracket with no space in it are a notation's alternatives,
 * no cell borders; they read as slashes. One pass. */
static void alternation_bars(mp_buf *b)
{
	for (size_t i = 0; b->s && i < b->len; i++) {
		if (b->s[i] != '[')
			continue;
		size_t e = i + 1;
		bool bar = false;
		while (e < b->len && (isalnum((unsigned char)b->s[e]) || b->s[e] == '|' || b->s[e] == '-' || b->s[e] == '.'))
			bar |= b->s[e++] == '|';
		if (bar && e < b->len && b->s[e] == ']' && b->s[i + 1] != '|' && b->s[e - 1] != '|')
			for (size_t k = i + 1; k < e; k++)
				if (b->s[k] == '|')
					b->s[k] = '/';
		i = e - 1;
	}
}

/* Dot leaders typed in ASCII ("Login name ....... jharper", "Password
 * ......Mx!44ab") join a label to its value as "…" and "・・" do: a run
 * of three dots or more after a label's length of text and before more
 * text on the line (not three dots between spaces: an ellipsis) becomes
 * "…" (three bytes, the same as the first three dots) and blanks, so the
 * segmenter splits there and no host swallows the run ("server....pop.…"
 * is no host name: no label of one is empty). An ellipsis ending the line
 * stays. */
static void fold_leaders(mp_buf *b)
{
	char *s = b->s;
	size_t n = b->len, lead = 0; /* the line's indent, counted once */
	while (s && lead < n && s[lead] == ' ')
		lead++;
	for (size_t i = 0; s && i + 3 <= n; i++) {
		if (s[i] != '.' || s[i + 1] != '.' || s[i + 2] != '.')
			continue;
		size_t j = i;
		while (j < n && s[j] == '.')
			j++;
		size_t v = j;
		while (v < n && s[v] == ' ')
			v++;
		size_t w = i;
		while (w > 0 && s[w - 1] == ' ')
			w--;
		size_t lb = lead < w ? lead : w;
		/* (a sentence's ellipsis, "means one thing ... your provider",
		 * is three dots between spaces after more words than a label's) */
		bool prose = j - i == 3 && w < i && v > j;
		/* (leaders before a colon, "Name.......: Maria", end at the colon) */
		if (v < n && w > 0 && w - lb <= 40 && !prose && s[v] != ':' && s[v] != '=') {
			memcpy(s + i, "\xe2\x80\xa6", 3);
			memset(s + i + 3, ' ', j - i - 3);
		}
		i = j - 1;
	}
}

/* Markup of the wikis and static-site generators that setup pages are
 * written in is no text: a code fence ("```text", "~~~") and a
 * reStructuredText directive (".. code-block:: text", ".. note::") are
 * blank lines, so the heading above a fenced block still heads its rows;
 * an MkDocs admonition ("!!! important "Our SMTP server"") or content tab
 * ("=== "IMAP"") reads as its title; a Textile block tag ("h2. ", "bc. ",
 * "p. ") goes, and Textile's code "@mail.example.net@" reads as its text. */
static void drop_markup(mp_buf *b, int *col)
{
	size_t n = b->len, i = 0;
	const char *s = b->s;
	while (i < n && s[i] == ' ')
		i++;
	if (i + 3 <= n && (memcmp(s + i, "```", 3) == 0 || memcmp(s + i, "~~~", 3) == 0)) {
		size_t k = i + 3;
		while (k < n && (s[k] == s[i] || s[k] == ' '))
			k++;
		while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '+' || s[k] == '_'))
			k++;
		while (k < n && s[k] == ' ')
			k++;
		if (k == n)
			b->len = 0, b->s[0] = '\0';
		return;
	}
	if (i + 3 <= n && memcmp(s + i, ".. ", 3) == 0) {
		size_t k = i + 3;
		while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '-'))
			k++;
		if (k > i + 3 && k + 2 <= n && memcmp(s + k, "::", 2) == 0) {
			b->len = 0, b->s[0] = '\0';
			return;
		}
	}
	/* (and a content tab, "=== "IMAP"", reads as its title too) */
	if (i + 4 <= n && (memcmp(s + i, "!!! ", 4) == 0 || memcmp(s + i, "??? ", 4) == 0 || memcmp(s + i, "???+ ", 5) == 0 ||
	                   (i + 5 <= n && memcmp(s + i, "=== \"", 5) == 0))) {
		size_t k = s[i + 3] == '+' ? i + 5 : i + 4;
		while (k < n && s[k] != ' ' && s[k] != '"') /* the kind ("note") */
			k++;
		while (k < n && s[k] == ' ')
			k++;
		const char *q = k < n && s[k] == '"' ? memchr(s + k + 1, '"', n - k - 1) : NULL;
		if (q) { /* the title alone */
			size_t qe = (size_t)(q - s);
			b->len = qe;
			b->s[qe] = '\0';
			drop_bytes(b, col, 0, k + 1);
		} else
			b->len = 0, b->s[0] = '\0';
		return;
	}
	/* Textile block tags: "h2. Title", "bc. code", "p. text" */
	size_t k = i;
	if (k < n && (s[k] == 'h' || s[k] == 'H') && k + 1 < n && s[k + 1] >= '1' && s[k + 1] <= '6')
		k += 2;
	else if (k + 2 <= n && (memcmp(s + k, "bc", 2) == 0 || memcmp(s + k, "bq", 2) == 0))
		k += 2;
	else if (k < n && s[k] == 'p')
		k += 1;
	if (k > i && k + 2 <= n && s[k] == '.' && s[k + 1] == ' ') {
		drop_bytes(b, col, i, k + 2 - i);
		n = b->len;
	}
	/* Textile code "@value@": an at sign opening a token and one closing
	 * it; one pass, the line compacted once (a hostile line of thousands
	 * stays linear) */
	char *w = b->s;
	n = b->len;
	size_t o = 0, drop = SIZE_MAX; /* the closing sign of the token being copied */
	for (size_t a = 0; a < n; a++) {
		if (a == drop)
			continue;
		if (w[a] == '@' && (!a || strchr(" [(|", w[a - 1])) && a + 1 < n && isalnum((unsigned char)w[a + 1])) {
			size_t e = a + 1;
			while (e < n && w[e] != ' ' && w[e] != ']' && w[e] != ')' && w[e] != '|' && w[e] != ',')
				e++;
			size_t c = e;
			while (c > a + 1 && strchr(".;:", w[c - 1]))
				c--; /* "@mail.example.net@." */
			if (c - a >= 3 && w[c - 1] == '@') {
				drop = c - 1;
				continue;
			}
		}
		w[o] = w[a];
		col[o++] = col[a];
	}
	if (o < n) {
		b->len = o;
		w[o] = '\0';
	}
}

/* A table rule such as +----+----+, |-----| or Markdown's aligned
 * |:--:|---:|: nothing but borders. */
static bool is_rule(const char *s, size_t n)
{
	size_t dash = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '=')
			dash++;
		else if (s[i] != '+' && s[i] != '|' && s[i] != ' ' && s[i] != ':')
			return false;
	}
	return dash >= 3;
}

/* HTML letters: tags are dropped, table cells become '|' cells, entities
 * are decoded, <style>/<script> bodies are skipped; lines stay lines, so
 * positions still point at the file. State carries across lines. */
struct hstate {
	bool on, skip, in_tag;
};

static bool tag_is(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);
	return n == k && mp_strncasecmp(s, name, k) == 0;
}

/* At s[i] == '<' (or inside a tag): skip the tag; returns the bytes used and
 * sets *emit to a replacement character (0 for none). */
static size_t html_tag(struct hstate *h, const char *s, size_t i, size_t n, char *emit)
{
	*emit = 0;
	size_t j = i;
	if (!h->in_tag) {
		j = i + 1;
		bool close = j < n && s[j] == '/';
		if (close)
			j++;
		size_t k = j;
		while (k < n && (isalnum((unsigned char)s[k])))
			k++;
		const char *nm = s + j;
		size_t nl = k - j;
		if (tag_is(nm, nl, "style") || tag_is(nm, nl, "script") || tag_is(nm, nl, "head"))
			h->skip = !close;
		else if (!close && (tag_is(nm, nl, "td") || tag_is(nm, nl, "th")))
			*emit = '|';
		else if (tag_is(nm, nl, "br") || tag_is(nm, nl, "p") || tag_is(nm, nl, "div") ||
		         tag_is(nm, nl, "li") || tag_is(nm, nl, "tr") || tag_is(nm, nl, "span"))
			*emit = ' ';
		j = k;
	}
	const char *gt = memchr(s + j, '>', n - j);
	h->in_tag = gt == NULL;
	return (gt ? (size_t)(gt - s) + 1 : n) - i;
}

static unsigned html_entity(const char *s, size_t n, size_t *adv)
{
	static const struct {
		const char *e;
		unsigned cp;
	} ents[] = {{"&nbsp;", ' '}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
	            {"&apos;", '\''}, {"&#64;", '@'}};
	for (size_t i = 0; i < MP_COUNT(ents); i++) {
		size_t k = strlen(ents[i].e);
		if (k <= n && mp_strncasecmp(s, ents[i].e, k) == 0) {
			*adv = k;
			return ents[i].cp;
		}
	}
	if (n > 3 && s[1] == '#') {
		size_t k = 2;
		unsigned v = 0;
		bool hex = s[2] == 'x' || s[2] == 'X';
		if (hex)
			k++;
		for (; k < n && k < 10 && isxdigit((unsigned char)s[k]); k++)
			v = v * (hex ? 16u : 10u) + (unsigned)(isdigit((unsigned char)s[k]) ? s[k] - '0' : (s[k] | 32) - 'a' + 10);
		if (k < n && s[k] == ';' && v > 0 && v < 0x110000) {
			*adv = k + 1;
			return v;
		}
	}
	*adv = 1;
	return '&';
}

static void add_line(mp_ntext *t, const char *s, size_t n, int lineno, struct hstate *h)
{
	mp_buf b = {0};
	int *col = mp_xmalloc((n * 4 + 1) * sizeof *col);
	size_t ncol = 0;
	int c = 1;
	for (size_t i = 0; i < n;) {
		size_t adv;
		unsigned raw = mp_utf8_get(s + i, n - i, &adv);
		if (h->on && (h->in_tag || raw == '<' || h->skip)) {
			/* Consume a tag (or a skipped body character), keeping columns. */
			char emit = 0;
			size_t used = h->in_tag || raw == '<' ? html_tag(h, s, i, n, &emit) : adv;
			if (emit) {
				mp_buf_putc(&b, emit);
				col[ncol++] = c;
			}
			for (size_t k = 0; k < used;) {
				size_t a2;
				mp_utf8_get(s + i + k, used - k, &a2);
				k += a2;
				c++;
			}
			i += used;
			continue;
		}
		if (h->on && raw == '&') {
			raw = html_entity(s + i, n - i, &adv);
		}
		unsigned cp = fold_cp(raw);
		/* A tab between two pieces of text separates cells (a table
		 * copied from a spreadsheet or a page): it becomes a cell border,
		 * the rest of its run blanks, so a column keeps its place. */
		if (raw == '\t' && !h->on && b.len && b.s[b.len - 1] != ' ' && b.s[b.len - 1] != '|') {
			size_t j = i;
			while (j < n && (s[j] == '\t' || s[j] == ' '))
				j++;
			if (j < n && s[j] != '|' && s[j] != '\r')
				cp = '|';
		}
		size_t mark = 0; /* a voiced-sound mark joined to the kana before it */
		if (raw >= 0xFF66 && raw <= 0xFF9F)
			cp = fold_kana(raw, s + i + adv, n - i - adv, &mark);
		size_t before = b.len;
		put_cp(&b, cp);
		for (size_t k = before; k < b.len; k++)
			col[ncol++] = c;
		i += adv + mark;
		c += mark ? 2 : 1;
	}
	/* Trailing blanks carry nothing. */
	while (b.len && b.s[b.len - 1] == ' ')
		b.len--, ncol--;
	if (!b.s)
		mp_buf_add(&b, "", 0);
	b.s[b.len] = '\0';
	drop_markup(&b, col);
	drop_emphasis(&b, col);
	if (!h->on)
		drop_inline_tags(&b, col);
	drop_references(&b, col);
	drop_expansions(&b, col);
	join_split_hosts(&b, col);
	alternation_bars(&b);
	fold_leaders(&b);
	/* Markdown's hard line break, a backslash ending the line
	 * ("**Incoming mail server:** mail.example.net\"), is no part of the
	 * value before it */
	if (b.len >= 2 && b.s[b.len - 1] == '\\' && b.s[b.len - 2] != '\\' && b.s[b.len - 2] != ' ')
		b.s[--b.len] = '\0';
	if (is_rule(b.s, b.len))
		b.len = 0, b.s[0] = '\0';
	col[b.len] = c;
	t->lines = mp_xgrow(t->lines, t->n, sizeof *t->lines);
	t->lines[t->n].s = mp_buf_take(&b, &t->lines[t->n].len);
	t->lines[t->n].col = col;
	t->lines[t->n].line = lineno;
	t->lines[t->n].raw = mp_xstrndup(s, n);
	t->lines[t->n].lno = NULL;
	t->n++;
}

bool mp_notice_is_html(const char *text, size_t len)
{
	/* (also a page body without its frame: a blog post's list, "<ol>" /
	 * "<li>… <strong>Port: </strong>25; …", whose tags would otherwise
	 * stay in the text and split its labels from their values) */
	static const char *const marks[] = {"<html", "<table", "<td", "<br", "<body", "<p>", "<div",
	                                    "<li>", "<ul>", "<ol>", "<strong>", "<span "};
	size_t cap = len > 4096 ? 4096 : len;
	for (size_t i = 0; i < MP_COUNT(marks); i++) {
		size_t k = strlen(marks[i]);
		for (size_t j = 0; j + k <= cap; j++)
			if (mp_strncasecmp(text + j, marks[i], k) == 0)
				return true;
	}
	return false;
}

void mp_notice_normalize(const char *text, size_t len, mp_ntext *t)
{
	mp_notice_normalize_as(text, len, mp_notice_is_html(text, len), t);
}

/* A bar opening the line and the only one on it: a reStructuredText line
 * block ("| Incoming server: imap.example.ca", "| 1. 通过客户端…"), or a
 * cell broken across lines (its other border on a later line). */
static bool block_bar(const mp_nline *l)
{
	size_t i = 0;
	while (i < l->len && l->s[i] == ' ')
		i++;
	return i < l->len && l->s[i] == '|' && (i + 1 == l->len || l->s[i + 1] == ' ') &&
	       !memchr(l->s + i + 1, '|', l->len - i - 1);
}

/* Three lines or more in a row, each opened by a lone bar: a line block,
 * each line a line of text, not a table of one-cell rows (which lost every
 * pair: "| Incoming server: imap.…" read as a cell). The bar becomes a
 * blank, columns kept; a bar alone is a blank line. A cell broken across
 * lines is one such line, then a line ending with its border. */
static void line_blocks(mp_ntext *t)
{
	for (size_t i = 0; i < t->n;) {
		size_t j = i;
		while (j < t->n && block_bar(&t->lines[j]))
			j++;
		if (j - i >= 3)
			for (size_t k = i; k < j; k++) {
				mp_nline *l = &t->lines[k];
				char *bar = memchr(l->s, '|', l->len);
				*bar = ' ';
				size_t r = 0;
				while (r < l->len && l->s[r] == ' ')
					r++;
				if (r == l->len)
					l->col[0] = l->col[l->len], l->len = 0, l->s[0] = '\0';
			}
		i = j > i ? j : i + 1;
	}
}

/* The page number ending a table of contents' line ("Password ....... 3",
 * "SMTP Server Name… 12"), or -1. */
static int toc_page(const mp_nline *l)
{
	size_t e = l->len, d = e;
	while (d > 0 && isdigit((unsigned char)l->s[d - 1]))
		d--;
	if (d == e || e - d > 3)
		return -1;
	size_t k = d;
	while (k > 0 && l->s[k - 1] == ' ')
		k--;
	/* (leaders: three dots or more, folded to "…" or not; not "TLS v1.2") */
	bool leader = k >= 3 && (memcmp(l->s + k - 3, "...", 3) == 0 || memcmp(l->s + k - 3, "\xe2\x80\xa6", 3) == 0);
	return leader && k > 3 ? atoi(l->s + d) : -1;
}

/* A document's table of contents ("Password ... 3" / "POP Server Name
 * ... 3" / "SMTP Authentication ... 4"): three lines or more in a row,
 * each a title, leaders and a page number, the numbers never going down
 * and the first below any mail port (25), name the pages the settings are
 * on, not the settings: the lines become blank. */
static void toc_lines(mp_ntext *t)
{
	for (size_t i = 0; i < t->n;) {
		size_t j = i;
		int last = -1;
		for (int pg; j < t->n && (pg = toc_page(&t->lines[j])) >= 0 && pg >= last; j++)
			last = pg;
		if (j - i >= 3 && toc_page(&t->lines[i]) < 25)
			for (size_t k = i; k < j; k++) {
				mp_nline *l = &t->lines[k];
				l->col[0] = l->col[l->len], l->len = 0, l->s[0] = '\0';
			}
		i = j > i ? j : i + 1;
	}
}

void mp_notice_normalize_as(const char *text, size_t len, bool html, mp_ntext *t)
{
	struct hstate h = {.on = html};
	memset(t, 0, sizeof *t);
	int lineno = 1;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		add_line(t, p, (size_t)(e - p), lineno++, &h);
		p = nl ? nl + 1 : end;
	}
	if (!html)
		line_blocks(t);
	toc_lines(t);
}

void mp_ntext_free(mp_ntext *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->lines[i].s);
		free(t->lines[i].col);
		free(t->lines[i].raw);
		free(t->lines[i].lno);
	}
	free(t->lines);
	memset(t, 0, sizeof *t);
}

int mp_nline_col(const mp_nline *l, size_t off)
{
	return l->col[off > l->len ? l->len : off];
}

int mp_nline_line(const mp_nline *l, size_t off)
{
	return l->lno ? l->lno[off > l->len ? l->len : off] : l->line;
}

bool mp_nline_just_above(const mp_nline *a, const mp_nline *b)
{
	return a && mp_nline_line(a, a->len) + 1 == b->line;
}

mp_nline mp_nline_tail(const mp_nline *l, size_t r)
{
	mp_nline b = {.len = l->len - r, .line = mp_nline_line(l, r)};
	b.s = mp_xstrndup(l->s + r, b.len);
	b.col = mp_xmalloc((b.len + 1) * sizeof *b.col);
	memcpy(b.col, l->col + r, (b.len + 1) * sizeof *b.col);
	if (l->lno && l->lno[r] != l->lno[l->len]) {
		b.lno = mp_xmalloc((b.len + 1) * sizeof *b.lno);
		memcpy(b.lno, l->lno + r, (b.len + 1) * sizeof *b.lno);
	}
	b.raw = l->raw ? mp_xstrndup(l->raw, strlen(l->raw)) : NULL;
	return b;
}

bool mp_nline_raw_nonascii(const mp_nline *l, int from, int to)
{
	size_t n = strlen(l->raw);
	int c = 1;
	for (size_t i = 0; i < n && c < to; c++) {
		size_t adv;
		unsigned cp = mp_utf8_get(l->raw + i, n - i, &adv);
		if (c >= from && cp >= 0x80)
			return true;
		i += adv;
	}
	return false;
}
