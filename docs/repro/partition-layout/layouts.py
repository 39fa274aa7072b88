"""Builds candidate partition layouts from a framing output and reads each
with pandas, pyarrow.dataset, polars and DuckDB (Python and CLI): the
measurements behind "Partition directories named by value" in
docs/decisions.md.

    python layouts.py SRC DST DUCKDB_CLI

SRC is an output in the layout of schema version 1 (run_date=… and window=…
directories), DST a scratch directory for the candidates; run it with the
packages of notebooks/requirements.txt. It rewrites three tables (frames,
rejects, outlet_stats) with pyarrow: the partition column kept in the file
or not, directories named key=value or value, with or without the pandas
footer key.
"""
import json, os, shutil, subprocess, sys
import pyarrow as pa, pyarrow.parquet as pq, pyarrow.dataset as ds
import pandas as pd, polars as pl, duckdb

SRC = sys.argv[1]
DST = sys.argv[2]
CLI = sys.argv[3]
TABLES = ["frames", "rejects", "outlet_stats"]

def pandas_meta(schema):
    cols = []
    for f in schema:
        t = f.type
        if pa.types.is_int64(t):
            nt = "Int64" if f.nullable else "int64"
        elif pa.types.is_date32(t):
            nt = "date32[day][pyarrow]"
        else:
            continue
        cols.append({"name": f.name, "field_name": f.name, "pandas_type": "date" if "date" in nt else "int64",
                     "numpy_type": nt, "metadata": None})
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": cols, "creator": {"library": "framing"}, "pandas_version": "3.1.1"})

def build(name, keep_col, dirname, pmeta=False):
    root = os.path.join(DST, name)
    shutil.rmtree(root, ignore_errors=True)
    for t in TABLES:
        for part in sorted(os.listdir(os.path.join(SRC, t))):
            key, val = part.split("=", 1)
            tb = pq.read_table(os.path.join(SRC, t, part, "part-00000.parquet"), partitioning=None)
            if not keep_col:
                tb = tb.drop_columns([key])
            md = dict(tb.schema.metadata or {})
            md.pop(b"pandas", None)
            if pmeta:
                md[b"pandas"] = pandas_meta(tb.schema).encode()
            tb = tb.replace_schema_metadata(md)
            d = os.path.join(root, t, dirname(key, val))
            os.makedirs(d, exist_ok=True)
            pq.write_table(tb, os.path.join(d, "part-00000.parquet"))
    return root

def attempt(f):
    try:
        return f()
    except Exception as e:
        return "ERROR " + type(e).__name__ + ": " + str(e).splitlines()[0][:150]

def describe_pandas(df):
    if isinstance(df, str): return df
    return {c: str(df[c].dtype) + ("(" + type(df[c].dropna().iloc[0]).__name__ + ")" if str(df[c].dtype) == "object" and df[c].notna().any() else "") for c in df.columns if c in ("run_date", "window", "published", "line", "n_a", "hits", "window_start", "outlet")} | {"rows": len(df)}

def describe_arrow(tb):
    if isinstance(tb, str): return tb
    return {f.name: str(f.type) for f in tb.schema if f.name in ("run_date", "window", "line", "hits", "window_start", "n_a", "outlet")} | {"rows": tb.num_rows, "ncols": tb.num_columns, "names_unique": len(set(tb.schema.names)) == tb.num_columns}

def describe_polars(df):
    if isinstance(df, str): return df
    return {c: str(t) for c, t in df.schema.items() if c in ("run_date", "window", "line", "hits", "window_start", "n_a", "outlet")} | {"rows": df.height, "ncols": df.width}

def describe_duck(rel):
    if isinstance(rel, str): return rel
    return {n: str(t) for n, t in zip(rel.columns, rel.types) if n in ("run_date", "window", "line", "hits", "window_start", "n_a", "outlet")} | {"ncols": len(rel.columns)}

layouts = {
    "A hive, column in path and file (today)": dict(keep_col=True, dirname=lambda k, v: f"{k}={v}"),
    "B hive, column in path only": dict(keep_col=False, dirname=lambda k, v: f"{k}={v}"),
    "C plain dir name, column in file": dict(keep_col=True, dirname=lambda k, v: v),
    "D plain dir name, column in file, pandas metadata": dict(keep_col=True, dirname=lambda k, v: v, pmeta=True),
}
for i, (name, kw) in enumerate(layouts.items()):
    root = build(chr(ord("a") + i), **kw)
    print("=" * 20, name)
    for t in TABLES:
        p = os.path.join(root, t)
        g = p + "/*/*.parquet"
        print("--", t)
        print("  pd.read_parquet(dir)           ", describe_pandas(attempt(lambda: pd.read_parquet(p))))
        print("  pd.read_parquet(dir, pyarrow)  ", describe_pandas(attempt(lambda: pd.read_parquet(p, dtype_backend="pyarrow"))))
        print("  pd.read_parquet(dir, nullable) ", describe_pandas(attempt(lambda: pd.read_parquet(p, dtype_backend="numpy_nullable"))))
        print("  ds.dataset(hive).to_table()    ", describe_arrow(attempt(lambda: ds.dataset(p, partitioning="hive").to_table())))
        print("  pl.scan_parquet(hive=True)     ", describe_polars(attempt(lambda: pl.scan_parquet(p + "/**/*.parquet", hive_partitioning=True).collect())))
        print("  duckdb read_parquet(hive=true) ", describe_duck(attempt(lambda: duckdb.sql(f"SELECT * FROM read_parquet('{g}', hive_partitioning = true)"))))
        r = subprocess.run([CLI, "-csv", "-c", f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{g}', hive_partitioning = true)) WHERE column_name IN ('run_date','window','line','hits')"], capture_output=True, text=True)
        print("  duckdb CLI                     ", (r.stdout + r.stderr).replace("\n", "; ")[:200])
