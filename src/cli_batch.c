/* Batch runs of `check` and `convert`: walk folders in sorted order, process
 * files on N worker threads, and hand results to the reporter strictly in
 * input order through a bounded window, so output bytes do not depend on N
 * and memory does not grow with the number of files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char *prog = "mailprof";

/* ---- walking: one sorted listing per open folder, visited in pre-order ---- */

struct level {
	char *dir;     /* path of this folder, as the user would write it */
	char *rel;     /* path relative to the argument ("" at the top) */
	char **names;  /* sorted entries */
	size_t n, i;
};

struct walker {
	char **args;
	size_t nargs, argi;
	struct level *stack;
	size_t depth, cap;
	const struct cli_batch_opts *o;
	char *notes; /* notes not yet attached to an input (malloc'd or NULL) */
};

/* One input, as the walker yields it. */
struct input {
	char *path;    /* to open and to name in findings */
	char *rel;     /* for the output name: relative to the folder argument */
	bool explicit; /* named on the command line: never skipped by sniffing */
	char *notes;   /* walker notes that come before this input, or NULL */
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	bool slash = la && a[la - 1] != '/' && lb;
	char *r = malloc(la + lb + 2);
	if (!r)
		abort();
	memcpy(r, a, la);
	if (slash)
		r[la++] = '/';
	memcpy(r + la, b, lb + 1);
	return r;
}

/* The walker runs ahead of the reporter: its notes travel with the next
 * input so stderr keeps input order whatever the number of workers. */
static void note(struct walker *w, const char *path, const char *why)
{
	if (w->o->quiet)
		return;
	size_t old = w->notes ? strlen(w->notes) : 0;
	size_t add = strlen(prog) + strlen(path) + strlen(why) + 6;
	w->notes = realloc(w->notes, old + add + 1);
	if (!w->notes)
		abort();
	snprintf(w->notes + old, add + 1, "%s: %s: %s\n", prog, path, why);
}

/* Push a folder's sorted listing; returns false (with a note) when it cannot be read. */
static bool push_dir(struct walker *w, const char *dir, const char *rel)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return false;
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(dp));) {
		/* Hidden entries (., .., .git, .mailprof.ini) are not inputs. */
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof *names);
			if (!names)
				abort();
		}
		/* Keep d_type before the name: most file systems fill it in, which
		 * saves an lstat per file. */
		size_t len = strlen(e->d_name);
		names[n] = malloc(len + 2);
		if (!names[n])
			abort();
		names[n][0] = (char)e->d_type;
		memcpy(names[n] + 1, e->d_name, len + 1);
		n++;
	}
	closedir(dp);
	/* Byte order, not the locale's: the same tree gives the same order everywhere. */
	if (n) /* qsort wants a non-NULL array even for no elements */
		qsort(names, n, sizeof *names, cmp_names);
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->stack = realloc(w->stack, w->cap * sizeof *w->stack);
		if (!w->stack)
			abort();
	}
	char *d = strdup(dir), *r = strdup(rel);
	if (!d || !r)
		abort();
	w->stack[w->depth++] = (struct level){d, r, names, n, 0};
	return true;
}

