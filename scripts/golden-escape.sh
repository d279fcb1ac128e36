#!/usr/bin/env bash
# Regenerate the escape-analysis golden files from the REAL Go toolchain.
#
# usage: scripts/golden-escape.sh [OUT_DIR [BENCH_OUT_DIR]]
#
#   For every kernel/tests/escape/corpus/NNN_x.go, from inside the corpus dir:
#     go build -gcflags='-m -l' -o /dev/null NNN_x.go  -> OUT_DIR/NNN_x.ml.txt
#     go build -gcflags=-m      -o /dev/null NNN_x.go  -> OUT_DIR/NNN_x.m.txt
#     go build -gcflags='-m=2 -l' ... (first 40 files) -> OUT_DIR/NNN_x.m2l.txt
#     go build -gcflags=-m=2, inliner verdicts only    -> OUT_DIR/NNN_x.cost.txt
#   and for kernel/benches/escape/big.go (from inside its dir):
#     big.ml.txt, big.m.txt                            -> BENCH_OUT_DIR
#
#   OUT_DIR defaults to kernel/tests/escape/golden, BENCH_OUT_DIR to
#   kernel/benches/escape. Output is stdout+stderr verbatim (including the
#   "# command-line-arguments" header, Go's own line order, no sorting).
#   Stale goldens (no matching corpus file) are removed from OUT_DIR.
#   Env: JOBS=N parallelism (default: nproc).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=escape-env.sh
. "$ROOT/scripts/escape-env.sh"
escape_require_go

CORPUS="$ROOT/kernel/tests/escape/corpus"
OUT="${1:-$ROOT/kernel/tests/escape/golden}"
BENCH_DIR="$ROOT/kernel/benches/escape"
BENCH_OUT="${2:-$BENCH_DIR}"
M2L_COUNT=40
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 4)}"

mkdir -p "$OUT" "$BENCH_OUT"
OUT="$(cd "$OUT" && pwd)"
BENCH_OUT="$(cd "$BENCH_OUT" && pwd)"

mapfile -t FILES < <(cd "$CORPUS" && ls -1 -- *.go | LC_ALL=C sort)
if [ "${#FILES[@]}" -eq 0 ]; then
	echo "FATAL: no corpus files in $CORPUS" >&2
	exit 1
fi

# Work list: "file<TAB>kind"
LIST="$(mktemp)"
trap 'rm -f "$LIST"' EXIT
i=0
for f in "${FILES[@]}"; do
	i=$((i + 1))
	printf '%s\tml\n%s\tm\n%s\tcost\n' "$f" "$f" "$f" >>"$LIST"
	if [ "$i" -le "$M2L_COUNT" ]; then
		printf '%s\tm2l\n' "$f" >>"$LIST"
	fi
done

export -f escape_build
export CORPUS OUT
gen_one() {
	local f="$1" kind="$2" base="${1%.go}" flags
	case "$kind" in
	ml) flags='-m -l' ;;
	m) flags='-m' ;;
	m2l) flags='-m=2 -l' ;;
	cost)
		# The inliner's verdict and cost for every function (from -m=2).
		escape_build "$CORPUS" "$f" '-m=2' "$OUT/$base.cost.full" || return 1
		grep -E ': (can inline [^ ]+ with cost [0-9]+|cannot inline [^ ]+: .*)' "$OUT/$base.cost.full" |
			sed -E 's/ as: .*$//' >"$OUT/$base.cost.txt" || true
		rm -f "$OUT/$base.cost.full"
		return 0
		;;
	esac
	escape_build "$CORPUS" "$f" "$flags" "$OUT/$base.$kind.txt"
}
export -f gen_one

# Each item is independent; results do not depend on scheduling.
tr '\t' ' ' <"$LIST" | xargs -P "$JOBS" -n 2 bash -c 'gen_one "$1" "$2"' _

# Remove stale goldens.
for g in "$OUT"/*.txt; do
	[ -e "$g" ] || continue
	b="$(basename "$g")"
	src="${b%.*.txt}.go"
	if [ ! -f "$CORPUS/$src" ]; then
		echo "removing stale golden $b" >&2
		rm -f "$g"
	fi
done

# Benchmark input goldens.
if [ -f "$BENCH_DIR/big.go" ]; then
	escape_build "$BENCH_DIR" big.go '-m -l' "$BENCH_OUT/big.ml.txt"
	escape_build "$BENCH_DIR" big.go '-m' "$BENCH_OUT/big.m.txt"
fi

echo "golden-escape: ${#FILES[@]} corpus files -> $OUT ($(go env GOVERSION))" >&2
