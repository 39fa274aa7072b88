package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"framing/output"
	"framing/pipeline"
)

// TestReshard splits a run of the examples into three part files per
// partition and checks that every table reads back the same rows, in
// order, with the same footer, from several files.
func TestReshard(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	cfg := pipeline.DefaultConfig()
	cfg.Inputs = []string{filepath.Join("..", "..", "examples", "venezuela.jsonl")}
	cfg.OutDir, cfg.RunDate, cfg.Matches, cfg.Version = in, time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC), true, "test"
	if _, err := pipeline.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := run(in, out, 3); err != nil {
		t.Fatal(err)
	}
	if err := run(in, out, 3); err == nil {
		t.Error("reshard wrote into an existing directory")
	}
	day := output.DateOf(cfg.RunDate)
	same(t, output.Articles, in, out, day, 3)
	same(t, output.Frames, in, out, day, 3)
	same(t, output.Terms, in, out, day, 3)
	same(t, output.Matches, in, out, day, 3)
	same(t, output.Stance, in, out, day, 3)
	same(t, output.Runs, in, out, day, 1)
	for _, ti := range output.AllTables() { // the statistics tables copied
		w, err := ti.Files(in)
		if err != nil {
			t.Fatal(err)
		}
		g, err := ti.Files(out)
		if err != nil {
			t.Fatal(err)
		}
		if len(w) == 0 || len(g) < len(w) {
			t.Errorf("table %s: %d files in the run's output, %d resharded", ti.Name, len(w), len(g))
		}
	}
}

// same fails unless partition day of table tb holds the same rows and
// footer in both outputs, and has files part files in out.
func same[R any](t *testing.T, tb output.Table[R, output.Date], in, out string, day output.Date, files int) {
	t.Helper()
	w, err := tb.Read(in, day)
	if err != nil {
		t.Fatal(err)
	}
	g, err := tb.Read(out, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(w) < files {
		t.Fatalf("table %s: only %d rows", tb.Name(), len(w))
	}
	if d := cmp.Diff(w, g); d != "" {
		t.Errorf("table %s: rows differ (-run +resharded):\n%s", tb.Name(), d)
	}
	parts, err := filepath.Glob(filepath.Join(tb.Dir(out, day), "part-*.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != files {
		t.Errorf("table %s: %d part files, want %d", tb.Name(), len(parts), files)
	}
	wm, err := tb.Metadata(in, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		gm, err := output.ReadMetadata(p)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(wm, gm); d != "" {
			t.Errorf("%s: footer differs (-run +resharded):\n%s", p, d)
		}
	}
}
