/* Provider notices, inside the library: decoding, normalising, the label
 * dictionary, extraction without a template, and templates. The pipeline
 * is described in docs/notice-reader.md; fmt_notice.c wires it into the
 * format table. */
#ifndef MP_NOTICE_H
#define MP_NOTICE_H

#include "format.h"

/* ---- decode.c ---- */
/* Decode buf to UTF-8 with LF line ends. forced (may be NULL) is an iconv
 * encoding name that overrides detection. On success *out (malloc'd,
 * NUL-terminated) and *enc (a static name of what was detected). Decoding
 * keeps lines, so line N of the output is line N of the input; columns are
 * counted in characters. */
mailprof_status mp_notice_decode(const char *buf, size_t len, const char *forced, char **out,
                                 size_t *out_len, const char **enc, const char *path,
                                 mailprof_diags *d);

/* ---- normalize.c ---- */
/* One normalised line: s folded for matching (full-width ASCII to ASCII,
 * ideographic space, colons, dashes and table borders to one form), with
 * col[i] the 1-based character column in the decoded line of byte s[i]. */
typedef struct {
	char *s;
	size_t len;
	int *col;
	int line;
	char *raw; /* the decoded line before folding */
	/* NULL, or (a prose sentence wrapped over several lines joined into
	 * one, nr_join_wrapped) lno[i] the line number of byte s[i]; a view
	 * into the line offsets it as it offsets col */
	int *lno;
} mp_nline;

typedef struct {
	mp_nline *lines;
	size_t n;
} mp_ntext;

void mp_notice_normalize(const char *text, size_t len, mp_ntext *t);
/* Same, saying whether the text is HTML (tags dropped, <td> cells kept as
 * '|' cells, entities decoded); mp_notice_normalize() detects it. */
void mp_notice_normalize_as(const char *text, size_t len, bool html, mp_ntext *t);
bool mp_notice_is_html(const char *text, size_t len);
void mp_ntext_free(mp_ntext *t);
/* Column (1-based) of byte offset off in line l (end of line if past it). */
int mp_nline_col(const mp_nline *l, size_t off);
/* Line number of byte offset off in line l (its last line past it). */
int mp_nline_line(const mp_nline *l, size_t off);
/* Does line a end on the input line right before the one line b starts
 * on (a sentence wrapped from a into b)? False for a NULL a. */
bool mp_nline_just_above(const mp_nline *a, const mp_nline *b);
/* Line l from byte r on, as a line of its own: its bytes and columns, a
 * copy of its decoded line, the line number of byte r (per-byte numbers
 * kept only where the rest still spans lines). l is left as it is. */
mp_nline mp_nline_tail(const mp_nline *l, size_t r);
/* True when any character of columns [from, to) of the decoded line is not
 * ASCII (e.g. a full-width password that folding made look half-width). */
bool mp_nline_raw_nonascii(const mp_nline *l, int from, int to);

/* ---- labels.c ---- */
enum mp_nfield {
	NF_NONE = 0,
	NF_IGNORE,   /* recognised, not a mail setting: URLs, connection IDs, customer numbers */
	NF_EMAIL,
	NF_NAME,
	NF_LOGIN,
	NF_PASSWORD,
	NF_HOST,     /* a server host; direction/protocol from the entry, the label or context */
	NF_PORT,
	NF_SECURITY,
	NF_SMTP_AUTH,
	NF_AUTH_METHOD,
	NF_IN_PROTO
};

/* Direction / protocol context, from headings and labels. */
enum mp_nctx { NC_NONE = 0, NC_IN, NC_POP, NC_IMAP, NC_SMTP, NC_ANY, NC_WEB };

struct mp_nlabel {
	const char *key;   /* matched as a substring of the folded label */
	enum mp_nfield field;
	enum mp_nctx dir;  /* NC_NONE: from the label's words or the context */
};

/* Fold for matching: ASCII lower case, no spaces, no ー/・/-, no brackets. */
void mp_notice_fold(const char *s, size_t n, mp_buf *out);
/* Classify a label; *dir gets the entry's direction. NF_NONE if unknown. */
enum mp_nfield mp_notice_classify(const char *label, size_t n, enum mp_nctx *dir);
/* The field of the English dictionary key the folded s ends with (is,
 * when whole), NF_NONE if none: where a label glued to a value ends. */
enum mp_nfield mp_notice_label_tail(const char *s, size_t n, bool whole);
/* Whether a dictionary key of min bytes or more (folded) starts the
 * letters s[0, n): "Serverimap…" starts with "server". */
bool mp_notice_label_prefix(const char *s, size_t n, size_t min);
/* Direction/protocol named by words in s (heading or label). */
enum mp_nctx mp_notice_words_ctx(const char *s, size_t n);

/* ---- extract.c ---- */
mailprof_status mp_notice_extract(mailprof_profile *p, mp_ntext *t, const char *path,
                                  mailprof_diags *d);

/* ---- template.c ---- */
typedef struct mp_ntemplate mp_ntemplate;
/* Load a template file; NULL with a diagnostic on error. */
mp_ntemplate *mp_ntemplate_load(const char *path, mailprof_diags *d);
void mp_ntemplate_free(mp_ntemplate *t);
/* True when the template's match line occurs in the decoded notice. */
bool mp_ntemplate_matches(const mp_ntemplate *t, const mp_ntext *text);
mailprof_status mp_ntemplate_parse(const mp_ntemplate *t, mailprof_profile *p, const mp_ntext *text,
                                   const char *path, mailprof_diags *d);
mailprof_status mp_ntemplate_render(const mp_ntemplate *t, const mailprof_profile *p,
                                    const mailprof_options *opt, mp_buf *out, mailprof_diags *d);

/* UTF-8 helpers shared by the stages. */
/* Decode one code point at s (n bytes left); *adv gets its length. Invalid
 * bytes decode as U+FFFD with length 1. */
unsigned mp_utf8_get(const char *s, size_t n, size_t *adv);

#endif
