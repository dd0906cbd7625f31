/* Windows Mail / Windows Live Mail account file (.oeaccount): reference
 * material formats.md section 4. One flat <MessageAccount> per file, one
 * child element per property; written by Windows as UTF-16LE with BOM. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "format.h"
#include "xml.h"

/* ---- decoding: libxml2 gets UTF-8 with a matching declaration ---- */

/* Rewrite the encoding pseudo-attribute of the XML declaration (if any) to
 * UTF-8: the bytes handed to libxml2 are UTF-8 whatever the file said. The
 * declaration is on line 1, so line numbers are unchanged. */
static char *fix_declaration(const char *s, size_t len, size_t *out_len, bool *declared_utf16)
{
	mp_buf b = {0};
	*declared_utf16 = false;
	const char *end = len >= 5 && memcmp(s, "<?xml", 5) == 0 ? memchr(s, '>', len) : NULL;
	const char *enc = NULL;
	if (end)
		for (const char *p = s; p + 8 < end; p++)
			if (memcmp(p, "encoding", 8) == 0) {
				enc = p;
				break;
			}
	if (!enc) {
		mp_buf_add(&b, s, len);
		return mp_buf_take(&b, out_len);
	}
	const char *q = enc + 8;
	while (q < end && (*q == ' ' || *q == '='))
		q++;
	char quote = q < end ? *q : 0;
	const char *close = (quote == '"' || quote == '\'') ? memchr(q + 1, quote, (size_t)(end - q - 1)) : NULL;
	if (!close) {
		mp_buf_add(&b, s, len);
		return mp_buf_take(&b, out_len);
	}
	*declared_utf16 = mp_strncasecmp(q + 1, "utf-16", 6) == 0;
	mp_buf_add(&b, s, (size_t)(enc - s));
	mp_buf_puts(&b, "encoding=\"UTF-8\"");
	mp_buf_add(&b, close + 1, len - (size_t)(close + 1 - s));
	return mp_buf_take(&b, out_len);
}

/* UTF-16 (with BOM) -> UTF-8 through iconv. NULL when the bytes are not
 * valid UTF-16. */
