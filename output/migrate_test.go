package output

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMigrateLayout(t *testing.T) {
	out := t.TempDir()
	mk := func(rel string) {
		p := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(rel), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range []string{
		"frames/run_date=2026-01-20/part-00000.parquet",
		"frames/run_date=2026-01-21/part-00000.parquet",
		"frames/2026-01-22/part-00000.parquet", // already version 2
		"outlet_stats/window=2026-01-20_2026-01-21/part-00000.parquet",
		"frames/other=x/keep.txt", // not a partition key of ours
		".staging-1/frames/run_date=2026-01-23/part-00000.parquet",
	} {
		mk(rel)
	}
	done, err := MigrateLayout(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"frames/run_date=2026-01-20 -> 2026-01-20", "frames/run_date=2026-01-21 -> 2026-01-21",
		"outlet_stats/window=2026-01-20_2026-01-21 -> 2026-01-20_2026-01-21"}
	if diff := cmp.Diff(want, done); diff != "" {
		t.Errorf("renamed (-want +got):\n%s", diff)
	}
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, rel+" = "+readString(t, p))
		}
		return nil
	})
	sort.Strings(files)
	wantFiles := []string{
		".staging-1/frames/run_date=2026-01-23/part-00000.parquet = .staging-1/frames/run_date=2026-01-23/part-00000.parquet",
		"frames/2026-01-20/part-00000.parquet = frames/run_date=2026-01-20/part-00000.parquet",
		"frames/2026-01-21/part-00000.parquet = frames/run_date=2026-01-21/part-00000.parquet",
		"frames/2026-01-22/part-00000.parquet = frames/2026-01-22/part-00000.parquet",
		"frames/other=x/keep.txt = frames/other=x/keep.txt",
		"outlet_stats/2026-01-20_2026-01-21/part-00000.parquet = outlet_stats/window=2026-01-20_2026-01-21/part-00000.parquet",
	}
	if diff := cmp.Diff(wantFiles, files); diff != "" {
		t.Errorf("files after migration (-want +got):\n%s", diff)
	}
	if done, err := MigrateLayout(out); err != nil || len(done) != 0 {
		t.Errorf("second migration: %v, %v", done, err)
	}
	// Both names present: an error that names both, nothing lost.
	mk("frames/run_date=2026-01-22/part-00000.parquet")
	if _, err := MigrateLayout(out); err == nil || !strings.Contains(err.Error(), "run_date=2026-01-22 and ") {
		t.Errorf("clash: %v", err)
	}
	if done, err := MigrateLayout(filepath.Join(out, "missing")); err != nil || done != nil {
		t.Errorf("missing OUT: %v, %v", done, err)
	}
}

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRestoreTrashVersionOne: a trash directory left by a version-1 run
// puts its partition back under the version-2 name.
func TestRestoreTrashVersionOne(t *testing.T) {
	out := t.TempDir()
	old := filepath.Join(out, ".trash-1", "frames", "run_date=2026-01-20")
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, PartFile), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CleanStaging(out); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(out, "frames", "2026-01-20", PartFile)); got != "x" {
		t.Errorf("restored %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, ".trash-1")); !os.IsNotExist(err) {
		t.Errorf("trash left: %v", err)
	}
}
