/* Shapes: see xml_shape.h. Every test here errs towards "not sure". */
#include <stdatomic.h>
#include <string.h>

#include <libxml/uri.h>

#include "xml_shape.h"

const struct mp_text_type mp_text_string = {MP_TEXT_STRING, NULL, 0, 0, 0};
const struct mp_text_type mp_text_integer = {MP_TEXT_INT, NULL, 0, 0, 0};
const struct mp_text_type mp_text_uri = {MP_TEXT_URI, NULL, 0, 0, 0};
const struct mp_text_type mp_text_real = {MP_TEXT_REAL, NULL, 0, 0, 0};
const struct mp_text_type mp_text_slow = {MP_TEXT_SLOW, NULL, 0, 0, 0};

const struct mp_shape mp_shape_string = MP_TEXT_SHAPE(mp_text_string);
const struct mp_shape mp_shape_integer = MP_TEXT_SHAPE(mp_text_integer);
const struct mp_shape mp_shape_uri = MP_TEXT_SHAPE(mp_text_uri);
const struct mp_shape mp_shape_real = MP_TEXT_SHAPE(mp_text_real);
const struct mp_shape mp_shape_slow = MP_TEXT_SHAPE(mp_text_slow);
const struct mp_shape mp_shape_any = {MP_CONTENT_ANY, NULL, NULL, 0, 0, NULL, true};
const struct mp_shape mp_shape_empty = {MP_CONTENT_EMPTY, NULL, NULL, 0, 0, NULL, false};

static bool xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool ascii_case_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

static bool is_word(const struct mp_text_type *t, const char *s, size_t n)
{
	for (const char *const *w = t->words; w && *w; w++)
		if (strlen(*w) == n &&
		    ((t->flags & MP_TEXT_FOLD) ? ascii_case_eq(s, *w, n) : memcmp(s, *w, n) == 0))
			return true;
	return false;
}

static bool all_digits(const char *s, size_t n, size_t most)
{
	if (n == 0 || n > most)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* xs:anyURI as libxml2 checks it: with no white space and none of the bytes
 * it replaces before parsing, the value is what xmlParseURI sees. */
static bool plain_uri(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || c >= 127 || strchr("<>\"{}|\\^`'", c))
			return false;
	}
	xmlURIPtr u = xmlParseURI(s);
	if (!u)
		return false;
	xmlFreeURI(u);
	return true;
}

static bool text_ok(const struct mp_text_type *t, const char *s)
{
	if (t->kind == MP_TEXT_STRING)
		return true;
	size_t n = strlen(s);
	const char *b = s, *e = s + n;
	/* Integers and doubles collapse white space (XSD); a pattern's \s* is
	 * the same four characters. */
	bool trim = (t->flags & MP_TEXT_TRIM) || t->kind == MP_TEXT_INT || t->kind == MP_TEXT_REAL;
	if (trim) {
		while (b < e && xml_space(*b))
			b++;
		while (e > b && xml_space(e[-1]))
			e--;
	}
	size_t len = (size_t)(e - b);
	switch (t->kind) {
	case MP_TEXT_STRING: return true;
	case MP_TEXT_WORDS: return is_word(t, b, len);
	case MP_TEXT_INT: {
		if (!all_digits(b, len, 9))
			return false;
		if (t->max <= t->min)
			return true;
		long v = 0;
		for (const char *p = b; p < e; p++)
			v = v * 10 + (*p - '0');
		return v >= t->min && v <= t->max;
	}
	case MP_TEXT_HEX:
		if (is_word(t, b, len))
			return true;
		if (len == 0 || len > 8)
			return false;
		for (const char *p = b; p < e; p++)
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F')))
				return false;
		return true;
	case MP_TEXT_REAL: {
		const char *dot = memchr(b, '.', len);
		if (len && *b == '-')
			b++;
		if (!dot)
			return all_digits(b, (size_t)(e - b), 15);
		return all_digits(b, (size_t)(dot - b), 15) && all_digits(dot + 1, (size_t)(e - dot - 1), 15);
	}
	case MP_TEXT_URI: return !trim && plain_uri(b, len);
	case MP_TEXT_SLOW: break;
	}
	return false;
}

/* The one text node of an element or attribute ("" when empty), or NULL
 * when it holds anything else (entity references, comments, elements). */
static const char *only_text(xmlNodePtr first)
{
	if (!first)
		return "";
	if (first->next || first->type != XML_TEXT_NODE || !first->content)
		return NULL;
	return (const char *)first->content;
}

