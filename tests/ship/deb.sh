#!/usr/bin/env bash
# Checks the built Debian packages from their installed files (make deb first):
#   tests/ship/deb.sh [DEBDIR]            dpkg -x into a fresh root (no root needed)
#   tests/ship/deb.sh [DEBDIR] --system   apt-get install them into this system (CI, root)
# The installed mailprof must print exactly the golden check output of every
# sample; the -dev package must build the example program with pkg-config,
# linked to the shared library (libmailprof0) and to the static one.
set -euo pipefail
trap 'echo "deb.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/../.."
debdir=$(realpath "${1:-build}")
mode=${2:-root}
v=$(dpkg-parsechangelog -S Version)
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
debs=()
for p in mailprof libmailprof0 libmailprof-dev; do
	debs+=("$debdir/${p}_${v}_${arch}.deb")
	[ -f "${debs[-1]}" ] || { echo "deb.sh: ${debs[-1]} missing: run make deb" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

if [ "$mode" = --system ]; then
	R=""
	# --reinstall: a machine that already has this version (an earlier run)
	# must get these files, not keep the older build of the same version
	apt-get install -y -qq --reinstall --no-install-recommends "${debs[@]}" >/dev/null
	for p in mailprof libmailprof0 libmailprof-dev; do
		s=$(dpkg-query -W -f='${Status} ${Version}' "$p")
		[ "$s" = "install ok installed $v" ] && ok "dpkg: $p $v installed" || bad "dpkg: $p: $s"
	done
else
	R=$tmp/root
	for d in "${debs[@]}"; do dpkg-deb -x "$d" "$R"; done
	ok "unpacked $(basename -a "${debs[@]}" | tr '\n' ' ')into a fresh root"
fi
bin=$R/usr/bin/mailprof
lib=$R/usr/lib/$ma

# What each package must hold.
for f in usr/bin/mailprof usr/share/man/man1/mailprof.1.gz usr/include/mailprof.h \
	usr/lib/$ma/libmailprof.so.0 usr/lib/$ma/libmailprof.a usr/lib/$ma/pkgconfig/mailprof.pc; do
	[ -f "$R/$f" ] || bad "missing /$f"
done
[ "$(readlink "$lib/libmailprof.so")" = libmailprof.so.0 ] || bad "libmailprof.so is not a link to libmailprof.so.0"
[ "$(readlink "$lib/libmailprof.so.0")" = "libmailprof.so.$v" ] || bad "libmailprof.so.0 is not a link to libmailprof.so.$v"
for s in schemas/*.xsd; do
	cmp -s "$s" "$R/usr/share/mailprof/$s" || bad "/usr/share/mailprof/$s differs from the source"
done
cmp -s include/mailprof.h "$R/usr/include/mailprof.h" || bad "installed header differs"
zcat "$R/usr/share/man/man1/mailprof.1.gz" | grep -q '^\.Nm mailprof' || bad "man page content"
[ "$("$bin" --version)" = "mailprof $v" ] && ok "mailprof --version: mailprof $v" || bad "version: $("$bin" --version) (package $v)"

# Every sample with a golden check output, from the installed binary.
n=0
for g in tests/golden/*/*.check.txt; do
	dir=$(basename "$(dirname "$g")")
	name=$(basename "$g" .check.txt)
	set -- samples/"$dir"/"$name".*
	[ $# = 1 ] && [ -f "$1" ] || { bad "no single sample for $g"; continue; }
	args=""
	[ -f "tests/golden/$dir/$name.args" ] && args=$(cat "tests/golden/$dir/$name.args")
	# The arguments are shell words, as the golden test passes them to sh -c.
	got=$( { NO_COLOR=1 sh -c "\"\$0\" check $args \"\$1\"" "$bin" "$1" 2>/dev/null; echo "exit $?"; } )
	[ "$got" = "$(cat "$g")" ] || { bad "installed mailprof check $1 differs from $g"; continue; }
	n=$((n + 1))
done
[ "$n" -gt 0 ] && ok "installed mailprof check matches the golden output of $n samples"
# The whole folder as one batch, as the tree's own build does it (when there is one).
out=$("$bin" check --no-config -j 2 samples 2>&1) && rc=0 || rc=$?
if [ -x build/mailprof ]; then
	want=$(build/mailprof check --no-config -j 2 samples 2>&1) && wrc=0 || wrc=$?
	[ "$out" = "$want" ] && [ "$rc" = "$wrc" ] && ok "check samples/ (batch) as build/mailprof: exit $rc, ${out##*$'\n'}" ||
		bad "check samples/ (batch) differs from build/mailprof"
else
	echo "note: check samples/ (batch): exit $rc, ${out##*$'\n'}"
fi

# libmailprof-dev: the example program (docs/examples/list-servers.c) built
# with pkg-config against the installed files, linked to the shared library
# (libmailprof0) and to the static one; both print the expected output.
export PKG_CONFIG_PATH=$lib/pkgconfig
[ -n "$R" ] && export PKG_CONFIG_SYSROOT_DIR=$R
[ "$(pkg-config --modversion mailprof)" = "$v" ] || bad "pkg-config --modversion mailprof"
so=$(readelf -d "$lib/libmailprof.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror docs/examples/list-servers.c $(pkg-config --cflags --libs mailprof) -o "$tmp/shared"
# The static library, with the shared libraries of what it uses (a fully
# static link would need every static library libcurl can pull in).
# shellcheck disable=SC2046
static_libs="$lib/libmailprof.a $(pkg-config --libs $(pkg-config --print-requires-private mailprof)) -lpthread"
# shellcheck disable=SC2086,SC2046
cc -std=c11 -Wall -Werror docs/examples/list-servers.c $(pkg-config --cflags mailprof) $static_libs -o "$tmp/static"
readelf -d "$tmp/shared" | grep -q "NEEDED.*\[$so\]" || bad "the example is not linked to $so"
! readelf -d "$tmp/static" | grep -q 'NEEDED.*libmailprof' || bad "the static example needs libmailprof.so"
for kind in shared static; do
	if LD_LIBRARY_PATH=$lib "$tmp/$kind" samples/autoconfig/biglobe.ne.jp.xml | diff -u tests/data/list-servers.expected -; then
		ok "example program linked to the installed $([ $kind = shared ] && echo "$so" || echo libmailprof.a): expected output"
	else
		bad "example program ($kind)"
	fi
done
[ "$so" = libmailprof.so.0 ] || bad "soname $so: the runtime package libmailprof0 must be renamed (debian/control)"

[ "$fails" = 0 ] || { echo "deb.sh: $fails failures"; exit 1; }
echo "deb.sh: the installed packages work"
