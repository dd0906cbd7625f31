/* Stage 3 of the reader (docs/notice-reader.md): typed values. What a
 * piece of text is, whatever label it stands under: an address, a host
 * name, a port (with footnote marks and SSL alternatives), security words,
 * an SMTP-AUTH statement, a login rule ("same as your address"), a password
 * with its readings dropped, a port matrix ("SMTPS 465"). */
#include <ctype.h>
#include <string.h>
#include <stdlib.h>

#include "domain.h"
#include "reader.h"

/* A space of the word matches a run of spaces in the text: pages copied
 * from PDFs and HTML double them ("If  your email  address is"). */
bool nr_has(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++) {
		/* a run is walked from its first space only: a long run stays linear */
		if (w[0] == ' ' && i && s[i - 1] == ' ')
			continue;
		size_t p = i, j = 0;
		while (j < k && p < n) {
			if (w[j] == ' ' && s[p] == ' ') {
				while (p < n && s[p] == ' ')
					p++;
				j++;
			} else if (tolower((unsigned char)s[p]) == tolower((unsigned char)w[j])) {
				p++;
				j++;
			} else
				break;
		}
		if (j == k)
			return true;
	}
	return false;
}

bool nr_has_any(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (nr_has(s, n, *list))
			return true;
	return false;
}

/* The words that mark an example ("for example", "e.g.", "eg.", "for
 * instance", 例), where a value is told from an example of one. "eg."
 * only as a word ("leg." is none). */
bool nr_gives_example(const char *s, size_t n)
{
	static const char *const marks[] = {"example", "e.g.", "e. g.", "for instance", "例", NULL};
	if (nr_has_any(s, n, marks))
		return true;
	for (size_t i = 0; i + 3 <= n; i++)
		if (mp_strncasecmp(s + i, "eg.", 3) == 0 && (i == 0 || !isalpha((unsigned char)s[i - 1])))
			return true;
	return false;
}

/* Does the text before a value end by introducing an illustration
 * ("… uses a different domain (like barney@…)", "an address such as
 * ann@…", "a login, say jdoe", "something like: …")? The value after
 * it stands for any reader's, it is no setting. The word must end the
 * text (brackets, quotes, a colon between), so "like" in "if you would
 * like to" or "such as" earlier in a sentence do not count. */
bool nr_example_lead(const char *s, size_t n)
{
	while (n && strchr(" (\"':", s[n - 1]))
		n--;
	static const char *const words[] = {"like", "such as", "say", "e.g", "eg", "e.g.", "eg.", "for example",
	                                    "for instance", "example", NULL};
	for (const char *const *w = words; *w; w++) {
		size_t wl = strlen(*w);
		if (wl <= n && mp_strncasecmp(s + n - wl, *w, wl) == 0 &&
		    (wl == n || !isalnum((unsigned char)s[n - wl - 1])))
			return true;
	}
	return false;
}

/* Does s name the reader's own access provider ("your ISP's SMTP
 * server", "provided by your Internet Service Provider", "your network
 * provider's mail machine", 「ご契約のプロバイダーの送信サーバー」)? A
 * server said to be that one is offered by the page, with no host of
 * its own. "ISP" as a word (not "crisp"). */
bool nr_names_isp(const char *s, size_t n)
{
	static const char *const names[] = {"internet service provider", "internet provider", "internet access provider",
	                                    "network provider", "access provider", "connection provider",
	                                    "broadband provider", "dial-up provider", "プロバイダ", NULL};
	if (nr_has_any(s, n, names))
		return true;
	for (size_t i = 0; i + 3 <= n; i++) {
		if (mp_strncasecmp(s + i, "isp", 3) != 0 || (i && isalpha((unsigned char)s[i - 1])))
			continue;
		size_t e = i + 3 < n && (s[i + 3] == 's' || s[i + 3] == 'S') ? i + 4 : i + 3; /* "ISPs" */
		if (e == n || !isalpha((unsigned char)s[e]))
			return true;
	}
	return false;
}

/* Does a word start at s[i] (i > 0)? After a space or a bracket, and in
 * Japanese an ASCII word after the text it is run into
 * (「通信はすべてSSL/TLSで暗号化」). */
bool nr_word_start(const char *s, size_t i)
{
	unsigned char p = (unsigned char)s[i - 1];
	return p == ' ' || p == '(' || (p >= 0x80 && (unsigned char)s[i] < 0x80);
}

bool nr_word_before(const char *s, size_t pv, size_t vb, const char *const *words, size_t *w)
{
	size_t e = vb;
	while (e > pv && s[e - 1] == ' ')
		e--;
	*w = e;
	while (*w > pv && isalpha((unsigned char)s[*w - 1]))
		(*w)--;
	for (; *words; words++)
		if (e - *w == strlen(*words) && mp_strncasecmp(s + *w, *words, e - *w) == 0)
			return true;
	return false;
}

/* Every "if" of s is the mail program asking ("If asked, use port 993",
 * "if prompted", "if needed"): when the value is wanted, not a condition
 * on the setting. */
bool nr_prompt_only(const char *s, size_t n)
{
	static const char *const asks[] = {"if asked", "if prompted", "if requested", "if needed", "if necessary",
	                                   "if required", "if you are asked", "if you are prompted", NULL};
	size_t ifs = 0, asked = 0;
	for (size_t i = 0; i + 3 <= n; i++)
		if (mp_strncasecmp(s + i, "if ", 3) == 0 && (i == 0 || !isalpha((unsigned char)s[i - 1]))) {
			ifs++;
			/* "double check if the Server Name is "smtp.…"", "verify if
			 * the port reads 993", "see if it says …": an "if" a check
			 * opens asks what the field holds; it is the setting, no
			 * condition */
			static const char *const checks[] = {"check", "verify", "confirm", "see", "sure", "ensure", "examine", NULL};
			size_t wb;
			if (nr_word_before(s, 0, i, checks, &wb)) {
				asked++;
				continue;
			}
			for (const char *const *a = asks; *a; a++)
				if (strlen(*a) <= n - i && mp_strncasecmp(s + i, *a, strlen(*a)) == 0) {
					asked++;
					break;
				}
			/* "If the email client asks for …", "if your program offers
			 * the option": the program asking too (up to the clause's
			 * comma, a few words) */
			size_t e = i + 3;
			while (e < n && e < i + 48 && s[e] != ',')
				e++;
			static const char *const verbs[] = {" asks", " prompts", " offers", " has the option", " has an option",
			                                    NULL};
			if (asked < ifs && nr_has_any(s + i + 2, e - i - 2, verbs))
				asked++;
		}
	return ifs > 0 && asked == ifs;
}

bool nr_is_ascii_tok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || (unsigned char)s[i] <= 0x20)
			return false;
	return n > 0;
}

/* Starts with a UTF-8 sequence from the list? Returns its length. */
size_t nr_starts_any(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++) {
		size_t k = strlen(*list);
		if (k <= n && memcmp(s, *list, k) == 0)
			return k;
	}
	return 0;
}

size_t nr_starts_any_ci(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++) {
		size_t k = strlen(*list);
		if (k <= n && mp_strncasecmp(s, *list, k) == 0)
			return k;
	}
	return 0;
}

/* The first token of a value: up to white space, a note or a comment. */
size_t nr_token_len(const char *s, size_t n)
{
	static const char *const stops[] = {"(", ")", "※", "「", "」", "、", "。", "<", ">", ";", ",", "|",
	                                    "・・", "…", NULL};
	size_t i = 0;
	/* No value is longer than a host name can be, by far: a run without
	 * spaces past that is cut, so a hostile line stays linear. */
	while (i < n && i < 512 && s[i] != ' ') {
		/* every stop starts with punctuation or a multibyte lead byte */
		if ((!isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) && nr_starts_any(s + i, n - i, stops))
			break;
		i++;
	}
	return i;
}

/* A label the reader fills in ("mail.yourdomain.com", "your_server",
 * "pop.myisp.com", "smtp.mycompany.com"), or one naming the domain it
 * stands for ("info@MyHostedDomain.com", "mail.domain.com",
 * "user@domainname.net"): a template, not a host. */
static bool your_label(const char *s, size_t n)
{
	static const char *const mine[] = {"myisp", "myprovider", "mycompany", "my-domain", "my_domain",
	                                   /* the kind of name for the name ("servername-name.com",
	                                    * "mail.hostname.com") */
	                                   "servername", "server-name", "server_name", "hostname", "host-name",
	                                   "host_name", NULL};
	for (size_t i = 0; i + 4 <= n; i++)
		if ((i == 0 || s[i - 1] == '.' || s[i - 1] == '@') &&
		    (mp_strncasecmp(s + i, "your", 4) == 0 || nr_starts_any_ci(s + i, n - i, mine)))
			return true;
	/* "xxx.example.jp", "mail.XXXX.ne.jp": a label of x's stands for the
	 * customer's part (the note beside it says which) */
	for (size_t i = 0; i < n; i++) {
		if (i && s[i - 1] != '.' && s[i - 1] != '@')
			continue;
		size_t k = i;
		while (k < n && (s[k] == 'x' || s[k] == 'X'))
			k++;
		if (k - i >= 3 && k < n && (s[k] == '.' || s[k] == '@'))
			return true;
	}
	/* (a word run into "domain" in a label of the domain, not its last:
	 * "MyHostedDomain.com", "domainname.net", not "…domain"; "domain.com"
	 * alone is a name a page's example may use, read as one; after it
	 * only "name" or "here": "domainandservers.com", "domaincontrol.com"
	 * are hosting companies' own names) */
	for (size_t i = 0; i + 6 <= n && s[i] != '@'; i++)
		if (mp_strncasecmp(s + i, "domain", 6) == 0 && memchr(s + i, '.', n - i) &&
		    ((i && isalpha((unsigned char)s[i - 1])) ||
		     (i + 10 <= n && (mp_strncasecmp(s + i + 6, "name", 4) == 0 || mp_strncasecmp(s + i + 6, "here", 4) == 0))))
			return true;
	return false;
}

/* A local part that names what goes there rather than being it:
 * "xxxxx@", "xxx.xxx@", "username@", "ECS-ID@" (the page's own name for
 * the user's ID). A template, not an address. */
bool nr_placeholder_local(const char *s, size_t n)
{
	static const char *const words[] = {"user", "username", "user.name", "user_name", "userid", "user-id",
	                                    "name", "account", "accountname", "loginid", "login",
	                                    "id", "someone", "firstname.lastname", "first.last", "hoge", "email", "e-mail",
	                                    /* the kind of thing named for the thing ("address@…",
	                                     * "mailbox@…", "yourname@…") */
	                                    "address", "mailbox", "yourname", "youraddress", "you",
	                                    /* the stand-in people of examples */
	                                    "joeuser", "joe.user", "jdoe", "johndoe", "john.doe", "janedoe",
	                                    "jane.doe", "joebloggs", "joe.bloggs", "jsmith", NULL};
	size_t fill = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == 'x' || s[i] == 'X' || s[i] == '*')
			fill++;
		else if (s[i] != '.' && s[i] != '_' && s[i] != '-')
			other++;
	}
	if (fill >= 2 && !other)
		return true;
	/* "*@example.edu": a wildcard, any address of the domain */
	if (n == 1 && s[0] == '*')
		return true;
	/* "AAA@", "aaaa@": one letter over and over stands for a name */
	size_t same = 0;
	for (size_t i = 0; i < n && isalpha((unsigned char)s[i]) && tolower((unsigned char)s[i]) == tolower((unsigned char)s[0]); i++)
		same++;
	if (same == n && n >= 3)
		return true;
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == n && mp_strncasecmp(s, words[i], n) == 0)
			return true;
	/* "my-email-address@", "email.address@", "your_name_here@",
	 * "emailaddress@", "name.surname@", "studentnumber@", "student_id@":
	 * two words or more naming what goes there, joined with or without
	 * a mark, stand for the reader's own part (the words' longest run
	 * read left to right; a local part past 64 bytes is no such name) */
	static const char *const names[] = {"my", "your", "email", "e-mail", "e_mail", "mail", "address", "addr", "name", "user",
	                                    "account", "here", "login", "id", "first", "last", "given", "family",
	                                    "surname", "middle", "initial", "initials", "full", "real", "student",
	                                    "employee", "number", "no", "num", NULL};
	if (n && n <= 64) {
		int pieces[65]; /* the most words ending at each byte, -1: none */
		pieces[0] = 0;
		for (size_t i = 1; i <= n; i++)
			pieces[i] = -1;
		for (size_t i = 0; i < n; i++) {
			if (pieces[i] < 0)
				continue;
			if (i && strchr("-_.", s[i]) && !strchr("-_.", s[i - 1]) && pieces[i + 1] < pieces[i])
				pieces[i + 1] = pieces[i]; /* a mark between two words */
			for (size_t w = 0; names[w]; w++) {
				size_t k = strlen(names[w]);
				if (k <= n - i && mp_strncasecmp(s + i, names[w], k) == 0 && pieces[i + k] < pieces[i] + 1)
					pieces[i + k] = pieces[i] + 1;
			}
		}
		if (pieces[n] >= 2 && !strchr("-_.", s[n - 1]))
			return true;
	}
	return n >= 3 && s[n - 2] == 'I' && s[n - 1] == 'D' && (s[n - 3] == '-' || s[n - 3] == '_');
}

