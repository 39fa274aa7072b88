package model

import "math"

// JensenShannon returns the Jensen–Shannon divergence of two distributions in bits
// (Lin 1991, "Divergence measures based on the Shannon entropy"):
// JSD = ½ KL(P‖M) + ½ KL(Q‖M) with M = ½(P+Q), base-2 logarithms, so 0 ≤ JSD ≤ 1.
// p and q are non-negative weights (counts or proportions) normalized here; zeros are
// allowed (0·log 0 = 0). Different lengths, a negative or non-finite value, or a zero
// sum give NaN. Weights whose sum overflows are divided by the largest first.
func JensenShannon(p, q []float64) float64 {
	sp, mp, okp := massSum(p)
	sq, mq, okq := massSum(q)
	if !okp || !okq || len(p) != len(q) || sp == 0 || sq == 0 {
		return math.NaN()
	}
	var d float64
	for i := range p {
		a, b := p[i]/mp/sp, q[i]/mq/sq
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

// Cosine returns the cosine similarity p·q / (|p||q|), clamped to [−1, 1]. It is NaN
// (undefined direction) when either vector is all zeros, the lengths differ or a value is
// non-finite; the caller writes NoteAllZero or NoteNonFinite with it. Cosine does not
// depend on the vectors' lengths, so a vector whose largest |value| is outside [1e-100,
// 1e100], where the squares would overflow or underflow, is divided by that value first.
func Cosine(p, q []float64) float64 {
	if len(p) != len(q) || !allFinite(p) || !allFinite(q) {
		return math.NaN()
	}
	p, q = unitScale(p), unitScale(q)
	var dot, np, nq float64
	for i := range p {
		dot += p[i] * q[i]
		np += p[i] * p[i]
		nq += q[i] * q[i]
	}
	if np == 0 || nq == 0 {
		return math.NaN()
	}
	return math.Max(-1, math.Min(1, dot/(math.Sqrt(np)*math.Sqrt(nq))))
}

// unitScale returns x, or x divided by its largest |value| when that is outside
// [1e-100, 1e100] (and not 0).
func unitScale(x []float64) []float64 {
	var m float64
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	if m == 0 || m >= 1e-100 && m <= 1e100 {
		return x
	}
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = v / m
	}
	return out
}

// massSum returns the sum of non-negative finite weights and the scale they were divided
// by first: 1, or the largest weight when the plain sum overflows. ok is false for a
// negative or non-finite value.
func massSum(x []float64) (sum, scale float64, ok bool) {
	for _, v := range x {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, 0, false
		}
		sum += v
		scale = math.Max(scale, v)
	}
	if !math.IsInf(sum, 1) {
		return sum, 1, true
	}
	sum = 0
	for _, v := range x {
		sum += v / scale
	}
	return sum, scale, true
}
