package model

import (
	"math"
)

// Key is the keyness of one term in corpus A against corpus B.
type Key struct {
	G2       float64 // log-likelihood G², ≥ 0
	P        float64 // chi-square, 1 df
	LogRatio float64 // log2 of the ratio of relative frequencies; > 0 when overused in A
	// G2Quanteda is quanteda's signed likelihood ratio (KeynessQuanteda) and
	// PQuanteda its p.
	G2Quanteda, PQuanteda float64
	Note                  string
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
	k := Key{G2: nan(), P: nan(), LogRatio: nan(), G2Quanteda: nan(), PQuanteda: nan()}
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
	k.G2Quanteda, k.PQuanteda, k.Note = KeynessQuanteda(a, b, totalA, totalB)
	return k
}

// quantedaEpsilon is added inside each logarithm of KeynessQuanteda, as
// quanteda does, so that an empty cell contributes 0·ln(ε) = 0.
const quantedaEpsilon = 1e-9

// KeynessQuanteda is the keyness of quanteda's textstat_keyness(measure =
// "lr") with its default correction: the likelihood ratio G² of the whole
// 2×2 table (the term and all other tokens, in A and in B), signed, with
// Yates's continuity correction when a cell is sparse. With a, b the
// counts, c = totalA − a, d = totalB − b, N = a+b+c+d and E = (a+b)(a+c)/N:
//
//   - Yates: δ = 0.5 when |ad − bc| ≥ N/2 and any expected cell is below 5,
//     else 0; the cells move δ towards independence (a and d by −δ, b and c
//     by +δ when ad > bc, the other way otherwise), which keeps the margins;
//   - G² = 2 Σ o·ln(o/e + 10⁻⁹) over the four corrected cells o, with e from
//     the margins;
//   - the sign is + when a > E (the term is overused in A), − otherwise;
//   - p = 1 − F_χ²₁(|G²|).
//
// Source: quanteda.textstats src/keyness.cpp, lr_lambda and
// yates_correction (commit 11727bf6), called by textstat_keyness with
// correction = "default". Its R documentation says the default for "lr" is
// Williams's correction, but the code applies Yates's; this follows the
// code. It differs from Keyness's G2 (the two-cell form of Rayson and
// Garside) in using all four cells, in the correction and in the sign.
// Inputs must have passed Keyness's checks.
func KeynessQuanteda(a, b, totalA, totalB float64) (g2, p float64, note string) {
	if a+b == 0 { // a term in neither corpus: no evidence either way (quanteda never scores one)
		return 0, 1, ""
	}
	c, d := totalA-a, totalB-b
	n := a + b + c + d
	e := (a + b) * (a + c) / n
	delta := 0.0
	if math.Abs(a*d-b*c) >= n/2 && ((a+b)*(a+c)/n < 5 || (a+b)*(b+d)/n < 5 || (a+c)*(c+d)/n < 5 || (c+d)*(b+d)/n < 5) {
		delta = 0.5
	}
	if a*d-b*c <= 0 {
		delta = -delta
	}
	aa, bb, cc, dd := a-delta, b+delta, c+delta, d-delta
	g2 = 2 * (aa*math.Log(aa/((aa+bb)*(aa+cc)/n)+quantedaEpsilon) +
		bb*math.Log(bb/((aa+bb)*(bb+dd)/n)+quantedaEpsilon) +
		cc*math.Log(cc/((aa+cc)*(cc+dd)/n)+quantedaEpsilon) +
		dd*math.Log(dd/((bb+dd)*(cc+dd)/n)+quantedaEpsilon))
	if !(a > e) {
		g2 = -g2
	}
	if math.IsNaN(g2) || math.IsInf(g2, 0) {
		return nan(), nan(), NoteNonFinite
	}
	p, note = upperChiSq(math.Abs(g2), 1)
	if note != "" {
		return nan(), nan(), note
	}
	return g2, p, ""
}

// xlogy returns x·ln(x/e), defined as 0 when x is 0.
func xlogy(x, e float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(x/e)
}
