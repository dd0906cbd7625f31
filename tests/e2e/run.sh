#!/usr/bin/env bash
# End-to-end test: profiles written by mailprof, read by real clients
# (msmtp, fetchmail, mbsync, NeoMutt) against real Dovecot and Postfix
# started privately on 127.0.0.1 with unprivileged ports, a throwaway
# self-signed certificate and one test user. Comments say why a setting
# is needed where it is not obvious.
#
# Usage: tests/e2e/run.sh [path/to/mailprof]   (run as root from the repo root)
# Prints PASS/FAIL lines, then `e2e: N passed, M failed`, or `e2e: SKIP: why`
# when the packages cannot be installed (a skip is not a pass).
set -u
M=$(realpath "${1:-build/mailprof}")
ROOT=$(pwd)
SAMPLES=$ROOT/samples/e2e
PKGS="dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix msmtp fetchmail isync neomutt openssl"
USER_NAME=e2euser
ADDR=e2euser@e2e.test
UIDN=59999 # unused uid: the passwd-file user needs no /etc/passwd entry
START=$(date +%s)
PASSED=0 FAILED=0

pass() { echo "PASS: $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }
# A skip is not a pass; where the environment promises the packages (CI sets
# MAILPROF_E2E_REQUIRED=1), it is a failure.
skip() {
	echo "e2e: SKIP: $*"
	[ "${MAILPROF_E2E_REQUIRED:-0}" = 1 ] && { echo "e2e: required (MAILPROF_E2E_REQUIRED=1): failing" >&2; exit 1; }
	exit 0
}
summary() {
	echo "e2e: took $(($(date +%s) - START)) s"
	echo "e2e: $PASSED passed, $FAILED failed"
}
# A setup step failed: nothing after it can run.
die() { fail "$*"; summary; exit 1; }

[ -x "$M" ] || { echo "e2e: $M not built" >&2; exit 2; }

# ---- packages ----
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
	[ "$(id -u)" = 0 ] || skip "not root, cannot install:$missing"
	command -v apt-get >/dev/null || skip "no apt-get to install:$missing"
	echo "e2e: installing:$missing"
	made_policy=""
	# Keep the packages from starting system-wide daemons.
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
		made_policy=1
	fi
	echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null
	ok=1
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing; } >/tmp/mailprof-e2e-apt.log 2>&1 || ok=""
	[ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
	[ -n "$ok" ] || skip "package install failed (see /tmp/mailprof-e2e-apt.log)"
fi
[ "$(id -u)" = 0 ] || skip "the servers need root to start (not root)"
command -v script >/dev/null || skip "no script(1) to give NeoMutt a terminal"

# ---- private server tree ----
T=$(mktemp -d /tmp/mailprof-e2e.XXXXXX)
chmod 755 "$T" # the postfix and dovecot users must get in
PIDS=""
cleanup() {
	for pid in $PIDS; do kill "$pid" 2>/dev/null; done
	for pid in $PIDS; do
		for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
		kill -9 "$pid" 2>/dev/null
	done
	if [ -n "${KEEP:-}" ]; then echo "e2e: kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$T/dovecot/run" "$T/dovecot/state" "$T/mail" "$T/home" "$T/postfix/queue" "$T/out"
chown "$UIDN:$UIDN" "$T/mail"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout "$T/key.pem" -out "$T/cert.pem" \
	-subj "/CN=127.0.0.1" -addext "subjectAltName=DNS:127.0.0.1,IP:127.0.0.1" >/dev/null 2>&1 ||
	die "openssl could not make a certificate"
chmod 644 "$T/key.pem" # throwaway key, read by smtpd after it drops root

# Dovecot: IMAP (143/993), POP3 (110/995) + 10000, LMTP and SASL on sockets.
printf '%s:{PLAIN}%s:%d:%d::%s::\n' "$USER_NAME" "E2e-Secret-42" "$UIDN" "$UIDN" "$T/mail/$USER_NAME" \
	>"$T/dovecot/passwd"
chown root:dovecot "$T/dovecot/passwd" && chmod 640 "$T/dovecot/passwd"
cat >"$T/dovecot/dovecot.conf" <<EOF
base_dir = $T/dovecot/run
state_dir = $T/dovecot/state
log_path = $T/dovecot.log
protocols = imap pop3 lmtp
listen = 127.0.0.1, 127.0.0.2
ssl = required
ssl_cert = <$T/cert.pem
ssl_key = <$T/key.pem
auth_mechanisms = plain login
auth_username_format = %Ln
disable_plaintext_auth = yes
mail_location = maildir:~/Maildir
first_valid_uid = 1000
passdb {
  driver = passwd-file
  args = scheme=PLAIN $T/dovecot/passwd
}
userdb {
  driver = passwd-file
  args = $T/dovecot/passwd
}
# The same server on 127.0.0.2 without UIDPLUS after login (RFC 4315), for
# the probe's removal of its test mail.
local 127.0.0.2 {
  protocol imap {
    imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+
  }
}
service imap-login {
  inet_listener imap {
    port = 10143
  }
  inet_listener imaps {
    port = 10993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 10110
  }
  inet_listener pop3s {
    port = 10995
    ssl = yes
  }
}
service lmtp {
  unix_listener $T/dovecot/lmtp {
    mode = 0666
  }
}
service auth {
  unix_listener $T/dovecot/auth-postfix {
    mode = 0666
  }
}
EOF
dovecot -c "$T/dovecot/dovecot.conf" 2>"$T/dovecot.start" || { cat "$T/dovecot.start"; die "dovecot did not start"; }
for _ in $(seq 50); do [ -s "$T/dovecot/run/master.pid" ] && break; sleep 0.1; done
PIDS="$PIDS $(cat "$T/dovecot/run/master.pid")"

# Postfix: submission (587, STARTTLS + SASL) and smtps (465) + 10000;
# mail for e2e.test goes to Dovecot over LMTP, anything else fails locally.
cat >"$T/postfix/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $T/postfix/queue
data_directory = $T/postfix/data
maillog_file = $T/postfix.log
maillog_file_prefixes = $T
myhostname = e2e.localhost
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
alias_maps =
alias_database =
local_recipient_maps =
virtual_mailbox_domains = e2e.test
virtual_mailbox_maps = texthash:$T/postfix/vmailbox
virtual_transport = lmtp:unix:$T/dovecot/lmtp
default_transport = error:outbound mail is disabled in the e2e test
relay_transport = error:outbound mail is disabled in the e2e test
smtpd_tls_cert_file = $T/cert.pem
smtpd_tls_key_file = $T/key.pem
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = $T/dovecot/auth-postfix
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
EOF
printf '%s ok\n' "$ADDR" >"$T/postfix/vmailbox"
cat >"$T/postfix/master.cf" <<EOF
# Port 25 as an ISP with Outbound Port 25 Blocking runs it: mail for its
# own domain only, no SMTP-AUTH, relay refused (the probe's OP25B case).
127.0.0.1:10025 inet n - n - - smtpd
  -o syslog_name=postfix/smtp25
  -o smtpd_sasl_auth_enable=no
  -o smtpd_relay_restrictions=reject_unauth_destination
# An SMTP server without TLS at all (the probe's STARTTLS-not-offered case).
127.0.0.1:10026 inet n - n - - smtpd
  -o syslog_name=postfix/notls
  -o smtpd_tls_security_level=none
127.0.0.1:10587 inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
127.0.0.1:10465 inet n - n - - smtpd
  -o syslog_name=postfix/smtps
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
postfix -c "$T/postfix" check >"$T/postfix.check" 2>&1 || { cat "$T/postfix.check"; die "postfix check failed"; }
MAIL_CONFIG=$T/postfix setsid /usr/lib/postfix/sbin/master -c "$T/postfix" -d >"$T/postfix.start" 2>&1 &
PIDS="$PIDS $!"

# Wait until every port answers.
for port in 10143 10993 10110 10995 10025 10026 10587 10465; do
	for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
	(exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { cat "$T"/*.log "$T/postfix.start" 2>/dev/null | tail -20; die "nothing listens on 127.0.0.1:$port"; }
done
echo "e2e: Dovecot and Postfix up in $(($(date +%s) - START)) s"

export HOME=$T/home # clients keep their state (fetchids, Maildir) in the tree

# The message with MSGID has arrived in the user's Maildir (Postfix -> LMTP).
delivered() {
	for _ in $(seq 100); do
		grep -rlqF "$1" "$T/mail/$USER_NAME/Maildir" 2>/dev/null && return 0
		sleep 0.2
	done
	return 1
}

# ---- one round per notice: convert, send, fetch, list ----
round() {
	local notice=$1 tag=$2
	local out=$T/out/$tag
	mkdir -p "$out"
	"$M" convert --to json "$notice" >"$out/profile.json" 2>"$out/convert.err" &&
		grep -q '"email": "'"$ADDR"'"' "$out/profile.json" &&
		pass "$tag: mailprof reads the provider notice $(basename "$notice")" ||
		fail "$tag: mailprof convert --to json $notice"

	# Without --include-secrets no password may be written.
	local leaked=""
	for f in msmtp fetchmail mbsync neomutt userjs prf; do
		"$M" convert --to $f "$notice" 2>/dev/null | grep -q 'E2e-Secret-42' && leaked="$leaked $f"
	done
	[ -z "$leaked" ] && pass "$tag: no password in any client file without --include-secrets" ||
		fail "$tag: password written without --include-secrets by:$leaked"

	for f in msmtp fetchmail mbsync neomutt; do
		"$M" convert --include-secrets --to $f -o "$out/$f.rc" "$notice" 2>>"$out/convert.err"
	done
	local modes
	modes=$(stat -c %a "$out"/*.rc | sort -u | tr '\n' ' ')
	[ "$modes" = "600 " ] && pass "$tag: files with secrets written 0600" ||
		fail "$tag: files with secrets have modes $modes"

	# The emitted files trust the system CAs; this test's CA is its own cert.
	for f in msmtp fetchmail mbsync; do cp -p "$out/$f.rc" "$out/$f-untrusted.rc"; done
	sed -i "s|^tls_trust_file .*|tls_trust_file  $T/cert.pem|" "$out/msmtp.rc"
	sed -i "s|sslcertck|sslcertck sslcertfile \"$T/cert.pem\"|" "$out/fetchmail.rc"
	sed -i "/^SSLType/a CertificateFile $T/cert.pem" "$out/mbsync.rc"
	echo "set ssl_ca_certificates_file = \"$T/cert.pem\"" >>"$out/neomutt.rc"

	local msgid="<mailprof-e2e-$tag-$$-$(date +%s%N)@e2e.test>"
	printf 'From: %s\nTo: %s\nSubject: mailprof e2e %s\nMessage-ID: %s\nDate: %s\n\nTest mail (%s).\n' \
		"$ADDR" "$ADDR" "$tag" "$msgid" "$(date -R)" "$tag" >"$out/msg.eml"

	# A client that is not told about the test CA must refuse the server.
	if msmtp -C "$out/msmtp-untrusted.rc" -t <"$out/msg.eml" >"$out/msmtp-untrusted.log" 2>&1; then
		fail "$tag: msmtp accepted an untrusted certificate"
	else
		pass "$tag: msmtp with the emitted trust setting refuses the unknown certificate"
	fi

	timeout 30 fetchmail -f "$out/fetchmail-untrusted.rc" -i "$out/fetchids-untrusted" --nosyslog -k -a \
		-m "/bin/sh -c 'cat >>$out/untrusted.mbox'" >"$out/fetchmail-untrusted.log" 2>&1
	local rc=$? # 1 would mean "no mail": it logged in
	[ $rc -ne 0 ] && [ $rc -ne 1 ] && grep -qi 'certificate' "$out/fetchmail-untrusted.log" &&
		pass "$tag: fetchmail with the emitted sslcertck refuses the unknown certificate" ||
		fail "$tag: fetchmail did not refuse an untrusted certificate"
	local upath
	upath=$(sed -n 's/^Path //p' "$out/mbsync-untrusted.rc" | head -1)
	mkdir -p "${upath/#\~/$out/untrusted-home}"
	if HOME=$out/untrusted-home timeout 30 mbsync -c "$out/mbsync-untrusted.rc" -a >"$out/mbsync-untrusted.log" 2>&1; then
		fail "$tag: mbsync accepted an untrusted certificate"
	else
		grep -qi 'certificate' "$out/mbsync-untrusted.log" &&
			pass "$tag: mbsync refuses the unknown certificate when not told to trust it" ||
			fail "$tag: mbsync failed, but not on the certificate: $(tail -2 "$out/mbsync-untrusted.log" | tr '\n' ' ')"
	fi

	if msmtp -C "$out/msmtp.rc" -t <"$out/msg.eml" >"$out/msmtp.log" 2>&1; then
		pass "$tag: msmtp sent with the emitted msmtprc ($(grep -m1 -E '^port' "$out/msmtp.rc" | tr -s ' '))"
	else
		fail "$tag: msmtp: $(tail -3 "$out/msmtp.log" | tr '\n' ' ')"
	fi
	delivered "$msgid" && pass "$tag: Postfix delivered $msgid into Dovecot over LMTP" ||
		fail "$tag: $msgid not delivered; $(tail -3 "$T/postfix.log" 2>/dev/null | tr '\n' ' ')"

	# fetchmail: the POP3 entry (a `skip` entry, polled when named).
	local label
	label=$(sed -n 's/^[a-z]* "\([^"]*-pop3\)".*/\1/p' "$out/fetchmail.rc" | head -1)
	timeout 60 fetchmail -f "$out/fetchmail.rc" -i "$out/fetchids" --nosyslog -k -a \
		-m "/bin/sh -c 'cat >>$out/fetchmail.mbox'" "$label" >"$out/fetchmail.log" 2>&1
	grep -qF "$msgid" "$out/fetchmail.mbox" 2>/dev/null &&
		pass "$tag: fetchmail fetched it over POP3 ($label) with the emitted .fetchmailrc" ||
		fail "$tag: fetchmail: $(grep -v 'root is discouraged' "$out/fetchmail.log" | tail -3 | tr '\n' ' ')"

	# mbsync: the IMAP channel into a Maildir under $HOME/Mail.
	local path
	path=$(sed -n 's/^Path //p' "$out/mbsync.rc" | head -1)
	mkdir -p "${path/#\~/$HOME}"
	timeout 60 mbsync -c "$out/mbsync.rc" -a >"$out/mbsync.log" 2>&1
	grep -rqF "$msgid" "${path/#\~/$HOME}" 2>/dev/null &&
		pass "$tag: mbsync pulled it over IMAP with the emitted mbsyncrc" ||
		fail "$tag: mbsync: $(tail -3 "$out/mbsync.log" | tr '\n' ' ')"
	rm -rf "${path/#\~/$HOME}"

	# NeoMutt in batch mode: open the IMAP folder, pipe every message's
	# Message-ID line to a file, quit. It exits 0 even when login fails, so
	# the file is the proof.
	# (a helper script: '^' in a push string is a control key to NeoMutt)
	printf '#!/bin/sh\ngrep -i "^message-id:" >>"%s"\n' "$out/neomutt.list" >"$out/list.sh"
	chmod 755 "$out/list.sh"
	local keys="<tag-pattern>~A<enter><tag-prefix><pipe-message>$out/list.sh<enter><quit>"
	timeout 30 script -qec "neomutt -n -F $out/neomutt.rc -e 'set quit=yes wait_key=no pipe_split=yes editor=false' -e 'push \"$keys\"'" \
		"$out/neomutt.tty" >/dev/null 2>&1 </dev/null
	grep -qF "$msgid" "$out/neomutt.list" 2>/dev/null &&
		pass "$tag: NeoMutt listed it in the IMAP mailbox with the emitted muttrc ($(wc -l <"$out/neomutt.list") messages)" ||
		fail "$tag: NeoMutt did not list $msgid"
}

round "$SAMPLES/e2e-user.txt" tls
round "$SAMPLES/e2e-user-starttls.txt" starttls

# ---- port 25 without authentication ----
P25=$SAMPLES/port25.ini
out=$T/out/port25
mkdir -p "$out"
"$M" check "$P25" >"$out/check.txt" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q 'MP001' "$out/check.txt" &&
	pass "port25: the checker reports MP001 (exit $rc)" || fail "port25: check exit $rc without MP001"
"$M" convert --include-secrets --to msmtp -o "$out/msmtp.rc" "$P25" 2>/dev/null
# The submission service stands in for the provider's port 25 (ports here are
# 10000 + the usual one): once as emitted (no TLS, no auth), once with TLS.
sed -i -e "s|^tls_trust_file .*|tls_trust_file  $T/cert.pem|" -e 's/^port .*/port            10587/' "$out/msmtp.rc"
printf 'From: %s\nTo: %s\nSubject: port 25\nMessage-ID: <p25-%s@e2e.test>\n\nx\n' "$ADDR" "$ADDR" "$$" >"$out/msg.eml"
if msmtp -C "$out/msmtp.rc" -t <"$out/msg.eml" >"$out/msmtp.log" 2>&1; then
	fail "port25: the submission service accepted mail without TLS and authentication"
else
	pass "port25: submission refuses the port-25 profile as emitted: $(grep -m1 -oE '[45][0-9][0-9][ -][0-9.]* .*' "$out/msmtp.log")"
fi
sed -i -e 's/^tls .*/tls             on/' -e '/^tls /a tls_starttls    on' "$out/msmtp.rc"
if msmtp -C "$out/msmtp.rc" -t <"$out/msg.eml" >"$out/msmtp-tls.log" 2>&1; then
	fail "port25: the submission service accepted mail without authentication"
else
	pass "port25: without SMTP-AUTH, even over STARTTLS, it is refused: $(grep -m1 -oE '[45][0-9][0-9][ -][0-9.]* .*' "$out/msmtp-tls.log")"
fi

# ---- mailprof probe: the profiles against the live servers ----
# The password reaches mailprof only through the environment or stdin, and
# must appear in none of its output (checked at the end of this part).
PW=E2e-Secret-42
export MAILPROF_E2E_PW=$PW
po=$T/out/probe
mkdir -p "$po"
# probe NAME ARGS...: run `mailprof probe`, keep stdout, stderr, exit status
# and the time it took.
probe() {
	local name=$1 t0
	shift
	t0=$(date +%s%N)
	"$M" probe "$@" >"$po/$name.out" 2>"$po/$name.err" </dev/null
	echo $? >"$po/$name.rc"
	echo $((($(date +%s%N) - t0) / 1000000)) >"$po/$name.ms"
}
rc_of() { cat "$po/$1.rc"; }
# count NAME RULE: findings of RULE in NAME's text report
count() { grep -c "\[$2\]\$" "$po/$1.out"; }
CA=(--ca-file "$T/cert.pem")

# Implicit TLS (IMAP 993, POP3 995) and STARTTLS (SMTP 587), then the
# reverse (IMAP 143, POP3 110 STARTTLS; SMTP 465 TLS): every server answers,
# TLS 1.2+, the certificate verifies with --ca-file, the login works.
for v in tls starttls; do
	f=$SAMPLES/e2e-user.txt
	[ $v = starttls ] && f=$SAMPLES/e2e-user-starttls.txt
	probe "$v" "${CA[@]}" --login --password-env MAILPROF_E2E_PW "$f"
	if [ "$(rc_of $v)" = 0 ] && [ "$(count $v MP063)" = 3 ] && ! grep -q ': error: ' "$po/$v.out" &&
		[ "$(grep -c 'TLSv1\.[23], certificate CN=127.0.0.1.*; logged in as e2euser with PLAIN' "$po/$v.out")" = 3 ]; then
		pass "probe $v: verified and logged in (exit 0): $(sed -n 's/.*info: \([a-z0-9]* [0-9.:]* ([A-Z ]*)\): \(TLSv1\.[0-9]\).*/\1 \2/p' "$po/$v.out" | paste -sd ';')"
	else
		fail "probe $v: exit $(rc_of $v): $(head -c 600 "$po/$v.out") $(cat "$po/$v.err")"
	fi
done
# The test certificate is valid for 2 days: the live server gets MP056.
[ "$(count tls MP056)" = 3 ] && pass "probe: the certificate that expires in 2 days gives MP056 for each server" ||
	fail "probe: MP056 count $(count tls MP056)"

# Without --ca-file the self-signed certificate fails verification, and no
# password is sent to a server the client would refuse.
probe untrusted --password-env MAILPROF_E2E_PW --login "$SAMPLES/e2e-user.txt"
[ "$(rc_of untrusted)" = 1 ] && [ "$(count untrusted MP053)" = 3 ] && [ "$(count untrusted MP060)" = 0 ] &&
	grep -q 'login not tried: certificate refused' "$po/untrusted.out" &&
	pass "probe: without --ca-file the self-signed certificate is refused (MP053 x3, exit 1, no login tried)" ||
	fail "probe untrusted: exit $(rc_of untrusted): $(grep -c . "$po/untrusted.out") lines: $(head -c 400 "$po/untrusted.out")"

# OP25B: the profile's port 25 is the private Postfix's 10025 (no SMTP-AUTH,
# relay refused), its 587 the submission service (10587); the certificate is
# still checked for 127.0.0.1.
OP25B=(--connect-to 127.0.0.1:25:127.0.0.1:10025 --connect-to 127.0.0.1:587:127.0.0.1:10587)
probe op25b "${CA[@]}" "${OP25B[@]}" "$SAMPLES/port25.ini"
[ "$(rc_of op25b)" = 1 ] && grep -q 'port25.ini:[0-9]*:[0-9]*: error: smtp 127.0.0.1:25 offers no SMTP-AUTH.*port 587 with STARTTLS offers AUTH PLAIN LOGIN.*\[MP059\]' "$po/op25b.out" &&
	pass "probe op25b: live port 25 without SMTP-AUTH, 587 offers it: MP059 at the server's line" ||
	fail "probe op25b: exit $(rc_of op25b): $(cat "$po/op25b.out" "$po/op25b.err" | head -c 600)"
# ... and port 25 refuses to relay: a test mail to an outside address is
# refused there (MP061 with the server's 554), as an OP25B ISP does.
sed 's/^email = .*/email = e2euser@elsewhere.invalid/' "$SAMPLES/port25.ini" >"$po/relay.ini"
probe relay "${CA[@]}" "${OP25B[@]}" --send-test --wait 5 --password-env MAILPROF_E2E_PW "$po/relay.ini"
grep -q 'smtp 127.0.0.1:25: the test mail to e2euser@elsewhere.invalid was not accepted: 554 .*Relay access denied.*\[MP061\]' "$po/relay.out" &&
	pass "probe relay: port 25 refuses relay for the test mail: $(grep -o '554 [^[]*' "$po/relay.out" | head -1)" ||
	fail "probe relay: $(cat "$po/relay.out" "$po/relay.err" | head -c 600)"

# The messages of the Maildir (not Dovecot's index, which caches headers).
msg_files() { find "$T/mail/$USER_NAME/Maildir" -type f \( -path '*/cur/*' -o -path '*/new/*' \) 2>/dev/null; }
msgs() { msg_files | wc -l; }
before_probe_mail=$(msgs)
# --send-test: a message to the account's own address, read back over IMAP
# and POP3, in both rounds, with -j 2 over the two files (reports in input order).
probe sendtest "${CA[@]}" --send-test --wait 30 --password-env MAILPROF_E2E_PW -j 2 \
	"$SAMPLES/e2e-user.txt" "$SAMPLES/e2e-user-starttls.txt"
rtts=$(grep -o '\(imap\|pop3\) 127.0.0.1:[0-9]*: the test mail sent through smtp 127.0.0.1:[0-9]* arrived after [0-9.]* s' "$po/sendtest.out")
first=$(grep -o '^[^:]*' "$po/sendtest.out" | head -1)
if [ "$(rc_of sendtest)" = 0 ] && [ "$(count sendtest MP064)" = 4 ] && [ "$first" = "$SAMPLES/e2e-user.txt" ]; then
	pass "probe --send-test -j 2: round trips $(echo "$rtts" | sed 's/: the test mail sent through smtp 127.0.0.1:\([0-9]*\) arrived after/ via \1 in/' | tr '\n' ';')"
else
	fail "probe --send-test: exit $(rc_of sendtest), $(count sendtest MP064) MP064: $(grep -v MP063 "$po/sendtest.out" | head -c 800) $(cat "$po/sendtest.err")"
fi

# A provider-level profile (no address, %EMAILLOCALPART% as the login):
# --email makes it the user's, and the test mail goes through.
printf '[account]\n\n[incoming]\nprotocol = imap\nhost = 127.0.0.1\nport = 10993\nsecurity = tls\nauth = password-cleartext\nusername = %%EMAILLOCALPART%%\n\n[outgoing]\nprotocol = smtp\nhost = 127.0.0.1\nport = 10587\nsecurity = starttls\nauth = password-cleartext\nusername = %%EMAILLOCALPART%%\n' >"$po/provider.ini"
probe provider "${CA[@]}" --email "$ADDR" --send-test --wait 30 --password-env MAILPROF_E2E_PW "$po/provider.ini"
[ "$(rc_of provider)" = 0 ] && [ "$(count provider MP064)" = 1 ] && [ "$(grep -c 'logged in as e2euser with PLAIN' "$po/provider.out")" = 2 ] &&
	pass "probe --email: a provider profile with %EMAILLOCALPART% logs in as e2euser and the test mail arrives" ||
	fail "probe --email: exit $(rc_of provider): $(grep -v '^  fix' "$po/provider.out" | head -c 600) $(cat "$po/provider.err")"

# Every test mail of the probes above was removed once read (IMAP UID
# EXPUNGE, POP3 DELE): none is left in the Maildir, and nothing else went.
left=$(msg_files | xargs -r grep -lF 'Subject: mailprof-probe-' | wc -l)
[ "$left" = 0 ] && [ "$(msgs)" = "$before_probe_mail" ] && [ "$(grep -c 'could not be removed' "$po/sendtest.out" "$po/provider.out" | awk -F: '{s+=$2} END {print s}')" = 0 ] &&
	pass "probe --send-test: the test mails were removed from the mailbox once read (0 left, $before_probe_mail other messages kept)" ||
	fail "probe --send-test: $left test mails left, $(msgs) messages against $before_probe_mail before: $(grep 'could not be removed' "$po/sendtest.out" "$po/provider.out" | head -c 400)"

# An IMAP server without UIDPLUS (Dovecot's 127.0.0.2, certificate still
# checked for 127.0.0.1): the test mail is only flagged \Deleted, never
# EXPUNGEd (that would also remove what the user marked deleted), and MP064
# says so.
printf '[account]\nemail = %s\n\n[incoming]\nprotocol = imap\nhost = 127.0.0.1\nport = 10993\nsecurity = tls\nauth = password-cleartext\nusername = e2euser\n\n[outgoing]\nprotocol = smtp\nhost = 127.0.0.1\nport = 10587\nsecurity = starttls\nauth = password-cleartext\nusername = e2euser\n' "$ADDR" >"$po/nouidplus.ini"
probe nouidplus "${CA[@]}" --connect-to 127.0.0.1:10993:127.0.0.2:10993 --send-test --wait 30 --password-env MAILPROF_E2E_PW "$po/nouidplus.ini"
flagged=$(msg_files | grep ':2,[A-Z]*T' | xargs -r grep -lF 'Subject: mailprof-probe-')
[ "$(rc_of nouidplus)" = 0 ] && [ "$(echo "$flagged" | grep -c .)" = 1 ] && [ "$(msgs)" = "$((before_probe_mail + 1))" ] &&
	grep -q 'nouidplus.ini:[0-9:]*: info: imap 127.0.0.1:10993: the test mail (Subject mailprof-probe-...) is flagged \\Deleted but not expunged: the server does not offer UIDPLUS' "$po/nouidplus.out" &&
	pass "probe --send-test without UIDPLUS: the test mail is flagged \\Deleted, not expunged ($(basename "$flagged" | sed 's/.*:2,/flags /')), and MP064 says so" ||
	fail "probe --send-test without UIDPLUS: exit $(rc_of nouidplus), flagged test mails: $(echo "$flagged" | grep -c .), $(msgs) messages against $before_probe_mail: $(grep -v '^  fix' "$po/nouidplus.out" | head -c 800) $(cat "$po/nouidplus.err")"
echo "$flagged" | xargs -r rm -f

# A closed port and a port that accepts but never answers: each its own
# finding, within the timeout (2 s a step).
python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 10998)); s.listen(16); held = []
while True: held.append(s.accept()[0])' &
PIDS="$PIDS $!"
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/10998) 2>/dev/null && break; sleep 0.1; done
if (exec 3<>/dev/tcp/127.0.0.1/10999) 2>/dev/null; then
	fail "probe dead: something listens on 127.0.0.1:10999, the closed port of this test"
