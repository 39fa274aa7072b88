#!/usr/bin/env bash
# bench-stats.sh DEV_CORPUS LABELED_CORPUS [WORKDIR]
#
# The long-tail and big-dictionary benchmark of issue 11: `framing run`, then
# `framing stats` on the night it wrote, on
#   gen      a generated corpus shaped like real news: BENCH_MB megabytes
#            (default 1730, about 1 M articles) over 5,000 outlets drawn from
#            a Zipf law (-zipf 1.45: about half of the outlets have fewer than
#            5 articles, the largest a third of all), dates over 30 days;
#   dev250   DEV_CORPUS (dev.jsonl.gz) repeated to 250 MB with fresh ids (so
#            that no copy is a duplicate);
#   labeled  LABELED_CORPUS (labeled.jsonl.gz) as it is;
#   dev      DEV_CORPUS as it is, with the embedded default lexicon and with a
#            200-category dictionary made from DEV_CORPUS's own words
#            (scripts/gendict: 10 words a category, the 100 most frequent
#            words skipped). BENCH_DICT_ALL=1 also runs that dictionary on
#            gen and dev250.
# Last, `framing stats` on gen's night is stopped with SIGTERM STOP_AFTER
# seconds after it starts (default: half the time it took before): the
# seconds from the signal to its exit, its exit code, and whether OUT is
# byte for byte as before (a sha256 of every file but the lock).
#
# Every command's wall seconds, CPU seconds (user + system, from the kernel's
# rusage of the child) and peak RSS are printed, with the load average:
# the machine may be shared, so compare CPU seconds; peak RSS does not depend
# on load. Then the ratio of the 200-category dictionary's CPU seconds to the
# default lexicon's, per corpus and command.
#
# WORKDIR keeps the corpora, dictionary and outputs (default: a temporary
# directory removed at the end); corpora already there are reused.
# BENCH_ONLY="gen dev" runs some corpora only; BENCH_ONLY=stop only the stop,
# on the gen output of an earlier run in WORKDIR. FRAMING_BIN=path benchmarks a
# prebuilt binary.
set -euo pipefail
dev=$(realpath "${1:?usage: scripts/bench-stats.sh DEV_CORPUS LABELED_CORPUS [WORKDIR]}")
labeled=$(realpath "${2:?usage: scripts/bench-stats.sh DEV_CORPUS LABELED_CORPUS [WORKDIR]}")
cd "$(dirname "$0")/.."
if [ -n "${3:-}" ]; then
	work=$(mkdir -p "$3" && realpath "$3")
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

only() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }

if only gen; then
	[ -s "$work/gen.jsonl" ] || "$bin/gencorpus" -mb "${BENCH_MB:-1730}" -outlets 5000 -zipf 1.45 -days 30 >"$work/gen.jsonl"
fi
if only dev250; then
	[ -s "$work/dev250.jsonl" ] || "$bin/gencorpus" -scale "$dev" -mb 250 >"$work/dev250.jsonl"
fi
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
	printf '%-8s %-7s %-6s %s  load %s\n' "$corpus" "$lex" "$what" "${line#RUSAGE }" "$load"
}

# bench CORPUS INPUT LEXICON: framing run, then framing stats, on one input.
bench() {
	local corpus=$1 input=$2 lex=$3
	local out="$work/out-$corpus-$lex"
	rm -rf "$out"
	local lexflag=()
	[ "$lex" = default ] || lexflag=(--lexicon "$work/dict200.yml")
	measure "$corpus" "$lex" run "$bin/framing" run --input "$input" --out "$out" \
		--run-date 2026-01-20 --quiet "${lexflag[@]}"
	measure "$corpus" "$lex" stats "$bin/framing" stats --out "$out" --from 2026-01-20 --quiet
	grep -h -o 'done: [0-9]* articles, [0-9]* rejects' "$work/$corpus-$lex-run.log" | head -1 | sed "s/^/$corpus $lex: /"
}

lexicons=(default)
[ -z "${BENCH_DICT_ALL:-}" ] || lexicons=(default dict200)
if only gen; then for lex in "${lexicons[@]}"; do bench gen "$work/gen.jsonl" "$lex"; done; fi
if only dev250; then for lex in "${lexicons[@]}"; do bench dev250 "$work/dev250.jsonl" "$lex"; done; fi
if only labeled; then bench labeled "$labeled" default; fi
if only dev; then for lex in default dict200; do bench dev "$dev" "$lex"; done; fi

echo "CPU seconds, 200-category dictionary / default lexicon:"
awk -F'\t' '{
	split($4, f, " "); cpu = 0
	for (i in f) { if (f[i] ~ /^(user|sys)_s=/) { split(f[i], kv, "="); cpu += kv[2] } }
	key = $1 " " $3; if ($2 == "default") d[key] = cpu; else b[key] = cpu
} END { for (k in d) if (k in b) printf "  %-14s %.1f / %.1f = %.2fx\n", k, b[k], d[k], b[k] / d[k] }' "$results"

# outsum OUT: one hash of every file below OUT but the lock.
outsum() { (cd "$1" && find . -type f ! -name .lock -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

if only gen || only stop; then
	out="$work/out-gen-default"
	wall=$(grep '^RUSAGE' "$work/gen-default-stats.log" | sed 's/.*wall_s=\([0-9.]*\).*/\1/')
	after=${STOP_AFTER:-$(awk -v w="$wall" 'BEGIN { printf "%.1f", w / 2 }')}
	before=$(outsum "$out")
	"$bin/framing" stats --out "$out" --from 2026-01-20 --quiet 2>"$work/stop.log" &
	pid=$!
	sleep "$after"
	t0=$(date +%s.%N)
	kill -TERM "$pid"
	code=0
	wait "$pid" || code=$?
	t1=$(date +%s.%N)
	now=$(outsum "$out")
	same=no
	[ "$before" = "$now" ] && same=yes
	printf 'stop: SIGTERM %ss into framing stats (a full one took %ss): exit %d after %s s, OUT unchanged: %s  load %s\n' \
		"$after" "$wall" "$code" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')" "$same" "$(cut -d' ' -f1-3 /proc/loadavg)"
fi
echo "details: $results"