static char *utf16_to_utf8(const char *buf, size_t len, bool big_endian, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16;
	char *out = mp_xmalloc(cap);
	char *in = (char *)buf + 2, *o = out;
	size_t inleft = len - 2, outleft = cap - 1;
	size_t r = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	if (r == (size_t)-1 || inleft) {
		free(out);
		return NULL;
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

/* Returns UTF-8 bytes ready for mp_xml_read (caller frees), or NULL with a
 * finding. */
static char *decode(const char *buf, size_t len, const char *path, mailprof_diags *d,
                    size_t *out_len)
{
	mailprof_loc l = {path, 1, 0};
	const unsigned char *u = (const unsigned char *)buf;
	char *utf8 = NULL;
	size_t n = 0;
	bool declared16 = false;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		utf8 = utf16_to_utf8(buf, len, u[0] == 0xFE, &n);
		if (!utf8) {
			mp_diag(d, MAILPROF_ERROR, "encoding", &l, NULL,
			        "the file starts with a UTF-16 byte order mark but is not valid UTF-16");
			return NULL;
		}
		char *fixed = fix_declaration(utf8, n, out_len, &declared16);
		free(utf8);
		return fixed;
	}
	if (len >= 2 && (u[0] == 0 || u[1] == 0)) {
		mp_diag(d, MAILPROF_ERROR, "encoding", &l, "save it as UTF-16LE with a byte order mark",
		        "UTF-16 without a byte order mark is not supported");
		return NULL;
	}
	size_t skip = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
	char *fixed = fix_declaration(buf + skip, len - skip, out_len, &declared16);
	if (declared16)
		mp_diag(d, MAILPROF_WARNING, "encoding-mismatch", &l,
		        "change the declaration to encoding=\"utf-8\", or save the file as UTF-16LE",
		        "the XML declaration says utf-16 but the bytes are 8-bit text: read as UTF-8 "
		        "(Microsoft's documentation examples are like this; Windows writes UTF-16LE)");
	return fixed;
}

/* ---- property access ---- */

struct props {
	xmlNodePtr root;
	const char *path;
	mailprof_diags *d;
};

static xmlNodePtr prop(const struct props *p, const char *name)
{
	/* The last occurrence wins, as for registry values written in order. */
	xmlNodePtr found = NULL;
	for (xmlNodePtr n = p->root->children; n; n = n->next)
		if (mp_xml_is(n, name))
			found = n;
	return found;
}

/* SZ value; "0" and "FALSE" stand for the empty string (section 4.2).
 * NULL when absent or empty. Caller frees. */
static char *sz(const struct props *p, const char *name, mailprof_loc *l)
{
	xmlNodePtr n = prop(p, name);
	if (!n)
		return NULL;
	char *t = mp_xml_text(n);
	if (!*t || strcmp(t, "0") == 0 || mp_strcasecmp(t, "FALSE") == 0) {
		free(t);
		return NULL;
	}
	*l = mp_xml_loc(p->path, n);
	return t;
}

/* DWORD value: hex without 0x, padded or not; TRUE/FALSE as 1/0. */
static bool dword(const struct props *p, const char *name, int *out, mailprof_loc *l)
{
	xmlNodePtr n = prop(p, name);
	if (!n)
		return false;
	char *t = mp_xml_text(n);
	*l = mp_xml_loc(p->path, n);
	bool ok = true;
	if (mp_strcasecmp(t, "TRUE") == 0)
		*out = 1;
	else if (mp_strcasecmp(t, "FALSE") == 0)
		*out = 0;
	else {
		char *end;
		errno = 0;
		unsigned long v = *t ? strtoul(t, &end, 16) : 0;
		if (!*t || *end || errno || v > 0xFFFFFFFFul || strlen(t) > 8 || t[0] == '-' || t[0] == '+' ||
		    (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))) {
			mp_diag(p->d, MAILPROF_ERROR, "oeaccount-dword", l,
			        "write the value as hexadecimal digits, e.g. 000003e1",
			        "<%s> is not a hexadecimal DWORD ('%s'): ignored", name, t);
			ok = false;
		} else
			*out = v > 0x7fffffff ? 0x7fffffff : (int)v;
	}
	free(t);
	return ok;
}