bool nr_possessive(const char *s, size_t n)
{
	if (n == 2 && mp_strncasecmp(s, "my", 2) == 0)
		return true;
	if (n < 4 || mp_strncasecmp(s, "your", 4) != 0)
		return false;
	for (size_t i = 4; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return false;
	return true;
}

/* A form's value that tells what to do rather than giving one ("Leave
 * blank", "Don't change", "YES", "n/a", "空欄"), or a sentence opened by a
 * function word ("the system account name", "as per rule above"): no name,
 * no login. */
/* "%USER%", "YOUR_EMAIL_PREFIX+%DOMAIN%", "{username}", "${LOGIN}",
 * "<your portal uid>": a form letter's or a template's variable, filled
 * in for each customer, not the value itself; a variable is a name of
 * three or more letters of one case (or '_') between '%' or in braces,
 * no letter or digit run into it, or a value in angle brackets that is
 * words only (a tag is gone by now). */
static bool template_variable(const char *s, size_t n)
{
	if (n >= 3 && s[0] == '<' && s[n - 1] == '>') {
		size_t k = 1;
		while (k + 1 < n && (isalnum((unsigned char)s[k]) || strchr(" _-", s[k])))
			k++;
		if (k + 1 == n)
			return true;
	}
	for (size_t i = 0; i < n; i++) {
		char open = s[i];
		if (open != '%' && open != '{')
			continue;
		size_t k = i + 1;
		while (k < n && s[k] == '{')
			k++; /* "{{user}}", "${USER}" */
		size_t b = k, up = 0, low = 0;
		while (k < n && (isalpha((unsigned char)s[k]) || s[k] == '_'))
			up += isupper((unsigned char)s[k]) != 0, low += islower((unsigned char)s[k]) != 0, k++;
		/* a name of one case, apart from the text around it (a password
		 * "8J44%F1s83F%nTp" holds no variable) */
		bool apart = (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
		             (k + 1 >= n || !isalnum((unsigned char)s[k + 1]));
		if (k - b >= 3 && k < n && s[k] == (open == '%' ? '%' : '}') && !(up && low) && apart)
			return true;
		i = k > i ? k - 1 : i; /* (each byte looked at once: a line of '%' stays linear) */
	}
	return false;
}

/* "<displayName>Example University</displayName>", "</string>", "<key
 * name=\"host\">": a line of XML or HTML markup (a configuration file
 * quoted in a page, the next line under a label) is no value of the
 * label above it, tags and all: a tag opening it, an element's name
 * (letters, digits, '_', '-', ':', no dot: "<imap.example.org>" is a
 * host in brackets) closed by '>' with more markup after it, or a
 * closing tag; or a value ending in a closing tag, an element's text
 * whose opening tag was read as its label ("yes">LTC</displayName>). */
static bool closing_tag(const char *s, size_t n)
{
	if (n < 4 || s[n - 1] != '>')
		return false;
	size_t k = n - 1;
	while (k > 0 && (isalnum((unsigned char)s[k - 1]) || strchr("_-:", s[k - 1])))
		k--;
	return k >= 2 && k < n - 1 && isalpha((unsigned char)s[k]) && s[k - 1] == '/' && s[k - 2] == '<';
}

static bool markup(const char *s, size_t n)
{
	if (closing_tag(s, n))
		return true;
	if (n < 4 || s[0] != '<')
		return false;
	size_t k = 1 + (s[1] == '/');
	if (k >= n || !isalpha((unsigned char)s[k]))
		return false;
	while (k < n && (isalnum((unsigned char)s[k]) || strchr("_-:", s[k])))
		k++;
	if (k >= n)
		return false;
	if (s[1] == '/')
		return s[k] == '>';
	if (s[k] == ' ') /* attributes: "<key name=…>" */
		return memchr(s + k, '=', n - k) && memchr(s + k, '>', n - k);
	if (s[k] != '>')
		return false;
	for (size_t i = k; i + 1 < n; i++)
		if (s[i] == '<' && s[i + 1] == '/')
			return true;
	return false;
}

bool nr_not_a_value(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	if (template_variable(s, n) || markup(s, n))
		return true;
	static const char *const whole[] = {"yes", "no", "on", "off", "none", "n/a", "blank", "empty", "(blank)",
	                                    "(empty)", "(none)", "optional", "unchanged", "not required", "なし", "空欄",
	                                    "不要",
	                                    /* a box's or a switch's state ("Login is currently
	                                     * disabled", "Password: (checked)"): how a
	                                     * form stands, no one's login or password */
	                                    "enabled", "disabled", "checked", "unchecked", "ticked", "unticked",
	                                    "selected", "unselected", "active", "inactive", "true", "false",
	                                    "(checked)", "(unchecked)", "有効", "無効", NULL};
	for (const char *const *w = whole; *w; w++)
		if (strlen(*w) == n && mp_strncasecmp(s, *w, n) == 0)
			return true;
	static const char *const start[] = {"leave ", "don't change", "do not change", "don’t change", "no change",
	                                    "空欄", "変更しない", "入力不要", "入力しない", NULL};
	if (nr_starts_any_ci(s, n, start))
		return true;
	/* a lower-case function word, then two more words */
	static const char *const fw[] = {"the", "as", "a", "an", "per", "see", "same", "set", "use", "any", "from",
	                                 "whatever", "according", "provided", "given", NULL};
	size_t t = 0;
	while (t < n && s[t] != ' ')
		t++;
	size_t words = 0;
	for (size_t k = t; k + 1 < n; k++)
		words += s[k] == ' ' && isalpha((unsigned char)s[k + 1]);
	/* a date ("Users: Thursday, June 9, 2022", "Mon, 3 May"): a day of
	 * the week is no one's login or name */
	static const char *const day[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	                                  "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	                                  "sat", "sun", NULL};
	size_t dt = t && s[t - 1] == ',' ? t - 1 : t;
	for (const char *const *w = day; *w; w++)
		if (strlen(*w) == dt && mp_strncasecmp(s, *w, dt) == 0 && (dt >= 6 || dt < t))
			return true;
	if (words >= 2 && islower((unsigned char)s[0]))
		for (const char *const *w = fw; *w; w++)
			if (strlen(*w) == t && memcmp(s, *w, t) == 0)
				return true;
	/* an instruction: "Enter the name you want to appear", "Type your
	 * password", "Ensure this field is populated with …", "Replace with
	 * your address"; a sentence opening with a pronoun ("This should
	 * remain the same") */
	static const char *const verb[] = {"enter", "type", "input", "choose", "select", "provide", "fill", "insert",
	                                   "click", "put", "ensure", "replace", "make", "keep", "specify", "write",
	                                   "change", "copy", "use", "this", "that", "these", "it", "they", "we", NULL};
	if (words >= 1)
		for (const char *const *w = verb; *w; w++)
			if (strlen(*w) == t && mp_strncasecmp(s, *w, t) == 0)
				return true;
	/* a clause about the value, not the value: "must be set to your
	 * address", "should match the address above", "just your user name,
	 * not the whole address", "only the part before the @": a lower-case
	 * modal verb or adverb opening more words (lower case only: "Will
	 * Smith", "May Tanaka" are names) */
	static const char *const modal[] = {"must", "should", "shall", "will", "would", "can", "could", "may", "might",
	                                    "need", "needs", "has", "have", "are", "was", "be", "just", "only",
	                                    "simply", "usually", "normally", "typically", "generally", "always",
	                                    "also", "not", "never", "probably", NULL};
	if (words >= 1)
		for (const char *const *w = modal; *w; w++)
			if (strlen(*w) == t && memcmp(s, *w, t) == 0)
				return true;
	/* a function word is no one's login, password or name, nor the first
	 * word of one: "or", "so", "of" left of a line's break ("… (john) or"
	 * / "your address"), "so there's a password" */
	static const char *const fn[] = {"or", "and", "so", "of", "the", "to", "in", "as", "is", "it", "this",
	                                 "that", "your", "my", "for", "with", "by", "if", "then",
	                                 /* the part a format names ("user:domain", "username@domainname") */
	                                 "domain", "domainname", NULL};
	for (const char *const *w = fn; *w; w++)
			if (strlen(*w) == t && mp_strncasecmp(s, *w, t) == 0)
				return true;
	/* what the value is, not the value: "HIN ID", "Mail token", "Student
	 * number" (a word, then the kind of value it names, maybe run into
	 * the domain; not a method, "Normal password") */
	static const char *const kind[] = {"id", "token", "number", "name", "password", "username", "code", "login",
	                                   NULL};
	if (words == 1 && t < n && nr_mechanism(s, n) < 0) {
		size_t k = t + 1, e = k;
		while (e < n && isalpha((unsigned char)s[e]))
			e++;
		/* ("BearPass Login@live.example.edu": the kind, then the domain) */
		for (const char *const *w = kind; *w && (e == n || s[e] == '@'); w++)
			if (strlen(*w) == e - k && mp_strncasecmp(s + k, *w, e - k) == 0)
				return true;
	}
	return false;
}

bool nr_valid_email(const char *s, size_t n)
{
	if (!nr_is_ascii_tok(s, n))
		return false;
	const char *at = memchr(s, '@', n);
	if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at + 1 - s)))
		return false;
	const char *dom = at + 1;
	size_t dn = n - (size_t)(dom - s), ln = (size_t)(at - s);
	/* a local part holds dot-atom's characters only (RFC 5322; its dots
	 * anywhere, as Japanese carriers' old addresses have them, "taro.@",
	 * "a..b@") */
	for (size_t i = 0; i < ln; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("!#$%&'*+-/=?^_`{|}~.", s[i]))
			return false; /* "Account:username@…": a label run into it */
	/* "YourEmail@charter.net", "your.name@example.jp": the reader fills in
	 * the local part, a template */
	if (your_label(s, (size_t)(at - s)) || nr_placeholder_local(s, (size_t)(at - s)))
		return false;
	if (dn < 3 || !memchr(dom, '.', dn) || dom[0] == '.' || dom[dn - 1] == '.' || your_label(dom, dn))
		return false;
	for (size_t i = 0; i < dn; i++)
		if (!isalnum((unsigned char)dom[i]) && dom[i] != '.' && dom[i] != '-')
			return false;
	size_t ld = dn;
	while (ld && dom[ld - 1] != '.')
		ld--;
	return mp_tld_known(dom + ld, dn - ld);
}

/* "mail.yourdomain.com", "smtp.mydomain.net": a host name to fill in,
 * shaped as one (letters, digits, dots, a top-level domain) but naming
 * the reader's own domain. */
