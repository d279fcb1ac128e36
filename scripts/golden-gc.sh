#!/usr/bin/env bash
# Regenerates the GC fidelity goldens kernel/tests/gc/golden/PROGRAM/SETTING.txt from the
# Go programs kernel/tests/gc/go/PROGRAM/main.go, run with the real toolchain under
# GOMAXPROCS=2 and GODEBUG=gctrace=1 for several GOGC/GOMEMLIMIT settings.
#
# Pacing depends on timing (how long a mark phase lasts on the wall clock decides how much
# the program allocates black meanwhile), so real Go's numbers vary from run to run: each
# setting runs RUNS (default 5) times and the golden keeps every run, one line each:
#
#   run N numgc G nonheap B goals g1,g2,... heaps a->b->c,... clocks s+m+t,...
#
# numgc and nonheap are what the program itself prints at exit (MemStats.NumGC, and
# Sys - HeapReleased - HeapIdle-not-released - HeapAlloc: stacks and runtime metadata);
# goals, heaps (start->end->marked) and clocks (sweep termination + concurrent mark + mark
# termination, ms of wall clock) are each cycle's numbers from its gctrace line, in MB as
# gctrace prints them. kernel/tests/gc_fidelity.rs compares gomem with the range over the
# runs (the rule is in kernel/tests/gc/README.md). Never edit the goldens by hand; because
# they vary, scripts/check-goldens.sh does not regenerate them: rerun this script by hand.
#
# usage: scripts/golden-gc.sh [OUTDIR [PROGRAM...]]   (default: kernel/tests/gc/golden, all)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

OUT="${1:-$ROOT/kernel/tests/gc/golden}"
shift || true
RUNS="${RUNS:-5}"
if [ "$#" -gt 0 ]; then
	PROGRAMS="$*"
else
	# Every program but tree (a benchmark for scripts/bench-gc.sh, not a pacing test).
	PROGRAMS="$(cd "$ROOT/kernel/tests/gc/go" && ls | grep -v '^tree$')"
fi
BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT

# name  GOGC  GOMEMLIMIT
SETTINGS="gogc50 50 off
gogc100 100 off
gogc200 200 off
gogcoff_limit32mib off 32MiB
limit16mib 100 16MiB"

for prog in $PROGRAMS; do
	(cd "$ROOT/kernel/tests/gc/go/$prog" && go build -o "$BIN/$prog" main.go)
	mkdir -p "$OUT/$prog"
	while read -r name gogc limit; do
		{
			echo "# scripts/golden-gc.sh: $prog, GOMAXPROCS=2 GOGC=$gogc GOMEMLIMIT=$limit, $RUNS runs"
			echo "setting gogc=$gogc limit=$limit"
			for run in $(seq 1 "$RUNS"); do
				if [ "$limit" = off ]; then
					GOMAXPROCS=2 GOGC="$gogc" GODEBUG=gctrace=1 "$BIN/$prog" >"$BIN/out" 2>"$BIN/err"
				else
					GOMAXPROCS=2 GOGC="$gogc" GOMEMLIMIT="$limit" GODEBUG=gctrace=1 "$BIN/$prog" >"$BIN/out" 2>"$BIN/err"
				fi
				goals="$({ grep -o '[0-9]* MB goal' "$BIN/err" || true; } | awk '{print $1}' | paste -sd, -)"
				heaps="$({ grep -o '[0-9]*->[0-9]*->[0-9]* MB' "$BIN/err" || true; } | awk '{print $1}' | paste -sd, -)"
				clocks="$({ grep -o '[0-9.]*+[0-9.]*+[0-9.]* ms clock' "$BIN/err" || true; } | awk '{print $1}' | paste -sd, -)"
				echo "run $run $(cat "$BIN/out") goals ${goals:-none} heaps ${heaps:-none} clocks ${clocks:-none}"
			done
		} >"$OUT/$prog/$name.txt"
		echo "wrote $OUT/$prog/$name.txt"
	done <<<"$SETTINGS"
done
