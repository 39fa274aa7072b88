package pipeline

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"framing/output"
)

// TestRunRecordsLexiconWarnings runs with a Lexicoder file that has import
// warnings and no negators: the log shows the first warnings and the
// count, and the runs row records both.
func TestRunRecordsLexiconWarnings(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	lex := filepath.Join(dir, "topics.lc3")
	if err := os.WriteFile(in, []byte(`{"id":"a","outlet":"X","date":"2026-01-10","text":"The landlord raised the rent."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lex, []byte("stray\n+housing\nlandlord*\nrent\nrent\nco*op\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	out := filepath.Join(dir, "out")
	cfg := DefaultConfig()
	cfg.Inputs, cfg.OutDir, cfg.Lexicons, cfg.Version = []string{in}, out, []string{lex}, "test"
	cfg.RunDate, cfg.Log = time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC), slog.New(slog.NewTextHandler(&log, nil))
	_, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := output.Runs.Read(out, output.DateOf(jan20))
	if err != nil || len(runs) != 1 {
		t.Fatalf("reading runs: %v (%d rows)", err, len(runs))
	}
	r := runs[0]
	// no negators; "stray" outside a key; "rent" twice; co*op unusable.
	if r.LexiconWarnings != 4 || r.LexiconWarningSample == nil {
		t.Fatalf("runs: lexicon_warnings = %d, sample %v; want 4 and a sample", r.LexiconWarnings, r.LexiconWarningSample)
	}
	sample := strings.Split(*r.LexiconWarningSample, "\n")
	if len(sample) != 4 || !strings.Contains(sample[0], "no negators") || !strings.Contains(sample[1], lex+":1:1: warning") {
		t.Errorf("runs: lexicon_warning_sample = %q", *r.LexiconWarningSample)
	}
	for _, want := range []string{"no negators", `skipping \"stray\"`, "4 warning(s) and note(s)"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

// TestRunWithoutLexiconWarnings: the default lexicon loads clean, so the
// runs row says 0 and has no sample.
func TestRunWithoutLexiconWarnings(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"a","outlet":"X","text":"Talks on oil."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cfg := DefaultConfig()
	cfg.Inputs, cfg.OutDir, cfg.Version, cfg.RunDate = []string{in}, out, "test", time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	runs, err := output.Runs.Read(out, output.DateOf(jan20))
	if err != nil || len(runs) != 1 {
		t.Fatalf("reading runs: %v", err)
	}
	if runs[0].LexiconWarnings != 0 || runs[0].LexiconWarningSample != nil {
		t.Errorf("default lexicon: lexicon_warnings = %d, sample %v", runs[0].LexiconWarnings, runs[0].LexiconWarningSample)
	}
}

// TestPrepareLexiconHonoursCancel: a stop request returns at once with
// the context's error. (That a stop during a long load returns at once is
// checked by hand: docs/lexicon.md, "Performance".)
func TestPrepareLexiconHonoursCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := prepareLexicon(ctx, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("prepareLexicon with a cancelled context: %v, want context.Canceled", err)
	}
}