bool nr_template_host(const char *s, size_t n)
{
	if (n < 5 || n > 253 || !your_label(s, n) || s[0] == '.' || s[n - 1] == '.' || !memchr(s, '.', n) || memchr(s, '@', n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_')
			return false;
	return true;
}

bool nr_valid_host(const char *s, size_t n)
{
	if (n < 3 || !memchr(s, '.', n) || s[0] == '.' || s[n - 1] == '.' || your_label(s, n))
		return false;
	if (mp_strncasecmp(s, "http", 4) == 0 || mp_strncasecmp(s, "webmail", 7) == 0 ||
	    mp_strncasecmp(s, "www.", 4) == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_')
			return false;
	/* no top-level domain is one letter: "e.g" is an abbreviation */
	if (s[n - 2] == '.' && isalpha((unsigned char)s[n - 1]))
		return false;
	/* nor all digits but in an address of numbers ("192.0.2.25"):
	 * "Version.3" is a word */
	size_t ld = n;
	while (ld && s[ld - 1] != '.')
		ld--;
	bool num_tld = true, all_num = true, some_digit = false;
	for (size_t i = ld; i < n; i++)
		num_tld &= isdigit((unsigned char)s[i]) != 0, some_digit |= isdigit((unsigned char)s[i]) != 0;
	for (size_t i = 0; i < n; i++)
		all_num &= isdigit((unsigned char)s[i]) || s[i] == '.';
	/* nor letters and digits ("connection.POP3 retrieves": two sentences
	 * run together): a top-level domain is letters (or xn--) */
	if (some_digit && !num_tld && !(n - ld > 4 && mp_strncasecmp(s + ld, "xn--", 4) == 0))
		return false;
	/* an address of numbers has four ("1.0", "1.75", "3.2.1" are
	 * versions and amounts) */
	size_t dots = 0;
	for (size_t i = 0; i < n; i++)
		dots += s[i] == '.';
	if (all_num && dots != 3)
		return false;
	/* a brand written as its words ("Yandex.Mail", "Yandex.Disk"): every
	 * label capitalised, the last a word, not a top-level domain */
	bool brand = n - ld >= 4 && !some_digit;
	for (size_t b = 0; b < n && brand;) {
		brand = isupper((unsigned char)s[b]) != 0;
		for (b++; b < n && s[b] != '.'; b++)
			brand = brand && islower((unsigned char)s[b]);
		b++; /* past the dot, to the next label */
	}
	/* a file's name ("step03.jpg", "setup.pdf" under a screenshot): its
	 * extension is no top-level domain */
	static const char *const ext[] = {"jpg", "jpeg", "png", "gif", "bmp", "svg", "webp", "tif", "tiff", "pdf",
	                                  "htm", "html", "php", "asp", "aspx", "jsp", "cgi", "txt", "doc", "docx",
	                                  "xls", "xlsx", "exe", "css", NULL};
	for (const char *const *e = ext; *e; e++)
		if (strlen(*e) == n - ld && mp_strncasecmp(s + ld, *e, n - ld) == 0)
			return false;
	/* a word with a dot in it ("password.Most", "device.protocol") ends
	 * in no top-level domain there is */
	if (!all_num && !mp_tld_known(s + ld, n - ld))
		return false;
	return (!num_tld || all_num) && !brand;
}

/* Does a bracket after a port offer another port as the unencrypted
 * one ("993 (143 for non-SSL)", "465 (or 587 without encryption)", "995
 * (110 if your client does not support SSL)", "993（平文は143）")? Then
 * the port before it is the encrypted one. The bracket names a port, a
 * plain word or a negated security, and no security it does not negate
 * ("(SSL: 995, non-SSL: 110)" offers both). */
static bool plain_alt_bracket(const char *p, size_t pn)
{
	bool num = false;
	for (size_t k = 0; k < pn && !num; k++)
		num = isdigit((unsigned char)p[k]) && (k == 0 || !isalnum((unsigned char)p[k - 1])) && nr_port_at(p, k, pn, &(int){0});
	if (!num)
		return false;
	static const char *const plain[] = {"plain", "cleartext", "clear text", "平文", NULL};
	static const char *const neg[] = {"not ", "n't ", "no ", "non-", "non ", "without ", NULL};
	static const char *const sec[] = {"ssl", "tls", "encrypt", "secur", "暗号化", NULL};
	static const char *const after[] = {"なし", "無", "しない", NULL};
	size_t negated = 0;
	for (size_t j = 0; j < pn; j++) {
		size_t w = nr_starts_any_ci(p + j, pn - j, sec);
		if (!w || (j && isalpha((unsigned char)p[j - 1]) && !(j >= 2 && (mp_strncasecmp(p + j - 2, "un", 2) == 0 ||
		                                                                  mp_strncasecmp(p + j - 2, "in", 2) == 0))))
			continue;
		/* "unencrypted", "insecure", "non-SSL", "not using SSL", "SSLなし" */
		bool off = j >= 2 && isalpha((unsigned char)p[j - 1]);
		for (size_t b = j > 24 ? j - 24 : 0; b < j && !off; b++)
			off = (b == 0 || !isalpha((unsigned char)p[b - 1]) || p[b] == 'n') && nr_starts_any_ci(p + b, j - b, neg) > 0;
		size_t e = j + w;
		while (e < pn && isalpha((unsigned char)p[e]))
			e++;
		off = off || ((pn - j < 15 || mp_strncasecmp(p + j, "secure password", 15) != 0) && e < pn && nr_starts_any(p + e, pn - e, after));
		if (!off)
			return false; /* a security the bracket offers */
		negated++;
		j = e - 1;
	}
	return negated > 0 || nr_has_any(p, pn, plain);
}

/* Is the port ending at k followed by such a bracket ("993 (143 for
 * non-SSL)")? A short one: a long run is no remark on one port. */
static bool plain_alt_after(const char *s, size_t k, size_t n)
{
	size_t ob = nr_skip_sp(s, k, n);
	if (ob >= n || s[ob] != '(')
		return false;
	const char *cl = memchr(s + ob, ')', n - ob < 100 ? n - ob : 100);
	return cl && plain_alt_bracket(s + ob + 1, (size_t)(cl - s) - ob - 1);
}

static bool not_a_port(const char *s, size_t i, size_t j, size_t n);

/* Parse a port cell: "995", "995※1", "110(SSL有の場合:995)", "993(SSL)",
 * "465 ※3 / 587 ※4", "port 587". *sec gets what the cell says, or -1. */
bool nr_parse_port(const char *s, size_t n, int *port, int *sec, size_t *at, int *mark)
{
	*mark = 0;
	int first = -1, alt = -1;
	size_t first_at = 0, alt_at = 0, i = 0;
	bool alt_ssl = false;
	*sec = -1;
	for (; i < n && first < 0; i++) {
		if (nr_starts_any(s + i, n - i, (const char *const[]){"※", "*", NULL})) {
			/* skip the footnote number glued to the mark */
			i += (unsigned char)s[i] == '*' ? 0 : 2;
			while (i + 1 < n && isdigit((unsigned char)s[i + 1]))
				i++;
			continue;
		}
		if (isdigit((unsigned char)s[i])) {
			long v = 0;
			first_at = i;
			while (i < n && isdigit((unsigned char)s[i]) && v < 100000)
				v = v * 10 + (s[i++] - '0');
			first = (int)v;
			/* A footnote mark glued or next to the number: "995※1". */
			size_t k = i;
			while (k < n && s[k] == ' ')
				k++;
			if (k + 3 < n && memcmp(s + k, "※", 3) == 0 && isdigit((unsigned char)s[k + 3]))
				*mark = s[k + 3] - '0';
			break;
		}
	}
	/* 0 and numbers past 65535 are phone numbers or times, not ports. */
	if (first <= 0 || first > 65535)
		return false;
	/* nor a number its words make something else ("'554 sorry, …'", "90
	 * minutes") */
	if (not_a_port(s, first_at, i, n))
		return false;
	/* An alternative in parentheses "(SSL…:995)" wins: the notice offers
	 * the encrypted port as the better choice. */
	const char *paren = NULL;
	for (size_t k = i; k < n; k++)
		if (s[k] == '(') {
			paren = s + k;
			break;
		}
	/* "993 (143 for non-SSL)": the bracket offers the plain port, so
	 * the one before it is the encrypted one (a bare TLS by its port) */
	bool contrast = plain_alt_after(s, i, n);
	if (paren && !contrast) {
		size_t pn = n - (size_t)(paren - s);
		const char *close = memchr(paren, ')', pn);
		size_t cn = close ? (size_t)(close - paren) : pn;
		if ((nr_has(paren, cn, "ssl") || nr_has(paren, cn, "tls")) && !nr_has(paren, cn, "out ssl") &&
		    !nr_has(paren, cn, "no ssl") && !nr_has(paren, cn, "sslなし") && !nr_has(paren, cn, "ssl無")) {
			alt_ssl = nr_has(paren, cn, "ssl"); /* "(TLS)" alone is decided by the port */
			for (size_t k = 0; k < cn; k++)
				if (isdigit((unsigned char)paren[k]) && (k == 0 || !isalpha((unsigned char)paren[k - 1]))) {
					long v = 0;
					alt_at = (size_t)(paren - s) + k;
					while (k < cn && isdigit((unsigned char)paren[k]) && v < 100000)
						v = v * 10 + (paren[k++] - '0');
					alt = (int)v;
					break;
				}
		}
	}
	if (contrast) {
		*port = first;
		*at = first_at;
		*sec = SW_TLS_AMBIG;
	} else if (alt > 0 && alt <= 65535) {
		*port = alt;
		*sec = MP_SEC_TLS;
		*at = alt_at;
	} else {
		*port = first;
		*at = first_at;
		size_t rest = i;
		size_t end = rest;
		while (end < n && s[end] != '/')
			end++;
		/* "110 (no encryption)", "110 (SSL: none)", "110（暗号化なし）": the
		 * bracket right after the port says it is plain */
		size_t ob = nr_skip_sp(s, rest, n);
		const char *oc = ob < n && s[ob] == '(' ? memchr(s + ob, ')', n - ob < 40 ? n - ob : 40) : NULL; /* a short bracket */
		size_t on = oc ? (size_t)(oc - s) - ob : 0;
		bool plain = on && (nr_has(s + ob, on, "no encryption") || nr_has(s + ob, on, "unencrypted") ||
		                    nr_has(s + ob, on, "without encryption") || nr_has(s + ob, on, "暗号化なし") ||
		                    nr_has(s + ob, on, "暗号化しない") || nr_has(s + ob, on, "none") ||
		                    nr_has(s + ob, on, ": off"));
		/* a remark is the port's own sentence: "25. If your network
		 * blocks SSL, keep port 25" (a sentence after it) or "25 unless
		 * your network blocks SSL" (a remark refusing the mode) states
		 * no security of the port */
		static const char *const refused[] = {"not ", "n't", "block", "unless", "instead", "disable", "fail",
		                                      "trouble", "problem", "unable", NULL};
		size_t rn = rest;
		while (rn < n && !((s[rn] == '.' && (rn + 1 == n || s[rn + 1] == ' ')) ||
		                   (rn + 3 <= n && memcmp(s + rn, "。", 3) == 0)))
			rn++;
		/* "143 (without SSL)", "110（SSLなし）", even misspelt ("wihout") */
		if (plain || nr_has(s + rest, end - rest, "out ssl") || nr_has(s + rest, end - rest, "no ssl") ||
		    nr_has(s + rest, end - rest, "non-ssl") || nr_has(s + rest, end - rest, "非ssl") ||
		    nr_has(s + rest, end - rest, "sslなし") || nr_has(s + rest, end - rest, "ssl無"))
			*sec = MP_SEC_NONE;
		else if (nr_has(s + rest, end - rest, "starttls"))
			*sec = MP_SEC_STARTTLS;
		else if (alt_ssl || nr_has(s + rest, end - rest, "(ssl") || nr_has(s + rest, end - rest, "ssl)"))
			*sec = MP_SEC_TLS;
		else if (nr_has(s + rest, end - rest, "(tls")) /* a bare TLS: decided by the port */
			*sec = SW_TLS_AMBIG;
		else if (!nr_has(s + rest, rn - rest, "場合") && !nr_has(s + rest, rn - rest, " or ") &&
		         !nr_has(s + rest, rn - rest, "非対応") && !nr_has_any(s + rest, rn - rest, refused))
			/* a remarks column: "465    SSL"; a bare TLS ("587 TLS if
			 * available") is decided by the port */
			*sec = nr_has(s + rest, rn - rest, "ssl")   ? MP_SEC_TLS
			       : nr_has(s + rest, rn - rest, "tls") ? SW_TLS_AMBIG
			                                            : -1;
		/* "SSL: 995", "SSL使用時 995": the words before the number */
		if (*sec < 0 && first_at > 0)
			*sec = nr_span_sec(s, first_at);
	}
	return true;
}

/* A mode the value rules out ("Enabled, but not STARTTLS", "without
 * SSL") is not the mode it states: blanks the negation and its mode
 * word in buf (a copy of s). True when one was found. */
static bool drop_negated(char *buf, size_t n)
{
	static const char *const neg[] = {"not ", "no ", "without ", "non-", "non ", NULL};
	static const char *const mode[] = {"starttls", "ssl/tls", "ssl", "tls", NULL};
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (i && isalpha((unsigned char)buf[i - 1]))
			continue;
		size_t k = 0, m = 0;
		for (const char *const *w = neg; *w && !k; w++)
			if (strlen(*w) <= n - i && mp_strncasecmp(buf + i, *w, strlen(*w)) == 0)
				k = strlen(*w);
		for (const char *const *w = mode; *w && k && !m; w++)
			if (strlen(*w) <= n - i - k && mp_strncasecmp(buf + i + k, *w, strlen(*w)) == 0)
				m = strlen(*w);
		if (!m)
			continue;
		memset(buf + i, ' ', k + m);
		any = true;
	}
	return any;
}

/* Security words in a cell; -1 when none or when it is an instruction. */
/* Is s[0, n) only names of implicit-or-not TLS ("SSL", "TLS", "SSL/TLS")
 * joined by "or", "either", "/", ",", brackets, またはもしくは? (no
 * STARTTLS, no "none": then it is a choice between modes) */
static bool tls_names_only(const char *s, size_t n)
{
	static const char *const w[] = {"ssl", "tls", "or", "either", "または", "もしくは", NULL};
	size_t names = 0;
	for (size_t i = 0; i < n;) {
		if (strchr(" \t/,()-.", s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < n && !strchr(" \t/,()-.", s[e]))
			e++;
		const char *const *p = w;
		while (*p && !(strlen(*p) == e - i && mp_strncasecmp(s + i, *p, e - i) == 0))
			p++;
		if (!*p)
			return false;
		names += p - w < 2;
		i = e;
	}
	return names >= 2;
}

int nr_parse_security(const char *s, size_t n)
{
	char stack[128];
	if (n < sizeof stack) {
		memcpy(stack, s, n);
		if (drop_negated(stack, n))
			s = stack;
	}
	bool cond = nr_has(s, n, "非対応") || nr_has(s, n, "not supported") || nr_has(s, n, "場合") || nr_has(s, n, "if ");
	/* "STARTTLS (if required)", "SSL (if your program asks)": a remark in
	 * brackets after the mode, naming none itself, is a note on it, not
	 * a condition on the setting */
	const char *ob = cond && n && s[n - 1] == ')' ? memchr(s, '(', n) : NULL;
	if (ob && ob > s && nr_span_sec(ob + 1, (size_t)(s + n - 1 - (ob + 1))) == -1) {
		int sec = nr_parse_security(s, (size_t)(ob - s)); /* (no bracket before it: one level) */
		if (sec >= 0)
			return sec;
	}
	/* "SSL or TLS", "TLS / SSL", "either SSL or TLS": two names of one
	 * mode, not a choice between modes */
	if (!cond && tls_names_only(s, n))
		return nr_has(s, n, "ssl") ? MP_SEC_TLS : SW_TLS_AMBIG;
	if (cond || nr_has(s, n, "もしくは") || nr_has(s, n, " or ") || nr_has(s, n, "または")) {
		/* "STARTTLS または TLS接続", "SSL/TLS or STARTTLS": a choice
		 * between the two ways of TLS is decided by the port chosen */
		size_t tls = 0, stls = 0;
		for (size_t i = 0; i + 3 <= n; i++)
			tls += mp_strncasecmp(s + i, "tls", 3) == 0 || mp_strncasecmp(s + i, "ssl", 3) == 0;
		for (size_t i = 0; i + 8 <= n; i++)
			stls += mp_strncasecmp(s + i, "starttls", 8) == 0;
		/* (a choice naming no mode, "ON or AUTO", is no choice of one) */
		if (tls || stls || cond)
			return !cond && stls && tls > stls ? SW_TLS_AMBIG : -2; /* else a choice or a condition */
	}
	if (nr_has(s, n, "starttls") || nr_has(s, n, "stls"))
		return MP_SEC_STARTTLS;
	if (nr_has(s, n, "ssl"))
		return MP_SEC_TLS;
	if (nr_has(s, n, "tls"))
		return SW_TLS_AMBIG;
	if (nr_has(s, n, "なし") || nr_has(s, n, "無") || nr_has(s, n, "none") || nr_has(s, n, "しない") ||
	    nr_has(s, n, "no encryption") || nr_has(s, n, "unencrypted") || nr_has(s, n, "without encryption") ||
	    nr_has(s, n, "不要") || (n == 2 && mp_strncasecmp(s, "no", 2) == 0) || nr_has(s, n, "off") ||
	    (n == 3 && mp_strncasecmp(s, "n/a", 3) == 0)) /* "Security: N/A": nothing to encrypt with */
		return MP_SEC_NONE;
	return -1;
}

enum mp_nctx nr_port_ctx(int port)
{
	return port == 993 || port == 143   ? NC_IMAP
	       : port == 995 || port == 110 ? NC_POP
	       : port == 465 || port == 587 || port == 25 ? NC_SMTP
	                                                  : NC_NONE;
}

int nr_sec_for_port(int sec, int port)
{
	if (sec != SW_TLS_AMBIG)
		return sec;
	return mp_port_is_implicit_tls(port) ? MP_SEC_TLS : MP_SEC_STARTTLS;
}

/* Where OAuth 2.0 is named ("OAuth2", "XOAUTH2", "OAuth 2.0", 先進認証,
 * "modern authentication": Microsoft's names for a login by token), n
 * when it is not. */
size_t nr_oauth_at(const char *s, size_t n)
{
	static const char *const w[] = {"oauth", "xoauth", "先進認証", "modern auth", NULL};
	for (size_t k = 0; k < n; k++)
		for (const char *const *p = w; *p; p++)
			if (strlen(*p) <= n - k && mp_strncasecmp(s + k, *p, strlen(*p)) == 0)
				return k;
	return n;
}

int nr_parse_yesno_auth(const char *s, size_t n)
{
	if (nr_has(s, n, "before smtp") || nr_has(s, n, "beforesmtp") || nr_has(s, n, "before-smtp"))
		if (!(nr_has(s, n, "する") || nr_has(s, n, "required") || nr_has(s, n, "必要")))
			return MP_AUTH_SMTP_AFTER_POP;
	/* "必要ありません", "必要はない": a need denied */
	if (nr_has(s, n, "不要") || nr_has(s, n, "しない") || nr_has(s, n, "必要ありません") || nr_has(s, n, "必要はありません") ||
	    nr_has(s, n, "必要がありません") || nr_starts_any(s, n, (const char *const[]){"ありません", NULL}) ||
	    nr_has(s, n, "必要ない") || nr_has(s, n, "必須ではあり") || nr_has(s, n, "必須ではない") ||
	    nr_has(s, n, "必要はない") || nr_has(s, n, "必要がない") || nr_has(s, n, "なし") || nr_has(s, n, "ナシ") ||
	    nr_has(s, n, "無") ||
	    nr_has(s, n, "not required") || nr_has(s, n, "none") || nr_has(s, n, "いいえ") || nr_has(s, n, "オフ") || (n >= 2 && mp_strncasecmp(s, "no", 2) == 0 && (n == 2 || s[2] == ' ')) ||
	    (n == 3 && mp_strncasecmp(s, "off", 3) == 0))
		return MP_AUTH_NONE;
	/* "OAuth2 required", 先進認証: a login by token, not by password */
	if (nr_oauth_at(s, n) < n)
		return MP_AUTH_OAUTH2;
	if (nr_has(s, n, "有") || nr_has(s, n, "あり") || nr_has(s, n, "アリ") || nr_has(s, n, "必要") || nr_has(s, n, "必須") ||
	    nr_has(s, n, "する") ||
	    nr_has(s, n, "はい") || nr_has(s, n, "オン") ||
	    nr_has(s, n, "require") || nr_has(s, n, "yes") || nr_has(s, n, "チェック") || nr_has(s, n, "enable") ||
	    (n == 2 && mp_strncasecmp(s, "on", 2) == 0) || nr_has(s, n, "same user") || nr_has(s, n, "same as") ||
	    nr_has(s, n, "と同じ"))
		return MP_AUTH_PASSWORD_CLEARTEXT;
	/* what to log in with is a yes: "ユーザー名とパスワード", "username and
	 * password", "email address / password" */
	if ((nr_has(s, n, "パスワード") || nr_has(s, n, "password")) &&
	    (nr_has(s, n, "ユーザ") || nr_has(s, n, "アカウント") || nr_has(s, n, "メールアドレス") || nr_has(s, n, "user") ||
	     nr_has(s, n, "login") || nr_has(s, n, "address") || nr_has(s, n, "id")))
		return MP_AUTH_PASSWORD_CLEARTEXT;
	/* a mechanism stated is a yes too: "the authentication is PLAIN" */
	if (nr_has(s, n, "cram-md5") || nr_has(s, n, "digest-md5") || nr_has(s, n, "encrypted password"))
		return MP_AUTH_PASSWORD_ENCRYPTED;
	/* (in any of its names: "MD5 challenge-response", "Secure Password
	 * Authentication (SPA)", "NTLM", "Kerberos") */
	{
		size_t at;
		int m = nr_method_at(s, n, &at);
		if (m >= 0 && m != MP_AUTH_OAUTH2)
			return m;
	}
	if (nr_has(s, n, "plain") || nr_has(s, n, "normal password") || nr_has(s, n, "password authentication") ||
	    nr_has(s, n, "平文") || nr_has(s, n, "通常のパスワード"))
		return MP_AUTH_PASSWORD_CLEARTEXT;
	/* SMTP-AUTH named, not denied: "SMTP AUTH(LOGIN)" in a row's cell */
	if (nr_has(s, n, "smtp auth") || nr_has(s, n, "smtp-auth") || nr_has(s, n, "smtp認証"))
		return MP_AUTH_PASSWORD_CLEARTEXT;
	return -1;
}

/* "Authentication is required", 「認証が必要」, "Password: yes": a yes
 * that is a login's, not an encryption's (under a "Security:" label) */
bool nr_yes_of_login(const char *s, size_t n)
{
	static const char *const w[] = {"authenticat", "認証", "password", "パスワード", "login", "log in", "sign in", NULL};
	return nr_has_any(s, n, w) && nr_parse_security(s, n) == -1;
}

/* "same as incoming", "(same as incoming connection)", "受信と同じ",
 * "same as for receiving": what receiving uses. */
bool nr_as_incoming(const char *s, size_t n)
{
	static const char *const w[] = {"受信と同じ", "受信時と同じ", "受信サーバーと同じ", "受信サーバと同じ", NULL};
	if (nr_has_any(s, n, w))
			return true;
	/* the words right after "same as" name receiving ("same as the
	 * incoming server", not "IMAP Password = … (same as above)"); a few
	 * words may stand between ("same login details as incoming mail") */
	static const char *const in[] = {"incoming", "receiving", "pop", "imap", NULL};
	for (size_t i = 0; i + 7 <= n; i++) {
		if (mp_strncasecmp(s + i, "same ", 5) != 0 || (i && isalpha((unsigned char)s[i - 1])))
			continue;
		size_t k = i + 4;
		while (k + 4 <= n && k < i + 40 && mp_strncasecmp(s + k, " as ", 4) != 0 && !strchr(",.;:()", s[k]))
			k++;
		if (k + 4 > n || mp_strncasecmp(s + k, " as ", 4) != 0)
			continue;
		k = nr_skip_sp(s, k + 4, n);
		for (int words = 0; words < 2 && k < n; words++) {
			if (nr_starts_any_ci(s + k, n - k, in))
				return true;
			while (k < n && s[k] != ' ')
				k++;
			k = nr_skip_sp(s, k, n);
		}
		i = k > i ? k - 1 : i;
	}
	return false;
}

/* "same as the incoming server", "identical to your POP3 server",
 * "受信サーバーと同じ": the server whose host another shares; NC_NONE when
 * s[0, n) names no server so ("same as your login", "not the same as
 * the incoming server"). *tb: where the named server's words start (the
 * label of the sharing server ends before it), *te where they end. */
enum mp_nctx nr_same_server(const char *s, size_t n, size_t *tb, size_t *te)
{
	static const char *const en[] = {"same as", "identical to", NULL};
	static const char *const deny[] = {"not ", "n't", "ない", "異な", "必ずしも", NULL};
	static const char *const srv[] = {"server", "host", "サーバ", NULL};
	for (size_t i = 0; i < n; i++) {
		size_t w = nr_starts_any_ci(s + i, n - i, en);
		size_t b, e;
		if (w && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(')) {
			/* the words after it, to the clause's end, a short way */
			b = nr_skip_sp(s, i + w, n), e = b;
			while (e < n && e - b < 40 && !(s[e] && strchr(".,;:()", s[e])))
				e++;
		} else if (n - i >= strlen("と同じ") && memcmp(s + i, "と同じ", strlen("と同じ")) == 0) {
			/* the words before it, back to a separator or a particle */
			e = i, b = i;
			while (b > 0 && i - b < 40 && !(s[b - 1] && strchr(":() ", s[b - 1])) &&
			       !(b >= 3 && (memcmp(s + b - 3, "は", 3) == 0 || memcmp(s + b - 3, "も", 3) == 0 ||
			                    memcmp(s + b - 3, "、", 3) == 0)))
				b--;
			w = strlen("と同じ");
		} else
			continue;
		enum mp_nctx c = mp_notice_words_ctx(s + b, e - b);
		size_t db = i > 40 ? i - 40 : 0;
		/* ("same as incoming", "same as POP3": a direction or protocol
		 * alone, in a few words, names its server too; the caller's label
		 * says it is a server's) */
		size_t words = 1;
		for (size_t k = b; k < e; k++)
			words += s[k] == ' ';
		bool alone = words <= 3 && (c == NC_IN || c == NC_POP || c == NC_IMAP) && e > b && (unsigned char)s[b] < 0x80;
		if ((c == NC_IN || c == NC_POP || c == NC_IMAP || c == NC_SMTP) && (nr_has_any(s + b, e - b, srv) || alone) &&
		    !nr_has_any(s + db, e - db, deny)) {
			*tb = b, *te = e;
			return c;
		}
		i += w - 1;
	}
	return NC_NONE;
}

/* nr_parse_yesno_auth of a value, else of its words before a remark in
 * brackets ("ON (Login using same settings as incoming server)"); *lead:
 * where those words end (n for the whole value). */
int nr_yesno_auth_lead(const char *s, size_t n, size_t *lead)
{
	*lead = n;
	int au = nr_parse_yesno_auth(s, n);
	const char *rb = memchr(s, '(', n);
	if (au >= 0 || !rb || rb == s)
		return au;
	size_t k = (size_t)(rb - s);
	while (k && s[k - 1] == ' ')
		k--;
	*lead = k;
	return nr_parse_yesno_auth(s, k);
}

/* The login methods a page names, by the words clients and providers
 * use for them (docs/notice-reader.md, conventions: CRAM-MD5, APOP, "MD5
 * Challenge-Response", SPA: the encrypted password; NTLM; Kerberos:
 * GSSAPI; OAuth2, "modern authentication": a token; PLAIN, LOGIN, Basic,
 * "normal password": the password as it is). Words of three letters or
 * less only as words of their own ("SPA", not "space"). */
static const struct {
	const char *w;
	int m;
} method_words[] = {{"cram-md5", MP_AUTH_PASSWORD_ENCRYPTED}, {"digest-md5", MP_AUTH_PASSWORD_ENCRYPTED},
                    {"cram", MP_AUTH_PASSWORD_ENCRYPTED}, {"digest", MP_AUTH_PASSWORD_ENCRYPTED},
                    {"md5", MP_AUTH_PASSWORD_ENCRYPTED}, {"challenge-response", MP_AUTH_PASSWORD_ENCRYPTED},
                    {"challenge response", MP_AUTH_PASSWORD_ENCRYPTED}, {"apop", MP_AUTH_PASSWORD_ENCRYPTED},
                    {"encrypted", MP_AUTH_PASSWORD_ENCRYPTED}, {"暗号化", MP_AUTH_PASSWORD_ENCRYPTED},
                    {"secure password", MP_AUTH_PASSWORD_ENCRYPTED}, {"spa", MP_AUTH_PASSWORD_ENCRYPTED},
                    {"ntlm", MP_AUTH_NTLM}, {"kerberos", MP_AUTH_GSSAPI}, {"gssapi", MP_AUTH_GSSAPI},
                    {"oauth", MP_AUTH_OAUTH2}, {"xoauth", MP_AUTH_OAUTH2}, {"先進認証", MP_AUTH_OAUTH2},
                    {"modern auth", MP_AUTH_OAUTH2}};

int nr_method_at(const char *s, size_t n, size_t *at)
{
	for (size_t k = 0; k < n; k++)
		for (size_t w = 0; w < MP_COUNT(method_words); w++) {
			size_t wl = strlen(method_words[w].w);
			if (wl > n - k || mp_strncasecmp(s + k, method_words[w].w, wl) != 0)
				continue;
			if (wl <= 3 && ((k && isalnum((unsigned char)s[k - 1])) || (k + wl < n && isalnum((unsigned char)s[k + wl]))))
				continue;
			*at = k;
			return method_words[w].m;
		}
	*at = n;
	return -1;
}

/* A short value naming an authentication mechanism, whatever its label
 * ("Verification: PLAIN", "Auth: CRAM-MD5", "Authentication type
 * Password", "認証: 通常のパスワード"): the method, -1 when it names none.
 * A remark in brackets after it does not count. */
int nr_mechanism(const char *s, size_t n)
{
	static const struct {
		const char *w;
		int m;
	} mech[] = {{"cram-md5", MP_AUTH_PASSWORD_ENCRYPTED}, {"digest-md5", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"apop", MP_AUTH_PASSWORD_ENCRYPTED},     {"encrypted password", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"plain", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"normal password", MP_AUTH_PASSWORD_CLEARTEXT}, {"password", MP_AUTH_PASSWORD_CLEARTEXT},
	            /* (the same option as other translations of Thunderbird name it) */
	            {"regular password", MP_AUTH_PASSWORD_CLEARTEXT}, {"usual password", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"clear text", MP_AUTH_PASSWORD_CLEARTEXT}, {"cleartext", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"通常のパスワード", MP_AUTH_PASSWORD_CLEARTEXT}, {"平文", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"oauth2", MP_AUTH_OAUTH2}, {"oauth 2.0", MP_AUTH_OAUTH2}, {"oauth", MP_AUTH_OAUTH2},
	            {"xoauth2", MP_AUTH_OAUTH2}, {"modern authentication", MP_AUTH_OAUTH2}, {"先進認証", MP_AUTH_OAUTH2},
	            {"ntlm", MP_AUTH_NTLM}, {"kerberos", MP_AUTH_GSSAPI}, {"gssapi", MP_AUTH_GSSAPI},
	            {"md5 challenge", MP_AUTH_PASSWORD_ENCRYPTED}, {"md5-challenge", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"md5 - challenge", MP_AUTH_PASSWORD_ENCRYPTED}, {"challenge-response", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"secure password", MP_AUTH_PASSWORD_ENCRYPTED}, {"spa", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"basic", MP_AUTH_PASSWORD_CLEARTEXT}};
	/* (a choice, "OAuth2 or App Password": the first named) */
	size_t e = 0, words = 1;
	while (e < n && s[e] != '(' && !(e + 4 <= n && mp_strncasecmp(s + e, " or ", 4) == 0))
		words += s[e++] == ' ';
	while (e && s[e - 1] == ' ')
		e--, words--;
	if (!e || words > 3)
		return -1;
	for (size_t k = 0; k < MP_COUNT(mech); k++) {
		size_t wl = strlen(mech[k].w);
		if (wl <= e && mp_strncasecmp(s, mech[k].w, wl) == 0 && (wl == e || !isalnum((unsigned char)s[wl])))
			return mech[k].m;
	}
	/* "Authentication: Normal*": Thunderbird's "Normal password", the
	 * word alone (a footnote mark after it) */
	if (e >= 6 && mp_strncasecmp(s, "normal", 6) == 0) {
		size_t k = 6;
		while (k < e && (s[k] == '*' || s[k] == '\\'))
			k++;
		if (k == e)
			return MP_AUTH_PASSWORD_CLEARTEXT;
	}
	return -1;
}

/* "Enabled/password", "Yes, normal password": a yes, then the method it
 * names; the offset of the method, n when the value is not that. */
size_t nr_yes_then_mechanism(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && k < 40 && s[k] != '/' && s[k] != ',')
		k++;
	if (k >= n || k >= 40)
		return n;
	size_t w = nr_skip_sp(s, k + 1, n);
	return w < n && nr_parse_yesno_auth(s, k) == MP_AUTH_PASSWORD_CLEARTEXT && nr_mechanism(s + w, n - w) >= 0 ? w : n;
}

/* "same as your e-mail address", "メールアドレスと同じ", "before the @". */
enum word nr_parse_word(const char *s, size_t n)
{
	if (nr_has(s, n, "before the @") || nr_has(s, n, "before @") || nr_has(s, n, "より前") ||
	    nr_has(s, n, "の部分") || nr_has(s, n, "前の部分") || nr_has(s, n, "left of the @") ||
	    nr_has(s, n, "local part"))
		return W_LOCAL;
	if (nr_has(s, n, "same as") || nr_has(s, n, "as above") || nr_has(s, n, "と同じ") ||
	    nr_has(s, n, "メールアドレス") || nr_has(s, n, "your e-mail") || nr_has(s, n, "your email") ||
	    nr_has(s, n, "full email") || nr_has(s, n, "full e-mail") || nr_has(s, n, "email address") ||
	    nr_has(s, n, "e-mail address") || nr_has(s, n, "full address")) {
		/* an address shown as an example after the rule is no address */
		size_t ex = n;
		for (size_t k = 0; k < n && ex == n; k++)
			if (nr_gives_example(s + k, n - k < 12 ? n - k : 12) && (!k || !isalpha((unsigned char)s[k - 1])))
				ex = k;
		return memchr(s, '@', ex) && !nr_has(s, n, "before") ? W_NONE : W_EMAIL;
	}
	return W_NONE;
}

/* A password value without its readings: "aB1l0O（エー・ビー・イチ…）" and
 * "a(エー)B(ビー)1(イチ)" are both aB1l0O. A group in brackets holding
 * non-ASCII text is a reading and is dropped; so is a trailing group
 * ("Tm4rk9Qe(case-sensitive)"); ASCII brackets inside the token stay
 * ("Xy(7)kQ"). *fullwidth when a kept character was written full-width. */
void nr_password_token(const mp_nline *l, size_t off, const char *s, size_t n, mp_buf *out,
                           bool *fullwidth)
{
	static const char *const groups[][2] = {{"(", ")"}, {"「", "」"}, {"[", "]"}};
	*fullwidth = false;
	for (size_t i = 0; i < n;) {
		size_t seg = i;
		while (i < n && s[i] != ' ' && !nr_starts_any(s + i, n - i, (const char *const[]){"(", "「", "[", NULL}))
			i++;
		size_t keep = seg + nr_token_len(s + seg, i - seg); /* notes, commas: the value ends */
		mp_buf_add(out, s + seg, keep - seg);
		if (keep > seg &&
		    mp_nline_raw_nonascii(l, mp_nline_col(l, off + seg), mp_nline_col(l, off + keep)))
			*fullwidth = true;
		if (keep < i || i >= n || s[i] == ' ')
			break;
		size_t g = 0, ol = 0;
		for (; g < MP_COUNT(groups); g++)
			if ((ol = strlen(groups[g][0])) <= n - i && memcmp(s + i, groups[g][0], ol) == 0)
				break;
		const char *close = g < MP_COUNT(groups) ? strstr(s + i + ol, groups[g][1]) : NULL;
		if (!close || (size_t)(close - s) >= n)
			break;
		size_t ce = (size_t)(close - s) + strlen(groups[g][1]);
		bool reading = false;
		for (size_t k = i + ol; k < (size_t)(close - s); k++)
			reading |= (unsigned char)s[k] >= 0x80 || s[k] == ' ';
		bool trailing = ce >= n || s[ce] == ' ' || (unsigned char)s[ce] >= 0x80;
		if (reading || trailing) {
			i = ce; /* the group is dropped; letters after it belong to the password */
			continue;
		}
		mp_buf_add(out, s + i, ce - i);
		i = ce;
	}
	if (!out->s)
		mp_buf_add(out, "", 0);
}

/* Is the number at s[i, e) a port by its words ("port 25", "ポート25",
 * "25番ポート")? */
static bool port_worded(const char *s, size_t i, size_t e, size_t n)
{
	size_t b = i;
	while (b > 0 && s[b - 1] == ' ' && i - b < 2)
		b--;
	static const char *const before[] = {"port", "ポート", "ポート番号", NULL};
	for (const char *const *w = before; *w; w++) {
		size_t wl = strlen(*w);
		if (b >= wl && mp_strncasecmp(s + b - wl, *w, wl) == 0)
			return true;
	}
	return nr_starts_any(s + e, n - e, (const char *const[]){"番ポート", "番のポート", " port", NULL}) > 0;
}

void nr_read_refused(struct ex *x, const mp_ntext *t)
{
	static const char *const after[] = {"block", "closed", "no longer", "not supported", "not available", "unavailable",
	                                    "disabled", "not be used", "cannot be used", "can't be used", "discontinued",
	                                    "使用できません", "利用できません", "使えません", "ご利用いただけません",
	                                    "ブロック", "遮断", "廃止", "停止", NULL};
	/* (not "if your ISP blocks port 25": a condition, the port stays);
	 * "many ISPs block port 25", "opened port 26 to take the place of
	 * port 25", "in place of port 25": the port given up */
	static const char *const before[] = {"do not use", "don't use", "not use", "instead of", "avoid", "block",
	                                     "place of", "replace", NULL};
	for (size_t li = 0; li < t->n && !x->refused_full; li++) {
		const char *s = t->lines[li].s;
		size_t n = t->lines[li].len;
		for (size_t i = 0; i < n && !x->refused_full; i++) {
			int port = 0;
			if (!isdigit((unsigned char)s[i]) || (i && isdigit((unsigned char)s[i - 1])))
				continue;
			size_t e = i;
			while (e < n && isdigit((unsigned char)s[e]) && port < 100000)
				port = port * 10 + (s[e++] - '0');
			/* "… block port 25." ends its sentence: a port by its word, though
			 * a number before a full stop is no port on its own (a step) */
			bool stop = e < n && s[e] == '.' && (e + 1 == n || s[e + 1] == ' ') && port >= 10 && port <= 65535;
			if (!(stop || nr_port_at(s, i, n, &port)) || !port_worded(s, i, e, n)) {
				i = e;
				continue;
			}
			/* its clause: to the next stop after it, from the last before it */
			size_t ae = e;
			while (ae < n && ae - e < 60 && !strchr(".;,(", s[ae]) && !nr_starts_any(s + ae, n - ae, (const char *const[]){"。", "、", NULL}))
				ae++;
			size_t bb = i;
			while (bb > 0 && i - bb < 30 && !strchr(".;,(", s[bb - 1]))
				bb--;
			bool no = (nr_has_any(s + e, ae - e, after) || nr_has_any(s + bb, i - bb, before)) &&
			          !nr_has(s + bb, ae - bb, "if ") && !nr_has(s + bb, ae - bb, "場合");
			if (no && !nr_refused(x, port)) {
				if (x->nrefused >= NR_MAX_REFUSED) {
					nr_info(x, &t->lines[li], i, NULL, "more than %d ports said to be blocked; %s not used",
					        NR_MAX_REFUSED, "this one and those after it");
					x->refused_full = true;
				} else {
					x->refused = mp_xgrow(x->refused, x->nrefused, sizeof *x->refused);
					x->refused[x->nrefused++] = port;
				}
			}
			i = e;
		}
	}
}

bool nr_refused(const struct ex *x, int port)
{
	for (size_t k = 0; k < x->nrefused; k++)
		if (x->refused[k] == port)
			return true;
	return false;
}

/* What a text says of the settings it names: -1 discouraged ("not
 * recommended", "legacy", "非推奨"), 1 preferred ("recommended", "the port
 * we recommend", "preferred", "推奨", "おすすめ"), 0 neither. */
int nr_preference(const char *s, size_t n)
{
	static const char *const weak[] = {"discouraged", "deprecated", "not recommend", "legacy", "not as secure", "less secure", "非推奨",
	                                   "推奨しません", "推奨されません", "推奨していません", NULL};
	static const char *const pref[] = {"prefer", "recommend", "推奨", "おすすめ", "お勧め", "お薦め", NULL};
	if (nr_has_any(s, n, weak))
			return -1;
	/* "not usually recommended", "isn't generally preferred": a denial a
	 * word or two before the word (16 bytes back) */
	int r = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = nr_starts_any_ci(s + i, n - i, pref);
		if (!k)
			continue;
		size_t b = i > 16 ? i - 16 : 0;
		static const char *const deny[] = {"not ", "n't ", "never ", NULL};
		if (nr_has_any(s + b, i - b, deny))
			return -1;
		r = 1;
		i += k - 1;
	}
	return r;
}

bool nr_all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

size_t nr_skip_sp(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

size_t nr_find_dash(const char *s, size_t b, size_t e, size_t lim)
{
	for (size_t d = b; d + 3 <= e && d - b <= lim; d++)
		if (memcmp(s + d, " - ", 3) == 0)
			return d;
	return e;
}

/* Security words in a short span next to a port: -1 none said,
 * SW_TLS_AMBIG for a bare "TLS" (decided by the port). */
int nr_span_sec(const char *s, size_t n)
{
	if (nr_has(s, n, "starttls") || nr_has(s, n, "stls"))
		return MP_SEC_STARTTLS;
	if (nr_has(s, n, "ssl")) {
		static const char *const off[] = {"without ssl", "非ssl", "ssl無", "sslなし", "ssl未", "ssl非", "ssl不使用",
		                                  "sslを使用しない", "sslを使わない", "non-ssl", "non ssl", "no ssl"};
		for (size_t k = 0; k < MP_COUNT(off); k++)
			if (nr_has(s, n, off[k]))
				return MP_SEC_NONE;
		return MP_SEC_TLS;
	}
	if (nr_has(s, n, "tls"))
		return SW_TLS_AMBIG;
	/* "pop3s port: 995": a protocol whose name says TLS */
	if (nr_secure_name(s, n))
		return MP_SEC_TLS;
	/* "The secure imap port is 993", "POP3 Secure: 995" */
	if (nr_has(s, n, "insecure") || nr_has(s, n, "non-secure") || nr_has(s, n, "unsecure"))
		return MP_SEC_NONE;
	if (nr_has(s, n, "secure") && !nr_has(s, n, "secure password"))
		return SW_TLS_AMBIG;
	if (nr_has(s, n, "none") || nr_has(s, n, "no encryption") || nr_has(s, n, "unencrypted") ||
	    nr_has(s, n, "暗号化なし") || nr_has(s, n, "暗号化しない") || nr_has(s, n, "保護しない"))
		return MP_SEC_NONE;
	return -1;
}

/* A sentence demanding encryption without naming its kind ("You must use
 * a secure connection", "Only encrypted connections are accepted",
 * 「暗号化通信のみ対応」, "Unencrypted connections are not accepted",
 * 「暗号化なしの接続はできません」): SW_TLS_AMBIG (decided by each port);
 * one refusing encryption: MP_SEC_NONE; else -1. Not a condition, a
 * recommendation or "secure password". */
int nr_sentence_sec(const char *s, size_t n)
{
	static const char *const cond[] = {"if ", "unless", "optional", "recommend", "推奨", "場合", "secure password",
	                                   "セキュアパスワード", NULL};
	static const char *const plain[] = {"unencrypted", "without encryption", "no encryption", "non-encrypted",
	                                    "暗号化なし", "暗号化しない", "暗号化されていない", NULL};
	static const char *const refused[] = {"not accepted", "not allowed", "not permitted", "not supported", "not possible",
	                                      "no longer", "refused", "rejected", "できません", "できない", "不可",
	                                      "受け付けません", "お受けできません", NULL};
	static const char *const secure[] = {"secure connection", "encrypted connection", "encrypted communication",
	                                     "must be encrypted", "暗号化通信", "暗号化された接続", "暗号化接続",
	                                     "暗号化された通信", NULL};
	static const char *const must[] = {"must", "only", "require", "mandatory", "必須", "のみ", "必要", "限り", NULL};
	static const char *const deny[] = {"n't", "not ", "never", "ません", "ない", NULL};
	if (nr_has_any(s, n, cond))
		return -1;
	if (nr_has_any(s, n, plain))
		return nr_has_any(s, n, refused) ? SW_TLS_AMBIG : -1;
	/* "SSL is not supported", "Do not enable SSL", "Leave SSL unchecked",
	 * 「SSLは使用しないでください」「SSLには対応していません」: none; not a
	 * demand in two negations ("cannot connect without SSL", 「SSLを使用し
	 * なければなりません」「SSL以外では接続できません」) */
	static const char *const off[] = {"do not", "don't", "not support", "not use", "not enable", "not check", "avoid",
	                                  "uncheck", "disable", "turn off", "switch off", "しない", "ません", "無効", "外し",
	                                  "オフ", NULL};
	/* (nor an old version refused: "TLS 1.0 is not supported", SSLv3) */
	static const char *const twice[] = {"without", "なければ", "ないと", "以外", "なくては", "must", "必ず", "tls1", "tls 1",
	                                    "tlsv1", "tls v1", "sslv", "ssl 1", "ssl 2", "ssl 3", "ssl2", "ssl3", NULL};
	if (nr_has_any(s, n, off) && !nr_has_any(s, n, twice) && (nr_has(s, n, "ssl") || nr_has(s, n, "tls") || nr_has(s, n, "encrypt") ||
	                              nr_has(s, n, "暗号化")))
		return MP_SEC_NONE;
	return nr_has_any(s, n, secure) && nr_has_any(s, n, must) && !nr_has_any(s, n, deny) ? SW_TLS_AMBIG : -1;
}

/* The word right before s[i] (one space or ", " between), as [*wb, *we). */
static bool word_just_before(const char *s, size_t i, size_t *wb, size_t *we)
{
	size_t e = i;
	if (e && s[e - 1] == ' ')
		e--;
	if (e && s[e - 1] == ',')
		e--;
	if (e == i)
		return false;
	size_t b = e;
	while (b > 0 && e - b < 16 && isalnum((unsigned char)s[b - 1]))
		b--;
	*wb = b, *we = e;
	return b < e && (b == 0 || !isalnum((unsigned char)s[b - 1]));
}

/* A number the words around it make something else than a port: a
 * program's version or edition ("Outlook 2007", "Windows 10", "Office
 * 365", "version 6"), a year of a date ("May 18, 2004", "Feb 4 2005",
 * "© 2019"), a price ("$25", "£26"). The look-back is a word or two, so
 * the test stays constant per number. */
static bool not_a_port(const char *s, size_t i, size_t j, size_t n)
{
	static const char *const product[] = {
	    "outlook", "windows", "office", "exchange", "thunderbird", "eudora", "entourage", "express", "vista", "xp",
	    "ios", "ipados", "android", "macos", "version", "ver", "iphone", "ipad", "edition", "release", "build",
	    "sp", "update", "messenger", "netscape", "lotus", "notes", "seamonkey", "postbox", "opera", "firefox",
	    "chrome", "safari", "word", "excel", NULL};
	static const char *const month[] = {"jan", "january", "feb", "february", "mar", "march", "apr", "april",
	                                    "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
	                                    "september", "oct", "october", "nov", "november", "dec", "december",
	                                    "since", "copyright", "in", "from", "until", "year", NULL};
	if (i && (s[i - 1] == '$' || s[i - 1] == '#'))
		return true;
	if (i >= 2 && ((unsigned char)s[i - 2] == 0xc2 && ((unsigned char)s[i - 1] == 0xa3 || (unsigned char)s[i - 1] == 0xa5 ||
	                                                     (unsigned char)s[i - 1] == 0xa9)))
		return true; /* "£26", "¥500", "©2019" */
	if (j < n && s[j] == '%')
		return true;
	/* "for up to 90 minutes", "within 30 days", "25 MB", "10 messages":
	 * a number of a unit (a unit glued on, "90min", is no port already) */
	static const char *const unit[] = {"second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year",
	                                   "kb", "mb", "gb", "byte", "message", "recipient", "attempt", "character",
	                                   "percent", "%", NULL};
	if (j + 1 < n && s[j] == ' ') {
		size_t w = nr_starts_any_ci(s + j + 1, n - j - 1, unit), e = j + 1 + w;
		if (w && e < n && s[e] == 's')
			e++;
		if (w && (e == n || !isalnum((unsigned char)s[e])))
			return true;
	}
	/* "'554 sorry, you must …'", "\"550 Relaying denied\"": a quoted
	 * server reply starts with its code (not "'465 SSL'", "\"587 or
	 * 465\"": a port and its words); "error 554", "code 535" */
	static const char *const port_words[] = {"ssl", "tls", "starttls", "smtp", "imap", "pop", "port", "or ", "and ",
	                                         "with ", "for ", "secure", "encrypt", NULL};
	if (i && j + 1 < n && s[j] == ' ' && isalpha((unsigned char)s[j + 1]) &&
	    !nr_starts_any_ci(s + j + 1, n - j - 1, port_words) &&
	    (s[i - 1] == '\'' || s[i - 1] == '"' || (i >= 3 && (memcmp(s + i - 3, "\xe2\x80\x9c", 3) == 0 ||
	                                                           memcmp(s + i - 3, "\xe3\x80\x8c", 3) == 0))))
		return true;
	size_t wb, we;
	if (!word_just_before(s, i, &wb, &we))
		return false;
	static const char *const reply[] = {"error", "code", "reply", "response", "status", NULL};
	for (size_t k = 0; reply[k]; k++)
		if (strlen(reply[k]) == we - wb && mp_strncasecmp(s + wb, reply[k], we - wb) == 0)
			return true;
	bool year = j - i == 4 && (s[i] == '1' || s[i] == '2') && (s[i + 1] == '9' || s[i + 1] == '0');
	/* "August 14, 2006", "May 3rd": a day after its month */
	size_t y = j < n && s[j] == ',' ? j + 1 : j;
	y = y < n && s[y] == ' ' ? y + 1 : y;
	bool day = j - i <= 2 && j < n &&
	           ((y > j && y + 4 <= n && (s[y] == '1' || s[y] == '2') && isdigit((unsigned char)s[y + 1]) &&
	             isdigit((unsigned char)s[y + 2]) && isdigit((unsigned char)s[y + 3]) &&
	             (y + 4 == n || !isalnum((unsigned char)s[y + 4]))) ||
	            nr_starts_any_ci(s + j, n - j, (const char *const[]){"st", "nd", "rd", "th", NULL}));
	for (size_t k = 0; day && month[k] && k < 24; k++)
		if (strlen(month[k]) == we - wb && mp_strncasecmp(s + wb, month[k], we - wb) == 0)
			return true;
	bool named = false;
	for (size_t k = 0; product[k] && !named; k++)
		named = strlen(product[k]) == we - wb && mp_strncasecmp(s + wb, product[k], we - wb) == 0;
	if (named && (s[we] != ',' || year))
		return true;
	if (!year)
		return false;
	for (size_t k = 0; month[k]; k++)
		if (strlen(month[k]) == we - wb && mp_strncasecmp(s + wb, month[k], we - wb) == 0)
			return true;
	/* "18, 2004", "4 2005": a day before the year */
	if (isdigit((unsigned char)s[wb]) && we - wb <= 2) {
		size_t b2, e2;
		if (word_just_before(s, wb, &b2, &e2))
			for (size_t k = 0; month[k] && k < 24; k++)
				if (strlen(month[k]) == e2 - b2 && mp_strncasecmp(s + b2, month[k], e2 - b2) == 0)
					return true;
	}
	return false;
}

/* The security of an alternative port offered on the client's ability
 * ("If your program supports it, use port 995 with SSL instead", "where
 * your software can, use 993 (SSL/TLS)"), when it is the port TLS from
 * the first byte of the protocol of the port placed before it (110: 995,
 * 143: 993, 587 or 25: 465) and TLS is said right after it; else -1. Not
 * a port blocked or refused, nor a plain one. "We recommend port 993
 * with SSL/TLS" after "port 143" is such a port too. */
int nr_better_port(const char *s, size_t pv, size_t vb, size_t ve, size_t n, int before)
{
	int p = atoi(s + vb);
	if (before <= 0 || !mp_port_is_implicit_tls(p) || mp_port_is_implicit_tls(before) ||
	    nr_port_ctx(p) == NC_NONE || nr_port_ctx(p) != nr_port_ctx(before))
		return -1;
	size_t sb = vb; /* its sentence, since the value before */
	while (sb > pv && !(sb >= pv + 2 && s[sb - 1] == ' ' && s[sb - 2] == '.'))
		sb--;
	static const char *const able[] = {"support", "capable", "able to", "allows", "can ", "recommend", NULL};
	static const char *const refused[] = {"block", "not ", "n't", "cannot", "unable", "refuse", "fail", NULL};
	size_t e = ve; /* its clause after it */
	while (e < n && e - ve < 40 && s[e] != ',' && s[e] != ';' && !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')))
		e++;
	if (!nr_has_any(s + sb, e - sb, able) || nr_has_any(s + sb, e - sb, refused))
		return -1;
	int sec = nr_span_sec(s + ve, e - ve);
	return sec >= 0 && nr_sec_for_port(sec, p) == MP_SEC_TLS ? sec : -1;
}

/* A port number at s[i]: digits not glued to letters, a size, a date or a
 * time ("20MB", "2009年", "9:00"). */
bool nr_port_at(const char *s, size_t i, size_t n, int *port)
{
	if (i < n && !isdigit((unsigned char)s[i]))
		return false;
	/* "port995": a port word run into its number (cells run together) */
	bool glued = i >= 4 && mp_strncasecmp(s + i - 4, "port", 4) == 0 &&
	             (i == 4 || !isalpha((unsigned char)s[i - 5]));
	/* not "host:993" nor a time, but "必須:993" (a label's separator) */
	bool sep = i >= 2 && s[i - 1] == ':' && (unsigned char)s[i - 2] >= 0x80;
	/* ... nor "port:993" (a port word's separator, no space after it) */
	sep |= i >= 5 && s[i - 1] == ':' && mp_strncasecmp(s + i - 5, "port", 4) == 0 &&
	       (i == 5 || !isalpha((unsigned char)s[i - 6]));
	if (i && !glued && !sep && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ':' || s[i - 1] == '/'))
		return false;
	size_t j = i;
	long v = 0;
	while (j < n && isdigit((unsigned char)s[j]) && v < 100000)
		v = v * 10 + (s[j++] - '0');
	/* "enter 993or for POP…": a space a page's markup lost before "or" */
	bool or_glued = j + 3 < n && ((mp_strncasecmp(s + j, "or ", 3) == 0) ||
	                              (j + 4 < n && mp_strncasecmp(s + j, "and ", 4) == 0));
	/* not "2009/10", but "993/SSL" is a port and its security */
	if (j < n && !or_glued && (isalnum((unsigned char)s[j]) || (s[j] == ':' && j + 1 < n && isdigit((unsigned char)s[j + 1])) ||
	              s[j] == '.' || (s[j] == '/' && !(j + 1 < n && isalpha((unsigned char)s[j + 1]))) || s[j] == '-'))
		return false;
	if (j < n && (unsigned char)s[j] >= 0x80 && !nr_starts_any(s + j, n - j, (const char *const[]){"番", "※", "(", "、", "。", NULL}))
		return false;
	*port = (int)v;
	return v >= 10 && v <= 65535 && /* one digit: a row or footnote number */
	       !not_a_port(s, i, j, n);
}

/* Does a label name both incoming protocols, and no sending ("POP/IMAP
 * Server")? */
bool nr_names_both_in(const char *s, size_t n)
{
	return nr_has(s, n, "pop") && nr_has(s, n, "imap") && !nr_has(s, n, "smtp") && !nr_has(s, n, "outgoing") &&
	       !nr_has(s, n, "送信");
}

/* Does a label or a sentence name an incoming and the outgoing server
 * both, by direction or by protocol, misspelt too ("POP, IMAP and SMTP",
 * "incoming and outgoing", 送受信, "for both the Incomming server and
 * Outgoing server", "both POP3 as well as SMTP connections")? */
bool nr_names_both_ways(const char *s, size_t n)
{
	static const char *const in[] = {"pop", "imap", "incom", "receiv", "受信", NULL};
	static const char *const out[] = {"smtp", "outgo", "sending", "送信", "送受信", NULL};
	return nr_has_any(s, n, in) && nr_has_any(s, n, out);
}

/* The server a host's first label names ("imap.…", "pop.…", "smtp.…"). */
enum mp_nctx nr_host_ctx(const char *h, size_t n)
{
	static const struct {
		const char *p;
		enum mp_nctx c;
	} pfx[] = {{"imap", NC_IMAP}, {"pop", NC_POP}, {"smtp", NC_SMTP}};
	for (size_t p = 0; p < MP_COUNT(pfx); p++)
		if (n > strlen(pfx[p].p) && mp_strncasecmp(h, pfx[p].p, strlen(pfx[p].p)) == 0)
			return pfx[p].c;
	return NC_NONE;
}

/* One entry of the port matrix: server srv offers port (0: named with
 * a security and no port, or named alone) with security sec (-1 none
 * said), read at byte off of l. */
void nr_mx_add(struct ex *x, const mp_nline *l, size_t off, int srv, int port, int sec)
{
	/* every account looks at every entry: a page of thousands of port
	 * lines is no real page, and must not cost accounts times lines */
	if (x->nmx >= NR_MX_MAX) {
		if (!x->mx_full)
			nr_info(x, l, off, NULL, "more than %d port or protocol lines; the rest are not used", NR_MX_MAX);
		x->mx_full = true;
		return;
	}
	x->mx = mp_xgrow(x->mx, x->nmx, sizeof *x->mx);
	struct mentry *m = &x->mx[x->nmx++];
	m->srv = srv;
	m->port = port;
	m->sec = sec;
	m->rank = port ? nr_sec_rank(sec) : -1;
	m->weak = x->discouraged;
	m->passing = false;
	m->pref = 0;
	m->nauth = 0;
	m->bseq = x->bseq;
	m->off = off;
	m->loc = nr_loc_at(x, l, off);
}

/* The port-matrix entries [from, x->nmx) take what their port's own words
 * (s, n; 100 bytes at most) say of it: preferred or discouraged. */
static void mx_pref(struct ex *x, size_t from, const char *s, size_t n)
{
	int p = nr_preference(s, n < 100 ? n : 100);
	for (size_t e = from; e < x->nmx; e++)
		x->mx[e].pref = p;
}

/* The login methods a port-matrix row names after its protocol ("POP3s |
 * SSL | 995 | APOP,PLAIN", "SMTPS 465 (CRAM-MD5 or PLAIN)"), in order,
 * given to the entries [from, x->nmx) read from that row. */
static void mx_methods(struct ex *x, size_t from, const char *s, size_t n)
{
	static const struct {
		const char *w;
		int m;
	} mech[] = {{"cram-md5", MP_AUTH_PASSWORD_ENCRYPTED}, {"digest-md5", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"md5", MP_AUTH_PASSWORD_ENCRYPTED},      {"apop", MP_AUTH_PASSWORD_ENCRYPTED},
	            {"plain", MP_AUTH_PASSWORD_CLEARTEXT},    {"login", MP_AUTH_PASSWORD_CLEARTEXT},
	            {"oauth2", MP_AUTH_OAUTH2},               {"xoauth2", MP_AUTH_OAUTH2},
	            {"oauth", MP_AUTH_OAUTH2},                {"先進認証", MP_AUTH_OAUTH2}};
	int got[2], ng = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && isalnum((unsigned char)s[i - 1]))
			continue;
		for (size_t k = 0; k < MP_COUNT(mech); k++) {
			size_t wl = strlen(mech[k].w);
			if (wl > n - i || mp_strncasecmp(s + i, mech[k].w, wl) != 0 || (i + wl < n && isalnum((unsigned char)s[i + wl])))
				continue;
			if (!(ng && got[0] == mech[k].m) && !(ng == 2 && got[1] == mech[k].m) && ng < 2)
				got[ng++] = mech[k].m;
			i += wl;
			break;
		}
	}
	for (size_t e = from; e < x->nmx; e++) {
		x->mx[e].nauth = ng;
		for (int k = 0; k < ng; k++)
			x->mx[e].auth[k] = got[k];
	}
}

/* "25/587": two well-known mail ports joined by a slash (not a date). */
static bool port_pair(const char *s, size_t i, size_t n, int *port)
{
	static const int known[] = {25, 110, 143, 465, 587, 993, 995};
	if (i && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.'))
		return false;
	size_t k = i;
	while (k < n && isdigit((unsigned char)s[k]))
		k++;
	if (k == i || k - i > 3 || k + 1 >= n || s[k] != '/' || !isdigit((unsigned char)s[k + 1]))
		return false;
	size_t e = k + 1;
	while (e < n && isdigit((unsigned char)s[e]))
		e++;
	if (e < n && (s[e] == '/' || isalpha((unsigned char)s[e])))
		return false;
	int a = atoi(s + i), b = atoi(s + k + 1), hits = 0;
	for (size_t q = 0; q < sizeof known / sizeof known[0]; q++)
		hits += (known[q] == a) + (known[q] == b);
	*port = a;
	return hits == 2;
}

/* Is port line e of draft a? Beside several providers' blocks, only a
 * line read under the block's own provider heading is (a list of ports
 * apart from them names none: reported in nr_group_pass). */
bool nr_mx_of(const struct mentry *e, const struct dacc *a)
{
	return !a->group || (a->bseq && e->bseq == a->bseq);
}

/* "(SSL: 995)": a bracket at s[i] that holds a port before it closes
 * (looked at up to 40 bytes) */
static bool paren_port(const char *s, size_t i, size_t n)
{
	for (size_t k = i + 1; k < n && k < i + 40 && s[k] != ')'; k++) {
		int p;
		if (isdigit((unsigned char)s[k]) && nr_port_at(s, k, n, &p))
			return true;
	}
	return false;
}

/* Is s[a, b) only what joins two protocol names ("/", ", ", " and ",
 * "・", "、", " or ")? */
static bool joined(const char *s, size_t a, size_t b)
{
	static const char *const joins[] = {"/", ",", "、", "・", "&", "and", "or", "と", "および", "及び", "または", NULL};
	while (a < b && s[a] == ' ')
		a++;
	while (b > a && s[b - 1] == ' ')
		b--;
	for (const char *const *j = joins; *j; j++)
		if (b - a == strlen(*j) && mp_strncasecmp(s + a, *j, b - a) == 0)
			return true;
	return false;
}

/* Is the line's run of names one list ("POP3/IMAP") with no port, its
 * last name ending the line or a clause? */
static bool joined_run(const char *s, const size_t *te, const size_t *tb, const size_t *pb, size_t nt, size_t n)
{
	for (size_t k = 0; k + 1 < nt; k++)
		if (pb[k + 1] < n || !joined(s, te[k], tb[k + 1]))
			return false;
	size_t e = nt ? te[nt - 1] : n;
	while (e < n && s[e] == ' ')
		e++;
	return nt && (e == n || strchr(".,;:)。", s[e]) || (n - e >= 3 && memcmp(s + e, "。", 3) == 0));
}

/* The security said right after the t-th protocol name of a line, up to
 * the next name or a clause's end (24 bytes at most); -1 none. */
static int name_sec(const char *s, size_t n, const size_t *te, const size_t *tb, const bool *tt, size_t nt,
                    const size_t *pb, size_t t)
{
	if (tt[t])
		return MP_SEC_TLS;
	size_t from = te[t], end = t + 1 < nt ? (pb[t + 1] < n ? pb[t + 1] : tb[t + 1]) : n;
	size_t e = from + 24 < end ? from + 24 : end;
	for (size_t j = from; j < e; j++)
		if (s[j] == ',' || s[j] == '.' || s[j] == '(' || s[j] == ';')
			e = j;
	int sec = nr_span_sec(s + from, e - from);
	/* "SMTPともにSSL使用時、SSL非使用時の両方で", "SMTP with SSL and without
	 * SSL": a plain mode said beside in the clause, no one security
	 * (a short look: a long line of names stays linear) */
	size_t c = from + 120 < end ? from + 120 : end;
	return sec >= 0 && sec != MP_SEC_NONE && nr_span_sec(s + from, c - from) == MP_SEC_NONE ? -1 : sec;
}

/* The protocol name at s[i] (a word: the caller looks at the byte before
 * it): its length, its server and whether its spelling says TLS
 * ("SMTPS", "POP3s", "IMAPS", "simap"); 0 when none. Not a host
 * ("imap.example.com") nor "POP before SMTP". */
static size_t proto_name(const char *s, size_t i, size_t n, int *srv, bool *tls)
{
	static const struct {
		const char *w;
		int srv;
		bool tls;
	} toks[] = {{"smtps", S_SMTP, true}, {"smtp", S_SMTP, false}, {"pop3s", S_POP, true},
	            {"pops", S_POP, true},   {"pop3", S_POP, false},  {"pop", S_POP, false},
	            {"imap4s", S_IMAP, true}, {"imaps", S_IMAP, true}, {"imap4", S_IMAP, false},
	            {"imap", S_IMAP, false},  {"simap", S_IMAP, true}, {"spop3", S_POP, true},
	            {"spop", S_POP, true},   {"submission", S_SMTP, false}};
	for (size_t k = 0; k < MP_COUNT(toks); k++) {
		size_t w = strlen(toks[k].w);
		if (i + w > n || mp_strncasecmp(s + i, toks[k].w, w) != 0 || (i + w < n && isalnum((unsigned char)s[i + w])))
			continue;
		if (i + w + 1 < n && s[i + w] == '.' && isalnum((unsigned char)s[i + w + 1]))
			return 0;
		if (nr_has(s + i, n - i < 20 ? n - i : 20, "before"))
			return 0;
		*srv = toks[k].srv, *tls = toks[k].tls;
		return w;
	}
	return 0;
}

/* Does s name a protocol whose name says TLS ("POP3S (995)", "Only
 * IMAPs is available", "pop3s port: 995")? */
bool nr_secure_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int srv;
		bool tls;
		size_t w = i && isalnum((unsigned char)s[i - 1]) ? 0 : proto_name(s, i, n, &srv, &tls);
		if (w && tls)
			return true;
		i += w;
	}
	return false;
}

