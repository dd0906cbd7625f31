#!/bin/sh
# Entry of the pre-commit hook `mailprof-check` (.pre-commit-hooks.yaml):
# mailprof check on the files pre-commit passes (after the hook's `args`).
# pre-commit runs hooks at the top of the checked repository: its
# .mailprof.ini is used when there is one, and no configuration from outside
# the repository otherwise (mailprof would look further up the folders).
set -eu
mailprof=${MAILPROF:-mailprof}
if ! command -v "$mailprof" >/dev/null 2>&1; then
	echo "mailprof-check: '$mailprof' is not installed: install the mailprof Debian package (make deb) or see docs/ci.md" >&2
	exit 2
fi
if [ -f .mailprof.ini ]; then
	exec "$mailprof" check --config .mailprof.ini "$@"
fi
exec "$mailprof" check --no-config "$@"
