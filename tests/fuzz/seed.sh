#!/bin/sh
# Seed inputs for the fuzzer: every sample and every crash regression, once with the "detect" selector
# byte (0) in front, so the fuzzer starts from real files of every format.
set -e
out=$1
mkdir -p "$out"
# (regressions/NAME/ folders hold raw harness inputs: not files to seed with)
{ find samples templates -type f ! -name '*.md' ! -name 'LICENSE*'
  find tests/fuzz/regressions -maxdepth 1 -type f ! -name '*.md'; } | sort | while read -r f; do
	name=$(printf '%s' "$f" | tr '/' '_')
	{ printf '\000'; cat "$f"; } >"$out/$name"
done
