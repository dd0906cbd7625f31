/* The shapes (src/xml_shape.h) are sound: whenever one calls a document
 * valid and lets it skip the XSD, the XSD finds nothing wrong with it
 * either. Checked with the audit switch on (both run, disagreements are
 * counted) over every XML sample, the real files, the bench corpus, and
 * mutations of them aimed at what a shape decides: values of every type,
 * attributes, children, text, comments, removed and repeated elements. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "helpers.h"
#include "xml_shape.h"

static const char *const xml_formats[] = {"autoconfig", "autodiscover", "mobileconfig", "oeaccount"};

static bool xml_format(const char *f)
{
	for (size_t i = 0; f && i < sizeof xml_formats / sizeof *xml_formats; i++)
		if (strcmp(f, xml_formats[i]) == 0)
			return true;
	return false;
}

static void parse_as(const char *buf, size_t len, const char *name, const char *fmt)
{
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_parse(p, buf, len, name, fmt, NULL, d);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

/* Values that sit on the edges of the schemas' types. */
static const char *const values[] = {
	"", " ", "993", " 993 ", "+993", "-1", "-0", "0993", "0", "65535", "65536", "99999999999",
	"12.5", "-3.0", "1e5", "SSL", "SSL ", "ssl", "STARTTLS", "plain", "password-cleartext",
	"Password-cleartext", "true", "TRUE", "True ", "tru", "false", "on", "On", " off ", "Auto", "TLS",
	"none", "smtp", "imap", "email", "settings", "FFFFFFFF", "1FFFFFFFF", "0000001a", "DWORD", "SZ",
	"BINARY", "http://example.com/x", "https://a b", "http://[::1]:80/", "mailto:a@b", "%", ":",
	"a:b", "\xc3\xa9", "2020-01-01T00:00:00Z", "%EMAILADDRESS%", "\t\n"};

enum { OP_VALUES = sizeof values / sizeof *values, OP_ATTR, OP_NSATTR, OP_TYPE_ATTR, OP_NOATTR,
       OP_CHILD, OP_KNOWN_CHILD, OP_COMMENT, OP_TEXT, OP_BLANK, OP_REMOVE, OP_REPEAT, OP_RENAME,
       OP_CDATA, OP_DOCTYPE, OP_COUNT };

static const char *const renames[] = {"dict", "string", "key", "descr", "port", "Protocol", "hostname"};

static void mutate(xmlNodePtr e, unsigned op, unsigned salt)
{
	if (op < OP_VALUES) {
		xmlNodeSetContent(e, NULL);
		xmlNodeAddContent(e, (const xmlChar *)values[op]);
		return;
	}
	switch (op) {
	case OP_ATTR: xmlSetProp(e, (const xmlChar *)"extra", (const xmlChar *)"1"); break;
	case OP_NSATTR: {
		xmlNsPtr ns = xmlSearchNsByHref(e->doc, e, (const xmlChar *)"http://www.w3.org/XML/1998/namespace");
		if (ns)
			xmlSetNsProp(e, ns, (const xmlChar *)"lang", (const xmlChar *)"en");
		break;
	}
	case OP_TYPE_ATTR:
		xmlSetProp(e, (const xmlChar *)"type", (const xmlChar *)values[salt % OP_VALUES]);
		break;
	case OP_NOATTR:
		while (e->properties) {
			xmlAttrPtr a = e->properties;
			xmlUnlinkNode((xmlNodePtr)a);
			xmlFreeProp(a);
		}
		break;
	case OP_CHILD: xmlNewChild(e, NULL, (const xmlChar *)"unknownChild", NULL); break;
	case OP_KNOWN_CHILD:
		xmlNewTextChild(e, NULL, (const xmlChar *)renames[salt % (sizeof renames / sizeof *renames)],
		                (const xmlChar *)"x");
		break;
	case OP_COMMENT: xmlAddChild(e, xmlNewComment((const xmlChar *)"c")); break;
	case OP_TEXT: xmlAddChild(e, xmlNewText((const xmlChar *)"loose text")); break;
	case OP_BLANK: xmlAddPrevSibling(e, xmlNewText((const xmlChar *)"\n  ")); break;
	case OP_REMOVE:
		xmlUnlinkNode(e);
		xmlFreeNode(e);
		break;
	case OP_REPEAT: xmlAddNextSibling(e, xmlCopyNode(e, 1)); break;
	case OP_RENAME:
		xmlNodeSetName(e, (const xmlChar *)renames[salt % (sizeof renames / sizeof *renames)]);
		break;
	case OP_CDATA: xmlAddChild(e, xmlNewCDataBlock(e->doc, (const xmlChar *)" 1 ", 3)); break;
	case OP_DOCTYPE: {
		/* An internal subset that declares something: not a bare DOCTYPE. */
		xmlDtdPtr dtd = xmlGetIntSubset(e->doc);
		if (!dtd)
			dtd = xmlCreateIntSubset(e->doc, xmlDocGetRootElement(e->doc)->name, NULL, NULL);
		xmlAddChild((xmlNodePtr)dtd, xmlNewDocComment(e->doc, (const xmlChar *)"x"));
		break;
	}
	}
}

