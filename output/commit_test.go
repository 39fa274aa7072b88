package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stage writes one rejects partition with the given reason through c.
func stage(t *testing.T, c *Commit, day, reason string) {
	t.Helper()
	d, err := ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	w, err := Rejects.Create(c, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(RejectRow{Source: "in.jsonl:1", Reason: reason}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// reasons lists OUT: every file with the reason stored in it.
func reasons(t *testing.T, out string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rows, err := ReadTable[RejectRow](p)
		if err != nil {
			return err
		}
		var rs []string
		for _, r := range rows {
			rs = append(rs, r.Reason)
		}
		got[filepath.ToSlash(rel)] = strings.Join(rs, ",")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCommit(t *testing.T) {
	const p1, p2 = "rejects/2026-11-21/" + PartFile, "rejects/2026-11-22/" + PartFile
	tests := []struct {
		name string
		run  func(t *testing.T, out string)
		want map[string]string
	}{
		{"first run", func(t *testing.T, out string) {}, map[string]string{p1: "old1", p2: "old2"}},
		{"second run replaces its partition", func(t *testing.T, out string) {
			c, err := NewCommit(out)
			if err != nil {
				t.Fatal(err)
			}
			stage(t, c, "2026-11-22", "new2")
			if err := c.Commit(); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{p1: "old1", p2: "new2"}},
		{"abort leaves earlier output", func(t *testing.T, out string) {
			c, err := NewCommit(out)
			if err != nil {
				t.Fatal(err)
			}
			stage(t, c, "2026-11-22", "aborted")
			if err := c.Abort(); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{p1: "old1", p2: "old2"}},
		{"killed run is ignored and cleaned", func(t *testing.T, out string) {
			c, err := NewCommit(out)
			if err != nil {
				t.Fatal(err)
			}
			stage(t, c, "2026-11-22", "killed")
			if err := CleanStaging(out); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{p1: "old1", p2: "old2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			c, err := NewCommit(out)
			if err != nil {
				t.Fatal(err)
			}
			stage(t, c, "2026-11-21", "old1")
			stage(t, c, "2026-11-22", "old2")
			if err := c.Commit(); err != nil {
				t.Fatal(err)
			}
			tt.run(t, out)
			if diff := cmp.Diff(tt.want, reasons(t, out)); diff != "" {
				t.Errorf("OUT (-want +got):\n%s", diff)
			}
			ents, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			sort.Strings(names)
			if diff := cmp.Diff([]string{"rejects"}, names); diff != "" {
				t.Errorf("top of OUT (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCommitMisuse(t *testing.T) {
	c, err := NewCommit(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	stage(t, c, "2026-11-22", "x")
	tests := []struct {
		name              string
		table, key, value string
	}{
		{"same partition twice", "rejects", "run_date", "2026-11-22"},
		{"dot table", ".hidden", "run_date", "2026-11-22"},
		{"slash in value", "rejects", "run_date", "../x"},
		{"equals in key", "rejects", "a=b", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f, err := c.create(tt.table, tt.key, tt.value); err == nil {
				f.Close()
				t.Error("Create succeeded")
			}
		})
	}
	if err := c.Commit(); err != nil {
		t.Fatal(err)
	}
	if f, err := c.create("rejects", "run_date", "2026-11-23"); err == nil {
		f.Close()
		t.Error("Create after Commit succeeded")
	}
	if err := c.Commit(); err == nil {
		t.Error("second Commit succeeded")
	}
}