static void pop_dir(struct walker *w)
{
	struct level *l = &w->stack[--w->depth];
	for (size_t i = l->i; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
	free(l->dir);
	free(l->rel);
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* Next input in order, or false at the end. */
static bool walk_next(struct walker *w, struct input *in)
{
	for (;;) {
		if (w->depth) {
			struct level *l = &w->stack[w->depth - 1];
			if (l->i == l->n) {
				pop_dir(w);
				continue;
			}
			char *name = l->names[l->i++];
			unsigned char type = (unsigned char)name[0];
			char *path = join(l->dir, name + 1);
			char *rel = join(l->rel, name + 1);
			free(name);
			struct stat st;
			if (type == DT_REG) {
				*in = (struct input){path, rel, false, w->notes};
				w->notes = NULL;
				return true;
			}
			if (lstat(path, &st) != 0) {
				note(w, path, strerror(errno));
			} else if (S_ISDIR(st.st_mode)) {
				if (!push_dir(w, path, rel))
					note(w, path, strerror(errno));
			} else if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
				/* Following linked folders could loop forever. */
				note(w, path, "skipped: link to a folder");
			} else if (S_ISREG(st.st_mode)) {
				*in = (struct input){path, rel, false, w->notes};
				w->notes = NULL;
				return true;
			} else {
				note(w, path, "skipped: not a regular file");
			}
			free(path);
			free(rel);
			continue;
		}
		if (w->argi == w->nargs)
			return false;
		const char *a = w->args[w->argi++];
		struct stat st;
		if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!push_dir(w, a, ""))
				note(w, a, strerror(errno));
			continue;
		}
		in->path = strdup(a);
		in->rel = strdup(base_name(a));
		if (!in->path || !in->rel)
			abort();
		in->explicit = true;
		in->notes = w->notes;
		w->notes = NULL;
		return true;
	}
}

static void walk_free(struct walker *w)
{
	while (w->depth)
		pop_dir(w);
	free(w->stack);
}

bool cli_batch_wanted(char **inputs, size_t n)
{
	if (n > 1)
		return true;
	struct stat st;
	return n == 1 && strcmp(inputs[0], "-") != 0 && stat(inputs[0], &st) == 0 &&
	       S_ISDIR(st.st_mode);
}

/* ---- one file ---- */

enum { SLOT_FREE, SLOT_PENDING, SLOT_DONE };

struct slot {
	int state;
	struct input in;
	mailprof_status st;
	bool skipped;         /* found in a folder, not a profile: only a note */
	mailprof_profile *p;
	mailprof_diags *d;
	char *out;            /* convert: output path */
	size_t out_len;       /* convert: bytes emitted */
	int werr;             /* convert: errno of writing, 0 when written */
	struct claim *claim;  /* convert: the output name's entry */
	size_t turn;          /* convert: rank among the inputs claiming that name */
	const char *clash;    /* convert: the earlier input that took the name */
};

/* Per-worker scratch, reused from file to file. */
struct scratch {
	char *buf;
	size_t cap;
};

static int read_all(const char *path, struct scratch *s, size_t *len)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	size_t n = 0;
	int err = 0;
	for (;;) {
		if (s->cap - n < 4096) {
			s->cap = s->cap ? s->cap * 2 : 65536;
			s->buf = realloc(s->buf, s->cap);
			if (!s->buf)
				abort();
		}
		ssize_t r = read(fd, s->buf + n, s->cap - n - 1);
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

/* OUTDIR/<rel with its extension replaced by ext>. */
static char *output_name(const char *outdir, const char *rel, const char *exts)
{
	size_t el = strcspn(exts ? exts : "", " ");
	const char *base = base_name(rel);
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
	char *r = malloc(strlen(outdir) + stem + el + 2);
	if (!r)
		abort();
	size_t ol = strlen(outdir);
	memcpy(r, outdir, ol);
	if (ol && outdir[ol - 1] != '/')
		r[ol++] = '/';
	memcpy(r + ol, rel, stem);
	memcpy(r + ol + stem, exts, el);
	r[ol + stem + el] = '\0';
	return r;
}

/* mkdir -p for the folders above path (not path itself). */
static int make_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		int err = mkdir(path, 0777) != 0 && errno != EEXIST ? errno : 0;
		struct stat st;
		if (!err && stat(path, &st) != 0)
			err = errno;
		else if (!err && !S_ISDIR(st.st_mode))
			err = ENOTDIR;
		*s = '/';
		if (err)
			return err;
	}
	return 0;
}


