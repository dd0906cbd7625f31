#!/bin/sh
# Proves the library is usable as installed: `make install DESTDIR=stage`,
# then docs/examples/list-servers.c built with nothing but
# `pkg-config --cflags --libs mailprof` against the staged copy, linked to
# the versioned shared library (soname libmailprof.so.MAJOR), and run on a
# sample; its output must match tests/data/list-servers.expected.
set -eu
B=${1:-build}
STAGE=$B/stage
PREFIX=/opt/mailprof
rm -rf "$STAGE"
make --no-print-directory install B="$B" DESTDIR="$PWD/$STAGE" PREFIX=$PREFIX >/dev/null
lib=$STAGE$PREFIX/lib
so=$(readelf -d "$lib/libmailprof.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
case "$so" in libmailprof.so.[0-9]*) ;; *) echo "install-check: no versioned soname ($so)" >&2; exit 1 ;; esac
[ -e "$lib/$so" ] || { echo "install-check: $so not installed" >&2; exit 1; }
# The ABI is mailprof_* and nothing else (-fvisibility=hidden, MAILPROF_EXPORT).
other=$(nm -D --defined-only "$lib/$so" | awk '{print $3}' | grep -v '^mailprof_' || true)
[ -z "$other" ] || { echo "install-check: exported outside mailprof_*: $other" >&2; exit 1; }
flags=$(PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$PWD/$STAGE" \
	pkg-config --cflags --libs mailprof)
${CC:-cc} -std=c11 -Wall -Wextra -Werror docs/examples/list-servers.c $flags -o "$B/list-servers"
readelf -d "$B/list-servers" | grep -q "NEEDED.*\[$so\]" ||
	{ echo "install-check: example not linked to $so" >&2; exit 1; }
LD_LIBRARY_PATH="$lib" "$B/list-servers" samples/autoconfig/biglobe.ne.jp.xml >"$B/list-servers.out"
diff -u tests/data/list-servers.expected "$B/list-servers.out"
echo "install-check: $so, mailprof.pc and the example program work as installed"