/* ---- port matrices: "SMTPS 465", "POP3/SSL: port 995", "IMAP over SSL: 993",
 * "POP3 (port 110) with STARTTLS", "POP3 is also available on port 110
 * (STARTTLS) or 995 (SSL/TLS)" ---- */

/* The security said in the rest of the bracket a port at j stands in,
 * from the comma at c after it to the bracket's close ("(port 995,
 * SSL)", "(POP3, port 995, SSL required)"); -1 when the port stands in
 * no bracket opened at from or after, the bracket goes on past end or 40
 * bytes, or another number stands in the rest ("(SSL: 995, non-SSL:
 * 110)" keeps its own reading). */
static int bracket_rest_sec(const char *s, size_t from, size_t j, size_t c, size_t end)
{
	size_t o = j;
	/* (a short way back, as forward: a hostile run of ports after one
	 * name stays linear) */
	while (o > from && j - o < 40 && s[o - 1] != '(' && s[o - 1] != ')')
		o--;
	if (o <= from || s[o - 1] != '(')
		return -1;
	size_t q = c + 1;
	while (q < end && q - c < 40 && s[q] != ')' && s[q] != '(' && !isdigit((unsigned char)s[q]))
		q++;
	if (q >= end || s[q] != ')')
		return -1;
	return nr_span_sec(s + c + 1, q - c - 1);
}

