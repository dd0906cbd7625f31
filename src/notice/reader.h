/* Internal to the reader without a template (extract.c and its stages:
 * values.c, segment.c, attach.c, prose.c, fill.c, resolve.c): the drafts being
 * filled and the state of one read. Not used by templates. */
#ifndef MP_NOTICE_READER_H
#define MP_NOTICE_READER_H

#include "notice.h"

enum { S_IMAP, S_POP, S_SMTP, S_N };
static const mp_protocol sproto[S_N] = {MP_PROTO_IMAP, MP_PROTO_POP3, MP_PROTO_SMTP};
/* The server a protocol context names (S_IMAP, S_POP, S_SMTP), else -1. */
static inline int nr_srv_of(enum mp_nctx c)
{
	return c == NC_IMAP ? S_IMAP : c == NC_POP ? S_POP : c == NC_SMTP ? S_SMTP : -1;
}
/* The protocol context of server srv (S_IMAP, S_POP or S_SMTP). */
static inline enum mp_nctx nr_ctx_of(int srv)
{
	return srv == S_IMAP ? NC_IMAP : srv == S_POP ? NC_POP : NC_SMTP;
}
/* The protocol a port is registered for (993, 143: IMAP; 995, 110: POP3;
 * 465, 587, 25: SMTP) as a context, else NC_NONE (values.c). */
enum mp_nctx nr_port_ctx(int port);

enum word { W_NONE, W_EMAIL, W_LOCAL };
enum secw { SW_NONE = -1 }; /* else mp_security; SW_TLS_AMBIG below */
#define SW_TLS_AMBIG 100    /* bare "TLS": STARTTLS or implicit TLS, decided by port */
/* sec, a bare TLS decided by the port: implicit TLS on 465, 993 and 995,
 * else STARTTLS (values.c). */
int nr_sec_for_port(int sec, int port);

struct dsrv {
	mp_str host;
	char *host_tpl; /* "mail." of "mail.お客様ドメイン名": completed with the address domain */
	mp_int port, sec;
	int auth; /* -1 unset, else mp_auth */
	mailprof_loc auth_loc;
	mp_str user, pass;
	int host_note; /* "pop.example.jp ※1": footnote 1 may name the SSL host */
	bool host_in;  /* the host's label said "incoming", naming no protocol */
	int mauth[2], nmauth; /* the methods of the port-matrix row chosen */
	int said_method; /* -1, or the login method a sentence names for it (prose.c) */
	int own_method;  /* -1, or the login method a row of its own block states ("Authentication: Normal password") */
	bool access;     /* its host's label named a way of reaching it (x->label_access) */
	bool host_held;  /* its host was a placeholder, dropped: the server stays offered */
	int pref;        /* its port's own words: 1 preferred ("recommended"), -1 discouraged, 0 neither */
	mp_int alt_port, alt_sec; /* the best port offered and not taken (a refused port gives way to it) */
	enum mp_nctx host_same; /* "the same as the incoming server": the server whose host it shares */
	bool stated;     /* a server's label gave its protocol for a host ("Outgoing: SMTP") or an example: offered */
	int alt_pref;    /* the runner-up's own words, as pref ("if that fails, try 465": -1) */
	mp_int st_port;  /* the last port a security row gave STARTTLS ("Port: 143 / Encryption: STARTTLS"):
	                    a page preferring STARTTLS takes it back from a TLS port offered later (resolve.c) */
};

/* A server offered beside another of its protocol (docs/notice-reader.md
 * § Alternative servers): a second host for one protocol that the notice
 * offers as an alternative, not a conflict. */
enum { NR_MAX_ALT = 64 }; /* alternatives an account holds: more is hostile input */
struct dalt {
	int srv;     /* S_IMAP, S_POP or S_SMTP */
	bool shares; /* named in one "or" list: what one states holds for all */
	struct dsrv s;
};

