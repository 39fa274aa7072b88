package job

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestVersionMatchesFraming keeps framing-beam's version constant equal to
// framing's: the version names the run (run_id), so a difference would give
// the same run two ids.
func TestVersionMatchesFraming(t *testing.T) {
	re := regexp.MustCompile(`(?m)^const version = "([^"]+)"`)
	version := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := re.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no `const version = \"...\"`", path)
		}
		return string(m[1])
	}
	root := repoRoot(t)
	f := version(filepath.Join(root, "cmd", "framing", "cli.go"))
	b := version(filepath.Join(root, "beam", "cmd", "framing-beam", "cli.go"))
	if f != b {
		t.Errorf("framing is version %s, framing-beam %s; make them equal", f, b)
	}
}
