#!/usr/bin/env bash
# bench.sh [CORPUS [extra framing run flags...]]
# Runs the whole job on CORPUS (JSON Lines, .gz allowed, or a directory) and
# prints MB/s, articles/s and peak RSS, plus `wc -w` over the same bytes as a
# reference for what merely reading the text costs on this machine, and the
# ratio of the two times (the target of issue 17 is at most 2.4).
# Without CORPUS (or with CORPUS -) it benchmarks real text: the dev corpus
# (../shared/corpus/dev.jsonl.gz, or $FRAMING_DEV_CORPUS) repeated with fresh
# ids to 225 MB, or a generated 225 MB corpus when the dev corpus is absent;
# the file is made once under ${TMPDIR:-/tmp} and kept for the next run.
# It also prints the CPU seconds (user + system) of the run and the load
# average: on a shared machine wall time moves with other jobs, CPU time much
# less. FRAMING_BIN=path benchmarks a prebuilt binary instead of building
# this tree (to compare two builds under the same load).
set -euo pipefail
corpus=${1:--}
[ $# -gt 0 ] && shift
[ "$corpus" = - ] || corpus=$(realpath "$corpus")
cd "$(dirname "$0")/.."
if [ "$corpus" = - ]; then
	# ../shared next to the main checkout, also from a git worktree elsewhere
	dev=${FRAMING_DEV_CORPUS:-../shared/corpus/dev.jsonl.gz}
	[ -f "$dev" ] || dev=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null)/../../shared/corpus/dev.jsonl.gz
	if [ -f "$dev" ]; then
		corpus=${TMPDIR:-/tmp}/framing-bench-dev225.jsonl
		[ -s "$corpus" ] || { go run ./scripts/gencorpus -scale "$dev" -mb 225 >"$corpus.part" && mv "$corpus.part" "$corpus"; }
	else
		corpus=${TMPDIR:-/tmp}/framing-bench-gen225.jsonl
		[ -s "$corpus" ] || { go run ./scripts/gencorpus -mb 225 >"$corpus.part" && mv "$corpus.part" "$corpus"; }
	fi
	echo "corpus file: $corpus"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${FRAMING_BIN:-}" ]; then
	cp "$FRAMING_BIN" "$tmp/framing"
else
	go build -o "$tmp/framing" ./cmd/framing
fi

if [ -d "$corpus" ]; then
	bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' \) -exec cat {} + | wc -c)
	cat_cmd=(sh -c "find '$corpus' -type f \\( -name '*.txt' -o -name '*.md' \\) -exec cat {} +")
elif [[ "$corpus" == *.gz ]]; then
	bytes=$(gzip -dc "$corpus" | wc -c)
	cat_cmd=(gzip -dc "$corpus")
else
	bytes=$(wc -c <"$corpus")
	cat_cmd=(cat "$corpus")
fi

# Peak RSS from the kernel's own accounting of the child (ru_maxrss, KiB),
# read by a tiny wrapper so that no GNU time is needed.
cat >"$tmp/rss.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	el := time.Since(start).Seconds()
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	fmt.Fprintf(os.Stderr, "BENCH seconds=%.3f maxrss_kib=%d cpu=%.3f\n", el, ru.Maxrss, cpu)
	if err != nil {
		os.Exit(1)
	}
}
GO
(cd "$tmp" && go mod init rss >/dev/null 2>&1 && go build -o rss rss.go)

out="$tmp/out"
"$tmp/rss" "$tmp/framing" run --input "$corpus" --out "$out" --run-date 2026-01-20 --quiet "$@" \
	>"$tmp/stdout" 2>"$tmp/stderr" || { cat "$tmp/stderr"; exit 1; }
line=$(grep '^BENCH' "$tmp/stderr")
secs=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")
rss=$(sed -E 's/.*maxrss_kib=([0-9]+).*/\1/' <<<"$line")
cpu=$(sed -E 's/.*cpu=([0-9.]+).*/\1/' <<<"$line")
load=$(cut -d' ' -f1-3 /proc/loadavg)
articles=$(sed -nE 's/.* ([0-9]+) articles,.*/\1/p' "$tmp/stdout" | head -1)

wstart=$(date +%s.%N)
words=$("${cat_cmd[@]}" | wc -w)
wend=$(date +%s.%N)

awk -v b="$bytes" -v s="$secs" -v a="$articles" -v r="$rss" -v w="$words" -v ws="$wstart" -v we="$wend" \
	-v c="$cpu" -v l="$load" -v n="$(nproc)" 'BEGIN {
	printf "corpus:      %.1f MB, %d articles\n", b/1e6, a
	printf "framing run: %.2f s, %.1f MB/s, %.0f articles/s, peak RSS %.0f MB\n", s, b/1e6/s, a/s, r/1024
	printf "cpu:         %.2f s user+sys (%.1f MB per CPU second), %d CPUs, load average %s after the run\n", c, b/1e6/c, n, l
	printf "reference:   wc -w counted %d words in %.2f s, %.1f MB/s\n", w, we-ws, b/1e6/(we-ws)
	printf "ratio:       framing run took %.2f times the wc -w time (target: at most 2.4)\n", s/(we-ws)
}'