else
	printf '[account]\nemail = %s\n\n[incoming]\nprotocol = imap\nhost = 127.0.0.1\nport = 10999\nsecurity = tls\n\n[incoming]\nprotocol = pop3\nhost = 127.0.0.1\nport = 10998\nsecurity = tls\n\n[outgoing]\nprotocol = smtp\nhost = 127.0.0.1\nport = 10998\nsecurity = starttls\nauth = password-cleartext\n' \
		"$ADDR" >"$po/dead.ini"
	probe dead --timeout 2 --format json "$po/dead.ini"
	ms=$(cat "$po/dead.ms")
	python3 - "$po/dead.out" <<'PY' && [ "$ms" -lt 9000 ] && pass "probe dead: closed port MP050, silent TLS port MP051 (TLS handshake), silent SMTP MP051 (greeting), in $ms ms with --timeout 2" || fail "probe dead: $(cat "$po/dead.out" "$po/dead.err" | head -c 800) ($ms ms)"
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]["findings"]
got = [(x["rule"], x["line"], x["message"].split(": ", 1)[1]) for x in f]
want = [("MP050", 4), ("MP051", 10), ("MP051", 16)]
assert [(r, l) for r, l, _ in got] == want, got
assert "Couldn't connect" in got[0][2] or "refused" in got[0][2], got
assert got[1][2] == "no answer within 2 s (TLS handshake)", got
assert got[2][2] == "no answer within 2 s (the greeting)", got
PY
fi