/* ---- output names: one input per output file ----
 * Outputs mirror the input tree under OUTDIR, so two inputs can still map to
 * one name (a/x.xml and a/x.ini; two folder arguments; files named from
 * different folders). The name goes to the first of them in walk order that
 * has something to write; the later ones fail. Claims are taken in walk order
 * (each input gets its turn for its name); a worker waits only for the earlier
 * claimants of its own name, so writes stay parallel and the winner does not
 * depend on -j. */

struct claim {
	char *name;
	size_t claims; /* inputs that map to this name so far */
	size_t turn;   /* the claimant whose outcome is next to be settled */
	char *owner;   /* input that writes the file, once settled */
};

struct claims {
	pthread_mutex_t mu;
	pthread_cond_t turn;
	struct claim **v; /* open addressing, power-of-two size */
	size_t n, cap;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct claim **claims_slot(struct claim **v, size_t cap, const char *name)
{
	size_t i = (size_t)hash_str(name) & (cap - 1);
	while (v[i] && strcmp(v[i]->name, name) != 0)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* Register one more claimant of name (walker thread, in walk order). */
static struct claim *claims_take(struct claims *c, const char *name, size_t *turn)
{
	pthread_mutex_lock(&c->mu);
	if (2 * (c->n + 1) > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct claim **v = calloc(cap, sizeof *v);
		if (!v)
			abort();
		for (size_t i = 0; i < c->cap; i++)
			if (c->v[i])
				*claims_slot(v, cap, c->v[i]->name) = c->v[i];
		free(c->v);
		c->v = v;
		c->cap = cap;
	}
	struct claim **slot = claims_slot(c->v, c->cap, name);
	if (!*slot) {
		*slot = calloc(1, sizeof **slot);
		if (!*slot || !((*slot)->name = strdup(name)))
			abort();
		c->n++;
	}
	struct claim *e = *slot;
	*turn = e->claims++;
	pthread_mutex_unlock(&c->mu);
	return e;
}

/* Settle this claimant's outcome once the earlier ones are settled: with
 * something to write, it takes the name unless an earlier one has. Returns
 * the earlier owner's path, or NULL when the name is this input's. */
static const char *claims_settle(struct claims *c, struct claim *e, size_t turn, bool writes,
                                 const char *path)
{
	pthread_mutex_lock(&c->mu);
	while (e->turn != turn)
		pthread_cond_wait(&c->turn, &c->mu);
	const char *owner = e->owner;
	if (!owner && writes && !(e->owner = strdup(path)))
		abort();
	e->turn++;
	pthread_cond_broadcast(&c->turn);
	pthread_mutex_unlock(&c->mu);
	return owner;
}

static void claims_free(struct claims *c)
{
	for (size_t i = 0; i < c->cap; i++)
		if (c->v[i]) {
			free(c->v[i]->name);
			free(c->v[i]->owner);
			free(c->v[i]);
		}
	free(c->v);
}

static void process_one(const struct cli_batch_opts *o, struct slot *s, struct scratch *scr,
                        char **out);

/* Process one input; for convert, settle its output name and write. */
static void process(const struct cli_batch_opts *o, struct claims *c, struct slot *s,
                    struct scratch *scr)
{
	char *out = NULL;
	process_one(o, s, scr, &out);
	if (!s->claim)
		return;
	bool writes = out != NULL;
	s->clash = claims_settle(c, s->claim, s->turn, writes, s->in.path);
	if (!writes || s->clash) {
		free(out);
		return;
	}
	if (!o->dry_run) {
		s->werr = make_parents(s->out);
		if (!s->werr)
			s->werr = cli_write_atomic(s->out, out, s->out_len, o->opt->include_secrets != 0,
			                           o->force);
	} else if (!o->force && access(s->out, F_OK) == 0) {
		s->werr = EEXIST;
	}
	free(out);
}

/* Read, sniff, parse, check and (convert) emit into *out. */
static void process_one(const struct cli_batch_opts *o, struct slot *s, struct scratch *scr,
                        char **out)
{
	s->p = mailprof_profile_new();
	s->d = mailprof_diags_new();
	size_t len = 0;
	int err = read_all(s->in.path, scr, &len);
	if (err) {
		/* Let the library say it, so the finding is like any other. */
		mailprof_status st = mailprof_parse_file(s->p, s->in.path, o->from, o->opt, s->d);
		s->st = st == MAILPROF_OK ? MAILPROF_ERR_IO : st;
		return;
	}
	const char *fmt = o->from;
	if (!s->in.explicit) {
		/* Content decides what a folder's file is; its name does not. */
		const char *sniffed = mailprof_format_detect(scr->buf, len, NULL);
		if (!sniffed) {
			s->skipped = true;
			return;
		}
		if (!fmt)
			fmt = sniffed; /* sniff once, not again in mailprof_parse */
	}
	s->st = mailprof_parse(s->p, scr->buf, len, s->in.path, fmt, o->opt, s->d);
	if (s->st != MAILPROF_OK)
		return;
	if (o->to && o->fix)
		mailprof_fix(s->p, s->d);
	if (o->cfg && (!o->to || o->check))
		mailprof_check_with(s->p, o->cfg, s->d);
	if (!o->to)
		return;
	mailprof_status st = mailprof_emit(s->p, o->to, o->opt, out, &s->out_len, s->d);
	if (st != MAILPROF_OK) {
		free(*out);
		*out = NULL;
		s->st = st;
	}
}

/* Convert: name the input's output and queue it for that name (walk order). */
static void claim_output(const struct cli_batch_opts *o, struct claims *c, struct slot *s)
{
	if (!o->to)
		return;
	s->out = output_name(o->outdir, s->in.rel, mailprof_format_extensions(o->to));
	s->claim = claims_take(c, s->out, &s->turn);
}

static void slot_clear(struct slot *s)
{
	free(s->in.path);
	free(s->in.rel);
	free(s->in.notes);
	free(s->out);
	mailprof_profile_free(s->p);
	mailprof_diags_free(s->d);
	*s = (struct slot){0};
}

/* ---- in-order reporting ---- */

static bool want_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && !(nc && *nc);
}

struct run {
	const struct cli_batch_opts *o;
	struct claims claims;
	mailprof_batch *batch;
	struct cli_summary sum;
	size_t skipped;
	int rc;
	bool progress; /* a progress line is on screen */
	struct timespec last;
	bool tty, stdout_tty;
};

static void progress_clear(struct run *r)
{
	if (r->progress) {
		fputs("\r\033[K", stderr);
		r->progress = false;
	}
}

static void progress_show(struct run *r, const char *path)
{
	if (!r->tty)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - r->last.tv_sec) * 1000 + (now.tv_nsec - r->last.tv_nsec) / 1000000;
	if (ms < 100)
		return;
	r->last = now;
	fprintf(stderr, "\r\033[K%zu files, %zu failed: %.60s", r->sum.files, r->sum.failures, path);
	fflush(stderr);
	r->progress = true;
}