static void read_server(const struct props *p, mp_account *a, mp_protocol proto, const char *pre,
                        const mp_server *incoming)
{
	char name[64];
	mailprof_loc l = {0};
	snprintf(name, sizeof name, "%s_Server", pre);
	char *host = sz(p, name, &l);
	if (!host)
		return;
	mp_server *s = mp_server_add(a, proto);
	s->loc = l;
	mp_str_set(&s->host, host, &l);
	free(host);
	int v;
	snprintf(name, sizeof name, "%s_Port", pre);
	if (dword(p, name, &v, &l))
		mp_int_set(&s->port, v, &l);
	snprintf(name, sizeof name, "%s_Secure_Connection", pre);
	if (dword(p, name, &v, &l)) {
		/* One "requires SSL" flag; on the usual STARTTLS ports it means
		 * STARTTLS, elsewhere implicit TLS (docs/formats.md). */
		int port = s->port.set ? s->port.v : mp_default_port(proto, MP_SEC_NONE);
		mp_int_set(&s->security, v ? (mp_port_is_starttls(port) ? MP_SEC_STARTTLS : MP_SEC_TLS) : MP_SEC_NONE, &l);
	}
	snprintf(name, sizeof name, "%s_User_Name", pre);
	char *user = sz(p, name, &l);
	if (user)
		mp_str_set(&s->username, user, &l);
	free(user);
	snprintf(name, sizeof name, "%s_Use_Sicily", pre);
	bool have = dword(p, name, &v, &l);
	if (proto != MP_PROTO_SMTP) {
		/* A plain SPA switch; without it the client logs in with a password. */
		s->auth_loc = l;
		mp_server_add_auth(s, have && v ? MP_AUTH_NTLM : MP_AUTH_PASSWORD_CLEARTEXT);
	} else if (have) {
		s->auth_loc = l;
		switch (v) {
		case 0: mp_server_add_auth(s, MP_AUTH_NONE); break;
		case 1: mp_server_add_auth(s, MP_AUTH_NTLM); break;
		case 2: /* log in as the incoming server does */
			if (incoming) {
				for (size_t i = 0; i < incoming->nauth; i++)
					mp_server_add_auth(s, incoming->auth[i]);
				if (incoming->username.v && !s->username.v)
					mp_str_set(&s->username, incoming->username.v, &l);
			}
			break;
		case 3: mp_server_add_auth(s, MP_AUTH_PASSWORD_CLEARTEXT); break;
		default:
			mp_diag(p->d, MAILPROF_ERROR, "oeaccount-value", &l, "use 0, 1, 2 or 3",
			        "SMTP_Use_Sicily %d is not a known SMTP login type: ignored", v);
		}
	}
	snprintf(name, sizeof name, "%s_Password2", pre);
	xmlNodePtr pw = prop(p, name);
	if (pw) {
		char *t = mp_xml_text(pw);
		if (*t && strcmp(t, "0") != 0) {
			mailprof_loc pl = mp_xml_loc(p->path, pw);
			mp_diag(p->d, MAILPROF_WARNING, "oeaccount-password", &pl,
			        "enter the password again in the target client",
			        "<%s> is a Windows DPAPI blob bound to one Windows user and machine: it cannot "
			        "be decrypted or carried over", name);
		}
		if (*t)
			memset(t, 0, strlen(t));
		free(t);
	}
}

/* The properties mapped here; the schema types exactly these. */
/* schemas/oeaccount.xsd restated as a shape (xml_shape.h), so the usual
 * valid file skips the XSD: keep the two in step. Its children are the
 * properties mailprof maps. */
static const char *const w_dword_words[] = {"TRUE", "FALSE", "true", "false", NULL};
static const char *const w_dword[] = {"DWORD", NULL};
static const char *const w_sz[] = {"SZ", NULL};
static const char *const w_binary[] = {"BINARY", NULL};
static const struct mp_text_type t_dword_text = {MP_TEXT_HEX, w_dword_words, MP_TEXT_TRIM, 0, 0};
static const struct mp_text_type t_dword = {MP_TEXT_WORDS, w_dword, 0, 0, 0};
static const struct mp_text_type t_sz = {MP_TEXT_WORDS, w_sz, 0, 0, 0};
static const struct mp_text_type t_binary = {MP_TEXT_WORDS, w_binary, 0, 0, 0};
static const struct mp_attr_shape a_dword[] = {{"type", &t_dword, true}, {NULL, NULL, false}};
static const struct mp_attr_shape a_sz[] = {{"type", &t_sz, true}, {NULL, NULL, false}};
static const struct mp_attr_shape a_binary[] = {{"type", &t_binary, true}, {NULL, NULL, false}};
static const struct mp_shape s_dword = {MP_CONTENT_TEXT, &t_dword_text, NULL, 0, 0, a_dword, false};
static const struct mp_shape s_sz = {MP_CONTENT_TEXT, &mp_text_string, NULL, 0, 0, a_sz, false};
static const struct mp_shape s_binary = {MP_CONTENT_TEXT, &mp_text_string, NULL, 0, 0, a_binary, false};
static const struct mp_child_shape c_mapped[] = {
	{"Account_Name", &s_sz}, {"Connection_Type", &s_dword}, {"IMAP_Server", &s_sz},
	{"IMAP_User_Name", &s_sz}, {"IMAP_Password2", &s_binary}, {"IMAP_Use_Sicily", &s_dword},
	{"IMAP_Port", &s_dword}, {"IMAP_Secure_Connection", &s_dword}, {"POP3_Server", &s_sz},
	{"POP3_User_Name", &s_sz}, {"POP3_Password2", &s_binary}, {"POP3_Use_Sicily", &s_dword},
	{"POP3_Port", &s_dword}, {"POP3_Secure_Connection", &s_dword},
	{"Leave_Mail_On_Server", &s_dword}, {"Remove_When_Expired", &s_dword},
	{"Expire_Days", &s_dword}, {"SMTP_Server", &s_sz}, {"SMTP_User_Name", &s_sz},
	{"SMTP_Password2", &s_binary}, {"SMTP_Use_Sicily", &s_dword}, {"SMTP_Port", &s_dword},
	{"SMTP_Secure_Connection", &s_dword}, {"SMTP_Display_Name", &s_sz},
	{"SMTP_Email_Address", &s_sz}, {NULL, NULL}};
