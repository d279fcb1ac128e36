#!/usr/bin/env bash
# Side-by-side speed baseline: native Go vs the gomem VM.
#
# usage: scripts/bench-native.sh [RUNS]
#
#   Builds every kernel/benches/native/*.go with the real Go toolchain
#   (pinned env of escape-env.sh, GOPATH mode), runs each binary RUNS times
#   (default 5) with GOMAXPROCS=2 GOGC=100, checks that every run prints the
#   same stdout, and prints one line per program:
#       name native_ms
#   (median wall time in milliseconds, integer). If GOMEM_CMD is set, the
#   same program is also run RUNS times as `$GOMEM_CMD FILE.go` and the line
#   becomes
#       name native_ms gomem_ms ratio        (ratio = gomem_ms / native_ms)
#   and gomem's stdout must equal native stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

RUNS="${1:-5}"
DIR="$ROOT/kernel/benches/native"
# ---------------------------------------------------------------------------
# GOMEM SIDE: set GOMEM_CMD to the command that runs a Go file on the gomem VM,
# e.g. GOMEM_CMD="$ROOT/target/release/gomem run". Empty = native only.
GOMEM_CMD="${GOMEM_CMD:-}"
# ---------------------------------------------------------------------------

BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT

now_ns() { date +%s%N; }

# median_ms CMD... : runs CMD $RUNS times, prints the median wall ms;
# stdout of each run must be identical (saved to $BIN/last.out).
median_ms() {
	local i t0 t1 times=()
	for i in $(seq 1 "$RUNS"); do
		t0="$(now_ns)"
		env GOMAXPROCS=2 GOGC=100 "$@" >"$BIN/run.out"
		t1="$(now_ns)"
		times+=($(((t1 - t0) / 1000000)))
		if [ "$i" -gt 1 ] && ! cmp -s "$BIN/run.out" "$BIN/last.out"; then
			echo "FATAL: output of '$*' differs between runs" >&2
			return 1
		fi
		mv "$BIN/run.out" "$BIN/last.out"
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

for src in "$DIR"/*.go; do
	name="$(basename "$src" .go)"
	(cd "$DIR" && go build -o "$BIN/$name" "$(basename "$src")")
	native="$(median_ms "$BIN/$name")"
	cp "$BIN/last.out" "$BIN/$name.native.out"
	if [ -n "$GOMEM_CMD" ]; then
		# shellcheck disable=SC2086
		gomem="$(median_ms $GOMEM_CMD "$src")"
		if ! cmp -s "$BIN/last.out" "$BIN/$name.native.out"; then
			echo "FATAL: gomem output for $name differs from native Go" >&2
			diff "$BIN/$name.native.out" "$BIN/last.out" >&2 || true
			exit 1
		fi
		awk -v n="$name" -v a="$native" -v b="$gomem" \
			'BEGIN { r = (a > 0) ? b / a : 0; printf "%s %d %d %.1f\n", n, a, b, r }'
	else
		echo "$name $native"
	fi
done