struct dacc {
	mp_str email, name, login, pass, any_host;
	bool email_prose; /* the address was read in a sentence ("mail sent to the address of …") */
	bool any_named; /* any_host's label named several servers ("POP, IMAP and SMTP") */
	enum word login_word;
	mailprof_loc login_loc;
	struct dsrv s[S_N]; /* the server of each protocol being filled: the last offered */
	struct dalt *alt;   /* the alternatives offered before it, in page order; grows */
	size_t nalt;
	bool alt_full; /* NR_MAX_ALT reached (reported once) */
	bool in_both; /* "Server type: IMAP or POP": both offered, on one host */
	/* in_both said only by a server's label naming both, its value lost
	 * ("POP/IMAPサーバー名"): one set of values, not an offer of each
	 * (nr_offered weighs it) */
	bool both_label;
	int in_pref; /* -1, S_IMAP or S_POP */
	int method;  /* -1, or MP_AUTH_PASSWORD_CLEARTEXT / _ENCRYPTED */
	int in_method; /* the same, stated for the incoming servers */
	mp_int in_sec; /* a security stated in an incoming section before its servers */
	mp_str brand; /* the plain heading above the block's first host */
	int group;    /* >0: one of several providers' blocks in one notice */
	int bseq;     /* the provider heading the block was read under (ex.bseq), 0 none */
	bool skip;    /* a provider block for other addresses */
};

struct mentry {
	int srv;
	int port;
	int sec; /* -1 unknown */
	int rank; /* a column of a security matrix: the more secure wins */
	bool weak; /* listed under "Supported but discouraged", "非推奨" */
	int pref;  /* the port's own words prefer it (1) or discourage it (-1) */
	int auth[2]; /* the row's login methods in the order named ("APOP,PLAIN"): */
	int nauth;   /* mp_auth values, each at most once, so two at most */
	int bseq;    /* the provider heading it was read under (ex.bseq), 0 none */
	/* a protocol named in passing ("a POP/IMAP client program", "legacy
	 * protocols like pop3, imap4"): offers its server only when the page
	 * gives the other incoming server nothing of its own (nr_offered) */
	bool passing;
	size_t off;  /* where on its line it was read (bytes) */
	mailprof_loc loc;
};

/* "@ji.example.jp のお客様は pop02.example.jp": servers for one address domain. */
struct drule {
	char *domain;
	int srv;
	mp_str host;
	mp_int port, sec;
};

