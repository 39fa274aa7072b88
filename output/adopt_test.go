package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAdopt stages partitions the way framing-beam's workers do, by writing
// part files straight into Table.Dir below the staging directory, and
// checks what Adopt accepts and that Commit then moves them whole.
func TestAdopt(t *testing.T) {
	day := mustDate(t, "2026-11-21")
	tests := []struct {
		name  string
		files []string // below the partition's staging directory; "dir/" is a directory
		err   string   // "" when Adopt must accept it
	}{
		{"one file", []string{PartFile}, ""},
		{"shards", []string{PartFile, "part-00001.parquet", "part-00002.parquet"}, ""},
		{"no part-00000", []string{"part-00001.parquet"}, "no part-00000.parquet"},
		{"empty directory", nil, "no part-00000.parquet"},
		{"a shard not yet renamed", []string{PartFile, "shard-00001.parquet"}, "is not a part file"},
		{"a temporary file", []string{PartFile, ".part-00001.parquet.tmp"}, "is not a part file"},
		{"a short number", []string{PartFile, "part-0001.parquet"}, "is not a part file"},
		{"a subdirectory", []string{PartFile, "part-00001.parquet/"}, "is not a part file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			c, err := NewCommit(out)
			if err != nil {
				t.Fatal(err)
			}
			dir := Rejects.Dir(c.Dir(), day)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.files {
				p := filepath.Join(dir, f)
				if strings.HasSuffix(f, "/") {
					err = os.Mkdir(p, 0o755)
				} else {
					err = os.WriteFile(p, []byte(f), 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			err = Rejects.Adopt(c, day)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("Adopt: %v; want an error saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Commit(); err != nil {
				t.Fatal(err)
			}
			got, err := filepath.Glob(filepath.Join(Rejects.Dir(out, day), "*"))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, f := range tc.files {
				want = append(want, filepath.Join(Rejects.Dir(out, day), f))
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("OUT after the commit (-want +got):\n%s", d)
			}
			if left, _ := filepath.Glob(filepath.Join(out, ".staging-*")); len(left) > 0 {
				t.Errorf("staging left: %v", left)
			}
		})
	}
}

// TestAdoptOnce: a partition is staged once per commit, by Create or by
// Adopt, and not after the commit has finished.
func TestAdoptOnce(t *testing.T) {
	day := mustDate(t, "2026-11-21")
	c, err := NewCommit(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	stage(t, c, "2026-11-21", "created")
	if err := Rejects.Adopt(c, day); err == nil || !strings.Contains(err.Error(), "already staged") {
		t.Errorf("Adopt after Create: %v; want already staged", err)
	}
	if err := os.MkdirAll(Frames.Dir(c.Dir(), day), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(Frames.Path(c.Dir(), day), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Frames.Adopt(c, day); err != nil {
		t.Fatal(err)
	}
	if err := Frames.Adopt(c, day); err == nil || !strings.Contains(err.Error(), "already staged") {
		t.Errorf("second Adopt: %v; want already staged", err)
	}
	if _, err := Frames.Create(c, day, nil); err == nil || !strings.Contains(err.Error(), "already staged") {
		t.Errorf("Create after Adopt: %v; want already staged", err)
	}
	if err := c.Abort(); err != nil {
		t.Fatal(err)
	}
	if err := Stance.Adopt(c, day); err == nil || !strings.Contains(err.Error(), "commit already finished") {
		t.Errorf("Adopt after Abort: %v; want commit already finished", err)
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
