#!/bin/sh
# Regenerates the type-error goldens in kernel/tests/type_errors/ with the real Go toolchain.
# For each X.go, X.golden holds what `go build X.go` prints, minus the
# `# command-line-arguments` header (file names as `./X.go`). No `go vet` is involved.
set -eu
cd "$(dirname "$0")/../kernel/tests/type_errors"
for f in *.go; do
	go build -o /dev/null "./$f" 2>&1 | grep -v '^# command-line-arguments' > "${f%.go}.golden" || true
done
