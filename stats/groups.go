package stats

import (
	"math"
	"slices"

	"framing/model"
)

// outletGroups is one article column split by outlet, with each group sorted
// once and its moments computed once: the quantiles, Kruskal–Wallis and the
// Mann–Whitney merges of every pair reuse the sorted copies, and the ANOVAs
// and Welch t tests need only the moments.
type outletGroups struct {
	values  [][]float64 // in article order: the bootstrap draws index into these
	sorted  [][]float64
	moments []model.Moments // N is NaN for a group with a non-finite value
}

func newOutletGroups(values [][]float64) outletGroups {
	g := outletGroups{values: values, sorted: make([][]float64, len(values)), moments: make([]model.Moments, len(values))}
	for o, x := range values {
		g.sorted[o] = slices.Clone(x)
		slices.Sort(g.sorted[o])
		g.moments[o] = model.MomentsOf(x)
		if n := len(x); n > 0 && !(isFinite(g.sorted[o][0]) && isFinite(g.sorted[o][n-1])) {
			g.moments[o] = model.Moments{N: math.NaN()} // sorted: NaN first, ±Inf at the ends
		}
	}
	return g
}

func isFinite(x float64) bool {
	_, ok := model.Finite(x)
	return ok
}

// groupsOf splits one article column by outlet, in outlet order.
func (wd *windowData) groupsOf(col []float64) [][]float64 {
	g := make([][]float64, len(wd.outlets))
	for i, v := range col {
		o := wd.outlet[i]
		g[o] = append(g[o], v)
	}
	return g
}
