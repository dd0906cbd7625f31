/* Apple configuration profile (.mobileconfig) with com.apple.mail.managed
 * payloads: reference material formats.md section 3 and Apple's
 * com.apple.mail.managed.yaml. Each mail payload is one account. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cms.h"
#include "format.h"
#include "xml.h"

/* ---- plist reading ---- */

/* Next element sibling (skips text and comments). */
/* schemas/mobileconfig.xsd (a property list) restated as a shape
 * (xml_shape.h), so the usual valid file skips the XSD: keep the two in
 * step. */
static const struct mp_shape s_array, s_dict;
#define PLIST_VALUES                                                                               \
	{"string", &mp_shape_string}, {"integer", &mp_shape_integer}, {"real", &mp_shape_real},     \
	{"true", &mp_shape_empty}, {"false", &mp_shape_empty}, {"date", &mp_shape_slow},           \
	{"data", &mp_shape_string}, {"array", &s_array}, {"dict", &s_dict}
static const struct mp_child_shape c_values[] = {PLIST_VALUES, {NULL, NULL}};
static const struct mp_child_shape c_pairs[] = {{"key", &mp_shape_string}, PLIST_VALUES, {NULL, NULL}};
static const struct mp_shape s_array = {MP_CONTENT_KIDS, NULL, c_values, 0, 0, NULL, false};
static const struct mp_shape s_dict = {MP_CONTENT_PAIRS, NULL, c_pairs, 0, 0, NULL, false};
static const struct mp_child_shape c_plist[] = {{"dict", &s_dict}, {NULL, NULL}};
static const struct mp_attr_shape a_plist[] = {{"version", &mp_text_string, false}, {NULL, NULL, false}};
static const struct mp_shape s_plist = {MP_CONTENT_KIDS, NULL, c_plist, 1, 1, a_plist, false};
static const struct mp_child_shape mobileconfig_shape = {"plist", &s_plist};

