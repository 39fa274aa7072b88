package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Paths shared by the tests: the built binary and an output directory holding
// two nightly runs of the example corpus.
var (
	binary string
	outDir string
	root   = ".."
)

// TestMain builds the real binary once and runs it twice on the examples, as
// two nights, so that every test reads the same output.
func TestMain(m *testing.M) {
	code, err := setup()
	if err != nil {
		fmt.Fprintln(os.Stderr, "integration setup:", err)
		os.Exit(1)
	}
	code = m.Run()
	os.RemoveAll(filepath.Dir(binary))
	os.Exit(code)
}

func setup() (int, error) {
	tmp, err := os.MkdirTemp("", "framing-integration-")
	if err != nil {
		return 0, err
	}
	binary = filepath.Join(tmp, "framing")
	outDir = filepath.Join(tmp, "out")
	build := exec.Command("go", "build", "-o", binary, "./cmd/framing")
	build.Dir = root
	if b, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, b)
	}
	for _, night := range []struct{ date, input string }{
		{"2026-01-20", "examples/venezuela.jsonl"},
		{"2026-01-21", "examples/venezuela-dir"},
	} {
		cmd := exec.Command(binary, "run", "--input", night.input, "--out", outDir,
			"--run-date", night.date, "--window", "2d", "--quiet")
		cmd.Dir = root
		if b, err := cmd.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("framing run %s: %v\n%s", night.date, err, b)
		}
	}
	return 0, nil
}

// framing runs the built binary and returns its exit code and output.
func framing(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = root
	b, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(b)
	}
	if err != nil {
		t.Fatalf("running framing: %v", err)
	}
	return 0, string(b)
}

func abs(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

func readText(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(abs(rel))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}