/* Is s[0, i) a number alone, after spaces ("587" of "587SMTP")? */
static bool lead_digits(const char *s, size_t i)
{
	size_t k = nr_skip_sp(s, 0, i);
	if (k >= i)
		return false;
	while (k < i && isdigit((unsigned char)s[k]))
		k++;
	return k == i;
}

size_t nr_matrix(struct ex *x, const mp_nline *l, const char *s, size_t n, size_t base)
{
	int line_sec = -1;
	if (n >= 4 && mp_strncasecmp(s, "ssl:", 4) == 0)
		line_sec = MP_SEC_TLS;
	else if (n >= 4 && mp_strncasecmp(s, "tls:", 4) == 0)
		line_sec = MP_SEC_STARTTLS;
	/* the protocol names of the line, in order */
	size_t tb[32], te[32], nt = 0;
	int ts[32];
	bool tt[32];
	for (size_t i = 0; i < n && nt < MP_COUNT(tb); i++) {
		if (i && isalnum((unsigned char)s[i - 1]) && !(nt == 0 && lead_digits(s, i)))
			continue;
		size_t w = proto_name(s, i, n, &ts[nt], &tt[nt]);
		if (!w)
			continue;
		tb[nt] = i, te[nt] = i + w;
		nt++;
		i += w;
	}
	/* "SSL接続の場合はPOP3が995、SMTPが465": words before the first name */
	if (nt && line_sec < 0)
		line_sec = nr_span_sec(s, tb[0]);
	/* "STARTTLS (POP/SMTP port 110/587)", "IMAP/POP3: 993/995": names
	 * joined by slashes, then as many ports joined by slashes: each name
	 * its port, in order (a slash between two numbers is no port of one) */
	for (size_t t = 0; t + 1 < nt; t++) {
		size_t m = 1;
		while (t + m < nt && tb[t + m] == te[t + m - 1] + 1 && s[te[t + m - 1]] == '/')
			m++;
		if (m < 2)
			continue;
		size_t j = nr_skip_sp(s, te[t + m - 1], n);
		if (j < n && s[j] == ':')
			j++;
		j = nr_skip_sp(s, j, n);
		j += n - j >= 5 && mp_strncasecmp(s + j, "ports", 5) == 0 ? 5 : n - j >= 4 && mp_strncasecmp(s + j, "port", 4) == 0 ? 4 : 0;
		j = nr_skip_sp(s, j, n);
		int pp[32];
		size_t pa[32], c = 0;
		while (c < m && j < n && isdigit((unsigned char)s[j])) {
			long v = 0;
			pa[c] = j;
			while (j < n && isdigit((unsigned char)s[j]) && v < 100000)
				v = v * 10 + (s[j++] - '0');
			pp[c++] = v > 0 && v <= 65535 ? (int)v : 0;
			if (c < m && j < n && s[j] == '/')
				j++;
			else
				break;
		}
		if (c != m || (j < n && isalnum((unsigned char)s[j])))
			continue;
		bool ok = true;
		for (size_t k = 0; k < m; k++)
			ok &= pp[k] > 0;
		if (!ok)
			continue;
		if (x) {
			size_t m0 = x->nmx;
			for (size_t k = 0; k < m; k++)
				nr_mx_add(x, l, base + pa[k], ts[t + k], pp[k], nr_sec_for_port(tt[t + k] ? MP_SEC_TLS : line_sec, pp[k]));
			/* "… port 110/587) is not as secure" */
			mx_pref(x, m0, s + j, n - j);
		}
		return m;
	}
	/* "Port 993 (IMAP) or 995 (POP3)": a name in brackets right after a
	 * port names that port, not the ones after it */
	size_t pb[32];
	for (size_t t = 0; t < nt; t++) {
		pb[t] = n;
		size_t k = tb[t];
		/* "587SMTP + STARTTLS", "993 IMAP + SSL": a table row whose port
		 * cell came first, glued to the name by the text extraction */
		/* "Port 993 - IMAP port used for SSL", "995: POP3 over SSL": a
		 * list item opening with its port (after the word "port"), a dash
		 * or colon, then the name of its protocol */
		size_t d0 = nr_skip_sp(s, 0, n), d1;
		if (t == 0 && n - d0 > 5 && mp_strncasecmp(s + d0, "port ", 5) == 0)
			d0 = nr_skip_sp(s, d0 + 5, n);
		else if (t == 0 && n - d0 > 9 && memcmp(s + d0, "ポート", 9) == 0)
			d0 = nr_skip_sp(s, d0 + 9, n);
		d1 = d0;
		while (d1 < n && isdigit((unsigned char)s[d1]))
			d1++;
		size_t sep = nr_skip_sp(s, d1, n);
		if (sep < k && (s[sep] == '-' || s[sep] == ':' || s[sep] == '=') && d1 < sep)
			sep = nr_skip_sp(s, sep + 1, n);
		else if (sep < k && (s[sep] == '-' || s[sep] == ':') && d1 == sep && sep + 1 < n && s[sep + 1] == ' ')
			sep = nr_skip_sp(s, sep + 1, n);
		if (t == 0 && d1 > d0 && d1 - d0 <= 5 && sep == k && (d1 == k || s[d1] == ' ' || s[d1] == '-' || s[d1] == ':')) {
			long v = atol(s + d0);
			if (v > 0 && v <= 65535)
				pb[t] = d0;
			continue;
		}
		if (!k || s[k - 1] != '(')
			continue;
		k--;
		while (k && s[k - 1] == ' ')
			k--;
		size_t d = k;
		while (d && isdigit((unsigned char)s[d - 1]))
			d--;
		int port;
		if (d < k && nr_port_at(s, d, n, &port))
			pb[t] = d;
	}
	size_t found = 0, mx0 = x ? x->nmx : 0;
	for (size_t t = 0; t < nt; t++) {
		if (x && t) { /* the row of the name before ends here */
			mx_methods(x, mx0, s + te[t - 1], tb[t] - te[t - 1]);
			mx0 = x->nmx;
		}
		if (pb[t] < n) {
			int port = atoi(s + pb[t]);
			size_t close = te[t];
			while (close < n && s[close] != ')' && (t + 1 >= nt || close < tb[t + 1]))
				close++;
			int sec = tt[t] ? MP_SEC_TLS : nr_span_sec(s + te[t], close - te[t]);
			if (sec < 0)
				sec = line_sec;
			sec = nr_sec_for_port(sec, port);
			if (x) {
				size_t m0 = x->nmx;
				nr_mx_add(x, l, base + pb[t], ts[t], port, sec);
				/* "Port 587 - SMTP, the port we recommend" */
				size_t pe = t + 1 < nt ? tb[t + 1] : n;
				mx_pref(x, m0, s + te[t], pe - te[t]);
			}
			found++;
			continue;
		}
		size_t end = t + 1 < nt ? (pb[t + 1] < n ? pb[t + 1] : tb[t + 1]) : n, from = te[t];
		/* "use SMTP AUTH/STARTTLS", "IMAP over SSL" with no port on the
		 * line: the server is offered, with that security (port 0: none) */
		bool digits = false; /* a number that can be a port: not "CRAM-MD5" */
		for (size_t j = from; j < end && !digits; j++) {
			int pn;
			digits = isdigit((unsigned char)s[j]) && (nr_port_at(s, j, n, &pn) || port_pair(s, j, n, &pn));
		}
		if (!digits) {
			int sec = name_sec(s, n, te, tb, tt, nt, pb, t);
			/* "POP3/IMAP via SSL", "IMAP and POP3 over SSL": names
			 * joined share the security said after the last of them;
			 * "SSL経由のPOP3/IMAP": the one said before the first */
			for (size_t k = t; sec < 0 && k + 1 < nt && pb[k + 1] >= n && joined(s, te[k], tb[k + 1]); k++)
				sec = name_sec(s, n, te, tb, tt, nt, pb, k + 1);
			if (sec < 0 && joined_run(s, te, tb, pb, nt, n) && !memchr(s, ':', tb[0])) /* not "SSL: … for both SMTP and IMAP" */
				sec = line_sec;
			if (sec >= 0 && sec != SW_TLS_AMBIG) {
				if (x)
					nr_mx_add(x, l, base + tb[t], ts[t], 0, sec);
				found++;
			}
			continue;
		}
		/* the first port comes soon after the name ("IMAP over SSL: 993") */
		size_t lim = from + 48 < end ? from + 48 : end, said = from; /* where the words of the next port start */
		for (size_t j = from; j < end; j++) {
			int port;
			/* not a footnote number ("587※1※2") */
			if ((j >= 3 && memcmp(s + j - 3, "※", 3) == 0) || (j && s[j - 1] == '*'))
				continue;
			/* "(25/587※1)": two mail ports joined by a slash, each offered */
			if (!nr_port_at(s, j, n, &port)) {
				if (!port_pair(s, j, n, &port))
					continue;
				size_t k2 = j;
				while (isdigit((unsigned char)s[k2]))
					k2++;
				int sec2 = tt[t] ? MP_SEC_TLS : nr_span_sec(s + from, j - from);
				if (sec2 < 0)
					sec2 = line_sec;
				for (int q = 0; q < 2 && x; q++) {
					int pq = q ? atoi(s + k2 + 1) : port;
					int sq = nr_sec_for_port(sec2, pq);
					nr_mx_add(x, l, base + (q ? k2 + 1 : j), ts[t], pq, sq);
				}
				found++;
				break;
			}
			if (j > lim && !found)
				break;
			size_t k = j;
			while (k < n && isdigit((unsigned char)s[k]))
				k++;
			/* security: the span after the number (to the next number or
			 * comma), else the words between the name and the number */
			size_t e = k;
			while (e < end && s[e] != ',' && !isdigit((unsigned char)s[e]) && !nr_has(s + e, end - e < 4 ? end - e : 4, " or ") &&
			       !(s[e] == '(' && paren_port(s, e, end)))
				e++;
			int sec = tt[t] ? MP_SEC_TLS : nr_span_sec(s + k, e - k);
			/* "IMAP 993 (143 for non-SSL)": the encrypted one of the two */
			if (sec < 0 && plain_alt_after(s, k, n))
				sec = SW_TLS_AMBIG;
			/* "pop.… for POP3 (port 995, SSL) and smtp.… (port 465,
			 * SSL)": the items of the port's own bracket after it */
			if (sec < 0 && e < end && s[e] == ',')
				sec = bracket_rest_sec(s, tb[t] ? tb[t] - 1 : 0, j, e, end); /* ("(POP3, port 995") */
			if (sec < 0)
				sec = nr_span_sec(s + said, j - said);
			if (sec < 0)
				sec = line_sec;
			if (sec == MP_SEC_STARTTLS && mp_port_is_implicit_tls(port))
				sec = MP_SEC_TLS;
			sec = nr_sec_for_port(sec, port);
			if (x) {
				size_t m0 = x->nmx;
				nr_mx_add(x, l, base + j, ts[t], port, sec);
				mx_pref(x, m0, s + k, e - k); /* "587 (recommended) or 465" */
			}
			found++;
			j = k;
			said = e;
			/* more ports for the same name only when joined by "or", "/",
			 * ",", or in brackets ("110 (SSL: 995)") */
			size_t g = nr_skip_sp(s, e, end);
			if (!(g < end && (s[g] == ',' || s[g] == '/' || s[g] == '(' || nr_has(s + e, end - e < 4 ? end - e : 4, " or ") ||
			                  nr_has(s + e, end - e < 4 ? end - e : 4, "or "))))
				break;
		}
	}
	if (x && nt)
		mx_methods(x, mx0, s + te[nt - 1], n - te[nt - 1]);
	return found;
}

