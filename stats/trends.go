package stats

import (
	"cmp"
	"math"
	"slices"

	"framing/model"
	"framing/output"
)

// trend fits, per eligible outlet, the OLS slope of the daily mean per_1k
// on the day. The cells (outlet, day) are the window's (trendCells), so a
// dimension costs one pass over the articles and one number per cell,
// whatever the span of the dates.
func (s *tableRows) trend(wd *windowData, d int, col []float64) {
	tc := wd.trendCells()
	sums := make([]float64, len(tc.day))
	for i, c := range tc.cell {
		if c >= 0 {
			sums[c] += col[i] // in canonical order, cell by cell
		}
	}
	for ko, o := range wd.sel.eligible {
		lo, hi := tc.start[ko], tc.start[ko+1]
		xs, ys := tc.day[lo:hi:hi], make([]float64, hi-lo)
		for k := range ys {
			ys[k] = sums[int(lo)+k] / tc.n[int(lo)+k]
		}
		t := model.TrendSlope(xs, ys)
		s.trends = append(s.trends, output.TrendRow{
			Outlet: wd.outlets[o], Dimension: wd.dims[d],
			NDays: int64(len(xs)), Slope: output.NullFloat(t.Slope), SE: output.NullFloat(t.SE), P: output.NullFloat(t.P),
			Note: note(t.Note),
		})
	}
}

// trendCells are the days on which each eligible outlet published, the
// cells whose daily means trend regresses on the day; the same for every
// dimension, so built once per window.
type trendCells struct {
	cell  []int32   // [article]: its cell, −1 when undated or its outlet is not eligible
	day   []float64 // [cell]: the day, ascending within an outlet
	n     []float64 // [cell]: its articles
	start []int32   // [eligible outlet key], and one more: its first cell
}

// trendCells returns the window's cells, built on first use; the dimension
// tasks share them read-only.
func (wd *windowData) trendCells() *trendCells {
	wd.trendOnce.Do(func() { wd.trend = newTrendCells(wd.outlet, wd.day, wd.sel) })
	return wd.trend
}

// newTrendCells sorts the dated articles of eligible outlets by outlet and
// day and numbers the distinct pairs.
func newTrendCells(outlet []int32, day []float64, sel selection) *trendCells {
	tc := &trendCells{cell: make([]int32, len(outlet)), start: make([]int32, len(sel.eligible)+1)}
	var dated []int32
	for i, o := range outlet {
		tc.cell[i] = -1
		if !math.IsNaN(day[i]) && sel.isEligible[o] {
			dated = append(dated, int32(i))
		}
	}
	key := func(i int32) int { return sel.keyOf[outlet[i]] }
	slices.SortFunc(dated, func(a, b int32) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(day[a], day[b]))
	})
	prevKey, prevDay := -1, 0.0
	for _, i := range dated {
		k := key(i)
		if k != prevKey || day[i] != prevDay {
			for kk := prevKey + 1; kk <= k; kk++ {
				tc.start[kk] = int32(len(tc.day))
			}
			tc.day = append(tc.day, day[i])
			tc.n = append(tc.n, 0)
			prevKey, prevDay = k, day[i]
		}
		c := len(tc.day) - 1
		tc.cell[i] = int32(c)
		tc.n[c]++
	}
	for kk := prevKey + 1; kk < len(tc.start); kk++ {
		tc.start[kk] = int32(len(tc.day))
	}
	return tc
}
