#!/usr/bin/env bash
# Print statistics of the escape corpus and goldens (used for
# kernel/tests/escape/README.md). usage: scripts/escape-stats.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
C="$ROOT/kernel/tests/escape/corpus"
G="$ROOT/kernel/tests/escape/golden"
export LC_ALL=C

echo "## Programs by topic group"
echo
echo "| range | group | files | lines |"
echo "|---|---|---:|---:|"
while IFS='|' read -r lo hi name; do
	n=0
	l=0
	for f in "$C"/*.go; do
		b="$(basename "$f")"
		num=$((10#${b%%_*}))
		if [ "$num" -ge "$((10#$lo))" ] && [ "$num" -le "$((10#$hi))" ]; then
			n=$((n + 1))
			l=$((l + $(wc -l <"$f")))
		fi
	done
	echo "| $lo-$hi | $name | $n | $l |"
done <<'GROUPS'
001|020|addr: address-of locals, returned pointers
021|035|param: parameter leak kinds (heap, content, result level 0/1/2, ~r0/~r1, named, >5 results)
036|040|global / field: globals, struct fields via value vs pointer
041|060|lit: composite literals, arrays vs slices, slicing arrays, new, 64 KiB/128 KiB limits
061|075|make / new: constant and variable sizes, zero-size elements, constant propagation, new(expr)
076|100|iface / fmt: boxing, constants, any params, type switches/assertions, method calls, fmt, errors
101|125|closure: by value/by ref, reassignment, 128 B capture limit, returned, stored, go, defer
126|135|method / embed: method values and expressions, receivers, promoted methods
136|145|go / defer: named funcs and literals, defer at top level vs loop, recover
146|160|append / copy / self-assignment
161|175|str: concat, conversions, zero-copy, map lookups, strings.Builder/Repeat/Join/Split
176|185|map: local, returned, hints, pointer keys/values, delete, range
186|190|chan: local, sending/receiving pointers
191|200|loop: loop depth, per-iteration vars, range over int, labels
201|206|rec: recursion and mutual recursion
207|212|funcval: local func vars, params, fields, globals, dispatch tables
213|220|panic / recover / sync / runtime / os / time
221|232|inline: inlining effects, budget 80, noinline, devirtualization, closures called once
233|240|myth: myths from the fact sheet and the seed lessons, refuted
241|260|lesson: textbook examples of a Go-memory book
GROUPS
echo
echo "Total programs: $(ls -1 "$C"/*.go | wc -l), total Go lines: $(cat "$C"/*.go | wc -l)"
echo

kinds() { # files...
	cat "$@" | awk '
	/^# command-line-arguments$/ { k["header (# command-line-arguments)"]++; next }
	/: moved to heap: / { k["moved to heap: X"]++; next }
	/: leaking param content: / { k["leaking param content: X"]++; next }
	/: leaking param: .* to result / { k["leaking param: X to result R level=N"]++; next }
	/: leaking param: / { k["leaking param: X"]++; next }
	/: inlining call to / { k["inlining call to F"]++; next }
	/: can inline / { k["can inline F"]++; next }
	/: devirtualizing / { k["devirtualizing X to T"]++; next }
	/: zero-copy string->\[\]byte conversion$/ { k["zero-copy string->[]byte conversion"]++; next }
	/ ignoring self-assignment in / { k["F ignoring self-assignment in S"]++; next }
	/ escapes to heap$/ { k["X escapes to heap"]++; next }
	/ does not escape$/ { k["X does not escape"]++; next }
	{ k["other"]++ }
	END { for (x in k) printf "%s\t%d\n", x, k[x] }' | sort
}

echo "## Golden lines by diagnostic kind"
echo
ML=$(cat "$G"/*.ml.txt | wc -l)
M=$(cat "$G"/*.m.txt | wc -l)
M2L=$(cat "$G"/*.m2l.txt | wc -l)
echo "Total lines: \`-m -l\` (*.ml.txt) = $ML, \`-m\` (*.m.txt) = $M, \`-m=2 -l\` (*.m2l.txt, first 40 files) = $M2L"
echo
echo "| kind | -m -l | -m |"
echo "|---|---:|---:|"
join -t "$(printf '\t')" -a1 -a2 -e 0 -o 0,1.2,2.2 <(kinds "$G"/*.ml.txt) <(kinds "$G"/*.m.txt) |
	awk -F'\t' '{ printf "| `%s` | %d | %d |\n", $1, $2, $3 }'
