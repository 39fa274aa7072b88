package stats

import (
	"sort"

	"framing/model"
	"framing/output"
)

// nonEmpty drops outlets without values; omnibus tests compare the rest.
func nonEmpty(groups outletGroups) outletGroups {
	var g outletGroups
	for o, x := range groups.values {
		if len(x) > 0 {
			g.values = append(g.values, x)
			g.sorted = append(g.sorted, groups.sorted[o])
			g.moments = append(g.moments, groups.moments[o])
		}
	}
	return g
}

func countAll(groups [][]float64) int64 {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	return int64(n)
}

// omnibus writes one-way ANOVA, Welch's ANOVA and Kruskal–Wallis for one
// measure across outlets.
func (s *tableRows) omnibus(wd *windowData, measure, target string, groups outletGroups) {
	g := nonEmpty(groups)
	base := output.OutletTestRow{WindowStart: wd.window.From, WindowEnd: wd.window.To, Measure: measure,
		Target: target, NGroups: int64(len(g.values)), N: countAll(g.values)}

	a := model.OneWayANOVAFromMoments(g.moments)
	r := base
	r.Test, r.Statistic, r.DF1, r.DF2, r.P = "anova", output.NullFloat(a.F), output.NullFloat(a.DF1), output.NullFloat(a.DF2), output.NullFloat(a.P)
	r.EffectName, r.Effect, r.Note = "eta_squared", output.NullFloat(a.Eta2), note(a.Note)
	s.tests = append(s.tests, r)

	wa := model.WelchANOVAFromMoments(g.moments)
	r = base
	r.Test, r.Statistic, r.DF1, r.DF2, r.P = "welch_anova", output.NullFloat(wa.F), output.NullFloat(wa.DF1), output.NullFloat(wa.DF2), output.NullFloat(wa.P)
	r.EffectName, r.Note = "", note(wa.Note)
	s.tests = append(s.tests, r)

	kw := model.KruskalWallisSorted(g.sorted)
	r = base
	r.Test, r.Statistic, r.DF1, r.P = "kruskal_wallis", output.NullFloat(kw.H), output.NullFloat(kw.DF), output.NullFloat(kw.P)
	r.EffectName, r.Effect, r.Note = "epsilon_squared", output.NullFloat(kw.Epsilon2), note(kw.Note)
	s.tests = append(s.tests, r)
}

// actors returns the stance actors of the window, sorted.
func (wd *windowData) actors() []string {
	actors := make([]string, 0, len(wd.stance))
	for a := range wd.stance {
		actors = append(actors, a)
	}
	sort.Strings(actors)
	return actors
}

// stance runs the omnibus tests on one actor's per-article values gv, as
// measure ("stance" for the combined voice, "authorial_stance" for the
// outlet's own voice). A nil gv (no article with tone in that voice) adds
// no rows.
func (s *tableRows) stance(wd *windowData, measure, actor string, gv *groupedValues) {
	if gv == nil {
		return
	}
	groups := make([][]float64, len(wd.outlets))
	for i, v := range gv.value {
		groups[gv.outlet[i]] = append(groups[gv.outlet[i]], v)
	}
	s.omnibus(wd, measure, actor, newOutletGroups(groups))
}
