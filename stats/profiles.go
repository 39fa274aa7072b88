package stats

import (
	"framing/model"
	"framing/output"
)

// profileRows compares outlets' dimension-share profiles: each outlet's hits
// per dimension as a share of its frame hits.
func (s *tableRows) profileRows(wd *windowData, sums *totals) {
	shares := make([][]float64, len(wd.outlets))
	for o, counts := range sums.hitTable {
		shares[o] = normalize(counts)
	}
	for a := range wd.outlets {
		for b := a + 1; b < len(wd.outlets); b++ {
			pa, pb := shares[a], shares[b]
			row := output.OutletProfileRow{WindowStart: wd.window.From, WindowEnd: wd.window.To,
				OutletA: wd.outlets[a], OutletB: wd.outlets[b]}
			if pa == nil || pb == nil {
				row.Note = note("an outlet has no frame hits")
			} else {
				row.JSD = output.NullFloat(model.JensenShannon(pa, pb))
				row.Cosine = output.NullFloat(model.Cosine(pa, pb))
			}
			s.profiles = append(s.profiles, row)
		}
	}
}

// normalize scales counts to shares; nil when they sum to zero.
func normalize(x []float64) []float64 {
	t := 0.0
	for _, v := range x {
		t += v
	}
	if t == 0 {
		return nil
	}
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = v / t
	}
	return out
}
