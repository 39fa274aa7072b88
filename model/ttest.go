package model

import (
	"math"
)

// TTest is Welch's two-sample t test of a − b: the mean difference, t, the
// Welch–Satterthwaite DF, the two-sided P, the 95 % interval of the difference, and
// Hedges' g (HedgesG).
type TTest struct {
	MeanDiff, T, DF, P float64
	CILow, CIHigh      float64
	HedgesG            float64
	NA, NB             int
	Note               string
}

// WelchT computes, as R's t.test(a, b, var.equal = FALSE): se = √(sa²/na + sb²/nb),
// t = (x̄a − x̄b)/se, DF = se⁴ / ((sa²/na)²/(na−1) + (sb²/nb)²/(nb−1)) (Welch 1947;
// Satterthwaite 1946). Each group needs 2 values (NoteGroupTooFew); se = 0 gives
// NoteZeroVariance.
func WelchT(a, b []float64) TTest {
	t := TTest{MeanDiff: nan(), T: nan(), DF: nan(), P: nan(), CILow: nan(), CIHigh: nan(),
		HedgesG: nan(), NA: len(a), NB: len(b)}
	if note := valuesNote(a, b); note != "" {
		t.Note = note
		return t
	}
	switch {
	case len(a) == 0 || len(b) == 0:
		t.Note = NoteEmpty
		return t
	}
	return WelchTFromMoments(MomentsOf(a), MomentsOf(b))
}

// WelchTFromMoments is WelchT from each group's Moments, so that comparing every pair of
// k groups costs k passes over the values rather than k(k−1). Moments that are not those
// of finite data of supported magnitude give the Note of momentsNote; two groups without
// variance beyond rounding give NoteZeroVariance.
func WelchTFromMoments(ma, mb Moments) TTest {
	t := TTest{MeanDiff: nan(), T: nan(), DF: nan(), P: nan(), CILow: nan(), CIHigh: nan(),
		HedgesG: nan(), NA: int(ma.N), NB: int(mb.N)}
	if note := addNote(momentsNote(ma), momentsNote(mb)); note != "" {
		t.NA, t.NB = 0, 0
		t.Note = note
		return t
	}
	switch {
	case ma.N == 0 || mb.N == 0:
		t.Note = NoteEmpty
		return t
	}
	t.MeanDiff = ma.Mean - mb.Mean
	if ma.N < 2 || mb.N < 2 {
		t.Note = NoteGroupTooFew
		return t
	}
	if ma.flat() && mb.flat() {
		t.Note = NoteZeroVariance
		return t
	}
	va, vb := ma.Var()/ma.N, mb.Var()/mb.N
	se := math.Sqrt(va + vb)
	t.T = t.MeanDiff / se
	t.DF = (va + vb) * (va + vb) / (va*va/(ma.N-1) + vb*vb/(mb.N-1))
	var pNote, qNote string
	t.P, pNote = twoSidedT(t.T, t.DF)
	q, qNote := tQuantile(0.975, t.DF)
	if note := addNote(pNote, qNote); note != "" {
		t.T, t.DF, t.P = nan(), nan(), nan()
		t.Note = note
		return t
	}
	t.CILow, t.CIHigh = t.MeanDiff-q*se, t.MeanDiff+q*se
	t.HedgesG = hedgesG(ma, mb)
	return t
}

// isFiniteMoments reports whether the mean and M2 of m are finite numbers.
func isFiniteMoments(m Moments) bool {
	_, okMean := Finite(m.Mean)
	_, okM2 := Finite(m.M2)
	return okMean && okM2
}
