#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The readers against hostile and wrong results files: `nestlab report` runs no command
# that a name, run_id or unit in results.json spells (both quote styles, backquotes,
# newlines, system()); table, compare, merge and report on wrong JSON exit 2 or 125 with
# one line, never a crash. Prints "N passed, N failed".
# usage: l0/regress/check-readers.sh build/l0/nestlab
set -u
nestlab=$(realpath "$1")
tmp=$(mktemp -d /tmp/nestlab-check-readers-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() {
	if [ $? -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $*"
		sed 's/^/    stderr: /' "$tmp/err" | head -5
	fi
}
one_line() { [ "$(wc -l < "$tmp/err")" -eq 1 ]; }

## report: hostile strings reach gnuplot only as quoted text
m=$tmp/marker
mkdir -p "$tmp/h1"
cat > "$tmp/h1/results.json" <<JSON
{"schema_version": 1, "run_id": "x'; system('touch $m.1'); print '\`touch $m.2\`",
 "environment": {"backend": "bochs", "cpu_model": "m",
		 "l0": "\`touch $m.3\`\"; system(\"touch $m.4\"); print \""},
 "options": {},
 "scenarios": [
  {"name": "a/b\"; system(\"touch $m.5\"); print \"", "verdict": "PASS", "exits": {},
   "latency": {"unit": "c'\nsystem('touch $m.6')\n", "n": 3, "median": 5, "p99": 6, "stddev": 1,
	       "samples": [4, 5, 6]}},
  {"name": "c/d\`touch $m.7\`@x\n!touch $m.8", "verdict": "PASS", "exits": {},
   "latency": {"unit": "u\"\n\`touch $m.9\`", "n": 3, "median": 5, "p99": 6, "stddev": 1,
	       "histogram_log2": {"2": 3}}}]}
JSON
cp -r "$tmp/h1" "$tmp/h2"
if command -v gnuplot >/dev/null 2>&1; then
	"$nestlab" report "$tmp/h1" "$tmp/h2" >"$tmp/out" 2>"$tmp/err"; rc=$?
	[ $rc -eq 0 ] && [ -s "$tmp/h1/plots/compare.svg" ]; ok "hostile report: plots drawn (rc $rc)"
	[ -z "$(ls "$tmp" | grep marker)" ]; ok "hostile report: no command ran ($(ls "$tmp" | grep marker | tr '\n' ' '))"
else
	echo "SKIP: hostile report: gnuplot not found: apt-get install gnuplot-nox"
fi

## wrong documents: exit 2 (125 for compare's incomparable), one line, no crash
printf '%s' '{"environment":{"backend":null},"scenarios":[]}' > "$tmp/nullbackend.json"
printf '%s' '{"environment":{},"scenarios":[{"name":"a/b","verdict":"PASS","exits":{"l1":5}}]}' > "$tmp/exits5.json"
printf '%s' '{"environment":{},"scenarios":5}' > "$tmp/scn5.json"
printf '%s' '{"environment":{},"scenarios":[5]}' > "$tmp/scnitem.json"
printf '%s' '{"environment":{},"scenarios":[{"name":"a/b","verdict":"PASS","latency":{"samples":"x"}}]}' > "$tmp/samples.json"
printf '%s' '{"environment":{},"scenarios":[{"name":"a/b","verdict":"PASS","latency":{"histogram_log2":[1]}}]}' > "$tmp/hist.json"
printf '%s' '{"scenarios":[{"name":"a/b","verdict":"PASS"}],"warnings":7}' > "$tmp/warn.json"
printf '%s' '{"scenarios":[]} trailing' > "$tmp/trailing.json"
printf '%s' '[1,2]' > "$tmp/array.json"
printf '{"scenarios":[]}\000{}' > "$tmp/nul.json"
awk 'BEGIN { for (i = 0; i < 100; i++) printf "["; }' > "$tmp/deep.json"
: > "$tmp/empty.json"
truncate -s 300M "$tmp/huge.json"
for f in nullbackend exits5 scn5 scnitem samples hist warn trailing array nul deep empty huge; do
	for cmd in table "compare $tmp/$f.json" "merge $tmp/m-$f" report; do
		"$nestlab" $cmd "$tmp/$f.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
		[ $rc -eq 2 ] && one_line; ok "$cmd $f.json: exit 2, one line (rc $rc)"
	done
done
for bad in /dev/zero "" /nonexistent; do
	for cmd in table report; do
		"$nestlab" $cmd "$bad" >"$tmp/out" 2>"$tmp/err"; rc=$?
		[ $rc -eq 2 ] && one_line; ok "$cmd '$bad': exit 2, one line (rc $rc)"
	done
	"$nestlab" compare "$bad" "$bad" >"$tmp/out" 2>"$tmp/err"; rc=$?
	[ $rc -eq 2 ] && one_line; ok "compare '$bad' '$bad': exit 2, one line (rc $rc)"
done
# Without options or environment, a document still merges (nothing to drop from options).
printf '%s' '{"scenarios":[{"name":"cpuid/exit","verdict":"PASS"}]}' > "$tmp/bare.json"
"$nestlab" merge "$tmp/m-bare" "$tmp/bare.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] && [ -s "$tmp/m-bare/results.json" ]; ok "merge of a document without options (rc $rc)"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