static xmlNodePtr next_elem(xmlNodePtr n)
{
	while (n && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

/* Value node of key in a <dict>, or NULL. */
static xmlNodePtr dict_get(xmlNodePtr dict, const char *key)
{
	for (xmlNodePtr k = next_elem(dict->children); k; k = next_elem(k->next)) {
		xmlNodePtr v = next_elem(k->next);
		if (!mp_xml_is(k, "key") || !v)
			return NULL;
		char *t = mp_xml_text(k);
		bool hit = strcmp(t, key) == 0;
		free(t);
		if (hit)
			return v;
		k = v;
	}
	return NULL;
}

struct ctx {
	mailprof_profile *p;
	const char *path;
	mailprof_diags *d;
};

/* String value; empty strings count as absent. Caller frees. */
static char *get_str(struct ctx *c, xmlNodePtr dict, const char *key, mailprof_loc *l)
{
	xmlNodePtr v = dict_get(dict, key);
	if (!v)
		return NULL;
	*l = mp_xml_loc(c->path, v);
	if (!mp_xml_is(v, "string")) {
		mp_diag(c->d, MAILPROF_WARNING, "mobileconfig-type", l, NULL,
		        "%s should be a <string>, not <%s>: ignored", key, v->name);
		return NULL;
	}
	char *t = mp_xml_text(v);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

/* Keep a string identity of dict for the batch check; says nothing itself
 * (wrong types are reported where the values are read). UUIDs compare
 * without regard to case. */
static void record_id(struct ctx *c, xmlNodePtr dict, const char *key)
{
	xmlNodePtr v = dict_get(dict, key);
	if (!mp_xml_is(v, "string"))
		return;
	char *t = mp_xml_text(v);
	if (*t) {
		if (strcmp(key, "PayloadUUID") == 0)
			for (char *q = t; *q; q++)
				if (*q >= 'a' && *q <= 'z')
					*q = (char)(*q - 32);
		mailprof_loc l = mp_xml_loc(c->path, v);
		mp_profile_doc_id(c->p, strcmp(key, "PayloadUUID") == 0 ? "PayloadUUID" : "PayloadIdentifier",
		                  t, &l);
	}
	free(t);
}

static bool get_int(struct ctx *c, xmlNodePtr dict, const char *key, int *out, mailprof_loc *l)
{
	xmlNodePtr v = dict_get(dict, key);
	if (!v)
		return false;
	*l = mp_xml_loc(c->path, v);
	char *t = mp_xml_text(v), *end;
	long n = strtol(t, &end, 10);
	bool ok = *t && !*end && n >= 0 && n < 65536;
	if (ok && !mp_xml_is(v, "integer"))
		mp_diag(c->d, MAILPROF_WARNING, "mobileconfig-type", l, "write it as <integer>",
		        "%s is a <%s>, Apple's schema says <integer>: read anyway", key, v->name);
	else if (!ok)
		mp_diag(c->d, MAILPROF_ERROR, "mobileconfig-type", l, NULL,
		        "%s '%s' is not a port number: ignored", key, t);
	free(t);
	if (ok)
		*out = (int)n;
	return ok;
}

static bool get_bool(struct ctx *c, xmlNodePtr dict, const char *key, bool *out, mailprof_loc *l)
{
	xmlNodePtr v = dict_get(dict, key);
	if (!v)
		return false;
	*l = mp_xml_loc(c->path, v);
	if (mp_xml_is(v, "true") || mp_xml_is(v, "false")) {
		*out = mp_xml_is(v, "true");
		return true;
	}
	mp_diag(c->d, MAILPROF_ERROR, "mobileconfig-type", l, "use <true/> or <false/>",
	        "%s should be a boolean, not <%s>: ignored", key, v->name);
	return false;
}

static const struct {
	const char *apple;
	mp_auth auth;
} auth_map[] = {
	{"EmailAuthNone", MP_AUTH_NONE},
	{"EmailAuthPassword", MP_AUTH_PASSWORD_CLEARTEXT},
	{"EmailAuthCRAMMD5", MP_AUTH_PASSWORD_ENCRYPTED},
	{"EmailAuthNTLM", MP_AUTH_NTLM},
	{"EmailAuthHTTPMD5", MP_AUTH_PASSWORD_ENCRYPTED}, /* HTTP digest: a challenge-response password */
};

static void read_server(struct ctx *c, mp_account *a, xmlNodePtr dict, mp_protocol proto,
                        const char *pre)
{
	char key[96];
	mailprof_loc l = mp_xml_loc(c->path, dict);
	snprintf(key, sizeof key, "%sMailServerHostName", pre);
	char *host = get_str(c, dict, key, &l);
	mp_server *s = mp_server_add(a, proto);
	s->loc = l;
	if (host)
		mp_str_set(&s->host, host, &l);
	else
		mp_diag(c->d, MAILPROF_WARNING, "mobileconfig-required", &l, NULL,
		        "%s is missing or empty (a template?)", key);
	free(host);
	int port;
	snprintf(key, sizeof key, "%sMailServerPortNumber", pre);
	if (get_int(c, dict, key, &port, &l))
		mp_int_set(&s->port, port, &l);
	bool ssl = false;
	snprintf(key, sizeof key, "%sMailServerUseSSL", pre);
	mailprof_loc sl = s->loc;
	get_bool(c, dict, key, &ssl, &sl);
	/* One flag; on the usual STARTTLS ports Apple Mail negotiates STARTTLS. */
	int p = s->port.set ? s->port.v : 0;
	mp_int_set(&s->security, !ssl ? MP_SEC_NONE : p && mp_port_is_starttls(p) ? MP_SEC_STARTTLS : MP_SEC_TLS, &sl);
	snprintf(key, sizeof key, "%sMailServerAuthentication", pre);
	char *auth = get_str(c, dict, key, &l);
	if (auth) {
		size_t i;
		for (i = 0; i < MP_COUNT(auth_map); i++)
			if (strcmp(auth, auth_map[i].apple) == 0)
				break;
		if (i < MP_COUNT(auth_map)) {
			s->auth_loc = l;
			mp_server_add_auth(s, auth_map[i].auth);
		} else
			mp_diag(c->d, MAILPROF_ERROR, "mobileconfig-value", &l, NULL,
			        "%s '%s' is not a known EmailAuth value: ignored", key, auth);
	}
	free(auth);
	snprintf(key, sizeof key, "%sMailServerUsername", pre);
	char *user = get_str(c, dict, key, &l);
	if (user)
		mp_str_set(&s->username, user, &l);
	free(user);
	snprintf(key, sizeof key, "%sPassword", pre);
	char *pw = get_str(c, dict, key, &l);
	if (pw) {
		mp_str_set(&s->password, pw, &l);
		memset(pw, 0, strlen(pw));
	}
	free(pw);
}

static void read_payload(struct ctx *c, xmlNodePtr dict)
{
	mailprof_loc l = mp_xml_loc(c->path, dict);
	mp_account *a = mp_account_add(c->p);
	a->loc = l;
	char *t = get_str(c, dict, "EmailAccountType", &l);
	mp_protocol proto = MP_PROTO_IMAP;
	if (t && strcmp(t, "EmailTypePOP") == 0)
		proto = MP_PROTO_POP3;
	else if (!t || strcmp(t, "EmailTypeIMAP") != 0)
		mp_diag(c->d, MAILPROF_WARNING, "mobileconfig-required", &l, NULL,
		        "EmailAccountType '%s' is not EmailTypeIMAP or EmailTypePOP: read as IMAP",
		        t ? t : "(missing)");
	free(t);
	if ((t = get_str(c, dict, "EmailAccountDescription", &l)))
		mp_str_set(&a->provider_name, t, &l);
	free(t);
	if ((t = get_str(c, dict, "EmailAccountName", &l)))
		mp_str_set(&a->display_name, t, &l);
	free(t);
	if ((t = get_str(c, dict, "EmailAddress", &l)))
		mp_str_set(&a->email, t, &l);
	free(t);
	read_server(c, a, dict, proto, "Incoming");
	read_server(c, a, dict, MP_PROTO_SMTP, "Outgoing");
	/* The keys are IncomingPassword/OutgoingPassword, not ...MailServerPassword. */
	bool same = false;
	mailprof_loc sl;
	if (get_bool(c, dict, "OutgoingPasswordSameAsIncomingPassword", &same, &sl) && same) {
		mp_server *in = &a->incoming[0], *out = &a->outgoing[0];
		if (in->password.v && !out->password.v)
			mp_str_set(&out->password, in->password.v, &sl);
	}
}

static int line_at(const char *buf, const char *p)
{
	int line = 1;
	for (const char *q = buf; q < p; q++)
		line += *q == '\n';
	return line;
}

/* Every <key>PayloadUUID</key> of the text, with the string that follows
 * (facts for MP035; the model's doc_ids hold only what the XML maps). */
static void uuid_marks(mailprof_profile *p, const char *buf, size_t len, const char *file)
{
	static const char key[] = "<key>PayloadUUID</key>";
	const char *end = buf + len;
	for (const char *q = buf; q < end;) {
		const char *k = NULL;
		for (const char *r = q; r + sizeof key - 1 <= end; r++)
			if (*r == '<' && memcmp(r, key, sizeof key - 1) == 0) {
				k = r;
				break;
			}
		if (!k)
			break;
		const char *v = k + sizeof key - 1;
		while (v < end && (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n'))
			v++;
		q = v;
		mailprof_loc at = {file, line_at(buf, k), 0};
		if ((size_t)(end - v) < 8 || memcmp(v, "<string>", 8) != 0) {
			mp_profile_uuid_mark(p, NULL, 0, &at);
			continue;
		}
		v += 8;
		const char *e = v;
		while (e < end && *e != '<')
			e++;
		mp_profile_uuid_mark(p, v, (size_t)(e - v), &at);
	}
}

static mailprof_status parse_mobileconfig(mailprof_profile *p, const char *buf, size_t len,
                                          const char *path, const mailprof_options *opt,
                                          mailprof_diags *d)
{
	(void)opt;
	size_t rest;
	const char *start = mp_skip_bom_ws(buf, len, &rest);
	if (rest && *start != '<') {
		mailprof_loc l = {path, 0, 0};
		/* A template that opens with a directive ({{ define "x" }}). */
		if (*start == '{' && mp_xml_template_marker(buf, len, path, d))
			return MAILPROF_ERR_INVALID;
		if ((unsigned char)start[0] != 0x30) {
			mp_diag(d, MAILPROF_ERROR, "mobileconfig-signed", &l, NULL,
			        "not an XML property list (does not start with '<') and not a signed "
			        "profile (CMS/DER)");
			return MAILPROF_ERR_UNSUPPORTED;
		}
		size_t clen = 0;
		char *plist = mp_cms_unwrap(start, rest, path, &clen, d);
		if (!plist)
			return MAILPROF_ERR_INVALID;
		size_t crest;
		const char *cstart = mp_skip_bom_ws(plist, clen, &crest);
		mailprof_status st;
		if (!crest || *cstart != '<') { /* no signed profile inside a signed profile */
			mp_diag(d, MAILPROF_ERROR, "mobileconfig-signed", &l, NULL,
			        "the signed content is not an XML property list");
			st = MAILPROF_ERR_INVALID;
		} else {
			st = parse_mobileconfig(p, plist, clen, path, opt, d);
		}
		free(plist);
		return st;
	}
	if (mp_xml_template_marker(buf, len, path, d))
		return MAILPROF_ERR_INVALID;
	/* On the plist text itself (after unwrapping), so lines are right. */
	uuid_marks(p, buf, len, path);
	xmlDocPtr doc = mp_xml_read(buf, len, path, d);
	if (!doc)
		return MAILPROF_ERR_SYNTAX;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!mp_xml_is(root, "plist")) {
		mailprof_loc l = mp_xml_loc(path, root);
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-root", &l, NULL,
		        "root element is <%s>, not <plist>", root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	mp_xml_validate(doc, "mobileconfig.xsd", &mobileconfig_shape, path, MAILPROF_ERROR, d);
	struct ctx c = {p, path, d};
	size_t before = p->naccounts;
	xmlNodePtr top = next_elem(root->children);
	xmlNodePtr content = mp_xml_is(top, "dict") ? dict_get(top, "PayloadContent") : NULL;
	if (!content && mp_xml_is(top, "dict") && dict_get(top, "EncryptedPayloadContent")) {
		mailprof_loc l = mp_xml_loc(path, dict_get(top, "EncryptedPayloadContent"));
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-encrypted", &l,
		        "export the profile unencrypted from the MDM or Apple Configurator",
		        "the payloads are encrypted (EncryptedPayloadContent) for one device's certificate: "
		        "they cannot be read");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_UNSUPPORTED;
	}
	if (!mp_xml_is(content, "array")) {
		mailprof_loc l = mp_xml_loc(path, top ? top : root);
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-empty", &l, NULL,
		        "no PayloadContent array in the profile's top-level dict");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	/* Identities a batch must not repeat across files (MP048); the profile's
	 * own checks of them are MP035's. */
	record_id(&c, top, "PayloadIdentifier");
	record_id(&c, top, "PayloadUUID");
	for (xmlNodePtr pl = next_elem(content->children); pl; pl = next_elem(pl->next)) {
		if (!mp_xml_is(pl, "dict"))
			continue;
		record_id(&c, pl, "PayloadUUID");
		mailprof_loc l = mp_xml_loc(path, pl);
		char *type = get_str(&c, pl, "PayloadType", &l);
		if (type && strcmp(type, "com.apple.mail.managed") == 0)
			read_payload(&c, pl);
		else
			mp_diag(d, MAILPROF_INFO, "mobileconfig-skipped", &l, NULL,
			        "payload of type '%s' is not a mail account: skipped", type ? type : "(none)");
		free(type);
	}
	xmlFreeDoc(doc);
	if (p->naccounts == before) {
		mailprof_loc l = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-empty", &l, NULL,
		        "no com.apple.mail.managed payload in the profile");
		return MAILPROF_ERR_INVALID;
	}
	return mp_xml_template_hosts(p, before, d) ? MAILPROF_ERR_INVALID : MAILPROF_OK;
}

static int sniff_mobileconfig(const char *buf, size_t len)
{
	char root[64];
	if (mp_xml_root_name(buf, len, root, sizeof root) && strcmp(root, "plist") == 0)
		return 90;
	/* Long comments before the root defeat the generic helper: look for the
	 * plist DOCTYPE or start tag in the head. */
	size_t head = len < 16384 ? len : 16384;
	for (size_t i = 0; i + 6 <= head; i++)
		if (memcmp(buf + i, "<plist", 6) == 0 || (i + 15 <= head && memcmp(buf + i, "<!DOCTYPE plist", 15) == 0))
			return 90;
	/* A signed profile: DER SEQUENCE holding the plist as signed content. */
	const char *needle = "PayloadContent";
	size_t n = strlen(needle);
	if (len > n && (unsigned char)buf[0] == 0x30)
		for (size_t i = 0; i + n <= len && i < 65536; i++)
			if (memcmp(buf + i, needle, n) == 0)
				return 90;
	return 0;
}

/* Name-based UUID (version 5) of name in mailprof's own namespace, so the
 * same input always gives the same PayloadUUIDs. */
static void uuid_v5(const char *name, size_t len, char out[37])
{
	/* mailprof's own namespace: fixed bytes, never to change (it would change
	 * every UUID). The result equals Python's uuid.uuid5(ns, name), checked
	 * on tests/golden/autodiscover/dimension-sh.mobileconfig.mobileconfig. */
	static const unsigned char ns[16] = {0x3c, 0x1f, 0x4e, 0x8a, 0x5b, 0x2d, 0x5e, 0x6f,
	                                     0x9a, 0x47, 0x21, 0x0b, 0x6d, 0x8e, 0x13, 0x52};
	unsigned char h[20];
	mp_sha1(ns, sizeof ns, name, len, h);
	h[6] = (unsigned char)((h[6] & 0x0F) | 0x50);
	h[8] = (unsigned char)((h[8] & 0x3F) | 0x80);
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[h[i] >> 4];
		out[o++] = hex[h[i] & 15];
	}
	out[o] = '\0';
}

/* ---- emitter ---- */

static void kv_str(mp_buf *b, int ind, const char *key, const char *v)
{
	if (!v)
		return;
	mp_buf_printf(b, "%*s<key>%s</key>\n%*s<string>", ind, "", key, ind, "");
	mp_buf_xml_escape(b, v);
	mp_buf_puts(b, "</string>\n");
}

static void kv_int(mp_buf *b, int ind, const char *key, int v)
{
	mp_buf_printf(b, "%*s<key>%s</key>\n%*s<integer>%d</integer>\n", ind, "", key, ind, "", v);
}

static void kv_bool(mp_buf *b, int ind, const char *key, bool v)
{
	mp_buf_printf(b, "%*s<key>%s</key>\n%*s<%s/>\n", ind, "", key, ind, "", v ? "true" : "false");
}

static const char *apple_auth(const mp_server *s, mailprof_diags *d)
{
	for (size_t i = 0; i < s->nauth; i++)
		for (size_t k = 0; k < MP_COUNT(auth_map); k++)
			if (auth_map[k].auth == s->auth[i]) {
				if (i || s->nauth > 1)
					mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
					        "mobileconfig: one login method per server; %s '%s' is written, "
					        "the others dropped", mp_protocol_name(s->protocol),
					        mp_auth_name(s->auth[i]));
				return auth_map[k].apple;
			}
	if (s->nauth && s->auth[0] == MP_AUTH_CLIENT_IP) {
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "mobileconfig: login by client IP address is written as EmailAuthNone");
		return "EmailAuthNone";
	}
	if (s->nauth)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "mobileconfig: %s login '%s' cannot be expressed; written as EmailAuthPassword",
		        mp_protocol_name(s->protocol), mp_auth_name(s->auth[0]));
	return "EmailAuthPassword";
}