# An expired certificate (2020-01-01 to 2020-01-02, issued to itself and
# trusted through --ca-file), on a stand-in IMAP server that greets and
# answers CAPABILITY: MP055 at the security line, and no password sent.
mkdir -p "$T/expired"
(
	cd "$T/expired" && : >index.txt && echo 01 >serial &&
	printf '[ca]\ndefault_ca = x\n[x]\ndir = .\ndatabase = index.txt\nserial = serial\nnew_certs_dir = .\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\n[p]\ncommonName = supplied\n' >ca.cnf &&
	openssl req -new -newkey rsa:2048 -nodes -keyout key.pem -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -addext basicConstraints=critical,CA:TRUE -out req.pem &&
	openssl ca -batch -config ca.cnf -selfsign -keyfile key.pem -in req.pem \
		-startdate 20200101000000Z -enddate 20200102000000Z -out cert.pem
) >"$T/expired/openssl.log" 2>&1 || die "openssl could not make the expired certificate: $(tail -3 "$T/expired/openssl.log")"
python3 - "$T/expired" <<'PY2' &
import socket, ssl, sys
d = sys.argv[1]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(d + "/cert.pem", d + "/key.pem")
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 10996)); s.listen(8)
while True:
    c = s.accept()[0]
    try:
        t = ctx.wrap_socket(c, server_side=True)
        t.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] stand-in ready\r\n")
        for line in t.makefile("rb"):
            w = line.split()
            if len(w) < 2:
                continue
            if w[1].upper() == b"CAPABILITY":
                t.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + w[0] + b" OK done\r\n")
            elif w[1].upper() == b"LOGOUT":
                t.sendall(b"* BYE\r\n" + w[0] + b" OK bye\r\n"); break
            else:
                t.sendall(w[0] + b" NO stand-in\r\n")
    except Exception:
        pass
    finally:
        c.close()