static void finish(struct run *r, struct slot *s)
{
	const struct cli_batch_opts *o = r->o;
	if (s->in.notes) {
		progress_clear(r);
		fputs(s->in.notes, stderr);
	}
	if (s->skipped) {
		r->skipped++;
		if (!o->quiet) {
			progress_clear(r);
			fprintf(stderr, "%s: %s: skipped: not a known profile format\n", prog, s->in.path);
		}
		return;
	}
	/* Cross-file findings need every earlier file: only here, in order. */
	if (s->st == MAILPROF_OK && r->batch)
		mailprof_batch_add(r->batch, s->p, s->d);
	mailprof_diags_sort(s->d);
	size_t nd = mailprof_diags_count(s->d);
	for (size_t k = 0; k < nd; k++)
		r->sum.by_severity[mailprof_diags_get(s->d, k)->severity]++;
	if (o->cfg && (!o->to || o->check) && mailprof_diags_worst(s->d) >= o->fail_on)
		r->rc = EXIT_FINDINGS;
	size_t accounts = mailprof_profile_account_count(s->p);
	if (o->rep) {
		struct cli_file_result res = {s->in.path, s->st, s->d, accounts};
		/* Only when stdout shares the terminal; else the line would flicker. */
		if (r->stdout_tty)
			progress_clear(r);
		o->rep->file(stdout, &res, r->sum.files);
	} else if (nd) {
		progress_clear(r);
		bool color = want_color(stderr);
		for (size_t k = 0; k < nd; k++)
			cli_print_diag(stderr, mailprof_diags_get(s->d, k), s->in.path, color);
	}
	r->sum.files++;
	r->sum.accounts += accounts;
	bool failed = s->st != MAILPROF_OK || (o->to && (s->werr || s->clash));
	if (failed) {
		r->sum.failures++;
		progress_clear(r);
		if (s->st != MAILPROF_OK)
			fprintf(stderr, "%s: %s: %s\n", prog, s->in.path, mailprof_strerror(s->st));
		else if (s->clash)
			fprintf(stderr, "%s: %s: not written: %s is already the output of %s\n", prog,
			        s->in.path, s->out, s->clash);
		else if (s->werr == EEXIST)
			fprintf(stderr, "%s: %s: exists (use --force to replace it)\n", prog, s->out);
		else
			fprintf(stderr, "%s: %s: %s\n", prog, s->out, strerror(s->werr));
	} else if (o->to && o->dry_run) {
		printf("would write %s (%zu bytes%s)\n", s->out, s->out_len,
		       o->opt->include_secrets ? ", mode 0600" : "");
	}
	progress_show(r, s->in.path);
}