struct ex {
	const char *path;
	mailprof_diags *d;
	struct dacc *acc;
	size_t nacc;
	enum mp_nctx ctx;
	/* the direction a label itself named last since the heading ("Outgoing
	 * server:" under an "IMAP" heading): where unlabelled rows go next */
	enum mp_nctx named;
	int cur; /* server index last touched, -1 none */
	int prev_srv; /* the server of the section before the current heading */
	int vproto;   /* a table flattened one cell per line: the protocol above */
	int title_in; /* the one incoming protocol the first line names, or -1 */
	bool titled;  /* the first non-empty line was seen */
	bool vtls;
	struct mentry *mx; /* grows */
	size_t nmx;
	bool mx_full; /* NR_MX_MAX reached: said once */
	enum mp_nfield pending;
	enum mp_nctx pending_dir;
	bool pending_ssl; /* the pending label names SSL ("SSL:" over "Yes") */
	bool pending_ways; /* the pending host label names both ways ("The IMAP and SMTP server addresses are:") */
	int pending_sec;  /* a pending port label's security ("… and the secure port" / "993."), -1 */
	int pending_blank; /* blank lines since the label announcing a value */
	int split_depth;   /* bracketed pairs of one line read as lines of their own */
	enum mp_nctx asked; /* the one server the last question ("Q. What is the POP server?") named */
	/* lines before it are a | block the table model did not take, read line
	 * by line: no table starts inside it (a long block stays linear) */
	size_t table_end;
	bool auth_hint, note587, pbs_hint;
	/* a line says POP before SMTP ended or was replaced ("has terminated
	 * POP before SMTP", "POP before SMTPに代わり"): it is not offered
	 * beside a login */
	bool pbs_ended;
	/* POP before SMTP told in a sentence, not only a list's cell
	 * ("POPbeforeSMTP(25/587)" beside "SMTP AUTH+TLS"): offered as a way */
	bool pbs_sentence;
	/* some line of the page names IMAP at all: POP before SMTP then does not
	 * imply the page's incoming server is POP3 (nr_offered) */
	bool imap_said;
	/* some line names a host (an example's, a template's too): the page
	 * tells its servers, nothing is implied of them (nr_offered) */
	bool host_said;
	int note_port; /* the port the submission note names (587, or an unregistered one listed before it) */
	mailprof_loc auth_hint_loc, note587_loc, pbs_loc;
	/* a later clause turns the login off ("untick SMTP authentication and
	 * use your ISP's server instead"): servers named below it are read
	 * without auth_hint (0: none) */
	int auth_off_line;
	/* a sentence says how mail is sent (SMTP-AUTH, the submission port,
	 * POP before SMTP): the notice offers an SMTP server, maybe without host */
	bool send_prose;
	mailprof_loc send_loc;
	/* sending goes through the reader's own provider ("your ISP's SMTP
	 * server"): a hostless SMTP server takes none of the page's general
	 * security, which is the page's own servers' */
	bool send_isp;
	bool discouraged; /* the lines since a "discouraged" title until a "preferred" one */
	int *refused;     /* ports the notice says are blocked or not to be used ("port 25 is blocked"); grows */
	size_t nrefused;
	bool refused_full; /* NR_MAX_REFUSED reached: said once */
	int title_sec; /* "Secure SSL/TLS Settings", "Non-SSL Settings": the ports' security, -1 */
	bool both_in; /* the host or port label names POP and IMAP: one value for both */
	bool head_both; /* the section heading names POP and IMAP ("Incoming (POP/IMAP):") */
	bool head_ways; /* ... or an incoming and the outgoing server ("Incoming/Outgoing Settings") */
	bool host_head; /* the section was named by a host alone on its line (lone_named_host) */
	mp_int gen_sec; /* "Devices need to be set to use SSL/TLS": every server's */
	bool gen_sec_pref; /* its sentence prefers it ("We recommend STARTTLS"): a port of that security wins */
	const mp_nline *told_sec; /* the line whose instruction gave one server its security ("Use SSL") */
	char **fill_in;  /* hosts a note says to replace ("replace example.com with…"); grows */
	size_t nfill_in;
	bool fill_in_full; /* NR_MAX_FILL_IN reached: said once */
	/* an example person's values a page declares ("例として、ユーザーIDが「user」…"); grows */
	char **examples;
	size_t nexamples;
	bool examples_full; /* NR_MAX_EXAMPLES reached: said once */
	bool example_goes_on; /* the sentence declaring the example person goes on to the next line */
	int example_block;    /* 1: a line announced an example's settings ("For example, … will have the
	                       * following settings:"), 2: its lines are being read; a blank line ends it */
	/* local parts shown with three domains or more ("taro@a.jp",
	 * "taro@b.jp", "taro@c.jp"): forms of an address, examples; grows */
	char **forms;
	size_t nforms;
	mp_str prose_email; /* "Your email address is …" in a sentence */
	/* a table aligned with spaces: header cells' columns and fields */
	int *scol;
	enum mp_nfield *sfield;
	size_t nscol;
	/* ... or turned over: header cells naming servers, one per column */
	enum mp_nctx *sctx;
	size_t nsctx;
	/* a port matrix whose columns are security modes ("SSL/TLS  STARTTLS  None") */
	int *mcol, *msec;
	size_t nmcol;
	struct drule *rules; /* grows */
	size_t nrules;
	/* cells of the line being split (table cells, space-aligned cells):
	 * as many as the line holds, no fixed bound */
	size_t *cb, *ce;
	enum mp_nfield *cf;
	size_t ccap;
	const mp_nline *now; /* the line being read */
	const mp_nline *above; /* the line read before it (a sentence wrapped onto the next line) */
	mp_str brand;        /* the last plain heading ("PLANET", "Kiwi Internet") */
	bool brand_seen;     /* a plain heading since a host was last set */
	bool brand_own;      /* that heading names an address domain ("@med.…"): its own mailboxes */
	/* the hosts at hand are alternatives of the servers the draft names:
	 * the row or block of another group of one organisation (a mailstore,
	 * a campus: hosts in the same registrable domain), or an "or" list */
	bool alt_group, alt_or;
	/* ... the row of one provider's other way of connecting ("Carambole
	 * ADSL" / "Carambole, dial-up"): its hosts of any site are alternatives */
	bool alt_access;
	/* the label of the pair being read names a way of reaching its
	 * server ("off campus", "SMTP AUTH server"): a second host of the
	 * site for a server so named is an alternative */
	bool label_access, label_auth; /* (label_auth: that way is logging in, "SMTP AUTH server") */
	int bseq, nbseq;     /* the provider heading the lines are under (0 none), of nbseq so far */
	enum mp_nctx list_ctx; /* a list title's server ("SMTP servers of common providers"): kept under its providers' headings */
	int ngroups;
	char *rule_cont; /* domain of a rule sentence that goes on to the next line */
	enum word prose_login; /* "Log in with your full e-mail address" */
	mailprof_loc prose_login_loc;
	/* footnotes "※1 …" by number, read before the rows; a mark is one
	 * digit (read_notes, parse_port), so 10 slots hold every one */
	char *notes[10];
	/* a `|` row of one port label and several ports, or of one security
	 * label and several modes: the row next to it pairs them (attach.c) */
	const mp_nline *orow_l;
	enum mp_nfield orow_f;
	enum mp_nctx orow_ctx;
	int orow_v[8];
	size_t norow;
	const mp_nline *note_line[10];
	size_t note_off[10]; /* where notes[N] starts in note_line[N] */
};