/* Does the cell s[b, e) hold a pair of its own: a label the dictionary
 * knows, its colon, then a value of the label's field ("Incoming (IMAP):
 * imap.example.net", "Port: 993")? A row of such cells is a row of pairs,
 * not a table's label | value. */
bool nr_pair_cell(const char *s, size_t b, size_t e)
{
	const char *c = memchr(s + b, ':', e - b);
	if (!c || c == s + b)
		return false;
	size_t v = nr_skip_sp(s, (size_t)(c - s) + 1, e);
	enum mp_nctx d;
	enum mp_nfield f = v < e ? mp_notice_classify(s + b, (size_t)(c - s) - b, &d) : NF_NONE;
	return f != NF_NONE && f != NF_IGNORE && nr_value_is(f, s + v, e - v);
}

/* Is the whole of s (a line or a cell) one value of the type field f
 * takes? "SSL/TLS" under "- Encryption:" is a value even though the
 * dictionary also knows it as a label. */
bool nr_value_is(enum mp_nfield f, const char *s, size_t n)
{
	size_t t = nr_token_len(s, n), words = 1;
	for (size_t i = 0; i < n && s[i] != '('; i++) /* a remark in brackets is not the value */
		words += s[i] == ' ' && i + 1 < n && s[i + 1] != '(';
	switch (f) {
	case NF_SECURITY: return words <= 3 && nr_parse_security(s, n) >= 0;
	case NF_SMTP_AUTH: return words <= 3 && nr_parse_yesno_auth(s, n) >= 0;
	case NF_PORT: return n && isdigit((unsigned char)s[0]);
	case NF_HOST: return nr_valid_host(s, t);
	case NF_EMAIL: return nr_valid_email(s, t);
	case NF_LOGIN:
	case NF_PASSWORD: return words == 1 && nr_is_ascii_tok(s, n);
	default: return false;
	}
}

