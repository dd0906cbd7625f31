/* Round trip as a property (issue 13.3): every bundled template, rendered
 * with many generated accounts (random hosts, ports, security, logins and
 * passwords, values full-width or not, every encoding the reader decodes),
 * read back WITHOUT the template gives the same fields. Fields compared are
 * those the letter prints (a placeholder in the template body) and the
 * incoming protocol its heading names; a display name in a salutation has
 * no label, so a reader cannot know it is one. A fixed seed keeps every run
 * the same; a failure prints the case so it can be replayed. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "model.h"

#define TPL_DIR "templates/notice"
#define CASES 300

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	return t_rnd(&rng_state, n);
}

static void word(char *out, size_t len, const char *alphabet)
{
	size_t k = strlen(alphabet);
	for (size_t i = 0; i < len; i++)
		out[i] = alphabet[rnd((uint32_t)k)];
	out[len] = '\0';
}

/* A host name: 2-4 lowercase labels and a TLD; never a label the reader
 * treats as a placeholder ("your…") nor a web address ("www.", "http"). */
static void host(char *out, size_t cap)
{
	static const char *const tlds[] = {"jp", "com", "net", "org", "co.jp", "ne.jp", "or.jp", "co.uk", "example"};
	for (;;) {
		out[0] = '\0';
		unsigned labels = 1 + rnd(3);
		for (unsigned i = 0; i < labels; i++) {
			char l[16];
			word(l, 2 + rnd(9), "abcdefghijklmnopqrstuvwxyz0123456789");
			l[0] = (char)('a' + rnd(26)); /* a letter first */
			snprintf(out + strlen(out), cap - strlen(out), "%s.", l);
		}
		snprintf(out + strlen(out), cap - strlen(out), "%s", tlds[rnd(MP_COUNT(tlds))]);
		if (strncmp(out, "www", 3) != 0 && strncmp(out, "http", 4) != 0 && strncmp(out, "webmail", 7) != 0 &&
		    !strstr(out, "your"))
			return;
	}
}

struct acct {
	char email[96], in_host[64], out_host[64], in_user[96], out_user[96], pass[40];
	int in_port, out_port, in_sec, out_sec;
};

static void gen(struct acct *a)
{
	char local[24], dom[64];
	word(local, 3 + rnd(10), "abcdefghijklmnopqrstuvwxyz0123456789._-");
	local[0] = (char)('a' + rnd(26));
	local[strlen(local) - 1] = (char)('0' + rnd(10));
	host(dom, sizeof dom);
	snprintf(a->email, sizeof a->email, "%s@%s", local, dom);
	host(a->in_host, sizeof a->in_host);
	host(a->out_host, sizeof a->out_host);
	/* login rules: the address, its local part, or an ID of its own */
	for (int k = 0; k < 2; k++) {
		char *u = k ? a->out_user : a->in_user;
		switch (rnd(3)) {
		case 0: snprintf(u, 96, "%s", a->email); break;
		case 1: snprintf(u, 96, "%s", local); break;
		default: {
			char id[16];
			word(id, 4 + rnd(8), "abcdefghijklmnopqrstuvwxyz0123456789-_");
			id[0] = (char)('a' + rnd(26));
			snprintf(u, 96, "%s", id);
		}
		}
	}
	/* a password the letter can hold: no brackets (read as readings), no
	 * separators, at least one digit (not a mask such as "xxxx") */
	word(a->pass, 8 + rnd(8), "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-_.!$%+=?^~");
	a->pass[rnd((uint32_t)strlen(a->pass))] = (char)('0' + rnd(10));
	a->in_port = 1 + (int)rnd(65535);
	a->out_port = 1 + (int)rnd(65535);
	a->in_sec = (int)rnd(3);
	a->out_sec = (int)rnd(3);
}

static mailprof_profile *model(const struct acct *g, mp_protocol in_proto)
{
	mailprof_profile *p = mailprof_profile_new();
	mp_account *a = mp_account_add(p);
	mp_str_set(&a->email, g->email, NULL);
	mp_str_set(&a->display_name, "Round Trip", NULL);
	mp_server *in = mp_server_add(a, in_proto);
	mp_str_set(&in->host, g->in_host, NULL);
	mp_int_set(&in->port, g->in_port, NULL);
	mp_int_set(&in->security, g->in_sec, NULL);
	mp_str_set(&in->username, g->in_user, NULL);
	mp_str_set(&in->password, g->pass, NULL);
	mp_server *out = mp_server_add(a, MP_PROTO_SMTP);
	mp_str_set(&out->host, g->out_host, NULL);
	mp_int_set(&out->port, g->out_port, NULL);
	mp_int_set(&out->security, g->out_sec, NULL);
	mp_server_add_auth(out, MP_AUTH_PASSWORD_CLEARTEXT);
	mp_str_set(&out->username, g->out_user, NULL);
	mp_str_set(&out->password, g->pass, NULL);
	return p;
}