static void emit_server(mp_buf *b, const char *pre, const mp_server *s, const mailprof_options *opt,
                        mailprof_diags *d)
{
	char key[96];
	snprintf(key, sizeof key, "%sMailServerHostName", pre);
	kv_str(b, 6, key, s->host.v ? s->host.v : "");
	if (s->port.set) {
		snprintf(key, sizeof key, "%sMailServerPortNumber", pre);
		kv_int(b, 6, key, s->port.v);
	}
	snprintf(key, sizeof key, "%sMailServerUseSSL", pre);
	int sec = s->security.set ? s->security.v : MP_SEC_NONE;
	int port = s->port.set ? s->port.v : 0;
	if (sec == MP_SEC_STARTTLS && !(port && mp_port_is_starttls(port)))
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->security.loc, NULL,
		        "mobileconfig: STARTTLS cannot be expressed (only UseSSL); %s %s written as UseSSL "
		        "true, which Apple Mail may take for implicit TLS on port %d",
		        mp_protocol_name(s->protocol), s->host.v ? s->host.v : "", port);
	else if (sec == MP_SEC_TLS && port && mp_port_is_starttls(port))
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->security.loc, NULL,
		        "mobileconfig: implicit TLS on port %d is written as UseSSL true, which Apple Mail "
		        "may take for STARTTLS", port);
	kv_bool(b, 6, key, sec != MP_SEC_NONE);
	snprintf(key, sizeof key, "%sMailServerAuthentication", pre);
	kv_str(b, 6, key, apple_auth(s, d));
	snprintf(key, sizeof key, "%sMailServerUsername", pre);
	kv_str(b, 6, key, s->username.v);
	if (opt->include_secrets && s->password.v) {
		snprintf(key, sizeof key, "%sPassword", pre);
		kv_str(b, 6, key, s->password.v);
	}
}

