#!/usr/bin/env bash
# The container image (Dockerfile): built and run on the samples where a
# container engine (docker or podman) works and can get debian:bookworm-slim;
# otherwise it says SKIP, and the Dockerfile's package build command runs on
# this machine in a copy of the build context (the tree minus .dockerignore).
set -euo pipefail
cd "$(dirname "$0")/../.."
v=$(dpkg-parsechangelog -S Version)
base=$(sed -n 's/^FROM \([^ ]*\).*/\1/p' Dockerfile | sort -u)
[ "$(echo "$base" | wc -l)" = 1 ] || { echo "FAIL: the Dockerfile's stages use different bases: $base"; exit 1; }
# The build stage installs what debian/control's Build-Depends asks for
# without the test-only ones (<!nocheck>): the two lists must not drift apart.
want=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control | sed '$d' | sed 's/^Build-Depends://' | tr ',' '\n' |
	grep -v '<!nocheck>' | sed 's/(.*//;s/ //g;s/^debhelper-compat$/debhelper/' | sed '/^$/d' | sort)
have=$(sed -n '/^FROM.* AS build/,/^FROM/p' Dockerfile | tr ' \\' '\n\n' | sort -u)
for p in $want; do
	grep -qx "$p" <<<"$have" || { echo "FAIL: Build-Depends $p is not installed by the Dockerfile's build stage"; exit 1; }
done
echo "ok: the Dockerfile's build stage installs the Build-Depends ($(echo $want))"
engine=""
for e in docker podman; do
	if command -v "$e" >/dev/null && "$e" info >/dev/null 2>&1; then engine=$e; break; fi
done
why=""
if [ -z "$engine" ]; then
	why="no working container engine (docker/podman missing, or no daemon)"
elif ! "$engine" image inspect "$base" >/dev/null 2>&1 && ! "$engine" pull -q "$base" >/dev/null 2>&1; then
	why="$engine cannot get $base (no registry access)"
fi

if [ -n "$why" ]; then
	echo "SKIP: container image not built: $why"
	# The build stage's command, on the host, in a copy of what the image would get.
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	mkdir -p "$tmp/ctx"
	# .dockerignore patterns are rsync-like enough for these plain names.
	tar -cf - --exclude-from=<(grep -v '^#' .dockerignore | sed '/^$/d;s#^#./#') . | tar -xf - -C "$tmp/ctx"
	cmd=$(sed -n 's/^RUN \(DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage[^\\]*\)\\\?$/\1/p' Dockerfile)
	[ -n "$cmd" ] || { echo "FAIL: no dpkg-buildpackage step in the Dockerfile"; exit 1; }
	(cd "$tmp/ctx" && eval "$cmd") > "$tmp/log" 2>&1 || { tail -20 "$tmp/log"; echo "FAIL: $cmd"; exit 1; }
	[ -f "$tmp/mailprof_${v}_$(dpkg-architecture -qDEB_HOST_ARCH).deb" ] || { echo "FAIL: no mailprof .deb"; exit 1; }
	echo "ok: the Dockerfile's build stage ($cmd) builds mailprof $v from the build context"
	exit 0
fi

tag=mailprof-ci:$v
trap '"$engine" rmi -f "$tag" >/dev/null 2>&1 || true' EXIT
"$engine" build -q -t "$tag" . >/dev/null
out=$("$engine" run --rm "$tag" --version)
[ "$out" = "mailprof $v" ] || { echo "FAIL: image --version: $out"; exit 1; }
rc=0
out=$("$engine" run --rm -v "$PWD/samples:/work:ro" "$tag" check --no-config --format codequality ini/port25.ini) || rc=$?
[ "$rc" = 1 ] && grep -q '"check_name": "MP001"' <<<"$out" || { echo "FAIL: image check: exit $rc"; exit 1; }
echo "ok: $engine image $tag: mailprof $v, checks the mounted samples (exit 1, MP001)"