PY2
PIDS="$PIDS $!"
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/10996) 2>/dev/null && break; sleep 0.1; done
printf '[account]\nemail = %s\n\n[incoming]\nprotocol = imap\nhost = 127.0.0.1\nport = 10996\nsecurity = tls\nauth = password-cleartext\n' "$ADDR" >"$po/expired.ini"
probe expired --ca-file "$T/expired/cert.pem" --login --password-env MAILPROF_E2E_PW "$po/expired.ini"
[ "$(rc_of expired)" = 1 ] && grep -q 'expired.ini:8:[0-9]*: error: imap 127.0.0.1:10996 (TLS): certificate CN=127.0.0.1 has expired (not after 2020-01-02 00:00:00 UTC); not logging in \[MP055\]' "$po/expired.out" &&
	[ "$(count expired MP053)" = 0 ] && [ "$(count expired MP060)" = 0 ] &&
	pass "probe expired: a trusted certificate that expired in 2020 gives MP055 at the security line (no login tried)" ||
	fail "probe expired: exit $(rc_of expired): $(cat "$po/expired.out" "$po/expired.err" | head -c 600)"

# The certificate names 127.0.0.1, not "localhost": a profile that says
# localhost (still connected to 127.0.0.1 only) gets MP054 and no login.
sed 's/^host = 127.0.0.1/host = localhost/' "$SAMPLES/port25.ini" | sed '/^\[outgoing\]/,$d' >"$po/otherhost.ini"
probe otherhost "${CA[@]}" --connect-to localhost:10993:127.0.0.1:10993 --login --password-env MAILPROF_E2E_PW "$po/otherhost.ini"
[ "$(rc_of otherhost)" = 1 ] && grep -q 'imap localhost:10993 (TLS): certificate CN=127.0.0.1 does not name localhost; not logging in \[MP054\]' "$po/otherhost.out" &&
	[ "$(count otherhost MP053)" = 0 ] && [ "$(count otherhost MP060)" = 0 ] &&
	pass "probe otherhost: a certificate for another host name gives MP054 (trusted, no login tried)" ||
	fail "probe otherhost: exit $(rc_of otherhost): $(head -c 600 "$po/otherhost.out") $(cat "$po/otherhost.err")"

