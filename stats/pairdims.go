package stats

import (
	"cmp"
	"fmt"
	"slices"
)

// pairDims are the dimensions of the tables that relate every pair of
// dimensions (correlations and PCA), whose cost grows with the square and
// the cube of their number: at most Options.MaxPairDimensions of them.
type pairDims struct {
	keep []int  // indices into the window's dimensions, in lexicon order
	note string // says which dimensions were kept, when not all were
}

// selectDims keeps every dimension when there are at most limit of them, and
// otherwise the limit with the highest mean per_1k in the window (ties in
// lexicon order): the ones a map of how frames go together is about. A
// dimension whose values are not all finite ranks last.
func selectDims(names []string, dims []dimSummary, limit int) pairDims {
	keep := make([]int, len(names))
	for d := range keep {
		keep[d] = d
	}
	if len(keep) <= limit {
		return pairDims{keep: keep}
	}
	mean := func(d int) float64 {
		if !dims[d].finite {
			return -1
		}
		return dims[d].moments.Mean
	}
	slices.SortStableFunc(keep, func(a, b int) int { return cmp.Compare(mean(b), mean(a)) })
	keep = keep[:limit]
	slices.Sort(keep)
	return pairDims{keep: keep, note: fmt.Sprintf("the %d of %d dimensions with the highest mean per_1k (--max-pair-dimensions)", limit, len(names))}
}
