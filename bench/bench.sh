#!/bin/sh
# Batch benchmark (`make bench`; not a test). Builds a corpus of N profiles
# (the ISPDB files in bench/corpus/ispdb replicated under new folder names,
# plus generated INI files and notice samples), then times in one run:
#   xmllint --noout over the XML files (the parsing floor, many files per
#   xmllint so process start-up does not dominate), mailprof check -j1 and
#   with all cores over the same XML files (these three in turns, best of
#   BENCH_REPS rounds), check over the whole corpus, and convert to JSON of
#   the XML files (every output durable on disk when it exits); at
#   N/10 and at N, to show how time and memory grow.
#   `xmllint --noout --schema` is shown as a reference (mailprof validates
#   every autoconfig file against schemas/autoconfig.xsd; xmllint --noout
#   does not), not as the target's floor.
# usage: bench/bench.sh [MAILPROF] [N]     (N also from $BENCH_N; default 30000)
set -eu
MP=${1:-build/mailprof}
N=${2:-${BENCH_N:-30000}}
W=${BENCH_DIR:-build/bench}
SRC=bench/corpus/ispdb
JOBS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
command -v xmllint >/dev/null || { echo "bench: xmllint missing (apt-get install libxml2-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

# corpus DIR N: 90% XML, 5% INI (unique addresses), 5% notices.
corpus() {
	d=$1 n=$2
	rm -rf "$d" && mkdir -p "$d/xml" "$d/ini" "$d/notice"
	nxml=$((n * 90 / 100)) nini=$((n * 5 / 100))
	nnot=$((n - nxml - nini))
	set -- "$SRC"/*.xml
	per=$#
	i=0 left=$nxml
	while [ "$left" -gt 0 ]; do
		r=$(printf 'r%05d' "$i")
		mkdir "$d/xml/$r"
		if [ "$left" -ge "$per" ]; then
			cp "$@" "$d/xml/$r/"
			left=$((left - per))
		else
			printf '%s\n' "$@" | head -n "$left" | xargs cp -t "$d/xml/$r/"
			left=0
		fi
		i=$((i + 1))
	done
	# INI: one awk for all files; every file its own address and login.
	awk -v n="$nini" -v d="$d/ini" '
	{ t[NR] = $0 } END {
		for (i = 0; i < n; i++) {
			f = sprintf("%s/g%03d/user%06d.ini", d, int(i / 1000), i)
			if (i % 1000 == 0) system("mkdir -p " d sprintf("/g%03d", int(i / 1000)))
			for (k = 1; k <= NR; k++) { l = t[k]; gsub(/taro\.yamada/, sprintf("user%06d", i), l); print l > f }
			close(f)
		}
	}' samples/ini/home-imap.ini
	# Notices: UTF-8 samples that content sniffing recognises, copied round-robin.
	set -- samples/notice/box-table.txt samples/notice/e1-atlantis-lines.txt \
		samples/notice/holdout-signup-en.txt samples/notice/bullets-en.txt \
		samples/notice/port-by-direction.txt samples/notice/next-line-values.txt
	i=0
	while [ "$i" -lt "$nnot" ]; do
		g=$(printf '%s/notice/g%03d' "$d" $((i / 1000)))
		[ -d "$g" ] || mkdir -p "$g"
		for f in "$@"; do
			[ "$i" -lt "$nnot" ] || break
			cp "$f" "$g/$(printf 'n%06d' "$i")-${f##*/}"
			i=$((i + 1))
		done
	done
}

