"""Reference values for model.KeynessQuanteda, computed independently.

The formula is quanteda's signed likelihood-ratio keyness with its default
correction, as textstat_keyness(measure = "lr") computes it: quanteda.textstats
src/keyness.cpp (lr_lambda, yates_correction; commit 11727bf6). Written here
from that description in plain Python, with scipy only for the chi-square tail.

Run:  python3 model/testdata/keyness_quanteda.py > model/testdata/keyness_quanteda.csv
(Python 3.11.7, scipy 1.17.1.)
"""
import math

from scipy.stats import chi2

EPS = 1e-9


def cell_expected(row, col, n):
    return row * col / n


def lr(a, b, total_a, total_b):
    c = total_a - a
    d = total_b - b
    n = a + b + c + d
    expected = [
        cell_expected(a + b, a + c, n),
        cell_expected(a + b, b + d, n),
        cell_expected(c + d, a + c, n),
        cell_expected(c + d, b + d, n),
    ]
    yates = abs(a * d - b * c) >= n / 2 and min(expected) < 5
    delta = 0.5 if yates else 0.0
    if not a * d - b * c > 0:
        delta = -delta
    cells = [a - delta, b + delta, c + delta, d - delta]
    aa, bb, cc, dd = cells
    margins = [
        ((aa + bb), (aa + cc)),
        ((aa + bb), (bb + dd)),
        ((cc + dd), (aa + cc)),
        ((cc + dd), (bb + dd)),
    ]
    g2 = 2 * sum(o * math.log(o / (r * k / n) + EPS) for o, (r, k) in zip(cells, margins))
    if not a > expected[0]:
        g2 = -g2
    return g2, float(chi2.sf(abs(g2), 1))


CASES = [
    (30, 5, 10000, 8000),
    (5, 30, 10000, 8000),
    (1, 0, 500, 700),
    (0, 4, 500, 700),
    (3, 1, 1000, 1000),
    (2, 2, 1000, 1000),
    (120, 80, 50000, 50000),
    (7, 400, 2000, 90000),
    (1, 1, 30, 5000000),
    (250, 3, 40000, 60000),
    (10, 0, 10, 100),
    (4, 6, 12, 12),
]

if __name__ == "__main__":
    print("a,b,total_a,total_b,g2,p")
    for a, b, ta, tb in CASES:
        g2, p = lr(a, b, ta, tb)
        print(f"{a},{b},{ta},{tb},{g2!r},{p!r}")