/* ---- workers ---- */

struct pool {
	const struct cli_batch_opts *o;
	struct claims *claims;
	pthread_mutex_t mu;
	pthread_cond_t work; /* a slot became pending, or the run ends */
	pthread_cond_t done; /* the slot the reporter waits for is done */
	struct slot *slots;
	size_t window;
	size_t next_in;   /* inputs handed out so far */
	size_t next_take; /* inputs taken by workers */
	size_t next_out;  /* inputs reported so far */
	bool end;
};

static void *worker(void *arg)
{
	struct pool *pl = arg;
	struct scratch scr = {0};
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (pl->next_take == pl->next_in && !pl->end)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->next_take == pl->next_in)
			break;
		size_t i = pl->next_take++;
		struct slot *s = &pl->slots[i % pl->window];
		pthread_mutex_unlock(&pl->mu);
		process(pl->o, pl->claims, s, &scr);
		pthread_mutex_lock(&pl->mu);
		s->state = SLOT_DONE;
		if (i == pl->next_out)
			pthread_cond_signal(&pl->done);
	}
	pthread_mutex_unlock(&pl->mu);
	free(scr.buf);
	return NULL;
}

static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

static void run_serial(struct run *r, struct walker *w)
{
	struct scratch scr = {0};
	struct slot s = {0};
	while (walk_next(w, &s.in)) {
		claim_output(r->o, &r->claims, &s);
		process(r->o, &r->claims, &s, &scr);
		finish(r, &s);
		slot_clear(&s);
	}
	free(scr.buf);
}

