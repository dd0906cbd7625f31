#!/usr/bin/env bash
# action.yml step "mailprof check": the SARIF report into MAILPROF_SARIF, then
# the same check as workflow commands (annotations); with MAILPROF_MERGE,
# `mailprof merge` of those shard reports instead of `check` of the paths. It records the exit
# status as an output instead of failing, so the upload step still runs; the
# gate step fails the job afterwards.
set -uo pipefail
sarif=${MAILPROF_SARIF:-mailprof.sarif}
# Space-separated, globs expanded, as typed in a shell.
# shellcheck disable=SC2206
args=(${MAILPROF_ARGS:-})
if [ -n "${MAILPROF_MERGE:-}" ]; then
	cmd=merge
	# shellcheck disable=SC2206
	paths=(${MAILPROF_MERGE})
else
	cmd=check
	# shellcheck disable=SC2206
	paths=(${MAILPROF_PATHS:-.})
fi
mailprof "$cmd" --format sarif "${args[@]}" "${paths[@]}" > "$sarif.tmp" 2> "$sarif.err"
rc=$?
# Its messages (unreadable files, the summary) are shown once: here when
# there is no annotation run to show them.
[ "${MAILPROF_ANNOTATE:-true}" != false ] || cat "$sarif.err" >&2
rm -f "$sarif.err"
# A SARIF file exists for findings (1) and for inputs that could not be read
# (2: they are reported in it); not after a usage error, which leaves no JSON.
if [ -s "$sarif.tmp" ] && [ "$(head -c 1 "$sarif.tmp")" = "{" ]; then
	mv "$sarif.tmp" "$sarif"
else
	rm -f "$sarif.tmp"
	sarif=""
fi
rc2=$rc
if [ "${MAILPROF_ANNOTATE:-true}" != false ]; then
	mailprof "$cmd" --format github "${args[@]}" "${paths[@]}"
	rc2=$?
	[ "$rc" = "$rc2" ] || echo "::warning title=mailprof action::the SARIF run exited $rc, the annotation run $rc2"
fi
{
	echo "exit-code=$rc2"
	echo "sarif-file=$sarif"
} >> "${GITHUB_OUTPUT:?}"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	echo "mailprof $cmd ${args[*]}${args[*]:+ }${paths[*]}: exit $rc2${sarif:+, SARIF in $sarif}" >> "$GITHUB_STEP_SUMMARY"
fi
exit 0
