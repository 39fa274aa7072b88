package stats

import (
	"sort"

	"framing/model"
	"framing/output"
)

// omnibus writes one-way ANOVA, Welch's ANOVA and Kruskal–Wallis for one
// measure across the eligible outlets that have values; extra (which
// outlets were left out) goes into every row's note.
func (s *tableRows) omnibus(wd *windowData, measure, target string, g *outletGroups, extra string) {
	var moments []model.Moments
	var sorted [][]float64
	n := 0
	for _, o := range wd.sel.eligible {
		if k := g.size(o); k > 0 {
			moments = append(moments, g.moments[o])
			sorted = append(sorted, g.sortedGroup(o))
			n += k
		}
	}
	base := output.OutletTestRow{Measure: measure, Target: target, NGroups: int64(len(sorted)), N: int64(n)}

	a := model.OneWayANOVAFromMoments(moments)
	r := base
	r.Test, r.Statistic, r.DF1, r.DF2, r.P = "anova", output.NullFloat(a.F), output.NullFloat(a.DF1), output.NullFloat(a.DF2), output.NullFloat(a.P)
	r.EffectName, r.Effect, r.Note = "eta_squared", output.NullFloat(a.Eta2), note(a.Note, extra)
	s.tests = append(s.tests, r)

	wa := model.WelchANOVAFromMoments(moments)
	r = base
	r.Test, r.Statistic, r.DF1, r.DF2, r.P = "welch_anova", output.NullFloat(wa.F), output.NullFloat(wa.DF1), output.NullFloat(wa.DF2), output.NullFloat(wa.P)
	r.EffectName, r.Note = "", note(wa.Note, extra)
	s.tests = append(s.tests, r)

	kw := model.KruskalWallisSorted(sorted)
	r = base
	r.Test, r.Statistic, r.DF1, r.P = "kruskal_wallis", output.NullFloat(kw.H), output.NullFloat(kw.DF), output.NullFloat(kw.P)
	r.EffectName, r.Effect, r.Note = "epsilon_squared", output.NullFloat(kw.Epsilon2), note(kw.Note, extra)
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
// no rows. Within each outlet the values are in the window's canonical
// article order.
func (s *tableRows) stance(wd *windowData, measure, actor string, gv *groupedValues) {
	if gv == nil {
		return
	}
	s.omnibus(wd, measure, actor, groupsOf(gv.outlet, gv.value, len(wd.outlets)), wd.sel.smallNote())
}
