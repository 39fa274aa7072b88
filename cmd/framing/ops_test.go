package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"framing/output"
	"framing/pipeline"
)

func readRuns(t *testing.T, out, day string) output.RunRow {
	t.Helper()
	d, err := output.ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := output.Runs.Read(out, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 {
		t.Fatalf("runs has %d rows", len(runs))
	}
	return runs[0]
}

func TestLockedOutputExits75(t *testing.T) {
	out := t.TempDir()
	// flock(2) locks belong to open file descriptions, so a lock taken here
	// blocks the in-process run exactly as another process would.
	took := time.Now().Add(-time.Minute).UTC().Truncate(time.Second)
	lock, err := pipeline.AcquireLock(out, took)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	if code != exitLocked {
		t.Errorf("exit %d, want %d", code, exitLocked)
	}
	if want := "another run has held " + out + " since " + took.Format(time.RFC3339); !strings.Contains(errs, want) ||
		!strings.Contains(errs, fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("stderr %q does not say who holds the lock since when", errs)
	}
	if files := listFiles(t, out); len(files) != 0 {
		t.Errorf("a locked run wrote %v", files)
	}
	if err := lock.Release(); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
}

// A lock held longer than pipeline.StaleLockAge is stuck, not busy: exit 4, never 75,
// for both commands that take it.
func TestStaleLockExits4(t *testing.T) {
	out := t.TempDir()
	took := time.Now().Add(-pipeline.StaleLockAge - time.Hour)
	lock, err := pipeline.AcquireLock(out, took)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	for _, args := range [][]string{
		{"run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet"},
		{"stats", "--out", out, "--from", "2026-01-20"},
	} {
		code, _, errs := runCLI(t, args...)
		if code != exitStaleLock || !strings.Contains(errs, "is stale: held for 7h0m0s") {
			t.Errorf("%s: exit %d, stderr %q; want exit %d naming the age", args[0], code, errs, exitStaleLock)
		}
	}
}

func TestMaxRejectRatioExits3AndWritesNothing(t *testing.T) {
	out := t.TempDir()
	// The examples reject 3 of 71 records (4.2 %).
	code, _, errs := runCLI(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20",
		"--quiet", "--max-reject-ratio", "0.02")
	if code != exitRejects || !strings.Contains(errs, "3 of 71 records rejected") {
		t.Errorf("exit %d, stderr %q; want exit %d and the counts", code, errs, exitRejects)
	}
	if files := listFiles(t, out); len(files) != 0 {
		t.Errorf("a run over the reject limit wrote %v", files)
	}
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet", "--max-reject-ratio", "0.05")
}

func TestSkipSeen(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	first := readRuns(t, out, "2026-01-20")

	// The next night's feed re-delivers everything plus one new article.
	feed := filepath.Join(t.TempDir(), "night2.jsonl")
	writeFile(t, feed, readFile(t, examplesJSONL)+
		`{"id":"new-1","outlet":"Andes Global News","date":"2026-01-21","title":"Talks resume","text":"Negotiators met again on Wednesday to continue the dialogue."}`+"\n")
	mustRun(t, "run", "--input", feed, "--out", out, "--run-date", "2026-01-21", "--quiet", "--skip-seen")
	second := readRuns(t, out, "2026-01-21")
	if second.Skipped != first.Articles || second.Articles != 1 {
		t.Errorf("second night: %d articles, %d skipped; want 1 and %d", second.Articles, second.Skipped, first.Articles)
	}
	if second.RecordsRead != second.Articles+second.Rejects+second.Skipped {
		t.Errorf("records %d != articles %d + rejects %d + skipped %d", second.RecordsRead, second.Articles, second.Rejects, second.Skipped)
	}
	// Rerunning the first night with --skip-seen ignores that night's own
	// partition (night 2 holds only the new article).
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet", "--skip-seen")
	if again := readRuns(t, out, "2026-01-20"); again.Articles != first.Articles || again.Skipped != 0 {
		t.Errorf("rerun of night 1: %d articles, %d skipped; want %d and 0", again.Articles, again.Skipped, first.Articles)
	}
}

func TestConfigFileAndFlagsOverride(t *testing.T) {
	out := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "framing.yaml")
	writeFile(t, cfg, "input:\n  - "+examplesJSONL+"\nout: "+out+"\nrun-date: 2026-01-20\nquiet: true\nwindow: 1d\n")
	mustRun(t, "run", "--config", cfg)
	if r := readRuns(t, out, "2026-01-20"); r.Articles < 60 {
		t.Errorf("run from config: %d articles", r.Articles)
	}
	// A flag on the command line wins over the file.
	mustRun(t, "run", "--config", cfg, "--run-date", "2026-01-22")
	readRuns(t, out, "2026-01-22")

	bad := filepath.Join(t.TempDir(), "bad.yaml")
	writeFile(t, bad, "inptu: x.jsonl\n")
	code, _, errs := runCLI(t, "run", "--config", bad)
	if code != exitUsage || !strings.Contains(errs, "bad.yaml:1:1: unknown key \"inptu\"") {
		t.Errorf("bad config: exit %d, stderr %q", code, errs)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	stdout := mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--dry-run")
	for _, want := range []string{"dry run", "71 records", output.Articles.PartitionName(jan20), "lexicon framing-default"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, stdout)
		}
	}
	if files := listFilesIfAny(out); len(files) != 0 {
		t.Errorf("dry run wrote %v", files)
	}
	code, _, errs := runCLI(t, "run", "--input", "nonexistent.jsonl", "--out", out, "--dry-run")
	if code != exitFailure || !strings.Contains(errs, "nonexistent.jsonl") {
		t.Errorf("dry run on a missing input: exit %d, %q", code, errs)
	}
}

