// Package framing_test holds repository-wide checks. deps_test.go turns the
// allowed import graph of docs/architecture.md into a test, as go/build's
// deps_test does for the standard library: a forbidden import fails the build
// here instead of being argued about in review.
package framing_test

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "framing"

// allowed lists, for every package, the project packages it may import.
var allowed = map[string][]string{
	"lexicon":           {},
	"corpus":            {},
	"model":             {},
	"output":            {},
	"features":          {"lexicon"},
	"stats":             {"model", "output"},
	"pipeline":          {"corpus", "features", "lexicon", "output", "stats"},
	"lexeval":           {"corpus", "features", "lexicon", "model"},
	"report":            {"output"},
	"cmd/framing":       {"pipeline", "stats", "output", "lexicon", "lexeval", "report"},
	"scripts/gencorpus": {},
	// Test fixtures: sharded copies of an output for the readers' tests;
	// the fault filesystem of the commit tests (imported by tests only).
	"scripts/reshard": {"output"},
	"output/faultfs":  {},
	// A CPU profile of a whole run (docs/performance.md).
	"scripts/runprof": {"pipeline"},
	// A validation program (docs/stance.md), run by hand on labeled data.
	"scripts/stancecheck": {"features", "lexicon", "model"},
}

// thirdParty names modules that only one package may use.
var thirdParty = map[string][]string{
	"gonum.org/v1/gonum":              {"model"},
	"github.com/apache/arrow-go/v18":  {"output"},
	"golang.org/x/text":               {"lexicon", "features"},
	"golang.org/x/sys":                {"output"},
	"github.com/xitongsys/parquet-go": {},
	"github.com/sajari/regression":    {},
	"github.com/duckdb/duckdb-go/v2":  {"internal/duckdbtest"},
}

func TestImportGraph(t *testing.T) {
	dirs := packageDirs(t)
	if len(dirs) < 6 {
		t.Fatalf("found only %d packages: %v", len(dirs), dirs)
	}
	for _, dir := range dirs {
		pkg, err := build.ImportDir(dir, build.ImportComment)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		rel := filepath.ToSlash(dir)
		// Tests may import more (e.g. a test helper), but production code may not.
		for _, imp := range pkg.Imports {
			checkImport(t, rel, imp)
		}
	}
}

func checkImport(t *testing.T, pkg, imp string) {
	t.Helper()
	if imp == module || strings.HasPrefix(imp, module+"/") {
		target := strings.TrimPrefix(imp, module+"/")
		if strings.HasPrefix(target, "internal/") || strings.HasPrefix(pkg, "internal/") {
			return
		}
		ok, known := allowed[pkg]
		if !known {
			t.Errorf("package %s is not in the import graph of deps_test.go; add it deliberately", pkg)
			return
		}
		for _, a := range ok {
			if a == target {
				return
			}
		}
		t.Errorf("%s imports %s: not allowed (allowed: %v)", pkg, target, ok)
		return
	}
	for mod, users := range thirdParty {
		if imp != mod && !strings.HasPrefix(imp, mod+"/") {
			continue
		}
		for _, u := range users {
			if u == pkg {
				return
			}
		}
		t.Errorf("%s imports %s: only %v may", pkg, imp, users)
	}
}

// packageDirs lists the directories below the root that hold Go code,
// skipping testdata, hidden directories and nested modules.
func packageDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "examples" || name == "notebooks") {
			return filepath.SkipDir
		}
		if path != "." {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // a separate module, e.g. docs/repro
			}
		}
		matches, _ := filepath.Glob(filepath.Join(path, "*.go"))
		for _, m := range matches {
			if !strings.HasSuffix(m, "_test.go") && path != "." {
				dirs = append(dirs, path)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}