/* Where an authentication statement starts in a value ("SMTP認証あり",
 * "SMTP-AUTH required"), n when there is none. */
size_t nr_auth_statement(const char *s, size_t n)
{
	static const char *const words[] = {"smtp認証", "smtp-auth", "smtp auth", "smtpauth", "authentication",
	                                    "認証", NULL};
	for (size_t i = 0; i < n; i++)
		for (const char *const *w = words; *w; w++) {
			size_t k = strlen(*w);
			if (k <= n - i && mp_strncasecmp(s + i, *w, k) == 0)
				return i;
		}
	return n;
}

/* A clause naming a login that states none: a question ("whether your
 * server requires authentication"), a case of it ("SMTP認証を使う場合"),
 * a sender's domain proved to receivers (送信ドメイン認証, SPF, DKIM),
 * a second factor ("two-factor authentication"), an error message
 * ("535 Authentication failed", 認証に失敗). */
/* "'554 sorry, you must get POP/APOP authorization.'", "530 5.7.0
 * Authentication required": a server's reply quoted (a reply code after a
 * quote, or one with its enhanced status code), an error shown, not what
 * the page asks to set */
static bool reply_quoted(const char *c, size_t cn)
{
	for (size_t i = 0; i + 4 < cn; i++) {
		const char *d = c + i;
		if ((d[0] != '4' && d[0] != '5') || !isdigit((unsigned char)d[1]) || !isdigit((unsigned char)d[2]) ||
		    (d[3] != ' ' && d[3] != '-') || (i && isdigit((unsigned char)c[i - 1])))
			continue;
		bool quoted = i && strchr("'\"`", c[i - 1]);
		bool enhanced = i + 7 < cn && (d[4] == '4' || d[4] == '5') && d[5] == '.' && isdigit((unsigned char)d[6]);
		if (quoted || enhanced)
			return true;
	}
	return false;
}

