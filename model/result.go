package model

import (
	"math"
	"strings"
)

// Result conventions shared by every function in this package.
//
// Every statistic is returned in a plain struct of float64 fields plus a Note string:
//
//   - When the statistic is defined, Note is "" (or carries a warning that does not
//     invalidate the numbers, such as "bootstrap: normal approximation for n > 5000")
//     and every numeric field is finite.
//   - When the data cannot support the statistic (no observations, n < 2, zero variance,
//     a single group, all zeros, an essentially perfect fit, values outside the supported
//     magnitude, a statistic rounding pushed outside its distribution's range), the
//     affected numeric fields are NaN and Note says why, using one of the Note* texts
//     below. Several reasons are joined with "; ". No field is ever ±Inf.
//
// Counts that are always known (N, group sizes) stay filled in even when the statistic
// is undefined. Functions never panic on data and never return an error for a data
// problem; errors are reserved for malformed arguments where a function documents one.
// The caller (stats) maps NaN to a Parquet null with output.NullFloat and writes Note to
// the `note` column, so no NaN or infinity reaches a table.

// Note texts, stable because they land in the `note` column.
const (
	NoteEmpty        = "no observations"
	NoteTooFew       = "fewer than 2 observations"
	NoteGroupTooFew  = "a group has fewer than 2 observations"
	NoteOneGroup     = "fewer than 2 groups"
	NoteZeroVariance = "zero variance"
	NoteGroupZeroVar = "a group has zero variance"
	NoteAllTied      = "all values tied"
	NoteAllZero      = "all values zero"
	NoteNonFinite    = "non-finite input value"
	NoteSingular     = "near-singular design"
	NoteBootNormal   = "bootstrap: normal approximation for n > 5000"
	NoteBadLevel     = "confidence level outside (0, 1)"
	NoteNoResidualDF = "no residual degrees of freedom"
	NoteMagnitude    = "values outside the supported magnitude (largest |x| 0 or 1e-50 to 1e50)"
	NoteOutOfRange   = "test statistic or degrees of freedom out of range"
	NotePerfectFit   = "essentially perfect fit: residuals within rounding of zero"
	NotePerfectCorr  = "perfect correlation"
	NoteNoRegressors = "no regressor besides the intercept"
	NoteBadMoments   = "invalid moments: negative or fractional count, or negative sum of squares"
	NoteDominant     = "a row or column holds all but a rounding error of the counts: its residuals are null"
)

// Finite returns x and true when x is a finite number, and 0 and false for NaN or ±Inf.
func Finite(x float64) (float64, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// addNote appends msg to note, separated by "; ", skipping empty and repeated texts.
func addNote(note, msg string) string {
	switch {
	case msg == "":
		return note
	case note == "":
		return msg
	}
	for _, s := range strings.Split(note, "; ") {
		if s == msg {
			return note
		}
	}
	return note + "; " + msg
}

// Supported magnitudes. Every statistic of this package is computed from sums of squares
// and products of its inputs and of ratios of them; when the largest magnitude of the data
// is between minMagnitude and maxMagnitude (or every value is 0), every such intermediate
// stays between about 1e-200 and 1e200, far from float64 overflow (1.8e308) and underflow
// (2.2e-308). Data outside the range make the statistic NaN with NoteMagnitude instead of
// an infinity, or a zero that a square underflowed to. Values much smaller than the
// largest are fine: they lose relative precision as in any sum. Rank statistics need only
// the order and accept any finite value.
const (
	maxMagnitude = 1e50
	minMagnitude = 1e-50
)

// valuesNote returns NoteNonFinite when some value is NaN or ±Inf, NoteMagnitude when the
// largest absolute value is above maxMagnitude or non-zero and below minMagnitude, and ""
// when the data are usable.
func valuesNote(xs ...[]float64) string {
	var scale float64
	for _, x := range xs {
		for _, v := range x {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return NoteNonFinite
			}
			scale = math.Max(scale, math.Abs(v))
		}
	}
	if scale > maxMagnitude || scale != 0 && scale < minMagnitude {
		return NoteMagnitude
	}
	return ""
}

// columnsNote is valuesNote of each column (variable) on its own, NoteNonFinite first.
func columnsNote(cols [][]float64) string {
	note := ""
	for _, c := range cols {
		switch n := valuesNote(c); n {
		case NoteNonFinite:
			return n
		case "":
		default:
			note = n
		}
	}
	return note
}

// roundingTol is the relative rounding error allowed per term of a sum of squares, 8 times
// the float64 machine epsilon 2⁻⁵².
const roundingTol = 8 * 0x1p-52

// negligible reports whether ss, a sum of n squared deviations (or residuals), is within
// rounding of zero for data whose sum of squares about zero is sumSq: ss ≤ n·(8ε)²·sumSq.
// Each of n deviations computed in float64 carries an error of a few ε times the data's
// magnitude, so constant data give an ss of that order instead of exactly 0; a test built
// on such an ss would report rounding noise as a finding (an F or t of any size, a p of
// any value). Genuine spread smaller than this (relative variation below about 1e-14) is
// not resolvable in float64 either.
func negligible(ss, n, sumSq float64) bool {
	return !(ss > n*roundingTol*roundingTol*sumSq)
}

// allFinite reports whether every value of x is finite.
func allFinite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// nan is a readable spelling of math.NaN() for undefined statistic fields.
func nan() float64 { return math.NaN() }
