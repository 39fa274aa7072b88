#!/usr/bin/env python3
"""Writes notebooks/framing.ipynb, cleared of outputs.

The notebook is made here, as plain Python strings, so that its code is
reviewed as code and the committed file stays small and diffable. Run it after
editing: python3 notebooks/make_notebook.py. notebooks/tests/test_notebook.py
checks that the committed notebook is what this script writes, executes it on
the example output and on a 500-outlet output, and checks its charts' labels.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

CELLS = [
    ("md", """# framing: one window, the largest outlets

This notebook reads the Parquet tables that `framing run` writes, with pandas (the tables load as they are,
`pd.read_parquet(OUT / "frames")`; see `docs/schema.md`) and DuckDB. It looks at **one statistics window**,
shows the **N largest outlets** of it, their frame profiles with intervals, **trends by publication date**,
the **pairs of outlets that differ significantly**, with effect sizes, and the PCA map.

Set the parameters in the next cell. `OUT` is the `--out` directory of your runs (environment variable
`FRAMING_OUT`, default `../out`, the repository's `out/` seen from `notebooks/`).
"""),
    ("code", """import os
from pathlib import Path

OUT = Path(os.environ.get("FRAMING_OUT", "../out"))
TOP_N = int(os.environ.get("FRAMING_TOP_N", 12))   # outlets shown: the N with the most articles in the window
WINDOW = os.environ.get("FRAMING_WINDOW")          # a window FROM_TO; None: the latest (ending last, then longest)
ALPHA = 0.05                                       # significance level for Holm-adjusted p-values
MIN_ARTICLES = 5                                   # pairs of outlets with at least this many articles each
LABEL = 30                                         # outlet names are cut to this many characters in charts
"""),
    ("code", """import duckdb
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

plt.rcParams.update({"figure.dpi": 96, "font.size": 9, "figure.constrained_layout.use": True})


def short(name, n=LABEL):
    \"\"\"Cuts a label to n characters, with an ellipsis, so that long outlet names cannot overlap.\"\"\"
    return name if len(name) <= n else name[: n - 1] + "…"
"""),
    ("md", """## The window

Statistics tables hold one partition per window. Every statement below is about the window chosen here;
mixing windows would count the same articles twice.
"""),
    ("code", """stats_all = pd.read_parquet(OUT / "outlet_stats")
windows = (stats_all[["window", "window_start", "window_end"]].drop_duplicates()
           .assign(days=lambda d: [(e - s).days + 1 for s, e in zip(d.window_start, d.window_end)])
           .sort_values(["window_end", "days"], ascending=False))
window = WINDOW or windows.window.iloc[0]
w = windows.set_index("window").loc[window]
stats = stats_all[stats_all.window == window]
print(f"{len(windows)} window(s) in {OUT}; this notebook looks at {window} "
      f"({w.days} run date(s), {w.window_start} to {w.window_end})")
windows
"""),
    ("md", """## The largest outlets

Outlets ranked by their articles in the window. Small outlets are not dropped from the statistics, only from
the charts; the last line says how much of the window the charts leave out.
"""),
    ("code", """articles_all = pd.read_parquet(OUT / "articles")
articles = articles_all[(articles_all.run_date >= w.window_start) & (articles_all.run_date <= w.window_end)]
sizes = articles.groupby("outlet").size().rename("articles").reset_index()
sizes = sizes.sort_values(["articles", "outlet"], ascending=[False, True]).reset_index(drop=True)
top = sizes.head(TOP_N).outlet.tolist()
sizes["share"] = (sizes.articles / sizes.articles.sum()).round(3)
print(f"{len(articles)} articles from {len(sizes)} outlets; {(sizes.articles == 1).sum()} outlets have one article. "
      f"The {len(top)} largest hold {sizes.head(TOP_N).articles.sum() / len(articles):.0%} of the articles.")
sizes.head(TOP_N)
"""),
    ("md", """## Frame profiles of the largest outlets

Mean hits per 1,000 tokens of each dimension, with the percentile-bootstrap 95 % interval of the mean
(`boot_ci_low`, `boot_ci_high`). Bootstrap intervals stay within the range of the data, so they never go
below zero as t intervals of outlets with two or three articles do. The axis is cut at the 95th percentile of
the upper ends; an interval that runs past it ends in an arrow. An outlet with one article has no interval.
"""),
    ("code", """prof = stats[stats.outlet.isin(top)].copy()
dims = sorted(prof.dimension.unique())
order = {o: i for i, o in enumerate(top)}
prof["y"] = prof.outlet.map(order)
cap = float(np.nanpercentile(prof.boot_ci_high.astype(float), 95)) if prof.boot_ci_high.notna().any() else 1.0
cap = max(cap, float(prof["mean"].max() or 0)) * 1.05 or 1.0
fig, axes = plt.subplots(1, len(dims), figsize=(2.6 * len(dims) + 2.5, 0.32 * len(top) + 1.4), sharey=True)
for ax, dim in zip(np.atleast_1d(axes), dims):
    d = prof[prof.dimension == dim]
    lo = d.boot_ci_low.astype(float).clip(lower=0, upper=cap)
    hi = d.boot_ci_high.astype(float).clip(upper=cap)
    ax.hlines(d.y, lo, hi, color="tab:blue", lw=1.5)
    ax.plot(d["mean"].clip(upper=cap), d.y, "o", color="tab:blue", ms=4)
    over = d[d.boot_ci_high.astype(float) > cap]
    ax.plot([cap] * len(over), over.y, ">", color="tab:blue", ms=5)
    ax.set_title(dim)
    ax.set_xlim(0, cap * 1.02)
    ax.set_xlabel("per 1,000 tokens")
    ax.grid(axis="x", alpha=0.3)
first = np.atleast_1d(axes)[0]
first.set_yticks(range(len(top)), [f"{short(o)} ({n})" for o, n in zip(top, sizes.head(TOP_N).articles)])
first.invert_yaxis()
fig.suptitle(f"Frame profiles, window {window}: mean and bootstrap 95 % interval (axis cut at {cap:.1f})")
plt.show()
"""),
    ("md", """## Trends by publication date

Mean hits per 1,000 tokens by the day the articles were **published** (not the night they were collected),
for the largest outlets (at most six, for a legend that can be read) and all other outlets together. Over
more than a month of dates, weeks are averaged instead of days, over more than half a year calendar months,
and the earliest and latest 1 % of the dates are left out. Articles without a date are left out.
"""),
    ("code", """frames = pd.read_parquet(OUT / "frames")
frames = frames.merge(articles[["run_date", "article_id", "published"]], on=["run_date", "article_id"])
dated = frames[frames.published.notna()].copy()
dated["published"] = pd.to_datetime(dated.published.astype("datetime64[s]"))
span = (dated.published.max() - dated.published.min()).days if len(dated) else 0
note = ""
if span > 182:  # a few misdated articles would stretch the axis for years
    lo, hi = dated.published.quantile([0.01, 0.99])
    keep = dated.published.between(lo, hi)
    note = f"; the earliest and latest 1 % ({(~keep).sum() // max(1, len(dims))} articles) left out"
    dated = dated[keep]
    span = (dated.published.max() - dated.published.min()).days
freq = "D" if span <= 31 else "W" if span <= 182 else "MS"
lines = top[:6]
dated["who"] = dated.outlet.where(dated.outlet.isin(lines), "all other outlets")
trend = (dated.groupby(["dimension", "who", pd.Grouper(key="published", freq=freq)]).per_1k.mean()
         .rename("per_1k").reset_index())
print(f"{len(dated)} of {len(frames)} frame rows have a publication date{note}; {span + 1} days, "
      f"{dict(D='daily', W='weekly', MS='monthly')[freq]} means")
ncol = min(2, len(dims))
nrow = -(-len(dims) // ncol)
fig, axes = plt.subplots(nrow, ncol, figsize=(11, 3.0 * nrow + 1.0), sharex=True, squeeze=False)
for ax, dim in zip(axes.flat, dims):
    for who in lines + ["all other outlets"]:
        d = trend[(trend.dimension == dim) & (trend.who == who)]
        if len(d):
            ax.plot(d.published, d.per_1k, marker="o", ms=3, lw=1,
                    label=short(who), color="grey" if who == "all other outlets" else None)
    ax.set_title(dim)
    ax.set_ylabel("per 1,000 tokens")
    loc = mdates.AutoDateLocator(maxticks=6)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
for ax in axes.flat[len(dims):]:
    ax.set_visible(False)
handles, labels = axes.flat[0].get_legend_handles_labels()
fig.legend(handles, labels, loc="outside lower center", ncol=3, frameon=False)
fig.suptitle(f"Trends by publication date, window {window}")
plt.show()
"""),
    ("md", """## Outlets that differ

Pairs of outlets whose mean per_1k differs on a dimension with a Holm-adjusted p below `ALPHA` (Welch's t
within the dimension), strongest effects (Hedges' g) first, between outlets with at least `MIN_ARTICLES` articles
each: with two or three articles an outlet's variance is small and its g large by chance. `diff_ci_low` and `diff_ci_high` are the Welch
95 % interval of the difference. The query runs in DuckDB on the same files.
"""),
    ("code", """pairs = duckdb.sql(f\"\"\"
SELECT dimension, outlet_a, outlet_b, n_a, n_b,
       round(mean_diff, 2) AS mean_diff, round(diff_ci_low, 2) AS diff_ci_low, round(diff_ci_high, 2) AS diff_ci_high,
       round(hedges_g, 2) AS hedges_g, round(cliffs_delta, 2) AS cliffs_delta, p_holm
FROM read_parquet('{OUT}/outlet_pairs/*/*.parquet')
WHERE "window" = '{window}' AND p_holm < {ALPHA} AND n_a >= {MIN_ARTICLES} AND n_b >= {MIN_ARTICLES}
ORDER BY abs(hedges_g) DESC, dimension, outlet_a, outlet_b
\"\"\").df()
print(f"{len(pairs)} significant pair(s) in window {window}")
pairs.head(15)
"""),
    ("code", """if len(pairs):
    sig = pairs.head(15).iloc[::-1]
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(sig) + 1.4))
    y = np.arange(len(sig))
    ax.hlines(y, sig.diff_ci_low, sig.diff_ci_high, color="tab:red", lw=1.5)
    ax.plot(sig.mean_diff, y, "o", color="tab:red", ms=4)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks(y, [f"{short(a, 22)} − {short(b, 22)}, {d} (g {g:+.1f})"
                      for a, b, d, g in zip(sig.outlet_a, sig.outlet_b, sig.dimension, sig.hedges_g)])
    ax.set_xlabel("difference of mean per 1,000 tokens, Welch 95 % interval")
    fig.suptitle(f"The {len(sig)} strongest significant differences, window {window}")
    plt.show()
else:
    print("No pair of outlets differs significantly in this window.")
"""),
    ("md", """## PCA map

Centroids of the largest outlets on the first two principal components of the articles' standardized
dimension densities, with the loadings that give the components their meaning. Names stand in a column
beside the map, joined to their points, so that they cannot overlap however close the points are.
"""),
    ("code", """pca = pd.read_parquet(OUT / "pca")
pca = pca[pca.window == window]
cent = pca[(pca.kind == "centroid") & pca.outlet.isin(top)].pivot_table(index="outlet", columns="component", values="value")
load = pca[pca.kind == "loading"].pivot_table(index="dimension", columns="component", values="value")
var = pca[pca.kind == "variance"].set_index("component").value
if {1, 2} <= set(cent.columns):
    from matplotlib.patches import ConnectionPatch

    fig, (ax, axn, axl) = plt.subplots(1, 3, figsize=(12, max(4.0, 0.28 * len(cent) + 1.5)),
                                       width_ratios=[3, 1.4, 1.3])
    ax.scatter(cent[1], cent[2], s=18)
    ax.axhline(0, color="grey", lw=0.5)
    ax.axvline(0, color="grey", lw=0.5)
    ax.set_xlabel(f"PC1 ({var.get(1, float('nan')):.0%} of variance)")
    ax.set_ylabel(f"PC2 ({var.get(2, float('nan')):.0%} of variance)")
    axn.set_axis_off()
    c = cent.sort_values(2, ascending=False)
    ys = np.linspace(0.98, 0.02, len(c)) if len(c) > 1 else [0.5]
    for (outlet, row), yl in zip(c.iterrows(), ys):
        axn.text(0.04, yl, short(outlet), transform=axn.transAxes, va="center", fontsize=8)
        line = ConnectionPatch(xyA=(0.03, yl), coordsA=axn.transAxes, xyB=(row[1], row[2]), coordsB=ax.transData,
                               color="grey", lw=0.5)
        line.set_in_layout(False)
        fig.add_artist(line)
    load[[1, 2]].plot.barh(ax=axl, color=["tab:blue", "tab:orange"])
    axl.set_title("loadings")
    axl.set_ylabel("")
    axl.legend(["PC1", "PC2"], loc="lower right", fontsize=8)
    fig.suptitle(f"The largest outlets on PC1 and PC2, window {window}")
    plt.show()
else:
    print("No PCA in this window:", "; ".join(pca.note.dropna().unique()))
"""),
]


def cell(kind, src, i):
    c = {"cell_type": "markdown" if kind == "md" else "code", "id": f"cell-{i:02d}", "metadata": {},
         "source": src.splitlines(keepends=True)}
    if kind == "code":
        c.update(execution_count=None, outputs=[])
    return c


def notebook():
    return {"cells": [cell(k, s, i) for i, (k, s) in enumerate(CELLS)],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def text():
    return json.dumps(notebook(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    with open(os.path.join(HERE, "framing.ipynb"), "w", encoding="utf-8") as f:
        f.write(text())
