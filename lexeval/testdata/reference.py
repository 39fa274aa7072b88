#!/usr/bin/env python3
"""Reference values for lexeval's AUC and keyness, from independent implementations.

AUC: scikit-learn's roc_auc_score and scipy's Mann-Whitney U divided by n_pos * n_neg.
G2: scipy's chi2_contingency on the 2x2 table [[a, b], [A - a, B - b]] with
lambda_="log-likelihood" and correction=False, signed like quanteda (negative when a is
below its expected count); p from the same call; log ratio by its definition.

Run from this directory: python3 reference.py > reference.json
Versions used for the committed file are recorded in it.
"""
import json
import math

import numpy as np
import scipy
import sklearn
from scipy.stats import chi2_contingency, mannwhitneyu
from sklearn.metrics import roc_auc_score

AUC_CASES = {
    "separated": ([3.0, 4.5, 6.0, 9.0], [0.0, 0.5, 1.0, 2.0, 2.5]),
    "ties_and_zeros": ([0.0, 0.0, 1.2, 1.2, 3.4, 7.0], [0.0, 0.0, 0.0, 1.2, 0.5, 0.0, 2.2]),
    "reversed": ([0.0, 0.1], [5.0, 6.0, 7.0]),
    "all_tied": ([1.0, 1.0], [1.0, 1.0, 1.0]),
    "one_each": ([2.0], [1.0]),
}

# a in A tokens (positive articles), b in B tokens (negative articles)
KEYNESS_CASES = [(120, 10, 50000, 80000), (5, 0, 1000, 5000), (3, 40, 10000, 12000), (7, 7, 700, 700),
                 (1000, 250, 1000000, 2500000)]


def main():
    out = {"versions": {"scipy": scipy.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__},
           "auc": {}, "keyness": []}
    for name, (pos, neg) in AUC_CASES.items():
        y = [1] * len(pos) + [0] * len(neg)
        s = pos + neg
        auc = roc_auc_score(y, s) if len(set(s)) > 1 else 0.5
        u = mannwhitneyu(pos, neg, alternative="two-sided").statistic
        out["auc"][name] = {"pos": pos, "neg": neg, "roc_auc_score": auc, "mannwhitney_u_over_n": u / (len(pos) * len(neg))}
    for a, b, A, B in KEYNESS_CASES:
        table = np.array([[a, b], [A - a, B - b]], dtype=float)
        g2, p, _, expected = chi2_contingency(table, correction=False, lambda_="log-likelihood")
        sign = -1.0 if a < expected[0][0] else 1.0
        lr = math.log2(((a + 0.5) / A) / ((b + 0.5) / B))
        out["keyness"].append({"a": a, "b": b, "A": A, "B": B, "g2": sign * g2, "p": p, "log_ratio": lr})
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