/* ---- unglue.c: cells run together cut apart ---- */
/* Cuts runs of text where a label meets a value with nothing between
 * ("Account TypeIMAP", "Port993"), in place, columns kept. */
void nr_unglue(mp_ntext *t);
/* segment.c: a prose sentence wrapped across lines made one line (each
 * byte keeps its line and column), line-based layouts left alone. */
void nr_join_wrapped(mp_ntext *t);
/* segment.c: a label alone on its line and the value on the line just
 * below it made one "Label: value" line. */
void nr_join_label_value(mp_ntext *t);

/* ---- values.c: what a piece of text is ---- */
/* Types of value found before any label is looked at. */
enum nr_vtype { NV_NONE, NV_EMAIL, NV_HOST, NV_PORT, NV_SEC, NV_YESNO, NV_TOKEN };
enum nr_vtype nr_typed_value(const char *s, size_t i, size_t n, bool after_sep, size_t *vb, size_t *ve);
/* Can a label of field f take a value of type v? */
bool nr_field_takes(enum mp_nfield f, enum nr_vtype v);
bool nr_has(const char *s, size_t n, const char *w);
/* Does s hold any word of the NULL-ended list (case-insensitive)? */
bool nr_has_any(const char *s, size_t n, const char *const *list);
bool nr_gives_example(const char *s, size_t n);
bool nr_example_lead(const char *s, size_t n);
bool nr_names_isp(const char *s, size_t n);
/* Does a word start at s[i] (i > 0): after a space, a bracket, or Japanese text? */
bool nr_word_start(const char *s, size_t i);
/* Is every "if" of s the mail program asking ("if prompted"), not a condition? */
bool nr_prompt_only(const char *s, size_t n);
/* Is the word just before vb (spaces skipped, not before pv) one of
 * words (case-insensitive)? *w: where it starts, matched or not. */
bool nr_word_before(const char *s, size_t pv, size_t vb, const char *const *words, size_t *w);
bool nr_is_ascii_tok(const char *s, size_t n);
/* The length of the first word of list s[0, n) starts with, 0 if none;
 * _ci: ASCII letters in any case. */
