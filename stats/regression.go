package stats

import (
	"fmt"
	"math"

	"framing/model"
	"framing/output"
)

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
func (s *tableRows) regression(wd *windowData, d int, in regInput) {
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
		r.Estimate, r.StdError = output.NullFloat(res.Coef[i]), output.NullFloat(res.SE[i])
		r.T, r.P = output.NullFloat(res.T[i]), output.NullFloat(res.P[i])
		r.R2, r.AdjR2, r.F, r.FP = output.NullFloat(res.R2), output.NullFloat(res.AdjR2), output.NullFloat(res.F), output.NullFloat(res.FP)
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
