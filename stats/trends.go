package stats

import (
	"math"
	"sort"

	"framing/model"
	"framing/output"
)

// trend fits, per eligible outlet, the OLS slope of the daily mean per_1k
// on the day. Days are whole numbers of days since the window start, so the
// daily sums live in a dense outlet × day table when the dates span at most
// maxTrendSpan days, and in per-outlet maps otherwise.
func (s *tableRows) trend(wd *windowData, d int, col []float64) {
	type acc struct{ sum, n float64 }
	lo, hi, dense := wd.daySpan()
	span := int(hi-lo) + 1
	k := len(wd.sel.eligible)
	dense = dense && k*span <= maxTrendCells
	var table []acc // [outlet*span + day-lo]
	var daily []map[float64]*acc
	if dense {
		table = make([]acc, k*span)
	} else {
		daily = make([]map[float64]*acc, k)
	}
	for i, o := range wd.outlet {
		day := wd.day[i]
		if math.IsNaN(day) || !wd.sel.isEligible[o] {
			continue
		}
		var a *acc
		ko := wd.sel.keyOf[o]
		if dense {
			a = &table[ko*span+int(day-lo)]
		} else {
			if daily[ko] == nil {
				daily[ko] = map[float64]*acc{}
			}
			if a = daily[ko][day]; a == nil {
				a = &acc{}
				daily[ko][day] = a
			}
		}
		a.sum += col[i]
		a.n++
	}
	for ko, o := range wd.sel.eligible {
		var xs, ys []float64
		if dense {
			for k, a := range table[ko*span : (ko+1)*span] {
				if a.n > 0 {
					xs, ys = append(xs, lo+float64(k)), append(ys, a.sum/a.n)
				}
			}
		} else {
			for day := range daily[ko] {
				xs = append(xs, day)
			}
			sort.Float64s(xs)
			for _, day := range xs {
				a := daily[ko][day]
				ys = append(ys, a.sum/a.n)
			}
		}
		t := model.TrendSlope(xs, ys)
		s.trends = append(s.trends, output.TrendRow{
			Outlet: wd.outlets[o], Dimension: wd.dims[d],
			NDays: int64(len(xs)), Slope: output.NullFloat(t.Slope), SE: output.NullFloat(t.SE), P: output.NullFloat(t.P),
			Note: note(t.Note),
		})
	}
}

// maxTrendSpan bounds the days of the dense daily table of trend, and
// maxTrendCells its outlets × days (16 bytes each).
const (
	maxTrendSpan  = 1 << 14
	maxTrendCells = 1 << 20
)

// daySpan returns the first and last known day and whether every known day is
// a whole number within maxTrendSpan days, so that trend can index by day.
func (wd *windowData) daySpan() (lo, hi float64, dense bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, d := range wd.day {
		if math.IsNaN(d) {
			continue
		}
		if d != math.Trunc(d) || math.IsInf(d, 0) {
			return 0, 0, false
		}
		lo, hi = math.Min(lo, d), math.Max(hi, d)
	}
	if lo > hi { // no known day
		return 0, 0, true
	}
	return lo, hi, hi-lo < maxTrendSpan
}
