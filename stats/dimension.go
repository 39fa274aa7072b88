package stats

import (
	"context"
	"slices"
	"sort"

	"framing/model"
)

// dimSummary is what a dimension task leaves for the tables that need every
// dimension at once (PCA, correlations): its column's moments and ranks.
type dimSummary struct {
	moments model.Moments
	finite  bool // every value finite
	tied    bool // every value the same: no ranks to correlate
	// zeroRank is the mid-rank shared by the values 0, subtracted from
	// the ranks kept in windowData.ranks so that they stay as sparse as
	// the values; 0 when no value is 0.
	zeroRank float64
	// eligibleMeans are the eligible outlets' means, for PCA centroids.
	eligibleMeans []float64
}

// dimension computes every per-dimension table of dimension d (outlet_stats
// of the large outlets, its omnibus tests, outlet_pairs, regression,
// trends) from one read of its column, stores the medium outlets' values
// for outlet_stats by outlet, then ranks the column for Spearman's ρ. Its
// memory is three columns of the window, whatever the number of
// dimensions.
func (c *computation) dimension(ctx context.Context, s *tableRows, d int) error {
	wd := c.wd
	col, err := wd.column(d)
	if err != nil {
		return err
	}
	// From here on the column is read in canonical order: by the sums of
	// products, after every dimension task.
	if err := wd.values.putColumn(wd.colOf[d], col); err != nil {
		return err
	}
	wd.canonical[d] = true
	shares, err := wd.canonicalColumn(wd.shares, d)
	if err != nil {
		return err
	}
	sum := make([]float64, len(wd.outlets))
	for i, v := range shares {
		sum[wd.outlet[i]] += v // 0 for a null share
	}
	wd.totals.shareSum[d] = sum
	g := wd.lay.split(col)
	medium := make([]float64, 0, wd.medium.n)
	for _, o := range wd.medium.outlets {
		medium = append(medium, g.group(o)...)
	}
	if err := wd.grouped.putColumn(wd.colOf[d], medium); err != nil {
		return err
	}
	medium = nil
	if err := s.outletStatsLarge(ctx, wd, d, g); err != nil {
		return err
	}
	s.omnibus(wd, "per_1k", wd.dims[d], g, wd.sel.smallNote())
	if err := s.outletPairs(ctx, wd, d, g); err != nil {
		return err
	}
	s.regression(wd, d, col, c.reg)
	s.trend(wd, d, col)
	ds := &c.dims[d]
	ds.moments, ds.finite = model.MomentsOf(col), allFinite(col)
	ds.eligibleMeans = make([]float64, len(wd.sel.eligible))
	for k, o := range wd.sel.eligible {
		ds.eligibleMeans[k] = g.moments[o].Mean
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	sorted := g.sorted[:0] // the grouped copies are no longer needed
	g = nil
	ds.tied, ds.zeroRank = rankInPlace(col, append(sorted, col...))
	return wd.ranks.putColumn(wd.colOf[d], col)
}

// rankInPlace replaces each value of x by its mid-rank (R's rank(ties.method
// = "average")) minus the mid-rank of 0, using sorted (a copy of x, sorted
// here) to find each value's run of ties. It reports whether all values are
// tied and the mid-rank of 0 (0 when no value is 0). NaN values, which
// correlations refuse anyway, get rank NaN.
func rankInPlace(x, sorted []float64) (tied bool, zero float64) {
	slices.Sort(sorted)
	n := len(sorted)
	midRank := func(v float64) float64 {
		lo := sort.SearchFloat64s(sorted, v)
		hi := lo + sort.Search(n-lo, func(i int) bool { return sorted[lo+i] > v })
		return float64(lo+1+hi) / 2 // ranks lo+1 … hi
	}
	if n > 0 {
		tied = sorted[0] == sorted[n-1]
		if i := sort.SearchFloat64s(sorted, 0); i < n && sorted[i] == 0 {
			zero = midRank(0)
		}
	}
	for i, v := range x {
		if v != v { // NaN
			continue
		}
		x[i] = midRank(v) - zero
	}
	return tied, zero
}

func allFinite(x []float64) bool {
	for _, v := range x {
		if !isFinite(v) {
			return false
		}
	}
	return true
}
