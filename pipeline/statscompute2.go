package pipeline

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"framing/model"
	"framing/output"
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

// outletSums are per-outlet totals of the columns that sum: tokens for every
// dimension, and per dimension hits and the sum and count of known shares.
type outletSums struct {
	tokens     []int64
	hits       [][]int64   // [dim][outlet]
	shareSum   [][]float64 // [dim][outlet], in article order
	shareCount [][]int
}

// outletSums adds up each outlet's columns in one pass per dimension.
func (wd *windowData) outletSums() outletSums {
	k := len(wd.outlets)
	s := outletSums{tokens: make([]int64, k)}
	for i, o := range wd.outlet {
		s.tokens[o] += wd.tokens[i]
	}
	for d := range wd.dims {
		hits, sum, count := make([]int64, k), make([]float64, k), make([]int, k)
		for i, o := range wd.outlet {
			hits[o] += wd.hits[d][i]
			if sh := wd.share[d][i]; !math.IsNaN(sh) {
				sum[o] += sh
				count[o]++
			}
		}
		s.hits, s.shareSum, s.shareCount = append(s.hits, hits), append(s.shareSum, sum), append(s.shareCount, count)
	}
	return s
}

// pcaRows runs a PCA of the articles' standardized dimension densities and
// writes explained variance, loadings and outlet centroids on PC1 and PC2.
func (s *statRows) pcaRows(wd *windowData) {
	base := output.PCARow{WindowStart: wd.window.From, WindowEnd: wd.window.To}
	groups := make([]string, len(wd.outlet))
	for i, o := range wd.outlet {
		groups[i] = wd.outlets[o]
	}
	res := model.PCAColumns(wd.per1k, groups)
	if len(res.Explained) == 0 {
		r := base
		r.Kind, r.Note = "variance", note(res.Note)
		s.pca = append(s.pca, r)
		return
	}
	for c, v := range res.Explained {
		r := base
		r.Kind, r.Component, r.Value, r.Note = "variance", int64(c+1), model.FinitePtr(v), note(res.Note)
		s.pca = append(s.pca, r)
	}
	for c := range res.Explained {
		for j, col := range res.Kept {
			r := base
			name := wd.dims[col]
			r.Kind, r.Component, r.Dimension, r.Value = "loading", int64(c+1), &name, model.FinitePtr(res.Loadings[j][c])
			s.pca = append(s.pca, r)
		}
	}
	for _, cen := range res.Centroids {
		for c, v := range []float64{cen.PC1, cen.PC2}[:min(2, len(res.Explained))] {
			r := base
			name := cen.Group
			r.Kind, r.Component, r.Outlet, r.Value = "centroid", int64(c+1), &name, model.FinitePtr(v)
			s.pca = append(s.pca, r)
		}
	}
}

// correlations relates every pair of dimensions across articles. Each
// dimension is ranked once for all of its Spearman correlations.
func (s *statRows) correlations(wd *windowData) {
	ranks := make([][]float64, len(wd.dims))
	for d, col := range wd.per1k {
		if len(wd.dims) > 1 && allFinite(col) {
			ranks[d], _ = model.Ranks(col)
		}
	}
	for a := range wd.dims {
		for b := a + 1; b < len(wd.dims); b++ {
			p := model.Pearson(wd.per1k[a], wd.per1k[b])
			var sp model.Corr
			if ranks[a] != nil && ranks[b] != nil {
				sp = model.SpearmanRanked(ranks[a], ranks[b])
			} else {
				sp = model.Spearman(wd.per1k[a], wd.per1k[b]) // notes a non-finite value
			}
			s.corr = append(s.corr, output.CorrelationRow{
				WindowStart: wd.window.From, WindowEnd: wd.window.To, DimensionA: wd.dims[a], DimensionB: wd.dims[b],
				N: int64(len(wd.per1k[a])), PearsonR: model.FinitePtr(p.R), PearsonP: model.FinitePtr(p.P),
				SpearmanRho: model.FinitePtr(sp.R), SpearmanP: model.FinitePtr(sp.P), Note: note(p.Note, sp.Note),
			})
		}
	}
}

