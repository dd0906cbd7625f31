#!/usr/bin/env bash
# `pre-commit try-repo` of this repository's mailprof-check hook on a sample
# repository made in a temporary folder, with the mailprof on PATH (the
# installed package). Offline: the hook is `language: script` (nothing to
# download), the cache is private, and the run has no network namespace when
# unshare allows it (proxies pointing nowhere otherwise).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
command -v mailprof >/dev/null || { echo "precommit.sh: no mailprof on PATH" >&2; exit 2; }
command -v pre-commit >/dev/null || { echo "precommit.sh: pre-commit is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/cache HOME=$tmp/home
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid
mkdir -p "$HOME"
offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); echo "pre-commit runs without network (unshare -n)"
else echo "pre-commit runs with proxies to 127.0.0.1:9 (unshare -n not allowed here)"; fi
fails=0

# The sample repository: profiles under the names they carry, plus files the
# hook must leave alone (they are not profiles, and mailprof would refuse them).
s=$tmp/sample
mkdir -p "$s/site/mail" "$s/ispdb" "$s/exchange" "$s/apple" "$s/windows" "$s/accounts"
cp samples/autoconfig/biglobe.ne.jp.xml "$s/site/mail/config-v1.1.xml"
cp samples/autoconfig/charter.net.xml "$s/ispdb/charter.net.xml"             # one warning
cp samples/autodiscover/dimension-sh.xml "$s/exchange/Autodiscover.xml"
cp samples/oeaccount/tb-donhallimap.oeaccount "$s/windows/"                    # three warnings
cp samples/ini/home-imap.ini "$s/accounts/office.mailprof.ini"
mailprof convert --to mobileconfig samples/autoconfig/gmx.net.xml > "$s/apple/office.mobileconfig" 2>/dev/null
printf '<project><modelVersion>4.0.0</modelVersion></project>\n' > "$s/pom.xml"
printf '[tox]\nenvlist = py3\n' > "$s/tox.ini"
cp samples/ini/port25.ini "$s/accounts/port25-notes.ini"                     # not a hook name
git -C "$s" init -q && git -C "$s" add -A

# try_repo EXPECTED-EXIT WHAT [OPTION...]: run the hook on every file of the sample repository.
try_repo() {
	local want=$1 what=$2 rc=0
	shift 2
	(cd "$s" && "${offline[@]}" pre-commit try-repo "$repo" mailprof-check --all-files --color never "$@") \
		> "$tmp/out" 2>&1 || rc=$?
	if [ "$rc" = "$want" ]; then echo "ok: $what: exit $rc"; else
		echo "FAIL: $what: exit $rc, expected $want"; head -40 "$tmp/out"; fails=$((fails + 1)); fi
}
expect() { grep -q -- "$1" "$tmp/out" || { echo "FAIL: output lacks '$1'"; head -40 "$tmp/out"; fails=$((fails + 1)); }; }
refuse() { ! grep -q -- "$1" "$tmp/out" || { echo "FAIL: output has '$1'"; fails=$((fails + 1)); }; }

try_repo 0 "clean profiles, no .mailprof.ini"
expect "mailprof check\.*Passed"
# The six profiles, and only they, went to mailprof, in one run (cross-file
# rules such as duplicate accounts see them all): its one summary says so.
try_repo 0 "the same, verbose" --verbose
expect "mailprof: 6 files, 6 accounts"
refuse "pom.xml"; refuse "tox.ini"; refuse "port25-notes.ini"

printf 'fail-on = warning\n' > "$s/.mailprof.ini" && git -C "$s" add -A
try_repo 1 "the repository's .mailprof.ini (fail-on = warning) is used"
expect "MP012"
printf 'fail-on = warning\n\n[rules]\nMP012 = off\nMP002 = off\nMP006 = off\n' > "$s/.mailprof.ini" && git -C "$s" add -A
try_repo 0 "its [rules] switch those warnings off"

rm "$s/.mailprof.ini" && cp samples/autoconfig/kokuyou.ne.jp.xml "$s/ispdb/" && git -C "$s" add -A
try_repo 1 "an error (SMTP on port 25 without authentication) blocks the commit"
expect "ispdb/kokuyou.ne.jp.xml:.*\[MP001\]"

[ "$fails" = 0 ] || { echo "precommit.sh: $fails failures"; exit 1; }
echo "precommit.sh: pre-commit try-repo passes and fails as it should"
