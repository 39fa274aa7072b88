package stats

import (
	"framing/model"
	"framing/output"
)

// correlations relates every pair of dimensions across articles. Each
// dimension is ranked once for all of its Spearman correlations.
func (s *tableRows) correlations(wd *windowData) {
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
				N: int64(len(wd.per1k[a])), PearsonR: output.NullFloat(p.R), PearsonP: output.NullFloat(p.P),
				SpearmanRho: output.NullFloat(sp.R), SpearmanP: output.NullFloat(sp.P), Note: note(p.Note, sp.Note),
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