bytes() { find "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# run_once KEY CMD...: one timed run; keeps it as KEY's best (least elapsed)
# in t_KEY rss_KEY cpu_KEY, with its stderr in $W/stderr.KEY.
run_once() {
	key=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$W/time.out" "$@" >"$W/stdout" 2>"$W/stderr" || true
	# time(1) puts "Command exited with non-zero status" first: read the last line.
	tail -n 1 "$W/time.out" >"$W/time.last"
	read -r t1 rss1 us1 sy1 <"$W/time.last" || { echo "bench: $key did not run" >&2; cat "$W/stderr" >&2; exit 2; }
	eval "best=\${t_$key:-}"
	if [ -z "$best" ] || awk -v a="$t1" -v b="$best" 'BEGIN { exit !(a < b) }'; then
		eval "t_$key=$t1 rss_$key=$rss1"
		eval "cpu_$key=$(awk -v u="$us1" -v s="$sy1" 'BEGIN { print u + s }')"
		cp "$W/stderr" "$W/stderr.$key"
	fi
}

# row LABEL FILES BYTES KEY: one table row from KEY's best run; sets $t.
row() {
	label=$1 files=$2 by=$3 key=$4
	eval "t=\$t_$key rss=\$rss_$key cpu=\$cpu_$key"
	ratio=$(awk -v a="$t" -v b="${floor:-$t}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	awk -v l="$label" -v f="$files" -v b="$by" -v t="$t" -v r="$rss" -v q="$ratio" -v c="$cpu" 'BEGIN {
		s = t > 0 ? t : 0.01
		printf "%-34s %7d %7.2f %7.2f %9.0f %7.2f %9.1f %7s\n", l, f, t, c, f / s,
			b / 1048576 / s, r / 1024, q }'
}

# measure LABEL FILES BYTES CMD...: best of $reps runs, one row; sets $t.
# The machine is shared: the least elapsed time is the least disturbed.
measure() {
	label=$1 files=$2 by=$3
	shift 3
	mkey=m$(printf '%s' "$label" | cksum | cut -d' ' -f1)
	unset "t_$mkey"
	k=0
	while [ "$k" -lt "$reps" ]; do
		run_once "$mkey" "$@"
		k=$((k + 1))
	done
	row "$label" "$files" "$by" "$mkey"
	cp "$W/stderr.$mkey" "$W/stderr"
}

run_size() {
	n=$1 d=$W/n$1
	corpus "$d" "$n"
	nx=$(find "$d/xml" -type f | wc -l)
	bx=$(bytes "$d/xml")
	na=$(find "$d" -type f | wc -l)
	ba=$(bytes "$d/xml" "$d/ini" "$d/notice")
	rm -rf "$d".out.*
	# Written back and in the page cache before anything is timed.
	sync
	find "$d" -type f -exec cat {} + >/dev/null
	reps=${BENCH_REPS:-3}
	echo
	echo "N = $n ($nx XML, $((na - nx)) INI and notices; $JOBS cores)"
	printf '%-34s %7s %7s %7s %9s %7s %9s %7s\n' "run" "files" "sec" "cpu-sec" "files/s" "MB/s" "peakMB" "ratio"
	# The targets' three runs take turns, round after round, so a busy
	# moment of the shared machine falls on all of them alike.
	unset t_fl t_j1 t_jn
	k=0
	while [ "$k" -lt "$reps" ]; do
		run_once fl sh -c "find '$d/xml' -name '*.xml' | sort | xargs -n 2000 xmllint --noout"
		run_once j1 "$MP" check -q -j1 "$d/xml"
		run_once jn "$MP" check -q -j"$JOBS" "$d/xml"
		k=$((k + 1))
	done
	floor=
	row "xmllint --noout (XML)" "$nx" "$bx" fl
	floor=$t
	# Not a floor, a reference: how much of $JOBS cores the shared machine
	# gives right now (xmllint processes side by side).
	measure "xmllint --noout, $JOBS at once (XML)" "$nx" "$bx" sh -c \
		"find '$d/xml' -name '*.xml' | sort | xargs -n $((nx / JOBS + 1)) -P $JOBS xmllint --noout"
	# Not a floor, a reference: what XSD validation alone adds to parsing.
	measure "xmllint --noout --schema (XML)" "$nx" "$bx" sh -c \
		"find '$d/xml' -name '*.xml' | sort | xargs -n 2000 xmllint --noout --schema schemas/autoconfig.xsd"
	row "mailprof check -j1 (XML)" "$nx" "$bx" j1
	r_j1=$t
	eval "rss_j1_$n=$rss"
	row "mailprof check -j$JOBS (XML)" "$nx" "$bx" jn
	r_jn=$t
	tail -n 1 "$W/stderr.jn" | sed 's/^/  /'
	measure "mailprof check -j$JOBS (all)" "$na" "$ba" "$MP" check -q -j"$JOBS" "$d"
	eval "rss_check_$n=$rss"
	tail -n 1 "$W/stderr" | sed 's/^/  /'
	# Convert writes a file per input, durable on disk at exit: over the
	# XML files, so it compares with the floor over the same files.
	reps=${BENCH_REPS:-3}
	measure "mailprof convert --to json -j$JOBS (XML)" "$nx" "$bx" sh -c \
		"exec '$MP' convert -q --to json -j$JOBS -o '$d.out'.\$\$ '$d/xml'"
	r_cv=$t
	rm -rf "$d".out.*
	tail -n 1 "$W/stderr" | sed 's/^/  /'
	awk -v a="$r_j1" -v b="$r_jn" -v c="$r_cv" -v f="$floor" -v j="$JOBS" -v ca="$cpu_j1" -v cf="$cpu_fl" 'BEGIN {
		printf "targets: check -j1 %.2fx xmllint (<= 1.2), check -j%d %.2fx (<= 0.65), convert -j%d %.2fx (<= 2)\n", a / f, j, b / f, j, c / f
		if (cf > 0)
			printf "         (cpu-seconds, which a busy machine disturbs less: check -j1 %.2fx xmllint)\n", ca / cf }'
	rm -rf "$d"
}

