#!/usr/bin/env bash
# Time escape analysis of kernel/benches/escape/big.go: real Go vs gomem.
#
# usage: scripts/bench-escape.sh [RUNS]        (default RUNS=7)
#
# WHAT IS TIMED (Go side): exactly one compiler invocation for the main
# package only, with diagnostics on:
#     go tool compile -p main -importcfg $TMP/importcfg -m -o $TMP/big.o big.go
# The importcfg points at the export data of big.go's stdlib imports
# (errors, fmt, strings, sync), produced once before timing by
# `go list -export -deps` (warm build cache), so no stdlib package is ever
# compiled inside the timed region and `go build`'s action cache (which would
# otherwise replay cached -m output instead of compiling) is not involved.
# Its -m lines are identical to big.m.txt (minus the header line and with
# absolute instead of ./ paths). Output is written to a file, not a terminal. Each run is
# wall-clock (date +%s%N); the script prints every run and the median.
#
# The gomem side runs $GOMEM_CMD the same number of times from the same
# directory; it is skipped when GOMEM_CMD is empty.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

RUNS="${1:-7}"
BENCH_DIR="$ROOT/kernel/benches/escape"

# ---------------------------------------------------------------------------
# The gomem side: the release binary's `escape` (the -m equivalent) on the same file, run from
# inside $BENCH_DIR. Built here if missing; set GOMEM_CMD= (empty) to skip it.
if [ -z "${GOMEM_CMD+x}" ]; then
	(cd "$ROOT" && cargo build --release -q -p gomem)
	GOMEM_CMD="$ROOT/target/release/gomem escape big.go"
fi
# ---------------------------------------------------------------------------

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Build the importcfg for big.go's imports (not timed).
(cd "$BENCH_DIR" && go list -export \
	-f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' \
	-deps errors fmt strings sync) >"$TMP/importcfg"

now_ns() { date +%s%N; }

median() { # reads numbers (ns) on stdin, prints median in ms
	sort -n | awk '{a[NR]=$1} END {
		if (NR == 0) { print "n/a"; exit }
		if (NR % 2) m = a[(NR+1)/2]; else m = (a[NR/2] + a[NR/2+1]) / 2;
		printf "%.1f ms\n", m / 1e6 }'
}

time_cmd() { # label, then the command
	local label="$1"
	shift
	local times="$TMP/$label.times" i t0 t1
	: >"$times"
	"$@" >"$TMP/$label.warmup.out" 2>&1 || {
		echo "FATAL: $label command failed:" >&2
		cat "$TMP/$label.warmup.out" >&2
		exit 1
	}
	for ((i = 1; i <= RUNS; i++)); do
		t0="$(now_ns)"
		"$@" >"$TMP/$label.out" 2>&1
		t1="$(now_ns)"
		echo $((t1 - t0)) >>"$times"
		printf '%s run %d: %.1f ms\n' "$label" "$i" "$(echo "$((t1 - t0))" | awk '{print $1/1e6}')"
	done
	printf '%s median of %d: %s' "$label" "$RUNS" "$(median <"$times")"
	echo
}

cd "$BENCH_DIR"
echo "big.go: $(wc -l <big.go) lines, $(go env GOVERSION), $RUNS runs (+1 warm-up)"
time_cmd go go tool compile -p main -importcfg "$TMP/importcfg" -m -o "$TMP/big.o" big.go

if [ -n "$GOMEM_CMD" ]; then
	# shellcheck disable=SC2086
	time_cmd gomem $GOMEM_CMD
else
	echo "gomem: skipped (set GOMEM_CMD)"
fi