static void run_parallel(struct run *r, struct walker *w, size_t jobs)
{
	struct pool pl = {.o = r->o, .claims = &r->claims, .window = jobs * 4};
	pl.slots = calloc(pl.window, sizeof *pl.slots);
	pthread_t *th = calloc(jobs, sizeof *th);
	if (!pl.slots || !th)
		abort();
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.work, NULL);
	pthread_cond_init(&pl.done, NULL);
	size_t started = 0;
	for (; started < jobs; started++)
		if (pthread_create(&th[started], NULL, worker, &pl) != 0)
			break;
	if (!started) {
		/* No thread to be had: do the work here rather than fail. */
		run_serial(r, w);
	} else {
		bool more = true;
		pthread_mutex_lock(&pl.mu);
		for (;;) {
			/* Report what is done, in order. */
			struct slot *s = &pl.slots[pl.next_out % pl.window];
			if (pl.next_out < pl.next_in && s->state == SLOT_DONE) {
				pthread_mutex_unlock(&pl.mu);
				finish(r, s);
				slot_clear(s);
				pthread_mutex_lock(&pl.mu);
				pl.next_out++;
				continue;
			}
			/* Keep the window full. The walker runs outside the lock. */
			if (more && pl.next_in - pl.next_out < pl.window) {
				struct input in;
				pthread_mutex_unlock(&pl.mu);
				more = walk_next(w, &in);
				pthread_mutex_lock(&pl.mu);
				if (more) {
					struct slot *t = &pl.slots[pl.next_in % pl.window];
					t->in = in;
					claim_output(r->o, &r->claims, t);
					t->state = SLOT_PENDING;
					pl.next_in++;
					pthread_cond_signal(&pl.work);
				}
				continue;
			}
			if (!more && pl.next_out == pl.next_in)
				break;
			pthread_cond_wait(&pl.done, &pl.mu);
		}
		pl.end = true;
		pthread_cond_broadcast(&pl.work);
		pthread_mutex_unlock(&pl.mu);
		for (size_t i = 0; i < started; i++)
			pthread_join(th[i], NULL);
	}
	pthread_cond_destroy(&pl.done);
	pthread_cond_destroy(&pl.work);
	pthread_mutex_destroy(&pl.mu);
	free(pl.slots);
	free(th);
}

int cli_batch_run(const struct cli_batch_opts *o, char **inputs, size_t n)
{
	struct run r = {.o = o, .rc = EXIT_CLEAN};
	pthread_mutex_init(&r.claims.mu, NULL);
	pthread_cond_init(&r.claims.turn, NULL);
	r.tty = !o->quiet && isatty(2);
	r.stdout_tty = r.tty && isatty(1);
	clock_gettime(CLOCK_MONOTONIC, &r.last);
	if (o->cfg && (!o->to || o->check))
		r.batch = mailprof_batch_new(o->cfg);
	struct walker w = {.args = inputs, .nargs = n, .o = o};
	long jobs = o->jobs > 0 ? o->jobs : default_jobs();
	if (o->rep)
		o->rep->begin(stdout);
	if (jobs <= 1)
		run_serial(&r, &w);
	else
		run_parallel(&r, &w, (size_t)jobs);
	progress_clear(&r);
	if (w.notes)
		fputs(w.notes, stderr);
	free(w.notes);
	if (o->rep)
		o->rep->end(stdout, &r.sum);
	fflush(stdout);
	walk_free(&w);
	mailprof_batch_free(r.batch);
	claims_free(&r.claims);
	pthread_cond_destroy(&r.claims.turn);
	pthread_mutex_destroy(&r.claims.mu);
	if (o->summary) {
		fprintf(stderr,
		        "%s: %zu file%s, %zu account%s, %zu error%s, %zu warning%s, %zu info, "
		        "%zu failed, %zu skipped\n",
		        prog, r.sum.files, r.sum.files == 1 ? "" : "s", r.sum.accounts,
		        r.sum.accounts == 1 ? "" : "s", r.sum.by_severity[MAILPROF_ERROR],
		        r.sum.by_severity[MAILPROF_ERROR] == 1 ? "" : "s",
		        r.sum.by_severity[MAILPROF_WARNING],
		        r.sum.by_severity[MAILPROF_WARNING] == 1 ? "" : "s",
		        r.sum.by_severity[MAILPROF_INFO], r.sum.failures, r.skipped);
	}
	return r.sum.failures ? EXIT_USAGE : r.rc;
}
