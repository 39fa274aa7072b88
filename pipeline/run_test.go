package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"framing/corpus"
	"framing/features"
	"framing/output"
)

const examplesJSONL = "../examples/venezuela.jsonl"

var jan20 = time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)

// testConfig is DefaultConfig for one input, OUT and 2026-01-20.
func testConfig(out string, inputs ...string) Config {
	cfg := DefaultConfig()
	cfg.Inputs, cfg.OutDir, cfg.RunDate, cfg.Version = inputs, out, jan20, "test"
	cfg.Workers, cfg.Stats.Workers = 2, 2
	return cfg
}

// snapshot reads every file below OUT, dot directories included, so that a
// failed run can be shown to have changed nothing; only the lock file,
// which records when it was last taken, is left out.
func snapshot(t *testing.T, out string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".lock" {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func writeLines(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// withPanickingScorer makes the scorer panic on the articles whose id
// starts with "boom" for the rest of the test.
func withPanickingScorer(t *testing.T) {
	saved := scoreArticle
	scoreArticle = func(a corpus.Article, j *job) features.Scores {
		if strings.HasPrefix(a.ID, "boom") {
			panic("scorer exploded on " + a.ID)
		}
		return saved(a, j)
	}
	t.Cleanup(func() { scoreArticle = saved })
}

// TestNeverReplaceDataWithNothing runs a good night, then reruns the same
// date with input that yields no usable articles: every such run fails
// with its own error and leaves every byte of OUT as it was.
func TestNeverReplaceDataWithNothing(t *testing.T) {
	withPanickingScorer(t)
	out := t.TempDir()
	if _, err := Run(context.Background(), testConfig(out, examplesJSONL)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	if len(before) != 16 { // 5 article-level tables, runs and 10 statistics tables
		t.Fatalf("%d files after a good night, want 16", len(before))
	}
	bad := `{"id":"x","text":`
	tests := []struct {
		name    string
		lines   []string
		ratio   float64
		want    any // the error type
		skipSee bool
	}{
		{"all rejects, default ratio", []string{bad, bad, bad}, DefaultMaxRejectRatio, &RejectRatioError{}, false},
		{"all rejects, ratio 1", []string{bad, bad}, 1, &NoArticlesError{}, false},
		{"no records", []string{""}, 1, &NoArticlesError{}, false},
		{"every article an internal error", []string{`{"id":"boom1","text":"Oil exports rose."}`, `{"id":"boom2","text":"Talks resumed."}`},
			1, &NoArticlesError{}, false},
		{"internal errors above the ratio", []string{`{"id":"boom1","text":"Oil exports rose."}`, `{"id":"ok","text":"Talks resumed."}`},
			0.4, &RejectRatioError{}, false},
		{"one reject, ratio 0", []string{bad, `{"id":"ok","text":"Talks resumed in the capital."}`}, 0, &RejectRatioError{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(out, writeLines(t, tt.lines...))
			cfg.MaxRejectRatio = tt.ratio
			_, err := Run(context.Background(), cfg)
			switch tt.want.(type) {
			case *RejectRatioError:
				var e *RejectRatioError
				if !errors.As(err, &e) {
					t.Fatalf("error %v, want a RejectRatioError", err)
				}
			case *NoArticlesError:
				var e *NoArticlesError
				if !errors.As(err, &e) || !strings.Contains(err.Error(), "partitions of run date 2026-01-20 stay as they were") {
					t.Fatalf("error %v, want a NoArticlesError", err)
				}
			}
			if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
				t.Errorf("OUT changed after a failed run (-before +after):\n%.2000s", diff)
			}
		})
	}
	// Skip-seen rerun of the same feed on the next date: every article was
	// seen, none is new, and that is a failure too, not an empty night.
	cfg := testConfig(out, examplesJSONL)
	cfg.RunDate, cfg.SkipSeen = jan20.AddDate(0, 0, 1), true
	sum, err := Run(context.Background(), cfg)
	var none *NoArticlesError
	if !errors.As(err, &none) || none.Skipped != sum.Skipped || sum.Skipped < 60 {
		t.Errorf("all seen: %v, skipped %d", err, sum.Skipped)
	}
	if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
		t.Errorf("OUT changed after an all-seen night (-before +after):\n%.2000s", diff)
	}
}

// TestInternalErrorIsAReject makes the scorer panic on one article: the
// run goes on, the article is a reject with reason "internal error: " and
// the panic's text, it counts as a reject, and Summary says how many.
func TestInternalErrorIsAReject(t *testing.T) {
	withPanickingScorer(t)
	in := writeLines(t,
		`{"id":"a","outlet":"One","text":"Oil exports rose as the ministry signed new supply contracts."}`,
		`{"id":"boom","outlet":"One","text":"The central bank held rates."}`,
		`{"id":"b","outlet":"Two","text":"Border crossings reopened on Monday after talks."}`)
	out := t.TempDir()
	for _, workers := range []int{1, 4} {
		cfg := testConfig(out, in)
		cfg.Workers = workers
		sum, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Articles != 2 || sum.Rejects != 1 || sum.InternalErrors != 1 {
			t.Errorf("workers %d: %d articles, %d rejects, %d internal errors; want 2, 1, 1", workers, sum.Articles, sum.Rejects, sum.InternalErrors)
		}
		rejs, err := output.Rejects.Read(out, output.DateOf(jan20))
		if err != nil {
			t.Fatal(err)
		}
		want := []output.RejectRow{{RunDate: output.DateOf(jan20), Source: in + ":2", Line: ptr(int64(2)), ArticleID: ptr("boom"),
			Reason: "internal error: scorer exploded on boom"}}
		if diff := cmp.Diff(want, rejs); diff != "" {
			t.Errorf("workers %d: rejects (-want +got):\n%s", workers, diff)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestRecoveredPanicIsAnError(t *testing.T) {
	err := recovered("reading input", func() error { panic("reader bug") })
	if err == nil || !strings.Contains(err.Error(), "internal error reading input: reader bug") || !strings.Contains(err.Error(), "goroutine") {
		t.Errorf("error %v, want the panic and a stack", err)
	}
	if err := recovered("x", func() error { return nil }); err != nil {
		t.Errorf("no panic: %v", err)
	}
}

// TestConfigCheck feeds Run settings that break the contract of Config:
// each is an error before anything is read or written.
func TestConfigCheck(t *testing.T) {
	nanLead := func(c *Config) { c.Weights.Lead = nan() }
	tests := []struct {
		name string
		set  func(*Config)
		want string
	}{
		{"no inputs", func(c *Config) { c.Inputs = nil }, "no input"},
		{"no out", func(c *Config) { c.OutDir = "" }, "no output directory"},
		{"zero workers", func(c *Config) { c.Workers = 0 }, "workers 0"},
		{"zero stats workers", func(c *Config) { c.Stats.Workers = 0 }, "statistics workers 0"},
		{"zero record bound", func(c *Config) { c.MaxRecordBytes = 0 }, "max record bytes 0"},
		{"ratio above 1", func(c *Config) { c.MaxRejectRatio = 1.5 }, "max reject ratio 1.5"},
		{"ratio NaN", func(c *Config) { c.MaxRejectRatio = nan() }, "max reject ratio NaN"},
		{"zero window", func(c *Config) { c.WindowDays = 0 }, "window of 0 days"},
		{"negative weight", func(c *Config) { c.Weights.Title = -1 }, "position weight -1"},
		{"NaN weight", nanLead, "position weight NaN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			cfg := testConfig(out, examplesJSONL)
			tt.set(&cfg)
			if _, err := Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("OUT was created: %v", err)
			}
		})
	}
}

// TestFlagsJSON checks that the runs table's flags are JSON whatever the
// settings, NaN included: an audit record that never becomes an error text.
// Keys are in the order encoding/json gave them when flags were a map.
func TestFlagsJSON(t *testing.T) {
	cfg := testConfig("out", "in.jsonl")
	cfg.Weights.Title = nan()
	got := cfg.flagsJSON()
	want := `{"body_weight":1,"boilerplate":"","inputs":["in.jsonl"],"lead_weight":1.5,"lexicons":null,"manifest":"",` +
		`"matches":false,"max_pair_dimensions":200,"max_pair_outlets":100,"max_record_bytes":4194304,"max_reject_ratio":0.5,"min_articles":10,` +
		`"run_date":"2026-01-20","skip_seen":false,` +
		`"title_weight":"NaN","window_days":1,"workers":2}`
	if got != want {
		t.Errorf("flags\n got %s\nwant %s", got, want)
	}
}

// TestDryRunNamesWhatARunWrites checks that the tables a dry run announces
// are the ones a run writes.
func TestDryRunNamesWhatARunWrites(t *testing.T) {
	for _, matches := range []bool{false, true} {
		out := t.TempDir()
		cfg := testConfig(out, examplesJSONL)
		cfg.Matches = matches
		plan, err := DryRun(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		names := sum.Tables[:len(sum.Tables)-1] // all but runs
		want := "partitions of " + strings.Join(names, ", ") + " and " + sum.Tables[len(sum.Tables)-1] + " under"
		if !strings.Contains(plan, want) {
			t.Errorf("matches %t: plan %q lacks %q", matches, plan, want)
		}
	}
}

func nan() float64 { return math.NaN() }
