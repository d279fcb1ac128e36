#!/bin/sh
# Regenerates kernel/tests/syntax_errors/*.golden with the REAL Go toolchain.
# Goldens are never edited by hand: each is exactly what `go build x.go` prints
# for the corresponding .go file (copied to a scratch directory as x.go), minus
# the `# command-line-arguments` header line.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/kernel/tests/syntax_errors"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go version
for f in "$dir"/*.go; do
    cp "$f" "$tmp/x.go"
    (cd "$tmp" && GOFLAGS= GO111MODULE=off go build -o /dev/null x.go 2>&1 | grep -av '^#' || true) > "${f%.go}.golden"
done
echo "wrote $(ls "$dir"/*.golden | wc -l) goldens in $dir"
