package model

import "math"

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
	na, nb := float64(len(a)), float64(len(b))
	n := na + nb
	r.U = ra - na*(na+1)/2
	r.CliffsDelta = 2*r.U/(na*nb) - 1
	sigma := math.Sqrt(na * nb / 12 * ((n + 1) - ties/(n*(n-1))))
	if !(sigma > 0) {
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
	r.Z = z / sigma
	r.P = math.Erfc(math.Abs(r.Z) / math.Sqrt2) // 2Φ(−|z|)
	return r
}
