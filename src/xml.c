/* Safe libxml2 reading and schema validation shared by the XML formats. */
#include <pthread.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "domain.h"
#include "xml.h"

struct mp_schema_blob {
	const char *name;
	const unsigned char *data;
	size_t len;
};
/* Generated at build time from schemas/ (see Makefile). */
extern const struct mp_schema_blob mp_schema_blobs[];
extern const size_t mp_schema_nblobs;

const char *mp_schema_text(const char *name, size_t *len)
{
	for (size_t i = 0; i < mp_schema_nblobs; i++)
		if (strcmp(mp_schema_blobs[i].name, name) == 0) {
			*len = mp_schema_blobs[i].len;
			return (const char *)mp_schema_blobs[i].data;
		}
	return NULL;
}

/* Refuse every external entity and DTD, whatever a document asks for. */
static xmlParserInputPtr no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url, (void)id, (void)ctxt;
	return NULL;
}

/* Per-thread parser and validation contexts, reused from document to
 * document: making them anew (a dictionary, a SAX handler, validation
 * state) cost about a tenth of a batch check. Freed when the thread ends. */
struct xml_tls {
	xmlParserCtxtPtr parser;
	unsigned reads;          /* documents read with parser */
	struct {
		xmlSchemaPtr schema;
		xmlSchemaValidCtxtPtr vc;
	} valid[4];
};

static pthread_key_t tls_key;
static bool tls_ready; /* set once, by init_libxml */

static void tls_free(void *p)
{
	struct xml_tls *t = p;
	if (!t)
		return;
	if (t->parser)
		xmlFreeParserCtxt(t->parser);
	for (size_t i = 0; i < MP_COUNT(t->valid); i++)
		if (t->valid[i].vc)
			xmlSchemaFreeValidCtxt(t->valid[i].vc);
	free(t);
}

static struct xml_tls *tls_get(void)
{
	if (!tls_ready)
		return NULL;
	struct xml_tls *t = pthread_getspecific(tls_key);
	if (!t) {
		t = mp_xcalloc(1, sizeof *t);
		if (pthread_setspecific(tls_key, t) != 0) {
			free(t);
			return NULL; /* callers fall back to contexts of their own */
		}
	}
	return t;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(no_external);
	tls_ready = pthread_key_create(&tls_key, tls_free) == 0;
}

void mp_xml_init(void)
{
	pthread_once(&init_once, init_libxml);
}

/* The process's last thread (main, in a serial run) never runs the key's
 * destructor: free its contexts at exit so leak checkers see none. */
__attribute__((destructor)) static void tls_free_main(void)
{
	if (!tls_ready)
		return;
	tls_free(pthread_getspecific(tls_key));
	pthread_setspecific(tls_key, NULL);
}

struct err_sink {
	const char *path;
	mailprof_diags *d;
	const char *id;
	mailprof_severity sev;
	int count;
};

static void on_error(void *ctx, xmlErrorPtr e)
{
	struct err_sink *s = ctx;
	if (!e || e->level == XML_ERR_NONE)
		return;
	/* Warnings from the parser are not worth a finding of their own. */
	if (e->level == XML_ERR_WARNING && s->sev == MAILPROF_ERROR)
		return;
	char *msg = mp_xstrdup(e->message ? e->message : "error");
	/* Encoding errors dump the raw bytes ("Bytes: 0xFF 0x5A ..."), which may
	 * be part of a password: keep the sentence, drop the dump. */
	char *dump = strstr(msg, "Bytes:");
	if (dump)
		*dump = '\0';
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	mailprof_loc loc = {s->path, e->line, e->int2};
	if (e->domain == XML_FROM_SCHEMASV)
		loc.column = 0; /* int2 is not a column for validation errors */
	mp_diag(s->d, s->sev, s->id, &loc, NULL, "%s", msg);
	free(msg);
	s->count++;
}

