package main

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"framing/pipeline"
)

// printFindings says in words what a run found: coverage, the most framed
// dimension, the outlets that differ most, and the dates that did not
// parse, quoted, so that the end of a run is read as a result and not only
// as a list of paths.
func printFindings(w io.Writer, sum pipeline.Summary) {
	f := sum.Findings
	if sum.Articles > 0 {
		fmt.Fprintf(w, "coverage: %d of %d articles (%.0f%%) have at least one frame hit\n",
			f.ArticlesWithHits, sum.Articles, 100*float64(f.ArticlesWithHits)/float64(sum.Articles))
	}
	if d, share, ok := f.TopDimension(); ok {
		fmt.Fprintf(w, "most framed dimension: %s, %d hits (%.0f%% of all frame hits)\n", d.Dimension, d.Hits, 100*share)
	}
	if p := f.Pair; p != nil {
		more, less := p.OutletA, p.OutletB
		if p.MeanDiff < 0 {
			more, less = less, more
		}
		fmt.Fprintf(w, "outlets that differ most (window %s): %s uses %s more than %s, by %.2f per 1,000 tokens (Hedges' g %.2f, Holm p %.2g; %d and %d articles)\n",
			sum.Window, more, p.Dimension, less, abs(p.MeanDiff), abs(p.HedgesG), p.PHolm, p.NA, p.NB)
	} else if sum.Window != "" {
		fmt.Fprintf(w, "outlets that differ most (window %s): no pair of outlets with 5 or more articles each differs significantly (Holm p < 0.05)\n", sum.Window)
	}
	if sum.DateWarnings > 0 {
		fmt.Fprintf(w, "date warnings: %d %s whose date did not parse (published is null), e.g. %s\n",
			sum.DateWarnings, plural(sum.DateWarnings, "article", "articles"), quoteAll(f.DateSamples))
	}
}

// findingAttrs are the findings as attributes of the run's last log line.
func findingAttrs(sum pipeline.Summary) []any {
	var a []any
	if sum.Articles > 0 {
		a = append(a, "coverage", fmt.Sprintf("%.3f", float64(sum.Findings.ArticlesWithHits)/float64(sum.Articles)))
	}
	if d, _, ok := sum.Findings.TopDimension(); ok {
		a = append(a, "top_dimension", d.Dimension)
	}
	if p := sum.Findings.Pair; p != nil {
		a = append(a, "top_pair", fmt.Sprintf("%s/%s/%s g=%.2f", p.Dimension, p.OutletA, p.OutletB, p.HedgesG))
	}
	return a
}

// logDateWarnings logs the unparseable dates as a warning, which a quiet
// (cron) run still shows, with the first few values as written.
func logDateWarnings(log *slog.Logger, sum pipeline.Summary) {
	if sum.DateWarnings > 0 {
		log.Warn("dates that did not parse; their articles have no published date",
			"date_warnings", sum.DateWarnings, "examples", quoteAll(sum.Findings.DateSamples))
	}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
