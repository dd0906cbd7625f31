/* Domain facts shared by readers, rules and fixes: host name, address and
 * placeholder syntax, and width folding. One implementation of each. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"

bool mp_has_placeholder(const char *s)
{
	const char *p = s ? strchr(s, '%') : NULL;
	return p && strchr(p + 1, '%');
}


bool mp_template_token(const char *s)
{
	/* A label like PRIMARY_HOSTNAME or YOURDOMAIN: shell/installer templates.
	 * Each label is looked at up to its first byte that is not upper case,
	 * a digit or '_' (nearly always its first). */
	for (const char *l = s; l && *l;) {
		size_t n = 0;
		bool underscore = false;
		while ((l[n] >= 'A' && l[n] <= 'Z') || l[n] == '_' || (l[n] >= '0' && l[n] <= '9'))
			underscore |= l[n++] == '_';
		if (n > 0 && (l[n] == '.' || !l[n]) && (underscore || (n > 4 && strncmp(l, "YOUR", 4) == 0)))
			return true;
		l = strchr(l + n, '.');
		if (l)
			l++;
	}
	return false;
}


/* U+3000, U+3002, U+FF01..U+FF5E, U+FF61 in UTF-8: typed with an IME. */
bool mp_has_fullwidth(const char *h)
{
	for (const unsigned char *p = (const unsigned char *)h; *p; p++) {
		if (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x80 || p[2] == 0x82))
			return true;
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF)
			return true;
		if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0xA1)
			return true;
	}
	return false;
}


/* Full-width ASCII forms (U+FF01..U+FF5E), ideographic and half-width full
 * stops (U+3002, U+FF61) to ASCII; the ideographic space is dropped. Returns
 * a new string, or NULL when nothing changed. */
char *mp_fold_width(const char *h)
{
	mp_buf b = {0};
	bool changed = false;
	for (const unsigned char *p = (const unsigned char *)h; *p;) {
		unsigned cp = 0;
		if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2] >= 0x80 && p[2] <= 0xBF)
			cp = 0xF000u | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
		else if (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x80 || p[2] == 0x82))
			cp = 0x3000u | (p[2] & 0x3Fu);
		if (cp >= 0xFF01 && cp <= 0xFF5E) {
			mp_buf_putc(&b, (char)(cp - 0xFEE0)); /* width only: DNS ignores case */
		} else if (cp == 0x3002 || cp == 0xFF61) {
			mp_buf_putc(&b, '.');
		} else if (cp == 0x3000) {
			/* dropped */
		} else {
			mp_buf_putc(&b, (char)*p++);
			continue;
		}
		changed = true;
		p += 3;
	}
	if (!changed) {
		mp_buf_free(&b);
		return NULL;
	}
	return mp_buf_take(&b, NULL);
}


bool mp_has_non_ascii(const char *h)
{
	for (const unsigned char *p = (const unsigned char *)h; *p; p++)
		if (*p >= 0x80)
			return true;
	return false;
}


bool mp_looks_like_url(const char *h)
{
	return strstr(h, "://") || strchr(h, '/') || strchr(h, '@') || strchr(h, '?');
}


/* Why h is not a valid host name, or NULL. Placeholders count as one label
 * character each, since the client substitutes them. */
const char *mp_host_problem(const char *h)
{
	if (!*h)
		return "it is empty";
	size_t total = 0, label = 0;
	char prev = '.';
	for (const char *p = h; *p; p++) {
		char ch = *p;
		if (ch == '%') {
			const char *e = strchr(p + 1, '%');
			if (e && e > p + 1) {
				p = e;
				label++, total++;
				prev = 'a';
				continue;
			}
		}
		if (ch == ' ' || ch == '\t')
			return "it contains white space";
		if (ch == '.') {
			if (prev == '.')
				return p == h ? "it starts with a dot" : "it has an empty label (two dots)";
			if (prev == '-')
				return "a label ends with '-'";
			label = 0;
		} else if (ch == '-') {
			if (prev == '.')
				return "a label starts with '-'";
			label++;
		} else if ((unsigned char)ch >= 0x80) {
			return "it contains non-ASCII characters (use the xn-- form)";
		} else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			return ch == '_' ? "it contains '_'" : "it contains a character other than letters, digits, '-' and '.'";
		} else
			label++;
		if (label > 63)
			return "a label is longer than 63 characters";
		total++;
		prev = ch;
	}
	if (prev == '-')
		return "it ends with '-'";
	if (total > 253)
		return "it is longer than 253 characters";
	return NULL;
}


