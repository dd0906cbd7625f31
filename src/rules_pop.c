/* Rules on POP3 download settings. Source: Thunderbird defaults
 * (leave messages on server, 14 days). */
#include "check.h"

static bool has_pop(const mp_account *a)
{
	for (size_t i = 0; i < a->nincoming; i++)
		if (a->incoming[i].protocol == MP_PROTO_POP3)
			return true;
	return false;
}

static void run_pop_delete(const mp_rule_ctx *c, const mp_account *a)
{
	const mp_int *v = &a->pop_leave_on_server;
	if (!v->set || v->v || !has_pop(a))
		return;
	mailprof_loc l = v->loc.line ? v->loc : a->loc;
	mp_report(c, &l, "POP3 deletes mail from the server after download: the only copy is on one device");
}

const struct mp_rule mp_rule_pop_delete = {
	{"MP038", "pop-delete", MAILPROF_WARNING, "POP3 deletes mail from the server",
	 "leave mail on the server (for some days), or use IMAP",
	 "With leave-on-server off, a POP3 client removes every message it downloads: other devices "
	 "never see it and a lost device loses the mail. Thunderbird leaves mail on the server by "
	 "default (14 days). Source: Thunderbird account defaults; autoconfig pop3 "
	 "leaveMessagesOnServer."},
	run_pop_delete,
};

static void run_pop_days_ignored(const mp_rule_ctx *c, const mp_account *a)
{
	const mp_int *on = &a->pop_leave_on_server, *days = &a->pop_leave_days;
	if (!days->set || !on->set || on->v)
		return;
	mailprof_loc l = days->loc.line ? days->loc : a->loc;
	mp_report(c, &l, "pop_leave_days = %d has no effect: mail is not left on the server", days->v);
}

const struct mp_rule mp_rule_pop_days_ignored = {
	{"MP047", "pop-days-ignored", MAILPROF_WARNING, "days to keep mail set, but mail is not kept",
	 "turn leave-on-server on, or drop the number of days",
	 "A number of days to keep downloaded mail only means something when mail is left on the "
	 "server; together with leave-on-server off it contradicts itself and one of the two was "
	 "probably meant otherwise. Source: Thunderbird pop3 settings "
	 "(leave_on_server, delete_by_age_from_server)."},
	run_pop_days_ignored,
};