size_t nr_starts_any(const char *s, size_t n, const char *const *list);
size_t nr_starts_any_ci(const char *s, size_t n, const char *const *list);
size_t nr_token_len(const char *s, size_t n);
bool nr_valid_email(const char *s, size_t n);
/* a local part naming what goes there ("username", "name.surname", "xxx") */
bool nr_placeholder_local(const char *s, size_t n);
/* "Your", "yourfullemailaddress", "My": a login or password value that
 * describes whose it is (the sentence goes on), not the value itself. */
bool nr_possessive(const char *s, size_t n);
bool nr_not_a_value(const char *s, size_t n);
bool nr_valid_host(const char *s, size_t n);
/* A host name to fill in ("mail.yourdomain.com"): a template, no host. */
bool nr_template_host(const char *s, size_t n);
bool nr_parse_port(const char *s, size_t n, int *port, int *sec, size_t *at, int *mark);
int nr_parse_security(const char *s, size_t n);
/* The security words of a span of prose ("with SSL", "secure"), -1 none. */
int nr_span_sec(const char *s, size_t n);
bool nr_secure_name(const char *s, size_t n);
int nr_sentence_sec(const char *s, size_t n);
/* segment.c: the end of the first sentence of s[0, n) when another follows, else n. */
size_t nr_first_sentence(const char *s, size_t n);
size_t nr_oauth_at(const char *s, size_t n);
enum mp_nctx nr_host_ctx(const char *h, size_t n);
/* Does a label or heading name both incoming protocols and not sending
 * ("Incoming Server (POP3/IMAP)", "POP or IMAP server")? */
bool nr_names_both_in(const char *s, size_t n);
/* Does s name an incoming and the outgoing server both ("POP, IMAP and SMTP")? */
bool nr_names_both_ways(const char *s, size_t n);
int nr_parse_yesno_auth(const char *s, size_t n);
bool nr_yes_of_login(const char *s, size_t n);
int nr_mechanism(const char *s, size_t n);
/* The first login method s names (mp_auth) and where (*at), -1 and n
 * when none (a method row's value; sentences keep their own words). */
int nr_method_at(const char *s, size_t n, size_t *at);
int nr_yesno_auth_lead(const char *s, size_t n, size_t *lead);
bool nr_as_incoming(const char *s, size_t n);
enum mp_nctx nr_same_server(const char *s, size_t n, size_t *tb, size_t *te);
size_t nr_yes_then_mechanism(const char *s, size_t n);
enum word nr_parse_word(const char *s, size_t n);
void nr_password_token(const mp_nline *l, size_t off, const char *s, size_t n, mp_buf *out,
		bool *fullwidth);
bool nr_all_digits(const char *s, size_t n);
int nr_preference(const char *s, size_t n);
/* Is the whole of s one value of the type field f takes? */
bool nr_value_is(enum mp_nfield f, const char *s, size_t n);
/* A cell holding a pair of its own ("Port: 993", "Incoming (IMAP): imap.…"). */
bool nr_pair_cell(const char *s, size_t b, size_t e);
/* Where an SMTP-AUTH statement starts in a value, n when none. */
size_t nr_auth_statement(const char *s, size_t n);
/* Does a clause naming a login state none (a question, a case, SPF, 2FA, an error)? */
bool nr_auth_not_stated(const char *c, size_t cn);
/* Rank of a port's security when several are offered for one server. */
int nr_sec_rank(int sec);
/* Ports listed after a port word, each with its own security. */
size_t nr_port_list(const char *s, size_t n, int *port, int *sec, size_t *at, size_t max);
size_t nr_skip_sp(const char *s, size_t i, size_t n);
/* The first " - " (a label's remark, a name's value) starting at most lim
 * bytes after b and ending by e; e when there is none. */
