#!/usr/bin/env bash
# CI check for the goroutine-stack goldens: regenerate them with the real Go runtime into a
# temporary directory and diff against kernel/tests/stack/golden.
# Exit 0 = identical, 1 = difference, 2 = bad environment (from golden-stack.sh).
#
# usage: scripts/golden-stack-check.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$ROOT/scripts/golden-stack.sh" "$TMP" >/dev/null
if diff -r -u "$ROOT/kernel/tests/stack/golden" "$TMP"; then
	echo "stack goldens: up to date"
else
	echo "stack goldens differ: run scripts/golden-stack.sh and review the change" >&2
	exit 1
fi