bool nr_auth_not_stated(const char *c, size_t cn)
{
	static const char *const w[] = {"whether", "ドメイン認証", "domain authentication", "spf", "dkim", "see also",
	                                "read more", "learn more",
	                                "two-factor", "2-factor", "2-step", "two-step", "multi-factor", "2段階",
	                                "二段階", "多要素", "does not require", "doesn't require", "failed", "失敗",
	                                NULL};
	if (nr_has_any(c, cn, w) || reply_quoted(c, cn))
		return true;
	size_t at = nr_auth_statement(c, cn);
	return at < cn && nr_has(c + at, cn - at, "場合");
}

/* The typed value starting at s[i] (a token boundary), if any: its type and
 * its extent [*vb, *ve). after_sep: the token follows ':' / "is", where any
 * ASCII token is a value (a login, a password). */
/* "必要ありません", "必要はない", "ありません": a denial after a yes/no
 * word belongs to the value; where the value ends. */
static size_t denial_end(const char *s, size_t e, size_t n)
{
	return e + nr_starts_any(s + e, n - e,
	                         (const char *const[]){"ありません", "はありません", "がありません", "ません", "はない",
	                                               "がない", "ない", NULL});
}

/* "server hostname is localhost", "Outgoing server is localhost", "set the
 * SMTP host to localhost", "IMAP server = localhost": a gateway or bridge
 * on the user's own machine (DavMail, a mail bridge) is reached by the one
 * host name without a dot. It is a host only where its clause names a
 * server or a host and the word before it says "is", "to", "at" or ends in
 * ':' or '=' ("runs on localhost only" or "localhost users" are not). */
static bool local_host_named(const char *s, size_t i, size_t t)
{
	if (t != 9 || mp_strncasecmp(s + i, "localhost", 9) != 0)
		return false;
	size_t k = i;
	while (k && s[k - 1] == ' ')
		k--;
	if (!k)
		return false;
	bool sep = s[k - 1] == ':' || s[k - 1] == '=';
	size_t we = sep ? k - 1 : k, wb = we;
	while (wb && isalpha((unsigned char)s[wb - 1]))
		wb--;
	static const char *const verbs[] = {"is", "to", "at", "be", NULL};
	bool verb = false;
	for (const char *const *w = verbs; *w && !sep; w++)
		verb |= we - wb == strlen(*w) && mp_strncasecmp(s + wb, *w, we - wb) == 0;
	if (!sep && !verb)
		return false;
	/* the clause: back to a comma, a stop or 48 bytes */
	size_t cb = wb;
	while (cb && wb - cb < 48 && !strchr(",;.!?()", s[cb - 1]))
		cb--;
	static const char *const names[] = {"server", "host", "imap", "pop", "smtp", "incoming", "outgoing", NULL};
	return nr_has_any(s + cb, wb - cb, names);
}

enum nr_vtype nr_typed_value(const char *s, size_t i, size_t n, bool after_sep, size_t *vb, size_t *ve)
{
	static const char *const sec_words[] = {"ssl/tls", "ssl", "tls", "starttls", "unencrypted", NULL};
	static const char *const yes_no[] = {"required", "not required", "none", "必要", "不要", "あり", "なし", "アリ", "ナシ", "plain",
	                                     "cram-md5", "oauth2", "oauth", "xoauth2", "先進認証",
	                                     /* a login method by name ("Auth method: NTLM") */
	                                     "ntlm", "kerberos", "gssapi", NULL};
	/* ("[993, SSL/TLS]": a square bracket holds values as a round one does) */
	while (i < n && strchr("(\"'<[", s[i]))
		i++;
	/* "Marketing -marketing@example.com": a list's dash run into the
	 * value is no part of it (no host opens with a dash) */
	if (i + 1 < n && s[i] == '-' && isalnum((unsigned char)s[i + 1]) && (i == 0 || s[i - 1] == ' '))
		i++;
	/* Values are ASCII but for the Japanese yes and no words: a run of
	 * Japanese, tried at each character, is not scanned as a token. */
	if (i < n && (unsigned char)s[i] >= 0x80) {
		*vb = *ve = i;
		for (const char *const *w = yes_no; *w; w++)
			if ((unsigned char)**w >= 0x80 && strlen(*w) <= n - i && memcmp(s + i, *w, strlen(*w)) == 0) {
				*ve = denial_end(s, i + strlen(*w), n);
				return NV_YESNO;
			}
		return NV_NONE;
	}
	/* "(POP3, port 110, no encryption)": no security, in two words */
	static const char *const plain[] = {"no encryption", "without encryption", NULL};
	size_t pk = nr_starts_any_ci(s + i, n - i, plain);
	if (pk && (i + pk == n || !isalnum((unsigned char)s[i + pk]))) {
		*vb = i, *ve = i + pk;
		return NV_SEC;
	}
	size_t t = nr_token_len(s + i, n - i);
	/* "SMTPサーバをsmtp.example.netに設定", "465番": an ASCII value run
	 * into the Japanese text after it ends there: a host or an address
	 * ending in a letter (not "…jp465CRAM-MD5", unglue.c's), a port
	 * before a particle (ポート995を使用; "2009年" is no port) or before 番
	 * after one (ポート番号を465番に, 25番から587番に: the one it changes
	 * from is none; "SSL(465番)" is a port line's); not before other marks
	 * ("up.ac.za”" stays a quoted word) */
	size_t ta = 0;
	while (ta < t && (unsigned char)s[i + ta] < 0x80)
		ta++;
	if (ta < t && ta && (unsigned char)s[i + ta] >= 0xE3 && (unsigned char)s[i + ta] <= 0xE9) {
		size_t a = ta;
		while (a && strchr(".,;:", s[i + a - 1]))
			a--;
		if (a && ((isalpha((unsigned char)s[i + a - 1]) && (nr_valid_host(s + i, a) || nr_valid_email(s + i, a))) ||
		          (nr_all_digits(s + i, a) &&
		           (nr_starts_any(s + i + ta, n - i - ta, (const char *const[]){"を", "に", "で", "と", NULL}) ||
		            (i >= 6 && nr_starts_any(s + i + ta, n - i - ta, (const char *const[]){"番", NULL}) &&
		             !nr_starts_any(s + i + ta + 3, n - i - ta - 3, (const char *const[]){"から", NULL}) &&
		             ((nr_starts_any(s + i - 3, 3, (const char *const[]){"を", "に", "は", NULL}) &&
		               !(i >= 9 && memcmp(s + i - 9, "または", 9) == 0)) ||
		              nr_starts_any(s + i - 6, 6, (const char *const[]){"から", NULL})))))))
			t = ta;
		/* "SSL/TLSを使用", "通信はすべてSSLで": a security word run into
		 * the Japanese after it */
		for (const char *const *w = sec_words; *w && t > ta; w++)
			if (strlen(*w) == ta && mp_strncasecmp(s + i, *w, ta) == 0)
				t = ta;
	}
	while (t && (strchr(".,;:\"'>]", s[i + t - 1]) || s[i + t - 1] == ')'))
		t--;
	/* "smtps.example.edu.au*": a footnote's mark after a host */
	size_t st = t;
	while (st && s[i + st - 1] == '*')
		st--;
	if (st < t && st && nr_valid_host(s + i, st))
		t = st;
	/* "enter 993or for POP…": the number is the value (nr_port_at) */
	size_t dg = 0;
	while (dg < t && isdigit((unsigned char)s[i + dg]))
		dg++;
	if (dg >= 2 && ((t == dg + 2 && mp_strncasecmp(s + i + dg, "or", 2) == 0) ||
	                (t == dg + 3 && mp_strncasecmp(s + i + dg, "and", 3) == 0)))
		t = dg;
	*vb = i;
	*ve = i + t;
	if (!t) {
		for (const char *const *w = yes_no; *w; w++)
			if (strlen(*w) <= n - i && memcmp(s + i, *w, strlen(*w)) == 0 && (unsigned char)**w >= 0x80) {
				*ve = denial_end(s, i + strlen(*w), n);
				return NV_YESNO;
			}
		return NV_NONE;
	}
	/* "TLS1.2", "TLSv1.3": TLS by its version, decided by the port */
	if (t >= 4 && t <= 8 && mp_strncasecmp(s + i, "tls", 3) == 0) {
		size_t k = 3 + (s[i + 3] == 'v' || s[i + 3] == 'V');
		while (k < t && (isdigit((unsigned char)s[i + k]) || s[i + k] == '.'))
			k++;
		if (k == t && isdigit((unsigned char)s[i + t - 1]))
			return NV_SEC;
	}
	if (nr_valid_email(s + i, t))
		return NV_EMAIL;
	if (local_host_named(s, i, t))
		return NV_HOST;
	/* "under the example.edu domain", "for the example.org domain": a
	 * name called a domain is the addresses' domain, no value of a
	 * server's nor a login; "from a Sonic.net account", "example.org
	 * users" name a provider's accounts, no server either */
	if (nr_valid_host(s + i, t)) {
		static const char *const called[] = {"domain", "account", "user", NULL};
		size_t d = nr_skip_sp(s, i + t, n);
		for (const char *const *w = called; *w && d > i + t; w++) {
			size_t wl = strlen(*w), e = d + wl;
			if (e > n || mp_strncasecmp(s + d, *w, wl) != 0)
				continue;
			if (e < n && s[e] == 's') /* "accounts", "users" */
				e++;
			if (e == n || !isalpha((unsigned char)s[e]))
				return NV_NONE;
		}
		return NV_HOST;
	}
	/* "993/TCP", "465/tcp": a port with its transport */
	if (t > 4 && mp_strncasecmp(s + i + t - 4, "/tcp", 4) == 0 && nr_all_digits(s + i, t - 4))
		t -= 4, *ve = i + t;
	/* "995/SSL", "587/STARTTLS": a port with its security (the value
	 * keeps the word: the port row reads it) */
	size_t sl = 0;
	while (sl < t && isdigit((unsigned char)s[i + sl]))
		sl++;
	if (sl >= 2 && sl <= 5 && sl + 1 < t && s[i + sl] == '/' && nr_parse_security(s + i + sl + 1, t - sl - 1) >= 0 &&
	    atoi(s + i) > 0 && atoi(s + i) <= 65535)
		return NV_PORT;
	bool mark = (i >= 3 && memcmp(s + i - 3, "※", 3) == 0) || (i && s[i - 1] == '*'); /* "※1" */
	/* one digit is a row or footnote number, never a mail port */
	if (!mark && nr_all_digits(s + i, t) && t >= 2 && t <= 5 && atoi(s + i) > 0 && atoi(s + i) <= 65535 &&
	    !(i + t < n && (s[i + t] == ':' || s[i + t] == '-' || s[i + t] == '/') && i + t + 1 < n &&
	      isdigit((unsigned char)s[i + t + 1])) &&
	    !not_a_port(s, i, i + t, n))
		return NV_PORT;
	for (const char *const *w = sec_words; *w; w++)
		if (strlen(*w) == t && mp_strncasecmp(s + i, *w, t) == 0)
			return NV_SEC;
	for (const char *const *w = yes_no; *w; w++)
		if (strlen(*w) <= n - i && mp_strncasecmp(s + i, *w, strlen(*w)) == 0 &&
		    (i + strlen(*w) == n || !isalnum((unsigned char)s[i + strlen(*w)])))
			return *ve = denial_end(s, i + strlen(*w), n), NV_YESNO;
	/* a login or password ends its clause: "(Username: leelark)." is one,
	 * "Your username is your full e-mail address" is not */
	size_t raw = i + nr_token_len(s + i, n - i), nx = nr_skip_sp(s, raw, n);
	if (after_sep && nr_is_ascii_tok(s + i, t) && (nx >= n || raw == nx || !isalnum((unsigned char)s[nx])))
		return NV_TOKEN;
	return NV_NONE;
}

bool nr_field_takes(enum mp_nfield f, enum nr_vtype v)
{
	switch (f) {
	case NF_EMAIL: return v == NV_EMAIL;
	case NF_HOST: return v == NV_HOST;
	case NF_PORT: return v == NV_PORT;
	case NF_SECURITY: return v == NV_SEC || v == NV_YESNO; /* "Security - Yes", "Encryption - None" */
	case NF_SMTP_AUTH: return v == NV_YESNO;
	case NF_LOGIN: return v == NV_TOKEN || v == NV_EMAIL;
	case NF_PASSWORD: return v == NV_TOKEN;
	default: return false;
	}
}

/* How secure a port offered with security sec (-1 unknown) is, to choose
 * among several offered for one server: implicit TLS, STARTTLS, unknown,
 * none. */
int nr_sec_rank(int sec)
{
	return sec == MP_SEC_TLS ? 3 : sec == MP_SEC_STARTTLS ? 2 : sec == MP_SEC_NONE ? 0 : 1;
}

/* Ports listed after a port word, each with the security words of its own
 * span: "port 110, or 995 with SSL", "25 or 587; 465 with SSL". Footnote
 * numbers ("※1") are skipped. Returns how many (at most max). */
size_t nr_port_list(const char *s, size_t n, int *port, int *sec, size_t *at, size_t max)
{
	size_t c = 0, from = 0; /* where the text before the next port starts */
	int carry = -1; /* a case's security said after a port, for the port after it */
	for (size_t i = 0; i < n && c < max; i++) {
		int p;
		if (!nr_port_at(s, i, n, &p) || (i >= 3 && memcmp(s + i - 3, "※", 3) == 0) || (i && s[i - 1] == '*'))
			continue;
		size_t k = i;
		while (k < n && isdigit((unsigned char)s[k]))
			k++;
		size_t e = k;
		/* a span ends at the next port, a comma, "or", or a slash
		 * between two ports ("SSL: 995 / 非SSL: 110"; "995/SSL" keeps it) */
		while (e < n && s[e] != ',' && s[e] != ';' && !isdigit((unsigned char)s[e]) &&
		       !(e + 4 <= n && mp_strncasecmp(s + e, " or ", 4) == 0) && !(s[e] == '/' && e > k) &&
		       !(e + 3 <= n && memcmp(s + e, "、", 3) == 0))
			e++;
		int sc = nr_span_sec(s + k, e - k);
		/* "465 (25 or 587 for non-SSL)": the port before a bracket
		 * offering the plain ones is the encrypted one */
		if (plain_alt_after(s, k, n))
			sc = SW_TLS_AMBIG;
		if (sc < 0 && carry >= 0)
			sc = carry;
		carry = -1;
		/* "143(SSLを利用する場合は、993)", "110 (if you use SSL, 995)":
		 * a case opening after a port, its port after a comma, is that
		 * port's case, not this one's */
		if (sc >= 0 && e < n && s[e] != '/' && nr_has_any(s + k, e - k, (const char *const[]){"場合", "if ", "when ", NULL}) &&
		    memchr(s + k, '(', e - k) && !memchr(s + k, ')', e - k)) {
			carry = sc;
			sc = -1;
		}
		/* "Ports: 143, secured: 993", "SSL: 995 / 非SSL: 110", "非SSL
		 * 110、SSL 995": the words of a clause right before a port name
		 * its security when the words after it name none */
		size_t le = i;
		while (le > from && (s[le - 1] == ' ' || s[le - 1] == ':'))
			le--;
		if (sc < 0 && le > from) {
			size_t lb = le;
			while (lb > from && s[lb - 1] != ',' && s[lb - 1] != ';' && s[lb - 1] != '(' && s[lb - 1] != '/' &&
			       !(lb - from >= 3 && memcmp(s + lb - 3, "、", 3) == 0))
				lb--;
			sc = nr_span_sec(s + lb, le - lb);
		}
		port[c] = p, sec[c] = nr_sec_for_port(sc, p), at[c] = i, c++;
		i = k;
		from = k;
	}
	return c;
}