/* Every ASCII letter, digit and sign written full-width (U+FF01..U+FF5E),
 * as a letter typed with a Japanese IME may be; '-' as the minus sign and
 * '~' as is, the forms JIS X 0208 (ISO-2022-JP, EUC-JP) can hold. */
static char *fullwidth(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(3 * n + 1), *q = o;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c > 0x20 && c < 0x7F && c != '~') {
			unsigned cp = c == '-' ? 0x2212 : c - 0x21 + 0xFF01;
			*q++ = (char)(0xE0 | (cp >> 12));
			*q++ = (char)(0x80 | ((cp >> 6) & 0x3F));
			*q++ = (char)(0x80 | (cp & 0x3F));
		} else
			*q++ = (char)c;
	}
	*q = '\0';
	return o;
}

/* s (UTF-8) in encoding enc; a BOM first for the UTF-16 and "UTF-8-BOM" forms. */
static char *encode(const char *s, const char *enc, size_t *len)
{
	bool bom8 = strcmp(enc, "UTF-8-BOM") == 0;
	const char *to = bom8 ? "UTF-8" : enc;
	iconv_t cd = iconv_open(to, "UTF-8");
	cr_assert(cd != (iconv_t)-1, "iconv %s", enc);
	size_t in_left = strlen(s), cap = 4 * in_left + 16, out_left = cap;
	char *buf = malloc(cap), *o = buf;
	if (bom8)
		memcpy(o, "\xEF\xBB\xBF", 3), o += 3, out_left -= 3;
	else if (strcmp(enc, "UTF-16LE") == 0)
		memcpy(o, "\xFF\xFE", 2), o += 2, out_left -= 2;
	else if (strcmp(enc, "UTF-16BE") == 0)
		memcpy(o, "\xFE\xFF", 2), o += 2, out_left -= 2;
	char *in = (char *)s;
	cr_assert_neq(iconv(cd, &in, &in_left, &o, &out_left), (size_t)-1, "%s cannot hold the letter", enc);
	iconv(cd, NULL, NULL, &o, &out_left); /* ISO-2022-JP: back to ASCII */
	iconv_close(cd);
	*len = cap - out_left;
	return buf;
}

/* What the template states outright (`default FIELD: VALUE` in its
 * header) the generated account takes, as a provider's own accounts do: a
 * letter is not written for a profile that contradicts it. */
static void honour_defaults(struct acct *g, const char *tpl)
{
	static const char *const fields[] = {"incoming.port", "incoming.security", "outgoing.port",
	                                      "outgoing.security"};
	int *slot[] = {&g->in_port, &g->in_sec, &g->out_port, &g->out_sec};
	const char *end = strstr(tpl, "\n---\n");
	for (size_t i = 0; i < MP_COUNT(fields); i++) {
		char key[64];
		snprintf(key, sizeof key, "\ndefault %s: ", fields[i]);
		const char *at = strstr(tpl, key);
		if (!at || (end && at > end))
			continue;
		at += strlen(key);
		if (i % 2 == 0)
			*slot[i] = atoi(at);
		else
			for (int sec = MP_SEC_NONE; sec <= MP_SEC_TLS; sec++) {
				const char *name = mp_security_name((mp_security)sec);
				if (strlen(name) == strcspn(at, "\n") && strncmp(at, name, strlen(name)) == 0)
					*slot[i] = sec;
			}
	}
}

static const char *str_or(const mp_str *s)
{
	return s->v ? s->v : "(unset)";
}