static bool attrs_ok(xmlNodePtr n, const struct mp_shape *s)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		/* xsi:type, xml:lang...: what they mean to the XSD is its business. */
		if (a->ns || a->type != XML_ATTRIBUTE_NODE)
			return false;
		const struct mp_attr_shape *d = s->attrs;
		while (d && d->name && strcmp(d->name, (const char *)a->name) != 0)
			d++;
		if (!d || !d->name) {
			if (!s->any_attr)
				return false;
			continue;
		}
		const char *v = only_text(a->children);
		if (!v || !text_ok(d->type, v))
			return false;
	}
	for (const struct mp_attr_shape *d = s->attrs; d && d->name; d++)
		if (d->required && !xmlHasProp(n, (const xmlChar *)d->name))
			return false;
	return true;
}

const struct mp_shape *mp_xml_shape_kid(const struct mp_child_shape *kids, const char *name)
{
	for (; kids && kids->name; kids++)
		if (kids->name[0] == name[0] && strcmp(kids->name, name) == 0)
			return kids->shape;
	return NULL;
}

static const struct mp_shape *kid_shape(const struct mp_child_shape *kids, xmlNodePtr c)
{
	return c->ns ? NULL : mp_xml_shape_kid(kids, (const char *)c->name);
}

/* A dict's key: kids[0] only. */
static const struct mp_shape *key_shape(const struct mp_child_shape *kids, xmlNodePtr c)
{
	return !c->ns && strcmp(kids[0].name, (const char *)c->name) == 0 ? kids[0].shape : NULL;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!xml_space(*s))
			return false;
	return true;
}

static bool element_ok(xmlNodePtr n, const struct mp_shape *s)
{
	if (!attrs_ok(n, s))
		return false;
	switch (s->content) {
	case MP_CONTENT_ANY: return true;
	case MP_CONTENT_EMPTY: return !n->children;
	case MP_CONTENT_TEXT: {
		const char *v = only_text(n->children);
		return v && text_ok(s->text, v);
	}
	case MP_CONTENT_KIDS:
	case MP_CONTENT_PAIRS: break;
	}
	unsigned count = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		switch (c->type) {
		case XML_COMMENT_NODE:
		case XML_PI_NODE: continue;
		case XML_TEXT_NODE:
			if (!c->content || !blank((const char *)c->content))
				return false;
			continue;
		case XML_ELEMENT_NODE: break;
		default: return false;
		}
		const struct mp_shape *k = s->content == MP_CONTENT_KIDS ? kid_shape(s->kids, c)
		                           : count % 2                    ? kid_shape(s->kids + 1, c)
		                                                          : key_shape(s->kids, c);
		if (!k || !element_ok(c, k))
			return false;
		count++;
	}
	if (s->content == MP_CONTENT_PAIRS)
		return count % 2 == 0;
	return count >= s->min_kids && (s->max_kids == 0 || count <= s->max_kids);
}

bool mp_xml_shape_valid(xmlDocPtr doc, const struct mp_child_shape *root)
{
	/* A DOCTYPE that only names a DTD (property lists have one) declares
	 * nothing here: no DTD is loaded. One with declarations: not sure. */
	if (!doc || (doc->intSubset && doc->intSubset->children) || doc->extSubset)
		return false;
	xmlNodePtr r = NULL;
	for (xmlNodePtr c = doc->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (r)
				return false;
			r = c;
		} else if (c->type != XML_COMMENT_NODE && c->type != XML_PI_NODE && c->type != XML_DTD_NODE)
			return false;
	}
	return r && !r->ns && strcmp((const char *)r->name, root->name) == 0 && element_ok(r, root->shape);
}

static atomic_bool audit_on;
static atomic_ulong audit_accepted, audit_refused;

void mp_xml_shape_audit(bool on)
{
	atomic_store(&audit_on, on);
}

bool mp_xml_shape_auditing(void)
{
	return atomic_load_explicit(&audit_on, memory_order_relaxed);
}

void mp_xml_shape_audit_note(bool xsd_refused)
{
	atomic_fetch_add(&audit_accepted, 1);
	if (xsd_refused)
		atomic_fetch_add(&audit_refused, 1);
}

void mp_xml_shape_audit_counts(unsigned long *accepted, unsigned long *refused)
{
	*accepted = atomic_load(&audit_accepted);
	*refused = atomic_load(&audit_refused);
}
