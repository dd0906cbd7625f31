/* Internal helpers shared by every source file: allocation, growable
 * buffers, diagnostics. Names start with mp_ and are not exported. */
#ifndef MP_INTERNAL_H
#define MP_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "mailprof.h"

#if defined(__GNUC__)
#define MP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MP_PRINTF(a, b)
#endif

#define MP_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation never fails for the caller: on OOM we abort (see mailprof.h). */
void *mp_xmalloc(size_t n);
void *mp_xcalloc(size_t n, size_t size);
void *mp_xrealloc(void *p, size_t n);
/* Room for element n (0-based) of an array p that holds n elements and was
 * only ever grown by this function: capacity doubles (4, 8, 16, ...), so
 * appending N elements costs O(N) copying, not O(N^2). */
void *mp_xgrow(void *p, size_t n, size_t size);
char *mp_xstrdup(const char *s);
char *mp_xstrndup(const char *s, size_t n);
char *mp_xasprintf(const char *fmt, ...) MP_PRINTF(1, 2);

/* Growable byte buffer; always NUL-terminated after any append. */
typedef struct {
	char *s;
	size_t len, cap;
} mp_buf;

void mp_buf_add(mp_buf *b, const char *s, size_t n);
void mp_buf_puts(mp_buf *b, const char *s);
void mp_buf_putc(mp_buf *b, char c);
void mp_buf_printf(mp_buf *b, const char *fmt, ...) MP_PRINTF(2, 3);
void mp_buf_vprintf(mp_buf *b, const char *fmt, va_list ap) MP_PRINTF(2, 0);
/* Hand the bytes to the caller (never NULL) and reset b. */
char *mp_buf_take(mp_buf *b, size_t *len);
void mp_buf_free(mp_buf *b);

/* Text a value may hold: valid UTF-8 (no overlong forms, no surrogates) of
 * XML 1.0 characters: tab, line feed, carriage return, U+0020 and above
 * except U+FFFE and U+FFFF. Every format we write can carry these; readers
 * refuse anything else, so no emitter is handed a character it cannot hold. */
bool mp_xml_char_ok(unsigned long c);
/* Length of the UTF-8 sequence at s (n bytes available) and its code point
 * in *cp; 0 when the bytes are not valid UTF-8. */
size_t mp_utf8_next(const char *s, size_t n, unsigned long *cp);
/* Offset of the first byte of s[0..n) that is not such text, or n; *why
 * (may be NULL) says what is wrong there. */
size_t mp_text_check(const char *s, size_t n, const char **why);
/* Append a UTF-8 encoding of c. */
void mp_buf_utf8(mp_buf *b, unsigned long c);

/* Escapers used by several emitters. Both write U+FFFD for bytes that are
 * not valid UTF-8 and (XML) for characters outside XML's Char production,
 * so what they write is always well-formed whatever the value holds. */
void mp_buf_xml_escape(mp_buf *b, const char *s);
void mp_buf_json_string(mp_buf *b, const char *s); /* quotes; NULL -> null */
/* A value in a line-based client config (msmtprc, mbsyncrc): bare unless it
 * is empty or holds one of special, then in double quotes with " and \
 * escaped. Line breaks always force quotes and become spaces, so a value
 * can never start a directive of its own. */
void mp_buf_conf_value(mp_buf *b, const char *v, const char *special);

/* Diagnostics. The list copies message, fix and file name. */
void mp_diag(mailprof_diags *d, mailprof_severity sev, const char *id, const mailprof_loc *loc,
             const char *fix, const char *fmt, ...) MP_PRINTF(6, 7);
void mp_vdiag(mailprof_diags *d, mailprof_severity sev, const char *id, const char *name,
              const mailprof_loc *loc, const char *fix, const char *fmt, va_list ap) MP_PRINTF(7, 0);
/* Same, for a finding of a rule from the rules table (severity and fix from the table). */
void mp_diag_rule(mailprof_diags *d, const mailprof_rule_info *r, mailprof_severity sev,
                  const mailprof_loc *loc, const char *fmt, ...) MP_PRINTF(5, 6);

/* A change to the account data, reported by the code that makes it: an
 * emitter dropping or approximating a value its format cannot hold
 * (MP_LOSSY, rule MP037 "lossy"), or mailprof_fix changing one (MP_FIXED,
 * rule MP046). The one way both are reported. */
enum mp_change { MP_LOSSY, MP_FIXED };
void mp_diag_change(mailprof_diags *d, enum mp_change what, mailprof_severity sev,
                    const mailprof_loc *loc, const char *fix, const char *fmt, ...) MP_PRINTF(6, 7);

/* Index of a finding code of codes.def (case-insensitive), or -1. */
int mp_code_index(const char *id);

/* Keep only the findings for which keep() is true; keep() may also change
 * a finding (its severity) in place. */
void mp_diags_filter(mailprof_diags *d, bool (*keep)(mailprof_diag *g, void *u), void *u);
/* Drop the findings from index `from` on that repeat an earlier one of that
 * range exactly (id, file, line, column, message): accounts that share one
 * server block give its findings once. Linear time (a hash set). */
void mp_diags_dedupe(mailprof_diags *d, size_t from);

/* Small string utilities. */
int mp_strcasecmp(const char *a, const char *b);
int mp_strncasecmp(const char *a, const char *b, size_t n);
bool mp_str_ends_with(const char *s, const char *suffix);
/* Edit distance, for "did you mean" suggestions. */
size_t mp_levenshtein(const char *a, const char *b);
/* Read a whole file ("-" = stdin), at most max bytes: EFBIG (checked while
 * reading) past that. Returns 0 on success, else errno. */
int mp_read_file(const char *path, size_t max, char **out, size_t *len);
/* The input size limit opt asks for (MAILPROF_MAX_INPUT by default). */
size_t mp_max_input(const mailprof_options *opt);
/* An error finding "input-too-large" for path. */
void mp_diag_too_large(mailprof_diags *d, const char *path, size_t max);

#endif
