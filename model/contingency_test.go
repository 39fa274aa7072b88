package model

import (
	"math"
	"testing"
)

func TestChiSquareGolden(t *testing.T) {
	g := modelsGolden(t)
	// R 4.2.2 table(outlet, cut(y, ...)), 4 outlets × 3 bins, column-major.
	cells := modelsGoldenVec(t, g, "chisq.table")
	table := make([][]float64, 5) // plus an all-zero row, which must be dropped
	for r := range table {
		table[r] = make([]float64, 4) // plus an all-zero column
	}
	for c := 0; c < 3; c++ {
		for r := 0; r < 4; r++ {
			table[r][c] = cells[c*4+r]
		}
	}
	res := ChiSquare(table)
	// R 4.2.2 chisq.test(tab, correct = FALSE): statistic, parameter, p.value, $stdres.
	checkRel(t, "chi2", res.Stat, g["chisq.stat"], 1e-8)
	checkRel(t, "df", res.DF, g["chisq.df"], 1e-12)
	checkRel(t, "p", res.P, g["chisq.p"], 1e-8)
	checkRel(t, "V", res.CramerV, g["chisq.v"], 1e-8)
	sr := modelsGoldenVec(t, g, "chisq.stdres")
	for c := 0; c < 3; c++ {
		for r := 0; r < 4; r++ {
			checkRel(t, "stdres", res.StdRes[r][c], sr[c*4+r], 1e-8)
		}
	}
	if len(res.KeptRows) != 4 || len(res.KeptCols) != 3 || res.Note == "" {
		t.Errorf("kept %v %v note %q", res.KeptRows, res.KeptCols, res.Note)
	}
}

func TestChiSquareDegenerate(t *testing.T) {
	tests := []struct {
		name  string
		table [][]float64
		note  string
	}{
		{"empty", nil, NoteEmpty},
		{"all zero", [][]float64{{0, 0}, {0, 0}}, NoteAllZero},
		{"one row", [][]float64{{1, 2}, {0, 0}}, "all-zero rows or columns dropped; fewer than 2 non-empty rows or columns"},
		{"NaN", [][]float64{{1, math.NaN()}, {1, 2}}, NoteNonFinite},
		{"negative", [][]float64{{1, -1}, {1, 2}}, "negative count"},
		{"ragged", [][]float64{{1, 1}, {1}}, "ragged table"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := ChiSquare(tc.table)
			if res.Note != tc.note || !math.IsNaN(res.Stat) || !math.IsNaN(res.CramerV) {
				t.Errorf("got stat %g note %q, want NaN and %q", res.Stat, res.Note, tc.note)
			}
		})
	}
	// One article per outlet: defined, with a small-count warning.
	res := ChiSquare([][]float64{{1, 0}, {0, 1}, {1, 0}})
	if math.IsNaN(res.Stat) || res.Note == "" {
		t.Errorf("one article per outlet: %+v", res)
	}
}
