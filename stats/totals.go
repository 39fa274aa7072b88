package stats

import "math"

// shared is what several tasks read, computed once per window before the
// tasks start and read-only afterwards.
type shared struct {
	totals *totals
	reg    regInput
}

func newShared(wd *windowData) shared {
	return shared{totals: newTotals(wd), reg: wd.regressionInput()}
}

// totals are per-outlet sums of the columns that add up. hits is the
// outlet × dimension table of hit counts, built once per window for
// outlet_stats, the chi-square test and the profiles.
type totals struct {
	tokens     []int64 // [outlet]
	allTokens  int64
	hits       [][]int64   // [outlet][dim]
	hitTable   [][]float64 // hits as float64, for the model functions
	shareSum   [][]float64 // [dim][outlet], added in article order
	shareCount [][]int     // [dim][outlet]
}

// newTotals adds up each outlet's columns in one pass per dimension.
func newTotals(wd *windowData) *totals {
	k := len(wd.outlets)
	t := &totals{tokens: make([]int64, k), hits: make([][]int64, k), hitTable: make([][]float64, k)}
	for i, o := range wd.outlet {
		t.tokens[o] += wd.tokens[i]
		t.allTokens += wd.tokens[i]
	}
	for o := range t.hits {
		t.hits[o] = make([]int64, len(wd.dims))
	}
	for d := range wd.dims {
		sum, count := make([]float64, k), make([]int, k)
		for i, o := range wd.outlet {
			t.hits[o][d] += wd.hits[d][i]
			if sh := wd.share[d][i]; !math.IsNaN(sh) {
				sum[o] += sh
				count[o]++
			}
		}
		t.shareSum, t.shareCount = append(t.shareSum, sum), append(t.shareCount, count)
	}
	for o, row := range t.hits {
		t.hitTable[o] = make([]float64, len(row))
		for d, h := range row {
			t.hitTable[o][d] = float64(h)
		}
	}
	return t
}
