package model

import (
	"math"

	"gonum.org/v1/gonum/mathext"
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
	switch {
	case !allFinite(a) || !allFinite(b):
		t.Note = NoteNonFinite
		return t
	case len(a) == 0 || len(b) == 0:
		t.Note = NoteEmpty
		return t
	}
	return WelchTFromMoments(MomentsOf(a), MomentsOf(b))
}

// WelchTFromMoments is WelchT from each group's Moments, so that comparing every pair of
// k groups costs k passes over the values rather than k(k−1). Moments with a NaN count
// (non-finite input, as groupMoments marks it) give NoteNonFinite.
func WelchTFromMoments(ma, mb Moments) TTest {
	t := TTest{MeanDiff: nan(), T: nan(), DF: nan(), P: nan(), CILow: nan(), CIHigh: nan(),
		HedgesG: nan(), NA: int(ma.N), NB: int(mb.N)}
	switch {
	case math.IsNaN(ma.N) || math.IsNaN(mb.N) || !isFiniteMoments(ma) || !isFiniteMoments(mb):
		t.NA, t.NB = 0, 0
		t.Note = NoteNonFinite
		return t
	case ma.N == 0 || mb.N == 0:
		t.Note = NoteEmpty
		return t
	}
	t.MeanDiff = ma.Mean - mb.Mean
	if ma.N < 2 || mb.N < 2 {
		t.Note = NoteGroupTooFew
		return t
	}
	va, vb := ma.Var()/ma.N, mb.Var()/mb.N
	se := math.Sqrt(va + vb)
	if !(se > 0) {
		t.Note = NoteZeroVariance
		return t
	}
	t.T = t.MeanDiff / se
	t.DF = (va + vb) * (va + vb) / (va*va/(ma.N-1) + vb*vb/(mb.N-1))
	t.P = twoSidedT(t.T, t.DF)
	half := tQuantile(0.975, t.DF) * se
	t.CILow, t.CIHigh = t.MeanDiff-half, t.MeanDiff+half
	t.HedgesG = hedgesG(ma, mb)
	return t
}

// twoSidedT is P(|T_df| > |t|) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1).
func twoSidedT(t, df float64) float64 {
	return mathext.RegIncBeta(df/2, 0.5, df/(df+t*t))
}

// isFiniteMoments reports whether the mean and M2 of m are finite numbers.
func isFiniteMoments(m Moments) bool {
	_, okMean := Finite(m.Mean)
	_, okM2 := Finite(m.M2)
	return okMean && okM2
}
