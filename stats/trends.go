package stats

import (
	"math"
	"sort"

	"framing/model"
	"framing/output"
)

// trend fits, per outlet, the OLS slope of the daily mean per_1k on the day.
// Days are whole numbers of days since the window start, so the daily sums
// live in a dense outlet × day table when the dates span at most maxTrendSpan
// days, and in per-outlet maps otherwise.
func (s *tableRows) trend(wd *windowData, d int) {
	type acc struct{ sum, n float64 }
	lo, hi, dense := wd.daySpan()
	span := int(hi-lo) + 1
	var table []acc // [outlet*span + day-lo]
	var daily []map[float64]*acc
	if dense {
		table = make([]acc, len(wd.outlets)*span)
	} else {
		daily = make([]map[float64]*acc, len(wd.outlets))
	}
	for i, o := range wd.outlet {
		day := wd.day[i]
		if math.IsNaN(day) {
			continue
		}
		var a *acc
		if dense {
			a = &table[o*span+int(day-lo)]
		} else {
			if daily[o] == nil {
				daily[o] = map[float64]*acc{}
			}
			if a = daily[o][day]; a == nil {
				a = &acc{}
				daily[o][day] = a
			}
		}
		a.sum += wd.per1k[d][i]
		a.n++
	}
	for o := range wd.outlets {
		var xs, ys []float64
		if dense {
			for k, a := range table[o*span : (o+1)*span] {
				if a.n > 0 {
					xs, ys = append(xs, lo+float64(k)), append(ys, a.sum/a.n)
				}
			}
		} else {
			for day := range daily[o] {
				xs = append(xs, day)
			}
			sort.Float64s(xs)
			for _, day := range xs {
				a := daily[o][day]
				ys = append(ys, a.sum/a.n)
			}
		}
		t := model.TrendSlope(xs, ys)
		s.trends = append(s.trends, output.TrendRow{
			WindowStart: wd.window.From, WindowEnd: wd.window.To, Outlet: wd.outlets[o], Dimension: wd.dims[d],
			NDays: int64(len(xs)), Slope: output.NullFloat(t.Slope), SE: output.NullFloat(t.SE), P: output.NullFloat(t.P),
			Note: note(t.Note),
		})
	}
}

// maxTrendSpan bounds the dense daily table of trend (outlets × days).
const maxTrendSpan = 1 << 14

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