func listFilesIfAny(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "*"))
	return m
}

func TestStatsCommandRecomputesAWindow(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	mustRun(t, "run", "--input", "../../examples/venezuela-dir", "--out", out, "--run-date", "2026-01-21", "--quiet")
	stdout := mustRun(t, "stats", "--out", out, "--from", "2026-01-20", "--to", "2026-01-21")
	if !strings.Contains(stdout, "window 2026-01-20_2026-01-21 from 2 run date(s)") {
		t.Errorf("stats output: %s", stdout)
	}
	stats, err := output.OutletStats.Read(out, output.Window{From: jan20, To: jan20 + 1})
	if err != nil {
		t.Fatal(err)
	}
	one, err := output.OutletStats.Read(out, output.Window{From: jan20, To: jan20})
	if err != nil {
		t.Fatal(err)
	}
	var n2, n1 int64
	for _, r := range stats {
		n2 += r.NArticles
	}
	for _, r := range one {
		n1 += r.NArticles
	}
	if n2 <= n1 || n2 == 0 {
		t.Errorf("two-night window counts %d article-dimensions, one night %d", n2, n1)
	}
	code, _, errs := runCLI(t, "stats", "--out", out, "--from", "2025-01-01", "--to", "2025-01-02")
	if code != exitFailure || !strings.Contains(errs, "no run_date partition") {
		t.Errorf("empty window: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(t, "stats", "--out", out, "--from", "2026-01-21", "--to", "2026-01-20"); code != exitUsage {
		t.Errorf("reversed window: exit %d", code)
	}
}

func TestWindowFlagCoversEarlierNights(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	mustRun(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-21", "--quiet", "--window", "2d")
	rows, err := output.OutletTests.Read(out, output.Window{From: jan20, To: jan20 + 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Test == "anova" && r.Measure == "per_1k" && r.N != 2*68 {
			t.Errorf("%s: n = %d over two nights of 68 articles", r.Target, r.N)
		}
	}
}

func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	tests := []struct {
		name string
		mib  int64
		env  string
		want int64
	}{
		{"set", 100, "", 100 << 20},
		{"zero leaves the runtime's limit", 0, "", before},
		{"GOMEMLIMIT wins", 100, "1GiB", before},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			restore := setMemoryLimit(tt.mib, tt.env)
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("limit = %d, want %d", got, tt.want)
			}
			restore()
			if got := debug.SetMemoryLimit(-1); got != before {
				t.Errorf("after restore: limit = %d, want %d", got, before)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"run", "--input", "x.jsonl", "--out", t.TempDir(), "--memory-limit", "-1"}, nil, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "-memory-limit") {
		t.Errorf("negative limit: exit %d, stderr %q; want exit %d naming the flag", code, stderr.String(), exitUsage)
	}
}

// TestStdinGzip pipes the example corpus into `--input -`, plain and
// gzip-compressed: a pipe has no name ending in .gz, so the stream is
// sniffed, and both must give the articles the file gives.
func TestStdinGzip(t *testing.T) {
	data, err := os.ReadFile(examplesJSONL)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{"plain": data, "gzip": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			args := []string{"run", "--input", "-", "--out", out, "--run-date", "2026-01-20", "--quiet"}
			if code := run(context.Background(), args, bytes.NewReader(in), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			r := readRuns(t, out, "2026-01-20")
			if r.Articles != 68 || r.Rejects != 3 {
				t.Errorf("articles %d, rejects %d; want 68 and 3, as from the file", r.Articles, r.Rejects)
			}
		})
	}
}
