package stats

import (
	"framing/model"
	"framing/output"
)

// outletPairs compares every pair of outlets with articles on dimension d;
// p-values are adjusted within the dimension.
// Welch's t comes from the groups' moments and Mann–Whitney from a merge of
// the two sorted groups, so a pair costs O(na+nb), not a sort of both.
func (s *tableRows) outletPairs(wd *windowData, d int, groups outletGroups) {
	start := len(s.pairs)
	var ps []float64
	sorted := groups.sorted
	for a := range sorted {
		for b := a + 1; b < len(sorted); b++ {
			if len(sorted[a]) == 0 || len(sorted[b]) == 0 {
				continue
			}
			t := model.WelchTFromMoments(groups.moments[a], groups.moments[b])
			t.NA, t.NB = len(sorted[a]), len(sorted[b])
			mw := model.MannWhitneySorted(sorted[a], sorted[b])
			s.pairs = append(s.pairs, output.OutletPairRow{
				WindowStart: wd.window.From, WindowEnd: wd.window.To, Dimension: wd.dims[d],
				OutletA: wd.outlets[a], OutletB: wd.outlets[b], NA: int64(len(sorted[a])), NB: int64(len(sorted[b])),
				MeanDiff: output.NullFloat(t.MeanDiff), WelchT: output.NullFloat(t.T), WelchDF: output.NullFloat(t.DF),
				WelchP: output.NullFloat(t.P), HedgesG: output.NullFloat(t.HedgesG),
				MannWhitney: output.NullFloat(mw.U), MannWhitP: output.NullFloat(mw.P), CliffsDelta: output.NullFloat(mw.CliffsDelta),
				Note:      note(t.Note, mw.Note),
				DiffCILow: output.NullFloat(t.CILow), DiffCIHigh: output.NullFloat(t.CIHigh),
			})
			ps = append(ps, t.P)
		}
	}
	holm, bh := model.AdjustHolm(ps), model.AdjustBH(ps)
	for i := range ps {
		s.pairs[start+i].PHolm = output.NullFloat(holm[i])
		s.pairs[start+i].PBH = output.NullFloat(bh[i])
	}
}
