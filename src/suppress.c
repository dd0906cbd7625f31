/* The suppression-marker scan: every `mailprof-disable ID: reason` marker
 * of an input text, recorded in the profile as facts (which IDs, which
 * line they silence, whether a reason follows). The checker applies them
 * (config.c) and reports a marker without a reason (MP045). The scan is
 * textual, by line, so it works the same for every format. */
#include <string.h>

#include "suppress.h"

#define PENDING (-2) /* a marker's target not seen yet */

static bool comment_only(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	return s == e || *s == ';' || *s == '#' || (e - s >= 4 && memcmp(s, "<!--", 4) == 0) ||
	       (e - s >= 2 && memcmp(s, "//", 2) == 0) || (e - s >= 3 && memcmp(s, "-->", 3) == 0);
}

void mp_suppress_scan(mailprof_profile *p, const char *buf, size_t len, const char *file)
{
	static const char mark[] = "mailprof-disable";
	const char *end = buf + len;
	/* Most files have no marker: find the first one before going by lines
	 * (memchr to a candidate, then memcmp; this runs on every input). */
	const char *first = NULL;
	for (const char *q = buf; !first && (size_t)(end - q) >= sizeof mark - 1; q++) {
		q = memchr(q, 'm', (size_t)(end - q) - (sizeof mark - 1) + 1);
		if (!q)
			break;
		if (memcmp(q, mark, sizeof mark - 1) == 0)
			first = q;
	}
	if (!first)
		return;
	int line = 1;
	/* Markers on comment lines silence the next line that is neither blank
	 * nor a comment: they wait (from index pending on) until one comes, so
	 * the scan is one pass however many markers are stacked up. */
	size_t pending = p->nsupp;
	for (const char *ls = buf; ls < end; line++) {
		const char *le = memchr(ls, '\n', (size_t)(end - ls));
		if (!le)
			le = end;
		if (pending < p->nsupp && ls >= first && !comment_only(ls, le)) {
			for (; pending < p->nsupp; pending++)
				if (p->supp[pending].target == PENDING)
					p->supp[pending].target = line;
		}
		const char *m = NULL;
		for (const char *q = ls < first ? first : ls; q + sizeof mark - 1 <= le; q++)
			if (memcmp(q, mark, sizeof mark - 1) == 0) {
				m = q;
				break;
			}
		if (m) {
			const char *q = m + sizeof mark - 1;
			bool whole = (size_t)(le - q) >= 5 && memcmp(q, "-file", 5) == 0;
			if (whole)
				q += 5;
			/* The target: this line if a value precedes the marker, else the
			 * next line that is neither blank nor a comment (PENDING until
			 * it is seen). */
			int target = whole ? 0 : !comment_only(ls, m) ? line : PENDING;
			/* IDs separated by commas or spaces, then an optional ": reason". */
			for (;;) {
				while (q < le && (*q == ' ' || *q == '\t' || *q == ','))
					q++;
				const char *s = q;
				while (q < le && (*q == '-' || *q == '_' || (*q >= '0' && *q <= '9') ||
				                  (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
					q++;
				size_t n = (size_t)(q - s);
				if (!n)
					break;
				p->supp = mp_xgrow(p->supp, p->nsupp, sizeof *p->supp);
				mp_suppression *x = &p->supp[p->nsupp++];
				memset(x, 0, sizeof *x);
				memcpy(x->id, s, n < sizeof x->id ? n : sizeof x->id - 1);
				x->file = file;
				x->line = line;
				x->target = target;
				const char *r = q;
				while (r < le && (*r == ' ' || *r == '\t' || *r == ','))
					r++;
				if (r < le && *r == ':') {
					r++;
					while (r < le && (*r == ' ' || *r == '\t'))
						r++;
					/* A reason is text other than the comment's closing. */
					x->reason = r < le && *r != '\r' && !(le - r >= 3 && memcmp(r, "-->", 3) == 0);
				}
			}
			/* Every ID of one marker shares its reason. */
			bool any = false;
			for (size_t i = p->nsupp; i-- > 0 && p->supp[i].line == line && p->supp[i].file == file;)
				any |= p->supp[i].reason;
			for (size_t i = p->nsupp; i-- > 0 && p->supp[i].line == line && p->supp[i].file == file;)
				p->supp[i].reason = any;
		}
		ls = le < end ? le + 1 : end;
	}
	for (; pending < p->nsupp; pending++)
		if (p->supp[pending].target == PENDING)
			p->supp[pending].target = -1; /* nothing follows: silences nothing */
}
