package stats

import (
	"context"
	"hash/fnv"
	"math"
	"slices"

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

// seed derives a bootstrap seed from the window and the outlet, so that a
// rerun of the same window gives the same intervals whatever else changed;
// an outlet's dimensions share their resamples (BootstrapMeanCIs).
func seed(w output.Window, parts ...string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(w.String()))
	for _, p := range parts {
		h.Write([]byte{0x1f})
		h.Write([]byte(p))
	}
	return h.Sum64()
}

// mediumOutlets are the outlets that outlet_stats describes outlet by
// outlet, all dimensions at once: those small enough for the exact
// bootstrap (model.BootstrapExactMaxN articles or fewer), whose 2,000
// resamples then cost one draw for every dimension instead of one per
// dimension. Larger outlets are described dimension by dimension, where
// their bootstrap is its normal limit. The dimension tasks store the
// medium outlets' values of each dimension one after the other, in outlet
// order (windowData.grouped); outlet o's are at off[o]:off[o]+n.
type mediumOutlets struct {
	outlets []int // in outlet order
	off     []int // [outlet]: first value in a grouped column; −1 for a large outlet
	n       int   // values in a grouped column
}

func newMediumOutlets(articles []int) mediumOutlets {
	m := mediumOutlets{off: make([]int, len(articles))}
	for o, n := range articles {
		m.off[o] = -1
		if n <= model.BootstrapExactMaxN {
			m.off[o] = m.n
			m.outlets = append(m.outlets, o)
			m.n += n
		}
	}
	return m
}

// blockRows bounds the articles of one outlet-by-outlet task, so that its
// articles × dimensions matrix stays near 16 MB (a single outlet may pass
// it: BootstrapExactMaxN rows).
func blockRows(dims int) int {
	return min(max(4096, (16<<20)/8/max(1, dims)), 1<<16)
}

// blockOutlets bounds the outlets of one outlet-by-outlet task: its rows,
// outlets × dimensions, wait in memory until they are written, about 400
// bytes each.
func blockOutlets(dims int) int { return max(1, 16384/max(1, dims)) }

// blocks splits the medium outlets into runs of consecutive outlets of at
// most rows articles and most outlets outlets together (an outlet larger
// than rows alone).
func (m mediumOutlets) blocks(articles []int, rows, outlets int) [][]int {
	var out [][]int
	var cur []int
	size := 0
	for _, o := range m.outlets {
		if size > 0 && (size+articles[o] > rows || len(cur) == outlets) {
			out, cur, size = append(out, cur), nil, 0
		}
		cur, size = append(cur, o), size+articles[o]
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// outletStatsLarge describes the large outlets on dimension d from its
// split column.
func (s *tableRows) outletStatsLarge(ctx context.Context, wd *windowData, d int, g *outletGroups) error {
	for o := range wd.outlets {
		if wd.medium.off[o] >= 0 || g.size(o) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		boot := model.CI{Lo: math.NaN(), Hi: math.NaN(), Note: wd.sel.bootNote()}
		if wd.sel.isEligible[o] {
			boot = model.BootstrapMeanCI(g.group(o), bootstrapResamples, seed(wd.window, wd.outlets[o]), 0.95)
		}
		s.stats = append(s.stats, wd.statsRow(o, d, model.DescribeSorted(g.sortedGroup(o)), boot))
	}
	return nil
}

// outletStatsBlock describes a block of medium outlets on every dimension:
// it reads their values of each dimension, resamples each outlet's articles
// once for all dimensions, and writes their rows outlet by outlet.
func (s *tableRows) outletStatsBlock(ctx context.Context, wd *windowData, block []int) error {
	k := len(wd.dims)
	lo := wd.medium.off[block[0]]
	last := block[len(block)-1]
	hi := wd.medium.off[last] + wd.totals.articles[last]
	m := make([]float64, (hi-lo)*k) // [article][dimension]
	var vals []float64
	var buf []byte
	for d := range k {
		var err error
		if vals, buf, err = wd.grouped.readRange(wd.colOf[d], lo, hi, vals, buf); err != nil {
			return err
		}
		for i, v := range vals {
			m[i*k+d] = v
		}
	}
	col := make([]float64, 0, model.BootstrapExactMaxN)
	for _, o := range block {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := wd.totals.articles[o]
		start := wd.medium.off[o] - lo
		x := m[start*k : (start+n)*k]
		var boots []model.CI
		if wd.sel.isEligible[o] {
			boots = model.BootstrapMeanCIs(x, n, k, bootstrapResamples, seed(wd.window, wd.outlets[o]), 0.95)
		}
		for d := range k {
			col = col[:0]
			for i := range n {
				col = append(col, x[i*k+d])
			}
			slices.Sort(col)
			boot := model.CI{Lo: math.NaN(), Hi: math.NaN(), Note: wd.sel.bootNote()}
			if boots != nil {
				boot = boots[d]
			}
			s.stats = append(s.stats, wd.statsRow(o, d, model.DescribeSorted(col), boot))
		}
	}
	return nil
}

// statsRow is outlet o's outlet_stats row on dimension d.
func (wd *windowData) statsRow(o, d int, desc model.Desc, boot model.CI) output.OutletStatsRow {
	t := &wd.totals
	hits, tokens := t.hits[o][d], t.tokens[o]
	row := output.OutletStatsRow{
		Outlet: wd.outlets[o], Dimension: wd.dims[d],
		NArticles: int64(desc.N), Mean: output.NullFloat(desc.Mean), SD: output.NullFloat(desc.SD),
		SE: output.NullFloat(desc.SE), CILow: output.NullFloat(desc.CILow), CIHigh: output.NullFloat(desc.CIHigh),
		BootLow: output.NullFloat(boot.Lo), BootHigh: output.NullFloat(boot.Hi),
		Median: output.NullFloat(desc.Median), Q25: output.NullFloat(desc.Q25), Q75: output.NullFloat(desc.Q75),
		TotalHits: hits, TotalTokens: tokens,
	}
	var shareNote, tokenNote string
	if n := t.shareCount[o]; n > 0 {
		row.MeanShare = output.NullFloat(t.shareSum[d][o] / float64(n))
	} else {
		shareNote = noteNoFrameHits
	}
	if tokens > 0 {
		row.PooledPer1k = output.NullFloat(float64(hits) / float64(tokens) * 1000)
	} else {
		tokenNote = noteNoTokens
	}
	row.Note = note(desc.Note, boot.Note, shareNote, tokenNote)
	return row
}
