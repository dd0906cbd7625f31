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
	case "$rest" in
	check.txt) { "$M" check $args "$best"; echo "exit $?"; } >"$g" 2>/dev/null ;;
	stderr.txt) { "$M" convert --to json $args "$best" 2>&1 >/dev/null; echo "exit $?"; } >"$g" ;;
	*) "$M" convert --to "${rest%%.*}" $args "$best" >"$g" 2>/dev/null ;;
	esac
done
