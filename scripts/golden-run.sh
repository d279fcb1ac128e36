#!/usr/bin/env bash
# Regenerate the run-corpus goldens from the REAL Go toolchain.
#
# usage: scripts/golden-run.sh [OUT_DIR]
#
#   For every kernel/tests/run/NNN_topic.go (from inside kernel/tests/run):
#     go build -o TMP/NNN_topic NNN_topic.go      (GOPATH mode, pinned env)
#     env <RUN ENV> TMP/NNN_topic  </dev/null
#   and writes
#     OUT_DIR/NNN_topic.out   stdout, verbatim
#     OUT_DIR/NNN_topic.err   stderr, normalised (see run_normalize_stderr)
#     OUT_DIR/NNN_topic.code  exit status as a decimal number + newline
#
#   RUN ENV: GOMAXPROCS=2 GOGC=100 (plus the pinned build env of
#   escape-env.sh, which also exports GODEBUG= and unsets GOMEMLIMIT), then
#   the per-program overrides from an optional FIRST-LINE comment
#       // gomem-env: GOGC=off GOMAXPROCS=1
#   (space-separated NAME=VALUE pairs; only GOGC, GOMAXPROCS, GOMEMLIMIT and
#   GODEBUG are honoured), then $RUN_EXTRA_ENV (space-separated NAME=VALUE,
#   used only for determinism checks, e.g. RUN_EXTRA_ENV=GOMAXPROCS=1).
#
#   OUT_DIR defaults to kernel/tests/run/golden. Stale goldens are removed.
#   Idempotent. Env: JOBS=N parallelism (default: nproc), RUN_TIMEOUT=secs (60).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

CORPUS="$ROOT/kernel/tests/run"
OUT="${1:-$CORPUS/golden}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 4)}"
RUN_TIMEOUT="${RUN_TIMEOUT:-60}"
RUN_EXTRA_ENV="${RUN_EXTRA_ENV:-}"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
BIN="$(mktemp -d)"
trap 'rm -rf "$BIN"' EXIT

mapfile -t FILES < <(cd "$CORPUS" && ls -1 -- [0-9]*.go | LC_ALL=C sort)
if [ "${#FILES[@]}" -eq 0 ]; then
	echo "FATAL: no programs in $CORPUS" >&2
	exit 1
fi

# run_normalize_stderr < raw > normalised
# The stderr normalisation rule (the kernel's run test applies the same rule):
#  1. Lines before the first "trap line" (a line starting with "panic: " or
#     "fatal error: ") are kept verbatim, except lines starting with
#     "runtime: sp=" (stack-overflow stack bounds = addresses), which are dropped.
#  2. From the trap line on, lines are kept up to and EXCLUDING the first
#     empty line; everything after it (goroutine traces "goroutine N [...]:",
#     "runtime stack:", frames, file paths, +0x offsets) is dropped.
#  3. In kept lines, "pc=0x<hex>" (the [signal SIGSEGV ...] line) becomes "pc=PC".
#  No trap line => stderr is kept verbatim (minus rule 1's "runtime: sp=" lines).
run_normalize_stderr() {
	awk '
		BEGIN { trapped = 0; done = 0 }
		done { next }
		/^runtime: sp=/ && !trapped { next }
		/^(panic: |fatal error: )/ { trapped = 1 }
		trapped && $0 == "" { done = 1; next }
		{ gsub(/pc=0x[0-9a-f]+/, "pc=PC"); print }
	'
}

run_one() {
	local f="$1" base="${1%.go}" rc=0 hdr envs=() kv
	if ! (cd "$CORPUS" && go build -o "$BIN/$base" "$f") >"$BIN/$base.build" 2>&1; then
		echo "FATAL: go build $f failed:" >&2
		cat "$BIN/$base.build" >&2
		return 1
	fi
	envs=(GOMAXPROCS=2 GOGC=100)
	hdr="$(head -n 1 "$CORPUS/$f")"
	case "$hdr" in
	"// gomem-env: "*)
		for kv in ${hdr#// gomem-env: }; do
			case "$kv" in
			GOGC=* | GOMAXPROCS=* | GOMEMLIMIT=* | GODEBUG=*) envs+=("$kv") ;;
			*) echo "FATAL: $f: unsupported gomem-env entry '$kv'" >&2; return 1 ;;
			esac
		done
		;;
	esac
	# shellcheck disable=SC2206
	envs+=($RUN_EXTRA_ENV)
	(cd "$BIN" && env "${envs[@]}" timeout "$RUN_TIMEOUT" "./$base" </dev/null \
		>"$OUT/$base.out.tmp" 2>"$BIN/$base.rawerr") || rc=$?
	if [ "$rc" -eq 124 ]; then
		echo "FATAL: $f timed out after ${RUN_TIMEOUT}s" >&2
		return 1
	fi
	run_normalize_stderr <"$BIN/$base.rawerr" >"$OUT/$base.err.tmp"
	printf '%d\n' "$rc" >"$OUT/$base.code.tmp"
	mv "$OUT/$base.out.tmp" "$OUT/$base.out"
	mv "$OUT/$base.err.tmp" "$OUT/$base.err"
	mv "$OUT/$base.code.tmp" "$OUT/$base.code"
	rm -f "$BIN/$base" "$BIN/$base.rawerr" "$BIN/$base.build"
}
export -f run_one run_normalize_stderr
export CORPUS OUT BIN RUN_TIMEOUT RUN_EXTRA_ENV

printf '%s\n' "${FILES[@]}" | xargs -P "$JOBS" -n 1 bash -c 'run_one "$1"' _

# Remove stale goldens.
for g in "$OUT"/*.out "$OUT"/*.err "$OUT"/*.code; do
	[ -e "$g" ] || continue
	b="$(basename "$g")"
	if [ ! -f "$CORPUS/${b%.*}.go" ]; then
		echo "removing stale golden $b" >&2
		rm -f "$g"
	fi
done

echo "golden-run: ${#FILES[@]} programs -> $OUT ($(go env GOVERSION))" >&2
