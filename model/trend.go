package model

import (
	"errors"

	"gonum.org/v1/gonum/mat"
)

// Trend is the least-squares slope of a daily series per day, with its standard error and
// two-sided t-test p (n−2 df), as coef(summary(lm(mean ~ day))) in R.
type Trend struct {
	Slope, SE, T, P float64
	N               int // days
	Note            string
}

// TrendSlope regresses dailyMean on days. Fewer than 3 distinct days, mismatched lengths
// or unusable input (valuesNote) give NaN fields and a Note; so do the degenerate fits of
// OLS: a constant series has Slope 0 and NaN SE, T and P (NoteZeroVariance), points on a
// line within rounding have their Slope and NaN SE, T and P (NotePerfectFit).
func TrendSlope(days []float64, dailyMean []float64) Trend {
	tr := Trend{Slope: nan(), SE: nan(), T: nan(), P: nan(), N: len(days)}
	if len(days) != len(dailyMean) {
		tr.Note = "days and means differ in length"
		return tr
	}
	if note := addNote(valuesNote(days), valuesNote(dailyMean)); note != "" {
		tr.Note = note
		return tr
	}
	switch {
	case distinct(days) < 3:
		tr.Note = "fewer than 3 distinct dates"
		return tr
	}
	X := mat.NewDense(len(days), 2, nil)
	for i, d := range days {
		X.Set(i, 0, 1)
		X.Set(i, 1, d)
	}
	res, err := OLS(X, dailyMean, []string{"(Intercept)", "days"})
	if err != nil {
		tr.Note = NoteSingular
		if !errors.Is(err, ErrShape) {
			tr.Note = err.Error()
		}
		return tr
	}
	tr.Slope, tr.SE, tr.T, tr.P = res.Coef[1], res.SE[1], res.T[1], res.P[1]
	tr.Note = res.Note
	return tr
}

func distinct(x []float64) int {
	seen := map[float64]bool{}
	for _, v := range x {
		seen[v] = true
	}
	return len(seen)
}
