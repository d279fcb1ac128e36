#!/usr/bin/env bash
# CI check: regenerate all escape goldens into a temp dir and diff them
# against the committed ones. Exit 0 = identical, 1 = difference, 2 = bad env.
#
# usage: scripts/check-goldens.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/golden" "$TMP/bench"

"$ROOT/scripts/golden-escape.sh" "$TMP/golden" "$TMP/bench"

status=0
if ! diff -r -u "$ROOT/kernel/tests/escape/golden" "$TMP/golden"; then
	status=1
fi
for g in big.ml.txt big.m.txt; do
	if [ -f "$ROOT/kernel/benches/escape/big.go" ]; then
		if ! diff -u "$ROOT/kernel/benches/escape/$g" "$TMP/bench/$g"; then
			status=1
		fi
	fi
done
"$ROOT/scripts/golden-stdlib-costs.sh" "$TMP/inline-costs.txt"
if ! diff -u "$ROOT/kernel/stdlib/inline-costs.txt" "$TMP/inline-costs.txt"; then
	status=1
fi
# Size-class table: regenerate from the toolchain's sizeclasses.go and diff.
python3 "$ROOT/scripts/gen-sizeclasses.py" "$TMP/sizeclass_table.rs"
if ! diff -u "$ROOT/kernel/src/runtime/sizeclass_table.rs" "$TMP/sizeclass_table.rs"; then
	status=1
fi
# Allocator goldens (ReadMemStats deltas of real Go programs).
"$ROOT/scripts/golden-alloc.sh" "$TMP/alloc-golden"
if ! diff -r -u "$ROOT/kernel/tests/alloc/golden" "$TMP/alloc-golden"; then
	status=1
fi
if [ "$status" -ne 0 ]; then
	echo "check-goldens: MISMATCH between committed goldens and $(go env GOVERSION) output" >&2
else
	echo "check-goldens: OK" >&2
fi
exit "$status"
