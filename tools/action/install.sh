#!/usr/bin/env bash
# action.yml step "Install mailprof": MAILPROF_INSTALL = deb | build | none.
#   deb    build the Debian package from the action's source (make deb, tests
#          skipped: the project's CI runs them) and install it with apt-get
#   build  make in the action's source and put build/ on PATH (no root needed)
#   none   use the mailprof already on PATH
set -euo pipefail
src=${GITHUB_ACTION_PATH:?}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
case "${MAILPROF_INSTALL:-deb}" in
deb)
	DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" make -C "$src" --no-print-directory deb
	v=$(cd "$src" && dpkg-parsechangelog -S Version)
	a=$(dpkg-architecture -qDEB_HOST_ARCH)
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"$src/build/mailprof_${v}_${a}.deb" >/dev/null
	;;
build)
	make -C "$src" --no-print-directory deps
	make -C "$src" --no-print-directory -j"$(nproc)" all
	echo "$src/build" >> "${GITHUB_PATH:?}"
	export PATH=$src/build:$PATH
	;;
none) ;;
*)
	echo "::error title=mailprof action::install must be deb, build or none, not '$MAILPROF_INSTALL'"
	exit 2
	;;
esac
command -v mailprof >/dev/null || { echo "::error title=mailprof action::mailprof is not on PATH"; exit 2; }
echo "using $(command -v mailprof): $(mailprof --version)"