static const struct mp_shape s_root = {MP_CONTENT_KIDS, NULL, c_mapped, 0, 0, NULL, false};
static const struct mp_child_shape oeaccount_shape = {"MessageAccount", &s_root};

/* Validation works on a copy holding only mapped properties: the many
 * others (timeouts, folders, news, directory) are documented but unread. */
static void validate_mapped(xmlDocPtr doc, const char *path, mailprof_diags *d)
{
	xmlDocPtr copy = xmlCopyDoc(doc, 1);
	if (!copy)
		abort();
	xmlNodePtr root = xmlDocGetRootElement(copy);
	for (xmlNodePtr c = root->children, next; c; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && !mp_xml_shape_kid(c_mapped, (const char *)c->name)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	mp_xml_validate(copy, "oeaccount.xsd", &oeaccount_shape, path, MAILPROF_ERROR, d);
	xmlFreeDoc(copy);
}

static mailprof_status parse_oeaccount(mailprof_profile *pr, const char *buf, size_t len,
                                       const char *path, const mailprof_options *opt,
                                       mailprof_diags *d)
{
	(void)opt;
	size_t n;
	char *utf8 = decode(buf, len, path, d, &n);
	if (!utf8)
		return MAILPROF_ERR_ENCODING;
	xmlDocPtr doc = mp_xml_read(utf8, n, path, d);
	free(utf8);
	if (!doc)
		return MAILPROF_ERR_SYNTAX;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!mp_xml_is(root, "MessageAccount")) {
		mailprof_loc l = mp_xml_loc(path, root);
		mp_diag(d, MAILPROF_ERROR, "oeaccount-root", &l, NULL,
		        "root element is <%s>, not <MessageAccount>", root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	validate_mapped(doc, path, d);
	struct props p = {root, path, d};
	mailprof_loc l = mp_xml_loc(path, root), vl = l;
	mp_protocol proto = 0;
	const char *pre = NULL;
	char *t;
	if ((t = sz(&p, "IMAP_Server", &vl)))
		proto = MP_PROTO_IMAP, pre = "IMAP";
	else if ((t = sz(&p, "POP3_Server", &vl)))
		proto = MP_PROTO_POP3, pre = "POP3";
	free(t);
	if (!pre) {
		const char *kind = NULL;
		if ((t = sz(&p, "NNTP_Server", &vl)))
			kind = "news (NNTP)";
		else if ((t = sz(&p, "LDAP_Server", &vl)))
			kind = "directory (LDAP)";
		else if ((t = sz(&p, "HTTPMail_Server", &vl)))
			kind = "HTTPMail";
		free(t);
		if (kind)
			mp_diag(d, MAILPROF_INFO, "oeaccount-skipped", &vl, NULL,
			        "this is a %s account, not a mail account: skipped", kind);
		if (!kind && (prop(&p, "IMAP_Server") || prop(&p, "POP3_Server")))
			mp_diag(d, MAILPROF_ERROR, "oeaccount-empty", &l,
			        "fill in IMAP_Server or POP3_Server (\"0\" and FALSE mean empty)",
			        "no IMAP or POP3 mail account in the file: its server names are empty, as in "
			        "Microsoft's template account file");
		else
			mp_diag(d, MAILPROF_ERROR, "oeaccount-empty", &l,
			        "an account file needs IMAP_Server or POP3_Server (\"0\" means empty)",
			        "no IMAP or POP3 mail account in the file");
		xmlFreeDoc(doc);
		return MAILPROF_ERR_INVALID;
	}
	mp_account *a = mp_account_add(pr);
	a->loc = l;
	if ((t = sz(&p, "Account_Name", &vl)))
		mp_str_set(&a->provider_name, t, &vl);
	free(t);
	if ((t = sz(&p, "SMTP_Display_Name", &vl)))
		mp_str_set(&a->display_name, t, &vl);
	free(t);
	if ((t = sz(&p, "SMTP_Email_Address", &vl)))
		mp_str_set(&a->email, t, &vl);
	free(t);
	read_server(&p, a, proto, pre, NULL);
	read_server(&p, a, MP_PROTO_SMTP, "SMTP", a->nincoming ? &a->incoming[0] : NULL);
	int v;
	if (proto == MP_PROTO_POP3) {
		if (dword(&p, "Leave_Mail_On_Server", &v, &vl))
			mp_int_set(&a->pop_leave_on_server, v != 0, &vl);
		int rm;
		mailprof_loc rl;
		if (dword(&p, "Remove_When_Expired", &rm, &rl) && rm && dword(&p, "Expire_Days", &v, &vl))
			mp_int_set(&a->pop_leave_days, v, &vl);
	}
	xmlFreeDoc(doc);
	return MAILPROF_OK;
}

static int sniff_oeaccount(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE) {
		/* Look for "<MessageAccount" in UTF-16LE in the head of the file. */
		static const char tag[] = "<MessageAccount";
		size_t tl = sizeof tag - 1;
		size_t lim = len < 4096 ? len : 4096;
		for (size_t i = 2; i + 2 * tl <= lim; i += 2) {
			size_t k = 0;
			while (k < tl && buf[i + 2 * k] == tag[k] && buf[i + 2 * k + 1] == 0)
				k++;
			if (k == tl)
				return 100;
		}
		return 0;
	}
	char root[64];
	return mp_xml_root_name(buf, len, root, sizeof root) && strcmp(root, "MessageAccount") == 0 ? 100 : 0;
}

/* ---- emitter: what WLM itself writes ---- */

static void put_sz(mp_buf *b, const char *name, const char *v)
{
	if (!v || !*v)
		return;
	mp_buf_printf(b, "    <%s type=\"SZ\">", name);
	mp_buf_xml_escape(b, v);
	mp_buf_printf(b, "</%s>\r\n", name);
}

static void put_dword(mp_buf *b, const char *name, int v)
{
	mp_buf_printf(b, "    <%s type=\"DWORD\">%08x</%s>\r\n", name, (unsigned)v, name);
}

/* Closest login WLM can express for an incoming server: SPA or password. */
static bool wants_spa(const mp_server *s, mailprof_diags *d)
{
	for (size_t i = 0; i < s->nauth; i++) {
		if (s->auth[i] == MP_AUTH_NTLM)
			return true;
		if (s->auth[i] == MP_AUTH_PASSWORD_CLEARTEXT)
			return false;
	}
	if (s->nauth)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
		        "oeaccount: %s login '%s' cannot be expressed; written as a password login",
		        mp_protocol_name(s->protocol), mp_auth_name(s->auth[0]));
	return false;
}

