#!/usr/bin/env bash
# Regenerate the benchmark-corpus goldens (allocs/op, B/op) from the REAL Go
# toolchain.
#
# usage: scripts/golden-bench.sh [OUT_DIR]
#
#   For every kernel/tests/bench/NNN_topic_test.go:
#     copy it into its own temp package dir together with a stub main.go
#     ("package main; func main() {}"), GOPATH mode (GO111MODULE=off, pinned
#     env from escape-env.sh), GOMAXPROCS=1 GOGC=100 (GOMAXPROCS=2 let background
#     runtime/testing goroutines allocate concurrently inside the timed region
#     under load: +1 allocs/op or +26 B/op now and then), then
#       go test -c -o pkg.test            (compile once)
#       ./pkg.test -test.run '^$' -test.bench . -test.benchmem \
#                  -test.benchtime 200x -test.count 1
#     (= go test -run '^$' -bench . -benchmem -benchtime 200x -count 1)
#     BENCH_RUNS times (default 3). The allocs/op and B/op columns must be
#     identical in every run, otherwise the script fails (non-deterministic
#     benchmark: fix or drop it).
#   and writes OUT_DIR/NNN_topic.txt with one line per benchmark, in Go's
#   output order (= declaration order):
#       BenchmarkName <allocs> allocs/op <bytes> B/op
#   ns/op, the iteration count and the -GOMAXPROCS name suffix are dropped.
#
#   OUT_DIR defaults to kernel/tests/bench/golden. Stale goldens are removed.
#   Idempotent. Env: JOBS=N parallelism (default: nproc), BENCH_RUNS=N (3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

CORPUS="$ROOT/kernel/tests/bench"
OUT="${1:-$CORPUS/golden}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 4)}"
BENCH_RUNS="${BENCH_RUNS:-3}"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mapfile -t FILES < <(cd "$CORPUS" && ls -1 -- [0-9]*_test.go | LC_ALL=C sort)
if [ "${#FILES[@]}" -eq 0 ]; then
	echo "FATAL: no benchmark files in $CORPUS" >&2
	exit 1
fi

# bench_extract < go-test-output > golden lines
bench_extract() {
	awk '
		/^Benchmark/ {
			name = $1; sub(/-[0-9]+$/, "", name)
			b = ""; a = ""
			for (i = 2; i <= NF; i++) {
				if ($i == "B/op") b = $(i - 1)
				if ($i == "allocs/op") a = $(i - 1)
			}
			if (a == "" || b == "") { print "MISSING-COLUMNS " $0; next }
			print name, a, "allocs/op", b, "B/op"
		}
	'
}

bench_one() {
	local f="$1" base="${1%_test.go}" d="$WORK/${1%_test.go}" r
	mkdir -p "$d"
	cp "$CORPUS/$f" "$d/$f"
	printf 'package main\n\nfunc main() {}\n' >"$d/main.go"
	if ! (cd "$d" && go test -c -o pkg.test .) >"$d/build.log" 2>&1; then
		echo "FATAL: go test -c for $f failed:" >&2
		cat "$d/build.log" >&2
		return 1
	fi
	for r in $(seq 1 "$BENCH_RUNS"); do
		if ! (cd "$d" && env GOMAXPROCS=1 GOGC=100 ./pkg.test -test.run '^$' -test.bench . \
			-test.benchmem -test.benchtime 200x -test.count 1) >"$d/run$r.log" 2>&1; then
			echo "FATAL: benchmarks in $f failed:" >&2
			cat "$d/run$r.log" >&2
			return 1
		fi
		bench_extract <"$d/run$r.log" >"$d/run$r.txt"
		if [ ! -s "$d/run$r.txt" ] || grep -q '^MISSING-COLUMNS' "$d/run$r.txt"; then
			echo "FATAL: no parsable benchmark lines for $f:" >&2
			cat "$d/run$r.log" >&2
			return 1
		fi
		if [ "$r" -gt 1 ] && ! diff -u "$d/run1.txt" "$d/run$r.txt" >&2; then
			echo "FATAL: $f is not deterministic (run 1 vs run $r above)" >&2
			return 1
		fi
	done
	mv "$d/run1.txt" "$OUT/$base.txt"
}
export -f bench_one bench_extract
export CORPUS OUT WORK BENCH_RUNS

printf '%s\n' "${FILES[@]}" | xargs -P "$JOBS" -n 1 bash -c 'bench_one "$1"' _

for g in "$OUT"/*.txt; do
	[ -e "$g" ] || continue
	b="$(basename "$g" .txt)"
	if [ ! -f "$CORPUS/${b}_test.go" ]; then
		echo "removing stale golden $b.txt" >&2
		rm -f "$g"
	fi
done

n="$(cat "$OUT"/*.txt | wc -l)"
echo "golden-bench: ${#FILES[@]} files, $n benchmarks -> $OUT ($(go env GOVERSION), $BENCH_RUNS identical runs)" >&2
