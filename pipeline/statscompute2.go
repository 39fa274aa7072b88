package pipeline

import (
	"fmt"
	"math"
	"sort"

	"framing/model"
	"framing/output"
)

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

// correlations relates every pair of dimensions across articles.
func (s *statRows) correlations(wd *windowData) {
	for a := range wd.dims {
		for b := a + 1; b < len(wd.dims); b++ {
			p := model.Pearson(wd.per1k[a], wd.per1k[b])
			sp := model.Spearman(wd.per1k[a], wd.per1k[b])
			s.corr = append(s.corr, output.CorrelationRow{
				WindowStart: wd.window.From, WindowEnd: wd.window.To, DimensionA: wd.dims[a], DimensionB: wd.dims[b],
				N: int64(len(wd.per1k[a])), PearsonR: model.FinitePtr(p.R), PearsonP: model.FinitePtr(p.P),
				SpearmanRho: model.FinitePtr(sp.R), SpearmanP: model.FinitePtr(sp.P), Note: note(p.Note, sp.Note),
			})
		}
	}
}

// regression fits per_1k ~ outlet + log(n_tokens) [+ days] for one
// dimension. With the days term, articles without a date are left out.
func (s *statRows) regression(wd *windowData, d int) {
	y, outlets, logTok, days := wd.per1k[d], make([]string, len(wd.outlet)), wd.logTokens, wd.day
	for i, o := range wd.outlet {
		outlets[i] = wd.outlets[o]
	}
	useDays, dropped := datesVary(days)
	var extra string
	if useDays && dropped > 0 {
		var ky []float64
		var ko []string
		var kl, kd []float64
		for i := range y {
			if !math.IsNaN(days[i]) {
				ky, ko, kl, kd = append(ky, y[i]), append(ko, outlets[i]), append(kl, logTok[i]), append(kd, days[i])
			}
		}
		y, outlets, logTok, days = ky, ko, kl, kd
		extra = fmt.Sprintf("%d articles without a date left out", dropped)
	}
	base := output.RegressionRow{WindowStart: wd.window.From, WindowEnd: wd.window.To, Dimension: wd.dims[d], N: int64(len(y))}
	res, err := model.OutletRegression(y, outlets, logTok, days, useDays)
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
func (s *statRows) trend(wd *windowData, d int) {
	type acc struct{ sum, n float64 }
	daily := make([]map[float64]*acc, len(wd.outlets))
	for i, o := range wd.outlet {
		day := wd.day[i]
		if math.IsNaN(day) {
			continue
		}
		if daily[o] == nil {
			daily[o] = map[float64]*acc{}
		}
		a := daily[o][day]
		if a == nil {
			a = &acc{}
			daily[o][day] = a
		}
		a.sum += wd.per1k[d][i]
		a.n++
	}
	for o := range wd.outlets {
		var xs, ys []float64
		for day := range daily[o] {
			xs = append(xs, day)
		}
		sort.Float64s(xs)
		for _, day := range xs {
			a := daily[o][day]
			ys = append(ys, a.sum/a.n)
		}
		t := model.TrendSlope(xs, ys)
		s.trends = append(s.trends, output.TrendRow{
			WindowStart: wd.window.From, WindowEnd: wd.window.To, Outlet: wd.outlets[o], Dimension: wd.dims[d],
			NDays: int64(len(xs)), Slope: model.FinitePtr(t.Slope), SE: model.FinitePtr(t.SE), P: model.FinitePtr(t.P),
			Note: note(t.Note),
		})
	}
}
