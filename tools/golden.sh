#!/bin/sh
# Regenerate every golden file in tests/golden from the CLI (see
# tests/test_golden.c for the naming). For a sample with no golden yet, create
# <name>.json and <name>.check.txt. Review `git diff tests/golden` afterwards.
set -u
M=${1:-build/mailprof}
export NO_COLOR=1
stem() { b=$(basename "$1"); echo "${b%.*}"; }
for s in samples/*/*; do
	[ -f "$s" ] || continue
	dir=$(basename "$(dirname "$s")")
	[ "$dir" = templates ] && continue
	case "$(basename "$s")" in LICENSE*|README*|SOURCES*|*.md) continue ;; esac
	g=tests/golden/$dir
	n=$(stem "$s")
	if ! ls "$g/$n".* >/dev/null 2>&1; then
		mkdir -p "$g"
		if "$M" convert --to json "$s" >/dev/null 2>&1; then
			: >"$g/$n.json"; : >"$g/$n.check.txt"
		else
			: >"$g/$n.stderr.txt"
		fi
	fi
done
for g in tests/golden/*/*; do
	case "$g" in *.args) continue ;; esac
	dir=$(basename "$(dirname "$g")")
	base=$(basename "$g")
	# the sample with the longest stem that prefixes the golden's name
	best=""; bestlen=0
	for s in samples/"$dir"/*; do
		n=$(stem "$s")
		case "$base" in "$n".*) [ ${#n} -gt $bestlen ] && best=$s && bestlen=${#n} ;; esac
	done
	[ -n "$best" ] || { echo "no sample for $g" >&2; continue; }
	n=$(stem "$best"); rest=${base#"$n".}
	args=""; [ -f "tests/golden/$dir/$n.args" ] && args=$(cat "tests/golden/$dir/$n.args")
	# args are shell words, as tests/test_golden.c passes them to sh -c
	case "$rest" in
	check.txt) { eval "\"\$M\" check $args \"\$best\""; echo "exit $?"; } >"$g" 2>/dev/null ;;
	stderr.txt) { eval "\"\$M\" convert --to json $args \"\$best\"" 2>&1 >/dev/null; echo "exit $?"; } >"$g" ;;
	*) to=${rest%%.*}; eval "\"\$M\" convert --to \"\$to\" $args \"\$best\"" >"$g" 2>/dev/null ;;
	esac
done
# Command cases (tests/test_realworld.c): NAME.cmd -> NAME.expected.
for c in tests/data/realworld/*.cmd; do
	[ -f "$c" ] || continue
	args=$(head -n 1 "$c")
	{ eval "\"\$M\" $args" >/tmp/mp-golden-out.$$ 2>/tmp/mp-golden-err.$$; rc=$?
	  cat /tmp/mp-golden-out.$$; echo "--- stderr"; cat /tmp/mp-golden-err.$$; echo "exit $rc"; } >"${c%.cmd}.expected"
	rm -f /tmp/mp-golden-out.$$ /tmp/mp-golden-err.$$
done
