#!/usr/bin/env python3
"""Writes notebooks/framing.ipynb from notebooks/queries.sql.

The notebook's SQL cells are the queries of queries.sql, word for word, so the
two never drift apart; the Go test notebooks_test.go checks that they match.
Run it after editing queries.sql: python3 notebooks/make_notebook.py
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def queries():
    text = open(os.path.join(HERE, "queries.sql"), encoding="utf-8").read()
    blocks = re.split(r"^-- name: ", text, flags=re.M)[1:]
    out = []
    for b in blocks:
        name, rest = b.split("\n", 1)
        lines = rest.strip("\n").split("\n")
        comment = [l[3:] for l in lines if l.startswith("-- ")]
        sql = "\n".join(l for l in lines if not l.startswith("--")).strip()
        out.append((name.strip(), " ".join(comment), sql))
    return out


def md(src):
    return {"cell_type": "markdown", "metadata": {}, "source": src.splitlines(keepends=True)}


def code(src):
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": src.splitlines(keepends=True)}


def main():
    cells = [
        md("# framing: a first look at the output\n\n"
           "This notebook reads the Parquet tables that `framing run` writes, with DuckDB and pandas.\n"
           "Set `OUT` to the `--out` directory of your runs. The SQL cells are the queries of\n"
           "`notebooks/queries.sql`, which `make_notebook.py` copies here.\n"),
        code("import os\n\nimport duckdb\nimport matplotlib.pyplot as plt\nimport pandas as pd\n\n"
             "OUT = os.environ.get(\"FRAMING_OUT\", \"../out\")\n"
             "con = duckdb.connect()\n\n"
             "def q(sql):\n"
             "    \"\"\"Runs one query of queries.sql against OUT and returns a DataFrame.\"\"\"\n"
             "    return con.sql(sql.replace(\"'out/\", f\"'{OUT}/\")).df()\n"),
        md("## Load the tables\n"),
        code("def table(name):\n"
             "    return q(f\"SELECT * FROM read_parquet('out/{name}/*/*.parquet', hive_partitioning = true)\")\n\n"
             "articles = table(\"articles\")\nframes = table(\"frames\")\nstance = table(\"stance\")\n"
             "articles.head()\n"),
        md("## Articles × dimensions\n\nOne row per article, one column per dimension (hits per 1,000 tokens).\n"),
        code("wide = frames.pivot_table(index=[\"outlet\", \"article_id\"], columns=\"dimension\", values=\"per_1k\")\n"
             "wide.head()\n"),
    ]
    for name, comment, sql in queries():
        cells.append(md(f"## {name}\n\n{comment}\n"))
        cells.append(code(f"{name} = q(\"\"\"\n{sql}\n\"\"\")\n{name}.head(20)\n"))
        if name == "outlets_ranked":
            cells.append(code(
                "fig, axes = plt.subplots(1, outlets_ranked.dimension.nunique(), figsize=(16, 4), sharey=True)\n"
                "for ax, (dim, d) in zip(axes, outlets_ranked.groupby(\"dimension\")):\n"
                "    d = d.sort_values(\"mean\")\n"
                "    ax.errorbar(d[\"mean\"], d[\"outlet\"], xerr=[d[\"mean\"] - d[\"ci_low\"], d[\"ci_high\"] - d[\"mean\"]], fmt=\"o\")\n"
                "    ax.set_title(dim)\n    ax.set_xlabel(\"per 1,000 tokens (95 % CI)\")\n"
                "plt.tight_layout()\n"))
        if name == "trends_over_nights":
            cells.append(code(
                "for dim, d in trends_over_nights.groupby(\"dimension\"):\n"
                "    d.pivot(index=\"run_date\", columns=\"outlet\", values=\"mean_per_1k\").plot(title=dim, marker=\"o\")\n"))
    cells.append(md("## PCA map\n\nOutlets' centroids on the first two principal components of the articles' "
                    "standardized dimension densities, with the dimensions' loadings as arrows.\n"))
    cells.append(code(
        "pca = table(\"pca\")\n"
        "cent = pca[pca.kind == \"centroid\"].pivot_table(index=\"outlet\", columns=\"component\", values=\"value\")\n"
        "load = pca[pca.kind == \"loading\"].pivot_table(index=\"dimension\", columns=\"component\", values=\"value\")\n"
        "fig, ax = plt.subplots(figsize=(7, 7))\n"
        "ax.scatter(cent[1], cent[2])\n"
        "for outlet, row in cent.iterrows():\n    ax.annotate(outlet, (row[1], row[2]))\n"
        "for dim, row in load.iterrows():\n"
        "    ax.arrow(0, 0, row[1], row[2], color=\"grey\", head_width=0.02)\n"
        "    ax.annotate(dim, (row[1], row[2]), color=\"grey\")\n"
        "ax.set_xlabel(\"PC1\")\nax.set_ylabel(\"PC2\")\n"))
    nb = {"cells": cells,
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    for i, c in enumerate(nb["cells"]):
        c["id"] = f"cell-{i:02d}"
    with open(os.path.join(HERE, "framing.ipynb"), "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
