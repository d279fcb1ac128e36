#!/usr/bin/env bash
# Marks a complete binary tree of 4 Mi 16-byte nodes with gomem's parallel marker
# (kernel/benches/gc_mark.rs, 1 and 2 rayon threads) and with real Go
# (kernel/tests/gc/go/tree: runtime.GC() under GODEBUG=gctrace=1, GOMAXPROCS=1 and 2),
# and prints both side by side. Go's number is the concurrent-mark wall time of the
# forced cycles (second term of "ms clock"), best of 5.
#
# usage: scripts/bench-gc.sh [NODES]   (default 4194304)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODES="${1:-4194304}"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go
BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT
(cd "$ROOT/kernel/tests/gc/go/tree" && go build -o "$BIN/tree" main.go)
for p in 1 2; do
	GOMAXPROCS=$p GODEBUG=gctrace=1 "$BIN/tree" "$NODES" 2>"$BIN/trace.$p" >/dev/null
	best="$(grep '(forced)' "$BIN/trace.$p" | tail -n 5 |
		sed -E 's/.*: [0-9.]+\+([0-9.]+)\+.*/\1/' | sort -g | head -1)"
	echo "go   mark $NODES nodes GOMAXPROCS=$p: $best ms (best concurrent mark of 5 forced GCs)"
	echo "     $(grep '(forced)' "$BIN/trace.$p" | tail -n 1)"
done
cd "$ROOT"
GC_BENCH_NODES="$NODES" cargo bench -q -p gomem --bench gc_mark 2>/dev/null | grep -E 'gomem mark|time:|gc_mark/'