size_t nr_find_dash(const char *s, size_t b, size_t e, size_t lim);
size_t nr_matrix(struct ex *x, const mp_nline *l, const char *s, size_t n, size_t base);
/* A port number at s[i]: digits not glued to letters, a size, a date or a time. */
bool nr_port_at(const char *s, size_t i, size_t n, int *port);
/* an alternative port on the client's ability, TLS said beside it: its security, else -1 */
int nr_better_port(const char *s, size_t pv, size_t vb, size_t ve, size_t n, int before);
enum { NR_MX_MAX = 512 };
void nr_mx_add(struct ex *x, const mp_nline *l, size_t off, int srv, int port, int sec);
bool nr_mx_of(const struct mentry *e, const struct dacc *a);

/* ---- segment.c: labels, separators, cells ---- */
void nr_cells_room(struct ex *x, size_t need);
size_t nr_strip_lead(const char *s, size_t n, bool *marked);
void nr_trim_label(const char *s, size_t *b, size_t *e);
/* Quotes around a value ("smtp.example.com", 'x'): [*b, *e) inside them. */
void nr_trim_quotes(const char *s, size_t *b, size_t *e);
bool nr_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb);
/* A dash separator ("-", "--", "->" and a space) at s[i]: its end, else i. */
size_t nr_dash_sep(const char *s, size_t i, size_t n);
bool nr_bracket_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb);
bool nr_word_split(const char *s, size_t b, size_t n, size_t *le, size_t *vb);
bool nr_is_prose(const char *s, size_t n);
size_t nr_space_cells(struct ex *x, const char *s, size_t b, size_t n);
void nr_read_notes(struct ex *x, const mp_ntext *t);
void nr_read_forms(struct ex *x, const mp_ntext *t);
void nr_read_fill_in(struct ex *x, const mp_ntext *t);
/* Every value is compared with each fill-in host and example value, and
 * every port with each refused one: a page holds a few; more is hostile
 * input, stopped with one notice-unused finding. */
enum { NR_MAX_FILL_IN = 32, NR_MAX_EXAMPLES = 64, NR_MAX_REFUSED = 64 };
/* Host h (hn bytes) is one to replace (a fill-in), unless known already
 * (off on line l: where the finding points when the list is full). */
void nr_add_fill_in(struct ex *x, const mp_nline *l, size_t off, const char *h, size_t hn);
/* Ports the notice refuses anywhere ("Port 25 is blocked", "do not use port
 * 465", 「25番ポートは使用できません」), read before the lines (values.c). */
void nr_read_refused(struct ex *x, const mp_ntext *t);
bool nr_refused(const struct ex *x, int port);
bool nr_is_form(const struct ex *x, const char *addr, size_t n);
bool nr_bare_at(const char *s, size_t b, size_t i);

/* ---- attach.c: one line read, its values attached to labels ---- */
void nr_line(struct ex *x, const mp_nline *l);

/* ---- prose.c: values read out of sentences (called by attach.c) ---- */
/* A line's sentences from b: security for all, protocols offered, "same as above", port 587. */
void nr_prose(struct ex *x, const mp_nline *l, size_t b);
/* An address inside a sentence ("Your email account x@y is ready"). */
void nr_prose_email(struct ex *x, const mp_nline *l, size_t b);
/* A login told as a word about the address ("Log in with your full e-mail address"). */
void nr_prose_login(struct ex *x, const mp_nline *l, size_t b);
/* Sending's login or POP before SMTP said anywhere in a line, sentence or cell. */
void nr_auth_hint(struct ex *x, const mp_nline *l, size_t b);
/* A login method a sentence names ("pick up mail using APOP"): said_method. */
void nr_method_prose(struct ex *x, const mp_nline *l, size_t b);
/* The example person a line declares: its values go to x->examples. */
void nr_example_person(struct ex *x, const mp_nline *l, size_t b);
/* A short statement requiring one security ("SSL is required"): true when taken. */
bool nr_security_statement(struct ex *x, const mp_nline *l, size_t b);
/* A security item stating its value in brackets ("Secure Connection (SSL)"): true when taken. */
bool nr_bracketed_security(struct ex *x, const mp_nline *l, size_t lb, size_t le);
/* The notice-wide security or login method of the sentences in [b, end). */
void nr_general_security(struct ex *x, const mp_nline *l, size_t b, size_t end);
/* Incoming protocols a sentence offers ("Both POP3 and IMAP are supported"). */
void nr_protocols_offered(struct ex *x, const mp_nline *l, size_t b);
void nr_pair_offered(struct ex *x, const mp_nline *l);
void nr_kind_offered(struct ex *x, const mp_nline *l);
/* Settings quoted in a sentence (「ポート番号:587」): how many were placed. */
size_t nr_quoted_pairs(struct ex *x, const mp_nline *l, size_t b);

