package pipeline

import (
	"cmp"
	"math"

	"framing/features"
	"framing/output"
)

// Findings is what a run found, in a few numbers, for the summary a run
// ends with: a person reading the log learns what the night said before
// opening a table.
type Findings struct {
	// ArticlesWithHits counts the articles with at least one frame hit; of
	// Summary.Articles, the run's coverage.
	ArticlesWithHits int64
	// Dimensions are the lexicon's dimensions with their frame hits in the
	// run's articles, in lexicon order.
	Dimensions []DimensionHits
	// DateSamples are the first few dates that did not parse, as written.
	DateSamples []string
	// Pair is the pair of outlets that differ most in the run's window: the
	// largest |Hedges' g| among pairs of outlets with at least
	// pairMinArticles articles each whose Holm-adjusted p is below 0.05; nil
	// when no such pair differs significantly.
	Pair *PairFinding
}

// DimensionHits counts one dimension's frame hits.
type DimensionHits struct {
	Dimension string
	Hits      int64
}

// PairFinding is one significant difference between two outlets.
type PairFinding struct {
	Dimension, OutletA, OutletB string
	NA, NB                      int64
	MeanDiff, HedgesG, PHolm    float64
}

// maxDateSamples is how many unparseable dates the summary quotes.
const maxDateSamples = 3

// pairAlpha is the level below which a Holm-adjusted p counts as
// significant in the summary.
const pairAlpha = 0.05

// pairMinArticles is the fewest articles each outlet of the summary's pair
// must have. Hedges' g of an outlet with two articles is as large as their
// variance is small: on the dev corpus the largest significant g without it
// was 8.03, an outlet of 2 articles against one of 6. report.MinPairArticles
// is the same rule for the report.
const pairMinArticles = 5

// TopDimension is the dimension with the most hits (the first in lexicon
// order on a tie), and its share of all hits; ok is false without hits.
func (f Findings) TopDimension() (d DimensionHits, share float64, ok bool) {
	var total int64
	for _, x := range f.Dimensions {
		total += x.Hits
		if x.Hits > d.Hits {
			d = x
		}
	}
	if total == 0 {
		return DimensionHits{}, 0, false
	}
	return d, float64(d.Hits) / float64(total), true
}

// addArticle counts one written article.
func (f *Findings) addArticle(sc features.Scores, rawDate string, dateWarning bool) {
	any := false
	for i, fr := range sc.Frames {
		if i >= len(f.Dimensions) {
			f.Dimensions = append(f.Dimensions, DimensionHits{Dimension: fr.Dimension})
		}
		f.Dimensions[i].Hits += int64(fr.Hits)
		any = any || fr.Hits > 0
	}
	if any {
		f.ArticlesWithHits++
	}
	if dateWarning && len(f.DateSamples) < maxDateSamples {
		f.DateSamples = append(f.DateSamples, rawDate)
	}
}

// strongestPair reads the committed outlet_pairs partition of a window and
// returns its most different significant pair, or nil.
func strongestPair(outDir, window string) (*PairFinding, error) {
	w, err := output.ParseWindow(window)
	if err != nil {
		return nil, err
	}
	var best *PairFinding
	err = output.OutletPairs.Scan(outDir, w, func(r output.OutletPairRow) error {
		if r.PHolm == nil || r.HedgesG == nil || r.MeanDiff == nil || *r.PHolm >= pairAlpha ||
			r.NA < pairMinArticles || r.NB < pairMinArticles {
			return nil
		}
		p := PairFinding{Dimension: r.Dimension, OutletA: r.OutletA, OutletB: r.OutletB, NA: r.NA, NB: r.NB,
			MeanDiff: *r.MeanDiff, HedgesG: *r.HedgesG, PHolm: *r.PHolm}
		if best == nil || strongerPair(p, *best) {
			best = &p
		}
		return nil
	})
	return best, err
}

// strongerPair orders pairs by |g|, then by name, so that ties give the same
// answer on every run.
func strongerPair(a, b PairFinding) bool {
	if c := cmp.Compare(math.Abs(a.HedgesG), math.Abs(b.HedgesG)); c != 0 {
		return c > 0
	}
	return cmp.Or(cmp.Compare(a.Dimension, b.Dimension), cmp.Compare(a.OutletA, b.OutletA), cmp.Compare(a.OutletB, b.OutletB)) < 0
}