# IMAP on 143 without STARTTLS: the password would cross in clear (MP057,
# the server offers STARTTLS), so no login is tried. IMAP on 993 where the
# profile asks for a challenge-response login (password-encrypted) and the
# server offers only PLAIN and LOGIN: MP058.
printf '[account]\nemail = %s\n\n[incoming]\nprotocol = imap\nhost = 127.0.0.1\nport = 10143\nsecurity = none\nauth = password-cleartext\nusername = e2euser\n\n[incoming]\nprotocol = imap\nhost = 127.0.0.1\nport = 10993\nsecurity = tls\nauth = password-encrypted\nusername = e2euser\n' "$ADDR" >"$po/plain.ini"
probe plain "${CA[@]}" --login --password-env MAILPROF_E2E_PW "$po/plain.ini"
[ "$(rc_of plain)" = 1 ] && grep -q 'plain.ini:8:12: error: imap 127.0.0.1:10143 (no TLS): the password would be sent before TLS; the server offers STARTTLS: use it \[MP057\]' "$po/plain.out" &&
	grep -q 'login not tried: no TLS' "$po/plain.out" &&
	grep -q 'plain.ini:17:8: error: imap 127.0.0.1:10993 (TLS): the profile logs in with password-encrypted (CRAM-MD5, DIGEST-MD5 or SCRAM); the server offers PLAIN LOGIN \[MP058\]' "$po/plain.out" &&
	pass "probe plain: IMAP without TLS gives MP057 (STARTTLS offered, no login tried); a login method not offered gives MP058" ||
	fail "probe plain: exit $(rc_of plain): $(grep -v '^  fix' "$po/plain.out" | head -c 900)"

