package model

import (
	"cmp"
	"math"
	"slices"
)

// AdjustHolm returns Holm's (1979) step-down adjusted p-values, as R's
// p.adjust(p, "holm"): in ascending order, pmin(1, cummax((m−i+1)·p₍ᵢ₎)). NaN entries, and
// values outside [0, 1] (not p-values), are NaN in the result and do not count in m.
func AdjustHolm(p []float64) []float64 {
	out, idx := adjustSetup(p)
	m := float64(len(idx))
	run := 0.0
	for i, j := range idx {
		run = math.Max(run, (m-float64(i))*p[j])
		out[j] = math.Min(1, run)
	}
	return out
}

// AdjustBH returns the Benjamini & Hochberg (1995) adjusted p-values, as R's
// p.adjust(p, "BH"): in descending order, pmin(1, cummin(m/i·p₍ᵢ₎)). NaN entries, and
// values outside [0, 1], are NaN in the result and do not count in m.
func AdjustBH(p []float64) []float64 {
	out, idx := adjustSetup(p)
	m := float64(len(idx))
	run := math.Inf(1)
	for k := len(idx) - 1; k >= 0; k-- {
		j := idx[k]
		run = math.Min(run, m/float64(k+1)*p[j])
		out[j] = math.Min(1, run)
	}
	return out
}

// adjustSetup returns an all-NaN output and the indices of the p in [0, 1] in ascending
// order of p (stable, like R's order()).
func adjustSetup(p []float64) ([]float64, []int) {
	out := make([]float64, len(p))
	var idx []int
	for i, v := range p {
		out[i] = nan()
		if v >= 0 && v <= 1 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	return out, idx
}
