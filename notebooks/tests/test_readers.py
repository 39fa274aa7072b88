"""Every table of a fresh output, read by the four readers researchers use,
with no arguments beyond the documented one-liners of docs/schema.md:

- pandas:   pd.read_parquet(OUT / table)                                (pyarrow engine)
- pyarrow:  pyarrow.dataset.dataset(OUT / table, partitioning="hive").to_table()
- polars:   polars.scan_parquet(f"{OUT}/{table}/**/*.parquet", hive_partitioning=True).collect()
- DuckDB:   read_parquet('OUT/table/*/*.parquet', hive_partitioning = true), in Python and in the CLI

All must give the columns of docs/schema.md once each, in order, with the
types docs/schema.md says each reader gives, the same row count and the same
non-null count per column.
"""
import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from conftest import reader_types, schema_doc

SCHEMA = schema_doc()
TYPES = reader_types()


def duckdb_cli():
    """The DuckDB shell of the venv (PyPI package duckdb-cli)."""
    p = Path(sys.executable).with_name("duckdb")
    if p.exists():
        return str(p)
    found = shutil.which("duckdb")
    if not found:
        pytest.fail("no DuckDB CLI: install notebooks/requirements.txt (duckdb-cli)")
    return found


def glob(out, table):
    return f"{out}/{table}/*/*.parquet"


def read_pandas(out, table):
    df = pd.read_parquet(out / table)
    return list(df.columns), {c: str(t) for c, t in df.dtypes.items()}, len(df), {c: int(n) for c, n in df.count().items()}


def read_pyarrow(out, table):
    t = ds.dataset(out / table, partitioning="hive").to_table()
    return (t.column_names, {f.name: str(f.type) for f in t.schema}, t.num_rows,
            {f.name: t.num_rows - t.column(f.name).null_count for f in t.schema})


def read_polars(out, table):
    df = pl.scan_parquet(f"{out}/{table}/**/*.parquet", hive_partitioning=True).collect()
    nulls = df.null_count().row(0, named=True)
    return (df.columns, {c: str(t) for c, t in df.schema.items()}, df.height,
            {c: df.height - nulls[c] for c in df.columns})


def count_sql(out, table, cols):
    counts = ", ".join(f'count("{c}") AS "{c}"' for c in cols)
    return f"SELECT count(*) AS n_rows, {counts} FROM read_parquet('{glob(out, table)}', hive_partitioning = true)"


def read_duckdb(out, table):
    con = duckdb.connect()
    desc = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{glob(out, table)}', hive_partitioning = true)").fetchall()
    cols = [r[0] for r in desc]
    row = con.execute(count_sql(out, table, cols)).fetchall()[0]
    return cols, {r[0]: r[1] for r in desc}, row[0], dict(zip(cols, row[1:]))


def read_duckdb_cli(out, table):
    def q(sql):
        p = subprocess.run([duckdb_cli(), "-json", "-c", sql], capture_output=True, text=True)
        if p.returncode != 0:
            pytest.fail(f"duckdb CLI: {p.stderr}")
        return json.loads(p.stdout)
    desc = q(f"DESCRIBE SELECT * FROM read_parquet('{glob(out, table)}', hive_partitioning = true)")
    cols = [r["column_name"] for r in desc]
    row = q(count_sql(out, table, cols))[0]
    return cols, {r["column_name"]: r["column_type"] for r in desc}, row["n_rows"], {c: row[c] for c in cols}


READERS = {"pandas": read_pandas, "pyarrow": read_pyarrow, "polars": read_polars,
           "DuckDB": read_duckdb, "DuckDB CLI": read_duckdb_cli}


