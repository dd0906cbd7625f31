#!/usr/bin/env bash
# Shipping checks (issue 16): the Debian packages, lintian, the installed
# tool, the pre-commit hook, the GitHub Action's steps and the container image.
#   bash tests/ship/run.sh          local: packages unpacked into a fresh root
#   bash tests/ship/run.sh --ci     CI (root, fresh Debian): installs what it
#                                   needs and the packages themselves (dpkg)
set -euo pipefail
cd "$(dirname "$0")/../.."
ci=${1:-}
export DEBIAN_FRONTEND=noninteractive
need=(lintian pre-commit git python3-yaml python3-jsonschema)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	[ "$(id -u)" = 0 ] || { echo "run.sh: missing ${missing[*]} (install them, or run as root)" >&2; exit 2; }
	apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== make deb"
make --no-print-directory deb
echo "== lintian"
# Every tag left is explained in docs/packaging.md; errors and warnings fail.
lintian --pedantic -I --fail-on error,warning build/mailprof_*.changes
echo "== installed packages"
if [ "$ci" = --ci ]; then
	bash tests/ship/deb.sh build --system
	export PATH=/usr/bin:$PATH
else
	bash tests/ship/deb.sh build
	# The tool as packaged, on PATH for the checks below.
	rm -rf build/ship-root && dpkg-deb -x build/mailprof_*_"$(dpkg-architecture -qDEB_HOST_ARCH)".deb build/ship-root
	export PATH=$PWD/build/ship-root/usr/bin:$PATH
fi
echo "mailprof for the next checks: $(command -v mailprof)"
echo "== pre-commit hook"
bash tests/ship/precommit.sh
echo "== GitHub Action steps"
python3 tests/ship/docs-yaml.py
if [ "$ci" = --ci ]; then bash tests/ship/action.sh --deb; else bash tests/ship/action.sh; fi
echo "== container image"
bash tests/ship/docker.sh