mkdir -p "$W"
small=$((N / 10))
echo "mailprof batch benchmark: $($MP --version), corpus from $SRC"
run_size "$small"
run_size "$N"
eval "a=\$rss_j1_$small b=\$rss_j1_$N c=\$rss_check_$small e=\$rss_check_$N"
awk -v a="$a" -v b="$b" -v c="$c" -v e="$e" -v s="$small" -v n="$N" 'BEGIN {
	printf("\npeak RSS, N=%d -> N=%d (target: within 10%%):\n", s, n)
	printf("  check -j1 (XML):  %.1f MB -> %.1f MB: %+.1f%%\n", a / 1024, b / 1024, (b - a) * 100 / a)
	printf("  check -jN (all):  %.1f MB -> %.1f MB: %+.1f%% (includes the duplicate-account\n", c / 1024, e / 1024, (e - c) * 100 / c)
	printf("                    table, MP039: one entry per distinct account identity)\n") }'

# Suppression markers (issue 17): 40,000 and 80,000 stacked on comment lines
# before one value. The scan and the matching of findings to markers are
# linear: twice the markers, about twice the time (it was four times).
markers() {
	awk -v n="$1" 'BEGIN { print "[account]\nemail = a@example.com\n[outgoing]\nhost = smtp.example.com"
		for (i = 0; i < n; i++) print "; mailprof-disable MP001"
		print "port = 25" }' >"$W/markers-$1.ini"
}
reps=${BENCH_REPS:-3}
# growth LABEL_A FILE_A LABEL_B FILE_B TARGET [check options]: time check on
# the smaller input, then the larger one, the ratio against the first.
growth() {
	floor=
	echo
	printf '%-34s %7s %7s %7s %9s %7s %9s %7s\n' "run" "files" "sec" "cpu-sec" "files/s" "MB/s" "peakMB" "ratio"
	la=$1 fa=$2 lb=$3 fb=$4 target=$5
	shift 5
	measure "$la" 1 "$(bytes "$fa")" "$MP" check -q "$@" "$fa"
	floor=$t
	measure "$lb" 1 "$(bytes "$fb")" "$MP" check -q "$@" "$fb"
	echo "target: $target"
	rm -f "$fa" "$fb"
}
markers 40000
markers 80000
growth "check, 40,000 markers" "$W/markers-40000.ini" "check, 80,000 markers" "$W/markers-80000.ini" \
	"80,000 markers <= 2.5x the time of 40,000 (linear; quadratic would be 4x)"

# A notice line of 100 KB and 200 KB of tokens no label takes ("[a](http://x"
# repeated): each value's label is looked for at most 240 bytes back
# (docs/notice-reader.md), so twice the line, about twice the time (the
# round-6 start took 83 s on the longer one, four times the shorter).
tokens() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n / 13; i++) printf "[a](http://x "; print "" }' >"$W/tokens-$1.txt"
}
tokens 100000
tokens 200000
growth "check, 100 KB notice line" "$W/tokens-100000.txt" "check, 200 KB notice line" "$W/tokens-200000.txt" \
	"the 200 KB line <= 2.5x the time of the 100 KB one (linear; quadratic would be 4x)" --from notice

# A notice line of 100 KB and 200 KB of security choices ("Transport
# security (SSL or TLS SSL or TLS …) TLS"): a sentence's security is
# looked for in its clause, at most 80 bytes after each mode word, so
# twice the line, about twice the time (round 9 found it quadratic: a
# 55 KB line took 68 s).
choices() {
	awk -v n="$1" 'BEGIN { printf "SMTP server: smtp.example.net\nTransport security ("; for (i = 0; i < n / 11; i++) printf "SSL or TLS "; print ") TLS" }' >"$W/choices-$1.txt"
}
choices 100000
choices 200000
growth "check, 100 KB line of choices" "$W/choices-100000.txt" "check, 200 KB line of choices" "$W/choices-200000.txt" \
	"the 200 KB line <= 2.5x the time of the 100 KB one (linear; quadratic would be 4x)" --from notice

# A notice line of 100 KB and 200 KB of "replace a " (a note to replace a
# host, without a host): "with" is looked for only after a host, in the
# verb's clause, so twice the line, about twice the time (round 9's audit
# found it quadratic: 11.6 s for 200 KB, 50 s for 400 KB).
replaces() {
	awk -v n="$1" 'BEGIN { printf "SMTP server: smtp.example.net\n"; for (i = 0; i < n / 10; i++) printf "replace a "; print "" }' >"$W/replaces-$1.txt"
}
replaces 100000
replaces 200000
growth "check, 100 KB line of replaces" "$W/replaces-100000.txt" "check, 200 KB line of replaces" "$W/replaces-200000.txt" \
	"the 200 KB line <= 2.5x the time of the 100 KB one (linear; quadratic would be 4x)" --from notice

