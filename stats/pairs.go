package stats

import (
	"context"

	"framing/model"
	"framing/output"
)

// outletPairs compares every pair of the pairwise outlets (selection.paired)
// on dimension d. Holm and Benjamini–Hochberg adjust the p-values within
// the dimension, over the pairs actually tested. Welch's t comes from the
// groups' moments and Mann–Whitney from a merge of the two sorted groups,
// so a pair costs O(na+nb), not a sort of both.
func (s *tableRows) outletPairs(ctx context.Context, wd *windowData, d int, g *outletGroups) error {
	start := len(s.pairs)
	var ps []float64
	extra := wd.sel.pairNote()
	paired := wd.sel.paired
	for i, a := range paired {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, b := range paired[i+1:] {
			sa, sb := g.sortedGroup(a), g.sortedGroup(b)
			if len(sa) == 0 || len(sb) == 0 {
				continue
			}
			t := model.WelchTFromMoments(g.moments[a], g.moments[b])
			t.NA, t.NB = len(sa), len(sb)
			mw := model.MannWhitneySorted(sa, sb)
			s.pairs = append(s.pairs, output.OutletPairRow{
				Dimension: wd.dims[d], OutletA: wd.outlets[a], OutletB: wd.outlets[b], NA: int64(len(sa)), NB: int64(len(sb)),
				MeanDiff: output.NullFloat(t.MeanDiff), WelchT: output.NullFloat(t.T), WelchDF: output.NullFloat(t.DF),
				WelchP: output.NullFloat(t.P), HedgesG: output.NullFloat(t.HedgesG),
				MannWhitney: output.NullFloat(mw.U), MannWhitP: output.NullFloat(mw.P), CliffsDelta: output.NullFloat(mw.CliffsDelta),
				Note:      note(t.Note, mw.Note, extra),
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
	return nil
}
