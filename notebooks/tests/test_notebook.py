"""notebooks/framing.ipynb: committed without outputs, as make_notebook.py
writes it, and executed end to end (nbclient) on the example output and on a
500-outlet output without a failing cell, with charts whose labels neither
overlap nor leave their figure."""
import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE.parent / "framing.ipynb"
sys.path.insert(0, str(HERE.parent))
import make_notebook  # noqa: E402


def test_committed_notebook_is_generated_and_clear():
    text = NOTEBOOK.read_text(encoding="utf-8")
    assert text == make_notebook.text(), "framing.ipynb differs from make_notebook.py: run python3 notebooks/make_notebook.py"
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    for c in nb.cells:
        if c.cell_type == "code":
            assert c.outputs == [] and c.execution_count is None, f"{c.id} has outputs"
    assert len(text) < 30_000, f"framing.ipynb is {len(text)} bytes"


def execute(out, tmp_path, top_n=None):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Keep figures open so that the last cell can measure their labels.
    nb.cells.insert(0, nbformat.v4.new_code_cell("%config InlineBackend.close_figures = False"))
    nb.cells.append(nbformat.v4.new_code_cell((HERE / "legibility.py").read_text()))
    env = {"FRAMING_OUT": str(out)}
    if top_n:
        env["FRAMING_TOP_N"] = str(top_n)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def outputs(nb, kind):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == kind or
            (kind == "image" and "image/png" in o.get("data", {}))]


@pytest.mark.parametrize("which,top_n", [("example", None), ("many", None), ("many", 40)])
def test_notebook_runs_and_reads(request, which, top_n, tmp_path):
    out = request.getfixturevalue(which + "_out")
    nb = execute(out, tmp_path, top_n)
    assert not outputs(nb, "error")
    # Profiles, trends and the PCA map always; the pairs chart when some
    # pair differs (the generated corpus has no outlet-specific framing, so
    # its 500 outlets may have none), else the notebook says so.
    text = "".join(o.get("text", "") for o in outputs(nb, "stream"))
    pairs = "No pair of outlets differs significantly" not in text
    assert "significant pair(s) in window" in text, text
    images = outputs(nb, "image")
    assert len(images) >= 3 + pairs, f"{len(images)} charts"
    last = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    line = [l for l in last.splitlines() if l.startswith("LEGIBILITY ")]
    assert line, last
    res = json.loads(line[0][len("LEGIBILITY "):])
    assert res["figures"] == 3 + pairs
    assert res["problems"] == [], "\n".join(res["problems"])
