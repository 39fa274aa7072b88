"""The README's two lines after set-up, run as a reader would type them:
`framing report` and the pandas one-liner, on the example output."""
import re
import shlex
import subprocess
import sys

from conftest import ROOT


def readme_lines():
    text = (ROOT / "README.md").read_text()
    block = next(b for b in re.findall(r"```sh\n(.*?)```", text, re.S) if "report --out out" in b)
    return [l for l in block.splitlines() if l.strip()]


def test_readme_report_and_pandas(framing_bin, example_out, tmp_path):
    lines = readme_lines()
    assert len(lines) == 2, lines
    report, pandas_line = lines
    (tmp_path / "out").symlink_to(example_out)
    cmd = shlex.split(report.split("  #")[0].replace("go run ./cmd/framing", str(framing_bin)))
    p = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    page = (tmp_path / "report.html").read_text()
    assert "How outlets framed the story" in page and "<svg" in page
    cmd = shlex.split(pandas_line)
    assert cmd[0] == "python3"
    p = subprocess.run([sys.executable, *cmd[1:]], cwd=tmp_path, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    for want in ["Petro Wire Daily", "oil_interest", "sovereignty", "El Diario del Caribe"]:
        assert want in p.stdout, p.stdout