/* UTF-8 input that names no other encoding: starts with '<' (after a
 * UTF-8 BOM), and its XML declaration, if any, says nothing of encoding or
 * says UTF-8. libxml2 installs no converter for it. */
static bool plain_utf8(const char *buf, size_t len)
{
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		buf += 3, len -= 3;
	/* "<" then a zero byte: UTF-16 or UCS-4 without a BOM. */
	if (len < 2 || buf[0] != '<' || buf[1] == '\0')
		return false;
	if (len < 5 || memcmp(buf, "<?xml", 5) != 0)
		return true;
	const char *end = memchr(buf, '>', len < 256 ? len : 256);
	if (!end)
		return false;
	const char *enc = NULL;
	for (const char *q = buf; q + 8 <= end && !enc; q++)
		if (memcmp(q, "encoding", 8) == 0)
			enc = q + 8;
	if (!enc)
		return true;
	while (enc < end && (*enc == ' ' || *enc == '=' || *enc == '\t' || *enc == '\r' || *enc == '\n'))
		enc++;
	if (enc >= end || (*enc != '"' && *enc != '\''))
		return false;
	enc++;
	size_t n = (size_t)(end - enc);
	return (n > 6 && mp_strncasecmp(enc, "UTF-8", 5) == 0 && enc[5] == enc[-1]) ||
	       (n > 5 && mp_strncasecmp(enc, "UTF8", 4) == 0 && enc[4] == enc[-1]);
}

/* xmlCtxtReadMemory, minus a cost of libxml2 before 2.11: it gives a
 * memory input an empty read callback, so all through the parse the
 * lookahead keeps growing the buffer and asking for more (6% of a batch
 * check). Without the callback libxml2 takes the input for the whole
 * document, which it is (the copy it parses is its own, NUL-terminated);
 * but it converts other encodings as it grows, so only plain UTF-8 input
 * goes this way. */
static xmlDocPtr read_memory(xmlParserCtxtPtr ctxt, const char *buf, int len, const char *path,
                             int opts)
{
#if LIBXML_VERSION < 21100
	if (plain_utf8(buf, (size_t)len)) {
		xmlCtxtReset(ctxt);
		xmlParserInputBufferPtr in = xmlParserInputBufferCreateMem(buf, len, XML_CHAR_ENCODING_NONE);
		if (!in)
			return NULL;
		in->readcallback = NULL;
		xmlParserInputPtr stream = xmlNewIOInputStream(ctxt, in, XML_CHAR_ENCODING_NONE);
		if (!stream) {
			xmlFreeParserInputBuffer(in);
			return NULL;
		}
		inputPush(ctxt, stream);
		xmlCtxtUseOptions(ctxt, opts);
		if (path)
			stream->filename = (char *)xmlStrdup((const xmlChar *)path);
		xmlParseDocument(ctxt);
		xmlDocPtr doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
		return doc;
	}
#endif
	return xmlCtxtReadMemory(ctxt, buf, len, path, NULL, opts);
}

