package model

import (
	"math"

	"gonum.org/v1/gonum/stat"
)

// Corr is a correlation coefficient with its two-sided test of zero correlation.
type Corr struct {
	R, T, P float64
	N       int
	Note    string
}

// Pearson returns Pearson's r and the two-sided p of t = r·sqrt((n−2)/(1−r²)) on n−2
// degrees of freedom, as R's cor.test(method = "pearson"). Pairs with a non-finite value
// make the result NaN with Note NoteNonFinite (NoteMagnitude for a value outside the
// supported magnitude); different lengths, fewer than 3 pairs or a variable without
// variance beyond rounding (Moments.flat) also give NaN with a Note saying why.
func Pearson(x, y []float64) Corr {
	c := Corr{N: len(x), R: nan(), T: nan(), P: nan()}
	note := corrCheck(x, y)
	if note == "" {
		note = addNote(valuesNote(x), valuesNote(y))
	}
	if note != "" {
		c.Note = note
		return c
	}
	if MomentsOf(x).flat() || MomentsOf(y).flat() {
		c.Note = NoteZeroVariance
		return c
	}
	return corrT(c, stat.Correlation(x, y, nil))
}

// Spearman returns Spearman's ρ (Pearson's r of the mid-ranks) and the p of the t
// approximation t = ρ·sqrt((n−2)/(1−ρ²)) on n−2 df, which is what R's
// cor.test(method = "spearman", exact = FALSE) computes (R stats cor.test.R: "pt(r /
// sqrt((1 - r^2)/(n-2)), n-2)" in the non-exact branch).
func Spearman(x, y []float64) Corr {
	c := Corr{N: len(x), R: nan(), T: nan(), P: nan()}
	if note := corrCheck(x, y); note != "" {
		c.Note = note
		return c
	}
	rx, _ := Ranks(x)
	ry, _ := Ranks(y)
	return spearmanRanked(c, rx, ry)
}

// SpearmanRanked is Spearman given the mid-ranks of x and y (Ranks), so that a caller
// correlating every pair of k variables ranks each variable once instead of k−1 times.
// The checks are those of Spearman, applied to the ranks.
func SpearmanRanked(rx, ry []float64) Corr {
	c := Corr{N: len(rx), R: nan(), T: nan(), P: nan()}
	if note := corrCheck(rx, ry); note != "" {
		c.Note = note
		return c
	}
	return spearmanRanked(c, rx, ry)
}

func spearmanRanked(c Corr, rx, ry []float64) Corr {
	if isConstant(rx) || isConstant(ry) {
		c.Note = NoteAllTied
		return c
	}
	return corrT(c, stat.Correlation(rx, ry, nil))
}

func corrCheck(x, y []float64) string {
	switch {
	case len(x) != len(y):
		return "x and y differ in length"
	case len(x) < 3:
		return "fewer than 3 observations"
	case !allFinite(x) || !allFinite(y):
		return NoteNonFinite
	}
	return ""
}

// perfectCorrTol is how close to ±1 a computed r must be to count as ±1: the relative
// rounding error of r from a handful of sums is a few ε, and 1 − r² inherits it.
const perfectCorrTol = 64 * 0x1p-52

// corrT sets R (clamped to [−1, 1], rounding can leave it just outside), the t statistic
// and its two-sided p on c.N − 2 df. |r| within rounding of 1 makes t infinite: R is ±1 and
// T and P are NaN with NotePerfectCorr, the correlation analogue of an essentially perfect
// fit (R's cor.test prints t = Inf, p < 2.2e-16).
func corrT(c Corr, r float64) Corr {
	if math.IsNaN(r) {
		c.Note = NoteOutOfRange
		return c
	}
	c.R = math.Max(-1, math.Min(1, r))
	if 1-math.Abs(c.R) <= perfectCorrTol {
		c.R = math.Copysign(1, c.R)
		c.Note = NotePerfectCorr
		return c
	}
	df := float64(c.N - 2)
	t := c.R * math.Sqrt(df/(1-c.R*c.R))
	p, note := twoSidedT(t, df)
	if note != "" {
		c.Note = note
		return c
	}
	c.T, c.P = t, p
	return c
}

// CorrFromCross is Pearson's r of n pairs given the centred sums
// sxx = Σ(x−x̄)², syy = Σ(y−ȳ)² and sxy = Σ(x−x̄)(y−ȳ), with the test of
// Pearson, for callers that accumulate the cross products of many
// variables in one pass instead of holding every pair of columns. flatX and
// flatY say that a variable has no variance beyond rounding (as Pearson
// judges it from the values, Moments.flat); note is NoteZeroVariance then.
// Spearman's ρ is CorrFromCross of the mid-ranks, with NoteAllTied for a
// variable whose ranks are all tied (pass it as note via SpearmanFromCross).
func CorrFromCross(n int, sxx, syy, sxy float64, flatX, flatY bool) Corr {
	c := Corr{N: n, R: nan(), T: nan(), P: nan()}
	switch {
	case n < 3:
		c.Note = "fewer than 3 observations"
	case flatX || flatY:
		c.Note = NoteZeroVariance
	case !(sxx > 0 && syy > 0) || math.IsInf(sxx, 0) || math.IsInf(syy, 0) || math.IsNaN(sxy) || math.IsInf(sxy, 0):
		c.Note = NoteNonFinite
	default:
		return corrT(c, sxy/math.Sqrt(sxx)/math.Sqrt(syy))
	}
	return c
}

// SpearmanFromCross is Spearman's ρ from the centred cross products of the
// mid-ranks (see CorrFromCross); tiedX and tiedY say that every rank of a
// variable is the same.
func SpearmanFromCross(n int, sxx, syy, sxy float64, tiedX, tiedY bool) Corr {
	if n >= 3 && (tiedX || tiedY) {
		return Corr{N: n, R: nan(), T: nan(), P: nan(), Note: NoteAllTied}
	}
	return CorrFromCross(n, sxx, syy, sxy, false, false)
}