static size_t elements(xmlNodePtr n, xmlNodePtr *out, size_t cap, size_t k)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			if (k < cap)
				out[k] = n;
			k = elements(n->children, out, cap, k + 1);
		}
	return k;
}

static unsigned long rng = 0x2545F491;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* Each element of the document, ops_per_element random mutations each. */
static void mutants(const char *buf, size_t len, const char *name, const char *fmt, unsigned ops_per_element)
{
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                          XML_PARSE_NOWARNING);
	if (!doc)
		return; /* signed, binary or not XML: the plain run covered it */
	xmlNodePtr all[256];
	size_t n = elements(doc->children, all, 256, 0);
	if (n > 256)
		n = 256;
	for (size_t i = 0; i < n; i++)
		for (unsigned k = 0; k < ops_per_element; k++) {
			unsigned op = next_rand() % OP_COUNT, salt = next_rand();
			xmlDocPtr copy = xmlCopyDoc(doc, 1);
			xmlNodePtr mine[256];
			elements(copy->children, mine, 256, 0);
			mutate(mine[i], op, salt);
			xmlChar *out = NULL;
			int olen = 0;
			xmlDocDumpMemory(copy, &out, &olen);
			if (out)
				parse_as((const char *)out, (size_t)olen, name, fmt);
			xmlFree(out);
			xmlFreeDoc(copy);
		}
	xmlFreeDoc(doc);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file under dir whose format is an XML one: as it is, and mutated
 * (every stride-th file, so the test stays short). */
