"""Recompute stancecheck's figures with scipy and scikit-learn.

    go run ./scripts/stancecheck -corpus ../shared/corpus/labeled.jsonl.gz \
        -actors docs/validation/us-actors.yaml -dump /tmp/sc
    python3 scripts/stancecheck/check.py /tmp/sc

Reads PREFIX-articles.tsv (every article's positive and negative mass per
actor) and recomputes, independently of the Go code, the AUC with
sklearn.metrics.roc_auc_score and the outlet-level Spearman with
scipy.stats.spearmanr, with the outlet definition (-outlets) and aggregation
(-agg) that PREFIX-results.tsv records, then compares them with PREFIX-results.tsv. Checked with
scipy 1.17.1 and scikit-learn 1.9.1 (pip, Python 3). Exit 1 on a mismatch.
"""
import csv
import sys

import numpy as np
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score


def fnv1a64(s):
    """FNV-1a, 64 bits, as Go's hash/fnv New64a (hashlib has none)."""
    h = 14695981039346656037
    for b in s.encode():
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return h


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main(prefix):
    arts = read(prefix + "-articles.tsv")
    results = read(prefix + "-results.tsv")
    bad = 0
    for r in results:
        actor, subset, sign = r["actor"], r["subset"], int(r["sign"])
        minimum, base, agg = int(r["min"]), r["base"], r["agg"]
        pts, mentions = [], {}
        for a in arts:
            if a["actor"] != actor:
                continue
            half = fnv1a64(a["id"]) % 2
            if subset == "half A" and half != 0 or subset == "half B" and half != 1:
                continue
            mentions[a["outlet"]] = mentions.get(a["outlet"], 0) + 1
            pos, neg = float(a["positive"]), float(a["negative"])
            if pos + neg <= 0:
                continue
            pts.append((a["outlet"], int(a["lean"]), (pos - neg) / (pos + neg), pos, neg))
        sided = [(lean * sign > 0, st) for _, lean, st, _, _ in pts if lean != 0]
        auc = roc_auc_score([s for s, _ in sided], [st for _, st in sided])
        by = {}
        for outlet, lean, st, pos, neg in pts:
            by.setdefault(outlet, (lean, []))[1].append((st, pos, neg))
        kept = []
        for outlet, (lean, v) in by.items():
            count = mentions[outlet] if base == "mention" else len(v)
            if count < minimum:
                continue
            if agg == "pooled":
                p, n = sum(x[1] for x in v), sum(x[2] for x in v)
                kept.append((lean * sign, (p - n) / (p + n)))
            else:
                kept.append((lean * sign, np.mean([x[0] for x in v])))
        rho, p = spearmanr([k[0] for k in kept], [k[1] for k in kept])
        want = (float(r["auc"]), float(r["rho"]), float(r["p"]), int(r["n_outlets"]))
        got = (auc, rho, p, len(kept))
        ok = all(abs(w - g) <= 1e-9 * max(1, abs(w)) for w, g in zip(want[:3], got[:3])) and want[3] == got[3]
        bad += not ok
        print("%-12s %-7s auc %.6f/%.6f  rho %+.6f/%+.6f  p %.6f/%.6f  outlets %d/%d  %s" % (
            actor, subset, want[0], got[0], want[1], got[1], want[2], got[2], want[3], got[3],
            "ok" if ok else "MISMATCH"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1])
