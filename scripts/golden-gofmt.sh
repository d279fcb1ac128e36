#!/usr/bin/env bash
# Regenerate the fmt goldens from the REAL Go toolchain (never edit them by hand).
#
# usage: scripts/golden-gofmt.sh
#
#   kernel/tests/gofmt/go/main.go     -> kernel/tests/gofmt/golden.txt
#       one case per line: CASE_ID<TAB>Go-quoted output (run twice; must be identical)
#   kernel/tests/gofmt/go/isprint     -> kernel/src/gofmt/isprint_table.rs
#       the runes strconv.IsPrint accepts, used by gomem's quoting
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/kernel/tests/gofmt/go"
command -v go >/dev/null || { echo "FATAL: go not on PATH" >&2; exit 1; }
go version | grep -q 'go1.27.3' || echo "warning: expected go1.27.3, have $(go version)" >&2

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$DIR"
go build -o "$TMP/golden" .
# The program formats fake (never dereferenced) pointers: keep the collector out of the way.
GOGC=off "$TMP/golden" >"$TMP/a.txt"
GOGC=off "$TMP/golden" >"$TMP/b.txt"
cmp -s "$TMP/a.txt" "$TMP/b.txt" || { echo "FATAL: golden program is not deterministic" >&2; exit 1; }
cp "$TMP/a.txt" "$ROOT/kernel/tests/gofmt/golden.txt"
go run ./isprint >"$TMP/isprint_table.rs"
cp "$TMP/isprint_table.rs" "$ROOT/kernel/src/gofmt/isprint_table.rs"
echo "wrote $(wc -l <"$ROOT/kernel/tests/gofmt/golden.txt") cases to kernel/tests/gofmt/golden.txt"
