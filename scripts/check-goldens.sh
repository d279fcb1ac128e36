#!/usr/bin/env bash
# CI check that every golden file is exactly what the real Go 1.27.3 toolchain produces today.
#
# Each generator rewrites its goldens in place (they are never edited by hand); afterwards the
# working tree must be unchanged. Exit 0 = identical, 1 = a golden differs, 2 = wrong toolchain.
#
# usage: scripts/check-goldens.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go
cd "$ROOT"

step() {
	echo "== $*" >&2
	"$@"
}

step bash scripts/golden-escape.sh           # escape analysis: -m, -m -l, -m=2 costs
step bash scripts/golden-stdlib-costs.sh     # inliner costs of the standard library
step python3 scripts/gen-sizeclasses.py      # the size-class table
step bash scripts/golden-alloc.sh            # allocator accounting (MemStats deltas)
step bash scripts/golden-stack.sh            # goroutine stack sizes and growth
step bash scripts/golden-run.sh              # program output and exit status
step bash scripts/golden-bench.sh            # allocs/op and B/op
step sh scripts/golden-syntax.sh             # syntax errors
step sh scripts/golden-types.sh              # type errors
step bash scripts/golden-gofmt.sh            # fmt formatting

changed="$(git status --porcelain -- kernel scripts)"
if [ -n "$changed" ]; then
	echo "check-goldens: MISMATCH between committed goldens and $(go env GOVERSION) output:" >&2
	echo "$changed" >&2
	git --no-pager diff --stat -- kernel >&2 || true
	exit 1
fi
echo "check-goldens: OK" >&2
