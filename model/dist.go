package model

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// The distribution functions of this package: every tail probability and quantile goes
// through one of these, never to gonum directly. gonum's special functions (cephes) panic
// on an argument outside their domain ("cephes: parameter out of bounds") and can return
// NaN or loop on NaN; a statistic that rounding pushed just outside its range (an F of
// −1e−15, a df of +Inf) must become a null with a note, not a crashed night. Each function
// checks its arguments and returns NaN and NoteOutOfRange instead of calling gonum with
// values outside the domain, and also checks that the probability it returns is in [0, 1].
// Callers add the note to their result with addNote.

// upperF is P(F(d1, d2) > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2), computed directly rather
// than as 1 − CDF so that small p-values keep their precision (Abramowitz & Stegun
// 26.6.2). f must be finite and ≥ 0, d1 and d2 finite and > 0.
func upperF(f, d1, d2 float64) (float64, string) {
	switch {
	case !dfOK(d1) || !dfOK(d2) || !(f >= 0) || math.IsInf(f, 1):
		return nan(), NoteOutOfRange
	case f == 0:
		return 1, ""
	}
	return probability(mathext.RegIncBeta(d2/2, d1/2, d2/(d2+d1*f)))
}

// twoSidedT is P(|T_df| > |t|) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1).
// t must be finite and df finite and > 0.
func twoSidedT(t, df float64) (float64, string) {
	if !dfOK(df) || math.IsNaN(t) || math.IsInf(t, 0) {
		return nan(), NoteOutOfRange
	}
	return probability(mathext.RegIncBeta(df/2, 0.5, df/(df+t*t)))
}

// upperChiSq is P(χ²_df > x) = Q(df/2, x/2), the regularized upper incomplete gamma
// function (Abramowitz & Stegun 26.4.19), as gonum's distuv.ChiSquared.Survival. x must be
// finite and ≥ 0, df finite and > 0.
func upperChiSq(x, df float64) (float64, string) {
	if !dfOK(df) || !(x >= 0) || math.IsInf(x, 1) {
		return nan(), NoteOutOfRange
	}
	return probability(mathext.GammaIncRegComp(df/2, x/2))
}

// twoSidedNormal is P(|Z| > |z|) = 2Φ(−|z|) = erfc(|z|/√2) for a finite z.
func twoSidedNormal(z float64) (float64, string) {
	if math.IsNaN(z) || math.IsInf(z, 0) {
		return nan(), NoteOutOfRange
	}
	return probability(math.Erfc(math.Abs(z) / math.Sqrt2))
}

// tQuantile is the p-quantile of Student's t with df degrees of freedom (gonum distuv;
// df may be fractional). p must be in (0, 1) and df finite and > 0.
func tQuantile(p, df float64) (float64, string) {
	if !dfOK(df) || !(p > 0 && p < 1) {
		return nan(), NoteOutOfRange
	}
	return finiteOr(distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p))
}

// normalQuantile is the p-quantile of the standard normal distribution, p in (0, 1).
func normalQuantile(p float64) (float64, string) {
	if !(p > 0 && p < 1) {
		return nan(), NoteOutOfRange
	}
	return finiteOr(distuv.UnitNormal.Quantile(p))
}

// dfOK reports whether df is a usable number of degrees of freedom: finite and > 0.
func dfOK(df float64) bool { return df > 0 && !math.IsInf(df, 1) }

// probability passes p through when it is a probability and turns anything else (NaN from
// a special function that did not converge) into NaN with NoteOutOfRange.
func probability(p float64) (float64, string) {
	if !(p >= 0 && p <= 1) {
		return nan(), NoteOutOfRange
	}
	return p, ""
}

// finiteOr passes a finite x through and turns NaN or ±Inf into NaN with NoteOutOfRange.
func finiteOr(x float64) (float64, string) {
	if _, ok := Finite(x); !ok {
		return nan(), NoteOutOfRange
	}
	return x, ""
}
