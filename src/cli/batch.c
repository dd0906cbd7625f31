/* Batch runs of `check` and `convert`: the walker yields inputs in order,
 * the pool runs one job per file on N workers (read, sniff, the pipeline,
 * the output's claim and write), and results are reported strictly in input
 * order, so output bytes do not depend on N and memory does not grow with
 * the number of files. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "claims.h"
#include "out.h"
#include "pool.h"
#include "progress.h"
#include "walk.h"

/* One file's job. The pipeline's job comes first: hooks get the slot from it. */
struct slot {
	struct cli_job job;
	struct cli_input in;
	bool skipped;           /* found in a folder, not a profile: only a note */
	char *out;              /* convert: output path */
	struct cli_claim *claim; /* convert: the output name's entry */
	size_t turn;            /* convert: rank among the inputs claiming that name */
	const char *clash;      /* convert: the earlier input that took the name */
	char *tmp;              /* convert: written, waiting for its final name */
	size_t ordinal;         /* place in the walk (shards' files interleave by it) */
	bool onto_input;        /* convert: the output name is the input file itself */
};

struct run {
	const struct cli_batch_opts *o;
	struct cli_pipeline pl; /* o->pl with the write hook */
	struct cli_walker *walker;
	struct cli_claims *claims;
	struct cli_commit *commit; /* convert: written files not yet under their names */
	mailprof_batch *batch;
	struct cli_report *report;
	struct cli_summary sum;
	size_t skipped;
	int rc;
	struct cli_progress progress;
	bool stdout_tty;
	size_t walked;              /* inputs walked, taken or not */
	char *held_notes;           /* --shard: notes of inputs passed over, for the next one */
	struct cli_shard_rec *rec;  /* --shard with a report: what merge needs */
};

bool cli_batch_wanted(char **inputs, size_t n)
{
	if (n > 1)
		return true;
	struct stat st;
	return n == 1 && strcmp(inputs[0], "-") != 0 && stat(inputs[0], &st) == 0 &&
	       S_ISDIR(st.st_mode);
}

/* At most max + 1 bytes: one more than the limit is enough for the library
 * to refuse the input (input-too-large), and /dev/zero or a huge file never
 * fills memory. */
static int read_all(const char *path, size_t max, struct cli_scratch *s, size_t *len)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	size_t n = 0;
	int err = 0;
	while (n <= max) {
		if (s->cap - n < 4096) {
			s->cap = s->cap ? s->cap * 2 : 65536;
			s->buf = realloc(s->buf, s->cap);
			if (!s->buf)
				abort();
		}
		size_t want = s->cap - n - 1;
		if (want > max + 1 - n)
			want = max + 1 - n;
		ssize_t r = read(fd, s->buf + n, want);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (fd != 0)
		close(fd);
	s->buf[n] = '\0';
	*len = n;
	return err;
}

/* Convert: settle the output name, then write (pipeline's write hook). */
static int write_output(struct cli_job *j, void *u)
{
	struct run *r = u;
	struct slot *s = (struct slot *)j;
	if (!s->claim)
		return 0;
	bool writes = j->out != NULL;
	s->clash = cli_claims_settle(r->claims, s->claim, s->turn, writes, s->in.path);
	if (!writes || s->clash)
		return 0;
	if (cli_same_file(s->out, s->in.path)) {
		s->onto_input = true; /* -o onto the input folder, --force: never */
		return EPERM;
	}
	if (r->o->dry_run)
		return !r->o->force && access(s->out, F_OK) == 0 ? EEXIST : 0;
	int err = cli_make_parents(s->out);
	return err ? err
	           : cli_write_staged(s->out, j->out, j->out_len, r->o->pl.opt->include_secrets != 0,
	                              r->o->force, &s->tmp);
}

/* A file or folder the commit could not make durable: the run fails. */
static void commit_failed(const char *path, int err, void *u)
{
	struct run *r = u;
	cli_progress_clear(&r->progress);
	cli_path_msg(path, "%s", strerror(err));
	r->sum.failures++;
}

/* Append notes to *held (both malloc'd or NULL). */
static void hold_notes(char **held, char *notes)
{
	if (!notes)
		return;
	size_t a = *held ? strlen(*held) : 0, b = strlen(notes);
	char *m = realloc(*held, a + b + 1);
	if (!m)
		abort();
	memcpy(m + a, notes, b + 1);
	free(notes);
	*held = m;
}

