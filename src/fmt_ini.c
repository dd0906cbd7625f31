/* INI account definitions (docs/ini-format.md), read with inih.
 *
 * Debian's inih is built without INI_HANDLER_LINENO, so line numbers come
 * from our own reader: inih asks for one line, handles it, then asks for the
 * next, so the reader's count is the line of every handler call. The reader
 * also sees section headers (inih only reports key/value pairs) and lines too
 * long for inih's 200-byte buffer.
 *
 * Values are bare, or in double quotes with backslash escapes, continued on
 * indented quoted lines when long (docs/ini-format.md "Quoting"): inih
 * hands quoted values over verbatim (every ';' in them is escaped, so its
 * inline-comment rule never fires) and passes continuation lines under the
 * previous key (INI_ALLOW_MULTILINE); the handler decodes both. */
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "format.h"

#define INI_LINE_MAX 200 /* the library's INI_MAX_LINE */

enum sect { S_NONE, S_ACCOUNT, S_INCOMING, S_OUTGOING, S_UNKNOWN };

struct st {
	mailprof_profile *p;
	const char *path;
	mailprof_diags *d;
	const char *buf, *end, *cur; /* the input and the reader's position */
	int line;
	const char *line_start;
	enum sect sect;
	mp_account *acct;
	size_t server; /* index into acct's list for S_INCOMING / S_OUTGOING */
	int errors;
	bool proto_seen; /* protocol given in the current server section */
	bool can_continue; /* the last line was a quoted string value */
	bool cont;         /* the current line continues it */
	bool quoted;       /* the current value was quoted */
};

static const char *const account_keys[] = {"email", "display_name", "provider_id", "provider_name",
                                           "provider_short_name", "domains", "pop_leave_on_server",
                                           "pop_leave_days", NULL};
static const char *const server_keys[] = {"protocol", "host", "port", "security", "auth",
                                          "username", "password", NULL};
static const char *const sections[] = {"account", "incoming", "outgoing", NULL};

static const char *suggest(const char *word, const char *const *list)
{
	const char *best = NULL;
	size_t best_d = 3; /* farther than 2 edits is not a typo */
	for (; *list; list++) {
		size_t dist = mp_levenshtein(word, *list);
		if (dist < best_d) {
			best_d = dist;
			best = *list;
		}
	}
	return best;
}

static mailprof_loc here(struct st *s, int col)
{
	mailprof_loc l = {s->path, s->line, col};
	return l;
}

MP_PRINTF(5, 6)
static void error_at(struct st *s, int col, const char *id, const char *fix, const char *msg, ...)
{
	mailprof_loc l = here(s, col);
	va_list ap;
	va_start(ap, msg);
	mp_vdiag(s->d, MAILPROF_ERROR, id, NULL, &l, fix, msg, ap);
	va_end(ap);
	s->errors++;
}

static mp_server *cur_server(struct st *s)
{
	if (!s->acct)
		return NULL;
	if (s->sect == S_INCOMING)
		return &s->acct->incoming[s->server];
	if (s->sect == S_OUTGOING)
		return &s->acct->outgoing[s->server];
	return NULL;
}

static void end_section(struct st *s)
{
	mp_server *sv = cur_server(s);
	if (sv && !s->proto_seen && s->sect == S_INCOMING) {
		mailprof_loc l = sv->loc;
		mp_diag(s->d, MAILPROF_ERROR, "ini-missing-key", &l, "add `protocol = imap` or `protocol = pop3`",
		        "[incoming] section without a protocol: taken as imap");
	}
}

