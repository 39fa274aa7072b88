package stats

import (
	"hash/fnv"

	"framing/model"
	"framing/output"
)

// Notes for statistics that are null because of the data, besides model's.
const (
	noteNoFrameHits = "no article with frame hits: mean_share null"
	noteNoTokens    = "no tokens: pooled_per_1k null"
)

// bootstrapResamples is the documented number of percentile-bootstrap
// resamples per outlet and dimension.
const bootstrapResamples = 2000

// seed derives a bootstrap seed from the window and the cell, so that a rerun
// of the same window gives the same intervals whatever else changed.
func seed(w output.Window, parts ...string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(w.String()))
	for _, p := range parts {
		h.Write([]byte{0x1f})
		h.Write([]byte(p))
	}
	return h.Sum64()
}

// outletStats describes each outlet's per_1k on dimension d (outlet_stats):
// moments, t and bootstrap intervals, quantiles, and the pooled density and
// mean share from the window's totals.
func (s *tableRows) outletStats(wd *windowData, d int, groups outletGroups, sums *totals) {
	w := wd.window
	for o, x := range groups.values {
		if len(x) == 0 {
			continue
		}
		desc := model.DescribeSorted(groups.sorted[o])
		boot := model.BootstrapMeanCI(x, bootstrapResamples, seed(w, wd.outlets[o], wd.dims[d]), 0.95)
		hits, tokens := sums.hits[o][d], sums.tokens[o]
		row := output.OutletStatsRow{
			WindowStart: w.From, WindowEnd: w.To, Outlet: wd.outlets[o], Dimension: wd.dims[d],
			NArticles: int64(desc.N), Mean: output.NullFloat(desc.Mean), SD: output.NullFloat(desc.SD),
			SE: output.NullFloat(desc.SE), CILow: output.NullFloat(desc.CILow), CIHigh: output.NullFloat(desc.CIHigh),
			BootLow: output.NullFloat(boot.Lo), BootHigh: output.NullFloat(boot.Hi),
			Median: output.NullFloat(desc.Median), Q25: output.NullFloat(desc.Q25), Q75: output.NullFloat(desc.Q75),
			TotalHits: hits, TotalTokens: tokens,
		}
		var shareNote, tokenNote string
		if n := sums.shareCount[d][o]; n > 0 {
			row.MeanShare = output.NullFloat(sums.shareSum[d][o] / float64(n))
		} else {
			shareNote = noteNoFrameHits
		}
		if tokens > 0 {
			row.PooledPer1k = output.NullFloat(float64(hits) / float64(tokens) * 1000)
		} else {
			tokenNote = noteNoTokens
		}
		row.Note = note(desc.Note, boot.Note, shareNote, tokenNote)
		s.stats = append(s.stats, row)
	}
}