static bool same_login(const mp_server *in, const mp_server *out)
{
	if (!in || !in->username.v || !out->username.v || strcmp(in->username.v, out->username.v) != 0 ||
	    in->nauth != out->nauth || !out->nauth)
		return false;
	return memcmp(in->auth, out->auth, in->nauth * sizeof in->auth[0]) == 0 &&
	       out->auth[0] != MP_AUTH_NONE;
}

static void emit_server(mp_buf *b, const char *pre, const mp_server *s, const mp_server *in,
                        mailprof_diags *d)
{
	char name[64];
	snprintf(name, sizeof name, "%s_Server", pre);
	put_sz(b, name, s->host.v);
	snprintf(name, sizeof name, "%s_User_Name", pre);
	put_sz(b, name, s->username.v);
	snprintf(name, sizeof name, "%s_Use_Sicily", pre);
	if (s->protocol != MP_PROTO_SMTP)
		put_dword(b, name, wants_spa(s, d) ? 1 : 0);
	else if (s->nauth) {
		int v;
		if (same_login(in, s))
			v = 2;
		else if (s->auth[0] == MP_AUTH_NONE)
			v = 0;
		else if (s->auth[0] == MP_AUTH_NTLM)
			v = 1;
		else {
			if (s->auth[0] != MP_AUTH_PASSWORD_CLEARTEXT)
				mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
				        "oeaccount: smtp login '%s' cannot be expressed; written as a password "
				        "login (SMTP_Use_Sicily 3)", mp_auth_name(s->auth[0]));
			v = 3;
		}
		if (s->nauth > 1 && v != 2)
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->auth_loc, NULL,
			        "oeaccount: only one smtp login method fits; '%s' kept, the others dropped",
			        mp_auth_name(s->auth[0]));
		put_dword(b, name, v);
	}
	if (s->port.set) {
		snprintf(name, sizeof name, "%s_Port", pre);
		put_dword(b, name, s->port.v);
	}
	if (s->security.set) {
		snprintf(name, sizeof name, "%s_Secure_Connection", pre);
		int port = s->port.set ? s->port.v : mp_default_port(s->protocol, (mp_security)s->security.v);
		/* The flag is read back as STARTTLS on the usual STARTTLS ports and as
		 * implicit TLS elsewhere: say so when that changes the meaning. */
		if ((s->security.v == MP_SEC_STARTTLS && !mp_port_is_starttls(port)) ||
		    (s->security.v == MP_SEC_TLS && mp_port_is_starttls(port)))
			mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->security.loc, NULL,
			        "oeaccount: %s on port %d cannot be told apart from %s there; written as "
			        "Secure_Connection 1", mp_security_name((mp_security)s->security.v), port,
			        s->security.v == MP_SEC_TLS ? "starttls" : "tls");
		put_dword(b, name, s->security.v != MP_SEC_NONE);
	}
	if (s->password.v)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &s->password.loc, NULL,
		        "oeaccount: passwords are stored as Windows DPAPI blobs; the %s password is not "
		        "written", mp_protocol_name(s->protocol));
	snprintf(name, sizeof name, "%s_Prompt_for_Password", pre);
	put_dword(b, name, 1);
}