static void section_header(struct st *s, const char *name, size_t n, int col)
{
	char tmp[64];
	if (n >= sizeof tmp)
		n = sizeof tmp - 1;
	memcpy(tmp, name, n);
	tmp[n] = '\0';
	end_section(s);
	mailprof_loc l = here(s, col);
	s->proto_seen = false;
	if (strcmp(tmp, "account") == 0) {
		s->sect = S_ACCOUNT;
		s->acct = mp_account_add(s->p);
		s->acct->loc = l;
		return;
	}
	if (strcmp(tmp, "incoming") == 0 || strcmp(tmp, "outgoing") == 0) {
		bool in = tmp[0] == 'i';
		if (!s->acct) {
			/* A file of servers only still describes one account. */
			s->acct = mp_account_add(s->p);
			s->acct->loc = l;
		}
		/* Incoming defaults to IMAP until `protocol` says otherwise. */
		mp_server *sv = mp_server_add(s->acct, in ? MP_PROTO_IMAP : MP_PROTO_SMTP);
		sv->loc = l;
		s->server = (in ? s->acct->nincoming : s->acct->noutgoing) - 1;
		s->sect = in ? S_INCOMING : S_OUTGOING;
		if (!in)
			s->proto_seen = true;
		return;
	}
	const char *sug = suggest(tmp, sections);
	char fix[96];
	if (sug)
		snprintf(fix, sizeof fix, "did you mean [%s]?", sug);
	else
		snprintf(fix, sizeof fix, "sections are [account], [incoming] and [outgoing]");
	mp_diag(s->d, MAILPROF_WARNING, "ini-unknown-section", &l, fix,
	        "unknown section [%s]; its keys are ignored", tmp);
	s->sect = S_UNKNOWN;
}

