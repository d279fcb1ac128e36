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
# Run corpus (stdout/stderr/exit status of real `go run`-equivalent runs).
mkdir -p "$TMP/run-golden" "$TMP/bench-golden"
"$ROOT/scripts/golden-run.sh" "$TMP/run-golden"
if ! diff -r -u "$ROOT/kernel/tests/run/golden" "$TMP/run-golden"; then
	status=1
fi
# Benchmark corpus (allocs/op, B/op of real `go test -benchmem`).
"$ROOT/scripts/golden-bench.sh" "$TMP/bench-golden"
if ! diff -r -u "$ROOT/kernel/tests/bench/golden" "$TMP/bench-golden"; then
	status=1
fi
if [ "$status" -ne 0 ]; then
	echo "check-goldens: MISMATCH between committed goldens and $(go env GOVERSION) output" >&2
else
	echo "check-goldens: OK" >&2
fi
exit "$status"