/* Reverse-DNS default identifier from the provider or address domain. */
static char *default_identifier(const mp_account *a)
{
	const char *dom = a->ndomains ? a->domains[0].v : NULL;
	if (!dom && a->email.v && strrchr(a->email.v, '@'))
		dom = strrchr(a->email.v, '@') + 1;
	if (!dom && a->provider_id.v)
		dom = a->provider_id.v;
	if (!dom && a->nincoming && a->incoming[0].host.v)
		dom = a->incoming[0].host.v;
	if (!dom || !*dom)
		return mp_xstrdup("invalid.mailprof");
	mp_buf b = {0};
	const char *end = dom + strlen(dom);
	while (end > dom) {
		const char *dot = end;
		while (dot > dom && dot[-1] != '.')
			dot--;
		for (const char *q = dot; q < end; q++) {
			char ch = *q;
			bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
			mp_buf_putc(&b, ok ? (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch) : '-');
		}
		end = dot > dom ? dot - 1 : dom;
		if (dot > dom)
			mp_buf_putc(&b, '.');
	}
	mp_buf_puts(&b, ".mailprof");
	return mp_buf_take(&b, NULL);
}

static mailprof_status emit_mobileconfig(const mailprof_profile *p, const mailprof_options *opt,
                                         mp_buf *out, mailprof_diags *d)
{
	if (!p->naccounts) {
		mp_diag(d, MAILPROF_ERROR, "empty", NULL, NULL, "no account to write");
		return MAILPROF_ERR_INVALID;
	}
	char *ident = opt->identifier && *opt->identifier ? mp_xstrdup(opt->identifier)
	                                                  : default_identifier(&p->accounts[0]);
	mp_buf payloads = {0}, names = {0};
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		if (!a->nincoming || !a->noutgoing) {
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "mobileconfig: a mail payload needs an incoming and an outgoing server; "
			        "account %zu has %s: skipped", i + 1, a->nincoming ? "no outgoing" : "no incoming");
			continue;
		}
		if (a->nincoming > 1 || a->noutgoing > 1)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "mobileconfig: one incoming and one outgoing server per payload; the first of "
			        "each is written (%zu incoming, %zu outgoing)", a->nincoming, a->noutgoing);
		if (a->pop_leave_on_server.set || a->pop_leave_days.set)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "mobileconfig: POP options (leave messages on server, days) have no key: not written");
		if (a->ndomains || a->provider_id.v || a->provider_short_name.v)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
			        "mobileconfig: provider id, short name and domains have no key: not written");
		const mp_server *in = &a->incoming[0], *o = &a->outgoing[0];
		mp_buf body = {0};
		kv_str(&body, 6, "EmailAccountDescription", a->provider_name.v);
		kv_str(&body, 6, "EmailAccountName", a->display_name.v);
		kv_str(&body, 6, "EmailAccountType", in->protocol == MP_PROTO_POP3 ? "EmailTypePOP" : "EmailTypeIMAP");
		kv_str(&body, 6, "EmailAddress", a->email.v);
		emit_server(&body, "Incoming", in, opt, d);
		emit_server(&body, "Outgoing", o, opt, d);
		bool same_pw = in->password.v && o->password.v && strcmp(in->password.v, o->password.v) == 0;
		kv_bool(&body, 6, "OutgoingPasswordSameAsIncomingPassword", same_pw);
		char *pid = p->naccounts > 1 ? mp_xasprintf("%s.email%zu", ident, i + 1)
		                             : mp_xasprintf("%s.email", ident);
		/* Name = identifier + payload body, so equal input gives equal UUIDs
		 * and any change of content gives a new one. */
		mp_buf name = {0};
		mp_buf_printf(&name, "%s\n", pid);
		mp_buf_add(&name, body.s ? body.s : "", body.len);
		char uuid[37];
		uuid_v5(name.s, name.len, uuid);
		mp_buf_free(&name);
		mp_buf_puts(&names, uuid);
		mp_buf_puts(&payloads, "    <dict>\n");
		mp_buf_add(&payloads, body.s ? body.s : "", body.len);
		kv_str(&payloads, 6, "PayloadDisplayName", a->email.v ? a->email.v : "Mail");
		kv_str(&payloads, 6, "PayloadIdentifier", pid);
		kv_str(&payloads, 6, "PayloadType", "com.apple.mail.managed");
		kv_str(&payloads, 6, "PayloadUUID", uuid);
		kv_int(&payloads, 6, "PayloadVersion", 1);
		mp_buf_puts(&payloads, "    </dict>\n");
		mp_buf_free(&body);
		free(pid);
	}
	if (!names.len) {
		free(ident);
		mp_buf_free(&payloads);
		mp_buf_free(&names);
		mp_diag(d, MAILPROF_ERROR, "mobileconfig-empty", NULL, NULL,
		        "no account with both an incoming and an outgoing server: nothing to write");
		return MAILPROF_ERR_INVALID;
	}
	mp_buf_printf(&names, "\n%s", ident);
	char uuid[37];
	uuid_v5(names.s, names.len, uuid);
	const mp_account *a0 = &p->accounts[0];
	mp_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                 "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
	                 "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
	                 "<plist version=\"1.0\">\n<dict>\n  <key>PayloadContent</key>\n  <array>\n");
	mp_buf_add(out, payloads.s, payloads.len);
	mp_buf_puts(out, "  </array>\n");
	kv_str(out, 2, "PayloadDisplayName",
	       a0->provider_name.v ? a0->provider_name.v : a0->email.v ? a0->email.v : "Mail account");
	kv_str(out, 2, "PayloadIdentifier", ident);
	kv_str(out, 2, "PayloadType", "Configuration");
	kv_str(out, 2, "PayloadUUID", uuid);
	kv_int(out, 2, "PayloadVersion", 1);
	mp_buf_puts(out, "</dict>\n</plist>\n");
	free(ident);
	mp_buf_free(&payloads);
	mp_buf_free(&names);
	return MAILPROF_OK;
}

const struct mp_format mp_format_mobileconfig = {
	.name = "mobileconfig",
	.aliases = "apple plist ios macos",
	.extensions = ".mobileconfig",
	.summary = "Apple configuration profile with com.apple.mail.managed payloads (.mobileconfig)",
	.sniff = sniff_mobileconfig,
	.parse = parse_mobileconfig,
	.emit = emit_mobileconfig,
	.client = "Apple Mail",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_INCOMING |
	            MP_REQ_OUTGOING | MP_REQ_LITERAL,
};