# The profile says STARTTLS; this SMTP server (10026) offers none: MP052,
# and curl never goes on without TLS.
printf '[account]\nemail = %s\n\n[outgoing]\nprotocol = smtp\nhost = 127.0.0.1\nport = 10026\nsecurity = starttls\nauth = password-cleartext\n' "$ADDR" >"$po/notls.ini"
probe notls --login --password-env MAILPROF_E2E_PW "$po/notls.ini"
[ "$(rc_of notls)" = 1 ] && grep -q 'notls.ini:[0-9:]*: error: smtp 127.0.0.1:10026 (STARTTLS): the profile says STARTTLS, the server offers none (it offers: PIPELINING, .*) \[MP052\]' "$po/notls.out" &&
	[ "$(count notls MP060)" = 0 ] &&
	pass "probe notls: STARTTLS in the profile, none offered: MP052, nothing sent in clear" ||
	fail "probe notls: exit $(rc_of notls): $(grep -v '^  fix' "$po/notls.out" | head -c 600) $(cat "$po/notls.err")"

# Every report format of check, from the same probe.
okf=""
for fmt in json sarif github junit; do
	probe "fmt-$fmt" "${CA[@]}" --format $fmt "$SAMPLES/e2e-user.txt"
done
python3 -m json.tool "$po/fmt-json.out" >/dev/null && grep -q '"rule": "MP063"' "$po/fmt-json.out" && okf="$okf json"
python3 tests/data/sarif/validate.py tests/data/sarif/sarif-schema-2.1.0.json "$po/fmt-sarif.out" && grep -q '"ruleId": "MP056"' "$po/fmt-sarif.out" && okf="$okf sarif"
grep -q '^::warning file=.*MP056' "$po/fmt-github.out" && okf="$okf github"
xmllint --noout "$po/fmt-junit.out" 2>/dev/null && grep -q 'MP056' "$po/fmt-junit.out" && okf="$okf junit"
[ "$okf" = " json sarif github junit" ] && pass "probe: reports in$okf (SARIF schema-valid)" || fail "probe: report formats that worked:$okf"

