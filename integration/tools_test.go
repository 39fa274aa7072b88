package integration

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// requireToolsEnv, when set (.ci/run sets it), turns a missing Python
// environment or Chromium into a test failure instead of a skip, so that CI
// cannot pass without running the Python suite and the browser test.
const requireToolsEnv = "FRAMING_REQUIRE_TOOLS"

// missingTool skips the test, or fails it under FRAMING_REQUIRE_TOOLS,
// saying what is missing and how to get it.
func missingTool(t *testing.T, what string) {
	t.Helper()
	if os.Getenv(requireToolsEnv) != "" {
		t.Fatalf("%s (%s is set, so this is a failure)", what, requireToolsEnv)
	}
	t.Skipf("%s; set %s=1 to make this a failure", what, requireToolsEnv)
}

// python returns the interpreter of the project's virtual environment:
// $FRAMING_PYTHON, or .venv/bin/python at the repository root, where
// .ci/run installs notebooks/requirements.txt.
func python(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("FRAMING_PYTHON"); p != "" {
		return p
	}
	p, err := filepath.Abs(filepath.Join(root, ".venv", "bin", "python"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		missingTool(t, "no Python environment at "+p+" (python3 -m venv .venv && .venv/bin/pip install -r notebooks/requirements.txt) and FRAMING_PYTHON is not set")
	}
	return p
}

// many is an output of the many-outlet corpus of notebooks/tests/many.args,
// made once per test binary and shared by the Python suite and the report
// test.
var many struct {
	once sync.Once
	out  string
	err  error
}

func manyOutlets(t *testing.T) string {
	t.Helper()
	many.once.Do(func() { many.out, many.err = makeMany() })
	if many.err != nil {
		t.Fatal(many.err)
	}
	return many.out
}

func makeMany() (string, error) {
	recipe, err := os.ReadFile(abs("notebooks/tests/many.args"))
	if err != nil {
		return "", err
	}
	var args [][]string
	for _, l := range strings.Split(string(recipe), "\n") {
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			args = append(args, strings.Fields(l))
		}
	}
	if len(args) != 2 {
		return "", fmt.Errorf("notebooks/tests/many.args: want 2 lines of flags, got %d", len(args))
	}
	dir := filepath.Join(filepath.Dir(binary), "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	corpus := filepath.Join(dir, "many.jsonl")
	gen := exec.Command("go", append([]string{"run", "./scripts/gencorpus"}, args[0]...)...)
	gen.Dir = root
	f, err := os.Create(corpus)
	if err != nil {
		return "", err
	}
	var stderr bytes.Buffer
	gen.Stdout, gen.Stderr = f, &stderr
	err = gen.Run()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("gencorpus: %v\n%s", err, stderr.Bytes())
	}
	out := filepath.Join(dir, "out")
	run := exec.Command(binary, append([]string{"run", "--input", corpus, "--out", out}, args[1]...)...)
	run.Dir = root
	if b, err := run.CombinedOutput(); err != nil {
		return "", fmt.Errorf("framing run on the many-outlet corpus: %v\n%s", err, b)
	}
	return out, nil
}

// lastLines returns the last n lines of s, for logs that would be long.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