@pytest.mark.parametrize("table", sorted(SCHEMA))
def test_readers_agree(out, table):
    if not (out / table).exists():
        pytest.fail(f"{out} has no table {table}")
    want_cols = [c for c, _, _ in SCHEMA[table]]
    results = {name: f(out, table) for name, f in READERS.items()}
    ref_rows = results["DuckDB"][2]
    ref_counts = results["DuckDB"][3]
    assert ref_rows > 0, f"{table} is empty"
    for name, (cols, types, rows, nonnull) in results.items():
        # The partition column once, every column of docs/schema.md in order.
        assert cols == want_cols, f"{name}: columns of {table}"
        want_types = {c: TYPES[(t, null)][name.replace(" CLI", "")] for c, t, null in SCHEMA[table]}
        assert types == want_types, f"{name}: types of {table}"
        assert rows == ref_rows, f"{name}: rows of {table}"
        assert nonnull == ref_counts, f"{name}: non-null counts of {table}"


def test_dates_are_dates(example_out):
    """run_date and published hold calendar days in every reader, equal to
    the partition's name."""
    a = pd.read_parquet(example_out / "articles")
    assert {str(d) for d in a["run_date"].unique()} == {"2026-01-20", "2026-01-21"}
    assert a["published"].dtype == pd.ArrowDtype(pa.date32())
    assert isinstance(a["published"].dropna().iloc[0], datetime.date)
    # An unparseable date is null in published and kept as text in date_raw.
    assert (a["published"].isna() & a["date_raw"].notna()).sum() > 0
    p = pl.scan_parquet(f"{example_out}/articles/**/*.parquet", hive_partitioning=True).collect()
    assert p["run_date"].dtype == pl.Date
    assert sorted(str(d) for d in p["run_date"].unique()) == ["2026-01-20", "2026-01-21"]


def test_partition_names_match_rows(out):
    """Each partition directory holds only rows of its own partition value,
    so a file read alone is complete and agrees with its path."""
    for table in SCHEMA:
        if not (out / table).exists():
            continue
        key = "window" if "window" in [c for c, _, _ in SCHEMA[table]] else "run_date"
        for part in sorted(p for p in (out / table).iterdir() if not p.name.startswith(".")):
            files = sorted(part.glob("*.parquet"))
            assert files, f"{part} holds no Parquet file"
            values = set()
            for f in files:
                col = pq.read_table(f, columns=[key], partitioning=None).column(key)
                values |= {str(v) for v in col.to_pylist()}
            assert values <= {part.name.split("=")[-1]}, f"{part}: rows of {values}"


# The article-level tables, which framing-beam writes as several part files
# per partition (docs/scale-out.md); runs stays one file.
SHARDED = sorted(t for t, cols in SCHEMA.items() if cols[0][0] == "run_date" and t != "runs")


@pytest.mark.parametrize("table", SHARDED)
def test_sharded_partitions(example_out, sharded_out, table):
    """A partition of several part-NNNNN.parquet shards reads, in every
    reader, as the single file `framing run` wrote: the same columns, types,
    row count and non-null counts, and the same rows."""
    for part in sorted((sharded_out / table).iterdir()):
        n_rows = pq.read_table(example_out / table / part.name / "part-00000.parquet").num_rows
        files = sorted(f.name for f in part.iterdir())
        assert files == [f"part-{i:05d}.parquet" for i in range(min(3, max(1, n_rows)))], part
    assert any(len(list(p.iterdir())) > 1 for p in (sharded_out / table).iterdir()), f"{table}: no sharded partition"
    for name, f in READERS.items():
        assert f(sharded_out, table) == f(example_out, table), f"{name} reads {table} differently from shards"
    con = duckdb.connect()
    one, sharded = (f"SELECT * FROM read_parquet('{glob(o, table)}', hive_partitioning = true)"
                    for o in (example_out, sharded_out))
    for a, b in ((one, sharded), (sharded, one)):
        assert con.execute(f"SELECT count(*) FROM ({a} EXCEPT ALL {b})").fetchone()[0] == 0, f"{table}: rows differ"
    key = lambda df: df.astype(str).sort_values(list(df.columns)).reset_index(drop=True)
    pd.testing.assert_frame_equal(key(pd.read_parquet(example_out / table)), key(pd.read_parquet(sharded_out / table)))
