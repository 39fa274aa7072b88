package stats

import (
	"context"

	"framing/model"
	"framing/output"
)

// profileRows compares the dimension-share profiles (each outlet's hits per
// dimension as a share of its frame hits) of every pair of the pairwise
// outlets (selection.paired).
func (s *tableRows) profileRows(ctx context.Context, wd *windowData) error {
	shares := make(map[int][]float64, len(wd.sel.paired))
	for _, o := range wd.sel.paired {
		shares[o] = normalize(wd.totals.hits[o])
	}
	extra := wd.sel.pairNote()
	for i, a := range wd.sel.paired {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, b := range wd.sel.paired[i+1:] {
			pa, pb := shares[a], shares[b]
			row := output.OutletProfileRow{OutletA: wd.outlets[a], OutletB: wd.outlets[b]}
			if pa == nil || pb == nil {
				row.Note = note("an outlet has no frame hits", extra)
			} else {
				row.JSD = output.NullFloat(model.JensenShannon(pa, pb))
				row.Cosine = output.NullFloat(model.Cosine(pa, pb))
				row.Note = note(extra)
			}
			s.profiles = append(s.profiles, row)
		}
	}
	return nil
}

// normalize scales counts to shares; nil when they sum to zero.
func normalize(x []int64) []float64 {
	var t int64
	for _, v := range x {
		t += v
	}
	if t == 0 {
		return nil
	}
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v) / float64(t)
	}
	return out
}
