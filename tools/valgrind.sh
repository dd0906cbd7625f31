#!/bin/sh
# Run the CLI under valgrind over every sample (check, and convert to each
# writable format) and every real notice page (check); fail on any memory
# error or leak. The runs are
# independent, so they go VALGRIND_JOBS at a time (default: one per core);
# each run's log is its own file, printed only when that run fails.
set -u
M=${1:-build/mailprof}
JOBS=${VALGRIND_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/mailprof-vg.XXXXXX") || exit 2
trap 'rm -rf "$LOGS"' EXIT INT TERM
formats=$("$M" formats | awk 'NR > 1 && $3 == "yes" && $1 != "notice" { print $1 }') # notice needs a template

# One line per run: the command words, then the sample.
for s in samples/*/*; do
	case "$(basename "$s")" in LICENSE*|README*|SOURCES*|*.md|*.tpl) continue ;; esac
	[ -f "$s" ] || continue
	printf 'check\t%s\n' "$s"
	for f in $formats; do printf 'convert --to %s\t%s\n' "$f" "$s"; done
done >"$LOGS/runs"
# The real provider pages and the slow inputs: the notice reader on text
# nobody on the project wrote (a stale pointer showed only here).
for s in tests/data/notices-real/*/*.txt tests/fuzz/regressions/parse/slow-*; do
	[ -f "$s" ] && printf 'check --from notice\t%s\n' "$s"
done >>"$LOGS/runs"

# A run's log is named by its line number; a failed run leaves NUMBER.fail.
awk '{ print NR }' "$LOGS/runs" | M=$M xargs -P "$JOBS" -n 1 sh -c '
	line=$(sed -n "${1}p" "$0/runs"); args=${line%%	*}; s=${line#*	}
	valgrind -q --suppressions=tools/valgrind.supp --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
		"$M" $args "$s" >/dev/null 2>"$0/$1.log"
	[ $? -eq 99 ] && { echo "valgrind: $args $s"; cat "$0/$1.log"; } >"$0/$1.fail"
	rm -f "$0/$1.log"; exit 0' "$LOGS"

runs=$(wc -l <"$LOGS/runs")
fail=0
for f in "$LOGS"/*.fail; do
	[ -f "$f" ] || continue
	cat "$f"; fail=$((fail + 1))
done
echo "valgrind: $((runs - fail)) passed, $fail failed ($JOBS at a time)"
[ $fail -eq 0 ]
