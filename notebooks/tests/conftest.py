"""Fixtures of the Python suite: a framing binary and two fresh outputs.

- example_out: the example corpus as two nights (examples/venezuela.jsonl on
  2026-01-20, examples/venezuela-dir on 2026-01-21, window 2d, --matches),
  as the Go integration tests run it.
- sharded_out: example_out with each article-level partition split into
  three part files, as framing-beam writes them (scripts/reshard).
- many_out: a generated corpus of 500 outlets with a long tail (few large
  outlets, hundreds with one article; long outlet names) and a few bad
  records, one night; the recipe is many.args.

FRAMING_BIN names a built binary (the Go runner in integration/ passes its
own); without it the fixture builds one with `go build`. FRAMING_MANY_OUT
names an existing many-outlet output to reuse (the Go runner makes one and
shares it with the report test); FRAMING_EXAMPLE_OUT likewise an example
output made as above.
"""
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]



def many_args():
    """The gencorpus flags and framing run flags of the many-outlet corpus,
    from many.args, which integration/many_test.go reads too."""
    lines = [l.split() for l in (Path(__file__).with_name("many.args")).read_text().splitlines()
             if l.strip() and not l.startswith("#")]
    return lines[0], lines[1]


def run(cmd, **kw):
    """Runs cmd from the repository root and fails the test with its output."""
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        pytest.fail(f"{' '.join(map(str, cmd))}: exit {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


@pytest.fixture(scope="session")
def framing_bin(tmp_path_factory):
    if os.environ.get("FRAMING_BIN"):
        return Path(os.environ["FRAMING_BIN"])
    b = tmp_path_factory.mktemp("bin") / "framing"
    run(["go", "build", "-o", str(b), "./cmd/framing"])
    return b


@pytest.fixture(scope="session")
def example_out(framing_bin, tmp_path_factory):
    if os.environ.get("FRAMING_EXAMPLE_OUT"):
        return Path(os.environ["FRAMING_EXAMPLE_OUT"])
    out = tmp_path_factory.mktemp("example") / "out"
    for date, inp in [("2026-01-20", "examples/venezuela.jsonl"), ("2026-01-21", "examples/venezuela-dir")]:
        run([framing_bin, "run", "--input", inp, "--out", out, "--run-date", date, "--window", "2d",
             "--matches", "--quiet"])
    return out


@pytest.fixture(scope="session")
def sharded_out(example_out, tmp_path_factory):
    """example_out with every partition of the article-level tables split
    into three part files, part-00000.parquet to part-00002.parquet, written
    by framing's Parquet writer as framing-beam writes its shards
    (scripts/reshard), so that the readers are tested on sharded partitions
    without building Beam."""
    out = tmp_path_factory.mktemp("sharded") / "out"
    run(["go", "run", "./scripts/reshard", "-in", example_out, "-out", out, "-shards", "3"])
    return out


@pytest.fixture(scope="session")
def many_out(framing_bin, tmp_path_factory):
    if os.environ.get("FRAMING_MANY_OUT"):
        return Path(os.environ["FRAMING_MANY_OUT"])
    gen, flags = many_args()
    d = tmp_path_factory.mktemp("many")
    corpus = d / "many.jsonl"
    with open(corpus, "w") as f:
        p = subprocess.run(["go", "run", "./scripts/gencorpus", *gen], cwd=ROOT, stdout=f,
                           stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        pytest.fail(f"gencorpus: {p.stderr}")
    out = d / "out"
    run([framing_bin, "run", "--input", corpus, "--out", out, *flags])
    return out


@pytest.fixture(scope="session", params=["example", "many"])
def out(request):
    """Each of the two outputs in turn."""
    return request.getfixturevalue(request.param + "_out")


def schema_doc():
    """Parses docs/schema.md: {table: [(column, duckdb_type, nullable)]}, in
    file order, from each "### `table`" section's column table."""
    head = re.compile(r"^### `([a-z_]+)`")
    row = re.compile(r"^\| `([a-z0-9_]+)` \| ([A-Z ]+?) \| (yes|no) \|")
    tables, cur = {}, None
    for line in (ROOT / "docs" / "schema.md").read_text().splitlines():
        if m := head.match(line):
            cur = m.group(1)
            continue
        if line.startswith("## "):
            cur = None
        if cur and (m := row.match(line)):
            tables.setdefault(cur, []).append((m.group(1), m.group(2), m.group(3) == "yes"))
    return tables


def reader_types():
    """Parses the "What each reader gives" table of docs/schema.md:
    {(duckdb_type, nullable): {reader: type}}."""
    text = (ROOT / "docs" / "schema.md").read_text()
    sect = text.split("### What each reader gives", 1)[1].split("\n#", 1)[0]
    rows = [l for l in sect.splitlines() if l.startswith("| ") and not l.startswith("| ---")]
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    out = {}
    for l in rows[1:]:
        cells = [c.strip().strip("`") for c in l.strip("|").split("|")]
        rec = dict(zip(header, cells))
        out[(rec["DuckDB"], rec["null"] == "yes")] = rec
    return out
