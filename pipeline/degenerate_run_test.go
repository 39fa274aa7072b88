package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"framing/output"
)

// TestRunDegenerateCorpora runs whole nights on the tiny corpora of issue 16 that crashed
// the statistics or wrote a p the data could not support: one outlet over three days with
// per-day scores x, y, x (a slope of exactly zero made F negative and gonum panicked), the
// same over four and five days, and 30 identical texts over 5 dates (zero variance, yet a
// p of 0.559). The run must succeed, and in every statistics table a null statistic must
// carry a note. The class (any finite input to any model function) is covered by the
// fuzz targets of package model; this is the end-to-end check that nothing between model
// and Parquet undoes it.
func TestRunDegenerateCorpora(t *testing.T) {
	line := func(id, outlet, date string, thes int) string {
		return fmt.Sprintf(`{"id":%q,"outlet":%q,"date":%q,"text":"oil%s."}`, id, outlet, date, strings.Repeat(" the", thes))
	}
	xyx := func(thes ...int) []string {
		var lines []string
		for i, n := range thes {
			lines = append(lines, line(fmt.Sprintf("t%d", i), "Solo", fmt.Sprintf("2026-01-%02d", 10+i), n))
		}
		return lines
	}
	var identical []string
	for i := range 30 {
		identical = append(identical, fmt.Sprintf(`{"id":"s%d","outlet":"Solo","date":"2026-01-%02d","text":"Officials welcomed oil cooperation and sanctions talks."}`, i, 10+i%5))
	}
	corpora := map[string]struct {
		lines []string
		// every trends row has a null p with this note ("" to skip)
		trendNote string
	}{
		"x,y,x":           {xyx(6, 8, 6), ""},
		"x,y,y,x":         {xyx(6, 8, 8, 6), ""},
		"x,y,z,y,x":       {xyx(6, 8, 11, 8, 6), ""},
		"30 identical":    {identical, "zero variance"},
		"two outlets xyx": {append(xyx(6, 8, 6), line("u0", "Other", "2026-01-10", 5), line("u1", "Other", "2026-01-12", 5)), ""},
	}
	for name, c := range corpora {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in.jsonl")
			if err := os.WriteFile(in, []byte(strings.Join(c.lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			cfg := DefaultConfig()
			cfg.Inputs, cfg.OutDir, cfg.RunDate, cfg.Workers = []string{in}, out, time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC), 2
			cfg.Stats.MinArticles = 1 // these outlets have 2 to 30 articles
			if _, err := Run(context.Background(), cfg); err != nil {
				t.Fatalf("run: %v", err)
			}
			trends := readStats[output.TrendRow](t, out, "trends")
			if len(trends) == 0 {
				t.Fatal("no trends rows")
			}
			for _, r := range trends {
				if c.trendNote != "" && (r.P != nil || r.Note == nil || !strings.Contains(*r.Note, c.trendNote)) {
					t.Errorf("trend %+v: want a null p and note %q", r, c.trendNote)
				}
				if r.P != nil && !(*r.P >= 0 && *r.P <= 1) {
					t.Errorf("trend %+v: p outside [0, 1]", r)
				}
			}
			nullsHaveNotes(t, "trends", trends, nil)
			nullsHaveNotes(t, "regression", readStats[output.RegressionRow](t, out, "regression"), nil)
			// df2 belongs to the ANOVAs only (docs/schema.md).
			nullsHaveNotes(t, "outlet_tests", readStats[output.OutletTestRow](t, out, "outlet_tests"),
				func(r output.OutletTestRow, col string) bool {
					return col == "DF2" && !strings.Contains(r.Test, "anova")
				})
			nullsHaveNotes(t, "outlet_pairs", readStats[output.OutletPairRow](t, out, "outlet_pairs"), nil)
			nullsHaveNotes(t, "correlations", readStats[output.CorrelationRow](t, out, "correlations"), nil)
		})
	}
}

// readStats reads every partition of a statistics table.
func readStats[T any](t *testing.T, out, table string) []T {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(out, table, "*", output.PartFile))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no partitions (%v)", table, err)
	}
	var rows []T
	for _, f := range files {
		rs, err := output.ReadTable[T](f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rows = append(rows, rs...)
	}
	return rows
}

// nullsHaveNotes fails for a row with a null *float64 column and no note, except the
// columns structural says are null by design for that row.
func nullsHaveNotes[T any](t *testing.T, table string, rows []T, structural func(T, string) bool) {
	t.Helper()
	for _, r := range rows {
		v := reflect.ValueOf(r)
		note := v.FieldByName("Note")
		hasNote := note.IsValid() && !note.IsNil() && note.Elem().String() != ""
		for i := range v.NumField() {
			f := v.Field(i)
			col := v.Type().Field(i).Name
			if structural != nil && structural(r, col) {
				continue
			}
			if f.Type() == reflect.TypeFor[*float64]() && f.IsNil() && !hasNote {
				t.Errorf("%s: %s is null without a note in %+v", table, col, r)
			}
		}
	}
}
