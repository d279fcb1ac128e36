#!/usr/bin/env bash
# Regenerates the GC pacing goldens kernel/tests/gc/golden/NAME.txt from the Go
# program kernel/tests/gc/go/ring/main.go, run with the real toolchain under
# GOMAXPROCS=2 and GODEBUG=gctrace=1 for several GOGC/GOMEMLIMIT settings.
# Pacing depends on timing, so each setting runs RUNS (default 5) times and the
# golden keeps every run: its NumGC, the heap goal of each cycle and its
# start->end->marked heap sizes, in MB as gctrace prints them. kernel/tests/runtime_gc.rs compares the simulated pacer
# with the range over the runs. Never edit the goldens by hand.
#
# usage: scripts/golden-gc.sh [OUTDIR]   (default: kernel/tests/gc/golden)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

OUT="${1:-$ROOT/kernel/tests/gc/golden}"
RUNS="${RUNS:-5}"
mkdir -p "$OUT"
BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT
(cd "$ROOT/kernel/tests/gc/go/ring" && go build -o "$BIN/ring" main.go)

# name  GOGC  GOMEMLIMIT
SETTINGS="gogc50 50 off
gogc100 100 off
gogc200 200 off
gogcoff_limit32mib off 32MiB
limit16mib 100 16MiB"

while read -r name gogc limit; do
	{
		echo "# scripts/golden-gc.sh: ring, GOMAXPROCS=2 GOGC=$gogc GOMEMLIMIT=$limit, $RUNS runs"
		echo "setting gogc=$gogc limit=$limit"
		for run in $(seq 1 "$RUNS"); do
			if [ "$limit" = off ]; then
				GOMAXPROCS=2 GOGC="$gogc" GODEBUG=gctrace=1 "$BIN/ring" >"$BIN/out" 2>"$BIN/err"
			else
				GOMAXPROCS=2 GOGC="$gogc" GOMEMLIMIT="$limit" GODEBUG=gctrace=1 "$BIN/ring" >"$BIN/out" 2>"$BIN/err"
			fi
			goals="$(grep -o '[0-9]* MB goal' "$BIN/err" | awk '{print $1}' | paste -sd, -)"
			# start->end->marked of each cycle
			heaps="$(grep -o '[0-9]*->[0-9]*->[0-9]* MB' "$BIN/err" | awk '{print $1}' | paste -sd, -)"
			echo "run $run $(cat "$BIN/out") goals ${goals:-none} heaps ${heaps:-none}"
		done
	} >"$OUT/$name.txt"
	echo "wrote $OUT/$name.txt"
done <<<"$SETTINGS"
