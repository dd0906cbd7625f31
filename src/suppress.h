/* The suppression-marker scan of the read stage (suppress.c). */
#ifndef MP_SUPPRESS_H
#define MP_SUPPRESS_H

#include "model.h"

/* Record the suppression markers in an input text (any format: the scan is
 * textual, by line). Called by mailprof_parse. */
void mp_suppress_scan(mailprof_profile *p, const char *buf, size_t len, const char *file);

#endif
