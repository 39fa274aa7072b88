package model

import (
	"math"
	"slices"
)

// MW is the Mann–Whitney (Wilcoxon rank-sum) test of a against b: U (R's W), the normal
// approximation Z and two-sided P, and Cliff's δ.
type MW struct {
	U, Z, P     float64
	CliffsDelta float64
	NA, NB      int
	Note        string
}

// MannWhitney computes, exactly as R's wilcox.test(a, b, exact = FALSE, correct = TRUE):
// U = Σ ranks(a) − na(na+1)/2 over mid-ranks of the pooled sample,
// σ = √(na·nb/12 · ((N+1) − Σ(t³−t)/(N(N−1)))), z = (U − na·nb/2 − sign·0.5)/σ,
// P = 2·Φ(−|z|) (Hollander & Wolfe 1999 §4.1; R wilcox.test source). CliffsDelta =
// 2U/(na·nb) − 1. All values tied gives NoteAllTied for Z and P.
func MannWhitney(a, b []float64) MW {
	r := MW{U: nan(), Z: nan(), P: nan(), CliffsDelta: nan(), NA: len(a), NB: len(b)}
	switch {
	case !allFinite(a) || !allFinite(b):
		r.Note = NoteNonFinite
		return r
	case len(a) == 0 || len(b) == 0:
		r.Note = NoteEmpty
		return r
	}
	pooled := append(append(make([]float64, 0, len(a)+len(b)), a...), b...)
	ranks, ties := Ranks(pooled)
	var ra float64
	for _, v := range ranks[:len(a)] {
		ra += v
	}
	return mwFinish(r, ra, ties, slices.Min(pooled) == slices.Max(pooled))
}

// MannWhitneySorted is MannWhitney for a and b already sorted ascending (slices.Sort
// order). The pooled mid-ranks come from one merge of the two samples, so a pair costs
// O(na+nb) instead of a sort of the pooled sample: with 50 outlets the 1,225 pairs of a
// dimension reuse one sort per outlet. Rank sums are sums of half-integers and the tie
// sum an integer, both exact in float64 below 2⁵³, so the result equals MannWhitney's
// bit for bit. Input found out of order during the merge falls back to MannWhitney.
func MannWhitneySorted(a, b []float64) MW {
	r := MW{U: nan(), Z: nan(), P: nan(), CliffsDelta: nan(), NA: len(a), NB: len(b)}
	switch {
	case len(a) == 0 || len(b) == 0:
		if !allFinite(a) || !allFinite(b) {
			r.Note = NoteNonFinite
		} else {
			r.Note = NoteEmpty
		}
		return r
	case !sortedFinite(a) || !sortedFinite(b):
		return MannWhitney(a, b) // NaN, ±Inf or unsorted: the general path decides
	}
	var ra, ties float64
	i, j, pos := 0, 0, 0
	prev := math.Inf(-1)
	for i < len(a) || j < len(b) {
		v := math.Inf(1)
		if i < len(a) {
			v = a[i]
		}
		if j < len(b) && b[j] < v {
			v = b[j]
		}
		if v < prev {
			return MannWhitney(a, b)
		}
		prev = v
		i0, j0 := i, j
		for i < len(a) && a[i] == v {
			i++
		}
		for j < len(b) && b[j] == v {
			j++
		}
		ta, t := i-i0, i-i0+j-j0
		// Positions pos..pos+t-1 (0-based) share the mid-rank pos + (t+1)/2.
		ra += float64(ta) * (float64(pos) + float64(t+1)/2)
		if t > 1 {
			ft := float64(t)
			ties += ft*ft*ft - ft
		}
		pos += t
	}
	return mwFinish(r, ra, ties, min(a[0], b[0]) == max(a[len(a)-1], b[len(b)-1]))
}

// sortedFinite reports whether the ends of a sorted slice are finite, which for sorted
// input means every value is (slices.Sort puts NaN first).
func sortedFinite(x []float64) bool {
	_, lo := Finite(x[0])
	_, hi := Finite(x[len(x)-1])
	return lo && hi
}

// mwFinish fills U, δ, Z and P from the rank sum of a and the tie sum of the pool.
// allTied is tested by the caller on the values: above about 200,000 values the tie sum
// is no longer exact and σ² would be rounding noise instead of 0.
func mwFinish(r MW, ra, ties float64, allTied bool) MW {
	na, nb := float64(r.NA), float64(r.NB)
	n := na + nb
	r.U = ra - na*(na+1)/2
	r.CliffsDelta = 2*r.U/(na*nb) - 1
	sigma := math.Sqrt(na * nb / 12 * ((n + 1) - ties/(n*(n-1))))
	if allTied || !(sigma > 0) {
		r.Note = NoteAllTied
		return r
	}
	z := r.U - na*nb/2
	switch {
	case z > 0:
		z -= 0.5
	case z < 0:
		z += 0.5
	}
	var note string
	if r.P, note = twoSidedNormal(z / sigma); note != "" {
		r.Note = note
		return r
	}
	r.Z = z / sigma
	return r
}