static mailprof_status emit_oeaccount(const mailprof_profile *p, const mailprof_options *opt,
                                      mp_buf *out, mailprof_diags *d)
{
	(void)opt;
	const mp_account *a = mp_emit_first_account(p, "oeaccount: one account per file", d);
	if (!a)
		return MAILPROF_ERR_INVALID;
	const mp_server *in = NULL;
	for (size_t i = 0; i < a->nincoming && !in; i++)
		if (a->incoming[i].host.v)
			in = &a->incoming[i];
	if (!in) {
		mp_diag(d, MAILPROF_ERROR, "oeaccount-empty", &a->loc, NULL,
		        "oeaccount needs an IMAP or POP3 server with a host name");
		return MAILPROF_ERR_INVALID;
	}
	if (a->nincoming > 1)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->incoming[1].loc, NULL,
		        "oeaccount: one incoming server per account; %s %s is written, the others dropped",
		        mp_protocol_name(in->protocol), in->host.v);
	const mp_server *smtp = a->noutgoing ? &a->outgoing[0] : NULL;
	if (a->noutgoing > 1)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->outgoing[1].loc, NULL,
		        "oeaccount: one outgoing server per account; the first is written, the others dropped");
	if (a->ndomains || a->provider_id.v || a->provider_short_name.v)
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
		        "oeaccount: provider id, short name and domains have no place: not written");
	bool pop = in->protocol == MP_PROTO_POP3;
	if (!pop && (a->pop_leave_on_server.set || a->pop_leave_days.set))
		mp_diag_change(d, MP_LOSSY, MAILPROF_INFO, &a->loc, NULL,
		        "oeaccount: POP options are not written for an IMAP account");
	mp_buf b = {0};
	mp_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-16\" ?>\r\n<MessageAccount>\r\n");
	put_sz(&b, "Account_Name", a->provider_name.v ? a->provider_name.v : a->email.v ? a->email.v : in->host.v);
	put_dword(&b, "Connection_Type", 3);
	emit_server(&b, pop ? "POP3" : "IMAP", in, NULL, d);
	if (pop) {
		if (a->pop_leave_on_server.set)
			put_dword(&b, "Leave_Mail_On_Server", a->pop_leave_on_server.v != 0);
		if (a->pop_leave_days.set) {
			put_dword(&b, "Remove_When_Expired", 1);
			put_dword(&b, "Expire_Days", a->pop_leave_days.v);
		}
	}
	if (smtp && smtp->host.v)
		emit_server(&b, "SMTP", smtp, in, d);
	put_sz(&b, "SMTP_Display_Name", a->display_name.v);
	put_sz(&b, "SMTP_Email_Address", a->email.v);
	mp_buf_puts(&b, "</MessageAccount>\r\n");
	/* UTF-16LE with BOM, as Windows writes it. */
	iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
	if (cd == (iconv_t)-1) {
		mp_buf_free(&b);
		mp_diag(d, MAILPROF_ERROR, "encoding", NULL, NULL, "iconv cannot convert to UTF-16LE");
		return MAILPROF_ERR_ENCODING;
	}
	size_t cap = b.len * 4 + 4;
	char *u16 = mp_xmalloc(cap), *o = u16 + 2, *i = b.s;
	u16[0] = (char)0xFF, u16[1] = (char)0xFE;
	size_t inleft = b.len, outleft = cap - 2;
	size_t r = iconv(cd, &i, &inleft, &o, &outleft);
	iconv_close(cd);
	mp_buf_free(&b);
	if (r == (size_t)-1) {
		free(u16);
		mp_diag(d, MAILPROF_ERROR, "encoding", &a->loc, NULL,
		        "a value is not valid UTF-8 and cannot be written as UTF-16");
		return MAILPROF_ERR_ENCODING;
	}
	mp_buf_add(out, u16, (size_t)(o - u16));
	free(u16);
	return MAILPROF_OK;
}

const struct mp_format mp_format_oeaccount = {
	.name = "oeaccount",
	.aliases = "wlm windowslivemail windowsmail",
	.extensions = ".oeaccount",
	.summary = "Windows Live Mail / Windows Mail account file (.oeaccount, UTF-16LE)",
	.sniff = sniff_oeaccount,
	.parse = parse_oeaccount,
	.emit = emit_oeaccount,
	.client = "Windows Live Mail",
	.requires = MP_REQ_HOST | MP_REQ_PORT | MP_REQ_SECURITY | MP_REQ_AUTH | MP_REQ_INCOMING |
	            MP_REQ_LITERAL | MP_REQ_FIRST,
};