xmlDocPtr mp_xml_read(const char *buf, size_t len, const char *path, mailprof_diags *d)
{
	mp_xml_init();
	if (len > (size_t)0x7fffffff) {
		mailprof_loc loc = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "xml-syntax", &loc, NULL, "file too large for an XML profile");
		return NULL;
	}
	/* Refuse entity declarations before libxml2 sees them: a profile never
	 * needs one, and they are how expansion bombs and XXE work. */
	for (const char *q = buf, *e = buf + len; (q = memchr(q, '<', (size_t)(e - q))); q++) {
		if ((size_t)(e - q) >= 8 && memcmp(q, "<!ENTITY", 8) == 0) {
			mailprof_loc loc = {path, 1, 1};
			for (const char *r = buf; r < q; r++)
				if (*r == '\n')
					loc.line++, loc.column = 1;
				else
					loc.column++;
			mp_diag(d, MAILPROF_ERROR, "xml-entity", &loc, "remove the DOCTYPE's entity declarations",
			        "entity declarations are refused: a profile never needs them, and they are "
			        "how entity-expansion and external-entity attacks work");
			return NULL;
		}
	}
	struct err_sink sink = {path, d, "xml-syntax", MAILPROF_ERROR, 0};
	struct xml_tls *t = tls_get();
	/* A reused context keeps its dictionary (names, blank and tiny text
	 * nodes): start afresh now and then so a long batch of varied files
	 * does not grow it without bound. */
	if (t && t->parser && ++t->reads >= 256) {
		xmlFreeParserCtxt(t->parser);
		t->parser = NULL;
	}
	xmlParserCtxtPtr ctxt = t ? t->parser : NULL;
	if (!ctxt) {
		ctxt = xmlNewParserCtxt();
		if (!ctxt)
			abort();
		if (t) {
			t->parser = ctxt;
			t->reads = 0;
		}
	}
	/* No NOENT (entities stay unexpanded), no DTDLOAD, no network, no HUGE
	 * (keeps libxml2's own depth and amplification limits). */
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
	           XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS;
	xmlSetStructuredErrorFunc(&sink, on_error);
	xmlDocPtr doc = read_memory(ctxt, buf, (int)len, path, opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!t)
		xmlFreeParserCtxt(ctxt);
	if (doc && doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities)) {
		xmlNodePtr dtd = (xmlNodePtr)doc->intSubset;
		mailprof_loc loc = {path, (int)xmlGetLineNo(dtd), 0};
		if (loc.line < 0)
			loc.line = 0;
		mp_diag(d, MAILPROF_ERROR, "xml-entity", &loc, "remove the DOCTYPE's entity declarations",
		        "entity declarations are refused: a profile never needs them, and they are how "
		        "entity-expansion and external-entity attacks work");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (!doc && sink.count == 0) {
		mailprof_loc loc = {path, 0, 0};
		mp_diag(d, MAILPROF_ERROR, "xml-syntax", &loc, NULL, "not a well-formed XML document");
	}
	return doc;
}

struct schema_slot {
	const char *name;
	xmlSchemaPtr schema;
	bool tried;
};
static struct schema_slot schema_cache[16];
static pthread_mutex_t schema_lock = PTHREAD_MUTEX_INITIALIZER;

/* Compile each schema once per process; validation contexts are per call. */
static xmlSchemaPtr get_schema(const char *name)
{
	xmlSchemaPtr s = NULL;
	pthread_mutex_lock(&schema_lock);
	size_t i;
	for (i = 0; i < MP_COUNT(schema_cache) && schema_cache[i].name; i++)
		if (strcmp(schema_cache[i].name, name) == 0)
			break;
	if (i < MP_COUNT(schema_cache)) {
		struct schema_slot *slot = &schema_cache[i];
		if (!slot->tried) {
			slot->name = name;
			slot->tried = true;
			size_t len;
			const char *text = mp_schema_text(name, &len);
			if (text) {
				xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(text, (int)len);
				if (pc) {
					slot->schema = xmlSchemaParse(pc);
					xmlSchemaFreeParserCtxt(pc);
				}
			}
		}
		s = slot->schema;
	}
	pthread_mutex_unlock(&schema_lock);
	return s;
}