# A notice of 10,000 and 20,000 accounts, each an address and a server
# with a port list ("E-mail: uN@… / SMTP with SSL / Server: … / Ports: 25,
# 465, 587"): the reader's per-account passes (the port matrix, the nearest
# account with servers, the values the accounts hold) cost accounts times
# lines until round 7 (06783f2: 11.8 s and 41.8 s); now linear.
accounts() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "E-mail: u%d@example.com\nSMTP with SSL\nServer: smtp%d.example.com\nPorts: 25, 465, 587\n", i, i }' >"$W/accounts-$1.txt"
}
accounts 10000
accounts 20000
growth "check, notice of 10,000 accounts" "$W/accounts-10000.txt" "check, notice of 20,000 accounts" "$W/accounts-20000.txt" \
	"20,000 accounts <= 2.5x the time of 10,000 (linear; quadratic would be 4x)" --from notice

# A port row of 100 KB and 200 KB of direction words without a number
# ("Port: 993 if you use IMAP IMAP …"): the run of words after each one is
# walked once, not once per word (round 12: 0.83 s and 3.50 s, four times).
directions() {
	awk -v n="$1" 'BEGIN { printf "Port: 993 if you use"; for (i = 0; i < n / 5; i++) printf " IMAP"; print "" }' >"$W/directions-$1.txt"
}
directions 100000
directions 200000
growth "check, 100 KB port row of words" "$W/directions-100000.txt" "check, 200 KB port row of words" "$W/directions-200000.txt" \
	"the 200 KB row <= 2.5x the time of the 100 KB one (linear; quadratic would be 4x)" --from notice

# A space-aligned table header of 100,000 and 200,000 columns ("Server
# Port  Encryption  a  a …"): a column's field is checked against the fields
# seen before it as a set, not against every column before it (round 12:
# 0.70 s for 50,000 columns, 2.20 s for 100,000).
columns() {
	awk -v n="$1" 'BEGIN { printf "Server  Port  Encryption"; for (i = 0; i < n; i++) printf "  a"; print "" }' >"$W/columns-$1.txt"
}
columns 100000
columns 200000
growth "check, 100,000 space columns" "$W/columns-100000.txt" "check, 200,000 space columns" "$W/columns-200000.txt" \
	"200,000 columns <= 2.5x the time of 100,000 (linear; quadratic would be 4x)" --from notice

# A security-mode matrix of 80,000 and 160,000 columns ("Protocol  SSL  SSL
# …", then "POP3  1  1 …"): a row's cell finds its header cell by a binary
# search, not a walk back over the header (round 12: 0.20 s, 0.55 s, 1.81 s
# for 20,000, 40,000, 80,000).
matrix() {
	awk -v n="$1" 'BEGIN { printf "Protocol"; for (i = 0; i < n; i++) printf "  SSL"; print ""; printf "POP3"; for (i = 0; i < n; i++) printf "  1"; print "" }' >"$W/matrix-$1.txt"
}
matrix 80000
matrix 160000
growth "check, 80,000 matrix columns" "$W/matrix-80000.txt" "check, 160,000 matrix columns" "$W/matrix-160000.txt" \
	"160,000 columns <= 2.5x the time of 80,000 (linear; quadratic would be 4x)" --from notice

# A sentence of 100 KB and 200 KB of protocols named as the means ("use
# IMAP, use IMAP, …"): whether the line names receiving is looked up once
# per line, not once per name (round 12's audit: 43 s for 200 KB).
means() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n / 10; i++) printf "use IMAP, "; print "" }' >"$W/means-$1.txt"
}
means 100000
means 200000
growth "check, 100 KB sentence of means" "$W/means-100000.txt" "check, 200 KB sentence of means" "$W/means-200000.txt" \
	"the 200 KB sentence <= 2.5x the time of the 100 KB one (linear; quadratic would be 4x)" --from notice

# A line of 500 KB and 1 MB of host names split before their top-level
# domain ("a.zz .com a.zz .com …"): the spaces dropped in one pass, not the
# rest of the line moved for each (round 12's audit: 5.7 s and 21.5 s).
splits() {
	awk -v n="$1" 'BEGIN { printf "Server: "; for (i = 0; i < n / 10; i++) printf "a.zz .com "; print "" }' >"$W/splits-$1.txt"
}
splits 500000
splits 1000000
growth "check, 500 KB line of split hosts" "$W/splits-500000.txt" "check, 1 MB line of split hosts" "$W/splits-1000000.txt" \
	"the 1 MB line <= 2.5x the time of the 500 KB one (linear; quadratic would be 4x)" --from notice
