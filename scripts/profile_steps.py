#!/usr/bin/env python3
"""CPU seconds per step of a whole `framing run`, from a CPU profile.

The profile comes from scripts/runprof (docs/performance.md). Each sample is
given to the first step, in the order below, that has a function on the
sample's stack, so the steps add up to the total: garbage collection and
allocation come first, so that they are counted once and not inside each
step that allocates. The rules name functions of this repository; a
renamed function lands in "other", which the script prints by root so that
the table can be fixed.

usage: profile_steps.py PROFILE        (needs `go` on PATH: go tool pprof -traces)
"""
import re
import subprocess
import sys

STEPS = [
    ("GC: background marking, sweeping, scavenging", r"^runtime\.(gcBgMarkWorker|bgsweep|bgscavenge)$"),
    ("allocation (mallocgc, with its GC assists)", r"^runtime\.mallocgc$"),
    ("read: split lines, gunzip (reader goroutine)", r"^framing/pipeline\.readAll$"),
    ("decode JSON", r"^framing/corpus\.Raw\.Decode$"),
    ("sha256 of the text", r"sha256"),
    ("clean", r"^framing/features\.clean$"),
    ("tokenize", r"^framing/lexicon\.(AppendSpanTokens|AppendTokens|AppendTokensLowered|\(\*tokenizer\)\.run|LowerASCII|AppendLowerASCII)$"),
    ("match", r"^framing/lexicon\.\(\*Matcher\)\.(AppendMatches|Match)$"),
    ("sentences and quotes", r"^framing/features\.(appendSentences|findQuotes|wordsInQuotes)$"),
    ("stance and target shares", r"^framing/features\.(stance|\(\*targeter\)\..*)$"),
    ("attributions and reported speech", r"^framing/features\.(attributions|attributionsIn|markReported)$"),
    ("frame scores", r"^framing/features\.scoreFrames$"),
    ("rest of Extract", r"^framing/features\.Extract$"),
    ("rows (pipeline.convert)", r"^framing/pipeline\.convert$"),
    ("ordered writer: article tables to Parquet", r"^framing/pipeline\.collect$"),
    ("statistics: compute (stats, model, gonum)", r"^framing/stats\.(compute|runTasks?)"),
    ("statistics: read the window, write the tables", r"^framing/(stats\.Stage|pipeline\.writeStats)$"),
    ("lexicon load and compile", r"^framing/pipeline\.prepareLexicon"),
    ("commit", r"^framing/(pipeline\..*[cC]ommit|output\..*Commit)"),
]

SEP = "-----------+-------------------------------------------------------"


def seconds(v):
    m = re.fullmatch(r"([0-9.]+)(s|ms|us|ns)", v)
    if not m:
        raise ValueError("unexpected sample value %r" % v)
    return float(m.group(1)) / {"s": 1, "ms": 1e3, "us": 1e6, "ns": 1e9}[m.group(2)]


def main(path):
    text = subprocess.run(["go", "tool", "pprof", "-traces", path],
                          capture_output=True, text=True, check=True).stdout
    rules = [(name, re.compile(rx)) for name, rx in STEPS]
    acc = {name: 0.0 for name, _ in STEPS}
    acc["other"] = 0.0
    other_roots = {}
    total = 0.0
    for block in text.split(SEP)[1:]:
        lines = [l for l in block.split("\n") if l.strip()]
        if not lines:
            continue
        value, first = lines[0].split(None, 1)
        frames = [re.sub(r" \(inline\)$", "", f.strip()) for f in [first] + lines[1:]]
        v = seconds(value)
        total += v
        for name, rx in rules:
            if any(rx.search(f) for f in frames):
                acc[name] += v
                break
        else:
            acc["other"] += v
            other_roots[frames[-1]] = other_roots.get(frames[-1], 0.0) + v
    if total == 0:
        sys.exit("%s: no samples" % path)
    print("%-48s %8.2f s" % ("total CPU samples", total))
    for name, v in acc.items():
        print("%-48s %8.2f s %5.1f %%" % (name, v, 100 * v / total))
    for root, v in sorted(other_roots.items(), key=lambda kv: -kv[1])[:5]:
        print("  other, under %s: %.2f s" % (root, v))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
