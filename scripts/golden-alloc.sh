#!/usr/bin/env bash
# Regenerates the allocator goldens kernel/tests/alloc/golden/NAME.txt from the
# Go programs kernel/tests/alloc/go/NAME/main.go, run with the real toolchain
# under GOMAXPROCS=1 GOGC=off. Each program runs 3 times; differing outputs are
# an error (the goldens must hold only deterministic quantities).
#
# usage: scripts/golden-alloc.sh [OUTDIR]   (default: kernel/tests/alloc/golden)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

OUT="${1:-$ROOT/kernel/tests/alloc/golden}"
mkdir -p "$OUT"
BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT

for dir in "$ROOT"/kernel/tests/alloc/go/*/; do
	name="$(basename "$dir")"
	(cd "$dir" && go build -o "$BIN/$name" main.go)
	GOMAXPROCS=1 GOGC=off "$BIN/$name" >"$BIN/$name.1"
	for run in 2 3; do
		GOMAXPROCS=1 GOGC=off "$BIN/$name" >"$BIN/$name.$run"
		if ! cmp -s "$BIN/$name.1" "$BIN/$name.$run"; then
			echo "FATAL: $name is not deterministic (run 1 vs run $run)" >&2
			diff -u "$BIN/$name.1" "$BIN/$name.$run" >&2 || true
			exit 1
		fi
	done
	mv "$BIN/$name.1" "$OUT/$name.txt"
done