# Last, as it makes Dovecot slow down logins from this address: a wrong
# password is a login finding naming the server and the method.
echo "not-the-password" >"$po/wrong.pw"
"$M" probe "${CA[@]}" --timeout 20 --password-stdin "$SAMPLES/e2e-user.txt" <"$po/wrong.pw" >"$po/wrongpw.out" 2>"$po/wrongpw.err"
echo $? >"$po/wrongpw.rc"
[ "$(rc_of wrongpw)" = 1 ] && [ "$(count wrongpw MP060)" = 3 ] &&
	grep -q 'imap 127.0.0.1:10993: login as e2euser with PLAIN refused: .*AUTHENTICATIONFAILED' "$po/wrongpw.out" &&
	pass "probe wrongpw: MP060 for IMAP, POP3 and SMTP: $(grep -o 'smtp 127.0.0.1:10587: login as [^[]*' "$po/wrongpw.out")" ||
	fail "probe wrongpw: exit $(rc_of wrongpw): $(grep -v MP063 "$po/wrongpw.out" | head -c 800)"

leaks=$(grep -rlF "$PW" "$po" | grep -v '\.pw$')
[ -z "$leaks" ] && pass "probe: the password appears in no output or report" || fail "probe: password written to: $leaks"

# ---- a wrong password is refused with 535 ----
out=$T/out/wrongpw
mkdir -p "$out"
"$M" convert --include-secrets --to msmtp -o "$out/msmtp.rc" "$SAMPLES/e2e-user.txt" 2>/dev/null
sed -i -e "s|^tls_trust_file .*|tls_trust_file  $T/cert.pem|" -e 's/^password .*/password        not-the-password/' "$out/msmtp.rc"
if msmtp -C "$out/msmtp.rc" -t <"$T/out/port25/msg.eml" >"$out/msmtp.log" 2>&1; then
	fail "wrongpw: the submission service accepted a wrong password"
else
	grep -q '535' "$out/msmtp.log" && pass "wrongpw: a wrong password is refused with 535" ||
		fail "wrongpw: refused without 535: $(tail -2 "$out/msmtp.log" | tr '\n' ' ')"
fi

summary
[ "$FAILED" -eq 0 ]
