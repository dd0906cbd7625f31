/* MP035: PayloadUUIDs of an Apple profile, checked on the XML plist text
 * while parsing (the model keeps no payload identities). */
#include <string.h>

#include "check.h"

static bool uuid_shape(const char *s, size_t n)
{
	if (n != 36)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		char ch = s[i];
		bool hex = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
		if (dash ? ch != '-' : !hex)
			return false;
	}
	return true;
}

static int line_at(const char *buf, const char *p)
{
	int line = 1;
	for (const char *q = buf; q < p; q++)
		line += *q == '\n';
	return line;
}

void mp_plist_uuid_scan(const char *buf, size_t len, const char *file, mailprof_diags *d)
{
	static const char key[] = "<key>PayloadUUID</key>";
	const char *end = buf + len;
	struct seen_uuid { const char *v; size_t n; int line; } seen[64];
	size_t nseen = 0;
	mp_rule_ctx c = {&mp_rule_payload_uuid, NULL, d, NULL};
	for (const char *p = buf; p < end;) {
		const char *k = NULL;
		for (const char *q = p; q + sizeof key - 1 <= end; q++)
			if (*q == '<' && memcmp(q, key, sizeof key - 1) == 0) {
				k = q;
				break;
			}
		if (!k)
			break;
		const char *v = k + sizeof key - 1;
		while (v < end && (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n'))
			v++;
		p = v;
		mailprof_loc at = {file, line_at(buf, k), 0};
		if ((size_t)(end - v) < 8 || memcmp(v, "<string>", 8) != 0) {
			mp_report(&c, &at, "PayloadUUID is not a string");
			continue;
		}
		v += 8;
		const char *e = v;
		while (e < end && *e != '<')
			e++;
		size_t n = (size_t)(e - v);
		if (!uuid_shape(v, n)) {
			mp_report(&c, &at, "PayloadUUID '%.*s' is not a UUID (8-4-4-4-12 hex digits)", (int)(n > 60 ? 60 : n), v);
			continue;
		}
		bool dup = false;
		for (size_t i = 0; i < nseen && !dup; i++)
			if (seen[i].n == n && mp_strncasecmp(seen[i].v, v, n) == 0) {
				mp_report(&c, &at, "PayloadUUID %.*s is also used at line %d", (int)n, v, seen[i].line);
				dup = true;
			}
		if (!dup && nseen < MP_COUNT(seen))
			seen[nseen++] = (struct seen_uuid){v, n, at.line};
	}
}

const struct mp_rule mp_rule_payload_uuid = {
	{"MP035", "payload-uuid", MAILPROF_ERROR, "duplicate or malformed PayloadUUID",
	 "give every payload its own UUID (uuidgen); mailprof convert --to mobileconfig derives them",
	 "Every payload of an Apple configuration profile, and the profile itself, needs its own "
	 "PayloadUUID in UUID form; installing a profile whose UUIDs repeat or are malformed fails, "
	 "or one payload silently replaces another. This is a structure check of the XML plist text, "
	 "made while parsing a mobileconfig (signed profiles after unwrapping; binary plists are "
	 "not scanned), so it "
	 "reports even when no account could be read. Sources: Apple Configuration Profile "
	 "Reference (TopLevel keys), profiledocs issue 8, AhaDNS issue 4."},
	NULL,
};
