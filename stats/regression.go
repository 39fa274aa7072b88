package stats

import (
	"fmt"
	"math"

	"framing/model"
	"framing/output"
)

// regInput is what the regressions of all dimensions share, built once per
// window: each article's group (an eligible outlet, or (other) for the
// outlets with fewer than MinArticles articles), log(n_tokens) and day,
// and, when the days term is used and some dates are missing, the articles
// kept.
type regInput struct {
	group        []int32
	names        []string // group names: the eligible outlets, then (other) when pooled
	ref          int      // the eligible outlet with the most articles (ties: by name)
	logTok, days []float64
	keep         []int // nil: every article
	useDays      bool
	extra        string
}

func (wd *windowData) regressionInput() regInput {
	sel := wd.sel
	in := regInput{group: make([]int32, wd.n()), logTok: wd.logTokens, days: wd.day}
	groupOf := make([]int32, len(wd.outlets))
	for k, o := range sel.eligible {
		groupOf[o] = int32(k)
		in.names = append(in.names, wd.outlets[o])
		if wd.totals.articles[o] > wd.totals.articles[sel.eligible[in.ref]] {
			in.ref = k
		}
	}
	if sel.small > 0 {
		other := int32(len(in.names))
		in.names = append(in.names, otherOutlet)
		for o, ok := range sel.isEligible {
			if !ok {
				groupOf[o] = other
			}
		}
	}
	for i, o := range wd.outlet {
		in.group[i] = groupOf[o]
	}
	in.extra = sel.pooledNote()
	useDays, dropped := datesVary(wd.day)
	in.useDays = useDays
	if useDays && dropped > 0 {
		in.keep = make([]int, 0, len(wd.day)-dropped)
		var kg []int32
		var kl, kd []float64
		for i, d := range wd.day {
			if !math.IsNaN(d) {
				in.keep = append(in.keep, i)
				kg, kl, kd = append(kg, in.group[i]), append(kl, wd.logTokens[i]), append(kd, d)
			}
		}
		in.group, in.logTok, in.days = kg, kl, kd
		in.extra = joinNotes(in.extra, fmt.Sprintf("%d articles without a date left out", dropped))
		in.dropEmpty()
	}
	return in
}

// dropEmpty removes the groups that lost every article with the undated
// ones: a term without articles cannot be estimated.
func (in *regInput) dropEmpty() {
	count := make([]int, len(in.names))
	for _, g := range in.group {
		count[g]++
	}
	newIdx := make([]int32, len(in.names))
	var names []string
	for g, c := range count {
		newIdx[g] = int32(len(names))
		if c > 0 || g == in.ref {
			names = append(names, in.names[g])
		}
	}
	if len(names) == len(in.names) {
		return
	}
	for i, g := range in.group {
		in.group[i] = newIdx[g]
	}
	in.ref = int(newIdx[in.ref])
	in.names = names
}

// regression fits per_1k ~ outlet + log(n_tokens) [+ days] for one
// dimension. With the days term, articles without a date are left out.
func (s *tableRows) regression(wd *windowData, d int, y []float64, in regInput) {
	if in.keep != nil {
		ky := make([]float64, len(in.keep))
		for j, i := range in.keep {
			ky[j] = y[i]
		}
		y = ky
	}
	base := output.RegressionRow{Dimension: wd.dims[d], N: int64(len(y))}
	if len(in.names) == 0 {
		r := base
		r.Term, r.Note = "(model)", note(model.NoteEmpty, in.extra)
		s.reg = append(s.reg, r)
		return
	}
	res, err := model.GroupRegression(y, in.group, in.names, in.ref, in.logTok, in.days, in.useDays)
	if err != nil {
		r := base
		r.Term, r.Reference, r.Note = "(model)", in.names[in.ref], note(err.Error(), in.extra)
		s.reg = append(s.reg, r)
		return
	}
	for i, term := range res.Names {
		r := base
		r.Term = term
		r.Estimate, r.StdError = output.NullFloat(res.Coef[i]), output.NullFloat(res.SE[i])
		r.T, r.P = output.NullFloat(res.T[i]), output.NullFloat(res.P[i])
		r.R2, r.AdjR2, r.F, r.FP = output.NullFloat(res.R2), output.NullFloat(res.AdjR2), output.NullFloat(res.F), output.NullFloat(res.FP)
		r.Reference, r.Note = res.Reference, note(res.Note, in.extra)
		s.reg = append(s.reg, r)
	}
}

// joinNotes joins two notes with "; ", either may be empty.
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
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
