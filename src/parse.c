/* The library's parse entry points: the format's reader, the suppression
 * markers, then the rules of input scope on what the reader recorded (so a
 * document's structure is reported even when no account could be read).
 * Above the read and check stages: it calls both, neither calls it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "format.h"
#include "suppress.h"

mailprof_status mailprof_parse(mailprof_profile *p, const char *buf, size_t len, const char *path,
                               const char *format, const mailprof_options *opt, mailprof_diags *d)
{
	size_t marks = p->nuuid_marks;
	bool read;
	mailprof_status st = mp_format_parse(p, buf, len, path, format, opt, d, &read);
	if (read)
		mp_suppress_scan(p, buf, len, mp_profile_file(p, path ? path : "-"));
	mp_check_input(p, marks, d);
	return st;
}

mailprof_status mailprof_parse_file(mailprof_profile *p, const char *path, const char *format,
                                    const mailprof_options *opt, mailprof_diags *d)
{
	char *buf;
	size_t len;
	int err = mp_read_file(path, mp_max_input(opt), &buf, &len);
	if (err == EFBIG) {
		mp_diag_too_large(d, mp_profile_file(p, path), mp_max_input(opt));
		return MAILPROF_ERR_IO;
	}
	if (err) {
		mailprof_loc at = {mp_profile_file(p, path), 0, 0};
		mp_diag(d, MAILPROF_ERROR, "io", &at, NULL, "cannot read: %s", strerror(err));
		return MAILPROF_ERR_IO;
	}
	mailprof_status st = mailprof_parse(p, buf, len, path, format, opt, d);
	free(buf);
	return st;
}
