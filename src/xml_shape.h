/* Shapes: a format's XML schema (schemas/NAME.xsd) restated as small tables,
 * so the common, valid document is recognised in one walk of its tree
 * instead of libxml2's XSD validation (a fifth of a batch check).
 *
 * A shape only ever answers "valid for sure" or "not sure": whatever it
 * does not recognise as plainly valid (a namespaced attribute, a comment in
 * a value, "+993", a date) goes to the XSD as before, which gives the
 * findings and their lines. So a shape may be stricter than its schema,
 * never looser; tests/test_shape.c proves it against the XSD on every
 * sample, the real files, the bench corpus and mutations of them, and the
 * fuzz harness asserts it (mp_xml_shape_audit). */
#ifndef MP_XML_SHAPE_H
#define MP_XML_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

/* A simple type: text of an element or an attribute's value. */
enum mp_text_kind {
	MP_TEXT_STRING, /* xs:string: any text */
	MP_TEXT_WORDS,  /* only one of words (an enumeration, or a pattern of alternatives) */
	MP_TEXT_INT,    /* xs:integer, xs:nonNegativeInteger: digits, within [min, max] if max > min */
	MP_TEXT_HEX,    /* 1 to 8 hexadecimal digits, or one of words */
	MP_TEXT_REAL,   /* xs:double: a plain decimal number */
	MP_TEXT_URI,    /* xs:anyURI */
	MP_TEXT_SLOW,   /* left to the XSD (xs:dateTime) */
};
enum {
	MP_TEXT_FOLD = 1, /* words compared ignoring ASCII case */
	MP_TEXT_TRIM = 2, /* words may have XML white space around them (a pattern's \s*) */
};
struct mp_text_type {
	enum mp_text_kind kind;
	const char *const *words; /* NULL-terminated */
	unsigned flags;
	long min, max;
};

/* The built-in types the schemas use. */
extern const struct mp_text_type mp_text_string, mp_text_integer, mp_text_uri, mp_text_real,
	mp_text_slow;

struct mp_attr_shape {
	const char *name;
	const struct mp_text_type *type;
	bool required;
};

enum mp_content {
	MP_CONTENT_TEXT,  /* simple content: text of type text */
	MP_CONTENT_KIDS,  /* element-only: children from kids, any order, min_kids..max_kids (0: any) */
	MP_CONTENT_PAIRS, /* element-only: kids[0], then one of kids[1..], again and again (plist dict) */
	MP_CONTENT_ANY,   /* mixed, anything inside, not looked into (xs:any processContents="skip") */
	MP_CONTENT_EMPTY, /* nothing inside */
};

struct mp_child_shape;
struct mp_shape {
	enum mp_content content;
	const struct mp_text_type *text;        /* MP_CONTENT_TEXT */
	const struct mp_child_shape *kids;      /* name NULL ends the list */
	unsigned min_kids, max_kids;
	const struct mp_attr_shape *attrs;      /* name NULL ends the list; NULL: none */
	bool any_attr;                          /* xs:anyAttribute (non-namespaced ones only) */
};
struct mp_child_shape {
	const char *name;
	const struct mp_shape *shape;
};

/* Shapes of the schemas' common elements: text of a built-in type, and
 * mixed content not looked into with any attributes (anyContent). */
#define MP_TEXT_SHAPE(t) {MP_CONTENT_TEXT, &(t), NULL, 0, 0, NULL, false}
extern const struct mp_shape mp_shape_string, mp_shape_integer, mp_shape_uri, mp_shape_real,
	mp_shape_slow, mp_shape_any, mp_shape_empty;

/* The shape of kids' child called name, or NULL. */
const struct mp_shape *mp_xml_shape_kid(const struct mp_child_shape *kids, const char *name);

/* True when doc's root is root->name and the whole document is plainly
 * valid by root->shape; false when not sure (the XSD decides then). */
bool mp_xml_shape_valid(xmlDocPtr doc, const struct mp_child_shape *root);

/* For tests and the fuzz harness: while on, every document a shape calls
 * valid is also validated by the XSD; mp_xml_shape_audit_counts gives how
 * many a shape accepted and how many of those the XSD refused (always 0). */
void mp_xml_shape_audit(bool on);
bool mp_xml_shape_auditing(void);
void mp_xml_shape_audit_note(bool xsd_refused);
void mp_xml_shape_audit_counts(unsigned long *accepted, unsigned long *refused);

#endif