static void roundtrip_template(const char *tpl)
{
	static const char *const encodings[] = {"UTF-8", "UTF-8-BOM", "CP932", "EUC-JP", "ISO-2022-JP", "UTF-16LE",
	                                        "UTF-16BE"};
	size_t blen;
	char *body = t_slurp(tpl, &blen);
	cr_assert_not_null(body);
	const char *sep = strstr(body, "\n---\n");
	cr_assert_not_null(sep, "%s has no body", tpl);
	const char *b = sep + 5;
	/* the incoming protocol the template's heading names (its default) */
	mp_protocol proto = strstr(body, "default incoming.protocol: imap") ? MP_PROTO_IMAP : MP_PROTO_POP3;
#define IN_BODY(ph) (strstr(b, "{" ph "}") != NULL)
	mailprof_options opt = {.template_path = tpl, .include_secrets = 1};
	for (int c = 0; c < CASES; c++) {
		struct acct g;
		gen(&g);
		honour_defaults(&g, body);
		bool fw = rnd(2);
		const char *enc = encodings[rnd(MP_COUNT(encodings))];
		mailprof_profile *src = model(&g, proto);
		mailprof_diags *d = mailprof_diags_new();
		char *text = NULL;
		size_t len = 0;
		cr_assert_eq(mailprof_emit(src, "notice", &opt, &text, &len, d), MAILPROF_OK, "%s: render", tpl);
		char *shown = fw ? fullwidth(text) : strdup(text);
		size_t elen;
		char *bytes = encode(shown, enc, &elen);
		/* read back WITHOUT the template */
		mailprof_profile *p = mailprof_profile_new();
		mailprof_status st = mailprof_parse(p, bytes, elen, "letter.txt", "notice", NULL, d);
		char ctx[1024];
		snprintf(ctx, sizeof ctx, "%s case %d (%s%s):\n%s", tpl, c, enc, fw ? ", full-width" : "", shown);
		cr_assert_eq(st, MAILPROF_OK, "does not parse: %s", ctx);
		cr_assert_eq(p->naccounts, 1, "accounts: %s", ctx);
		const mp_account *a = &p->accounts[0];
		cr_assert_geq(a->nincoming, 1, "no incoming server: %s", ctx);
		cr_assert_eq(a->noutgoing, 1, "outgoing servers: %s", ctx);
		const mp_server *in = &a->incoming[0], *out = &a->outgoing[0];
		cr_expect_eq(in->protocol, proto, "protocol: %s", ctx);
		if (IN_BODY("email"))
			cr_expect_str_eq(str_or(&a->email), g.email, "email: %s", ctx);
		if (IN_BODY("incoming.host"))
			cr_expect_str_eq(str_or(&in->host), g.in_host, "incoming host: %s", ctx);
		if (IN_BODY("incoming.port"))
			cr_expect_eq(in->port.v, g.in_port, "incoming port: %s", ctx);
		if (IN_BODY("incoming.username"))
			cr_expect_str_eq(str_or(&in->username), g.in_user, "incoming username: %s", ctx);
		if (IN_BODY("incoming.password"))
			cr_expect_str_eq(str_or(&in->password), g.pass, "incoming password: %s", ctx);
		if (IN_BODY("outgoing.host"))
			cr_expect_str_eq(str_or(&out->host), g.out_host, "outgoing host: %s", ctx);
		if (IN_BODY("outgoing.port"))
			cr_expect_eq(out->port.v, g.out_port, "outgoing port: %s", ctx);
		if (IN_BODY("outgoing.username"))
			cr_expect_str_eq(str_or(&out->username), g.out_user, "outgoing username: %s", ctx);
		if (IN_BODY("outgoing.password"))
			cr_expect_str_eq(str_or(&out->password), g.pass, "outgoing password: %s", ctx);
		free(bytes);
		free(shown);
		free(text);
		mailprof_profile_free(p);
		mailprof_profile_free(src);
		mailprof_diags_free(d);
	}
#undef IN_BODY
	free(body);
}

Test(notice_roundtrip, every_template_read_back_without_it)
{
	DIR *dir = opendir(TPL_DIR);
	cr_assert_not_null(dir);
	struct dirent *e;
	char *names[64];
	size_t n = 0;
	while ((e = readdir(dir)) && n < 64)
		if (strlen(e->d_name) > 4 && strcmp(e->d_name + strlen(e->d_name) - 4, ".tpl") == 0)
			names[n++] = strdup(e->d_name);
	closedir(dir);
	cr_assert_geq(n, 2);
	/* name order, so the cases do not depend on the directory's order */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];
				names[i] = names[j];
				names[j] = t;
			}
	for (size_t i = 0; i < n; i++) {
		rng_state = 0x9E3779B97F4A7C15ULL + i; /* fixed seed per template */
		char path[512];
		snprintf(path, sizeof path, "%s/%s", TPL_DIR, names[i]);
		roundtrip_template(path);
		free(names[i]);
	}
}
