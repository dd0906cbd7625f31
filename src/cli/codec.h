/* Small codecs of the shard record (shard.c, merge.c) and the spool the
 * reporters use: escaped tab-separated fields, base64, status tokens. */
#ifndef CLI_CODEC_H
#define CLI_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mailprof.h"

/* Write s as one field: backslash, tab, newline and CR escaped (\\ \t \n
 * \r), NULL as \N; then the byte end. */
void cli_field(FILE *f, const char *s, char end);
/* Undo cli_field in place on a field of n bytes (no separators): returns
 * the text (NUL-terminated), NULL for \N. */
char *cli_field_decode(char *s, size_t n, bool *bad);

/* "ok", "io", "syntax", "format", "unsupported", "invalid", "encoding". */
const char *cli_status_token(mailprof_status s);
/* 0 and *s, or -1 for an unknown token. */
int cli_status_parse(const char *tok, mailprof_status *s);

/* Streaming base64 (RFC 4648, with padding, no line breaks) to f. */
struct cli_b64 {
	FILE *f;
	unsigned char part[3];
	size_t npart;
};
void cli_b64_put(struct cli_b64 *b, const void *p, size_t n);
void cli_b64_end(struct cli_b64 *b);
/* Decode the base64 text s[0..n) (padding optional); malloc'd, NUL added;
 * NULL when a byte is not base64. */
char *cli_b64_decode(const char *s, size_t n, size_t *len);

/* A write-then-read-once buffer: a temporary file, so a batch of any size
 * stays small; memory when there is no temporary folder. */
struct cli_spool {
	FILE *f;
	bool in_mem;
	char *mem;
	size_t memlen;
};
void cli_spool_open(struct cli_spool *s);
/* Hand everything written to sink, in pieces, then close the spool. */
void cli_spool_each(struct cli_spool *s, void (*sink)(const void *p, size_t n, void *u), void *u);
void cli_spool_close(struct cli_spool *s);

#endif
