#!/bin/sh
# Run the CLI under valgrind over every sample (check, and convert to each
# writable format); fail on any memory error or leak.
set -u
M=${1:-build/mailprof}
fail=0; runs=0
formats=$("$M" formats | awk 'NR > 1 && $3 == "yes" { print $1 }')
for s in samples/*/*; do
	case "$(basename "$s")" in LICENSE*|README*|SOURCES*|*.md|*.tpl) continue ;; esac
	[ -f "$s" ] || continue
	for cmd in "check" $(for f in $formats; do echo "convert:$f"; done); do
		case "$cmd" in convert:*) args="convert --to ${cmd#convert:}" ;; *) args=check ;; esac
		[ "${cmd#convert:}" = notice ] && continue # needs a template
		runs=$((runs + 1))
		valgrind -q --suppressions=tools/valgrind.supp --leak-check=full --errors-for-leak-kinds=definite,indirect \
			--error-exitcode=99 "$M" $args "$s" >/dev/null 2>/tmp/mailprof-vg.$$
		if [ $? -eq 99 ]; then
			echo "valgrind: $args $s"; cat /tmp/mailprof-vg.$$; fail=$((fail + 1))
		fi
	done
done
rm -f /tmp/mailprof-vg.$$
echo "valgrind: $((runs - fail)) passed, $fail failed"
[ $fail -eq 0 ]
