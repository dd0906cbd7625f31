#!/bin/sh
# Run each fuzz harness for SECONDS from its committed corpus, its seeds and
# its dictionary; new inputs go to DIR/corpus/NAME (not committed), crashes to
# DIR/crashes/. Prints one summary line per harness; fails on any crash.
# Usage: run.sh DIR SECONDS NAME...
set -u
dir=$1 secs=$2
shift 2
status=0
mkdir -p "$dir/crashes"
for h in "$@"; do
	seeds="$dir/seeds/$h"
	rm -rf "$seeds"
	mkdir -p "$seeds" "$dir/corpus/$h"
	[ "$h" = parse ] && sh tests/fuzz/seed.sh "$seeds"
	[ -d "tests/fuzz/regressions/$h" ] && cp tests/fuzz/regressions/"$h"/* "$seeds"/ 2>/dev/null
	log="$dir/fuzz-$h.log"
	# -timeout is wall-clock: at nice 19 on a shared machine an input that takes
	# 0.1 s alone can wait 10 s for a core (docs/fuzzing.md); 60 s still
	# catches a real hang.
	nice -n 19 "$dir/fuzz_$h" -max_total_time="$secs" -max_len=65536 -timeout=60 -rss_limit_mb=2048 \
		-dict="tests/fuzz/dict/$h.dict" -artifact_prefix="$dir/crashes/$h-" -print_final_stats=1 \
		"$dir/corpus/$h" "tests/fuzz/corpus/$h" "$seeds" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	echo "fuzz_$h: ${secs}s, ${execs:-?} execs, ${rate:-?} exec/s, exit $rc (log $log)"
	if [ $rc -ne 0 ]; then
		grep -m3 -E 'ERROR|invariant|SUMMARY' "$log"
		status=1
	fi
done
exit $status
