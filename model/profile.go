package model

import "math"

// JensenShannon returns the Jensen–Shannon divergence of two distributions in bits
// (Lin 1991, "Divergence measures based on the Shannon entropy"):
// JSD = ½ KL(P‖M) + ½ KL(Q‖M) with M = ½(P+Q), base-2 logarithms, so 0 ≤ JSD ≤ 1.
// p and q are non-negative weights (counts or proportions) normalized here; zeros are
// allowed (0·log 0 = 0). Different lengths, a negative or non-finite value, or a zero
// sum give NaN.
func JensenShannon(p, q []float64) float64 {
	sp, okp := massSum(p)
	sq, okq := massSum(q)
	if !okp || !okq || len(p) != len(q) || sp == 0 || sq == 0 {
		return math.NaN()
	}
	var d float64
	for i := range p {
		a, b := p[i]/sp, q[i]/sq
		m := (a + b) / 2
		if a > 0 {
			d += a * math.Log2(a/m)
		}
		if b > 0 {
			d += b * math.Log2(b/m)
		}
	}
	return math.Min(1, math.Max(0, d/2))
}

// Cosine returns the cosine similarity p·q / (|p||q|). It is NaN (undefined direction)
// when either vector is all zeros, the lengths differ or a value is non-finite; the
// caller writes NoteAllZero or NoteNonFinite with it.
func Cosine(p, q []float64) float64 {
	if len(p) != len(q) || !allFinite(p) || !allFinite(q) {
		return math.NaN()
	}
	var dot, np, nq float64
	for i := range p {
		dot += p[i] * q[i]
		np += p[i] * p[i]
		nq += q[i] * q[i]
	}
	if np == 0 || nq == 0 {
		return math.NaN()
	}
	return dot / (math.Sqrt(np) * math.Sqrt(nq))
}

// massSum sums non-negative finite weights; ok is false for a negative or non-finite value.
func massSum(x []float64) (float64, bool) {
	var s float64
	for _, v := range x {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, false
		}
		s += v
	}
	return s, true
}
