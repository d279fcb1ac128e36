#!/usr/bin/env bash
# Regenerate the goroutine-stack goldens from the REAL Go runtime.
#
# usage: scripts/golden-stack.sh [OUT_DIR]
#
#   Builds kernel/tests/stack/go (package main + a 3-line assembly getg) with the pinned
#   toolchain and writes, into OUT_DIR (default kernel/tests/stack/golden):
#     frames.txt    $framesize-argsize of the measured functions, from `-gcflags=-S` (gowrap1,
#                   gowrap2, func2: the entry functions of the goroutines of rec, shrink, adaptive)
#     rec.txt       stack size and StackInuse change for recursion depths 10 … 1,000,000
#     shrink.txt    a 16 MiB stack parked at its top frame, shrinking over 14 runtime.GC()
#     adaptive.txt  the starting stack size after one GC, GODEBUG=adaptivestackstart=1 and 0
#     many.txt      StackInuse change for 7, 1,000 and 10,000 parked goroutines (2 KiB stacks)
#     overflow.txt  the fatal error of endless recursion (addresses redacted) + exit status
#   Every measurement runs with GOMAXPROCS=1 and is repeated RUNS times (default 3); the
#   script fails if the repetitions disagree, so the goldens only hold deterministic numbers.
#   The files are never edited by hand.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go
export GO111MODULE=on # kernel/tests/stack/go is a module of its own

SRC="$ROOT/kernel/tests/stack/go"
OUT="${1:-$ROOT/kernel/tests/stack/golden}"
RUNS="${RUNS:-3}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
BIN="$TMP/stackgolden"

# Build once, keeping the assembly listing for the frame sizes.
(cd "$SRC" && go build -trimpath -gcflags=-S -o "$BIN" . 2>"$TMP/asm.txt")
{
	echo "# function framesize argsize   (TEXT \$framesize-argsize from go build -gcflags=-S; $(go env GOVERSION))"
	for fn in main.rec main.worker main.recPark main.main.gowrap1 main.main.gowrap2 main.main.func2; do
		line="$(grep -E "TEXT[[:space:]]+${fn//./\\.}\(SB\)" "$TMP/asm.txt" | head -1)"
		[ -n "$line" ] || { echo "FATAL: no TEXT line for $fn" >&2; exit 1; }
		fa="$(sed -E 's/.*\$([0-9]+)-([0-9]+).*/\1 \2/' <<<"$line")"
		echo "$fn $fa"
	done
} >"$OUT/frames.txt"

# run NAME ARGS... : run the measurement RUNS times with GOMAXPROCS=1, require identical output.
run() {
	local first="" out i
	for ((i = 0; i < RUNS; i++)); do
		out="$(GOMAXPROCS=1 "$BIN" "$@")"
		if [ -z "$first" ]; then
			first="$out"
		elif [ "$out" != "$first" ]; then
			echo "FATAL: '$*' is not deterministic:" >&2
			diff <(echo "$first") <(echo "$out") >&2 || true
			exit 1
		fi
	done
	echo "$first"
}

{
	echo "# rec D: fresh goroutine, D+1 nested calls of main.rec, GOMAXPROCS=1, GC off"
	for d in 10 100 1000 10000 100000 1000000; do run rec "$d"; done
} >"$OUT/rec.txt"

{
	echo "# shrink 100000 14 warm: one warm-up GC, then the goroutine grows, returns to its top frame and parks"
	run shrink 100000 14 warm
} >"$OUT/shrink.txt"

{
	for a in 1 0; do
		for d in 10 50 100 400; do
			echo "# GODEBUG=adaptivestackstart=$a adaptive 1000 $d"
			GODEBUG="adaptivestackstart=$a" run adaptive 1000 "$d"
		done
	done
} >"$OUT/adaptive.txt"

{
	echo "# many N: N goroutines parked at their first frame, GOMAXPROCS=1, GC off"
	for n in 7 1000 10000; do run many "$n"; done
} >"$OUT/many.txt"

# Endless recursion: keep the first lines of stderr (addresses and the traceback vary) and the
# exit status; the stack bounds on line 2 are replaced by their difference.
set +e
GOMAXPROCS=1 "$BIN" overflow 2>"$TMP/overflow.err" >/dev/null
status=$?
set -e
{
	echo "# stderr lines 1-3 of 'overflow' (line 2 redacted to hi-lo of the reported stack), exit status"
	sed -n 1p "$TMP/overflow.err"
	bounds="$(sed -n 2p "$TMP/overflow.err" | sed -E 's/.*stack=\[0x([0-9a-f]+), 0x([0-9a-f]+)\].*/\1 \2/')"
	read -r lo hi <<<"$bounds"
	echo "runtime: sp=<redacted> stack=[lo, hi] hi-lo=$((16#$hi - 16#$lo))"
	sed -n 3p "$TMP/overflow.err"
	echo "exit status $status"
} >"$OUT/overflow.txt"

echo "wrote $OUT/{frames,rec,shrink,adaptive,many,overflow}.txt"