func allFinite(x []float64) bool {
	for _, v := range x {
		if !isFinite(v) {
			return false
		}
	}
	return true
}

// regInput is what the regressions of all dimensions share: each article's
// outlet name, log(n_tokens) and day, and, when the days term is used and
// some dates are missing, the articles kept. Built once per window.
type regInput struct {
	outlets      []string
	logTok, days []float64
	keep         []int // nil: every article
	useDays      bool
	extra        string
}

func (wd *windowData) regressionInput() regInput {
	in := regInput{outlets: make([]string, len(wd.outlet)), logTok: wd.logTokens, days: wd.day}
	for i, o := range wd.outlet {
		in.outlets[i] = wd.outlets[o]
	}
	useDays, dropped := datesVary(wd.day)
	in.useDays = useDays
	if useDays && dropped > 0 {
		in.keep = make([]int, 0, len(wd.day)-dropped)
		var ko []string
		var kl, kd []float64
		for i, d := range wd.day {
			if !math.IsNaN(d) {
				in.keep = append(in.keep, i)
				ko, kl, kd = append(ko, in.outlets[i]), append(kl, wd.logTokens[i]), append(kd, d)
			}
		}
		in.outlets, in.logTok, in.days = ko, kl, kd
		in.extra = fmt.Sprintf("%d articles without a date left out", dropped)
	}
	return in
}

// regression fits per_1k ~ outlet + log(n_tokens) [+ days] for one
// dimension. With the days term, articles without a date are left out.
func (s *statRows) regression(wd *windowData, d int, in regInput) {
	y := wd.per1k[d]
	if in.keep != nil {
		ky := make([]float64, len(in.keep))
		for j, i := range in.keep {
			ky[j] = y[i]
		}
		y = ky
	}
	extra := in.extra
	base := output.RegressionRow{WindowStart: wd.window.From, WindowEnd: wd.window.To, Dimension: wd.dims[d], N: int64(len(y))}
	res, err := model.OutletRegression(y, in.outlets, in.logTok, in.days, in.useDays)
	if err != nil {
		r := base
		r.Term, r.Note = "(model)", note(err.Error(), extra)
		s.reg = append(s.reg, r)
		return
	}
	for i, term := range res.Names {
		r := base
		r.Term = term
		r.Estimate, r.StdError = model.FinitePtr(res.Coef[i]), model.FinitePtr(res.SE[i])
		r.T, r.P = model.FinitePtr(res.T[i]), model.FinitePtr(res.P[i])
		r.R2, r.AdjR2, r.F, r.FP = model.FinitePtr(res.R2), model.FinitePtr(res.AdjR2), model.FinitePtr(res.F), model.FinitePtr(res.FP)
		r.Reference, r.Note = res.Reference, note(res.Note, extra)
		s.reg = append(s.reg, r)
	}
}

// datesVary reports whether the known dates take more than one value, and
// how many articles have no date.
func datesVary(days []float64) (bool, int) {
	first, vary, missing := math.NaN(), false, 0
	for _, d := range days {
		switch {
		case math.IsNaN(d):
			missing++
		case math.IsNaN(first):
			first = d
		case d != first:
			vary = true
		}
	}
	return vary, missing
}

// trend fits, per outlet, the OLS slope of the daily mean per_1k on the day.
// Days are whole numbers of days since the window start, so the daily sums
// live in a dense outlet × day table when the dates span at most maxTrendSpan
// days, and in per-outlet maps otherwise.
func (s *statRows) trend(wd *windowData, d int) {
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
			NDays: int64(len(xs)), Slope: model.FinitePtr(t.Slope), SE: model.FinitePtr(t.SE), P: model.FinitePtr(t.P),
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
