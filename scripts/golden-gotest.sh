#!/usr/bin/env bash
# Regenerate the go-test-corpus goldens from the REAL Go toolchain.
#
# usage: scripts/golden-gotest.sh [OUT_DIR]
#
#   For every kernel/tests/gotest/NNN_topic_test.go:
#     copy it alone into a temp directory and run there, GOPATH mode (pinned env
#     from escape-env.sh), GOMAXPROCS=2 GOGC=100:
#       go test -count=1 [FLAGS] NNN_topic_test.go   </dev/null
#     where FLAGS come from an optional FIRST-LINE comment
#       // gomem-test: -v -run=Sub/b
#     (only -v and -run=REGEXP are honoured), and write
#       OUT_DIR/NNN_topic.out   go test's stdout+stderr, normalised (gotest_normalize)
#       OUT_DIR/NNN_topic.code  go test's exit status + newline
#
#   OUT_DIR defaults to kernel/tests/gotest/golden. Stale goldens are removed.
#   Idempotent and deterministic (durations and goroutine traces are normalised).
#   Env: JOBS=N parallelism (default: nproc), TEST_TIMEOUT=secs (120).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

CORPUS="$ROOT/kernel/tests/gotest"
OUT="${1:-$CORPUS/golden}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 4)}"
TEST_TIMEOUT="${TEST_TIMEOUT:-120}"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mapfile -t FILES < <(cd "$CORPUS" && ls -1 -- [0-9]*_test.go | LC_ALL=C sort)
if [ "${#FILES[@]}" -eq 0 ]; then
	echo "FATAL: no test files in $CORPUS" >&2
	exit 1
fi

# gotest_normalize < raw > normalised
# The normalisation rule (kernel/tests/gotest_goldens.rs applies the same rule to gomem):
#  1. Durations: "(<digits>.<digits>s)" becomes "(0.00s)" (the --- PASS/FAIL/SKIP lines),
#     and a final "\t<digits>.<digits>s" on an "ok  \t" or "FAIL\t" line becomes "\t0.000s".
#  2. After a trap line (starting with "panic: " or "fatal error: "), the first empty line
#     and everything after it up to (excluding) the next line starting with "FAIL\t",
#     "ok  \t" or "exit status " is dropped: the goroutine traces, with their addresses,
#     paths and goroutine numbers.
#  3. "pc=0x<hex>" becomes "pc=PC" (the [signal SIGSEGV ...] line).
gotest_normalize() {
	awk '
		BEGIN { trapped = 0; skipping = 0 }
		skipping && /^(FAIL\t|ok  \t|exit status )/ { skipping = 0; trapped = 0 }
		skipping { next }
		/^(panic: |fatal error: )/ { trapped = 1 }
		trapped && $0 == "" { skipping = 1; next }
		{
			gsub(/\([0-9]+\.[0-9]+s\)/, "(0.00s)")
			if ($0 ~ /^(ok  |FAIL)\t/) sub(/\t[0-9]+\.[0-9]+s/, "\t0.000s")
			gsub(/pc=0x[0-9a-f]+/, "pc=PC")
			print
		}
	'
}

gotest_one() {
	local f="$1" base="${1%_test.go}" d="$WORK/${1%_test.go}" rc=0 hdr flags=() fl
	mkdir -p "$d"
	cp "$CORPUS/$f" "$d/$f"
	hdr="$(head -n 1 "$CORPUS/$f")"
	case "$hdr" in
	"// gomem-test: "*)
		for fl in ${hdr#// gomem-test: }; do
			case "$fl" in
			-v | -run=*) flags+=("$fl") ;;
			*) echo "FATAL: $f: unsupported gomem-test flag '$fl'" >&2; return 1 ;;
			esac
		done
		;;
	esac
	(cd "$d" && env GOMAXPROCS=2 GOGC=100 timeout "$TEST_TIMEOUT" \
		go test -count=1 "${flags[@]}" "$f" </dev/null >"$d/raw" 2>&1) || rc=$?
	if [ "$rc" -eq 124 ]; then
		echo "FATAL: $f timed out after ${TEST_TIMEOUT}s" >&2
		return 1
	fi
	if grep -q '^# command-line-arguments' "$d/raw"; then
		echo "FATAL: $f does not build or vet:" >&2
		cat "$d/raw" >&2
		return 1
	fi
	gotest_normalize <"$d/raw" >"$OUT/$base.out.tmp"
	printf '%d\n' "$rc" >"$OUT/$base.code.tmp"
	mv "$OUT/$base.out.tmp" "$OUT/$base.out"
	mv "$OUT/$base.code.tmp" "$OUT/$base.code"
}
export -f gotest_one gotest_normalize
export CORPUS OUT WORK TEST_TIMEOUT

printf '%s\n' "${FILES[@]}" | xargs -P "$JOBS" -n 1 bash -c 'gotest_one "$1"' _

for g in "$OUT"/*.out "$OUT"/*.code; do
	[ -e "$g" ] || continue
	b="$(basename "$g")"
	if [ ! -f "$CORPUS/${b%.*}_test.go" ]; then
		echo "removing stale golden $b" >&2
		rm -f "$g"
	fi
done

echo "golden-gotest: ${#FILES[@]} files -> $OUT ($(go env GOVERSION))" >&2
