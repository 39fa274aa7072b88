#!/usr/bin/env bash
# bench-stats.sh DEV_CORPUS [WORKDIR]
#
# The long-tail and big-dictionary benchmark of issue 11: `framing run`, then
# `framing stats` on the night it wrote, on
#   gen  a generated corpus shaped like real news: BENCH_MB megabytes (default
#        1730, about 1 M articles) over 5,000 outlets drawn from a Zipf law
#        (-zipf 1.45: about half of the outlets have fewer than 5 articles, the
#        largest a third of all), dates over 30 days;
#   dev  DEV_CORPUS (dev.jsonl.gz) repeated to 250 MB with fresh ids;
# each with the embedded default lexicon and with a 200-category dictionary
# made from DEV_CORPUS's own words (scripts/gendict: 10 words a category, the
# 100 most frequent words skipped).
#
# Every command's wall seconds, CPU seconds (user + system, from the kernel's
# rusage of the child) and peak RSS are printed, with the load average:
# the machine may be shared, so compare CPU seconds; peak RSS does not depend
# on load. Last, the ratio of the 200-category dictionary's CPU seconds to the
# default lexicon's, per corpus and command.
#
# WORKDIR keeps the corpora, dictionary and outputs (default: a temporary
# directory removed at the end); corpora already there are reused.
# BENCH_ONLY=gen or dev runs one corpus. FRAMING_BIN=path benchmarks a
# prebuilt binary.
set -euo pipefail
dev=$(realpath "${1:?usage: scripts/bench-stats.sh DEV_CORPUS [WORKDIR]}")
cd "$(dirname "$0")/.."
if [ -n "${2:-}" ]; then
	work=$(mkdir -p "$2" && realpath "$2")
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
bin="$work/bin"
mkdir -p "$bin"
if [ -n "${FRAMING_BIN:-}" ]; then
	cp "$FRAMING_BIN" "$bin/framing"
else
	go build -o "$bin/framing" ./cmd/framing
fi
go build -o "$bin/rusage" ./scripts/rusage
go build -o "$bin/gencorpus" ./scripts/gencorpus
go build -o "$bin/gendict" ./scripts/gendict

[ -s "$work/gen.jsonl" ] || "$bin/gencorpus" -mb "${BENCH_MB:-1730}" -outlets 5000 -zipf 1.45 -days 30 >"$work/gen.jsonl"
[ -s "$work/dev.jsonl" ] || "$bin/gencorpus" -scale "$dev" -mb 250 >"$work/dev.jsonl"
[ -s "$work/dict200.yml" ] || "$bin/gendict" -categories 200 -per 10 "$dev" >"$work/dict200.yml"

results="$work/results.tsv"
: >"$results"
# measure CORPUS LEXICON COMMAND ARGS...: one line of results.
measure() {
	local corpus=$1 lex=$2 what=$3
	shift 3
	local log="$work/$corpus-$lex-$what.log"
	if ! "$bin/rusage" "$@" >"$log.out" 2>"$log"; then
		echo "$corpus $lex $what failed:" >&2
		tail -5 "$log" >&2
		exit 1
	fi
	local line load
	line=$(grep '^RUSAGE' "$log")
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	printf '%s\t%s\t%s\t%s\t%s\n' "$corpus" "$lex" "$what" "$line" "$load" >>"$results"
	printf '%-4s %-7s %-6s %s  load %s\n' "$corpus" "$lex" "$what" "${line#RUSAGE }" "$load"
}

for corpus in gen dev; do
	[ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = "$corpus" ] || continue
	for lex in default dict200; do
		out="$work/out-$corpus-$lex"
		rm -rf "$out"
		lexflag=()
		[ "$lex" = default ] || lexflag=(--lexicon "$work/dict200.yml")
		measure "$corpus" "$lex" run "$bin/framing" run --input "$work/$corpus.jsonl" --out "$out" \
			--run-date 2026-01-20 --quiet "${lexflag[@]}"
		measure "$corpus" "$lex" stats "$bin/framing" stats --out "$out" --from 2026-01-20 --quiet
		grep -h -o 'done: [0-9]* articles' "$work/$corpus-$lex-run.log" | head -1 | sed "s/^/$corpus $lex: /"
	done
done

echo "CPU seconds, 200-category dictionary / default lexicon:"
awk -F'\t' '{
	split($4, f, " "); cpu = 0
	for (i in f) { if (f[i] ~ /^(user|sys)_s=/) { split(f[i], kv, "="); cpu += kv[2] } }
	key = $1 " " $3; if ($2 == "default") d[key] = cpu; else b[key] = cpu
} END { for (k in d) if (k in b) printf "  %-10s %.1f / %.1f = %.2fx\n", k, b[k], d[k], b[k] / d[k] }' "$results"
echo "details: $results"
