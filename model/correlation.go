package model

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Corr is a correlation coefficient with its two-sided test of zero correlation.
type Corr struct {
	R, T, P float64
	N       int
	Note    string
}

// Pearson returns Pearson's r and the two-sided p of t = r·sqrt((n−2)/(1−r²)) on n−2
// degrees of freedom, as R's cor.test(method = "pearson"). Pairs with a non-finite value
// make the result NaN with Note NoteNonFinite; different lengths, fewer than 3 pairs or a
// constant variable also give NaN with a Note saying why.
func Pearson(x, y []float64) Corr {
	c := Corr{N: len(x), R: nan(), T: nan(), P: nan()}
	if note := corrCheck(x, y); note != "" {
		c.Note = note
		return c
	}
	if isConstant(x) || isConstant(y) {
		c.Note = NoteZeroVariance
		return c
	}
	c.R = stat.Correlation(x, y, nil)
	c.T, c.P = corrT(c.R, len(x))
	return c
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
	c.R = stat.Correlation(rx, ry, nil)
	c.T, c.P = corrT(c.R, len(rx))
	return c
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

// corrT is the t statistic of a correlation and its two-sided p; |r| = 1 gives p = 0.
func corrT(r float64, n int) (t, p float64) {
	df := float64(n - 2)
	if math.Abs(r) >= 1 {
		return math.Copysign(math.Inf(1), r), 0
	}
	t = r * math.Sqrt(df/(1-r*r))
	p = 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Survival(math.Abs(t))
	return t, p
}