/* ---- table.c: a block of rows read as one table ---- */
/* Reads the table starting at line i of t, if one does; the lines it took, 0 if none. */
size_t nr_table(struct ex *x, const mp_ntext *t, size_t i);
/* A column header naming a security mode ("SSL/TLS", "None", a port
 * column said by its mode: "Port (Unencrypted)", "ポート(SSL)"): the
 * security (a bare TLS as implicit TLS), -1 if it names none. */
int nr_mode_column(const char *s, size_t n);

/* ---- fill.c: a value with its label goes into a draft ---- */
mailprof_loc nr_loc_at(const struct ex *x, const mp_nline *l, size_t off);
/* A notice-unused finding (info) at byte off of line l. */
void nr_info(struct ex *x, const mp_nline *l, size_t off, const char *fix, const char *msg, ...)
	MP_PRINTF(5, 6);
/* The draft being filled (a first one if none). */
struct dacc *nr_cur_acc(struct ex *x);
/* A port offered for server s: the first stays unless a later one is more secure. */
void nr_offer_port(struct dsrv *s, int port, int sec, const mailprof_loc *loc);
/* the security a label over a port names ("With SSL", "Without SSL"; attach.c) */
int nr_port_label_sec(const char *s, size_t n);
/* The same for a port whose own words prefer it (pref 1: "587 (recommended)")
 * or discourage it (-1: "465 (not recommended)"): a preferred port wins
 * over every other, a discouraged one over none. */
void nr_offer_port_pref(struct dsrv *s, int port, int sec, const mailprof_loc *loc, int pref);
/* The server a value for direction dir goes to (the section's protocol,
 * the account's incoming choice, a host's first label). */
int nr_server_for(struct ex *x, enum mp_nctx dir, const char *host, size_t n);
void nr_same_host(struct ex *x, enum mp_nctx dir, enum mp_nctx src);
enum mp_nctx nr_label_dir(struct ex *x, const char *label, size_t ln, enum mp_nctx entry);
/* A provider's row in a table of providers starts the next provider's
 * draft, if the one before named a server. */
/* (a row whose host h is in the site of a host the draft names is another
 * group of the same organisation instead: x->alt_group) */
void nr_provider_block(struct ex *x, const char *h, size_t hn);
void nr_row_account(struct ex *x);
bool nr_own_domain(const struct dacc *a, const char *h, size_t hn);
void nr_brand(struct ex *x, const char *s, size_t n, const mailprof_loc *loc, bool heading);
void nr_set_field(struct ex *x, const mp_nline *l, size_t off, const char *s, size_t n,
		enum mp_nfield f, enum mp_nctx dir);

/* Does a security row's value pair securities with different servers
 * ("STARTTLS for SMTP and SSL for IMAP")? Then it is no port matrix. */
bool nr_sec_per_server(const char *s, size_t n);

/* ---- resolve.c: drafts become accounts ---- */
void nr_free_acc(struct dacc *a);
/* Does the notice offer server i of draft a (a host, a port, a template,
 * a port matrix entry or a protocol row)? */
bool nr_offered(const struct ex *x, const struct dacc *a, int i);
void nr_group_pass(struct ex *x);
void nr_build(struct ex *x, mailprof_profile *p, struct dacc *a, const struct dacc *prev);

/* ---- report.c: nothing silent ---- */
/* Addresses and host names of t that no account from index `from` on
 * holds, on lines without a finding since diags_from: notice-unused. */
void nr_report_unplaced(struct ex *x, const mp_ntext *t, const mailprof_profile *p, size_t from,
                        size_t diags_from);

#endif