/* Next input in walk order (of this shard); convert names its output and
 * queues it for that name. */
static bool next(void *u, void *slot)
{
	struct run *r = u;
	struct slot *s = slot;
	for (;;) {
		if (!cli_walk_next(r->walker, &s->in))
			return false;
		s->ordinal = r->walked++;
		if (r->rec)
			cli_shard_rec_walked(r->rec, s->in.path);
		if (!r->o->shard || cli_shard_takes(r->o->shard, s->in.path))
			break;
		hold_notes(&r->held_notes, s->in.notes); /* the walk's notes still show */
		free(s->in.path);
		free(s->in.rel);
		s->in = (struct cli_input){0};
	}
	if (r->held_notes) {
		hold_notes(&r->held_notes, s->in.notes);
		s->in.notes = r->held_notes;
		r->held_notes = NULL;
	}
	s->job.path = s->in.path;
	if (r->o->pl.to) {
		s->out = cli_output_name(r->o->outdir, s->in.rel, mailprof_format_extensions(r->o->pl.to));
		s->claim = cli_claims_take(r->claims, s->out, &s->turn);
	}
	return true;
}

/* Read, sniff, then the pipeline. */
static void work(void *u, void *slot, struct cli_scratch *scr)
{
	struct run *r = u;
	struct slot *s = slot;
	size_t len = 0;
	size_t max = r->o->pl.opt->max_input ? r->o->pl.opt->max_input : MAILPROF_MAX_INPUT;
	if (read_all(s->in.path, max, scr, &len) == 0) {
		s->job.buf = scr->buf;
		s->job.len = len;
		if (!s->in.explicit) {
			/* As for a file named alone: content first, then the name's
			 * extension (a provider page saved as .txt is a notice). */
			const char *sniffed = mailprof_format_detect(scr->buf, len, s->in.path);
			if (!sniffed) {
				s->skipped = true;
				if (s->claim)
					cli_claims_settle(r->claims, s->claim, s->turn, false, s->in.path);
				return;
			}
			if (!r->o->pl.from)
				s->job.format = sniffed; /* sniff once, not again in mailprof_parse */
		}
	}
	/* Unreadable: the library says why (buf NULL), so the finding is like any other. */
	cli_pipeline_run(&r->pl, &s->job);
	s->job.buf = NULL;
}

static void slot_clear(struct slot *s)
{
	free(s->in.path);
	free(s->in.rel);
	free(s->in.notes);
	free(s->out);
	if (s->tmp) { /* not handed to the commit: never to be read */
		unlink(s->tmp);
		free(s->tmp);
	}
	cli_job_clear(&s->job);
	*s = (struct slot){0};
}

