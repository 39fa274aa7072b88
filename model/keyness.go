package model

import (
	"math"
)

// Key is the keyness of one term in corpus A against corpus B.
type Key struct {
	G2       float64 // log-likelihood G², ≥ 0
	P        float64 // chi-square, 1 df
	LogRatio float64 // log2 of the ratio of relative frequencies; > 0 when overused in A
	Note     string
}

// Keyness compares a occurrences of a term in totalA tokens with b occurrences in totalB
// tokens. G² is the two-cell log-likelihood of Rayson & Garside (2000, "Comparing corpora
// using frequency profiling"), after Dunning (1993): E_a = totalA·(a+b)/(totalA+totalB),
// E_b = totalB·(a+b)/(totalA+totalB), G² = 2(a ln(a/E_a) + b ln(b/E_b)) with 0·ln 0 = 0;
// p is its chi-square upper tail on 1 df. LogRatio is Hardie's (2014) log ratio with 0.5
// added to each count so a zero count stays finite:
// log2(((a+0.5)/totalA) / ((b+0.5)/totalB)). Non-positive totals, negative counts, a
// count above its total or a value outside the supported magnitude give NaN fields and a
// Note.
func Keyness(a, b, totalA, totalB float64) Key {
	k := Key{G2: nan(), P: nan(), LogRatio: nan()}
	// The totals are divisors, so each on its own must be of supported magnitude.
	if note := addNote(valuesNote([]float64{a, b, totalA, totalB}),
		addNote(valuesNote([]float64{totalA}), valuesNote([]float64{totalB}))); note != "" {
		k.Note = note
		return k
	}
	switch {
	case totalA <= 0 || totalB <= 0:
		k.Note = "corpus total not positive"
		return k
	case a < 0 || b < 0 || a > totalA || b > totalB:
		k.Note = "count outside [0, total]"
		return k
	}
	ea := totalA * (a + b) / (totalA + totalB)
	eb := totalB * (a + b) / (totalA + totalB)
	// G² ≥ 0 (Gibbs' inequality); a negative value is rounding of equal proportions.
	g2 := math.Max(0, 2*(xlogy(a, ea)+xlogy(b, eb)))
	p, note := upperChiSq(g2, 1)
	if note != "" {
		k.Note = note
		return k
	}
	k.G2, k.P = g2, p
	k.LogRatio = math.Log2(((a + 0.5) / totalA) / ((b + 0.5) / totalB))
	return k
}

// xlogy returns x·ln(x/e), defined as 0 when x is 0.
func xlogy(x, e float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(x/e)
}
