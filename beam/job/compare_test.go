package job

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/google/go-cmp/cmp"

	"framing/beam/codec"
	"framing/output"
	"framing/pipeline"
)

// This file holds what the runner tests share: a `framing run` of the same
// inputs through the main module's pipeline, and the comparison of the two
// outputs table by table.

var runDate = time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)

const testVersion = "beam-test"

// repoRoot is the main module's directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// framingRun writes the output of `framing run` for inputs into a fresh
// directory and returns it.
func framingRun(t testing.TB, inputs []string, matches bool) string {
	t.Helper()
	out := t.TempDir()
	cfg := pipeline.DefaultConfig()
	cfg.Inputs, cfg.OutDir, cfg.RunDate, cfg.Version, cfg.Matches, cfg.Workers = inputs, out, runDate, testVersion, matches, 2
	cfg.MaxRejectRatio = 1
	if _, err := pipeline.Run(context.Background(), cfg); err != nil {
		t.Fatalf("framing run: %v", err)
	}
	return out
}

// beamOptions are the options of a framing-beam job equal to framingRun's.
func beamOptions(inputs []string, out string, exec func(context.Context, *beam.Pipeline) (beam.PipelineResult, error)) Options {
	return Options{Inputs: inputs, OutDir: out, RunDate: runDate, Version: testVersion, Execute: exec,
		Weights: pipeline.DefaultWeights(), MaxRecordBytes: pipeline.DefaultMaxRecordBytes, MaxRejectRatio: 1}
}

// partFiles lists the part files of one table's partition, in name order.
func partFiles(t testing.TB, out, table string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(out, table, output.Articles.PartitionName(output.DateOf(runDate)), "part-*.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

// readSorted reads every part file of a table and sorts the rows by their
// printed form, so that two outputs that differ only in the file split
// compare equal.
func readSorted[T any](t testing.TB, out, table string) []T {
	t.Helper()
	var rows []T
	files := partFiles(t, out, table)
	if len(files) == 0 {
		t.Fatalf("%s: no part files of table %s", out, table)
	}
	for _, f := range files {
		r, err := output.ReadTable[T](f)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r...)
	}
	key := func(r T) []byte { return codec.Append(nil, reflect.ValueOf(r)) } // exact, pointers followed
	slices.SortStableFunc(rows, func(a, b T) int { return bytes.Compare(key(a), key(b)) })
	return rows
}

// sameTables fails unless the article-level tables of the two outputs hold
// the same rows, value for value (floats compare exactly), whatever the
// split into files.
func sameTables(t *testing.T, want, got string, matches bool) {
	t.Helper()
	diff := func(table string, d string) {
		if d != "" {
			t.Errorf("table %s differs between framing run and framing-beam (-run +beam):\n%s", table, d)
		}
	}
	diff("articles", cmp.Diff(readSorted[output.ArticleRow](t, want, "articles"), readSorted[output.ArticleRow](t, got, "articles")))
	diff("frames", cmp.Diff(readSorted[output.FrameRow](t, want, "frames"), readSorted[output.FrameRow](t, got, "frames")))
	diff("terms", cmp.Diff(readSorted[output.TermRow](t, want, "terms"), readSorted[output.TermRow](t, got, "terms")))
	diff("stance", cmp.Diff(readSorted[output.StanceRow](t, want, "stance"), readSorted[output.StanceRow](t, got, "stance")))
	diff("rejects", cmp.Diff(readSorted[output.RejectRow](t, want, "rejects"), readSorted[output.RejectRow](t, got, "rejects")))
	if matches {
		diff("matches", cmp.Diff(readSorted[output.MatchRow](t, want, "matches"), readSorted[output.MatchRow](t, got, "matches")))
	}
	// The runs row differs in its clock times and flags only.
	clock := func(r output.RunRow) output.RunRow {
		r.StartedAt, r.FinishedAt, r.Seconds, r.Flags = time.Time{}, time.Time{}, 0, ""
		r.ScoringSeconds, r.StatsSeconds = 0, 0 // phases of a framing run; framing-beam has none
		return r
	}
	wr, gr := readSorted[output.RunRow](t, want, "runs"), readSorted[output.RunRow](t, got, "runs")
	if len(wr) != 1 || len(gr) != 1 {
		t.Fatalf("runs: %d rows from framing run, %d from framing-beam; want 1 each", len(wr), len(gr))
	}
	diff("runs", cmp.Diff(clock(wr[0]), clock(gr[0])))
}

// genCorpus writes a generated corpus of about mb megabytes with
// scripts/gencorpus and returns its path.
func genCorpus(t testing.TB, mb string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gen.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command("go", "run", "./scripts/gencorpus", "-mb", mb, "-seed", "7")
	cmd.Dir = repoRoot(t)
	cmd.Stdout = f
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("gencorpus: %v\n%s", err, stderr.String())
	}
	return path
}

// hostileCorpus writes a JSON Lines file whose records exercise every rule
// that a distributed run must apply as the single-machine one does: bad
// JSON, empty text, an id repeated inside the file and across files, records
// without an id (stable ids), a date that does not parse, and text that
// cleans down to nothing.
func hostileCorpus(t testing.TB) string {
	t.Helper()
	lines := []string{
		`{"id":"h-1","outlet":"Harbor Street Journal","date":"2026-01-19","title":"Talks resume","text":"Officials said the talks on oil exports would resume next week, according to diplomats."}`,
		`{"id":"h-1","outlet":"Harbor Street Journal","date":"2026-01-19","title":"Talks resume again","text":"A second copy with the same id must become a duplicate reject."}`,
		`{"id":"h-2","outlet":"Capitol Briefing","date":"not a date","title":"Sanctions","text":"Lawmakers criticized the sanctions and praised the humanitarian corridor."}`,
		`{"id":"h-3","outlet":"Capitol Briefing","date":"2026-01-18","title":"Empty","text":"   "}`,
		`{"id": "h-4", "outlet": broken json`,
		`{"outlet":"Petro Wire Daily","date":"2026-01-17","title":"No id","text":"Oil executives said production would rise once the sanctions are lifted."}`,
		`{"outlet":"Petro Wire Daily","date":"2026-01-17","title":"No id","text":"Oil executives said production would rise once the sanctions are lifted."}`,
		`{"id":"h-5","outlet":"Petro Wire Daily","date":"2026-01-17","title":"Markup only","text":"<p></p><div> </div>"}`,
		`{"id":"agn-0001","outlet":"Andes Global News","date":"2026-01-14","title":"Repeated from the examples","text":"This id is also in examples/venezuela.jsonl, which comes first."}`,
	}
	path := filepath.Join(t.TempDir(), "hostile.jsonl")
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
