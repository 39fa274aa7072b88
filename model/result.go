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
//     a single group, all zeros), the affected numeric fields are NaN and Note says why,
//     using one of the Note* texts below. Several reasons are joined with "; ".
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