/* In input order: notes, cross-file findings, the report, the summary. */
static void done(void *u, void *slot)
{
	struct run *r = u;
	struct slot *s = slot;
	const struct cli_batch_opts *o = r->o;
	if (s->in.notes) {
		cli_progress_clear(&r->progress);
		fputs(s->in.notes, stderr);
	}
	if (s->skipped) {
		r->skipped++;
		if (r->rec)
			cli_shard_rec_file(r->rec, s->ordinal, s->in.path, true, MAILPROF_OK, 0, NULL, NULL);
		if (!o->quiet) {
			cli_progress_clear(&r->progress);
			cli_path_msg(s->in.path, "skipped: not a known profile format");
		}
		slot_clear(s);
		return;
	}
	struct cli_job *j = &s->job;
	/* Cross-file findings need every earlier file: only here, in order. */
	if (j->st == MAILPROF_OK && r->batch)
		mailprof_batch_add(r->batch, j->p, j->d);
	mailprof_diags_sort(j->d);
	size_t nd = mailprof_diags_count(j->d);
	/* check: findings at --fail-on; convert: also what it could not read or carry. */
	if ((o->pl.cfg || o->pl.to) && mailprof_diags_worst(j->d) >= o->fail_on)
		r->rc = EXIT_FINDINGS;
	size_t accounts = mailprof_profile_account_count(j->p);
	struct cli_file_result res = {s->in.path, j->st, j->d, accounts};
	cli_summary_add(&r->sum, &res);
	if (r->rec) { /* a shard: the cross-file rules are merge's, from the keys */
		mailprof_batch_keys *k = mailprof_batch_keys_new();
		if (j->st == MAILPROF_OK)
			mailprof_profile_batch_keys(j->p, k);
		cli_shard_rec_file(r->rec, s->ordinal, s->in.path, false, j->st, accounts, j->d, k);
		mailprof_batch_keys_free(k);
	}
	if (r->report) {
		/* Only when stdout shares the terminal; else the line would flicker. */
		if (r->stdout_tty)
			cli_progress_clear(&r->progress);
		cli_report_file(r->report, &res);
	} else if (nd) {
		cli_progress_clear(&r->progress);
		cli_print_diags(stderr, j->d, s->in.path);
	}
	bool failed = j->st != MAILPROF_OK || (o->pl.to && (j->werr || s->clash));
	if (failed) {
		r->sum.failures++;
		cli_progress_clear(&r->progress);
		if (j->st != MAILPROF_OK)
			cli_path_msg(s->in.path, "%s", mailprof_strerror(j->st));
		else if (s->clash)
		{
			char *on = cli_clean(s->out), *by = cli_clean(s->clash);
			cli_path_msg(s->in.path, "not written: %s is already the output of %s", on, by);
			free(on), free(by);
		}
		else if (s->onto_input)
			cli_path_msg(s->out, "is the input: not written over, even with --force");
		else if (j->werr == EEXIST)
			cli_path_msg(s->out, "exists (use --force to replace it)");
		else
			cli_path_msg(s->out, "%s", strerror(j->werr));
	} else if (o->pl.to && o->dry_run) {
		printf("would write %s (%zu bytes%s)\n", s->out, j->out_len,
		       o->pl.opt->include_secrets ? ", mode 0600" : "");
	} else if (s->tmp) {
		bool full = cli_commit_add(r->commit, s->tmp, s->out);
		s->tmp = NULL;
		if (full)
			cli_commit_flush(r->commit, commit_failed, r);
	}
	cli_progress_show(&r->progress, r->sum.files, r->sum.failures, s->in.path);
	slot_clear(s);
}

static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

int cli_batch_run(const struct cli_batch_opts *o, char **inputs, size_t n)
{
	struct run r = {.o = o, .pl = o->pl, .rc = EXIT_CLEAN};
	r.pl.report = NULL; /* in order, by done() */
	r.pl.write = write_output;
	r.pl.u = &r;
	cli_progress_init(&r.progress, o->quiet);
	r.stdout_tty = r.progress.tty && isatty(1);
	r.walker = cli_walk_new(inputs, n, o->quiet, o->follow);
	r.claims = cli_claims_new();
	r.commit = cli_commit_new(o->force);
	if (o->pl.cfg && !o->shard) /* a shard has not every file: merge runs them */
		r.batch = mailprof_batch_new(o->pl.cfg);
	if (o->rep)
		r.report = cli_report_begin(o->rep, stdout);
	if (o->shard && r.report && cli_reporter_extensible(o->rep)) {
		r.rec = cli_shard_rec_new(o->shard, o->pl.cfg, o->summary);
		cli_report_extend(r.report, cli_shard_rec_write, r.rec);
	}
	long jobs = o->jobs > 0 ? o->jobs : default_jobs();
	struct cli_pool_ops ops = {sizeof(struct slot), next, work, done, &r};
	cli_pool_run(&ops, (size_t)jobs);
	cli_commit_flush(r.commit, commit_failed, &r);
	cli_commit_free(r.commit);
	cli_progress_clear(&r.progress);
	if (r.held_notes)
		fputs(r.held_notes, stderr);
	free(r.held_notes);
	char *notes = cli_walk_take_notes(r.walker);
	if (notes)
		fputs(notes, stderr);
	free(notes);
	if (r.report)
		cli_report_end(r.report, &r.sum);
	fflush(stdout);
	cli_walk_free(r.walker);
	mailprof_batch_free(r.batch);
	cli_shard_rec_free(r.rec);
	cli_claims_free(r.claims);
	if (o->summary)
		cli_summary_print(stderr, &r.sum, r.skipped);
	return r.sum.failures ? EXIT_USAGE : r.rc;
}
