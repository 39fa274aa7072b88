package model

import (
	"math"
	"testing"
)

func TestCorrelationGolden(t *testing.T) {
	g := modelsGolden(t)
	// R 4.2.2 cor.test(y, log(tokens)).
	p := Pearson(gY, logsOf(gTokens))
	checkRel(t, "pearson r", p.R, g["pearson.r"], 1e-8)
	checkRel(t, "pearson t", p.T, g["pearson.t"], 1e-8)
	checkRel(t, "pearson p", p.P, g["pearson.p"], 1e-8)
	// R 4.2.2 cor.test(y, days, method = "spearman", exact = FALSE); y and days have ties.
	s := Spearman(gY, gDays)
	checkRel(t, "spearman rho", s.R, g["spearman.r"], 1e-8)
	checkRel(t, "spearman p", s.P, g["spearman.p"], 1e-8)
}

func TestCorrelationDegenerate(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		note string
	}{
		{"constant", []float64{1, 1, 1, 1}, []float64{1, 2, 3, 4}, NoteZeroVariance},
		{"NaN", []float64{1, 2, math.NaN(), 4}, []float64{1, 2, 3, 4}, NoteNonFinite},
		{"short", []float64{1, 2}, []float64{1, 2}, "fewer than 3 observations"},
		{"lengths", []float64{1, 2, 3}, []float64{1, 2}, "x and y differ in length"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Pearson(tc.x, tc.y)
			if c.Note != tc.note || !math.IsNaN(c.R) || !math.IsNaN(c.P) {
				t.Errorf("Pearson = %+v, want NaN and Note %q", c, tc.note)
			}
			if s := Spearman(tc.x, tc.y); s.Note == "" || !math.IsNaN(s.R) {
				t.Errorf("Spearman = %+v, want NaN with a Note", s)
			}
		})
	}
	// A perfect correlation has r = ±1 but no test: t is infinite (R prints t = Inf,
	// p < 2.2e-16); here T and P are null with a Note, like an essentially perfect fit.
	if c := Pearson([]float64{1, 2, 3}, []float64{2, 4, 6}); c.R != 1 || !math.IsNaN(c.P) || c.Note != NotePerfectCorr {
		t.Errorf("perfect correlation: %+v", c)
	}
	if c := Spearman([]float64{1, 2, 3}, []float64{6, 4, 2}); c.R != -1 || !math.IsNaN(c.T) || c.Note != NotePerfectCorr {
		t.Errorf("perfect rank correlation: %+v", c)
	}
}