/* Called by inih for each line; we hand out at most num-1 bytes of it. */
static char *reader(char *str, int num, void *stream)
{
	struct st *s = stream;
	if (s->cur >= s->end)
		return NULL;
	const char *nl = memchr(s->cur, '\n', (size_t)(s->end - s->cur));
	const char *eol = nl ? nl + 1 : s->end;
	size_t len = (size_t)(eol - s->cur);
	s->line++;
	s->line_start = s->cur;
	size_t room = (size_t)num - 1;
	if (len > room) {
		error_at(s, (int)room, "ini-line-too-long", "shorten the line", "line longer than %s bytes",
		         "196");
		/* Keep the line's start so the key is still seen, drop the rest. */
		memcpy(str, s->cur, room - 1);
		str[room - 1] = '\n';
		str[room] = '\0';
	} else {
		memcpy(str, s->cur, len);
		str[len] = '\0';
	}
	s->cur = eol;
	/* Look at the line as inih will: headers, and lines it cannot parse. */
	const char *p = str;
	if (s->line == 1 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		p += 3;
	const char *t = p;
	while (*t == ' ' || *t == '\t')
		t++;
	if (*t == '[') {
		const char *close = strchr(t, ']');
		if (close) {
			const char *a = t + 1, *b = close;
			while (a < b && (*a == ' ' || *a == '\t'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			section_header(s, a, (size_t)(b - a), (int)(t - str) + 1);
		} else {
			error_at(s, (int)(t - str) + 1, "ini-syntax", "close the section name with ]",
			         "%s", "section header without ]");
			str[0] = '\0'; /* already reported; keep inih quiet */
		}
	}
	bool cont = s->can_continue && t > p && *t == '"';
	s->can_continue = false;
	s->cont = false; /* set for this line only */
	if (*t == '[')
		;
	else if (cont)
		s->cont = true;
	else if (t > p && *t && *t != '\n' && *t != '\r' && *t != ';' && *t != '#') {
		error_at(s, 1, "ini-syntax", "remove the leading white space",
		         "%s", "indented line: continuation lines are not part of the format");
		str[0] = '\0';
	} else if (*t && *t != '\n' && *t != '\r' && *t != ';' && *t != '#' && !strpbrk(t, "=:")) {
		error_at(s, (int)(t - str) + 1, "ini-syntax", "write `key = value`", "%s",
		         "line is neither a section, a comment nor `key = value`");
		str[0] = '\0';
	}
	return str;
}

/* Column (1-based) where the value of `name` starts on the current line. */
static int value_col(struct st *s)
{
	const char *p = s->line_start, *e = s->cur;
	const char *eq = p;
	while (eq < e && *eq != '=' && *eq != ':')
		eq++;
	if (eq < e)
		eq++;
	while (eq < e && (*eq == ' ' || *eq == '\t'))
		eq++;
	return (int)(eq - p) + 1;
}

static bool parse_bool(const char *v, int *out)
{
	static const char *const t[] = {"true", "yes", "on", "1"}, *const f[] = {"false", "no", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (mp_strcasecmp(v, t[i]) == 0)
			return *out = 1, true;
		if (mp_strcasecmp(v, f[i]) == 0)
			return *out = 0, true;
	}
	return false;
}

static bool parse_int(const char *v, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (end == v || *end || errno)
		return false;
	/* Keep out-of-range numbers visible to the checker, within int. */
	if (n > 9999999)
		n = 9999999;
	if (n < -9999999)
		n = -9999999;
	*out = (int)n;
	return true;
}

static void unknown_key(struct st *s, const char *section, const char *name,
                        const char *const *keys)
{
	const char *sug = suggest(name, keys);
	char fix[96];
	if (sug)
		snprintf(fix, sizeof fix, "did you mean `%s`?", sug);
	else
		snprintf(fix, sizeof fix, "see docs/ini-format.md for the keys of [%s]", section);
	mailprof_loc l = here(s, 1);
	mp_diag(s->d, MAILPROF_WARNING, "ini-unknown-key", &l, fix, "unknown key `%s` in [%s]", name,
	        section);
}

static void bad_value(struct st *s, const char *name, const char *value, const char *fix)
{
	mailprof_loc l = here(s, value_col(s));
	/* Never echo a password back. */
	mp_diag(s->d, MAILPROF_ERROR, "ini-bad-value", &l, fix, "invalid value `%s` for `%s`: ignored",
	        strcmp(name, "password") == 0 ? "***" : value, name);
	/* Not a syntax error: the rest of the file is still checked. */
}

static const char *const auth_words[] = {"none", "password-cleartext", "password-encrypted", "ntlm",
                                         "gssapi", "oauth2", "client-cert", "client-ip",
                                         "smtp-after-pop", NULL};

/* "did you mean" for an enumerated value, else the general hint. */
static void bad_word(struct st *s, const char *name, const char *value, const char *const *words,
                     const char *hint)
{
	const char *sug = suggest(value, words);
	char fix[160];
	if (sug)
		snprintf(fix, sizeof fix, "did you mean `%s`?", sug);
	else
		snprintf(fix, sizeof fix, "%s", hint);
	bad_value(s, name, value, fix);
}

/* The string value `name` sets in the current section, or NULL. */
static mp_str *str_field(struct st *s, const char *name)
{
	mp_account *a = s->acct;
	mp_server *sv = cur_server(s);
	if (s->sect == S_ACCOUNT) {
		if (strcmp(name, "email") == 0)
			return &a->email;
		if (strcmp(name, "display_name") == 0)
			return &a->display_name;
		if (strcmp(name, "provider_id") == 0)
			return &a->provider_id;
		if (strcmp(name, "provider_name") == 0)
			return &a->provider_name;
		if (strcmp(name, "provider_short_name") == 0)
			return &a->provider_short_name;
	} else if (sv) {
		if (strcmp(name, "host") == 0)
			return &sv->host;
		if (strcmp(name, "username") == 0)
			return &sv->username;
		if (strcmp(name, "password") == 0)
			return &sv->password;
	}
	return NULL;
}

static void account_key(struct st *s, const char *name, const char *value, const mailprof_loc *l)
{
	mp_account *a = s->acct;
	int n;
	mp_str *f = str_field(s, name);
	if (f)
		mp_str_set(f, value, l);
	else if (strcmp(name, "domains") == 0 && s->quoted)
		mp_domain_add(a, value, l); /* quoted: one domain, as written */
	else if (strcmp(name, "domains") == 0) {
		for (const char *p = value; *p;) {
			while (*p == ' ' || *p == ',')
				p++;
			const char *e = p;
			while (*e && *e != ',' && *e != ' ')
				e++;
			if (e > p) {
				char *dom = mp_xstrndup(p, (size_t)(e - p));
				mp_domain_add(a, dom, l);
				free(dom);
			}
			p = e;
		}
	} else if (strcmp(name, "pop_leave_on_server") == 0) {
		if (parse_bool(value, &n))
			mp_int_set(&a->pop_leave_on_server, n, l);
		else
			bad_value(s, name, value, "use true or false");
	} else if (strcmp(name, "pop_leave_days") == 0) {
		if (parse_int(value, &n) && n >= 0)
			mp_int_set(&a->pop_leave_days, n, l);
		else
			bad_value(s, name, value, "use a number of days");
	} else
		unknown_key(s, "account", name, account_keys);
}

static void server_key(struct st *s, const char *name, const char *value, const mailprof_loc *l)
{
	mp_server *sv = cur_server(s);
	int n;
	mp_str *f = str_field(s, name);
	if (f)
		mp_str_set(f, value, l);
	else if (strcmp(name, "protocol") == 0) {
		mp_protocol pr;
		bool in = s->sect == S_INCOMING;
		if (!mp_protocol_parse(value, &pr) || (in && pr == MP_PROTO_SMTP) || (!in && pr != MP_PROTO_SMTP))
			bad_value(s, name, value, in ? "use imap or pop3" : "use smtp");
		else {
			sv->protocol = pr;
			s->proto_seen = true;
		}
	} else if (strcmp(name, "port") == 0) {
		if (parse_int(value, &n))
			mp_int_set(&sv->port, n, l);
		else
			bad_value(s, name, value, "use a number from 1 to 65535");
	} else if (strcmp(name, "security") == 0) {
		mp_security sec;
		if (mp_security_parse(value, &sec) || (mp_strcasecmp(value, "ssl") == 0 && (sec = MP_SEC_TLS, true)))
			mp_int_set(&sv->security, (int)sec, l);
		else {
			static const char *const words[] = {"none", "starttls", "tls", NULL};
			bad_word(s, name, value, words, "use none, starttls or tls");
		}
	} else if (strcmp(name, "auth") == 0) {
		sv->nauth = 0;
		sv->auth_loc = *l;
		for (const char *p = value; *p;) {
			while (*p == ' ' || *p == ',')
				p++;
			const char *e = p;
			while (*e && *e != ',' && *e != ' ')
				e++;
			if (e > p) {
				char *w = mp_xstrndup(p, (size_t)(e - p));
				mp_auth a;
				if (mp_auth_parse(w, &a))
					mp_server_add_auth(sv, a);
				else
					bad_word(s, name, w, auth_words,
					         "use none, password-cleartext, password-encrypted, ntlm, gssapi, "
					         "oauth2, client-cert, client-ip or smtp-after-pop");
				free(w);
			}
			p = e;
		}
	} else
		unknown_key(s, s->sect == S_INCOMING ? "incoming" : "outgoing", name, server_keys);
}

/* Decode a quoted value ("..." with \\ \" \; \# \n \r \t); NULL (and an
 * error at the line) when it is not one. */
static char *unquote(struct st *s, const char *v, int col)
{
	mp_buf b = {0};
	const char *p = v + 1;
	for (; *p && *p != '"'; p++) {
		if (*p != '\\') {
			mp_buf_putc(&b, *p);
			continue;
		}
		char c = *++p;
		const char *from = "\\\";#nrt", *to = "\\\";#\n\r\t";
		const char *k = c ? strchr(from, c) : NULL;
		if (!k) {
			error_at(s, col + (int)(p - v), "ini-syntax", "write \\\\ for a backslash",
			         "unknown escape in a quoted value (known: \\\\ \\\" \\; \\# \\n \\r \\t)");
			mp_buf_free(&b);
			return NULL;
		}
		mp_buf_putc(&b, to[k - from]);
	}
	if (*p != '"' || p[1]) {
		error_at(s, col, "ini-syntax", "end the value with \" (and write \\\" for a quote inside it)",
		         "%s", *p ? "text after a quoted value's closing quote" : "quoted value without its closing quote");
		mp_buf_free(&b);
		return NULL;
	}
	return mp_buf_take(&b, NULL);
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	(void)section; /* the reader tracked it, with its line */
	struct st *s = user;
	bool cont = s->cont;
	s->cont = false;
	int col = cont ? (int)(strchr(s->line_start, '"') - s->line_start) + 1 : value_col(s);
	mailprof_loc l = here(s, col);
	char *dec = NULL;
	s->quoted = value[0] == '"';
	if (s->quoted && !(value = dec = unquote(s, value, col)))
		return 1;
	const char *why;
	size_t len = strlen(value), bad = mp_text_check(value, len, &why);
	if (bad < len) {
		/* Never echo the value: it may be a password, or terminal controls. */
		error_at(s, col, "ini-bad-text", "values are UTF-8 text without control characters",
		         "value of `%s` holds %s", name, why);
		free(dec);
		return 1;
	}
	if (cont) {
		/* A continuation line: append to the value it continues. */
		mp_str *f = strcmp(name, "domains") == 0 && s->acct && s->acct->ndomains
		                ? &s->acct->domains[s->acct->ndomains - 1]
		                : str_field(s, name);
		if (f && f->v) {
			char *joined = mp_xasprintf("%s%s", f->v, value);
			mailprof_loc keep = f->loc;
			mp_str_set(f, joined, &keep);
			free(joined);
		}
		s->can_continue = true;
		free(dec);
		return 1;
	}
	s->can_continue = s->quoted && (str_field(s, name) || strcmp(name, "domains") == 0);
	switch (s->sect) {
	case S_ACCOUNT: account_key(s, name, value, &l); break;
	case S_INCOMING:
	case S_OUTGOING: server_key(s, name, value, &l); break;
	case S_UNKNOWN: break;
	case S_NONE: {
		mailprof_loc k = here(s, 1);
		mp_diag(s->d, MAILPROF_ERROR, "ini-syntax", &k, "start the file with an [account] section",
		        "`%s` outside any section", name);
		s->errors++;
		break;
	}
	}
	free(dec);
	return 1;
}

static mailprof_status parse_ini(mailprof_profile *p, const char *buf, size_t len, const char *path,
                                 const mailprof_options *opt, mailprof_diags *d)
{
	(void)opt;
	if (memchr(buf, '\0', len)) {
		mailprof_loc l = {path, 1, 1};
		mp_diag(d, MAILPROF_ERROR, "ini-syntax", &l, NULL, "binary data (NUL byte) in an INI file");
		return MAILPROF_ERR_SYNTAX;
	}
	struct st s = {.p = p, .path = path, .d = d, .buf = buf, .end = buf + len, .cur = buf};
	size_t before = p->naccounts;
	ini_parse_stream(reader, &s, handler, &s);
	end_section(&s);
	if (s.errors)
		return MAILPROF_ERR_SYNTAX;
	if (p->naccounts == before) {
		mailprof_loc l = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "ini-empty", &l, "add an [account] section",
		        "no account defined");
		return MAILPROF_ERR_INVALID;
	}
	return MAILPROF_OK;
}

static int sniff_ini(const char *buf, size_t len)
{
	size_t rest;
	const char *p = mp_skip_bom_ws(buf, len, &rest), *e = p + rest;
	while (p < e && (*p == ';' || *p == '#')) { /* skip leading comments */
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		if (!nl)
			return 0;
		p = nl + 1;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
	}
	static const char *const heads[] = {"[account]", "[incoming]", "[outgoing]"};
	for (size_t i = 0; i < MP_COUNT(heads); i++)
		if ((size_t)(e - p) >= strlen(heads[i]) && memcmp(p, heads[i], strlen(heads[i])) == 0)
			return 90;
	/* A misspelt first section ([acount]) is still ours when one of our
	 * sections starts a line further down (in the head only: sniffing runs
	 * on every file of a batch). An INI of another program (my.cnf,
	 * desktop.ini) has none of them. */
	const char *nl = p < e && *p == '[' ? memchr(p, '\n', (size_t)(e - p)) : NULL;
	if (!nl || !memchr(p, ']', (size_t)(nl - p)))
		return 0;
	if (e - p > 8192)
		e = p + 8192;
	for (const char *q = nl + 1; q < e; q++) {
		q = memchr(q, '[', (size_t)(e - q));
		if (!q)
			break;
		if (q[-1] != '\n')
			continue;
		for (size_t i = 0; i < MP_COUNT(heads); i++)
			if ((size_t)(e - q) >= strlen(heads[i]) && memcmp(q, heads[i], strlen(heads[i])) == 0)
				return 90;
	}
	return 0;
}

/* ---- emitter: the canonical form ---- */

/* Quoted lines are wrapped before this many bytes, well inside inih's line
 * buffer (INI_LINE_MAX with its newline and NUL). */
#define INI_WRAP 180

/* A bare value reads back as itself: inih strips white space at both ends,
 * ';' may start a comment, '#' starts one at the start of a line, and a
 * leading '"' means a quoted value. */
static bool bare_ok(const char *v, const char *also)
{
	size_t n = strlen(v);
	if (!n || n > INI_WRAP - 24 || *v == '"' || *v == ' ' || *v == '\t' || v[n - 1] == ' ' ||
	    v[n - 1] == '\t')
		return false;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F || *p == ';' || *p == '#' || strchr(also, *p))
			return false;
	return true;
}

/* key = value, bare or quoted (the value is text: mp_profile_text_ok). */
static void put_value(mp_buf *b, const char *k, const char *v, const char *also)
{
	size_t n = strlen(v);
	if (bare_ok(v, also)) {
		mp_buf_printf(b, "%s = %s\n", k, v);
		return;
	}
	mp_buf_printf(b, "%s = \"", k);
	size_t col = strlen(k) + 4;
	for (size_t i = 0; i < n;) {
		unsigned long c;
		size_t len = mp_utf8_next(v + i, n - i, &c);
		char esc[3] = {'\\', 0, 0};
		const char *from = "\\\";#\n\r\t", *to = "\\\";#nrt", *x = strchr(from, v[i]);
		const char *put = v + i;
		size_t plen = len;
		if (len == 1 && x) {
			esc[1] = to[x - from];
			put = esc, plen = 2;
		}
		if (col + plen + 1 > INI_WRAP) {
			mp_buf_puts(b, "\"\n  \"");
			col = 3;
		}
		mp_buf_add(b, put, plen);
		col += plen;
		i += len;
	}
	mp_buf_puts(b, "\"\n");
}

static void kv(mp_buf *b, const char *k, const mp_str *v)
{
	if (v->v)
		put_value(b, k, v->v, "");
}

static void kv_int(mp_buf *b, const char *k, const mp_int *v)
{
	if (v->set)
		mp_buf_printf(b, "%s = %d\n", k, v->v);
}

static void emit_domains(mp_buf *b, const mp_account *a)
{
	if (!a->ndomains)
		return;
	/* One line "a, b" when every domain reads back from it, else a line each. */
	size_t total = 0;
	bool joined = true;
	for (size_t j = 0; j < a->ndomains && joined; j++) {
		joined = bare_ok(a->domains[j].v, ", ");
		total += strlen(a->domains[j].v) + 2;
	}
	if (joined && total < INI_WRAP - 12) {
		mp_buf_puts(b, "domains = ");
		for (size_t j = 0; j < a->ndomains; j++)
			mp_buf_printf(b, "%s%s", j ? ", " : "", a->domains[j].v);
		mp_buf_putc(b, '\n');
		return;
	}
	for (size_t j = 0; j < a->ndomains; j++)
		put_value(b, "domains", a->domains[j].v, ", ");
}

static void emit_server(mp_buf *b, const mp_server *s, const mailprof_options *opt)
{
	mp_buf_puts(b, s->protocol == MP_PROTO_SMTP ? "\n[outgoing]\n" : "\n[incoming]\n");
	mp_buf_printf(b, "protocol = %s\n", mp_protocol_name(s->protocol));
	kv(b, "host", &s->host);
	kv_int(b, "port", &s->port);
	if (s->security.set)
		mp_buf_printf(b, "security = %s\n", mp_security_name((mp_security)s->security.v));
	if (s->nauth) {
		mp_buf_puts(b, "auth = ");
		for (size_t i = 0; i < s->nauth; i++)
			mp_buf_printf(b, "%s%s", i ? ", " : "", mp_auth_name(s->auth[i]));
		mp_buf_putc(b, '\n');
	}
	kv(b, "username", &s->username);
	if (opt->include_secrets)
		kv(b, "password", &s->password);
}

static mailprof_status emit_ini(const mailprof_profile *p, const mailprof_options *opt, mp_buf *b,
                                mailprof_diags *d)
{
	(void)d; /* text the reader would refuse never gets here (mailprof_emit) */
	mp_buf_puts(b, "; mailprof account definitions (docs/ini-format.md)\n");
	for (size_t i = 0; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		mp_buf_puts(b, "\n[account]\n");
		kv(b, "email", &a->email);
		kv(b, "display_name", &a->display_name);
		kv(b, "provider_id", &a->provider_id);
		kv(b, "provider_name", &a->provider_name);
		kv(b, "provider_short_name", &a->provider_short_name);
		emit_domains(b, a);
		if (a->pop_leave_on_server.set)
			mp_buf_printf(b, "pop_leave_on_server = %s\n", a->pop_leave_on_server.v ? "true" : "false");
		kv_int(b, "pop_leave_days", &a->pop_leave_days);
		for (size_t j = 0; j < a->nincoming; j++)
			emit_server(b, &a->incoming[j], opt);
		for (size_t j = 0; j < a->noutgoing; j++)
			emit_server(b, &a->outgoing[j], opt);
	}
	return MAILPROF_OK;
}

const struct mp_format mp_format_ini = {
	.name = "ini",
	.extensions = ".ini .conf",
	.summary = "mailprof INI account definitions (docs/ini-format.md)",
	.sniff = sniff_ini,
	.parse = parse_ini,
	.emit = emit_ini,
	.substitutes = true,
};
