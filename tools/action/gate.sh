#!/usr/bin/env bash
# action.yml step "Gate on the findings": fail the job as mailprof check did.
set -euo pipefail
case "${MAILPROF_EXIT:-}" in
0) echo "mailprof: no finding at or above --fail-on" ;;
1)
	echo "mailprof: findings at or above --fail-on (annotations above, code scanning has the rest)"
	[ "${MAILPROF_GATE:-true}" = false ] && echo "mailprof: gate: false, so the job goes on" && exit 0
	exit 1
	;;
2) echo "mailprof: an input could not be read, or a usage error (see the check step)"; exit 2 ;;
*) echo "mailprof: the check step left no exit status"; exit 2 ;;
esac