int mp_xml_validate(xmlDocPtr doc, const char *schema, const struct mp_child_shape *shape,
                    const char *path, mailprof_severity sev, mailprof_diags *d)
{
	mp_xml_init();
	xmlSchemaPtr s = get_schema(schema);
	if (!s)
		return -1;
	bool plain = shape && mp_xml_shape_valid(doc, shape);
	if (plain && !mp_xml_shape_auditing())
		return 0;
	struct xml_tls *t = tls_get();
	xmlSchemaValidCtxtPtr vc = NULL;
	bool owned = false;
	for (size_t i = 0; t && i < MP_COUNT(t->valid); i++) {
		if (t->valid[i].schema == s) {
			vc = t->valid[i].vc;
			break;
		}
		if (!t->valid[i].schema) {
			if (!(vc = xmlSchemaNewValidCtxt(s)))
				abort();
			t->valid[i].schema = s;
			t->valid[i].vc = vc;
			break;
		}
	}
	if (!vc) {
		if (!(vc = xmlSchemaNewValidCtxt(s)))
			abort();
		owned = true;
	}
	struct err_sink sink = {path, d, "schema", sev, 0};
	xmlSchemaSetValidStructuredErrors(vc, on_error, &sink);
	xmlSchemaValidateDoc(vc, doc);
	xmlSchemaSetValidStructuredErrors(vc, NULL, NULL);
	if (owned)
		xmlSchemaFreeValidCtxt(vc);
	if (plain)
		mp_xml_shape_audit_note(sink.count != 0);
	return sink.count;
}

char *mp_xml_text(xmlNodePtr n)
{
	/* The usual element holds one text node: read it in place rather than
	 * have libxml2 copy it first. */
	xmlNodePtr only = n && n->type == XML_ELEMENT_NODE ? n->children : NULL;
	bool direct = only && !only->next && only->type == XML_TEXT_NODE && only->content;
	xmlChar *c = direct ? only->content : xmlNodeGetContent(n);
	if (!c)
		return mp_xstrdup("");
	const char *s = (const char *)c, *e = s + strlen(s);
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	char *r = mp_xstrndup(s, (size_t)(e - s));
	if (!direct)
		xmlFree(c);
	return r;
}

mailprof_loc mp_xml_loc(const char *path, xmlNodePtr n)
{
	long line = n ? xmlGetLineNo(n) : 0;
	mailprof_loc l = {path, line > 0 && line < 0x7fffffff ? (int)line : 0, 0};
	return l;
}

bool mp_xml_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* A %NAME% token that is not Thunderbird's: lower case, digits, '_', '/',
 * '.' or '-' in the name (%SERVER/IMAP/PORT%, %first_uuid%, %domain%).
 * Upper-case words alone are left to MP033 (%EMAILADRESS% is a typo of a
 * placeholder, not a template). Returns the token's length, or 0. */
static size_t foreign_percent_token(const char *p, const char *e)
{
	if (p + 2 >= e || !((p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= 'a' && p[1] <= 'z') || p[1] == '_'))
		return 0;
	bool foreign = false;
	for (const char *q = p + 1; q < e && q < p + 65; q++) {
		char c = *q;
		if (c == '%') {
			/* %C3% of a percent-encoded URL ("%C3%A6") is no token. */
			bool hex2 = q - p == 3 && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2]);
			return foreign && !hex2 ? (size_t)(q - p + 1) : 0;
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/' || c == '.' || c == '-')
			foreign = true;
		else if (!(c >= 'A' && c <= 'Z'))
			return 0;
	}
	return 0;
}

/* Server-side templates leave their syntax in the file: {{ }} and {% %}
 * (Jinja, Django, Nunjucks, Go text/template), [% %] (Template Toolkit, as
 * cPanel), ${...} (shell, JavaScript and Java templates), <?php, or %NAME%
 * tokens of their own. Such a file is not a profile until rendered. */
/* Line of p in buf, counted only when a marker is reported. */
static int line_at(const char *buf, const char *p)
{
	int line = 1;
	for (const char *q = buf; (q = memchr(q, '\n', (size_t)(p - q))); q++)
		line++;
	return line;
}

/* The first byte in [p, e) that can be part of a marker or start a
 * comment ('!' of "<!--", '?' of "<?php"), or e. Rare in a profile, so
 * this runs 16 bytes a step where SSE2 is there (this scan runs over every
 * XML input). */
