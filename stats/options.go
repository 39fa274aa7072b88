package stats

import (
	"fmt"
	"runtime"
)

// Options are the settings of the statistics. cmd/framing fills them once
// from its flags; every field has an explicit default in DefaultOptions and
// no zero value stands for a default.
type Options struct {
	// Workers is how many goroutines run statistics tasks, at least 1. The
	// rows do not depend on it.
	Workers int
	// MinArticles, at least 1, is the fewest articles an outlet needs in
	// the window to take part in the tests across outlets, keyness, PCA
	// centroids, regression terms and trends. Every outlet has outlet_stats
	// rows; the smaller ones are counted in notes, and pooled into one
	// (other) group by the chi-square test and the regression.
	MinArticles int
	// MaxPairOutlets, at least 2, bounds the pairwise tables (outlet_pairs,
	// outlet_profiles), whose rows grow with the square of the outlets: they
	// compare the MaxPairOutlets eligible outlets with the most articles
	// (ties broken by name), and say so in note.
	MaxPairOutlets int
	// MaxPairDimensions, at least 2, bounds the tables that relate every
	// pair of dimensions (correlations, d(d−1)/2 rows, and PCA, whose
	// eigendecomposition is O(d³)): they take the MaxPairDimensions
	// dimensions with the highest mean per_1k in the window (ties in
	// lexicon order), kept in lexicon order, and say so in note. Every
	// other table has every dimension.
	MaxPairDimensions int
	// Progress, when set, is called from time to time while the
	// statistics run, from one goroutine at a time.
	Progress func(Progress)
}

// Progress is how far the statistics of a window are.
type Progress struct {
	// Lexicon is the lexicon being worked on, 1 to Lexicons: a window
	// whose nights used several lexicons has statistics for each.
	Lexicon, Lexicons int
	// Reading is true while the window's partitions are read; then Done of
	// Total steps of computing are done.
	Reading     bool
	Done, Total int
}

// Documented defaults of the statistics.
const (
	// DefaultMinArticles: a mean, a variance and a rank test of fewer
	// articles than this say little, and real nights have hundreds of
	// outlets with one or two.
	DefaultMinArticles = 10
	// DefaultMaxPairOutlets keeps a pairwise table at 4,950 rows per
	// dimension.
	DefaultMaxPairOutlets = 100
	// DefaultMaxPairDimensions keeps correlations at 19,900 rows and PCA at
	// a 200 × 200 matrix: all of a dictionary of up to 200 categories.
	// 2,000 dimensions took 72 CPU s, 52 of them in PCA (docs/performance.md).
	DefaultMaxPairDimensions = 200
)

// DefaultOptions are the documented defaults: one worker per GOMAXPROCS,
// DefaultMinArticles, DefaultMaxPairOutlets and DefaultMaxPairDimensions.
func DefaultOptions() Options {
	return Options{Workers: runtime.GOMAXPROCS(0), MinArticles: DefaultMinArticles,
		MaxPairOutlets: DefaultMaxPairOutlets, MaxPairDimensions: DefaultMaxPairDimensions}
}

// Validate reports a setting outside its range.
func (o Options) Validate() error {
	switch {
	case o.Workers < 1:
		return fmt.Errorf("statistics workers %d: want at least 1", o.Workers)
	case o.MinArticles < 1:
		return fmt.Errorf("min articles %d: want at least 1", o.MinArticles)
	case o.MaxPairOutlets < 2:
		return fmt.Errorf("max pair outlets %d: want at least 2", o.MaxPairOutlets)
	case o.MaxPairDimensions < 2:
		return fmt.Errorf("max pair dimensions %d: want at least 2", o.MaxPairDimensions)
	}
	return nil
}