static size_t walk(const char *dir, unsigned stride, unsigned ops_per_element, size_t k)
{
	DIR *dh = opendir(dir);
	cr_assert(dh, "cannot open %s", dir);
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0;
	while ((de = readdir(dh)))
		if (de->d_name[0] != '.') {
			names = realloc(names, (nn + 1) * sizeof *names);
			names[nn++] = strdup(de->d_name);
		}
	closedir(dh);
	qsort(names, nn, sizeof *names, by_name);
	for (size_t i = 0; i < nn; i++) {
		char *path;
		cr_assert(asprintf(&path, "%s/%s", dir, names[i]) > 0);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			k = walk(path, stride, ops_per_element, k);
		else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < 1 << 20) {
			size_t len;
			char *buf = t_slurp(path, &len);
			const char *fmt = buf ? mailprof_format_detect(buf, len, path) : NULL;
			if (xml_format(fmt)) {
				parse_as(buf, len, path, fmt);
				if (ops_per_element && k++ % stride == 0)
					mutants(buf, len, path, fmt, ops_per_element);
			}
			free(buf);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return k;
}

static void audit(const char *dir, unsigned stride, unsigned ops, unsigned long least)
{
	mp_xml_shape_audit(true);
	unsigned long accepted0, refused0, accepted, refused;
	mp_xml_shape_audit_counts(&accepted0, &refused0); /* the counts run on across calls */
	walk(dir, stride, ops, 0);
	mp_xml_shape_audit_counts(&accepted, &refused);
	accepted -= accepted0;
	refused -= refused0;
	cr_log_info("%s: %lu documents a shape called valid", dir, accepted);
	cr_expect_eq(refused, 0, "%s: %lu of %lu documents a shape called valid fail the XSD", dir,
	             refused, accepted);
	cr_expect_geq(accepted, least, "%s: only %lu documents took the fast path", dir, accepted);
}

/* Every corpus with XML in it: directory, every how-manyth file, mutations
 * per element, and how many documents at least must take the fast path. The
 * other formats have few files, so many mutations each. */
static const struct {
	const char *dir;
	unsigned stride, ops;
	unsigned long least;
} corpora[] = {
	{"samples/autoconfig", 1, 4, 100},    {"samples/autodiscover", 1, 12, 200},
	{"samples/mobileconfig", 1, 12, 200}, {"samples/oeaccount", 1, 12, 200},
	{"tests/data/xmlcorpus", 1, 12, 200}, {"tests/data", 1, 3, 100},
	{"bench/corpus/ispdb", 4, 3, 150},
};

Test(shape, every_corpus_and_its_mutations)
{
	for (size_t i = 0; i < sizeof corpora / sizeof *corpora; i++)
		audit(corpora[i].dir, corpora[i].stride, corpora[i].ops, corpora[i].least);
}

/* XML in other encodings reads whole: libxml2 converts such input as it
 * goes, so the reader's shortcut for memory input must not apply to it
 * (src/xml.c, read_memory). The value to read sits far past the first
 * line, in ISO-8859-1 and in UTF-16 with and without a BOM. */
static void read_encoded(const char *text, size_t len)
{
	mailprof_profile *p = mailprof_profile_new();
	mailprof_diags *d = mailprof_diags_new();
	mailprof_status st = mailprof_parse(p, text, len, "enc.xml", "autoconfig", NULL, d);
	cr_assert_eq(st, MAILPROF_OK, "%s", mailprof_diags_count(d) ? mailprof_diags_get(d, 0)->message : "");
	char *json = t_emit(p, "json");
	cr_expect(strstr(json, "imap.example.com"), "%s", json);
	cr_expect(strstr(json, "Caf\xc3\xa9"), "%s", json);
	free(json);
	mailprof_diags_free(d);
	mailprof_profile_free(p);
}

static const char *const encoded_body =
	"<clientConfig version=\"1.1\">\n"
	"  <!-- padding, so the values sit far past the first line: %s -->\n"
	"  <emailProvider id=\"example.com\">\n"
	"    <domain>example.com</domain>\n"
	"    <displayName>Caf%s</displayName>\n"
	"    <incomingServer type=\"imap\">\n"
	"      <hostname>imap.example.com</hostname>\n"
	"      <port>993</port>\n"
	"      <socketType>SSL</socketType>\n"
	"      <authentication>password-cleartext</authentication>\n"
	"      <username>%%EMAILADDRESS%%</username>\n"
	"    </incomingServer>\n"
	"  </emailProvider>\n"
	"</clientConfig>\n";

Test(shape, declared_encodings_read_whole)
{
	char pad[2048];
	memset(pad, 'x', sizeof pad - 1);
	pad[sizeof pad - 1] = '\0';
	char *body, *doc;
	cr_assert(asprintf(&body, encoded_body, pad, "\xe9") > 0);
	cr_assert(asprintf(&doc, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n%s", body) > 0);
	read_encoded(doc, strlen(doc));
	free(doc);
	free(body);
	/* UTF-16LE with a BOM: each ASCII byte then a zero; é is E9 00. */
	cr_assert(asprintf(&body, encoded_body, pad, "\xc3\xa9") > 0);
	size_t n = strlen(body), k = 2;
	unsigned char *u16 = malloc(2 * n + 2);
	u16[0] = 0xFF, u16[1] = 0xFE;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)body[i];
		if (c == 0xc3) {
			u16[k++] = 0xE9, u16[k++] = 0;
			i++;
		} else
			u16[k++] = c, u16[k++] = 0;
	}
	read_encoded((const char *)u16, k);
	/* The same without its BOM: libxml2 knows it by "<\0?\0". */
	char *xml_decl = "<?xml version=\"1.0\"?>\n";
	size_t dn = strlen(xml_decl);
	unsigned char *nobom = malloc(2 * dn + k);
	for (size_t i = 0; i < dn; i++)
		nobom[2 * i] = (unsigned char)xml_decl[i], nobom[2 * i + 1] = 0;
	memcpy(nobom + 2 * dn, u16 + 2, k - 2);
	read_encoded((const char *)nobom, 2 * dn + k - 2);
	free(nobom);
	free(u16);
	free(body);
}
