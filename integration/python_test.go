package integration

import (
	"os"
	"os/exec"
	"testing"
)

// TestPythonSuite runs notebooks/tests (pytest) with the project's Python
// environment: pandas, pyarrow, polars and DuckDB read every table of a fresh
// run, and the notebook executes on the example and the 500-outlet output.
// It hands pytest this package's binary and many-outlet output so that
// neither is made twice. Without the environment it skips, or fails under
// FRAMING_REQUIRE_TOOLS (CI).
func TestPythonSuite(t *testing.T) {
	py := python(t)
	if testing.Short() {
		t.Skip("the Python suite takes a minute; not in -short")
	}
	cmd := exec.Command(py, "-m", "pytest", "notebooks/tests", "-q", "-p", "no:cacheprovider")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "FRAMING_BIN="+binary, "FRAMING_MANY_OUT="+manyOutlets(t))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pytest notebooks/tests: %v\n%s", err, out)
	}
	t.Logf("pytest notebooks/tests:\n%s", lastLines(string(out), 3))
}