static const char *next_hot(const char *p, const char *e)
{
	static const bool hot[256] = {['!'] = 1, ['?'] = 1, ['{'] = 1, ['['] = 1, ['$'] = 1, ['%'] = 1};
#if defined(__SSE2__)
	const __m128i c1 = _mm_set1_epi8('!'), c2 = _mm_set1_epi8('?'), c3 = _mm_set1_epi8('{'),
	              c4 = _mm_set1_epi8('['), c5 = _mm_set1_epi8('$'), c6 = _mm_set1_epi8('%');
	for (; e - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c1), _mm_cmpeq_epi8(v, c2)),
		                         _mm_or_si128(_mm_cmpeq_epi8(v, c3), _mm_cmpeq_epi8(v, c4)));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c5), _mm_cmpeq_epi8(v, c6)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz(bits);
	}
#endif
	while (p < e && !hot[(unsigned char)*p])
		p++;
	return p;
}

bool mp_xml_template_marker(const char *buf, size_t len, const char *path, mailprof_diags *d)
{
	const char *e = buf + len;
	for (const char *from = buf, *p; (p = next_hot(from, e)) < e;) {
		from = p + 1;
		if (*p == '!' || *p == '?') {
			if (p == buf || p[-1] != '<')
				continue;
			p--; /* "<!" or "<?" */
		}
		if (p + 1 >= e)
			break;
		/* Comments explain, they are not rendered: e.g. "%EMAILADDRESS%
		 * or %foo%" in a note to the reader. */
		if (*p == '<' && e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			const char *q = p + 4;
			while ((q = memchr(q, '-', (size_t)(e - q))) && !(e - q >= 3 && memcmp(q, "-->", 3) == 0))
				q++;
			if (!q)
				break; /* unterminated: the rest is comment */
			from = q + 3;
			continue;
		}
		mailprof_loc l = {path, 0, 0};
		if (*p == '<' && e - p >= 5 && memcmp(p, "<?php", 5) == 0) {
			l.line = line_at(buf, p);
			mp_diag(d, MAILPROF_ERROR, "template", &l, "run it through PHP, then convert the result",
			        "this is a PHP script that prints a profile, not a profile");
			return true;
		}
		if ((p[0] == '{' && (p[1] == '{' || p[1] == '%')) || (p[0] == '[' && p[1] == '%') ||
		    (p[0] == '$' && p[1] == '{')) {
			l.line = line_at(buf, p);
			mp_diag(d, MAILPROF_ERROR, "template", &l, "render the template first, then convert the result",
			        "this is a server-side template (it holds '%c%c' placeholders), not a profile",
			        p[0], p[1]);
			return true;
		}
		size_t n = *p == '%' ? foreign_percent_token(p, e) : 0;
		if (n) {
			l.line = line_at(buf, p);
			mp_diag(d, MAILPROF_ERROR, "template", &l, "render the template first, then convert the result",
			        "this is a server-side template (it holds the token '%.*s', which no mail client "
			        "substitutes; Thunderbird knows only %%EMAILADDRESS%%, %%EMAILLOCALPART%%, "
			        "%%EMAILDOMAIN%%, %%REALNAME%%), not a profile", (int)n, p);
			return true;
		}
	}
	return false;
}

bool mp_xml_template_hosts(const mailprof_profile *p, size_t from, mailprof_diags *d)
{
	bool found = false;
	for (size_t i = from; i < p->naccounts; i++) {
		const mp_account *a = &p->accounts[i];
		for (size_t k = 0; k < a->nincoming + a->noutgoing; k++) {
			const mp_server *s = k < a->nincoming ? &a->incoming[k] : &a->outgoing[k - a->nincoming];
			if (!s->host.v || !mp_template_token(s->host.v))
				continue;
			mp_diag(d, MAILPROF_ERROR, "template", s->host.loc.line ? &s->host.loc : &s->loc,
			        "run the installer (or replace the token), then convert the result",
			        "host '%s' is an installer's placeholder, replaced at setup: this is a template, "
			        "not a profile", s->host.v);
			found = true;
		}
	}
	return found;
}
