/* Notice decoding: bytes in any encoding a Japanese or English notice is
 * seen in, to UTF-8. Order (notices.md §3.1): BOM, ISO-2022-JP escape
 * sequences, valid UTF-8, then CP932 against EUC-JP by scoring what each
 * decodes to. iconv from libc does the conversions. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "notice.h"

unsigned mp_utf8_get(const char *s, size_t n, size_t *adv)
{
	/* The one strict decoder (util.c); invalid bytes are U+FFFD, one each. */
	unsigned long c;
	size_t k = mp_utf8_next(s, n, &c);
	*adv = 1;
	if (!n)
		return 0;
	if (!k)
		return 0xFFFD;
	*adv = k;
	return (unsigned)c;
}

static bool valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t adv;
		unsigned cp = mp_utf8_get(s + i, n - i, &adv);
		if (cp == 0xFFFD && !(adv == 3 && (unsigned char)s[i] == 0xEF))
			return false;
		i += adv;
	}
	return true;
}

/* Convert with iconv; false when any byte is invalid in enc. */
static bool convert(const char *enc, const char *buf, size_t len, mp_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		return false;
	char *in = (char *)buf;
	size_t inleft = len;
	bool ok = true;
	char tmp[4096];
	while (inleft > 0) {
		char *o = tmp;
		size_t oleft = sizeof tmp;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		mp_buf_add(out, tmp, sizeof tmp - oleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			ok = false;
			break;
		}
	}
	if (ok) { /* flush shift state (ISO-2022-JP) */
		char *o = tmp;
		size_t oleft = sizeof tmp;
		if (iconv(cd, NULL, NULL, &o, &oleft) == (size_t)-1)
			ok = false;
		mp_buf_add(out, tmp, sizeof tmp - oleft);
	}
	iconv_close(cd);
	return ok;
}

/* How much decoded text looks like Japanese prose: kana and kanji count,
 * half-width katakana (what EUC-JP bytes read as CP932 turn into, unless
 * hw_kana: the text is no EUC-JP, and an old letter's "ﾒｰﾙｻｰﾊﾞｰ" is kana)
 * and C1 controls or private-use characters count against. */
static long score_ja(const char *s, size_t n, bool hw_kana)
{
	long sc = 0;
	for (size_t i = 0; i < n;) {
		size_t adv;
		unsigned cp = mp_utf8_get(s + i, n - i, &adv);
		if (cp >= 0x3040 && cp <= 0x30FF)
			sc += 2;
		else if (cp >= 0x4E00 && cp <= 0x9FFF)
			sc += 1;
		else if ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000 || (cp >= 0x3001 && cp <= 0x303F))
			sc += 1;
		else if (cp >= 0xFF61 && cp <= 0xFF9F)
			sc += hw_kana ? 1 : -3;
		else if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0xE000 && cp <= 0xF8FF))
			sc -= 5;
		i += adv;
	}
	return sc;
}

