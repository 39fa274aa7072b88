package output

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRegistryRoundTrip writes partitions of a run-date table and of a
// window table through the registry, in both layouts, and reads them back:
// the partition column comes from the partition whatever the row said, and
// with the column kept in the path only, the file lacks it and reading puts
// it back.
func TestRegistryRoundTrip(t *testing.T) {
	day, _ := ParseDate("2026-01-20")
	win := Window{From: day - 6, To: day}
	for _, lay := range []layout{{columnInFile: true}, {columnInFile: false}} {
		out := t.TempDir()
		c, err := NewCommit(out)
		if err != nil {
			t.Fatal(err)
		}
		rw, err := Rejects.create(c, day, map[string]string{"k": "v"}, lay, WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// A row with another run date gets the partition's.
		if err := rw.Write(RejectRow{RunDate: day + 3, Source: "a:1", Reason: "r"}); err != nil {
			t.Fatal(err)
		}
		if err := rw.Close(); err != nil {
			t.Fatal(err)
		}
		tw, err := Trends.create(c, win, nil, lay, WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := tw.Write(TrendRow{WindowStart: win.From, WindowEnd: win.To, Outlet: "o", Dimension: "d"}); err != nil {
			t.Fatal(err)
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := c.Commit(); err != nil {
			t.Fatal(err)
		}

		var rejects []RejectRow
		if err := Rejects.scan(out, day, func(r RejectRow) error { rejects = append(rejects, r); return nil }, lay); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]RejectRow{{RunDate: day, Source: "a:1", Reason: "r"}}, rejects); diff != "" {
			t.Errorf("columnInFile %t: rejects (-want +got):\n%s", lay.columnInFile, diff)
		}
		var trends []TrendRow
		if err := Trends.scan(out, win, func(r TrendRow) error { trends = append(trends, r); return nil }, lay); err != nil {
			t.Fatal(err)
		}
		if len(trends) != 1 || trends[0].Window != "2026-01-14_2026-01-20" {
			t.Errorf("columnInFile %t: trends %+v", lay.columnInFile, trends)
		}
		cols, err := FileColumns(Trends.Path(out, win))
		if err != nil {
			t.Fatal(err)
		}
		hasWindow := false
		for _, col := range cols {
			hasWindow = hasWindow || col.Name == "window"
		}
		if hasWindow != lay.columnInFile {
			t.Errorf("columnInFile %t: file has the window column: %t", lay.columnInFile, hasWindow)
		}
		if got := Trends.Path(out, win); got != filepath.Join(out, "trends", "2026-01-14_2026-01-20", PartFile) {
			t.Errorf("path %s", got)
		}
	}
}

// TestPartitions lists partitions: sorted, only directories that parse
// and hold a data file, none for a table that does not exist.
func TestPartitions(t *testing.T) {
	out := t.TempDir()
	c, err := NewCommit(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"2026-01-22", "2026-01-20"} {
		stage(t, c, d, "x")
	}
	if err := c.Commit(); err != nil {
		t.Fatal(err)
	}
	// Not partitions: a name that does not parse (Files lists it, Partitions
	// does not), a directory without a data file, a version-1 name and any
	// other key=value name (neither lists them).
	for _, junk := range []string{"rejects/yesterday", "rejects/2026-01-25", "rejects/run_date=2026-01-21", "rejects/other=2026-01-21"} {
		dir := filepath.Join(out, junk)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(junk, "01-25") {
			if err := os.WriteFile(filepath.Join(dir, PartFile), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := Rejects.Partitions(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, Rejects.PartitionName(p))
	}
	if diff := cmp.Diff([]string{"2026-01-20", "2026-01-22"}, names); diff != "" {
		t.Errorf("partitions (-want +got):\n%s", diff)
	}
	if none, err := Frames.Partitions(out); err != nil || len(none) != 0 {
		t.Errorf("frames: %v, %v", none, err)
	}
	var info TableInfo
	for _, ti := range AllTables() {
		if ti.Name == Rejects.Name() {
			info = ti
		}
	}
	files, err := info.Files(out)
	if err != nil {
		t.Fatal(err)
	}
	// Files does not parse values: yesterday holds a file, so it is listed last.
	if len(files) != 3 || files[0] != Rejects.Path(out, got[0]) || filepath.Base(filepath.Dir(files[2])) != "yesterday" {
		t.Errorf("files %v", files)
	}
}

func TestParseWindow(t *testing.T) {
	for _, s := range []string{"2026-01-20_2026-01-20", "2025-12-31_2026-01-30"} {
		w, err := ParseWindow(s)
		if err != nil || w.String() != s {
			t.Errorf("ParseWindow(%q) = %v, %v", s, w, err)
		}
	}
	for _, s := range []string{"", "2026-01-20", "2026-01-21_2026-01-20", "2026-01-20_x", "x_2026-01-20"} {
		if _, err := ParseWindow(s); err == nil {
			t.Errorf("ParseWindow(%q) succeeded", s)
		}
	}
}

func TestNullFloat(t *testing.T) {
	for _, x := range []float64{0, -1.5, 1e300} {
		if p := NullFloat(x); p == nil || *p != x {
			t.Errorf("NullFloat(%g) = %v", x, p)
		}
	}
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if p := NullFloat(x); p != nil {
			t.Errorf("NullFloat(%g) = %g, want null", x, *p)
		}
		if z := FiniteOrZero(x); z != 0 {
			t.Errorf("FiniteOrZero(%g) = %g", x, z)
		}
	}
	if NullString("") != nil || *NullString("a") != "a" {
		t.Error("NullString")
	}
}
