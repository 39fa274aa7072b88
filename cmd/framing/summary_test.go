package main

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"framing/output"
)

// TestRunSummaryFindings checks the findings a run prints against the
// tables it wrote: coverage and the top dimension from frames, the pair from
// outlet_pairs, the date warning from the corpus.
func TestRunSummaryFindings(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "run", "--input", examplesJSONL, "--out", out, "--run-date", "2026-01-20", "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	day, err := output.ParseDate("2026-01-20")
	if err != nil {
		t.Fatal(err)
	}
	frames, err := output.Frames.Read(out, day)
	if err != nil {
		t.Fatal(err)
	}
	hits := map[string]int64{}
	withHits := map[string]bool{}
	articles := map[string]bool{}
	var total int64
	for _, f := range frames {
		hits[f.Dimension] += f.Hits
		total += f.Hits
		articles[f.ArticleID] = true
		if f.Hits > 0 {
			withHits[f.ArticleID] = true
		}
	}
	top := ""
	for d, h := range hits {
		if top == "" || h > hits[top] || (h == hits[top] && d < top) {
			top = d
		}
	}
	pairs, err := output.OutletPairs.Read(out, output.Window{From: day, To: day})
	if err != nil {
		t.Fatal(err)
	}
	var best *output.OutletPairRow
	for i, p := range pairs {
		if p.PHolm != nil && *p.PHolm < 0.05 && p.NA >= 5 && p.NB >= 5 && (best == nil || math.Abs(*p.HedgesG) > math.Abs(*best.HedgesG)) {
			best = &pairs[i]
		}
	}
	if best == nil {
		t.Fatal("the examples have no significant pair")
	}
	more, less := best.OutletA, best.OutletB
	if *best.MeanDiff < 0 {
		more, less = less, more
	}
	want := []string{
		fmt.Sprintf("coverage: %d of %d articles (%.0f%%) have at least one frame hit", len(withHits), len(articles),
			100*float64(len(withHits))/float64(len(articles))),
		fmt.Sprintf("most framed dimension: %s, %d hits (%.0f%% of all frame hits)", top, hits[top], 100*float64(hits[top])/float64(total)),
		fmt.Sprintf("outlets that differ most (window 2026-01-20_2026-01-20): %s uses %s more than %s, by %.2f per 1,000 tokens (Hedges' g %.2f",
			more, best.Dimension, less, math.Abs(*best.MeanDiff), math.Abs(*best.HedgesG)),
		`date warnings: 1 article whose date did not parse (published is null), e.g. "sometime last week"`,
		"look at them with DuckDB:",
	}
	for _, w := range want {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
	if !strings.Contains(stderr, `dates that did not parse`) || !strings.Contains(stderr, `sometime last week`) {
		t.Errorf("a quiet run's stderr does not warn about the date:\n%s", stderr)
	}
}