static bool has_iso2022_escape(const char *b, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if (b[i] == 0x1B && ((b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@')) ||
		                     (b[i + 1] == '(' && (b[i + 2] == 'B' || b[i + 2] == 'J' || b[i + 2] == 'I'))))
			return true;
	return false;
}

/* UTF-16 without a BOM: every other byte NUL in the ASCII parts. */
static const char *utf16_guess(const char *b, size_t n)
{
	if (n < 8 || n % 2)
		return NULL;
	size_t even = 0, odd = 0;
	for (size_t i = 0; i < n; i += 2) {
		even += b[i] == 0;
		odd += b[i + 1] == 0;
	}
	if (odd > n / 8 && even == 0)
		return "UTF-16LE";
	if (even > n / 8 && odd == 0)
		return "UTF-16BE";
	return NULL;
}

/* Line ends to LF; reject text that still holds NULs or control bytes. */
static bool finish(mp_buf *in, char **out, size_t *out_len)
{
	mp_buf o = {0};
	for (size_t i = 0; i < in->len; i++) {
		unsigned char c = (unsigned char)in->s[i];
		if (c == '\r') {
			mp_buf_putc(&o, '\n');
			if (i + 1 < in->len && in->s[i + 1] == '\n')
				i++;
		} else if (c == 0 || (c < 0x20 && c != '\n' && c != '\t' && c != '\f')) {
			mp_buf_free(&o);
			return false;
		} else
			mp_buf_putc(&o, (char)c);
	}
	if (!o.s)
		mp_buf_add(&o, "", 0);
	*out = mp_buf_take(&o, out_len);
	return true;
}

mailprof_status mp_notice_decode(const char *buf, size_t len, const char *forced, char **out,
                                 size_t *out_len, const char **enc, const char *path,
                                 mailprof_diags *d)
{
	mailprof_loc l = {path, 1, 1};
	const unsigned char *u = (const unsigned char *)buf;
	mp_buf b = {0};
	const char *name = NULL;
	bool ok = false;

	if (forced && *forced) {
		name = forced;
		iconv_t cd = iconv_open("UTF-8", forced);
		if (cd == (iconv_t)-1) {
			mp_diag(d, MAILPROF_ERROR, "notice-encoding", &l, "see `iconv -l` for the names",
			        "unknown encoding '%s'", forced);
			return MAILPROF_ERR_ENCODING;
		}
		iconv_close(cd);
		size_t skip = 0;
		if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF && mp_strncasecmp(forced, "utf-8", 5) == 0)
			skip = 3;
		ok = convert(forced, buf + skip, len - skip, &b);
		if (!ok) {
			mp_buf_free(&b);
			mp_diag(d, MAILPROF_ERROR, "notice-encoding", &l, "check the --encoding name",
			        "the notice is not valid %s", forced);
			return MAILPROF_ERR_ENCODING;
		}
	} else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		name = "UTF-8";
		ok = valid_utf8(buf + 3, len - 3);
		if (ok)
			mp_buf_add(&b, buf + 3, len - 3);
	} else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		name = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		ok = convert(name, buf + 2, len - 2, &b);
	} else if ((name = utf16_guess(buf, len)) != NULL) {
		ok = convert(name, buf, len, &b);
	} else if (has_iso2022_escape(buf, len)) {
		/* ISO-2022-JP-3 is a superset glibc knows; try the plain one first. */
		name = "ISO-2022-JP";
		ok = convert(name, buf, len, &b);
		if (!ok) {
			mp_buf_free(&b);
			b = (mp_buf){0};
			name = "ISO-2022-JP-3";
			ok = convert(name, buf, len, &b);
		}
	} else if (valid_utf8(buf, len)) {
		name = "UTF-8";
		ok = true;
		mp_buf_add(&b, buf, len);
	} else {
		mp_buf s1 = {0}, s2 = {0};
		bool ok1 = convert("CP932", buf, len, &s1);
		bool ok2 = convert("EUC-JP-MS", buf, len, &s2);
		/* (EUC-JP writes half-width kana with a mark of their own: no
		 * CP932 text reads as them) */
		long sc1 = ok1 ? score_ja(s1.s, s1.len, !ok2) : 0, sc2 = ok2 ? score_ja(s2.s, s2.len, true) : 0;
		if (ok1 && (!ok2 || sc1 >= sc2) && sc1 > 0) {
			name = "CP932";
			b = s1;
			mp_buf_free(&s2);
			ok = true;
		} else if (ok2 && sc2 > 0) {
			name = "EUC-JP";
			b = s2;
			mp_buf_free(&s1);
			ok = true;
		} else {
			mp_buf_free(&s1);
			mp_buf_free(&s2);
		}
	}
	if (ok)
		ok = finish(&b, out, out_len);
	mp_buf_free(&b);
	if (!ok) {
		if (name)
			mp_diag(d, MAILPROF_ERROR, "notice-encoding", &l,
			        "convert it to UTF-8, or name its encoding with --encoding",
			        "the notice looks like %s but does not decode as it", name);
		else
			mp_diag(d, MAILPROF_ERROR, "notice-encoding", &l,
			        "convert it to UTF-8, or name its encoding with --encoding",
			        "the notice decodes as no known text encoding (tried UTF-8, UTF-16, "
			        "ISO-2022-JP, Shift_JIS/CP932, EUC-JP)");
		return MAILPROF_ERR_ENCODING;
	}
	*enc = forced && *forced ? "forced" : name;
	return MAILPROF_OK;
}
