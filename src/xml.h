/* libxml2, used safely: no network, no external entities or DTDs, no
 * entity expansion, bounded depth; schema validation against the schemas
 * compiled into the library from schemas/. */
#ifndef MP_XML_H
#define MP_XML_H

#include <libxml/tree.h>

#include "model.h"
#include "xml_shape.h"

/* libxml2 set up for safe reading (parser initialised, external entities
 * refused); once per process, on first use or from mailprof_global_init(). */
void mp_xml_init(void);

/* Parse buf; syntax errors become findings (id "xml-syntax") with line and
 * column. Returns NULL when the document is not well-formed. */
xmlDocPtr mp_xml_read(const char *buf, size_t len, const char *path, mailprof_diags *d);

/* Validate doc against schemas/<schema> (e.g. "autoconfig.xsd"). Each
 * violation is a finding (id "schema", severity sev) at its line.
 * Returns the number of violations, or -1 when the schema is missing.
 * shape (may be NULL) restates the schema: a document it calls valid skips
 * the XSD (xml_shape.h); any other goes through the XSD. */
int mp_xml_validate(xmlDocPtr doc, const char *schema, const struct mp_child_shape *shape,
                    const char *path, mailprof_severity sev, mailprof_diags *d);

/* Helpers for mapping: trimmed text content of a node (caller frees) and
 * the node's location. */
char *mp_xml_text(xmlNodePtr n);
mailprof_loc mp_xml_loc(const char *path, xmlNodePtr n);
bool mp_xml_is(xmlNodePtr n, const char *name); /* element with this local name */

/* Server-side templates leave {{ }}, {% %}, [% %], ${...}, <?php or %name%
 * tokens that are not Thunderbird's in the file (outside comments); such a
 * file is not a profile until rendered. Reports it (error "template") and
 * returns true. */
bool mp_xml_template_marker(const char *buf, size_t len, const char *path, mailprof_diags *d);

/* An installer's upper-case token as a host name of the accounts from
 * index `from` on (PRIMARY_HOSTNAME, mail.YOURDOMAIN.COM, replaced by sed
 * at setup): the file is a template too. Reports each (error "template")
 * and returns true. */
bool mp_xml_template_hosts(const mailprof_profile *p, size_t from, mailprof_diags *d);

/* Embedded schema text, generated from schemas/ at build time. */
const char *mp_schema_text(const char *name, size_t *len);

#endif