bool mp_host_is_ip(const char *h)
{
	if (h[0] == '[')
		return true;
	if (strchr(h, ':')) { /* bare IPv6: hex digits, colons, maybe a dotted tail */
		for (const char *p = h; *p; p++)
			if (!strchr("0123456789abcdefABCDEF:.", *p))
				return false;
		return true;
	}
	int dots = 0;
	for (const char *p = h; *p; p++) {
		if (*p == '.')
			dots++;
		else if (*p < '0' || *p > '9')
			return false;
	}
	return dots == 3;
}


/* Second-level labels under which ccTLD registries hand out names
 * (example.co.jp, example.com.au): a small stand-in for the PSL. */
static bool is_second_level(const char *l, size_t n)
{
	static const char *const sl[] = {"co", "ne", "or", "ac", "ad", "ed", "go", "gr", "lg",
	                                  "com", "net", "org", "gov", "edu"};
	for (size_t i = 0; i < MP_COUNT(sl); i++)
		if (strlen(sl[i]) == n && mp_strncasecmp(sl[i], l, n) == 0)
			return true;
	return false;
}


const char *mp_registrable(const char *d)
{
	size_t n = strlen(d);
	while (n && d[n - 1] == '.')
		n--;
	const char *dots[3] = {NULL, NULL, NULL}; /* last, 2nd last, 3rd last dot */
	for (size_t i = n; i-- > 0;)
		if (d[i] == '.') {
			dots[0] ? dots[1] ? (void)(dots[2] = d + i) : (void)(dots[1] = d + i) : (void)(dots[0] = d + i);
			if (dots[2])
				break;
		}
	if (!dots[1])
		return d;
	size_t tld = (size_t)(d + n - dots[0] - 1);
	size_t sld = (size_t)(dots[0] - dots[1] - 1);
	if (tld == 2 && is_second_level(dots[1] + 1, sld))
		return dots[2] ? dots[2] + 1 : d;
	return dots[1] + 1;
}

static bool atext(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("!#$%&'*+-/=?^_`{|}~", ch));
}

const char *mp_address_problem(const char *e)
{
	const char *at = strrchr(e, '@');
	if (!at)
		return "it has no '@'";
	if (at == e)
		return "the part before '@' is empty";
	if (!at[1])
		return "the domain after '@' is empty";
	if ((size_t)(at - e) > 64)
		return "the part before '@' is longer than 64 octets";
	if (strlen(at + 1) > 255)
		return "the domain is longer than 255 octets";
	for (const char *p = e; p < at; p++) {
		unsigned char ch = (unsigned char)*p;
		/* Dots are MP028's, non-ASCII MP029's. */
		if (ch != '.' && ch < 0x80 && !atext(ch))
			return ch == '@' ? "it has more than one '@'" : "the part before '@' has a character "
			                                                  "that needs quoting";
	}
	bool non_ascii = false;
	for (const unsigned char *p = (const unsigned char *)at + 1; *p; p++)
		non_ascii |= *p >= 0x80;
	if (non_ascii)
		return NULL; /* an IDN domain: MP029 */
	const char *why = mp_host_problem(at + 1);
	if (why)
		return why;
	if (!strchr(at + 1, '.'))
		return "the domain has no dot";
	return NULL;
}

static const char *const tlds[] = {
#define MP_TLD(name) name,
#include "tlds.def"
#undef MP_TLD
};

static int tld_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool mp_tld_known(const char *s, size_t n)
{
	/* names no registry hands out but networks use: RFC 6761's and 6762's
	 * special-use names, ICANN's private-use .internal, and the suffixes
	 * home and office routers and directories answer for */
	static const char *const local[] = {"local", "localhost", "localdomain", "internal", "lan", "home", "corp",
	                                    "intranet", "test", "example", "invalid", NULL};
	char low[64];
	if (!n || n >= sizeof low)
		return false;
	if (n > 4 && mp_strncasecmp(s, "xn--", 4) == 0)
		return true;
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return false;
		low[i] = (char)tolower((unsigned char)s[i]);
	}
	low[n] = '\0';
	for (const char *const *w = local; *w; w++)
		if (strlen(*w) == n && memcmp(*w, low, n) == 0)
			return true;
	return bsearch(low, tlds, sizeof tlds / sizeof tlds[0], sizeof tlds[0], tld_cmp) != NULL;
}
