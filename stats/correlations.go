package stats

import (
	"context"
	"math"

	"framing/model"
	"framing/output"
)

// corrFlushRows is how many correlation rows are held before they are
// handed on: the table has d(d−1)/2 rows, two million at 2,000 dimensions,
// which held at once took some 500 MB.
const corrFlushRows = 1 << 14

// correlations relates every pair of dimensions across articles: Pearson's
// r of per_1k and Spearman's ρ (Pearson's r of the mid-ranks), both from the
// window's sums of products (crossSums), centred by each column's mean. It
// hands its rows to flush, in order, whenever corrFlushRows have gathered
// and at the end, and checks ctx between dimensions.
func correlations(ctx context.Context, wd *windowData, dims []dimSummary, cs *crossSums, pd pairDims, flush func(*tableRows) error) error {
	s := &tableRows{}
	n := wd.n()
	meanRank := float64(n+1) / 2 // of any column; the stored ranks are shifted by zeroRank
	for a, ia := range pd.keep {
		if len(s.corr) >= corrFlushRows {
			if err := flush(s); err != nil {
				return err
			}
			s = &tableRows{}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		for b := a + 1; b < len(pd.keep); b++ {
			ib := pd.keep[b]
			da, db := &dims[ia], &dims[ib]
			var p, sp model.Corr
			if !da.finite || !db.finite {
				p = model.Corr{N: n, R: math.NaN(), T: math.NaN(), P: math.NaN(), Note: model.NoteNonFinite}
				sp = p
			} else {
				ma, mb := da.moments.Mean, db.moments.Mean
				p = model.CorrFromCross(n, centred(cs.values[cs.at(a, a)], n, ma, ma), centred(cs.values[cs.at(b, b)], n, mb, mb),
					centred(cs.values[cs.at(a, b)], n, ma, mb), da.moments.Flat(), db.moments.Flat())
				ra, rb := meanRank-da.zeroRank, meanRank-db.zeroRank
				sp = model.SpearmanFromCross(n, centred(cs.ranks[cs.at(a, a)], n, ra, ra), centred(cs.ranks[cs.at(b, b)], n, rb, rb),
					centred(cs.ranks[cs.at(a, b)], n, ra, rb), da.tied, db.tied)
			}
			s.corr = append(s.corr, output.CorrelationRow{
				DimensionA: wd.dims[ia], DimensionB: wd.dims[ib],
				N: int64(n), PearsonR: output.NullFloat(p.R), PearsonP: output.NullFloat(p.P),
				SpearmanRho: output.NullFloat(sp.R), SpearmanP: output.NullFloat(sp.P), Note: note(p.Note, sp.Note, pd.note),
			})
		}
	}
	return flush(s)
}
